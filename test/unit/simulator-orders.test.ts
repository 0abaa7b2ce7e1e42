/**
 * The simulator's options for the order-lifecycle faults of docs/reliability.md: a foreign order
 * made at a chosen moment, a create saved late, another spelling of a status, a create whose
 * answer leaves languages out, and how `createdAt` is stamped, written and sorted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OllangSimulator, type SimulatorOptions } from '../simulator/index.ts';

let sim: OllangSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(options: SimulatorOptions): Promise<OllangSimulator> {
  sim = await OllangSimulator.start({ seed: 3, ...options });
  return sim;
}

async function call(s: OllangSimulator, method: string, path: string, body?: unknown): Promise<Response> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return fetch(s.url + path, {
    method,
    headers: {
      'X-Api-Key': s.apiKey,
      ...(text ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) } : {}),
    },
    ...(text ? { body: text } : {}),
  });
}

const CREATE = { orderType: 'subtitle', level: 0, projectId: 'proj-demo', targetLanguageConfigs: [{ language: 'fr' }, { language: 'es' }] };
const LIST = '/integration/orders?page=1&take=50&orderBy=createdAt&orderDirection=desc';

describe('simulator: order-lifecycle options', () => {
  it('scheduledOrders: makes the order once the n-th request on a route was handled, not visible in that answer', async () => {
    const s = await start({ scheduledOrders: [{ after: { route: 'list', count: 2 }, order: { targetLanguage: 'fr', name: 'foreign' } }] });
    const first = (await (await call(s, 'GET', LIST)).json()) as { data: unknown[] };
    expect(first.data).toHaveLength(0);
    const second = (await (await call(s, 'GET', LIST)).json()) as { data: unknown[] };
    expect(second.data).toHaveLength(0);
    expect(s.orders().map((o) => o.name)).toEqual(['foreign']);
    const third = (await (await call(s, 'GET', LIST)).json()) as { data: { name: string }[] };
    expect(third.data.map((o) => o.name)).toEqual(['foreign']);
  });

  it('create-saved-late: no answer at all, and the orders appear only after the delay, stamped then', async () => {
    const s = await start({ faults: [{ route: 'create', kind: 'create-saved-late', delayMs: 100, times: 1 }] });
    const sentAt = Date.now();
    await expect(call(s, 'POST', '/integration/orders/create', CREATE)).rejects.toThrow();
    expect(s.orders()).toHaveLength(0);
    // The simulator's own timer saves them: wait for it (bounded), no fixed sleep.
    for (const end = Date.now() + 5_000; s.orders().length === 0 && Date.now() < end;)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const orders = s.orders();
    expect(orders.map((o) => o.targetLanguage).sort()).toEqual(['es', 'fr']);
    for (const o of orders) expect(Date.parse(o.createdAt) - sentAt).toBeGreaterThanOrEqual(90);
  });

  it('statusSpelling: answers say `canceled`, the state keeps `cancelled`', async () => {
    const s = await start({ statusSpelling: { cancelled: 'canceled' } });
    const order = s.addOrder({ targetLanguage: 'fr', status: 'cancelled' });
    const got = (await (await call(s, 'GET', `/integration/orders/${order.id}`)).json()) as { status: string };
    expect(got.status).toBe('canceled');
    const listed = (await (await call(s, 'GET', LIST)).json()) as { data: { status: string }[] };
    expect(listed.data.map((o) => o.status)).toEqual(['canceled']);
    expect(s.orders()[0]!.status).toBe('cancelled');
  });

  it('createSkips: the answer leaves the language out; with made, its order exists all the same', async () => {
    const skipped = await start({ createSkips: { languages: ['es'] } });
    const answer = (await (await call(skipped, 'POST', '/integration/orders/create', CREATE)).json()) as unknown[];
    expect(answer).toHaveLength(1);
    expect(skipped.orders().map((o) => o.targetLanguage)).toEqual(['fr']);
    await skipped.close();

    const made = await start({ createSkips: { languages: ['es'], made: true } });
    const answer2 = (await (await call(made, 'POST', '/integration/orders/create', CREATE)).json()) as unknown[];
    expect(answer2).toHaveLength(1);
    expect(made.orders().map((o) => o.targetLanguage)).toEqual(['fr', 'es']);
  });

  it('wholeSecondStamps: orders made within one second share one createdAt', async () => {
    let now = Date.parse('2026-11-22T10:00:00.250Z');
    const s = await start({ now: () => now, wholeSecondStamps: true });
    await call(s, 'POST', '/integration/orders/create', CREATE);
    now += 500;
    s.addOrder({ targetLanguage: 'de' });
    expect(new Set(s.orders().map((o) => o.createdAt))).toEqual(new Set(['2026-11-22T10:00:00.000Z']));
  });

  it('unstableTieOrder: orders with one createdAt come in another order from one request to the next; others stay sorted', async () => {
    const s = await start({ unstableTieOrder: true });
    for (let i = 0; i < 20; i++) s.addOrder({ targetLanguage: `l${i}`, createdAt: '2026-11-22T10:00:00Z' });
    s.addOrder({ targetLanguage: 'older', createdAt: '2026-11-22T09:00:00Z' });
    const listings: string[][] = [];
    for (let i = 0; i < 3; i++) {
      const page = (await (await call(s, 'GET', LIST)).json()) as { data: { targetLanguage: string }[] };
      listings.push(page.data.map((o) => o.targetLanguage));
    }
    for (const listing of listings) expect(listing.at(-1)).toBe('older');
    expect(new Set(listings.map((l) => l.join()))).toHaveProperty('size', 3);
  });

  it('stampsWithoutZone: createdAt is written without a time zone in List Orders and Get Order', async () => {
    const s = await start({ stampsWithoutZone: true });
    const order = s.addOrder({ targetLanguage: 'fr', createdAt: '2026-11-22T10:00:00Z' });
    const got = (await (await call(s, 'GET', `/integration/orders/${order.id}`)).json()) as { createdAt: string };
    const listed = (await (await call(s, 'GET', LIST)).json()) as { data: { createdAt: string }[] };
    expect([got.createdAt, listed.data[0]!.createdAt]).toEqual(['2026-11-22T10:00:00.000', '2026-11-22T10:00:00.000']);
  });
});
