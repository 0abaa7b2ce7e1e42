export const id = 340;
export const ids = [340];
export const modules = {

/***/ 23340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  annotateQuality: () => (/* binding */ annotateQuality),
  checkSavedSubtitles: () => (/* binding */ checkSavedSubtitles)
});

// UNUSED EXPORTS: MAX_CHECKED_BYTES

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/annotations.ts
var annotations = __webpack_require__(30105);
// EXTERNAL MODULE: ./src/error-message.ts
var error_message = __webpack_require__(86587);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./src/quality/characters.ts
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
/** Tags `<...>` (WebVTT, SRT's HTML subset) and ASS override blocks `{\...}`. */
const MARKUP = /<[^<>\r\n]*>|\{\\[^{}\r\n]*\}/g;
const ENTITY = /&(?:(amp|lt|gt|nbsp|quot|apos|lrm|rlm)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;
const NAMED_ENTITIES = {
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
const JOINING = /[\p{Grapheme_Extend}\p{Mc}\u200d\u0e33\u0eb3\p{Emoji_Modifier}\p{Regional_Indicator}\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u{110bd}\u{110cd}\u0d4e\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}\u{113d1}\u{16d63}\u{16d67}-\u{16d6a}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;
let segmenter;
function graphemeSegmenter() {
    return (segmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' }));
}
/**
 * How many characters a subtitle line (`line`, or its part from `from` to `to`) counts for, as
 * written (markup and all): the same number as `countCharacters(visibleText(line), halfWidthCountsHalf)`, in one pass over the line when it
 * holds nothing that needs the slow way (markup, entities, invisible or joining characters other
 * than combining marks and Indic conjuncts, characters outside the BMP).
 */
function countLine(line, halfWidthCountsHalf, from = 0, to = line.length) {
    return countByTable(line, from, to, halfWidthCountsHalf, true) ?? countCharacters(visibleText(line.slice(from, to)), halfWidthCountsHalf);
}
/** The text of one subtitle line as it shows on screen: markup, entities and invisible characters resolved, trimmed. */
function visibleText(line) {
    let text = line;
    if (text.includes('<') || text.includes('{'))
        text = text.replace(MARKUP, '');
    if (text.includes('&'))
        text = text.replace(ENTITY, decodeEntity);
    if (HAS_INVISIBLE.test(text))
        text = text.replace(INVISIBLE, '');
    return text.trim();
}
function decodeEntity(match, name, decimal, hex) {
    if (name !== undefined)
        return NAMED_ENTITIES[name] ?? match;
    const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
        return '\ufffd';
    return String.fromCodePoint(codePoint);
}
/**
 * How many characters `text` (already visible text) counts for. With `halfWidthCountsHalf`
 * (Chinese, Japanese, Korean), half-width characters count 0.5.
 */
function countCharacters(text, halfWidthCountsHalf) {
    if (PRINTABLE_ASCII.test(text))
        return halfWidthCountsHalf ? text.length / 2 : text.length;
    const counted = countByTable(text, 0, text.length, halfWidthCountsHalf, false);
    if (counted !== undefined)
        return counted;
    if (!JOINING.test(text)) {
        let count = 0;
        for (const character of text)
            count += halfWidthCountsHalf && isHalfWidth(character.codePointAt(0)) ? 0.5 : 1;
        return count;
    }
    let count = 0;
    for (const { segment } of graphemeSegmenter().segment(text)) {
        count += halfWidthCountsHalf && isHalfWidth(segment.codePointAt(0)) ? 0.5 : 1;
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
/** Classes of the BMP code units met so far: a subtitle file uses a few hundred. */
const classOf = new Uint8Array(0x10000);
const MARKUP_OR_CONTROL = /[\p{Cc}<{&\u2028\u2029]/u;
const EXTEND_OR_SPACING_MARK = /[\p{Grapheme_Extend}\p{Mc}\u0e33\u0eb3]/u;
const WHITE_SPACE = /\s/u;
const LETTER = /\p{L}/u;
/**
 * The class of one code unit, from the same regular expressions as the slow way; for combining
 * marks and Brahmic letters, asked of the segmenter itself: does the mark join the character
 * before (not every Mc does), does it link the next consonant (KA + m + KA is one cluster), does a
 * conjunct go on through it (KA + VIRAMA + m + KA), is the letter a consonant (KA + VIRAMA + c).
 * So the one-pass count cannot drift from Intl.Segmenter when Node's Unicode version moves.
 */
function classify(unit) {
    if (unit >= 0xd800 && unit <= 0xdfff)
        return SLOW;
    const character = String.fromCharCode(unit);
    if (HAS_INVISIBLE.test(character))
        return INVISIBLE_UNIT;
    if (MARKUP_OR_CONTROL.test(character))
        return SLOW;
    if (WHITE_SPACE.test(character))
        return isHalfWidth(unit) ? SPACE_HALF : SPACE_FULL;
    if (EXTEND_OR_SPACING_MARK.test(character)) {
        if (clusters(`a${character}`) !== 1)
            return isHalfWidth(unit) ? HALF : FULL;
        if (clusters(`\u0915${character}\u0915`) === 1)
            return LINKER;
        return clusters(`\u0915\u094d${character}\u0915`) === 1 ? MARK : SPACING;
    }
    if (JOINING.test(character))
        return SLOW;
    // InCB=Consonant letters are Brahmic: their blocks lie in U+0900..U+1CFF and U+A800..U+ABFF.
    const brahmic = (unit >= 0x0900 && unit <= 0x1cff) || (unit >= 0xa800 && unit <= 0xabff);
    if (brahmic && LETTER.test(character) && clusters(`\u0915\u094d${character}`) === 1)
        return CONSONANT;
    return isHalfWidth(unit) ? HALF : FULL;
}
/**
 * Whether a subtitle line (`line`, or its part from `from` to `to`) shows anything: the same
 * answer as `countLine(...) !== 0`, usually from its first character.
 */
function showsText(line, halfWidthCountsHalf, from = 0, to = line.length) {
    for (let i = from; i < to; i++) {
        const unit = line.charCodeAt(i);
        if (unit === 0x3c /* < */ || unit === 0x7b /* { */) {
            const end = markupEnd(line, i, to);
            if (end === -1)
                return true; // the sign itself is text
            i = end;
            continue;
        }
        let unitClass = classOf[unit];
        if (unitClass === 0)
            unitClass = classOf[unit] = classify(unit);
        if (unitClass === SLOW)
            return countLine(line, halfWidthCountsHalf, from, to) !== 0;
        // White space counts only before a character, and an invisible character not at all.
        if (unitClass !== SPACE_FULL && unitClass !== SPACE_HALF && unitClass !== INVISIBLE_UNIT)
            return true;
    }
    return false;
}
function clusters(text) {
    let count = 0;
    for (const _ of graphemeSegmenter().segment(text))
        count++;
    return count;
}
/** Where the tag or ASS block starting at `at` ends (its closing sign), as MARKUP would match it; -1 when it is no markup. */
function markupEnd(text, at, to) {
    const brace = text.charCodeAt(at) === 0x7b;
    if (brace && text.charCodeAt(at + 1) !== 0x5c)
        return -1;
    for (let i = at + 1; i < to; i++) {
        const c = text.charCodeAt(i);
        if (brace ? c === 0x7d : c === 0x3e)
            return i;
        if (brace ? c === 0x7b : c === 0x3c)
            return -1;
    }
    return -1;
}
/**
 * The count in one pass, or `undefined` when the line needs the slow way. Trims as
 * String.prototype.trim does. With `markup`, tags and ASS blocks are skipped as MARKUP removes
 * them; without, the text is already visible and `<` and `{` are characters like any other.
 */
function countByTable(text, from, to, halfWidthCountsHalf, markup) {
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
        let unitClass = classOf[unit];
        if (unitClass === 0)
            unitClass = classOf[unit] = classify(unit);
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
                if (started)
                    pending += 1;
                conjunct = 0;
                break;
            case SPACE_HALF:
                if (started)
                    pending += half;
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
                }
                else {
                    count += pending;
                    pending = 0;
                }
                if (unitClass === LINKER)
                    conjunct = conjunct === 0 ? 0 : 2;
                else if (unitClass === SPACING)
                    conjunct = 0;
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
function firstCharacters(text, count) {
    const head = text.slice(0, count * 8);
    const clusters = JOINING.test(head) ? Array.from(graphemes(head)) : Array.from(head);
    return clusters.length > count
        ? { shown: clusters.slice(0, count).join(''), cut: true }
        : { shown: clusters.join(''), cut: text.length > head.length };
}
/** Grapheme clusters, the slow way: for tests and for cutting text short. */
function* graphemes(text) {
    for (const { segment } of graphemeSegmenter().segment(text))
        yield segment;
}
/**
 * Half-width in East Asian typesetting: printable ASCII, no-break space, Latin letters with
 * diacritics (Latin-1 letters, Latin Extended-A/B and Additional), half-width katakana and
 * Hangul, and the half-width symbol forms. Full-width Latin (U+FF01..) is full width.
 */
function isHalfWidth(codePoint) {
    if (codePoint >= 0x20 && codePoint <= 0x7e)
        return true;
    if (codePoint === 0xa0)
        return true;
    if (codePoint >= 0xc0 && codePoint <= 0x24f)
        return codePoint !== 0xd7 && codePoint !== 0xf7;
    if (codePoint >= 0x1e00 && codePoint <= 0x1eff)
        return true;
    return (codePoint >= 0xff61 && codePoint <= 0xffdc) || (codePoint >= 0xffe8 && codePoint <= 0xffee);
}

// EXTERNAL MODULE: ./src/quality/verdict.ts
var verdict = __webpack_require__(3296);
;// CONCATENATED MODULE: ./src/quality/parse.ts
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
function parseSubtitle(text, format) {
    const lines = new SubtitleLines(text);
    return format === 'vtt' ? parseWebVtt(lines) : parseSrt(lines);
}
/**
 * A file's lines as offsets into its text: 150,000 cues must take milliseconds, and a string per
 * line (String.prototype.split) was a third of that. A line's own string is made only where a
 * slow path or a message needs it.
 */
class SubtitleLines {
    /** The text with CRLF and lone CR turned into LF (each is one line break). */
    text;
    /** Offset of each line's first character, and of the end of the line (its LF not included). */
    starts;
    ends;
    count;
    #arrowFrom = -1;
    #arrowAt = -1;
    constructor(text) {
        this.text = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
        const length = this.text.length;
        let starts = new Int32Array(Math.max(16, length >> 5));
        let ends = new Int32Array(starts.length);
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
    at(index) {
        return this.text.slice(this.starts[index], this.ends[index]);
    }
    empty(index) {
        return this.starts[index] === this.ends[index];
    }
    /** Empty or white space only (SRT players take either as the end of a cue). */
    blank(index) {
        for (let i = this.starts[index]; i < this.ends[index]; i++) {
            const c = this.text.charCodeAt(i);
            if (c !== 0x20 && c !== 0x09 && c !== 0x0c)
                return this.at(index).trim() === '';
        }
        return true;
    }
    /** Whether the line holds "-->". Lines are mostly asked in order, so one search serves many. */
    arrow(index) {
        const start = this.starts[index];
        // #arrowAt is the first "-->" at or after #arrowFrom (-1: none), so it answers for any line in between.
        if (this.#arrowFrom === -1 || start < this.#arrowFrom || (this.#arrowAt !== -1 && start > this.#arrowAt)) {
            this.#arrowFrom = start;
            this.#arrowAt = this.text.indexOf('-->', start);
        }
        return this.#arrowAt !== -1 && this.#arrowAt < this.ends[index];
    }
}
// ------------------------------------------------------------------ times
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** `00:00:01,000` for SRT, `00:00:01.000` for WebVTT: how times are shown in messages. */
function formatTime(ms, format) {
    const pad = (value, width = 2) => String(value).padStart(width, '0');
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    const seconds = Math.floor((ms % MINUTE) / 1000);
    return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${format === 'srt' ? ',' : '.'}${pad(ms % 1000, 3)}`;
}
const DOT = 0x2e;
const COMMA = 0x2c;
/** Enough like an SRT timing line to tell a missing blank line from text that happens to hold "-->". */
const SRT_TIMING_LIKE = /^[ \t]*\d+:\d+:\d+[,.]\d+[ \t]*-->/;
const SRT_COORDINATES = /^X1:-?\d+[ \t]+X2:-?\d+[ \t]+Y1:-?\d+[ \t]+Y2:-?\d+[ \t]*$/i;
/**
 * What the last timing line read holds: one object for every cue, so that reading a timing line
 * allocates nothing (150,000 cues must take milliseconds: docs/benchmarks.md). `settingsFrom` is
 * where the cue settings start in the text (the line's end when there are none); `time` is
 * readTime's result.
 */
const timing = { startMs: 0, endMs: 0, settingsFrom: 0, time: 0 };
/**
 * Reads the timing line from `from` to `end` as it nearly always is (`00:00:01.000 --> 00:00:03.500
 * align:start`), character by character, into `timing`; false for anything else, which the slow
 * way then reads and explains. WebVTT allows `mm:ss.ttt` and any number of hour digits; both
 * formats want white space around the arrow (SRT players cope without it, but no SRT writer
 * leaves it out: the slow way accepts it).
 */
function readTimingFast(text, from, end, separator) {
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
function readTimingAnyForm(text, from, end, separator) {
    let p = readTime(text, skipBlanks(text, from), separator);
    if (p < 0)
        return false;
    const startMs = timing.time;
    let q = skipBlanks(text, p);
    if (q === p || text.charCodeAt(q) !== 0x2d || text.charCodeAt(q + 1) !== 0x2d || text.charCodeAt(q + 2) !== 0x3e)
        return false;
    p = skipBlanks(text, q + 3);
    if (p === q + 3)
        return false;
    q = readTime(text, p, separator);
    if (q < 0 || q > end)
        return false;
    timing.startMs = startMs;
    timing.endMs = timing.time;
    if (q === end) {
        timing.settingsFrom = end;
        return true;
    }
    p = skipBlanks(text, q);
    if (p === q || p > end)
        return false;
    timing.settingsFrom = p;
    return true;
}
function grow(array) {
    const grown = new Int32Array(array.length * 2);
    grown.set(array);
    return grown;
}
/** Past the spaces, tabs and form feeds at `p`. */
function skipBlanks(text, p) {
    let c = text.charCodeAt(p);
    while (c === 0x20 || c === 0x09 || c === 0x0c)
        c = text.charCodeAt(++p);
    return p;
}
/**
 * `[h+:]mm:ss<separator>ttt` at `p`, minutes and seconds below 60: its value in milliseconds into
 * `timing.time`, and the position after it; -1 when it is not that.
 */
function readTime(text, p, separator) {
    let first = 0;
    const from = p;
    let c = text.charCodeAt(p);
    while (c >= 0x30 && c <= 0x39) {
        first = first * 10 + (c - 0x30);
        c = text.charCodeAt(++p);
    }
    const digits = p - from;
    if (digits === 0 || c !== 0x3a)
        return -1;
    const second = twoDigits(text, p + 1);
    if (second < 0)
        return -1;
    p += 3;
    let hours;
    let minutes;
    let seconds;
    if (text.charCodeAt(p) === 0x3a) {
        hours = first;
        minutes = second;
        seconds = twoDigits(text, p + 1);
        if (seconds < 0)
            return -1;
        p += 3;
    }
    else {
        if (digits !== 2 || separator === COMMA)
            return -1; // SRT always writes hours
        hours = 0;
        minutes = first;
        seconds = second;
    }
    if (minutes > 59 || seconds > 59 || text.charCodeAt(p) !== separator)
        return -1;
    const a = text.charCodeAt(p + 1) - 0x30;
    const b = text.charCodeAt(p + 2) - 0x30;
    const d = text.charCodeAt(p + 3) - 0x30;
    const next = text.charCodeAt(p + 4);
    if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9 && d >= 0 && d <= 9) || (next >= 0x30 && next <= 0x39))
        return -1;
    timing.time = hours * HOUR + minutes * MINUTE + seconds * 1000 + a * 100 + b * 10 + d;
    return p + 4;
}
/** `hh:mm:ss<separator>ttt` (12 characters, all within the text) at `p`, minutes and seconds below 60: its value in milliseconds, or -1. */
function fixedTime(text, p, separator) {
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
    if ((h1 | h2 | m1 | m2 | s1 | s2 | a | b | d) < 0 ||
        h1 > 9 ||
        h2 > 9 ||
        m1 > 5 ||
        m2 > 9 ||
        s1 > 5 ||
        s2 > 9 ||
        a > 9 ||
        b > 9 ||
        d > 9) {
        return -1;
    }
    if (text.charCodeAt(p + 2) !== 0x3a || text.charCodeAt(p + 5) !== 0x3a || text.charCodeAt(p + 8) !== separator)
        return -1;
    return (h1 * 10 + h2) * HOUR + (m1 * 10 + m2) * MINUTE + (s1 * 10 + s2) * 1000 + a * 100 + b * 10 + d;
}
/** Two digits at `p`, not followed by a third: their value, or -1. */
function twoDigits(text, p) {
    const a = text.charCodeAt(p) - 0x30;
    const b = text.charCodeAt(p + 1) - 0x30;
    const next = text.charCodeAt(p + 2);
    if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9) || (next >= 0x30 && next <= 0x39))
        return -1;
    return a * 10 + b;
}
function milliseconds(hours, minutes, seconds, millis) {
    return Number(hours ?? 0) * HOUR + Number(minutes) * MINUTE + Number(seconds) * 1000 + Number(millis);
}
/** WebVTT timestamp token: `[h+:]mm:ss.ttt`, minutes and seconds below 60. */
function webVttTimestamp(token, which) {
    const match = /^(?:(\d+):)?(\d+):(\d+)([.,])(\d+)$/.exec(token);
    const shown = `${which} time ${clip(token)}`;
    if (token === '')
        return `the ${which} time is missing: write hh:mm:ss.ttt`;
    if (!match)
        return `${shown} is not a WebVTT time: write hh:mm:ss.ttt or mm:ss.ttt`;
    const [, hours, minutes, seconds, separator, millis] = match;
    if (separator === ',')
        return `${shown} has a comma before the milliseconds: WebVTT writes a period (00:00:01.000)`;
    if (minutes.length !== 2 || seconds.length !== 2)
        return `${shown} needs two digits for minutes and for seconds`;
    if (millis.length !== 3)
        return `${shown} needs three digits of milliseconds`;
    if (Number(minutes) > 59)
        return `${shown} has more than 59 minutes`;
    if (Number(seconds) > 59)
        return `${shown} has more than 59 seconds`;
    return milliseconds(hours, minutes, seconds, millis);
}
/**
 * Reads the timing line at `index` into `timing`, reporting what is wrong with it and with its
 * settings; false when the cue cannot be read (it is then skipped).
 */
function readWebVttTiming(lines, index, error) {
    const end = lines.ends[index];
    if (!readTimingFast(lines.text, lines.starts[index], end, DOT)) {
        const { timing: slow, problems } = readWebVttTimingSlowly(lines.at(index));
        for (const problem of problems)
            error(index, problem);
        if (slow === undefined)
            return false;
        timing.startMs = slow.startMs;
        timing.endMs = slow.endMs;
        for (const problem of webVttSettingProblems(slow.settings))
            error(index, problem);
        return true;
    }
    if (timing.settingsFrom < end) {
        for (const problem of webVttSettingProblems(lines.text.slice(timing.settingsFrom, end).trim()))
            error(index, problem);
    }
    return true;
}
/** The slow way, to say what is wrong (and, like the W3C parser, keep cues whose only fault is spacing). */
function readWebVttTimingSlowly(line) {
    const problems = [];
    const arrow = line.indexOf('-->');
    const left = line.slice(0, arrow);
    const right = line.slice(arrow + 3);
    if (left.trim() !== '' && !/[ \t\f]$/.test(left))
        problems.push('"-->" needs a space before it');
    if (right.trim() !== '' && !/^[ \t\f]/.test(right))
        problems.push('"-->" needs a space after it');
    const start = webVttTimestamp(left.trim(), 'start');
    const rest = right.replace(/^[ \t\f]+/, '');
    const endToken = /^[^ \t\f]*/.exec(rest)[0];
    const end = webVttTimestamp(endToken, 'end');
    const failed = sameCause([start, end].filter((value) => typeof value === 'string'), 'has a comma', 'both times have a comma before the milliseconds: WebVTT writes a period (00:00:01.000)');
    if (failed.length > 0)
        return { timing: undefined, problems: [...failed, ...problems] };
    return { timing: { startMs: start, endMs: end, settings: rest.slice(endToken.length).trim() }, problems };
}
const SETTING_VALUES = {
    vertical: /^(?:rl|lr)$/,
    line: /^(?:-?\d+(?:\.\d+)?|(?:\d+(?:\.\d+)?)%)(?:,(?:start|center|end))?$/,
    position: /^\d+(?:\.\d+)?%(?:,(?:line-left|center|line-right))?$/,
    size: /^\d+(?:\.\d+)?%$/,
    align: /^(?:start|center|end|left|right)$/,
    region: /^(?!.*-->).+$/,
};
/** WebVTT cue settings (`align:start line:90%`): every unknown, malformed or repeated setting. */
function webVttSettingProblems(settings) {
    if (settings === '')
        return [];
    const problems = [];
    const seen = new Set();
    for (const setting of settings.split(/[ \t\f]+/)) {
        const colon = setting.indexOf(':');
        const name = colon === -1 ? setting : setting.slice(0, colon);
        const value = colon === -1 ? '' : setting.slice(colon + 1);
        const pattern = SETTING_VALUES[name];
        if (pattern === undefined) {
            problems.push(`unknown cue setting ${clip(setting)}: WebVTT has vertical, line, position, size, align and region`);
        }
        else if (seen.has(name)) {
            problems.push(`cue setting ${name} is given twice`);
        }
        else if (!pattern.test(value) || (/%/.test(value) && Number.parseFloat(value) > 100)) {
            problems.push(`cue setting ${clip(setting)} has a value WebVTT does not take`);
        }
        seen.add(name);
    }
    return problems;
}
/** The start and end times wrong the same way are one problem, said once. */
function sameCause(problems, cause, together) {
    return problems.length === 2 && problems.every((problem) => problem.includes(cause)) ? [together] : problems;
}
/** A value quoted in a message: at most 24 characters, one line. */
function clip(value) {
    const chars = Array.from(value);
    return JSON.stringify(chars.length > 24 ? `${chars.slice(0, 23).join('')}…` : value);
}
// ------------------------------------------------------------------ WebVTT
function parseWebVtt(lines) {
    const cues = [];
    const findings = [];
    const error = (index, message) => {
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
            while (i < n && lines.empty(i))
                i++;
            if (i >= n)
                break;
        }
        startsCue = false;
        const blockStart = i;
        if (!lines.arrow(i)) {
            const first = lines.text.charCodeAt(lines.starts[i]);
            const kind = first === 0x4e || first === 0x53 || first === 0x52 ? /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.exec(lines.at(i))?.[1] : undefined;
            if (kind !== undefined) {
                if (kind !== 'NOTE' && seenCue)
                    error(i, `${kind} blocks must come before the first cue`);
                i++;
                while (i < n && !lines.empty(i)) {
                    if (lines.arrow(i))
                        error(i, `a ${kind} block cannot contain "-->": is an empty line missing before this cue?`);
                    i++;
                }
                continue;
            }
            // A cue identifier, which must be followed by the timing line.
            i++;
            if (i >= n || lines.empty(i)) {
                error(blockStart, `a line on its own that is not a cue: ${clip(lines.at(blockStart))} is not followed by a timing line (00:00:01.000 --> 00:00:03.500)`);
                continue;
            }
            if (!lines.arrow(i)) {
                error(i, `expected the timing line of cue ${clip(lines.at(blockStart))} (00:00:01.000 --> 00:00:03.500)`);
                // The block is no cue; a line holding "-->" further on starts the next one (as browsers read it).
                while (i < n && !lines.empty(i) && !lines.arrow(i))
                    i++;
                startsCue = i < n && !lines.empty(i);
                continue;
            }
        }
        const timingIndex = i;
        const read = readWebVttTiming(lines, i, error);
        i++;
        if (!read) {
            // Skip the cue's text, stopping at a line that may start the next cue (as the W3C parser does).
            while (i < n && !lines.empty(i) && !lines.arrow(i))
                i++;
            startsCue = i < n && !lines.empty(i);
            continue;
        }
        const { startMs, endMs } = timing;
        while (i < n && !lines.empty(i)) {
            if (lines.arrow(i)) {
                let spaces = timingIndex + 1;
                while (spaces < i && !lines.blank(spaces))
                    spaces++;
                error(i, spaces === i
                    ? 'an empty line is missing before this cue: the previous cue runs into it'
                    : `an empty line is missing before this cue: line ${spaces + 1} holds spaces, and WebVTT ends a cue only at an empty line`);
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
function parseSrt(lines) {
    const cues = [];
    const findings = [];
    const error = (index, message) => {
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
            while (i < n && lines.blank(i))
                i++;
            if (i >= n)
                break;
        }
        const wasJoined = joined;
        joined = false;
        const first = lines.at(i).trim();
        let timingIndex;
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
                while (i < n && !lines.blank(i))
                    i++;
                continue;
            }
            timingIndex = i + 1;
        }
        else if (first.includes('-->')) {
            if (!wasJoined)
                error(i, 'this cue has no number: an SRT cue starts with its number on the line before the timing line');
            expectedNumber++;
            timingIndex = i;
        }
        else {
            error(i, `expected a cue number, found ${clip(first)}: an SRT cue is a number, a timing line, the text and an empty line`);
            while (i < n && !lines.blank(i))
                i++;
            continue;
        }
        const read = readSrtTiming(lines, timingIndex, error);
        const { startMs, endMs } = timing;
        i = timingIndex + 1;
        while (i < n && !lines.blank(i)) {
            const numberThenTiming = startsWithDigit(lines, i) &&
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
        if (read)
            cues.push({ line: timingIndex + 1, startMs, endMs, textLines: i - timingIndex - 1 });
    }
    return { lines, cues, findings, wrongFormat: false };
}
/** A cheap first look before a regular expression: does the line start with a digit (after spaces)? */
function startsWithDigit(lines, index) {
    let i = lines.starts[index];
    while (lines.text.charCodeAt(i) === 0x20 || lines.text.charCodeAt(i) === 0x09)
        i++;
    const c = lines.text.charCodeAt(i);
    return i < lines.ends[index] && c >= 0x30 && c <= 0x39;
}
/**
 * Reads the timing line at `index` into `timing`, reporting what is wrong with it; false when its
 * times cannot be read for certain (the cue is then skipped).
 */
function readSrtTiming(lines, index, error) {
    const end = lines.ends[index];
    if (!readTimingFast(lines.text, lines.starts[index], end, COMMA)) {
        const { timing: slow, problems } = readSrtTimingSlowly(lines.at(index));
        for (const problem of problems)
            error(index, problem);
        if (slow === undefined)
            return false;
        timing.startMs = slow.startMs;
        timing.endMs = slow.endMs;
        return true;
    }
    if (timing.settingsFrom < end) {
        const settings = lines.text.slice(timing.settingsFrom, end).trim();
        if (settings !== '' && !SRT_COORDINATES.test(settings))
            error(index, `unexpected text after the end time: ${clip(settings)}`);
    }
    return true;
}
/** The slow way: say what is wrong, and keep the cue when its times can still be read for certain. */
function readSrtTimingSlowly(line) {
    const arrow = line.indexOf('-->');
    const start = srtTimestamp(line.slice(0, arrow).trim(), 'start');
    const rest = line.slice(arrow + 3).trim();
    const endToken = /^\S*/.exec(rest)[0];
    const end = srtTimestamp(endToken, 'end');
    const settings = rest.slice(endToken.length).trim();
    const problems = sameCause([start, end].flatMap((result) => result.problems), 'has a period', 'both times have a period before the milliseconds: SRT writes a comma (00:00:01,000)');
    if (settings !== '' && !SRT_COORDINATES.test(settings))
        problems.push(`unexpected text after the end time: ${clip(settings)}`);
    if (start.ms === undefined || end.ms === undefined)
        return { timing: undefined, problems };
    return { timing: { startMs: start.ms, endMs: end.ms, settings }, problems };
}
/** An SRT time `hh:mm:ss,mmm`; a period before the milliseconds is reported and still read (players differ on it). */
function srtTimestamp(token, which) {
    const shown = `${which} time ${clip(token)}`;
    if (token === '')
        return { ms: undefined, problems: [`the ${which} time is missing: write hh:mm:ss,mmm`] };
    const match = /^(\d+):(\d+):(\d+)([,.])(\d+)$/.exec(token);
    if (!match)
        return { ms: undefined, problems: [`${shown} is not an SRT time: write hh:mm:ss,mmm (00:00:01,000)`] };
    const [, hours, minutes, seconds, separator, millis] = match;
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

;// CONCATENATED MODULE: ./src/quality/cue-rules.ts
/**
 * The rules over cues (docs/quality.md), cue by cue, shared by the two ways a file is read (the
 * one pass over a well-formed file, well-formed.ts, and the parser for any file, parse.ts): the
 * timing rules in file order, the text rules per cue, and the findings with the weight they are
 * ranked by.
 */



/** Findings as they are found, with the weight they are ranked by. */
class Findings {
    ranked = [];
    error(rule, line, message) {
        this.ranked.push({ finding: { rule, severity: 'error', line, message }, weight: verdict/* ERROR_ORDER */.Yw.indexOf(rule) });
    }
    warning(rule, line, message, weight) {
        this.ranked.push({ finding: { rule, severity: 'warning', line, message }, weight });
    }
}
/**
 * The timing rules, cue by cue in file order: a cue that ends before it starts, cues out of order
 * or overlapping, the gap between cues, the duration of each.
 */
class TimingRules {
    #format;
    #limits;
    #findings;
    /** The cue before (its line and start), -1: none yet. */
    #previousLine = -1;
    #previousStart = 0;
    /** The cue shown longest so far (overlaps and gaps are measured to its end), -1: none yet. */
    #latestLine = -1;
    #latestEnd = 0;
    constructor(format, limits, findings) {
        this.#format = format;
        this.#limits = limits;
        this.#findings = findings;
    }
    /** The next cue: its timing line (1-based) and times. */
    cue(line, startMs, endMs) {
        const findings = this.#findings;
        const { limits, language } = this.#limits;
        const duration = endMs - startMs;
        if (duration < 0)
            findings.error('end-before-start', line, `the cue ends at ${this.#time(endMs)}, before it starts at ${this.#time(startMs)}`);
        else if (duration === 0)
            findings.error('end-before-start', line, `the cue ends when it starts (${this.#time(startMs)}): it is never shown`);
        const outOfOrder = this.#previousLine !== -1 && startMs < this.#previousStart;
        if (outOfOrder) {
            findings.error('out-of-order', line, `the cue starts at ${this.#time(startMs)}, before the cue at line ${this.#previousLine} (${this.#time(this.#previousStart)}): cues must be in time order`);
        }
        else if (this.#latestLine !== -1 && startMs < this.#latestEnd && duration > 0) {
            findings.error('overlap', line, `the cue starts at ${this.#time(startMs)} while the cue at line ${this.#latestLine} is still shown (until ${this.#time(this.#latestEnd)})`);
        }
        else if (this.#latestLine !== -1 && duration > 0) {
            const gap = startMs - this.#latestEnd;
            const minGap = limits['min-gap'];
            if (minGap !== undefined && gap < minGap) {
                findings.warning('min-gap', line, `${gap} ms after the cue at line ${this.#latestLine} ends, less than the ${minGap} ms ${limitFor(language)}`, minGap / Math.max(gap, minGap / 100));
            }
        }
        if (duration > 0) {
            const minDuration = limits['min-duration'];
            const maxDuration = limits['max-duration'];
            if (minDuration !== undefined && duration < minDuration) {
                findings.warning('min-duration', line, `on screen for ${seconds(duration)}, less than the ${seconds(minDuration)} ${limitFor(language)}`, minDuration / duration);
            }
            else if (maxDuration !== undefined && duration > maxDuration) {
                findings.warning('max-duration', line, `on screen for ${seconds(duration)}, more than the ${seconds(maxDuration)} ${limitFor(language)}`, duration / maxDuration);
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
    #time(ms) {
        return formatTime(ms, this.#format);
    }
}
/**
 * The text rules for one cue: line length, line count, reading speed, a cue with no text. Its
 * text lines are `text` from `starts[first + k]` to `ends[first + k]`, k below `count`; `cueLine`
 * is its timing line (1-based), so text line k is line `cueLine + 1 + k`.
 */
function checkText(text, starts, ends, first, count, cueLine, duration, { limits, language, halfWidthCountsHalf }, findings) {
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
        const length = ends[index] - starts[index];
        units += length;
        if (length > longest)
            longest = length;
    }
    if ((maxLineLength === undefined || longest <= maxLineLength) &&
        (maxLines === undefined || count <= maxLines) &&
        (maxCps === undefined || duration <= 0 || units / (duration / 1000) <= maxCps)) {
        for (let index = first; index < first + count; index++) {
            if (showsText(text, halfWidthCountsHalf, starts[index], ends[index]))
                return;
        }
        findings.warning('empty-cue', cueLine, EMPTY_CUE, 10);
        return;
    }
    let total = 0;
    let shown = 0;
    let firstOverLimit;
    for (let k = 0; k < count; k++) {
        const from = starts[first + k];
        const to = ends[first + k];
        const characters = countLine(text, halfWidthCountsHalf, from, to);
        if (characters === 0)
            continue; // markup or white space only: nothing shows
        shown++;
        total += characters;
        if (maxLineLength !== undefined && characters > maxLineLength) {
            findings.warning('max-line-length', cueLine + 1 + k, `${number(characters)} characters on this line, more than the ${maxLineLength} ${limitFor(language)}: ${snippet(visibleText(text.slice(from, to)))}`, characters / maxLineLength);
        }
        if (maxLines !== undefined && shown === maxLines + 1)
            firstOverLimit = cueLine + 1 + k;
    }
    if (shown === 0) {
        findings.warning('empty-cue', cueLine, EMPTY_CUE, 10);
        return;
    }
    if (maxLines !== undefined && firstOverLimit !== undefined) {
        findings.warning('max-lines', firstOverLimit, `the cue has ${shown} lines, more than the ${maxLines} ${limitFor(language)}`, shown / maxLines);
    }
    if (maxCps !== undefined && duration > 0) {
        const cps = total / (duration / 1000);
        if (cps > maxCps) {
            findings.warning('max-cps', cueLine, `${cps.toFixed(1)} characters a second (${number(total)} characters in ${seconds(duration)}), more than the ${number(maxCps)} ${limitFor(language)}`, cps / maxCps);
        }
    }
}
const EMPTY_CUE = 'the cue has no text: was a line left untranslated?';
function limitFor(language) {
    return `allowed for ${clipLanguage(language)}`;
}
function clipLanguage(language) {
    return language.length > 20 ? `${language.slice(0, 19)}…` : language;
}
/** 16, 16.5 */
function number(value) {
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
/** 0.833 s, 7 s, 12.5 s (a whole number of milliseconds over 1000 prints with at most three decimals) */
function seconds(ms) {
    return `${ms / 1000} s`;
}
/**
 * A short quote of cue text for a message: at most 24 characters, controls shown as escapes,
 * right-to-left text isolated (U+2068 ... U+2069) so that it does not reorder the sentence around it.
 */
function snippet(text) {
    const first = firstCharacters(text, 24);
    let shown = first.cut || first.shown.length < text.length ? `${firstCharacters(first.shown, 23).shown}…` : first.shown;
    shown = shown.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u.test(shown))
        shown = `\u2068${shown}\u2069`;
    return `“${shown}”`;
}

// EXTERNAL MODULE: ./src/quality/limits.ts
var quality_limits = __webpack_require__(92945);
;// CONCATENATED MODULE: ./src/quality/well-formed.ts
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


const LF = 0x0a;
/**
 * The checked file, or `undefined` when it is not the usual form and the parser must read it.
 * `text` has its line breaks as LF alone (check.ts's decode turns CRLF and CR into LF).
 */
function checkWellFormed(text, format, limits) {
    const timingFindings = new Findings();
    const textFindings = new Findings();
    const pass = { limits, rules: new TimingRules(format, limits, timingFindings), textFindings, cueLines: new CueLines() };
    // The passes return the number of cues, or NOT_WELL_FORMED, and nothing else after their loop:
    // V8 compiles a long loop while it runs (on-stack replacement), before the code after it has
    // ever run, and code without type feedback would be thrown away at the end of every file.
    const cues = format === 'vtt' ? webVtt(text, pass) : srt(text, pass);
    return cues > 0 ? { cues, findings: [timingFindings, textFindings] } : undefined;
}
/** A pass's answer when the file is not the usual form (no cue at all is not either: 0). */
const NOT_WELL_FORMED = -1;
/** The text lines of the cue being read, as offsets: grown as needed, reused from cue to cue. */
class CueLines {
    starts = new Int32Array(8);
    ends = new Int32Array(8);
    count = 0;
    add(start, end) {
        if (this.count === this.starts.length) {
            this.starts = well_formed_grow(this.starts);
            this.ends = well_formed_grow(this.ends);
        }
        this.starts[this.count] = start;
        this.ends[this.count] = end;
        this.count++;
    }
}
function webVtt(text, { limits, rules, textFindings, cueLines }) {
    const length = text.length;
    const afterSignature = text.charCodeAt(6);
    if (!text.startsWith('WEBVTT') || !(length === 6 || afterSignature === LF || afterSignature === 0x20 || afterSignature === 0x09)) {
        return NOT_WELL_FORMED;
    }
    // The header runs to the first empty line, and holds no "-->".
    const headerEnd = text.indexOf('\n\n');
    if (headerEnd === -1)
        return NOT_WELL_FORMED;
    let arrowAt = text.indexOf('-->');
    if (arrowAt !== -1 && arrowAt < headerEnd)
        return NOT_WELL_FORMED;
    let p = headerEnd + 1;
    /** The 0-based line that starts at p. */
    let line = newlines(text, 0, p);
    let cues = 0;
    for (;;) {
        while (p < length && text.charCodeAt(p) === LF) {
            p++;
            line++;
        }
        if (p >= length)
            break;
        let end = lineEnd(text, p);
        if (arrowAt !== -1 && arrowAt < p)
            arrowAt = text.indexOf('-->', p);
        if (arrowAt === -1 || arrowAt >= end) {
            // A cue identifier (NOTE, STYLE and REGION blocks are the parser's), then the timing line.
            const first = text.charCodeAt(p);
            if ((first === 0x4e || first === 0x53 || first === 0x52) && /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(text.slice(p, end)))
                return NOT_WELL_FORMED;
            p = end + 1;
            line++;
            if (p >= length || text.charCodeAt(p) === LF)
                return NOT_WELL_FORMED;
            end = lineEnd(text, p);
            if (arrowAt === -1 || arrowAt >= end)
                return NOT_WELL_FORMED;
        }
        if (!readTimingFast(text, p, end, DOT))
            return NOT_WELL_FORMED;
        if (timing.settingsFrom < end && webVttSettingProblems(text.slice(timing.settingsFrom, end).trim()).length > 0)
            return NOT_WELL_FORMED;
        const cueLine = line + 1;
        const { startMs, endMs } = timing;
        arrowAt = text.indexOf('-->', end);
        // The text, to the next empty line; a "-->" in it would be a cue running into the next.
        cueLines.count = 0;
        p = end + 1;
        line++;
        while (p < length && text.charCodeAt(p) !== LF) {
            end = lineEnd(text, p);
            if (arrowAt !== -1 && arrowAt < end)
                return NOT_WELL_FORMED;
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
function srt(text, { limits, rules, textFindings, cueLines }) {
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
        if (p >= length)
            break;
        // The cue number, alone on its line, the one expected.
        let end = lineEnd(text, p);
        if (end - p > 9)
            return NOT_WELL_FORMED;
        let number = 0;
        for (let q = p; q < end; q++) {
            const digit = text.charCodeAt(q) - 0x30;
            if (digit < 0 || digit > 9)
                return NOT_WELL_FORMED;
            number = number * 10 + digit;
        }
        if (end === p || number !== expected)
            return NOT_WELL_FORMED;
        expected = number + 1;
        p = end + 1;
        line++;
        if (p >= length)
            return NOT_WELL_FORMED;
        end = lineEnd(text, p);
        if (arrowAt !== -1 && arrowAt < p)
            arrowAt = text.indexOf('-->', p);
        if (arrowAt === -1 || arrowAt >= end)
            return NOT_WELL_FORMED;
        if (!readTimingFast(text, p, end, COMMA))
            return NOT_WELL_FORMED;
        if (timing.settingsFrom < end) {
            const settings = text.slice(timing.settingsFrom, end).trim();
            if (settings !== '' && !SRT_COORDINATES.test(settings))
                return NOT_WELL_FORMED;
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
            if (mayBeWhiteSpace(text.charCodeAt(p)))
                return NOT_WELL_FORMED;
            end = lineEnd(text, p);
            if (arrowAt !== -1 && arrowAt < end)
                return NOT_WELL_FORMED;
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
function lineEnd(text, from) {
    const end = text.indexOf('\n', from);
    return end === -1 ? text.length : end;
}
/** Line breaks from `from` to `to`. */
function newlines(text, from, to) {
    let count = 0;
    for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1))
        count++;
    return count;
}
/** ASCII controls and space, and every character String#trim removes. */
function mayBeWhiteSpace(c) {
    return (c <= 0x20 ||
        c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff);
}
function well_formed_grow(array) {
    const grown = new Int32Array(array.length * 2);
    grown.set(array);
    return grown;
}

;// CONCATENATED MODULE: ./src/quality/check.ts
/**
 * The subtitle quality check (docs/quality.md): one saved SRT or WebVTT file in, its findings
 * out, in the shape of the `quality` output. Pure: the caller reads the file and reports.
 */





/** The format a saved file is checked as, from its extension; `undefined`: not a subtitle file the check reads. */
function subtitleFormatOf(file) {
    const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
    return extension === 'srt' || extension === 'vtt' ? extension : undefined;
}
function checkSubtitle(input) {
    const { format } = input;
    const limits = (0,quality_limits/* limitsFor */.I9)(input.language, input.overrides);
    const decoded = decode(input.bytes);
    // A well-formed file is read and checked in one pass (well-formed.ts); anything else, and any
    // file that pass does not expect, the parser reads and explains. Valid UTF-8 comes with LF only.
    const checked = (decoded.notUtf8 === undefined ? checkWellFormed(decoded.text, format, limits) : undefined) ?? checkParsed(decoded, format, limits);
    const ranked = checked.findings.flatMap((findings) => findings.ranked);
    ranked.sort((a, b) => (a.finding.severity === b.finding.severity ? 0 : a.finding.severity === 'error' ? -1 : 1) ||
        (a.finding.severity === 'error' ? a.weight - b.weight : b.weight - a.weight) ||
        a.finding.line - b.finding.line);
    const findings = ranked.map((item) => item.finding);
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    return { file: input.file, language: input.language, cues: checked.cues, errors, warnings: findings.length - errors, findings };
}
/** Any file: parsed into cues (every problem with its line), then the rules over the cues. */
function checkParsed(decoded, format, limits) {
    const parse = new Findings();
    if (decoded.notUtf8 !== undefined)
        parse.error('not-utf8', decoded.notUtf8.line, decoded.notUtf8.message);
    const parsed = parseSubtitle(decoded.text, format);
    for (const finding of parsed.findings) {
        if (finding.rule === 'unparseable')
            parse.error('unparseable', finding.line, finding.message);
        else
            parse.warning(finding.rule, finding.line, finding.message, 1);
    }
    if (parsed.cues.length === 0 && !parsed.wrongFormat && !parsed.findings.some((finding) => finding.severity === 'error')) {
        parse.error('no-cues', 1, 'the file has no cues: nothing would be shown');
    }
    const timingFindings = new Findings();
    const timing = new TimingRules(format, limits, timingFindings);
    for (const cue of parsed.cues)
        timing.cue(cue.line, cue.startMs, cue.endMs);
    const text = new Findings();
    const { lines } = parsed;
    for (const cue of parsed.cues) {
        checkText(lines.text, lines.starts, lines.ends, cue.line, cue.textLines, cue.line, cue.endMs - cue.startMs, limits, text);
    }
    return { cues: parsed.cues.length, findings: [parse, timingFindings, text] };
}
// ------------------------------------------------------------------ text encoding
const utf8 = new TextDecoder('utf-8');
function startsWithBom(bytes, at) {
    return bytes.length >= at + 3 && bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf;
}
/** The text, and where it stops being UTF-8 (the check goes on with U+FFFD in place of the bad bytes). */
function decode(bytes) {
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
    if ((0,external_node_buffer_.isUtf8)(body)) {
        // Node's validator and decoder (simdutf) are native code: about 10x faster than TextDecoder's
        // fatal mode here, and they need no warm-up. TextDecoder would drop one more BOM: so does this.
        const from = startsWithBom(body, 0) ? 3 : 0;
        const view = external_node_buffer_.Buffer.from(body.buffer, body.byteOffset + from, body.byteLength - from);
        // CRLF and lone CR are line breaks, as SubtitleLines takes them; looked for in the bytes, a
        // third of the size of the text (searching the text was 14 ms of the benchmark's 230).
        const text = view.toString('utf8');
        return { text: view.includes(0x0d) ? text.replace(/\r\n?/g, '\n') : text };
    }
    const text = utf8.decode(body);
    const offset = firstInvalidUtf8(body);
    let line = 1;
    for (let i = 0; i < offset; i++) {
        if (body[i] === 0x0a || (body[i] === 0x0d && body[i + 1] !== 0x0a))
            line++;
    }
    return {
        text,
        notUtf8: {
            line,
            message: `the text is not UTF-8 (byte 0x${body[offset].toString(16).padStart(2, '0')} at offset ${offset + (body === bytes ? 0 : 3)}): ` +
                'probably a legacy code page such as Windows-1252; save the file as UTF-8',
        },
    };
}
/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const byte = bytes[i];
        let length;
        let min = 0x80;
        let max = 0xbf;
        if (byte < 0x80)
            length = 1;
        else if (byte >= 0xc2 && byte <= 0xdf)
            length = 2;
        else if (byte >= 0xe0 && byte <= 0xef) {
            length = 3;
            if (byte === 0xe0)
                min = 0xa0;
            if (byte === 0xed)
                max = 0x9f;
        }
        else if (byte >= 0xf0 && byte <= 0xf4) {
            length = 4;
            if (byte === 0xf0)
                min = 0x90;
            if (byte === 0xf4)
                max = 0x8f;
        }
        else
            return i;
        for (let k = 1; k < length; k++) {
            const next = bytes[i + k];
            if (next === undefined || next < (k === 1 ? min : 0x80) || next > (k === 1 ? max : 0xbf))
                return i;
        }
        i += length;
    }
    return bytes.length;
}

// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(57994);
// EXTERNAL MODULE: ./src/quality/output.ts
var output = __webpack_require__(78804);
// EXTERNAL MODULE: ./src/quality/report.ts
var quality_report = __webpack_require__(58483);
;// CONCATENATED MODULE: ./src/quality/run.ts
/**
 * The subtitle check in a run (docs/quality.md): each SRT and WebVTT file the run saved is read
 * back and checked, then its findings become annotations on the files' lines, in the room the
 * step's other annotations left. The rest of src/quality/ is pure functions; this is where they
 * meet the files and the log.
 *
 * It runs once, after the wait loop and every download, not as each file is saved: the check is
 * synchronous work (milliseconds a file, docs/benchmarks.md) that would hold up the status checks
 * and the other downloads of the loop; after it, it sees each file under its final name, and the
 * annotations can be ranked across all files (GitHub shows only 10 of each kind).
 */









/**
 * A subtitle file larger than this is not read (a feature film's SRT is about 150 KB): it would
 * only be held in memory whole, twice (bytes and text).
 */
const MAX_CHECKED_BYTES = 64 * 1024 * 1024;
/** How long the check may hold the event loop before it lets a signal in (it reads the files synchronously). */
const YIELD_EVERY_MS = 50;
/** Checks every SRT and WebVTT file in `saved`; `undefined` when the run was cancelled meanwhile. */
async function checkSavedSubtitles(options) {
    const { log, clock } = options;
    const started = clock();
    let yielded = started;
    const files = [];
    for (const { file, language } of options.saved) {
        const format = subtitleFormatOf(file);
        if (format === undefined)
            continue;
        if (clock() - yielded >= YIELD_EVERY_MS) {
            await new Promise((resolve) => setImmediate(resolve));
            yielded = clock();
        }
        if (options.signal?.aborted) {
            log.info('Subtitle quality: not checked, the run was cancelled.');
            return undefined;
        }
        // Read synchronously: four trips through the thread pool a file (open, stat, read, close)
        // took longer than checking it (docs/benchmarks.md).
        const bytes = readSaved(external_node_path_default().join(options.workspace, file), file, log);
        if (bytes === undefined)
            continue;
        try {
            files.push(checkSubtitle({ bytes, file, language, format, overrides: options.overrides }));
        }
        catch (error) {
            // A fault of the check must not cost the run its outputs and reports.
            log.warning(`Subtitle quality: ${file} could not be checked: ${(0,error_message/* errorMessage */.g)(error)}`, { title: 'Subtitle quality', file });
        }
    }
    if (files.length > 0) {
        log.info(`Subtitle quality: ${(0,verdict/* plural */.LS)(files.length, 'file')} (${(0,verdict/* plural */.LS)(sum(files, 'cues'), 'cue')}) checked in ${clock() - started} ms: ` +
            `${(0,verdict/* plural */.LS)(sum(files, 'errors'), 'error')}, ${(0,verdict/* plural */.LS)(sum(files, 'warnings'), 'warning')} (quality-check: ${options.mode}).`);
    }
    return { mode: options.mode, status: (0,verdict/* qualityStatus */.sr)(options.mode, files), files };
}
/**
 * Writes the findings as annotations: as many of each kind as GitHub still shows in this step,
 * once the annotations written so far (`written`) and the `failures` the step is still going to
 * report (each `setFailed` is an error annotation, and it matters more than any finding) are
 * counted; then one notice for the rest, saying how many findings the job summary and the
 * `quality` output list (`report` is the run's, its `quality` set, as the summary renders it).
 */
function annotateQuality(log, report, written, failures) {
    const files = report.quality?.files ?? [];
    const room = {
        errors: Math.max(0, annotations/* ANNOTATIONS_PER_STEP */.S - written.error - failures),
        warnings: Math.max(0, annotations/* ANNOTATIONS_PER_STEP */.S - written.warning),
    };
    // The notice says how many findings the summary (with the orders table above) and the output really list.
    // Asked only when there is a notice to write: it renders the summary and the output again.
    const listed = () => {
        const total = files.reduce((n, file) => n + file.findings.length, 0);
        return { summary: (0,summary.qualityFindingsInSummary)(report), output: total - (0,output/* qualityOutput */.j)(files).findingsLeftOut };
    };
    for (const annotation of (0,quality_report/* qualityAnnotations */.Qx)(files, room, listed))
        log[annotation.severity](annotation.message, annotation.properties);
}
/** The file's bytes, or `undefined` (with a warning) when it cannot or should not be read. */
function readSaved(absolute, file, log) {
    let descriptor;
    try {
        descriptor = (0,external_node_fs_.openSync)(absolute, 'r');
        const { size } = (0,external_node_fs_.fstatSync)(descriptor);
        if (size > MAX_CHECKED_BYTES) {
            log.warning(`Subtitle quality: ${file} was not checked: it is larger than ${MAX_CHECKED_BYTES / 1024 / 1024} MiB, ` +
                'which no subtitle file needs to be (a feature film takes about 150 KB).', { title: 'Subtitle quality', file });
            return undefined;
        }
        return (0,external_node_fs_.readFileSync)(descriptor);
    }
    catch (error) {
        log.warning(`Subtitle quality: ${file} could not be read back, so it was not checked: ${(0,error_message/* errorMessage */.g)(error)}`, {
            title: 'Subtitle quality',
            file,
        });
        return undefined;
    }
    finally {
        if (descriptor !== undefined)
            (0,external_node_fs_.closeSync)(descriptor);
    }
}
function sum(files, key) {
    return files.reduce((total, file) => total + file[key], 0);
}


/***/ })

};
