import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertPrComment, type PrCommentTarget } from '../../src/report/pr-comment.ts';
import { commentMarker } from '../../src/report/summary.ts';
import { startGitHubApi, type FakeGitHubApi } from '../fakes/github-api.ts';
import { recordingLog } from './run-helpers.ts';

const TOKEN = 'ghs_secretTokenValue123';
const marker = commentMarker('proj_1:subtitle');

describe('upsertPrComment against a fake GitHub API', () => {
  let api: FakeGitHubApi;
  let target: PrCommentTarget;

  beforeEach(async () => {
    api = await startGitHubApi();
    target = { token: TOKEN, apiUrl: api.url, owner: 'acme', repo: 'site', issueNumber: 7 };
  });
  afterEach(async () => {
    await api.close();
  });

  it('creates the comment, then updates the same one in place', async () => {
    const log = recordingLog();
    expect(await upsertPrComment(target, `${marker}\nfirst`, marker, log)).toBe('created');
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]?.issueNumber).toBe(7);

    expect(await upsertPrComment(target, `${marker}\nsecond`, marker, log)).toBe('updated');
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]?.body).toBe(`${marker}\nsecond`);

    // Whose token it is is asked only once a comment carries the marker.
    expect(api.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /repos/acme/site/issues/7/comments',
      'POST /repos/acme/site/issues/7/comments',
      'GET /repos/acme/site/issues/7/comments',
      'POST /graphql',
      `PATCH /repos/acme/site/issues/comments/${api.comments[0]?.id}`,
    ]);
    expect(api.requests[0]?.path).toContain('per_page=100');
    expect(api.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(log.records.filter((l) => l.level === 'warning')).toEqual([]);
    expect(JSON.stringify(log.records)).not.toContain(TOKEN);
  });

  it('keeps separate comments for separate markers', async () => {
    const log = recordingLog();
    const other = commentMarker('proj_1:aiDubbing');
    await upsertPrComment(target, `${marker}\nsubtitles`, marker, log);
    expect(await upsertPrComment(target, `${other}\ndubbing`, other, log)).toBe('created');
    expect(api.comments).toHaveLength(2);
  });

  it('finds its comment past the first page, and never a human quoting it', async () => {
    for (let i = 0; i < 150; i += 1) {
      api.comments.push({ id: i + 1, body: `chatter ${i}`, user: { login: 'dev', type: 'User' }, issueNumber: 7 });
    }
    api.comments.push({ id: 500, body: `> ${marker}\n> quoted`, user: { login: 'dev', type: 'User' }, issueNumber: 7 });
    api.comments.push({ id: 501, body: `${marker}\nold`, user: { login: 'github-actions[bot]', type: 'Bot' }, issueNumber: 7 });

    const log = recordingLog();
    expect(await upsertPrComment(target, `${marker}\nnew`, marker, log)).toBe('updated');
    expect(api.comments.find((c) => c.id === 501)?.body).toBe(`${marker}\nnew`);
    expect(api.comments.find((c) => c.id === 500)?.body).toContain('quoted');
    expect(api.requests.filter((r) => r.method === 'GET')).toHaveLength(2);
  });

  it('never edits a comment someone else wrote with the marker (it is public): writes its own, then keeps to it', async () => {
    const planted = `${marker}\n### Ollang localization — ✅ completed\n\nAll good, merge away.`;
    api.comments.push({ id: 555, body: planted, user: { login: 'mallory', type: 'User' }, issueNumber: 7 });
    // A user named like the bot is still not the bot.
    api.comments.push({ id: 556, body: planted, user: { login: 'github-actions[bot]', type: 'User' }, issueNumber: 7 });
    expect(await upsertPrComment(target, `${marker}\nfirst`, marker, recordingLog())).toBe('created');
    expect(await upsertPrComment(target, `${marker}\nsecond`, marker, recordingLog())).toBe('updated');
    expect(api.comments.filter((c) => c.body === planted).map((c) => c.id)).toEqual([555, 556]);
    expect(api.comments.at(-1)).toMatchObject({ body: `${marker}\nsecond`, user: { login: 'github-actions[bot]', type: 'Bot' } });
    expect(api.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([
      `/repos/acme/site/issues/comments/${api.comments.at(-1)?.id}`,
    ]);
  });

  it("with a GitHub App's or a person's token: the comments of the account GraphQL's viewer names", async () => {
    const app = await startGitHubApi({ viewer: { login: 'ollang-bot[bot]', type: 'Bot' } });
    try {
      app.comments.push({
        id: 601,
        body: `${marker}\nby GITHUB_TOKEN`,
        user: { login: 'github-actions[bot]', type: 'Bot' },
        issueNumber: 7,
      });
      app.comments.push({ id: 602, body: `${marker}\nours`, user: { login: 'ollang-bot[bot]', type: 'Bot' }, issueNumber: 7 });
      expect(await upsertPrComment({ ...target, apiUrl: app.url }, `${marker}\nnew`, marker, recordingLog())).toBe('updated');
      expect(app.comments.map((c) => c.body)).toEqual([`${marker}\nby GITHUB_TOKEN`, `${marker}\nnew`]);
    } finally {
      await app.close();
    }
  });

  it('where GraphQL cannot say whose token it is, takes it for GITHUB_TOKEN (github-actions[bot])', async () => {
    const plain = await startGitHubApi({ graphql: false });
    try {
      plain.comments.push({ id: 701, body: `${marker}\nplanted`, user: { login: 'mallory', type: 'User' }, issueNumber: 7 });
      plain.comments.push({ id: 702, body: `${marker}\nold`, user: { login: 'github-actions[bot]', type: 'Bot' }, issueNumber: 7 });
      const log = recordingLog();
      expect(await upsertPrComment({ ...target, apiUrl: plain.url }, `${marker}\nnew`, marker, log)).toBe('updated');
      expect(plain.comments.map((c) => c.body)).toEqual([`${marker}\nplanted`, `${marker}\nnew`]);
      expect(log.at('warning')).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it('answers 403 (read-only token on a fork PR) with a warning and skipped, never a throw', async () => {
    api.setForbid(true);
    const log = recordingLog();
    expect(await upsertPrComment(target, `${marker}\nbody`, marker, log)).toBe('skipped');
    const warnings = log.records.filter((l) => l.level === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('pull-requests: write');
    expect(warnings[0]?.message).toContain('403');
    expect(JSON.stringify(log.records)).not.toContain(TOKEN);
    expect(api.comments).toHaveLength(0);

    // The same when the comment exists and only the update is refused.
    api.setForbid(false);
    await upsertPrComment(target, `${marker}\nbody`, marker, recordingLog());
    api.setForbid(true);
    const again = recordingLog();
    expect(await upsertPrComment(target, `${marker}\nchanged`, marker, again)).toBe('skipped');
    expect(api.comments[0]?.body).toBe(`${marker}\nbody`);
  });

  it('turns an unreachable API into a warning too', async () => {
    await api.close();
    const log = recordingLog();
    const result = await upsertPrComment({ ...target, apiUrl: 'http://127.0.0.1:9' }, 'x', marker, log);
    expect(result).toBe('skipped');
    expect(log.records.some((l) => l.level === 'warning')).toBe(true);
    api = await startGitHubApi(); // for afterEach
  });
});
