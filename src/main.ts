/**
 * The main step: read inputs, choose (reuse or create) orders, wait for them, download their
 * outputs, report. `run` never throws: every path ends in outputs and, where the run did not
 * succeed, `setFailed` (the shape of actions/typescript-action).
 */
import path from 'node:path';
import type { ActionIO } from './io.ts';
import type { Clock, Sleep, Transport } from './runtime.ts';
import type { Settings } from './settings.ts';
import { InputError, SecretWithheldError, readSettings } from './inputs.ts';
import { formatDuration } from './duration.ts';
import { isDependabotRun, readWorkflowContext, type WorkflowContext } from './github-context.ts';
import { OllangClient } from './ollang/client.ts';
import { OllangError } from './ollang/errors.ts';
import { isFinished, isSuccess } from './ollang/status.ts';
import { StateRecorder } from './state.ts';
import { chooseOrders, scanOrders } from './orders/choose.ts';
import { cancelOrders, describeCancelResult, isStopped, type CancelResult } from './orders/cancel.ts';
import { openCacheMemory } from './orders/memory.ts';
import { waitForOrders, type FollowedOrder } from './wait/poller.ts';
import type { OrderReport, RunReport, RunStatus } from './report/model.ts';
import { writeOutputs } from './report/outputs.ts';
import { errorMessage } from './error-message.ts';

/** Everything a run touches outside its own memory. */
export interface RunContext {
  io: ActionIO;
  env: Record<string, string | undefined>;
  cwd: string;
  transport: Transport;
  clock: Clock;
  sleep: Sleep;
  random?: () => number;
  /** Aborted on SIGINT / SIGTERM (the run was cancelled). */
  abort: AbortSignal;
}

/** The runner allows 7.5 s after SIGINT before SIGTERM, and 2.5 s more before SIGKILL. */
export const ABORT_CANCEL_BUDGET_MS = 6_000;
/** on-timeout: cancel runs after the wait's deadline: it gets this long to cancel, retries included. */
const TIMEOUT_CANCEL_BUDGET_MS = 60_000;
/** Reads and cancels may still retry for this long when `timeout` leaves no time (timeout: 0). */
const MIN_RETRY_WINDOW_MS = 60_000;

export interface RunOutcome {
  report?: RunReport;
  exitCode: number;
}

export async function run(context: RunContext): Promise<RunOutcome> {
  const { io } = context;
  const log = io.log;
  const startedAt = context.clock();
  const workflow = readWorkflowContext(context.env, context.cwd);

  // Mask the key before anything (validation messages included) could print it.
  const rawKey = io.getInput('api-key').trim();
  if (rawKey) io.setSecret(rawKey);

  let settings: Settings;
  try {
    settings = readSettings((name) => io.getInput(name), {
      workspace: workflow.workspace,
      isForkPullRequest: workflow.pullRequest?.isFork ?? false,
      isDependabot: isDependabotRun(workflow),
      warn: (message) => log.warning(message, { title: 'Check the inputs' }),
    });
  } catch (error) {
    if (error instanceof SecretWithheldError) {
      log.notice(error.notice, { title: 'Ollang localization skipped' });
      return { exitCode: 0 };
    }
    io.setFailed(error instanceof InputError ? error.message : `Invalid input: ${String(error)}`);
    return { exitCode: 1 };
  }

  const state = new StateRecorder(io);
  const deadline = startedAt + settings.timeoutMs;
  const client = new OllangClient({
    baseUrl: settings.apiUrl,
    apiKey: settings.apiKey,
    transport: context.transport,
    sleep: context.sleep,
    clock: context.clock,
    ...(context.random ? { random: context.random } : {}),
    deadline: () => Math.max(deadline, startedAt + MIN_RETRY_WINDOW_MS),
    signal: context.abort,
    onRequest: (event) =>
      log.debug(
        `${event.method} ${event.path} -> ${event.status ?? 'no answer'} (${event.endpoint}, attempt ${event.attempt}, ${event.durationMs} ms)`,
      ),
  });

  const run = new RunRecord(settings, startedAt);
  try {
    if (settings.mode === 'cancel') {
      await cancelMode(context, settings, client, run);
    } else {
      await localize(context, settings, workflow, client, state, run, deadline);
    }
    // A signal that landed while the last downloads finished still makes this a cancelled run.
    context.abort.throwIfAborted();
  } catch (error) {
    if (context.abort.aborted) {
      await handleAbort(context, settings, state, run);
    } else {
      run.fail(describeError(error));
    }
  }

  const report = run.toReport(context.clock());
  writeOutputs(io, report);
  await publishReport(context, settings, workflow, report);
  if (!context.abort.aborted) state.recordMainFinished();
  const exitCode = run.failure ? 1 : 0;
  if (run.failure) io.setFailed(run.failure);
  return { report, exitCode };
}

/** Modes run, submit and collect (and their dry runs). */
async function localize(
  context: RunContext,
  settings: Settings,
  workflow: WorkflowContext,
  client: OllangClient,
  state: StateRecorder,
  run: RunRecord,
  deadline: number,
): Promise<void> {
  const { io, clock } = context;
  const log = io.log;
  const memory =
    settings.reuseOrders && settings.orderIds.length === 0
      ? await openCacheMemory({
          directory: path.join(context.env['RUNNER_TEMP'] || path.join(settings.workspace, '.ollang-tmp'), 'ollang-localize-action'),
          log,
          env: context.env,
          ...(workflow.runId ? { runId: workflow.runId } : {}),
        })
      : undefined;

  const chosen = await log.group('Choosing orders', () =>
    chooseOrders({ client, settings, log, clock, sleep: context.sleep, signal: context.abort, state, ...(memory ? { memory } : {}) }),
  );
  run.followed = chosen.followed;

  if (settings.dryRun) {
    run.plan = chosen.plan;
    log.info(
      `Dry run: would create ${chosen.plan.create.length ? chosen.plan.create.join(', ') : 'nothing'}; would reuse ${chosen.plan.reuse.map((r) => `${r.language} (${r.orderId})`).join(', ') || 'nothing'}.`,
    );
    run.status = 'dry-run';
    return;
  }
  if (settings.mode === 'collect' && chosen.languagesWithoutOrder.length > 0) {
    log.warning(`No order exists for ${chosen.languagesWithoutOrder.join(', ')}; collect never creates orders.`, {
      title: 'Languages without an order',
    });
  }
  if (settings.mode === 'submit') {
    log.info(`Submitted: ${run.followed.map((o) => `${o.language} ${o.orderId} (${o.status})`).join(', ')}. Not waiting (mode: submit).`);
    return;
  }

  // Loaded once orders are chosen: nothing here is needed before the first request (start-up).
  const { createOrderDownloader, outputsReadiness, plannedBytes } = await import('./download/order-outputs.ts');
  const download = createOrderDownloader({
    settings,
    client,
    transport: context.transport,
    // Downloads end at the deadline too; with timeout 0 (check once, do not wait) they get the reads' minimum window.
    deadline: settings.timeoutMs > 0 ? deadline : deadline + MIN_RETRY_WINDOW_MS,
    recordTempFolders: (value) => state.recordDownloadTemp(value),
    sleep: context.sleep,
    log,
    signal: context.abort,
    clock,
    onDownloaded: (_bytes, ms) => {
      run.downloadedMs += ms;
    },
  });
  const waited = await log.group(`Waiting for ${run.followed.length} order(s) (up to ${formatDuration(settings.timeoutMs)})`, () =>
    waitForOrders({
      client,
      orders: run.followed,
      deadline,
      pollIntervalMs: settings.pollIntervalMs,
      // Undocumented: the benchmark's per-order baseline (one Get Order per order per cycle).
      batchStatusChecks: context.env['OLLANG_STATUS_CHECKS'] !== 'per-order',
      downloadBytes: (order) => plannedBytes(order, settings.download),
      readiness: (order) => outputsReadiness(order, settings.download),
      download,
      onSettled: (order) => state.recordSettled([order.orderId]),
      clock,
      sleep: context.sleep,
      signal: context.abort,
      log,
    }),
  );
  run.waitedMs = waited.waitedMs;

  // A download the deadline cut off makes the run timed out too, even when every order had finished.
  if (waited.timedOut || run.followed.some((o) => o.state === 'timed-out')) await handleTimeout(context, settings, state, run);
}

/** `on-timeout`: fail (leave orders running, name them), cancel (this run's unfinished orders), continue. */
async function handleTimeout(context: RunContext, settings: Settings, state: StateRecorder, run: RunRecord): Promise<void> {
  const log = context.io.log;
  const unfinished = run.followed.filter((o) => o.state === 'timed-out');
  for (const o of unfinished) {
    log.warning(`Order ${o.orderId} (${o.language}) ${o.problem ?? 'did not finish in time'}.`, { title: `Timed out: ${o.language}` });
  }
  const names = unfinished
    .map((o) => `${o.language} ${o.orderId} (${o.status}${o.lastCheckError ? `; its last check failed: ${o.lastCheckError}` : ''})`)
    .join(', ');
  run.status = 'timed-out';
  if (settings.onTimeout === 'continue') {
    log.info(
      `Timed out after ${formatDuration(settings.timeoutMs)}; continuing with what finished (on-timeout: continue). Still running: ${names}.`,
    );
    return;
  }
  if (settings.onTimeout === 'cancel') {
    const ours = unfinished.filter((o) => o.created && !isFinished(o.status));
    // The wait's deadline has passed: these cancels get a retry window of their own.
    const cancelClient = dedicatedClient(context, settings, TIMEOUT_CANCEL_BUDGET_MS);
    const results = await log.group(`Cancelling ${ours.length} unfinished order(s) (on-timeout: cancel)`, () =>
      cancelOrders(
        cancelClient,
        ours.map((o) => o.orderId),
        { onResult: (r) => logCancel(context, run, r) },
      ),
    );
    state.recordSettled(results.filter(isStopped).map((r) => r.orderId));
    const failed = results.filter((r) => !isStopped(r));
    run.fail(
      `Timed out after ${formatDuration(settings.timeoutMs)} with orders unfinished: ${names}. ` +
        (failed.length === 0
          ? `Cancelled this run's ${results.length} unfinished order(s) (on-timeout: cancel).`
          : `Could not cancel ${failed.map((r) => `${r.orderId} (${describeCancelResult(r)})`).join('; ')}: cancel them with mode: cancel or in the Ollang dashboard.`),
    );
    return;
  }
  run.fail(
    `Timed out after ${formatDuration(settings.timeoutMs)} with orders still running: ${names}. They were left running ` +
      `(on-timeout: fail); collect them later with mode: collect and order-ids, or cancel them with mode: cancel.`,
  );
}

/**
 * SIGINT / SIGTERM: cancel the unfinished orders this run created (never reused or given ones),
 * within the runner's grace period. What this cannot finish, the post step does: state lists
 * what was created and what is already settled.
 */
async function handleAbort(context: RunContext, settings: Settings, state: StateRecorder, run: RunRecord): Promise<void> {
  const log = context.io.log;
  run.status = 'cancelled';
  const settled = new Set(run.followed.filter((o) => isFinished(o.status)).map((o) => o.orderId));
  const toCancel = state.created.filter((id) => !settled.has(id));
  if (!settings.cancelOnAbort || toCancel.length === 0) {
    run.fail(
      toCancel.length === 0
        ? 'The run was cancelled; it had no unfinished orders of its own to cancel.'
        : `The run was cancelled; its orders were left running (cancel-on-abort: false): ${toCancel.join(', ')}.`,
    );
    return;
  }
  log.info(`The run was cancelled: cancelling ${toCancel.length} unfinished order(s) this run created.`);
  const cancelClient = dedicatedClient(context, settings, ABORT_CANCEL_BUDGET_MS, {
    requestTimeoutMs: 3_000,
    retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1_000 },
  });
  const results = await cancelOrders(cancelClient, toCancel, { concurrency: 16, onResult: (r) => logCancel(context, run, r) });
  state.recordSettled(results.filter(isStopped).map((r) => r.orderId));
  const left = results.filter((r) => !isStopped(r)).map((r) => r.orderId);
  run.fail(
    left.length === 0
      ? `The run was cancelled; cancelled its ${results.length} unfinished order(s).`
      : `The run was cancelled; could not cancel ${left.join(', ')} yet (the post step tries again).`,
  );
}

/**
 * A client for cancelling after the run's own client can no longer serve: its abort signal has
 * fired, or its deadline has passed. Everything it does ends within `budgetMs` from now.
 */
function dedicatedClient(
  context: RunContext,
  settings: Settings,
  budgetMs: number,
  options: { requestTimeoutMs?: number; retry?: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number } } = {},
): OllangClient {
  const deadline = context.clock() + budgetMs;
  return new OllangClient({
    baseUrl: settings.apiUrl,
    apiKey: settings.apiKey,
    transport: context.transport,
    sleep: context.sleep,
    clock: context.clock,
    ...options,
    deadline: () => deadline,
    signal: AbortSignal.timeout(budgetMs),
  });
}

/** `mode: cancel`: cancel the given orders, or the project's unfinished orders for the languages. */
async function cancelMode(context: RunContext, settings: Settings, client: OllangClient, run: RunRecord): Promise<void> {
  const log = context.io.log;
  let orderIds = settings.orderIds;
  if (orderIds.length === 0) {
    const found = await scanOrders(
      client,
      { projectId: settings.projectId, orderType: settings.orderType },
      { languages: settings.targetLanguages },
    );
    const unfinished = found.filter((o) => !isFinished(o.status));
    orderIds = unfinished.map((o) => o.id);
    for (const o of unfinished) run.languageOf.set(o.id, o.targetLanguage);
    log.info(`Found ${orderIds.length} unfinished ${settings.orderType} order(s) for ${settings.targetLanguages.join(', ')}.`);
  }
  if (settings.dryRun) {
    log.info(`Dry run: would cancel ${orderIds.join(', ') || 'nothing'}.`);
    run.status = 'dry-run';
    return;
  }
  const results = await log.group(`Cancelling ${orderIds.length} order(s)`, () =>
    cancelOrders(client, orderIds, { onResult: (r) => logCancel(context, run, r) }),
  );
  const failed = results.filter((r) => !isStopped(r));
  run.status = failed.length === 0 ? 'cancelled' : 'failed';
  if (failed.length > 0) run.fail(`Could not cancel ${failed.map((r) => `${r.orderId} (${describeCancelResult(r)})`).join('; ')}.`);
}

function logCancel(context: RunContext, run: RunRecord, result: CancelResult): void {
  const followed = run.followed.find((o) => o.orderId === result.orderId);
  const language = followed?.language ?? run.languageOf.get(result.orderId);
  const label = language ? `${result.orderId} (${language})` : result.orderId;
  const line = `Order ${label}: ${describeCancelResult(result)}`;
  if (isStopped(result)) context.io.log.info(line);
  else context.io.log.warning(line);
  if (followed) {
    if (result.outcome === 'cancelled' || result.outcome === 'already-cancelled') followed.status = 'cancelled';
    if (!isStopped(result)) followed.problem = describeCancelResult(result);
  } else {
    run.cancelled.push({
      orderId: result.orderId,
      language: run.languageOf.get(result.orderId) ?? '',
      status: isStopped(result) ? (result.outcome === 'already-finished' ? (result.status ?? 'completed') : 'cancelled') : 'cancel-failed',
      problem: isStopped(result) ? undefined : describeCancelResult(result),
    });
  }
}

async function publishReport(context: RunContext, settings: Settings, workflow: WorkflowContext, report: RunReport): Promise<void> {
  const { io } = context;
  const { renderComment, renderSummary, commentMarker } = await import('./report/summary.ts');
  const summaryContext = {
    ...(workflow.serverUrl ? { serverUrl: workflow.serverUrl } : {}),
    ...(workflow.repository ? { repository: workflow.repository } : {}),
    ...(workflow.sha ? { sha: workflow.sha } : {}),
  };
  try {
    await io.appendSummary(renderSummary(report, summaryContext));
  } catch (error) {
    io.log.warning(`Could not write the job summary: ${describeError(error)}`);
  }
  const pr = workflow.pullRequest;
  // After a cancellation every second counts towards the runner's kill: no comment then.
  if (!settings.prComment || !pr || settings.mode === 'cancel' || !settings.githubToken || context.abort.aborted) return;
  const markerKey = `${settings.projectId}:${settings.orderType}`;
  const { upsertPrComment } = await import('./report/pr-comment.ts');
  await upsertPrComment(
    { token: settings.githubToken, apiUrl: workflow.apiUrl, owner: pr.owner, repo: pr.repo, issueNumber: pr.number },
    renderComment(report, { ...summaryContext, markerKey }),
    commentMarker(markerKey),
    io.log,
  );
}

/** The run as it goes: followed orders, timings, the verdict. Turned into a RunReport at the end. */
class RunRecord {
  followed: FollowedOrder[] = [];
  /** Orders `mode: cancel` handled, and the languages it learned for them. */
  cancelled: { orderId: string; language: string; status: string; problem: string | undefined }[] = [];
  readonly languageOf = new Map<string, string>();
  plan?: RunReport['plan'];
  status?: RunStatus;
  failure?: string;
  waitedMs = 0;
  downloadedMs = 0;
  readonly #settings: Settings;
  readonly #startedAt: number;

  constructor(settings: Settings, startedAt: number) {
    this.#settings = settings;
    this.#startedAt = startedAt;
  }

  fail(message: string): void {
    this.failure ??= message;
  }

  toReport(now: number): RunReport {
    const orders: OrderReport[] = this.followed.map((o) => ({
      orderId: o.orderId,
      language: o.language,
      type: o.type,
      status: reportedStatus(o),
      created: o.created,
      files: o.files,
      ...(o.problem ? { problem: o.problem } : {}),
    }));
    for (const c of this.cancelled) {
      orders.push({
        orderId: c.orderId,
        language: c.language,
        type: this.#settings.orderType,
        status: c.status,
        created: false,
        files: [],
        ...(c.problem ? { problem: c.problem } : {}),
      });
    }
    const languagesWithoutOrder = this.#languagesWithoutOrder();
    const status = this.status === undefined || this.status === 'timed-out' ? this.#verdict(languagesWithoutOrder) : this.status;
    if (!this.failure && (status === 'partial' || status === 'failed')) {
      const troubled = this.followed.filter((o) => o.problem || o.state === 'failed');
      this.fail(
        troubled.length > 0
          ? `${troubled.length} of ${this.followed.length} order(s) did not deliver: ${troubled.map((o) => `${o.language} ${o.orderId}: ${o.problem ?? o.status}`).join('; ')}`
          : `No order for ${languagesWithoutOrder.join(', ')}.`,
      );
    }
    return {
      status,
      mode: this.#settings.mode,
      projectId: this.#settings.projectId,
      orders,
      languagesWithoutOrder,
      createdCount: this.followed.filter((o) => o.created).length,
      reusedCount: this.followed.filter((o) => !o.created).length,
      outputDir: this.#settings.outputDirRelative,
      timings: { waitedMs: this.waitedMs, downloadedMs: this.downloadedMs, totalMs: now - this.#startedAt },
      ...(this.plan ? { plan: this.plan } : {}),
    };
  }

  /**
   * Target languages no followed order covers, from the orders' final languages: an order read
   * only during the wait (its language unknown when orders were chosen) counts too.
   */
  #languagesWithoutOrder(): string[] {
    if (this.#settings.orderIds.length > 0 || this.#settings.mode === 'cancel') return [];
    const covered = new Set(this.followed.map((o) => o.language.toLowerCase()));
    return this.#settings.targetLanguages.filter((language) => !covered.has(language.toLowerCase()));
  }

  /** Honest status from the orders themselves: never `completed` with a file missing. */
  #verdict(languagesWithoutOrder: string[]): RunStatus {
    const orders = this.followed;
    const done = orders.filter((o) => o.state === 'done').length;
    const bad = orders.filter((o) => o.state === 'failed').length;
    const timedOut = orders.filter((o) => o.state === 'timed-out').length;
    if (this.failure && orders.length === 0) return 'failed';
    if (timedOut > 0 || this.status === 'timed-out') return 'timed-out';
    if (this.#settings.mode === 'submit') {
      // Nothing is downloaded in submit mode: report where the orders stand.
      const finishedBadly = orders.filter((o) => isFinished(o.status) && !isSuccess(o.status)).length;
      if (orders.some((o) => !isFinished(o.status))) return 'pending';
      if (finishedBadly > 0) return finishedBadly === orders.length ? 'failed' : 'partial';
      return orders.length > 0 ? 'completed' : 'failed';
    }
    if (orders.length === 0) return languagesWithoutOrder.length > 0 ? 'failed' : 'completed';
    if (bad === orders.length) return 'failed';
    if (bad > 0 || languagesWithoutOrder.length > 0 || done < orders.length) return 'partial';
    return 'completed';
  }
}

function describeError(error: unknown): string {
  if (error instanceof OllangError && error.status === 401) {
    return `Ollang rejected the API key (${error.message}). Check the secret passed as api-key.`;
  }
  return errorMessage(error);
}

/** The order's Ollang status, except where the action's own verdict says more. */
function reportedStatus(order: FollowedOrder): string {
  if (order.state === 'timed-out') return 'timed-out';
  if (order.state === 'failed' && isSuccess(order.status)) return 'download-failed';
  if (order.state === 'failed' && !isFinished(order.status)) return 'failed';
  return order.status;
}
