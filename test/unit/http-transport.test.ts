/**
 * The HTTP transport the action ships (nodeTransport), against real servers on loopback: the
 * API's requests, streamed downloads, and streamed uploads with early answers and aborts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTransport, nodeTransport, TransportError, type HttpResponse, type StreamedBody } from '../../src/http/transport.ts';
import { ResponseError } from '../../src/http/response-parser.ts';
import { OllangClient } from '../../src/ollang/client.ts';
import { OllangError } from '../../src/ollang/errors.ts';
import { OllangSimulator } from '../simulator/index.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function listen(server: net.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        (server as http.Server).closeAllConnections?.();
        server.close(() => resolve());
      }),
  );
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An http server; returns its base URL and what it saw. */
async function httpServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void,
): Promise<{ base: string; seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: Buffer }[] }> {
  const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      handler(req, res, body);
    });
  });
  return { base: `http://${await listen(server)}`, seen };
}

/** A raw TCP server, for answers no well-behaved server library would send. */
async function rawServer(onConnection: (socket: net.Socket) => void): Promise<string> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  closers.push(async () => {
    for (const s of sockets) s.destroy();
  });
  return `http://${await listen(server)}`;
}

function get(url: string, init: { signal?: AbortSignal } = {}): Promise<HttpResponse> {
  return nodeTransport({ method: 'GET', url: new URL(url), ...init });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** A streamed body of `length` bytes in 64 KiB chunks, recording how far it was pulled and whether it was closed. */
function generated(length: number, onChunk?: (produced: number) => void): StreamedBody & { produced: number; closed: boolean } {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const body = {
    length,
    produced: 0,
    closed: false,
    async *open(): AsyncGenerator<Uint8Array> {
      try {
        while (body.produced < length) {
          const size = Math.min(chunk.length, length - body.produced);
          body.produced += size;
          onChunk?.(body.produced);
          // A fresh buffer each time: the transport may hold it until the socket has sent it.
          yield Buffer.from(chunk.subarray(0, size));
        }
      } finally {
        body.closed = true;
      }
    },
  };
  return body;
}

/** Reads a request head from a raw socket; resolves with how many body bytes came with it. */
function readHead(socket: net.Socket): Promise<{ head: string; bodyBytes: number }> {
  return new Promise((resolve) => {
    let seen = Buffer.alloc(0);
    const onData = (data: Buffer): void => {
      seen = Buffer.concat([seen, data]);
      const end = seen.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onData);
      resolve({ head: seen.subarray(0, end).toString('latin1'), bodyBytes: seen.length - end - 4 });
    };
    socket.on('data', onData);
  });
}

describe('nodeTransport: requests and answers', () => {
  it('sends method, headers and a string body with Content-Length (never chunked); reads status, reason, headers and text', async () => {
    const { base, seen } = await httpServer((_req, res) =>
      res.writeHead(201, 'Created', { 'content-type': 'application/json', 'retry-after': '7' }).end('{"ok":"é"}'),
    );
    const body = JSON.stringify({ a: 'é' });
    const response = await nodeTransport({ method: 'POST', url: new URL(`${base}/json?x=1#frag`), headers: { 'X-Api-Key': 'k' }, body });
    expect(response).toMatchObject({ status: 201, statusText: 'Created' });
    expect(response.header('Retry-After')).toBe('7');
    expect(await response.body.text()).toBe('{"ok":"é"}');
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', url: '/json?x=1' });
    expect(request.body.toString()).toBe(body);
    expect(request.headers['x-api-key']).toBe('k');
    expect(request.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(request.headers['transfer-encoding']).toBeUndefined();
    expect(request.headers.connection).toBe('close');
  });

  it('says Content-Length: 0 on a POST without a body, and nothing on a GET', async () => {
    const { base, seen } = await httpServer((_req, res) => res.writeHead(204).end());
    await (await nodeTransport({ method: 'POST', url: new URL(`${base}/cancel`) })).body.text();
    await (await get(`${base}/get`)).body.text();
    expect(seen[0]!.headers['content-length']).toBe('0');
    expect(seen[1]!.headers['content-length']).toBeUndefined();
  });

  it('never follows a redirect', async () => {
    const { base, seen } = await httpServer((_req, res) => res.writeHead(302, { location: '/elsewhere' }).end());
    const response = await get(`${base}/redirect`);
    expect(response.status).toBe(302);
    expect(response.header('location')).toBe('/elsewhere');
    await response.body.text();
    expect(seen).toHaveLength(1);
  });

  it('reads a chunked body and a body that ends with the connection', async () => {
    const { base } = await httpServer((_req, res) => {
      res.writeHead(200);
      res.write('first ');
      setTimeout(() => res.end('second'), 10);
    });
    const chunked = await get(base);
    expect(chunked.length).toBeUndefined();
    expect(await chunked.body.text()).toBe('first second');
    const raw = await rawServer((socket) => socket.end('HTTP/1.0 200 OK\r\n\r\nuntil the close'));
    expect(await (await get(raw)).body.text()).toBe('until the close');
  });

  it('fails with the socket error and its code when nothing listens', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await rejection(get(`http://127.0.0.1:${port}/`))).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('a body cut short of its Content-Length rejects (never a shorter text); so does a malformed answer', async () => {
    const cut = await rawServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial');
      setTimeout(() => socket.destroy(), 20);
    });
    const response = await get(cut);
    const error = await rejection(response.body.text());
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ code: 'ERR_HTTP_CUT_SHORT' });

    const garbage = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab'));
    expect(await rejection(get(garbage))).toMatchObject({ code: 'ERR_HTTP_RESPONSE' });
    const nothing = await rawServer((socket) => socket.end());
    expect(await rejection(get(nothing))).toMatchObject({ code: 'ERR_HTTP_CUT_SHORT' });
  });

  it('an answer whose Content-Length is shorter than what came, or framed both chunked and by length, rejects (never a shorter or longer text)', async () => {
    const short = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA'));
    const response = await get(short);
    expect(response.length).toBe(2);
    expect(await rejection(response.body.text())).toMatchObject({ code: 'ERR_HTTP_RESPONSE', message: /after the end of the response/ });
    const both = await rawServer((socket) =>
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n'),
    );
    expect(await rejection(get(both))).toMatchObject({ code: 'ERR_HTTP_RESPONSE', message: /both Transfer-Encoding and Content-Length/ });
  });

  it('refuses, before connecting, a URL that is not http(s), a header it owns, and a line break in a header', async () => {
    let connections = 0;
    const base = await rawServer(() => connections++);
    const attempts = [
      nodeTransport({ method: 'GET', url: new URL('file:///etc/passwd') }),
      nodeTransport({ method: 'GET', url: new URL(base), headers: { 'Content-Length': '5' } }),
      nodeTransport({ method: 'GET', url: new URL(base), headers: { 'X-A': 'a\r\nX-Injected: 1' } }),
      nodeTransport({ method: 'GET /x', url: new URL(base) }),
    ];
    for (const attempt of attempts) expect(await rejection(attempt)).toBeInstanceOf(TransportError);
    expect(connections).toBe(0);
  });

  it('refuses, before connecting, a header value node:http refuses: above U+00FF only the low byte would be sent (U+010D U+010A as CR LF), and other controls; latin1 and tab go as they are', async () => {
    let connections = 0;
    const raw = await rawServer((socket) => {
      connections++;
      socket.end('HTTP/1.1 204 No Content\r\n\r\n');
    });
    for (const value of ['key\u010d\u010aX-Injected: yes', 'caf\u00e9\u2013key', 'a\u0001b', 'a\u007fb', 'a\u0100b']) {
      const error = await rejection(nodeTransport({ method: 'GET', url: new URL(raw), headers: { 'X-Api-Key': value } }));
      expect(error, JSON.stringify(value)).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({ code: 'ERR_HTTP_REQUEST', message: expect.stringMatching(/X-Api-Key/) });
    }
    expect(connections).toBe(0);

    const { base, seen } = await httpServer((_req, res) => res.end('ok'));
    await (await nodeTransport({ method: 'GET', url: new URL(base), headers: { 'X-A': 'caf\u00e9\tkey ~' } })).body.text();
    expect(seen[0]!.headers['x-a']).toBe('caf\u00e9\tkey ~');
    expect(seen[0]!.headers['x-injected']).toBeUndefined();
  });

  it('limits text() to the size asked for', async () => {
    const { base } = await httpServer((_req, res) => res.end('x'.repeat(1000)));
    const error = await rejection((await get(base)).body.text(100));
    expect(error).toMatchObject({ code: 'ERR_HTTP_BODY_TOO_LARGE' });
  });

  it('speaks https, verifying the certificate', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'transport-tls-'));
    try {
      try {
        execFileSync(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'rsa:2048',
            '-nodes',
            '-days',
            '2',
            '-subj',
            '/CN=localhost',
            '-addext',
            'subjectAltName=DNS:localhost',
            '-keyout',
            path.join(dir, 'key.pem'),
            '-out',
            path.join(dir, 'cert.pem'),
          ],
          { stdio: 'ignore' },
        );
      } catch {
        return; // no openssl on this machine: nothing to check the TLS path with
      }
      const cert = readFileSync(path.join(dir, 'cert.pem'));
      const server = https.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert }, (_req, res) => res.end('over tls'));
      const port = (await listen(server)).split(':')[1];
      const url = new URL(`https://localhost:${port}/`);
      const response = await createTransport({ ca: cert })({ method: 'GET', url });
      expect(await response.body.text()).toBe('over tls');
      // The shipped transport trusts only the system's certificates: a self-signed one is refused.
      expect(await rejection(nodeTransport({ method: 'GET', url }))).toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('nodeTransport: reading a body piece by piece', () => {
  it('hands over every byte in order; a reader that returns a promise pauses the reading', async () => {
    const total = 8 * 1024 * 1024;
    const content = Buffer.alloc(total);
    for (let i = 0; i < total; i += 4) content.writeUInt32LE(i, i);
    const { base } = await httpServer((_req, res) => res.writeHead(200, { 'content-length': String(total) }).end(content));
    const response = await get(base);
    const hash = createHash('sha256');
    let received = 0;
    let pauses = 0;
    await response.body.read((chunk) => {
      hash.update(chunk);
      received += chunk.length;
      if (received % 7 === 0 || pauses < 20) {
        pauses++;
        return new Promise((resolve) => setTimeout(resolve, 1));
      }
    });
    expect(received).toBe(total);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('a reader that throws ends the exchange with its error and closes the connection', async () => {
    let closed = false;
    const base = await rawServer((socket) => {
      socket.on('close', () => (closed = true));
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n');
      const timer = setInterval(() => socket.write(Buffer.alloc(1000)), 5);
      socket.on('close', () => clearInterval(timer));
    });
    const refused = new Error('too large');
    const response = await get(base);
    expect(
      await rejection(
        response.body.read(() => {
          throw refused;
        }),
      ),
    ).toBe(refused);
    await expect.poll(() => closed).toBe(true);
  });

  it('abort: before sending, while waiting for the answer, and while reading the body, with the signal reason', async () => {
    const stop = new Error('stopped');
    const already = new AbortController();
    already.abort(stop);
    let connections = 0;
    const hang = await rawServer((socket) => {
      connections++;
      void readHead(socket).then(() => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'));
    });
    expect(await rejection(get(hang, { signal: already.signal }))).toBe(stop);
    expect(connections).toBe(0);

    const silent = await rawServer(() => undefined);
    const waiting = new AbortController();
    setTimeout(() => waiting.abort(stop), 30);
    expect(await rejection(get(silent, { signal: waiting.signal }))).toBe(stop);

    const reading = new AbortController();
    const response = await get(hang, { signal: reading.signal });
    setTimeout(() => reading.abort(stop), 30);
    expect(await rejection(response.body.text())).toBe(stop);
  });
});

describe('nodeTransport: streamed request bodies (uploads)', () => {
  it('sends exactly `length` bytes with that Content-Length, reports progress, and reads no further ahead than the socket takes', async () => {
    const length = 48 * 1024 * 1024 + 123;
    let received = 0;
    let head = '';
    const base = await rawServer((socket) => {
      let buffered = Buffer.alloc(0);
      // A slow reader: takes a MiB, then waits a little.
      let sinceBreak = 0;
      socket.on('data', (data: Buffer) => {
        if (!head) {
          buffered = Buffer.concat([buffered, data]);
          const end = buffered.indexOf('\r\n\r\n');
          if (end === -1) return;
          head = buffered.subarray(0, end).toString('latin1');
          data = buffered.subarray(end + 4);
        }
        received += data.length;
        sinceBreak += data.length;
        if (sinceBreak > 1024 * 1024) {
          sinceBreak = 0;
          socket.pause();
          setTimeout(() => socket.resume(), 2);
        }
        if (received === length) socket.end('HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok');
      });
    });
    let ahead = 0;
    const progress: number[] = [];
    const body = generated(length, (produced) => (ahead = Math.max(ahead, produced - received)));
    body.onProgress = (sent, total) => {
      expect(total).toBe(length);
      progress.push(sent);
    };
    const response = await nodeTransport({ method: 'POST', url: new URL(`${base}/upload`), body });
    expect(response.status).toBe(201);
    expect(await response.body.text()).toBe('ok');
    expect(received).toBe(length);
    expect(head).toMatch(new RegExp(`\r\nContent-Length: ${length}\r\n`));
    expect(head).not.toMatch(/transfer-encoding/i);
    expect(progress.at(-1)).toBe(length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Memory stays bounded: the source is pulled only as fast as the socket drains (kernel buffers aside).
    expect(ahead).toBeLessThan(16 * 1024 * 1024);
  });

  it('a body stream shorter or longer than its length fails the request', async () => {
    const base = await rawServer((socket) => socket.resume());
    for (const [length, actual] of [
      [1000, 500],
      [1000, 70_000],
    ] as const) {
      const body = generated(actual);
      body.length = length;
      expect(await rejection(nodeTransport({ method: 'POST', url: new URL(base), body }))).toMatchObject({ code: 'ERR_HTTP_BODY_LENGTH' });
    }
  });

  it('an early answer (413) while the body is still being written: returned at once, the rest not sent', async () => {
    const length = 256 * 1024 * 1024;
    const base = await rawServer((socket) => {
      void readHead(socket).then(() => {
        // Take nothing more: the client's writes back up, as a server refusing an upload makes them.
        socket.pause();
        socket.write(
          'HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nContent-Length: 22\r\n\r\n{"message":"too large"}'.slice(
            0,
            -1,
          ),
        );
      });
    });
    const body = generated(length);
    const response = await nodeTransport({ method: 'POST', url: new URL(`${base}/upload`), body });
    expect(response.status).toBe(413);
    expect(await response.body.text()).toBe('{"message":"too large"');
    await expect.poll(() => body.closed).toBe(true);
    expect(body.produced).toBeLessThan(64 * 1024 * 1024);
  });

  it('an answer followed by a reset while the body is still being sent (ECONNRESET / EPIPE): the answer is returned', async () => {
    const base = await rawServer((socket) => {
      void readHead(socket).then(() => {
        socket.pause();
        // Answer, then close with the client's bytes unread: the kernel resets the connection.
        setTimeout(() => {
          socket.write('HTTP/1.1 401 Unauthorized\r\nContent-Length: 12\r\n\r\nInvalid key!');
          setImmediate(() => socket.destroy());
        }, 50);
      });
    });
    const body = generated(256 * 1024 * 1024);
    const response = await nodeTransport({ method: 'POST', url: new URL(`${base}/upload`), body });
    expect(response.status).toBe(401);
    expect(await response.body.text()).toBe('Invalid key!');
    await expect.poll(() => body.closed).toBe(true);

    // The reset cuts the answer's own body: the status still counts; its text is an error, never a shorter one.
    const cut = await rawServer((socket) => {
      void readHead(socket).then(() => {
        socket.pause();
        setTimeout(() => {
          socket.write('HTTP/1.1 413 Payload Too Large\r\nContent-Length: 100\r\n\r\npartial');
          setTimeout(() => socket.destroy(), 20);
        }, 50);
      });
    });
    const second = generated(256 * 1024 * 1024);
    const answered = await nodeTransport({ method: 'POST', url: new URL(`${cut}/upload`), body: second });
    expect(answered.status).toBe(413);
    expect(await rejection(answered.body.text())).toMatchObject({ code: expect.stringMatching(/ECONNRESET|EPIPE|ERR_HTTP_CUT_SHORT/) });
    await expect.poll(() => second.closed).toBe(true);
  });

  it('abort mid-body: rejects at once with the reason, closes the source and the connection', async () => {
    let serverClosed = false;
    let received = 0;
    let gotSomeBytes!: () => void;
    const gotSome = new Promise<void>((resolve) => (gotSomeBytes = resolve));
    let serverSocket: net.Socket | undefined;
    const base = await rawServer((socket) => {
      serverSocket = socket;
      socket.on('close', () => (serverClosed = true));
      socket.on('data', (data: Buffer) => {
        received += data.length;
        if (received > 1024 * 1024 && received - data.length <= 1024 * 1024) {
          socket.pause();
          gotSomeBytes();
        }
      });
    });
    const controller = new AbortController();
    const body = generated(256 * 1024 * 1024);
    const pending = nodeTransport({ method: 'POST', url: new URL(`${base}/upload`), body, signal: controller.signal });
    await gotSome;
    const reason = new Error('cancelled by the run');
    const abortedAt = performance.now();
    controller.abort(reason);
    expect(await rejection(pending)).toBe(reason);
    expect(performance.now() - abortedAt).toBeLessThan(500);
    await expect.poll(() => body.closed).toBe(true);
    // (A paused socket sees the close only once it reads again.)
    serverSocket!.resume();
    await expect.poll(() => serverClosed).toBe(true);
    expect(body.produced).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('OllangClient over nodeTransport', () => {
  let simulator: OllangSimulator;
  beforeAll(async () => {
    // Slow lifecycles: the order is still cancellable however loaded the machine is.
    simulator = await OllangSimulator.start({ lifecycle: { pendingMs: 60_000 } });
  });
  afterAll(() => simulator.close());

  it('creates, reads, lists and cancels against the simulator, with Content-Length on the create', async () => {
    const client = new OllangClient({ baseUrl: simulator.url, apiKey: simulator.apiKey, transport: nodeTransport });
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
    const client = new OllangClient({ baseUrl: simulator.url, apiKey: 'wrong-key-123', transport: nodeTransport });
    const before = simulator.requests.length;
    const error = await client.getOrder('60b8d6f1e1b9b1d8c6c0d8e1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OllangError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(simulator.requests.length - before).toBe(1);
  });
});
