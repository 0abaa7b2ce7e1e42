/**
 * ActionIO bound to @actions/core, for `npm run local`: @github/local-action replaces
 * @actions/core with its own recorder (outputs table, state carried to the post step), so the
 * local runs go through it. The bundle itself uses src/runner.ts, which writes the same bytes
 * without loading @actions/core's HTTP client (start-up time).
 */
import * as core from '@actions/core';
import type { ActionIO } from '../src/io.ts';

export const coreIO: ActionIO = {
  log: {
    debug: (message) => core.debug(message),
    info: (message) => core.info(message),
    notice: (message, properties) => core.notice(message, properties),
    warning: (message, properties) => core.warning(message, properties),
    error: (message, properties) => core.error(message, properties),
    group: (name, fn) => core.group(name, fn),
  },
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
