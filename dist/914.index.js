export const id = 914;
export const ids = [914];
export const modules = {

/***/ 71914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
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
        const marked = comments.filter((comment) => comment.body?.includes(marker));
        // Whose comment it is matters only when one carries the marker: the first run asks nothing more.
        const existing = marked.length > 0 ? pickOwnComment(marked, marker, await tokenLogin(octokit, log)) : undefined;
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
/** Who writes with the workflow's own GITHUB_TOKEN. */
const GITHUB_ACTIONS_BOT = 'github-actions[bot]';
/**
 * The account the token writes as. GraphQL's `viewer` answers for every kind of token (REST
 * `GET /user` refuses installation tokens): `github-actions[bot]` for GITHUB_TOKEN, `<app>[bot]`
 * for a GitHub App's token, the user for a personal token. Where it cannot be asked, the
 * default token's bot.
 */
async function tokenLogin(octokit, log) {
    try {
        const answer = await octokit.graphql('query { viewer { login } }');
        if (typeof answer.viewer?.login === 'string' && answer.viewer.login !== '')
            return answer.viewer.login;
        log.debug('The GitHub API did not say whose token this is; taking it for GITHUB_TOKEN.');
    }
    catch (error) {
        log.debug(`Could not ask the GitHub API whose token this is (${(0,_error_message_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .g)(error)}); taking it for GITHUB_TOKEN.`);
    }
    return GITHUB_ACTIONS_BOT;
}
/**
 * The comment to update among those carrying the marker: only one the token's own account
 * wrote. The marker is public: anyone can post a comment that carries it (quoting ours, or to
 * have the action put its results under their name), and such a comment is never edited; a new
 * one is written instead. Among our own, one that starts with the marker, as ours do.
 */
function pickOwnComment(comments, marker, login) {
    const own = comments.filter((comment) => comment.user?.login?.toLowerCase() === login.toLowerCase() &&
        // A `[bot]` login is an app's: only ever with type Bot (no user can have brackets in a login).
        (!login.endsWith('[bot]') || comment.user.type === 'Bot'));
    return own.find((comment) => comment.body?.trimStart().startsWith(marker)) ?? own[0];
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
