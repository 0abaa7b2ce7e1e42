import { describe, expect, it } from 'vitest';
import {
  cancelHumanReviewSchema,
  createOrderResponseSchema,
  describeSchemaError,
  formatPath,
  isFinished,
  isSuccess,
  orderPageSchema,
  orderSchema,
} from '../../src/ollang/schemas.ts';
import { orderBody, pageBody, summary } from './ollang-helpers.ts';

describe('orderSchema', () => {
  it('parses the reference example and drops unknown fields', () => {
    const order = orderSchema.parse(orderBody());
    expect(order).toEqual({
      id: '60b8d6f1e1b9b1d8c6c0d8e1',
      createdAt: '2024-01-15T10:30:00Z',
      name: 'Batman Returns - Episode 1',
      sourceLanguage: 'en',
      targetLanguage: 'fr',
      type: 'cc',
      status: 'completed',
      projectId: 'proj_xyz789',
      level: 2,
      vttUrl: 'https://example.com/subtitles/batman_returns_fr.vtt',
      orderDocs: [
        {
          id: 'doc_123abc',
          name: 'Batman Returns - Source Video',
          url: 'https://example.com/videos/batman_returns.mp4',
          type: 'sourceVideo',
          size: 1073741824,
        },
        {
          id: 'doc_456def',
          name: 'French Subtitles',
          url: 'https://example.com/subtitles/batman_returns_fr.srt',
          type: 'subtitle',
          size: 8192,
        },
      ],
    });
    expect(order).not.toHaveProperty('finance');
    expect(order).not.toHaveProperty('rate');
  });

  it('accepts unknown statuses, order types and document types', () => {
    const order = orderSchema.parse(
      orderBody({
        status: 'waitingForApprove',
        type: 'proofreading',
        orderDocs: [{ type: 'created_ai_dub_vocals_only_audio', url: 'https://x/y.mp3' }, { type: 'brand_new_kind' }],
      }),
    );
    expect(order.status).toBe('waitingForApprove');
    expect(order.type).toBe('proofreading');
    expect(order.orderDocs.map((d) => d.type)).toEqual(['created_ai_dub_vocals_only_audio', 'brand_new_kind']);
  });

  it.each([0, 1, 2, 3, 7.5])('accepts level %s', (level) => {
    expect(orderSchema.parse(orderBody({ level })).level).toBe(level);
  });

  it('treats a non-numeric level as missing', () => {
    expect(orderSchema.parse(orderBody({ level: 'premium' })).level).toBeUndefined();
  });

  it('tolerates missing and null optional fields', () => {
    const order = orderSchema.parse({ id: 'o1', status: 'pending', targetLanguage: 'de', type: 'subtitle' });
    expect(order).toEqual({ id: 'o1', status: 'pending', targetLanguage: 'de', type: 'subtitle', orderDocs: [] });
    const withNulls = orderSchema.parse({
      id: 'o1',
      status: 'pending',
      targetLanguage: 'de',
      type: 'subtitle',
      name: null,
      projectId: null,
      level: null,
      createdAt: null,
      sourceLanguage: null,
      vttUrl: null,
      orderDocs: null,
    });
    expect(withNulls).toEqual({ id: 'o1', status: 'pending', targetLanguage: 'de', type: 'subtitle', orderDocs: [] });
  });

  it.each([[''], [null], [undefined]])('normalises vttUrl %j to undefined', (vttUrl) => {
    const order = orderSchema.parse(orderBody({ vttUrl }));
    expect(order.vttUrl).toBeUndefined();
    expect('vttUrl' in order).toBe(false);
  });

  it('reads a createdAt without a time zone as UTC (Ollang’s clock), never as the runner’s local time', () => {
    const stamps = ['2024-01-15T10:30:00', '2024-01-15T10:30:00.250', '2024-01-15T10:30'];
    expect(stamps.map((createdAt) => orderSchema.parse(orderBody({ createdAt })).createdAt)).toEqual([
      '2024-01-15T10:30:00Z',
      '2024-01-15T10:30:00.250Z',
      '2024-01-15T10:30Z',
    ]);
    const page = orderPageSchema.parse({
      ...pageBody([], { page: 1, take: 50, itemCount: 1, pageCount: 1 }),
      data: [summary('o1', { createdAt: '2024-01-15T10:30:00' })],
    });
    expect(page.orders[0]!.createdAt).toBe('2024-01-15T10:30:00Z');
    // Stamps with a zone, and anything that is not a date-time, are kept as sent.
    for (const createdAt of ['2024-01-15T10:30:00Z', '2024-01-15T10:30:00+02:00', '2024-01-15T10:30:00.000-0500', '2024-01-15', 'soon'])
      expect(orderSchema.parse(orderBody({ createdAt })).createdAt).toBe(createdAt);
  });

  it('normalises document url null, size null and a missing type', () => {
    const order = orderSchema.parse(
      orderBody({ orderDocs: [{ id: 'd1', url: null, size: null, type: null, wordCount: null, duration: null }] }),
    );
    expect(order.orderDocs).toEqual([{ id: 'd1', type: '' }]);
  });

  it('accepts size 0', () => {
    expect(orderSchema.parse(orderBody({ orderDocs: [{ type: 'subtitle', size: 0 }] })).orderDocs[0]?.size).toBe(0);
  });

  it.each([
    ['id missing', { id: undefined }, 'id'],
    ['id empty', { id: '' }, 'id'],
    ['id a number', { id: 42 }, 'id'],
    ['status missing', { status: undefined }, 'status'],
    ['status a number', { status: 3 }, 'status'],
    ['targetLanguage null', { targetLanguage: null }, 'targetLanguage'],
    ['type missing', { type: undefined }, 'type'],
    ['orderDocs an object', { orderDocs: { a: 1 } }, 'orderDocs'],
    ['doc not an object', { orderDocs: ['x'] }, 'orderDocs[0]'],
    ['negative size', { orderDocs: [{ type: 'subtitle', size: -1 }] }, 'orderDocs[0].size'],
    ['size a string', { orderDocs: [{ type: 'subtitle', size: '8192' }] }, 'orderDocs[0].size'],
  ])('rejects %s, naming the field', (_name, overrides, path) => {
    const result = orderSchema.safeParse(orderBody(overrides));
    expect(result.success).toBe(false);
    if (result.success) return;
    const text = describeSchemaError(result.error);
    expect(text.startsWith(`${path}:`)).toBe(true);
  });

  it('rejects non-object bodies', () => {
    for (const body of [null, [], 'x', 1]) expect(orderSchema.safeParse(body).success).toBe(false);
  });

  it('never puts field values in the description', () => {
    const result = orderSchema.safeParse(orderBody({ id: '', orderDocs: [{ type: 'x', size: -12345 }] }));
    expect(result.success).toBe(false);
    if (result.success) return;
    const text = describeSchemaError(result.error);
    expect(text).not.toContain('-12345');
    expect(text).not.toContain('Batman');
    expect(text).toContain('1 more problem');
  });
});

describe('orderPageSchema', () => {
  it('maps data to orders and keeps the meta', () => {
    const page = orderPageSchema.parse(pageBody(['a', 'b'], { page: 1, take: 10, itemCount: 2, pageCount: 1 }));
    expect(page.orders.map((o) => o.id)).toEqual(['a', 'b']);
    expect(page.orders[0]).toEqual({
      id: 'a',
      name: 'Order a',
      targetLanguage: 'fr',
      status: 'ongoing',
      type: 'cc',
      createdAt: '2024-01-15T10:30:00Z',
      projectId: 'proj_xyz789',
    });
    expect(page.meta).toEqual({ page: 1, take: 10, itemCount: 2, pageCount: 1, hasNextPage: false, hasPreviousPage: false });
  });

  it('derives hasNextPage from pageCount when the flag is missing, and accepts numeric strings', () => {
    const page = orderPageSchema.parse({ data: [], meta: { page: '2', take: '10', itemCount: 25, pageCount: 3 } });
    expect(page.meta).toMatchObject({ page: 2, take: 10, hasNextPage: true, hasPreviousPage: true });
  });

  it('fails when it cannot tell whether another page follows', () => {
    const result = orderPageSchema.safeParse({ data: [], meta: { page: 1 } });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeSchemaError(result.error)).toMatch(/^meta\.hasNextPage:/);
  });

  it('names the item and field of a bad list entry', () => {
    const result = orderPageSchema.safeParse({
      data: [summary('a'), summary('', {})],
      meta: { page: 1, take: 10, itemCount: 2, pageCount: 1, hasNextPage: false, hasPreviousPage: false },
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeSchemaError(result.error)).toMatch(/^data\[1\]\.id:/);
  });

  it('requires data and meta', () => {
    expect(orderPageSchema.safeParse({ meta: {} }).success).toBe(false);
    expect(orderPageSchema.safeParse({ data: [] }).success).toBe(false);
  });
});

describe('createOrderResponseSchema', () => {
  it('parses an array of {orderId}, keeping orderType when present', () => {
    expect(createOrderResponseSchema.parse([{ orderId: 'a' }, { orderId: 'b', orderType: 'aiDubbing', extra: 1 }])).toEqual([
      { orderId: 'a' },
      { orderId: 'b', orderType: 'aiDubbing' },
    ]);
  });

  it('accepts an empty array', () => {
    expect(createOrderResponseSchema.parse([])).toEqual([]);
  });

  it('must be an array', () => {
    const result = createOrderResponseSchema.safeParse({ orderId: 'a' });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeSchemaError(result.error)).toMatch(/^\(body\):/);
  });

  it('requires non-empty orderIds', () => {
    const result = createOrderResponseSchema.safeParse([{ orderId: 'a' }, { orderId: '' }]);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeSchemaError(result.error)).toMatch(/^\[1\]\.orderId:/);
  });
});

describe('cancelHumanReviewSchema', () => {
  it('parses the reference example', () => {
    expect(
      cancelHumanReviewSchema.parse({
        success: true,
        message: 'Human Review has been cancelled and credits have been refunded.',
        orderId: '60b8d6f1e1b9b1d8c6c0d8e1',
      }),
    ).toEqual({
      success: true,
      message: 'Human Review has been cancelled and credits have been refunded.',
      orderId: '60b8d6f1e1b9b1d8c6c0d8e1',
    });
  });

  it('keeps success false and defaults a missing success to true', () => {
    expect(cancelHumanReviewSchema.parse({ success: false, message: 'no' })).toEqual({ success: false, message: 'no' });
    expect(cancelHumanReviewSchema.parse({})).toEqual({ success: true });
  });
});

describe('statuses', () => {
  it.each([
    ['completed', true, true],
    ['delivered', true, true],
    ['cancelled', true, false],
    ['failed', true, false],
    ['pending', false, false],
    ['ongoing', false, false],
    ['revision', false, false],
    ['delayed', false, false],
    ['waitingForCC', false, false],
    ['waitingForSubtitle', false, false],
    ['qualityCheck', false, false],
    ['readyToSent', false, false],
    ['review', false, false],
    ['waitingForApprove', false, false],
    ['somethingNew', false, false],
    ['', false, false],
  ])('%s: finished %s, success %s', (status, finished, success) => {
    expect(isFinished(status)).toBe(finished);
    expect(isSuccess(status)).toBe(success);
  });
});

describe('formatPath', () => {
  it('reads like a property access', () => {
    expect(formatPath(['orderDocs', 0, 'size'])).toBe('orderDocs[0].size');
    expect(formatPath([2, 'orderId'])).toBe('[2].orderId');
    expect(formatPath([])).toBe('(body)');
  });
});
