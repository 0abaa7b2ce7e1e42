/**
 * Issue "end to end": the bundled action, run as the runner runs it (a child process with
 * INPUT_* variables and the runner's files), against the Ollang simulator on loopback.
 * Each test has its own simulator, so request counts and orders belong to that test alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { OllangSimulator, type SimulatorOptions } from '../simulator/index.ts';
import { parseOrders, runAction, type ActionRun } from './harness.ts';

/** The first cue of each language's subtitles in the simulator (test/simulator/content.ts). */
const FIRST_LINE: Record<string, string> = {
  fr: 'Bonjour et bienvenue.',
  es: 'Hola y bienvenidos.',
  de: 'Hallo und willkommen.',
  it: 'Ciao e benvenuti.',
  ja: 'こんにちは。',
  en: 'Hello and welcome.',
};

const FAST = { pendingMs: 100, ongoingMs: 200, outputsLagMs: 50 };

const simulators: OllangSimulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((s) => s.close()));
});

async function simulator(options: SimulatorOptions = {}): Promise<OllangSimulator> {
  const sim = await OllangSimulator.start({ lifecycle: FAST, ...options });
  simulators.push(sim);
  return sim;
}

function run(sim: OllangSimulator, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: {
      'api-key': sim.apiKey,
      'api-url': sim.url,
      'project-id': 'proj-demo',
      'poll-interval': '150ms',
      timeout: '20s',
      ...inputs,
    },
    timeoutMs: 40_000,
  });
}

function log(r: ActionRun): string {
  return `exit ${r.exitCode}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

/** Every file of an order is where its language says, and is valid SRT or WebVTT in that language. */
function expectFilesInLanguage(r: ActionRun, order: { language: string; files: string[] }): void {
  expect(order.files.some((f) => f.endsWith('.srt')), `${order.language} has an SRT`).toBe(true);
  expect(order.files.some((f) => f.endsWith('.vtt')), `${order.language} has a VTT`).toBe(true);
  for (const file of order.files) {
    expect(file.startsWith(`localized/${order.language}/`), file).toBe(true);
    const text = readFileSync(path.join(r.workspace, file), 'utf8');
    if (file.endsWith('.vtt')) expect(text).toMatch(/^WEBVTT\r?\n\r?\n1\r?\n00:00:01\.000 --> 00:00:03\.500\r?\n/);
    else expect(text).toMatch(/^1\r?\n00:00:01,000 --> 00:00:03,500\r?\n/);
    // The text is in the folder's language, and in no other.
    expect(text, file).toContain(FIRST_LINE[order.language]);
    for (const [language, line] of Object.entries(FIRST_LINE)) {
      if (language !== order.language) expect(text, file).not.toContain(line);
    }
  }
}

/** `::error::...` lines (setFailed) and `::warning ...::` annotations from stdout. */
function annotations(r: ActionRun, kind: 'error' | 'warning'): string[] {
  return r.stdout.split(/\r?\n/).filter((line) => line.startsWith(`::${kind}`));
}

function summaryRows(r: ActionRun): string[] {
  // The orders table: the subtitle quality section's table after it has rows of files.
  return r.summary
    .split('### Subtitle quality')[0]!
    .split('\n')
    .filter((line) => /^\| `[^`]+` \|/.test(line));
}

describe('end to end: dist/index.js against the simulator', () => {
  it('orders three languages, downloads valid SRT and WebVTT for each, and reports every output', async () => {
    const sim = await simulator();
    const r = await run(sim, { 'target-languages': 'fr, es, de' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('completed');

    const orders = parseOrders(r);
    expect(orders.map((o) => o.language).sort()).toEqual(['de', 'es', 'fr']);
    const simOrders = sim.orders();
    expect(simOrders).toHaveLength(3);
    expect(sim.count('create')).toBe(1);
    for (const order of orders) {
      expect(order.created).toBe(true);
      expect(order.type).toBe('subtitle');
      expect(order.status).toBe('completed');
      expect(order.files).toHaveLength(2);
      // The reported language is the simulator's language for that ID.
      expect(simOrders.find((o) => o.id === order.orderId)?.targetLanguage).toBe(order.language);
      expectFilesInLanguage(r, order);
    }
    expect(JSON.parse(r.outputs['order-ids']!)).toEqual(orders.map((o) => o.orderId));
    const allFiles = orders.flatMap((o) => o.files);
    expect(r.outputs['files']!.split('\n').sort()).toEqual([...allFiles].sort());
    // Nothing else was written into the output folder (no temporary files left behind).
    for (const language of ['fr', 'es', 'de']) {
      expect(readdirSync(path.join(r.workspace, 'localized', language)).sort()).toEqual(
        orders.find((o) => o.language === language)!.files.map((f) => path.basename(f)).sort(),
      );
    }

    const rows = summaryRows(r);
    expect(rows).toHaveLength(3);
    for (const language of ['fr', 'es', 'de']) {
      expect(rows.filter((row) => row.startsWith(`| \`${language}\` |`))).toHaveLength(1);
    }
    expect(r.summary).toContain('completed');
    expect(sim.count('source-download')).toBe(0);
    expect(sim.requests.every((req) => req.apiKeyOk || req.route === 'download')).toBe(true);
  });

  for (const createResponseOrder of ['reversed', 'shuffled'] as const) {
    it(`maps languages by Get Order when the create response is ${createResponseOrder}`, async () => {
      const languages = ['fr', 'es', 'de', 'it', 'ja'];
      const seed = 7;
      const sim = await simulator({ createResponseOrder, seed });

      // The response really is out of request order: ask a twin simulator (same seed) directly.
      const twin = await simulator({ createResponseOrder, seed });
      const answer = await fetch(`${twin.url}/integration/orders/create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': twin.apiKey },
        body: JSON.stringify({ orderType: 'subtitle', level: 0, projectId: 'proj-demo', targetLanguageConfigs: languages.map((language) => ({ language })) }),
      });
      const ids = ((await answer.json()) as { orderId: string }[]).map((item) => item.orderId);
      const answeredLanguages = ids.map((id) => twin.orders().find((o) => o.id === id)!.targetLanguage);
      expect(answeredLanguages).not.toEqual(languages);

      const r = await run(sim, { 'target-languages': languages.join(', ') });
      expect(r.exitCode, log(r)).toBe(0);
      expect(r.outputs['status']).toBe('completed');
      const orders = parseOrders(r);
      expect(orders.map((o) => o.language).sort()).toEqual([...languages].sort());
      for (const order of orders) {
        expect(sim.orders().find((o) => o.id === order.orderId)?.targetLanguage).toBe(order.language);
        expectFilesInLanguage(r, order);
      }
    });
  }

  it('follows and reports the child orders a create adds', async () => {
    const sim = await simulator({ childOrders: true });
    const r = await run(sim, { 'target-languages': 'fr, es' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('completed');

    const simOrders = sim.orders();
    const children = simOrders.filter((o) => o.parentOrderId !== undefined);
    expect(simOrders).toHaveLength(4);
    expect(children).toHaveLength(2);
    expect(children.every((c) => c.type === 'cc' && c.targetLanguage === 'en')).toBe(true);

    const orders = parseOrders(r);
    // Every order the create made is followed: parents and children, each under its own language and type.
    expect(orders.map((o) => o.orderId).sort()).toEqual(simOrders.map((o) => o.id).sort());
    expect(JSON.parse(r.outputs['order-ids']!)).toHaveLength(4);
    for (const order of orders) {
      const simOrder = simOrders.find((o) => o.id === order.orderId)!;
      expect(order.language).toBe(simOrder.targetLanguage);
      expect(order.type).toBe(simOrder.type);
      expect(order.created).toBe(true);
      expect(order.status).toBe('completed');
      // Only the orders of the requested type are downloaded (the contract's "Child orders").
      if (order.type === 'subtitle') expectFilesInLanguage(r, order);
      else expect(order.files).toEqual([]);
    }
    expect(readdirSync(path.join(r.workspace, 'localized')).sort()).toEqual(['es', 'fr']);
    expect(summaryRows(r)).toHaveLength(4);
    expect(sim.count('create')).toBe(1);
  });

  it('keeps checking when the outputs lag well behind `completed`, and still downloads them', async () => {
    const outputsLagMs = 1_500;
    const sim = await simulator({ lifecycle: { ...FAST, outputsLagMs } });
    const r = await run(sim, { 'target-languages': 'fr, es, de', 'poll-interval': '100ms' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('completed');
    const orders = parseOrders(r);
    expect(orders).toHaveLength(3);
    for (const order of orders) {
      expect(order.status).toBe('completed');
      expectFilesInLanguage(r, order);
    }
    // The orders said `completed` for 1.5 s without outputs: the action saw that and kept looking.
    const createdAt = Date.parse(sim.orders()[0]!.createdAt);
    const completedAt = createdAt + FAST.pendingMs + FAST.ongoingMs;
    const getsWhileLagging = sim.requests.filter((req) => req.route === 'get' && req.at >= completedAt && req.at < completedAt + outputsLagMs);
    expect(getsWhileLagging.length).toBeGreaterThanOrEqual(3);
    const firstDownload = sim.requests.find((req) => req.route === 'download')!;
    expect(firstDownload.at).toBeGreaterThanOrEqual(completedAt + outputsLagMs);
  });

  it('downloads the others when one language fails, reports partial, names it, and exits non-zero', async () => {
    const sim = await simulator({ languages: { es: { outcome: 'failed' } } });
    const r = await run(sim, { 'target-languages': 'fr, es, de' });
    expect(r.exitCode, log(r)).toBe(1);
    expect(r.outputs['status']).toBe('partial');
    const orders = parseOrders(r);
    const es = orders.find((o) => o.language === 'es')!;
    expect(es.status).toBe('failed');
    expect(es.files).toEqual([]);
    expect(existsSync(path.join(r.workspace, 'localized', 'es'))).toBe(false);
    for (const order of orders.filter((o) => o.language !== 'es')) {
      expect(order.status).toBe('completed');
      expectFilesInLanguage(r, order);
    }
    const errors = annotations(r, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('es');
    expect(errors[0]).toContain(es.orderId);
    expect(errors[0]).not.toMatch(/\bfr\b|\bde\b/);
    const warnings = annotations(r, 'warning').filter((w) => w.includes(es.orderId));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings[0]).toMatch(/failed/);
    expect(summaryRows(r).find((row) => row.startsWith('| `es` |'))).toMatch(/failed/);
  });

  it('times out on a stuck language: names the order and language, exits 1, and the others were downloaded', async () => {
    const sim = await simulator({ languages: { de: { outcome: 'stuck' } } });
    const started = Date.now();
    const r = await run(sim, { 'target-languages': 'fr, es, de', timeout: '2s', 'poll-interval': '200ms' });
    expect(r.exitCode, log(r)).toBe(1);
    expect(r.outputs['status']).toBe('timed-out');
    expect(Date.now() - started).toBeLessThan(15_000);
    const orders = parseOrders(r);
    const de = orders.find((o) => o.language === 'de')!;
    expect(de.status).toBe('timed-out');
    expect(de.files).toEqual([]);
    expect(sim.orders().find((o) => o.id === de.orderId)?.status).toBe('ongoing'); // left running (on-timeout: fail)
    for (const order of orders.filter((o) => o.language !== 'de')) {
      expect(order.status).toBe('completed');
      expectFilesInLanguage(r, order);
    }
    const errors = annotations(r, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Timed out/);
    expect(errors[0]).toContain(de.orderId);
    expect(errors[0]).toContain('de');
    expect(sim.count('cancel')).toBe(0);
  });

  it('fails on a bad input, naming it and the accepted values, before any request', async () => {
    const sim = await simulator();
    const r = await run(sim, { 'target-languages': 'fr, es', level: '3' });
    expect(r.exitCode, log(r)).toBe(1);
    const errors = annotations(r, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("Input 'level'");
    expect(errors[0]).toContain('"3"');
    expect(errors[0]).toMatch(/'0'.*'1'/);
    expect(sim.requests).toHaveLength(0);
    expect(sim.orders()).toHaveLength(0);
  });

  it('timeout 0 checks unfinished orders once and does not wait', async () => {
    const sim = await simulator({ lifecycle: { pendingMs: 5_000, ongoingMs: 5_000 } });
    const r = await run(sim, { 'target-languages': 'fr, es, de', timeout: '0' });
    expect(r.exitCode, log(r)).toBe(1);
    expect(r.outputs['status']).toBe('timed-out');
    expect(r.durationMs).toBeLessThan(5_000);
    expect(sim.count('create')).toBe(1);
    const createIndex = sim.requests.findIndex((req) => req.route === 'create');
    const after = sim.requests.slice(createIndex + 1);
    // Three Get Orders resolve the new orders' languages; then exactly one status check: one List
    // Orders page, oldest first (a newest-first page is the look for concurrent duplicates).
    expect(after.filter((req) => req.route === 'get')).toHaveLength(3);
    expect(after.filter((req) => req.route === 'list' && req.query['orderDirection'] === 'asc')).toHaveLength(1);
    expect(parseOrders(r).map((o) => o.status)).toEqual(['timed-out', 'timed-out', 'timed-out']);
  });

  it('timeout 0 downloads orders that are already finished, in one check', async () => {
    const sim = await simulator();
    const fr = sim.addOrder({ targetLanguage: 'fr', status: 'completed' });
    const es = sim.addOrder({ targetLanguage: 'es', status: 'completed' });
    const r = await run(sim, { 'order-ids': `${fr.id}, ${es.id}`, 'project-id': '', 'target-languages': '', timeout: '0' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('completed');
    const orders = parseOrders(r);
    expect(orders.map((o) => o.orderId)).toEqual([fr.id, es.id]);
    for (const order of orders) {
      expect(order.created).toBe(false);
      expectFilesInLanguage(r, order);
    }
    expect(sim.count('create')).toBe(0);
    expect(sim.count('list')).toBe(0);
    // One Get Order each to follow them, then one check round (at most two Get Orders each: the
    // status, and the order again for fresh URLs) — no second round.
    expect(sim.count('get')).toBeLessThanOrEqual(6);
  });
});
