/**
 * Found by a review (these tests failed before the fix): `withoutOrders` (media/projects.ts settleUpload: "this run's fresh upload, no other
 * project listed") is decided at the search after the upload, but trusted when the orders are
 * created, maybe minutes later. Meanwhile run B, which uploaded the same file a moment later and
 * follows the oldest project (ours), has ordered fr and es on it. Run A skips the reuse check,
 * creates fr and es again, and the yield only looks 2 minutes (BURST_MS) back on the project it
 * ordered on: A keeps its duplicates (and B keeps its older ones): 4 paid orders for one content.
 */
import { beforeAll, afterAll, beforeEach, describe, expect, it } from 'vitest';
import { OllangSimulator } from '../simulator/index.ts';
import { OllangClient } from '../../src/ollang/client.ts';
import { chooseForProject } from '../../src/orders/choose.ts';
import { StateRecorder } from '../../src/state.ts';
import { fakeTime, recordingLog, testSettings } from './run-helpers.ts';

const time = fakeTime();
const { clock, sleep } = time;
const log = recordingLog();
let simulator: OllangSimulator;
beforeAll(async () => {
  simulator = await OllangSimulator.start({ now: clock, projects: ['p-a'], lifecycle: { pendingMs: 600_000 } });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.reset();
  simulator.addProject('p-a');
});

describe('a project this run just uploaded: orders another run placed on it meanwhile', () => {
  for (const gapMs of [30_000, 3 * 60_000]) {
    it(`another run ordered fr, es on our just-uploaded project ${gapMs / 1000}s before we create: nothing is bought twice`, async () => {
      const theirs = ['fr', 'es'].map((l) => simulator.addOrder({ projectId: 'p-a', targetLanguage: l, type: 'subtitle', level: 0 }));
      time.advance(gapMs);
      const client = new OllangClient({ baseUrl: simulator.url, apiKey: simulator.apiKey, clock, sleep });
      const settings = testSettings(
        { apiUrl: simulator.url, apiKey: simulator.apiKey },
        { projectId: '', media: 'videos/*.mp4', sourceLanguage: 'en', targetLanguages: ['fr', 'es'] },
      );
      await chooseForProject(
        { client, settings, log, clock, sleep, state: new StateRecorder({ saveState: () => undefined }) },
        { projectId: 'p-a', media: ['videos/a.mp4'], withoutOrders: true, contentProjects: async () => ['p-a'] },
      );
      const live = simulator.orders().filter((o) => o.status !== 'cancelled' && o.type === 'subtitle');
      expect(live.map((o) => o.id).sort()).toEqual(theirs.map((o) => o.id).sort());
    });
  }
});
