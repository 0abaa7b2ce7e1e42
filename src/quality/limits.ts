/**
 * Readability limits per language: the defaults of Netflix's Timed Text Style Guide (the
 * general requirements and the per-language guides), and how `quality-rules` overrides them.
 * docs/quality.md lists them with their sources.
 */

/** The limits a subtitle file is checked against; the names are the `quality-rules` keys and the finding rules. */
export type LimitRule = 'max-cps' | 'max-line-length' | 'max-lines' | 'min-duration' | 'max-duration' | 'min-gap';

export const LIMIT_RULES: readonly LimitRule[] = ['max-cps', 'max-line-length', 'max-lines', 'min-duration', 'max-duration', 'min-gap'];

/** A limit per rule (`undefined`: the rule is off). Durations and gaps in milliseconds. */
export type Limits = Record<LimitRule, number | undefined>;

export interface LanguageLimits {
  /** The language as given (for messages). */
  language: string;
  limits: Limits;
  /** Chinese, Japanese, Korean: half-width characters count 0.5. */
  halfWidthCountsHalf: boolean;
}

/** One override from `quality-rules`: for every language, or for the languages of `scope`. */
export interface LimitOverride {
  rule: LimitRule;
  /** `undefined`: the rule is off. */
  value: number | undefined;
  /** Lower-cased language codes (`ja`, `zh-tw`), or `undefined` for every language. */
  scope: string | undefined;
  /** Line of `quality-rules` it came from. */
  line: number;
}

/**
 * Netflix's general limits: 42 characters a line, 2 lines, 5/6 s (20 frames at 24 fps) to 7 s
 * on screen, 2 frames (83 ms at 24 fps) between subtitles, 17 characters a second (adult
 * programmes).
 */
const GENERAL: Limits = {
  'max-cps': 17,
  'max-line-length': 42,
  'max-lines': 2,
  'min-duration': 833,
  'max-duration': 7000,
  'min-gap': 83,
};

type Profile = { limits: Partial<Limits>; halfWidthCountsHalf?: boolean };

/**
 * Per-language guides where they differ from the general limits. Japanese has no minimum gap
 * (its guide sets none) and a 0.5 s minimum duration.
 */
const PROFILES: Readonly<Record<string, Profile>> = {
  en: { limits: { 'max-cps': 20 } },
  ar: { limits: { 'max-cps': 20 } },
  hi: { limits: { 'max-cps': 22 } },
  ko: { limits: { 'max-cps': 12, 'max-line-length': 16 }, halfWidthCountsHalf: true },
  zh: { limits: { 'max-cps': 9, 'max-line-length': 16 }, halfWidthCountsHalf: true },
  ja: { limits: { 'max-cps': 4, 'max-line-length': 13, 'min-duration': 500, 'min-gap': undefined }, halfWidthCountsHalf: true },
};

/** ISO 639-2/3 codes and Chinese macrolanguage members that share a profile with a two-letter code. */
const ALIASES: Readonly<Record<string, string>> = {
  eng: 'en',
  ara: 'ar',
  hin: 'hi',
  kor: 'ko',
  jpn: 'ja',
  zho: 'zh',
  chi: 'zh',
  cmn: 'zh',
  yue: 'zh',
};

/** `pt_BR` -> `pt-br`: the form scopes and profiles are compared in. */
export function normalizeLanguage(language: string): string {
  return language.trim().toLowerCase().replace(/_/g, '-');
}

/** The primary subtag, with three-letter aliases folded: `zh-hant-tw` -> `zh`, `jpn` -> `ja`. */
function primaryLanguage(normalized: string): string {
  const primary = normalized.split('-', 1)[0] ?? '';
  return ALIASES[primary] ?? primary;
}

/**
 * The limits for `language`: its guide's defaults, then the overrides for every language, then
 * those for its primary language (`zh` covers `zh-TW`), then those for its exact code.
 */
export function limitsFor(language: string, overrides: readonly LimitOverride[] = []): LanguageLimits {
  const normalized = normalizeLanguage(language);
  const primary = primaryLanguage(normalized);
  const profile = PROFILES[primary];
  const limits: Limits = { ...GENERAL, ...profile?.limits };
  const specificity = (scope: string | undefined): number => {
    if (scope === undefined) return 0;
    if (scope === normalized) return 2;
    return !scope.includes('-') && primaryLanguage(scope) === primary ? 1 : -1;
  };
  const applicable = overrides.filter((override) => specificity(override.scope) >= 0);
  applicable.sort((a, b) => specificity(a.scope) - specificity(b.scope));
  for (const override of applicable) limits[override.rule] = override.value;
  return { language, limits, halfWidthCountsHalf: profile?.halfWidthCountsHalf ?? false };
}
