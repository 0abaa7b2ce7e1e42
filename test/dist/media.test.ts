/**
 * Issue 12, media from the repository, through the bundled action as the runner runs it, against
 * the simulator: several files under nested folders end to end; a re-run uploads nothing; a
 * renamed file is not uploaded again; a changed byte uploads that file once; an upload whose
 * answer is lost makes one project; an LFS pointer, a missing match and a path outside the
 * workspace are refused with no request; dry-run and collect upload nothing; the action's own
 * outputs are not media; mode cancel with media.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { OllangSimulator, type SimulatorOptions } from '../simulator/index.ts';
import { parseOrders, runAction, runPost, startAction, type ActionRun } from './harness.ts';
import { FOREVER, SIGKILL_AFTER_MS, cancelLikeRunner, savedState, startWithOwnStateFile, until } from './runner-signals.ts';

const FAST = { pendingMs: 100, ongoingMs: 200, outputsLagMs: 50 };
const FIRST_LINE: Record<string, string> = { fr: 'Bonjour et bienvenue.', es: 'Hola y bienvenidos.', de: 'Hallo und willkommen.' };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function simulator(options: SimulatorOptions = {}): Promise<OllangSimulator> {
  const sim = await OllangSimulator.start({ lifecycle: FAST, projects: [], ...options });
  closers.push(() => sim.close());
  return sim;
}

/** A git repository as actions/checkout leaves it, with `files` committed. */
function repository(files: Record<string, string>): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'ollang-media-ws-'));
  closers.push(async () => rmSync(ws, { recursive: true, force: true }));
  for (const [file, content] of Object.entries(files)) put(ws, file, content);
  git(ws, 'init', '-q');
  git(ws, 'add', '.');
  git(ws, 'commit', '-qm', 'media');
  return ws;
}

function put(ws: string, file: string, content: string): void {
  mkdirSync(path.dirname(path.join(ws, file)), { recursive: true });
  writeFileSync(path.join(ws, file), content);
}

function git(ws: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: ws,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
  });
}

function run(sim: OllangSimulator, workspace: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    workspace,
    inputs: {
      'api-key': sim.apiKey,
      'api-url': sim.url,
      media: 'videos/**/*.mp4',
      'source-language': 'en',
      'target-languages': 'fr, es',
      'poll-interval': '150ms',
      timeout: '20s',
      ...inputs,
    },
    env,
    timeoutMs: 45_000,
  });
}

function log(r: ActionRun): string {
  return `exit ${r.exitCode}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

interface ProjectOutput {
  media: string;
  projectId: string | null;
  uploaded: boolean;
}

function projects(r: ActionRun): ProjectOutput[] {
  return JSON.parse(r.outputs['projects'] ?? '[]') as ProjectOutput[];
}

function mediaOrders(r: ActionRun): (ReturnType<typeof parseOrders>[number] & { media?: string; projectId: string })[] {
  return parseOrders(r) as (ReturnType<typeof parseOrders>[number] & { media?: string; projectId: string })[];
}

const NESTED = {
  'videos/intro.mp4': 'intro video bytes',
  'videos/2024/q3/launch.mp4': 'launch video bytes',
  'videos/2024/q3/deep/nested/demo.mp4': 'demo video bytes',
  'README.md': 'not media',
};

describe('media end to end', () => {
  it('several files under nested folders: one project each, one Create Order each, subtitles beside each video', async () => {
    const sim = await simulator();
    const ws = repository(NESTED);
    const r = await run(sim, ws);
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('completed');

    const uploaded = sim.uploadedProjects();
    expect(uploaded).toHaveLength(3);
    expect(sim.count('create')).toBe(3);
    expect(projects(r)).toEqual(
      ['videos/2024/q3/deep/nested/demo.mp4', 'videos/2024/q3/launch.mp4', 'videos/intro.mp4'].map((media) => ({
        media,
        projectId: uploaded.find((p) => p.name.includes(` ${media}`))?.id,
        uploaded: true,
      })),
    );
    // The name a person sees in Ollang's dashboard: the key, the language, the repository and the path.
    expect(uploaded.map((p) => p.name).sort()[2]).toMatch(/^git-[0-9a-f]{40} \[en\] octo\/release: videos\/intro\.mp4\.mp4$/);

    const orders = mediaOrders(r);
    expect(orders).toHaveLength(6);
    for (const order of orders) {
      const project = projects(r).find((p) => p.media === order.media)!;
      expect(order.projectId).toBe(project.projectId);
      const stem = order.media!.replace(/\.mp4$/, '');
      expect(order.files.sort()).toEqual([`${stem}.${order.language}.srt`, `${stem}.${order.language}.vtt`]);
      for (const file of order.files) expect(readFileSync(path.join(ws, file), 'utf8')).toContain(FIRST_LINE[order.language]);
    }
    expect(existsSync(path.join(ws, 'localized'))).toBe(false);
  });

  it('a re-run uploads nothing and orders nothing; a renamed file is not uploaded again; a changed byte uploads that file once', async () => {
    const sim = await simulator();
    const ws = repository(NESTED);
    const first = await run(sim, ws);
    expect(first.exitCode, log(first)).toBe(0);
    const uploads = (): number => sim.count('upload');
    expect(uploads()).toBe(3);
    const creates = sim.count('create');

    const again = await run(sim, ws);
    expect(again.exitCode, log(again)).toBe(0);
    expect(uploads()).toBe(3);
    expect(sim.count('create')).toBe(creates);
    expect(projects(again).every((p) => !p.uploaded && p.projectId)).toBe(true);
    expect(mediaOrders(again).every((o) => !o.created)).toBe(true);

    git(ws, 'mv', 'videos/intro.mp4', 'videos/welcome.mp4');
    git(ws, 'commit', '-qm', 'rename');
    const renamed = await run(sim, ws);
    expect(renamed.exitCode, log(renamed)).toBe(0);
    expect(uploads()).toBe(3);
    expect(sim.count('create')).toBe(creates);
    expect(readFileSync(path.join(ws, 'videos/welcome.fr.vtt'), 'utf8')).toContain('WEBVTT');

    put(ws, 'videos/2024/q3/launch.mp4', 'launch video bytez');
    const changed = await run(sim, ws);
    expect(changed.exitCode, log(changed)).toBe(0);
    expect(uploads()).toBe(4);
    expect(sim.count('create')).toBe(creates + 1);
    expect(projects(changed).filter((p) => p.uploaded).map((p) => p.media)).toEqual(['videos/2024/q3/launch.mp4']);
  });

  it('an upload whose answer is lost makes one project; its orders are placed once it is found', async () => {
    const sim = await simulator({ faults: [{ route: 'upload', kind: 'upload-no-answer', times: 1, delayMs: 1_000 }] });
    const ws = repository({ 'videos/intro.mp4': 'intro video bytes' });
    const r = await run(sim, ws);
    expect(r.exitCode, log(r)).toBe(0);
    expect(sim.uploadedProjects()).toHaveLength(1);
    expect(sim.count('upload')).toBe(1);
    expect(projects(r)).toEqual([{ media: 'videos/intro.mp4', projectId: sim.uploadedProjects()[0]!.id, uploaded: true }]);
    expect(mediaOrders(r)).toHaveLength(2);
  });
});

describe('media refused before any request', () => {
  it('the pull-request example: dorny/paths-filter csv quotes a name with a space or an accent; it is read as one path (review finding 5)', async () => {
    const sim = await simulator();
    const ws = repository({ 'videos/my intro.mp4': 'a name with a space', 'videos/café, v2.mp4': 'an accent and a comma', 'videos/outro.mp4': 'b' });
    const r = await run(sim, ws, { media: '"videos/café, v2.mp4","videos/my intro.mp4",videos/outro.mp4', 'target-languages': 'fr' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(mediaOrders(r).map((o) => o.media).sort()).toEqual(['videos/café, v2.mp4', 'videos/my intro.mp4', 'videos/outro.mp4']);
  });

  it('an LFS pointer, a pattern that matches nothing and a path outside the workspace: all named, no request', async () => {
    const sim = await simulator();
    const ws = repository({
      'videos/intro.mp4': 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 123456\n',
      'videos/ok.mp4': 'fine',
    });
    const outside = mkdtempSync(path.join(tmpdir(), 'ollang-outside-'));
    closers.push(async () => rmSync(outside, { recursive: true, force: true }));
    writeFileSync(path.join(outside, 'secret.mp4'), 'x');
    symlinkSync(outside, path.join(ws, 'linked'));
    const r = await run(sim, ws, { media: 'videos/*.mp4\nclips/*.mov\nlinked/secret.mp4\n../x.mp4' });
    expect(r.exitCode).toBe(1);
    const error = r.stdout.split('\n').find((line) => line.startsWith('::error::'))!;
    expect(error).toContain("Input 'media': 4 problems");
    expect(error).toContain('"videos/intro.mp4" is a Git LFS pointer');
    expect(error).toContain('lfs: true');
    expect(error).toContain('"clips/*.mov" matches no file');
    expect(error).toContain('"linked/secret.mp4" is reached through the symbolic link');
    expect(error).toContain('"../x.mp4" goes up with `..`');
    expect(sim.requests.filter((q) => q.route !== 'health')).toEqual([]);
    expect(r.outputs).toEqual({});
  });
});

describe('media in each mode', () => {
  it('the pull-request example: pushes that change different videos update one PR comment (review finding 8)', async () => {
    const { startGitHubApi } = await import('../fakes/github-api.ts');
    const sim = await simulator();
    const github = await startGitHubApi();
    closers.push(() => github.close());
    const ws = repository({ 'videos/a.mp4': 'a', 'videos/b.mp4': 'b' });
    const event = path.join(mkdtempSync(path.join(tmpdir(), 'ollang-event-')), 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        action: 'synchronize',
        number: 7,
        pull_request: { number: 7, head: { sha: '0'.repeat(40), repo: { full_name: 'octo/release', fork: false } }, base: { repo: { full_name: 'octo/release' } } },
        repository: { full_name: 'octo/release' },
      }),
    );
    const env = {
      GITHUB_API_URL: github.url,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'octo/release',
      GITHUB_WORKFLOW: 'Subtitles',
      GITHUB_JOB: 'localize',
      GITHUB_ACTION: 'ollang',
    };
    const first = await run(sim, ws, { media: 'videos/a.mp4', 'github-token': 'ghs_x', 'target-languages': 'fr' }, env);
    expect(first.exitCode, log(first)).toBe(0);
    put(ws, 'videos/b.mp4', 'b changed');
    const second = await run(sim, ws, { media: 'videos/a.mp4,videos/b.mp4', 'github-token': 'ghs_x', 'target-languages': 'fr' }, env);
    expect(second.exitCode, log(second)).toBe(0);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.body).toContain('videos/b.mp4');
    // A matrix over languages: its legs share the workflow, job and step, and each keeps its own
    // comment (before: the de leg overwrote the fr leg's comment).
    const leg = await run(sim, ws, { media: 'videos/a.mp4', 'github-token': 'ghs_x', 'target-languages': 'de' }, env);
    expect(leg.exitCode, log(leg)).toBe(0);
    expect(github.comments).toHaveLength(2);
    expect(github.comments[0]!.body).toContain('videos/b.mp4');
  });

  it('one content at two paths: one upload, one order per language, a row per file with its own files; the dry run plans it once (review finding 7)', async () => {
    const sim = await simulator();
    const ws = repository({ 'videos/a/intro.mp4': 'same bytes', 'videos/b/intro.mp4': 'same bytes' });
    const dry = await run(sim, ws, { 'dry-run': 'true', 'target-languages': 'fr' });
    expect(dry.exitCode, log(dry)).toBe(0);
    expect(dry.stdout).toContain(
      'Dry run: would upload videos/a/intro.mp4 (the content of videos/b/intro.mp4 too); would create fr (videos/a/intro.mp4); would reuse nothing.',
    );
    const r = await run(sim, ws, { 'target-languages': 'fr' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(sim.uploadedProjects()).toHaveLength(1);
    expect(sim.orders()).toHaveLength(1);
    expect(r.stdout).toContain('Media: 2 file(s) (1 contents), 1 uploaded by this run, 0 found.');
    const rows = mediaOrders(r).map((o) => [o.media, o.orderId, o.files.sort()]);
    const id = sim.orders()[0]!.id;
    expect(rows).toEqual([
      ['videos/a/intro.mp4', id, ['videos/a/intro.fr.srt', 'videos/a/intro.fr.vtt']],
      ['videos/b/intro.mp4', id, ['videos/b/intro.fr.srt', 'videos/b/intro.fr.vtt']],
    ]);
  });

  it('dry-run: says which files it would upload and which it found, and what it would create; uploads nothing', async () => {
    const sim = await simulator();
    const ws = repository(NESTED);
    await run(sim, ws, { 'target-languages': 'fr' }); // intro, launch and demo exist now
    put(ws, 'videos/new.mp4', 'a new video');
    const before = sim.requests.length;
    const r = await run(sim, ws, { 'dry-run': 'true' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('dry-run');
    expect(sim.requests.slice(before).filter((q) => ['upload', 'create', 'cancel'].includes(q.route))).toEqual([]);
    const line = r.stdout.split('\n').find((l) => l.startsWith('Dry run:'))!;
    expect(line).toContain('would upload videos/new.mp4;');
    expect(line).toContain('es (videos/intro.mp4)');
    expect(line).toContain('fr (videos/new.mp4)');
    expect(line).toMatch(/would reuse .*fr \(videos\/intro\.mp4\) \(/);
    expect(projects(r).find((p) => p.media === 'videos/new.mp4')).toEqual({ media: 'videos/new.mp4', projectId: null, uploaded: false });
  });

  it('collect: never uploads or creates; a file without a project is named, the others are downloaded', async () => {
    const sim = await simulator();
    const ws = repository({ 'videos/intro.mp4': 'intro video bytes' });
    expect((await run(sim, ws, { mode: 'submit' })).exitCode).toBe(0);
    put(ws, 'videos/new.mp4', 'never uploaded');
    const creates = sim.count('create');
    const r = await run(sim, ws, { mode: 'collect' });
    expect(sim.count('upload')).toBe(1);
    expect(sim.count('create')).toBe(creates);
    expect(r.outputs['status']).toBe('partial');
    expect(r.stdout).toContain('No Ollang project was made from the content of videos/new.mp4');
    expect(readFileSync(path.join(ws, 'videos/intro.es.vtt'), 'utf8')).toContain('WEBVTT');
  });

  it('submit: uploads and creates, then stops', async () => {
    const sim = await simulator();
    const ws = repository(NESTED);
    const r = await run(sim, ws, { mode: 'submit' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('pending');
    expect(sim.count('upload')).toBe(3);
    expect(sim.count('create')).toBe(3);
    expect(existsSync(path.join(ws, 'videos/intro.fr.vtt'))).toBe(false);
  });

  it('cancel: cancels the unfinished orders of the files’ projects in the target languages, and nothing else', async () => {
    const sim = await simulator({ lifecycle: { pendingMs: 60_000, ongoingMs: 60_000 } });
    const ws = repository(NESTED);
    expect((await run(sim, ws, { mode: 'submit' })).exitCode).toBe(0);
    const other = sim.addOrder({ projectId: sim.uploadedProjects()[0]!.id, targetLanguage: 'de' });
    const r = await run(sim, ws, { mode: 'cancel' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('cancelled');
    const cancelled = sim.orders().filter((o) => o.status === 'cancelled');
    expect(cancelled).toHaveLength(6);
    expect(sim.orders().find((o) => o.id === other.id)?.status).not.toBe('cancelled');
    expect(sim.count('upload')).toBe(3);
    // Each cancelled order names its media file (review finding 11), and the summary shows them.
    const byProject = new Map(projects(r).map((p) => [p.projectId, p.media]));
    expect(mediaOrders(r)).toHaveLength(6);
    for (const order of mediaOrders(r)) expect(order.media).toBe(byProject.get(order.projectId));
    expect(r.summary).toContain('| Media |');
  });

  it("the action's own outputs are not media: a dubbed video beside its source is left out, with a notice", async () => {
    const sim = await simulator();
    const ws = repository({ 'videos/intro.mp4': 'intro', 'videos/intro.fr.mp4': 'an earlier dubbing output' });
    const r = await run(sim, ws);
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.stdout).toContain('::notice title=Media file left out::Not localizing videos/intro.fr.mp4');
    expect(projects(r).map((p) => p.media)).toEqual(['videos/intro.mp4']);
    expect(sim.count('upload')).toBe(1);
  });
});

function mediaInputs(sim: OllangSimulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': sim.apiKey,
    'api-url': sim.url,
    media: 'videos/**/*.mp4',
    'source-language': 'en',
    'target-languages': 'fr, es',
    'poll-interval': '150ms',
    timeout: '30s',
    ...extra,
  };
}

describe('media: aborts and the post step', () => {
  it("SIGINT during an upload stops it at once, and cancels the orders this run already created for the other files' projects", async () => {
    const MiB = 1024 * 1024;
    const sim = await simulator({
      lifecycle: { pendingMs: FOREVER, cancellableOngoingMs: FOREVER },
      faults: [{ route: 'upload', kind: 'slow-upload', bytesPerSecond: 2 * MiB }],
    });
    const ws = repository({ 'videos/a-small.mp4': 'small video' });
    // The big one streams for ~30 s at the simulator's pace: the small one's orders are made meanwhile.
    writeFileSync(path.join(ws, 'videos/z-big.mp4'), Buffer.alloc(64 * MiB, 7));
    const started = startAction({ workspace: ws, inputs: mediaInputs(sim), timeoutMs: 45_000 });
    await until('the small file to be ordered while the big one uploads', () => sim.orders().length === 2, 20_000);
    await started.waitForOutput('Uploading videos/z-big.mp4');
    const { sigintAt, exitedAt, run: main } = await cancelLikeRunner(started);
    expect(main.exitCode, log(main)).not.toBe(0);
    expect(exitedAt - sigintAt).toBeLessThan(SIGKILL_AFTER_MS);
    expect(main.outputs['status']).toBe('cancelled');
    expect(sim.orders().map((o) => o.status)).toEqual(['cancelled', 'cancelled']);
    // The upload stopped: no project of the big file, and the simulator saw its body cut short.
    expect(sim.uploadedProjects().map((p) => p.name)).toEqual([expect.stringContaining('videos/a-small.mp4')]);
    expect(projects(main)).toEqual([{ media: 'videos/a-small.mp4', projectId: sim.uploadedProjects()[0]!.id, uploaded: true }]);
    const post = await runPost(main, { inputs: mediaInputs(sim) });
    expect(post.exitCode, log(post)).toBe(0);
  });

  it('SIGKILL after two projects were ordered: the post step cancels every project\'s orders', async () => {
    const sim = await simulator({ lifecycle: { pendingMs: FOREVER, cancellableOngoingMs: FOREVER } });
    const ws = repository({ 'videos/a.mp4': 'a', 'videos/b.mp4': 'b' });
    const { started, stateFile } = startWithOwnStateFile(mediaInputs(sim), { workspace: ws });
    await until('both projects to be ordered', () => sim.orders().length === 4, 20_000);
    await started.waitForOutput('Waiting for 4 order(s)');
    started.child.kill('SIGKILL');
    const main = await started.done;
    const state = savedState(stateFile);
    expect(JSON.parse(state['created-orders']!)).toHaveLength(4);
    const post = await runAction({ workspace: ws, inputs: mediaInputs(sim), state, step: 'post' });
    expect(post.exitCode, log(post)).toBe(0);
    expect(sim.orders().map((o) => o.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(new Set(sim.orders().map((o) => o.projectId)).size).toBe(2);
    void main;
  });
});

describe('media: lost creates, per project', () => {
  it('an upload longer than timeout: no order is bought after the deadline; the failure says why and what to do (review finding 12)', async () => {
    const sim = await simulator({ faults: [{ route: 'upload', kind: 'slow-upload', bytesPerSecond: 1024 * 1024 }] });
    const ws = repository({ 'videos/intro.mp4': Buffer.alloc(4 * 1024 * 1024, 1).toString('latin1') });
    const r = await run(sim, ws, { timeout: '2s', 'target-languages': 'fr' });
    expect(r.exitCode).toBe(1);
    expect(sim.count('create')).toBe(0);
    expect(sim.uploadedProjects()).toHaveLength(1);
    expect(r.stdout).toContain('had passed before ordering, so nothing was bought');
    expect(r.stdout).toContain('mode: submit');
  });

  it("SIGKILL while one project's Create Order is unanswered and another's answered: the post step finds and cancels both projects' orders", async () => {
    const sim = await simulator({
      lifecycle: { pendingMs: FOREVER, cancellableOngoingMs: FOREVER },
      // The first create's answer is held back: main is killed before it comes.
      faults: [{ route: 'create', kind: 'slow', delayMs: 20_000, times: 1 }],
    });
    const ws = repository({ 'videos/a.mp4': 'a', 'videos/b.mp4': 'b' });
    const { started, stateFile } = startWithOwnStateFile(mediaInputs(sim), { workspace: ws });
    await until('both creates to reach Ollang, and one to be answered', () => sim.count('create') === 2 && sim.orders().length === 4, 20_000);
    const inFlightNow = (): number => JSON.parse(savedState(stateFile)['creates-in-flight'] || '[]').length;
    await until('the answered create to be settled in state', () => inFlightNow() === 1 && (savedState(stateFile)['created-orders'] ?? '').length > 2, 10_000);
    started.child.kill('SIGKILL');
    await started.done;
    const state = savedState(stateFile);
    expect(JSON.parse(state['created-orders']!)).toHaveLength(2);
    const inFlight = JSON.parse(state['creates-in-flight']!) as { projectId: string; languages: string[] }[];
    expect(inFlight).toHaveLength(1);
    expect(inFlight[0]!.languages.sort()).toEqual(['es', 'fr']);
    const post = await runAction({ workspace: ws, inputs: mediaInputs(sim), state, step: 'post' });
    expect(post.exitCode, log(post)).toBe(0);
    expect(sim.orders().map((o) => o.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(new Set(sim.orders().map((o) => o.projectId)).size).toBe(2);
  });
});

describe('media: output-path', () => {
  it('a template of its own: every placeholder, folders made inside the workspace', async () => {
    const sim = await simulator();
    const ws = repository({ 'videos/intro.mp4': 'intro' });
    const r = await run(sim, ws, { 'output-path': 'public/{language}/{media-dir}/{media-name}-{order-id}.{ext}', 'target-languages': 'fr' });
    expect(r.exitCode, log(r)).toBe(0);
    const [order] = mediaOrders(r);
    expect(order!.files.sort()).toEqual([`public/fr/videos/intro-${order!.orderId}.srt`, `public/fr/videos/intro-${order!.orderId}.vtt`]);
  });

  it('two media files whose outputs would share a path: each carries its extension, whichever files are in the run (review: another file\'s subtitles overwrote intro.fr.vtt)', async () => {
    const sim = await simulator();
    const ws = repository({ 'videos/intro.mov': 'the mov', 'videos/intro.mp4': 'the mp4' });
    const first = await run(sim, ws, { media: 'videos/*', 'target-languages': 'fr' });
    expect(first.exitCode, log(first)).toBe(0);
    const byMedia = (r: ActionRun): Record<string, string[]> => Object.fromEntries(mediaOrders(r).map((o) => [o.media, o.files.sort()]));
    expect(byMedia(first)).toEqual({
      'videos/intro.mov': ['videos/intro.fr (mov).srt', 'videos/intro.fr (mov).vtt'],
      'videos/intro.mp4': ['videos/intro.fr (mp4).srt', 'videos/intro.fr (mp4).vtt'],
    });
    expect(first.stdout).toContain('::notice title=Output paths told apart::The outputs of videos/intro.mp4 are saved with " (mp4)"');
    // A pull request that changed only intro.mp4 (the paths-filter example passes only changed files).
    put(ws, 'videos/intro.mp4', 'the mp4, edited');
    const second = await run(sim, ws, { media: 'videos/intro.mp4', 'target-languages': 'fr' });
    expect(second.exitCode, log(second)).toBe(0);
    expect(byMedia(second)).toEqual({ 'videos/intro.mp4': byMedia(first)['videos/intro.mp4'] });
    // A third file in the folder moves no one else's files.
    put(ws, 'videos/intro.avi', 'the avi');
    const third = await run(sim, ws, { media: 'videos/*', 'target-languages': 'fr' });
    expect(third.exitCode, log(third)).toBe(0);
    expect(byMedia(third)['videos/intro.mov']).toEqual(byMedia(first)['videos/intro.mov']);
    // Case-only names: refused before any request.
    const requests = sim.requests.filter((q) => q.route !== 'health').length;
    put(ws, 'videos/Intro.mp4', 'upper case');
    const caseOnly = await run(sim, ws, { media: 'videos/*.mp4', 'target-languages': 'fr' });
    expect(caseOnly.exitCode).toBe(1);
    expect(caseOnly.stdout).toContain('videos/Intro.mp4 and videos/intro.mp4 would have their outputs saved at the same paths');
    expect(sim.requests.filter((q) => q.route !== 'health')).toHaveLength(requests);
  });

  it('a template with a fixed .vtt extension while SRT is downloaded too: an input error before any request (review finding 10)', async () => {
    const sim = await simulator();
    const ws = repository({ 'videos/intro.mp4': 'intro' });
    const r = await run(sim, ws, { 'target-languages': 'fr', 'output-path': '{media-dir}/{media-name}.{language}.vtt' });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('has no {ext}, and download takes subtitles, vtt');
    expect(existsSync(path.join(ws, 'videos/intro.fr.vtt'))).toBe(false);
    expect(sim.requests.filter((q) => q.route !== 'health')).toEqual([]);
    const vttOnly = await run(sim, ws, { 'target-languages': 'fr', download: 'vtt', 'output-path': '{media-dir}/{media-name}.{language}.vtt' });
    expect(vttOnly.exitCode, log(vttOnly)).toBe(0);
    expect(readFileSync(path.join(ws, 'videos/intro.fr.vtt'), 'utf8').startsWith('WEBVTT')).toBe(true);
  });

  it('a committed symbolic link into .git as an output folder: refused before any request (review finding 6)', async () => {
    const sim = await simulator();
    const ws = repository({ 'videos/intro.mp4': 'intro' });
    symlinkSync('.git', path.join(ws, 'subs'));
    const r = await run(sim, ws, { 'target-languages': 'fr', 'output-path': 'subs/{language}/{media-name}.{ext}' });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('the folder subs is a symbolic link into .git');
    expect(existsSync(path.join(ws, '.git/fr'))).toBe(false);
    expect(sim.requests.filter((q) => q.route !== 'health')).toEqual([]);
  });

  it('an earlier run\'s file is replaced only once the new one is whole: a failed download leaves it as it was', async () => {
    const sim = await simulator({ faults: [{ route: 'download', kind: 'truncate' }] });
    const ws = repository({ 'videos/intro.mp4': 'intro', 'videos/intro.fr.vtt': 'WEBVTT\n\nan earlier run\n' });
    const r = await run(sim, ws, { 'target-languages': 'fr', timeout: '3s' });
    expect(r.outputs['status']).not.toBe('completed');
    expect(readFileSync(path.join(ws, 'videos/intro.fr.vtt'), 'utf8')).toBe('WEBVTT\n\nan earlier run\n');
    const ok = await simulator();
    const again = await run(ok, ws, { 'target-languages': 'fr' });
    expect(again.exitCode, log(again)).toBe(0);
    expect(readFileSync(path.join(ws, 'videos/intro.fr.vtt'), 'utf8')).toContain(FIRST_LINE.fr);
  });

  it('refused before any request: a folder that leads out of the workspace, a template without {language}', async () => {
    const sim = await simulator();
    const ws = repository({ 'videos/intro.mp4': 'intro' });
    const outside = mkdtempSync(path.join(tmpdir(), 'ollang-outside-'));
    closers.push(async () => rmSync(outside, { recursive: true, force: true }));
    symlinkSync(outside, path.join(ws, 'public'));
    const linked = await run(sim, ws, { 'output-path': 'public/{language}/{media-name}.{ext}' });
    expect(linked.exitCode).toBe(1);
    expect(linked.stdout).toContain('the folder public is a symbolic link to a place outside the workspace');
    const noLanguage = await run(sim, ws, { 'output-path': '{media-dir}/{media-name}.{ext}' });
    expect(noLanguage.exitCode).toBe(1);
    expect(noLanguage.stdout).toContain("Input 'output-path'");
    expect(noLanguage.stdout).toContain('has no {language}');
    expect(sim.requests.filter((q) => q.route !== 'health')).toEqual([]);
  });
});

// Keep the helpers honest about what they return.
void renameSync;
