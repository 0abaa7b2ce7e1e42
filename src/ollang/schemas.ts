/**
 * zod schemas for every Ollang response the action reads, and the types the rest of the code uses.
 *
 * Tolerant where the API varies (docs/ollang-api.md): unknown fields are dropped, statuses, order types
 * and document types are open strings, `level` is any number, optional fields may be missing,
 * null or of an unexpected type (then undefined), `vttUrl` "" / null is undefined, a missing
 * `orderDocs` is [].
 * Strict where a wrong value would make the action act wrongly: order IDs are non-empty strings,
 * status / type / targetLanguage are strings, a document size is a non-negative number when
 * present, the create response is an array of `{orderId}`, a list page says whether another follows.
 */
import { z } from 'zod';

export interface OrderDoc {
  id?: string;
  name?: string;
  url?: string;
  /** Open set (`subtitle`, `created_ai_dub_audio`, …); "" when the API sent none. */
  type: string;
  size?: number;
}

export interface Order {
  id: string;
  status: string;
  targetLanguage: string;
  type: string;
  name?: string;
  projectId?: string;
  level?: number;
  createdAt?: string;
  sourceLanguage?: string;
  /** "" and null normalised to undefined. */
  vttUrl?: string;
  /** Missing -> []. */
  orderDocs: OrderDoc[];
}

export interface OrderSummary {
  id: string;
  status: string;
  type: string;
  targetLanguage: string;
  projectId?: string;
  createdAt?: string;
  name?: string;
  level?: number;
}

export interface PageMeta {
  page: number;
  take: number;
  itemCount: number;
  pageCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface OrderPage {
  orders: OrderSummary[];
  meta: PageMeta;
}

export interface CreatedOrder {
  orderId: string;
  orderType?: string;
}

export interface CancelHumanReviewResult {
  /** As the API says; true when a 2xx answer omitted it (or had no body). */
  success: boolean;
  message?: string;
  orderId?: string;
}

// ---- building blocks ------------------------------------------------------------------------

/** A string we act on: must be present and non-empty. */
const requiredId = z.string().trim().min(1, 'expected a non-empty string');

/** Optional text: a non-empty string, else undefined (missing, null, "", wrong type). */
const optionalText = z
  .unknown()
  .optional()
  .transform((v): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined));

/** An ISO 8601 date and time without a time zone (`2024-01-15T10:30:00`). */
const ZONELESS_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Optional `createdAt`: as optionalText; a stamp without a time zone is Ollang's clock in UTC
 * (docs/ollang-api.md, "Orders"), so it is given the `Z` that Date.parse needs not to read it as
 * the runner's local time.
 */
const optionalStamp = optionalText.transform((v): string | undefined => (v !== undefined && ZONELESS_DATE_TIME.test(v) ? `${v}Z` : v));

/** Optional number: a finite number (or numeric string), else undefined. */
const optionalNumber = z
  .unknown()
  .optional()
  .transform((v): number | undefined => {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    return undefined;
  });

/** Optional boolean: true/false, else undefined. */
const optionalBoolean = z
  .unknown()
  .optional()
  .transform((v): boolean | undefined => (typeof v === 'boolean' ? v : undefined));

// ---- Get Order ------------------------------------------------------------------------------

export const orderDocSchema = z
  .object({
    id: optionalText,
    name: optionalText,
    url: optionalText,
    type: z
      .unknown()
      .optional()
      .transform((v): string => (typeof v === 'string' ? v : '')),
    size: z
      .number('expected a non-negative number')
      .min(0, 'expected a non-negative number')
      .nullish()
      .transform((v): number | undefined => v ?? undefined),
  })
  .transform((d): OrderDoc => compact(d));

export const orderSchema = z
  .object({
    id: requiredId,
    status: z.string(),
    targetLanguage: z.string(),
    type: z.string(),
    name: optionalText,
    projectId: optionalText,
    level: optionalNumber,
    createdAt: optionalStamp,
    sourceLanguage: optionalText,
    vttUrl: optionalText,
    orderDocs: z
      .array(orderDocSchema)
      .nullish()
      .transform((v): OrderDoc[] => v ?? []),
  })
  .transform((o): Order => compact(o));

// ---- List Orders ----------------------------------------------------------------------------

export const orderSummarySchema = z
  .object({
    id: requiredId,
    status: z.string(),
    type: z.string(),
    targetLanguage: z.string(),
    projectId: optionalText,
    createdAt: optionalStamp,
    name: optionalText,
    level: optionalNumber,
  })
  .transform((o): OrderSummary => compact(o));

const pageMetaSchema = z
  .object({
    page: optionalNumber,
    take: optionalNumber,
    itemCount: optionalNumber,
    pageCount: optionalNumber,
    hasNextPage: optionalBoolean,
    hasPreviousPage: optionalBoolean,
  })
  .transform((m, ctx): PageMeta => {
    const page = m.page ?? 1;
    let hasNextPage = m.hasNextPage;
    // Without the flag, page < pageCount says the same thing; without either we cannot page.
    if (hasNextPage === undefined && m.pageCount !== undefined) hasNextPage = page < m.pageCount;
    if (hasNextPage === undefined) {
      ctx.issues.push({
        code: 'custom',
        message: 'expected a boolean (and no pageCount to derive it from)',
        input: m.hasNextPage,
        path: ['hasNextPage'],
      });
      return z.NEVER;
    }
    return {
      page,
      take: m.take ?? 0,
      itemCount: m.itemCount ?? 0,
      pageCount: m.pageCount ?? page + (hasNextPage ? 1 : 0),
      hasNextPage,
      hasPreviousPage: m.hasPreviousPage ?? page > 1,
    };
  });

export const orderPageSchema = z
  .object({
    data: z.array(orderSummarySchema),
    meta: pageMetaSchema,
  })
  .transform((p): OrderPage => ({ orders: p.data, meta: p.meta }));

// ---- Create Order, Cancel Human Review -------------------------------------------------------

export const createdOrderSchema = z
  .object({
    orderId: requiredId,
    orderType: optionalText,
  })
  .transform((c): CreatedOrder => compact(c));

export const createOrderResponseSchema = z.array(createdOrderSchema, 'expected an array of {orderId}');

export const cancelHumanReviewSchema = z
  .object({
    success: optionalBoolean,
    message: optionalText,
    orderId: optionalText,
  })
  .transform((r): CancelHumanReviewResult => compact({ ...r, success: r.success ?? true }));

// ---- Projects and uploads (docs/ollang-uploads.md) -------------------------------------------

export interface ProjectSummary {
  id: string;
  /** As Ollang stores it (it may append the file's extension): match with "contains", never equality. "" when missing. */
  name: string;
  sourceLanguage?: string;
  createdAt?: string;
  folderId?: string;
  ordersCount?: number;
}

export interface ProjectPage {
  projects: ProjectSummary[];
  meta: PageMeta;
}

export interface ProjectDoc {
  id?: string;
  name?: string;
  url?: string;
  /** Open set (`source_video`, `source_document`, `created_waveform`, …); "" when the API sent none. */
  type: string;
  size?: number;
  /** Seconds, for audio and video. */
  duration?: number;
  sourceLanguage?: string;
}

export interface Project extends ProjectSummary {
  /** Missing -> []. */
  projectDocs: ProjectDoc[];
}

export interface UploadResult {
  projectId: string;
}

export const projectSummarySchema = z
  .object({
    id: requiredId,
    name: z
      .unknown()
      .optional()
      .transform((v): string => (typeof v === 'string' ? v : '')),
    sourceLanguage: optionalText,
    createdAt: optionalText,
    folderId: optionalText,
    ordersCount: optionalNumber,
  })
  .transform((p): ProjectSummary => compact(p));

export const projectPageSchema = z
  .object({
    data: z.array(projectSummarySchema),
    meta: pageMetaSchema,
  })
  .transform((p): ProjectPage => ({ projects: p.data, meta: p.meta }));

export const projectDocSchema = z
  .object({
    id: optionalText,
    name: optionalText,
    url: optionalText,
    type: z
      .unknown()
      .optional()
      .transform((v): string => (typeof v === 'string' ? v : '')),
    size: optionalNumber,
    duration: optionalNumber,
    sourceLanguage: optionalText,
  })
  .transform((d): ProjectDoc => compact(d));

export const projectSchema = z
  .object({
    id: requiredId,
    name: z
      .unknown()
      .optional()
      .transform((v): string => (typeof v === 'string' ? v : '')),
    sourceLanguage: optionalText,
    createdAt: optionalText,
    folderId: optionalText,
    ordersCount: optionalNumber,
    projectDocs: z
      .array(projectDocSchema)
      .nullish()
      .transform((v): ProjectDoc[] => v ?? []),
  })
  .transform((p): Project => compact(p));

/** 201 `{ projectId }` of POST /integration/upload/direct. */
export const uploadResultSchema = z.object({ projectId: requiredId }).transform((r): UploadResult => ({ projectId: r.projectId }));

// Statuses live in status.ts (no zod: the wait loop needs them before any schema is loaded).
export { isFinished, isSuccess } from './status.ts';

// ---- helpers --------------------------------------------------------------------------------

/** Drops keys whose value is undefined, so parsed objects carry only what the API sent. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

/**
 * Zod issue path as a readable field path: `orderDocs[0].size`, `[1].orderId`, `data[3].id`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || '(body)';
}

/** The first issue of a failed parse, as "field: what was wrong". Never the body itself. */
export function describeSchemaError(error: z.ZodError): string {
  const issues = error.issues;
  const first = issues[0];
  if (!first) return 'invalid body';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `${formatPath(first.path)}: ${summariseIssue(first)}${more}`;
}

function summariseIssue(issue: z.core.$ZodIssue): string {
  // zod's own wording ("Invalid input: expected string, received undefined") names the types
  // only, never the value.
  return issue.message;
}
