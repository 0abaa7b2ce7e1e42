/**
 * A followed order and the rules of its life in this run, in one place:
 *
 *   waiting ──finished well──▶ awaiting-outputs ──outputs published (or grace over)──▶ downloading ──▶ done
 *      │                                                                                   ├──────▶ failed
 *      │                                                                                   └─deadline─▶ timed-out
 *      ├──finished badly, or gone (404)──▶ failed
 *      └──deadline (waiting or awaiting-outputs)──▶ timed-out
 *   any state: a cancel this run made records `cancelled` (or why it could not).
 *
 * Every change of state is one function below; the wait loop, the downloader and the cancel
 * handlers call them and never set `state` themselves. An order is keyed by (project, language),
 * so that a run over several projects keeps each project's languages apart.
 */
import type { Order } from '../ollang/schemas.ts';
import { isCancelled, statusMeaning } from '../ollang/status.ts';
import { errorMessage } from '../error-message.ts';
import type { CancelResult } from './cancel.ts';
import { describeCancelResult, isStopped } from './cancel.ts';
import { languageKey } from './scope.ts';

export type FollowState =
  /** Not finished yet (as far as we know). */
  | 'waiting'
  /** Finished well, but its outputs are not published yet (`completed` comes first: docs/ollang-api.md). */
  | 'awaiting-outputs'
  | 'downloading'
  | 'done'
  /** Finished badly (failed, cancelled), gone, or its outputs could not be downloaded. */
  | 'failed'
  | 'timed-out';

export interface FollowedOrder {
  orderId: string;
  /** The order's project: where Ollang did not say (a given order), the one it was followed for, or ''. */
  projectId: string;
  /** With the media input: the media files (workspace-relative) the order is for (files of one content share it). */
  media?: readonly string[];
  /** '' until Ollang has told us (an order created but not read yet). */
  language: string;
  /** The project's source language, where Ollang said (child orders may be in it). */
  sourceLanguage?: string;
  type: string;
  level?: number;
  createdAt?: string;
  /** This run created (and paid for) it: only such orders are ever cancelled by this run. */
  created: boolean;
  /** Last status Ollang reported. */
  status: string;
  state: FollowState;
  /** Workspace-relative paths saved for it. */
  files: string[];
  /** With more than one media file (one content at two paths): each file's share of `files`. */
  filesByMedia?: Record<string, string[]>;
  /** What went wrong with it, in a sentence for the user. */
  problem?: string;
  /** Why the last status check of this order failed (cleared by the next good one). */
  lastCheckError?: string;
  /** When this run first saw it finished well (clock ms). */
  completedSeenAt?: number;
  /** When its files were all on disk (clock ms). */
  doneAt?: number;
}

/** Follows an order as Get Order shows it. */
export function followOrder(order: Order, options: { created: boolean; projectId?: string; media?: readonly string[] }): FollowedOrder {
  return {
    orderId: order.id,
    projectId: order.projectId ?? options.projectId ?? '',
    ...(options.media && options.media.length > 0 ? { media: options.media } : {}),
    language: order.targetLanguage,
    ...(order.sourceLanguage !== undefined ? { sourceLanguage: order.sourceLanguage } : {}),
    type: order.type,
    ...(order.level !== undefined ? { level: order.level } : {}),
    ...(order.createdAt !== undefined ? { createdAt: order.createdAt } : {}),
    created: options.created,
    status: order.status,
    state: 'waiting',
    files: [],
  };
}

/** An order this run created but could not read yet: followed all the same, the wait learns the rest. */
export function followUnread(orderId: string, projectId: string, media?: readonly string[]): FollowedOrder {
  return {
    orderId,
    projectId,
    ...(media && media.length > 0 ? { media } : {}),
    language: '',
    type: '',
    created: true,
    status: 'pending',
    state: 'waiting',
    files: [],
  };
}

/** The key of a (project, language): one target of the run. */
export function targetKey(projectId: string, language: string): string {
  return `${projectId}\u0000${languageKey(language)}`;
}

export function keyOf(order: Pick<FollowedOrder, 'projectId' | 'language'>): string {
  return targetKey(order.projectId, order.language);
}

/** Still being waited for: not finished, or finished but its outputs not published yet. */
export function isOpen(order: FollowedOrder): boolean {
  return order.state === 'waiting' || order.state === 'awaiting-outputs';
}

/** Fills in what was unknown when the order was first followed (never a change of state). */
export function learn(order: FollowedOrder, seen: { targetLanguage: string; type: string; createdAt?: string; projectId?: string }): void {
  if (!order.language) order.language = seen.targetLanguage;
  if (!order.type) order.type = seen.type;
  if (!order.createdAt && seen.createdAt) order.createdAt = seen.createdAt;
  if (!order.projectId && seen.projectId) order.projectId = seen.projectId;
}

/** A good status check: what Ollang says now (no change of state: see recordStatus). */
export function recordSeen(order: FollowedOrder, seen: Order): void {
  order.status = seen.status;
  learn(order, seen);
  delete order.lastCheckError;
}

export function recordCheckFailed(order: FollowedOrder, message: string): void {
  order.lastCheckError = message;
}

/**
 * A status for a waiting order. Finished well: its outputs are awaited; finished badly: failed.
 * Returns what happened, so that the caller can say so.
 */
export function recordStatus(
  order: FollowedOrder,
  status: string,
  now: number,
): 'unchanged' | 'changed' | 'finished-well' | 'finished-badly' {
  const changed = status !== order.status;
  order.status = status;
  if (order.state !== 'waiting') return changed ? 'changed' : 'unchanged';
  const meaning = statusMeaning(status);
  if (meaning === 'finished-well') {
    order.state = 'awaiting-outputs';
    order.completedSeenAt = now;
  } else if (meaning === 'finished-badly') {
    order.state = 'failed';
    order.problem = `Ollang reports the order as ${status}`;
  }
  if (meaning !== 'unfinished') return meaning;
  return changed ? 'changed' : 'unchanged';
}

/** Ollang no longer knows the order (404). */
export function recordGone(order: FollowedOrder, message: string): void {
  order.state = 'failed';
  order.problem = `Ollang no longer knows this order: ${message}`;
}

/** Its outputs are published (or the grace period is over): the download starts. */
export function startDownload(order: FollowedOrder): void {
  order.state = 'downloading';
}

export function recordFile(order: FollowedOrder, relativePath: string, media?: string): void {
  order.files.push(relativePath);
  if (media !== undefined && (order.media?.length ?? 0) > 1) ((order.filesByMedia ??= {})[media] ??= []).push(relativePath);
}

/** The download ended: done when nothing went wrong, else failed with every problem named. */
export function finishDownload(order: FollowedOrder, problems: readonly string[], now: number): void {
  order.doneAt = now;
  if (problems.length === 0) {
    order.state = 'done';
    return;
  }
  order.state = 'failed';
  order.problem = problems.join('; ');
}

/**
 * A finished order none of whose outputs was downloaded (`download` asks for kinds it did not
 * have): not a failed download, but said in the report, next to the order.
 */
export function noteNothingDownloaded(order: FollowedOrder, why: string): void {
  order.problem = why;
}

/**
 * The run's deadline stopped the download: not a failed download, the run's time was up
 * (on-timeout decides what that means).
 */
export function downloadCutOff(order: FollowedOrder, problems: readonly string[], now: number): void {
  order.doneAt = now;
  order.state = 'timed-out';
  order.problem = `completed, but its download was stopped at the deadline: ${problems.join('; ')}`;
}

/** A download that threw instead of recording its problems: never a silent order left `downloading`. */
export function failDownload(order: FollowedOrder, error: unknown): void {
  if (order.state !== 'downloading') return;
  order.state = 'failed';
  order.problem = `its download failed: ${errorMessage(error)}`;
}

/** The wait's deadline passed with the order still open. */
export function timeOut(order: FollowedOrder): void {
  order.problem =
    order.state === 'awaiting-outputs'
      ? 'completed, but Ollang had not published its outputs when the wait ended'
      : `still ${order.status} when the wait ended`;
  if (order.lastCheckError) order.problem += `; the last check failed: ${order.lastCheckError}`;
  order.state = 'timed-out';
}

/** A cancel this run sent for the order (abort, on-timeout: cancel, a duplicate it yielded). */
export function recordCancel(order: FollowedOrder, result: CancelResult): void {
  if (result.outcome === 'cancelled' || result.outcome === 'already-cancelled') order.status = 'cancelled';
  if (!isStopped(result)) order.problem = describeCancelResult(result);
}

/** The order's status as the report shows it: Ollang's, except where the action's own verdict says more. */
export function reportedStatus(order: FollowedOrder): string {
  // Timed out, then cancelled (on-timeout: cancel): what became of it is the cancel.
  if (order.state === 'timed-out') return isCancelled(order.status) ? 'cancelled' : 'timed-out';
  const meaning = statusMeaning(order.status);
  if (order.state === 'failed' && meaning === 'finished-well') return 'download-failed';
  if (order.state === 'failed' && meaning === 'unfinished') return 'failed';
  return order.status;
}
