/**
 * Annotations, job summary, PR comment lines, the `quality` output and `quality-status`
 * (src/quality/report.ts, src/quality/verdict.ts): the most important findings first, GitHub's
 * limits kept, and nothing from a file name or a cue able to break the Markdown or the runner's
 * commands.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { checkSubtitle } from '../../src/quality/check.ts';
import type { FileQuality, QualityFinding } from '../../src/quality/check.ts';
import { qualityAnnotations, qualityCommentLines, renderQualitySummary } from '../../src/quality/report.ts';
import { qualityOutput } from '../../src/quality/output.ts';
import type { RunReport } from '../../src/report/model.ts';
import { writeOutputs } from '../../src/report/outputs.ts';
import { SUMMARY_BUDGET_BYTES, qualityFindingsInSummary, renderComment, renderSummary } from '../../src/report/summary.ts';
import { qualityFailure, qualityStatus } from '../../src/quality/verdict.ts';
import { runnerLog } from '../../src/runner.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'quality');

function fixture(name: string, language = 'fr'): FileQuality {
  const format = name.endsWith('.srt') ? 'srt' : 'vtt';
  return checkSubtitle({ bytes: readFileSync(path.join(FIXTURES, name)), file: `localized/${language}/${name}`, language, format });
}

function file(name: string, findings: QualityFinding[], language = 'fr'): FileQuality {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { file: name, language, cues: 100, errors, warnings: findings.length - errors, findings };
}

const emptyRun = (): RunReport => ({
  status: 'completed',
  mode: 'run',
  projectId: 'proj-demo',
  orders: [],
  languagesWithoutOrder: [],
  createdCount: 0,
  reusedCount: 0,
  outputDir: 'localized',
  timings: { waitedMs: 1_000, downloadedMs: 100, totalMs: 2_000 },
  projects: [],
});

const error = (rule: QualityFinding['rule'], line: number): QualityFinding => ({ rule, severity: 'error', line, message: `${rule} here` });
const warning = (rule: QualityFinding['rule'], line: number): QualityFinding => ({
  rule,
  severity: 'warning',
  line,
  message: `${rule} here`,
});

describe('qualityAnnotations', () => {
  it('puts each finding on its file and line', () => {
    expect(qualityAnnotations([fixture('overlap.srt'), fixture('max-cps.vtt')])).toEqual([
      {
        severity: 'error',
        message: 'the cue starts at 00:00:07,500 while the cue at line 6 is still shown (until 00:00:08,000)',
        properties: { title: 'Subtitle quality: overlap', file: 'localized/fr/overlap.srt', startLine: 11 },
      },
      {
        severity: 'warning',
        message: '27.0 characters a second (27 characters in 1 s), more than the 17 allowed for fr',
        properties: { title: 'Subtitle quality: max-cps', file: 'localized/fr/max-cps.vtt', startLine: 13 },
      },
    ]);
  });

  it('writes at most 10 errors and 10 warnings, the most important first, then one notice counting the rest', () => {
    const a = file('a.srt', [
      error('overlap', 5),
      error('overlap', 9),
      ...Array.from({ length: 12 }, (_, i) => warning('max-cps', 100 + i)),
    ]);
    const b = file('b.vtt', [
      error('unparseable', 40),
      ...Array.from({ length: 8 }, (_, i) => error('out-of-order', 200 + i)),
      warning('min-gap', 7),
    ]);
    const c = file('c.vtt', [error('not-utf8', 3), error('end-before-start', 8)]);
    const annotations = qualityAnnotations([a, b, c]);
    const shown = annotations.map((x) => `${x.severity} ${x.properties.file}:${x.properties.startLine} ${x.properties.title}`);
    expect(shown.slice(0, 10)).toEqual([
      'error c.vtt:3 Subtitle quality: not-utf8',
      'error b.vtt:40 Subtitle quality: unparseable',
      'error c.vtt:8 Subtitle quality: end-before-start',
      'error b.vtt:200 Subtitle quality: out-of-order',
      'error b.vtt:201 Subtitle quality: out-of-order',
      'error b.vtt:202 Subtitle quality: out-of-order',
      'error b.vtt:203 Subtitle quality: out-of-order',
      'error b.vtt:204 Subtitle quality: out-of-order',
      'error b.vtt:205 Subtitle quality: out-of-order',
      'error b.vtt:206 Subtitle quality: out-of-order',
    ]);
    // each file's worst warning before any file's second
    expect(shown.slice(10, 13)).toEqual([
      'warning a.srt:100 Subtitle quality: max-cps',
      'warning b.vtt:7 Subtitle quality: min-gap',
      'warning a.srt:101 Subtitle quality: max-cps',
    ]);
    expect(annotations.filter((x) => x.severity === 'error')).toHaveLength(10);
    expect(annotations.filter((x) => x.severity === 'warning')).toHaveLength(10);
    expect(annotations.at(-1)).toEqual({
      severity: 'notice',
      message:
        '3 more errors and 3 more warnings than the annotations above show (GitHub shows 10 errors and 10 warnings a step): the job summary and the `quality` output list them all.',
      properties: { title: 'Subtitle quality' },
    });
  });

  it('leaves room for the annotations the step writes itself', () => {
    const many = file(
      'a.srt',
      Array.from({ length: 5 }, (_, i) => warning('max-cps', i + 1)),
    );
    const annotations = qualityAnnotations([many], { errors: 10, warnings: 2 });
    expect(annotations.map((x) => x.severity)).toEqual(['warning', 'warning', 'notice']);
    expect(annotations[2]!.message).toBe(
      "3 more warnings than the annotations above show (GitHub shows 10 errors and 10 warnings a step, and the run's other annotations came first): the job summary and the `quality` output list them all.",
    );
  });

  it('says what the `quality` output and the summary left out instead of claiming they list every finding', () => {
    // 20,000 findings make a `quality` output past its 512 KiB: each file keeps its most important ones
    const huge = file(
      'huge.srt',
      Array.from({ length: 20_000 }, (_, i) => ({ ...warning('max-cps', i + 1), message: `reading speed ${i}: 25 characters a second` })),
    );
    const kept = 20_000 - qualityOutput([huge]).findingsLeftOut;
    expect(kept).toBeLessThan(20_000);
    const notice = qualityAnnotations([huge]).at(-1)!;
    expect(notice.severity).toBe('notice');
    expect(notice.message).toMatch(
      new RegExp(
        `: the job summary lists 200 of 20,000 findings, the \`quality\` output lists ${kept.toLocaleString('en-US')} of 20,000 findings\\.$`,
      ),
    );
    // what the run really listed, when it says
    expect(qualityAnnotations([huge], undefined, () => ({ summary: 3, output: 20_000 })).at(-1)!.message).toMatch(
      /: the job summary lists 3 of 20,000 findings, the `quality` output lists them all\.$/,
    );
  });

  it('writes nothing for clean files', () => {
    expect(qualityAnnotations([fixture('clean.srt')])).toEqual([]);
  });

  it('reaches the runner as one command line each, whatever the file name and cue text', () => {
    const hostile = file('out/fr/a,b:c%0A::error::x.srt', [
      { rule: 'max-line-length', severity: 'warning', line: 3, message: '50 characters: “100% done\n::error file=x::owned”' },
    ]);
    let stdout = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    try {
      for (const annotation of qualityAnnotations([hostile])) runnerLog[annotation.severity](annotation.message, annotation.properties);
    } finally {
      write.mockRestore();
    }
    expect(stdout.split('\n').filter((line) => line !== '')).toEqual([
      '::warning title=Subtitle quality%3A max-line-length,file=out/fr/a%2Cb%3Ac%250A%3A%3Aerror%3A%3Ax.srt,line=3::50 characters: “100%25 done ::error file=x::owned”',
    ]);
  });

  it('keeps messages on one line', () => {
    const hostile = file('x.srt', [{ rule: 'unparseable', severity: 'error', line: 1, message: 'a\nb\r\n::error::c\u2028d' }]);
    expect(qualityAnnotations([hostile])[0]!.message).toBe('a b ::error::c d');
  });
});

describe('renderQualitySummary', () => {
  it('has a row per file with cues, errors, warnings and its first findings, and every finding folded below', () => {
    const summary = renderQualitySummary('report', [fixture('overlap.srt'), fixture('clean.vtt'), fixture('ja.vtt', 'ja')]);
    expect(summary).toContain('### Subtitle quality — ❌ errors');
    expect(summary).toContain('3 files checked, 12 cues: 1 error, 2 warnings (`quality-check: report`).');
    expect(summary).toContain('| File | Language | Cues | Errors | Warnings | First findings |');
    expect(summary).toContain(
      '| `localized/fr/overlap.srt` | `fr` | 4 | **1** | 0 | line 11: ❌ overlap: the cue starts at 00:00:07,500 while the cue at line 6 is still shown \\(until 00:00:08,000\\) |',
    );
    expect(summary).toContain('| `localized/fr/clean.vtt` | `fr` | 4 | 0 | 0 | — |');
    expect(summary).toMatch(/\| `localized\/ja\/ja\.vtt` \| `ja` \| 4 \| 0 \| 2 \| line 9: ⚠️ max\\-line\\-length: 17 characters/);
  });

  it('folds the full list of a file with more findings than the row shows, and cuts it where the summary would grow too big', () => {
    const big = file(
      'big.srt',
      Array.from({ length: 250 }, (_, i) => warning('max-cps', i + 1)),
    );
    const summary = renderQualitySummary('strict', [big]);
    expect(summary).toContain('<details><summary>big\\.srt: 250 findings</summary>');
    expect(summary.match(/^\| \d+ \| warning \| max-cps \|/gm)).toHaveLength(200);
    expect(summary).toContain('And 50 more findings: see the `quality` output.');

    const files = Array.from({ length: 300 }, (_, k) =>
      file(
        `f${k}.srt`,
        Array.from({ length: 200 }, (_, i) => warning('max-cps', i + 1)),
      ),
    );
    const huge = renderQualitySummary('report', files, 400_000);
    expect(Buffer.byteLength(huge)).toBeLessThanOrEqual(400_000);
    expect(huge).toMatch(/The findings of \d+ more files did not fit in the summary: see the `quality` output\./);
  });

  it("keeps the whole job summary within GitHub's 1 MiB a step, orders table included: rows lose their first findings, then go", () => {
    // 6,000 files of 1,200 findings each (100 videos in 60 languages), with multi-byte text
    const findings = Array.from({ length: 1_200 }, (_, i) => ({ ...warning('max-cps', i + 1), message: `${'ü'.repeat(60)} ${i}` }));
    const files = Array.from({ length: 6_000 }, (_, k) => file(`videos/chapter-${k % 100}/lesson-${k}.de.srt`, findings, 'de'));
    const orders = files.map((f, k) => ({
      orderId: `order-${String(k).padStart(18, '0')}`,
      projectId: 'p'.repeat(24),
      language: 'de',
      type: 'subtitle' as const,
      status: 'completed',
      created: true,
      files: [f.file],
    }));
    const big: RunReport = {
      ...emptyRun(),
      orders,
      createdCount: orders.length,
      quality: { mode: 'report', status: qualityStatus('report', files), files },
    };
    const summary = renderSummary(big);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(SUMMARY_BUDGET_BYTES).toBeLessThan(1024 * 1024);
    expect(summary).toContain('| Language | Status | Order | Files |');
    expect(summary).toContain('| File | Language | Cues | Errors | Warnings |\n');
    expect(summary).not.toContain('First findings');
    expect(summary).toMatch(/\n[\d,]+ more files: see the `quality` output\.\n/);
    expect(qualityFindingsInSummary(big)).toBe(0);

    // fewer files: every row fits, without its first findings
    const some = files.slice(0, 1_500);
    const fewer = renderSummary({ ...big, orders: [], quality: { mode: 'report', status: 'warnings', files: some } });
    expect(Buffer.byteLength(fewer)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(fewer.match(/^\| `videos\//gm)).toHaveLength(1_500);
    expect(fewer).not.toContain('more files: see');
  });

  it('cannot be broken by a file name or cue text', () => {
    const hostile = file('out/fr/a|b`c<img src=x>@team #1.srt', [
      {
        rule: 'max-line-length',
        severity: 'warning',
        line: 3,
        message: 'quote “| </details> <script>x</script> [link](http://e.vil) @everyone”',
      },
      warning('max-cps', 4),
      warning('max-cps', 5),
      warning('max-cps', 6),
    ]);
    const summary = renderQualitySummary('report', [hostile]);
    expect(summary).not.toContain('<script>');
    // HTML is inert inside a code span: the file name's `<img` appears there and nowhere else
    expect(summary.split('<img')).toHaveLength(2);
    expect(summary).not.toMatch(/[^\\]\[link\]/);
    // no mention outside a code span notifies anybody
    expect(summary).not.toContain('@everyone');
    expect(summary.split('@team')).toHaveLength(2);
    expect(summary).toContain('``out/fr/a\\|b`c<img src=x>@team #1.srt``');
    // every table row still has its six cells
    for (const row of summary.split('\n').filter((line) => line.startsWith('| `'))) expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);
    expect(summary.match(/<\/details>/g)).toHaveLength(1);
  });

  it('says so when the check is off or had nothing to read', () => {
    expect(renderQualitySummary('off', [])).toBe('### Subtitle quality — ⏭️ skipped\n\nNot checked (`quality-check: off`).\n');
    expect(renderQualitySummary('report', [])).toBe(
      '### Subtitle quality — ⏭️ skipped\n\nNo SRT or WebVTT file was saved, so none was checked.\n',
    );
  });
});

describe('qualityCommentLines', () => {
  it('has one line per language, with the rules that fired', () => {
    const lines = qualityCommentLines('report', [
      fixture('overlap.srt'),
      fixture('max-cps.vtt'),
      fixture('clean.srt', 'de'),
      fixture('clean.vtt', 'de'),
    ]);
    expect(lines).toEqual([
      '- `fr`: ❌ errors, 2 files, 8 cues: 1 error, 1 warning (overlap ×1, max-cps ×1)',
      '- `de`: ✅ passed, 2 files, 8 cues',
    ]);
  });

  it('names the rules of errors first, then those that fired most', () => {
    const mixed = file('a.srt', [warning('max-cps', 1), warning('max-cps', 2), warning('min-gap', 3), error('overlap', 4)], 'ja');
    expect(qualityCommentLines('report', [mixed])).toEqual([
      '- `ja`: ❌ errors, 1 file, 100 cues: 1 error, 3 warnings (overlap ×1, max-cps ×2, min-gap ×1)',
    ]);
  });

  it('is empty when the check is off or read nothing', () => {
    expect(qualityCommentLines('off', [fixture('overlap.srt')])).toEqual([]);
    expect(qualityCommentLines('fail', [])).toEqual([]);
  });
});

describe('qualityOutput', () => {
  it('is the contract shape: file, language, cues, errors, warnings, findings of rule, severity, line, message', () => {
    const { json, findingsLeftOut } = qualityOutput([fixture('overlap.srt'), fixture('clean.vtt')]);
    expect(findingsLeftOut).toBe(0);
    expect(JSON.parse(json)).toEqual([
      {
        file: 'localized/fr/overlap.srt',
        language: 'fr',
        cues: 4,
        errors: 1,
        warnings: 0,
        findings: [
          {
            rule: 'overlap',
            severity: 'error',
            line: 11,
            message: 'the cue starts at 00:00:07,500 while the cue at line 6 is still shown (until 00:00:08,000)',
          },
        ],
      },
      { file: 'localized/fr/clean.vtt', language: 'fr', cues: 4, errors: 0, warnings: 0, findings: [] },
    ]);
  });

  it('keeps each file’s most important findings when all do not fit, and the counts whole', () => {
    const files = Array.from({ length: 20 }, (_, k) =>
      file(`f${k}.srt`, [error('overlap', 1), ...Array.from({ length: 999 }, (_, i) => warning('max-cps', i + 2))]),
    );
    const { json, findingsLeftOut } = qualityOutput(files, 100_000);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(100_000);
    const parsed = JSON.parse(json) as FileQuality[];
    expect(parsed.every((f) => f.errors === 1 && f.warnings === 999 && f.findings[0]!.rule === 'overlap')).toBe(true);
    expect(findingsLeftOut).toBe(20_000 - parsed.reduce((n, f) => n + f.findings.length, 0));
    expect(findingsLeftOut).toBeGreaterThan(0);
  });
});

describe('quality-status and failing the step', () => {
  const clean = fixture('clean.srt');
  const warned = fixture('max-cps.srt');
  const broken = fixture('overlap.vtt');

  it.each([
    ['off', [broken], 'skipped', undefined],
    ['report', [], 'skipped', undefined],
    ['report', [clean], 'passed', undefined],
    ['report', [clean, warned], 'warnings', undefined],
    ['report', [warned, broken], 'failed', undefined],
    ['fail', [clean, warned], 'warnings', undefined],
    [
      'fail',
      [clean, broken],
      'failed',
      'Subtitle quality check failed (quality-check: fail): 1 error in 1 file. The annotations show where; the job summary and the `quality` output list the findings.',
    ],
    ['strict', [clean], 'passed', undefined],
    [
      'strict',
      [clean, warned],
      'warnings',
      'Subtitle quality check failed (quality-check: strict): 0 errors and 1 warning in 1 file. The annotations show where; the job summary and the `quality` output list the findings.',
    ],
    [
      'strict',
      [warned, broken],
      'failed',
      'Subtitle quality check failed (quality-check: strict): 1 error and 1 warning in 2 files. The annotations show where; the job summary and the `quality` output list the findings.',
    ],
  ] as const)('%s with %# gives %s', (mode, files, status, failure) => {
    expect(qualityStatus(mode, files)).toBe(status);
    expect(qualityFailure(mode, files)).toBe(failure);
  });
});

describe('the run report: job summary, PR comment and outputs', () => {
  const base: RunReport = {
    status: 'completed',
    mode: 'run',
    projectId: 'proj-demo',
    orders: [],
    languagesWithoutOrder: [],
    createdCount: 2,
    reusedCount: 0,
    outputDir: 'localized',
    timings: { waitedMs: 1_000, downloadedMs: 100, totalMs: 2_000 },
    projects: [],
  };
  const files = [fixture('overlap.srt'), fixture('clean.vtt', 'de')];
  const checked: RunReport = { ...base, quality: { mode: 'fail', status: qualityStatus('fail', files), files } };

  it('ends the job summary with the quality section; none when the check did not run', () => {
    const summary = renderSummary(checked);
    expect(summary.endsWith(renderQualitySummary('fail', files))).toBe(true);
    expect(summary).toContain('### Subtitle quality — ❌ errors');
    expect(renderSummary(base)).not.toContain('Subtitle quality');
  });

  it('ends the PR comment with one line per language under its own heading, as it ends the summary', () => {
    const comment = renderComment(checked, { markerKey: 'proj-demo:subtitle' });
    expect(
      comment.endsWith(
        [
          'Cost: 2 orders created, 0 reused',
          '',
          '**Subtitle quality** (`quality-check: fail`)',
          '',
          '- `fr`: ❌ errors, 1 file, 4 cues: 1 error, 0 warnings (overlap ×1)',
          '- `de`: ✅ passed, 1 file, 4 cues',
          '',
        ].join('\n'),
      ),
      comment,
    ).toBe(true);
    expect(renderComment(base, { markerKey: 'proj-demo:subtitle' })).not.toContain('Subtitle quality');
    expect(renderComment({ ...base, quality: { mode: 'report', status: 'skipped', files: [] } }, { markerKey: 'k' })).not.toContain(
      'Subtitle quality',
    );
  });

  it('writes the quality and quality-status outputs: [] and skipped when the check did not run', () => {
    const outputs = new Map<string, string>();
    writeOutputs({ setOutput: (name, value) => void outputs.set(name, value) }, checked);
    expect(outputs.get('quality')).toBe(qualityOutput(files).json);
    expect(outputs.get('quality-status')).toBe('failed');
    writeOutputs({ setOutput: (name, value) => void outputs.set(name, value) }, base);
    expect(outputs.get('quality')).toBe('[]');
    expect(outputs.get('quality-status')).toBe('skipped');
    expect(outputs.get('status')).toBe('completed');
  });
});
