/**
 * Stopping orders: this run's unfinished ones after an abort (SIGINT / SIGTERM) or when the wait's
 * deadline passes (`on-timeout`), and the ones `mode: cancel` names. On abort and time-out only
 * orders this run created are cancelled, never reused or given ones; what main cannot finish,
 * the post step does (state lists what was created and what is already settled).
 */
import type { OllangClient } from '../ollang/client.ts';
import type { OrderSummary } from '../ollang/schemas.ts';
import { OllangError } from '../ollang/errors.ts';
import { isCancelled, isFinished } from '../ollang/status.ts';
import type { Settings } from '../settings.ts';
import type { Log } from '../runtime.ts';
import type { StateRecorder } from '../state.ts';
import { formatDuration } from '../duration.ts';
import { forEachLimited } from '../for-each-limited.ts';
import { cancelClient, type Connection } from '../connect.ts';
import { cancelOrders, describeCancelResult, isStopped, type CancelResult } from './cancel.ts';
import { recordCancel, type FollowedOrder } from './followed.ts';
import { scanOrders } from './reuse.ts';

export interface StopContext {
  connection: Connection;
  settings: Settings;
  state: StateRecorder;
  /** The run's followed orders: a cancel is recorded on the order it stopped. */
  followed: readonly FollowedOrder[];
  /** Every cancel this run sent for a followed order, as it ended (the report says what became of each). */
  cancels: CancelResult[];
  log: Log;
}

/** An order `mode: cancel` handled (it is not followed): what became of it. */
export interface HandledOrder {
  orderId: string;
  /** Its project, where known (found by project; a given ID Ollang could read). */
  projectId?: string;
  /** '' when Ollang did not say (a given ID it could not read). */
  language: string;
  /** The order type, where known; else the `order-type` input. */
  type?: string;
  /**
   * `cancelled` (by this run, or already), Ollang's own status where the order goes on or had
   * finished, or `cancel-failed` / `not-found`.
   */
  status: string;
  /** What became of it, for a reader: "cancelled by this run", "had already finished (completed): nothing to cancel", why a cancel failed. */
  outcome: string;
}

/** How `mode: cancel` ended: `cancelled` only when something was; `completed` when nothing needed it. */
export type CancelModeEnd = 'dry-run' | 'cancelled' | 'completed' | 'failed';

/**
 * `mode: cancel` without order IDs reads the project's orders newest first, up to this many
 * List Orders pages of 50 (10,000 orders): generous, since an older unfinished order it missed
 * goes on being billed, yet bounded against a server that always says "more". Past it the run
 * says how far it looked and is never `completed`.
 */
export const CANCEL_SCAN_MAX_PAGES = 200;
const SCAN_PAGE_SIZE = 50;

/**
 * SIGINT / SIGTERM: cancel the unfinished orders this run created, within the runner's grace
 * period. Returns the run's failure message.
 */
export async function cancelAfterAbort(context: StopContext): Promise<string> {
  const { state, settings, log } = context;
  const settled = new Set(context.followed.filter((o) => isFinished(o.status)).map((o) => o.orderId));
  const toCancel = state.created.filter((id) => !settled.has(id));
  if (!settings.cancelOnAbort || toCancel.length === 0) {
    return toCancel.length === 0
      ? 'The run was cancelled; it had no unfinished orders of its own to cancel.'
      : `The run was cancelled; its orders were left running (cancel-on-abort: false): ${toCancel.join(', ')}.`;
  }
  log.info(`The run was cancelled: cancelling ${toCancel.length} unfinished order(s) this run created.`);
  const client = cancelClient(context.connection, 'abort');
  const results = await cancelOrders(client, toCancel, { concurrency: 16, onResult: (r) => reportCancel(context, r) });
  state.recordSettled(results.filter(isStopped).map((r) => r.orderId));
  const left = results.filter((r) => !isStopped(r)).map((r) => r.orderId);
  return left.length === 0
    ? `The run was cancelled; cancelled its ${results.length} unfinished order(s).`
    : `The run was cancelled; could not cancel ${left.join(', ')} yet (the post step tries again).`;
}

/**
 * `on-timeout`: fail (leave orders running, name them), cancel (this run's unfinished orders),
 * continue. Returns the run's failure message (none for continue).
 */
export async function settleTimeout(context: StopContext): Promise<string | undefined> {
  const { state, settings, log } = context;
  const unfinished = context.followed.filter((o) => o.state === 'timed-out');
  for (const o of unfinished) {
    log.warning(`Order ${o.orderId} (${o.language}) ${o.problem ?? 'did not finish in time'}.`, { title: `Timed out: ${o.language}` });
  }
  const names = unfinished
    .map((o) => `${o.language} ${o.orderId} (${o.status}${o.lastCheckError ? `; its last check failed: ${o.lastCheckError}` : ''})`)
    .join(', ');
  const after = `Timed out after ${formatDuration(settings.timeoutMs)}`;
  if (settings.onTimeout === 'continue') {
    log.info(`${after}; continuing with what finished (on-timeout: continue). Still running: ${names}.`);
    return undefined;
  }
  if (settings.onTimeout === 'fail') {
    return (
      `${after} with orders still running: ${names}. They were left running ` +
      `(on-timeout: fail); collect them later with mode: collect and order-ids, or cancel them with mode: cancel.`
    );
  }
  const ours = unfinished.filter((o) => o.created && !isFinished(o.status));
  // The wait's deadline has passed: these cancels get a retry window of their own.
  const client = cancelClient(context.connection, 'deadline');
  const results = await log.group(`Cancelling ${ours.length} unfinished order(s) (on-timeout: cancel)`, () =>
    cancelOrders(
      client,
      ours.map((o) => o.orderId),
      { onResult: (r) => reportCancel(context, r) },
    ),
  );
  state.recordSettled(results.filter(isStopped).map((r) => r.orderId));
  const count = (outcomes: readonly CancelResult['outcome'][]): number => results.filter((r) => outcomes.includes(r.outcome)).length;
  const done = [
    count(['cancelled', 'already-cancelled']) > 0 ? `cancelled ${count(['cancelled', 'already-cancelled'])} of this run's orders` : '',
    count(['human-review-cancelled']) > 0 ? `stopped the human review of ${count(['human-review-cancelled'])} (they go on at Level 0)` : '',
    count(['already-finished']) > 0 ? `${count(['already-finished'])} had finished meanwhile` : '',
  ].filter(Boolean);
  const notOurs = unfinished.filter((o) => !o.created).map((o) => `${o.language} ${o.orderId}`);
  const failed = results.filter((r) => !isStopped(r));
  return (
    `${after} with orders unfinished: ${names}. ` +
    (done.length > 0 ? `Then (on-timeout: cancel) ${done.join('; ')}. ` : '') +
    (notOurs.length > 0 ? `Left running, not created by this run: ${notOurs.join(', ')}. ` : '') +
    (failed.length > 0
      ? `Could not cancel ${failed.map((r) => `${r.orderId} (${describeCancelResult(r)})`).join('; ')}: cancel them with mode: cancel or in the Ollang dashboard.`
      : '')
  ).trim();
}

/** An order `mode: cancel` may stop: its ID, and what a read showed of it (nothing when the read failed). */
interface CancelTarget {
  orderId: string;
  projectId?: string;
  language: string;
  type?: string;
  /** Ollang's status when it was read; undefined when it could not be. */
  status?: string;
}

/**
 * `mode: cancel`: cancel the given orders, or the unfinished orders of the projects (the
 * project-id input's, or with media each file's projects) for the languages.
 * Every order it looked at is reported with what became of it; the run is `cancelled` only when
 * some order was (or already was), `completed` when there was nothing to cancel.
 */
export async function cancelMode(
  context: StopContext,
  client: OllangClient,
  projectIds: readonly string[] = [context.settings.projectId],
): Promise<{ ended: CancelModeEnd; handled: HandledOrder[]; failure?: string }> {
  const { settings, log } = context;
  const { targets, unread } =
    settings.orderIds.length > 0
      ? { targets: await readGivenOrders(client, settings.orderIds), unread: undefined }
      : await findUnfinished(context, client, projectIds);
  const handled: HandledOrder[] = [];
  const toCancel: CancelTarget[] = [];
  for (const target of targets) {
    if (target.status === 'not-found') {
      const outcome = 'not found: Ollang has no order with this ID for this API key';
      log.warning(`Order ${target.orderId}: ${outcome}.`);
      handled.push({ ...target, status: 'not-found', outcome });
    } else if (target.status !== undefined && isFinished(target.status)) {
      // Read just now: a finished order is sent no cancel, and the log says so like for the others.
      const cancelled = isCancelled(target.status);
      const outcome = cancelled ? 'was already cancelled' : `had already finished (${target.status}): nothing to cancel`;
      log.info(`Order ${describeTarget(target)}: ${outcome}`);
      handled.push({ ...target, status: cancelled ? 'cancelled' : target.status, outcome });
    } else toCancel.push(target);
  }

  if (settings.dryRun) {
    for (const target of toCancel) handled.push({ ...target, status: target.status ?? 'unknown', outcome: 'would be cancelled' });
    log.info(`Dry run: would cancel ${toCancel.map((t) => describeTarget(t)).join(', ') || 'nothing'}.`);
    return { ended: 'dry-run', handled: inTargetOrder(handled, targets) };
  }

  const byId = new Map(toCancel.map((t) => [t.orderId, t]));
  const languageOf = new Map(toCancel.map((t) => [t.orderId, t.language]));
  const results = await log.group(`Cancelling ${toCancel.length} order(s)`, () =>
    cancelOrders(
      client,
      toCancel.map((t) => t.orderId),
      {
        onResult: (r) => {
          reportCancel(context, r, languageOf);
          handled.push(handledOrder(r, byId.get(r.orderId)!));
        },
      },
    ),
  );
  const ordered = inTargetOrder(handled, targets);
  const failed = [...results.filter((r) => !isStopped(r)), ...targets.filter((t) => t.status === 'not-found')];
  if (failed.length > 0) {
    const reasons = ordered.filter((o) => o.status === 'cancel-failed' || o.status === 'not-found');
    return {
      ended: 'failed',
      handled: ordered,
      failure: [`Could not cancel ${reasons.map((o) => `${o.orderId} (${o.outcome})`).join('; ')}.`, unread].filter(Boolean).join(' '),
    };
  }
  const stoppedSomething = results.some((r) => r.outcome !== 'already-finished') || ordered.some((o) => o.status === 'cancelled');
  // Orders left unread may be unfinished: never "nothing to cancel" then, and the run fails saying so.
  if (unread) return { ended: stoppedSomething ? 'cancelled' : 'failed', handled: ordered, failure: unread };
  return { ended: stoppedSomething ? 'cancelled' : 'completed', handled: ordered };
}

/** The given order IDs, each read with Get Order (a read that fails leaves the cancel to find out). */
async function readGivenOrders(client: OllangClient, orderIds: readonly string[]): Promise<CancelTarget[]> {
  const targets = orderIds.map((orderId): CancelTarget => ({ orderId, language: '' }));
  await forEachLimited(targets, 8, async (target) => {
    try {
      const order = await client.getOrder(target.orderId);
      target.language = order.targetLanguage;
      target.type = order.type;
      if (order.projectId) target.projectId = order.projectId;
      target.status = order.status;
    } catch (error) {
      if (error instanceof OllangError && error.status === 404) target.status = 'not-found';
      else if (error instanceof OllangError && error.status === 401) throw error;
    }
  });
  return targets;
}

/**
 * The projects' unfinished orders of the order type, for the target languages; `unread` says so
 * when older orders of a project were left unread (CANCEL_SCAN_MAX_PAGES).
 */
async function findUnfinished(
  context: StopContext,
  client: OllangClient,
  projectIds: readonly string[],
): Promise<{ targets: CancelTarget[]; unread?: string }> {
  const { settings, log } = context;
  const unfinished: (OrderSummary & { projectId: string })[] = [];
  const cutShort: string[] = [];
  for (const projectId of new Set(projectIds)) {
    const found = await scanOrders(
      client,
      { projectId, orderType: settings.orderType },
      { languages: settings.targetLanguages, maxPages: CANCEL_SCAN_MAX_PAGES, onMorePages: () => cutShort.push(projectId) },
    );
    for (const o of found) if (!isFinished(o.status)) unfinished.push({ ...o, projectId });
  }
  const newest = (CANCEL_SCAN_MAX_PAGES * SCAN_PAGE_SIZE).toLocaleString('en-US');
  const unread =
    cutShort.length > 0
      ? `Looked at the ${newest} newest ${settings.orderType} orders of project ${cutShort.join(', ')} only: older ones were not read, and an unfinished one among them goes on. Cancel such orders by ID (order-ids) or in the Ollang dashboard.`
      : undefined;
  log.info(
    `Found ${unfinished.length} unfinished ${settings.orderType} order(s) for ${settings.targetLanguages.join(', ')}${unread ? ` among the ${newest} newest` : ''}.`,
  );
  if (unread) log.warning(unread, { title: 'Not every order was read' });
  const languageIndex = (language: string): number => {
    const index = settings.targetLanguages.findIndex((l) => l.toLowerCase() === language.toLowerCase());
    return index === -1 ? settings.targetLanguages.length : index;
  };
  const targets = unfinished
    .map((o) => ({ orderId: o.id, projectId: o.projectId, language: o.targetLanguage, type: o.type, status: o.status }))
    .sort((a, b) => languageIndex(a.language) - languageIndex(b.language));
  return { targets, ...(unread ? { unread } : {}) };
}

/** The handled orders in the order they were found or given (cancels end in any order). */
function inTargetOrder(handled: HandledOrder[], targets: readonly CancelTarget[]): HandledOrder[] {
  const position = new Map(targets.map((t, index) => [t.orderId, index]));
  return [...handled].sort((a, b) => (position.get(a.orderId) ?? 0) - (position.get(b.orderId) ?? 0));
}

function describeTarget(target: CancelTarget): string {
  return target.language ? `${target.orderId} (${target.language})` : target.orderId;
}

/** Logs one cancel, and records it on the followed order it stopped (if it is one). */
function reportCancel(context: StopContext, result: CancelResult, languageOf = new Map<string, string>()): void {
  const followed = context.followed.find((o) => o.orderId === result.orderId);
  const language = followed?.language || languageOf.get(result.orderId);
  const line = `Order ${language ? `${result.orderId} (${language})` : result.orderId}: ${describeCancelResult(result)}`;
  if (isStopped(result)) context.log.info(line);
  else context.log.warning(line);
  if (followed) {
    recordCancel(followed, result);
    context.cancels.push(result);
  }
}

function handledOrder(result: CancelResult, target: CancelTarget): HandledOrder {
  const base = {
    orderId: result.orderId,
    ...(target.projectId ? { projectId: target.projectId } : {}),
    language: target.language,
    ...(target.type ? { type: target.type } : {}),
  };
  switch (result.outcome) {
    case 'cancelled':
      return { ...base, status: 'cancelled', outcome: 'cancelled by this run' };
    case 'already-cancelled':
      return { ...base, status: 'cancelled', outcome: 'was already cancelled' };
    case 'already-finished':
      return { ...base, status: result.status ?? 'completed', outcome: 'had already finished: nothing to cancel' };
    case 'human-review-cancelled':
      return {
        ...base,
        status: result.status ?? target.status ?? 'ongoing',
        outcome: 'human review cancelled by this run: the order goes on at Level 0, the review is refunded',
      };
    case 'not-cancellable':
    case 'error':
      // The row says why; the run's failure names every such order.
      return { ...base, status: 'cancel-failed', outcome: describeCancelResult(result) };
  }
}
