/**
 * A local fake of the Actions cache service v2, as @actions/cache 6 talks to it:
 *
 * - Twirp JSON at `${ACTIONS_RESULTS_URL}/twirp/github.actions.results.api.v1.CacheService/<Method>`
 *   with `Authorization: Bearer ${ACTIONS_RUNTIME_TOKEN}` (lib/internal/shared/cacheTwirpClient.js).
 *   Requests use proto field names (`restore_keys`, `size_bytes`); answers may use either.
 * - The archive upload goes through @azure/storage-blob's BlockBlobClient.uploadFile to the
 *   signed URL CreateCacheEntry returned: one `PUT` with `x-ms-blob-type: BlockBlob` up to
 *   128 MiB, else `PUT ?comp=block&blockid=` per block and `PUT ?comp=blocklist`. The URL is
 *   path-style (`http://127.0.0.1:<port>/<account>/<container>/<blob>`), which the SDK accepts
 *   for IP hosts (isIpEndpointStyle).
 * - The download: a host that is not `*.blob.core.windows.net` gets a plain GET
 *   (downloadCacheHttpClient); HEAD and Range are served too, for the concurrent downloader.
 *
 * The client reads the environment at call time (lib/internal/config.js), and takes v2 only
 * when ACTIONS_CACHE_SERVICE_V2 is set and GITHUB_SERVER_URL is unset or a github.com / ghe.com /
 * *.localhost host (any other server URL counts as GHES and selects the v1 protocol, which this
 * fake does not speak). isFeatureAvailable() needs ACTIONS_CACHE_SERVICE_V2 + ACTIONS_RESULTS_URL.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';
const BLOB_PREFIX = '/devstoreaccount1/actions-cache/';

interface Entry {
  id: number;
  key: string;
  version: string;
  /** Committed content; undefined until the upload finished. */
  data?: Buffer;
  blocks: Map<string, Buffer>;
  finalized: boolean;
  createdAt: number;
  /**
   * SAS signatures. Random, because @actions/cache masks the `sig` of every signed URL
   * (`::add-mask::`), and a guessable value would mask ordinary text in the log.
   */
  uploadSig: string;
  downloadSig: string;
}

export interface FakeCacheService {
  url: string;
  /** Give these to the process that runs @actions/cache. */
  env: Record<string, string>;
  /** Finalized entries, oldest first. */
  entries(): { key: string; version: string; size: number }[];
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

export async function startCacheService(): Promise<FakeCacheService> {
  const token = `fake-runtime-token-${randomBytes(8).toString('hex')}`;
  const entries: Entry[] = [];
  const requests: { method: string; path: string }[] = [];
  let nextId = 1;
  let url = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'internal', msg: String(error) });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = new URL(req.url ?? '/', url);
    requests.push({ method: req.method ?? 'GET', path: target.pathname + target.search });
    const body = await readBody(req);

    if (target.pathname.startsWith(SERVICE)) {
      if (req.method !== 'POST') return sendJson(res, 405, { code: 'bad_route', msg: 'POST only' });
      if (req.headers.authorization !== `Bearer ${token}`) {
        return sendJson(res, 401, { code: 'unauthenticated', msg: 'invalid runtime token' });
      }
      let request: Record<string, unknown>;
      try {
        request = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        return sendJson(res, 400, { code: 'malformed', msg: 'body is not JSON' });
      }
      const method = target.pathname.slice(SERVICE.length);
      switch (method) {
        case 'CreateCacheEntry':
          return sendJson(res, 200, createCacheEntry(request));
        case 'FinalizeCacheEntryUpload':
          return sendJson(res, 200, finalizeCacheEntryUpload(request));
        case 'GetCacheEntryDownloadURL':
          return sendJson(res, 200, getCacheEntryDownloadUrl(request));
        default:
          return sendJson(res, 404, { code: 'bad_route', msg: `no method ${method}` });
      }
    }

    if (target.pathname.startsWith(BLOB_PREFIX)) {
      const id = Number(target.pathname.slice(BLOB_PREFIX.length));
      const entry = entries.find((candidate) => candidate.id === id);
      if (!entry) return sendBlobError(res, 404, 'BlobNotFound');
      const sig = target.searchParams.get('sig');
      if (req.method === 'PUT') {
        if (sig !== entry.uploadSig || entry.finalized) return sendBlobError(res, 403, 'AuthenticationFailed');
        return putBlob(entry, target.searchParams, req, body, res);
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        if (sig !== entry.downloadSig || !entry.finalized || !entry.data) {
          return sendBlobError(res, 403, 'AuthenticationFailed');
        }
        return getBlob(entry.data, req, res);
      }
      return sendBlobError(res, 405, 'UnsupportedHttpVerb');
    }

    sendJson(res, 404, { msg: 'not found' });
  }

  function createCacheEntry(request: Record<string, unknown>): object {
    const key = String(request['key'] ?? '');
    const version = String(request['version'] ?? '');
    if (!key || !version) return { ok: false, message: 'key and version are required' };
    // The real service refuses a second entry with the same key and version: entries are immutable.
    if (entries.some((entry) => entry.key === key && entry.version === version)) {
      return { ok: false, message: `cache entry with key ${key} already exists` };
    }
    const entry: Entry = {
      id: nextId++,
      key,
      version,
      blocks: new Map(),
      finalized: false,
      createdAt: Date.now(),
      uploadSig: randomBytes(12).toString('hex'),
      downloadSig: randomBytes(12).toString('hex'),
    };
    entries.push(entry);
    return { ok: true, signed_upload_url: `${url}${BLOB_PREFIX}${entry.id}?sv=2024-01-01&sig=${entry.uploadSig}` };
  }

  function finalizeCacheEntryUpload(request: Record<string, unknown>): object {
    const key = String(request['key'] ?? '');
    const version = String(request['version'] ?? '');
    const size = Number(request['size_bytes'] ?? request['sizeBytes'] ?? -1);
    const entry = entries.find((candidate) => candidate.key === key && candidate.version === version);
    if (!entry || entry.finalized) return { ok: false, message: `no pending cache entry with key ${key}` };
    if (!entry.data) return { ok: false, message: `nothing was uploaded for key ${key}` };
    if (entry.data.length !== size) {
      return { ok: false, message: `size mismatch: uploaded ${entry.data.length}, announced ${size}` };
    }
    entry.finalized = true;
    return { ok: true, entry_id: String(entry.id) };
  }

  function getCacheEntryDownloadUrl(request: Record<string, unknown>): object {
    const key = String(request['key'] ?? '');
    const version = String(request['version'] ?? '');
    const restoreKeys = Array.isArray(request['restore_keys']) ? request['restore_keys'].map(String) : [];
    const usable = entries.filter((entry) => entry.finalized && entry.version === version);
    // Exact primary key first, then each restore key as a prefix, newest entry first.
    let match = newest(usable.filter((entry) => entry.key === key));
    for (const prefix of restoreKeys) {
      if (match) break;
      match = newest(usable.filter((entry) => entry.key.startsWith(prefix)));
    }
    if (!match) return { ok: false, signed_download_url: '', matched_key: '' };
    return {
      ok: true,
      signed_download_url: `${url}${BLOB_PREFIX}${match.id}?sv=2024-01-01&sig=${match.downloadSig}`,
      matched_key: match.key,
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    env: {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: `${url}/`,
      ACTIONS_RUNTIME_TOKEN: token,
    },
    entries: () =>
      entries
        .filter((entry) => entry.finalized)
        .map((entry) => ({ key: entry.key, version: entry.version, size: entry.data?.length ?? 0 })),
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function newest(candidates: Entry[]): Entry | undefined {
  return candidates.reduce<Entry | undefined>(
    (best, entry) =>
      !best || entry.createdAt > best.createdAt || (entry.createdAt === best.createdAt && entry.id > best.id) ? entry : best,
    undefined,
  );
}

function putBlob(entry: Entry, query: URLSearchParams, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
  const comp = query.get('comp');
  if (comp === 'block') {
    const blockId = query.get('blockid');
    if (!blockId) return sendBlobError(res, 400, 'InvalidQueryParameterValue');
    entry.blocks.set(blockId, body);
    return sendBlobCreated(res);
  }
  if (comp === 'blocklist') {
    // <BlockList><Latest>id</Latest>…</BlockList>; Committed/Uncommitted name the same store here.
    const ids = Array.from(body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g), (m) => m[1] ?? '');
    const parts: Buffer[] = [];
    for (const id of ids) {
      const block = entry.blocks.get(id);
      if (!block) return sendBlobError(res, 400, 'InvalidBlockList');
      parts.push(block);
    }
    entry.data = Buffer.concat(parts);
    entry.blocks.clear();
    return sendBlobCreated(res);
  }
  if (comp) return sendBlobError(res, 400, 'UnsupportedQueryParameter');
  if (req.headers['x-ms-blob-type'] !== 'BlockBlob') return sendBlobError(res, 400, 'InvalidBlobType');
  entry.data = body;
  sendBlobCreated(res);
}

function getBlob(data: Buffer, req: IncomingMessage, res: ServerResponse): void {
  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    'accept-ranges': 'bytes',
    etag: '"0x8DC0000000000000"',
    'last-modified': new Date(0).toUTCString(),
    'x-ms-blob-type': 'BlockBlob',
    'x-ms-version': '2024-01-01',
  };
  const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers['x-ms-range'] ?? req.headers.range ?? ''));
  if (range) {
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), data.length - 1) : data.length - 1;
    if (start >= data.length || start > end) {
      res.writeHead(416, { 'content-range': `bytes */${data.length}` });
      res.end();
      return;
    }
    const slice = data.subarray(start, end + 1);
    res.writeHead(206, { ...headers, 'content-length': String(slice.length), 'content-range': `bytes ${start}-${end}/${data.length}` });
    res.end(req.method === 'HEAD' ? undefined : slice);
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': String(data.length) });
  res.end(req.method === 'HEAD' ? undefined : data);
}

function sendBlobCreated(res: ServerResponse): void {
  res.writeHead(201, {
    etag: `"0x8DC${randomBytes(6).toString('hex').toUpperCase()}"`,
    'last-modified': new Date().toUTCString(),
    'x-ms-request-id': randomBytes(8).toString('hex'),
    'x-ms-version': '2024-01-01',
    'x-ms-request-server-encrypted': 'true',
    'content-length': '0',
  });
  res.end();
}

function sendBlobError(res: ServerResponse, status: number, code: string): void {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code, 'content-length': String(Buffer.byteLength(xml)) });
  res.end(xml);
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
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
