/**
 * Reads SRT and WebVTT text into cues that keep their line numbers, and reports every problem
 * with its line: one bad cue never hides the next one, and none is merged into its neighbour or
 * dropped without a word (docs/quality.md says why none of the npm parsers was taken: they drop
 * or merge bad cues, stop at the first error, or lose the line numbers).
 *
 * WebVTT follows the W3C parser (https://w3c.github.io/webvtt/#file-parsing): the signature,
 * the header, NOTE / STYLE / REGION blocks, cue identifiers, the timing line and its settings, a
 * cue ending at the first empty line or at a line holding "-->". A cue whose timing cannot be
 * read is skipped, as browsers skip it. test/unit/quality-parse.test.ts checks the timing errors
 * against the W3C's own webvtt-parser.
 *
 * SRT has no formal specification; the de-facto format (https://en.wikipedia.org/wiki/SubRip):
 * a cue number, a timing line `00:00:01,000 --> 00:00:03,500` (a comma before the milliseconds,
 * optionally followed by X1/X2/Y1/Y2 coordinates), the text, and a blank line.
 *
 * Lines are split at CRLF, CR and LF and numbered from 1; a BOM is removed by the caller.
 */

export type SubtitleFormat = 'srt' | 'vtt';

export interface Cue {
  /** 1-based line of the timing line. */
  line: number;
  startMs: number;
  endMs: number;
  /** How many text lines follow the timing line: 0-based lines `line` to `line + textLines - 1` (markup included). */
  textLines: number;
}

export interface ParseFinding {
  rule: 'unparseable' | 'sequence-number';
  severity: 'error' | 'warning';
  line: number;
  message: string;
}

export interface ParsedSubtitle {
  /** The file's lines (index 0 is line 1). */
  lines: SubtitleLines;
  cues: Cue[];
  findings: ParseFinding[];
  /** The file is not read past its first line (the other format altogether, or WebVTT without its signature): one finding says so. */
  wrongFormat: boolean;
}

export function parseSubtitle(text: string, format: SubtitleFormat): ParsedSubtitle {
  const lines = new SubtitleLines(text);
  return format === 'vtt' ? parseWebVtt(lines) : parseSrt(lines);
}

/**
 * A file's lines as offsets into its text: 150,000 cues must take milliseconds, and a string per
 * line (String.prototype.split) was a third of that. A line's own string is made only where a
 * slow path or a message needs it.
 */
export class SubtitleLines {
  /** The text with CRLF and lone CR turned into LF (each is one line break). */
  readonly text: string;
  /** Offset of each line's first character, and of the end of the line (its LF not included). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
  #arrowFrom = -1;
  #arrowAt = -1;

  constructor(text: string) {
    this.text = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    const length = this.text.length;
    let starts: Int32Array = new Int32Array(Math.max(16, length >> 5));
    let ends: Int32Array = new Int32Array(starts.length);
    let count = 0;
    let from = 0;
    // A file ending in a line break has no line after it; an empty file has one empty line.
    while (from < length || count === 0) {
      if (count === starts.length) {
        starts = grow(starts);
        ends = grow(ends);
      }
      const newline = this.text.indexOf('\n', from);
      const end = newline === -1 ? length : newline;
      starts[count] = from;
      ends[count] = end;
      count++;
      from = end + 1;
    }
    this.starts = starts;
    this.ends = ends;
    this.count = count;
  }

  /** Line `index` (0-based) as a string. */
  at(index: number): string {
    return this.text.slice(this.starts[index], this.ends[index]);
  }

  empty(index: number): boolean {
    return this.starts[index] === this.ends[index];
  }

  /** Empty or white space only (SRT players take either as the end of a cue). */
  blank(index: number): boolean {
    for (let i = this.starts[index]!; i < this.ends[index]!; i++) {
      const c = this.text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0c) return this.at(index).trim() === '';
    }
    return true;
  }

  /** Whether the line holds "-->". Lines are mostly asked in order, so one search serves many. */
  arrow(index: number): boolean {
    const start = this.starts[index]!;
    // #arrowAt is the first "-->" at or after #arrowFrom (-1: none), so it answers for any line in between.
    if (this.#arrowFrom === -1 || start < this.#arrowFrom || (this.#arrowAt !== -1 && start > this.#arrowAt)) {
      this.#arrowFrom = start;
      this.#arrowAt = this.text.indexOf('-->', start);
    }
    return this.#arrowAt !== -1 && this.#arrowAt < this.ends[index]!;
  }
}

// ------------------------------------------------------------------ times

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** `00:00:01,000` for SRT, `00:00:01.000` for WebVTT: how times are shown in messages. */
export function formatTime(ms: number, format: SubtitleFormat): string {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const hours = Math.floor(ms / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  const seconds = Math.floor((ms % MINUTE) / 1000);
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${format === 'srt' ? ',' : '.'}${pad(ms % 1000, 3)}`;
}

export const DOT = 0x2e;
export const COMMA = 0x2c;
/** Enough like an SRT timing line to tell a missing blank line from text that happens to hold "-->". */
const SRT_TIMING_LIKE = /^[ \t]*\d+:\d+:\d+[,.]\d+[ \t]*-->/;
export const SRT_COORDINATES = /^X1:-?\d+[ \t]+X2:-?\d+[ \t]+Y1:-?\d+[ \t]+Y2:-?\d+[ \t]*$/i;

/**
 * What the last timing line read holds: one object for every cue, so that reading a timing line
 * allocates nothing (150,000 cues must take milliseconds: docs/benchmarks.md). `settingsFrom` is
 * where the cue settings start in the text (the line's end when there are none); `time` is
 * readTime's result.
 */
export const timing = { startMs: 0, endMs: 0, settingsFrom: 0, time: 0 };

/**
 * Reads the timing line from `from` to `end` as it nearly always is (`00:00:01.000 --> 00:00:03.500
 * align:start`), character by character, into `timing`; false for anything else, which the slow
 * way then reads and explains. WebVTT allows `mm:ss.ttt` and any number of hour digits; both
 * formats want white space around the arrow (SRT players cope without it, but no SRT writer
 * leaves it out: the slow way accepts it).
 */
export function readTimingFast(text: string, from: number, end: number, separator: number): boolean {
  // What nearly every tool writes, `00:00:01.000 --> 00:00:03.500` and nothing after it, read at
  // fixed offsets (readTime was a sixth of the benchmark's check); anything else the general way.
  if (end - from === 29 && text.charCodeAt(from + 12) === 0x20 && text.charCodeAt(from + 16) === 0x20) {
    const startMs = fixedTime(text, from, separator);
    const endMs = startMs < 0 ? -1 : fixedTime(text, from + 17, separator);
    if (endMs >= 0 && text.charCodeAt(from + 13) === 0x2d && text.charCodeAt(from + 14) === 0x2d && text.charCodeAt(from + 15) === 0x3e) {
      timing.startMs = startMs;
      timing.endMs = endMs;
      timing.settingsFrom = end;
      return true;
    }
  }
  return readTimingAnyForm(text, from, end, separator);
}

/** readTimingFast without the fixed-offset shortcut: any form it takes (exported for the test that compares the two). */
export function readTimingAnyForm(text: string, from: number, end: number, separator: number): boolean {
  let p = readTime(text, skipBlanks(text, from), separator);
  if (p < 0) return false;
  const startMs = timing.time;
  let q = skipBlanks(text, p);
  if (q === p || text.charCodeAt(q) !== 0x2d || text.charCodeAt(q + 1) !== 0x2d || text.charCodeAt(q + 2) !== 0x3e) return false;
  p = skipBlanks(text, q + 3);
  if (p === q + 3) return false;
  q = readTime(text, p, separator);
  if (q < 0 || q > end) return false;
  timing.startMs = startMs;
  timing.endMs = timing.time;
  if (q === end) {
    timing.settingsFrom = end;
    return true;
  }
  p = skipBlanks(text, q);
  if (p === q || p > end) return false;
  timing.settingsFrom = p;
  return true;
}

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/** Past the spaces, tabs and form feeds at `p`. */
function skipBlanks(text: string, p: number): number {
  let c = text.charCodeAt(p);
  while (c === 0x20 || c === 0x09 || c === 0x0c) c = text.charCodeAt(++p);
  return p;
}

/**
 * `[h+:]mm:ss<separator>ttt` at `p`, minutes and seconds below 60: its value in milliseconds into
 * `timing.time`, and the position after it; -1 when it is not that.
 */
function readTime(text: string, p: number, separator: number): number {
  let first = 0;
  const from = p;
  let c = text.charCodeAt(p);
  while (c >= 0x30 && c <= 0x39) {
    first = first * 10 + (c - 0x30);
    c = text.charCodeAt(++p);
  }
  const digits = p - from;
  if (digits === 0 || c !== 0x3a) return -1;
  const second = twoDigits(text, p + 1);
  if (second < 0) return -1;
  p += 3;
  let hours: number;
  let minutes: number;
  let seconds: number;
  if (text.charCodeAt(p) === 0x3a) {
    hours = first;
    minutes = second;
    seconds = twoDigits(text, p + 1);
    if (seconds < 0) return -1;
    p += 3;
  } else {
    if (digits !== 2 || separator === COMMA) return -1; // SRT always writes hours
    hours = 0;
    minutes = first;
    seconds = second;
  }
  if (minutes > 59 || seconds > 59 || text.charCodeAt(p) !== separator) return -1;
  const a = text.charCodeAt(p + 1) - 0x30;
  const b = text.charCodeAt(p + 2) - 0x30;
  const d = text.charCodeAt(p + 3) - 0x30;
  const next = text.charCodeAt(p + 4);
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9 && d >= 0 && d <= 9) || (next >= 0x30 && next <= 0x39)) return -1;
  timing.time = hours * HOUR + minutes * MINUTE + seconds * 1000 + a * 100 + b * 10 + d;
  return p + 4;
}

/** `hh:mm:ss<separator>ttt` (12 characters, all within the text) at `p`, minutes and seconds below 60: its value in milliseconds, or -1. */
function fixedTime(text: string, p: number, separator: number): number {
  const h1 = text.charCodeAt(p) - 0x30;
  const h2 = text.charCodeAt(p + 1) - 0x30;
  const m1 = text.charCodeAt(p + 3) - 0x30;
  const m2 = text.charCodeAt(p + 4) - 0x30;
  const s1 = text.charCodeAt(p + 6) - 0x30;
  const s2 = text.charCodeAt(p + 7) - 0x30;
  const a = text.charCodeAt(p + 9) - 0x30;
  const b = text.charCodeAt(p + 10) - 0x30;
  const d = text.charCodeAt(p + 11) - 0x30;
  // A code unit below "0" makes its value negative, and so the OR; one above "9" makes it 10 or more.
  if (
    (h1 | h2 | m1 | m2 | s1 | s2 | a | b | d) < 0 ||
    h1 > 9 ||
    h2 > 9 ||
    m1 > 5 ||
    m2 > 9 ||
    s1 > 5 ||
    s2 > 9 ||
    a > 9 ||
    b > 9 ||
    d > 9
  ) {
    return -1;
  }
  if (text.charCodeAt(p + 2) !== 0x3a || text.charCodeAt(p + 5) !== 0x3a || text.charCodeAt(p + 8) !== separator) return -1;
  return (h1 * 10 + h2) * HOUR + (m1 * 10 + m2) * MINUTE + (s1 * 10 + s2) * 1000 + a * 100 + b * 10 + d;
}

/** Two digits at `p`, not followed by a third: their value, or -1. */
function twoDigits(text: string, p: number): number {
  const a = text.charCodeAt(p) - 0x30;
  const b = text.charCodeAt(p + 1) - 0x30;
  const next = text.charCodeAt(p + 2);
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9) || (next >= 0x30 && next <= 0x39)) return -1;
  return a * 10 + b;
}

function milliseconds(hours: string | undefined, minutes: string, seconds: string, millis: string): number {
  return Number(hours ?? 0) * HOUR + Number(minutes) * MINUTE + Number(seconds) * 1000 + Number(millis);
}

interface Timing {
  startMs: number;
  endMs: number;
  settings: string;
}

/** A timing line read, or every reason it cannot be (the cue is then skipped). */
type TimingResult = { timing: Timing; problems: string[] } | { timing: undefined; problems: string[] };

/** WebVTT timestamp token: `[h+:]mm:ss.ttt`, minutes and seconds below 60. */
function webVttTimestamp(token: string, which: 'start' | 'end'): number | string {
  const match = /^(?:(\d+):)?(\d+):(\d+)([.,])(\d+)$/.exec(token);
  const shown = `${which} time ${clip(token)}`;
  if (token === '') return `the ${which} time is missing: write hh:mm:ss.ttt`;
  if (!match) return `${shown} is not a WebVTT time: write hh:mm:ss.ttt or mm:ss.ttt`;
  const [, hours, minutes, seconds, separator, millis] = match as unknown as [string, string | undefined, string, string, string, string];
  if (separator === ',') return `${shown} has a comma before the milliseconds: WebVTT writes a period (00:00:01.000)`;
  if (minutes.length !== 2 || seconds.length !== 2) return `${shown} needs two digits for minutes and for seconds`;
  if (millis.length !== 3) return `${shown} needs three digits of milliseconds`;
  if (Number(minutes) > 59) return `${shown} has more than 59 minutes`;
  if (Number(seconds) > 59) return `${shown} has more than 59 seconds`;
  return milliseconds(hours, minutes, seconds, millis);
}

/**
 * Reads the timing line at `index` into `timing`, reporting what is wrong with it and with its
 * settings; false when the cue cannot be read (it is then skipped).
 */
function readWebVttTiming(lines: SubtitleLines, index: number, error: (index: number, message: string) => void): boolean {
  const end = lines.ends[index]!;
  if (!readTimingFast(lines.text, lines.starts[index]!, end, DOT)) {
    const { timing: slow, problems } = readWebVttTimingSlowly(lines.at(index));
    for (const problem of problems) error(index, problem);
    if (slow === undefined) return false;
    timing.startMs = slow.startMs;
    timing.endMs = slow.endMs;
    for (const problem of webVttSettingProblems(slow.settings)) error(index, problem);
    return true;
  }
  if (timing.settingsFrom < end) {
    for (const problem of webVttSettingProblems(lines.text.slice(timing.settingsFrom, end).trim())) error(index, problem);
  }
  return true;
}

/** The slow way, to say what is wrong (and, like the W3C parser, keep cues whose only fault is spacing). */
function readWebVttTimingSlowly(line: string): TimingResult {
  const problems: string[] = [];
  const arrow = line.indexOf('-->');
  const left = line.slice(0, arrow);
  const right = line.slice(arrow + 3);
  if (left.trim() !== '' && !/[ \t\f]$/.test(left)) problems.push('"-->" needs a space before it');
  if (right.trim() !== '' && !/^[ \t\f]/.test(right)) problems.push('"-->" needs a space after it');
  const start = webVttTimestamp(left.trim(), 'start');
  const rest = right.replace(/^[ \t\f]+/, '');
  const endToken = /^[^ \t\f]*/.exec(rest)![0];
  const end = webVttTimestamp(endToken, 'end');
  const failed = sameCause(
    [start, end].filter((value): value is string => typeof value === 'string'),
    'has a comma',
    'both times have a comma before the milliseconds: WebVTT writes a period (00:00:01.000)',
  );
  if (failed.length > 0) return { timing: undefined, problems: [...failed, ...problems] };
  return { timing: { startMs: start as number, endMs: end as number, settings: rest.slice(endToken.length).trim() }, problems };
}

const SETTING_VALUES: Readonly<Record<string, RegExp>> = {
  vertical: /^(?:rl|lr)$/,
  line: /^(?:-?\d+(?:\.\d+)?|(?:\d+(?:\.\d+)?)%)(?:,(?:start|center|end))?$/,
  position: /^\d+(?:\.\d+)?%(?:,(?:line-left|center|line-right))?$/,
  size: /^\d+(?:\.\d+)?%$/,
  align: /^(?:start|center|end|left|right)$/,
  region: /^(?!.*-->).+$/,
};

/** WebVTT cue settings (`align:start line:90%`): every unknown, malformed or repeated setting. */
export function webVttSettingProblems(settings: string): string[] {
  if (settings === '') return [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const setting of settings.split(/[ \t\f]+/)) {
    const colon = setting.indexOf(':');
    const name = colon === -1 ? setting : setting.slice(0, colon);
    const value = colon === -1 ? '' : setting.slice(colon + 1);
    const pattern = SETTING_VALUES[name];
    if (pattern === undefined) {
      problems.push(`unknown cue setting ${clip(setting)}: WebVTT has vertical, line, position, size, align and region`);
    } else if (seen.has(name)) {
      problems.push(`cue setting ${name} is given twice`);
    } else if (!pattern.test(value) || (/%/.test(value) && Number.parseFloat(value) > 100)) {
      problems.push(`cue setting ${clip(setting)} has a value WebVTT does not take`);
    }
    seen.add(name);
  }
  return problems;
}

/** The start and end times wrong the same way are one problem, said once. */
function sameCause(problems: string[], cause: string, together: string): string[] {
  return problems.length === 2 && problems.every((problem) => problem.includes(cause)) ? [together] : problems;
}

/** A value quoted in a message: at most 24 characters, one line. */
function clip(value: string): string {
  const chars = Array.from(value);
  return JSON.stringify(chars.length > 24 ? `${chars.slice(0, 23).join('')}…` : value);
}

// ------------------------------------------------------------------ WebVTT

function parseWebVtt(lines: SubtitleLines): ParsedSubtitle {
  const cues: Cue[] = [];
  const findings: ParseFinding[] = [];
  const error = (index: number, message: string): void => {
    findings.push({ rule: 'unparseable', severity: 'error', line: index + 1, message });
  };
  const n = lines.count;
  const first = lines.at(0);

  if (!/^WEBVTT(?:[ \t]|$)/.test(first)) {
    const second = n > 1 ? lines.at(1) : '';
    if (/^\s*\d+\s*$/.test(first) && SRT_TIMING_LIKE.test(second) && second.includes(',')) {
      error(0, 'this is an SRT file, not WebVTT: a WebVTT file starts with the line WEBVTT and writes times as 00:00:01.000');
      return { lines, cues, findings, wrongFormat: true };
    }
    // Browsers reject such a file whole (https://w3c.github.io/webvtt/#file-parsing, step 7): no cue of it shows.
    error(0, 'a WebVTT file must start with the line WEBVTT: players reject a file without it, so none of its cues would show');
    return { lines, cues, findings, wrongFormat: true };
  }

  let i = 1;
  // Header lines (`Kind: captions`, `Language: fr`) run to the first empty line.
  while (i < n && !lines.empty(i)) {
    if (lines.arrow(i)) {
      error(i, 'the WEBVTT line and the header need an empty line after them, before the first cue');
      break;
    }
    i++;
  }

  let seenCue = false;
  let startsCue = i < n && !lines.empty(i); // a timing line caught by the header loop
  while (i < n) {
    if (!startsCue) {
      while (i < n && lines.empty(i)) i++;
      if (i >= n) break;
    }
    startsCue = false;
    const blockStart = i;
    if (!lines.arrow(i)) {
      const first = lines.text.charCodeAt(lines.starts[i]!);
      const kind =
        first === 0x4e || first === 0x53 || first === 0x52 ? /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.exec(lines.at(i))?.[1] : undefined;
      if (kind !== undefined) {
        if (kind !== 'NOTE' && seenCue) error(i, `${kind} blocks must come before the first cue`);
        i++;
        while (i < n && !lines.empty(i)) {
          if (lines.arrow(i)) error(i, `a ${kind} block cannot contain "-->": is an empty line missing before this cue?`);
          i++;
        }
        continue;
      }
      // A cue identifier, which must be followed by the timing line.
      i++;
      if (i >= n || lines.empty(i)) {
        error(
          blockStart,
          `a line on its own that is not a cue: ${clip(lines.at(blockStart))} is not followed by a timing line (00:00:01.000 --> 00:00:03.500)`,
        );
        continue;
      }
      if (!lines.arrow(i)) {
        error(i, `expected the timing line of cue ${clip(lines.at(blockStart))} (00:00:01.000 --> 00:00:03.500)`);
        // The block is no cue; a line holding "-->" further on starts the next one (as browsers read it).
        while (i < n && !lines.empty(i) && !lines.arrow(i)) i++;
        startsCue = i < n && !lines.empty(i);
        continue;
      }
    }

    const timingIndex = i;
    const read = readWebVttTiming(lines, i, error);
    i++;
    if (!read) {
      // Skip the cue's text, stopping at a line that may start the next cue (as the W3C parser does).
      while (i < n && !lines.empty(i) && !lines.arrow(i)) i++;
      startsCue = i < n && !lines.empty(i);
      continue;
    }
    const { startMs, endMs } = timing;

    while (i < n && !lines.empty(i)) {
      if (lines.arrow(i)) {
        let spaces = timingIndex + 1;
        while (spaces < i && !lines.blank(spaces)) spaces++;
        error(
          i,
          spaces === i
            ? 'an empty line is missing before this cue: the previous cue runs into it'
            : `an empty line is missing before this cue: line ${spaces + 1} holds spaces, and WebVTT ends a cue only at an empty line`,
        );
        startsCue = true;
        break;
      }
      i++;
    }
    cues.push({ line: timingIndex + 1, startMs, endMs, textLines: i - timingIndex - 1 });
    seenCue = true;
  }
  return { lines, cues, findings, wrongFormat: false };
}

// ------------------------------------------------------------------ SRT

function parseSrt(lines: SubtitleLines): ParsedSubtitle {
  const cues: Cue[] = [];
  const findings: ParseFinding[] = [];
  const error = (index: number, message: string): void => {
    findings.push({ rule: 'unparseable', severity: 'error', line: index + 1, message });
  };
  const n = lines.count;

  if (/^WEBVTT(?:[ \t]|$)/.test(lines.at(0))) {
    error(0, 'this is a WebVTT file (it starts with WEBVTT), not SRT');
    return { lines, cues, findings, wrongFormat: true };
  }

  let i = 0;
  let expectedNumber = 1;
  /** The previous cue's text ran into this cue: its missing number was already reported. */
  let joined = false;
  while (i < n) {
    if (!joined) {
      while (i < n && lines.blank(i)) i++;
      if (i >= n) break;
    }
    const wasJoined = joined;
    joined = false;
    const first = lines.at(i).trim();
    let timingIndex: number;

    if (/^\d+$/.test(first)) {
      const number = Number(first);
      if (number !== expectedNumber) {
        findings.push({
          rule: 'sequence-number',
          severity: 'warning',
          line: i + 1,
          message: `cue number ${number} where ${expectedNumber} was expected: SRT numbers cues 1, 2, 3 in order`,
        });
      }
      expectedNumber = number + 1;
      if (i + 1 >= n || !lines.arrow(i + 1)) {
        error(i + 1 < n ? i + 1 : i, `cue ${number} has no timing line after its number (00:00:01,000 --> 00:00:03,500)`);
        i++;
        while (i < n && !lines.blank(i)) i++;
        continue;
      }
      timingIndex = i + 1;
    } else if (first.includes('-->')) {
      if (!wasJoined) error(i, 'this cue has no number: an SRT cue starts with its number on the line before the timing line');
      expectedNumber++;
      timingIndex = i;
    } else {
      error(i, `expected a cue number, found ${clip(first)}: an SRT cue is a number, a timing line, the text and an empty line`);
      while (i < n && !lines.blank(i)) i++;
      continue;
    }

    const read = readSrtTiming(lines, timingIndex, error);
    const { startMs, endMs } = timing;
    i = timingIndex + 1;

    while (i < n && !lines.blank(i)) {
      const numberThenTiming =
        startsWithDigit(lines, i) &&
        /^\s*\d+\s*$/.test(lines.at(i)) &&
        i + 1 < n &&
        lines.arrow(i + 1) &&
        SRT_TIMING_LIKE.test(lines.at(i + 1));
      if (numberThenTiming || (lines.arrow(i) && SRT_TIMING_LIKE.test(lines.at(i)))) {
        error(i, 'an empty line is missing before this cue: the previous cue runs into it');
        joined = true;
        break;
      }
      i++;
    }
    if (read) cues.push({ line: timingIndex + 1, startMs, endMs, textLines: i - timingIndex - 1 });
  }
  return { lines, cues, findings, wrongFormat: false };
}

/** A cheap first look before a regular expression: does the line start with a digit (after spaces)? */
function startsWithDigit(lines: SubtitleLines, index: number): boolean {
  let i = lines.starts[index]!;
  while (lines.text.charCodeAt(i) === 0x20 || lines.text.charCodeAt(i) === 0x09) i++;
  const c = lines.text.charCodeAt(i);
  return i < lines.ends[index]! && c >= 0x30 && c <= 0x39;
}

/**
 * Reads the timing line at `index` into `timing`, reporting what is wrong with it; false when its
 * times cannot be read for certain (the cue is then skipped).
 */
function readSrtTiming(lines: SubtitleLines, index: number, error: (index: number, message: string) => void): boolean {
  const end = lines.ends[index]!;
  if (!readTimingFast(lines.text, lines.starts[index]!, end, COMMA)) {
    const { timing: slow, problems } = readSrtTimingSlowly(lines.at(index));
    for (const problem of problems) error(index, problem);
    if (slow === undefined) return false;
    timing.startMs = slow.startMs;
    timing.endMs = slow.endMs;
    return true;
  }
  if (timing.settingsFrom < end) {
    const settings = lines.text.slice(timing.settingsFrom, end).trim();
    if (settings !== '' && !SRT_COORDINATES.test(settings)) error(index, `unexpected text after the end time: ${clip(settings)}`);
  }
  return true;
}

/** The slow way: say what is wrong, and keep the cue when its times can still be read for certain. */
function readSrtTimingSlowly(line: string): TimingResult {
  const arrow = line.indexOf('-->');
  const start = srtTimestamp(line.slice(0, arrow).trim(), 'start');
  const rest = line.slice(arrow + 3).trim();
  const endToken = /^\S*/.exec(rest)![0];
  const end = srtTimestamp(endToken, 'end');
  const settings = rest.slice(endToken.length).trim();
  const problems = sameCause(
    [start, end].flatMap((result) => result.problems),
    'has a period',
    'both times have a period before the milliseconds: SRT writes a comma (00:00:01,000)',
  );
  if (settings !== '' && !SRT_COORDINATES.test(settings)) problems.push(`unexpected text after the end time: ${clip(settings)}`);
  if (start.ms === undefined || end.ms === undefined) return { timing: undefined, problems };
  return { timing: { startMs: start.ms, endMs: end.ms, settings }, problems };
}

/** An SRT time `hh:mm:ss,mmm`; a period before the milliseconds is reported and still read (players differ on it). */
function srtTimestamp(token: string, which: 'start' | 'end'): { ms: number | undefined; problems: string[] } {
  const shown = `${which} time ${clip(token)}`;
  if (token === '') return { ms: undefined, problems: [`the ${which} time is missing: write hh:mm:ss,mmm`] };
  const match = /^(\d+):(\d+):(\d+)([,.])(\d+)$/.exec(token);
  if (!match) return { ms: undefined, problems: [`${shown} is not an SRT time: write hh:mm:ss,mmm (00:00:01,000)`] };
  const [, hours, minutes, seconds, separator, millis] = match as unknown as [string, string, string, string, string, string];
  if (minutes.length !== 2 || seconds.length !== 2 || millis.length !== 3 || Number(minutes) > 59 || Number(seconds) > 59) {
    return {
      ms: undefined,
      problems: [
        `${shown} is not an SRT time: write hh:mm:ss,mmm with two-digit minutes and seconds (below 60) and three-digit milliseconds`,
      ],
    };
  }
  const ms = milliseconds(hours, minutes, seconds, millis);
  return separator === '.'
    ? { ms, problems: [`${shown} has a period before the milliseconds: SRT writes a comma (00:00:01,000)`] }
    : { ms, problems: [] };
}
