/**
 * The run's verdict: its `status` and, when it did not succeed, the one failure `setFailed`
 * reports, from the orders themselves (never `completed` with a file missing). Plain data in,
 * plain data out: main.ts records, this decides, report/ renders.
 */
import type { Settings } from '../settings.ts';
import { statusMeaning } from '../ollang/status.ts';
import { keyOf, reportedStatus, targetKey, type FollowedOrder } from '../orders/followed.ts';
import { languageKey } from '../orders/scope.ts';
import type { MediaProject } from '../media/projects.ts';
import type { OrderReport, RunReport, RunStatus } from './model.ts';

/** What the run did, as it goes. */
export interface RunRecord {
  startedAt: number;
  followed: FollowedOrder[];
  /** Orders `mode: cancel` handled (they are not followed). */
  cancelled: OrderReport[];
  /** Dry run only: what would be created and reused. */
  plan?: RunReport['plan'];
  /** How the run ended where its orders do not say: a dry run, a cancelled run, a `mode: cancel` that could not cancel. */
  ended?: 'dry-run' | 'cancelled' | 'failed';
  /** The wait's deadline passed with orders unfinished. */
  timedOut: boolean;
  /** The first failure recorded (later ones are consequences): what `setFailed` says. */
  failure?: string;
  waitedMs: number;
  downloadedMs: number;
  /** With the media input: one entry per media file (found, uploaded, or why not). */
  projects: MediaProject[];
}

export type VerdictSettings = Pick<Settings, 'mode' | 'projectId' | 'orderType' | 'targetLanguages' | 'orderIds' | 'outputDirRelative'>;

export function startRecord(startedAt: number): RunRecord {
  return { startedAt, followed: [], cancelled: [], timedOut: false, waitedMs: 0, downloadedMs: 0, projects: [] };
}

/** Records a failure; the first one recorded is the one reported. */
export function recordFailure(record: RunRecord, message: string): void {
  record.failure ??= message;
}

/**
 * Target languages no followed order of the requested type covers, from the orders' final
 * languages (an order read only during the wait counts too; a child order of another type does not).
 */
export function languagesWithoutOrder(record: RunRecord, settings: VerdictSettings): string[] {
  if (settings.orderIds.length > 0 || settings.mode === 'cancel') return [];
  if (record.projects.length > 0) {
    // With media, a target is a media file and a language: "fr (videos/intro.mp4)".
    const byMedia = new Set(
      record.followed
        .filter((o) => o.type === settings.orderType)
        .flatMap((o) => (o.media ?? []).map((media) => `${media}\u0000${languageKey(o.language)}`)),
    );
    return record.projects.flatMap((p) =>
      settings.targetLanguages
        .filter((language) => !byMedia.has(`${p.media}\u0000${languageKey(language)}`))
        .map((l) => `${l} (${p.media})`),
    );
  }
  const covered = new Set(
    record.followed.filter((o) => o.type === settings.orderType).map((o) => keyOf({ ...o, projectId: o.projectId || settings.projectId })),
  );
  return settings.targetLanguages.filter((language) => !covered.has(targetKey(settings.projectId, language)));
}

/** The run's status. */
export function runStatus(record: RunRecord, settings: VerdictSettings, missing: readonly string[]): RunStatus {
  if (record.ended) return record.ended;
  const orders = record.followed;
  if (record.failure && orders.length === 0) return 'failed';
  if (record.timedOut || orders.some((o) => o.state === 'timed-out')) return 'timed-out';
  if (settings.mode === 'submit') return submitStatus(orders, missing);
  if (orders.length === 0) return missing.length > 0 ? 'failed' : 'completed';
  const failed = orders.filter((o) => o.state === 'failed').length;
  if (failed === orders.length) return 'failed';
  if (failed > 0 || missing.length > 0 || orders.some((o) => o.state !== 'done')) return 'partial';
  return 'completed';
}

/** Nothing is downloaded in submit mode: where the orders stand, and whether every language has one. */
function submitStatus(orders: readonly FollowedOrder[], missing: readonly string[]): RunStatus {
  const finishedBadly = orders.filter((o) => statusMeaning(o.status) === 'finished-badly').length;
  if (orders.length === 0 || finishedBadly === orders.length) return 'failed';
  if (missing.length > 0) return 'partial';
  if (orders.some((o) => statusMeaning(o.status) === 'unfinished')) return 'pending';
  return finishedBadly > 0 ? 'partial' : 'completed';
}

/** Why a partial or failed run did not deliver, when nothing else said so first. */
function shortfall(record: RunRecord, missing: readonly string[]): string {
  const orders = record.followed;
  const troubled = orders.filter((o) => o.problem || o.state === 'failed');
  if (troubled.length > 0) {
    return `${troubled.length} of ${orders.length} order(s) did not deliver: ${troubled.map((o) => `${o.language} ${o.orderId}: ${o.problem ?? o.status}`).join('; ')}`;
  }
  if (missing.length > 0) return `No order for ${missing.join(', ')}.`;
  const open = orders.filter((o) => o.state !== 'done');
  return `${open.length} of ${orders.length} order(s) did not deliver: ${open.map((o) => `${o.language} ${o.orderId}: still ${o.state}`).join('; ')}`;
}

/** The verdict and the report every output is written from. */
export function finishRun(record: RunRecord, settings: VerdictSettings, now: number): { report: RunReport; failure?: string } {
  const missing = languagesWithoutOrder(record, settings);
  const status = runStatus(record, settings, missing);
  const failure = record.failure ?? (status === 'partial' || status === 'failed' ? shortfall(record, missing) : undefined);
  const orders: OrderReport[] = [
    ...record.followed.map((o) => ({
      orderId: o.orderId,
      projectId: o.projectId || settings.projectId,
      ...(o.media?.[0] !== undefined ? { media: o.media[0] } : {}),
      language: o.language,
      type: o.type,
      status: reportedStatus(o),
      created: o.created,
      files: o.files,
      ...(o.problem ? { problem: o.problem } : {}),
    })),
    ...record.cancelled,
  ];
  const report: RunReport = {
    status,
    mode: settings.mode,
    projectId: settings.projectId,
    orders,
    languagesWithoutOrder: missing,
    createdCount: record.followed.filter((o) => o.created).length,
    reusedCount: record.followed.filter((o) => !o.created).length,
    outputDir: settings.outputDirRelative,
    timings: { waitedMs: record.waitedMs, downloadedMs: record.downloadedMs, totalMs: now - record.startedAt },
    ...(record.plan ? { plan: record.plan } : {}),
    projects: record.projects,
  };
  return { report, ...(failure ? { failure } : {}) };
}
