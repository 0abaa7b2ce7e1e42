export const id = 415;
export const ids = [415];
export const modules = {

/***/ 86415:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   isCacheAvailable: () => (/* binding */ isCacheAvailable),
/* harmony export */   manifestKeyPrefix: () => (/* binding */ manifestKeyPrefix),
/* harmony export */   mergeManifest: () => (/* binding */ mergeManifest),
/* harmony export */   restoreManifest: () => (/* binding */ restoreManifest),
/* harmony export */   saveManifest: () => (/* binding */ saveManifest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9691);
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(86587);
/**
 * Remembers, in the Actions cache, the orders earlier runs created, so that a re-run (or the
 * next push) finds them even where List Orders is slow to show a new order, and does not pay
 * twice.
 *
 * Cache entries are immutable: every save writes a new key under a common prefix, and a restore
 * by that prefix returns the newest. The caller merges the restored manifest's entries with the
 * new ones (mergeManifest) before saving, so the newest entry holds them all.
 *
 * Caching is a help, never a requirement: nothing here throws, a failure is a warning.
 */





/** The file the cache stores; its path is part of the cache version, so it must not vary. */
const MANIFEST_FILE = 'ollang-order-manifest.json';
/** A manifest is small; this bounds what a tampered or corrupt entry can make us hold. */
const MAX_ENTRIES = 5000;
const manifestSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz(1),
    projectId: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1),
    orderType: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1),
    level: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int(),
    orders: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
        orderId: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1).max(200),
        language: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1).max(50),
        createdAt: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().max(100),
    }))
        .max(MAX_ENTRIES),
});
/**
 * `ollang-orders-v1-<16 hex>-`. A hash, because cache keys are visible to everyone who can read
 * the repository's caches, and must not contain commas: no raw user text goes in.
 */
function manifestKeyPrefix(projectId, orderType, level) {
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${projectId}|${orderType}|${level}`).digest('hex');
    return `ollang-orders-v1-${digest.slice(0, 16)}-`;
}
/** Whether the runner offers the cache service (not on some GHES and local runners). */
async function isCacheAvailable() {
    try {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(498), __webpack_require__.e(142)]).then(__webpack_require__.bind(__webpack_require__, 60142));
        return cache.isFeatureAvailable();
    }
    catch {
        return false;
    }
}
/** The newest manifest saved for this scope, or undefined (none, unreadable, or no cache). */
async function restoreManifest(scope, options) {
    const { log } = options;
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(options.directory, MANIFEST_FILE);
    const prefix = manifestKeyPrefix(scope.projectId, scope.orderType, scope.level);
    try {
        // A file left by an earlier step must not pass for what the cache returned.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
        const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(498), __webpack_require__.e(142)]).then(__webpack_require__.bind(__webpack_require__, 60142));
        const matchedKey = await cache.restoreCache([file], prefix, [prefix]);
        if (!matchedKey) {
            log.debug(`No order manifest in the Actions cache for ${prefix}*.`);
            return undefined;
        }
        const parsed = manifestSchema.safeParse(JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8')));
        if (!parsed.success) {
            log.warning(`Ignoring the order manifest from cache entry ${matchedKey}: it is not in the expected shape.`);
            return undefined;
        }
        const manifest = parsed.data;
        if (manifest.projectId !== scope.projectId || manifest.orderType !== scope.orderType || manifest.level !== scope.level) {
            log.warning(`Ignoring the order manifest from cache entry ${matchedKey}: it belongs to another project, order type or level.`);
            return undefined;
        }
        log.info(`Found ${manifest.orders.length} order(s) from earlier runs in the Actions cache (${matchedKey}).`);
        return manifest;
    }
    catch (error) {
        log.warning(`Could not read the order manifest from the Actions cache: ${messageOf(error)}. Continuing without it.`);
        return undefined;
    }
}
/** Saves the manifest under a new key (entries are immutable). */
async function saveManifest(manifest, options) {
    const { log } = options;
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(options.directory, MANIFEST_FILE);
    const prefix = manifestKeyPrefix(manifest.projectId, manifest.orderType, manifest.level);
    // Re-runs of one workflow run share GITHUB_RUN_ID: the time keeps their keys apart.
    const runId = (options.runId ?? 'local').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'local';
    const key = `${prefix}${runId}-${Date.now().toString(36)}`;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(options.directory, { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, JSON.stringify(manifest, null, 2) + '\n', 'utf8');
        const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(498), __webpack_require__.e(142)]).then(__webpack_require__.bind(__webpack_require__, 60142));
        const cacheId = await cache.saveCache([file], key);
        // saveCache reports most failures itself (as warnings) and answers -1.
        if (cacheId === -1) {
            log.warning(`Could not save the order manifest to the Actions cache (key ${key}); a re-run relies on List Orders alone to find this run's orders.`);
        }
        else {
            log.debug(`Saved ${manifest.orders.length} order(s) to the Actions cache as ${key}.`);
        }
    }
    catch (error) {
        log.warning(`Could not save the order manifest to the Actions cache: ${messageOf(error)}.`);
    }
}
/**
 * The manifest to save: the restored entries plus this run's, one entry per order ID (the
 * first seen wins, so an order keeps its original creation time). A restored manifest of
 * another scope is ignored.
 */
function mergeManifest(restored, scope, created) {
    const sameScope = restored && restored.projectId === scope.projectId && restored.orderType === scope.orderType && restored.level === scope.level;
    const byId = new Map();
    for (const entry of [...(sameScope ? restored.orders : []), ...created]) {
        if (!byId.has(entry.orderId))
            byId.set(entry.orderId, entry);
    }
    // Keep the newest entries when over the bound: old orders are the least likely to be reused.
    const orders = [...byId.values()].slice(-MAX_ENTRIES);
    return { version: 1, projectId: scope.projectId, orderType: scope.orderType, level: scope.level, orders };
}
function messageOf(error) {
    return (0,_error_message_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error);
}


/***/ })

};
