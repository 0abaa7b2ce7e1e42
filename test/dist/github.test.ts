/**
 * The action at home on GitHub, run as the runner runs it (bundled, in a child process) against
 * the Ollang simulator and a fake GitHub REST API: the PR comment (created once, then updated in
 * place; a read-only token is a warning), the fork skip, the job summary, annotations and logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OllangSimulator } from '../simulator/index.ts';
import { startGitHubApi, type FakeGitHubApi } from '../fakes/github-api.ts';
import { parseOrders, runAction, type ActionRun } from './harness.ts';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const TOKEN = 'ghs_fakeTokenForTests0123456789';
const MARKER_PREFIX = '<!-- ollang-localize-action:';
const LANGUAGES = ['fr', 'es', 'de'];
const fast = { pendingMs: 100, ongoingMs: 200, outputsLagMs: 50, intermediateStatuses: false };

function eventFile(pr: { number: number; headRepo: string; fork: boolean; sha?: string }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ollang-event-'));
  const file = path.join(dir, 'event.json');
  writeFileSync(
    file,
    JSON.stringify({
      action: 'synchronize',
      number: pr.number,
      pull_request: { number: pr.number, head: { sha: pr.sha ?? SHA, repo: { full_name: pr.headRepo, fork: pr.fork } }, base: { repo: { full_name: 'octo/release' } } },
      repository: { full_name: 'octo/release' },
    }),
  );
  return file;
}

function prEnv(
  github: FakeGitHubApi,
  pr: { number: number; headRepo: string; fork: boolean; sha?: string } = { number: 7, headRepo: 'octo/release', fork: false },
  eventName = 'pull_request',
): Record<string, string> {
  return { GITHUB_API_URL: github.url, GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventFile(pr), GITHUB_REPOSITORY: 'octo/release', GITHUB_SHA: SHA };
}

/** The requests that write comments (not GraphQL's "whose token is this"). */
const commentWrites = (api: FakeGitHubApi, method: string) => api.requests.filter((r) => r.method === method && r.path.includes('/comments'));

function inputs(simulator: OllangSimulator, projectId: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': simulator.apiKey,
    'api-url': simulator.url,
    'project-id': projectId,
    'target-languages': LANGUAGES.join(', '),
    'poll-interval': '150ms',
    timeout: '30s',
    'github-token': TOKEN,
    ...extra,
  };
}

const log = (run: ActionRun): string => `exit ${run.exitCode}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;

/** The cost line of the comment: "Cost: 3 orders created, 0 reused". */
function costLine(body: string): string {
  return body.split('\n').find((line) => line.startsWith('Cost:')) ?? '';
}

/** Table rows (one per order) of a rendered summary or comment; the subtitle quality section's table after it is not read. */
function tableRows(markdown: string): string[] {
  return markdown
    .split('### Subtitle quality')[0]!
    .split('\n')
    .filter((line) => /^\| `[^`]+` \|/.test(line));
}

/** The language cell of each table row. */
function rowLanguages(markdown: string): string[] {
  return tableRows(markdown).map((line) => /^\| `([^`]+)`/.exec(line)![1]!);
}

describe('dist/index.js on GitHub: PR comment, fork skip, summary, annotations, logs', () => {
  let simulator: OllangSimulator;
  let github: FakeGitHubApi;
  beforeAll(async () => {
    simulator = await OllangSimulator.start({
      lifecycle: fast,
      projects: ['proj-pr', 'proj-forbidden', 'proj-off', 'proj-push'],
    });
    github = await startGitHubApi();
  });
  afterAll(async () => {
    await simulator.close();
    await github.close();
  });

  it('first run creates one comment; a second run reuses the orders and edits the same comment', async () => {
    const first = await runAction({ inputs: inputs(simulator, 'proj-pr'), env: prEnv(github) });
    expect(first.exitCode, log(first)).toBe(0);
    expect(first.outputs['status']).toBe('completed');
    expect(github.comments).toHaveLength(1);
    const comment = github.comments[0]!;
    expect(comment.issueNumber).toBe(7);
    const firstBody = comment.body;
    expect(firstBody.startsWith(MARKER_PREFIX)).toBe(true);
    expect(firstBody).toContain(`${MARKER_PREFIX}proj-pr%3Asubtitle -->`);
    expect(rowLanguages(firstBody).sort()).toEqual([...LANGUAGES].sort());
    expect(costLine(firstBody)).toBe('Cost: 3 orders created, 0 reused');
    expect(tableRows(firstBody).every((row) => row.includes('` (created) |'))).toBe(true);
    for (const order of parseOrders(first)) expect(firstBody).toContain(order.orderId);
    expect(commentWrites(github, 'POST')).toHaveLength(1);
    expect(github.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    // Which push and which run it describes.
    expect(firstBody.trimEnd().split('\n').at(-1)).toBe('Commit `0123456` · [workflow run](https://github.com/octo/release/actions/runs/4242)');
    expect(first.stdout).not.toContain(TOKEN);

    // Job summary: heading, a row per language, totals, the files as paths (never links into the repository), timings.
    const summary = first.summary;
    expect(summary).toMatch(/^## Ollang localization — ✅ completed$/m);
    expect(rowLanguages(summary).sort()).toEqual([...LANGUAGES].sort());
    expect(summary).toContain('3 orders: 3 created, 0 reused.');
    for (const order of parseOrders(first)) {
      expect(order.files.length).toBeGreaterThan(0);
      for (const file of order.files) {
        expect(file.startsWith(`localized/${order.language}/`)).toBe(true);
        expect(summary).toContain(`\`${file}\``);
      }
    }
    expect(summary).not.toContain('/blob/');
    expect(summary).toMatch(/^Waited \d.*, downloaded in \d.*in all\.$/m);

    // Logs: a group per phase, progress lines while waiting.
    expect(first.stdout).toMatch(/^::group::Choosing orders$/m);
    expect(first.stdout).toMatch(/^::group::Waiting for 3 order\(s\)/m);
    expect(first.stdout).toMatch(/^\d+\/3 finished.*next check in .*left$/m);
    // Every group is closed.
    expect(first.stdout.match(/^::group::/gm)!.length).toBe(first.stdout.match(/^::endgroup::$/gm)!.length);

    const createsBefore = simulator.count('create');
    const second = await runAction({ inputs: inputs(simulator, 'proj-pr'), env: prEnv(github) });
    expect(second.exitCode, log(second)).toBe(0);
    expect(second.outputs['status']).toBe('completed');
    expect(simulator.count('create')).toBe(createsBefore);
    expect(parseOrders(second).every((o) => !o.created)).toBe(true);
    expect(github.comments).toHaveLength(1);
    expect(commentWrites(github, 'POST')).toHaveLength(1);
    expect(commentWrites(github, 'PATCH').map((r) => r.path)).toEqual([`/repos/octo/release/issues/comments/${comment.id}`]);
    const secondBody = github.comments[0]!.body;
    expect(secondBody).not.toBe(firstBody);
    expect(costLine(secondBody)).toBe('Cost: 0 orders created, 3 reused');
    expect(tableRows(secondBody).every((row) => row.includes('` (reused) |'))).toBe(true);
    expect(rowLanguages(secondBody).sort()).toEqual([...LANGUAGES].sort());
    expect(second.summary).toContain('3 orders: 0 created, 3 reused.');

    if (process.env['SHOW_MARKDOWN']) console.log(`=== SUMMARY ===\n${summary}\n=== COMMENT ===\n${firstBody}`);
  });

  it('a token without write permission (403) is a warning naming the permission, not a failure', async () => {
    const forbidden = await startGitHubApi({ forbid: true });
    try {
      const run = await runAction({ inputs: inputs(simulator, 'proj-forbidden'), env: prEnv(forbidden) });
      expect(run.exitCode, log(run)).toBe(0);
      expect(run.outputs['status']).toBe('completed');
      expect(run.stdout).toMatch(/^::warning[^\n]*::[^\n]*HTTP 403[^\n]*pull-requests: write[^\n]*permission/m);
      expect(run.stdout).not.toMatch(/^::error/m);
      expect(forbidden.comments).toHaveLength(0);
      expect(forbidden.requests.some((r) => r.method === 'POST')).toBe(true);
      expect(run.stdout).not.toContain(TOKEN);
    } finally {
      await forbidden.close();
    }
  });

  it('a fork PR without an api-key is skipped with a notice: no request to Ollang or GitHub', async () => {
    const fork = await startGitHubApi();
    try {
      const before = simulator.requests.length;
      const run = await runAction({
        inputs: inputs(simulator, 'proj-pr', { 'api-key': '' }),
        env: prEnv(fork, { number: 8, headRepo: 'stranger/release', fork: true }),
      });
      expect(run.exitCode, log(run)).toBe(0);
      expect(run.stdout).toMatch(/^::notice[^\n]*::[^\n]*fork[^\n]*secrets[^\n]*API key/m);
      expect(run.stdout).not.toMatch(/^::(error|warning)/m);
      expect(simulator.requests.length).toBe(before);
      expect(fork.requests).toHaveLength(0);
      // A result line, last, like every other run's.
      expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
        'Ollang localization skipped: api-key is empty (a pull request from a fork gets no secrets); nothing was sent to Ollang.',
      );
    } finally {
      await fork.close();
    }
  });

  it('an empty api-key on a PR from the same repository still fails (the skip is for forks only)', async () => {
    const run = await runAction({ inputs: inputs(simulator, 'proj-pr', { 'api-key': '' }), env: prEnv(github, { number: 9, headRepo: 'octo/release', fork: false }) });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^::error::.*api-key/m);
  });

  it.each([
    // head.repo.fork only says the head repository is itself a fork: so is a branch of a forked repository.
    ['a branch PR in a repository that is itself a fork', { number: 9, headRepo: 'octo/release', fork: true }, 'pull_request'],
    // GitHub passes secrets to pull_request_target runs: an empty key there is a missing secret.
    ['pull_request_target from a fork', { number: 10, headRepo: 'stranger/release', fork: true }, 'pull_request_target'],
  ])('an empty api-key on %s is an input error, not a fork skip', async (_what, pr, eventName) => {
    const quiet = await startGitHubApi();
    try {
      const run = await runAction({ inputs: inputs(simulator, 'proj-pr', { 'api-key': '', 'pr-comment': 'false' }), env: prEnv(quiet, pr, eventName) });
      expect(run.exitCode, log(run)).toBe(1);
      expect(run.stdout).toMatch(/^::error::Input 'api-key': is required and is empty/m);
      expect(run.stdout).not.toContain('comes from a fork');
    } finally {
      await quiet.close();
    }
  });

  it('a comment someone else planted with the marker is never edited: the action writes its own', async () => {
    const api = await startGitHubApi();
    try {
      const planted = `${MARKER_PREFIX}proj-pr%3Asubtitle -->\n### Ollang localization — ✅ completed\n\nAll good, merge away.`;
      api.comments.push({ id: 555, issueNumber: 7, user: { login: 'mallory', type: 'User' }, body: planted });
      const first = await runAction({ inputs: inputs(simulator, 'proj-pr'), env: prEnv(api) });
      expect(first.exitCode, log(first)).toBe(0);
      expect(api.comments.find((c) => c.id === 555)?.body).toBe(planted);
      expect(commentWrites(api, 'PATCH')).toEqual([]);
      expect(commentWrites(api, 'POST')).toHaveLength(1);
      const own = api.comments.find((c) => c.id !== 555)!;
      expect(own.user).toEqual({ login: 'github-actions[bot]', type: 'Bot' });
      // The next run finds its own comment (and still not mallory's).
      const second = await runAction({ inputs: inputs(simulator, 'proj-pr'), env: prEnv(api) });
      expect(second.exitCode, log(second)).toBe(0);
      expect(commentWrites(api, 'PATCH').map((r) => r.path)).toEqual([`/repos/octo/release/issues/comments/${own.id}`]);
      expect(api.comments).toHaveLength(2);
    } finally {
      await api.close();
    }
  });

  it("with a person's token, the comment is that person's: found again by who wrote it, not by a bot's type", async () => {
    const api = await startGitHubApi({ viewer: { login: 'release-manager', type: 'User' } });
    try {
      const bot = `${MARKER_PREFIX}proj-pr%3Asubtitle -->\nan older comment written with GITHUB_TOKEN`;
      api.comments.push({ id: 556, issueNumber: 7, user: { login: 'github-actions[bot]', type: 'Bot' }, body: bot });
      await runAction({ inputs: inputs(simulator, 'proj-pr'), env: prEnv(api) });
      await runAction({ inputs: inputs(simulator, 'proj-pr'), env: prEnv(api) });
      expect(api.comments.find((c) => c.id === 556)?.body).toBe(bot);
      const own = api.comments.filter((c) => c.user.login === 'release-manager');
      expect(own).toHaveLength(1);
      expect(commentWrites(api, 'PATCH').map((r) => r.path)).toEqual([`/repos/octo/release/issues/comments/${own[0]!.id}`]);
    } finally {
      await api.close();
    }
  });

  it("a later push that stops on bad inputs replaces the earlier push's ✅ comment: failed, why, which commit and run", async () => {
    const api = await startGitHubApi();
    try {
      const push = (sha: string, extra: Record<string, string>, runId: string) =>
        runAction({ inputs: inputs(simulator, 'proj-pr', extra), env: { ...prEnv(api, { number: 7, headRepo: 'octo/release', fork: false, sha }), GITHUB_RUN_ID: runId } });
      const first = await push('1111111111111111111111111111111111111111', {}, '100');
      expect(first.exitCode, log(first)).toBe(0);
      expect(api.comments).toHaveLength(1);
      expect(api.comments[0]!.body).toContain('✅ completed');
      expect(api.comments[0]!.body).toContain('Commit `1111111` · [workflow run](https://github.com/octo/release/actions/runs/100)');

      const second = await push('2222222222222222222222222222222222222222', { 'target-languages': 'fr, fr', level: '3' }, '101');
      expect(second.exitCode, log(second)).toBe(1);
      expect(api.comments).toHaveLength(1);
      const body = api.comments[0]!.body;
      expect(body.startsWith(`${MARKER_PREFIX}proj-pr%3Asubtitle -->\n### Ollang localization — ❌ failed\n`)).toBe(true);
      expect(body).toContain('**What went wrong:** 2 inputs are not valid, so nothing was sent to Ollang.');
      expect(body).toMatch(/^- `target-languages`: Input 'target\\-languages': &quot;fr&quot; is listed more than once/m);
      expect(body).toMatch(/^- `level`: Input 'level'/m);
      expect(body).not.toContain('✅');
      expect(body).toContain('Commit `2222222` · [workflow run](https://github.com/octo/release/actions/runs/101)');
    } finally {
      await api.close();
    }
  });

  it('pr-comment: false sends nothing to GitHub', async () => {
    const quiet = await startGitHubApi();
    try {
      const run = await runAction({ inputs: inputs(simulator, 'proj-off', { 'pr-comment': 'false' }), env: prEnv(quiet) });
      expect(run.exitCode, log(run)).toBe(0);
      expect(quiet.requests).toHaveLength(0);
      expect(run.summary).toContain('Ollang localization');
    } finally {
      await quiet.close();
    }
  });

  it('a push event writes the summary but no comment', async () => {
    const quiet = await startGitHubApi();
    try {
      const run = await runAction({
        inputs: inputs(simulator, 'proj-push'),
        env: { GITHUB_API_URL: quiet.url, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventFile({ number: 7, headRepo: 'octo/release', fork: false }) },
      });
      expect(run.exitCode, log(run)).toBe(0);
      expect(quiet.requests).toHaveLength(0);
      expect(quiet.comments).toHaveLength(0);
      expect(run.summary).toMatch(/^## Ollang localization/m);
    } finally {
      await quiet.close();
    }
  });

  it('an order that does not finish in time is a warning annotation naming its language and order', async () => {
    const stuck = await OllangSimulator.start({ lifecycle: fast, projects: ['proj-stuck'], languages: { de: { outcome: 'stuck' } } });
    const comments = await startGitHubApi();
    try {
      const run = await runAction({
        inputs: { ...inputs(stuck, 'proj-stuck'), 'api-url': stuck.url, 'api-key': stuck.apiKey, timeout: '1500ms', 'on-timeout': 'continue' },
        env: prEnv(comments),
      });
      expect(run.exitCode, log(run)).toBe(0);
      expect(run.outputs['status']).toBe('timed-out');
      const de = parseOrders(run).find((o) => o.language === 'de')!;
      expect(de.status).toBe('timed-out');
      const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning'));
      expect(warnings.filter((line) => line.includes(de.orderId) && /\bde\b/.test(line)), warnings.join('\n')).toHaveLength(1);
      expect(run.stdout).toMatch(/^2\/3 finished, 1 ongoing; next check in .*; .* left$/m);
      expect(comments.comments).toHaveLength(1);
      expect(comments.comments[0]!.body).toMatch(/\| `de` \| ⏱️ timed\\?-out — left running \\\(on\\-timeout: continue\\\) \|/);
    } finally {
      await stuck.close();
      await comments.close();
    }
  });

  it('a failed order is a warning annotation naming its language and order; the comment lists it', async () => {
    const failing = await OllangSimulator.start({ lifecycle: fast, projects: ['proj-fail'], languages: { de: { outcome: 'failed' } } });
    const comments = await startGitHubApi();
    try {
      const run = await runAction({ inputs: { ...inputs(failing, 'proj-fail'), 'api-url': failing.url, 'api-key': failing.apiKey }, env: prEnv(comments) });
      expect(run.outputs['status']).toBe('partial');
      const de = parseOrders(run).find((o) => o.language === 'de')!;
      expect(de.status).toBe('failed');
      const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning'));
      expect(warnings.some((line) => line.includes(de.orderId) && /\bde\b/.test(line)), warnings.join('\n')).toBe(true);
      // The healthy languages raise no annotation.
      for (const other of parseOrders(run).filter((o) => o.language !== 'de')) {
        expect(warnings.some((line) => line.includes(other.orderId))).toBe(false);
      }
      expect(run.summary).toMatch(/^## Ollang localization — ⚠️ partial$/m);
      expect(run.summary).toContain('### Problems');
      expect(comments.comments).toHaveLength(1);
      expect(comments.comments[0]!.body).toContain(de.orderId);
      expect(comments.comments[0]!.body).toContain('**Problems**');
    } finally {
      await failing.close();
      await comments.close();
    }
  });
});
