export const id = 626;
export const ids = [626];
export const modules = {

/***/ 40957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
    constructor(message, reason, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'DownloadError';
        this.reason = reason;
        this.retry = options.retry ?? 'no';
        if (options.status !== undefined)
            this.status = options.status;
        if (options.retryAfterMs !== undefined)
            this.retryAfterMs = options.retryAfterMs;
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   In: () => (/* binding */ SUBTITLE_EXTENSIONS),
/* harmony export */   Nd: () => (/* binding */ uniqueFileName),
/* harmony export */   Tx: () => (/* binding */ safeFileName),
/* harmony export */   Uw: () => (/* binding */ cutBytes),
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

/***/ 83587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ targetPath),
/* harmony export */   G8: () => (/* binding */ prepareFolder),
/* harmony export */   hU: () => (/* binding */ moveIntoPlace),
/* harmony export */   nx: () => (/* binding */ inside),
/* harmony export */   zS: () => (/* binding */ fileError)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86587);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40957);
/**
 * Where a downloaded file goes, and getting it there without writing anywhere else:
 * - its name is a plain file name inside its folder;
 * - every folder on the way from the workspace that already exists is checked, symlinks resolved:
 *   a folder (or a link to one) that leads outside the workspace is refused before anything is
 *   written; the folders still missing are then created, and the result checked again;
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
/** "EACCES (open)": a file-system error's code and call, or its message. */
function describeFsError(error) {
    const errno = error;
    if (errno?.code)
        return `${errno.code}${errno.syscall ? ` (${errno.syscall})` : ''}`;
    return (0,_error_message_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .g)(error);
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
