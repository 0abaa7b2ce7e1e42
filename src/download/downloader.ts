/**
 * Downloads one planned document into place, whole or not at all. The parts:
 *
 *   fetch.ts       the GET: redirects (at most 5, http(s) only), status, announced size, Content-Encoding
 *   sink.ts        counts the bytes, checks the first ones (content-check.ts), writes them
 *   target.ts      where the file goes: a plain name, folders inside the workspace, rename into place
 *   temp-files.ts  the temporary names, and the record the post step cleans up after a kill
 *   watchdog.ts    stops an attempt that goes quiet, or runs into the `timeout` deadline
 *
 * and here, the attempts (docs/reliability.md, "Downloads"). A failed attempt is retried with retry.ts's backoff for as long
 * as the deadline leaves time (downloads are reads, like the API's), after fetching the order again
 * when the failure says the URL may be stale or the body was wrong; only a failure that no attempt
 * can fix (too large, a refused scheme, a file-system refusal) ends it early.
 */
import { open, rm, type FileHandle } from 'node:fs/promises';
import type { Clock, SetTimer, Sleep, Transport } from '../runtime.ts';
import { realClock, realSetTimer, realSleep } from '../runtime.ts';
import { describeFailure, failureCode, nodeTransport } from '../http/transport.ts';
import { resolvePolicy, withRetries, type RetryPolicy } from '../ollang/retry.ts';
import { checkContent } from './content-check.ts';
import { DownloadError, isHttp, redactUrl, scrubQuery } from './errors.ts';
import { fetchDocument, readBody, tooLarge, where, type Fetched } from './fetch.ts';
import type { DownloadItem } from './plan.ts';
import { BodySink } from './sink.ts';
import { fileError, moveIntoPlace, prepareFolder, targetPath } from './target.ts';
import { TempFiles } from './temp-files.ts';
import { Watchdog, type StopReason } from './watchdog.ts';

export { DownloadError, redactUrl } from './errors.ts';
export { DEADLINE_GRACE_MS } from './watchdog.ts';
export type { DownloadErrorReason } from './errors.ts';

export interface DownloadOptions {
  /** The folder the file goes in (absolute); created if missing. */
  directory: string;
  /** Nothing is written outside it, symlinks resolved. */
  workspace: string;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Epoch ms (on `clock`): the `timeout` deadline. Without one, attempts are bounded by the retry policy's count. */
  deadline?: number;
  /** Longest wait for the answer or for the next piece of the body. Default 60 s. */
  idleTimeoutMs?: number;
  /**
   * The document as a fresh Get Order lists it (a new signed URL); undefined when it is listed no
   * more. `signal` aborts at the deadline (and with `signal` above): the look-up must end there.
   */
  refresh?: (signal: AbortSignal) => Promise<RefreshedDocument | undefined>;
  /** Temporary names (and the post step's record of them). Default: a random run token, not recorded. */
  temp?: TempFiles;
  signal?: AbortSignal;
  transport?: Transport;
  clock?: Clock;
  sleep?: Sleep;
  setTimer?: SetTimer;
  /** For backoff jitter; default Math.random. */
  random?: () => number;
  retry?: Partial<RetryPolicy>;
}

export interface RefreshedDocument {
  url: string;
  expectedBytes?: number;
}

export interface DownloadResult {
  path: string;
  bytes: number;
}

/**
 * A download pauses after this many bytes until the event loop's next turn: the body is written
 * on the event loop (sink.ts), and a few large downloads at once would otherwise hold up status
 * checks and small downloads for tens of milliseconds.
 */
const YIELD_EVERY_BYTES = 512 * 1024;

/** Downloads `item` into `options.directory`. Throws DownloadError, and leaves no file behind, on failure. */
export async function downloadItem(item: DownloadItem, options: DownloadOptions): Promise<DownloadResult> {
  const finalPath = targetPath(options.directory, item.fileName);
  let source = checkedSource(
    item.fileName,
    { url: item.url, ...(item.expectedBytes !== undefined ? { expectedBytes: item.expectedBytes } : {}) },
    options,
    'the URL',
  );
  await prepareFolder(options.workspace, options.directory, item.fileName);

  const run: AttemptContext = {
    item,
    finalPath,
    options,
    transport: options.transport ?? nodeTransport,
    clock: options.clock ?? realClock,
    setTimer: options.setTimer ?? realSetTimer,
    temp: options.temp ?? new TempFiles({ workspace: options.workspace }),
  };
  // With a deadline, only the deadline ends the attempts (a failure worth retrying is retried while time is left).
  const policy = resolvePolicy({ ...(options.deadline !== undefined ? { maxAttempts: Number.POSITIVE_INFINITY } : {}), ...options.retry });
  let failed: DownloadError | undefined;
  const attemptAndNote = async (count: number): Promise<DownloadResult> => {
    // The wait ran into the deadline: what went wrong is the last attempt's failure, not the deadline.
    if (failed && options.deadline !== undefined && run.clock() >= options.deadline) throw gaveUp(failed, count - 1, true);
    try {
      return await attempt(run, source);
    } catch (error) {
      // The deadline stopped an attempt that had not a byte of the body yet (a connect, an answer
      // slow to come): what went wrong is still the earlier attempts' failure, as when the deadline
      // comes during the wait between attempts. An attempt under way (a host that trickles) is `deadline`.
      if (error instanceof DownloadError && error.reason === 'deadline' && error.bodyStarted !== true && failed) {
        throw gaveUp(failed, count - 1, true);
      }
      if (error instanceof DownloadError) failed = error;
      throw error;
    }
  };
  return withRetries(attemptAndNote, {
    policy,
    clock: run.clock,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    deadline: () => options.deadline,
    ...(options.signal ? { signal: options.signal } : {}),
    retryable: (error) => error instanceof DownloadError && error.retry !== 'no',
    retryAfterMs: (error) => (error as DownloadError).retryAfterMs,
    aborted: () => abortedError(item.fileName, source.url),
    beforeRetry: async (error) => {
      if ((error as DownloadError).retry === 'fresh-url' && options.refresh) source = await refreshed(run, source, options.refresh);
    },
    exhausted: (error, attempts) => gaveUp(error as DownloadError, attempts, options.deadline !== undefined),
  });
}

interface Source {
  url: URL;
  expectedBytes?: number;
}

interface AttemptContext {
  item: DownloadItem;
  finalPath: string;
  options: DownloadOptions;
  transport: Transport;
  clock: Clock;
  setTimer: SetTimer;
  temp: TempFiles;
}

/** A document's URL and size, checked: http(s) only, no larger than max-download-size by its announced size. */
function checkedSource(fileName: string, document: RefreshedDocument, options: DownloadOptions, what: string): Source {
  let url: URL;
  try {
    url = new URL(document.url);
  } catch {
    throw new DownloadError(`Refused to download "${fileName}": ${what} is not valid.`, 'scheme');
  }
  if (!isHttp(url))
    throw new DownloadError(`Refused to download "${fileName}": only http and https URLs are fetched, not ${url.protocol}`, 'scheme');
  if (document.expectedBytes !== undefined && document.expectedBytes > options.maxBytes) {
    throw new DownloadError(
      `Refused to download "${fileName}" from ${redactUrl(url)}: the order says it has ${document.expectedBytes} bytes, more than max-download-size (${options.maxBytes} bytes). Raise max-download-size to accept it.`,
      'too-large',
    );
  }
  return { url, ...(document.expectedBytes !== undefined ? { expectedBytes: document.expectedBytes } : {}) };
}

/**
 * The document as Ollang lists it now, asked for within the deadline. A failed look-up keeps the
 * URL we have: the next attempt, if the deadline leaves time for one, will tell.
 */
async function refreshed(
  run: AttemptContext,
  source: Source,
  refresh: (signal: AbortSignal) => Promise<RefreshedDocument | undefined>,
): Promise<Source> {
  const { fileName } = run.item;
  const { deadline } = run.options;
  const atDeadline = new AbortController();
  const cancelTimer =
    deadline === undefined
      ? () => undefined
      : run.setTimer(deadline - run.clock(), () => atDeadline.abort(new DOMException('the deadline came', 'TimeoutError')));
  const signal = run.options.signal ? AbortSignal.any([run.options.signal, atDeadline.signal]) : atDeadline.signal;
  let fresh: RefreshedDocument | undefined;
  try {
    fresh = await refresh(signal);
  } catch {
    if (run.options.signal?.aborted) throw abortedError(fileName, source.url);
    return source;
  } finally {
    cancelTimer();
  }
  if (!fresh) throw new DownloadError(`Download of ${where(fileName, source.url)} failed: the order no longer lists the document.`, 'gone');
  return checkedSource(fileName, fresh, run.options, 'the refreshed URL');
}

/** One attempt: fetch, stream to a temporary file, check, rename into place. */
async function attempt(run: AttemptContext, source: Source): Promise<DownloadResult> {
  const { item, options, clock } = run;
  const { fileName } = item;
  if (options.signal?.aborted) throw abortedError(fileName, source.url);
  if (options.deadline !== undefined && clock() >= options.deadline) throw deadlineError(fileName, source.url, 0, undefined);

  const stop = new AbortController();
  const watchdog = new Watchdog({
    clock,
    setTimer: run.setTimer,
    ...(options.idleTimeoutMs !== undefined ? { idleMs: options.idleTimeoutMs } : {}),
    ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
    onStop: (why) => stop.abort(why),
  });
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  let url = source.url;
  let fetched: Fetched | undefined;
  let sink: BodySink | undefined;
  let tempPath: string | undefined;
  let file: FileHandle | undefined;
  const failed = (error: unknown): DownloadError =>
    classify(error, {
      fileName,
      url,
      received: sink?.bytes ?? 0,
      length: fetched?.length,
      aborted: options.signal?.aborted === true,
      stopped: stop.signal.aborted ? (stop.signal.reason as StopReason) : undefined,
      idleMs: watchdog.idleMs,
    });

  try {
    try {
      fetched = await fetchDocument(source.url, { transport: run.transport, signal, maxBytes: options.maxBytes, fileName, now: clock });
    } catch (error) {
      throw failed(error);
    }
    url = fetched.url;
    watchdog.bodyStarted(fetched.length);
    tempPath = run.temp.pathFor(options.directory, fileName);
    try {
      // Checked before every write, not only before the first request: a retry may come minutes later.
      await prepareFolder(options.workspace, options.directory, fileName);
      file = await open(tempPath, 'wx');
    } catch (error) {
      fetched.response.body.cancel();
      throw error instanceof DownloadError ? error : fileError(fileName, tempPath, error);
    }
    const contentType = fetched.response.header('content-type');
    const writing = tempPath;
    const body = new BodySink({
      fd: file.fd,
      maxBytes: options.maxBytes,
      tooLarge: () => tooLarge(fileName, url, options.maxBytes),
      writeFailed: (cause) => fileError(fileName, writing, cause),
      check: (head) => {
        const reason = checkContent(item.expect, head, contentType);
        return reason === undefined
          ? undefined
          : new DownloadError(`Download of ${where(fileName, url)} refused: ${reason}.`, 'content', { retry: 'fresh-url' });
      },
    });
    sink = body;
    let sinceYield = 0;
    try {
      await readBody(fetched, fileName, (chunk) => {
        watchdog.received(chunk.length);
        body.take(chunk);
        sinceYield += chunk.length;
        if (sinceYield < YIELD_EVERY_BYTES) return;
        // Let the rest of the event loop (status checks, small downloads) run between slices.
        sinceYield = 0;
        return new Promise<void>((resolve) => setImmediate(resolve));
      });
      body.finish();
    } catch (error) {
      throw failed(error);
    }
    watchdog.stop();
    try {
      await file.close();
    } catch (error) {
      throw fileError(fileName, writing, error);
    } finally {
      file = undefined;
    }

    const bytes = body.bytes;
    if (fetched.length !== undefined && bytes !== fetched.length) {
      throw new DownloadError(
        `Download of ${where(fileName, url)} was cut short: received ${bytes} of ${fetched.length} bytes.`,
        'truncated',
        {
          retry: 'same-url',
        },
      );
    }
    if (source.expectedBytes !== undefined && bytes !== source.expectedBytes) {
      throw new DownloadError(
        `Download of ${where(fileName, url)} has ${bytes} bytes but the order says the document has ${source.expectedBytes}.`,
        'truncated',
        { retry: 'fresh-url' },
      );
    }
    // And once more just before the file lands: the folder may have been swapped while the body came.
    await prepareFolder(options.workspace, options.directory, fileName);
    await moveIntoPlace(writing, run.finalPath, fileName);
    tempPath = undefined;
    return { path: run.finalPath, bytes };
  } finally {
    watchdog.stop();
    if (file) await file.close().catch(() => undefined);
    if (tempPath !== undefined) await rm(tempPath, { force: true }).catch(() => undefined);
  }
}

/** What an exchange threw, as a DownloadError that says whether another attempt could help. */
function classify(
  error: unknown,
  at: {
    fileName: string;
    url: URL;
    received: number;
    length: number | undefined;
    aborted: boolean;
    stopped: StopReason | undefined;
    idleMs: number;
  },
): DownloadError {
  if (error instanceof DownloadError) return error;
  if (at.aborted) return abortedError(at.fileName, at.url);
  if (at.stopped === 'deadline') return deadlineError(at.fileName, at.url, at.received, at.length);
  const what = where(at.fileName, at.url);
  if (at.stopped === 'idle')
    return new DownloadError(`Download of ${what} timed out: no data for ${Math.round(at.idleMs / 1000)} s.`, 'network', {
      retry: 'same-url',
    });
  if (failureCode(error) === 'ERR_HTTP_CUT_SHORT' && at.length !== undefined)
    return new DownloadError(`Download of ${what} was cut short: received ${at.received} of ${at.length} bytes.`, 'truncated', {
      retry: 'same-url',
    });
  return new DownloadError(`Download of ${what} failed: ${scrubQuery(describeFailure(error))}.`, 'network', {
    retry: 'same-url',
    cause: error,
  });
}

function abortedError(fileName: string, url: URL): DownloadError {
  return new DownloadError(`Download of ${where(fileName, url)} was cancelled.`, 'aborted');
}

function deadlineError(fileName: string, url: URL, received: number, length: number | undefined): DownloadError {
  const progress = received === 0 ? 'before any byte came' : `after ${received}${length !== undefined ? ` of ${length}` : ''} bytes`;
  return new DownloadError(
    `Download of ${where(fileName, url)} was stopped at the deadline (timeout) ${progress}; nothing was saved.`,
    'deadline',
    { bodyStarted: received > 0 },
  );
}

/** The last failure of a download that had no attempt left, saying so. */
function gaveUp(error: DownloadError, attempts: number, hadDeadline: boolean): DownloadError {
  const why = hadDeadline ? 'the timeout leaves no time for another' : 'no attempts left';
  return new DownloadError(`${error.message} Gave up after ${attempts} attempt(s): ${why}.`, error.reason, {
    ...(error.status !== undefined ? { status: error.status } : {}),
    cause: error,
  });
}
