/**
 * Just enough of the GitHub runner to run a workflow file's steps that use this action:
 * GitHub expressions (`${{ }}` and `if:`), contexts (github, env, vars, secrets, inputs,
 * matrix, steps, needs), job and step conditions with the status functions, matrix
 * combinations, and `needs` outputs. Steps of this action run as the runner runs them
 * (test/dist/harness.ts: dist/index.js in a child process). With `runScripts`, `run:` steps
 * run too, in bash as the runner runs them (`bash --noprofile --norc -eo pipefail`), with
 * their `env:`, GITHUB_OUTPUT and the job's workspace (a test puts fakes such as
 * test/fakes/gh-cli.ts first on PATH). Steps of other actions are never run here: their
 * condition is still evaluated and recorded, and a test may stand in for any step with
 * `stubs` (the outputs it would have set).
 *
 * Expression semantics follow https://docs.github.com/actions/reference/workflows-and-actions/expressions:
 * loose `==` (numbers when the types differ, strings without regard to case), `&&` / `||`
 * return an operand, falsy are false, 0, '', null and NaN, a missing property is null, and a
 * step `if:` without a status function means `success() && (...)`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { actionDefaults, parseFileCommands, repoRoot, runAction, type ActionRun } from './harness.ts';

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };
type ValueObject = { [key: string]: Value };

// ------------------------------------------------------------------------------ expressions

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'op'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const op = /^(==|!=|<=|>=|&&|\|\||[!<>()[\],.*])/.exec(rest);
    if (op) {
      tokens.push({ kind: 'op', value: op[0] });
      i += op[0].length;
      continue;
    }
    if (rest.startsWith("'")) {
      let value = '';
      let j = 1;
      for (;;) {
        if (j >= rest.length) throw new Error(`unterminated string in expression: ${text}`);
        if (rest[j] === "'") {
          if (rest[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += rest[j];
        j += 1;
      }
      tokens.push({ kind: 'string', value });
      i += j + 1;
      continue;
    }
    const number = /^(?:0x[0-9a-f]+|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)/i.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    // Names may contain hyphens: steps.my-step.outputs.order-ids.
    const name = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', value: name[0] });
      i += name[0].length;
      continue;
    }
    throw new Error(`unexpected character ${JSON.stringify(rest[0])} in expression: ${text}`);
  }
  return tokens;
}

/** What an expression can see besides its contexts: the job's status so far. */
export interface StatusFunctions {
  /** Some earlier step of the job failed (or, for a job, a needed job did). */
  failed: boolean;
  cancelled: boolean;
}

type Node =
  | { type: 'literal'; value: Value }
  | { type: 'context'; name: string }
  | { type: 'member'; object: Node; property: Node | string }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'not'; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node };

function parseExpression(text: string): Node {
  const tokens = tokenize(text);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const isOp = (value: string): boolean => peek()?.kind === 'op' && peek()?.value === value;
  const expectOp = (value: string): void => {
    if (!isOp(value)) throw new Error(`expected '${value}' in expression: ${text}`);
    position += 1;
  };

  const binary = (ops: string[], next: () => Node) => (): Node => {
    let left = next();
    for (let token = peek(); token?.kind === 'op' && ops.includes(token.value); token = peek()) {
      const op = token.value;
      position += 1;
      left = { type: 'binary', op, left, right: next() };
    }
    return left;
  };
  const primary = (): Node => {
    const token = peek();
    if (token === undefined) throw new Error(`unexpected end of expression: ${text}`);
    position += 1;
    if (token.kind === 'number' || token.kind === 'string') return { type: 'literal', value: token.value };
    if (token.kind === 'op' && token.value === '(') {
      const inner = or();
      expectOp(')');
      return inner;
    }
    if (token.kind === 'op' && token.value === '!') return { type: 'not', operand: unary() };
    if (token.kind === 'name') {
      if (token.value === 'true' || token.value === 'false') return { type: 'literal', value: token.value === 'true' };
      if (token.value === 'null') return { type: 'literal', value: null };
      if (isOp('(')) {
        position += 1;
        const args: Node[] = [];
        if (!isOp(')')) {
          for (;;) {
            args.push(or());
            if (isOp(')')) break;
            expectOp(',');
          }
        }
        expectOp(')');
        return { type: 'call', name: token.value.toLowerCase(), args };
      }
      return { type: 'context', name: token.value.toLowerCase() };
    }
    throw new Error(`unexpected '${token.value}' in expression: ${text}`);
  };
  const postfix = (): Node => {
    let node = primary();
    for (;;) {
      if (isOp('.')) {
        position += 1;
        const name = peek();
        if (name?.kind !== 'name') throw new Error(`expected a property name in expression: ${text}`);
        position += 1;
        node = { type: 'member', object: node, property: name.value };
      } else if (isOp('[')) {
        position += 1;
        const index = or();
        expectOp(']');
        node = { type: 'member', object: node, property: index };
      } else {
        return node;
      }
    }
  };
  const unary = (): Node => {
    if (isOp('!')) {
      position += 1;
      return { type: 'not', operand: unary() };
    }
    return postfix();
  };
  const comparison = binary(['<', '<=', '>', '>='], unary);
  const equality = binary(['==', '!='], comparison);
  const and = binary(['&&'], equality);
  const or = binary(['||'], and);

  const node = or();
  if (position !== tokens.length) throw new Error(`unexpected '${tokens[position]?.value}' in expression: ${text}`);
  return node;
}

export function truthy(value: Value): boolean {
  if (value === null || value === false || value === '' || value === 0) return false;
  if (typeof value === 'number' && Number.isNaN(value)) return false;
  return true;
}

function toNumber(value: Value): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value);
  return Number.NaN;
}

/** The string an expression's value becomes inside `${{ }}` or as an input. */
export function toText(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return JSON.stringify(value, null, 2);
}

function looseEquals(left: Value, right: Value): boolean {
  if (typeof left === 'string' && typeof right === 'string') return left.toLowerCase() === right.toLowerCase();
  if (left === null && right === null) return true;
  // Arrays and objects equal only themselves; null is a number (0) like the other scalars: null == '' holds.
  const isCollection = (value: Value): boolean => value !== null && typeof value === 'object';
  if (isCollection(left) || isCollection(right)) return left === right;
  if (typeof left === typeof right) return left === right;
  return toNumber(left) === toNumber(right);
}

function compare(op: string, left: Value, right: Value): boolean {
  const [a, b] =
    typeof left === 'string' && typeof right === 'string' ? [left.toLowerCase(), right.toLowerCase()] : [toNumber(left), toNumber(right)];
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

function member(object: Value, property: Value): Value {
  if (object === null || typeof object !== 'object') return null;
  if (Array.isArray(object)) {
    const index = toNumber(property);
    return Number.isInteger(index) ? (object[index] ?? null) : null;
  }
  const key = toText(property);
  // Context property names are case-insensitive.
  const found = Object.keys(object).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? null : (object[found] ?? null);
}

function evaluateNode(node: Node, contexts: ValueObject, status: StatusFunctions): Value {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'context': {
      if (!Object.hasOwn(contexts, node.name)) throw new Error(`unknown context '${node.name}'`);
      return contexts[node.name] ?? null;
    }
    case 'member':
      return member(
        evaluateNode(node.object, contexts, status),
        typeof node.property === 'string' ? node.property : evaluateNode(node.property, contexts, status),
      );
    case 'not':
      return !truthy(evaluateNode(node.operand, contexts, status));
    case 'binary': {
      const left = evaluateNode(node.left, contexts, status);
      if (node.op === '&&') return truthy(left) ? evaluateNode(node.right, contexts, status) : left;
      if (node.op === '||') return truthy(left) ? left : evaluateNode(node.right, contexts, status);
      const right = evaluateNode(node.right, contexts, status);
      if (node.op === '==') return looseEquals(left, right);
      if (node.op === '!=') return !looseEquals(left, right);
      return compare(node.op, left, right);
    }
    case 'call': {
      const args = node.args.map((arg) => evaluateNode(arg, contexts, status));
      switch (node.name) {
        case 'success':
          return !status.failed && !status.cancelled;
        case 'failure':
          return status.failed;
        case 'cancelled':
          return status.cancelled;
        case 'always':
          return true;
        case 'contains': {
          const [haystack = null, needle = null] = args;
          if (Array.isArray(haystack)) return haystack.some((item) => looseEquals(item, needle));
          return toText(haystack).toLowerCase().includes(toText(needle).toLowerCase());
        }
        case 'startswith':
          return toText(args[0] ?? null)
            .toLowerCase()
            .startsWith(toText(args[1] ?? null).toLowerCase());
        case 'endswith':
          return toText(args[0] ?? null)
            .toLowerCase()
            .endsWith(toText(args[1] ?? null).toLowerCase());
        case 'format':
          return toText(args[0] ?? null).replace(/\{(\d+)\}/g, (_m, i: string) => toText(args[Number(i) + 1] ?? null));
        case 'join': {
          const [list = null, separator = ','] = args;
          return Array.isArray(list) ? list.map(toText).join(toText(separator)) : toText(list);
        }
        case 'tojson':
          return JSON.stringify(args[0] ?? null, null, 2);
        case 'fromjson':
          return JSON.parse(toText(args[0] ?? null)) as Value;
        default:
          throw new Error(`function ${node.name}() is not supported here`);
      }
    }
  }
}

const STATUS_CALL = /\b(?:success|failure|cancelled|always)\s*\(/i;

/** Evaluates one expression (without `${{ }}`). */
export function evaluate(expression: string, contexts: ValueObject, status: StatusFunctions = { failed: false, cancelled: false }): Value {
  return evaluateNode(parseExpression(expression), contexts, status);
}

/** A string with `${{ expr }}` parts replaced by their values. */
export function interpolate(text: string, contexts: ValueObject, status?: StatusFunctions): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_match, expression: string) => toText(evaluate(expression, contexts, status)));
}

/** A step's or job's `if:`. Without a status function it means `success() && (...)`; absent, `success()`. */
export function evaluateCondition(condition: unknown, contexts: ValueObject, status: StatusFunctions): boolean {
  if (condition === undefined || condition === null) return !status.failed && !status.cancelled;
  if (typeof condition === 'boolean') return condition && !status.failed && !status.cancelled;
  let text = String(condition).trim();
  const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(text);
  if (wrapped && !wrapped[1]!.includes('}}')) text = wrapped[1]!.trim();
  if (!STATUS_CALL.test(text)) text = `success() && (${text})`;
  return truthy(evaluate(text, contexts, status));
}

// ------------------------------------------------------------------------------ workflows

/** This action, as a step's `uses:` names it (the same rule as scripts/check-workflows.ts). */
export const THIS_ACTION = /^(?:ollang\/localize-action(?:@.+)?|\.\/?)$/;

export interface WorkflowFile {
  /** `examples/pull-request.yml`, or `README.md (workflow at line 42)`. */
  label: string;
  workflow: ValueObject;
}

/**
 * Every examples/*.yml, and every workflow (a ```yaml block with `jobs:`) in README.md outside
 * its generated examples section (which repeats examples/).
 */
export function listWorkflowFiles(): WorkflowFile[] {
  const files: WorkflowFile[] = [];
  const examples = path.join(repoRoot, 'examples');
  for (const name of readdirSync(examples)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()) {
    files.push({ label: `examples/${name}`, workflow: parse(readFileSync(path.join(examples, name), 'utf8')) as ValueObject });
  }
  const lines = readFileSync(path.join(repoRoot, 'README.md'), 'utf8').split('\n');
  let inGenerated = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.trimStart().startsWith('<!-- examples:start')) inGenerated = true;
    if (line.trim() === '<!-- examples:end -->') inGenerated = false;
    const open = /^(\s*)(`{3,})\s*ya?ml\s*$/.exec(line);
    if (!open) continue;
    let end = i + 1;
    while (end < lines.length && !(lines[end] ?? '').trim().startsWith(open[2]!)) end += 1;
    const block = parse(lines.slice(i + 1, end).join('\n')) as unknown;
    if (!inGenerated && block !== null && typeof block === 'object' && 'jobs' in block) {
      files.push({ label: `README.md (workflow at line ${i + 2})`, workflow: block as ValueObject });
    }
    i = end;
  }
  return files;
}

/** The events a workflow is triggered by (`on:` as a string, a list or a mapping). */
export function triggers(workflow: ValueObject): string[] {
  const on = workflow['on'] ?? (workflow as Record<string, Value>)['true'];
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(toText);
  if (on && typeof on === 'object') return Object.keys(on);
  return [];
}

/** The defaults of a workflow_dispatch form, as `inputs` sees them. */
export function dispatchDefaults(workflow: ValueObject): ValueObject {
  const on = workflow['on'];
  const dispatch = on && typeof on === 'object' && !Array.isArray(on) ? on['workflow_dispatch'] : null;
  const inputs = dispatch && typeof dispatch === 'object' && !Array.isArray(dispatch) ? dispatch['inputs'] : null;
  const out: ValueObject = {};
  if (inputs && typeof inputs === 'object' && !Array.isArray(inputs)) {
    for (const [name, input] of Object.entries(inputs)) {
      const spec = input && typeof input === 'object' && !Array.isArray(input) ? input : {};
      const fallback = spec['default'] ?? (spec['type'] === 'boolean' ? false : '');
      out[name] = fallback;
    }
  }
  return out;
}

export interface Event {
  name: string;
  payload: ValueObject;
  actor?: string;
  runAttempt?: number;
}

/** A plausible event payload for each trigger (what GITHUB_EVENT_PATH holds). */
export function defaultEvent(name: string, options: { fork?: boolean; actor?: string; workflow?: ValueObject } = {}): Event {
  const repository = { full_name: 'octo/release', name: 'release', owner: { login: 'octo' }, default_branch: 'main' };
  const payloads: Record<string, ValueObject> = {
    push: { ref: 'refs/heads/main', after: '0123456789abcdef0123456789abcdef01234567', repository },
    pull_request: {
      action: 'synchronize',
      number: 7,
      pull_request: {
        number: 7,
        user: { login: options.actor ?? 'octocat' },
        head: {
          sha: '0123456789abcdef0123456789abcdef01234567',
          ref: 'feature',
          repo: { full_name: options.fork ? 'stranger/release' : 'octo/release', fork: options.fork ?? false },
        },
        base: { ref: 'main', repo: { full_name: 'octo/release' } },
      },
      repository,
    },
    release: { action: 'published', release: { tag_name: 'v1.2.3', name: 'v1.2.3' }, repository },
    schedule: { schedule: '*/30 * * * *', repository },
    workflow_dispatch: { inputs: options.workflow ? dispatchDefaults(options.workflow) : {}, ref: 'refs/heads/main', repository },
  };
  return { name, payload: payloads[name] ?? { repository }, actor: options.actor ?? 'octocat' };
}

export interface StepRecord {
  index: number;
  id?: string;
  /** `uses:` or the start of `run:`. */
  label: string;
  ours: boolean;
  /** The step's `if:`, as written. */
  condition?: string;
  /** Whether its condition held: the runner would have run it. */
  wouldRun: boolean;
  /** Ours: the run. */
  run?: ActionRun;
  /** A `run:` step run here: its exit code and what it printed. */
  script?: { exitCode: number | null; stdout: string; stderr: string };
  /** The inputs ours ran with (after the test's overrides). */
  inputs?: Record<string, string>;
  outputs: Record<string, string>;
  outcome: 'success' | 'failure' | 'skipped';
  /** Its condition held but it was not run here: another action, or a script without runScripts (a stub may have set its outputs). */
  notRunHere: boolean;
}

export interface JobRecord {
  jobId: string;
  matrix?: ValueObject;
  ran: boolean;
  result: 'success' | 'failure' | 'skipped';
  steps: StepRecord[];
  outputs: Record<string, string>;
}

export interface StubContext {
  contexts: ValueObject;
  job: string;
}

export interface RunOptions {
  workflow: ValueObject;
  event: Event;
  secrets: Record<string, string>;
  vars: Record<string, string>;
  /** The test's stand-ins for values a test cannot take literally (the simulator's URL, short waits). */
  overrideInputs: (inputs: Record<string, string>) => Record<string, string>;
  /** Extra environment for this action's steps (GITHUB_API_URL of a fake GitHub API...). */
  env?: Record<string, string>;
  /** Stand-ins for steps, by step id: not run, their outputs are what this returns. */
  stubs?: Record<string, (context: StubContext) => Record<string, string>>;
  /** Run `run:` steps in bash (default: only evaluate their conditions). */
  runScripts?: boolean;
  /** Extra environment for `run:` steps (PATH with fakes first...). */
  scriptEnv?: Record<string, string>;
  /** Results of jobs already run (for `needs`). */
  needs?: Record<string, { result: string; outputs: Record<string, string> }>;
  /** Only these jobs. */
  jobs?: string[];
  /** Files put in every job's workspace before it runs (what the checkout would bring: media files). */
  workspaceFiles?: Record<string, string>;
}

const TOKEN = 'ghs_exampleTestToken0123456789';

/** Runs the workflow's jobs for one event, in `needs` order; matrix combinations in parallel. */
export async function runWorkflow(options: RunOptions): Promise<JobRecord[]> {
  const jobs = (options.workflow['jobs'] ?? {}) as Record<string, ValueObject>;
  const results: Record<string, { result: string; outputs: Record<string, string> }> = { ...options.needs };
  const records: JobRecord[] = [];
  const pending = Object.keys(jobs).filter((id) => !options.jobs || options.jobs.includes(id));
  while (pending.length > 0) {
    const ready = pending.filter((id) => needsOf(jobs[id]!).every((need) => results[need] !== undefined || !pending.includes(need)));
    if (ready.length === 0) throw new Error(`jobs wait on each other: ${pending.join(', ')}`);
    for (const jobId of ready) {
      pending.splice(pending.indexOf(jobId), 1);
      const jobRecords = await runJob(jobId, jobs[jobId]!, options, results);
      records.push(...jobRecords);
      const failed = jobRecords.some((r) => r.result === 'failure');
      const skipped = jobRecords.every((r) => r.result === 'skipped');
      results[jobId] = {
        result: failed ? 'failure' : skipped ? 'skipped' : 'success',
        outputs: Object.assign({}, ...jobRecords.map((r) => r.outputs)) as Record<string, string>,
      };
    }
  }
  return records;
}

function needsOf(job: ValueObject): string[] {
  const needs = job['needs'];
  if (typeof needs === 'string') return [needs];
  if (Array.isArray(needs)) return needs.map(toText);
  return [];
}

function matrixCombinations(job: ValueObject): (ValueObject | undefined)[] {
  const strategy = job['strategy'];
  const matrix = strategy && typeof strategy === 'object' && !Array.isArray(strategy) ? strategy['matrix'] : null;
  if (!matrix || typeof matrix !== 'object' || Array.isArray(matrix)) return [undefined];
  let combinations: ValueObject[] = [{}];
  for (const [axis, values] of Object.entries(matrix)) {
    if (axis === 'include' || axis === 'exclude' || !Array.isArray(values)) continue;
    combinations = combinations.flatMap((c) => values.map((v) => ({ ...c, [axis]: v })));
  }
  const include = Array.isArray(matrix['include']) ? (matrix['include'] as ValueObject[]) : [];
  if (Object.keys(combinations[0]!).length === 0) combinations = [];
  combinations.push(...include);
  return combinations.length > 0 ? combinations : [undefined];
}

function githubContext(event: Event): ValueObject {
  return {
    event_name: event.name,
    event: event.payload,
    actor: event.actor ?? 'octocat',
    triggering_actor: event.actor ?? 'octocat',
    repository: 'octo/release',
    repository_owner: 'octo',
    ref: toText(event.payload['ref'] ?? 'refs/heads/main'),
    ref_name: 'main',
    sha: '0123456789abcdef0123456789abcdef01234567',
    run_id: '4242',
    run_number: '17',
    run_attempt: String(event.runAttempt ?? 1),
    server_url: 'https://github.com',
    api_url: 'https://api.github.com',
    workspace: '/home/runner/work/release/release',
    token: TOKEN,
    job: '',
  };
}

async function runJob(
  jobId: string,
  job: ValueObject,
  options: RunOptions,
  needs: Record<string, { result: string; outputs: Record<string, string> }>,
): Promise<JobRecord[]> {
  const github = githubContext(options.event);
  const base: ValueObject = {
    github: { ...github, job: jobId },
    vars: options.vars,
    secrets: options.secrets,
    // workflow_dispatch: the form's values, as the event carries them.
    inputs: options.event.name === 'workflow_dispatch' ? (options.event.payload['inputs'] ?? {}) : {},
    needs: Object.fromEntries(Object.entries(needs).map(([id, n]) => [id, { result: n.result, outputs: n.outputs }])),
    runner: { os: 'Linux', arch: 'X64', temp: tmpdir() },
    strategy: {},
    env: {},
    matrix: {},
    steps: {},
    job: { status: 'success' },
  };
  const neededFailed = needsOf(job).some((id) => needs[id]?.result === 'failure');
  if (!evaluateCondition(job['if'], base, { failed: neededFailed, cancelled: false })) {
    return [{ jobId, ran: false, result: 'skipped', steps: [], outputs: {} }];
  }
  return Promise.all(matrixCombinations(job).map((matrix) => runJobOnce(jobId, job, options, base, matrix)));
}

async function runJobOnce(
  jobId: string,
  job: ValueObject,
  options: RunOptions,
  base: ValueObject,
  matrix: ValueObject | undefined,
): Promise<JobRecord> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'ollang-example-'));
  for (const [file, content] of Object.entries(options.workspaceFiles ?? {})) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), content);
  }
  const eventPath = path.join(mkdtempSync(path.join(tmpdir(), 'ollang-event-')), 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.event.payload));
  const steps: ValueObject = {};
  const contexts: ValueObject = { ...base, matrix: matrix ?? {}, steps };
  // Workflow env, then job env (each may use the contexts available at its level).
  const env: ValueObject = {};
  contexts['env'] = env;
  for (const level of [options.workflow['env'], job['env']]) {
    if (level && typeof level === 'object' && !Array.isArray(level)) {
      for (const [name, value] of Object.entries(level)) env[name] = interpolate(toText(value), contexts);
    }
  }

  const records: StepRecord[] = [];
  let failed = false;
  const list = Array.isArray(job['steps']) ? (job['steps'] as ValueObject[]) : [];
  for (const [index, step] of list.entries()) {
    const id = typeof step['id'] === 'string' ? step['id'] : undefined;
    const uses = typeof step['uses'] === 'string' ? step['uses'] : undefined;
    const ours = uses !== undefined && THIS_ACTION.test(uses.trim());
    const label = uses ?? `run: ${toText(step['run'] ?? '').split('\n')[0]}`;
    const condition = step['if'] === undefined ? undefined : toText(step['if']);
    const wouldRun = evaluateCondition(step['if'], contexts, { failed, cancelled: false });
    const record: StepRecord = {
      index,
      label,
      ours,
      wouldRun,
      outputs: {},
      outcome: 'skipped',
      notRunHere: false,
      ...(id ? { id } : {}),
      ...(condition !== undefined ? { condition } : {}),
    };
    records.push(record);
    const stub = id ? options.stubs?.[id] : undefined;
    const stepEnv: Record<string, string> = {
      ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, toText(v)])),
      ...(step['env'] && typeof step['env'] === 'object' && !Array.isArray(step['env'])
        ? Object.fromEntries(Object.entries(step['env']).map(([k, v]) => [k, interpolate(toText(v), contexts)]))
        : {}),
    };
    const runnerEnv: Record<string, string> = {
      GITHUB_EVENT_NAME: options.event.name,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_ACTOR: options.event.actor ?? 'octocat',
      GITHUB_REPOSITORY: 'octo/release',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: String(options.event.runAttempt ?? 1),
    };
    if (wouldRun && stub) {
      record.notRunHere = true;
      record.outcome = 'success';
      record.outputs = stub({ contexts, job: jobId });
    } else if (wouldRun && ours) {
      const given = step['with'] && typeof step['with'] === 'object' && !Array.isArray(step['with']) ? step['with'] : {};
      const inputs: Record<string, string> = {};
      // Inputs left out take action.yml's defaults, expressions evaluated (github-token: github.token).
      for (const [name, fallback] of Object.entries(actionDefaultsRaw())) inputs[name] = interpolate(fallback, contexts);
      for (const [name, value] of Object.entries(given)) inputs[name] = interpolate(toText(value), contexts);
      record.inputs = options.overrideInputs(inputs);
      record.run = await runAction({
        inputs: record.inputs,
        workspace,
        env: { ...stepEnv, ...runnerEnv, ...options.env },
        timeoutMs: 45_000,
      });
      record.outputs = record.run.outputs;
      record.outcome = record.run.exitCode === 0 ? 'success' : 'failure';
    } else if (wouldRun && typeof step['run'] === 'string' && options.runScripts) {
      const files = mkdtempSync(path.join(tmpdir(), 'ollang-script-'));
      const script = path.join(files, 'script.sh');
      const output = path.join(files, 'output');
      writeFileSync(script, interpolate(step['run'], contexts));
      writeFileSync(output, '');
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
        cwd: workspace,
        encoding: 'utf8',
        timeout: 30_000,
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: process.env['HOME'] ?? tmpdir(),
          GITHUB_ACTIONS: 'true',
          GITHUB_WORKSPACE: workspace,
          GITHUB_OUTPUT: output,
          GITHUB_STEP_SUMMARY: path.join(files, 'summary'),
          RUNNER_TEMP: files,
          ...stepEnv,
          ...runnerEnv,
          ...options.scriptEnv,
        },
      });
      record.script = { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
      record.outputs = parseFileCommands(readFileSync(output, 'utf8'));
      record.outcome = result.status === 0 ? 'success' : 'failure';
    } else if (wouldRun) {
      record.notRunHere = true;
      record.outcome = 'success';
    }
    if (record.outcome === 'failure' && step['continue-on-error'] !== true) failed = true;
    if (id) steps[id] = { outputs: record.outputs, outcome: record.outcome, conclusion: record.outcome };
  }

  const outputs: Record<string, string> = {};
  const declared = job['outputs'];
  if (declared && typeof declared === 'object' && !Array.isArray(declared)) {
    for (const [name, value] of Object.entries(declared)) outputs[name] = interpolate(toText(value), contexts);
  }
  return { jobId, ...(matrix ? { matrix } : {}), ran: true, result: failed ? 'failure' : 'success', steps: records, outputs };
}

let defaultsCache: Record<string, string> | undefined;
/** action.yml's defaults as written (harness.ts's actionDefaults blanks the expressions; the runner evaluates them). */
function actionDefaultsRaw(): Record<string, string> {
  if (defaultsCache) return defaultsCache;
  const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> };
  defaultsCache = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, toText((input.default ?? '') as Value)]));
  // Same keys as the harness fills in, so nothing is left to it.
  for (const name of Object.keys(actionDefaults())) defaultsCache[name] ??= '';
  return defaultsCache;
}
