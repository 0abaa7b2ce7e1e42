/**
 * The subtitle check in a run (docs/quality.md): each SRT and WebVTT file the run saved is read
 * back and checked, then its findings become annotations on the files' lines, in the room the
 * step's other annotations left. The rest of src/quality/ is pure functions; this is where they
 * meet the files and the log.
 *
 * It runs once, after the wait loop and every download, not as each file is saved: the check is
 * synchronous work (milliseconds a file, docs/benchmarks.md) that would hold up the status checks
 * and the other downloads of the loop; after it, it sees each file under its final name, and the
 * annotations can be ranked across all files (GitHub shows only 10 of each kind).
 */
import { Buffer } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { AnnotationCount } from '../annotations.ts';
import { ANNOTATIONS_PER_STEP } from '../annotations.ts';
import { errorMessage } from '../error-message.ts';
import type { Clock, Log } from '../runtime.ts';
import { certifierInput } from './certify.ts';
import { checkSubtitle, subtitleFormatOf } from './check.ts';
import type { FileQuality } from './check.ts';
import type { LimitOverride } from './limits.ts';
import type { RunReport } from '../report/model.ts';
import { qualityFindingsInSummary } from '../report/summary.ts';
import { qualityOutput } from './output.ts';
import { qualityAnnotations } from './report.ts';
import type { FindingsListed } from './report.ts';
import { plural, qualityStatus } from './verdict.ts';
import type { QualityCheckMode, QualityStatus } from './verdict.ts';

/** What the check found: `RunReport.quality`. */
export interface QualityCheck {
  mode: QualityCheckMode;
  status: QualityStatus;
  files: FileQuality[];
}

/** A file the run saved, workspace-relative, and the language it is in. */
export interface SavedFile {
  file: string;
  language: string;
}

/**
 * A subtitle file larger than this is not read (a feature film's SRT is about 150 KB): it would
 * only be held in memory whole, twice (bytes and text).
 */
export const MAX_CHECKED_BYTES = 64 * 1024 * 1024;

export interface CheckOptions {
  mode: QualityCheckMode;
  overrides: readonly LimitOverride[];
  /** Absolute workspace root: `saved` paths are relative to it. */
  workspace: string;
  saved: readonly SavedFile[];
  log: Log;
  clock: Clock;
  /** When the check began, if before this call (its code was loaded first): the time it logs counts from there. */
  startedAt?: number;
  /** Aborted: the check stops, and says so (the run is being cancelled). */
  signal?: AbortSignal;
}

/** How long the check may hold the event loop before it lets a signal in (it reads the files synchronously). */
const YIELD_EVERY_MS = 50;

/** Checks every SRT and WebVTT file in `saved`; `undefined` when the run was cancelled meanwhile. */
export async function checkSavedSubtitles(options: CheckOptions): Promise<QualityCheck | undefined> {
  const { log, clock } = options;
  const started = options.startedAt ?? clock();
  let yielded = clock();
  const files: FileQuality[] = [];
  for (const { file, language } of options.saved) {
    const format = subtitleFormatOf(file);
    if (format === undefined) continue;
    if (clock() - yielded >= YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      yielded = clock();
    }
    if (options.signal?.aborted) {
      log.info('Subtitle quality: not checked, the run was cancelled.');
      return undefined;
    }
    // Read synchronously: four trips through the thread pool a file (open, stat, read, close)
    // took longer than checking it (docs/benchmarks.md).
    const bytes = readSaved(path.join(options.workspace, file), file, log);
    if (bytes === undefined) continue;
    try {
      files.push(checkSubtitle({ bytes, file, language, format, overrides: options.overrides }));
    } catch (error) {
      // A fault of the check must not cost the run its outputs and reports.
      log.warning(`Subtitle quality: ${file} could not be checked: ${errorMessage(error)}`, { title: 'Subtitle quality', file });
    }
  }
  if (files.length > 0) {
    log.info(
      `Subtitle quality: ${plural(files.length, 'file')} (${plural(sum(files, 'cues'), 'cue')}) checked in ${clock() - started} ms: ` +
        `${plural(sum(files, 'errors'), 'error')}, ${plural(sum(files, 'warnings'), 'warning')} (quality-check: ${options.mode}).`,
    );
  }
  return { mode: options.mode, status: qualityStatus(options.mode, files), files };
}

/**
 * Writes the findings as annotations: as many of each kind as GitHub still shows in this step,
 * once the annotations written so far (`written`) and the `failures` the step is still going to
 * report (each `setFailed` is an error annotation, and it matters more than any finding) are
 * counted; then one notice for the rest, saying how many findings the job summary and the
 * `quality` output list (`report` is the run's, its `quality` set, as the summary renders it).
 */
export function annotateQuality(log: Log, report: RunReport, written: AnnotationCount, failures: number): void {
  const files = report.quality?.files ?? [];
  const room = {
    errors: Math.max(0, ANNOTATIONS_PER_STEP - written.error - failures),
    warnings: Math.max(0, ANNOTATIONS_PER_STEP - written.warning),
  };
  // The notice says how many findings the summary (with the orders table above) and the output really list.
  // Asked only when there is a notice to write: it renders the summary and the output again.
  const listed = (): FindingsListed => {
    const total = files.reduce((n, file) => n + file.findings.length, 0);
    return { summary: qualityFindingsInSummary(report), output: total - qualityOutput(files).findingsLeftOut };
  };
  for (const annotation of qualityAnnotations(files, room, listed)) log[annotation.severity](annotation.message, annotation.properties);
}

/** The file's bytes, or `undefined` (with a warning) when it cannot or should not be read. */
function readSaved(absolute: string, file: string, log: Log): Uint8Array | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(absolute, 'r');
    const { size } = fstatSync(descriptor);
    if (size > MAX_CHECKED_BYTES) {
      log.warning(
        `Subtitle quality: ${file} was not checked: it is larger than ${MAX_CHECKED_BYTES / 1024 / 1024} MiB, ` +
          'which no subtitle file needs to be (a feature film takes about 150 KB).',
        { title: 'Subtitle quality', file },
      );
      return undefined;
    }
    // Read where the quick certificate reads it (certify.ts): no copy for the usual file.
    const bytes = certifierInput(size) ?? Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const got = readSync(descriptor, bytes, read, size - read, read);
      if (got === 0) break;
      read += got;
    }
    return bytes.subarray(0, read);
  } catch (error) {
    log.warning(`Subtitle quality: ${file} could not be read back, so it was not checked: ${errorMessage(error)}`, {
      title: 'Subtitle quality',
      file,
    });
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function sum(files: readonly FileQuality[], key: 'cues' | 'errors' | 'warnings'): number {
  return files.reduce((total, file) => total + file[key], 0);
}
