export const id = 569;
export const ids = [569];
export const modules = {

/***/ 7569:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOrderDownloader: () => (/* binding */ createOrderDownloader),
  outputsReadiness: () => (/* binding */ outputsReadiness),
  plannedBytes: () => (/* binding */ plannedBytes)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/download/file-names.ts
/**
 * Makes file names that come from the API (document names, order names) safe to write inside
 * an output folder, on Linux, macOS and Windows runners alike.
 *
 * safeFileName's output:
 * - has no path separators (`/`, `\`: segments that are empty, `.` or `..` are dropped, the others
 *   joined with `_`), no Windows-reserved characters (`<>:"|?*`), no control
 *   characters (C0, DEL, C1), no bidi or zero-width format characters, no lone surrogates;
 * - does not start with a dot (no hidden files, never `.` or `..`) or a space, does not end
 *   with a dot or a space (Windows drops those);
 * - is not a Windows device name (CON, PRN, AUX, NUL, COM1..9, LPT1..9, with any extension);
 * - is NFC-normalised and at most `maxBytes` UTF-8 bytes, cut at a code point boundary and
 *   keeping a short extension (`.srt`) when it has to be shortened;
 * - is never empty (the fallback, made safe the same way, takes its place);
 * - is a fixed point: safeFileName(safeFileName(x)) === safeFileName(x).
 */
const DEFAULT_MAX_BYTES = 200;
const DEFAULT_FALLBACK = 'file';
/** Whitespace-like controls become a space; other controls and invisible format characters go. */
const CONTROL_AS_SPACE = /[\t\n\v\f\r\u0085\u2028\u2029]/gu;
const CONTROL_REMOVED = /[\p{Cc}\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSAFE_CHARS = /[/\\<>:"|?*]/gu;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(?=[\s.]|$)/iu;
/** A short alphanumeric extension worth keeping when the name is shortened. */
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;
const encoder = new TextEncoder();
const byteLength = (text) => encoder.encode(text).length;
function safeFileName(name, options = {}) {
    const maxBytes = Math.max(1, Math.floor(options.maxBytes ?? DEFAULT_MAX_BYTES));
    const result = fixedPoint(typeof name === 'string' ? name : '', maxBytes);
    if (result !== '')
        return result;
    const fallback = fixedPoint(options.fallback ?? DEFAULT_FALLBACK, maxBytes);
    return fallback !== '' ? fallback : fixedPoint(DEFAULT_FALLBACK, maxBytes);
}
/** Applies `clean` until nothing changes, so the result is stable (idempotent). */
function fixedPoint(name, maxBytes) {
    let current = name;
    for (let round = 0; round < 8; round += 1) {
        const next = clean(current, maxBytes);
        if (next === current)
            return next;
        current = next;
    }
    // Not expected; a conservative ASCII-only form is stable under clean().
    return clean(current.replace(/[^A-Za-z0-9._ -]/gu, '_'), maxBytes);
}
function clean(input, maxBytes) {
    let name = input.replace(LONE_SURROGATE, '_').normalize('NFC');
    name = name.replace(CONTROL_AS_SPACE, ' ').replace(CONTROL_REMOVED, '');
    // Path segments that are empty, `.` or `..` go; the rest are joined with `_`.
    name = name
        .split(/[/\\]/u)
        .filter((segment) => !/^[\s.]*$/u.test(segment))
        .join('_');
    name = name.replace(UNSAFE_CHARS, '_');
    name = name.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
    if (WINDOWS_DEVICE.test(name))
        name = `_${name}`;
    name = truncate(name, maxBytes);
    return name.replace(/[\s.]+$/u, '');
}
/** Cuts to `maxBytes` UTF-8 bytes at a code point boundary, keeping a short extension if it fits. */
function truncate(name, maxBytes) {
    if (byteLength(name) <= maxBytes)
        return name;
    const extension = EXTENSION.exec(name)?.[0] ?? '';
    const extensionBytes = byteLength(extension);
    if (extension !== '' && extensionBytes < maxBytes && name.length > extension.length) {
        const stem = cutBytes(name.slice(0, name.length - extension.length), maxBytes - extensionBytes).replace(/[\s.]+$/u, '');
        if (stem !== '')
            return stem + extension;
    }
    return cutBytes(name, maxBytes);
}
function cutBytes(text, budget) {
    let out = '';
    let used = 0;
    for (const char of text) {
        const size = byteLength(char);
        if (used + size > budget)
            break;
        out += char;
        used += size;
    }
    return out;
}
/** Splits "name.srt" into ["name", ".srt"]; no extension -> [name, '']. */
function splitExtension(name) {
    const dot = name.lastIndexOf('.');
    if (dot <= 0 || dot === name.length - 1)
        return [name, ''];
    return [name.slice(0, dot), name.slice(dot)];
}
/**
 * Returns `name`, or "stem (2).ext", "stem (3).ext", ... when a name equal to it ignoring letter
 * case is in `taken` (case-insensitive file systems). Adds the result, lower-cased, to `taken`.
 */
function uniqueFileName(name, taken) {
    const key = (text) => text.normalize('NFC').toLowerCase();
    if (!taken.has(key(name))) {
        taken.add(key(name));
        return name;
    }
    const [stem, extension] = splitExtension(name);
    for (let n = 2;; n += 1) {
        const candidate = `${stem} (${n})${extension}`;
        if (!taken.has(key(candidate))) {
            taken.add(key(candidate));
            return candidate;
        }
    }
}
/** Subtitle and caption formats Ollang delivers (and their common relatives). */
const SUBTITLE_EXTENSIONS = new Set([
    'srt',
    'vtt',
    'webvtt',
    'ass',
    'ssa',
    'stl',
    'scc',
    'dfxp',
    'ttml',
    'itt',
    'sbv',
    'sub',
    'smi',
]);
/**
 * Makes `name` end with `extension` (given with or without the dot, matched in any letter case):
 * - already ends with it: unchanged ("Fr.SRT" stays);
 * - ends with a different subtitle extension: replaced ("fr.vtt" -> "fr.srt", the content decides);
 * - anything else, including no extension: appended ("Episode 1.final" -> "Episode 1.final.srt").
 * An empty name becomes "file.<extension>".
 */
function ensureExtension(name, extension) {
    const wanted = extension.replace(/^\.+/u, '');
    if (wanted === '')
        return name;
    const base = name.replace(/[\s.]+$/u, '') || DEFAULT_FALLBACK;
    const [stem, current] = splitExtension(base);
    const currentBare = current.slice(1).toLowerCase();
    if (currentBare === wanted.toLowerCase())
        return base;
    if (currentBare !== '' && SUBTITLE_EXTENSIONS.has(currentBare))
        return `${stem}.${wanted}`;
    return `${base}.${wanted}`;
}

;// CONCATENATED MODULE: ./src/download/plan.ts

/** Subtitle formats Ollang names (SRT, VTT, ASS, STL, SCC, DFXP, ITT) plus close relatives. */
const plan_SUBTITLE_EXTENSIONS = new Set([...SUBTITLE_EXTENSIONS, 'sami', 'cap']);
const VIDEO_EXTENSIONS = new Set(['mp4', 'm4v', 'mov', 'mkv', 'webm', 'avi', 'wmv', 'mxf', 'mpg', 'mpeg', 'ts', 'm2ts', 'flv', '3gp']);
const AUDIO_EXTENSIONS = new Set(['mp3', 'wav', 'aac', 'm4a', 'flac', 'ogg', 'opus', 'wma', 'aif', 'aiff']);
const DOCUMENT_EXTENSIONS = new Set([
    'pdf',
    'doc',
    'docx',
    'xls',
    'xlsx',
    'ppt',
    'pptx',
    'odt',
    'ods',
    'txt',
    'rtf',
    'csv',
    'json',
    'xml',
    'xliff',
    'xlf',
    'zip',
    'html',
    'md',
    'png',
    'jpg',
    'jpeg',
]);
const KNOWN_EXTENSIONS = new Set([...plan_SUBTITLE_EXTENSIONS, ...VIDEO_EXTENSIONS, ...AUDIO_EXTENSIONS, ...DOCUMENT_EXTENSIONS]);
/**
 * Not downloaded even when they are outputs:
 * - invoice: billing paperwork, not a localisation deliverable (and it may carry prices);
 * - guideline: instructions the customer gave the translators (an input, like source*);
 * - created_waveform: the editor's audio-peaks data, only useful inside Ollang's player;
 * - created_thumbnail: a preview image of the video.
 */
const IGNORED_TYPES = new Set(['invoice', 'guideline', 'guidelines', 'createdwaveform', 'waveform', 'createdthumbnail', 'thumbnail']);
/** Produced-output dubbing / video types the notes name explicitly. */
const DUBBING_TYPES = new Set(['vendorvideo', 'createdembeddedvideo', 'createdsubtitleembeddedvideo']);
/** `sourceVideo`, `source_video`, `Source-Video` -> `sourcevideo`. */
function normaliseType(type) {
    return type.toLowerCase().replace(/[^a-z0-9]/g, '');
}
/** Lower-cased extension of a plain name ("French.SRT" -> "srt"), `undefined` when there is none. */
function extensionOf(name) {
    if (!name)
        return undefined;
    const match = /\.([A-Za-z0-9]{1,10})$/.exec(name.trim());
    return match?.[1]?.toLowerCase();
}
/** Last path segment of an http(s) URL, decoded; `undefined` for anything else. */
function urlFileName(url) {
    if (!url)
        return undefined;
    try {
        const parsed = new URL(url);
        const segment = parsed.pathname
            .split('/')
            .filter((part) => part !== '')
            .pop();
        if (!segment)
            return undefined;
        try {
            return decodeURIComponent(segment);
        }
        catch {
            return segment;
        }
    }
    catch {
        return undefined;
    }
}
function isSubtitleType(type) {
    return (type.includes('subtitle') ||
        type.includes('caption') ||
        type === 'cc' ||
        type === 'createdcc' ||
        type === 'srt' ||
        type === 'vtt' ||
        type.endsWith('srt') ||
        type.endsWith('vtt'));
}
function isDubbingType(type) {
    return DUBBING_TYPES.has(type) || type.includes('dub') || type.includes('audio') || type.includes('voice');
}
/** Produced outputs per the API notes (`created_*`, `translator_*`, `vendor_*`) and close relatives. */
function isProducedType(type) {
    return /^(?:created|translator|translated|translation|vendor|output|delivered|delivery|final|target)/.test(type) || type === 'document';
}
/**
 * What a document is, for the `download` input. `source` (what the customer uploaded) is never
 * downloaded; `ignore` is neither an input to skip silently nor a deliverable (see IGNORED_TYPES);
 * types nobody has named and that do not look produced are ignored too.
 */
function classifyDoc(doc) {
    const type = normaliseType(doc.type);
    if (type.startsWith('source'))
        return 'source';
    if (IGNORED_TYPES.has(type))
        return 'ignore';
    const nameExt = extensionOf(doc.name);
    const urlExt = extensionOf(urlFileName(doc.url));
    const isVideo = type.includes('video') ||
        (nameExt !== undefined && VIDEO_EXTENSIONS.has(nameExt)) ||
        (urlExt !== undefined && VIDEO_EXTENSIONS.has(urlExt));
    const isAudio = (nameExt !== undefined && AUDIO_EXTENSIONS.has(nameExt)) || (urlExt !== undefined && AUDIO_EXTENSIONS.has(urlExt));
    if (isDubbingType(type))
        return 'dubbing';
    if (!isVideo && isSubtitleType(type))
        return 'subtitles';
    const subtitleFile = (nameExt !== undefined && plan_SUBTITLE_EXTENSIONS.has(nameExt)) || (urlExt !== undefined && plan_SUBTITLE_EXTENSIONS.has(urlExt));
    if (!isVideo && !isAudio && subtitleFile)
        return 'subtitles';
    // A subtitle-typed document that is really a video (burnt-in subtitles) is a video output.
    if (isSubtitleType(type) && isVideo)
        return 'dubbing';
    if (isProducedType(type))
        return 'documents';
    return 'ignore';
}
/** What a subtitle body must look like, by its format extension. */
function expectFor(ext) {
    if (ext === 'srt')
        return 'srt';
    if (ext === 'vtt' || ext === 'webvtt')
        return 'vtt';
    // EBU STL is a binary format (GSI block + fixed-size TTI blocks), so no text check.
    if (ext === 'stl' || ext === 'cap')
        return 'binary';
    return 'subtitle-text';
}
/** A subtitle format from the doc type, when the name and URL carry none. */
function subtitleExtFromType(type) {
    for (const ext of ['vtt', 'srt', 'ass', 'ssa', 'scc', 'dfxp', 'ttml', 'itt', 'stl']) {
        if (type.includes(ext))
            return ext;
    }
    return undefined;
}
function describeUrlProblem(url) {
    if (!url)
        return 'the document has no URL';
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return 'the URL is not valid';
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        return `only http and https URLs are downloaded, not ${parsed.protocol}`;
    }
    return undefined;
}
const UNUSABLE = 'unusable-name-7f3a9c';
/** The name made safe, or `undefined` when nothing usable is left of it. */
function usableName(name) {
    if (name === undefined || name === UNUSABLE)
        return undefined;
    const safe = safeFileName(name, { fallback: UNUSABLE });
    return safe === UNUSABLE ? undefined : safe;
}
/**
 * The downloads for one finished order, for the requested kinds. Subtitle documents keep their
 * own (made-safe) name, with an extension added when they have none; the order's VTT (`vttUrl`)
 * is `<order name>.vtt`. Non-http(s) URLs are not planned and come back in `refused`.
 */
function planDownloads(order, kinds) {
    const items = [];
    const refused = [];
    /** Lower-cased names already used in this order (uniqueFileName compares ignoring case). */
    const taken = new Set();
    for (const [index, doc] of order.orderDocs.entries()) {
        const kind = classifyDoc(doc);
        if (kind === 'source' || kind === 'ignore' || !kinds.has(kind))
            continue;
        const problem = describeUrlProblem(doc.url);
        if (problem !== undefined || doc.url === undefined) {
            refused.push({ docType: doc.type, reason: problem ?? 'the document has no URL' });
            continue;
        }
        const fromUrl = urlFileName(doc.url);
        const fallbackStem = doc.id ? `${doc.type}-${doc.id}` : `${order.id}-${doc.type}-${index + 1}`;
        const rawName = usableName(doc.name) ?? usableName(fromUrl) ?? fallbackStem;
        const nameExt = extensionOf(rawName);
        const urlExt = extensionOf(fromUrl);
        let fileName;
        let expect;
        if (kind === 'subtitles') {
            // The URL is what is served, so its extension decides the format; then the name, then the type.
            // ("webvtt" is a spelling of vtt.)
            const format = (urlExt !== undefined && plan_SUBTITLE_EXTENSIONS.has(urlExt) ? urlExt : undefined) ??
                (nameExt !== undefined && plan_SUBTITLE_EXTENSIONS.has(nameExt) ? nameExt : undefined) ??
                subtitleExtFromType(normaliseType(doc.type));
            // No format anywhere: Ollang's subtitle deliverable is SRT, but the body is only checked as text.
            expect = format === undefined ? 'subtitle-text' : expectFor(format);
            const ext = format ?? 'srt';
            // Adds the extension when missing; replaces a different subtitle extension (the content decides).
            // Made safe first (an unusable name falls back), then the extension, then bounded again.
            fileName = safeFileName(ensureExtension(safeFileName(rawName), `.${ext}`));
        }
        else {
            expect = 'binary';
            // The URL's extension, when it is a recognisable one, says what is served ("Dub" -> "Dub.mp3",
            // "French.srt" served as .mp4 -> "French.mp4"); an odd URL extension only fills a gap.
            const safe = safeFileName(rawName);
            let useUrlExt = false;
            if (urlExt !== undefined && urlExt !== nameExt && /^[a-z0-9]{1,5}$/.test(urlExt)) {
                useUrlExt = KNOWN_EXTENSIONS.has(urlExt) || nameExt === undefined || !KNOWN_EXTENSIONS.has(nameExt);
            }
            fileName = useUrlExt ? safeFileName(ensureExtension(safe, `.${urlExt}`)) : safe;
        }
        const item = { kind, url: doc.url, fileName: uniqueFileName(fileName, taken), expect, docType: doc.type };
        if (typeof doc.size === 'number' && Number.isSafeInteger(doc.size) && doc.size > 0)
            item.expectedBytes = doc.size;
        items.push(item);
    }
    if (kinds.has('vtt') && order.vttUrl) {
        const problem = describeUrlProblem(order.vttUrl);
        if (problem !== undefined) {
            refused.push({ docType: 'vttUrl', reason: problem });
        }
        else {
            const fallback = safeFileName(`${order.id}.vtt`, { fallback: 'order.vtt' });
            const stem = usableName(order.name);
            const fileName = stem === undefined ? fallback : safeFileName(ensureExtension(stem, '.vtt'));
            items.push({ kind: 'vtt', url: order.vttUrl, fileName: uniqueFileName(fileName, taken), expect: 'vtt', docType: 'vttUrl' });
        }
    }
    return { items, refused };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
var external_node_v8_default = /*#__PURE__*/__webpack_require__.n(external_node_v8_);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
var external_node_vm_default = /*#__PURE__*/__webpack_require__.n(external_node_vm_);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ./src/runtime.ts
var runtime = __webpack_require__(3683);
;// CONCATENATED MODULE: ./src/download/content-check.ts
/**
 * Is this body what we asked for? Looks at the first bytes of a download (up to 64 KiB)
 * and refuses error pages that a signed-URL host serves with status 200 (HTML login pages,
 * JSON error objects, S3-style `<Error>` XML) and bodies that are not the promised format.
 */
/** How many leading bytes the downloader keeps for this check. */
const CONTENT_CHECK_BYTES = 64 * 1024;
const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** Decodes the head as text, honouring a UTF-8 / UTF-16 BOM; `undefined` when it is not text. */
function decodeText(head) {
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
        if (byte === 0)
            return undefined;
        if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b)
            controls++;
    }
    if (controls > Math.max(8, body.length / 100))
        return undefined;
    return new TextDecoder('utf-8').decode(body);
}
function looksLikeHtml(text) {
    return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|title[\s>]|meta[\s>]|script[\s>])/i.test(text);
}
function looksLikeJson(text) {
    return /^\s*(?:\{\s*(?:"|\}|$)|\[\s*(?:[{["\]\d-]|true|false|null|$))/.test(text);
}
/** A JSON object that reads like an API error rather than a document. */
function looksLikeJsonError(text) {
    if (!/^\s*\{/.test(text))
        return false;
    const start = text.slice(0, 4096);
    if (/"(?:error|errors|errorCode|errorMessage|statusCode|fault)"\s*:/i.test(start))
        return true;
    return /"message"\s*:/i.test(start) && /"(?:code|status)"\s*:/i.test(start);
}
/** Name of the root element of an XML-ish text (after prolog, comments, doctype), lower-cased. */
function xmlRootName(text) {
    const match = /^\s*(?:<\?xml[\s\S]*?\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\?[\s\S]*?\?>)\s*)*<([A-Za-z_][\w.:-]*)/.exec(text);
    return match?.[1]?.toLowerCase();
}
function localName(qualified) {
    const colon = qualified.lastIndexOf(':');
    return colon === -1 ? qualified : qualified.slice(colon + 1);
}
/** HTML page, JSON error, or XML whose root is an error element. */
function errorBodyReason(text, allowXml) {
    if (looksLikeHtml(text))
        return 'the server returned an HTML page';
    const root = xmlRootName(text);
    if (root !== undefined) {
        const name = localName(root);
        if (name === 'html')
            return 'the server returned an HTML page';
        if (name === 'error' || name === 'errors' || name === 'errorresponse' || name === 'fault') {
            return 'the server returned an XML error document';
        }
        if (!allowXml)
            return 'the server returned an XML document';
    }
    if (looksLikeJsonError(text))
        return 'the server returned a JSON error object';
    if (looksLikeJson(text))
        return 'the server returned JSON';
    return undefined;
}
function firstLines(text, count) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    let index = 0;
    while (index < lines.length && lines[index].trim() === '')
        index++;
    return lines.slice(index, index + count);
}
const SRT_TIME = String.raw `\d{1,3}:\d{1,2}:\d{1,2}(?:[,.]\d{1,3})?`;
const SRT_TIMING = new RegExp(`^\\s*${SRT_TIME}\\s*-->\\s*${SRT_TIME}`);
function describeMediaType(contentType) {
    return contentType ? ` (Content-Type ${contentType.split(';')[0].trim()})` : '';
}
/** True for text/html, JSON and XML media types (the ones error bodies are served as). */
function isErrorishMediaType(contentType) {
    if (!contentType)
        return false;
    const type = contentType.split(';')[0].trim().toLowerCase();
    return (type === 'text/html' ||
        type === 'application/xhtml+xml' ||
        type === 'application/json' ||
        type === 'text/json' ||
        type === 'application/problem+json' ||
        type.endsWith('+json') ||
        type === 'application/xml' ||
        type === 'text/xml' ||
        type.endsWith('+xml'));
}
/**
 * Returns why the body is refused, or `undefined` when it looks right.
 * `head` is the first bytes of the body (the whole body when it is shorter than 64 KiB).
 */
function checkContent(expect, head, contentType) {
    if (head.length === 0)
        return 'the server returned an empty body';
    const mediaNote = describeMediaType(contentType);
    if (expect === 'binary') {
        if (!isErrorishMediaType(contentType))
            return undefined;
        const text = decodeText(head);
        if (text === undefined)
            return undefined;
        if (looksLikeHtml(text))
            return `the server returned an HTML page${mediaNote}`;
        const root = xmlRootName(text);
        if (root !== undefined) {
            const name = localName(root);
            if (name === 'html')
                return `the server returned an HTML page${mediaNote}`;
            if (name === 'error' || name === 'errors' || name === 'errorresponse' || name === 'fault') {
                return `the server returned an XML error document${mediaNote}`;
            }
        }
        if (looksLikeJsonError(text))
            return `the server returned a JSON error object${mediaNote}`;
        return undefined;
    }
    const text = decodeText(head);
    if (text === undefined)
        return `expected a text subtitle file but the body is binary${mediaNote}`;
    if (expect === 'vtt') {
        if (/^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/.test(text))
            return undefined;
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

// EXTERNAL MODULE: ./src/error-message.ts
var error_message = __webpack_require__(6587);
;// CONCATENATED MODULE: ./src/download/downloader.ts
/**
 * Downloads one planned document: streams the body to a temporary file in the target
 * directory, checks its first bytes (content-check.ts), its length (Content-Length,
 * the document's announced size, max-download-size), then renames it into place.
 * A failed download leaves nothing behind. Signed URLs are credentials: messages show
 * origin + path only, never the query string.
 *
 * Bodies go through `node:http` / `node:https` rather than fetch: fetch's web streams cost
 * about 0.3 s of CPU more per GiB (docs/benchmarks.md), and the hot path here is one 'data'
 * listener that copies each chunk into a 16 KiB buffer written with writeSync (BodySink).
 */













const defaultRequest = (url, options) => url.protocol === 'https:' ? external_node_https_default().request(url, options) : external_node_http_default().request(url, options);
class DownloadError extends Error {
    reason;
    status;
    constructor(message, reason, options) {
        super(message, options?.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'DownloadError';
        this.reason = reason;
        if (options?.status !== undefined)
            this.status = options.status;
    }
}
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 3;
const MAX_REDIRECTS = 5;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;
const RETRY_AFTER_CAP_MS = 120_000;
/** Leaves room for the leading dot, random suffix and `.part` within a 255-byte file name. */
const TEMP_NAME_STEM_BYTES = 200;
/** `https://host/path` of a URL: never its query string or fragment (signed URLs carry credentials there). */
function redactUrl(url) {
    try {
        const parsed = typeof url === 'string' ? new URL(url) : url;
        if (parsed.protocol === 'http:' || parsed.protocol === 'https:')
            return `${parsed.origin}${parsed.pathname}`;
        return `${parsed.protocol}…`;
    }
    catch {
        return '(invalid URL)';
    }
}
/** Strips anything that looks like a query string from free text (e.g. an error cause). */
function scrub(text) {
    return text.replace(/\?[^\s'"<>)]*/g, '?…');
}
function isHttp(url) {
    return url.protocol === 'http:' || url.protocol === 'https:';
}
function truncateUtf8(text, maxBytes) {
    if (Buffer.byteLength(text) <= maxBytes)
        return text;
    let out = '';
    let used = 0;
    for (const char of text) {
        const size = Buffer.byteLength(char);
        if (used + size > maxBytes)
            break;
        out += char;
        used += size;
    }
    return out;
}
/** Error carrying whether another attempt may help. */
class AttemptError extends Error {
    error;
    retryable;
    retryAfterMs;
    constructor(error, retryable, retryAfterMs) {
        super(error.message);
        this.error = error;
        this.retryable = retryable;
        if (retryAfterMs !== undefined)
            this.retryAfterMs = retryAfterMs;
    }
}
/** Refresh-worthy 403 (signed URL expired / rejected). */
class ForbiddenError extends Error {
    error;
    constructor(error) {
        super(error.message);
        this.error = error;
    }
}
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Math.min(Number(trimmed) * 1000, RETRY_AFTER_CAP_MS);
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.min(Math.max(0, date - now), RETRY_AFTER_CAP_MS);
}
function parseContentLength(value) {
    if (value === undefined || !/^\s*\d+\s*$/.test(value))
        return undefined;
    const length = Number(value);
    return Number.isSafeInteger(length) ? length : undefined;
}
/** One response header as a string (Node joins repeated ones with ", "; set-cookie aside). */
function header(response, name) {
    const value = response.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
}
/**
 * Decoders for a Content-Encoding other than identity, outermost last (as fetch did: gzip,
 * x-gzip, deflate, br, zstd). An unknown coding: the body is saved as sent.
 */
function decodersFor(encoding) {
    const decoders = [];
    for (const coding of encoding
        .split(',')
        .map((c) => c.trim().toLowerCase())
        .filter((c) => c !== '' && c !== 'identity')
        .reverse()) {
        if (coding === 'gzip' || coding === 'x-gzip')
            decoders.push(external_node_zlib_default().createGunzip({ flush: (external_node_zlib_default()).constants.Z_SYNC_FLUSH, finishFlush: (external_node_zlib_default()).constants.Z_SYNC_FLUSH }));
        else if (coding === 'deflate')
            decoders.push(external_node_zlib_default().createInflate());
        else if (coding === 'br')
            decoders.push(external_node_zlib_default().createBrotliDecompress());
        else if (coding === 'zstd')
            decoders.push(external_node_zlib_default().createZstdDecompress());
        else
            return [];
    }
    return decoders;
}
/**
 * Node allocates a new Buffer for every socket read (64 KiB) and V8 frees those only when a
 * collection runs, which its heuristics schedule late for this off-heap memory: left alone,
 * 60-100 MiB of spent chunks pile up during a large download (peak RSS 150-165 MiB for 1 GiB),
 * and fresh pages are touched all the time, which is also slower. A young-generation
 * collection every COLLECT_EVERY_BYTES received (all downloads together) frees them; it takes a
 * fraction of a millisecond, as the young generation holds little else. `gc` comes from a
 * throwaway context created with --expose-gc, and the flag is switched off again at once, so
 * no code sees a `gc` global. Where that fails, downloads run without it.
 */
const COLLECT_EVERY_BYTES = 8 * 1024 * 1024;
let receivedSinceCollect = 0;
let collectYoung;
function countReceived(bytes) {
    receivedSinceCollect += bytes;
    if (receivedSinceCollect < COLLECT_EVERY_BYTES)
        return;
    receivedSinceCollect = 0;
    if (collectYoung === undefined) {
        collectYoung = null;
        try {
            external_node_v8_default().setFlagsFromString('--expose-gc');
            const gc = external_node_vm_default().runInNewContext('gc');
            if (typeof gc === 'function')
                collectYoung = () => gc({ type: 'minor' });
        }
        catch {
            // no collection: RSS floats higher, nothing else changes
        }
        finally {
            external_node_v8_default().setFlagsFromString('--no-expose-gc');
        }
    }
    try {
        collectYoung?.();
    }
    catch {
        collectYoung = null;
    }
}
/**
 * A download pauses after this many bytes until the event loop's next turn (setImmediate):
 * Node reads up to 32 chunks from a busy socket in one go, and with the writes on the event
 * loop (BodySink) a few concurrent large downloads would otherwise hold up status checks
 * and small downloads for tens of milliseconds per turn.
 */
const YIELD_EVERY_BYTES = 512 * 1024;
/** Size of each write: see BodySink. */
const WRITE_BYTES = 16 * 1024;
/**
 * Receives the body chunk by chunk: counts bytes, enforces the size limit, holds back the
 * first CONTENT_CHECK_BYTES until the content check has passed (a refused body is never
 * written), and writes the rest through one reused 16 KiB buffer with writeSync.
 *
 * Why synchronous 16 KiB writes (measured on the benchmark's 1 GiB download, docs/benchmarks.md):
 * - a page-cache write of 16 KiB takes microseconds, far less than one threadpool round trip
 *   (fs.write / a WriteStream: the CPU of those hand-offs is what kept a pipeline to
 *   fs.createWriteStream at ~0.5 of curl); the socket is simply not read during the write,
 *   which is the back-pressure, with no queue of chunks in memory;
 * - 1 MiB writes made the kernel's copy into the page cache erratic (0.8 to 3 s of system time
 *   per GiB, against a steady ~1 s for 16 KiB writes, curl's size too); reusing one small
 *   buffer also keeps the copy's source in the CPU cache.
 * The cost: a disk that throttles writers holds up the event loop for that long, instead of
 * only this download; every download shares that disk anyway.
 */
class BodySink {
    bytes = 0;
    fd;
    maxBytes;
    check;
    tooLarge;
    writeFailed;
    head = Buffer.allocUnsafe(CONTENT_CHECK_BYTES);
    headBytes = 0;
    buffer = Buffer.allocUnsafeSlow(WRITE_BYTES);
    filled = 0;
    constructor(options) {
        this.fd = options.fd;
        this.maxBytes = options.maxBytes;
        this.check = options.check;
        this.tooLarge = options.tooLarge;
        this.writeFailed = options.writeFailed;
    }
    /** Throws DownloadError (too large, refused content, write failure). */
    take(chunk) {
        this.bytes += chunk.length;
        countReceived(chunk.length);
        if (this.bytes > this.maxBytes)
            throw this.tooLarge();
        let offset = 0;
        if (this.head) {
            offset = Math.min(chunk.length, this.head.length - this.headBytes);
            chunk.copy(this.head, this.headBytes, 0, offset);
            this.headBytes += offset;
            if (this.headBytes < this.head.length)
                return;
            this.releaseHead();
        }
        this.write(chunk, offset);
    }
    /** The body ended: check a short body, write what is buffered. */
    finish() {
        if (this.head)
            this.releaseHead();
        this.flush();
    }
    releaseHead() {
        const head = this.head.subarray(0, this.headBytes);
        this.head = undefined;
        const refused = this.check(head);
        if (refused)
            throw refused;
        this.write(head, 0);
    }
    write(data, from) {
        let offset = from;
        while (offset < data.length) {
            const count = Math.min(WRITE_BYTES - this.filled, data.length - offset);
            data.copy(this.buffer, this.filled, offset, offset + count);
            this.filled += count;
            offset += count;
            if (this.filled === WRITE_BYTES)
                this.flush();
        }
    }
    flush() {
        let written = 0;
        try {
            while (written < this.filled)
                written += (0,external_node_fs_.writeSync)(this.fd, this.buffer, written, this.filled - written);
        }
        catch (cause) {
            throw this.writeFailed(cause);
        }
        this.filled = 0;
    }
}
/**
 * Downloads `item` into `options.directory` under `item.fileName`.
 * Throws DownloadError (and leaves no file behind) on failure.
 */
async function downloadItem(item, options) {
    const directory = external_node_path_default().resolve(options.directory);
    const finalPath = external_node_path_default().join(directory, item.fileName);
    const relative = external_node_path_default().relative(directory, finalPath);
    if (item.fileName === '' ||
        item.fileName === '.' ||
        item.fileName === '..' ||
        /[/\\\0]/.test(item.fileName) ||
        relative === '' ||
        relative.startsWith('..') ||
        external_node_path_default().isAbsolute(relative) ||
        relative.includes((external_node_path_default()).sep) ||
        relative.includes('/')) {
        throw new DownloadError(`Refused to save "${item.fileName}": the name is not a plain file name inside ${directory}.`, 'file');
    }
    let url;
    try {
        url = new URL(item.url);
    }
    catch {
        throw new DownloadError(`Refused to download "${item.fileName}": the URL is not valid.`, 'scheme');
    }
    if (!isHttp(url)) {
        throw new DownloadError(`Refused to download "${item.fileName}": only http and https URLs are fetched, not ${url.protocol}`, 'scheme');
    }
    if (item.expectedBytes !== undefined && item.expectedBytes > options.maxBytes) {
        throw new DownloadError(`Refused to download "${item.fileName}" from ${redactUrl(url)}: the order says it has ${item.expectedBytes} bytes, more than max-download-size (${options.maxBytes} bytes). Raise max-download-size to accept it.`, 'too-large');
    }
    try {
        await (0,promises_.mkdir)(directory, { recursive: true });
    }
    catch (cause) {
        throw new DownloadError(`Could not create the directory ${directory}: ${describeFsError(cause)}.`, 'file', { cause });
    }
    const sleep = options.sleep ?? runtime/* realSleep */.u;
    const random = options.random ?? Math.random;
    const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
    let refreshed = false;
    let failures = 0;
    for (;;) {
        if (options.signal?.aborted)
            throw abortedError(item, url);
        try {
            return await attempt(item, url, directory, finalPath, options);
        }
        catch (caught) {
            if (caught instanceof ForbiddenError) {
                if (options.refreshUrl && !refreshed) {
                    refreshed = true;
                    const fresh = await refreshOrThrow(options.refreshUrl, item, caught.error);
                    url = fresh;
                    continue;
                }
                throw caught.error;
            }
            if (caught instanceof DownloadError)
                throw caught;
            if (!(caught instanceof AttemptError)) {
                throw new DownloadError(`Could not save "${item.fileName}" in ${directory}: ${describeFsError(caught)}.`, 'file', {
                    cause: caught,
                });
            }
            if (!caught.retryable || failures >= retries)
                throw caught.error;
            failures++;
            const backoff = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (failures - 1));
            // Jitter: between half and all of the backoff; a server's Retry-After wins when longer.
            const delay = Math.max(caught.retryAfterMs ?? 0, Math.round(backoff * (0.5 + random() * 0.5)));
            try {
                await sleep(delay, options.signal);
            }
            catch {
                throw abortedError(item, url);
            }
        }
    }
}
async function refreshOrThrow(refreshUrl, item, original) {
    let fresh;
    try {
        fresh = await refreshUrl();
    }
    catch {
        throw original;
    }
    if (!fresh)
        throw original;
    let parsed;
    try {
        parsed = new URL(fresh);
    }
    catch {
        throw new DownloadError(`Refused to download "${item.fileName}": the refreshed URL is not valid.`, 'scheme');
    }
    if (!isHttp(parsed)) {
        throw new DownloadError(`Refused to download "${item.fileName}": the refreshed URL uses ${parsed.protocol}; only http and https are fetched.`, 'scheme');
    }
    return parsed;
}
function abortedError(item, url) {
    return new DownloadError(`Download of "${item.fileName}" from ${redactUrl(url)} was cancelled.`, 'aborted');
}
/** One attempt: follow redirects, stream, verify, rename. Throws AttemptError / ForbiddenError / DownloadError. */
async function attempt(item, startUrl, directory, finalPath, options) {
    const timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    const request = options.request ?? defaultRequest;
    /** Set once the attempt is being stopped (timeout or the outer signal): ends the request in flight. */
    let stopped;
    let inFlight = {};
    const stop = (reason) => {
        stopped ??= reason;
        inFlight.request?.destroy(reason);
        inFlight.response?.destroy(reason);
    };
    let timedOut = false;
    let timer;
    /** (Re)starts the idle timer: called for each request and each chunk. */
    const arm = () => {
        if (timer)
            timer.refresh();
        else {
            timer = setTimeout(() => {
                timedOut = true;
                stop(new Error(`no data for ${timeoutMs} ms`));
            }, timeoutMs);
        }
    };
    const onOuterAbort = () => stop(new Error('cancelled'));
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    if (options.signal?.aborted)
        onOuterAbort();
    const send = (url) => new Promise((resolve, reject) => {
        if (stopped)
            return reject(stopped);
        let req;
        try {
            req = request(url, { method: 'GET', headers: { 'accept-encoding': 'identity' } });
        }
        catch (cause) {
            return reject(cause);
        }
        inFlight = { request: req };
        // Kept for the request's whole life: a late socket error must not go unhandled.
        req.on('error', reject);
        req.once('response', (response) => {
            response.on('error', () => undefined); // reported through the body reader below
            inFlight.response = response;
            resolve(response);
        });
        req.end();
    });
    const where = (url) => `"${item.fileName}" from ${redactUrl(url)}`;
    const networkError = (url, cause) => {
        if (options.signal?.aborted)
            return new AttemptError(abortedError(item, url), false);
        if (timedOut) {
            return new AttemptError(new DownloadError(`Download of ${where(url)} timed out: no data for ${Math.round(timeoutMs / 1000)} s.`, 'network', { cause }), true);
        }
        const detail = cause instanceof Error ? scrub(describeCause(cause)) : 'unknown error';
        return new AttemptError(new DownloadError(`Download of ${where(url)} failed: ${detail}.`, 'network'), true);
    };
    let tempPath;
    let file;
    try {
        // 1. Request, following at most MAX_REDIRECTS redirects ourselves, to http(s) only.
        let url = startUrl;
        let response;
        for (let redirects = 0;; redirects++) {
            arm();
            try {
                response = await send(url);
            }
            catch (cause) {
                throw networkError(url, cause);
            }
            const status = response.statusCode ?? 0;
            if (status < 300 || status > 399 || status === 304)
                break;
            response.destroy();
            const location = header(response, 'location');
            if (!location) {
                throw new AttemptError(new DownloadError(`Download of ${where(url)} failed: HTTP ${status} redirect without a Location.`, 'redirect', { status }), false);
            }
            let next;
            try {
                next = new URL(location, url);
            }
            catch {
                throw new AttemptError(new DownloadError(`Download of ${where(url)} failed: redirect to an invalid URL.`, 'redirect'), false);
            }
            if (!isHttp(next)) {
                throw new AttemptError(new DownloadError(`Refused to follow the redirect of ${where(url)} to a ${next.protocol} URL; only http and https are fetched.`, 'scheme'), false);
            }
            if (redirects + 1 > MAX_REDIRECTS) {
                throw new AttemptError(new DownloadError(`Download of ${where(startUrl)} failed: more than ${MAX_REDIRECTS} redirects.`, 'redirect'), false);
            }
            url = next;
        }
        // 2. Status.
        const status = response.statusCode ?? 0;
        if (status === 403) {
            response.destroy();
            throw new ForbiddenError(new DownloadError(`Download of ${where(url)} failed: HTTP 403 (the signed URL may have expired; fetch the order again).`, 'http', {
                status: 403,
            }));
        }
        if (status < 200 || status > 299) {
            response.destroy();
            const retryable = status >= 500 || status === 429 || status === 408;
            throw new AttemptError(new DownloadError(`Download of ${where(url)} failed: HTTP ${status}.`, 'http', { status }), retryable, retryable ? parseRetryAfter(header(response, 'retry-after'), Date.now()) : undefined);
        }
        // 3. Announced size.
        const encoding = (header(response, 'content-encoding') ?? 'identity').trim().toLowerCase();
        const decoders = encoding === 'identity' ? [] : decodersFor(encoding);
        const contentLength = encoding !== 'identity' ? undefined : parseContentLength(header(response, 'content-length'));
        const tooLarge = () => new DownloadError(`Download of ${where(url)} refused: larger than max-download-size (${options.maxBytes} bytes). Raise max-download-size to accept it.`, 'too-large');
        if (contentLength !== undefined && contentLength > options.maxBytes) {
            response.destroy();
            throw new AttemptError(tooLarge(), false);
        }
        // 4. Stream to a temporary file next to the final one (same directory: rename is atomic).
        const contentType = header(response, 'content-type');
        const stem = truncateUtf8(item.fileName, TEMP_NAME_STEM_BYTES);
        tempPath = external_node_path_default().join(directory, `.${stem}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.part`);
        const cannotWrite = (cause) => new DownloadError(`Could not write "${item.fileName}" in ${directory}: ${describeFsError(cause)}.`, 'file', { cause });
        try {
            file = await (0,promises_.open)(tempPath, 'wx');
        }
        catch (cause) {
            response.destroy();
            throw new AttemptError(cannotWrite(cause), false);
        }
        const sink = new BodySink({
            fd: file.fd,
            maxBytes: options.maxBytes,
            tooLarge,
            writeFailed: cannotWrite,
            check: (head) => {
                const reason = checkContent(item.expect, head, contentType);
                return reason === undefined ? undefined : new DownloadError(`Download of ${where(url)} refused: ${reason}.`, 'content');
            },
        });
        let body = response;
        for (const decoder of decoders) {
            (0,external_node_stream_.pipeline)(body, decoder, () => undefined); // errors reach `body` below: pipeline destroys each stream with them
            body = decoder;
        }
        try {
            await new Promise((resolve, reject) => {
                let settled = false;
                const fail = (error) => {
                    if (settled)
                        return;
                    settled = true;
                    body.destroy();
                    response.destroy();
                    reject(error);
                };
                let sinceYield = 0;
                const resume = () => {
                    if (!settled)
                        body.resume();
                };
                body.on('data', (chunk) => {
                    if (settled)
                        return;
                    arm();
                    try {
                        sink.take(chunk);
                    }
                    catch (error) {
                        return fail(error);
                    }
                    // Let the rest of the event loop (status checks, small downloads) run between slices.
                    sinceYield += chunk.length;
                    if (sinceYield >= YIELD_EVERY_BYTES) {
                        sinceYield = 0;
                        body.pause();
                        setImmediate(resume);
                    }
                });
                body.once('end', () => {
                    if (settled)
                        return;
                    try {
                        sink.finish();
                    }
                    catch (error) {
                        return fail(error);
                    }
                    settled = true;
                    resolve();
                });
                body.on('error', fail);
                body.once('close', () => fail(stopped ?? new Error('the connection closed before the body ended')));
                // Ended (timeout, cancel, reset) while the file was being opened: no event will come.
                if (response.destroyed || body.destroyed)
                    fail(stopped ?? response.errored ?? new Error('the connection closed before the body ended'));
            });
        }
        catch (cause) {
            if (cause instanceof DownloadError)
                throw new AttemptError(cause, false);
            if (options.signal?.aborted)
                throw new AttemptError(abortedError(item, url), false);
            if (!timedOut && contentLength !== undefined && sink.bytes < contentLength) {
                throw new AttemptError(new DownloadError(`Download of ${where(url)} was cut short: received ${sink.bytes} of ${contentLength} bytes.`, 'truncated'), true);
            }
            throw networkError(url, cause);
        }
        if (timer)
            clearTimeout(timer);
        try {
            await file.close();
        }
        catch (cause) {
            throw new AttemptError(cannotWrite(cause), false);
        }
        finally {
            file = undefined;
        }
        // 5. Length checks.
        const bytes = sink.bytes;
        if (contentLength !== undefined && bytes !== contentLength) {
            throw new AttemptError(new DownloadError(`Download of ${where(url)} was cut short: received ${bytes} of ${contentLength} bytes (Content-Length).`, 'truncated'), bytes < contentLength);
        }
        if (item.expectedBytes !== undefined && bytes !== item.expectedBytes) {
            throw new AttemptError(new DownloadError(`Download of ${where(url)} has ${bytes} bytes but the order says the document has ${item.expectedBytes}.`, 'truncated'), bytes < item.expectedBytes);
        }
        // 6. Into place: never through a symlink, never outside the directory.
        let existing;
        try {
            existing = await (0,promises_.lstat)(finalPath);
        }
        catch (error) {
            if (error.code !== 'ENOENT')
                throw error;
        }
        if (existing?.isSymbolicLink()) {
            throw new AttemptError(new DownloadError(`Refused to save "${item.fileName}": ${finalPath} is a symbolic link.`, 'file'), false);
        }
        if (existing?.isDirectory()) {
            throw new AttemptError(new DownloadError(`Refused to save "${item.fileName}": ${finalPath} is a directory.`, 'file'), false);
        }
        await (0,promises_.rename)(tempPath, finalPath);
        tempPath = undefined;
        return { path: finalPath, bytes };
    }
    finally {
        if (timer)
            clearTimeout(timer);
        options.signal?.removeEventListener('abort', onOuterAbort);
        inFlight.response?.destroy();
        if (file)
            await file.close().catch(() => undefined);
        if (tempPath !== undefined)
            await (0,promises_.rm)(tempPath, { force: true }).catch(() => undefined);
    }
}
/** "socket hang up (ECONNRESET)": the error's (or its cause's) message, with its code when the message lacks it. */
function describeCause(error) {
    const cause = error.cause;
    const described = cause instanceof Error ? cause : error;
    const code = described.code;
    return code && !described.message.includes(code) ? `${described.message} (${code})` : described.message;
}
function describeFsError(error) {
    const errno = error;
    if (errno?.code)
        return `${errno.code}${errno.syscall ? ` (${errno.syscall})` : ''}`;
    return (0,error_message/* errorMessage */.g)(error);
}

;// CONCATENATED MODULE: ./src/download/order-outputs.ts
/**
 * Saving one finished order's outputs into `<output-dir>/<language>/`, and deciding when they
 * are all published. Each file is downloaded whole or not at all (downloader.ts); one order's
 * trouble is recorded on that order and never stops the others.
 */





/** What each order type is expected to produce, among the kinds a user can ask for. */
const PRODUCES = {
    cc: ['subtitles', 'vtt'],
    subtitle: ['subtitles', 'vtt'],
    aiDubbing: ['dubbing'],
    studioDubbing: ['dubbing'],
    document: ['documents'],
};
/** Ready when every kind the user asked for and the order type produces has at least one file. */
function outputsReadiness(order, kinds) {
    return unpublishedKinds(order, kinds).length === 0 ? 'ready' : 'not-yet';
}
/** Bytes the order's planned downloads announce (documents without a size count as 0). */
function plannedBytes(order, kinds) {
    return planDownloads(order, kinds).items.reduce((sum, item) => sum + (item.expectedBytes ?? 0), 0);
}
/** The kinds the user asked for and the order type produces that Ollang has not published yet. */
function unpublishedKinds(order, kinds) {
    const expected = (PRODUCES[order.type] ?? [...kinds]).filter((kind) => kinds.has(kind));
    if (expected.length === 0)
        return [];
    const plan = planDownloads(order, kinds);
    const published = new Set(plan.items.map((item) => item.kind));
    // Published with a URL the action refuses (file:, javascript:): waiting will not change that,
    // so the order is ready and the download step reports the refusal.
    if (plan.refused.some((refused) => refused.docType === 'vttUrl'))
        published.add('vtt');
    for (const doc of order.orderDocs) {
        const kind = classifyDoc(doc);
        if (doc.url && kind !== 'source' && kind !== 'ignore')
            published.add(kind);
    }
    return expected.filter((kind) => !published.has(kind));
}
function createOrderDownloader(deps) {
    const { settings, log } = deps;
    /** File names already used in each language folder this run (two orders can share a language). */
    const takenByFolder = new Map();
    return async (order, followed) => {
        const folderName = safeFileName(followed.language, { fallback: 'unknown-language' });
        const directory = external_node_path_default().join(settings.outputDir, folderName);
        const taken = takenByFolder.get(folderName) ?? new Set();
        takenByFolder.set(folderName, taken);
        const plan = planDownloads(order, settings.download);
        for (const refused of plan.refused) {
            log.warning(`Order ${order.id} (${followed.language}): not downloading ${refused.docType}: ${refused.reason}`);
        }
        const problems = plan.refused.map((r) => `${r.docType} refused: ${r.reason}`);
        // Downloading before everything was published happens only once the grace period is over:
        // whatever is still missing then is a missing file, never a quiet `completed`.
        const missing = unpublishedKinds(order, settings.download);
        if (missing.length > 0)
            problems.push(`Ollang published no ${missing.join(' or ')} output for it`);
        for (const planned of plan.items) {
            const item = { ...planned, fileName: uniqueFileName(planned.fileName, taken) };
            const started = deps.clock();
            try {
                const result = await downloadItem(item, {
                    directory,
                    maxBytes: settings.maxDownloadBytes,
                    sleep: deps.sleep,
                    ...(deps.signal ? { signal: deps.signal } : {}),
                    // Signed URLs expire: after a 403, ask Ollang for the order again.
                    refreshUrl: async () => freshUrl(await deps.client.getOrder(order.id), planned),
                });
                const relative = external_node_path_default().relative(settings.workspace, result.path).split((external_node_path_default()).sep).join('/');
                followed.files.push(relative);
                deps.onDownloaded?.(result.bytes, deps.clock() - started);
                log.info(`${followed.language}: saved ${relative} (${result.bytes} bytes)`);
            }
            catch (error) {
                const message = (0,error_message/* errorMessage */.g)(error);
                problems.push(`${item.fileName}: ${message}`);
                log.warning(`Order ${order.id} (${followed.language}): download of ${item.fileName} failed: ${message}`, {
                    title: `Download failed: ${followed.language}`,
                });
                if (deps.signal?.aborted)
                    break;
            }
        }
        if (problems.length > 0) {
            followed.state = 'failed';
            followed.problem = problems.join('; ');
        }
        else {
            followed.state = 'done';
        }
    };
}
/** The same document's URL in a freshly fetched order. */
function freshUrl(order, planned) {
    if (planned.docType === 'vttUrl')
        return order.vttUrl;
    const fresh = planDownloads(order, new Set([planned.kind])).items.find((item) => item.docType === planned.docType && item.fileName === planned.fileName);
    return fresh?.url;
}


/***/ })

};
