/**
 * readTimingFast reads the usual timing line (`00:00:01.000 --> 00:00:03.500`) at fixed offsets:
 * it must take exactly what the general reader takes, with the same times, on lines that are
 * that form, and on every near miss (a digit too many, minutes or seconds past 59, a comma for a
 * period, a missing space, settings after it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMA, DOT, readTimingAnyForm, readTimingFast, timing } from '../../src/quality/parse.ts';

/** The timing line is the file's third line, from offset 3 to its line break. */
function read(reader: typeof readTimingFast, text: string, separator: number): unknown {
  timing.startMs = timing.endMs = timing.settingsFrom = -2;
  const taken = reader(text, 3, text.indexOf('\n', 3), separator);
  return taken ? { startMs: timing.startMs, endMs: timing.endMs, settingsFrom: timing.settingsFrom } : false;
}

describe('readTimingFast: the fixed-offset form reads as the general reader does', () => {
  const separator = fc.constantFrom('.', ',');
  const usual = fc
    .tuple(fc.integer({ min: 0, max: 99 * 3_600_000 }), fc.integer({ min: 0, max: 99 * 3_600_000 }), separator)
    .map(([start, end, s]) => {
      const time = (ms: number): string => {
        const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
        return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${s}${pad(ms % 1000, 3)}`;
      };
      return `${time(start)} --> ${time(end)}`;
    });
  // A usual line with a few characters replaced, inserted or removed.
  const CHARACTERS = ['0', '5', '6', '9', ':', '.', ',', ' ', '\t', '-', '>', 'a', '\u0660'];
  const edit = fc.record({
    at: fc.nat({ max: 30 }),
    kind: fc.constantFrom('replace', 'insert', 'remove'),
    character: fc.constantFrom(...CHARACTERS),
  });
  const edits = fc.oneof(
    { arbitrary: fc.constant([]), weight: 1 },
    { arbitrary: fc.array(edit, { minLength: 1, maxLength: 3 }), weight: 2 },
  );
  const line = fc.tuple(usual, edits).map(([text, edits]) =>
    edits.reduce((t, { at, kind, character }) => {
      const i = Math.min(at, t.length);
      if (kind === 'insert') return t.slice(0, i) + character + t.slice(i);
      if (kind === 'remove') return t.slice(0, i) + t.slice(i + 1);
      return t.slice(0, i) + character + t.slice(i + 1);
    }, text),
  );

  it('on usual lines and near misses, in SRT and WebVTT', () => {
    let fixedForm = 0;
    fc.assert(
      fc.property(
        line,
        fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
        fc.constantFrom('', '', ' align:start', ' ', '0'),
        (body, other, tail) => {
          // Mostly the separator the line was written with, now and then the other format's.
          const written = body.includes(',') ? COMMA : DOT;
          const sep = other ? (written === COMMA ? DOT : COMMA) : written;
          // Text around the line, as in a file: the reader gets the line's offsets.
          const text = `x\n\n${body}${tail}\nHello\n`;
          const fast = read(readTimingFast, text, sep);
          expect(fast).toEqual(read(readTimingAnyForm, text, sep));
          if (fast !== false && tail === '' && body.length === 29) fixedForm++;
        },
      ),
      { numRuns: 20_000 },
    );
    expect(fixedForm).toBeGreaterThan(1_000);
  });
});
