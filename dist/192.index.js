export const id = 192;
export const ids = [192];
export const modules = {

/***/ 58483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qx: () => (/* binding */ qualityAnnotations),
/* harmony export */   S9: () => (/* binding */ qualityCommentSection),
/* harmony export */   YM: () => (/* binding */ qualitySummary)
/* harmony export */ });
/* unused harmony exports ANNOTATIONS_SHOWN, findingsListed, renderQualitySummary, qualityCommentLines */
/* harmony import */ var _annotations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30105);
/* harmony import */ var _report_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57994);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(78804);
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3296);
/**
 * How the check's findings reach people, as pure functions of the checked files: annotations on
 * the files' lines, a section of the job summary, and one line per language for the PR comment
 * (the `quality` output is output.ts). Findings come most important first within each file (check.ts).
 *
 * File names come from Ollang and cue text from the files: everything shown in Markdown goes
 * through the job summary's own `code()` / `text()` (src/report/summary.ts), and annotation
 * messages are one line (the runner escapes `%`, CR and LF, and `:` and `,` in properties).
 */




/** GitHub shows at most 10 error and 10 warning annotations of a step (more are counted, not shown). */
const ANNOTATIONS_SHOWN = { errors: _annotations_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATIONS_PER_STEP */ .S, warnings: _annotations_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATIONS_PER_STEP */ .S };
/**
 * At most `limits.errors` error and `limits.warnings` warning annotations, the most important
 * first, then one notice counting the rest. Errors: a file that cannot be read before a cue that
 * overlaps, then each file's first before any file's second. Warnings: each file's worst (the
 * most past its limit) before any file's second. The caller lowers the limits by the
 * annotations it writes itself in the same step.
 */
function qualityAnnotations(files, limits = ANNOTATIONS_SHOWN, listed = () => findingsListed(files)) {
    const ranked = files.flatMap((file, fileIndex) => {
        let errorRank = 0;
        let warningRank = 0;
        return file.findings.map((finding) => ({
            file,
            finding,
            fileIndex,
            rank: finding.severity === 'error' ? errorRank++ : warningRank++,
            ruleOrder: finding.severity === 'error' ? _verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .ERROR_ORDER */ .Yw.indexOf(finding.rule) : 0,
        }));
    });
    ranked.sort((a, b) => a.ruleOrder - b.ruleOrder || a.rank - b.rank || a.fileIndex - b.fileIndex);
    const errors = ranked.filter((item) => item.finding.severity === 'error');
    const warnings = ranked.filter((item) => item.finding.severity === 'warning');
    const shownErrors = errors.slice(0, Math.max(0, limits.errors));
    const shownWarnings = warnings.slice(0, Math.max(0, limits.warnings));
    const annotations = [...shownErrors, ...shownWarnings].map(({ file, finding }) => ({
        severity: finding.severity,
        message: oneLine(finding.message),
        properties: { title: `Subtitle quality: ${finding.rule}`, file: file.file, startLine: finding.line },
    }));
    const moreErrors = errors.length - shownErrors.length;
    const moreWarnings = warnings.length - shownWarnings.length;
    if (moreErrors > 0 || moreWarnings > 0) {
        const more = [moreErrors > 0 ? (0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(moreErrors, 'more error') : '', moreWarnings > 0 ? (0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(moreWarnings, 'more warning') : '']
            .filter((part) => part !== '')
            .join(' and ');
        const shared = limits.errors < ANNOTATIONS_SHOWN.errors || limits.warnings < ANNOTATIONS_SHOWN.warnings;
        annotations.push({
            severity: 'notice',
            message: `${more} than the annotations above show (GitHub shows ${ANNOTATIONS_SHOWN.errors} errors and ${ANNOTATIONS_SHOWN.warnings} warnings a step` +
                `${shared ? ", and the run's other annotations came first" : ''}): ${whereListed(listed(), ranked.length)}.`,
            properties: { title: 'Subtitle quality' },
        });
    }
    return annotations;
}
/**
 * What the summary and the output list of `files` when the quality section has the whole summary
 * to itself; the run passes what its summary, with the orders table above, really listed.
 */
function findingsListed(files) {
    const total = files.reduce((n, file) => n + file.findings.length, 0);
    return {
        summary: qualitySummary('report', files, _report_summary_js__WEBPACK_IMPORTED_MODULE_0__.SUMMARY_BUDGET_BYTES).findingsListed,
        output: total - (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .qualityOutput */ .j)(files).findingsLeftOut,
    };
}
/** "the job summary lists 200 of 1,500 findings, the `quality` output lists them all". */
function whereListed(listed, total) {
    if (listed.summary >= total && listed.output >= total)
        return 'the job summary and the `quality` output list them all';
    const lists = (place, count) => count >= total ? `${place} lists them all` : `${place} lists ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(count)} of ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(total, 'finding')}`;
    return `${lists('the job summary', listed.summary)}, ${lists('the `quality` output', listed.output)}`;
}
const STATUS_LABEL = {
    passed: '✅ passed',
    warnings: '⚠️ warnings',
    failed: '❌ errors',
    skipped: '⏭️ skipped',
};
const FIRST_FINDINGS = 3;
const FINDINGS_PER_FILE = 200;
/** Kept back from the budget for the closing lines that say what was left out. */
const CLOSING_BYTES = 300;
/** The job summary section alone: see `qualitySummary`. */
function renderQualitySummary(mode, files, budget = SUMMARY_BUDGET_BYTES) {
    return qualitySummary(mode, files, budget).markdown;
}
/**
 * The job summary section, in at most `budget` bytes (what the rest of the summary left of
 * `SUMMARY_BUDGET_BYTES`): one table row per file (cues, errors, warnings, its first findings), then
 * each file's findings in a folded table, as far as the budget allows. When the table does not
 * fit, its rows lose their first findings, then the last rows go ("N more files"): GitHub
 * refuses a step's whole summary past its limit, the orders table with it.
 */
function qualitySummary(mode, files, budget) {
    const status = (0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .qualityStatus */ .sr)(mode, files);
    const lines = [`### Subtitle quality — ${STATUS_LABEL[status]}`, ''];
    if (mode === 'off')
        return { markdown: [...lines, 'Not checked (`quality-check: off`).', ''].join('\n'), findingsListed: 0 };
    if (files.length === 0)
        return { markdown: [...lines, 'No SRT or WebVTT file was saved, so none was checked.', ''].join('\n'), findingsListed: 0 };
    const errors = sum(files, 'errors');
    const warnings = sum(files, 'warnings');
    lines.push(`${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(files.length, 'file')} checked, ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(sum(files, 'cues'), 'cue')}: ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(errors, 'error')}, ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(warnings, 'warning')} ` +
        `(\`quality-check: ${mode}\`).`, '');
    // Every line is counted with the newline that joins it to the next.
    let size = lines.reduce((total, line) => total + bytes(line) + 1, 0);
    const room = budget - CLOSING_BYTES;
    const cells = (file) => `| ${(0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__.code)(file.file)} | ${(0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__.code)(file.language)} | ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(file.cues)} | ${errorCount(file.errors)} | ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(file.warnings)} |`;
    const fullRows = files.map((file) => {
        const first = file.findings.slice(0, FIRST_FINDINGS).map(findingCell);
        if (file.findings.length > FIRST_FINDINGS)
            first.push(`and ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(file.findings.length - FIRST_FINDINGS)} more`);
        return `${cells(file)} ${first.length > 0 ? first.join('<br>') : '—'} |`;
    });
    const fullHeader = ['| File | Language | Cues | Errors | Warnings | First findings |', '|---|---|---:|---:|---:|---|'];
    const fullSize = [...fullHeader, ...fullRows, ''].reduce((total, line) => total + bytes(line) + 1, 0);
    const withFirst = size + fullSize <= room;
    const header = withFirst ? fullHeader : ['| File | Language | Cues | Errors | Warnings |', '|---|---|---:|---:|---:|'];
    lines.push(...header);
    size += header.reduce((total, line) => total + bytes(line) + 1, 0);
    let rows = 0;
    let listed = 0;
    for (const [index, file] of files.entries()) {
        const row = withFirst ? fullRows[index] : cells(file);
        if (!withFirst && size + bytes(row) + 1 > room)
            break;
        lines.push(row);
        size += bytes(row) + 1;
        rows++;
        if (withFirst)
            listed += Math.min(FIRST_FINDINGS, file.findings.length);
    }
    lines.push('');
    size += 1;
    if (rows < files.length) {
        lines.push(`${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(files.length - rows, 'more file')}: see the \`quality\` output.`, '');
        return { markdown: lines.join('\n'), findingsListed: listed };
    }
    // Folded in file order, up to the first that does not fit: trying each later file too had
    // built (and thrown away) 2,400 blocks of 200 rows, about a second, for 2,400 files.
    const folded = files.filter((file) => file.findings.length > FIRST_FINDINGS);
    let leftOut = 0;
    for (const [index, file] of folded.entries()) {
        const shown = file.findings.slice(0, FINDINGS_PER_FILE);
        const block = [
            `<details><summary>${(0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__.text)(file.file)}: ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(file.findings.length, 'finding')}</summary>`,
            '',
            '| Line | Severity | Rule | Finding |',
            '|---:|---|---|---|',
            ...shown.map((finding) => `| ${finding.line} | ${finding.severity} | ${finding.rule} | ${(0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__.text)(finding.message)} |`),
            ...(file.findings.length > shown.length
                ? ['', `And ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(file.findings.length - shown.length, 'more finding')}: see the \`quality\` output.`]
                : []),
            '',
            '</details>',
            '',
        ].join('\n');
        if (size + bytes(block) + 1 > room) {
            leftOut = folded.length - index;
            break;
        }
        size += bytes(block) + 1;
        lines.push(block);
        listed += shown.length - (withFirst ? Math.min(FIRST_FINDINGS, file.findings.length) : 0);
    }
    if (leftOut > 0)
        lines.push(`The findings of ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(leftOut, 'more file')} did not fit in the summary: see the \`quality\` output.`, '');
    return { markdown: lines.join('\n'), findingsListed: listed };
}
/** The PR comment's last part: an empty line, a heading, one line per language (nothing when no file was checked). */
function qualityCommentSection(mode, files) {
    const lines = qualityCommentLines(mode, files);
    return lines.length === 0 ? [] : ['', `**Subtitle quality** (\`quality-check: ${mode}\`)`, '', ...lines];
}
/** One line per language for the PR comment: its status, counts, and which rules fired how often. */
function qualityCommentLines(mode, files) {
    if (mode === 'off' || files.length === 0)
        return [];
    const byLanguage = new Map();
    for (const file of files)
        byLanguage.set(file.language, [...(byLanguage.get(file.language) ?? []), file]);
    return [...byLanguage].map(([language, ofLanguage]) => {
        const errors = sum(ofLanguage, 'errors');
        const warnings = sum(ofLanguage, 'warnings');
        const head = `- ${(0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__.code)(language)}: ${STATUS_LABEL[(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .qualityStatus */ .sr)(mode, ofLanguage)]}, ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(ofLanguage.length, 'file')}, ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(sum(ofLanguage, 'cues'), 'cue')}`;
        if (errors + warnings === 0)
            return head;
        const rules = new Map();
        for (const file of ofLanguage) {
            for (const finding of file.findings) {
                const seen = rules.get(finding.rule);
                rules.set(finding.rule, { times: (seen?.times ?? 0) + 1, error: finding.severity === 'error' });
            }
        }
        // errors' rules first, then the rules that fired most
        const top = [...rules]
            .sort(([, a], [, b]) => Number(b.error) - Number(a.error) || b.times - a.times)
            .slice(0, 4)
            .map(([rule, { times }]) => `${rule} ×${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(times)}`)
            .join(', ');
        return `${head}: ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(errors, 'error')}, ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(warnings, 'warning')} (${top}${rules.size > 4 ? ', …' : ''})`;
    });
}
function findingCell(finding) {
    return `line ${finding.line}: ${finding.severity === 'error' ? '❌' : '⚠️'} ${(0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__.text)(finding.rule)}: ${(0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__.text)(finding.message)}`;
}
function oneLine(message) {
    return message.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
function bytes(line) {
    return Buffer.byteLength(line, 'utf8');
}
function sum(files, key) {
    return files.reduce((total, file) => total + file[key], 0);
}
function errorCount(value) {
    return value > 0 ? `**${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(value)}**` : '0';
}


/***/ }),

/***/ 57994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COMMENT_BUDGET_BYTES: () => (/* binding */ COMMENT_BUDGET_BYTES),
/* harmony export */   SUMMARY_BUDGET_BYTES: () => (/* binding */ SUMMARY_BUDGET_BYTES),
/* harmony export */   code: () => (/* binding */ code),
/* harmony export */   commentMarker: () => (/* binding */ commentMarker),
/* harmony export */   inputProblemsResultLine: () => (/* binding */ inputProblemsResultLine),
/* harmony export */   qualityFindingsInSummary: () => (/* binding */ qualityFindingsInSummary),
/* harmony export */   renderComment: () => (/* binding */ renderComment),
/* harmony export */   renderInputProblems: () => (/* binding */ renderInputProblems),
/* harmony export */   renderInputProblemsComment: () => (/* binding */ renderInputProblemsComment),
/* harmony export */   renderSummary: () => (/* binding */ renderSummary),
/* harmony export */   resultLine: () => (/* binding */ resultLine),
/* harmony export */   skippedResultLine: () => (/* binding */ skippedResultLine),
/* harmony export */   text: () => (/* binding */ text),
/* harmony export */   whereSaved: () => (/* binding */ whereSaved)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77607);
/* harmony import */ var _ollang_status_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19069);
/* harmony import */ var _quality_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58483);
/* harmony import */ var _quality_verdict_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3296);




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
/**
 * What a rendering may weigh, in UTF-8 bytes (never fewer than characters): GitHub refuses a
 * comment body over 65,536 characters and a step summary over 1 MiB. Rows and problems beyond
 * these are left out, and a line says how many (see `fit`).
 */
const COMMENT_BUDGET_BYTES = 60_000;
const SUMMARY_BUDGET_BYTES = 1_000_000; // the quality section, last, gets what the rest left (quality/report.ts)
/** One problem or failure text from the API is cut here (the log has it whole). */
const MAX_PROBLEM_CHARS = 1_000;
const MAX_FAILURE_CHARS = 3_000;
/** The hidden marker that finds this action's comment again (HTML comments do not render). */
function commentMarker(markerKey) {
    // encodeURIComponent is injective and leaves no '>' that could close the comment early.
    return `<!-- ollang-localize-action:${encodeURIComponent(markerKey)} -->`;
}
function renderSummary(report) {
    return summary(report).markdown;
}
/** How many of the subtitle check's findings the job summary lists: the notice after the annotations says. */
function qualityFindingsInSummary(report) {
    return summary(report).qualityListed;
}
/** The summary within its budget: the orders and problems first, the quality section in what they leave. */
function summary(report) {
    const lines = [];
    lines.push(`## Ollang localization — ${RUN_STATUS_LABEL[report.status]}`, '');
    if (report.failure)
        lines.push(`**What went wrong:** ${failureText(report.failure)}`, '');
    lines.push(contextLine(report), '');
    if (report.projects.length > 0)
        lines.push(mediaLine(report), '');
    const more = 'not shown (the job summary is limited to 1 MiB); the `orders` output lists every order';
    if (report.orders.length > 0)
        lines.push(...orderTable(report, MAX_FILES_IN_SUMMARY, more), '');
    lines.push(totalsLine(report), '');
    const files = filesLine(report);
    if (files)
        lines.push(files, '');
    lines.push(timingsLine(report), '');
    if (report.plan)
        lines.push(...planLines(report.plan), '');
    const problems = problemLines(report.orders, more);
    if (problems)
        lines.push('### Problems', '', problems, '');
    const fitted = fit(lines, SUMMARY_BUDGET_BYTES);
    if (!report.quality)
        return { markdown: fitted.join('\n'), qualityListed: 0 };
    const used = Buffer.byteLength(fitted.join('\n'), 'utf8') + 1;
    const quality = (0,_quality_report_js__WEBPACK_IMPORTED_MODULE_2__/* .qualitySummary */ .YM)(report.quality.mode, report.quality.files, SUMMARY_BUDGET_BYTES - used);
    return { markdown: [...fitted, quality.markdown].join('\n'), qualityListed: quality.findingsListed };
}
function renderComment(report, context) {
    const lines = [commentMarker(context.markerKey)];
    lines.push(`### Ollang localization — ${RUN_STATUS_LABEL[report.status]}`, '');
    if (report.failure)
        lines.push(`**What went wrong:** ${failureText(report.failure)}`, '');
    const more = `not shown here: see the job summary${context.runUrl ? ` of [this run](${context.runUrl})` : ''}`;
    if (report.orders.length > 0)
        lines.push(...orderTable(report, MAX_FILES_IN_COMMENT, more), '');
    if (report.languagesWithoutOrder.length > 0) {
        lines.push(`Languages without an order: ${report.languagesWithoutOrder.map((language) => inlineCode(language)).join(', ')}`, '');
    }
    const files = filesLine(report);
    if (files)
        lines.push(files, '');
    if (report.plan)
        lines.push(...planLines(report.plan), '');
    lines.push(`Cost: ${plural(report.createdCount, 'order')} created, ${report.reusedCount} reused`);
    const problems = problemLines(report.orders, more);
    if (problems)
        lines.push('', '**Problems**', '', problems);
    if (report.quality)
        lines.push(...(0,_quality_report_js__WEBPACK_IMPORTED_MODULE_2__/* .qualityCommentSection */ .S9)(report.quality.mode, report.quality.files));
    const run = runLine(context);
    if (run)
        lines.push('', run);
    return fit(lines, COMMENT_BUDGET_BYTES).join('\n') + '\n';
}
/** The summary of a run the inputs stopped: every bad input, before any request. */
function renderInputProblems(problems) {
    return [`## Ollang localization — ${RUN_STATUS_LABEL.failed}`, '', ...inputProblemLines(problems), ''].join('\n');
}
/**
 * The PR comment of a run the inputs stopped: it replaces the results of an earlier push, which
 * would otherwise stand for this commit too.
 */
function renderInputProblemsComment(problems, context) {
    const lines = [
        commentMarker(context.markerKey),
        `### Ollang localization — ${RUN_STATUS_LABEL.failed}`,
        '',
        ...inputProblemLines(problems),
    ];
    const run = runLine(context);
    if (run)
        lines.push('', run);
    return fit(lines, COMMENT_BUDGET_BYTES).join('\n') + '\n';
}
function inputProblemLines(problems) {
    return [
        `**What went wrong:** ${problems.length === 1 ? 'an input is' : `${problems.length} inputs are`} not valid, so nothing was sent to Ollang. Fix ${problems.length === 1 ? 'it' : 'them'} in the workflow file:`,
        '',
        ...problems.map((problem) => `- ${inlineCode(problem.input)}: ${text(cut(problem.message, MAX_PROBLEM_CHARS))}`),
    ];
}
/** "Commit `1a2b3c4` · [workflow run](…)": which push and which run the comment describes. */
function runLine(context) {
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
function resultLine(report) {
    const head = `Ollang localization ${report.status.replace('-', ' ')}`;
    if (report.mode === 'cancel')
        return `${head} (mode: cancel): ${cancelCounts(report)}.`;
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
    if (report.languagesWithoutOrder.length > 0)
        parts.push(`no order for ${report.languagesWithoutOrder.join(', ')}`);
    if (report.artifact?.url)
        parts.push(`artifact ${report.artifact.name}: ${report.artifact.url}`);
    // The step can be red for the subtitles alone (quality-check: fail or strict): say so here too.
    const quality = report.quality && (0,_quality_verdict_js__WEBPACK_IMPORTED_MODULE_3__/* .qualityFailureBrief */ .e4)(report.quality.mode, report.quality.files);
    if (quality)
        parts.push(quality);
    return `${head}: ${parts.join('; ')}.`;
}
/** The result line of a run skipped because GitHub withheld the API key on purpose (inputs.ts: SecretWithheldError). */
function skippedResultLine(reason) {
    const why = reason === 'fork' ? 'a pull request from a fork gets no secrets' : 'a run Dependabot started gets only Dependabot secrets';
    return `Ollang localization skipped: api-key is empty (${why}); nothing was sent to Ollang.`;
}
/** The result line of a run the inputs stopped. */
function inputProblemsResultLine(count) {
    return `Ollang localization failed: ${count === 1 ? 'an input is' : `${count} inputs are`} not valid; nothing was sent to Ollang.`;
}
function contextLine(report) {
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
function whereSaved(report) {
    const files = report.orders.flatMap((o) => o.files);
    const outputDir = report.outputDir === '.' ? '' : report.outputDir;
    if (files.length === 0)
        return report.projects.length > 0 ? undefined : `to ${report.outputDir || '.'}`;
    if (files.every((file) => outputDir === '' || file.startsWith(`${outputDir}/`)))
        return `to ${report.outputDir || '.'}`;
    const folder = (file) => file.slice(0, Math.max(0, file.lastIndexOf('/')));
    const mediaFolders = new Set(report.projects.map((p) => folder(p.media)));
    if (mediaFolders.size > 0 && files.every((file) => mediaFolders.has(folder(file))))
        return 'beside the media files';
    let common = folder(files[0]);
    for (const file of files)
        while (common !== '' && !file.startsWith(`${common}/`))
            common = folder(common);
    return common === '' ? undefined : `to ${common}`;
}
/** "2 media files: 1 uploaded, 1 found" and each file's project. */
function mediaLine(report) {
    const counts = new Map();
    for (const project of report.projects)
        counts.set(project.outcome, (counts.get(project.outcome) ?? 0) + 1);
    const words = {
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
function orderTable(report, maxFiles, more) {
    const cancelMode = report.mode === 'cancel';
    const withMedia = report.orders.some((o) => o.media);
    const header = [...(withMedia ? ['Media'] : []), 'Language', 'Status', 'Order', ...(cancelMode ? [] : ['Files'])];
    const rows = [];
    for (const order of byMedia(report)) {
        const cells = [...(withMedia ? [order.media ? code(order.media) : '—'] : []), code(order.language), statusCell(order)];
        cells.push(`${code(order.orderId)}${cancelMode ? '' : order.created ? ' (created)' : order.given ? ' (given)' : ' (reused)'}`);
        if (!cancelMode) {
            const shown = order.files.slice(0, maxFiles).map((file) => code(file));
            if (order.files.length > maxFiles)
                shown.push(`and ${order.files.length - maxFiles} more`);
            cells.push(shown.length > 0 ? shown.join('<br>') : '—');
        }
        rows.push(`| ${cells.join(' | ')} |`);
    }
    // A paragraph after a table needs a blank line, or GFM reads it as one more row.
    const cutRows = { lines: rows, rest: (left) => ['', `…and ${plural(left, 'more row')}, ${more}.`] };
    return [`| ${header.join(' | ')} |`, `|${header.map(() => '---|').join('')}`, cutRows];
}
/** One row per media file and language: the orders grouped by media file, in the order of `projects`. */
function byMedia(report) {
    const rank = new Map(report.projects.map((project, index) => [project.media, index]));
    const rankOf = (o) => (o.media === undefined ? -1 : (rank.get(o.media) ?? report.projects.length));
    return report.orders
        .map((order, index) => ({ order, index }))
        .sort((a, b) => rankOf(a.order) - rankOf(b.order) || a.index - b.index)
        .map(({ order }) => order);
}
/** "⏱️ timed-out — left running (on-timeout: fail)": the status, and what became of the order. */
function statusCell(order) {
    return `${orderStatusEmoji(order.status)} ${text(order.status)}${order.outcome ? ` — ${text(order.outcome)}` : ''}`;
}
function totalsLine(report) {
    if (report.mode === 'cancel')
        return `${cancelCounts(report).replace(/^./, (c) => c.toUpperCase())}.`;
    let line = report.orders.length === 0
        ? 'No order was followed.'
        : `${plural(report.orders.length, 'order')}: ${report.createdCount} created, ${report.reusedCount} reused.`;
    if (report.languagesWithoutOrder.length > 0) {
        line += ` Languages without an order: ${report.languagesWithoutOrder.map((language) => inlineCode(language)).join(', ')}.`;
    }
    return line;
}
/** "2 cancelled by this run, 1 had already finished" (mode: cancel), from what became of each order. */
function cancelCounts(report) {
    if (report.orders.length === 0)
        return report.status === 'dry-run'
            ? 'nothing would be cancelled: no unfinished order found'
            : report.status === 'failed'
                ? 'nothing cancelled: no unfinished order found among the orders read'
                : 'nothing to cancel: no unfinished order found';
    const counts = new Map();
    for (const order of report.orders) {
        const outcome = (order.outcome ?? order.status).split(':')[0];
        counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    }
    return [...counts].map(([outcome, count]) => `${count} ${outcome}`).join(', ');
}
/** Where the files are: the artifact's link, or why there is none. */
function filesLine(report) {
    const count = report.orders.reduce((sum, o) => sum + o.files.length, 0);
    const artifact = report.artifact;
    if (count === 0)
        return undefined;
    if (artifact?.url)
        return `Files: in the artifact [${code(artifact.name)}](${artifact.url}), at the paths above.`;
    if (artifact)
        return `Files: in this job's workspace only; the artifact ${inlineCode(artifact.name)} was not uploaded (${text(artifact.problem ?? 'no URL')}).`;
    return undefined;
}
function timingsLine(report) {
    const { waitedMs, downloadedMs, totalMs } = report.timings;
    if (waitedMs === 0 && downloadedMs === 0)
        return `Took ${took(totalMs)}.`;
    return `Waited ${took(waitedMs)}, downloaded in ${took(downloadedMs)}, ${took(totalMs)} in all.`;
}
function planLines(plan) {
    const lines = ['**Dry run:** nothing was created or cancelled.', ''];
    lines.push(`- Would create: ${plan.create.length > 0 ? plan.create.map((language) => inlineCode(language)).join(', ') : 'nothing'}`);
    lines.push(`- Would reuse: ${plan.reuse.length > 0
        ? plan.reuse.map((item) => `${inlineCode(item.language)} (order ${inlineCode(item.orderId)})`).join(', ')
        : 'nothing'}`);
    return lines;
}
/** One line per order with a problem; `fit` keeps them before table rows, the more useful of the two. */
function problemLines(orders, more) {
    const lines = orders
        .filter((order) => order.problem)
        .map((order) => `- ${inlineCode(order.language)}, order ${inlineCode(order.orderId)}: ${text(cut(order.problem ?? '', MAX_PROBLEM_CHARS))}`);
    return lines.length > 0 ? { lines, rest: (left) => [`- …and ${plural(left, 'more problem')}, ${more}.`], first: true } : undefined;
}
/** The run's failure, cut where an API message makes it long (the log and `setFailed` have it whole). */
function failureText(failure) {
    const short = cut(failure, MAX_FAILURE_CHARS);
    return text(short) + (short === failure ? '' : ' (cut here: the step log has the whole message)');
}
/** At most `max` characters (code points), with "…" where it was cut. */
function cut(value, max) {
    const chars = Array.from(value);
    return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}
/**
 * The lines of a rendering within `budget` bytes: every plain line, and as many lines of each
 * Cuttable as the room left allows, each Cuttable cut at its end with its `rest` in place of
 * what was left out. Nothing is cut when everything fits.
 */
function fit(parts, budget) {
    const size = (lines) => lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
    const whole = (part) => (typeof part === 'string' ? [part] : part.lines);
    if (size(parts.flatMap(whole)) <= budget)
        return parts.flatMap(whole);
    const lists = parts.filter((part) => typeof part !== 'string');
    // Each list's "…and N more" line is kept room for, whatever happens to the others.
    let room = budget -
        size(parts.filter((part) => typeof part === 'string')) -
        size(lists.flatMap((list) => list.rest(list.lines.length)));
    const kept = new Map();
    for (const list of [...lists.filter((l) => l.first), ...lists.filter((l) => !l.first)]) {
        let count = 0;
        while (count < list.lines.length && size([list.lines[count]]) <= room) {
            room -= size([list.lines[count]]);
            count += 1;
        }
        kept.set(list, count);
    }
    return parts.flatMap((part) => {
        if (typeof part === 'string')
            return [part];
        const count = kept.get(part) ?? 0;
        return count === part.lines.length ? part.lines : [...part.lines.slice(0, count), ...part.rest(part.lines.length - count)];
    });
}
/** The action's own words first (`timed-out`, `download-failed`, `cancel-failed`), then what Ollang's status means. */
function orderStatusEmoji(status) {
    if (status === 'timed-out')
        return '⏱️';
    if (status === 'download-failed')
        return '⚠️';
    if (status === 'cancel-failed' || status === 'not-found')
        return '❌';
    if ((0,_ollang_status_js__WEBPACK_IMPORTED_MODULE_1__/* .isCancelled */ .mm)(status))
        return '🚫';
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
