/**
 * The wait loop, order choice and cancellation with an injected clock and sleep: the simulator
 * computes its lifecycles from the same fake clock, so hours of waiting take milliseconds.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OllangSimulator } from '../simulator/index.ts';
import { OllangClient } from '../../src/ollang/client.ts';
import { waitForOrders, progressLine } from '../../src/wait/poller.ts';
import { finishDownload, followOrder, type FollowedOrder } from '../../src/orders/followed.ts';
import { chooseOrders } from '../../src/orders/choose.ts';
import { cancelOrders } from '../../src/orders/cancel.ts';
import { StateRecorder, readSavedState } from '../../src/state.ts';
import type { Settings } from '../../src/settings.ts';
import type { Sleep } from '../../src/runtime.ts';
import { fakeTime, recordingLog, testSettings } from './run-helpers.ts';
import { START, harness, json, orderBody } from './ollang-helpers.ts';

const time = fakeTime();
const { clock, sleep, sleeps } = time;
const log = recordingLog();
const { lines } = log;
const done = async (_order: unknown, followed: FollowedOrder): Promise<void> => finishDownload(followed, [], clock());

let simulator: OllangSimulator;
let client: OllangClient;

beforeAll(async () => {
  simulator = await OllangSimulator.start({
    now: clock,
    lifecycle: {
      pendingMs: 60_000,
      ongoingMs: 10 * 60_000,
      humanReviewMs: 30 * 60_000,
      outputsLagMs: 45_000,
      cancellableOngoingMs: 30_000,
    },
  });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.reset();
  for (const language of ['fr', 'es', 'de']) simulator.setLanguage(language, { outcome: 'completed' });
  sleeps.length = 0;
  lines.length = 0;
  client = new OllangClient({ baseUrl: simulator.url, apiKey: simulator.apiKey, clock, sleep });
});

function settings(overrides: Partial<Settings> = {}): Settings {
  return testSettings({ apiUrl: simulator.url, apiKey: simulator.apiKey }, { targetLanguages: ['fr', 'es', 'de'], ...overrides });
}

function recorder(): { state: StateRecorder; saved: Map<string, string> } {
  const saved = new Map<string, string>();
  return { state: new StateRecorder({ saveState: (k, v) => void saved.set(k, v) }), saved };
}

describe('chooseOrders', () => {
  it('creates in one call, maps languages with Get Order, and saves IDs the moment create answers', async () => {
    const { state, saved } = recorder();
    const chosen = await chooseOrders({ client, settings: settings(), log, clock, sleep, state });
    expect(simulator.count('create')).toBe(1);
    expect(chosen.followed.map((o) => o.language).sort()).toEqual(['de', 'es', 'fr']);
    expect(chosen.followed.every((o) => o.created)).toBe(true);
    expect(JSON.parse(saved.get('created-orders')!)).toHaveLength(3);
  });

  it('reuses usable orders and creates only the missing languages', async () => {
    simulator.addOrder({ targetLanguage: 'fr', projectId: 'proj-demo', type: 'subtitle', level: 0 });
    simulator.addOrder({ targetLanguage: 'es', projectId: 'proj-demo', type: 'subtitle', level: 0, status: 'cancelled' });
    simulator.addOrder({ targetLanguage: 'de', projectId: 'proj-demo', type: 'subtitle', level: 1 });
    const { state } = recorder();
    const chosen = await chooseOrders({ client, settings: settings(), log, clock, sleep, state });
    const byLanguage = Object.fromEntries(chosen.followed.map((o) => [o.language, o.created]));
    expect(byLanguage).toEqual({ fr: false, es: true, de: true });
    expect(state.created).toHaveLength(2);
  });

  it('after a create that got no answer, follows what it made and never orders a language twice', async () => {
    simulator.setFaults([{ route: 'create', kind: 'create-no-answer', times: 1 }]);
    const { state } = recorder();
    const chosen = await chooseOrders({ client, settings: settings(), log, clock, sleep, state });
    expect(simulator.orders()).toHaveLength(3);
    expect(chosen.followed).toHaveLength(3);
    expect(state.created).toHaveLength(3);
    expect(lines.some((l) => l.includes('no usable answer'))).toBe(true);
  });

  it('runs started together settle on one order per language (the oldest), cancelling their younger duplicates', async () => {
    const runs = [
      ['fr', 'es'],
      ['es', 'de'],
      ['fr', 'de'],
    ].map((languages) =>
      chooseOrders({ client, settings: settings({ targetLanguages: languages }), log, clock, sleep, state: recorder().state }),
    );
    const chosen = await Promise.all(runs);
    const usable = simulator.orders().filter((o) => o.status !== 'cancelled');
    expect(usable.map((o) => o.targetLanguage).sort()).toEqual(['de', 'es', 'fr']);
    const followedByLanguage = new Map<string, Set<string>>();
    for (const run of chosen)
      for (const o of run.followed) followedByLanguage.set(o.language, (followedByLanguage.get(o.language) ?? new Set()).add(o.orderId));
    for (const ids of followedByLanguage.values()) expect(ids.size).toBe(1);
  });

  it('survives several lost creates in a row without buying a language twice', async () => {
    simulator.setFaults([{ route: 'create', kind: 'reset', times: 2 }]);
    const { state } = recorder();
    const chosen = await chooseOrders({ client, settings: settings(), log, clock, sleep, state });
    expect(simulator.count('create')).toBe(3);
    expect(
      simulator
        .orders()
        .map((o) => o.targetLanguage)
        .sort(),
    ).toEqual(['de', 'es', 'fr']);
    expect(chosen.followed).toHaveLength(3);
  });

  it('follows a new order Get Order cannot read yet, and learns its language while waiting', async () => {
    simulator.setFaults([{ route: 'get', kind: '500', times: 18 }]);
    const { state } = recorder();
    const chosen = await chooseOrders({ client, settings: settings({ targetLanguages: ['fr', 'es', 'de'] }), log, clock, sleep, state });
    expect(chosen.followed.some((o) => o.language === '')).toBe(true);
    simulator.setFaults([]);
    await waitForOrders({
      client,
      orders: chosen.followed,
      deadline: clock() + 3_600_000,
      pollIntervalMs: 30_000,
      clock,
      sleep,
      log,
      readiness: () => 'ready',
      download: done,
    });
    expect(chosen.followed.map((o) => o.language).sort()).toEqual(['de', 'es', 'fr']);
    expect(chosen.followed.every((o) => o.state === 'done')).toBe(true);
  });

  it('never retries an answered error, and says which languages and project it was for', async () => {
    const { state } = recorder();
    const chosen = await chooseOrders({ client, settings: settings({ projectId: 'nope' }), log, clock, sleep, state });
    expect(chosen.followed).toEqual([]);
    expect(chosen.failure).toMatch(/fr, es, de in project nope failed: .*PROJECT_NOT_FOUND/);
    expect(chosen.languagesWithoutOrder).toEqual(['fr', 'es', 'de']);
    expect(simulator.count('create')).toBe(1);
  });

  it('collect and dry run create nothing', async () => {
    const { state } = recorder();
    const collected = await chooseOrders({ client, settings: settings({ mode: 'collect' }), log, clock, sleep, state });
    expect(collected.languagesWithoutOrder).toEqual(['fr', 'es', 'de']);
    const dry = await chooseOrders({ client, settings: settings({ dryRun: true }), log, clock, sleep, state });
    expect(dry.plan.create).toEqual(['fr', 'es', 'de']);
    expect(simulator.count('create')).toBe(0);
  });
});

describe('waitForOrders', () => {
  async function created(languages: string[]): Promise<FollowedOrder[]> {
    const { state } = recorder();
    return (await chooseOrders({ client, settings: settings({ targetLanguages: languages }), log, clock, sleep, state })).followed;
  }

  it('checks 120 orders with List Orders pages, not 120 Get Orders a cycle', async () => {
    const languages = Array.from(
      { length: 120 },
      (_, i) => `e${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    );
    const orders = await created(languages);
    const before = simulator.requests.length;
    const downloaded: string[] = [];
    const result = await waitForOrders({
      client,
      orders,
      deadline: clock() + 3_600_000,
      pollIntervalMs: 30_000,
      clock,
      sleep,
      log,
      readiness: (order) => (order.vttUrl ? 'ready' : 'not-yet'),
      download: async (order, followed) => {
        downloaded.push(followed.language);
        await done(order, followed);
      },
    });
    expect(result.timedOut).toBe(false);
    expect(downloaded).toHaveLength(120);
    const during = simulator.requests.slice(before);
    const lists = during.filter((r) => r.route === 'list').length;
    const gets = during.filter((r) => r.route === 'get').length;
    // Unfinished orders cost pages (3 of 50 a cycle); Get Order only for finished orders' outputs.
    expect(lists).toBeLessThanOrEqual(result.cycles * 3);
    expect(gets).toBeLessThan(120 * 3);
    const naive = 120 * result.cycles;
    expect(lists + gets).toBeLessThan(naive / 3);
  });

  it('fetches a finished order once: the Get Order of its status check also serves its outputs', async () => {
    const finished = simulator.addOrder({
      targetLanguage: 'fr',
      projectId: 'proj-demo',
      status: 'completed',
      createdAt: new Date(clock() - 3_600_000).toISOString(),
    });
    const orders: FollowedOrder[] = [
      {
        orderId: finished.id,
        projectId: 'proj-demo',
        language: 'fr',
        type: 'subtitle',
        created: false,
        status: 'pending',
        state: 'waiting',
        files: [],
      },
    ];
    const before = simulator.count('get');
    await waitForOrders({
      client,
      orders,
      deadline: clock() + 60_000,
      pollIntervalMs: 10_000,
      clock,
      sleep,
      log,
      readiness: () => 'ready',
      download: done,
    });
    expect(orders[0]!.state).toBe('done');
    expect(simulator.count('get') - before).toBe(1);
  });

  it('grows the interval while nothing changes, never past twice the poll interval or the deadline', async () => {
    simulator.setLanguage('fr', { outcome: 'stuck' });
    const orders = await created(['fr']);
    const deadline = clock() + 10 * 60_000;
    const result = await waitForOrders({
      client,
      orders,
      deadline,
      pollIntervalMs: 30_000,
      clock,
      sleep,
      log,
      readiness: () => 'ready',
      download: async () => undefined,
    });
    expect(result.timedOut).toBe(true);
    expect(orders[0]!.state).toBe('timed-out');
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(60_000);
    expect(sleeps.some((s) => s > 30_000)).toBe(true);
    expect(clock()).toBe(deadline);
  });

  it('keeps looking for outputs that lag behind completed, then downloads them', async () => {
    const orders = await created(['fr']);
    let sawCompletedWithoutOutputs = false;
    await waitForOrders({
      client,
      orders,
      deadline: clock() + 3_600_000,
      pollIntervalMs: 10_000,
      clock,
      sleep,
      log,
      readiness: (order) => {
        if (!order.vttUrl) sawCompletedWithoutOutputs = true;
        return order.vttUrl ? 'ready' : 'not-yet';
      },
      download: async (order, followed) => {
        expect(order.vttUrl).toBeTruthy();
        await done(order, followed);
      },
    });
    expect(sawCompletedWithoutOutputs).toBe(true);
    expect(orders[0]!.state).toBe('done');
  });

  it('a failed order is reported while the others still download', async () => {
    simulator.setLanguage('de', { outcome: 'failed' });
    const orders = await created(['fr', 'es', 'de']);
    const settled: string[] = [];
    await waitForOrders({
      client,
      orders,
      deadline: clock() + 3_600_000,
      pollIntervalMs: 30_000,
      clock,
      sleep,
      log,
      readiness: () => 'ready',
      download: done,
      onSettled: (o) => settled.push(o.language),
    });
    expect(Object.fromEntries(orders.map((o) => [o.language, o.state]))).toEqual({ fr: 'done', es: 'done', de: 'failed' });
    expect(settled.sort()).toEqual(['de', 'es', 'fr']);
    expect(lines.some((l) => l.startsWith('warning:') && l.includes('de'))).toBe(true);
  });

  it('a download that throws ends its order failed and named, never left downloading', async () => {
    const orders = await created(['fr', 'es']);
    await waitForOrders({
      client,
      orders,
      deadline: clock() + 3_600_000,
      pollIntervalMs: 30_000,
      clock,
      sleep,
      log,
      readiness: () => 'ready',
      download: async (order, followed) => {
        if (followed.language === 'es') throw new Error('disk full');
        await done(order, followed);
      },
    });
    expect(Object.fromEntries(orders.map((o) => [o.language, o.state]))).toEqual({ fr: 'done', es: 'failed' });
    expect(orders.find((o) => o.language === 'es')?.problem).toMatch(/disk full/);
    expect(lines.some((l) => l.startsWith('warning:') && l.includes('disk full'))).toBe(true);
  });

  it('the last status check at the deadline ends 5 s after it when Ollang stops answering, not 30 s', async () => {
    // `timeout: 10m`, 30 s left: the run's client may retry until the deadline and no later.
    const deadline = START + 30_000;
    const h = harness(() => (h.now() < deadline ? json(200, orderBody({ id: 'o1', status: 'ongoing' })) : { hang: true }), {
      deadline: () => deadline,
    });
    const now = h.now;
    const orders: FollowedOrder[] = [
      { orderId: 'o1', projectId: 'p', language: 'fr', type: 'cc', created: true, status: 'pending', state: 'waiting', files: [] },
    ];
    const result = await waitForOrders({
      client: h.client,
      orders,
      deadline,
      pollIntervalMs: 10_000,
      clock: now,
      sleep: async (ms) => h.advance(ms),
      log,
      readiness: () => 'ready',
      download: async () => undefined,
    });
    expect(result.timedOut).toBe(true);
    expect(h.requests).toHaveLength(4);
    expect(now() - deadline).toBe(5_000);
    expect(orders[0]!.problem).toMatch(/still ongoing when the wait ended; the last check failed: .*no response within 5 s/);
  });

  it('stops at once when aborted', async () => {
    const orders = await created(['fr']);
    const controller = new AbortController();
    const abortingSleep: Sleep = async (ms) => {
      time.advance(ms);
      controller.abort(new Error('SIGINT'));
      throw new Error('SIGINT');
    };
    await expect(
      waitForOrders({
        client,
        orders,
        deadline: clock() + 3_600_000,
        pollIntervalMs: 30_000,
        clock,
        sleep: abortingSleep,
        log,
        signal: controller.signal,
        readiness: () => 'ready',
        download: async () => undefined,
      }),
    ).rejects.toThrow('SIGINT');
  });

  it('writes a progress line per cycle', () => {
    const base = { projectId: 'proj-demo', type: 'subtitle', created: true, files: [] };
    const orders: FollowedOrder[] = [
      ...Array.from({ length: 7 }, (_, i) => ({ ...base, orderId: `c${i}`, language: 'fr', status: 'completed', state: 'done' as const })),
      ...Array.from({ length: 3 }, (_, i) => ({ ...base, orderId: `o${i}`, language: 'es', status: 'ongoing', state: 'waiting' as const })),
      ...Array.from({ length: 2 }, (_, i) => ({ ...base, orderId: `p${i}`, language: 'de', status: 'pending', state: 'waiting' as const })),
    ];
    expect(progressLine(orders, 45_000, 38 * 60_000)).toBe('7/12 finished, 3 ongoing, 2 pending; next check in 45s; 38m left');
  });

  it('progress never goes backwards: an order whose download failed still counts as finished (and failed)', () => {
    const base = { projectId: 'proj-demo', type: 'subtitle', created: true, files: [] };
    const fr: FollowedOrder = { ...base, orderId: 'f', language: 'fr', status: 'completed', state: 'awaiting-outputs' };
    const es: FollowedOrder = { ...base, orderId: 'e', language: 'es', status: 'completed', state: 'downloading' };
    const de: FollowedOrder = { ...base, orderId: 'd', language: 'de', status: 'ongoing', state: 'waiting' };
    const before = progressLine([fr, es, de], 45_000, 60_000);
    expect(before).toMatch(/^2\/3 finished, 1 waiting for Ollang to publish its files, 1 ongoing;/);
    es.state = 'failed';
    expect(progressLine([fr, es, de], 45_000, 60_000)).toMatch(
      /^2\/3 finished \(1 failed\), 1 waiting for Ollang to publish its files, 1 ongoing;/,
    );
  });

  it('says what a finished order still waits for: its files (for up to two minutes after completed)', () => {
    const base = {
      projectId: 'proj-demo',
      type: 'subtitle',
      created: true,
      files: [],
      status: 'completed',
      state: 'awaiting-outputs' as const,
    };
    const orders: FollowedOrder[] = [
      { ...base, orderId: 'a', language: 'fr' },
      { ...base, orderId: 'b', language: 'es' },
    ];
    expect(progressLine(orders, 5_000, 120_000)).toBe(
      '2/2 finished, 2 waiting for Ollang to publish their files; next check in 5s; 2m left',
    );
    expect(progressLine(orders.slice(1), 5_000, 120_000)).toBe(
      '1/1 finished, 1 waiting for Ollang to publish its files; next check in 5s; 2m left',
    );
  });

  it('never "next check in 45s; 45s left": figures that read the same make it the last check', () => {
    const pending: FollowedOrder = {
      orderId: 'x',
      projectId: 'p',
      language: 'fr',
      type: 'subtitle',
      created: true,
      status: 'pending',
      state: 'waiting',
      files: [],
    };
    expect(progressLine([pending], 45_000, 45_400)).toBe('0/1 finished, 1 pending; last check in 45s');
    expect(progressLine([pending], 44_000, 45_400)).toBe('0/1 finished, 1 pending; next check in 44s; 45s left');
  });

  it("explains Ollang's words where they mean a wait, and says the last check once, in whole seconds", () => {
    const base = { projectId: 'proj-demo', type: 'subtitle', created: true, files: [], state: 'waiting' as const };
    const orders: FollowedOrder[] = [
      { ...base, orderId: 'a', language: 'fr', status: 'waitingForApprove' },
      { ...base, orderId: 'b', language: 'es', status: 'pending' },
    ];
    expect(progressLine(orders, 1_863, 20_400)).toBe(
      '0/2 finished, 1 waitingForApprove (a human-review gate), 1 pending; next check in 2s; 20s left',
    );
    // The pause that ends at the deadline is the last one: no "next check in 110ms; 110ms left".
    expect(progressLine(orders, 110, 110)).toBe('0/2 finished, 1 waitingForApprove (a human-review gate), 1 pending; last check in 110ms');
  });
});

describe('cancelOrders', () => {
  it('cancels pending orders, counts already-cancelled as done, and stops human review past the window', async () => {
    const pending = simulator.addOrder({ targetLanguage: 'fr', projectId: 'proj-demo' });
    const gone = simulator.addOrder({ targetLanguage: 'es', projectId: 'proj-demo', status: 'cancelled' });
    const reviewed = simulator.addOrder({ targetLanguage: 'de', projectId: 'proj-demo', level: 1, status: 'ongoing' });
    const results = await cancelOrders(client, [pending.id, gone.id, reviewed.id]);
    expect(results.map((r) => r.outcome)).toEqual(['cancelled', 'already-cancelled', 'human-review-cancelled']);
    expect(simulator.count('cancel-human-review')).toBe(1);
  });

  it('reports a finished order as finished, not as an error', async () => {
    const { state } = recorder();
    const [order] = (await chooseOrders({ client, settings: settings({ targetLanguages: ['fr'] }), log, clock, sleep, state })).followed;
    time.advance(3_600_000);
    const [result] = await cancelOrders(client, [order!.orderId]);
    expect(result!.outcome).toBe('already-finished');
  });
});

describe('saved state', () => {
  it('keeps created and settled IDs for the post step, and nothing else', () => {
    const { state, saved } = recorder();
    state.recordCreated(['a', 'b']);
    state.recordSettled(['a', 'not-ours']);
    const read = readSavedState({ getState: (k) => saved.get(k) ?? '' });
    expect(read).toEqual({ created: ['a', 'b'], settled: ['a'], mainFinished: false, createsInFlight: [] });
    state.recordMainFinished();
    expect(readSavedState({ getState: (k) => saved.get(k) ?? '' }).mainFinished).toBe(true);
  });

  it('reads garbage as empty instead of throwing', () => {
    expect(readSavedState({ getState: () => '{not json' })).toEqual({ created: [], settled: [], mainFinished: false, createsInFlight: [] });
  });

  it('keeps one lost-create record per project, with what existed before the call, until it is settled', () => {
    const { state, saved } = recorder();
    const call = (projectId: string) => ({
      projectId,
      orderType: 'subtitle',
      level: 0,
      languages: ['fr'],
      sentAt: '2026-11-22T10:00:00.000Z',
      before: { newestCreatedAt: '2026-11-22T09:59:00.000Z', orderIds: ['old'] },
    });
    state.recordCreateSent(call('p1'));
    state.recordCreateSent(call('p2'));
    state.recordCreateSent({ ...call('p1'), languages: ['es'] });
    const read = () => readSavedState({ getState: (k) => saved.get(k) ?? '' }).createsInFlight;
    expect(read()).toEqual([{ ...call('p1'), languages: ['es'] }, call('p2')]);
    state.recordCreateSettled('p1');
    expect(read()).toEqual([call('p2')]);
    state.recordCreateSettled('p2');
    expect(read()).toEqual([]);
    // A record without its snapshot could not tell an old order from a new one: it is dropped.
    expect(
      readSavedState({ getState: (k) => (k === 'creates-in-flight' ? JSON.stringify([{ ...call('p3'), before: undefined }]) : '') })
        .createsInFlight,
    ).toEqual([]);
  });
});

it('followOrder keeps what the poller needs, the project included', () => {
  const followed = followOrder(
    { id: 'x', status: 'pending', targetLanguage: 'fr', type: 'cc', level: 1, createdAt: '2026-01-01T00:00:00Z', orderDocs: [] },
    { created: true, projectId: 'proj-demo' },
  );
  expect(followed).toMatchObject({ orderId: 'x', projectId: 'proj-demo', language: 'fr', created: true, state: 'waiting', level: 1 });
});
