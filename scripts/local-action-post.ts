/** The post step for `npm run local` (local-action's --post entry point). */
import { runPostStep } from '../src/steps.ts';
import { coreIO } from './core-io.ts';

export async function run(): Promise<void> {
  await runPostStep(coreIO);
}
