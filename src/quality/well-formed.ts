/**
 * The one pass over a well-formed file: the text is read once from start to end, each cue's
 * timing line read and its rules applied (cue-rules.ts) as soon as its text lines are known, with
 * no array of cues, no object per cue and no string per line. A feature film in 100 languages
 * must be checked in a small part of the time its download takes (docs/benchmarks.md).
 *
 * It knows files only as subtitle tools write them: WebVTT's `WEBVTT` line, header lines and
 * cues (an optional identifier, a timing line with optional valid settings, text lines, an empty
 * line), and SRT's number in sequence, timing line (optional coordinates), text lines and empty
 * line. Anything else (a NOTE, STYLE or REGION block, a timing line that is not the usual form, a
 * number out of sequence, white space where a cue ends, "-->" in a cue's text, no cue at all)
 * returns `undefined`, and the parser (parse.ts) reads the file again to say what is wrong. The
 * findings are the same either way: test/unit/quality-check.test.ts compares the two on random
 * files.
 */
import { TimingRules, checkText, Findings } from './cue-rules.ts';
import type { Checked } from './check.ts';
import type { LanguageLimits } from './limits.ts';
import { COMMA, DOT, SRT_COORDINATES, readTimingFast, timing, webVttSettingProblems } from './parse.ts';
import type { SubtitleFormat } from './parse.ts';

const LF = 0x0a;

/**
 * The checked file, or `undefined` when it is not the usual form and the parser must read it.
 * `text` has its line breaks as LF alone (check.ts's decode turns CRLF and CR into LF).
 */
export function checkWellFormed(text: string, format: SubtitleFormat, limits: LanguageLimits): Checked | undefined {
  const timingFindings = new Findings();
  const textFindings = new Findings();
  const pass: Pass = { limits, rules: new TimingRules(format, limits, timingFindings), textFindings, cueLines: new CueLines() };
  // The passes return the number of cues, or NOT_WELL_FORMED, and nothing else after their loop:
  // V8 compiles a long loop while it runs (on-stack replacement), before the code after it has
  // ever run, and code without type feedback would be thrown away at the end of every file.
  const cues = format === 'vtt' ? webVtt(text, pass) : srt(text, pass);
  return cues > 0 ? { cues, findings: [timingFindings, textFindings] } : undefined;
}

/** What a pass needs besides the text. */
interface Pass {
  limits: LanguageLimits;
  rules: TimingRules;
  textFindings: Findings;
  cueLines: CueLines;
}

/** A pass's answer when the file is not the usual form (no cue at all is not either: 0). */
const NOT_WELL_FORMED = -1;

/** The text lines of the cue being read, as offsets: grown as needed, reused from cue to cue. */
class CueLines {
  starts: Int32Array = new Int32Array(8);
  ends: Int32Array = new Int32Array(8);
  count = 0;

  add(start: number, end: number): void {
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }
}

function webVtt(text: string, { limits, rules, textFindings, cueLines }: Pass): number {
  const length = text.length;
  const afterSignature = text.charCodeAt(6);
  if (!text.startsWith('WEBVTT') || !(length === 6 || afterSignature === LF || afterSignature === 0x20 || afterSignature === 0x09)) {
    return NOT_WELL_FORMED;
  }
  // The header runs to the first empty line, and holds no "-->".
  const headerEnd = text.indexOf('\n\n');
  if (headerEnd === -1) return NOT_WELL_FORMED;
  let arrowAt = text.indexOf('-->');
  if (arrowAt !== -1 && arrowAt < headerEnd) return NOT_WELL_FORMED;

  let p = headerEnd + 1;
  /** The 0-based line that starts at p. */
  let line = newlines(text, 0, p);
  let cues = 0;
  for (;;) {
    while (p < length && text.charCodeAt(p) === LF) {
      p++;
      line++;
    }
    if (p >= length) break;
    let end = lineEnd(text, p);
    if (arrowAt !== -1 && arrowAt < p) arrowAt = text.indexOf('-->', p);
    if (arrowAt === -1 || arrowAt >= end) {
      // A cue identifier (NOTE, STYLE and REGION blocks are the parser's), then the timing line.
      const first = text.charCodeAt(p);
      if ((first === 0x4e || first === 0x53 || first === 0x52) && /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(text.slice(p, end)))
        return NOT_WELL_FORMED;
      p = end + 1;
      line++;
      if (p >= length || text.charCodeAt(p) === LF) return NOT_WELL_FORMED;
      end = lineEnd(text, p);
      if (arrowAt === -1 || arrowAt >= end) return NOT_WELL_FORMED;
    }
    if (!readTimingFast(text, p, end, DOT)) return NOT_WELL_FORMED;
    if (timing.settingsFrom < end && webVttSettingProblems(text.slice(timing.settingsFrom, end).trim()).length > 0) return NOT_WELL_FORMED;
    const cueLine = line + 1;
    const { startMs, endMs } = timing;
    arrowAt = text.indexOf('-->', end);

    // The text, to the next empty line; a "-->" in it would be a cue running into the next.
    cueLines.count = 0;
    p = end + 1;
    line++;
    while (p < length && text.charCodeAt(p) !== LF) {
      end = lineEnd(text, p);
      if (arrowAt !== -1 && arrowAt < end) return NOT_WELL_FORMED;
      cueLines.add(p, end);
      p = end + 1;
      line++;
    }
    rules.cue(cueLine, startMs, endMs);
    checkText(text, cueLines.starts, cueLines.ends, 0, cueLines.count, cueLine, endMs - startMs, limits, textFindings);
    cues++;
  }
  return cues;
}

function srt(text: string, { limits, rules, textFindings, cueLines }: Pass): number {
  const length = text.length;
  let arrowAt = text.indexOf('-->');
  let p = 0;
  /** The 0-based line that starts at p. */
  let line = 0;
  let expected = 1;
  let cues = 0;
  for (;;) {
    while (p < length && text.charCodeAt(p) === LF) {
      p++;
      line++;
    }
    if (p >= length) break;
    // The cue number, alone on its line, the one expected.
    let end = lineEnd(text, p);
    if (end - p > 9) return NOT_WELL_FORMED;
    let number = 0;
    for (let q = p; q < end; q++) {
      const digit = text.charCodeAt(q) - 0x30;
      if (digit < 0 || digit > 9) return NOT_WELL_FORMED;
      number = number * 10 + digit;
    }
    if (end === p || number !== expected) return NOT_WELL_FORMED;
    expected = number + 1;

    p = end + 1;
    line++;
    if (p >= length) return NOT_WELL_FORMED;
    end = lineEnd(text, p);
    if (arrowAt !== -1 && arrowAt < p) arrowAt = text.indexOf('-->', p);
    if (arrowAt === -1 || arrowAt >= end) return NOT_WELL_FORMED;
    if (!readTimingFast(text, p, end, COMMA)) return NOT_WELL_FORMED;
    if (timing.settingsFrom < end) {
      const settings = text.slice(timing.settingsFrom, end).trim();
      if (settings !== '' && !SRT_COORDINATES.test(settings)) return NOT_WELL_FORMED;
    }
    const cueLine = line + 1;
    const { startMs, endMs } = timing;
    arrowAt = text.indexOf('-->', end);

    // The text, to the next empty line. A line that starts with white space might be blank, which
    // ends an SRT cue too; a "-->" in the text would be a cue running into the next.
    cueLines.count = 0;
    p = end + 1;
    line++;
    while (p < length && text.charCodeAt(p) !== LF) {
      if (mayBeWhiteSpace(text.charCodeAt(p))) return NOT_WELL_FORMED;
      end = lineEnd(text, p);
      if (arrowAt !== -1 && arrowAt < end) return NOT_WELL_FORMED;
      cueLines.add(p, end);
      p = end + 1;
      line++;
    }
    rules.cue(cueLine, startMs, endMs);
    checkText(text, cueLines.starts, cueLines.ends, 0, cueLines.count, cueLine, endMs - startMs, limits, textFindings);
    cues++;
  }
  return cues;
}

/** Where the line starting at `from` ends (its LF, or the end of the text). */
function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/** Line breaks from `from` to `to`. */
function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** ASCII controls and space, and every character String#trim removes. */
function mayBeWhiteSpace(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
