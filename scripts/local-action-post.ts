/** The post step for `npm run local` (local-action's --post entry point). */
import { runPostStep } from '../src/steps.ts';

export async function run(): Promise<void> {
  await runPostStep();
}
