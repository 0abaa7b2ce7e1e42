/**
 * Where a download's body goes: counts the bytes, refuses a body that grows past
 * max-download-size, holds back the first CONTENT_CHECK_BYTES until content-check.ts has passed
 * them (a refused body is never written), and writes the rest to the temporary file as it comes.
 *
 * Each piece is written at once with writeSync (docs/benchmarks.md): it is a view of the
 * transport's read buffer (at most 64 KiB), reused as soon as this returns, and a page-cache
 * write of that size takes microseconds, far less than a hand-off to the threadpool (fs.write, a
 * WriteStream). While it runs the socket is not read: that is the back-pressure, with no queue.
 */
import { writeSync } from 'node:fs';
import { CONTENT_CHECK_BYTES } from './content-check.ts';
import type { DownloadError } from './errors.ts';

export interface SinkOptions {
  /** The temporary file, open for writing. */
  fd: number;
  maxBytes: number;
  /** Why the body's first bytes are refused, or undefined. */
  check: (head: Buffer) => DownloadError | undefined;
  tooLarge: () => DownloadError;
  writeFailed: (cause: unknown) => DownloadError;
}

export class BodySink {
  /** Bytes received so far. */
  bytes = 0;
  readonly #options: SinkOptions;
  /** The first bytes, until checked; then undefined. */
  #head: Buffer | undefined = Buffer.allocUnsafe(CONTENT_CHECK_BYTES);
  #headBytes = 0;

  constructor(options: SinkOptions) {
    this.#options = options;
  }

  /** Throws DownloadError (too large, refused content, write failure). */
  take(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.bytes > this.#options.maxBytes) throw this.#options.tooLarge();
    let offset = 0;
    if (this.#head) {
      offset = chunk.copy(this.#head, this.#headBytes, 0, Math.min(chunk.length, this.#head.length - this.#headBytes));
      this.#headBytes += offset;
      if (this.#headBytes < this.#head.length) return;
      this.#releaseHead();
    }
    if (offset < chunk.length) this.#write(offset === 0 ? chunk : chunk.subarray(offset));
  }

  /** The body ended: checks and writes a body shorter than the held-back head. */
  finish(): void {
    if (this.#head) this.#releaseHead();
  }

  #releaseHead(): void {
    const head = this.#head!.subarray(0, this.#headBytes);
    this.#head = undefined;
    const refused = this.#options.check(head);
    if (refused) throw refused;
    this.#write(head);
  }

  #write(data: Buffer): void {
    try {
      for (let written = 0; written < data.length;) written += writeSync(this.#options.fd, data, written, data.length - written);
    } catch (cause) {
      throw this.#options.writeFailed(cause);
    }
  }
}
