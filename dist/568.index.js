export const id = 568;
export const ids = [568];
export const modules = {

/***/ 85568:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareMedia: () => (/* binding */ prepareMedia)
});

// EXTERNAL MODULE: ./src/download/output-path.ts
var output_path = __webpack_require__(91087);
// EXTERNAL MODULE: ./src/inputs.ts + 1 modules
var inputs = __webpack_require__(64149);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/media/formats.ts
var formats = __webpack_require__(25728);
;// CONCATENATED MODULE: ./src/media/find.ts
/**
 * Resolves the `media` input into the media files to localize: paths and glob patterns relative
 * to the workspace, separated by newlines or commas; `!pattern` excludes; `"…"` is one literal
 * path (a changed-files filter's csv list quotes names with spaces). An entry that names an
 * existing file as written is that file before it is read as a glob. Every check is made and
 * every problem reported at once, naming the pattern or the file, before any request.
 *
 * Globs are Node's own `fs.glob` / `path.matchesGlob` (Node 24: minimatch inside Node): `*`,
 * `**`, `?`, `[...]`, `{a,b}`, and dot files only when named (`*` and `**` skip names that start
 * with a dot, so `.git/` is never walked). `**` does not descend into symlinked folders. Node
 * does not honour backslash escapes on Linux, so `\[` is rewritten as the class `[[]` first.
 *
 * A file is refused when it is outside the workspace (an absolute path elsewhere, `..`, or a
 * symbolic link: the file itself or any folder on the way), inside `.git`, named with control,
 * bidi or zero-width characters (they would reach log lines and project names: a newline there
 * could start a workflow command) or a backslash (no output path can be made beside it), a Git
 * LFS pointer (the checkout did not fetch LFS files), empty, over Ollang's size limit for its
 * kind, or of a format Ollang does not take (formats.ts).
 *
 * A `!` exclude matches dot files and dot folders too: an include may have named them, and an
 * exclude that silently let them through would upload what the user meant to leave out.
 */




/** Git LFS pointer files are under 1024 bytes and start with this line (git-lfs spec v1). */
const LFS_POINTER_START = 'version https://git-lfs.github.com/spec/';
const LFS_POINTER_MAX_BYTES = 1024;
const GLOB_MAGIC = /[*?[\]{}]/;
/** Characters that hide, reorder or break what a person (or the runner) reads. */
const INVISIBLE = /[\p{Cc}\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/u;
/**
 * Splits the `media` input: one entry per line, or per comma outside `{a,b}` braces (and not
 * escaped as `\,`); entries trimmed, empty ones dropped. An entry in double quotes is one
 * literal path, commas included, `""` standing for a quote (RFC 4180, as dorny/paths-filter's
 * `csv` list writes any name with a space or an accent).
 */
function splitMediaInput(text) {
    const entries = [];
    let current = '';
    let quoted;
    let depth = 0;
    const end = () => {
        if (quoted !== undefined)
            entries.push({ text: quoted, quoted: true });
        else if (current.trim() !== '')
            entries.push({ text: current.trim(), quoted: false });
        current = '';
        quoted = undefined;
        depth = 0;
    };
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (char === '"' && quoted === undefined && current.trim() === '') {
            // A quoted entry: up to the closing quote; what follows it up to the separator is ignored.
            let value = '';
            let j = i + 1;
            for (; j < text.length; j++) {
                if (text[j] !== '"')
                    value += text[j];
                else if (text[j + 1] === '"') {
                    value += '"';
                    j += 1;
                }
                else
                    break;
            }
            quoted = value;
            i = j;
        }
        else if (char === '\\' && i + 1 < text.length && quoted === undefined) {
            current += char + text[i + 1];
            i += 1;
        }
        else if (char === '\n' || (char === ',' && depth === 0)) {
            end();
        }
        else if (quoted === undefined) {
            if (char === '{')
                depth += 1;
            else if (char === '}' && depth > 0)
                depth -= 1;
            current += char;
        }
    }
    end();
    return entries;
}
/**
 * The media files named by `input` in `workspace` (absolute): workspace-relative posix paths,
 * sorted, without duplicates. Throws one InputError for input `media` listing every problem.
 */
async function findMedia(input, workspace) {
    const root = external_node_path_default().resolve(workspace);
    const problems = [];
    const includes = [];
    const excludes = [];
    for (const { text: entry, quoted } of splitMediaInput(input)) {
        const negated = !quoted && entry.startsWith('!');
        const raw = negated ? entry.slice(1).trim() : entry;
        const pattern = quoted ? toWorkspacePath(raw, root) : toWorkspacePattern(raw, root);
        if (typeof pattern !== 'string') {
            problems.push(`${show(entry)} ${pattern.problem}`);
            continue;
        }
        if (negated)
            excludes.push(pattern);
        else
            includes.push({ entry, pattern, quoted });
    }
    if (includes.length === 0 && problems.length === 0) {
        problems.push(`${show(input.trim())} names no file to include (only exclusions)`);
    }
    const matched = new Map();
    for (const { entry, pattern, quoted } of includes) {
        // A path that names a file as written is that file, before any glob reading of it
        // (`clip[1].mp4` would otherwise match `clip1.mp4`); a quoted entry is only ever a path.
        const exists = quoted || GLOB_MAGIC.test(pattern) ? await (0,promises_.lstat)(external_node_path_default().join(root, ...pattern.split('/'))).catch(() => undefined) : undefined;
        if (quoted || exists !== undefined) {
            if (exists === undefined)
                problems.push(`${show(entry)}: no such file in the workspace`);
            else if (!matched.has(pattern))
                matched.set(pattern, { entry, literal: true });
            continue;
        }
        const literal = !GLOB_MAGIC.test(pattern);
        let count = 0;
        for await (const found of (0,promises_.glob)(pattern, { cwd: root })) {
            count += 1;
            // Braces can still lead out ({..,x}/a.mp4, {/etc,x}/a.mp4): every match is checked.
            const inside = external_node_path_default().relative(root, external_node_path_default().resolve(root, found));
            if (!isInside(inside)) {
                problems.push(`${show(entry)} matches ${show(found.split((external_node_path_default()).sep).join('/'))}, which is outside the workspace`);
                continue;
            }
            const relative = inside.split((external_node_path_default()).sep).join('/');
            if (!matched.has(relative))
                matched.set(relative, { entry, literal });
        }
        if (count === 0)
            problems.push(literal ? `${show(entry)}: no such file in the workspace` : `${show(entry)} matches no file`);
    }
    const files = [];
    const symlinkedFolders = new Map();
    let excludedAll = matched.size > 0;
    for (const [relative, { entry, literal }] of [...matched].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (excludes.some((exclude) => matchesWithDotFiles(relative, exclude)))
            continue;
        const nameProblem = badName(relative);
        if (nameProblem !== undefined) {
            problems.push(`${show(relative)} ${nameProblem}`);
            excludedAll = false;
            continue;
        }
        const absolutePath = external_node_path_default().join(root, ...relative.split('/'));
        const info = await (0,promises_.lstat)(absolutePath).catch(() => undefined);
        if (info === undefined)
            continue; // gone since it was listed
        if (info.isDirectory()) {
            // A pattern such as `videos/*` also lists folders: only a folder named on its own is a mistake.
            if (literal)
                problems.push(`${show(entry)} is a folder: name the files in it (such as ${show(`${relative}/*.mp4`)})`);
            excludedAll = false;
            continue;
        }
        excludedAll = false;
        const problem = (await throughSymlink(root, relative, info.isSymbolicLink(), symlinkedFolders)) ?? (await checkFile(absolutePath, relative, info));
        if (typeof problem === 'string') {
            problems.push(problem);
            continue;
        }
        files.push({ path: relative, absolutePath, size: info.size, kind: problem.kind });
    }
    if (excludedAll)
        problems.push('every file the patterns match is excluded by a `!` pattern');
    else if (files.length === 0 && problems.length === 0)
        problems.push('the patterns match only folders, no file');
    if (problems.length > 0) {
        const head = problems.length === 1 ? problems[0] : `${problems.length} problems:\n- ${problems.join('\n- ')}`;
        throw new inputs/* InputError */.dz([
            {
                input: 'media',
                message: `Input 'media': ${head}\nNothing was uploaded or ordered. Accepted: files inside the workspace, as paths or glob patterns relative to it (such as videos/**/*.mp4), separated by newlines or commas (a name in double quotes is one literal path); !pattern excludes.`,
            },
        ]);
    }
    return files;
}
/** A pattern relative to the workspace root, `/`-separated, or why it cannot be one. */
function toWorkspacePattern(raw, root) {
    if (raw === '')
        return { problem: 'is an empty pattern' };
    if (/\p{Cc}/u.test(raw))
        return { problem: 'contains control characters' };
    let pattern = raw;
    if (external_node_path_default().isAbsolute(pattern) || /^[A-Za-z]:[\\/]/.test(pattern)) {
        const relative = external_node_path_default().relative(root, pattern);
        if (!isInside(relative))
            return { problem: 'is outside the workspace' };
        pattern = relative.split((external_node_path_default()).sep).join('/');
    }
    // A backslash escapes the character after it (`\[`, `\*`); Node's glob ignores such escapes
    // on Linux, a one-character class means the same everywhere.
    let escaped = '';
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i];
        if (char !== '\\') {
            escaped += char;
            continue;
        }
        const next = pattern[i + 1];
        if (next === undefined || !/[*?[\]{}!\\,]/.test(next))
            return { problem: 'contains a backslash: separate folders with /' };
        escaped += next === '\\' ? '\\\\' : `[${next}]`;
        i += 1;
    }
    const segments = escaped.split('/').filter((segment) => segment !== '' && segment !== '.');
    if (segments.includes('..'))
        return { problem: 'goes up with `..`: media files must be inside the workspace' };
    if (segments.length === 0)
        return { problem: 'names the workspace itself' };
    return segments.join('/');
}
/** A quoted entry: a literal path relative to the workspace root, `/`-separated, or why it cannot be one. */
function toWorkspacePath(raw, root) {
    if (raw.trim() === '')
        return { problem: 'is an empty path' };
    if (/\p{Cc}/u.test(raw))
        return { problem: 'contains control characters' };
    let relative = raw;
    if (external_node_path_default().isAbsolute(relative) || /^[A-Za-z]:[\\/]/.test(relative)) {
        const inside = external_node_path_default().relative(root, relative);
        if (!isInside(inside))
            return { problem: 'is outside the workspace' };
        relative = inside.split((external_node_path_default()).sep).join('/');
    }
    if (relative.includes('\\'))
        return { problem: 'contains a backslash: separate folders with /' };
    const segments = relative.split('/').filter((segment) => segment !== '' && segment !== '.');
    if (segments.includes('..'))
        return { problem: 'goes up with `..`: media files must be inside the workspace' };
    if (segments.length === 0)
        return { problem: 'names the workspace itself' };
    return segments.join('/');
}
/** A path relative to the workspace that stays inside it (`..d.mp4` does; `..` and `../x` do not). */
function isInside(relative) {
    return relative !== '' && relative !== '..' && !relative.startsWith(`..${(external_node_path_default()).sep}`) && !external_node_path_default().isAbsolute(relative);
}
/** Why a matched workspace-relative path cannot be a media file, by its name alone. */
function badName(relative) {
    if (INVISIBLE.test(relative))
        return 'has control or invisible characters in its name: rename the file';
    if (relative.includes('\\'))
        return 'has a backslash in its name: rename the file or its folder';
    if (relative.split('/').some((segment) => segment.toLowerCase() === '.git'))
        return 'is inside .git, which holds no media';
    return undefined;
}
/**
 * `path.matchesGlob` with dot files matched as ordinary names (Node's has no `dot` option): a
 * leading dot becomes an ordinary character in the path and the pattern alike.
 */
function matchesWithDotFiles(relative, pattern) {
    const undot = (text) => text.replace(/(^|\/)\./g, '$1\uE000');
    return external_node_path_default().matchesGlob(undot(relative), undot(pattern));
}
/** Why a path is refused for a symbolic link on the way (a folder or the file itself), or undefined. */
async function throughSymlink(root, relative, isLink, cache) {
    const parts = relative.split('/');
    for (let i = 1; i < parts.length; i++) {
        const folder = parts.slice(0, i).join('/');
        let linked = cache.get(folder);
        if (linked === undefined) {
            linked = (await (0,promises_.lstat)(external_node_path_default().join(root, ...parts.slice(0, i))).catch(() => undefined))?.isSymbolicLink() ?? false;
            cache.set(folder, linked);
        }
        if (linked)
            return `${show(relative)} is reached through the symbolic link ${show(folder)}: files outside the workspace or behind links are refused`;
    }
    if (isLink)
        return `${show(relative)} is a symbolic link: name the file it points to (or exclude it with !${relative})`;
    return undefined;
}
/** The file's kind, or why Ollang would refuse it. */
async function checkFile(absolutePath, relative, info) {
    if (!info.isFile())
        return `${show(relative)} is not a regular file`;
    if (info.size > 0 && info.size < LFS_POINTER_MAX_BYTES && (await isLfsPointer(absolutePath))) {
        return `${show(relative)} is a Git LFS pointer, not the media itself: check out with \`lfs: true\` on actions/checkout`;
    }
    const format = (0,formats/* formatOf */.be)(relative);
    if (format === undefined) {
        const extension = (0,formats/* extensionOf */.je)(relative);
        return extension === ''
            ? `${show(relative)} has no extension: Ollang needs one to know the format`
            : `${show(relative)}: Ollang does not take .${extension} files (it takes video: MP4 MOV AVI WMV FLV MKV; audio: MP3 WAV AAC M4A FLAC OGG; documents, images and subtitles)`;
    }
    if (info.size === 0)
        return `${show(relative)} is empty`;
    const limit = formats/* LIMIT_BYTES */.mA[format.kind];
    if (info.size > limit) {
        return `${show(relative)} is ${(0,formats/* formatBytes */.z3)(info.size)}, over Ollang's limit of ${(0,formats/* formatBytes */.z3)(limit)} for ${format.kind === 'document' ? 'documents' : `${format.kind} files`}`;
    }
    return { kind: format.kind };
}
async function isLfsPointer(absolutePath) {
    const file = await (0,promises_.open)(absolutePath, 'r');
    try {
        const head = Buffer.alloc(LFS_POINTER_START.length);
        const { bytesRead } = await file.read(head, 0, head.length, 0);
        return head.subarray(0, bytesRead).toString('latin1') === LFS_POINTER_START;
    }
    finally {
        await file.close();
    }
}
/** Quotes a pattern or path for a message: control and bidi characters escaped, cut to 120 characters. */
function show(text) {
    const escaped = [...text]
        .slice(0, 120)
        .map((char) => char === '"' || char === '\\'
        ? `\\${char}`
        : INVISIBLE.test(char)
            ? `\\u${char.codePointAt(0).toString(16).padStart(4, '0')}`
            : char)
        .join('');
    return `"${escaped}${[...text].length > 120 ? '…' : ''}"`;
}

;// CONCATENATED MODULE: ./src/media/prepare.ts
/**
 * The media input's part of input validation: everything that can be known from the workspace
 * is checked before the first request, and every problem is reported at once.
 *
 * - find.ts: the patterns, and each file they match (inside the workspace, not an LFS pointer,
 *   a format and size Ollang takes, …);
 * - the files that are this run's own outputs (a dubbed `videos/intro.fr.mp4` beside
 *   `videos/intro.mp4`, a subtitle under a broad glob) are left out, with a notice: localizing
 *   them would buy a new project's orders in every language, for a file the action made;
 * - every output path is rendered once (output-path.ts): a folder on the way that leads out of
 *   the workspace is a problem now, not after the orders are paid;
 * - media files whose outputs would share paths (intro.mov and intro.mp4) get a suffix each,
 *   judged from the files on disk (output-path.ts outputSuffixes), or are named as a problem.
 */



/** The media files to localize (none without the media input). Throws InputError. */
async function prepareMedia(settings, log) {
    const found = settings.media === '' ? [] : await findMedia(settings.media, settings.workspace);
    const own = (0,output_path/* outputsAmongMedia */.X5)(settings.outputPath, found.map((f) => f.path), settings.targetLanguages, settings.outputDirRelative);
    for (const [file, of] of own) {
        log.notice(`Not localizing ${file}: it is where the ${of.language} output of ${of.media} goes, not media of its own.`, {
            title: 'Media file left out',
        });
    }
    const media = found.filter((f) => !own.has(f.path));
    if (settings.media !== '' && media.length === 0) {
        throw new inputs/* InputError */.dz([
            {
                input: 'media',
                message: `Input 'media': every file it matches is the output of another one (${[...own.keys()].slice(0, 5).join(', ')}). Nothing was uploaded or ordered. Accepted: media files in the workspace, such as videos/**/*.mp4.`,
            },
        ]);
    }
    // Files are saved only in modes run and collect (a dry run checks the same), and only for known languages.
    const saves = (settings.mode === 'run' || settings.mode === 'collect') && settings.orderIds.length === 0;
    if (saves && settings.targetLanguages.length > 0) {
        const problems = await (0,output_path/* checkOutputPaths */.s0)(settings.outputPath, {
            workspace: settings.workspace,
            outputDir: settings.outputDirRelative,
            languages: settings.targetLanguages,
            ...(settings.media !== '' ? { media: media.map((f) => f.path) } : {}),
        });
        if (settings.media !== '') {
            const told = await (0,output_path/* outputSuffixes */.n9)(settings.outputPath, {
                workspace: settings.workspace,
                outputDir: settings.outputDirRelative,
                languages: settings.targetLanguages,
                media: media.map((f) => f.path),
            });
            problems.push(...told.problems);
            for (const file of media) {
                const suffix = told.suffixes.get(file.path);
                if (suffix === undefined)
                    continue;
                file.outputSuffix = suffix;
                log.notice(`The outputs of ${file.path} are saved with " (${suffix})" before their extension: another media file's would be at the same paths.`, {
                    title: 'Output paths told apart',
                });
            }
        }
        if (problems.length > 0) {
            const head = problems.length === 1 ? problems[0] : `${problems.length} problems:\n- ${problems.slice(0, 20).join('\n- ')}`;
            throw new inputs/* InputError */.dz([
                {
                    input: 'output-path',
                    message: `Input 'output-path': ${settings.outputPath.text} cannot hold every output: ${head}\nNothing was uploaded or ordered. Accepted: a path whose folders are inside the workspace (not through a symbolic link that leads out of it or into .git).`,
                },
            ]);
        }
    }
    return media;
}


/***/ })

};
