/**
 * A stand-in for the GitHub CLI (`gh`), for running the `run:` steps of examples/*.yml in the
 * test suite. It knows the subcommands the examples use, keeps issues and labels in a JSON file
 * (FAKE_GH_STATE), and behaves like gh where the examples depend on it: it needs GH_TOKEN and
 * GH_REPO (a job without a checkout has no git remote to infer the repository from), `--jq`
 * filters with jq and prints raw strings, `issue list` shows the newest first.
 *
 *   gh label create NAME [--color C] [--description D] [--force]
 *   gh issue list [--label L] [--state open|closed|all] [--limit N] --json FIELDS [--jq EXPR]
 *   gh issue view NUMBER --json FIELDS [--jq EXPR]
 *   gh issue create --title T [--label L] --body B
 *   gh issue edit NUMBER [--body B] [--title T]
 *   gh issue close NUMBER [--comment C]
 *
 * Run it with Node 24 (type stripping): `node test/fakes/gh-cli.ts ...`; see ghShim().
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  comments: string[];
}

export interface FakeGhState {
  labels: string[];
  issues: FakeIssue[];
  /** Every command line, for tests to read. */
  calls: string[][];
}

export function readGhState(file: string): FakeGhState {
  if (!existsSync(file)) return { labels: [], issues: [], calls: [] };
  return JSON.parse(readFileSync(file, 'utf8')) as FakeGhState;
}

/**
 * A folder holding an executable `gh` that runs this file with `node` (Node 24), and an empty
 * state file. Put the folder first on PATH and FAKE_GH_STATE in the environment.
 */
export function ghShim(node: string): { bin: string; state: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'fake-gh-'));
  const self = fileURLToPath(import.meta.url);
  const bin = path.join(dir, 'gh');
  writeFileSync(bin, `#!/bin/sh\nexec "${node}" "${self}" "$@"\n`);
  chmodSync(bin, 0o755);
  const state = path.join(dir, 'state.json');
  writeFileSync(state, JSON.stringify({ labels: [], issues: [], calls: [] } satisfies FakeGhState));
  return { bin: dir, state };
}

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseArgs(args: string[]): { positional: string[]; flags: Record<string, string> } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (name === 'force') flags[name] = 'true';
      else if (inline !== undefined) flags[name] = inline;
      else {
        const value = args[i + 1];
        if (value === undefined) fail(`flag needs an argument: --${name}`);
        flags[name] = value;
        i += 1;
      }
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

function print(value: unknown, jq: string | undefined): void {
  const json = JSON.stringify(value);
  if (jq === undefined) {
    process.stdout.write(`${json}\n`);
    return;
  }
  const result = spawnSync('jq', ['-r', jq], { input: json, encoding: 'utf8' });
  if (result.status !== 0) fail(`fake gh: jq failed: ${result.stderr}`);
  process.stdout.write(result.stdout);
}

function pick(issue: FakeIssue, fields: string | undefined): Record<string, unknown> {
  const all: Record<string, unknown> = {
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state.toUpperCase(),
    labels: issue.labels.map((name) => ({ name })),
  };
  if (fields === undefined) fail('fake gh: --json FIELDS is required here (the examples always pass it)');
  return Object.fromEntries(fields.split(',').map((field) => [field, all[field]]));
}

function main(): void {
  const stateFile = process.env['FAKE_GH_STATE'];
  if (!stateFile) fail('fake gh: FAKE_GH_STATE is not set');
  const state = readGhState(stateFile);
  const args = process.argv.slice(2);
  state.calls.push(args);
  const save = (): void => writeFileSync(stateFile, JSON.stringify(state, null, 2));
  save();

  if (!process.env['GH_TOKEN'] && !process.env['GITHUB_TOKEN']) {
    fail('gh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment variable.', 4);
  }
  if (!process.env['GH_REPO']) fail('failed to determine base repo: fatal: not a git repository (or any of the parent directories): .git');

  const [group, command, ...rest] = args;
  const { positional, flags } = parseArgs(rest);
  const issueByNumber = (text: string | undefined): FakeIssue => {
    const issue = state.issues.find((i) => String(i.number) === text);
    if (!issue) fail(`GraphQL: Could not resolve to an issue or pull request with the number of ${text}.`);
    return issue;
  };

  if (group === 'label' && command === 'create') {
    const name = positional[0] ?? fail('fake gh: label create needs a name');
    if (state.labels.includes(name) && flags['force'] !== 'true')
      fail(`label with name "${name}" already exists; use \`--force\` to update`);
    if (!state.labels.includes(name)) state.labels.push(name);
  } else if (group === 'issue' && command === 'list') {
    const wanted = flags['state'] ?? 'open';
    const limit = Number(flags['limit'] ?? 30);
    const issues = state.issues
      .filter((i) => wanted === 'all' || i.state === wanted)
      .filter((i) => flags['label'] === undefined || i.labels.includes(flags['label']))
      .sort((a, b) => b.number - a.number)
      .slice(0, limit);
    print(
      issues.map((i) => pick(i, flags['json'])),
      flags['jq'],
    );
  } else if (group === 'issue' && command === 'view') {
    print(pick(issueByNumber(positional[0]), flags['json']), flags['jq']);
  } else if (group === 'issue' && command === 'create') {
    const label = flags['label'];
    if (label !== undefined && !state.labels.includes(label)) fail(`could not add label: '${label}' not found`);
    const number = state.issues.reduce((max, i) => Math.max(max, i.number), 0) + 1;
    state.issues.push({
      number,
      title: flags['title'] ?? fail('fake gh: issue create needs --title'),
      body: flags['body'] ?? '',
      state: 'open',
      labels: label === undefined ? [] : [label],
      comments: [],
    });
    process.stdout.write(`https://github.com/${process.env['GH_REPO']}/issues/${number}\n`);
  } else if (group === 'issue' && command === 'edit') {
    const issue = issueByNumber(positional[0]);
    if (flags['body'] !== undefined) issue.body = flags['body'];
    if (flags['title'] !== undefined) issue.title = flags['title'];
  } else if (group === 'issue' && command === 'close') {
    const issue = issueByNumber(positional[0]);
    issue.state = 'closed';
    if (flags['comment'] !== undefined) issue.comments.push(flags['comment']);
  } else {
    fail(`fake gh: unsupported command: gh ${args.join(' ')}`);
  }
  save();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
