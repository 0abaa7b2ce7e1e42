/**
 * The run's verdict: its `status` and, when it did not succeed, the one failure `setFailed`
 * reports, from the orders themselves (never `completed` with a file missing). Plain data in,
 * plain data out: main.ts records, this decides, report/ renders.
 */
import type { Settings } from '../settings.ts';
import { explainStatus, statusMeaning } from '../ollang/status.ts';
import { keyOf, reportedStatus, targetKey, type FollowedOrder } from '../orders/followed.ts';
import type { CancelResult } from '../orders/cancel.ts';
import { languageKey } from '../orders/scope.ts';
import type { MediaProject } from '../media/projects.ts';
import type { OrderReport, RunReport, RunStatus } from './model.ts';

/** What the run did, as it goes. */
export interface RunRecord {
  startedAt: number;
  followed: FollowedOrder[];
  /** Orders `mode: cancel` handled (they are not followed), each with what became of it. */
  cancelled: OrderReport[];
  /** Every cancel this run sent for a followed order (abort, on-timeout: cancel), as it ended. */
  cancels: CancelResult[];
  /** Dry run only: what would be created and reused. */
  plan?: RunReport['plan'];
  /**
   * The orders of every target language were looked up (reused, created or found missing):
   * before that (a 401, an unreachable api-url) the run cannot say which languages have none.
   */
  ordersChosen?: boolean;
  /**
   * How the run ended where its orders do not say: a dry run, a cancelled run; `mode: cancel`
   * that cancelled something, had nothing to cancel (`completed`), or could not cancel.
   */
  ended?: 'dry-run' | 'cancelled' | 'completed' | 'failed';
  /** The wait's deadline passed with orders unfinished. */
  timedOut: boolean;
  /** The first failure recorded (later ones are consequences): what `setFailed` says. */
  failure?: string;
  waitedMs: number;
  downloadedMs: number;
  /** With the media input: one entry per media file (found, uploaded, or why not). */
  projects: MediaProject[];
}

export type VerdictSettings = Pick<
  Settings,
  'mode' | 'projectId' | 'orderType' | 'targetLanguages' | 'orderIds' | 'outputDirRelative' | 'onTimeout' | 'cancelOnAbort'
>;

export function startRecord(startedAt: number): RunRecord {
  return { startedAt, followed: [], cancelled: [], cancels: [], timedOut: false, waitedMs: 0, downloadedMs: 0, projects: [] };
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
  if (settings.orderIds.length > 0 || settings.mode === 'cancel' || !record.ordersChosen) return [];
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
  // `failed` is "nothing delivered": an order that saved some of its files before failing makes it partial.
  if (failed === orders.length && orders.every((o) => o.files.length === 0)) return 'failed';
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
    ...inTargetOrder(record.followed, settings).flatMap((o) => orderReports(o, record, settings)),
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
    ...(record.plan ? { plan: planInTargetOrder(record.plan, settings) } : {}),
    projects: record.projects,
    ...(failure ? { failure } : {}),
  };
  return { report, ...(failure ? { failure } : {}) };
}

/**
 * The followed orders in the order of `target-languages` (orders in other languages, such as
 * child orders in the source language, after them), each language's orders in the order followed;
 * given `order-ids` in their own order.
 */
function inTargetOrder<T extends { language: string }>(orders: readonly T[], settings: VerdictSettings): T[] {
  // Given order IDs are followed, and reported, as given: target-languages is ignored then.
  if (settings.orderIds.length > 0) return [...orders];
  const rank = new Map(settings.targetLanguages.map((language, index) => [languageKey(language), index]));
  const rankOf = (o: T): number => rank.get(languageKey(o.language)) ?? settings.targetLanguages.length;
  return orders
    .map((order, index) => ({ order, index }))
    .sort((a, b) => rankOf(a.order) - rankOf(b.order) || a.index - b.index)
    .map(({ order }) => order);
}

/** A dry run's plan in the order of `target-languages`, like the rows (look-ups answer in their own order). */
function planInTargetOrder(plan: NonNullable<RunReport['plan']>, settings: VerdictSettings): NonNullable<RunReport['plan']> {
  const create = inTargetOrder(
    plan.create.map((language) => ({ language })),
    settings,
  ).map((item) => item.language);
  return { create, reuse: inTargetOrder(plan.reuse, settings) };
}

/**
 * One row per media file and language: an order for one content at two paths is reported under
 * each path, with that path's files (the same order, bought once).
 */
function orderReports(o: FollowedOrder, record: RunRecord, settings: VerdictSettings): OrderReport[] {
  const report = orderReport(o, record, settings);
  if (o.media === undefined || o.media.length < 2) return [report];
  return o.media.map((media) => ({ ...report, media, files: o.filesByMedia?.[media] ?? [] }));
}

function orderReport(o: FollowedOrder, record: RunRecord, settings: VerdictSettings): OrderReport {
  const cancel = record.cancels.findLast((r) => r.orderId === o.orderId);
  const outcome = orderOutcome(o, cancel, record, settings);
  // A timed-out order this run then stopped: the outcome says both, "still ongoing" no longer holds.
  const problem = cancel && o.state === 'timed-out' && stoppedIt(cancel) ? undefined : o.problem;
  return {
    orderId: o.orderId,
    projectId: o.projectId || settings.projectId,
    ...(o.media?.[0] !== undefined ? { media: o.media[0] } : {}),
    language: o.language,
    type: o.type,
    status: reportedStatus(o),
    created: o.created,
    ...(settings.orderIds.length > 0 ? { given: true } : {}),
    files: o.files,
    ...(problem ? { problem } : {}),
    ...(outcome ? { outcome } : {}),
  };
}

function stoppedIt(cancel: CancelResult): boolean {
  return cancel.outcome === 'cancelled' || cancel.outcome === 'already-cancelled' || cancel.outcome === 'human-review-cancelled';
}

/** What became of a followed order in this run, where its status alone does not say. */
function orderOutcome(
  o: FollowedOrder,
  cancel: CancelResult | undefined,
  record: RunRecord,
  settings: VerdictSettings,
): string | undefined {
  const aborted = record.ended === 'cancelled';
  const timedOut = o.state === 'timed-out';
  // "still ongoing when the wait ended; then cancelled by this run (on-timeout: cancel)"
  const [before, after] = timedOut
    ? [`${o.problem ?? 'timed out'}; then `, ' (on-timeout: cancel)']
    : ['', aborted ? ' when the workflow run was cancelled' : ''];
  if (cancel) {
    switch (cancel.outcome) {
      case 'cancelled':
        return `${before}cancelled by this run${after}`;
      case 'already-cancelled':
        return `${before}found already cancelled${after}`;
      case 'human-review-cancelled':
        return `${before}its human review was cancelled by this run${after}: the order goes on at Level 0, the review is refunded`;
      case 'already-finished':
        return `had finished (${cancel.status ?? 'finished'}) before this run could cancel it`;
      default:
        return 'its cancel failed, so it was left running';
    }
  }
  if (o.state === 'timed-out') {
    if (statusMeaning(o.status) === 'finished-well') return 'the wait ended before its files were downloaded';
    const why = !o.created ? 'not created by this run' : `on-timeout: ${settings.onTimeout}`;
    return [explainStatus(o.status), `left running (${why})`].filter(Boolean).join('; ');
  }
  // Only orders of the requested type are downloaded (download/order-outputs.ts), unless given by ID.
  const child =
    o.type && o.type !== settings.orderType && settings.orderIds.length === 0
      ? `a child order (${o.type}) Ollang added to the ${settings.orderType} order: its files are not downloaded, by design`
      : undefined;
  // Finished, but none of its outputs was what `download` asks for (order-outputs.ts warned).
  if (o.state === 'done' && o.files.length === 0 && o.problem) return 'nothing downloaded (see the problems)';
  if (statusMeaning(o.status) !== 'unfinished' || o.state !== 'waiting') return child;
  if (aborted) {
    const why = !o.created ? 'not created by this run' : !settings.cancelOnAbort ? 'cancel-on-abort: false' : 'the post step cancels it';
    return `left running (${why})`;
  }
  return [explainStatus(o.status), child].filter(Boolean).join('; ') || undefined;
}
