/**
 * checkSubtitle, one rule at a time: each fixture in test/fixtures/quality/ breaks exactly one
 * rule (in SRT and in WebVTT), and the finding must name that rule and the line a reviewer has
 * to look at. Then the encodings (BOM, CRLF, not UTF-8, UTF-16), CJK and right-to-left samples,
 * per-language limits and `quality-rules` overrides, and the order findings come in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSubtitle, subtitleFormatOf } from '../../src/quality/check.ts';
import type { FileQuality, SubtitleFormat } from '../../src/quality/check.ts';
import { parseQualityRules } from '../../src/quality/rules.ts';
import { countLine } from '../../src/quality/characters.ts';
import { limitsFor } from '../../src/quality/limits.ts';
import { checkWellFormed } from '../../src/quality/well-formed.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'quality');

function check(name: string, language = 'fr', rules = ''): FileQuality {
  const format = subtitleFormatOf(name)!;
  const { overrides, problems } = parseQualityRules(rules, JSON.stringify);
  expect(problems).toEqual([]);
  return checkSubtitle({
    bytes: readFileSync(path.join(FIXTURES, name)),
    file: `localized/${language}/${name}`,
    language,
    format,
    overrides,
  });
}

function text(body: string, format: SubtitleFormat, language = 'en'): FileQuality {
  return checkSubtitle({ bytes: Buffer.from(body, 'utf8'), file: `x.${format}`, language, format });
}

/** [fixture, rule, severity, line in the SRT file, line in the WebVTT file] */
const ONE_RULE: [string, string, 'error' | 'warning', number, number][] = [
  ['end-before-start', 'end-before-start', 'error', 11, 13],
  ['out-of-order', 'out-of-order', 'error', 10, 12],
  ['overlap', 'overlap', 'error', 11, 13],
  ['unparseable', 'unparseable', 'error', 11, 13],
  ['no-cues', 'no-cues', 'error', 1, 1],
  ['not-utf8', 'not-utf8', 'error', 7, 9],
  ['max-line-length', 'max-line-length', 'warning', 7, 9],
  ['max-lines', 'max-lines', 'warning', 9, 11],
  ['min-duration', 'min-duration', 'warning', 2, 4],
  ['max-duration', 'max-duration', 'warning', 11, 13],
  ['min-gap', 'min-gap', 'warning', 11, 13],
  ['max-cps', 'max-cps', 'warning', 11, 13],
  ['empty-cue', 'empty-cue', 'warning', 11, 13],
];

describe('checkSubtitle: one fixture per rule, and the line it points at', () => {
  it.each(['clean.srt', 'clean.vtt'])('%s passes every rule', (name) => {
    expect(check(name)).toEqual({ file: `localized/fr/${name}`, language: 'fr', cues: 4, errors: 0, warnings: 0, findings: [] });
  });

  for (const [fixture, rule, severity, srtLine, vttLine] of ONE_RULE) {
    it.each([
      [`${fixture}.srt`, srtLine],
      [`${fixture}.vtt`, vttLine],
    ])(`%s breaks only ${rule}, at line %d`, (name, line) => {
      const result = check(name);
      expect(result.findings.map(({ rule, severity, line }) => ({ rule, severity, line }))).toEqual([{ rule, severity, line }]);
      expect(result.errors + result.warnings).toBe(1);
      expect(result.findings[0]!.message).not.toMatch(/[\r\n]/);
    });
  }

  it('sequence-number.srt breaks only SRT numbering, at line 14', () => {
    expect(check('sequence-number.srt').findings).toMatchObject([{ rule: 'sequence-number', severity: 'warning', line: 14 }]);
  });

  it('says what is wrong in words a translator can act on', () => {
    expect(check('overlap.srt').findings[0]!.message).toBe(
      'the cue starts at 00:00:07,500 while the cue at line 6 is still shown (until 00:00:08,000)',
    );
    expect(check('end-before-start.vtt').findings[0]!.message).toBe('the cue ends at 00:00:09.000, before it starts at 00:00:11.000');
    expect(check('max-cps.srt').findings[0]!.message).toBe(
      '27.0 characters a second (27 characters in 1 s), more than the 17 allowed for fr',
    );
    expect(check('max-line-length.vtt').findings[0]!.message).toBe(
      "48 characters on this line, more than the 42 allowed for fr: “Aujourd'hui, nous allon…”",
    );
    expect(check('not-utf8.srt').findings[0]!.message).toMatch(/^the text is not UTF-8 \(byte 0xe9 at offset \d+\)/);
  });

  it('reports a cue that ends when it starts, and reads nothing into the cues around a broken one', () => {
    const result = text(
      'WEBVTT\n\n00:00:01.000 --> 00:00:01.000\nNever shown\n\n00:00:0x.000 --> 00:00:04.000\nBroken\n\n00:00:05.000 --> 00:00:07.000\nFine\n',
      'vtt',
    );
    expect(result.cues).toBe(2);
    expect(result.findings.map((f) => [f.rule, f.line])).toEqual([
      ['unparseable', 6],
      ['end-before-start', 3],
    ]);
    expect(result.findings[1]!.message).toBe('the cue ends when it starts (00:00:01.000): it is never shown');
  });
});

describe('checkSubtitle: encodings and line ends', () => {
  it.each([
    ['bom-crlf.srt', 11],
    ['bom-crlf.vtt', 13],
  ])('%s (UTF-8 BOM, CRLF) counts lines as an editor shows them: the overlap is at line %d', (name, line) => {
    const bytes = readFileSync(path.join(FIXTURES, name));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes('\r\n')).toBe(true);
    const result = check(name);
    expect(result.cues).toBe(4);
    expect(result.findings.map((f) => [f.rule, f.line])).toEqual([['overlap', line]]);
  });

  it('counts a lone CR as a line break too (old Mac line ends)', () => {
    const body = '1\r00:00:01,000 --> 00:00:03,000\rOne\r\r2\r00:00:02,000 --> 00:00:04,000\rTwo\r';
    expect(text(body, 'srt').findings.map((f) => [f.rule, f.line])).toEqual([['overlap', 6]]);
  });

  it('reports UTF-16 as not UTF-8 and still checks the cues', () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(readFileSync(path.join(FIXTURES, 'overlap.srt'), 'utf8'), 'utf16le'),
    ]);
    const result = checkSubtitle({ bytes: utf16, file: 'x.srt', language: 'fr', format: 'srt' });
    expect(result.findings.map((f) => [f.rule, f.line])).toEqual([
      ['not-utf8', 1],
      ['overlap', 11],
    ]);
    expect(result.findings[0]!.message).toContain('UTF-16LE');
  });

  it('points at the line of the first byte that is not UTF-8, whatever the line ends', () => {
    const latin1 = Buffer.from('1\r\n00:00:01,000 --> 00:00:03,000\r\nCaf\xe9\r\n', 'latin1');
    expect(checkSubtitle({ bytes: latin1, file: 'x.srt', language: 'fr', format: 'srt' }).findings).toMatchObject([
      { rule: 'not-utf8', line: 3 },
    ]);
  });

  it('finds the same invalid byte as the platform decoder, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (tail) => {
        const bytes = Buffer.concat([Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n'), tail]);
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        const result = checkSubtitle({ bytes, file: 'x.vtt', language: 'en', format: 'vtt' });
        expect(result.findings.some((f) => f.rule === 'not-utf8')).toBe(!valid);
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkSubtitle: CJK, right-to-left and Indic text', () => {
  it('Japanese: 13 characters a line, half-width characters count 0.5 (26 Latin letters pass, 27 do not)', () => {
    for (const name of ['ja.srt', 'ja.vtt']) {
      const result = check(name, 'ja');
      const offset = name.endsWith('.vtt') ? 2 : 0;
      expect(result.findings.map((f) => [f.rule, f.line, f.message.split(',')[0]])).toEqual([
        ['max-line-length', 7 + offset, '17 characters on this line'],
        ['max-line-length', 15 + offset, '13.5 characters on this line'],
      ]);
    }
  });

  it('Traditional Chinese and Korean: 16 characters a line', () => {
    expect(check('zh-TW.srt', 'zh-TW').findings.map((f) => [f.rule, f.line, f.message.split(',')[0]])).toEqual([
      ['max-line-length', 7, '19 characters on this line'],
    ]);
    expect(check('ko.vtt', 'ko').findings.map((f) => [f.rule, f.line, f.message.split(',')[0]])).toEqual([
      ['max-line-length', 9, '20 characters on this line'],
    ]);
  });

  it('Arabic: marks and right-to-left marks are not counted; the quote is isolated so it cannot reorder the message', () => {
    const [finding] = check('ar.srt', 'ar').findings;
    expect(finding).toMatchObject({ rule: 'max-line-length', line: 7 });
    expect(finding!.message).toMatch(/^55 characters on this line, more than the 42 allowed for ar: “\u2068[^\u200f]+…\u2069”$/);
  });

  it('Hebrew with embedding controls and Hindi conjuncts pass their limits', () => {
    expect(check('he.vtt', 'he').findings).toEqual([]);
    expect(check('hi.srt', 'hi').findings).toEqual([]);
  });
});

describe('checkSubtitle: limits per language and quality-rules', () => {
  const fast = (language: string, characters: string, seconds: number): FileQuality =>
    text(`1\n00:00:01,000 --> 00:00:${String(1 + seconds).padStart(2, '0')},000\n${characters}\n`, 'srt', language);

  it.each([
    ['en', 'x'.repeat(40), 2, 0], // 20 a second: the English limit
    ['en', 'x'.repeat(42), 2, 1],
    ['fr', 'x'.repeat(36), 2, 1], // 18 a second: over the general 17
    ['pt-BR', 'x'.repeat(34), 2, 0],
    ['hi', 'x'.repeat(42), 2, 0], // 21 a second: under Hindi's 22
    ['ar', 'x'.repeat(41), 2, 1],
    ['ko', '가'.repeat(12), 1, 0],
    ['ko', '가'.repeat(13), 1, 1],
    ['zh-Hans', '中'.repeat(10), 1, 1],
    ['zh-TW', '中'.repeat(9), 1, 0],
  ])('%s: %j in %d s gives %d reading-speed warnings', (language, characters, seconds, warnings) => {
    const result = fast(language, characters, seconds);
    expect(result.findings.filter((f) => f.rule === 'max-cps')).toHaveLength(warnings);
  });

  it('Japanese: 0.5 s is long enough and there is no minimum gap', () => {
    const body = '1\n00:00:01,000 --> 00:00:01,500\nは\n\n2\n00:00:01,510 --> 00:00:02,500\nい\n';
    expect(text(body, 'srt', 'ja').findings).toEqual([]);
    expect(
      text(body, 'srt', 'fr')
        .findings.map((f) => f.rule)
        .sort(),
    ).toEqual(['min-duration', 'min-gap']);
  });

  it('applies overrides for every language, for a primary language, for an exact code, and switches rules off', () => {
    expect(check('max-cps.srt', 'fr', 'max-cps: 30').findings).toEqual([]);
    expect(check('max-cps.srt', 'fr', 'max-cps: off').findings).toEqual([]);
    expect(check('max-cps.srt', 'fr', 'max-cps (de): 30').findings).toHaveLength(1);
    expect(check('zh-TW.srt', 'zh-TW', 'max-line-length (zh): 20').findings).toEqual([]);
    expect(check('zh-TW.srt', 'zh-TW', 'max-line-length (zh): 20\nmax-line-length (zh-tw): 18').findings).toHaveLength(1);
    expect(check('zh-TW.srt', 'zh-TW', 'max-line-length (zh-TW): 18\nmax-line-length: 30').findings).toHaveLength(1);
    expect(check('min-gap.vtt', 'fr', 'min-gap: 20ms').findings).toEqual([]);
    expect(check('max-duration.vtt', 'fr', 'max-duration: 8s').findings).toEqual([]);
    expect(check('min-duration.srt', 'fr', 'min-duration: 500ms').findings).toEqual([]);
    expect(check('max-lines.srt', 'fr', 'max-lines: 3').findings).toEqual([]);
  });
});

describe('checkSubtitle: order and volume', () => {
  it('lists errors first, then warnings from the furthest past its limit', () => {
    const body = [
      '1\n00:00:01,000 --> 00:00:02,000\nThis line is a little too long for the screen.', // 46 characters: 1.1x the line length, 2.3x the reading speed
      '2\n00:00:01,500 --> 00:00:03,000\nOverlap',
      '3\n00:00:10,000 --> 00:00:10,400\nShort', // 2.1x too short
    ].join('\n\n');
    const result = text(body, 'srt', 'en');
    expect(result.findings.map((f) => f.rule)).toEqual(['overlap', 'max-cps', 'min-duration', 'max-line-length']);
    expect(result).toMatchObject({ errors: 1, warnings: 3, cues: 3 });
  });

  it('reports one misplaced cue once, not every cue after it as an overlap', () => {
    const body = [
      '00:00:01,000 --> 00:00:02,000',
      '00:00:10,000 --> 00:00:12,000',
      '00:00:03,000 --> 00:00:04,000',
      '00:00:04,500 --> 00:00:05,500',
      '00:00:13,000 --> 00:00:14,000',
    ]
      .map((timing, i) => `${i + 1}\n${timing}\nLine`)
      .join('\n\n');
    expect(text(body, 'srt').findings.map((f) => [f.rule, f.line])).toEqual([['out-of-order', 10]]);
  });

  it('checks a feature film with every cue broken without trouble', () => {
    const cues = Array.from({ length: 1500 }, (_, i) => `${i + 1}\n00:00:01,000 --> 00:00:00,500\n${'x'.repeat(50)}`);
    const result = text(cues.join('\n\n'), 'srt');
    expect(result.errors).toBe(1500);
    expect(result.findings).toHaveLength(result.errors + result.warnings);
  });

  it('tells the formats apart by extension only', () => {
    expect(subtitleFormatOf('a/b/intro.fr.SRT')).toBe('srt');
    expect(subtitleFormatOf('intro.vtt')).toBe('vtt');
    expect(subtitleFormatOf('intro.vtt.mp4')).toBeUndefined();
    expect(subtitleFormatOf('srt')).toBeUndefined();
  });
});

describe('checkSubtitle: cues within their limits by code units are not counted', () => {
  /** The text rules as docs/quality.md states them, counting every line: what the check must find. */
  function reference(lines: string[], durationMs: number, language: string): string[] {
    const { limits, halfWidthCountsHalf } = limitsFor(language);
    const found: string[] = [];
    let shown = 0;
    let total = 0;
    let firstOver: number | undefined;
    lines.forEach((line, k) => {
      const count = countLine(line, halfWidthCountsHalf);
      if (count === 0) return;
      shown++;
      total += count;
      if (count > limits['max-line-length']!) found.push(`max-line-length ${3 + k}`);
      if (shown === limits['max-lines']! + 1) firstOver = 3 + k;
    });
    if (shown === 0) return [...found, 'empty-cue 2'];
    if (firstOver !== undefined) found.push(`max-lines ${firstOver}`);
    if (total / (durationMs / 1000) > limits['max-cps']!) found.push('max-cps 2');
    return found;
  }

  const PIECES = [
    'Hello',
    ' ',
    '<i>',
    '</i>',
    '{\\an8}',
    '&amp;',
    '\u200f',
    'e\u0301',
    'क्ष',
    'ที่',
    'مَرْ',
    '日本語',
    'ABC',
    '👍🏽',
    '\u00ad',
    '\t',
  ];
  // A blank line would end the cue.
  /** Padding with x: none (markup or marks alone), around the line lengths of every profile, or any. */
  const PAD = fc.oneof(fc.constant(0), fc.constantFrom(12, 13, 14, 15, 16, 17, 41, 42, 43, 44), fc.integer({ min: 0, max: 45 }));
  const line = fc
    .tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), PAD)
    .map(([parts, pad]) => parts.join('') + 'x'.repeat(pad))
    .filter((l) => l.trim() !== '');

  it('counts a cue just past a limit', () => {
    const cue = (lines: string[], end: string, language = 'fr'): string[] =>
      text(`1\n00:00:10,000 --> ${end}\n${lines.join('\n')}\n`, 'srt', language).findings.map((f) => `${f.rule} ${f.line}`);
    // fr: 42 characters a line, 2 lines, 17 a second
    expect(cue(['x'.repeat(42)], '00:00:13,000')).toEqual([]);
    expect(cue(['x'.repeat(43)], '00:00:13,000')).toEqual(['max-line-length 3']);
    expect(cue(['x'.repeat(40), 'x'.repeat(40), 'x'.repeat(39)], '00:00:17,000')).toEqual(['max-lines 5']); // 119 in 7 s: 17 a second
    expect(cue(['x'.repeat(40), 'x'.repeat(40), 'x'.repeat(40)], '00:00:17,000').sort()).toEqual(['max-cps 2', 'max-lines 5']); // 17.1
    expect(cue(['x'.repeat(42), 'x'.repeat(41)], '00:00:14,900')).toEqual([]); // 83 in 4.9 s: 16.9 a second
    expect(cue(['x'.repeat(42), 'x'.repeat(42)], '00:00:14,900')).toEqual(['max-cps 2']); // 17.1
    expect(cue(['日'.repeat(13)], '00:00:14,000', 'ja')).toEqual([]); // Japanese: 13 a line, 4 a second
    expect(cue(['日'.repeat(14)], '00:00:14,000', 'ja')).toEqual(['max-line-length 3']);
    expect(cue(['日'.repeat(12) + 'ab'], '00:00:14,000', 'ja')).toEqual([]); // half-width letters count 0.5
  });

  it('finds what counting every line finds, for any text and duration', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 4 }),
        // The cue on screen for about as long as its code units take at the language's reading speed: near the limit.
        fc.oneof(fc.double({ min: 0.5, max: 2, noNaN: true }), fc.double({ min: 0.9, max: 1.1, noNaN: true })),
        fc.constantFrom('fr', 'en', 'ja', 'zh-TW', 'ko', 'hi', 'ar'),
        (lines, pace, language) => {
          const units = lines.join('').length;
          const durationMs = Math.min(9_999, Math.max(1, Math.round(((units / limitsFor(language).limits['max-cps']!) * 1000) / pace)));
          // One cue, so that only the text rules and the duration rules can fire; the latter are left out.
          const end = `00:00:${String(10 + Math.floor(durationMs / 1000)).padStart(2, '0')},${String(durationMs % 1000).padStart(3, '0')}`;
          const body = `1\n00:00:10,000 --> ${end}\n${lines.join('\n')}\n`;
          const found = text(body, 'srt', language)
            .findings.filter((f) => f.rule !== 'min-duration' && f.rule !== 'max-duration')
            .map((f) => `${f.rule} ${f.line}`);
          expect(found.sort()).toEqual(reference(lines, durationMs, language).sort());
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('checkSubtitle: the one pass over a well-formed file finds what the parser finds', () => {
  const time = (ms: number, separator: string): string => {
    const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
    return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
  };
  // Mostly what subtitle tools write; now and then what the one pass leaves to the parser.
  const TEXT = [
    'Hello there',
    'x'.repeat(44),
    '<i>Bonjour</i>',
    '<i></i>',
    'e\u0301te\u0301',
    'क्षत्रिय नमस्ते',
    '日本語のテキスト',
    '\u200fمرحبا',
    '👍🏽 ok',
    '3 < 5',
  ];
  const cue = fc.record({
    gap: fc.integer({ min: -1_500, max: 2_000 }), // negative: overlaps and cues out of order
    duration: fc.integer({ min: -200, max: 9_000 }),
    lines: fc.array(
      fc.oneof(
        { arbitrary: fc.constantFrom(...TEXT), weight: 60 },
        { arbitrary: fc.constantFrom('  indented', '\u3000', 'a --> b'), weight: 1 },
      ),
      { minLength: 1, maxLength: 4 },
    ),
    identifier: fc.boolean(),
    settings: fc.oneof(
      { arbitrary: fc.constantFrom('', '', '', ' align:start line:90%', ' position:10%,line-left'), weight: 30 },
      { arbitrary: fc.constant(' align:middle'), weight: 1 },
    ),
    joined: fc.integer({ min: 0, max: 60 }).map((n) => n === 0), // no empty line after the cue
    numberSkip: fc.integer({ min: 0, max: 60 }).map((n) => (n === 0 ? 1 : 0)),
    short: fc.integer({ min: 0, max: 40 }).map((n) => n === 0), // WebVTT's mm:ss.ttt
  });
  const file = fc.record({
    format: fc.constantFrom<SubtitleFormat>('srt', 'vtt'),
    cues: fc.array(cue, { minLength: 1, maxLength: 12 }),
    header: fc.constantFrom('', '', 'Kind: captions\nLanguage: fr'),
    eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
    bom: fc.boolean(),
    finalBreak: fc.boolean(),
    language: fc.constantFrom('fr', 'en', 'ja', 'zh-TW', 'hi', 'ar'),
  });

  function write({ format, cues, header, eol }: typeof file extends fc.Arbitrary<infer T> ? T : never): string {
    const separator = format === 'srt' ? ',' : '.';
    const parts = format === 'vtt' ? [header === '' ? 'WEBVTT' : `WEBVTT\n${header}`, ''] : [];
    let at = 60_000;
    let number = 0;
    cues.forEach((c) => {
      at = Math.max(0, at + c.gap);
      number += 1 + c.numberSkip;
      if (format === 'srt') parts.push(String(number));
      else if (c.identifier) parts.push(`cue-${number}`);
      const start = c.short && format === 'vtt' ? time(at, separator).slice(3) : time(at, separator);
      parts.push(`${start} --> ${time(Math.max(0, at + c.duration), separator)}${format === 'vtt' ? c.settings : ''}`, ...c.lines);
      if (!c.joined) parts.push('');
      at += Math.max(0, c.duration);
    });
    parts.push('');
    return parts.join('\n').replace(/\n/g, eol);
  }

  /** The text as check.ts hands it to the pass: no BOM, LF line breaks. */
  const lf = (bytes: Buffer): string =>
    bytes
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .replace(/\r\n?/g, '\n');

  it('on random files, whether or not the parser has to read them', () => {
    let wellFormed = 0;
    let findings = 0;
    fc.assert(
      fc.property(file, (f) => {
        const written = write(f);
        const body = f.finalBreak ? written : written.slice(0, -f.eol.length);
        const bytes = Buffer.concat([Buffer.from(f.bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(body, 'utf8')]);
        // A NOTE block at the end of a WebVTT file, a line of spaces at the end of an SRT file: the
        // one pass leaves such files to the parser, and neither adds a finding or moves a line.
        const parserOnly = Buffer.concat([bytes, Buffer.from(f.format === 'vtt' ? '\n\nNOTE the end\n' : '\n\n \n')]);
        const input = { file: 'x', language: f.language, format: f.format };
        const passed = checkSubtitle({ ...input, bytes });
        expect(checkSubtitle({ ...input, bytes: parserOnly })).toEqual(passed);
        expect(checkWellFormed(lf(parserOnly), f.format, limitsFor(f.language))).toBeUndefined();
        if (checkWellFormed(lf(bytes), f.format, limitsFor(f.language)) !== undefined) wellFormed++;
        findings += passed.findings.length;
      }),
      { numRuns: 2_000 },
    );
    // The generator writes mostly well-formed files, with findings of every kind.
    expect(wellFormed).toBeGreaterThan(400);
    expect(findings).toBeGreaterThan(5_000);
  });
});
