/**
 * The two steps bound to the real runner: its commands and files (runner.ts), HTTP through
 * http/transport.ts, the real clock, and process signals. index.ts picks one; `npm run local` (@github/local-action) calls each.
 */
import type { ActionIO } from './io.ts';
import { runnerIO } from './runner.ts';
import { nodeTransport } from './http/transport.ts';
import { realClock, realSleep } from './runtime.ts';
import { run } from './main.ts';
import { post } from './post.ts';

export { runnerIO };

/** The main step. SIGINT / SIGTERM start an orderly stop: cancel this run's orders, write outputs. */
export async function runMainStep(io: ActionIO = runnerIO): Promise<number> {
  const abort = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    // The runner follows SIGINT with SIGTERM 7.5 s later: that must not cut the first stop short.
    if (signals === 1) {
      // Whether there is anything to cancel, run() knows (a run past its verdict has nothing).
      io.log.info(`Received ${signal}: stopping.`);
      abort.abort(new Error(`received ${signal}`));
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const outcome = await run({
    io,
    env: process.env,
    cwd: process.cwd(),
    transport: nodeTransport,
    clock: realClock,
    sleep: realSleep,
    abort: abort.signal,
  });
  process.exitCode = outcome.exitCode;
  // Open keep-alive sockets must not hold the process once a cancelled run has its verdict.
  if (abort.signal.aborted) process.exit(outcome.exitCode);
  return outcome.exitCode;
}

export async function runPostStep(io: ActionIO = runnerIO): Promise<void> {
  await post({ io, transport: nodeTransport, clock: realClock, sleep: realSleep });
}
