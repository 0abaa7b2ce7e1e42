/**
 * Test helpers for the Ollang client: a fetch stub that records every request and replays
 * scripted answers, and a fake clock whose sleep records delays instead of waiting.
 */
import { OllangClient } from '../../src/ollang/client.ts';
import type { OllangClientOptions, RequestEvent } from '../../src/ollang/client.ts';
import type { Fetch } from '../../src/runtime.ts';

export const API_KEY = 'sk-test-SECRET-0123456789';
export const BASE_URL = 'https://api.example.test';

export interface RecordedRequest {
  method: string;
  url: URL;
  /** pathname + search, decoded search params in `url.searchParams`. */
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  redirect?: RequestInit['redirect'];
}

export type Scripted =
  | { status?: number; body?: unknown; headers?: Record<string, string>; statusText?: string }
  | { error: unknown }
  | ((request: RecordedRequest) => Response | Promise<Response>);

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Scripted {
  return { status, body, headers };
}

export function networkError(code = 'ECONNRESET', message = 'read ECONNRESET'): Scripted {
  const cause = Object.assign(new Error(message), { code });
  return { error: new TypeError('fetch failed', { cause }) };
}

export function timeoutError(): Scripted {
  return { error: new DOMException('The operation was aborted due to timeout', 'TimeoutError') };
}

export function toResponse(step: Exclude<Scripted, { error: unknown } | ((r: RecordedRequest) => unknown)>): Response {
  const status = step.status ?? 200;
  const noBody = status === 204 || status === 304 || step.body === undefined;
  const text = noBody ? null : typeof step.body === 'string' ? step.body : JSON.stringify(step.body);
  const headers = new Headers(step.headers ?? {});
  if (text !== null && !headers.has('content-type') && typeof step.body !== 'string') {
    headers.set('content-type', 'application/json');
  }
  return new Response(text, { status, headers, ...(step.statusText ? { statusText: step.statusText } : {}) });
}

/**
 * A fetch that answers from `script` in order (the last entry repeats when `repeatLast`), or from
 * a router function for every request.
 */
export function stubFetch(
  script: Scripted[] | ((request: RecordedRequest) => Scripted),
  options: { repeatLast?: boolean } = {},
): { fetch: Fetch; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  let index = 0;
  const fetch: Fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const recorded: RecordedRequest = {
      method: init?.method ?? 'GET',
      url,
      path: url.pathname + url.search,
      headers,
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
      ...(init?.signal ? { signal: init.signal } : {}),
      ...(init?.redirect ? { redirect: init.redirect } : {}),
    };
    requests.push(recorded);
    let step: Scripted | undefined;
    if (typeof script === 'function') step = script(recorded);
    else {
      step = script[index] ?? (options.repeatLast ? script[script.length - 1] : undefined);
      index++;
    }
    if (step === undefined)
      throw new Error(`stubFetch: no scripted answer for request ${requests.length} (${recorded.method} ${recorded.path})`);
    if (typeof step === 'function') return step(recorded);
    if ('error' in step) throw step.error;
    return toResponse(step);
  };
  return { fetch, requests };
}

export interface Harness {
  client: OllangClient;
  requests: RecordedRequest[];
  sleeps: number[];
  events: RequestEvent[];
  now: () => number;
  advance: (ms: number) => void;
}

export const START = Date.UTC(2025, 0, 1, 12, 0, 0);

/** A client over a stub fetch, a fake clock and a recording sleep (no wall-clock waits). */
export function harness(
  script: Scripted[] | ((request: RecordedRequest) => Scripted),
  options: Partial<OllangClientOptions> & { repeatLast?: boolean } = {},
): Harness {
  const { repeatLast, ...clientOptions } = options;
  const { fetch, requests } = stubFetch(script, { repeatLast: repeatLast ?? false });
  let now = START;
  const sleeps: number[] = [];
  const events: RequestEvent[] = [];
  const client = new OllangClient({
    baseUrl: BASE_URL,
    apiKey: API_KEY,
    fetch,
    clock: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0.5,
    onRequest: (event) => events.push(event),
    ...clientOptions,
  });
  return {
    client,
    requests,
    sleeps,
    events,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
}

/** Awaits a promise expected to reject and returns the rejection. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** A Get Order body as the reference page shows it. */
export function orderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '60b8d6f1e1b9b1d8c6c0d8e1',
    createdAt: '2024-01-15T10:30:00Z',
    name: 'Batman Returns - Episode 1',
    sourceLanguage: 'en',
    targetLanguage: 'fr',
    type: 'cc',
    status: 'completed',
    rate: 0.15,
    projectId: 'proj_xyz789',
    level: 2,
    folderId: 'folder_abc123',
    vttUrl: 'https://example.com/subtitles/batman_returns_fr.vtt',
    orderDocs: [
      {
        id: 'doc_123abc',
        name: 'Batman Returns - Source Video',
        url: 'https://example.com/videos/batman_returns.mp4',
        type: 'sourceVideo',
        size: 1073741824,
        duration: 7200,
        sourceLanguage: 'en',
        createdAt: '2024-01-15T10:30:00Z',
        updatedAt: '2024-01-15T10:30:00Z',
      },
      {
        id: 'doc_456def',
        name: 'French Subtitles',
        url: 'https://example.com/subtitles/batman_returns_fr.srt',
        type: 'subtitle',
        size: 8192,
        wordCount: 1250,
        sourceLanguage: 'fr',
        createdAt: '2024-01-16T14:20:00Z',
        updatedAt: '2024-01-16T14:20:00Z',
      },
    ],
    finance: { paymentAmount: 150.75 },
    ...overrides,
  };
}

export function summary(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `Order ${id}`,
    sourceLanguage: 'en',
    targetLanguage: 'fr',
    status: 'ongoing',
    type: 'cc',
    createdAt: '2024-01-15T10:30:00Z',
    clientId: 'client_abc123',
    projectId: 'proj_xyz789',
    ...overrides,
  };
}

export function pageBody(
  ids: string[],
  meta: { page: number; take: number; itemCount: number; pageCount: number },
): Record<string, unknown> {
  return {
    data: ids.map((id) => summary(id)),
    meta: { ...meta, hasNextPage: meta.page < meta.pageCount, hasPreviousPage: meta.page > 1 },
  };
}
