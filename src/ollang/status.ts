/**
 * What an order's status means for the action (docs/ollang-api.md, "Order statuses"). The one
 * place that reads a status word: everything else asks these functions, never compares strings.
 *
 * `completed` / `delivered` finished well; `cancelled` / `failed` finished badly; every other value,
 * documented or not (`pending`, `ongoing`, `review`, `waitingForApprove`...), is unfinished. Any case
 * and surrounding spaces are accepted, and `canceled` (one l) is `cancelled`.
 */

export type StatusMeaning = 'finished-well' | 'finished-badly' | 'unfinished';

const finishedWell = new Set(['completed', 'delivered']);
const cancelled = new Set(['cancelled', 'canceled']);
const finishedBadly = new Set([...cancelled, 'failed']);

function word(status: string): string {
  return status.trim().toLowerCase();
}

export function statusMeaning(status: string): StatusMeaning {
  const s = word(status);
  if (finishedWell.has(s)) return 'finished-well';
  if (finishedBadly.has(s)) return 'finished-badly';
  return 'unfinished';
}

/** `completed` / `delivered`: finished well. */
export function isSuccess(status: string): boolean {
  return statusMeaning(status) === 'finished-well';
}

/** Finished well or badly; anything else, documented or not, is unfinished. */
export function isFinished(status: string): boolean {
  return statusMeaning(status) !== 'unfinished';
}

/** `cancelled` (or `canceled`). */
export function isCancelled(status: string): boolean {
  return cancelled.has(word(status));
}

/** Worth following or reusing: anything but finished badly (a cancelled or failed order never delivers). */
export function isUsable(status: string): boolean {
  return statusMeaning(status) !== 'finished-badly';
}
