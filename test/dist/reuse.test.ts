/**
 * Issue "never pay twice": re-runs, lost create answers, parallel jobs, submit/collect, dry
 * runs and given order IDs, with the bundled action run as the runner runs it against the
 * Ollang simulator (and, where noted, the local fake of the Actions cache service).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OllangSimulator, type SimulatorOptions } from '../simulator/index.ts';
import { startCacheService, type FakeCacheService } from '../fakes/cache-service.ts';
import { parseOrders, runAction, type ActionRun } from './harness.ts';

const FAST = { pendingMs: 100, ongoingMs: 200, outputsLagMs: 50 };
const FIRST_LINE: Record<string, string> = { fr: 'Bonjour et bienvenue.', es: 'Hola y bienvenidos.', de: 'Hallo und willkommen.' };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function simulator(options: SimulatorOptions = {}): Promise<OllangSimulator> {
  const sim = await OllangSimulator.start({ lifecycle: FAST, ...options });
  closers.push(() => sim.close());
  return sim;
}

async function cacheService(): Promise<FakeCacheService> {
  const cache = await startCacheService();
  closers.push(() => cache.close());
  return cache;
}

function run(sim: OllangSimulator, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: {
      'api-key': sim.apiKey,
      'api-url': sim.url,
      'project-id': 'proj-demo',
      'poll-interval': '150ms',
      timeout: '20s',
      ...inputs,
    },
    env,
    timeoutMs: 40_000,
  });
}

function log(r: ActionRun): string {
  return `exit ${r.exitCode}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

function errors(r: ActionRun): string[] {
  return r.stdout.split(/\r?\n/).filter((line) => line.startsWith('::error'));
}

/** Each order has an SRT and a VTT in its language folder, with text in that language. */
function expectDownloaded(r: ActionRun, orders: { language: string; files: string[] }[]): void {
  for (const order of orders) {
    expect(order.files.filter((f) => f.endsWith('.srt')), order.language).toHaveLength(1);
    expect(order.files.filter((f) => f.endsWith('.vtt')), order.language).toHaveLength(1);
    for (const file of order.files) {
      expect(file.startsWith(`localized/${order.language}/`)).toBe(true);
      expect(readFileSync(path.join(r.workspace, file), 'utf8')).toContain(FIRST_LINE[order.language]);
    }
  }
}

function byLanguage(sim: OllangSimulator): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of sim.orders()) counts[o.targetLanguage] = (counts[o.targetLanguage] ?? 0) + 1;
  return counts;
}

/**
 * The reuse scan reads List Orders newest first, of the order type; the wait loop reads oldest
 * first, and the snapshot before a create reads newest first of any type.
 */
function reuseScans(sim: OllangSimulator, since = 0): number {
  return sim.requests
    .slice(since)
    .filter((req) => req.route === 'list' && req.query['orderDirection'] === 'desc' && req.query['filter[type]'] !== undefined).length;
}

const THREE = { 'target-languages': 'fr, es, de' };

describe('never pay twice: dist/index.js against the simulator', () => {
  it('a second run with the same inputs creates nothing and downloads the first run’s orders (List Orders)', async () => {
    const sim = await simulator();
    const first = await run(sim, THREE);
    expect(first.exitCode, log(first)).toBe(0);
    expect(sim.count('create')).toBe(1);
    expect(sim.orders()).toHaveLength(3);
    const firstOrders = parseOrders(first);

    const mark = sim.requests.length;
    const second = await run(sim, THREE);
    expect(second.exitCode, log(second)).toBe(0);
    expect(second.outputs['status']).toBe('completed');
    expect(sim.count('create')).toBe(1);
    expect(sim.orders()).toHaveLength(3);
    const secondOrders = parseOrders(second);
    expect(secondOrders.every((o) => !o.created)).toBe(true);
    expect(secondOrders.map((o) => `${o.language}:${o.orderId}`).sort()).toEqual(firstOrders.map((o) => `${o.language}:${o.orderId}`).sort());
    expectDownloaded(second, secondOrders);
    expect(second.stdout).toMatch(new RegExp(`Reusing order ${firstOrders[0]!.orderId} for ${firstOrders[0]!.language}`));
    // Found by one page of List Orders (no cache service here).
    expect(reuseScans(sim, mark)).toBe(1);
    expect(second.summary).toContain('0 created, 3 reused');
  });

  it('with the Actions cache, the second run finds the first run’s orders in the cache, not by List Orders', async () => {
    const sim = await simulator();
    const cache = await cacheService();
    // On a hosted runner RUNNER_TEMP is one fixed path for every job (/home/runner/work/_temp); the
    // manifest's path is part of the cache version, so both runs get the same one here too.
    const env = { ...cache.env, RUNNER_TEMP: mkdtempSync(path.join(tmpdir(), 'ollang-runner-temp-')) };

    const first = await run(sim, THREE, env);
    expect(first.exitCode, log(first)).toBe(0);
    expect(cache.entries()).toHaveLength(1);
    expect(cache.entries()[0]!.key).toMatch(/^ollang-orders-v1-[0-9a-f]{16}-4242-/);
    const firstScans = reuseScans(sim);
    expect(firstScans).toBeGreaterThanOrEqual(1); // the first run found nothing in the cache and scanned

    const mark = sim.requests.length;
    const cacheMark = cache.requests.length;
    const second = await run(sim, THREE, env);
    expect(second.exitCode, log(second)).toBe(0);
    expect(second.outputs['status']).toBe('completed');
    expect(second.stdout).toContain('Found 3 order(s) from earlier runs in the Actions cache');
    expect(sim.count('create')).toBe(1);
    expect(sim.orders()).toHaveLength(3);
    expect(reuseScans(sim, mark)).toBe(0);
    expect(cache.requests.slice(cacheMark).some((req) => req.path.endsWith('/GetCacheEntryDownloadURL'))).toBe(true);
    const secondOrders = parseOrders(second);
    expect(secondOrders.every((o) => !o.created)).toBe(true);
    expect(secondOrders.map((o) => o.orderId).sort()).toEqual(parseOrders(first).map((o) => o.orderId).sort());
    expectDownloaded(second, secondOrders);
    // Nothing new was created, so nothing new is saved.
    expect(cache.entries()).toHaveLength(1);
    // The key is not in the manifest, the outputs or the cache.
    expect(readFileSync(second.files.output, 'utf8')).not.toContain(sim.apiKey);
  });

  it('reuse-orders: false orders again', async () => {
    const sim = await simulator();
    const first = await run(sim, THREE);
    expect(first.exitCode, log(first)).toBe(0);
    const mark = sim.requests.length;
    const second = await run(sim, { ...THREE, 'reuse-orders': 'false' });
    expect(second.exitCode, log(second)).toBe(0);
    expect(sim.count('create')).toBe(2);
    expect(sim.orders()).toHaveLength(6);
    expect(byLanguage(sim)).toEqual({ fr: 2, es: 2, de: 2 });
    expect(reuseScans(sim, mark)).toBe(0);
    const orders = parseOrders(second);
    expect(orders.every((o) => o.created)).toBe(true);
    expect(orders.map((o) => o.orderId).some((id) => parseOrders(first).some((f) => f.orderId === id))).toBe(false);
    expectDownloaded(second, orders);
  });

  it('a create that is processed but never answered is looked up, not repeated', async () => {
    const sim = await simulator({ faults: [{ route: 'create', kind: 'create-no-answer', times: 1 }] });
    const r = await run(sim, THREE);
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('completed');
    expect(byLanguage(sim)).toEqual({ fr: 1, es: 1, de: 1 });
    expect(sim.count('create')).toBe(1);
    expect(sim.requests.find((req) => req.route === 'create')?.fault).toBe('create-no-answer');
    const orders = parseOrders(r);
    expect(orders.map((o) => o.orderId).sort()).toEqual(sim.orders().map((o) => o.id).sort());
    // Recovered orders are this run's own: created (so cancelled on abort).
    expect(orders.every((o) => o.created)).toBe(true);
    expect(r.stdout).toContain('Found 3 order(s) the lost call created');
    expectDownloaded(r, orders);
  });

  it('an answered 404 for an unknown project is never retried, and the error names the project', async () => {
    const sim = await simulator();
    const r = await run(sim, { ...THREE, 'project-id': 'proj-missing' });
    expect(r.exitCode, log(r)).toBe(1);
    expect(sim.count('create')).toBe(1);
    expect(sim.orders()).toHaveLength(0);
    const [error] = errors(r);
    expect(errors(r)).toHaveLength(1);
    expect(error).toContain('proj-missing');
    expect(error).toContain('PROJECT_NOT_FOUND');
    expect(error).toMatch(/fr, es, de/);
    expect(error).toContain('No project found');
    expect(r.outputs['status']).toBe('failed');
    expect(r.outputs['order-ids']).toBe('[]');
  });

  it('three jobs at once with overlapping languages converge on one usable order per language', async () => {
    // Orders stay `pending` (cancellable) for a while, as on Ollang: a run can still cancel its own duplicate.
    const sim = await simulator({ lifecycle: { ...FAST, pendingMs: 1_500 } });
    const matrix = [['fr', 'es'], ['es', 'de'], ['fr', 'de']];
    const runs = await Promise.all(matrix.map((languages) => run(sim, { 'target-languages': languages.join(', ') })));
    const followedBy: Record<string, Set<string>> = {};
    for (const [i, r] of runs.entries()) {
      expect(r.exitCode, log(r)).toBe(0);
      expect(r.outputs['status']).toBe('completed');
      const orders = parseOrders(r);
      expect(orders.map((o) => o.language).sort()).toEqual([...matrix[i]!].sort());
      expectDownloaded(r, orders);
      for (const o of orders) (followedBy[o.language] ??= new Set()).add(o.orderId);
    }
    const all = byLanguage(sim);
    const usable: Record<string, number> = {};
    for (const o of sim.orders()) if (o.status !== 'cancelled') usable[o.targetLanguage] = (usable[o.targetLanguage] ?? 0) + 1;
    // Reported by the suite (see the issue): how many orders each language got.
    console.info(
      `three concurrent runs: orders per language ${JSON.stringify(all)}, not cancelled ${JSON.stringify(usable)}, ` +
        `create calls ${sim.count('create')}, cancel calls ${sim.count('cancel')}`,
    );
    for (const language of ['fr', 'es', 'de']) {
      const jobs = matrix.filter((languages) => languages.includes(language)).length;
      // Never worse than one order per language per job...
      expect(all[language]).toBeGreaterThanOrEqual(1);
      expect(all[language]).toBeLessThanOrEqual(jobs);
      // ...and the duplicates are cancelled: one order is kept, and every job followed that one.
      expect(usable[language], language).toBe(1);
      expect([...followedBy[language]!], language).toHaveLength(1);
      expect(sim.orders().find((o) => o.id === [...followedBy[language]!][0])?.status).toBe('completed');
    }
    expect(sim.count('create')).toBeLessThanOrEqual(3);
  });

  it('reuses the order that concurrent runs keep: the oldest of a burst, else the newest', async () => {
    const sim = await simulator();
    const now = Date.now();
    // es: two runs ordered it seconds apart; the younger one's run cancels it (oldest wins), so reuse the older.
    const esOlder = sim.addOrder({ targetLanguage: 'es', status: 'pending', createdAt: new Date(now - 3_000).toISOString() });
    const esYounger = sim.addOrder({ targetLanguage: 'es', status: 'pending', createdAt: new Date(now - 1_000).toISOString() });
    // fr: ordered a month apart (a deliberate re-order): the newest is still preferred.
    sim.addOrder({ targetLanguage: 'fr', status: 'completed', createdAt: new Date(now - 30 * 86_400_000).toISOString() });
    const frNewest = sim.addOrder({ targetLanguage: 'fr', status: 'completed', createdAt: new Date(now - 60_000).toISOString() });
    const r = await run(sim, { 'target-languages': 'fr, es', mode: 'submit' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(sim.count('create')).toBe(0);
    const orders = parseOrders(r);
    expect(orders.find((o) => o.language === 'es')?.orderId).toBe(esOlder.id);
    expect(orders.find((o) => o.language === 'es')?.orderId).not.toBe(esYounger.id);
    expect(orders.find((o) => o.language === 'fr')?.orderId).toBe(frNewest.id);
  });

  it('mode: submit places the orders and returns; mode: collect later downloads them and creates nothing', async () => {
    const sim = await simulator({ lifecycle: { ...FAST, pendingMs: 600 } });
    const submit = await run(sim, { ...THREE, mode: 'submit' });
    expect(submit.exitCode, log(submit)).toBe(0);
    expect(submit.outputs['status']).toBe('pending');
    expect(submit.outputs['files']).toBe('');
    expect(existsSync(path.join(submit.workspace, 'localized'))).toBe(false);
    expect(sim.count('download')).toBe(0);
    const submitted = parseOrders(submit);
    expect(submitted).toHaveLength(3);
    expect(submitted.every((o) => o.created && o.files.length === 0)).toBe(true);
    expect(sim.count('create')).toBe(1);

    const collect = await run(sim, { ...THREE, mode: 'collect' });
    expect(collect.exitCode, log(collect)).toBe(0);
    expect(collect.outputs['status']).toBe('completed');
    expect(sim.count('create')).toBe(1);
    expect(sim.orders()).toHaveLength(3);
    const collected = parseOrders(collect);
    expect(collected.map((o) => o.orderId).sort()).toEqual(submitted.map((o) => o.orderId).sort());
    expect(collected.every((o) => !o.created)).toBe(true);
    expectDownloaded(collect, collected);
  });

  it('mode: collect with a language never ordered reports it, ends partial, and creates nothing', async () => {
    const sim = await simulator();
    const fr = sim.addOrder({ targetLanguage: 'fr', status: 'completed' });
    const es = sim.addOrder({ targetLanguage: 'es', status: 'completed' });
    const r = await run(sim, { ...THREE, mode: 'collect' });
    expect(r.exitCode, log(r)).toBe(1);
    expect(r.outputs['status']).toBe('partial');
    expect(sim.count('create')).toBe(0);
    expect(sim.requests.filter((req) => req.method === 'POST')).toHaveLength(0);
    const orders = parseOrders(r);
    expect(orders.map((o) => o.orderId).sort()).toEqual([fr.id, es.id].sort());
    expectDownloaded(r, orders);
    expect(r.summary).toContain('Languages without an order: `de`');
    expect(r.stdout).toMatch(/::warning .*No order exists for de/);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toContain('de');
  });

  it('dry-run sends no POST and says what it would create and reuse', async () => {
    const sim = await simulator();
    const fr = sim.addOrder({ targetLanguage: 'fr', status: 'completed' });
    const r = await run(sim, { ...THREE, 'dry-run': 'true' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('dry-run');
    expect(sim.requests.filter((req) => req.method !== 'GET')).toEqual([]);
    expect(sim.count('download')).toBe(0);
    expect(sim.orders()).toHaveLength(1);
    expect(r.stdout).toContain(`Dry run: would create es, de; would reuse fr (${fr.id}).`);
    expect(r.summary).toContain('- Would create: `es`, `de`');
    expect(r.summary).toContain(`- Would reuse: \`fr\` (order \`${fr.id}\`)`);
    expect(existsSync(path.join(r.workspace, 'localized'))).toBe(false);
  });

  it('order-ids are followed as given and never added to', async () => {
    const sim = await simulator();
    const fr = sim.addOrder({ targetLanguage: 'fr' });
    const es = sim.addOrder({ targetLanguage: 'es' });
    // target-languages names a third language: given IDs still win, nothing is ordered for it.
    const r = await run(sim, { ...THREE, 'order-ids': `${es.id}\n${fr.id}` });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('completed');
    expect(sim.count('create')).toBe(0);
    expect(sim.requests.filter((req) => req.method === 'POST')).toHaveLength(0);
    expect(reuseScans(sim)).toBe(0);
    expect(sim.orders()).toHaveLength(2);
    const orders = parseOrders(r);
    expect(JSON.parse(r.outputs['order-ids']!)).toEqual([es.id, fr.id]);
    expect(orders.map((o) => o.language)).toEqual(['es', 'fr']);
    expect(orders.every((o) => !o.created)).toBe(true);
    expectDownloaded(r, orders);
  });
});
