/**
 * The slice of fetch that OllangClient uses (method, headers, a string body, a signal; status,
 * headers and text of the answer), over node:http / node:https. Node's own fetch loads undici
 * the first time it is called, about 16 ms of every start-up before the first request; the
 * client needs none of what undici adds. Redirects are never followed (OllangClient asks for
 * `redirect: 'manual'`: following one would send X-Api-Key to wherever it points).
 */
import http from 'node:http';
import type { Fetch } from '../runtime.ts';

/** What OllangClient reads of an answer. */
interface PlainResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export const httpFetch: Fetch = async (input, init = {}) => {
  // (No Request or Headers objects: touching those globals is what loads undici.)
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`fetch failed: unsupported protocol ${url.protocol}`);
  // TLS is loaded only for https (the real API); the simulator and tests speak http.
  const transport: typeof http = url.protocol === 'https:' ? ((await import('node:https')).default as unknown as typeof http) : http;
  const signal = init.signal ?? undefined;
  signal?.throwIfAborted();
  const headers = (init.headers ?? {}) as Record<string, string>;
  if (typeof headers !== 'object' || Array.isArray(headers) || Symbol.iterator in headers)
    throw new TypeError('httpFetch takes headers as a plain object');
  const body = init.body;
  if (body !== undefined && body !== null && typeof body !== 'string') throw new TypeError('httpFetch sends string bodies only');

  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const request = transport.request(url, { method: init.method ?? 'GET', headers });
    const onAbort = (): void => {
      request.destroy();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('response', (answer) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(answer);
    });
    // Shaped like fetch's failure: a TypeError whose cause carries the socket error's code.
    request.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
    });
    request.end(body ?? undefined);
  });

  const plain: PlainResponse = {
    status: response.statusCode ?? 0,
    statusText: response.statusMessage ?? '',
    ok: (response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300,
    headers: {
      get(name) {
        const value = response.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: () => readText(response, signal),
  };
  return plain as unknown as Response;
};

function readText(response: http.IncomingMessage, signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onAbort = (): void => {
      response.destroy();
      reject(signal?.reason);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => {
      signal?.removeEventListener('abort', onAbort);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    // A body cut short (socket reset after the headers) is an error, never a shorter text.
    response.on('aborted', () =>
      reject(new TypeError('fetch failed', { cause: Object.assign(new Error('body cut short'), { code: 'ECONNRESET' }) })),
    );
    response.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
    });
  });
}
