/**
 * Entry point for both steps (action.yml runs this file as `main` and as `post`). Which one
 * this is gets decided when the module loads, from state main saves at its very start: a flag
 * saved in a `finally` would be lost to a SIGKILL (the approach of actions/checkout).
 */
import { runMainStep, runPostStep, runnerIO } from './steps.ts';
import { isPostStep, markMainStarted } from './state.ts';

if (isPostStep(runnerIO)) {
  await runPostStep();
} else {
  markMainStarted(runnerIO);
  await runMainStep();
}
