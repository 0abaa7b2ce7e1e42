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

/**
 * What an unfinished status means for a reader waiting on it (docs/ollang-api.md, "Order
 * statuses"): the job summary and the progress line explain Ollang's words with these. Statuses
 * that need no explanation (`pending`, `ongoing`) and unknown ones have none.
 */
const WAITING_FOR: Readonly<Record<string, string>> = {
  waitingforapprove: 'a human-review gate: someone at Ollang must approve it, which can take long',
  review: 'a human reviewer is working on it',
  revision: 'being revised',
  qualitycheck: "in Ollang's quality check",
  delayed: 'late at Ollang',
  waitingforcc: 'waits for its captions to be done first',
  waitingforsubtitle: 'waits for its subtitles to be done first',
  readytosent: 'done, about to be delivered',
};

/** A few words on what an unfinished status waits for, or undefined when the word says it all. */
export function explainStatus(status: string): string | undefined {
  return WAITING_FOR[word(status)];
}

/** The short form of explainStatus for a one-line progress report (up to the first colon). */
export function explainStatusBriefly(status: string): string | undefined {
  return explainStatus(status)?.split(':')[0];
}
