/**
 * src/media/project-name.ts (the name and the matching rule) and src/media/projects.ts
 * (find-or-upload) with injected search, upload, clock, sleep and log; then end to end against
 * the simulator with the real client and a node:http upload, its lost-answer fault included.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { OllangClient } from '../../src/ollang/client.ts';
import { OllangError } from '../../src/ollang/errors.ts';
import type { ProjectSummary } from '../../src/ollang/schemas.ts';
import { multipartBody, writeMultipartBody } from '../../src/media/multipart.ts';
import {
  MAX_PROJECT_NAME_CHARS,
  matchesContent,
  matchingProjects,
  parseProjectName,
  pickProject,
  projectName,
} from '../../src/media/project-name.ts';
import { findOrUploadProjects, lookupDelaysFor, searchAllProjects } from '../../src/media/projects.ts';
import type { MediaContent, ProjectsDeps, ProjectsOptions, UploadRequest } from '../../src/media/projects.ts';
import { OllangSimulator } from '../simulator/index.ts';
import type { FaultRule } from '../simulator/index.ts';

const KEY = `sha256-${'ab'.repeat(32)}`;
const KEY3 = `git-${'ef'.repeat(20)}`;
const KEY2 = `git-${'cd'.repeat(20)}`;

describe('projectName and matchesContent', () => {
  it('the key first, then the source language, the repository and the path', () => {
    expect(projectName('videos/intro.mp4', 'en', KEY)).toBe(`${KEY} [en] videos/intro.mp4`);
    expect(projectName('videos/intro.mp4', 'en', KEY, 'octo/site')).toBe(`${KEY} [en] octo/site: videos/intro.mp4`);
  });

  it('shortens long paths in the middle, keeping the file name; escapes invisible characters', () => {
    const long = `${'deep/'.repeat(60)}final-cut.mp4`;
    const name = projectName(long, 'pt-BR', KEY, 'octo/site');
    expect([...name].length).toBeLessThanOrEqual(MAX_PROJECT_NAME_CHARS);
    expect(name).toMatch(/^sha256-[0-9a-f]{64} \[pt-BR\] octo\/site: deep\/.*….*final-cut\.mp4$/);
    expect(projectName('a\u202eb\n.mp4', 'en', KEY)).toBe(`${KEY} [en] a_b_.mp4`);
  });

  it.each([
    [`${KEY} [en] videos/intro.mp4`, 'en', true],
    [`${KEY} [en] videos/intro.mp4.mp4`, 'en', true], // the platform appended the extension
    [`${KEY.toUpperCase()} [EN] VIDEOS/INTRO.MP4`, 'en', true], // letter case changed
    [`${KEY} [en] moved/elsewhere.mp4`, 'en', true], // the file moved: same content
    [`${KEY} [en] octo/site: vide`, 'en', true], // the platform cut the name: the key is first, it stays
    [`${KEY}0 [en] videos/intro.mp4`, 'en', false], // a longer key
    [`x${KEY} [en] videos/intro.mp4`, 'en', false],
    [`${KEY.slice(0, -1)} [en] videos/intro.mp4`, 'en', false], // a shorter key
    [`${KEY} [es] videos/intro.mp4`, 'en', false], // another source language
    [`${KEY} videos/intro.mp4`, 'en', false], // no language to tell
    [`videos/intro.mp4 [en] ${KEY}`, 'en', false], // the key anywhere but first
  ])('%j for %s: %s (no sourceLanguage field)', (name, language, expected) => {
    expect(matchesContent({ name }, KEY, language)).toBe(expected);
  });

  it('review: a name that carries our key after another key is not ours; "[en]" in a path does not make it English', () => {
    const other = `git-${'aa'.repeat(20)}`;
    expect(matchesContent({ name: `${other} [en] videos/promo ${KEY2}.mp4 [en] ${KEY2}.mp4` }, KEY2, 'en')).toBe(false);
    expect(matchesContent({ name: `${KEY2} [es] videos/[en]/intro.mp4` }, KEY2, 'en')).toBe(false);
    expect(parseProjectName(`${KEY2} [en] x`)).toEqual({ key: KEY2, language: 'en' });
    expect(parseProjectName('Product Tour - proj-demo')).toBeUndefined();
  });

  it("the project's sourceLanguage field, when present, vetoes another language (any case, _ or -)", () => {
    expect(matchesContent({ name: `${KEY} [pt-BR] x`, sourceLanguage: 'pt_br' }, KEY, 'pt-BR')).toBe(true);
    expect(matchesContent({ name: `${KEY} [en] x`, sourceLanguage: 'es' }, KEY, 'en')).toBe(false);
    expect(matchesContent({ name: `${KEY} [en] x`, sourceLanguage: 'ES-mx' }, KEY, 'en')).toBe(false);
  });

  it('review-media2 suspicion: Ollang spelling our source language another way (en-US, EN, English) still matches; the bracket we wrote must be ours', () => {
    for (const spelled of ['en-US', 'EN', 'en_gb', 'English', ' en ']) {
      expect(matchesContent({ name: `${KEY} [en] x`, sourceLanguage: spelled }, KEY, 'en'), spelled).toBe(true);
    }
    expect(matchesContent({ name: `${KEY} [pt-BR] x`, sourceLanguage: 'pt' }, KEY, 'pt-BR')).toBe(true);
    // The bracket is ours and decides the content: another language's project is never taken for it.
    expect(matchesContent({ name: `${KEY} [es] x`, sourceLanguage: 'en' }, KEY, 'en')).toBe(false);
  });

  it('pickProject: one that already has orders, then the oldest, ties by id; dates missing last', () => {
    const p = (id: string, createdAt?: string, name = `${KEY} [en] v`, ordersCount?: number): ProjectSummary => ({
      id,
      name,
      ...(createdAt ? { createdAt } : {}),
      ...(ordersCount !== undefined ? { ordersCount } : {}),
    });
    const projects = [
      p('c'),
      p('b', '2025-02-01T00:00:00Z'),
      p('a', '2025-02-01T00:00:00Z'),
      p('z', '2025-01-01T00:00:00Z', `${KEY2} [en] v`),
    ];
    expect(pickProject(projects, KEY, 'en')?.id).toBe('a');
    expect(pickProject([p('c')], KEY, 'en')?.id).toBe('c');
    expect(pickProject(projects, `sha256-${'00'.repeat(32)}`, 'en')).toBeUndefined();
    // review: a late save made two projects; the younger one got the orders: it stays the one followed
    const late = [p('older', '2025-01-01T00:00:00Z', undefined, 0), p('younger', '2025-01-01T00:01:00Z', undefined, 5)];
    expect(pickProject(late, KEY, 'en')?.id).toBe('younger');
    expect(matchingProjects(late, KEY, 'en').map((x) => x.id)).toEqual(['younger', 'older']);
  });
});

// ---- findOrUploadProjects with fakes -----------------------------------------------------------

interface Fake {
  deps: ProjectsDeps;
  projects: ProjectSummary[];
  uploads: UploadRequest[];
  searches: string[];
  sleeps: number[];
  lines: string[];
  advance(ms: number): void;
}

function fake(
  options: {
    upload?: (request: UploadRequest, n: number) => Promise<{ projectId: string }>;
    search?: (term: string, n: number) => Promise<ProjectSummary[]>;
  } = {},
): Fake {
  let now = Date.UTC(2025, 0, 1);
  const projects: ProjectSummary[] = [];
  const uploads: UploadRequest[] = [];
  const searches: string[] = [];
  const sleeps: number[] = [];
  const lines: string[] = [];
  let id = 0;
  const saved = (name: string, sourceLanguage: string): string => {
    const projectId = `p${++id}`;
    projects.push({ id: projectId, name: `${name}.mp4`, sourceLanguage, createdAt: new Date(now).toISOString() });
    return projectId;
  };
  const deps: ProjectsDeps = {
    search: async (term) => {
      searches.push(term);
      if (options.search) return options.search(term, searches.length);
      return projects.filter((p) => p.name.toLowerCase().includes(term.toLowerCase()));
    },
    upload: async (request) => {
      uploads.push(request);
      if (options.upload) return options.upload(request, uploads.length);
      return { projectId: saved(request.name, request.sourceLanguage) };
    },
    clock: () => now,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += ms;
    },
    log: {
      info: (m) => lines.push(`info: ${m}`),
      warning: (m) => lines.push(`warning: ${m}`),
      debug: (m) => lines.push(`debug: ${m}`),
    },
    every: () => () => undefined,
  };
  return { deps, projects, uploads, searches, sleeps, lines, advance: (ms) => (now += ms) };
}

const content = (media: string, key = KEY, size = 1000): MediaContent => ({ media, absolutePath: `/ws/${media}`, size, key });
const run = (f: Fake, contents: MediaContent[], extra: Partial<ProjectsOptions> = {}) =>
  findOrUploadProjects(contents, { sourceLanguage: 'en', mode: 'upload', ...extra }, f.deps);
const lostAnswer = (): OllangError => new OllangError({ kind: 'network', endpoint: 'Upload', ambiguous: true, detail: 'socket hang up' });

describe('findOrUploadProjects', () => {
  it('an existing project of the same content (any path, extension appended): no upload', async () => {
    const f = fake();
    f.projects.push({ id: 'old', name: `${KEY} [en] elsewhere/intro.mp4.mp4`, sourceLanguage: 'en' });
    expect(await run(f, [content('videos/intro.mp4')])).toEqual([
      { media: 'videos/intro.mp4', projectId: 'old', uploaded: false, outcome: 'found' },
    ]);
    expect(f.uploads).toEqual([]);
    expect(f.searches).toEqual([KEY]);
  });

  it('none: uploads once, named after the file; files with the same content share it', async () => {
    const f = fake();
    const result = await run(f, [content('a/intro.mp4'), content('b/copy.mp4'), content('c/other.mp4', KEY2)]);
    expect(result).toEqual([
      { media: 'a/intro.mp4', projectId: 'p1', uploaded: true, outcome: 'uploaded', withoutOrders: true },
      { media: 'b/copy.mp4', projectId: 'p1', uploaded: true, outcome: 'uploaded', withoutOrders: true },
      { media: 'c/other.mp4', projectId: 'p2', uploaded: true, outcome: 'uploaded', withoutOrders: true },
    ]);
    expect(f.uploads.map((u) => [u.media, u.name, u.sourceLanguage])).toEqual([
      ['a/intro.mp4', `${KEY} [en] a/intro.mp4`, 'en'],
      ['c/other.mp4', `${KEY2} [en] c/other.mp4`, 'en'],
    ]);
  });

  it('a project of the same bytes in another source language is another content', async () => {
    const f = fake();
    f.projects.push({ id: 'es', name: `${KEY} [es] intro.mp4.mp4`, sourceLanguage: 'es' });
    expect((await run(f, [content('intro.mp4')]))[0]).toMatchObject({ projectId: 'p1', uploaded: true });
  });

  it('an upload that lost its answer is looked up before anything else; a late save is found: one upload, uploaded true', async () => {
    let made: string | undefined;
    const f = fake({
      upload: async (request) => {
        made = `late-${request.media}`;
        throw lostAnswer();
      },
      search: async (_term, n) => (n >= 4 && made ? [{ id: made, name: `${KEY} [en] intro.mp4.mp4`, sourceLanguage: 'en' }] : []),
    });
    expect(await run(f, [content('intro.mp4')])).toEqual([
      { media: 'intro.mp4', projectId: 'late-intro.mp4', uploaded: true, outcome: 'uploaded' },
    ]);
    expect(f.uploads).toHaveLength(1);
    // first search, then look-ups at once, after 2 s and after 5 s (found on the third look-up)
    expect(f.searches).toHaveLength(4);
    expect(f.sleeps).toEqual([2000, 5000]);
    expect(f.lines.some((l) => l.startsWith('warning: The answer to the upload of intro.mp4 was lost'))).toBe(true);
  });

  it('review: lost, and no look-up finds it: never uploaded again in this run; the file fails and a re-run finds the late save', async () => {
    let late: ProjectSummary | undefined;
    const f = fake({
      upload: async (request) => {
        // Saved 30 s later, after the last look-up (0, 2, 5, 15 s).
        late = { id: 'late', name: `${request.name}.mp4`, sourceLanguage: 'en' };
        throw lostAnswer();
      },
      search: async (term) => (late && f.sleeps.reduce((a, b) => a + b, 0) >= 30_000 ? [late] : []).filter((p) => p.name.includes(term)),
    });
    const [first] = await run(f, [content('intro.mp4')]);
    expect(first).toMatchObject({ outcome: 'failed', uploaded: false });
    expect(first?.error).toMatch(
      /^The answer to the upload of intro\.mp4 was lost .* no project of it showed up in 4 look-ups: it may have been uploaded all the same/,
    );
    expect(f.uploads).toHaveLength(1);
    expect(f.sleeps).toEqual([2000, 5000, 15000]);
    // The next run, a minute later: the project is there; nothing is uploaded.
    await f.deps.sleep(60_000);
    expect(await run(f, [content('intro.mp4')])).toEqual([{ media: 'intro.mp4', projectId: 'late', uploaded: false, outcome: 'found' }]);
    expect(f.uploads).toHaveLength(1);
  });

  it('with the repository: one search lists every project of the repository; only what it did not show is searched by key', async () => {
    const f = fake();
    const keys = [KEY, KEY2, `git-${'ef'.repeat(20)}`];
    f.projects.push({ id: 'p-a', name: `${keys[0]} [en] octo/site: a.mp4`, sourceLanguage: 'en' });
    f.projects.push({ id: 'p-b', name: `${keys[1]} [en] octo/site: b.mp4`, sourceLanguage: 'en' });
    f.projects.push({ id: 'p-c', name: `${keys[2]} [en] other/repo: c.mp4`, sourceLanguage: 'en' });
    const result = await run(f, [content('a.mp4', keys[0]), content('b.mp4', keys[1]), content('c.mp4', keys[2])], {
      repository: 'octo/site',
    });
    expect(result.map((r) => r.projectId)).toEqual(['p-a', 'p-b', 'p-c']);
    expect(f.searches).toEqual(['[en] octo/site:', keys[2]]);
    expect(f.uploads).toEqual([]);
    // New contents get the repository in their names.
    const g = fake();
    await run(g, [content('v/new.mp4')], { repository: 'octo/site' });
    expect(g.uploads[0]?.name).toBe(`${KEY} [en] octo/site: v/new.mp4`);
  });

  it('a big file gets one more, later look-up (1 s per 100 MB, at most 5 minutes)', async () => {
    const f = fake({ upload: async () => Promise.reject(lostAnswer()) });
    await run(f, [content('big.mp4', KEY, 10 * 1000 ** 3)], { maxUploads: 1 });
    expect(f.sleeps).toEqual([2000, 5000, 15000, 100_000]);
    expect(lookupDelaysFor(29 * 1000 ** 3).at(-1)).toBe(290_000);
    expect(lookupDelaysFor(1000 ** 3)).toEqual([0, 2000, 5000, 15000]);
    expect(lookupDelaysFor(100 * 1000 ** 3).at(-1)).toBe(300_000);
  });

  it('a look-up that fails after a lost upload stops that file: never a second upload', async () => {
    const f = fake({
      upload: async () => Promise.reject(lostAnswer()),
      search: async (_term, n) => {
        if (n === 1) return [];
        throw new OllangError({ kind: 'http', endpoint: 'List Projects', status: 503 });
      },
    });
    const [result] = await run(f, [content('intro.mp4')]);
    expect(result?.outcome).toBe('failed');
    expect(result?.error).toMatch(/look-up for the project it may have made failed .*not uploaded again/);
    expect(f.uploads).toHaveLength(1);
  });

  it('a definite refusal (413) is not retried nor looked up; a 429 is retried without a look-up; a 401 stops everything', async () => {
    const f = fake({
      upload: async () => Promise.reject(new OllangError({ kind: 'http', endpoint: 'Upload', status: 413, apiMessage: 'File too large' })),
    });
    const [refused] = await run(f, [content('big.mp4')]);
    expect(refused).toMatchObject({ outcome: 'failed', error: 'Upload of big.mp4 failed: Upload: 413: File too large' });
    expect(f.uploads).toHaveLength(1);
    expect(f.searches).toHaveLength(1);

    const g = fake({
      upload: async (_r, n) => {
        if (n === 1) throw new OllangError({ kind: 'http', endpoint: 'Upload', status: 429, retryAfterMs: 7000 });
        g.projects.push({ id: 'ok', name: `${KEY} [en] a.mp4.mp4`, sourceLanguage: 'en' });
        return { projectId: 'ok' };
      },
    });
    expect((await run(g, [content('a.mp4')]))[0]).toMatchObject({ projectId: 'ok', uploaded: true });
    expect(g.sleeps).toEqual([7000]);
    expect(g.searches).toHaveLength(2);

    const h = fake({ upload: async () => Promise.reject(new OllangError({ kind: 'http', endpoint: 'Upload', status: 401 })) });
    await expect(run(h, [content('a.mp4')])).rejects.toMatchObject({ status: 401 });
  });

  it('after an answered upload, an older project of the same content (another run, same moment) wins', async () => {
    const f = fake({
      upload: async () => {
        f.projects.push({ id: 'mine', name: `${KEY} [en] a.mp4.mp4`, sourceLanguage: 'en', createdAt: '2025-01-01T00:00:05Z' });
        f.projects.push({ id: 'theirs', name: `${KEY} [en] b.mp4.mp4`, sourceLanguage: 'en', createdAt: '2025-01-01T00:00:01Z' });
        return { projectId: 'mine' };
      },
    });
    expect(await run(f, [content('a.mp4')])).toEqual([
      { media: 'a.mp4', projectId: 'theirs', uploaded: false, outcome: 'found', otherProjectIds: ['mine'] },
    ]);
  });

  it('review-media2 E: a search after the upload that fails or does not list the new project is made again; never listed: the file fails, no project to order on', async () => {
    // Fails once (a 503), then lags (does not list the new project), then lists it with an older twin.
    const f = fake({
      upload: async () => {
        f.projects.push({ id: 'mine', name: `${KEY} [en] a.mp4.mp4`, sourceLanguage: 'en', createdAt: '2025-01-01T00:00:05Z' });
        return { projectId: 'mine' };
      },
      search: async (term, n) => {
        if (n === 2) throw new OllangError({ kind: 'http', endpoint: 'List Projects', status: 503 });
        const all = [
          ...f.projects,
          { id: 'theirs', name: `${KEY} [en] b.mp4.mp4`, sourceLanguage: 'en', createdAt: '2025-01-01T00:00:01Z' },
        ];
        return n < 4 ? [] : all.filter((p) => p.name.includes(term));
      },
    });
    expect(await run(f, [content('a.mp4')])).toEqual([
      { media: 'a.mp4', projectId: 'theirs', uploaded: false, outcome: 'found', otherProjectIds: ['mine'] },
    ]);
    expect(f.sleeps).toEqual([2000, 5000]);

    // Never listed (every search after the upload fails): failed, without a project to order on.
    const g = fake({
      upload: async () => ({ projectId: 'mine' }),
      search: async (_term, n) => {
        if (n === 1) return [];
        throw new OllangError({ kind: 'http', endpoint: 'List Projects', status: 503 });
      },
    });
    const [failed] = await run(g, [content('a.mp4')]);
    expect(failed).toMatchObject({ uploaded: true, outcome: 'failed' });
    expect(failed?.projectId).toBeUndefined();
    expect(failed?.error).toMatch(
      /^a\.mp4 was uploaded as Ollang project mine, but the search for it failed .* in 4 look-ups: nothing was ordered/,
    );
    expect(g.uploads).toHaveLength(1);
  });

  it('review-media2 M: a repository listing cut short settles nothing: each content is searched by key (its project with orders may be past the cut)', async () => {
    const f = fake({
      search: async (term) => {
        const all = [
          {
            id: 'empty-dup',
            name: `${KEY} [en] octo/site: a.mp4`,
            sourceLanguage: 'en',
            createdAt: '2025-01-01T00:00:00Z',
            ordersCount: 0,
          },
          { id: 'p-b', name: `${KEY2} [en] octo/site: b.mp4`, sourceLanguage: 'en', createdAt: '2025-01-01T00:00:01Z', ordersCount: 0 },
          { id: 'p-c', name: `${KEY3} [en] octo/site: c.mp4`, sourceLanguage: 'en', createdAt: '2025-01-01T00:00:02Z' },
        ];
        if (term.startsWith('[en]')) return Object.assign(all, { cut: true });
        return [
          ...all,
          { id: 'used', name: `${KEY} [en] octo/site: a.mp4`, sourceLanguage: 'en', createdAt: '2025-01-02T00:00:00Z', ordersCount: 2 },
        ].filter((p) => p.name.includes(term));
      },
    });
    const result = await run(f, [content('a.mp4', KEY), content('b.mp4', KEY2), content('c.mp4', KEY3)], { repository: 'octo/site' });
    expect(f.searches).toEqual(['[en] octo/site:', KEY, KEY2, KEY3]);
    expect(result).toEqual([
      { media: 'a.mp4', projectId: 'used', uploaded: false, outcome: 'found', otherProjectIds: ['empty-dup'] },
      // Listed with ordersCount 0 (undocumented, may be stale): still checked for orders to reuse.
      { media: 'b.mp4', projectId: 'p-b', uploaded: false, outcome: 'found' },
      { media: 'c.mp4', projectId: 'p-c', uploaded: false, outcome: 'found' },
    ]);
  });

  it('review-media2 D: the repository listing only when it can cost fewer requests than a search per content', async () => {
    // Two contents: a search each, never the listing (at best 1 request, at worst 3, against 2).
    const two = fake();
    await run(two, [content('a.mp4', KEY), content('b.mp4', KEY2)], { repository: 'octo/site' });
    expect(two.searches.slice(0, 2)).toEqual([KEY, KEY2]);
    expect(two.searches.filter((term) => term.startsWith('[en]'))).toEqual([]);
    // Three contents, a repository of 150 projects (3 pages): the first page says the listing cannot
    // end within 2 pages, so it is left there: 1 + 3 requests, not 2 + 3.
    const pages: number[] = [];
    const listing = {
      listProjects: async (query: { page: number; search: string }) => ({
        projects: query.search.startsWith('[en]') ? [{ id: `p${query.page}`, name: 'x' }] : [],
        meta: query.search.startsWith('[en]')
          ? (pages.push(query.page), { hasNextPage: query.page < 3, pageCount: 3 })
          : { hasNextPage: false },
      }),
    };
    const cut = await searchAllProjects(listing)('[en] octo/site:', { maxPages: 2, giveUpEarly: true });
    expect(cut.cut).toBe(true);
    expect(pages).toEqual([1]);
    // Without the page count (not documented): read up to the cap, as before.
    const unknown = await searchAllProjects({
      listProjects: async (query: { page: number }) => ({
        projects: [{ id: `p${query.page}`, name: 'x' }],
        meta: { hasNextPage: query.page < 3 },
      }),
    })('[en] octo/site:', { maxPages: 2, giveUpEarly: true });
    expect(unknown).toHaveLength(2);
    expect(unknown.cut).toBe(true);
  });

  it('dry-run and find-only never upload', async () => {
    const f = fake();
    f.projects.push({ id: 'old', name: `${KEY2} [en] x`, sourceLanguage: 'en' });
    expect(await run(f, [content('a.mp4'), content('b.mp4', KEY2)], { mode: 'dry-run' })).toEqual([
      { media: 'a.mp4', uploaded: false, outcome: 'would-upload' },
      { media: 'b.mp4', projectId: 'old', uploaded: false, outcome: 'found' },
    ]);
    const [missing] = await run(f, [content('a.mp4')], { mode: 'find-only' });
    expect(missing).toMatchObject({ outcome: 'missing', uploaded: false });
    expect(missing?.error).toContain('this mode never uploads');
    expect(f.uploads).toEqual([]);
  });

  it('uploads a bounded number at a time', async () => {
    let active = 0;
    let most = 0;
    const f = fake({
      upload: async (request) => {
        active += 1;
        most = Math.max(most, active);
        await new Promise((resolve) => setImmediate(resolve));
        active -= 1;
        return { projectId: `p-${request.media}` };
      },
    });
    const contents = Array.from({ length: 7 }, (_, i) => content(`v${i}.mp4`, `sha256-${String(i).repeat(64)}`));
    await run(f, contents, { uploadConcurrency: 3 });
    expect(most).toBe(3);
    expect(f.uploads).toHaveLength(7);
  });

  it('a progress line (bytes, percent, rate) at least every 30 s, from the bytes sent or the timer when stalled', async () => {
    let tick: () => void = () => undefined;
    const f = fake({
      upload: async (request) => {
        f.advance(10_000);
        request.onProgress(100_000_000);
        f.advance(25_000);
        request.onProgress(400_000_000); // 35 s: a line
        f.advance(31_000);
        tick(); // stalled for 31 s: the timer prints
        return { projectId: 'p' };
      },
    });
    f.deps.every = (ms, fn) => {
      expect(ms).toBe(30_000);
      tick = fn;
      return () => (tick = () => undefined);
    };
    await run(f, [content('big.mp4', KEY, 1_000_000_000)]);
    const progress = f.lines.filter((l) => l.includes(' sent ('));
    expect(progress).toEqual([
      'info: Uploading big.mp4: 400 MB of 1 GB sent (40%), 11.4 MB/s',
      'info: Uploading big.mp4: 400 MB of 1 GB sent (40%), 6.1 MB/s',
    ]);
    expect(f.lines.at(-1)).toMatch(/^info: Uploaded big\.mp4 in 1m 6s \(15\.2 MB\/s\): Ollang project p$/);
  });

  it('an abort stops it at once', async () => {
    const controller = new AbortController();
    const f = fake({
      upload: async (request) => {
        controller.abort(new Error('cancelled'));
        request.signal?.throwIfAborted();
        return { projectId: 'never' };
      },
    });
    await expect(run(f, [content('a.mp4')], { signal: controller.signal })).rejects.toThrow('cancelled');
    expect(f.uploads).toHaveLength(1);
  });
});

// ---- end to end against the simulator -----------------------------------------------------------

const dir = mkdtempSync(path.join(os.tmpdir(), 'media-projects-'));
const sims: OllangSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The upload over node:http, errors shaped as the client's (until the shared transport takes this over). */
function httpUpload(sim: OllangSimulator): ProjectsDeps['upload'] {
  return async (request) => {
    const body = await multipartBody({ filePath: request.absolutePath, name: request.name, sourceLanguage: request.sourceLanguage });
    return new Promise((resolve, reject) => {
      const req = http.request(`${sim.url}/integration/upload/direct`, {
        method: 'POST',
        headers: { 'X-Api-Key': sim.apiKey, 'Content-Type': body.contentType, 'Content-Length': String(body.contentLength) },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          if (res.statusCode === 201) resolve(JSON.parse(text) as { projectId: string });
          else
            reject(
              new OllangError({ kind: 'http', endpoint: 'Upload', status: res.statusCode ?? 0, ambiguous: (res.statusCode ?? 0) >= 500 }),
            );
        });
      });
      req.on('error', (error) => reject(new OllangError({ kind: 'network', endpoint: 'Upload', ambiguous: true, detail: error.message })));
      writeMultipartBody(body, request.absolutePath, req, { onProgress: request.onProgress }).then(
        () => req.end(),
        () => undefined,
      );
    });
  };
}

describe('findOrUploadProjects against the simulator', () => {
  async function setup(faults: FaultRule[] = []): Promise<{ sim: OllangSimulator; deps: ProjectsDeps; file: MediaContent }> {
    let now = Date.UTC(2025, 0, 1);
    const sim = await OllangSimulator.start({ seed: 5, projects: [], now: () => now, faults });
    sims.push(sim);
    const client = new OllangClient({ baseUrl: sim.url, apiKey: sim.apiKey, sleep: async () => undefined });
    const absolutePath = path.join(dir, 'intro.mp4');
    writeFileSync(absolutePath, 'intro video bytes');
    const deps: ProjectsDeps = {
      search: searchAllProjects(client),
      upload: httpUpload(sim),
      clock: () => now,
      sleep: async (ms) => {
        now += ms;
      },
      log: { info: () => undefined, warning: () => undefined, debug: () => undefined },
      every: () => () => undefined,
    };
    return { sim, deps, file: { media: 'videos/intro.mp4', absolutePath, size: 17, key: KEY } };
  }

  it('uploads once; a second run (the file moved) finds it and uploads nothing', async () => {
    const { sim, deps, file } = await setup();
    const first = await findOrUploadProjects([file], { sourceLanguage: 'en', mode: 'upload' }, deps);
    expect(first).toEqual([
      { media: 'videos/intro.mp4', projectId: sim.uploadedProjects()[0]?.id, uploaded: true, outcome: 'uploaded', withoutOrders: true },
    ]);
    expect(sim.uploadedProjects()[0]?.name).toBe(`${KEY} [en] videos/intro.mp4.mp4`);
    const second = await findOrUploadProjects([{ ...file, media: 'moved/intro.mp4' }], { sourceLanguage: 'en', mode: 'upload' }, deps);
    expect(second).toEqual([{ media: 'moved/intro.mp4', projectId: first[0]?.projectId, uploaded: false, outcome: 'found' }]);
    expect(sim.count('upload')).toBe(1);
  });

  it('upload processed but unanswered, saved 3 s late: found by a later look-up, one project in all', async () => {
    const { sim, deps, file } = await setup([{ route: 'upload', kind: 'upload-no-answer', times: 1, delayMs: 3000 }]);
    const result = await findOrUploadProjects([file], { sourceLanguage: 'en', mode: 'upload' }, deps);
    expect(sim.uploadedProjects()).toHaveLength(1);
    expect(result).toEqual([{ media: 'videos/intro.mp4', projectId: sim.uploadedProjects()[0]?.id, uploaded: true, outcome: 'uploaded' }]);
    expect(sim.count('upload')).toBe(1);
  });

  it('review-media2 suspicion: a simulator that lists the source language as en-US: the next run finds the project, nothing uploaded again', async () => {
    let now = Date.UTC(2025, 0, 1);
    const sim = await OllangSimulator.start({
      seed: 7,
      projects: [],
      now: () => now,
      projectSourceLanguageSpelling: (sent) => `${sent}-US`,
    });
    sims.push(sim);
    const client = new OllangClient({ baseUrl: sim.url, apiKey: sim.apiKey, sleep: async () => undefined });
    const absolutePath = path.join(dir, 'spelled.mp4');
    writeFileSync(absolutePath, 'spelled video');
    const deps: ProjectsDeps = {
      search: searchAllProjects(client),
      upload: httpUpload(sim),
      clock: () => now,
      sleep: async (ms) => {
        now += ms;
      },
      log: { info: () => undefined, warning: () => undefined, debug: () => undefined },
      every: () => () => undefined,
    };
    const file = { media: 'videos/spelled.mp4', absolutePath, size: 13, key: KEY2 };
    const [first] = await findOrUploadProjects([file], { sourceLanguage: 'en', mode: 'upload' }, deps);
    expect(first).toMatchObject({ outcome: 'uploaded', uploaded: true });
    const [second] = await findOrUploadProjects([file], { sourceLanguage: 'en', mode: 'upload' }, deps);
    expect(second).toMatchObject({ projectId: first?.projectId, outcome: 'found' });
    expect(sim.count('upload')).toBe(1);
  });

  it('review: a platform that cuts long names keeps the key (it comes first): the next run finds the project', async () => {
    let now = Date.UTC(2025, 0, 1);
    const sim = await OllangSimulator.start({ seed: 6, projects: [], now: () => now, projectNameMaxChars: 64 });
    sims.push(sim);
    const client = new OllangClient({ baseUrl: sim.url, apiKey: sim.apiKey, sleep: async () => undefined });
    const absolutePath = path.join(dir, 'long.mp4');
    writeFileSync(absolutePath, 'long path video');
    const deps: ProjectsDeps = {
      search: searchAllProjects(client),
      upload: httpUpload(sim),
      clock: () => now,
      sleep: async (ms) => {
        now += ms;
      },
      log: { info: () => undefined, warning: () => undefined, debug: () => undefined },
      every: () => () => undefined,
    };
    const file = { media: `videos/${'deep/'.repeat(30)}long.mp4`, absolutePath, size: 15, key: KEY2 };
    const [first] = await findOrUploadProjects([file], { sourceLanguage: 'en', mode: 'upload', repository: 'octo/site' }, deps);
    expect(sim.uploadedProjects()[0]?.name).toBe(`${KEY2} [en] octo/site: vid`);
    const [second] = await findOrUploadProjects([file], { sourceLanguage: 'en', mode: 'upload', repository: 'octo/site' }, deps);
    expect(second).toMatchObject({ projectId: first?.projectId, outcome: 'found' });
    expect(sim.count('upload')).toBe(1);
  });

  it('review: searchAllProjects says so when its page cap cuts a list short', async () => {
    const warnings: string[] = [];
    const endless = {
      listProjects: async (query: { page: number }) => ({
        projects: [{ id: `p${query.page}`, name: 'x' }],
        meta: { hasNextPage: true },
      }),
    };
    const found = await searchAllProjects(endless, { maxPages: 3, warn: (m) => warnings.push(m) })(KEY);
    expect(found).toHaveLength(3);
    expect(found.cut).toBe(true);
    expect(warnings).toEqual([`Ollang listed more than 150 projects named with "${KEY}": only the first 150 were read.`]);
    // A caller that asks for a few pages on purpose (the repository-wide search) is not warned about.
    await searchAllProjects(endless, { warn: (m) => warnings.push(m) })('[en] octo/site:', { maxPages: 2 });
    expect(warnings).toHaveLength(1);
  });

  it('503 (which a gateway may send after the server acted): looked up, never sent again; the file fails, a re-run uploads it', async () => {
    const { sim, deps, file } = await setup([{ route: 'upload', kind: '503', times: 1 }]);
    const [result] = await findOrUploadProjects([file], { sourceLanguage: 'en', mode: 'upload' }, deps);
    expect(result).toMatchObject({ uploaded: false, outcome: 'failed' });
    expect(sim.count('upload')).toBe(1);
    const [again] = await findOrUploadProjects([file], { sourceLanguage: 'en', mode: 'upload' }, deps);
    expect(again).toMatchObject({ uploaded: true, outcome: 'uploaded' });
    expect(sim.uploadedProjects()).toHaveLength(1);
  });

  it('review: saved 30 s late: one upload in the first run, and the second run follows that one project', async () => {
    const { sim, deps, file } = await setup([{ route: 'upload', kind: 'upload-no-answer', times: 1, delayMs: 30_000 }]);
    const [first] = await findOrUploadProjects([file], { sourceLanguage: 'en', mode: 'upload' }, deps);
    expect(first?.outcome).toBe('failed');
    await deps.sleep(60_000);
    const [second] = await findOrUploadProjects([file], { sourceLanguage: 'en', mode: 'upload' }, deps);
    expect(sim.uploadedProjects()).toHaveLength(1);
    expect(second).toEqual({
      media: 'videos/intro.mp4',
      projectId: sim.uploadedProjects()[0]?.id,
      uploaded: false,
      outcome: 'found',
    });
  });
});
