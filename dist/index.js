import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 30105:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ countAnnotations),
/* harmony export */   S: () => (/* binding */ ANNOTATIONS_PER_STEP)
/* harmony export */ });
/** Annotations GitHub shows per step and kind. */
const ANNOTATIONS_PER_STEP = 10;
/** `log`, counting each annotation it writes in `written`. */
function countAnnotations(log) {
    const written = { error: 0, warning: 0, notice: 0 };
    return {
        written,
        log: {
            debug: (message) => log.debug(message),
            info: (message) => log.info(message),
            notice: (message, properties) => {
                written.notice++;
                log.notice(message, properties);
            },
            warning: (message, properties) => {
                written.warning++;
                log.warning(message, properties);
            },
            error: (message, properties) => {
                written.error++;
                log.error(message, properties);
            },
            group: (name, fn) => log.group(name, fn),
        },
    };
}


/***/ }),

/***/ 40957:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   EL: () => (/* binding */ scrubQuery),
/* harmony export */   Zc: () => (/* binding */ isHttp),
/* harmony export */   nV: () => (/* binding */ DownloadError)
/* harmony export */ });
/**
 * DownloadError: why one document was not saved, and whether another attempt could change that.
 * Signed URLs are credentials: messages show origin and path only, never the query string.
 */
class DownloadError extends Error {
    reason;
    retry;
    status;
    retryAfterMs;
    /** Reason `deadline`: whether a byte of the body had come when the deadline stopped the attempt. */
    bodyStarted;
    constructor(message, reason, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'DownloadError';
        this.reason = reason;
        this.retry = options.retry ?? 'no';
        if (options.status !== undefined)
            this.status = options.status;
        if (options.retryAfterMs !== undefined)
            this.retryAfterMs = options.retryAfterMs;
        if (options.bodyStarted !== undefined)
            this.bodyStarted = options.bodyStarted;
    }
}
/** `https://host/path` of a URL: never its query string or fragment. */
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
/** Strips anything that looks like a query string from free text (e.g. a socket error's message). */
function scrubQuery(text) {
    return text.replace(/\?[^\s'"<>)]*/g, '?…');
}
function isHttp(url) {
    return url.protocol === 'http:' || url.protocol === 'https:';
}


/***/ }),

/***/ 60701:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   In: () => (/* binding */ SUBTITLE_EXTENSIONS),
/* harmony export */   Nd: () => (/* binding */ uniqueFileName),
/* harmony export */   Tx: () => (/* binding */ safeFileName),
/* harmony export */   Uw: () => (/* binding */ cutBytes),
/* harmony export */   cL: () => (/* binding */ ensureExtension),
/* harmony export */   y2: () => (/* binding */ splitExtension)
/* harmony export */ });
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
 * - is not a Windows device name (CON, PRN, AUX, NUL, CONIN$, CONOUT$, COM0..9, LPT0..9, with any extension);
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
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(?=[\s.]|$)/iu;
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
/** The longest start of `text` that fits in `budget` UTF-8 bytes, cut at a code point boundary. */
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


/***/ }),

/***/ 91087:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I6: () => (/* binding */ parseOutputPath),
/* harmony export */   J4: () => (/* binding */ OutputPathPlanner),
/* harmony export */   X5: () => (/* binding */ outputsAmongMedia),
/* harmony export */   XN: () => (/* binding */ extensionProblem),
/* harmony export */   de: () => (/* binding */ mediaValues),
/* harmony export */   mc: () => (/* binding */ nameAndExtension),
/* harmony export */   n9: () => (/* binding */ outputSuffixes),
/* harmony export */   s0: () => (/* binding */ checkOutputPaths)
/* harmony export */ });
/* unused harmony exports DEFAULT_OUTPUT_PATH_WITH_MEDIA, DEFAULT_OUTPUT_PATH, renderOutputPath */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(64149);
/* harmony import */ var _media_formats_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(25728);
/* harmony import */ var _file_names_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(60701);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(83587);
/**
 * The `output-path` input: a template for each downloaded file's path, relative to the workspace
 * (see docs/architecture.md, "Media from the repository"). Placeholders:
 *
 *   {language}    the target language code as given in target-languages
 *   {ext}         the file's extension without the dot (srt, vtt, mp3, …)
 *   {name}        the file's own name from Ollang, made safe, without its extension
 *   {output-dir}  the output-dir input (a whole folder of the path)
 *   {media-dir}   the media file's folder, workspace-relative, `.` at the root (a whole folder; only with media)
 *   {media-name}  the media file's name without its extension (only with media)
 *   {order-id}    the order's ID
 *
 * Defaults: `{media-dir}/{media-name}.{language}.{ext}` with media (beside the video, where web
 * players and site generators look: videos/intro.fr.vtt), `{output-dir}/{language}/{name}.{ext}`
 * without (the v1 layout).
 *
 * Parsing reports every problem of the template at once as an InputError naming `output-path`.
 * Rendering makes every value a safe file name (file-names.ts) before it goes in, and keeps the
 * result inside the workspace. A path segment has room for 200 bytes: the fixed parts (the text
 * of the template, `{language}`, `{ext}`, `{order-id}`) are counted first, and only the names
 * (`{name}`, `{media-name}`) are shortened to fit, so a long media name never costs a file its
 * language. The planner never hands out a media file's path nor one path twice in a run: the
 * later file gets " (2)" before its extension, and a warning. Media files whose outputs would
 * share paths (`intro.mov` and `intro.mp4` beside each other) are told apart before anything is
 * downloaded by outputSuffixes, from the files on disk: each one's outputs carry its extension,
 * " (mp4)", the same whichever files are in the run.
 *
 * Before any request, checkOutputPaths renders every media file's paths once, and
 * outputsAmongMedia tells which matched media files are the action's own outputs (a dubbed
 * `videos/intro.fr.mp4` beside `videos/intro.mp4`), which must not be localized in turn.
 *
 * What this module cannot see is checked when the file is written (src/download/downloader.ts):
 * no existing folder on the way from the workspace to the file may be a symbolic link (each
 * segment lstat'ed, missing ones created one at a time), the file itself must not be one, and
 * it is written to a temporary name in its folder and renamed over the old file only once whole.
 */






const PLACEHOLDERS = ['language', 'ext', 'name', 'output-dir', 'media-dir', 'media-name', 'order-id'];
/** Placeholders that stand for folders: each must be a whole segment of the path. */
const FOLDER_PLACEHOLDERS = new Set(['output-dir', 'media-dir']);
const DEFAULT_OUTPUT_PATH_WITH_MEDIA = '{media-dir}/{media-name}.{language}.{ext}';
const DEFAULT_OUTPUT_PATH = '{output-dir}/{language}/{name}.{ext}';
/** A path segment's room, in UTF-8 bytes (most file systems allow 255). */
const SEGMENT_BYTES = 200;
/** The least a shortened name keeps. */
const MIN_NAME_BYTES = 16;
/** Placeholders whose values may be shortened to fit (names); the others are kept whole. */
const SHORTENED = new Set(['name', 'media-name']);
/** Parses and checks `text` (empty: the default for `hasMedia`); every problem in one InputError. */
function parseOutputPath(text, options) {
    const template = text.trim() === '' ? (options.hasMedia ? DEFAULT_OUTPUT_PATH_WITH_MEDIA : DEFAULT_OUTPUT_PATH) : text.trim();
    const problems = [];
    if (/\p{Cc}/u.test(template))
        problems.push('contains control characters');
    if (template.startsWith('/') || template.startsWith('\\') || /^[A-Za-z]:/.test(template))
        problems.push('is an absolute path: it must be relative to the workspace');
    if (template.startsWith('~'))
        problems.push("starts with '~', which is not expanded to a home folder");
    if (template.includes('\\'))
        problems.push('contains a backslash: separate folders with /');
    if (template.endsWith('/'))
        problems.push('ends with /: the last part is the file name');
    const segments = [];
    const seen = new Set();
    for (const raw of template.split('/')) {
        if (raw === '' || raw === '.')
            continue;
        if (raw === '..') {
            problems.push('goes up with `..`: files must stay inside the workspace');
            continue;
        }
        if (raw.toLowerCase() === '.git')
            problems.push('writes into .git');
        const tokens = [];
        const pattern = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
        for (const match of raw.matchAll(pattern)) {
            if (match[3] !== undefined) {
                problems.push(`has an unmatched '${match[3]}' in ${quote(raw)}`);
            }
            else if (match[2] !== undefined) {
                tokens.push({ literal: match[2] });
            }
            else {
                const name = match[1];
                const placeholder = PLACEHOLDERS.find((p) => p === name);
                if (placeholder === undefined) {
                    problems.push(`has an unknown placeholder {${name}}`);
                    continue;
                }
                seen.add(placeholder);
                if (FOLDER_PLACEHOLDERS.has(placeholder) && raw !== `{${placeholder}}`) {
                    problems.push(`{${placeholder}} must be a whole folder of the path, between slashes (as in {${placeholder}}/…)`);
                }
                tokens.push({ placeholder });
            }
        }
        segments.push(tokens);
    }
    const last = segments.at(-1);
    if (last !== undefined && last.length === 1 && 'placeholder' in last[0] && FOLDER_PLACEHOLDERS.has(last[0].placeholder)) {
        problems.push(`ends with {${last[0].placeholder}}: the last part is the file name`);
    }
    if (segments.length === 0)
        problems.push('names no file');
    if (!seen.has('language'))
        problems.push('has no {language}: the files of different languages would overwrite each other');
    const usesMedia = seen.has('media-dir') || seen.has('media-name');
    if (usesMedia && !options.hasMedia)
        problems.push('uses {media-dir} or {media-name}, which exist only with the media input');
    if (problems.length > 0) {
        const accepted = `a path relative to the workspace made of folders and placeholders ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}, with {language} in it, such as ${DEFAULT_OUTPUT_PATH_WITH_MEDIA} or ${DEFAULT_OUTPUT_PATH}`;
        const head = problems.length === 1
            ? `${quote(template)} ${problems[0]}`
            : `${quote(template)} has ${problems.length} problems: ${problems.join('; ')}`;
        throw new _inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz([{ input: 'output-path', message: `Input 'output-path': ${head}. Accepted: ${accepted}.` }]);
    }
    return { text: template, segments, usesMedia };
}
/** The extensions a fixed one may be, for each kind of download (documents: whatever Ollang sends). */
const FIXED_EXTENSIONS = {
    subtitles: new Set(['srt']),
    vtt: new Set(['vtt']),
    dubbing: new Set(['mp3', 'mp4', 'wav', 'm4a', 'aac', 'ogg', 'flac', 'mov', 'mkv', 'webm']),
    documents: undefined,
};
/**
 * Why a template without `{ext}` cannot hold what `download` takes, or undefined: with more
 * than one kind of file, one fixed extension (or none) would be a lie for some of them (SRT text
 * saved as `intro.fr.vtt`, the real VTT pushed to `intro.fr (2).vtt`); with one kind, a fixed
 * extension must be that kind's.
 */
function extensionProblem(template, download) {
    const last = template.segments.at(-1) ?? [];
    if (template.segments.some((tokens) => tokens.some((t) => 'placeholder' in t && t.placeholder === 'ext')))
        return undefined;
    const tail = last.at(-1);
    const fixed = tail !== undefined && 'literal' in tail && /\.([^.]+)$/u.test(tail.literal) ? /\.([^.]+)$/u.exec(tail.literal)[1].toLowerCase() : '';
    const kinds = [...download];
    if (kinds.length > 1) {
        return `${quote(template.text)} has no {ext}, and download takes ${kinds.join(', ')}: files of different formats would be saved under ${fixed === '' ? 'no extension' : `.${fixed}`}. Put {ext} where the extension goes (such as {media-dir}/{media-name}.{language}.{ext}), or set download to one kind`;
    }
    const allowed = kinds[0] === undefined ? undefined : FIXED_EXTENSIONS[kinds[0]];
    if (fixed !== '' && allowed !== undefined && !allowed.has(fixed)) {
        return `${quote(template.text)} saves ${kinds[0]} files as .${fixed}, which they are not. Put {ext} where the extension goes`;
    }
    return undefined;
}
/**
 * The workspace-relative path (`/`-separated) of one file. Each value is made a safe file name
 * before it goes in; `{output-dir}` and `{media-dir}` are kept as folders, each of their parts
 * checked. Throws when the result would leave the workspace or a value is unusable.
 */
function renderOutputPath(template, values) {
    const parts = [];
    const last = template.segments.length - 1;
    template.segments.forEach((tokens, index) => {
        const only = tokens.length === 1 ? tokens[0] : undefined;
        if (only !== undefined && 'placeholder' in only && FOLDER_PLACEHOLDERS.has(only.placeholder)) {
            const folder = only.placeholder === 'output-dir' ? values.outputDir : values.mediaDir;
            if (folder === undefined)
                throw new Error(`output-path: {${only.placeholder}} has no value for this file`);
            for (const part of folder.split('/')) {
                if (part === '' || part === '.')
                    continue;
                if (part === '..' || part.toLowerCase() === '.git' || /\p{Cc}/u.test(part) || part.includes('\\')) {
                    throw new Error(`output-path: {${only.placeholder}} ${quote(folder)} cannot be used as a folder inside the workspace`);
                }
                parts.push(part);
            }
            return;
        }
        const segment = renderSegment(tokens, values);
        parts.push(index === last ? (0,_file_names_js__WEBPACK_IMPORTED_MODULE_4__/* .safeFileName */ .Tx)(segment, { fallback: 'file' }) : segment);
    });
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.normalize(parts.join('/'));
    if (!isInside(relative))
        throw new Error(`output-path: ${quote(relative)} is outside the workspace`);
    return relative;
}
/**
 * One segment: the fixed values and the template's text first, then the names in the room left
 * (each shortened in proportion to its length when they do not fit).
 */
function renderSegment(tokens, values) {
    const rendered = tokens.map((token) => ('literal' in token ? token.literal : valueOf(token.placeholder, values)));
    const shortened = tokens.map((token) => 'placeholder' in token && SHORTENED.has(token.placeholder));
    const bytes = (text) => Buffer.byteLength(text, 'utf8');
    const fixed = rendered.reduce((sum, text, i) => sum + (shortened[i] ? 0 : bytes(text)), 0);
    const names = rendered.reduce((sum, text, i) => sum + (shortened[i] ? bytes(text) : 0), 0);
    const room = Math.max(MIN_NAME_BYTES, SEGMENT_BYTES - fixed);
    if (names <= room)
        return rendered.join('');
    return rendered
        .map((text, i) => {
        if (!shortened[i])
            return text;
        const share = Math.max(1, Math.floor((bytes(text) / names) * room));
        return (0,_file_names_js__WEBPACK_IMPORTED_MODULE_4__/* .cutBytes */ .Uw)(text, share).replace(/[\s.]+$/u, '') || (0,_file_names_js__WEBPACK_IMPORTED_MODULE_4__/* .cutBytes */ .Uw)(text, share);
    })
        .join('');
}
function valueOf(placeholder, values) {
    const safe = (text, fallback) => (0,_file_names_js__WEBPACK_IMPORTED_MODULE_4__/* .safeFileName */ .Tx)(text ?? '', { fallback });
    switch (placeholder) {
        case 'language':
            return safe(values.language, 'language');
        case 'ext': {
            // No extension: nothing (the file name's trailing dot then goes, as safeFileName drops it).
            const ext = values.ext.replace(/^\.+/, '');
            return ext === '' ? '' : safe(ext, 'bin');
        }
        case 'name':
            return safe(values.name, 'file');
        case 'order-id':
            return safe(values.orderId, 'order');
        case 'media-name':
            if (values.mediaName === undefined)
                throw new Error('output-path: {media-name} has no value for this file');
            return safe(values.mediaName, 'media');
        case 'output-dir':
        case 'media-dir':
            // Whole-folder placeholders are handled by renderOutputPath (parse guarantees it).
            throw new Error(`output-path: {${placeholder}} must be a whole folder`);
    }
}
/**
 * Hands out the output paths of one run: never a media file's path, never one path twice
 * (ignoring letter case, as macOS and Windows runners do): the later file gets " (2)", " (3)", …
 * before its extension, and a warning. A media file in `suffixes` (outputSuffixes: its outputs
 * would share paths with another media file's) has its outputs carry its own suffix, " (mp4)",
 * whichever files are in the run.
 */
class OutputPathPlanner {
    #template;
    #workspace;
    #warn;
    /** Lower-cased folder -> lower-cased names taken in it (uniqueFileName's set). */
    #taken = new Map();
    #media = new Set();
    /** Media file -> the suffix its outputs carry. */
    #suffixes;
    constructor(options) {
        this.#template = options.template;
        this.#workspace = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(options.workspace);
        this.#warn = options.warn;
        this.#suffixes = options.suffixes ?? new Map();
        for (const media of options.mediaFiles ?? []) {
            const normal = node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.normalize(media);
            this.#media.add(key(normal));
            this.#names(node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.dirname(normal)).add(key(node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.basename(normal)));
        }
    }
    /** The path for one file; `what` names it in a warning (such as "order 65f… (fr) German Subtitles.srt"). */
    plan(values, what) {
        let wanted = renderOutputPath(this.#template, values);
        const suffix = values.media === undefined ? undefined : this.#suffixes.get(values.media);
        if (suffix !== undefined)
            wanted = withSuffix(wanted, suffix);
        const folder = node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.dirname(wanted);
        const name = node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.basename(wanted);
        const given = (0,_file_names_js__WEBPACK_IMPORTED_MODULE_4__/* .uniqueFileName */ .Nd)(name, this.#names(folder));
        const relative = given === name ? wanted : folder === '.' ? given : `${folder}/${given}`;
        if (given !== name) {
            const why = this.#media.has(key(wanted)) ? 'is a media file' : 'is taken by another file of this run';
            this.#warn(`output-path: ${what} would be saved as ${wanted}, which ${why}: saved as ${relative} instead.`);
        }
        const absolutePath = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(this.#workspace, ...relative.split('/'));
        if (!isInside(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(this.#workspace, absolutePath).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/')))
            throw new Error(`output-path: ${quote(relative)} is outside the workspace`);
        return { path: relative, absolutePath };
    }
    #names(folder) {
        const k = key(folder);
        let names = this.#taken.get(k);
        if (names === undefined) {
            names = new Set();
            this.#taken.set(k, names);
        }
        return names;
    }
}
/**
 * Which media files' outputs carry a suffix, and what it is: a media file whose outputs would
 * share paths with another's (`videos/intro.mov` and `videos/intro.mp4` under the default
 * template) gets its own extension, " (mov)" and " (mp4)", judged from the run's files and the
 * rival files beside them on disk (video and audio rival each other, documents rival documents:
 * a thumbnail or a caption file beside a video does not move its subtitles). The suffix depends
 * only on the files on disk, never on which of them are in the run, so a run over one changed
 * file writes where an earlier run over the whole folder did, and never on another file's path.
 * Files the extension does not tell apart (`Intro.mp4` and `intro.mp4`; `a/intro.mp4` and
 * `b/intro.mp4` under a template without {media-dir}) are problems, named before any request.
 */
async function outputSuffixes(template, options) {
    const suffixes = new Map();
    const problems = [];
    if (options.media.length === 0)
        return { suffixes, problems };
    const workspace = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(options.workspace);
    const inRun = new Set(options.media);
    const candidates = new Set(options.media);
    const folders = new Set(options.media.map((m) => node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.dirname(m)));
    for (const folder of folders) {
        const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, ...folder.split('/').filter((p) => p !== '.')), { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
            if (!entry.isFile())
                continue;
            const sibling = folder === '.' ? entry.name : `${folder}/${entry.name}`;
            if ((0,_media_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .formatOf */ .be)(sibling) === undefined || candidates.has(sibling))
                continue;
            // A sibling counts only against run files of its own family (video and audio; documents).
            const family = familyOf(sibling);
            if (options.media.some((m) => node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.dirname(m) === folder && familyOf(m) === family))
                candidates.add(sibling);
        }
    }
    const clashes = new Map();
    for (const language of options.languages) {
        const byShape = new Map();
        for (const media of candidates) {
            const shape = key(targetShape(template, { media, language }, options.outputDir));
            // {order-id} tells every order's files apart.
            if (shape.includes(ANY_ORDER))
                continue;
            byShape.set(shape, [...(byShape.get(shape) ?? []), media]);
        }
        for (const group of byShape.values()) {
            if (group.length < 2 || !group.some((m) => inRun.has(m)))
                continue;
            for (const media of group)
                clashes.set(media, new Set([...(clashes.get(media) ?? []), ...group.filter((m) => m !== media)]));
        }
    }
    const reported = new Set();
    for (const [media, rivals] of clashes) {
        if (!inRun.has(media))
            continue;
        const suffix = (0,_media_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .extensionOf */ .je)(media);
        const alike = [...rivals].filter((rival) => (0,_media_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .extensionOf */ .je)(rival) === suffix);
        if (suffix === '' || alike.length > 0) {
            const pair = [media, ...alike].sort(compare);
            if (!reported.has(pair.join('\u0000'))) {
                reported.add(pair.join('\u0000'));
                problems.push(`${pair.join(' and ')} would have their outputs saved at the same paths: rename one, or put what tells them apart ({media-dir}, {media-name}) in output-path`);
            }
            continue;
        }
        suffixes.set(media, suffix);
    }
    return { suffixes, problems };
}
/** Video and audio rival each other for output paths; documents rival documents. */
function familyOf(file) {
    const kind = (0,_media_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .formatOf */ .be)(file)?.kind;
    return kind === undefined ? undefined : kind === 'document' ? 'document' : 'media';
}
/** Sentinels for the values only a download knows: a target's paths all share this shape. */
const ANY_NAME = '\u0000name\u0000';
const ANY_EXT = '\u0000ext\u0000';
const ANY_ORDER = '\u0000order\u0000';
const OPEN_VALUE = new RegExp(`(${[ANY_NAME, ANY_EXT, ANY_ORDER].join('|')})`, 'u');
/** The target's path with {name}, {ext} and {order-id} left open (sentinels). */
function targetShape(template, target, outputDir) {
    const media = target.media === undefined ? undefined : mediaValues(target.media);
    const values = { language: target.language, ext: 'x', name: 'x', outputDir, orderId: 'x', ...(media ?? {}) };
    return template.segments
        .map((tokens) => tokens
        .map((token) => {
        if ('literal' in token)
            return token.literal;
        switch (token.placeholder) {
            case 'name':
                return ANY_NAME;
            case 'ext':
                return ANY_EXT;
            case 'order-id':
                return ANY_ORDER;
            case 'output-dir':
                return values.outputDir;
            case 'media-dir':
                return values.mediaDir ?? '';
            default:
                return valueOf(token.placeholder, values);
        }
    })
        .join(''))
        .join('/');
}
/** {media-dir} and {media-name} of a media file. */
function mediaValues(media) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.dirname(media);
    const [name] = (0,_file_names_js__WEBPACK_IMPORTED_MODULE_4__/* .splitExtension */ .y2)(node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.basename(media));
    return { media, mediaDir: dir, mediaName: name };
}
/**
 * The matched media files that are this run's own outputs (another media file's path for one of
 * `languages`, whatever its name, extension or order: a dubbed `intro.fr.mp4`, a subtitle under a
 * broad glob), each with the media file and language it is the output of.
 */
function outputsAmongMedia(template, media, languages, outputDir) {
    const patterns = [];
    for (const source of media) {
        for (const language of languages) {
            const shape = targetShape(template, { media: source, language }, outputDir);
            const pattern = shape
                .split(OPEN_VALUE)
                .map((piece) => (piece === ANY_NAME || piece === ANY_EXT || piece === ANY_ORDER ? '[^/]+' : escapeRegExp(piece)))
                .join('');
            patterns.push({ regex: new RegExp(`^${pattern}$`, 'u'), media: source, language });
        }
    }
    const found = new Map();
    for (const candidate of media) {
        // A numbered or suffixed output ("intro.fr (2).vtt", "intro.fr (mp4).vtt") is the same output.
        const plain = candidate.replace(/ \([^()/]+\)(\.[^./]*)?$/u, '$1');
        const hit = patterns.find((p) => p.media !== candidate && (p.regex.test(candidate) || p.regex.test(plain)));
        if (hit !== undefined)
            found.set(candidate, { media: hit.media, language: hit.language });
    }
    return found;
}
/**
 * Renders every media file's output paths (or, without media, each language's) once, before any
 * request, and looks at the folders on the way that exist already: one that is a symbolic link
 * leading out of the workspace or into `.git`, or a file where a folder must be, is a problem named now rather
 * than a paid order whose file cannot be saved. Returns the problems (empty when none).
 */
async function checkOutputPaths(template, options) {
    const workspace = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(options.workspace);
    const realWorkspace = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(workspace).catch(() => workspace);
    const problems = [];
    const seenFolders = new Map();
    const targets = (options.media ?? [undefined]).flatMap((media) => options.languages.map((language) => ({ ...(media !== undefined ? { media } : {}), language })));
    for (const target of targets) {
        const label = target.media === undefined ? target.language : `${target.media} (${target.language})`;
        let relative;
        try {
            relative = renderOutputPath(template, {
                language: target.language,
                ext: 'vtt',
                name: 'subtitles',
                orderId: 'order',
                outputDir: options.outputDir,
                ...(target.media !== undefined ? mediaValues(target.media) : {}),
            });
        }
        catch (error) {
            problems.push(`${label}: ${error.message.replace(/^output-path: /, '')}`);
            continue;
        }
        const folders = relative.split('/').slice(0, -1);
        for (let i = 1; i <= folders.length; i++) {
            const folder = folders.slice(0, i).join('/');
            if (!seenFolders.has(folder))
                seenFolders.set(folder, await folderProblem(workspace, realWorkspace, folder));
            const problem = seenFolders.get(folder);
            if (problem !== undefined) {
                problems.push(`${label}: ${problem}`);
                break;
            }
        }
    }
    return [...new Set(problems)];
}
/** Why an existing folder on the way cannot hold outputs, or undefined (missing folders are made later). */
async function folderProblem(workspace, realWorkspace, folder) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, ...folder.split('/'));
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(absolute).catch(() => undefined);
    if (info === undefined)
        return undefined;
    if (info.isSymbolicLink()) {
        const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(absolute).catch(() => undefined);
        if (real === undefined)
            return `the folder ${folder} is a symbolic link that leads nowhere`;
        const inside = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(realWorkspace, real);
        if (!isInside(inside.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/')) && inside !== '')
            return `the folder ${folder} is a symbolic link to a place outside the workspace`;
        if ((0,_target_js__WEBPACK_IMPORTED_MODULE_5__/* .inGitFolder */ .Kv)(realWorkspace, real))
            return `the folder ${folder} is a symbolic link into .git`;
        return undefined;
    }
    if (!info.isDirectory())
        return `${folder} is a file, not a folder`;
    return undefined;
}
/** "videos/intro.fr.vtt" -> "videos/intro.fr (mp4).vtt" */
function withSuffix(relative, suffix) {
    const folder = node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.dirname(relative);
    const [stem, extension] = (0,_file_names_js__WEBPACK_IMPORTED_MODULE_4__/* .splitExtension */ .y2)(node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.basename(relative));
    const name = `${stem} (${suffix})${extension}`;
    return folder === '.' ? name : `${folder}/${name}`;
}
/** A workspace-relative, `/`-separated path that stays inside (`..cache/x` does; `..` and `../x` do not). */
function isInside(relative) {
    return relative !== '' && relative !== '..' && !relative.startsWith('../') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.isAbsolute(relative);
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** `{name}` and `{ext}` of a downloaded file name: "German Subtitles.srt" -> ["German Subtitles", "srt"]. */
function nameAndExtension(fileName) {
    const [stem, extension] = (0,_file_names_js__WEBPACK_IMPORTED_MODULE_4__/* .splitExtension */ .y2)(fileName);
    return { name: stem, ext: extension.replace(/^\./, '') };
}
function key(text) {
    return text.normalize('NFC').toLowerCase();
}
function quote(text) {
    return JSON.stringify(text.length > 120 ? `${text.slice(0, 119)}…` : text);
}


/***/ }),

/***/ 83587:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ targetPath),
/* harmony export */   G8: () => (/* binding */ prepareFolder),
/* harmony export */   Kv: () => (/* binding */ inGitFolder),
/* harmony export */   hU: () => (/* binding */ moveIntoPlace),
/* harmony export */   nx: () => (/* binding */ inside),
/* harmony export */   zS: () => (/* binding */ fileError)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(86587);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(40957);
/**
 * Where a downloaded file goes, and getting it there without writing anywhere else:
 * - its name is a plain file name inside its folder;
 * - every folder on the way from the workspace that already exists is checked, symlinks resolved:
 *   a folder (or a link to one) that leads outside the workspace, or into `.git`, is refused
 *   before anything is written; the folders still missing are then created, and the result checked again;
 * - the body goes to a temporary file beside the target (temp-files.ts), renamed into place only
 *   once whole: never through a symlink, never over a folder.
 */




/** The absolute path of `fileName` in `directory`; throws when it is not a plain name there. */
function targetPath(directory, fileName) {
    const folder = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(directory);
    const finalPath = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(folder, fileName);
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(folder, finalPath);
    if (fileName === '' ||
        fileName === '.' ||
        fileName === '..' ||
        /[/\\\0]/.test(fileName) ||
        relative === '' ||
        !inside(folder, finalPath) ||
        relative.includes((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DownloadError */ .nV(`Refused to save "${fileName}": the name is not a plain file name inside ${folder}.`, 'file');
    }
    return finalPath;
}
/** Makes `directory` exist inside `workspace`, refusing a way there that leaves the workspace (symlinks resolved). */
async function prepareFolder(workspace, directory, fileName) {
    const root = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace);
    const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(directory);
    const refuse = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DownloadError */ .nV(`Refused to save "${fileName}": ${why}.`, 'file');
    if (!inside(root, target))
        throw refuse(`${target} is outside the workspace`);
    try {
        const realRoot = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(root);
        let current = root;
        for (const part of node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, target).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).filter(Boolean)) {
            current = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(current, part);
            let stat;
            try {
                stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(current);
            }
            catch (error) {
                if (error.code === 'ENOENT')
                    break; // the rest is created below
                throw error;
            }
            if (stat.isSymbolicLink()) {
                let real;
                try {
                    real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(current);
                }
                catch {
                    throw refuse(`${current} is a symbolic link that leads nowhere`);
                }
                if (!inside(realRoot, real))
                    throw refuse(`${current} is a symbolic link to ${real}, outside the workspace`);
                if (inGitFolder(realRoot, real))
                    throw refuse(`${current} is a symbolic link into .git`);
            }
            else if (!stat.isDirectory()) {
                throw refuse(`${current} is not a folder`);
            }
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(target, { recursive: true });
        // Once more now that it exists: a link made meanwhile must not lead the file outside either.
        const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(target);
        if (!inside(realRoot, real))
            throw refuse(`${target} leads to ${real}, outside the workspace`);
        if (inGitFolder(realRoot, real))
            throw refuse(`${target} leads into .git`);
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DownloadError */ .nV)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DownloadError */ .nV(`Could not create the folder ${target} for "${fileName}": ${describeFsError(error)}.`, 'file', {
            cause: error,
        });
    }
}
/** Renames the whole temporary file over `finalPath`, unless that is a symlink or a folder. */
async function moveIntoPlace(tempPath, finalPath, fileName) {
    let existing;
    try {
        existing = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(finalPath);
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw fileError(fileName, finalPath, error);
    }
    if (existing?.isSymbolicLink())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DownloadError */ .nV(`Refused to save "${fileName}": ${finalPath} is a symbolic link.`, 'file');
    if (existing?.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DownloadError */ .nV(`Refused to save "${fileName}": ${finalPath} is a directory.`, 'file');
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(tempPath, finalPath);
    }
    catch (error) {
        throw fileError(fileName, finalPath, error);
    }
}
function fileError(fileName, where, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DownloadError */ .nV(`Could not write "${fileName}" in ${node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(where)}: ${describeFsError(cause)}.`, 'file', { cause });
}
function inside(root, candidate) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, candidate);
    return relative !== '..' && !relative.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative);
}
/** Whether `real` (a real path inside `realRoot`, the real workspace) is in a `.git` folder: outputs never go there. */
function inGitFolder(realRoot, real) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(realRoot, real)
        .split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep))
        .some((part) => part.toLowerCase() === '.git');
}
/** "EACCES (open)": a file-system error's code and call, or its message. */
function describeFsError(error) {
    const errno = error;
    if (errno?.code)
        return `${errno.code}${errno.syscall ? ` (${errno.syscall})` : ''}`;
    return (0,_error_message_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .g)(error);
}


/***/ }),

/***/ 77607:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   N2: () => (/* binding */ DurationError),
/* harmony export */   YY: () => (/* binding */ approximately),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony export MAX_DURATION_MS */
/**
 * Durations as users write them in `timeout` and `poll-interval`.
 *
 * Grammar (units are case-insensitive, whitespace between parts is allowed):
 *   duration := number                  a bare number is seconds: "90", "1.5"
 *             | part+                   "500ms", "90s", "45m", "2h", "1d", "1h30m", "1h 30m 15s"
 *   part     := number unit
 *   number   := digits [ "." digits ] | "." digits
 *   unit     := ms | s | m | h | d      (also sec/secs/second(s), min/mins/minute(s), hr/hrs/hour(s), day(s))
 * Each unit may appear once, largest first. The result is rounded to whole milliseconds and must be
 * between 0 and 7 days.
 */
const MAX_DURATION_MS = 7 * 24 * 60 * 60 * 1000;
const MS_PER = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
};
const UNIT_ALIASES = {
    ms: 'ms',
    msec: 'ms',
    msecs: 'ms',
    millisecond: 'ms',
    milliseconds: 'ms',
    s: 's',
    sec: 's',
    secs: 's',
    second: 's',
    seconds: 's',
    m: 'm',
    min: 'm',
    mins: 'm',
    minute: 'm',
    minutes: 'm',
    h: 'h',
    hr: 'h',
    hrs: 'h',
    hour: 'h',
    hours: 'h',
    d: 'd',
    day: 'd',
    days: 'd',
};
const UNIT_ORDER = ['d', 'h', 'm', 's', 'ms'];
/** Thrown by parseDuration. `reason` is the message without the offending text (for callers that quote it themselves). */
class DurationError extends Error {
    reason;
    constructor(text, reason) {
        super(`${quote(text)} ${reason}`);
        this.name = 'DurationError';
        this.reason = reason;
    }
}
const NUMBER = String.raw `(?:\d+(?:\.\d+)?|\.\d+)`;
const BARE_NUMBER = new RegExp(`^${NUMBER}$`);
const PART = new RegExp(`\\s*(${NUMBER})\\s*([a-zA-Z]+)\\s*`, 'y');
/** Parses "500ms", "90s", "45m", "2h", "1h30m", "1.5h" or a bare number of seconds into milliseconds. */
function parseDuration(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        throw new DurationError(text, 'is empty: give a number with a unit, such as 90s or 45m');
    if (trimmed.length > 64)
        throw new DurationError(text, 'is too long to be a duration');
    if (/^-/.test(trimmed))
        throw new DurationError(text, 'is negative: a duration must be 0 or more');
    let total;
    if (BARE_NUMBER.test(trimmed)) {
        total = Number(trimmed) * MS_PER.s;
    }
    else {
        total = 0;
        let lastRank = -1;
        PART.lastIndex = 0;
        let position = 0;
        while (position < trimmed.length) {
            PART.lastIndex = position;
            const match = PART.exec(trimmed);
            if (!match)
                throw new DurationError(text, 'is not a duration: write a number with a unit, such as 500ms, 90s, 45m, 2h or 1h30m');
            const unitWritten = match[2];
            const unit = UNIT_ALIASES[unitWritten.toLowerCase()];
            if (unit === undefined) {
                throw new DurationError(text, `has an unknown unit '${unitWritten.slice(0, 16)}': use ms, s, m, h or d`);
            }
            const rank = UNIT_ORDER.indexOf(unit);
            if (rank <= lastRank) {
                throw new DurationError(text, 'repeats a unit or lists a smaller unit before a larger one: write it like 1h30m');
            }
            lastRank = rank;
            total += Number(match[1]) * MS_PER[unit];
            position = PART.lastIndex;
        }
    }
    if (!Number.isFinite(total))
        throw new DurationError(text, 'is not a finite duration');
    const ms = Math.round(total);
    if (ms > MAX_DURATION_MS)
        throw new DurationError(text, 'is longer than the 7 days (168h) allowed');
    return ms;
}
/** A short human form for logs: "38m", "1h 5m", "45s", "500ms", "0s". parseDuration(formatDuration(x)) === x. */
function formatDuration(ms) {
    if (!Number.isFinite(ms))
        return String(ms);
    if (ms < 0)
        return `-${formatDuration(-ms)}`;
    let rest = Math.round(ms);
    if (rest === 0)
        return '0s';
    const parts = [];
    for (const unit of ['h', 'm', 's', 'ms']) {
        const size = MS_PER[unit];
        const count = Math.floor(rest / size);
        rest -= count * size;
        if (count > 0)
            parts.push(`${count}${unit}`);
    }
    return parts.join(' ');
}
/**
 * For a reader, not for parsing back: past ten seconds (or `fromMs`), milliseconds are noise
 * (whole seconds then).
 */
function approximately(ms, fromMs = 10_000) {
    return Math.abs(ms) >= fromMs ? Math.round(ms / 1000) * 1000 : ms;
}
function quote(text) {
    const chars = Array.from(text);
    const shown = chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : text;
    return JSON.stringify(shown).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


/***/ }),

/***/ 86587:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
/**
 * The text of anything thrown: an Error's message, or the value itself as a string. One place,
 * so that every message a user sees is made the same way.
 */
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 39891:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ forEachLimited)
/* harmony export */ });
/** Runs `fn` over `items`, at most `limit` at a time (status checks, output fetches, cancels). */
async function forEachLimited(items, limit, fn) {
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            await fn(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}


/***/ }),

/***/ 68886:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ workflowRunUrl),
/* harmony export */   FB: () => (/* binding */ readWorkflowContext),
/* harmony export */   Wi: () => (/* binding */ isDependabotRun)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The few facts about the workflow run the action needs, read from the runner's environment
 * and event file directly (importing @actions/github just for this would slow every start).
 */

function readWorkflowContext(env, cwd) {
    const eventName = env['GITHUB_EVENT_NAME'] ?? '';
    const repository = env['GITHUB_REPOSITORY'];
    const context = {
        eventName,
        workspace: env['GITHUB_WORKSPACE'] || cwd,
        apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
        ...(repository ? { repository } : {}),
        ...(env['GITHUB_ACTOR'] ? { actor: env['GITHUB_ACTOR'] } : {}),
        ...(env['GITHUB_SERVER_URL'] ? { serverUrl: env['GITHUB_SERVER_URL'] } : {}),
        ...(env['GITHUB_SHA'] ? { sha: env['GITHUB_SHA'] } : {}),
        ...(env['GITHUB_RUN_ID'] ? { runId: env['GITHUB_RUN_ID'] } : {}),
    };
    if ((eventName === 'pull_request' || eventName === 'pull_request_target') && env['GITHUB_EVENT_PATH'] && repository) {
        const pullRequest = readPullRequest(env['GITHUB_EVENT_PATH'], repository, eventName);
        if (pullRequest)
            context.pullRequest = pullRequest;
    }
    return context;
}
function readPullRequest(eventPath, repository, eventName) {
    try {
        const event = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(eventPath, 'utf8'));
        const number = event.pull_request?.number;
        if (typeof number !== 'number')
            return undefined;
        const head = event.pull_request?.head;
        // A fork PR's head lives in another repository (null: the fork was deleted); GitHub withholds
        // secrets from `pull_request` runs for it. Not `head.repo.fork`: that only says the head
        // repository is itself a fork, as is a branch PR in a forked repository. `pull_request_target`
        // runs in the base repository, with its secrets.
        const headRepository = head?.repo === null ? null : head?.repo?.full_name;
        const elsewhere = headRepository === null || (typeof headRepository === 'string' && headRepository.toLowerCase() !== repository.toLowerCase());
        const isFork = eventName === 'pull_request' && elsewhere;
        const [owner = '', repo = ''] = repository.split('/');
        const headSha = typeof head?.sha === 'string' && /^[0-9a-f]{7,64}$/i.test(head.sha) ? head.sha : undefined;
        return { number, owner, repo, isFork, ...(headSha ? { headSha } : {}) };
    }
    catch {
        return undefined;
    }
}
/**
 * A run Dependabot started (`github.actor == 'dependabot[bot]'`: its pull requests, its pushes).
 * GitHub fills such runs' secrets from Dependabot secrets, not Actions secrets, so
 * `secrets.OLLANG_API_KEY` is empty there unless it is also a Dependabot secret; this holds on
 * a re-run by someone else too, and GITHUB_ACTOR stays the initial run's. See
 * https://docs.github.com/en/code-security/dependabot/working-with-dependabot/troubleshooting-dependabot-on-github-actions
 */
function isDependabotRun(context) {
    return context.actor === 'dependabot[bot]';
}
/**
 * The workflow run's page, `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`;
 * undefined when a part is missing or not what GitHub sets (no link rather than a wrong one).
 */
function workflowRunUrl(env) {
    const server = env['GITHUB_SERVER_URL'] || 'https://github.com';
    const repository = env['GITHUB_REPOSITORY'] ?? '';
    const runId = env['GITHUB_RUN_ID'] ?? '';
    if (!/^https?:\/\/[^\s()<>]+$/.test(server) || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository) || !/^\d+$/.test(runId)) {
        return undefined;
    }
    return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`;
}


/***/ }),

/***/ 21140:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Ic: () => (/* binding */ describeFailure),
  AD: () => (/* binding */ failureCode),
  _3: () => (/* binding */ nodeTransport)
});

// UNUSED EXPORTS: ResponseError, TransportError, createTransport

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(77030);
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_);
;// CONCATENATED MODULE: ./src/http/response-parser.ts
/**
 * Reads one HTTP/1.1 response from the bytes of a connection, in whatever pieces they arrive:
 * the head (status line and header fields, RFC 9112 §4-5), interim 1xx heads skipped, then the
 * body framed as RFC 9112 §6.3 says: none (HEAD, 204, 304), Transfer-Encoding chunked,
 * Content-Length, or until the connection closes.
 *
 * Strict where leniency is how other clients were fooled into reading a body wrongly: two
 * different Content-Length values, a Content-Length beside a Transfer-Encoding, a transfer coding
 * that does not end in chunked, a folded header line, a bare CR or LF in the head, a chunk size
 * that is not hex, bytes after the end of the response are errors, never guesses. Body bytes are
 * handed on as views of the caller's buffer, without copying (see transport.ts).
 */
/** The response is not HTTP/1.1 we can read safely, or it ended before its body did. */
class ResponseError extends Error {
    /** `ERR_HTTP_RESPONSE`: malformed; `ERR_HTTP_CUT_SHORT`: the connection closed inside the response. */
    code;
    constructor(message, code) {
        super(message);
        this.name = 'ResponseError';
        this.code = code;
    }
}
/** A head larger than this is refused (Node's own limit is 16 KiB). */
const MAX_HEAD_BYTES = 64 * 1024;
/** A chunk-size line or a trailer section larger than this is refused. */
const MAX_LINE_BYTES = 4 * 1024;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const STATUS_LINE = /^HTTP\/1\.[01] ([1-9]\d\d)(?: ([^\r\n]*))?$/;
class ResponseParser {
    #handlers;
    #isHead;
    #state = { kind: 'head' };
    /** Bytes of a head or of a chunk-size / trailer line not complete yet. */
    #pending = Buffer.alloc(0);
    /** `method`: the request's (a HEAD response has no body whatever its headers say). */
    constructor(method, handlers) {
        this.#handlers = handlers;
        this.#isHead = method.toUpperCase() === 'HEAD';
    }
    /** True once the whole response (head and body) has been read. */
    get done() {
        return this.#state.kind === 'done';
    }
    /** True once a final (non-1xx) head has been read. */
    get hasHead() {
        return this.#state.kind !== 'head';
    }
    /**
     * Parses the next bytes of the connection. Throws ResponseError. One request goes on each
     * connection (`Connection: close`): bytes after the end of the response in the same piece mean
     * its framing lied (a Content-Length shorter than the body) and are an error, stray CR and LF
     * aside (as node:http's parser allows). Pieces pushed after the end are ignored.
     */
    push(data) {
        let offset = 0;
        while (offset < data.length && this.#state.kind !== 'done') {
            offset = this.#step(data, offset);
        }
    }
    /** The connection closed: ends a body framed by the close; throws when the response was cut short. */
    end() {
        switch (this.#state.kind) {
            case 'done':
                return;
            case 'close':
                this.#state = { kind: 'done' };
                this.#handlers.onEnd();
                return;
            case 'head':
                throw new ResponseError('the connection closed before a complete response head', 'ERR_HTTP_CUT_SHORT');
            default:
                throw new ResponseError('the connection closed before the body ended', 'ERR_HTTP_CUT_SHORT');
        }
    }
    /** Consumes bytes from `offset` for the current state; returns the new offset. */
    #step(data, offset) {
        const state = this.#state;
        switch (state.kind) {
            case 'head': {
                const end = this.#findLine(data, offset, '\r\n\r\n', MAX_HEAD_BYTES, 'response head');
                if (end === undefined)
                    return data.length;
                this.#startBody(parseHead(this.#takePending(data, offset, end)), data, end);
                return end;
            }
            case 'length': {
                const count = Math.min(state.left, data.length - offset);
                state.left -= count;
                this.#handlers.onBody(data.subarray(offset, offset + count));
                if (state.left === 0)
                    this.#finish(data, offset + count);
                return offset + count;
            }
            case 'close':
                this.#handlers.onBody(offset === 0 ? data : data.subarray(offset));
                return data.length;
            case 'chunk-size': {
                const end = this.#findLine(data, offset, '\r\n', MAX_LINE_BYTES, 'chunk size line');
                if (end === undefined)
                    return data.length;
                const size = parseChunkSize(this.#takePending(data, offset, end));
                this.#state = size === 0 ? { kind: 'trailers' } : { kind: 'chunk-data', left: size };
                return end;
            }
            case 'chunk-data': {
                const count = Math.min(state.left, data.length - offset);
                state.left -= count;
                this.#handlers.onBody(data.subarray(offset, offset + count));
                if (state.left === 0)
                    this.#state = { kind: 'chunk-end', seen: 0 };
                return offset + count;
            }
            case 'chunk-end': {
                // The CRLF after a chunk's data (its two bytes may come in two pieces).
                if (data[offset] !== (state.seen === 0 ? 0x0d : 0x0a))
                    throw malformed('chunk data not followed by CRLF');
                if (state.seen === 0)
                    state.seen = 1;
                else
                    this.#state = { kind: 'chunk-size' };
                return offset + 1;
            }
            case 'trailers': {
                // Trailer fields are read and dropped: nothing here needs them. An empty line ends them.
                const end = this.#findLine(data, offset, '\r\n', MAX_LINE_BYTES, 'trailer section');
                if (end === undefined)
                    return data.length;
                const line = this.#takePending(data, offset, end);
                if (line.length === 2)
                    this.#finish(data, end);
                return end;
            }
            case 'done':
                return data.length;
        }
    }
    /**
     * Looks for `terminator` in what is pending plus `data` from `offset`. Returns the offset in
     * `data` just past it, or undefined (the bytes are kept pending) when it has not come yet.
     */
    #findLine(data, offset, terminator, limit, what) {
        // Search from a few bytes back into what was pending: the terminator may straddle two pieces.
        const carried = Math.min(this.#pending.length, terminator.length - 1);
        const window = carried > 0 ? Buffer.concat([this.#pending.subarray(this.#pending.length - carried), data.subarray(offset)]) : data;
        const at = window.indexOf(terminator, carried > 0 ? 0 : offset, 'latin1');
        if (at === -1) {
            if (this.#pending.length + data.length - offset > limit)
                throw malformed(`${what} longer than ${limit} bytes`);
            this.#pending = Buffer.concat([this.#pending, data.subarray(offset)]);
            return undefined;
        }
        const end = (carried > 0 ? offset - carried : 0) + at + terminator.length;
        if (this.#pending.length + end - offset > limit)
            throw malformed(`${what} longer than ${limit} bytes`);
        return end;
    }
    /** What was pending plus `data[offset, end)`, and nothing pending any more. */
    #takePending(data, offset, end) {
        const line = this.#pending.length > 0 ? Buffer.concat([this.#pending, data.subarray(offset, end)]) : data.subarray(offset, end);
        this.#pending = Buffer.alloc(0);
        return line;
    }
    /** A head is in; `data` from `end` is what came after it in this piece. */
    #startBody(head, data, end) {
        // Interim answers (100 Continue, 103 Early Hints) precede the real one: skip them.
        if (head.status < 200) {
            if (head.status === 101)
                throw malformed('unexpected 101 Switching Protocols');
            return;
        }
        const framing = bodyFraming(head, this.#isHead);
        this.#state = framing;
        const length = framing.kind === 'length' ? framing.left : framing.kind === 'done' ? 0 : undefined;
        this.#handlers.onHead(length === undefined ? head : { ...head, length });
        if (framing.kind === 'done' || (framing.kind === 'length' && framing.left === 0))
            this.#finish(data, end);
    }
    /** The response is whole. `data` from `rest`: the rest of the piece it ended in (see push()). */
    #finish(data, rest = 0) {
        for (let i = rest; data !== undefined && i < data.length; i++) {
            if (data[i] !== 0x0d && data[i] !== 0x0a)
                throw malformed('bytes after the end of the response');
        }
        this.#state = { kind: 'done' };
        this.#handlers.onEnd();
    }
}
/** RFC 9112 §6.3, for a response to a request we sent. */
function bodyFraming(head, isHead) {
    if (isHead || head.status === 204 || head.status === 304)
        return { kind: 'done' };
    const transferEncoding = head.headers.get('transfer-encoding');
    if (transferEncoding !== undefined) {
        // §6.3: both at once "ought to be handled as an error" (it is how responses are split). A final
        // coding other than chunked would be read to the close and handed on still encoded: no TE is
        // ever sent, so no such coding was asked for (node:http refuses these too).
        if (head.headers.has('content-length'))
            throw malformed('both Transfer-Encoding and Content-Length');
        const codings = transferEncoding.split(',').map((coding) => coding.trim().toLowerCase());
        if (codings.at(-1) !== 'chunked')
            throw malformed(`Transfer-Encoding "${transferEncoding}" does not end in chunked`);
        return { kind: 'chunk-size' };
    }
    const contentLength = head.headers.get('content-length');
    if (contentLength === undefined)
        return { kind: 'close' };
    const values = new Set(contentLength.split(',').map((value) => value.trim()));
    const [value] = values;
    if (values.size !== 1 || value === undefined || !/^\d{1,15}$/.test(value))
        throw malformed(`invalid Content-Length "${contentLength}"`);
    return { kind: 'length', left: Number(value) };
}
function parseHead(bytes) {
    // Header field values are bytes; latin1 keeps each one as one character (what Node does too).
    const text = bytes.toString('latin1', 0, bytes.length - 4);
    const lines = text.split('\r\n');
    const statusLine = STATUS_LINE.exec(lines[0] ?? '');
    if (!statusLine)
        throw malformed(`not an HTTP/1.1 status line: ${JSON.stringify((lines[0] ?? '').slice(0, 80))}`);
    const headers = new Map();
    for (const line of lines.slice(1)) {
        if (/^[ \t]/.test(line))
            throw malformed('folded header line (obs-fold)');
        const colon = line.indexOf(':');
        const name = colon > 0 ? line.slice(0, colon) : '';
        if (!TOKEN.test(name))
            throw malformed(`invalid header line ${JSON.stringify(line.slice(0, 80))}`);
        const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
        if (/[\r\n\0]/.test(value))
            throw malformed(`invalid character in header ${name}`);
        const key = name.toLowerCase();
        const earlier = headers.get(key);
        headers.set(key, earlier === undefined ? value : `${earlier}, ${value}`);
    }
    return { status: Number(statusLine[1]), statusText: statusLine[2] ?? '', headers };
}
/** `1a2b;ext=1\r\n` -> 0x1a2b. */
function parseChunkSize(line) {
    const text = line.toString('latin1', 0, line.length - 2);
    const size = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?$/.exec(text);
    if (!size)
        throw malformed(`invalid chunk size line ${JSON.stringify(text.slice(0, 40))}`);
    return parseInt(size[1], 16);
}
function malformed(detail) {
    return new ResponseError(`malformed HTTP response: ${detail}`, 'ERR_HTTP_RESPONSE');
}

;// CONCATENATED MODULE: ./src/http/transport.ts
/**
 * The one HTTP transport: the Ollang API, the downloads and the media uploads all go through it.
 * HTTP/1.1 over node:net / node:tls, one request per connection (`Connection: close`).
 *
 * What callers get, and all they get:
 * - a request: method, http(s) URL, headers, a body (a string, bytes, or a stream whose length
 *   is known: always sent with Content-Length, never chunked), an abort signal;
 * - a response: status, headers, the length its body is framed by, and the body read whole as
 *   text or piece by piece (an answer framed ambiguously, or followed by more bytes, is an error);
 * - redirects are never followed: the API key must not travel (downloads follow theirs by hand);
 * - an answer that arrives while the body is still being sent (413, 401 to an upload) stops the
 *   sending and is returned, also when the connection then breaks (EPIPE, ECONNRESET);
 * - abort: the connection is destroyed at once; the request, or the body being read, rejects
 *   with the signal's reason. No time-outs of its own: callers abort.
 *
 * Why not fetch or node:http (docs/benchmarks.md): both allocate a fresh buffer for every socket
 * read, and node:http copies each body piece once more. A 1 GiB download made 16 000 short-lived
 * 64 KiB buffers, a second of CPU and 60-100 MiB of garbage waiting for V8's next collection.
 * Here each connection reads into one buffer (net's `onread`), and the body is handed on as views
 * of it: a reader copies what it keeps.
 */



/** A request that cannot be sent as asked, or a streamed body whose length was not what it said. */
class TransportError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.name = 'TransportError';
        this.code = code;
    }
}
/** The transport the action ships with. */
const nodeTransport = createTransport();
function createTransport(options = {}) {
    return (request) => new Exchange(request, options).response;
}
const READ_BUFFER_BYTES = 64 * 1024;
const DEFAULT_TEXT_LIMIT = 32 * 1024 * 1024;
const transport_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * What a header value may hold (node:http's rule): tab, visible ASCII and space, and U+0080-U+00FF.
 * The head goes out as latin1, one byte per character: anything above U+00FF would lose its high
 * byte (U+010D U+010A would reach the wire as CR LF), and CR, LF, NUL and other controls are not sent.
 */
const INVALID_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
const OWN_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding']);
/** One request and its response, on a connection of its own. */
class Exchange {
    response;
    #request;
    #parser;
    #resolve;
    #reject;
    #socket;
    #head;
    /** Why the exchange ended early (abort, connection error, a reader's throw). */
    #error;
    #ended = false;
    // The body reader.
    #onChunk;
    #readSettle;
    /** The body read has resolved or rejected. */
    #readSettled = false;
    /** Copies of body pieces that came while no reader was ready (the read buffer is reused). */
    #queue = [];
    /** The reader's last onChunk returned a promise that has not settled. */
    #readerBusy = false;
    /** Reading from the socket is paused until the reader catches up. */
    #paused = false;
    constructor(request, options) {
        this.#request = request;
        this.response = new Promise((resolve, reject) => {
            this.#resolve = resolve;
            this.#reject = reject;
        });
        this.#parser = new ResponseParser(request.method, {
            onHead: (head) => this.#onHead(head),
            onBody: (chunk) => this.#deliver(chunk),
            onEnd: () => this.#onBodyEnd(),
        });
        this.#start(options).catch((error) => this.#fail(error));
    }
    async #start(options) {
        const { url, signal } = this.#request;
        const head = requestHead(this.#request);
        signal?.throwIfAborted();
        signal?.addEventListener('abort', this.#onAbort, { once: true });
        const buffer = Buffer.allocUnsafeSlow(READ_BUFFER_BYTES);
        const onread = { buffer, callback: (count) => this.#onRead(buffer, count) };
        const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
        const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
        let socket;
        if (url.protocol === 'https:') {
            // TLS is loaded only for https (the real API and file hosts; tests and the simulator speak http).
            const tls = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 41692, 23));
            if (this.#ended)
                return;
            const tlsOptions = { host, port, ALPNProtocols: ['http/1.1'], onread };
            if (external_node_net_default().isIP(host) === 0)
                tlsOptions.servername = host;
            if (options.ca !== undefined)
                tlsOptions.ca = options.ca;
            socket = tls.connect(tlsOptions);
            socket.once('secureConnect', () => this.#send(socket, head));
        }
        else {
            socket = external_node_net_default().connect({ host, port, onread });
            socket.once('connect', () => this.#send(socket, head));
        }
        this.#socket = socket;
        socket.setNoDelay(true);
        socket.on('error', (error) => this.#fail(error));
        socket.on('end', () => this.#onConnectionEnd());
        socket.on('close', () => this.#onConnectionEnd());
    }
    /** The read callback: parse what came; returning false pauses reading. */
    #onRead(buffer, count) {
        try {
            this.#parser.push(buffer.subarray(0, count));
        }
        catch (error) {
            this.#fail(error);
            return false;
        }
        if (this.#ended || this.#parser.done)
            return true;
        // The head is in but nobody reads the body yet, or the reader is busy: wait for it.
        this.#paused = this.#head !== undefined && (this.#onChunk === undefined || this.#readerBusy);
        return !this.#paused;
    }
    #send(socket, head) {
        const body = this.#request.body;
        if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) {
            const bytes = body === undefined ? [] : [typeof body === 'string' ? Buffer.from(body, 'utf8') : body];
            socket.write(Buffer.concat([Buffer.from(head, 'latin1'), ...bytes]));
            return;
        }
        socket.write(head, 'latin1');
        this.#sendStream(socket, body).catch((error) => {
            // Once an answer is in, the rest of the body no longer matters.
            if (this.#head === undefined)
                this.#fail(error);
        });
    }
    async #sendStream(socket, body) {
        let sent = 0;
        for await (const chunk of body.open()) {
            // An answer (or a failure) ends the sending; leaving the loop closes the source.
            if (this.#head !== undefined || this.#ended)
                return;
            sent += chunk.byteLength;
            if (sent > body.length)
                throw new TransportError(`the request body is longer than its announced ${body.length} bytes`, 'ERR_HTTP_BODY_LENGTH');
            const written = body.release === undefined ? socket.write(chunk) : socket.write(chunk, () => body.release?.(chunk));
            if (!written)
                await drained(socket);
            body.onProgress?.(sent, body.length);
        }
        if (sent !== body.length && this.#head === undefined && !this.#ended)
            throw new TransportError(`the request body ended after ${sent} of its announced ${body.length} bytes`, 'ERR_HTTP_BODY_LENGTH');
    }
    #onHead(head) {
        this.#head = head;
        const body = {
            read: (onChunk) => this.#read(onChunk),
            text: (maxBytes) => readText(body, maxBytes ?? DEFAULT_TEXT_LIMIT),
            cancel: () => this.#stop(new Error('the response body was not read')),
        };
        this.#resolve({
            status: head.status,
            statusText: head.statusText,
            header: (name) => head.headers.get(name.toLowerCase()),
            ...(head.length !== undefined ? { length: head.length } : {}),
            body,
        });
    }
    #read(onChunk) {
        if (this.#onChunk !== undefined)
            return Promise.reject(new Error('the response body is already being read'));
        this.#onChunk = onChunk;
        return new Promise((resolve, reject) => {
            this.#readSettle = { resolve, reject };
            this.#pump();
        });
    }
    /** A piece of the body from the parser: to the reader now, or a copy queued for it. */
    #deliver(chunk) {
        if (this.#onChunk !== undefined && !this.#readerBusy && this.#queue.length === 0 && this.#error === undefined)
            this.#hand(chunk);
        else
            this.#queue.push(Buffer.from(chunk));
    }
    #hand(chunk) {
        let result;
        try {
            result = this.#onChunk(chunk);
        }
        catch (error) {
            return this.#stop(error);
        }
        if (result === undefined)
            return;
        this.#readerBusy = true;
        result.then(() => {
            this.#readerBusy = false;
            this.#pump();
        }, (error) => this.#stop(error));
    }
    /** Hands queued pieces to the reader while it keeps up; then reads on, or ends the read. */
    #pump() {
        if (this.#onChunk === undefined)
            return;
        while (!this.#readerBusy && this.#queue.length > 0 && this.#error === undefined)
            this.#hand(this.#queue.shift());
        if (this.#readerBusy || this.#readSettle === undefined)
            return;
        if (this.#error !== undefined)
            return this.#settleRead(this.#error);
        if (this.#queue.length > 0)
            return;
        if (this.#parser.done)
            return this.#settleRead();
        if (this.#paused) {
            this.#paused = false;
            this.#socket?.resume();
        }
    }
    #settleRead(error) {
        if (this.#readSettled || this.#readSettle === undefined)
            return;
        this.#readSettled = true;
        if (error === undefined)
            this.#readSettle.resolve();
        else
            this.#readSettle.reject(error);
    }
    #onBodyEnd() {
        // Everything the server will say has been read: no need for the connection any more.
        this.#close();
        this.#pump();
    }
    #onConnectionEnd() {
        if (this.#parser.done || this.#ended)
            return;
        try {
            this.#parser.end();
        }
        catch (error) {
            this.#fail(error);
        }
    }
    #onAbort = () => {
        this.#stop(this.#request.signal?.reason);
    };
    /** The connection failed: an error for whoever waits, unless the whole response is already in. */
    #fail(error) {
        if (this.#parser.done && this.#head !== undefined)
            return this.#close();
        this.#stop(error);
    }
    /** Ends the exchange with `error`: the response (or the body read) rejects with it. */
    #stop(error) {
        if (this.#error !== undefined)
            return;
        // A read that has already ended is not undone by what happens after it.
        if (this.#readSettled)
            return this.#close();
        this.#error = error;
        this.#close();
        if (this.#head === undefined)
            this.#reject(error);
        else
            this.#pump();
    }
    #close() {
        if (this.#ended)
            return;
        this.#ended = true;
        this.#request.signal?.removeEventListener('abort', this.#onAbort);
        this.#socket?.destroy();
    }
}
/** The request line and header section. Throws TransportError for anything that cannot be sent as is. */
function requestHead(request) {
    const { method, url, headers = {}, body } = request;
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new TransportError(`only http and https URLs can be requested, not ${url.protocol}`, 'ERR_HTTP_REQUEST');
    if (!transport_TOKEN.test(method))
        throw new TransportError(`invalid method ${JSON.stringify(method)}`, 'ERR_HTTP_REQUEST');
    let head = `${method} ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n`;
    for (const [name, value] of Object.entries(headers)) {
        if (!transport_TOKEN.test(name) || OWN_HEADERS.has(name.toLowerCase()))
            throw new TransportError(`header ${JSON.stringify(name)} cannot be set`, 'ERR_HTTP_REQUEST');
        if (INVALID_VALUE.test(value))
            throw new TransportError(`header ${name} has a character that cannot be sent in its value (a control, or above U+00FF)`, 'ERR_HTTP_REQUEST');
        head += `${name}: ${value}\r\n`;
    }
    const length = body === undefined ? undefined : typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : bodyLength(body);
    // A POST without a body still says so: servers (and proxies) may refuse a length-less POST.
    if (length !== undefined || !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method))
        head += `Content-Length: ${length ?? 0}\r\n`;
    return `${head}Connection: close\r\n\r\n`;
}
function bodyLength(body) {
    if (body instanceof Uint8Array)
        return body.byteLength;
    if (!Number.isSafeInteger(body.length) || body.length < 0)
        throw new TransportError(`invalid request body length ${body.length}`, 'ERR_HTTP_REQUEST');
    return body.length;
}
function drained(socket) {
    return new Promise((resolve) => {
        const done = () => {
            socket.off('drain', done);
            socket.off('close', done);
            resolve();
        };
        socket.on('drain', done);
        socket.on('close', done);
    });
}
async function readText(body, maxBytes) {
    const chunks = [];
    let size = 0;
    await body.read((chunk) => {
        size += chunk.length;
        if (size > maxBytes)
            throw new TransportError(`the response body is larger than ${maxBytes} bytes`, 'ERR_HTTP_BODY_TOO_LARGE');
        chunks.push(Buffer.from(chunk));
    });
    return Buffer.concat(chunks).toString('utf8');
}
/** The code of a failed exchange: the socket's (ECONNRESET, ENOTFOUND, a TLS code) or ours (ERR_HTTP_…), also on a cause. */
function failureCode(error) {
    let current = error;
    for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
        const c = current;
        if (typeof c.code === 'string')
            return c.code;
        current = c.cause;
    }
    return undefined;
}
/** What a failed exchange says, on one line, with its code first when the message lacks it: "ECONNRESET: socket hang up". */
function describeFailure(error) {
    const code = failureCode(error);
    const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'request failed';
    const text = code && !message.includes(code) ? `${code}: ${message}` : message;
    return text.replace(/\s+/g, ' ').slice(0, 300);
}


/***/ }),

/***/ 79407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _steps_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(26433);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2462);
/**
 * Entry point for both steps (action.yml runs this file as `main` and as `post`). Which one
 * this is gets decided when the module loads, from state main saves at its very start: a flag
 * saved in a `finally` would be lost to a SIGKILL (the approach of actions/checkout).
 */


if ((0,_state_js__WEBPACK_IMPORTED_MODULE_1__/* .isPostStep */ .pq)(_steps_js__WEBPACK_IMPORTED_MODULE_0__/* .runnerIO */ .$6)) {
    await (0,_steps_js__WEBPACK_IMPORTED_MODULE_0__/* .runPostStep */ .Uc)();
}
else {
    (0,_state_js__WEBPACK_IMPORTED_MODULE_1__/* .markMainStarted */ .UM)(_steps_js__WEBPACK_IMPORTED_MODULE_0__/* .runnerIO */ .$6);
    await (0,_steps_js__WEBPACK_IMPORTED_MODULE_0__/* .runMainStep */ .X7)();
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 64149:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  rK: () => (/* binding */ DEFAULT_API_URL),
  dz: () => (/* binding */ InputError),
  Cf: () => (/* binding */ LANGUAGE_PATTERN),
  uo: () => (/* binding */ SecretWithheldError),
  op: () => (/* binding */ parseBooleanWord),
  sb: () => (/* binding */ readSettings)
});

// UNUSED EXPORTS: BARE_TIMEOUT_WARNING_MS, DEFAULT_MAX_DOWNLOAD_SIZE, MAX_DOWNLOAD_BYTES, MIN_DOWNLOAD_BYTES, MIN_POLL_INTERVAL_MS, normalizeLanguage, parseByteSize, splitList

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/download/output-path.ts
var output_path = __nccwpck_require__(91087);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __nccwpck_require__(77607);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __nccwpck_require__(76670);
// EXTERNAL MODULE: ./src/quality/limits.ts
var quality_limits = __nccwpck_require__(92945);
;// CONCATENATED MODULE: ./src/quality/rules.ts
/**
 * The `quality-rules` input: overrides of the readability limits, one `rule: value` a line.
 *
 *   max-cps: 20              every language
 *   max-line-length: 40
 *   min-gap: off             a rule can be switched off
 *   max-cps (ja): 5          only Japanese; `(zh)` covers zh-TW and zh-Hans too
 *   max-duration (de, nl): 8s
 *
 * Durations are written as in `timeout` (src/duration.ts). Blank lines and `#` comments are
 * ignored. An override for a language wins over one for every language; the one for an exact
 * code (`zh-TW`) over the one for its primary language (`zh`). A global override replaces the
 * per-language defaults too (`max-cps: 15` also sets Japanese to 15): give CJK their own line.
 *
 * Every problem is reported at once, each naming its line, so that the inputs module can list
 * them with the other input errors before any request.
 */



const QUALITY_RULES_INPUT = 'quality-rules';
const LINE = /^([A-Za-z][A-Za-z-]*)\s*(?:\(([^()]*)\))?\s*:\s*(.*)$/;
const DECIMAL = /^\d{1,4}(?:\.\d{1,3})?$/;
const INTEGER = /^\d{1,4}$/;
const ACCEPTED_RULES = quality_limits/* LIMIT_RULES */.Ej.join(', ');
/** What each rule accepts, for messages, and its bounds. */
const VALUE_SPEC = {
    'max-cps': { accepted: 'characters a second from 1 to 1000, such as 17 or 12.5, or off', min: 1, max: 1000, kind: 'decimal' },
    'max-line-length': { accepted: 'a whole number of characters from 1 to 1000, or off', min: 1, max: 1000, kind: 'integer' },
    'max-lines': { accepted: 'a whole number of lines from 1 to 100, or off', min: 1, max: 100, kind: 'integer' },
    'min-duration': { accepted: 'a duration as in timeout (500ms, 0.8s, 1s), or off', min: 0, max: 3_600_000, kind: 'duration' },
    'max-duration': { accepted: 'a duration as in timeout (7s, 10s), or off', min: 1, max: 3_600_000, kind: 'duration' },
    'min-gap': { accepted: 'a duration as in timeout (83ms, 0.1s), or off', min: 0, max: 3_600_000, kind: 'duration' },
};
/** Parses `quality-rules`. An empty input gives no overrides and no problems. */
function parseQualityRules(text, show) {
    const overrides = [];
    const problems = [];
    const problem = (line, message) => {
        problems.push({ line, message: `Input '${QUALITY_RULES_INPUT}', line ${line}: ${message}` });
    };
    /** `${scope}\u0000${rule}` -> line where it was set. */
    const seen = new Map();
    const lines = text.split(/\r\n|\r|\n/);
    for (let index = 0; index < lines.length; index++) {
        const lineNumber = index + 1;
        const content = stripComment(lines[index]).trim();
        if (content === '')
            continue;
        const match = LINE.exec(content);
        if (!match) {
            problem(lineNumber, `${show(content)} is not \`rule: value\` (such as \`max-cps: 20\` or \`max-cps (ja): 5\`). Accepted rules: ${ACCEPTED_RULES}.`);
            continue;
        }
        const [, ruleWritten, scopeWritten, valueWritten] = match;
        const rule = ruleWritten.toLowerCase();
        if (!quality_limits/* LIMIT_RULES */.Ej.includes(rule)) {
            problem(lineNumber, `unknown rule ${show(ruleWritten)}. Accepted rules: ${ACCEPTED_RULES}.`);
            continue;
        }
        let scopes = [undefined];
        if (scopeWritten !== undefined) {
            const codes = scopeWritten.split(/[\s,]+/).filter((code) => code !== '');
            const bad = codes.filter((code) => !LANGUAGE_PATTERN.test(code));
            if (codes.length === 0 || bad.length > 0) {
                problem(lineNumber, `${codes.length === 0 ? 'the parentheses name no language' : `${bad.map(show).join(', ')} ${bad.length === 1 ? 'is not a language code' : 'are not language codes'}`}. ` +
                    'Accepted: language codes such as ja, zh-TW or pt-BR in parentheses after the rule, separated by commas: `max-cps (ja, ko): 5`.');
                continue;
            }
            scopes = codes.map(quality_limits/* normalizeLanguage */.Op);
        }
        const value = parseValue(rule, valueWritten.trim(), show);
        if (typeof value === 'string') {
            problem(lineNumber, `${rule} ${value}`);
            continue;
        }
        for (const scope of scopes) {
            const key = `${scope ?? ''}\u0000${rule}`;
            const earlier = seen.get(key);
            if (earlier !== undefined) {
                problem(lineNumber, `${rule}${scope === undefined ? '' : ` (${scope})`} is already set on line ${earlier}: give each rule once${scope === undefined ? '' : ' per language'}.`);
                continue;
            }
            seen.set(key, lineNumber);
            overrides.push({ rule, value: value.value, scope, line: lineNumber });
        }
    }
    for (const { line, message } of durationConflicts(overrides))
        problem(line, message);
    problems.sort((a, b) => a.line - b.line);
    return { overrides, problems };
}
/**
 * min-duration longer than max-duration where they apply together, defaults included: for the
 * general limits and for each language a line names, the limits limitsFor gives (so that a
 * `max-duration: 800ms` against the default minimum of 833 ms, or a `min-duration (ja): 8s`
 * against the default maximum of 7 s, is refused as surely as two lines of one scope). A pair
 * of sources is reported once, on the later of its lines.
 */
function durationConflicts(overrides) {
    const conflicts = new Map();
    // '' has no guide and no line names it: the general limits with the lines for every language
    const scopes = ['', ...new Set(overrides.flatMap((override) => (override.scope === undefined ? [] : [override.scope])))];
    for (const scope of scopes) {
        const { limits } = (0,quality_limits/* limitsFor */.I9)(scope, overrides);
        const min = limits['min-duration'];
        const max = limits['max-duration'];
        if (min === undefined || max === undefined || min <= max)
            continue;
        const minLine = lineOf('min-duration', scope, overrides);
        const maxLine = lineOf('max-duration', scope, overrides);
        const key = `${minLine}\u0000${maxLine}`;
        const seen = conflicts.get(key);
        if (seen) {
            if (seen.scopes.length > 0)
                seen.scopes.push(scope);
            continue;
        }
        const source = (line, value) => line === undefined ? `the default, ${(0,duration/* formatDuration */.a3)(value)}` : `line ${line}`;
        conflicts.set(key, {
            line: Math.max(minLine ?? 0, maxLine ?? 0),
            scopes: scope ? [scope] : [],
            min: source(minLine, min),
            max: source(maxLine, max),
        });
    }
    return [...conflicts.values()].map(({ line, scopes, min, max }) => ({
        line,
        message: `min-duration${scopes.length > 0 ? ` (${scopes.join(', ')})` : ''} (${min}) is longer than max-duration (${max}): no cue could pass both.`,
    }));
}
/**
 * The line whose override of `rule` applies to `language`, or undefined for its default: asked of
 * limitsFor itself (each override's value replaced by its negated line), so that which override
 * wins has one owner.
 */
function lineOf(rule, language, overrides) {
    const marked = overrides.map((override) => (override.rule === rule ? { ...override, value: -override.line } : override));
    const value = (0,quality_limits/* limitsFor */.I9)(language, marked).limits[rule];
    return value !== undefined && value < 0 ? -value : undefined;
}
/**
 * The warning for languages in parentheses that no language of `languages` (target-languages)
 * takes, such as `(jp)` or `(zh-Hant)` with zh-Hant-HK: such a line has no effect. Undefined when
 * every scope is taken, or when there is no list to check against.
 */
function unusedScopesWarning(overrides, languages) {
    if (languages.length === 0)
        return undefined;
    const unused = new Map();
    for (const { scope, line } of overrides) {
        if (scope === undefined || languages.some((language) => reaches(scope, language)))
            continue;
        unused.set(scope, [...(unused.get(scope) ?? []), line]);
    }
    if (unused.size === 0)
        return undefined;
    const named = [...unused].map(([scope, lines]) => `(${scope}) on line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}`);
    return (`Input '${QUALITY_RULES_INPUT}': ${named.join('; ')} ${unused.size === 1 ? 'applies' : 'apply'} to no language of target-languages ` +
        `(${languages.join(', ')}), so ${unused.size === 1 ? 'it has' : 'they have'} no effect. A language in parentheses covers its exact ` +
        'code and, when it has no subtag (zh), every code of that language (zh-TW, zh-Hant-HK).');
}
/** Whether an override for `scope` applies to `language`: asked of limitsFor, the one owner of that. */
function reaches(scope, language) {
    return (0,quality_limits/* limitsFor */.I9)(language, [{ rule: 'max-cps', value: -1, scope, line: 0 }]).limits['max-cps'] === -1;
}
/** `{ value }` (undefined: off), or the reason the value is refused, starting after the rule's name. */
function parseValue(rule, written, show) {
    const spec = VALUE_SPEC[rule];
    if (written === '')
        return `has no value. Accepted: ${spec.accepted}.`;
    if (/^off$/i.test(written))
        return { value: undefined };
    let value;
    if (spec.kind === 'duration') {
        try {
            value = (0,duration/* parseDuration */.E9)(written);
        }
        catch (error) {
            if (!(error instanceof duration/* DurationError */.N2))
                throw error;
            return `value ${show(written)} ${error.reason}. Accepted: ${spec.accepted}.`;
        }
    }
    else {
        const pattern = spec.kind === 'integer' ? INTEGER : DECIMAL;
        if (!pattern.test(written))
            return `value ${show(written)} is not ${spec.kind === 'integer' ? 'a whole number' : 'a number'}. Accepted: ${spec.accepted}.`;
        value = Number(written);
    }
    if (value < spec.min || value > spec.max)
        return `value ${show(written)} is out of range. Accepted: ${spec.accepted}.`;
    return { value };
}
/** `max-cps: 20  # Netflix adult` -> `max-cps: 20`. Values never contain `#`. */
function stripComment(line) {
    const hash = line.indexOf('#');
    return hash === -1 ? line : line.slice(0, hash);
}

// EXTERNAL MODULE: ./src/quality/verdict.ts
var verdict = __nccwpck_require__(3296);
;// CONCATENATED MODULE: ./src/inputs.ts
/**
 * Reads and validates every input (see action.yml and docs/architecture.md) into a typed
 * Settings object, before a single request reaches Ollang.
 *
 * Every input is read, and every problem found is reported at once: one InputError whose
 * `problems` name each bad input, say what is wrong and list the accepted values (one problem
 * per input, in the order of action.yml; checks that relate two inputs come after and are left
 * out when one of their inputs is already wrong). A user fixes them all in one edit, not one
 * per re-run.
 *
 * Adding an input: `const x = check(fallback, () => readX(raw('x'), show, fail))` among the
 * others (readX calls `fail('x', problem, accepted)` for a bad value), a field in Settings, a
 * row in action.yml; a relation to other inputs goes with the relations, behind `ok(...)`.
 *
 * Spelling rules that apply to several inputs:
 * - Every value is trimmed; an empty value means "use the default".
 * - Lists (target-languages, rush-languages, order-ids, download) are separated by commas,
 *   spaces or newlines, in any mix.
 * - Booleans accept true/false, yes/no and 1/0, in any letter case (a superset of the
 *   YAML 1.2 core spellings `true|True|TRUE|false|False|FALSE`). Anything else is an error.
 * - Enumerations (order-type, mode, ...) match in any letter case and become the canonical
 *   spelling (`aidubbing` -> `aiDubbing`).
 * - The values of api-key and github-token are never quoted in a message, and any other value
 *   quoted has those secrets blanked out, URL credentials removed, control and bidi characters
 *   escaped, and is cut to about 60 characters.
 *
 * Inputs that are valid but probably not what the user meant (target-languages next to
 * order-ids, a bare `timeout: 60`) are warnings, passed to `env.warn`.
 */






/** Every bad input of a run. `input` is the first one's name; `problems` lists them all. */
class InputError extends Error {
    input;
    problems;
    constructor(problems) {
        const [first] = problems;
        if (first === undefined)
            throw new TypeError('InputError needs at least one problem');
        // An input can have several problems (each bad line of quality-rules is one): count the inputs.
        const inputs = new Set(problems.map((p) => p.input)).size;
        super(problems.length === 1
            ? first.message
            : `${inputs === 1 ? `Input '${first.input}' is` : `${inputs} inputs are`} not valid:\n${problems.map((p) => `- ${p.message}`).join('\n')}`);
        this.name = 'InputError';
        this.input = first.input;
        this.problems = problems;
    }
}
const WITHHELD_NOTICE = {
    fork: 'Skipped: this pull request comes from a fork, and GitHub does not give workflows run for forks access to secrets, ' +
        'so there is no Ollang API key. Nothing was ordered. A maintainer can localize this change after merging, or ' +
        'run the workflow from a branch of this repository.',
    dependabot: 'Skipped: this run was started by Dependabot, and GitHub gives Dependabot runs only Dependabot secrets, not Actions ' +
        'secrets, so there is no Ollang API key. Nothing was ordered. To localize Dependabot pull requests, add ' +
        'OLLANG_API_KEY under Settings > Secrets and variables > Dependabot as well.',
};
/**
 * `api-key` is empty where GitHub withholds secrets on purpose (a pull request from a fork, a
 * run started by Dependabot), and every other input is valid: main skips with `notice` (exit 0)
 * instead of failing a check the contributor cannot fix.
 */
class SecretWithheldError extends InputError {
    reason;
    /** The notice main shows instead of a failure. */
    notice;
    constructor(reason) {
        super([
            {
                input: 'api-key',
                message: `Input 'api-key': is empty, because GitHub does not pass Actions secrets to ${reason === 'fork' ? 'workflows run for forks' : 'runs started by Dependabot'}, ` +
                    'so nothing was ordered. Accepted: an Ollang API key, usually `${{ secrets.OLLANG_API_KEY }}`.',
            },
        ]);
        this.name = 'SecretWithheldError';
        this.reason = reason;
        this.notice = WITHHELD_NOTICE[reason];
    }
}
const DEFAULT_API_URL = 'https://api-integration.ollang.com';
const DEFAULT_MAX_DOWNLOAD_SIZE = '2GiB';
const MIN_POLL_INTERVAL_MS = 100;
const MIN_DOWNLOAD_BYTES = 1024;
const MAX_DOWNLOAD_BYTES = 1024 ** 4; // 1 TiB
/** A `timeout` written as a bare number below this is warned about: people think in minutes there. */
const BARE_TIMEOUT_WARNING_MS = 5 * 60_000;
const ORDER_TYPES = ['cc', 'subtitle', 'document', 'aiDubbing', 'studioDubbing'];
const ORDER_SUB_TYPES = ['closedCaption', 'timecodedTranscription'];
const DUBBING_STYLES = ['overdub', 'lipsync', 'audioDescription'];
const DUBBING_TYPES = ['aiDubbing', 'studioDubbing'];
const MODES = ['run', 'submit', 'collect', 'cancel'];
const ON_TIMEOUT = ['fail', 'cancel', 'continue'];
const DOWNLOAD_KINDS = ['subtitles', 'vtt', 'dubbing', 'documents'];
/** `download: auto`: what each order type delivers (the contract's `download` row). */
const AUTO_DOWNLOAD = {
    cc: ['subtitles', 'vtt'],
    subtitle: ['subtitles', 'vtt'],
    aiDubbing: ['dubbing', 'subtitles', 'vtt'],
    studioDubbing: ['dubbing', 'subtitles', 'vtt'],
    document: ['documents'],
};
const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);
const BOOLEAN_ACCEPTED = "'true' or 'false' (also yes/no or 1/0, in any letter case)";
const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
const ID_ACCEPTED = '1 to 128 letters, digits, - or _';
/** primary language (2-3 letters), optional script (4 letters), optional region (2 letters or 3 digits); quality-rules takes the same. */
const LANGUAGE_PATTERN = /^([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}|[0-9]{3}))?$/;
const LANGUAGE_ACCEPTED = 'language codes such as fr, es, pt-BR, zh-TW, zh-Hant or es-419, separated by commas, spaces or newlines';
const DURATION_ACCEPTED = 'a number with a unit: ms, s, m, h or d (500ms, 90s, 45m, 2h, 1h30m; a bare number is seconds)';
/** A duration written without a unit (docs of src/duration.ts): seconds. */
const BARE_NUMBER = /^(?:\d+(?:\.\d+)?|\.\d+)$/u;
const MAX_SHOWN = 60;
function trimmedInput(getInput, name) {
    const value = getInput(name);
    return typeof value === 'string' ? value.trim() : '';
}
function inputReader(getInput, env, secrets) {
    const raw = (name) => trimmedInput(getInput, name);
    const problems = [];
    const ok = (...inputs) => inputs.every((input) => !problems.some((problem) => problem.input === input));
    const check = (fallback, reader) => {
        try {
            return reader();
        }
        catch (error) {
            if (!(error instanceof Invalid))
                throw error;
            if (ok(error.input))
                problems.push({ input: error.input, message: error.message });
            return fallback;
        }
    };
    const fail = (input, problem, accepted) => {
        throw new Invalid(input, `Input '${input}': ${problem}. Accepted: ${accepted}.`);
    };
    return { raw, show: makeShow(secrets), warn: (message) => env.warn?.(message), fail, check, ok, problems };
}
/**
 * Reads every input. Throws one InputError listing every bad input, or SecretWithheldError
 * when the only problem is an api-key GitHub withheld on purpose.
 */
function readSettings(getInput, env) {
    // api-key first: its value is needed to keep it out of every later message.
    const apiKey = trimmedInput(getInput, 'api-key');
    const githubToken = trimmedInput(getInput, 'github-token');
    const reader = inputReader(getInput, env, [apiKey, githubToken]);
    const secretsWithheld = env.isForkPullRequest ? 'fork' : env.isDependabot ? 'dependabot' : undefined;
    checkApiKey(reader, apiKey, secretsWithheld);
    const values = readEachInput(reader, env);
    const rushLanguages = checkRelations(reader, values);
    if (reader.problems.length > 0)
        throw new InputError(reader.problems);
    if (apiKey === '' && secretsWithheld !== undefined)
        throw new SecretWithheldError(secretsWithheld);
    const { rushAll: _all, rushListed: _listed, sourceLanguage, orderSubType, dubbingStyle, callbackUrl, artifact, ...read } = values;
    const settings = { ...read, apiKey, githubToken, rushLanguages };
    if (sourceLanguage !== undefined && read.media !== '')
        settings.sourceLanguage = sourceLanguage;
    if (orderSubType !== undefined)
        settings.orderSubType = orderSubType;
    if (dubbingStyle !== undefined)
        settings.dubbingStyle = dubbingStyle;
    if (callbackUrl !== undefined)
        settings.callbackUrl = callbackUrl;
    if (artifact !== '')
        settings.artifact = artifact;
    return settings;
}
function checkApiKey(reader, apiKey, secretsWithheld) {
    const { check, fail } = reader;
    check(undefined, () => {
        if (apiKey === '') {
            // Expected where GitHub withholds secrets: decided once every other input has been read.
            if (secretsWithheld !== undefined)
                return;
            fail('api-key', 'is required and is empty (is the secret set for this repository?)', 'an Ollang API key, usually `${{ secrets.OLLANG_API_KEY }}`');
        }
        if (!/^[\x21-\x7e]+$/.test(apiKey)) {
            // Never echo the key. A header value with spaces or control characters would also fail in fetch.
            fail('api-key', 'contains spaces, control or non-ASCII characters (the value is not shown)', 'an Ollang API key of printable ASCII characters');
        }
    });
}
/** Each input on its own, in the order of action.yml. */
function readEachInput(reader, env) {
    const { raw, show, warn, fail, check, problems } = reader;
    const apiUrl = check(DEFAULT_API_URL, () => readApiUrl(raw('api-url'), show, fail));
    const projectId = check('', () => {
        const id = raw('project-id');
        if (id !== '' && !ID_PATTERN.test(id))
            fail('project-id', `${show(id)} is not a project ID`, `an Ollang project ID: ${ID_ACCEPTED}`);
        return id;
    });
    const targetLanguages = check([], () => readLanguages('target-languages', raw('target-languages'), show, fail));
    const rushRaw = raw('rush-languages');
    const rushAll = rushRaw.toLowerCase() === 'all';
    const rushListed = check([], () => {
        if (!rushAll && splitList(rushRaw).some((item) => item.toLowerCase() === 'all')) {
            fail('rush-languages', `${show(rushRaw)} combines 'all' with language codes`, "a subset of target-languages, or 'all' alone");
        }
        return rushAll ? [] : readLanguages('rush-languages', rushRaw, show, fail, "a subset of target-languages, or 'all'");
    });
    const orderType = check('subtitle', () => readEnum('order-type', raw('order-type'), ORDER_TYPES, 'subtitle', show, fail));
    const orderSubTypeRaw = raw('order-sub-type');
    const orderSubType = check(undefined, () => orderSubTypeRaw === ''
        ? undefined
        : readEnum('order-sub-type', orderSubTypeRaw, ORDER_SUB_TYPES, undefined, show, fail, ` (only with order-type 'cc'), or empty`));
    const dubbingStyleRaw = raw('dubbing-style');
    const dubbingStyle = check(undefined, () => dubbingStyleRaw === ''
        ? undefined
        : readEnum('dubbing-style', dubbingStyleRaw, DUBBING_STYLES, undefined, show, fail, ` (only with order-type 'aiDubbing' or 'studioDubbing'), or empty`));
    const level = check(0, () => {
        const text = raw('level');
        if (text === '1')
            return 1;
        if (text !== '' && text !== '0')
            fail('level', `${show(text)} is not a level`, "'0' (AI only) or '1' (AI plus human review)");
        return 0;
    });
    const autoQc = check(false, () => readBoolean('auto-qc', raw('auto-qc'), false, show, fail));
    const callbackUrl = check(undefined, () => readCallbackUrl(raw('callback-url'), show, fail));
    const mode = check('run', () => readEnum('mode', raw('mode'), MODES, 'run', show, fail));
    const orderIds = check([], () => readOrderIds(raw('order-ids'), show, fail));
    const reuseOrders = check(true, () => readBoolean('reuse-orders', raw('reuse-orders'), true, show, fail));
    const timeoutMs = check(0, () => readTimeout(raw('timeout'), show, fail, warn));
    const pollIntervalMs = check(0, () => {
        const ms = readDuration('poll-interval', raw('poll-interval'), '30s', show, fail, 'from 100ms up to 7 days');
        if (ms < MIN_POLL_INTERVAL_MS) {
            fail('poll-interval', `${show(raw('poll-interval'))} is shorter than the 100ms minimum`, `${DURATION_ACCEPTED}, from 100ms up to 7 days`);
        }
        return ms;
    });
    const onTimeout = check('fail', () => readEnum('on-timeout', raw('on-timeout'), ON_TIMEOUT, 'fail', show, fail));
    const cancelOnAbort = check(true, () => readBoolean('cancel-on-abort', raw('cancel-on-abort'), true, show, fail));
    const workspace = external_node_path_default().resolve(env.workspace);
    const { outputDir, outputDirRelative } = check({ outputDir: external_node_path_default().join(workspace, 'localized'), outputDirRelative: 'localized' }, () => readOutputDir(raw('output-dir'), workspace, show, fail));
    const download = check(new Set(), () => readDownload(raw('download'), orderType, show, fail));
    const prComment = check(true, () => readBoolean('pr-comment', raw('pr-comment'), true, show, fail));
    const dryRun = check(false, () => readBoolean('dry-run', raw('dry-run'), false, show, fail));
    const maxDownloadBytes = check(0, () => readByteSize('max-download-size', raw('max-download-size'), show, fail));
    // The media input's paths and patterns are checked against the workspace (media/find.ts), still before any request.
    const media = raw('media');
    const sourceLanguage = check(undefined, () => readSourceLanguage(raw('source-language'), show, fail));
    const outputPath = check((0,output_path/* parseOutputPath */.I6)('', { hasMedia: media !== '' }), () => readOutputPath(raw('output-path'), media !== ''));
    const artifact = check('', () => readArtifactName(raw('artifact'), show, fail));
    const qualityCheck = check('report', () => readEnum('quality-check', raw('quality-check'), verdict/* QUALITY_CHECK_MODES */.Yk, 'report', show, fail));
    // Every bad line of quality-rules is a problem of its own, each naming its line.
    const qualityRules = readQualityRules(raw('quality-rules'), show, problems);
    return {
        apiUrl,
        projectId,
        targetLanguages,
        rushAll,
        rushListed,
        orderType,
        orderSubType,
        dubbingStyle,
        level,
        autoQc,
        callbackUrl,
        mode,
        orderIds,
        reuseOrders,
        timeoutMs,
        pollIntervalMs,
        onTimeout,
        cancelOnAbort,
        workspace,
        outputDir,
        outputDirRelative,
        download,
        prComment,
        dryRun,
        maxDownloadBytes,
        media,
        sourceLanguage,
        outputPath,
        artifact,
        qualityCheck,
        qualityRules,
    };
}
/** The checks that relate inputs, each only when the inputs it relates are valid on their own; returns rush-languages resolved. */
function checkRelations(reader, values) {
    const { raw, show, warn, fail, check, ok } = reader;
    const { projectId, targetLanguages, rushAll, rushListed, orderType, orderSubType, dubbingStyle, mode, orderIds, outputDirRelative, download, media, sourceLanguage, outputPath, artifact, qualityCheck, qualityRules, } = values;
    check(undefined, () => {
        const problem = ok('output-path', 'download', 'order-type') ? (0,output_path/* extensionProblem */.XN)(outputPath, download) : undefined;
        if (problem !== undefined)
            fail('output-path', problem, 'a template with {ext}, or a fixed extension that matches the one kind download takes');
    });
    check(undefined, () => {
        if (media === '')
            return;
        const accepted = 'media files in the workspace (paths or glob patterns such as videos/**/*.mp4), with project-id and order-ids left empty';
        if (projectId !== '' && ok('project-id'))
            fail('media', 'is given together with project-id: each media file is its own Ollang project', `${accepted}; or project-id alone`);
        if (orderIds.length > 0 && ok('order-ids'))
            fail('media', 'is given together with order-ids, which name the orders to follow', `${accepted}; or order-ids alone`);
    });
    check(undefined, () => {
        if (media !== '' && sourceLanguage === undefined && ok('source-language'))
            fail('source-language', 'is required with media (orders are placed from it)', 'the language spoken in the media, such as en or pt-BR');
    });
    if (media === '' && sourceLanguage !== undefined) {
        warn(`Input 'source-language' (${sourceLanguage}) is ignored: it goes with media, and media is empty (project-id names a project whose language Ollang already knows).`);
    }
    if (orderIds.length === 0 && ok('order-ids', 'mode')) {
        const why = mode === 'collect' || mode === 'cancel'
            ? `mode '${mode}' needs order-ids, or project-id and target-languages`
            : 'it is required unless order-ids is given';
        check(undefined, () => {
            if (projectId === '' && media === '' && ok('project-id'))
                fail('project-id', `is empty, and ${why}`, `an Ollang project ID (${ID_ACCEPTED}), or set media or order-ids instead`);
        });
        check(undefined, () => {
            if (targetLanguages.length === 0 && ok('target-languages'))
                fail('target-languages', `is empty, and ${why}`, `${LANGUAGE_ACCEPTED}; or set order-ids instead`);
        });
    }
    if (orderIds.length > 0 && targetLanguages.length > 0) {
        // Valid, and easy to mistake for a filter: the order IDs alone say what is followed.
        warn(`Input 'target-languages' (${targetLanguages.join(', ')}) is ignored, and so is rush-languages: order-ids is given, and the action ` +
            `${mode === 'cancel' ? 'cancels' : 'follows'} exactly those orders, whatever their languages. Leave target-languages empty when you give order-ids.`);
    }
    let rushLanguages = [];
    if (rushAll) {
        rushLanguages = [...targetLanguages];
    }
    else if (ok('target-languages', 'rush-languages')) {
        const targets = new Set(targetLanguages);
        check(undefined, () => {
            for (const code of rushListed) {
                if (!targets.has(code)) {
                    const list = targetLanguages.length === 0 ? 'which is empty' : targetLanguages.join(', ');
                    fail('rush-languages', `${show(code)} is not in target-languages (${list})`, "a subset of target-languages, or 'all'");
                }
            }
        });
        const rush = new Set(rushListed);
        rushLanguages = targetLanguages.filter((code) => rush.has(code));
    }
    check(undefined, () => {
        if (orderSubType !== undefined && orderType !== 'cc' && ok('order-type')) {
            fail('order-sub-type', `${show(orderSubType)} is only allowed with order-type 'cc', and order-type is '${orderType}'`, `${ORDER_SUB_TYPES.join(', ')} with order-type 'cc'; otherwise leave it empty`);
        }
    });
    check(undefined, () => {
        if (dubbingStyle !== undefined && !DUBBING_TYPES.includes(orderType) && ok('order-type')) {
            fail('dubbing-style', `${show(dubbingStyle)} is only allowed with a dubbing order type, and order-type is '${orderType}'`, `${DUBBING_STYLES.join(', ')} with order-type 'aiDubbing' or 'studioDubbing'; otherwise leave it empty`);
        }
    });
    check(undefined, () => {
        // The artifact keeps the files' workspace paths, and the artifact service refuses paths with
        // these characters (@actions/artifact's file path check): said now, not after the paid work.
        const refused = ARTIFACT_PATH_REFUSED.exec(outputDirRelative)?.[0];
        if (artifact !== '' && refused !== undefined && ok('artifact', 'output-dir')) {
            fail('output-dir', `${show(raw('output-dir'))} contains '${refused}', which the artifact service refuses in file paths, and artifact is set`, `a folder whose path has none of " : < > | * ? when artifact is set; or leave artifact empty`);
        }
    });
    if (qualityCheck === 'off' && qualityRules.length > 0) {
        warn(`Input 'quality-rules' is ignored: quality-check is 'off', so no subtitle file is checked.`);
    }
    // A language in parentheses that no target language takes (a typo such as `(jp)`) does nothing.
    const unusedScopes = qualityCheck === 'off' || orderIds.length > 0 ? undefined : unusedScopesWarning(qualityRules, targetLanguages);
    if (unusedScopes)
        warn(unusedScopes);
    return rushLanguages;
}
/** One input's problem, thrown by a reader and collected by readSettings. */
class Invalid extends Error {
    input;
    constructor(input, message) {
        super(message);
        this.input = input;
    }
}
/** `quality-rules` (src/quality/rules.ts): the overrides; each bad line is added to `problems`. */
function readQualityRules(text, show, problems) {
    const parsed = parseQualityRules(text, show);
    problems.push(...parsed.problems.map(({ message }) => ({ input: QUALITY_RULES_INPUT, message })));
    return parsed.problems.length > 0 ? [] : parsed.overrides;
}
/** Splits a list written with commas, spaces and newlines in any mix. */
function splitList(text) {
    return text.split(/[\s,]+/u).filter((item) => item !== '');
}
/** `PT-br` -> `pt-BR`, `zh-hant` -> `zh-Hant`; undefined when it is not a language code. */
function normalizeLanguage(code) {
    const match = LANGUAGE_PATTERN.exec(code);
    if (!match)
        return undefined;
    const [, primary, script, region] = match;
    let out = primary.toLowerCase();
    if (script !== undefined)
        out += `-${script[0].toUpperCase()}${script.slice(1).toLowerCase()}`;
    if (region !== undefined)
        out += `-${region.toUpperCase()}`;
    return out;
}
function readLanguages(input, text, show, fail, accepted = LANGUAGE_ACCEPTED) {
    const out = [];
    const seen = new Set();
    for (const item of splitList(text)) {
        const code = normalizeLanguage(item);
        if (code === undefined) {
            const hint = item.includes('_') ? " (use '-', not '_')" : '';
            fail(input, `${show(item)} is not a language code${hint}`, accepted === LANGUAGE_ACCEPTED ? accepted : `${accepted}; as ${LANGUAGE_ACCEPTED}`);
        }
        else {
            if (seen.has(code))
                fail(input, `${show(code)} is listed more than once`, `${accepted === LANGUAGE_ACCEPTED ? LANGUAGE_ACCEPTED : accepted}, each once`);
            seen.add(code);
            out.push(code);
        }
    }
    return out;
}
function readSourceLanguage(text, show, fail) {
    if (text === '')
        return undefined;
    const code = normalizeLanguage(text);
    if (code === undefined) {
        fail('source-language', `${show(text)} is not a language code${text.includes('_') ? " (use '-', not '_')" : ''}`, 'the language spoken in the media, one code such as en, pt-BR or zh-Hant');
    }
    return code;
}
/** The output-path template (download/output-path.ts owns its rules and its message). */
function readOutputPath(text, hasMedia) {
    try {
        return (0,output_path/* parseOutputPath */.I6)(text, { hasMedia });
    }
    catch (error) {
        if (error instanceof InputError)
            throw new Invalid('output-path', error.problems[0].message);
        throw error;
    }
}
function readOrderIds(text, show, fail) {
    const out = [];
    const seen = new Set();
    for (const id of splitList(text)) {
        if (!ID_PATTERN.test(id))
            fail('order-ids', `${show(id)} is not an order ID`, `order IDs of ${ID_ACCEPTED}, separated by commas, spaces or newlines`);
        if (seen.has(id))
            fail('order-ids', `${show(id)} is listed more than once`, `order IDs of ${ID_ACCEPTED}, each once`);
        seen.add(id);
        out.push(id);
    }
    return out;
}
function readEnum(input, text, values, fallback, show, fail, acceptedSuffix = '') {
    if (text === '' && fallback !== undefined)
        return fallback;
    const found = values.find((value) => value.toLowerCase() === text.toLowerCase());
    if (found === undefined) {
        return fail(input, `${show(text)} is not one of the accepted values`, `${values.map((v) => `'${v}'`).join(', ')}${acceptedSuffix}`);
    }
    return found;
}
function readBoolean(input, text, fallback, show, fail) {
    if (text === '')
        return fallback;
    return parseBooleanWord(text) ?? fail(input, `${show(text)} is not a boolean`, BOOLEAN_ACCEPTED);
}
/** true / false (also yes / no, 1 / 0, any letter case); undefined for anything else. */
function parseBooleanWord(text) {
    const word = text.trim().toLowerCase();
    if (TRUE_WORDS.has(word))
        return true;
    if (FALSE_WORDS.has(word))
        return false;
    return undefined;
}
/**
 * `timeout`. A bare number is seconds, as the contract says; but next to the job's
 * `timeout-minutes`, `timeout: 60` reads as an hour to many. Below 5 minutes it is valid and
 * warned about, with the unit spelled out.
 */
function readTimeout(text, show, fail, warn) {
    const ms = readDuration('timeout', text, '60m', show, fail, 'from 0 up to 7 days');
    if (BARE_NUMBER.test(text) && ms > 0 && ms < BARE_TIMEOUT_WARNING_MS) {
        warn(`Input 'timeout': ${show(text)} has no unit, so it is ${text} seconds: the action waits at most ${(0,duration/* formatDuration */.a3)(ms)}. ` +
            `If you meant minutes, write ${show(`${text}m`)} (unlike the job's timeout-minutes, this input takes a unit: 90s, 45m, 2h).`);
    }
    return ms;
}
function readDuration(input, text, fallback, show, fail, range) {
    try {
        return (0,duration/* parseDuration */.E9)(text === '' ? fallback : text);
    }
    catch (error) {
        const reason = error instanceof duration/* DurationError */.N2 ? error.reason : 'is not a duration';
        return fail(input, `${show(text)} ${reason}`, `${DURATION_ACCEPTED}, ${range}`);
    }
}
/**
 * An http or https base URL. Plain http only to this machine (a local simulator or proxy): to
 * anywhere else it would send the API key across the network in clear text.
 */
function readApiUrl(text, show, fail) {
    if (text === '')
        return DEFAULT_API_URL;
    const accepted = `an https base URL without user name, password, query or fragment, such as ${DEFAULT_API_URL}; http only to this machine (localhost, 127.0.0.1, [::1])`;
    const url = parseUrl(text);
    if (url === undefined)
        return fail('api-url', `${show(text)} is not a URL`, accepted);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return fail('api-url', `${show(text)} does not use http or https`, accepted);
    }
    if (url.username !== '' || url.password !== '') {
        return fail('api-url', 'contains a user name or password (the value is not shown); the API key goes in api-key', accepted);
    }
    if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) {
        return fail('api-url', `${show(text)} has a query or fragment`, accepted);
    }
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        return fail('api-url', `${show(text)} uses plain http to another machine, which would send the API key unencrypted`, accepted);
    }
    return `${url.origin}${url.pathname.replace(/\/+$/u, '')}`;
}
/**
 * `localhost`, 127.0.0.0/8 and [::1], as WHATWG URL parsing normalises them (`http://0x7f.1`
 * is 127.0.0.1). Names under `.localhost` are not taken: Node resolves them through DNS.
 */
function isLoopback(hostname) {
    return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(hostname);
}
function readCallbackUrl(text, show, fail) {
    if (text === '')
        return undefined;
    const accepted = 'an absolute http or https URL, or empty';
    if (text.length > 2048)
        return fail('callback-url', 'is longer than 2048 characters', accepted);
    if (/[\s\p{Cc}]/u.test(text))
        return fail('callback-url', `${show(text)} contains spaces or control characters`, accepted);
    const url = parseUrl(text);
    if (url === undefined)
        return fail('callback-url', `${show(text)} is not a URL`, accepted);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return fail('callback-url', `${show(text)} does not use http or https`, accepted);
    }
    if (url.hostname === '')
        return fail('callback-url', `${show(text)} has no host`, accepted);
    return text;
}
function parseUrl(text) {
    try {
        return new URL(text);
    }
    catch {
        return undefined;
    }
}
function readOutputDir(text, workspace, show, fail) {
    const value = text === '' ? 'localized' : text;
    const accepted = `a folder inside the workspace, relative to it (such as 'localized' or 'docs/subtitles'), not the workspace root itself`;
    if (/\p{Cc}/u.test(value))
        fail('output-dir', `${show(value)} contains control characters`, accepted);
    if (value.startsWith('~'))
        fail('output-dir', `${show(value)} starts with '~', which is not expanded to a home folder`, accepted);
    const outputDir = external_node_path_default().resolve(workspace, value);
    const relative = external_node_path_default().relative(workspace, outputDir);
    if (relative === '')
        fail('output-dir', `${show(value)} is the workspace root itself`, accepted);
    if (external_node_path_default().isAbsolute(relative) || relative === '..' || relative.startsWith(`..${(external_node_path_default()).sep}`)) {
        fail('output-dir', `${show(value)} is outside the workspace (${workspace})`, accepted);
    }
    return { outputDir, outputDirRelative: relative.split((external_node_path_default()).sep).join('/') };
}
/** `auto` (the default): what the order type delivers; or a list of kinds; or `all` / `none` alone. */
function readDownload(text, orderType, show, fail) {
    const accepted = `'auto' (what the order type delivers), or any of ${DOWNLOAD_KINDS.map((k) => `'${k}'`).join(', ')} separated by commas or spaces, ` +
        `or 'all' alone, or 'none' alone`;
    const items = splitList(text === '' ? 'auto' : text).map((item) => item.toLowerCase());
    for (const word of ['auto', 'none', 'all']) {
        if (items.includes(word) && items.length !== 1)
            fail('download', `${show(text)} combines '${word}' with other values`, accepted);
    }
    if (items[0] === 'auto')
        return new Set(AUTO_DOWNLOAD[orderType]);
    if (items[0] === 'none')
        return new Set();
    if (items[0] === 'all')
        return new Set(DOWNLOAD_KINDS);
    const out = new Set();
    for (const item of items) {
        const kind = DOWNLOAD_KINDS.find((k) => k === item);
        if (kind === undefined)
            fail('download', `${show(item)} is not something that can be downloaded`, accepted);
        else
            out.add(kind);
    }
    return out;
}
/** Characters the artifact service refuses in an uploaded file's path (control characters aside). */
const ARTIFACT_PATH_REFUSED = /[":<>|*?]/;
/**
 * An artifact name as the artifact service takes it: not one of `" : < > | * ? \ /` nor a
 * control character (names must work as file names on every runner's file system). Checked
 * here so that a bad name fails before any order is paid for, not after the downloads.
 */
function readArtifactName(text, show, fail) {
    if (text === '')
        return '';
    const accepted = 'a name for the workflow artifact, without " : < > | * ? \\ / or control characters; or empty for no artifact';
    if (/[":<>|*?\\/\p{Cc}]/u.test(text))
        fail('artifact', `${show(text)} contains a character artifact names cannot have`, accepted);
    return text;
}
const BYTE_UNITS = {
    b: 1,
    kb: 1000,
    mb: 1000 ** 2,
    gb: 1000 ** 3,
    tb: 1000 ** 4,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
    tib: 1024 ** 4,
};
/** "2GiB", "500MB", "1048576", "1.5 GB" -> bytes. KB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024. */
function parseByteSize(text) {
    const match = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/u.exec(text.trim());
    if (!match)
        return undefined;
    const unit = match[2].toLowerCase();
    const size = unit === '' ? 1 : BYTE_UNITS[unit];
    if (size === undefined)
        return undefined;
    const bytes = Math.floor(Number(match[1]) * size);
    return Number.isSafeInteger(bytes) ? bytes : undefined;
}
function readByteSize(input, text, show, fail) {
    const accepted = 'a number of bytes, or a number with a unit KB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024), from 1KiB up to 1TiB, such as 500MB or 2GiB';
    const bytes = parseByteSize(text === '' ? DEFAULT_MAX_DOWNLOAD_SIZE : text);
    if (bytes === undefined)
        return fail(input, `${show(text)} is not a size`, accepted);
    if (bytes < MIN_DOWNLOAD_BYTES)
        return fail(input, `${show(text)} is smaller than 1KiB`, accepted);
    if (bytes > MAX_DOWNLOAD_BYTES)
        return fail(input, `${show(text)} is larger than 1TiB`, accepted);
    return bytes;
}
const ESCAPE = /[\p{Cc}\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udfff]/u;
/**
 * Quotes a value for a message: secrets blanked, URL credentials removed, control, bidi and
 * zero-width characters escaped, cut to about 60 characters.
 */
function makeShow(secrets) {
    return (value) => {
        let text = (0,redact/* redactSecrets */.f)(value, secrets);
        text = text.replace(/(\/\/)[^/@\s]*@/gu, '$1***@');
        let out = '';
        let count = 0;
        for (const char of text) {
            if (count >= MAX_SHOWN) {
                out += '…';
                break;
            }
            out += escapeChar(char);
            count += 1;
        }
        return `"${out}"`;
    };
}
function escapeChar(char) {
    if (char === '"')
        return '\\"';
    if (char === '\\')
        return '\\\\';
    if (!ESCAPE.test(char))
        return char;
    const code = char.codePointAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}


/***/ }),

/***/ 25728:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   be: () => (/* binding */ formatOf),
/* harmony export */   je: () => (/* binding */ extensionOf),
/* harmony export */   mA: () => (/* binding */ LIMIT_BYTES),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export FORMATS */
/**
 * The file formats Ollang's upload takes, by extension, with the size limit of each kind and
 * the Content-Type the upload's file part carries (docs/ollang-uploads.md).
 */
/** 30 GB for audio and video, 100 MB for documents: decimal units, the stricter reading of Ollang's "GB" / "MB". */
const LIMIT_BYTES = { video: 30 * 1000 ** 3, audio: 30 * 1000 ** 3, document: 100 * 1000 ** 2 };
const video = (contentType) => ({ kind: 'video', contentType });
const audio = (contentType) => ({ kind: 'audio', contentType });
const document = (contentType) => ({ kind: 'document', contentType });
/** Lower-case extension (no dot) -> format. */
const FORMATS = new Map([
    ['mp4', video('video/mp4')],
    ['mov', video('video/quicktime')],
    ['avi', video('video/x-msvideo')],
    ['wmv', video('video/x-ms-wmv')],
    ['flv', video('video/x-flv')],
    ['mkv', video('video/x-matroska')],
    ['mp3', audio('audio/mpeg')],
    ['wav', audio('audio/wav')],
    ['aac', audio('audio/aac')],
    ['m4a', audio('audio/mp4')],
    ['flac', audio('audio/flac')],
    ['ogg', audio('audio/ogg')],
    ['docx', document('application/vnd.openxmlformats-officedocument.wordprocessingml.document')],
    ['doc', document('application/msword')],
    ['pdf', document('application/pdf')],
    ['txt', document('text/plain')],
    ['rtf', document('application/rtf')],
    ['odt', document('application/vnd.oasis.opendocument.text')],
    ['pptx', document('application/vnd.openxmlformats-officedocument.presentationml.presentation')],
    ['ppt', document('application/vnd.ms-powerpoint')],
    ['odp', document('application/vnd.oasis.opendocument.presentation')],
    ['xlsx', document('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')],
    ['xls', document('application/vnd.ms-excel')],
    ['ods', document('application/vnd.oasis.opendocument.spreadsheet')],
    ['csv', document('text/csv')],
    ['jpeg', document('image/jpeg')],
    ['jpg', document('image/jpeg')],
    ['png', document('image/png')],
    ['html', document('text/html')],
    ['xml', document('application/xml')],
    ['json', document('application/json')],
    ['srt', document('application/x-subrip')],
    ['vtt', document('text/vtt')],
]);
/** The lower-case extension of a file name or path (`Intro.MP4` -> `mp4`), or '' when it has none. */
function extensionOf(fileName) {
    const base = fileName.slice(fileName.lastIndexOf('/') + 1);
    const dot = base.lastIndexOf('.');
    return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}
/** The format of a file, or undefined when Ollang does not take it. */
function formatOf(fileName) {
    return FORMATS.get(extensionOf(fileName));
}
/** Decimal units, as Ollang states its limits: `30 GB`, `100 MB`, `31.2 GB`. */
function formatBytes(bytes) {
    const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit += 1;
    }
    return unit === 0 ? `${bytes} bytes` : `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}


/***/ }),

/***/ 2732:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Nk: () => (/* binding */ readErrorBody),
/* harmony export */   UW: () => (/* binding */ explainError),
/* harmony export */   eO: () => (/* binding */ OllangError)
/* harmony export */ });
/* unused harmony export adviceFor */
/**
 * OllangError: every failure of a call to the Ollang API, whatever its cause.
 *
 * The message names the endpoint, the order (when there is one), the HTTP status, the API's own
 * code and message: "Get Order 60b8…: 404 ORDER_NOT_FOUND: No order found with the provided orderId".
 * It never carries the API key or any request header (the client scrubs the key from anything
 * the server echoes back).
 */
class OllangError extends Error {
    name = 'OllangError';
    kind;
    status;
    code;
    apiMessage;
    endpoint;
    orderId;
    /** True when the request may have been processed without us seeing the answer. */
    ambiguous;
    retryAfterMs;
    /** kind 'schema' only: the body was not JSON (a transient fault on reads: retried). */
    invalidJson;
    constructor(init) {
        super(formatMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
        this.kind = init.kind;
        this.endpoint = init.endpoint;
        this.ambiguous = init.ambiguous ?? false;
        this.invalidJson = init.invalidJson ?? false;
        if (init.status !== undefined)
            this.status = init.status;
        if (init.code !== undefined)
            this.code = init.code;
        if (init.apiMessage !== undefined)
            this.apiMessage = init.apiMessage;
        if (init.orderId !== undefined)
            this.orderId = init.orderId;
        if (init.retryAfterMs !== undefined)
            this.retryAfterMs = init.retryAfterMs;
    }
}
function formatMessage(init) {
    const subject = init.orderId ? `${init.endpoint} ${init.orderId}` : init.endpoint;
    const maybeProcessed = init.ambiguous ? ' (the request may still have been processed)' : '';
    switch (init.kind) {
        case 'http': {
            const head = [String(init.status ?? '?'), init.code].filter(Boolean).join(' ');
            const text = init.apiMessage ?? (init.statusText || 'no message from the API');
            return `${subject}: ${head}: ${text}${maybeProcessed}`;
        }
        case 'network':
            return `${subject}: network error${init.detail ? `: ${init.detail}` : ''}${maybeProcessed}`;
        case 'timeout':
            return `${subject}: no response${init.detail ? ` ${init.detail}` : ''}${maybeProcessed}`;
        case 'schema':
            return `${subject}: unexpected response${init.detail ? `: ${init.detail}` : ''}${maybeProcessed}`;
        case 'aborted':
            return `${subject}: aborted${init.detail ? ` (${init.detail})` : ''}${maybeProcessed}`;
    }
}
/**
 * Reads an error body (docs/ollang-api.md, "Conventions"): `detail`, then `message`, then `error`; `code` kept when it is a
 * string (the generic envelope's numeric `-1` says nothing). Non-JSON bodies yield a short text
 * snippet unless they look like an HTML page.
 */
function readErrorBody(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return {};
    let parsed;
    try {
        parsed = JSON.parse(trimmed);
    }
    catch {
        if (/^<(!doctype|html|\?xml)/i.test(trimmed))
            return {};
        return { apiMessage: clip(trimmed) };
    }
    if (typeof parsed === 'string' && parsed.trim() !== '')
        return { apiMessage: clip(parsed) };
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        return {};
    const body = parsed;
    const result = {};
    if (typeof body.code === 'string' && body.code.trim() !== '')
        result.code = body.code.trim();
    for (const key of ['detail', 'message', 'error']) {
        const text = messageText(body[key]);
        if (text) {
            result.apiMessage = clip(text);
            break;
        }
    }
    return result;
}
function messageText(value) {
    if (typeof value === 'string')
        return value.trim() || undefined;
    // NestJS validation pipes answer `message: ["a must be …", "b must be …"]`.
    if (Array.isArray(value)) {
        const parts = value.filter((v) => typeof v === 'string' && v.trim() !== '');
        return parts.length ? parts.join('; ') : undefined;
    }
    return undefined;
}
function clip(text, max = 500) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
/**
 * What to check when a failure most likely comes from the workflow's inputs rather than from
 * Ollang: the key (401, 403), the project (404 from a call about the project), the address
 * (no answer at all). Said in the failure, so that the job summary and the log carry the fix.
 */
function adviceFor(error) {
    if (!(error instanceof OllangError))
        return undefined;
    if (error.status === 401)
        return 'Check the secret passed as api-key: Ollang did not accept it as an API key.';
    if (error.status === 403)
        return "Check that the API key's Ollang account may use this project and its orders.";
    if (error.status === 404 && (error.code === 'PROJECT_NOT_FOUND' || error.endpoint === 'Create Order')) {
        return 'Check project-id: Ollang has no project with that ID for this API key.';
    }
    if (error.kind === 'network' || error.kind === 'timeout') {
        return 'Check api-url: the runner could not get an answer from Ollang there (a wrong address, or a network that blocks it); if it is right, Ollang may be down, so try again later.';
    }
    return undefined;
}
/** The error's message, followed by what to check where adviceFor knows. */
function explainError(error, message) {
    const advice = adviceFor(error);
    return advice ? `${message.replace(/\.?$/, '.')} ${advice}` : message;
}


/***/ }),

/***/ 38801:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   nZ: () => (/* binding */ resolvePolicy),
/* harmony export */   r3: () => (/* binding */ isRetryable),
/* harmony export */   vB: () => (/* binding */ maxRetryAfterMs)
/* harmony export */ });
/* unused harmony exports defaultRetryPolicy, backoffDelay */
const defaultRetryPolicy = Object.freeze({
    maxAttempts: 6,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
});
/** A server's Retry-After is honoured up to this long (the caller's deadline still applies). */
const maxRetryAfterMs = 5 * 60_000;
/**
 * 429, 408 and 5xx, network failures, time-outs and a 2xx body that is not JSON at all are
 * transient. Every other 4xx (400, 401, 403, 404, 409, …), a body of the wrong shape and an abort
 * are not.
 */
function isRetryable(error) {
    switch (error.kind) {
        case 'network':
        case 'timeout':
            return true;
        case 'http': {
            const status = error.status ?? 0;
            return status === 429 || status === 408 || status >= 500;
        }
        case 'schema':
            return error.invalidJson;
        case 'aborted':
            return false;
    }
}
/**
 * Delay before retry number `attempt` (1 = the first retry): full jitter over an exponential
 * ceiling, `random() * min(maxDelayMs, baseDelayMs * 2^(attempt-1))`. A server's Retry-After wins
 * when it is longer, capped at `maxRetryAfterMs`.
 */
function backoffDelay(attempt, policy, random, retryAfterMs) {
    const exponent = Math.max(0, Math.floor(attempt) - 1);
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 52));
    const r = Math.min(1, Math.max(0, random()));
    const jittered = Math.floor(Math.max(0, ceiling) * r);
    if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs <= 0)
        return jittered;
    return Math.max(jittered, Math.min(Math.ceil(retryAfterMs), maxRetryAfterMs));
}
/**
 * Retry-After as milliseconds: delta-seconds ("120") or an HTTP date, relative to `now`.
 * Undefined when absent or unreadable.
 */
function parseRetryAfter(value, now) {
    if (value == null)
        return undefined;
    const text = value.trim();
    if (text === '')
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/** A policy filled from defaults, with nonsense values (0 attempts, negative delays) repaired. */
function resolvePolicy(partial) {
    const merged = { ...defaultRetryPolicy, ...stripUndefined(partial ?? {}) };
    const attempts = merged.maxAttempts === Number.POSITIVE_INFINITY ? merged.maxAttempts : finiteOr(merged.maxAttempts, defaultRetryPolicy.maxAttempts);
    return {
        maxAttempts: Math.max(1, Math.floor(attempts)),
        baseDelayMs: Math.max(0, finiteOr(merged.baseDelayMs, defaultRetryPolicy.baseDelayMs)),
        maxDelayMs: Math.max(0, finiteOr(merged.maxDelayMs, defaultRetryPolicy.maxDelayMs)),
    };
}
function finiteOr(value, fallback) {
    return Number.isFinite(value) ? value : fallback;
}
function stripUndefined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
/**
 * Runs `attempt` (1, 2, …) until it succeeds, fails in a way `retryable` refuses, or the attempts
 * or the deadline run out; waits backoffDelay() between attempts.
 */
async function withRetries(attempt, options) {
    const { policy, signal } = options;
    for (let count = 1;; count++) {
        let error;
        try {
            return await attempt(count);
        }
        catch (caught) {
            error = caught;
        }
        if (!options.retryable(error))
            throw error;
        const giveUp = () => (options.exhausted ? options.exhausted(error, count) : error);
        if (count >= policy.maxAttempts)
            throw giveUp();
        const retryAt = options.clock() + backoffDelay(count, policy, options.random, options.retryAfterMs?.(error));
        const pastDeadline = (at) => {
            const deadline = options.deadline?.();
            return deadline !== undefined && at > deadline;
        };
        if (pastDeadline(retryAt))
            throw giveUp();
        await options.beforeRetry?.(error, count);
        // A slow beforeRetry (a look-up that hung) must not push the next attempt past the deadline.
        if (pastDeadline(Math.max(retryAt, options.clock())))
            throw giveUp();
        try {
            await options.sleep(Math.max(0, retryAt - options.clock()), signal);
        }
        catch (cause) {
            if (signal?.aborted)
                throw options.aborted(cause);
            throw cause;
        }
        if (signal?.aborted)
            throw options.aborted(signal.reason);
    }
}


/***/ }),

/***/ 19069:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ isFinished),
/* harmony export */   Dl: () => (/* binding */ explainStatusBriefly),
/* harmony export */   Ng: () => (/* binding */ isUsable),
/* harmony export */   cq: () => (/* binding */ explainStatus),
/* harmony export */   mm: () => (/* binding */ isCancelled),
/* harmony export */   oJ: () => (/* binding */ isSuccess),
/* harmony export */   uj: () => (/* binding */ statusMeaning)
/* harmony export */ });
/**
 * What an order's status means for the action (docs/ollang-api.md, "Order statuses"). The one
 * place that reads a status word: everything else asks these functions, never compares strings.
 *
 * `completed` / `delivered` finished well; `cancelled` / `failed` finished badly; every other value,
 * documented or not (`pending`, `ongoing`, `review`, `waitingForApprove`...), is unfinished. Any case
 * and surrounding spaces are accepted, and `canceled` (one l) is `cancelled`.
 */
const finishedWell = new Set(['completed', 'delivered']);
const cancelled = new Set(['cancelled', 'canceled']);
const finishedBadly = new Set([...cancelled, 'failed']);
function word(status) {
    return status.trim().toLowerCase();
}
function statusMeaning(status) {
    const s = word(status);
    if (finishedWell.has(s))
        return 'finished-well';
    if (finishedBadly.has(s))
        return 'finished-badly';
    return 'unfinished';
}
/** `completed` / `delivered`: finished well. */
function isSuccess(status) {
    return statusMeaning(status) === 'finished-well';
}
/** Finished well or badly; anything else, documented or not, is unfinished. */
function isFinished(status) {
    return statusMeaning(status) !== 'unfinished';
}
/** `cancelled` (or `canceled`). */
function isCancelled(status) {
    return cancelled.has(word(status));
}
/** Worth following or reusing: anything but finished badly (a cancelled or failed order never delivers). */
function isUsable(status) {
    return statusMeaning(status) !== 'finished-badly';
}
/**
 * What an unfinished status means for a reader waiting on it (docs/ollang-api.md, "Order
 * statuses"): the job summary and the progress line explain Ollang's words with these. Statuses
 * that need no explanation (`pending`, `ongoing`) and unknown ones have none.
 */
const WAITING_FOR = {
    waitingforapprove: 'a human-review gate: someone at Ollang must approve it, which can take long',
    review: 'a human reviewer is working on it',
    revision: 'being revised',
    qualitycheck: "in Ollang's quality check",
    delayed: 'late at Ollang',
    waitingforcc: 'waits for its captions to be done first',
    waitingforsubtitle: 'waits for its subtitles to be done first',
    readytosent: 'done, about to be delivered',
};
/** A few words on what an unfinished status waits for, or undefined when the word says it all. */
function explainStatus(status) {
    return WAITING_FOR[word(status)];
}
/** The short form of explainStatus for a one-line progress report (up to the first colon). */
function explainStatusBriefly(status) {
    return explainStatus(status)?.split(':')[0];
}


/***/ }),

/***/ 53303:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _x: () => (/* binding */ cancelOrders),
/* harmony export */   bi: () => (/* binding */ describeCancelResult),
/* harmony export */   id: () => (/* binding */ isStopped)
/* harmony export */ });
/* unused harmony export cancelOrder */
/* harmony import */ var _ollang_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2732);
/* harmony import */ var _ollang_status_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(19069);
/* harmony import */ var _for_each_limited_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(39891);
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(86587);




/** Stops one order. Never throws: the caller reports every result. */
async function cancelOrder(client, orderId) {
    try {
        const outcome = await client.cancelOrder(orderId);
        return { orderId, outcome };
    }
    catch (error) {
        if (!(error instanceof _ollang_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OllangError */ .eO) || error.status !== 400)
            return failure(orderId, error);
    }
    // 400: "not eligible". Find out why before deciding what else to do.
    try {
        const order = await client.getOrder(orderId);
        if ((0,_ollang_status_js__WEBPACK_IMPORTED_MODULE_1__/* .isCancelled */ .mm)(order.status))
            return { orderId, outcome: 'already-cancelled', status: order.status };
        if ((0,_ollang_status_js__WEBPACK_IMPORTED_MODULE_1__/* .isFinished */ .$g)(order.status))
            return { orderId, outcome: 'already-finished', status: order.status };
        if ((order.level ?? 0) >= 1) {
            const result = await client.cancelHumanReview(orderId);
            if (result.success === false) {
                return {
                    orderId,
                    outcome: 'error',
                    status: order.status,
                    message: `Ollang did not cancel the human review: ${result.message ?? 'no reason given'}`,
                };
            }
            return { orderId, outcome: 'human-review-cancelled', status: order.status, message: result.message };
        }
        return {
            orderId,
            outcome: 'not-cancellable',
            status: order.status,
            message: `Ollang no longer accepts cancelling this Level 0 order (status ${order.status}); it will finish on its own.`,
        };
    }
    catch (error) {
        return failure(orderId, error);
    }
}
/** Stops many orders at once, a few at a time, so that all of them fit in the runner's grace period. */
async function cancelOrders(client, orderIds, options = {}) {
    const results = new Array(orderIds.length);
    await (0,_for_each_limited_js__WEBPACK_IMPORTED_MODULE_2__/* .forEachLimited */ .v)(orderIds, options.concurrency ?? 8, async (orderId, index) => {
        const result = await cancelOrder(client, orderId);
        results[index] = result;
        options.onResult?.(result);
    });
    return results;
}
/** Whether the order no longer runs (or costs) anything after this result. */
function isStopped(result) {
    return result.outcome !== 'error' && result.outcome !== 'not-cancellable';
}
function describeCancelResult(result) {
    switch (result.outcome) {
        case 'cancelled':
            return 'cancelled';
        case 'already-cancelled':
            return 'was already cancelled';
        case 'human-review-cancelled':
            return 'human review cancelled (order reverted to Level 0, review refunded)';
        case 'already-finished':
            return `had already finished (${result.status ?? 'finished'})`;
        case 'not-cancellable':
            return `could not be cancelled: ${result.message ?? ''}`;
        case 'error':
            return `cancel failed: ${result.message ?? 'unknown error'}`;
    }
}
function failure(orderId, error) {
    return { orderId, outcome: 'error', message: (0,_error_message_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .g)(error) };
}


/***/ }),

/***/ 4609:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $y: () => (/* binding */ followUnread),
/* harmony export */   BP: () => (/* binding */ recordSeen),
/* harmony export */   EV: () => (/* binding */ timeOut),
/* harmony export */   Gb: () => (/* binding */ finishDownload),
/* harmony export */   Hq: () => (/* binding */ startDownload),
/* harmony export */   L2: () => (/* binding */ noteNothingDownloaded),
/* harmony export */   Ms: () => (/* binding */ recordStatus),
/* harmony export */   Sv: () => (/* binding */ recordCancel),
/* harmony export */   TN: () => (/* binding */ keyOf),
/* harmony export */   _U: () => (/* binding */ followOrder),
/* harmony export */   dW: () => (/* binding */ failDownload),
/* harmony export */   dm: () => (/* binding */ recordCheckFailed),
/* harmony export */   hD: () => (/* binding */ targetKey),
/* harmony export */   iA: () => (/* binding */ downloadCutOff),
/* harmony export */   l5: () => (/* binding */ recordGone),
/* harmony export */   mR: () => (/* binding */ recordFile),
/* harmony export */   mW: () => (/* binding */ reportedStatus),
/* harmony export */   nB: () => (/* binding */ learn),
/* harmony export */   nT: () => (/* binding */ isOpen)
/* harmony export */ });
/* harmony import */ var _ollang_status_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(19069);
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(86587);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(53303);
/* harmony import */ var _scope_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(57273);




/** Follows an order as Get Order shows it. */
function followOrder(order, options) {
    return {
        orderId: order.id,
        projectId: order.projectId ?? options.projectId ?? '',
        ...(options.media && options.media.length > 0 ? { media: options.media } : {}),
        language: order.targetLanguage,
        ...(order.sourceLanguage !== undefined ? { sourceLanguage: order.sourceLanguage } : {}),
        type: order.type,
        ...(order.level !== undefined ? { level: order.level } : {}),
        ...(order.createdAt !== undefined ? { createdAt: order.createdAt } : {}),
        created: options.created,
        status: order.status,
        state: 'waiting',
        files: [],
    };
}
/** An order this run created but could not read yet: followed all the same, the wait learns the rest. */
function followUnread(orderId, projectId, media) {
    return {
        orderId,
        projectId,
        ...(media && media.length > 0 ? { media } : {}),
        language: '',
        type: '',
        created: true,
        status: 'pending',
        state: 'waiting',
        files: [],
    };
}
/** The key of a (project, language): one target of the run. */
function targetKey(projectId, language) {
    return `${projectId}\u0000${(0,_scope_js__WEBPACK_IMPORTED_MODULE_2__/* .languageKey */ .Y2)(language)}`;
}
function keyOf(order) {
    return targetKey(order.projectId, order.language);
}
/** Still being waited for: not finished, or finished but its outputs not published yet. */
function isOpen(order) {
    return order.state === 'waiting' || order.state === 'awaiting-outputs';
}
/** Fills in what was unknown when the order was first followed (never a change of state). */
function learn(order, seen) {
    if (!order.language)
        order.language = seen.targetLanguage;
    if (!order.type)
        order.type = seen.type;
    if (!order.createdAt && seen.createdAt)
        order.createdAt = seen.createdAt;
    if (!order.projectId && seen.projectId)
        order.projectId = seen.projectId;
}
/** A good status check: what Ollang says now (no change of state: see recordStatus). */
function recordSeen(order, seen) {
    order.status = seen.status;
    learn(order, seen);
    delete order.lastCheckError;
}
function recordCheckFailed(order, message) {
    order.lastCheckError = message;
}
/**
 * A status for a waiting order. Finished well: its outputs are awaited; finished badly: failed.
 * Returns what happened, so that the caller can say so.
 */
function recordStatus(order, status, now) {
    const changed = status !== order.status;
    order.status = status;
    if (order.state !== 'waiting')
        return changed ? 'changed' : 'unchanged';
    const meaning = (0,_ollang_status_js__WEBPACK_IMPORTED_MODULE_0__/* .statusMeaning */ .uj)(status);
    if (meaning === 'finished-well') {
        order.state = 'awaiting-outputs';
        order.completedSeenAt = now;
    }
    else if (meaning === 'finished-badly') {
        order.state = 'failed';
        order.problem = `Ollang reports the order as ${status}`;
    }
    if (meaning !== 'unfinished')
        return meaning;
    return changed ? 'changed' : 'unchanged';
}
/** Ollang no longer knows the order (404). */
function recordGone(order, message) {
    order.state = 'failed';
    order.problem = `Ollang no longer knows this order: ${message}`;
}
/** Its outputs are published (or the grace period is over): the download starts. */
function startDownload(order) {
    order.state = 'downloading';
}
function recordFile(order, relativePath, media) {
    order.files.push(relativePath);
    if (media !== undefined && (order.media?.length ?? 0) > 1)
        ((order.filesByMedia ??= {})[media] ??= []).push(relativePath);
}
/** The download ended: done when nothing went wrong, else failed with every problem named. */
function finishDownload(order, problems, now) {
    order.doneAt = now;
    if (problems.length === 0) {
        order.state = 'done';
        return;
    }
    order.state = 'failed';
    order.problem = problems.join('; ');
}
/**
 * A finished order none of whose outputs was downloaded (`download` asks for kinds it did not
 * have): not a failed download, but said in the report, next to the order.
 */
function noteNothingDownloaded(order, why) {
    order.problem = why;
}
/**
 * The run's deadline stopped the download: not a failed download, the run's time was up
 * (on-timeout decides what that means).
 */
function downloadCutOff(order, problems, now) {
    order.doneAt = now;
    order.state = 'timed-out';
    order.problem = `completed, but its download was stopped at the deadline: ${problems.join('; ')}`;
}
/** A download that threw instead of recording its problems: never a silent order left `downloading`. */
function failDownload(order, error) {
    if (order.state !== 'downloading')
        return;
    order.state = 'failed';
    order.problem = `its download failed: ${(0,_error_message_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .g)(error)}`;
}
/** The wait's deadline passed with the order still open. */
function timeOut(order) {
    order.problem =
        order.state === 'awaiting-outputs'
            ? 'completed, but Ollang had not published its outputs when the wait ended'
            : `still ${order.status} when the wait ended`;
    if (order.lastCheckError)
        order.problem += `; the last check failed: ${order.lastCheckError}`;
    order.state = 'timed-out';
}
/** A cancel this run sent for the order (abort, on-timeout: cancel, a duplicate it yielded). */
function recordCancel(order, result) {
    if (result.outcome === 'cancelled' || result.outcome === 'already-cancelled')
        order.status = 'cancelled';
    if (!(0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .isStopped */ .id)(result))
        order.problem = (0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .describeCancelResult */ .bi)(result);
}
/** The order's status as the report shows it: Ollang's, except where the action's own verdict says more. */
function reportedStatus(order) {
    // Timed out, then cancelled (on-timeout: cancel): what became of it is the cancel.
    if (order.state === 'timed-out')
        return (0,_ollang_status_js__WEBPACK_IMPORTED_MODULE_0__/* .isCancelled */ .mm)(order.status) ? 'cancelled' : 'timed-out';
    const meaning = (0,_ollang_status_js__WEBPACK_IMPORTED_MODULE_0__/* .statusMeaning */ .uj)(order.status);
    if (order.state === 'failed' && meaning === 'finished-well')
        return 'download-failed';
    if (order.state === 'failed' && meaning === 'unfinished')
        return 'failed';
    return order.status;
}


/***/ }),

/***/ 36317:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dn: () => (/* binding */ scanOrders),
/* harmony export */   gP: () => (/* binding */ yieldToEarlierOrders),
/* harmony export */   recentOrders: () => (/* binding */ recentOrders),
/* harmony export */   vY: () => (/* binding */ findReusable)
/* harmony export */ });
/* unused harmony export REUSE_SCAN_MAX_PAGES */
/* harmony import */ var _ollang_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2732);
/* harmony import */ var _ollang_status_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(19069);
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(86587);
/* harmony import */ var _followed_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4609);
/* harmony import */ var _scope_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(57273);





/** List Orders pages a reuse scan may read (50 orders each): the README states this bound. */
const REUSE_SCAN_MAX_PAGES = 4;
/** Orders of one language stamped this close together (Ollang's clock) are runs started together. */
const BURST_MS = 2 * 60_000;
/** Candidates of one language confirmed with Get Order before giving up on reusing it. */
const CANDIDATES_PER_LANGUAGE = 3;
/** A RecentOrders reading at most `maxPages` pages (once, when first asked), newest first. */
function recentOrders(client, orderType, maxPages) {
    let listed;
    return {
        async candidates(scope, languages) {
            listed ??= (async () => {
                const all = [];
                for await (const summary of client.listAllOrders({ take: 50, orderBy: 'createdAt', orderDirection: 'desc', filter: { type: orderType } }, { maxPages }))
                    all.push(summary);
                return all;
            })();
            const wanted = new Set(languages.map(_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .languageKey */ .Y2));
            const out = new Map();
            for (const summary of await listed) {
                // Filters are hints (docs/ollang-api.md): every item is checked here.
                if (summary.projectId !== scope.projectId || summary.type !== scope.orderType || !(0,_ollang_status_js__WEBPACK_IMPORTED_MODULE_1__/* .isUsable */ .Ng)(summary.status))
                    continue;
                const language = (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .languageKey */ .Y2)(summary.targetLanguage);
                if (wanted.has(language))
                    out.set(language, [...(out.get(language) ?? []), summary.id]);
            }
            return out;
        },
    };
}
/**
 * Usable orders (not cancelled or failed) for the scope, by language: first those an earlier run
 * remembered, then a bounded scan of List Orders. Every candidate is confirmed with Get Order
 * (List Orders shows no level, and a remembered order may have been cancelled since).
 */
async function findReusable(context, scope, languages) {
    const found = new Map();
    const wanted = new Set(languages.map(_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .languageKey */ .Y2));
    // The manifest is kept by scope, level included: its level is the one we sent, whatever scale
    // Ollang reports levels on (docs/ollang-api.md), so a remembered order's level is not checked.
    const remembered = context.memory ? await context.memory.recall(scope) : new Map();
    await confirmCandidates(context.client, scope, remembered, wanted, found, { level: false });
    // With many projects: the run's one scan of the newest orders across projects, for what it shows.
    if (context.recent && wanted.size > found.size) {
        const recent = await context.recent.candidates(scope, [...wanted].filter((l) => !found.has(l)));
        await confirmCandidates(context.client, scope, recent, wanted, found, { level: true });
    }
    if (wanted.size > found.size) {
        const summaries = await scanOrders(context.client, scope, { languages: [...wanted].filter((l) => !found.has(l)) });
        const usable = summaries.filter((summary) => (0,_ollang_status_js__WEBPACK_IMPORTED_MODULE_1__/* .isUsable */ .Ng)(summary.status));
        // Newest first, except an order with an older one of its language created just before it:
        // its run cancels it in favour of the older one (yieldToEarlierOrders), so prefer the survivor.
        const yields = (s) => usable.some((o) => o !== s &&
            (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .languageKey */ .Y2)(o.targetLanguage) === (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .languageKey */ .Y2)(s.targetLanguage) &&
            isOlder(o, s) &&
            Date.parse(s.createdAt ?? '') - Date.parse(o.createdAt ?? '') <= BURST_MS);
        const candidates = new Map();
        for (const summary of [...usable.filter((s) => !yields(s)), ...usable.filter(yields)]) {
            const language = (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .languageKey */ .Y2)(summary.targetLanguage);
            candidates.set(language, [...(candidates.get(language) ?? []), summary.id]);
        }
        await confirmCandidates(context.client, scope, candidates, wanted, found, { level: true });
    }
    return found;
}
async function confirmCandidates(client, scope, candidates, wanted, found, check) {
    await Promise.all([...candidates].map(async ([language, orderIds]) => {
        if (!wanted.has(language) || found.has(language))
            return;
        for (const orderId of orderIds.slice(0, CANDIDATES_PER_LANGUAGE)) {
            const order = await client.getOrder(orderId).catch((error) => {
                if (error instanceof _ollang_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OllangError */ .eO && error.status === 404)
                    return undefined; // gone: not reusable
                // Unreadable is not unusable: ordering again now could buy a language twice.
                throw new Error(`Could not check whether order ${orderId} (${language}) can be reused, so nothing was ordered: ${(0,_error_message_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}`, { cause: error });
            });
            if (order && (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .inScope */ .SB)(order, scope, check) && (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .languageKey */ .Y2)(order.targetLanguage) === language && (0,_ollang_status_js__WEBPACK_IMPORTED_MODULE_1__/* .isUsable */ .Ng)(order.status)) {
                found.set(language, order);
                return;
            }
        }
    }));
}
/**
 * Newest orders of the project and type, filtered on our side (a server may ignore filters:
 * docs/ollang-api.md), reading at most `maxPages` pages (`onMorePages`: stopped there with more left).
 */
async function scanOrders(client, scope, options = {}) {
    const languages = options.languages ? new Set(options.languages.map(_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .languageKey */ .Y2)) : undefined;
    const matches = [];
    const pages = client.listAllOrders({
        take: 50,
        orderBy: 'createdAt',
        orderDirection: 'desc',
        filter: {
            type: scope.orderType,
            projectId: scope.projectId,
            ...(options.createdFrom ? { createdAtFrom: options.createdFrom } : {}),
        },
    }, { maxPages: options.maxPages ?? REUSE_SCAN_MAX_PAGES, ...(options.onMorePages ? { onMorePages: options.onMorePages } : {}) });
    for await (const summary of pages) {
        if (summary.projectId !== undefined && summary.projectId !== scope.projectId)
            continue;
        if (summary.type !== scope.orderType)
            continue;
        if (languages && !languages.has((0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .languageKey */ .Y2)(summary.targetLanguage)))
            continue;
        if (options.createdFrom && summary.createdAt && Date.parse(summary.createdAt) < Date.parse(options.createdFrom))
            continue;
        matches.push(summary);
    }
    return matches;
}
/**
 * Runs started together (a workflow matrix, two pushes) can each find nothing to reuse and each
 * create the same language. Every run settles it the same way: the oldest usable order of a
 * (type, level, language) on the content's projects is kept, and a run whose own order is younger
 * cancels it (it was created moments ago, so it is still `pending` and cancellable) and follows
 * the older one instead, cancelling the child orders it added with it too. On the project ordered
 * on, orders from just before ours count (one List Orders page); on the other projects of the same
 * content (`otherProjectIds`: two runs that each uploaded the file), any older usable order does,
 * since this run's look-ups did not show it in time to reuse it. Only when this run created something.
 */
async function yieldToEarlierOrders(context, scope, created, otherProjectIds = [], 
/**
 * On the project ordered on, how long before this run's oldest new order a rival counts: the
 * time since this run's own look-up (a 429's pause, other projects' uploads) plus BURST_MS, as
 * an order made meanwhile was not seen; Infinity for a project this run just uploaded (any
 * older order on it is another run's). BURST_MS alone by default.
 */
sinceLookupMs = 0) {
    const { client, log, state } = context;
    const mine = created.filter((o) => o.type === scope.orderType);
    const oldest = Math.min(...mine.map((o) => Date.parse(o.createdAt ?? '') || Infinity));
    if (!Number.isFinite(oldest))
        return created;
    const languages = mine.map((o) => o.language);
    const maxPages = Math.ceil(mine.length / 50) + 1;
    const rivals = [];
    try {
        const projects = [scope.projectId, ...otherProjectIds.filter((id) => id !== scope.projectId)];
        for (const projectId of new Set(projects)) {
            const own = projectId === scope.projectId;
            const listed = await scanOrders(client, { ...scope, projectId }, {
                languages,
                maxPages,
                ...(own && Number.isFinite(sinceLookupMs)
                    ? { createdFrom: new Date(oldest - BURST_MS - Math.max(0, sinceLookupMs)).toISOString() }
                    : {}),
            });
            rivals.push(...listed.map((summary) => ({ summary, projectId })));
        }
    }
    catch (error) {
        if (error instanceof _ollang_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OllangError */ .eO && (error.status === 401 || error.kind === 'aborted'))
            throw error;
        if (rivals.length === 0)
            return created; // a courtesy check: never fail a run over it
    }
    const ours = new Set(created.map((o) => o.orderId));
    const result = [];
    const givenUp = [];
    for (const order of created) {
        if (order.type !== scope.orderType) {
            result.push(order);
            continue;
        }
        const earlier = rivals
            .filter(({ summary: r }) => !ours.has(r.id) && (0,_ollang_status_js__WEBPACK_IMPORTED_MODULE_1__/* .isUsable */ .Ng)(r.status) && (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .languageKey */ .Y2)(r.targetLanguage) === (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .languageKey */ .Y2)(order.language) && isOlder(r, order))
            .sort((a, b) => (isOlder(a.summary, b.summary) ? -1 : 1));
        let replacement;
        for (const rival of earlier.slice(0, CANDIDATES_PER_LANGUAGE)) {
            const candidate = await client.getOrder(rival.summary.id).catch(() => undefined);
            // Both levels as Ollang reports them: on one scale, whichever it uses (docs/ollang-api.md).
            const level = order.level ?? scope.level;
            if (candidate && (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .inScope */ .SB)(candidate, { ...scope, projectId: rival.projectId, level }, { level: true }) && (0,_ollang_status_js__WEBPACK_IMPORTED_MODULE_1__/* .isUsable */ .Ng)(candidate.status)) {
                replacement = { order: candidate, projectId: rival.projectId };
                break;
            }
        }
        if (!replacement) {
            result.push(order);
            continue;
        }
        try {
            const outcome = await client.cancelOrder(order.orderId);
            state.recordSettled([order.orderId]);
            const where = replacement.projectId === scope.projectId ? '' : ` on project ${replacement.projectId}, of the same content`;
            log.info(`${order.language}: another run ordered it first (${replacement.order.id}${where}); ${outcome} this run's duplicate ${order.orderId} and following that order.`);
            result.push((0,_followed_js__WEBPACK_IMPORTED_MODULE_2__/* .followOrder */ ._U)(replacement.order, { created: false, projectId: replacement.projectId }));
            givenUp.push(order);
        }
        catch (error) {
            // Could not cancel ours (already past pending): keep it, we pay for it anyway.
            log.debug(`Keeping ${order.orderId}: cancelling the duplicate failed (${(0,_error_message_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}).`);
            result.push(order);
        }
    }
    return givenUp.length === 0 ? result : await cancelChildren(context, scope, result, givenUp);
}
/**
 * The child orders (another type) of the parents this run gave up go with them: cancelled and no
 * longer followed. One that may as well be a kept parent's (children in the source language look
 * alike) is kept: cancelling it could stall an order this run still waits for.
 */
async function cancelChildren(context, scope, followed, givenUp) {
    const asParent = (o) => ({ targetLanguage: o.language, sourceLanguage: o.sourceLanguage, createdAt: o.createdAt });
    const kept = followed.filter((o) => o.created && o.type === scope.orderType).map(asParent);
    const result = [];
    for (const order of followed) {
        const child = { targetLanguage: order.language, createdAt: order.createdAt };
        const orphan = order.created &&
            order.type !== scope.orderType &&
            givenUp.some((parent) => (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .isChildOf */ .aO)(child, asParent(parent))) &&
            !kept.some((parent) => (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .isChildOf */ .aO)(child, parent));
        if (!orphan) {
            result.push(order);
            continue;
        }
        try {
            const outcome = await context.client.cancelOrder(order.orderId);
            context.state.recordSettled([order.orderId]);
            context.log.info(`${order.type} order ${order.orderId} (${order.language}) came with a duplicate this run gave up: ${outcome}.`);
        }
        catch (error) {
            context.log.debug(`Keeping ${order.orderId}: cancelling the child order of a duplicate failed (${(0,_error_message_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}).`);
            result.push(order);
        }
    }
    return result;
}
/** Older = created earlier; ties broken by ID so that every run picks the same survivor. */
function isOlder(a, b) {
    const ta = Date.parse(a.createdAt ?? '') || Infinity;
    const tb = Date.parse(b.createdAt ?? '') || Infinity;
    if (ta !== tb)
        return ta < tb;
    return (a.id ?? a.orderId ?? '') < (b.id ?? b.orderId ?? '');
}


/***/ }),

/***/ 57273:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   SB: () => (/* binding */ inScope),
/* harmony export */   Y2: () => (/* binding */ languageKey),
/* harmony export */   Zs: () => (/* binding */ stampOf),
/* harmony export */   aO: () => (/* binding */ isChildOf)
/* harmony export */ });
/* unused harmony export CHILD_STAMP_WINDOW_MS */
/** Language codes compare case-insensitively (`pt-BR` and `pt-br` are one language). */
function languageKey(language) {
    return language.toLowerCase();
}
/** An order of the scope's project (where Ollang says which) and type, and, when `level` is checked, of its level. */
function inScope(order, scope, options) {
    if (order.projectId !== undefined && order.projectId !== scope.projectId)
        return false;
    if (order.type !== scope.orderType)
        return false;
    // A level Ollang does not report matches; one it reports must be ours (docs/ollang-api.md, "Orders").
    return !options.level || (order.level ?? scope.level) === scope.level;
}
/** How far apart (Ollang's clock) a parent order and the child orders it adds may be stamped. */
const CHILD_STAMP_WINDOW_MS = 5_000;
/**
 * Whether `candidate`, an order of another type made by the same Create Order call, may be a
 * child order of `parent` (docs/ollang-api.md, "Create Order"): stamped within moments of it, in
 * its target or source language. Nothing in an order links the two: children in the source
 * language look alike whichever parent of the call added them.
 */
function isChildOf(candidate, parent) {
    const language = languageKey(candidate.targetLanguage);
    if (language !== languageKey(parent.targetLanguage) && language !== languageKey(parent.sourceLanguage ?? ''))
        return false;
    const a = stampOf(candidate);
    const b = stampOf(parent);
    return a === undefined || b === undefined || Math.abs(a - b) <= CHILD_STAMP_WINDOW_MS;
}
/** An order's `createdAt` (Ollang's clock) in epoch ms, or undefined. */
function stampOf(order) {
    const t = order.createdAt === undefined ? NaN : Date.parse(order.createdAt);
    return Number.isFinite(t) ? t : undefined;
}


/***/ }),

/***/ 92945:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ej: () => (/* binding */ LIMIT_RULES),
/* harmony export */   I9: () => (/* binding */ limitsFor),
/* harmony export */   Op: () => (/* binding */ normalizeLanguage)
/* harmony export */ });
/**
 * Readability limits per language: the defaults of Netflix's Timed Text Style Guide (the
 * general requirements and the per-language guides), and how `quality-rules` overrides them.
 * docs/quality.md lists them with their sources.
 */
const LIMIT_RULES = ['max-cps', 'max-line-length', 'max-lines', 'min-duration', 'max-duration', 'min-gap'];
/**
 * Netflix's general limits: 42 characters a line, 2 lines, 5/6 s (20 frames at 24 fps) to 7 s
 * on screen, 2 frames (83 ms at 24 fps) between subtitles, 17 characters a second (adult
 * programmes).
 */
const GENERAL = {
    'max-cps': 17,
    'max-line-length': 42,
    'max-lines': 2,
    'min-duration': 833,
    'max-duration': 7000,
    'min-gap': 83,
};
/**
 * Per-language guides where they differ from the general limits. Japanese has no minimum gap
 * (its guide sets none) and a 0.5 s minimum duration.
 */
const PROFILES = {
    en: { limits: { 'max-cps': 20 } },
    ar: { limits: { 'max-cps': 20 } },
    hi: { limits: { 'max-cps': 22 } },
    ko: { limits: { 'max-cps': 12, 'max-line-length': 16 }, halfWidthCountsHalf: true },
    zh: { limits: { 'max-cps': 9, 'max-line-length': 16 }, halfWidthCountsHalf: true },
    ja: { limits: { 'max-cps': 4, 'max-line-length': 13, 'min-duration': 500, 'min-gap': undefined }, halfWidthCountsHalf: true },
};
/** ISO 639-2/3 codes and Chinese macrolanguage members that share a profile with a two-letter code. */
const ALIASES = {
    eng: 'en',
    ara: 'ar',
    hin: 'hi',
    kor: 'ko',
    jpn: 'ja',
    zho: 'zh',
    chi: 'zh',
    cmn: 'zh',
    yue: 'zh',
};
/** `pt_BR` -> `pt-br`: the form scopes and profiles are compared in. */
function normalizeLanguage(language) {
    return language.trim().toLowerCase().replace(/_/g, '-');
}
/** The primary subtag, with three-letter aliases folded: `zh-hant-tw` -> `zh`, `jpn` -> `ja`. */
function primaryLanguage(normalized) {
    const primary = normalized.split('-', 1)[0] ?? '';
    return ALIASES[primary] ?? primary;
}
/**
 * The limits for `language`: its guide's defaults, then the overrides for every language, then
 * those for its primary language (`zh` covers `zh-TW`), then those for its exact code.
 */
function limitsFor(language, overrides = []) {
    const normalized = normalizeLanguage(language);
    const primary = primaryLanguage(normalized);
    const profile = PROFILES[primary];
    const limits = { ...GENERAL, ...profile?.limits };
    const specificity = (scope) => {
        if (scope === undefined)
            return 0;
        if (scope === normalized)
            return 2;
        return !scope.includes('-') && primaryLanguage(scope) === primary ? 1 : -1;
    };
    const applicable = overrides.filter((override) => specificity(override.scope) >= 0);
    applicable.sort((a, b) => specificity(a.scope) - specificity(b.scope));
    for (const override of applicable)
        limits[override.rule] = override.value;
    return { language, limits, halfWidthCountsHalf: profile?.halfWidthCountsHalf ?? false };
}


/***/ }),

/***/ 78804:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ qualityOutput)
/* harmony export */ });
/* unused harmony export QUALITY_OUTPUT_BUDGET */
/** GitHub keeps an output up to 1 MB, and all of a job's outputs share a limit: `quality` takes at most half of that. */
const QUALITY_OUTPUT_BUDGET = 512 * 1024;
/**
 * The `quality` output: the files as JSON, in the contract's shape. When every finding does not
 * fit in `budget` bytes, each file keeps its most important findings (the same number for all)
 * and `errors` / `warnings` still count them all; `findingsLeftOut` says how many were left out.
 */
function qualityOutput(files, budget = QUALITY_OUTPUT_BUDGET) {
    const shape = (keep) => JSON.stringify(files.map(({ file, language, cues, errors, warnings, findings }) => ({
        file,
        language,
        cues,
        errors,
        warnings,
        findings: findings.slice(0, keep).map(({ rule, severity, line, message }) => ({ rule, severity, line, message })),
    })));
    const total = files.reduce((n, file) => n + file.findings.length, 0);
    let keep = Math.max(0, ...files.map((file) => file.findings.length));
    let json = shape(keep);
    while (Buffer.byteLength(json) > budget && keep > 0) {
        keep = Math.floor(keep / 2);
        json = shape(keep);
    }
    const kept = files.reduce((n, file) => n + Math.min(keep, file.findings.length), 0);
    return { json, findingsLeftOut: total - kept };
}


/***/ }),

/***/ 3296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Uz: () => (/* binding */ qualityFailure),
/* harmony export */   Yk: () => (/* binding */ QUALITY_CHECK_MODES),
/* harmony export */   Yw: () => (/* binding */ ERROR_ORDER),
/* harmony export */   e4: () => (/* binding */ qualityFailureBrief),
/* harmony export */   sr: () => (/* binding */ qualityStatus)
/* harmony export */ });
/** The accepted values of the `quality-check` input, the default first. */
const QUALITY_CHECK_MODES = ['report', 'off', 'fail', 'strict'];
/** Errors, the most important first (findings, annotations): a file that cannot be read before a cue that overlaps. */
const ERROR_ORDER = ['not-utf8', 'no-cues', 'unparseable', 'end-before-start', 'out-of-order', 'overlap'];
/** `skipped` when the check is off or no SRT / WebVTT file was saved; else the worst finding's severity. */
function qualityStatus(mode, files) {
    if (mode === 'off' || files.length === 0)
        return 'skipped';
    if (files.some((file) => file.errors > 0))
        return 'failed';
    return files.some((file) => file.warnings > 0) ? 'warnings' : 'passed';
}
/**
 * The message the step fails with (setFailed), or `undefined` when `quality-check` lets it pass:
 * `fail` fails on errors, `strict` on warnings too, `report` and `off` never.
 */
function qualityFailure(mode, files) {
    const counted = failingCounts(mode, files);
    if (counted === undefined)
        return undefined;
    return (`Subtitle quality check failed (quality-check: ${mode}): ${counted}. ` +
        'The annotations show where; the job summary and the `quality` output list the findings.');
}
/**
 * What fails the step, for the run's one-line result (`subtitle quality: 3 errors in 2 files
 * (quality-check: fail)`), or `undefined` when `quality-check` lets the step pass.
 */
function qualityFailureBrief(mode, files) {
    const counted = failingCounts(mode, files);
    return counted === undefined ? undefined : `subtitle quality: ${counted} (quality-check: ${mode})`;
}
/** `3 errors in 2 files` (strict: `3 errors and 5 warnings in 4 files`) when the step fails on them; else `undefined`. */
function failingCounts(mode, files) {
    const status = qualityStatus(mode, files);
    const failing = (mode === 'fail' && status === 'failed') || (mode === 'strict' && (status === 'failed' || status === 'warnings'));
    if (!failing)
        return undefined;
    const errors = files.reduce((sum, file) => sum + file.errors, 0);
    const warnings = files.reduce((sum, file) => sum + file.warnings, 0);
    const withFindings = files.filter((file) => (mode === 'strict' ? file.errors + file.warnings : file.errors) > 0).length;
    const counted = mode === 'strict' ? `${plural(errors, 'error')} and ${plural(warnings, 'warning')}` : plural(errors, 'error');
    return `${counted} in ${plural(withFindings, 'file')}`;
}
/** `1,500 cues`, `1 file`. */
function plural(count, noun) {
    return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
/**
 * `150,000`: a whole number with thousands separators, as toLocaleString('en-US') writes it,
 * without loading ICU's number formatting (its first use took 12 ms, a tenth of checking a film
 * in 100 languages).
 */
function formatCount(count) {
    return String(count).replace(/\B(?=(?:\d{3})+$)/g, ',');
}


/***/ }),

/***/ 76670:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ redactSecrets)
/* harmony export */ });
/**
 * Blanks secrets (the API key, the GitHub token) out of text the action did not write itself: an
 * API's error message, an echoed value, an input quoted in an error. The one scrubber: the
 * Ollang client, the input messages and the PR comment all use it.
 */
function redactSecrets(text, secrets) {
    // Longest first, so that a secret containing another is blanked whole.
    const blank = secrets.filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
    let result = text;
    for (const secret of blank)
        result = result.split(secret).join('***');
    return result;
}


/***/ }),

/***/ 33683:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   cT: () => (/* binding */ realSetTimer),
/* harmony export */   dQ: () => (/* binding */ realClock),
/* harmony export */   uk: () => (/* binding */ realSleep)
/* harmony export */ });
const realClock = () => Date.now();
const realSleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted)
        return reject(signal.reason);
    const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
});
/** setTimeout counts in a signed 32-bit integer: longer waits are made of several. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
const realSetTimer = (ms, fire) => {
    let timer;
    const arm = (left) => {
        timer = setTimeout(() => (left > MAX_TIMEOUT_MS ? arm(left - MAX_TIMEOUT_MS) : fire()), Math.min(Math.max(0, left), MAX_TIMEOUT_MS));
    };
    arm(ms);
    return () => clearTimeout(timer);
};


/***/ }),

/***/ 2462:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   UM: () => (/* binding */ markMainStarted),
/* harmony export */   pq: () => (/* binding */ isPostStep),
/* harmony export */   rh: () => (/* binding */ readSavedState),
/* harmony export */   wp: () => (/* binding */ StateRecorder)
/* harmony export */ });
const CREATED = 'created-orders';
const SETTLED = 'settled-orders';
const FINISHED = 'main-finished';
const CREATES_IN_FLIGHT = 'creates-in-flight';
const IS_POST = 'is-post';
const DOWNLOAD_TEMP = 'download-temp';
/** Records state as it changes. Keeps its own copy, since saveState only appends. */
class StateRecorder {
    #io;
    #created = new Set();
    #settled = new Set();
    #inFlight = new Map();
    constructor(io) {
        this.#io = io;
    }
    /** Called the moment Create Order answers (or the moment a lost create's orders are found). */
    recordCreated(orderIds) {
        const before = this.#created.size;
        for (const id of orderIds)
            this.#created.add(id);
        if (this.#created.size !== before)
            this.#io.saveState(CREATED, JSON.stringify([...this.#created]));
    }
    /** An order that finished or was cancelled: the post step must not touch it. */
    recordSettled(orderIds) {
        const before = this.#settled.size;
        for (const id of orderIds)
            if (this.#created.has(id))
                this.#settled.add(id);
        if (this.#settled.size !== before)
            this.#io.saveState(SETTLED, JSON.stringify([...this.#settled]));
    }
    /** Saved before Create Order is sent: if main dies before the answer, the post step looks for its orders. */
    recordCreateSent(call) {
        this.#inFlight.set(call.projectId, call);
        this.#saveInFlight();
    }
    /** The project's call was answered (IDs saved) or its orders were all found: nothing left in flight. */
    recordCreateSettled(projectId) {
        if (this.#inFlight.delete(projectId))
            this.#saveInFlight();
    }
    /** Saved before a download's temporary file is first created in a folder (download/temp-files.ts). */
    recordDownloadTemp(value) {
        this.#io.saveState(DOWNLOAD_TEMP, value);
    }
    recordMainFinished() {
        this.#io.saveState(FINISHED, 'true');
    }
    get created() {
        return [...this.#created];
    }
    #saveInFlight() {
        this.#io.saveState(CREATES_IN_FLIGHT, this.#inFlight.size === 0 ? '' : JSON.stringify([...this.#inFlight.values()]));
    }
}
function markMainStarted(io) {
    io.saveState(IS_POST, 'true');
}
function isPostStep(io) {
    return io.getState(IS_POST) === 'true';
}
/** Reads what main saved. Malformed values read as empty: the post step must never throw. */
function readSavedState(io) {
    return {
        created: parseIdList(io.getState(CREATED)),
        settled: parseIdList(io.getState(SETTLED)),
        mainFinished: io.getState(FINISHED) === 'true',
        createsInFlight: parseCreatesInFlight(io.getState(CREATES_IN_FLIGHT)),
        ...(isJsonObject(io.getState(DOWNLOAD_TEMP)) ? { downloadTemp: io.getState(DOWNLOAD_TEMP) } : {}),
    };
}
function parseCreatesInFlight(text) {
    if (!text)
        return [];
    try {
        const value = JSON.parse(text);
        return Array.isArray(value) ? value.map(parseLostCreate).filter((call) => call !== undefined) : [];
    }
    catch {
        return [];
    }
}
function parseLostCreate(value) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    const call = value;
    if (typeof call.projectId !== 'string' || !call.projectId || typeof call.orderType !== 'string' || !call.orderType)
        return undefined;
    if (typeof call.level !== 'number' || !Number.isFinite(call.level))
        return undefined;
    if (typeof call.sentAt !== 'string' || Number.isNaN(Date.parse(call.sentAt)))
        return undefined;
    const languages = strings(call.languages);
    const before = parseSnapshot(call.before);
    if (languages.length === 0 || !before)
        return undefined;
    const until = typeof call.until === 'string' && !Number.isNaN(Date.parse(call.until)) ? { until: call.until } : {};
    return { projectId: call.projectId, orderType: call.orderType, level: call.level, languages, sentAt: call.sentAt, before, ...until };
}
function parseSnapshot(value) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    const snapshot = value;
    const newest = snapshot.newestCreatedAt;
    if (newest !== undefined && (typeof newest !== 'string' || Number.isNaN(Date.parse(newest))))
        return undefined;
    if (!Array.isArray(snapshot.orderIds))
        return undefined;
    return { ...(newest !== undefined ? { newestCreatedAt: newest } : {}), orderIds: strings(snapshot.orderIds) };
}
function strings(value) {
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string' && item.length > 0) : [];
}
function isJsonObject(text) {
    try {
        const value = JSON.parse(text);
        return value !== null && typeof value === 'object' && !Array.isArray(value);
    }
    catch {
        return false;
    }
}
function parseIdList(text) {
    if (!text)
        return [];
    try {
        const value = JSON.parse(text);
        return strings(value);
    }
    catch {
        return [];
    }
}


/***/ }),

/***/ 26433:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  X7: () => (/* binding */ runMainStep),
  Uc: () => (/* binding */ runPostStep),
  $6: () => (/* reexport */ runnerIO)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
;// CONCATENATED MODULE: ./src/runner.ts
/**
 * The runner's side of an action: inputs from INPUT_* variables, workflow commands on stdout
 * (`::warning::`, `::add-mask::`, `::group::`), and the GITHUB_OUTPUT / GITHUB_STATE /
 * GITHUB_STEP_SUMMARY files. It writes exactly what @actions/core writes for the same calls
 * (test/unit/runner.test.ts compares the two byte for byte), without loading @actions/core's
 * HTTP client (undici, for OIDC tokens this action never asks for): that alone took 49 ms of a
 * 125 ms start-up. See https://docs.github.com/actions/reference/workflow-commands-for-github-actions.
 */




/** `::name key=value,...::message` on its own line (properties without a value are left out). */
function issueCommand(name, properties, message) {
    let command = `::${name}`;
    const keys = Object.keys(properties);
    if (keys.length > 0) {
        const pairs = keys.flatMap((key) => (properties[key] ? [`${key}=${escapeProperty(properties[key])}`] : []));
        command += ` ${pairs.join(',')}`;
    }
    process.stdout.write(`${command}::${escapeData(message)}${external_node_os_.EOL}`);
}
/** Annotation properties as the runner names them (@actions/core's toCommandProperties; a 0 is left out, as there). */
function annotation(properties) {
    const number = (value) => (value ? String(value) : undefined);
    return properties && Object.keys(properties).length > 0
        ? {
            title: properties.title,
            file: properties.file,
            line: number(properties.startLine),
            endLine: number(properties.endLine),
            col: number(properties.startColumn),
            endColumn: number(properties.endColumn),
        }
        : {};
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/**
 * Appends `name<<DELIMITER\nvalue\nDELIMITER` to GITHUB_OUTPUT or GITHUB_STATE. The random
 * delimiter keeps a value from closing the entry early and smuggling in another output.
 */
function appendKeyValue(variable, name, value) {
    const file = process.env[variable];
    if (!file)
        return false;
    if (!(0,external_node_fs_.existsSync)(file))
        throw new Error(`Unable to find environment file ${variable} at ${file}`);
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`Unexpected input: value contains the delimiter ${delimiter}`);
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, { encoding: 'utf8' });
    return true;
}
/**
 * A plain log line. The one place this differs from @actions/core: a line break never reaches the
 * runner raw. A message may carry text the action does not control (a file name from the
 * repository, an API message), and a line of its own starting with `::` would be read as a
 * workflow command; so CR and LF are written as `%0D` and `%0A`, as in a command's data.
 */
function infoLine(message) {
    return message.replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
const runnerLog = {
    debug: (message) => issueCommand('debug', {}, message),
    info: (message) => void process.stdout.write(infoLine(message) + external_node_os_.EOL),
    notice: (message, properties) => issueCommand('notice', annotation(properties), message),
    warning: (message, properties) => issueCommand('warning', annotation(properties), message),
    error: (message, properties) => issueCommand('error', annotation(properties), message),
    async group(name, fn) {
        issueCommand('group', {}, name);
        try {
            return await fn();
        }
        finally {
            issueCommand('endgroup', {}, '');
        }
    },
};
const runnerIO = {
    log: runnerLog,
    getInput: (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    setOutput(name, value) {
        if (appendKeyValue('GITHUB_OUTPUT', name, value))
            return;
        process.stdout.write(external_node_os_.EOL);
        issueCommand('set-output', { name }, value);
    },
    saveState(name, value) {
        if (appendKeyValue('GITHUB_STATE', name, value))
            return;
        issueCommand('save-state', { name }, value);
    },
    getState: (name) => process.env[`STATE_${name}`] ?? '',
    setSecret: (value) => issueCommand('add-mask', {}, value),
    setFailed(message) {
        process.exitCode = 1;
        issueCommand('error', {}, message);
    },
    async appendSummary(markdown) {
        const file = process.env['GITHUB_STEP_SUMMARY'];
        if (!file)
            return;
        await (0,promises_.appendFile)(file, markdown + external_node_os_.EOL, { encoding: 'utf8' });
    },
};

// EXTERNAL MODULE: ./src/http/transport.ts + 1 modules
var transport = __nccwpck_require__(21140);
// EXTERNAL MODULE: ./src/runtime.ts
var runtime = __nccwpck_require__(33683);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/inputs.ts + 1 modules
var inputs = __nccwpck_require__(64149);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __nccwpck_require__(77607);
// EXTERNAL MODULE: ./src/github-context.ts
var github_context = __nccwpck_require__(68886);
// EXTERNAL MODULE: ./src/ollang/errors.ts
var errors = __nccwpck_require__(2732);
// EXTERNAL MODULE: ./src/state.ts
var src_state = __nccwpck_require__(2462);
// EXTERNAL MODULE: ./src/ollang/retry.ts
var retry = __nccwpck_require__(38801);
// EXTERNAL MODULE: ./src/media/formats.ts
var formats = __nccwpck_require__(25728);
;// CONCATENATED MODULE: ./src/media/multipart.ts
/**
 * The multipart/form-data body of `POST /integration/upload/direct`, written by hand so that a
 * file of any size streams from disk with a known Content-Length (docs/ollang-uploads.md):
 * Node's fetch keeps a request body in memory while it may follow a redirect, and
 * `fs.openAsBlob` misreports sizes of 4 GiB and more.
 *
 * Fields in the order Ollang's SDKs send them: `file` (with a filename that has an extension,
 * which the platform needs), `name`, `sourceLanguage`, then `notes` when given (a JSON string).
 * The body is the preamble (`head`), the file's bytes, and the other fields with the closing
 * boundary (`tail`); its length is `head + file size (fs.stat) + tail`. It goes out over the
 * action's one HTTP transport as a StreamedBody (`streamedMultipartBody`), or into any
 * writable stream (`writeMultipartBody`).
 */




const CRLF = '\r\n';
const DEFAULT_CHUNK_BYTES = 1024 * 1024;
/**
 * The file part's filename: the file's own name in ASCII (other characters become `_`, as
 * servers that read these headers as latin1 would garble them), ending with its extension in
 * lower case. The person-readable name goes in the `name` field (UTF-8).
 */
function uploadFileName(filePath) {
    const base = external_node_path_default().basename(filePath);
    const extension = (0,formats/* extensionOf */.je)(base);
    const stem = extension === '' ? base : base.slice(0, base.length - extension.length - 1);
    const ascii = stem
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9._ ()+-]/g, '_')
        .replace(/^[.\s]+/, '')
        .slice(0, 150);
    return `${ascii === '' ? 'media' : ascii}.${extension === '' ? 'bin' : extension}`;
}
/** Quotes a parameter value as the HTML standard's form encoding does (`"` CR LF percent-encoded). */
function quote(value) {
    return `"${value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
}
/** Builds the body's head and tail and its exact length; reads only the file's size. */
async function multipartBody(form, options = {}) {
    const info = await (0,promises_.stat)(form.filePath);
    if (!info.isFile())
        throw new Error(`${form.filePath} is not a file`);
    const fileName = uploadFileName(form.filePath);
    const contentType = (0,formats/* formatOf */.be)(fileName)?.contentType ?? 'application/octet-stream';
    const fields = [
        ['name', form.name],
        ['sourceLanguage', form.sourceLanguage],
    ];
    if (form.notes !== undefined)
        fields.push(['notes', JSON.stringify(form.notes)]);
    let boundary = options.boundary ?? newBoundary();
    // A text value must never contain the delimiter (only possible with a boundary given by a test).
    while (fields.some(([, value]) => value.includes(`--${boundary}`)))
        boundary = newBoundary();
    const head = Buffer.from(`--${boundary}${CRLF}` +
        `Content-Disposition: form-data; name="file"; filename=${quote(fileName)}${CRLF}` +
        `Content-Type: ${contentType}${CRLF}${CRLF}`, 'utf8');
    let tail = CRLF;
    for (const [field, value] of fields) {
        tail += `--${boundary}${CRLF}Content-Disposition: form-data; name=${quote(field)}${CRLF}${CRLF}${value}${CRLF}`;
    }
    tail += `--${boundary}--${CRLF}`;
    const tailBytes = Buffer.from(tail, 'utf8');
    return {
        contentType: `multipart/form-data; boundary=${boundary}`,
        contentLength: head.length + info.size + tailBytes.length,
        fileSize: info.size,
        fileName,
        boundary,
        head,
        tail: tailBytes,
    };
}
function newBoundary() {
    return `----OllangActionBoundary${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
}
/**
 * Writes the whole body into `sink` (an HTTP request), reading the file a chunk at a time and
 * waiting for the sink to drain before the next one (back-pressure). Does not end the sink.
 * Rejects when the file's size changed since the body was made (the Content-Length would lie),
 * when the sink fails or closes, or at once when `signal` aborts.
 *
 * Memory: at most `BUFFERS` chunks exist; a chunk is read into again only once the sink says it
 * has handed it on (its write callback). A fresh buffer per chunk would leave the garbage
 * collector a GiB of 1 MiB buffers to find: the uploader's RSS reached 148 MiB on 1 GiB that way.
 */
async function writeMultipartBody(body, filePath, sink, options = {}) {
    const { signal } = options;
    const chunkBytes = Math.max(16 * 1024, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    signal?.throwIfAborted();
    await write(sink, body.head, signal);
    const pool = new BufferPool(Math.min(chunkBytes, Math.max(1, body.fileSize)));
    const file = await open(filePath, 'r');
    try {
        let sent = 0;
        while (sent < body.fileSize) {
            const buffer = await pool.take(sink, signal);
            const length = Math.min(buffer.length, body.fileSize - sent);
            const { bytesRead } = await file.read(buffer, 0, length, sent);
            if (bytesRead === 0) {
                pool.release(buffer);
                throw new Error(`${filePath} became shorter while it was being uploaded (${sent} of ${body.fileSize} bytes)`);
            }
            signal?.throwIfAborted();
            await write(sink, bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead), signal, () => pool.release(buffer));
            sent += bytesRead;
            options.onProgress?.(sent);
        }
        const { bytesRead } = await file.read(Buffer.alloc(1), 0, 1, body.fileSize);
        if (bytesRead !== 0)
            throw new Error(`${filePath} grew while it was being uploaded (more than ${body.fileSize} bytes)`);
    }
    finally {
        await file.close();
    }
    signal?.throwIfAborted();
    await write(sink, body.tail, signal);
}
/**
 * The body as the transport's StreamedBody: the head, the file a chunk at a time, the tail. A
 * chunk is read into again only once the transport releases it (the connection has written it
 * out), so at most `BUFFERS` chunks exist whatever the file's size. Fails when the file's size
 * changed since the body was made (the Content-Length would lie), and at once when `signal`
 * aborts. `onProgress` gets the file bytes handed to the connection so far.
 */
function streamedMultipartBody(body, filePath, options = {}) {
    const chunkBytes = Math.max(16 * 1024, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    const pool = new ReleasePool(Math.min(chunkBytes, Math.max(1, body.fileSize)));
    const { signal } = options;
    async function* chunks() {
        signal?.throwIfAborted();
        yield body.head;
        const file = await (0,promises_.open)(filePath, 'r');
        try {
            let read = 0;
            while (read < body.fileSize) {
                const buffer = await pool.take(signal);
                const length = Math.min(buffer.length, body.fileSize - read);
                const { bytesRead } = await file.read(buffer, 0, length, read);
                if (bytesRead === 0) {
                    pool.give(buffer);
                    throw new Error(`${filePath} became shorter while it was being uploaded (${read} of ${body.fileSize} bytes)`);
                }
                signal?.throwIfAborted();
                read += bytesRead;
                yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
            }
            const { bytesRead } = await file.read(Buffer.alloc(1), 0, 1, body.fileSize);
            if (bytesRead !== 0)
                throw new Error(`${filePath} grew while it was being uploaded (more than ${body.fileSize} bytes)`);
        }
        finally {
            await file.close();
        }
        yield body.tail;
    }
    return {
        length: body.contentLength,
        open: chunks,
        release: (chunk) => pool.release(chunk),
        onProgress: (sent) => options.onProgress?.(Math.max(0, Math.min(body.fileSize, sent - body.head.length))),
    };
}
/** The file's chunk buffers, read into again once the transport releases them. */
class ReleasePool {
    #size;
    #free = [];
    #mine = new Map();
    #waiting;
    constructor(size) {
        this.#size = size;
    }
    async take(signal) {
        for (;;) {
            signal?.throwIfAborted();
            const free = this.#free.pop();
            if (free !== undefined)
                return free;
            if (this.#mine.size < BUFFERS) {
                // Each its own ArrayBuffer (not the shared pool's), so that a released view names it.
                const buffer = Buffer.allocUnsafeSlow(this.#size);
                this.#mine.set(buffer.buffer, buffer);
                return buffer;
            }
            await new Promise((resolve, reject) => {
                const onAbort = () => reject(signal?.reason ?? new Error('aborted'));
                if (signal?.aborted)
                    return onAbort();
                signal?.addEventListener('abort', onAbort, { once: true });
                this.#waiting = () => {
                    signal?.removeEventListener('abort', onAbort);
                    resolve();
                };
            });
        }
    }
    /** A chunk the transport is done with (the head and tail are not ours: ignored). */
    release(chunk) {
        const buffer = this.#mine.get(chunk.buffer);
        if (buffer !== undefined)
            this.give(buffer);
    }
    give(buffer) {
        if (!this.#free.includes(buffer))
            this.#free.push(buffer);
        const wake = this.#waiting;
        this.#waiting = undefined;
        wake?.();
    }
}
/** Chunks in flight at most: one being read, the others queued in the sink or the socket. */
const BUFFERS = 4;
/** A few chunk-sized buffers, handed out again once the sink is done with them. */
class BufferPool {
    #size;
    #free = [];
    #made = 0;
    #waiting;
    constructor(size) {
        this.#size = size;
    }
    /** A free buffer; waits for one to come back when all are in flight. */
    async take(sink, signal) {
        for (;;) {
            signal?.throwIfAborted();
            const free = this.#free.pop();
            if (free !== undefined)
                return free;
            if (this.#made < BUFFERS) {
                this.#made += 1;
                return Buffer.allocUnsafeSlow(this.#size);
            }
            await until(sink, signal, (wake) => (this.#waiting = wake));
        }
    }
    release(buffer) {
        this.#free.push(buffer);
        const wake = this.#waiting;
        this.#waiting = undefined;
        wake?.();
    }
}
/**
 * Writes one chunk; resolves at once, or once the sink drains when its buffer is full.
 * `flushed` is called when the sink has handed the chunk on (or failed it).
 */
function write(sink, chunk, signal, flushed) {
    if (sink.destroyed || sink.writableEnded)
        return Promise.reject(new Error('the connection closed while the body was being sent'));
    const accepted = flushed === undefined ? sink.write(chunk) : sink.write(chunk, () => flushed());
    if (accepted)
        return Promise.resolve();
    return until(sink, signal, (wake) => sink.once('drain', wake));
}
/**
 * Resolves when `arm`'s wake-up is called; rejects when the sink fails or closes first, or at
 * once when `signal` aborts (with the signal's reason, as fetch rejects).
 */
function until(sink, signal, arm) {
    return new Promise((resolve, reject) => {
        let settled = false;
        const settle = (error) => {
            if (settled)
                return;
            settled = true;
            sink.off('error', onError);
            sink.off('close', onClose);
            signal?.removeEventListener('abort', onAbort);
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an Error, or the abort's own reason
            if (error !== undefined)
                reject(error);
            else
                resolve();
        };
        const onError = (error) => settle(error);
        const onClose = () => settle(new Error('the connection closed while the body was being sent'));
        const onAbort = () => settle(signal?.reason ?? new Error('aborted'));
        if (signal?.aborted)
            return onAbort();
        if (sink.destroyed)
            return onClose();
        sink.on('error', onError);
        sink.on('close', onClose);
        signal?.addEventListener('abort', onAbort, { once: true });
        arm(() => settle());
    });
}

// EXTERNAL MODULE: ./src/redact.ts
var redact = __nccwpck_require__(76670);
;// CONCATENATED MODULE: ./src/ollang/client.ts






let schemas;
let loaded;
const loadSchemas = () => (schemas ??= Promise.all(/* import() */[__nccwpck_require__.e(691), __nccwpck_require__.e(395)]).then(__nccwpck_require__.bind(__nccwpck_require__, 17395)).then((module) => (loaded = module)));
/** An upload fails when no byte of it goes out for this long. */
const UPLOAD_IDLE_MS = 120_000;
/** After the last byte, the platform may store a big file before it answers: this long at most. */
const UPLOAD_ANSWER_MS = 10 * 60_000;
const defaultRequestTimeoutMs = 30_000;
/**
 * A read or cancel sent with less time than this before its deadline still gets this long: the
 * last status check at the deadline has a moment for its answer, and none runs longer past it.
 */
const minRequestTimeoutMs = 5_000;
const defaultUserAgent = 'ollang-localize-action';
/** listAllOrders stops here unless told otherwise (a guard against a server that always says "more"). */
const defaultMaxPages = 1000;
/** Socket errors that mean the request never left this machine: nothing can have been processed. */
const notSentCodes = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EAI_NONAME',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
    'ERR_INVALID_URL',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'CERT_HAS_EXPIRED',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);
class OllangClient {
    #baseUrl;
    #apiKey;
    #transport;
    #sleep;
    #clock;
    #setTimer;
    #random;
    #timeoutMs;
    #policy;
    #deadline;
    #signal;
    #onRequest;
    #userAgent;
    #requestCount = 0;
    /** Ollang's clock (its last `Date` header) and ours when it came. */
    #ollangClock;
    constructor(options) {
        this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
        this.#apiKey = options.apiKey;
        this.#transport = options.transport ?? transport/* nodeTransport */._3;
        this.#sleep = options.sleep ?? runtime/* realSleep */.uk;
        this.#clock = options.clock ?? runtime/* realClock */.dQ;
        this.#setTimer = options.setTimer ?? runtime/* realSetTimer */.cT;
        this.#random = options.random ?? Math.random;
        const timeout = options.requestTimeoutMs;
        this.#timeoutMs = timeout !== undefined && Number.isFinite(timeout) && timeout > 0 ? timeout : defaultRequestTimeoutMs;
        this.#policy = (0,retry/* resolvePolicy */.nZ)(options.retry);
        this.#deadline = options.deadline ?? (() => undefined);
        this.#signal = options.signal;
        this.#onRequest = options.onRequest;
        this.#userAgent = options.userAgent ?? defaultUserAgent;
    }
    /** Every HTTP request sent so far (retries included). */
    get requestCount() {
        return this.#requestCount;
    }
    /** How long a request may take before it is given up (one Create Order call at most). */
    get requestTimeoutMs() {
        return this.#timeoutMs;
    }
    /**
     * Ollang's time now, as its last answer's `Date` header gave it plus the time elapsed since on
     * our clock (to the second, at best); undefined before any answer with one. Lets a stamp of
     * Ollang's be compared with a moment of ours without trusting the two clocks to agree.
     */
    ollangTime() {
        const seen = this.#ollangClock;
        return seen === undefined ? undefined : seen.ollang + (this.#clock() - seen.ours);
    }
    /**
     * POST /integration/orders/create. Never retried. The answer is one `{orderId}` per created
     * order; map them to languages with Get Order's `targetLanguage` (docs/ollang-api.md, "Create Order").
     */
    async createOrder(request) {
        const body = {
            orderType: request.orderType,
            level: request.level,
            projectId: request.projectId,
            targetLanguageConfigs: request.targetLanguageConfigs.map((c) => c.isRush === undefined ? { language: c.language } : { language: c.language, isRush: c.isRush }),
            ...definedOnly({
                orderSubType: request.orderSubType,
                dubbingStyle: request.dubbingStyle,
                callbackUrl: request.callbackUrl,
                autoQc: request.autoQc,
            }),
        };
        const spec = {
            endpoint: 'Create Order',
            method: 'POST',
            path: '/integration/orders/create',
            body,
            retry: false,
            // Once sent, a create must get its answer (within the request time-out) even if the run
            // is being cancelled: only an answered create has IDs to save, and to cancel.
            detached: true,
        };
        if (this.#signal?.aborted)
            throw this.#error(spec, { kind: 'aborted', detail: 'not sent: the run is being cancelled' });
        return this.#request(spec, (response, s) => this.#parse(spec, response, s.createOrderResponseSchema));
    }
    /** Epoch ms past which this client's retries never sleep (its budget), if it has one: a caller that waits on its own keeps to it too. */
    retryDeadline() {
        return this.#deadline();
    }
    /** GET /integration/orders/{orderId}. `deadline` (epoch ms) bounds this call's retries. */
    async getOrder(orderId, options) {
        const spec = {
            endpoint: 'Get Order',
            method: 'GET',
            path: `/integration/orders/${encodeURIComponent(orderId)}`,
            orderId,
            retry: true,
            ...(options?.signal ? { signal: options.signal } : {}),
            ...(options?.deadline !== undefined ? { deadline: options.deadline } : {}),
        };
        return this.#request(spec, (response, s) => this.#parse(spec, response, s.orderSchema));
    }
    /** GET /integration/orders: one page. */
    async listOrders(query) {
        const spec = {
            endpoint: 'List Orders',
            method: 'GET',
            path: `/integration/orders?${listQueryString(query)}`,
            retry: true,
        };
        return this.#request(spec, (response, s) => this.#parse(spec, response, s.orderPageSchema));
    }
    /**
     * Every order matching `query`, page by page (50 a page unless `take` says otherwise).
     * `onMorePages` is called when it stops at `maxPages` while the server still says there are more.
     */
    async *listAllOrders(query, options) {
        const maxPages = options?.maxPages ?? defaultMaxPages;
        const take = query.take ?? 50;
        for (let page = 1; page <= maxPages; page++) {
            const result = await this.listOrders({ ...query, page, take });
            yield* result.orders;
            if (!result.meta.hasNextPage || result.orders.length === 0)
                return;
        }
        options?.onMorePages?.();
    }
    /**
     * POST /integration/orders/cancel/{orderId}: 204 -> 'cancelled'; 409 ORDER_ALREADY_CANCELLED ->
     * 'already-cancelled'. Everything else is thrown (400 ORDER_NOT_CANCELLABLE: inspect `error.code`).
     */
    async cancelOrder(orderId) {
        const spec = {
            endpoint: 'Cancel Order',
            method: 'POST',
            path: `/integration/orders/cancel/${encodeURIComponent(orderId)}`,
            orderId,
            retry: true,
        };
        try {
            return await this.#request(spec, () => 'cancelled');
        }
        catch (error) {
            if (error instanceof errors/* OllangError */.eO &&
                error.kind === 'http' &&
                error.status === 409 &&
                (error.code === undefined || error.code === 'ORDER_ALREADY_CANCELLED')) {
                return 'already-cancelled';
            }
            throw error;
        }
    }
    /** POST /integration/orders/{orderId}/cancel-human-review: level 1 -> 0, order left `completed`. */
    async cancelHumanReview(orderId) {
        const spec = {
            endpoint: 'Cancel Human Review',
            method: 'POST',
            path: `/integration/orders/${encodeURIComponent(orderId)}/cancel-human-review`,
            orderId,
            retry: true,
        };
        return this.#request(spec, (response, s) => response.text.trim() === '' ? { success: true } : this.#parse(spec, response, s.cancelHumanReviewSchema));
    }
    /** GET /integration/project: one page of projects (a read: retried like Get Order). */
    async listProjects(query = {}) {
        const spec = {
            endpoint: 'List Projects',
            method: 'GET',
            path: `/integration/project?${projectsQueryString(query)}`,
            retry: true,
        };
        return this.#request(spec, (response, s) => this.#parse(spec, response, s.projectPageSchema));
    }
    /** GET /integration/project/{projectId}: the project and its documents (a read: retried). 404 is thrown. */
    async getProject(projectId, options) {
        const spec = {
            endpoint: `Get Project ${projectId}`,
            method: 'GET',
            path: `/integration/project/${encodeURIComponent(projectId)}`,
            retry: true,
            ...(options?.deadline !== undefined ? { deadline: options.deadline } : {}),
        };
        return this.#request(spec, (response, s) => this.#parse(spec, response, s.projectSchema));
    }
    /**
     * POST /integration/upload/direct: the file as a multipart body streamed from disk, making a
     * project. Never retried (see the module comment); `ambiguous` only when the whole body went
     * out and no answer could be read, or a 5xx came after it.
     */
    async uploadMedia(request) {
        const spec = { endpoint: 'Upload', method: 'POST', path: '/integration/upload/direct', retry: false };
        const signal = combine(this.#signal, request.signal);
        if (signal?.aborted)
            throw this.#error(spec, { kind: 'aborted', detail: 'not sent: the run is being cancelled' });
        const body = await multipartBody({
            filePath: request.filePath,
            name: request.name,
            sourceLanguage: request.sourceLanguage,
            ...(request.notes ? { notes: request.notes } : {}),
        });
        const watchdog = new AbortController();
        let cancelTimer = () => undefined;
        const arm = (ms, why) => {
            cancelTimer();
            cancelTimer = this.#setTimer(ms, () => watchdog.abort(new DOMException(why, 'TimeoutError')));
        };
        const requestSignal = signal ? AbortSignal.any([signal, watchdog.signal]) : watchdog.signal;
        let sentAll = false;
        const streamed = streamedMultipartBody(body, request.filePath, {
            signal: requestSignal,
            ...(request.onProgress ? { onProgress: request.onProgress } : {}),
        });
        const tracked = {
            ...streamed,
            onProgress: (sent, length) => {
                streamed.onProgress?.(sent, length);
                if (sent < length)
                    return arm(UPLOAD_IDLE_MS, `no byte of the upload went out for ${formatMs(UPLOAD_IDLE_MS)}`);
                sentAll = true;
                arm(UPLOAD_ANSWER_MS, `no answer within ${formatMs(UPLOAD_ANSWER_MS)} of the upload's last byte`);
            },
        };
        arm(UPLOAD_IDLE_MS, `no byte of the upload went out for ${formatMs(UPLOAD_IDLE_MS)}`);
        const started = this.#clock();
        let status;
        const report = () => {
            try {
                this.#onRequest?.({
                    endpoint: spec.endpoint,
                    method: spec.method,
                    path: spec.path,
                    ...(status !== undefined ? { status } : {}),
                    attempt: 1,
                    durationMs: Math.max(0, this.#clock() - started),
                });
            }
            catch {
                // A failing observer must not fail the request.
            }
        };
        try {
            this.#requestCount++;
            let response;
            try {
                response = await this.#transport({
                    method: 'POST',
                    url: new URL(this.#baseUrl + spec.path),
                    headers: {
                        'X-Api-Key': this.#apiKey,
                        Accept: 'application/json',
                        'User-Agent': this.#userAgent,
                        'Content-Type': body.contentType,
                    },
                    body: tracked,
                    signal: requestSignal,
                });
            }
            catch (cause) {
                report();
                throw this.#transportError(spec, cause, signal, watchdog.signal, watchdogReason(watchdog.signal), sentAll);
            }
            status = response.status;
            // An early answer (413, 401) stops the sending: its body is read under the answer's limit.
            if (!sentAll)
                arm(UPLOAD_ANSWER_MS, `no answer within ${formatMs(UPLOAD_ANSWER_MS)}`);
            let text;
            try {
                text = this.#scrub(await response.body.text());
            }
            catch (cause) {
                report();
                if (status < 200 || status >= 300)
                    throw this.#httpError(spec, response, '', sentAll);
                throw this.#transportError(spec, cause, signal, watchdog.signal, watchdogReason(watchdog.signal), true);
            }
            report();
            if (status < 200 || status >= 300)
                throw this.#httpError(spec, response, text, sentAll);
            const schemasModule = await loadSchemas();
            return this.#parse(spec, { status, statusText: response.statusText, text }, schemasModule.uploadResultSchema);
        }
        finally {
            cancelTimer();
        }
    }
    // ---- plumbing -------------------------------------------------------------------------------
    /**
     * Sends with retries per policy and reads a 2xx with `read` (inside the loop: a 2xx body that is
     * not JSON is retried on reads like any other transient failure).
     */
    async #request(spec, read) {
        const signal = spec.detached ? spec.signal : combine(this.#signal, spec.signal);
        const deadline = () => earliest(this.#deadline(), spec.deadline);
        return (0,retry/* withRetries */.LH)(async (attempt) => {
            // Create Order is never cut short by a deadline: a create without its answer is a lost create.
            const timeoutMs = spec.retry ? requestTimeout(this.#timeoutMs, deadline(), this.#clock()) : this.#timeoutMs;
            const response = await this.#attempt(spec, attempt, signal, timeoutMs);
            return read(response, await loadSchemas());
        }, {
            policy: spec.retry ? this.#policy : { ...this.#policy, maxAttempts: 1 },
            clock: this.#clock,
            sleep: this.#sleep,
            random: this.#random,
            deadline,
            ...(signal ? { signal } : {}),
            retryable: (error) => error instanceof errors/* OllangError */.eO && (0,retry/* isRetryable */.r3)(error),
            retryAfterMs: (error) => error.retryAfterMs,
            aborted: (cause) => this.#error(spec, { kind: 'aborted', detail: 'while waiting to retry' }, cause),
        });
    }
    /** One HTTP exchange: resolves with a 2xx (body read), rejects with an OllangError. */
    async #attempt(spec, attempt, signal, timeoutMs) {
        if (signal?.aborted)
            throw this.#error(spec, { kind: 'aborted' });
        const headers = {
            'X-Api-Key': this.#apiKey,
            Accept: 'application/json',
            'User-Agent': this.#userAgent,
        };
        let body;
        if (spec.body !== undefined) {
            body = JSON.stringify(spec.body);
            headers['Content-Type'] = 'application/json';
        }
        // The answer and its whole body within the time-out, on the injected timer.
        const timeout = new AbortController();
        const within = `within ${formatMs(timeoutMs)}${timeoutMs < this.#timeoutMs ? ', cut short by the deadline' : ''}`;
        const cancelTimer = this.#setTimer(timeoutMs, () => timeout.abort(new DOMException(`no response ${within}`, 'TimeoutError')));
        const requestSignal = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
        const started = this.#clock();
        let status;
        const report = () => {
            if (!this.#onRequest)
                return;
            try {
                this.#onRequest({
                    endpoint: spec.endpoint,
                    method: spec.method,
                    path: spec.path,
                    ...(status !== undefined ? { status } : {}),
                    attempt,
                    durationMs: Math.max(0, this.#clock() - started),
                });
            }
            catch {
                // A failing observer must not fail the request.
            }
        };
        const isPost = spec.method === 'POST';
        try {
            let response;
            this.#requestCount++;
            try {
                response = await this.#transport({
                    method: spec.method,
                    url: new URL(this.#baseUrl + spec.path),
                    headers,
                    ...(body !== undefined ? { body } : {}),
                    signal: requestSignal,
                });
            }
            catch (cause) {
                report();
                throw this.#transportError(spec, cause, signal, timeout.signal, within, isPost && !neverSent(cause));
            }
            status = response.status;
            const date = Date.parse(response.header('date') ?? '');
            if (Number.isFinite(date))
                this.#ollangClock = { ollang: date, ours: this.#clock() };
            // Read the whole body under the same time limit; a failure here comes after the server answered.
            let text;
            try {
                text = await response.body.text();
            }
            catch (cause) {
                report();
                const ok = status >= 200 && status < 300;
                if (!ok) {
                    // The status alone is enough to report an error answer.
                    throw this.#httpError(spec, response, '', isPost);
                }
                throw this.#transportError(spec, cause, signal, timeout.signal, within, isPost);
            }
            report();
            // A server that echoes the key back (in an order or document name, a message) must not get
            // it into a file name, a log line or an output: nothing downstream ever sees it.
            text = this.#scrub(text);
            if (status >= 200 && status < 300) {
                return { status, statusText: response.statusText, text };
            }
            throw this.#httpError(spec, response, text, isPost);
        }
        finally {
            cancelTimer();
        }
    }
    #httpError(spec, response, text, isPost) {
        const status = response.status;
        const { code, apiMessage } = (0,errors/* readErrorBody */.Nk)(text);
        const retryAfterMs = (0,retry/* parseRetryAfter */.mu)(response.header('retry-after'), this.#clock());
        return this.#error(spec, {
            kind: 'http',
            status,
            statusText: response.statusText,
            ...(code !== undefined ? { code } : {}),
            ...(apiMessage !== undefined ? { apiMessage } : {}),
            ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
            // A 5xx on a POST may come after the server acted (a proxy timing out, a crash mid-way).
            ambiguous: isPost && status >= 500,
        });
    }
    #transportError(spec, cause, signal, timeout, within, mayHaveBeenSent) {
        if (signal?.aborted) {
            return this.#error(spec, { kind: 'aborted', ambiguous: mayHaveBeenSent }, cause);
        }
        if (timeout.aborted || errorName(cause) === 'TimeoutError') {
            return this.#error(spec, { kind: 'timeout', ambiguous: mayHaveBeenSent, detail: within }, cause);
        }
        return this.#error(spec, { kind: 'network', ambiguous: mayHaveBeenSent, detail: (0,transport/* describeFailure */.Ic)(cause) }, cause);
    }
    #parse(spec, response, schema) {
        // A 2xx that should carry JSON but does not: cut short or an HTML page from a proxy.
        // On a POST the server has acted: we just cannot tell the result.
        const ambiguous = spec.method === 'POST';
        let json;
        try {
            if (response.text.trim() === '')
                throw new SyntaxError('empty body');
            json = JSON.parse(response.text);
        }
        catch {
            const what = response.text.trim() === '' ? 'empty body' : 'body is not JSON';
            throw this.#error(spec, {
                kind: 'schema',
                status: response.status,
                invalidJson: true,
                ambiguous,
                detail: `${what} (HTTP ${response.status})`,
            });
        }
        const result = schema.safeParse(json);
        if (result.success)
            return result.data;
        throw this.#error(spec, {
            kind: 'schema',
            status: response.status,
            ambiguous,
            // #parse runs only inside #request's read, after loadSchemas has resolved.
            detail: loaded.describeSchemaError(result.error),
        });
    }
    /** Builds an OllangError for `spec`, with the API key scrubbed from every text it carries. */
    #error(spec, init, cause) {
        const scrub = (text) => (text === undefined ? undefined : this.#scrub(text));
        const full = {
            ...init,
            endpoint: spec.endpoint,
            ...(spec.orderId !== undefined ? { orderId: this.#scrub(spec.orderId) } : {}),
        };
        const apiMessage = scrub(init.apiMessage);
        const detail = scrub(init.detail);
        const code = scrub(init.code);
        const statusText = scrub(init.statusText);
        if (apiMessage !== undefined)
            full.apiMessage = apiMessage;
        if (detail !== undefined)
            full.detail = detail;
        if (code !== undefined)
            full.code = code;
        if (statusText !== undefined)
            full.statusText = statusText;
        // Keep the cause (stack, socket code) only when it cannot hold the key.
        if (cause !== undefined && !this.#mentionsKey(cause))
            full.cause = cause;
        else
            delete full.cause;
        return new errors/* OllangError */.eO(full);
    }
    #scrub(text) {
        // A key this short is no secret worth blanking: every such substring would go.
        return this.#apiKey.length < 4 ? text : (0,redact/* redactSecrets */.f)(text, [this.#apiKey]);
    }
    #mentionsKey(cause) {
        const key = this.#apiKey;
        if (key.length < 4)
            return false;
        try {
            const seen = new Set();
            let current = cause;
            while (current && typeof current === 'object' && !seen.has(current)) {
                seen.add(current);
                const e = current;
                if (typeof e.message === 'string' && e.message.includes(key))
                    return true;
                if (typeof e.stack === 'string' && e.stack.includes(key))
                    return true;
                current = e.cause;
            }
            return typeof cause === 'string' && cause.includes(key);
        }
        catch {
            return true;
        }
    }
}
/** The query string for List Orders: both `page`/`take` (reference page) and `pageOptions[…]` (SDKs). */
function listQueryString(query) {
    const params = new URLSearchParams();
    const page = query.page ?? 1;
    params.set('page', String(page));
    params.set('pageOptions[page]', String(page));
    if (query.take !== undefined) {
        params.set('take', String(query.take));
        params.set('pageOptions[take]', String(query.take));
    }
    if (query.search !== undefined && query.search !== '')
        params.set('search', query.search);
    if (query.orderBy !== undefined)
        params.set('orderBy', query.orderBy);
    if (query.orderDirection !== undefined)
        params.set('orderDirection', query.orderDirection);
    const f = query.filter ?? {};
    const filters = [
        ['filter[type]', f.type],
        ['filter[name]', f.name],
        ['filter[createdAtRange][from]', f.createdAtFrom],
        ['filter[createdAtRange][to]', f.createdAtTo],
        ['filter[status]', f.status],
        ['filter[projectId]', f.projectId],
    ];
    for (const [name, value] of filters)
        if (value !== undefined && value !== '')
            params.set(name, value);
    return params.toString();
}
/** The query string for List Projects: `page`, `take`, `search`, `orderBy`, `orderDirection` (as the SDK sends them). */
function projectsQueryString(query) {
    const params = new URLSearchParams();
    params.set('page', String(query.page ?? 1));
    if (query.take !== undefined)
        params.set('take', String(query.take));
    if (query.search !== undefined && query.search !== '')
        params.set('search', query.search);
    if (query.orderBy !== undefined)
        params.set('orderBy', query.orderBy);
    if (query.orderDirection !== undefined)
        params.set('orderDirection', query.orderDirection);
    return params.toString();
}
/** The client's time-out, cut to the time left before `deadline` but never below minRequestTimeoutMs. */
function requestTimeout(timeoutMs, deadline, now) {
    if (deadline === undefined)
        return timeoutMs;
    return Math.min(timeoutMs, Math.max(minRequestTimeoutMs, deadline - now));
}
function earliest(a, b) {
    if (a === undefined)
        return b;
    return b === undefined ? a : Math.min(a, b);
}
function combine(...signals) {
    const present = signals.filter((s) => s !== undefined);
    if (present.length <= 1)
        return present[0];
    return AbortSignal.any(present);
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
function errorName(error) {
    return error && typeof error === 'object' && 'name' in error && typeof error.name === 'string' ? error.name : undefined;
}
function neverSent(error) {
    const code = (0,transport/* failureCode */.AD)(error);
    return code !== undefined && notSentCodes.has(code);
}
function formatMs(ms) {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
/** Why the upload's watchdog stopped it ("(no byte of the upload went out for 60 s)"), for the error message. */
function watchdogReason(signal) {
    const reason = signal.reason;
    return reason instanceof Error && reason.message ? `(${reason.message})` : '';
}

;// CONCATENATED MODULE: ./src/connect.ts
/**
 * Every OllangClient the action uses is built here, with its budget: the run's own; one for the
 * cancels after an abort (inside the runner's grace period) or past the wait's deadline
 * (on-timeout: cancel); and the post step's. Each logs its requests at debug level the same way.
 */

/** The runner allows 7.5 s after SIGINT before SIGTERM, and 2.5 s more before SIGKILL. */
const ABORT_CANCEL_BUDGET_MS = 6_000;
/** on-timeout: cancel runs after the wait's deadline: it gets this long to cancel, retries included. */
const TIMEOUT_CANCEL_BUDGET_MS = 60_000;
/** The post step: long enough for a few retries and the look-ups for a lost create. */
const POST_BUDGET_MS = 60_000;
/** Reads and cancels may still retry for this long when `timeout` leaves no time (timeout: 0). */
const MIN_RETRY_WINDOW_MS = 60_000;
/** The run's client: retries never sleep, nor reads run, past the run's deadline (at least a minute); all stop on abort. */
function runClient(connection, options) {
    const retryUntil = Math.max(options.deadline, options.startedAt + MIN_RETRY_WINDOW_MS);
    return build(connection, { deadline: retryUntil, signal: options.signal });
}
/**
 * A client for cancelling once the run's own can no longer serve (its abort signal has fired,
 * or its deadline has passed). Everything it does ends within its budget from now.
 */
function cancelClient(connection, after) {
    if (after === 'abort') {
        // Short requests and quick retries: every cancel must fit in the runner's grace period.
        return budgeted(connection, ABORT_CANCEL_BUDGET_MS, {
            requestTimeoutMs: 3_000,
            retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1_000 },
        });
    }
    return budgeted(connection, TIMEOUT_CANCEL_BUDGET_MS);
}
/** The post step's client: its whole budget from now. */
function postClient(connection) {
    return budgeted(connection, POST_BUDGET_MS, { requestTimeoutMs: 10_000 });
}
function budgeted(connection, budgetMs, options = {}) {
    return build(connection, { ...options, deadline: connection.clock() + budgetMs, signal: AbortSignal.timeout(budgetMs) });
}
function build(connection, options) {
    const { log, deadline, ...rest } = { ...options, log: connection.log };
    return new OllangClient({
        baseUrl: connection.apiUrl,
        apiKey: connection.apiKey,
        transport: connection.transport,
        sleep: connection.sleep,
        clock: connection.clock,
        ...(connection.random ? { random: connection.random } : {}),
        ...rest,
        deadline: () => deadline,
        onRequest: (event) => log.debug(`${event.method} ${event.path} -> ${event.status ?? 'no answer'} (${event.endpoint}, attempt ${event.attempt}, ${event.durationMs} ms)`),
    });
}

// EXTERNAL MODULE: ./src/error-message.ts
var error_message = __nccwpck_require__(86587);
// EXTERNAL MODULE: ./src/orders/followed.ts
var orders_followed = __nccwpck_require__(4609);
// EXTERNAL MODULE: ./src/ollang/status.ts
var ollang_status = __nccwpck_require__(19069);
// EXTERNAL MODULE: ./src/for-each-limited.ts
var for_each_limited = __nccwpck_require__(39891);
// EXTERNAL MODULE: ./src/orders/scope.ts
var orders_scope = __nccwpck_require__(57273);
;// CONCATENATED MODULE: ./src/orders/lost-create.ts




/** Beyond the request's time-out: a save a little late, a `Date` header to the second, a web server's clock a little off the database's. */
const LATE_SAVE_MS = 60_000;
/** `until` for a call sent now: Ollang's time plus the request's time-out and LATE_SAVE_MS, or undefined. */
function createWindowEnd(client) {
    const now = client.ollangTime();
    return now === undefined ? undefined : new Date(now + client.requestTimeoutMs + LATE_SAVE_MS).toISOString();
}
/** Get Orders confirming candidates, at once. */
const CONFIRMS_AT_ONCE = 8;
/** List Orders' largest page. */
const PAGE_SIZE = 50;
/** Pages read for one group of orders stamped alike (by ID): more than that cannot be told apart. */
const STAMP_GROUP_MAX_PAGES = 20;
/** Ollang may read `createdAtRange.from` as excluding its bound: filters start this much earlier. */
const FILTER_MARGIN_MS = 1_000;
/**
 * The project's newest orders, any type, right before a create is sent: every order stamped with
 * the newest `createdAt` Ollang lists, since those alone can tell an order from a new one.
 */
async function snapshotProject(client, projectId) {
    const page = await client.listOrders({
        page: 1,
        take: PAGE_SIZE,
        orderBy: 'createdAt',
        orderDirection: 'desc',
        filter: { projectId },
    });
    // Every order listed existed, whatever its project (a server may ignore the filter).
    const stamps = page.orders.map((o) => (0,orders_scope/* stampOf */.Zs)(o)).filter((t) => t !== undefined);
    const newest = stamps.length > 0 ? Math.max(...stamps) : undefined;
    let listed = page.orders;
    // The page ends inside the newest stamp: the rest of them are on the next pages, in no set order.
    if (newest !== undefined && page.meta.hasNextPage && (0,orders_scope/* stampOf */.Zs)(page.orders.at(-1)) === newest) {
        listed = [...listed, ...(await ordersStamped(client, projectId, newest))];
    }
    const tied = listed.filter((o) => newest === undefined || ((0,orders_scope/* stampOf */.Zs)(o) ?? newest) === newest).map((o) => o.id);
    return {
        ...(newest !== undefined ? { newestCreatedAt: new Date(newest).toISOString() } : {}),
        orderIds: [...new Set(tied)],
    };
}
/** Whether the order was there when the snapshot was taken. */
function existedBefore(order, before) {
    if (before.orderIds.includes(order.id))
        return true;
    const stamp = (0,orders_scope/* stampOf */.Zs)(order);
    const newest = before.newestCreatedAt === undefined ? undefined : Date.parse(before.newestCreatedAt);
    // Strictly earlier: an order stamped in the same instant as the newest one may be ours.
    return stamp !== undefined && newest !== undefined && stamp < newest;
}
/**
 * Every order of the call found: its orders of the requested type in its languages (usable ones:
 * a cancelled or failed one is no order for its language), and their child orders of any type.
 * Looked for again after each pause in `lookupsMs` until each language has one. Orders in
 * `exclude` (already accounted for) are never returned; an order that existed before the call was
 * sent never is. Every order returned was confirmed with Get Order.
 */
async function findOrdersOfLostCreate(client, call, options = {}) {
    const parents = new Map();
    const children = new Map();
    const rejected = new Set();
    const wanted = new Set(call.languages.map(orders_scope/* languageKey */.Y2));
    const skip = (id) => options.exclude?.has(id) === true || rejected.has(id) || parents.has(id) || children.has(id);
    for (const delay of options.lookupsMs ?? [0]) {
        if (delay > 0 && options.sleep)
            await options.sleep(delay, options.signal);
        const fresh = (await newOrders(client, call, call.languages.length)).filter((o) => !skip(o.id));
        const ofCall = fresh.filter((o) => o.type === call.orderType && wanted.has((0,orders_scope/* languageKey */.Y2)(o.targetLanguage)) && (0,ollang_status/* isUsable */.Ng)(o.status));
        await (0,for_each_limited/* forEachLimited */.v)(ofCall, CONFIRMS_AT_ONCE, async (summary) => {
            const order = await lost_create_confirm(client, summary);
            // The level is not checked: new since the call and of its type and language is enough, and
            // Ollang may report levels on another scale than the one we send (docs/ollang-api.md).
            if (order && (0,orders_scope/* inScope */.SB)(order, call, { level: false }) && (0,ollang_status/* isUsable */.Ng)(order.status))
                parents.set(order.id, order);
            else
                rejected.add(summary.id);
        });
        const childOfCall = fresh.filter((o) => o.type !== call.orderType && [...parents.values()].some((p) => (0,orders_scope/* isChildOf */.aO)(o, p)));
        await (0,for_each_limited/* forEachLimited */.v)(childOfCall, CONFIRMS_AT_ONCE, async (summary) => {
            const order = await lost_create_confirm(client, summary);
            if (order && (order.projectId === undefined || order.projectId === call.projectId))
                children.set(order.id, order);
            else
                rejected.add(summary.id);
        });
        const covered = new Set([...parents.values()].map((o) => (0,orders_scope/* languageKey */.Y2)(o.targetLanguage)));
        if ([...wanted].every((language) => covered.has(language)))
            break;
    }
    return [...parents.values(), ...children.values()];
}
/**
 * The project's orders that did not exist before the call, newest first: the list is read newest
 * first until an order stamped before the newest the snapshot saw (everything after it is older),
 * within a page budget. Orders stamped alike have no set order among themselves, from one request
 * to the next: the snapshot's own are skipped by ID, and a group that runs over a page boundary is
 * read again whole, by ID.
 */
async function newOrders(client, call, languages) {
    const found = new Map();
    const newest = call.before.newestCreatedAt === undefined ? undefined : Date.parse(call.before.newestCreatedAt);
    const groupsRead = new Set();
    // Our orders and their children, with room for other orders made meanwhile.
    const maxPages = Math.ceil((languages * 3) / PAGE_SIZE) + 2;
    for (let pageNumber = 1; pageNumber <= maxPages; pageNumber++) {
        const page = await client.listOrders({
            page: pageNumber,
            take: PAGE_SIZE,
            orderBy: 'createdAt',
            orderDirection: 'desc',
            // Hints only (a server may ignore filters): on Ollang's clock, never ours.
            filter: {
                projectId: call.projectId,
                ...(newest !== undefined ? { createdAtFrom: new Date(newest - FILTER_MARGIN_MS).toISOString() } : {}),
            },
        });
        let older = false;
        for (const summary of page.orders) {
            const stamp = (0,orders_scope/* stampOf */.Zs)(summary);
            // Strictly older than the newest the snapshot saw: everything after it is older still.
            if (stamp !== undefined && newest !== undefined && stamp < newest) {
                older = true;
                break;
            }
            found.set(summary.id, summary);
        }
        if (older || !page.meta.hasNextPage || page.orders.length === 0)
            break;
        const last = (0,orders_scope/* stampOf */.Zs)(page.orders.at(-1));
        if (last !== undefined && !groupsRead.has(last)) {
            groupsRead.add(last);
            for (const summary of await ordersStamped(client, call.projectId, last))
                found.set(summary.id, summary);
        }
    }
    // Listed in the snapshot (stamped with its newest createdAt): it existed, though ours may share its stamp.
    // Stamped after the call's answer was given up: another run's.
    const until = call.until === undefined ? Infinity : trustedUntil(call, [...found.values()], client.ollangTime());
    return [...found.values()].filter((o) => !existedBefore(o, call.before) &&
        !(((0,orders_scope/* stampOf */.Zs)(o) ?? -Infinity) > until) &&
        (o.projectId === undefined || o.projectId === call.projectId));
}
/** How far an order's stamp may run ahead of the `Date` header's time before that header is taken to lag. */
const DATE_SLACK_MS = 5_000;
/**
 * `until` as a bound, or Infinity when the `Date` header it came from cannot be trusted: a clock
 * that runs behind Ollang's stamps (a cached or proxied answer, a web tier whose clock is off the
 * database's) would put the call's own orders after it, and the run would buy them again and leave
 * the first ones unfollowed. Orders are never stamped in the future: a stamp later than the
 * header's time now (or than the header's time at sending, for the snapshot's newest order)
 * proves the header lags, and then only the snapshot decides, as without a `Date` header.
 */
function trustedUntil(call, listed, ollangNow) {
    if (call.until === undefined)
        return Infinity;
    const until = Date.parse(call.until);
    if (Number.isNaN(until))
        return Infinity;
    const newest = call.before.newestCreatedAt === undefined ? -Infinity : Date.parse(call.before.newestCreatedAt);
    const sentAtOllang = until - LATE_SAVE_MS; // minus the margin: at most the time-out after sending
    if (newest > sentAtOllang + DATE_SLACK_MS)
        return Infinity;
    const latest = Math.max(-Infinity, ...listed.map((o) => (0,orders_scope/* stampOf */.Zs)(o) ?? -Infinity));
    if (ollangNow !== undefined && latest > ollangNow + DATE_SLACK_MS)
        return Infinity;
    return until;
}
/**
 * Every order of the project stamped `stamp`, read by ID (a stable order across pages), since
 * Ollang gives none among orders stamped alike. Throws when there are too many to read: telling
 * old orders from new ones would then be a guess.
 */
async function ordersStamped(client, projectId, stamp) {
    const group = [];
    const filter = {
        projectId,
        createdAtFrom: new Date(stamp - FILTER_MARGIN_MS).toISOString(),
        createdAtTo: new Date(stamp + FILTER_MARGIN_MS).toISOString(),
    };
    for (let pageNumber = 1; pageNumber <= STAMP_GROUP_MAX_PAGES; pageNumber++) {
        const page = await client.listOrders({ page: pageNumber, take: PAGE_SIZE, orderBy: 'id', orderDirection: 'asc', filter });
        group.push(...page.orders.filter((o) => (0,orders_scope/* stampOf */.Zs)(o) === stamp));
        if (!page.meta.hasNextPage || page.orders.length === 0)
            return group;
    }
    throw new Error(`Project ${projectId} lists more than ${STAMP_GROUP_MAX_PAGES * PAGE_SIZE} orders around ${new Date(stamp).toISOString()}: ` +
        'too many to tell the orders made before a Create Order call from those it made');
}
/** Get Order for a candidate; undefined when Ollang no longer knows it. */
async function lost_create_confirm(client, summary) {
    try {
        return await client.getOrder(summary.id);
    }
    catch (error) {
        if (error instanceof errors/* OllangError */.eO && error.status === 404)
            return undefined;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/orders/create.ts







/**
 * Create Order calls for one set of languages: the first, and more only after an ambiguous
 * failure whose orders the look-ups did not find (so no attempt can buy twice).
 */
const MAX_CREATE_ATTEMPTS = 4;
/** Pause before creating again (doubling; longer when Retry-After asks): a struggling API gets a moment. */
const CREATE_RETRY_PAUSE_MS = 1_000;
/** After a lost create, look-ups this long apart (a late save shows up); a time-out adds a longer one. */
const LOST_CREATE_LOOKUPS_MS = [0, 1_000, 3_000];
const LOST_CREATE_LOOKUP_AFTER_TIMEOUT_MS = 10_000;
async function createOrders(context, scope, languages) {
    const { client, log, state } = context;
    let before;
    try {
        before = await snapshotProject(client, scope.projectId);
    }
    catch (error) {
        if (isFatal(error))
            throw error;
        throw new Error(`Could not list the orders of project ${scope.projectId} right before creating ${languages.join(', ')}, so nothing was ordered ` +
            `(without that list, an order made by a lost answer could not be told from an older one): ${(0,error_message/* errorMessage */.g)(error)}`, { cause: error });
    }
    const record = { ...scope, languages, sentAt: new Date(context.clock()).toISOString(), before };
    /** Every order of ours, by ID: Get Order's view where we have it. */
    const ours = new Map();
    let missing = languages;
    let failure;
    for (let attempt = 1; missing.length > 0; attempt++) {
        log.info(`Creating ${scope.orderType} orders (level ${scope.level}) for ${missing.join(', ')}.`);
        // Saved before sending: if main dies before the answer, the post step looks for this call's orders.
        // Each call's orders are stamped before its answer is given up: later ones are another run's.
        const until = createWindowEnd(client);
        if (until !== undefined)
            record.until = until;
        state.recordCreateSent({ ...record, languages: missing });
        try {
            const answered = await client.createOrder(createRequest(context.settings, scope, missing));
            const ids = answered.map((c) => c.orderId);
            state.recordCreated(ids);
            const read = await Promise.all(ids.map((id) => readCreated(context, id)));
            ids.forEach((id, index) => ours.set(id, read[index]));
            // An answer that covers fewer languages than asked: did the call make them all the same? An
            // answered order not read yet may be any language: the look-up leaves out every answered ID.
            const short = notCovered(missing, scope, ours);
            const lookupFailure = short.length > 0
                ? await recover(context, { ...record, languages: short }, ours, [0], 'the call made but left out of its answer')
                : undefined;
            const answeredNone = `Create Order answered no order${[...ours.values()].includes(undefined) ? ' it could read' : ''}`;
            if (lookupFailure !== undefined) {
                // Nobody can tell whether those orders exist: the post step looks for them once more.
                state.recordCreateSent({ ...record, languages: short });
                failure =
                    `${answeredNone} for ${short.join(', ')} in project ${scope.projectId}, and looking for one it may have made failed ` +
                        `(${lookupFailure}): the post step looks for it again.`;
                break;
            }
            state.recordCreateSettled(scope.projectId);
            missing = uncovered(missing, scope, ours);
            if (missing.length > 0)
                failure = `${answeredNone} for ${missing.join(', ')} in project ${scope.projectId}.`;
            break;
        }
        catch (error) {
            // Refused before anything was made (429, a request never sent): the same call again, no look-up.
            const pause = notProcessed(error) && attempt < MAX_CREATE_ATTEMPTS ? createPause(context, attempt, error) : undefined;
            if (pause !== undefined) {
                log.warning(`Create Order made nothing (${(0,error_message/* errorMessage */.g)(error)}): sending it again in ${(0,duration/* formatDuration */.a3)(pause)}.`);
                await context.sleep(pause, context.signal);
                continue;
            }
            if (!(error instanceof errors/* OllangError */.eO) || !error.ambiguous) {
                state.recordCreateSettled(scope.projectId);
                if (isFatal(error) || context.signal?.aborted)
                    throw error;
                failure = createFailure(error, missing, scope.projectId);
                break;
            }
            log.warning(`Create Order got no usable answer (${error.message}). It may still have created orders: looking for them before creating anything again.`);
            // A call that timed out may still be in the server's hands: look longer before ordering again.
            const lookups = error.kind === 'timeout' ? [...LOST_CREATE_LOOKUPS_MS, LOST_CREATE_LOOKUP_AFTER_TIMEOUT_MS] : LOST_CREATE_LOOKUPS_MS;
            const lookupFailure = await recover(context, { ...record, languages: missing }, ours, lookups, 'the lost call created');
            if (lookupFailure !== undefined) {
                // Creating again without knowing what the lost call made could buy twice: stop here. The
                // in-flight record stays, so the post step looks for this call's orders once more.
                failure = `${createFailure(error, missing, scope.projectId)}; looking for what it made failed too (${lookupFailure}), so nothing more was ordered.`;
                break;
            }
            missing = uncovered(missing, scope, ours);
            if (missing.length === 0)
                state.recordCreateSettled(scope.projectId);
            else if (attempt === MAX_CREATE_ATTEMPTS) {
                // The in-flight record stays: the post step looks for this call's orders once more.
                failure = createFailure(error, missing, scope.projectId);
                break;
            }
            else
                await context.sleep(CREATE_RETRY_PAUSE_MS * 2 ** (attempt - 1), context.signal);
        }
    }
    warnOnLevelScale(context, scope, ours);
    const followed = [...ours].map(([orderId, order]) => order ? (0,orders_followed/* followOrder */._U)(order, { created: true, projectId: scope.projectId }) : (0,orders_followed/* followUnread */.$y)(orderId, scope.projectId));
    return { followed, ...(failure ? { failure } : {}) };
}
function createRequest(settings, scope, languages) {
    const rush = new Set(settings.rushLanguages.map(orders_scope/* languageKey */.Y2));
    return {
        orderType: scope.orderType,
        level: scope.level,
        projectId: scope.projectId,
        targetLanguageConfigs: languages.map((language) => ({ language, isRush: rush.has((0,orders_scope/* languageKey */.Y2)(language)) })),
        ...(settings.orderSubType ? { orderSubType: settings.orderSubType } : {}),
        ...(settings.dubbingStyle ? { dubbingStyle: settings.dubbingStyle } : {}),
        ...(settings.callbackUrl ? { callbackUrl: settings.callbackUrl } : {}),
        ...(settings.autoQc ? { autoQc: true } : {}),
    };
}
/**
 * Looks for the call's orders, and makes every one found this run's (state first). Returns why
 * the look-up itself failed, if it did (then nobody can tell what the call made).
 */
async function recover(context, call, ours, lookupsMs, what) {
    let found;
    try {
        found = await findOrdersOfLostCreate(context.client, call, {
            exclude: new Set(ours.keys()),
            lookupsMs,
            sleep: context.sleep,
            ...(context.signal ? { signal: context.signal } : {}),
        });
    }
    catch (error) {
        if (isFatal(error) || context.signal?.aborted)
            throw error;
        context.log.warning(`Looking for the orders ${what} failed: ${(0,error_message/* errorMessage */.g)(error)}.`);
        return (0,error_message/* errorMessage */.g)(error);
    }
    if (found.length === 0)
        return undefined;
    context.state.recordCreated(found.map((o) => o.id));
    for (const order of found)
        ours.set(order.id, order);
    context.log.info(`Found ${found.length} order(s) ${what}: ${found.map((o) => `${o.targetLanguage} ${o.type} ${o.id}`).join(', ')}.`);
    return undefined;
}
/**
 * The create answer's order is not a language mapping (docs/ollang-api.md): ask each order. One
 * Get Order cannot read now is followed all the same (the wait fills in its language), since
 * failing here would leave a paid order behind with nobody waiting for it.
 */
async function readCreated(context, orderId) {
    try {
        return await context.client.getOrder(orderId);
    }
    catch (error) {
        if (isFatal(error))
            throw error;
        context.log.warning(`Could not read new order ${orderId} yet (${(0,error_message/* errorMessage */.g)(error)}); following it anyway.`);
        return undefined;
    }
}
/**
 * The languages no order of ours covers (of the requested type: a child order of another type
 * covers nothing). While an order of ours is unread its language is unknown: then nothing is
 * counted missing, so that nothing is bought twice.
 */
function uncovered(languages, scope, ours) {
    return [...ours.values()].includes(undefined) ? [] : notCovered(languages, scope, ours);
}
/** The languages no order of ours that has been read covers (of the requested type). */
function notCovered(languages, scope, ours) {
    const covered = new Set([...ours.values()].filter((o) => o !== undefined && o.type === scope.orderType).map((o) => (0,orders_scope/* languageKey */.Y2)(o.targetLanguage)));
    return languages.filter((language) => !covered.has((0,orders_scope/* languageKey */.Y2)(language)));
}
/**
 * Ollang's reference shows `level` on an older 1/2/3 scale (docs/ollang-api.md). Our own new
 * orders tell which scale this account is on: say so when it is not ours, since reuse through
 * List Orders then cannot recognise an order's level.
 */
function warnOnLevelScale(context, scope, ours) {
    const other = [...ours.values()].find((o) => o && o.type === scope.orderType && o.level !== undefined && o.level !== scope.level);
    if (!other)
        return;
    context.log.warning(`Ollang reports level ${other.level} for order ${other.id}, created with level ${scope.level}: its levels are on another scale ` +
        'than the one the action sends. Reuse finds this run’s orders through the Actions cache, but not through List Orders.');
}
/**
 * A Create Order failure that made nothing: answered before processing (429, 408), or never sent.
 * Anything that may have been processed is `ambiguous` (src/ollang/client.ts).
 */
function notProcessed(error) {
    return error instanceof errors/* OllangError */.eO && !error.ambiguous && error.kind !== 'aborted' && (0,retry/* isRetryable */.r3)(error);
}
/**
 * The pause before Create Order call `attempt + 1`: doubling from a second, or the Retry-After
 * asked for when longer (capped as for reads); undefined when it would end past the client's
 * deadline.
 */
function createPause(context, attempt, error) {
    const pause = Math.max(CREATE_RETRY_PAUSE_MS * 2 ** (attempt - 1), Math.min(error.retryAfterMs ?? 0, retry/* maxRetryAfterMs */.vB));
    const deadline = context.client.retryDeadline();
    return deadline !== undefined && context.clock() + pause > deadline ? undefined : pause;
}
function createFailure(error, languages, projectId) {
    return (0,errors/* explainError */.UW)(error, `Creating orders for ${languages.join(', ')} in project ${projectId} failed: ${(0,error_message/* errorMessage */.g)(error)}`);
}
/** Errors no look-up can get past: a bad key, or the run being aborted. */
function isFatal(error) {
    return error instanceof errors/* OllangError */.eO && (error.status === 401 || error.kind === 'aborted');
}

// EXTERNAL MODULE: ./src/orders/reuse.ts
var reuse = __nccwpck_require__(36317);
;// CONCATENATED MODULE: ./src/orders/choose.ts
/**
 * Deciding which orders a run follows, so that each (project, type, level, language) is bought
 * once: given IDs as they are; otherwise, per project, reuse usable orders (reuse.ts), create only
 * the rest in one Create Order call for that project (create.ts), and settle with runs started
 * together (reuse.ts). With the media input there is one project per media content: each is
 * chosen for as soon as its project is known (while other files may still be uploading), a few
 * projects at a time, and one project's trouble never stops the others.
 */






/** Projects chosen for at once (each may snapshot, create and read its new orders). */
const PROJECTS_AT_ONCE = 4;
async function chooseOrders(context) {
    const { settings, log } = context;
    if (settings.orderIds.length > 0) {
        const followed = await Promise.all(settings.orderIds.map((id) => followGiven(context, id)));
        log.info(`Following ${followed.length} given order(s): ${followed.map(describe).join(', ')}`);
        return { followed, languagesWithoutOrder: [], plan: { create: [], reuse: [] } };
    }
    return chooseForProject(context, { projectId: settings.projectId });
}
/** One project's orders: reuse what exists (on any project of the same content), create the rest with one call. */
async function chooseForProject(context, target) {
    const { settings, log } = context;
    const scope = { projectId: target.projectId, orderType: settings.orderType, level: settings.level };
    const label = labeller(target);
    const lookedAt = context.clock();
    const reused = settings.reuseOrders && !target.withoutOrders
        ? await findReusableAcross(context, scope, target.otherProjectIds ?? [], settings.targetLanguages)
        : new Map();
    // The repository's listing shows only this repository's projects of the content; the file may
    // have another, in another repository, with the orders: a fresh search by key, before buying.
    if (settings.reuseOrders && !target.withoutOrders && target.contentProjects) {
        const missingHere = settings.targetLanguages.filter((language) => !reused.has((0,orders_scope/* languageKey */.Y2)(language)));
        const checked = new Set([scope.projectId, ...(target.otherProjectIds ?? [])]);
        const [first, ...rest] = missingHere.length > 0 ? (await contentProjects(context, target)).filter((id) => !checked.has(id)) : [];
        if (first !== undefined) {
            for (const [language, order] of await findReusableAcross(context, { ...scope, projectId: first }, rest, missingHere))
                reused.set(language, order);
        }
    }
    const followed = [...reused.values()].map((order) => withMedia((0,orders_followed/* followOrder */._U)(order, { created: false, projectId: scope.projectId }), target));
    const missing = settings.targetLanguages.filter((language) => !reused.has((0,orders_scope/* languageKey */.Y2)(language)));
    const plan = {
        create: settings.mode === 'collect' ? [] : missing.map(label),
        reuse: followed.map((o) => ({ language: label(o.language), orderId: o.orderId })),
    };
    for (const o of followed)
        log.info(`Reusing order ${o.orderId} for ${label(o.language)} (${o.status}).`);
    const at = context.clock();
    const fresh = [...reused.values()].map((order) => ({ order, at }));
    if (settings.mode === 'collect' || settings.dryRun || missing.length === 0) {
        return { followed, languagesWithoutOrder: missing.map(label), plan, fresh };
    }
    const made = await createOrders(context, scope, missing);
    const created = settings.reuseOrders && made.followed.length > 0
        ? await (0,reuse/* yieldToEarlierOrders */.gP)(context, scope, made.followed, await contentProjects(context, target), target.withoutOrders ? Infinity : context.clock() - lookedAt)
        : made.followed;
    followed.push(...created.map((o) => withMedia(o, target)));
    const covered = new Set(followed.filter((o) => !o.type || o.type === scope.orderType).map((o) => (0,orders_scope/* languageKey */.Y2)(o.language)));
    const languagesWithoutOrder = settings.targetLanguages.filter((language) => !covered.has((0,orders_scope/* languageKey */.Y2)(language))).map(label);
    // Remembered for later runs: the orders now followed for the scope (another run's where this one yielded).
    const remembered = created.filter((o) => o.type === scope.orderType);
    if (remembered.length > 0 && context.memory)
        await context.memory.remember(scope, remembered);
    return { followed, languagesWithoutOrder, plan, fresh, ...(made.failure ? { failure: made.failure } : {}) };
}
/**
 * Chooses for each project as `projects` hands it over (media/projects.ts settles them one by
 * one: a found project at once, an uploaded one when its upload ends), a few at a time. A
 * project whose choosing fails is named in `failure`; the others go on. A bad key or an abort
 * stops everything (thrown by `done`).
 */
function chooseForProjects(context) {
    const results = [];
    const failures = [];
    const running = [];
    const limit = limiter(PROJECTS_AT_ONCE);
    let fatal;
    return {
        add(target) {
            running.push(limit(async () => {
                if (fatal !== undefined)
                    return;
                context.signal?.throwIfAborted();
                try {
                    const chosen = await chooseForProject(context, target);
                    results.push(chosen);
                    if (chosen.failure)
                        failures.push(chosen.failure);
                }
                catch (error) {
                    if (choose_isFatal(error) || context.signal?.aborted) {
                        fatal ??= error;
                        return;
                    }
                    const what = target.media?.length ? target.media.join(', ') : `project ${target.projectId}`;
                    failures.push(`Choosing the orders for ${what} failed: ${(0,error_message/* errorMessage */.g)(error)}`);
                    const label = labeller(target);
                    results.push({
                        followed: [],
                        languagesWithoutOrder: context.settings.targetLanguages.map(label),
                        plan: { create: [], reuse: [] },
                    });
                }
            }).catch((error) => {
                fatal ??= error;
            }));
        },
        async done() {
            // Projects may still be added while earlier ones run: wait until nothing is left.
            for (let seen = 0; seen < running.length; seen = running.length)
                await Promise.all(running.slice(seen));
            if (fatal !== undefined)
                throw fatal instanceof Error ? fatal : new Error((0,error_message/* errorMessage */.g)(fatal));
            return {
                followed: results.flatMap((r) => r.followed),
                languagesWithoutOrder: results.flatMap((r) => r.languagesWithoutOrder),
                plan: { create: results.flatMap((r) => r.plan.create), reuse: results.flatMap((r) => r.plan.reuse) },
                fresh: results.flatMap((r) => r.fresh ?? []),
                ...(failures.length > 0 ? { failure: failures.join(' ') } : {}),
            };
        },
    };
}
/** Reusable orders of the scope, then, for the languages still missing, of the other projects of the same content. */
async function findReusableAcross(context, scope, others, languages) {
    const found = await (0,reuse/* findReusable */.vY)(context, scope, languages);
    for (const projectId of others) {
        const missing = languages.filter((language) => !found.has((0,orders_scope/* languageKey */.Y2)(language)));
        if (missing.length === 0)
            break;
        for (const [language, order] of await (0,reuse/* findReusable */.vY)(context, { ...scope, projectId }, missing))
            found.set(language, order);
    }
    return found;
}
/** The other projects of the target's content: a fresh search, or (when it fails) those known before creating. */
async function contentProjects(context, target) {
    const known = target.otherProjectIds ?? [];
    if (!target.contentProjects)
        return known;
    try {
        const found = await target.contentProjects();
        return [...new Set([...known, ...found])].filter((id) => id !== target.projectId);
    }
    catch (error) {
        if (choose_isFatal(error) || context.signal?.aborted)
            throw error;
        context.log.debug(`Could not list the projects of the same content again (${(0,error_message/* errorMessage */.g)(error)}).`);
        return known;
    }
}
/** A given order ID: followed as it is, never created, never cancelled on abort. */
async function followGiven(context, orderId) {
    try {
        return (0,orders_followed/* followOrder */._U)(await context.client.getOrder(orderId), { created: false });
    }
    catch (error) {
        if (error instanceof errors/* OllangError */.eO && error.status === 404) {
            throw new Error(`Input 'order-ids': Ollang has no order ${orderId} (${error.message}).`, { cause: error });
        }
        throw error;
    }
}
function withMedia(order, target) {
    if (target.media && target.media.length > 0)
        order.media = target.media;
    return order;
}
/** "fr", or with media "fr (videos/intro.mp4)": what a language means in this project's plan. */
function labeller(target) {
    const media = target.media?.[0];
    return (language) => (media === undefined ? language : `${language} (${media})`);
}
function describe(order) {
    return `${order.orderId} (${order.language}, ${order.status})`;
}
/** Errors no other project can get past: a bad key, or the run being aborted. */
function choose_isFatal(error) {
    return error instanceof errors/* OllangError */.eO && (error.status === 401 || error.kind === 'aborted');
}
/** Runs at most `limit` of the given tasks at a time, in the order they come. */
function limiter(limit) {
    let active = 0;
    const queue = [];
    return (task) => new Promise((resolve, reject) => {
        const start = () => {
            active += 1;
            task()
                .then(resolve, reject)
                .finally(() => {
                active -= 1;
                queue.shift()?.();
            });
        };
        if (active < limit)
            start();
        else
            queue.push(start);
    });
}

;// CONCATENATED MODULE: ./src/orders/memory.ts
async function openCacheMemory(options) {
    const cache = await loadManifestCache(options.env);
    if (!cache) {
        options.log.debug('The Actions cache service is not available: looking for earlier orders with List Orders only.');
        return undefined;
    }
    // One manifest per scope: with media, one run recalls and remembers the orders of many projects.
    // They share one file path (the cache version is made from the paths, and must not change), so
    // the cache is used by one scope at a time.
    const restored = new Map();
    const scopeKey = (scope) => cache.manifestKeyPrefix(scope.projectId, scope.orderType, scope.level);
    let queue = Promise.resolve();
    const oneAtATime = (task) => {
        const result = queue.then(task, task);
        queue = result.catch(() => undefined);
        return result;
    };
    return {
        recall: (scope) => oneAtATime(async () => {
            const manifest = await cache.restoreManifest(scope, options);
            restored.set(scopeKey(scope), manifest);
            const byLanguage = new Map();
            // Newest first: the latest order for a language is the likeliest to be usable.
            for (const entry of [...(manifest?.orders ?? [])].reverse()) {
                const language = entry.language.toLowerCase();
                byLanguage.set(language, [...(byLanguage.get(language) ?? []), entry.orderId]);
            }
            return byLanguage;
        }),
        remember: (scope, orders) => oneAtATime(async () => {
            // An order not read yet has no language: leave it out rather than spoil the manifest.
            const entries = orders
                .filter((o) => o.language)
                .map((o) => ({ orderId: o.orderId, language: o.language, createdAt: o.createdAt ?? new Date().toISOString() }));
            await cache.saveManifest(cache.mergeManifest(restored.get(scopeKey(scope)), scope, entries), options);
        }),
    };
}
/**
 * The manifest code (and through it @actions/cache, 2.4 MB with the Azure SDK), loaded only
 * where the runner announces a cache service: every version of it sets one of these variables.
 */
async function loadManifestCache(env) {
    if (!env['ACTIONS_CACHE_URL'] && !env['ACTIONS_RESULTS_URL'])
        return undefined;
    const cache = await Promise.all(/* import() */[__nccwpck_require__.e(691), __nccwpck_require__.e(415)]).then(__nccwpck_require__.bind(__nccwpck_require__, 86415));
    return (await cache.isCacheAvailable()) ? cache : undefined;
}

// EXTERNAL MODULE: ./src/orders/cancel.ts
var cancel = __nccwpck_require__(53303);
;// CONCATENATED MODULE: ./src/orders/stop.ts








/**
 * `mode: cancel` without order IDs reads the project's orders newest first, up to this many
 * List Orders pages of 50 (10,000 orders): generous, since an older unfinished order it missed
 * goes on being billed, yet bounded against a server that always says "more". Past it the run
 * says how far it looked and is never `completed`.
 */
const CANCEL_SCAN_MAX_PAGES = 200;
const SCAN_PAGE_SIZE = 50;
/**
 * SIGINT / SIGTERM: cancel the unfinished orders this run created, within the runner's grace
 * period. Returns the run's failure message.
 */
async function cancelAfterAbort(context) {
    const { state, settings, log } = context;
    const settled = new Set(context.followed.filter((o) => (0,ollang_status/* isFinished */.$g)(o.status)).map((o) => o.orderId));
    const toCancel = state.created.filter((id) => !settled.has(id));
    if (!settings.cancelOnAbort || toCancel.length === 0) {
        return toCancel.length === 0
            ? 'The run was cancelled; it had no unfinished orders of its own to cancel.'
            : `The run was cancelled; its orders were left running (cancel-on-abort: false): ${toCancel.join(', ')}.`;
    }
    log.info(`The run was cancelled: cancelling ${toCancel.length} unfinished order(s) this run created.`);
    const client = cancelClient(context.connection, 'abort');
    const results = await (0,cancel/* cancelOrders */._x)(client, toCancel, { concurrency: 16, onResult: (r) => reportCancel(context, r) });
    state.recordSettled(results.filter(cancel/* isStopped */.id).map((r) => r.orderId));
    const left = results.filter((r) => !(0,cancel/* isStopped */.id)(r)).map((r) => r.orderId);
    return left.length === 0
        ? `The run was cancelled; cancelled its ${results.length} unfinished order(s).`
        : `The run was cancelled; could not cancel ${left.join(', ')} yet (the post step tries again).`;
}
/**
 * `on-timeout`: fail (leave orders running, name them), cancel (this run's unfinished orders),
 * continue. Returns the run's failure message (none for continue).
 */
async function settleTimeout(context) {
    const { state, settings, log } = context;
    const unfinished = context.followed.filter((o) => o.state === 'timed-out');
    for (const o of unfinished) {
        log.warning(`Order ${o.orderId} (${o.language}) ${o.problem ?? 'did not finish in time'}.`, { title: `Timed out: ${o.language}` });
    }
    const names = unfinished
        .map((o) => `${o.language} ${o.orderId} (${o.status}${o.lastCheckError ? `; its last check failed: ${o.lastCheckError}` : ''})`)
        .join(', ');
    const after = `Timed out after ${(0,duration/* formatDuration */.a3)(settings.timeoutMs)}`;
    if (settings.onTimeout === 'continue') {
        log.info(`${after}; continuing with what finished (on-timeout: continue). Still running: ${names}.`);
        return undefined;
    }
    if (settings.onTimeout === 'fail') {
        return (`${after} with orders still running: ${names}. They were left running ` +
            `(on-timeout: fail); collect them later with mode: collect and order-ids, or cancel them with mode: cancel.`);
    }
    const ours = unfinished.filter((o) => o.created && !(0,ollang_status/* isFinished */.$g)(o.status));
    // The wait's deadline has passed: these cancels get a retry window of their own.
    const client = cancelClient(context.connection, 'deadline');
    const results = await log.group(`Cancelling ${ours.length} unfinished order(s) (on-timeout: cancel)`, () => (0,cancel/* cancelOrders */._x)(client, ours.map((o) => o.orderId), { onResult: (r) => reportCancel(context, r) }));
    state.recordSettled(results.filter(cancel/* isStopped */.id).map((r) => r.orderId));
    const count = (outcomes) => results.filter((r) => outcomes.includes(r.outcome)).length;
    const done = [
        count(['cancelled', 'already-cancelled']) > 0 ? `cancelled ${count(['cancelled', 'already-cancelled'])} of this run's orders` : '',
        count(['human-review-cancelled']) > 0 ? `stopped the human review of ${count(['human-review-cancelled'])} (they go on at Level 0)` : '',
        count(['already-finished']) > 0 ? `${count(['already-finished'])} had finished meanwhile` : '',
    ].filter(Boolean);
    const notOurs = unfinished.filter((o) => !o.created).map((o) => `${o.language} ${o.orderId}`);
    const failed = results.filter((r) => !(0,cancel/* isStopped */.id)(r));
    return (`${after} with orders unfinished: ${names}. ` +
        (done.length > 0 ? `Then (on-timeout: cancel) ${done.join('; ')}. ` : '') +
        (notOurs.length > 0 ? `Left running, not created by this run: ${notOurs.join(', ')}. ` : '') +
        (failed.length > 0
            ? `Could not cancel ${failed.map((r) => `${r.orderId} (${(0,cancel/* describeCancelResult */.bi)(r)})`).join('; ')}: cancel them with mode: cancel or in the Ollang dashboard.`
            : '')).trim();
}
/**
 * `mode: cancel`: cancel the given orders, or the unfinished orders of the projects (the
 * project-id input's, or with media each file's projects) for the languages.
 * Every order it looked at is reported with what became of it; the run is `cancelled` only when
 * some order was (or already was), `completed` when there was nothing to cancel.
 */
async function cancelMode(context, client, projectIds = [context.settings.projectId]) {
    const { settings, log } = context;
    const { targets, unread } = settings.orderIds.length > 0
        ? { targets: await readGivenOrders(client, settings.orderIds), unread: undefined }
        : await findUnfinished(context, client, projectIds);
    const handled = [];
    const toCancel = [];
    for (const target of targets) {
        if (target.status === 'not-found') {
            const outcome = 'not found: Ollang has no order with this ID for this API key';
            log.warning(`Order ${target.orderId}: ${outcome}.`);
            handled.push({ ...target, status: 'not-found', outcome });
        }
        else if (target.status !== undefined && (0,ollang_status/* isFinished */.$g)(target.status)) {
            // Read just now: a finished order is sent no cancel, and the log says so like for the others.
            const cancelled = (0,ollang_status/* isCancelled */.mm)(target.status);
            const outcome = cancelled ? 'was already cancelled' : `had already finished (${target.status}): nothing to cancel`;
            log.info(`Order ${describeTarget(target)}: ${outcome}`);
            handled.push({ ...target, status: cancelled ? 'cancelled' : target.status, outcome });
        }
        else
            toCancel.push(target);
    }
    if (settings.dryRun) {
        for (const target of toCancel)
            handled.push({ ...target, status: target.status ?? 'unknown', outcome: 'would be cancelled' });
        log.info(`Dry run: would cancel ${toCancel.map((t) => describeTarget(t)).join(', ') || 'nothing'}.`);
        return { ended: 'dry-run', handled: inTargetOrder(handled, targets) };
    }
    const byId = new Map(toCancel.map((t) => [t.orderId, t]));
    const languageOf = new Map(toCancel.map((t) => [t.orderId, t.language]));
    const results = await log.group(`Cancelling ${toCancel.length} order(s)`, () => (0,cancel/* cancelOrders */._x)(client, toCancel.map((t) => t.orderId), {
        onResult: (r) => {
            reportCancel(context, r, languageOf);
            handled.push(handledOrder(r, byId.get(r.orderId)));
        },
    }));
    const ordered = inTargetOrder(handled, targets);
    const failed = [...results.filter((r) => !(0,cancel/* isStopped */.id)(r)), ...targets.filter((t) => t.status === 'not-found')];
    if (failed.length > 0) {
        const reasons = ordered.filter((o) => o.status === 'cancel-failed' || o.status === 'not-found');
        return {
            ended: 'failed',
            handled: ordered,
            failure: [`Could not cancel ${reasons.map((o) => `${o.orderId} (${o.outcome})`).join('; ')}.`, unread].filter(Boolean).join(' '),
        };
    }
    const stoppedSomething = results.some((r) => r.outcome !== 'already-finished') || ordered.some((o) => o.status === 'cancelled');
    // Orders left unread may be unfinished: never "nothing to cancel" then, and the run fails saying so.
    if (unread)
        return { ended: stoppedSomething ? 'cancelled' : 'failed', handled: ordered, failure: unread };
    return { ended: stoppedSomething ? 'cancelled' : 'completed', handled: ordered };
}
/** The given order IDs, each read with Get Order (a read that fails leaves the cancel to find out). */
async function readGivenOrders(client, orderIds) {
    const targets = orderIds.map((orderId) => ({ orderId, language: '' }));
    await (0,for_each_limited/* forEachLimited */.v)(targets, 8, async (target) => {
        try {
            const order = await client.getOrder(target.orderId);
            target.language = order.targetLanguage;
            target.type = order.type;
            if (order.projectId)
                target.projectId = order.projectId;
            target.status = order.status;
        }
        catch (error) {
            if (error instanceof errors/* OllangError */.eO && error.status === 404)
                target.status = 'not-found';
            else if (error instanceof errors/* OllangError */.eO && error.status === 401)
                throw error;
        }
    });
    return targets;
}
/**
 * The projects' unfinished orders of the order type, for the target languages; `unread` says so
 * when older orders of a project were left unread (CANCEL_SCAN_MAX_PAGES).
 */
async function findUnfinished(context, client, projectIds) {
    const { settings, log } = context;
    const unfinished = [];
    const cutShort = [];
    for (const projectId of new Set(projectIds)) {
        const found = await (0,reuse/* scanOrders */.Dn)(client, { projectId, orderType: settings.orderType }, { languages: settings.targetLanguages, maxPages: CANCEL_SCAN_MAX_PAGES, onMorePages: () => cutShort.push(projectId) });
        for (const o of found)
            if (!(0,ollang_status/* isFinished */.$g)(o.status))
                unfinished.push({ ...o, projectId });
    }
    const newest = (CANCEL_SCAN_MAX_PAGES * SCAN_PAGE_SIZE).toLocaleString('en-US');
    const unread = cutShort.length > 0
        ? `Looked at the ${newest} newest ${settings.orderType} orders of project ${cutShort.join(', ')} only: older ones were not read, and an unfinished one among them goes on. Cancel such orders by ID (order-ids) or in the Ollang dashboard.`
        : undefined;
    log.info(`Found ${unfinished.length} unfinished ${settings.orderType} order(s) for ${settings.targetLanguages.join(', ')}${unread ? ` among the ${newest} newest` : ''}.`);
    if (unread)
        log.warning(unread, { title: 'Not every order was read' });
    const languageIndex = (language) => {
        const index = settings.targetLanguages.findIndex((l) => l.toLowerCase() === language.toLowerCase());
        return index === -1 ? settings.targetLanguages.length : index;
    };
    const targets = unfinished
        .map((o) => ({ orderId: o.id, projectId: o.projectId, language: o.targetLanguage, type: o.type, status: o.status }))
        .sort((a, b) => languageIndex(a.language) - languageIndex(b.language));
    return { targets, ...(unread ? { unread } : {}) };
}
/** The handled orders in the order they were found or given (cancels end in any order). */
function inTargetOrder(handled, targets) {
    const position = new Map(targets.map((t, index) => [t.orderId, index]));
    return [...handled].sort((a, b) => (position.get(a.orderId) ?? 0) - (position.get(b.orderId) ?? 0));
}
function describeTarget(target) {
    return target.language ? `${target.orderId} (${target.language})` : target.orderId;
}
/** Logs one cancel, and records it on the followed order it stopped (if it is one). */
function reportCancel(context, result, languageOf = new Map()) {
    const followed = context.followed.find((o) => o.orderId === result.orderId);
    const language = followed?.language || languageOf.get(result.orderId);
    const line = `Order ${language ? `${result.orderId} (${language})` : result.orderId}: ${(0,cancel/* describeCancelResult */.bi)(result)}`;
    if ((0,cancel/* isStopped */.id)(result))
        context.log.info(line);
    else
        context.log.warning(line);
    if (followed) {
        (0,orders_followed/* recordCancel */.Sv)(followed, result);
        context.cancels.push(result);
    }
}
function handledOrder(result, target) {
    const base = {
        orderId: result.orderId,
        ...(target.projectId ? { projectId: target.projectId } : {}),
        language: target.language,
        ...(target.type ? { type: target.type } : {}),
    };
    switch (result.outcome) {
        case 'cancelled':
            return { ...base, status: 'cancelled', outcome: 'cancelled by this run' };
        case 'already-cancelled':
            return { ...base, status: 'cancelled', outcome: 'was already cancelled' };
        case 'already-finished':
            return { ...base, status: result.status ?? 'completed', outcome: 'had already finished: nothing to cancel' };
        case 'human-review-cancelled':
            return {
                ...base,
                status: result.status ?? target.status ?? 'ongoing',
                outcome: 'human review cancelled by this run: the order goes on at Level 0, the review is refunded',
            };
        case 'not-cancellable':
        case 'error':
            // The row says why; the run's failure names every such order.
            return { ...base, status: 'cancel-failed', outcome: (0,cancel/* describeCancelResult */.bi)(result) };
    }
}

;// CONCATENATED MODULE: ./src/wait/poller.ts






const poller_PAGE_SIZE = 50;
/** Below this many unfinished orders, Get Order per order costs no more than a page of List Orders. */
const BATCH_THRESHOLD = 3;
/** Orders' createdAt and our clock may disagree a little. */
const CREATED_AT_SLACK_MS = 60_000;
/** Downloads larger than this run in their own lane (each lane holds downloadConcurrency at a time). */
const LARGE_DOWNLOAD_BYTES = 32 * 1024 * 1024;
/** Get Orders for finished orders' outputs, at once. */
const OUTPUT_CHECKS_AT_ONCE = 8;
/** A status check retries for at least this long (or one poll interval), never past the wait's deadline. */
const MIN_CHECK_RETRY_MS = 5_000;
async function waitForOrders(options) {
    const { clock, log, orders } = options;
    const basePollMs = options.pollIntervalMs;
    const maxIntervalMs = Math.max(basePollMs, options.maxIntervalMs ?? basePollMs * 2);
    const outputsGraceMs = options.outputsGraceMs ?? 120_000;
    const downloads = new DownloadPool(options.downloadConcurrency ?? 4);
    const largeDownloads = new DownloadPool(options.downloadConcurrency ?? 4);
    const startedAt = clock();
    let interval = basePollMs;
    let cycles = 0;
    let timedOut = false;
    try {
        for (;;) {
            options.signal?.throwIfAborted();
            cycles += 1;
            const cycleStartedAt = clock();
            // Orders fetched whole this cycle: a finished one needs no second Get Order for its outputs.
            const fetched = new Map(cycles === 1 ? (options.fresh ?? []) : []);
            const changed = await checkUnfinished(options, fetched);
            await (0,for_each_limited/* forEachLimited */.v)(orders.filter((o) => o.state === 'awaiting-outputs'), OUTPUT_CHECKS_AT_ONCE, async (followed) => {
                const order = fetched.get(followed.orderId) ?? (await getOrderOrNote(options, followed));
                if (!order)
                    return;
                const graceOver = clock() - (followed.completedSeenAt ?? clock()) >= outputsGraceMs;
                if (options.readiness(order) === 'ready' || graceOver) {
                    (0,orders_followed/* startDownload */.Hq)(followed);
                    const pool = (options.downloadBytes?.(order) ?? 0) > LARGE_DOWNLOAD_BYTES ? largeDownloads : downloads;
                    pool.add(async () => {
                        try {
                            await options.download(order, followed);
                        }
                        catch (error) {
                            // `download` records its own problems; one that throws still ends the order, loudly.
                            (0,orders_followed/* failDownload */.dW)(followed, error);
                            log.warning(`Order ${followed.orderId} (${followed.language}): ${followed.problem ?? (0,error_message/* errorMessage */.g)(error)}`, {
                                title: `Download failed: ${followed.language}`,
                            });
                        }
                    });
                }
            });
            const left = orders.filter(orders_followed/* isOpen */.nT);
            if (left.length === 0)
                break;
            const now = clock();
            if (now >= options.deadline) {
                timedOut = true;
                for (const followed of left)
                    (0,orders_followed/* timeOut */.EV)(followed);
                break;
            }
            interval = changed ? basePollMs : Math.min(Math.round(interval * 1.25), maxIntervalMs);
            // Outputs usually follow `completed` within seconds: look again at the base pace.
            const pace = left.some((o) => o.state === 'awaiting-outputs') ? Math.min(interval, basePollMs) : interval;
            // Checks keep their cadence: the time this cycle's requests took counts towards the pause.
            const pause = Math.max(0, Math.min(pace - (now - cycleStartedAt), options.deadline - now));
            log.info(progressLine(orders, pause, options.deadline - now));
            await options.sleep(pause, options.signal);
        }
    }
    finally {
        // Downloads already started run to their end (or to the abort signal) in every case.
        await Promise.all([downloads.drain(), largeDownloads.drain()]);
    }
    return { cycles, timedOut, waitedMs: clock() - startedAt };
}
/** One round of status checks for the unfinished orders. Returns whether any status changed. */
async function checkUnfinished(options, fetched) {
    const waiting = options.orders.filter((o) => o.state === 'waiting');
    if (waiting.length === 0)
        return false;
    const statuses = await fetchStatuses(options, waiting, fetched);
    let changed = false;
    for (const followed of waiting) {
        const status = statuses.get(followed.orderId);
        if (status === undefined)
            continue;
        const outcome = (0,orders_followed/* recordStatus */.Ms)(followed, status, options.clock());
        if (outcome !== 'unchanged')
            changed = true;
        if (outcome === 'finished-well' || outcome === 'finished-badly')
            options.onSettled?.(followed);
        if (outcome === 'finished-badly') {
            options.log.warning(`Order ${followed.orderId} (${followed.language}) ended ${status}.`, {
                title: `Ollang order ${status}: ${followed.language}`,
            });
        }
    }
    return changed;
}
/** Current status of each waiting order, by the cheapest route. Orders we could not check are absent. */
async function fetchStatuses(options, waiting, fetched) {
    const statuses = new Map();
    // Read whole moments ago (the first cycle's fresh orders): no need to ask again.
    for (const followed of waiting) {
        const known = fetched.get(followed.orderId);
        if (known)
            statuses.set(followed.orderId, known.status);
    }
    let unseen = waiting.filter((o) => !statuses.has(o.orderId));
    if ((options.batchStatusChecks ?? true) && unseen.length >= BATCH_THRESHOLD) {
        unseen = await listStatuses(options, unseen, statuses);
    }
    await (0,for_each_limited/* forEachLimited */.v)(unseen, 8, async (followed) => {
        const order = await getOrderOrNote(options, followed);
        if (!order)
            return;
        statuses.set(followed.orderId, order.status);
        fetched.set(followed.orderId, order);
    });
    return statuses;
}
/**
 * Pages through List Orders, oldest first from the oldest waiting order's creation, until every
 * waiting order was seen or the page budget is spent. Returns the orders not seen.
 */
async function listStatuses(options, waiting, statuses) {
    const dated = waiting.filter((o) => o.createdAt && Number.isFinite(Date.parse(o.createdAt)));
    if (dated.length < BATCH_THRESHOLD)
        return waiting;
    const oldest = Math.min(...dated.map((o) => Date.parse(o.createdAt)));
    // The pages show every order created since the oldest waiting one, finished ones included:
    // once fewer orders wait than those pages, asking each of them costs less.
    const inRange = options.orders.filter((o) => o.createdAt && Date.parse(o.createdAt) >= oldest).length;
    const pagesNeeded = Math.ceil(inRange / poller_PAGE_SIZE);
    if (waiting.length <= pagesNeeded)
        return waiting;
    const wanted = new Map(waiting.map((o) => [o.orderId, o]));
    const projects = new Set(waiting.map((o) => o.projectId));
    const types = new Set(waiting.map((o) => o.type));
    const onlyProject = projects.size === 1 ? [...projects][0] : undefined;
    const onlyType = types.size === 1 ? [...types][0] : undefined;
    // A page or two more than our own orders need leaves room for other orders created meanwhile.
    const maxPages = pagesNeeded + 2;
    const query = {
        take: poller_PAGE_SIZE,
        orderBy: 'createdAt',
        orderDirection: 'asc',
        filter: {
            createdAtFrom: new Date(oldest - CREATED_AT_SLACK_MS).toISOString(),
            ...(onlyProject ? { projectId: onlyProject } : {}),
            ...(onlyType ? { type: onlyType } : {}),
        },
    };
    const take = (summaries) => {
        for (const summary of summaries) {
            const followed = wanted.get(summary.id);
            if (!followed)
                continue; // someone else's order: the filters are only hints
            wanted.delete(summary.id);
            statuses.set(summary.id, summary.status);
            (0,orders_followed/* learn */.nB)(followed, summary);
        }
    };
    try {
        // The pages our own orders fill are asked for at once (one round trip, not one per page);
        // later pages, which other orders pushed along, one by one while some are still unseen.
        const first = await Promise.all(Array.from({ length: pagesNeeded }, (_, index) => options.client.listOrders({ ...query, page: index + 1 })));
        for (const page of first)
            take(page.orders);
        let more = first.at(-1)?.meta.hasNextPage ?? false;
        for (let page = pagesNeeded + 1; more && wanted.size > 0 && page <= maxPages; page++) {
            const next = await options.client.listOrders({ ...query, page });
            take(next.orders);
            more = next.meta.hasNextPage && next.orders.length > 0;
        }
    }
    catch (error) {
        if (poller_isFatal(error))
            throw error;
        options.log.warning(`Listing orders failed (${(0,error_message/* errorMessage */.g)(error)}); checking each order instead.`);
    }
    return waiting.filter((o) => wanted.has(o.orderId));
}
/** Get Order for one followed order; a problem with one order never stops the others. */
async function getOrderOrNote(options, followed) {
    // One order's failing checks must not hold up the others' for more than a cycle, nor run past
    // the deadline; with no time left (timeout 0, the last look) they may retry for a few seconds.
    const now = options.clock();
    const deadline = options.deadline > now
        ? Math.min(options.deadline, now + Math.max(options.pollIntervalMs, MIN_CHECK_RETRY_MS))
        : now + MIN_CHECK_RETRY_MS;
    try {
        const order = await options.client.getOrder(followed.orderId, { ...(options.signal ? { signal: options.signal } : {}), deadline });
        (0,orders_followed/* recordSeen */.BP)(followed, order);
        return order;
    }
    catch (error) {
        if (poller_isFatal(error))
            throw error;
        (0,orders_followed/* recordCheckFailed */.dm)(followed, (0,error_message/* errorMessage */.g)(error));
        if (error instanceof errors/* OllangError */.eO && error.status === 404) {
            (0,orders_followed/* recordGone */.l5)(followed, error.message);
            options.onSettled?.(followed);
            return undefined;
        }
        options.log.warning(`Checking order ${followed.orderId} (${followed.language}) failed: ${(0,error_message/* errorMessage */.g)(error)}. Will try again.`);
        return undefined;
    }
}
/** Errors no retry can fix for any order: a bad key, or the run being aborted. */
function poller_isFatal(error) {
    if (!(error instanceof errors/* OllangError */.eO))
        return !(error instanceof Error) || error.name === 'AbortError';
    return error.kind === 'aborted' || error.status === 401;
}
/**
 * "7/12 finished (1 failed), 1 waiting for Ollang to publish its files, 3 ongoing, 2 waitingForApprove (a human-review gate); next check in 45s; 38m left".
 * The count of finished orders never goes down (an order never goes back to waiting), whatever
 * becomes of its download; Ollang's words are explained where they mean a wait (ollang/status.ts).
 * Once the next check is the last one before the deadline, the line says so instead of
 * repeating the same figure twice.
 */
function progressLine(orders, nextCheckMs, leftMs) {
    const finished = orders.filter((o) => o.state !== 'waiting').length;
    const failed = orders.filter((o) => o.state === 'failed').length;
    const counts = new Map();
    for (const o of orders) {
        if (o.state !== 'waiting')
            continue;
        counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
    }
    const parts = [`${finished}/${orders.length} finished${failed > 0 ? ` (${failed} failed)` : ''}`];
    // Finished, but Ollang has not published their files yet (docs/ollang-api.md): what the wait is for now.
    const unpublished = orders.filter((o) => o.state === 'awaiting-outputs').length;
    if (unpublished > 0)
        parts.push(`${unpublished} waiting for Ollang to publish ${unpublished === 1 ? 'its files' : 'their files'}`);
    for (const [status, count] of [...counts].sort((a, b) => b[1] - a[1])) {
        const meaning = (0,ollang_status/* explainStatusBriefly */.Dl)(status);
        parts.push(`${count} ${status}${meaning ? ` (${meaning})` : ''}`);
    }
    const left = Math.max(0, leftMs);
    const when = (ms) => (0,duration/* formatDuration */.a3)((0,duration/* approximately */.YY)(ms, 1_000));
    // Compared as printed: 45.0 s and 45.4 s both read "45s".
    const next = nextCheckMs >= left || when(nextCheckMs) === when(left)
        ? `last check in ${when(left)}`
        : `next check in ${when(nextCheckMs)}; ${when(left)} left`;
    return `${parts.join(', ')}; ${next}`;
}
/** Runs downloads in the background, a bounded number at a time. */
class DownloadPool {
    #limit;
    #queue = [];
    #running = new Set();
    constructor(limit) {
        this.#limit = Math.max(1, limit);
    }
    add(task) {
        this.#queue.push(task);
        this.#pump();
    }
    #pump() {
        while (this.#running.size < this.#limit && this.#queue.length > 0) {
            const task = this.#queue.shift();
            // Tasks end their order whatever happens (see waitForOrders): nothing to catch here.
            const running = task().finally(() => {
                this.#running.delete(running);
                this.#pump();
            });
            this.#running.add(running);
        }
    }
    async drain() {
        while (this.#running.size > 0)
            await Promise.race(this.#running);
    }
}

// EXTERNAL MODULE: ./src/quality/output.ts
var output = __nccwpck_require__(78804);
;// CONCATENATED MODULE: ./src/report/outputs.ts

function writeOutputs(io, report) {
    io.setOutput('order-ids', JSON.stringify(report.orders.map((o) => o.orderId)));
    io.setOutput('orders', JSON.stringify(report.orders.map((o) => ({
        orderId: o.orderId,
        language: o.language,
        type: o.type,
        status: o.status,
        created: o.created,
        files: o.files,
        projectId: o.projectId,
        ...(o.media !== undefined ? { media: o.media } : {}),
    }))));
    // One entry per media file; projectId null when none was found or made (dry run, collect, a failed upload).
    io.setOutput('projects', JSON.stringify(report.projects.map((p) => ({ media: p.media, projectId: p.projectId ?? null, uploaded: p.uploaded }))));
    io.setOutput('files', report.orders.flatMap((o) => o.files).join('\n'));
    io.setOutput('status', report.status);
    io.setOutput('artifact-url', report.artifact?.url ?? '');
    io.setOutput('quality', report.quality ? (0,output/* qualityOutput */.j)(report.quality.files).json : '[]');
    io.setOutput('quality-status', report.quality?.status ?? 'skipped');
}

;// CONCATENATED MODULE: ./src/report/verdict.ts



function startRecord(startedAt) {
    return { startedAt, followed: [], cancelled: [], cancels: [], timedOut: false, waitedMs: 0, downloadedMs: 0, projects: [] };
}
/** Records a failure; the first one recorded is the one reported. */
function recordFailure(record, message) {
    record.failure ??= message;
}
/**
 * Target languages no followed order of the requested type covers, from the orders' final
 * languages (an order read only during the wait counts too; a child order of another type does not).
 */
function languagesWithoutOrder(record, settings) {
    if (settings.orderIds.length > 0 || settings.mode === 'cancel' || !record.ordersChosen)
        return [];
    if (record.projects.length > 0) {
        // With media, a target is a media file and a language: "fr (videos/intro.mp4)".
        const byMedia = new Set(record.followed
            .filter((o) => o.type === settings.orderType)
            .flatMap((o) => (o.media ?? []).map((media) => `${media}\u0000${(0,orders_scope/* languageKey */.Y2)(o.language)}`)));
        return record.projects.flatMap((p) => settings.targetLanguages
            .filter((language) => !byMedia.has(`${p.media}\u0000${(0,orders_scope/* languageKey */.Y2)(language)}`))
            .map((l) => `${l} (${p.media})`));
    }
    const covered = new Set(record.followed.filter((o) => o.type === settings.orderType).map((o) => (0,orders_followed/* keyOf */.TN)({ ...o, projectId: o.projectId || settings.projectId })));
    return settings.targetLanguages.filter((language) => !covered.has((0,orders_followed/* targetKey */.hD)(settings.projectId, language)));
}
/** The run's status. */
function runStatus(record, settings, missing) {
    if (record.ended)
        return record.ended;
    const orders = record.followed;
    if (record.failure && orders.length === 0)
        return 'failed';
    if (record.timedOut || orders.some((o) => o.state === 'timed-out'))
        return 'timed-out';
    if (settings.mode === 'submit')
        return submitStatus(orders, missing);
    if (orders.length === 0)
        return missing.length > 0 ? 'failed' : 'completed';
    const failed = orders.filter((o) => o.state === 'failed').length;
    // `failed` is "nothing delivered": an order that saved some of its files before failing makes it partial.
    if (failed === orders.length && orders.every((o) => o.files.length === 0))
        return 'failed';
    if (failed > 0 || missing.length > 0 || orders.some((o) => o.state !== 'done'))
        return 'partial';
    return 'completed';
}
/** Nothing is downloaded in submit mode: where the orders stand, and whether every language has one. */
function submitStatus(orders, missing) {
    const finishedBadly = orders.filter((o) => (0,ollang_status/* statusMeaning */.uj)(o.status) === 'finished-badly').length;
    if (orders.length === 0 || finishedBadly === orders.length)
        return 'failed';
    if (missing.length > 0)
        return 'partial';
    if (orders.some((o) => (0,ollang_status/* statusMeaning */.uj)(o.status) === 'unfinished'))
        return 'pending';
    return finishedBadly > 0 ? 'partial' : 'completed';
}
/** Why a partial or failed run did not deliver, when nothing else said so first. */
function shortfall(record, missing) {
    const orders = record.followed;
    const troubled = orders.filter((o) => o.problem || o.state === 'failed');
    if (troubled.length > 0) {
        return `${troubled.length} of ${orders.length} order(s) did not deliver: ${troubled.map((o) => `${o.language} ${o.orderId}: ${o.problem ?? o.status}`).join('; ')}`;
    }
    if (missing.length > 0)
        return `No order for ${missing.join(', ')}.`;
    const open = orders.filter((o) => o.state !== 'done');
    return `${open.length} of ${orders.length} order(s) did not deliver: ${open.map((o) => `${o.language} ${o.orderId}: still ${o.state}`).join('; ')}`;
}
/** The verdict and the report every output is written from. */
function finishRun(record, settings, now) {
    const missing = languagesWithoutOrder(record, settings);
    const status = runStatus(record, settings, missing);
    const failure = record.failure ?? (status === 'partial' || status === 'failed' ? shortfall(record, missing) : undefined);
    const orders = [
        ...verdict_inTargetOrder(record.followed, settings).flatMap((o) => orderReports(o, record, settings)),
        ...record.cancelled,
    ];
    const report = {
        status,
        mode: settings.mode,
        projectId: settings.projectId,
        orders,
        languagesWithoutOrder: missing,
        createdCount: record.followed.filter((o) => o.created).length,
        reusedCount: record.followed.filter((o) => !o.created).length,
        outputDir: settings.outputDirRelative,
        timings: { waitedMs: record.waitedMs, downloadedMs: record.downloadedMs, totalMs: now - record.startedAt },
        ...(record.plan ? { plan: planInTargetOrder(record.plan, settings) } : {}),
        projects: record.projects,
        ...(failure ? { failure } : {}),
    };
    return { report, ...(failure ? { failure } : {}) };
}
/**
 * The followed orders in the order of `target-languages` (orders in other languages, such as
 * child orders in the source language, after them), each language's orders in the order followed;
 * given `order-ids` in their own order.
 */
function verdict_inTargetOrder(orders, settings) {
    // Given order IDs are followed, and reported, as given: target-languages is ignored then.
    if (settings.orderIds.length > 0)
        return [...orders];
    const rank = new Map(settings.targetLanguages.map((language, index) => [(0,orders_scope/* languageKey */.Y2)(language), index]));
    const rankOf = (o) => rank.get((0,orders_scope/* languageKey */.Y2)(o.language)) ?? settings.targetLanguages.length;
    return orders
        .map((order, index) => ({ order, index }))
        .sort((a, b) => rankOf(a.order) - rankOf(b.order) || a.index - b.index)
        .map(({ order }) => order);
}
/** A dry run's plan in the order of `target-languages`, like the rows (look-ups answer in their own order). */
function planInTargetOrder(plan, settings) {
    const create = verdict_inTargetOrder(plan.create.map((language) => ({ language })), settings).map((item) => item.language);
    return { create, reuse: verdict_inTargetOrder(plan.reuse, settings) };
}
/**
 * One row per media file and language: an order for one content at two paths is reported under
 * each path, with that path's files (the same order, bought once).
 */
function orderReports(o, record, settings) {
    const report = orderReport(o, record, settings);
    if (o.media === undefined || o.media.length < 2)
        return [report];
    return o.media.map((media) => ({ ...report, media, files: o.filesByMedia?.[media] ?? [] }));
}
function orderReport(o, record, settings) {
    const cancel = record.cancels.findLast((r) => r.orderId === o.orderId);
    const outcome = orderOutcome(o, cancel, record, settings);
    // A timed-out order this run then stopped: the outcome says both, "still ongoing" no longer holds.
    const problem = cancel && o.state === 'timed-out' && stoppedIt(cancel) ? undefined : o.problem;
    return {
        orderId: o.orderId,
        projectId: o.projectId || settings.projectId,
        ...(o.media?.[0] !== undefined ? { media: o.media[0] } : {}),
        language: o.language,
        type: o.type,
        status: (0,orders_followed/* reportedStatus */.mW)(o),
        created: o.created,
        ...(settings.orderIds.length > 0 ? { given: true } : {}),
        files: o.files,
        ...(problem ? { problem } : {}),
        ...(outcome ? { outcome } : {}),
    };
}
function stoppedIt(cancel) {
    return cancel.outcome === 'cancelled' || cancel.outcome === 'already-cancelled' || cancel.outcome === 'human-review-cancelled';
}
/** What became of a followed order in this run, where its status alone does not say. */
function orderOutcome(o, cancel, record, settings) {
    const aborted = record.ended === 'cancelled';
    const timedOut = o.state === 'timed-out';
    // "still ongoing when the wait ended; then cancelled by this run (on-timeout: cancel)"
    const [before, after] = timedOut
        ? [`${o.problem ?? 'timed out'}; then `, ' (on-timeout: cancel)']
        : ['', aborted ? ' when the workflow run was cancelled' : ''];
    if (cancel) {
        switch (cancel.outcome) {
            case 'cancelled':
                return `${before}cancelled by this run${after}`;
            case 'already-cancelled':
                return `${before}found already cancelled${after}`;
            case 'human-review-cancelled':
                return `${before}its human review was cancelled by this run${after}: the order goes on at Level 0, the review is refunded`;
            case 'already-finished':
                return `had finished (${cancel.status ?? 'finished'}) before this run could cancel it`;
            default:
                return 'its cancel failed, so it was left running';
        }
    }
    if (o.state === 'timed-out') {
        if ((0,ollang_status/* statusMeaning */.uj)(o.status) === 'finished-well')
            return 'the wait ended before its files were downloaded';
        const why = !o.created ? 'not created by this run' : `on-timeout: ${settings.onTimeout}`;
        return [(0,ollang_status/* explainStatus */.cq)(o.status), `left running (${why})`].filter(Boolean).join('; ');
    }
    // Only orders of the requested type are downloaded (download/order-outputs.ts), unless given by ID.
    const child = o.type && o.type !== settings.orderType && settings.orderIds.length === 0
        ? `a child order (${o.type}) Ollang added to the ${settings.orderType} order: its files are not downloaded, by design`
        : undefined;
    // Finished, but none of its outputs was what `download` asks for (order-outputs.ts warned).
    if (o.state === 'done' && o.files.length === 0 && o.problem)
        return 'nothing downloaded (see the problems)';
    if ((0,ollang_status/* statusMeaning */.uj)(o.status) !== 'unfinished' || o.state !== 'waiting')
        return child;
    if (aborted) {
        const why = !o.created ? 'not created by this run' : !settings.cancelOnAbort ? 'cancel-on-abort: false' : 'the post step cancels it';
        return `left running (${why})`;
    }
    return [(0,ollang_status/* explainStatus */.cq)(o.status), child].filter(Boolean).join('; ') || undefined;
}

// EXTERNAL MODULE: ./src/annotations.ts
var src_annotations = __nccwpck_require__(30105);
// EXTERNAL MODULE: ./src/quality/verdict.ts
var verdict = __nccwpck_require__(3296);
;// CONCATENATED MODULE: ./src/main.ts
/**
 * The main step: read inputs (the media files among them), find or upload the media's projects,
 * choose (reuse or create) orders, wait for them, download their outputs, report. `run` never
 * throws: every path ends in outputs and, where the run did not succeed, `setFailed` (the shape
 * of actions/typescript-action).
 */
















async function run(given) {
    // GitHub shows 10 annotations of a kind a step: the subtitle check fits its own in what is left.
    const annotations = (0,src_annotations/* countAnnotations */.M)(given.io.log);
    const context = { ...given, io: { ...given.io, log: annotations.log } };
    const { io } = context;
    const startedAt = context.clock();
    const workflow = (0,github_context/* readWorkflowContext */.FB)(context.env, context.cwd);
    const settings = await readInputs(context, workflow);
    if (typeof settings === 'number')
        return { exitCode: settings };
    const media = await readMedia(io, settings);
    if (typeof media === 'number')
        return { exitCode: media };
    const state = new src_state/* StateRecorder */.wp(io);
    const record = startRecord(startedAt);
    const deadline = startedAt + settings.timeoutMs;
    const connection = {
        apiUrl: settings.apiUrl,
        apiKey: settings.apiKey,
        transport: context.transport,
        clock: context.clock,
        sleep: context.sleep,
        ...(context.random ? { random: context.random } : {}),
        log: io.log,
    };
    const client = runClient(connection, { startedAt, deadline, signal: context.abort });
    // The stop handlers see the run's followed orders (the same array the wait loop updates).
    const stop = { connection, settings, state, followed: record.followed, cancels: record.cancels, log: io.log };
    try {
        if (settings.mode === 'cancel')
            await main_cancelMode(context, workflow, stop, client, record, media);
        else
            await localize(context, settings, workflow, client, stop, record, deadline, media);
        // A signal that landed while the last downloads finished still makes this a cancelled run.
        context.abort.throwIfAborted();
    }
    catch (error) {
        if (context.abort.aborted) {
            record.ended = 'cancelled';
            recordFailure(record, await cancelAfterAbort(stop));
        }
        else
            recordFailure(record, describeError(error));
    }
    const quality = await checkSubtitles(context, settings, record);
    const { report, failure } = finishRun(record, settings, context.clock());
    // The verdict is in and no order changes after it: a signal from now on (during the PR
    // comment, say) leaves the post step nothing to do. An aborted run leaves it the rest.
    if (!context.abort.aborted)
        state.recordMainFinished();
    // quality-check fail / strict fail the step; `status` stays about the orders and files.
    const qualityFailed = quality && (0,verdict/* qualityFailure */.Uz)(quality.mode, quality.files);
    if (quality)
        report.quality = quality;
    writeOutputs(io, report);
    if (settings.artifact)
        await shareFiles(context, settings, report, settings.artifact);
    const { resultLine } = await publishReport(context, settings, workflow, report);
    // The findings' annotations in the room the run's own left (the artifact's and the PR comment's
    // warnings included), keeping one error for each failure still to report.
    if (quality) {
        const { annotateQuality } = await Promise.all(/* import() */[__nccwpck_require__.e(192), __nccwpck_require__.e(900)]).then(__nccwpck_require__.bind(__nccwpck_require__, 45900));
        annotateQuality(io.log, report, annotations.written, [failure, qualityFailed].filter(Boolean).length);
    }
    if (failure)
        io.setFailed(failure);
    if (qualityFailed)
        io.setFailed(qualityFailed);
    // Last, outside any group: what a collapsed log still shows.
    io.log.info(resultLine(report));
    return { report, exitCode: failure || qualityFailed ? 1 : 0 };
}
/**
 * After the downloads: every SRT and WebVTT file the run saved, checked (docs/quality.md). Not
 * with `quality-check: off`, in modes that download nothing, or after an abort.
 */
async function checkSubtitles(context, settings, record) {
    if (settings.qualityCheck === 'off' || settings.dryRun || settings.mode === 'submit' || settings.mode === 'cancel')
        return undefined;
    if (context.abort.aborted)
        return undefined;
    // Loaded here: the parser and the rules are not needed before the downloads are in (start-up).
    // The time the check logs counts loading them too.
    const startedAt = context.clock();
    const { checkSavedSubtitles } = await Promise.all(/* import() */[__nccwpck_require__.e(192), __nccwpck_require__.e(900)]).then(__nccwpck_require__.bind(__nccwpck_require__, 45900));
    return checkSavedSubtitles({
        startedAt,
        mode: settings.qualityCheck,
        overrides: settings.qualityRules,
        workspace: settings.workspace,
        saved: record.followed.flatMap((order) => order.files.map((file) => ({ file, language: order.language }))),
        log: context.io.log,
        clock: context.clock,
        signal: context.abort,
    });
}
/**
 * The settings, or the exit code when the inputs stop the run before any request. Every bad
 * input is in the failure and in the job summary, where people look first.
 */
async function readInputs(context, workflow) {
    const { io } = context;
    // Mask the key before anything (validation messages included) could print it.
    const rawKey = io.getInput('api-key').trim();
    if (rawKey)
        io.setSecret(rawKey);
    try {
        return (0,inputs/* readSettings */.sb)((name) => io.getInput(name), {
            workspace: workflow.workspace,
            isForkPullRequest: workflow.pullRequest?.isFork ?? false,
            isDependabot: (0,github_context/* isDependabotRun */.Wi)(workflow),
            warn: (message) => io.log.warning(message, { title: 'Check the inputs' }),
        });
    }
    catch (error) {
        if (error instanceof inputs/* SecretWithheldError */.uo) {
            io.log.notice(error.notice, { title: 'Ollang localization skipped' });
            const { skippedResultLine } = await __nccwpck_require__.e(/* import() */ 192).then(__nccwpck_require__.bind(__nccwpck_require__, 57994));
            io.log.info(skippedResultLine(error.reason));
            return 0;
        }
        const problems = error instanceof inputs/* InputError */.dz ? error.problems : [{ input: 'inputs', message: `Invalid input: ${String(error)}` }];
        io.setFailed(error instanceof inputs/* InputError */.dz ? error.message : `Invalid input: ${String(error)}`);
        const { renderInputProblems, renderInputProblemsComment, inputProblemsResultLine } = await __nccwpck_require__.e(/* import() */ 192).then(__nccwpck_require__.bind(__nccwpck_require__, 57994));
        try {
            await io.appendSummary(renderInputProblems(problems));
        }
        catch (summaryError) {
            io.log.warning(`Could not write the job summary: ${(0,error_message/* errorMessage */.g)(summaryError)}`);
        }
        // The comment of an earlier push would otherwise stand for this commit: it says this run failed, and why.
        // Read from the raw inputs, as far as they say where the comment goes (the settings are not valid).
        const wanted = (0,inputs/* parseBooleanWord */.op)(io.getInput('pr-comment') || 'true') !== false && io.getInput('mode').trim().toLowerCase() !== 'cancel';
        const markerKey = commentMarkerKey(context.env, io.getInput('media').trim(), io.getInput('project-id').trim(), io.getInput('order-type').trim() || 'subtitle', io
            .getInput('target-languages')
            .split(/[\s,]+/)
            .filter((l) => l !== ''));
        await commentOnPullRequest(context, workflow, { token: io.getInput('github-token').trim(), wanted, markerKey }, (comment) => renderInputProblemsComment(problems, comment));
        io.log.info(inputProblemsResultLine(problems.length));
        return 1;
    }
}
/**
 * The media files (media/prepare.ts: found, the action's own outputs left out, every output path
 * checked), or the exit code when they stop the run before any request.
 */
async function readMedia(io, settings) {
    try {
        return await (await __nccwpck_require__.e(/* import() */ 568).then(__nccwpck_require__.bind(__nccwpck_require__, 85568))).prepareMedia(settings, io.log);
    }
    catch (error) {
        io.setFailed(error instanceof inputs/* InputError */.dz ? error.message : `Invalid input: ${(0,error_message/* errorMessage */.g)(error)}`);
        return 1;
    }
}
/** Modes run, submit and collect (and their dry runs). */
async function localize(context, settings, workflow, client, stop, record, deadline, media) {
    const { io, clock } = context;
    const { state } = stop;
    const log = io.log;
    // The orders earlier runs remembered, where the Actions cache is available.
    const memory = settings.reuseOrders && settings.orderIds.length === 0
        ? await openCacheMemory({
            directory: external_node_path_default().join(context.env['RUNNER_TEMP'] || external_node_path_default().join(settings.workspace, '.ollang-tmp'), 'ollang-localize-action'),
            log,
            env: context.env,
            ...(workflow.runId ? { runId: workflow.runId } : {}),
        })
        : undefined;
    const choose = {
        // mode run waits for what it buys: nothing is bought once the deadline has passed (a long upload).
        client: settings.mode === 'run' && settings.timeoutMs > 0 ? noCreateAfter(client, deadline, clock, settings.timeoutMs) : client,
        settings,
        log,
        clock,
        sleep: context.sleep,
        signal: context.abort,
        state,
        ...(memory ? { memory } : {}),
    };
    const wouldUpload = [];
    const chosen = settings.media === ''
        ? await log.group('Choosing orders', () => chooseOrders(choose))
        : await log.group(`Projects and orders for ${media.length} media file(s)`, () => chooseForMedia(context, workflow, choose, media, record, wouldUpload));
    record.followed.push(...chosen.followed);
    record.ordersChosen = true;
    if (chosen.failure)
        recordFailure(record, chosen.failure);
    if (settings.dryRun) {
        record.plan = chosen.plan;
        const uploads = wouldUpload;
        log.info(`Dry run: ${settings.media === '' ? '' : `would upload ${uploads.length ? uploads.join(', ') : 'nothing'}; `}would create ${chosen.plan.create.length ? chosen.plan.create.join(', ') : 'nothing'}; would reuse ${chosen.plan.reuse.map((r) => `${r.language} (${r.orderId})`).join(', ') || 'nothing'}.`);
        record.ended = 'dry-run';
        return;
    }
    if (settings.mode === 'collect' && chosen.languagesWithoutOrder.length > 0) {
        log.warning(`No order exists for ${chosen.languagesWithoutOrder.join(', ')}; collect never creates orders.`, {
            title: 'Languages without an order',
        });
    }
    if (settings.mode === 'submit') {
        log.info(`Submitted: ${record.followed.map((o) => `${o.language} ${o.orderId} (${o.status})`).join(', ')}. Not waiting (mode: submit).`);
        return;
    }
    // Orders confirmed moments ago need no second look in the wait's first cycle (their signed URLs are fresh).
    const freshSince = clock() - FRESH_ORDER_MS;
    const fresh = new Map((chosen.fresh ?? []).filter((f) => f.at >= freshSince).map((f) => [f.order.id, f.order]));
    await waitAndDownload(context, settings, client, stop, record, deadline, media, fresh);
}
/** How old an order read while choosing may be and still stand for the wait's first look. */
const FRESH_ORDER_MS = 2 * 60_000;
/**
 * With media: each file's content key, its project found or uploaded (media/projects.ts), and
 * each project's orders chosen as soon as the project is known, while other files may still be
 * uploading (orders/choose.ts). A file without a project (a failed upload, collect) is named.
 */
async function chooseForMedia(context, workflow, choose, media, record, 
/** Filled for a dry run: each content that would be uploaded, named once. */
wouldUpload) {
    const { settings, client, log } = choose;
    const { contentKeys } = await __nccwpck_require__.e(/* import() */ 527).then(__nccwpck_require__.bind(__nccwpck_require__, 33527));
    const { findOrUploadProjects, searchAllProjects } = await __nccwpck_require__.e(/* import() */ 932).then(__nccwpck_require__.bind(__nccwpck_require__, 52932));
    const keys = await contentKeys(media, { workspace: settings.workspace, signal: context.abort });
    if (keys.gitProblem)
        log.debug(`Content keys: git's index was not used (${keys.gitProblem}); each file was read and hashed.`);
    // A re-run's orders are the newest of their type: one scan across every project, a page per 50
    // orders (and 2 more), stands in for a scan per project where it shows all of a project's
    // languages; only when it reads fewer pages than there are files (a busy account's other orders
    // can fill it, and a scan per project is one page each).
    const { recentOrders } = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 36317));
    const pages = Math.ceil((media.length * settings.targetLanguages.length) / 50) + 2;
    const chooser = chooseForProjects(pages < media.length ? { ...choose, recent: recentOrders(client, settings.orderType, pages) } : choose);
    // Known as they settle: an aborted run still reports the projects it found or made.
    const known = new Map();
    const settled = () => media.flatMap((f) => known.get(f.path) ?? []);
    const projects = await findOrUploadProjects(media.map((f) => ({ media: f.path, absolutePath: f.absolutePath, size: f.size, key: keys.keys.get(f.path).key })), {
        sourceLanguage: settings.sourceLanguage ?? '',
        mode: settings.dryRun ? 'dry-run' : settings.mode === 'collect' ? 'find-only' : 'upload',
        ...(workflow.repository ? { repository: workflow.repository } : {}),
        signal: context.abort,
        onProject: (project, files, contentProjects) => {
            for (const file of files)
                known.set(file, { media: file, ...project });
            record.projects = settled();
            if (project.projectId)
                chooser.add({
                    projectId: project.projectId,
                    otherProjectIds: project.otherProjectIds ?? [],
                    media: files,
                    ...(project.withoutOrders ? { withoutOrders: true } : {}),
                    contentProjects,
                });
        },
    }, {
        search: searchAllProjects(client, { warn: (message) => log.warning(message) }),
        upload: (request) => client.uploadMedia({
            filePath: request.absolutePath,
            name: request.name,
            sourceLanguage: request.sourceLanguage,
            onProgress: request.onProgress,
            ...(request.signal ? { signal: request.signal } : {}),
        }),
        clock: context.clock,
        sleep: context.sleep,
        log,
    });
    record.projects = projects;
    const chosen = await chooser.done();
    // One content at two paths is one upload and one order per language: the plan and the counts go by content.
    const keyOf = (media) => keys.keys.get(media).key;
    const pathsOf = (media) => projects.filter((p) => keyOf(p.media) === keyOf(media)).map((p) => p.media);
    const firstOfContent = (media) => pathsOf(media)[0] === media;
    for (const project of projects) {
        if (project.outcome === 'would-upload' && firstOfContent(project.media)) {
            chosen.plan.create.push(...settings.targetLanguages.map((l) => `${l} (${project.media})`));
            const also = pathsOf(project.media).slice(1);
            wouldUpload.push(also.length > 0 ? `${project.media} (the content of ${also.join(', ')} too)` : project.media);
        }
        if (project.outcome === 'failed' && project.error) {
            log.warning(project.error, { title: 'Media file not localized' });
            recordFailure(record, project.error);
        }
        if (project.outcome === 'missing' && project.error)
            log.warning(project.error, { title: 'Media file without a project' });
    }
    const uploaded = projects.filter((p) => p.uploaded && firstOfContent(p.media)).length;
    const contents = new Set(projects.map((p) => keyOf(p.media))).size;
    log.info(`Media: ${projects.length} file(s)${contents < projects.length ? ` (${contents} contents)` : ''}, ${uploaded} uploaded by this run, ${projects.filter((p) => p.outcome === 'found' && firstOfContent(p.media)).length} found.`);
    return chosen;
}
/** Waits for the followed orders, downloading each one's outputs as soon as they are published. */
async function waitAndDownload(context, settings, client, stop, record, deadline, media, fresh) {
    const { clock } = context;
    const log = context.io.log;
    // Nothing to wait for (a create that failed): no empty "Waiting for 0 order(s)" group.
    if (record.followed.length === 0)
        return;
    // Loaded once orders are chosen: nothing here is needed before the first request (start-up).
    const { createOrderDownloader, outputsReadiness, plannedBytes } = await __nccwpck_require__.e(/* import() */ 582).then(__nccwpck_require__.bind(__nccwpck_require__, 21582));
    const download = createOrderDownloader({
        settings,
        client,
        transport: context.transport,
        // Downloads end at the deadline too; with timeout 0 (check once, do not wait) they get the reads' minimum window.
        deadline: settings.timeoutMs > 0 ? deadline : deadline + MIN_RETRY_WINDOW_MS,
        recordTempFolders: (value) => stop.state.recordDownloadTemp(value),
        sleep: context.sleep,
        log,
        signal: context.abort,
        clock,
        onDownloaded: (_bytes, ms) => {
            record.downloadedMs += ms;
        },
        ...(settings.media !== ''
            ? {
                mediaFiles: media.map((f) => f.path),
                outputSuffixes: new Map(media.flatMap((f) => (f.outputSuffix ? [[f.path, f.outputSuffix]] : []))),
            }
            : {}),
    });
    const waited = await log.group(`Waiting for ${record.followed.length} order(s) (up to ${(0,duration/* formatDuration */.a3)(settings.timeoutMs)})`, () => waitForOrders({
        client,
        orders: record.followed,
        deadline,
        pollIntervalMs: settings.pollIntervalMs,
        // Undocumented: the benchmark's per-order baseline (one Get Order per order per cycle).
        batchStatusChecks: context.env['OLLANG_STATUS_CHECKS'] !== 'per-order',
        downloadBytes: (order) => plannedBytes(order, settings.download),
        readiness: (order) => outputsReadiness(order, settings.download),
        download,
        onSettled: (order) => stop.state.recordSettled([order.orderId]),
        fresh,
        clock,
        sleep: context.sleep,
        signal: context.abort,
        log,
    }));
    record.waitedMs = waited.waitedMs;
    // A download the deadline cut off makes the run timed out too, even when every order had finished.
    if (waited.timedOut || record.followed.some((o) => o.state === 'timed-out')) {
        record.timedOut = true;
        const failure = await settleTimeout(stop);
        if (failure)
            recordFailure(record, failure);
    }
}
/** `mode: cancel`: the orders it handled are reported as they ended. With media: the orders of the files' projects. */
async function main_cancelMode(context, workflow, stop, client, record, media) {
    let projectIds;
    if (stop.settings.media !== '') {
        const { contentKeys } = await __nccwpck_require__.e(/* import() */ 527).then(__nccwpck_require__.bind(__nccwpck_require__, 33527));
        const { findOrUploadProjects, searchAllProjects } = await __nccwpck_require__.e(/* import() */ 932).then(__nccwpck_require__.bind(__nccwpck_require__, 52932));
        const keys = await contentKeys(media, { workspace: stop.settings.workspace, signal: context.abort });
        record.projects = await findOrUploadProjects(media.map((f) => ({ media: f.path, absolutePath: f.absolutePath, size: f.size, key: keys.keys.get(f.path).key })), {
            sourceLanguage: stop.settings.sourceLanguage ?? '',
            mode: 'find-only',
            ...(workflow.repository ? { repository: workflow.repository } : {}),
            signal: context.abort,
        }, {
            search: searchAllProjects(client, { warn: (message) => stop.log.warning(message) }),
            upload: () => Promise.reject(new Error('mode: cancel never uploads')),
            clock: context.clock,
            sleep: context.sleep,
            log: stop.log,
        });
        for (const p of record.projects)
            if (p.error)
                stop.log.info(`${p.error}: nothing to cancel for it.`);
        projectIds = record.projects.flatMap((p) => (p.projectId ? [p.projectId, ...(p.otherProjectIds ?? [])] : []));
    }
    const outcome = await cancelMode(stop, client, projectIds);
    record.ended = outcome.ended;
    if (outcome.failure)
        recordFailure(record, outcome.failure);
    const { projectId, orderType } = stop.settings;
    // With media: a row per media file of the order's project (one content at two paths: two rows).
    const mediaOf = (id) => record.projects.filter((p) => p.projectId === id || (p.otherProjectIds ?? []).includes(id)).map((p) => p.media);
    for (const { type, ...o } of outcome.handled) {
        const row = { ...o, projectId: o.projectId ?? projectId, type: type ?? orderType, created: false, files: [] };
        const files = mediaOf(row.projectId);
        record.cancelled.push(...(files.length > 0 ? files.map((media) => ({ ...row, media })) : [row]));
    }
}
/**
 * The `artifact` input: uploads the downloaded files and sets `artifact-url`. Not after a
 * cancellation: the runner's kill is seconds away, and the files are what a re-run reuses.
 */
async function shareFiles(context, settings, report, name) {
    if (settings.dryRun || settings.mode === 'cancel')
        return;
    if (context.abort.aborted) {
        context.io.log.info(`The run was cancelled: artifact ${name} not uploaded.`);
        report.artifact = { name, problem: 'the run was cancelled' };
        return;
    }
    const { uploadRunArtifact } = await __nccwpck_require__.e(/* import() */ 954).then(__nccwpck_require__.bind(__nccwpck_require__, 80954));
    report.artifact = await uploadRunArtifact({
        name,
        files: report.orders.flatMap((o) => o.files),
        workspace: settings.workspace,
        env: context.env,
        log: context.io.log,
    });
    if (report.artifact.url)
        context.io.setOutput('artifact-url', report.artifact.url);
}
/** The job summary and (on pull requests, where allowed) the PR comment; returns the result line's renderer. */
async function publishReport(context, settings, workflow, report) {
    const { io } = context;
    const { renderComment, renderSummary, resultLine } = await __nccwpck_require__.e(/* import() */ 192).then(__nccwpck_require__.bind(__nccwpck_require__, 57994));
    try {
        await io.appendSummary(renderSummary(report));
    }
    catch (error) {
        io.log.warning(`Could not write the job summary: ${describeError(error)}`);
    }
    // After a cancellation every second counts towards the runner's kill: no comment then. The
    // comment an earlier run left names its commit and run, so nobody takes it for this one's.
    if (context.abort.aborted)
        return { resultLine };
    const comment = {
        token: settings.githubToken,
        wanted: settings.prComment && settings.mode !== 'cancel',
        markerKey: commentMarkerKey(context.env, settings.media, settings.projectId, settings.orderType, settings.targetLanguages),
    };
    await commentOnPullRequest(context, workflow, comment, (commentContext) => renderComment(report, commentContext));
    return { resultLine };
}
/**
 * The PR comment's key: the project and order type. With media, the text of `media` changes with
 * each push's changed files: the step itself (workflow, job, step) is the stable key, with the
 * target languages, which set a matrix's legs apart (they share the job and step).
 */
function commentMarkerKey(env, media, projectId, orderType, targetLanguages) {
    const { GITHUB_WORKFLOW: workflowName = '', GITHUB_JOB: job = '', GITHUB_ACTION: step = '' } = env;
    const languages = [...new Set(targetLanguages.map((l) => l.toLowerCase()))].sort().join(',');
    return `${media ? `media@${workflowName}/${job}/${step}/${languages}` : projectId}:${orderType}`;
}
/**
 * Creates or updates the PR comment: on pull requests, with a token, where wanted (`pr-comment`,
 * not `mode: cancel`). `render` gets the comment's context: its marker key, the pull request's
 * head commit and the run's page, so that the comment says which push and run it describes.
 */
async function commentOnPullRequest(context, workflow, comment, render) {
    const pr = workflow.pullRequest;
    if (!comment.wanted || !pr || !comment.token)
        return;
    const runUrl = (0,github_context/* workflowRunUrl */.CX)(context.env);
    const body = render({ markerKey: comment.markerKey, ...(pr.headSha ? { headSha: pr.headSha } : {}), ...(runUrl ? { runUrl } : {}) });
    const [{ upsertPrComment }, { commentMarker }] = await Promise.all([__nccwpck_require__.e(/* import() */ 914).then(__nccwpck_require__.bind(__nccwpck_require__, 71914)), __nccwpck_require__.e(/* import() */ 192).then(__nccwpck_require__.bind(__nccwpck_require__, 57994))]);
    await upsertPrComment({ token: comment.token, apiUrl: workflow.apiUrl, owner: pr.owner, repo: pr.repo, issueNumber: pr.number }, body, commentMarker(comment.markerKey), context.io.log, 
    // A signal stops the comment (a courtesy) at once: the runner's kill is not far behind.
    context.abort);
}
/**
 * The client, with Create Order refused once `deadline` has passed: the order would be bought
 * only to time out at once (left running, or cancelled straight away with on-timeout: cancel).
 * The refusal is an ordinary create failure (orders/create.ts): nothing sent, nothing bought.
 */
function noCreateAfter(client, deadline, clock, timeoutMs) {
    const createOrder = (request) => {
        if (clock() < deadline)
            return client.createOrder(request);
        return Promise.reject(new Error(`the timeout (${(0,duration/* formatDuration */.a3)(timeoutMs)}) had passed before ordering, so nothing was bought. timeout counts uploads too: set a longer one, or use mode: submit to order without waiting`));
    };
    return new Proxy(client, {
        get(target, property) {
            if (property === 'createOrder')
                return createOrder;
            const value = Reflect.get(target, property, target);
            return typeof value === 'function' ? value.bind(target) : value;
        },
    });
}
/** The failure's message, with what to check where the cause is most likely an input (ollang/errors.ts). */
function describeError(error) {
    return (0,errors/* explainError */.UW)(error, (0,error_message/* errorMessage */.g)(error));
}

;// CONCATENATED MODULE: ./src/post.ts







/**
 * Look-ups for a lost create's orders, this long apart: Ollang may save a call seconds late.
 * About 10 s in all, inside what the runner gives a post step after a cancellation.
 */
const POST_LOST_CREATE_LOOKUPS_MS = [0, 2_000, 3_000, 4_000];
async function post(context) {
    const { io } = context;
    const log = io.log;
    try {
        const saved = (0,src_state/* readSavedState */.rh)(io);
        // A main killed mid-download left its temporary files in the workspace.
        if (saved.downloadTemp)
            await (await __nccwpck_require__.e(/* import() */ 626).then(__nccwpck_require__.bind(__nccwpck_require__, 45626))).removeLeftoverTempFiles(saved.downloadTemp, log);
        const lost = saved.createsInFlight;
        if (saved.mainFinished && lost.length === 0) {
            log.debug('Main finished on its own: nothing to clean up.');
            return;
        }
        // A main that finished left its own orders as it meant to (on-timeout: fail leaves them
        // running); only a Create Order it could not account for is still the post step's business.
        const settled = new Set(saved.settled);
        const left = saved.mainFinished ? [] : saved.created.filter((id) => !settled.has(id));
        const lostText = lost.map((call) => `orders a Create Order call for ${call.languages.join(', ')} may have made`);
        if (left.length === 0 && lost.length === 0) {
            log.info('Nothing to clean up: every order this run created has finished or was cancelled.');
            return;
        }
        const pending = [...left, ...lostText].join(', ');
        // Why there is anything to cancel: main finished on its own only when a create was left unaccounted for.
        const why = saved.mainFinished ? 'Create Order was never accounted for' : 'The run was aborted';
        if (!((0,inputs/* parseBooleanWord */.op)(io.getInput('cancel-on-abort')) ?? true)) {
            log.warning(`${why} and cancel-on-abort is false: order(s) it created may still be running: ${pending}.`);
            return;
        }
        const apiKey = io.getInput('api-key').trim();
        if (apiKey)
            io.setSecret(apiKey);
        const apiUrl = (io.getInput('api-url').trim() || inputs/* DEFAULT_API_URL */.rK).replace(/\/+$/, '');
        if (!apiKey || !/^https?:\/\//i.test(apiUrl)) {
            log.warning(`${why}, and the post step cannot reach Ollang to cancel ${pending} (no usable api-key or api-url).`);
            return;
        }
        const client = postClient({ apiUrl, apiKey, transport: context.transport, clock: context.clock, sleep: context.sleep, log });
        const known = new Set(saved.created);
        for (const call of lost)
            left.push(...(await findLostOrders(context, client, call, known)));
        if (left.length === 0) {
            log.info('Nothing to clean up: the run created no order that is still unfinished.');
            return;
        }
        log.info(`${saved.mainFinished ? why : `${why} before it finished`}: cancelling ${left.length} order(s) it created.`);
        const results = await (0,cancel/* cancelOrders */._x)(client, left, {
            concurrency: 16,
            onResult: (result) => {
                const line = `Order ${result.orderId}: ${(0,cancel/* describeCancelResult */.bi)(result)}`;
                if ((0,cancel/* isStopped */.id)(result))
                    log.info(line);
                else
                    log.warning(line);
            },
        });
        const failed = results.filter((r) => !(0,cancel/* isStopped */.id)(r));
        if (failed.length > 0) {
            log.warning(`Could not cancel ${failed.length} order(s): ${failed.map((r) => r.orderId).join(', ')}. Cancel them in the Ollang dashboard, or with mode: cancel.`);
        }
    }
    catch (error) {
        log.warning(`Post step: ${(0,error_message/* errorMessage */.g)(error)}`);
    }
}
/** The unfinished orders a lost call made (child orders included), found the way main looks for them. */
async function findLostOrders(context, client, call, known) {
    const log = context.io.log;
    try {
        const found = await findOrdersOfLostCreate(client, call, {
            exclude: known,
            lookupsMs: POST_LOST_CREATE_LOOKUPS_MS,
            sleep: context.sleep,
        });
        const ids = found.filter((o) => !(0,ollang_status/* isFinished */.$g)(o.status)).map((o) => o.id);
        log.info(`Create Order (${call.languages.join(', ')}) was never accounted for; ` +
            (ids.length > 0
                ? `found ${ids.length} unfinished order(s) it made: ${ids.join(', ')}.`
                : 'it made no order that is still unfinished.'));
        return ids;
    }
    catch (error) {
        log.warning(`Create Order (${call.languages.join(', ')}) was never accounted for, and looking for the orders it may have made failed: ` +
            `${(0,error_message/* errorMessage */.g)(error)}. Check project ${call.projectId} in the Ollang dashboard.`);
        return [];
    }
}

;// CONCATENATED MODULE: ./src/steps.ts






/** The main step. SIGINT / SIGTERM start an orderly stop: cancel this run's orders, write outputs. */
async function runMainStep(io = runnerIO) {
    const abort = new AbortController();
    let signals = 0;
    const onSignal = (signal) => {
        signals += 1;
        // The runner follows SIGINT with SIGTERM 7.5 s later: that must not cut the first stop short.
        if (signals === 1) {
            // Whether there is anything to cancel, run() knows (a run past its verdict has nothing).
            io.log.info(`Received ${signal}: stopping.`);
            abort.abort(new Error(`received ${signal}`));
        }
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const outcome = await run({
        io,
        env: process.env,
        cwd: process.cwd(),
        transport: transport/* nodeTransport */._3,
        clock: runtime/* realClock */.dQ,
        sleep: runtime/* realSleep */.uk,
        abort: abort.signal,
    });
    process.exitCode = outcome.exitCode;
    // Open keep-alive sockets must not hold the process once a cancelled run has its verdict.
    if (abort.signal.aborted)
        process.exit(outcome.exitCode);
    return outcome.exitCode;
}
async function runPostStep(io = runnerIO) {
    await post({ io, transport: transport/* nodeTransport */._3, clock: runtime/* realClock */.dQ, sleep: runtime/* realSleep */.uk });
}


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(79407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
