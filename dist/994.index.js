export const id = 994;
export const ids = [994];
export const modules = {

/***/ 7994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentMarker: () => (/* binding */ commentMarker),
/* harmony export */   renderComment: () => (/* binding */ renderComment),
/* harmony export */   renderSummary: () => (/* binding */ renderSummary)
/* harmony export */ });
/* unused harmony exports code, text */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _ollang_status_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9069);


const RUN_STATUS_LABEL = {
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
function commentMarker(markerKey) {
    // encodeURIComponent is injective and leaves no '>' that could close the comment early.
    return `<!-- ollang-localize-action:${encodeURIComponent(markerKey)} -->`;
}
function renderSummary(report, context = {}) {
    const lines = [];
    lines.push(`## Ollang localization — ${RUN_STATUS_LABEL[report.status]}`, '');
    lines.push(`Project ${inlineCode(report.projectId)} · mode \`${report.mode}\` · output ${inlineCode(report.outputDir)}`, '');
    if (report.orders.length > 0) {
        lines.push(...orderTable(report.orders, context, MAX_FILES_IN_SUMMARY), '');
    }
    lines.push(totalsLine(report), '');
    lines.push(`Waited ${took(report.timings.waitedMs)}, downloaded in ${took(report.timings.downloadedMs)}, ${took(report.timings.totalMs)} in all.`, '');
    if (report.plan)
        lines.push(...planLines(report.plan), '');
    const problems = problemLines(report.orders);
    if (problems.length > 0)
        lines.push('### Problems', '', ...problems, '');
    return lines.join('\n');
}
function renderComment(report, context) {
    const lines = [commentMarker(context.markerKey)];
    lines.push(`### Ollang localization — ${RUN_STATUS_LABEL[report.status]}`, '');
    if (report.orders.length > 0) {
        lines.push(...orderTable(report.orders, context, MAX_FILES_IN_COMMENT), '');
    }
    if (report.languagesWithoutOrder.length > 0) {
        lines.push(`Languages without order: ${report.languagesWithoutOrder.map((language) => inlineCode(language)).join(', ')}`, '');
    }
    if (report.plan)
        lines.push(...planLines(report.plan), '');
    lines.push(`Cost: ${plural(report.createdCount, 'order')} created, ${report.reusedCount} reused`);
    const problems = problemLines(report.orders);
    if (problems.length > 0)
        lines.push('', '**Problems**', '', ...problems);
    return lines.join('\n') + '\n';
}
function orderTable(orders, context, maxFiles) {
    const rows = ['| Language | Status | Order | Files |', '|---|---|---|---|'];
    for (const order of orders) {
        const shown = order.files.slice(0, maxFiles).map((file) => fileCell(file, context));
        if (order.files.length > maxFiles)
            shown.push(`and ${order.files.length - maxFiles} more`);
        const origin = order.created ? ' (created)' : ' (reused)';
        rows.push(`| ${code(order.language)} | ${orderStatusEmoji(order.status)} ${text(order.status)} | ` +
            `${code(order.orderId)}${origin} | ${shown.length > 0 ? shown.join('<br>') : '—'} |`);
    }
    return rows;
}
function totalsLine(report) {
    let line = `${plural(report.orders.length, 'order')}: ${report.createdCount} created, ` + `${report.reusedCount} reused.`;
    if (report.languagesWithoutOrder.length > 0) {
        line += ` Languages without order: ${report.languagesWithoutOrder.map((language) => inlineCode(language)).join(', ')}.`;
    }
    return line;
}
function planLines(plan) {
    const lines = ['**Dry run:** nothing was created or cancelled.', ''];
    lines.push(`- Would create: ${plan.create.length > 0 ? plan.create.map((language) => inlineCode(language)).join(', ') : 'nothing'}`);
    lines.push(`- Would reuse: ${plan.reuse.length > 0
        ? plan.reuse.map((item) => `${inlineCode(item.language)} (order ${inlineCode(item.orderId)})`).join(', ')
        : 'nothing'}`);
    return lines;
}
function problemLines(orders) {
    return orders
        .filter((order) => order.problem)
        .map((order) => `- ${inlineCode(order.language)}, order ${inlineCode(order.orderId)}: ${text(order.problem ?? '')}`);
}
function fileCell(file, context) {
    const base = blobBase(context);
    if (!base)
        return code(file);
    const href = base + file.split('/').map(encodePathSegment).join('/');
    return `[${code(file)}](${href})`;
}
/** `${serverUrl}/${repository}/blob/${sha}/`, or undefined when the context cannot make a safe link. */
function blobBase(context) {
    const { serverUrl, repository, sha } = context;
    if (!serverUrl || !repository || !sha)
        return undefined;
    if (!/^https?:\/\/[^\s()<>]+$/.test(serverUrl))
        return undefined;
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository))
        return undefined;
    if (!/^[0-9a-fA-F]{7,64}$/.test(sha))
        return undefined;
    return `${serverUrl.replace(/\/+$/, '')}/${repository}/blob/${sha}/`;
}
function encodePathSegment(segment) {
    // encodeURIComponent leaves ( ) ! ' * alone; parentheses would end a Markdown link early.
    return encodeURIComponent(segment).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** The action's own words first (`timed-out`, `download-failed`), then what Ollang's status means. */
function orderStatusEmoji(status) {
    if (status === 'timed-out')
        return '⏱️';
    if (status === 'download-failed')
        return '⚠️';
    const meaning = (0,_ollang_status_js__WEBPACK_IMPORTED_MODULE_1__/* .statusMeaning */ .uj)(status);
    return meaning === 'finished-well' ? '✅' : meaning === 'finished-badly' ? '❌' : '⏳';
}
/**
 * A code span for an untrusted value inside a table cell. Inside a code span HTML, Markdown and
 * @mentions are inert; only the fence (a backtick run longer than any inside) and the table's
 * `|` (GFM removes the backslash of `\|` in cells, even in code spans) need care.
 * A newline would end the table row: it becomes a space.
 */
function code(value) {
    return fence(value.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\|/g, '\\|'));
}
/** A code span outside tables, where `\|` would show its backslash. */
function inlineCode(value) {
    return fence(value.replace(/[\r\n\u2028\u2029]+/g, ' '));
}
function fence(flat) {
    if (flat.trim() === '')
        return '—';
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
function text(value) {
    return (value
        .replace(/[\r\n\u2028\u2029]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/[\\`*_{}[\]()+\-.!|~]/g, '\\$&')
        // GitHub turns `@name` into a notification and `#123` into a cross-reference even after
        // Markdown escaping; a zero-width space after the sign stops both.
        .replace(/[@#]/g, '$&\u200b'));
}
/** "45s", "3m 5s", "850ms": durations for a reader (duration.ts). */
function took(ms) {
    return (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)((0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .approximately */ .YY)(ms));
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}


/***/ })

};
