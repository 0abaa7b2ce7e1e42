import { describe, expect, it } from 'vitest';
import { ensureExtension, safeFileName, splitExtension, uniqueFileName } from '../../src/download/file-names.ts';

describe('safeFileName', () => {
  it.each([
    ['French Subtitles.srt', 'French Subtitles.srt'],
    ['../../etc/passwd', 'etc_passwd'],
    ['..', 'file'],
    ['.', 'file'],
    ['', 'file'],
    ['   ', 'file'],
    ['.hidden.srt', 'hidden.srt'],
    ['a/b\\c.srt', 'a_b_c.srt'],
    ['C:\\temp\\x.srt', 'C__temp_x.srt'],
    ['a/./b/../c.srt', 'a_b_c.srt'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['a..b.srt', 'a..b.srt'],
    ['a/./b/../c', 'a_b_c'],
    ['what?<>|*".vtt', 'what______.vtt'],
    ['line\nbreak\t.srt', 'line break .srt'],
    ['bell\u0007\u0000.srt', 'bell.srt'],
    ['evil\u202egpj.srt', 'evilgpj.srt'],
    ['c1\u009b\u0085x.srt', 'c1 x.srt'],
    ['trailing dots...', 'trailing dots'],
    ['trailing space.srt  ', 'trailing space.srt'],
    ['CON', '_CON'],
    ['con.srt', '_con.srt'],
    ['LPT1.txt', '_LPT1.txt'],
    ['COM9 .srt', '_COM9 .srt'],
    ['console.srt', 'console.srt'],
    ['CONIN$', '_CONIN$'],
    ['conout$.srt', '_conout$.srt'],
    ['CONIN$x.srt', 'CONIN$x.srt'],
    ['e\u0301te\u0301.srt', '\u00e9t\u00e9.srt'],
    ['bad\ud800surrogate.srt', 'bad_surrogate.srt'],
  ])('%j -> %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('uses the fallback, made safe itself', () => {
    expect(safeFileName('///', { fallback: 'order-42.vtt' })).toBe('order-42.vtt');
    expect(safeFileName('...', { fallback: 'order-42.vtt' })).toBe('order-42.vtt');
    expect(safeFileName('', { fallback: '../x' })).toBe('x');
    expect(safeFileName('', { fallback: '' })).toBe('file');
  });

  it('truncates by UTF-8 bytes, keeps the extension, never splits a code point', () => {
    const long = `${'é'.repeat(300)}.srt`;
    const out = safeFileName(long);
    expect(out.endsWith('.srt')).toBe(true);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(200);
    expect(Buffer.byteLength(out)).toBeGreaterThanOrEqual(199);
    const emoji = safeFileName(`${'😀'.repeat(100)}.vtt`, { maxBytes: 30 });
    expect(emoji).toBe(`${'😀'.repeat(6)}.vtt`);
    expect(safeFileName('abcdef', { maxBytes: 3 })).toBe('abc');
  });
});

describe('uniqueFileName', () => {
  it('numbers case-insensitive collisions before the extension', () => {
    const taken = new Set<string>();
    expect(uniqueFileName('Fr.srt', taken)).toBe('Fr.srt');
    expect(uniqueFileName('fr.SRT', taken)).toBe('fr (2).SRT');
    expect(uniqueFileName('FR.srt', taken)).toBe('FR (3).srt');
    expect(uniqueFileName('notes', taken)).toBe('notes');
    expect(uniqueFileName('Notes', taken)).toBe('Notes (2)');
    expect([...taken]).toEqual(['fr.srt', 'fr (2).srt', 'fr (3).srt', 'notes', 'notes (2)']);
  });
});

describe('ensureExtension', () => {
  it.each([
    ['fr', 'srt', 'fr.srt'],
    ['fr.srt', '.srt', 'fr.srt'],
    ['fr.SRT', 'srt', 'fr.SRT'],
    ['fr.vtt', 'srt', 'fr.srt'],
    ['Episode 1.final', 'srt', 'Episode 1.final.srt'],
    ['notes.txt', 'vtt', 'notes.txt.vtt'],
    ['', 'vtt', 'file.vtt'],
    ['name.', 'srt', 'name.srt'],
  ])('%j + %j -> %j', (name, extension, expected) => {
    expect(ensureExtension(name, extension)).toBe(expected);
  });

  it('splits extensions', () => {
    expect(splitExtension('a.b.srt')).toEqual(['a.b', '.srt']);
    expect(splitExtension('noext')).toEqual(['noext', '']);
  });
});
