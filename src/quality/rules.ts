/**
 * The `quality-rules` input: overrides of the readability limits, one `rule: value` a line.
 *
 *   max-cps: 20              every language
 *   max-line-length: 40
 *   min-gap: off             a rule can be switched off
 *   max-cps (ja): 5          only Japanese; `(zh)` covers zh-TW and zh-Hans too
 *   max-duration (de, nl): 8s
 *
 * Durations are written as in `timeout` (src/duration.ts). Blank lines and `#` comments are
 * ignored. An override for a language wins over one for every language; the one for an exact
 * code (`zh-TW`) over the one for its primary language (`zh`). A global override replaces the
 * per-language defaults too (`max-cps: 15` also sets Japanese to 15): give CJK their own line.
 *
 * Every problem is reported at once, each naming its line, so that the inputs module can list
 * them with the other input errors before any request.
 */
import { formatDuration, parseDuration, DurationError } from '../duration.ts';
import { LANGUAGE_PATTERN } from '../inputs.ts';
import { LIMIT_RULES, limitsFor, normalizeLanguage } from './limits.ts';
import type { LimitOverride, LimitRule } from './limits.ts';

export const QUALITY_RULES_INPUT = 'quality-rules';

export interface QualityRulesProblem {
  /** 1-based line of the input. */
  line: number;
  /** A sentence naming the input and the line. */
  message: string;
}

export interface ParsedQualityRules {
  overrides: LimitOverride[];
  problems: QualityRulesProblem[];
}

/**
 * Quotes a user's value for a message: the inputs module passes its own, which blanks secrets,
 * escapes control and bidi characters and cuts long values (src/inputs.ts).
 */
export type Show = (value: string) => string;

const LINE = /^([A-Za-z][A-Za-z-]*)\s*(?:\(([^()]*)\))?\s*:\s*(.*)$/;
const DECIMAL = /^\d{1,4}(?:\.\d{1,3})?$/;
const INTEGER = /^\d{1,4}$/;

const ACCEPTED_RULES = LIMIT_RULES.join(', ');

/** What each rule accepts, for messages, and its bounds. */
const VALUE_SPEC: Readonly<Record<LimitRule, { accepted: string; min: number; max: number; kind: 'decimal' | 'integer' | 'duration' }>> = {
  'max-cps': { accepted: 'characters a second from 1 to 1000, such as 17 or 12.5, or off', min: 1, max: 1000, kind: 'decimal' },
  'max-line-length': { accepted: 'a whole number of characters from 1 to 1000, or off', min: 1, max: 1000, kind: 'integer' },
  'max-lines': { accepted: 'a whole number of lines from 1 to 100, or off', min: 1, max: 100, kind: 'integer' },
  'min-duration': { accepted: 'a duration as in timeout (500ms, 0.8s, 1s), or off', min: 0, max: 3_600_000, kind: 'duration' },
  'max-duration': { accepted: 'a duration as in timeout (7s, 10s), or off', min: 1, max: 3_600_000, kind: 'duration' },
  'min-gap': { accepted: 'a duration as in timeout (83ms, 0.1s), or off', min: 0, max: 3_600_000, kind: 'duration' },
};

/** Parses `quality-rules`. An empty input gives no overrides and no problems. */
export function parseQualityRules(text: string, show: Show): ParsedQualityRules {
  const overrides: LimitOverride[] = [];
  const problems: QualityRulesProblem[] = [];
  const problem = (line: number, message: string): void => {
    problems.push({ line, message: `Input '${QUALITY_RULES_INPUT}', line ${line}: ${message}` });
  };
  /** `${scope}\u0000${rule}` -> line where it was set. */
  const seen = new Map<string, number>();

  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    const content = stripComment(lines[index]!).trim();
    if (content === '') continue;

    const match = LINE.exec(content);
    if (!match) {
      problem(
        lineNumber,
        `${show(content)} is not \`rule: value\` (such as \`max-cps: 20\` or \`max-cps (ja): 5\`). Accepted rules: ${ACCEPTED_RULES}.`,
      );
      continue;
    }
    const [, ruleWritten, scopeWritten, valueWritten] = match as unknown as [string, string, string | undefined, string];
    const rule = ruleWritten.toLowerCase() as LimitRule;
    if (!LIMIT_RULES.includes(rule)) {
      problem(lineNumber, `unknown rule ${show(ruleWritten)}. Accepted rules: ${ACCEPTED_RULES}.`);
      continue;
    }

    let scopes: (string | undefined)[] = [undefined];
    if (scopeWritten !== undefined) {
      const codes = scopeWritten.split(/[\s,]+/).filter((code) => code !== '');
      const bad = codes.filter((code) => !LANGUAGE_PATTERN.test(code));
      if (codes.length === 0 || bad.length > 0) {
        problem(
          lineNumber,
          `${codes.length === 0 ? 'the parentheses name no language' : `${bad.map(show).join(', ')} ${bad.length === 1 ? 'is not a language code' : 'are not language codes'}`}. ` +
            'Accepted: language codes such as ja, zh-TW or pt-BR in parentheses after the rule, separated by commas: `max-cps (ja, ko): 5`.',
        );
        continue;
      }
      scopes = codes.map(normalizeLanguage);
    }

    const value = parseValue(rule, valueWritten.trim(), show);
    if (typeof value === 'string') {
      problem(lineNumber, `${rule} ${value}`);
      continue;
    }

    for (const scope of scopes) {
      const key = `${scope ?? ''}\u0000${rule}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problem(
          lineNumber,
          `${rule}${scope === undefined ? '' : ` (${scope})`} is already set on line ${earlier}: give each rule once${scope === undefined ? '' : ' per language'}.`,
        );
        continue;
      }
      seen.set(key, lineNumber);
      overrides.push({ rule, value: value.value, scope, line: lineNumber });
    }
  }

  for (const { line, message } of durationConflicts(overrides)) problem(line, message);
  problems.sort((a, b) => a.line - b.line);
  return { overrides, problems };
}

/**
 * min-duration longer than max-duration where they apply together, defaults included: for the
 * general limits and for each language a line names, the limits limitsFor gives (so that a
 * `max-duration: 800ms` against the default minimum of 833 ms, or a `min-duration (ja): 8s`
 * against the default maximum of 7 s, is refused as surely as two lines of one scope). A pair
 * of sources is reported once, on the later of its lines.
 */
function durationConflicts(overrides: readonly LimitOverride[]): { line: number; message: string }[] {
  const conflicts = new Map<string, { line: number; scopes: string[]; min: string; max: string }>();
  // '' has no guide and no line names it: the general limits with the lines for every language
  const scopes = ['', ...new Set(overrides.flatMap((override) => (override.scope === undefined ? [] : [override.scope])))];
  for (const scope of scopes) {
    const { limits } = limitsFor(scope, overrides);
    const min = limits['min-duration'];
    const max = limits['max-duration'];
    if (min === undefined || max === undefined || min <= max) continue;
    const minLine = lineOf('min-duration', scope, overrides);
    const maxLine = lineOf('max-duration', scope, overrides);
    const key = `${minLine}\u0000${maxLine}`;
    const seen = conflicts.get(key);
    if (seen) {
      if (seen.scopes.length > 0) seen.scopes.push(scope);
      continue;
    }
    const source = (line: number | undefined, value: number): string =>
      line === undefined ? `the default, ${formatDuration(value)}` : `line ${line}`;
    conflicts.set(key, {
      line: Math.max(minLine ?? 0, maxLine ?? 0),
      scopes: scope ? [scope] : [],
      min: source(minLine, min),
      max: source(maxLine, max),
    });
  }
  return [...conflicts.values()].map(({ line, scopes, min, max }) => ({
    line,
    message: `min-duration${scopes.length > 0 ? ` (${scopes.join(', ')})` : ''} (${min}) is longer than max-duration (${max}): no cue could pass both.`,
  }));
}

/**
 * The line whose override of `rule` applies to `language`, or undefined for its default: asked of
 * limitsFor itself (each override's value replaced by its negated line), so that which override
 * wins has one owner.
 */
function lineOf(rule: LimitRule, language: string, overrides: readonly LimitOverride[]): number | undefined {
  const marked = overrides.map((override) => (override.rule === rule ? { ...override, value: -override.line } : override));
  const value = limitsFor(language, marked).limits[rule];
  return value !== undefined && value < 0 ? -value : undefined;
}

/**
 * The warning for languages in parentheses that no language of `languages` (target-languages)
 * takes, such as `(jp)` or `(zh-Hant)` with zh-Hant-HK: such a line has no effect. Undefined when
 * every scope is taken, or when there is no list to check against.
 */
export function unusedScopesWarning(overrides: readonly LimitOverride[], languages: readonly string[]): string | undefined {
  if (languages.length === 0) return undefined;
  const unused = new Map<string, number[]>();
  for (const { scope, line } of overrides) {
    if (scope === undefined || languages.some((language) => reaches(scope, language))) continue;
    unused.set(scope, [...(unused.get(scope) ?? []), line]);
  }
  if (unused.size === 0) return undefined;
  const named = [...unused].map(([scope, lines]) => `(${scope}) on line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}`);
  return (
    `Input '${QUALITY_RULES_INPUT}': ${named.join('; ')} ${unused.size === 1 ? 'applies' : 'apply'} to no language of target-languages ` +
    `(${languages.join(', ')}), so ${unused.size === 1 ? 'it has' : 'they have'} no effect. A language in parentheses covers its exact ` +
    'code and, when it has no subtag (zh), every code of that language (zh-TW, zh-Hant-HK).'
  );
}

/** Whether an override for `scope` applies to `language`: asked of limitsFor, the one owner of that. */
function reaches(scope: string, language: string): boolean {
  return limitsFor(language, [{ rule: 'max-cps', value: -1, scope, line: 0 }]).limits['max-cps'] === -1;
}

/** `{ value }` (undefined: off), or the reason the value is refused, starting after the rule's name. */
function parseValue(rule: LimitRule, written: string, show: Show): { value: number | undefined } | string {
  const spec = VALUE_SPEC[rule];
  if (written === '') return `has no value. Accepted: ${spec.accepted}.`;
  if (/^off$/i.test(written)) return { value: undefined };
  let value: number;
  if (spec.kind === 'duration') {
    try {
      value = parseDuration(written);
    } catch (error) {
      if (!(error instanceof DurationError)) throw error;
      return `value ${show(written)} ${error.reason}. Accepted: ${spec.accepted}.`;
    }
  } else {
    const pattern = spec.kind === 'integer' ? INTEGER : DECIMAL;
    if (!pattern.test(written))
      return `value ${show(written)} is not ${spec.kind === 'integer' ? 'a whole number' : 'a number'}. Accepted: ${spec.accepted}.`;
    value = Number(written);
  }
  if (value < spec.min || value > spec.max) return `value ${show(written)} is out of range. Accepted: ${spec.accepted}.`;
  return { value };
}

/** `max-cps: 20  # Netflix adult` -> `max-cps: 20`. Values never contain `#`. */
function stripComment(line: string): string {
  const hash = line.indexOf('#');
  return hash === -1 ? line : line.slice(0, hash);
}
