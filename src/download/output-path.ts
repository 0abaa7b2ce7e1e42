/**
 * The `output-path` input: a template for each downloaded file's path, relative to the workspace
 * (see docs/architecture.md, "Media from the repository"). Placeholders:
 *
 *   {language}    the target language code as given in target-languages
 *   {ext}         the file's extension without the dot (srt, vtt, mp3, …)
 *   {name}        the file's own name from Ollang, made safe, without its extension
 *   {output-dir}  the output-dir input (a whole folder of the path)
 *   {media-dir}   the media file's folder, workspace-relative, `.` at the root (a whole folder; only with media)
 *   {media-name}  the media file's name without its extension (only with media)
 *   {order-id}    the order's ID
 *
 * Defaults: `{media-dir}/{media-name}.{language}.{ext}` with media (beside the video, where web
 * players and site generators look: videos/intro.fr.vtt), `{output-dir}/{language}/{name}.{ext}`
 * without (the v1 layout).
 *
 * Parsing reports every problem of the template at once as an InputError naming `output-path`.
 * Rendering makes every value a safe file name (file-names.ts) before it goes in, and keeps the
 * result inside the workspace. A path segment has room for 200 bytes: the fixed parts (the text
 * of the template, `{language}`, `{ext}`, `{order-id}`) are counted first, and only the names
 * (`{name}`, `{media-name}`) are shortened to fit, so a long media name never costs a file its
 * language. The planner never hands out a media file's path nor one path twice in a run: the
 * later file gets " (2)" before its extension, and a warning. Media files whose outputs would
 * share paths (`intro.mov` and `intro.mp4` beside each other) are told apart before anything is
 * downloaded by outputSuffixes, from the files on disk: each one's outputs carry its extension,
 * " (mp4)", the same whichever files are in the run.
 *
 * Before any request, checkOutputPaths renders every media file's paths once, and
 * outputsAmongMedia tells which matched media files are the action's own outputs (a dubbed
 * `videos/intro.fr.mp4` beside `videos/intro.mp4`), which must not be localized in turn.
 *
 * What this module cannot see is checked when the file is written (src/download/downloader.ts):
 * no existing folder on the way from the workspace to the file may be a symbolic link (each
 * segment lstat'ed, missing ones created one at a time), the file itself must not be one, and
 * it is written to a temporary name in its folder and renamed over the old file only once whole.
 */
import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../inputs.ts';
import type { DownloadKind } from '../settings.ts';
import { extensionOf, formatOf } from '../media/formats.ts';
import { cutBytes, safeFileName, splitExtension, uniqueFileName } from './file-names.ts';
import { inGitFolder } from './target.ts';

export type Placeholder = 'language' | 'ext' | 'name' | 'output-dir' | 'media-dir' | 'media-name' | 'order-id';

const PLACEHOLDERS: readonly Placeholder[] = ['language', 'ext', 'name', 'output-dir', 'media-dir', 'media-name', 'order-id'];
/** Placeholders that stand for folders: each must be a whole segment of the path. */
const FOLDER_PLACEHOLDERS: ReadonlySet<Placeholder> = new Set(['output-dir', 'media-dir']);

export const DEFAULT_OUTPUT_PATH_WITH_MEDIA = '{media-dir}/{media-name}.{language}.{ext}';
export const DEFAULT_OUTPUT_PATH = '{output-dir}/{language}/{name}.{ext}';

type Token = { literal: string } | { placeholder: Placeholder };

export interface OutputPathTemplate {
  /** The template as written (or the default). */
  text: string;
  /** Path segments, each a list of tokens. */
  segments: Token[][];
  usesMedia: boolean;
}

export interface OutputPathValues {
  language: string;
  ext: string;
  name: string;
  /** Workspace-relative, `/`-separated (inputs.ts has checked it stays inside). */
  outputDir: string;
  orderId: string;
  /** Workspace-relative folder of the media file, `.` at the root. */
  mediaDir?: string;
  /** The media file's name without its extension. */
  mediaName?: string;
  /** The media file (workspace-relative) the file is for: it decides the numbering of shared paths. */
  media?: string;
}

/** A path segment's room, in UTF-8 bytes (most file systems allow 255). */
const SEGMENT_BYTES = 200;
/** The least a shortened name keeps. */
const MIN_NAME_BYTES = 16;
/** Placeholders whose values may be shortened to fit (names); the others are kept whole. */
const SHORTENED: ReadonlySet<Placeholder> = new Set(['name', 'media-name']);

/** Parses and checks `text` (empty: the default for `hasMedia`); every problem in one InputError. */
export function parseOutputPath(text: string, options: { hasMedia: boolean }): OutputPathTemplate {
  const template = text.trim() === '' ? (options.hasMedia ? DEFAULT_OUTPUT_PATH_WITH_MEDIA : DEFAULT_OUTPUT_PATH) : text.trim();
  const problems: string[] = [];
  if (/\p{Cc}/u.test(template)) problems.push('contains control characters');
  if (template.startsWith('/') || template.startsWith('\\') || /^[A-Za-z]:/.test(template))
    problems.push('is an absolute path: it must be relative to the workspace');
  if (template.startsWith('~')) problems.push("starts with '~', which is not expanded to a home folder");
  if (template.includes('\\')) problems.push('contains a backslash: separate folders with /');
  if (template.endsWith('/')) problems.push('ends with /: the last part is the file name');

  const segments: Token[][] = [];
  const seen = new Set<Placeholder>();
  for (const raw of template.split('/')) {
    if (raw === '' || raw === '.') continue;
    if (raw === '..') {
      problems.push('goes up with `..`: files must stay inside the workspace');
      continue;
    }
    if (raw.toLowerCase() === '.git') problems.push('writes into .git');
    const tokens: Token[] = [];
    const pattern = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
    for (const match of raw.matchAll(pattern)) {
      if (match[3] !== undefined) {
        problems.push(`has an unmatched '${match[3]}' in ${quote(raw)}`);
      } else if (match[2] !== undefined) {
        tokens.push({ literal: match[2] });
      } else {
        const name = match[1]!;
        const placeholder = PLACEHOLDERS.find((p) => p === name);
        if (placeholder === undefined) {
          problems.push(`has an unknown placeholder {${name}}`);
          continue;
        }
        seen.add(placeholder);
        if (FOLDER_PLACEHOLDERS.has(placeholder) && raw !== `{${placeholder}}`) {
          problems.push(`{${placeholder}} must be a whole folder of the path, between slashes (as in {${placeholder}}/…)`);
        }
        tokens.push({ placeholder });
      }
    }
    segments.push(tokens);
  }
  const last = segments.at(-1);
  if (last !== undefined && last.length === 1 && 'placeholder' in last[0]! && FOLDER_PLACEHOLDERS.has(last[0].placeholder)) {
    problems.push(`ends with {${last[0].placeholder}}: the last part is the file name`);
  }
  if (segments.length === 0) problems.push('names no file');
  if (!seen.has('language')) problems.push('has no {language}: the files of different languages would overwrite each other');
  const usesMedia = seen.has('media-dir') || seen.has('media-name');
  if (usesMedia && !options.hasMedia) problems.push('uses {media-dir} or {media-name}, which exist only with the media input');

  if (problems.length > 0) {
    const accepted = `a path relative to the workspace made of folders and placeholders ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}, with {language} in it, such as ${DEFAULT_OUTPUT_PATH_WITH_MEDIA} or ${DEFAULT_OUTPUT_PATH}`;
    const head =
      problems.length === 1
        ? `${quote(template)} ${problems[0]}`
        : `${quote(template)} has ${problems.length} problems: ${problems.join('; ')}`;
    throw new InputError([{ input: 'output-path', message: `Input 'output-path': ${head}. Accepted: ${accepted}.` }]);
  }
  return { text: template, segments, usesMedia };
}

/** The extensions a fixed one may be, for each kind of download (documents: whatever Ollang sends). */
const FIXED_EXTENSIONS: Readonly<Record<DownloadKind, ReadonlySet<string> | undefined>> = {
  subtitles: new Set(['srt']),
  vtt: new Set(['vtt']),
  dubbing: new Set(['mp3', 'mp4', 'wav', 'm4a', 'aac', 'ogg', 'flac', 'mov', 'mkv', 'webm']),
  documents: undefined,
};

/**
 * Why a template without `{ext}` cannot hold what `download` takes, or undefined: with more
 * than one kind of file, one fixed extension (or none) would be a lie for some of them (SRT text
 * saved as `intro.fr.vtt`, the real VTT pushed to `intro.fr (2).vtt`); with one kind, a fixed
 * extension must be that kind's.
 */
export function extensionProblem(template: OutputPathTemplate, download: ReadonlySet<DownloadKind>): string | undefined {
  const last = template.segments.at(-1) ?? [];
  if (template.segments.some((tokens) => tokens.some((t) => 'placeholder' in t && t.placeholder === 'ext'))) return undefined;
  const tail = last.at(-1);
  const fixed =
    tail !== undefined && 'literal' in tail && /\.([^.]+)$/u.test(tail.literal) ? /\.([^.]+)$/u.exec(tail.literal)![1]!.toLowerCase() : '';
  const kinds = [...download];
  if (kinds.length > 1) {
    return `${quote(template.text)} has no {ext}, and download takes ${kinds.join(', ')}: files of different formats would be saved under ${fixed === '' ? 'no extension' : `.${fixed}`}. Put {ext} where the extension goes (such as {media-dir}/{media-name}.{language}.{ext}), or set download to one kind`;
  }
  const allowed = kinds[0] === undefined ? undefined : FIXED_EXTENSIONS[kinds[0]];
  if (fixed !== '' && allowed !== undefined && !allowed.has(fixed)) {
    return `${quote(template.text)} saves ${kinds[0]} files as .${fixed}, which they are not. Put {ext} where the extension goes`;
  }
  return undefined;
}

/**
 * The workspace-relative path (`/`-separated) of one file. Each value is made a safe file name
 * before it goes in; `{output-dir}` and `{media-dir}` are kept as folders, each of their parts
 * checked. Throws when the result would leave the workspace or a value is unusable.
 */
export function renderOutputPath(template: OutputPathTemplate, values: OutputPathValues): string {
  const parts: string[] = [];
  const last = template.segments.length - 1;
  template.segments.forEach((tokens, index) => {
    const only = tokens.length === 1 ? tokens[0]! : undefined;
    if (only !== undefined && 'placeholder' in only && FOLDER_PLACEHOLDERS.has(only.placeholder)) {
      const folder = only.placeholder === 'output-dir' ? values.outputDir : values.mediaDir;
      if (folder === undefined) throw new Error(`output-path: {${only.placeholder}} has no value for this file`);
      for (const part of folder.split('/')) {
        if (part === '' || part === '.') continue;
        if (part === '..' || part.toLowerCase() === '.git' || /\p{Cc}/u.test(part) || part.includes('\\')) {
          throw new Error(`output-path: {${only.placeholder}} ${quote(folder)} cannot be used as a folder inside the workspace`);
        }
        parts.push(part);
      }
      return;
    }
    const segment = renderSegment(tokens, values);
    parts.push(index === last ? safeFileName(segment, { fallback: 'file' }) : segment);
  });
  const relative = path.posix.normalize(parts.join('/'));
  if (!isInside(relative)) throw new Error(`output-path: ${quote(relative)} is outside the workspace`);
  return relative;
}

/**
 * One segment: the fixed values and the template's text first, then the names in the room left
 * (each shortened in proportion to its length when they do not fit).
 */
function renderSegment(tokens: readonly Token[], values: OutputPathValues): string {
  const rendered = tokens.map((token) => ('literal' in token ? token.literal : valueOf(token.placeholder, values)));
  const shortened = tokens.map((token) => 'placeholder' in token && SHORTENED.has(token.placeholder));
  const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
  const fixed = rendered.reduce((sum, text, i) => sum + (shortened[i] ? 0 : bytes(text)), 0);
  const names = rendered.reduce((sum, text, i) => sum + (shortened[i] ? bytes(text) : 0), 0);
  const room = Math.max(MIN_NAME_BYTES, SEGMENT_BYTES - fixed);
  if (names <= room) return rendered.join('');
  return rendered
    .map((text, i) => {
      if (!shortened[i]) return text;
      const share = Math.max(1, Math.floor((bytes(text) / names) * room));
      return cutBytes(text, share).replace(/[\s.]+$/u, '') || cutBytes(text, share);
    })
    .join('');
}
function valueOf(placeholder: Placeholder, values: OutputPathValues): string {
  const safe = (text: string | undefined, fallback: string): string => safeFileName(text ?? '', { fallback });
  switch (placeholder) {
    case 'language':
      return safe(values.language, 'language');
    case 'ext': {
      // No extension: nothing (the file name's trailing dot then goes, as safeFileName drops it).
      const ext = values.ext.replace(/^\.+/, '');
      return ext === '' ? '' : safe(ext, 'bin');
    }
    case 'name':
      return safe(values.name, 'file');
    case 'order-id':
      return safe(values.orderId, 'order');
    case 'media-name':
      if (values.mediaName === undefined) throw new Error('output-path: {media-name} has no value for this file');
      return safe(values.mediaName, 'media');
    case 'output-dir':
    case 'media-dir':
      // Whole-folder placeholders are handled by renderOutputPath (parse guarantees it).
      throw new Error(`output-path: {${placeholder}} must be a whole folder`);
  }
}

export interface PlannedPath {
  /** Workspace-relative, `/`-separated. */
  path: string;
  absolutePath: string;
}

/** A media file and a target language: one order's files. */
export interface OutputTarget {
  /** Workspace-relative media path (undefined without media). */
  media?: string;
  language: string;
}

/**
 * Hands out the output paths of one run: never a media file's path, never one path twice
 * (ignoring letter case, as macOS and Windows runners do): the later file gets " (2)", " (3)", …
 * before its extension, and a warning. A media file in `suffixes` (outputSuffixes: its outputs
 * would share paths with another media file's) has its outputs carry its own suffix, " (mp4)",
 * whichever files are in the run.
 */
export class OutputPathPlanner {
  readonly #template: OutputPathTemplate;
  readonly #workspace: string;
  readonly #warn: (message: string) => void;
  /** Lower-cased folder -> lower-cased names taken in it (uniqueFileName's set). */
  readonly #taken = new Map<string, Set<string>>();
  readonly #media = new Set<string>();
  /** Media file -> the suffix its outputs carry. */
  readonly #suffixes: ReadonlyMap<string, string>;

  constructor(options: {
    template: OutputPathTemplate;
    workspace: string;
    mediaFiles?: readonly string[];
    /** Media file -> its outputs' suffix (outputSuffixes). */
    suffixes?: ReadonlyMap<string, string>;
    warn: (message: string) => void;
  }) {
    this.#template = options.template;
    this.#workspace = path.resolve(options.workspace);
    this.#warn = options.warn;
    this.#suffixes = options.suffixes ?? new Map();
    for (const media of options.mediaFiles ?? []) {
      const normal = path.posix.normalize(media);
      this.#media.add(key(normal));
      this.#names(path.posix.dirname(normal)).add(key(path.posix.basename(normal)));
    }
  }

  /** The path for one file; `what` names it in a warning (such as "order 65f… (fr) German Subtitles.srt"). */
  plan(values: OutputPathValues, what: string): PlannedPath {
    let wanted = renderOutputPath(this.#template, values);
    const suffix = values.media === undefined ? undefined : this.#suffixes.get(values.media);
    if (suffix !== undefined) wanted = withSuffix(wanted, suffix);
    const folder = path.posix.dirname(wanted);
    const name = path.posix.basename(wanted);
    const given = uniqueFileName(name, this.#names(folder));
    const relative = given === name ? wanted : folder === '.' ? given : `${folder}/${given}`;
    if (given !== name) {
      const why = this.#media.has(key(wanted)) ? 'is a media file' : 'is taken by another file of this run';
      this.#warn(`output-path: ${what} would be saved as ${wanted}, which ${why}: saved as ${relative} instead.`);
    }
    const absolutePath = path.resolve(this.#workspace, ...relative.split('/'));
    if (!isInside(path.relative(this.#workspace, absolutePath).split(path.sep).join('/')))
      throw new Error(`output-path: ${quote(relative)} is outside the workspace`);
    return { path: relative, absolutePath };
  }

  #names(folder: string): Set<string> {
    const k = key(folder);
    let names = this.#taken.get(k);
    if (names === undefined) {
      names = new Set();
      this.#taken.set(k, names);
    }
    return names;
  }
}

/**
 * Which media files' outputs carry a suffix, and what it is: a media file whose outputs would
 * share paths with another's (`videos/intro.mov` and `videos/intro.mp4` under the default
 * template) gets its own extension, " (mov)" and " (mp4)", judged from the run's files and the
 * rival files beside them on disk (video and audio rival each other, documents rival documents:
 * a thumbnail or a caption file beside a video does not move its subtitles). The suffix depends
 * only on the files on disk, never on which of them are in the run, so a run over one changed
 * file writes where an earlier run over the whole folder did, and never on another file's path.
 * Files the extension does not tell apart (`Intro.mp4` and `intro.mp4`; `a/intro.mp4` and
 * `b/intro.mp4` under a template without {media-dir}) are problems, named before any request.
 */
export async function outputSuffixes(
  template: OutputPathTemplate,
  options: { workspace: string; outputDir: string; languages: readonly string[]; media: readonly string[] },
): Promise<{ suffixes: Map<string, string>; problems: string[] }> {
  const suffixes = new Map<string, string>();
  const problems: string[] = [];
  if (options.media.length === 0) return { suffixes, problems };
  const workspace = path.resolve(options.workspace);
  const inRun = new Set(options.media);
  const candidates = new Set(options.media);
  const folders = new Set(options.media.map((m) => path.posix.dirname(m)));
  for (const folder of folders) {
    const entries = await readdir(path.join(workspace, ...folder.split('/').filter((p) => p !== '.')), { withFileTypes: true }).catch(
      () => [],
    );
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const sibling = folder === '.' ? entry.name : `${folder}/${entry.name}`;
      if (formatOf(sibling) === undefined || candidates.has(sibling)) continue;
      // A sibling counts only against run files of its own family (video and audio; documents).
      const family = familyOf(sibling);
      if (options.media.some((m) => path.posix.dirname(m) === folder && familyOf(m) === family)) candidates.add(sibling);
    }
  }
  const clashes = new Map<string, Set<string>>();
  for (const language of options.languages) {
    const byShape = new Map<string, string[]>();
    for (const media of candidates) {
      const shape = key(targetShape(template, { media, language }, options.outputDir));
      // {order-id} tells every order's files apart.
      if (shape.includes(ANY_ORDER)) continue;
      byShape.set(shape, [...(byShape.get(shape) ?? []), media]);
    }
    for (const group of byShape.values()) {
      if (group.length < 2 || !group.some((m) => inRun.has(m))) continue;
      for (const media of group) clashes.set(media, new Set([...(clashes.get(media) ?? []), ...group.filter((m) => m !== media)]));
    }
  }
  const reported = new Set<string>();
  for (const [media, rivals] of clashes) {
    if (!inRun.has(media)) continue;
    const suffix = extensionOf(media);
    const alike = [...rivals].filter((rival) => extensionOf(rival) === suffix);
    if (suffix === '' || alike.length > 0) {
      const pair = [media, ...alike].sort(compare);
      if (!reported.has(pair.join('\u0000'))) {
        reported.add(pair.join('\u0000'));
        problems.push(
          `${pair.join(' and ')} would have their outputs saved at the same paths: rename one, or put what tells them apart ({media-dir}, {media-name}) in output-path`,
        );
      }
      continue;
    }
    suffixes.set(media, suffix);
  }
  return { suffixes, problems };
}

/** Video and audio rival each other for output paths; documents rival documents. */
function familyOf(file: string): 'media' | 'document' | undefined {
  const kind = formatOf(file)?.kind;
  return kind === undefined ? undefined : kind === 'document' ? 'document' : 'media';
}

/** Sentinels for the values only a download knows: a target's paths all share this shape. */
const ANY_NAME = '\u0000name\u0000';
const ANY_EXT = '\u0000ext\u0000';
const ANY_ORDER = '\u0000order\u0000';
const OPEN_VALUE = new RegExp(`(${[ANY_NAME, ANY_EXT, ANY_ORDER].join('|')})`, 'u');

/** The target's path with {name}, {ext} and {order-id} left open (sentinels). */
function targetShape(template: OutputPathTemplate, target: OutputTarget, outputDir: string): string {
  const media = target.media === undefined ? undefined : mediaValues(target.media);
  const values: OutputPathValues = { language: target.language, ext: 'x', name: 'x', outputDir, orderId: 'x', ...(media ?? {}) };
  return template.segments
    .map((tokens) =>
      tokens
        .map((token) => {
          if ('literal' in token) return token.literal;
          switch (token.placeholder) {
            case 'name':
              return ANY_NAME;
            case 'ext':
              return ANY_EXT;
            case 'order-id':
              return ANY_ORDER;
            case 'output-dir':
              return values.outputDir;
            case 'media-dir':
              return values.mediaDir ?? '';
            default:
              return valueOf(token.placeholder, values);
          }
        })
        .join(''),
    )
    .join('/');
}

/** {media-dir} and {media-name} of a media file. */
export function mediaValues(media: string): { media: string; mediaDir: string; mediaName: string } {
  const dir = path.posix.dirname(media);
  const [name] = splitExtension(path.posix.basename(media));
  return { media, mediaDir: dir, mediaName: name };
}

/**
 * The matched media files that are this run's own outputs (another media file's path for one of
 * `languages`, whatever its name, extension or order: a dubbed `intro.fr.mp4`, a subtitle under a
 * broad glob), each with the media file and language it is the output of.
 */
export function outputsAmongMedia(
  template: OutputPathTemplate,
  media: readonly string[],
  languages: readonly string[],
  outputDir: string,
): Map<string, { media: string; language: string }> {
  const patterns: { regex: RegExp; media: string; language: string }[] = [];
  for (const source of media) {
    for (const language of languages) {
      const shape = targetShape(template, { media: source, language }, outputDir);
      const pattern = shape
        .split(OPEN_VALUE)
        .map((piece) => (piece === ANY_NAME || piece === ANY_EXT || piece === ANY_ORDER ? '[^/]+' : escapeRegExp(piece)))
        .join('');
      patterns.push({ regex: new RegExp(`^${pattern}$`, 'u'), media: source, language });
    }
  }
  const found = new Map<string, { media: string; language: string }>();
  for (const candidate of media) {
    // A numbered or suffixed output ("intro.fr (2).vtt", "intro.fr (mp4).vtt") is the same output.
    const plain = candidate.replace(/ \([^()/]+\)(\.[^./]*)?$/u, '$1');
    const hit = patterns.find((p) => p.media !== candidate && (p.regex.test(candidate) || p.regex.test(plain)));
    if (hit !== undefined) found.set(candidate, { media: hit.media, language: hit.language });
  }
  return found;
}

/**
 * Renders every media file's output paths (or, without media, each language's) once, before any
 * request, and looks at the folders on the way that exist already: one that is a symbolic link
 * leading out of the workspace or into `.git`, or a file where a folder must be, is a problem named now rather
 * than a paid order whose file cannot be saved. Returns the problems (empty when none).
 */
export async function checkOutputPaths(
  template: OutputPathTemplate,
  options: { workspace: string; outputDir: string; languages: readonly string[]; media?: readonly string[] },
): Promise<string[]> {
  const workspace = path.resolve(options.workspace);
  const realWorkspace = await realpath(workspace).catch(() => workspace);
  const problems: string[] = [];
  const seenFolders = new Map<string, string | undefined>();
  const targets: OutputTarget[] = (options.media ?? [undefined]).flatMap((media) =>
    options.languages.map((language) => ({ ...(media !== undefined ? { media } : {}), language })),
  );
  for (const target of targets) {
    const label = target.media === undefined ? target.language : `${target.media} (${target.language})`;
    let relative: string;
    try {
      relative = renderOutputPath(template, {
        language: target.language,
        ext: 'vtt',
        name: 'subtitles',
        orderId: 'order',
        outputDir: options.outputDir,
        ...(target.media !== undefined ? mediaValues(target.media) : {}),
      });
    } catch (error) {
      problems.push(`${label}: ${(error as Error).message.replace(/^output-path: /, '')}`);
      continue;
    }
    const folders = relative.split('/').slice(0, -1);
    for (let i = 1; i <= folders.length; i++) {
      const folder = folders.slice(0, i).join('/');
      if (!seenFolders.has(folder)) seenFolders.set(folder, await folderProblem(workspace, realWorkspace, folder));
      const problem = seenFolders.get(folder);
      if (problem !== undefined) {
        problems.push(`${label}: ${problem}`);
        break;
      }
    }
  }
  return [...new Set(problems)];
}

/** Why an existing folder on the way cannot hold outputs, or undefined (missing folders are made later). */
async function folderProblem(workspace: string, realWorkspace: string, folder: string): Promise<string | undefined> {
  const absolute = path.join(workspace, ...folder.split('/'));
  const info = await lstat(absolute).catch(() => undefined);
  if (info === undefined) return undefined;
  if (info.isSymbolicLink()) {
    const real = await realpath(absolute).catch(() => undefined);
    if (real === undefined) return `the folder ${folder} is a symbolic link that leads nowhere`;
    const inside = path.relative(realWorkspace, real);
    if (!isInside(inside.split(path.sep).join('/')) && inside !== '')
      return `the folder ${folder} is a symbolic link to a place outside the workspace`;
    if (inGitFolder(realWorkspace, real)) return `the folder ${folder} is a symbolic link into .git`;
    return undefined;
  }
  if (!info.isDirectory()) return `${folder} is a file, not a folder`;
  return undefined;
}

/** "videos/intro.fr.vtt" -> "videos/intro.fr (mp4).vtt" */
function withSuffix(relative: string, suffix: string): string {
  const folder = path.posix.dirname(relative);
  const [stem, extension] = splitExtension(path.posix.basename(relative));
  const name = `${stem} (${suffix})${extension}`;
  return folder === '.' ? name : `${folder}/${name}`;
}

/** A workspace-relative, `/`-separated path that stays inside (`..cache/x` does; `..` and `../x` do not). */
function isInside(relative: string): boolean {
  return relative !== '' && relative !== '..' && !relative.startsWith('../') && !path.posix.isAbsolute(relative);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `{name}` and `{ext}` of a downloaded file name: "German Subtitles.srt" -> ["German Subtitles", "srt"]. */
export function nameAndExtension(fileName: string): { name: string; ext: string } {
  const [stem, extension] = splitExtension(fileName);
  return { name: stem, ext: extension.replace(/^\./, '') };
}

function key(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

function quote(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 119)}…` : text);
}
