/**
 * The rules over cues (docs/quality.md), cue by cue, shared by the two ways a file is read (the
 * one pass over a well-formed file, well-formed.ts, and the parser for any file, parse.ts): the
 * timing rules in file order, the text rules per cue, and the findings with the weight they are
 * ranked by.
 */
import { countLine, firstCharacters, showsText, visibleText } from './characters.ts';
import type { ErrorRule, QualityFinding, WarningRule } from './check.ts';
import type { LanguageLimits } from './limits.ts';
import { ERROR_ORDER } from './verdict.ts';
import { formatTime } from './parse.ts';
import type { SubtitleFormat } from './parse.ts';

export interface Ranked {
  finding: QualityFinding;
  /** Errors: their rule's place in ERROR_ORDER. Warnings: how far past the limit (2 = twice the limit). */
  weight: number;
}

/** Findings as they are found, with the weight they are ranked by. */
export class Findings {
  readonly ranked: Ranked[] = [];

  error(rule: ErrorRule, line: number, message: string): void {
    this.ranked.push({ finding: { rule, severity: 'error', line, message }, weight: ERROR_ORDER.indexOf(rule) });
  }

  warning(rule: WarningRule, line: number, message: string, weight: number): void {
    this.ranked.push({ finding: { rule, severity: 'warning', line, message }, weight });
  }
}

/**
 * The timing rules, cue by cue in file order: a cue that ends before it starts, cues out of order
 * or overlapping, the gap between cues, the duration of each.
 */
export class TimingRules {
  readonly #format: SubtitleFormat;
  readonly #limits: LanguageLimits;
  readonly #findings: Findings;
  /** The cue before (its line and start), -1: none yet. */
  #previousLine = -1;
  #previousStart = 0;
  /** The cue shown longest so far (overlaps and gaps are measured to its end), -1: none yet. */
  #latestLine = -1;
  #latestEnd = 0;

  constructor(format: SubtitleFormat, limits: LanguageLimits, findings: Findings) {
    this.#format = format;
    this.#limits = limits;
    this.#findings = findings;
  }

  /** The next cue: its timing line (1-based) and times. */
  cue(line: number, startMs: number, endMs: number): void {
    const findings = this.#findings;
    const { limits, language } = this.#limits;
    const duration = endMs - startMs;
    if (duration < 0)
      findings.error('end-before-start', line, `the cue ends at ${this.#time(endMs)}, before it starts at ${this.#time(startMs)}`);
    else if (duration === 0)
      findings.error('end-before-start', line, `the cue ends when it starts (${this.#time(startMs)}): it is never shown`);

    const outOfOrder = this.#previousLine !== -1 && startMs < this.#previousStart;
    if (outOfOrder) {
      findings.error(
        'out-of-order',
        line,
        `the cue starts at ${this.#time(startMs)}, before the cue at line ${this.#previousLine} (${this.#time(this.#previousStart)}): cues must be in time order`,
      );
    } else if (this.#latestLine !== -1 && startMs < this.#latestEnd && duration > 0) {
      findings.error(
        'overlap',
        line,
        `the cue starts at ${this.#time(startMs)} while the cue at line ${this.#latestLine} is still shown (until ${this.#time(this.#latestEnd)})`,
      );
    } else if (this.#latestLine !== -1 && duration > 0) {
      const gap = startMs - this.#latestEnd;
      const minGap = limits['min-gap'];
      if (minGap !== undefined && gap < minGap) {
        findings.warning(
          'min-gap',
          line,
          `${gap} ms after the cue at line ${this.#latestLine} ends, less than the ${minGap} ms ${limitFor(language)}`,
          minGap / Math.max(gap, minGap / 100),
        );
      }
    }

    if (duration > 0) {
      const minDuration = limits['min-duration'];
      const maxDuration = limits['max-duration'];
      if (minDuration !== undefined && duration < minDuration) {
        findings.warning(
          'min-duration',
          line,
          `on screen for ${seconds(duration)}, less than the ${seconds(minDuration)} ${limitFor(language)}`,
          minDuration / duration,
        );
      } else if (maxDuration !== undefined && duration > maxDuration) {
        findings.warning(
          'max-duration',
          line,
          `on screen for ${seconds(duration)}, more than the ${seconds(maxDuration)} ${limitFor(language)}`,
          duration / maxDuration,
        );
      }
    }

    this.#previousLine = line;
    this.#previousStart = startMs;
    // Overlaps and gaps are measured along the time line; a cue out of order starts it again, so
    // that the cues after it are not all taken for overlaps of the misplaced one.
    if (this.#latestLine === -1 || outOfOrder || endMs > this.#latestEnd) {
      this.#latestLine = line;
      this.#latestEnd = endMs;
    }
  }

  /** A time as the file writes it, for messages. */
  #time(ms: number): string {
    return formatTime(ms, this.#format);
  }
}

/**
 * The text rules for one cue: line length, line count, reading speed, a cue with no text. Its
 * text lines are `text` from `starts[first + k]` to `ends[first + k]`, k below `count`; `cueLine`
 * is its timing line (1-based), so text line k is line `cueLine + 1 + k`.
 */
export function checkText(
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  first: number,
  count: number,
  cueLine: number,
  duration: number,
  { limits, language, halfWidthCountsHalf }: LanguageLimits,
  findings: Findings,
): void {
  const maxLineLength = limits['max-line-length'];
  const maxLines = limits['max-lines'];
  const maxCps = limits['max-cps'];

  // Upper bounds first. A line never counts more characters than it has UTF-16 code units
  // (markup, entities, invisible characters, marks and surrogate pairs only lower the count), so
  // a cue whose code units are within every limit cannot break one: all that is left to know is
  // whether anything shows. Most cues of a delivered file end here, without a character counted.
  let units = 0;
  let longest = 0;
  for (let index = first; index < first + count; index++) {
    const length = ends[index]! - starts[index]!;
    units += length;
    if (length > longest) longest = length;
  }
  if (
    (maxLineLength === undefined || longest <= maxLineLength) &&
    (maxLines === undefined || count <= maxLines) &&
    (maxCps === undefined || duration <= 0 || units / (duration / 1000) <= maxCps)
  ) {
    for (let index = first; index < first + count; index++) {
      if (showsText(text, halfWidthCountsHalf, starts[index], ends[index])) return;
    }
    findings.warning('empty-cue', cueLine, EMPTY_CUE, 10);
    return;
  }

  let total = 0;
  let shown = 0;
  let firstOverLimit: number | undefined;
  for (let k = 0; k < count; k++) {
    const from = starts[first + k]!;
    const to = ends[first + k]!;
    const characters = countLine(text, halfWidthCountsHalf, from, to);
    if (characters === 0) continue; // markup or white space only: nothing shows
    shown++;
    total += characters;
    if (maxLineLength !== undefined && characters > maxLineLength) {
      findings.warning(
        'max-line-length',
        cueLine + 1 + k,
        `${number(characters)} characters on this line, more than the ${maxLineLength} ${limitFor(language)}: ${snippet(visibleText(text.slice(from, to)))}`,
        characters / maxLineLength,
      );
    }
    if (maxLines !== undefined && shown === maxLines + 1) firstOverLimit = cueLine + 1 + k;
  }
  if (shown === 0) {
    findings.warning('empty-cue', cueLine, EMPTY_CUE, 10);
    return;
  }
  if (maxLines !== undefined && firstOverLimit !== undefined) {
    findings.warning(
      'max-lines',
      firstOverLimit,
      `the cue has ${shown} lines, more than the ${maxLines} ${limitFor(language)}`,
      shown / maxLines,
    );
  }
  if (maxCps !== undefined && duration > 0) {
    const cps = total / (duration / 1000);
    if (cps > maxCps) {
      findings.warning(
        'max-cps',
        cueLine,
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
