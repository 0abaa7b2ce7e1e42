/** The node:http fetch the bundle gives OllangClient, against a real local server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpFetch } from '../../src/ollang/http-fetch.ts';
import { OllangClient } from '../../src/ollang/client.ts';
import { OllangError } from '../../src/ollang/errors.ts';
import { OllangSimulator } from '../simulator/index.ts';

let server: http.Server;
let base: string;
const seen: { method?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, headers: req.headers, body });
      if (req.url === '/json')
        return void res.writeHead(201, 'Created', { 'content-type': 'application/json', 'retry-after': '7' }).end('{"ok":true}');
      if (req.url === '/redirect') return void res.writeHead(302, { location: 'http://example.invalid/' }).end();
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2_000);
      if (req.url === '/cut') {
        res.writeHead(200, { 'content-length': '100' });
        res.write('partial');
        return void setTimeout(() => res.socket?.destroy(), 20);
      }
      res.writeHead(404, 'Not Found').end('nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('httpFetch', () => {
  it('sends method, headers and a string body, and reads status, headers and text', async () => {
    const body = JSON.stringify({ a: 'é' });
    const response = await httpFetch(`${base}/json`, {
      method: 'POST',
      headers: { 'X-Api-Key': 'k', 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) },
      body,
    });
    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Created');
    expect(response.headers.get('Retry-After')).toBe('7');
    expect(await response.text()).toBe('{"ok":true}');
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', body });
    expect(request.headers['x-api-key']).toBe('k');
    expect(request.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(request.headers['transfer-encoding']).toBeUndefined();
  });

  it('never follows a redirect', async () => {
    const response = await httpFetch(`${base}/redirect`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://example.invalid/');
  });

  it('fails like fetch: a TypeError whose cause has the socket code', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await httpFetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });

  it('rejects with the signal reason on a time-out, and on a body cut short', async () => {
    const timedOut = await httpFetch(`${base}/slow`, { signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    expect((timedOut as Error).name).toBe('TimeoutError');
    const cut = await httpFetch(`${base}/cut`);
    await expect(cut.text()).rejects.toThrow(/fetch failed/);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(httpFetch(`${base}/json`, { signal: controller.signal })).rejects.toThrow('stop');
  });
});

describe('OllangClient over httpFetch', () => {
  let simulator: OllangSimulator;
  beforeAll(async () => {
    simulator = await OllangSimulator.start();
  });
  afterAll(() => simulator.close());

  it('creates, reads, lists and cancels against the simulator, with Content-Length on the create', async () => {
    const client = new OllangClient({ baseUrl: simulator.url, apiKey: simulator.apiKey, fetch: httpFetch });
    const created = await client.createOrder({
      orderType: 'subtitle',
      level: 0,
      projectId: 'proj-demo',
      targetLanguageConfigs: [{ language: 'fr' }],
    });
    const order = await client.getOrder(created[0]!.orderId);
    expect(order.targetLanguage).toBe('fr');
    const page = await client.listOrders({ take: 10 });
    expect(page.orders.map((o) => o.id)).toContain(order.id);
    await expect(client.cancelOrder(order.id)).resolves.toBe('cancelled');
    expect(simulator.requests.find((r) => r.route === 'create')?.hasContentLength).toBe(true);
  });

  it('maps a 401 to an OllangError with the API message, after one request', async () => {
    const client = new OllangClient({ baseUrl: simulator.url, apiKey: 'wrong-key-123', fetch: httpFetch });
    const before = simulator.requests.length;
    const error = await client.getOrder('60b8d6f1e1b9b1d8c6c0d8e1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OllangError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(simulator.requests.length - before).toBe(1);
  });
});
