/**
 * Entry points for `npm run local` (@github/local-action): it stubs @actions/core and friends,
 * imports this file and calls `run()`;
 * the post step is scripts/local-action-post.ts (--post).
 */
import { markMainStarted } from '../src/state.ts';
import { runMainStep, runnerIO } from '../src/steps.ts';

export async function run(): Promise<void> {
  markMainStarted(runnerIO);
  await runMainStep();
}
