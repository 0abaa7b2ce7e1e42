/**
 * Which failures are worth another attempt, and how long to wait before it.
 * Only reads and cancels are retried (the client decides that); Create Order never is.
 */
import type { OllangError } from './errors.ts';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
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
  return {
    maxAttempts: Math.max(1, Math.floor(finiteOr(merged.maxAttempts, defaultRetryPolicy.maxAttempts))),
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
