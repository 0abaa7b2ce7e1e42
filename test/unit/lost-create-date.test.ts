/**
 * A lost create's window end (`until`) must not trust a `Date` header that lags (found by a review; these
 * tests failed before `trustedUntil`). A `Date`
 * that lags Ollang's stamps by more than 90 s (a cached answer from a CDN/proxy, a web server whose
 * clock is off the database's) puts the call's own orders "after the window": the look-up drops
 * them and the run buys every language again; the first set is orphaned.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OllangSimulator } from '../simulator/index.ts';
import { OllangClient } from '../../src/ollang/client.ts';
import { nodeTransport } from '../../src/http/transport.ts';
import { chooseOrders } from '../../src/orders/choose.ts';
import { StateRecorder } from '../../src/state.ts';
import type { Transport } from '../../src/runtime.ts';
import { fakeTime, recordingLog, testSettings } from './run-helpers.ts';

const time = fakeTime();
const { clock, sleep } = time;
const log = recordingLog();
let simulator: OllangSimulator;
beforeAll(async () => {
  simulator = await OllangSimulator.start({ now: clock, lifecycle: { pendingMs: 60_000, ongoingMs: 600_000 } });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.reset();
  simulator.setFaults([]);
  time.onNextSleep(async () => undefined);
});

/** Every answer's Date header `lagMs` behind Ollang's stamps (as a cache or a skewed front end would give it). */
function laggingDate(lagMs: number): Transport {
  return async (request) => {
    const response = await nodeTransport(request);
    return {
      status: response.status,
      statusText: response.statusText,
      ...(response.length !== undefined ? { length: response.length } : {}),
      body: response.body,
      header: (name: string) => {
        const value = response.header(name);
        if (name.toLowerCase() !== 'date' || value === undefined) return value;
        return new Date(Date.parse(value) - lagMs).toUTCString();
      },
    };
  };
}

describe('a lagging Date header', () => {
  for (const lagMs of [0, 2 * 60_000, 10 * 60_000]) {
    it(`Date ${lagMs / 60_000} min behind Ollang's stamps, a lost Create Order: the call's orders are found, not bought again`, async () => {
      simulator.setFaults([{ route: 'create', kind: 'create-no-answer', times: 1 }]);
      const api = new OllangClient({ baseUrl: simulator.url, apiKey: simulator.apiKey, transport: laggingDate(lagMs), clock, sleep });
      const settings = testSettings({ apiUrl: simulator.url, apiKey: simulator.apiKey }, { reuseOrders: false });
      const chosen = await chooseOrders({
        client: api,
        settings,
        log,
        clock,
        sleep,
        state: new StateRecorder({ saveState: () => undefined }),
      });
      const all = simulator.orders();
      expect(simulator.count('create')).toBe(1);
      expect(all).toHaveLength(2);
      expect(chosen.followed.map((o) => o.orderId).sort()).toEqual(all.map((o) => o.id).sort());
    });
  }
});

import { createWindowEnd, findOrdersOfLostCreate, snapshotProject } from '../../src/orders/lost-create.ts';

describe('a lagging Date header (post step): the same look-up the post step makes after a kill', () => {
  it("a Date header 2 min behind: the killed call's own order is found (and so cancelled by the post step)", async () => {
    const api = new OllangClient({ baseUrl: simulator.url, apiKey: simulator.apiKey, transport: laggingDate(2 * 60_000), clock, sleep });
    const before = await snapshotProject(api, 'proj-demo');
    const until = createWindowEnd(api);
    time.advance(2_000);
    const ours = simulator.addOrder({ projectId: 'proj-demo', targetLanguage: 'fr', type: 'subtitle', level: 0 });
    const call = {
      projectId: 'proj-demo',
      orderType: 'subtitle',
      level: 0,
      languages: ['fr'],
      sentAt: new Date(clock()).toISOString(),
      before,
      ...(until ? { until } : {}),
    };
    const found = await findOrdersOfLostCreate(api, call);
    expect(found.map((o) => o.id)).toEqual([ours.id]);
  });
});
