/**
 * `node scripts/check-workflows.ts`: lints this repository's workflow YAML against action.yml.
 *
 * - Parses every .github/workflows/*.yml, .github/dependabot.yml, examples/*.yml and each
 *   ```yaml block in README.md that holds a workflow; any YAML error fails.
 * - For every step that uses this action (`ollang/localize-action@<ref>` or `./`): each `with:`
 *   key must be an input declared in action.yml, and every required input without a default
 *   must be given.
 * - Every `steps.<id>.outputs.<name>` reference to such a step (in the same job) must name an
 *   output declared in action.yml, and every `needs.<job>.outputs.<name>` must name an output
 *   that job declares.
 *
 * Exits 1 with one line per problem (file, job, step, key); ends with a one-line summary.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseDocument } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const THIS_ACTION = /^(?:ollang\/localize-action(?:@.+)?|\.\/?)$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface ActionMetadata {
  inputs?: Record<string, { required?: unknown; default?: unknown } | null>;
  outputs?: Record<string, unknown>;
}

const problems: string[] = [];
const counts = { files: 0, steps: 0, references: 0 };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every string anywhere inside a value (keys excluded). */
function strings(value: Json | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isObject(value)) return Object.values(value).flatMap(strings);
  return [];
}

function listYaml(directory: string): string[] {
  const full = path.join(root, directory);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
    .sort()
    .map((name) => path.join(directory, name));
}

/** Parses YAML strictly (duplicate keys and syntax errors are errors); undefined on failure. */
function parseYaml(label: string, source: string, lineOffset = 0): Json | undefined {
  counts.files += 1;
  const document = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const line = error.linePos?.[0]?.line;
      const where = line === undefined ? label : `${label}:${line + lineOffset}`;
      problems.push(`${where}: YAML error: ${error.message.split('\n')[0]}`);
    }
    return undefined;
  }
  return document.toJS() as Json;
}

function stepName(step: JsonObject, index: number): string {
  if (typeof step['id'] === 'string') return `step '${step['id']}'`;
  if (typeof step['name'] === 'string') return `step '${step['name']}'`;
  return `step #${index + 1}`;
}

function checkWorkflow(label: string, workflow: Json, action: ActionMetadata, requireShape: boolean): void {
  if (!isObject(workflow) || !isObject(workflow['jobs'])) {
    if (requireShape) problems.push(`${label}: not a workflow (no "jobs:" mapping)`);
    return;
  }
  if (requireShape && workflow['on'] === undefined) problems.push(`${label}: no "on:" trigger`);

  const inputs = action.inputs ?? {};
  const outputs = new Set(Object.keys(action.outputs ?? {}));
  const jobs = workflow['jobs'];

  for (const [jobId, job] of Object.entries(jobs)) {
    if (!isObject(job)) {
      problems.push(`${label}: job '${jobId}' is not a mapping`);
      continue;
    }
    const steps = Array.isArray(job['steps']) ? job['steps'] : [];
    const ours = new Set<string>(); // ids of the steps using this action

    steps.forEach((step, index) => {
      if (!isObject(step)) {
        problems.push(`${label}: job '${jobId}', step #${index + 1} is not a mapping`);
        return;
      }
      const uses = step['uses'];
      if (typeof uses !== 'string' || !THIS_ACTION.test(uses.trim())) return;
      counts.steps += 1;
      const where = `${label}: job '${jobId}', ${stepName(step, index)} (uses: ${uses})`;
      if (typeof step['id'] === 'string') ours.add(step['id']);

      const withBlock = step['with'] ?? {};
      if (!isObject(withBlock)) {
        problems.push(`${where}: "with:" is not a mapping`);
        return;
      }
      for (const key of Object.keys(withBlock)) {
        if (!Object.hasOwn(inputs, key)) {
          problems.push(`${where}: with: '${key}' is not an input of action.yml (inputs: ${Object.keys(inputs).join(', ')})`);
        }
      }
      for (const [name, input] of Object.entries(inputs)) {
        const required = input?.required === true || input?.required === 'true';
        const hasDefault = input?.default !== undefined && input.default !== null && input.default !== '';
        if (required && !hasDefault && !Object.hasOwn(withBlock, name)) {
          problems.push(`${where}: required input '${name}' is missing from "with:"`);
        }
      }
    });

    // steps.<id>.outputs.<name>, anywhere in the job (step fields and the job's own outputs).
    for (const value of strings(job)) {
      for (const match of value.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
        const [, stepId = '', output = ''] = match;
        if (!ours.has(stepId)) continue;
        counts.references += 1;
        if (!outputs.has(output)) {
          problems.push(
            `${label}: job '${jobId}': steps.${stepId}.outputs.${output}: '${output}' is not an output of action.yml (outputs: ${[...outputs].join(', ')})`,
          );
        }
      }
      for (const match of value.matchAll(/\bneeds\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
        const [, needed = '', output = ''] = match;
        const other = jobs[needed];
        if (!isObject(other)) {
          problems.push(`${label}: job '${jobId}': needs.${needed}.outputs.${output}: there is no job '${needed}'`);
          continue;
        }
        counts.references += 1;
        const declared = isObject(other['outputs']) ? Object.keys(other['outputs']) : [];
        if (!declared.includes(output)) {
          problems.push(`${label}: job '${jobId}': needs.${needed}.outputs.${output}: job '${needed}' declares no output '${output}'`);
        }
      }
    }
  }
}

function main(): number {
  let action: ActionMetadata;
  try {
    action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'), { uniqueKeys: true }) as ActionMetadata;
  } catch (error) {
    console.error(`action.yml: ${(error as Error).message}`);
    return 1;
  }

  for (const file of [...listYaml('.github/workflows'), ...listYaml('examples')]) {
    const workflow = parseYaml(file, readFileSync(path.join(root, file), 'utf8'));
    if (workflow !== undefined) checkWorkflow(file, workflow, action, true);
  }

  for (const file of ['.github/dependabot.yml', '.github/dependabot.yaml']) {
    if (!existsSync(path.join(root, file))) continue;
    const config = parseYaml(file, readFileSync(path.join(root, file), 'utf8'));
    if (config === undefined) continue;
    if (!isObject(config) || config['version'] !== 2 || !Array.isArray(config['updates'])) {
      problems.push(`${file}: expected "version: 2" and an "updates:" list`);
    }
  }

  // ```yaml blocks in README.md that hold a workflow (snippets without "jobs:" are only parsed).
  const readmePath = path.join(root, 'README.md');
  if (existsSync(readmePath)) {
    const lines = readFileSync(readmePath, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i += 1) {
      const open = /^(\s*)(`{3,})\s*ya?ml\s*$/.exec(lines[i] ?? '');
      if (!open) continue;
      const fence = open[2] ?? '```';
      const start = i + 1;
      let end = start;
      while (end < lines.length && !(lines[end] ?? '').trim().startsWith(fence)) end += 1;
      const block = parseYaml('README.md', lines.slice(start, end).join('\n'), start);
      if (block !== undefined) checkWorkflow(`README.md (yaml block at line ${start + 1})`, block, action, false);
      i = end;
    }
  }

  for (const problem of problems) console.error(problem);
  const summary = `${counts.files} YAML files parsed, ${counts.steps} steps using this action, ${counts.references} output references checked`;
  if (problems.length > 0) {
    console.error(`check-workflows: FAILED with ${problems.length} problem(s): ${summary}.`);
    return 1;
  }
  console.log(`check-workflows: OK: ${summary}.`);
  return 0;
}

process.exitCode = main();
