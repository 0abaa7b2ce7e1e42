/**
 * Entry point for both steps (action.yml runs this file as `main` and as `post`). Which one
 * this is gets decided when the module loads, from state main saved at its very start: a flag
 * saved in a `finally` would be lost to a SIGKILL (the approach of actions/checkout).
 */
import * as core from '@actions/core';
import type { ActionIO } from './io.ts';
import { realClock, realSleep, type Log } from './runtime.ts';
import { isPostStep, markMainStarted } from './state.ts';

const log: Log = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  notice: (message, properties) => core.notice(message, properties),
  warning: (message, properties) => core.warning(message, properties),
  error: (message, properties) => core.error(message, properties),
  group: (name, fn) => core.group(name, fn),
};

const io: ActionIO = {
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

const isPost = isPostStep(io);
if (!isPost) markMainStarted(io);

if (isPost) {
  const { post } = await import('./post.ts');
  await post({ io, fetch: globalThis.fetch, clock: realClock, sleep: realSleep });
} else {
  const { run } = await import('./main.ts');
  const abort = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    // The first signal starts an orderly stop (cancel this run's orders, write outputs); the
    // runner follows SIGINT with SIGTERM 7.5 s later, which must not cut that stop short.
    if (signals === 1) {
      core.info(`Received ${signal}: stopping, and cancelling this run's unfinished orders.`);
      abort.abort(new Error(`received ${signal}`));
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const outcome = await run({
    io,
    env: process.env,
    cwd: process.cwd(),
    fetch: globalThis.fetch,
    clock: realClock,
    sleep: realSleep,
    abort: abort.signal,
  });
  process.exitCode = outcome.exitCode;
  // Open sockets (keep-alive) must not hold the process after the verdict.
  if (abort.signal.aborted) process.exit(outcome.exitCode);
}
