/**
 * What an order's status means for the action (../shared/action-contract.md, "Order states"):
 * `completed` / `delivered` finished well, `cancelled` / `failed` finished badly, and every other
 * value, documented or not (`pending`, `ongoing`, `review`, `waitingForApprove`...), is unfinished.
 */

const successStatuses = new Set(['completed', 'delivered']);
const failureStatuses = new Set(['cancelled', 'canceled', 'failed']);

/** `completed` / `delivered`: finished well. */
export function isSuccess(status: string): boolean {
  return successStatuses.has(status.trim().toLowerCase());
}

/** Finished well or badly (`cancelled`, `failed`); anything else, documented or not, is unfinished. */
export function isFinished(status: string): boolean {
  const s = status.trim().toLowerCase();
  return successStatuses.has(s) || failureStatuses.has(s);
}
