/**
 * The SRT and WebVTT reader (src/quality/parse.ts): every problem with its line, none hiding the
 * next, no cue merged or dropped without a word; and, for WebVTT, the same timing errors on the
 * same lines as the W3C's own webvtt-parser (a devDependency, used only here).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WebVTTParser } from 'webvtt-parser';
import { checkSubtitle } from '../../src/quality/check.ts';
import { formatTime, parseSubtitle, SubtitleLines } from '../../src/quality/parse.ts';
import type { SubtitleFormat } from '../../src/quality/parse.ts';

function problems(body: string, format: SubtitleFormat): [number, string][] {
  return parseSubtitle(body, format).findings.map((finding) => [finding.line, finding.message]);
}

function cueTimes(body: string, format: SubtitleFormat): [number, number, number, number][] {
  return parseSubtitle(body, format).cues.map((cue) => [cue.line, cue.startMs, cue.endMs, cue.textLines]);
}

describe('SubtitleLines', () => {
  it('numbers lines as an editor does, whatever the line ends', () => {
    const lines = new SubtitleLines('a\r\nb\rc\n\nd --> e\n');
    expect(Array.from({ length: lines.count }, (_, i) => lines.at(i))).toEqual(['a', 'b', 'c', '', 'd --> e']);
    expect([lines.empty(3), lines.blank(3), lines.arrow(4), lines.arrow(0), lines.arrow(3)]).toEqual([true, true, true, false, false]);
  });

  it('finds "-->" in any order of asking', () => {
    const lines = new SubtitleLines('x\n-->\ny\nz -->\n');
    expect([3, 0, 1, 2, 1, 3].map((i) => lines.arrow(i))).toEqual([true, false, true, false, true, true]);
  });
});

describe('WebVTT', () => {
  it('reads cues with identifiers, hours or not, settings, NOTE, STYLE and REGION blocks', () => {
    const body = [
      'WEBVTT - a title',
      'Kind: captions',
      '',
      'REGION',
      'id:fred',
      'width:40%',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'NOTE a comment',
      'on two lines',
      '',
      'intro',
      '00:01.000 --> 00:02.500 region:fred align:start line:90%,end position:10%,line-left size:50% vertical:rl',
      'One',
      '',
      '01:00:00.000 --> 101:00:00.000',
      'Two',
      'lines',
      '',
    ].join('\n');
    expect(problems(body, 'vtt')).toEqual([]);
    expect(cueTimes(body, 'vtt')).toEqual([
      [15, 1000, 2500, 1],
      [18, 3_600_000, 363_600_000, 2],
    ]);
  });

  it.each([
    [
      'SRT saved as .vtt',
      '1\n00:00:01,000 --> 00:00:02,000\nHi\n',
      [[1, 'this is an SRT file, not WebVTT: a WebVTT file starts with the line WEBVTT and writes times as 00:00:01.000']],
    ],
    [
      'no WEBVTT line',
      '00:00:01.000 --> 00:00:02.000\nHi\n\n00:00:03,000 --> 00:00:04.000\nBroken too\n',
      [[1, 'a WebVTT file must start with the line WEBVTT: players reject a file without it, so none of its cues would show']],
    ],
    [
      'no blank line after the header',
      'WEBVTT\n00:00:01.000 --> 00:00:02.000\nHi\n',
      [[2, 'the WEBVTT line and the header need an empty line after them, before the first cue']],
    ],
    [
      'a comma before the milliseconds',
      'WEBVTT\n\n00:00:01,000 --> 00:00:02.000\nHi\n',
      [[3, 'start time "00:00:01,000" has a comma before the milliseconds: WebVTT writes a period (00:00:01.000)']],
    ],
    ['60 seconds', 'WEBVTT\n\n00:00:60.000 --> 00:01:02.000\nHi\n', [[3, 'start time "00:00:60.000" has more than 59 seconds']]],
    [
      'two-digit milliseconds',
      'WEBVTT\n\n00:00:01.00 --> 00:00:02.000\nHi\n',
      [[3, 'start time "00:00:01.00" needs three digits of milliseconds']],
    ],
    ['no end time', 'WEBVTT\n\n00:00:01.000 -->\nHi\n', [[3, 'the end time is missing: write hh:mm:ss.ttt']]],
    [
      'no spaces around the arrow (the cue is kept)',
      'WEBVTT\n\n00:00:01.000-->00:00:02.000\nHi\n',
      [
        [3, '"-->" needs a space before it'],
        [3, '"-->" needs a space after it'],
      ],
    ],
    [
      'an unknown setting',
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000 color:red\nHi\n',
      [[3, 'unknown cue setting "color:red": WebVTT has vertical, line, position, size, align and region']],
    ],
    [
      'a bad setting value',
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000 align:middle line:120%\nHi\n',
      [
        [3, 'cue setting "align:middle" has a value WebVTT does not take'],
        [3, 'cue setting "line:120%" has a value WebVTT does not take'],
      ],
    ],
    [
      'a stray line',
      'WEBVTT\n\nstray\n\n00:00:01.000 --> 00:00:02.000\nHi\n',
      [[3, 'a line on its own that is not a cue: "stray" is not followed by a timing line (00:00:01.000 --> 00:00:03.500)']],
    ],
    [
      'an identifier without timing',
      'WEBVTT\n\nid\ntext\n\n00:00:01.000 --> 00:00:02.000\nHi\n',
      [[4, 'expected the timing line of cue "id" (00:00:01.000 --> 00:00:03.500)']],
    ],
    [
      'STYLE after a cue',
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n\nSTYLE\n::cue {}\n',
      [[6, 'STYLE blocks must come before the first cue']],
    ],
    [
      '"-->" in a NOTE',
      'WEBVTT\n\nNOTE\n00:00:01.000 --> 00:00:02.000\n',
      [[4, 'a NOTE block cannot contain "-->": is an empty line missing before this cue?']],
    ],
    [
      'a missing blank line',
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne\n00:00:03.000 --> 00:00:04.000\nTwo\n',
      [[5, 'an empty line is missing before this cue: the previous cue runs into it']],
    ],
    [
      'a "blank" line with spaces',
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne\n  \n2\n00:00:03.000 --> 00:00:04.000\nTwo\n',
      [[7, 'an empty line is missing before this cue: line 5 holds spaces, and WebVTT ends a cue only at an empty line']],
    ],
  ])('%s', (_, body, expected) => {
    expect(problems(body, 'vtt')).toEqual(expected);
  });

  it('says a comma in both times once', () => {
    expect(problems('WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHi\n', 'vtt')).toEqual([
      [3, 'both times have a comma before the milliseconds: WebVTT writes a period (00:00:01.000)'],
    ]);
  });

  it('goes on after a broken cue: every error, and the cues after it', () => {
    const body =
      'WEBVTT\n\n00:00:0x.000 --> 00:00:02.000\nBroken\n00:00:03.000 --> 00:00:04.000\nKept\n\n00:00:05.000 --> 00:00:06,000\nBroken too\n\n00:00:07.000 --> 00:00:08.000\nKept too\n';
    expect(problems(body, 'vtt').map(([line]) => line)).toEqual([3, 8]);
    expect(cueTimes(body, 'vtt')).toEqual([
      [5, 3000, 4000, 1],
      [11, 7000, 8000, 1],
    ]);
  });
});

describe('SRT', () => {
  it('reads cues with coordinates, hours past 99 and text of any number of lines', () => {
    const body = '1\n00:00:01,000 --> 00:00:02,500 X1:100 X2:200 Y1:10 Y2:50\nOne\n\n2\n100:00:00,000 --> 100:00:01,000\nTwo\nlines\n';
    expect(problems(body, 'srt')).toEqual([]);
    expect(cueTimes(body, 'srt')).toEqual([
      [2, 1000, 2500, 1],
      [6, 360_000_000, 360_001_000, 2],
    ]);
  });

  it.each([
    [
      'WebVTT saved as .srt',
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n',
      [[1, 'this is a WebVTT file (it starts with WEBVTT), not SRT']],
    ],
    [
      'a period before the milliseconds (the cue is kept)',
      '1\n00:00:01.000 --> 00:00:02,000\nHi\n',
      [[2, 'start time "00:00:01.000" has a period before the milliseconds: SRT writes a comma (00:00:01,000)']],
    ],
    [
      'one-digit seconds',
      '1\n00:00:1,000 --> 00:00:02,000\nHi\n',
      [
        [
          2,
          'start time "00:00:1,000" is not an SRT time: write hh:mm:ss,mmm with two-digit minutes and seconds (below 60) and three-digit milliseconds',
        ],
      ],
    ],
    [
      'no hours',
      '1\n00:01,000 --> 00:00:02,000\nHi\n',
      [[2, 'start time "00:01,000" is not an SRT time: write hh:mm:ss,mmm (00:00:01,000)']],
    ],
    [
      'text after the end time',
      '1\n00:00:01,000 --> 00:00:02,000 align:start\nHi\n',
      [[2, 'unexpected text after the end time: "align:start"']],
    ],
    [
      'no number',
      '00:00:01,000 --> 00:00:02,000\nHi\n',
      [[1, 'this cue has no number: an SRT cue starts with its number on the line before the timing line']],
    ],
    ['a number and no timing', '1\nHi\n', [[2, 'cue 1 has no timing line after its number (00:00:01,000 --> 00:00:03,500)']]],
    [
      'text where a cue should start',
      'Hello\n\n1\n00:00:01,000 --> 00:00:02,000\nHi\n',
      [[1, 'expected a cue number, found "Hello": an SRT cue is a number, a timing line, the text and an empty line']],
    ],
    [
      'a missing blank line before a number',
      '1\n00:00:01,000 --> 00:00:02,000\nOne\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n',
      [[4, 'an empty line is missing before this cue: the previous cue runs into it']],
    ],
    [
      'a missing blank line and number',
      '1\n00:00:01,000 --> 00:00:02,000\nOne\n00:00:03,000 --> 00:00:04,000\nTwo\n',
      [[4, 'an empty line is missing before this cue: the previous cue runs into it']],
    ],
  ])('%s', (_, body, expected) => {
    expect(problems(body, 'srt')).toEqual(expected);
  });

  it('says a period in both times once, and keeps the cue', () => {
    const body = '1\n00:00:01.000 --> 00:00:02.000\nHi\n';
    expect(problems(body, 'srt')).toEqual([[2, 'both times have a period before the milliseconds: SRT writes a comma (00:00:01,000)']]);
    expect(cueTimes(body, 'srt')).toEqual([[2, 1000, 2000, 1]]);
  });

  it('keeps both cues when a blank line is missing, and takes a line of spaces as blank', () => {
    expect(
      cueTimes(
        '1\n00:00:01,000 --> 00:00:02,000\nOne\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n \n3\n00:00:05,000 --> 00:00:06,000\nThree\n',
        'srt',
      ),
    ).toEqual([
      [2, 1000, 2000, 1],
      [5, 3000, 4000, 1],
      [9, 5000, 6000, 1],
    ]);
  });

  it('warns once where the numbering jumps, then counts on from there', () => {
    const body = [1, 2, 7, 8, 8].map((n, i) => `${n}\n00:00:0${i},000 --> 00:00:0${i},500\nx`).join('\n\n');
    expect(parseSubtitle(body, 'srt').findings.map((f) => [f.rule, f.line, f.message])).toEqual([
      ['sequence-number', 9, 'cue number 7 where 3 was expected: SRT numbers cues 1, 2, 3 in order'],
      ['sequence-number', 17, 'cue number 8 where 9 was expected: SRT numbers cues 1, 2, 3 in order'],
    ]);
  });
});

describe('formatTime', () => {
  it('writes times the way each format does', () => {
    expect(formatTime(3_723_004, 'srt')).toBe('01:02:03,004');
    expect(formatTime(3_723_004, 'vtt')).toBe('01:02:03.004');
  });
});

describe('WebVTT timing errors match the W3C webvtt-parser, line for line', () => {
  /** webvtt-parser's messages about timings and cue structure (not cue text or settings, which we do not compare). */
  const TIMING =
    /timestamp|Timestamp|time unit|two digits|three digits|decimal separator|more than 59|No seconds|Blank line missing|Cue identifier|No valid signature|No blank line after the signature|not separated/;

  function w3cLines(body: string): number[] {
    const { errors } = new WebVTTParser().parse(body, 'metadata');
    const lines = body.split('\n');
    return [
      ...new Set(
        errors
          .filter((error) => TIMING.test(error.message))
          // It takes header lines (`Kind: captions`, common in real files) for errors; we take only a cue there.
          .filter((error) => error.message !== 'No blank line after the signature.' || lines[error.line - 1]!.includes('-->'))
          // It reports a standalone identifier on the blank line after it; we name the identifier's own line.
          .map((error) => (error.message === 'Cue identifier cannot be standalone.' ? { ...error, line: error.line - 1 } : error))
          // It reads each further line of a block that is no cue as one more identifier; we report the block once.
          .filter(
            (error, _, all) =>
              !(
                /needs to be followed|cannot be standalone/.test(error.message) &&
                all.some((other) => other.line === error.line - 1 && /needs to be followed/.test(other.message))
              ),
          )
          .map((error) => error.line),
      ),
    ].sort((a, b) => a - b);
  }

  function ourLines(body: string): number[] {
    const result = checkSubtitle({ bytes: Buffer.from(body), file: 'x.vtt', language: 'en', format: 'vtt' });
    const lines = result.findings
      .filter((f) => ['unparseable', 'end-before-start', 'out-of-order'].includes(f.rule) && !/cue setting/.test(f.message))
      .map((f) => f.line);
    return [...new Set(lines)].sort((a, b) => a - b);
  }

  const time = (ms: number): string => formatTime(ms, 'vtt');
  const timing = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(fc.nat(3_600_000), fc.nat(8000)).map(([start, length]) => `${time(start)} --> ${time(start + length)}`),
    },
    fc.tuple(fc.nat(3_600_000), fc.nat(8000)).map(([start, length]) => `${time(start + length)} --> ${time(start)}`),
    fc.constantFrom(
      '00:00:01,000 --> 00:00:02.000',
      '00:00:1.000 --> 00:00:02.000',
      '00:61.000 --> 01:02.000',
      '00:00:01.00 --> 00:00:02.000',
      '00:00:01.000-->00:00:02.000',
      '00:00:01.000 --> 00:00:0x.000',
      '0:00:01.000 --> 0:00:02.000',
      '00:01.000 --> 00:02.000',
      '00:00:01.000 --> ',
      'x --> y',
    ),
  );
  const block = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.tuple(
        fc.option(fc.constantFrom('1', 'intro')),
        timing,
        fc.array(fc.constantFrom('Hello', 'Bonjour', '<i>Hi</i>', ''), { maxLength: 3 }),
      ),
    },
    fc.constant<[null, string, string[]]>([null, 'stray text', []]),
  );

  it('for random files with broken timings, swapped times, out-of-order cues and missing blank lines', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), fc.boolean(), (blocks, header) => {
        const parts = [header ? 'WEBVTT' : 'WEBVTT\n'];
        for (const [identifier, timingLine, text] of blocks) {
          parts.push([...(identifier ? [identifier] : []), timingLine, ...text].join('\n'));
        }
        const body = parts.join('\n') + '\n';
        expect(ourLines(body)).toEqual(w3cLines(body));
      }),
      { numRuns: 1500 },
    );
  });
});
