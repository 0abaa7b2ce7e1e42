/**
 * Downloads one planned document: streams the body to a temporary file in the target
 * directory, checks its first bytes (content-check.ts), its length (Content-Length,
 * the document's announced size, max-download-size), then renames it into place.
 * A failed download leaves nothing behind. Signed URLs are credentials: messages show
 * origin + path only, never the query string.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { lstat, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Fetch, Sleep } from '../runtime.ts';
import { realSleep } from '../runtime.ts';
import { CONTENT_CHECK_BYTES, checkContent } from './content-check.ts';
import type { DownloadItem } from './plan.ts';

export interface DownloadOptions {
  /** Absolute; created if missing. */
  directory: string;
  fetch: Fetch;
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

function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, RETRY_AFTER_CAP_MS);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), RETRY_AFTER_CAP_MS);
}

function parseContentLength(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  const length = Number(value);
  return Number.isSafeInteger(length) ? length : undefined;
}

async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // already closed or errored: nothing to free
  }
}

/**
 * Counts bytes, enforces the size limit, holds back the first bytes until the content check
 * has passed (so a refused body is never written), and resets the idle timer on every chunk.
 */
class GuardStream extends Transform {
  bytes = 0;
  private head: Buffer[] = [];
  private headBytes = 0;
  private checked = false;
  private readonly check: (head: Buffer) => DownloadError | undefined;
  private readonly maxBytes: number;
  private readonly onChunk: () => void;
  private readonly tooLarge: () => DownloadError;

  constructor(options: {
    check: (head: Buffer) => DownloadError | undefined;
    maxBytes: number;
    onChunk: () => void;
    tooLarge: () => DownloadError;
  }) {
    super();
    this.check = options.check;
    this.maxBytes = options.maxBytes;
    this.onChunk = options.onChunk;
    this.tooLarge = options.tooLarge;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.onChunk();
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return callback(this.tooLarge());
    if (this.checked) return callback(null, chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < CONTENT_CHECK_BYTES) return callback();
    callback(this.releaseHead());
  }

  override _flush(callback: TransformCallback): void {
    callback(this.checked ? null : this.releaseHead());
  }

  private releaseHead(): DownloadError | null {
    const all = Buffer.concat(this.head, this.headBytes);
    this.head = [];
    this.checked = true;
    const refused = this.check(all.subarray(0, CONTENT_CHECK_BYTES));
    if (refused) return refused;
    if (all.length > 0) this.push(all);
    return null;
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
        throw new DownloadError(`Could not save "${item.fileName}" in ${directory}: ${describeFsError(caught)}.`, 'file', { cause: caught });
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

async function refreshOrThrow(
  refreshUrl: () => Promise<string | undefined>,
  item: DownloadItem,
  original: DownloadError,
): Promise<URL> {
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
  const controller = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`no data for ${timeoutMs} ms`));
    }, timeoutMs);
  };
  const onOuterAbort = (): void => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });

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
  try {
    // 1. Request, following at most MAX_REDIRECTS redirects ourselves, to http(s) only.
    let url = startUrl;
    let response: Response;
    for (let redirects = 0; ; redirects++) {
      arm();
      try {
        response = await options.fetch(url, {
          redirect: 'manual',
          signal: controller.signal,
          headers: { 'accept-encoding': 'identity' },
        });
      } catch (cause) {
        throw networkError(url, cause);
      }
      if (response.status < 300 || response.status > 399 || response.status === 304) break;
      await discardBody(response);
      const location = response.headers.get('location');
      if (!location) {
        throw new AttemptError(
          new DownloadError(`Download of ${where(url)} failed: HTTP ${response.status} redirect without a Location.`, 'redirect', {
            status: response.status,
          }),
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
          new DownloadError(`Refused to follow the redirect of ${where(url)} to a ${next.protocol} URL; only http and https are fetched.`, 'scheme'),
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
    if (response.status === 403) {
      await discardBody(response);
      throw new ForbiddenError(
        new DownloadError(
          `Download of ${where(url)} failed: HTTP 403 (the signed URL may have expired; fetch the order again).`,
          'http',
          { status: 403 },
        ),
      );
    }
    if (response.status < 200 || response.status > 299) {
      await discardBody(response);
      const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
      throw new AttemptError(
        new DownloadError(`Download of ${where(url)} failed: HTTP ${response.status}.`, 'http', { status: response.status }),
        retryable,
        retryable ? parseRetryAfter(response.headers.get('retry-after'), Date.now()) : undefined,
      );
    }

    // 3. Announced size.
    const encoded = (response.headers.get('content-encoding') ?? 'identity').trim().toLowerCase() !== 'identity';
    const contentLength = encoded ? undefined : parseContentLength(response.headers.get('content-length'));
    const tooLarge = (): DownloadError =>
      new DownloadError(
        `Download of ${where(url)} refused: larger than max-download-size (${options.maxBytes} bytes). Raise max-download-size to accept it.`,
        'too-large',
      );
    if (contentLength !== undefined && contentLength > options.maxBytes) {
      await discardBody(response);
      throw new AttemptError(tooLarge(), false);
    }

    // 4. Stream to a temporary file next to the final one (same directory: rename is atomic).
    const contentType = response.headers.get('content-type') ?? undefined;
    const stem = truncateUtf8(item.fileName, TEMP_NAME_STEM_BYTES);
    tempPath = path.join(directory, `.${stem}.${randomBytes(6).toString('hex')}.part`);
    const guard = new GuardStream({
      maxBytes: options.maxBytes,
      onChunk: arm,
      tooLarge,
      check: (head) => {
        const reason = checkContent(item.expect, head, contentType);
        return reason === undefined
          ? undefined
          : new DownloadError(`Download of ${where(url)} refused: ${reason}.`, 'content');
      },
    });
    const body = response.body
      ? Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>)
      : Readable.from([] as Buffer[]);
    try {
      await pipeline(body, guard, createWriteStream(tempPath, { flags: 'wx' }));
    } catch (cause) {
      if (cause instanceof DownloadError) throw new AttemptError(cause, false);
      if (isFsError(cause, tempPath)) {
        throw new AttemptError(
          new DownloadError(`Could not write "${item.fileName}" in ${directory}: ${describeFsError(cause)}.`, 'file', { cause }),
          false,
        );
      }
      if (options.signal?.aborted) throw new AttemptError(abortedError(item, url), false);
      if (!timedOut && contentLength !== undefined && guard.bytes < contentLength) {
        throw new AttemptError(
          new DownloadError(
            `Download of ${where(url)} was cut short: received ${guard.bytes} of ${contentLength} bytes.`,
            'truncated',
          ),
          true,
        );
      }
      throw networkError(url, cause);
    }
    if (timer) clearTimeout(timer);

    // 5. Length checks.
    const bytes = guard.bytes;
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
      throw new AttemptError(
        new DownloadError(`Refused to save "${item.fileName}": ${finalPath} is a symbolic link.`, 'file'),
        false,
      );
    }
    if (existing?.isDirectory()) {
      throw new AttemptError(
        new DownloadError(`Refused to save "${item.fileName}": ${finalPath} is a directory.`, 'file'),
        false,
      );
    }
    await rename(tempPath, finalPath);
    tempPath = undefined;
    return { path: finalPath, bytes };
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
    if (tempPath !== undefined) await rm(tempPath, { force: true }).catch(() => undefined);
  }
}

function describeCause(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ? `${cause.message} (${code})` : cause.message;
  }
  return error.message;
}

function isFsError(error: unknown, file: string): boolean {
  const errno = error as NodeJS.ErrnoException | undefined;
  return typeof errno?.syscall === 'string' && errno.path === file;
}

function describeFsError(error: unknown): string {
  const errno = error as NodeJS.ErrnoException | undefined;
  if (errno?.code) return `${errno.code}${errno.syscall ? ` (${errno.syscall})` : ''}`;
  return error instanceof Error ? error.message : String(error);
}
