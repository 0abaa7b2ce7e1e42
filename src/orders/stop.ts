/**
 * Stopping orders: this run's unfinished ones after an abort (SIGINT / SIGTERM) or when the wait's
 * deadline passes (`on-timeout`), and the ones `mode: cancel` names. On abort and time-out only
 * orders this run created are cancelled, never reused or given ones; what main cannot finish,
 * the post step does (state lists what was created and what is already settled).
 */
import type { OllangClient } from '../ollang/client.ts';
import { isFinished } from '../ollang/status.ts';
import type { Settings } from '../settings.ts';
import type { Log } from '../runtime.ts';
import type { StateRecorder } from '../state.ts';
import { formatDuration } from '../duration.ts';
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
  log: Log;
}

/** An order `mode: cancel` handled (it is not followed): what became of it. */
export interface HandledOrder {
  orderId: string;
  language: string;
  status: string;
  problem?: string;
}

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
  const failed = results.filter((r) => !isStopped(r));
  return (
    `${after} with orders unfinished: ${names}. ` +
    (failed.length === 0
      ? `Cancelled this run's ${results.length} unfinished order(s) (on-timeout: cancel).`
      : `Could not cancel ${failed.map((r) => `${r.orderId} (${describeCancelResult(r)})`).join('; ')}: cancel them with mode: cancel or in the Ollang dashboard.`)
  );
}

/**
 * `mode: cancel`: cancel the given orders, or the unfinished orders of the projects (the
 * project-id input's, or with media each file's projects) for the languages.
 */
export async function cancelMode(
  context: StopContext,
  client: OllangClient,
  projectIds: readonly string[] = [context.settings.projectId],
): Promise<{ ended: 'dry-run' | 'cancelled' | 'failed'; handled: HandledOrder[]; failure?: string }> {
  const { settings, log } = context;
  const languageOf = new Map<string, string>();
  let orderIds = settings.orderIds;
  if (orderIds.length === 0) {
    const unfinished = [];
    for (const projectId of new Set(projectIds)) {
      const found = await scanOrders(client, { projectId, orderType: settings.orderType }, { languages: settings.targetLanguages });
      unfinished.push(...found.filter((o) => !isFinished(o.status)));
    }
    orderIds = unfinished.map((o) => o.id);
    for (const o of unfinished) languageOf.set(o.id, o.targetLanguage);
    log.info(`Found ${orderIds.length} unfinished ${settings.orderType} order(s) for ${settings.targetLanguages.join(', ')}.`);
  }
  if (settings.dryRun) {
    log.info(`Dry run: would cancel ${orderIds.join(', ') || 'nothing'}.`);
    return { ended: 'dry-run', handled: [] };
  }
  const handled: HandledOrder[] = [];
  const results = await log.group(`Cancelling ${orderIds.length} order(s)`, () =>
    cancelOrders(client, orderIds, {
      onResult: (r) => {
        reportCancel(context, r, languageOf);
        handled.push(handledOrder(r, languageOf.get(r.orderId) ?? ''));
      },
    }),
  );
  const failed = results.filter((r) => !isStopped(r));
  if (failed.length === 0) return { ended: 'cancelled', handled };
  return {
    ended: 'failed',
    handled,
    failure: `Could not cancel ${failed.map((r) => `${r.orderId} (${describeCancelResult(r)})`).join('; ')}.`,
  };
}

/** Logs one cancel, and records it on the followed order it stopped (if it is one). */
function reportCancel(context: StopContext, result: CancelResult, languageOf = new Map<string, string>()): void {
  const followed = context.followed.find((o) => o.orderId === result.orderId);
  const language = followed?.language ?? languageOf.get(result.orderId);
  const line = `Order ${language ? `${result.orderId} (${language})` : result.orderId}: ${describeCancelResult(result)}`;
  if (isStopped(result)) context.log.info(line);
  else context.log.warning(line);
  if (followed) recordCancel(followed, result);
}

function handledOrder(result: CancelResult, language: string): HandledOrder {
  if (!isStopped(result)) return { orderId: result.orderId, language, status: 'cancel-failed', problem: describeCancelResult(result) };
  const status = result.outcome === 'already-finished' ? (result.status ?? 'completed') : 'cancelled';
  return { orderId: result.orderId, language, status };
}
