/**
 * Test helpers for the Ollang client: a transport stub that records every request and replays
 * scripted answers, and a fake clock whose sleep records delays instead of waiting and whose
 * timers fire when the clock passes them.
 */
import { OllangClient } from '../../src/ollang/client.ts';
import type { OllangClientOptions, RequestEvent } from '../../src/ollang/client.ts';
import type { HttpResponse } from '../../src/http/transport.ts';
import type { SetTimer, Transport } from '../../src/runtime.ts';

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
}

export type Scripted =
  | { status?: number; body?: unknown; headers?: Record<string, string>; statusText?: string }
  | { error: unknown }
  /** No answer: the request waits until its signal aborts (the client's time-out, or an abort). */
  | { hang: true }
  | ((request: RecordedRequest) => HttpResponse | Promise<HttpResponse>);

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Scripted {
  return { status, body, headers };
}

/** A socket error as the transport reports it. */
export function networkError(code = 'ECONNRESET', message = 'read ECONNRESET'): Scripted {
  return { error: Object.assign(new Error(message), { code }) };
}

/** An answer that never comes: the client's request time-out fires (the harness fires due timers). */
export function timeoutError(): Scripted {
  return { hang: true };
}

/** An answer as the transport hands it over. `text` may be an Error: reading the body then fails with it. */
export function response(status: number, text: string | Error = '', headers: Record<string, string> = {}, statusText = ''): HttpResponse {
  const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const read = async (onChunk: (chunk: Buffer) => void | Promise<void>): Promise<void> => {
    if (text instanceof Error) throw text;
    if (text !== '') await onChunk(Buffer.from(text));
  };
  return {
    status,
    statusText,
    header: (name) => lower.get(name.toLowerCase()),
    body: {
      read,
      text: async () => {
        if (text instanceof Error) throw text;
        return text;
      },
      cancel: () => undefined,
    },
  };
}

export function toResponse(step: Exclude<Scripted, { error: unknown } | { hang: true } | ((r: RecordedRequest) => unknown)>): HttpResponse {
  const status = step.status ?? 200;
  const noBody = status === 204 || status === 304 || step.body === undefined;
  const text = noBody ? '' : typeof step.body === 'string' ? step.body : JSON.stringify(step.body);
  const headers: Record<string, string> = { ...step.headers };
  if (text !== '' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type') && typeof step.body !== 'string') {
    headers['content-type'] = 'application/json';
  }
  return response(status, text, headers, step.statusText ?? '');
}

/**
 * A transport that answers from `script` in order (the last entry repeats when `repeatLast`), or
 * from a router function for every request. `onHang` runs when a request is left without an answer.
 */
export function stubTransport(
  script: Scripted[] | ((request: RecordedRequest) => Scripted),
  options: { repeatLast?: boolean; onHang?: () => void } = {},
): { transport: Transport; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  let index = 0;
  const transport: Transport = async (request) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    const recorded: RecordedRequest = {
      method: request.method,
      url: request.url,
      path: request.url.pathname + request.url.search,
      headers,
      ...(typeof request.body === 'string' ? { body: request.body } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    };
    requests.push(recorded);
    let step: Scripted | undefined;
    if (typeof script === 'function') step = script(recorded);
    else {
      step = script[index] ?? (options.repeatLast ? script[script.length - 1] : undefined);
      index++;
    }
    if (step === undefined)
      throw new Error(`stubTransport: no scripted answer for request ${requests.length} (${recorded.method} ${recorded.path})`);
    if (typeof step === 'function') return step(recorded);
    if ('error' in step) throw step.error;
    if ('hang' in step) {
      return new Promise<HttpResponse>((_resolve, reject) => {
        const signal = request.signal;
        if (!signal) return;
        if (signal.aborted) return reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        options.onHang?.();
      });
    }
    return toResponse(step);
  };
  return { transport, requests };
}

/** Timers on a fake clock: they fire when the clock is advanced past them. */
export class FakeTimers {
  now: number;
  readonly armed: { at: number; ms: number; fire: () => void; cancelled: boolean }[] = [];

  constructor(now: number) {
    this.now = now;
  }

  readonly setTimer: SetTimer = (ms, fire) => {
    const timer = { at: this.now + ms, ms, fire, cancelled: false };
    this.armed.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };

  /** Moves the clock on, firing (in order) every timer that comes due. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.armed.filter((t) => !t.cancelled && t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.now = Math.max(this.now, due.at);
      due.cancelled = true;
      due.fire();
    }
    this.now = until;
  }

  /** Timers still waiting to fire. */
  pending(): { at: number; ms: number }[] {
    return this.armed.filter((t) => !t.cancelled);
  }
}

export interface Harness {
  client: OllangClient;
  requests: RecordedRequest[];
  sleeps: number[];
  events: RequestEvent[];
  timers: FakeTimers;
  now: () => number;
  advance: (ms: number) => void;
}

export const START = Date.UTC(2025, 0, 1, 12, 0, 0);

/**
 * A client over a stub transport, a fake clock and a recording sleep (no wall-clock waits). A
 * request left without an answer ({ hang: true }) gets the clock moved to its time-out.
 */
export function harness(
  script: Scripted[] | ((request: RecordedRequest) => Scripted),
  options: Partial<OllangClientOptions> & { repeatLast?: boolean } = {},
): Harness {
  const { repeatLast, ...clientOptions } = options;
  const timers = new FakeTimers(START);
  const { transport, requests } = stubTransport(script, {
    repeatLast: repeatLast ?? false,
    onHang: () => queueMicrotask(() => timers.advance(Math.max(0, ...timers.pending().map((t) => t.at - timers.now)))),
  });
  const sleeps: number[] = [];
  const events: RequestEvent[] = [];
  const client = new OllangClient({
    baseUrl: BASE_URL,
    apiKey: API_KEY,
    transport,
    clock: () => timers.now,
    setTimer: timers.setTimer,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      timers.advance(ms);
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
    timers,
    now: () => timers.now,
    advance: (ms) => timers.advance(ms),
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
