/**
 * The content key of each media file: a text that changes exactly when the file's bytes change,
 * not when the file moves. It goes into the Ollang project's name (project-name.ts), so that any
 * later run, on any branch, finds the project made from the same bytes.
 *
 * - Tracked by git and unmodified: git already knows the content's identity, for free.
 *   - a plain file: its blob ID from the index (`git ls-files -s`): `git-<hex>`;
 *   - a Git LFS file checked out with `lfs: true`: the index holds the pointer, whose `oid` is
 *     the SHA-256 of the content: `sha256-<hex>`, the same key a streamed SHA-256 gives, so an
 *     LFS file and an untracked copy of it are one content.
 * - Anything else (untracked, modified, in conflict, no git, git refused the folder): the
 *   file's SHA-256, streamed from disk: `sha256-<hex>`.
 *
 * "Unmodified": `git diff-files` first, which compares stat data with the index and reads no
 * content (a fresh checkout is settled there, for free). A file whose stat data changed (a
 * touch, a cache restore) is asked of `git status`, which hashes it and compares (with git's own
 * eol conversion), so a touched but identical file keeps its key and a changed one never passes;
 * `core.bigFileThreshold` is raised for it, or git would deflate a file over 512 MiB just to hash
 * it (53 s for 1 GiB here, against ~5 s). A stat-dirty LFS file is simply hashed (SHA-256): its
 * key is that hash either way, and git-lfs need not be installed. Nothing writes the index
 * (--no-optional-locks).
 *
 * Git runs through an injected GitRunner, so tests need no module mocks.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { errorMessage } from '../error-message.ts';

export type KeySource = 'git-blob' | 'git-lfs' | 'sha256';

export interface ContentKey {
  /** `git-<40 or 64 hex>` or `sha256-<64 hex>`, lower case. */
  key: string;
  source: KeySource;
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git with `args` in the workspace, `input` on its standard input. */
export type GitRunner = (args: readonly string[], input?: string) => Promise<GitResult>;

export interface ContentKeyOptions {
  /** Absolute workspace root (git runs there). */
  workspace: string;
  /** Default: the `git` on PATH (gitRunner). */
  git?: GitRunner;
  /** Default: sha256File. */
  hashFile?: (absolutePath: string, signal?: AbortSignal) => Promise<string>;
  signal?: AbortSignal;
}

export interface ContentKeys {
  /** Workspace-relative path -> key. */
  keys: Map<string, ContentKey>;
  /** Why git's knowledge could not be used at all (not a repository, no git, …), when so. */
  gitProblem?: string;
}

const LFS_POINTER = /^version https:\/\/git-lfs\.github\.com\/spec\/v1\n(?:[^\n]*\n)*?oid sha256:([0-9a-f]{64})\n/;
const LFS_POINTER_MAX_BYTES = 1024;
/** Paths per git command line (well under every platform's argument limit). */
const BATCH = 200;

/** Keys for `files` (workspace-relative, `/`-separated paths with their absolute paths). */
export async function contentKeys(
  files: readonly { path: string; absolutePath: string }[],
  options: ContentKeyOptions,
): Promise<ContentKeys> {
  const git = options.git ?? gitRunner(options.workspace);
  const hashFile = options.hashFile ?? sha256File;
  const keys = new Map<string, ContentKey>();
  let gitProblem: string | undefined;
  let fromGit = new Map<string, ContentKey | { lfsOid: string }>();
  try {
    fromGit = await keysFromGit(
      files.map((f) => f.path),
      git,
    );
  } catch (error) {
    gitProblem = errorMessage(error);
  }
  for (const file of files) {
    options.signal?.throwIfAborted();
    const known = fromGit.get(file.path);
    if (known !== undefined && 'key' in known) {
      keys.set(file.path, known);
      continue;
    }
    const sha256 = await hashFile(file.absolutePath, options.signal);
    keys.set(file.path, { key: `sha256-${sha256}`, source: known !== undefined && known.lfsOid === sha256 ? 'git-lfs' : 'sha256' });
  }
  return gitProblem === undefined ? { keys } : { keys, gitProblem };
}

/**
 * Keys git vouches for: tracked at stage 0 and unmodified. Throws when git cannot answer.
 * LFS files are returned with `lfsOid` when their stat data changed: their key is then the
 * SHA-256 of the file (equal to the oid when the content is the same), computed by the caller.
 */
async function keysFromGit(paths: readonly string[], git: GitRunner): Promise<Map<string, ContentKey | { lfsOid: string }>> {
  // `git status --porcelain` names paths from the repository's root, ls-files from the workspace.
  const prefix = (await run(git, ['rev-parse', '--show-prefix'])).toString('utf8').trim();
  const indexed = new Map<string, string>(); // path -> blob ID
  for (let i = 0; i < paths.length; i += BATCH) {
    const listed = await run(git, ['ls-files', '--stage', '-z', '--', ...paths.slice(i, i + BATCH)]);
    const conflicted = new Set<string>();
    for (const entry of splitNul(listed)) {
      // "<mode> <object> <stage>\t<path>"; a conflict (stage 1-3): the work tree is what counts.
      const match = /^(\d{6}) ([0-9a-f]{40}|[0-9a-f]{64}) (\d)\t(.*)$/s.exec(entry);
      if (match === null) continue;
      const [, mode, object, stage, file] = match;
      if (stage !== '0') conflicted.add(file!);
      else if (mode === '100644' || mode === '100755') indexed.set(file!, object!);
    }
    for (const file of conflicted) indexed.delete(file);
  }
  const keys = new Map<string, ContentKey | { lfsOid: string }>();
  if (indexed.size === 0) return keys;

  // Small blobs may be LFS pointers (a pointer is under 1024 bytes): read those.
  const blobs = [...new Set(indexed.values())];
  const sizes = await run(git, ['cat-file', '--batch-check=%(objectname) %(objectsize)'], blobs.map((blob) => `${blob}\n`).join(''));
  const small = new Set<string>();
  for (const line of sizes.toString('utf8').split('\n')) {
    const [blob, size] = line.split(' ');
    if (blob !== undefined && size !== undefined && Number(size) < LFS_POINTER_MAX_BYTES) small.add(blob);
  }
  const pointers = new Map<string, string>(); // blob -> LFS oid
  if (small.size > 0) {
    const contents = await run(git, ['cat-file', '--batch'], [...small].map((blob) => `${blob}\n`).join(''));
    for (const [blob, body] of parseBatch(contents)) {
      const match = LFS_POINTER.exec(body.toString('utf8'));
      if (match !== null) pointers.set(blob, match[1]!);
    }
  }

  // Stat data first (diff-files reads no content): a fresh checkout is settled here, for free.
  const files = [...indexed.keys()];
  const statDirty = new Set<string>();
  for (let i = 0; i < files.length; i += BATCH) {
    const changed = await run(git, ['diff-files', '--relative', '--name-only', '-z', '--', ...files.slice(i, i + BATCH)]);
    for (const file of splitNul(changed)) statDirty.add(file);
  }
  // Stat data changed (a touch, a cache restore): git status compares the content itself (with
  // git's eol conversion). Not for LFS files, whose key the caller hashes anyway.
  const recheck = files.filter((file) => statDirty.has(file) && !pointers.has(indexed.get(file)!));
  const modified = new Set<string>();
  for (let i = 0; i < recheck.length; i += BATCH) {
    const status = await run(git, [
      'status',
      '--porcelain=v1',
      '-z',
      '--untracked-files=no',
      '--ignore-submodules=all',
      '--',
      ...recheck.slice(i, i + BATCH),
    ]);
    const fields = splitNul(status);
    for (let f = 0; f < fields.length; f++) {
      const entry = fields[f]!;
      if (entry.length < 4) continue;
      const [x, y] = [entry[0], entry[1]];
      const file = entry.slice(3).startsWith(prefix) ? entry.slice(3 + prefix.length) : entry.slice(3);
      // Only the work tree against the index matters (a staged change is the index's content).
      if (y !== ' ') modified.add(file);
      if (x === 'R' || x === 'C') f += 1; // the next field is the original path
    }
  }

  for (const [file, blob] of indexed) {
    const oid = pointers.get(blob);
    if (oid !== undefined) keys.set(file, statDirty.has(file) ? { lfsOid: oid } : { key: `sha256-${oid}`, source: 'git-lfs' });
    else if (!modified.has(file)) keys.set(file, { key: `git-${blob}`, source: 'git-blob' });
  }
  return keys;
}

async function run(git: GitRunner, args: string[], input?: string): Promise<Buffer> {
  const result = await git(args, input);
  if (result.code !== 0) {
    const reason = result.stderr.trim().split('\n')[0] ?? '';
    throw new Error(`git ${args[0]} failed (exit ${result.code})${reason === '' ? '' : `: ${reason}`}`);
  }
  return result.stdout;
}

function splitNul(output: Buffer): string[] {
  const text = output.toString('utf8');
  return text === '' ? [] : text.split('\0').filter((field) => field !== '');
}

/** `git cat-file --batch` output: "<object> <type> <size>\n<content>\n" per object. */
function parseBatch(output: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let at = 0;
  while (at < output.length) {
    const newline = output.indexOf(0x0a, at);
    if (newline === -1) break;
    const [blob, type, size] = output.subarray(at, newline).toString('utf8').split(' ');
    if (type === 'missing' || size === undefined) {
      at = newline + 1;
      continue;
    }
    const end = newline + 1 + Number(size);
    out.set(blob!, output.subarray(newline + 1, end));
    at = end + 1;
  }
  return out;
}

/**
 * Runs the `git` on PATH in `workspace`: pathspecs taken literally (file names with `[` or `*`),
 * no optional locks (nothing written to .git), no pager or prompt. `safe.directory` names the
 * workspace: in a container job the checkout belongs to another user and git would refuse to
 * read it; these commands only read, and fsmonitor (which could run a configured program) is off.
 */
export function gitRunner(workspace: string): GitRunner {
  return (args, input) =>
    new Promise((resolve) => {
      const child = spawn(
        'git',
        [
          '--literal-pathspecs',
          '--no-optional-locks',
          '-c',
          `safe.directory=${workspace}`,
          '-c',
          'core.fsmonitor=false',
          '-c',
          'core.quotePath=false',
          // Hash big files as they are, rather than deflating them first (docs: core.bigFileThreshold).
          '-c',
          'core.bigFileThreshold=1024g',
          ...args,
        ],
        {
          cwd: workspace,
          env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
      const stdout: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < 4096) stderr += chunk.toString('utf8');
      });
      child.stdin.on('error', () => undefined);
      child.on('error', (error) => resolve({ code: -1, stdout: Buffer.alloc(0), stderr: error.message }));
      child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(stdout), stderr }));
      child.stdin.end(input ?? '');
    });
}

/** The file's SHA-256 in hex, read as a stream (1 MiB at a time: memory does not grow with the file). */
export function sha256File(absolutePath: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const stream = createReadStream(absolutePath, { highWaterMark: 1024 * 1024, ...(signal ? { signal } : {}) });
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}
