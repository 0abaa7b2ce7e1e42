import { spawn } from 'node:child_process';
import http from 'node:http';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { OllangSimulator } from '../simulator/index.ts';
import type { SimulatorOptions } from '../simulator/index.ts';

const T0 = Date.parse('2025-03-01T12:00:00.000Z');
const LIFECYCLE = {
  pendingMs: 100,
  ongoingMs: 200,
  humanReviewMs: 200,
  outputsLagMs: 50,
  cancellableOngoingMs: 40,
  intermediateStatuses: true,
};

let clock = T0;
let sim: OllangSimulator;

async function start(options: SimulatorOptions = {}): Promise<OllangSimulator> {
  clock = T0;
  sim = await OllangSimulator.start({ now: () => clock, seed: 7, lifecycle: LIFECYCLE, ...options });
  return sim;
}

afterEach(async () => {
  await sim?.close();
});

function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(sim.url + path, { ...init, headers: { 'X-Api-Key': sim.apiKey, ...(init.headers as Record<string, string> | undefined) } });
}

function create(body: unknown): Promise<Response> {
  return api('/integration/orders/create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const BODY = {
  orderType: 'subtitle',
  level: 0,
  projectId: 'proj-demo',
  targetLanguageConfigs: [{ language: 'fr' }, { language: 'es', isRush: true }],
};

async function createIds(body: unknown = BODY): Promise<string[]> {
  const res = await create(body);
  expect(res.status).toBe(201);
  return ((await res.json()) as { orderId: string }[]).map((x) => x.orderId);
}

async function getOrder(id: string): Promise<Record<string, any>> {
  const res = await api(`/integration/orders/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, any>;
}

function text(url: string, init?: RequestInit): Promise<Response> {
  return fetch(url, init);
}

describe('auth and routing', () => {
  beforeEach(async () => {
    await start();
  });

  it('serves /health without a key', async () => {
    const res = await fetch(`${sim.url}/health`);
    expect(res.status).toBe(200);
  });

  it('answers 401 with the documented body for a missing or wrong key', async () => {
    for (const headers of [{}, { 'X-Api-Key': 'wrong' }, { Authorization: `Bearer ${sim.apiKey}` }]) {
      const res = await fetch(`${sim.url}/integration/orders`, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'Unauthorized', message: 'Invalid or missing API key', code: 'UNAUTHORIZED' });
    }
    expect(sim.requests.filter((r) => r.route === 'list').every((r) => !r.apiKeyOk)).toBe(true);
  });

  it('answers unknown routes with the generic envelope', async () => {
    const res = await api('/integration/nothing');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      code: -1,
      error: 'UnknownError',
      message: 'unknown error',
      detail: 'Cannot GET /integration/nothing',
    });
    expect(sim.requests.at(-1)?.route).toBe('unknown');
  });
});

describe('create order', () => {
  beforeEach(async () => {
    await start();
  });

  it.each([
    [{ ...BODY, orderType: 'karaoke' }, 400, 'INVALID_ORDER_TYPE'],
    [{ ...BODY, orderType: undefined }, 400, 'INVALID_ORDER_TYPE'],
    [{ ...BODY, level: '1' }, 400, 'VALIDATION_ERROR'],
    [{ ...BODY, projectId: undefined }, 400, 'VALIDATION_ERROR'],
    [{ ...BODY, projectId: 'nope' }, 404, 'PROJECT_NOT_FOUND'],
    [{ ...BODY, targetLanguageConfigs: [] }, 400, 'MISSING_TARGET_LANGUAGES'],
    [{ ...BODY, targetLanguageConfigs: undefined }, 400, 'MISSING_TARGET_LANGUAGES'],
    [{ ...BODY, targetLanguageConfigs: [{ language: 3 }] }, 400, 'INVALID_TARGET_LANGUAGE'],
    [{ ...BODY, orderSubType: 'karaoke' }, 400, 'VALIDATION_ERROR'],
    [{ ...BODY, dubbingStyle: 'mime' }, 400, 'VALIDATION_ERROR'],
    [{ ...BODY, callbackUrl: 'ftp://x.example/cb' }, 400, 'VALIDATION_ERROR'],
  ])('rejects %j with %i %s', async (body, status, code) => {
    const res = await create(body);
    expect(res.status).toBe(status);
    const json = (await res.json()) as Record<string, unknown>;
    expect(json['code']).toBe(code);
    expect(typeof json['message']).toBe('string');
    expect(sim.orders()).toHaveLength(0);
  });

  it('uses the documented bodies', async () => {
    expect(await (await create({ ...BODY, projectId: 'nope' })).json()).toEqual({
      error: 'Project not found',
      message: 'No project found with the provided projectId',
      code: 'PROJECT_NOT_FOUND',
    });
    expect(await (await create({ ...BODY, targetLanguageConfigs: [] })).json()).toEqual({
      error: 'Invalid target language',
      message: 'At least one targetLanguageConfig is required',
      code: 'MISSING_TARGET_LANGUAGES',
    });
  });

  it('requires a JSON body', async () => {
    const bad = await api('/integration/orders/create', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"orderType":',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/JSON/);
    const form = await api('/integration/orders/create', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(BODY),
    });
    expect(form.status).toBe(400);
  });

  it('answers 201 with one ObjectId per language, in request order', async () => {
    const ids = await createIds();
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect((await getOrder(ids[0]!)).targetLanguage).toBe('fr');
    expect((await getOrder(ids[1]!)).targetLanguage).toBe('es');
    const orders = sim.orders();
    expect(orders.map((o) => [o.targetLanguage, o.isRush, o.status])).toEqual([
      ['fr', false, 'pending'],
      ['es', true, 'pending'],
    ]);
    expect(sim.requests.find((r) => r.route === 'create')?.hasContentLength).toBe(true);
    expect(sim.count('create')).toBe(1);
  });

  it('can reverse the response and add child orders', async () => {
    await sim.close();
    await start({ createResponseOrder: 'reversed', childOrders: true });
    const res = await create({ ...BODY, orderType: 'aiDubbing' });
    const items = (await res.json()) as { orderId: string; orderType: string }[];
    expect(items).toHaveLength(4);
    const langs = await Promise.all(
      items.map(async (i) => [(await getOrder(i.orderId)).targetLanguage, (await getOrder(i.orderId)).type, i.orderType]),
    );
    expect(langs).toEqual([
      ['es', 'subtitle', 'subtitle'],
      ['es', 'aiDubbing', 'aiDubbing'],
      ['fr', 'subtitle', 'subtitle'],
      ['fr', 'aiDubbing', 'aiDubbing'],
    ]);
    expect(sim.orders().filter((o) => o.parentOrderId !== undefined)).toHaveLength(2);
  });

  it('shuffles deterministically with a seed', async () => {
    const run = async (): Promise<string[]> => {
      await sim.close();
      await start({ createResponseOrder: 'shuffled', seed: 99 });
      const body = { ...BODY, targetLanguageConfigs: ['fr', 'es', 'de', 'it', 'ja', 'ko', 'tr', 'nl'].map((language) => ({ language })) };
      const ids = await createIds(body);
      return Promise.all(ids.map(async (id) => (await getOrder(id)).targetLanguage as string));
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a).not.toEqual(['fr', 'es', 'de', 'it', 'ja', 'ko', 'tr', 'nl']);
  });

  it('answers a chunked create body with a 500 in the generic envelope and creates nothing', async () => {
    const u = new URL(`${sim.url}/integration/orders/create`);
    const req = http.request({
      host: u.hostname,
      port: u.port,
      path: u.pathname,
      method: 'POST',
      headers: { 'X-Api-Key': sim.apiKey, 'content-type': 'application/json' },
    });
    req.write(JSON.stringify(BODY).slice(0, 10));
    req.end(JSON.stringify(BODY).slice(10));
    const [res] = (await once(req, 'response')) as [http.IncomingMessage];
    let raw = '';
    for await (const c of res) raw += String(c);
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(raw)).toMatchObject({ code: -1, error: 'UnknownError', message: 'unknown error' });
    expect(sim.orders()).toHaveLength(0);
    expect(sim.requests.at(-1)?.hasContentLength).toBe(false);
  });
});

describe('lifecycle and outputs', () => {
  beforeEach(async () => {
    await start();
  });

  it('walks pending -> ongoing -> intermediate -> completed, outputs only after the lag', async () => {
    const [id] = await createIds({ ...BODY, targetLanguageConfigs: [{ language: 'fr' }] });
    const seen: string[] = [];
    let o = await getOrder(id!);
    expect(o).toMatchObject({
      id,
      status: 'pending',
      type: 'subtitle',
      targetLanguage: 'fr',
      sourceLanguage: 'en',
      projectId: 'proj-demo',
      level: 0,
      vttUrl: '',
    });
    expect(o.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    for (const k of ['name', 'rate', 'folderId', 'finance']) expect(o).toHaveProperty(k);
    expect(o.orderDocs).toHaveLength(1);
    expect(o.orderDocs[0].type).toMatch(/^source_?[vV]ideo$/);
    for (let t = 0; t <= 300; t += 10) {
      clock = T0 + t;
      const s = (await getOrder(id!)).status as string;
      if (seen.at(-1) !== s) seen.push(s);
    }
    expect(seen).toEqual(['pending', 'ongoing', 'qualityCheck', 'delayed', 'readyToSent', 'completed']);
    o = await getOrder(id!);
    expect(o.vttUrl).toBe('');
    expect(o.orderDocs).toHaveLength(1);
    clock = T0 + 350;
    o = await getOrder(id!);
    expect(o.status).toBe('completed');
    expect(o.vttUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/.+\.vtt\?expires=\d+&signature=[0-9a-f]{64}$/);
    const sub = o.orderDocs.find((d: any) => d.type === 'subtitle' || d.type === 'created_subtitle');
    expect(sub).toBeDefined();
    const srtRes = await text(sub.url);
    expect(srtRes.status).toBe(200);
    const srtBody = Buffer.from(await srtRes.arrayBuffer());
    expect(srtBody.length).toBe(sub.size);
    expect(Number(srtRes.headers.get('content-length'))).toBe(sub.size);
    const srt = srtBody.toString('utf8');
    expect(srt).toMatch(/^1\n00:00:01,000 --> 00:00:03,500\nBonjour et bienvenue\.\n\n2\n00:00:04,000 --> 00:00:06,500\n/);
    expect(srt.trim().split('\n\n')).toHaveLength(12);
    const vttRes = await text(o.vttUrl);
    expect(vttRes.headers.get('content-type')).toMatch(/text\/vtt/);
    const vtt = await vttRes.text();
    expect(vtt).toMatch(/^WEBVTT\n\n1\n00:00:01\.000 --> 00:00:03\.500\nBonjour et bienvenue\.\n/);
    const head = await text(o.vttUrl, { method: 'HEAD' });
    expect(Number(head.headers.get('content-length'))).toBe(Buffer.byteLength(vtt));
    expect(sim.count('download')).toBe(3);
    expect(sim.count('source-download')).toBe(0);
  });

  it('falls back to "[xx] line N" for languages without canned phrases and varies doc names', async () => {
    await sim.close();
    await start({ subtitleCues: 3 });
    const ids = await createIds({ ...BODY, targetLanguageConfigs: [{ language: 'sw' }, { language: 'sw' }, { language: 'sw' }] });
    clock = T0 + 10_000;
    const docs = await Promise.all(ids.map(async (id) => (await getOrder(id)).orderDocs.find((d: any) => /subtitle/.test(d.type))));
    expect(new Set(docs.map((d) => d.name)).size).toBe(2);
    expect(docs.map((d) => d.name)).toContain('sw.srt');
    expect(new Set(await Promise.all(ids.map(async (id) => (await getOrder(id)).orderDocs[0].type))).size).toBe(2);
    const body = await (await text(docs[0].url)).text();
    expect(body).toBe(
      '1\n00:00:01,000 --> 00:00:03,500\n[sw] line 1\n\n2\n00:00:04,000 --> 00:00:06,500\n[sw] line 2\n\n3\n00:00:07,000 --> 00:00:09,500\n[sw] line 3\n',
    );
  });

  it('serves the subtitle bodies chosen per language and format, byte for byte, with matching sizes', async () => {
    await sim.close();
    const brokenSrt = '1\n00:00:05,000 --> 00:00:04,000\nEnds before it starts\n';
    const latin1Vtt = Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nCaf\xe9\n', 'latin1');
    await start({ subtitleCues: 2, subtitleBodies: { fr: { srt: brokenSrt }, es: { vtt: latin1Vtt } } });
    const ids = await createIds({ ...BODY, targetLanguageConfigs: [{ language: 'fr' }, { language: 'es' }, { language: 'de' }] });
    clock = T0 + 10_000;
    const bodies: Record<string, { srt: Buffer; srtSize: number; vtt: Buffer }> = {};
    for (const id of ids) {
      const order = await getOrder(id);
      const doc = order.orderDocs.find((d: any) => /subtitle/.test(d.type));
      const srtRes = await text(doc.url);
      const srt = Buffer.from(await srtRes.arrayBuffer());
      expect(Number(srtRes.headers.get('content-length'))).toBe(srt.length);
      bodies[order.targetLanguage] = { srt, srtSize: doc.size, vtt: Buffer.from(await (await text(order.vttUrl)).arrayBuffer()) };
    }
    expect(bodies['fr']!.srt.toString('utf8')).toBe(brokenSrt);
    expect(bodies['fr']!.srtSize).toBe(Buffer.byteLength(brokenSrt));
    expect(bodies['fr']!.vtt.toString('utf8')).toMatch(/^WEBVTT\n\n1\n00:00:01\.000 --> 00:00:03\.500\nBonjour et bienvenue\.\n/);
    expect(bodies['es']!.vtt.equals(latin1Vtt)).toBe(true);
    expect(bodies['es']!.srt.toString('utf8')).toMatch(/^1\n00:00:01,000 --> 00:00:03,500\nHola y bienvenidos\.\n/);
    expect(bodies['de']!.srt.toString('utf8')).toMatch(/^1\n00:00:01,000 --> 00:00:03,500\nHallo und willkommen\.\n/);
  });

  it('puts level 1 orders through review and waitingForApprove', async () => {
    const [id] = await createIds({ ...BODY, level: 1, targetLanguageConfigs: [{ language: 'de' }] });
    const at = async (t: number): Promise<string> => {
      clock = T0 + t;
      return (await getOrder(id!)).status as string;
    };
    expect(await at(310)).toBe('review');
    expect(await at(450)).toBe('waitingForApprove');
    expect(await at(500)).toBe('completed');
  });

  it('honours per-language outcomes', async () => {
    sim.setLanguage('fr', { outcome: 'failed' });
    sim.setLanguage('es', { outcome: 'delivered' });
    sim.setLanguage('de', { outcome: 'stuck' });
    sim.setLanguage('it', { lifecycle: { pendingMs: 5000 } });
    const ids = await createIds({ ...BODY, targetLanguageConfigs: ['fr', 'es', 'de', 'it'].map((language) => ({ language })) });
    clock = T0 + 1000;
    const got = await Promise.all(ids.map(getOrder));
    expect(got.map((o) => o.status)).toEqual(['failed', 'delivered', 'ongoing', 'pending']);
    expect(got[0]!.orderDocs).toHaveLength(1);
    expect(got[1]!.orderDocs.length).toBeGreaterThan(1);
  });

  it('produces dubbing audio of the configured size and translated documents', async () => {
    sim.setLanguage('fr', { dubbingBytes: 300_000 });
    sim.setLanguage('es', { dubbingBytes: 1024 ** 3 });
    const dub = await createIds({ ...BODY, orderType: 'aiDubbing', dubbingStyle: 'lipsync' });
    const [doc] = await createIds({ ...BODY, orderType: 'document', targetLanguageConfigs: [{ language: 'ja' }] });
    clock = T0 + 1000;
    const fr = await getOrder(dub[0]!);
    expect(fr.vttUrl).toBe('');
    const audio = fr.orderDocs.find((d: any) => d.type === 'created_ai_dub_audio');
    expect(audio.size).toBe(300_000);
    const res = await text(audio.url);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect((await res.arrayBuffer()).byteLength).toBe(300_000);
    const es = await getOrder(dub[1]!);
    const big = es.orderDocs.find((d: any) => d.type === 'created_ai_dub_audio');
    expect(big.size).toBe(1024 ** 3);
    const head = await text(big.url, { method: 'HEAD' });
    expect(Number(head.headers.get('content-length'))).toBe(1024 ** 3);
    const d = await getOrder(doc!);
    const translated = d.orderDocs.find((x: any) => x.type === 'translator_document');
    expect(translated.size).toBe((await (await text(translated.url)).arrayBuffer()).byteLength);
  });

  it('runs on the real clock too', async () => {
    await sim.close();
    sim = await OllangSimulator.start({ lifecycle: { pendingMs: 20, ongoingMs: 40, outputsLagMs: 30 } });
    const [id] = await createIds({ ...BODY, targetLanguageConfigs: [{ language: 'fr' }] });
    const startedAt = Date.now();
    let o = await getOrder(id!);
    while (o.vttUrl === '' && Date.now() - startedAt < 3000) {
      await new Promise((r) => setTimeout(r, 10));
      o = await getOrder(id!);
    }
    expect(o.status).toBe('completed');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(60);
  });

  it('serves the source document but records it as source-download', async () => {
    const [id] = await createIds();
    const src = (await getOrder(id!)).orderDocs[0];
    const res = await text(src.url);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(src.size);
    expect(sim.count('source-download')).toBe(1);
    expect(sim.count('download')).toBe(0);
  });

  it('rejects tampered and expired signed URLs with an XML AccessDenied', async () => {
    await sim.close();
    await start({ urlTtlMs: 1000 });
    const [id] = await createIds();
    clock = T0 + 1000;
    const o = await getOrder(id!);
    const tampered = o.vttUrl.replace(/signature=([0-9a-f])/, (_: string, c: string) => `signature=${c === 'a' ? 'b' : 'a'}`);
    const bad = await text(tampered);
    expect(bad.status).toBe(403);
    expect(bad.headers.get('content-type')).toMatch(/xml/);
    expect(await bad.text()).toContain('<Code>AccessDenied</Code>');
    expect((await text(o.vttUrl)).status).toBe(200);
    clock += 1001;
    const expired = await text(o.vttUrl);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('expired');
    const fresh = await getOrder(id!);
    expect((await text(fresh.vttUrl)).status).toBe(200);
  });
});

describe('get order', () => {
  beforeEach(async () => {
    await start();
  });

  it('answers 404 ORDER_NOT_FOUND and 403 ACCESS_DENIED', async () => {
    const missing = await api('/integration/orders/0123456789abcdef01234567');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: 'Order not found',
      message: 'No order found with the provided orderId',
      code: 'ORDER_NOT_FOUND',
    });
    const foreign = sim.addOrder({ targetLanguage: 'fr', clientId: 'client_other' });
    const denied = await api(`/integration/orders/${foreign.id}`);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { code: string }).code).toBe('ACCESS_DENIED');
  });

  it('lets tests seed orders with fixed status and decorate responses', async () => {
    await sim.close();
    await start({ decorateOrder: (o) => ({ ...o, name: '../../etc/passwd' }) });
    const seeded = sim.addOrder({
      targetLanguage: 'pt-BR',
      type: 'cc',
      status: 'completed',
      createdAt: '2024-01-15T10:30:00.000Z',
      level: 1,
    });
    expect(seeded.createdAt).toBe('2024-01-15T10:30:00.000Z');
    expect(seeded.id.slice(0, 8)).toBe(Math.floor(Date.parse('2024-01-15T10:30:00Z') / 1000).toString(16));
    const o = await getOrder(seeded.id);
    expect(o).toMatchObject({ status: 'completed', name: '../../etc/passwd', level: 1, type: 'cc' });
    expect(o.vttUrl).not.toBe('');
    const old = sim.addOrder({ targetLanguage: 'fr', createdAt: new Date(T0 - 3_600_000).toISOString() });
    expect(old.status).toBe('completed');
    expect(sim.orders()).toHaveLength(2);
    sim.reset();
    expect(sim.orders()).toHaveLength(0);
    expect(sim.requests).toHaveLength(0);
  });
});

describe('list orders', () => {
  beforeEach(async () => {
    await start({ projects: ['proj-a', 'proj-b'] });
    const types = ['cc', 'subtitle', 'aiDubbing'];
    for (let i = 0; i < 120; i++) {
      sim.addOrder({
        projectId: i % 2 === 0 ? 'proj-a' : 'proj-b',
        type: types[i % 3],
        targetLanguage: ['fr', 'es', 'de', 'ja'][i % 4]!,
        name: i % 10 === 0 ? `Batman Returns ${i}` : `Training video ${i}`,
        createdAt: new Date(T0 - (120 - i) * 60_000).toISOString(),
        ...(i % 7 === 0 ? { status: 'ongoing' } : {}),
      });
    }
    sim.addOrder({ targetLanguage: 'fr', clientId: 'client_other', projectId: 'proj-a' });
  });

  async function list(query: string): Promise<{ data: Record<string, any>[]; meta: Record<string, any> }> {
    const res = await api(`/integration/orders?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { data: Record<string, any>[]; meta: Record<string, any> };
  }

  it('pages with page/take and pageOptions[page]/pageOptions[take]', async () => {
    const a = await list('page=2&take=50');
    const b = await list('pageOptions[page]=2&pageOptions[take]=50');
    expect(a).toEqual(b);
    expect(a.meta).toEqual({ page: 2, take: 50, itemCount: 120, pageCount: 3, hasPreviousPage: true, hasNextPage: true });
    const last = await list(`${encodeURIComponent('pageOptions[page]')}=3&${encodeURIComponent('pageOptions[take]')}=50`);
    expect(last.data).toHaveLength(20);
    expect(last.meta.hasNextPage).toBe(false);
    const def = await list('');
    expect(def.meta).toMatchObject({ page: 1, take: 10 });
    expect(Object.keys(def.data[0]!).sort()).toEqual([
      'clientId',
      'createdAt',
      'id',
      'name',
      'projectId',
      'sourceLanguage',
      'status',
      'targetLanguage',
      'type',
    ]);
    const ids = def.data.map((d) => d.id as string);
    expect([...ids].sort().reverse()).toEqual(ids);
  });

  it('validates paging and sorting parameters', async () => {
    for (const q of [
      'take=51',
      'take=0',
      'page=0',
      'pageOptions[take]=100',
      'orderBy=price',
      'orderDirection=up',
      'filter[createdAtRange][from]=yesterday',
    ]) {
      const res = await api(`/integration/orders?${q}`);
      expect(res.status, q).toBe(400);
      expect(typeof ((await res.json()) as { message: string }).message).toBe('string');
    }
  });

  it('sorts, searches and filters', async () => {
    const asc = await list('orderBy=createdAt&orderDirection=asc&take=5');
    expect(asc.data[0]!.name).toBe('Batman Returns 0');
    expect(asc.data.map((d) => Date.parse(d.createdAt))).toEqual([...asc.data.map((d) => Date.parse(d.createdAt))].sort((x, y) => x - y));
    expect((await list('search=BATMAN&take=50')).meta.itemCount).toBe(12);
    expect((await list('filter[name]=batman returns 1&take=50')).meta.itemCount).toBe(3);
    expect((await list('filter[type]=cc&take=50')).data.every((d) => d.type === 'cc')).toBe(true);
    expect((await list('filter[type]=cc&take=50')).meta.itemCount).toBe(40);
    expect((await list('filter[projectId]=proj-b&take=50')).meta.itemCount).toBe(60);
    expect((await list('filter[status]=ongoing&take=50')).meta.itemCount).toBe(18);
    const from = new Date(T0 - 10 * 60_000).toISOString();
    const to = new Date(T0 - 5 * 60_000).toISOString();
    expect((await list(`filter[createdAtRange][from]=${from}&filter[createdAtRange][to]=${to}`)).meta.itemCount).toBe(6);
    const byStatus = await list('orderBy=status&orderDirection=asc&take=50');
    expect(byStatus.data[0]!.status).toBe('completed');
  });

  it('stays fast over thousands of orders', async () => {
    for (let i = 0; i < 3000; i++)
      sim.addOrder({ targetLanguage: 'fr', projectId: 'proj-a', createdAt: new Date(T0 - i * 1000).toISOString() });
    const startedAt = performance.now();
    let page = 1;
    let seen = 0;
    for (;;) {
      const r = await list(`pageOptions[page]=${page}&pageOptions[take]=50&filter[projectId]=proj-a`);
      seen += r.data.length;
      if (!r.meta.hasNextPage) break;
      page++;
    }
    expect(seen).toBe(3060);
    expect(performance.now() - startedAt).toBeLessThan(3000);
  });
});

describe('cancel order and cancel human review', () => {
  beforeEach(async () => {
    await start();
  });

  const cancel = (id: string): Promise<Response> => api(`/integration/orders/cancel/${id}`, { method: 'POST' });
  const chr = (id: string): Promise<Response> => api(`/integration/orders/${id}/cancel-human-review`, { method: 'POST' });

  it('cancels pending and early ongoing orders with 204, then 409', async () => {
    const [a, b, c] = await createIds({ ...BODY, targetLanguageConfigs: [{ language: 'fr' }, { language: 'es' }, { language: 'de' }] });
    const first = await cancel(a!);
    expect(first.status).toBe(204);
    expect(await first.text()).toBe('');
    clock = T0 + 120; // 20 ms into ongoing
    expect((await cancel(b!)).status).toBe(204);
    const again = await cancel(a!);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: 'Order already cancelled',
      message: 'This order has already been cancelled',
      code: 'ORDER_ALREADY_CANCELLED',
    });
    clock = T0 + 150; // 50 ms into ongoing: too late
    const late = await cancel(c!);
    expect(late.status).toBe(400);
    expect(((await late.json()) as { code: string }).code).toBe('ORDER_NOT_CANCELLABLE');
    clock = T0 + 10_000;
    expect((await getOrder(a!)).status).toBe('cancelled');
    expect((await cancel(c!)).status).toBe(400);
    expect(sim.orders().map((o) => o.cancelledBy)).toEqual(['cancel', 'cancel', undefined]);
  });

  it('answers 404 and 403', async () => {
    const missing = await cancel('0123456789abcdef01234567');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('ORDER_NOT_FOUND');
    const foreign = sim.addOrder({ targetLanguage: 'fr', clientId: 'client_other' });
    const denied = await cancel(foreign.id);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({
      error: 'Access denied',
      message: "You don't have permission to cancel this order",
      code: 'ACCESS_DENIED',
    });
  });

  it('cancels human review of level 1 ongoing orders only', async () => {
    const [l1, l1b] = await createIds({ ...BODY, level: 1 });
    const [l0] = await createIds({ ...BODY, targetLanguageConfigs: [{ language: 'fr' }] });
    expect((await chr(l1!)).status).toBe(400); // pending
    clock = T0 + 200;
    expect((await cancel(l1!)).status).toBe(400);
    const ok = await chr(l1!);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      success: true,
      message: 'Human Review has been cancelled and credits have been refunded.',
      orderId: l1,
    });
    let o = await getOrder(l1!);
    expect(o).toMatchObject({ status: 'completed', level: 0, vttUrl: '' });
    clock += 50;
    o = await getOrder(l1!);
    expect(o.vttUrl).not.toBe('');
    const level0 = await chr(l0!);
    expect(level0.status).toBe(400);
    expect(((await level0.json()) as { message: string }).message).toMatch(/Level 1/);
    clock = T0 + 450; // in waitingForApprove
    expect((await getOrder(l1b!)).status).toBe('waitingForApprove');
    expect((await chr(l1b!)).status).toBe(200);
    expect((await chr(l1b!)).status).toBe(400); // now completed
    expect(sim.orders().find((x) => x.id === l1b)?.cancelledBy).toBe('human-review');
  });
});

describe('faults', () => {
  beforeEach(async () => {
    await start();
  });

  it('500, 503 and 429 with Retry-After, counting down times', async () => {
    sim.setFaults([
      { route: 'list', kind: '500', times: 1 },
      { route: 'list', kind: '503', times: 1 },
      { route: 'list', kind: '429', times: 1, retryAfterSeconds: 3 },
    ]);
    const r1 = await api('/integration/orders');
    expect(r1.status).toBe(500);
    expect(await r1.json()).toMatchObject({ code: -1, error: 'UnknownError', message: 'unknown error' });
    const r2 = await api('/integration/orders');
    expect(r2.status).toBe(503);
    expect(((await r2.json()) as { code: number }).code).toBe(-1);
    const r3 = await api('/integration/orders');
    expect(r3.status).toBe(429);
    expect(r3.headers.get('retry-after')).toBe('3');
    await r3.text();
    expect((await api('/integration/orders')).status).toBe(200);
    expect(sim.requests.map((r) => r.fault)).toEqual(['500', '503', '429', undefined]);
  });

  it('reset destroys the socket; create-no-answer creates the orders anyway', async () => {
    sim.setFaults([
      { route: 'list', kind: 'reset', times: 1 },
      { route: 'create', kind: 'create-no-answer', times: 1 },
    ]);
    await expect(api('/integration/orders')).rejects.toThrow();
    await expect(create(BODY)).rejects.toThrow();
    expect(sim.orders()).toHaveLength(2);
    expect(sim.count('create')).toBe(1);
    expect((await create(BODY)).status).toBe(201);
  });

  it('slow delays the answer', async () => {
    sim.setFaults([{ route: 'get', kind: 'slow', delayMs: 150, times: 1 }]);
    const [id] = await createIds();
    const t = performance.now();
    await getOrder(id!);
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
  });

  it('truncate announces the full length and sends half', async () => {
    const [id] = await createIds();
    clock = T0 + 10_000;
    const o = await getOrder(id!);
    sim.setFaults([{ route: 'download', kind: 'truncate', times: 1 }]);
    const res = await text(o.vttUrl);
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    expect((await text(o.vttUrl)).status).toBe(200);
  });

  it('html-200, json-200 and malformed-json', async () => {
    const [id] = await createIds();
    clock = T0 + 10_000;
    const o = await getOrder(id!);
    sim.setFaults([
      { route: 'download', kind: 'html-200', times: 1 },
      { route: 'download', kind: 'json-200', times: 1 },
      { route: 'get', kind: 'malformed-json', times: 1 },
    ]);
    const html = await text(o.vttUrl);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toMatch(/^<!DOCTYPE html>.*Error/);
    const json = await text(o.vttUrl);
    expect(await json.text()).toBe('{"error":"AccessDenied"}');
    const broken = await api(`/integration/orders/${id}`);
    expect(broken.status).toBe(200);
    await expect(broken.json()).rejects.toThrow();
  });

  it('drift changes the shape of Get Order and List Orders', async () => {
    const [id] = await createIds({ ...BODY, targetLanguageConfigs: [{ language: 'fr' }] });
    clock = T0 + 110;
    sim.setFaults([
      { route: 'get', kind: 'drift' },
      { route: 'list', kind: 'drift' },
    ]);
    const o = await getOrder(id!);
    expect(o.status).toBe('inTranslation');
    for (const k of ['name', 'createdAt', 'finance', 'vttUrl']) expect(o).not.toHaveProperty(k);
    expect(o._v).toBe(3);
    expect(o.orderDocs.map((d: any) => d.type)).toContain('created_thumbnail');
    const l = (await (await api('/integration/orders')).json()) as { data: Record<string, unknown>[] };
    expect(l.data[0]).not.toHaveProperty('name');
    expect(l.data[0]!['status']).toBe('inTranslation');
  });

  it('targets a language or an order, and honours probability deterministically', async () => {
    const [fr, es] = await createIds();
    sim.setFaults([{ route: 'get', kind: '503', language: 'es' }]);
    expect((await api(`/integration/orders/${fr}`)).status).toBe(200);
    expect((await api(`/integration/orders/${es}`)).status).toBe(503);
    sim.setFaults([{ route: 'any', kind: '500', orderId: fr! }]);
    expect((await api(`/integration/orders/${fr}`)).status).toBe(500);
    expect((await api(`/integration/orders/cancel/${fr}`, { method: 'POST' })).status).toBe(500);
    expect((await api(`/integration/orders/${es}`)).status).toBe(200);
    const pattern = async (): Promise<number[]> => {
      await sim.close();
      await start({ seed: 5, faults: [{ route: 'list', kind: '503', probability: 0.5 }] });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await api('/integration/orders')).status);
      return out;
    };
    const a = await pattern();
    expect(a).toEqual(await pattern());
    expect(a).toContain(503);
    expect(a).toContain(200);
  });
});

describe('CLI', () => {
  it('prints its URL, key and project, and stops cleanly on SIGTERM', async () => {
    const server = fileURLToPath(new URL('../simulator/server.ts', import.meta.url));
    const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
    const child = spawn(node, [server, '--port', '0', '--api-key', 'cli-key', '--lifecycle-scale', '0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: string) => {
        out += c;
        if (out.includes('Stop it with Ctrl+C.\n')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    // The first line is what scripts wait for (ci.yml); then the values to paste into a workflow.
    expect(out).toMatch(/^Ollang simulator listening on http:\/\/127\.0\.0\.1:\d+ \(api key: cli-key\)\n/);
    expect(out).toMatch(/^ {2}api-key {5}cli-key$/m);
    expect(out).toMatch(/^ {2}project-id {2}proj-demo$/m);
    expect(out).toMatch(/^ {10}api-url: http:\/\/127\.0\.0\.1:\d+$/m);
    const url = /(http:\/\/\S+)/.exec(out)![1]!;
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await fetch(`${url}/integration/orders`, { headers: { 'X-Api-Key': 'cli-key' } })).status).toBe(200);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
