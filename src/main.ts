/**
 * The main step: read inputs (the media files among them), find or upload the media's projects,
 * choose (reuse or create) orders, wait for them, download their outputs, report. `run` never
 * throws: every path ends in outputs and, where the run did not succeed, `setFailed` (the shape
 * of actions/typescript-action).
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
import type { Order } from './ollang/schemas.ts';
import { StateRecorder } from './state.ts';
import { MIN_RETRY_WINDOW_MS, runClient, type Connection } from './connect.ts';
import { chooseForProjects, chooseOrders, type ChooseContext, type ChosenOrders } from './orders/choose.ts';
import type { MediaFile } from './media/find.ts';
import type { MediaProject } from './media/projects.ts';
import { openCacheMemory } from './orders/memory.ts';
import { cancelAfterAbort, cancelMode as cancelOrders, settleTimeout, type StopContext } from './orders/stop.ts';
import { waitForOrders } from './wait/poller.ts';
import type { RunReport } from './report/model.ts';
import type { CommentContext } from './report/summary.ts';
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
  const settings = await readInputs(context, workflow);
  if (typeof settings === 'number') return { exitCode: settings };
  const media = await readMedia(io, settings);
  if (typeof media === 'number') return { exitCode: media };

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
    if (settings.mode === 'cancel') await cancelMode(context, workflow, stop, client, record, media);
    else await localize(context, settings, workflow, client, stop, record, deadline, media);
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
  if (quality) report.quality = quality;
  writeOutputs(io, report);
  if (settings.artifact) await shareFiles(context, settings, report, settings.artifact);
  const { resultLine } = await publishReport(context, settings, workflow, report);
  // The findings' annotations in the room the run's own left (the artifact's and the PR comment's
  // warnings included), keeping one error for each failure still to report.
  if (quality) {
    const { annotateQuality } = await import('./quality/run.ts');
    annotateQuality(io.log, report, annotations.written, [failure, qualityFailed].filter(Boolean).length);
  }
  if (failure) io.setFailed(failure);
  if (qualityFailed) io.setFailed(qualityFailed);
  // Last, outside any group: what a collapsed log still shows.
  io.log.info(resultLine(report));
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
  // The time the check logs counts loading them too.
  const startedAt = context.clock();
  const { checkSavedSubtitles } = await import('./quality/run.ts');
  return checkSavedSubtitles({
    startedAt,
    mode: settings.qualityCheck,
    overrides: settings.qualityRules,
    workspace: settings.workspace,
    saved: record.followed.flatMap((order) => order.files.map((file) => ({ file, language: order.language }))),
    log: context.io.log,
    clock: context.clock,
    signal: context.abort,
  });
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
    const markerKey = commentMarkerKey(
      context.env,
      io.getInput('media').trim(),
      io.getInput('project-id').trim(),
      io.getInput('order-type').trim() || 'subtitle',
      io
        .getInput('target-languages')
        .split(/[\s,]+/)
        .filter((l) => l !== ''),
    );
    await commentOnPullRequest(context, workflow, { token: io.getInput('github-token').trim(), wanted, markerKey }, (comment) =>
      renderInputProblemsComment(problems, comment),
    );
    io.log.info(inputProblemsResultLine(problems.length));
    return 1;
  }
}

/**
 * The media files (media/prepare.ts: found, the action's own outputs left out, every output path
 * checked), or the exit code when they stop the run before any request.
 */
async function readMedia(io: ActionIO, settings: Settings): Promise<MediaFile[] | number> {
  try {
    return await (await import('./media/prepare.ts')).prepareMedia(settings, io.log);
  } catch (error) {
    io.setFailed(error instanceof InputError ? error.message : `Invalid input: ${errorMessage(error)}`);
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
  media: readonly MediaFile[],
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

  const choose: ChooseContext = {
    // mode run waits for what it buys: nothing is bought once the deadline has passed (a long upload).
    client: settings.mode === 'run' && settings.timeoutMs > 0 ? noCreateAfter(client, deadline, clock, settings.timeoutMs) : client,
    settings,
    log,
    clock,
    sleep: context.sleep,
    signal: context.abort,
    state,
    ...(memory ? { memory } : {}),
  };
  const wouldUpload: string[] = [];
  const chosen =
    settings.media === ''
      ? await log.group('Choosing orders', () => chooseOrders(choose))
      : await log.group(`Projects and orders for ${media.length} media file(s)`, () =>
          chooseForMedia(context, workflow, choose, media, record, wouldUpload),
        );
  record.followed.push(...chosen.followed);
  record.ordersChosen = true;
  if (chosen.failure) recordFailure(record, chosen.failure);

  if (settings.dryRun) {
    record.plan = chosen.plan;
    const uploads = wouldUpload;
    log.info(
      `Dry run: ${settings.media === '' ? '' : `would upload ${uploads.length ? uploads.join(', ') : 'nothing'}; `}would create ${chosen.plan.create.length ? chosen.plan.create.join(', ') : 'nothing'}; would reuse ${chosen.plan.reuse.map((r) => `${r.language} (${r.orderId})`).join(', ') || 'nothing'}.`,
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
  // Orders confirmed moments ago need no second look in the wait's first cycle (their signed URLs are fresh).
  const freshSince = clock() - FRESH_ORDER_MS;
  const fresh = new Map((chosen.fresh ?? []).filter((f) => f.at >= freshSince).map((f) => [f.order.id, f.order]));
  await waitAndDownload(context, settings, client, stop, record, deadline, media, fresh);
}

/** How old an order read while choosing may be and still stand for the wait's first look. */
const FRESH_ORDER_MS = 2 * 60_000;

/**
 * With media: each file's content key, its project found or uploaded (media/projects.ts), and
 * each project's orders chosen as soon as the project is known, while other files may still be
 * uploading (orders/choose.ts). A file without a project (a failed upload, collect) is named.
 */
async function chooseForMedia(
  context: RunContext,
  workflow: WorkflowContext,
  choose: ChooseContext,
  media: readonly MediaFile[],
  record: RunRecord,
  /** Filled for a dry run: each content that would be uploaded, named once. */
  wouldUpload: string[],
): Promise<ChosenOrders> {
  const { settings, client, log } = choose;
  const { contentKeys } = await import('./media/content-key.ts');
  const { findOrUploadProjects, searchAllProjects } = await import('./media/projects.ts');
  const keys = await contentKeys(media, { workspace: settings.workspace, signal: context.abort });
  if (keys.gitProblem) log.debug(`Content keys: git's index was not used (${keys.gitProblem}); each file was read and hashed.`);
  // A re-run's orders are the newest of their type: one scan across every project, a page per 50
  // orders (and 2 more), stands in for a scan per project where it shows all of a project's
  // languages; only when it reads fewer pages than there are files (a busy account's other orders
  // can fill it, and a scan per project is one page each).
  const { recentOrders } = await import('./orders/reuse.ts');
  const pages = Math.ceil((media.length * settings.targetLanguages.length) / 50) + 2;
  const chooser = chooseForProjects(pages < media.length ? { ...choose, recent: recentOrders(client, settings.orderType, pages) } : choose);
  // Known as they settle: an aborted run still reports the projects it found or made.
  const known = new Map<string, MediaProject>();
  const settled = (): MediaProject[] => media.flatMap((f) => known.get(f.path) ?? []);
  const projects = await findOrUploadProjects(
    media.map((f) => ({ media: f.path, absolutePath: f.absolutePath, size: f.size, key: keys.keys.get(f.path)!.key })),
    {
      sourceLanguage: settings.sourceLanguage ?? '',
      mode: settings.dryRun ? 'dry-run' : settings.mode === 'collect' ? 'find-only' : 'upload',
      ...(workflow.repository ? { repository: workflow.repository } : {}),
      signal: context.abort,
      onProject: (project, files, contentProjects) => {
        for (const file of files) known.set(file, { media: file, ...project });
        record.projects = settled();
        if (project.projectId)
          chooser.add({
            projectId: project.projectId,
            otherProjectIds: project.otherProjectIds ?? [],
            media: files,
            ...(project.withoutOrders ? { withoutOrders: true } : {}),
            contentProjects,
          });
      },
    },
    {
      search: searchAllProjects(client, { warn: (message) => log.warning(message) }),
      upload: (request) =>
        client.uploadMedia({
          filePath: request.absolutePath,
          name: request.name,
          sourceLanguage: request.sourceLanguage,
          onProgress: request.onProgress,
          ...(request.signal ? { signal: request.signal } : {}),
        }),
      clock: context.clock,
      sleep: context.sleep,
      log,
    },
  );
  record.projects = projects;
  const chosen = await chooser.done();
  // One content at two paths is one upload and one order per language: the plan and the counts go by content.
  const keyOf = (media: string): string => keys.keys.get(media)!.key;
  const pathsOf = (media: string): string[] => projects.filter((p) => keyOf(p.media) === keyOf(media)).map((p) => p.media);
  const firstOfContent = (media: string): boolean => pathsOf(media)[0] === media;
  for (const project of projects) {
    if (project.outcome === 'would-upload' && firstOfContent(project.media)) {
      chosen.plan.create.push(...settings.targetLanguages.map((l) => `${l} (${project.media})`));
      const also = pathsOf(project.media).slice(1);
      wouldUpload.push(also.length > 0 ? `${project.media} (the content of ${also.join(', ')} too)` : project.media);
    }
    if (project.outcome === 'failed' && project.error) {
      log.warning(project.error, { title: 'Media file not localized' });
      recordFailure(record, project.error);
    }
    if (project.outcome === 'missing' && project.error) log.warning(project.error, { title: 'Media file without a project' });
  }
  const uploaded = projects.filter((p) => p.uploaded && firstOfContent(p.media)).length;
  const contents = new Set(projects.map((p) => keyOf(p.media))).size;
  log.info(
    `Media: ${projects.length} file(s)${contents < projects.length ? ` (${contents} contents)` : ''}, ${uploaded} uploaded by this run, ${projects.filter((p) => p.outcome === 'found' && firstOfContent(p.media)).length} found.`,
  );
  return chosen;
}

/** Waits for the followed orders, downloading each one's outputs as soon as they are published. */
async function waitAndDownload(
  context: RunContext,
  settings: Settings,
  client: OllangClient,
  stop: StopContext,
  record: RunRecord,
  deadline: number,
  media: readonly MediaFile[],
  fresh: ReadonlyMap<string, Order>,
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
    ...(settings.media !== ''
      ? {
          mediaFiles: media.map((f) => f.path),
          outputSuffixes: new Map(media.flatMap((f) => (f.outputSuffix ? [[f.path, f.outputSuffix] as const] : []))),
        }
      : {}),
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
      fresh,
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

/** `mode: cancel`: the orders it handled are reported as they ended. With media: the orders of the files' projects. */
async function cancelMode(
  context: RunContext,
  workflow: WorkflowContext,
  stop: StopContext,
  client: OllangClient,
  record: RunRecord,
  media: readonly MediaFile[],
): Promise<void> {
  let projectIds: string[] | undefined;
  if (stop.settings.media !== '') {
    const { contentKeys } = await import('./media/content-key.ts');
    const { findOrUploadProjects, searchAllProjects } = await import('./media/projects.ts');
    const keys = await contentKeys(media, { workspace: stop.settings.workspace, signal: context.abort });
    record.projects = await findOrUploadProjects(
      media.map((f) => ({ media: f.path, absolutePath: f.absolutePath, size: f.size, key: keys.keys.get(f.path)!.key })),
      {
        sourceLanguage: stop.settings.sourceLanguage ?? '',
        mode: 'find-only',
        ...(workflow.repository ? { repository: workflow.repository } : {}),
        signal: context.abort,
      },
      {
        search: searchAllProjects(client, { warn: (message) => stop.log.warning(message) }),
        upload: () => Promise.reject(new Error('mode: cancel never uploads')),
        clock: context.clock,
        sleep: context.sleep,
        log: stop.log,
      },
    );
    for (const p of record.projects) if (p.error) stop.log.info(`${p.error}: nothing to cancel for it.`);
    projectIds = record.projects.flatMap((p) => (p.projectId ? [p.projectId, ...(p.otherProjectIds ?? [])] : []));
  }
  const outcome = await cancelOrders(stop, client, projectIds);
  record.ended = outcome.ended;
  if (outcome.failure) recordFailure(record, outcome.failure);
  const { projectId, orderType } = stop.settings;
  // With media: a row per media file of the order's project (one content at two paths: two rows).
  const mediaOf = (id: string): string[] =>
    record.projects.filter((p) => p.projectId === id || (p.otherProjectIds ?? []).includes(id)).map((p) => p.media);
  for (const { type, ...o } of outcome.handled) {
    const row = { ...o, projectId: o.projectId ?? projectId, type: type ?? orderType, created: false, files: [] };
    const files = mediaOf(row.projectId);
    record.cancelled.push(...(files.length > 0 ? files.map((media) => ({ ...row, media })) : [row]));
  }
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
    markerKey: commentMarkerKey(context.env, settings.media, settings.projectId, settings.orderType, settings.targetLanguages),
  };
  await commentOnPullRequest(context, workflow, comment, (commentContext) => renderComment(report, commentContext));
  return { resultLine };
}

/**
 * The PR comment's key: the project and order type. With media, the text of `media` changes with
 * each push's changed files: the step itself (workflow, job, step) is the stable key, with the
 * target languages, which set a matrix's legs apart (they share the job and step).
 */
function commentMarkerKey(
  env: Record<string, string | undefined>,
  media: string,
  projectId: string,
  orderType: string,
  targetLanguages: readonly string[],
): string {
  const { GITHUB_WORKFLOW: workflowName = '', GITHUB_JOB: job = '', GITHUB_ACTION: step = '' } = env;
  const languages = [...new Set(targetLanguages.map((l) => l.toLowerCase()))].sort().join(',');
  return `${media ? `media@${workflowName}/${job}/${step}/${languages}` : projectId}:${orderType}`;
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

/**
 * The client, with Create Order refused once `deadline` has passed: the order would be bought
 * only to time out at once (left running, or cancelled straight away with on-timeout: cancel).
 * The refusal is an ordinary create failure (orders/create.ts): nothing sent, nothing bought.
 */
function noCreateAfter(client: OllangClient, deadline: number, clock: Clock, timeoutMs: number): OllangClient {
  const createOrder: OllangClient['createOrder'] = (request) => {
    if (clock() < deadline) return client.createOrder(request);
    return Promise.reject(
      new Error(
        `the timeout (${formatDuration(timeoutMs)}) had passed before ordering, so nothing was bought. timeout counts uploads too: set a longer one, or use mode: submit to order without waiting`,
      ),
    );
  };
  return new Proxy(client, {
    get(target, property) {
      if (property === 'createOrder') return createOrder;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The failure's message, with what to check where the cause is most likely an input (ollang/errors.ts). */
function describeError(error: unknown): string {
  return explainError(error, errorMessage(error));
}
