/**
 * src/media/multipart.ts: the upload's multipart body written by hand: its exact layout and
 * Content-Length, the file part's filename, back-pressure, abort, a file that changes mid-way.
 */
import { appendFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';

import { multipartBody, uploadFileName, writeMultipartBody } from '../../src/media/multipart.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'media-multipart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer | string): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** A sink that keeps what it gets, taking `delayMs` per chunk (back-pressure), and records its largest backlog. */
function sink(
  options: { delayMs?: number; highWaterMark?: number } = {},
): Writable & { bytes(): Buffer; maxBacklog: number; chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  const copies: Buffer[] = [];
  const w = new Writable({
    highWaterMark: options.highWaterMark ?? 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      copies.push(Buffer.from(chunk));
      if (options.delayMs === undefined) callback();
      else setTimeout(callback, options.delayMs);
    },
  }) as Writable & { bytes(): Buffer; maxBacklog: number; chunks: Buffer[] };
  w.maxBacklog = 0;
  w.chunks = chunks;
  const write = w.write.bind(w);
  w.write = ((chunk: Buffer, callback?: (error?: Error | null) => void) => {
    const result = write(chunk, callback);
    w.maxBacklog = Math.max(w.maxBacklog, w.writableLength);
    return result;
  }) as typeof w.write;
  // Copies taken when each chunk arrived: a buffer read into again too early would show here.
  w.bytes = () => Buffer.concat(copies);
  return w;
}

describe('multipartBody', () => {
  it('lays the body out as the SDKs do (file, name, sourceLanguage, notes) and its Content-Length is exact', async () => {
    const p = file('Vidéo "d’intro".MP4', 'VIDEO-BYTES');
    const body = await multipartBody(
      {
        filePath: p,
        name: 'videos/Vidéo.MP4 [pt-BR] sha256-00',
        sourceLanguage: 'pt-BR',
        notes: [{ details: 'a\r\nb', timeStamp: '00:00:01' }],
      },
      { boundary: 'BOUNDARY' },
    );
    const out = sink();
    await writeMultipartBody(body, p, out);
    const text = out.bytes().toString('utf8');
    expect(text).toBe(
      '--BOUNDARY\r\n' +
        'Content-Disposition: form-data; name="file"; filename="Video _d_intro_.mp4"\r\n' +
        'Content-Type: video/mp4\r\n\r\n' +
        'VIDEO-BYTES\r\n' +
        '--BOUNDARY\r\nContent-Disposition: form-data; name="name"\r\n\r\nvideos/Vidéo.MP4 [pt-BR] sha256-00\r\n' +
        '--BOUNDARY\r\nContent-Disposition: form-data; name="sourceLanguage"\r\n\r\npt-BR\r\n' +
        '--BOUNDARY\r\nContent-Disposition: form-data; name="notes"\r\n\r\n[{"details":"a\\r\\nb","timeStamp":"00:00:01"}]\r\n' +
        '--BOUNDARY--\r\n',
    );
    expect(body.contentLength).toBe(out.bytes().length);
    expect(body.contentType).toBe('multipart/form-data; boundary=BOUNDARY');
    expect(body.fileSize).toBe(11);
  });

  it('never uses a boundary that occurs in a text field; a random one by default', async () => {
    const p = file('b.mp3', 'x');
    const body = await multipartBody({ filePath: p, name: 'has --BOUNDARY inside', sourceLanguage: 'en' }, { boundary: 'BOUNDARY' });
    expect(body.boundary).not.toBe('BOUNDARY');
    const a = await multipartBody({ filePath: p, name: 'n', sourceLanguage: 'en' });
    const b = await multipartBody({ filePath: p, name: 'n', sourceLanguage: 'en' });
    expect(a.boundary).not.toBe(b.boundary);
    expect(a.boundary.length).toBeLessThanOrEqual(70);
  });

  it.each([
    ['intro.mp4', 'intro.mp4'],
    ['Intro.MOV', 'Intro.mov'],
    ['çà et là.wav', 'ca et la.wav'],
    ['日本語.mp4', '___.mp4'],
    ['.hidden.mp4', 'hidden.mp4'],
    ['a"b\r\n.mp4', 'a_b__.mp4'],
  ])('the file part is named %j -> %j (ASCII, extension kept in lower case)', (name, expected) => {
    expect(uploadFileName(`/w/${name}`)).toBe(expected);
  });
});

describe('writeMultipartBody', () => {
  it('waits for the sink to drain: the backlog stays near one chunk however large the file', async () => {
    const content = Buffer.alloc(8 * 1024 * 1024);
    for (let i = 0; i < content.length; i += 4) content.writeUInt32LE(i, i);
    const p = file('big.mp4', content);
    const body = await multipartBody({ filePath: p, name: 'n', sourceLanguage: 'en' });
    const out = sink({ delayMs: 0 });
    const progress: number[] = [];
    await writeMultipartBody(body, p, out, { chunkBytes: 256 * 1024, onProgress: (n) => progress.push(n) });
    await new Promise((resolve) => out.end(resolve));
    expect(out.bytes().length).toBe(body.contentLength);
    expect(out.bytes().equals(Buffer.concat([body.head, content, body.tail]))).toBe(true);
    expect(out.maxBacklog).toBeLessThanOrEqual(256 * 1024 + 16 * 1024);
    expect(progress.at(-1)).toBe(8 * 1024 * 1024);
    expect(progress).toHaveLength(32);
    // 32 chunks of the file went through at most 4 buffers, each read into again once handed on.
    expect(new Set(out.chunks.filter((c) => c.length === 256 * 1024).map((c) => c.buffer)).size).toBeLessThanOrEqual(4);
  });

  it('never reads into a chunk the sink still holds, even a sink that buffers several chunks', async () => {
    const content = Buffer.alloc(4 * 1024 * 1024);
    for (let i = 0; i < content.length; i += 4) content.writeUInt32LE(i ^ 0x5a5a5a5a, i);
    const p = file('held.mp4', content);
    const body = await multipartBody({ filePath: p, name: 'n', sourceLanguage: 'en' });
    const out = sink({ delayMs: 2, highWaterMark: 8 * 1024 * 1024 });
    await writeMultipartBody(body, p, out, { chunkBytes: 64 * 1024 });
    await new Promise((resolve) => out.end(resolve));
    expect(out.bytes().equals(Buffer.concat([body.head, content, body.tail]))).toBe(true);
  });

  it('stops at once when aborted, with the signal reason', async () => {
    const p = file('abort.mp4', '');
    truncateSync(p, 4 * 1024 * 1024);
    const body = await multipartBody({ filePath: p, name: 'n', sourceLanguage: 'en' });
    const controller = new AbortController();
    const out = sink({ delayMs: 5 });
    const reason = new Error('cancelled by the runner');
    const done = writeMultipartBody(body, p, out, {
      chunkBytes: 64 * 1024,
      signal: controller.signal,
      onProgress: (n) => {
        if (n >= 256 * 1024) controller.abort(reason);
      },
    });
    await expect(done).rejects.toBe(reason);
    expect(out.bytes().length).toBeLessThan(body.contentLength);
  });

  it('refuses a file that grew or shrank since its size was taken (the Content-Length would lie)', async () => {
    const grows = file('grows.mp4', 'abc');
    const body = await multipartBody({ filePath: grows, name: 'n', sourceLanguage: 'en' });
    appendFileSync(grows, 'more');
    await expect(writeMultipartBody(body, grows, sink())).rejects.toThrow(/grew while it was being uploaded/);
    const shrinks = file('shrinks.mp4', 'abcdef');
    const body2 = await multipartBody({ filePath: shrinks, name: 'n', sourceLanguage: 'en' });
    writeFileSync(shrinks, 'ab');
    await expect(writeMultipartBody(body2, shrinks, sink())).rejects.toThrow(/became shorter/);
  });

  it('rejects when the connection fails mid-body', async () => {
    const p = file('fail.mp4', '');
    truncateSync(p, 1024 * 1024);
    const body = await multipartBody({ filePath: p, name: 'n', sourceLanguage: 'en' });
    let calls = 0;
    const failing = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, callback) {
        calls += 1;
        setTimeout(() => callback(calls > 2 ? Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }) : null), 1);
      },
    });
    failing.on('error', () => undefined);
    await expect(writeMultipartBody(body, p, failing, { chunkBytes: 64 * 1024 })).rejects.toThrow(/EPIPE|closed/);
  });
});
