/**
 * src/media/find.ts: the `media` input resolved inside a real temporary workspace: the glob
 * syntax of the contract, excludes, dot files, and every problem reported at once.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findMedia, splitMediaInput } from '../../src/media/find.ts';
import { formatBytes } from '../../src/media/formats.ts';
import { InputError } from '../../src/inputs.ts';

const base = mkdtempSync(path.join(os.tmpdir(), 'media-find-'));
const ws = path.join(base, 'ws');
afterAll(() => rmSync(base, { recursive: true, force: true }));

function put(relative: string, content: string | number = 'media'): void {
  const p = path.join(ws, relative);
  mkdirSync(path.dirname(p), { recursive: true });
  if (typeof content === 'number') {
    writeFileSync(p, '');
    truncateSync(p, content); // sparse
  } else writeFileSync(p, content);
}

beforeAll(() => {
  for (const f of [
    'videos/intro.mp4',
    'videos/outro.MOV',
    'videos/a.mp4',
    'videos/ab.mp4',
    'videos/sub/deep.mp4',
    'videos/x[1].mp4',
    'audio/talk.mp3',
    'docs/guide.pdf',
    'root.mkv',
  ])
    put(f);
  put('videos/.hidden.mp4');
  put('.dotdir/inside.mp4');
  put('videos/draft-1.mp4');
  put(
    'lfs/pointer.mp4',
    'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n',
  );
  put('bad/empty.mp4', '');
  put('bad/huge.mp4', 30 * 1000 ** 3 + 1);
  put('bad/huge.pdf', 100 * 1000 ** 2 + 1);
  put('bad/program.exe');
  put('bad/noext');
  put('edge/big-ok.mp4', 30 * 1000 ** 3);
  mkdirSync(path.join(base, 'outside'));
  writeFileSync(path.join(base, 'outside', 'secret.mp4'), 'x');
  symlinkSync('../outside', path.join(ws, 'linked'));
  symlinkSync('videos/intro.mp4', path.join(ws, 'alias.mp4'));
});

async function paths(input: string): Promise<string[]> {
  return (await findMedia(input, ws)).map((f) => f.path);
}

async function problems(input: string): Promise<string> {
  const error = await findMedia(input, ws).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).input).toBe('media');
  return (error as Error).message;
}

describe('findMedia: the contract syntax', () => {
  it.each([
    ['videos/intro.mp4', ['videos/intro.mp4']],
    ['videos/*.mp4', ['videos/a.mp4', 'videos/ab.mp4', 'videos/draft-1.mp4', 'videos/intro.mp4', 'videos/x[1].mp4']],
    ['videos/**/*.mp4\n!videos/draft-*', ['videos/a.mp4', 'videos/ab.mp4', 'videos/intro.mp4', 'videos/sub/deep.mp4', 'videos/x[1].mp4']],
    ['videos/?.mp4', ['videos/a.mp4']],
    ['videos/[ab].mp4, videos/a[b].mp4', ['videos/a.mp4', 'videos/ab.mp4']],
    ['videos/{intro,outro}.*', ['videos/intro.mp4', 'videos/outro.MOV']],
    ['videos/x\\[1\\].mp4', ['videos/x[1].mp4']],
    ['./videos/intro.mp4\nvideos//intro.mp4\n videos/intro.mp4 ', ['videos/intro.mp4']],
    ['root.mkv, audio/*.mp3,docs/*.pdf', ['audio/talk.mp3', 'docs/guide.pdf', 'root.mkv']],
    ['videos/.hidden.mp4', ['videos/.hidden.mp4']],
    ['.dotdir/*.mp4', ['.dotdir/inside.mp4']],
    ['edge/*.mp4', ['edge/big-ok.mp4']],
  ])('%j -> %j (sorted, de-duplicated)', async (input, expected) => {
    expect(await paths(input)).toEqual(expected);
  });

  it('dot files and dot folders only when named: * and ** skip them', async () => {
    const all = await paths('**/*.mp4\n!bad/**\n!lfs/**\n!edge/**\n!alias.mp4');
    expect(all).not.toContain('videos/.hidden.mp4');
    expect(all).not.toContain('.dotdir/inside.mp4');
    expect(all).not.toContain('linked/secret.mp4'); // ** does not walk into a symlinked folder
  });

  it('an absolute path inside the workspace is taken as relative', async () => {
    expect(await paths(path.join(ws, 'videos', 'intro.mp4'))).toEqual(['videos/intro.mp4']);
  });

  it('returns sizes, kinds and absolute paths', async () => {
    expect(await findMedia('audio/talk.mp3\ndocs/guide.pdf\nedge/big-ok.mp4', ws)).toEqual([
      { path: 'audio/talk.mp3', absolutePath: path.join(ws, 'audio', 'talk.mp3'), size: 5, kind: 'audio' },
      { path: 'docs/guide.pdf', absolutePath: path.join(ws, 'docs', 'guide.pdf'), size: 5, kind: 'document' },
      { path: 'edge/big-ok.mp4', absolutePath: path.join(ws, 'edge', 'big-ok.mp4'), size: 30 * 1000 ** 3, kind: 'video' },
    ]);
  });

  it('splits on newlines and commas only (spaces belong to file names)', () => {
    const texts = (input: string): string[] => splitMediaInput(input).map((e) => e.text);
    expect(texts(' a b.mp4 ,c.mp4\n\n!d.mp4\r\n')).toEqual(['a b.mp4', 'c.mp4', '!d.mp4']);
    expect(texts('v/{a,b}.mp4,w/x\\,y.mp4')).toEqual(['v/{a,b}.mp4', 'w/x\\,y.mp4']);
  });

  it('reads a double-quoted entry as one literal path, commas and quotes included (dorny/paths-filter csv; review finding 5)', () => {
    expect(splitMediaInput('"videos/my intro.mp4",videos/outro.mp4,"a, ""b"".mp4"\n"x*.mp4"')).toEqual([
      { text: 'videos/my intro.mp4', quoted: true },
      { text: 'videos/outro.mp4', quoted: false },
      { text: 'a, "b".mp4', quoted: true },
      { text: 'x*.mp4', quoted: true },
    ]);
  });

  it('finds a quoted name with a space or an accent, and a name that reads as a glob is that file first', async () => {
    put('quoted/my intro.mp4');
    put('quoted/café, v2.mp4');
    put('quoted/clip[1].mp4');
    put('quoted/clip1.mp4');
    expect((await findMedia('"quoted/my intro.mp4","quoted/café, v2.mp4"', ws)).map((f) => f.path)).toEqual([
      'quoted/café, v2.mp4',
      'quoted/my intro.mp4',
    ]);
    expect((await findMedia('quoted/clip[1].mp4', ws)).map((f) => f.path)).toEqual(['quoted/clip[1].mp4']);
    expect((await findMedia('"quoted/clip[1].mp4"', ws)).map((f) => f.path)).toEqual(['quoted/clip[1].mp4']);
    // Quoted is never a glob.
    expect(await problems('"quoted/*.mp4"')).toContain('"quoted/*.mp4": no such file in the workspace');
  });
});

describe('findMedia: every problem at once, naming the pattern or the file', () => {
  it('reports all of them in one error', async () => {
    const message = await problems(
      [
        'videos/*.avi',
        'videos/missing.mp4',
        '../outside/secret.mp4',
        path.join(base, 'outside', 'secret.mp4'),
        'linked/secret.mp4',
        'alias.mp4',
        'lfs/pointer.mp4',
        'bad/*',
        'videos',
        'videos/intro.mp4',
      ].join('\n'),
    );
    const lines = message.split('\n');
    expect(lines[0]).toBe("Input 'media': 13 problems:");
    expect(message).toContain('- "videos/*.avi" matches no file');
    expect(message).toContain('- "videos/missing.mp4": no such file in the workspace');
    expect(message).toContain('- "../outside/secret.mp4" goes up with `..`: media files must be inside the workspace');
    expect(message).toContain(`- "${path.join(base, 'outside', 'secret.mp4')}" is outside the workspace`);
    expect(message).toContain('- "linked/secret.mp4" is reached through the symbolic link "linked"');
    expect(message).toContain('- "alias.mp4" is a symbolic link');
    expect(message).toContain(
      '- "lfs/pointer.mp4" is a Git LFS pointer, not the media itself: check out with `lfs: true` on actions/checkout',
    );
    expect(message).toContain('- "bad/empty.mp4" is empty');
    expect(message).toContain('- "bad/huge.mp4" is 30.0 GB, over Ollang\'s limit of 30 GB for video files');
    expect(message).toContain('- "bad/huge.pdf" is 100.0 MB, over Ollang\'s limit of 100 MB for documents');
    expect(message).toContain('- "bad/noext" has no extension');
    expect(message).toContain('- "bad/program.exe": Ollang does not take .exe files');
    expect(message).toContain('- "videos" is a folder');
    expect(message).not.toContain('intro.mp4');
    expect(message).toContain('Nothing was uploaded or ordered.');
  });

  it('braces that lead out of the workspace are caught on the matches', async () => {
    const message = await problems(`{..,nothing}/outside/secret.mp4\n{${base},nothing}/outside/secret.mp4`);
    expect(message).toContain('"{..,nothing}/outside/secret.mp4" matches "../outside/secret.mp4", which is outside the workspace');
    expect(message).toContain(`matches "${base}/outside/secret.mp4", which is outside the workspace`);
  });

  it('a problem file can be excluded', async () => {
    expect(await paths('bad/*.mp4\n!bad/empty.mp4\n!bad/huge.mp4\nvideos/intro.mp4')).toEqual(['videos/intro.mp4']);
  });

  it.each([
    ['!videos/*.mp4', 'names no file to include (only exclusions)'],
    ['videos/a.mp4\n!videos/*', 'every file the patterns match is excluded by a `!` pattern'],
    ['videos\\intro.mp4', 'contains a backslash: separate folders with /'],
    ['.', 'names the workspace itself'],
    ['videos/\u0007.mp4', 'contains control characters'],
  ])('%j: %s', async (input, problem) => {
    expect(await problems(input)).toContain(problem);
  });

  it('quotes names safely: control and bidi characters escaped', async () => {
    const message = await problems('videos/\u202eevil.mp4');
    expect(message).toContain('"videos/\\u202eevil.mp4"');
    expect(message).not.toContain('\u202e');
  });
});

it('formatBytes uses decimal units as Ollang states its limits', () => {
  expect(formatBytes(0)).toBe('0 bytes');
  expect(formatBytes(30 * 1000 ** 3)).toBe('30 GB');
  expect(formatBytes(31_234_000_000)).toBe('31.2 GB');
});

it("the demo's sample media (test/fixtures/media/intro.mp4) is a video findMedia takes", async () => {
  const repoRoot = path.resolve(import.meta.dirname, '..', '..');
  const [sample] = await findMedia('test/fixtures/media/*.mp4', repoRoot);
  expect(sample).toMatchObject({ path: 'test/fixtures/media/intro.mp4', kind: 'video' });
  expect(sample!.size).toBeLessThan(8 * 1024);
});

describe('review: names that cannot be media, and excludes that include dot files', () => {
  const extra = path.join(base, 'ws-review');
  beforeAll(() => {
    const add = (relative: string): void => {
      const p = path.join(extra, relative);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, 'media');
    };
    add('videos/x\n::error title=Ollang::Your API key expired, rotate it at evil.example\n.mp4');
    add('videos/bidi\u202eevil.mp4');
    add('videos/a\\b/intro.mp4');
    add('videos/ok.mp4');
    add('videos/.hid/b.mp4');
    add('..d.mp4');
    add('.git/evil.mp4');
    add('sub/.GIT/evil.mp4');
  });
  const find = (input: string): Promise<string[]> => findMedia(input, extra).then((files) => files.map((f) => f.path));
  const refusal = async (input: string): Promise<string> => {
    const error = await findMedia(input, extra).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  };

  it('a matched name with control, bidi or backslash characters is refused, shown escaped', async () => {
    const message = await refusal('videos/**/*.mp4');
    expect(message).toContain(
      '"videos/x\\u000a::error title=Ollang::Your API key expired, rotate it at evil.example\\u000a.mp4" has control',
    );
    expect(message).toContain('"videos/bidi\\u202eevil.mp4" has control');
    expect(message).toContain('"videos/a\\\\b/intro.mp4" has a backslash');
    expect(message).not.toMatch(/\n::error/);
    expect(message).not.toContain('\u202e');
    expect(await find('videos/**/*.mp4\n!videos/x*\n!videos/bidi*\n!videos/a?b/**')).toEqual(['videos/ok.mp4']);
  });

  it('a name that starts with two dots is inside the workspace; .git never holds media, in any letter case', async () => {
    expect(await find('..d.mp4')).toEqual(['..d.mp4']);
    const message = await refusal('.git/*.mp4\nsub/.GIT/*.mp4');
    expect(message).toContain('".git/evil.mp4" is inside .git');
    expect(message).toContain('"sub/.GIT/evil.mp4" is inside .git');
  });

  it('an exclude covers dot files too (as the include named them)', async () => {
    expect(await find('videos/.hid/b.mp4\nvideos/ok.mp4\n!videos/.hid/**')).toEqual(['videos/ok.mp4']);
    await expect(refusal('videos/.hid/b.mp4\n!videos/**')).resolves.toContain('every file the patterns match is excluded');
  });
});
