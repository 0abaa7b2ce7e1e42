/**
 * DownloadError: why one document was not saved, and whether another attempt could change that.
 * Signed URLs are credentials: messages show origin and path only, never the query string.
 */

export type DownloadErrorReason =
  | 'http'
  | 'truncated'
  | 'too-large'
  | 'content'
  | 'scheme'
  | 'network'
  | 'aborted'
  | 'redirect'
  /** The `timeout` deadline stopped it (or came before it could start). */
  | 'deadline'
  /** The order no longer lists the document. */
  | 'gone'
  /** The file cannot be written where planned: name escapes the directory, a folder on the way leads outside the workspace, target is a symlink or directory, or a file-system error. */
  | 'file';

/**
 * What another attempt could change: nothing; the same URL again (a network fault, a 5xx, a body
 * cut short); or a fresh URL from Get Order (the signed URL may have expired, or the body was wrong).
 */
export type RetryHint = 'no' | 'same-url' | 'fresh-url';

export class DownloadError extends Error {
  readonly reason: DownloadErrorReason;
  readonly retry: RetryHint;
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** Reason `deadline`: whether a byte of the body had come when the deadline stopped the attempt. */
  readonly bodyStarted?: boolean;

  constructor(
    message: string,
    reason: DownloadErrorReason,
    options: { retry?: RetryHint; status?: number; retryAfterMs?: number; cause?: unknown; bodyStarted?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DownloadError';
    this.reason = reason;
    this.retry = options.retry ?? 'no';
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.bodyStarted !== undefined) this.bodyStarted = options.bodyStarted;
  }
}

/** `https://host/path` of a URL: never its query string or fragment. */
export function redactUrl(url: string | URL): string {
  try {
    const parsed = typeof url === 'string' ? new URL(url) : url;
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return `${parsed.origin}${parsed.pathname}`;
    return `${parsed.protocol}…`;
  } catch {
    return '(invalid URL)';
  }
}

/** Strips anything that looks like a query string from free text (e.g. a socket error's message). */
export function scrubQuery(text: string): string {
  return text.replace(/\?[^\s'"<>)]*/g, '?…');
}

export function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}
