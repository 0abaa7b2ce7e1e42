/**
 * .github/workflows/release.yml's release job, its scripts run as the runner runs them
 * (`bash -eo pipefail`) with a stand-in `gh` that knows which releases are published, and for
 * the major tag a real git repository with a bare `origin`. What is judged against the published
 * releases, not the tags: which release is GitHub's "Latest", and where `v1` moves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../dist/harness.ts';

interface Workflow {
  jobs: Record<string, { steps: { name?: string; run?: string }[] }>;
}

function script(name: string): string {
  const workflow = parse(readFileSync(path.join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8')) as Workflow;
  const found = workflow.jobs['release']?.steps.find((step) => step.name === name)?.run;
  if (!found) throw new Error(`release.yml has no step ${name}`);
  return found;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'release-yml-'));
  dirs.push(dir);
  return dir;
}

/** A `gh` that lists `published` as the published releases (newest first, as gh does) and records every call. */
function fakeGh(published: string[]): { bin: string; calls: () => string[] } {
  const bin = tempDir();
  const calls = path.join(bin, 'calls');
  writeFileSync(calls, '');
  writeFileSync(
    path.join(bin, 'gh'),
    [
      '#!/bin/bash',
      `echo "$*" >> '${calls}'`,
      'case "$1 $2" in',
      '  "release view") exit 1 ;;',
      `  "release list") [[ " $* " == *" --json tagName "* && " $* " == *" --jq .[].tagName "* ]] || exit 2; printf '%s\\n' ${published.map((t) => `'${t}'`).join(' ')} ;;`,
      'esac',
      '',
    ].join('\n'),
  );
  chmodSync(path.join(bin, 'gh'), 0o755);
  return { bin, calls: () => readFileSync(calls, 'utf8').split('\n').filter(Boolean) };
}

function runStep(name: string, env: Record<string, string>, cwd: string): { status: number | null; stdout: string; stderr: string } {
  const file = path.join(tempDir(), 'step.sh');
  writeFileSync(file, script(name));
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir(), ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('release.yml: Publish the GitHub release', () => {
  function publish(tag: string, published: string[], prerelease = false): string {
    const gh = fakeGh(published);
    const temp = tempDir();
    const r = runStep(
      'Publish the GitHub release',
      {
        PATH: `${gh.bin}:${process.env['PATH'] ?? ''}`,
        RUNNER_TEMP: temp,
        GH_TOKEN: 'x',
        TAG: tag,
        PRERELEASE: String(prerelease),
        NOTES: '- a fix',
      },
      temp,
    );
    expect(r.status, r.stderr).toBe(0);
    const create = gh.calls().find((call) => call.startsWith('release create'));
    expect(create, gh.calls().join('\n')).toBeDefined();
    return create!;
  }

  it('a fix on an older line (v1.1.1 after v1.2.0) is published without becoming "Latest"', () => {
    expect(publish('v1.1.1', ['v1.2.0', 'v1.1.0', 'v1.0.0'])).toMatch(/^release create v1\.1\.1 --verify-tag .* --latest=false$/);
  });

  it('the highest version becomes "Latest", also over a tag whose release was never published', () => {
    expect(publish('v1.2.1', ['v1.2.0', 'v1.1.0'])).toMatch(/ --latest$/);
    expect(publish('v2.0.0', ['v1.10.0', 'v1.9.0'])).toMatch(/ --latest$/);
    expect(publish('v1.10.0', ['v1.9.0'])).toMatch(/ --latest$/);
  });

  it('a pre-release is only a pre-release', () => {
    expect(publish('v1.3.0-rc.1', ['v1.2.0'], true)).toMatch(/ --prerelease$/);
  });
});

describe('release.yml: Move the major tag forward', () => {
  const git = (cwd: string, ...args: string[]): string => {
    const r = spawnSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };

  /** A clone whose origin has a commit per tag, and v1 on `v1At`. */
  function repository(tags: string[], v1At: string): { clone: string; origin: string } {
    const origin = tempDir();
    git(origin, 'init', '--bare', '-q');
    const work = tempDir();
    git(work, 'init', '-q');
    for (const tag of tags) {
      git(work, 'commit', '-q', '--allow-empty', '-m', tag);
      git(work, 'tag', '-a', tag, '-m', tag);
    }
    git(work, 'tag', '-a', 'v1', '-m', 'v1', `${v1At}^{commit}`);
    git(work, 'remote', 'add', 'origin', origin);
    git(work, 'push', '-q', 'origin', 'HEAD:refs/heads/main', '--tags');
    return { clone: work, origin };
  }

  it('a failed v1.3.0 (tagged, never released) does not keep v1 from the v1.2.1 fix', () => {
    const { clone, origin } = repository(['v1.1.0', 'v1.2.0', 'v1.3.0', 'v1.2.1'], 'v1.2.0');
    const gh = fakeGh(['v1.2.1', 'v1.2.0', 'v1.1.0']);
    const summary = path.join(tempDir(), 'summary');
    const r = runStep(
      'Move the major tag forward',
      { PATH: `${gh.bin}:${process.env['PATH'] ?? ''}`, GH_TOKEN: 'x', TAG: 'v1.2.1', MAJOR: 'v1', GITHUB_STEP_SUMMARY: summary },
      clone,
    );
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(git(origin, 'rev-parse', 'v1.2.1^{commit}'));
    expect(readFileSync(summary, 'utf8')).toContain('Moved v1 to v1.2.1');
  });

  it('a fix on an older line leaves v1 on the newest release', () => {
    const { clone, origin } = repository(['v1.1.0', 'v1.2.0', 'v1.1.1'], 'v1.2.0');
    const gh = fakeGh(['v1.1.1', 'v1.2.0', 'v1.1.0']);
    const r = runStep(
      'Move the major tag forward',
      {
        PATH: `${gh.bin}:${process.env['PATH'] ?? ''}`,
        GH_TOKEN: 'x',
        TAG: 'v1.1.1',
        MAJOR: 'v1',
        GITHUB_STEP_SUMMARY: path.join(tempDir(), 's'),
      },
      clone,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('v1.1.1 is not the newest v1 release (v1.2.0 is)');
    expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(git(origin, 'rev-parse', 'v1.2.0^{commit}'));
  });
});
