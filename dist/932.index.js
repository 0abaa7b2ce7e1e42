export const id = 932;
export const ids = [932];
export const modules = {

/***/ 52932:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  findOrUploadProjects: () => (/* binding */ findOrUploadProjects),
  searchAllProjects: () => (/* binding */ searchAllProjects)
});

// UNUSED EXPORTS: DEFAULT_LOOKUP_DELAYS_MS, SEARCH_MAX_PAGES, lookupDelaysFor

// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(77607);
// EXTERNAL MODULE: ./src/error-message.ts
var error_message = __webpack_require__(86587);
// EXTERNAL MODULE: ./src/for-each-limited.ts
var for_each_limited = __webpack_require__(39891);
// EXTERNAL MODULE: ./src/ollang/errors.ts
var errors = __webpack_require__(2732);
// EXTERNAL MODULE: ./src/ollang/retry.ts
var retry = __webpack_require__(38801);
// EXTERNAL MODULE: ./src/media/formats.ts
var formats = __webpack_require__(25728);
;// CONCATENATED MODULE: ./src/media/project-name.ts
/** Longest name we send (characters); long paths are shortened in the middle. */
const MAX_PROJECT_NAME_CHARS = 200;
const NAME_PREFIX = /^((?:git|sha256)-(?:[0-9a-f]{64}|[0-9a-f]{40})) \[([A-Za-z0-9_-]{1,35})\](?=\s|$)/i;
/** The name of the project made from `mediaPath`'s content. */
function projectName(mediaPath, sourceLanguage, key, repository) {
    const head = `${key} [${sourceLanguage}] ${repository ? `${readable(repository)}: ` : ''}`;
    const budget = Math.max(20, MAX_PROJECT_NAME_CHARS - [...head].length);
    return `${head}${shortenPath(readable(mediaPath), budget)}`;
}
/** What to search for one content: the key alone (the most specific text in the name, and plain ASCII). */
function projectSearchTerm(key) {
    return key;
}
/** One search for every project of a repository in a source language (the names' common part). */
function collectionSearchTerm(sourceLanguage, repository) {
    return `[${sourceLanguage}] ${readable(repository)}:`;
}
/** The key and language a project's name starts with, or undefined when it is not a name of ours. */
function parseProjectName(name) {
    const match = NAME_PREFIX.exec(name.trimStart());
    return match === null ? undefined : { key: match[1].toLowerCase(), language: match[2] };
}
/** Whether `project` was made from the content `key` spoken in `sourceLanguage`. */
function matchesContent(project, key, sourceLanguage) {
    const parsed = parseProjectName(project.name);
    if (parsed === undefined || parsed.key !== key.toLowerCase())
        return false;
    const language = normaliseLanguage(sourceLanguage);
    if (normaliseLanguage(parsed.language) !== language)
        return false;
    return project.sourceLanguage === undefined || !otherLanguage(project.sourceLanguage, language);
}
/**
 * Whether the API's spelling of a source language names another language than `ours`: a code
 * (`es`, `pt_BR`) whose primary subtag differs. A region added or dropped (`en-US` for `en`) or
 * a form that is no code (`English`) is the same language in another shape.
 */
function otherLanguage(theirs, ours) {
    const given = normaliseLanguage(theirs);
    if (given === ours || !/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(given))
        return false;
    return given.split('-')[0] !== ours.split('-')[0];
}
/** Every project of `projects` made from this content, the one to follow first (see pickProject). */
function matchingProjects(projects, key, sourceLanguage) {
    const time = (p) => {
        const ms = p.createdAt === undefined ? NaN : Date.parse(p.createdAt);
        return Number.isNaN(ms) ? Infinity : ms;
    };
    const hasOrders = (p) => ((p.ordersCount ?? 0) > 0 ? 0 : 1);
    const unique = new Map();
    for (const p of projects)
        if (matchesContent(p, key, sourceLanguage) && !unique.has(p.id))
            unique.set(p.id, p);
    return [...unique.values()].sort((a, b) => hasOrders(a) - hasOrders(b) || time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
/** The project to follow for this content: one that already has orders, then the oldest; or undefined. */
function pickProject(projects, key, sourceLanguage) {
    return matchingProjects(projects, key, sourceLanguage)[0];
}
function normaliseLanguage(code) {
    return code.trim().replace(/_/g, '-').toLowerCase();
}
/** Control, bidi and zero-width characters would hide or reorder what a person reads: `_`. */
function readable(text) {
    return text.replace(/[\p{Cc}\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu, '_');
}
/** `videos/2024/q3/…/intro.mp4`: the start and the end kept, the middle dropped. */
function shortenPath(text, budget) {
    const chars = [...text];
    if (chars.length <= budget)
        return text;
    const tail = Math.min(chars.length, Math.ceil((budget - 1) * 0.7));
    const head = budget - 1 - tail;
    return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

;// CONCATENATED MODULE: ./src/media/projects.ts
/**
 * One Ollang project per media content: find the project made from the same bytes (List
 * Projects' search, project-name.ts's matching rule), upload only when there is none
 * (docs/ollang-uploads.md).
 *
 * Looking: with the repository known, one search for every project of the repository (their
 * names share `[<language>] <owner>/<name>:`) settles most files of a re-run at once, a page of
 * 50 at a time, when it is read to the end; each content it did not settle is then searched by
 * its key, which also finds a project made from another repository or path. A listing cut short
 * settles nothing: the project with the content's orders may be on a page it did not read.
 *
 * An upload is not idempotent: one that lost its answer (no response, a time-out, a 5xx, a
 * connection reset after the body went out) may have made a project. It is looked up, more than
 * once (the platform may save it late), and never sent again in the same run: a project saved
 * after the last look-up would otherwise make two projects of one content. The file then fails
 * ("may have been uploaded; a re-run finds it"), and the next run finds the project. A look-up
 * that fails stops that file the same way. After an upload that did answer, a search that lists
 * the new project picks the one to follow (pickProject), so runs that uploaded the same file at
 * the same time all follow the same one; a search that fails or does not list it yet is made
 * again, and when none does, the file fails without orders (settleUpload). Files with the same content share one project; every other project of the
 * same content is returned too, so that orders placed on any of them are reused. `dry-run` and
 * `mode: collect` never upload.
 *
 * Log lines start with the action's own words, never with a file's path (a name that begins
 * with `::` must not read as a workflow command).
 *
 * Side effects (search, upload, clock, sleep, log, the progress timer) are injected.
 */







const DEFAULT_LOOKUP_DELAYS_MS = [0, 2_000, 5_000, 15_000];
/** The look-ups after a lost upload of `size` bytes: the defaults, and a later one for big files. */
function lookupDelaysFor(size) {
    if (size <= 1000 ** 3)
        return DEFAULT_LOOKUP_DELAYS_MS;
    return [...DEFAULT_LOOKUP_DELAYS_MS, Math.min(5 * 60_000, Math.ceil(size / 100_000_000) * 1000)];
}
const SEARCH_CONCURRENCY = 4;
/**
 * The repository-wide listing is read only for this many contents or more, and only while it
 * costs fewer requests than a search per content (at most one page fewer than there are
 * contents): its first page says how many pages it has, and a listing that cannot be read to the
 * end within that is left after that page.
 */
const COLLECTION_MIN_CONTENTS = 3;
/** The `projects` output's entries, in the order of `contents`. */
async function findOrUploadProjects(contents, options, deps) {
    const { sourceLanguage, signal } = options;
    // One project per content: files with the same bytes share it.
    const groups = new Map();
    for (const content of contents) {
        const group = groups.get(content.key);
        if (group === undefined)
            groups.set(content.key, [content]);
        else
            group.push(content);
    }
    const settled = new Map();
    const outcome = {
        has: (key) => settled.has(key),
        get: (key) => settled.get(key),
        set: (key, value) => {
            if (settled.has(key))
                return;
            settled.set(key, value);
            options.onProject?.(value, groups.get(key).map((c) => c.media), 
            // A fresh search by key: every project of this content, for the "earlier order wins" step.
            async () => matchingProjects(await deps.search(projectSearchTerm(key), signal ? { signal } : {}), key, sourceLanguage).map((p) => p.id));
        },
    };
    const keys = [...groups.keys()];
    const found = (key, matches) => {
        const [chosen, ...others] = matches;
        outcome.set(key, { projectId: chosen.id, uploaded: false, outcome: 'found', ...otherIds(others) });
        deps.log.info(`Found Ollang project ${chosen.id} for ${groups.get(key)[0].media}: made from the same content (${key.slice(0, 16)}…)`);
    };
    // 1. Every project of the repository at once (a re-run's files are all there), when it can pay off.
    if (options.repository && keys.length >= COLLECTION_MIN_CONTENTS) {
        try {
            const listed = await deps.search(collectionSearchTerm(sourceLanguage, options.repository), {
                ...(signal ? { signal } : {}),
                maxPages: Math.min(keys.length - 1, SEARCH_MAX_PAGES),
                giveUpEarly: true,
            });
            if (listed.cut === true)
                deps.log.debug("The repository's projects are more than the pages read: searching for each file instead.");
            else
                for (const key of keys) {
                    const matches = matchingProjects(listed, key, sourceLanguage);
                    if (matches.length > 0)
                        found(key, matches);
                }
        }
        catch (error) {
            if (signal?.aborted || isUnauthorized(error))
                throw error;
            deps.log.debug(`Listing the repository's projects failed (${(0,error_message/* errorMessage */.g)(error)}); searching for each file instead.`);
        }
    }
    // 2. Each content not found yet, by its key.
    await (0,for_each_limited/* forEachLimited */.v)(keys.filter((key) => !outcome.has(key)), SEARCH_CONCURRENCY, async (key) => {
        signal?.throwIfAborted();
        const first = groups.get(key)[0];
        try {
            const matches = matchingProjects(await deps.search(projectSearchTerm(key), signal ? { signal } : {}), key, sourceLanguage);
            if (matches.length > 0)
                found(key, matches);
        }
        catch (error) {
            if (signal?.aborted || isUnauthorized(error))
                throw error;
            outcome.set(key, {
                uploaded: false,
                outcome: 'failed',
                error: `Could not look for the Ollang project of ${first.media}: ${(0,error_message/* errorMessage */.g)(error)}`,
            });
        }
    });
    // 3. Upload the contents nobody has uploaded yet.
    const missing = keys.filter((key) => !outcome.has(key));
    if (options.mode !== 'upload') {
        for (const key of missing) {
            const media = groups.get(key)[0].media;
            if (options.mode === 'dry-run') {
                deps.log.info(`Would upload ${media}: no Ollang project of this content yet (dry run, nothing sent)`);
                outcome.set(key, { uploaded: false, outcome: 'would-upload' });
            }
            else {
                outcome.set(key, {
                    uploaded: false,
                    outcome: 'missing',
                    error: `No Ollang project was made from the content of ${media} (this mode never uploads)`,
                });
            }
        }
    }
    else {
        await (0,for_each_limited/* forEachLimited */.v)(missing, Math.max(1, options.uploadConcurrency ?? 2), async (key) => {
            signal?.throwIfAborted();
            const group = groups.get(key);
            try {
                outcome.set(key, await uploadContent(group, key, options, deps));
            }
            catch (error) {
                if (signal?.aborted || isUnauthorized(error))
                    throw error;
                outcome.set(key, { uploaded: false, outcome: 'failed', error: (0,error_message/* errorMessage */.g)(error) });
            }
        });
    }
    return contents.map((content) => {
        const result = outcome.get(content.key);
        return { media: content.media, ...result };
    });
}
/** The others of a content's projects. Never "without orders" on the strength of `ordersCount` (undocumented, may be stale). */
function otherIds(others) {
    return others.length > 0 ? { otherProjectIds: others.map((p) => p.id) } : {};
}
/** Uploads one content (named after its first file); see the module comment for the retry rules. */
async function uploadContent(group, key, options, deps) {
    const { sourceLanguage, signal } = options;
    const file = group[0];
    const name = projectName(file.media, sourceLanguage, key, options.repository);
    const maxUploads = Math.max(1, options.maxUploads ?? 3);
    const lookupDelays = options.lookupDelaysMs ?? lookupDelaysFor(file.size);
    const search = async () => matchingProjects(await deps.search(projectSearchTerm(key), signal ? { signal } : {}), key, sourceLanguage);
    const others = group.length > 1
        ? ` (also for ${group
            .slice(1)
            .map((g) => g.media)
            .join(', ')}: same content)`
        : '';
    for (let attempt = 1;; attempt++) {
        deps.log.info(`Uploading ${file.media} (${(0,formats/* formatBytes */.z3)(file.size)}) to Ollang as project "${name}"${others}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
        const progress = uploadProgress(file, deps, options.progressIntervalMs ?? 30_000);
        let projectId;
        try {
            ({ projectId } = await deps.upload({
                media: file.media,
                absolutePath: file.absolutePath,
                size: file.size,
                name,
                sourceLanguage,
                onProgress: progress.update,
                ...(signal ? { signal } : {}),
            }));
        }
        catch (error) {
            progress.stop();
            if (signal?.aborted || isUnauthorized(error))
                throw error;
            const kind = classify(error);
            if (kind === 'final')
                throw new Error(`Upload of ${file.media} failed: ${(0,error_message/* errorMessage */.g)(error)}`, { cause: error });
            if (kind === 'not-processed') {
                if (attempt >= maxUploads)
                    throw new Error(`Upload of ${file.media} failed ${attempt} times: ${(0,error_message/* errorMessage */.g)(error)}`, { cause: error });
                const retryAfter = error instanceof errors/* OllangError */.eO ? (error.retryAfterMs ?? 0) : 0;
                await deps.sleep(Math.max(retryAfter, 1000 * 2 ** (attempt - 1)), signal);
                continue;
            }
            // The upload may have made a project: look for it; never send it again in this run.
            deps.log.warning(`The answer to the upload of ${file.media} was lost (${(0,error_message/* errorMessage */.g)(error)}); looking for the project it may have made`);
            for (const delay of lookupDelays) {
                if (delay > 0)
                    await deps.sleep(delay, signal);
                let matches;
                try {
                    matches = await search();
                }
                catch (lookupError) {
                    if (signal?.aborted)
                        throw lookupError;
                    throw new Error(`The answer to the upload of ${file.media} was lost and the look-up for the project it may have made failed (${(0,error_message/* errorMessage */.g)(lookupError)}): it was not uploaded again, so as not to make a second project; a re-run finds the project if it was made`, { cause: lookupError });
                }
                if (matches.length > 0) {
                    deps.log.info(`Found Ollang project ${matches[0].id}, made by the upload of ${file.media} whose answer was lost`);
                    return { projectId: matches[0].id, uploaded: true, outcome: 'uploaded', ...otherIds(matches.slice(1)) };
                }
            }
            throw new Error(`The answer to the upload of ${file.media} was lost (${(0,error_message/* errorMessage */.g)(error)}) and no project of it showed up in ${lookupDelays.length} look-ups: ` +
                'it may have been uploaded all the same, so it was not sent again (that could make a second project); a re-run finds the project if it was made, or uploads the file', { cause: error });
        }
        progress.done(projectId);
        return await settleUpload(projectId, file, search, lookupDelays, deps, signal);
    }
}
/**
 * After an answered upload: the project to follow, from a search that lists this run's own new
 * project (a search that does not, fails or lags, may also miss another run's project of the same
 * content). Another run may have uploaded it at the same time: every run follows the same one
 * (pickProject). Looked for again like a lost upload's project; when no search lists it, the
 * file fails without orders (a re-run follows the project): ordering on a project that may have a
 * twin could buy every language twice.
 */
async function settleUpload(projectId, file, search, lookupDelays, deps, signal) {
    let problem = 'no search listed it';
    for (const delay of lookupDelays) {
        if (delay > 0)
            await deps.sleep(delay, signal);
        let matches;
        try {
            matches = await search();
        }
        catch (error) {
            if (signal?.aborted || isUnauthorized(error))
                throw error;
            problem = `the search for it failed (${(0,error_message/* errorMessage */.g)(error)})`;
            continue;
        }
        const own = matches.find((p) => p.id === projectId);
        if (own === undefined)
            continue;
        const chosen = matches[0];
        const others = matches.filter((p) => p.id !== chosen.id).map((p) => p.id);
        const otherIds = others.length > 0 ? { otherProjectIds: others } : {};
        if (chosen.id !== projectId) {
            deps.log.info(`Following Ollang project ${chosen.id} for ${file.media}: it was made from the same content before this run's ${projectId}`);
            return { projectId: chosen.id, uploaded: false, outcome: 'found', ...otherIds };
        }
        // Only this run's fresh upload is known to have no orders yet.
        return { projectId, uploaded: true, outcome: 'uploaded', ...otherIds, ...(others.length === 0 ? { withoutOrders: true } : {}) };
    }
    return {
        uploaded: true,
        outcome: 'failed',
        error: `${file.media} was uploaded as Ollang project ${projectId}, but ${problem} in ${lookupDelays.length} look-ups: ` +
            'nothing was ordered for it, since another run may have made a project of the same content meanwhile (that could buy every language twice); a re-run finds the project and orders',
    };
}
/**
 * 'ambiguous': the upload may have made a project (no answer after the body went out, a time-out,
 * a 5xx, a 2xx we could not read); 'not-processed': it cannot have (429, a connection refused
 * before sending); 'final': a definite refusal (400, 401, 413, ...) or a local failure.
 */
function classify(error) {
    if (!(error instanceof errors/* OllangError */.eO))
        return 'final';
    if (error.ambiguous)
        return 'ambiguous';
    return (0,retry/* isRetryable */.r3)(error) ? 'not-processed' : 'final';
}
function isUnauthorized(error) {
    return error instanceof errors/* OllangError */.eO && error.status === 401;
}
/** Progress lines for one upload: bytes, percent, rate; at least every `intervalMs` while it runs. */
function uploadProgress(file, deps, intervalMs) {
    const started = deps.clock();
    let sent = 0;
    let lastLine = started;
    const line = () => {
        const now = deps.clock();
        lastLine = now;
        const seconds = Math.max(0.001, (now - started) / 1000);
        const percent = file.size > 0 ? Math.floor((sent / file.size) * 100) : 100;
        deps.log.info(`Uploading ${file.media}: ${(0,formats/* formatBytes */.z3)(sent)} of ${(0,formats/* formatBytes */.z3)(file.size)} sent (${percent}%), ${(0,formats/* formatBytes */.z3)(Math.round(sent / seconds))}/s`);
    };
    const every = deps.every ?? realEvery;
    const stopTimer = every(intervalMs, () => {
        if (deps.clock() - lastLine >= intervalMs)
            line();
    });
    return {
        update: (bytes) => {
            sent = bytes;
            if (deps.clock() - lastLine >= intervalMs)
                line();
        },
        stop: stopTimer,
        done: (projectId) => {
            stopTimer();
            const seconds = Math.max(0.001, (deps.clock() - started) / 1000);
            deps.log.info(`Uploaded ${file.media} in ${(0,duration/* formatDuration */.a3)(deps.clock() - started)} (${(0,formats/* formatBytes */.z3)(Math.round(file.size / seconds))}/s): Ollang project ${projectId}`);
        },
    };
}
const realEvery = (ms, fn) => {
    const timer = setInterval(fn, ms);
    timer.unref();
    return () => clearInterval(timer);
};
/** Pages searchAllProjects reads unless told otherwise (a guard against a server that always says "more"). */
const SEARCH_MAX_PAGES = 20;
/**
 * `search` for ProjectsDeps over OllangClient.listProjects: the pages of results for `term`
 * (50 a page, oldest first), up to `maxPages`; `warn` says so when that cap cut the list short.
 */
function searchAllProjects(client, options = {}) {
    return async (term, search = {}) => {
        const maxPages = search.maxPages ?? options.maxPages ?? SEARCH_MAX_PAGES;
        const all = [];
        for (let page = 1;; page++) {
            search.signal?.throwIfAborted();
            const result = await client.listProjects({ search: term, page, take: 50, orderBy: 'createdAt', orderDirection: 'asc' });
            all.push(...result.projects);
            if (!result.meta.hasNextPage || result.projects.length === 0)
                break;
            if (page >= maxPages || (search.giveUpEarly === true && (result.meta.pageCount ?? 0) > maxPages)) {
                all.cut = true;
                // The repository-wide search asks for a few pages on purpose; a search by key should never need this many.
                if (search.maxPages === undefined)
                    options.warn?.(`Ollang listed more than ${maxPages * 50} projects named with "${term}": only the first ${maxPages * 50} were read.`);
                break;
            }
        }
        return all;
    };
}


/***/ })

};
