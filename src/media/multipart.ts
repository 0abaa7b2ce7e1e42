/**
 * The multipart/form-data body of `POST /integration/upload/direct`, written by hand so that a
 * file of any size streams from disk with a known Content-Length (docs/ollang-uploads.md):
 * Node's fetch keeps a request body in memory while it may follow a redirect, and
 * `fs.openAsBlob` misreports sizes of 4 GiB and more.
 *
 * Fields in the order Ollang's SDKs send them: `file` (with a filename that has an extension,
 * which the platform needs), `name`, `sourceLanguage`, then `notes` when given (a JSON string).
 * The body is the preamble (`head`), the file's bytes, and the other fields with the closing
 * boundary (`tail`); its length is `head + file size (fs.stat) + tail`. It goes out over the
 * action's one HTTP transport as a StreamedBody (`streamedMultipartBody`), or into any
 * writable stream (`writeMultipartBody`).
 */
import { randomBytes } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { StreamedBody } from '../http/transport.ts';
import { extensionOf, formatOf } from './formats.ts';

export interface UploadNote {
  details: string;
  timeStamp: string;
}

export interface UploadForm {
  /** Absolute path of the file to send. */
  filePath: string;
  /** The project's name (`name` field). */
  name: string;
  /** The language spoken in the media (`sourceLanguage` field). */
  sourceLanguage: string;
  notes?: UploadNote[];
}

export interface MultipartBody {
  /** `multipart/form-data; boundary=…` */
  contentType: string;
  /** Exact length of the whole body, in bytes. */
  contentLength: number;
  /** The file's size when the body was made (fs.stat). */
  fileSize: number;
  /** The file part's filename (ASCII, with the file's extension in lower case). */
  fileName: string;
  boundary: string;
  head: Buffer;
  tail: Buffer;
}

export interface WriteOptions {
  /** Stops the body at once (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Called after each chunk of the file is handed to the sink, with the file bytes sent so far. */
  onProgress?: (fileBytesSent: number) => void;
  /** Bytes read from disk at a time (default 1 MiB): memory stays near this plus the sink's buffer. */
  chunkBytes?: number;
}

const CRLF = '\r\n';
const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/**
 * The file part's filename: the file's own name in ASCII (other characters become `_`, as
 * servers that read these headers as latin1 would garble them), ending with its extension in
 * lower case. The person-readable name goes in the `name` field (UTF-8).
 */
export function uploadFileName(filePath: string): string {
  const base = path.basename(filePath);
  const extension = extensionOf(base);
  const stem = extension === '' ? base : base.slice(0, base.length - extension.length - 1);
  const ascii = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ ()+-]/g, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 150);
  return `${ascii === '' ? 'media' : ascii}.${extension === '' ? 'bin' : extension}`;
}

/** Quotes a parameter value as the HTML standard's form encoding does (`"` CR LF percent-encoded). */
function quote(value: string): string {
  return `"${value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
}

/** Builds the body's head and tail and its exact length; reads only the file's size. */
export async function multipartBody(form: UploadForm, options: { boundary?: string } = {}): Promise<MultipartBody> {
  const info = await stat(form.filePath);
  if (!info.isFile()) throw new Error(`${form.filePath} is not a file`);
  const fileName = uploadFileName(form.filePath);
  const contentType = formatOf(fileName)?.contentType ?? 'application/octet-stream';
  const fields: [string, string][] = [
    ['name', form.name],
    ['sourceLanguage', form.sourceLanguage],
  ];
  if (form.notes !== undefined) fields.push(['notes', JSON.stringify(form.notes)]);

  let boundary = options.boundary ?? newBoundary();
  // A text value must never contain the delimiter (only possible with a boundary given by a test).
  while (fields.some(([, value]) => value.includes(`--${boundary}`))) boundary = newBoundary();

  const head = Buffer.from(
    `--${boundary}${CRLF}` +
      `Content-Disposition: form-data; name="file"; filename=${quote(fileName)}${CRLF}` +
      `Content-Type: ${contentType}${CRLF}${CRLF}`,
    'utf8',
  );
  let tail = CRLF;
  for (const [field, value] of fields) {
    tail += `--${boundary}${CRLF}Content-Disposition: form-data; name=${quote(field)}${CRLF}${CRLF}${value}${CRLF}`;
  }
  tail += `--${boundary}--${CRLF}`;
  const tailBytes = Buffer.from(tail, 'utf8');
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: head.length + info.size + tailBytes.length,
    fileSize: info.size,
    fileName,
    boundary,
    head,
    tail: tailBytes,
  };
}

function newBoundary(): string {
  return `----OllangActionBoundary${randomBytes(12).toString('hex')}`;
}

/**
 * Writes the whole body into `sink` (an HTTP request), reading the file a chunk at a time and
 * waiting for the sink to drain before the next one (back-pressure). Does not end the sink.
 * Rejects when the file's size changed since the body was made (the Content-Length would lie),
 * when the sink fails or closes, or at once when `signal` aborts.
 *
 * Memory: at most `BUFFERS` chunks exist; a chunk is read into again only once the sink says it
 * has handed it on (its write callback). A fresh buffer per chunk would leave the garbage
 * collector a GiB of 1 MiB buffers to find: the uploader's RSS reached 148 MiB on 1 GiB that way.
 */
export async function writeMultipartBody(body: MultipartBody, filePath: string, sink: Writable, options: WriteOptions = {}): Promise<void> {
  const { signal } = options;
  const chunkBytes = Math.max(16 * 1024, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  signal?.throwIfAborted();
  await write(sink, body.head, signal);
  const pool = new BufferPool(Math.min(chunkBytes, Math.max(1, body.fileSize)));
  const file = await open(filePath, 'r');
  try {
    let sent = 0;
    while (sent < body.fileSize) {
      const buffer = await pool.take(sink, signal);
      const length = Math.min(buffer.length, body.fileSize - sent);
      const { bytesRead } = await file.read(buffer, 0, length, sent);
      if (bytesRead === 0) {
        pool.release(buffer);
        throw new Error(`${filePath} became shorter while it was being uploaded (${sent} of ${body.fileSize} bytes)`);
      }
      signal?.throwIfAborted();
      await write(sink, bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead), signal, () => pool.release(buffer));
      sent += bytesRead;
      options.onProgress?.(sent);
    }
    const { bytesRead } = await file.read(Buffer.alloc(1), 0, 1, body.fileSize);
    if (bytesRead !== 0) throw new Error(`${filePath} grew while it was being uploaded (more than ${body.fileSize} bytes)`);
  } finally {
    await file.close();
  }
  signal?.throwIfAborted();
  await write(sink, body.tail, signal);
}

/**
 * The body as the transport's StreamedBody: the head, the file a chunk at a time, the tail. A
 * chunk is read into again only once the transport releases it (the connection has written it
 * out), so at most `BUFFERS` chunks exist whatever the file's size. Fails when the file's size
 * changed since the body was made (the Content-Length would lie), and at once when `signal`
 * aborts. `onProgress` gets the file bytes handed to the connection so far.
 */
export function streamedMultipartBody(
  body: MultipartBody,
  filePath: string,
  options: Omit<WriteOptions, 'onProgress'> & { onProgress?: (fileBytesSent: number) => void } = {},
): StreamedBody {
  const chunkBytes = Math.max(16 * 1024, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const pool = new ReleasePool(Math.min(chunkBytes, Math.max(1, body.fileSize)));
  const { signal } = options;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    signal?.throwIfAborted();
    yield body.head;
    const file = await open(filePath, 'r');
    try {
      let read = 0;
      while (read < body.fileSize) {
        const buffer = await pool.take(signal);
        const length = Math.min(buffer.length, body.fileSize - read);
        const { bytesRead } = await file.read(buffer, 0, length, read);
        if (bytesRead === 0) {
          pool.give(buffer);
          throw new Error(`${filePath} became shorter while it was being uploaded (${read} of ${body.fileSize} bytes)`);
        }
        signal?.throwIfAborted();
        read += bytesRead;
        yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
      }
      const { bytesRead } = await file.read(Buffer.alloc(1), 0, 1, body.fileSize);
      if (bytesRead !== 0) throw new Error(`${filePath} grew while it was being uploaded (more than ${body.fileSize} bytes)`);
    } finally {
      await file.close();
    }
    yield body.tail;
  }
  return {
    length: body.contentLength,
    open: chunks,
    release: (chunk) => pool.release(chunk),
    onProgress: (sent) => options.onProgress?.(Math.max(0, Math.min(body.fileSize, sent - body.head.length))),
  };
}

/** The file's chunk buffers, read into again once the transport releases them. */
class ReleasePool {
  readonly #size: number;
  readonly #free: Buffer[] = [];
  readonly #mine = new Map<ArrayBufferLike, Buffer>();
  #waiting: (() => void) | undefined;

  constructor(size: number) {
    this.#size = size;
  }

  async take(signal: AbortSignal | undefined): Promise<Buffer> {
    for (;;) {
      signal?.throwIfAborted();
      const free = this.#free.pop();
      if (free !== undefined) return free;
      if (this.#mine.size < BUFFERS) {
        // Each its own ArrayBuffer (not the shared pool's), so that a released view names it.
        const buffer = Buffer.allocUnsafeSlow(this.#size);
        this.#mine.set(buffer.buffer, buffer);
        return buffer;
      }
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => reject(signal?.reason ?? new Error('aborted'));
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        this.#waiting = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
      });
    }
  }

  /** A chunk the transport is done with (the head and tail are not ours: ignored). */
  release(chunk: Uint8Array): void {
    const buffer = this.#mine.get(chunk.buffer);
    if (buffer !== undefined) this.give(buffer);
  }

  give(buffer: Buffer): void {
    if (!this.#free.includes(buffer)) this.#free.push(buffer);
    const wake = this.#waiting;
    this.#waiting = undefined;
    wake?.();
  }
}

/** Chunks in flight at most: one being read, the others queued in the sink or the socket. */
const BUFFERS = 4;

/** A few chunk-sized buffers, handed out again once the sink is done with them. */
class BufferPool {
  readonly #size: number;
  readonly #free: Buffer[] = [];
  #made = 0;
  #waiting: (() => void) | undefined;

  constructor(size: number) {
    this.#size = size;
  }

  /** A free buffer; waits for one to come back when all are in flight. */
  async take(sink: Writable, signal: AbortSignal | undefined): Promise<Buffer> {
    for (;;) {
      signal?.throwIfAborted();
      const free = this.#free.pop();
      if (free !== undefined) return free;
      if (this.#made < BUFFERS) {
        this.#made += 1;
        return Buffer.allocUnsafeSlow(this.#size);
      }
      await until(sink, signal, (wake) => (this.#waiting = wake));
    }
  }

  release(buffer: Buffer): void {
    this.#free.push(buffer);
    const wake = this.#waiting;
    this.#waiting = undefined;
    wake?.();
  }
}

/**
 * Writes one chunk; resolves at once, or once the sink drains when its buffer is full.
 * `flushed` is called when the sink has handed the chunk on (or failed it).
 */
function write(sink: Writable, chunk: Buffer, signal: AbortSignal | undefined, flushed?: () => void): Promise<void> {
  if (sink.destroyed || sink.writableEnded) return Promise.reject(new Error('the connection closed while the body was being sent'));
  const accepted = flushed === undefined ? sink.write(chunk) : sink.write(chunk, () => flushed());
  if (accepted) return Promise.resolve();
  return until(sink, signal, (wake) => sink.once('drain', wake));
}

/**
 * Resolves when `arm`'s wake-up is called; rejects when the sink fails or closes first, or at
 * once when `signal` aborts (with the signal's reason, as fetch rejects).
 */
function until(sink: Writable, signal: AbortSignal | undefined, arm: (wake: () => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      sink.off('error', onError);
      sink.off('close', onClose);
      signal?.removeEventListener('abort', onAbort);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an Error, or the abort's own reason
      if (error !== undefined) reject(error);
      else resolve();
    };
    const onError = (error: Error): void => settle(error);
    const onClose = (): void => settle(new Error('the connection closed while the body was being sent'));
    const onAbort = (): void => settle(signal?.reason ?? new Error('aborted'));
    if (signal?.aborted) return onAbort();
    if (sink.destroyed) return onClose();
    sink.on('error', onError);
    sink.on('close', onClose);
    signal?.addEventListener('abort', onAbort, { once: true });
    arm(() => settle());
  });
}
