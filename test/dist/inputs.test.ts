/**
 * Issue 14, "inputs that never surprise", through the bundle as the runner runs it: every bad
 * input in one error before any request, the warnings a valid but surprising input gets, the
 * Dependabot skip, plain http refused off this machine, and `download: auto` following the
 * order type.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OllangSimulator } from '../simulator/index.ts';
import { parseOrders, runAction, type ActionRun } from './harness.ts';

const FAST = { pendingMs: 100, ongoingMs: 200, outputsLagMs: 50, intermediateStatuses: false };

const simulators: OllangSimulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((s) => s.close()));
});

async function simulator(): Promise<OllangSimulator> {
  const sim = await OllangSimulator.start({ lifecycle: FAST });
  simulators.push(sim);
  return sim;
}

function run(sim: OllangSimulator, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: {
      'api-key': sim.apiKey,
      'api-url': sim.url,
      'project-id': 'proj-demo',
      'target-languages': 'fr',
      'poll-interval': '150ms',
      timeout: '20s',
      ...inputs,
    },
    env,
    timeoutMs: 40_000,
  });
}

const log = (r: ActionRun): string => `exit ${r.exitCode}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

/** The messages of one kind of workflow command (`::warning title=...::message`), unescaped. */
function commands(r: ActionRun, kind: 'error' | 'warning' | 'notice'): string[] {
  return r.stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${kind}`))
    .map((line) => line.slice(line.indexOf('::', 2) + 2).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'));
}

describe('inputs through dist/index.js', () => {
  it('reports every bad input in one error, before any request', async () => {
    const sim = await simulator();
    const r = await run(sim, { level: '3', mode: 'wait', 'api-url': 'http://api.example.com', download: 'srt' });
    expect(r.exitCode, log(r)).toBe(1);
    const errors = commands(r, 'error');
    expect(errors).toHaveLength(1);
    const lines = errors[0]!.split('\n');
    expect(lines[0]).toBe('4 inputs are not valid:');
    expect(lines.slice(1).map((line) => /^- Input '([^']+)'/.exec(line)?.[1])).toEqual(['api-url', 'level', 'mode', 'download']);
    expect(sim.requests).toHaveLength(0);
  });

  it('refuses plain http to another machine without sending the key anywhere', async () => {
    const sim = await simulator();
    // A listener on this machine stands in for the remote host: nothing may reach it.
    const r = await run(sim, { 'api-url': sim.url.replace('127.0.0.1', '127.0.0.1.nip.io') });
    expect(r.exitCode, log(r)).toBe(1);
    expect(commands(r, 'error')[0]).toContain("Input 'api-url'");
    expect(commands(r, 'error')[0]).toContain('unencrypted');
    expect(sim.requests).toHaveLength(0);
  });

  it('warns, with the unit, about a bare timeout under 5 minutes, and still runs', async () => {
    const sim = await simulator();
    const r = await run(sim, { timeout: '60' });
    expect(r.exitCode, log(r)).toBe(0);
    const warnings = commands(r, 'warning');
    expect(warnings.filter((w) => w.startsWith("Input 'timeout'"))).toEqual([
      expect.stringContaining('"60" has no unit, so it is 60 seconds: the action waits at most 1m'),
    ]);
    expect(r.stdout).toMatch(/^::warning title=Check the inputs::Input 'timeout'/m);
    // The wait says its bound with the unit too.
    expect(r.stdout).toContain('(up to 1m)');
  });

  it('warns that target-languages is ignored when order-ids is given', async () => {
    const sim = await simulator();
    const order = sim.addOrder({ targetLanguage: 'es', status: 'completed' });
    const r = await run(sim, { 'order-ids': order.id, 'target-languages': 'fr, de', 'project-id': '' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(commands(r, 'warning')).toContainEqual(expect.stringMatching(/^Input 'target-languages' \(fr, de\) is ignored/));
    expect(parseOrders(r).map((o) => o.language)).toEqual(['es']);
    expect(sim.count('create')).toBe(0);
  });

  it('skips with a notice when Dependabot started the run and the key is empty', async () => {
    const sim = await simulator();
    const r = await run(sim, { 'api-key': '' }, { GITHUB_ACTOR: 'dependabot[bot]', GITHUB_EVENT_NAME: 'pull_request' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(commands(r, 'notice')).toEqual([expect.stringContaining('started by Dependabot')]);
    expect(commands(r, 'error')).toEqual([]);
    expect(sim.requests).toHaveLength(0);
    // Anyone else with an empty key: the usual failure.
    const other = await run(sim, { 'api-key': '' }, { GITHUB_ACTOR: 'octocat' });
    expect(other.exitCode, log(other)).toBe(1);
    expect(commands(other, 'error')[0]).toContain("Input 'api-key': is required and is empty");
  });

  it.each([
    ['document', /\.docx$/],
    ['aiDubbing', /\.mp3$/],
  ])('download: auto gets what a %s order delivers', async (orderType, deliverable) => {
    const sim = await simulator();
    const r = await run(sim, { 'order-type': orderType });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('completed');
    const [order] = parseOrders(r).filter((o) => o.type === orderType);
    expect(order?.files.some((file) => deliverable.test(file)), JSON.stringify(order)).toBe(true);
    if (orderType === 'document') expect(order?.files.every((file) => deliverable.test(file))).toBe(true);
    // The dub comes with its subtitles (the simulator's dubbing orders have no vttUrl).
    if (orderType === 'aiDubbing') expect(order?.files.some((file) => file.endsWith('.srt'))).toBe(true);
  });
});
