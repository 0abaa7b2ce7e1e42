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
import { recordFailure, type RunRecord } from '../report/verdict.ts';
import { cancelOrders, describeCancelResult, isStopped, type CancelResult } from './cancel.ts';
import { recordCancel } from './followed.ts';
import { scanOrders } from './reuse.ts';

export interface StopContext {
  connection: Connection;
  settings: Settings;
  state: StateRecorder;
  record: RunRecord;
  log: Log;
}

/** SIGINT / SIGTERM: cancel the unfinished orders this run created, within the runner's grace period. */
export async function cancelAfterAbort(context: StopContext): Promise<void> {
  const { record, state, settings, log } = context;
  record.ended = 'cancelled';
  const settled = new Set(record.followed.filter((o) => isFinished(o.status)).map((o) => o.orderId));
  const toCancel = state.created.filter((id) => !settled.has(id));
  if (!settings.cancelOnAbort || toCancel.length === 0) {
    recordFailure(
      record,
      toCancel.length === 0
        ? 'The run was cancelled; it had no unfinished orders of its own to cancel.'
        : `The run was cancelled; its orders were left running (cancel-on-abort: false): ${toCancel.join(', ')}.`,
    );
    return;
  }
  log.info(`The run was cancelled: cancelling ${toCancel.length} unfinished order(s) this run created.`);
  const client = cancelClient(context.connection, 'abort');
  const results = await cancelOrders(client, toCancel, { concurrency: 16, onResult: (r) => reportCancel(context, r) });
  state.recordSettled(results.filter(isStopped).map((r) => r.orderId));
  const left = results.filter((r) => !isStopped(r)).map((r) => r.orderId);
  recordFailure(
    record,
    left.length === 0
      ? `The run was cancelled; cancelled its ${results.length} unfinished order(s).`
      : `The run was cancelled; could not cancel ${left.join(', ')} yet (the post step tries again).`,
  );
}

/** `on-timeout`: fail (leave orders running, name them), cancel (this run's unfinished orders), continue. */
export async function settleTimeout(context: StopContext): Promise<void> {
  const { record, state, settings, log } = context;
  const unfinished = record.followed.filter((o) => o.state === 'timed-out');
  for (const o of unfinished) {
    log.warning(`Order ${o.orderId} (${o.language}) ${o.problem ?? 'did not finish in time'}.`, { title: `Timed out: ${o.language}` });
  }
  const names = unfinished
    .map((o) => `${o.language} ${o.orderId} (${o.status}${o.lastCheckError ? `; its last check failed: ${o.lastCheckError}` : ''})`)
    .join(', ');
  const after = `Timed out after ${formatDuration(settings.timeoutMs)}`;
  record.timedOut = true;
  if (settings.onTimeout === 'continue') {
    log.info(`${after}; continuing with what finished (on-timeout: continue). Still running: ${names}.`);
    return;
  }
  if (settings.onTimeout === 'fail') {
    recordFailure(
      record,
      `${after} with orders still running: ${names}. They were left running ` +
        `(on-timeout: fail); collect them later with mode: collect and order-ids, or cancel them with mode: cancel.`,
    );
    return;
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
  recordFailure(
    record,
    `${after} with orders unfinished: ${names}. ` +
      (failed.length === 0
        ? `Cancelled this run's ${results.length} unfinished order(s) (on-timeout: cancel).`
        : `Could not cancel ${failed.map((r) => `${r.orderId} (${describeCancelResult(r)})`).join('; ')}: cancel them with mode: cancel or in the Ollang dashboard.`),
  );
}

/** `mode: cancel`: cancel the given orders, or the project's unfinished orders for the languages. */
export async function cancelMode(context: StopContext, client: OllangClient): Promise<void> {
  const { record, settings, log } = context;
  const languageOf = new Map<string, string>();
  let orderIds = settings.orderIds;
  if (orderIds.length === 0) {
    const found = await scanOrders(
      client,
      { projectId: settings.projectId, orderType: settings.orderType },
      { languages: settings.targetLanguages },
    );
    const unfinished = found.filter((o) => !isFinished(o.status));
    orderIds = unfinished.map((o) => o.id);
    for (const o of unfinished) languageOf.set(o.id, o.targetLanguage);
    log.info(`Found ${orderIds.length} unfinished ${settings.orderType} order(s) for ${settings.targetLanguages.join(', ')}.`);
  }
  if (settings.dryRun) {
    log.info(`Dry run: would cancel ${orderIds.join(', ') || 'nothing'}.`);
    record.ended = 'dry-run';
    return;
  }
  const results = await log.group(`Cancelling ${orderIds.length} order(s)`, () =>
    cancelOrders(client, orderIds, { onResult: (r) => reportCancel(context, r, languageOf) }),
  );
  const failed = results.filter((r) => !isStopped(r));
  record.ended = failed.length === 0 ? 'cancelled' : 'failed';
  if (failed.length > 0)
    recordFailure(record, `Could not cancel ${failed.map((r) => `${r.orderId} (${describeCancelResult(r)})`).join('; ')}.`);
}

/** Logs one cancel and records it: on the followed order, or (mode: cancel) as an order of the report. */
function reportCancel(context: StopContext, result: CancelResult, languageOf = new Map<string, string>()): void {
  const { record, log } = context;
  const followed = record.followed.find((o) => o.orderId === result.orderId);
  const language = followed?.language ?? languageOf.get(result.orderId);
  const line = `Order ${language ? `${result.orderId} (${language})` : result.orderId}: ${describeCancelResult(result)}`;
  if (isStopped(result)) log.info(line);
  else log.warning(line);
  if (followed) {
    recordCancel(followed, result);
    return;
  }
  const stopped = isStopped(result);
  record.cancelled.push({
    orderId: result.orderId,
    projectId: context.settings.projectId,
    language: language ?? '',
    type: context.settings.orderType,
    status: stopped ? (result.outcome === 'already-finished' ? (result.status ?? 'completed') : 'cancelled') : 'cancel-failed',
    created: false,
    files: [],
    ...(stopped ? {} : { problem: describeCancelResult(result) }),
  });
}
