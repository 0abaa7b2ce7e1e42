/**
 * The one HTTP transport: the Ollang API, the downloads and the media uploads all go through it.
 * HTTP/1.1 over node:net / node:tls, one request per connection (`Connection: close`).
 *
 * What callers get, and all they get:
 * - a request: method, http(s) URL, headers, a body (a string, bytes, or a stream whose length
 *   is known: always sent with Content-Length, never chunked), an abort signal;
 * - a response: status, headers, the length its body is framed by, and the body read whole as
 *   text or piece by piece (an answer framed ambiguously, or followed by more bytes, is an error);
 * - redirects are never followed: the API key must not travel (downloads follow theirs by hand);
 * - an answer that arrives while the body is still being sent (413, 401 to an upload) stops the
 *   sending and is returned, also when the connection then breaks (EPIPE, ECONNRESET);
 * - abort: the connection is destroyed at once; the request, or the body being read, rejects
 *   with the signal's reason. No time-outs of its own: callers abort.
 *
 * Why not fetch or node:http (docs/benchmarks.md): both allocate a fresh buffer for every socket
 * read, and node:http copies each body piece once more. A 1 GiB download made 16 000 short-lived
 * 64 KiB buffers, a second of CPU and 60-100 MiB of garbage waiting for V8's next collection.
 * Here each connection reads into one buffer (net's `onread`), and the body is handed on as views
 * of it: a reader copies what it keeps.
 */
import net from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { ResponseParser, type ResponseHead } from './response-parser.ts';

export { ResponseError } from './response-parser.ts';

export interface HttpRequest {
  method: string;
  /** http: or https:. Its fragment is never sent. */
  url: URL;
  /** Host, Connection, Content-Length and Transfer-Encoding are the transport's own. */
  headers?: Readonly<Record<string, string>>;
  body?: string | Uint8Array | StreamedBody;
  signal?: AbortSignal;
}

/** A request body streamed as it is sent (a file upload): memory stays bounded at any length. */
export interface StreamedBody {
  /** Sent as Content-Length. A stream that yields more or fewer bytes fails the request. */
  length: number;
  /**
   * Opens the bytes from the start. A chunk must not be changed once yielded, until `release`
   * hands it back (without `release`: never).
   */
  open(): AsyncIterable<Uint8Array>;
  /** Called with each chunk once the connection is done with it (written out, or failed): its memory may be used again. */
  release?(chunk: Uint8Array): void;
  /** After each chunk is handed to the connection. */
  onProgress?(sentBytes: number, length: number): void;
}

export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  /** One header (name in any case); repeated fields joined with ", ". */
  header(name: string): string | undefined;
  /**
   * The body's length as the response is framed (response-parser.ts): its Content-Length, 0 when
   * it has no body; absent when chunked or read to the close. The body read delivers exactly this.
   */
  readonly length?: number;
  readonly body: ResponseBody;
}

export interface ResponseBody {
  /**
   * Hands each piece of the body to `onChunk` as it arrives: a view of the connection's read
   * buffer, valid only during the call. A promise returned pauses reading until it settles;
   * a throw (or rejection) ends the exchange with that error. Resolves once the whole body has
   * been handed on; rejects when the body is cut short or the request aborted.
   */
  read(onChunk: (chunk: Buffer) => void | Promise<void>): Promise<void>;
  /** The whole body as UTF-8 text; rejects when it is longer than `maxBytes` (default 32 MiB). */
  text(maxBytes?: number): Promise<string>;
  /** Closes the connection without reading (more of) the body. */
  cancel(): void;
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/** A request that cannot be sent as asked, or a streamed body whose length was not what it said. */
export class TransportError extends Error {
  readonly code: 'ERR_HTTP_REQUEST' | 'ERR_HTTP_BODY_LENGTH' | 'ERR_HTTP_BODY_TOO_LARGE';
  constructor(message: string, code: TransportError['code']) {
    super(message);
    this.name = 'TransportError';
    this.code = code;
  }
}

export interface TransportOptions {
  /** Extra trusted certificates for https (tests); the runner's own come from NODE_EXTRA_CA_CERTS. */
  ca?: string | Buffer;
}

/** The transport the action ships with. */
export const nodeTransport: Transport = createTransport();

export function createTransport(options: TransportOptions = {}): Transport {
  return (request) => new Exchange(request, options).response;
}

const READ_BUFFER_BYTES = 64 * 1024;
const DEFAULT_TEXT_LIMIT = 32 * 1024 * 1024;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * What a header value may hold (node:http's rule): tab, visible ASCII and space, and U+0080-U+00FF.
 * The head goes out as latin1, one byte per character: anything above U+00FF would lose its high
 * byte (U+010D U+010A would reach the wire as CR LF), and CR, LF, NUL and other controls are not sent.
 */
const INVALID_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
const OWN_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding']);

/** One request and its response, on a connection of its own. */
class Exchange {
  readonly response: Promise<HttpResponse>;
  readonly #request: HttpRequest;
  readonly #parser: ResponseParser;
  #resolve!: (response: HttpResponse) => void;
  #reject!: (error: unknown) => void;
  #socket: net.Socket | undefined;
  #head: ResponseHead | undefined;
  /** Why the exchange ended early (abort, connection error, a reader's throw). */
  #error: unknown;
  #ended = false;

  // The body reader.
  #onChunk: ((chunk: Buffer) => void | Promise<void>) | undefined;
  #readSettle: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  /** The body read has resolved or rejected. */
  #readSettled = false;
  /** Copies of body pieces that came while no reader was ready (the read buffer is reused). */
  readonly #queue: Buffer[] = [];
  /** The reader's last onChunk returned a promise that has not settled. */
  #readerBusy = false;
  /** Reading from the socket is paused until the reader catches up. */
  #paused = false;

  constructor(request: HttpRequest, options: TransportOptions) {
    this.#request = request;
    this.response = new Promise<HttpResponse>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.#parser = new ResponseParser(request.method, {
      onHead: (head) => this.#onHead(head),
      onBody: (chunk) => this.#deliver(chunk),
      onEnd: () => this.#onBodyEnd(),
    });
    this.#start(options).catch((error: unknown) => this.#fail(error));
  }

  async #start(options: TransportOptions): Promise<void> {
    const { url, signal } = this.#request;
    const head = requestHead(this.#request);
    signal?.throwIfAborted();
    signal?.addEventListener('abort', this.#onAbort, { once: true });
    const buffer = Buffer.allocUnsafeSlow(READ_BUFFER_BYTES);
    const onread = { buffer, callback: (count: number): boolean => this.#onRead(buffer, count) };
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    let socket: net.Socket;
    if (url.protocol === 'https:') {
      // TLS is loaded only for https (the real API and file hosts; tests and the simulator speak http).
      const tls = await import('node:tls');
      if (this.#ended) return;
      const tlsOptions: ConnectionOptions & { onread: typeof onread } = { host, port, ALPNProtocols: ['http/1.1'], onread };
      if (net.isIP(host) === 0) tlsOptions.servername = host;
      if (options.ca !== undefined) tlsOptions.ca = options.ca;
      socket = tls.connect(tlsOptions);
      socket.once('secureConnect', () => this.#send(socket, head));
    } else {
      socket = net.connect({ host, port, onread });
      socket.once('connect', () => this.#send(socket, head));
    }
    this.#socket = socket;
    socket.setNoDelay(true);
    socket.on('error', (error) => this.#fail(error));
    socket.on('end', () => this.#onConnectionEnd());
    socket.on('close', () => this.#onConnectionEnd());
  }

  /** The read callback: parse what came; returning false pauses reading. */
  #onRead(buffer: Buffer, count: number): boolean {
    try {
      this.#parser.push(buffer.subarray(0, count));
    } catch (error) {
      this.#fail(error);
      return false;
    }
    if (this.#ended || this.#parser.done) return true;
    // The head is in but nobody reads the body yet, or the reader is busy: wait for it.
    this.#paused = this.#head !== undefined && (this.#onChunk === undefined || this.#readerBusy);
    return !this.#paused;
  }

  #send(socket: net.Socket, head: string): void {
    const body = this.#request.body;
    if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) {
      const bytes = body === undefined ? [] : [typeof body === 'string' ? Buffer.from(body, 'utf8') : body];
      socket.write(Buffer.concat([Buffer.from(head, 'latin1'), ...bytes]));
      return;
    }
    socket.write(head, 'latin1');
    this.#sendStream(socket, body).catch((error: unknown) => {
      // Once an answer is in, the rest of the body no longer matters.
      if (this.#head === undefined) this.#fail(error);
    });
  }

  async #sendStream(socket: net.Socket, body: StreamedBody): Promise<void> {
    let sent = 0;
    for await (const chunk of body.open()) {
      // An answer (or a failure) ends the sending; leaving the loop closes the source.
      if (this.#head !== undefined || this.#ended) return;
      sent += chunk.byteLength;
      if (sent > body.length)
        throw new TransportError(`the request body is longer than its announced ${body.length} bytes`, 'ERR_HTTP_BODY_LENGTH');
      const written = body.release === undefined ? socket.write(chunk) : socket.write(chunk, () => body.release?.(chunk));
      if (!written) await drained(socket);
      body.onProgress?.(sent, body.length);
    }
    if (sent !== body.length && this.#head === undefined && !this.#ended)
      throw new TransportError(`the request body ended after ${sent} of its announced ${body.length} bytes`, 'ERR_HTTP_BODY_LENGTH');
  }

  #onHead(head: ResponseHead): void {
    this.#head = head;
    const body: ResponseBody = {
      read: (onChunk) => this.#read(onChunk),
      text: (maxBytes) => readText(body, maxBytes ?? DEFAULT_TEXT_LIMIT),
      cancel: () => this.#stop(new Error('the response body was not read')),
    };
    this.#resolve({
      status: head.status,
      statusText: head.statusText,
      header: (name) => head.headers.get(name.toLowerCase()),
      ...(head.length !== undefined ? { length: head.length } : {}),
      body,
    });
  }

  #read(onChunk: (chunk: Buffer) => void | Promise<void>): Promise<void> {
    if (this.#onChunk !== undefined) return Promise.reject(new Error('the response body is already being read'));
    this.#onChunk = onChunk;
    return new Promise<void>((resolve, reject) => {
      this.#readSettle = { resolve, reject };
      this.#pump();
    });
  }

  /** A piece of the body from the parser: to the reader now, or a copy queued for it. */
  #deliver(chunk: Buffer): void {
    if (this.#onChunk !== undefined && !this.#readerBusy && this.#queue.length === 0 && this.#error === undefined) this.#hand(chunk);
    else this.#queue.push(Buffer.from(chunk));
  }

  #hand(chunk: Buffer): void {
    let result: void | Promise<void>;
    try {
      result = this.#onChunk!(chunk);
    } catch (error) {
      return this.#stop(error);
    }
    if (result === undefined) return;
    this.#readerBusy = true;
    result.then(
      () => {
        this.#readerBusy = false;
        this.#pump();
      },
      (error: unknown) => this.#stop(error),
    );
  }

  /** Hands queued pieces to the reader while it keeps up; then reads on, or ends the read. */
  #pump(): void {
    if (this.#onChunk === undefined) return;
    while (!this.#readerBusy && this.#queue.length > 0 && this.#error === undefined) this.#hand(this.#queue.shift()!);
    if (this.#readerBusy || this.#readSettle === undefined) return;
    if (this.#error !== undefined) return this.#settleRead(this.#error);
    if (this.#queue.length > 0) return;
    if (this.#parser.done) return this.#settleRead();
    if (this.#paused) {
      this.#paused = false;
      this.#socket?.resume();
    }
  }

  #settleRead(error?: unknown): void {
    if (this.#readSettled || this.#readSettle === undefined) return;
    this.#readSettled = true;
    if (error === undefined) this.#readSettle.resolve();
    else this.#readSettle.reject(error);
  }

  #onBodyEnd(): void {
    // Everything the server will say has been read: no need for the connection any more.
    this.#close();
    this.#pump();
  }

  #onConnectionEnd(): void {
    if (this.#parser.done || this.#ended) return;
    try {
      this.#parser.end();
    } catch (error) {
      this.#fail(error);
    }
  }

  #onAbort = (): void => {
    this.#stop(this.#request.signal?.reason);
  };

  /** The connection failed: an error for whoever waits, unless the whole response is already in. */
  #fail(error: unknown): void {
    if (this.#parser.done && this.#head !== undefined) return this.#close();
    this.#stop(error);
  }

  /** Ends the exchange with `error`: the response (or the body read) rejects with it. */
  #stop(error: unknown): void {
    if (this.#error !== undefined) return;
    // A read that has already ended is not undone by what happens after it.
    if (this.#readSettled) return this.#close();
    this.#error = error;
    this.#close();
    if (this.#head === undefined) this.#reject(error);
    else this.#pump();
  }

  #close(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#request.signal?.removeEventListener('abort', this.#onAbort);
    this.#socket?.destroy();
  }
}

/** The request line and header section. Throws TransportError for anything that cannot be sent as is. */
function requestHead(request: HttpRequest): string {
  const { method, url, headers = {}, body } = request;
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TransportError(`only http and https URLs can be requested, not ${url.protocol}`, 'ERR_HTTP_REQUEST');
  if (!TOKEN.test(method)) throw new TransportError(`invalid method ${JSON.stringify(method)}`, 'ERR_HTTP_REQUEST');
  let head = `${method} ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n`;
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name) || OWN_HEADERS.has(name.toLowerCase()))
      throw new TransportError(`header ${JSON.stringify(name)} cannot be set`, 'ERR_HTTP_REQUEST');
    if (INVALID_VALUE.test(value))
      throw new TransportError(
        `header ${name} has a character that cannot be sent in its value (a control, or above U+00FF)`,
        'ERR_HTTP_REQUEST',
      );
    head += `${name}: ${value}\r\n`;
  }
  const length = body === undefined ? undefined : typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : bodyLength(body);
  // A POST without a body still says so: servers (and proxies) may refuse a length-less POST.
  if (length !== undefined || !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method)) head += `Content-Length: ${length ?? 0}\r\n`;
  return `${head}Connection: close\r\n\r\n`;
}

function bodyLength(body: Uint8Array | StreamedBody): number {
  if (body instanceof Uint8Array) return body.byteLength;
  if (!Number.isSafeInteger(body.length) || body.length < 0)
    throw new TransportError(`invalid request body length ${body.length}`, 'ERR_HTTP_REQUEST');
  return body.length;
}

function drained(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

async function readText(body: ResponseBody, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  await body.read((chunk) => {
    size += chunk.length;
    if (size > maxBytes) throw new TransportError(`the response body is larger than ${maxBytes} bytes`, 'ERR_HTTP_BODY_TOO_LARGE');
    chunks.push(Buffer.from(chunk));
  });
  return Buffer.concat(chunks).toString('utf8');
}

/** The code of a failed exchange: the socket's (ECONNRESET, ENOTFOUND, a TLS code) or ours (ERR_HTTP_…), also on a cause. */
export function failureCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const c = current as { code?: unknown; cause?: unknown };
    if (typeof c.code === 'string') return c.code;
    current = c.cause;
  }
  return undefined;
}

/** What a failed exchange says, on one line, with its code first when the message lacks it: "ECONNRESET: socket hang up". */
export function describeFailure(error: unknown): string {
  const code = failureCode(error);
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'request failed';
  const text = code && !message.includes(code) ? `${code}: ${message}` : message;
  return text.replace(/\s+/g, ' ').slice(0, 300);
}
