/**
 * Every OllangClient the action uses is built here, with its budget: the run's own; one for the
 * cancels after an abort (inside the runner's grace period) or past the wait's deadline
 * (on-timeout: cancel); and the post step's. Each logs its requests at debug level the same way.
 */
import { OllangClient } from './ollang/client.ts';
import type { Clock, Log, Sleep, Transport } from './runtime.ts';

/** Where and how to reach Ollang, and the side effects a client runs on. */
export interface Connection {
  apiUrl: string;
  apiKey: string;
  transport: Transport;
  clock: Clock;
  sleep: Sleep;
  random?: () => number;
  log: Log;
}

/** The runner allows 7.5 s after SIGINT before SIGTERM, and 2.5 s more before SIGKILL. */
export const ABORT_CANCEL_BUDGET_MS = 6_000;
/** on-timeout: cancel runs after the wait's deadline: it gets this long to cancel, retries included. */
export const TIMEOUT_CANCEL_BUDGET_MS = 60_000;
/** The post step: long enough for a few retries and the look-ups for a lost create. */
export const POST_BUDGET_MS = 60_000;
/** Reads and cancels may still retry for this long when `timeout` leaves no time (timeout: 0). */
export const MIN_RETRY_WINDOW_MS = 60_000;

/** The run's client: retries never sleep, nor reads run, past the run's deadline (at least a minute); all stop on abort. */
export function runClient(connection: Connection, options: { startedAt: number; deadline: number; signal: AbortSignal }): OllangClient {
  const retryUntil = Math.max(options.deadline, options.startedAt + MIN_RETRY_WINDOW_MS);
  return build(connection, { deadline: retryUntil, signal: options.signal });
}

/**
 * A client for cancelling once the run's own can no longer serve (its abort signal has fired,
 * or its deadline has passed). Everything it does ends within its budget from now.
 */
export function cancelClient(connection: Connection, after: 'abort' | 'deadline'): OllangClient {
  if (after === 'abort') {
    // Short requests and quick retries: every cancel must fit in the runner's grace period.
    return budgeted(connection, ABORT_CANCEL_BUDGET_MS, {
      requestTimeoutMs: 3_000,
      retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1_000 },
    });
  }
  return budgeted(connection, TIMEOUT_CANCEL_BUDGET_MS);
}

/** The post step's client: its whole budget from now. */
export function postClient(connection: Connection): OllangClient {
  return budgeted(connection, POST_BUDGET_MS, { requestTimeoutMs: 10_000 });
}

function budgeted(
  connection: Connection,
  budgetMs: number,
  options: { requestTimeoutMs?: number; retry?: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number } } = {},
): OllangClient {
  return build(connection, { ...options, deadline: connection.clock() + budgetMs, signal: AbortSignal.timeout(budgetMs) });
}

function build(
  connection: Connection,
  options: {
    deadline: number;
    signal: AbortSignal;
    requestTimeoutMs?: number;
    retry?: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  },
): OllangClient {
  const { log, deadline, ...rest } = { ...options, log: connection.log };
  return new OllangClient({
    baseUrl: connection.apiUrl,
    apiKey: connection.apiKey,
    transport: connection.transport,
    sleep: connection.sleep,
    clock: connection.clock,
    ...(connection.random ? { random: connection.random } : {}),
    ...rest,
    deadline: () => deadline,
    onRequest: (event) =>
      log.debug(
        `${event.method} ${event.path} -> ${event.status ?? 'no answer'} (${event.endpoint}, attempt ${event.attempt}, ${event.durationMs} ms)`,
      ),
  });
}
