import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, MAX_DURATION_MS, parseDuration } from '../../src/duration.ts';
import { InputError, normalizeLanguage, readSettings } from '../../src/inputs.ts';

const API_KEY = 'olk_PropertySecret_987';
const WORKSPACE = path.resolve('/tmp/ws-property');

const letters = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: min, maxLength: max });

/** Language codes in random letter case: primary, optional script, optional region. */
const languageCode = fc
  .tuple(
    letters(2, 3),
    fc.option(letters(4, 4), { nil: undefined }),
    fc.option(fc.oneof(letters(2, 2), fc.stringMatching(/^[0-9]{3}$/)), { nil: undefined }),
  )
  .map(([primary, script, region]) => [primary, script, region].filter((part) => part !== undefined).join('-'));

const separator = fc
  .array(fc.constantFrom(',', ' ', '\n', '\t', '\r\n', ', ', ' ,\n'), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join(''));

describe('language lists', () => {
  it('round-trip under any mix of separators', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(languageCode, { minLength: 1, maxLength: 12, selector: (code) => normalizeLanguage(code) }),
        fc.array(separator, { minLength: 12, maxLength: 12 }),
        separator,
        separator,
        (codes, separators, leading, trailing) => {
          const text = leading + codes.map((code, i) => (i === 0 ? code : separators[i]! + code)).join('') + trailing;
          const settings = readSettings((name) => ({ 'api-key': API_KEY, 'project-id': 'p1', 'target-languages': text })[name] ?? '', {
            workspace: WORKSPACE,
          });
          const expected = codes.map((code) => normalizeLanguage(code));
          expect(settings.targetLanguages).toEqual(expected);
          // Normalising twice changes nothing, and joining the result reads back the same list.
          for (const code of settings.targetLanguages) expect(normalizeLanguage(code)).toBe(code);
          const again = readSettings(
            (name) =>
              ({
                'api-key': API_KEY,
                'project-id': 'p1',
                'target-languages': settings.targetLanguages.join(', '),
                'rush-languages': 'all',
              })[name] ?? '',
            { workspace: WORKSPACE },
          );
          expect(again.targetLanguages).toEqual(settings.targetLanguages);
          expect(again.rushLanguages).toEqual(settings.targetLanguages);
        },
      ),
    );
  });

  it('reports a duplicate whatever its letter case', () => {
    fc.assert(
      fc.property(languageCode, separator, (code, sep) => {
        const twisted = code.toUpperCase() === code ? code.toLowerCase() : code.toUpperCase();
        try {
          readSettings((name) => ({ 'api-key': API_KEY, 'project-id': 'p1', 'target-languages': `${code}${sep}${twisted}` })[name] ?? '', {
            workspace: WORKSPACE,
          });
          expect.unreachable();
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as InputError).input).toBe('target-languages');
          expect((error as InputError).message).toContain('more than once');
        }
      }),
    );
  });
});

describe('durations', () => {
  it('parseDuration(formatDuration(ms)) === ms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DURATION_MS }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toBe(ms);
      }),
    );
  });

  it('adds up combined parts in any spelling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 167 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('', ' '),
        fc.boolean(),
        (h, m, s, ms, gap, upper) => {
          const parts = [
            [h, 'h'],
            [m, 'm'],
            [s, 's'],
            [ms, 'ms'],
          ] as const;
          const present = parts.filter(([count]) => count > 0);
          fc.pre(present.length > 0);
          const text = present.map(([count, unit]) => `${count}${upper ? unit.toUpperCase() : unit}`).join(gap);
          const expected = h * 3_600_000 + m * 60_000 + s * 1000 + ms;
          expect(parseDuration(text)).toBe(expected);
          expect(formatDuration(expected)).toBe(present.map(([count, unit]) => `${count}${unit}`).join(' '));
        },
      ),
    );
  });

  it('a bare number is seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 * 24 * 3600 }), (seconds) => {
        expect(parseDuration(String(seconds))).toBe(seconds * 1000);
        expect(parseDuration(`${seconds}s`)).toBe(seconds * 1000);
      }),
    );
  });

  it('never returns anything but a whole number of ms in range, or throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        let ms: number;
        try {
          ms = parseDuration(text);
        } catch (error) {
          expect((error as Error).name).toBe('DurationError');
          return;
        }
        expect(Number.isSafeInteger(ms)).toBe(true);
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThanOrEqual(MAX_DURATION_MS);
      }),
    );
  });
});

describe('readSettings on arbitrary values', () => {
  const names = [
    'api-url',
    'project-id',
    'target-languages',
    'rush-languages',
    'order-type',
    'order-sub-type',
    'dubbing-style',
    'level',
    'auto-qc',
    'callback-url',
    'mode',
    'order-ids',
    'reuse-orders',
    'timeout',
    'poll-interval',
    'on-timeout',
    'cancel-on-abort',
    'output-dir',
    'download',
    'pr-comment',
    'dry-run',
    'max-download-size',
  ];
  const value = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ maxLength: 40 }).map((s) => `${s}${API_KEY}${s}`),
  );

  it('either returns settings or throws an InputError whose problems each name a real input, never showing the key', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 4 }), (overrides) => {
        const values: Record<string, string> = { 'api-key': API_KEY, 'project-id': 'p1', 'target-languages': 'fr', ...overrides };
        try {
          const settings = readSettings((name) => values[name] ?? '', { workspace: WORKSPACE });
          expect(settings.outputDir.startsWith(WORKSPACE + path.sep)).toBe(true);
          expect(settings.pollIntervalMs).toBeGreaterThanOrEqual(100);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          const inputError = error as InputError;
          expect(inputError.problems.length).toBeGreaterThan(0);
          expect(inputError.input).toBe(inputError.problems[0]?.input);
          expect(new Set(inputError.problems.map((p) => p.input)).size).toBe(inputError.problems.length);
          for (const problem of inputError.problems) {
            expect([...names, 'api-key']).toContain(problem.input);
            expect(problem.message).not.toContain(API_KEY);
            expect(problem.message).toContain(`Input '${problem.input}'`);
            expect(problem.message).toContain('Accepted: ');
            // eslint-disable-next-line no-control-regex
            expect(problem.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
          }
          // The whole message: the problems, a line each, and nothing else unescaped.
          expect(inputError.message).not.toContain(API_KEY);
          // eslint-disable-next-line no-control-regex
          expect(inputError.message.replace(/\n/gu, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
        }
      }),
    );
  });
});
