/**
 * Retrying, for everything the action reads: which API failures are worth another attempt, how
 * long to wait before it (backoff with jitter, Retry-After), and the loop itself, which the API
 * client (reads and cancels; Create Order is never retried) and the downloads both run.
 */
import type { Clock, Sleep } from '../runtime.ts';
import type { OllangError } from './errors.ts';

export interface RetryPolicy {
  /** Attempts in all, the first one included. Infinity: only the deadline ends them (downloads). */
  maxAttempts: number;
  /** Ceiling of the first retry's delay; doubles with every further retry. */
  baseDelayMs: number;
  /** Largest ceiling of the exponential part. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = Object.freeze({
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
});

/** A server's Retry-After is honoured up to this long (the caller's deadline still applies). */
export const maxRetryAfterMs = 5 * 60_000;

/**
 * 429, 408 and 5xx, network failures, time-outs and a 2xx body that is not JSON at all are
 * transient. Every other 4xx (400, 401, 403, 404, 409, …), a body of the wrong shape and an abort
 * are not.
 */
export function isRetryable(error: OllangError): boolean {
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return true;
    case 'http': {
      const status = error.status ?? 0;
      return status === 429 || status === 408 || status >= 500;
    }
    case 'schema':
      return error.invalidJson;
    case 'aborted':
      return false;
  }
}

/**
 * Delay before retry number `attempt` (1 = the first retry): full jitter over an exponential
 * ceiling, `random() * min(maxDelayMs, baseDelayMs * 2^(attempt-1))`. A server's Retry-After wins
 * when it is longer, capped at `maxRetryAfterMs`.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 52));
  const r = Math.min(1, Math.max(0, random()));
  const jittered = Math.floor(Math.max(0, ceiling) * r);
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs <= 0) return jittered;
  return Math.max(jittered, Math.min(Math.ceil(retryAfterMs), maxRetryAfterMs));
}

/**
 * Retry-After as milliseconds: delta-seconds ("120") or an HTTP date, relative to `now`.
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** A policy filled from defaults, with nonsense values (0 attempts, negative delays) repaired. */
export function resolvePolicy(partial: Partial<RetryPolicy> | undefined): RetryPolicy {
  const merged = { ...defaultRetryPolicy, ...stripUndefined(partial ?? {}) };
  const attempts =
    merged.maxAttempts === Number.POSITIVE_INFINITY ? merged.maxAttempts : finiteOr(merged.maxAttempts, defaultRetryPolicy.maxAttempts);
  return {
    maxAttempts: Math.max(1, Math.floor(attempts)),
    baseDelayMs: Math.max(0, finiteOr(merged.baseDelayMs, defaultRetryPolicy.baseDelayMs)),
    maxDelayMs: Math.max(0, finiteOr(merged.maxDelayMs, defaultRetryPolicy.maxDelayMs)),
  };
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface RetryOptions {
  policy: RetryPolicy;
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  /** Epoch ms, read before each wait and again after beforeRetry: no wait ends past it (the last error is thrown instead). */
  deadline?: () => number | undefined;
  /** Aborts a wait between attempts. */
  signal?: AbortSignal;
  /** Whether this failure is worth another attempt. */
  retryable: (error: unknown) => boolean;
  /** How long the server asked us to wait (its Retry-After), if it did. */
  retryAfterMs?: (error: unknown) => number | undefined;
  /** The error thrown when `signal` aborts a wait. */
  aborted: (cause: unknown) => unknown;
  /** Runs before waiting for the next attempt (downloads fetch a fresh URL here); the time it takes counts towards the wait. */
  beforeRetry?: (error: unknown, attempt: number) => Promise<void>;
  /** What to throw when a retryable failure gets no further attempt (attempts or time ran out); default: the failure. */
  exhausted?: (error: unknown, attempts: number) => unknown;
}

/**
 * Runs `attempt` (1, 2, …) until it succeeds, fails in a way `retryable` refuses, or the attempts
 * or the deadline run out; waits backoffDelay() between attempts.
 */
export async function withRetries<T>(attempt: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, signal } = options;
  for (let count = 1; ; count++) {
    let error: unknown;
    try {
      return await attempt(count);
    } catch (caught) {
      error = caught;
    }
    if (!options.retryable(error)) throw error;
    const giveUp = (): unknown => (options.exhausted ? options.exhausted(error, count) : error);
    if (count >= policy.maxAttempts) throw giveUp();
    const retryAt = options.clock() + backoffDelay(count, policy, options.random, options.retryAfterMs?.(error));
    const pastDeadline = (at: number): boolean => {
      const deadline = options.deadline?.();
      return deadline !== undefined && at > deadline;
    };
    if (pastDeadline(retryAt)) throw giveUp();
    await options.beforeRetry?.(error, count);
    // A slow beforeRetry (a look-up that hung) must not push the next attempt past the deadline.
    if (pastDeadline(Math.max(retryAt, options.clock()))) throw giveUp();
    try {
      await options.sleep(Math.max(0, retryAt - options.clock()), signal);
    } catch (cause) {
      if (signal?.aborted) throw options.aborted(cause);
      throw cause;
    }
    if (signal?.aborted) throw options.aborted(signal.reason);
  }
}
