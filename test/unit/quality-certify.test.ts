/**
 * The quick certificate (src/quality/certify.ts, assembly/certify.ts): it may say "not certified"
 * of a clean file, never "certified" of a file with a finding. checkSubtitle (certificate first)
 * and checkSubtitleFully (the full way only) must give the same result for any file; and the
 * files subtitle tools deliver, in every script, must be certified, or the speed is gone
 * (docs/benchmarks.md, "Subtitle quality check"). Also the class table it starts from
 * (src/quality/unit-classes.ts), against the classes Intl.Segmenter gives in this Node.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certifiedCues, certifierInput } from '../../src/quality/certify.ts';
import { checkSubtitle, checkSubtitleFully } from '../../src/quality/check.ts';
import type { SubtitleFormat } from '../../src/quality/check.ts';
import { classifyUnit, countLine, unitClassesApply } from '../../src/quality/characters.ts';
import { limitsFor } from '../../src/quality/limits.ts';
import type { LimitOverride, LimitRule } from '../../src/quality/limits.ts';
import { UNIT_CLASSES_UNICODE, readUnitClasses } from '../../src/quality/unit-classes.ts';

const time = (ms: number, separator: string): string => {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
};

/** Lines as translators deliver them, in many scripts, with their markup. */
const DELIVERED: Record<string, string[]> = {
  en: [
    'I never thought we would make it this far.',
    '<i>Previously on the show...</i>',
    "We don't have much time.",
    '{\\an8}Get in the car!',
  ],
  fr: ['Je n’aurais pas cru qu’on irait si loin.', 'Monte dans la voiture, vite !', '<b>Écoute-moi bien.</b>'],
  ru: ['Я никогда не думал, что мы зайдём так далеко.', 'Садись в машину, быстро!', 'Где ты был прошлой ночью?'],
  ar: ['\u200fلم أعتقد أبدًا أننا سنصل إلى هذا الحد.', '\u200fاركب السيارة، الآن!'],
  he: ['לא חשבתי שנגיע כל כך רחוק.', 'תיכנס לאוטו, עכשיו!'],
  hi: ['मैंने कभी नहीं सोचा था कि हम इतनी दूर आएँगे।', 'अभी गाड़ी में बैठो!', 'क्षत्रिय नमस्ते'],
  bn: ['আমি কখনো ভাবিনি আমরা এতদূর আসব।', 'এখনই গাড়িতে ওঠো!'],
  th: ['ฉันไม่เคยคิดว่าเราจะมาไกลขนาดนี้', 'ขึ้นรถเดี๋ยวนี้!'],
  ja: ['ここまで来られるとは思わなかった', '今すぐ車に乗って！', 'OK、行こう'],
  'zh-TW': ['我從沒想過我們能走這麼遠。', '馬上上車！'],
  ko: ['우리가 여기까지 올 줄은 몰랐어.', '당장 차에 타!'],
  vi: ['Tôi chưa bao giờ nghĩ chúng ta sẽ đi xa đến vậy.', 'Lên xe ngay!', 'Đêm qua anh đã ở đâu?'],
  am: ['እዚህ ድረስ እንደምንደርስ አስቤ አላውቅም።', 'ብዙ ጊዜ የለንም።'],
};

/** A file as a subtitler delivers it: each cue within its language's limits, counted the way the check counts. */
function delivered(language: string, format: SubtitleFormat, eol: string, cues = 40): string {
  const { limits, halfWidthCountsHalf } = limitsFor(language);
  const lines = DELIVERED[language]!.filter((line) => countLine(line, halfWidthCountsHalf) <= limits['max-line-length']!);
  expect(lines.length, language).toBeGreaterThan(1);
  const separator = format === 'srt' ? ',' : '.';
  const parts = format === 'vtt' ? ['WEBVTT', ''] : [];
  let at = 1000;
  for (let n = 0; n < cues; n++) {
    const text = [lines[n % lines.length]!];
    if (n % 3 === 0) text.push(lines[(n + 1) % lines.length]!);
    const characters = text.reduce((sum, line) => sum + countLine(line, halfWidthCountsHalf), 0);
    const length = Math.min(7000, Math.max(limits['min-duration']!, Math.ceil((characters / limits['max-cps']!) * 1000) + 10));
    if (format === 'srt' || n % 2 === 0) parts.push(String(n + 1));
    parts.push(`${time(at, separator)} --> ${time(at + length, separator)}`, ...text, '');
    at += length + 250;
  }
  return parts.join('\n').replace(/\n/g, eol);
}

describe('the quick certificate', () => {
  it('certifies the files subtitle tools deliver, in every script, in both formats, with LF or CRLF, with or without a BOM', () => {
    for (const language of Object.keys(DELIVERED)) {
      for (const format of ['srt', 'vtt'] as const) {
        for (const eol of ['\n', '\r\n']) {
          for (const bom of [false, true]) {
            const bytes = Buffer.from(`${bom ? '\ufeff' : ''}${delivered(language, format, eol)}`, 'utf8');
            const input = { bytes, file: `x.${format}`, language, format };
            const full = checkSubtitleFully(input);
            expect(full.findings, `${language} ${format}`).toEqual([]);
            expect(
              certifiedCues(bytes.subarray(bom ? 3 : 0), format, limitsFor(language)),
              `${language} ${format} ${JSON.stringify(eol)}`,
            ).toBe(40);
            expect(checkSubtitle(input)).toEqual(full);
          }
        }
      }
    }
  });

  it('leaves to the full check a file it does not read the usual way, and the result is the same', () => {
    const clean = delivered('en', 'srt', '\n', 6);
    const variants: Record<string, string> = {
      'a lone CR': clean.replace('\n\n2\n', '\n\r2\n'),
      'an entity': clean.replace('far.', 'far &amp; away.'),
      'a tab': clean.replace('far.', 'far.\tno'),
      'an emoji': clean.replace('far.', 'far 👍🏽'),
      'a zero-width joiner': clean.replace('far.', 'fa\u200dr.'),
      'a "-->" in a text line': clean.replace('far.', 'far --> away.'),
      'a "-->" inside a tag': clean.replace('far.', 'far <i-->.'),
      'coordinates after the timing': clean.replace(/(--> \S+)\n/, '$1 X1:10 X2:20 Y1:10 Y2:20\n'),
      'a number out of sequence': clean.replace('\n\n2\n', '\n\n3\n'),
      'a text line starting with a no-break space': clean.replace('\nI never', '\n\u00a0I never'),
    };
    for (const [what, body] of Object.entries(variants)) {
      const bytes = Buffer.from(body, 'utf8');
      expect(body, what).not.toBe(clean);
      expect(certifiedCues(bytes, 'srt', limitsFor('en')), what).toBe(0);
      const input = { bytes, file: 'x.srt', language: 'en', format: 'srt' as const };
      expect(checkSubtitle(input), what).toEqual(checkSubtitleFully(input));
    }
    expect(certifiedCues(Buffer.from(clean, 'utf8'), 'srt', limitsFor('en'))).toBe(6);
  });

  it('says 0 for a file that breaks any rule, each rule alone', () => {
    const clean = delivered('en', 'vtt', '\n', 6);
    const second = clean.match(/^\d\d:\d\d:\d\d\.\d{3} --> \S+$/gm)![1]!;
    const broken: Record<string, string> = {
      'end-before-start': clean.replace(/00:00:01\.000 --> 00:00:0\d\.\d{3}/, '00:00:01.000 --> 00:00:00.900'),
      overlap: clean.replace(second, `00:00:01.100 --> ${second.split(' --> ')[1]}`),
      'max-line-length': clean.replace('far.', 'far, far, far away.'),
      'max-lines': clean.replace('far.\n', 'far.\nand\nmore\n'),
      'min-duration': clean.replace(/00:00:01\.000 --> \S+/, '00:00:01.000 --> 00:00:01.500'),
      'max-duration': clean.replace(/00:00:01\.000 --> \S+/, '00:00:01.000 --> 00:00:08.100'),
      'max-cps': clean.replace("We don't have much time.", "We don't have much time, we really don't."),
      'empty-cue': clean.replaceAll('<i>Previously on the show...</i>', '<i></i>'),
    };
    for (const [rule, body] of Object.entries(broken)) {
      expect(body, rule).not.toBe(clean);
      const input = { bytes: Buffer.from(body, 'utf8'), file: 'x.vtt', language: 'en', format: 'vtt' as const };
      const full = checkSubtitleFully(input);
      expect(
        full.findings.map((finding) => finding.rule),
        rule,
      ).toContain(rule);
      expect(certifiedCues(input.bytes, 'vtt', limitsFor('en')), rule).toBe(0);
      expect(checkSubtitle(input)).toEqual(full);
    }
  });

  // Mostly what subtitle tools write, timed to pass; now and then what breaks a rule or is read the slow way.
  const POOL = [
    ...Object.values(DELIVERED).flat(),
    'x'.repeat(43),
    '<i></i>',
    '   ',
    '\u3000',
    ' leading space',
    'trailing   ',
    '\u00a0nbsp',
    '3 < 5 and {x}',
    'unclosed <b and {\\i1',
    '<c.yellow>color</c> &lt;',
    'e\u0301te\u0301',
    'ｶﾀｶﾅ half-width',
    '👍🏽 ok',
    'tab\there',
    'a --> b',
    'soft\u00adhyphen \u200b',
    '\u0903\u093f starts with marks',
  ];
  const cue = fc.record({
    gap: fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 2_000 }), weight: 20 },
      { arbitrary: fc.integer({ min: -800, max: 0 }), weight: 1 },
    ),
    /** How long the cue is shown against what its reading speed needs: below 1 is too fast. */
    pace: fc.oneof(
      { arbitrary: fc.double({ min: 1, max: 3, noNaN: true }), weight: 12 },
      { arbitrary: fc.double({ min: 0.3, max: 1, noNaN: true }), weight: 1 },
    ),
    lines: fc.array(fc.constantFrom(...POOL), { minLength: 1, maxLength: 3 }),
    identifier: fc.boolean(),
    settings: fc.oneof(
      { arbitrary: fc.constant(''), weight: 30 },
      { arbitrary: fc.constantFrom(' align:start', ' X1:1 X2:2 Y1:1 Y2:2'), weight: 1 },
    ),
    numberSkip: fc.integer({ min: 0, max: 60 }).map((n) => (n === 0 ? 1 : 0)),
  });
  const file = fc.record({
    format: fc.constantFrom<SubtitleFormat>('srt', 'vtt'),
    cues: fc.array(cue, { minLength: 1, maxLength: 8 }),
    header: fc.constantFrom('', '', '', 'Kind: captions', 'NOTE -->'),
    eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
    bom: fc.boolean(),
    finalBreak: fc.boolean(),
    language: fc.constantFrom('en', 'fr', 'ja', 'zh-TW', 'ko', 'hi', 'ar', 'th'),
    rules: fc.constantFrom<LimitOverride[]>(
      [],
      [],
      [{ rule: 'max-lines', value: undefined, scope: undefined, line: 1 }],
      [{ rule: 'max-cps', value: 12.5, scope: undefined, line: 1 }],
      [{ rule: 'min-gap', value: undefined, scope: undefined, line: 1 }],
    ),
  });

  it('on random files: the same result as the full check, and most clean files certified', () => {
    let certified = 0;
    let clean = 0;
    let findings = 0;
    fc.assert(
      fc.property(file, (f) => {
        const { limits, halfWidthCountsHalf } = limitsFor(f.language, f.rules);
        const separator = f.format === 'srt' ? ',' : '.';
        const parts = f.format === 'vtt' ? [f.header === '' ? 'WEBVTT' : `WEBVTT\n${f.header}`, ''] : [];
        let at = 5_000;
        let number = 0;
        for (const c of f.cues) {
          at = Math.max(0, at + c.gap);
          const characters = c.lines.reduce((sum, line) => sum + countLine(line, halfWidthCountsHalf), 0);
          const needed = ((limits['max-cps'] ?? 17) > 0 ? characters / (limits['max-cps'] ?? 17) : 1) * 1000;
          const length = Math.round(Math.min(7_000, Math.max(limits['min-duration'] ?? 0, needed * c.pace)));
          number += 1 + c.numberSkip;
          if (f.format === 'srt') parts.push(String(number));
          else if (c.identifier) parts.push(`cue ${number}`);
          parts.push(`${time(at, separator)} --> ${time(at + length, separator)}${c.settings}`, ...c.lines, '');
          at += length + 100;
        }
        const written = parts.join('\n').replace(/\n/g, f.eol);
        const body = f.finalBreak ? written : written.slice(0, -f.eol.length);
        const bytes = Buffer.from(`${f.bom ? '\ufeff' : ''}${body}`, 'utf8');
        const input = { bytes, file: `x.${f.format}`, language: f.language, format: f.format, overrides: f.rules };
        const full = checkSubtitleFully(input);
        const cues = certifiedCues(f.bom ? bytes.subarray(3) : bytes, f.format, limitsFor(f.language, f.rules));
        if (cues > 0) {
          // Certified: the full check finds nothing in it either, and counts the same cues.
          expect(full.findings).toEqual([]);
          expect(cues).toBe(full.cues);
          certified++;
        }
        if (full.findings.length === 0) clean++;
        findings += full.findings.length;
        expect(checkSubtitle(input)).toEqual(full);
      }),
      { numRuns: 3_000 },
    );
    // The generator writes clean files and files with findings; most clean ones are certified.
    // (Runs of 3,000 files, each with its own seed: about 380-425 clean, 52-60 % of them certified,
    // 11,600-12,200 findings; the bounds leave room for any seed.)
    expect(clean).toBeGreaterThan(250);
    expect(certified).toBeGreaterThan(clean / 3);
    expect(findings).toBeGreaterThan(1_000);
  });
});

describe('the quick certificate, at the edges', () => {
  const allOff = (rules: LimitRule[]): LimitOverride[] => rules.map((rule) => ({ rule, value: undefined, scope: undefined, line: 1 }));

  it('the timing line: each of its bytes replaced by each ASCII byte, the same result as the full check', () => {
    // Its form is checked 16 bytes at a time against the lowest and highest byte of each place:
    // a bound one off (minutes up to 99, a missing separator) would certify an unparseable line.
    const overrides = allOff(['max-duration', 'min-duration', 'min-gap', 'max-cps']);
    let certified = 0;
    let differ = 0;
    for (const format of ['vtt', 'srt'] as const) {
      const separator = format === 'srt' ? ',' : '.';
      const lines = [`00:00:01.000 --> 00:00:04.000`, `00:59:59.999 --> 01:00:00.500`, `00:00:01.000 --> 99:59:59.999`];
      for (const base of lines.map((line) => line.replaceAll('.', separator))) {
        for (let at = 0; at < base.length; at++) {
          for (let byte = 0; byte < 128; byte++) {
            const line = base.slice(0, at) + String.fromCharCode(byte) + base.slice(at + 1);
            const body = `${format === 'vtt' ? 'WEBVTT\n\n' : '1\n'}${line}\nHi\n`;
            const input = { bytes: Buffer.from(body, 'utf8'), file: `x.${format}`, language: 'en', format, overrides };
            const quick = checkSubtitle(input);
            if (quick.findings.length === 0) certified++;
            if (!isDeepStrictEqual(quick, checkSubtitleFully(input))) differ++;
          }
        }
      }
    }
    expect(differ).toBe(0);
    expect(certified).toBeGreaterThan(100); // the unchanged lines and the digits that keep the form
  });

  // Pieces from many scripts: viramas and conjuncts, marks that join or stand alone, half-width
  // and full-width forms, white space of all kinds, markup whole and broken.
  const PIECES = [
    'a',
    'W',
    ' ',
    '  ',
    '<i>',
    '</i>',
    '<',
    '>',
    '{\\an8}',
    '{\\a',
    '{',
    '}',
    '\u00a0',
    '\u3000',
    '\u2000',
    '\ufeff',
    '\u200b',
    '\u200f',
    '\u00ad',
    '\u0301',
    'क',
    '\u094d',
    'ष',
    'ि',
    'ा',
    'ं',
    'ः',
    'ক',
    '\u09cd',
    'ষ',
    'ฉ',
    'ั',
    'ำ',
    '漢',
    'ｱ',
    'Ａ',
    'ñ',
    'Ω',
    'ေ',
    'က',
    '\u1039',
    '\u103a',
    '\u17d2',
    'ក',
    '\u0d4d',
    'ക',
    '\u0c4d',
    'క',
    'ཀ',
    '\u064b',
    'ب',
    '\u0903',
    '\u093c',
    'ー',
    '\u3099',
    '\uff9e',
    'é',
    'ế',
  ];

  it('cues at their limits, counted character by character: the same result as the full check', () => {
    // Limits set to each cue's own counts (and half a character or a line either side), so that
    // the upper bounds never settle it and every character is counted the slow way in both.
    let certified = 0;
    let counted = 0;
    fc.assert(
      fc.property(
        fc.record({
          format: fc.constantFrom<SubtitleFormat>('srt', 'vtt'),
          language: fc.constantFrom('en', 'ja', 'zh', 'hi', 'ko', 'th'),
          lines: fc.array(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }),
          seconds: fc.integer({ min: 1, max: 4 }),
          lengthBy: fc.constantFrom(-0.5, 0, 0, 0.5, 1),
          linesBy: fc.constantFrom(-1, 0, 0, 1),
          cpsBy: fc.constantFrom(-0.25, 0, 0, 0.25),
        }),
        ({ format, language, lines: pieces, seconds, lengthBy, linesBy, cpsBy }) => {
          const { halfWidthCountsHalf } = limitsFor(language);
          // An SRT text line that starts with white space is the parser's: start those with a letter.
          const lines = pieces
            .map((line) => line.join(''))
            .map((line) => (format === 'srt' && /^[\s\ufeff]/.test(line) ? `x${line}` : line));
          const counts = lines.map((line) => countLine(line, halfWidthCountsHalf));
          const total = counts.reduce((sum, count) => sum + count, 0);
          const separator = format === 'srt' ? ',' : '.';
          const body = `${format === 'vtt' ? 'WEBVTT\n\n' : '1\n'}${time(1000, separator)} --> ${time(1000 + seconds * 1000, separator)}\n${lines.join('\n')}\n`;
          const overrides: LimitOverride[] = [
            { rule: 'max-line-length', value: Math.max(...counts) + lengthBy, scope: undefined, line: 1 },
            { rule: 'max-lines', value: counts.filter((count) => count > 0).length + linesBy, scope: undefined, line: 1 },
            { rule: 'max-cps', value: total / seconds + cpsBy, scope: undefined, line: 1 },
            ...allOff(['min-duration', 'max-duration']),
          ];
          const input = { bytes: Buffer.from(body, 'utf8'), file: `x.${format}`, language, format, overrides };
          const full = checkSubtitleFully(input);
          const quick = checkSubtitle(input);
          expect(quick).toEqual(full);
          if (full.findings.length === 0) counted++;
          if (certifiedCues(input.bytes, format, limitsFor(language, overrides)) > 0) certified++;
        },
      ),
      { numRuns: 5_000 },
    );
    expect(counted).toBeGreaterThan(1_000);
    expect(certified).toBeGreaterThan(counted / 3);
  });
});

describe('the quick certificate and its memory', () => {
  it("certifies a file whose last character is counted at the very end of the module's memory", () => {
    // The count reads a 3-byte character in one 4-byte load: the module's memory always has room
    // past the file (a load past its end would trap, and the file lose its quick path).
    const head = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n';
    for (const pages of [1, 2, 3]) {
      const size = pages * 65_536; // with the module's 64 KiB of classes before it: memory ends where the file does
      const line = `${'a'.repeat(size - Buffer.byteLength(head) - 6)}कि`;
      const body = Buffer.from(`${head}${line}`, 'utf8');
      expect(body.length).toBe(size);
      // The line's own count as its limit: past the code-point bound, so every character is counted.
      const off = (['max-cps', 'max-duration'] as const).map((rule) => ({ rule, value: undefined, scope: undefined, line: 1 }));
      const limits = limitsFor('hi', [...off, { rule: 'max-line-length', value: countLine(line, false), scope: undefined, line: 1 }]);
      const input = certifierInput(size)!;
      input.set(body);
      expect(certifiedCues(input, 'vtt', limits), `${pages} pages`).toBe(1);
    }
  });
});

describe('the class table (src/quality/unit-classes.ts)', () => {
  it('gives each code unit the class classifyUnit gives it in this Node, for every code point it lists', () => {
    const table = new Uint8Array(0x10000);
    readUnitClasses(table);
    let listed = 0;
    const differ: string[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      if (table[unit] === 0) continue;
      listed++;
      if (table[unit] !== classifyUnit(unit))
        differ.push(`U+${unit.toString(16).padStart(4, '0')}: ${table[unit]} not ${classifyUnit(unit)}`);
    }
    expect(differ.slice(0, 10)).toEqual([]);
    // Every assigned BMP code point is listed (57,000 and more since Unicode 15), and the surrogates.
    expect(listed).toBeGreaterThan(55_000);
  });

  it("is made with this Node's Unicode version, and used by no other", () => {
    // A Node with another Unicode version may class a character otherwise (a mark new in Unicode
    // 17 is a letter of its own before): there the classes are asked as each unit is met.
    expect(UNIT_CLASSES_UNICODE).toBe(process.versions.unicode);
    expect(unitClassesApply(process.versions.unicode)).toBe(true);
    expect(unitClassesApply('16.0')).toBe(false);
    expect(unitClassesApply(undefined)).toBe(false);
  });

  it('leaves out only code points unassigned in its Unicode version', () => {
    const table = new Uint8Array(0x10000);
    readUnitClasses(table);
    for (let unit = 0; unit < 0x10000; unit++) {
      if (table[unit] === 0 && !/\p{Cn}/u.test(String.fromCharCode(unit)))
        expect.fail(`U+${unit.toString(16)} is assigned but not in the table`);
    }
  });
});
