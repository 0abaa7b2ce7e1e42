/**
 * How the check's findings reach people, as pure functions of the checked files: annotations on
 * the files' lines, a section of the job summary, and one line per language for the PR comment
 * (the `quality` output is output.ts). Findings come most important first within each file (check.ts).
 *
 * File names come from Ollang and cue text from the files: everything shown in Markdown goes
 * through the job summary's own `code()` / `text()` (src/report/summary.ts), and annotation
 * messages are one line (the runner escapes `%`, CR and LF, and `:` and `,` in properties).
 */
import { ANNOTATIONS_PER_STEP } from '../annotations.ts';
import type { AnnotationProperties } from '../runtime.ts';
import { SUMMARY_BUDGET_BYTES, code, text } from '../report/summary.ts';
import type { ErrorRule, FileQuality, QualityFinding } from './check.ts';
import { qualityOutput } from './output.ts';
import { ERROR_ORDER, formatCount, plural, qualityStatus } from './verdict.ts';
import type { QualityCheckMode, QualityStatus } from './verdict.ts';

export interface QualityAnnotation {
  severity: 'error' | 'warning' | 'notice';
  message: string;
  /** `file` (workspace-relative) and `startLine`, so that GitHub shows it on that line of the file. */
  properties: AnnotationProperties;
}

/** GitHub shows at most 10 error and 10 warning annotations of a step (more are counted, not shown). */
export const ANNOTATIONS_SHOWN = { errors: ANNOTATIONS_PER_STEP, warnings: ANNOTATIONS_PER_STEP } as const;

/**
 * At most `limits.errors` error and `limits.warnings` warning annotations, the most important
 * first, then one notice counting the rest. Errors: a file that cannot be read before a cue that
 * overlaps, then each file's first before any file's second. Warnings: each file's worst (the
 * most past its limit) before any file's second. The caller lowers the limits by the
 * annotations it writes itself in the same step.
 */
export function qualityAnnotations(
  files: readonly FileQuality[],
  limits: { errors: number; warnings: number } = ANNOTATIONS_SHOWN,
  listed: () => FindingsListed = () => findingsListed(files),
): QualityAnnotation[] {
  const ranked = files.flatMap((file, fileIndex) => {
    let errorRank = 0;
    let warningRank = 0;
    return file.findings.map((finding) => ({
      file,
      finding,
      fileIndex,
      rank: finding.severity === 'error' ? errorRank++ : warningRank++,
      ruleOrder: finding.severity === 'error' ? ERROR_ORDER.indexOf(finding.rule as ErrorRule) : 0,
    }));
  });
  ranked.sort((a, b) => a.ruleOrder - b.ruleOrder || a.rank - b.rank || a.fileIndex - b.fileIndex);
  const errors = ranked.filter((item) => item.finding.severity === 'error');
  const warnings = ranked.filter((item) => item.finding.severity === 'warning');
  const shownErrors = errors.slice(0, Math.max(0, limits.errors));
  const shownWarnings = warnings.slice(0, Math.max(0, limits.warnings));

  const annotations: QualityAnnotation[] = [...shownErrors, ...shownWarnings].map(({ file, finding }) => ({
    severity: finding.severity,
    message: oneLine(finding.message),
    properties: { title: `Subtitle quality: ${finding.rule}`, file: file.file, startLine: finding.line },
  }));
  const moreErrors = errors.length - shownErrors.length;
  const moreWarnings = warnings.length - shownWarnings.length;
  if (moreErrors > 0 || moreWarnings > 0) {
    const more = [moreErrors > 0 ? plural(moreErrors, 'more error') : '', moreWarnings > 0 ? plural(moreWarnings, 'more warning') : '']
      .filter((part) => part !== '')
      .join(' and ');
    const shared = limits.errors < ANNOTATIONS_SHOWN.errors || limits.warnings < ANNOTATIONS_SHOWN.warnings;
    annotations.push({
      severity: 'notice',
      message:
        `${more} than the annotations above show (GitHub shows ${ANNOTATIONS_SHOWN.errors} errors and ${ANNOTATIONS_SHOWN.warnings} warnings a step` +
        `${shared ? ", and the run's other annotations came first" : ''}): ${whereListed(listed(), ranked.length)}.`,
      properties: { title: 'Subtitle quality' },
    });
  }
  return annotations;
}

/** How many findings the job summary and the `quality` output list: the notice says where the rest are. */
export interface FindingsListed {
  summary: number;
  output: number;
}

/**
 * What the summary and the output list of `files` when the quality section has the whole summary
 * to itself; the run passes what its summary, with the orders table above, really listed.
 */
export function findingsListed(files: readonly FileQuality[]): FindingsListed {
  const total = files.reduce((n, file) => n + file.findings.length, 0);
  return {
    summary: qualitySummary('report', files, SUMMARY_BUDGET_BYTES).findingsListed,
    output: total - qualityOutput(files).findingsLeftOut,
  };
}

/** "the job summary lists 200 of 1,500 findings, the `quality` output lists them all". */
function whereListed(listed: FindingsListed, total: number): string {
  if (listed.summary >= total && listed.output >= total) return 'the job summary and the `quality` output list them all';
  const lists = (place: string, count: number): string =>
    count >= total ? `${place} lists them all` : `${place} lists ${formatCount(count)} of ${plural(total, 'finding')}`;
  return `${lists('the job summary', listed.summary)}, ${lists('the `quality` output', listed.output)}`;
}

const STATUS_LABEL: Record<QualityStatus, string> = {
  passed: '✅ passed',
  warnings: '⚠️ warnings',
  failed: '❌ errors',
  skipped: '⏭️ skipped',
};

const FIRST_FINDINGS = 3;
const FINDINGS_PER_FILE = 200;
/** Kept back from the budget for the closing lines that say what was left out. */
const CLOSING_BYTES = 300;

/** The quality section of the job summary, and how many findings it lists (the notice after the annotations says). */
export interface QualitySummary {
  markdown: string;
  findingsListed: number;
}

/** The job summary section alone: see `qualitySummary`. */
export function renderQualitySummary(mode: QualityCheckMode, files: readonly FileQuality[], budget = SUMMARY_BUDGET_BYTES): string {
  return qualitySummary(mode, files, budget).markdown;
}

/**
 * The job summary section, in at most `budget` bytes (what the rest of the summary left of
 * `SUMMARY_BUDGET_BYTES`): one table row per file (cues, errors, warnings, its first findings), then
 * each file's findings in a folded table, as far as the budget allows. When the table does not
 * fit, its rows lose their first findings, then the last rows go ("N more files"): GitHub
 * refuses a step's whole summary past its limit, the orders table with it.
 */
export function qualitySummary(mode: QualityCheckMode, files: readonly FileQuality[], budget: number): QualitySummary {
  const status = qualityStatus(mode, files);
  const lines: string[] = [`### Subtitle quality — ${STATUS_LABEL[status]}`, ''];
  if (mode === 'off') return { markdown: [...lines, 'Not checked (`quality-check: off`).', ''].join('\n'), findingsListed: 0 };
  if (files.length === 0)
    return { markdown: [...lines, 'No SRT or WebVTT file was saved, so none was checked.', ''].join('\n'), findingsListed: 0 };

  const errors = sum(files, 'errors');
  const warnings = sum(files, 'warnings');
  lines.push(
    `${plural(files.length, 'file')} checked, ${plural(sum(files, 'cues'), 'cue')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} ` +
      `(\`quality-check: ${mode}\`).`,
    '',
  );
  // Every line is counted with the newline that joins it to the next.
  let size = lines.reduce((total, line) => total + bytes(line) + 1, 0);
  const room = budget - CLOSING_BYTES;

  const cells = (file: FileQuality): string =>
    `| ${code(file.file)} | ${code(file.language)} | ${formatCount(file.cues)} | ${errorCount(file.errors)} | ${formatCount(file.warnings)} |`;
  const fullRows = files.map((file) => {
    const first = file.findings.slice(0, FIRST_FINDINGS).map(findingCell);
    if (file.findings.length > FIRST_FINDINGS) first.push(`and ${formatCount(file.findings.length - FIRST_FINDINGS)} more`);
    return `${cells(file)} ${first.length > 0 ? first.join('<br>') : '—'} |`;
  });
  const fullHeader = ['| File | Language | Cues | Errors | Warnings | First findings |', '|---|---|---:|---:|---:|---|'];
  const fullSize = [...fullHeader, ...fullRows, ''].reduce((total, line) => total + bytes(line) + 1, 0);
  const withFirst = size + fullSize <= room;
  const header = withFirst ? fullHeader : ['| File | Language | Cues | Errors | Warnings |', '|---|---|---:|---:|---:|'];
  lines.push(...header);
  size += header.reduce((total, line) => total + bytes(line) + 1, 0);
  let rows = 0;
  let listed = 0;
  for (const [index, file] of files.entries()) {
    const row = withFirst ? fullRows[index]! : cells(file);
    if (!withFirst && size + bytes(row) + 1 > room) break;
    lines.push(row);
    size += bytes(row) + 1;
    rows++;
    if (withFirst) listed += Math.min(FIRST_FINDINGS, file.findings.length);
  }
  lines.push('');
  size += 1;
  if (rows < files.length) {
    lines.push(`${plural(files.length - rows, 'more file')}: see the \`quality\` output.`, '');
    return { markdown: lines.join('\n'), findingsListed: listed };
  }

  // Folded in file order, up to the first that does not fit: trying each later file too had
  // built (and thrown away) 2,400 blocks of 200 rows, about a second, for 2,400 files.
  const folded = files.filter((file) => file.findings.length > FIRST_FINDINGS);
  let leftOut = 0;
  for (const [index, file] of folded.entries()) {
    const shown = file.findings.slice(0, FINDINGS_PER_FILE);
    const block = [
      `<details><summary>${text(file.file)}: ${plural(file.findings.length, 'finding')}</summary>`,
      '',
      '| Line | Severity | Rule | Finding |',
      '|---:|---|---|---|',
      ...shown.map((finding) => `| ${finding.line} | ${finding.severity} | ${finding.rule} | ${text(finding.message)} |`),
      ...(file.findings.length > shown.length
        ? ['', `And ${plural(file.findings.length - shown.length, 'more finding')}: see the \`quality\` output.`]
        : []),
      '',
      '</details>',
      '',
    ].join('\n');
    if (size + bytes(block) + 1 > room) {
      leftOut = folded.length - index;
      break;
    }
    size += bytes(block) + 1;
    lines.push(block);
    listed += shown.length - (withFirst ? Math.min(FIRST_FINDINGS, file.findings.length) : 0);
  }
  if (leftOut > 0)
    lines.push(`The findings of ${plural(leftOut, 'more file')} did not fit in the summary: see the \`quality\` output.`, '');
  return { markdown: lines.join('\n'), findingsListed: listed };
}

/** The PR comment's last part: an empty line, a heading, one line per language (nothing when no file was checked). */
export function qualityCommentSection(mode: QualityCheckMode, files: readonly FileQuality[]): string[] {
  const lines = qualityCommentLines(mode, files);
  return lines.length === 0 ? [] : ['', `**Subtitle quality** (\`quality-check: ${mode}\`)`, '', ...lines];
}

/** One line per language for the PR comment: its status, counts, and which rules fired how often. */
export function qualityCommentLines(mode: QualityCheckMode, files: readonly FileQuality[]): string[] {
  if (mode === 'off' || files.length === 0) return [];
  const byLanguage = new Map<string, FileQuality[]>();
  for (const file of files) byLanguage.set(file.language, [...(byLanguage.get(file.language) ?? []), file]);
  return [...byLanguage].map(([language, ofLanguage]) => {
    const errors = sum(ofLanguage, 'errors');
    const warnings = sum(ofLanguage, 'warnings');
    const head = `- ${code(language)}: ${STATUS_LABEL[qualityStatus(mode, ofLanguage)]}, ${plural(ofLanguage.length, 'file')}, ${plural(sum(ofLanguage, 'cues'), 'cue')}`;
    if (errors + warnings === 0) return head;
    const rules = new Map<string, { times: number; error: boolean }>();
    for (const file of ofLanguage) {
      for (const finding of file.findings) {
        const seen = rules.get(finding.rule);
        rules.set(finding.rule, { times: (seen?.times ?? 0) + 1, error: finding.severity === 'error' });
      }
    }
    // errors' rules first, then the rules that fired most
    const top = [...rules]
      .sort(([, a], [, b]) => Number(b.error) - Number(a.error) || b.times - a.times)
      .slice(0, 4)
      .map(([rule, { times }]) => `${rule} ×${formatCount(times)}`)
      .join(', ');
    return `${head}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} (${top}${rules.size > 4 ? ', …' : ''})`;
  });
}

function findingCell(finding: QualityFinding): string {
  return `line ${finding.line}: ${finding.severity === 'error' ? '❌' : '⚠️'} ${text(finding.rule)}: ${text(finding.message)}`;
}

function oneLine(message: string): string {
  return message.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function bytes(line: string): number {
  return Buffer.byteLength(line, 'utf8');
}

function sum(files: readonly FileQuality[], key: 'cues' | 'errors' | 'warnings'): number {
  return files.reduce((total, file) => total + file[key], 0);
}

function errorCount(value: number): string {
  return value > 0 ? `**${formatCount(value)}**` : '0';
}
