export const id = 825;
export const ids = [825];
export const modules = {

/***/ 701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   In: () => (/* binding */ SUBTITLE_EXTENSIONS),
/* harmony export */   Nd: () => (/* binding */ uniqueFileName),
/* harmony export */   Tx: () => (/* binding */ safeFileName),
/* harmony export */   cL: () => (/* binding */ ensureExtension)
/* harmony export */ });
/* unused harmony export splitExtension */
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
    'srt', 'vtt', 'webvtt', 'ass', 'ssa', 'stl', 'scc', 'dfxp', 'ttml', 'itt', 'sbv', 'sub', 'smi',
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


/***/ }),

/***/ 9825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ classifyDoc),
/* harmony export */   planDownloads: () => (/* binding */ planDownloads)
/* harmony export */ });
/* harmony import */ var _file_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(701);

/** Subtitle formats Ollang names (SRT, VTT, ASS, STL, SCC, DFXP, ITT) plus close relatives. */
const SUBTITLE_EXTENSIONS = new Set([..._file_names_js__WEBPACK_IMPORTED_MODULE_0__/* .SUBTITLE_EXTENSIONS */ .In, 'sami', 'cap']);
const VIDEO_EXTENSIONS = new Set(['mp4', 'm4v', 'mov', 'mkv', 'webm', 'avi', 'wmv', 'mxf', 'mpg', 'mpeg', 'ts', 'm2ts', 'flv', '3gp']);
const AUDIO_EXTENSIONS = new Set(['mp3', 'wav', 'aac', 'm4a', 'flac', 'ogg', 'opus', 'wma', 'aif', 'aiff']);
const DOCUMENT_EXTENSIONS = new Set(['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'txt', 'rtf', 'csv', 'json', 'xml', 'xliff', 'xlf', 'zip', 'html', 'md', 'png', 'jpg', 'jpeg']);
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
        const segment = parsed.pathname.split('/').filter((part) => part !== '').pop();
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
    const safe = (0,_file_names_js__WEBPACK_IMPORTED_MODULE_0__/* .safeFileName */ .Tx)(name, { fallback: UNUSABLE });
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
            fileName = (0,_file_names_js__WEBPACK_IMPORTED_MODULE_0__/* .safeFileName */ .Tx)((0,_file_names_js__WEBPACK_IMPORTED_MODULE_0__/* .ensureExtension */ .cL)((0,_file_names_js__WEBPACK_IMPORTED_MODULE_0__/* .safeFileName */ .Tx)(rawName), `.${ext}`));
        }
        else {
            expect = 'binary';
            // The URL's extension, when it is a recognisable one, says what is served ("Dub" -> "Dub.mp3",
            // "French.srt" served as .mp4 -> "French.mp4"); an odd URL extension only fills a gap.
            const safe = (0,_file_names_js__WEBPACK_IMPORTED_MODULE_0__/* .safeFileName */ .Tx)(rawName);
            let useUrlExt = false;
            if (urlExt !== undefined && urlExt !== nameExt && /^[a-z0-9]{1,5}$/.test(urlExt)) {
                useUrlExt = KNOWN_EXTENSIONS.has(urlExt) || nameExt === undefined || !KNOWN_EXTENSIONS.has(nameExt);
            }
            fileName = useUrlExt ? (0,_file_names_js__WEBPACK_IMPORTED_MODULE_0__/* .safeFileName */ .Tx)((0,_file_names_js__WEBPACK_IMPORTED_MODULE_0__/* .ensureExtension */ .cL)(safe, `.${urlExt}`)) : safe;
        }
        const item = { kind, url: doc.url, fileName: (0,_file_names_js__WEBPACK_IMPORTED_MODULE_0__/* .uniqueFileName */ .Nd)(fileName, taken), expect, docType: doc.type };
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
            const fallback = (0,_file_names_js__WEBPACK_IMPORTED_MODULE_0__/* .safeFileName */ .Tx)(`${order.id}.vtt`, { fallback: 'order.vtt' });
            const stem = usableName(order.name);
            const fileName = stem === undefined ? fallback : (0,_file_names_js__WEBPACK_IMPORTED_MODULE_0__/* .safeFileName */ .Tx)((0,_file_names_js__WEBPACK_IMPORTED_MODULE_0__/* .ensureExtension */ .cL)(stem, '.vtt'));
            items.push({ kind: 'vtt', url: order.vttUrl, fileName: (0,_file_names_js__WEBPACK_IMPORTED_MODULE_0__/* .uniqueFileName */ .Nd)(fileName, taken), expect: 'vtt', docType: 'vttUrl' });
        }
    }
    return { items, refused };
}


/***/ })

};
