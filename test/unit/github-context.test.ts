/** What the action reads of the workflow run (src/github-context.ts): above all, when a pull request is a fork's. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readWorkflowContext, workflowRunUrl } from '../../src/github-context.ts';

function env(eventName: string, pullRequest: object): Record<string, string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ctx-')), 'event.json');
  writeFileSync(file, JSON.stringify({ number: 7, pull_request: { number: 7, ...pullRequest } }));
  return { GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: file, GITHUB_REPOSITORY: 'acme/site' };
}

const isFork = (eventName: string, head: object): boolean | undefined =>
  readWorkflowContext(env(eventName, { head }), '/ws').pullRequest?.isFork;

describe('a fork pull request (GitHub gives its pull_request runs no secrets)', () => {
  it.each([
    ['a head in another repository', 'pull_request', { repo: { full_name: 'mallory/site', fork: true } }, true],
    ['a head whose repository was deleted (head.repo null)', 'pull_request', { repo: null }, true],
    ['a branch of this repository', 'pull_request', { repo: { full_name: 'acme/site', fork: false } }, false],
    // head.repo.fork says the head repository is itself a fork: so is every branch of a forked repository.
    ['a branch of this repository, which is itself a fork', 'pull_request', { repo: { full_name: 'acme/site', fork: true } }, false],
    ['a branch, with the name in another letter case', 'pull_request', { repo: { full_name: 'Acme/Site', fork: false } }, false],
    // pull_request_target runs in the base repository, with its secrets.
    [
      'pull_request_target for a head in another repository',
      'pull_request_target',
      { repo: { full_name: 'mallory/site', fork: true } },
      false,
    ],
    ['an event without the head repository', 'pull_request', {}, false],
  ])('%s: %s', (_what, eventName, head, expected) => {
    expect(isFork(eventName, head)).toBe(expected);
  });

  it('keeps the head commit the pull request shows (a hex SHA only)', () => {
    const sha = 'a'.repeat(40);
    expect(readWorkflowContext(env('pull_request', { head: { sha } }), '/ws').pullRequest?.headSha).toBe(sha);
    expect(readWorkflowContext(env('pull_request', { head: { sha: '`x`' } }), '/ws').pullRequest?.headSha).toBeUndefined();
  });
});

describe('workflowRunUrl', () => {
  it('links the run from what GitHub sets, and nothing when a part is missing or odd', () => {
    const base = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/site', GITHUB_RUN_ID: '42' };
    expect(workflowRunUrl(base)).toBe('https://github.com/acme/site/actions/runs/42');
    expect(workflowRunUrl({ ...base, GITHUB_SERVER_URL: 'https://ghes.example/' })).toBe('https://ghes.example/acme/site/actions/runs/42');
    expect(workflowRunUrl({ ...base, GITHUB_RUN_ID: '' })).toBeUndefined();
    expect(workflowRunUrl({ ...base, GITHUB_REPOSITORY: 'acme/site)[x](y' })).toBeUndefined();
  });
});
