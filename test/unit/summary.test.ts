import { describe, expect, it } from 'vitest';
import type { OrderReport, RunReport } from '../../src/report/model.ts';
import {
  code,
  commentMarker,
  COMMENT_BUDGET_BYTES,
  SUMMARY_BUDGET_BYTES,
  inputProblemsResultLine,
  renderComment,
  renderInputProblems,
  renderInputProblemsComment,
  renderSummary,
  resultLine,
  skippedResultLine,
  text,
  whereSaved,
} from '../../src/report/summary.ts';
import { approximately, formatDuration } from '../../src/duration.ts';

function order(overrides: Partial<OrderReport> = {}): OrderReport {
  return {
    orderId: 'ord_fr_1',
    projectId: 'proj_123',
    language: 'fr',
    type: 'subtitle',
    status: 'completed',
    created: true,
    files: ['localized/fr/talk.srt', 'localized/fr/talk.vtt'],
    ...overrides,
  };
}

function report(overrides: Partial<RunReport> = {}): RunReport {
  return {
    status: 'completed',
    mode: 'run',
    projectId: 'proj_123',
    orders: [order(), order({ orderId: 'ord_es_9', language: 'es', created: false, files: ['localized/es/talk.srt'] })],
    languagesWithoutOrder: [],
    createdCount: 1,
    reusedCount: 1,
    outputDir: 'localized',
    timings: { waitedMs: 185_000, downloadedMs: 2_400, totalMs: 3_723_000 },
    projects: [],
    ...overrides,
  };
}

/** Table body rows (not header or delimiter) of a Markdown document. */
function tableRows(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Language'));
}

/** Splits a GFM table row into cells the way GFM does: on pipes not escaped with a backslash. */
function cells(row: string): string[] {
  return row.slice(1, -1).split(/(?<!\\)\|/);
}

/** The text with every code span removed, found as CommonMark finds them (equal-length fences). */
function outsideCodeSpans(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    if (markdown[i] !== '`') {
      out += markdown[i];
      i += 1;
      continue;
    }
    let n = 0;
    while (markdown[i + n] === '`') n += 1;
    const fence = '`'.repeat(n);
    let close = markdown.indexOf(fence, i + n);
    while (close !== -1 && (markdown[close + n] === '`' || markdown[close - 1] === '`')) {
      close = markdown.indexOf(fence, close + 1);
    }
    if (close === -1) {
      out += fence;
      i += n;
    } else {
      i = close + n;
    }
  }
  return out;
}

describe('renderSummary', () => {
  it('has a heading with the status, one row per language, totals and timings', () => {
    const markdown = renderSummary(report());
    expect(markdown).toContain('## Ollang localization — ✅ completed');
    const rows = tableRows(markdown);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('`fr`');
    expect(rows[0]).toContain('`ord_fr_1` (created)');
    expect(rows[1]).toContain('`ord_es_9` (reused)');
    expect(markdown).toContain('2 orders: 1 created, 1 reused.');
    expect(markdown).toContain('Waited 3m 5s, downloaded in 2s 400ms, 1h 2m 3s in all.');
  });

  it('never links a file into the repository: the files are not in the commit being built (issue 14)', () => {
    const markdown = renderSummary(report());
    expect(markdown).toContain('`localized/fr/talk.srt`<br>`localized/fr/talk.vtt`');
    expect(markdown).not.toContain('](');
    expect(markdown).not.toContain('/blob/');
  });

  it('links the artifact the run uploaded, or says why there is none', () => {
    const url = 'https://github.com/acme/site/actions/runs/42/artifacts/7';
    const linked = renderSummary(report({ artifact: { name: 'subtitles', url } }));
    expect(linked).toContain(`Files: in the artifact [\`subtitles\`](${url}), at the paths above.`);
    expect(linked.match(/\]\(/g)).toHaveLength(1);
    const skipped = renderSummary(report({ artifact: { name: 'subtitles', problem: 'this runner offers no artifact service' } }));
    expect(skipped).toContain(
      "Files: in this job's workspace only; the artifact `subtitles` was not uploaded (this runner offers no artifact service).",
    );
    expect(skipped).not.toContain('](');
    expect(renderComment(report({ artifact: { name: 'subtitles', url } }), { markerKey: 'k' })).toContain(`[\`subtitles\`](${url})`);
  });

  it('puts the reason a run failed, and the fix, at the top', () => {
    const failure =
      'List Orders: 401 UNAUTHORIZED: Invalid or missing API key. Check the secret passed as api-key: Ollang did not accept it as an API key.';
    const markdown = renderSummary(
      report({
        status: 'failed',
        failure,
        orders: [],
        createdCount: 0,
        reusedCount: 0,
        languagesWithoutOrder: ['fr'],
        timings: { waitedMs: 0, downloadedMs: 0, totalMs: 49 },
      }),
    );
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('## Ollang localization — ❌ failed');
    expect(lines[2]).toMatch(/^\*\*What went wrong:\*\* List Orders: 401 UNAUTHORIZED: .*Check the secret passed as api\\-key/);
    expect(markdown).toContain('No order was followed. Languages without an order: `fr`.');
    expect(markdown).toContain('Took 49ms.');
    expect(markdown).not.toContain('Waited');
  });

  it('says in each row what became of the order, and explains Ollang statuses that mean a wait', () => {
    const markdown = renderSummary(
      report({
        status: 'timed-out',
        orders: [
          order({
            status: 'cancelled',
            files: [],
            outcome: 'still ongoing when the wait ended; then cancelled by this run (on-timeout: cancel)',
          }),
          order({ orderId: 'ord_es', language: 'es', status: 'timed-out', files: [], outcome: 'left running (on-timeout: fail)' }),
          order({
            orderId: 'ord_de',
            language: 'de',
            status: 'waitingForApprove',
            files: [],
            outcome: 'a human-review gate: someone at Ollang must approve it',
          }),
        ],
      }),
    );
    const rows = tableRows(markdown);
    expect(cells(rows[0]!)[1]).toBe(
      ' 🚫 cancelled — still ongoing when the wait ended; then cancelled by this run \\(on\\-timeout: cancel\\) ',
    );
    expect(cells(rows[1]!)[1]).toBe(' ⏱️ timed\\-out — left running \\(on\\-timeout: fail\\) ');
    expect(cells(rows[2]!)[1]).toMatch(/^ ⏳ waitingForApprove — a human\\-review gate/);
  });

  it('mode: cancel: a row per order with what became of it, no files column, and counts', () => {
    const cancelled = (o: Partial<OrderReport>) => order({ created: false, files: [], ...o });
    const markdown = renderSummary(
      report({
        status: 'cancelled',
        mode: 'cancel',
        orders: [
          cancelled({ status: 'cancelled', outcome: 'cancelled by this run' }),
          cancelled({ orderId: 'o2', language: 'es', status: 'completed', outcome: 'had already finished: nothing to cancel' }),
        ],
      }),
    );
    expect(markdown).toContain('| Language | Status | Order |\n|---|---|---|');
    expect(markdown).not.toContain('(reused)');
    expect(markdown).toContain('1 cancelled by this run, 1 had already finished.');
    expect(markdown).not.toContain('output `');
  });

  it('mode: cancel with nothing to cancel says so, and a dry run lists what it would cancel', () => {
    const none = renderSummary(report({ status: 'completed', mode: 'cancel', orders: [], createdCount: 0, reusedCount: 0 }));
    expect(none).toContain('## Ollang localization — ✅ completed');
    expect(none).toContain('Nothing to cancel: no unfinished order found.');
    const dry = renderSummary(
      report({
        status: 'dry-run',
        mode: 'cancel',
        orders: [order({ status: 'pending', created: false, files: [], outcome: 'would be cancelled' })],
      }),
    );
    expect(tableRows(dry)[0]).toContain('⏳ pending — would be cancelled');
    expect(dry).toContain('1 would be cancelled.');
  });

  it('with media: one row per media file and language, with its path, and the uploaded and found totals', () => {
    const markdown = renderSummary(
      report({
        projects: [
          { media: 'videos/a.mp4', projectId: 'p1', uploaded: true, outcome: 'uploaded' },
          { media: 'videos/b.mp4', projectId: 'p2', uploaded: false, outcome: 'found' },
        ],
        orders: [
          order({ media: 'videos/b.mp4', projectId: 'p2', files: ['videos/b.fr.vtt'] }),
          order({ media: 'videos/a.mp4', projectId: 'p1', files: ['videos/a.fr.vtt'] }),
          order({ media: 'videos/a.mp4', projectId: 'p1', language: 'es', orderId: 'o3', files: ['videos/a.es.vtt'] }),
        ],
      }),
    );
    expect(markdown).toContain('| Media | Language | Status | Order | Files |');
    const rows = markdown.split('\n').filter((line) => line.startsWith('| `videos/'));
    expect(rows.map((row) => cells(row).slice(0, 2).join('|'))).toEqual([
      ' `videos/a.mp4` | `fr` ',
      ' `videos/a.mp4` | `es` ',
      ' `videos/b.mp4` | `fr` ',
    ]);
    expect(markdown).toContain('2 media files · mode `run`');
    expect(markdown).toContain('Media: 1 uploaded, 1 found (uploaded before).');
  });

  it('lists languages without order, the dry-run plan and problems', () => {
    const markdown = renderSummary(
      report({
        status: 'dry-run',
        orders: [order({ status: 'failed', files: [], problem: 'Order ord_fr_1 (fr) failed: the API said "no credit".' })],
        languagesWithoutOrder: ['de', 'it'],
        plan: { create: ['de'], reuse: [{ language: 'fr', orderId: 'ord_fr_1' }] },
      }),
    );
    expect(markdown).toContain('🧪 dry run');
    expect(markdown).toContain('Languages without an order: `de`, `it`.');
    expect(markdown).toContain('- Would create: `de`');
    expect(markdown).toContain('- Would reuse: `fr` (order `ord_fr_1`)');
    expect(markdown).toContain('### Problems');
    expect(markdown).toContain('&quot;no credit&quot;');
    expect(tableRows(markdown)[0]).toContain('| — |');
  });

  it('neutralises hostile API text: pipes, backticks, newlines, HTML, links, mentions', () => {
    const hostileId = 'id|x`y`<img src=x onerror=alert(1)>\n| injected | row |';
    const hostileFile = 'localized/fr/`evil`|<script>alert(1)</script>\n## Heading.srt';
    const markdown = renderSummary(
      report({
        orders: [
          order({
            orderId: hostileId,
            status: 'done<b>|</b>\n# x',
            files: [hostileFile],
            problem: 'Failed: <img src=x> ![pic](http://evil/p.png) [click](http://evil) @octocat #12 `code`\n- item',
          }),
        ],
      }),
    );
    const rows = tableRows(markdown);
    expect(rows).toHaveLength(1);
    // Still four cells: no pipe escaped the code spans, no newline ended the row.
    expect(cells(rows[0] ?? '')).toHaveLength(4);
    // Inside code spans HTML is literal text (CommonMark); outside them nothing may be raw HTML.
    expect(outsideCodeSpans(markdown)).not.toMatch(/[<>]/);
    expect(markdown).not.toMatch(/<b>/);
    expect(markdown).not.toContain('\n## Heading');
    expect(markdown).not.toContain('\n- item');
    expect(markdown).not.toContain('](http://evil');
    expect(markdown).not.toContain('@octocat');
    expect(markdown).not.toContain('#12');
    // Backticks inside an ID get a longer fence.
    expect(rows[0]).toContain('``id\\|x`y`<img src=x onerror=alert(1)> \\| injected \\| row \\|``');
  });

  it('cuts very long file lists', () => {
    const files = Array.from({ length: 60 }, (_, i) => `localized/fr/part${i}.srt`);
    const markdown = renderSummary(report({ orders: [order({ files })] }));
    expect(markdown).toContain('and 10 more');
    expect(markdown).not.toContain('part55.srt');
  });
});

describe('renderSummary with media', () => {
  it('one row per media file and language, with the file path; the files uploaded and found', () => {
    const media = report({
      projectId: '',
      orders: [
        order({ media: 'videos/intro.mp4', files: ['videos/intro.fr.vtt'] }),
        order({ orderId: 'o2', language: 'es', media: 'videos/intro.mp4', files: ['videos/intro.es.vtt'] }),
        order({ orderId: 'o3', media: 'videos/b|c.mp4', files: ['videos/b|c.fr.vtt'] }),
      ],
      projects: [
        { media: 'videos/intro.mp4', projectId: 'p1', uploaded: true, outcome: 'uploaded' },
        { media: 'videos/b|c.mp4', projectId: 'p2', uploaded: false, outcome: 'found' },
      ],
    });
    const markdown = renderSummary(media);
    expect(markdown).toContain('2 media files · mode `run`');
    expect(markdown).toContain('Media: 1 uploaded, 1 found (uploaded before).');
    expect(markdown).toContain('| Media | Language | Status | Order | Files |');
    expect(markdown).toContain('| `videos/intro.mp4` | `fr` |');
    expect(markdown).toContain('| `videos/b\\|c.mp4` | `fr` |');
    expect(renderComment(media, { markerKey: 'videos/*.mp4:subtitle' })).toContain('| `videos/intro.mp4` | `es` |');
  });
});

describe('renderComment', () => {
  it('starts with the marker and carries a table and the cost line', () => {
    const body = renderComment(report(), { markerKey: 'proj_123:subtitle' });
    expect(body.startsWith(commentMarker('proj_123:subtitle'))).toBe(true);
    expect(body.startsWith('<!-- ollang-localize-action:proj_123%3Asubtitle -->\n')).toBe(true);
    expect(tableRows(body)).toHaveLength(2);
    expect(body).toContain('Cost: 1 order created, 1 reused');
    expect(body).toContain('### Ollang localization — ✅ completed');
  });

  it('keeps separate markers for separate steps, and a key cannot close the HTML comment', () => {
    expect(commentMarker('p:subtitle')).not.toBe(commentMarker('p:aiDubbing'));
    expect(commentMarker('p --> <b>x</b>')).not.toMatch(/-->.*-->/);
    expect(commentMarker('p --> <b>x</b>')).not.toContain('<b>');
  });

  it('renders problems escaped and cuts long file lists harder than the summary', () => {
    const files = Array.from({ length: 15 }, (_, i) => `localized/fr/part${i}.srt`);
    const body = renderComment(
      report({ status: 'partial', orders: [order({ files, problem: 'ping @admin <b>now</b>' })], createdCount: 3, reusedCount: 0 }),
      { markerKey: 'k' },
    );
    expect(body).toContain('⚠️ partial');
    expect(body).toContain('and 5 more');
    expect(body).toContain('Cost: 3 orders created, 0 reused');
    expect(body).not.toContain('@admin');
    expect(body).toContain('&lt;b&gt;now&lt;/b&gt;');
  });
});

describe('which push and run a comment describes', () => {
  const context = {
    markerKey: 'k',
    headSha: 'abcdef0123456789abcdef0123456789abcdef01',
    runUrl: 'https://github.com/acme/site/actions/runs/42',
  };

  it('the comment ends with the head commit and a link to the run', () => {
    const body = renderComment(report(), context);
    expect(body.trimEnd().split('\n').at(-1)).toBe('Commit `abcdef0` · [workflow run](https://github.com/acme/site/actions/runs/42)');
    expect(renderComment(report(), { markerKey: 'k' })).not.toContain('Commit');
  });

  it('a run the inputs stopped replaces the comment: failed, every bad input, which commit and run', () => {
    const body = renderInputProblemsComment([{ input: 'level', message: `Input 'level': "3" is not a level.` }], context);
    expect(body.startsWith(`${commentMarker('k')}\n### Ollang localization — ❌ failed\n`)).toBe(true);
    expect(body).toContain('**What went wrong:** an input is not valid, so nothing was sent to Ollang. Fix it in the workflow file:');
    expect(body).toContain("- `level`: Input 'level': &quot;3&quot; is not a level\\.");
    expect(body).toContain('Commit `abcdef0` · [workflow run](https://github.com/acme/site/actions/runs/42)');
  });
});

describe('GitHub refuses a comment over 65,536 characters and a summary over 1 MiB: renderings stay under both', () => {
  // 10 media files x 27 languages, 2 files each: 72,507 characters uncut (the review's example).
  const languages = 'fr de es it pt-BR nl sv da nb fi pl cs hu ro uk ru el ja ko zh-Hans th vi id hi ar tr he'.split(' ');
  const media = Array.from(
    { length: 10 },
    (_, i) => `docs/videos/chapter-${String(i + 1).padStart(2, '0')}-getting-started-with-the-dashboard.mp4`,
  );
  const big = (problem?: (i: number) => string): RunReport =>
    report({
      projectId: '',
      orders: media.flatMap((m, mi) =>
        languages.map((language, li) =>
          order({
            orderId: `6b0cd9fb4d5299${String(mi).padStart(2, '0')}af81f6${String(li).padStart(2, '0')}`,
            projectId: `proj-${mi}`,
            media: m,
            language,
            files: [m.replace(/\.mp4$/, `.${language}.srt`), m.replace(/\.mp4$/, `.${language}.vtt`)],
            ...(problem ? { problem: problem(mi * 100 + li) } : {}),
          }),
        ),
      ),
      createdCount: 270,
      reusedCount: 0,
      projects: media.map((m, i) => ({ media: m, projectId: `proj-${i}`, uploaded: true, outcome: 'uploaded' as const })),
    });
  const context = { markerKey: 'k', runUrl: 'https://github.com/acme/site/actions/runs/42' };

  it('the comment: rows past the budget are left out, and a line says how many and where they are', () => {
    const body = renderComment(big(), context);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(COMMENT_BUDGET_BYTES);
    const shown = tableRows(body).filter((row) => row.startsWith('| `docs/'));
    expect(shown.length).toBeGreaterThan(100);
    expect(shown.length).toBeLessThan(270);
    expect(body).toContain(
      `\n\n…and ${270 - shown.length} more rows, not shown here: see the job summary of [this run](https://github.com/acme/site/actions/runs/42).\n`,
    );
    // What follows the table is all there.
    expect(body).toContain('Cost: 270 orders created, 0 reused');
    expect(body.trimEnd().endsWith('[workflow run](https://github.com/acme/site/actions/runs/42)')).toBe(true);
    // Uncut, it would not have fitted.
    expect(renderSummary(big())).toContain(shown.at(-1)!);
  });

  it('problems are kept before rows, and each is cut to a readable length', () => {
    const body = renderComment(
      big((i) => `${i}: ${'the download of this file failed because the signed URL expired; '.repeat(40)}`),
      context,
    );
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(COMMENT_BUDGET_BYTES);
    const problems = body.split('\n').filter((line) => line.startsWith('- `'));
    expect(problems.length).toBeGreaterThan(20);
    expect(Math.max(...problems.map((line) => line.length))).toBeLessThan(1_300);
    expect(body).toMatch(/^- …and \d+ more problems, not shown here: see the job summary/m);
    expect(body).toMatch(/\n\n…and 2\d\d more rows, not shown here/);
  });

  it('the job summary: the same for its 1 MiB', () => {
    const huge = report({
      orders: Array.from({ length: 6_000 }, (_, i) =>
        order({ orderId: `ord_${i}`, files: Array.from({ length: 20 }, (_, f) => `localized/fr/a-rather-long-file-name-${i}-${f}.srt`) }),
      ),
    });
    const markdown = renderSummary(huge);
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(markdown).toMatch(
      /\n\n…and \d+ more rows, not shown \(the job summary is limited to 1 MiB\); the `orders` output lists every order\.\n/,
    );
    expect(markdown).toContain('Waited 3m 5s');
  });

  it('a run that fits is not cut', () => {
    expect(renderComment(report(), context)).not.toContain('…and');
    expect(renderSummary(report())).not.toContain('…and');
  });
});

describe('the result line and the input problems', () => {
  it('names where the files went from the saved paths, not output-dir alone (media, output-path without {output-dir})', () => {
    const media = (files: string[]) =>
      report({
        orders: [order({ files, media: 'videos/intro.mp4' })],
        projects: [{ media: 'videos/intro.mp4', projectId: 'p', uploaded: true, outcome: 'uploaded' }],
      });
    // Before: "2 files downloaded to localized", where nothing was written, and "output `localized`".
    expect(resultLine(media(['videos/intro.fr.srt', 'videos/intro.fr.vtt']))).toBe(
      'Ollang localization completed: 1 order (1 created, 1 reused), 1 with files; 2 files downloaded beside the media files.',
    );
    expect(renderSummary(media(['videos/intro.fr.srt']))).toContain('· output beside the media files');
    expect(renderSummary(media(['videos/intro.fr.srt']))).not.toContain('output `localized`');
    expect(whereSaved(media(['subs/fr/intro.srt', 'subs/es/intro.srt']))).toBe('to subs');
    expect(whereSaved(media(['a/intro.fr.srt', 'b/intro.es.srt']))).toBeUndefined();
    expect(resultLine(media(['a/intro.fr.srt', 'b/intro.es.srt']))).toContain('2 files downloaded into the workspace.');
    expect(whereSaved(media([]))).toBeUndefined();
    expect(whereSaved(report())).toBe('to localized');
    expect(whereSaved(report({ orders: [] }))).toBe('to localized');
  });

  it('one line with the status and the counts, for every kind of run', () => {
    expect(resultLine(report())).toBe(
      'Ollang localization completed: 2 orders (1 created, 1 reused), 2 with files; 3 files downloaded to localized.',
    );
    expect(resultLine(report({ status: 'failed', orders: [], createdCount: 0, reusedCount: 0, languagesWithoutOrder: ['fr', 'es'] }))).toBe(
      'Ollang localization failed: no order followed; 0 files downloaded; no order for fr, es.',
    );
    expect(resultLine(report({ status: 'completed', mode: 'cancel', orders: [] }))).toBe(
      'Ollang localization completed (mode: cancel): nothing to cancel: no unfinished order found.',
    );
    expect(resultLine(report({ status: 'dry-run', orders: [], plan: { create: ['de'], reuse: [{ language: 'fr', orderId: 'o' }] } }))).toBe(
      'Ollang localization dry run: would create de; would reuse fr.',
    );
    expect(resultLine(report({ artifact: { name: 'subs', url: 'https://github.com/a/b/actions/runs/1/artifacts/2' } }))).toMatch(
      /; artifact subs: https:\/\/github\.com\/a\/b\/actions\/runs\/1\/artifacts\/2\.$/,
    );
  });

  it('input problems: every bad input listed in the summary, escaped', () => {
    const markdown = renderInputProblems([
      { input: 'level', message: `Input 'level': "3" is not a level. Accepted: '0' (AI only) or '1' (AI plus human review).` },
      { input: 'timeout', message: `Input 'timeout': "<b>x</b>" is not a duration.` },
    ]);
    expect(markdown).toContain(
      '**What went wrong:** 2 inputs are not valid, so nothing was sent to Ollang. Fix them in the workflow file:',
    );
    expect(markdown).toContain("- `level`: Input 'level': &quot;3&quot; is not a level\\.");
    expect(markdown).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(inputProblemsResultLine(2)).toBe('Ollang localization failed: 2 inputs are not valid; nothing was sent to Ollang.');
  });

  it('a run skipped for a withheld key has a result line too', () => {
    expect(skippedResultLine('fork')).toBe(
      'Ollang localization skipped: api-key is empty (a pull request from a fork gets no secrets); nothing was sent to Ollang.',
    );
    expect(skippedResultLine('dependabot')).toMatch(
      /^Ollang localization skipped: api-key is empty \(a run Dependabot started gets only Dependabot secrets\)/,
    );
  });

  it('orders named by order-ids are labelled "(given)", not "(reused)"', () => {
    const rows = tableRows(renderSummary(report({ orders: [order({ created: false, given: true })], createdCount: 0, reusedCount: 1 })));
    expect(rows[0]).toContain('`ord_fr_1` (given)');
  });
});

describe('escaping helpers', () => {
  it('code() fences around backtick runs and flattens newlines', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('a``b')).toBe('```a``b```');
    expect(code('`edge`')).toBe('`` `edge` ``');
    expect(code('a\nb|c')).toBe('`a b\\|c`');
    expect(code('')).toBe('—');
  });

  it('text() escapes HTML and Markdown punctuation', () => {
    expect(text('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(text('[x](y) *b* _i_ `c` |')).toBe('\\[x\\]\\(y\\) \\*b\\* \\_i\\_ \\`c\\` \\|');
  });

  it('durations read like the inputs that set them, without milliseconds past ten seconds', () => {
    const shown = (ms: number): string => formatDuration(approximately(ms));
    expect(shown(850)).toBe('850ms');
    expect(shown(2_400)).toBe('2s 400ms');
    expect(shown(12_345)).toBe('12s');
    expect(shown(185_000)).toBe('3m 5s');
    expect(shown(120_000)).toBe('2m');
    expect(shown(3_723_400)).toBe('1h 2m 3s');
  });

  it('an order Ollang calls `canceled` shows as cancelled, like `cancelled`; `failed` as failed', () => {
    const rows = tableRows(
      renderSummary(
        report({
          orders: [
            order({ status: 'canceled', files: [] }),
            order({ status: 'Cancelled', files: [] }),
            order({ status: 'failed', files: [] }),
          ],
        }),
      ),
    );
    expect(rows.map((row) => cells(row)[1]!.trim().split(' ')[0])).toEqual(['🚫', '🚫', '❌']);
  });
});
