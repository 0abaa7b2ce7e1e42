export const id = 527;
export const ids = [527];
export const modules = {

/***/ 33527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   contentKeys: () => (/* binding */ contentKeys)
/* harmony export */ });
/* unused harmony exports repositoryRoot, gitEnvironment, gitRunner, gitBlobIdOfFile */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86587);
/**
 * The content key of each media file: a text that changes exactly when the file's bytes change,
 * not when the file moves. It goes into the Ollang project's name (project-name.ts), so that any
 * later run, on any branch, finds the project made from the same bytes.
 *
 * The key is always the git blob ID of the file's bytes as they are on disk, in git's SHA-1
 * form: `git-<40 hex>`, the SHA-1 of `blob <size>\0` followed by the bytes. Identity is the
 * content: a tracked file, an untracked copy of it, the same bytes in a workspace without git,
 * an LFS file checked out with `lfs: true`: one content, one key (docs/ollang-uploads.md).
 *
 * Git only saves the read. Where git vouches that the file on disk is exactly the blob in its
 * index, the blob ID is taken from there (50 ms for any size, against about 2 s per GiB to read
 * and hash); everything else is read once and hashed here. Git vouches for a file when
 * - the repository stores SHA-1 objects (a SHA-256 repository's IDs are another key);
 * - `git ls-files -s -v` lists it at stage 0 (no conflict), as a regular file, with tag `H`:
 *   an entry marked assume-unchanged (`h`) or skip-worktree (`S`, what sparse checkout sets)
 *   is one git no longer compares with the disk;
 * - no `filter`, `ident` or `working-tree-encoding` attribute applies (those change the bytes
 *   between the index and the disk: Git LFS is such a filter);
 * - the blob's size is the file's size (an end-of-line conversion that changed anything
 *   changed the size);
 * - `git diff-files` finds its stat data unchanged (it reads no content). A file touched or
 *   restored from a cache is simply hashed.
 *
 * Git runs with `safe.directory` naming the repository's top level (in a container job the
 * checkout belongs to another user and git would refuse to read it), without the action's
 * inputs in its environment (the API key and the GitHub token are INPUT_* variables), with
 * fsmonitor off and no optional locks: these commands only read, and nothing configured runs.
 * Git runs through an injected GitRunner, so tests need no module mocks.
 */






/** Paths per git command line (well under every platform's argument limit). */
const BATCH = 200;
/** Attributes that make the bytes on disk differ from the blob in the index. */
const CHANGING_ATTRIBUTES = ['filter', 'ident', 'working-tree-encoding'];
/** Keys for `files` (workspace-relative, `/`-separated paths with their absolute paths). */
async function contentKeys(files, options) {
    const hashFile = options.hashFile ?? gitBlobIdOfFile;
    const keys = new Map();
    let gitProblem;
    let fromGit = new Map();
    try {
        const git = options.git ?? (await defaultGit(options.workspace));
        fromGit = await blobsGitVouchesFor(files, git);
    }
    catch (error) {
        gitProblem = (0,_error_message_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .g)(error);
    }
    for (const file of files) {
        options.signal?.throwIfAborted();
        const blob = fromGit.get(file.path);
        if (blob !== undefined)
            keys.set(file.path, { key: `git-${blob}`, source: 'git-index' });
        else
            keys.set(file.path, { key: `git-${await hashFile(file.absolutePath, options.signal)}`, source: 'hashed' });
    }
    return gitProblem === undefined ? { keys } : { keys, gitProblem };
}
/** The git runner for `workspace`, with its repository's top level as safe.directory. */
async function defaultGit(workspace) {
    const top = await repositoryRoot(workspace);
    if (top === undefined)
        throw new Error(`${workspace} is not inside a git repository`);
    return gitRunner(workspace, { safeDirectory: top });
}
/**
 * The nearest folder at or above `folder` holding a `.git` entry (a folder, or a file in a
 * worktree or submodule). Found by hand: git itself refuses to say in a checkout that belongs to
 * another user, and safe.directory must name this folder.
 */
async function repositoryRoot(folder) {
    for (let current = node_path__WEBPACK_IMPORTED_MODULE_4___default().resolve(folder);; current = node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(current)) {
        if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.lstat)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(current, '.git')).catch(() => undefined)) !== undefined)
            return current;
        if (node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(current) === current)
            return undefined;
    }
}
/** Path -> blob ID (hex) for the files git vouches for (see the module comment). Throws when git cannot answer. */
async function blobsGitVouchesFor(files, git) {
    const format = (await run(git, ['rev-parse', '--show-object-format'])).toString('utf8').trim();
    if (format !== 'sha1')
        throw new Error(`the repository stores ${format} objects: every file is hashed`);
    const paths = files.map((f) => f.path);
    const indexed = new Map(); // path -> blob ID
    for (let i = 0; i < paths.length; i += BATCH) {
        const listed = await run(git, ['ls-files', '--stage', '-v', '-z', '--', ...paths.slice(i, i + BATCH)]);
        const refused = new Set();
        for (const entry of splitNul(listed)) {
            // "<tag> <mode> <object> <stage>\t<path>"
            const match = /^(\S) (\d{6}) ([0-9a-f]{40}) (\d)\t(.*)$/s.exec(entry);
            if (match === null)
                continue;
            const [, tag, mode, object, stage, file] = match;
            if (tag !== 'H' || stage !== '0' || (mode !== '100644' && mode !== '100755'))
                refused.add(file);
            else
                indexed.set(file, object);
        }
        for (const file of refused)
            indexed.delete(file);
    }
    if (indexed.size === 0)
        return indexed;
    // Attributes that change the bytes between the index and the disk (Git LFS is a filter).
    const candidates = [...indexed.keys()];
    for (let i = 0; i < candidates.length; i += BATCH) {
        const attributes = splitNul(await run(git, ['check-attr', '-z', ...CHANGING_ATTRIBUTES, '--', ...candidates.slice(i, i + BATCH)]), {
            keepEmpty: true,
        });
        for (let a = 0; a + 2 < attributes.length; a += 3) {
            const [file, , value] = [attributes[a], attributes[a + 1], attributes[a + 2]];
            if (value !== 'unspecified' && value !== 'unset')
                indexed.delete(file);
        }
    }
    // Sizes: the blob's must be the file's.
    const sizes = new Map();
    const blobs = [...new Set(indexed.values())];
    const checked = await run(git, ['cat-file', '--batch-check=%(objectname) %(objectsize)'], blobs.map((blob) => `${blob}\n`).join(''));
    for (const line of checked.toString('utf8').split('\n')) {
        const [blob, size] = line.split(' ');
        if (blob !== undefined && size !== undefined && /^\d+$/.test(size))
            sizes.set(blob, Number(size));
    }
    const onDisk = new Map(files.map((f) => [f.path, f.absolutePath]));
    for (const [file, blob] of [...indexed]) {
        const size = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.stat)(onDisk.get(file)).then((info) => info.size, () => -1);
        if (sizes.get(blob) !== size)
            indexed.delete(file);
    }
    // Stat data (diff-files reads no content): a fresh checkout is settled here, for free.
    const remaining = [...indexed.keys()];
    for (let i = 0; i < remaining.length; i += BATCH) {
        const changed = await run(git, ['diff-files', '--relative', '--name-only', '-z', '--', ...remaining.slice(i, i + BATCH)]);
        for (const file of splitNul(changed))
            indexed.delete(file);
    }
    return indexed;
}
async function run(git, args, input) {
    const result = await git(args, input);
    if (result.code !== 0) {
        const reason = result.stderr.trim().split('\n')[0] ?? '';
        throw new Error(`git ${args[0]} failed (exit ${result.code})${reason === '' ? '' : `: ${reason}`}`);
    }
    return result.stdout;
}
function splitNul(output, options = {}) {
    const text = output.toString('utf8');
    if (text === '')
        return [];
    const fields = text.split('\0');
    if (fields.at(-1) === '')
        fields.pop();
    return options.keepEmpty ? fields : fields.filter((field) => field !== '');
}
/** The environment git gets: the action's inputs (INPUT_*: the API key, the GitHub token) left out. */
function gitEnvironment(env = process.env) {
    const out = {};
    for (const [name, value] of Object.entries(env))
        if (!/^INPUT_/i.test(name))
            out[name] = value;
    return { ...out, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' };
}
/**
 * Runs the `git` on PATH in `workspace`: pathspecs taken literally (file names with `[` or `*`),
 * no optional locks (nothing written to .git), no pager or prompt, fsmonitor off (it could run a
 * configured program). `safeDirectory`: the repository's top level, trusted for these reads.
 */
function gitRunner(workspace, options = {}) {
    const safe = [...new Set([options.safeDirectory, workspace].filter((s) => s !== undefined))];
    return (args, input) => new Promise((resolve) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', [
            '--literal-pathspecs',
            '--no-optional-locks',
            ...safe.flatMap((folder) => ['-c', `safe.directory=${folder}`]),
            '-c',
            'core.fsmonitor=false',
            '-c',
            'core.quotePath=false',
            ...args,
        ], { cwd: workspace, env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe'] });
        const stdout = [];
        let stderr = '';
        child.stdout.on('data', (chunk) => stdout.push(chunk));
        child.stderr.on('data', (chunk) => {
            if (stderr.length < 4096)
                stderr += chunk.toString('utf8');
        });
        child.stdin.on('error', () => undefined);
        child.on('error', (error) => resolve({ code: -1, stdout: Buffer.alloc(0), stderr: error.message }));
        child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(stdout), stderr }));
        child.stdin.end(input ?? '');
    });
}
/**
 * The git blob ID (SHA-1 form) of the file's bytes, read as a stream (1 MiB at a time: memory
 * does not grow with the file). Throws when the file's size changes while it is read.
 */
async function gitBlobIdOfFile(absolutePath, signal) {
    const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.stat)(absolutePath);
    return new Promise((resolve, reject) => {
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha1').update(`blob ${size}\0`);
        let read = 0;
        const stream = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.createReadStream)(absolutePath, { highWaterMark: 1024 * 1024, ...(signal ? { signal } : {}) });
        stream.on('data', (chunk) => {
            read += chunk.length;
            hash.update(chunk);
        });
        stream.on('error', reject);
        stream.on('end', () => read === size
            ? resolve(hash.digest('hex'))
            : reject(new Error(`${absolutePath} changed while it was being read (${read} of ${size} bytes)`)));
    });
}


/***/ })

};
