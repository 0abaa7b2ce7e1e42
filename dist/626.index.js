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
