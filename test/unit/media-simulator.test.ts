/**
 * The simulator's upload and project endpoints (test/simulator/media.ts), driven with the
 * action's own multipart body (src/media/multipart.ts) over node:http: streaming multipart
 * parsing, the filename-with-extension rule, 413 over the limit, 401, search by name, the name
 * stored with or without the extension, uploaded projects usable by Create Order, and faults.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { multipartBody, writeMultipartBody } from '../../src/media/multipart.ts';
import type { UploadForm } from '../../src/media/multipart.ts';
import { OllangSimulator } from '../simulator/index.ts';
import type { SimulatorOptions } from '../simulator/index.ts';
import { MultipartError, boundaryOf, parseMultipart } from '../simulator/multipart.ts';

const T0 = Date.parse('2025-03-01T12:00:00.000Z');
const dir = mkdtempSync(path.join(os.tmpdir(), 'media-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let clock = T0;
let sim: OllangSimulator;
afterEach(async () => {
  await sim?.close();
});

async function start(options: SimulatorOptions = {}): Promise<OllangSimulator> {
  clock = T0;
  sim = await OllangSimulator.start({ now: () => clock, seed: 11, ...options });
  return sim;
}

function file(name: string, bytes: Buffer | string): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

interface Answer {
  status: number;
  json: any;
  headers: http.IncomingHttpHeaders;
}

/** Sends a raw request; resolves with the answer even if writing the body failed after it came. */
function request(
  method: string,
  urlPath: string,
  options: { headers?: Record<string, string>; body?: (req: http.ClientRequest) => Promise<void> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${sim.url}${urlPath}`, { method, headers: { 'X-Api-Key': sim.apiKey, ...options.headers } });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = text;
        }
        resolve({ status: res.statusCode ?? 0, json, headers: res.headers });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (options.body === undefined) req.end();
    else
      options.body(req).then(
        () => req.end(),
        () => undefined,
      );
  });
}

async function upload(form: UploadForm, headers: Record<string, string> = {}): Promise<Answer> {
  const body = await multipartBody(form);
  return request('POST', '/integration/upload/direct', {
    headers: { 'Content-Type': body.contentType, 'Content-Length': String(body.contentLength), ...headers },
    body: (req) => writeMultipartBody(body, form.filePath, req),
  });
}

function rawUpload(text: string, contentType = 'multipart/form-data; boundary=XyZ'): Promise<Answer> {
  return request('POST', '/integration/upload/direct', {
    headers: { 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(text)) },
    body: async (req) => {
      req.write(text);
    },
  });
}

describe('POST /integration/upload/direct', () => {
  it('takes the action body: 201 {projectId}, the bytes counted and hashed, fields in the SDK order, the extension appended to the name', async () => {
    await start();
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    bytes.write('\r\n--not-the-boundary\r\n', 1000);
    const p = file('Intro Vidéo.MP4', bytes);
    const answer = await upload({
      filePath: p,
      name: 'videos/intro.mp4 [en] sha256-abc',
      sourceLanguage: 'en',
      notes: [{ details: 'hi', timeStamp: '00:01' }],
    });
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.json)).toEqual(['projectId']);
    const [project] = sim.uploadedProjects();
    expect(project).toMatchObject({
      id: answer.json.projectId,
      name: 'videos/intro.mp4 [en] sha256-abc.mp4',
      sourceLanguage: 'en',
      fileName: 'Intro Video.mp4',
      contentType: 'video/mp4',
      size: bytes.length,
      sha256: sha256(bytes),
      fields: ['file', 'name', 'sourceLanguage', 'notes'],
      notes: '[{"details":"hi","timeStamp":"00:01"}]',
    });
    expect(sim.requests.at(-1)).toMatchObject({ route: 'upload', status: 201, hasContentLength: true });
  });

  it("stores the name as sent with projectNameExtension: 'keep'", async () => {
    await start({ projectNameExtension: 'keep' });
    const answer = await upload({ filePath: file('a.wav', 'RIFF....'), name: 'a.wav [en] key', sourceLanguage: 'en' });
    expect(answer.status).toBe(201);
    expect(sim.uploadedProjects()[0]?.name).toBe('a.wav [en] key');
  });

  const part = (headers: string, value: string): string => `--XyZ\r\n${headers}\r\n\r\n${value}\r\n`;
  const fields =
    part('Content-Disposition: form-data; name="name"', 'n') + part('Content-Disposition: form-data; name="sourceLanguage"', 'en');

  it.each([
    [
      'a file part whose filename has no extension',
      part('Content-Disposition: form-data; name="file"; filename="intro"', 'x') + fields,
      'INVALID_FILE',
    ],
    ['a file part without a filename', part('Content-Disposition: form-data; name="file"', 'x') + fields, 'VALIDATION_ERROR'],
    ['no file part', fields, 'VALIDATION_ERROR'],
    ['a format Ollang does not take', part('Content-Disposition: form-data; name="file"; filename="a.exe"', 'x') + fields, 'INVALID_FILE'],
    ['an empty file', part('Content-Disposition: form-data; name="file"; filename="a.mp4"', '') + fields, 'INVALID_FILE'],
    [
      'no name',
      part('Content-Disposition: form-data; name="file"; filename="a.mp4"', 'x') +
        part('Content-Disposition: form-data; name="sourceLanguage"', 'en'),
      'VALIDATION_ERROR',
    ],
    [
      'no sourceLanguage',
      part('Content-Disposition: form-data; name="file"; filename="a.mp4"', 'x') + part('Content-Disposition: form-data; name="name"', 'n'),
      'VALIDATION_ERROR',
    ],
    [
      'notes that are not a JSON array',
      part('Content-Disposition: form-data; name="file"; filename="a.mp4"', 'x') +
        fields +
        part('Content-Disposition: form-data; name="notes"', '{'),
      'VALIDATION_ERROR',
    ],
  ])('400 for %s, no project made', async (_what, text, code) => {
    await start();
    const answer = await rawUpload(`${text}--XyZ--\r\n`);
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe(code);
    expect(sim.uploadedProjects()).toEqual([]);
  });

  it('400 for a body that is not multipart or is cut before its closing boundary', async () => {
    await start();
    expect((await rawUpload('{}', 'application/json')).status).toBe(400);
    expect((await rawUpload(part('Content-Disposition: form-data; name="name"', 'n'))).status).toBe(400);
    expect(sim.uploadedProjects()).toEqual([]);
  });

  it('401 before the body is read, no project made', async () => {
    await start();
    const body = await multipartBody({ filePath: file('k.mp4', 'abc'), name: 'k', sourceLanguage: 'en' });
    const answer = await request('POST', '/integration/upload/direct', {
      headers: { 'X-Api-Key': 'wrong', 'Content-Type': body.contentType, 'Content-Length': String(body.contentLength) },
      body: (req) => writeMultipartBody(body, path.join(dir, 'k.mp4'), req),
    });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error: 'Unauthorized', message: 'Invalid or missing API key', code: 'UNAUTHORIZED' });
    expect(sim.uploadedProjects()).toEqual([]);
  });

  it('413 at once from a Content-Length over the limit, closing the connection under a client still sending', async () => {
    await start({ uploadLimitBytes: 1024 * 1024 });
    const big = file('big.mp4', '');
    truncateSync(big, 512 * 1024 * 1024); // sparse: costs no disk
    let writeError: unknown;
    const body = await multipartBody({ filePath: big, name: 'big', sourceLanguage: 'en' });
    const answer = await request('POST', '/integration/upload/direct', {
      headers: { 'Content-Type': body.contentType, 'Content-Length': String(body.contentLength) },
      body: (req) =>
        writeMultipartBody(body, big, req).catch((error: unknown) => {
          writeError = error;
          throw error;
        }),
    });
    expect(answer.status).toBe(413);
    // The connection is torn down 200 ms after the answer: the write fails then.
    for (let waited = 0; writeError === undefined && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(writeError).toBeDefined();
    expect(sim.requests.at(-1)?.status).toBe(413);
    expect(sim.uploadedProjects()).toEqual([]);
  });

  it("review: the limit is the file part's, not the whole body's: a file of exactly the limit is taken, one byte more is 413", async () => {
    await start({ uploadLimitBytes: 4096 });
    expect((await upload({ filePath: file('exact.mp4', Buffer.alloc(4096, 1)), name: 'exact', sourceLanguage: 'en' })).status).toBe(201);
    expect((await upload({ filePath: file('over.mp4', Buffer.alloc(4097, 1)), name: 'over', sourceLanguage: 'en' })).status).toBe(413);
    expect(sim.uploadedProjects().map((p) => p.size)).toEqual([4096]);
  });

  it('projectNameMaxChars: the platform cuts long names', async () => {
    await start({ projectNameMaxChars: 12 });
    await upload({ filePath: file('cut.mp4', 'x'), name: 'a rather long project name', sourceLanguage: 'en' });
    expect(sim.uploadedProjects()[0]?.name).toBe('a rather lon');
  });

  it('413 once a chunked body grows past the limit', async () => {
    await start({ uploadLimitBytes: 64 * 1024 });
    const answer = await request('POST', '/integration/upload/direct', {
      headers: { 'Content-Type': 'multipart/form-data; boundary=XyZ' },
      body: async (req) => {
        req.write('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\n\r\n');
        for (let i = 0; i < 64; i++) if (!req.write(Buffer.alloc(4096, 2))) await new Promise((r) => req.once('drain', r));
      },
    });
    expect(answer.status).toBe(413);
    expect(sim.uploadedProjects()).toEqual([]);
  });

  it('an uploaded project can be ordered; its orders carry its name and source language', async () => {
    await start();
    const answer = await upload({ filePath: file('o.mp4', 'bytes'), name: 'o', sourceLanguage: 'de' });
    const json = JSON.stringify({
      orderType: 'subtitle',
      level: 0,
      projectId: answer.json.projectId,
      targetLanguageConfigs: [{ language: 'fr' }],
    });
    const created = await request('POST', '/integration/orders/create', {
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(json)) },
      body: async (req) => {
        req.write(json);
      },
    });
    expect(created.status).toBe(201);
    expect(sim.orders()).toMatchObject([{ projectId: answer.json.projectId, sourceLanguage: 'de', name: 'o.mp4', targetLanguage: 'fr' }]);
  });
});

describe('GET /integration/project and /integration/project/{id}', () => {
  async function seed(): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, name] of ['Intro Video sha256-AAA', 'outro sha256-bbb', 'intro (copy) sha256-aaa'].entries()) {
      clock = T0 + i * 1000;
      ids.push((await upload({ filePath: file(`s${i}.mp4`, `x${i}`), name, sourceLanguage: i === 1 ? 'fr' : 'en' })).json.projectId);
    }
    return ids;
  }

  it('search is a case-insensitive "contains" on the name; items and meta as documented', async () => {
    await start({ projects: [] });
    const ids = await seed();
    const answer = await request('GET', '/integration/project?search=SHA256-aaa&orderBy=createdAt&orderDirection=asc');
    expect(answer.status).toBe(200);
    expect(answer.json.data.map((p: any) => p.id)).toEqual([ids[0], ids[2]]);
    expect(answer.json.data[0]).toEqual({
      id: ids[0],
      name: 'Intro Video sha256-AAA.mp4',
      sourceLanguage: 'en',
      createdAt: new Date(T0).toISOString(),
      folderId: 'folder_api_uploads',
      ordersCount: 0,
    });
    expect(answer.json.meta).toEqual({ page: 1, take: 10, itemCount: 2, pageCount: 1, hasPreviousPage: false, hasNextPage: false });
  });

  it('pages with take (1 to 50), orders by id, name, createdAt or sourceLanguage, and lists the seeded projects too', async () => {
    await start({ projects: ['proj-demo'] });
    await seed();
    const first = await request('GET', '/integration/project?take=2&page=1&orderBy=name&orderDirection=asc');
    expect(first.json.data.map((p: any) => p.name)).toEqual(['Intro Video sha256-AAA.mp4', 'Product Tour - proj-demo']);
    expect(first.json.meta).toMatchObject({ itemCount: 4, pageCount: 2, hasNextPage: true });
    const second = await request('GET', '/integration/project?take=2&page=2&orderBy=name&orderDirection=asc');
    expect(second.json.data.map((p: any) => p.name)).toEqual(['intro (copy) sha256-aaa.mp4', 'outro sha256-bbb.mp4']);
    for (const query of ['take=51', 'take=0', 'page=0', 'orderBy=status', 'orderDirection=up']) {
      const bad = await request('GET', `/integration/project?${query}`);
      expect(bad.status, query).toBe(400);
    }
    expect((await request('GET', '/integration/project', { headers: { 'X-Api-Key': 'nope' } })).status).toBe(401);
  });

  it('get: the project and its source document; 404 PROJECT_NOT_FOUND with the usual body', async () => {
    await start();
    const [id] = await seed();
    const answer = await request('GET', `/integration/project/${id}`);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ id, name: 'Intro Video sha256-AAA.mp4', sourceLanguage: 'en' });
    expect(answer.json.projectDocs).toMatchObject([{ type: 'source_video', name: 's0.mp4', size: 2, projectId: id, duration: 36 }]);
    const missing = await request('GET', '/integration/project/nope');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({
      error: 'Project not found',
      message: 'No project found with the provided projectId',
      code: 'PROJECT_NOT_FOUND',
    });
  });
});

describe('upload faults', () => {
  it('upload-no-answer: the project is made, the connection closes unanswered; with delayMs it is listed only later', async () => {
    await start({ faults: [{ route: 'upload', kind: 'upload-no-answer', times: 1, delayMs: 5000 }] });
    await expect(upload({ filePath: file('n.mp4', 'abc'), name: 'lost sha256-n', sourceLanguage: 'en' })).rejects.toThrow();
    expect(sim.uploadedProjects()).toHaveLength(1);
    expect((await request('GET', '/integration/project?search=sha256-n')).json.data).toEqual([]);
    clock += 5000;
    const listed = (await request('GET', '/integration/project?search=sha256-n')).json.data;
    expect(listed.map((p: any) => p.id)).toEqual([sim.uploadedProjects()[0]?.id]);
  });

  it('503 before processing: no project made', async () => {
    await start({ faults: [{ route: 'upload', kind: '503', times: 1 }] });
    const answer = await upload({ filePath: file('u.mp4', 'abc'), name: 'u', sourceLanguage: 'en' });
    expect(answer.status).toBe(503);
    expect(sim.uploadedProjects()).toEqual([]);
    expect((await upload({ filePath: path.join(dir, 'u.mp4'), name: 'u', sourceLanguage: 'en' })).status).toBe(201);
  });

  it('slow-upload: the body is read at the given rate', async () => {
    await start({ faults: [{ route: 'upload', kind: 'slow-upload', bytesPerSecond: 512 * 1024 }] });
    const p = file('slow.mp4', Buffer.alloc(256 * 1024, 3));
    const started = Date.now();
    const answer = await upload({ filePath: p, name: 'slow', sourceLanguage: 'en' });
    expect(answer.status).toBe(201);
    // 256 KiB at 512 KiB/s: about half a second (the first chunk is free).
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });
});

describe('the streaming multipart parser', () => {
  const body = (boundary: string, payload: Buffer): Buffer =>
    Buffer.concat([
      Buffer.from(
        `preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a%22b.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
      ),
      payload,
      Buffer.from(`\r\n--${boundary}  \r\nContent-Disposition: form-data; name="name"\r\n\r\nnäme\r\n--${boundary}--\r\nepilogue`),
    ]);

  it('finds every boundary whatever the chunking, including delimiter look-alikes in the file', async () => {
    const payload = Buffer.from('\r\n--b0und\r\n--b0unda\r\n-\r\n--');
    const whole = body('b0undary', payload);
    for (const size of [1, 2, 3, 7, 11, 12, 13, 25, 64, whole.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < whole.length; i += size) chunks.push(whole.subarray(i, i + size));
      const form = await parseMultipart(Readable.from(chunks), 'b0undary');
      expect(form.files, `chunk ${size}`).toEqual([
        { field: 'file', filename: 'a"b.mp4', contentType: 'video/mp4', size: payload.length, sha256: sha256(payload) },
      ]);
      expect(form.fields.get('name')).toBe('näme');
      expect(form.order).toEqual(['file', 'name']);
      expect(form.bodyBytes).toBe(whole.length);
    }
  });

  it('streams: 256 MiB through the parser in 64 KiB chunks without keeping them', async () => {
    const chunk = Buffer.alloc(64 * 1024, 9);
    async function* source(): AsyncGenerator<Buffer> {
      yield Buffer.from('--B\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\n\r\n');
      for (let i = 0; i < 4096; i++) yield chunk;
      yield Buffer.from('\r\n--B--\r\n');
    }
    const before = process.memoryUsage().arrayBuffers;
    const form = await parseMultipart(source(), 'B');
    expect(form.files[0]?.size).toBe(256 * 1024 * 1024);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('limit and format errors; the boundary from the Content-Type', async () => {
    await expect(parseMultipart(Readable.from([Buffer.alloc(100)]), 'B', { maxBodyBytes: 10 })).rejects.toMatchObject({ reason: 'limit' });
    await expect(parseMultipart(Readable.from([Buffer.from('--B\r\nX: y\r\n\r\n')]), 'B')).rejects.toBeInstanceOf(MultipartError);
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(boundaryOf('multipart/form-data; charset=utf-8; boundary=----x')).toBe('----x');
    expect(boundaryOf('application/json')).toBeUndefined();
  });
});

describe('CLI', () => {
  it('takes --upload-limit-bytes, --project-name-extension and upload faults', async () => {
    const server = fileURLToPath(new URL('../simulator/server.ts', import.meta.url));
    const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
    const args = [
      '--port',
      '0',
      '--api-key',
      'cli-key',
      '--upload-limit-bytes',
      '100000',
      '--project-name-extension',
      'keep',
      '--fault',
      'upload:503:1:1',
    ];
    const child = spawn(node, [server, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (c: string) => {
          out += c;
          if (out.includes('\n')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const url = /(http:\/\/\S+)/.exec(out)![1]!;
      const send = async (bytes: number): Promise<number> => {
        const form = new FormData();
        form.append('file', new Blob([Buffer.alloc(bytes, 1)]), 'cli.mp4');
        form.append('name', 'cli');
        form.append('sourceLanguage', 'en');
        const res = await fetch(`${url}/integration/upload/direct`, { method: 'POST', headers: { 'X-Api-Key': 'cli-key' }, body: form });
        await res.arrayBuffer();
        return res.status;
      };
      expect(await send(10)).toBe(503);
      expect(await send(10)).toBe(201);
      expect(await send(200_000)).toBe(413);
      const list = (await (await fetch(`${url}/integration/project?search=cli`, { headers: { 'X-Api-Key': 'cli-key' } })).json()) as any;
      expect(list.data.map((p: any) => p.name)).toEqual(['cli']);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
