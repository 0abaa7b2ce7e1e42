/**
 * Downloads through the bundled action run as the runner runs it, against the simulator's file
 * host: the `timeout` deadline, folders that lead outside the workspace, temporary files a
 * killed run leaves, and retries of transient failures while time is left. One test per row of
 * docs/reliability.md ("Downloads"). Loopback only.
 */
import { afterAll, describe, it, type ExpectStatic as Expect } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, lstatSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OllangSimulator, type SimulatorOptions } from '../simulator/index.ts';
import { srt, vtt } from '../simulator/content.ts';
import { parseOrders, runAction, runPost, startAction, type ActionRun } from './harness.ts';

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
  const root = mkdtempSync(path.join(tmpdir(), 'ollang-downloads-'));
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
    'reuse-orders': 'false',
    timeout: '40s',
    ...extra,
  };
}

/** Every file under `dir` (symlinks not followed). */
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

const temporary = (files: string[]): string[] => files.filter((f) => f.endsWith('.part'));

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

/** The `::error::` line setFailed printed (decoded). */
function failure(run: ActionRun): string {
  const line = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
  return line.slice('::error::'.length).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.concurrent('downloads: deadline, workspace, temporary files, retries (dist/index.js)', () => {
  it('a file host sending one byte a second: `timeout: 3s` ends the run on time; the download is stopped, reported timed-out, no file left', async ({
    expect,
  }) => {
    const s = await sim({ faults: [{ route: 'download', kind: 'trickle', delayMs: 1_000, language: 'fr' }] });
    const { root, workspace } = sandbox();
    const run = await runAction({
      workspace,
      inputs: inputs(s, { 'target-languages': 'fr, es', timeout: '3s', 'on-timeout': 'continue' }),
      timeoutMs: 40_000,
    });
    // The deadline is 3 s after the start; reporting after it takes well under a second.
    expect(run.durationMs, run.stdout).toBeLessThan(3_000 + 3_000);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['status']).toBe('timed-out');
    const orders = parseOrders(run);
    const fr = orders.find((o) => o.language === 'fr')!;
    expect(fr.status).toBe('timed-out');
    expect(fr.files).toEqual([]);
    expect(orders.find((o) => o.language === 'es')!.files).toHaveLength(2);
    expect(expectWholeFiles(expect, run)).toBe(2);
    const files = walk(root);
    expect(temporary(files)).toEqual([]);
    expect(files.filter((f) => f.includes(`${path.sep}fr${path.sep}`))).toEqual([]);
    expect(run.stdout).toMatch(/stopped at the deadline/);
  });

  it.for(['language folder', 'output-dir'])(
    'a symlinked %s leading outside the workspace: refused before any request, nothing written outside',
    async (which, { expect }) => {
      // Every output path is rendered and its existing folders checked before anything is ordered
      // (media/prepare.ts); the downloader's own check (target.ts) stays for a link made during the run.
      const s = await sim();
      const { root, workspace } = sandbox();
      const outside = path.join(root, 'outside');
      mkdirSync(outside);
      mkdirSync(path.join(workspace, 'localized'));
      if (which === 'output-dir') symlinkSync(outside, path.join(workspace, 'localized', 'l10n'));
      else symlinkSync(outside, path.join(workspace, 'localized', 'fr'));
      const outputDir = which === 'output-dir' ? 'localized/l10n' : 'localized';
      const run = await runAction({ workspace, inputs: inputs(s, { 'target-languages': 'fr, es', 'output-dir': outputDir }) });
      expect(walk(outside)).toEqual([]);
      expect(run.exitCode).toBe(1);
      const message = failure(run);
      expect(message).toMatch(/symbolic link to a place outside the workspace/);
      expect(message).toContain(which === 'output-dir' ? 'the folder localized/l10n' : 'the folder localized/fr');
      expect(s.requests.filter((r) => r.route !== 'health')).toEqual([]);
      expect(temporary(walk(root))).toEqual([]);
    },
  );

  it('SIGKILL mid-download: the post step removes the temporary file the run left', async ({ expect }) => {
    const s = await sim({ faults: [{ route: 'download', kind: 'trickle', delayMs: 200, language: 'fr' }] });
    const { root, workspace } = sandbox();
    const started = startAction({ workspace, inputs: inputs(s, { 'target-languages': 'fr', timeout: '60s' }), timeoutMs: 40_000 });
    const folder = path.join(workspace, 'localized', 'fr');
    await waitFor(() => temporary(walk(workspace)).length > 0, 20_000, 'a temporary file in the workspace');
    started.child.kill('SIGKILL');
    const main = await started.done;
    expect(main.signal).toBe('SIGKILL');
    const left = temporary(walk(workspace));
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((f) => path.dirname(f) === folder)).toBe(true);

    const post = await runPost(main, { inputs: inputs(s, { 'target-languages': 'fr', timeout: '60s' }) });
    expect(post.exitCode, post.stdout + post.stderr).toBe(0);
    expect(temporary(walk(root))).toEqual([]);
    expect(post.stdout).toMatch(/temporary/);
  });

  it('a file host answering 503 four times in a row (all the attempts v1 made), and an HTML page with 200 once: retried while time is left, completes', async ({
    expect,
  }) => {
    const s = await sim({
      faults: [
        { route: 'download', kind: '503', language: 'es', times: 4 },
        { route: 'download', kind: 'html-200', language: 'de', times: 1 },
      ],
    });
    const { root, workspace } = sandbox();
    const run = await runAction({ workspace, inputs: inputs(s, { timeout: '30s' }), timeoutMs: 45_000 });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['status']).toBe('completed');
    expect(expectWholeFiles(expect, run)).toBe(6);
    expect(s.requests.filter((r) => r.fault === '503')).toHaveLength(4);
    expect(s.requests.filter((r) => r.fault === 'html-200')).toHaveLength(1);
    expect(temporary(walk(root))).toEqual([]);
  });

  it("Ollang's API hangs while a download asks it for a fresh URL (the file host served an HTML page), `timeout: 8s`: the run ends at the deadline and names the host's answer", async ({
    expect,
  }) => {
    const htmlForFr = { route: 'download' as const, kind: 'html-200' as const, language: 'fr' };
    const s = await sim({ faults: [htmlForFr] });
    const { root, workspace } = sandbox();
    const started = startAction({
      workspace,
      inputs: inputs(s, { 'target-languages': 'fr', timeout: '8s', 'on-timeout': 'continue' }),
      timeoutMs: 90_000,
    });
    // Once the first download has been refused, Get Order stops answering (a hiccup near the end of the run).
    await waitFor(() => s.requests.some((r) => r.route === 'download'), 20_000, 'the first download');
    s.setFaults([htmlForFr, { route: 'get', kind: 'slow', delayMs: 120_000 }]);
    const run = await started.done;
    // Before: 61.8 s. The look-up timed out after 30 s and was retried: the run's client may retry for a minute.
    expect(run.durationMs, run.stdout).toBeLessThan(8_000 + 4_000);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['status']).toBe('timed-out');
    const fr = parseOrders(run).find((o) => o.language === 'fr')!;
    expect(fr.files).toEqual([]);
    // What went wrong is the host's HTML page, not "stopped at the deadline before any byte came".
    expect(run.stdout).toMatch(/refused: .*an HTML page.*\. Gave up after \d attempt\(s\): the timeout leaves no time for another\./);
    expect(run.stdout).not.toMatch(/srt" from \S+ was stopped at the deadline/);
    expect(s.requests.filter((r) => r.route === 'get' && r.fault === 'slow')).toHaveLength(1);
    expect(temporary(walk(root))).toEqual([]);
  }, 100_000); // room for the 62 s the bundle took before: it fails on the figure, not on the test's time-out

  it('30% 503s on the file host, three languages, 20 s timeout: completes', async ({ expect }) => {
    // Seed 54: one file's first four downloads draw a 503 (v1 gave up there and ended `partial`).
    const s = await sim({ seed: 54, faults: [{ route: 'download', kind: '503', probability: 0.3 }] });
    const { root, workspace } = sandbox();
    const run = await runAction({ workspace, inputs: inputs(s, { timeout: '20s' }), timeoutMs: 40_000 });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['status']).toBe('completed');
    expect(expectWholeFiles(expect, run)).toBe(6);
    expect(s.requests.filter((r) => r.fault === '503').length).toBeGreaterThanOrEqual(2);
    expect(temporary(walk(root))).toEqual([]);
  });
});
