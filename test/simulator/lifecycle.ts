// Order status as a function of elapsed time (compressed clock: milliseconds, not hours).

import type { Lifecycle, Outcome } from './types.ts';

export const DEFAULT_LIFECYCLE: Lifecycle = {
  pendingMs: 200,
  ongoingMs: 400,
  humanReviewMs: 600,
  outputsLagMs: 150,
  cancellableOngoingMs: 100,
  intermediateStatuses: true,
};

export const INTERMEDIATE_STATUSES = ['qualityCheck', 'delayed', 'readyToSent'] as const;

/**
 * - pending: Cancel Order allowed.
 * - ongoing: work in progress; `sinceOngoingMs` tells whether Cancel Order is still allowed.
 * - review: level 1 human review gate ('review' / 'waitingForApprove').
 * - finished: terminal; `finishedAt` set.
 */
export type Phase = 'pending' | 'ongoing' | 'review' | 'finished';

export interface TimelineState {
  status: string;
  phase: Phase;
  /** ms spent in ongoing so far (phase ongoing only; Infinity when unknown) */
  sinceOngoingMs: number;
  /** when the order finished (phase finished) */
  finishedAt?: number;
}

export interface TimelineInput {
  createdAtMs: number;
  /** level at creation: 1 adds the human review phases */
  level: number;
  lifecycle: Lifecycle;
  outcome: Outcome;
  now: number;
}

export function timeline(input: TimelineInput): TimelineState {
  const { lifecycle: L, outcome, level } = input;
  const t = input.now - input.createdAtMs;
  const p = Math.max(0, L.pendingMs);
  const o = Math.max(0, L.ongoingMs);
  const h = level >= 1 ? Math.max(0, L.humanReviewMs) : 0;
  if (t < p) return { status: 'pending', phase: 'pending', sinceOngoingMs: 0 };

  const u = t - p;
  if (outcome === 'stuck' && h === 0) return { status: 'ongoing', phase: 'ongoing', sinceOngoingMs: u };
  if (u < o) {
    let status = 'ongoing';
    if (L.intermediateStatuses) {
      const plain = Math.max(o * 0.55, Math.min(L.cancellableOngoingMs, o));
      if (u >= plain) {
        const each = (o - plain) / INTERMEDIATE_STATUSES.length;
        const idx = Math.min(INTERMEDIATE_STATUSES.length - 1, Math.floor((u - plain) / (each || 1)));
        status = INTERMEDIATE_STATUSES[idx] as string;
      }
    }
    return { status, phase: 'ongoing', sinceOngoingMs: u };
  }

  const r = u - o;
  if (h > 0 && (r < h || outcome === 'stuck')) {
    return { status: r < h / 2 ? 'review' : 'waitingForApprove', phase: 'review', sinceOngoingMs: u };
  }

  const finishedAt = input.createdAtMs + p + o + h;
  const status = outcome === 'failed' ? 'failed' : outcome === 'delivered' ? 'delivered' : 'completed';
  return { status, phase: 'finished', sinceOngoingMs: u, finishedAt };
}

/** The phase of a status fixed by a test (addOrder with a status). */
export function phaseOfFixedStatus(status: string): Phase | 'cancelled' {
  switch (status) {
    case 'pending':
      return 'pending';
    case 'cancelled':
      return 'cancelled';
    case 'completed':
    case 'delivered':
    case 'failed':
      return 'finished';
    case 'review':
    case 'waitingForApprove':
      return 'review';
    default:
      return 'ongoing';
  }
}
