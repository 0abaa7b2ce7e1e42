/**
 * The ways a paid order could be bought twice, lost track of, or reported wrongly, each driven
 * on an injected clock against the simulator (whose lifecycles run on the same clock).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OllangSimulator, type SimulatorOptions } from '../simulator/index.ts';
import { OllangClient } from '../../src/ollang/client.ts';
import { OllangError } from '../../src/ollang/errors.ts';
import { nodeTransport } from '../../src/http/transport.ts';
import { chooseOrders } from '../../src/orders/choose.ts';
import { followOrder } from '../../src/orders/followed.ts';
import { cancelOrder } from '../../src/orders/cancel.ts';
import { StateRecorder } from '../../src/state.ts';
import { createOrderDownloader } from '../../src/download/order-outputs.ts';
import { run } from '../../src/main.ts';
import { post, POST_LOST_CREATE_LOOKUPS_MS } from '../../src/post.ts';
import { existedBefore, findOrdersOfLostCreate, snapshotProject } from '../../src/orders/lost-create.ts';
import type { OrderSummary } from '../../src/ollang/schemas.ts';
import type { ActionIO } from '../../src/io.ts';
import type { Settings } from '../../src/settings.ts';
import type { Sleep, Transport } from '../../src/runtime.ts';
import { fakeTime, recordingLog, testSettings } from './run-helpers.ts';

const time = fakeTime();
const { clock, sleep } = time;
const log = recordingLog();
const { lines } = log;

let simulator: OllangSimulator;
beforeAll(async () => {
  simulator = await OllangSimulator.start({
    now: clock,
    lifecycle: { pendingMs: 60_000, ongoingMs: 600_000, outputsLagMs: 30_000 },
  });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.reset();
  simulator.setFaults([]);
  lines.length = 0;
  time.onNextSleep(async () => undefined);
});

function client(transport: Transport = nodeTransport): OllangClient {
  return new OllangClient({ baseUrl: simulator.url, apiKey: simulator.apiKey, transport, clock, sleep });
}

function settings(overrides: Partial<Settings> = {}): Settings {
  return testSettings({ apiUrl: simulator.url, apiKey: simulator.apiKey }, overrides);
}

/** The post step's runner: inputs, and the state main saved. */
function postIO(inputs: Record<string, string>, state: Map<string, string>): ActionIO {
  return {
    log,
    getInput: (name) => inputs[name] ?? '',
    setOutput: () => undefined,
    saveState: () => undefined,
    getState: (name) => state.get(name) ?? '',
    setSecret: () => undefined,
    setFailed: (m) => void lines.push(`failed: ${m}`),
    appendSummary: async () => undefined,
  };
}

const state = (): StateRecorder => new StateRecorder({ saveState: () => undefined });

/** A simulator of its own on the test's clock (orders stay pending a minute), closed after `fn`. */
async function withSimulator(options: SimulatorOptions, fn: (sim: OllangSimulator, api: OllangClient) => Promise<void>): Promise<void> {
  const sim = await OllangSimulator.start({ now: clock, lifecycle: { pendingMs: 60_000 }, seed: 5, ...options });
  try {
    await fn(sim, new OllangClient({ baseUrl: sim.url, apiKey: sim.apiKey, clock, sleep }));
  } finally {
    await sim.close();
  }
}

/** A List Orders stub serving `list()` page by page, whatever the query asks (no order among ties, filters ignored). */
function listingStub(list: () => OrderSummary[]): OllangClient {
  return {
    listOrders: async (query: { page: number; take: number }) => {
      const all = list();
      const orders = all.slice((query.page - 1) * query.take, query.page * query.take);
      const pageCount = Math.ceil(all.length / query.take);
      return {
        orders,
        meta: {
          page: query.page,
          take: query.take,
          itemCount: all.length,
          pageCount,
          hasNextPage: query.page < pageCount,
          hasPreviousPage: query.page > 1,
        },
      };
    },
    getOrder: async (id: string) => ({ ...list().find((o) => o.id === id)!, level: 0, orderDocs: [] }),
  } as unknown as OllangClient;
}

describe('never pay twice', () => {
  it('a create the server saves after the connection dropped is found by a later look-up, not bought again', async () => {
    // The first create never reaches the simulator at once: it lands there only while the
    // action pauses between look-ups, as a slow server would save it.
    let held: Parameters<Transport>[0] | undefined;
    const slowSave: Transport = async (request) => {
      if (request.url.pathname.endsWith('/orders/create') && !held) {
        held = { ...request, signal: new AbortController().signal };
        time.onNextSleep(async () => void (await (await nodeTransport(held!)).body.text()));
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      }
      return nodeTransport(request);
    };
    const chosen = await chooseOrders({ client: client(slowSave), settings: settings(), log, clock, sleep, state: state() });
    expect(simulator.count('create')).toBe(1);
    expect(
      simulator
        .orders()
        .map((o) => o.targetLanguage)
        .sort(),
    ).toEqual(['es', 'fr']);
    expect(chosen.followed.map((o) => o.created)).toEqual([true, true]);
  });

  it('an existing order it cannot read is not a reason to buy the language again', async () => {
    simulator.addOrder({ targetLanguage: 'fr', projectId: 'proj-demo', type: 'subtitle', level: 0, status: 'completed' });
    simulator.setFaults([{ route: 'get', kind: '503', times: 100 }]);
    await expect(chooseOrders({ client: client(), settings: settings(), log, clock, sleep, state: state() })).rejects.toThrow(
      /Could not check whether order .* \(fr\) can be reused/,
    );
    expect(simulator.count('create')).toBe(0);
  });

  it('a 429 on Create Order made nothing: the same languages are sent again after Retry-After, without a look-up', async () => {
    simulator.setFaults([{ route: 'create', kind: '429', times: 1, retryAfterSeconds: 3 }]);
    const pauses = time.sleeps.length;
    const chosen = await chooseOrders({ client: client(), settings: settings({ reuseOrders: false }), log, clock, sleep, state: state() });
    expect(simulator.count('create')).toBe(2);
    // The snapshot only: nothing looked for between the two calls.
    expect(simulator.count('list')).toBe(1);
    expect(time.sleeps.slice(pauses)).toEqual([3_000]);
    expect(chosen.failure).toBeUndefined();
    expect(chosen.languagesWithoutOrder).toEqual([]);
    expect(chosen.followed.map((o) => o.language).sort()).toEqual(['es', 'fr']);
  });

  it('Create Order refused with 429 every time: four calls at most, then the failure names the languages and the refusal', async () => {
    simulator.setFaults([{ route: 'create', kind: '429', times: 100, retryAfterSeconds: 1 }]);
    const chosen = await chooseOrders({ client: client(), settings: settings(), log, clock, sleep, state: state() });
    expect(simulator.count('create')).toBe(4);
    expect(chosen.failure).toMatch(/fr, es .*429/);
    expect(chosen.languagesWithoutOrder).toEqual(['fr', 'es']);
  });

  it('a 429 whose Retry-After runs past the run’s deadline: not sent again, the failure names the refusal', async () => {
    simulator.setFaults([{ route: 'create', kind: '429', times: 1, retryAfterSeconds: 120 }]);
    const api = new OllangClient({ baseUrl: simulator.url, apiKey: simulator.apiKey, clock, sleep, deadline: () => clock() + 60_000 });
    const chosen = await chooseOrders({ client: api, settings: settings(), log, clock, sleep, state: state() });
    expect(simulator.count('create')).toBe(1);
    expect(chosen.failure).toMatch(/429/);
  });

  it('a lost create never claims another level’s order', async () => {
    const other = simulator.addOrder({
      targetLanguage: 'fr',
      projectId: 'proj-demo',
      type: 'subtitle',
      level: 0,
      createdAt: new Date(clock()).toISOString(),
    });
    simulator.setFaults([{ route: 'create', kind: 'create-no-answer', times: 1 }]);
    const chosen = await chooseOrders({
      client: client(),
      settings: settings({ level: 1, targetLanguages: ['fr'], reuseOrders: false }),
      log,
      clock,
      sleep,
      state: state(),
    });
    expect(chosen.followed.map((o) => o.orderId)).not.toContain(other.id);
    expect(chosen.followed).toHaveLength(1);
    expect(chosen.followed[0]!.level).toBe(1);
  });
});

describe('an order Create Order made but left out of its answer is never orphaned', () => {
  it('its look-up fails: the failure says so, the record stays, and the post step (main finished) finds and cancels it', async () => {
    await withSimulator({ createSkips: { languages: ['es'], made: true } }, async (sim) => {
      // List Orders works for the snapshot, then fails (an outage) for the look-up after the answer.
      let created = false;
      const outage: Transport = async (request) => {
        if (request.url.pathname.endsWith('/orders/create')) created = true;
        else if (request.url.pathname === '/integration/orders' && created)
          throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        return nodeTransport(request);
      };
      const saved = new Map<string, string>();
      const chosen = await chooseOrders({
        client: new OllangClient({ baseUrl: sim.url, apiKey: sim.apiKey, transport: outage, clock, sleep }),
        settings: settings({ apiUrl: sim.url, reuseOrders: false }),
        log,
        clock,
        sleep,
        state: new StateRecorder({ saveState: (k, v) => void saved.set(k, v) }),
      });
      const [fr, es] = sim.orders();
      expect(chosen.followed.map((o) => o.orderId)).toEqual([fr!.id]);
      expect(chosen.failure).toMatch(/no order for es .*looking for one it may have made failed/);
      expect(JSON.parse(saved.get('creates-in-flight')!)).toMatchObject([{ languages: ['es'] }]);
      // Main then finishes (the run is partial); the post step:
      saved.set('main-finished', 'true');
      await post({ io: postIO({ 'api-key': sim.apiKey, 'api-url': sim.url }, saved), transport: nodeTransport, clock, sleep });
      expect([fr!.id, es!.id].map((id) => sim.orders().find((o) => o.id === id)!.status)).toEqual(['pending', 'cancelled']);
    });
  });

  it('an answered order Get Order cannot read yet: the language the answer left out is still looked for, and followed', async () => {
    await withSimulator(
      { createSkips: { languages: ['es'], made: true }, faults: [{ route: 'get', kind: '503', times: 6 }] },
      async (sim, api) => {
        const saved = new Map<string, string>();
        const chosen = await chooseOrders({
          client: api,
          settings: settings({ apiUrl: sim.url, reuseOrders: false }),
          log,
          clock,
          sleep,
          state: new StateRecorder({ saveState: (k, v) => void saved.set(k, v) }),
        });
        expect(chosen.followed.map((o) => o.orderId).sort()).toEqual(
          sim
            .orders()
            .map((o) => o.id)
            .sort(),
        );
        expect(chosen.followed.every((o) => o.created)).toBe(true);
        expect(chosen.failure).toBeUndefined();
        expect(saved.get('creates-in-flight')).toBe('');
        expect(sim.count('create')).toBe(1);
      },
    );
  });
});

describe('child orders go with their parents', () => {
  /** Another run orders `fr` right after this run's reuse scan (its first List Orders), a second before this run's create. */
  const otherRunsFr = (): SimulatorOptions => ({
    childOrders: true,
    scheduledOrders: [
      {
        after: { route: 'list', count: 1 },
        order: { projectId: 'proj-demo', type: 'subtitle', targetLanguage: 'fr', createdAt: new Date(clock() - 1_000).toISOString() },
      },
    ],
  });

  it('giving way to another run’s earlier order cancels the child order the same call made, and stops following it', async () => {
    await withSimulator(otherRunsFr(), async (sim, api) => {
      const saved = new Map<string, string>();
      const chosen = await chooseOrders({
        client: api,
        settings: settings({ apiUrl: sim.url, targetLanguages: ['fr'] }),
        log,
        clock,
        sleep,
        state: new StateRecorder({ saveState: (k, v) => void saved.set(k, v) }),
      });
      const [theirs, ours, child] = sim.orders();
      expect(child!.parentOrderId).toBe(ours!.id);
      expect([theirs, ours, child].map((o) => o!.status)).toEqual(['pending', 'cancelled', 'cancelled']);
      expect(chosen.followed.map((o) => [o.orderId, o.created])).toEqual([[theirs!.id, false]]);
      expect(JSON.parse(saved.get('settled-orders')!)).toEqual([ours!.id, child!.id]);
    });
  });

  it('a child order that may be a kept parent’s is kept: only the parents that gave way are cancelled', async () => {
    await withSimulator(otherRunsFr(), async (sim, api) => {
      const chosen = await chooseOrders({ client: api, settings: settings({ apiUrl: sim.url }), log, clock, sleep, state: state() });
      const mine = sim.orders().slice(1);
      // Both `cc` children are in the source language: either may be the kept `es` order's.
      expect(mine.map((o) => `${o.type} ${o.targetLanguage} ${o.status}`)).toEqual([
        'subtitle fr cancelled',
        'cc en pending',
        'subtitle es pending',
        'cc en pending',
      ]);
      expect(chosen.followed.map((o) => o.orderId).sort()).toEqual([sim.orders()[0]!.id, ...mine.slice(1).map((o) => o.id)].sort());
    });
  });

  it('a child order of another type is followed and reported, never downloaded', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'paid-child-'));
    await withSimulator({ childOrders: true, lifecycle: { pendingMs: 1_000, ongoingMs: 2_000, outputsLagMs: 500 } }, async (sim) => {
      const inputs: Record<string, string> = {
        'api-key': sim.apiKey,
        'api-url': sim.url,
        'project-id': 'proj-demo',
        'target-languages': 'fr',
        'poll-interval': '5s',
        timeout: '1h',
      };
      const outputs = new Map<string, string>();
      const io: ActionIO = { ...postIO(inputs, new Map()), setOutput: (k, v) => void outputs.set(k, v) };
      const outcome = await run({
        io,
        env: { GITHUB_WORKSPACE: workspace },
        cwd: workspace,
        transport: nodeTransport,
        clock,
        sleep,
        abort: new AbortController().signal,
      });
      expect(outcome.exitCode).toBe(0);
      expect(outputs.get('status')).toBe('completed');
      const reported = (JSON.parse(outputs.get('orders')!) as { type: string; language: string; files: string[] }[]).map((o) => [
        o.type,
        o.language,
        o.files.length > 0,
      ]);
      expect(reported).toEqual([
        ['subtitle', 'fr', true],
        ['cc', 'en', false],
      ]);
      expect(readdirSync(path.join(workspace, 'localized'))).toEqual(['fr']);
      // Its row says why it has no files, instead of an unexplained "en ✅ completed —".
      expect(outcome.report?.orders[1]?.outcome).toBe(
        'a child order (cc) Ollang added to the subtitle order: its files are not downloaded, by design',
      );
    });
  });
});

describe('what existed before a create is never taken as its orders', () => {
  it('our clock minutes ahead of Ollang’s: a lost create is still found, not bought again', async () => {
    // Ollang stamps createdAt on its own clock, 5 minutes behind ours: no look-up may filter on ours.
    const skewed = await OllangSimulator.start({ now: () => clock() - 5 * 60_000, lifecycle: { pendingMs: 60_000 } });
    try {
      skewed.setFaults([{ route: 'create', kind: 'create-no-answer', times: 1 }]);
      const api = new OllangClient({ baseUrl: skewed.url, apiKey: skewed.apiKey, clock, sleep });
      const chosen = await chooseOrders({ client: api, settings: settings({ apiUrl: skewed.url }), log, clock, sleep, state: state() });
      expect(skewed.count('create')).toBe(1);
      expect(skewed.orders()).toHaveLength(2);
      expect(chosen.followed.map((o) => o.orderId).sort()).toEqual(
        skewed
          .orders()
          .map((o) => o.id)
          .sort(),
      );
    } finally {
      await skewed.close();
    }
  });

  it('a snapshot keeps the newest createdAt Ollang listed, and the IDs only that createdAt cannot tell apart', async () => {
    simulator.addOrder({ id: 'a1', targetLanguage: 'fr', createdAt: '2026-11-22T09:59:00.000Z' });
    simulator.addOrder({ id: 'a2', targetLanguage: 'es', type: 'cc', createdAt: '2026-11-22T09:59:00.000Z' });
    simulator.addOrder({ id: 'b', targetLanguage: 'fr', createdAt: '2026-11-22T09:00:00.000Z' });
    expect(await snapshotProject(client(), 'proj-demo')).toEqual({ newestCreatedAt: '2026-11-22T09:59:00.000Z', orderIds: ['a2', 'a1'] });
    // A page without createdAt (schema drift): every ID listed.
    simulator.setFaults([{ route: 'list', kind: 'drift', times: 1 }]);
    expect((await snapshotProject(client(), 'proj-demo')).orderIds.sort()).toEqual(['a1', 'a2', 'b']);
  });

  it('existedBefore: a listed ID, or stamped before the newest listed; never an order stamped with it or after', () => {
    const before = { newestCreatedAt: '2026-11-22T10:00:00.000Z', orderIds: ['a', 'c'] };
    expect(existedBefore({ id: 'a', createdAt: '2026-11-22T10:00:00.000Z' }, before)).toBe(true);
    expect(existedBefore({ id: 'c' }, before)).toBe(true);
    expect(existedBefore({ id: 'old', createdAt: '2026-11-22T09:59:59.999Z' }, before)).toBe(true);
    // Stamped in the same instant as the newest listed (Ollang's examples stamp whole seconds): may be ours.
    expect(existedBefore({ id: 'new', createdAt: '2026-11-22T10:00:00.000Z' }, before)).toBe(false);
    expect(existedBefore({ id: 'new', createdAt: '2026-11-22T10:00:01.000Z' }, before)).toBe(false);
    expect(existedBefore({ id: 'new' }, before)).toBe(false);
    // A project without orders: nothing existed.
    expect(existedBefore({ id: 'any', createdAt: '2020-01-01T00:00:00Z' }, { orderIds: [] })).toBe(false);
  });

  it('the post step looks for a lost create more than once, and within about ten seconds', async () => {
    // The call reached Ollang, which saves its orders while the post step pauses between look-ups.
    const saved = new Map<string, string>();
    const recorder = new StateRecorder({ saveState: (k, v) => void saved.set(k, v) });
    const before = await snapshotProject(client(), 'proj-demo');
    recorder.recordCreateSent({
      projectId: 'proj-demo',
      orderType: 'subtitle',
      level: 0,
      languages: ['fr', 'es'],
      sentAt: new Date(clock()).toISOString(),
      before,
    });
    const pauses: number[] = [];
    let lookups = 0;
    const postSleep: Sleep = async (ms) => {
      pauses.push(ms);
      await sleep(ms);
      if (pauses.length === 2)
        await client().createOrder({
          orderType: 'subtitle',
          level: 0,
          projectId: 'proj-demo',
          targetLanguageConfigs: [{ language: 'fr' }, { language: 'es' }],
        });
    };
    const counting: Transport = async (request) => {
      if (request.url.pathname === '/integration/orders') lookups += 1;
      return nodeTransport(request);
    };
    await post({
      io: postIO({ 'api-key': simulator.apiKey, 'api-url': simulator.url }, saved),
      transport: counting,
      clock,
      sleep: postSleep,
    });
    expect(simulator.orders().map((o) => o.status)).toEqual(['cancelled', 'cancelled']);
    expect(lookups).toBe(3);
    expect(pauses.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(10_000);
    expect(POST_LOST_CREATE_LOOKUPS_MS.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(10_000);
  });

  // Ollang stamps whole seconds: another job of the workflow (order-type: cc) ordered in the same
  // second as this run's lost create, and its order sorts first among the orders stamped alike.
  for (const reuseOrders of [false, true]) {
    it(`reuse-orders: ${reuseOrders}: an order stamped in the same second as a lost create’s, listed before them, hides none of them`, async () => {
      await withSimulator(
        { wholeSecondStamps: true, faults: [{ route: 'create', kind: 'create-no-answer', times: 1 }] },
        async (sim, api) => {
          sim.addOrder({ id: 'ffffffff000000matrix0001', projectId: 'proj-demo', type: 'cc', targetLanguage: 'fr' });
          const chosen = await chooseOrders({
            client: api,
            settings: settings({ apiUrl: sim.url, reuseOrders }),
            log,
            clock,
            sleep,
            state: state(),
          });
          const subtitles = sim.orders().filter((o) => o.type === 'subtitle');
          expect(sim.count('create')).toBe(1);
          expect(subtitles.map((o) => o.status)).toEqual(['pending', 'pending']);
          expect(chosen.followed.map((o) => `${o.orderId} ${o.created}`).sort()).toEqual(subtitles.map((o) => `${o.id} true`).sort());
        },
      );
    });
  }

  it('post step after a kill during the create: an order stamped in the same second, listed first, hides none of the call’s orders', async () => {
    await withSimulator({ wholeSecondStamps: true }, async (sim, api) => {
      const other = sim.addOrder({ id: 'ffffffff000000matrix0002', projectId: 'proj-demo', type: 'cc', targetLanguage: 'fr' });
      const saved = new Map<string, string>();
      const recorder = new StateRecorder({ saveState: (k, v) => void saved.set(k, v) });
      const before = await snapshotProject(api, 'proj-demo');
      recorder.recordCreateSent({
        projectId: 'proj-demo',
        orderType: 'subtitle',
        level: 0,
        languages: ['fr', 'es'],
        sentAt: new Date(clock()).toISOString(),
        before,
      });
      // The call reaches Ollang; main is killed before the answer.
      const made = await api.createOrder({
        orderType: 'subtitle',
        level: 0,
        projectId: 'proj-demo',
        targetLanguageConfigs: [{ language: 'fr' }, { language: 'es' }],
      });
      await post({ io: postIO({ 'api-key': sim.apiKey, 'api-url': sim.url }, saved), transport: nodeTransport, clock, sleep });
      expect(made.map((m) => sim.orders().find((o) => o.id === m.orderId)!.status)).toEqual(['cancelled', 'cancelled']);
      expect(sim.orders().find((o) => o.id === other.id)!.status).toBe('pending');
    });
  });

  it('createdAt without a time zone, on a runner west of UTC: a lost create is still found, not bought again', async () => {
    // Date.parse reads a zone-less stamp as local time: 5 hours late in New York, past the new orders.
    const zone = process.env['TZ'];
    process.env['TZ'] = 'America/New_York';
    try {
      await withSimulator(
        { stampsWithoutZone: true, faults: [{ route: 'create', kind: 'create-no-answer', times: 1 }] },
        async (sim, api) => {
          sim.addOrder({
            projectId: 'proj-demo',
            type: 'subtitle',
            targetLanguage: 'de',
            createdAt: new Date(clock() - 30_000).toISOString(),
          });
          const chosen = await chooseOrders({
            client: api,
            settings: settings({ apiUrl: sim.url, reuseOrders: false }),
            log,
            clock,
            sleep,
            state: state(),
          });
          expect(sim.count('create')).toBe(1);
          expect(chosen.followed.map((o) => o.language).sort()).toEqual(['es', 'fr']);
        },
      );
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });

  it('more orders stamped alike than a page holds: the snapshot records them all, and a look-up listing them in another order takes none', async () => {
    // An earlier create of 30 languages and its 30 `cc` children: 60 orders, one stamp.
    const stamp = '2026-11-22T09:00:00Z';
    const old: OrderSummary[] = Array.from({ length: 30 }, (_, i) => [
      { id: `sub-${i}`, status: 'completed', type: 'subtitle', targetLanguage: `l${i}`, projectId: 'p', createdAt: stamp },
      { id: `cc-${i}`, status: 'completed', type: 'cc', targetLanguage: 'en', projectId: 'p', createdAt: stamp },
    ]).flat();
    const before = await snapshotProject(
      listingStub(() => old),
      'p',
    );
    expect(before.orderIds.sort()).toEqual(old.map((o) => o.id).sort());
    // A lost create for two of those languages (level 1) that made nothing; the look-up is another query.
    const call = { projectId: 'p', orderType: 'subtitle', level: 1, languages: ['l25', 'l27'], sentAt: stamp, before };
    expect(
      await findOrdersOfLostCreate(
        listingStub(() => [...old].reverse()),
        call,
      ),
    ).toEqual([]);
  });

  it('more orders stamped alike than a page holds, in another order on every request: none is taken for a lost create’s, none of its own missed', async () => {
    await withSimulator(
      { wholeSecondStamps: true, unstableTieOrder: true, faults: [{ route: 'create', kind: 'create-no-answer', times: 1 }] },
      async (sim, api) => {
        // Another job's 30-language create and its 30 `cc` children, in the very second of this run's.
        const languages = Array.from({ length: 30 }, (_, i) => `l${String(i).padStart(2, '0')}`);
        const old = new Set<string>();
        for (const language of languages) {
          const parent = sim.addOrder({ projectId: 'proj-demo', type: 'subtitle', targetLanguage: language, status: 'completed' });
          const child = sim.addOrder({
            projectId: 'proj-demo',
            type: 'cc',
            targetLanguage: 'en',
            status: 'completed',
            parentOrderId: parent.id,
          });
          old.add(parent.id).add(child.id);
        }
        const chosen = await chooseOrders({
          client: api,
          settings: settings({ apiUrl: sim.url, targetLanguages: languages, level: 1, reuseOrders: false }),
          log,
          clock,
          sleep,
          state: state(),
        });
        expect(new Set(sim.orders().map((o) => o.createdAt)).size).toBe(1);
        expect(sim.count('create')).toBe(1);
        expect(chosen.followed.filter((o) => old.has(o.orderId))).toEqual([]);
        expect(chosen.followed.map((o) => o.orderId).sort()).toEqual(
          sim
            .orders()
            .filter((o) => !old.has(o.id))
            .map((o) => o.id)
            .sort(),
        );
      },
    );
  });
});

describe('never report what did not happen', () => {
  for (const cancelOnAbort of ['false', 'true']) {
    it(`main finished but left a Create Order unaccounted for, cancel-on-abort: ${cancelOnAbort}: the post step never says the run was aborted`, async () => {
      const saved = new Map<string, string>();
      const recorder = new StateRecorder({ saveState: (k, v) => void saved.set(k, v) });
      const before = await snapshotProject(client(), 'proj-demo');
      recorder.recordCreateSent({
        projectId: 'proj-demo',
        orderType: 'subtitle',
        level: 0,
        languages: ['es'],
        sentAt: new Date(clock()).toISOString(),
        before,
      });
      const [made] = await client().createOrder({
        orderType: 'subtitle',
        level: 0,
        projectId: 'proj-demo',
        targetLanguageConfigs: [{ language: 'es' }],
      });
      recorder.recordMainFinished();
      await post({
        io: postIO({ 'api-key': simulator.apiKey, 'api-url': simulator.url, 'cancel-on-abort': cancelOnAbort }, saved),
        transport: nodeTransport,
        clock,
        sleep,
      });
      expect(lines.filter((line) => /aborted/i.test(line))).toEqual([]);
      expect(lines.some((line) => line.includes('Create Order was never accounted for'))).toBe(true);
      expect(simulator.orders().find((o) => o.id === made!.orderId)!.status).toBe(cancelOnAbort === 'true' ? 'cancelled' : 'pending');
    });
  }

  it('a human review Ollang refuses to cancel is an error, not a stopped order', async () => {
    const stub = {
      cancelOrder: async () => {
        throw new OllangError({ kind: 'http', status: 400, endpoint: 'Cancel Order', code: 'ORDER_NOT_CANCELLABLE' });
      },
      getOrder: async () => ({ id: 'o1', status: 'ongoing', level: 1, targetLanguage: 'fr', type: 'subtitle', orderDocs: [] }),
      cancelHumanReview: async () => ({ success: false, message: 'Review already started' }),
    } as unknown as OllangClient;
    const result = await cancelOrder(stub, 'o1');
    expect(result.outcome).toBe('error');
    expect(result.message).toContain('Review already started');
  });

  it('an order that published its VTT but never its SRT does not pass as delivered', async () => {
    const s = settings({ targetLanguages: ['fr'] });
    const api = client();
    const [created] = await api.createOrder({
      orderType: 'subtitle',
      level: 0,
      projectId: 'proj-demo',
      targetLanguageConfigs: [{ language: 'fr' }],
    });
    time.advance(3_600_000);
    const order = await api.getOrder(created!.orderId);
    const vttOnly = { ...order, orderDocs: order.orderDocs.filter((d) => d.type.startsWith('source')) };
    const followed = followOrder(vttOnly, { created: true });
    await createOrderDownloader({ settings: s, client: api, sleep, log, clock })(vttOnly, followed);
    expect(followed.files.some((f) => f.endsWith('.vtt'))).toBe(true);
    expect(followed.state).toBe('failed');
    expect(followed.problem).toMatch(/no subtitles output/);
  });

  it('a language whose order was read only during the wait is not reported as missing', async () => {
    simulator.setFaults([{ route: 'get', kind: '503', times: 6 }]);
    const workspace = mkdtempSync(path.join(tmpdir(), 'paid-run-'));
    const inputs: Record<string, string> = {
      'api-key': simulator.apiKey,
      'api-url': simulator.url,
      'project-id': 'proj-demo',
      'target-languages': 'fr',
      'poll-interval': '30s',
      timeout: '2h',
      'reuse-orders': 'false',
    };
    const outputs = new Map<string, string>();
    const failures: string[] = [];
    const io: ActionIO = {
      log,
      getInput: (name) => inputs[name] ?? '',
      setOutput: (k, v) => void outputs.set(k, v),
      saveState: () => undefined,
      getState: () => '',
      setSecret: () => undefined,
      setFailed: (m) => void failures.push(m),
      appendSummary: async () => undefined,
    };
    const outcome = await run({
      io,
      env: { GITHUB_WORKSPACE: workspace },
      cwd: workspace,
      transport: nodeTransport,
      clock,
      sleep,
      abort: new AbortController().signal,
    });
    expect(failures).toEqual([]);
    expect(outcome.exitCode).toBe(0);
    expect(outputs.get('status')).toBe('completed');
    expect(outcome.report?.languagesWithoutOrder).toEqual([]);
  });
});
