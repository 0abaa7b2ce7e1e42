/**
 * Characters as a viewer reads them (docs/quality.md, "How characters are counted").
 *
 * - Markup is not read: WebVTT and SRT tags (`<i>`, `<c.yellow>`, `<v Roger>`, `<font color=..>`,
 *   `<00:00:01.000>`) and ASS override blocks (`{\an8}`, `{\i1}`) are removed; entities
 *   (`&amp;`, `&nbsp;`, `&#233;`) count as the one character they show.
 * - Invisible format characters are not read: bidi marks and isolates (common at the start of
 *   Arabic and Hebrew lines), zero-width space, soft hyphen, BOM.
 * - What is left is counted in grapheme clusters (Intl.Segmenter): "é" written as e + U+0301,
 *   a Devanagari conjunct, a flag or a family emoji are one character each.
 * - In Chinese, Japanese and Korean, a half-width character (Latin letters, digits, half-width
 *   punctuation and spaces, half-width katakana) counts as half a character: Netflix's Timed
 *   Text Style Guide for those languages counts that way.
 *
 * Speed: segmenting costs about 0.3 us a character, too slow for 150,000 cues. Most lines hold no
 * character that can join its neighbour into one cluster; those are counted code point by code
 * point, which gives the same number (test/unit/quality-characters.test.ts compares the two for
 * every code point of planes 0, 1 and 14).
 */
import { UNIT_CLASSES_UNICODE, readUnitClasses } from './unit-classes.ts';

/** Tags `<...>` (WebVTT, SRT's HTML subset) and ASS override blocks `{\...}`. */
const MARKUP = /<[^<>\r\n]*>|\{\\[^{}\r\n]*\}/g;
const ENTITY = /&(?:(amp|lt|gt|nbsp|quot|apos|lrm|rlm)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  quot: '"',
  apos: "'",
  lrm: '',
  rlm: '',
};
/** Format characters nobody sees: soft hyphen, Arabic letter mark, zero-width space, bidi marks, embeddings, overrides and isolates, word joiner, BOM. */
const INVISIBLE = /[\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const HAS_INVISIBLE = /[\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Characters that can share a grapheme cluster with a neighbour (UAX #29): Extend (Grapheme_Extend
 * and emoji modifiers), ZWJ, SpacingMark (Mc, plus Thai and Lao AM), Prepend, regional indicators,
 * and conjoining Hangul jamo. A line without any of them has one cluster per code point.
 */
const JOINING =
  /[\p{Grapheme_Extend}\p{Mc}\u200d\u0e33\u0eb3\p{Emoji_Modifier}\p{Regional_Indicator}\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u{110bd}\u{110cd}\u0d4e\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}\u{113d1}\u{16d63}\u{16d67}-\u{16d6a}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;

let segmenter: Intl.Segmenter | undefined;

function graphemeSegmenter(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' }));
}

/**
 * How many characters a subtitle line (`line`, or its part from `from` to `to`) counts for, as
 * written (markup and all): the same number as `countCharacters(visibleText(line), halfWidthCountsHalf)`, in one pass over the line when it
 * holds nothing that needs the slow way (markup, entities, invisible or joining characters other
 * than combining marks and Indic conjuncts, characters outside the BMP).
 */
export function countLine(line: string, halfWidthCountsHalf: boolean, from = 0, to = line.length): number {
  return countByTable(line, from, to, halfWidthCountsHalf, true) ?? countCharacters(visibleText(line.slice(from, to)), halfWidthCountsHalf);
}

/** The text of one subtitle line as it shows on screen: markup, entities and invisible characters resolved, trimmed. */
export function visibleText(line: string): string {
  let text = line;
  if (text.includes('<') || text.includes('{')) text = text.replace(MARKUP, '');
  if (text.includes('&')) text = text.replace(ENTITY, decodeEntity);
  if (HAS_INVISIBLE.test(text)) text = text.replace(INVISIBLE, '');
  return text.trim();
}

function decodeEntity(match: string, name: string | undefined, decimal: string | undefined, hex: string | undefined): string {
  if (name !== undefined) return NAMED_ENTITIES[name] ?? match;
  const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
  if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(codePoint);
}

/**
 * How many characters `text` (already visible text) counts for. With `halfWidthCountsHalf`
 * (Chinese, Japanese, Korean), half-width characters count 0.5.
 */
export function countCharacters(text: string, halfWidthCountsHalf: boolean): number {
  if (PRINTABLE_ASCII.test(text)) return halfWidthCountsHalf ? text.length / 2 : text.length;
  const counted = countByTable(text, 0, text.length, halfWidthCountsHalf, false);
  if (counted !== undefined) return counted;
  if (!JOINING.test(text)) {
    let count = 0;
    for (const character of text) count += halfWidthCountsHalf && isHalfWidth(character.codePointAt(0)!) ? 0.5 : 1;
    return count;
  }
  let count = 0;
  for (const { segment } of graphemeSegmenter().segment(text)) {
    count += halfWidthCountsHalf && isHalfWidth(segment.codePointAt(0)!) ? 0.5 : 1;
  }
  return count;
}

// ------------------------------------------------------------------ the one-pass count

/** What a UTF-16 code unit is to the one-pass count (0: not classed yet). */
const FULL = 1; // a character of its own, full width
const HALF = 2; // a character of its own, half width in CJK
const SPACE_FULL = 3; // white space (trimmed at the ends), full width
const SPACE_HALF = 4; // white space, half width in CJK
const MARK = 5; // joins the character before (Extend, InCB=Extend: an Indic conjunct goes on through it)
const SPACING = 6; // joins the character before (SpacingMark, or Extend that ends an Indic conjunct)
const LINKER = 7; // a virama that joins the next consonant (UAX #29 GB9c, InCB=Linker)
const CONSONANT = 8; // InCB=Consonant: joins the character before after a LINKER
const SLOW = 9; // needs the slow way: entity, control, surrogate, ZWJ, Prepend, Hangul jamo...
const INVISIBLE_UNIT = 10; // not read at all (INVISIBLE): as if it were not there

/**
 * Classes of the BMP code units: those of unit-classes.ts (every code point assigned in the
 * Unicode version it was made with), filled in when the first class is asked; the others
 * classified when met.
 */
const classOf = new Uint8Array(0x10000);
let tableRead = false;

const MARKUP_OR_CONTROL = /[\p{Cc}<{&\u2028\u2029]/u;
const EXTEND_OR_SPACING_MARK = /[\p{Grapheme_Extend}\p{Mc}\u0e33\u0eb3]/u;
const WHITE_SPACE = /\s/u;
const LETTER = /\p{L}/u;

/** The class of one code unit: unit-classes.ts's, or else classifyUnit's. */
function classify(unit: number): number {
  if (!tableRead) {
    knownUnitClasses();
    if (classOf[unit] !== 0) return classOf[unit]!;
  }
  return classifyUnit(unit);
}

/**
 * The classes known so far (0: not classified yet): assembly/certify.ts starts from a copy. They
 * include unit-classes.ts's when it was made with the Unicode version of the Node that runs
 * (unitClassesApply); under another, every class is asked of this Node as its unit is met.
 */
export function knownUnitClasses(): Uint8Array {
  if (!tableRead) {
    tableRead = true;
    if (unitClassesApply(process.versions.unicode)) readUnitClasses(classOf);
  }
  return classOf;
}

/** Whether unit-classes.ts holds the classes of the Unicode version `unicode` (the running Node's). */
export function unitClassesApply(unicode: string | undefined): boolean {
  return unicode === UNIT_CLASSES_UNICODE;
}

/**
 * The class of one code unit, from the same regular expressions as the slow way; for combining
 * marks and Brahmic letters, asked of the segmenter itself: does the mark join the character
 * before (not every Mc does), does it link the next consonant (KA + m + KA is one cluster), does a
 * conjunct go on through it (KA + VIRAMA + m + KA), is the letter a consonant (KA + VIRAMA + c).
 * So the one-pass count cannot drift from Intl.Segmenter when Node's Unicode version moves.
 * scripts/unit-classes.ts writes unit-classes.ts from it, which is used only under the Unicode
 * version it was made with, and test/unit/quality-certify.test.ts compares the two for every BMP
 * code unit.
 */
export function classifyUnit(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return SLOW;
  const character = String.fromCharCode(unit);
  if (HAS_INVISIBLE.test(character)) return INVISIBLE_UNIT;
  if (MARKUP_OR_CONTROL.test(character)) return SLOW;
  if (WHITE_SPACE.test(character)) return isHalfWidth(unit) ? SPACE_HALF : SPACE_FULL;
  if (EXTEND_OR_SPACING_MARK.test(character)) {
    if (clusters(`a${character}`) !== 1) return isHalfWidth(unit) ? HALF : FULL;
    if (clusters(`\u0915${character}\u0915`) === 1) return LINKER;
    return clusters(`\u0915\u094d${character}\u0915`) === 1 ? MARK : SPACING;
  }
  if (JOINING.test(character)) return SLOW;
  // InCB=Consonant letters are Brahmic: their blocks lie in U+0900..U+1CFF and U+A800..U+ABFF.
  const brahmic = (unit >= 0x0900 && unit <= 0x1cff) || (unit >= 0xa800 && unit <= 0xabff);
  if (brahmic && LETTER.test(character) && clusters(`\u0915\u094d${character}`) === 1) return CONSONANT;
  return isHalfWidth(unit) ? HALF : FULL;
}

/** The class of a BMP code unit for the one-pass count, classified the first time it is asked (assembly/certify.ts asks too). */
export function unitClass(unit: number): number {
  let unitClass = classOf[unit]!;
  if (unitClass === 0) unitClass = classOf[unit] = classify(unit);
  return unitClass;
}

/**
 * Whether a subtitle line (`line`, or its part from `from` to `to`) shows anything: the same
 * answer as `countLine(...) !== 0`, usually from its first character.
 */
export function showsText(line: string, halfWidthCountsHalf: boolean, from = 0, to = line.length): boolean {
  for (let i = from; i < to; i++) {
    const unit = line.charCodeAt(i);
    if (unit === 0x3c /* < */ || unit === 0x7b /* { */) {
      const end = markupEnd(line, i, to);
      if (end === -1) return true; // the sign itself is text
      i = end;
      continue;
    }
    let unitClass = classOf[unit]!;
    if (unitClass === 0) unitClass = classOf[unit] = classify(unit);
    if (unitClass === SLOW) return countLine(line, halfWidthCountsHalf, from, to) !== 0;
    // White space counts only before a character, and an invisible character not at all.
    if (unitClass !== SPACE_FULL && unitClass !== SPACE_HALF && unitClass !== INVISIBLE_UNIT) return true;
  }
  return false;
}

function clusters(text: string): number {
  let count = 0;
  for (const _ of graphemeSegmenter().segment(text)) count++;
  return count;
}

/** Where the tag or ASS block starting at `at` ends (its closing sign), as MARKUP would match it; -1 when it is no markup. */
function markupEnd(text: string, at: number, to: number): number {
  const brace = text.charCodeAt(at) === 0x7b;
  if (brace && text.charCodeAt(at + 1) !== 0x5c) return -1;
  for (let i = at + 1; i < to; i++) {
    const c = text.charCodeAt(i);
    if (brace ? c === 0x7d : c === 0x3e) return i;
    if (brace ? c === 0x7b : c === 0x3c) return -1;
  }
  return -1;
}

/**
 * The count in one pass, or `undefined` when the line needs the slow way. Trims as
 * String.prototype.trim does. With `markup`, tags and ASS blocks are skipped as MARKUP removes
 * them; without, the text is already visible and `<` and `{` are characters like any other.
 */
function countByTable(text: string, from: number, to: number, halfWidthCountsHalf: boolean, markup: boolean): number | undefined {
  const half = halfWidthCountsHalf ? 0.5 : 1;
  let count = 0;
  /** White space seen since the last character: counted only if a character follows (trim). */
  let pending = 0;
  let started = false;
  /** 0: not in a consonant cluster; 1: in one; 2: in one, after a linker (a consonant joins). */
  let conjunct = 0;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x3c /* < */ || unit === 0x7b /* { */) {
      // Markup is not read (MARKUP): a tag `<...>`, an ASS block `{\...}`. Otherwise the sign itself is text.
      const end = markup ? markupEnd(text, i, to) : -1;
      if (end !== -1) {
        i = end;
        continue;
      }
      count += pending + half;
      pending = 0;
      started = true;
      conjunct = 0;
      continue;
    }
    let unitClass = classOf[unit]!;
    if (unitClass === 0) unitClass = classOf[unit] = classify(unit);
    switch (unitClass) {
      case FULL:
        count += pending + 1;
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
        if (started) pending += 1;
        conjunct = 0;
        break;
      case SPACE_HALF:
        if (started) pending += half;
        conjunct = 0;
        break;
      case CONSONANT:
        if (conjunct !== 2) {
          count += pending + 1;
          pending = 0;
          started = true;
        }
        conjunct = 1;
        break;
      case MARK:
      case SPACING:
      case LINKER: {
        // Joins the character before: a space it follows is no longer trimmed; at the start it stands alone.
        if (!started) {
          count += halfWidthCountsHalf && isHalfWidth(unit) ? 0.5 : 1;
          started = true;
        } else {
          count += pending;
          pending = 0;
        }
        if (unitClass === LINKER) conjunct = conjunct === 0 ? 0 : 2;
        else if (unitClass === SPACING) conjunct = 0;
        break;
      }
      case INVISIBLE_UNIT:
        break; // removed before anything is counted: it neither joins nor separates
      default:
        return undefined;
    }
  }
  return count;
}

/**
 * The first `count` characters of `text` (grapheme clusters), and whether there were more: to
 * quote a line short. Code points where no character joins its neighbour, the segmenter otherwise.
 */
export function firstCharacters(text: string, count: number): { shown: string; cut: boolean } {
  const head = text.slice(0, count * 8);
  const clusters = JOINING.test(head) ? Array.from(graphemes(head)) : Array.from(head);
  return clusters.length > count
    ? { shown: clusters.slice(0, count).join(''), cut: true }
    : { shown: clusters.join(''), cut: text.length > head.length };
}

/** Grapheme clusters, the slow way: for tests and for cutting text short. */
export function* graphemes(text: string): Generator<string> {
  for (const { segment } of graphemeSegmenter().segment(text)) yield segment;
}

/**
 * Half-width in East Asian typesetting: printable ASCII, no-break space, Latin letters with
 * diacritics (Latin-1 letters, Latin Extended-A/B and Additional), half-width katakana and
 * Hangul, and the half-width symbol forms. Full-width Latin (U+FF01..) is full width.
 */
export function isHalfWidth(codePoint: number): boolean {
  if (codePoint >= 0x20 && codePoint <= 0x7e) return true;
  if (codePoint === 0xa0) return true;
  if (codePoint >= 0xc0 && codePoint <= 0x24f) return codePoint !== 0xd7 && codePoint !== 0xf7;
  if (codePoint >= 0x1e00 && codePoint <= 0x1eff) return true;
  return (codePoint >= 0xff61 && codePoint <= 0xffdc) || (codePoint >= 0xffe8 && codePoint <= 0xffee);
}
