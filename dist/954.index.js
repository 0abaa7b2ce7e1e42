export const id = 954;
export const ids = [954];
export const modules = {

/***/ 80954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uploadRunArtifact: () => (/* binding */ uploadRunArtifact)
/* harmony export */ });
/* unused harmony exports serviceUnavailable, artifactUrl */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86587);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68886);
/**
 * The `artifact` input: the run's downloaded files uploaded as one workflow artifact, whose URL
 * the job summary, the PR comment and the `artifact-url` output link to.
 *
 * Why an artifact and not links into the repository: the files were just downloaded and are
 * not in the commit being built (GITHUB_SHA), so a `blob/<sha>/<path>` link is a 404, or worse an
 * older committed copy. The artifact holds exactly what this run downloaded.
 *
 * The upload is a courtesy like the PR comment: nothing here fails the run. Where the runner
 * offers no artifact service (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL unset: a local run,
 * `act`, another CI; or GitHub Enterprise Server, which artifact v4 does not serve) it skips at
 * once with a notice, without loading @actions/artifact or waiting on a retry.
 */



/** The `artifact` entry of the report: uploaded with its URL, or why not. */
async function uploadRunArtifact(request) {
    const { name, files, log, env } = request;
    if (files.length === 0) {
        log.info(`No file was downloaded: no artifact ${name} to upload.`);
        return { name, problem: 'no file was downloaded' };
    }
    const unavailable = serviceUnavailable(env);
    if (unavailable) {
        log.notice(`Artifact ${name} not uploaded: ${unavailable}. The files are in the workspace.`, { title: 'No artifact' });
        return { name, problem: unavailable };
    }
    // A re-run ("Re-run jobs") is the same workflow run, and artifact names are unique within one.
    const attempt = Number(env['GITHUB_RUN_ATTEMPT'] ?? '1');
    const rerun = Number.isSafeInteger(attempt) && attempt > 1;
    try {
        const { upload, remove } = request.uploader ? { upload: request.uploader, remove: request.remover } : await defaultService();
        const absolute = files.map((file) => node_path__WEBPACK_IMPORTED_MODULE_0___default().join(request.workspace, ...file.split('/')));
        const { id, size } = await log.group(`Uploading ${files.length} file(s) as artifact ${name}`, async () => {
            try {
                return await upload(name, absolute, request.workspace);
            }
            catch (error) {
                // On a re-run the name is most likely this job's own from an earlier attempt, with what
                // that attempt had: replace it, as upload-artifact's `overwrite: true` does. Not on the
                // first attempt: the artifact is then another job's or step's of this run, never ours to delete.
                if (!rerun || !remove || !nameTaken((0,_error_message_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)))
                    throw error;
                log.info(`Attempt ${attempt} of this workflow run: replacing the artifact ${name} an earlier attempt uploaded.`);
                await remove(name);
                return await upload(name, absolute, request.workspace);
            }
        });
        const url = id === undefined ? undefined : artifactUrl(env, id);
        log.info(`Uploaded artifact ${name}${size !== undefined ? ` (${size} bytes)` : ''}${url ? `: ${url}` : ''}.`);
        return { name, ...(url ? { url } : {}) };
    }
    catch (error) {
        const message = (0,_error_message_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error);
        const hint = !nameTaken(message)
            ? ''
            : rerun
                ? ' Artifact names are unique within a workflow run, re-runs included, and the artifact of an earlier attempt could not be replaced.'
                : ' Artifact names must be unique within a workflow run: another job or step of this run already uploaded one of that name (in a matrix, put the matrix value in the name). A re-run replaces its own earlier artifact.';
        log.warning(`Could not upload artifact ${name}: ${message}.${hint} The files are in the workspace.`, {
            title: 'Artifact not uploaded',
        });
        return { name, problem: `the upload failed: ${message}` };
    }
}
/** Why the runner offers no artifact service here, or undefined when it does. */
function serviceUnavailable(env) {
    if (!env['ACTIONS_RUNTIME_TOKEN'] || !env['ACTIONS_RESULTS_URL']) {
        return 'this runner offers no artifact service (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is not set, as in a local run)';
    }
    const server = parseUrl(env['GITHUB_SERVER_URL'] || 'https://github.com');
    const host = server?.hostname.toLowerCase() ?? '';
    if (host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')) {
        return 'artifact uploads of this kind (v4) are not available on GitHub Enterprise Server';
    }
    return undefined;
}
/**
 * The artifact's page, as actions/upload-artifact builds it:
 * `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}/artifacts/${id}`;
 * undefined when a part is missing or not what GitHub sets (no link rather than a wrong one).
 */
function artifactUrl(env, id) {
    const run = (0,_github_context_js__WEBPACK_IMPORTED_MODULE_1__/* .workflowRunUrl */ .CX)(env);
    if (!run || !Number.isSafeInteger(id) || id <= 0)
        return undefined;
    return `${run}/artifacts/${id}`;
}
/** The artifact service's answer when the name is taken in this workflow run (409 already_exists). */
function nameTaken(message) {
    return /conflict|already exists|409/i.test(message);
}
/** @actions/artifact, loaded only here: most runs upload nothing, and it is large (docs/benchmarks.md). */
async function defaultService() {
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(498), __webpack_require__.e(351), __webpack_require__.e(799)]).then(__webpack_require__.bind(__webpack_require__, 76799));
    const client = new DefaultArtifactClient();
    return {
        upload: async (name, files, rootDirectory) => {
            const result = await client.uploadArtifact(name, files, rootDirectory);
            return { ...(result.id !== undefined ? { id: result.id } : {}), ...(result.size !== undefined ? { size: result.size } : {}) };
        },
        remove: async (name) => {
            await client.deleteArtifact(name);
        },
    };
}
function parseUrl(text) {
    try {
        return new URL(text);
    }
    catch {
        return undefined;
    }
}


/***/ })

};
