/**
 * Issue 14, "Links that resolve": the `artifact` input through the bundled action, against the
 * simulator, a local fake of the Actions artifact service (test/fakes/artifact-service.ts, the
 * twirp API and blob upload @actions/artifact speaks) and the fake GitHub REST API for the PR
 * comment. The summary and the comment link the artifact and nothing else: never a
 * `blob/<sha>/<path>` link to a file that is not in that commit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OllangSimulator } from '../simulator/index.ts';
import { startArtifactService, type FakeArtifactService } from '../fakes/artifact-service.ts';
import { startGitHubApi, type FakeGitHubApi } from '../fakes/github-api.ts';
import { parseOrders, runAction, type ActionRun } from './harness.ts';

const FAST = { pendingMs: 100, ongoingMs: 200, outputsLagMs: 50, intermediateStatuses: false };
const SHA = '0123456789abcdef0123456789abcdef01234567';
/** The workflow run the harness's environment names (GITHUB_RUN_ID 4242). */
const RUN_URL = 'https://github.com/octo/release/actions/runs/4242';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function services(): Promise<{ sim: OllangSimulator; artifacts: FakeArtifactService; github: FakeGitHubApi }> {
  const sim = await OllangSimulator.start({ lifecycle: FAST });
  const artifacts = await startArtifactService();
  const github = await startGitHubApi();
  closers.push(
    () => sim.close(),
    () => artifacts.close(),
    () => github.close(),
  );
  return { sim, artifacts, github };
}

function prEnv(github: FakeGitHubApi): Record<string, string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ollang-event-')), 'event.json');
  writeFileSync(
    file,
    JSON.stringify({
      number: 7,
      pull_request: { number: 7, head: { sha: SHA, repo: { full_name: 'octo/release', fork: false } } },
      repository: { full_name: 'octo/release' },
    }),
  );
  return { GITHUB_API_URL: github.url, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file, GITHUB_SHA: SHA };
}

function run(sim: OllangSimulator, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: {
      'api-key': sim.apiKey,
      'api-url': sim.url,
      'project-id': 'proj-demo',
      'target-languages': 'fr, es',
      'poll-interval': '150ms',
      timeout: '20s',
      'github-token': 'ghs_fakeTokenForTests0123456789',
      ...inputs,
    },
    env,
    timeoutMs: 45_000,
  });
}

const log = (r: ActionRun): string => `exit ${r.exitCode}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}\n--- summary\n${r.summary}`;

/** Every Markdown link target in a text. */
function linkTargets(markdown: string): string[] {
  return Array.from(markdown.matchAll(/\]\(([^)\s]+)\)/g), (m) => m[1]!);
}

describe('the artifact input', () => {
  it('uploads exactly the downloaded files; the summary, the PR comment and artifact-url link the artifact, never a file in the repository', async () => {
    const { sim, artifacts, github } = await services();
    const r = await run(sim, { artifact: 'subtitles' }, { ...artifacts.env, ...prEnv(github) });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('completed');

    const [artifact, ...others] = artifacts.artifacts();
    expect(others).toEqual([]);
    expect(artifact?.name).toBe('subtitles');
    const files = parseOrders(r).flatMap((o) => o.files);
    expect(files).toHaveLength(4);
    expect([...artifact!.files.keys()].sort()).toEqual([...files].sort());
    for (const file of files) expect(artifact!.files.get(file)?.equals(readFileSync(path.join(r.workspace, file))), file).toBe(true);

    const url = `https://github.com/octo/release/actions/runs/4242/artifacts/${artifact!.id}`;
    expect(r.outputs['artifact-url']).toBe(url);
    expect(linkTargets(r.summary)).toEqual([url]);
    expect(r.summary).toContain(`Files: in the artifact [\`subtitles\`](${url}), at the paths above.`);
    for (const file of files) expect(r.summary).toContain(`\`${file}\``);

    expect(github.comments).toHaveLength(1);
    const body = github.comments[0]!.body;
    // The artifact, and the run the comment describes.
    expect(linkTargets(body)).toEqual([url, RUN_URL]);
    expect(body).not.toContain('/blob/');
    expect(r.stdout.split('\n').filter(Boolean).at(-1)).toBe(
      `Ollang localization completed: 2 orders (2 created, 0 reused), 2 with files; 4 files downloaded to localized; artifact subtitles: ${url}.`,
    );
  });

  it('without the artifact service (a local run): a notice, never a failure, and no wait', async () => {
    const { sim, github } = await services();
    const r = await run(sim, { artifact: 'subtitles' }, prEnv(github));
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('completed');
    expect(r.outputs['artifact-url']).toBe('');
    expect(r.stdout).toMatch(/^::notice title=No artifact::Artifact subtitles not uploaded: this runner offers no artifact service/m);
    expect(r.stdout).not.toMatch(/^::(warning|error)/m);
    expect(r.summary).toContain("Files: in this job's workspace only; the artifact `subtitles` was not uploaded (this runner offers no artifact service");
    expect(linkTargets(r.summary)).toEqual([]);
    expect(linkTargets(github.comments[0]?.body ?? '')).toEqual([RUN_URL]);
  });

  it('a name another job of this attempt used: a warning that says what to do, the other artifact is kept, and the run still succeeds', async () => {
    const { sim, artifacts } = await services();
    const first = await run(sim, { artifact: 'subtitles' }, artifacts.env);
    expect(first.exitCode, log(first)).toBe(0);
    const second = await run(sim, { artifact: 'subtitles' }, artifacts.env);
    expect(second.exitCode, log(second)).toBe(0);
    expect(second.outputs['status']).toBe('completed');
    expect(second.outputs['artifact-url']).toBe('');
    expect(second.stdout).toMatch(/^::warning title=Artifact not uploaded::Could not upload artifact subtitles: .*409.*in a matrix, put the matrix value in the name/m);
    expect(artifacts.artifacts()).toHaveLength(1);
    expect(artifacts.requests.filter((r) => r.path.endsWith('/DeleteArtifact'))).toEqual([]);
  });

  it('a re-run (attempt 2) replaces the partial artifact its attempt 1 uploaded, and links the new one', async () => {
    const sim = await OllangSimulator.start({ lifecycle: FAST, languages: { es: { lifecycle: { pendingMs: 2500, ongoingMs: 200, outputsLagMs: 50 } } } });
    const artifacts = await startArtifactService();
    closers.push(
      () => sim.close(),
      () => artifacts.close(),
    );
    const attempt = (n: number, timeout: string) =>
      runAction({
        inputs: { 'api-key': sim.apiKey, 'api-url': sim.url, 'project-id': 'proj-demo', 'target-languages': 'fr, es', 'poll-interval': '150ms', timeout, artifact: 'subtitles' },
        env: { ...artifacts.env, GITHUB_RUN_ATTEMPT: String(n) },
        timeoutMs: 45_000,
      });
    const first = await attempt(1, '1500ms');
    expect(first.outputs['status'], log(first)).toBe('timed-out');
    expect(artifacts.artifacts().map((a) => a.files.size)).toEqual([2]); // fr only

    const second = await attempt(2, '20s');
    expect(second.exitCode, log(second)).toBe(0);
    expect(second.outputs['status']).toBe('completed');
    const files = parseOrders(second).flatMap((o) => o.files);
    expect(files).toHaveLength(4);
    const [artifact, ...others] = artifacts.artifacts();
    expect(others).toEqual([]);
    expect([...artifact!.files.keys()].sort()).toEqual([...files].sort());
    expect(second.outputs['artifact-url']).toBe(`https://github.com/octo/release/actions/runs/4242/artifacts/${artifact!.id}`);
    expect(second.stdout).toContain('Attempt 2 of this workflow run: replacing the artifact subtitles an earlier attempt uploaded.');
    // The quality check's warnings (the simulator's long French lines) are not the artifact's.
    expect(second.stdout).not.toMatch(/^::warning(?! title=Subtitle quality)/m);
  });

  it('a name the artifact service refuses is an input error, before any request to Ollang', async () => {
    const { sim } = await services();
    const r = await run(sim, { artifact: 'subtitles/fr' });
    expect(r.exitCode, log(r)).toBe(1);
    expect(sim.requests).toHaveLength(0);
    expect(r.stdout).toMatch(/^::error::Input 'artifact': "subtitles\/fr" contains a character artifact names cannot have/m);
    expect(r.summary).toContain("- `artifact`: Input 'artifact':");
  });
});
