/**
 * A local fake of the GitHub REST endpoints the PR comment uses:
 *   GET   /repos/:owner/:repo/issues/:number/comments   (per_page ≤ 100, page, Link header)
 *   POST  /repos/:owner/:repo/issues/:number/comments
 *   PATCH /repos/:owner/:repo/issues/comments/:id
 * and GraphQL's `query { viewer { login } }` (POST /graphql): whose token it is, which every
 * kind of token may ask. The token's account is `viewer` (default github-actions[bot], a Bot,
 * as for GITHUB_TOKEN); the comments it writes are that account's. `graphql: false` answers
 * /graphql 404, as a server without it would.
 * Writes are answered 403 "Resource not accessible by integration" while `forbid` is on, as
 * GitHub answers a read-only GITHUB_TOKEN (pull requests from forks).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  /** The PR the comment belongs to; a seeded comment without one shows on every PR. */
  issueNumber?: number;
}

export interface FakeGitHubApi {
  url: string;
  /** Every comment, in creation order; tests may push seeded ones. */
  comments: FakeComment[];
  requests: { method: string; path: string; authorization?: string }[];
  setForbid(forbid: boolean): void;
  close(): Promise<void>;
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' };
const FORBIDDEN = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  status: '403',
};

export async function startGitHubApi(
  options: { forbid?: boolean; viewer?: { login: string; type: string }; graphql?: boolean } = {},
): Promise<FakeGitHubApi> {
  let forbid = options.forbid ?? false;
  const viewer = options.viewer ?? BOT;
  const comments: FakeComment[] = [];
  const requests: FakeGitHubApi['requests'] = [];
  let url = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => sendJson(res, 500, { message: String(error) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = new URL(req.url ?? '/', url);
    const method = req.method ?? 'GET';
    const authorization = req.headers.authorization;
    requests.push({ method, path: target.pathname + target.search, ...(authorization ? { authorization } : {}) });
    const body = await readBody(req);
    if (!authorization) return sendJson(res, 401, { message: 'Requires authentication', status: '401' });

    if (target.pathname === '/graphql' && method === 'POST' && options.graphql !== false) {
      const query = (JSON.parse(body.toString('utf8') || '{}') as { query?: unknown }).query;
      if (typeof query !== 'string' || !/^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
        return sendJson(res, 200, { errors: [{ message: 'This fake answers only query { viewer { login } }' }] });
      }
      return sendJson(res, 200, { data: { viewer: { login: viewer.login } } });
    }

    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(target.pathname);
    if (list) {
      const issueNumber = Number(list[3]);
      if (method === 'GET') return listComments(issueNumber, target, res);
      if (method === 'POST') {
        if (forbid) return sendJson(res, 403, FORBIDDEN);
        const text = parseBody(body);
        if (text === undefined) return sendJson(res, 422, { message: 'Validation Failed', status: '422' });
        const comment: FakeComment = { id: 1000 + comments.length + 1, body: text, user: { ...viewer }, issueNumber };
        comments.push(comment);
        return sendJson(res, 201, present(comment, list[1] ?? '', list[2] ?? ''));
      }
      return sendJson(res, 404, { message: 'Not Found', status: '404' });
    }

    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(target.pathname);
    if (one && method === 'PATCH') {
      if (forbid) return sendJson(res, 403, FORBIDDEN);
      const comment = comments.find((candidate) => candidate.id === Number(one[3]));
      if (!comment) return sendJson(res, 404, { message: 'Not Found', status: '404' });
      const text = parseBody(body);
      if (text === undefined) return sendJson(res, 422, { message: 'Validation Failed', status: '422' });
      comment.body = text;
      return sendJson(res, 200, present(comment, one[1] ?? '', one[2] ?? ''));
    }

    sendJson(res, 404, { message: 'Not Found', status: '404' });
  }

  function listComments(issueNumber: number, target: URL, res: ServerResponse): void {
    const perPage = Math.min(100, Math.max(1, Number(target.searchParams.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(target.searchParams.get('page') ?? 1) || 1);
    const mine = comments.filter((comment) => comment.issueNumber === undefined || comment.issueNumber === issueNumber);
    const lastPage = Math.max(1, Math.ceil(mine.length / perPage));
    const slice = mine.slice((page - 1) * perPage, page * perPage);
    const [, owner = '', repo = ''] = target.pathname.split('/').slice(1);
    const pageUrl = (n: number): string => {
      const next = new URL(target.href);
      next.searchParams.set('per_page', String(perPage));
      next.searchParams.set('page', String(n));
      return next.href;
    };
    const links: string[] = [];
    if (page < lastPage) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
    if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`, `<${pageUrl(page - 1)}>; rel="prev"`);
    sendJson(
      res,
      200,
      slice.map((comment) => present(comment, owner, repo)),
      links.length > 0 ? { link: links.join(', ') } : {},
    );
  }

  function present(comment: FakeComment, owner: string, repo: string): object {
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      body: comment.body,
      user: { ...comment.user, id: comment.user.type === 'Bot' ? 41898282 : comment.id },
      html_url: `https://github.com/${owner}/${repo}/pull/${comment.issueNumber ?? 0}#issuecomment-${comment.id}`,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    comments,
    requests,
    setForbid: (value) => {
      forbid = value;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function parseBody(raw: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(raw.toString('utf8')) as { body?: unknown };
    return typeof parsed.body === 'string' ? parsed.body : undefined;
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
