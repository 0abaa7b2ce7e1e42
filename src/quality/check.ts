/**
 * The subtitle quality check (docs/quality.md): one saved SRT or WebVTT file in, its findings
 * out, in the shape of the `quality` output. Pure: the caller reads the file and reports.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { certifiedCues } from './certify.ts';
import { Findings, TimingRules, checkText } from './cue-rules.ts';
import { limitsFor } from './limits.ts';
import type { LanguageLimits, LimitOverride, LimitRule } from './limits.ts';
import { parseSubtitle } from './parse.ts';
import type { SubtitleFormat } from './parse.ts';
import { checkWellFormed } from './well-formed.ts';

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

/** A file checked: its cues, and its findings in the order they were found (parse, timing, text). */
export interface Checked {
  cues: number;
  findings: Findings[];
}

export function checkSubtitle(input: SubtitleToCheck): FileQuality {
  // Most delivered files break no rule: the quick certificate says so at a fraction of the cost
  // (certify.ts). Any other file is read the full way, which finds and explains everything.
  const limits = limitsFor(input.language, input.overrides);
  const body = utf8Body(input.bytes);
  const cues = body === undefined ? 0 : certifiedCues(body, input.format, limits);
  if (cues > 0) return { file: input.file, language: input.language, cues, errors: 0, warnings: 0, findings: [] };
  return checkFully(input, limits, body);
}

/** checkSubtitle without the quick certificate: what it must agree with (test/unit/quality-certify.test.ts). */
export function checkSubtitleFully(input: SubtitleToCheck): FileQuality {
  return checkFully(input, limitsFor(input.language, input.overrides), utf8Body(input.bytes));
}

function checkFully(input: SubtitleToCheck, limits: LanguageLimits, body: Uint8Array | undefined): FileQuality {
  const { format } = input;
  const decoded = decode(input.bytes, body);
  // A well-formed file is read and checked in one pass (well-formed.ts); anything else, and any
  // file that pass does not expect, the parser reads and explains. Valid UTF-8 comes with LF only.
  const checked =
    (decoded.notUtf8 === undefined ? checkWellFormed(decoded.text, format, limits) : undefined) ?? checkParsed(decoded, format, limits);

  const ranked = checked.findings.flatMap((findings) => findings.ranked);
  ranked.sort(
    (a, b) =>
      (a.finding.severity === b.finding.severity ? 0 : a.finding.severity === 'error' ? -1 : 1) ||
      (a.finding.severity === 'error' ? a.weight - b.weight : b.weight - a.weight) ||
      a.finding.line - b.finding.line,
  );
  const findings = ranked.map((item) => item.finding);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { file: input.file, language: input.language, cues: checked.cues, errors, warnings: findings.length - errors, findings };
}

/** Any file: parsed into cues (every problem with its line), then the rules over the cues. */
function checkParsed(
  decoded: { text: string; notUtf8?: { line: number; message: string } },
  format: SubtitleFormat,
  limits: LanguageLimits,
): Checked {
  const parse = new Findings();
  if (decoded.notUtf8 !== undefined) parse.error('not-utf8', decoded.notUtf8.line, decoded.notUtf8.message);
  const parsed = parseSubtitle(decoded.text, format);
  for (const finding of parsed.findings) {
    if (finding.rule === 'unparseable') parse.error('unparseable', finding.line, finding.message);
    else parse.warning(finding.rule, finding.line, finding.message, 1);
  }
  if (parsed.cues.length === 0 && !parsed.wrongFormat && !parsed.findings.some((finding) => finding.severity === 'error')) {
    parse.error('no-cues', 1, 'the file has no cues: nothing would be shown');
  }

  const timingFindings = new Findings();
  const timing = new TimingRules(format, limits, timingFindings);
  for (const cue of parsed.cues) timing.cue(cue.line, cue.startMs, cue.endMs);
  const text = new Findings();
  const { lines } = parsed;
  for (const cue of parsed.cues) {
    checkText(lines.text, lines.starts, lines.ends, cue.line, cue.textLines, cue.line, cue.endMs - cue.startMs, limits, text);
  }
  return { cues: parsed.cues.length, findings: [parse, timingFindings, text] };
}

// ------------------------------------------------------------------ text encoding

const utf8 = new TextDecoder('utf-8');

function startsWithBom(bytes: Uint8Array, at: number): boolean {
  return bytes.length >= at + 3 && bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf;
}

/**
 * The text's bytes when the file is UTF-8: without its byte order mark (and one more, as
 * TextDecoder would drop); `undefined` when it is not UTF-8.
 */
function utf8Body(bytes: Uint8Array): Uint8Array | undefined {
  const body = startsWithBom(bytes, 0) ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) return undefined;
  return startsWithBom(body, 0) ? body.subarray(3) : body;
}

/**
 * The text, and where it stops being UTF-8 (the check goes on with U+FFFD in place of the bad
 * bytes). `valid`: utf8Body's answer for these bytes.
 */
function decode(bytes: Uint8Array, valid: Uint8Array | undefined): { text: string; notUtf8?: { line: number; message: string } } {
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
  if (valid !== undefined) {
    // Node's validator and decoder (simdutf) are native code: about 10x faster than TextDecoder's
    // fatal mode here, and they need no warm-up.
    const view = Buffer.from(valid.buffer, valid.byteOffset, valid.byteLength);
    // CRLF and lone CR are line breaks, as SubtitleLines takes them; looked for in the bytes, a
    // third of the size of the text (searching the text was 14 ms of the benchmark's 230).
    const text = view.toString('utf8');
    return { text: view.includes(0x0d) ? text.replace(/\r\n?/g, '\n') : text };
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
