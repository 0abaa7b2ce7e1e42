/**
 * Review of media (2), O: a lost Create Order's orders are bounded on Ollang's clock at both
 * ends (src/orders/lost-create.ts): what existed before it (the snapshot), and what another run
 * ordered on the same project after the call's answer was given up (`until`, from Ollang's `Date`
 * header plus the request's time-out and LATE_SAVE_MS), whatever our own clock says.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OllangSimulator } from '../simulator/index.ts';
import { OllangClient } from '../../src/ollang/client.ts';
import { LATE_SAVE_MS, createWindowEnd, findOrdersOfLostCreate, snapshotProject, type LostCreate } from '../../src/orders/lost-create.ts';
import { fakeTime } from './run-helpers.ts';

const ollang = fakeTime(Date.parse('2026-11-22T10:00:00Z'));
let simulator: OllangSimulator;

beforeAll(async () => {
  simulator = await OllangSimulator.start({ now: ollang.clock, projects: ['p-a'], lifecycle: { pendingMs: 60_000 } });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.reset();
  simulator.addProject('p-a');
});

/** A lost call for fr and es, as create.ts records it, with our clock `skewMs` off Ollang's. */
async function lostCall(skewMs: number): Promise<{ client: OllangClient; call: LostCreate }> {
  const ours = () => ollang.clock() + skewMs;
  const client = new OllangClient({ baseUrl: simulator.url, apiKey: simulator.apiKey, clock: ours, requestTimeoutMs: 30_000 });
  const before = await snapshotProject(client, 'p-a');
  const until = createWindowEnd(client);
  const call: LostCreate = {
    projectId: 'p-a',
    orderType: 'subtitle',
    level: 0,
    languages: ['fr', 'es'],
    sentAt: new Date(ours()).toISOString(),
    before,
    ...(until ? { until } : {}),
  };
  return { client, call };
}

describe("lost Create Order: orders stamped after the call was given up are another run's", () => {
  it("the window ends at Ollang's time of sending plus the time-out and the margin, read from its Date header, whatever our clock says", async () => {
    for (const skewMs of [0, 10 * 60_000, -10 * 60_000]) {
      simulator.reset();
      simulator.addProject('p-a');
      const { client, call } = await lostCall(skewMs);
      // To the second (a Date header), never later than Ollang's time plus the time-out and margin.
      const end = Date.parse(call.until!);
      expect(end).toBeLessThanOrEqual(ollang.clock() + 30_000 + LATE_SAVE_MS);
      expect(end).toBeGreaterThan(ollang.clock() + 30_000 + LATE_SAVE_MS - 1000);
      // The call's own order, stamped while it ran: found. Another run's, 2 minutes later: not.
      ollang.advance(5_000);
      const ours = simulator.addOrder({ projectId: 'p-a', targetLanguage: 'fr', type: 'subtitle', level: 0 });
      ollang.advance(2 * 60_000);
      simulator.addOrder({ projectId: 'p-a', targetLanguage: 'es', type: 'subtitle', level: 0 });
      const found = await findOrdersOfLostCreate(client, call);
      expect(
        found.map((o) => o.id),
        `skew ${skewMs}`,
      ).toEqual([ours.id]);
    }
  });

  it('a record without `until` (an earlier version, no Date header) keeps the old rule: every new order of its languages', async () => {
    const { client, call } = await lostCall(0);
    delete call.until;
    ollang.advance(10 * 60_000);
    const theirs = simulator.addOrder({ projectId: 'p-a', targetLanguage: 'es', type: 'subtitle', level: 0 });
    expect((await findOrdersOfLostCreate(client, call)).map((o) => o.id)).toEqual([theirs.id]);
  });
});
