/**
 * Review of media (2): one set of orders per content, through the bundled action against the
 * simulator, when runs of the same content meet: a search after an upload that fails or lags, a
 * repository-wide listing cut short, and a killed run's post step beside another run's orders on
 * the shared project. A proxy in front of the simulator stages the races.
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { OllangSimulator, type SimulatorOptions } from '../simulator/index.ts';
import { parseOrders, runAction, startAction, type ActionRun } from './harness.ts';
import { FOREVER, savedState, startWithOwnStateFile, until } from './runner-signals.ts';

const FAST = { pendingMs: 100, ongoingMs: 200, outputsLagMs: 50 };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function simulator(options: SimulatorOptions = {}): Promise<OllangSimulator> {
  const sim = await OllangSimulator.start({ lifecycle: FAST, projects: [], ...options });
  closers.push(() => sim.close());
  return sim;
}

/** A git repository as actions/checkout leaves it, with `files` committed. */
function repository(files: Record<string, string>): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'ollang-media-dup-'));
  closers.push(async () => rmSync(ws, { recursive: true, force: true }));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, file)), { recursive: true });
    writeFileSync(path.join(ws, file), content);
  }
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
  for (const args of [['init', '-q'], ['add', '.'], ['commit', '-qm', 'media']]) execFileSync('git', args, { cwd: ws, env });
  return ws;
}

function inputs(sim: OllangSimulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': sim.apiKey,
    'api-url': sim.url,
    media: 'videos/**/*.mp4',
    'source-language': 'en',
    'target-languages': 'fr, es',
    'poll-interval': '150ms',
    timeout: '30s',
    ...extra,
  };
}

function run(sim: OllangSimulator, workspace: string, extra: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ workspace, inputs: inputs(sim, extra), timeoutMs: 60_000 });
}

function log(r: ActionRun): string {
  return `exit ${r.exitCode}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

function mediaOrders(r: ActionRun): (ReturnType<typeof parseOrders>[number] & { media?: string[]; projectId: string })[] {
  return parseOrders(r) as (ReturnType<typeof parseOrders>[number] & { media?: string[]; projectId: string })[];
}

/**
 * A proxy in front of the simulator: `hook` may answer a request itself (true), hold it, or let
 * it through; `rewrite` may change a List Projects answer's body.
 */
async function proxy(
  target: string,
  hook: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean> | boolean,
  options: { after?: (req: http.IncomingMessage, status: number) => void; rewrite?: (body: { data: { createdAt: string }[] }) => void } = {},
): Promise<string> {
  const t = new URL(target);
  const server = http.createServer((req, res) => {
    void (async () => {
      if (await hook(req, res)) return;
      const upstream = http.request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        options.after?.(req, answer.statusCode ?? 0);
        if (!options.rewrite || !req.url?.startsWith('/integration/project?')) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { createdAt: string }[] };
          options.rewrite!(body);
          const text = JSON.stringify(body);
          res.writeHead(answer.statusCode ?? 200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
          res.end(text);
        });
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const bought = (sim: OllangSimulator) => sim.orders().filter((o) => o.status !== 'cancelled');

describe('media: runs of one content meet, each language is bought once', () => {
  it('review-media2 E: run B\'s search after its upload fails: B looks again, follows the older project of run A and reuses its orders', async () => {
    const sim = await simulator();
    const wsA = repository({ 'videos/intro.mp4': 'new video bytes' });
    const wsB = repository({ 'videos/intro.mp4': 'new video bytes' }); // the same file on another branch
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let uploaded = false;
    let failed = 0;
    const url = await proxy(
      sim.url,
      async (req, res) => {
        if (req.url?.startsWith('/integration/upload/direct')) await released;
        // B's first search after its upload fails: a 503 on each of the client's 6 attempts.
        if (uploaded && failed < 6 && req.url?.startsWith('/integration/project')) {
          failed += 1;
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: -1, error: 'UnknownError', message: 'unknown error', detail: 'Service Unavailable' }));
          return true;
        }
        return false;
      },
      {
        after: (req, status) => {
          if (req.url?.startsWith('/integration/upload/direct') && status === 201) uploaded = true;
        },
      },
    );
    // B's search before its upload finds nothing; its upload is held while A uploads and orders.
    const b = startAction({ workspace: wsB, inputs: { ...inputs(sim), 'api-url': url }, timeoutMs: 60_000 });
    await b.waitForOutput('Uploading videos/intro.mp4');
    const a = await run(sim, wsA);
    expect(a.exitCode, log(a)).toBe(0);
    release();
    const rb = await b.done;
    expect(rb.exitCode, log(rb)).toBe(0);
    expect(failed).toBe(6);
    expect(sim.uploadedProjects()).toHaveLength(2);
    expect(bought(sim)).toHaveLength(2);
    expect(mediaOrders(rb).every((o) => !o.created)).toBe(true);
    expect(rb.stdout).toContain('Following Ollang project');
  }, 90_000);

  it('review-media2 E2: a List Projects that shows new projects 3 s late, two runs at once on one new file: one set of orders', async () => {
    const sim = await simulator();
    const url = await proxy(sim.url, () => false, {
      rewrite: (body) => {
        body.data = body.data.filter((p) => Date.now() - Date.parse(p.createdAt) > 3000);
      },
    });
    const start = () =>
      startAction({ workspace: repository({ 'videos/intro.mp4': 'new video' }), inputs: { ...inputs(sim), 'api-url': url }, timeoutMs: 60_000 });
    const [ra, rb] = await Promise.all([start().done, start().done]);
    expect(ra.exitCode, log(ra)).toBe(0);
    expect(rb.exitCode, log(rb)).toBe(0);
    expect(bought(sim)).toHaveLength(2);
    // Both follow the same project.
    expect(new Set([...mediaOrders(ra), ...mediaOrders(rb)].map((o) => o.projectId)).size).toBe(1);
  }, 90_000);

  it('review-media2 M: the repository listing is cut short and shows only an empty duplicate: the project with the orders is found by key, nothing bought', async () => {
    const sim = await simulator();
    const ws = repository({ 'videos/intro.mp4': 'intro', 'videos/other.mp4': 'other' });
    const key = 'git-' + execFileSync('git', ['hash-object', 'videos/intro.mp4'], { cwd: ws, encoding: 'utf8' }).trim();
    const upload = async (name: string): Promise<string> => {
      const form = new FormData();
      form.append('file', new Blob(['x']), 'x.mp4');
      form.append('name', name);
      form.append('sourceLanguage', 'en');
      const r = await fetch(`${sim.url}/integration/upload/direct`, { method: 'POST', headers: { 'X-Api-Key': sim.apiKey }, body: form });
      return ((await r.json()) as { projectId: string }).projectId;
    };
    // An empty duplicate of intro's project (a lost upload saved late), then 149 other projects of
    // the repository, then the project every run has followed since, with fr and es completed.
    const empty = await upload(`${key} [en] octo/release: videos/intro.mp4`);
    for (let i = 0; i < 149; i++) await upload(`git-${i.toString(16).padStart(40, '0')} [en] octo/release: videos/old-${i}.mp4`);
    const used = await upload(`${key} [en] octo/release: videos/intro.mp4`);
    sim.addOrder({ projectId: used, targetLanguage: 'fr', type: 'subtitle', status: 'completed' });
    sim.addOrder({ projectId: used, targetLanguage: 'es', type: 'subtitle', status: 'completed' });
    const r = await run(sim, ws);
    expect(r.exitCode, log(r)).toBe(0);
    const intro = mediaOrders(r).filter((o) => o.media?.includes('videos/intro.mp4'));
    expect(intro.map((o) => [o.language, o.projectId, o.created]).sort()).toEqual([
      ['es', used, false],
      ['fr', used, false],
    ]);
    expect(sim.orders().filter((o) => o.projectId === empty)).toEqual([]);
  }, 90_000);

  it("review-media2 O: a killed run's post step leaves alone the orders another run placed on the shared project after its lost Create Order", async () => {
    // Ollang's clock, moved on below: the other run orders 10 minutes after A's call was sent.
    let offset = 0;
    const sim = await simulator({ now: () => Date.now() + offset, lifecycle: { pendingMs: FOREVER, cancellableOngoingMs: FOREVER } });
    const wsA = repository({ 'videos/intro.mp4': 'one video' });
    const wsB = repository({ 'videos/intro.mp4': 'one video' }); // the same file, another branch
    // The shared project exists (an earlier run uploaded it and ordered de).
    expect((await run(sim, wsA, { mode: 'submit', 'target-languages': 'de' })).exitCode).toBe(0);
    // A's Create Order never reaches Ollang (a connection that dies on the way).
    const url = await proxy(sim.url, (req) => (req.url?.startsWith('/integration/orders/create') ? new Promise<boolean>(() => undefined) : false));
    const { started, stateFile } = startWithOwnStateFile({ ...inputs(sim), 'api-url': url }, { workspace: wsA });
    await until('A to save its in-flight create', () => (savedState(stateFile)['creates-in-flight'] ?? '') !== '', 20_000);
    offset = 10 * 60_000;
    // Run B (same content, same project) orders fr and es.
    const b = await run(sim, wsB, { mode: 'submit' });
    expect(b.exitCode, log(b)).toBe(0);
    const bOrders = sim.orders().filter((o) => o.targetLanguage !== 'de');
    expect(bOrders).toHaveLength(2);
    started.child.kill('SIGKILL');
    await started.done;
    const post = await runAction({ workspace: wsA, inputs: inputs(sim), state: savedState(stateFile), step: 'post' });
    expect(post.exitCode, log(post)).toBe(0);
    expect(post.stdout).toContain('it made no order that is still unfinished');
    expect(sim.orders().filter((o) => o.status === 'cancelled')).toEqual([]);
  }, 90_000);
});

describe('media: re-runs with history stay cheap', () => {
  it('review-media2 D: 150 older projects of the repository: a re-run of 2 files makes one search per file', async () => {
    const sim = await simulator();
    for (let i = 0; i < 150; i++) {
      const form = new FormData();
      form.append('file', new Blob([`old ${i}`]), 'old.mp4');
      form.append('name', `git-${i.toString(16).padStart(40, '0')} [en] octo/release: videos/old-${i}.mp4`);
      form.append('sourceLanguage', 'en');
      const r = await fetch(`${sim.url}/integration/upload/direct`, { method: 'POST', headers: { 'X-Api-Key': sim.apiKey }, body: form });
      expect(r.status).toBe(201);
    }
    const ws = repository({ 'videos/a.mp4': 'a', 'videos/b.mp4': 'b' });
    const first = await run(sim, ws);
    expect(first.exitCode, log(first)).toBe(0);
    const before = sim.count('list-projects');
    const again = await run(sim, ws);
    expect(again.exitCode, log(again)).toBe(0);
    expect(sim.count('list-projects') - before).toBe(2);
  }, 90_000);

  it('review-media2 D2: 150 newer orders of the type on another project: a re-run of 2 files reads one List Orders page per project', async () => {
    const sim = await simulator({ projects: ['proj-other'] });
    const ws = repository({ 'videos/a.mp4': 'a', 'videos/b.mp4': 'b' });
    const first = await run(sim, ws);
    expect(first.exitCode, log(first)).toBe(0);
    for (let i = 0; i < 150; i++) sim.addOrder({ projectId: 'proj-other', targetLanguage: 'de', type: 'subtitle', status: 'completed' });
    const before = sim.count('list');
    const again = await run(sim, ws);
    expect(again.exitCode, log(again)).toBe(0);
    expect(mediaOrders(again).every((o) => !o.created)).toBe(true);
    expect(sim.count('list') - before).toBe(2);
  }, 90_000);
});
