/**
 * The two steps bound to the real runner: @actions/core for I/O, global fetch, the real clock,
 * and process signals. index.ts picks one; `npm run local` (@github/local-action) calls each.
 */
import * as core from '@actions/core';
import type { ActionIO } from './io.ts';
import { realClock, realSleep, type Log } from './runtime.ts';

const log: Log = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  notice: (message, properties) => core.notice(message, properties),
  warning: (message, properties) => core.warning(message, properties),
  error: (message, properties) => core.error(message, properties),
  group: (name, fn) => core.group(name, fn),
};

export const runnerIO: ActionIO = {
  log,
  getInput: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  saveState: (name, value) => core.saveState(name, value),
  getState: (name) => core.getState(name),
  setSecret: (value) => core.setSecret(value),
  setFailed: (message) => core.setFailed(message),
  appendSummary: async (markdown) => {
    if (!process.env['GITHUB_STEP_SUMMARY']) return;
    await core.summary.addRaw(markdown, true).write();
  },
};

/** The main step. SIGINT / SIGTERM start an orderly stop: cancel this run's orders, write outputs. */
export async function runMainStep(): Promise<number> {
  const { run } = await import('./main.ts');
  const abort = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    // The runner follows SIGINT with SIGTERM 7.5 s later: that must not cut the first stop short.
    if (signals === 1) {
      core.info(`Received ${signal}: stopping, and cancelling this run's unfinished orders.`);
      abort.abort(new Error(`received ${signal}`));
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const outcome = await run({
    io: runnerIO,
    env: process.env,
    cwd: process.cwd(),
    fetch: globalThis.fetch,
    clock: realClock,
    sleep: realSleep,
    abort: abort.signal,
  });
  process.exitCode = outcome.exitCode;
  // Open keep-alive sockets must not hold the process once a cancelled run has its verdict.
  if (abort.signal.aborted) process.exit(outcome.exitCode);
  return outcome.exitCode;
}

export async function runPostStep(): Promise<void> {
  const { post } = await import('./post.ts');
  await post({ io: runnerIO, fetch: globalThis.fetch, clock: realClock, sleep: realSleep });
}
