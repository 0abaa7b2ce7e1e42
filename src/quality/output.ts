/**
 * The `quality` output: the checked files as JSON, in the contract's shape. A module of its own,
 * without the Markdown of report.ts, because the outputs are written on every path (start-up).
 */
import type { FileQuality } from './check.ts';

/** GitHub keeps an output up to 1 MB, and all of a job's outputs share a limit: `quality` takes at most half of that. */
export const QUALITY_OUTPUT_BUDGET = 512 * 1024;

/**
 * The `quality` output: the files as JSON, in the contract's shape. When every finding does not
 * fit in `budget` bytes, each file keeps its most important findings (the same number for all)
 * and `errors` / `warnings` still count them all; `findingsLeftOut` says how many were left out.
 */
export function qualityOutput(files: readonly FileQuality[], budget = QUALITY_OUTPUT_BUDGET): { json: string; findingsLeftOut: number } {
  const shape = (keep: number): string =>
    JSON.stringify(
      files.map(({ file, language, cues, errors, warnings, findings }) => ({
        file,
        language,
        cues,
        errors,
        warnings,
        findings: findings.slice(0, keep).map(({ rule, severity, line, message }) => ({ rule, severity, line, message })),
      })),
    );
  const total = files.reduce((n, file) => n + file.findings.length, 0);
  let keep = Math.max(0, ...files.map((file) => file.findings.length));
  let json = shape(keep);
  while (Buffer.byteLength(json) > budget && keep > 0) {
    keep = Math.floor(keep / 2);
    json = shape(keep);
  }
  const kept = files.reduce((n, file) => n + Math.min(keep, file.findings.length), 0);
  return { json, findingsLeftOut: total - kept };
}
