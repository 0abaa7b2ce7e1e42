/**
 * Makes file names that come from the API (document names, order names) safe to write inside
 * an output folder, on Linux, macOS and Windows runners alike.
 *
 * safeFileName's output:
 * - has no path separators (`/`, `\`: segments that are empty, `.` or `..` are dropped, the others
 *   joined with `_`), no Windows-reserved characters (`<>:"|?*`), no control
 *   characters (C0, DEL, C1), no bidi or zero-width format characters, no lone surrogates;
 * - does not start with a dot (no hidden files, never `.` or `..`) or a space, does not end
 *   with a dot or a space (Windows drops those);
 * - is not a Windows device name (CON, PRN, AUX, NUL, CONIN$, CONOUT$, COM0..9, LPT0..9, with any extension);
 * - is NFC-normalised and at most `maxBytes` UTF-8 bytes, cut at a code point boundary and
 *   keeping a short extension (`.srt`) when it has to be shortened;
 * - is never empty (the fallback, made safe the same way, takes its place);
 * - is a fixed point: safeFileName(safeFileName(x)) === safeFileName(x).
 */

export interface SafeFileNameOptions {
  /** Used when nothing usable is left of the name. Default 'file'. */
  fallback?: string;
  /** Largest UTF-8 byte length of the result. Default 200 (most file systems allow 255). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 200;
const DEFAULT_FALLBACK = 'file';

/** Whitespace-like controls become a space; other controls and invisible format characters go. */
const CONTROL_AS_SPACE = /[\t\n\v\f\r\u0085\u2028\u2029]/gu;
const CONTROL_REMOVED = /[\p{Cc}\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSAFE_CHARS = /[/\\<>:"|?*]/gu;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(?=[\s.]|$)/iu;
/** A short alphanumeric extension worth keeping when the name is shortened. */
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;

const encoder = new TextEncoder();
const byteLength = (text: string): number => encoder.encode(text).length;

export function safeFileName(name: string, options: SafeFileNameOptions = {}): string {
  const maxBytes = Math.max(1, Math.floor(options.maxBytes ?? DEFAULT_MAX_BYTES));
  const result = fixedPoint(typeof name === 'string' ? name : '', maxBytes);
  if (result !== '') return result;
  const fallback = fixedPoint(options.fallback ?? DEFAULT_FALLBACK, maxBytes);
  return fallback !== '' ? fallback : fixedPoint(DEFAULT_FALLBACK, maxBytes);
}

/** Applies `clean` until nothing changes, so the result is stable (idempotent). */
function fixedPoint(name: string, maxBytes: number): string {
  let current = name;
  for (let round = 0; round < 8; round += 1) {
    const next = clean(current, maxBytes);
    if (next === current) return next;
    current = next;
  }
  // Not expected; a conservative ASCII-only form is stable under clean().
  return clean(current.replace(/[^A-Za-z0-9._ -]/gu, '_'), maxBytes);
}

function clean(input: string, maxBytes: number): string {
  let name = input.replace(LONE_SURROGATE, '_').normalize('NFC');
  name = name.replace(CONTROL_AS_SPACE, ' ').replace(CONTROL_REMOVED, '');
  // Path segments that are empty, `.` or `..` go; the rest are joined with `_`.
  name = name
    .split(/[/\\]/u)
    .filter((segment) => !/^[\s.]*$/u.test(segment))
    .join('_');
  name = name.replace(UNSAFE_CHARS, '_');
  name = name.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  name = truncate(name, maxBytes);
  return name.replace(/[\s.]+$/u, '');
}

/** Cuts to `maxBytes` UTF-8 bytes at a code point boundary, keeping a short extension if it fits. */
function truncate(name: string, maxBytes: number): string {
  if (byteLength(name) <= maxBytes) return name;
  const extension = EXTENSION.exec(name)?.[0] ?? '';
  const extensionBytes = byteLength(extension);
  if (extension !== '' && extensionBytes < maxBytes && name.length > extension.length) {
    const stem = cutBytes(name.slice(0, name.length - extension.length), maxBytes - extensionBytes).replace(/[\s.]+$/u, '');
    if (stem !== '') return stem + extension;
  }
  return cutBytes(name, maxBytes);
}

/** The longest start of `text` that fits in `budget` UTF-8 bytes, cut at a code point boundary. */
export function cutBytes(text: string, budget: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = byteLength(char);
    if (used + size > budget) break;
    out += char;
    used += size;
  }
  return out;
}

/** Splits "name.srt" into ["name", ".srt"]; no extension -> [name, '']. */
export function splitExtension(name: string): [stem: string, extension: string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

/**
 * Returns `name`, or "stem (2).ext", "stem (3).ext", ... when a name equal to it ignoring letter
 * case is in `taken` (case-insensitive file systems). Adds the result, lower-cased, to `taken`.
 */
export function uniqueFileName(name: string, taken: Set<string>): string {
  const key = (text: string): string => text.normalize('NFC').toLowerCase();
  if (!taken.has(key(name))) {
    taken.add(key(name));
    return name;
  }
  const [stem, extension] = splitExtension(name);
  for (let n = 2; ; n += 1) {
    const candidate = `${stem} (${n})${extension}`;
    if (!taken.has(key(candidate))) {
      taken.add(key(candidate));
      return candidate;
    }
  }
}

/** Subtitle and caption formats Ollang delivers (and their common relatives). */
export const SUBTITLE_EXTENSIONS: ReadonlySet<string> = new Set([
  'srt',
  'vtt',
  'webvtt',
  'ass',
  'ssa',
  'stl',
  'scc',
  'dfxp',
  'ttml',
  'itt',
  'sbv',
  'sub',
  'smi',
]);

/**
 * Makes `name` end with `extension` (given with or without the dot, matched in any letter case):
 * - already ends with it: unchanged ("Fr.SRT" stays);
 * - ends with a different subtitle extension: replaced ("fr.vtt" -> "fr.srt", the content decides);
 * - anything else, including no extension: appended ("Episode 1.final" -> "Episode 1.final.srt").
 * An empty name becomes "file.<extension>".
 */
export function ensureExtension(name: string, extension: string): string {
  const wanted = extension.replace(/^\.+/u, '');
  if (wanted === '') return name;
  const base = name.replace(/[\s.]+$/u, '') || DEFAULT_FALLBACK;
  const [stem, current] = splitExtension(base);
  const currentBare = current.slice(1).toLowerCase();
  if (currentBare === wanted.toLowerCase()) return base;
  if (currentBare !== '' && SUBTITLE_EXTENSIONS.has(currentBare)) return `${stem}.${wanted}`;
  return `${base}.${wanted}`;
}
