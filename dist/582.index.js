export const id = 582;
export const ids = [582,626];
export const modules = {

/***/ 21582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOrderDownloader: () => (/* binding */ createOrderDownloader),
  outputsReadiness: () => (/* binding */ outputsReadiness),
  plannedBytes: () => (/* binding */ plannedBytes)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/orders/followed.ts
var orders_followed = __webpack_require__(4609);
// EXTERNAL MODULE: ./src/download/file-names.ts
var file_names = __webpack_require__(60701);
;// CONCATENATED MODULE: ./src/download/plan.ts

/** Subtitle formats Ollang names (SRT, VTT, ASS, STL, SCC, DFXP, ITT) plus close relatives. */
const SUBTITLE_EXTENSIONS = new Set([...file_names/* SUBTITLE_EXTENSIONS */.In, 'sami', 'cap']);
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
const KNOWN_EXTENSIONS = new Set([...SUBTITLE_EXTENSIONS, ...VIDEO_EXTENSIONS, ...AUDIO_EXTENSIONS, ...DOCUMENT_EXTENSIONS]);
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
    const subtitleFile = (nameExt !== undefined && SUBTITLE_EXTENSIONS.has(nameExt)) || (urlExt !== undefined && SUBTITLE_EXTENSIONS.has(urlExt));
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
    const safe = (0,file_names/* safeFileName */.Tx)(name, { fallback: UNUSABLE });
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
            const format = (urlExt !== undefined && SUBTITLE_EXTENSIONS.has(urlExt) ? urlExt : undefined) ??
                (nameExt !== undefined && SUBTITLE_EXTENSIONS.has(nameExt) ? nameExt : undefined) ??
                subtitleExtFromType(normaliseType(doc.type));
            // No format anywhere: Ollang's subtitle deliverable is SRT, but the body is only checked as text.
            expect = format === undefined ? 'subtitle-text' : expectFor(format);
            const ext = format ?? 'srt';
            // Adds the extension when missing; replaces a different subtitle extension (the content decides).
            // Made safe first (an unusable name falls back), then the extension, then bounded again.
            fileName = (0,file_names/* safeFileName */.Tx)((0,file_names/* ensureExtension */.cL)((0,file_names/* safeFileName */.Tx)(rawName), `.${ext}`));
        }
        else {
            expect = 'binary';
            // The URL's extension, when it is a recognisable one, says what is served ("Dub" -> "Dub.mp3",
            // "French.srt" served as .mp4 -> "French.mp4"); an odd URL extension only fills a gap.
            const safe = (0,file_names/* safeFileName */.Tx)(rawName);
            let useUrlExt = false;
            if (urlExt !== undefined && urlExt !== nameExt && /^[a-z0-9]{1,5}$/.test(urlExt)) {
                useUrlExt = KNOWN_EXTENSIONS.has(urlExt) || nameExt === undefined || !KNOWN_EXTENSIONS.has(nameExt);
            }
            fileName = useUrlExt ? (0,file_names/* safeFileName */.Tx)((0,file_names/* ensureExtension */.cL)(safe, `.${urlExt}`)) : safe;
        }
        const item = { kind, url: doc.url, fileName: (0,file_names/* uniqueFileName */.Nd)(fileName, taken), expect, docType: doc.type };
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
            const fallback = (0,file_names/* safeFileName */.Tx)(`${order.id}.vtt`, { fallback: 'order.vtt' });
            const stem = usableName(order.name);
            const fileName = stem === undefined ? fallback : (0,file_names/* safeFileName */.Tx)((0,file_names/* ensureExtension */.cL)(stem, '.vtt'));
            items.push({ kind: 'vtt', url: order.vttUrl, fileName: (0,file_names/* uniqueFileName */.Nd)(fileName, taken), expect: 'vtt', docType: 'vttUrl' });
        }
    }
    return { items, refused };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/runtime.ts
var runtime = __webpack_require__(33683);
// EXTERNAL MODULE: ./src/http/transport.ts + 1 modules
var transport = __webpack_require__(21140);
// EXTERNAL MODULE: ./src/ollang/retry.ts
var ollang_retry = __webpack_require__(38801);
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

// EXTERNAL MODULE: ./src/download/errors.ts
var errors = __webpack_require__(40957);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/download/fetch.ts
/**
 * Fetching one document from its (signed) URL: a GET through the transport, redirects followed by
 * hand (at most 5, to http: and https: only; nothing but `Accept-Encoding` is ever sent to a file
 * host, never the API key), the answer's status turned into a DownloadError that says whether
 * another attempt could help, the announced size held against max-download-size, and the body
 * decoded when a host applies a Content-Encoding anyway.
 */




const MAX_REDIRECTS = 5;
/** `"fr.srt" from https://host/path`. */
function where(fileName, url) {
    return `"${fileName}" from ${(0,errors/* redactUrl */.BO)(url)}`;
}
/** GETs `start`, following redirects; resolves with a 2xx whose body has not been read yet. Throws DownloadError for an answer. */
async function fetchDocument(start, options) {
    const { fileName } = options;
    let url = start;
    for (let redirects = 0;; redirects++) {
        // Identity: a length to check against Content-Length, and no decoder in the hot path.
        const response = await options.transport({ method: 'GET', url, headers: { 'Accept-Encoding': 'identity' }, signal: options.signal });
        const status = response.status;
        if (status >= 200 && status <= 299)
            return checkLength(url, response, options);
        response.body.cancel();
        if (status < 300 || status > 399 || status === 304)
            throw statusError(url, response, options);
        const location = response.header('location');
        if (!location)
            throw new errors/* DownloadError */.nV(`Download of ${where(fileName, url)} failed: HTTP ${status} redirect without a Location.`, 'redirect', {
                status,
            });
        let next;
        try {
            next = new URL(location, url);
        }
        catch {
            throw new errors/* DownloadError */.nV(`Download of ${where(fileName, url)} failed: redirect to an invalid URL.`, 'redirect');
        }
        if (!(0,errors/* isHttp */.Zc)(next))
            throw new errors/* DownloadError */.nV(`Refused to follow the redirect of ${where(fileName, url)} to a ${next.protocol} URL; only http and https are fetched.`, 'scheme');
        if (redirects + 1 > MAX_REDIRECTS)
            throw new errors/* DownloadError */.nV(`Download of ${where(fileName, start)} failed: more than ${MAX_REDIRECTS} redirects.`, 'redirect');
        url = next;
    }
}
function checkLength(url, response, options) {
    const encoded = (response.header('content-encoding') ?? 'identity').trim().toLowerCase() !== 'identity';
    const length = encoded ? undefined : response.length;
    if (length !== undefined && length > options.maxBytes) {
        response.body.cancel();
        throw tooLarge(options.fileName, url, options.maxBytes);
    }
    return { url, response, ...(length !== undefined ? { length } : {}) };
}
function tooLarge(fileName, url, maxBytes) {
    return new errors/* DownloadError */.nV(`Download of ${where(fileName, url)} refused: larger than max-download-size (${maxBytes} bytes). Raise max-download-size to accept it.`, 'too-large');
}
/**
 * A non-2xx answer. 408, 429 and 5xx are transient (same URL, after any Retry-After). 400, 401,
 * 403, 404 and 410 are what object stores answer for an expired or revoked signature, or a
 * document not in place yet: Get Order gives a fresh URL. Anything else no attempt will change.
 */
function statusError(url, response, options) {
    const status = response.status;
    const retry = status === 408 || status === 429 || status >= 500 ? 'same-url' : [400, 401, 403, 404, 410].includes(status) ? 'fresh-url' : 'no';
    const hint = retry === 'fresh-url' ? ' (the signed URL may have expired: the order is fetched again for a fresh one)' : '';
    const retryAfterMs = retry === 'same-url' ? (0,ollang_retry/* parseRetryAfter */.mu)(response.header('retry-after'), options.now()) : undefined;
    return new errors/* DownloadError */.nV(`Download of ${where(options.fileName, url)} failed: HTTP ${status}${hint}.`, 'http', {
        status,
        retry,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
}
/**
 * Hands the body to `onChunk` piece by piece (views, valid during the call), decoded when the host
 * applied a Content-Encoding (gzip, x-gzip, deflate, br, zstd; an unknown one is saved as sent).
 * A compressed body that ends early is an error, never a shorter file: the decoders are left at
 * their default end-of-input check (`finishFlush`), which fetch's lenient settings turned off.
 */
async function readBody(fetched, fileName, onChunk) {
    const encoding = (fetched.response.header('content-encoding') ?? 'identity').trim().toLowerCase();
    const decoders = encoding === 'identity' ? [] : decodersFor(encoding);
    if (decoders.length === 0)
        return fetched.response.body.read(onChunk);
    const first = decoders[0];
    const last = decoders.at(-1);
    const decoded = new Promise((resolve, reject) => {
        for (const decoder of decoders)
            decoder.once('error', reject);
        last.once('end', resolve);
    });
    for (let i = 0; i + 1 < decoders.length; i++)
        decoders[i].pipe(decoders[i + 1]);
    last.on('data', (chunk) => {
        let result;
        try {
            result = onChunk(chunk);
        }
        catch (error) {
            last.destroy(error);
            return;
        }
        if (result) {
            last.pause();
            result.then(() => last.resume(), (error) => last.destroy(error));
        }
    });
    try {
        await fetched.response.body.read(async (chunk) => {
            // The read buffer is reused once this returns: the decoder gets a copy.
            if (!first.write(Buffer.from(chunk)))
                await Promise.race([(0,external_node_events_.once)(first, 'drain'), decoded]);
        });
        first.end();
        await decoded;
    }
    catch (error) {
        for (const decoder of decoders)
            decoder.destroy();
        if (error instanceof errors/* DownloadError */.nV || !isDecoderError(error))
            throw error;
        throw new errors/* DownloadError */.nV(`Download of ${where(fileName, fetched.url)} failed: its ${encoding} body is corrupt or cut short (${error.message}).`, 'truncated', { retry: 'fresh-url', cause: error });
    }
}
/** Decoders for a Content-Encoding, in the order to apply them; none for an unknown coding. */
function decodersFor(encoding) {
    const decoders = [];
    for (const coding of encoding
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== '' && c !== 'identity')
        .reverse()) {
        if (coding === 'gzip' || coding === 'x-gzip')
            decoders.push(external_node_zlib_default().createGunzip());
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
/** zlib's codes: Z_BUF_ERROR (cut short), Z_DATA_ERROR, ERR__ERROR_FORMAT_… (brotli), ZSTD_error_… */
function isDecoderError(error) {
    const code = error?.code;
    return typeof code === 'string' && /^(Z_|ZSTD_|ERR__ERROR)/.test(code);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/download/sink.ts
/**
 * Where a download's body goes: counts the bytes, refuses a body that grows past
 * max-download-size, holds back the first CONTENT_CHECK_BYTES until content-check.ts has passed
 * them (a refused body is never written), and writes the rest to the temporary file as it comes.
 *
 * Each piece is written at once with writeSync (docs/benchmarks.md): it is a view of the
 * transport's read buffer (at most 64 KiB), reused as soon as this returns, and a page-cache
 * write of that size takes microseconds, far less than a hand-off to the threadpool (fs.write, a
 * WriteStream). While it runs the socket is not read: that is the back-pressure, with no queue.
 */


class BodySink {
    /** Bytes received so far. */
    bytes = 0;
    #options;
    /** The first bytes, until checked; then undefined. */
    #head = Buffer.allocUnsafe(CONTENT_CHECK_BYTES);
    #headBytes = 0;
    constructor(options) {
        this.#options = options;
    }
    /** Throws DownloadError (too large, refused content, write failure). */
    take(chunk) {
        this.bytes += chunk.length;
        if (this.bytes > this.#options.maxBytes)
            throw this.#options.tooLarge();
        let offset = 0;
        if (this.#head) {
            offset = chunk.copy(this.#head, this.#headBytes, 0, Math.min(chunk.length, this.#head.length - this.#headBytes));
            this.#headBytes += offset;
            if (this.#headBytes < this.#head.length)
                return;
            this.#releaseHead();
        }
        if (offset < chunk.length)
            this.#write(offset === 0 ? chunk : chunk.subarray(offset));
    }
    /** The body ended: checks and writes a body shorter than the held-back head. */
    finish() {
        if (this.#head)
            this.#releaseHead();
    }
    #releaseHead() {
        const head = this.#head.subarray(0, this.#headBytes);
        this.#head = undefined;
        const refused = this.#options.check(head);
        if (refused)
            throw refused;
        this.#write(head);
    }
    #write(data) {
        try {
            for (let written = 0; written < data.length;)
                written += (0,external_node_fs_.writeSync)(this.#options.fd, data, written, data.length - written);
        }
        catch (cause) {
            throw this.#options.writeFailed(cause);
        }
    }
}

// EXTERNAL MODULE: ./src/download/target.ts
var target = __webpack_require__(83587);
// EXTERNAL MODULE: ./src/download/temp-files.ts
var temp_files = __webpack_require__(45626);
;// CONCATENATED MODULE: ./src/download/watchdog.ts
const DEADLINE_GRACE_MS = 10_000;
const DEFAULT_IDLE_MS = 60_000;
class Watchdog {
    idleMs;
    #options;
    #lastDataAt;
    #received = 0;
    #bodyStartedAt;
    #length;
    #graceGiven = false;
    #cancelIdle = () => undefined;
    #cancelDeadline = () => undefined;
    constructor(options) {
        this.#options = options;
        this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
        this.#lastDataAt = options.clock();
        this.#armIdle(this.idleMs);
        if (options.deadline !== undefined)
            this.#armDeadline(options.deadline - options.clock());
    }
    /** The answer is in: the body starts now, `length` bytes long if known. */
    bodyStarted(length) {
        this.#bodyStartedAt = this.#lastDataAt = this.#options.clock();
        this.#length = length;
    }
    received(bytes) {
        this.#received += bytes;
        this.#lastDataAt = this.#options.clock();
    }
    stop() {
        this.#cancelIdle();
        this.#cancelDeadline();
    }
    #armIdle(ms) {
        this.#cancelIdle = this.#options.setTimer(ms, () => {
            // One timer per quiet spell, not one per piece: a piece only moves #lastDataAt.
            const quiet = this.#options.clock() - this.#lastDataAt;
            if (quiet >= this.idleMs)
                this.#stop('idle');
            else
                this.#armIdle(this.idleMs - quiet);
        });
    }
    #armDeadline(ms) {
        this.#cancelDeadline = this.#options.setTimer(ms, () => {
            const end = this.#options.deadline + DEADLINE_GRACE_MS;
            if (!this.#graceGiven && this.#onCourse(end)) {
                this.#graceGiven = true;
                this.#armDeadline(end - this.#options.clock());
            }
            else
                this.#stop('deadline');
        });
    }
    /** Will the rest of the body arrive by `until` at the rate it has come so far? */
    #onCourse(until) {
        const now = this.#options.clock();
        if (this.#length === undefined || this.#bodyStartedAt === undefined || this.#received === 0)
            return false;
        const rate = this.#received / Math.max(1, now - this.#bodyStartedAt);
        return (this.#length - this.#received) / rate <= until - now;
    }
    #stop(why) {
        this.stop();
        this.#options.onStop(why);
    }
}

;// CONCATENATED MODULE: ./src/download/downloader.ts
/**
 * Downloads one planned document into place, whole or not at all. The parts:
 *
 *   fetch.ts       the GET: redirects (at most 5, http(s) only), status, announced size, Content-Encoding
 *   sink.ts        counts the bytes, checks the first ones (content-check.ts), writes them
 *   target.ts      where the file goes: a plain name, folders inside the workspace, rename into place
 *   temp-files.ts  the temporary names, and the record the post step cleans up after a kill
 *   watchdog.ts    stops an attempt that goes quiet, or runs into the `timeout` deadline
 *
 * and here, the attempts (docs/reliability.md, "Downloads"). A failed attempt is retried with retry.ts's backoff for as long
 * as the deadline leaves time (downloads are reads, like the API's), after fetching the order again
 * when the failure says the URL may be stale or the body was wrong; only a failure that no attempt
 * can fix (too large, a refused scheme, a file-system refusal) ends it early.
 */













/**
 * A download pauses after this many bytes until the event loop's next turn: the body is written
 * on the event loop (sink.ts), and a few large downloads at once would otherwise hold up status
 * checks and small downloads for tens of milliseconds.
 */
const YIELD_EVERY_BYTES = 512 * 1024;
/** Downloads `item` into `options.directory`. Throws DownloadError, and leaves no file behind, on failure. */
async function downloadItem(item, options) {
    const finalPath = (0,target/* targetPath */.Bd)(options.directory, item.fileName);
    let source = checkedSource(item.fileName, { url: item.url, ...(item.expectedBytes !== undefined ? { expectedBytes: item.expectedBytes } : {}) }, options, 'the URL');
    await (0,target/* prepareFolder */.G8)(options.workspace, options.directory, item.fileName);
    const run = {
        item,
        finalPath,
        options,
        transport: options.transport ?? transport/* nodeTransport */._3,
        clock: options.clock ?? runtime/* realClock */.dQ,
        setTimer: options.setTimer ?? runtime/* realSetTimer */.cT,
        temp: options.temp ?? new temp_files.TempFiles({ workspace: options.workspace }),
    };
    // With a deadline, only the deadline ends the attempts (a failure worth retrying is retried while time is left).
    const policy = (0,ollang_retry/* resolvePolicy */.nZ)({ ...(options.deadline !== undefined ? { maxAttempts: Number.POSITIVE_INFINITY } : {}), ...options.retry });
    let failed;
    const attemptAndNote = async (count) => {
        // The wait ran into the deadline: what went wrong is the last attempt's failure, not the deadline.
        if (failed && options.deadline !== undefined && run.clock() >= options.deadline)
            throw gaveUp(failed, count - 1, true);
        try {
            return await attempt(run, source);
        }
        catch (error) {
            // The deadline stopped an attempt that had not a byte of the body yet (a connect, an answer
            // slow to come): what went wrong is still the earlier attempts' failure, as when the deadline
            // comes during the wait between attempts. An attempt under way (a host that trickles) is `deadline`.
            if (error instanceof errors/* DownloadError */.nV && error.reason === 'deadline' && error.bodyStarted !== true && failed) {
                throw gaveUp(failed, count - 1, true);
            }
            if (error instanceof errors/* DownloadError */.nV)
                failed = error;
            throw error;
        }
    };
    return (0,ollang_retry/* withRetries */.LH)(attemptAndNote, {
        policy,
        clock: run.clock,
        sleep: options.sleep ?? runtime/* realSleep */.uk,
        random: options.random ?? Math.random,
        deadline: () => options.deadline,
        ...(options.signal ? { signal: options.signal } : {}),
        retryable: (error) => error instanceof errors/* DownloadError */.nV && error.retry !== 'no',
        retryAfterMs: (error) => error.retryAfterMs,
        aborted: () => abortedError(item.fileName, source.url),
        beforeRetry: async (error) => {
            if (error.retry === 'fresh-url' && options.refresh)
                source = await refreshed(run, source, options.refresh);
        },
        exhausted: (error, attempts) => gaveUp(error, attempts, options.deadline !== undefined),
    });
}
/** A document's URL and size, checked: http(s) only, no larger than max-download-size by its announced size. */
function checkedSource(fileName, document, options, what) {
    let url;
    try {
        url = new URL(document.url);
    }
    catch {
        throw new errors/* DownloadError */.nV(`Refused to download "${fileName}": ${what} is not valid.`, 'scheme');
    }
    if (!(0,errors/* isHttp */.Zc)(url))
        throw new errors/* DownloadError */.nV(`Refused to download "${fileName}": only http and https URLs are fetched, not ${url.protocol}`, 'scheme');
    if (document.expectedBytes !== undefined && document.expectedBytes > options.maxBytes) {
        throw new errors/* DownloadError */.nV(`Refused to download "${fileName}" from ${(0,errors/* redactUrl */.BO)(url)}: the order says it has ${document.expectedBytes} bytes, more than max-download-size (${options.maxBytes} bytes). Raise max-download-size to accept it.`, 'too-large');
    }
    return { url, ...(document.expectedBytes !== undefined ? { expectedBytes: document.expectedBytes } : {}) };
}
/**
 * The document as Ollang lists it now, asked for within the deadline. A failed look-up keeps the
 * URL we have: the next attempt, if the deadline leaves time for one, will tell.
 */
async function refreshed(run, source, refresh) {
    const { fileName } = run.item;
    const { deadline } = run.options;
    const atDeadline = new AbortController();
    const cancelTimer = deadline === undefined
        ? () => undefined
        : run.setTimer(deadline - run.clock(), () => atDeadline.abort(new DOMException('the deadline came', 'TimeoutError')));
    const signal = run.options.signal ? AbortSignal.any([run.options.signal, atDeadline.signal]) : atDeadline.signal;
    let fresh;
    try {
        fresh = await refresh(signal);
    }
    catch {
        if (run.options.signal?.aborted)
            throw abortedError(fileName, source.url);
        return source;
    }
    finally {
        cancelTimer();
    }
    if (!fresh)
        throw new errors/* DownloadError */.nV(`Download of ${where(fileName, source.url)} failed: the order no longer lists the document.`, 'gone');
    return checkedSource(fileName, fresh, run.options, 'the refreshed URL');
}
/** One attempt: fetch, stream to a temporary file, check, rename into place. */
async function attempt(run, source) {
    const { item, options, clock } = run;
    const { fileName } = item;
    if (options.signal?.aborted)
        throw abortedError(fileName, source.url);
    if (options.deadline !== undefined && clock() >= options.deadline)
        throw deadlineError(fileName, source.url, 0, undefined);
    const stop = new AbortController();
    const watchdog = new Watchdog({
        clock,
        setTimer: run.setTimer,
        ...(options.idleTimeoutMs !== undefined ? { idleMs: options.idleTimeoutMs } : {}),
        ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
        onStop: (why) => stop.abort(why),
    });
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    let url = source.url;
    let fetched;
    let sink;
    let tempPath;
    let file;
    const failed = (error) => classify(error, {
        fileName,
        url,
        received: sink?.bytes ?? 0,
        length: fetched?.length,
        aborted: options.signal?.aborted === true,
        stopped: stop.signal.aborted ? stop.signal.reason : undefined,
        idleMs: watchdog.idleMs,
    });
    try {
        try {
            fetched = await fetchDocument(source.url, { transport: run.transport, signal, maxBytes: options.maxBytes, fileName, now: clock });
        }
        catch (error) {
            throw failed(error);
        }
        url = fetched.url;
        watchdog.bodyStarted(fetched.length);
        tempPath = run.temp.pathFor(options.directory, fileName);
        try {
            // Checked before every write, not only before the first request: a retry may come minutes later.
            await (0,target/* prepareFolder */.G8)(options.workspace, options.directory, fileName);
            file = await (0,promises_.open)(tempPath, 'wx');
        }
        catch (error) {
            fetched.response.body.cancel();
            throw error instanceof errors/* DownloadError */.nV ? error : (0,target/* fileError */.zS)(fileName, tempPath, error);
        }
        const contentType = fetched.response.header('content-type');
        const writing = tempPath;
        const body = new BodySink({
            fd: file.fd,
            maxBytes: options.maxBytes,
            tooLarge: () => tooLarge(fileName, url, options.maxBytes),
            writeFailed: (cause) => (0,target/* fileError */.zS)(fileName, writing, cause),
            check: (head) => {
                const reason = checkContent(item.expect, head, contentType);
                return reason === undefined
                    ? undefined
                    : new errors/* DownloadError */.nV(`Download of ${where(fileName, url)} refused: ${reason}.`, 'content', { retry: 'fresh-url' });
            },
        });
        sink = body;
        let sinceYield = 0;
        try {
            await readBody(fetched, fileName, (chunk) => {
                watchdog.received(chunk.length);
                body.take(chunk);
                sinceYield += chunk.length;
                if (sinceYield < YIELD_EVERY_BYTES)
                    return;
                // Let the rest of the event loop (status checks, small downloads) run between slices.
                sinceYield = 0;
                return new Promise((resolve) => setImmediate(resolve));
            });
            body.finish();
        }
        catch (error) {
            throw failed(error);
        }
        watchdog.stop();
        try {
            await file.close();
        }
        catch (error) {
            throw (0,target/* fileError */.zS)(fileName, writing, error);
        }
        finally {
            file = undefined;
        }
        const bytes = body.bytes;
        if (fetched.length !== undefined && bytes !== fetched.length) {
            throw new errors/* DownloadError */.nV(`Download of ${where(fileName, url)} was cut short: received ${bytes} of ${fetched.length} bytes.`, 'truncated', {
                retry: 'same-url',
            });
        }
        if (source.expectedBytes !== undefined && bytes !== source.expectedBytes) {
            throw new errors/* DownloadError */.nV(`Download of ${where(fileName, url)} has ${bytes} bytes but the order says the document has ${source.expectedBytes}.`, 'truncated', { retry: 'fresh-url' });
        }
        // And once more just before the file lands: the folder may have been swapped while the body came.
        await (0,target/* prepareFolder */.G8)(options.workspace, options.directory, fileName);
        await (0,target/* moveIntoPlace */.hU)(writing, run.finalPath, fileName);
        tempPath = undefined;
        return { path: run.finalPath, bytes };
    }
    finally {
        watchdog.stop();
        if (file)
            await file.close().catch(() => undefined);
        if (tempPath !== undefined)
            await (0,promises_.rm)(tempPath, { force: true }).catch(() => undefined);
    }
}
/** What an exchange threw, as a DownloadError that says whether another attempt could help. */
function classify(error, at) {
    if (error instanceof errors/* DownloadError */.nV)
        return error;
    if (at.aborted)
        return abortedError(at.fileName, at.url);
    if (at.stopped === 'deadline')
        return deadlineError(at.fileName, at.url, at.received, at.length);
    const what = where(at.fileName, at.url);
    if (at.stopped === 'idle')
        return new errors/* DownloadError */.nV(`Download of ${what} timed out: no data for ${Math.round(at.idleMs / 1000)} s.`, 'network', {
            retry: 'same-url',
        });
    if ((0,transport/* failureCode */.AD)(error) === 'ERR_HTTP_CUT_SHORT' && at.length !== undefined)
        return new errors/* DownloadError */.nV(`Download of ${what} was cut short: received ${at.received} of ${at.length} bytes.`, 'truncated', {
            retry: 'same-url',
        });
    return new errors/* DownloadError */.nV(`Download of ${what} failed: ${(0,errors/* scrubQuery */.EL)((0,transport/* describeFailure */.Ic)(error))}.`, 'network', {
        retry: 'same-url',
        cause: error,
    });
}
function abortedError(fileName, url) {
    return new errors/* DownloadError */.nV(`Download of ${where(fileName, url)} was cancelled.`, 'aborted');
}
function deadlineError(fileName, url, received, length) {
    const progress = received === 0 ? 'before any byte came' : `after ${received}${length !== undefined ? ` of ${length}` : ''} bytes`;
    return new errors/* DownloadError */.nV(`Download of ${where(fileName, url)} was stopped at the deadline (timeout) ${progress}; nothing was saved.`, 'deadline', { bodyStarted: received > 0 });
}
/** The last failure of a download that had no attempt left, saying so. */
function gaveUp(error, attempts, hadDeadline) {
    const why = hadDeadline ? 'the timeout leaves no time for another' : 'no attempts left';
    return new errors/* DownloadError */.nV(`${error.message} Gave up after ${attempts} attempt(s): ${why}.`, error.reason, {
        ...(error.status !== undefined ? { status: error.status } : {}),
        cause: error,
    });
}

// EXTERNAL MODULE: ./src/download/output-path.ts
var output_path = __webpack_require__(91087);
// EXTERNAL MODULE: ./src/orders/scope.ts
var scope = __webpack_require__(57273);
// EXTERNAL MODULE: ./src/error-message.ts
var error_message = __webpack_require__(86587);
;// CONCATENATED MODULE: ./src/download/order-outputs.ts
/**
 * Saving one finished order's outputs where `output-path` says (output-path.ts: by default
 * `<output-dir>/<language>/<name>.<ext>`, or with media `<media-dir>/<media-name>.<language>.<ext>`),
 * and deciding when they are all published. Each file is downloaded whole or not at all, to a
 * temporary name renamed over an earlier run's file only once whole (downloader.ts); one order's
 * trouble is recorded on that order and never stops the others. With media, an order serving
 * several files of one content saves its outputs beside each of them, and only orders of the
 * requested order-type are downloaded (a child order's files would compete for the same names).
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
    const temp = new temp_files.TempFiles({ workspace: settings.workspace, ...(deps.recordTempFolders ? { save: deps.recordTempFolders } : {}) });
    const planner = new output_path/* OutputPathPlanner */.J4({
        template: settings.outputPath,
        workspace: settings.workspace,
        ...(deps.mediaFiles ? { mediaFiles: deps.mediaFiles } : {}),
        ...(deps.outputSuffixes ? { suffixes: deps.outputSuffixes } : {}),
        warn: (message) => log.warning(message, { title: 'Output path taken' }),
    });
    const asGiven = new Map(settings.targetLanguages.map((language) => [(0,scope/* languageKey */.Y2)(language), language]));
    return async (order, followed) => {
        // Only orders of the requested type are downloaded (unless given by ID): a child order of another
        // type is followed, reported and cancelled, but each language's files come from its own order.
        if (settings.orderIds.length === 0 && order.type !== settings.orderType) {
            log.info(`Order ${order.id} (${followed.language}, ${followed.type}) came with the ${settings.orderType} orders: its files are not downloaded.`);
            (0,orders_followed/* finishDownload */.Gb)(followed, [], deps.clock());
            return;
        }
        // {language} as written in target-languages (Ollang may spell it in another letter case).
        const language = asGiven.get((0,scope/* languageKey */.Y2)(followed.language)) ?? followed.language;
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
        let stoppedAtDeadline = false;
        const targets = followed.media && followed.media.length > 0 ? followed.media : [undefined];
        for (const [planned, media] of plan.items.flatMap((item) => targets.map((m) => [item, m]))) {
            const started = deps.clock();
            let item = planned;
            try {
                const where = planner.plan({
                    ...(0,output_path/* nameAndExtension */.mc)(planned.fileName),
                    language,
                    outputDir: settings.outputDirRelative,
                    orderId: order.id,
                    ...(media !== undefined ? (0,output_path/* mediaValues */.de)(media) : {}),
                }, `order ${order.id} (${language}) ${planned.fileName}`);
                item = { ...planned, fileName: external_node_path_default().basename(where.absolutePath) };
                const result = await downloadItem(item, {
                    directory: external_node_path_default().dirname(where.absolutePath),
                    workspace: settings.workspace,
                    maxBytes: settings.maxDownloadBytes,
                    temp,
                    clock: deps.clock,
                    sleep: deps.sleep,
                    ...(deps.transport ? { transport: deps.transport } : {}),
                    ...(deps.signal ? { signal: deps.signal } : {}),
                    ...(deps.deadline !== undefined ? { deadline: deps.deadline } : {}),
                    // Signed URLs expire, and a wrong body may be fixed by a new one: ask Ollang for the order
                    // again, within the downloads' deadline (`signal` aborts there, or with the run).
                    refresh: async (signal) => freshDocument(await deps.client.getOrder(order.id, { signal, ...(deps.deadline !== undefined ? { deadline: deps.deadline } : {}) }), planned),
                });
                const relative = external_node_path_default().relative(settings.workspace, result.path).split((external_node_path_default()).sep).join('/');
                (0,orders_followed/* recordFile */.mR)(followed, relative, media);
                deps.onDownloaded?.(result.bytes, deps.clock() - started);
                log.info(`${followed.language}: saved ${relative} (${result.bytes} bytes)`);
            }
            catch (error) {
                const message = (0,error_message/* errorMessage */.g)(error);
                if (error instanceof errors/* DownloadError */.nV && error.reason === 'deadline')
                    stoppedAtDeadline = true;
                problems.push(`${item.fileName}: ${message}`);
                log.warning(`Order ${order.id} (${followed.language}): download of ${item.fileName} failed: ${message}`, {
                    title: `Download failed: ${followed.language}`,
                });
                if (deps.signal?.aborted)
                    break;
            }
        }
        if (!stoppedAtDeadline && problems.length === 0 && followed.files.length === 0)
            reportNothingDownloaded(order, followed, settings.download, log);
        if (stoppedAtDeadline)
            (0,orders_followed/* downloadCutOff */.iA)(followed, problems, deps.clock());
        else
            (0,orders_followed/* finishDownload */.Gb)(followed, problems, deps.clock());
    };
}
/**
 * A finished order none of whose outputs was downloaded (the `download` kinds are not what its
 * type delivers) is never a quiet success: a warning names the order and what it had. With
 * `download: none`, asked for, it is said without a warning.
 */
function reportNothingDownloaded(order, followed, kinds, log) {
    const had = [];
    for (const doc of order.orderDocs) {
        const kind = classifyDoc(doc);
        if (!doc.url || kind === 'source')
            continue;
        had.push(`${doc.name ?? doc.type} (${kind === 'ignore' ? doc.type : kind})`);
    }
    if (order.vttUrl)
        had.push('a WebVTT file (vtt)');
    const what = `Order ${order.id} (${followed.language}, ${order.type}) finished, but none of its outputs was downloaded`;
    const asked = kinds.size === 0 ? 'download: none' : `download: ${[...kinds].join(', ')}`;
    const outputs = had.length > 0 ? `it had ${had.join(', ')}` : 'Ollang published no output for it';
    if (kinds.size === 0) {
        log.info(`${what} (${asked}); ${outputs}.`);
        return;
    }
    const advice = 'Set download to auto (what the order type delivers) or to the kinds it has.';
    log.warning(`${what}: ${asked}, and ${outputs}. ${advice}`, { title: `Nothing downloaded: ${followed.language}` });
    (0,orders_followed/* noteNothingDownloaded */.L2)(followed, `finished, but none of its outputs was downloaded: ${asked}, and ${outputs}. ${advice}`);
}
/** The same document in a freshly fetched order: its new signed URL and size. */
function freshDocument(order, planned) {
    if (planned.docType === 'vttUrl')
        return order.vttUrl ? { url: order.vttUrl } : undefined;
    const fresh = planDownloads(order, new Set([planned.kind])).items.find((item) => item.docType === planned.docType && item.fileName === planned.fileName);
    if (!fresh)
        return undefined;
    return { url: fresh.url, ...(fresh.expectedBytes !== undefined ? { expectedBytes: fresh.expectedBytes } : {}) };
}


/***/ }),

/***/ 45626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TempFiles: () => (/* binding */ TempFiles),
/* harmony export */   removeLeftoverTempFiles: () => (/* binding */ removeLeftoverTempFiles)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86587);
/* harmony import */ var _file_names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60701);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83587);
/**
 * The temporary files of this run's downloads: `.<file name>.<run token>-<n>.part`, beside their
 * target (a rename into place is atomic only within one folder) and there only while being
 * written: each download removes its own, whatever happens to it.
 *
 * Except after a SIGKILL, which skips every cleanup: the `.part` files would stay in the language
 * folders, and a later `git add` would commit them. So the folders they are put in are saved for
 * the post step, with the token that tells this run's temporary files from anything else, the
 * moment the first one is created there; the post step removes what is left.
 */






/** Leaves room for the leading dot, the token, the counter and `.part` within a 255-byte file name. */
const NAME_STEM_BYTES = 200;
class TempFiles {
    #token;
    #workspace;
    #save;
    #folders = new Set();
    #count = 0;
    /** `save` keeps the record where the post step finds it (state.ts); the token defaults to a random one. */
    constructor(options) {
        this.#workspace = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(options.workspace);
        this.#save = options.save ?? (() => undefined);
        this.#token = options.token ?? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex');
    }
    /** A new temporary path for `fileName` in `folder`; the folder is saved for the post step before the path is returned. */
    pathFor(folder, fileName) {
        const absolute = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(folder);
        if (!this.#folders.has(absolute)) {
            this.#folders.add(absolute);
            const saved = { token: this.#token, workspace: this.#workspace, folders: [...this.#folders] };
            this.#save(JSON.stringify(saved));
        }
        this.#count += 1;
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(absolute, `.${(0,_file_names_js__WEBPACK_IMPORTED_MODULE_3__/* .cutBytes */ .Uw)(fileName, NAME_STEM_BYTES)}.${this.#token}-${this.#count}.part`);
    }
}
/**
 * The post step: removes the temporary files a killed main left in the folders it saved. Only
 * regular files with this run's token, only in folders still inside the workspace. Never throws.
 */
async function removeLeftoverTempFiles(savedText, log) {
    const saved = parseSaved(savedText);
    if (!saved)
        return;
    const pattern = new RegExp(`^\\..*\\.${saved.token}-\\d+\\.part$`, 's');
    const removed = [];
    try {
        const workspace = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(saved.workspace);
        for (const folder of saved.folders) {
            let real;
            try {
                real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(folder);
            }
            catch {
                continue; // gone: nothing left in it
            }
            if (!(0,_target_js__WEBPACK_IMPORTED_MODULE_4__/* .inside */ .nx)(workspace, real))
                continue;
            for (const name of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(real)) {
                if (!pattern.test(name))
                    continue;
                const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(real, name);
                if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(file)).isFile())
                    continue;
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
                removed.push(node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(workspace, file));
            }
        }
    }
    catch (error) {
        log.warning(`Could not remove the temporary download files a stopped run left behind: ${(0,_error_message_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .g)(error)}`);
    }
    if (removed.length > 0)
        log.info(`Removed ${removed.length} temporary download file(s) the stopped run left behind: ${removed.join(', ')}.`);
}
function parseSaved(text) {
    if (!text)
        return undefined;
    try {
        const value = JSON.parse(text);
        if (!value || typeof value.token !== 'string' || !/^[0-9a-f]{8,32}$/.test(value.token))
            return undefined;
        if (typeof value.workspace !== 'string' || !node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(value.workspace) || !Array.isArray(value.folders))
            return undefined;
        const folders = value.folders.filter((f) => typeof f === 'string' && node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(f));
        return { token: value.token, workspace: value.workspace, folders };
    }
    catch {
        return undefined;
    }
}


/***/ })

};
