/**
 * Orders per project with media (src/orders/choose.ts: chooseForProject, chooseForProjects) against
 * the simulator on an injected clock: one Create Order per project, lost-create records per
 * project, reuse across the projects of one content (review 2), a project without orders is not
 * scanned, one project's trouble never stops the others, an abort stops them all; and
 * memory.ts's one manifest per scope.
 */
import { beforeAll, afterAll, beforeEach, describe, expect, it } from 'vitest';
import { OllangSimulator } from '../simulator/index.ts';
import { OllangClient } from '../../src/ollang/client.ts';
import { chooseForProject, chooseForProjects, type ChooseContext } from '../../src/orders/choose.ts';
import { recentOrders } from '../../src/orders/reuse.ts';
import { StateRecorder, readSavedState } from '../../src/state.ts';
import type { Settings } from '../../src/settings.ts';
import { fakeTime, recordingLog, testSettings } from './run-helpers.ts';

const time = fakeTime();
const { clock, sleep } = time;
const log = recordingLog();
let simulator: OllangSimulator;
let client: OllangClient;

beforeAll(async () => {
  simulator = await OllangSimulator.start({ now: clock, projects: ['p-a', 'p-b', 'p-c', 'p-old'], lifecycle: { pendingMs: 60_000 } });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.reset();
  for (const p of ['p-a', 'p-b', 'p-c', 'p-old']) simulator.addProject(p);
  client = new OllangClient({ baseUrl: simulator.url, apiKey: simulator.apiKey, clock, sleep });
});

function context(overrides: Partial<Settings> = {}): { context: ChooseContext; saved: Map<string, string> } {
  const saved = new Map<string, string>();
  const settings = testSettings(
    { apiUrl: simulator.url, apiKey: simulator.apiKey },
    { projectId: '', media: 'videos/*.mp4', sourceLanguage: 'en', targetLanguages: ['fr', 'es'], ...overrides },
  );
  return {
    context: { client, settings, log, clock, sleep, state: new StateRecorder({ saveState: (k, v) => void saved.set(k, v) }) },
    saved,
  };
}

describe('orders per project', () => {
  it('one Create Order per project; each followed order knows its media file; state holds every project’s orders', async () => {
    const { context: c, saved } = context();
    const chooser = chooseForProjects(c);
    chooser.add({ projectId: 'p-a', media: ['videos/a.mp4'] });
    chooser.add({ projectId: 'p-b', media: ['videos/b.mp4', 'copy/b.mp4'] });
    const chosen = await chooser.done();
    expect(simulator.count('create')).toBe(2);
    expect(chosen.followed.map((o) => [o.projectId, o.language, o.media]).sort()).toEqual([
      ['p-a', 'es', ['videos/a.mp4']],
      ['p-a', 'fr', ['videos/a.mp4']],
      ['p-b', 'es', ['videos/b.mp4', 'copy/b.mp4']],
      ['p-b', 'fr', ['videos/b.mp4', 'copy/b.mp4']],
    ]);
    const state = readSavedState({ getState: (k) => saved.get(k) ?? '' });
    expect(state.created).toHaveLength(4);
    expect(state.createsInFlight).toEqual([]);
  });

  it('review: orders on another project of the same content are reused, not bought again', async () => {
    simulator.addOrder({ projectId: 'p-old', targetLanguage: 'fr', type: 'subtitle', level: 0 });
    const { context: c } = context();
    const chosen = await chooseForProject(c, { projectId: 'p-a', otherProjectIds: ['p-old'], media: ['videos/a.mp4'] });
    const fr = chosen.followed.find((o) => o.language === 'fr')!;
    expect(fr).toMatchObject({ created: false, projectId: 'p-old', media: ['videos/a.mp4'] });
    expect(chosen.followed.find((o) => o.language === 'es')).toMatchObject({ created: true, projectId: 'p-a' });
    expect(simulator.count('create')).toBe(1);
    expect(chosen.fresh?.map((f) => f.order.id)).toEqual([fr.orderId]);
  });

  it('review-media2 E: after creating, an earlier order on another project of the same content (found by a fresh search) wins', async () => {
    // Another run's order on its own project of the content, which this run's look-ups did not show.
    const theirs = simulator.addOrder({ projectId: 'p-old', targetLanguage: 'fr', type: 'subtitle', level: 0 });
    time.advance(1000);
    const { context: c } = context();
    let searched = 0;
    const chosen = await chooseForProject(c, {
      projectId: 'p-a',
      media: ['videos/a.mp4'],
      // The search before buying does not list p-old yet (a listing that lags); the one after does.
      contentProjects: async () => {
        searched += 1;
        return searched === 1 ? ['p-a'] : ['p-a', 'p-old'];
      },
    });
    expect(searched).toBe(2);
    expect(chosen.followed.find((o) => o.language === 'fr')).toMatchObject({ orderId: theirs.id, created: false, projectId: 'p-old' });
    expect(chosen.followed.find((o) => o.language === 'es')).toMatchObject({ created: true, projectId: 'p-a' });
    const mine = simulator.orders().filter((o) => o.projectId === 'p-a');
    expect(mine.map((o) => [o.targetLanguage, o.status]).sort()).toEqual([
      ['es', 'pending'],
      ['fr', 'cancelled'],
    ]);
  });

  it('a project found in the repository listing: orders on another project of the content (another repository) are reused before buying', async () => {
    // review: the repository listing shows only this repository's projects; the content's project
    // with the orders is another repository's. Before: fr and es were bought on the empty project
    // (and cancelled again by the yield, on every re-run).
    const fr = simulator.addOrder({ projectId: 'used', targetLanguage: 'fr', type: 'subtitle', level: 0 });
    const es = simulator.addOrder({ projectId: 'used', targetLanguage: 'es', type: 'subtitle', level: 0 });
    const { context: c } = context();
    const chosen = await chooseForProject(c, {
      projectId: 'empty-dup',
      media: ['videos/a.mp4'],
      contentProjects: async () => ['empty-dup', 'used'],
    });
    expect(chosen.followed.map((o) => [o.language, o.orderId, o.created]).sort()).toEqual([
      ['es', es.id, false],
      ['fr', fr.id, false],
    ]);
    expect(simulator.count('create')).toBe(0);
  });

  it('a project Ollang listed without orders is not scanned for reuse', async () => {
    const { context: c } = context();
    let before = simulator.count('list');
    await chooseForProject(c, { projectId: 'p-a', media: ['videos/a.mp4'] });
    const scanned = simulator.count('list') - before;
    before = simulator.count('list');
    await chooseForProject(c, { projectId: 'p-b', media: ['videos/b.mp4'], withoutOrders: true });
    // The snapshot before the create and the check for runs started together remain; the reuse scan goes.
    expect(simulator.count('list') - before).toBe(scanned - 1);
  });

  it('one scan of the newest orders across projects stands in for each project’s own scan, where it shows all its languages', async () => {
    for (const p of ['p-a', 'p-b'])
      for (const l of ['fr', 'es']) simulator.addOrder({ projectId: p, targetLanguage: l, type: 'subtitle', level: 0 });
    simulator.addOrder({ projectId: 'p-c', targetLanguage: 'fr', type: 'subtitle', level: 0 });
    const { context: c } = context();
    const before = simulator.requests.length;
    const chooser = chooseForProjects({ ...c, recent: recentOrders(client, 'subtitle', 3) });
    for (const p of ['p-a', 'p-b', 'p-c']) chooser.add({ projectId: p, media: [`videos/${p}.mp4`] });
    const chosen = await chooser.done();
    const lists = simulator.requests.slice(before).filter((r) => r.route === 'list');
    const ownScans = lists.filter((r) => r.query['filter[type]'] && r.query['filter[projectId]'] && r.query['orderDirection'] === 'desc');
    // p-a and p-b are settled by the one scan; p-c lacks es there: its own scan, then es is created.
    expect(lists.filter((r) => r.query['filter[type]'] && !r.query['filter[projectId]'])).toHaveLength(1);
    expect(ownScans.map((r) => r.query['filter[projectId]'])).toEqual(['p-c', 'p-c']);
    expect(chosen.followed.filter((o) => !o.created)).toHaveLength(5);
    expect(simulator.count('create')).toBe(1);
  });

  it("a lost create is recorded per project, and one project's failure leaves the others ordered", async () => {
    simulator.setFaults([
      { route: 'create', kind: '500', times: 1 },
      { route: 'list', kind: '500' },
    ]);
    const { context: c, saved } = context({ targetLanguages: ['fr'] });
    const chooser = chooseForProjects(c);
    chooser.add({ projectId: 'p-a', media: ['videos/a.mp4'] });
    const chosen = await chooser.done();
    // The snapshot before the create cannot be read: nothing ordered for p-a, and said so.
    expect(chosen.failure).toContain('videos/a.mp4');
    expect(simulator.count('create')).toBe(0);
    simulator.setFaults([{ route: 'create', kind: 'create-no-answer', times: 1, probability: 1 }]);
    const second = chooseForProjects(c);
    second.add({ projectId: 'p-b', media: ['videos/b.mp4'] });
    second.add({ projectId: 'p-c', media: ['videos/c.mp4'] });
    const both = await second.done();
    expect(both.followed.map((o) => o.projectId).sort()).toEqual(['p-b', 'p-c']);
    expect(readSavedState({ getState: (k) => saved.get(k) ?? '' }).createsInFlight).toEqual([]);
  });

  it('an abort stops every project: done() rejects', async () => {
    const controller = new AbortController();
    const { context: c } = context();
    controller.abort(new Error('cancelled'));
    const chooser = chooseForProjects({ ...c, signal: controller.signal });
    chooser.add({ projectId: 'p-a', media: ['videos/a.mp4'] });
    await expect(chooser.done()).rejects.toThrow('cancelled');
    expect(simulator.count('create')).toBe(0);
  });
});
