import { describe, expect, it } from 'vitest';
import { OllangError, readErrorBody } from '../../src/ollang/errors.ts';
import type { OllangErrorInit } from '../../src/ollang/errors.ts';
import {
  backoffDelay,
  defaultRetryPolicy,
  isRetryable,
  maxRetryAfterMs,
  parseRetryAfter,
  resolvePolicy,
  withRetries,
  type RetryOptions,
} from '../../src/ollang/retry.ts';

function err(init: Partial<OllangErrorInit>): OllangError {
  return new OllangError({ kind: 'http', endpoint: 'Get Order', ...init });
}

describe('isRetryable', () => {
  it.each([429, 408, 500, 502, 503, 504, 599])('retries HTTP %s', (status) => {
    expect(isRetryable(err({ status }))).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 410, 422])('never retries HTTP %s', (status) => {
    expect(isRetryable(err({ status }))).toBe(false);
  });

  it('retries network failures and time-outs', () => {
    expect(isRetryable(err({ kind: 'network' }))).toBe(true);
    expect(isRetryable(err({ kind: 'timeout' }))).toBe(true);
  });

  it('retries a body that is not JSON, not a body of the wrong shape', () => {
    expect(isRetryable(err({ kind: 'schema', invalidJson: true }))).toBe(true);
    expect(isRetryable(err({ kind: 'schema' }))).toBe(false);
  });

  it('never retries an abort', () => {
    expect(isRetryable(err({ kind: 'aborted' }))).toBe(false);
  });
});

describe('backoffDelay', () => {
  const policy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 };

  it('grows exponentially under full jitter, capped at maxDelayMs', () => {
    const top = (attempt: number): number => backoffDelay(attempt, policy, () => 1);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(top)).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(top(10_000)).toBe(30_000);
  });

  it('spreads between 0 and the ceiling', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.25)).toBe(500);
    expect(backoffDelay(3, policy, () => 0.999)).toBeLessThanOrEqual(2000);
  });

  it('honours a longer Retry-After, and keeps the jitter when it is longer', () => {
    expect(backoffDelay(1, policy, () => 0.5, 10_000)).toBe(10_000);
    expect(backoffDelay(6, policy, () => 1, 1_000)).toBe(16_000);
  });

  it('caps Retry-After', () => {
    expect(backoffDelay(1, policy, () => 0.5, 24 * 3600_000)).toBe(maxRetryAfterMs);
  });

  it('ignores nonsense Retry-After values', () => {
    expect(backoffDelay(1, policy, () => 1, -5)).toBe(500);
    expect(backoffDelay(1, policy, () => 1, Number.NaN)).toBe(500);
  });

  it('has sensible defaults', () => {
    expect(defaultRetryPolicy).toEqual({ maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 });
  });

  it('fills a partial policy and repairs nonsense', () => {
    expect(resolvePolicy({ maxAttempts: 2 })).toEqual({ ...defaultRetryPolicy, maxAttempts: 2 });
    expect(resolvePolicy({ maxAttempts: 0, baseDelayMs: -1 })).toMatchObject({ maxAttempts: 1, baseDelayMs: 0 });
    expect(resolvePolicy(undefined)).toEqual(defaultRetryPolicy);
    // Downloads: no count, only the deadline.
    expect(resolvePolicy({ maxAttempts: Number.POSITIVE_INFINITY }).maxAttempts).toBe(Number.POSITIVE_INFINITY);
    expect(resolvePolicy({ maxAttempts: Number.NaN }).maxAttempts).toBe(defaultRetryPolicy.maxAttempts);
  });
});

describe('withRetries: the one retry loop (API reads and cancels, downloads)', () => {
  class Transient extends Error {
    retryAfterMs?: number;
  }
  function loop(overrides: Partial<RetryOptions> = {}): { options: RetryOptions; sleeps: number[]; now: () => number } {
    let now = 1_000_000;
    const sleeps: number[] = [];
    const options: RetryOptions = {
      policy: { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 },
      clock: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
      random: () => 1,
      retryable: (error) => error instanceof Transient,
      retryAfterMs: (error) => (error as Transient).retryAfterMs,
      aborted: () => new Error('aborted while waiting'),
      ...overrides,
    };
    return { options, sleeps, now: () => now };
  }

  it('retries transient failures with growing waits until one attempt succeeds', async () => {
    const { options, sleeps } = loop();
    const seen: number[] = [];
    const result = await withRetries(async (attempt) => {
      seen.push(attempt);
      if (attempt < 4) throw new Transient();
      return 'done';
    }, options);
    expect(result).toBe('done');
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(sleeps).toEqual([500, 1000, 2000]);
  });

  it('throws at once what is not worth another attempt', async () => {
    const { options, sleeps } = loop();
    const fatal = new Error('401');
    await expect(withRetries(() => Promise.reject(fatal), options)).rejects.toBe(fatal);
    expect(sleeps).toEqual([]);
  });

  it('stops after maxAttempts, and never waits past the deadline: the last failure (or `exhausted` of it) is thrown', async () => {
    let { options } = loop({ policy: { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 30_000 } });
    let attempts = 0;
    await expect(
      withRetries(async () => {
        attempts++;
        throw new Transient(`try ${attempts}`);
      }, options),
    ).rejects.toThrow('try 3');

    const timed = loop({
      policy: { maxAttempts: Number.POSITIVE_INFINITY, baseDelayMs: 500, maxDelayMs: 30_000 },
      exhausted: (error, count) => new Error(`${(error as Error).message} after ${count} attempts`),
    });
    options = timed.options;
    const deadline = timed.now() + 10_000;
    options.deadline = () => deadline;
    attempts = 0;
    await expect(
      withRetries(async () => {
        attempts++;
        throw new Transient('still failing');
      }, options),
    ).rejects.toThrow('still failing after 5 attempts');
    // 500 + 1000 + 2000 + 4000 = 7500 ms; the next wait (8 s) would end past the deadline.
    expect(timed.sleeps).toEqual([500, 1000, 2000, 4000]);
    expect(timed.now()).toBeLessThanOrEqual(deadline);
  });

  it('honours a longer Retry-After, and runs beforeRetry before each wait (not when giving up)', async () => {
    const calls: string[] = [];
    const { options, sleeps } = loop({
      policy: { maxAttempts: 2, baseDelayMs: 500, maxDelayMs: 30_000 },
      beforeRetry: async (_error, attempt) => void calls.push(`before retry ${attempt + 1}`),
    });
    const slow = Object.assign(new Transient(), { retryAfterMs: 7_000 });
    await expect(
      withRetries(async (attempt) => {
        calls.push(`attempt ${attempt}`);
        throw slow;
      }, options),
    ).rejects.toBe(slow);
    expect(sleeps).toEqual([7_000]);
    expect(calls).toEqual(['attempt 1', 'before retry 2', 'attempt 2']);
  });

  it('the time beforeRetry takes counts towards the wait, and the deadline is checked again after it: a slow look-up never runs the next attempt past it', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const attempts: number[] = [];
    const run = (lookUpMs: number, deadline: number): Promise<unknown> =>
      withRetries(
        async (attempt) => {
          attempts.push(now);
          if (attempt < 3) throw new Transient(`try ${attempt}`);
          return 'done';
        },
        loop({
          policy: { maxAttempts: Number.POSITIVE_INFINITY, baseDelayMs: 1_000, maxDelayMs: 30_000 },
          clock: () => now,
          sleep: async (ms) => {
            sleeps.push(ms);
            now += ms;
          },
          deadline: () => deadline,
          // A download's look-up for a fresh URL.
          beforeRetry: async () => {
            now += lookUpMs;
          },
          exhausted: (error, count) => new Error(`${(error as Error).message}, gave up after ${count}`),
        }).options,
      );
    // Waits of 1 s and 2 s: a look-up of 300 ms leaves 700 ms and 1.7 s to sleep.
    await expect(run(300, 10_000)).resolves.toBe('done');
    expect(sleeps).toEqual([700, 1_700]);
    expect(attempts).toEqual([0, 1_000, 3_000]);
    // The look-up runs into the deadline: no sleep, no attempt past it; the last failure is thrown.
    now = 0;
    sleeps.length = 0;
    attempts.length = 0;
    await expect(run(9_000, 5_000)).rejects.toThrow('try 1, gave up after 1');
    expect(sleeps).toEqual([]);
    expect(attempts).toEqual([0]);
  });

  it('an abort during a wait throws `aborted`', async () => {
    const controller = new AbortController();
    const { options } = loop({
      signal: controller.signal,
      sleep: (_ms, signal) => {
        controller.abort(new Error('stop'));
        return Promise.reject(signal?.reason);
      },
    });
    await expect(withRetries(() => Promise.reject(new Transient()), options)).rejects.toThrow('aborted while waiting');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 0, 1, 12, 0, 0);
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter(new Date(now + 7000).toUTCString(), now)).toBe(7000);
    expect(parseRetryAfter(new Date(now - 7000).toUTCString(), now)).toBe(0);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('OllangError', () => {
  it('reads like "Endpoint id: status CODE: message"', () => {
    const e = err({
      orderId: '60b8d6f1e1b9b1d8c6c0d8e1',
      status: 404,
      code: 'ORDER_NOT_FOUND',
      apiMessage: 'No order found with the provided orderId',
    });
    expect(e.message).toBe('Get Order 60b8d6f1e1b9b1d8c6c0d8e1: 404 ORDER_NOT_FOUND: No order found with the provided orderId');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('OllangError');
    expect(e.ambiguous).toBe(false);
  });

  it('falls back to the status text, and says when the request may have been processed', () => {
    expect(err({ endpoint: 'Create Order', status: 502, statusText: 'Bad Gateway', ambiguous: true }).message).toBe(
      'Create Order: 502: Bad Gateway (the request may still have been processed)',
    );
    expect(err({ kind: 'timeout', detail: 'within 30 s' }).message).toBe('Get Order: no response within 30 s');
    expect(err({ kind: 'schema', detail: 'id: expected string' }).message).toBe('Get Order: unexpected response: id: expected string');
  });
});

describe('readErrorBody', () => {
  it("reads the reference pages' {error, message, code}", () => {
    expect(
      readErrorBody(
        JSON.stringify({ error: 'Order not found', message: 'No order found with the provided orderId', code: 'ORDER_NOT_FOUND' }),
      ),
    ).toEqual({ code: 'ORDER_NOT_FOUND', apiMessage: 'No order found with the provided orderId' });
  });

  it('prefers detail in the generic envelope, and drops the numeric code', () => {
    expect(
      readErrorBody(JSON.stringify({ code: -1, error: 'UnknownError', message: 'unknown error', detail: 'Project is still processing' })),
    ).toEqual({ apiMessage: 'Project is still processing' });
  });

  it('falls back to error, joins message arrays, handles empty and non-JSON bodies', () => {
    expect(readErrorBody(JSON.stringify({ error: 'Forbidden' }))).toEqual({ apiMessage: 'Forbidden' });
    expect(readErrorBody(JSON.stringify({ message: ['a must be x', 'b must be y'] }))).toEqual({
      apiMessage: 'a must be x; b must be y',
    });
    expect(readErrorBody('')).toEqual({});
    expect(readErrorBody('<html><body>502 Bad Gateway</body></html>')).toEqual({});
    expect(readErrorBody('upstream connect error')).toEqual({ apiMessage: 'upstream connect error' });
    expect(readErrorBody('x'.repeat(2000)).apiMessage?.length).toBeLessThanOrEqual(500);
  });
});
