/**
 * One PR comment per project and order type, found again by a hidden marker and updated in
 * place, so that re-runs and new pushes do not pile up comments.
 */
import type { getOctokit } from '@actions/github';
import type { Log } from '../runtime.ts';
import { errorMessage } from '../error-message.ts';
import { redactSecrets } from '../redact.ts';

export interface PrCommentTarget {
  token: string;
  /** GITHUB_API_URL (GHES and tests use another host than api.github.com). */
  apiUrl: string;
  owner: string;
  repo: string;
  issueNumber: number;
}

interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
}

/**
 * Creates or updates the comment carrying `marker`. A comment is a courtesy: no failure here
 * fails the run, it becomes a warning and 'skipped'.
 */
export async function upsertPrComment(
  target: PrCommentTarget,
  body: string,
  marker: string,
  log: Log,
  signal?: AbortSignal,
): Promise<'created' | 'updated' | 'skipped'> {
  const where = `pull request #${target.issueNumber} of ${target.owner}/${target.repo}`;
  try {
    // Loaded here, not at the top: most runs never comment, and @actions/github is large.
    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(target.token, { baseUrl: target.apiUrl, ...(signal ? { request: { signal } } : {}) });
    const comments: IssueComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
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
  } catch (error) {
    const status = statusOf(error);
    const detail = redactSecrets(errorMessage(error), [target.token]);
    if (status === 401 || status === 403 || status === 404) {
      // Pull requests from forks get a read-only GITHUB_TOKEN whatever the workflow asks for.
      log.warning(
        `Could not write the results comment on ${where} (HTTP ${status}: ${detail}). ` +
          'The token needs the `pull-requests: write` permission (add `permissions: pull-requests: write` ' +
          'to the job); pull requests from forks only get a read-only token, so set `pr-comment: false` there. ' +
          'The results are in the job summary.',
        { title: 'PR comment skipped' },
      );
    } else {
      log.warning(
        `Could not write the results comment on ${where}${status ? ` (HTTP ${status})` : ''}: ${detail}. ` +
          'The results are in the job summary.',
        { title: 'PR comment skipped' },
      );
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
async function tokenLogin(octokit: ReturnType<typeof getOctokit>, log: Log): Promise<string> {
  try {
    const answer = await octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }');
    if (typeof answer.viewer?.login === 'string' && answer.viewer.login !== '') return answer.viewer.login;
    log.debug('The GitHub API did not say whose token this is; taking it for GITHUB_TOKEN.');
  } catch (error) {
    log.debug(`Could not ask the GitHub API whose token this is (${errorMessage(error)}); taking it for GITHUB_TOKEN.`);
  }
  return GITHUB_ACTIONS_BOT;
}

/**
 * The comment to update among those carrying the marker: only one the token's own account
 * wrote. The marker is public: anyone can post a comment that carries it (quoting ours, or to
 * have the action put its results under their name), and such a comment is never edited; a new
 * one is written instead. Among our own, one that starts with the marker, as ours do.
 */
function pickOwnComment(comments: IssueComment[], marker: string, login: string): IssueComment | undefined {
  const own = comments.filter(
    (comment) =>
      comment.user?.login?.toLowerCase() === login.toLowerCase() &&
      // A `[bot]` login is an app's: only ever with type Bot (no user can have brackets in a login).
      (!login.endsWith('[bot]') || comment.user.type === 'Bot'),
  );
  return own.find((comment) => comment.body?.trimStart().startsWith(marker)) ?? own[0];
}

function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status: unknown = error.status;
    if (typeof status === 'number') return status;
  }
  return undefined;
}
