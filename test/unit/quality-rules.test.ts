/**
 * The `quality-rules` input (src/quality/rules.ts) and the limits it leads to
 * (src/quality/limits.ts): every problem at once, each naming its line.
 */
import { describe, expect, it } from 'vitest';
import { limitsFor } from '../../src/quality/limits.ts';
import { parseQualityRules } from '../../src/quality/rules.ts';

const show = (value: string): string => JSON.stringify(value);

describe('parseQualityRules', () => {
  it('reads every rule, comments, blank lines, any letter case, per-language scopes and off', () => {
    const { overrides, problems } = parseQualityRules(
      [
        '# Netflix, but roomier',
        'max-cps: 20',
        '',
        'MAX-LINE-LENGTH : 40   # wide screens',
        'max-lines: 3',
        'min-duration: 0.5s',
        'max-duration: 1m',
        'min-gap: off',
        'max-cps (ja, zh-TW): 5.5',
        '\tmin-gap (pt-BR): 100ms',
      ].join('\r\n'),
      show,
    );
    expect(problems).toEqual([]);
    expect(overrides).toEqual([
      { rule: 'max-cps', value: 20, scope: undefined, line: 2 },
      { rule: 'max-line-length', value: 40, scope: undefined, line: 4 },
      { rule: 'max-lines', value: 3, scope: undefined, line: 5 },
      { rule: 'min-duration', value: 500, scope: undefined, line: 6 },
      { rule: 'max-duration', value: 60_000, scope: undefined, line: 7 },
      { rule: 'min-gap', value: undefined, scope: undefined, line: 8 },
      { rule: 'max-cps', value: 5.5, scope: 'ja', line: 9 },
      { rule: 'max-cps', value: 5.5, scope: 'zh-tw', line: 9 },
      { rule: 'min-gap', value: 100, scope: 'pt-br', line: 10 },
    ]);
  });

  it('gives nothing for an empty input', () => {
    expect(parseQualityRules('', show)).toEqual({ overrides: [], problems: [] });
    expect(parseQualityRules('  \n# only a comment\n', show)).toEqual({ overrides: [], problems: [] });
  });

  it('reports every problem at once, each with its line', () => {
    const { problems } = parseQualityRules(
      [
        'max-cps: 20',
        'max-cpss: 20',
        'max-cps: 25',
        'max-line-length: 40.5',
        'min-duration: soon',
        'max-lines',
        'max-lines: ',
        'max-cps (japanese): 4',
        'max-cps (): 4',
        'max-cps: 0',
        'min-duration (de): 5s',
        'max-duration (de): 2s',
        'max-duration: -1s',
      ].join('\n'),
      show,
    );
    expect(problems).toEqual([
      {
        line: 2,
        message: `Input 'quality-rules', line 2: unknown rule "max-cpss". Accepted rules: max-cps, max-line-length, max-lines, min-duration, max-duration, min-gap.`,
      },
      { line: 3, message: `Input 'quality-rules', line 3: max-cps is already set on line 1: give each rule once.` },
      {
        line: 4,
        message: `Input 'quality-rules', line 4: max-line-length value "40.5" is not a whole number. Accepted: a whole number of characters from 1 to 1000, or off.`,
      },
      {
        line: 5,
        message: `Input 'quality-rules', line 5: min-duration value "soon" is not a duration: write a number with a unit, such as 500ms, 90s, 45m, 2h or 1h30m. Accepted: a duration as in timeout (500ms, 0.8s, 1s), or off.`,
      },
      {
        line: 6,
        message: `Input 'quality-rules', line 6: "max-lines" is not \`rule: value\` (such as \`max-cps: 20\` or \`max-cps (ja): 5\`). Accepted rules: max-cps, max-line-length, max-lines, min-duration, max-duration, min-gap.`,
      },
      {
        line: 7,
        message: `Input 'quality-rules', line 7: max-lines has no value. Accepted: a whole number of lines from 1 to 100, or off.`,
      },
      {
        line: 8,
        message: `Input 'quality-rules', line 8: "japanese" is not a language code. Accepted: language codes such as ja, zh-TW or pt-BR in parentheses after the rule, separated by commas: \`max-cps (ja, ko): 5\`.`,
      },
      {
        line: 9,
        message: `Input 'quality-rules', line 9: the parentheses name no language. Accepted: language codes such as ja, zh-TW or pt-BR in parentheses after the rule, separated by commas: \`max-cps (ja, ko): 5\`.`,
      },
      {
        line: 10,
        message: `Input 'quality-rules', line 10: max-cps value "0" is out of range. Accepted: characters a second from 1 to 1000, such as 17 or 12.5, or off.`,
      },
      {
        line: 12,
        message: `Input 'quality-rules', line 12: min-duration (de) (line 11) is longer than max-duration (line 12): no cue could pass both.`,
      },
      {
        line: 13,
        message: `Input 'quality-rules', line 13: max-duration value "-1s" is negative: a duration must be 0 or more. Accepted: a duration as in timeout (7s, 10s), or off.`,
      },
    ]);
  });

  it('quotes values only through the show function it is given (the inputs module blanks secrets there)', () => {
    const { problems } = parseQualityRules('max-cps: s3cr3t-key', (value) => (value.includes('s3cr3t') ? '***' : JSON.stringify(value)));
    expect(problems[0]!.message).toContain('max-cps value *** is not a number');
    expect(problems[0]!.message).not.toContain('s3cr3t');
  });

  it('refuses min-duration longer than max-duration where they apply together, defaults and other scopes included', () => {
    const problems = (text: string): string[] => parseQualityRules(text, show).problems.map((problem) => problem.message);
    // the default minimum (833 ms) against a maximum for every language, the default maximum (7 s) against a Japanese minimum
    expect(problems('max-duration: 800ms')).toEqual([
      `Input 'quality-rules', line 1: min-duration (the default, 833ms) is longer than max-duration (line 1): no cue could pass both.`,
    ]);
    expect(problems('min-duration (ja): 8s')).toEqual([
      `Input 'quality-rules', line 1: min-duration (ja) (line 1) is longer than max-duration (the default, 7s): no cue could pass both.`,
    ]);
    // a line for every language against a line for some, each pair of lines once
    expect(problems('min-duration: 3s\nmax-duration (ja, ko): 2s')).toEqual([
      `Input 'quality-rules', line 2: min-duration (ja, ko) (line 1) is longer than max-duration (line 2): no cue could pass both.`,
    ]);
    expect(problems('max-duration: 800ms\nmax-cps (de): 10')).toHaveLength(1);
    // Japanese's own minimum is 500 ms; off is no limit
    expect(problems('max-duration (ja): 600ms')).toEqual([]);
    expect(problems('min-duration: off\nmax-duration: 700ms')).toEqual([]);
    expect(problems('min-duration (zh): 1s\nmax-duration (zh-TW): 9s')).toEqual([]);
  });

  it('takes the same rule once for every language and once per language', () => {
    expect(parseQualityRules('max-cps: 20\nmax-cps (ja): 5\nmax-cps (ko, ja): 10', show).problems).toEqual([
      { line: 3, message: `Input 'quality-rules', line 3: max-cps (ja) is already set on line 2: give each rule once per language.` },
    ]);
  });
});

describe('limitsFor', () => {
  it('starts from Netflix defaults per language', () => {
    expect(limitsFor('fr')).toEqual({
      language: 'fr',
      halfWidthCountsHalf: false,
      limits: { 'max-cps': 17, 'max-line-length': 42, 'max-lines': 2, 'min-duration': 833, 'max-duration': 7000, 'min-gap': 83 },
    });
    expect(limitsFor('en-US').limits['max-cps']).toBe(20);
    expect(limitsFor('ar').limits['max-cps']).toBe(20);
    expect(limitsFor('hi').limits['max-cps']).toBe(22);
    expect(limitsFor('ko')).toMatchObject({ halfWidthCountsHalf: true, limits: { 'max-cps': 12, 'max-line-length': 16 } });
    expect(limitsFor('ja')).toMatchObject({
      halfWidthCountsHalf: true,
      limits: { 'max-cps': 4, 'max-line-length': 13, 'min-duration': 500, 'min-gap': undefined },
    });
    for (const chinese of ['zh', 'zh-TW', 'zh-Hans', 'zh-Hant-HK', 'ZH_cn', 'cmn', 'yue', 'zho']) {
      expect(limitsFor(chinese)).toMatchObject({ halfWidthCountsHalf: true, limits: { 'max-cps': 9, 'max-line-length': 16 } });
    }
    expect(limitsFor('pt-BR').limits['max-cps']).toBe(17);
  });

  it('applies overrides from the general to the specific, whatever their order', () => {
    const { overrides } = parseQualityRules(
      'max-line-length (zh-TW): 20\nmax-line-length (zh): 18\nmax-line-length: 30\nmin-gap (ja): 40ms',
      show,
    );
    expect(limitsFor('zh-TW', overrides).limits['max-line-length']).toBe(20);
    expect(limitsFor('zh-Hans', overrides).limits['max-line-length']).toBe(18);
    expect(limitsFor('fr', overrides).limits['max-line-length']).toBe(30);
    expect(limitsFor('ja', overrides).limits['max-line-length']).toBe(30);
    expect(limitsFor('ja', overrides).limits['min-gap']).toBe(40);
    expect(limitsFor('ko', overrides).limits['min-gap']).toBe(83);
  });

  it('does not let a regional scope reach other regions or the bare language', () => {
    const { overrides } = parseQualityRules('max-cps (pt-BR): 30', show);
    expect(limitsFor('pt-BR', overrides).limits['max-cps']).toBe(30);
    expect(limitsFor('pt-br', overrides).limits['max-cps']).toBe(30);
    expect(limitsFor('pt', overrides).limits['max-cps']).toBe(17);
    expect(limitsFor('pt-PT', overrides).limits['max-cps']).toBe(17);
  });
});
