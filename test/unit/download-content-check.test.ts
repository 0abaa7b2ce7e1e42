import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/download/content-check.ts';

const b = (text: string): Buffer => Buffer.from(text, 'utf8');
const SRT = '1\n00:00:01,000 --> 00:00:02,500\nBonjour\n\n2\n00:00:03,000 --> 00:00:04,000\nSalut\n';

describe('checkContent', () => {
  it('accepts SRT with or without BOM, CRLF, dot milliseconds, leading blank lines', () => {
    expect(checkContent('srt', b(SRT))).toBeUndefined();
    expect(checkContent('srt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b(SRT)]))).toBeUndefined();
    expect(checkContent('srt', b('\r\n\r\n1\r\n00:00:01.000 --> 00:00:02.000\r\nx\r\n'))).toBeUndefined();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SRT, 'utf16le')]);
    expect(checkContent('srt', utf16)).toBeUndefined();
  });

  it('refuses HTML, JSON, WebVTT and empty bodies as SRT', () => {
    expect(checkContent('srt', b('<!DOCTYPE html><html><body>Sign in</body></html>'), 'text/html')).toMatch(/HTML page/);
    expect(checkContent('srt', b('{"error":"expired"}'))).toMatch(/JSON error/);
    expect(checkContent('srt', b('WEBVTT\n\n00:01.000 --> 00:02.000\nx\n'))).toMatch(/SRT/);
    expect(checkContent('srt', Buffer.alloc(0))).toMatch(/empty/);
    expect(checkContent('srt', Buffer.from([0, 1, 2, 3, 0, 0]))).toMatch(/binary/);
  });

  it('accepts WEBVTT only at the start', () => {
    expect(checkContent('vtt', b('WEBVTT\n\n00:01.000 --> 00:02.000\nx\n'))).toBeUndefined();
    expect(checkContent('vtt', b('\uFEFFWEBVTT - title\n'))).toBeUndefined();
    expect(checkContent('vtt', b('WEBVTT'))).toBeUndefined();
    expect(checkContent('vtt', b('WEBVTTX\n'))).toBeDefined();
    expect(checkContent('vtt', b(SRT))).toMatch(/WEBVTT/);
    expect(checkContent('vtt', b('<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>'))).toMatch(/XML error/);
  });

  it('subtitle-text: accepts ASS, SCC, TTML/DFXP XML; refuses error bodies', () => {
    expect(checkContent('subtitle-text', b('[Script Info]\nTitle: x\n'))).toBeUndefined();
    expect(checkContent('subtitle-text', b('Scenarist_SCC V1.0\n\n00:00:00:00\t9420 9420\n'))).toBeUndefined();
    expect(
      checkContent(
        'subtitle-text',
        b('<?xml version="1.0" encoding="UTF-8"?>\n<tt xmlns="http://www.w3.org/ns/ttml"><body/></tt>'),
        'application/xml',
      ),
    ).toBeUndefined();
    expect(checkContent('subtitle-text', b('<tt:tt xmlns:tt="http://www.w3.org/ns/ttml"></tt:tt>'))).toBeUndefined();
    expect(checkContent('subtitle-text', Buffer.from('Dialogue: été\n', 'latin1'))).toBeUndefined(); // legacy code page
    expect(checkContent('subtitle-text', b('<html><head><title>403</title></head></html>'))).toMatch(/HTML/);
    expect(checkContent('subtitle-text', b('<?xml version="1.0"?>\n<Error><Code>SignatureDoesNotMatch</Code></Error>'))).toMatch(
      /XML error/,
    );
    expect(checkContent('subtitle-text', b('{"message":"Not found","statusCode":404}'))).toMatch(/JSON/);
    expect(checkContent('subtitle-text', Buffer.from([0x00, 0x01, 0x02]))).toMatch(/binary/);
  });

  it('binary: refuses error bodies only when served as HTML / JSON / XML', () => {
    const mp4 = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]);
    expect(checkContent('binary', mp4, 'video/mp4')).toBeUndefined();
    expect(checkContent('binary', mp4, 'application/json')).toBeUndefined();
    expect(checkContent('binary', b('<!doctype html><html>Login</html>'), 'text/html; charset=utf-8')).toMatch(/HTML page/);
    expect(checkContent('binary', b('{"error":{"code":403,"message":"expired"}}'), 'application/json')).toMatch(/JSON error/);
    expect(checkContent('binary', b('<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>'), 'application/xml')).toMatch(
      /XML error/,
    );
    // A JSON document that is not an error, and an error-looking body served as octet-stream, pass.
    expect(checkContent('binary', b('{"segments":[{"text":"hi"}]}'), 'application/json')).toBeUndefined();
    expect(checkContent('binary', b('{"error":"x"}'), 'application/octet-stream')).toBeUndefined();
  });
});
