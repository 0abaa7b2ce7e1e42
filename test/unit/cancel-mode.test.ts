/**
 * `mode: cancel` without order IDs (src/orders/stop.ts) reads the project's orders newest first,
 * many pages deep, and never says "nothing to cancel" about orders it did not read.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OllangSimulator } from '../simulator/index.ts';
import { OllangClient, type ListOrdersQuery } from '../../src/ollang/client.ts';
import type { OrderPage, OrderSummary } from '../../src/ollang/schemas.ts';
import { CANCEL_SCAN_MAX_PAGES, cancelMode, type StopContext } from '../../src/orders/stop.ts';
import { StateRecorder } from '../../src/state.ts';
import { nodeTransport } from '../../src/http/transport.ts';
import { fakeTime, recordingLog, testSettings } from './run-helpers.ts';

const time = fakeTime();
let sim: OllangSimulator;
let client: OllangClient;
beforeAll(async () => {
  sim = await OllangSimulator.start({ now: time.clock });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  client = new OllangClient({ baseUrl: sim.url, apiKey: sim.apiKey, clock: time.clock, sleep: time.sleep });
});

function context(api: OllangClient, log = recordingLog()): StopContext {
  const settings = testSettings({ apiUrl: sim.url, apiKey: sim.apiKey }, { mode: 'cancel', targetLanguages: ['fr'] });
  const connection = { apiUrl: sim.url, apiKey: sim.apiKey, transport: nodeTransport, clock: time.clock, sleep: time.sleep, log };
  return { connection, settings, state: new StateRecorder({ saveState: () => undefined }), followed: [], cancels: [], log };
}

describe('listAllOrders', () => {
  it('says when it stopped at maxPages with pages left, and only then', async () => {
    for (const language of ['fr', 'es', 'de']) sim.addOrder({ projectId: 'proj-demo', targetLanguage: language });
    const read = async (maxPages: number): Promise<{ count: number; more: boolean }> => {
      let more = false;
      let count = 0;
      for await (const _ of client.listAllOrders({ take: 1 }, { maxPages, onMorePages: () => (more = true) })) count += 1;
      return { count, more };
    };
    expect(await read(2)).toEqual({ count: 2, more: true });
    expect(await read(3)).toEqual({ count: 3, more: false });
    expect(await read(5)).toEqual({ count: 3, more: false });
  });
});

describe('cancelMode over the project and languages', () => {
  it('an unfinished order behind 200 newer finished ones is found and cancelled', async () => {
    const t0 = time.clock() - 3_600_000;
    const old = sim.addOrder({ projectId: 'proj-demo', targetLanguage: 'fr', status: 'pending', createdAt: new Date(t0).toISOString() });
    for (let i = 0; i < 200; i++) {
      sim.addOrder({
        projectId: 'proj-demo',
        targetLanguage: 'de',
        status: 'completed',
        createdAt: new Date(t0 + 1000 * (i + 1)).toISOString(),
      });
    }
    const outcome = await cancelMode(context(client), client);
    expect(outcome.ended).toBe('cancelled');
    expect(outcome.failure).toBeUndefined();
    expect(outcome.handled.map((o) => [o.orderId, o.status])).toEqual([[old.id, 'cancelled']]);
  });

  /** The simulator's client, with List Orders saying "more" past the last page (as a server may). */
  function endless(extra: OrderSummary[] = []): OllangClient {
    const api = new OllangClient({ baseUrl: sim.url, apiKey: sim.apiKey, clock: time.clock, sleep: time.sleep });
    let pages = 0;
    api.listOrders = async (query: ListOrdersQuery): Promise<OrderPage> => {
      pages += 1;
      const filler: OrderSummary = {
        id: `done-${pages}`,
        status: 'completed',
        type: 'subtitle',
        targetLanguage: 'fr',
        projectId: 'proj-demo',
      };
      const orders = pages === CANCEL_SCAN_MAX_PAGES ? [filler, ...extra] : [filler];
      const page = query.page ?? 1;
      return { orders, meta: { page, take: 50, itemCount: 1e9, pageCount: 1e9, hasNextPage: true, hasPreviousPage: page > 1 } };
    };
    return api;
  }

  it('pages left unread: never "nothing to cancel"; the run fails saying how far it looked', async () => {
    const log = recordingLog();
    const outcome = await cancelMode(context(endless(), log), endless());
    expect(outcome.ended).toBe('failed');
    expect(outcome.handled).toEqual([]);
    expect(outcome.failure).toMatch(/^Looked at the 10,000 newest subtitle orders of project proj-demo only: older ones were not read/);
    expect(log.at('warning')).toEqual([outcome.failure]);
  });

  it('pages left unread after cancelling some: cancelled, and the run still fails saying so', async () => {
    const unfinished = sim.addOrder({ projectId: 'proj-demo', targetLanguage: 'fr', status: 'pending' });
    const api = endless([{ id: unfinished.id, status: 'pending', type: 'subtitle', targetLanguage: 'fr', projectId: 'proj-demo' }]);
    const outcome = await cancelMode(context(api), api);
    expect(outcome.ended).toBe('cancelled');
    expect(outcome.handled.map((o) => o.status)).toEqual(['cancelled']);
    expect(outcome.failure).toMatch(/^Looked at the 10,000 newest/);
  });
});
