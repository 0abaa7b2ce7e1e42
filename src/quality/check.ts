/**
 * The subtitle quality check (docs/quality.md): one saved SRT or WebVTT file in, its findings
 * out, in the shape of the `quality` output. Pure: the caller reads the file and reports.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { countLine, firstCharacters, showsText, visibleText } from './characters.ts';
import { limitsFor } from './limits.ts';
import type { LanguageLimits, LimitOverride, LimitRule } from './limits.ts';
import { formatTime, parseSubtitle } from './parse.ts';
import type { Cue, SubtitleFormat, SubtitleLines } from './parse.ts';

export type { SubtitleFormat } from './parse.ts';

export type ErrorRule = 'not-utf8' | 'no-cues' | 'unparseable' | 'end-before-start' | 'out-of-order' | 'overlap';
export type WarningRule = LimitRule | 'empty-cue' | 'sequence-number';
export type QualityRule = ErrorRule | WarningRule;

/** One problem, as the `quality` output lists it. */
export interface QualityFinding {
  rule: QualityRule;
  severity: 'error' | 'warning';
  /** 1-based line in the file. */
  line: number;
  message: string;
}

/** One checked file, as the `quality` output lists it. Findings come most important first. */
export interface FileQuality {
  /** Workspace-relative path, posix separators. */
  file: string;
  language: string;
  /** Cues read (those whose timing could be read). */
  cues: number;
  errors: number;
  warnings: number;
  findings: QualityFinding[];
}

export interface SubtitleToCheck {
  /** The file's bytes as saved. */
  bytes: Uint8Array;
  /** Workspace-relative path, for the result and the annotations. */
  file: string;
  /** Target language code (`fr`, `pt-BR`, `zh-TW`): picks the limits. */
  language: string;
  format: SubtitleFormat;
  /** Parsed `quality-rules` (src/quality/rules.ts). */
  overrides?: readonly LimitOverride[];
}

/** The format a saved file is checked as, from its extension; `undefined`: not a subtitle file the check reads. */
export function subtitleFormatOf(file: string): SubtitleFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  return extension === 'srt' || extension === 'vtt' ? extension : undefined;
}

const ERROR_ORDER: readonly ErrorRule[] = ['not-utf8', 'no-cues', 'unparseable', 'end-before-start', 'out-of-order', 'overlap'];

interface Ranked {
  finding: QualityFinding;
  /** Errors: their rule's place in ERROR_ORDER. Warnings: how far past the limit (2 = twice the limit). */
  weight: number;
}

export function checkSubtitle(input: SubtitleToCheck): FileQuality {
  const { format } = input;
  const limits = limitsFor(input.language, input.overrides);
  const ranked: Ranked[] = [];
  const error = (rule: ErrorRule, line: number, message: string): void => {
    ranked.push({ finding: { rule, severity: 'error', line, message }, weight: ERROR_ORDER.indexOf(rule) });
  };
  const warning = (rule: WarningRule, line: number, message: string, weight: number): void => {
    ranked.push({ finding: { rule, severity: 'warning', line, message }, weight });
  };

  const decoded = decode(input.bytes);
  if (decoded.notUtf8 !== undefined) error('not-utf8', decoded.notUtf8.line, decoded.notUtf8.message);

  const parsed = parseSubtitle(decoded.text, format);
  for (const finding of parsed.findings) {
    if (finding.rule === 'unparseable') error('unparseable', finding.line, finding.message);
    else warning(finding.rule, finding.line, finding.message, 1);
  }
  if (parsed.cues.length === 0 && !parsed.wrongFormat && !parsed.findings.some((finding) => finding.severity === 'error')) {
    error('no-cues', 1, 'the file has no cues: nothing would be shown');
  }

  checkTiming(parsed.cues, format, limits, error, warning);
  for (const cue of parsed.cues) checkText(cue, parsed.lines, limits, warning);

  ranked.sort(
    (a, b) =>
      (a.finding.severity === b.finding.severity ? 0 : a.finding.severity === 'error' ? -1 : 1) ||
      (a.finding.severity === 'error' ? a.weight - b.weight : b.weight - a.weight) ||
      a.finding.line - b.finding.line,
  );
  const findings = ranked.map((item) => item.finding);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { file: input.file, language: input.language, cues: parsed.cues.length, errors, warnings: findings.length - errors, findings };
}

// ------------------------------------------------------------------ text encoding

const utf8 = new TextDecoder('utf-8');

function startsWithBom(bytes: Uint8Array, at: number): boolean {
  return bytes.length >= at + 3 && bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf;
}

/** The text, and where it stops being UTF-8 (the check goes on with U+FFFD in place of the bad bytes). */
function decode(bytes: Uint8Array): { text: string; notUtf8?: { line: number; message: string } } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return {
      text: new TextDecoder(encoding).decode(bytes.subarray(2)),
      notUtf8: {
        line: 1,
        message: `the file is ${encoding.toUpperCase()} (it starts with that byte order mark), not UTF-8: save it as UTF-8`,
      },
    };
  }
  const body = startsWithBom(bytes, 0) ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) {
    // Node's validator and decoder (simdutf) are native code: about 10x faster than TextDecoder's
    // fatal mode here, and they need no warm-up. TextDecoder would drop one more BOM: so does this.
    const from = startsWithBom(body, 0) ? 3 : 0;
    return { text: Buffer.from(body.buffer, body.byteOffset + from, body.byteLength - from).toString('utf8') };
  }
  const text = utf8.decode(body);
  const offset = firstInvalidUtf8(body);
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (body[i] === 0x0a || (body[i] === 0x0d && body[i + 1] !== 0x0a)) line++;
  }
  return {
    text,
    notUtf8: {
      line,
      message:
        `the text is not UTF-8 (byte 0x${body[offset]!.toString(16).padStart(2, '0')} at offset ${offset + (body === bytes ? 0 : 3)}): ` +
        'probably a legacy code page such as Windows-1252; save the file as UTF-8',
    },
  };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (byte < 0x80) length = 1;
    else if (byte >= 0xc2 && byte <= 0xdf) length = 2;
    else if (byte >= 0xe0 && byte <= 0xef) {
      length = 3;
      if (byte === 0xe0) min = 0xa0;
      if (byte === 0xed) max = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 4;
      if (byte === 0xf0) min = 0x90;
      if (byte === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? min : 0x80) || next > (k === 1 ? max : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}

// ------------------------------------------------------------------ rules

type ReportError = (rule: ErrorRule, line: number, message: string) => void;
type ReportWarning = (rule: WarningRule, line: number, message: string, weight: number) => void;

function checkTiming(
  cues: readonly Cue[],
  format: SubtitleFormat,
  { limits, language }: LanguageLimits,
  error: ReportError,
  warning: ReportWarning,
): void {
  const time = (ms: number): string => formatTime(ms, format);
  let previous: Cue | undefined;
  /** The cue shown longest so far: overlaps and gaps are measured to its end. */
  let latest: Cue | undefined;
  for (const cue of cues) {
    const duration = cue.endMs - cue.startMs;
    if (duration < 0) error('end-before-start', cue.line, `the cue ends at ${time(cue.endMs)}, before it starts at ${time(cue.startMs)}`);
    else if (duration === 0) error('end-before-start', cue.line, `the cue ends when it starts (${time(cue.startMs)}): it is never shown`);

    if (previous !== undefined && cue.startMs < previous.startMs) {
      error(
        'out-of-order',
        cue.line,
        `the cue starts at ${time(cue.startMs)}, before the cue at line ${previous.line} (${time(previous.startMs)}): cues must be in time order`,
      );
    } else if (latest !== undefined && cue.startMs < latest.endMs && duration > 0) {
      error(
        'overlap',
        cue.line,
        `the cue starts at ${time(cue.startMs)} while the cue at line ${latest.line} is still shown (until ${time(latest.endMs)})`,
      );
    } else if (latest !== undefined && duration > 0) {
      const gap = cue.startMs - latest.endMs;
      const minGap = limits['min-gap'];
      if (minGap !== undefined && gap < minGap) {
        warning(
          'min-gap',
          cue.line,
          `${gap} ms after the cue at line ${latest.line} ends, less than the ${minGap} ms ${limitFor(language)}`,
          minGap / Math.max(gap, minGap / 100),
        );
      }
    }

    if (duration > 0) {
      const minDuration = limits['min-duration'];
      const maxDuration = limits['max-duration'];
      if (minDuration !== undefined && duration < minDuration) {
        warning(
          'min-duration',
          cue.line,
          `on screen for ${seconds(duration)}, less than the ${seconds(minDuration)} ${limitFor(language)}`,
          minDuration / duration,
        );
      } else if (maxDuration !== undefined && duration > maxDuration) {
        warning(
          'max-duration',
          cue.line,
          `on screen for ${seconds(duration)}, more than the ${seconds(maxDuration)} ${limitFor(language)}`,
          duration / maxDuration,
        );
      }
    }

    const outOfOrder = previous !== undefined && cue.startMs < previous.startMs;
    previous = cue;
    // Overlaps and gaps are measured along the time line; a cue out of order starts it again, so
    // that the cues after it are not all taken for overlaps of the misplaced one.
    if (latest === undefined || outOfOrder || cue.endMs > latest.endMs) latest = cue;
  }
}

function checkText(
  cue: Cue,
  lines: SubtitleLines,
  { limits, language, halfWidthCountsHalf }: LanguageLimits,
  warning: ReportWarning,
): void {
  const maxLineLength = limits['max-line-length'];
  const maxLines = limits['max-lines'];
  const maxCps = limits['max-cps'];
  const duration = cue.endMs - cue.startMs;

  // Upper bounds first. A line never counts more characters than it has UTF-16 code units
  // (markup, entities, invisible characters, marks and surrogate pairs only lower the count), so
  // a cue whose code units are within every limit cannot break one: all that is left to know is
  // whether anything shows. Most cues of a delivered file end here, without a character counted.
  let units = 0;
  let longest = 0;
  for (let index = cue.line; index < cue.line + cue.textLines; index++) {
    const length = lines.ends[index]! - lines.starts[index]!;
    units += length;
    if (length > longest) longest = length;
  }
  if (
    (maxLineLength === undefined || longest <= maxLineLength) &&
    (maxLines === undefined || cue.textLines <= maxLines) &&
    (maxCps === undefined || duration <= 0 || units / (duration / 1000) <= maxCps)
  ) {
    for (let index = cue.line; index < cue.line + cue.textLines; index++) {
      if (showsText(lines.text, halfWidthCountsHalf, lines.starts[index], lines.ends[index])) return;
    }
    warning('empty-cue', cue.line, EMPTY_CUE, 10);
    return;
  }

  let total = 0;
  let shown = 0;
  let firstOverLimit: number | undefined;
  for (let k = 0; k < cue.textLines; k++) {
    const index = cue.line + k;
    const count = countLine(lines.text, halfWidthCountsHalf, lines.starts[index], lines.ends[index]);
    if (count === 0) continue; // markup or white space only: nothing shows
    shown++;
    total += count;
    if (maxLineLength !== undefined && count > maxLineLength) {
      warning(
        'max-line-length',
        cue.line + 1 + k,
        `${number(count)} characters on this line, more than the ${maxLineLength} ${limitFor(language)}: ${snippet(visibleText(lines.at(index)))}`,
        count / maxLineLength,
      );
    }
    if (maxLines !== undefined && shown === maxLines + 1) firstOverLimit = cue.line + 1 + k;
  }
  if (shown === 0) {
    warning('empty-cue', cue.line, EMPTY_CUE, 10);
    return;
  }
  if (maxLines !== undefined && firstOverLimit !== undefined) {
    warning('max-lines', firstOverLimit, `the cue has ${shown} lines, more than the ${maxLines} ${limitFor(language)}`, shown / maxLines);
  }
  if (maxCps !== undefined && duration > 0) {
    const cps = total / (duration / 1000);
    if (cps > maxCps) {
      warning(
        'max-cps',
        cue.line,
        `${cps.toFixed(1)} characters a second (${number(total)} characters in ${seconds(duration)}), more than the ${number(maxCps)} ${limitFor(language)}`,
        cps / maxCps,
      );
    }
  }
}

const EMPTY_CUE = 'the cue has no text: was a line left untranslated?';

function limitFor(language: string): string {
  return `allowed for ${clipLanguage(language)}`;
}

function clipLanguage(language: string): string {
  return language.length > 20 ? `${language.slice(0, 19)}…` : language;
}

/** 16, 16.5 */
function number(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** 0.833 s, 7 s, 12.5 s (a whole number of milliseconds over 1000 prints with at most three decimals) */
function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

/**
 * A short quote of cue text for a message: at most 24 characters, controls shown as escapes,
 * right-to-left text isolated (U+2068 ... U+2069) so that it does not reorder the sentence around it.
 */
export function snippet(text: string): string {
  const first = firstCharacters(text, 24);
  let shown = first.cut || first.shown.length < text.length ? `${firstCharacters(first.shown, 23).shown}…` : first.shown;
  shown = shown.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u.test(shown)) shown = `\u2068${shown}\u2069`;
  return `“${shown}”`;
}
