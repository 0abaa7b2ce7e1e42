/**
 * OllangClient.uploadMedia over the action's one transport (src/http/transport.ts) against the
 * simulator: the multipart body streamed from disk with a bounded set of buffers, progress, an
 * early 413 / 401 read although the connection breaks mid-body, what is ambiguous (only a body
 * that went out whole), the idle time-out and an abort that stops it at once.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { createTransport, type HttpRequest, type StreamedBody } from '../../src/http/transport.ts';
import { OllangClient, UPLOAD_IDLE_MS } from '../../src/ollang/client.ts';
import { OllangError } from '../../src/ollang/errors.ts';
import type { SetTimer } from '../../src/runtime.ts';
import { OllangSimulator } from '../simulator/index.ts';
import type { SimulatorOptions } from '../simulator/index.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'media-upload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const running: OllangSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

const MiB = 1024 * 1024;

function file(name: string, bytes: number | Buffer | string): string {
  const p = path.join(dir, name);
  if (typeof bytes === 'number') {
    writeFileSync(p, '');
    truncateSync(p, bytes); // sparse
  } else writeFileSync(p, bytes);
  return p;
}

async function setup(
  options: SimulatorOptions = {},
  client: { setTimer?: SetTimer; signal?: AbortSignal } = {},
): Promise<{ sim: OllangSimulator; client: OllangClient; requests: HttpRequest[] }> {
  const sim = await OllangSimulator.start({ seed: 21, projects: [], ...options });
  running.push(sim);
  const requests: HttpRequest[] = [];
  const transport = createTransport();
  return {
    sim,
    requests,
    client: new OllangClient({
      baseUrl: sim.url,
      apiKey: sim.apiKey,
      transport: (request) => {
        requests.push(request);
        return transport(request);
      },
      sleep: async () => undefined,
      ...client,
    }),
  };
}

const failure = (promise: Promise<unknown>): Promise<OllangError> =>
  promise.then(
    () => {
      throw new Error('expected the upload to fail');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(OllangError);
      return error as OllangError;
    },
  );

describe('uploadMedia', () => {
  it('streams the file whole, in a few reused buffers, and reports the bytes sent; the project is made', async () => {
    const { sim, client, requests } = await setup();
    const bytes = Buffer.alloc(9 * MiB + 123);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096) % 251;
    const filePath = file('intro.mp4', bytes);
    const progress: number[] = [];
    const result = await client.uploadMedia({
      filePath,
      name: 'git-1 [en] intro.mp4',
      sourceLanguage: 'en',
      onProgress: (sent) => progress.push(sent),
    });
    const [project] = sim.uploadedProjects();
    expect(result).toEqual({ projectId: project?.id });
    expect(project).toMatchObject({
      name: 'git-1 [en] intro.mp4.mp4',
      sourceLanguage: 'en',
      fileName: 'intro.mp4',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      fields: ['file', 'name', 'sourceLanguage'],
    });
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(requests[0]?.headers?.['Content-Type']).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('reuses its buffers once the transport releases them: at most 4 for any size', async () => {
    const { sim } = await setup();
    const filePath = file('pool.mp4', 24 * MiB);
    const seen = new Set<ArrayBufferLike>();
    const transport = createTransport();
    const counting = new OllangClient({
      baseUrl: sim.url,
      apiKey: sim.apiKey,
      transport: (request) => {
        const body = request.body as StreamedBody;
        return transport({
          ...request,
          body: {
            ...body,
            open: async function* () {
              for await (const chunk of body.open()) {
                if (chunk.byteLength === MiB) seen.add(chunk.buffer);
                yield chunk;
              }
            },
          },
        });
      },
    });
    await counting.uploadMedia({ filePath, name: 'pool', sourceLanguage: 'en' });
    expect(seen.size).toBeGreaterThan(0);
    expect(seen.size).toBeLessThanOrEqual(4);
  });

  it('an early 413 is read although the connection breaks mid-body; it is a refusal, not ambiguous', async () => {
    const { sim, client } = await setup({ uploadLimitBytes: MiB });
    const error = await failure(client.uploadMedia({ filePath: file('big.mp4', 512 * MiB), name: 'big', sourceLanguage: 'en' }));
    expect(error).toMatchObject({ kind: 'http', status: 413, ambiguous: false });
    expect(sim.uploadedProjects()).toEqual([]);
  });

  it('401 before the body is read: no retry, not ambiguous', async () => {
    const { sim } = await setup();
    const client = new OllangClient({ baseUrl: sim.url, apiKey: 'not-the-key', sleep: async () => undefined });
    const error = await failure(client.uploadMedia({ filePath: file('k.mp4', 3 * MiB), name: 'k', sourceLanguage: 'en' }));
    expect(error).toMatchObject({ status: 401, ambiguous: false });
  });

  it('the whole body went out and the answer was lost: ambiguous (the project may exist)', async () => {
    const { sim, client } = await setup({ faults: [{ route: 'upload', kind: 'upload-no-answer', times: 1 }] });
    const error = await failure(
      client.uploadMedia({ filePath: file('lost.mp4', 'lost bytes'.repeat(10)), name: 'lost', sourceLanguage: 'en' }),
    );
    expect(error.ambiguous).toBe(true);
    expect(sim.uploadedProjects()).toHaveLength(1);
  });

  it('a connection reset before the body went out whole: not ambiguous (no project can exist), retryable', async () => {
    const { sim, client } = await setup({ faults: [{ route: 'upload', kind: 'reset', times: 1 }] });
    const error = await failure(client.uploadMedia({ filePath: file('reset.mp4', 64 * MiB), name: 'reset', sourceLanguage: 'en' }));
    expect(error).toMatchObject({ kind: 'network', ambiguous: false });
    expect(sim.uploadedProjects()).toEqual([]);
  });

  it('no byte goes out for the idle time: a time-out, not ambiguous', async () => {
    const timers: { ms: number; fire: () => void; cancelled: boolean }[] = [];
    const setTimer: SetTimer = (ms, fire) => {
      const timer = { ms, fire, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    };
    const { client } = await setup({ faults: [{ route: 'upload', kind: 'slow-upload', bytesPerSecond: 64 * 1024 }] }, { setTimer });
    const upload = client.uploadMedia({ filePath: file('slow.mp4', 32 * MiB), name: 'slow', sourceLanguage: 'en' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const idle = timers.filter((t) => !t.cancelled && t.ms === UPLOAD_IDLE_MS);
    expect(idle).toHaveLength(1);
    idle[0]!.fire();
    expect(await failure(upload)).toMatchObject({ kind: 'timeout', ambiguous: false });
  });

  it('an abort stops it at once', async () => {
    const controller = new AbortController();
    const { sim, client } = await setup({ faults: [{ route: 'upload', kind: 'slow-upload', bytesPerSecond: 256 * 1024 }] }, {});
    const upload = client.uploadMedia({
      filePath: file('abort.mp4', 64 * MiB),
      name: 'abort',
      sourceLanguage: 'en',
      signal: controller.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    controller.abort(new Error('cancelled'));
    expect(await failure(upload)).toMatchObject({ kind: 'aborted', ambiguous: false });
    expect(Date.now() - started).toBeLessThan(500);
    expect(sim.uploadedProjects()).toEqual([]);
  });
});
