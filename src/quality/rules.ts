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
import { parseDuration, DurationError } from '../duration.ts';
import { LANGUAGE_PATTERN } from '../inputs.ts';
import { LIMIT_RULES, normalizeLanguage } from './limits.ts';
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
  /** scope -> the min-duration and max-duration set for it, to compare. */
  const durations = new Map<string, { min?: { value: number; line: number }; max?: { value: number; line: number } }>();

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
      if (value.value !== undefined && (rule === 'min-duration' || rule === 'max-duration')) {
        const pair = durations.get(scope ?? '') ?? {};
        pair[rule === 'min-duration' ? 'min' : 'max'] = { value: value.value, line: lineNumber };
        durations.set(scope ?? '', pair);
      }
    }
  }

  for (const [scope, { min, max }] of durations) {
    if (min && max && min.value > max.value) {
      const at = Math.max(min.line, max.line);
      problem(
        at,
        `min-duration${scope ? ` (${scope})` : ''} (line ${min.line}) is longer than max-duration (line ${max.line}): no cue could pass both.`,
      );
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { overrides, problems };
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
