// A streaming multipart/form-data parser for the simulator's upload endpoint (RFC 7578 over
// RFC 2046): it never holds more than a chunk and a boundary's length of the body, so a
// multi-GB upload costs the simulator no memory. File parts are counted and hashed (SHA-256),
// not kept; text fields are kept up to a small limit.

import { createHash } from 'node:crypto';

export interface FilePart {
  /** The part's `name` parameter (the form field). */
  field: string;
  /** The `filename` parameter, as sent (undefined when the part had none). */
  filename?: string;
  contentType?: string;
  size: number;
  /** Hex SHA-256 of the part's bytes. */
  sha256: string;
}

export interface ParsedForm {
  /** Text fields in the order they came (a repeated name keeps its first value). */
  fields: Map<string, string>;
  /** Parts that had a `filename` parameter, in order. */
  files: FilePart[];
  /** Part names in the order they came. */
  order: string[];
  /** Bytes of the whole body. */
  bodyBytes: number;
}

export class MultipartError extends Error {
  override readonly name = 'MultipartError';
  /** 'limit': the body grew past `maxBodyBytes` or a file part past `maxFileBytes`; 'format': not a well-formed multipart body. */
  readonly reason: 'limit' | 'format';
  constructor(reason: 'limit' | 'format', message: string) {
    super(message);
    this.reason = reason;
  }
}

export interface ParseOptions {
  /** Largest body accepted; past it a MultipartError('limit') is thrown at once. */
  maxBodyBytes?: number;
  /** Largest file part accepted; past it a MultipartError('limit') is thrown at once. */
  maxFileBytes?: number;
  /** Largest text field kept (default 64 KiB); past it: MultipartError('format'). */
  maxFieldBytes?: number;
  /** Called after each chunk is consumed (the throttled upload fault waits here). */
  afterChunk?: (bytes: number) => Promise<void> | void;
}

/** The boundary of a `multipart/form-data` Content-Type, or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

const MAX_HEADER_BYTES = 16 * 1024;

/** Parses `body` as it streams in. */
export async function parseMultipart(body: AsyncIterable<Buffer>, boundary: string, options: ParseOptions = {}): Promise<ParsedForm> {
  const maxField = options.maxFieldBytes ?? 64 * 1024;
  // The delimiter is CRLF "--" boundary; the first one has no CRLF before it, so the parser
  // starts as if a CRLF had just been read.
  const delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
  const form: ParsedForm = { fields: new Map(), files: [], order: [], bodyBytes: 0 };
  let state = 'preamble' as 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'epilogue';
  let pending: Buffer = Buffer.from('\r\n', 'latin1');
  let part: { field: string; filename?: string; contentType?: string } | undefined;
  let fieldChunks: Buffer[] = [];
  let fieldBytes = 0;
  let hash = createHash('sha256');
  let fileBytes = 0;

  const partData = (data: Buffer): void => {
    if (data.length === 0 || part === undefined) return;
    if (part.filename !== undefined) {
      hash.update(data);
      fileBytes += data.length;
      if (options.maxFileBytes !== undefined && fileBytes > options.maxFileBytes) {
        throw new MultipartError('limit', `file part larger than ${options.maxFileBytes} bytes`);
      }
      return;
    }
    fieldBytes += data.length;
    if (fieldBytes > maxField) throw new MultipartError('format', `field "${part.field}" is longer than ${maxField} bytes`);
    fieldChunks.push(Buffer.from(data));
  };
  const endPart = (): void => {
    if (part === undefined) return;
    form.order.push(part.field);
    if (part.filename !== undefined) {
      const file: FilePart = { field: part.field, filename: part.filename, size: fileBytes, sha256: hash.digest('hex') };
      if (part.contentType !== undefined) file.contentType = part.contentType;
      form.files.push(file);
    } else if (!form.fields.has(part.field)) {
      form.fields.set(part.field, Buffer.concat(fieldChunks).toString('utf8'));
    }
    part = undefined;
  };

  const consume = (): void => {
    for (;;) {
      switch (state) {
        case 'preamble':
        case 'body': {
          const at = pending.indexOf(delimiter);
          if (at === -1) {
            // Keep what could be the start of a delimiter cut by the chunk's end.
            const keep = Math.min(pending.length, delimiter.length - 1);
            if (state === 'body') partData(pending.subarray(0, pending.length - keep));
            pending = Buffer.from(pending.subarray(pending.length - keep));
            return;
          }
          if (state === 'body') {
            partData(pending.subarray(0, at));
            endPart();
          }
          pending = pending.subarray(at + delimiter.length);
          state = 'after-delimiter';
          break;
        }
        case 'after-delimiter': {
          if (pending.length < 2) return;
          if (pending[0] === 0x2d && pending[1] === 0x2d) {
            state = 'epilogue';
            break;
          }
          // Transport padding (spaces, tabs) may sit between the boundary and its CRLF.
          const crlf = pending.indexOf('\r\n');
          if (crlf === -1) {
            if (pending.length > 256) throw new MultipartError('format', 'no CRLF after a boundary');
            return;
          }
          if (!/^[ \t]*$/.test(pending.subarray(0, crlf).toString('latin1')))
            throw new MultipartError('format', 'garbage after a boundary');
          pending = pending.subarray(crlf + 2);
          state = 'headers';
          break;
        }
        case 'headers': {
          const end = pending.indexOf('\r\n\r\n');
          if (end === -1) {
            if (pending.length > MAX_HEADER_BYTES) throw new MultipartError('format', 'part headers too long');
            return;
          }
          part = parsePartHeaders(pending.subarray(0, end).toString('utf8'));
          fieldChunks = [];
          fieldBytes = 0;
          hash = createHash('sha256');
          fileBytes = 0;
          pending = pending.subarray(end + 4);
          state = 'body';
          break;
        }
        case 'epilogue':
          pending = Buffer.alloc(0);
          return;
      }
    }
  };

  // The carry left between chunks is shorter than the delimiter: unless a delimiter straddles the
  // two (looked for in the carry and the chunk's first bytes), the carry is part data and the
  // chunk is searched as it is, never copied: copying every chunk left the garbage collector
  // tens of MiB of copies behind.
  const join = (carry: Buffer, chunk: Buffer): Buffer => {
    if (carry.length === 0) return chunk;
    if ((state === 'body' || state === 'preamble') && carry.length < delimiter.length && chunk.length >= delimiter.length - 1) {
      const joint = Buffer.concat([carry, chunk.subarray(0, delimiter.length - 1)]);
      if (joint.indexOf(delimiter) === -1) {
        if (state === 'body') partData(carry);
        return chunk;
      }
    }
    return Buffer.concat([carry, chunk]);
  };

  for await (const chunk of body) {
    form.bodyBytes += chunk.length;
    if (options.maxBodyBytes !== undefined && form.bodyBytes > options.maxBodyBytes) {
      throw new MultipartError('limit', `body larger than ${options.maxBodyBytes} bytes`);
    }
    pending = join(pending, chunk);
    consume();
    if (options.afterChunk !== undefined) await options.afterChunk(chunk.length);
  }
  if (state !== 'epilogue') throw new MultipartError('format', 'body ended before the closing boundary');
  return form;
}

function parsePartHeaders(text: string): { field: string; filename?: string; contentType?: string } {
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError('format', `bad part header line ${JSON.stringify(line.slice(0, 80))}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') disposition = value;
    else if (name === 'content-type') contentType = value;
  }
  if (disposition === undefined || !/^form-data\s*(;|$)/i.test(disposition)) {
    throw new MultipartError('format', 'a part without Content-Disposition: form-data');
  }
  const params = new Map<string, string>();
  // name="value" (quoted, with the HTML form encoding's %22 / %0D / %0A escapes) or name=token.
  for (const m of disposition.matchAll(/;\s*([A-Za-z0-9*_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g)) {
    const raw = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
    params.set(m[1]!.toLowerCase(), raw.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n'));
  }
  const field = params.get('name');
  if (field === undefined) throw new MultipartError('format', 'a part without a name');
  const out: { field: string; filename?: string; contentType?: string } = { field };
  const filename = params.get('filename');
  if (filename !== undefined) out.filename = filename;
  if (contentType !== undefined) out.contentType = contentType;
  return out;
}
