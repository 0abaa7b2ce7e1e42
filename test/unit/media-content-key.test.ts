/**
 * src/media/content-key.ts with the real git on a temporary repository (tracked, moved,
 * modified, touched, staged, untracked, LFS through a clean filter that writes git-lfs
 * pointers) and with injected runners (git missing or refusing).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { contentKeys, gitBlobIdOfFile } from '../../src/media/content-key.ts';
import type { GitRunner } from '../../src/media/content-key.ts';

const base = mkdtempSync(path.join(os.tmpdir(), 'media-key-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let repo: string;
let n = 0;

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
  });
}

function put(relative: string, content: string): { path: string; absolutePath: string } {
  const absolutePath = path.join(repo, ...relative.split('/'));
  mkdirSync(path.dirname(absolutePath), { recursive: true });
  writeFileSync(absolutePath, content);
  return { path: relative, absolutePath };
}

const blob = (text: string): string =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest('hex');

beforeEach(() => {
  repo = path.join(base, `repo${n++}`);
  mkdirSync(repo);
  git('init', '-q');
});

async function keysOf(files: { path: string; absolutePath: string }[], workspace = repo): Promise<Record<string, string>> {
  const result = await contentKeys(files, { workspace });
  return Object.fromEntries([...result.keys].map(([p, k]) => [p, `${k.source}:${k.key}`]));
}

describe('contentKeys with git', () => {
  it('tracked and unmodified: the blob ID from the index; moved: the same key; one byte changed: the blob ID of the new bytes', async () => {
    const a = put('videos/intro.mp4', 'intro bytes');
    const b = put('videos/x[1].mp4', 'bracket bytes');
    git('add', '.');
    git('commit', '-qm', 'add');
    expect(await keysOf([a, b])).toEqual({
      'videos/intro.mp4': `git-index:git-${blob('intro bytes')}`,
      'videos/x[1].mp4': `git-index:git-${blob('bracket bytes')}`,
    });
    git('mv', 'videos/intro.mp4', 'moved.mp4');
    git('commit', '-qm', 'move');
    expect(await keysOf([{ path: 'moved.mp4', absolutePath: path.join(repo, 'moved.mp4') }])).toEqual({
      'moved.mp4': `git-index:git-${blob('intro bytes')}`,
    });
    put('moved.mp4', 'intro bytez');
    expect(await keysOf([{ path: 'moved.mp4', absolutePath: path.join(repo, 'moved.mp4') }])).toEqual({
      'moved.mp4': `hashed:git-${blob('intro bytez')}`,
    });
  });

  it('a touched but identical file is read and hashed: the same key', async () => {
    const a = put('a.mp4', 'same');
    git('add', '.');
    git('commit', '-qm', 'add');
    const later = new Date(Date.now() + 60_000);
    utimesSync(a.absolutePath, later, later);
    chmodSync(a.absolutePath, 0o644);
    expect(await keysOf([a])).toEqual({ 'a.mp4': `hashed:git-${blob('same')}` });
  });

  it('staged but not committed: the index content, which is the file; untracked: hashed', async () => {
    const a = put('a.mp4', 'v1');
    git('add', '.');
    git('commit', '-qm', 'add');
    put('a.mp4', 'v2');
    git('add', 'a.mp4');
    const u = put('untracked.mp4', 'new');
    expect(await keysOf([a, u])).toEqual({ 'a.mp4': `git-index:git-${blob('v2')}`, 'untracked.mp4': `hashed:git-${blob('new')}` });
  });

  it('a workspace below the repository root: paths are workspace-relative', async () => {
    const a = put('site/videos/a.mp4', 'sub');
    const b = put('site/videos/b.mp4', 'other');
    git('add', '.');
    git('commit', '-qm', 'add');
    put('site/videos/a.mp4', 'sub changed');
    const workspace = path.join(repo, 'site');
    expect(
      await keysOf(
        [
          { path: 'videos/a.mp4', absolutePath: a.absolutePath },
          { path: 'videos/b.mp4', absolutePath: b.absolutePath },
        ],
        workspace,
      ),
    ).toEqual({ 'videos/a.mp4': `hashed:git-${blob('sub changed')}`, 'videos/b.mp4': `git-index:git-${blob('other')}` });
  });

  it('Git LFS checked out with lfs: true: the file is hashed (the index holds a pointer), so it is one content with any copy', async () => {
    // A clean filter that writes what git-lfs writes (git-lfs itself is not needed for the test).
    const filter = path.join(base, 'lfs-clean.cjs');
    writeFileSync(
      filter,
      "const c=require('crypto');const d=[];process.stdin.on('data',x=>d.push(x));process.stdin.on('end',()=>{const b=Buffer.concat(d);" +
        "process.stdout.write('version https://git-lfs.github.com/spec/v1\\noid sha256:'+c.createHash('sha256').update(b).digest('hex')+'\\nsize '+b.length+'\\n')});",
    );
    git('config', 'filter.lfs.clean', `"${process.execPath}" "${filter}"`);
    git('config', 'filter.lfs.required', 'true');
    put('.gitattributes', '*.mp4 filter=lfs diff=lfs merge=lfs -text\n');
    const a = put('big.mp4', 'the real video bytes');
    git('add', '.');
    git('commit', '-qm', 'lfs');
    expect(git('cat-file', '-p', `HEAD:big.mp4`)).toContain('oid sha256:');
    const untrackedCopy = put('copy/big.mp4', 'the real video bytes');
    expect(await keysOf([a, untrackedCopy])).toEqual({
      'big.mp4': `hashed:git-${blob('the real video bytes')}`,
      'copy/big.mp4': `hashed:git-${blob('the real video bytes')}`,
    });
  });

  it('an end-of-line conversion: the bytes on disk are hashed, not the converted blob', async () => {
    git('config', 'core.autocrlf', 'true');
    put('.gitattributes', '*.srt text eol=crlf\n');
    const a = put('a.srt', 'line one\nline two\n');
    git('add', '.');
    git('commit', '-qm', 'text');
    rmSync(a.absolutePath);
    git('checkout', '--', 'a.srt');
    expect(await keysOf([a])).toEqual({ 'a.srt': `hashed:git-${blob('line one\r\nline two\r\n')}` });
  });

  it('not a repository: every file is hashed, and why git was not used is said', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plain-'));
    const file = path.join(dir, 'a.mp4');
    writeFileSync(file, 'plain');
    const result = await contentKeys([{ path: 'a.mp4', absolutePath: file }], { workspace: dir });
    expect(result.keys.get('a.mp4')).toEqual({ key: `git-${blob('plain')}`, source: 'hashed' });
    expect(result.gitProblem).toMatch(/is not inside a git repository$/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('contentKeys with an injected runner', () => {
  it('git missing: every file is hashed', async () => {
    const f = path.join(base, 'missing-git.mp4');
    writeFileSync(f, 'x');
    const git: GitRunner = async () => ({ code: -1, stdout: Buffer.alloc(0), stderr: 'spawn git ENOENT' });
    const result = await contentKeys([{ path: 'missing-git.mp4', absolutePath: f }], { workspace: base, git });
    expect(result.keys.get('missing-git.mp4')).toEqual({ key: `git-${blob('x')}`, source: 'hashed' });
    expect(result.gitProblem).toBe('git rev-parse failed (exit -1): spawn git ENOENT');
  });

  it('a SHA-256 repository: its blob IDs are another key, every file is hashed', async () => {
    const f = path.join(base, 'sha256-repo.mp4');
    writeFileSync(f, 'y');
    const git: GitRunner = async () => ({ code: 0, stdout: Buffer.from('sha256\n'), stderr: '' });
    const result = await contentKeys([{ path: 'sha256-repo.mp4', absolutePath: f }], { workspace: base, git });
    expect(result.keys.get('sha256-repo.mp4')).toEqual({ key: `git-${blob('y')}`, source: 'hashed' });
  });

  it('hashes what git cannot vouch for: stat-dirty, other tags, conflicts, symlinks, filters, a size that differs', async () => {
    const dir = mkdtempSync(path.join(base, 'injected-'));
    const names = ['a.mp4', 'touched.mp4', 'assumed.mp4', 'conflict.mp4', 'link.mp4', 'lfs.mp4', 'resized.mp4', 'new.mp4'];
    for (const name of names) writeFileSync(path.join(dir, name), '12345');
    const calls: string[][] = [];
    const blobOf = (name: string): string => createHash('sha1').update(name).digest('hex');
    const git: GitRunner = async (args, input) => {
      calls.push([...args]);
      const out = (text: string): { code: number; stdout: Buffer; stderr: string } => ({ code: 0, stdout: Buffer.from(text), stderr: '' });
      switch (args[0]) {
        case 'rev-parse':
          return out('sha1\n');
        case 'ls-files':
          return out(
            [
              `H 100644 ${blobOf('a.mp4')} 0\ta.mp4`,
              `H 100644 ${blobOf('touched.mp4')} 0\ttouched.mp4`,
              `h 100644 ${blobOf('assumed.mp4')} 0\tassumed.mp4`,
              `M 100644 ${blobOf('conflict.mp4')} 1\tconflict.mp4`,
              `M 100644 ${blobOf('conflict.mp4')} 2\tconflict.mp4`,
              `H 120000 ${blobOf('link.mp4')} 0\tlink.mp4`,
              `H 100644 ${blobOf('lfs.mp4')} 0\tlfs.mp4`,
              `H 100644 ${blobOf('resized.mp4')} 0\tresized.mp4`,
            ].join('\u0000') + '\u0000',
          );
        case 'check-attr':
          return out(
            args
              .slice(args.indexOf('--') + 1)
              .flatMap((file) =>
                ['filter', 'ident', 'working-tree-encoding'].map((a) => [
                  file,
                  a,
                  file === 'lfs.mp4' && a === 'filter' ? 'lfs' : 'unspecified',
                ]),
              )
              .flat()
              .join('\u0000') + '\u0000',
          );
        case 'cat-file':
          return out(
            (input ?? '')
              .split('\n')
              .filter(Boolean)
              .map((b) => `${b} ${b === blobOf('resized.mp4') ? 6 : 5}\n`)
              .join(''),
          );
        case 'diff-files':
          return out('touched.mp4\u0000');
        default:
          throw new Error(`unexpected ${args.join(' ')}`);
      }
    };
    const hashed: string[] = [];
    const result = await contentKeys(
      names.map((p) => ({ path: p, absolutePath: path.join(dir, p) })),
      {
        workspace: dir,
        git,
        hashFile: async (p) => {
          hashed.push(path.basename(p));
          return 'f'.repeat(40);
        },
      },
    );
    expect(result.gitProblem).toBeUndefined();
    expect(result.keys.get('a.mp4')).toEqual({ key: `git-${blobOf('a.mp4')}`, source: 'git-index' });
    expect(hashed).toEqual(['touched.mp4', 'assumed.mp4', 'conflict.mp4', 'link.mp4', 'lfs.mp4', 'resized.mp4', 'new.mp4']);
    expect(calls.map((c) => c[0])).toEqual(['rev-parse', 'ls-files', 'check-attr', 'cat-file', 'diff-files']);
    expect(calls[1]).toEqual(['ls-files', '--stage', '-v', '-z', '--', ...names]);
    expect(calls[4]).toEqual(['diff-files', '--relative', '--name-only', '-z', '--', 'a.mp4', 'touched.mp4']);
  });
});

it('gitBlobIdOfFile streams the file and gives what git hash-object gives', async () => {
  const f = path.join(base, 'stream.bin');
  writeFileSync(f, Buffer.alloc(3 * 1024 * 1024 + 5, 1));
  expect(await gitBlobIdOfFile(f)).toBe(execFileSync('git', ['hash-object', '--no-filters', f], { encoding: 'utf8' }).trim());
});

describe('review: one content, one key', () => {
  it('a tracked file and an untracked copy of it get the same key (the git blob ID, computed locally for the copy)', async () => {
    const a = put('videos/a.mp4', 'same video bytes');
    git('add', '.');
    git('commit', '-qm', 'add');
    const copy = put('videos/a-copy.mp4', 'same video bytes');
    const keys = await keysOf([a, copy]);
    expect(keys['videos/a.mp4']).toBe(`git-index:git-${blob('same video bytes')}`);
    expect(keys['videos/a-copy.mp4']).toBe(`hashed:git-${blob('same video bytes')}`);
  });

  it('no repository at all: the same blob ID, so a copy outside git is the same content', async () => {
    const dir = mkdtempSync(path.join(base, 'norepo-'));
    const file = path.join(dir, 'a.mp4');
    writeFileSync(file, 'same video bytes');
    const result = await contentKeys([{ path: 'a.mp4', absolutePath: file }], { workspace: dir });
    expect(result.keys.get('a.mp4')).toEqual({ key: `git-${blob('same video bytes')}`, source: 'hashed' });
  });

  it('a container job (the checkout belongs to another user) with the workspace below the root: git still vouches', async () => {
    const a = put('site/videos/a.mp4', 'sub');
    git('add', '.');
    git('commit', '-qm', 'add');
    const workspace = path.join(repo, 'site');
    const saved = process.env['GIT_TEST_ASSUME_DIFFERENT_OWNER'];
    process.env['GIT_TEST_ASSUME_DIFFERENT_OWNER'] = '1';
    try {
      const result = await contentKeys([{ path: 'videos/a.mp4', absolutePath: a.absolutePath }], { workspace });
      expect(result.gitProblem).toBeUndefined();
      expect(result.keys.get('videos/a.mp4')).toEqual({ key: `git-${blob('sub')}`, source: 'git-index' });
    } finally {
      if (saved === undefined) delete process.env['GIT_TEST_ASSUME_DIFFERENT_OWNER'];
      else process.env['GIT_TEST_ASSUME_DIFFERENT_OWNER'] = saved;
    }
  });

  it.each(['--assume-unchanged', '--skip-worktree'])(
    'a file marked %s and then overwritten is hashed, not taken from the index',
    async (flag) => {
      const c = put('videos/c.mp4', 'old bytes');
      git('add', '.');
      git('commit', '-qm', 'add');
      git('update-index', flag, 'videos/c.mp4');
      put('videos/c.mp4', 'new bytes!');
      expect(await keysOf([c])).toEqual({ 'videos/c.mp4': `hashed:git-${blob('new bytes!')}` });
    },
  );

  it('git gets no INPUT_* variable (the API key and the GitHub token are inputs)', async () => {
    const fake = mkdtempSync(path.join(base, 'fake-git-'));
    const dump = path.join(fake, 'env.json');
    writeFileSync(
      path.join(fake, 'git'),
      `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(dump)}, JSON.stringify(process.env));\nprocess.exit(1);\n`,
    );
    chmodSync(path.join(fake, 'git'), 0o755);
    const saved = { path: process.env['PATH'], key: process.env['INPUT_API-KEY'] };
    process.env['PATH'] = `${fake}${path.delimiter}${saved.path ?? ''}`;
    process.env['INPUT_API-KEY'] = 'sk-secret-value';
    try {
      const a = put('a.mp4', 'x');
      await contentKeys([a], { workspace: repo });
    } finally {
      process.env['PATH'] = saved.path;
      if (saved.key === undefined) delete process.env['INPUT_API-KEY'];
      else process.env['INPUT_API-KEY'] = saved.key;
    }
    const env = JSON.parse(readFileSync(dump, 'utf8')) as Record<string, string>;
    expect(Object.keys(env).filter((name) => name.toUpperCase().startsWith('INPUT_'))).toEqual([]);
    expect(JSON.stringify(env)).not.toContain('sk-secret-value');
  });
});
