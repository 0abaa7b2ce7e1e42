import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadKind } from '../../src/settings.ts';
import { classifyDoc, planDownloads, type PlanOrder } from '../../src/download/plan.ts';
import { downloadItem } from '../../src/download/downloader.ts';

const ALL: ReadonlySet<DownloadKind> = new Set(['subtitles', 'vtt', 'dubbing', 'documents']);

function order(docs: PlanOrder['orderDocs'], extra: Partial<PlanOrder> = {}): PlanOrder {
  return { id: '60b8d6f1e1b9b1d8c6c0d8e1', name: 'Batman Returns - Episode 1', orderDocs: docs, ...extra };
}

describe('classifyDoc', () => {
  it.each([
    ['sourceVideo', 'source'],
    ['source_video', 'source'],
    ['source_srt', 'source'],
    ['source_document', 'source'],
    ['subtitle', 'subtitles'],
    ['created_subtitle', 'subtitles'],
    ['cc', 'subtitles'],
    ['closed_caption', 'subtitles'],
    ['created_ai_dub_audio', 'dubbing'],
    ['created_ai_dub_vocals_only_audio', 'dubbing'],
    ['created_embedded_video', 'dubbing'],
    ['created_subtitle_embedded_video', 'dubbing'],
    ['vendor_audio_with_background', 'dubbing'],
    ['vendor_video', 'dubbing'],
    ['translator_document', 'documents'],
    ['created_docx_export', 'documents'],
    ['invoice', 'ignore'],
    ['guideline', 'ignore'],
    ['created_waveform', 'ignore'],
    ['created_thumbnail', 'ignore'],
    ['something_new', 'ignore'],
  ])('%s -> %s', (type, kind) => {
    expect(classifyDoc({ type, url: 'https://x.test/file' })).toBe(kind);
  });

  it('uses the file extension when the type says nothing', () => {
    expect(classifyDoc({ type: 'translator_document', name: 'fr.srt' })).toBe('subtitles');
    expect(classifyDoc({ type: 'other', url: 'https://x.test/a/fr.dfxp?sig=1' })).toBe('subtitles');
    expect(classifyDoc({ type: 'subtitle', url: 'https://x.test/burnt.mp4' })).toBe('dubbing');
    expect(classifyDoc({ type: 'source_srt', name: 'fr.srt' })).toBe('source');
  });
});

describe('planDownloads', () => {
  it('plans the reference Get Order example', () => {
    const plan = planDownloads(
      order(
        [
          {
            id: 'doc_123abc',
            name: 'Batman Returns - Source Video',
            url: 'https://example.com/videos/batman_returns.mp4',
            type: 'sourceVideo',
            size: 1073741824,
          },
          {
            id: 'doc_456def',
            name: 'French Subtitles',
            url: 'https://example.com/subtitles/batman_returns_fr.srt',
            type: 'subtitle',
            size: 8192,
          },
        ],
        { vttUrl: 'https://example.com/subtitles/batman_returns_fr.vtt' },
      ),
      ALL,
    );
    expect(plan.refused).toEqual([]);
    expect(plan.items).toEqual([
      {
        kind: 'subtitles',
        url: 'https://example.com/subtitles/batman_returns_fr.srt',
        fileName: 'French Subtitles.srt',
        expect: 'srt',
        docType: 'subtitle',
        expectedBytes: 8192,
      },
      {
        kind: 'vtt',
        url: 'https://example.com/subtitles/batman_returns_fr.vtt',
        fileName: 'Batman Returns - Episode 1.vtt',
        expect: 'vtt',
        docType: 'vttUrl',
      },
    ]);
  });

  it('never plans source documents, whatever is asked', () => {
    const plan = planDownloads(
      order([
        { name: 'a.srt', url: 'https://x.test/a.srt', type: 'source_srt' },
        { name: 'v.mp4', url: 'https://x.test/v.mp4', type: 'sourceVideo' },
        { name: 'd.docx', url: 'https://x.test/d.docx', type: 'source_document' },
      ]),
      ALL,
    );
    expect(plan.items).toEqual([]);
    expect(plan.refused).toEqual([]);
  });

  it('filters by kind', () => {
    const docs = [
      { name: 'fr', url: 'https://x.test/fr.srt', type: 'subtitle' },
      { name: 'dub', url: 'https://x.test/dub.mp3', type: 'created_ai_dub_audio' },
      { name: 'notes', url: 'https://x.test/notes.docx', type: 'translator_document' },
    ];
    const names = (kinds: DownloadKind[]): string[] =>
      planDownloads(order(docs, { vttUrl: 'https://x.test/o.vtt' }), new Set(kinds)).items.map((i) => i.fileName);
    expect(names(['subtitles'])).toEqual(['fr.srt']);
    expect(names(['vtt'])).toEqual(['Batman Returns - Episode 1.vtt']);
    expect(names(['dubbing'])).toEqual(['dub.mp3']);
    expect(names(['documents'])).toEqual(['notes.docx']);
  });

  it('adds an extension from the URL or the type, and picks the content check', () => {
    const plan = planDownloads(
      order([
        { name: 'French Subtitles', url: 'https://x.test/s/fr.vtt?X-Amz-Signature=abc', type: 'subtitle' },
        { name: 'Captions', url: 'https://x.test/s/download?id=1', type: 'created_srt' },
        { name: 'No format', url: 'https://x.test/s/blob', type: 'subtitle' },
        { name: 'fr.ass', url: 'https://x.test/s/blob2', type: 'subtitle' },
        { name: 'ttml', url: 'https://x.test/s/fr.dfxp', type: 'subtitle' },
        { name: 'ebu', url: 'https://x.test/s/fr.stl', type: 'subtitle' },
      ]),
      new Set<DownloadKind>(['subtitles']),
    );
    expect(plan.items.map((i) => [i.fileName, i.expect])).toEqual([
      ['French Subtitles.vtt', 'vtt'],
      ['Captions.srt', 'srt'],
      ['No format.srt', 'subtitle-text'],
      ['fr.ass', 'subtitle-text'],
      ['ttml.dfxp', 'subtitle-text'],
      ['ebu.stl', 'binary'],
    ]);
  });

  it('names the VTT after the order, falling back to the order ID', () => {
    const vtt = (name: string | undefined): string | undefined =>
      planDownloads({ id: 'ord-1', name, vttUrl: 'https://x.test/o.vtt', orderDocs: [] }, new Set<DownloadKind>(['vtt'])).items[0]
        ?.fileName;
    expect(vtt('Episode 1')).toBe('Episode 1.vtt');
    expect(vtt(undefined)).toBe('ord-1.vtt');
    expect(vtt('\u0001\u0002 ..')).toBe('ord-1.vtt');
    expect(vtt('a/b')).toBe('a_b.vtt');
  });

  it('refuses non-http(s) URLs without echoing them', () => {
    const plan = planDownloads(
      order(
        [
          { name: 'a', url: 'file:///etc/passwd', type: 'subtitle' },
          { name: 'b', url: 'javascript:alert(1)', type: 'subtitle' },
          { name: 'c', url: 'not a url', type: 'created_ai_dub_audio' },
          { name: 'd', type: 'subtitle' },
          { name: 'e', url: 'https://x.test/e.srt', type: 'subtitle' },
        ],
        { vttUrl: 'ftp://x.test/o.vtt?token=secret' },
      ),
      ALL,
    );
    expect(plan.items.map((i) => i.fileName)).toEqual(['e.srt']);
    expect(plan.refused.map((r) => r.docType)).toEqual(['subtitle', 'subtitle', 'created_ai_dub_audio', 'subtitle', 'vttUrl']);
    expect(plan.refused[0]?.reason).toMatch(/file:/);
    expect(JSON.stringify(plan.refused)).not.toMatch(/secret|passwd/);
  });

  it('keeps hostile names safe and unique (case-insensitively)', () => {
    const hostile = [
      '../../etc/passwd',
      '/abs',
      'a\\b',
      'bad\u0000\u0007\u001b[31mname\r\n',
      'x'.repeat(300),
      'Same',
      'same',
      'SAME.srt',
      '..',
      'CON',
    ];
    const plan = planDownloads(
      order(
        hostile.map((name, i) => ({ name, url: `https://x.test/s/${i}.srt`, type: 'subtitle' })),
        { name: 'same', vttUrl: 'https://x.test/o.vtt' },
      ),
      ALL,
    );
    const names = plan.items.map((i) => i.fileName);
    expect(names).toHaveLength(hostile.length + 1);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of names) {
      expect(name).not.toMatch(/[/\\\u0000-\u001f]/); // eslint-disable-line no-control-regex -- looking for control characters
      expect(name.startsWith('.')).toBe(false);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
      expect(name.endsWith('.srt') || name.endsWith('.vtt')).toBe(true);
      expect(path.relative('/out', path.join('/out', name)).startsWith('..')).toBe(false);
    }
    expect(names.slice(5, 8)).toEqual(['Same.srt', 'same (2).srt', 'SAME (3).srt']);
  });
});

describe('plan + download with hostile names', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-subrip' });
      res.end('1\n00:00:01,000 --> 00:00:02,000\nx\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('writes every file inside the directory under distinct names', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'dl-plan-'));
    const dir = path.join(root, 'out', 'fr');
    try {
      const names = ['../../etc/passwd', '/abs', 'a\\b', 'c\u0001d\u007f', 'y'.repeat(300), 'dup', 'dup', 'Dup'];
      const plan = planDownloads(
        order(names.map((name, i) => ({ name, url: `${base}/s/${i}.srt?sig=${i}`, type: 'subtitle' }))),
        new Set<DownloadKind>(['subtitles']),
      );
      const written: string[] = [];
      for (const item of plan.items) {
        const result = await downloadItem(item, {
          directory: dir,
          workspace: root,
          maxBytes: 1024 * 1024,
          sleep: async () => undefined,
        });
        expect(path.dirname(result.path)).toBe(dir);
        written.push(path.basename(result.path));
      }
      expect((await readdir(dir)).sort()).toEqual([...written].sort());
      expect(written).toHaveLength(names.length);
      expect(await readdir(root)).toEqual(['out']);
      expect(await readdir(path.join(root, 'out'))).toEqual(['fr']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
