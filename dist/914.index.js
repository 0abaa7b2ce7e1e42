export const id = 914;
export const ids = [914];
export const modules = {

/***/ 71914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertPrComment: () => (/* binding */ upsertPrComment)
/* harmony export */ });
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86587);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76670);


/**
 * Creates or updates the comment carrying `marker`. A comment is a courtesy: no failure here
 * fails the run, it becomes a warning and 'skipped'.
 */
async function upsertPrComment(target, body, marker, log, signal) {
    const where = `pull request #${target.issueNumber} of ${target.owner}/${target.repo}`;
    try {
        // Loaded here, not at the top: most runs never comment, and @actions/github is large.
        const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351));
        const octokit = getOctokit(target.token, { baseUrl: target.apiUrl, ...(signal ? { request: { signal } } : {}) });
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner: target.owner,
            repo: target.repo,
            issue_number: target.issueNumber,
            per_page: 100,
        });
        const existing = pickOwnComment(comments, marker);
        if (existing) {
            await octokit.rest.issues.updateComment({
                owner: target.owner,
                repo: target.repo,
                comment_id: existing.id,
                body,
            });
            log.info(`Updated the results comment on ${where}.`);
            return 'updated';
        }
        await octokit.rest.issues.createComment({
            owner: target.owner,
            repo: target.repo,
            issue_number: target.issueNumber,
            body,
        });
        log.info(`Added a results comment to ${where}.`);
        return 'created';
    }
    catch (error) {
        const status = statusOf(error);
        const detail = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactSecrets */ .f)((0,_error_message_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .g)(error), [target.token]);
        if (status === 401 || status === 403 || status === 404) {
            // Pull requests from forks get a read-only GITHUB_TOKEN whatever the workflow asks for.
            log.warning(`Could not write the results comment on ${where} (HTTP ${status}: ${detail}). ` +
                'The token needs the `pull-requests: write` permission (add `permissions: pull-requests: write` ' +
                'to the job); pull requests from forks only get a read-only token, so set `pr-comment: false` there. ' +
                'The results are in the job summary.', { title: 'PR comment skipped' });
        }
        else {
            log.warning(`Could not write the results comment on ${where}${status ? ` (HTTP ${status})` : ''}: ${detail}. ` +
                'The results are in the job summary.', { title: 'PR comment skipped' });
        }
        return 'skipped';
    }
}
/**
 * The comment to update among those carrying the marker. Anyone can paste the marker into a
 * comment (quoting ours, for one), so prefer a bot's comment (github-actions[bot] writes with
 * GITHUB_TOKEN), then one that starts with the marker, as ours do.
 */
function pickOwnComment(comments, marker) {
    const score = (comment) => (comment.user?.type === 'Bot' ? 2 : 0) + (comment.body?.trimStart().startsWith(marker) ? 1 : 0);
    let best;
    for (const comment of comments) {
        if (!comment.body?.includes(marker))
            continue;
        if (!best || score(comment) > score(best))
            best = comment;
    }
    return best;
}
function statusOf(error) {
    if (typeof error === 'object' && error !== null && 'status' in error) {
        const status = error.status;
        if (typeof status === 'number')
            return status;
    }
    return undefined;
}


/***/ })

};
