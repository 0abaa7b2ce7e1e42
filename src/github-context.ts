/**
 * The few facts about the workflow run the action needs, read from the runner's environment
 * and event file directly (importing @actions/github just for this would slow every start).
 */
import { readFileSync } from 'node:fs';

export interface WorkflowContext {
  eventName: string;
  /** The account whose event started the run (GITHUB_ACTOR): `dependabot[bot]` for Dependabot's. */
  actor?: string;
  workspace: string;
  repository?: string;
  serverUrl?: string;
  apiUrl: string;
  sha?: string;
  runId?: string;
  /**
   * `isFork`: a `pull_request` run for a head in another repository, to which GitHub gives no
   * secrets (`pull_request_target` runs get them). `headSha`: the commit the pull request shows.
   */
  pullRequest?: { number: number; owner: string; repo: string; isFork: boolean; headSha?: string };
}

export function readWorkflowContext(env: Record<string, string | undefined>, cwd: string): WorkflowContext {
  const eventName = env['GITHUB_EVENT_NAME'] ?? '';
  const repository = env['GITHUB_REPOSITORY'];
  const context: WorkflowContext = {
    eventName,
    workspace: env['GITHUB_WORKSPACE'] || cwd,
    apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
    ...(repository ? { repository } : {}),
    ...(env['GITHUB_ACTOR'] ? { actor: env['GITHUB_ACTOR'] } : {}),
    ...(env['GITHUB_SERVER_URL'] ? { serverUrl: env['GITHUB_SERVER_URL'] } : {}),
    ...(env['GITHUB_SHA'] ? { sha: env['GITHUB_SHA'] } : {}),
    ...(env['GITHUB_RUN_ID'] ? { runId: env['GITHUB_RUN_ID'] } : {}),
  };
  if ((eventName === 'pull_request' || eventName === 'pull_request_target') && env['GITHUB_EVENT_PATH'] && repository) {
    const pullRequest = readPullRequest(env['GITHUB_EVENT_PATH'], repository, eventName);
    if (pullRequest) context.pullRequest = pullRequest;
  }
  return context;
}

function readPullRequest(eventPath: string, repository: string, eventName: string): WorkflowContext['pullRequest'] {
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as {
      pull_request?: { number?: unknown; head?: { sha?: unknown; repo?: { full_name?: unknown } | null } };
    };
    const number = event.pull_request?.number;
    if (typeof number !== 'number') return undefined;
    const head = event.pull_request?.head;
    // A fork PR's head lives in another repository (null: the fork was deleted); GitHub withholds
    // secrets from `pull_request` runs for it. Not `head.repo.fork`: that only says the head
    // repository is itself a fork, as is a branch PR in a forked repository. `pull_request_target`
    // runs in the base repository, with its secrets.
    const headRepository = head?.repo === null ? null : head?.repo?.full_name;
    const elsewhere =
      headRepository === null || (typeof headRepository === 'string' && headRepository.toLowerCase() !== repository.toLowerCase());
    const isFork = eventName === 'pull_request' && elsewhere;
    const [owner = '', repo = ''] = repository.split('/');
    const headSha = typeof head?.sha === 'string' && /^[0-9a-f]{7,64}$/i.test(head.sha) ? head.sha : undefined;
    return { number, owner, repo, isFork, ...(headSha ? { headSha } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * A run Dependabot started (`github.actor == 'dependabot[bot]'`: its pull requests, its pushes).
 * GitHub fills such runs' secrets from Dependabot secrets, not Actions secrets, so
 * `secrets.OLLANG_API_KEY` is empty there unless it is also a Dependabot secret; this holds on
 * a re-run by someone else too, and GITHUB_ACTOR stays the initial run's. See
 * https://docs.github.com/en/code-security/dependabot/working-with-dependabot/troubleshooting-dependabot-on-github-actions
 */
export function isDependabotRun(context: Pick<WorkflowContext, 'actor'>): boolean {
  return context.actor === 'dependabot[bot]';
}

/**
 * The workflow run's page, `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`;
 * undefined when a part is missing or not what GitHub sets (no link rather than a wrong one).
 */
export function workflowRunUrl(env: Record<string, string | undefined>): string | undefined {
  const server = env['GITHUB_SERVER_URL'] || 'https://github.com';
  const repository = env['GITHUB_REPOSITORY'] ?? '';
  const runId = env['GITHUB_RUN_ID'] ?? '';
  if (!/^https?:\/\/[^\s()<>]+$/.test(server) || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository) || !/^\d+$/.test(runId)) {
    return undefined;
  }
  return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`;
}
