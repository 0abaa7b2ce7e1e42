/**
 * Downloads one planned document: streams the body to a temporary file in the target
 * directory, checks its first bytes (content-check.ts), its length (Content-Length,
 * the document's announced size, max-download-size), then renames it into place.
 * A failed download leaves nothing behind. Signed URLs are credentials: messages show
 * origin + path only, never the query string.
 *
 * Bodies go through `node:http` / `node:https` rather than fetch: fetch's web streams cost
 * about 0.3 s of CPU more per GiB (docs/benchmarks.md), and the hot path here is one 'data'
 * listener that copies each chunk into a 16 KiB buffer written with writeSync (BodySink).
 */
import { randomBytes } from 'node:crypto';
import { writeSync } from 'node:fs';
import { lstat, mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { pipeline, type Readable, type Transform } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import zlib from 'node:zlib';
import type { Sleep } from '../runtime.ts';
import { realSleep } from '../runtime.ts';
import { CONTENT_CHECK_BYTES, checkContent } from './content-check.ts';
import type { DownloadItem } from './plan.ts';
import { errorMessage } from '../error-message.ts';

/**
 * Sends one GET request (`http.request` / `https.request` by default). Called with http(s)
 * URLs only; tests pass a stub to see what is (not) requested.
 */
export type HttpRequest = (url: URL, options: RequestOptions) => ClientRequest;

const defaultRequest: HttpRequest = (url, options) =>
  url.protocol === 'https:' ? https.request(url, options) : http.request(url, options);

export interface DownloadOptions {
  /** Absolute; created if missing. */
  directory: string;
  /** Default: node:http / node:https `request` with their global agents. */
  request?: HttpRequest;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Idle / read timeout: longest wait for response headers or for the next chunk. Default 60 s. */
  requestTimeoutMs?: number;
  signal?: AbortSignal;
  /** Extra attempts after network errors, 5xx, 429 and truncation. Default 3. */
  retries?: number;
  sleep?: Sleep;
  /** For backoff jitter; default Math.random. */
  random?: () => number;
  /** Gets a fresh signed URL (Get Order again) after a 403; called at most once per download. */
  refreshUrl?: () => Promise<string | undefined>;
}

export type DownloadErrorReason =
  | 'http'
  | 'truncated'
  | 'too-large'
  | 'content'
  | 'scheme'
  | 'network'
  | 'aborted'
  | 'redirect'
  /** The file cannot be written where planned: name escapes the directory, target is a symlink or directory, or a file-system error. */
  | 'file';

export class DownloadError extends Error {
  readonly reason: DownloadErrorReason;
  readonly status?: number;
  constructor(message: string, reason: DownloadErrorReason, options?: { status?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DownloadError';
    this.reason = reason;
    if (options?.status !== undefined) this.status = options.status;
  }
}

export interface DownloadResult {
  path: string;
  bytes: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 3;
const MAX_REDIRECTS = 5;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;
const RETRY_AFTER_CAP_MS = 120_000;
/** Leaves room for the leading dot, random suffix and `.part` within a 255-byte file name. */
const TEMP_NAME_STEM_BYTES = 200;

/** `https://host/path` of a URL: never its query string or fragment (signed URLs carry credentials there). */
export function redactUrl(url: string | URL): string {
  try {
    const parsed = typeof url === 'string' ? new URL(url) : url;
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return `${parsed.origin}${parsed.pathname}`;
    return `${parsed.protocol}…`;
  } catch {
    return '(invalid URL)';
  }
}

/** Strips anything that looks like a query string from free text (e.g. an error cause). */
function scrub(text: string): string {
  return text.replace(/\?[^\s'"<>)]*/g, '?…');
}

function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (used + size > maxBytes) break;
    out += char;
    used += size;
  }
  return out;
}

/** Error carrying whether another attempt may help. */
class AttemptError extends Error {
  readonly error: DownloadError;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  constructor(error: DownloadError, retryable: boolean, retryAfterMs?: number) {
    super(error.message);
    this.error = error;
    this.retryable = retryable;
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }
}

/** Refresh-worthy 403 (signed URL expired / rejected). */
class ForbiddenError extends Error {
  readonly error: DownloadError;
  constructor(error: DownloadError) {
    super(error.message);
    this.error = error;
  }
}

function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, RETRY_AFTER_CAP_MS);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), RETRY_AFTER_CAP_MS);
}

function parseContentLength(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  const length = Number(value);
  return Number.isSafeInteger(length) ? length : undefined;
}

/** One response header as a string (Node joins repeated ones with ", "; set-cookie aside). */
function header(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Decoders for a Content-Encoding other than identity, outermost last (as fetch did: gzip,
 * x-gzip, deflate, br, zstd). An unknown coding: the body is saved as sent.
 */
function decodersFor(encoding: string): Transform[] {
  const decoders: Transform[] = [];
  for (const coding of encoding
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity')
    .reverse()) {
    if (coding === 'gzip' || coding === 'x-gzip')
      decoders.push(zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    else if (coding === 'deflate') decoders.push(zlib.createInflate());
    else if (coding === 'br') decoders.push(zlib.createBrotliDecompress());
    else if (coding === 'zstd') decoders.push(zlib.createZstdDecompress());
    else return [];
  }
  return decoders;
}

/**
 * Node allocates a new Buffer for every socket read (64 KiB) and V8 frees those only when a
 * collection runs, which its heuristics schedule late for this off-heap memory: left alone,
 * 60-100 MiB of spent chunks pile up during a large download (peak RSS 150-165 MiB for 1 GiB),
 * and fresh pages are touched all the time, which is also slower. A young-generation
 * collection every COLLECT_EVERY_BYTES received (all downloads together) frees them; it takes a
 * fraction of a millisecond, as the young generation holds little else. `gc` comes from a
 * throwaway context created with --expose-gc, and the flag is switched off again at once, so
 * no code sees a `gc` global. Where that fails, downloads run without it.
 */
const COLLECT_EVERY_BYTES = 8 * 1024 * 1024;
let receivedSinceCollect = 0;
let collectYoung: (() => void) | null | undefined;

function countReceived(bytes: number): void {
  receivedSinceCollect += bytes;
  if (receivedSinceCollect < COLLECT_EVERY_BYTES) return;
  receivedSinceCollect = 0;
  if (collectYoung === undefined) {
    collectYoung = null;
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc = vm.runInNewContext('gc') as unknown;
      if (typeof gc === 'function') collectYoung = () => (gc as (options: { type: 'minor' }) => void)({ type: 'minor' });
    } catch {
      // no collection: RSS floats higher, nothing else changes
    } finally {
      v8.setFlagsFromString('--no-expose-gc');
    }
  }
  try {
    collectYoung?.();
  } catch {
    collectYoung = null;
  }
}

/**
 * A download pauses after this many bytes until the event loop's next turn (setImmediate):
 * Node reads up to 32 chunks from a busy socket in one go, and with the writes on the event
 * loop (BodySink) a few concurrent large downloads would otherwise hold up status checks
 * and small downloads for tens of milliseconds per turn.
 */
const YIELD_EVERY_BYTES = 512 * 1024;

/** Size of each write: see BodySink. */
const WRITE_BYTES = 16 * 1024;

/**
 * Receives the body chunk by chunk: counts bytes, enforces the size limit, holds back the
 * first CONTENT_CHECK_BYTES until the content check has passed (a refused body is never
 * written), and writes the rest through one reused 16 KiB buffer with writeSync.
 *
 * Why synchronous 16 KiB writes (measured on the benchmark's 1 GiB download, docs/benchmarks.md):
 * - a page-cache write of 16 KiB takes microseconds, far less than one threadpool round trip
 *   (fs.write / a WriteStream: the CPU of those hand-offs is what kept a pipeline to
 *   fs.createWriteStream at ~0.5 of curl); the socket is simply not read during the write,
 *   which is the back-pressure, with no queue of chunks in memory;
 * - 1 MiB writes made the kernel's copy into the page cache erratic (0.8 to 3 s of system time
 *   per GiB, against a steady ~1 s for 16 KiB writes, curl's size too); reusing one small
 *   buffer also keeps the copy's source in the CPU cache.
 * The cost: a disk that throttles writers holds up the event loop for that long, instead of
 * only this download; every download shares that disk anyway.
 */
class BodySink {
  bytes = 0;
  private readonly fd: number;
  private readonly maxBytes: number;
  private readonly check: (head: Buffer) => DownloadError | undefined;
  private readonly tooLarge: () => DownloadError;
  private readonly writeFailed: (cause: unknown) => DownloadError;
  private head: Buffer | undefined = Buffer.allocUnsafe(CONTENT_CHECK_BYTES);
  private headBytes = 0;
  private readonly buffer = Buffer.allocUnsafeSlow(WRITE_BYTES);
  private filled = 0;

  constructor(options: {
    fd: number;
    maxBytes: number;
    check: (head: Buffer) => DownloadError | undefined;
    tooLarge: () => DownloadError;
    writeFailed: (cause: unknown) => DownloadError;
  }) {
    this.fd = options.fd;
    this.maxBytes = options.maxBytes;
    this.check = options.check;
    this.tooLarge = options.tooLarge;
    this.writeFailed = options.writeFailed;
  }

  /** Throws DownloadError (too large, refused content, write failure). */
  take(chunk: Buffer): void {
    this.bytes += chunk.length;
    countReceived(chunk.length);
    if (this.bytes > this.maxBytes) throw this.tooLarge();
    let offset = 0;
    if (this.head) {
      offset = Math.min(chunk.length, this.head.length - this.headBytes);
      chunk.copy(this.head, this.headBytes, 0, offset);
      this.headBytes += offset;
      if (this.headBytes < this.head.length) return;
      this.releaseHead();
    }
    this.write(chunk, offset);
  }

  /** The body ended: check a short body, write what is buffered. */
  finish(): void {
    if (this.head) this.releaseHead();
    this.flush();
  }

  private releaseHead(): void {
    const head = this.head!.subarray(0, this.headBytes);
    this.head = undefined;
    const refused = this.check(head);
    if (refused) throw refused;
    this.write(head, 0);
  }

  private write(data: Buffer, from: number): void {
    let offset = from;
    while (offset < data.length) {
      const count = Math.min(WRITE_BYTES - this.filled, data.length - offset);
      data.copy(this.buffer, this.filled, offset, offset + count);
      this.filled += count;
      offset += count;
      if (this.filled === WRITE_BYTES) this.flush();
    }
  }

  private flush(): void {
    let written = 0;
    try {
      while (written < this.filled) written += writeSync(this.fd, this.buffer, written, this.filled - written);
    } catch (cause) {
      throw this.writeFailed(cause);
    }
    this.filled = 0;
  }
}

/**
 * Downloads `item` into `options.directory` under `item.fileName`.
 * Throws DownloadError (and leaves no file behind) on failure.
 */
export async function downloadItem(item: DownloadItem, options: DownloadOptions): Promise<DownloadResult> {
  const directory = path.resolve(options.directory);
  const finalPath = path.join(directory, item.fileName);
  const relative = path.relative(directory, finalPath);
  if (
    item.fileName === '' ||
    item.fileName === '.' ||
    item.fileName === '..' ||
    /[/\\\0]/.test(item.fileName) ||
    relative === '' ||
    relative.startsWith('..') ||
    path.isAbsolute(relative) ||
    relative.includes(path.sep) ||
    relative.includes('/')
  ) {
    throw new DownloadError(`Refused to save "${item.fileName}": the name is not a plain file name inside ${directory}.`, 'file');
  }

  let url: URL;
  try {
    url = new URL(item.url);
  } catch {
    throw new DownloadError(`Refused to download "${item.fileName}": the URL is not valid.`, 'scheme');
  }
  if (!isHttp(url)) {
    throw new DownloadError(`Refused to download "${item.fileName}": only http and https URLs are fetched, not ${url.protocol}`, 'scheme');
  }

  if (item.expectedBytes !== undefined && item.expectedBytes > options.maxBytes) {
    throw new DownloadError(
      `Refused to download "${item.fileName}" from ${redactUrl(url)}: the order says it has ${item.expectedBytes} bytes, more than max-download-size (${options.maxBytes} bytes). Raise max-download-size to accept it.`,
      'too-large',
    );
  }

  try {
    await mkdir(directory, { recursive: true });
  } catch (cause) {
    throw new DownloadError(`Could not create the directory ${directory}: ${describeFsError(cause)}.`, 'file', { cause });
  }

  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
  let refreshed = false;
  let failures = 0;

  for (;;) {
    if (options.signal?.aborted) throw abortedError(item, url);
    try {
      return await attempt(item, url, directory, finalPath, options);
    } catch (caught) {
      if (caught instanceof ForbiddenError) {
        if (options.refreshUrl && !refreshed) {
          refreshed = true;
          const fresh = await refreshOrThrow(options.refreshUrl, item, caught.error);
          url = fresh;
          continue;
        }
        throw caught.error;
      }
      if (caught instanceof DownloadError) throw caught;
      if (!(caught instanceof AttemptError)) {
        throw new DownloadError(`Could not save "${item.fileName}" in ${directory}: ${describeFsError(caught)}.`, 'file', {
          cause: caught,
        });
      }
      if (!caught.retryable || failures >= retries) throw caught.error;
      failures++;
      const backoff = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (failures - 1));
      // Jitter: between half and all of the backoff; a server's Retry-After wins when longer.
      const delay = Math.max(caught.retryAfterMs ?? 0, Math.round(backoff * (0.5 + random() * 0.5)));
      try {
        await sleep(delay, options.signal);
      } catch {
        throw abortedError(item, url);
      }
    }
  }
}

async function refreshOrThrow(refreshUrl: () => Promise<string | undefined>, item: DownloadItem, original: DownloadError): Promise<URL> {
  let fresh: string | undefined;
  try {
    fresh = await refreshUrl();
  } catch {
    throw original;
  }
  if (!fresh) throw original;
  let parsed: URL;
  try {
    parsed = new URL(fresh);
  } catch {
    throw new DownloadError(`Refused to download "${item.fileName}": the refreshed URL is not valid.`, 'scheme');
  }
  if (!isHttp(parsed)) {
    throw new DownloadError(
      `Refused to download "${item.fileName}": the refreshed URL uses ${parsed.protocol}; only http and https are fetched.`,
      'scheme',
    );
  }
  return parsed;
}

function abortedError(item: DownloadItem, url: URL): DownloadError {
  return new DownloadError(`Download of "${item.fileName}" from ${redactUrl(url)} was cancelled.`, 'aborted');
}

/** One attempt: follow redirects, stream, verify, rename. Throws AttemptError / ForbiddenError / DownloadError. */
async function attempt(
  item: DownloadItem,
  startUrl: URL,
  directory: string,
  finalPath: string,
  options: DownloadOptions,
): Promise<DownloadResult> {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const request = options.request ?? defaultRequest;
  /** Set once the attempt is being stopped (timeout or the outer signal): ends the request in flight. */
  let stopped: Error | undefined;
  let inFlight: { request?: ClientRequest; response?: IncomingMessage } = {};
  const stop = (reason: Error): void => {
    stopped ??= reason;
    inFlight.request?.destroy(reason);
    inFlight.response?.destroy(reason);
  };
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  /** (Re)starts the idle timer: called for each request and each chunk. */
  const arm = (): void => {
    if (timer) timer.refresh();
    else {
      timer = setTimeout(() => {
        timedOut = true;
        stop(new Error(`no data for ${timeoutMs} ms`));
      }, timeoutMs);
    }
  };
  const onOuterAbort = (): void => stop(new Error('cancelled'));
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) onOuterAbort();

  const send = (url: URL): Promise<IncomingMessage> =>
    new Promise((resolve, reject) => {
      if (stopped) return reject(stopped);
      let req: ClientRequest;
      try {
        req = request(url, { method: 'GET', headers: { 'accept-encoding': 'identity' } });
      } catch (cause) {
        return reject(cause);
      }
      inFlight = { request: req };
      // Kept for the request's whole life: a late socket error must not go unhandled.
      req.on('error', reject);
      req.once('response', (response) => {
        response.on('error', () => undefined); // reported through the body reader below
        inFlight.response = response;
        resolve(response);
      });
      req.end();
    });

  const where = (url: URL): string => `"${item.fileName}" from ${redactUrl(url)}`;
  const networkError = (url: URL, cause: unknown): AttemptError => {
    if (options.signal?.aborted) return new AttemptError(abortedError(item, url), false);
    if (timedOut) {
      return new AttemptError(
        new DownloadError(`Download of ${where(url)} timed out: no data for ${Math.round(timeoutMs / 1000)} s.`, 'network', { cause }),
        true,
      );
    }
    const detail = cause instanceof Error ? scrub(describeCause(cause)) : 'unknown error';
    return new AttemptError(new DownloadError(`Download of ${where(url)} failed: ${detail}.`, 'network'), true);
  };

  let tempPath: string | undefined;
  let file: FileHandle | undefined;
  try {
    // 1. Request, following at most MAX_REDIRECTS redirects ourselves, to http(s) only.
    let url = startUrl;
    let response: IncomingMessage;
    for (let redirects = 0; ; redirects++) {
      arm();
      try {
        response = await send(url);
      } catch (cause) {
        throw networkError(url, cause);
      }
      const status = response.statusCode ?? 0;
      if (status < 300 || status > 399 || status === 304) break;
      response.destroy();
      const location = header(response, 'location');
      if (!location) {
        throw new AttemptError(
          new DownloadError(`Download of ${where(url)} failed: HTTP ${status} redirect without a Location.`, 'redirect', { status }),
          false,
        );
      }
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new AttemptError(new DownloadError(`Download of ${where(url)} failed: redirect to an invalid URL.`, 'redirect'), false);
      }
      if (!isHttp(next)) {
        throw new AttemptError(
          new DownloadError(
            `Refused to follow the redirect of ${where(url)} to a ${next.protocol} URL; only http and https are fetched.`,
            'scheme',
          ),
          false,
        );
      }
      if (redirects + 1 > MAX_REDIRECTS) {
        throw new AttemptError(
          new DownloadError(`Download of ${where(startUrl)} failed: more than ${MAX_REDIRECTS} redirects.`, 'redirect'),
          false,
        );
      }
      url = next;
    }

    // 2. Status.
    const status = response.statusCode ?? 0;
    if (status === 403) {
      response.destroy();
      throw new ForbiddenError(
        new DownloadError(`Download of ${where(url)} failed: HTTP 403 (the signed URL may have expired; fetch the order again).`, 'http', {
          status: 403,
        }),
      );
    }
    if (status < 200 || status > 299) {
      response.destroy();
      const retryable = status >= 500 || status === 429 || status === 408;
      throw new AttemptError(
        new DownloadError(`Download of ${where(url)} failed: HTTP ${status}.`, 'http', { status }),
        retryable,
        retryable ? parseRetryAfter(header(response, 'retry-after'), Date.now()) : undefined,
      );
    }

    // 3. Announced size.
    const encoding = (header(response, 'content-encoding') ?? 'identity').trim().toLowerCase();
    const decoders = encoding === 'identity' ? [] : decodersFor(encoding);
    const contentLength = encoding !== 'identity' ? undefined : parseContentLength(header(response, 'content-length'));
    const tooLarge = (): DownloadError =>
      new DownloadError(
        `Download of ${where(url)} refused: larger than max-download-size (${options.maxBytes} bytes). Raise max-download-size to accept it.`,
        'too-large',
      );
    if (contentLength !== undefined && contentLength > options.maxBytes) {
      response.destroy();
      throw new AttemptError(tooLarge(), false);
    }

    // 4. Stream to a temporary file next to the final one (same directory: rename is atomic).
    const contentType = header(response, 'content-type');
    const stem = truncateUtf8(item.fileName, TEMP_NAME_STEM_BYTES);
    tempPath = path.join(directory, `.${stem}.${randomBytes(6).toString('hex')}.part`);
    const cannotWrite = (cause: unknown): DownloadError =>
      new DownloadError(`Could not write "${item.fileName}" in ${directory}: ${describeFsError(cause)}.`, 'file', { cause });
    try {
      file = await open(tempPath, 'wx');
    } catch (cause) {
      response.destroy();
      throw new AttemptError(cannotWrite(cause), false);
    }
    const sink = new BodySink({
      fd: file.fd,
      maxBytes: options.maxBytes,
      tooLarge,
      writeFailed: cannotWrite,
      check: (head) => {
        const reason = checkContent(item.expect, head, contentType);
        return reason === undefined ? undefined : new DownloadError(`Download of ${where(url)} refused: ${reason}.`, 'content');
      },
    });
    let body: Readable = response;
    for (const decoder of decoders) {
      pipeline(body, decoder, () => undefined); // errors reach `body` below: pipeline destroys each stream with them
      body = decoder;
    }
    try {
      await new Promise<void>((resolve, reject) => {
        let settled = false;
        const fail = (error: unknown): void => {
          if (settled) return;
          settled = true;
          body.destroy();
          response.destroy();
          reject(error);
        };
        let sinceYield = 0;
        const resume = (): void => {
          if (!settled) body.resume();
        };
        body.on('data', (chunk: Buffer) => {
          if (settled) return;
          arm();
          try {
            sink.take(chunk);
          } catch (error) {
            return fail(error);
          }
          // Let the rest of the event loop (status checks, small downloads) run between slices.
          sinceYield += chunk.length;
          if (sinceYield >= YIELD_EVERY_BYTES) {
            sinceYield = 0;
            body.pause();
            setImmediate(resume);
          }
        });
        body.once('end', () => {
          if (settled) return;
          try {
            sink.finish();
          } catch (error) {
            return fail(error);
          }
          settled = true;
          resolve();
        });
        body.on('error', fail);
        body.once('close', () => fail(stopped ?? new Error('the connection closed before the body ended')));
        // Ended (timeout, cancel, reset) while the file was being opened: no event will come.
        if (response.destroyed || body.destroyed)
          fail(stopped ?? response.errored ?? new Error('the connection closed before the body ended'));
      });
    } catch (cause) {
      if (cause instanceof DownloadError) throw new AttemptError(cause, false);
      if (options.signal?.aborted) throw new AttemptError(abortedError(item, url), false);
      if (!timedOut && contentLength !== undefined && sink.bytes < contentLength) {
        throw new AttemptError(
          new DownloadError(`Download of ${where(url)} was cut short: received ${sink.bytes} of ${contentLength} bytes.`, 'truncated'),
          true,
        );
      }
      throw networkError(url, cause);
    }
    if (timer) clearTimeout(timer);
    try {
      await file.close();
    } catch (cause) {
      throw new AttemptError(cannotWrite(cause), false);
    } finally {
      file = undefined;
    }

    // 5. Length checks.
    const bytes = sink.bytes;
    if (contentLength !== undefined && bytes !== contentLength) {
      throw new AttemptError(
        new DownloadError(
          `Download of ${where(url)} was cut short: received ${bytes} of ${contentLength} bytes (Content-Length).`,
          'truncated',
        ),
        bytes < contentLength,
      );
    }
    if (item.expectedBytes !== undefined && bytes !== item.expectedBytes) {
      throw new AttemptError(
        new DownloadError(
          `Download of ${where(url)} has ${bytes} bytes but the order says the document has ${item.expectedBytes}.`,
          'truncated',
        ),
        bytes < item.expectedBytes,
      );
    }

    // 6. Into place: never through a symlink, never outside the directory.
    let existing;
    try {
      existing = await lstat(finalPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (existing?.isSymbolicLink()) {
      throw new AttemptError(new DownloadError(`Refused to save "${item.fileName}": ${finalPath} is a symbolic link.`, 'file'), false);
    }
    if (existing?.isDirectory()) {
      throw new AttemptError(new DownloadError(`Refused to save "${item.fileName}": ${finalPath} is a directory.`, 'file'), false);
    }
    await rename(tempPath, finalPath);
    tempPath = undefined;
    return { path: finalPath, bytes };
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
    inFlight.response?.destroy();
    if (file) await file.close().catch(() => undefined);
    if (tempPath !== undefined) await rm(tempPath, { force: true }).catch(() => undefined);
  }
}

/** "socket hang up (ECONNRESET)": the error's (or its cause's) message, with its code when the message lacks it. */
function describeCause(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  const described = cause instanceof Error ? cause : error;
  const code = (described as NodeJS.ErrnoException).code;
  return code && !described.message.includes(code) ? `${described.message} (${code})` : described.message;
}

function describeFsError(error: unknown): string {
  const errno = error as NodeJS.ErrnoException | undefined;
  if (errno?.code) return `${errno.code}${errno.syscall ? ` (${errno.syscall})` : ''}`;
  return errorMessage(error);
}
