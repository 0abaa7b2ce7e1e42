/**
 * The job summary and the PR comment, both rendered from the RunReport.
 *
 * Order IDs, statuses, file names and problem texts come from the Ollang API, which the action
 * does not control: everything such goes through `code()` or `text()` below so that a hostile
 * value can neither break the table, inject HTML or Markdown (links, images), nor mention
 * people in a PR comment.
 */
import type { OrderReport, RunReport, RunStatus } from './model.ts';
import { approximately, formatDuration } from '../duration.ts';
import { isCancelled, statusMeaning } from '../ollang/status.ts';
import { qualityCommentSection, qualitySummary } from '../quality/report.ts';
import { qualityFailureBrief } from '../quality/verdict.ts';

/**
 * File links: a file is linked only through the artifact the run uploaded (the `artifact`
 * input). The files were just downloaded and are not in the commit being built, so a
 * `blob/<GITHUB_SHA>/<path>` link would be a 404, or worse an older committed copy; paths are
 * shown as plain text, which is also what they are inside the artifact.
 */
export interface CommentContext {
  /** Keeps two steps of one workflow in separate comments: project ID + order type. */
  markerKey: string;
  /** The pull request's head commit the run was for: the comment says which commit it describes. */
  headSha?: string;
  /** The workflow run's page (github-context.ts): where the job summary and the log are. */
  runUrl?: string;
}

const RUN_STATUS_LABEL: Record<RunStatus, string> = {
  completed: '✅ completed',
  partial: '⚠️ partial',
  pending: '⏳ pending',
  'timed-out': '⏱️ timed out',
  failed: '❌ failed',
  cancelled: '🚫 cancelled',
  'dry-run': '🧪 dry run',
};

/** The summary limit is 1 MiB and a comment body 65,536 characters: long file lists are cut. */
const MAX_FILES_IN_SUMMARY = 50;
const MAX_FILES_IN_COMMENT = 10;
/**
 * What a rendering may weigh, in UTF-8 bytes (never fewer than characters): GitHub refuses a
 * comment body over 65,536 characters and a step summary over 1 MiB. Rows and problems beyond
 * these are left out, and a line says how many (see `fit`).
 */
export const COMMENT_BUDGET_BYTES = 60_000;
export const SUMMARY_BUDGET_BYTES = 1_000_000; // the quality section, last, gets what the rest left (quality/report.ts)
/** One problem or failure text from the API is cut here (the log has it whole). */
const MAX_PROBLEM_CHARS = 1_000;
const MAX_FAILURE_CHARS = 3_000;

/** The hidden marker that finds this action's comment again (HTML comments do not render). */
export function commentMarker(markerKey: string): string {
  // encodeURIComponent is injective and leaves no '>' that could close the comment early.
  return `<!-- ollang-localize-action:${encodeURIComponent(markerKey)} -->`;
}

export function renderSummary(report: RunReport): string {
  return summary(report).markdown;
}

/** How many of the subtitle check's findings the job summary lists: the notice after the annotations says. */
export function qualityFindingsInSummary(report: RunReport): number {
  return summary(report).qualityListed;
}

/** The summary within its budget: the orders and problems first, the quality section in what they leave. */
function summary(report: RunReport): { markdown: string; qualityListed: number } {
  const lines: Part[] = [];
  lines.push(`## Ollang localization — ${RUN_STATUS_LABEL[report.status]}`, '');
  if (report.failure) lines.push(`**What went wrong:** ${failureText(report.failure)}`, '');
  lines.push(contextLine(report), '');
  if (report.projects.length > 0) lines.push(mediaLine(report), '');
  const more = 'not shown (the job summary is limited to 1 MiB); the `orders` output lists every order';
  if (report.orders.length > 0) lines.push(...orderTable(report, MAX_FILES_IN_SUMMARY, more), '');
  lines.push(totalsLine(report), '');
  const files = filesLine(report);
  if (files) lines.push(files, '');
  lines.push(timingsLine(report), '');
  if (report.plan) lines.push(...planLines(report.plan), '');
  const problems = problemLines(report.orders, more);
  if (problems) lines.push('### Problems', '', problems, '');
  const fitted = fit(lines, SUMMARY_BUDGET_BYTES);
  if (!report.quality) return { markdown: fitted.join('\n'), qualityListed: 0 };
  const used = Buffer.byteLength(fitted.join('\n'), 'utf8') + 1;
  const quality = qualitySummary(report.quality.mode, report.quality.files, SUMMARY_BUDGET_BYTES - used);
  return { markdown: [...fitted, quality.markdown].join('\n'), qualityListed: quality.findingsListed };
}

export function renderComment(report: RunReport, context: CommentContext): string {
  const lines: Part[] = [commentMarker(context.markerKey)];
  lines.push(`### Ollang localization — ${RUN_STATUS_LABEL[report.status]}`, '');
  if (report.failure) lines.push(`**What went wrong:** ${failureText(report.failure)}`, '');
  const more = `not shown here: see the job summary${context.runUrl ? ` of [this run](${context.runUrl})` : ''}`;
  if (report.orders.length > 0) lines.push(...orderTable(report, MAX_FILES_IN_COMMENT, more), '');
  if (report.languagesWithoutOrder.length > 0) {
    lines.push(`Languages without an order: ${report.languagesWithoutOrder.map((language) => inlineCode(language)).join(', ')}`, '');
  }
  const files = filesLine(report);
  if (files) lines.push(files, '');
  if (report.plan) lines.push(...planLines(report.plan), '');
  lines.push(`Cost: ${plural(report.createdCount, 'order')} created, ${report.reusedCount} reused`);
  const problems = problemLines(report.orders, more);
  if (problems) lines.push('', '**Problems**', '', problems);
  if (report.quality) lines.push(...qualityCommentSection(report.quality.mode, report.quality.files));
  const run = runLine(context);
  if (run) lines.push('', run);
  return fit(lines, COMMENT_BUDGET_BYTES).join('\n') + '\n';
}

/** The summary of a run the inputs stopped: every bad input, before any request. */
export function renderInputProblems(problems: readonly { input: string; message: string }[]): string {
  return [`## Ollang localization — ${RUN_STATUS_LABEL.failed}`, '', ...inputProblemLines(problems), ''].join('\n');
}

/**
 * The PR comment of a run the inputs stopped: it replaces the results of an earlier push, which
 * would otherwise stand for this commit too.
 */
export function renderInputProblemsComment(problems: readonly { input: string; message: string }[], context: CommentContext): string {
  const lines = [
    commentMarker(context.markerKey),
    `### Ollang localization — ${RUN_STATUS_LABEL.failed}`,
    '',
    ...inputProblemLines(problems),
  ];
  const run = runLine(context);
  if (run) lines.push('', run);
  return fit(lines, COMMENT_BUDGET_BYTES).join('\n') + '\n';
}

function inputProblemLines(problems: readonly { input: string; message: string }[]): string[] {
  return [
    `**What went wrong:** ${problems.length === 1 ? 'an input is' : `${problems.length} inputs are`} not valid, so nothing was sent to Ollang. Fix ${problems.length === 1 ? 'it' : 'them'} in the workflow file:`,
    '',
    ...problems.map((problem) => `- ${inlineCode(problem.input)}: ${text(cut(problem.message, MAX_PROBLEM_CHARS))}`),
  ];
}

/** "Commit `1a2b3c4` · [workflow run](…)": which push and which run the comment describes. */
function runLine(context: CommentContext): string | undefined {
  const parts = [
    ...(context.headSha ? [`Commit ${inlineCode(context.headSha.slice(0, 7))}`] : []),
    ...(context.runUrl ? [`[workflow run](${context.runUrl})`] : []),
  ];
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/**
 * The one line printed last, outside any log group, so that a collapsed log still shows what
 * happened (as actions/cache's "Cache restored from key: ..."): the status and the counts.
 */
export function resultLine(report: RunReport): string {
  const head = `Ollang localization ${report.status.replace('-', ' ')}`;
  if (report.mode === 'cancel') return `${head} (mode: cancel): ${cancelCounts(report)}.`;
  if (report.plan) {
    const reuse = report.plan.reuse.map((r) => r.language);
    return `${head}: would create ${report.plan.create.join(', ') || 'nothing'}; would reuse ${reuse.join(', ') || 'nothing'}.`;
  }
  const files = report.orders.reduce((sum, o) => sum + o.files.length, 0);
  const delivered = report.orders.filter((o) => o.files.length > 0).length;
  const parts = [
    report.orders.length === 0
      ? 'no order followed'
      : `${plural(report.orders.length, 'order')} (${report.createdCount} created, ${report.reusedCount} reused), ${delivered} with files`,
    `${plural(files, 'file')} downloaded${files > 0 ? ` ${whereSaved(report) ?? 'into the workspace'}` : ''}`,
  ];
  if (report.languagesWithoutOrder.length > 0) parts.push(`no order for ${report.languagesWithoutOrder.join(', ')}`);
  if (report.artifact?.url) parts.push(`artifact ${report.artifact.name}: ${report.artifact.url}`);
  // The step can be red for the subtitles alone (quality-check: fail or strict): say so here too.
  const quality = report.quality && qualityFailureBrief(report.quality.mode, report.quality.files);
  if (quality) parts.push(quality);
  return `${head}: ${parts.join('; ')}.`;
}

/** The result line of a run skipped because GitHub withheld the API key on purpose (inputs.ts: SecretWithheldError). */
export function skippedResultLine(reason: 'fork' | 'dependabot'): string {
  const why = reason === 'fork' ? 'a pull request from a fork gets no secrets' : 'a run Dependabot started gets only Dependabot secrets';
  return `Ollang localization skipped: api-key is empty (${why}); nothing was sent to Ollang.`;
}

/** The result line of a run the inputs stopped. */
export function inputProblemsResultLine(count: number): string {
  return `Ollang localization failed: ${count === 1 ? 'an input is' : `${count} inputs are`} not valid; nothing was sent to Ollang.`;
}

function contextLine(report: RunReport): string {
  const what = report.projects.length > 0 ? `${plural(report.projects.length, 'media file')}` : `Project ${inlineCode(report.projectId)}`;
  const where = report.mode === 'cancel' ? undefined : whereSaved(report);
  const output = where === undefined ? '' : ` · output ${where.startsWith('to ') ? inlineCode(where.slice(3)) : where}`;
  return `${what} · mode \`${report.mode}\`${output}`;
}

/**
 * Where the run's files went, from the paths it saved, never from `output-dir` alone: with `media`
 * or an `output-path` without `{output-dir}` they are elsewhere. "to localized" when every file is
 * under `output-dir`; "beside the media files" when each sits in its media file's folder; "to <folder>"
 * for the folder they share; undefined when they share none. Before any file: `output-dir` for a
 * run without media (the default template), nothing for a media run.
 */
export function whereSaved(report: RunReport): string | undefined {
  const files = report.orders.flatMap((o) => o.files);
  const outputDir = report.outputDir === '.' ? '' : report.outputDir;
  if (files.length === 0) return report.projects.length > 0 ? undefined : `to ${report.outputDir || '.'}`;
  if (files.every((file) => outputDir === '' || file.startsWith(`${outputDir}/`))) return `to ${report.outputDir || '.'}`;
  const folder = (file: string): string => file.slice(0, Math.max(0, file.lastIndexOf('/')));
  const mediaFolders = new Set(report.projects.map((p) => folder(p.media)));
  if (mediaFolders.size > 0 && files.every((file) => mediaFolders.has(folder(file)))) return 'beside the media files';
  let common = folder(files[0]!);
  for (const file of files) while (common !== '' && !file.startsWith(`${common}/`)) common = folder(common);
  return common === '' ? undefined : `to ${common}`;
}

/** "2 media files: 1 uploaded, 1 found" and each file's project. */
function mediaLine(report: RunReport): string {
  const counts = new Map<string, number>();
  for (const project of report.projects) counts.set(project.outcome, (counts.get(project.outcome) ?? 0) + 1);
  const words: Record<string, string> = {
    uploaded: 'uploaded',
    found: 'found (uploaded before)',
    missing: 'without a project',
    'would-upload': 'would be uploaded',
    failed: 'failed',
  };
  const totals = [...counts].map(([outcome, count]) => `${count} ${words[outcome] ?? outcome}`).join(', ');
  const each = report.projects
    .map((p) => `${inlineCode(p.media)} (${p.projectId ? `project ${inlineCode(p.projectId)}, ` : ''}${words[p.outcome] ?? p.outcome})`)
    .join(', ');
  return `Media: ${totals}. ${each}.`;
}

/** The order table: its header, then its rows, which `fit` may cut ("…and 12 more rows, <more>"). */
function orderTable(report: RunReport, maxFiles: number, more: string): Part[] {
  const cancelMode = report.mode === 'cancel';
  const withMedia = report.orders.some((o) => o.media);
  const header = [...(withMedia ? ['Media'] : []), 'Language', 'Status', 'Order', ...(cancelMode ? [] : ['Files'])];
  const rows: string[] = [];
  for (const order of byMedia(report)) {
    const cells = [...(withMedia ? [order.media ? code(order.media) : '—'] : []), code(order.language), statusCell(order)];
    cells.push(`${code(order.orderId)}${cancelMode ? '' : order.created ? ' (created)' : order.given ? ' (given)' : ' (reused)'}`);
    if (!cancelMode) {
      const shown = order.files.slice(0, maxFiles).map((file) => code(file));
      if (order.files.length > maxFiles) shown.push(`and ${order.files.length - maxFiles} more`);
      cells.push(shown.length > 0 ? shown.join('<br>') : '—');
    }
    rows.push(`| ${cells.join(' | ')} |`);
  }
  // A paragraph after a table needs a blank line, or GFM reads it as one more row.
  const cutRows: Cuttable = { lines: rows, rest: (left) => ['', `…and ${plural(left, 'more row')}, ${more}.`] };
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---|').join('')}`, cutRows];
}

/** One row per media file and language: the orders grouped by media file, in the order of `projects`. */
function byMedia(report: RunReport): OrderReport[] {
  const rank = new Map(report.projects.map((project, index) => [project.media, index]));
  const rankOf = (o: OrderReport): number => (o.media === undefined ? -1 : (rank.get(o.media) ?? report.projects.length));
  return report.orders
    .map((order, index) => ({ order, index }))
    .sort((a, b) => rankOf(a.order) - rankOf(b.order) || a.index - b.index)
    .map(({ order }) => order);
}

/** "⏱️ timed-out — left running (on-timeout: fail)": the status, and what became of the order. */
function statusCell(order: OrderReport): string {
  return `${orderStatusEmoji(order.status)} ${text(order.status)}${order.outcome ? ` — ${text(order.outcome)}` : ''}`;
}

function totalsLine(report: RunReport): string {
  if (report.mode === 'cancel') return `${cancelCounts(report).replace(/^./, (c) => c.toUpperCase())}.`;
  let line =
    report.orders.length === 0
      ? 'No order was followed.'
      : `${plural(report.orders.length, 'order')}: ${report.createdCount} created, ${report.reusedCount} reused.`;
  if (report.languagesWithoutOrder.length > 0) {
    line += ` Languages without an order: ${report.languagesWithoutOrder.map((language) => inlineCode(language)).join(', ')}.`;
  }
  return line;
}

/** "2 cancelled by this run, 1 had already finished" (mode: cancel), from what became of each order. */
function cancelCounts(report: RunReport): string {
  if (report.orders.length === 0)
    return report.status === 'dry-run'
      ? 'nothing would be cancelled: no unfinished order found'
      : report.status === 'failed'
        ? 'nothing cancelled: no unfinished order found among the orders read'
        : 'nothing to cancel: no unfinished order found';
  const counts = new Map<string, number>();
  for (const order of report.orders) {
    const outcome = (order.outcome ?? order.status).split(':')[0]!;
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  return [...counts].map(([outcome, count]) => `${count} ${outcome}`).join(', ');
}

/** Where the files are: the artifact's link, or why there is none. */
function filesLine(report: RunReport): string | undefined {
  const count = report.orders.reduce((sum, o) => sum + o.files.length, 0);
  const artifact = report.artifact;
  if (count === 0) return undefined;
  if (artifact?.url) return `Files: in the artifact [${code(artifact.name)}](${artifact.url}), at the paths above.`;
  if (artifact)
    return `Files: in this job's workspace only; the artifact ${inlineCode(artifact.name)} was not uploaded (${text(artifact.problem ?? 'no URL')}).`;
  return undefined;
}

function timingsLine(report: RunReport): string {
  const { waitedMs, downloadedMs, totalMs } = report.timings;
  if (waitedMs === 0 && downloadedMs === 0) return `Took ${took(totalMs)}.`;
  return `Waited ${took(waitedMs)}, downloaded in ${took(downloadedMs)}, ${took(totalMs)} in all.`;
}

function planLines(plan: NonNullable<RunReport['plan']>): string[] {
  const lines = ['**Dry run:** nothing was created or cancelled.', ''];
  lines.push(`- Would create: ${plan.create.length > 0 ? plan.create.map((language) => inlineCode(language)).join(', ') : 'nothing'}`);
  lines.push(
    `- Would reuse: ${
      plan.reuse.length > 0
        ? plan.reuse.map((item) => `${inlineCode(item.language)} (order ${inlineCode(item.orderId)})`).join(', ')
        : 'nothing'
    }`,
  );
  return lines;
}

/** One line per order with a problem; `fit` keeps them before table rows, the more useful of the two. */
function problemLines(orders: OrderReport[], more: string): Cuttable | undefined {
  const lines = orders
    .filter((order) => order.problem)
    .map(
      (order) =>
        `- ${inlineCode(order.language)}, order ${inlineCode(order.orderId)}: ${text(cut(order.problem ?? '', MAX_PROBLEM_CHARS))}`,
    );
  return lines.length > 0 ? { lines, rest: (left) => [`- …and ${plural(left, 'more problem')}, ${more}.`], first: true } : undefined;
}

/** The run's failure, cut where an API message makes it long (the log and `setFailed` have it whole). */
function failureText(failure: string): string {
  const short = cut(failure, MAX_FAILURE_CHARS);
  return text(short) + (short === failure ? '' : ' (cut here: the step log has the whole message)');
}

/** At most `max` characters (code points), with "…" where it was cut. */
function cut(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Lines that may be left out when a rendering outgrows its budget, and what stands for the
 * ones left out. `first`: given room before the others (problems before table rows).
 */
interface Cuttable {
  lines: string[];
  rest: (left: number) => string[];
  first?: boolean;
}
type Part = string | Cuttable;

/**
 * The lines of a rendering within `budget` bytes: every plain line, and as many lines of each
 * Cuttable as the room left allows, each Cuttable cut at its end with its `rest` in place of
 * what was left out. Nothing is cut when everything fits.
 */
function fit(parts: readonly Part[], budget: number): string[] {
  const size = (lines: readonly string[]): number => lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
  const whole = (part: Part): string[] => (typeof part === 'string' ? [part] : part.lines);
  if (size(parts.flatMap(whole)) <= budget) return parts.flatMap(whole);
  const lists = parts.filter((part): part is Cuttable => typeof part !== 'string');
  // Each list's "…and N more" line is kept room for, whatever happens to the others.
  let room =
    budget -
    size(parts.filter((part): part is string => typeof part === 'string')) -
    size(lists.flatMap((list) => list.rest(list.lines.length)));
  const kept = new Map<Cuttable, number>();
  for (const list of [...lists.filter((l) => l.first), ...lists.filter((l) => !l.first)]) {
    let count = 0;
    while (count < list.lines.length && size([list.lines[count]!]) <= room) {
      room -= size([list.lines[count]!]);
      count += 1;
    }
    kept.set(list, count);
  }
  return parts.flatMap((part) => {
    if (typeof part === 'string') return [part];
    const count = kept.get(part) ?? 0;
    return count === part.lines.length ? part.lines : [...part.lines.slice(0, count), ...part.rest(part.lines.length - count)];
  });
}

/** The action's own words first (`timed-out`, `download-failed`, `cancel-failed`), then what Ollang's status means. */
function orderStatusEmoji(status: string): string {
  if (status === 'timed-out') return '⏱️';
  if (status === 'download-failed') return '⚠️';
  if (status === 'cancel-failed' || status === 'not-found') return '❌';
  if (isCancelled(status)) return '🚫';
  const meaning = statusMeaning(status);
  return meaning === 'finished-well' ? '✅' : meaning === 'finished-badly' ? '❌' : '⏳';
}

/**
 * A code span for an untrusted value inside a table cell. Inside a code span HTML, Markdown and
 * @mentions are inert; only the fence (a backtick run longer than any inside) and the table's
 * `|` (GFM removes the backslash of `\|` in cells, even in code spans) need care.
 * A newline would end the table row: it becomes a space.
 */
export function code(value: string): string {
  return fence(value.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\|/g, '\\|'));
}

/** A code span outside tables, where `\|` would show its backslash. */
function inlineCode(value: string): string {
  return fence(value.replace(/[\r\n\u2028\u2029]+/g, ' '));
}

function fence(flat: string): string {
  if (flat.trim() === '') return '—';
  const longestRun = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Untrusted prose (a problem sentence, a status word): one line, HTML as entities, Markdown
 * punctuation backslash-escaped, and `@` followed by a zero-width space so that a name in an
 * API message does not notify anybody from the PR comment.
 */
export function text(value: string): string {
  return (
    value
      .replace(/[\r\n\u2028\u2029]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/[\\`*_{}[\]()+\-.!|~]/g, '\\$&')
      // GitHub turns `@name` into a notification and `#123` into a cross-reference even after
      // Markdown escaping; a zero-width space after the sign stops both.
      .replace(/[@#]/g, '$&\u200b')
  );
}

/** "45s", "3m 5s", "850ms": durations for a reader (duration.ts). */
function took(ms: number): string {
  return formatDuration(approximately(ms));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
