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
import type { OllangClient } from './ollang/client.ts';
import { OllangError } from './ollang/errors.ts';
import { StateRecorder } from './state.ts';
import { MIN_RETRY_WINDOW_MS, runClient, type Connection } from './connect.ts';
import { chooseOrders } from './orders/choose.ts';
import { openCacheMemory } from './orders/memory.ts';
import { cancelAfterAbort, cancelMode as cancelOrders, settleTimeout, type StopContext } from './orders/stop.ts';
import { waitForOrders } from './wait/poller.ts';
import type { RunReport } from './report/model.ts';
import { writeOutputs } from './report/outputs.ts';
import { finishRun, recordFailure, startRecord, type RunRecord } from './report/verdict.ts';
import { errorMessage } from './error-message.ts';
import { countAnnotations } from './annotations.ts';
import type { QualityCheck } from './quality/run.ts';
import { qualityFailure } from './quality/verdict.ts';

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

export interface RunOutcome {
  report?: RunReport;
  exitCode: number;
}

export async function run(given: RunContext): Promise<RunOutcome> {
  // GitHub shows 10 annotations of a kind a step: the subtitle check fits its own in what is left.
  const annotations = countAnnotations(given.io.log);
  const context: RunContext = { ...given, io: { ...given.io, log: annotations.log } };
  const { io } = context;
  const startedAt = context.clock();
  const workflow = readWorkflowContext(context.env, context.cwd);
  const settings = readInputs(io, workflow);
  if (typeof settings === 'number') return { exitCode: settings };

  const state = new StateRecorder(io);
  const record = startRecord(startedAt);
  const deadline = startedAt + settings.timeoutMs;
  const connection: Connection = {
    apiUrl: settings.apiUrl,
    apiKey: settings.apiKey,
    transport: context.transport,
    clock: context.clock,
    sleep: context.sleep,
    ...(context.random ? { random: context.random } : {}),
    log: io.log,
  };
  const client = runClient(connection, { startedAt, deadline, signal: context.abort });
  // The stop handlers see the run's followed orders (the same array the wait loop updates).
  const stop: StopContext = { connection, settings, state, followed: record.followed, log: io.log };
  try {
    if (settings.mode === 'cancel') await cancelMode(stop, client, record);
    else await localize(context, settings, workflow, client, stop, record, deadline);
    // A signal that landed while the last downloads finished still makes this a cancelled run.
    context.abort.throwIfAborted();
  } catch (error) {
    if (context.abort.aborted) {
      record.ended = 'cancelled';
      recordFailure(record, await cancelAfterAbort(stop));
    } else recordFailure(record, describeError(error));
  }

  const quality = await checkSubtitles(context, settings, record);
  const { report, failure } = finishRun(record, settings, context.clock());
  // The verdict is in and no order changes after it: a signal from now on (during the PR
  // comment, say) leaves the post step nothing to do. An aborted run leaves it the rest.
  if (!context.abort.aborted) state.recordMainFinished();
  // quality-check fail / strict fail the step; `status` stays about the orders and files.
  const qualityFailed = quality && qualityFailure(quality.mode, quality.files);
  if (quality) {
    report.quality = quality;
    const { annotateQuality } = await import('./quality/run.ts');
    annotateQuality(io.log, quality.files, annotations.written, [failure, qualityFailed].filter(Boolean).length);
  }
  writeOutputs(io, report);
  await publishReport(context, settings, workflow, report);
  if (failure) io.setFailed(failure);
  if (qualityFailed) io.setFailed(qualityFailed);
  return { report, exitCode: failure || qualityFailed ? 1 : 0 };
}

/**
 * After the downloads: every SRT and WebVTT file the run saved, checked (docs/quality.md). Not
 * with `quality-check: off`, in modes that download nothing, or after an abort.
 */
async function checkSubtitles(context: RunContext, settings: Settings, record: RunRecord): Promise<QualityCheck | undefined> {
  if (settings.qualityCheck === 'off' || settings.dryRun || settings.mode === 'submit' || settings.mode === 'cancel') return undefined;
  if (context.abort.aborted) return undefined;
  // Loaded here: the parser and the rules are not needed before the downloads are in (start-up).
  const { checkSavedSubtitles } = await import('./quality/run.ts');
  return checkSavedSubtitles({
    mode: settings.qualityCheck,
    overrides: settings.qualityRules,
    workspace: settings.workspace,
    saved: record.followed.flatMap((order) => order.files.map((file) => ({ file, language: order.language }))),
    log: context.io.log,
    clock: context.clock,
    signal: context.abort,
  });
}

/** The settings, or the exit code when the inputs stop the run before any request. */
function readInputs(io: ActionIO, workflow: WorkflowContext): Settings | number {
  // Mask the key before anything (validation messages included) could print it.
  const rawKey = io.getInput('api-key').trim();
  if (rawKey) io.setSecret(rawKey);
  try {
    return readSettings((name) => io.getInput(name), {
      workspace: workflow.workspace,
      isForkPullRequest: workflow.pullRequest?.isFork ?? false,
      isDependabot: isDependabotRun(workflow),
      warn: (message) => io.log.warning(message, { title: 'Check the inputs' }),
    });
  } catch (error) {
    if (error instanceof SecretWithheldError) {
      io.log.notice(error.notice, { title: 'Ollang localization skipped' });
      return 0;
    }
    io.setFailed(error instanceof InputError ? error.message : `Invalid input: ${String(error)}`);
    return 1;
  }
}

/** Modes run, submit and collect (and their dry runs). */
async function localize(
  context: RunContext,
  settings: Settings,
  workflow: WorkflowContext,
  client: OllangClient,
  stop: StopContext,
  record: RunRecord,
  deadline: number,
): Promise<void> {
  const { io, clock } = context;
  const { state } = stop;
  const log = io.log;
  // The orders earlier runs remembered, where the Actions cache is available.
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
  record.followed.push(...chosen.followed);
  if (chosen.failure) recordFailure(record, chosen.failure);

  if (settings.dryRun) {
    record.plan = chosen.plan;
    log.info(
      `Dry run: would create ${chosen.plan.create.length ? chosen.plan.create.join(', ') : 'nothing'}; would reuse ${chosen.plan.reuse.map((r) => `${r.language} (${r.orderId})`).join(', ') || 'nothing'}.`,
    );
    record.ended = 'dry-run';
    return;
  }
  if (settings.mode === 'collect' && chosen.languagesWithoutOrder.length > 0) {
    log.warning(`No order exists for ${chosen.languagesWithoutOrder.join(', ')}; collect never creates orders.`, {
      title: 'Languages without an order',
    });
  }
  if (settings.mode === 'submit') {
    log.info(
      `Submitted: ${record.followed.map((o) => `${o.language} ${o.orderId} (${o.status})`).join(', ')}. Not waiting (mode: submit).`,
    );
    return;
  }
  await waitAndDownload(context, settings, client, stop, record, deadline);
}

/** Waits for the followed orders, downloading each one's outputs as soon as they are published. */
async function waitAndDownload(
  context: RunContext,
  settings: Settings,
  client: OllangClient,
  stop: StopContext,
  record: RunRecord,
  deadline: number,
): Promise<void> {
  const { clock } = context;
  const log = context.io.log;
  // Loaded once orders are chosen: nothing here is needed before the first request (start-up).
  const { createOrderDownloader, outputsReadiness, plannedBytes } = await import('./download/order-outputs.ts');
  const download = createOrderDownloader({
    settings,
    client,
    transport: context.transport,
    // Downloads end at the deadline too; with timeout 0 (check once, do not wait) they get the reads' minimum window.
    deadline: settings.timeoutMs > 0 ? deadline : deadline + MIN_RETRY_WINDOW_MS,
    recordTempFolders: (value) => stop.state.recordDownloadTemp(value),
    sleep: context.sleep,
    log,
    signal: context.abort,
    clock,
    onDownloaded: (_bytes, ms) => {
      record.downloadedMs += ms;
    },
  });
  const waited = await log.group(`Waiting for ${record.followed.length} order(s) (up to ${formatDuration(settings.timeoutMs)})`, () =>
    waitForOrders({
      client,
      orders: record.followed,
      deadline,
      pollIntervalMs: settings.pollIntervalMs,
      // Undocumented: the benchmark's per-order baseline (one Get Order per order per cycle).
      batchStatusChecks: context.env['OLLANG_STATUS_CHECKS'] !== 'per-order',
      downloadBytes: (order) => plannedBytes(order, settings.download),
      readiness: (order) => outputsReadiness(order, settings.download),
      download,
      onSettled: (order) => stop.state.recordSettled([order.orderId]),
      clock,
      sleep: context.sleep,
      signal: context.abort,
      log,
    }),
  );
  record.waitedMs = waited.waitedMs;
  // A download the deadline cut off makes the run timed out too, even when every order had finished.
  if (waited.timedOut || record.followed.some((o) => o.state === 'timed-out')) {
    record.timedOut = true;
    const failure = await settleTimeout(stop);
    if (failure) recordFailure(record, failure);
  }
}

/** `mode: cancel`: the orders it handled are reported as they ended. */
async function cancelMode(stop: StopContext, client: OllangClient, record: RunRecord): Promise<void> {
  const outcome = await cancelOrders(stop, client);
  record.ended = outcome.ended;
  if (outcome.failure) recordFailure(record, outcome.failure);
  const { projectId, orderType } = stop.settings;
  for (const o of outcome.handled) record.cancelled.push({ ...o, projectId, type: orderType, created: false, files: [] });
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
    // A signal stops the comment (a courtesy) at once: the runner's kill is not far behind.
    context.abort,
  );
}

function describeError(error: unknown): string {
  if (error instanceof OllangError && error.status === 401) {
    return `Ollang rejected the API key (${error.message}). Check the secret passed as api-key.`;
  }
  return errorMessage(error);
}
