/**
 * One PR comment per project and order type, found again by a hidden marker and updated in
 * place, so that re-runs and new pushes do not pile up comments.
 */
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

/**
 * The comment to update among those carrying the marker. Anyone can paste the marker into a
 * comment (quoting ours, for one), so prefer a bot's comment (github-actions[bot] writes with
 * GITHUB_TOKEN), then one that starts with the marker, as ours do.
 */
function pickOwnComment(comments: IssueComment[], marker: string): IssueComment | undefined {
  const score = (comment: IssueComment): number =>
    (comment.user?.type === 'Bot' ? 2 : 0) + (comment.body?.trimStart().startsWith(marker) ? 1 : 0);
  let best: IssueComment | undefined;
  for (const comment of comments) {
    if (!comment.body?.includes(marker)) continue;
    if (!best || score(comment) > score(best)) best = comment;
  }
  return best;
}

function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status: unknown = error.status;
    if (typeof status === 'number') return status;
  }
  return undefined;
}
