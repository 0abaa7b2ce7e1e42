/**
 * Aborts, time-outs, the post step and mode: cancel, with the bundled action run as the runner
 * runs it: a child process that gets SIGINT, then SIGTERM 7.5 s later, then SIGKILL 2.5 s after
 * that; then the post step with the state main saved. The simulator records every request
 * (with its time), so each test can say which orders were cancelled, how, and when.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { OllangSimulator, type SimulatorOptions } from '../simulator/index.ts';
import { parseOrders, runAction, runPost, startAction, type ActionRun } from './harness.ts';
import {
  FOREVER,
  SIGKILL_AFTER_MS,
  SIGTERM_AFTER_MS,
  cancelLikeRunner,
  cancelRequests,
  log,
  orderIdOf,
  savedState,
  startWithOwnStateFile,
  until,
} from './runner-signals.ts';

const PROJECT = 'proj-demo';

let simulator: OllangSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function startSimulator(options: SimulatorOptions): Promise<OllangSimulator> {
  simulator = await OllangSimulator.start({ seed: 7, ...options });
  return simulator;
}

function baseInputs(sim: OllangSimulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': sim.apiKey,
    'api-url': sim.url,
    'project-id': PROJECT,
    'poll-interval': '200ms',
    timeout: '30s',
    ...extra,
  };
}

/** The API key must appear in no file the runner keeps (state above all), nor in any log. */
function expectNoKey(run: ActionRun, key: string): void {
  for (const file of [run.files.state, run.files.output, run.files.summary]) {
    expect(readFileSync(file, 'utf8'), file).not.toContain(key);
  }
  // `::add-mask::` is the command that masks it: the runner consumes that line and never shows it.
  const shown = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
  expect(shown).not.toContain(key);
  expect(run.stderr).not.toContain(key);
}

describe('abort: SIGINT / SIGTERM / SIGKILL and the post step', () => {
  it('SIGINT during the wait: exits non-zero well inside the grace period, status cancelled, every unfinished order it created cancelled', async () => {
    const sim = await startSimulator({
      lifecycle: { pendingMs: 50, ongoingMs: 100, outputsLagMs: 50, cancellableOngoingMs: FOREVER },
      languages: {
        fr: { lifecycle: { pendingMs: FOREVER } }, // stays pending
        es: { outcome: 'stuck' }, // stays ongoing (still cancellable)
        it: { outcome: 'stuck' },
        // de finishes and is downloaded before the abort: it must be left alone.
      },
    });
    const inputs = baseInputs(sim, { 'target-languages': 'fr, es, it, de' });
    const started = startAction({ inputs });
    await started.waitForOutput(/de: saved .*\.srt/);
    await started.waitForOutput(/de: saved .*\.vtt/);
    await until('es to be ongoing', () => sim.orders().some((o) => o.targetLanguage === 'es' && o.status === 'ongoing'));

    const { sigintAt, exitedAt, run: main } = await cancelLikeRunner(started);
    const exitMs = exitedAt - sigintAt;
    const created = sim.orders();
    const lastCancelAt = Math.max(...cancelRequests(sim).map((r) => r.at));
    console.log(`[abort] SIGINT -> main exited: ${exitMs} ms; SIGINT -> last cancel request (main): ${lastCancelAt - sigintAt} ms`);

    expect(main.signal, log(main)).toBeNull(); // not killed: it stopped on its own
    expect(main.exitCode, log(main)).not.toBe(0);
    expect(exitMs).toBeLessThan(SIGKILL_AFTER_MS);
    expect(main.stdout).toContain('Received SIGINT');
    expect(main.outputs['status']).toBe('cancelled');
    expect(JSON.parse(main.outputs['order-ids']!)).toHaveLength(4);
    expectNoKey(main, sim.apiKey);

    const before = sim.requests.length;
    const post = await runPost(main, { inputs });
    expect(post.exitCode, log(post)).toBe(0);
    expectNoKey(post, sim.apiKey);
    // Main already cancelled everything and said so in state: the post step has nothing to send.
    expect(sim.requests.length - before, log(post)).toBe(0);

    const byLanguage = new Map(sim.orders().map((o) => [o.targetLanguage, o]));
    expect(created).toHaveLength(4);
    for (const language of ['fr', 'es', 'it']) {
      expect(byLanguage.get(language)?.status, language).toBe('cancelled');
      expect(byLanguage.get(language)?.cancelledBy, language).toBe('cancel');
    }
    expect(byLanguage.get('de')?.status).toBe('completed');
    expect(byLanguage.get('de')?.cancelledBy).toBeUndefined();
    expect(cancelRequests(sim).map((r) => orderIdOf(r.path))).not.toContain(byLanguage.get('de')!.id);
    const lastCancelMs = Math.max(...cancelRequests(sim).map((r) => r.at)) - sigintAt;
    console.log(`[abort] SIGINT -> last cancel request received by the simulator (main + post): ${lastCancelMs} ms`);
    expect(lastCancelMs).toBeLessThan(SIGTERM_AFTER_MS);
  });

  it('SIGINT while Create Order is in flight: the answer is still read, and the orders it made are cancelled', async () => {
    const sim = await startSimulator({
      lifecycle: { pendingMs: FOREVER, cancellableOngoingMs: FOREVER },
      faults: [{ route: 'create', kind: 'slow', delayMs: 1_500 }],
    });
    const inputs = baseInputs(sim, { 'target-languages': 'fr, es' });
    const started = startAction({ inputs });
    await started.waitForOutput('Creating subtitle orders');
    await until('Create Order to reach Ollang', () => sim.count('create') === 1);
    const { sigintAt, exitedAt, run: main } = await cancelLikeRunner(started);
    console.log(`[abort during create] SIGINT -> main exited: ${exitedAt - sigintAt} ms`);
    expect(main.signal, log(main)).toBeNull();
    expect(main.exitCode, log(main)).not.toBe(0);
    expect(exitedAt - sigintAt).toBeLessThan(SIGKILL_AFTER_MS);
    expect(main.outputs['status']).toBe('cancelled');
    expect(sim.orders()).toHaveLength(2);
    for (const order of sim.orders()) expect(order.status, `${order.targetLanguage}\n${log(main)}`).toBe('cancelled');
    const before = sim.requests.length;
    await runPost(main, { inputs });
    expect(sim.requests.length - before).toBe(0);
  });

  it('Ollang slow to answer the cancels: main still exits before SIGTERM, and the post step finishes the job', async () => {
    const sim = await startSimulator({ lifecycle: { pendingMs: FOREVER, cancellableOngoingMs: FOREVER } });
    const inputs = baseInputs(sim, { 'target-languages': 'fr, es' });
    const started = startAction({ inputs });
    await started.waitForOutput('Waiting for 2 order(s)');
    // Every cancel main sends hangs (the simulator acts on it, but the answer never comes in time).
    const [frId] = sim.orders().map((o) => o.id);
    sim.setFaults([{ route: 'cancel', kind: 'slow', delayMs: 60_000, orderId: frId! }]);
    const { sigintAt, exitedAt, run: main } = await cancelLikeRunner(started);
    const exitMs = exitedAt - sigintAt;
    console.log(`[abort, slow cancels] SIGINT -> main exited: ${exitMs} ms`);
    expect(main.signal, log(main)).toBeNull();
    expect(main.exitCode, log(main)).not.toBe(0);
    expect(exitMs).toBeLessThan(SIGTERM_AFTER_MS);
    expect(main.outputs['status']).toBe('cancelled');
    sim.setFaults([]);
    const post = await runPost(main, { inputs });
    expect(post.exitCode, log(post)).toBe(0);
    // The post step asks again about the order main never heard back on, and only that one.
    const postCancels = cancelRequests(sim).filter((r) => r.at >= exitedAt);
    expect(postCancels.map((r) => orderIdOf(r.path)), log(post)).toEqual([frId]);
    for (const order of sim.orders()) expect(order.status).toBe('cancelled');
  }, 20_000);

  it('SIGKILL during the wait (SIGINT ignored until the kill): the post step cancels what main created', async () => {
    const sim = await startSimulator({
      lifecycle: { pendingMs: FOREVER, cancellableOngoingMs: FOREVER },
    });
    const inputs = baseInputs(sim, { 'target-languages': 'fr, es, ja' });
    const { started, stateFile } = startWithOwnStateFile(inputs);
    await started.waitForOutput('Waiting for 3 order(s)');
    started.child.kill('SIGKILL');
    const killed = await started.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(cancelRequests(sim)).toHaveLength(0);
    const state = savedState(stateFile);
    expect(readFileSync(stateFile, 'utf8')).not.toContain(sim.apiKey);
    expect(JSON.parse(state['created-orders'] ?? '[]')).toHaveLength(3);

    const post = await runPost({ ...killed, state }, { inputs });
    expect(post.exitCode, log(post)).toBe(0);
    expectNoKey(post, sim.apiKey);
    expect(sim.orders().map((o) => o.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(sim.count('cancel')).toBe(3);
  });

  it('SIGKILL the moment Create Order has answered: the post step still cancels every created order', async () => {
    const sim = await startSimulator({
      lifecycle: { pendingMs: FOREVER, cancellableOngoingMs: FOREVER },
    });
    const inputs = baseInputs(sim, { 'target-languages': 'fr, es, ja, ko' });
    const { started, stateFile } = startWithOwnStateFile(inputs);
    await until('created-orders in state', () => readFileSync(stateFile, 'utf8').includes('created-orders'), 15_000, 1);
    started.child.kill('SIGKILL');
    const killed = await started.done;
    expect(killed.signal).toBe('SIGKILL');
    const state = savedState(stateFile);
    expect(readFileSync(stateFile, 'utf8')).not.toContain(sim.apiKey);
    const createdIds = JSON.parse(state['created-orders'] ?? '[]') as string[];
    expect(createdIds.sort()).toEqual(sim.orders().map((o) => o.id).sort());
    expect(createdIds).toHaveLength(4);

    const post = await runPost({ ...killed, state }, { inputs });
    expect(post.exitCode, log(post)).toBe(0);
    for (const order of sim.orders()) expect(order.status, order.targetLanguage).toBe('cancelled');
  });

  it('SIGKILL while Create Order is in flight (its answer never read): the post step finds and cancels what it made', async () => {
    const sim = await startSimulator({
      lifecycle: { pendingMs: FOREVER, cancellableOngoingMs: FOREVER },
      faults: [{ route: 'create', kind: 'slow', delayMs: 5_000 }],
    });
    // An order of the same project and language from before this run: not this run's to cancel.
    const older = sim.addOrder({ targetLanguage: 'fr', projectId: PROJECT, status: 'pending', createdAt: new Date(Date.now() - 3_600_000).toISOString() });
    const inputs = baseInputs(sim, { 'target-languages': 'fr, es', 'reuse-orders': 'false' });
    const { started, stateFile } = startWithOwnStateFile(inputs);
    await until('Create Order to reach Ollang', () => sim.orders().length === 3);
    started.child.kill('SIGKILL');
    const killed = await started.done;
    expect(killed.signal).toBe('SIGKILL');
    const state = savedState(stateFile);
    expect(readFileSync(stateFile, 'utf8')).not.toContain(sim.apiKey);
    const post = await runPost({ ...killed, state }, { inputs });
    expect(post.exitCode, log(post)).toBe(0);
    for (const order of sim.orders().filter((o) => o.id !== older.id)) expect(order.status, `${order.targetLanguage}\n${log(post)}`).toBe('cancelled');
    expect(sim.orders().find((o) => o.id === older.id)?.status).toBe('pending');
  });

  it('Level 1 order in human review: Cancel Order is refused (400), Cancel Human Review stops the paid review', async () => {
    const sim = await startSimulator({
      lifecycle: { pendingMs: 0, ongoingMs: 100, humanReviewMs: FOREVER, cancellableOngoingMs: 20, intermediateStatuses: false },
    });
    const inputs = baseInputs(sim, { 'target-languages': 'fr', level: '1' });
    const started = startAction({ inputs });
    await started.waitForOutput('Waiting for 1 order(s)');
    await until('the order to be in review', () => sim.orders()[0]?.status === 'review');

    const { sigintAt, exitedAt, run: main } = await cancelLikeRunner(started);
    console.log(`[abort level 1] SIGINT -> main exited: ${exitedAt - sigintAt} ms`);
    expect(main.exitCode, log(main)).not.toBe(0);
    expect(main.signal).toBeNull();
    expect(main.outputs['status']).toBe('cancelled');

    const order = sim.orders()[0]!;
    const cancels = sim.requests.filter((r) => r.route === 'cancel');
    expect(cancels.map((r) => r.status)).toEqual([400]);
    const reviews = sim.requests.filter((r) => r.route === 'cancel-human-review');
    expect(reviews.map((r) => r.status), log(main)).toEqual([200]);
    expect(orderIdOf(reviews[0]!.path)).toBe(order.id);
    expect(order.cancelledBy).toBe('human-review');
    expect(order.level).toBe(0);
    expect(main.stdout).toMatch(/human review cancelled/);

    const before = sim.requests.length;
    const post = await runPost(main, { inputs });
    expect(post.exitCode, log(post)).toBe(0);
    expect(sim.requests.length - before, log(post)).toBe(0);
  });

  it('cancel-on-abort: false: neither main nor post sends a cancel request', async () => {
    const sim = await startSimulator({ lifecycle: { pendingMs: FOREVER, cancellableOngoingMs: FOREVER } });
    const inputs = baseInputs(sim, { 'target-languages': 'fr, es', 'cancel-on-abort': 'false' });
    const started = startAction({ inputs });
    await started.waitForOutput('Waiting for 2 order(s)');
    const { run: main } = await cancelLikeRunner(started);
    expect(main.exitCode, log(main)).not.toBe(0);
    expect(main.outputs['status']).toBe('cancelled');
    const post = await runPost(main, { inputs });
    expect(post.exitCode, log(post)).toBe(0);
    expect(post.stdout).toMatch(/cancel-on-abort is false/);
    expect(cancelRequests(sim)).toHaveLength(0);
    expect(sim.orders().map((o) => o.status)).toEqual(['pending', 'pending']);
  });

  it('a run that finished on its own (completed, or failed on timeout) leaves the post step nothing to send', async () => {
    const sim = await startSimulator({ lifecycle: { pendingMs: 50, ongoingMs: 100, outputsLagMs: 50 } });
    const inputs = baseInputs(sim, { 'target-languages': 'fr' });
    const main = await runAction({ inputs });
    expect(main.exitCode, log(main)).toBe(0);
    expect(main.outputs['status']).toBe('completed');
    const before = sim.requests.length;
    const post = await runPost(main, { inputs });
    expect(post.exitCode, log(post)).toBe(0);
    expect(sim.requests.length - before).toBe(0);

    sim.setLanguage('es', { outcome: 'stuck' });
    const failInputs = baseInputs(sim, { 'target-languages': 'es', timeout: '1s' });
    const failed = await runAction({ inputs: failInputs });
    expect(failed.exitCode, log(failed)).toBe(1);
    const beforeFailedPost = sim.requests.length;
    const failedPost = await runPost(failed, { inputs: failInputs });
    expect(failedPost.exitCode, log(failedPost)).toBe(0);
    expect(sim.requests.length - beforeFailedPost, log(failedPost)).toBe(0);
    expect(cancelRequests(sim)).toHaveLength(0);
  });

  it('an aborted run over reused orders cancels nothing', async () => {
    const sim = await startSimulator({ lifecycle: { cancellableOngoingMs: FOREVER } });
    for (const language of ['fr', 'es']) sim.addOrder({ targetLanguage: language, projectId: PROJECT, status: 'pending' });
    const inputs = baseInputs(sim, { 'target-languages': 'fr, es' });
    const started = startAction({ inputs });
    await started.waitForOutput('Waiting for 2 order(s)');
    const { run: main } = await cancelLikeRunner(started);
    expect(main.exitCode, log(main)).not.toBe(0);
    expect(main.outputs['status']).toBe('cancelled');
    expect(sim.count('create')).toBe(0);
    expect(parseOrders(main).map((o) => o.created)).toEqual([false, false]);
    const post = await runPost(main, { inputs });
    expect(post.exitCode, log(post)).toBe(0);
    expect(cancelRequests(sim)).toHaveLength(0);
    expect(sim.orders().map((o) => o.status)).toEqual(['pending', 'pending']);
  });

  it('an aborted run over given order-ids cancels nothing', async () => {
    const sim = await startSimulator({ lifecycle: { cancellableOngoingMs: FOREVER } });
    const ids = ['fr', 'de'].map((language) => sim.addOrder({ targetLanguage: language, projectId: PROJECT, status: 'pending' }).id);
    const inputs = { 'api-key': sim.apiKey, 'api-url': sim.url, 'order-ids': ids.join(','), 'poll-interval': '200ms', timeout: '30s' };
    const started = startAction({ inputs });
    await started.waitForOutput('Waiting for 2 order(s)');
    const { run: main } = await cancelLikeRunner(started);
    expect(main.exitCode, log(main)).not.toBe(0);
    expect(main.outputs['status']).toBe('cancelled');
    const post = await runPost(main, { inputs });
    expect(post.exitCode, log(post)).toBe(0);
    expect(cancelRequests(sim)).toHaveLength(0);
    expect(sim.count('create')).toBe(0);
  });
});

describe('on-timeout', () => {
  async function timeoutRun(onTimeout: string) {
    const sim = await startSimulator({
      lifecycle: { pendingMs: 50, ongoingMs: 100, outputsLagMs: 50, cancellableOngoingMs: FOREVER },
      languages: { fr: { outcome: 'stuck' }, es: { lifecycle: { pendingMs: FOREVER } } },
    });
    // A reused unfinished order: never this run's to cancel.
    const reused = sim.addOrder({ targetLanguage: 'ja', projectId: PROJECT, status: 'pending' });
    const inputs = baseInputs(sim, { 'target-languages': 'fr, es, de, ja', timeout: '1500ms', 'on-timeout': onTimeout });
    const main = await runAction({ inputs });
    const byLanguage = new Map(sim.orders().map((o) => [o.targetLanguage, o]));
    const before = sim.requests.length;
    const post = await runPost(main, { inputs });
    expect(post.exitCode, log(post)).toBe(0);
    expect(sim.requests.length - before, log(post)).toBe(0); // main finished on its own
    return { sim, main, byLanguage, reused };
  }

  it('fail: exits 1, leaves the orders running, and names them', async () => {
    const { sim, main, byLanguage, reused } = await timeoutRun('fail');
    expect(main.exitCode, log(main)).toBe(1);
    expect(main.outputs['status']).toBe('timed-out');
    expect(cancelRequests(sim)).toHaveLength(0);
    expect(byLanguage.get('fr')?.status).toBe('ongoing');
    expect(byLanguage.get('es')?.status).toBe('pending');
    expect(byLanguage.get('de')?.status).toBe('completed');
    const failure = main.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? '';
    for (const id of [byLanguage.get('fr')!.id, byLanguage.get('es')!.id, reused.id]) expect(failure, log(main)).toContain(id);
    expect(failure).not.toContain(byLanguage.get('de')!.id);
    expectNoKey(main, sim.apiKey);
  });

  it("cancel: cancels this run's unfinished orders (not reused ones) and exits 1", async () => {
    const { sim, main, byLanguage, reused } = await timeoutRun('cancel');
    expect(main.exitCode, log(main)).toBe(1);
    expect(byLanguage.get('fr')?.status).toBe('cancelled');
    expect(byLanguage.get('es')?.status).toBe('cancelled');
    expect(byLanguage.get('de')?.status).toBe('completed');
    expect(byLanguage.get('ja')?.status).toBe('pending');
    const cancelled = cancelRequests(sim).map((r) => orderIdOf(r.path)).sort();
    expect(cancelled).toEqual([byLanguage.get('fr')!.id, byLanguage.get('es')!.id].sort());
    expect(cancelled).not.toContain(reused.id);
    expect(main.stdout).toMatch(/::error::.*Timed out/);
  });

  it('continue: exits 0 with status timed-out and cancels nothing', async () => {
    const { sim, main, byLanguage } = await timeoutRun('continue');
    expect(main.exitCode, log(main)).toBe(0);
    expect(main.outputs['status']).toBe('timed-out');
    expect(cancelRequests(sim)).toHaveLength(0);
    const de = parseOrders(main).find((o) => o.language === 'de');
    expect(de?.files.length).toBeGreaterThan(0);
    expect(byLanguage.get('fr')?.status).toBe('ongoing');
  });
});

describe('mode: cancel', () => {
  it('cancels each given order; one already cancelled counts as done', async () => {
    const sim = await startSimulator({});
    const pending = sim.addOrder({ targetLanguage: 'fr', projectId: PROJECT, status: 'pending' });
    const pending2 = sim.addOrder({ targetLanguage: 'es', projectId: PROJECT, status: 'pending' });
    const gone = sim.addOrder({ targetLanguage: 'de', projectId: PROJECT, status: 'cancelled' });
    const ids = [pending.id, pending2.id, gone.id];
    const main = await runAction({ inputs: { 'api-key': sim.apiKey, 'api-url': sim.url, mode: 'cancel', 'order-ids': ids.join('\n') } });
    expect(main.exitCode, log(main)).toBe(0);
    expect(main.outputs['status']).toBe('cancelled');
    // Each given order is read first: the one already cancelled is sent no cancel.
    expect(sim.requests.filter((r) => r.route === 'cancel').map((r) => r.status)).toEqual([204, 204]);
    for (const order of sim.orders()) expect(order.status).toBe('cancelled');
    const reported = parseOrders(main);
    expect(reported.map((o) => o.orderId).sort()).toEqual([...ids].sort());
    for (const o of reported) expect(o.status, o.orderId).toBe('cancelled');
    expect(main.stdout).toContain(`Order ${pending.id} (fr): cancelled`);
    expect(main.stdout).toContain(`Order ${gone.id} (de): was already cancelled`);
    expect(sim.count('create')).toBe(0);
    expectNoKey(main, sim.apiKey);
    const post = await runPost(main, { inputs: { 'api-key': sim.apiKey, 'api-url': sim.url, mode: 'cancel' } });
    expect(post.exitCode).toBe(0);
  });

  it('project-id + target-languages: cancels the unfinished orders found, leaves finished ones and other languages alone', async () => {
    const sim = await startSimulator({});
    sim.addProject('proj-other');
    const fr = sim.addOrder({ targetLanguage: 'fr', projectId: PROJECT, status: 'pending' });
    const esDone = sim.addOrder({ targetLanguage: 'es', projectId: PROJECT, status: 'completed' });
    const es = sim.addOrder({ targetLanguage: 'es', projectId: PROJECT, status: 'pending' });
    const deCancelled = sim.addOrder({ targetLanguage: 'de', projectId: PROJECT, status: 'cancelled' });
    const jaNotAsked = sim.addOrder({ targetLanguage: 'ja', projectId: PROJECT, status: 'pending' });
    const otherProject = sim.addOrder({ targetLanguage: 'fr', projectId: 'proj-other', status: 'pending' });
    const otherType = sim.addOrder({ targetLanguage: 'fr', projectId: PROJECT, status: 'pending', type: 'cc' });
    const main = await runAction({
      inputs: { 'api-key': sim.apiKey, 'api-url': sim.url, mode: 'cancel', 'project-id': PROJECT, 'target-languages': 'fr, es, de' },
    });
    expect(main.exitCode, log(main)).toBe(0);
    expect(main.outputs['status']).toBe('cancelled');
    const cancelled = cancelRequests(sim).map((r) => orderIdOf(r.path)).sort();
    expect(cancelled).toEqual([fr.id, es.id].sort());
    const status = new Map(sim.orders().map((o) => [o.id, o.status]));
    expect(status.get(fr.id)).toBe('cancelled');
    expect(status.get(es.id)).toBe('cancelled');
    expect(status.get(esDone.id)).toBe('completed');
    expect(status.get(deCancelled.id)).toBe('cancelled');
    expect(status.get(jaNotAsked.id)).toBe('pending');
    expect(status.get(otherProject.id)).toBe('pending');
    expect(status.get(otherType.id)).toBe('pending');
    expect(parseOrders(main).map((o) => o.orderId).sort()).toEqual([fr.id, es.id].sort());
  });
});
