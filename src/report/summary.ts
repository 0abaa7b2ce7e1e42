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

/**
 * File links: a file is linked only through the artifact the run uploaded (the `artifact`
 * input). The files were just downloaded and are not in the commit being built, so a
 * `blob/<GITHUB_SHA>/<path>` link would be a 404, or worse an older committed copy; paths are
 * shown as plain text, which is also what they are inside the artifact.
 */
export interface CommentContext {
  /** Keeps two steps of one workflow in separate comments: project ID + order type. */
  markerKey: string;
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

/**
 * GitHub refuses a step's whole job summary past 1 MiB (1,048,576 bytes): the summary stays within
 * this, with room to spare. The quality section, last, gets what the rest left (quality/report.ts).
 */
export const SUMMARY_BYTES = 1_000_000;

/** The summary limit is 1 MiB and a comment body 65,536 characters: long file lists are cut. */
const MAX_FILES_IN_SUMMARY = 50;
const MAX_FILES_IN_COMMENT = 10;

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

function summary(report: RunReport): { markdown: string; qualityListed: number } {
  const lines: string[] = [];
  lines.push(`## Ollang localization — ${RUN_STATUS_LABEL[report.status]}`, '');
  if (report.failure) lines.push(`**What went wrong:** ${text(report.failure)}`, '');
  lines.push(contextLine(report), '');
  if (report.projects.length > 0) lines.push(mediaLine(report), '');
  if (report.orders.length > 0) lines.push(...orderTable(report, MAX_FILES_IN_SUMMARY), '');
  lines.push(totalsLine(report), '');
  const files = filesLine(report);
  if (files) lines.push(files, '');
  lines.push(timingsLine(report), '');
  if (report.plan) lines.push(...planLines(report.plan), '');
  const problems = problemLines(report.orders);
  if (problems.length > 0) lines.push('### Problems', '', ...problems, '');
  if (!report.quality) return { markdown: lines.join('\n'), qualityListed: 0 };
  const rest = Buffer.byteLength(lines.join('\n'), 'utf8') + 1;
  const quality = qualitySummary(report.quality.mode, report.quality.files, SUMMARY_BYTES - rest);
  lines.push(quality.markdown);
  return { markdown: lines.join('\n'), qualityListed: quality.findingsListed };
}

export function renderComment(report: RunReport, context: CommentContext): string {
  const lines: string[] = [commentMarker(context.markerKey)];
  lines.push(`### Ollang localization — ${RUN_STATUS_LABEL[report.status]}`, '');
  if (report.failure) lines.push(`**What went wrong:** ${text(report.failure)}`, '');
  if (report.orders.length > 0) lines.push(...orderTable(report, MAX_FILES_IN_COMMENT), '');
  if (report.languagesWithoutOrder.length > 0) {
    lines.push(`Languages without an order: ${report.languagesWithoutOrder.map((language) => inlineCode(language)).join(', ')}`, '');
  }
  const files = filesLine(report);
  if (files) lines.push(files, '');
  if (report.plan) lines.push(...planLines(report.plan), '');
  lines.push(`Cost: ${plural(report.createdCount, 'order')} created, ${report.reusedCount} reused`);
  const problems = problemLines(report.orders);
  if (problems.length > 0) lines.push('', '**Problems**', '', ...problems);
  if (report.quality) lines.push(...qualityCommentSection(report.quality.mode, report.quality.files));
  return lines.join('\n') + '\n';
}

/** The summary of a run the inputs stopped: every bad input, before any request. */
export function renderInputProblems(problems: readonly { input: string; message: string }[]): string {
  return [
    `## Ollang localization — ${RUN_STATUS_LABEL.failed}`,
    '',
    `**What went wrong:** ${problems.length === 1 ? 'an input is' : `${problems.length} inputs are`} not valid, so nothing was sent to Ollang. Fix ${problems.length === 1 ? 'it' : 'them'} in the workflow file:`,
    '',
    ...problems.map((problem) => `- ${inlineCode(problem.input)}: ${text(problem.message)}`),
    '',
  ].join('\n');
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
    `${plural(files, 'file')} downloaded${files > 0 ? ` to ${report.outputDir}` : ''}`,
  ];
  if (report.languagesWithoutOrder.length > 0) parts.push(`no order for ${report.languagesWithoutOrder.join(', ')}`);
  if (report.artifact?.url) parts.push(`artifact ${report.artifact.name}: ${report.artifact.url}`);
  return `${head}: ${parts.join('; ')}.`;
}

/** The result line of a run the inputs stopped. */
export function inputProblemsResultLine(count: number): string {
  return `Ollang localization failed: ${count === 1 ? 'an input is' : `${count} inputs are`} not valid; nothing was sent to Ollang.`;
}

function contextLine(report: RunReport): string {
  const where = report.projects.length > 0 ? `${plural(report.projects.length, 'media file')}` : `Project ${inlineCode(report.projectId)}`;
  const output = report.mode === 'cancel' ? '' : ` · output ${inlineCode(report.outputDir)}`;
  return `${where} · mode \`${report.mode}\`${output}`;
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

function orderTable(report: RunReport, maxFiles: number): string[] {
  const cancelMode = report.mode === 'cancel';
  const withMedia = report.orders.some((o) => o.media);
  const header = [...(withMedia ? ['Media'] : []), 'Language', 'Status', 'Order', ...(cancelMode ? [] : ['Files'])];
  const rows = [`| ${header.join(' | ')} |`, `|${header.map(() => '---|').join('')}`];
  for (const order of byMedia(report)) {
    const cells = [...(withMedia ? [order.media ? code(order.media) : '—'] : []), code(order.language), statusCell(order)];
    cells.push(`${code(order.orderId)}${cancelMode ? '' : order.created ? ' (created)' : ' (reused)'}`);
    if (!cancelMode) {
      const shown = order.files.slice(0, maxFiles).map((file) => code(file));
      if (order.files.length > maxFiles) shown.push(`and ${order.files.length - maxFiles} more`);
      cells.push(shown.length > 0 ? shown.join('<br>') : '—');
    }
    rows.push(`| ${cells.join(' | ')} |`);
  }
  return rows;
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

function problemLines(orders: OrderReport[]): string[] {
  return orders
    .filter((order) => order.problem)
    .map((order) => `- ${inlineCode(order.language)}, order ${inlineCode(order.orderId)}: ${text(order.problem ?? '')}`);
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
