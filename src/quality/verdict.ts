/**
 * What the check means for the step: the `quality-status` output, and whether `quality-check`
 * turns the step red. The check never changes the `status` output (docs/quality.md).
 */
import type { ErrorRule, FileQuality } from './check.ts';

export type QualityCheckMode = 'off' | 'report' | 'fail' | 'strict';

/** The accepted values of the `quality-check` input, the default first. */
export const QUALITY_CHECK_MODES: readonly QualityCheckMode[] = ['report', 'off', 'fail', 'strict'];

/** Errors, the most important first (findings, annotations): a file that cannot be read before a cue that overlaps. */
export const ERROR_ORDER: readonly ErrorRule[] = ['not-utf8', 'no-cues', 'unparseable', 'end-before-start', 'out-of-order', 'overlap'];

export type QualityStatus = 'passed' | 'warnings' | 'failed' | 'skipped';

/** `skipped` when the check is off or no SRT / WebVTT file was saved; else the worst finding's severity. */
export function qualityStatus(mode: QualityCheckMode, files: readonly FileQuality[]): QualityStatus {
  if (mode === 'off' || files.length === 0) return 'skipped';
  if (files.some((file) => file.errors > 0)) return 'failed';
  return files.some((file) => file.warnings > 0) ? 'warnings' : 'passed';
}

/**
 * The message the step fails with (setFailed), or `undefined` when `quality-check` lets it pass:
 * `fail` fails on errors, `strict` on warnings too, `report` and `off` never.
 */
export function qualityFailure(mode: QualityCheckMode, files: readonly FileQuality[]): string | undefined {
  const counted = failingCounts(mode, files);
  if (counted === undefined) return undefined;
  return (
    `Subtitle quality check failed (quality-check: ${mode}): ${counted}. ` +
    'The annotations show where; the job summary and the `quality` output list the findings.'
  );
}

/**
 * What fails the step, for the run's one-line result (`subtitle quality: 3 errors in 2 files
 * (quality-check: fail)`), or `undefined` when `quality-check` lets the step pass.
 */
export function qualityFailureBrief(mode: QualityCheckMode, files: readonly FileQuality[]): string | undefined {
  const counted = failingCounts(mode, files);
  return counted === undefined ? undefined : `subtitle quality: ${counted} (quality-check: ${mode})`;
}

/** `3 errors in 2 files` (strict: `3 errors and 5 warnings in 4 files`) when the step fails on them; else `undefined`. */
function failingCounts(mode: QualityCheckMode, files: readonly FileQuality[]): string | undefined {
  const status = qualityStatus(mode, files);
  const failing = (mode === 'fail' && status === 'failed') || (mode === 'strict' && (status === 'failed' || status === 'warnings'));
  if (!failing) return undefined;
  const errors = files.reduce((sum, file) => sum + file.errors, 0);
  const warnings = files.reduce((sum, file) => sum + file.warnings, 0);
  const withFindings = files.filter((file) => (mode === 'strict' ? file.errors + file.warnings : file.errors) > 0).length;
  const counted = mode === 'strict' ? `${plural(errors, 'error')} and ${plural(warnings, 'warning')}` : plural(errors, 'error');
  return `${counted} in ${plural(withFindings, 'file')}`;
}

/** `1,500 cues`, `1 file`. */
export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * `150,000`: a whole number with thousands separators, as toLocaleString('en-US') writes it,
 * without loading ICU's number formatting (its first use took 12 ms, a tenth of checking a film
 * in 100 languages).
 */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(?:\d{3})+$)/g, ',');
}
