/**
 * Reads one HTTP/1.1 response from the bytes of a connection, in whatever pieces they arrive:
 * the head (status line and header fields, RFC 9112 §4-5), interim 1xx heads skipped, then the
 * body framed as RFC 9112 §6.3 says: none (HEAD, 204, 304), Transfer-Encoding chunked,
 * Content-Length, or until the connection closes.
 *
 * Strict where leniency is how other clients were fooled into reading a body wrongly: two
 * different Content-Length values, a Content-Length beside a Transfer-Encoding, a transfer coding
 * that does not end in chunked, a folded header line, a bare CR or LF in the head, a chunk size
 * that is not hex, bytes after the end of the response are errors, never guesses. Body bytes are
 * handed on as views of the caller's buffer, without copying (see transport.ts).
 */

export interface ResponseHead {
  status: number;
  statusText: string;
  /** Lower-case names; a repeated field's values joined with ", ". */
  headers: ReadonlyMap<string, string>;
  /**
   * The length the body is framed by: its Content-Length, or 0 when it has none (HEAD, 204, 304);
   * absent when it is chunked or read to the close. Callers check what they received against this,
   * never against the header (the framing is this parser's rule alone).
   */
  length?: number;
}

/** The response is not HTTP/1.1 we can read safely, or it ended before its body did. */
export class ResponseError extends Error {
  /** `ERR_HTTP_RESPONSE`: malformed; `ERR_HTTP_CUT_SHORT`: the connection closed inside the response. */
  readonly code: 'ERR_HTTP_RESPONSE' | 'ERR_HTTP_CUT_SHORT';
  constructor(message: string, code: ResponseError['code']) {
    super(message);
    this.name = 'ResponseError';
    this.code = code;
  }
}

export interface ResponseHandlers {
  onHead(head: ResponseHead): void;
  /** A piece of the body: a view of the bytes passed to push(), valid only during this call. */
  onBody(chunk: Buffer): void;
  onEnd(): void;
}

/** A head larger than this is refused (Node's own limit is 16 KiB). */
const MAX_HEAD_BYTES = 64 * 1024;
/** A chunk-size line or a trailer section larger than this is refused. */
const MAX_LINE_BYTES = 4 * 1024;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const STATUS_LINE = /^HTTP\/1\.[01] ([1-9]\d\d)(?: ([^\r\n]*))?$/;

type State =
  | { kind: 'head' }
  | { kind: 'length'; left: number }
  | { kind: 'chunk-size' }
  | { kind: 'chunk-data'; left: number }
  | { kind: 'chunk-end'; seen: 0 | 1 }
  | { kind: 'trailers' }
  | { kind: 'close' }
  | { kind: 'done' };

export class ResponseParser {
  readonly #handlers: ResponseHandlers;
  readonly #isHead: boolean;
  #state: State = { kind: 'head' };
  /** Bytes of a head or of a chunk-size / trailer line not complete yet. */
  #pending: Buffer = Buffer.alloc(0);

  /** `method`: the request's (a HEAD response has no body whatever its headers say). */
  constructor(method: string, handlers: ResponseHandlers) {
    this.#handlers = handlers;
    this.#isHead = method.toUpperCase() === 'HEAD';
  }

  /** True once the whole response (head and body) has been read. */
  get done(): boolean {
    return this.#state.kind === 'done';
  }

  /** True once a final (non-1xx) head has been read. */
  get hasHead(): boolean {
    return this.#state.kind !== 'head';
  }

  /**
   * Parses the next bytes of the connection. Throws ResponseError. One request goes on each
   * connection (`Connection: close`): bytes after the end of the response in the same piece mean
   * its framing lied (a Content-Length shorter than the body) and are an error, stray CR and LF
   * aside (as node:http's parser allows). Pieces pushed after the end are ignored.
   */
  push(data: Buffer): void {
    let offset = 0;
    while (offset < data.length && this.#state.kind !== 'done') {
      offset = this.#step(data, offset);
    }
  }

  /** The connection closed: ends a body framed by the close; throws when the response was cut short. */
  end(): void {
    switch (this.#state.kind) {
      case 'done':
        return;
      case 'close':
        this.#state = { kind: 'done' };
        this.#handlers.onEnd();
        return;
      case 'head':
        throw new ResponseError('the connection closed before a complete response head', 'ERR_HTTP_CUT_SHORT');
      default:
        throw new ResponseError('the connection closed before the body ended', 'ERR_HTTP_CUT_SHORT');
    }
  }

  /** Consumes bytes from `offset` for the current state; returns the new offset. */
  #step(data: Buffer, offset: number): number {
    const state = this.#state;
    switch (state.kind) {
      case 'head': {
        const end = this.#findLine(data, offset, '\r\n\r\n', MAX_HEAD_BYTES, 'response head');
        if (end === undefined) return data.length;
        this.#startBody(parseHead(this.#takePending(data, offset, end)), data, end);
        return end;
      }
      case 'length': {
        const count = Math.min(state.left, data.length - offset);
        state.left -= count;
        this.#handlers.onBody(data.subarray(offset, offset + count));
        if (state.left === 0) this.#finish(data, offset + count);
        return offset + count;
      }
      case 'close':
        this.#handlers.onBody(offset === 0 ? data : data.subarray(offset));
        return data.length;
      case 'chunk-size': {
        const end = this.#findLine(data, offset, '\r\n', MAX_LINE_BYTES, 'chunk size line');
        if (end === undefined) return data.length;
        const size = parseChunkSize(this.#takePending(data, offset, end));
        this.#state = size === 0 ? { kind: 'trailers' } : { kind: 'chunk-data', left: size };
        return end;
      }
      case 'chunk-data': {
        const count = Math.min(state.left, data.length - offset);
        state.left -= count;
        this.#handlers.onBody(data.subarray(offset, offset + count));
        if (state.left === 0) this.#state = { kind: 'chunk-end', seen: 0 };
        return offset + count;
      }
      case 'chunk-end': {
        // The CRLF after a chunk's data (its two bytes may come in two pieces).
        if (data[offset] !== (state.seen === 0 ? 0x0d : 0x0a)) throw malformed('chunk data not followed by CRLF');
        if (state.seen === 0) state.seen = 1;
        else this.#state = { kind: 'chunk-size' };
        return offset + 1;
      }
      case 'trailers': {
        // Trailer fields are read and dropped: nothing here needs them. An empty line ends them.
        const end = this.#findLine(data, offset, '\r\n', MAX_LINE_BYTES, 'trailer section');
        if (end === undefined) return data.length;
        const line = this.#takePending(data, offset, end);
        if (line.length === 2) this.#finish(data, end);
        return end;
      }
      case 'done':
        return data.length;
    }
  }

  /**
   * Looks for `terminator` in what is pending plus `data` from `offset`. Returns the offset in
   * `data` just past it, or undefined (the bytes are kept pending) when it has not come yet.
   */
  #findLine(data: Buffer, offset: number, terminator: string, limit: number, what: string): number | undefined {
    // Search from a few bytes back into what was pending: the terminator may straddle two pieces.
    const carried = Math.min(this.#pending.length, terminator.length - 1);
    const window = carried > 0 ? Buffer.concat([this.#pending.subarray(this.#pending.length - carried), data.subarray(offset)]) : data;
    const at = window.indexOf(terminator, carried > 0 ? 0 : offset, 'latin1');
    if (at === -1) {
      if (this.#pending.length + data.length - offset > limit) throw malformed(`${what} longer than ${limit} bytes`);
      this.#pending = Buffer.concat([this.#pending, data.subarray(offset)]);
      return undefined;
    }
    const end = (carried > 0 ? offset - carried : 0) + at + terminator.length;
    if (this.#pending.length + end - offset > limit) throw malformed(`${what} longer than ${limit} bytes`);
    return end;
  }

  /** What was pending plus `data[offset, end)`, and nothing pending any more. */
  #takePending(data: Buffer, offset: number, end: number): Buffer {
    const line = this.#pending.length > 0 ? Buffer.concat([this.#pending, data.subarray(offset, end)]) : data.subarray(offset, end);
    this.#pending = Buffer.alloc(0);
    return line;
  }

  /** A head is in; `data` from `end` is what came after it in this piece. */
  #startBody(head: ResponseHead, data: Buffer, end: number): void {
    // Interim answers (100 Continue, 103 Early Hints) precede the real one: skip them.
    if (head.status < 200) {
      if (head.status === 101) throw malformed('unexpected 101 Switching Protocols');
      return;
    }
    const framing = bodyFraming(head, this.#isHead);
    this.#state = framing;
    const length = framing.kind === 'length' ? framing.left : framing.kind === 'done' ? 0 : undefined;
    this.#handlers.onHead(length === undefined ? head : { ...head, length });
    if (framing.kind === 'done' || (framing.kind === 'length' && framing.left === 0)) this.#finish(data, end);
  }

  /** The response is whole. `data` from `rest`: the rest of the piece it ended in (see push()). */
  #finish(data?: Buffer, rest = 0): void {
    for (let i = rest; data !== undefined && i < data.length; i++) {
      if (data[i] !== 0x0d && data[i] !== 0x0a) throw malformed('bytes after the end of the response');
    }
    this.#state = { kind: 'done' };
    this.#handlers.onEnd();
  }
}

/** RFC 9112 §6.3, for a response to a request we sent. */
function bodyFraming(head: ResponseHead, isHead: boolean): State {
  if (isHead || head.status === 204 || head.status === 304) return { kind: 'done' };
  const transferEncoding = head.headers.get('transfer-encoding');
  if (transferEncoding !== undefined) {
    // §6.3: both at once "ought to be handled as an error" (it is how responses are split). A final
    // coding other than chunked would be read to the close and handed on still encoded: no TE is
    // ever sent, so no such coding was asked for (node:http refuses these too).
    if (head.headers.has('content-length')) throw malformed('both Transfer-Encoding and Content-Length');
    const codings = transferEncoding.split(',').map((coding) => coding.trim().toLowerCase());
    if (codings.at(-1) !== 'chunked') throw malformed(`Transfer-Encoding "${transferEncoding}" does not end in chunked`);
    return { kind: 'chunk-size' };
  }
  const contentLength = head.headers.get('content-length');
  if (contentLength === undefined) return { kind: 'close' };
  const values = new Set(contentLength.split(',').map((value) => value.trim()));
  const [value] = values;
  if (values.size !== 1 || value === undefined || !/^\d{1,15}$/.test(value)) throw malformed(`invalid Content-Length "${contentLength}"`);
  return { kind: 'length', left: Number(value) };
}

function parseHead(bytes: Buffer): ResponseHead {
  // Header field values are bytes; latin1 keeps each one as one character (what Node does too).
  const text = bytes.toString('latin1', 0, bytes.length - 4);
  const lines = text.split('\r\n');
  const statusLine = STATUS_LINE.exec(lines[0] ?? '');
  if (!statusLine) throw malformed(`not an HTTP/1.1 status line: ${JSON.stringify((lines[0] ?? '').slice(0, 80))}`);
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    if (/^[ \t]/.test(line)) throw malformed('folded header line (obs-fold)');
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    if (!TOKEN.test(name)) throw malformed(`invalid header line ${JSON.stringify(line.slice(0, 80))}`);
    const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    if (/[\r\n\0]/.test(value)) throw malformed(`invalid character in header ${name}`);
    const key = name.toLowerCase();
    const earlier = headers.get(key);
    headers.set(key, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  return { status: Number(statusLine[1]), statusText: statusLine[2] ?? '', headers };
}

/** `1a2b;ext=1\r\n` -> 0x1a2b. */
function parseChunkSize(line: Buffer): number {
  const text = line.toString('latin1', 0, line.length - 2);
  const size = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?$/.exec(text);
  if (!size) throw malformed(`invalid chunk size line ${JSON.stringify(text.slice(0, 40))}`);
  return parseInt(size[1]!, 16);
}

function malformed(detail: string): ResponseError {
  return new ResponseError(`malformed HTTP response: ${detail}`, 'ERR_HTTP_RESPONSE');
}
