import http, { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DownloadError, downloadItem, type DownloadOptions, type HttpRequest } from '../../src/download/downloader.ts';
import type { DownloadItem } from '../../src/download/plan.ts';

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
    const request: HttpRequest = () => {
      called = true;
      throw new Error('no');
    };
    for (const url of ['file:///etc/passwd', 'ftp://example.com/a.srt', 'data:text/plain,1', 'javascript:alert(1)']) {
      const error = await failure(downloadItem(item({ url }), options({ request })));
      expect(error.reason).toBe('scheme');
    }
    expect(called).toBe(false);
  });

  it('sends its GETs through the injected request transport, asking for no encoding', async () => {
    serve('/a.srt', SRT);
    const seen: string[] = [];
    const request: HttpRequest = (url, init) => {
      seen.push(`${init.method} ${url.pathname} ${JSON.stringify(init.headers)}`);
      return http.request(url, init);
    };
    await downloadItem(item({ url: `${base}/a.srt?sig=1` }), options({ request }));
    expect(seen).toEqual(['GET /a.srt {"accept-encoding":"identity"}']);
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
    const corrupt = await failure(downloadItem(item({ url: `${base}/bad.srt` }), options({ retries: 0 })));
    expect(corrupt.reason).toBe('network');
    expect(await listing()).toEqual(['out.srt']);
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
    const error = await failure(downloadItem(item({ url: `${base}/cut.srt` }), options()));
    expect(error.reason).toBe('truncated');
    expect(hits.get('/cut.srt')).toBe(4);
    expect(sleeps).toHaveLength(3);
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
    expect(sleeps).toEqual([7000, 1500]);
  });

  it('does not retry a 404 and keeps the query string out of the message', async () => {
    const error = await failure(downloadItem(item({ url: `${base}/missing.srt?X-Amz-Signature=topsecret&token=abc` }), options()));
    expect(error.reason).toBe('http');
    expect(error.status).toBe(404);
    expect(error.message).toContain(`${base}/missing.srt`);
    expect(error.message).not.toMatch(/topsecret|token|X-Amz/);
    expect(hits.get('/missing.srt')).toBe(1);
  });

  it('refuses a size that differs from the order document size', async () => {
    serve('/a.srt', SRT);
    const error = await failure(downloadItem(item({ url: `${base}/a.srt`, expectedBytes: 8192 }), options({ retries: 1 })));
    expect(error.reason).toBe('truncated');
    expect(error.message).toMatch(/8192/);
    expect(await listing()).toEqual([]);
  });

  it('calls refreshUrl once after a 403', async () => {
    serve('/expired.srt', 'denied', {}, 403);
    serve('/fresh.srt', SRT);
    let refreshes = 0;
    const refreshUrl = async (): Promise<string> => {
      refreshes++;
      return `${base}/fresh.srt?sig=new`;
    };
    const result = await downloadItem(item({ url: `${base}/expired.srt?sig=old` }), options({ refreshUrl }));
    expect(await readFile(result.path, 'utf8')).toBe(SRT);
    expect(refreshes).toBe(1);

    const again = async (): Promise<string> => {
      refreshes++;
      return `${base}/expired.srt?sig=still-old`;
    };
    const error = await failure(downloadItem(item({ url: `${base}/expired.srt` }), options({ refreshUrl: again })));
    expect(error.status).toBe(403);
    expect(refreshes).toBe(2);
  });

  it('retries network errors and reports them', async () => {
    routes.set('/reset', (req) => req.socket.destroy());
    const error = await failure(downloadItem(item({ url: `${base}/reset` }), options({ retries: 2 })));
    expect(error.reason).toBe('network');
    expect(hits.get('/reset')).toBe(3);
  });

  it('times out an idle body', async () => {
    routes.set('/slow.srt', (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write(SRT);
    });
    const error = await failure(downloadItem(item({ url: `${base}/slow.srt` }), options({ retries: 0, requestTimeoutMs: 100 })));
    expect(error.reason).toBe('network');
    expect(error.message).toMatch(/timed out/);
    expect(await listing()).toEqual([]);
  });

  it('fails (does not hang) when the response ends between its headers and its body being read', async () => {
    routes.set('/stall.srt', (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write(SRT);
    });
    const request: HttpRequest = (url, init) => {
      const req = http.request(url, init);
      req.prependListener('response', (res) => setImmediate(() => res.destroy(new Error('reset by test'))));
      return req;
    };
    const error = await failure(
      downloadItem(item({ url: `${base}/stall.srt` }), options({ request, retries: 0, requestTimeoutMs: 5_000 })),
    );
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
