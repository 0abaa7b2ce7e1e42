/**
 * Characters as people read them (src/quality/characters.ts): grapheme clusters, markup and
 * invisible characters left out, half-width characters counting 0.5 in CJK. The one-pass count
 * must give exactly what Intl.Segmenter gives, for every BMP code point and for random lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCharacters, countLine, graphemes, isHalfWidth, visibleText } from '../../src/quality/characters.ts';

/** The reference: segment the visible text, weigh each cluster by its first code point. */
function reference(line: string, halfWidthCountsHalf: boolean): number {
  return Array.from(graphemes(visibleText(line))).reduce(
    (sum, cluster) => sum + (halfWidthCountsHalf && isHalfWidth(cluster.codePointAt(0)!) ? 0.5 : 1),
    0,
  );
}

describe('visibleText', () => {
  it.each([
    ['<i>Bonjour</i> et <b>bienvenue</b>', 'Bonjour et bienvenue'],
    ['<c.yellow><v Roger Bingham>We are in New York City</v></c>', 'We are in New York City'],
    ['<00:00:01.000>karaoke <00:00:02.000>words', 'karaoke words'],
    ['<font color="#ffff00">Yellow</font>', 'Yellow'],
    ['{\\an8}Top of the screen', 'Top of the screen'],
    ['{\\i1}italic{\\i0}', 'italic'],
    ['Tom &amp; Jerry &lt;3 &#233;t&#xE9;', 'Tom & Jerry <3 été'],
    ['\u200fمرحبا\u200f', 'مرحبا'],
    ['\u202bעברית\u202c', 'עברית'],
    ['  spaced  ', 'spaced'],
    ['3 < 5 and {not a block}', '3 < 5 and {not a block}'],
  ])('%j shows as %j', (line, shown) => {
    expect(visibleText(line)).toBe(shown);
  });
});

describe('countLine', () => {
  it.each([
    ['Hello, world!', false, 13],
    ['<i>Hello</i>', false, 5],
    ['{\\an8}Hi', false, 2],
    ['e\u0301te\u0301', false, 3], // combining acute accents
    ['👨‍👩‍👧 and 🇫🇷', false, 7], // a ZWJ family and a flag are one character each
    ['क्षत्रिय', false, 3], // Devanagari conjuncts (UAX #29 GB9c)
    ['नमस्ते', false, 3],
    ['สวัสดี', false, 4], // Thai vowel signs join their consonant
    ['\u200fمَرْحَبًا', false, 5], // Arabic with harakat and a right-to-left mark
    ['今日は新しい', true, 6],
    ['ABC日本', true, 3.5], // half-width Latin counts 0.5 in CJK
    ['ＡＢＣ', true, 3], // full-width Latin counts 1
    ['ﾃﾞｰﾀ', true, 1.5], // half-width katakana, the voiced mark joining its letter
    ['안녕하세요, 환영합니다.', true, 11.5],
    ['  ', false, 0],
    ['<i></i>', false, 0],
    ['<<c.red>>ม', false, 3], // the tag goes, the signs around it stay: "<>ม"
  ])('%j with CJK halves %s counts %s', (line, halfWidthCountsHalf, expected) => {
    expect(countLine(line, halfWidthCountsHalf)).toBe(expected);
    expect(reference(line, halfWidthCountsHalf)).toBe(expected);
  });

  it('counts a part of a longer text the same as that part alone', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<i>Bonjour</i> 日本\n';
    const from = text.indexOf('<i>');
    const to = text.indexOf('\n', from);
    expect(countLine(text, false, from, to)).toBe(countLine(text.slice(from, to), false));
    expect(countLine(text, true, from, to)).toBe(6); // Bonjour 3.5, the space 0.5, 日本 2
  });

  it('gives what Intl.Segmenter gives for every BMP code point, alone and next to others', () => {
    const mismatches: string[] = [];
    for (let codePoint = 0; codePoint <= 0xffff; codePoint++) {
      if ((codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint === 0x0a || codePoint === 0x0d) continue;
      const c = String.fromCodePoint(codePoint);
      // after a letter, before a letter, inside a Devanagari conjunct, between spaces
      for (const sample of [`a${c}b`, `${c}a`, `\u0915\u094d${c}\u0915`, ` ${c} x`]) {
        for (const half of [false, true]) {
          if (countLine(sample, half) !== reference(sample, half))
            mismatches.push(`U+${codePoint.toString(16)} in ${JSON.stringify(sample)}`);
        }
      }
      if (mismatches.length > 10) break;
    }
    expect(mismatches).toEqual([]);
  });

  it('gives what Intl.Segmenter gives for random lines of markup, marks, conjuncts, emoji, CJK and RTL text', () => {
    const pieces = [
      'a',
      'Z',
      ' ',
      '  ',
      '.',
      '<i>',
      '</i>',
      '<c.red>',
      '{\\an8}',
      '{',
      '}',
      '<',
      '>',
      '&amp;',
      '&nbsp;',
      '&lrm;',
      '&#233;',
      '&',
      '\t',
      'é',
      'e\u0301',
      '\u0301',
      '\u200d',
      '\u200c',
      '\u200f',
      '\u202b',
      '\u2066',
      '\u00ad',
      '\u00a0',
      '\u3000',
      'क',
      'ष',
      '्',
      'ि',
      'ं',
      'অ',
      '্',
      'ত',
      'ক',
      'ா',
      'த',
      'ส',
      'ั',
      'ำ',
      'ม',
      'ب',
      'َ',
      'ْ',
      'ש',
      'ׁ',
      '日',
      '本',
      'は',
      'ダ',
      '゙',
      'ｶ',
      'ﾞ',
      'ＡＢ',
      '한',
      '\u1100',
      '\u1161',
      '\u11a8',
      '👍',
      '🏽',
      '👨‍👩‍👧',
      '🇫',
      '🇷',
      '\u0600',
      '1',
      '٣',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), fc.boolean(), (parts, half) => {
        const line = parts.join('');
        expect(countLine(line, half)).toBe(reference(line, half));
        expect(countCharacters(visibleText(line), half)).toBe(reference(line, half));
      }),
      { numRuns: 2000 },
    );
  });
});
