/**
 * Durations as users write them in `timeout` and `poll-interval`.
 *
 * Grammar (units are case-insensitive, whitespace between parts is allowed):
 *   duration := number                  a bare number is seconds: "90", "1.5"
 *             | part+                   "500ms", "90s", "45m", "2h", "1d", "1h30m", "1h 30m 15s"
 *   part     := number unit
 *   number   := digits [ "." digits ] | "." digits
 *   unit     := ms | s | m | h | d      (also sec/secs/second(s), min/mins/minute(s), hr/hrs/hour(s), day(s))
 * Each unit may appear once, largest first. The result is rounded to whole milliseconds and must be
 * between 0 and 7 days.
 */

export const MAX_DURATION_MS = 7 * 24 * 60 * 60 * 1000;

const MS_PER: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

const UNIT_ALIASES: Readonly<Record<string, string>> = {
  ms: 'ms',
  msec: 'ms',
  msecs: 'ms',
  millisecond: 'ms',
  milliseconds: 'ms',
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
};

const UNIT_ORDER = ['d', 'h', 'm', 's', 'ms'];

/** Thrown by parseDuration. `reason` is the message without the offending text (for callers that quote it themselves). */
export class DurationError extends Error {
  readonly reason: string;
  constructor(text: string, reason: string) {
    super(`${quote(text)} ${reason}`);
    this.name = 'DurationError';
    this.reason = reason;
  }
}

const NUMBER = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
const BARE_NUMBER = new RegExp(`^${NUMBER}$`);
const PART = new RegExp(`\\s*(${NUMBER})\\s*([a-zA-Z]+)\\s*`, 'y');

/** Parses "500ms", "90s", "45m", "2h", "1h30m", "1.5h" or a bare number of seconds into milliseconds. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') throw new DurationError(text, 'is empty: give a number with a unit, such as 90s or 45m');
  if (trimmed.length > 64) throw new DurationError(text, 'is too long to be a duration');
  if (/^-/.test(trimmed)) throw new DurationError(text, 'is negative: a duration must be 0 or more');

  let total: number;
  if (BARE_NUMBER.test(trimmed)) {
    total = Number(trimmed) * MS_PER.s!;
  } else {
    total = 0;
    let lastRank = -1;
    PART.lastIndex = 0;
    let position = 0;
    while (position < trimmed.length) {
      PART.lastIndex = position;
      const match = PART.exec(trimmed);
      if (!match) throw new DurationError(text, 'is not a duration: write a number with a unit, such as 500ms, 90s, 45m, 2h or 1h30m');
      const unitWritten = match[2]!;
      const unit = UNIT_ALIASES[unitWritten.toLowerCase()];
      if (unit === undefined) {
        throw new DurationError(text, `has an unknown unit '${unitWritten.slice(0, 16)}': use ms, s, m, h or d`);
      }
      const rank = UNIT_ORDER.indexOf(unit);
      if (rank <= lastRank) {
        throw new DurationError(text, 'repeats a unit or lists a smaller unit before a larger one: write it like 1h30m');
      }
      lastRank = rank;
      total += Number(match[1]) * MS_PER[unit]!;
      position = PART.lastIndex;
    }
  }

  if (!Number.isFinite(total)) throw new DurationError(text, 'is not a finite duration');
  const ms = Math.round(total);
  if (ms > MAX_DURATION_MS) throw new DurationError(text, 'is longer than the 7 days (168h) allowed');
  return ms;
}

/** A short human form for logs: "38m", "1h 5m", "45s", "500ms", "0s". parseDuration(formatDuration(x)) === x. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < 0) return `-${formatDuration(-ms)}`;
  let rest = Math.round(ms);
  if (rest === 0) return '0s';
  const parts: string[] = [];
  for (const unit of ['h', 'm', 's', 'ms'] as const) {
    const size = MS_PER[unit]!;
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count}${unit}`);
  }
  return parts.join(' ');
}

/**
 * For a reader, not for parsing back: past ten seconds (or `fromMs`), milliseconds are noise
 * (whole seconds then).
 */
export function approximately(ms: number, fromMs = 10_000): number {
  return Math.abs(ms) >= fromMs ? Math.round(ms / 1000) * 1000 : ms;
}

function quote(text: string): string {
  const chars = Array.from(text);
  const shown = chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : text;
  return JSON.stringify(shown).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
