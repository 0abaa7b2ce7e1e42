/** The HTTP/1.1 response reader, fed the bytes of a response in every kind of piece. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ResponseError, ResponseParser, type ResponseHead } from '../../src/http/response-parser.ts';

interface Parsed {
  heads: ResponseHead[];
  body: Buffer;
  ended: boolean;
}

/** Feeds `pieces` one by one (each a fresh buffer, overwritten after the call as a socket's would be). */
function parse(pieces: (string | Buffer)[], options: { method?: string; end?: boolean } = {}): Parsed {
  const parsed: Parsed = { heads: [], body: Buffer.alloc(0), ended: false };
  const parser = new ResponseParser(options.method ?? 'GET', {
    onHead: (head) => parsed.heads.push(head),
    onBody: (chunk) => (parsed.body = Buffer.concat([parsed.body, chunk])),
    onEnd: () => (parsed.ended = true),
  });
  for (const piece of pieces) {
    const buffer = Buffer.from(piece);
    parser.push(buffer);
    buffer.fill(0x58); // the transport reuses its read buffer: nothing may keep a view of it
  }
  if (options.end) parser.end();
  return parsed;
}

/** `text` cut at the given offsets. */
function split(text: string | Buffer, cuts: number[]): Buffer[] {
  const bytes = Buffer.from(text);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.subarray(from, point));
    from = point;
  }
  return pieces.filter((p) => p.length > 0);
}

function thrown(fn: () => unknown): ResponseError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ResponseError);
    return error as ResponseError;
  }
  throw new Error('expected a ResponseError');
}

const chunked = (chunks: string[], trailer = ''): string =>
  chunks.map((c) => `${Buffer.byteLength(c).toString(16)}\r\n${c}\r\n`).join('') + `0\r\n${trailer}\r\n`;

describe('ResponseParser', () => {
  it('reads status, reason, headers (lower-case names, repeats joined) and a Content-Length body', () => {
    const parsed = parse(['HTTP/1.1 201 Created\r\nContent-Length: 5\r\nX-A: 1\r\nx-a:  2 \r\nRetry-After: 7\r\n\r\nhello']);
    expect(parsed.heads).toHaveLength(1);
    const [head] = parsed.heads;
    expect(head).toMatchObject({ status: 201, statusText: 'Created' });
    expect(Object.fromEntries(head!.headers)).toEqual({ 'content-length': '5', 'x-a': '1, 2', 'retry-after': '7' });
    expect(parsed.body.toString()).toBe('hello');
    expect(parsed.ended).toBe(true);
  });

  it('reads the same response whatever pieces its bytes come in (Content-Length, chunked, to the close)', () => {
    const body = 'héllo wörld '.repeat(50);
    const cases = [
      { response: `HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, end: false },
      {
        response: `HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n${chunked([body.slice(0, 7), body.slice(7, 300), body.slice(300)], 'X-Checksum: 1\r\n')}`,
        end: false,
      },
      { response: `HTTP/1.0 200 OK\r\n\r\n${body}`, end: true },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.array(fc.nat(), { maxLength: 30 }), ({ response, end }, cuts) => {
        const parsed = parse(split(response, cuts), { end });
        expect(parsed.heads).toHaveLength(1);
        expect(parsed.body.toString()).toBe(body);
        expect(parsed.ended).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('takes chunk extensions, upper-case hex and trailers', () => {
    const parsed = parse([`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA;name=value\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\n`]);
    expect(parsed.body.toString()).toBe('0123456789');
    expect(parsed.ended).toBe(true);
  });

  it('gives the length the body is framed by: Content-Length, 0 without a body, none when chunked or read to the close', () => {
    expect(parse(['HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhello']).heads[0]?.length).toBe(5);
    expect(parse(['HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n']).heads[0]?.length).toBe(0);
    expect(parse(['HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n'], { method: 'HEAD' }).heads[0]?.length).toBe(0);
    expect(parse([`HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n${chunked(['ab'])}`]).heads[0]?.length).toBeUndefined();
    expect(parse(['HTTP/1.1 200 OK\r\n\r\nuntil the close'], { end: true }).heads[0]?.length).toBeUndefined();
  });

  it('a Content-Length shorter than the body sent, or bytes after the last chunk, are an error (one request per connection: the framing lied)', () => {
    // A 40-byte body sent with `Content-Length: 32`: never 32 bytes handed on as the whole body.
    const body = '1\n00:00:01,000 --> 00:00:02,000\nBonjour\n';
    for (const cuts of [[], [20], [60], [75, 76]]) {
      const response = `HTTP/1.1 200 OK\r\nContent-Length: ${body.length - 8}\r\n\r\n${body}`;
      const error = thrown(() => parse(split(response, cuts)));
      expect(error.code).toBe('ERR_HTTP_RESPONSE');
      expect(error.message).toMatch(/after the end of the response/);
    }
    expect(thrown(() => parse([`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${chunked(['ab'])}GARBAGE`])).code).toBe(
      'ERR_HTTP_RESPONSE',
    );
    expect(thrown(() => parse(['HTTP/1.1 204 No Content\r\n\r\nbody'])).code).toBe('ERR_HTTP_RESPONSE');
    // Stray line ends after a response are tolerated, as node:http's parser does.
    expect(parse(['HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok\r\n']).body.toString()).toBe('ok');
  });

  it('gives HEAD, 204 and 304 answers no body whatever their headers say', () => {
    expect(parse(['HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n'], { method: 'HEAD' })).toMatchObject({ ended: true });
    expect(parse(['HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n'])).toMatchObject({ ended: true });
    expect(parse(['HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n'])).toMatchObject({ ended: true });
    expect(parse(['HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'])).toMatchObject({ ended: true });
  });

  it('skips interim 1xx answers', () => {
    const parsed = parse([
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 413 Payload Too Large\r\nContent-Length: 2\r\n\r\nno',
    ]);
    expect(parsed.heads.map((h) => h.status)).toEqual([413]);
    expect(parsed.body.toString()).toBe('no');
  });

  it('a reason phrase may be empty or missing', () => {
    expect(parse(['HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n']).heads[0]?.statusText).toBe('');
    expect(parse(['HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n']).heads[0]?.statusText).toBe('');
  });

  it.each([
    ['not HTTP', 'SSH-2.0-OpenSSH\r\n\r\n'],
    ['HTTP/2 status line', 'HTTP/2 200\r\n\r\n'],
    ['101', 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n'],
    ['two Content-Length values', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!'],
    ['a non-numeric Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n'],
    ['a folded header', 'HTTP/1.1 200 OK\r\nX-A: 1\r\n  2\r\nContent-Length: 0\r\n\r\n'],
    ['a header without a colon', 'HTTP/1.1 200 OK\r\nBroken\r\n\r\n'],
    ['a space before the colon', 'HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n'],
    ['a bare LF inside the head', 'HTTP/1.1 200 OK\r\nX-A: 1\nContent-Length: 0\r\n\r\n'],
    ['a chunk size that is not hex', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['chunk data not followed by CRLF', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n'],
    ['a head over 64 KiB', `HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`],
    // RFC 9112 §6.3: both framings at once is how response splitting starts; a transfer coding
    // other than a final chunked is one never asked for (no TE is sent) and cannot be undone here.
    [
      'Transfer-Encoding chunked with a Content-Length',
      `HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n${chunked(['abcdef'])}`,
    ],
    [
      'Transfer-Encoding identity with a Content-Length',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\nContent-Length: 2\r\n\r\nokEXTRA',
    ],
    ['an empty Transfer-Encoding with a Content-Length', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: \r\nContent-Length: 2\r\n\r\nokMORE'],
    ['a Transfer-Encoding that does not end in chunked', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\nraw'],
  ])('refuses %s', (_name, response) => {
    expect(thrown(() => parse(split(response, [5, 17, 40]))).code).toBe('ERR_HTTP_RESPONSE');
  });

  it('a Content-Length body, a chunked body or a head cut short by the connection closing is an error, never a shorter body', () => {
    for (const response of [
      'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial',
      `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${chunked(['abc'])}`.slice(0, -5),
      'HTTP/1.1 200 OK\r\nContent-Le',
      '',
    ]) {
      expect(thrown(() => parse([response], { end: true })).code).toBe('ERR_HTTP_CUT_SHORT');
    }
  });

  it('hands the body on as views of the bytes given, without copying', () => {
    const input = Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello');
    let view: Buffer | undefined;
    new ResponseParser('GET', { onHead: () => undefined, onBody: (chunk) => (view = chunk), onEnd: () => undefined }).push(input);
    expect(view?.buffer).toBe(input.buffer);
  });
});
