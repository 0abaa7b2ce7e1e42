// CLI (`npm run simulator`): start the Ollang simulator, print how to point the action at it.
//
//   node test/simulator/server.ts [--port 4010] [--api-key KEY] [--projects proj-demo,proj-2] \
//     [--lifecycle-scale 1] [--host 127.0.0.1] [--seed 42] [--child-orders] \
//     [--create-response-order request|reversed|shuffled] [--subtitle-cues 12] \
//     [--outcome fr=failed] [--fault get:503:0.3] [--url-ttl-ms 600000] [--allow-chunked-create]
//     [--upload-limit-bytes N] [--project-name-extension append|keep]
//
// Defaults: port 4010 and project proj-demo, what .env.example (`npm run local`) expects; the
// key is the simulator's own (sim-key-0123456789). --port 0 takes any free port.
// --lifecycle-scale multiplies every lifecycle duration (1 = defaults: ~0.6 s to complete).
// --fault route:kind[:probability[:times]] may repeat; --outcome language=outcome may repeat.

import { parseArgs } from 'node:util';

import { DEFAULT_LIFECYCLE } from './lifecycle.ts';
import { OllangSimulator } from './simulator.ts';
import type { FaultKind, FaultRule, LanguageBehaviour, Lifecycle, Outcome, Route, SimulatorOptions } from './types.ts';

const DEFAULT_PORT = 4010;
const DEFAULT_PROJECTS = ['proj-demo'];

const USAGE =
  'usage: node test/simulator/server.ts [--port N (4010; 0: any free port)] [--host H] [--api-key K] [--lifecycle-scale X] [--projects a,b (proj-demo)] [--seed N] [--child-orders] [--create-response-order request|reversed|shuffled] [--subtitle-cues N] [--outcome lang=completed|failed|delivered|stuck] [--fault route:kind[:probability[:times]]] [--url-ttl-ms N] [--no-intermediate-statuses] [--allow-chunked-create] [--upload-limit-bytes N] [--project-name-extension append|keep]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function num(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) fail(`--${name} must be a non-negative number, got ${JSON.stringify(value)}`);
  return n;
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'api-key': { type: 'string' },
        'lifecycle-scale': { type: 'string' },
        projects: { type: 'string' },
        seed: { type: 'string' },
        'child-orders': { type: 'boolean' },
        'create-response-order': { type: 'string' },
        'subtitle-cues': { type: 'string' },
        outcome: { type: 'string', multiple: true },
        fault: { type: 'string', multiple: true },
        'url-ttl-ms': { type: 'string' },
        'no-intermediate-statuses': { type: 'boolean' },
        'allow-chunked-create': { type: 'boolean' },
        'upload-limit-bytes': { type: 'string' },
        'project-name-extension': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (err) {
    fail((err as Error).message);
  }
})();

if (values.help === true) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const scale = num('lifecycle-scale', values['lifecycle-scale']) ?? 1;
const lifecycle: Partial<Lifecycle> = {
  pendingMs: DEFAULT_LIFECYCLE.pendingMs * scale,
  ongoingMs: DEFAULT_LIFECYCLE.ongoingMs * scale,
  humanReviewMs: DEFAULT_LIFECYCLE.humanReviewMs * scale,
  outputsLagMs: DEFAULT_LIFECYCLE.outputsLagMs * scale,
  cancellableOngoingMs: DEFAULT_LIFECYCLE.cancellableOngoingMs * scale,
  intermediateStatuses: values['no-intermediate-statuses'] !== true,
};

const languages: Record<string, LanguageBehaviour> = {};
for (const spec of values.outcome ?? []) {
  const [lang, outcome] = spec.split('=');
  if (lang === undefined || lang === '' || !['completed', 'failed', 'delivered', 'stuck'].includes(outcome ?? ''))
    fail(`bad --outcome ${spec}`);
  languages[lang] = { outcome: outcome as Outcome };
}

const ROUTES = ['create', 'get', 'list', 'cancel', 'cancel-human-review', 'download', 'upload', 'list-projects', 'get-project', 'any'];
const KINDS = [
  '500',
  '503',
  '429',
  'reset',
  'slow',
  'create-no-answer',
  'truncate',
  'html-200',
  'json-200',
  'malformed-json',
  'drift',
  'upload-no-answer',
  'slow-upload',
  'trickle',
];
const faults: FaultRule[] = [];
for (const spec of values.fault ?? []) {
  const [route, kind, probability, times] = spec.split(':');
  if (!ROUTES.includes(route ?? '') || !KINDS.includes(kind ?? '')) fail(`bad --fault ${spec}`);
  const rule: FaultRule = { route: route as Route, kind: kind as FaultKind };
  const p = num('fault probability', probability);
  const t = num('fault times', times);
  if (p !== undefined) rule.probability = p;
  if (t !== undefined) rule.times = t;
  faults.push(rule);
}

const order = values['create-response-order'];
if (order !== undefined && order !== 'request' && order !== 'reversed' && order !== 'shuffled')
  fail(`bad --create-response-order ${order}`);

const projects =
  values.projects === undefined
    ? DEFAULT_PROJECTS
    : values.projects
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
if (projects.length === 0) fail('--projects needs at least one project ID');
const port = num('port', values.port) ?? DEFAULT_PORT;
const options: SimulatorOptions = {
  lifecycle,
  languages,
  faults,
  host: values.host ?? '127.0.0.1',
  port,
  projects,
  childOrders: values['child-orders'] === true,
  rejectChunkedCreate: values['allow-chunked-create'] !== true,
};
if (values['api-key'] !== undefined) options.apiKey = values['api-key'];
const seed = num('seed', values.seed);
if (seed !== undefined) options.seed = seed;
if (order !== undefined) options.createResponseOrder = order;
const cues = num('subtitle-cues', values['subtitle-cues']);
if (cues !== undefined) options.subtitleCues = cues;
const ttl = num('url-ttl-ms', values['url-ttl-ms']);
if (ttl !== undefined) options.urlTtlMs = ttl;

const uploadLimit = num('upload-limit-bytes', values['upload-limit-bytes']);
if (uploadLimit !== undefined) options.uploadLimitBytes = uploadLimit;
const nameExtension = values['project-name-extension'];
if (nameExtension !== undefined && nameExtension !== 'append' && nameExtension !== 'keep')
  fail(`bad --project-name-extension ${nameExtension}`);
if (nameExtension !== undefined) options.projectNameExtension = nameExtension;

let sim: OllangSimulator;
try {
  sim = await OllangSimulator.start(options);
} catch (err) {
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    fail(`port ${port} is in use (another simulator?): pass --port N, or --port 0 for any free port`);
  }
  throw err;
}
const completesInS = ((lifecycle.pendingMs ?? 0) + (lifecycle.ongoingMs ?? 0) + (lifecycle.outputsLagMs ?? 0)) / 1000;
// The first line is what scripts wait for (ci.yml greps it); the rest is for people.
process.stdout.write(
  [
    `Ollang simulator listening on ${sim.url} (api key: ${sim.apiKey})`,
    '',
    `  api-url     ${sim.url}`,
    `  api-key     ${sim.apiKey}`,
    `  project-id  ${projects[0]}${projects.length > 1 ? `  (also: ${projects.slice(1).join(', ')})` : ''}`,
    '',
    `Orders finish about ${completesInS.toFixed(1)} s after they are created. Nothing here is billed or leaves this machine.`,
    '',
    'Point the action at it: `npm run local` in another terminal (.env.example has these values). In a workflow,',
    'start this server in an earlier step of the same job (README: "Try a workflow against the simulator"), then:',
    '',
    '      - uses: ollang/localize-action@v1',
    '        with:',
    `          api-url: ${sim.url}`,
    `          api-key: ${sim.apiKey}`,
    `          project-id: ${projects[0]}`,
    '          target-languages: fr, es',
    '          poll-interval: 1s',
    '',
    'Stop it with Ctrl+C.',
    '',
  ].join('\n'),
);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  sim.close().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`simulator: error while stopping on ${signal}: ${String(err)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
