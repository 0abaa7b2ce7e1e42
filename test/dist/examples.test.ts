/**
 * Every example workflow (examples/*.yml, and each workflow in README.md outside its generated
 * examples section) run through the bundled action against the simulator, so an example cannot
 * drift from what the action does (issue 14).
 *
 * test/dist/workflow.ts plays the runner: expressions, contexts, conditions, matrix, needs.
 * Values a test cannot take literally are replaced: the simulator's URL for `api-url`, its key
 * for `secrets.OLLANG_API_KEY`, a project it knows for `vars.OLLANG_PROJECT_ID`, waits of at
 * most 20 s and status checks every 150 ms. Steps of other actions never run here (their
 * conditions are evaluated: "would run" is checked where an example promises it); the list of
 * them is printed once at the end.
 *
 * 1. Every file, every event it is triggered by: each step of this action that the runner would
 *    run succeeds, with no input warning. A new example is picked up without an edit here.
 * 2. What each example's comments promise, with `run:` scripts run in bash (jq, and
 *    test/fakes/gh-cli.ts as `gh`): the Dependabot and fork skip, collect stopping once
 *    everything is delivered, reuse on a re-run, the cancel button, 60 languages in 4 shards,
 *    the README's upload after a `partial` run.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { OllangSimulator, type SimulatorOptions } from '../simulator/index.ts';
import { startGitHubApi, type FakeGitHubApi } from '../fakes/github-api.ts';
import { ghShim, readGhState } from '../fakes/gh-cli.ts';
import { parseDuration } from '../../src/duration.ts';
import { node24, parseOrders, type ActionRun } from './harness.ts';
import {
  defaultEvent,
  evaluate,
  evaluateCondition,
  listWorkflowFiles,
  runWorkflow,
  triggers,
  type Event,
  type JobRecord,
  type RunOptions,
  type StepRecord,
  type Value,
  type WorkflowFile,
} from './workflow.ts';

const FAST = { pendingMs: 100, ongoingMs: 200, outputsLagMs: 50, intermediateStatuses: false };
const PROJECT = 'proj-demo';
const MAX_WAIT_MS = 20_000;

const FILES = listWorkflowFiles();
const file = (label: string): WorkflowFile => {
  const found = FILES.find((f) => f.label === label);
  if (!found) throw new Error(`no workflow ${label}`);
  return found;
};
const readmeWorkflow = (name: string): WorkflowFile => {
  const found = FILES.find((f) => f.label.startsWith('README.md') && f.workflow['name'] === name);
  if (!found) throw new Error(`README.md has no workflow named ${name}`);
  return found;
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function simulator(options: SimulatorOptions = {}): Promise<OllangSimulator> {
  const sim = await OllangSimulator.start({ lifecycle: FAST, projects: [PROJECT], ...options });
  closers.push(() => sim.close());
  return sim;
}

async function githubApi(): Promise<FakeGitHubApi> {
  const api = await startGitHubApi();
  closers.push(() => api.close());
  return api;
}

/** A wait of at most 20 s, `0` kept (it means "check once"). */
function shorten(duration: string | undefined): string {
  const ms = parseDuration(duration === undefined || duration === '' ? '60m' : duration);
  return ms === 0 ? '0' : `${Math.min(ms, MAX_WAIT_MS)}ms`;
}

function options(
  sim: OllangSimulator,
  github: FakeGitHubApi,
  workflow: WorkflowFile,
  event: Event,
  extra: Partial<RunOptions> = {},
): RunOptions {
  return {
    workflow: workflow.workflow,
    event,
    secrets: { OLLANG_API_KEY: sim.apiKey },
    vars: { OLLANG_PROJECT_ID: PROJECT },
    overrideInputs: (inputs) => ({
      ...inputs,
      'api-url': sim.url,
      timeout: shorten(inputs['timeout']),
      'poll-interval': '150ms',
    }),
    env: { GITHUB_API_URL: github.url },
    // What a checkout of the media examples' repository brings, and what their file filter lists.
    workspaceFiles: MEDIA_FILES,
    stubs: { changes: () => ({ changes: '["media"]', media: 'true', media_files: 'videos/intro.mp4,videos/tour/launch.mp4' }) },
    ...extra,
  };
}

/** The media files of the examples that localize media (a few bytes: the simulator does not decode them). */
const MEDIA_FILES: Record<string, string> = {
  'videos/intro.mp4': 'intro video',
  'videos/tour/launch.mp4': 'launch video',
  'videos/drafts/wip.mp4': 'a draft',
  'docs/guide/intro.mp4': 'docs video',
};

const ours = (jobs: JobRecord[]): StepRecord[] => jobs.flatMap((job) => job.steps.filter((step) => step.ours));
const step = (jobs: JobRecord[], predicate: (step: StepRecord) => boolean): StepRecord => {
  const found = jobs.flatMap((job) => job.steps).find(predicate);
  if (!found) throw new Error('no such step');
  return found;
};
const byId = (jobs: JobRecord[], id: string): StepRecord => step(jobs, (s) => s.id === id);
const byUses = (jobs: JobRecord[], prefix: string): StepRecord => step(jobs, (s) => s.label.startsWith(prefix));

/** Messages of one kind of workflow command, unescaped. */
function commands(run: ActionRun | undefined, kind: 'error' | 'warning' | 'notice'): string[] {
  return (run?.stdout ?? '')
    .split('\n')
    .filter((line) => line.startsWith(`::${kind}`))
    .map((line) => line.slice(line.indexOf('::', 2) + 2).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'));
}

function describeRun(run: ActionRun | undefined): string {
  return run ? `exit ${run.exitCode}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}` : 'not run';
}

/** How many steps of this action ran, by workflow, in the runs of part 1. */
const ranSteps = new Map<string, number>();

/** Steps the runner would have run, by workflow: those run here (scripts), and those not. */
const stepsSeen = new Map<string, { run: Set<string>; notRun: Set<string> }>();

/** runWorkflow, keeping count of the steps not run here; the list is printed once, at the end. */
async function run(workflow: WorkflowFile, runOptions: RunOptions): Promise<JobRecord[]> {
  const jobs = await runWorkflow(runOptions);
  const seen = stepsSeen.get(workflow.label) ?? { run: new Set<string>(), notRun: new Set<string>() };
  stepsSeen.set(workflow.label, seen);
  for (const record of jobs.flatMap((job) => job.steps)) {
    if (record.notRunHere) seen.notRun.add(record.label);
    else if (record.script) seen.run.add(record.label);
  }
  return jobs;
}

afterAll(() => {
  const lines = [...stepsSeen]
    .map(([label, seen]) => [label, [...seen.notRun].filter((step) => !seen.run.has(step))] as const)
    .filter(([, steps]) => steps.length > 0)
    .map(([label, steps]) => `  ${label}: ${steps.map((step) => step.slice(0, 60)).join('; ')}`);
  if (lines.length > 0) console.log(`Steps the runner would run that no test here ran (other actions, stand-ins):\n${lines.join('\n')}`);
});

// ------------------------------------------------------------------------------ the interpreter

describe('workflow expressions, as the runner evaluates them', () => {
  const contexts = {
    steps: { localize: { outputs: { files: 'a.srt', status: 'partial', orders: '[{"status":"completed"}]' } } },
    inputs: { 'order-ids': '', 'target-languages': 'fr, es', 'dry-run': false },
    github: { event_name: 'pull_request', actor: 'dependabot[bot]' },
  } satisfies Record<string, Value>;

  it('applies success() to a condition without a status function, and not to one with', () => {
    const failedBefore = { failed: true, cancelled: false };
    expect(evaluateCondition("steps.localize.outputs.files != ''", contexts, failedBefore)).toBe(false);
    expect(evaluateCondition("${{ !cancelled() && steps.localize.outputs.files != '' }}", contexts, failedBefore)).toBe(true);
    expect(evaluateCondition(undefined, contexts, failedBefore)).toBe(false);
    expect(evaluateCondition('${{ always() }}', contexts, { failed: true, cancelled: true })).toBe(true);
    expect(evaluateCondition('${{ !cancelled() }}', contexts, { failed: false, cancelled: true })).toBe(false);
  });

  it('compares loosely, strings without regard to case, and returns operands from && and ||', () => {
    expect(evaluate("github.actor == 'Dependabot[bot]'", contexts)).toBe(true);
    expect(evaluate("inputs.order-ids == '' && inputs.target-languages || ''", contexts)).toBe('fr, es');
    expect(evaluate("inputs.order-ids != '' && inputs.target-languages || ''", contexts)).toBe('');
    expect(evaluate('inputs.dry-run == false', contexts)).toBe(true);
    expect(evaluate("contains(steps.localize.outputs.orders, '\"status\":\"completed\"')", contexts)).toBe(true);
    expect(evaluate('steps.nope.outputs.files', contexts)).toBe(null);
    // A missing output is null, and null == '' (both are 0 as numbers): conditions on unset outputs read as empty.
    expect(evaluate("steps.nope.outputs.files != ''", contexts)).toBe(false);
    expect(evaluate("steps.nope.outputs.files == ''", contexts)).toBe(true);
    expect(() => evaluate('secret.X', contexts)).toThrow(/unknown context/);
  });
});

// ------------------------------------------------------------------------------ 1. every example

describe.each(FILES.map((f) => [f.label, f] as const))('%s', (_label, workflow) => {
  it.each(triggers(workflow.workflow))('on %s, every step of this action it would run succeeds, with no input warning', async (eventName) => {
    const sim = await simulator();
    const github = await githubApi();
    const event = defaultEvent(eventName, { workflow: workflow.workflow });
    const jobs = await run(workflow, options(sim, github, workflow, event));
    ranSteps.set(workflow.label, (ranSteps.get(workflow.label) ?? 0) + ours(jobs).filter((s) => s.run !== undefined).length);
    for (const record of ours(jobs).filter((s) => s.wouldRun)) {
      const run = record.run;
      expect(run?.exitCode, describeRun(run)).toBe(0);
      expect(commands(run, 'error'), describeRun(run)).toEqual([]);
      expect(run?.stdout ?? '', describeRun(run)).not.toMatch(/^::warning title=Check the inputs::/m);
      expect(['completed', 'pending', 'cancelled', 'dry-run']).toContain(run?.outputs['status']);
    }
  });

  it('every actions/upload-artifact step sets overwrite: true (a re-run is the same workflow run, and names are unique in it)', () => {
    const jobs = Object.values((workflow.workflow['jobs'] ?? {}) as Record<string, { steps?: Array<Record<string, unknown>> }>);
    for (const s of jobs.flatMap((job) => job.steps ?? [])) {
      if (typeof s['uses'] !== 'string' || !s['uses'].startsWith('actions/upload-artifact@')) continue;
      expect((s['with'] as Record<string, unknown> | undefined)?.['overwrite'], `${workflow.label}: ${JSON.stringify(s)}`).toBe(true);
    }
  });

  it('runs at least one step of this action on one of its events (else this file tests nothing)', () => {
    expect(ranSteps.get(workflow.label) ?? 0, `${workflow.label}: no step of this action runs on its own triggers`).toBeGreaterThan(0);
  });
});

// ------------------------------------------------------------------------------ 2. their promises

describe('what the examples promise', () => {
  it("README's first workflow: a partial run (one language failed) still uploads the files that arrived", async () => {
    const sim = await simulator({ languages: { ja: { outcome: 'failed' } } });
    const github = await githubApi();
    const workflow = readmeWorkflow('Subtitles');
    const jobs = await run(workflow, options(sim, github, workflow, defaultEvent('release')));
    const localize = byId(jobs, 'localize');
    expect(localize.run?.exitCode, describeRun(localize.run)).toBe(1);
    expect(localize.outputs['status']).toBe('partial');
    expect(localize.outputs['files']).toContain('localized/fr/');
    const upload = byUses(jobs, 'actions/upload-artifact');
    expect(upload.condition).toContain('!cancelled()');
    expect(upload.wouldRun).toBe(true);
  });

  it("README's simulator workflow: the action runs against the simulator the workflow starts", async () => {
    const sim = await simulator();
    const github = await githubApi();
    const workflow = readmeWorkflow('Try Ollang Localize');
    const jobs = await run(
      workflow,
      options(sim, github, workflow, defaultEvent('workflow_dispatch'), {
        runScripts: true,
        // The test's simulator stands in for the one the step starts.
        stubs: { simulator: () => ({}) },
      }),
    );
    const localize = byId(jobs, 'localize');
    expect(localize.inputs?.['api-key']).toBe(sim.apiKey);
    expect(localize.run?.exitCode, describeRun(localize.run)).toBe(0);
    expect(localize.outputs['status']).toBe('completed');
    expect(byUses(jobs, 'actions/upload-artifact').wouldRun).toBe(true);
  });

  describe('media examples', () => {
    it('release-media.yml: each video is one project; publishing again uploads nothing and orders nothing; drafts are left out', async () => {
      const sim = await simulator({ projects: [] });
      const github = await githubApi();
      const workflow = file('examples/release-media.yml');
      const first = await run(workflow, options(sim, github, workflow, defaultEvent('release')));
      const localize = byId(first, 'localize');
      expect(localize.run?.exitCode, describeRun(localize.run)).toBe(0);
      expect(JSON.parse(localize.outputs['projects'] ?? '[]')).toEqual([
        { media: 'videos/intro.mp4', projectId: expect.any(String), uploaded: true },
        { media: 'videos/tour/launch.mp4', projectId: expect.any(String), uploaded: true },
      ]);
      expect(localize.outputs['files']).toContain('videos/intro.fr.vtt');
      expect(byUses(first, 'peter-evans/create-pull-request').wouldRun).toBe(true);
      const creates = sim.count('create');
      const again = byId(await run(workflow, options(sim, github, workflow, defaultEvent('release'))), 'localize');
      expect(again.run?.exitCode, describeRun(again.run)).toBe(0);
      expect(sim.count('upload')).toBe(2);
      expect(sim.count('create')).toBe(creates);
    });

    it('pull-request-media.yml: only the files the filter lists; a fork runs nothing', async () => {
      const sim = await simulator({ projects: [] });
      const github = await githubApi();
      const workflow = file('examples/pull-request-media.yml');
      const jobs = await run(workflow, options(sim, github, workflow, defaultEvent('pull_request')));
      const localize = byId(jobs, 'localize');
      expect(localize.inputs?.['media']).toBe('videos/intro.mp4,videos/tour/launch.mp4');
      expect(localize.run?.exitCode, describeRun(localize.run)).toBe(0);
      expect(localize.outputs['files']?.split('\n').sort()).toEqual([
        'videos/intro.de.srt',
        'videos/intro.de.vtt',
        'videos/intro.es.srt',
        'videos/intro.es.vtt',
        'videos/intro.fr.srt',
        'videos/intro.fr.vtt',
        'videos/tour/launch.de.srt',
        'videos/tour/launch.de.vtt',
        'videos/tour/launch.es.srt',
        'videos/tour/launch.es.vtt',
        'videos/tour/launch.fr.srt',
        'videos/tour/launch.fr.vtt',
      ]);
      const fork = await run(workflow, options(sim, github, workflow, defaultEvent('pull_request', { fork: true, actor: 'stranger' })));
      expect(fork[0]?.ran).toBe(false);
    });

    it('docs-site-videos.yml: only WebVTT files, beside each video', async () => {
      const sim = await simulator({ projects: [] });
      const github = await githubApi();
      const workflow = file('examples/docs-site-videos.yml');
      const localize = byId(await run(workflow, options(sim, github, workflow, defaultEvent('push'))), 'localize');
      expect(localize.run?.exitCode, describeRun(localize.run)).toBe(0);
      expect(localize.outputs['files']?.split('\n').sort()).toEqual(['docs/guide/intro.de.vtt', 'docs/guide/intro.fr.vtt', 'docs/guide/intro.ja.vtt']);
    });
  });

  describe('pull-request.yml', () => {
    const workflow = file('examples/pull-request.yml');

    it('a pull request from the repository: orders, keeps one PR comment, uploads the files', async () => {
      const sim = await simulator();
      const github = await githubApi();
      const jobs = await run(workflow, options(sim, github, workflow, defaultEvent('pull_request')));
      const localize = byId(jobs, 'localize');
      expect(localize.run?.exitCode, describeRun(localize.run)).toBe(0);
      expect(github.comments.filter((c) => c.issueNumber === 7)).toHaveLength(1);
      expect(byUses(jobs, 'actions/upload-artifact').wouldRun).toBe(true);
    });

    it.each([
      ['from a fork', defaultEvent('pull_request', { fork: true, actor: 'stranger' }), /fork/],
      ["by Dependabot (Dependabot secrets only: OLLANG_API_KEY is empty)", defaultEvent('pull_request', { actor: 'dependabot[bot]' }), /Dependabot/],
    ])('a pull request %s: skipped with a notice, nothing ordered, green, no artifact', async (_who, event, notice) => {
      const sim = await simulator();
      const github = await githubApi();
      // GitHub passes no Actions secrets to these runs; variables still come through.
      const jobs = await run(workflow, { ...options(sim, github, workflow, event), secrets: {} });
      const localize = byId(jobs, 'localize');
      expect(localize.run?.exitCode, describeRun(localize.run)).toBe(0);
      expect(commands(localize.run, 'notice')).toEqual([expect.stringMatching(notice)]);
      expect(commands(localize.run, 'error')).toEqual([]);
      expect(sim.requests).toHaveLength(0);
      expect(github.requests).toHaveLength(0);
      expect(byUses(jobs, 'actions/upload-artifact').wouldRun).toBe(false);
      expect(jobs[0]?.result).toBe('success');
    });
  });

  describe('submit-then-collect.yml: the schedule stops once nothing is left to wait for', () => {
    const workflow = file('examples/submit-then-collect.yml');
    const LANGUAGES = ['fr', 'es', 'de', 'it', 'pt-BR', 'ja'];

    async function scenario(languages: SimulatorOptions['languages'] = {}) {
      // Orders take minutes on the simulator's clock, which the test moves on.
      let offset = 0;
      const sim = await simulator({
        lifecycle: { pendingMs: 60_000, ongoingMs: 60_000, outputsLagMs: 0, intermediateStatuses: false },
        now: () => Date.now() + offset,
        languages,
      });
      const github = await githubApi();
      const gh = ghShim(node24);
      const on = (eventName: string) =>
        run(
          workflow,
          options(sim, github, workflow, defaultEvent(eventName, { workflow: workflow.workflow }), {
            runScripts: true,
            scriptEnv: { PATH: `${gh.bin}:${process.env['PATH'] ?? ''}`, FAKE_GH_STATE: gh.state },
          }),
        );
      const issues = () => readGhState(gh.state).issues;
      return { sim, on, issues, advance: (ms: number) => void (offset += ms) };
    }

    it('push submits and records the orders; the schedule collects what finished, then closes the record, then stops calling Ollang', async () => {
      const { sim, on, issues, advance } = await scenario();

      // Push: submit, and an open issue records the six orders.
      const pushed = await on('push');
      const submit = byId(pushed, 'submit');
      expect(submit.outputs['status'], describeRun(submit.run)).toBe('pending');
      const ids = JSON.parse(submit.outputs['order-ids'] ?? '[]') as string[];
      expect(ids).toHaveLength(LANGUAGES.length);
      expect(byId(pushed, 'submit').run?.exitCode).toBe(0);
      expect(pushed.find((j) => j.jobId === 'collect')?.ran).toBe(false);
      expect(issues()).toHaveLength(1);
      expect(issues()[0]).toMatchObject({ state: 'open', labels: ['ollang-pending'] });
      expect(issues()[0]?.body).toContain(`order-ids: ${[...ids].sort().join(',')}`);

      // Schedule, orders still running: checked once, nothing to download, green, record kept.
      const early = await on('schedule');
      const collect = byId(early, 'collect');
      expect(collect.run?.exitCode, describeRun(collect.run)).toBe(0);
      expect(collect.outputs['status']).toBe('timed-out');
      expect(collect.inputs?.['order-ids']).toBe([...ids].sort().join(','));
      expect(byUses(early, 'actions/upload-artifact').wouldRun).toBe(false);
      expect(step(early, (s) => s.label.startsWith('run: waiting=')).script?.stdout).toContain('6 order(s) still to collect');
      expect(early.find((j) => j.jobId === 'collect')?.result).toBe('success');
      expect(issues()[0]?.state).toBe('open');
      expect(sim.count('create')).toBe(1);

      // Later: everything delivered. Downloaded, uploaded, the record closed with the result.
      advance(10 * 60_000);
      const done = await on('schedule');
      const delivered = byId(done, 'collect');
      expect(delivered.run?.exitCode, describeRun(delivered.run)).toBe(0);
      expect(delivered.outputs['status']).toBe('completed');
      expect(parseOrders(delivered.run!).every((o) => o.files.length > 0)).toBe(true);
      expect(byUses(done, 'actions/upload-artifact').wouldRun).toBe(true);
      expect(issues()[0]?.state).toBe('closed');
      expect(issues()[0]?.comments[0]).toMatch(/^Collected, status `completed`/);
      expect(issues()[0]?.comments[0]).toContain('- pt-BR: completed');

      // The next scheduled runs stop at their first step: no request to Ollang at all.
      const before = sim.requests.length;
      const idle = await on('schedule');
      expect(byId(idle, 'pending').script?.stdout).toContain('Nothing pending');
      expect(byId(idle, 'collect').wouldRun).toBe(false);
      expect(idle.find((j) => j.jobId === 'collect')?.result).toBe('success');
      expect(sim.requests.length).toBe(before);
      expect(sim.count('create')).toBe(1);
    });

    it('an order that failed fails the one collect run that finds it, and the record is closed all the same', async () => {
      const { sim, on, issues, advance } = await scenario({ ja: { outcome: 'failed' } });
      await on('push');
      advance(10 * 60_000);
      const found = await on('schedule');
      const collect = byId(found, 'collect');
      expect(collect.run?.exitCode, describeRun(collect.run)).toBe(1);
      expect(collect.outputs['status']).toBe('partial');
      // The five that arrived are still uploaded, and the record is closed: nothing will change.
      expect(byUses(found, 'actions/upload-artifact').wouldRun).toBe(true);
      expect(issues()[0]?.state).toBe('closed');
      expect(issues()[0]?.comments[0]).toContain('- ja: failed');
      const before = sim.requests.length;
      const idle = await on('schedule');
      expect(idle.find((j) => j.jobId === 'collect')?.result).toBe('success');
      expect(sim.requests.length).toBe(before);
    });

    it('an order that failed while another still runs: that one collect run fails, the record keeps only the others', async () => {
      const { on, issues, advance } = await scenario({ ja: { outcome: 'failed' }, es: { outcome: 'stuck' } });
      const submitted = JSON.parse(byId(await on('push'), 'submit').outputs['order-ids'] ?? '[]') as string[];
      advance(10 * 60_000);
      const found = await on('schedule');
      const collect = byId(found, 'collect');
      // The action's step is green (es still runs: timed-out, on-timeout: continue) ...
      expect(collect.run?.exitCode, describeRun(collect.run)).toBe(0);
      expect(collect.outputs['status']).toBe('timed-out');
      const ja = parseOrders(collect.run!).find((o) => o.language === 'ja')!;
      expect(ja.status).toBe('failed');
      // ... so the record step fails the run, once, and takes ja off the record.
      const record = step(found, (s) => s.label.startsWith('run: waiting='));
      expect(record.script?.exitCode, record.script?.stderr).toBe(1);
      expect(record.script?.stdout).toContain(`::error title=Ollang order failed::Failed or cancelled at Ollang: ${ja.orderId};`);
      expect(found.find((j) => j.jobId === 'collect')?.result).toBe('failure');
      expect(issues()[0]?.state).toBe('open');
      const kept = submitted.filter((id) => id !== ja.orderId).sort();
      expect(issues()[0]?.body?.split('\n')).toContain(`order-ids: ${kept.join(',')}`);
      // The next runs wait, green, for the others only.
      const next = await on('schedule');
      expect(byId(next, 'collect').inputs?.['order-ids']).toBe(kept.join(','));
      expect(next.find((j) => j.jobId === 'collect')?.result).toBe('success');
    });
  });

  it('rerun-safe.yml: attempt 1 creates every order, a re-run reuses all of them and says so', async () => {
    const sim = await simulator();
    const github = await githubApi();
    const workflow = file('examples/rerun-safe.yml');
    const attempt = (runAttempt: number) =>
      run(workflow, options(sim, github, workflow, { ...defaultEvent('release'), runAttempt }, { runScripts: true }));
    const first = await attempt(1);
    const report = (jobs: JobRecord[]) => step(jobs, (s) => s.label.startsWith('run: echo "Attempt')).script?.stdout ?? '';
    expect(report(first)).toMatch(/^Attempt 1:/);
    expect(report(first).match(/created \(billed\)/g)).toHaveLength(5);
    const second = await attempt(2);
    expect(report(second)).toMatch(/^Attempt 2:/);
    expect(report(second).match(/\treused$/gm)).toHaveLength(5);
    expect(report(second)).not.toContain('created (billed)');
    expect(sim.count('create')).toBe(1);
  });

  describe('cancel-button.yml', () => {
    const workflow = file('examples/cancel-button.yml');
    const dispatch = (inputs: Record<string, Value>): Event => {
      const event = defaultEvent('workflow_dispatch', { workflow: workflow.workflow });
      return { ...event, payload: { ...event.payload, inputs: { ...(event.payload['inputs'] as Record<string, Value>), ...inputs } } };
    };

    it('with the form left empty: cancels the unfinished orders of the languages, leaves finished ones', async () => {
      const sim = await simulator();
      const github = await githubApi();
      const running = ['fr', 'es', 'ja'].map((language) => sim.addOrder({ targetLanguage: language, status: 'pending', projectId: PROJECT }));
      const finished = sim.addOrder({ targetLanguage: 'de', status: 'completed', projectId: PROJECT });
      const jobs = await run(workflow, options(sim, github, workflow, dispatch({}), { runScripts: true }));
      const cancel = byId(jobs, 'cancel');
      expect(cancel.run?.exitCode, describeRun(cancel.run)).toBe(0);
      expect(cancel.outputs['status']).toBe('cancelled');
      const statuses = new Map(sim.orders().map((o) => [o.id, o.status]));
      for (const order of running) expect(statuses.get(order.id)).toBe('cancelled');
      expect(statuses.get(finished.id)).toBe('completed');
      expect(step(jobs, (s) => s.label.startsWith('run: echo "Result')).script?.stdout).toContain('Result: cancelled');
    });

    it('dry run: shows what would be cancelled and cancels nothing', async () => {
      const sim = await simulator();
      const github = await githubApi();
      const order = sim.addOrder({ targetLanguage: 'fr', status: 'pending', projectId: PROJECT });
      const jobs = await run(workflow, options(sim, github, workflow, dispatch({ 'dry-run': true })));
      const cancel = byId(jobs, 'cancel');
      expect(cancel.outputs['status'], describeRun(cancel.run)).toBe('dry-run');
      expect(cancel.run?.stdout).toContain(`would cancel ${order.id}`);
      expect(sim.count('cancel')).toBe(0);
    });

    it('with order IDs: cancels exactly those, and the default languages do not draw a warning', async () => {
      const sim = await simulator();
      const github = await githubApi();
      const [a, b, other] = ['fr', 'es', 'de'].map((language) => sim.addOrder({ targetLanguage: language, status: 'pending', projectId: PROJECT }));
      const jobs = await run(workflow, options(sim, github, workflow, dispatch({ 'order-ids': `${a!.id}, ${b!.id}` })));
      const cancel = byId(jobs, 'cancel');
      expect(cancel.run?.exitCode, describeRun(cancel.run)).toBe(0);
      expect(cancel.inputs?.['target-languages']).toBe('');
      expect(commands(cancel.run, 'warning')).toEqual([]);
      const statuses = new Map(sim.orders().map((o) => [o.id, o.status]));
      expect([statuses.get(a!.id), statuses.get(b!.id), statuses.get(other!.id)]).toEqual(['cancelled', 'cancelled', 'pending']);
    });
  });

  it('matrix-60-languages.yml: four shards of 15 languages, one Create Order each, every shard uploads', async () => {
    const sim = await simulator();
    const github = await githubApi();
    const workflow = file('examples/matrix-60-languages.yml');
    const jobs = await run(workflow, options(sim, github, workflow, defaultEvent('release')));
    expect(jobs).toHaveLength(4);
    expect(sim.count('create')).toBe(4);
    const languages = new Set<string>();
    for (const job of jobs) {
      const localize = byId([job], 'localize');
      expect(localize.run?.exitCode, describeRun(localize.run)).toBe(0);
      expect(localize.outputs['status']).toBe('completed');
      const orders = parseOrders(localize.run!);
      expect(orders).toHaveLength(15);
      for (const order of orders) languages.add(order.language);
      expect(byUses([job], 'actions/upload-artifact').wouldRun).toBe(true);
    }
    expect(languages.size).toBe(60);
  });

  it('release-subtitles.yml: the files land in subtitles/<language>/ and the pull request step would run', async () => {
    const sim = await simulator();
    const github = await githubApi();
    const workflow = file('examples/release-subtitles.yml');
    const jobs = await run(workflow, options(sim, github, workflow, defaultEvent('release')));
    const localize = byId(jobs, 'localize');
    expect(localize.outputs['status'], describeRun(localize.run)).toBe('completed');
    const orders = parseOrders(localize.run!);
    expect(orders.map((o) => o.language)).toEqual(['fr', 'es', 'de', 'it', 'pt-BR', 'ja', 'ko', 'zh-Hans']);
    for (const order of orders) for (const f of order.files) expect(f.startsWith(`subtitles/${order.language}/`)).toBe(true);
    expect(byUses(jobs, 'peter-evans/create-pull-request').wouldRun).toBe(true);
  });
});
