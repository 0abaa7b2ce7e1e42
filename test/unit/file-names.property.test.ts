import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ensureExtension, safeFileName, uniqueFileName } from '../../src/download/file-names.ts';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Strings rich in the characters that matter: separators, dots, controls, bidi, combining marks, lone surrogates. */
const nasty = fc.string({
  unit: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        '/',
        '\\',
        '.',
        '..',
        ' ',
        '\u0000',
        '\n',
        '\u007f',
        '\u0085',
        '\u009b',
        '\u202e',
        '\u2066',
        '\u200f',
        '\ufeff',
        ':',
        '*',
        '?',
        '"',
        '<',
        '>',
        '|',
        'e\u0301',
        '\u00e9',
        'CON',
        'nul',
        'com1',
        'CONIN$',
        'conout$',
        '.srt',
        '😀',
        '\u3000',
        '\u2028',
      ),
    },
    { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 120,
});
const anyName = fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 300 }));
const maxBytes = fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined });

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udfff]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('safeFileName (properties)', () => {
  it('never contains separators, control, bidi or reserved characters, and is never empty, . or ..', () => {
    fc.assert(
      fc.property(anyName, maxBytes, (name, max) => {
        const out = safeFileName(name, max === undefined ? {} : { maxBytes: max });
        expect(out).not.toMatch(FORBIDDEN);
        expect(LONE_SURROGATE.test(out)).toBe(false);
        expect(out).not.toBe('');
        expect(out).not.toBe('.');
        expect(out).not.toBe('..');
        expect(out.startsWith('.')).toBe(false);
        expect(/[\s.]$/u.test(out)).toBe(false);
        expect(/^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\.|\s|$)/iu.test(out)).toBe(false);
        expect(out).toBe(out.normalize('NFC'));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays directly inside the folder it is joined to', () => {
    const dir = path.resolve('/tmp/out/fr');
    fc.assert(
      fc.property(anyName, (name) => {
        const joined = path.join(dir, safeFileName(name));
        expect(path.dirname(joined)).toBe(dir);
        expect(path.relative(dir, joined)).toBe(safeFileName(name));
        expect(path.basename(joined)).toBe(safeFileName(name));
      }),
      { numRuns: 2000 },
    );
  });

  it('is bounded in UTF-8 bytes', () => {
    fc.assert(
      fc.property(anyName, maxBytes, (name, max) => {
        const out = safeFileName(name, max === undefined ? {} : { maxBytes: max });
        expect(bytes(out)).toBeLessThanOrEqual(max ?? 200);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyName, maxBytes, (name, max) => {
        const options = max === undefined ? {} : { maxBytes: max };
        const once = safeFileName(name, options);
        expect(safeFileName(once, options)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a short extension when it must shorten the name', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'é', '😀', '中', ' ', '-'), minLength: 1, maxLength: 400 }),
        fc.constantFrom('.srt', '.vtt', '.mp3'),
        (stem, extension) => {
          const out = safeFileName(`x${stem}${extension}`);
          expect(out.endsWith(extension)).toBe(true);
          expect(bytes(out)).toBeLessThanOrEqual(200);
        },
      ),
    );
  });

  it('leaves ordinary names alone', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _()-]{0,60}[A-Za-z0-9]\.(srt|vtt)$/), (name) => {
        fc.pre(!/^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.| |$)/iu.test(name));
        expect(safeFileName(name)).toBe(name);
      }),
    );
  });
});

describe('uniqueFileName (properties)', () => {
  it('never hands out the same name twice, ignoring letter case', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a.srt', 'A.SRT', 'a (2).srt', 'b', 'B', 'a.vtt', 'a'), { maxLength: 30 }), (names) => {
        const taken = new Set<string>();
        const out = names.map((name) => uniqueFileName(name, taken));
        const lower = out.map((name) => name.toLowerCase());
        expect(new Set(lower).size).toBe(out.length);
        for (const name of lower) expect(taken.has(name)).toBe(true);
      }),
    );
  });
});

describe('ensureExtension (properties)', () => {
  it('always ends with the extension and is stable', () => {
    fc.assert(
      fc.property(anyName, fc.constantFrom('srt', '.vtt', 'SRT'), (name, extension) => {
        const safe = safeFileName(name);
        const out = ensureExtension(safe, extension);
        const bare = extension.replace(/^\./u, '');
        expect(out.toLowerCase().endsWith(`.${bare.toLowerCase()}`)).toBe(true);
        expect(ensureExtension(out, extension)).toBe(out);
      }),
    );
  });
});
