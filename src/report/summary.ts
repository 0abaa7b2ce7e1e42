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
import { statusMeaning } from '../ollang/status.ts';
import { qualityCommentSection, renderQualitySummary } from '../quality/report.ts';

export interface SummaryContext {
  /** GITHUB_SERVER_URL, e.g. https://github.com */
  serverUrl?: string;
  /** GITHUB_REPOSITORY, owner/name */
  repository?: string;
  /** The commit the files are linked at (GITHUB_SHA). */
  sha?: string;
}

export interface CommentContext extends SummaryContext {
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

/** The summary limit is 1 MiB and a comment body 65,536 characters: long file lists are cut. */
const MAX_FILES_IN_SUMMARY = 50;
const MAX_FILES_IN_COMMENT = 10;

/** The hidden marker that finds this action's comment again (HTML comments do not render). */
export function commentMarker(markerKey: string): string {
  // encodeURIComponent is injective and leaves no '>' that could close the comment early.
  return `<!-- ollang-localize-action:${encodeURIComponent(markerKey)} -->`;
}

export function renderSummary(report: RunReport, context: SummaryContext = {}): string {
  const lines: string[] = [];
  lines.push(`## Ollang localization — ${RUN_STATUS_LABEL[report.status]}`, '');
  lines.push(`Project ${inlineCode(report.projectId)} · mode \`${report.mode}\` · output ${inlineCode(report.outputDir)}`, '');

  if (report.orders.length > 0) {
    lines.push(...orderTable(report.orders, context, MAX_FILES_IN_SUMMARY), '');
  }
  lines.push(totalsLine(report), '');
  lines.push(
    `Waited ${took(report.timings.waitedMs)}, downloaded in ${took(report.timings.downloadedMs)}, ${took(report.timings.totalMs)} in all.`,
    '',
  );
  if (report.plan) lines.push(...planLines(report.plan), '');
  const problems = problemLines(report.orders);
  if (problems.length > 0) lines.push('### Problems', '', ...problems, '');
  if (report.quality) lines.push(renderQualitySummary(report.quality.mode, report.quality.files));
  return lines.join('\n');
}

export function renderComment(report: RunReport, context: CommentContext): string {
  const lines: string[] = [commentMarker(context.markerKey)];
  lines.push(`### Ollang localization — ${RUN_STATUS_LABEL[report.status]}`, '');
  if (report.orders.length > 0) {
    lines.push(...orderTable(report.orders, context, MAX_FILES_IN_COMMENT), '');
  }
  if (report.languagesWithoutOrder.length > 0) {
    lines.push(`Languages without order: ${report.languagesWithoutOrder.map((language) => inlineCode(language)).join(', ')}`, '');
  }
  if (report.plan) lines.push(...planLines(report.plan), '');
  if (report.quality) lines.push(...qualityCommentSection(report.quality.mode, report.quality.files));
  lines.push(`Cost: ${plural(report.createdCount, 'order')} created, ${report.reusedCount} reused`);
  const problems = problemLines(report.orders);
  if (problems.length > 0) lines.push('', '**Problems**', '', ...problems);
  return lines.join('\n') + '\n';
}

function orderTable(orders: OrderReport[], context: SummaryContext, maxFiles: number): string[] {
  const rows = ['| Language | Status | Order | Files |', '|---|---|---|---|'];
  for (const order of orders) {
    const shown = order.files.slice(0, maxFiles).map((file) => fileCell(file, context));
    if (order.files.length > maxFiles) shown.push(`and ${order.files.length - maxFiles} more`);
    const origin = order.created ? ' (created)' : ' (reused)';
    rows.push(
      `| ${code(order.language)} | ${orderStatusEmoji(order.status)} ${text(order.status)} | ` +
        `${code(order.orderId)}${origin} | ${shown.length > 0 ? shown.join('<br>') : '—'} |`,
    );
  }
  return rows;
}

function totalsLine(report: RunReport): string {
  let line = `${plural(report.orders.length, 'order')}: ${report.createdCount} created, ` + `${report.reusedCount} reused.`;
  if (report.languagesWithoutOrder.length > 0) {
    line += ` Languages without order: ${report.languagesWithoutOrder.map((language) => inlineCode(language)).join(', ')}.`;
  }
  return line;
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

function fileCell(file: string, context: SummaryContext): string {
  const base = blobBase(context);
  if (!base) return code(file);
  const href = base + file.split('/').map(encodePathSegment).join('/');
  return `[${code(file)}](${href})`;
}

/** `${serverUrl}/${repository}/blob/${sha}/`, or undefined when the context cannot make a safe link. */
function blobBase(context: SummaryContext): string | undefined {
  const { serverUrl, repository, sha } = context;
  if (!serverUrl || !repository || !sha) return undefined;
  if (!/^https?:\/\/[^\s()<>]+$/.test(serverUrl)) return undefined;
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) return undefined;
  if (!/^[0-9a-fA-F]{7,64}$/.test(sha)) return undefined;
  return `${serverUrl.replace(/\/+$/, '')}/${repository}/blob/${sha}/`;
}

function encodePathSegment(segment: string): string {
  // encodeURIComponent leaves ( ) ! ' * alone; parentheses would end a Markdown link early.
  return encodeURIComponent(segment).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The action's own words first (`timed-out`, `download-failed`), then what Ollang's status means. */
function orderStatusEmoji(status: string): string {
  if (status === 'timed-out') return '⏱️';
  if (status === 'download-failed') return '⚠️';
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
