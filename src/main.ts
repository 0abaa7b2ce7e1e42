/**
 * The main step: read inputs, choose (reuse or create) orders, wait for them, download their
 * outputs, report. `run` never throws: every path ends in outputs and, where the run did not
 * succeed, `setFailed` (the shape of actions/typescript-action).
 */
import path from 'node:path';
import type { ActionIO } from './io.ts';
import type { Clock, Sleep, Transport } from './runtime.ts';
import type { Settings } from './settings.ts';
import { InputError, SecretWithheldError, parseBooleanWord, readSettings } from './inputs.ts';
import { formatDuration } from './duration.ts';
import { isDependabotRun, readWorkflowContext, workflowRunUrl, type WorkflowContext } from './github-context.ts';
import type { OllangClient } from './ollang/client.ts';
import { explainError } from './ollang/errors.ts';
import { StateRecorder } from './state.ts';
import { MIN_RETRY_WINDOW_MS, runClient, type Connection } from './connect.ts';
import { chooseOrders } from './orders/choose.ts';
import { openCacheMemory } from './orders/memory.ts';
import { cancelAfterAbort, cancelMode as cancelOrders, settleTimeout, type StopContext } from './orders/stop.ts';
import { waitForOrders } from './wait/poller.ts';
import type { RunReport } from './report/model.ts';
import type { CommentContext } from './report/summary.ts';
import { writeOutputs } from './report/outputs.ts';
import { finishRun, recordFailure, startRecord, type RunRecord } from './report/verdict.ts';
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

export interface RunOutcome {
  report?: RunReport;
  exitCode: number;
}

export async function run(context: RunContext): Promise<RunOutcome> {
  const { io } = context;
  const startedAt = context.clock();
  const workflow = readWorkflowContext(context.env, context.cwd);
  const settings = await readInputs(context, workflow);
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
  const stop: StopContext = { connection, settings, state, followed: record.followed, cancels: record.cancels, log: io.log };
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

  const { report, failure } = finishRun(record, settings, context.clock());
  // The verdict is in and no order changes after it: a signal from now on (during the PR
  // comment, say) leaves the post step nothing to do. An aborted run leaves it the rest.
  if (!context.abort.aborted) state.recordMainFinished();
  writeOutputs(io, report);
  if (settings.artifact) await shareFiles(context, settings, report, settings.artifact);
  const { resultLine } = await publishReport(context, settings, workflow, report);
  if (failure) io.setFailed(failure);
  // Last, outside any group: what a collapsed log still shows.
  io.log.info(resultLine(report));
  return { report, exitCode: failure ? 1 : 0 };
}

/**
 * The settings, or the exit code when the inputs stop the run before any request. Every bad
 * input is in the failure and in the job summary, where people look first.
 */
async function readInputs(context: RunContext, workflow: WorkflowContext): Promise<Settings | number> {
  const { io } = context;
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
      const { skippedResultLine } = await import('./report/summary.ts');
      io.log.info(skippedResultLine(error.reason));
      return 0;
    }
    const problems = error instanceof InputError ? error.problems : [{ input: 'inputs', message: `Invalid input: ${String(error)}` }];
    io.setFailed(error instanceof InputError ? error.message : `Invalid input: ${String(error)}`);
    const { renderInputProblems, renderInputProblemsComment, inputProblemsResultLine } = await import('./report/summary.ts');
    try {
      await io.appendSummary(renderInputProblems(problems));
    } catch (summaryError) {
      io.log.warning(`Could not write the job summary: ${errorMessage(summaryError)}`);
    }
    // The comment of an earlier push would otherwise stand for this commit: it says this run failed, and why.
    // Read from the raw inputs, as far as they say where the comment goes (the settings are not valid).
    const wanted = parseBooleanWord(io.getInput('pr-comment') || 'true') !== false && io.getInput('mode').trim().toLowerCase() !== 'cancel';
    const markerKey = `${io.getInput('project-id').trim()}:${io.getInput('order-type').trim() || 'subtitle'}`;
    await commentOnPullRequest(context, workflow, { token: io.getInput('github-token').trim(), wanted, markerKey }, (comment) =>
      renderInputProblemsComment(problems, comment),
    );
    io.log.info(inputProblemsResultLine(problems.length));
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
  record.ordersChosen = true;
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
  // Nothing to wait for (a create that failed): no empty "Waiting for 0 order(s)" group.
  if (record.followed.length === 0) return;
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
  for (const { type, ...o } of outcome.handled)
    record.cancelled.push({ ...o, projectId, type: type ?? orderType, created: false, files: [] });
}

/**
 * The `artifact` input: uploads the downloaded files and sets `artifact-url`. Not after a
 * cancellation: the runner's kill is seconds away, and the files are what a re-run reuses.
 */
async function shareFiles(context: RunContext, settings: Settings, report: RunReport, name: string): Promise<void> {
  if (settings.dryRun || settings.mode === 'cancel') return;
  if (context.abort.aborted) {
    context.io.log.info(`The run was cancelled: artifact ${name} not uploaded.`);
    report.artifact = { name, problem: 'the run was cancelled' };
    return;
  }
  const { uploadRunArtifact } = await import('./report/artifact.ts');
  report.artifact = await uploadRunArtifact({
    name,
    files: report.orders.flatMap((o) => o.files),
    workspace: settings.workspace,
    env: context.env,
    log: context.io.log,
  });
  if (report.artifact.url) context.io.setOutput('artifact-url', report.artifact.url);
}

/** The job summary and (on pull requests, where allowed) the PR comment; returns the result line's renderer. */
async function publishReport(
  context: RunContext,
  settings: Settings,
  workflow: WorkflowContext,
  report: RunReport,
): Promise<{ resultLine: (report: RunReport) => string }> {
  const { io } = context;
  const { renderComment, renderSummary, resultLine } = await import('./report/summary.ts');
  try {
    await io.appendSummary(renderSummary(report));
  } catch (error) {
    io.log.warning(`Could not write the job summary: ${describeError(error)}`);
  }
  // After a cancellation every second counts towards the runner's kill: no comment then. The
  // comment an earlier run left names its commit and run, so nobody takes it for this one's.
  if (context.abort.aborted) return { resultLine };
  const comment = {
    token: settings.githubToken,
    wanted: settings.prComment && settings.mode !== 'cancel',
    markerKey: `${settings.projectId}:${settings.orderType}`,
  };
  await commentOnPullRequest(context, workflow, comment, (commentContext) => renderComment(report, commentContext));
  return { resultLine };
}

/**
 * Creates or updates the PR comment: on pull requests, with a token, where wanted (`pr-comment`,
 * not `mode: cancel`). `render` gets the comment's context: its marker key, the pull request's
 * head commit and the run's page, so that the comment says which push and run it describes.
 */
async function commentOnPullRequest(
  context: RunContext,
  workflow: WorkflowContext,
  comment: { token: string; wanted: boolean; markerKey: string },
  render: (commentContext: CommentContext) => string,
): Promise<void> {
  const pr = workflow.pullRequest;
  if (!comment.wanted || !pr || !comment.token) return;
  const runUrl = workflowRunUrl(context.env);
  const body = render({ markerKey: comment.markerKey, ...(pr.headSha ? { headSha: pr.headSha } : {}), ...(runUrl ? { runUrl } : {}) });
  const [{ upsertPrComment }, { commentMarker }] = await Promise.all([import('./report/pr-comment.ts'), import('./report/summary.ts')]);
  await upsertPrComment(
    { token: comment.token, apiUrl: workflow.apiUrl, owner: pr.owner, repo: pr.repo, issueNumber: pr.number },
    body,
    commentMarker(comment.markerKey),
    context.io.log,
    // A signal stops the comment (a courtesy) at once: the runner's kill is not far behind.
    context.abort,
  );
}

/** The failure's message, with what to check where the cause is most likely an input (ollang/errors.ts). */
function describeError(error: unknown): string {
  return explainError(error, errorMessage(error));
}
