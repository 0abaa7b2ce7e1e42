/**
 * The check in a run (src/quality/run.ts): which saved files are read back and checked, what
 * happens to one that cannot be, and how many annotations it writes once the step's own are
 * counted (src/annotations.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countAnnotations } from '../../src/annotations.ts';
import { parseQualityRules } from '../../src/quality/rules.ts';
import { MAX_CHECKED_BYTES, annotateQuality, checkSavedSubtitles } from '../../src/quality/run.ts';
import type { CheckOptions } from '../../src/quality/run.ts';
import type { FileQuality, QualityFinding } from '../../src/quality/check.ts';
import { qualityStatus } from '../../src/quality/verdict.ts';
import type { RunReport } from '../../src/report/model.ts';
import { recordingLog } from './run-helpers.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'quality');

/** A workspace holding `files` (workspace-relative name -> fixture name or bytes). */
function workspace(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ollang-quality-run-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), typeof content === 'string' ? readFileSync(path.join(FIXTURES, content)) : content);
  }
  return root;
}

function options(
  root: string,
  saved: CheckOptions['saved'],
  extra: Partial<CheckOptions> = {},
): CheckOptions & { log: ReturnType<typeof recordingLog> } {
  let now = 1_000;
  return {
    mode: 'report',
    overrides: [],
    workspace: root,
    saved,
    log: recordingLog(),
    clock: () => (now += 7),
    ...extra,
  } as CheckOptions & {
    log: ReturnType<typeof recordingLog>;
  };
}

describe('checkSavedSubtitles', () => {
  it('checks every SRT and WebVTT file the run saved, in its language, and nothing else', async () => {
    const root = workspace({
      'localized/fr/intro.srt': 'overlap.srt',
      'localized/fr/intro.vtt': 'clean.vtt',
      'localized/ja/intro.VTT': 'ja.vtt',
      'localized/fr/dub.mp3': Buffer.from('ID3'),
      'localized/fr/notes.docx': Buffer.from('PK'),
    });
    const run = options(root, [
      { file: 'localized/fr/intro.srt', language: 'fr' },
      { file: 'localized/fr/dub.mp3', language: 'fr' },
      { file: 'localized/fr/intro.vtt', language: 'fr' },
      { file: 'localized/fr/notes.docx', language: 'fr' },
      { file: 'localized/ja/intro.VTT', language: 'ja' },
    ]);
    const result = await checkSavedSubtitles(run);
    expect(result).toMatchObject({ mode: 'report', status: 'failed' });
    expect(result!.files.map((f) => [f.file, f.language, f.errors, f.warnings])).toEqual([
      ['localized/fr/intro.srt', 'fr', 1, 0],
      ['localized/fr/intro.vtt', 'fr', 0, 0],
      ['localized/ja/intro.VTT', 'ja', 0, 2], // Japanese limits: 13 characters a line
    ]);
    expect(run.log.lines).toEqual([
      expect.stringMatching(/^Subtitle quality: 3 files \(12 cues\) checked in \d+ ms: 1 error, 2 warnings \(quality-check: report\)\.$/),
    ]);
  });

  it("logs the time from startedAt when given (loading the check's code counts), from its own start otherwise", async () => {
    const root = workspace({ 'localized/fr/intro.vtt': 'clean.vtt' });
    const saved = [{ file: 'localized/fr/intro.vtt', language: 'fr' }];
    let now = 5_000;
    const clock = (): number => now++; // 1 ms a reading
    const own = options(root, saved, { clock });
    await checkSavedSubtitles(own);
    const loaded = options(root, saved, { clock, startedAt: now - 250 });
    await checkSavedSubtitles(loaded);
    const logged = (run: typeof own): number => Number(/checked in (\d+) ms/.exec(run.log.lines[0]!)?.[1]);
    expect(logged(own)).toBeLessThan(10);
    expect(logged(loaded)).toBeGreaterThanOrEqual(250);
    expect(logged(loaded)).toBeLessThan(260);
  });

  it('applies quality-rules', async () => {
    const root = workspace({ 'localized/fr/a.srt': 'max-cps.srt' });
    const saved = [{ file: 'localized/fr/a.srt', language: 'fr' }];
    expect((await checkSavedSubtitles(options(root, saved)))!.status).toBe('warnings');
    const { overrides } = parseQualityRules('max-cps (fr): 30', JSON.stringify);
    expect((await checkSavedSubtitles(options(root, saved, { overrides })))!.status).toBe('passed');
  });

  it('is skipped when no subtitle file was saved', async () => {
    const root = workspace({ 'localized/fr/dub.mp3': Buffer.from('ID3') });
    const run = options(root, [{ file: 'localized/fr/dub.mp3', language: 'fr' }]);
    expect(await checkSavedSubtitles(run)).toEqual({ mode: 'report', status: 'skipped', files: [] });
    expect(run.log.lines).toEqual([]);
  });

  it('does not read a file too large to be a subtitle file, nor one that is gone, and says so on the file', async () => {
    const root = workspace({ 'localized/fr/huge.srt': 'clean.srt', 'localized/fr/ok.srt': 'clean.srt' });
    truncateSync(path.join(root, 'localized/fr/huge.srt'), MAX_CHECKED_BYTES + 1);
    const run = options(root, [
      { file: 'localized/fr/huge.srt', language: 'fr' },
      { file: 'localized/fr/gone.srt', language: 'fr' },
      { file: 'localized/fr/ok.srt', language: 'fr' },
    ]);
    const result = await checkSavedSubtitles(run);
    expect(result!.files.map((f) => f.file)).toEqual(['localized/fr/ok.srt']);
    expect(run.log.at('warning')).toEqual([
      'Subtitle quality: localized/fr/huge.srt was not checked: it is larger than 64 MiB, which no subtitle file needs to be (a feature film takes about 150 KB).',
      expect.stringMatching(/^Subtitle quality: localized\/fr\/gone\.srt could not be read back, so it was not checked: .*ENOENT/),
    ]);
  });

  it('lets a signal in while it works, and stops when the run is cancelled', async () => {
    const root = workspace({ 'localized/fr/a.srt': 'clean.srt', 'localized/de/a.srt': 'clean.srt', 'localized/es/a.srt': 'clean.srt' });
    const abort = new AbortController();
    let now = 0;
    // Each file takes 60 ms by this clock: the check yields before the second, and the signal lands then.
    const run = options(
      root,
      ['fr', 'de', 'es'].map((language) => ({ file: `localized/${language}/a.srt`, language })),
      { signal: abort.signal, clock: () => (now += 60) },
    );
    setImmediate(() => abort.abort());
    expect(await checkSavedSubtitles(run)).toBeUndefined();
    expect(run.log.lines).toEqual(['Subtitle quality: not checked, the run was cancelled.']);
  });

  it('stops at once when the run is already cancelled', async () => {
    const root = workspace({ 'localized/fr/a.srt': 'clean.srt' });
    const abort = new AbortController();
    abort.abort();
    const run = options(root, [{ file: 'localized/fr/a.srt', language: 'fr' }], { signal: abort.signal });
    expect(await checkSavedSubtitles(run)).toBeUndefined();
    expect(run.log.lines).toEqual(['Subtitle quality: not checked, the run was cancelled.']);
  });
});

describe('annotateQuality', () => {
  const finding = (severity: 'error' | 'warning', line: number): QualityFinding => ({
    rule: severity === 'error' ? 'overlap' : 'max-cps',
    severity,
    line,
    message: `${severity} at ${line}`,
  });
  const file: FileQuality = {
    file: 'localized/fr/a.srt',
    language: 'fr',
    cues: 100,
    errors: 12,
    warnings: 12,
    findings: [
      ...Array.from({ length: 12 }, (_, i) => finding('error', i + 1)),
      ...Array.from({ length: 12 }, (_, i) => finding('warning', i + 50)),
    ],
  };
  const run = (files: FileQuality[], orders: RunReport['orders'] = []): RunReport => ({
    status: 'completed',
    mode: 'run',
    projectId: 'proj-demo',
    orders,
    languagesWithoutOrder: [],
    createdCount: orders.length,
    reusedCount: 0,
    outputDir: 'localized',
    timings: { waitedMs: 1_000, downloadedMs: 100, totalMs: 2_000 },
    projects: [],
    quality: { mode: 'report', status: qualityStatus('report', files), files },
  });

  it('fits in what the step left of the 10 errors and 10 warnings, keeping one error for each failure still to come', () => {
    const log = recordingLog();
    const counted = countAnnotations(log);
    counted.log.warning('download failed');
    counted.log.warning('another');
    counted.log.error('an error of the run');
    counted.log.info('not an annotation');
    expect(counted.written).toEqual({ error: 1, warning: 2, notice: 0 });
    annotateQuality(counted.log, run([file]), counted.written, 1);
    expect(log.at('error')).toHaveLength(1 + 8); // 10, less the run's error, less the failure setFailed will write
    expect(log.at('warning')).toHaveLength(2 + 8);
    expect(log.at('notice')).toEqual([
      "4 more errors and 4 more warnings than the annotations above show (GitHub shows 10 errors and 10 warnings a step, and the run's other annotations came first): the job summary and the `quality` output list them all.",
    ]);
    expect(counted.written).toEqual({ error: 9, warning: 10, notice: 1 });
  });

  it('writes none of a kind the step has already used up, and counts them all', () => {
    const log = recordingLog();
    const written = { error: 12, warning: 3, notice: 0 };
    annotateQuality(log, run([file]), written, 2);
    expect(log.at('error')).toEqual([]);
    expect(log.at('warning')).toHaveLength(7);
    expect(log.at('notice')[0]).toMatch(/^12 more errors and 5 more warnings than/);
  });

  it("says how many findings the job summary lists when it does not list them all, counting the orders table's share", () => {
    // a feature film with one warning a cue: the summary folds 200 of them
    const film: FileQuality = {
      file: 'localized/fr/film.srt',
      language: 'fr',
      cues: 1_500,
      errors: 0,
      warnings: 1_500,
      findings: Array.from({ length: 1_500 }, (_, i) => finding('warning', 4 * i + 3)),
    };
    const log = recordingLog();
    annotateQuality(log, run([film]), { error: 0, warning: 0, notice: 0 }, 0);
    expect(log.at('notice')).toEqual([
      '1,490 more warnings than the annotations above show (GitHub shows 10 errors and 10 warnings a step): ' +
        'the job summary lists 200 of 1,500 findings, the `quality` output lists them all.',
    ]);

    // an orders table that leaves the quality section no room for the folded list: only the first 3 findings are in the summary
    const order = (k: number): RunReport['orders'][number] => ({
      orderId: `order-${k}`,
      projectId: 'p',
      language: 'fr',
      type: 'subtitle',
      status: 'completed',
      created: true,
      files: Array.from({ length: 50 }, (_, i) => `localized/fr/${'x'.repeat(200)}-${k}-${i}.srt`),
    });
    const crowded = run(
      [film],
      Array.from({ length: 87 }, (_, k) => order(k)),
    );
    const crowdedLog = recordingLog();
    annotateQuality(crowdedLog, crowded, { error: 0, warning: 0, notice: 0 }, 0);
    expect(crowdedLog.at('notice')[0]).toMatch(/the job summary lists 3 of 1,500 findings, the `quality` output lists them all\.$/);
  });
});
