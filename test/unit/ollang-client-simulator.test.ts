/**
 * The real OllangClient against the local Ollang simulator (test/simulator): every endpoint,
 * the documented errors, paging, and the faults docs/ollang-api.md says to design for.
 * The simulator's lifecycle runs on a controllable clock; retry sleeps are recorded, not waited.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OllangClient } from '../../src/ollang/client.ts';
import type { OllangClientOptions } from '../../src/ollang/client.ts';
import { OllangError } from '../../src/ollang/errors.ts';
import { isFinished, isSuccess } from '../../src/ollang/schemas.ts';
import { OllangSimulator, SIM_CLIENT_ID } from '../simulator/index.ts';
import type { SimulatorOptions } from '../simulator/index.ts';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const running: OllangSimulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

interface Setup {
  sim: OllangSimulator;
  client: OllangClient;
  sleeps: number[];
  advance: (ms: number) => void;
  clientWith: (options: Partial<OllangClientOptions>) => OllangClient;
}

async function setup(options: SimulatorOptions = {}, clientOptions: Partial<OllangClientOptions> = {}): Promise<Setup> {
  let now = T0;
  const sim = await OllangSimulator.start({
    seed: 7,
    projects: ['proj-demo', 'proj-other'],
    lifecycle: { pendingMs: 1000, ongoingMs: 2000, humanReviewMs: 3000, outputsLagMs: 500, cancellableOngoingMs: 100 },
    now: () => now,
    ...options,
  });
  running.push(sim);
  const sleeps: number[] = [];
  const clientWith = (extra: Partial<OllangClientOptions>): OllangClient =>
    new OllangClient({
      baseUrl: sim.url,
      apiKey: sim.apiKey,
      clock: () => now,
      sleep: async (ms, signal) => {
        if (signal?.aborted) throw signal.reason;
        sleeps.push(ms);
      },
      random: () => 0.5,
      ...clientOptions,
      ...extra,
    });
  return {
    sim,
    client: clientWith({}),
    sleeps,
    advance: (ms) => {
      now += ms;
    },
    clientWith,
  };
}

async function ollangError(promise: Promise<unknown>): Promise<OllangError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(OllangError);
    return error as OllangError;
  }
  throw new Error('expected an OllangError');
}

describe('OllangClient against the simulator', () => {
  it('creates, follows and finishes orders', async () => {
    const { sim, client, advance } = await setup();
    const created = await client.createOrder({
      orderType: 'cc',
      level: 0,
      projectId: 'proj-demo',
      targetLanguageConfigs: [{ language: 'fr' }, { language: 'es', isRush: true }],
      orderSubType: 'closedCaption',
      autoQc: false,
    });
    expect(created).toHaveLength(2);
    expect(sim.requests[0]).toMatchObject({ route: 'create', status: 201, hasContentLength: true, apiKeyOk: true });

    const orders = await Promise.all(created.map((c) => client.getOrder(c.orderId)));
    expect(orders.map((o) => o.targetLanguage).sort()).toEqual(['es', 'fr']);
    for (const o of orders) {
      expect(o).toMatchObject({ status: 'pending', type: 'cc', projectId: 'proj-demo', level: 0 });
      expect(o.vttUrl).toBeUndefined(); // "" until the outputs exist
      expect(isFinished(o.status)).toBe(false);
    }

    advance(60_000);
    const done = await client.getOrder(created[0]?.orderId ?? '');
    expect(isSuccess(done.status)).toBe(true);
    expect(done.vttUrl).toMatch(/^http/);
    expect(done.orderDocs.length).toBeGreaterThan(1);
    for (const doc of done.orderDocs) {
      expect(typeof doc.type).toBe('string');
      if (doc.size !== undefined) expect(doc.size).toBeGreaterThanOrEqual(0);
    }
    expect(client.requestCount).toBe(4);
  });

  it('maps the documented create errors', async () => {
    const { sim, client } = await setup();
    const base = { orderType: 'cc', level: 0, projectId: 'proj-demo', targetLanguageConfigs: [{ language: 'fr' }] };
    const cases: [object, number, string][] = [
      [{ orderType: 'karaoke' }, 400, 'INVALID_ORDER_TYPE'],
      [{ projectId: 'proj-missing' }, 404, 'PROJECT_NOT_FOUND'],
      [{ targetLanguageConfigs: [] }, 400, 'MISSING_TARGET_LANGUAGES'],
    ];
    for (const [override, status, code] of cases) {
      const e = await ollangError(client.createOrder({ ...base, ...override }));
      expect(e).toMatchObject({ kind: 'http', status, code, ambiguous: false, endpoint: 'Create Order' });
      expect(e.apiMessage).toBeTruthy();
      expect(e.message).toContain(`${status} ${code}: ${e.apiMessage}`);
    }
    expect(sim.orders()).toHaveLength(0);
    expect(client.requestCount).toBe(3);
  });

  it('fails at once on a wrong key, on every endpoint, and never shows the key', async () => {
    const { sim, clientWith } = await setup();
    const order = sim.addOrder({ targetLanguage: 'de' });
    const client = clientWith({ apiKey: 'wrong-key-SECRET-123' });
    const calls = [
      () => client.getOrder(order.id),
      () => client.listOrders({}),
      () => client.cancelOrder(order.id),
      () => client.cancelHumanReview(order.id),
      () => client.createOrder({ orderType: 'cc', level: 0, projectId: 'proj-demo', targetLanguageConfigs: [{ language: 'fr' }] }),
    ];
    for (const call of calls) {
      const e = await ollangError(call());
      expect(e).toMatchObject({ status: 401, code: 'UNAUTHORIZED', apiMessage: 'Invalid or missing API key' });
      expect(e.message).not.toContain('wrong-key-SECRET-123');
    }
    expect(client.requestCount).toBe(5);
    expect(sim.requests).toHaveLength(5);
  });

  it('maps Get Order 404 and 403', async () => {
    const { sim, client } = await setup();
    const foreign = sim.addOrder({ targetLanguage: 'de', clientId: 'client_someone_else' });
    const missing = await ollangError(client.getOrder('000000000000000000000000'));
    expect(missing).toMatchObject({ status: 404, code: 'ORDER_NOT_FOUND', orderId: '000000000000000000000000' });
    const denied = await ollangError(client.getOrder(foreign.id));
    expect(denied).toMatchObject({ status: 403, code: 'ACCESS_DENIED' });
    expect(client.requestCount).toBe(2);
  });

  it('lists with filters and pages through everything', async () => {
    const { sim, client } = await setup();
    for (let i = 0; i < 5; i++)
      sim.addOrder({ targetLanguage: 'fr', projectId: 'proj-demo', createdAt: new Date(T0 - i * 1000).toISOString() });
    sim.addOrder({ targetLanguage: 'fr', projectId: 'proj-other' });
    sim.addOrder({ targetLanguage: 'fr', projectId: 'proj-demo', type: 'aiDubbing' });

    const page = await client.listOrders({
      take: 2,
      filter: { projectId: 'proj-demo', type: 'subtitle' },
      orderBy: 'createdAt',
      orderDirection: 'desc',
    });
    expect(page.orders).toHaveLength(2);
    expect(page.meta).toMatchObject({ page: 1, take: 2, itemCount: 5, pageCount: 3, hasNextPage: true, hasPreviousPage: false });

    const all: string[] = [];
    for await (const o of client.listAllOrders({ take: 2, filter: { projectId: 'proj-demo', type: 'subtitle' } })) {
      expect(o.projectId).toBe('proj-demo');
      all.push(o.id);
    }
    expect(new Set(all).size).toBe(5);
    expect(sim.requests.filter((r) => r.route === 'list')).toHaveLength(4);

    const two: string[] = [];
    for await (const o of client.listAllOrders({ take: 2 }, { maxPages: 2 })) two.push(o.id);
    expect(two).toHaveLength(4);

    const since = await client.listOrders({
      filter: { createdAtFrom: new Date(T0 - 1500).toISOString(), projectId: 'proj-demo', type: 'subtitle' },
    });
    expect(since.orders).toHaveLength(2);

    const bad = await ollangError(client.listOrders({ take: 51 }));
    expect(bad).toMatchObject({ status: 400 });
    expect(bad.apiMessage).toContain('take');
  });

  it('cancels: 204, then 409 already cancelled, 400 not cancellable, 404, 403', async () => {
    const { sim, client, advance } = await setup();
    const a = sim.addOrder({ targetLanguage: 'fr' });
    const b = sim.addOrder({ targetLanguage: 'es' });
    const foreign = sim.addOrder({ targetLanguage: 'it', clientId: 'client_someone_else' });
    expect(await client.cancelOrder(a.id)).toBe('cancelled');
    expect(sim.orders().find((o) => o.id === a.id)?.status).toBe('cancelled');
    expect(await client.cancelOrder(a.id)).toBe('already-cancelled');
    expect((await client.getOrder(a.id)).status).toBe('cancelled');

    advance(60_000);
    const late = await ollangError(client.cancelOrder(b.id));
    expect(late).toMatchObject({ status: 400, code: 'ORDER_NOT_CANCELLABLE', endpoint: 'Cancel Order', orderId: b.id });
    expect((await ollangError(client.cancelOrder('000000000000000000000000'))).code).toBe('ORDER_NOT_FOUND');
    expect((await ollangError(client.cancelOrder(foreign.id))).code).toBe('ACCESS_DENIED');
    expect(SIM_CLIENT_ID).not.toBe('client_someone_else');
  });

  it('cancels a human review, and reports one that cannot be', async () => {
    const { sim, client, advance } = await setup();
    const reviewed = sim.addOrder({ targetLanguage: 'fr', level: 1 });
    const aiOnly = sim.addOrder({ targetLanguage: 'es', level: 0 });
    advance(1500); // ongoing
    const result = await client.cancelHumanReview(reviewed.id);
    expect(result).toMatchObject({ success: true, orderId: reviewed.id });
    const after = await client.getOrder(reviewed.id);
    expect(after).toMatchObject({ status: 'completed', level: 0 });

    const e = await ollangError(client.cancelHumanReview(aiOnly.id));
    expect(e).toMatchObject({ status: 400, code: 'HUMAN_REVIEW_NOT_CANCELLABLE', endpoint: 'Cancel Human Review' });
    expect(client.requestCount).toBe(3);
  });
});

describe('OllangClient against simulator faults', () => {
  it('retries 503 and 500 on reads', async () => {
    const { sim, client, sleeps } = await setup({
      faults: [
        { route: 'get', kind: '503', times: 2 },
        { route: 'list', kind: '500', times: 1 },
      ],
    });
    const o = sim.addOrder({ targetLanguage: 'fr' });
    expect((await client.getOrder(o.id)).id).toBe(o.id);
    expect((await client.listOrders({})).orders).toHaveLength(1);
    expect(client.requestCount).toBe(5);
    expect(sleeps).toEqual([250, 500, 250]);
  });

  it('honours the 429 Retry-After', async () => {
    const { sim, client, sleeps } = await setup({ faults: [{ route: 'get', kind: '429', times: 1, retryAfterSeconds: 3 }] });
    const o = sim.addOrder({ targetLanguage: 'fr' });
    await client.getOrder(o.id);
    expect(sleeps).toEqual([3000]);
  });

  it('retries a connection reset, a truncated body and malformed JSON on reads', async () => {
    const { sim, client } = await setup({
      faults: [
        { route: 'get', kind: 'reset', times: 1 },
        { route: 'get', kind: 'truncate', times: 1 },
        { route: 'get', kind: 'malformed-json', times: 1 },
        { route: 'get', kind: 'html-200', times: 1 },
      ],
    });
    const o = sim.addOrder({ targetLanguage: 'fr' });
    expect((await client.getOrder(o.id)).id).toBe(o.id);
    expect(client.requestCount).toBe(5);
  });

  it('tolerates a drifted response shape', async () => {
    const { sim, client } = await setup({ faults: [{ route: 'any', kind: 'drift' }] });
    const o = sim.addOrder({ targetLanguage: 'fr' });
    const order = await client.getOrder(o.id);
    expect(order.id).toBe(o.id);
    expect(isFinished(order.status)).toBe(false);
    const page = await client.listOrders({});
    expect(page.orders[0]?.id).toBe(o.id);
    const created = await client.createOrder({
      orderType: 'cc',
      level: 0,
      projectId: 'proj-demo',
      targetLanguageConfigs: [{ language: 'de' }],
    });
    expect(created).toHaveLength(1);
  });

  it('retries a failed cancel and takes the 409 as done', async () => {
    const { sim, client } = await setup({ faults: [{ route: 'cancel', kind: 'reset', times: 1 }] });
    const o = sim.addOrder({ targetLanguage: 'fr' });
    expect(await client.cancelOrder(o.id)).toBe('cancelled');
    expect(client.requestCount).toBe(2);
    sim.setFaults([{ route: 'cancel', kind: '503', times: 1 }]);
    expect(await client.cancelOrder(o.id)).toBe('already-cancelled');
    expect(client.requestCount).toBe(4);
  });

  it('never retries a create; an unanswered create is ambiguous and did create', async () => {
    const { sim, client } = await setup({ faults: [{ route: 'create', kind: 'create-no-answer', times: 1 }] });
    const e = await ollangError(
      client.createOrder({ orderType: 'cc', level: 0, projectId: 'proj-demo', targetLanguageConfigs: [{ language: 'fr' }] }),
    );
    expect(e).toMatchObject({ kind: 'network', ambiguous: true, endpoint: 'Create Order' });
    expect(client.requestCount).toBe(1);
    expect(sim.orders()).toHaveLength(1);
  });

  it('never retries a create on 503 or a reset', async () => {
    const { sim, client } = await setup({
      faults: [
        { route: 'create', kind: '503', times: 1 },
        { route: 'create', kind: 'reset', times: 1 },
      ],
    });
    const request = { orderType: 'cc', level: 0, projectId: 'proj-demo', targetLanguageConfigs: [{ language: 'fr' }] };
    expect(await ollangError(client.createOrder(request))).toMatchObject({ status: 503, ambiguous: true });
    expect(await ollangError(client.createOrder(request))).toMatchObject({ kind: 'network', ambiguous: true });
    expect(client.requestCount).toBe(2);
    expect(sim.orders()).toHaveLength(0);
  });

  it('times out a slow answer per request', async () => {
    const { sim, clientWith } = await setup({ faults: [{ route: 'get', kind: 'slow', delayMs: 5_000 }] });
    const o = sim.addOrder({ targetLanguage: 'fr' });
    const client = clientWith({ requestTimeoutMs: 50, retry: { maxAttempts: 2 } });
    const e = await ollangError(client.getOrder(o.id));
    expect(e).toMatchObject({ kind: 'timeout', ambiguous: false });
    expect(client.requestCount).toBe(2);
  });

  it('aborts an in-flight request', async () => {
    const { sim, clientWith } = await setup({ faults: [{ route: 'get', kind: 'slow', delayMs: 5_000 }] });
    const o = sim.addOrder({ targetLanguage: 'fr' });
    const controller = new AbortController();
    const client = clientWith({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const e = await ollangError(client.getOrder(o.id));
    expect(e.kind).toBe('aborted');
    expect(client.requestCount).toBe(1);
  });
});
