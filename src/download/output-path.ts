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
 * Rendering makes every value a safe file name (file-names.ts) before it goes in, keeps the
 * result inside the workspace, and the planner never hands out a media file's path nor one path
 * twice in a run: the later file gets " (2)" before its extension, and a warning.
 *
 * What this module cannot see is checked when the file is written (src/download/downloader.ts):
 * no existing folder on the way from the workspace to the file may be a symbolic link (each
 * segment lstat'ed, missing ones created one at a time), the file itself must not be one, and
 * it is written to a temporary name in its folder and renamed over the old file only once whole.
 */
import path from 'node:path';
import { InputError } from '../inputs.ts';
import { safeFileName, splitExtension, uniqueFileName } from './file-names.ts';

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
}

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

/**
 * The workspace-relative path (`/`-separated) of one file. Each value is made a safe file name
 * before it goes in; `{output-dir}` and `{media-dir}` are kept as folders, each of their parts
 * checked. Throws when the result would leave the workspace or a value is unusable.
 */
export function renderOutputPath(template: OutputPathTemplate, values: OutputPathValues): string {
  const parts: string[] = [];
  for (const tokens of template.segments) {
    const only = tokens.length === 1 ? tokens[0]! : undefined;
    if (only !== undefined && 'placeholder' in only && FOLDER_PLACEHOLDERS.has(only.placeholder)) {
      const folder = only.placeholder === 'output-dir' ? values.outputDir : values.mediaDir;
      if (folder === undefined) throw new Error(`output-path: {${only.placeholder}} has no value for this file`);
      for (const part of folder.split('/')) {
        if (part === '' || part === '.') continue;
        if (part === '..' || /\p{Cc}/u.test(part) || part.includes('\\')) {
          throw new Error(`output-path: {${only.placeholder}} ${quote(folder)} cannot be used as a folder inside the workspace`);
        }
        parts.push(part);
      }
      continue;
    }
    let segment = '';
    for (const token of tokens) segment += 'literal' in token ? token.literal : valueOf(token.placeholder, values);
    parts.push(segment);
  }
  const fileName = safeFileName(parts.pop() ?? '', { fallback: 'file' });
  const relative = path.posix.normalize([...parts, fileName].join('/'));
  if (relative.startsWith('../') || relative === '..' || path.posix.isAbsolute(relative)) {
    throw new Error(`output-path: ${quote(relative)} is outside the workspace`);
  }
  return relative;
}

function valueOf(placeholder: Placeholder, values: OutputPathValues): string {
  const safe = (text: string | undefined, fallback: string): string => safeFileName(text ?? '', { fallback });
  switch (placeholder) {
    case 'language':
      return safe(values.language, 'language');
    case 'ext':
      return safe(values.ext.replace(/^\.+/, ''), 'bin');
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

/**
 * Hands out the output paths of one run: never a media file's path, never one path twice
 * (ignoring letter case, as macOS and Windows runners do): the later file gets " (2)", " (3)", …
 * before its extension, and a warning.
 */
export class OutputPathPlanner {
  readonly #template: OutputPathTemplate;
  readonly #workspace: string;
  readonly #warn: (message: string) => void;
  /** Lower-cased folder -> lower-cased names taken in it (uniqueFileName's set). */
  readonly #taken = new Map<string, Set<string>>();
  readonly #media = new Set<string>();

  constructor(options: {
    template: OutputPathTemplate;
    workspace: string;
    mediaFiles?: readonly string[];
    warn: (message: string) => void;
  }) {
    this.#template = options.template;
    this.#workspace = path.resolve(options.workspace);
    this.#warn = options.warn;
    for (const media of options.mediaFiles ?? []) {
      const normal = path.posix.normalize(media);
      this.#media.add(key(normal));
      this.#names(path.posix.dirname(normal)).add(key(path.posix.basename(normal)));
    }
  }

  /** The path for one file; `what` names it in a warning (such as "order 65f… (fr) German Subtitles.srt"). */
  plan(values: OutputPathValues, what: string): PlannedPath {
    const wanted = renderOutputPath(this.#template, values);
    const folder = path.posix.dirname(wanted);
    const name = path.posix.basename(wanted);
    const given = uniqueFileName(name, this.#names(folder));
    const relative = given === name ? wanted : folder === '.' ? given : `${folder}/${given}`;
    if (given !== name) {
      const taken = this.#media.has(key(wanted)) ? 'is a media file' : 'is taken by another file of this run';
      this.#warn(`output-path: ${what} would be saved as ${wanted}, which ${taken}: saved as ${relative} instead.`);
    }
    const absolutePath = path.resolve(this.#workspace, ...relative.split('/'));
    const inside = path.relative(this.#workspace, absolutePath);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside))
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
