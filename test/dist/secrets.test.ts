/**
 * The API key never leaves the action: through the bundled action run as the runner runs it,
 * with step debug logging on (RUNNER_DEBUG=1, ACTIONS_STEP_DEBUG=true) and a distinctive key,
 * every byte the action printed (stdout, stderr) or wrote (GITHUB_OUTPUT, GITHUB_STATE,
 * GITHUB_STEP_SUMMARY, every file in the workspace and in RUNNER_TEMP, and their names) is
 * searched for the key. The one line allowed to hold it is `::add-mask::<key>`, the command
 * that makes the runner mask it, and it must be the first line printed. Loopback only.
 */
import { afterAll, describe, it, type ExpectStatic as Expect } from 'vitest';
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { OllangSimulator, type SimulatorOptions } from '../simulator/index.ts';
import { parseOrders, runAction, runPost, startAction, type ActionRun } from './harness.ts';

/** Distinctive, and long enough that finding it anywhere cannot be chance. */
const KEY = 'olk_live_Zq8vR3xN7pT2wK9mB4cH6jL1sD5fG0aE';
const MASK = `::add-mask::${KEY}`;
/** The key as it could also leak: base64 (an Authorization-style header), URL-encoded, JSON-escaped. */
const FORMS = [KEY, Buffer.from(KEY).toString('base64'), encodeURIComponent(KEY), JSON.stringify(KEY).slice(1, -1)];
const DEBUG_ENV = { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' };

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c().catch(() => undefined)));
});

async function sim(options: SimulatorOptions = {}): Promise<OllangSimulator> {
  const s = await OllangSimulator.start({ apiKey: KEY, seed: 5, lifecycle: { pendingMs: 100, ongoingMs: 200, outputsLagMs: 100 }, ...options });
  cleanups.push(() => s.close());
  return s;
}

function inputs(s: OllangSimulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': KEY,
    'api-url': s.url,
    'project-id': 'proj-demo',
    'target-languages': 'fr, es',
    'poll-interval': '200ms',
    timeout: '30s',
    ...extra,
  };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (lstatSync(full).isDirectory()) out.push(full, ...walk(full));
    else out.push(full);
  }
  return out;
}

function leaks(text: string): string[] {
  return FORMS.filter((form) => text.includes(form));
}

/**
 * Every byte of one step: its stdout (after the first line, which must be the mask command if
 * the key shows up at all), stderr, the runner files it wrote, and every file (content and name)
 * in the workspace and in its RUNNER_TEMP.
 */
function expectNoKey(expect: Expect, run: ActionRun, step: string): void {
  const lines = run.stdout.split('\n');
  if (run.stdout.includes(KEY) || step === 'main') {
    expect(lines[0], `${step}: the first line printed masks the key`).toBe(MASK);
  }
  // Exactly that one command line is excluded from the search.
  const rest = lines.slice(lines[0] === MASK ? 1 : 0);
  rest.forEach((line, i) => expect(leaks(line), `${step} stdout line ${i + 2}: ${line.slice(0, 200)}`).toEqual([]));
  expect(leaks(run.stderr), `${step} stderr`).toEqual([]);
  for (const [name, file] of Object.entries(run.files)) {
    expect(leaks(readFileSync(file, 'latin1')), `${step} ${name} file`).toEqual([]);
    expect(leaks(readFileSync(file, 'utf8')), `${step} ${name} file`).toEqual([]);
  }
  const runnerTemp = path.dirname(run.files.output);
  for (const dir of [run.workspace, runnerTemp]) {
    for (const file of walk(dir)) {
      expect(leaks(file), `a file name: ${file}`).toEqual([]);
      if (lstatSync(file).isFile()) expect(leaks(readFileSync(file, 'utf8')), `${step}: ${file}`).toEqual([]);
    }
  }
}

describe.concurrent('the API key never leaves the action (debug logging on)', () => {
  it('success', async ({ expect }) => {
    const s = await sim();
    const run = await runAction({ inputs: inputs(s), env: DEBUG_ENV });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['status']).toBe('completed');
    expect(run.stdout).toContain('::debug::');
    expectNoKey(expect, run, 'main');
    const post = await runPost(run, { inputs: inputs(s), env: DEBUG_ENV });
    expectNoKey(expect, post, 'post');
  });

  it('failure: an order fails and a download is an HTML error page', async ({ expect }) => {
    const s = await sim({ languages: { es: { outcome: 'failed' } }, faults: [{ route: 'download', kind: 'html-200', language: 'fr' }] });
    const run = await runAction({ inputs: inputs(s), env: DEBUG_ENV });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['status']).toBe('failed');
    expect(run.stdout).toContain('::error::');
    expectNoKey(expect, run, 'main');
  });

  it('failure: the key is rejected (401)', async ({ expect }) => {
    const s = await sim({ apiKey: 'the-simulator-expects-another-key' });
    const run = await runAction({ inputs: inputs(s), env: DEBUG_ENV });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::.*401/);
    expect(s.requests.length).toBeGreaterThan(0);
    expectNoKey(expect, run, 'main');
  });

  it('fault-heavy, with a server that echoes the key back in names', async ({ expect }) => {
    const s = await sim({
      faults: [
        { route: 'create', kind: 'create-no-answer', times: 1 },
        { route: 'any', kind: 'malformed-json', times: 2 },
        { route: 'download', kind: 'truncate', times: 2 },
        { route: 'any', kind: '503', probability: 0.15 },
        { route: 'any', kind: 'reset', probability: 0.15 },
        { route: 'get', kind: '429', retryAfterSeconds: 1, times: 1 },
      ],
      decorateOrder: (order) => ({
        ...order,
        name: `Tour ${KEY}`,
        orderDocs: (order['orderDocs'] as Record<string, unknown>[]).map((d) => ({ ...d, name: `${KEY} ${String(d['name'])}` })),
      }),
    });
    const run = await runAction({ inputs: inputs(s), env: DEBUG_ENV, timeoutMs: 60_000 });
    expect(['completed', 'partial', 'failed']).toContain(run.outputs['status']);
    expect(s.requests.filter((r) => r.fault).length).toBeGreaterThan(3);
    expect(parseOrders(run).flatMap((o) => o.files).length).toBeGreaterThan(0);
    expectNoKey(expect, run, 'main');
  }, 65_000);

  it('timeout, with on-timeout: cancel', async ({ expect }) => {
    const s = await sim({ languages: { fr: { outcome: 'stuck' }, es: { outcome: 'stuck' } }, lifecycle: { pendingMs: 60_000 } });
    const run = await runAction({ inputs: inputs(s, { timeout: '2s', 'on-timeout': 'cancel' }), env: DEBUG_ENV });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['status']).toBe('timed-out');
    expect(s.count('cancel')).toBeGreaterThan(0);
    expectNoKey(expect, run, 'main');
  });

  it('abort (SIGINT) and the post step', async ({ expect }) => {
    const s = await sim({ lifecycle: { pendingMs: 60_000 } });
    const started = startAction({ inputs: inputs(s), env: DEBUG_ENV });
    await started.waitForOutput('Waiting for 2 order(s)');
    started.child.kill('SIGINT');
    const run = await started.done;
    expect(run.exitCode).toBe(1);
    expect(s.count('cancel')).toBeGreaterThan(0);
    expectNoKey(expect, run, 'main');
    const post = await runPost(run, { inputs: inputs(s), env: DEBUG_ENV });
    expect(post.exitCode).toBe(0);
    expectNoKey(expect, post, 'post');
  });

  it('killed (SIGKILL) mid-wait, then the post step cancels with the key', async ({ expect }) => {
    const s = await sim({ lifecycle: { pendingMs: 60_000 } });
    const started = startAction({ inputs: inputs(s), env: DEBUG_ENV });
    await started.waitForOutput('Waiting for 2 order(s)');
    started.child.kill('SIGKILL');
    const run = await started.done;
    expect(run.signal).toBe('SIGKILL');
    expectNoKey(expect, run, 'main');
    const before = s.count('cancel');
    const post = await runPost(run, { inputs: inputs(s), env: DEBUG_ENV });
    expect(post.exitCode).toBe(0);
    expect(s.count('cancel')).toBeGreaterThan(before);
    // The post step used the key: the mask came first.
    expect(post.stdout.split('\n')[0]).toBe(MASK);
    expectNoKey(expect, post, 'post');
  });
});
