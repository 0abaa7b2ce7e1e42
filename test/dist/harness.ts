/**
 * Runs the bundled action (dist/index.js) the way the GitHub runner does: a Node 24 child
 * process, inputs as INPUT_* variables (defaults filled in from action.yml, as the runner does),
 * GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files, and for the post step STATE_*
 * variables read back from the state file main wrote.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The committed bundle; OLLANG_ACTION_ENTRY points at another build (a developer's scratch bundle). */
export const distEntry = process.env['OLLANG_ACTION_ENTRY'] || path.join(repoRoot, 'dist', 'index.js');
/** Node 24 from the `node` dev dependency: the runtime action.yml declares (runs.using: node24). */
export const node24 = path.join(repoRoot, 'node_modules', '.bin', 'node');

interface ActionYaml {
  inputs: Record<string, { default?: string; required?: boolean }>;
}

/** The defaults the runner would pass for inputs a workflow leaves out. */
export function actionDefaults(): Record<string, string> {
  const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as ActionYaml;
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    let value = input.default === undefined ? '' : String(input.default);
    // The runner evaluates expressions; tests run without a real token.
    if (value.includes('${{')) value = '';
    defaults[name] = value;
  }
  return defaults;
}

export interface ActionRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  workspace: string;
  /** The files the runner would have handed the step (for grepping every byte written). */
  files: { output: string; state: string; summary: string };
  durationMs: number;
}

export interface StartOptions {
  inputs: Record<string, string>;
  /** Extra environment (GITHUB_EVENT_NAME, GITHUB_API_URL, cache service variables...). */
  env?: Record<string, string>;
  /** Defaults to a fresh temporary directory. */
  workspace?: string;
  step?: 'main' | 'post';
  /** For the post step: state saved by main (see `postAfter`). */
  state?: Record<string, string>;
  /** Kill the child after this long (a hung action must not hang the suite). */
  timeoutMs?: number;
}

export interface StartedAction {
  child: ChildProcess;
  /** Resolves when the process has exited. */
  done: Promise<ActionRun>;
  /** Resolves when the child's stdout has contained `text`. */
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

export function startAction(options: StartOptions): StartedAction {
  const workspace = options.workspace ?? mkdtempSync(path.join(tmpdir(), 'ollang-ws-'));
  mkdirSync(workspace, { recursive: true });
  const files = mkdtempSync(path.join(tmpdir(), 'ollang-runner-'));
  const output = path.join(files, 'output');
  const state = path.join(files, 'state');
  const summary = path.join(files, 'summary');
  for (const file of [output, state, summary]) writeFileSync(file, '');

  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? tmpdir(),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STATE: state,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'octo/release',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: files,
    ...options.env,
  };
  const inputs = { ...actionDefaults(), ...options.inputs };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;

  const started = Date.now();
  const child = spawn(node24, [distEntry], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const watchers: { pattern: string | RegExp; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const w of [...watchers]) {
      if (typeof w.pattern === 'string' ? stdout.includes(w.pattern) : w.pattern.test(stdout)) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 50_000);

  const done = new Promise<ActionRun>((resolve) => {
    child.on('close', (exitCode, signal) => {
      clearTimeout(killer);
      resolve({
        exitCode,
        signal,
        stdout,
        stderr,
        outputs: parseFileCommands(readFileSync(output, 'utf8')),
        state: parseFileCommands(readFileSync(state, 'utf8')),
        summary: readFileSync(summary, 'utf8'),
        workspace,
        files: { output, state, summary },
        durationMs: Date.now() - started,
      });
    });
  });

  return {
    child,
    done,
    waitForOutput(pattern, timeoutMs = 30_000) {
      if (typeof pattern === 'string' ? stdout.includes(pattern) : pattern.test(stdout)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${String(pattern)}; stdout so far:\n${stdout}`)), timeoutMs);
        watchers.push({
          pattern,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
  };
}

export function runAction(options: StartOptions): Promise<ActionRun> {
  return startAction(options).done;
}

/** The post step after `main`, with the state main saved, in the same workspace. */
export function runPost(main: ActionRun, options: Omit<StartOptions, 'step' | 'state' | 'workspace'>): Promise<ActionRun> {
  return runAction({ ...options, workspace: main.workspace, state: main.state, step: 'post' });
}

/**
 * Reads a GITHUB_OUTPUT / GITHUB_STATE file: `name<<DELIMITER\nvalue\nDELIMITER` entries
 * (and `name=value` lines); a later entry wins, as on the runner.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      values[name!] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) values[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return values;
}

export function parseOrders(run: ActionRun): { orderId: string; language: string; type: string; status: string; created: boolean; files: string[] }[] {
  return JSON.parse(run.outputs['orders'] ?? '[]');
}
