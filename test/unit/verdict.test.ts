/**
 * The run's verdict on its own: every status a run can end with, from its orders, its mode and
 * how it ended, and the one failure it reports.
 */
import { describe, expect, it } from 'vitest';
import type { FollowedOrder, FollowState } from '../../src/orders/followed.ts';
import type { RunStatus } from '../../src/report/model.ts';
import { finishRun, languagesWithoutOrder, startRecord, type RunRecord, type VerdictSettings } from '../../src/report/verdict.ts';

const settings: VerdictSettings = {
  mode: 'run',
  projectId: 'proj-demo',
  orderType: 'subtitle',
  targetLanguages: ['fr', 'es'],
  orderIds: [],
  outputDirRelative: 'localized',
  onTimeout: 'fail',
  cancelOnAbort: true,
};

function order(language: string, state: FollowState, status: string, extra: Partial<FollowedOrder> = {}): FollowedOrder {
  return {
    orderId: `o-${language}-${extra.type ?? 'subtitle'}`,
    projectId: 'proj-demo',
    language,
    type: 'subtitle',
    created: true,
    status,
    state,
    files: [],
    ...extra,
  };
}

/** A run whose orders were looked up (chosen), unless `extra` says otherwise. */
function record(orders: FollowedOrder[], extra: Partial<RunRecord> = {}): RunRecord {
  return { ...startRecord(0), ordersChosen: true, followed: orders, ...extra };
}

const fr = (state: FollowState, status: string, extra: Partial<FollowedOrder> = {}) => order('fr', state, status, extra);
const es = (state: FollowState, status: string, extra: Partial<FollowedOrder> = {}) => order('es', state, status, extra);

interface Row {
  name: string;
  record: RunRecord;
  settings?: Partial<VerdictSettings>;
  status: RunStatus;
  /** A pattern the failure must match; undefined: the run succeeds. */
  failure?: RegExp;
}

const rows: Row[] = [
  { name: 'every order done', record: record([fr('done', 'completed'), es('done', 'delivered')]), status: 'completed' },
  {
    name: 'one order failed at Ollang',
    record: record([fr('done', 'completed'), es('failed', 'failed', { problem: 'Ollang reports the order as failed' })]),
    status: 'partial',
    failure: /1 of 2 order\(s\) did not deliver: es o-es-subtitle: Ollang reports the order as failed/,
  },
  {
    name: 'every order failed',
    record: record([fr('failed', 'cancelled', { problem: 'x' }), es('failed', 'failed', { problem: 'y' })]),
    status: 'failed',
    failure: /2 of 2/,
  },
  {
    // `failed` means nothing delivered (README): es saved its VTT before its SRT failed.
    name: 'every order failed, one after saving a file',
    record: record([
      fr('failed', 'completed', { problem: 'Ollang published no subtitles output' }),
      es('failed', 'completed', { problem: 'talk.srt: not published', files: ['localized/es/talk.vtt'] }),
    ]),
    status: 'partial',
    failure: /2 of 2 order\(s\) did not deliver/,
  },
  { name: 'a language without order', record: record([fr('done', 'completed')]), status: 'partial', failure: /^No order for es\.$/ },
  {
    name: 'a child order of another type covers no language',
    record: record([fr('done', 'completed'), order('es', 'done', 'completed', { type: 'cc' })]),
    status: 'partial',
    failure: /^No order for es\.$/,
  },
  {
    name: 'an order left downloading is named, never "No order for ."',
    record: record([fr('done', 'completed'), es('downloading', 'completed')]),
    status: 'partial',
    failure: /es o-es-subtitle: still downloading/,
  },
  {
    name: 'orders never looked up (a 401 before the first answer): no language is said to lack an order',
    record: record([], { ordersChosen: false, failure: 'List Orders: 401 UNAUTHORIZED' }),
    status: 'failed',
    failure: /^List Orders: 401/,
  },
  {
    name: 'no order at all, and a failure recorded',
    record: record([], { failure: 'Creating orders for fr, es in project proj-demo failed: 500' }),
    status: 'failed',
    failure: /^Creating orders/,
  },
  { name: 'no order and no language missing (given IDs, none)', record: record([]), settings: { orderIds: ['x'] }, status: 'completed' },
  {
    name: 'timed out (on-timeout: fail)',
    record: record([fr('done', 'completed'), es('timed-out', 'ongoing')], { timedOut: true, failure: 'Timed out after 1m' }),
    status: 'timed-out',
    failure: /Timed out/,
  },
  {
    name: 'timed out (on-timeout: continue)',
    record: record([fr('done', 'completed'), es('timed-out', 'ongoing')], { timedOut: true }),
    status: 'timed-out',
  },
  {
    name: 'cancelled run',
    record: record([fr('waiting', 'cancelled')], { ended: 'cancelled', failure: 'The run was cancelled' }),
    status: 'cancelled',
    failure: /cancelled/,
  },
  { name: 'dry run', record: record([], { ended: 'dry-run' }), status: 'dry-run' },
  {
    name: 'mode: cancel with nothing to cancel',
    record: record([], { ended: 'completed' }),
    settings: { mode: 'cancel' },
    status: 'completed',
  },
  {
    name: 'mode: cancel that could not cancel',
    record: record([], { ended: 'failed', failure: 'Could not cancel o1' }),
    settings: { mode: 'cancel' },
    status: 'failed',
    failure: /Could not cancel/,
  },
  {
    name: 'submit: orders placed',
    record: record([fr('waiting', 'pending'), es('waiting', 'ongoing')]),
    settings: { mode: 'submit' },
    status: 'pending',
  },
  {
    name: 'submit: orders already finished',
    record: record([fr('waiting', 'completed'), es('waiting', 'delivered')]),
    settings: { mode: 'submit' },
    status: 'completed',
  },
  {
    name: 'submit: one order finished badly',
    record: record([fr('waiting', 'completed'), es('waiting', 'canceled')]),
    settings: { mode: 'submit' },
    status: 'partial',
    failure: /did not deliver/,
  },
  {
    name: 'submit: every order finished badly',
    record: record([fr('waiting', 'failed'), es('waiting', 'cancelled')]),
    settings: { mode: 'submit' },
    status: 'failed',
    failure: /2 of 2/,
  },
  {
    name: 'submit: Create Order answered fewer orders than languages',
    record: record([fr('waiting', 'pending')]),
    settings: { mode: 'submit' },
    status: 'partial',
    failure: /^No order for es\.$/,
  },
  {
    name: 'submit: nothing ordered',
    record: record([]),
    settings: { mode: 'submit' },
    status: 'failed',
    failure: /^No order for fr, es\.$/,
  },
  {
    name: 'collect: a language never ordered',
    record: record([fr('done', 'completed')]),
    settings: { mode: 'collect' },
    status: 'partial',
    failure: /No order for es/,
  },
];

describe('the verdict, one row per outcome', () => {
  it.each(rows)('$name -> $status', ({ record: r, settings: overrides, status, failure }) => {
    const { report, failure: reported } = finishRun(r, { ...settings, ...overrides }, 1_000);
    expect(report.status).toBe(status);
    if (failure) expect(reported).toMatch(failure);
    else expect(reported).toBeUndefined();
  });

  it('covers every status the action can report', () => {
    const all: RunStatus[] = ['completed', 'partial', 'pending', 'timed-out', 'failed', 'cancelled', 'dry-run'];
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(all));
  });
});

describe('the report', () => {
  it('one content at two paths: one row per media file and language, each with its own files (review finding 7)', () => {
    const shared = fr('done', 'completed', {
      media: ['videos/a/intro.mp4', 'videos/b/intro.mp4'],
      files: ['videos/a/intro.fr.vtt', 'videos/b/intro.fr.vtt'],
      filesByMedia: { 'videos/a/intro.mp4': ['videos/a/intro.fr.vtt'], 'videos/b/intro.mp4': ['videos/b/intro.fr.vtt'] },
    });
    const projects = ['videos/a/intro.mp4', 'videos/b/intro.mp4'].map((media) => ({
      media,
      projectId: 'proj-demo',
      uploaded: true,
      outcome: 'uploaded' as const,
    }));
    const { report } = finishRun(record([shared], { projects }), { ...settings, targetLanguages: ['fr'] }, 10);
    expect(report.orders.map((o) => [o.media, o.orderId, o.files])).toEqual([
      ['videos/a/intro.mp4', 'o-fr-subtitle', ['videos/a/intro.fr.vtt']],
      ['videos/b/intro.mp4', 'o-fr-subtitle', ['videos/b/intro.fr.vtt']],
    ]);
    expect(report.status).toBe('completed');
    expect(report.createdCount).toBe(1);
  });

  it('carries every order with the status the action gives it, counts and timings', () => {
    const r = record(
      [fr('done', 'completed', { files: ['localized/fr/a.srt'] }), es('failed', 'completed', { created: false, problem: 'cut short' })],
      {
        waitedMs: 500,
        downloadedMs: 200,
      },
    );
    const { report } = finishRun(r, settings, 1_500);
    expect(report.orders.map((o) => [o.language, o.status, o.created, o.projectId])).toEqual([
      ['fr', 'completed', true, 'proj-demo'],
      ['es', 'download-failed', false, 'proj-demo'],
    ]);
    expect([report.createdCount, report.reusedCount]).toEqual([1, 1]);
    expect(report.timings).toEqual({ waitedMs: 500, downloadedMs: 200, totalMs: 1_500 });
  });

  it('rows come in target-languages order, orders in other languages (child orders) after them', () => {
    const r = record([
      order('en', 'done', 'completed', { type: 'cc' }),
      es('done', 'completed'),
      order('DE', 'done', 'completed'),
      fr('done', 'completed'),
    ]);
    const { report } = finishRun(r, { ...settings, targetLanguages: ['fr', 'de', 'es'] }, 0);
    expect(report.orders.map((o) => o.language)).toEqual(['fr', 'DE', 'es', 'en']);
  });

  it('on-timeout: cancel: a timed-out order this run cancelled is reported cancelled, and why, not "timed-out, still ongoing"', () => {
    const timedOut = es('timed-out', 'cancelled', { problem: 'still ongoing when the wait ended' });
    const r = record([fr('done', 'completed'), timedOut], {
      timedOut: true,
      cancels: [{ orderId: timedOut.orderId, outcome: 'cancelled' }],
    });
    const { report } = finishRun(r, { ...settings, onTimeout: 'cancel' }, 0);
    const row = report.orders.find((o) => o.language === 'es')!;
    expect(row.status).toBe('cancelled');
    expect(row.outcome).toBe('still ongoing when the wait ended; then cancelled by this run (on-timeout: cancel)');
    expect(row.problem).toBeUndefined();
    expect(report.status).toBe('timed-out');
  });

  it('every timed-out or unfinished row says what became of the order', () => {
    const outcome = (o: FollowedOrder, extra: Partial<RunRecord> = {}, overrides: Partial<VerdictSettings> = {}): string | undefined =>
      finishRun(record([o], extra), { ...settings, ...overrides }, 0).report.orders[0]!.outcome;
    const ongoing = es('timed-out', 'ongoing', { problem: 'still ongoing when the wait ended' });
    expect(outcome(ongoing, { timedOut: true })).toBe('left running (on-timeout: fail)');
    expect(outcome(ongoing, { timedOut: true }, { onTimeout: 'continue' })).toBe('left running (on-timeout: continue)');
    expect(outcome({ ...ongoing, created: false }, { timedOut: true }, { onTimeout: 'cancel' })).toBe(
      'left running (not created by this run)',
    );
    expect(
      outcome(
        { ...ongoing, problem: 'could not be cancelled: too late' },
        { timedOut: true, cancels: [{ orderId: ongoing.orderId, outcome: 'not-cancellable' }] },
      ),
    ).toBe('its cancel failed, so it was left running');
    expect(
      outcome(es('timed-out', 'completed', { problem: 'completed, but Ollang had not published its outputs' }), { timedOut: true }),
    ).toBe('the wait ended before its files were downloaded');
    // The workflow run was cancelled.
    const pending = es('waiting', 'pending');
    expect(
      outcome({ ...pending, status: 'cancelled' }, { ended: 'cancelled', cancels: [{ orderId: pending.orderId, outcome: 'cancelled' }] }),
    ).toBe('cancelled by this run when the workflow run was cancelled');
    expect(outcome(pending, { ended: 'cancelled' }, { cancelOnAbort: false })).toBe('left running (cancel-on-abort: false)');
    expect(outcome({ ...pending, created: false }, { ended: 'cancelled' })).toBe('left running (not created by this run)');
    // Ollang's words explained where they mean a wait (submit mode).
    expect(outcome(es('waiting', 'waitingForApprove'), {}, { mode: 'submit' })).toMatch(/^a human-review gate/);
    expect(outcome(es('done', 'completed'))).toBeUndefined();
  });

  it('carries the failure, for the summary to show', () => {
    const { report } = finishRun(
      record([], { failure: 'List Orders: 401 UNAUTHORIZED. Check the secret passed as api-key.' }),
      settings,
      0,
    );
    expect(report.failure).toMatch(/Check the secret passed as api-key/);
  });

  it('languages without an order only once the orders were looked up', () => {
    expect(languagesWithoutOrder(record([], { ordersChosen: false }), settings)).toEqual([]);
    expect(finishRun(record([], { ordersChosen: false, failure: '401' }), settings, 0).report.languagesWithoutOrder).toEqual([]);
    expect(languagesWithoutOrder(record([]), settings)).toEqual(['fr', 'es']);
  });

  it("a dry run's plan comes in target-languages order, whatever order the look-ups answered in", () => {
    const plan = {
      create: ['de', 'fr'],
      reuse: [
        { language: 'pt-BR', orderId: 'o3' },
        { language: 'es', orderId: 'o2' },
      ],
    };
    const { report } = finishRun(record([], { ended: 'dry-run', plan }), { ...settings, targetLanguages: ['fr', 'es', 'pt-BR', 'de'] }, 0);
    expect(report.plan).toEqual({
      create: ['fr', 'de'],
      reuse: [
        { language: 'es', orderId: 'o2' },
        { language: 'pt-BR', orderId: 'o3' },
      ],
    });
  });

  it('a child order says what it is, given orders are marked, and an order with nothing downloaded says so', () => {
    const child = order('en', 'done', 'completed', { type: 'cc' });
    const { report } = finishRun(record([fr('done', 'completed', { files: ['localized/fr/a.srt'] }), child]), settings, 0);
    expect(report.orders[1]?.outcome).toBe(
      'a child order (cc) Ollang added to the subtitle order: its files are not downloaded, by design',
    );
    expect(report.orders.some((o) => o.given)).toBe(false);
    // Given by ID: downloaded whatever its type, and labelled given.
    const given = finishRun(record([child]), { ...settings, orderIds: [child.orderId] }, 0).report.orders[0]!;
    expect([given.given, given.outcome]).toEqual([true, undefined]);
    const nothing = fr('done', 'completed', { problem: 'finished, but none of its outputs was downloaded: download: vtt' });
    expect(finishRun(record([nothing]), settings, 0).report.orders[0]?.outcome).toBe('nothing downloaded (see the problems)');
  });

  it('languages are covered case-insensitively, by orders read only during the wait too', () => {
    const r = record([order('PT-br', 'done', 'completed')]);
    expect(languagesWithoutOrder(r, { ...settings, targetLanguages: ['pt-BR', 'fr'] })).toEqual(['fr']);
  });
});
