import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { chmod, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEADLINE_GRACE_MS, DownloadError, downloadItem, type DownloadOptions } from '../../src/download/downloader.ts';
import type { DownloadItem } from '../../src/download/plan.ts';
import { TempFiles, removeLeftoverTempFiles } from '../../src/download/temp-files.ts';
import { nodeTransport } from '../../src/http/transport.ts';
import type { Transport } from '../../src/runtime.ts';
import { OllangClient } from '../../src/ollang/client.ts';
import { FakeTimers, stubTransport } from './ollang-helpers.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const SRT = '1\n00:00:01,000 --> 00:00:02,000\nBonjour\n';
const VTT = 'WEBVTT\n\n00:01.000 --> 00:02.000\nBonjour\n';

let server: Server;
let base = '';
const routes = new Map<string, Handler>();
const hits = new Map<string, number>();
let dir = '';
let sleeps: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const handler = routes.get(url.pathname);
    if (!handler) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dl-test-'));
  sleeps = [];
  routes.clear();
  hits.clear();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function options(overrides: Partial<DownloadOptions> = {}): DownloadOptions {
  return {
    directory: dir,
    workspace: dir,
    maxBytes: 100 * 1024 * 1024,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  };
}

function item(overrides: Partial<DownloadItem> & { url: string }): DownloadItem {
  return { kind: 'subtitles', fileName: 'out.srt', expect: 'srt', docType: 'subtitle', ...overrides };
}

function serve(pathname: string, body: string | Buffer, headers: Record<string, string> = {}, status = 200): void {
  routes.set(pathname, (_req, res) => {
    res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  });
}

async function failure(promise: Promise<unknown>): Promise<DownloadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DownloadError);
    return error as DownloadError;
  }
  throw new Error('expected the download to fail');
}

/** A file host answering every request with the same raw bytes, for answers no server library would send. */
async function rawServer(answer: string): Promise<{ url: string; hits: () => number }> {
  let count = 0;
  const raw = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => {
      count++;
      socket.end(answer);
    });
  });
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  rawServers.push(raw);
  return { url: `http://127.0.0.1:${(raw.address() as AddressInfo).port}/f.srt`, hits: () => count };
}
const rawServers: net.Server[] = [];
afterEach(() => {
  for (const raw of rawServers.splice(0)) raw.close();
});

async function listing(): Promise<string[]> {
  return (await readdir(dir)).sort();
}

describe('downloadItem', () => {
  it('downloads an SRT into place', async () => {
    serve('/a.srt', SRT, { 'content-type': 'application/x-subrip' });
    const result = await downloadItem(
      item({ url: `${base}/a.srt?X-Amz-Signature=secret`, expectedBytes: Buffer.byteLength(SRT) }),
      options(),
    );
    expect(result).toEqual({ path: path.join(dir, 'out.srt'), bytes: Buffer.byteLength(SRT) });
    expect(await readFile(result.path, 'utf8')).toBe(SRT);
    expect(await listing()).toEqual(['out.srt']);
  });

  it('downloads a VTT and a binary file, creating the directory', async () => {
    serve('/o.vtt', VTT, { 'content-type': 'text/vtt' });
    const binary = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 1, 2, 3, 255]);
    serve('/dub.mp4', binary, { 'content-type': 'video/mp4' });
    const nested = path.join(dir, 'fr');
    await downloadItem(item({ url: `${base}/o.vtt`, fileName: 'Order.vtt', expect: 'vtt', kind: 'vtt' }), options({ directory: nested }));
    await downloadItem(
      item({ url: `${base}/dub.mp4`, fileName: 'dub.mp4', expect: 'binary', kind: 'dubbing' }),
      options({ directory: nested }),
    );
    expect(await readFile(path.join(nested, 'Order.vtt'), 'utf8')).toBe(VTT);
    expect(await readFile(path.join(nested, 'dub.mp4'))).toEqual(binary);
  });

  it('refuses non-http schemes without fetching', async () => {
    let called = false;
    const transport: Transport = () => {
      called = true;
      throw new Error('no');
    };
    for (const url of ['file:///etc/passwd', 'ftp://example.com/a.srt', 'data:text/plain,1', 'javascript:alert(1)']) {
      const error = await failure(downloadItem(item({ url }), options({ transport })));
      expect(error.reason).toBe('scheme');
    }
    expect(called).toBe(false);
  });

  it('sends its GETs through the injected transport, asking for no encoding and sending nothing else', async () => {
    serve('/a.srt', SRT);
    const seen: string[] = [];
    const transport: Transport = (request) => {
      seen.push(`${request.method} ${request.url.pathname} ${JSON.stringify(request.headers)} ${String(request.body)}`);
      return nodeTransport(request);
    };
    await downloadItem(item({ url: `${base}/a.srt?sig=1` }), options({ transport }));
    expect(seen).toEqual(['GET /a.srt {"Accept-Encoding":"identity"} undefined']);
  });

  it('decodes a gzip Content-Encoding sent anyway, checking the decoded bytes', async () => {
    const gzipped = gzipSync(SRT);
    serve('/z.srt', gzipped, { 'content-encoding': 'gzip' });
    const result = await downloadItem(item({ url: `${base}/z.srt` }), options());
    expect(await readFile(result.path, 'utf8')).toBe(SRT);
    expect(result.bytes).toBe(Buffer.byteLength(SRT));

    serve('/z.html', gzipSync('<!DOCTYPE html><html><body>Please sign in</body></html>'), {
      'content-encoding': 'gzip',
      'content-type': 'text/html',
    });
    const error = await failure(downloadItem(item({ url: `${base}/z.html` }), options()));
    expect(error.reason).toBe('content');

    serve('/bad.srt', Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' });
    const corrupt = await failure(downloadItem(item({ url: `${base}/bad.srt` }), options({ retry: { maxAttempts: 1 } })));
    expect(corrupt.reason).toBe('truncated');
    expect(await listing()).toEqual(['out.srt']);
  });

  // docs/reliability.md: "a gzip body cut short inside complete HTTP framing". The framing is
  // whole (Content-Length matches what was sent), the compressed stream inside it is not.
  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
  ])('refuses a %s body cut short inside complete HTTP framing, never saving the part as whole', async (encoding, compress) => {
    const text = `${SRT}\n`.repeat(200);
    const whole = compress(Buffer.from(text));
    serve('/cut.srt', whole.subarray(0, whole.length - 10), { 'content-encoding': encoding });
    const error = await failure(downloadItem(item({ url: `${base}/cut.srt` }), options({ retry: { maxAttempts: 2 } })));
    expect(error.reason).toBe('truncated');
    expect(error.message).toMatch(/corrupt or cut short/);
    expect(await listing()).toEqual([]);
  });

  // Root ignores directory modes: nothing to check there.
  it.skipIf(process.getuid?.() === 0)('reports a file-system failure while writing as a file error, leaving nothing behind', async () => {
    serve('/a.srt', SRT);
    // The directory cannot take new files: opening the temporary file fails.
    const locked = path.join(dir, 'locked');
    await mkdir(locked, { mode: 0o500 });
    try {
      const error = await failure(downloadItem(item({ url: `${base}/a.srt` }), options({ directory: locked })));
      expect(error.reason).toBe('file');
      expect(error.message).toMatch(/EACCES/);
      expect(await readdir(locked)).toEqual([]);
    } finally {
      await chmod(locked, 0o700);
    }
  });

  it('refuses a redirect to file:', async () => {
    routes.set('/r', (_req, res) => {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    });
    const error = await failure(downloadItem(item({ url: `${base}/r` }), options()));
    expect(error.reason).toBe('scheme');
    expect(await listing()).toEqual([]);
  });

  it('follows http redirects (relative too), at most 5', async () => {
    routes.set('/r1', (_req, res) => {
      res.writeHead(301, { location: `${base}/r2?sig=1` });
      res.end();
    });
    routes.set('/r2', (_req, res) => {
      res.writeHead(307, { location: '/final.srt' });
      res.end();
    });
    serve('/final.srt', SRT);
    const result = await downloadItem(item({ url: `${base}/r1` }), options());
    expect(await readFile(result.path, 'utf8')).toBe(SRT);

    routes.set('/loop', (_req, res) => {
      res.writeHead(302, { location: '/loop' });
      res.end();
    });
    const error = await failure(downloadItem(item({ url: `${base}/loop` }), options()));
    expect(error.reason).toBe('redirect');
    expect(hits.get('/loop')).toBe(6);
  });

  it('retries a truncated body, then fails leaving nothing behind', async () => {
    routes.set('/cut.srt', (_req, res) => {
      res.writeHead(200, { 'content-length': '100000' });
      res.write(SRT);
      setTimeout(() => res.destroy(), 20);
    });
    const error = await failure(downloadItem(item({ url: `${base}/cut.srt` }), options({ retry: { maxAttempts: 4 } })));
    expect(error.reason).toBe('truncated');
    expect(error.message).toMatch(/Gave up after 4 attempt/);
    expect(hits.get('/cut.srt')).toBe(4);
    expect(sleeps).toHaveLength(3);
    expect(await listing()).toEqual([]);
  });

  it('a chunked body that also carries a Content-Length is refused as malformed, whatever that length says (not "cut short", not "too large")', async () => {
    const body = `${Buffer.byteLength(SRT).toString(16)}\r\n${SRT}\r\n0\r\n\r\n`;
    for (const length of ['3', '999999999']) {
      const raw = await rawServer(`HTTP/1.1 200 OK\r\nContent-Length: ${length}\r\nTransfer-Encoding: chunked\r\n\r\n${body}`);
      const error = await failure(downloadItem(item({ url: raw.url }), options({ maxBytes: 1024 * 1024, retry: { maxAttempts: 2 } })));
      expect(error.reason).toBe('network');
      expect(error.message).toMatch(/malformed HTTP response: both Transfer-Encoding and Content-Length/);
      expect(raw.hits()).toBe(2);
      expect(await listing()).toEqual([]);
    }
  });

  it('a Content-Length shorter than the body sent is refused and retried, never saved short as whole (the order gives no size)', async () => {
    const raw = await rawServer(`HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(SRT) - 8}\r\n\r\n${SRT}`);
    const error = await failure(downloadItem(item({ url: raw.url }), options({ retry: { maxAttempts: 2 } })));
    expect(error.message).toMatch(/malformed HTTP response: bytes after the end of the response/);
    expect(raw.hits()).toBe(2);
    expect(await listing()).toEqual([]);
  });

  it('refuses a body too large by Content-Length, by stream, and by doc size', async () => {
    serve('/big.bin', Buffer.alloc(5000, 1));
    let error = await failure(downloadItem(item({ url: `${base}/big.bin`, expect: 'binary' }), options({ maxBytes: 1000 })));
    expect(error.reason).toBe('too-large');

    routes.set('/chunked.bin', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(1000, 2));
      res.end();
    });
    error = await failure(downloadItem(item({ url: `${base}/chunked.bin`, expect: 'binary' }), options({ maxBytes: 4000 })));
    expect(error.reason).toBe('too-large');
    expect(hits.get('/chunked.bin')).toBe(1);
    expect(await listing()).toEqual([]);

    error = await failure(
      downloadItem(item({ url: `${base}/chunked.bin`, expect: 'binary', expectedBytes: 5000 }), options({ maxBytes: 4000 })),
    );
    expect(error.reason).toBe('too-large');
    expect(hits.get('/chunked.bin')).toBe(1);
  });

  it('refuses an HTML page served for an SRT', async () => {
    serve('/a.srt', '<!DOCTYPE html><html><body>Please sign in</body></html>', { 'content-type': 'text/html' });
    const error = await failure(downloadItem(item({ url: `${base}/a.srt` }), options()));
    expect(error.reason).toBe('content');
    expect(error.message).toMatch(/HTML page/);
    expect(await listing()).toEqual([]);
  });

  it('refuses a JSON error with status 200 for a binary', async () => {
    serve('/dub.mp3', '{"error":"SignatureExpired","message":"expired"}', { 'content-type': 'application/json' });
    const error = await failure(downloadItem(item({ url: `${base}/dub.mp3`, fileName: 'dub.mp3', expect: 'binary' }), options()));
    expect(error.reason).toBe('content');
    expect(await listing()).toEqual([]);
  });

  it('retries 503 (honouring Retry-After) then succeeds', async () => {
    let calls = 0;
    routes.set('/flaky.srt', (_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(503, { 'retry-after': '7' });
        res.end('busy');
        return;
      }
      if (calls === 2) {
        res.writeHead(500);
        res.end();
        return;
      }
      res.writeHead(200);
      res.end(SRT);
    });
    const result = await downloadItem(item({ url: `${base}/flaky.srt` }), options());
    expect(result.bytes).toBe(Buffer.byteLength(SRT));
    // retry.ts's backoff: the server's 7 s, then half (random 0.5) of the second ceiling, 1 s.
    expect(sleeps).toEqual([7000, 500]);
  });

  it('does not retry what no attempt can change (405), and keeps the query string out of the message', async () => {
    serve('/odd.srt', 'no', {}, 405);
    const error = await failure(downloadItem(item({ url: `${base}/odd.srt?X-Amz-Signature=topsecret&token=abc` }), options()));
    expect(error.reason).toBe('http');
    expect(error.status).toBe(405);
    expect(error.message).toContain(`${base}/odd.srt`);
    expect(error.message).not.toMatch(/topsecret|token|X-Amz/);
    expect(hits.get('/odd.srt')).toBe(1);
  });

  it('refuses a size that differs from the order document size', async () => {
    serve('/a.srt', SRT);
    const error = await failure(downloadItem(item({ url: `${base}/a.srt`, expectedBytes: 8192 }), options({ retry: { maxAttempts: 2 } })));
    expect(error.reason).toBe('truncated');
    expect(error.message).toMatch(/8192/);
    expect(await listing()).toEqual([]);
  });

  it.each([403, 404, 410])('after a %s, asks for the order again and downloads from the fresh URL', async (status) => {
    serve('/expired.srt', 'denied', {}, status);
    serve('/fresh.srt', SRT);
    let refreshes = 0;
    const refresh = async (): Promise<{ url: string }> => {
      refreshes++;
      return { url: `${base}/fresh.srt?sig=new` };
    };
    const result = await downloadItem(item({ url: `${base}/expired.srt?sig=old` }), options({ refresh }));
    expect(await readFile(result.path, 'utf8')).toBe(SRT);
    expect(refreshes).toBe(1);
  });

  it('a URL that stays refused is asked for again before each attempt, until the attempts run out', async () => {
    serve('/expired.srt', 'denied', {}, 403);
    let refreshes = 0;
    const refresh = async (): Promise<{ url: string }> => {
      refreshes++;
      return { url: `${base}/expired.srt?sig=still-old` };
    };
    const error = await failure(downloadItem(item({ url: `${base}/expired.srt` }), options({ refresh, retry: { maxAttempts: 3 } })));
    expect(error.status).toBe(403);
    expect(refreshes).toBe(2);
    expect(hits.get('/expired.srt')).toBe(3);
  });

  it('an HTML page served with 200 is refused, then the order is asked for again and the fresh URL saved', async () => {
    serve('/cdn.srt', '<!DOCTYPE html><html><body>Busy</body></html>', { 'content-type': 'text/html' });
    serve('/fresh.srt', SRT);
    const refresh = async (): Promise<{ url: string }> => ({ url: `${base}/fresh.srt` });
    const result = await downloadItem(item({ url: `${base}/cdn.srt` }), options({ refresh }));
    expect(await readFile(result.path, 'utf8')).toBe(SRT);
    expect(hits.get('/cdn.srt')).toBe(1);
  });

  it('a document the fresh order no longer lists ends the download; a failed look-up keeps the old URL', async () => {
    serve('/expired.srt', 'denied', {}, 403);
    const gone = await failure(downloadItem(item({ url: `${base}/expired.srt` }), options({ refresh: async () => undefined })));
    expect(gone.reason).toBe('gone');
    expect(hits.get('/expired.srt')).toBe(1);

    let calls = 0;
    routes.set('/later.srt', (_req, res) => {
      calls++;
      if (calls === 1) return void res.writeHead(404).end();
      res.end(SRT);
    });
    const lookupFails = async (): Promise<{ url: string }> => {
      throw new Error('Get Order: 503');
    };
    const result = await downloadItem(item({ url: `${base}/later.srt` }), options({ refresh: lookupFails }));
    expect(result.bytes).toBe(Buffer.byteLength(SRT));
  });

  it('retries network errors and reports them', async () => {
    routes.set('/reset', (req) => req.socket.destroy());
    const error = await failure(downloadItem(item({ url: `${base}/reset` }), options({ retry: { maxAttempts: 3 } })));
    expect(error.reason).toBe('network');
    expect(hits.get('/reset')).toBe(3);
  });

  it('fails (does not hang) when the connection is closed between the answer and its body being read', async () => {
    routes.set('/stall.srt', (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write(SRT);
    });
    const transport: Transport = async (request) => {
      const response = await nodeTransport(request);
      response.body.cancel();
      return response;
    };
    const error = await failure(downloadItem(item({ url: `${base}/stall.srt` }), options({ transport, retry: { maxAttempts: 1 } })));
    expect(error.reason).toMatch(/network|truncated/);
    expect(await listing()).toEqual([]);
  });

  it('stops when the signal aborts', async () => {
    routes.set('/hang.srt', (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write(SRT);
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled')), 50);
    const error = await failure(downloadItem(item({ url: `${base}/hang.srt` }), options({ signal: controller.signal })));
    expect(error.reason).toBe('aborted');
    expect(await listing()).toEqual([]);
  });

  it('refuses to write through a symlink and names outside the directory', async () => {
    serve('/a.srt', SRT);
    const outside = path.join(dir, '..', `outside-${path.basename(dir)}.srt`);
    await writeFile(outside, 'original');
    try {
      await symlink(outside, path.join(dir, 'out.srt'));
      const error = await failure(downloadItem(item({ url: `${base}/a.srt` }), options()));
      expect(error.reason).toBe('file');
      expect(await readFile(outside, 'utf8')).toBe('original');
      expect(await listing()).toEqual(['out.srt']);
    } finally {
      await rm(outside, { force: true });
    }
    for (const fileName of ['../escape.srt', '/abs.srt', 'a/b.srt', '..', '']) {
      const error = await failure(downloadItem(item({ url: `${base}/a.srt`, fileName }), options()));
      expect(error.reason).toBe('file');
    }
  });

  it('replaces an existing regular file from an earlier run', async () => {
    await writeFile(path.join(dir, 'out.srt'), 'old');
    serve('/a.srt', SRT);
    await downloadItem(item({ url: `${base}/a.srt` }), options());
    expect(await readFile(path.join(dir, 'out.srt'), 'utf8')).toBe(SRT);
  });

  it('streams a 50 MiB body to disk (written before the body ends)', async () => {
    const total = 50 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 7);
    let sawPartWhileStreaming = false;
    routes.set('/big.mp4', (_req, res) => {
      res.writeHead(200, { 'content-length': String(total), 'content-type': 'video/mp4' });
      let sent = 0;
      const pump = async (): Promise<void> => {
        while (sent < total) {
          if (sent === total / 2) {
            // Half-way: the temporary file must already hold data (nothing is buffered whole).
            await new Promise((resolve) => setTimeout(resolve, 100));
            const part = (await readdir(dir)).find((name) => name.endsWith('.part'));
            if (part) sawPartWhileStreaming = (await stat(path.join(dir, part))).size > 0;
          }
          sent += chunk.length;
          if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
        }
        res.end();
      };
      void pump();
    });
    const result = await downloadItem(
      item({ url: `${base}/big.mp4`, fileName: 'big.mp4', expect: 'binary', kind: 'dubbing', expectedBytes: total }),
      options(),
    );
    expect(result.bytes).toBe(total);
    expect((await stat(result.path)).size).toBe(total);
    expect(sawPartWhileStreaming).toBe(true);
    expect(await listing()).toEqual(['big.mp4']);
  });
});

/** Timers and clock under the test's control; sleep moves the clock. */
function fakeTime(deadlineIn?: number): { timers: FakeTimers; sleeps: number[]; time: Partial<DownloadOptions> } {
  const timers = new FakeTimers(Date.UTC(2026, 10, 22, 10, 0, 0));
  const slept: number[] = [];
  return {
    timers,
    sleeps: slept,
    time: {
      clock: () => timers.now,
      setTimer: timers.setTimer,
      sleep: async (ms) => {
        slept.push(ms);
        timers.advance(ms);
      },
      ...(deadlineIn !== undefined ? { deadline: timers.now + deadlineIn } : {}),
    },
  };
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`never: ${what}`);
}

async function partSize(): Promise<number> {
  const part = (await readdir(dir)).find((name) => name.endsWith('.part'));
  return part ? (await stat(path.join(dir, part))).size : 0;
}

describe('downloadItem: time (idle time-out, the `timeout` deadline, retries while time is left)', () => {
  it('an answer whose body goes quiet is stopped after idleTimeoutMs on the injected clock', async () => {
    routes.set('/quiet.srt', (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write(SRT);
    });
    const { timers, time } = fakeTime();
    const pending = failure(
      downloadItem(item({ url: `${base}/quiet.srt` }), options({ ...time, idleTimeoutMs: 60_000, retry: { maxAttempts: 1 } })),
    );
    let settled = false;
    void pending.finally(() => (settled = true));
    await until(() => hits.get('/quiet.srt') === 1, 'the request');
    await new Promise((resolve) => setTimeout(resolve, 20));
    timers.advance(59_999);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    timers.advance(1);
    const error = await pending;
    expect(error.reason).toBe('network');
    expect(error.message).toMatch(/timed out: no data for 60 s/);
    expect(await listing()).toEqual([]);
  });

  it('the deadline stops a host that trickles: reason deadline, not retried, nothing saved', async () => {
    routes.set('/trickle.srt', (_req, res) => {
      res.writeHead(200, { 'content-length': '10000' });
      const timer = setInterval(() => res.write('1'), 10);
      res.on('close', () => clearInterval(timer));
    });
    const { timers, time } = fakeTime(3_000);
    const pending = failure(downloadItem(item({ url: `${base}/trickle.srt` }), options(time)));
    await until(() => hits.get('/trickle.srt') === 1, 'the request');
    await new Promise((resolve) => setTimeout(resolve, 50));
    timers.advance(3_000);
    const error = await pending;
    expect(error.reason).toBe('deadline');
    expect(error.message).toMatch(/stopped at the deadline \(timeout\) after \d+ of 10000 bytes; nothing was saved/);
    expect(hits.get('/trickle.srt')).toBe(1);
    expect(await listing()).toEqual([]);
  });

  it(`at the deadline, a download on course to end within ${DEADLINE_GRACE_MS / 1000} s is let finish; past that grace it is stopped`, async () => {
    const total = 1024 * 1024;
    const releases = new Map<string, () => void>();
    for (const name of ['/finishes.bin', '/stalls.bin']) {
      routes.set(name, (_req, res) => {
        res.writeHead(200, { 'content-length': String(total), 'content-type': 'audio/mpeg' });
        res.write(Buffer.alloc(600 * 1024, 1));
        releases.set(name, () => res.end(Buffer.alloc(total - 600 * 1024, 2)));
      });
    }
    const binary = (name: string): DownloadItem =>
      item({ url: `${base}${name}`, fileName: name.slice(1), expect: 'binary', kind: 'dubbing' });

    let { timers, time } = fakeTime(1_000);
    const finishing = downloadItem(binary('/finishes.bin'), options(time));
    await until(async () => (await partSize()) >= 600 * 1024, '600 KiB on disk');
    // 600 KiB in 1 s: the other 424 KiB come in well under the grace.
    timers.advance(1_000);
    releases.get('/finishes.bin')!();
    const result = await finishing;
    expect(result.bytes).toBe(total);
    expect((await readFile(result.path)).subarray(-1)[0]).toBe(2);

    ({ timers, time } = fakeTime(1_000));
    const stalling = failure(downloadItem(binary('/stalls.bin'), options(time)));
    await until(async () => (await partSize()) >= 600 * 1024, '600 KiB on disk');
    timers.advance(1_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(timers.pending()).toContainEqual(expect.objectContaining({ at: timers.now + DEADLINE_GRACE_MS }));
    timers.advance(DEADLINE_GRACE_MS);
    const error = await stalling;
    expect(error.reason).toBe('deadline');
    expect(error.message).toMatch(`after ${600 * 1024} of ${total} bytes`);
    expect(await listing()).toEqual(['finishes.bin']);
  });

  it("a look-up for a fresh URL that hangs ends at the deadline, not 30-60 s past it; the host's own answer is what is reported", async () => {
    serve('/expired.srt', 'denied', {}, 403);
    const { timers, time } = fakeTime(2_000);
    const deadline = time.deadline!;
    // Ollang's API stops answering; the run's client, as connect.ts builds it (`timeout: 2s`: it may retry for a minute).
    const api = stubTransport([{ hang: true }], { repeatLast: true });
    const startedAt = timers.now;
    const client = new OllangClient({
      baseUrl: 'https://api.example.test',
      apiKey: 'key-0123456789',
      transport: api.transport,
      clock: time.clock!,
      setTimer: time.setTimer!,
      sleep: time.sleep!,
      random: () => 0.5,
      deadline: () => startedAt + 60_000,
    });
    // As order-outputs.ts asks for the order again.
    const refresh = async (signal: AbortSignal): Promise<{ url: string }> => {
      await client.getOrder('o1', { signal, deadline });
      return { url: `${base}/expired.srt?sig=new` };
    };
    const pending = failure(downloadItem(item({ url: `${base}/expired.srt` }), options({ ...time, refresh })));
    let settled = false;
    void pending.finally(() => (settled = true));
    await until(() => api.requests.length === 1, 'the look-up');
    for (let step = 0; step < 240 && !settled; step++) {
      timers.advance(500);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const error = await pending;
    expect(timers.now).toBe(deadline);
    expect(error).toMatchObject({ reason: 'http', status: 403 });
    expect(error.message).toMatch(/HTTP 403 .*\. Gave up after 1 attempt\(s\): the timeout leaves no time for another\.$/);
    expect(hits.get('/expired.srt')).toBe(1);
    expect(await listing()).toEqual([]);
  });

  it('the deadline stopping an attempt before a byte of its body came reports the earlier failure, not the deadline', async () => {
    // The first attempt gets an HTML error page (refused, retried with the same URL here: no refresh);
    // the second one's answer never comes, and the deadline stops it. Before: reason `deadline`, so the
    // order was reported timed-out (the run `timed-out`) though every answer had been an error page.
    let calls = 0;
    routes.set('/flaky.srt', (_req, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><html><body>Service unavailable</body></html>');
      }
      // later calls: no answer at all
    });
    const { timers, time } = fakeTime(3_000);
    const pending = failure(downloadItem(item({ url: `${base}/flaky.srt` }), options(time)));
    await until(() => hits.get('/flaky.srt') === 2, 'the second attempt');
    await new Promise((resolve) => setTimeout(resolve, 20));
    timers.advance(3_000);
    const error = await pending;
    expect(error.reason).toBe('content');
    expect(error.message).toMatch(/HTML page.*Gave up after 1 attempt\(s\): the timeout leaves no time for another\.$/s);
    expect(await listing()).toEqual([]);
  });

  it('a download that has not started by the deadline is not started', async () => {
    serve('/late.srt', SRT);
    const { time } = fakeTime(-1);
    const error = await failure(downloadItem(item({ url: `${base}/late.srt` }), options(time)));
    expect(error.reason).toBe('deadline');
    expect(hits.get('/late.srt')).toBeUndefined();
  });

  it('a failing host is retried with backoff for as long as the deadline leaves time; the last failure is named, and why it stopped', async () => {
    serve('/busy.srt', 'busy', {}, 503);
    const { timers, sleeps, time } = fakeTime(20_000);
    const deadline = time.deadline!;
    const error = await failure(downloadItem(item({ url: `${base}/busy.srt` }), options(time)));
    // random 0.5: 250, 500, 1000, 2000, 4000, 8000 (15.75 s); the next wait (15 s) would end past the deadline.
    expect(sleeps).toEqual([250, 500, 1000, 2000, 4000, 8000]);
    expect(hits.get('/busy.srt')).toBe(7);
    expect(timers.now).toBeLessThanOrEqual(deadline);
    expect(error).toMatchObject({ reason: 'http', status: 503 });
    expect(error.message).toMatch(/HTTP 503\. Gave up after 7 attempt\(s\): the timeout leaves no time for another\./);
    expect(await listing()).toEqual([]);
  });
});

describe('downloadItem: nothing is written outside the workspace (folders on the way, symlinks resolved)', () => {
  let workspace = '';
  let outside = '';
  beforeEach(async () => {
    workspace = path.join(dir, 'ws');
    outside = path.join(dir, 'outside');
    await mkdir(workspace);
    await mkdir(outside);
    serve('/a.srt', SRT);
  });
  const into = (directory: string): DownloadOptions => options({ workspace, directory: path.join(workspace, directory) });

  it.each([
    ['the output folder', 'localized', 'localized/fr'],
    ['the language folder', 'localized/fr', 'localized/fr'],
    ['a folder on the way to it', 'a', 'a/b/c/fr'],
  ])('refuses %s when it is a symlink leading outside, before any request', async (_name, link, directory) => {
    await mkdir(path.dirname(path.join(workspace, link)), { recursive: true });
    await symlink(outside, path.join(workspace, link));
    const error = await failure(downloadItem(item({ url: `${base}/a.srt` }), into(directory)));
    expect(error.reason).toBe('file');
    expect(error.message).toMatch(/is a symbolic link to .*, outside the workspace/);
    expect(await readdir(outside)).toEqual([]);
    expect(hits.get('/a.srt')).toBeUndefined();
  });

  it('follows a symlinked folder that stays inside the workspace', async () => {
    await mkdir(path.join(workspace, 'real'));
    await symlink(path.join(workspace, 'real'), path.join(workspace, 'localized'));
    const result = await downloadItem(item({ url: `${base}/a.srt` }), into('localized/fr'));
    expect(await readFile(path.join(workspace, 'real', 'fr', 'out.srt'), 'utf8')).toBe(SRT);
    expect(result.path).toBe(path.join(workspace, 'localized', 'fr', 'out.srt'));
  });

  it('refuses a dangling symlink and a file where a folder should be', async () => {
    await symlink(path.join(dir, 'nowhere'), path.join(workspace, 'localized'));
    expect((await failure(downloadItem(item({ url: `${base}/a.srt` }), into('localized/fr')))).message).toMatch(/leads nowhere/);
    await writeFile(path.join(workspace, 'file'), 'x');
    expect((await failure(downloadItem(item({ url: `${base}/a.srt` }), into('file/fr')))).message).toMatch(/is not a folder/);
    expect(await readdir(path.join(dir, 'outside'))).toEqual([]);
  });

  it('a language folder swapped for a symlink leading outside while a retry waits: the retry is refused, nothing written outside', async () => {
    let answers = 0;
    routes.set('/flaky.srt', (_req, res) => {
      if (++answers === 1) {
        res.writeHead(503).end('busy');
        return;
      }
      res.writeHead(200, { 'content-length': String(Buffer.byteLength(SRT)) }).end(SRT);
    });
    const fr = path.join(workspace, 'fr');
    const error = await failure(
      downloadItem(item({ url: `${base}/flaky.srt` }), {
        ...into('fr'),
        // Another process of the job swaps the folder while the download waits to retry.
        sleep: async () => {
          await rename(fr, path.join(workspace, 'fr-old'));
          await symlink(outside, fr);
        },
      }),
    );
    expect(error.reason).toBe('file');
    expect(error.message).toMatch(/is a symbolic link to .*, outside the workspace/);
    expect(await readdir(outside)).toEqual([]);
  });

  it('a language folder moved outside and replaced by a symlink to it while the body comes: refused before the rename, nothing left outside', async () => {
    let release = (): void => undefined;
    routes.set('/slow.srt', (_req, res) => {
      res.writeHead(200, { 'content-length': String(Buffer.byteLength(SRT)) });
      res.write(SRT.slice(0, 10));
      release = () => res.end(SRT.slice(10));
    });
    const fr = path.join(workspace, 'fr');
    const pending = failure(downloadItem(item({ url: `${base}/slow.srt` }), into('fr')));
    await until(async () => (await readdir(fr).catch(() => [])).some((name) => name.endsWith('.part')), 'the temporary file');
    // The temporary file moves out with its folder: renaming it into place would land outside.
    await rename(fr, path.join(outside, 'fr'));
    await symlink(path.join(outside, 'fr'), fr);
    release();
    const error = await pending;
    expect(error.reason).toBe('file');
    expect(error.message).toMatch(/outside the workspace/);
    expect(await readdir(path.join(outside, 'fr'))).toEqual([]);
  });

  it('refuses a folder outside the workspace by its path', async () => {
    const error = await failure(downloadItem(item({ url: `${base}/a.srt` }), options({ workspace, directory: outside })));
    expect(error.message).toMatch(/outside the workspace/);
  });
});

describe('temporary files: beside their target while written, and recorded for the post step', () => {
  it('records the folder with the run token before a temporary file is created; the file carries the token; it is gone after a failure', async () => {
    routes.set('/stall.srt', (_req, res) => {
      res.writeHead(200, { 'content-length': String(200 * 1024) });
      res.write(`${SRT}${'x'.repeat(100 * 1024)}`);
    });
    const saves: string[] = [];
    const temp = new TempFiles({ workspace: dir, save: (value) => saves.push(value), token: 'abcdef012345' });
    const controller = new AbortController();
    const pending = failure(downloadItem(item({ url: `${base}/stall.srt` }), options({ temp, signal: controller.signal })));
    await until(async () => (await listing()).length > 0, 'a temporary file');
    expect(await listing()).toEqual(['.out.srt.abcdef012345-1.part']);
    expect(saves.map((s) => JSON.parse(s) as unknown)).toEqual([{ token: 'abcdef012345', workspace: dir, folders: [dir] }]);
    controller.abort(new Error('stop'));
    expect((await pending).reason).toBe('aborted');
    expect(await listing()).toEqual([]);
  });

  it("the post step's clean-up removes only this run's temporary files, only in the saved folders inside the workspace", async () => {
    const workspace = path.join(dir, 'ws');
    const fr = path.join(workspace, 'l', 'fr');
    const outside = path.join(dir, 'outside');
    await mkdir(fr, { recursive: true });
    await mkdir(outside);
    const token = '0123456789ab';
    const files = {
      ours: path.join(fr, `.fr.srt.${token}-1.part`),
      another: path.join(fr, `.fr.srt.ffffffffffff-1.part`),
      output: path.join(fr, 'fr.srt'),
      outsider: path.join(outside, `.x.srt.${token}-2.part`),
    };
    for (const file of Object.values(files)) await writeFile(file, 'x');
    await symlink(files.output, path.join(fr, `.link.${token}-3.part`));
    const lines: string[] = [];
    const log = { info: (m: string) => void lines.push(m), warning: (m: string) => void lines.push(`warning: ${m}`) };
    await removeLeftoverTempFiles(JSON.stringify({ token, workspace, folders: [fr, outside, path.join(workspace, 'gone')] }), log);
    expect((await readdir(fr)).sort()).toEqual([`.fr.srt.ffffffffffff-1.part`, `.link.${token}-3.part`, 'fr.srt'].sort());
    expect(await readdir(outside)).toEqual([path.basename(files.outsider)]);
    expect(lines).toEqual([`Removed 1 temporary download file(s) the stopped run left behind: l/fr/.fr.srt.${token}-1.part.`]);
    // Nothing saved, or nonsense saved: nothing done, nothing thrown.
    for (const saved of ['', 'not json', '{"token":"../../x","workspace":"/","folders":["/"]}']) await removeLeftoverTempFiles(saved, log);
    expect(lines).toHaveLength(1);
  });
});
