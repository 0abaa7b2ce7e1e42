/**
 * Resolves the `media` input into the media files to localize: paths and glob patterns relative
 * to the workspace, separated by newlines or commas; `!pattern` excludes; `"…"` is one literal
 * path (a changed-files filter's csv list quotes names with spaces). An entry that names an
 * existing file as written is that file before it is read as a glob. Every check is made and
 * every problem reported at once, naming the pattern or the file, before any request.
 *
 * Globs are Node's own `fs.glob` / `path.matchesGlob` (Node 24: minimatch inside Node): `*`,
 * `**`, `?`, `[...]`, `{a,b}`, and dot files only when named (`*` and `**` skip names that start
 * with a dot, so `.git/` is never walked). `**` does not descend into symlinked folders. Node
 * does not honour backslash escapes on Linux, so `\[` is rewritten as the class `[[]` first.
 *
 * A file is refused when it is outside the workspace (an absolute path elsewhere, `..`, or a
 * symbolic link: the file itself or any folder on the way), inside `.git`, named with control,
 * bidi or zero-width characters (they would reach log lines and project names: a newline there
 * could start a workflow command) or a backslash (no output path can be made beside it), a Git
 * LFS pointer (the checkout did not fetch LFS files), empty, over Ollang's size limit for its
 * kind, or of a format Ollang does not take (formats.ts).
 *
 * A `!` exclude matches dot files and dot folders too: an include may have named them, and an
 * exclude that silently let them through would upload what the user meant to leave out.
 */
import { glob, lstat, open } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../inputs.ts';
import { LIMIT_BYTES, extensionOf, formatBytes, formatOf } from './formats.ts';
import type { MediaKind } from './formats.ts';

export interface MediaFile {
  /** Workspace-relative, `/`-separated. */
  path: string;
  /** Absolute path on this machine. */
  absolutePath: string;
  size: number;
  kind: MediaKind;
  /** Set by prepare.ts: the suffix this file's outputs carry (another media file's would share their paths). */
  outputSuffix?: string;
}

/** Git LFS pointer files are under 1024 bytes and start with this line (git-lfs spec v1). */
const LFS_POINTER_START = 'version https://git-lfs.github.com/spec/';
const LFS_POINTER_MAX_BYTES = 1024;
const GLOB_MAGIC = /[*?[\]{}]/;
/** Characters that hide, reorder or break what a person (or the runner) reads. */
const INVISIBLE = /[\p{Cc}\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/u;

/** One entry of the `media` input; `quoted`: written as `"…"`, a literal path (never a glob). */
export interface MediaEntry {
  text: string;
  quoted: boolean;
}

/**
 * Splits the `media` input: one entry per line, or per comma outside `{a,b}` braces (and not
 * escaped as `\,`); entries trimmed, empty ones dropped. An entry in double quotes is one
 * literal path, commas included, `""` standing for a quote (RFC 4180, as dorny/paths-filter's
 * `csv` list writes any name with a space or an accent).
 */
export function splitMediaInput(text: string): MediaEntry[] {
  const entries: MediaEntry[] = [];
  let current = '';
  let quoted: string | undefined;
  let depth = 0;
  const end = (): void => {
    if (quoted !== undefined) entries.push({ text: quoted, quoted: true });
    else if (current.trim() !== '') entries.push({ text: current.trim(), quoted: false });
    current = '';
    quoted = undefined;
    depth = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"' && quoted === undefined && current.trim() === '') {
      // A quoted entry: up to the closing quote; what follows it up to the separator is ignored.
      let value = '';
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] !== '"') value += text[j]!;
        else if (text[j + 1] === '"') {
          value += '"';
          j += 1;
        } else break;
      }
      quoted = value;
      i = j;
    } else if (char === '\\' && i + 1 < text.length && quoted === undefined) {
      current += char + text[i + 1]!;
      i += 1;
    } else if (char === '\n' || (char === ',' && depth === 0)) {
      end();
    } else if (quoted === undefined) {
      if (char === '{') depth += 1;
      else if (char === '}' && depth > 0) depth -= 1;
      current += char;
    }
  }
  end();
  return entries;
}

/**
 * The media files named by `input` in `workspace` (absolute): workspace-relative posix paths,
 * sorted, without duplicates. Throws one InputError for input `media` listing every problem.
 */
export async function findMedia(input: string, workspace: string): Promise<MediaFile[]> {
  const root = path.resolve(workspace);
  const problems: string[] = [];
  const includes: { entry: string; pattern: string; quoted: boolean }[] = [];
  const excludes: string[] = [];
  for (const { text: entry, quoted } of splitMediaInput(input)) {
    const negated = !quoted && entry.startsWith('!');
    const raw = negated ? entry.slice(1).trim() : entry;
    const pattern = quoted ? toWorkspacePath(raw, root) : toWorkspacePattern(raw, root);
    if (typeof pattern !== 'string') {
      problems.push(`${show(entry)} ${pattern.problem}`);
      continue;
    }
    if (negated) excludes.push(pattern);
    else includes.push({ entry, pattern, quoted });
  }
  if (includes.length === 0 && problems.length === 0) {
    problems.push(`${show(input.trim())} names no file to include (only exclusions)`);
  }

  const matched = new Map<string, { entry: string; literal: boolean }>();
  for (const { entry, pattern, quoted } of includes) {
    // A path that names a file as written is that file, before any glob reading of it
    // (`clip[1].mp4` would otherwise match `clip1.mp4`); a quoted entry is only ever a path.
    const exists =
      quoted || GLOB_MAGIC.test(pattern) ? await lstat(path.join(root, ...pattern.split('/'))).catch(() => undefined) : undefined;
    if (quoted || exists !== undefined) {
      if (exists === undefined) problems.push(`${show(entry)}: no such file in the workspace`);
      else if (!matched.has(pattern)) matched.set(pattern, { entry, literal: true });
      continue;
    }
    const literal = !GLOB_MAGIC.test(pattern);
    let count = 0;
    for await (const found of glob(pattern, { cwd: root })) {
      count += 1;
      // Braces can still lead out ({..,x}/a.mp4, {/etc,x}/a.mp4): every match is checked.
      const inside = path.relative(root, path.resolve(root, found));
      if (!isInside(inside)) {
        problems.push(`${show(entry)} matches ${show(found.split(path.sep).join('/'))}, which is outside the workspace`);
        continue;
      }
      const relative = inside.split(path.sep).join('/');
      if (!matched.has(relative)) matched.set(relative, { entry, literal });
    }
    if (count === 0) problems.push(literal ? `${show(entry)}: no such file in the workspace` : `${show(entry)} matches no file`);
  }

  const files: MediaFile[] = [];
  const symlinkedFolders = new Map<string, boolean>();
  let excludedAll = matched.size > 0;
  for (const [relative, { entry, literal }] of [...matched].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (excludes.some((exclude) => matchesWithDotFiles(relative, exclude))) continue;
    const nameProblem = badName(relative);
    if (nameProblem !== undefined) {
      problems.push(`${show(relative)} ${nameProblem}`);
      excludedAll = false;
      continue;
    }
    const absolutePath = path.join(root, ...relative.split('/'));
    const info = await lstat(absolutePath).catch(() => undefined);
    if (info === undefined) continue; // gone since it was listed
    if (info.isDirectory()) {
      // A pattern such as `videos/*` also lists folders: only a folder named on its own is a mistake.
      if (literal) problems.push(`${show(entry)} is a folder: name the files in it (such as ${show(`${relative}/*.mp4`)})`);
      excludedAll = false;
      continue;
    }
    excludedAll = false;
    const problem =
      (await throughSymlink(root, relative, info.isSymbolicLink(), symlinkedFolders)) ?? (await checkFile(absolutePath, relative, info));
    if (typeof problem === 'string') {
      problems.push(problem);
      continue;
    }
    files.push({ path: relative, absolutePath, size: info.size, kind: problem.kind });
  }
  if (excludedAll) problems.push('every file the patterns match is excluded by a `!` pattern');
  else if (files.length === 0 && problems.length === 0) problems.push('the patterns match only folders, no file');

  if (problems.length > 0) {
    const head = problems.length === 1 ? problems[0]! : `${problems.length} problems:\n- ${problems.join('\n- ')}`;
    throw new InputError([
      {
        input: 'media',
        message: `Input 'media': ${head}\nNothing was uploaded or ordered. Accepted: files inside the workspace, as paths or glob patterns relative to it (such as videos/**/*.mp4), separated by newlines or commas (a name in double quotes is one literal path); !pattern excludes.`,
      },
    ]);
  }
  return files;
}

/** A pattern relative to the workspace root, `/`-separated, or why it cannot be one. */
function toWorkspacePattern(raw: string, root: string): string | { problem: string } {
  if (raw === '') return { problem: 'is an empty pattern' };
  if (/\p{Cc}/u.test(raw)) return { problem: 'contains control characters' };
  let pattern = raw;
  if (path.isAbsolute(pattern) || /^[A-Za-z]:[\\/]/.test(pattern)) {
    const relative = path.relative(root, pattern);
    if (!isInside(relative)) return { problem: 'is outside the workspace' };
    pattern = relative.split(path.sep).join('/');
  }
  // A backslash escapes the character after it (`\[`, `\*`); Node's glob ignores such escapes
  // on Linux, a one-character class means the same everywhere.
  let escaped = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char !== '\\') {
      escaped += char;
      continue;
    }
    const next = pattern[i + 1];
    if (next === undefined || !/[*?[\]{}!\\,]/.test(next)) return { problem: 'contains a backslash: separate folders with /' };
    escaped += next === '\\' ? '\\\\' : `[${next}]`;
    i += 1;
  }
  const segments = escaped.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) return { problem: 'goes up with `..`: media files must be inside the workspace' };
  if (segments.length === 0) return { problem: 'names the workspace itself' };
  return segments.join('/');
}

/** A quoted entry: a literal path relative to the workspace root, `/`-separated, or why it cannot be one. */
function toWorkspacePath(raw: string, root: string): string | { problem: string } {
  if (raw.trim() === '') return { problem: 'is an empty path' };
  if (/\p{Cc}/u.test(raw)) return { problem: 'contains control characters' };
  let relative = raw;
  if (path.isAbsolute(relative) || /^[A-Za-z]:[\\/]/.test(relative)) {
    const inside = path.relative(root, relative);
    if (!isInside(inside)) return { problem: 'is outside the workspace' };
    relative = inside.split(path.sep).join('/');
  }
  if (relative.includes('\\')) return { problem: 'contains a backslash: separate folders with /' };
  const segments = relative.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) return { problem: 'goes up with `..`: media files must be inside the workspace' };
  if (segments.length === 0) return { problem: 'names the workspace itself' };
  return segments.join('/');
}

/** A path relative to the workspace that stays inside it (`..d.mp4` does; `..` and `../x` do not). */
function isInside(relative: string): boolean {
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** Why a matched workspace-relative path cannot be a media file, by its name alone. */
function badName(relative: string): string | undefined {
  if (INVISIBLE.test(relative)) return 'has control or invisible characters in its name: rename the file';
  if (relative.includes('\\')) return 'has a backslash in its name: rename the file or its folder';
  if (relative.split('/').some((segment) => segment.toLowerCase() === '.git')) return 'is inside .git, which holds no media';
  return undefined;
}

/**
 * `path.matchesGlob` with dot files matched as ordinary names (Node's has no `dot` option): a
 * leading dot becomes an ordinary character in the path and the pattern alike.
 */
function matchesWithDotFiles(relative: string, pattern: string): boolean {
  const undot = (text: string): string => text.replace(/(^|\/)\./g, '$1\uE000');
  return path.matchesGlob(undot(relative), undot(pattern));
}

/** Why a path is refused for a symbolic link on the way (a folder or the file itself), or undefined. */
async function throughSymlink(root: string, relative: string, isLink: boolean, cache: Map<string, boolean>): Promise<string | undefined> {
  const parts = relative.split('/');
  for (let i = 1; i < parts.length; i++) {
    const folder = parts.slice(0, i).join('/');
    let linked = cache.get(folder);
    if (linked === undefined) {
      linked = (await lstat(path.join(root, ...parts.slice(0, i))).catch(() => undefined))?.isSymbolicLink() ?? false;
      cache.set(folder, linked);
    }
    if (linked)
      return `${show(relative)} is reached through the symbolic link ${show(folder)}: files outside the workspace or behind links are refused`;
  }
  if (isLink) return `${show(relative)} is a symbolic link: name the file it points to (or exclude it with !${relative})`;
  return undefined;
}

/** The file's kind, or why Ollang would refuse it. */
async function checkFile(
  absolutePath: string,
  relative: string,
  info: { size: number; isFile(): boolean },
): Promise<string | { kind: MediaKind }> {
  if (!info.isFile()) return `${show(relative)} is not a regular file`;
  if (info.size > 0 && info.size < LFS_POINTER_MAX_BYTES && (await isLfsPointer(absolutePath))) {
    return `${show(relative)} is a Git LFS pointer, not the media itself: check out with \`lfs: true\` on actions/checkout`;
  }
  const format = formatOf(relative);
  if (format === undefined) {
    const extension = extensionOf(relative);
    return extension === ''
      ? `${show(relative)} has no extension: Ollang needs one to know the format`
      : `${show(relative)}: Ollang does not take .${extension} files (it takes video: MP4 MOV AVI WMV FLV MKV; audio: MP3 WAV AAC M4A FLAC OGG; documents, images and subtitles)`;
  }
  if (info.size === 0) return `${show(relative)} is empty`;
  const limit = LIMIT_BYTES[format.kind];
  if (info.size > limit) {
    return `${show(relative)} is ${formatBytes(info.size)}, over Ollang's limit of ${formatBytes(limit)} for ${format.kind === 'document' ? 'documents' : `${format.kind} files`}`;
  }
  return { kind: format.kind };
}

async function isLfsPointer(absolutePath: string): Promise<boolean> {
  const file = await open(absolutePath, 'r');
  try {
    const head = Buffer.alloc(LFS_POINTER_START.length);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString('latin1') === LFS_POINTER_START;
  } finally {
    await file.close();
  }
}

/** Quotes a pattern or path for a message: control and bidi characters escaped, cut to 120 characters. */
function show(text: string): string {
  const escaped = [...text]
    .slice(0, 120)
    .map((char) =>
      char === '"' || char === '\\'
        ? `\\${char}`
        : INVISIBLE.test(char)
          ? `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`
          : char,
    )
    .join('');
  return `"${escaped}${[...text].length > 120 ? '…' : ''}"`;
}
