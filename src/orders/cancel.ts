/**
 * Cancelling orders: Cancel Order first; where Ollang refuses because a Level 1 order is past
 * its cancellable window (`ongoing` with a human reviewer), Cancel Human Review stops the paid
 * part instead (it reverts the order to Level 0 and refunds the review, per Ollang's reference).
 */
import type { OllangClient } from '../ollang/client.ts';
import { OllangError } from '../ollang/errors.ts';
import { isCancelled, isFinished } from '../ollang/status.ts';
import { forEachLimited } from '../for-each-limited.ts';
import { errorMessage } from '../error-message.ts';

export type CancelOutcome =
  | 'cancelled'
  | 'already-cancelled'
  | 'human-review-cancelled'
  /** The order had already finished (completed, delivered, failed): nothing to stop. */
  | 'already-finished'
  | 'not-cancellable'
  | 'error';

export interface CancelResult {
  orderId: string;
  outcome: CancelOutcome;
  /** The status Get Order showed when Cancel Order was refused. */
  status?: string;
  message?: string;
}

/** Stops one order. Never throws: the caller reports every result. */
export async function cancelOrder(client: OllangClient, orderId: string): Promise<CancelResult> {
  try {
    const outcome = await client.cancelOrder(orderId);
    return { orderId, outcome };
  } catch (error) {
    if (!(error instanceof OllangError) || error.status !== 400) return failure(orderId, error);
  }
  // 400: "not eligible". Find out why before deciding what else to do.
  try {
    const order = await client.getOrder(orderId);
    if (isCancelled(order.status)) return { orderId, outcome: 'already-cancelled', status: order.status };
    if (isFinished(order.status)) return { orderId, outcome: 'already-finished', status: order.status };
    if ((order.level ?? 0) >= 1) {
      const result = await client.cancelHumanReview(orderId);
      if (result.success === false) {
        return {
          orderId,
          outcome: 'error',
          status: order.status,
          message: `Ollang did not cancel the human review: ${result.message ?? 'no reason given'}`,
        };
      }
      return { orderId, outcome: 'human-review-cancelled', status: order.status, message: result.message };
    }
    return {
      orderId,
      outcome: 'not-cancellable',
      status: order.status,
      message: `Ollang no longer accepts cancelling this Level 0 order (status ${order.status}); it will finish on its own.`,
    };
  } catch (error) {
    return failure(orderId, error);
  }
}

/** Stops many orders at once, a few at a time, so that all of them fit in the runner's grace period. */
export async function cancelOrders(
  client: OllangClient,
  orderIds: readonly string[],
  options: { concurrency?: number; onResult?: (result: CancelResult) => void } = {},
): Promise<CancelResult[]> {
  const results = new Array<CancelResult>(orderIds.length);
  await forEachLimited(orderIds, options.concurrency ?? 8, async (orderId, index) => {
    const result = await cancelOrder(client, orderId);
    results[index] = result;
    options.onResult?.(result);
  });
  return results;
}

/** Whether the order no longer runs (or costs) anything after this result. */
export function isStopped(result: CancelResult): boolean {
  return result.outcome !== 'error' && result.outcome !== 'not-cancellable';
}

export function describeCancelResult(result: CancelResult): string {
  switch (result.outcome) {
    case 'cancelled':
      return 'cancelled';
    case 'already-cancelled':
      return 'was already cancelled';
    case 'human-review-cancelled':
      return 'human review cancelled (order reverted to Level 0, review refunded)';
    case 'already-finished':
      return `had already finished (${result.status ?? 'finished'})`;
    case 'not-cancellable':
      return `could not be cancelled: ${result.message ?? ''}`;
    case 'error':
      return `cancel failed: ${result.message ?? 'unknown error'}`;
  }
}

function failure(orderId: string, error: unknown): CancelResult {
  return { orderId, outcome: 'error', message: errorMessage(error) };
}
