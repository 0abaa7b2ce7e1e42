/**
 * OllangClient: the five order endpoints the action uses, as docs/ollang-api.md describes them,
 * the media upload and the project reads (Upload, List Projects, Get Project: docs/ollang-uploads.md).
 *
 * - Reads (Get Order, List Orders) and cancels (Cancel Order, Cancel Human Review: repeating one is
 *   harmless, a 409 means it is done) are retried per the RetryPolicy, never sleeping past
 *   `deadline`. 401 and the other 4xx are never retried.
 * - Create Order and Upload are never retried: every failure is thrown at once, with `ambiguous:
 *   true` when the order or project may exist anyway (no answer after sending, a 5xx, a 2xx we
 *   could not read). An upload whose body did not go out whole cannot have made a project.
 * - An upload streams its file from disk (media/multipart.ts) with no overall time limit: it
 *   fails when no byte goes out for UPLOAD_IDLE_MS, or no answer comes UPLOAD_ANSWER_MS after the
 *   last byte; the run's abort signal stops it at once.
 * - JSON bodies go out as a string, which the transport sends with a Content-Length (chunked
 *   bodies caused 500s). Redirects are never followed: the key would go along.
 * - Each request (answer and body) gets `requestTimeoutMs` on the injected timer; a read or cancel
 *   no more than the time left before its deadline (at least minRequestTimeoutMs), so a request in
 *   flight ends there too, not only the waits between attempts.
 * - Bodies are never parsed unconditionally (204 / empty).
 * - The API key is sent only as `X-Api-Key` and is scrubbed from everything an error carries.
 */
import type { Clock, SetTimer, Sleep, Transport } from '../runtime.ts';
import { realClock, realSetTimer, realSleep } from '../runtime.ts';
import { describeFailure, failureCode, nodeTransport, type HttpResponse } from '../http/transport.ts';
import { OllangError, readErrorBody } from './errors.ts';
import type { OllangErrorInit } from './errors.ts';
import { isRetryable, parseRetryAfter, resolvePolicy, withRetries } from './retry.ts';
import type { RetryPolicy } from './retry.ts';
import type {
  CancelHumanReviewResult,
  CreatedOrder,
  Order,
  OrderPage,
  OrderSummary,
  Project,
  ProjectPage,
  UploadResult,
} from './schemas.ts';
import type { StreamedBody } from '../http/transport.ts';
import { multipartBody, streamedMultipartBody, type UploadNote } from '../media/multipart.ts';
import type { z } from 'zod';
import { redactSecrets } from '../redact.ts';

/**
 * The zod schemas are loaded when the first answer is in, not before the first request: zod is
 * a third of the code a start-up would otherwise compile first.
 */
type Schemas = typeof import('./schemas.ts');
let schemas: Promise<Schemas> | undefined;
let loaded: Schemas | undefined;
const loadSchemas = (): Promise<Schemas> => (schemas ??= import('./schemas.ts').then((module) => (loaded = module)));

export interface RequestEvent {
  endpoint: string;
  method: string;
  /** Path and query string, e.g. `/integration/orders/abc`. Never headers. */
  path: string;
  /** HTTP status, when an answer came. */
  status?: number;
  /** 1 for the first attempt. */
  attempt: number;
  durationMs: number;
}

export interface OllangClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Default: nodeTransport. */
  transport?: Transport;
  sleep?: Sleep;
  clock?: Clock;
  /** Runs the request time-outs. */
  setTimer?: SetTimer;
  random?: () => number;
  /** Per request (answer and body), default 30 000 ms; reads and cancels: never past their deadline (see minRequestTimeoutMs). */
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Epoch ms: retries never sleep past it (the last error is thrown instead), and reads and cancels end by it. */
  deadline?: () => number | undefined;
  /** Aborts in-flight requests and retry sleeps (kind 'aborted', never retried). */
  signal?: AbortSignal;
  onRequest?: (event: RequestEvent) => void;
  userAgent?: string;
}

export interface CreateOrderRequest {
  orderType: string;
  level: number;
  projectId: string;
  targetLanguageConfigs: { language: string; isRush?: boolean }[];
  orderSubType?: string;
  dubbingStyle?: string;
  callbackUrl?: string;
  autoQc?: boolean;
}

export interface ListOrdersFilter {
  type?: string;
  name?: string;
  /** ISO 8601; sent as `filter[createdAtRange][from]`. */
  createdAtFrom?: string;
  /** ISO 8601; sent as `filter[createdAtRange][to]`. */
  createdAtTo?: string;
  /** Undocumented (SDKs use it); a server may ignore it: filter on your side too. */
  status?: string;
  /** Undocumented (SDKs use it); a server may ignore it: filter on your side too. */
  projectId?: string;
}

export interface ListOrdersQuery {
  page?: number;
  /** 1 to 50. */
  take?: number;
  search?: string;
  orderBy?: 'id' | 'createdAt' | 'name' | 'status';
  orderDirection?: 'asc' | 'desc';
  filter?: ListOrdersFilter;
}

export interface ListProjectsQuery {
  page?: number;
  /** 1 to 50 (the API's default is 10). */
  take?: number;
  /** Case-insensitive, partial match on the project's name. */
  search?: string;
  orderBy?: 'id' | 'name' | 'createdAt' | 'sourceLanguage';
  orderDirection?: 'asc' | 'desc';
}

export interface UploadRequest {
  /** Absolute path of the file to upload. */
  filePath: string;
  /** The project's name (media/project-name.ts). */
  name: string;
  sourceLanguage: string;
  notes?: UploadNote[];
  /** The file bytes handed to the connection so far. */
  onProgress?: (fileBytesSent: number) => void;
  /** Stops the upload at once (besides the client's own signal). */
  signal?: AbortSignal;
}

/** An upload fails when no byte of it goes out for this long. */
export const UPLOAD_IDLE_MS = 120_000;
/** After the last byte, the platform may store a big file before it answers: this long at most. */
export const UPLOAD_ANSWER_MS = 10 * 60_000;

export const defaultRequestTimeoutMs = 30_000;
/**
 * A read or cancel sent with less time than this before its deadline still gets this long: the
 * last status check at the deadline has a moment for its answer, and none runs longer past it.
 */
export const minRequestTimeoutMs = 5_000;
export const defaultUserAgent = 'ollang-localize-action';
/** listAllOrders stops here unless told otherwise (a guard against a server that always says "more"). */
export const defaultMaxPages = 1000;

interface RequestSpec {
  endpoint: string;
  method: 'GET' | 'POST';
  path: string;
  orderId?: string;
  body?: unknown;
  /** Retry per policy (reads, cancels); false: one attempt only (create). */
  retry: boolean;
  signal?: AbortSignal;
  /** Ignore the client-wide abort signal (Create Order: see createOrder). */
  detached?: boolean;
  /** Epoch ms: retries of this call never sleep past it, nor its requests run past it (nor past the client's `deadline`). */
  deadline?: number;
}

interface RawResponse {
  status: number;
  statusText: string;
  text: string;
}

/** Socket errors that mean the request never left this machine: nothing can have been processed. */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

export class OllangClient {
  readonly #baseUrl: string;
  readonly #apiKey: string;
  readonly #transport: Transport;
  readonly #sleep: Sleep;
  readonly #clock: Clock;
  readonly #setTimer: SetTimer;
  readonly #random: () => number;
  readonly #timeoutMs: number;
  readonly #policy: RetryPolicy;
  readonly #deadline: () => number | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #onRequest: ((event: RequestEvent) => void) | undefined;
  readonly #userAgent: string;
  #requestCount = 0;
  /** Ollang's clock (its last `Date` header) and ours when it came. */
  #ollangClock: { ollang: number; ours: number } | undefined;

  constructor(options: OllangClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#apiKey = options.apiKey;
    this.#transport = options.transport ?? nodeTransport;
    this.#sleep = options.sleep ?? realSleep;
    this.#clock = options.clock ?? realClock;
    this.#setTimer = options.setTimer ?? realSetTimer;
    this.#random = options.random ?? Math.random;
    const timeout = options.requestTimeoutMs;
    this.#timeoutMs = timeout !== undefined && Number.isFinite(timeout) && timeout > 0 ? timeout : defaultRequestTimeoutMs;
    this.#policy = resolvePolicy(options.retry);
    this.#deadline = options.deadline ?? (() => undefined);
    this.#signal = options.signal;
    this.#onRequest = options.onRequest;
    this.#userAgent = options.userAgent ?? defaultUserAgent;
  }

  /** Every HTTP request sent so far (retries included). */
  get requestCount(): number {
    return this.#requestCount;
  }

  /** How long a request may take before it is given up (one Create Order call at most). */
  get requestTimeoutMs(): number {
    return this.#timeoutMs;
  }

  /**
   * Ollang's time now, as its last answer's `Date` header gave it plus the time elapsed since on
   * our clock (to the second, at best); undefined before any answer with one. Lets a stamp of
   * Ollang's be compared with a moment of ours without trusting the two clocks to agree.
   */
  ollangTime(): number | undefined {
    const seen = this.#ollangClock;
    return seen === undefined ? undefined : seen.ollang + (this.#clock() - seen.ours);
  }

  /**
   * POST /integration/orders/create. Never retried. The answer is one `{orderId}` per created
   * order; map them to languages with Get Order's `targetLanguage` (docs/ollang-api.md, "Create Order").
   */
  async createOrder(request: CreateOrderRequest): Promise<CreatedOrder[]> {
    const body = {
      orderType: request.orderType,
      level: request.level,
      projectId: request.projectId,
      targetLanguageConfigs: request.targetLanguageConfigs.map((c) =>
        c.isRush === undefined ? { language: c.language } : { language: c.language, isRush: c.isRush },
      ),
      ...definedOnly({
        orderSubType: request.orderSubType,
        dubbingStyle: request.dubbingStyle,
        callbackUrl: request.callbackUrl,
        autoQc: request.autoQc,
      }),
    };
    const spec: RequestSpec = {
      endpoint: 'Create Order',
      method: 'POST',
      path: '/integration/orders/create',
      body,
      retry: false,
      // Once sent, a create must get its answer (within the request time-out) even if the run
      // is being cancelled: only an answered create has IDs to save, and to cancel.
      detached: true,
    };
    if (this.#signal?.aborted) throw this.#error(spec, { kind: 'aborted', detail: 'not sent: the run is being cancelled' });
    return this.#request(spec, (response, s) => this.#parse(spec, response, s.createOrderResponseSchema));
  }

  /** Epoch ms past which this client's retries never sleep (its budget), if it has one: a caller that waits on its own keeps to it too. */
  retryDeadline(): number | undefined {
    return this.#deadline();
  }

  /** GET /integration/orders/{orderId}. `deadline` (epoch ms) bounds this call's retries. */
  async getOrder(orderId: string, options?: { signal?: AbortSignal; deadline?: number }): Promise<Order> {
    const spec: RequestSpec = {
      endpoint: 'Get Order',
      method: 'GET',
      path: `/integration/orders/${encodeURIComponent(orderId)}`,
      orderId,
      retry: true,
      ...(options?.signal ? { signal: options.signal } : {}),
      ...(options?.deadline !== undefined ? { deadline: options.deadline } : {}),
    };
    return this.#request(spec, (response, s) => this.#parse(spec, response, s.orderSchema));
  }

  /** GET /integration/orders: one page. */
  async listOrders(query: ListOrdersQuery): Promise<OrderPage> {
    const spec: RequestSpec = {
      endpoint: 'List Orders',
      method: 'GET',
      path: `/integration/orders?${listQueryString(query)}`,
      retry: true,
    };
    return this.#request(spec, (response, s) => this.#parse(spec, response, s.orderPageSchema));
  }

  /**
   * Every order matching `query`, page by page (50 a page unless `take` says otherwise).
   * `onMorePages` is called when it stops at `maxPages` while the server still says there are more.
   */
  async *listAllOrders(
    query: Omit<ListOrdersQuery, 'page'>,
    options?: { maxPages?: number; onMorePages?: () => void },
  ): AsyncGenerator<OrderSummary> {
    const maxPages = options?.maxPages ?? defaultMaxPages;
    const take = query.take ?? 50;
    for (let page = 1; page <= maxPages; page++) {
      const result = await this.listOrders({ ...query, page, take });
      yield* result.orders;
      if (!result.meta.hasNextPage || result.orders.length === 0) return;
    }
    options?.onMorePages?.();
  }

  /**
   * POST /integration/orders/cancel/{orderId}: 204 -> 'cancelled'; 409 ORDER_ALREADY_CANCELLED ->
   * 'already-cancelled'. Everything else is thrown (400 ORDER_NOT_CANCELLABLE: inspect `error.code`).
   */
  async cancelOrder(orderId: string): Promise<'cancelled' | 'already-cancelled'> {
    const spec: RequestSpec = {
      endpoint: 'Cancel Order',
      method: 'POST',
      path: `/integration/orders/cancel/${encodeURIComponent(orderId)}`,
      orderId,
      retry: true,
    };
    try {
      return await this.#request(spec, () => 'cancelled' as const);
    } catch (error) {
      if (
        error instanceof OllangError &&
        error.kind === 'http' &&
        error.status === 409 &&
        (error.code === undefined || error.code === 'ORDER_ALREADY_CANCELLED')
      ) {
        return 'already-cancelled';
      }
      throw error;
    }
  }

  /** POST /integration/orders/{orderId}/cancel-human-review: level 1 -> 0, order left `completed`. */
  async cancelHumanReview(orderId: string): Promise<CancelHumanReviewResult> {
    const spec: RequestSpec = {
      endpoint: 'Cancel Human Review',
      method: 'POST',
      path: `/integration/orders/${encodeURIComponent(orderId)}/cancel-human-review`,
      orderId,
      retry: true,
    };
    return this.#request(spec, (response, s) =>
      response.text.trim() === '' ? { success: true } : this.#parse(spec, response, s.cancelHumanReviewSchema),
    );
  }

  /** GET /integration/project: one page of projects (a read: retried like Get Order). */
  async listProjects(query: ListProjectsQuery = {}): Promise<ProjectPage> {
    const spec: RequestSpec = {
      endpoint: 'List Projects',
      method: 'GET',
      path: `/integration/project?${projectsQueryString(query)}`,
      retry: true,
    };
    return this.#request(spec, (response, s) => this.#parse(spec, response, s.projectPageSchema));
  }

  /** GET /integration/project/{projectId}: the project and its documents (a read: retried). 404 is thrown. */
  async getProject(projectId: string, options?: { deadline?: number }): Promise<Project> {
    const spec: RequestSpec = {
      endpoint: `Get Project ${projectId}`,
      method: 'GET',
      path: `/integration/project/${encodeURIComponent(projectId)}`,
      retry: true,
      ...(options?.deadline !== undefined ? { deadline: options.deadline } : {}),
    };
    return this.#request(spec, (response, s) => this.#parse(spec, response, s.projectSchema));
  }

  /**
   * POST /integration/upload/direct: the file as a multipart body streamed from disk, making a
   * project. Never retried (see the module comment); `ambiguous` only when the whole body went
   * out and no answer could be read, or a 5xx came after it.
   */
  async uploadMedia(request: UploadRequest): Promise<UploadResult> {
    const spec: RequestSpec = { endpoint: 'Upload', method: 'POST', path: '/integration/upload/direct', retry: false };
    const signal = combine(this.#signal, request.signal);
    if (signal?.aborted) throw this.#error(spec, { kind: 'aborted', detail: 'not sent: the run is being cancelled' });
    const body = await multipartBody({
      filePath: request.filePath,
      name: request.name,
      sourceLanguage: request.sourceLanguage,
      ...(request.notes ? { notes: request.notes } : {}),
    });
    const watchdog = new AbortController();
    let cancelTimer = (): void => undefined;
    const arm = (ms: number, why: string): void => {
      cancelTimer();
      cancelTimer = this.#setTimer(ms, () => watchdog.abort(new DOMException(why, 'TimeoutError')));
    };
    const requestSignal = signal ? AbortSignal.any([signal, watchdog.signal]) : watchdog.signal;
    let sentAll = false;
    const streamed = streamedMultipartBody(body, request.filePath, {
      signal: requestSignal,
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    });
    const tracked: StreamedBody = {
      ...streamed,
      onProgress: (sent, length) => {
        streamed.onProgress?.(sent, length);
        if (sent < length) return arm(UPLOAD_IDLE_MS, `no byte of the upload went out for ${formatMs(UPLOAD_IDLE_MS)}`);
        sentAll = true;
        arm(UPLOAD_ANSWER_MS, `no answer within ${formatMs(UPLOAD_ANSWER_MS)} of the upload's last byte`);
      },
    };
    arm(UPLOAD_IDLE_MS, `no byte of the upload went out for ${formatMs(UPLOAD_IDLE_MS)}`);
    const started = this.#clock();
    let status: number | undefined;
    const report = (): void => {
      try {
        this.#onRequest?.({
          endpoint: spec.endpoint,
          method: spec.method,
          path: spec.path,
          ...(status !== undefined ? { status } : {}),
          attempt: 1,
          durationMs: Math.max(0, this.#clock() - started),
        });
      } catch {
        // A failing observer must not fail the request.
      }
    };
    try {
      this.#requestCount++;
      let response: HttpResponse;
      try {
        response = await this.#transport({
          method: 'POST',
          url: new URL(this.#baseUrl + spec.path),
          headers: {
            'X-Api-Key': this.#apiKey,
            Accept: 'application/json',
            'User-Agent': this.#userAgent,
            'Content-Type': body.contentType,
          },
          body: tracked,
          signal: requestSignal,
        });
      } catch (cause) {
        report();
        throw this.#transportError(spec, cause, signal, watchdog.signal, watchdogReason(watchdog.signal), sentAll);
      }
      status = response.status;
      // An early answer (413, 401) stops the sending: its body is read under the answer's limit.
      if (!sentAll) arm(UPLOAD_ANSWER_MS, `no answer within ${formatMs(UPLOAD_ANSWER_MS)}`);
      let text: string;
      try {
        text = this.#scrub(await response.body.text());
      } catch (cause) {
        report();
        if (status < 200 || status >= 300) throw this.#httpError(spec, response, '', sentAll);
        throw this.#transportError(spec, cause, signal, watchdog.signal, watchdogReason(watchdog.signal), true);
      }
      report();
      if (status < 200 || status >= 300) throw this.#httpError(spec, response, text, sentAll);
      const schemasModule = await loadSchemas();
      return this.#parse(spec, { status, statusText: response.statusText, text }, schemasModule.uploadResultSchema);
    } finally {
      cancelTimer();
    }
  }

  // ---- plumbing -------------------------------------------------------------------------------

  /**
   * Sends with retries per policy and reads a 2xx with `read` (inside the loop: a 2xx body that is
   * not JSON is retried on reads like any other transient failure).
   */
  async #request<T>(spec: RequestSpec, read: (response: RawResponse, schemas: Schemas) => T): Promise<T> {
    const signal = spec.detached ? spec.signal : combine(this.#signal, spec.signal);
    const deadline = (): number | undefined => earliest(this.#deadline(), spec.deadline);
    return withRetries(
      async (attempt) => {
        // Create Order is never cut short by a deadline: a create without its answer is a lost create.
        const timeoutMs = spec.retry ? requestTimeout(this.#timeoutMs, deadline(), this.#clock()) : this.#timeoutMs;
        const response = await this.#attempt(spec, attempt, signal, timeoutMs);
        return read(response, await loadSchemas());
      },
      {
        policy: spec.retry ? this.#policy : { ...this.#policy, maxAttempts: 1 },
        clock: this.#clock,
        sleep: this.#sleep,
        random: this.#random,
        deadline,
        ...(signal ? { signal } : {}),
        retryable: (error) => error instanceof OllangError && isRetryable(error),
        retryAfterMs: (error) => (error as OllangError).retryAfterMs,
        aborted: (cause) => this.#error(spec, { kind: 'aborted', detail: 'while waiting to retry' }, cause),
      },
    );
  }

  /** One HTTP exchange: resolves with a 2xx (body read), rejects with an OllangError. */
  async #attempt(spec: RequestSpec, attempt: number, signal: AbortSignal | undefined, timeoutMs: number): Promise<RawResponse> {
    if (signal?.aborted) throw this.#error(spec, { kind: 'aborted' });
    const headers: Record<string, string> = {
      'X-Api-Key': this.#apiKey,
      Accept: 'application/json',
      'User-Agent': this.#userAgent,
    };
    let body: string | undefined;
    if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers['Content-Type'] = 'application/json';
    }
    // The answer and its whole body within the time-out, on the injected timer.
    const timeout = new AbortController();
    const within = `within ${formatMs(timeoutMs)}${timeoutMs < this.#timeoutMs ? ', cut short by the deadline' : ''}`;
    const cancelTimer = this.#setTimer(timeoutMs, () => timeout.abort(new DOMException(`no response ${within}`, 'TimeoutError')));
    const requestSignal = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    const started = this.#clock();
    let status: number | undefined;
    const report = (): void => {
      if (!this.#onRequest) return;
      try {
        this.#onRequest({
          endpoint: spec.endpoint,
          method: spec.method,
          path: spec.path,
          ...(status !== undefined ? { status } : {}),
          attempt,
          durationMs: Math.max(0, this.#clock() - started),
        });
      } catch {
        // A failing observer must not fail the request.
      }
    };
    const isPost = spec.method === 'POST';

    try {
      let response: HttpResponse;
      this.#requestCount++;
      try {
        response = await this.#transport({
          method: spec.method,
          url: new URL(this.#baseUrl + spec.path),
          headers,
          ...(body !== undefined ? { body } : {}),
          signal: requestSignal,
        });
      } catch (cause) {
        report();
        throw this.#transportError(spec, cause, signal, timeout.signal, within, isPost && !neverSent(cause));
      }
      status = response.status;
      const date = Date.parse(response.header('date') ?? '');
      if (Number.isFinite(date)) this.#ollangClock = { ollang: date, ours: this.#clock() };

      // Read the whole body under the same time limit; a failure here comes after the server answered.
      let text: string;
      try {
        text = await response.body.text();
      } catch (cause) {
        report();
        const ok = status >= 200 && status < 300;
        if (!ok) {
          // The status alone is enough to report an error answer.
          throw this.#httpError(spec, response, '', isPost);
        }
        throw this.#transportError(spec, cause, signal, timeout.signal, within, isPost);
      }
      report();
      // A server that echoes the key back (in an order or document name, a message) must not get
      // it into a file name, a log line or an output: nothing downstream ever sees it.
      text = this.#scrub(text);

      if (status >= 200 && status < 300) {
        return { status, statusText: response.statusText, text };
      }
      throw this.#httpError(spec, response, text, isPost);
    } finally {
      cancelTimer();
    }
  }

  #httpError(spec: RequestSpec, response: HttpResponse, text: string, isPost: boolean): OllangError {
    const status = response.status;
    const { code, apiMessage } = readErrorBody(text);
    const retryAfterMs = parseRetryAfter(response.header('retry-after'), this.#clock());
    return this.#error(spec, {
      kind: 'http',
      status,
      statusText: response.statusText,
      ...(code !== undefined ? { code } : {}),
      ...(apiMessage !== undefined ? { apiMessage } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      // A 5xx on a POST may come after the server acted (a proxy timing out, a crash mid-way).
      ambiguous: isPost && status >= 500,
    });
  }

  #transportError(
    spec: RequestSpec,
    cause: unknown,
    signal: AbortSignal | undefined,
    timeout: AbortSignal,
    within: string,
    mayHaveBeenSent: boolean,
  ): OllangError {
    if (signal?.aborted) {
      return this.#error(spec, { kind: 'aborted', ambiguous: mayHaveBeenSent }, cause);
    }
    if (timeout.aborted || errorName(cause) === 'TimeoutError') {
      return this.#error(spec, { kind: 'timeout', ambiguous: mayHaveBeenSent, detail: within }, cause);
    }
    return this.#error(spec, { kind: 'network', ambiguous: mayHaveBeenSent, detail: describeFailure(cause) }, cause);
  }

  #parse<T>(spec: RequestSpec, response: RawResponse, schema: z.ZodType<T>): T {
    // A 2xx that should carry JSON but does not: cut short or an HTML page from a proxy.
    // On a POST the server has acted: we just cannot tell the result.
    const ambiguous = spec.method === 'POST';
    let json: unknown;
    try {
      if (response.text.trim() === '') throw new SyntaxError('empty body');
      json = JSON.parse(response.text);
    } catch {
      const what = response.text.trim() === '' ? 'empty body' : 'body is not JSON';
      throw this.#error(spec, {
        kind: 'schema',
        status: response.status,
        invalidJson: true,
        ambiguous,
        detail: `${what} (HTTP ${response.status})`,
      });
    }
    const result = schema.safeParse(json);
    if (result.success) return result.data;
    throw this.#error(spec, {
      kind: 'schema',
      status: response.status,
      ambiguous,
      // #parse runs only inside #request's read, after loadSchemas has resolved.
      detail: loaded!.describeSchemaError(result.error),
    });
  }

  /** Builds an OllangError for `spec`, with the API key scrubbed from every text it carries. */
  #error(spec: RequestSpec, init: Omit<OllangErrorInit, 'endpoint' | 'orderId'>, cause?: unknown): OllangError {
    const scrub = (text: string | undefined): string | undefined => (text === undefined ? undefined : this.#scrub(text));
    const full: OllangErrorInit = {
      ...init,
      endpoint: spec.endpoint,
      ...(spec.orderId !== undefined ? { orderId: this.#scrub(spec.orderId) } : {}),
    };
    const apiMessage = scrub(init.apiMessage);
    const detail = scrub(init.detail);
    const code = scrub(init.code);
    const statusText = scrub(init.statusText);
    if (apiMessage !== undefined) full.apiMessage = apiMessage;
    if (detail !== undefined) full.detail = detail;
    if (code !== undefined) full.code = code;
    if (statusText !== undefined) full.statusText = statusText;
    // Keep the cause (stack, socket code) only when it cannot hold the key.
    if (cause !== undefined && !this.#mentionsKey(cause)) full.cause = cause;
    else delete full.cause;
    return new OllangError(full);
  }

  #scrub(text: string): string {
    // A key this short is no secret worth blanking: every such substring would go.
    return this.#apiKey.length < 4 ? text : redactSecrets(text, [this.#apiKey]);
  }

  #mentionsKey(cause: unknown): boolean {
    const key = this.#apiKey;
    if (key.length < 4) return false;
    try {
      const seen = new Set<unknown>();
      let current: unknown = cause;
      while (current && typeof current === 'object' && !seen.has(current)) {
        seen.add(current);
        const e = current as { message?: unknown; stack?: unknown; cause?: unknown };
        if (typeof e.message === 'string' && e.message.includes(key)) return true;
        if (typeof e.stack === 'string' && e.stack.includes(key)) return true;
        current = e.cause;
      }
      return typeof cause === 'string' && cause.includes(key);
    } catch {
      return true;
    }
  }
}

/** The query string for List Orders: both `page`/`take` (reference page) and `pageOptions[…]` (SDKs). */
export function listQueryString(query: ListOrdersQuery): string {
  const params = new URLSearchParams();
  const page = query.page ?? 1;
  params.set('page', String(page));
  params.set('pageOptions[page]', String(page));
  if (query.take !== undefined) {
    params.set('take', String(query.take));
    params.set('pageOptions[take]', String(query.take));
  }
  if (query.search !== undefined && query.search !== '') params.set('search', query.search);
  if (query.orderBy !== undefined) params.set('orderBy', query.orderBy);
  if (query.orderDirection !== undefined) params.set('orderDirection', query.orderDirection);
  const f = query.filter ?? {};
  const filters: [string, string | undefined][] = [
    ['filter[type]', f.type],
    ['filter[name]', f.name],
    ['filter[createdAtRange][from]', f.createdAtFrom],
    ['filter[createdAtRange][to]', f.createdAtTo],
    ['filter[status]', f.status],
    ['filter[projectId]', f.projectId],
  ];
  for (const [name, value] of filters) if (value !== undefined && value !== '') params.set(name, value);
  return params.toString();
}

/** The query string for List Projects: `page`, `take`, `search`, `orderBy`, `orderDirection` (as the SDK sends them). */
export function projectsQueryString(query: ListProjectsQuery): string {
  const params = new URLSearchParams();
  params.set('page', String(query.page ?? 1));
  if (query.take !== undefined) params.set('take', String(query.take));
  if (query.search !== undefined && query.search !== '') params.set('search', query.search);
  if (query.orderBy !== undefined) params.set('orderBy', query.orderBy);
  if (query.orderDirection !== undefined) params.set('orderDirection', query.orderDirection);
  return params.toString();
}

/** The client's time-out, cut to the time left before `deadline` but never below minRequestTimeoutMs. */
function requestTimeout(timeoutMs: number, deadline: number | undefined, now: number): number {
  if (deadline === undefined) return timeoutMs;
  return Math.min(timeoutMs, Math.max(minRequestTimeoutMs, deadline - now));
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}

function combine(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
}

function definedOnly<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function errorName(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'name' in error && typeof error.name === 'string' ? error.name : undefined;
}

function neverSent(error: unknown): boolean {
  const code = failureCode(error);
  return code !== undefined && notSentCodes.has(code);
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Why the upload's watchdog stopped it ("(no byte of the upload went out for 60 s)"), for the error message. */
function watchdogReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.message ? `(${reason.message})` : '';
}
