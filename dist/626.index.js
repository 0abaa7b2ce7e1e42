export const id = 626;
export const ids = [626];
export const modules = {

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
