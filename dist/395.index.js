export const id = 395;
export const ids = [395];
export const modules = {

/***/ 17395:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cancelHumanReviewSchema: () => (/* binding */ cancelHumanReviewSchema),
/* harmony export */   createOrderResponseSchema: () => (/* binding */ createOrderResponseSchema),
/* harmony export */   createdOrderSchema: () => (/* binding */ createdOrderSchema),
/* harmony export */   describeSchemaError: () => (/* binding */ describeSchemaError),
/* harmony export */   formatPath: () => (/* binding */ formatPath),
/* harmony export */   isFinished: () => (/* reexport safe */ _status_js__WEBPACK_IMPORTED_MODULE_2__.$g),
/* harmony export */   isSuccess: () => (/* reexport safe */ _status_js__WEBPACK_IMPORTED_MODULE_2__.oJ),
/* harmony export */   orderDocSchema: () => (/* binding */ orderDocSchema),
/* harmony export */   orderPageSchema: () => (/* binding */ orderPageSchema),
/* harmony export */   orderSchema: () => (/* binding */ orderSchema),
/* harmony export */   orderSummarySchema: () => (/* binding */ orderSummarySchema),
/* harmony export */   projectDocSchema: () => (/* binding */ projectDocSchema),
/* harmony export */   projectPageSchema: () => (/* binding */ projectPageSchema),
/* harmony export */   projectSchema: () => (/* binding */ projectSchema),
/* harmony export */   projectSummarySchema: () => (/* binding */ projectSummarySchema),
/* harmony export */   uploadResultSchema: () => (/* binding */ uploadResultSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9691);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88532);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(19069);
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

// ---- building blocks ------------------------------------------------------------------------
/** A string we act on: must be present and non-empty. */
const requiredId = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1, 'expected a non-empty string');
/** Optional text: a non-empty string, else undefined (missing, null, "", wrong type). */
const optionalText = zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()
    .optional()
    .transform((v) => (typeof v === 'string' && v !== '' ? v : undefined));
/** An ISO 8601 date and time without a time zone (`2024-01-15T10:30:00`). */
const ZONELESS_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
/**
 * Optional `createdAt`: as optionalText; a stamp without a time zone is Ollang's clock in UTC
 * (docs/ollang-api.md, "Orders"), so it is given the `Z` that Date.parse needs not to read it as
 * the runner's local time.
 */
const optionalStamp = optionalText.transform((v) => (v !== undefined && ZONELESS_DATE_TIME.test(v) ? `${v}Z` : v));
/** Optional number: a finite number (or numeric string), else undefined. */
const optionalNumber = zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()
    .optional()
    .transform((v) => {
    if (typeof v === 'number' && Number.isFinite(v))
        return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
        return Number(v);
    return undefined;
});
/** Optional boolean: true/false, else undefined. */
const optionalBoolean = zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()
    .optional()
    .transform((v) => (typeof v === 'boolean' ? v : undefined));
// ---- Get Order ------------------------------------------------------------------------------
const orderDocSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: optionalText,
    name: optionalText,
    url: optionalText,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()
        .optional()
        .transform((v) => (typeof v === 'string' ? v : '')),
    size: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig('expected a non-negative number')
        .min(0, 'expected a non-negative number')
        .nullish()
        .transform((v) => v ?? undefined),
})
    .transform((d) => compact(d));
const orderSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: requiredId,
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    targetLanguage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    name: optionalText,
    projectId: optionalText,
    level: optionalNumber,
    createdAt: optionalStamp,
    sourceLanguage: optionalText,
    vttUrl: optionalText,
    orderDocs: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(orderDocSchema)
        .nullish()
        .transform((v) => v ?? []),
})
    .transform((o) => compact(o));
// ---- List Orders ----------------------------------------------------------------------------
const orderSummarySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: requiredId,
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    targetLanguage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    projectId: optionalText,
    createdAt: optionalStamp,
    name: optionalText,
    level: optionalNumber,
})
    .transform((o) => compact(o));
const pageMetaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    page: optionalNumber,
    take: optionalNumber,
    itemCount: optionalNumber,
    pageCount: optionalNumber,
    hasNextPage: optionalBoolean,
    hasPreviousPage: optionalBoolean,
})
    .transform((m, ctx) => {
    const page = m.page ?? 1;
    let hasNextPage = m.hasNextPage;
    // Without the flag, page < pageCount says the same thing; without either we cannot page.
    if (hasNextPage === undefined && m.pageCount !== undefined)
        hasNextPage = page < m.pageCount;
    if (hasNextPage === undefined) {
        ctx.issues.push({
            code: 'custom',
            message: 'expected a boolean (and no pageCount to derive it from)',
            input: m.hasNextPage,
            path: ['hasNextPage'],
        });
        return zod__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm;
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
const orderPageSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    data: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(orderSummarySchema),
    meta: pageMetaSchema,
})
    .transform((p) => ({ orders: p.data, meta: p.meta }));
// ---- Create Order, Cancel Human Review -------------------------------------------------------
const createdOrderSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    orderId: requiredId,
    orderType: optionalText,
})
    .transform((c) => compact(c));
const createOrderResponseSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(createdOrderSchema, 'expected an array of {orderId}');
const cancelHumanReviewSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    success: optionalBoolean,
    message: optionalText,
    orderId: optionalText,
})
    .transform((r) => compact({ ...r, success: r.success ?? true }));
const projectSummarySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: requiredId,
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()
        .optional()
        .transform((v) => (typeof v === 'string' ? v : '')),
    sourceLanguage: optionalText,
    createdAt: optionalText,
    folderId: optionalText,
    ordersCount: optionalNumber,
})
    .transform((p) => compact(p));
const projectPageSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    data: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(projectSummarySchema),
    meta: pageMetaSchema,
})
    .transform((p) => ({ projects: p.data, meta: p.meta }));
const projectDocSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: optionalText,
    name: optionalText,
    url: optionalText,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()
        .optional()
        .transform((v) => (typeof v === 'string' ? v : '')),
    size: optionalNumber,
    duration: optionalNumber,
    sourceLanguage: optionalText,
})
    .transform((d) => compact(d));
const projectSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: requiredId,
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()
        .optional()
        .transform((v) => (typeof v === 'string' ? v : '')),
    sourceLanguage: optionalText,
    createdAt: optionalText,
    folderId: optionalText,
    ordersCount: optionalNumber,
    projectDocs: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(projectDocSchema)
        .nullish()
        .transform((v) => v ?? []),
})
    .transform((p) => compact(p));
/** 201 `{ projectId }` of POST /integration/upload/direct. */
const uploadResultSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ projectId: requiredId }).transform((r) => ({ projectId: r.projectId }));
// Statuses live in status.ts (no zod: the wait loop needs them before any schema is loaded).

// ---- helpers --------------------------------------------------------------------------------
/** Drops keys whose value is undefined, so parsed objects carry only what the API sent. */
function compact(value) {
    for (const key of Object.keys(value)) {
        if (value[key] === undefined)
            delete value[key];
    }
    return value;
}
/**
 * Zod issue path as a readable field path: `orderDocs[0].size`, `[1].orderId`, `data[3].id`.
 */
function formatPath(path) {
    let out = '';
    for (const part of path) {
        if (typeof part === 'number')
            out += `[${part}]`;
        else
            out += out === '' ? String(part) : `.${String(part)}`;
    }
    return out || '(body)';
}
/** The first issue of a failed parse, as "field: what was wrong". Never the body itself. */
function describeSchemaError(error) {
    const issues = error.issues;
    const first = issues[0];
    if (!first)
        return 'invalid body';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    return `${formatPath(first.path)}: ${summariseIssue(first)}${more}`;
}
function summariseIssue(issue) {
    // zod's own wording ("Invalid input: expected string, received undefined") names the types
    // only, never the value.
    return issue.message;
}


/***/ })

};
