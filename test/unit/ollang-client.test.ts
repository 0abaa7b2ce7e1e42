import { describe, expect, it } from 'vitest';
import { OllangClient, listQueryString } from '../../src/ollang/client.ts';
import type { CreateOrderRequest } from '../../src/ollang/client.ts';
import { OllangError } from '../../src/ollang/errors.ts';
import {
  API_KEY,
  BASE_URL,
  FakeTimers,
  START,
  harness,
  json,
  networkError,
  orderBody,
  pageBody,
  rejection,
  response,
  stubTransport,
  summary,
  timeoutError,
} from './ollang-helpers.ts';
import type { RecordedRequest, Scripted } from './ollang-helpers.ts';

const ORDER_ID = '60b8d6f1e1b9b1d8c6c0d8e1';

const createRequest: CreateOrderRequest = {
  orderType: 'cc',
  level: 1,
  projectId: '60b8d6f1e1b9b1d8c6c0d8e1',
  targetLanguageConfigs: [
    { language: 'fr', isRush: false },
    { language: 'es', isRush: true },
  ],
  callbackUrl: 'https://your-domain.com/webhooks/order-completed',
  autoQc: true,
};

async function ollangError(promise: Promise<unknown>): Promise<OllangError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(OllangError);
  return error as OllangError;
}

function apiError(status: number, code: string, error: string, message: string, headers?: Record<string, string>): Scripted {
  return json(status, { error, message, code }, headers);
}

const UNAUTHORIZED = apiError(401, 'UNAUTHORIZED', 'Unauthorized', 'Invalid or missing API key');

describe('common request shape', () => {
  it('sends X-Api-Key, Accept and User-Agent, to the base URL without a doubled slash', async () => {
    const h = harness([json(200, orderBody())], { baseUrl: `${BASE_URL}/`, userAgent: 'test-agent/1' });
    await h.client.getOrder(ORDER_ID);
    const [request] = h.requests;
    expect(request?.url.href).toBe(`${BASE_URL}/integration/orders/${ORDER_ID}`);
    expect(request?.headers['x-api-key']).toBe(API_KEY);
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['user-agent']).toBe('test-agent/1');
    expect(request?.headers).not.toHaveProperty('content-type');
    expect(request?.signal).toBeInstanceOf(AbortSignal);
  });

  it('does not follow a redirect (the key would go along); a 3xx is an error', async () => {
    const h = harness([{ status: 302, headers: { location: 'https://elsewhere.example/' } }], { repeatLast: true });
    const e = await ollangError(h.client.getOrder(ORDER_ID));
    expect(e).toMatchObject({ kind: 'http', status: 302 });
    expect(h.requests).toHaveLength(1);
  });

  it('survives an onRequest observer that throws', async () => {
    const h = harness([json(200, orderBody())], {
      onRequest: () => {
        throw new Error('observer broke');
      },
    });
    expect((await h.client.getOrder(ORDER_ID)).id).toBe(ORDER_ID);
  });

  it('counts every request and reports each one', async () => {
    const h = harness([json(503, {}), json(200, orderBody())]);
    await h.client.getOrder(ORDER_ID);
    expect(h.client.requestCount).toBe(2);
    expect(h.events).toEqual([
      { endpoint: 'Get Order', method: 'GET', path: `/integration/orders/${ORDER_ID}`, status: 503, attempt: 1, durationMs: 0 },
      { endpoint: 'Get Order', method: 'GET', path: `/integration/orders/${ORDER_ID}`, status: 200, attempt: 2, durationMs: 0 },
    ]);
  });

  it('reports a request without an answer without a status', async () => {
    const h = harness([networkError(), json(200, orderBody())]);
    await h.client.getOrder(ORDER_ID);
    expect(h.events[0]).not.toHaveProperty('status');
    expect(h.events[0]?.attempt).toBe(1);
  });
});

describe('createOrder', () => {
  it('posts the JSON body as one string (the transport sends its Content-Length) and returns the created orders', async () => {
    const h = harness([json(201, [{ orderId: '507f1f77bcf86cd799439015' }, { orderId: '507f1f77bcf86cd799439016' }])]);
    const created = await h.client.createOrder(createRequest);
    expect(created).toEqual([{ orderId: '507f1f77bcf86cd799439015' }, { orderId: '507f1f77bcf86cd799439016' }]);
    const [request] = h.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/integration/orders/create');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-api-key']).toBe(API_KEY);
    expect(typeof request?.body).toBe('string');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      orderType: 'cc',
      level: 1,
      projectId: '60b8d6f1e1b9b1d8c6c0d8e1',
      targetLanguageConfigs: [
        { language: 'fr', isRush: false },
        { language: 'es', isRush: true },
      ],
      callbackUrl: 'https://your-domain.com/webhooks/order-completed',
      autoQc: true,
    });
  });

  it('omits unset optional fields', async () => {
    const h = harness([
      json(201, [
        { orderId: 'a', orderType: 'aiDubbing' },
        { orderId: 'b', orderType: 'aiDubbing' },
      ]),
    ]);
    const created = await h.client.createOrder({
      orderType: 'aiDubbing',
      level: 0,
      projectId: 'projé-ü',
      targetLanguageConfigs: [{ language: 'de' }],
      dubbingStyle: 'overdub',
    });
    expect(created).toEqual([
      { orderId: 'a', orderType: 'aiDubbing' },
      { orderId: 'b', orderType: 'aiDubbing' },
    ]);
    const body = h.requests[0]?.body ?? '';
    expect(JSON.parse(body)).toEqual({
      orderType: 'aiDubbing',
      level: 0,
      projectId: 'projé-ü',
      targetLanguageConfigs: [{ language: 'de' }],
      dubbingStyle: 'overdub',
    });
  });

  it.each([
    [400, 'INVALID_ORDER_TYPE', 'Invalid order type', 'orderType must be one of: cc, subtitle, document, aiDubbing, studioDubbing'],
    [404, 'PROJECT_NOT_FOUND', 'Project not found', 'No project found with the provided projectId'],
    [400, 'MISSING_TARGET_LANGUAGES', 'Invalid target language', 'At least one targetLanguageConfig is required'],
    [401, 'UNAUTHORIZED', 'Unauthorized', 'Invalid or missing API key'],
  ])('maps %s %s, once, not ambiguous', async (status, code, error, message) => {
    const h = harness([apiError(status, code, error, message)], { repeatLast: true });
    const e = await ollangError(h.client.createOrder(createRequest));
    expect(e).toMatchObject({ kind: 'http', status, code, apiMessage: message, endpoint: 'Create Order', ambiguous: false });
    expect(e.message).toBe(`Create Order: ${status} ${code}: ${message}`);
    expect(h.requests).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it.each([500, 502, 503, 504])('is never retried on %s, and calls it ambiguous', async (status) => {
    const h = harness([json(status, { code: -1, error: 'UnknownError', message: 'unknown error', detail: 'boom' })], {
      repeatLast: true,
    });
    const e = await ollangError(h.client.createOrder(createRequest));
    expect(e).toMatchObject({ kind: 'http', status, apiMessage: 'boom', ambiguous: true });
    expect(h.requests).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it('is never retried on 429 (not processed: not ambiguous)', async () => {
    const h = harness([json(429, { message: 'slow down' }, { 'retry-after': '1' })], { repeatLast: true });
    const e = await ollangError(h.client.createOrder(createRequest));
    expect(e).toMatchObject({ kind: 'http', status: 429, ambiguous: false, retryAfterMs: 1000 });
    expect(h.requests).toHaveLength(1);
  });

  it('calls a connection reset after sending ambiguous', async () => {
    const h = harness([networkError('ECONNRESET', 'read ECONNRESET')], { repeatLast: true });
    const e = await ollangError(h.client.createOrder(createRequest));
    expect(e).toMatchObject({ kind: 'network', ambiguous: true });
    expect(e.message).toContain('ECONNRESET');
    expect(e.message).toContain('may still have been processed');
    expect(h.requests).toHaveLength(1);
  });

  it('calls a refused connection not ambiguous (nothing was sent)', async () => {
    const h = harness([networkError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1')], { repeatLast: true });
    const e = await ollangError(h.client.createOrder(createRequest));
    expect(e).toMatchObject({ kind: 'network', ambiguous: false });
    expect(h.requests).toHaveLength(1);
  });

  it('calls a time-out ambiguous', async () => {
    const h = harness([timeoutError()], { repeatLast: true, requestTimeoutMs: 12_000 });
    const e = await ollangError(h.client.createOrder(createRequest));
    expect(e).toMatchObject({ kind: 'timeout', ambiguous: true });
    expect(e.message).toBe('Create Order: no response within 12 s (the request may still have been processed)');
    expect(h.requests).toHaveLength(1);
  });

  it('calls a 2xx whose body cannot be read or parsed ambiguous', async () => {
    const broken = (): ReturnType<typeof response> => response(201, Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    let h = harness([() => broken()], { repeatLast: true });
    let e = await ollangError(h.client.createOrder(createRequest));
    expect(e).toMatchObject({ kind: 'network', ambiguous: true });
    expect(h.requests).toHaveLength(1);

    h = harness([json(201, '[{"orderId": "a"')], { repeatLast: true });
    e = await ollangError(h.client.createOrder(createRequest));
    expect(e).toMatchObject({ kind: 'schema', invalidJson: true, ambiguous: true });
    expect(h.requests).toHaveLength(1);

    h = harness([json(201, { orderId: 'a' })], { repeatLast: true });
    e = await ollangError(h.client.createOrder(createRequest));
    expect(e).toMatchObject({ kind: 'schema', invalidJson: false, ambiguous: true });
    expect(e.message).toMatch(/^Create Order: unexpected response: \(body\): /);
  });
});

describe('getOrder', () => {
  it('reads an order', async () => {
    const h = harness([json(200, orderBody())]);
    const order = await h.client.getOrder(ORDER_ID);
    expect(order.id).toBe(ORDER_ID);
    expect(order.status).toBe('completed');
    expect(order.orderDocs).toHaveLength(2);
    expect(h.requests[0]?.method).toBe('GET');
  });

  it('URL-encodes the order ID', async () => {
    const h = harness([json(200, orderBody({ id: 'a/b?c#d' }))]);
    await h.client.getOrder('a/b?c#d');
    expect(h.requests[0]?.path).toBe('/integration/orders/a%2Fb%3Fc%23d');
  });

  it('is tolerant of what the API varies', async () => {
    const h = harness([
      json(200, {
        id: ORDER_ID,
        status: 'waitingForApprove',
        targetLanguage: 'fr',
        type: 'revision',
        level: 2,
        vttUrl: null,
        orderDocs: [{ type: 'created_subtitle_embedded_video', url: null, size: null }, { type: 'created_thumbnail' }],
        somethingNew: { nested: true },
      }),
    ]);
    const order = await h.client.getOrder(ORDER_ID);
    expect(order).toEqual({
      id: ORDER_ID,
      status: 'waitingForApprove',
      targetLanguage: 'fr',
      type: 'revision',
      level: 2,
      orderDocs: [{ type: 'created_subtitle_embedded_video' }, { type: 'created_thumbnail' }],
    });
  });

  it('turns a missing id into a schema error naming the field, without retrying or quoting the body', async () => {
    const h = harness([json(200, orderBody({ id: undefined, name: 'Secret Movie Title' }))], { repeatLast: true });
    const e = await ollangError(h.client.getOrder(ORDER_ID));
    expect(e).toMatchObject({ kind: 'schema', endpoint: 'Get Order', orderId: ORDER_ID, status: 200, ambiguous: false });
    expect(e.message).toMatch(new RegExp(`^Get Order ${ORDER_ID}: unexpected response: id: `));
    expect(e.message).not.toContain('Secret Movie Title');
    expect(h.requests).toHaveLength(1);
  });

  it('retries a 2xx whose body is not JSON', async () => {
    const h = harness([json(200, '<html>proxy</html>'), json(200, ''), json(200, orderBody())]);
    const order = await h.client.getOrder(ORDER_ID);
    expect(order.id).toBe(ORDER_ID);
    expect(h.requests).toHaveLength(3);
  });

  it.each([
    [404, 'ORDER_NOT_FOUND', 'Order not found', 'No order found with the provided orderId'],
    [403, 'ACCESS_DENIED', 'Access denied', "You don't have permission to view this order"],
    [401, 'UNAUTHORIZED', 'Unauthorized', 'Invalid or missing API key'],
    [400, 'INVALID_ORDER_ID', 'Bad Request', 'orderId must be a mongodb id'],
  ])('maps %s %s without retrying', async (status, code, error, message) => {
    const h = harness([apiError(status, code, error, message)], { repeatLast: true });
    const e = await ollangError(h.client.getOrder(ORDER_ID));
    expect(e).toMatchObject({ kind: 'http', status, code, apiMessage: message, orderId: ORDER_ID, ambiguous: false });
    expect(e.message).toBe(`Get Order ${ORDER_ID}: ${status} ${code}: ${message}`);
    expect(h.requests).toHaveLength(1);
  });

  it("reads the generic envelope's detail", async () => {
    const h = harness([
      json(400, { code: -1, error: 'UnknownError', message: 'unknown error', detail: 'Order 60b8 belongs to another client' }),
    ]);
    const e = await ollangError(h.client.getOrder(ORDER_ID));
    expect(e.apiMessage).toBe('Order 60b8 belongs to another client');
    expect(e.code).toBeUndefined();
    expect(e.message).toBe(`Get Order ${ORDER_ID}: 400: Order 60b8 belongs to another client`);
  });
});

describe('retries (reads and cancels)', () => {
  it('honours Retry-After on 429', async () => {
    const h = harness([json(429, { message: 'Too many requests' }, { 'retry-after': '7' }), json(200, orderBody())]);
    await h.client.getOrder(ORDER_ID);
    expect(h.sleeps).toEqual([7000]);
    expect(h.requests).toHaveLength(2);
  });

  it('honours a Retry-After date', async () => {
    const h = harness([json(429, {}, { 'retry-after': new Date(START + 4000).toUTCString() }), json(200, orderBody())]);
    await h.client.getOrder(ORDER_ID);
    expect(h.sleeps).toEqual([4000]);
  });

  it('retries 500 and 503 with exponential backoff and jitter', async () => {
    const h = harness([json(500, {}), json(503, {}), json(502, 'Bad Gateway'), json(504, {}), json(200, orderBody())]);
    await h.client.getOrder(ORDER_ID);
    // random() = 0.5: half of 500, 1000, 2000, 4000.
    expect(h.sleeps).toEqual([250, 500, 1000, 2000]);
    expect(h.requests).toHaveLength(5);
  });

  it('retries a connection reset and a time-out', async () => {
    const h = harness([networkError(), timeoutError(), json(200, orderBody())]);
    await h.client.getOrder(ORDER_ID);
    expect(h.requests).toHaveLength(3);
  });

  it('gives up after maxAttempts and throws the last error', async () => {
    const h = harness([json(503, { message: 'Service Unavailable' })], { repeatLast: true });
    const e = await ollangError(h.client.getOrder(ORDER_ID));
    expect(e).toMatchObject({ kind: 'http', status: 503, apiMessage: 'Service Unavailable', ambiguous: false });
    expect(h.requests).toHaveLength(6);
    expect(h.sleeps).toHaveLength(5);
  });

  it('takes a partial policy', async () => {
    const h = harness([networkError()], { repeatLast: true, retry: { maxAttempts: 3, baseDelayMs: 100 } });
    const e = await ollangError(h.client.getOrder(ORDER_ID));
    expect(e.kind).toBe('network');
    expect(h.requests).toHaveLength(3);
    expect(h.sleeps).toEqual([50, 100]);
  });

  it('never retries 401, on any endpoint', async () => {
    const calls: [string, (c: OllangClient) => Promise<unknown>][] = [
      ['Get Order', (c) => c.getOrder(ORDER_ID)],
      ['List Orders', (c) => c.listOrders({})],
      ['Cancel Order', (c) => c.cancelOrder(ORDER_ID)],
      ['Cancel Human Review', (c) => c.cancelHumanReview(ORDER_ID)],
      ['Create Order', (c) => c.createOrder(createRequest)],
    ];
    for (const [endpoint, call] of calls) {
      const h = harness([UNAUTHORIZED], { repeatLast: true });
      const e = await ollangError(call(h.client));
      expect(e).toMatchObject({ endpoint, status: 401, code: 'UNAUTHORIZED', apiMessage: 'Invalid or missing API key' });
      expect(h.requests).toHaveLength(1);
      expect(h.sleeps).toEqual([]);
    }
  });

  it('never sleeps past the deadline', async () => {
    const h = harness([json(503, {})], { repeatLast: true, random: () => 1, deadline: () => START + 1000 });
    const e = await ollangError(h.client.getOrder(ORDER_ID));
    expect(e.status).toBe(503);
    // 500 ms fits, the next 1000 ms would end after START + 1000.
    expect(h.sleeps).toEqual([500]);
    expect(h.requests).toHaveLength(2);
    expect(h.now()).toBeLessThanOrEqual(START + 1000);
  });

  it('does not wait for a Retry-After beyond the deadline', async () => {
    const h = harness([json(429, {}, { 'retry-after': '120' })], { repeatLast: true, deadline: () => START + 60_000 });
    const e = await ollangError(h.client.listOrders({}));
    expect(e.status).toBe(429);
    expect(e.retryAfterMs).toBe(120_000);
    expect(h.requests).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it('retries cancels too', async () => {
    const h = harness([json(502, {}), networkError(), { status: 204 }]);
    expect(await h.client.cancelOrder(ORDER_ID)).toBe('cancelled');
    expect(h.requests).toHaveLength(3);
  });

  it('treats a 409 after an unanswered cancel as done', async () => {
    const h = harness([
      timeoutError(),
      apiError(409, 'ORDER_ALREADY_CANCELLED', 'Order already cancelled', 'This order has already been cancelled'),
    ]);
    expect(await h.client.cancelOrder(ORDER_ID)).toBe('already-cancelled');
    expect(h.requests).toHaveLength(2);
  });
});

describe('abort', () => {
  it('does not send once the client signal has aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('job cancelled'));
    const h = harness([json(200, orderBody())], { signal: controller.signal });
    const e = await ollangError(h.client.getOrder(ORDER_ID));
    expect(e.kind).toBe('aborted');
    expect(h.requests).toHaveLength(0);
  });

  it('aborts an in-flight request and does not retry', async () => {
    const controller = new AbortController();
    const h = harness(
      [
        (request) =>
          new Promise((_resolve, reject) => {
            request.signal?.addEventListener('abort', () => reject(request.signal?.reason));
            controller.abort(new DOMException('stop', 'AbortError'));
          }),
      ],
      { signal: controller.signal, repeatLast: true },
    );
    const e = await ollangError(h.client.getOrder(ORDER_ID));
    expect(e.kind).toBe('aborted');
    expect(h.requests).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it('lets a sent create finish when the run is aborted (its IDs must be saved to be cancelled)', async () => {
    const controller = new AbortController();
    const h = harness(
      [
        (request) =>
          new Promise((resolve, reject) => {
            request.signal?.addEventListener('abort', () => reject(request.signal?.reason));
            controller.abort();
            setTimeout(() => resolve(response(201, JSON.stringify([{ orderId: '60b8d6f1e1b9b1d8c6c0d8e1' }]))), 5);
          }),
      ],
      { signal: controller.signal },
    );
    await expect(h.client.createOrder(createRequest)).resolves.toEqual([{ orderId: '60b8d6f1e1b9b1d8c6c0d8e1' }]);
  });

  it('sends no create once the run is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const h = harness([() => response(201, '[]')], { signal: controller.signal });
    const e = await ollangError(h.client.createOrder(createRequest));
    expect(e).toMatchObject({ kind: 'aborted', ambiguous: false });
    expect(h.requests).toHaveLength(0);
  });

  it('aborts a retry sleep', async () => {
    const controller = new AbortController();
    const { transport, requests } = stubTransport([json(503, {})], { repeatLast: true });
    const client = new OllangClient({
      baseUrl: BASE_URL,
      apiKey: API_KEY,
      transport,
      signal: controller.signal,
      sleep: (_ms, signal) => {
        controller.abort(new Error('cancelled while sleeping'));
        return Promise.reject(signal?.reason);
      },
    });
    const e = await ollangError(client.getOrder(ORDER_ID));
    expect(e.kind).toBe('aborted');
    expect(e.message).toContain('while waiting to retry');
    expect(requests).toHaveLength(1);
  });

  it('takes a per-call signal on getOrder', async () => {
    const controller = new AbortController();
    controller.abort();
    const h = harness([json(200, orderBody())]);
    const e = await ollangError(h.client.getOrder(ORDER_ID, { signal: controller.signal }));
    expect(e.kind).toBe('aborted');
    expect(h.requests).toHaveLength(0);
    // The client itself is still usable.
    expect((await h.client.getOrder(ORDER_ID)).id).toBe(ORDER_ID);
  });

  it('tells a time-out from an abort', async () => {
    const h = harness([timeoutError()], { retry: { maxAttempts: 1 } });
    const e = await ollangError(h.client.getOrder(ORDER_ID));
    expect(e.kind).toBe('timeout');
    expect(e.message).toBe(`Get Order ${ORDER_ID}: no response within 30 s`);
  });
});

describe('request time-out, on the injected clock', () => {
  const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  it('an answer slower than the 30 s request time-out: gives up on it at 30 s, retries, completes', async () => {
    const timers = new FakeTimers(START);
    const { transport, requests } = stubTransport([{ hang: true }, json(200, orderBody())]);
    const sleeps: number[] = [];
    const client = new OllangClient({
      baseUrl: BASE_URL,
      apiKey: API_KEY,
      transport,
      clock: () => timers.now,
      setTimer: timers.setTimer,
      sleep: async (ms) => {
        sleeps.push(ms);
        timers.advance(ms);
      },
      random: () => 0.5,
    });
    const order = client.getOrder(ORDER_ID);
    await turn();
    expect(requests).toHaveLength(1);
    expect(timers.pending()).toMatchObject([{ ms: 30_000 }]);
    timers.advance(29_999);
    await turn();
    expect(requests[0]!.signal!.aborted).toBe(false);
    expect(requests).toHaveLength(1);
    timers.advance(1);
    expect((await order).id).toBe(ORDER_ID);
    expect(requests[0]!.signal!.reason).toMatchObject({ name: 'TimeoutError' });
    expect(requests).toHaveLength(2);
    // Retried after the backoff (half of the first 500 ms ceiling with random 0.5), not after the answer would have come.
    expect(sleeps).toEqual([250]);
    expect(timers.now - START).toBe(30_250);
    // The answered request's time-out was cancelled.
    expect(timers.pending()).toEqual([]);
  });

  it('takes requestTimeoutMs, and the time-out covers reading the body too', async () => {
    const timers = new FakeTimers(START);
    let readStarted = false;
    const { transport } = stubTransport([
      (request) => ({
        ...response(200),
        body: {
          read: () => Promise.reject(new Error('unused')),
          text: () =>
            new Promise<string>((_resolve, reject) => {
              readStarted = true;
              request.signal?.addEventListener('abort', () => reject(request.signal?.reason));
            }),
          cancel: () => undefined,
        },
      }),
    ]);
    const client = new OllangClient({
      baseUrl: BASE_URL,
      apiKey: API_KEY,
      transport,
      clock: () => timers.now,
      setTimer: timers.setTimer,
      requestTimeoutMs: 5_000,
      retry: { maxAttempts: 1 },
    });
    const pending = client.getOrder(ORDER_ID);
    await turn();
    expect(readStarted).toBe(true);
    timers.advance(5_000);
    const e = await ollangError(pending);
    expect(e).toMatchObject({ kind: 'timeout' });
    expect(e.message).toBe(`Get Order ${ORDER_ID}: no response within 5 s`);
  });
  it('a read in flight ends at its deadline, not 30 s later: its time-out is cut to the time left (at least 5 s)', async () => {
    const pendingTimeout = async (clientDeadline: number, call: (client: OllangClient) => Promise<unknown>): Promise<OllangError> => {
      const timers = new FakeTimers(START);
      const { transport, requests } = stubTransport([{ hang: true }], { repeatLast: true });
      const client = new OllangClient({
        baseUrl: BASE_URL,
        apiKey: API_KEY,
        transport,
        clock: () => timers.now,
        setTimer: timers.setTimer,
        sleep: async (ms) => timers.advance(ms),
        random: () => 0.5,
        // connect.ts's run client: the run's deadline, at least a minute after the start.
        deadline: () => clientDeadline,
      });
      const pending = ollangError(call(client));
      await turn();
      expect(requests).toHaveLength(1);
      timers.advance(Math.max(...timers.pending().map((t) => t.at)) - timers.now);
      const error = await pending;
      expect(requests).toHaveLength(1);
      return Object.assign(error, { endedAt: timers.now });
    };
    // A download's look-up for a fresh URL, 8 s before the download's deadline (`timeout: 8s`: the client's is a minute).
    let error = await pendingTimeout(START + 60_000, (client) => client.getOrder(ORDER_ID, { deadline: START + 8_000 }));
    expect(error).toMatchObject({ kind: 'timeout', endedAt: START + 8_000 });
    expect(error.message).toBe(`Get Order ${ORDER_ID}: no response within 8 s, cut short by the deadline`);
    // The last status checks at the run's deadline (`timeout: 10m`, so the client's deadline is now): 5 s, not 30 s.
    error = await pendingTimeout(START, (client) => client.getOrder(ORDER_ID, { deadline: START + 5_000 }));
    expect(error).toMatchObject({ kind: 'timeout', endedAt: START + 5_000 });
    error = await pendingTimeout(START, (client) => client.listOrders({}));
    expect(error).toMatchObject({ kind: 'timeout', endedAt: START + 5_000 });
  });

  it('Create Order always gets the whole time-out, whatever the deadline: one cut short would be a lost create', async () => {
    const timers = new FakeTimers(START);
    const { transport } = stubTransport([{ hang: true }]);
    const client = new OllangClient({
      baseUrl: BASE_URL,
      apiKey: API_KEY,
      transport,
      clock: () => timers.now,
      setTimer: timers.setTimer,
      deadline: () => START + 1_000,
    });
    const pending = ollangError(client.createOrder(createRequest));
    await turn();
    expect(timers.pending()).toMatchObject([{ ms: 30_000 }]);
    timers.advance(30_000);
    expect(await pending).toMatchObject({ kind: 'timeout', ambiguous: true });
  });
});

describe('listOrders', () => {
  it('sends paging both ways, the filters and the sort', async () => {
    const h = harness([json(200, pageBody(['a', 'b'], { page: 2, take: 10, itemCount: 12, pageCount: 2 }))]);
    const page = await h.client.listOrders({
      page: 2,
      take: 10,
      search: 'batman',
      orderBy: 'createdAt',
      orderDirection: 'desc',
      filter: {
        type: 'cc',
        name: 'Episode 1',
        createdAtFrom: '2024-01-01T00:00:00.000Z',
        createdAtTo: '2024-02-01T00:00:00.000Z',
        status: 'ongoing',
        projectId: 'proj_xyz789',
      },
    });
    expect(page.orders.map((o) => o.id)).toEqual(['a', 'b']);
    expect(page.meta).toEqual({ page: 2, take: 10, itemCount: 12, pageCount: 2, hasNextPage: false, hasPreviousPage: true });
    const params = Object.fromEntries(h.requests[0]?.url.searchParams ?? []);
    expect(h.requests[0]?.url.pathname).toBe('/integration/orders');
    expect(params).toEqual({
      page: '2',
      take: '10',
      'pageOptions[page]': '2',
      'pageOptions[take]': '10',
      search: 'batman',
      orderBy: 'createdAt',
      orderDirection: 'desc',
      'filter[type]': 'cc',
      'filter[name]': 'Episode 1',
      'filter[createdAtRange][from]': '2024-01-01T00:00:00.000Z',
      'filter[createdAtRange][to]': '2024-02-01T00:00:00.000Z',
      'filter[status]': 'ongoing',
      'filter[projectId]': 'proj_xyz789',
    });
  });

  it('asks for page 1 by default and leaves out what is unset', () => {
    expect(Object.fromEntries(new URLSearchParams(listQueryString({})))).toEqual({ page: '1', 'pageOptions[page]': '1' });
    expect(listQueryString({ filter: { type: '' } })).not.toContain('filter');
  });

  it('maps 401 and the generic envelope', async () => {
    const h = harness([UNAUTHORIZED]);
    const e = await ollangError(h.client.listOrders({ take: 50 }));
    expect(e.message).toBe('List Orders: 401 UNAUTHORIZED: Invalid or missing API key');
    const h2 = harness([
      json(400, { code: -1, error: 'UnknownError', message: 'unknown error', detail: 'take must not be greater than 50' }),
    ]);
    const e2 = await ollangError(h2.client.listOrders({ take: 51 }));
    expect(e2.apiMessage).toBe('take must not be greater than 50');
  });

  it('names the bad entry of a page', async () => {
    const body = pageBody(['a', 'b'], { page: 1, take: 10, itemCount: 2, pageCount: 1 });
    (body.data as Record<string, unknown>[])[1] = summary('b', { status: null });
    const h = harness([json(200, body)]);
    const e = await ollangError(h.client.listOrders({}));
    expect(e.message).toMatch(/^List Orders: unexpected response: data\[1\]\.status: /);
  });
});

describe('listAllOrders', () => {
  function threePages(): (request: RecordedRequest) => Scripted {
    return (request) => {
      const page = Number(request.url.searchParams.get('page'));
      const ids = { 1: ['a', 'b'], 2: ['c', 'd'], 3: ['e'] }[page] ?? [];
      return json(200, pageBody(ids, { page, take: 2, itemCount: 5, pageCount: 3 }));
    };
  }

  it('pages until hasNextPage is false', async () => {
    const h = harness(threePages());
    const seen: string[] = [];
    for await (const order of h.client.listAllOrders({ take: 2, filter: { projectId: 'p' } })) seen.push(order.id);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(h.requests.map((r) => r.url.searchParams.get('pageOptions[page]'))).toEqual(['1', '2', '3']);
    expect(h.requests.every((r) => r.url.searchParams.get('filter[projectId]') === 'p')).toBe(true);
    expect(h.requests.every((r) => r.url.searchParams.get('take') === '2')).toBe(true);
  });

  it('stops at maxPages', async () => {
    const h = harness(threePages());
    const seen: string[] = [];
    for await (const order of h.client.listAllOrders({ take: 2 }, { maxPages: 2 })) seen.push(order.id);
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    expect(h.requests).toHaveLength(2);
  });

  it('asks for 50 a page by default, and stops on an empty page that claims more', async () => {
    const h = harness([
      json(200, {
        data: [summary('a')],
        meta: { page: 1, take: 50, itemCount: 99, pageCount: 9, hasNextPage: true, hasPreviousPage: false },
      }),
      json(200, { data: [], meta: { page: 2, take: 50, itemCount: 99, pageCount: 9, hasNextPage: true, hasPreviousPage: true } }),
    ]);
    const seen: string[] = [];
    for await (const order of h.client.listAllOrders({})) seen.push(order.id);
    expect(seen).toEqual(['a']);
    expect(h.requests[0]?.url.searchParams.get('take')).toBe('50');
    expect(h.requests).toHaveLength(2);
  });

  it('retries a page and propagates a final failure', async () => {
    const h = harness([json(200, pageBody(['a'], { page: 1, take: 1, itemCount: 2, pageCount: 2 })), json(503, {}), UNAUTHORIZED]);
    const seen: string[] = [];
    const e = await ollangError(
      (async () => {
        for await (const order of h.client.listAllOrders({ take: 1 })) seen.push(order.id);
      })(),
    );
    expect(seen).toEqual(['a']);
    expect(e.status).toBe(401);
    expect(h.requests).toHaveLength(3);
  });
});

describe('cancelOrder', () => {
  it('204 with an empty body is cancelled', async () => {
    const h = harness([{ status: 204 }]);
    expect(await h.client.cancelOrder(ORDER_ID)).toBe('cancelled');
    expect(h.requests[0]?.method).toBe('POST');
    expect(h.requests[0]?.path).toBe(`/integration/orders/cancel/${ORDER_ID}`);
    expect(h.requests[0]?.headers['x-api-key']).toBe(API_KEY);
  });

  it('a 200 with a body is cancelled too', async () => {
    const h = harness([json(200, { ok: true })]);
    expect(await h.client.cancelOrder(ORDER_ID)).toBe('cancelled');
  });

  it('409 ORDER_ALREADY_CANCELLED is already-cancelled', async () => {
    const h = harness([apiError(409, 'ORDER_ALREADY_CANCELLED', 'Order already cancelled', 'This order has already been cancelled')]);
    expect(await h.client.cancelOrder(ORDER_ID)).toBe('already-cancelled');
    expect(h.requests).toHaveLength(1);
  });

  it('a 409 with another code is an error', async () => {
    const h = harness([apiError(409, 'SOMETHING_ELSE', 'Conflict', 'Busy')]);
    const e = await ollangError(h.client.cancelOrder(ORDER_ID));
    expect(e).toMatchObject({ status: 409, code: 'SOMETHING_ELSE' });
  });

  it.each([
    [404, 'ORDER_NOT_FOUND', 'Order not found', 'No order found with the provided orderId'],
    [400, 'ORDER_NOT_CANCELLABLE', 'Cannot cancel order', 'Order cannot be cancelled because it is already in progress or completed'],
    [403, 'ACCESS_DENIED', 'Access denied', "You don't have permission to cancel this order"],
    [401, 'UNAUTHORIZED', 'Unauthorized', 'Invalid or missing API key'],
  ])('maps %s %s without retrying', async (status, code, error, message) => {
    const h = harness([apiError(status, code, error, message)], { repeatLast: true });
    const e = await ollangError(h.client.cancelOrder(ORDER_ID));
    expect(e).toMatchObject({ kind: 'http', status, code, apiMessage: message, endpoint: 'Cancel Order', orderId: ORDER_ID });
    expect(e.message).toBe(`Cancel Order ${ORDER_ID}: ${status} ${code}: ${message}`);
    expect(h.requests).toHaveLength(1);
  });

  it('calls a 5xx after retries ambiguous', async () => {
    const h = harness([json(500, {})], { repeatLast: true, retry: { maxAttempts: 2 } });
    const e = await ollangError(h.client.cancelOrder(ORDER_ID));
    expect(e).toMatchObject({ status: 500, ambiguous: true });
    expect(h.requests).toHaveLength(2);
  });
});

describe('cancelHumanReview', () => {
  it('returns the API answer', async () => {
    const h = harness([
      json(200, {
        success: true,
        message: 'Human Review has been cancelled and credits have been refunded.',
        orderId: ORDER_ID,
      }),
    ]);
    expect(await h.client.cancelHumanReview(ORDER_ID)).toEqual({
      success: true,
      message: 'Human Review has been cancelled and credits have been refunded.',
      orderId: ORDER_ID,
    });
    expect(h.requests[0]?.method).toBe('POST');
    expect(h.requests[0]?.path).toBe(`/integration/orders/${ORDER_ID}/cancel-human-review`);
  });

  it('treats 204 / an empty body as success', async () => {
    const h = harness([{ status: 204 }]);
    expect(await h.client.cancelHumanReview(ORDER_ID)).toEqual({ success: true });
  });

  it.each([
    [400, 'HUMAN_REVIEW_NOT_CANCELLABLE', 'Bad Request', 'Only level 1 orders in ongoing status can be cancelled'],
    [404, 'ORDER_NOT_FOUND', 'Order not found', 'No order found with the provided orderId'],
    [401, 'UNAUTHORIZED', 'Unauthorized', 'Invalid or missing API key'],
  ])('maps %s %s without retrying', async (status, code, error, message) => {
    const h = harness([apiError(status, code, error, message)], { repeatLast: true });
    const e = await ollangError(h.client.cancelHumanReview(ORDER_ID));
    expect(e).toMatchObject({ kind: 'http', status, code, apiMessage: message, endpoint: 'Cancel Human Review' });
    expect(h.requests).toHaveLength(1);
  });

  it('retries 503', async () => {
    const h = harness([json(503, {}), json(200, { success: true })]);
    expect(await h.client.cancelHumanReview(ORDER_ID)).toEqual({ success: true });
    expect(h.requests).toHaveLength(2);
  });
});

describe('the API key never leaks', () => {
  const echo = `Invalid key ${API_KEY} (header X-Api-Key: ${API_KEY})`;
  const scenarios: [string, Scripted, (c: OllangClient) => Promise<unknown>][] = [
    ['401 echoing the key', json(401, { message: echo, code: 'UNAUTHORIZED' }), (c) => c.getOrder(ORDER_ID)],
    ['detail echoing the key', json(400, { code: -1, detail: echo }), (c) => c.createOrder(createRequest)],
    ['plain text echoing the key', json(403, echo), (c) => c.cancelOrder(ORDER_ID)],
    ['status text', { status: 500, statusText: `Oops ${API_KEY}` }, (c) => c.cancelHumanReview(ORDER_ID)],
    ['network error echoing the key', networkError('ECONNRESET', `reset while sending ${API_KEY}`), (c) => c.listOrders({})],
    ['time-out', timeoutError(), (c) => c.createOrder(createRequest)],
    ['schema error', json(200, { id: API_KEY }), (c) => c.getOrder(ORDER_ID)],
    ['bad JSON', json(200, `{"id": "${API_KEY}"`), (c) => c.getOrder(ORDER_ID)],
  ];

  it.each(scenarios)('%s', async (_name, step, call) => {
    const h = harness([step], { repeatLast: true, retry: { maxAttempts: 2 } });
    const e = await ollangError(call(h.client));
    const texts = [e.message, String(e), e.stack ?? '', JSON.stringify(e), e.apiMessage ?? '', e.code ?? ''];
    let cause: unknown = e.cause;
    while (cause instanceof Error) {
      texts.push(cause.message, cause.stack ?? '');
      cause = cause.cause;
    }
    for (const text of texts) {
      expect(text).not.toContain(API_KEY);
      expect(text.toLowerCase()).not.toContain('x-api-key: sk');
    }
  });
});
