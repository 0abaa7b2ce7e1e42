/**
 * src/download/output-path.ts: the output-path template: defaults, every problem at once,
 * values made safe, never outside the workspace, never a media file, one path per file.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { InputError } from '../../src/inputs.ts';
import {
  DEFAULT_OUTPUT_PATH,
  DEFAULT_OUTPUT_PATH_WITH_MEDIA,
  OutputPathPlanner,
  checkOutputPaths,
  nameAndExtension,
  outputSuffixes,
  outputsAmongMedia,
  parseOutputPath,
  renderOutputPath,
} from '../../src/download/output-path.ts';
import type { OutputPathValues } from '../../src/download/output-path.ts';

const values = (extra: Partial<OutputPathValues> = {}): OutputPathValues => ({
  language: 'fr',
  ext: 'vtt',
  name: 'German Subtitles',
  outputDir: 'localized',
  orderId: '65f0c0ffee',
  mediaDir: 'videos',
  mediaName: 'intro',
  ...extra,
});

function problem(text: string, hasMedia = true): string {
  try {
    parseOutputPath(text, { hasMedia });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('output-path');
    return (error as Error).message;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('parseOutputPath and renderOutputPath', () => {
  it('defaults: beside the media with media, the v1 layout without', () => {
    const withMedia = parseOutputPath('', { hasMedia: true });
    expect(withMedia.text).toBe(DEFAULT_OUTPUT_PATH_WITH_MEDIA);
    expect(renderOutputPath(withMedia, values())).toBe('videos/intro.fr.vtt');
    expect(renderOutputPath(withMedia, values({ mediaDir: '.' }))).toBe('intro.fr.vtt');
    expect(renderOutputPath(withMedia, values({ mediaDir: 'a/b c/d', language: 'pt-BR', ext: 'srt' }))).toBe('a/b c/d/intro.pt-BR.srt');
    const without = parseOutputPath('  ', { hasMedia: false });
    expect(without.text).toBe(DEFAULT_OUTPUT_PATH);
    expect(renderOutputPath(without, values({ ext: 'srt' }))).toBe('localized/fr/German Subtitles.srt');
    expect(renderOutputPath(without, values({ outputDir: 'docs/subtitles' }))).toBe('docs/subtitles/fr/German Subtitles.vtt');
  });

  it('every placeholder, literals around them', () => {
    const t = parseOutputPath('site/{media-dir}/{language}/{media-name}-{order-id}-{name}.{ext}', { hasMedia: true });
    expect(renderOutputPath(t, values())).toBe('site/videos/fr/intro-65f0c0ffee-German Subtitles.vtt');
    expect(t.usesMedia).toBe(true);
  });

  it('every problem of the template at once, naming output-path', () => {
    const message = problem('/abs/{foo}/../x{media-dir}/{name}.{ext', false);
    expect(message).toMatch(/^Input 'output-path': "\/abs\/\{foo\}\/\.\.\/x\{media-dir\}\/\{name\}\.\{ext" has 7 problems: /);
    for (const part of [
      'is an absolute path',
      'has an unknown placeholder {foo}',
      'goes up with `..`',
      '{media-dir} must be a whole folder of the path',
      "has an unmatched '{'",
      'has no {language}',
      'uses {media-dir} or {media-name}, which exist only with the media input',
    ])
      expect(message).toContain(part);
    expect(message).toContain('Accepted: a path relative to the workspace');
  });

  it.each([
    ['{name}.{ext}', 'has no {language}: the files of different languages would overwrite each other'],
    ['{media-name}.{language}.{ext}', 'exist only with the media input', false],
    ['out\\{language}\\{name}.{ext}', 'contains a backslash'],
    ['{language}/', 'ends with /'],
    ['{language}/{output-dir}', 'ends with {output-dir}'],
    ['.git/hooks/{language}', 'writes into .git'],
    ['~/{language}.{ext}', "starts with '~'"],
    ['C:/x/{language}.{ext}', 'is an absolute path'],
    ['{language}}.{ext}', "unmatched '}'"],
  ])('%j: %s', (text, expected, hasMedia = true) => {
    expect(problem(text, hasMedia)).toContain(expected);
  });

  it('values are made safe file names before they go in: no separators, .. or control characters', () => {
    const t = parseOutputPath('{output-dir}/{language}/{name}.{ext}', { hasMedia: false });
    expect(renderOutputPath(t, values({ name: '../../etc/passwd', language: '../fr', ext: '.srt' }))).toBe('localized/fr/etc_passwd.srt');
    expect(renderOutputPath(t, values({ name: 'a\u0000b\u202e\nc' }))).toBe('localized/fr/ab c.vtt');
    expect(renderOutputPath(t, values({ name: '' }))).toBe('localized/fr/file.vtt');
    const long = renderOutputPath(t, values({ name: 'é'.repeat(300) }));
    expect(Buffer.byteLength(path.posix.basename(long))).toBeLessThanOrEqual(200);
    expect(long.endsWith('.vtt')).toBe(true);
  });

  it('folder values that would leave the workspace are refused', () => {
    const t = parseOutputPath('', { hasMedia: true });
    expect(() => renderOutputPath(t, values({ mediaDir: '../outside' }))).toThrow(/cannot be used as a folder inside the workspace/);
    expect(() => renderOutputPath(t, values({ mediaDir: undefined }))).toThrow(/has no value/);
  });
});

describe('OutputPathPlanner', () => {
  it('two files of one run on one path: the later gets a numbered suffix before its extension, and a warning', () => {
    const warnings: string[] = [];
    const planner = new OutputPathPlanner({
      template: parseOutputPath('{output-dir}/{language}.{ext}', { hasMedia: false }),
      workspace: '/ws',
      warn: (m) => warnings.push(m),
    });
    expect(planner.plan(values(), 'order A (fr)').path).toBe('localized/fr.vtt');
    expect(planner.plan(values(), 'order B (fr)')).toEqual({
      path: 'localized/fr (2).vtt',
      absolutePath: path.resolve('/ws', 'localized', 'fr (2).vtt'),
    });
    expect(planner.plan(values({ language: 'FR' }), 'order C (FR)').path).toBe('localized/FR (3).vtt'); // case-insensitive file systems
    expect(warnings).toEqual([
      'output-path: order B (fr) would be saved as localized/fr.vtt, which is taken by another file of this run: saved as localized/fr (2).vtt instead.',
      'output-path: order C (FR) would be saved as localized/FR.vtt, which is taken by another file of this run: saved as localized/FR (3).vtt instead.',
    ]);
  });

  it('never a media file itself (a dubbed video beside its source)', () => {
    const warnings: string[] = [];
    const planner = new OutputPathPlanner({
      template: parseOutputPath('{media-dir}/{media-name}{language}.{ext}', { hasMedia: true }),
      workspace: '/ws',
      mediaFiles: ['videos/intro.mp4', 'videos/introfr.mp4'],
      warn: (m) => warnings.push(m),
    });
    expect(planner.plan(values({ ext: 'mp4' }), 'order D (fr)').path).toBe('videos/introfr (2).mp4');
    expect(warnings[0]).toContain('which is a media file');
  });
});

it('nameAndExtension splits a downloaded file name', () => {
  expect(nameAndExtension('German Subtitles.srt')).toEqual({ name: 'German Subtitles', ext: 'srt' });
  expect(nameAndExtension('noext')).toEqual({ name: 'noext', ext: '' });
});

describe('renderOutputPath: properties', () => {
  const nasty = fc.string({
    unit: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('/', '\\', '.', '..', ' ', '\u0000', '\n', '\u202e', ':', '~', '{', '}', 'C:', '%2e') },
      { weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
    ),
    maxLength: 40,
  });
  const templates = [
    DEFAULT_OUTPUT_PATH_WITH_MEDIA,
    DEFAULT_OUTPUT_PATH,
    '{media-dir}/{language}/{order-id}-{name}.{ext}',
    'public/{language}/{media-name}.{ext}',
  ].map((t) => parseOutputPath(t, { hasMedia: true }));
  const workspace = path.resolve('/ws');

  it('whatever the values, the path is relative, inside the workspace, without .. or control characters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...templates), nasty, nasty, nasty, nasty, nasty, (template, name, language, ext, orderId, mediaName) => {
        const relative = renderOutputPath(template, {
          name,
          language,
          ext,
          orderId,
          mediaName,
          outputDir: 'localized',
          mediaDir: 'videos/a b',
        });
        expect(path.posix.isAbsolute(relative)).toBe(false);
        expect(relative.split('/')).not.toContain('..');
        expect(relative).not.toMatch(/[\p{Cc}\\\u202e]/u);
        const inside = path.relative(workspace, path.resolve(workspace, ...relative.split('/')));
        expect(inside.startsWith('..') || path.isAbsolute(inside) || inside === '').toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('review: output paths', () => {
  it('a long media name is shortened, never the language: each language keeps its own name', () => {
    const t = parseOutputPath('', { hasMedia: true });
    const long = 'a'.repeat(196);
    const paths = ['fr', 'de', 'pt-BR'].map((language) => renderOutputPath(t, values({ mediaName: long, language })));
    expect(paths.map((p) => p.slice(-10))).toEqual(['aaa.fr.vtt', 'aaa.de.vtt', '.pt-BR.vtt']);
    for (const p of paths) expect(Buffer.byteLength(path.posix.basename(p))).toBeLessThanOrEqual(200);
    const named = parseOutputPath('{output-dir}/{name}-{language}-{order-id}.{ext}', { hasMedia: false });
    expect(renderOutputPath(named, values({ name: 'é'.repeat(150) })).endsWith('-fr-65f0c0ffee.vtt')).toBe(true);
  });

  it('a folder or file that only starts with two dots is inside the workspace; .git is never a folder of an output', () => {
    const planner = new OutputPathPlanner({
      template: parseOutputPath('..cache/{language}.{ext}', { hasMedia: false }),
      workspace: '/ws',
      warn: () => undefined,
    });
    expect(planner.plan(values(), 'order A (fr)').path).toBe('..cache/fr.vtt');
    const t = parseOutputPath('', { hasMedia: true });
    expect(() => renderOutputPath(t, values({ mediaDir: 'x/.GIT' }))).toThrow(/cannot be used as a folder/);
  });

  it("the action's own outputs are not media: a dubbed video beside its source, a subtitle under a broad glob", () => {
    const t = parseOutputPath('', { hasMedia: true });
    const media = [
      'videos/intro.de.mp4',
      'videos/intro.fr.mp4',
      'videos/intro.fr (2).vtt',
      'videos/intro.mp4',
      'videos/intro.es.mp4',
      'videos/other.mp4',
    ];
    expect(outputsAmongMedia(t, media, ['fr', 'de'], 'localized')).toEqual(
      new Map([
        ['videos/intro.de.mp4', { media: 'videos/intro.mp4', language: 'de' }],
        ['videos/intro.fr.mp4', { media: 'videos/intro.mp4', language: 'fr' }],
        ['videos/intro.fr (2).vtt', { media: 'videos/intro.mp4', language: 'fr' }],
      ]),
    );
    const v1 = parseOutputPath('', { hasMedia: false });
    expect(outputsAmongMedia(v1, ['localized/fr/Intro AI Dub.mp3', 'audio/talk.mp3'], ['fr'], 'localized')).toEqual(
      new Map([['localized/fr/Intro AI Dub.mp3', { media: 'audio/talk.mp3', language: 'fr' }]]),
    );
  });

  it('the same paths whatever order the downloads finish in (two media files with one name)', () => {
    const t = parseOutputPath('', { hasMedia: true });
    const media = ['videos/intro.mov', 'videos/intro.mp4'];
    const assign = (order: string[]): Record<string, string> => {
      const planner = new OutputPathPlanner({
        template: t,
        workspace: '/ws',
        mediaFiles: media,
        suffixes: new Map([
          ['videos/intro.mov', 'mov'],
          ['videos/intro.mp4', 'mp4'],
        ]),
        warn: () => undefined,
      });
      return Object.fromEntries(order.map((m) => [m, planner.plan(values({ media: m, mediaName: 'intro' }), m).path]));
    };
    const expected = { 'videos/intro.mov': 'videos/intro.fr (mov).vtt', 'videos/intro.mp4': 'videos/intro.fr (mp4).vtt' };
    expect(assign(['videos/intro.mov', 'videos/intro.mp4'])).toEqual(expected);
    expect(assign(['videos/intro.mp4', 'videos/intro.mov'])).toEqual(expected);
  });
});

describe('outputSuffixes: media files whose outputs would share paths, judged from the files on disk', () => {
  const workspace = async (files: string[]): Promise<{ ws: string; [Symbol.asyncDispose](): Promise<void> }> => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const ws = mkdtempSync(path.join(os.tmpdir(), 'output-suffix-'));
    for (const file of files) {
      mkdirSync(path.dirname(path.join(ws, file)), { recursive: true });
      writeFileSync(path.join(ws, file), 'x');
    }
    return { ws, [Symbol.asyncDispose]: async () => rmSync(ws, { recursive: true, force: true }) };
  };
  const t = parseOutputPath('', { hasMedia: true });
  const suffixes = async (ws: string, media: string[], template = t) =>
    outputSuffixes(template, { workspace: ws, outputDir: 'localized', languages: ['fr', 'es'], media });

  it('each clashing file carries its own extension, whichever of them are in the run (review finding: the numbering moved)', async () => {
    await using disk = await workspace(['videos/intro.mov', 'videos/intro.mp4', 'videos/outro.mp4']);
    const both = await suffixes(disk.ws, ['videos/intro.mov', 'videos/intro.mp4', 'videos/outro.mp4']);
    expect(both).toEqual({
      suffixes: new Map([
        ['videos/intro.mov', 'mov'],
        ['videos/intro.mp4', 'mp4'],
      ]),
      problems: [],
    });
    // A run over only the changed intro.mp4 writes where the run over the folder did.
    expect((await suffixes(disk.ws, ['videos/intro.mp4'])).suffixes).toEqual(new Map([['videos/intro.mp4', 'mp4']]));
    expect((await suffixes(disk.ws, ['videos/outro.mp4'])).suffixes).toEqual(new Map());
  });

  it('a thumbnail or caption file beside a video does not move its subtitles; audio rivals video', async () => {
    await using disk = await workspace([
      'videos/intro.mp4',
      'videos/intro.jpg',
      'videos/intro.srt',
      'videos/intro.fr.vtt',
      'talks/a.mp4',
      'talks/a.mp3',
    ]);
    expect((await suffixes(disk.ws, ['videos/intro.mp4'])).suffixes).toEqual(new Map());
    expect((await suffixes(disk.ws, ['talks/a.mp4'])).suffixes).toEqual(new Map([['talks/a.mp4', 'mp4']]));
  });

  it('files the extension does not tell apart are a problem named up front (case-only names, a template without {media-dir})', async () => {
    await using disk = await workspace(['videos/Intro.mp4', 'videos/intro.mp4', 'a/talk.mp4', 'b/talk.mp4']);
    expect((await suffixes(disk.ws, ['videos/intro.mp4'])).problems).toEqual([
      'videos/Intro.mp4 and videos/intro.mp4 would have their outputs saved at the same paths: rename one, or put what tells them apart ({media-dir}, {media-name}) in output-path',
    ]);
    const flat = parseOutputPath('subs/{language}/{media-name}.{ext}', { hasMedia: true });
    expect((await suffixes(disk.ws, ['a/talk.mp4', 'b/talk.mp4'], flat)).problems).toHaveLength(1);
    const withOrder = parseOutputPath('subs/{language}/{media-name}-{order-id}.{ext}', { hasMedia: true });
    expect(await suffixes(disk.ws, ['a/talk.mp4', 'b/talk.mp4'], withOrder)).toEqual({ suffixes: new Map(), problems: [] });
  });
});

describe('checkOutputPaths: every output path rendered before any request', () => {
  it('a folder on the way that is a symbolic link out of the workspace, or a file, is a problem named up front', async () => {
    const { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const base = mkdtempSync(path.join(os.tmpdir(), 'output-check-'));
    const ws = path.join(base, 'ws');
    mkdirSync(path.join(ws, 'videos'), { recursive: true });
    mkdirSync(path.join(base, 'outside'));
    symlinkSync('../outside', path.join(ws, 'linked'));
    writeFileSync(path.join(ws, 'plain'), 'a file, not a folder');
    try {
      const t = parseOutputPath('', { hasMedia: true });
      const problems = await checkOutputPaths(t, {
        workspace: ws,
        outputDir: 'localized',
        languages: ['fr'],
        media: ['videos/a.mp4', 'linked/b.mp4', 'plain/c.mp4'],
      });
      expect(problems).toEqual([
        'linked/b.mp4 (fr): the folder linked is a symbolic link to a place outside the workspace',
        'plain/c.mp4 (fr): plain is a file, not a folder',
      ]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('a folder on the way that is a symbolic link into .git is a problem; the download refuses it too (review finding 6)', async () => {
    const { mkdtempSync, mkdirSync, symlinkSync, rmSync, existsSync } = await import('node:fs');
    const os = await import('node:os');
    const { prepareFolder } = await import('../../src/download/target.ts');
    const ws = mkdtempSync(path.join(os.tmpdir(), 'output-git-'));
    mkdirSync(path.join(ws, '.git', 'hooks'), { recursive: true });
    symlinkSync('.git', path.join(ws, 'subs'));
    symlinkSync('.git/hooks', path.join(ws, 'hooked'));
    mkdirSync(path.join(ws, 'videos'));
    try {
      const t = parseOutputPath('subs/{language}/{media-name}.{ext}', { hasMedia: true });
      expect(await checkOutputPaths(t, { workspace: ws, outputDir: 'localized', languages: ['fr'], media: ['videos/a.mp4'] })).toEqual([
        'videos/a.mp4 (fr): the folder subs is a symbolic link into .git',
      ]);
      await expect(prepareFolder(ws, path.join(ws, 'subs', 'fr'), 'a.vtt')).rejects.toThrow(/symbolic link into \.git/);
      await expect(prepareFolder(ws, path.join(ws, 'hooked'), 'a.vtt')).rejects.toThrow(/symbolic link into \.git/);
      expect(existsSync(path.join(ws, '.git', 'fr'))).toBe(false);
      // An ordinary folder is fine.
      await prepareFolder(ws, path.join(ws, 'videos', 'fr'), 'a.vtt');
      expect(existsSync(path.join(ws, 'videos', 'fr'))).toBe(true);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
