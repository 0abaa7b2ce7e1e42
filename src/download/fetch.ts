/**
 * Fetching one document from its (signed) URL: a GET through the transport, redirects followed by
 * hand (at most 5, to http: and https: only; nothing but `Accept-Encoding` is ever sent to a file
 * host, never the API key), the answer's status turned into a DownloadError that says whether
 * another attempt could help, the announced size held against max-download-size, and the body
 * decoded when a host applies a Content-Encoding anyway.
 */
import { once } from 'node:events';
import type { Transform } from 'node:stream';
import zlib from 'node:zlib';
import type { HttpResponse, Transport } from '../http/transport.ts';
import { parseRetryAfter } from '../ollang/retry.ts';
import { DownloadError, isHttp, redactUrl, type RetryHint } from './errors.ts';

export const MAX_REDIRECTS = 5;

export interface Fetched {
  /** Where the body comes from, after redirects. */
  url: URL;
  response: HttpResponse;
  /** The body's announced length: the length the transport frames it by (Content-Length), when no Content-Encoding changes it. */
  length?: number;
}

export interface FetchOptions {
  transport: Transport;
  signal: AbortSignal;
  maxBytes: number;
  /** The file's name, for messages. */
  fileName: string;
  /** For Retry-After dates. */
  now: () => number;
}

/** `"fr.srt" from https://host/path`. */
export function where(fileName: string, url: URL): string {
  return `"${fileName}" from ${redactUrl(url)}`;
}

/** GETs `start`, following redirects; resolves with a 2xx whose body has not been read yet. Throws DownloadError for an answer. */
export async function fetchDocument(start: URL, options: FetchOptions): Promise<Fetched> {
  const { fileName } = options;
  let url = start;
  for (let redirects = 0; ; redirects++) {
    // Identity: a length to check against Content-Length, and no decoder in the hot path.
    const response = await options.transport({ method: 'GET', url, headers: { 'Accept-Encoding': 'identity' }, signal: options.signal });
    const status = response.status;
    if (status >= 200 && status <= 299) return checkLength(url, response, options);
    response.body.cancel();
    if (status < 300 || status > 399 || status === 304) throw statusError(url, response, options);
    const location = response.header('location');
    if (!location)
      throw new DownloadError(`Download of ${where(fileName, url)} failed: HTTP ${status} redirect without a Location.`, 'redirect', {
        status,
      });
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new DownloadError(`Download of ${where(fileName, url)} failed: redirect to an invalid URL.`, 'redirect');
    }
    if (!isHttp(next))
      throw new DownloadError(
        `Refused to follow the redirect of ${where(fileName, url)} to a ${next.protocol} URL; only http and https are fetched.`,
        'scheme',
      );
    if (redirects + 1 > MAX_REDIRECTS)
      throw new DownloadError(`Download of ${where(fileName, start)} failed: more than ${MAX_REDIRECTS} redirects.`, 'redirect');
    url = next;
  }
}

function checkLength(url: URL, response: HttpResponse, options: FetchOptions): Fetched {
  const encoded = (response.header('content-encoding') ?? 'identity').trim().toLowerCase() !== 'identity';
  const length = encoded ? undefined : response.length;
  if (length !== undefined && length > options.maxBytes) {
    response.body.cancel();
    throw tooLarge(options.fileName, url, options.maxBytes);
  }
  return { url, response, ...(length !== undefined ? { length } : {}) };
}

export function tooLarge(fileName: string, url: URL, maxBytes: number): DownloadError {
  return new DownloadError(
    `Download of ${where(fileName, url)} refused: larger than max-download-size (${maxBytes} bytes). Raise max-download-size to accept it.`,
    'too-large',
  );
}

/**
 * A non-2xx answer. 408, 429 and 5xx are transient (same URL, after any Retry-After). 400, 401,
 * 403, 404 and 410 are what object stores answer for an expired or revoked signature, or a
 * document not in place yet: Get Order gives a fresh URL. Anything else no attempt will change.
 */
function statusError(url: URL, response: HttpResponse, options: FetchOptions): DownloadError {
  const status = response.status;
  const retry: RetryHint =
    status === 408 || status === 429 || status >= 500 ? 'same-url' : [400, 401, 403, 404, 410].includes(status) ? 'fresh-url' : 'no';
  const hint = retry === 'fresh-url' ? ' (the signed URL may have expired: the order is fetched again for a fresh one)' : '';
  const retryAfterMs = retry === 'same-url' ? parseRetryAfter(response.header('retry-after'), options.now()) : undefined;
  return new DownloadError(`Download of ${where(options.fileName, url)} failed: HTTP ${status}${hint}.`, 'http', {
    status,
    retry,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

/**
 * Hands the body to `onChunk` piece by piece (views, valid during the call), decoded when the host
 * applied a Content-Encoding (gzip, x-gzip, deflate, br, zstd; an unknown one is saved as sent).
 * A compressed body that ends early is an error, never a shorter file: the decoders are left at
 * their default end-of-input check (`finishFlush`), which fetch's lenient settings turned off.
 */
export async function readBody(fetched: Fetched, fileName: string, onChunk: (chunk: Buffer) => void | Promise<void>): Promise<void> {
  const encoding = (fetched.response.header('content-encoding') ?? 'identity').trim().toLowerCase();
  const decoders = encoding === 'identity' ? [] : decodersFor(encoding);
  if (decoders.length === 0) return fetched.response.body.read(onChunk);

  const first = decoders[0]!;
  const last = decoders.at(-1)!;
  const decoded = new Promise<void>((resolve, reject) => {
    for (const decoder of decoders) decoder.once('error', reject);
    last.once('end', resolve);
  });
  for (let i = 0; i + 1 < decoders.length; i++) decoders[i]!.pipe(decoders[i + 1]!);
  last.on('data', (chunk: Buffer) => {
    let result: void | Promise<void>;
    try {
      result = onChunk(chunk);
    } catch (error) {
      last.destroy(error as Error);
      return;
    }
    if (result) {
      last.pause();
      result.then(
        () => last.resume(),
        (error: unknown) => last.destroy(error as Error),
      );
    }
  });
  try {
    await fetched.response.body.read(async (chunk) => {
      // The read buffer is reused once this returns: the decoder gets a copy.
      if (!first.write(Buffer.from(chunk))) await Promise.race([once(first, 'drain'), decoded]);
    });
    first.end();
    await decoded;
  } catch (error) {
    for (const decoder of decoders) decoder.destroy();
    if (error instanceof DownloadError || !isDecoderError(error)) throw error;
    throw new DownloadError(
      `Download of ${where(fileName, fetched.url)} failed: its ${encoding} body is corrupt or cut short (${(error as Error).message}).`,
      'truncated',
      { retry: 'fresh-url', cause: error },
    );
  }
}

/** Decoders for a Content-Encoding, in the order to apply them; none for an unknown coding. */
function decodersFor(encoding: string): Transform[] {
  const decoders: Transform[] = [];
  for (const coding of encoding
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity')
    .reverse()) {
    if (coding === 'gzip' || coding === 'x-gzip') decoders.push(zlib.createGunzip());
    else if (coding === 'deflate') decoders.push(zlib.createInflate());
    else if (coding === 'br') decoders.push(zlib.createBrotliDecompress());
    else if (coding === 'zstd') decoders.push(zlib.createZstdDecompress());
    else return [];
  }
  return decoders;
}

/** zlib's codes: Z_BUF_ERROR (cut short), Z_DATA_ERROR, ERR__ERROR_FORMAT_… (brotli), ZSTD_error_… */
function isDecoderError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^(Z_|ZSTD_|ERR__ERROR)/.test(code);
}
