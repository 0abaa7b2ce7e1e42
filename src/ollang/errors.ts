/**
 * OllangError: every failure of a call to the Ollang API, whatever its cause.
 *
 * The message names the endpoint, the order (when there is one), the HTTP status, the API's own
 * code and message: "Get Order 60b8…: 404 ORDER_NOT_FOUND: No order found with the provided orderId".
 * It never carries the API key or any request header (the client scrubs the key from anything
 * the server echoes back).
 */

export type OllangErrorKind = 'http' | 'network' | 'timeout' | 'schema' | 'aborted';

export interface OllangErrorInit {
  kind: OllangErrorKind;
  /** Human name of the endpoint, e.g. 'Get Order'. */
  endpoint: string;
  orderId?: string;
  status?: number;
  statusText?: string;
  code?: string;
  apiMessage?: string;
  ambiguous?: boolean;
  retryAfterMs?: number;
  /** kind 'schema' only: the body was not JSON at all (empty, cut short, an HTML page). */
  invalidJson?: boolean;
  /** What went wrong, for the kinds without an HTTP answer (network cause, schema field path…). */
  detail?: string;
  cause?: unknown;
}

export class OllangError extends Error {
  override readonly name = 'OllangError';
  readonly kind: OllangErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly apiMessage?: string;
  readonly endpoint: string;
  readonly orderId?: string;
  /** True when the request may have been processed without us seeing the answer. */
  readonly ambiguous: boolean;
  readonly retryAfterMs?: number;
  /** kind 'schema' only: the body was not JSON (a transient fault on reads: retried). */
  readonly invalidJson: boolean;

  constructor(init: OllangErrorInit) {
    super(formatMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.ambiguous = init.ambiguous ?? false;
    this.invalidJson = init.invalidJson ?? false;
    if (init.status !== undefined) this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    if (init.apiMessage !== undefined) this.apiMessage = init.apiMessage;
    if (init.orderId !== undefined) this.orderId = init.orderId;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

function formatMessage(init: OllangErrorInit): string {
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
 * Reads an error body (docs/ollang-api.md, "Conventions"): `detail`, then `message`, then `error`; `code` kept when it is a
 * string (the generic envelope's numeric `-1` says nothing). Non-JSON bodies yield a short text
 * snippet unless they look like an HTML page.
 */
export function readErrorBody(text: string): { code?: string; apiMessage?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    if (/^<(!doctype|html|\?xml)/i.test(trimmed)) return {};
    return { apiMessage: clip(trimmed) };
  }
  if (typeof parsed === 'string' && parsed.trim() !== '') return { apiMessage: clip(parsed) };
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const body = parsed as Record<string, unknown>;
  const result: { code?: string; apiMessage?: string } = {};
  if (typeof body.code === 'string' && body.code.trim() !== '') result.code = body.code.trim();
  for (const key of ['detail', 'message', 'error'] as const) {
    const text = messageText(body[key]);
    if (text) {
      result.apiMessage = clip(text);
      break;
    }
  }
  return result;
}

function messageText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  // NestJS validation pipes answer `message: ["a must be …", "b must be …"]`.
  if (Array.isArray(value)) {
    const parts = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    return parts.length ? parts.join('; ') : undefined;
  }
  return undefined;
}

function clip(text: string, max = 500): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/**
 * What to check when a failure most likely comes from the workflow's inputs rather than from
 * Ollang: the key (401, 403), the project (404 from a call about the project), the address
 * (no answer at all). Said in the failure, so that the job summary and the log carry the fix.
 */
export function adviceFor(error: unknown): string | undefined {
  if (!(error instanceof OllangError)) return undefined;
  if (error.status === 401) return 'Check the secret passed as api-key: Ollang did not accept it as an API key.';
  if (error.status === 403) return "Check that the API key's Ollang account may use this project and its orders.";
  if (error.status === 404 && (error.code === 'PROJECT_NOT_FOUND' || error.endpoint === 'Create Order')) {
    return 'Check project-id: Ollang has no project with that ID for this API key.';
  }
  if (error.kind === 'network' || error.kind === 'timeout') {
    return 'Check api-url: the runner could not get an answer from Ollang there (a wrong address, or a network that blocks it); if it is right, Ollang may be down, so try again later.';
  }
  return undefined;
}

/** The error's message, followed by what to check where adviceFor knows. */
export function explainError(error: unknown, message: string): string {
  const advice = adviceFor(error);
  return advice ? `${message.replace(/\.?$/, '.')} ${advice}` : message;
}
