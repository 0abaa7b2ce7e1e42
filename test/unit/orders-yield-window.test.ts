/**
 * Found by a review (these tests failed before the fix): the earlier-order-wins step (reuse.ts yieldToEarlierOrders) looks only 2 minutes
 * (BURST_MS) before this run's new orders on the project it ordered on. The reuse check ran
 * before the Create Order; a 429 with Retry-After (honoured up to 5 min, create.ts createPause)
 * between the two leaves a gap in which another run (matrix job, second push, or with media the
 * other run of the same file) orders the same languages. Those orders are older than ours by more
 * than 2 minutes: neither run yields, both sets are kept and billed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OllangSimulator } from '../simulator/index.ts';
import { OllangClient } from '../../src/ollang/client.ts';
import { chooseOrders } from '../../src/orders/choose.ts';
import { StateRecorder } from '../../src/state.ts';
import { fakeTime, recordingLog, testSettings } from './run-helpers.ts';

const time = fakeTime();
const { clock, sleep } = time;
const log = recordingLog();
let simulator: OllangSimulator;
beforeAll(async () => {
  simulator = await OllangSimulator.start({ now: clock, lifecycle: { pendingMs: 600_000, ongoingMs: 600_000 } });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

describe('a Retry-After pause between the reuse check and the create', () => {
  for (const retryAfterSeconds of [60, 180]) {
    it(`429 Retry-After ${retryAfterSeconds}s on Create Order; another run orders fr, es meanwhile: one set of orders is kept`, async () => {
      simulator.setFaults([{ route: 'create', kind: '429', times: 1, retryAfterSeconds }]);
      const started = clock();
      // The other run orders as our pause begins (stamped then), shown once the pause is over.
      time.onNextSleep(async () => {
        for (const l of ['fr', 'es'])
          simulator.addOrder({ targetLanguage: l, type: 'subtitle', level: 0, createdAt: new Date(started + 1000).toISOString() });
      });
      const api = new OllangClient({ baseUrl: simulator.url, apiKey: simulator.apiKey, clock, sleep });
      const settings = testSettings({ apiUrl: simulator.url, apiKey: simulator.apiKey }, { targetLanguages: ['fr', 'es'] });
      await chooseOrders({ client: api, settings, log, clock, sleep, state: new StateRecorder({ saveState: () => undefined }) });
      const all = simulator.orders();
      expect(all.filter((o) => o.status !== 'cancelled')).toHaveLength(2);
    });
  }
});
