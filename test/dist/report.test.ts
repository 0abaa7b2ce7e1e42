/**
 * Issue 14, "Reports that tell the truth": each item through the bundled action, run as the
 * runner runs it against the simulator, with the job summary's Markdown and the log asserted.
 * (The artifact and the links of the summary and the PR comment: report-artifact.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { OllangSimulator, type SimulatorOptions } from '../simulator/index.ts';
import { parseOrders, runAction, startAction, type ActionRun } from './harness.ts';
import { FOREVER, cancelLikeRunner, cancelRequests } from './runner-signals.ts';

const FAST = { pendingMs: 100, ongoingMs: 200, outputsLagMs: 50, intermediateStatuses: false };

const simulators: OllangSimulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((s) => s.close()));
});

async function simulator(options: SimulatorOptions = {}): Promise<OllangSimulator> {
  const sim = await OllangSimulator.start({ lifecycle: FAST, ...options });
  simulators.push(sim);
  return sim;
}

function run(sim: OllangSimulator, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({ inputs: baseInputs(sim, inputs), timeoutMs: 45_000 });
}

function baseInputs(sim: OllangSimulator, inputs: Record<string, string>): Record<string, string> {
  return {
    'api-key': sim.apiKey,
    'api-url': sim.url,
    'project-id': 'proj-demo',
    'target-languages': 'fr, es',
    'poll-interval': '150ms',
    timeout: '20s',
    ...inputs,
  };
}

const log = (r: ActionRun): string => `exit ${r.exitCode}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}\n--- summary\n${r.summary}`;

/** Table rows of the summary, as [language, status cell] (the first two cells). */
function rows(r: ActionRun): { language: string; status: string; line: string }[] {
  // The orders table: the subtitle quality section's table after it has rows of files.
  return r.summary
    .split('### Subtitle quality')[0]!
    .split('\n')
    .filter((line) => /^\| (`[^`]+`|—) \|/.test(line))
    .map((line) => {
      const cells = line.slice(1, -1).split(/(?<!\\)\|/);
      return { language: cells[0]!.trim().replace(/`/g, ''), status: cells[1]!.trim(), line };
    });
}

/** The "What went wrong" paragraph of the summary, unescaped enough to read. */
function whatWentWrong(r: ActionRun): string {
  const line = r.summary.split('\n').find((l) => l.startsWith('**What went wrong:**')) ?? '';
  return line.replace(/\\(.)/g, '$1');
}

/** The last line the step printed, and whether a group was open around it. */
function lastLine(r: ActionRun): { line: string; inGroup: boolean } {
  const lines = r.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('::debug::'));
  const line = lines.at(-1) ?? '';
  const opened = lines.filter((l) => l.startsWith('::group::')).length;
  const closed = lines.filter((l) => l === '::endgroup::').length;
  return { line, inGroup: opened !== closed };
}

/** A loopback port nobody listens on: an `api-url` that cannot be reached. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('failures explained where people look: the summary says why and what to check', () => {
  it('a rejected API key (401): the reason and "check the secret" in the summary, and a result line last', async () => {
    const sim = await simulator();
    const r = await run(sim, { 'api-key': 'not-the-key-0000' });
    expect(r.exitCode, log(r)).toBe(1);
    expect(r.outputs['status']).toBe('failed');
    expect(r.summary.split('\n')[0]).toBe('## Ollang localization — ❌ failed');
    expect(whatWentWrong(r)).toMatch(/401 UNAUTHORIZED.*Check the secret passed as api-key/);
    expect(r.summary).not.toMatch(/^Waited/m);
    // Nothing was looked up: the run cannot say which languages have no order.
    expect(r.summary).not.toContain('Languages without an order');
    expect(lastLine(r)).toEqual({ line: 'Ollang localization failed: no order followed; 0 files downloaded.', inGroup: false });
  });

  it('a project Ollang does not know (404): "check project-id"', async () => {
    const sim = await simulator();
    const r = await run(sim, { 'project-id': 'proj-nope' });
    expect(r.exitCode, log(r)).toBe(1);
    expect(whatWentWrong(r)).toMatch(/404 PROJECT_NOT_FOUND.*Check project-id: Ollang has no project with that ID/);
    expect(r.stdout).toMatch(/^::error::.*Check project-id/m);
  });

  it('an api-url nothing answers at: "check api-url"', async () => {
    const port = await closedPort();
    const r = await runAction({
      inputs: { 'api-key': 'sim-key-0123456789', 'api-url': `http://127.0.0.1:${port}`, 'project-id': 'proj-demo', 'target-languages': 'fr', timeout: '1s' },
      timeoutMs: 45_000,
    });
    expect(r.exitCode, log(r)).toBe(1);
    expect(whatWentWrong(r)).toMatch(/network error.*Check api-url: the runner could not get an answer from Ollang there/);
    expect(r.summary).not.toContain('Languages without an order');
  });

  it('a create that made nothing: no empty "Waiting for 0 order(s)" group, and the languages are named', async () => {
    const sim = await simulator({ faults: [{ route: 'create', kind: '429', retryAfterSeconds: 0 }] });
    const r = await run(sim, {});
    expect(r.exitCode, log(r)).toBe(1);
    expect(r.outputs['status']).toBe('failed');
    expect(r.stdout).not.toContain('Waiting for 0 order(s)');
    expect(r.stdout).not.toMatch(/^::group::Waiting/m);
    expect(r.summary).toContain('Languages without an order: `fr`, `es`.');
  });

  it('bad inputs: every problem in the summary at once, before any request', async () => {
    const sim = await simulator();
    const r = await run(sim, { level: '3', timeout: 'soon', mode: 'bogus' });
    expect(r.exitCode, log(r)).toBe(1);
    expect(sim.requests).toHaveLength(0);
    expect(r.summary).toContain('**What went wrong:** 3 inputs are not valid, so nothing was sent to Ollang. Fix them in the workflow file:');
    for (const input of ['level', 'mode', 'timeout']) expect(r.summary).toMatch(new RegExp(`^- \`${input}\`: Input '${input}'`, 'm'));
    expect(lastLine(r).line).toBe('Ollang localization failed: 3 inputs are not valid; nothing was sent to Ollang.');
  });
});

describe('cancel and time-out statuses: every row says what became of its order', () => {
  it('mode: cancel with nothing to cancel: status completed (not cancelled), and the summary says so', async () => {
    const sim = await simulator();
    const r = await run(sim, { mode: 'cancel' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('completed');
    expect(r.summary).toContain('## Ollang localization — ✅ completed');
    expect(r.summary).toContain('Nothing to cancel: no unfinished order found.');
    expect(lastLine(r).line).toBe('Ollang localization completed (mode: cancel): nothing to cancel: no unfinished order found.');
  });

  it('mode: cancel reads past the 200 newest orders: an unfinished fr order behind 200 finished ones is cancelled', async () => {
    const sim = await simulator();
    const t0 = Date.now() - 3_600_000;
    const old = sim.addOrder({ projectId: 'proj-demo', targetLanguage: 'fr', status: 'pending', createdAt: new Date(t0).toISOString() });
    for (let i = 0; i < 200; i++) {
      sim.addOrder({ projectId: 'proj-demo', targetLanguage: 'de', status: 'completed', createdAt: new Date(t0 + 1000 * (i + 1)).toISOString() });
    }
    const r = await run(sim, { 'target-languages': 'fr', mode: 'cancel' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('cancelled');
    expect(sim.orders().find((o) => o.id === old.id)!.status).toBe('cancelled');
    expect(rows(r)).toEqual([{ language: 'fr', status: '🚫 cancelled — cancelled by this run', line: expect.stringContaining(old.id) as string }]);
  });

  it('mode: cancel, dry run: the summary lists what would be cancelled, and nothing is', async () => {
    const sim = await simulator({ lifecycle: { ...FAST, pendingMs: FOREVER } });
    const pending = sim.addOrder({ targetLanguage: 'fr', projectId: 'proj-demo' });
    sim.addOrder({ targetLanguage: 'es', projectId: 'proj-demo', status: 'completed' });
    const r = await run(sim, { mode: 'cancel', 'dry-run': 'true' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('dry-run');
    expect(cancelRequests(sim)).toHaveLength(0);
    expect(rows(r)).toEqual([{ language: 'fr', status: '⏳ pending — would be cancelled', line: expect.stringContaining(pending.id) as string }]);
    expect(r.summary).toContain('1 would be cancelled.');
    expect(JSON.parse(r.outputs['orders']!)).toMatchObject([{ orderId: pending.id, language: 'fr', status: 'pending' }]);
  });

  it('mode: cancel with order IDs: one cancelled, one already finished; status cancelled, each row says which', async () => {
    const sim = await simulator({ lifecycle: { ...FAST, pendingMs: FOREVER } });
    const pending = sim.addOrder({ targetLanguage: 'fr', projectId: 'proj-demo' });
    const done = sim.addOrder({ targetLanguage: 'es', projectId: 'proj-demo', status: 'completed' });
    const r = await run(sim, { mode: 'cancel', 'target-languages': '', 'order-ids': `${pending.id}, ${done.id}` });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('cancelled');
    expect(rows(r).map((row) => [row.language, row.status])).toEqual([
      ['fr', '🚫 cancelled — cancelled by this run'],
      ['es', '✅ completed — had already finished \\(completed\\): nothing to cancel'],
    ]);
    expect(parseOrders(r).map((o) => [o.orderId, o.status])).toEqual([
      [pending.id, 'cancelled'],
      [done.id, 'completed'],
    ]);
    // A finished order is not sent a cancel at all.
    expect(cancelRequests(sim).map((c) => c.path)).toEqual([expect.stringContaining(pending.id)]);
    expect(lastLine(r).line).toBe('Ollang localization cancelled (mode: cancel): 1 cancelled by this run, 1 had already finished (completed).');
  });

  it('mode: cancel that cannot cancel: each row says why, and the run fails naming them', async () => {
    const sim = await simulator({ lifecycle: { ...FAST, pendingMs: 0, ongoingMs: FOREVER, cancellableOngoingMs: 0 } });
    const ongoing = sim.addOrder({ targetLanguage: 'fr', projectId: 'proj-demo', createdAt: new Date(Date.now() - 60_000).toISOString() });
    const unknown = 'ffffffffffffffffffffffff';
    const r = await run(sim, { mode: 'cancel', 'target-languages': '', 'order-ids': `${ongoing.id}, ${unknown}` });
    expect(r.exitCode, log(r)).toBe(1);
    expect(r.outputs['status']).toBe('failed');
    expect(parseOrders(r).map((o) => [o.orderId, o.status])).toEqual([
      [ongoing.id, 'cancel-failed'],
      [unknown, 'not-found'],
    ]);
    const [fr, gone] = rows(r);
    expect(fr?.status).toMatch(/^❌ cancel\\-failed — could not be cancelled: Ollang no longer accepts cancelling this Level 0 order/);
    expect(gone?.status).toBe('❌ not\\-found — not found: Ollang has no order with this ID for this API key');
    expect(whatWentWrong(r)).toMatch(new RegExp(`^\\*\\*What went wrong:\\*\\* Could not cancel ${ongoing.id} \\(could not be cancelled: .*; ${unknown} \\(not found`));
  });

  it('on-timeout: cancel: the order it cancelled is `cancelled` in the log, the orders output and the summary alike', async () => {
    const sim = await simulator({ languages: { es: { lifecycle: { pendingMs: FOREVER } } } });
    const r = await run(sim, { timeout: '2s', 'on-timeout': 'cancel' });
    expect(r.exitCode, log(r)).toBe(1);
    expect(r.outputs['status']).toBe('timed-out');
    const es = parseOrders(r).find((o) => o.language === 'es')!;
    expect(r.stdout).toContain(`Order ${es.orderId} (es): cancelled`);
    expect(es.status).toBe('cancelled');
    expect(rows(r).find((row) => row.language === 'es')?.status).toBe(
      '🚫 cancelled — still pending when the wait ended; then cancelled by this run \\(on\\-timeout: cancel\\)',
    );
    expect(r.summary).not.toContain('### Problems');
    expect(whatWentWrong(r)).toMatch(/Then \(on-timeout: cancel\) cancelled 1 of this run's orders\./);
  });

  it('on-timeout: fail: the order is timed out and left running, and the row says so', async () => {
    const sim = await simulator({ languages: { es: { lifecycle: { pendingMs: FOREVER } } } });
    const r = await run(sim, { timeout: '2s' });
    expect(r.exitCode, log(r)).toBe(1);
    expect(parseOrders(r).find((o) => o.language === 'es')?.status).toBe('timed-out');
    expect(rows(r).find((row) => row.language === 'es')?.status).toBe('⏱️ timed\\-out — left running \\(on\\-timeout: fail\\)');
    expect(cancelRequests(sim)).toHaveLength(0);
  });

  it('SIGINT with cancel-on-abort: false: nothing promises a cancel, and the rows say the orders were left running', async () => {
    const sim = await simulator({ lifecycle: { ...FAST, pendingMs: FOREVER } });
    const started = startAction({ inputs: baseInputs(sim, { 'cancel-on-abort': 'false', timeout: '30s' }) });
    await started.waitForOutput('Waiting for 2 order(s)');
    const { run: r } = await cancelLikeRunner(started);
    expect(r.outputs['status']).toBe('cancelled');
    expect(r.stdout).toContain('Received SIGINT: stopping.');
    expect(r.stdout.toLowerCase()).not.toMatch(/\bcancelling\b/);
    expect(cancelRequests(sim)).toHaveLength(0);
    expect(rows(r).map((row) => row.status)).toEqual([
      '⏳ pending — left running \\(cancel\\-on\\-abort: false\\)',
      '⏳ pending — left running \\(cancel\\-on\\-abort: false\\)',
    ]);
  });
});

describe('a result line outside the groups, a progress line that never goes backwards, rows in target-languages order', () => {
  it('orders answered in reverse: rows and the orders output follow target-languages; the result line is last, outside any group', async () => {
    const sim = await simulator({ createResponseOrder: 'reversed', lifecycle: { pendingMs: 100, ongoingMs: 300, outputsLagMs: 50 } });
    const r = await run(sim, { 'target-languages': 'de, fr, es, it' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(rows(r).map((row) => row.language)).toEqual(['de', 'fr', 'es', 'it']);
    expect(parseOrders(r).map((o) => o.language)).toEqual(['de', 'fr', 'es', 'it']);
    expect(lastLine(r)).toEqual({
      line: 'Ollang localization completed: 4 orders (4 created, 0 reused), 4 with files; 8 files downloaded to localized.',
      inGroup: false,
    });
    // The progress line: the finished count never goes down, and no "next check in X; X left".
    const progress = r.stdout.split('\n').filter((line) => /^\d+\/4 finished/.test(line));
    expect(progress.length, r.stdout).toBeGreaterThan(1);
    const counts = progress.map((line) => Number(/^(\d+)/.exec(line)![1]));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    for (const line of progress) {
      const m = /next check in (.+); (.+) left$/.exec(line);
      if (m) expect(m[1], line).not.toBe(m[2]);
    }
  });

  it('dry run: "would reuse" in the summary and the result line follow target-languages, not the look-up', async () => {
    const sim = await simulator();
    const languages = 'fr, es, pt-BR, de';
    const first = await run(sim, { 'target-languages': languages });
    expect(first.exitCode, log(first)).toBe(0);
    const r = await run(sim, { 'target-languages': languages, 'dry-run': 'true' });
    expect(r.outputs['status'], log(r)).toBe('dry-run');
    expect(lastLine(r).line).toBe('Ollang localization dry run: would create nothing; would reuse fr, es, pt-BR, de.');
    const reuse = r.summary.split('\n').find((line) => line.startsWith('- Would reuse:')) ?? '';
    expect(Array.from(reuse.matchAll(/`([^`]+)` \(order/g), (m) => m[1])).toEqual(['fr', 'es', 'pt-BR', 'de']);
  });

  it("Ollang's raw statuses explained where they mean a wait: waitingForApprove is a human-review gate", async () => {
    const sim = await simulator();
    const gated = sim.addOrder({ targetLanguage: 'fr', projectId: 'proj-demo', level: 1, status: 'waitingForApprove' });
    const r = await run(sim, { mode: 'collect', 'target-languages': '', 'order-ids': gated.id, timeout: '1s', 'on-timeout': 'continue' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.stdout).toMatch(/^0\/1 finished, 1 waitingForApprove \(a human-review gate\); /m);
    expect(rows(r)[0]?.status).toMatch(/^⏱️ timed\\-out — a human\\-review gate: someone at Ollang must approve it, which can take long; left running/);
  });
});

describe('deliverables follow the order type: a finished order with nothing downloaded is never silent', () => {
  it('a document order with download: vtt: a warning names the order and what it had', async () => {
    const sim = await simulator();
    const r = await run(sim, { 'order-type': 'document', download: 'vtt', 'target-languages': 'fr' });
    expect(r.exitCode, log(r)).toBe(0);
    const [order] = parseOrders(r);
    expect(order?.files).toEqual([]);
    const warning = r.stdout.split('\n').find((line) => line.startsWith('::warning title=Nothing downloaded%3A fr::'));
    expect(warning, r.stdout).toBeDefined();
    expect(warning).toContain(`Order ${order!.orderId} (fr, document) finished, but none of its outputs was downloaded: download: vtt, and it had `);
    expect(warning).toMatch(/\(documents\)/);
    // Not a quiet ✅ with "—" in the summary either: the row and the problems say it.
    expect(rows(r)[0]?.status).toBe('✅ completed — nothing downloaded \\(see the problems\\)');
    expect(r.summary).toMatch(/^### Problems$/m);
    expect(r.summary).toMatch(/^- `fr`, order `[^`]+`: finished, but none of its outputs was downloaded: download: vtt, and it had /m);
  });

  it('download: none: said in the log, without a warning', async () => {
    const sim = await simulator();
    const r = await run(sim, { download: 'none', 'target-languages': 'fr' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.stdout).toMatch(/^Order \S+ \(fr, subtitle\) finished, but none of its outputs was downloaded \(download: none\); it had /m);
    expect(r.stdout).not.toMatch(/^::warning/m);
  });
});
