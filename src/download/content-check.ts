/**
 * Is this body what we asked for? Looks at the first bytes of a download (up to 64 KiB)
 * and refuses error pages that a signed-URL host serves with status 200 (HTML login pages,
 * JSON error objects, S3-style `<Error>` XML) and bodies that are not the promised format.
 */

/** What a download is expected to contain (see plan.ts). */
export type ExpectedContent = 'srt' | 'vtt' | 'subtitle-text' | 'binary';

/** How many leading bytes the downloader keeps for this check. */
export const CONTENT_CHECK_BYTES = 64 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Decodes the head as text, honouring a UTF-8 / UTF-16 BOM; `undefined` when it is not text. */
function decodeText(head: Buffer): string | undefined {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(head.subarray(2));
  }
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(head.subarray(2));
  }
  let body = head;
  if (head.length >= 3 && head[0] === UTF8_BOM[0] && head[1] === UTF8_BOM[1] && head[2] === UTF8_BOM[2]) {
    body = head.subarray(3);
  }
  // Text: no NUL bytes and hardly any other C0 controls (legacy code pages are accepted:
  // invalid UTF-8 decodes to U+FFFD but is still text).
  let controls = 0;
  for (const byte of body) {
    if (byte === 0) return undefined;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) controls++;
  }
  if (controls > Math.max(8, body.length / 100)) return undefined;
  return new TextDecoder('utf-8').decode(body);
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|title[\s>]|meta[\s>]|script[\s>])/i.test(text);
}

function looksLikeJson(text: string): boolean {
  return /^\s*(?:\{\s*(?:"|\}|$)|\[\s*(?:[{["\]\d-]|true|false|null|$))/.test(text);
}

/** A JSON object that reads like an API error rather than a document. */
function looksLikeJsonError(text: string): boolean {
  if (!/^\s*\{/.test(text)) return false;
  const start = text.slice(0, 4096);
  if (/"(?:error|errors|errorCode|errorMessage|statusCode|fault)"\s*:/i.test(start)) return true;
  return /"message"\s*:/i.test(start) && /"(?:code|status)"\s*:/i.test(start);
}

/** Name of the root element of an XML-ish text (after prolog, comments, doctype), lower-cased. */
function xmlRootName(text: string): string | undefined {
  const match = /^\s*(?:<\?xml[\s\S]*?\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\?[\s\S]*?\?>)\s*)*<([A-Za-z_][\w.:-]*)/.exec(text);
  return match?.[1]?.toLowerCase();
}

function localName(qualified: string): string {
  const colon = qualified.lastIndexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

/** HTML page, JSON error, or XML whose root is an error element. */
function errorBodyReason(text: string, allowXml: boolean): string | undefined {
  if (looksLikeHtml(text)) return 'the server returned an HTML page';
  const root = xmlRootName(text);
  if (root !== undefined) {
    const name = localName(root);
    if (name === 'html') return 'the server returned an HTML page';
    if (name === 'error' || name === 'errors' || name === 'errorresponse' || name === 'fault') {
      return 'the server returned an XML error document';
    }
    if (!allowXml) return 'the server returned an XML document';
  }
  if (looksLikeJsonError(text)) return 'the server returned a JSON error object';
  if (looksLikeJson(text)) return 'the server returned JSON';
  return undefined;
}

function firstLines(text: string, count: number): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let index = 0;
  while (index < lines.length && lines[index]!.trim() === '') index++;
  return lines.slice(index, index + count);
}

const SRT_TIME = String.raw`\d{1,3}:\d{1,2}:\d{1,2}(?:[,.]\d{1,3})?`;
const SRT_TIMING = new RegExp(`^\\s*${SRT_TIME}\\s*-->\\s*${SRT_TIME}`);

function describeMediaType(contentType: string | undefined): string {
  return contentType ? ` (Content-Type ${contentType.split(';')[0]!.trim()})` : '';
}

/** True for text/html, JSON and XML media types (the ones error bodies are served as). */
function isErrorishMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    type === 'text/html' ||
    type === 'application/xhtml+xml' ||
    type === 'application/json' ||
    type === 'text/json' ||
    type === 'application/problem+json' ||
    type.endsWith('+json') ||
    type === 'application/xml' ||
    type === 'text/xml' ||
    type.endsWith('+xml')
  );
}

/**
 * Returns why the body is refused, or `undefined` when it looks right.
 * `head` is the first bytes of the body (the whole body when it is shorter than 64 KiB).
 */
export function checkContent(expect: ExpectedContent, head: Buffer, contentType?: string): string | undefined {
  if (head.length === 0) return 'the server returned an empty body';
  const mediaNote = describeMediaType(contentType);

  if (expect === 'binary') {
    if (!isErrorishMediaType(contentType)) return undefined;
    const text = decodeText(head);
    if (text === undefined) return undefined;
    if (looksLikeHtml(text)) return `the server returned an HTML page${mediaNote}`;
    const root = xmlRootName(text);
    if (root !== undefined) {
      const name = localName(root);
      if (name === 'html') return `the server returned an HTML page${mediaNote}`;
      if (name === 'error' || name === 'errors' || name === 'errorresponse' || name === 'fault') {
        return `the server returned an XML error document${mediaNote}`;
      }
    }
    if (looksLikeJsonError(text)) return `the server returned a JSON error object${mediaNote}`;
    return undefined;
  }

  const text = decodeText(head);
  if (text === undefined) return `expected a text subtitle file but the body is binary${mediaNote}`;

  if (expect === 'vtt') {
    if (/^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/.test(text)) return undefined;
    const reason = errorBodyReason(text, false);
    return `expected a WebVTT file (starting with WEBVTT) but ${reason ?? 'the body does not start with WEBVTT'}${mediaNote}`;
  }

  if (expect === 'srt') {
    const [index, timing] = firstLines(text, 2);
    if (index !== undefined && /^\s*\d+\s*$/.test(index) && timing !== undefined && SRT_TIMING.test(timing)) {
      return undefined;
    }
    const reason = errorBodyReason(text, false);
    return `expected an SRT file (cue number, then a "-->" timing line) but ${reason ?? 'the body does not start with an SRT cue'}${mediaNote}`;
  }

  // subtitle-text: any text format; XML is fine (DFXP / TTML / ITT / SAMI) unless it is an error.
  const reason = errorBodyReason(text, true);
  return reason === undefined ? undefined : `expected a subtitle file but ${reason}${mediaNote}`;
}
