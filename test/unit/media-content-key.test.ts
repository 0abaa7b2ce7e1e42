/**
 * src/media/content-key.ts with the real git on a temporary repository (tracked, moved,
 * modified, touched, staged, untracked, LFS through a clean filter that writes git-lfs
 * pointers) and with injected runners (git missing or refusing).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { contentKeys, gitRunner, sha256File } from '../../src/media/content-key.ts';
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

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
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
  it('tracked and unmodified: the blob ID; moved: the same key; one byte changed: the SHA-256 of the new bytes', async () => {
    const a = put('videos/intro.mp4', 'intro bytes');
    const b = put('videos/x[1].mp4', 'bracket bytes');
    git('add', '.');
    git('commit', '-qm', 'add');
    expect(await keysOf([a, b])).toEqual({
      'videos/intro.mp4': `git-blob:git-${blob('intro bytes')}`,
      'videos/x[1].mp4': `git-blob:git-${blob('bracket bytes')}`,
    });
    git('mv', 'videos/intro.mp4', 'moved.mp4');
    git('commit', '-qm', 'move');
    expect(await keysOf([{ path: 'moved.mp4', absolutePath: path.join(repo, 'moved.mp4') }])).toEqual({
      'moved.mp4': `git-blob:git-${blob('intro bytes')}`,
    });
    put('moved.mp4', 'intro bytez');
    expect(await keysOf([{ path: 'moved.mp4', absolutePath: path.join(repo, 'moved.mp4') }])).toEqual({
      'moved.mp4': `sha256:sha256-${sha256('intro bytez')}`,
    });
  });

  it('a touched but identical file is still unmodified (git status re-hashes stat-dirty files)', async () => {
    const a = put('a.mp4', 'same');
    git('add', '.');
    git('commit', '-qm', 'add');
    const later = new Date(Date.now() + 60_000);
    utimesSync(a.absolutePath, later, later);
    chmodSync(a.absolutePath, 0o644);
    expect(await keysOf([a])).toEqual({ 'a.mp4': `git-blob:git-${blob('same')}` });
  });

  it('staged but not committed: the index content, which is the file; untracked: the SHA-256', async () => {
    const a = put('a.mp4', 'v1');
    git('add', '.');
    git('commit', '-qm', 'add');
    put('a.mp4', 'v2');
    git('add', 'a.mp4');
    const u = put('untracked.mp4', 'new');
    expect(await keysOf([a, u])).toEqual({ 'a.mp4': `git-blob:git-${blob('v2')}`, 'untracked.mp4': `sha256:sha256-${sha256('new')}` });
  });

  it('a workspace below the repository root: paths from git status are made workspace-relative', async () => {
    const a = put('site/videos/a.mp4', 'sub');
    git('add', '.');
    git('commit', '-qm', 'add');
    put('site/videos/a.mp4', 'sub changed');
    const workspace = path.join(repo, 'site');
    expect(await keysOf([{ path: 'videos/a.mp4', absolutePath: a.absolutePath }], workspace)).toEqual({
      'videos/a.mp4': `sha256:sha256-${sha256('sub changed')}`,
    });
  });

  it('Git LFS checked out with lfs: true: the pointer oid, which is the SHA-256 a copy outside git gets', async () => {
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
    const later = new Date(Date.now() + 60_000);
    utimesSync(a.absolutePath, later, later); // stat-dirty: git runs the clean filter to compare
    const keys = await keysOf([a, untrackedCopy]);
    expect(keys).toEqual({
      'big.mp4': `git-lfs:sha256-${sha256('the real video bytes')}`,
      'copy/big.mp4': `sha256:sha256-${sha256('the real video bytes')}`,
    });
    put('big.mp4', 'changed video bytes');
    expect(await keysOf([a])).toEqual({ 'big.mp4': `sha256:sha256-${sha256('changed video bytes')}` });
  });

  it('not a repository: every key is a SHA-256, and why git was not used is said', async () => {
    const dir = mkdtempSync(path.join(base, 'plain-'));
    const file = path.join(dir, 'a.mp4');
    writeFileSync(file, 'plain');
    const result = await contentKeys([{ path: 'a.mp4', absolutePath: file }], { workspace: dir, git: gitRunner(dir) });
    expect(result.keys.get('a.mp4')).toEqual({ key: `sha256-${sha256('plain')}`, source: 'sha256' });
    expect(result.gitProblem).toMatch(/^git rev-parse failed \(exit 128\): fatal: not a git repository/);
  });
});

describe('contentKeys with an injected runner', () => {
  it('git missing: falls back to SHA-256 for every file', async () => {
    const f = path.join(base, 'missing-git.mp4');
    writeFileSync(f, 'x');
    const git: GitRunner = async () => ({ code: -1, stdout: Buffer.alloc(0), stderr: 'spawn git ENOENT' });
    const result = await contentKeys([{ path: 'missing-git.mp4', absolutePath: f }], { workspace: base, git });
    expect(result.keys.get('missing-git.mp4')?.source).toBe('sha256');
    expect(result.gitProblem).toBe('git rev-parse failed (exit -1): spawn git ENOENT');
  });

  it('hashes only what git cannot vouch for: stat-dirty files go to git status, conflicts and symlinks are not vouched for', async () => {
    const calls: string[][] = [];
    const [blobA, blobB, blobC] = ['a'.repeat(40), 'b'.repeat(40), 'e'.repeat(40)];
    const git: GitRunner = async (args, input) => {
      calls.push([...args]);
      const out = (text: string): { code: number; stdout: Buffer; stderr: string } => ({ code: 0, stdout: Buffer.from(text), stderr: '' });
      switch (args[0]) {
        case 'rev-parse':
          return out('site/\n');
        case 'ls-files':
          return out(
            [
              `100644 ${blobA} 0\ta.mp4`,
              `100644 ${blobB} 0\ttouched.mp4`,
              `100644 ${blobC} 0\tchanged.mp4`,
              `100644 ${'d'.repeat(40)} 1\tconflict.mp4`,
              `100644 ${'d'.repeat(40)} 2\tconflict.mp4`,
              `120000 ${'c'.repeat(40)} 0\tlink.mp4`,
            ].join('\u0000') + '\u0000',
          );
        case 'cat-file':
          return out(
            (input ?? '')
              .split('\n')
              .filter(Boolean)
              .map((blob) => `${blob} 5000000\n`)
              .join(''),
          );
        case 'diff-files':
          return out('touched.mp4\u0000changed.mp4\u0000');
        case 'status':
          return out(' M site/changed.mp4\u0000');
        default:
          throw new Error(`unexpected ${args.join(' ')}`);
      }
    };
    const hashed: string[] = [];
    const result = await contentKeys(
      ['a.mp4', 'touched.mp4', 'changed.mp4', 'conflict.mp4', 'link.mp4', 'new.mp4'].map((p) => ({ path: p, absolutePath: `/w/${p}` })),
      {
        workspace: '/w',
        git,
        hashFile: async (p) => {
          hashed.push(p);
          return 'f'.repeat(64);
        },
      },
    );
    expect(result.gitProblem).toBeUndefined();
    expect(result.keys.get('a.mp4')).toEqual({ key: `git-${blobA}`, source: 'git-blob' });
    expect(result.keys.get('touched.mp4')).toEqual({ key: `git-${blobB}`, source: 'git-blob' });
    expect(result.keys.get('changed.mp4')).toEqual({ key: `sha256-${'f'.repeat(64)}`, source: 'sha256' });
    expect(hashed).toEqual(['/w/changed.mp4', '/w/conflict.mp4', '/w/link.mp4', '/w/new.mp4']);
    expect(calls.map((c) => c[0])).toEqual(['rev-parse', 'ls-files', 'cat-file', 'diff-files', 'status']);
    expect(calls[1]).toEqual([
      'ls-files',
      '--stage',
      '-z',
      '--',
      'a.mp4',
      'touched.mp4',
      'changed.mp4',
      'conflict.mp4',
      'link.mp4',
      'new.mp4',
    ]);
    expect(calls[4]).toEqual([
      'status',
      '--porcelain=v1',
      '-z',
      '--untracked-files=no',
      '--ignore-submodules=all',
      '--',
      'touched.mp4',
      'changed.mp4',
    ]);
  });
});

it('sha256File streams the file', async () => {
  const f = path.join(base, 'stream.bin');
  writeFileSync(f, Buffer.alloc(3 * 1024 * 1024 + 5, 1));
  expect(await sha256File(f)).toBe(
    createHash('sha256')
      .update(Buffer.alloc(3 * 1024 * 1024 + 5, 1))
      .digest('hex'),
  );
});
