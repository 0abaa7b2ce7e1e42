/**
 * The quick certificate of a clean subtitle file (docs/quality.md, "When it runs"), in AssemblyScript,
 * compiled to WebAssembly by `npm run build:wasm` (scripts/build-wasm.ts) into
 * src/quality/certify-wasm.ts. src/quality/certify.ts runs it.
 *
 * It answers one question about a UTF-8 subtitle file: is it in the usual form, with not one
 * finding? Yes: the number of cues. Anything else (a finding, a form it does not read, a
 * character it leaves to Intl.Segmenter): 0, and the check in TypeScript reads the file and says
 * what is wrong. So it never has to say why, and it may say 0 more often than needed, never less:
 * test/unit/quality-certify.test.ts compares the two on random files.
 *
 * It mirrors, byte for byte instead of code unit for code unit:
 * - src/quality/well-formed.ts: the forms it reads (a WebVTT header, cue identifiers, SRT numbers
 *   in sequence, text lines), only the fixed-offset timing line `00:00:01.000 --> 00:00:03.500`
 *   with nothing after it, LF or CRLF line ends (a lone CR: 0);
 * - src/quality/cue-rules.ts: TimingRules and checkText, where any finding means 0;
 * - src/quality/characters.ts: countByTable, the one-pass count by code unit class, with the same
 *   classes (asked of the TypeScript side, `classify`, the first time each code unit is met).
 *
 * Memory: bytes 0 to 65535 hold the class of each BMP code unit (0: not asked yet); the file's
 * bytes follow it, at `from`. The file is valid UTF-8 (the caller checked), without its BOM.
 */

/** The class of a BMP code unit, as src/quality/characters.ts classifies it (imported as certify.classify). */
declare function classify(unit: i32): i32;

// The classes of src/quality/characters.ts.
const FULL = 1;
const HALF = 2;
const SPACE_FULL = 3;
const SPACE_HALF = 4;
const MARK = 5;
const SPACING = 6;
const LINKER = 7;
const CONSONANT = 8;
const SLOW = 9;
const INVISIBLE_UNIT = 10;

const LF = 0x0a;
const CR = 0x0d;

/** Where the file starts and ends. */
let fileStart: usize = 0;
let fileEnd: usize = 0;
/** Set by lineEnd: where the line's content ends (before its CR LF or LF). */
let contentEnd: usize = 0;
/** Set by readTiming. */
let startMs: i32 = 0;
let endMs: i32 = 0;

// The limits of the file's language (NaN: the rule is off), and its way of counting.
let maxLineLength: f64 = NaN;
let maxLines: f64 = NaN;
let maxCps: f64 = NaN;
let minDuration: f64 = NaN;
let maxDuration: f64 = NaN;
let minGap: f64 = NaN;
/** 1 in Chinese, Japanese and Korean (a half-width character counts half), 2 otherwise: counts are in half characters. */
let halfWidth: i32 = 2;

// TimingRules' state.
let hasPrevious = false;
let previousStart: i32 = 0;
let latestEnd: i32 = 0;

/**
 * The number of cues of the file of `length` bytes at `from` (`vtt`: 1 for WebVTT, 0 for SRT) when
 * it is in the usual form and breaks no rule; 0 otherwise.
 */
export function certify(
  vtt: i32,
  from: usize,
  length: usize,
  lineLength: f64,
  lines: f64,
  cps: f64,
  minimumDuration: f64,
  maximumDuration: f64,
  gap: f64,
  halfWidthCountsHalf: i32,
): i32 {
  fileStart = from;
  fileEnd = from + length;
  maxLineLength = lineLength;
  maxLines = lines;
  maxCps = cps;
  minDuration = minimumDuration;
  maxDuration = maximumDuration;
  minGap = gap;
  halfWidth = halfWidthCountsHalf ? 1 : 2;
  hasPrevious = false;
  previousStart = 0;
  latestEnd = 0;
  return vtt ? webVtt() : srt();
}

function webVtt(): i32 {
  let p = fileStart;
  if (fileEnd - p < 6) return 0;
  if (load<u8>(p) != 0x57 || load<u8>(p + 1) != 0x45 || load<u8>(p + 2) != 0x42) return 0; // WEB
  if (load<u8>(p + 3) != 0x56 || load<u8>(p + 4) != 0x54 || load<u8>(p + 5) != 0x54) return 0; // VTT
  if (fileEnd - p == 6) return 0;
  const after = <i32>load<u8>(p + 6);
  if (after != LF && after != 0x20 && after != 0x09 && !(after == CR && p + 7 < fileEnd && load<u8>(p + 7) == LF)) return 0;
  // The header: to the first empty line, without "-->".
  for (;;) {
    const end = lineEnd(p);
    if (end == 0) return 0;
    if (hasArrow(p, contentEnd)) return 0;
    if (end >= fileEnd) return 0;
    p = end + 1;
    if (p >= fileEnd) return 0;
    if (isEmptyLine(p)) break;
  }
  let cues = 0;
  for (;;) {
    p = skipEmptyLines(p);
    if (p >= fileEnd) break;
    let end = timingLine(p, 0x2e);
    if (end == 0) {
      // Not a timing line of the fixed form: a cue identifier (NOTE, STYLE and REGION blocks are
      // the parser's, as is a timing line of any other form), then the timing line.
      // (scanLine says 0 for a "-->" in the line, and for a lone CR.)
      end = scanLine(p);
      if (end == 0 || startsWithBlockName(p)) return 0;
      p = end + 1;
      if (p >= fileEnd) return 0;
      end = timingLine(p, 0x2e);
      if (end == 0) return 0;
    }
    p = end + 1;
    const next = cue(p, false);
    if (next == 0) return 0;
    p = next;
    cues++;
  }
  return cues;
}

function srt(): i32 {
  let p = fileStart;
  let expected = 1;
  let cues = 0;
  for (;;) {
    p = skipEmptyLines(p);
    if (p >= fileEnd) break;
    // The cue number, alone on its line, the one expected.
    let end = lineEnd(p);
    if (end == 0) return 0;
    const digits = <i32>(contentEnd - p);
    if (digits == 0 || digits > 9) return 0;
    let number = 0;
    for (let q = p; q < contentEnd; q++) {
      const digit = <i32>load<u8>(q) - 0x30;
      if (digit < 0 || digit > 9) return 0;
      number = number * 10 + digit;
    }
    if (number != expected) return 0;
    expected = number + 1;
    p = end + 1;
    if (p >= fileEnd) return 0;
    end = timingLine(p, 0x2c);
    if (end == 0) return 0;
    p = end + 1;
    const next = cue(p, true);
    if (next == 0) return 0;
    p = next;
    cues++;
  }
  return cues;
}

/**
 * The cue whose timing readTiming just read, its text lines from `p` to the next empty line: the
 * timing rules, then the text rules. Where the text ends (its LF's next byte), or 0 for a finding
 * or a form left to the parser.
 */
function cue(p: usize, srtText: bool): usize {
  const duration = endMs - startMs;
  // TimingRules: any finding is a 0.
  if (duration <= 0) return 0;
  if (hasPrevious) {
    if (startMs < previousStart) return 0;
    if (startMs < latestEnd) return 0;
    if (<f64>(startMs - latestEnd) < minGap) return 0;
  }
  if (<f64>duration < minDuration || <f64>duration > maxDuration) return 0;
  if (!hasPrevious || endMs > latestEnd) latestEnd = endMs;
  hasPrevious = true;
  previousStart = startMs;

  // checkText. Upper bounds first, as there: a line never counts more characters than it has code
  // points, so a cue whose code points are within every limit breaks none, and all that is left
  // to know is whether anything shows (usually its first character says). The lines are found 16
  // bytes at a time (scanLine).
  let lines = 0;
  let longest: usize = 0;
  let codePoints: usize = 0;
  let shows = 0;
  let q = p;
  while (q < fileEnd && !isEmptyLine(q)) {
    // A line that starts with white space might be blank, which ends an SRT cue too.
    if (srtText && mayBeWhiteSpace(q)) return 0;
    const end = scanLine(q);
    if (end == 0) return 0;
    if (shows == 0) {
      shows = showsText(q);
      if (shows < 0) return 0;
    }
    lines++;
    codePoints += lineCodePoints;
    if (lineCodePoints > longest) longest = lineCodePoints;
    q = end + 1;
  }
  const next = q >= fileEnd ? fileEnd : q;
  if (!(<f64>longest > maxLineLength) && !(<f64>lines > maxLines) && !(<f64>codePoints / (<f64>duration / 1000) > maxCps)) {
    return shows > 0 ? next : 0;
  }

  // Past a bound: every line counted, as countByTable counts.
  let shown = 0;
  let total: i32 = 0;
  while (p < fileEnd && !isEmptyLine(p)) {
    const end = textLine(p);
    if (end == 0) return 0;
    const characters = lineCharacters;
    if (characters > 0) {
      shown++;
      total += characters;
      if (<f64>characters / 2 > maxLineLength) return 0;
      if (<f64>shown > maxLines) return 0;
    }
    p = end + 1;
  }
  if (shown == 0) return 0;
  if (<f64>total / 2 / (<f64>duration / 1000) > maxCps) return 0;
  return next;
}

/** Set by scanLine: the code points of the line it found. */
let lineCodePoints: usize = 0;

/**
 * Where the line at `from` ends (its LF, or the end of the file), its content's end into
 * contentEnd and its code points into lineCodePoints, 16 bytes at a time: LF, CR and ">" stop the
 * scan, continuation bytes (10xxxxxx) are not code points. 0 for a "-->" in the line or a lone CR.
 */
function scanLine(from: usize): usize {
  const end = fileEnd;
  const lf = i8x16.splat(<i8>LF);
  const cr = i8x16.splat(<i8>CR);
  const gt = i8x16.splat(0x3e);
  const top = i8x16.splat(<i8>0xc0);
  const continuation = i8x16.splat(<i8>0x80);
  let i = from;
  let continuations: usize = 0;
  for (;;) {
    if (i + 16 <= end) {
      const bytes = v128.load(i);
      const stops = i8x16.bitmask(v128.or(v128.or(i8x16.eq(bytes, lf), i8x16.eq(bytes, cr)), i8x16.eq(bytes, gt)));
      const following = i8x16.bitmask(i8x16.eq(v128.and(bytes, top), continuation));
      if (stops == 0) {
        continuations += <usize>popcnt<i32>(following);
        i += 16;
        continue;
      }
      const at = ctz<i32>(stops);
      continuations += <usize>popcnt<i32>(following & ((1 << at) - 1));
      i += <usize>at;
    } else {
      while (i < end) {
        const c = load<u8>(i);
        if (c == LF || c == CR || c == 0x3e) break;
        if ((c & 0xc0) == 0x80) continuations++;
        i++;
      }
      if (i >= end) {
        contentEnd = end;
        lineCodePoints = end - from - continuations;
        return end;
      }
    }
    const c = load<u8>(i);
    if (c == LF) {
      contentEnd = i;
      lineCodePoints = i - from - continuations;
      return i;
    }
    if (c == CR) {
      if (i + 1 < end && load<u8>(i + 1) == LF) {
        contentEnd = i;
        lineCodePoints = i - from - continuations;
        return i + 1;
      }
      return 0;
    }
    if (isArrowEnd(from, i)) return 0;
    i++;
  }
  return 0; // not reached: the loop returns
}

/**
 * Whether the line at `from` shows anything, as characters.ts showsText (usually its first
 * character says): 1 yes, 0 no, -1 when only the slow way can say (the TypeScript side's then).
 */
function showsText(from: usize): i32 {
  const end = fileEnd;
  let i = from;
  while (i < end) {
    const c = <i32>load<u8>(i);
    if (c < 0x80) {
      if (c == 0x20) {
        i++;
        continue;
      }
      if (c == LF || c == CR) return 0;
      if (c == 0x3c || c == 0x7b) {
        const close = markupEnd(i);
        if (close == 0) return 1;
        i = close + 1;
        continue;
      }
      return c > 0x20 && c < 0x7f && c != 0x26 ? 1 : -1;
    }
    const unit = codeUnitAt(i);
    if (unit < 0) return -1;
    const unitClass = classOf(unit);
    if (unitClass == SLOW) return -1;
    if (unitClass != SPACE_FULL && unitClass != SPACE_HALF && unitClass != INVISIBLE_UNIT) return 1;
    i += unitSize;
  }
  return 0;
}

/** Set by codeUnitAt: the bytes of the character it read. */
let unitSize: usize = 0;

/**
 * The code unit of the 2- or 3-byte UTF-8 character at `p` (its size into unitSize), -1 for a
 * 4-byte one (outside the BMP). The 3 bytes are read in one load, and the byte after them
 * ignored (certify.ts leaves room past the file).
 */
function codeUnitAt(p: usize): i32 {
  const c = <u32>load<u8>(p);
  if (c < 0xe0) {
    unitSize = 2;
    return <i32>(((c & 0x1f) << 6) | ((<u32>load<u8>(p + 1)) & 0x3f));
  }
  if (c < 0xf0) {
    const word = load<u32>(p);
    unitSize = 3;
    return <i32>(((word & 0x0f) << 12) | ((word >> 2) & 0x0fc0) | ((word >> 16) & 0x3f));
  }
  return -1;
}

/** The class of a BMP code unit, asked of the TypeScript side the first time. */
function classOf(unit: i32): i32 {
  let unitClass = <i32>load<u8>(<usize>unit);
  if (unitClass == 0) {
    unitClass = classify(unit);
    store<u8>(<usize>unit, <u8>unitClass);
  }
  return unitClass;
}

/** Set by textLine: the characters of the line it read, in half characters. */
let lineCharacters: i32 = 0;

/**
 * The text line at `from` (scanLine has read it: no "-->" and no lone CR in it), counted: where
 * it ends (its LF, or the end of the file), and its characters into lineCharacters, as
 * characters.ts countByTable counts them (markup skipped, trimmed). 0 for a line with a character
 * the slow way counts (an entity, a control, a character outside the BMP, a joiner...).
 */
function textLine(from: usize): usize {
  const half = halfWidth;
  const end = fileEnd;
  let count: i32 = 0;
  let pending: i32 = 0;
  let started = false;
  let conjunct = 0;
  let i = from;
  while (i < end) {
    const c = <i32>load<u8>(i);
    if (c < 0x80) {
      if (c > 0x20 && c < 0x7f && c != 0x26 && c != 0x3c && c != 0x7b) {
        // Printable ASCII but & < {: a character of its own, half-width in CJK.
        count += pending + half;
        pending = 0;
        started = true;
        conjunct = 0;
        i++;
        continue;
      }
      if (c == 0x20) {
        if (started) pending += half;
        conjunct = 0;
        i++;
        continue;
      }
      if (c == LF) break;
      if (c == CR) {
        if (i + 1 < end && load<u8>(i + 1) == LF) {
          i++;
          break;
        }
        return 0;
      }
      if (c == 0x3c || c == 0x7b) {
        const close = markupEnd(i);
        if (close != 0) {
          i = close + 1;
          continue;
        }
        count += pending + half;
        pending = 0;
        started = true;
        conjunct = 0;
        i++;
        continue;
      }
      return 0; // & (an entity), a tab or another control: the slow way's
    }
    const unit = codeUnitAt(i);
    if (unit < 0) return 0; // outside the BMP: surrogate pairs are the slow way's
    const size = unitSize;
    const unitClass = classOf(unit);
    switch (unitClass) {
      case FULL:
        count += pending + 2;
        pending = 0;
        started = true;
        conjunct = 0;
        break;
      case HALF:
        count += pending + half;
        pending = 0;
        started = true;
        conjunct = 0;
        break;
      case SPACE_FULL:
        if (started) pending += 2;
        conjunct = 0;
        break;
      case SPACE_HALF:
        if (started) pending += half;
        conjunct = 0;
        break;
      case CONSONANT:
        if (conjunct != 2) {
          count += pending + 2;
          pending = 0;
          started = true;
        }
        conjunct = 1;
        break;
      case MARK:
      case SPACING:
      case LINKER:
        if (!started) {
          count += half == 1 && isHalfWidth(unit) ? 1 : 2;
          started = true;
        } else {
          count += pending;
          pending = 0;
        }
        if (unitClass == LINKER) conjunct = conjunct == 0 ? 0 : 2;
        else if (unitClass == SPACING) conjunct = 0;
        break;
      case INVISIBLE_UNIT:
        break;
      default:
        return 0;
    }
    i += size;
  }
  lineCharacters = count;
  return i;
}

/** Whether the ">" at `at` ends a "-->" within the line that starts at `from`. */
function isArrowEnd(from: usize, at: usize): bool {
  return at >= from + 2 && load<u8>(at - 1) == 0x2d && load<u8>(at - 2) == 0x2d;
}

/**
 * Where the tag or ASS block starting at `at` ends, its closing sign, as characters.ts markupEnd
 * finds it in the line; 0 when it is no markup.
 */
function markupEnd(at: usize): usize {
  const end = fileEnd;
  const brace = load<u8>(at) == 0x7b;
  if (brace && (at + 1 >= end || load<u8>(at + 1) != 0x5c)) return 0;
  const close: u8 = brace ? 0x7d : 0x3e;
  const open: u8 = brace ? 0x7b : 0x3c;
  for (let i = at + 1; i < end; i++) {
    const c = load<u8>(i);
    if (c == close) return i;
    if (c == open || c == LF || c == CR) return 0;
  }
  return 0;
}

/**
 * The timing line at `from` when it is `00:00:01.000 --> 00:00:03.500` and nothing else, minutes
 * and seconds below 60 (`separator`: `.` or `,`), as parse.ts readTimingFast's fixed form: its
 * times into startMs and endMs, and where it ends (its LF, or the end of the file); 0 otherwise.
 */
function timingLine(from: usize, separator: i32): usize {
  const to = from + 29;
  if (to > fileEnd) return 0;
  let end = to;
  if (to < fileEnd) {
    const c = load<u8>(to);
    if (c == CR && to + 1 < fileEnd && load<u8>(to + 1) == LF) end = to + 1;
    else if (c != LF) return 0;
  }
  return readTiming(from, separator) ? end : 0;
}

function readTiming(from: usize, separator: i32): bool {
  // The form, checked 16 bytes at a time (bytes 0-15, then 13-28): each byte between the lowest
  // and highest it may be, a digit (below 6 for the tens of minutes and seconds) or its sign.
  const sign = <i8>separator;
  const first = v128.load(from);
  const second = v128.load(from + 13);
  const firstOk = v128.and(
    i8x16.ge_u(first, i8x16.replace_lane(FIRST_LOWEST, 8, sign)),
    i8x16.le_u(first, i8x16.replace_lane(FIRST_HIGHEST, 8, sign)),
  );
  const secondOk = v128.and(
    i8x16.ge_u(second, i8x16.replace_lane(SECOND_LOWEST, 12, sign)),
    i8x16.le_u(second, i8x16.replace_lane(SECOND_HIGHEST, 12, sign)),
  );
  if (!i8x16.all_true(v128.and(firstOk, secondOk))) return false;
  startMs = fixedTime(from);
  endMs = fixedTime(from + 17);
  return true;
}

// "00:00:01.000 -->" and "--> 00:00:03.500": the lowest and highest byte at each place (the
// separator's place, 8 and 12, is set to `.` or `,` when used).
const FIRST_LOWEST = i8x16(0x30, 0x30, 0x3a, 0x30, 0x30, 0x3a, 0x30, 0x30, 0, 0x30, 0x30, 0x30, 0x20, 0x2d, 0x2d, 0x3e);
const FIRST_HIGHEST = i8x16(0x39, 0x39, 0x3a, 0x35, 0x39, 0x3a, 0x35, 0x39, 0, 0x39, 0x39, 0x39, 0x20, 0x2d, 0x2d, 0x3e);
const SECOND_LOWEST = i8x16(0x2d, 0x2d, 0x3e, 0x20, 0x30, 0x30, 0x3a, 0x30, 0x30, 0x3a, 0x30, 0x30, 0, 0x30, 0x30, 0x30);
const SECOND_HIGHEST = i8x16(0x2d, 0x2d, 0x3e, 0x20, 0x39, 0x39, 0x3a, 0x35, 0x39, 0x3a, 0x35, 0x39, 0, 0x39, 0x39, 0x39);

/** `00:00:01.000` at `p`, its form already checked: in milliseconds. */
function fixedTime(p: usize): i32 {
  const hours = digit(p) * 10 + digit(p + 1);
  const minutes = digit(p + 3) * 10 + digit(p + 4);
  const seconds = digit(p + 6) * 10 + digit(p + 7);
  return hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + digit(p + 9) * 100 + digit(p + 10) * 10 + digit(p + 11);
}

function digit(p: usize): i32 {
  return <i32>load<u8>(p) - 0x30;
}

/**
 * Where the line starting at `p` ends: its LF, or the end of the file; its content's end
 * (before a CR LF's CR) into contentEnd. 0 when a CR in it is not followed by LF (a lone CR is a
 * line break the TypeScript side reads as such).
 */
function lineEnd(p: usize): usize {
  const end = fileEnd;
  while (p < end) {
    const c = load<u8>(p);
    if (c == LF) {
      contentEnd = p;
      return p;
    }
    if (c == CR) {
      if (p + 1 < end && load<u8>(p + 1) == LF) {
        contentEnd = p;
        return p + 1;
      }
      return 0;
    }
    p++;
  }
  contentEnd = end;
  return end;
}

/** Whether the line at `p` is empty (LF or CR LF). */
function isEmptyLine(p: usize): bool {
  const c = load<u8>(p);
  return c == LF || (c == CR && p + 1 < fileEnd && load<u8>(p + 1) == LF);
}

function skipEmptyLines(p: usize): usize {
  while (p < fileEnd) {
    const c = load<u8>(p);
    if (c == LF) p++;
    else if (c == CR && p + 1 < fileEnd && load<u8>(p + 1) == LF) p += 2;
    else break;
  }
  return p;
}

/** Whether "-->" is in from..to. */
function hasArrow(from: usize, to: usize): bool {
  for (let i = from + 2; i < to; i++) {
    if (load<u8>(i) == 0x3e && load<u8>(i - 1) == 0x2d && load<u8>(i - 2) == 0x2d) return true;
  }
  return false;
}

/** NOTE, STYLE or REGION at `p` (whatever follows: the parser decides). */
function startsWithBlockName(p: usize): bool {
  const c = load<u8>(p);
  if (c == 0x4e) return startsWith(p, 0x45544f4e, 4); // NOTE
  if (c == 0x53) return startsWith(p, 0x4c595453, 4) && p + 4 < fileEnd && load<u8>(p + 4) == 0x45; // STYL E
  if (c == 0x52) return startsWith(p, 0x49474552, 4) && p + 5 < fileEnd && load<u8>(p + 4) == 0x4f && load<u8>(p + 5) == 0x4e; // REGI ON
  return false;
}

/** Whether the `size` bytes at `p` are those of `word` (little-endian). */
function startsWith(p: usize, word: u32, size: usize): bool {
  for (let k: usize = 0; k < size; k++) {
    if (p + k >= fileEnd || <u32>load<u8>(p + k) != ((word >> (<u32>k * 8)) & 0xff)) return false;
  }
  return true;
}

/** ASCII controls and space, and every character String#trim removes (as well-formed.ts mayBeWhiteSpace). */
function mayBeWhiteSpace(p: usize): bool {
  const c = <i32>load<u8>(p);
  if (c <= 0x20) return true;
  if (c < 0x80) return false;
  const unit = codeUnitAt(p);
  return (
    unit == 0xa0 ||
    unit == 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit == 0x2028 ||
    unit == 0x2029 ||
    unit == 0x202f ||
    unit == 0x205f ||
    unit == 0x3000 ||
    unit == 0xfeff
  );
}

/** As characters.ts isHalfWidth. */
function isHalfWidth(unit: i32): bool {
  if (unit >= 0x20 && unit <= 0x7e) return true;
  if (unit == 0xa0) return true;
  if (unit >= 0xc0 && unit <= 0x24f) return unit != 0xd7 && unit != 0xf7;
  if (unit >= 0x1e00 && unit <= 0x1eff) return true;
  return (unit >= 0xff61 && unit <= 0xffdc) || (unit >= 0xffe8 && unit <= 0xffee);
}
