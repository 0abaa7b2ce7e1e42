/**
 * What the runner does to a step that is cancelled or killed, for the dist tests: SIGINT, SIGTERM
 * 7.5 s later, SIGKILL 2.5 s after that; a main step SIGKILLed with its own GITHUB_STATE file
 * (the runner still hands the post step what was saved); and small helpers to read what the
 * simulator saw.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OllangSimulator } from '../simulator/index.ts';
import { parseFileCommands, startAction, type ActionRun, type StartedAction, type StartOptions } from './harness.ts';

/** Runner: SIGINT, then SIGTERM after 7.5 s, then SIGKILL 2.5 s later. */
export const SIGTERM_AFTER_MS = 7_500;
export const SIGKILL_AFTER_MS = 10_000;
/** Never reached in a test: orders that must stay unfinished. */
export const FOREVER = 600_000;

export interface Cancelled {
  /** Date.now() when SIGINT was sent. */
  sigintAt: number;
  /** Date.now() when the process exited. */
  exitedAt: number;
  run: ActionRun;
}

/** What the runner does on a cancelled run: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that. */
export async function cancelLikeRunner(started: StartedAction): Promise<Cancelled> {
  const { child } = started;
  let exitedAt = 0;
  child.once('exit', () => (exitedAt = Date.now()));
  const sigintAt = Date.now();
  child.kill('SIGINT');
  const term = setTimeout(() => child.kill('SIGTERM'), SIGTERM_AFTER_MS);
  const kill = setTimeout(() => child.kill('SIGKILL'), SIGKILL_AFTER_MS);
  const run = await started.done;
  clearTimeout(term);
  clearTimeout(kill);
  return { sigintAt, exitedAt: exitedAt || Date.now(), run };
}

export async function until(what: string, condition: () => boolean, timeoutMs = 15_000, everyMs = 5): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export function cancelRequests(sim: OllangSimulator): OllangSimulator['requests'] {
  return sim.requests.filter((r) => r.route === 'cancel' || r.route === 'cancel-human-review');
}

export function orderIdOf(requestPath: string): string {
  const m = /\/integration\/orders\/(?:cancel\/)?([^/]+)(?:\/cancel-human-review)?$/.exec(requestPath);
  return decodeURIComponent(m?.[1] ?? '');
}

export function log(run: ActionRun): string {
  return `exit ${run.exitCode} signal ${run.signal}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

/** A main run that may be SIGKILLed: its GITHUB_STATE file outlives it, as on the runner. */
export function startWithOwnStateFile(
  inputs: Record<string, string>,
  options: Omit<StartOptions, 'inputs'> = {},
): { started: StartedAction; stateFile: string } {
  const stateFile = path.join(mkdtempSync(path.join(tmpdir(), 'ollang-state-')), 'state');
  writeFileSync(stateFile, '');
  return { started: startAction({ ...options, inputs, env: { ...options.env, GITHUB_STATE: stateFile } }), stateFile };
}

export function savedState(stateFile: string): Record<string, string> {
  return parseFileCommands(readFileSync(stateFile, 'utf8'));
}
