/**
 * Issue 13, the subtitle quality check, through the bundle as the runner runs it: the simulator
 * serves, per language, SRT and WebVTT files that each break one rule (test/fixtures/quality/),
 * so that every rule is found on its file and line by the bundled action; then what each value
 * of `quality-check` does to the step, and a bad `quality-rules` refused before any request.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { startGitHubApi } from '../fakes/github-api.ts';
import { OllangSimulator, type SimulatorOptions } from '../simulator/index.ts';
import { parseOrders, repoRoot, runAction, type ActionRun } from './harness.ts';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'quality');
const FAST = { pendingMs: 100, ongoingMs: 200, outputsLagMs: 50, intermediateStatuses: false };

const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));

/**
 * One target language per rule: its SRT and its WebVTT file each break that rule once, at these
 * lines (the lines test/unit/quality-check.test.ts checks); `undefined`: that format is clean
 * (an SRT without cues never passes the downloader's content check, and only SRT numbers cues).
 */
const BY_LANGUAGE: [language: string, rule: string, severity: 'error' | 'warning', srtLine: number | undefined, vttLine: number | undefined][] =
  [
    ['fr', 'clean', 'warning', undefined, undefined],
    ['es', 'end-before-start', 'error', 11, 13],
    ['de', 'out-of-order', 'error', 10, 12],
    ['it', 'overlap', 'error', 11, 13],
    ['pt', 'unparseable', 'error', 11, 13],
    ['nl', 'no-cues', 'error', undefined, 1],
    ['pl', 'not-utf8', 'error', 7, 9],
    ['sv', 'max-line-length', 'warning', 7, 9],
    ['da', 'max-lines', 'warning', 9, 11],
    ['fi', 'min-duration', 'warning', 2, 4],
    ['cs', 'max-duration', 'warning', 11, 13],
    ['hu', 'min-gap', 'warning', 11, 13],
    ['ro', 'max-cps', 'warning', 11, 13],
    ['tr', 'empty-cue', 'warning', 11, 13],
    ['el', 'sequence-number', 'warning', 14, undefined],
  ];

function bodies(languages: readonly string[]): Record<string, { srt: Buffer; vtt: Buffer }> {
  return Object.fromEntries(
    BY_LANGUAGE.filter(([language]) => languages.includes(language)).map(([language, rule, , srtLine, vttLine]) => [
      language,
      { srt: fixture(srtLine === undefined ? 'clean.srt' : `${rule}.srt`), vtt: fixture(vttLine === undefined ? 'clean.vtt' : `${rule}.vtt`) },
    ]),
  );
}

const simulators: OllangSimulator[] = [];
afterAll(async () => {
  await Promise.all(simulators.map((s) => s.close()));
});

async function start(languages: readonly string[], options: Partial<SimulatorOptions> = {}): Promise<OllangSimulator> {
  const sim = await OllangSimulator.start({ lifecycle: FAST, seed: 13, subtitleBodies: bodies(languages), ...options });
  simulators.push(sim);
  return sim;
}

function run(
  sim: OllangSimulator,
  languages: readonly string[],
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction({
    env,
    inputs: {
      'api-key': sim.apiKey,
      'api-url': sim.url,
      'project-id': 'proj-demo',
      'target-languages': languages.join(', '),
      'reuse-orders': 'false',
      'poll-interval': '150ms',
      timeout: '30s',
      ...inputs,
    },
    timeoutMs: 45_000,
  });
}

interface Annotation {
  kind: 'error' | 'warning' | 'notice';
  properties: Record<string, string>;
  message: string;
}

/** The workflow commands that make annotations, their properties and messages unescaped. */
function annotations(r: ActionRun): Annotation[] {
  const unescape = (text: string): string =>
    text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  return r.stdout.split('\n').flatMap((line) => {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) return [];
    const properties = Object.fromEntries(
      (match[2] ?? '')
        .split(',')
        .filter((pair) => pair !== '')
        .map((pair) => [pair.slice(0, pair.indexOf('=')), unescape(pair.slice(pair.indexOf('=') + 1))]),
    );
    return [{ kind: match[1] as Annotation['kind'], properties, message: unescape(match[3]!) }];
  });
}

interface QualityFile {
  file: string;
  language: string;
  cues: number;
  errors: number;
  warnings: number;
  findings: { rule: string; severity: string; line: number; message: string }[];
}

const quality = (r: ActionRun): QualityFile[] => JSON.parse(r.outputs['quality'] ?? 'null') as QualityFile[];
const log = (r: ActionRun): string => `exit ${r.exitCode}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
const ERRORS = BY_LANGUAGE.filter(([, , severity]) => severity === 'error').map(([language]) => language);
const WARNINGS = BY_LANGUAGE.filter(([, rule, severity]) => severity === 'warning' && rule !== 'clean').map(([language]) => language);

describe.concurrent('subtitle quality check through dist/index.js', () => {
  it('report: every rule found on its file and line, as annotations (10 of each kind, the rest counted), in the summary and the outputs; exit 0', async ({
    expect,
  }) => {
    const languages = BY_LANGUAGE.map(([language]) => language);
    const sim = await start(languages);
    const r = await run(sim, languages);
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('completed');
    expect(r.outputs['quality-status']).toBe('failed');

    // The `quality` output: one object per saved file, each rule on the line a reviewer must look at.
    const files = quality(r);
    const orders = parseOrders(r);
    expect(files.map((f) => f.file).sort()).toEqual(orders.flatMap((o) => o.files).sort());
    for (const [language, rule, severity, srtLine, vttLine] of BY_LANGUAGE) {
      for (const [extension, line] of [
        ['.srt', srtLine],
        ['.vtt', vttLine],
      ] as const) {
        const checked = files.find((f) => f.language === language && f.file.endsWith(extension));
        expect(checked, `${language} ${extension}`).toBeDefined();
        const found = checked!.findings.map((f) => ({ rule: f.rule, severity: f.severity, line: f.line }));
        expect(found, `${language} ${extension}`).toEqual(line === undefined ? [] : [{ rule, severity, line }]);
        // Each fixture has 4 cues; WebVTT skips a cue whose timing it cannot read, as browsers do.
        const skipped = extension === '.vtt' ? { 'no-cues': 4, unparseable: 1 }[rule] ?? 0 : 0;
        expect(checked!.cues).toBe(4 - skipped);
      }
    }

    // Annotations: on the file and line, errors first; 11 errors and 15 warnings, GitHub shows 10 of each.
    const written = annotations(r);
    const errors = written.filter((a) => a.kind === 'error');
    const warnings = written.filter((a) => a.kind === 'warning');
    expect(errors).toHaveLength(10);
    expect(warnings).toHaveLength(10);
    for (const annotation of [...errors, ...warnings]) {
      const file = files.find((f) => f.file === annotation.properties['file']);
      expect(file, JSON.stringify(annotation)).toBeDefined();
      const rule = annotation.properties['title']!.replace('Subtitle quality: ', '');
      expect(file!.findings).toContainEqual(expect.objectContaining({ rule, line: Number(annotation.properties['line']), message: annotation.message }));
    }
    expect(errors[0]!.properties['title']).toBe('Subtitle quality: not-utf8');
    // The least important error is the one left out: a file that cannot be read outranks an overlap.
    expect(errors.filter((a) => a.properties['title'] === 'Subtitle quality: overlap')).toHaveLength(1);
    expect(written.filter((a) => a.kind === 'notice').map((a) => a.message)).toEqual([
      '1 more error and 5 more warnings than the annotations above show (GitHub shows 10 errors and 10 warnings a step): the job summary and the `quality` output list them all.',
    ]);

    // The job summary: a row per file.
    expect(r.summary).toContain('### Subtitle quality — ❌ errors');
    expect(r.summary).toContain('30 files checked, 115 cues: 11 errors, 15 warnings (`quality-check: report`).');
    for (const file of files) expect(r.summary).toContain(`| \`${file.file}\` | \`${file.language}\` | ${file.cues} |`);
    expect(r.stdout).toMatch(/^Subtitle quality: 30 files \(115 cues\) checked in \d+ ms: 11 errors, 15 warnings \(quality-check: report\)\.$/m);
  });

  it('fail: errors fail the step, after the findings and within 10 error annotations; status stays completed', async ({ expect }) => {
    const sim = await start(ERRORS);
    const r = await run(sim, ERRORS, { 'quality-check': 'fail' });
    expect(r.exitCode, log(r)).toBe(1);
    expect(r.outputs['status']).toBe('completed');
    expect(r.outputs['quality-status']).toBe('failed');
    const errors = annotations(r).filter((a) => a.kind === 'error');
    // 11 findings, and the failure itself: 9 findings shown, so that the reason the step is red is one of the 10.
    expect(errors).toHaveLength(10);
    expect(errors.at(-1)!.message).toBe(
      'Subtitle quality check failed (quality-check: fail): 11 errors in 11 files. The annotations show where; the job summary and the `quality` output list the findings.',
    );
    expect(errors.slice(0, 9).every((a) => a.properties['file'] !== undefined && a.properties['line'] !== undefined)).toBe(true);
  });

  it('fail: warnings alone pass; strict: they fail the step, and quality-rules can lift the limit they break', async ({ expect }) => {
    const sim = await start(['fr', 'ro']);
    const failMode = await run(sim, ['fr', 'ro'], { 'quality-check': 'fail' });
    expect(failMode.exitCode, log(failMode)).toBe(0);
    expect(failMode.outputs['quality-status']).toBe('warnings');
    expect(annotations(failMode).filter((a) => a.kind === 'warning').map((a) => a.properties['title'])).toEqual([
      'Subtitle quality: max-cps',
      'Subtitle quality: max-cps',
    ]);

    const strict = await run(sim, ['fr', 'ro'], { 'quality-check': 'strict' });
    expect(strict.exitCode, log(strict)).toBe(1);
    expect(strict.outputs['status']).toBe('completed');
    expect(annotations(strict).filter((a) => a.kind === 'error').map((a) => a.message)).toEqual([
      'Subtitle quality check failed (quality-check: strict): 0 errors and 2 warnings in 2 files. The annotations show where; the job summary and the `quality` output list the findings.',
    ]);

    const lifted = await run(sim, ['fr', 'ro'], { 'quality-check': 'strict', 'quality-rules': 'max-cps (ro): 30' });
    expect(lifted.exitCode, log(lifted)).toBe(0);
    expect(lifted.outputs['quality-status']).toBe('passed');
    expect(annotations(lifted)).toEqual([]);
  });

  it("the run's one-line result, printed last, names the quality failure that turns the step red, and only that", async ({ expect }) => {
    const languages = ['es', 'pt', 'ro'];
    const sim = await start(languages);
    const resultLine = (r: ActionRun): string => r.stdout.trimEnd().split('\n').at(-1)!;
    const failed = await run(sim, languages, { 'quality-check': 'fail' });
    expect(failed.exitCode, log(failed)).toBe(1);
    expect(resultLine(failed)).toMatch(
      /^Ollang localization completed: 3 orders .*; 6 files downloaded to localized; subtitle quality: 4 errors in 4 files \(quality-check: fail\)\.$/,
    );
    const strict = await run(sim, languages, { 'quality-check': 'strict' });
    expect(strict.exitCode, log(strict)).toBe(1);
    expect(resultLine(strict)).toMatch(/; subtitle quality: 4 errors and 2 warnings in 6 files \(quality-check: strict\)\.$/);
    // Findings that do not fail the step are the summary's and the annotations' to tell.
    const reported = await run(sim, languages, { 'quality-check': 'report' });
    expect(reported.exitCode, log(reported)).toBe(0);
    expect(resultLine(reported)).toMatch(/^Ollang localization completed: 3 orders .*; 6 files downloaded to localized\.$/);
  });

  it("the run's own warnings come first (a failed download): the findings fill what is left of the 10", async ({ expect }) => {
    const languages = ['fr', ...WARNINGS];
    const sim = await start(languages, { faults: [{ route: 'download', kind: 'html-200', language: 'fr' }] });
    // The simulator's HTML page is refused and tried again while time is left: 4 s of it.
    const r = await run(sim, languages, { timeout: '4s' });
    expect(r.exitCode, log(r)).toBe(1); // the failed download fails the run, not the check
    expect(r.outputs['status']).toBe('partial');
    const written = annotations(r);
    const warnings = written.filter((a) => a.kind === 'warning');
    const own = warnings.filter((a) => !a.properties['title']?.startsWith('Subtitle quality'));
    expect(own.length).toBeGreaterThan(0);
    expect(warnings).toHaveLength(10);
    expect(warnings.slice(0, own.length)).toEqual(own);
    const findings = quality(r).reduce((sum, f) => sum + f.warnings, 0);
    expect(findings).toBe(15);
    expect(written.filter((a) => a.kind === 'notice').map((a) => a.message)).toEqual([
      `${15 - (10 - own.length)} more warnings than the annotations above show (GitHub shows 10 errors and 10 warnings a step, and the run's other annotations came first): the job summary and the \`quality\` output list them all.`,
    ]);
  });

  it("the run's warnings written after the check (a PR comment refused) still show: the findings leave them room", async ({ expect }) => {
    const sim = await start(WARNINGS);
    const github = await startGitHubApi({ forbid: true });
    try {
      const event = path.join(mkdtempSync(path.join(tmpdir(), 'quality-event-')), 'event.json');
      writeFileSync(
        event,
        JSON.stringify({
          action: 'synchronize',
          number: 7,
          pull_request: { number: 7, head: { sha: 'a'.repeat(40), repo: { full_name: 'octo/release', fork: false } }, base: { repo: { full_name: 'octo/release' } } },
          repository: { full_name: 'octo/release' },
        }),
      );
      const r = await run(
        sim,
        WARNINGS,
        { 'github-token': 'ghs_qualitytoken' },
        { GITHUB_API_URL: github.url, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'octo/release', GITHUB_SHA: 'a'.repeat(40) },
      );
      expect(r.exitCode, log(r)).toBe(0);
      const warnings = annotations(r).filter((a) => a.kind === 'warning');
      expect(warnings).toHaveLength(10);
      // The comment's 403 is one of the 10 GitHub shows, not an eleventh hidden behind the findings.
      expect(warnings.filter((a) => a.message.includes('HTTP 403'))).toHaveLength(1);
      expect(warnings.filter((a) => a.properties['title']?.startsWith('Subtitle quality'))).toHaveLength(9);
      expect(annotations(r).filter((a) => a.kind === 'notice').map((a) => a.message)).toEqual([
        "6 more warnings than the annotations above show (GitHub shows 10 errors and 10 warnings a step, and the run's other annotations came first): the job summary and the `quality` output list them all.",
      ]);
    } finally {
      await github.close();
    }
  });

  it('with media: the files saved beside the video are checked, and annotated at their paths', async ({ expect }) => {
    const sim = await start(['fr', 'it'], { projects: [] });
    const workspace = mkdtempSync(path.join(tmpdir(), 'quality-media-'));
    try {
      mkdirSync(path.join(workspace, 'videos'));
      writeFileSync(path.join(workspace, 'videos', 'intro.mp4'), 'not really a video, but bytes to upload');
      const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
      for (const args of [['init', '-q'], ['add', '.'], ['commit', '-qm', 'media']]) execFileSync('git', args, { cwd: workspace, env });
      const r = await runAction({
        workspace,
        inputs: {
          'api-key': sim.apiKey,
          'api-url': sim.url,
          media: 'videos/*.mp4',
          'source-language': 'en',
          'target-languages': 'fr, it',
          'poll-interval': '150ms',
          timeout: '30s',
          'quality-check': 'fail',
        },
        timeoutMs: 45_000,
      });
      expect(r.exitCode, log(r)).toBe(1);
      expect(r.outputs['status']).toBe('completed');
      const files = quality(r);
      expect(files.map((f) => f.file).sort()).toEqual(parseOrders(r).flatMap((o) => o.files).sort());
      expect(files.every((f) => f.file.startsWith('videos/intro.'))).toBe(true);
      const errors = annotations(r).filter((a) => a.kind === 'error' && a.properties['file'] !== undefined);
      expect(errors.map((a) => [a.properties['title'], a.properties['file'], a.properties['line']])).toEqual([
        ['Subtitle quality: overlap', files.find((f) => f.language === 'it' && f.file.endsWith('.srt'))!.file, '11'],
        ['Subtitle quality: overlap', files.find((f) => f.language === 'it' && f.file.endsWith('.vtt'))!.file, '13'],
      ]);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('off: nothing is read or reported; quality is [] and quality-status skipped', async ({ expect }) => {
    const sim = await start(ERRORS);
    const r = await run(sim, ERRORS, { 'quality-check': 'off' });
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['status']).toBe('completed');
    expect(r.outputs['quality']).toBe('[]');
    expect(r.outputs['quality-status']).toBe('skipped');
    expect(annotations(r)).toEqual([]);
    expect(r.stdout).not.toContain('Subtitle quality');
    expect(r.summary).not.toContain('Subtitle quality');
  });

  it('a bad quality-rules line is refused before any request, with every bad line named', async ({ expect }) => {
    const sim = await start(['fr']);
    const r = await run(sim, ['fr'], { 'quality-rules': 'max-cps: 20\nmax-cps: fast\nmax-width: 30' });
    expect(r.exitCode, log(r)).toBe(1);
    expect(sim.requests).toHaveLength(0);
    expect(annotations(r).map((a) => a.message)).toEqual([
      [
        "Input 'quality-rules' is not valid:",
        `- Input 'quality-rules', line 2: max-cps value "fast" is not a number. Accepted: characters a second from 1 to 1000, such as 17 or 12.5, or off.`,
        `- Input 'quality-rules', line 3: unknown rule "max-width". Accepted rules: max-cps, max-line-length, max-lines, min-duration, max-duration, min-gap.`,
      ].join('\n'),
    ]);
    expect(r.outputs).toEqual({});
  });

  it('bad quality inputs are reported with the other bad inputs, all at once, before any request', async ({ expect }) => {
    const sim = await start(['fr']);
    const r = await run(sim, ['fr'], { 'quality-check': 'loud', 'quality-rules': 'max-lines (xx_YY): 2', 'poll-interval': 'soon' });
    expect(r.exitCode, log(r)).toBe(1);
    expect(sim.requests).toHaveLength(0);
    const errors = annotations(r).filter((a) => a.kind === 'error');
    expect(errors).toHaveLength(1);
    const lines = errors[0]!.message.split('\n');
    expect(lines[0]).toBe('3 inputs are not valid:');
    expect(lines.slice(1).map((line) => /^- Input '([^']+)'/.exec(line)?.[1]).sort()).toEqual(['poll-interval', 'quality-check', 'quality-rules']);
    expect(lines.find((line) => line.startsWith("- Input 'quality-rules'"))).toMatch(/^- Input 'quality-rules', line 1: /);
    expect(r.outputs).toEqual({});
  });
});
