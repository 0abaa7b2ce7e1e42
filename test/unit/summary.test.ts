import { describe, expect, it } from 'vitest';
import type { OrderReport, RunReport } from '../../src/report/model.ts';
import { code, commentMarker, renderComment, renderSummary, text } from '../../src/report/summary.ts';
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

const context = { serverUrl: 'https://github.com', repository: 'acme/site', sha: 'a'.repeat(40) };

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
    const markdown = renderSummary(report(), context);
    expect(markdown).toContain('## Ollang localization — ✅ completed');
    const rows = tableRows(markdown);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('`fr`');
    expect(rows[0]).toContain('`ord_fr_1` (created)');
    expect(rows[1]).toContain('`ord_es_9` (reused)');
    expect(markdown).toContain('2 orders: 1 created, 1 reused.');
    expect(markdown).toContain('Waited 3m 5s, downloaded in 2s 400ms, 1h 2m 3s in all.');
  });

  it('links files to the commit when the context allows it, else shows code spans', () => {
    const linked = renderSummary(report(), context);
    expect(linked).toContain(`[\`localized/fr/talk.srt\`](https://github.com/acme/site/blob/${'a'.repeat(40)}/localized/fr/talk.srt)`);
    const plain = renderSummary(report(), {});
    expect(plain).toContain('`localized/fr/talk.srt`<br>`localized/fr/talk.vtt`');
    expect(plain).not.toContain('](');
    // A repository or sha that is not what GitHub sets is not trusted to build a link.
    expect(renderSummary(report(), { ...context, sha: 'x) ![img](http://evil' })).not.toContain('](');
  });

  it('percent-encodes link paths so a file name cannot end the link', () => {
    const markdown = renderSummary(report({ orders: [order({ files: ['localized/fr/a (1) [x].srt'] })] }), context);
    expect(markdown).toContain('/localized/fr/a%20%281%29%20%5Bx%5D.srt)');
  });

  it('lists languages without order, the dry-run plan and problems', () => {
    const markdown = renderSummary(
      report({
        status: 'dry-run',
        orders: [order({ status: 'failed', files: [], problem: 'Order ord_fr_1 (fr) failed: the API said "no credit".' })],
        languagesWithoutOrder: ['de', 'it'],
        plan: { create: ['de'], reuse: [{ language: 'fr', orderId: 'ord_fr_1' }] },
      }),
      context,
    );
    expect(markdown).toContain('🧪 dry run');
    expect(markdown).toContain('Languages without order: `de`, `it`.');
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
      {},
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
    const markdown = renderSummary(report({ orders: [order({ files })] }), {});
    expect(markdown).toContain('and 10 more');
    expect(markdown).not.toContain('part55.srt');
  });
});

describe('renderSummary with media (the minimum: the report model is filled, its full rendering is the reports work)', () => {
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
    expect(markdown).toContain('2 media files: 1 uploaded, 1 found · mode `run`');
    expect(markdown).toContain('| Media | Language | Status | Order | Files |');
    expect(markdown).toContain('| `videos/intro.mp4` | `fr` |');
    expect(markdown).toContain('| `videos/b\\|c.mp4` | `fr` |');
    expect(renderComment(media, { markerKey: 'videos/*.mp4:subtitle' })).toContain('| `videos/intro.mp4` | `es` |');
  });
});

describe('renderComment', () => {
  it('starts with the marker and carries a table and the cost line', () => {
    const body = renderComment(report(), { ...context, markerKey: 'proj_123:subtitle' });
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

  it('an order Ollang calls `canceled` shows as finished badly, like `cancelled`', () => {
    const rows = tableRows(
      renderSummary(report({ orders: [order({ status: 'canceled', files: [] }), order({ status: 'Cancelled', files: [] })] })),
    );
    for (const row of rows) expect(cells(row)[1]).toMatch(/^ ❌ /);
  });
});
