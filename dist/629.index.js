export const id = 629;
export const ids = [629];
export const modules = {

/***/ 6050:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PB: () => (/* binding */ OllangClient)
});

// UNUSED EXPORTS: defaultMaxPages, defaultRequestTimeoutMs, defaultUserAgent, listQueryString

// EXTERNAL MODULE: ./src/runtime.ts
var runtime = __webpack_require__(3683);
// EXTERNAL MODULE: ./src/ollang/errors.ts
var errors = __webpack_require__(2732);
;// CONCATENATED MODULE: ./src/ollang/retry.ts
const defaultRetryPolicy = Object.freeze({
    maxAttempts: 6,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
});
/** A server's Retry-After is honoured up to this long (the caller's deadline still applies). */
const maxRetryAfterMs = 5 * 60_000;
/**
 * 429, 408 and 5xx, network failures, time-outs and a 2xx body that is not JSON at all are
 * transient. Every other 4xx (400, 401, 403, 404, 409, …), a body of the wrong shape and an abort
 * are not.
 */
function isRetryable(error) {
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
function backoffDelay(attempt, policy, random, retryAfterMs) {
    const exponent = Math.max(0, Math.floor(attempt) - 1);
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 52));
    const r = Math.min(1, Math.max(0, random()));
    const jittered = Math.floor(Math.max(0, ceiling) * r);
    if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs <= 0)
        return jittered;
    return Math.max(jittered, Math.min(Math.ceil(retryAfterMs), maxRetryAfterMs));
}
/**
 * Retry-After as milliseconds: delta-seconds ("120") or an HTTP date, relative to `now`.
 * Undefined when absent or unreadable.
 */
function parseRetryAfter(value, now) {
    if (value == null)
        return undefined;
    const text = value.trim();
    if (text === '')
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/** A policy filled from defaults, with nonsense values (0 attempts, negative delays) repaired. */
function resolvePolicy(partial) {
    const merged = { ...defaultRetryPolicy, ...stripUndefined(partial ?? {}) };
    return {
        maxAttempts: Math.max(1, Math.floor(finiteOr(merged.maxAttempts, defaultRetryPolicy.maxAttempts))),
        baseDelayMs: Math.max(0, finiteOr(merged.baseDelayMs, defaultRetryPolicy.baseDelayMs)),
        maxDelayMs: Math.max(0, finiteOr(merged.maxDelayMs, defaultRetryPolicy.maxDelayMs)),
    };
}
function finiteOr(value, fallback) {
    return Number.isFinite(value) ? value : fallback;
}
function stripUndefined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

// EXTERNAL MODULE: ./src/ollang/schemas.ts
var schemas = __webpack_require__(7395);
;// CONCATENATED MODULE: ./src/ollang/client.ts




const defaultRequestTimeoutMs = 30_000;
const defaultUserAgent = 'ollang-localize-action';
/** listAllOrders stops here unless told otherwise (a guard against a server that always says "more"). */
const defaultMaxPages = 1000;
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
class OllangClient {
    #baseUrl;
    #apiKey;
    #fetch;
    #sleep;
    #clock;
    #random;
    #timeoutMs;
    #policy;
    #deadline;
    #signal;
    #onRequest;
    #userAgent;
    #requestCount = 0;
    constructor(options) {
        this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
        this.#apiKey = options.apiKey;
        this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
        this.#sleep = options.sleep ?? runtime/* realSleep */.u;
        this.#clock = options.clock ?? runtime/* realClock */.d;
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
    get requestCount() {
        return this.#requestCount;
    }
    /**
     * POST /integration/orders/create. Never retried. The answer is one `{orderId}` per created
     * order; map them to languages with Get Order's `targetLanguage` (NOTES.md).
     */
    async createOrder(request) {
        const body = {
            orderType: request.orderType,
            level: request.level,
            projectId: request.projectId,
            targetLanguageConfigs: request.targetLanguageConfigs.map((c) => c.isRush === undefined ? { language: c.language } : { language: c.language, isRush: c.isRush }),
            ...definedOnly({
                orderSubType: request.orderSubType,
                dubbingStyle: request.dubbingStyle,
                callbackUrl: request.callbackUrl,
                autoQc: request.autoQc,
            }),
        };
        const spec = {
            endpoint: 'Create Order',
            method: 'POST',
            path: '/integration/orders/create',
            body,
            retry: false,
            // Once sent, a create must get its answer (within the request time-out) even if the run
            // is being cancelled: only an answered create has IDs to save, and to cancel.
            detached: true,
        };
        if (this.#signal?.aborted)
            throw this.#error(spec, { kind: 'aborted', detail: 'not sent: the run is being cancelled' });
        return this.#request(spec, (response) => this.#parse(spec, response, schemas/* createOrderResponseSchema */.xL));
    }
    /** GET /integration/orders/{orderId}. `deadline` (epoch ms) bounds this call's retries. */
    async getOrder(orderId, options) {
        const spec = {
            endpoint: 'Get Order',
            method: 'GET',
            path: `/integration/orders/${encodeURIComponent(orderId)}`,
            orderId,
            retry: true,
            ...(options?.signal ? { signal: options.signal } : {}),
            ...(options?.deadline !== undefined ? { deadline: options.deadline } : {}),
        };
        return this.#request(spec, (response) => this.#parse(spec, response, schemas/* orderSchema */.Ko));
    }
    /** GET /integration/orders: one page. */
    async listOrders(query) {
        const spec = {
            endpoint: 'List Orders',
            method: 'GET',
            path: `/integration/orders?${listQueryString(query)}`,
            retry: true,
        };
        return this.#request(spec, (response) => this.#parse(spec, response, schemas/* orderPageSchema */.F5));
    }
    /** Every order matching `query`, page by page (50 a page unless `take` says otherwise). */
    async *listAllOrders(query, options) {
        const maxPages = options?.maxPages ?? defaultMaxPages;
        const take = query.take ?? 50;
        for (let page = 1; page <= maxPages; page++) {
            const result = await this.listOrders({ ...query, page, take });
            yield* result.orders;
            if (!result.meta.hasNextPage || result.orders.length === 0)
                return;
        }
    }
    /**
     * POST /integration/orders/cancel/{orderId}: 204 -> 'cancelled'; 409 ORDER_ALREADY_CANCELLED ->
     * 'already-cancelled'. Everything else is thrown (400 ORDER_NOT_CANCELLABLE: inspect `error.code`).
     */
    async cancelOrder(orderId) {
        const spec = {
            endpoint: 'Cancel Order',
            method: 'POST',
            path: `/integration/orders/cancel/${encodeURIComponent(orderId)}`,
            orderId,
            retry: true,
        };
        try {
            return await this.#request(spec, () => 'cancelled');
        }
        catch (error) {
            if (error instanceof errors/* OllangError */.eO &&
                error.kind === 'http' &&
                error.status === 409 &&
                (error.code === undefined || error.code === 'ORDER_ALREADY_CANCELLED')) {
                return 'already-cancelled';
            }
            throw error;
        }
    }
    /** POST /integration/orders/{orderId}/cancel-human-review: level 1 -> 0, order left `completed`. */
    async cancelHumanReview(orderId) {
        const spec = {
            endpoint: 'Cancel Human Review',
            method: 'POST',
            path: `/integration/orders/${encodeURIComponent(orderId)}/cancel-human-review`,
            orderId,
            retry: true,
        };
        return this.#request(spec, (response) => response.text.trim() === '' ? { success: true } : this.#parse(spec, response, schemas/* cancelHumanReviewSchema */.VT));
    }
    // ---- plumbing -------------------------------------------------------------------------------
    /**
     * Sends with retries per policy and reads a 2xx with `read` (inside the loop: a 2xx body that is
     * not JSON is retried on reads like any other transient failure).
     */
    async #request(spec, read) {
        const maxAttempts = spec.retry ? this.#policy.maxAttempts : 1;
        const signal = spec.detached ? spec.signal : combine(this.#signal, spec.signal);
        for (let attempt = 1;; attempt++) {
            let error;
            try {
                return read(await this.#attempt(spec, attempt, signal));
            }
            catch (caught) {
                if (!(caught instanceof errors/* OllangError */.eO))
                    throw caught;
                error = caught;
            }
            if (attempt >= maxAttempts || !isRetryable(error))
                throw error;
            const delay = backoffDelay(attempt, this.#policy, this.#random, error.retryAfterMs);
            const deadline = earliest(this.#deadline(), spec.deadline);
            if (deadline !== undefined && this.#clock() + delay > deadline)
                throw error;
            try {
                await this.#sleep(delay, signal);
            }
            catch (cause) {
                if (signal?.aborted)
                    throw this.#error(spec, { kind: 'aborted', detail: 'while waiting to retry' }, cause);
                throw cause;
            }
            if (signal?.aborted)
                throw this.#error(spec, { kind: 'aborted', detail: 'while waiting to retry' });
        }
    }
    /** One HTTP exchange: resolves with a 2xx (body read), rejects with an OllangError. */
    async #attempt(spec, attempt, signal) {
        if (signal?.aborted)
            throw this.#error(spec, { kind: 'aborted' });
        const headers = {
            'X-Api-Key': this.#apiKey,
            Accept: 'application/json',
            'User-Agent': this.#userAgent,
        };
        let body;
        if (spec.body !== undefined) {
            body = JSON.stringify(spec.body);
            headers['Content-Type'] = 'application/json';
            headers['Content-Length'] = String(Buffer.byteLength(body, 'utf8'));
        }
        const timeout = AbortSignal.timeout(this.#timeoutMs);
        const requestSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
        const started = this.#clock();
        let status;
        const report = () => {
            if (!this.#onRequest)
                return;
            try {
                this.#onRequest({
                    endpoint: spec.endpoint,
                    method: spec.method,
                    path: spec.path,
                    ...(status !== undefined ? { status } : {}),
                    attempt,
                    durationMs: Math.max(0, this.#clock() - started),
                });
            }
            catch {
                // A failing observer must not fail the request.
            }
        };
        const isPost = spec.method === 'POST';
        let response;
        this.#requestCount++;
        try {
            response = await this.#fetch(this.#baseUrl + spec.path, {
                method: spec.method,
                headers,
                ...(body !== undefined ? { body } : {}),
                signal: requestSignal,
                // Never follow a redirect: fetch would resend X-Api-Key to wherever it points.
                redirect: 'manual',
            });
        }
        catch (cause) {
            report();
            throw this.#transportError(spec, cause, signal, timeout, isPost && !neverSent(cause));
        }
        status = response.status;
        // Read the whole body under the same time limit; a failure here comes after the server answered.
        let text;
        try {
            text = await response.text();
        }
        catch (cause) {
            report();
            const ok = status >= 200 && status < 300;
            if (!ok) {
                // The status alone is enough to report an error answer.
                throw this.#httpError(spec, response, '', isPost);
            }
            throw this.#transportError(spec, cause, signal, timeout, isPost);
        }
        report();
        // A server that echoes the key back (in an order or document name, a message) must not get
        // it into a file name, a log line or an output: nothing downstream ever sees it.
        text = this.#scrub(text);
        if (status >= 200 && status < 300) {
            return { status, statusText: response.statusText, headers: response.headers, text };
        }
        throw this.#httpError(spec, response, text, isPost);
    }
    #httpError(spec, response, text, isPost) {
        const status = response.status;
        const { code, apiMessage } = (0,errors/* readErrorBody */.Nk)(text);
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.#clock());
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
    #transportError(spec, cause, signal, timeout, mayHaveBeenSent) {
        if (signal?.aborted) {
            return this.#error(spec, { kind: 'aborted', ambiguous: mayHaveBeenSent }, cause);
        }
        if (timeout.aborted || errorName(cause) === 'TimeoutError') {
            return this.#error(spec, { kind: 'timeout', ambiguous: mayHaveBeenSent, detail: `within ${formatMs(this.#timeoutMs)}` }, cause);
        }
        return this.#error(spec, { kind: 'network', ambiguous: mayHaveBeenSent, detail: describeCause(cause) }, cause);
    }
    #parse(spec, response, schema) {
        // A 2xx that should carry JSON but does not: cut short or an HTML page from a proxy.
        // On a POST the server has acted: we just cannot tell the result.
        const ambiguous = spec.method === 'POST';
        let json;
        try {
            if (response.text.trim() === '')
                throw new SyntaxError('empty body');
            json = JSON.parse(response.text);
        }
        catch {
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
        if (result.success)
            return result.data;
        throw this.#error(spec, {
            kind: 'schema',
            status: response.status,
            ambiguous,
            detail: (0,schemas/* describeSchemaError */.LA)(result.error),
        });
    }
    /** Builds an OllangError for `spec`, with the API key scrubbed from every text it carries. */
    #error(spec, init, cause) {
        const scrub = (text) => (text === undefined ? undefined : this.#scrub(text));
        const full = {
            ...init,
            endpoint: spec.endpoint,
            ...(spec.orderId !== undefined ? { orderId: this.#scrub(spec.orderId) } : {}),
        };
        const apiMessage = scrub(init.apiMessage);
        const detail = scrub(init.detail);
        const code = scrub(init.code);
        const statusText = scrub(init.statusText);
        if (apiMessage !== undefined)
            full.apiMessage = apiMessage;
        if (detail !== undefined)
            full.detail = detail;
        if (code !== undefined)
            full.code = code;
        if (statusText !== undefined)
            full.statusText = statusText;
        // Keep the cause (stack, socket code) only when it cannot hold the key.
        if (cause !== undefined && !this.#mentionsKey(cause))
            full.cause = cause;
        else
            delete full.cause;
        return new errors/* OllangError */.eO(full);
    }
    #scrub(text) {
        const key = this.#apiKey;
        if (key.length < 4)
            return text;
        return text.split(key).join('***');
    }
    #mentionsKey(cause) {
        const key = this.#apiKey;
        if (key.length < 4)
            return false;
        try {
            const seen = new Set();
            let current = cause;
            while (current && typeof current === 'object' && !seen.has(current)) {
                seen.add(current);
                const e = current;
                if (typeof e.message === 'string' && e.message.includes(key))
                    return true;
                if (typeof e.stack === 'string' && e.stack.includes(key))
                    return true;
                current = e.cause;
            }
            return typeof cause === 'string' && cause.includes(key);
        }
        catch {
            return true;
        }
    }
}
/** The query string for List Orders: both `page`/`take` (reference page) and `pageOptions[…]` (SDKs). */
function listQueryString(query) {
    const params = new URLSearchParams();
    const page = query.page ?? 1;
    params.set('page', String(page));
    params.set('pageOptions[page]', String(page));
    if (query.take !== undefined) {
        params.set('take', String(query.take));
        params.set('pageOptions[take]', String(query.take));
    }
    if (query.search !== undefined && query.search !== '')
        params.set('search', query.search);
    if (query.orderBy !== undefined)
        params.set('orderBy', query.orderBy);
    if (query.orderDirection !== undefined)
        params.set('orderDirection', query.orderDirection);
    const f = query.filter ?? {};
    const filters = [
        ['filter[type]', f.type],
        ['filter[name]', f.name],
        ['filter[createdAtRange][from]', f.createdAtFrom],
        ['filter[createdAtRange][to]', f.createdAtTo],
        ['filter[status]', f.status],
        ['filter[projectId]', f.projectId],
    ];
    for (const [name, value] of filters)
        if (value !== undefined && value !== '')
            params.set(name, value);
    return params.toString();
}
function earliest(a, b) {
    if (a === undefined)
        return b;
    return b === undefined ? a : Math.min(a, b);
}
function combine(...signals) {
    const present = signals.filter((s) => s !== undefined);
    if (present.length <= 1)
        return present[0];
    return AbortSignal.any(present);
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
function errorName(error) {
    return error && typeof error === 'object' && 'name' in error && typeof error.name === 'string' ? error.name : undefined;
}
/** The socket-level code of a fetch failure (undici puts it on `cause`). */
function errorCode(error) {
    let current = error;
    for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
        const c = current;
        if (typeof c.code === 'string')
            return c.code;
        current = c.cause;
    }
    return undefined;
}
function neverSent(error) {
    const code = errorCode(error);
    return code !== undefined && notSentCodes.has(code);
}
function describeCause(error) {
    const code = errorCode(error);
    let message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'request failed';
    // undici's "fetch failed" says nothing; its cause does.
    if (error instanceof Error && error.cause instanceof Error && /fetch failed/i.test(message)) {
        message = error.cause.message || message;
    }
    const text = code && !message.includes(code) ? `${code}: ${message}` : message;
    return text.replace(/\s+/g, ' ').slice(0, 300);
}
function formatMs(ms) {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}


/***/ }),

/***/ 2732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nk: () => (/* binding */ readErrorBody),
/* harmony export */   eO: () => (/* binding */ OllangError)
/* harmony export */ });
/* unused harmony export isOllangError */
/**
 * OllangError: every failure of a call to the Ollang API, whatever its cause.
 *
 * The message names the endpoint, the order (when there is one), the HTTP status, the API's own
 * code and message: "Get Order 60b8…: 404 ORDER_NOT_FOUND: No order found with the provided orderId".
 * It never carries the API key or any request header (the client scrubs the key from anything
 * the server echoes back).
 */
class OllangError extends Error {
    name = 'OllangError';
    kind;
    status;
    code;
    apiMessage;
    endpoint;
    orderId;
    /** True when the request may have been processed without us seeing the answer. */
    ambiguous;
    retryAfterMs;
    /** kind 'schema' only: the body was not JSON (a transient fault on reads: retried). */
    invalidJson;
    constructor(init) {
        super(formatMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
        this.kind = init.kind;
        this.endpoint = init.endpoint;
        this.ambiguous = init.ambiguous ?? false;
        this.invalidJson = init.invalidJson ?? false;
        if (init.status !== undefined)
            this.status = init.status;
        if (init.code !== undefined)
            this.code = init.code;
        if (init.apiMessage !== undefined)
            this.apiMessage = init.apiMessage;
        if (init.orderId !== undefined)
            this.orderId = init.orderId;
        if (init.retryAfterMs !== undefined)
            this.retryAfterMs = init.retryAfterMs;
    }
}
function isOllangError(value) {
    return value instanceof OllangError;
}
function formatMessage(init) {
    const subject = init.orderId ? `${init.endpoint} ${init.orderId}` : init.endpoint;
    const maybeProcessed = init.ambiguous ? ' (the request may still have been processed)' : '';
    switch (init.kind) {
        case 'http': {
            const head = [String(init.status ?? '?'), init.code].filter(Boolean).join(' ');
            const text = init.apiMessage ?? (init.statusText || 'no message from the API');
            return `${subject}: ${head}: ${text}${maybeProcessed}`;
        }
        case 'network':
            return `${subject}: network error${init.detail ? `: ${init.detail}` : ''}${maybeProcessed}`;
        case 'timeout':
            return `${subject}: no response${init.detail ? ` ${init.detail}` : ''}${maybeProcessed}`;
        case 'schema':
            return `${subject}: unexpected response${init.detail ? `: ${init.detail}` : ''}${maybeProcessed}`;
        case 'aborted':
            return `${subject}: aborted${init.detail ? ` (${init.detail})` : ''}${maybeProcessed}`;
    }
}
/**
 * Reads an error body per NOTES.md: `detail`, then `message`, then `error`; `code` kept when it is a
 * string (the generic envelope's numeric `-1` says nothing). Non-JSON bodies yield a short text
 * snippet unless they look like an HTML page.
 */
function readErrorBody(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return {};
    let parsed;
    try {
        parsed = JSON.parse(trimmed);
    }
    catch {
        if (/^<(!doctype|html|\?xml)/i.test(trimmed))
            return {};
        return { apiMessage: clip(trimmed) };
    }
    if (typeof parsed === 'string' && parsed.trim() !== '')
        return { apiMessage: clip(parsed) };
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        return {};
    const body = parsed;
    const result = {};
    if (typeof body.code === 'string' && body.code.trim() !== '')
        result.code = body.code.trim();
    for (const key of ['detail', 'message', 'error']) {
        const text = messageText(body[key]);
        if (text) {
            result.apiMessage = clip(text);
            break;
        }
    }
    return result;
}
function messageText(value) {
    if (typeof value === 'string')
        return value.trim() || undefined;
    // NestJS validation pipes answer `message: ["a must be …", "b must be …"]`.
    if (Array.isArray(value)) {
        const parts = value.filter((v) => typeof v === 'string' && v.trim() !== '');
        return parts.length ? parts.join('; ') : undefined;
    }
    return undefined;
}
function clip(text, max = 500) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}


/***/ }),

/***/ 7395:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ isFinished),
/* harmony export */   F5: () => (/* binding */ orderPageSchema),
/* harmony export */   Ko: () => (/* binding */ orderSchema),
/* harmony export */   LA: () => (/* binding */ describeSchemaError),
/* harmony export */   VT: () => (/* binding */ cancelHumanReviewSchema),
/* harmony export */   oJ: () => (/* binding */ isSuccess),
/* harmony export */   xL: () => (/* binding */ createOrderResponseSchema)
/* harmony export */ });
/* unused harmony exports orderDocSchema, orderSummarySchema, createdOrderSchema, formatPath */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9691);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8532);
/**
 * zod schemas for every Ollang response the action reads, and the types the rest of the code uses.
 *
 * Tolerant where NOTES.md says the API varies: unknown fields are dropped, statuses, order types
 * and document types are open strings, `level` is any number, optional fields may be missing,
 * null or of an unexpected type (then undefined), `vttUrl` "" / null is undefined, a missing
 * `orderDocs` is [].
 * Strict where a wrong value would make the action act wrongly: order IDs are non-empty strings,
 * status / type / targetLanguage are strings, a document size is a non-negative number when
 * present, the create response is an array of `{orderId}`, a list page says whether another follows.
 */

// ---- building blocks ------------------------------------------------------------------------
/** A string we act on: must be present and non-empty. */
const requiredId = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1, 'expected a non-empty string');
/** Optional text: a non-empty string, else undefined (missing, null, "", wrong type). */
const optionalText = zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional().transform((v) => typeof v === 'string' && v !== '' ? v : undefined);
/** Optional number: a finite number (or numeric string), else undefined. */
const optionalNumber = zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional().transform((v) => {
    if (typeof v === 'number' && Number.isFinite(v))
        return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
        return Number(v);
    return undefined;
});
/** Optional boolean: true/false, else undefined. */
const optionalBoolean = zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional().transform((v) => typeof v === 'boolean' ? v : undefined);
// ---- Get Order ------------------------------------------------------------------------------
const orderDocSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: optionalText,
    name: optionalText,
    url: optionalText,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional().transform((v) => (typeof v === 'string' ? v : '')),
    size: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig('expected a non-negative number')
        .min(0, 'expected a non-negative number')
        .nullish()
        .transform((v) => v ?? undefined),
})
    .transform((d) => compact(d));
const orderSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: requiredId,
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    targetLanguage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    name: optionalText,
    projectId: optionalText,
    level: optionalNumber,
    createdAt: optionalText,
    sourceLanguage: optionalText,
    vttUrl: optionalText,
    orderDocs: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(orderDocSchema)
        .nullish()
        .transform((v) => v ?? []),
})
    .transform((o) => compact(o));
// ---- List Orders ----------------------------------------------------------------------------
const orderSummarySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: requiredId,
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    targetLanguage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    projectId: optionalText,
    createdAt: optionalText,
    name: optionalText,
    level: optionalNumber,
})
    .transform((o) => compact(o));
const pageMetaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    page: optionalNumber,
    take: optionalNumber,
    itemCount: optionalNumber,
    pageCount: optionalNumber,
    hasNextPage: optionalBoolean,
    hasPreviousPage: optionalBoolean,
})
    .transform((m, ctx) => {
    const page = m.page ?? 1;
    let hasNextPage = m.hasNextPage;
    // Without the flag, page < pageCount says the same thing; without either we cannot page.
    if (hasNextPage === undefined && m.pageCount !== undefined)
        hasNextPage = page < m.pageCount;
    if (hasNextPage === undefined) {
        ctx.issues.push({
            code: 'custom',
            message: 'expected a boolean (and no pageCount to derive it from)',
            input: m.hasNextPage,
            path: ['hasNextPage'],
        });
        return zod__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm;
    }
    return {
        page,
        take: m.take ?? 0,
        itemCount: m.itemCount ?? 0,
        pageCount: m.pageCount ?? page + (hasNextPage ? 1 : 0),
        hasNextPage,
        hasPreviousPage: m.hasPreviousPage ?? page > 1,
    };
});
const orderPageSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    data: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(orderSummarySchema),
    meta: pageMetaSchema,
})
    .transform((p) => ({ orders: p.data, meta: p.meta }));
// ---- Create Order, Cancel Human Review -------------------------------------------------------
const createdOrderSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    orderId: requiredId,
    orderType: optionalText,
})
    .transform((c) => compact(c));
const createOrderResponseSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(createdOrderSchema, 'expected an array of {orderId}');
const cancelHumanReviewSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    success: optionalBoolean,
    message: optionalText,
    orderId: optionalText,
})
    .transform((r) => compact({ ...r, success: r.success ?? true }));
// ---- statuses -------------------------------------------------------------------------------
const successStatuses = new Set(['completed', 'delivered']);
const failureStatuses = new Set(['cancelled', 'canceled', 'failed']);
/** `completed` / `delivered`: finished well. */
function isSuccess(status) {
    return successStatuses.has(status.trim().toLowerCase());
}
/** Finished well or badly (`cancelled`, `failed`); anything else, documented or not, is unfinished. */
function isFinished(status) {
    const s = status.trim().toLowerCase();
    return successStatuses.has(s) || failureStatuses.has(s);
}
// ---- helpers --------------------------------------------------------------------------------
/** Drops keys whose value is undefined, so parsed objects carry only what the API sent. */
function compact(value) {
    for (const key of Object.keys(value)) {
        if (value[key] === undefined)
            delete value[key];
    }
    return value;
}
/**
 * Zod issue path as a readable field path: `orderDocs[0].size`, `[1].orderId`, `data[3].id`.
 */
function formatPath(path) {
    let out = '';
    for (const part of path) {
        if (typeof part === 'number')
            out += `[${part}]`;
        else
            out += out === '' ? String(part) : `.${String(part)}`;
    }
    return out || '(body)';
}
/** The first issue of a failed parse, as "field: what was wrong". Never the body itself. */
function describeSchemaError(error) {
    const issues = error.issues;
    const first = issues[0];
    if (!first)
        return 'invalid body';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    return `${formatPath(first.path)}: ${summariseIssue(first)}${more}`;
}
function summariseIssue(issue) {
    // zod's own wording ("Invalid input: expected string, received undefined") names the types
    // only, never the value.
    return issue.message;
}


/***/ }),

/***/ 3303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _x: () => (/* binding */ cancelOrders),
/* harmony export */   bi: () => (/* binding */ describeCancelResult),
/* harmony export */   id: () => (/* binding */ isStopped)
/* harmony export */ });
/* unused harmony export cancelOrder */
/* harmony import */ var _ollang_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2732);
/* harmony import */ var _ollang_schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7395);


/** Stops one order. Never throws: the caller reports every result. */
async function cancelOrder(client, orderId) {
    try {
        const outcome = await client.cancelOrder(orderId);
        return { orderId, outcome };
    }
    catch (error) {
        if (!(error instanceof _ollang_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OllangError */ .eO) || error.status !== 400)
            return failure(orderId, error);
    }
    // 400: "not eligible". Find out why before deciding what else to do.
    try {
        const order = await client.getOrder(orderId);
        if (order.status === 'cancelled')
            return { orderId, outcome: 'already-cancelled', status: order.status };
        if ((0,_ollang_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .isFinished */ .$g)(order.status))
            return { orderId, outcome: 'already-finished', status: order.status };
        if ((order.level ?? 0) >= 1) {
            const result = await client.cancelHumanReview(orderId);
            return { orderId, outcome: 'human-review-cancelled', status: order.status, message: result.message };
        }
        return {
            orderId,
            outcome: 'not-cancellable',
            status: order.status,
            message: `Ollang no longer accepts cancelling this Level 0 order (status ${order.status}); it will finish on its own.`,
        };
    }
    catch (error) {
        return failure(orderId, error);
    }
}
/** Stops many orders at once, a few at a time, so that all of them fit in the runner's grace period. */
async function cancelOrders(client, orderIds, options = {}) {
    const results = new Array(orderIds.length);
    let next = 0;
    const worker = async () => {
        while (next < orderIds.length) {
            const index = next++;
            const result = await cancelOrder(client, orderIds[index]);
            results[index] = result;
            options.onResult?.(result);
        }
    };
    const concurrency = Math.max(1, Math.min(options.concurrency ?? 8, orderIds.length));
    await Promise.all(Array.from({ length: concurrency }, worker));
    return results;
}
/** Whether the order no longer runs (or costs) anything after this result. */
function isStopped(result) {
    return result.outcome !== 'error' && result.outcome !== 'not-cancellable';
}
function describeCancelResult(result) {
    switch (result.outcome) {
        case 'cancelled':
            return 'cancelled';
        case 'already-cancelled':
            return 'was already cancelled';
        case 'human-review-cancelled':
            return 'human review cancelled (order reverted to Level 0, review refunded)';
        case 'already-finished':
            return `had already finished (${result.status ?? 'finished'})`;
        case 'not-cancellable':
            return `could not be cancelled: ${result.message ?? ''}`;
        case 'error':
            return `cancel failed: ${result.message ?? 'unknown error'}`;
    }
}
function failure(orderId, error) {
    return { orderId, outcome: 'error', message: error instanceof Error ? error.message : String(error) };
}


/***/ }),

/***/ 1908:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dn: () => (/* binding */ scanOrders),
/* harmony export */   EJ: () => (/* binding */ AMBIGUOUS_CREATE_SLACK_MS),
/* harmony export */   F_: () => (/* binding */ chooseOrders)
/* harmony export */ });
/* unused harmony exports REUSE_SCAN_MAX_PAGES, toFollowed */
/* harmony import */ var _ollang_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2732);

/** List Orders pages a reuse scan may read (50 orders each): the README states this bound. */
const REUSE_SCAN_MAX_PAGES = 4;
/** How far before a lost Create Order call its orders may be stamped (clock skew between us and Ollang). */
const AMBIGUOUS_CREATE_SLACK_MS = 2 * 60_000;
/**
 * Create Order calls for one set of languages: the first, and more only after an ambiguous
 * failure whose orders a List Orders look-up did not find (so no attempt can buy twice).
 */
const MAX_CREATE_ATTEMPTS = 4;
/** Pause before creating again after an ambiguous failure: a struggling API gets a moment. */
const CREATE_RETRY_PAUSE_MS = 1_000;
async function chooseOrders(context) {
    const { settings, log } = context;
    if (settings.orderIds.length > 0) {
        const followed = await Promise.all(settings.orderIds.map((id) => followGiven(context, id)));
        log.info(`Following ${followed.length} given order(s): ${followed.map(describe).join(', ')}`);
        return { followed, languagesWithoutOrder: [], plan: { create: [], reuse: [] } };
    }
    const scope = { projectId: settings.projectId, orderType: settings.orderType, level: settings.level };
    const reused = settings.reuseOrders ? await findReusable(context, scope, settings.targetLanguages) : new Map();
    const followed = [...reused.values()].map((order) => toFollowed(order, false));
    const missing = settings.targetLanguages.filter((language) => !reused.has(key(language)));
    const plan = {
        create: settings.mode === 'collect' ? [] : missing,
        reuse: followed.map((o) => ({ language: o.language, orderId: o.orderId })),
    };
    for (const o of followed)
        log.info(`Reusing order ${o.orderId} for ${o.language} (${o.status}).`);
    if (settings.mode === 'collect' || settings.dryRun || missing.length === 0) {
        return { followed, languagesWithoutOrder: missing, plan };
    }
    const created = await yieldToEarlierOrders(context, scope, await createOrders(context, scope, missing));
    followed.push(...created);
    const covered = new Set(followed.map((o) => key(o.language)));
    const languagesWithoutOrder = settings.targetLanguages.filter((language) => !covered.has(key(language)));
    if (created.length > 0 && context.memory)
        await context.memory.remember(scope, created);
    return { followed, languagesWithoutOrder, plan };
}
/** A given order ID: followed as it is, never created, never cancelled on abort. */
async function followGiven(context, orderId) {
    try {
        return toFollowed(await context.client.getOrder(orderId), false);
    }
    catch (error) {
        if (error instanceof _ollang_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OllangError */ .eO && error.status === 404) {
            throw new Error(`Input 'order-ids': Ollang has no order ${orderId} (${error.message}).`);
        }
        throw error;
    }
}
/**
 * Usable orders (not cancelled or failed) for the scope, by language: first those an earlier run
 * remembered, then a bounded scan of List Orders. Every candidate is confirmed with Get Order
 * (List Orders shows no level, and a remembered order may have been cancelled since).
 */
async function findReusable(context, scope, languages) {
    const found = new Map();
    const wanted = new Set(languages.map(key));
    const remembered = context.memory ? await context.memory.recall(scope) : new Map();
    await confirmCandidates(context, scope, remembered, wanted, found);
    if (wanted.size > found.size) {
        const candidates = new Map();
        const summaries = await scanOrders(context.client, scope, { languages: [...wanted].filter((l) => !found.has(l)) });
        const usable = summaries.filter((summary) => isUsable(summary.status));
        // Newest first, except an order with an older one of its language created just before it:
        // its run cancels it in favour of the older one (yieldToEarlierOrders), so prefer the survivor.
        const yields = (s) => usable.some((o) => o !== s && key(o.targetLanguage) === key(s.targetLanguage) && isOlder(o, s) && Date.parse(s.createdAt ?? '') - Date.parse(o.createdAt ?? '') <= AMBIGUOUS_CREATE_SLACK_MS);
        for (const summary of [...usable.filter((s) => !yields(s)), ...usable.filter(yields)]) {
            const language = key(summary.targetLanguage);
            candidates.set(language, [...(candidates.get(language) ?? []), summary.id]);
        }
        await confirmCandidates(context, scope, candidates, wanted, found);
    }
    return found;
}
async function confirmCandidates(context, scope, candidates, wanted, found) {
    await Promise.all([...candidates].map(async ([language, orderIds]) => {
        if (!wanted.has(language) || found.has(language))
            return;
        for (const orderId of orderIds.slice(0, 3)) {
            const order = await context.client.getOrder(orderId).catch((error) => {
                if (error instanceof _ollang_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OllangError */ .eO && error.status === 401)
                    throw error;
                return undefined; // gone or unreadable: not reusable
            });
            if (order && matchesScope(order, scope) && key(order.targetLanguage) === language && isUsable(order.status)) {
                found.set(language, order);
                return;
            }
        }
    }));
}
/**
 * Newest orders of the scope, filtered on our side (the server may ignore filters: NOTES.md),
 * reading at most `maxPages` pages.
 */
async function scanOrders(client, scope, options = {}) {
    const languages = options.languages ? new Set(options.languages.map(key)) : undefined;
    const matches = [];
    const pages = client.listAllOrders({
        take: 50,
        orderBy: 'createdAt',
        orderDirection: 'desc',
        filter: {
            type: scope.orderType,
            projectId: scope.projectId,
            ...(options.createdFrom ? { createdAtFrom: options.createdFrom } : {}),
        },
    }, { maxPages: options.maxPages ?? REUSE_SCAN_MAX_PAGES });
    for await (const summary of pages) {
        if (summary.projectId !== undefined && summary.projectId !== scope.projectId)
            continue;
        if (summary.type !== scope.orderType)
            continue;
        if (languages && !languages.has(key(summary.targetLanguage)))
            continue;
        if (options.createdFrom && summary.createdAt && Date.parse(summary.createdAt) < Date.parse(options.createdFrom))
            continue;
        matches.push(summary);
    }
    return matches;
}
/**
 * One Create Order call for the languages. Create Order has no idempotency key, so after a
 * failure with no answer we look for what the call may have created (List Orders since just
 * before it) and create again only for languages still missing. An answered error (400, 404...)
 * is final and never retried.
 */
async function createOrders(context, scope, languages) {
    const { client, settings, log, clock, state } = context;
    const rush = new Set(settings.rushLanguages.map(key));
    let missing = languages;
    const createdIds = [];
    for (let attempt = 1; missing.length > 0 && attempt <= MAX_CREATE_ATTEMPTS; attempt++) {
        const request = {
            orderType: settings.orderType,
            level: settings.level,
            projectId: settings.projectId,
            targetLanguageConfigs: missing.map((language) => ({ language, isRush: rush.has(key(language)) })),
            ...(settings.orderSubType ? { orderSubType: settings.orderSubType } : {}),
            ...(settings.dubbingStyle ? { dubbingStyle: settings.dubbingStyle } : {}),
            ...(settings.callbackUrl ? { callbackUrl: settings.callbackUrl } : {}),
            ...(settings.autoQc ? { autoQc: true } : {}),
        };
        const calledAt = clock();
        log.info(`Creating ${settings.orderType} orders (level ${settings.level}) for ${missing.join(', ')}.`);
        // If main is killed before the answer, the post step looks for what this call made.
        state.recordCreateSent({ since: new Date(calledAt).toISOString(), projectId: settings.projectId, orderType: settings.orderType, languages: missing });
        try {
            const created = await client.createOrder(request);
            const ids = created.map((c) => c.orderId);
            state.recordCreated(ids);
            state.recordCreateSettled();
            createdIds.push(...ids);
            missing = [];
        }
        catch (error) {
            if (!(error instanceof _ollang_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OllangError */ .eO) || !error.ambiguous) {
                state.recordCreateSettled();
                throw createError(error, missing, settings.projectId);
            }
            log.warning(`Create Order got no usable answer (${error.message}). It may still have created orders: ` +
                `looking for them before creating anything again.`);
            const found = await scanOrders(client, scope, {
                languages: missing,
                createdFrom: new Date(calledAt - AMBIGUOUS_CREATE_SLACK_MS).toISOString(),
                maxPages: Math.ceil(missing.length / 50) + 2,
            });
            const recovered = found.filter((o) => isUsable(o.status) && !createdIds.includes(o.id));
            state.recordCreated(recovered.map((o) => o.id));
            state.recordCreateSettled();
            createdIds.push(...recovered.map((o) => o.id));
            const recoveredLanguages = new Set(recovered.map((o) => key(o.targetLanguage)));
            if (recovered.length > 0)
                log.info(`Found ${recovered.length} order(s) the lost call created: ${recovered.map((o) => `${o.targetLanguage} ${o.id}`).join(', ')}.`);
            missing = missing.filter((language) => !recoveredLanguages.has(key(language)));
            if (missing.length > 0 && attempt === MAX_CREATE_ATTEMPTS)
                throw createError(error, missing, settings.projectId);
            if (missing.length > 0)
                await context.sleep(CREATE_RETRY_PAUSE_MS * 2 ** (attempt - 1));
        }
    }
    // The create response's order is not a language mapping (NOTES.md): ask each order. An order
    // Get Order cannot read now is followed all the same (the wait fills in its language), since
    // failing here would leave a paid order behind with nobody waiting for it.
    return Promise.all(createdIds.map(async (orderId) => {
        try {
            return toFollowed(await context.client.getOrder(orderId), true);
        }
        catch (error) {
            if (error instanceof _ollang_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OllangError */ .eO && (error.status === 401 || error.kind === 'aborted'))
                throw error;
            log.warning(`Could not read new order ${orderId} yet (${error instanceof Error ? error.message : String(error)}); following it anyway.`);
            return unreadOrder(orderId);
        }
    }));
}
/**
 * Runs started together (a workflow matrix, two pushes) can each find nothing to reuse and each
 * create the same language. Every run settles it the same way: the oldest usable order of a
 * (project, type, level, language) is kept, and a run whose own order is younger cancels it
 * (it was created moments ago, so it is still `pending` and cancellable) and follows the older
 * one instead. One List Orders page, and only when this run created something.
 */
async function yieldToEarlierOrders(context, scope, created) {
    if (created.length === 0 || !context.settings.reuseOrders)
        return created;
    const { client, log, state } = context;
    const oldest = Math.min(...created.map((o) => Date.parse(o.createdAt ?? '') || Infinity));
    if (!Number.isFinite(oldest))
        return created;
    let rivals;
    try {
        rivals = await scanOrders(client, scope, {
            languages: created.map((o) => o.language),
            createdFrom: new Date(oldest - AMBIGUOUS_CREATE_SLACK_MS).toISOString(),
            maxPages: Math.ceil(created.length / 50) + 1,
        });
    }
    catch (error) {
        if (error instanceof _ollang_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OllangError */ .eO && (error.status === 401 || error.kind === 'aborted'))
            throw error;
        return created; // a courtesy check: never fail a run over it
    }
    const ours = new Set(created.map((o) => o.orderId));
    const result = [];
    for (const mine of created) {
        const earlier = rivals
            .filter((r) => !ours.has(r.id) && isUsable(r.status) && key(r.targetLanguage) === key(mine.language) && isOlder(r, mine))
            .sort((a, b) => (isOlder(a, b) ? -1 : 1));
        let replacement;
        for (const rival of earlier.slice(0, 3)) {
            const order = await client.getOrder(rival.id).catch(() => undefined);
            if (order && matchesScope(order, scope) && isUsable(order.status)) {
                replacement = order;
                break;
            }
        }
        if (!replacement) {
            result.push(mine);
            continue;
        }
        try {
            const outcome = await client.cancelOrder(mine.orderId);
            state.recordSettled([mine.orderId]);
            log.info(`${mine.language}: another run ordered it first (${replacement.id}); ${outcome} this run's duplicate ${mine.orderId} and following that order.`);
            result.push(toFollowed(replacement, false));
        }
        catch (error) {
            // Could not cancel ours (already past pending): keep it, we pay for it anyway.
            log.debug(`Keeping ${mine.orderId}: cancelling the duplicate failed (${error instanceof Error ? error.message : String(error)}).`);
            result.push(mine);
        }
    }
    return result;
}
/** Older = created earlier; ties broken by ID so that every run picks the same survivor. */
function isOlder(a, b) {
    const ta = Date.parse(a.createdAt ?? '') || Infinity;
    const tb = Date.parse(b.createdAt ?? '') || Infinity;
    if (ta !== tb)
        return ta < tb;
    return (a.id ?? a.orderId ?? '') < (b.id ?? b.orderId ?? '');
}
function createError(error, languages, projectId) {
    const message = error instanceof Error ? error.message : String(error);
    return new Error(`Creating orders for ${languages.join(', ')} in project ${projectId} failed: ${message}`, { cause: error });
}
/** A created order known only by its ID so far: the wait loop learns its language and status. */
function unreadOrder(orderId) {
    return { orderId, language: '', type: '', created: true, status: 'pending', state: 'waiting', files: [] };
}
function toFollowed(order, created) {
    return {
        orderId: order.id,
        language: order.targetLanguage,
        type: order.type,
        ...(order.level !== undefined ? { level: order.level } : {}),
        ...(order.projectId !== undefined ? { projectId: order.projectId } : {}),
        ...(order.createdAt !== undefined ? { createdAt: order.createdAt } : {}),
        created,
        status: order.status,
        state: 'waiting',
        files: [],
    };
}
function matchesScope(order, scope) {
    return ((order.projectId === undefined || order.projectId === scope.projectId) &&
        order.type === scope.orderType &&
        (order.level ?? scope.level) === scope.level);
}
/** Reusable: anything but finished badly. */
function isUsable(status) {
    return status !== 'cancelled' && status !== 'failed';
}
/** Language codes compare case-insensitively (`pt-BR` and `pt-br` are one language). */
function key(language) {
    return language.toLowerCase();
}
function describe(order) {
    return `${order.orderId} (${order.language}, ${order.status})`;
}


/***/ })

};
