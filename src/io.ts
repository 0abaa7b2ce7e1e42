/**
 * The runner-facing side effects of a run, as one interface: index.ts binds it to
 * the runner (runner.ts), tests bind it to recorders. Logic never writes to the runner itself.
 */
import type { Log } from './runtime.ts';

export interface ActionIO {
  log: Log;
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  /** Appends to GITHUB_STATE at once (synchronously), so it survives a SIGKILL a moment later. */
  saveState(name: string, value: string): void;
  getState(name: string): string;
  setSecret(value: string): void;
  setFailed(message: string): void;
  appendSummary(markdown: string): Promise<void>;
}
