/**
 * Entry point for `npm run local` (@github/local-action): it stubs @actions/core, imports this
 * file and calls `run()`; the post step is scripts/local-action-post.ts (--post).
 */
import { markMainStarted } from '../src/state.ts';
import { runMainStep } from '../src/steps.ts';
import { coreIO } from './core-io.ts';

export async function run(): Promise<void> {
  markMainStarted(coreIO);
  await runMainStep(coreIO);
}
