/**
 * The runner's side of an action: inputs from INPUT_* variables, workflow commands on stdout
 * (`::warning::`, `::add-mask::`, `::group::`), and the GITHUB_OUTPUT / GITHUB_STATE /
 * GITHUB_STEP_SUMMARY files. It writes exactly what @actions/core writes for the same calls
 * (test/unit/runner.test.ts compares the two byte for byte), without loading @actions/core's
 * HTTP client (undici, for OIDC tokens this action never asks for): that alone took 49 ms of a
 * 125 ms start-up. See https://docs.github.com/actions/reference/workflow-commands-for-github-actions.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';
import type { ActionIO } from './io.ts';
import type { AnnotationProperties, Log } from './runtime.ts';

type Properties = Record<string, string | undefined>;

/** `::name key=value,...::message` on its own line (properties without a value are left out). */
function issueCommand(name: string, properties: Properties, message: string): void {
  let command = `::${name}`;
  const keys = Object.keys(properties);
  if (keys.length > 0) {
    const pairs = keys.flatMap((key) => (properties[key] ? [`${key}=${escapeProperty(properties[key])}`] : []));
    command += ` ${pairs.join(',')}`;
  }
  process.stdout.write(`${command}::${escapeData(message)}${EOL}`);
}

/** Annotation properties as the runner names them (@actions/core's toCommandProperties; a 0 is left out, as there). */
function annotation(properties: AnnotationProperties | undefined): Properties {
  const number = (value: number | undefined): string | undefined => (value ? String(value) : undefined);
  return properties && Object.keys(properties).length > 0
    ? {
        title: properties.title,
        file: properties.file,
        line: number(properties.startLine),
        endLine: number(properties.endLine),
        col: number(properties.startColumn),
        endColumn: number(properties.endColumn),
      }
    : {};
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Appends `name<<DELIMITER\nvalue\nDELIMITER` to GITHUB_OUTPUT or GITHUB_STATE. The random
 * delimiter keeps a value from closing the entry early and smuggling in another output.
 */
function appendKeyValue(variable: 'GITHUB_OUTPUT' | 'GITHUB_STATE', name: string, value: string): boolean {
  const file = process.env[variable];
  if (!file) return false;
  if (!existsSync(file)) throw new Error(`Unable to find environment file ${variable} at ${file}`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`Unexpected input: value contains the delimiter ${delimiter}`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
  return true;
}

/**
 * A plain log line. The one place this differs from @actions/core: a line break never reaches the
 * runner raw. A message may carry text the action does not control (a file name from the
 * repository, an API message), and a line of its own starting with `::` would be read as a
 * workflow command; so CR and LF are written as `%0D` and `%0A`, as in a command's data.
 */
function infoLine(message: string): string {
  return message.replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export const runnerLog: Log = {
  debug: (message) => issueCommand('debug', {}, message),
  info: (message) => void process.stdout.write(infoLine(message) + EOL),
  notice: (message, properties) => issueCommand('notice', annotation(properties), message),
  warning: (message, properties) => issueCommand('warning', annotation(properties), message),
  error: (message, properties) => issueCommand('error', annotation(properties), message),
  async group(name, fn) {
    issueCommand('group', {}, name);
    try {
      return await fn();
    } finally {
      issueCommand('endgroup', {}, '');
    }
  },
};

export const runnerIO: ActionIO = {
  log: runnerLog,
  getInput: (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
  setOutput(name, value) {
    if (appendKeyValue('GITHUB_OUTPUT', name, value)) return;
    process.stdout.write(EOL);
    issueCommand('set-output', { name }, value);
  },
  saveState(name, value) {
    if (appendKeyValue('GITHUB_STATE', name, value)) return;
    issueCommand('save-state', { name }, value);
  },
  getState: (name) => process.env[`STATE_${name}`] ?? '',
  setSecret: (value) => issueCommand('add-mask', {}, value),
  setFailed(message) {
    process.exitCode = 1;
    issueCommand('error', {}, message);
  },
  async appendSummary(markdown) {
    const file = process.env['GITHUB_STEP_SUMMARY'];
    if (!file) return;
    await appendFile(file, markdown + EOL, { encoding: 'utf8' });
  },
};
