/**
 * Paid orders that must never be adopted, orphaned or lost (docs/reliability.md, "Paid orders"):
 * each case is the bundled action run as the runner runs it, against a simulator set up for
 * the fault, and says which orders exist afterwards, which were cancelled, and what the run
 * reported. Where the fault spans processes (a kill, the post step) both steps run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OllangSimulator, type SimOrder, type SimulatorOptions } from '../simulator/index.ts';
import { startCacheService } from '../fakes/cache-service.ts';
import { parseOrders, runAction, runPost, startAction, type ActionRun } from './harness.ts';
import { FOREVER, cancelLikeRunner, cancelRequests, log, orderIdOf, savedState, startWithOwnStateFile, until } from './runner-signals.ts';

const PROJECT = 'proj-demo';
/** Orders that stay pending (and cancellable) for the whole test. */
const PENDING = { pendingMs: FOREVER, cancellableOngoingMs: FOREVER };
const FAST = { pendingMs: 100, ongoingMs: 200, outputsLagMs: 50 };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function simulator(options: SimulatorOptions): Promise<OllangSimulator> {
  const sim = await OllangSimulator.start({ seed: 11, ...options });
  closers.push(() => sim.close());
  return sim;
}

function inputs(sim: OllangSimulator, extra: Record<string, string>): Record<string, string> {
  return { 'api-key': sim.apiKey, 'api-url': sim.url, 'project-id': PROJECT, 'poll-interval': '150ms', timeout: '20s', ...extra };
}

/** A foreign order: same account, project, type, level and language, made by someone else `agoMs` before now. */
function foreignOrder(sim: OllangSimulator, language: string, agoMs: number): SimOrder {
  return sim.addOrder({ targetLanguage: language, projectId: PROJECT, type: 'subtitle', level: 0, createdAt: new Date(Date.now() - agoMs).toISOString() });
}

function failure(run: ActionRun): string {
  return run.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? '';
}

describe('paid orders are never adopted, orphaned or lost (dist/index.js)', () => {
  it('1. reuse-orders: false: a lost create never adopts an order that existed before it was sent', async () => {
    const sim = await simulator({ lifecycle: PENDING, faults: [{ route: 'create', kind: 'create-no-answer', times: 1 }] });
    const foreign = foreignOrder(sim, 'fr', 30_000);
    const main = await runAction({ inputs: inputs(sim, { 'target-languages': 'fr', 'reuse-orders': 'false', timeout: '1500ms', 'on-timeout': 'cancel' }) });
    const own = sim.orders().find((o) => o.id !== foreign.id)!;
    expect(sim.orders(), log(main)).toHaveLength(2);
    expect(parseOrders(main).map((o) => [o.orderId, o.created]), log(main)).toEqual([[own.id, true]]);
    // on-timeout: cancel stops this run's order, and only it.
    expect(own.status).toBe('cancelled');
    expect(sim.orders().find((o) => o.id === foreign.id)!.status).toBe('pending');
    expect(sim.count('create')).toBe(1);
  });

  it('1. an order another run made between the reuse scan and the create is never taken as this run’s', async () => {
    const sim = await simulator({
      lifecycle: PENDING,
      faults: [{ route: 'create', kind: 'create-no-answer', times: 1 }],
      // Made right after the reuse scan was answered: the scan cannot have seen it.
      scheduledOrders: [{ after: { route: 'list', count: 1 }, order: { targetLanguage: 'fr', projectId: PROJECT, type: 'subtitle', level: 0 } }],
    });
    const main = await runAction({ inputs: inputs(sim, { 'target-languages': 'fr', timeout: '1500ms', 'on-timeout': 'cancel' }) });
    const [foreign, own] = sim.orders();
    expect(sim.orders(), log(main)).toHaveLength(2);
    // The other run's order is older: this run yields to it (as runs started together do) and
    // cancels its own; it never reports the other's as created, nor cancels it.
    expect(parseOrders(main).map((o) => [o.orderId, o.created]), log(main)).toEqual([[foreign!.id, false]]);
    expect(foreign!.status).toBe('pending');
    expect(own!.status).toBe('cancelled');
    expect(cancelRequests(sim).map((r) => orderIdOf(r.path))).toEqual([own!.id]);
  });

  it('1. post step after a SIGKILL during the create: cancels what the create made, never an order from before it', async () => {
    const sim = await simulator({ lifecycle: PENDING, faults: [{ route: 'create', kind: 'slow', delayMs: 5_000 }] });
    const foreign = foreignOrder(sim, 'fr', 30_000);
    const given = inputs(sim, { 'target-languages': 'fr, es', 'reuse-orders': 'false' });
    const { started, stateFile } = startWithOwnStateFile(given);
    await until('Create Order to reach Ollang', () => sim.orders().length === 3);
    started.child.kill('SIGKILL');
    const killed = await started.done;
    const post = await runPost({ ...killed, state: savedState(stateFile) }, { inputs: given });
    expect(post.exitCode, log(post)).toBe(0);
    expect(sim.orders().find((o) => o.id === foreign.id)!.status, log(post)).toBe('pending');
    for (const order of sim.orders().filter((o) => o.id !== foreign.id)) expect(order.status, `${order.targetLanguage}\n${log(post)}`).toBe('cancelled');
  });

  it('2. the child orders of a lost create are found, followed and cancelled with their parents', async () => {
    const sim = await simulator({ lifecycle: PENDING, childOrders: true, faults: [{ route: 'create', kind: 'create-no-answer', times: 1 }] });
    const main = await runAction({ inputs: inputs(sim, { 'target-languages': 'fr, es', timeout: '1500ms', 'on-timeout': 'cancel' }) });
    const made = sim.orders();
    expect(made.filter((o) => o.parentOrderId), log(main)).toHaveLength(2);
    expect(parseOrders(main).map((o) => o.orderId).sort(), log(main)).toEqual(made.map((o) => o.id).sort());
    for (const order of made) expect(order.status, `${order.type} ${order.targetLanguage}\n${log(main)}`).toBe('cancelled');
    expect(sim.count('create')).toBe(1);
  });

  it('3. the post step looks again for a create saved late, within its own time, and cancels it with its children', async () => {
    const sim = await simulator({
      lifecycle: PENDING,
      childOrders: true,
      // The connection closes at once; Ollang saves the orders 4 s later.
      faults: [{ route: 'create', kind: 'create-saved-late', delayMs: 4_000, times: 1 }],
    });
    const given = inputs(sim, { 'target-languages': 'fr, es' });
    const { started, stateFile } = startWithOwnStateFile(given);
    await until('Create Order to reach Ollang', () => sim.count('create') === 1);
    started.child.kill('SIGKILL');
    const killed = await started.done;
    expect(sim.orders()).toHaveLength(0);
    const post = await runPost({ ...killed, state: savedState(stateFile) }, { inputs: given });
    expect(post.exitCode, log(post)).toBe(0);
    expect(sim.orders(), log(post)).toHaveLength(4);
    for (const order of sim.orders()) expect(order.status, `${order.type} ${order.targetLanguage}\n${log(post)}`).toBe('cancelled');
  }, 30_000);

  it('4. an order Ollang reports as `canceled` is not reused: the language is ordered again and delivered', async () => {
    const sim = await simulator({ lifecycle: FAST, statusSpelling: { cancelled: 'canceled' } });
    const gone = sim.addOrder({ targetLanguage: 'fr', projectId: PROJECT, type: 'subtitle', status: 'cancelled' });
    const main = await runAction({ inputs: inputs(sim, { 'target-languages': 'fr' }) });
    expect(main.exitCode, log(main)).toBe(0);
    expect(main.outputs['status']).toBe('completed');
    const [order] = parseOrders(main);
    expect(order?.orderId).not.toBe(gone.id);
    expect(order?.created).toBe(true);
    expect(order?.files.length).toBeGreaterThan(0);
  });
});

describe('the review’s suspicions, settled (dist/index.js)', () => {
  it('recovered orders are followed, downloaded and reported when creating the rest finally fails', async () => {
    const sim = await simulator({
      lifecycle: FAST,
      // es is made by the lost call but fails at once (not usable): it is asked for again, and that call is
      // refused with a Retry-After past the run's time (a 429 made nothing, but there is no time to send it again).
      languages: { es: { outcome: 'failed', lifecycle: { pendingMs: 0, ongoingMs: 0 } } },
      faults: [
        { route: 'create', kind: 'create-no-answer', times: 1 },
        { route: 'create', kind: '429', times: 1, retryAfterSeconds: 120 },
      ],
    });
    const main = await runAction({ inputs: inputs(sim, { 'target-languages': 'fr, es' }) });
    const fr = sim.orders().find((o) => o.targetLanguage === 'fr')!;
    expect(main.exitCode, log(main)).toBe(1);
    expect(main.outputs['status']).toBe('partial');
    const reported = parseOrders(main).find((o) => o.orderId === fr.id);
    expect(reported, log(main)).toMatchObject({ language: 'fr', created: true, status: 'completed' });
    expect(reported!.files.length).toBeGreaterThan(0);
    expect(failure(main)).toMatch(/es/);
    expect(sim.count('create')).toBe(2);
  });

  it('a signal during the PR comment of a finished run (mode: submit) cancels nothing, main or post', async () => {
    const sim = await simulator({ lifecycle: PENDING });
    // A GitHub API that never answers: the comment is still being written when the signal comes.
    const held: http.ServerResponse[] = [];
    const github = http.createServer((_req, res) => void held.push(res));
    await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve));
    closers.push(async () => {
      for (const res of held) res.destroy();
      github.closeAllConnections();
      await new Promise((resolve) => github.close(resolve));
    });
    const event = path.join(mkdtempSync(path.join(tmpdir(), 'ollang-event-')), 'event.json');
    writeFileSync(event, JSON.stringify({ number: 7, pull_request: { number: 7, head: { repo: { full_name: 'octo/release', fork: false } } } }));
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: `http://127.0.0.1:${(github.address() as AddressInfo).port}`,
    };
    const given = inputs(sim, { 'target-languages': 'fr, es', mode: 'submit', 'github-token': 'ghs_test0123456789' });
    const started = startAction({ inputs: given, env });
    await until('the PR comment to be under way', () => held.length > 0, 20_000);
    const { sigintAt, exitedAt, run: main } = await cancelLikeRunner(started);
    const post = await runPost(main, { inputs: given, env });
    expect(post.exitCode, log(post)).toBe(0);
    expect(cancelRequests(sim), log(main) + log(post)).toHaveLength(0);
    expect(sim.orders().map((o) => o.status)).toEqual(['pending', 'pending']);
    expect(main.outputs['status']).toBe('pending');
    // Nothing was left to stop: main does not hold on until the runner kills it.
    expect(exitedAt - sigintAt, log(main)).toBeLessThan(7_500);
  }, 30_000);

  it('mode: submit fails when Create Order answered fewer orders than languages (none made for one)', async () => {
    const sim = await simulator({ lifecycle: PENDING, createSkips: { languages: ['es'] } });
    const main = await runAction({ inputs: inputs(sim, { 'target-languages': 'fr, es', mode: 'submit' }) });
    expect(main.exitCode, log(main)).toBe(1);
    expect(main.outputs['status']).toBe('partial');
    expect(failure(main)).toMatch(/\bes\b/);
    expect(sim.count('create')).toBe(1);
  });

  it('an order Create Order made but left out of its answer is found and followed, not orphaned', async () => {
    const sim = await simulator({ lifecycle: PENDING, createSkips: { languages: ['es'], made: true } });
    const main = await runAction({ inputs: inputs(sim, { 'target-languages': 'fr, es', mode: 'submit' }) });
    expect(main.exitCode, log(main)).toBe(0);
    expect(main.outputs['status']).toBe('pending');
    expect(parseOrders(main).map((o) => o.orderId).sort()).toEqual(sim.orders().map((o) => o.id).sort());
    expect(sim.count('create')).toBe(1);
  });

  describe('`level` reported on the 1/2/3 scale of the older docs (we send 0 / 1)', () => {
    const oldScale = (order: Record<string, unknown>): Record<string, unknown> => ({ ...order, level: Number(order['level']) + 1 });

    it('a lost create is recovered, not bought again', async () => {
      const sim = await simulator({ lifecycle: FAST, decorateOrder: oldScale, faults: [{ route: 'create', kind: 'create-no-answer', times: 1 }] });
      const main = await runAction({ inputs: inputs(sim, { 'target-languages': 'fr, es' }) });
      expect(main.exitCode, log(main)).toBe(0);
      expect(sim.count('create')).toBe(1);
      expect(sim.orders()).toHaveLength(2);
    });

    it('a re-run finds the orders it remembered in the Actions cache, and buys nothing', async () => {
      const sim = await simulator({ lifecycle: FAST, decorateOrder: oldScale });
      const cache = await startCacheService();
      closers.push(() => cache.close());
      // One RUNNER_TEMP for both runs, as on a hosted runner: the manifest's path is part of the cache version.
      const env = { ...cache.env, RUNNER_TEMP: mkdtempSync(path.join(tmpdir(), 'ollang-runner-temp-')) };
      const first = await runAction({ inputs: inputs(sim, { 'target-languages': 'fr, es' }), env });
      expect(first.exitCode, log(first)).toBe(0);
      const second = await runAction({ inputs: inputs(sim, { 'target-languages': 'fr, es' }), env });
      expect(second.exitCode, log(second)).toBe(0);
      expect(sim.count('create')).toBe(1);
      expect(parseOrders(second).map((o) => o.created)).toEqual([false, false]);
    });
  });
});
