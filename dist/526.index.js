export const id = 526;
export const ids = [526];
export const modules = {

/***/ 526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: ABORT_CANCEL_BUDGET_MS

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/duration.ts
/**
 * Durations as users write them in `timeout` and `poll-interval`.
 *
 * Grammar (units are case-insensitive, whitespace between parts is allowed):
 *   duration := number                  a bare number is seconds: "90", "1.5"
 *             | part+                   "500ms", "90s", "45m", "2h", "1d", "1h30m", "1h 30m 15s"
 *   part     := number unit
 *   number   := digits [ "." digits ] | "." digits
 *   unit     := ms | s | m | h | d      (also sec/secs/second(s), min/mins/minute(s), hr/hrs/hour(s), day(s))
 * Each unit may appear once, largest first. The result is rounded to whole milliseconds and must be
 * between 0 and 7 days.
 */
const MAX_DURATION_MS = 7 * 24 * 60 * 60 * 1000;
const MS_PER = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
};
const UNIT_ALIASES = {
    ms: 'ms',
    msec: 'ms',
    msecs: 'ms',
    millisecond: 'ms',
    milliseconds: 'ms',
    s: 's',
    sec: 's',
    secs: 's',
    second: 's',
    seconds: 's',
    m: 'm',
    min: 'm',
    mins: 'm',
    minute: 'm',
    minutes: 'm',
    h: 'h',
    hr: 'h',
    hrs: 'h',
    hour: 'h',
    hours: 'h',
    d: 'd',
    day: 'd',
    days: 'd',
};
const UNIT_ORDER = ['d', 'h', 'm', 's', 'ms'];
/** Thrown by parseDuration. `reason` is the message without the offending text (for callers that quote it themselves). */
class DurationError extends Error {
    reason;
    constructor(text, reason) {
        super(`${quote(text)} ${reason}`);
        this.name = 'DurationError';
        this.reason = reason;
    }
}
const NUMBER = String.raw `(?:\d+(?:\.\d+)?|\.\d+)`;
const BARE_NUMBER = new RegExp(`^${NUMBER}$`);
const PART = new RegExp(`\\s*(${NUMBER})\\s*([a-zA-Z]+)\\s*`, 'y');
/** Parses "500ms", "90s", "45m", "2h", "1h30m", "1.5h" or a bare number of seconds into milliseconds. */
function parseDuration(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        throw new DurationError(text, 'is empty: give a number with a unit, such as 90s or 45m');
    if (trimmed.length > 64)
        throw new DurationError(text, 'is too long to be a duration');
    if (/^-/.test(trimmed))
        throw new DurationError(text, 'is negative: a duration must be 0 or more');
    let total;
    if (BARE_NUMBER.test(trimmed)) {
        total = Number(trimmed) * MS_PER.s;
    }
    else {
        total = 0;
        let lastRank = -1;
        PART.lastIndex = 0;
        let position = 0;
        while (position < trimmed.length) {
            PART.lastIndex = position;
            const match = PART.exec(trimmed);
            if (!match)
                throw new DurationError(text, 'is not a duration: write a number with a unit, such as 500ms, 90s, 45m, 2h or 1h30m');
            const unitWritten = match[2];
            const unit = UNIT_ALIASES[unitWritten.toLowerCase()];
            if (unit === undefined) {
                throw new DurationError(text, `has an unknown unit '${unitWritten.slice(0, 16)}': use ms, s, m, h or d`);
            }
            const rank = UNIT_ORDER.indexOf(unit);
            if (rank <= lastRank) {
                throw new DurationError(text, 'repeats a unit or lists a smaller unit before a larger one: write it like 1h30m');
            }
            lastRank = rank;
            total += Number(match[1]) * MS_PER[unit];
            position = PART.lastIndex;
        }
    }
    if (!Number.isFinite(total))
        throw new DurationError(text, 'is not a finite duration');
    const ms = Math.round(total);
    if (ms > MAX_DURATION_MS)
        throw new DurationError(text, 'is longer than the 7 days (168h) allowed');
    return ms;
}
/** A short human form for logs: "38m", "1h 5m", "45s", "500ms", "0s". parseDuration(formatDuration(x)) === x. */
function formatDuration(ms) {
    if (!Number.isFinite(ms))
        return String(ms);
    if (ms < 0)
        return `-${formatDuration(-ms)}`;
    let rest = Math.round(ms);
    if (rest === 0)
        return '0s';
    const parts = [];
    for (const unit of ['h', 'm', 's', 'ms']) {
        const size = MS_PER[unit];
        const count = Math.floor(rest / size);
        rest -= count * size;
        if (count > 0)
            parts.push(`${count}${unit}`);
    }
    return parts.join(' ');
}
function quote(text) {
    const chars = Array.from(text);
    const shown = chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : text;
    return JSON.stringify(shown).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

;// CONCATENATED MODULE: ./src/inputs.ts
/**
 * Reads and validates every input (see action.yml and ../shared/action-contract.md) into a
 * typed Settings object, before a single request reaches Ollang.
 *
 * The first bad input found throws an InputError that names the input, says what is wrong and
 * lists the accepted values. Single-input checks run in the order of the contract's input
 * table; checks that relate two inputs (required-unless, subsets, only-with) run after them.
 *
 * Spelling rules that apply to several inputs:
 * - Every value is trimmed; an empty value means "use the default".
 * - Lists (target-languages, rush-languages, order-ids, download) are separated by commas,
 *   spaces or newlines, in any mix.
 * - Booleans accept true/false, yes/no and 1/0, in any letter case (a superset of the
 *   YAML 1.2 core spellings `true|True|TRUE|false|False|FALSE`). Anything else is an error.
 * - Enumerations (order-type, mode, ...) match in any letter case and become the canonical
 *   spelling (`aidubbing` -> `aiDubbing`).
 * - The values of api-key and github-token are never quoted in a message, and any other value
 *   quoted has those secrets blanked out, URL credentials removed, control and bidi characters
 *   escaped, and is cut to about 60 characters.
 */


/** A bad input. `input` is the input's name as written in the workflow (`rush-languages`). */
class InputError extends Error {
    input;
    constructor(input, message) {
        super(message);
        this.name = 'InputError';
        this.input = input;
    }
}
/**
 * `api-key` is empty on a pull request from a fork: GitHub does not pass secrets to those
 * runs. main can skip with a notice instead of failing.
 */
class MissingSecretOnForkError extends InputError {
    constructor() {
        super('api-key', "Input 'api-key' is empty. This is a pull request from a fork, and GitHub does not pass secrets to workflows " +
            'run for forks, so nothing was ordered. Accepted: an Ollang API key, usually `${{ secrets.OLLANG_API_KEY }}`.');
        this.name = 'MissingSecretOnForkError';
    }
}
const DEFAULT_API_URL = 'https://api-integration.ollang.com';
const DEFAULT_MAX_DOWNLOAD_SIZE = '2GiB';
const MIN_POLL_INTERVAL_MS = 100;
const MIN_DOWNLOAD_BYTES = 1024;
const MAX_DOWNLOAD_BYTES = 1024 ** 4; // 1 TiB
const ORDER_TYPES = ['cc', 'subtitle', 'document', 'aiDubbing', 'studioDubbing'];
const ORDER_SUB_TYPES = ['closedCaption', 'timecodedTranscription'];
const DUBBING_STYLES = ['overdub', 'lipsync', 'audioDescription'];
const DUBBING_TYPES = ['aiDubbing', 'studioDubbing'];
const MODES = ['run', 'submit', 'collect', 'cancel'];
const ON_TIMEOUT = ['fail', 'cancel', 'continue'];
const DOWNLOAD_KINDS = ['subtitles', 'vtt', 'dubbing', 'documents'];
const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);
const BOOLEAN_ACCEPTED = "'true' or 'false' (also yes/no or 1/0, in any letter case)";
const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
const ID_ACCEPTED = '1 to 128 letters, digits, - or _';
/** primary language (2-3 letters), optional script (4 letters), optional region (2 letters or 3 digits). */
const LANGUAGE_PATTERN = /^([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}|[0-9]{3}))?$/;
const LANGUAGE_ACCEPTED = 'language codes such as fr, es, pt-BR, zh-TW, zh-Hant or es-419, separated by commas, spaces or newlines';
const DURATION_ACCEPTED = 'a number with a unit: ms, s, m, h or d (500ms, 90s, 45m, 2h, 1h30m; a bare number is seconds)';
const MAX_SHOWN = 60;
/** Reads every input. Throws InputError (or MissingSecretOnForkError) for the first bad one. */
function readSettings(getInput, env) {
    const raw = (name) => {
        const value = getInput(name);
        return typeof value === 'string' ? value.trim() : '';
    };
    // ---- api-key first: its value is needed to keep it out of every later message.
    const apiKey = raw('api-key');
    const githubToken = raw('github-token');
    const show = makeShow([apiKey, githubToken]);
    const fail = (input, problem, accepted) => {
        throw new InputError(input, `Input '${input}': ${problem}. Accepted: ${accepted}.`);
    };
    if (apiKey === '') {
        if (env.isForkPullRequest)
            throw new MissingSecretOnForkError();
        fail('api-key', 'is required and is empty (is the secret set for this repository?)', 'an Ollang API key, usually `${{ secrets.OLLANG_API_KEY }}`');
    }
    if (!/^[\x21-\x7e]+$/.test(apiKey)) {
        // Never echo the key. A header value with spaces or control characters would also fail in fetch.
        fail('api-key', 'contains spaces, control or non-ASCII characters (the value is not shown)', 'an Ollang API key of printable ASCII characters');
    }
    // ---- single-input checks, in the contract's order.
    const apiUrl = readApiUrl(raw('api-url'), show, fail);
    const projectId = raw('project-id');
    if (projectId !== '' && !ID_PATTERN.test(projectId)) {
        fail('project-id', `${show(projectId)} is not a project ID`, `an Ollang project ID: ${ID_ACCEPTED}`);
    }
    const targetLanguages = readLanguages('target-languages', raw('target-languages'), show, fail);
    const rushRaw = raw('rush-languages');
    const rushAll = rushRaw.toLowerCase() === 'all';
    if (!rushAll && splitList(rushRaw).some((item) => item.toLowerCase() === 'all')) {
        fail('rush-languages', `${show(rushRaw)} combines 'all' with language codes`, "a subset of target-languages, or 'all' alone");
    }
    const rushListed = rushAll ? [] : readLanguages('rush-languages', rushRaw, show, fail, "a subset of target-languages, or 'all'");
    const orderType = readEnum('order-type', raw('order-type'), ORDER_TYPES, 'subtitle', show, fail);
    const orderSubTypeRaw = raw('order-sub-type');
    const orderSubType = orderSubTypeRaw === '' ? undefined : readEnum('order-sub-type', orderSubTypeRaw, ORDER_SUB_TYPES, undefined, show, fail, ` (only with order-type 'cc'), or empty`);
    const dubbingStyleRaw = raw('dubbing-style');
    const dubbingStyle = dubbingStyleRaw === '' ? undefined : readEnum('dubbing-style', dubbingStyleRaw, DUBBING_STYLES, undefined, show, fail, ` (only with order-type 'aiDubbing' or 'studioDubbing'), or empty`);
    const levelRaw = raw('level');
    let level = 0;
    if (levelRaw === '1')
        level = 1;
    else if (levelRaw !== '' && levelRaw !== '0') {
        fail('level', `${show(levelRaw)} is not a level`, "'0' (AI only) or '1' (AI plus human review)");
    }
    const autoQc = readBoolean('auto-qc', raw('auto-qc'), false, show, fail);
    const callbackUrl = readCallbackUrl(raw('callback-url'), show, fail);
    const mode = readEnum('mode', raw('mode'), MODES, 'run', show, fail);
    const orderIds = readOrderIds(raw('order-ids'), show, fail);
    const reuseOrders = readBoolean('reuse-orders', raw('reuse-orders'), true, show, fail);
    const timeoutMs = readDuration('timeout', raw('timeout'), '60m', show, fail, 'from 0 up to 7 days');
    const pollIntervalMs = readDuration('poll-interval', raw('poll-interval'), '30s', show, fail, 'from 100ms up to 7 days');
    if (pollIntervalMs < MIN_POLL_INTERVAL_MS) {
        fail('poll-interval', `${show(raw('poll-interval'))} is shorter than the 100ms minimum`, `${DURATION_ACCEPTED}, from 100ms up to 7 days`);
    }
    const onTimeout = readEnum('on-timeout', raw('on-timeout'), ON_TIMEOUT, 'fail', show, fail);
    const cancelOnAbort = readBoolean('cancel-on-abort', raw('cancel-on-abort'), true, show, fail);
    const workspace = external_node_path_default().resolve(env.workspace);
    const { outputDir, outputDirRelative } = readOutputDir(raw('output-dir'), workspace, show, fail);
    const download = readDownload(raw('download'), show, fail);
    const prComment = readBoolean('pr-comment', raw('pr-comment'), true, show, fail);
    const dryRun = readBoolean('dry-run', raw('dry-run'), false, show, fail);
    const maxDownloadBytes = readByteSize('max-download-size', raw('max-download-size'), show, fail);
    // ---- checks that relate inputs.
    if (orderIds.length === 0) {
        const why = mode === 'collect' || mode === 'cancel' ? `mode '${mode}' needs order-ids, or project-id and target-languages` : 'it is required unless order-ids is given';
        if (projectId === '')
            fail('project-id', `is empty, and ${why}`, `an Ollang project ID (${ID_ACCEPTED}), or set order-ids instead`);
        if (targetLanguages.length === 0)
            fail('target-languages', `is empty, and ${why}`, `${LANGUAGE_ACCEPTED}; or set order-ids instead`);
    }
    let rushLanguages;
    if (rushAll) {
        rushLanguages = [...targetLanguages];
    }
    else {
        const targets = new Set(targetLanguages);
        for (const code of rushListed) {
            if (!targets.has(code)) {
                const list = targetLanguages.length === 0 ? 'which is empty' : targetLanguages.join(', ');
                fail('rush-languages', `${show(code)} is not in target-languages (${list})`, "a subset of target-languages, or 'all'");
            }
        }
        const rush = new Set(rushListed);
        rushLanguages = targetLanguages.filter((code) => rush.has(code));
    }
    if (orderSubType !== undefined && orderType !== 'cc') {
        fail('order-sub-type', `${show(orderSubType)} is only allowed with order-type 'cc', and order-type is '${orderType}'`, `${ORDER_SUB_TYPES.join(', ')} with order-type 'cc'; otherwise leave it empty`);
    }
    if (dubbingStyle !== undefined && !DUBBING_TYPES.includes(orderType)) {
        fail('dubbing-style', `${show(dubbingStyle)} is only allowed with a dubbing order type, and order-type is '${orderType}'`, `${DUBBING_STYLES.join(', ')} with order-type 'aiDubbing' or 'studioDubbing'; otherwise leave it empty`);
    }
    const settings = {
        apiKey,
        apiUrl,
        projectId,
        targetLanguages,
        rushLanguages,
        orderType,
        level,
        autoQc,
        mode,
        orderIds,
        reuseOrders,
        timeoutMs,
        pollIntervalMs,
        onTimeout,
        cancelOnAbort,
        outputDir,
        outputDirRelative,
        workspace,
        download,
        githubToken,
        prComment,
        dryRun,
        maxDownloadBytes,
    };
    if (orderSubType !== undefined)
        settings.orderSubType = orderSubType;
    if (dubbingStyle !== undefined)
        settings.dubbingStyle = dubbingStyle;
    if (callbackUrl !== undefined)
        settings.callbackUrl = callbackUrl;
    return settings;
}
/** Splits a list written with commas, spaces and newlines in any mix. */
function splitList(text) {
    return text.split(/[\s,]+/u).filter((item) => item !== '');
}
/** `PT-br` -> `pt-BR`, `zh-hant` -> `zh-Hant`; undefined when it is not a language code. */
function normalizeLanguage(code) {
    const match = LANGUAGE_PATTERN.exec(code);
    if (!match)
        return undefined;
    const [, primary, script, region] = match;
    let out = primary.toLowerCase();
    if (script !== undefined)
        out += `-${script[0].toUpperCase()}${script.slice(1).toLowerCase()}`;
    if (region !== undefined)
        out += `-${region.toUpperCase()}`;
    return out;
}
function readLanguages(input, text, show, fail, accepted = LANGUAGE_ACCEPTED) {
    const out = [];
    const seen = new Set();
    for (const item of splitList(text)) {
        const code = normalizeLanguage(item);
        if (code === undefined) {
            const hint = item.includes('_') ? " (use '-', not '_')" : '';
            fail(input, `${show(item)} is not a language code${hint}`, accepted === LANGUAGE_ACCEPTED ? accepted : `${accepted}; as ${LANGUAGE_ACCEPTED}`);
        }
        else {
            if (seen.has(code))
                fail(input, `${show(code)} is listed more than once`, `${accepted === LANGUAGE_ACCEPTED ? LANGUAGE_ACCEPTED : accepted}, each once`);
            seen.add(code);
            out.push(code);
        }
    }
    return out;
}
function readOrderIds(text, show, fail) {
    const out = [];
    const seen = new Set();
    for (const id of splitList(text)) {
        if (!ID_PATTERN.test(id))
            fail('order-ids', `${show(id)} is not an order ID`, `order IDs of ${ID_ACCEPTED}, separated by commas, spaces or newlines`);
        if (seen.has(id))
            fail('order-ids', `${show(id)} is listed more than once`, `order IDs of ${ID_ACCEPTED}, each once`);
        seen.add(id);
        out.push(id);
    }
    return out;
}
function readEnum(input, text, values, fallback, show, fail, acceptedSuffix = '') {
    if (text === '' && fallback !== undefined)
        return fallback;
    const found = values.find((value) => value.toLowerCase() === text.toLowerCase());
    if (found === undefined) {
        return fail(input, `${show(text)} is not one of the accepted values`, `${values.map((v) => `'${v}'`).join(', ')}${acceptedSuffix}`);
    }
    return found;
}
function readBoolean(input, text, fallback, show, fail) {
    if (text === '')
        return fallback;
    const word = text.toLowerCase();
    if (TRUE_WORDS.has(word))
        return true;
    if (FALSE_WORDS.has(word))
        return false;
    return fail(input, `${show(text)} is not a boolean`, BOOLEAN_ACCEPTED);
}
function readDuration(input, text, fallback, show, fail, range) {
    try {
        return parseDuration(text === '' ? fallback : text);
    }
    catch (error) {
        const reason = error instanceof DurationError ? error.reason : 'is not a duration';
        return fail(input, `${show(text)} ${reason}`, `${DURATION_ACCEPTED}, ${range}`);
    }
}
function readApiUrl(text, show, fail) {
    if (text === '')
        return DEFAULT_API_URL;
    const accepted = `an http or https base URL without user name, password, query or fragment, such as ${DEFAULT_API_URL}`;
    const url = parseUrl(text);
    if (url === undefined)
        return fail('api-url', `${show(text)} is not a URL`, accepted);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return fail('api-url', `${show(text)} does not use http or https`, accepted);
    }
    if (url.username !== '' || url.password !== '') {
        return fail('api-url', 'contains a user name or password (the value is not shown); the API key goes in api-key', accepted);
    }
    if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) {
        return fail('api-url', `${show(text)} has a query or fragment`, accepted);
    }
    return `${url.origin}${url.pathname.replace(/\/+$/u, '')}`;
}
function readCallbackUrl(text, show, fail) {
    if (text === '')
        return undefined;
    const accepted = 'an absolute http or https URL, or empty';
    if (text.length > 2048)
        return fail('callback-url', 'is longer than 2048 characters', accepted);
    if (/[\s\p{Cc}]/u.test(text))
        return fail('callback-url', `${show(text)} contains spaces or control characters`, accepted);
    const url = parseUrl(text);
    if (url === undefined)
        return fail('callback-url', `${show(text)} is not a URL`, accepted);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return fail('callback-url', `${show(text)} does not use http or https`, accepted);
    }
    if (url.hostname === '')
        return fail('callback-url', `${show(text)} has no host`, accepted);
    return text;
}
function parseUrl(text) {
    try {
        return new URL(text);
    }
    catch {
        return undefined;
    }
}
function readOutputDir(text, workspace, show, fail) {
    const value = text === '' ? 'localized' : text;
    const accepted = `a folder inside the workspace, relative to it (such as 'localized' or 'docs/subtitles'), not the workspace root itself`;
    if (/\p{Cc}/u.test(value))
        fail('output-dir', `${show(value)} contains control characters`, accepted);
    if (value.startsWith('~'))
        fail('output-dir', `${show(value)} starts with '~', which is not expanded to a home folder`, accepted);
    const outputDir = external_node_path_default().resolve(workspace, value);
    const relative = external_node_path_default().relative(workspace, outputDir);
    if (relative === '')
        fail('output-dir', `${show(value)} is the workspace root itself`, accepted);
    if (external_node_path_default().isAbsolute(relative) || relative === '..' || relative.startsWith(`..${(external_node_path_default()).sep}`)) {
        fail('output-dir', `${show(value)} is outside the workspace (${workspace})`, accepted);
    }
    return { outputDir, outputDirRelative: relative.split((external_node_path_default()).sep).join('/') };
}
function readDownload(text, show, fail) {
    const accepted = `any of ${DOWNLOAD_KINDS.map((k) => `'${k}'`).join(', ')} separated by commas or spaces, or 'all' alone, or 'none' alone`;
    const items = splitList(text === '' ? 'subtitles,vtt' : text).map((item) => item.toLowerCase());
    if (items.includes('none') || items.includes('all')) {
        if (items.length !== 1) {
            const word = items.includes('none') ? 'none' : 'all';
            fail('download', `${show(text)} combines '${word}' with other values`, accepted);
        }
        return new Set(items[0] === 'all' ? DOWNLOAD_KINDS : []);
    }
    const out = new Set();
    for (const item of items) {
        const kind = DOWNLOAD_KINDS.find((k) => k === item);
        if (kind === undefined)
            fail('download', `${show(item)} is not something that can be downloaded`, accepted);
        else
            out.add(kind);
    }
    return out;
}
const BYTE_UNITS = {
    b: 1,
    kb: 1000,
    mb: 1000 ** 2,
    gb: 1000 ** 3,
    tb: 1000 ** 4,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
    tib: 1024 ** 4,
};
/** "2GiB", "500MB", "1048576", "1.5 GB" -> bytes. KB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024. */
function parseByteSize(text) {
    const match = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/u.exec(text.trim());
    if (!match)
        return undefined;
    const unit = match[2].toLowerCase();
    const size = unit === '' ? 1 : BYTE_UNITS[unit];
    if (size === undefined)
        return undefined;
    const bytes = Math.floor(Number(match[1]) * size);
    return Number.isSafeInteger(bytes) ? bytes : undefined;
}
function readByteSize(input, text, show, fail) {
    const accepted = 'a number of bytes, or a number with a unit KB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024), from 1KiB up to 1TiB, such as 500MB or 2GiB';
    const bytes = parseByteSize(text === '' ? DEFAULT_MAX_DOWNLOAD_SIZE : text);
    if (bytes === undefined)
        return fail(input, `${show(text)} is not a size`, accepted);
    if (bytes < MIN_DOWNLOAD_BYTES)
        return fail(input, `${show(text)} is smaller than 1KiB`, accepted);
    if (bytes > MAX_DOWNLOAD_BYTES)
        return fail(input, `${show(text)} is larger than 1TiB`, accepted);
    return bytes;
}
const ESCAPE = /[\p{Cc}\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udfff]/u;
/**
 * Quotes a value for a message: secrets blanked, URL credentials removed, control, bidi and
 * zero-width characters escaped, cut to about 60 characters.
 */
function makeShow(secrets) {
    const blank = secrets.filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
    return (value) => {
        let text = value;
        for (const secret of blank)
            text = text.split(secret).join('***');
        text = text.replace(/(\/\/)[^/@\s]*@/gu, '$1***@');
        let out = '';
        let count = 0;
        for (const char of text) {
            if (count >= MAX_SHOWN) {
                out += '…';
                break;
            }
            out += escapeChar(char);
            count += 1;
        }
        return `"${out}"`;
    };
}
function escapeChar(char) {
    if (char === '"')
        return '\\"';
    if (char === '\\')
        return '\\\\';
    if (!ESCAPE.test(char))
        return char;
    const code = char.codePointAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/github-context.ts
/**
 * The few facts about the workflow run the action needs, read from the runner's environment
 * and event file directly (importing @actions/github just for this would slow every start).
 */

function readWorkflowContext(env, cwd) {
    const eventName = env['GITHUB_EVENT_NAME'] ?? '';
    const repository = env['GITHUB_REPOSITORY'];
    const context = {
        eventName,
        workspace: env['GITHUB_WORKSPACE'] || cwd,
        apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
        ...(repository ? { repository } : {}),
        ...(env['GITHUB_SERVER_URL'] ? { serverUrl: env['GITHUB_SERVER_URL'] } : {}),
        ...(env['GITHUB_SHA'] ? { sha: env['GITHUB_SHA'] } : {}),
        ...(env['GITHUB_RUN_ID'] ? { runId: env['GITHUB_RUN_ID'] } : {}),
    };
    if ((eventName === 'pull_request' || eventName === 'pull_request_target') && env['GITHUB_EVENT_PATH'] && repository) {
        const pullRequest = readPullRequest(env['GITHUB_EVENT_PATH'], repository);
        if (pullRequest)
            context.pullRequest = pullRequest;
    }
    return context;
}
function readPullRequest(eventPath, repository) {
    try {
        const event = JSON.parse((0,external_node_fs_.readFileSync)(eventPath, 'utf8'));
        const number = event.pull_request?.number;
        if (typeof number !== 'number')
            return undefined;
        const headRepo = event.pull_request?.head?.repo;
        // A fork PR's head lives in another repository; GitHub withholds secrets from such runs.
        const isFork = headRepo?.fork === true || (typeof headRepo?.full_name === 'string' && headRepo.full_name !== repository);
        const [owner = '', repo = ''] = repository.split('/');
        return { number, owner, repo, isFork };
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/ollang/client.ts + 1 modules
var ollang_client = __webpack_require__(6050);
// EXTERNAL MODULE: ./src/ollang/errors.ts
var errors = __webpack_require__(2732);
// EXTERNAL MODULE: ./src/ollang/schemas.ts
var schemas = __webpack_require__(7395);
// EXTERNAL MODULE: ./src/state.ts
var src_state = __webpack_require__(2462);
// EXTERNAL MODULE: ./src/orders/choose.ts
var choose = __webpack_require__(1908);
// EXTERNAL MODULE: ./src/orders/cancel.ts
var cancel = __webpack_require__(3303);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var classic_schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./src/orders/manifest-cache.ts
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
const manifestSchema = classic_schemas/* object */.Ikc({
    version: classic_schemas/* literal */.euz(1),
    projectId: classic_schemas/* string */.YjP().min(1),
    orderType: classic_schemas/* string */.YjP().min(1),
    level: classic_schemas/* number */.aig().int(),
    orders: classic_schemas/* array */.YOg(classic_schemas/* object */.Ikc({
        orderId: classic_schemas/* string */.YjP().min(1).max(200),
        language: classic_schemas/* string */.YjP().min(1).max(50),
        createdAt: classic_schemas/* string */.YjP().max(100),
    }))
        .max(MAX_ENTRIES),
});
/**
 * `ollang-orders-v1-<16 hex>-`. A hash, because cache keys are visible to everyone who can read
 * the repository's caches, and must not contain commas: no raw user text goes in.
 */
function manifestKeyPrefix(projectId, orderType, level) {
    const digest = (0,external_node_crypto_.createHash)('sha256').update(`${projectId}|${orderType}|${level}`).digest('hex');
    return `ollang-orders-v1-${digest.slice(0, 16)}-`;
}
/** Whether the runner offers the cache service (not on some GHES and local runners). */
async function isCacheAvailable() {
    // isFeatureAvailable needs one of these in every cache service version: without them, spare
    // the start-up the load of @actions/cache (2.4 MB with the Azure SDK).
    if (!process.env['ACTIONS_CACHE_URL'] && !process.env['ACTIONS_RESULTS_URL'])
        return false;
    try {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(779)]).then(__webpack_require__.bind(__webpack_require__, 3779));
        return cache.isFeatureAvailable();
    }
    catch {
        return false;
    }
}
/** The newest manifest saved for this scope, or undefined (none, unreadable, or no cache). */
async function restoreManifest(scope, options) {
    const { log } = options;
    const file = external_node_path_default().join(options.directory, MANIFEST_FILE);
    const prefix = manifestKeyPrefix(scope.projectId, scope.orderType, scope.level);
    try {
        // A file left by an earlier step must not pass for what the cache returned.
        await (0,promises_.rm)(file, { force: true });
        const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(779)]).then(__webpack_require__.bind(__webpack_require__, 3779));
        const matchedKey = await cache.restoreCache([file], prefix, [prefix]);
        if (!matchedKey) {
            log.debug(`No order manifest in the Actions cache for ${prefix}*.`);
            return undefined;
        }
        const parsed = manifestSchema.safeParse(JSON.parse(await (0,promises_.readFile)(file, 'utf8')));
        if (!parsed.success) {
            log.warning(`Ignoring the order manifest from cache entry ${matchedKey}: it is not in the expected shape.`);
            return undefined;
        }
        const manifest = parsed.data;
        if (manifest.projectId !== scope.projectId ||
            manifest.orderType !== scope.orderType ||
            manifest.level !== scope.level) {
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
    const file = external_node_path_default().join(options.directory, MANIFEST_FILE);
    const prefix = manifestKeyPrefix(manifest.projectId, manifest.orderType, manifest.level);
    // Re-runs of one workflow run share GITHUB_RUN_ID: the time keeps their keys apart.
    const runId = (options.runId ?? 'local').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'local';
    const key = `${prefix}${runId}-${Date.now().toString(36)}`;
    try {
        await (0,promises_.mkdir)(options.directory, { recursive: true });
        await (0,promises_.writeFile)(file, JSON.stringify(manifest, null, 2) + '\n', 'utf8');
        const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(779)]).then(__webpack_require__.bind(__webpack_require__, 3779));
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
    const sameScope = restored &&
        restored.projectId === scope.projectId &&
        restored.orderType === scope.orderType &&
        restored.level === scope.level;
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
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/orders/memory.ts

async function openCacheMemory(options) {
    if (!(await isCacheAvailable())) {
        options.log.debug('The Actions cache service is not available: looking for earlier orders with List Orders only.');
        return undefined;
    }
    let restored;
    return {
        async recall(scope) {
            restored = await restoreManifest(scope, options);
            const byLanguage = new Map();
            // Newest first: the latest order for a language is the likeliest to be usable.
            for (const entry of [...(restored?.orders ?? [])].reverse()) {
                const language = entry.language.toLowerCase();
                byLanguage.set(language, [...(byLanguage.get(language) ?? []), entry.orderId]);
            }
            return byLanguage;
        },
        async remember(scope, orders) {
            const entries = orders.map((o) => ({ orderId: o.orderId, language: o.language, createdAt: o.createdAt ?? new Date().toISOString() }));
            await saveManifest(mergeManifest(restored, scope, entries), options);
        },
    };
}

;// CONCATENATED MODULE: ./src/wait/poller.ts



const PAGE_SIZE = 50;
/** Below this many unfinished orders, Get Order per order costs no more than a page of List Orders. */
const BATCH_THRESHOLD = 3;
/** Orders' createdAt and our clock may disagree a little. */
const CREATED_AT_SLACK_MS = 60_000;
/** Downloads larger than this run in their own lane (each lane holds downloadConcurrency at a time). */
const LARGE_DOWNLOAD_BYTES = 32 * 1024 * 1024;
/** Get Orders for finished orders' outputs, at once. */
const OUTPUT_CHECKS_AT_ONCE = 8;
/** A status check retries for at least this long (or one poll interval), never past the wait's deadline. */
const MIN_CHECK_RETRY_MS = 5_000;
async function waitForOrders(options) {
    const { clock, log, orders } = options;
    const basePollMs = options.pollIntervalMs;
    const maxIntervalMs = Math.max(basePollMs, options.maxIntervalMs ?? basePollMs * 2);
    const outputsGraceMs = options.outputsGraceMs ?? 120_000;
    const downloads = new DownloadPool(options.downloadConcurrency ?? 4);
    const largeDownloads = new DownloadPool(options.downloadConcurrency ?? 4);
    const startedAt = clock();
    let interval = basePollMs;
    let cycles = 0;
    let timedOut = false;
    try {
        for (;;) {
            options.signal?.throwIfAborted();
            cycles += 1;
            const cycleStartedAt = clock();
            // Orders fetched whole this cycle: a finished one needs no second Get Order for its outputs.
            const fetched = new Map();
            const changed = await checkUnfinished(options, fetched);
            await forEachLimited(orders.filter((o) => o.state === 'awaiting-outputs'), OUTPUT_CHECKS_AT_ONCE, async (followed) => {
                const order = fetched.get(followed.orderId) ?? (await getOrderOrNote(options, followed));
                if (!order)
                    return;
                const graceOver = clock() - (followed.completedSeenAt ?? clock()) >= outputsGraceMs;
                if (options.readiness(order) === 'ready' || graceOver) {
                    followed.state = 'downloading';
                    const pool = (options.downloadBytes?.(order) ?? 0) > LARGE_DOWNLOAD_BYTES ? largeDownloads : downloads;
                    pool.add(async () => {
                        await options.download(order, followed);
                        followed.doneAt = clock();
                    });
                }
            });
            const left = orders.filter((o) => o.state === 'waiting' || o.state === 'awaiting-outputs');
            if (left.length === 0)
                break;
            const now = clock();
            if (now >= options.deadline) {
                timedOut = true;
                for (const followed of left) {
                    followed.problem =
                        followed.state === 'awaiting-outputs'
                            ? `completed, but Ollang had not published its outputs when the wait ended`
                            : `still ${followed.status} when the wait ended`;
                    if (followed.lastCheckError)
                        followed.problem += `; the last check failed: ${followed.lastCheckError}`;
                    followed.state = 'timed-out';
                }
                break;
            }
            interval = changed ? basePollMs : Math.min(Math.round(interval * 1.25), maxIntervalMs);
            // Outputs usually follow `completed` within seconds: look again at the base pace.
            const pace = left.some((o) => o.state === 'awaiting-outputs') ? Math.min(interval, basePollMs) : interval;
            // Checks keep their cadence: the time this cycle's requests took counts towards the pause.
            const pause = Math.max(0, Math.min(pace - (now - cycleStartedAt), options.deadline - now));
            log.info(progressLine(orders, pause, options.deadline - now));
            await options.sleep(pause, options.signal);
        }
    }
    finally {
        // Downloads already started run to their end (or to the abort signal) in every case.
        await Promise.all([downloads.drain(), largeDownloads.drain()]);
    }
    return { cycles, timedOut, waitedMs: clock() - startedAt };
}
/** One round of status checks for the unfinished orders. Returns whether any status changed. */
async function checkUnfinished(options, fetched) {
    const waiting = options.orders.filter((o) => o.state === 'waiting');
    if (waiting.length === 0)
        return false;
    const statuses = await fetchStatuses(options, waiting, fetched);
    let changed = false;
    for (const followed of waiting) {
        const status = statuses.get(followed.orderId);
        if (status === undefined)
            continue;
        if (status !== followed.status)
            changed = true;
        followed.status = status;
        if ((0,schemas/* isSuccess */.oJ)(status)) {
            followed.state = 'awaiting-outputs';
            followed.completedSeenAt = options.clock();
            options.onSettled?.(followed);
        }
        else if ((0,schemas/* isFinished */.$g)(status)) {
            followed.state = 'failed';
            followed.problem = `Ollang reports the order as ${status}`;
            options.onSettled?.(followed);
            options.log.warning(`Order ${followed.orderId} (${followed.language}) ended ${status}.`, {
                title: `Ollang order ${status}: ${followed.language}`,
            });
        }
    }
    return changed;
}
/** Current status of each waiting order, by the cheapest route. Orders we could not check are absent. */
async function fetchStatuses(options, waiting, fetched) {
    const statuses = new Map();
    let unseen = waiting;
    if ((options.batchStatusChecks ?? true) && waiting.length >= BATCH_THRESHOLD) {
        unseen = await listStatuses(options, waiting, statuses);
    }
    await forEachLimited(unseen, 8, async (followed) => {
        const order = await getOrderOrNote(options, followed);
        if (!order)
            return;
        statuses.set(followed.orderId, order.status);
        fetched.set(followed.orderId, order);
    });
    return statuses;
}
/**
 * Pages through List Orders, oldest first from the oldest waiting order's creation, until every
 * waiting order was seen or the page budget is spent. Returns the orders not seen.
 */
async function listStatuses(options, waiting, statuses) {
    const dated = waiting.filter((o) => o.createdAt && Number.isFinite(Date.parse(o.createdAt)));
    if (dated.length < BATCH_THRESHOLD)
        return waiting;
    const oldest = Math.min(...dated.map((o) => Date.parse(o.createdAt)));
    const wanted = new Map(waiting.map((o) => [o.orderId, o]));
    const projects = new Set(waiting.map((o) => o.projectId));
    const types = new Set(waiting.map((o) => o.type));
    const onlyProject = projects.size === 1 ? [...projects][0] : undefined;
    const onlyType = types.size === 1 ? [...types][0] : undefined;
    // A page or two more than our own orders need leaves room for other orders created meanwhile.
    const maxPages = Math.ceil(waiting.length / PAGE_SIZE) + 2;
    try {
        const pages = options.client.listAllOrders({
            take: PAGE_SIZE,
            orderBy: 'createdAt',
            orderDirection: 'asc',
            filter: {
                createdAtFrom: new Date(oldest - CREATED_AT_SLACK_MS).toISOString(),
                ...(onlyProject ? { projectId: onlyProject } : {}),
                ...(onlyType ? { type: onlyType } : {}),
            },
        }, { maxPages });
        for await (const summary of pages) {
            const followed = wanted.get(summary.id);
            if (!followed)
                continue; // someone else's order: the filters are only hints
            wanted.delete(summary.id);
            statuses.set(summary.id, summary.status);
            learn(followed, summary);
            if (wanted.size === 0)
                break;
        }
    }
    catch (error) {
        if (isFatal(error))
            throw error;
        options.log.warning(`Listing orders failed (${poller_messageOf(error)}); checking each order instead.`);
    }
    return waiting.filter((o) => wanted.has(o.orderId));
}
/** Get Order for one followed order; a problem with one order never stops the others. */
async function getOrderOrNote(options, followed) {
    // One order's failing checks must not hold up the others' for more than a cycle, nor run past
    // the deadline; with no time left (timeout 0, the last look) they may retry for a few seconds.
    const now = options.clock();
    const deadline = options.deadline > now ? Math.min(options.deadline, now + Math.max(options.pollIntervalMs, MIN_CHECK_RETRY_MS)) : now + MIN_CHECK_RETRY_MS;
    try {
        const order = await options.client.getOrder(followed.orderId, { ...(options.signal ? { signal: options.signal } : {}), deadline });
        followed.status = order.status;
        learn(followed, order);
        delete followed.lastCheckError;
        return order;
    }
    catch (error) {
        if (isFatal(error))
            throw error;
        followed.lastCheckError = poller_messageOf(error);
        if (error instanceof errors/* OllangError */.eO && error.status === 404) {
            followed.state = 'failed';
            followed.problem = `Ollang no longer knows this order: ${error.message}`;
            options.onSettled?.(followed);
            return undefined;
        }
        options.log.warning(`Checking order ${followed.orderId} (${followed.language}) failed: ${poller_messageOf(error)}. Will try again.`);
        return undefined;
    }
}
/** Fills in what an order created but unreadable at the time (see choose.ts) left unknown. */
function learn(followed, seen) {
    if (!followed.language)
        followed.language = seen.targetLanguage;
    if (!followed.type)
        followed.type = seen.type;
    if (!followed.createdAt && seen.createdAt)
        followed.createdAt = seen.createdAt;
    if (!followed.projectId && seen.projectId)
        followed.projectId = seen.projectId;
}
/** Errors no retry can fix for any order: a bad key, or the run being aborted. */
function isFatal(error) {
    if (!(error instanceof errors/* OllangError */.eO))
        return !(error instanceof Error) || error.name === 'AbortError';
    return error.kind === 'aborted' || error.status === 401;
}
function poller_messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/** "7/12 completed, 3 ongoing, 2 pending; next check in 45s; 38m left" */
function progressLine(orders, nextCheckMs, leftMs) {
    const finishedWell = orders.filter((o) => o.state === 'done' || o.state === 'downloading' || o.state === 'awaiting-outputs');
    const counts = new Map();
    for (const o of orders) {
        if (o.state !== 'waiting')
            continue;
        counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
    }
    const failed = orders.filter((o) => o.state === 'failed').length;
    const parts = [`${finishedWell.length}/${orders.length} completed`];
    for (const [status, count] of [...counts].sort((a, b) => b[1] - a[1]))
        parts.push(`${count} ${status}`);
    if (failed)
        parts.push(`${failed} failed`);
    return `${parts.join(', ')}; next check in ${formatDuration(roughly(nextCheckMs))}; ${formatDuration(roughly(Math.max(0, leftMs)))} left`;
}
/** Past ten seconds, milliseconds in a log line are noise. */
function roughly(ms) {
    return ms >= 10_000 ? Math.round(ms / 1000) * 1000 : ms;
}
async function forEachLimited(items, limit, fn) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await fn(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
/** Runs downloads in the background, a bounded number at a time. */
class DownloadPool {
    #limit;
    #queue = [];
    #running = new Set();
    constructor(limit) {
        this.#limit = Math.max(1, limit);
    }
    add(task) {
        this.#queue.push(task);
        this.#pump();
    }
    #pump() {
        while (this.#running.size < this.#limit && this.#queue.length > 0) {
            const task = this.#queue.shift();
            // `download` records its own problems; a rejection here would be a bug, kept from killing the loop.
            const running = task()
                .catch(() => undefined)
                .finally(() => {
                this.#running.delete(running);
                this.#pump();
            });
            this.#running.add(running);
        }
    }
    async drain() {
        while (this.#running.size > 0)
            await Promise.race(this.#running);
    }
}

;// CONCATENATED MODULE: ./src/download/file-names.ts
/**
 * Makes file names that come from the API (document names, order names) safe to write inside
 * an output folder, on Linux, macOS and Windows runners alike.
 *
 * safeFileName's output:
 * - has no path separators (`/`, `\`: segments that are empty, `.` or `..` are dropped, the others
 *   joined with `_`), no Windows-reserved characters (`<>:"|?*`), no control
 *   characters (C0, DEL, C1), no bidi or zero-width format characters, no lone surrogates;
 * - does not start with a dot (no hidden files, never `.` or `..`) or a space, does not end
 *   with a dot or a space (Windows drops those);
 * - is not a Windows device name (CON, PRN, AUX, NUL, COM1..9, LPT1..9, with any extension);
 * - is NFC-normalised and at most `maxBytes` UTF-8 bytes, cut at a code point boundary and
 *   keeping a short extension (`.srt`) when it has to be shortened;
 * - is never empty (the fallback, made safe the same way, takes its place);
 * - is a fixed point: safeFileName(safeFileName(x)) === safeFileName(x).
 */
const DEFAULT_MAX_BYTES = 200;
const DEFAULT_FALLBACK = 'file';
/** Whitespace-like controls become a space; other controls and invisible format characters go. */
const CONTROL_AS_SPACE = /[\t\n\v\f\r\u0085\u2028\u2029]/gu;
const CONTROL_REMOVED = /[\p{Cc}\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSAFE_CHARS = /[/\\<>:"|?*]/gu;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(?=[\s.]|$)/iu;
/** A short alphanumeric extension worth keeping when the name is shortened. */
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;
const encoder = new TextEncoder();
const byteLength = (text) => encoder.encode(text).length;
function safeFileName(name, options = {}) {
    const maxBytes = Math.max(1, Math.floor(options.maxBytes ?? DEFAULT_MAX_BYTES));
    const result = fixedPoint(typeof name === 'string' ? name : '', maxBytes);
    if (result !== '')
        return result;
    const fallback = fixedPoint(options.fallback ?? DEFAULT_FALLBACK, maxBytes);
    return fallback !== '' ? fallback : fixedPoint(DEFAULT_FALLBACK, maxBytes);
}
/** Applies `clean` until nothing changes, so the result is stable (idempotent). */
function fixedPoint(name, maxBytes) {
    let current = name;
    for (let round = 0; round < 8; round += 1) {
        const next = clean(current, maxBytes);
        if (next === current)
            return next;
        current = next;
    }
    // Not expected; a conservative ASCII-only form is stable under clean().
    return clean(current.replace(/[^A-Za-z0-9._ -]/gu, '_'), maxBytes);
}
function clean(input, maxBytes) {
    let name = input.replace(LONE_SURROGATE, '_').normalize('NFC');
    name = name.replace(CONTROL_AS_SPACE, ' ').replace(CONTROL_REMOVED, '');
    // Path segments that are empty, `.` or `..` go; the rest are joined with `_`.
    name = name
        .split(/[/\\]/u)
        .filter((segment) => !/^[\s.]*$/u.test(segment))
        .join('_');
    name = name.replace(UNSAFE_CHARS, '_');
    name = name.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
    if (WINDOWS_DEVICE.test(name))
        name = `_${name}`;
    name = truncate(name, maxBytes);
    return name.replace(/[\s.]+$/u, '');
}
/** Cuts to `maxBytes` UTF-8 bytes at a code point boundary, keeping a short extension if it fits. */
function truncate(name, maxBytes) {
    if (byteLength(name) <= maxBytes)
        return name;
    const extension = EXTENSION.exec(name)?.[0] ?? '';
    const extensionBytes = byteLength(extension);
    if (extension !== '' && extensionBytes < maxBytes && name.length > extension.length) {
        const stem = cutBytes(name.slice(0, name.length - extension.length), maxBytes - extensionBytes).replace(/[\s.]+$/u, '');
        if (stem !== '')
            return stem + extension;
    }
    return cutBytes(name, maxBytes);
}
function cutBytes(text, budget) {
    let out = '';
    let used = 0;
    for (const char of text) {
        const size = byteLength(char);
        if (used + size > budget)
            break;
        out += char;
        used += size;
    }
    return out;
}
/** Splits "name.srt" into ["name", ".srt"]; no extension -> [name, '']. */
function splitExtension(name) {
    const dot = name.lastIndexOf('.');
    if (dot <= 0 || dot === name.length - 1)
        return [name, ''];
    return [name.slice(0, dot), name.slice(dot)];
}
/**
 * Returns `name`, or "stem (2).ext", "stem (3).ext", ... when a name equal to it ignoring letter
 * case is in `taken` (case-insensitive file systems). Adds the result, lower-cased, to `taken`.
 */
function uniqueFileName(name, taken) {
    const key = (text) => text.normalize('NFC').toLowerCase();
    if (!taken.has(key(name))) {
        taken.add(key(name));
        return name;
    }
    const [stem, extension] = splitExtension(name);
    for (let n = 2;; n += 1) {
        const candidate = `${stem} (${n})${extension}`;
        if (!taken.has(key(candidate))) {
            taken.add(key(candidate));
            return candidate;
        }
    }
}
/** Subtitle and caption formats Ollang delivers (and their common relatives). */
const SUBTITLE_EXTENSIONS = new Set([
    'srt', 'vtt', 'webvtt', 'ass', 'ssa', 'stl', 'scc', 'dfxp', 'ttml', 'itt', 'sbv', 'sub', 'smi',
]);
/**
 * Makes `name` end with `extension` (given with or without the dot, matched in any letter case):
 * - already ends with it: unchanged ("Fr.SRT" stays);
 * - ends with a different subtitle extension: replaced ("fr.vtt" -> "fr.srt", the content decides);
 * - anything else, including no extension: appended ("Episode 1.final" -> "Episode 1.final.srt").
 * An empty name becomes "file.<extension>".
 */
function ensureExtension(name, extension) {
    const wanted = extension.replace(/^\.+/u, '');
    if (wanted === '')
        return name;
    const base = name.replace(/[\s.]+$/u, '') || DEFAULT_FALLBACK;
    const [stem, current] = splitExtension(base);
    const currentBare = current.slice(1).toLowerCase();
    if (currentBare === wanted.toLowerCase())
        return base;
    if (currentBare !== '' && SUBTITLE_EXTENSIONS.has(currentBare))
        return `${stem}.${wanted}`;
    return `${base}.${wanted}`;
}

;// CONCATENATED MODULE: ./src/download/plan.ts

/** Subtitle formats Ollang names (SRT, VTT, ASS, STL, SCC, DFXP, ITT) plus close relatives. */
const plan_SUBTITLE_EXTENSIONS = new Set([...SUBTITLE_EXTENSIONS, 'sami', 'cap']);
const VIDEO_EXTENSIONS = new Set(['mp4', 'm4v', 'mov', 'mkv', 'webm', 'avi', 'wmv', 'mxf', 'mpg', 'mpeg', 'ts', 'm2ts', 'flv', '3gp']);
const AUDIO_EXTENSIONS = new Set(['mp3', 'wav', 'aac', 'm4a', 'flac', 'ogg', 'opus', 'wma', 'aif', 'aiff']);
const DOCUMENT_EXTENSIONS = new Set(['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'txt', 'rtf', 'csv', 'json', 'xml', 'xliff', 'xlf', 'zip', 'html', 'md', 'png', 'jpg', 'jpeg']);
const KNOWN_EXTENSIONS = new Set([...plan_SUBTITLE_EXTENSIONS, ...VIDEO_EXTENSIONS, ...AUDIO_EXTENSIONS, ...DOCUMENT_EXTENSIONS]);
/**
 * Not downloaded even when they are outputs:
 * - invoice: billing paperwork, not a localisation deliverable (and it may carry prices);
 * - guideline: instructions the customer gave the translators (an input, like source*);
 * - created_waveform: the editor's audio-peaks data, only useful inside Ollang's player;
 * - created_thumbnail: a preview image of the video.
 */
const IGNORED_TYPES = new Set(['invoice', 'guideline', 'guidelines', 'createdwaveform', 'waveform', 'createdthumbnail', 'thumbnail']);
/** Produced-output dubbing / video types the notes name explicitly. */
const plan_DUBBING_TYPES = new Set(['vendorvideo', 'createdembeddedvideo', 'createdsubtitleembeddedvideo']);
/** `sourceVideo`, `source_video`, `Source-Video` -> `sourcevideo`. */
function normaliseType(type) {
    return type.toLowerCase().replace(/[^a-z0-9]/g, '');
}
/** Lower-cased extension of a plain name ("French.SRT" -> "srt"), `undefined` when there is none. */
function extensionOf(name) {
    if (!name)
        return undefined;
    const match = /\.([A-Za-z0-9]{1,10})$/.exec(name.trim());
    return match?.[1]?.toLowerCase();
}
/** Last path segment of an http(s) URL, decoded; `undefined` for anything else. */
function urlFileName(url) {
    if (!url)
        return undefined;
    try {
        const parsed = new URL(url);
        const segment = parsed.pathname.split('/').filter((part) => part !== '').pop();
        if (!segment)
            return undefined;
        try {
            return decodeURIComponent(segment);
        }
        catch {
            return segment;
        }
    }
    catch {
        return undefined;
    }
}
function isSubtitleType(type) {
    return (type.includes('subtitle') ||
        type.includes('caption') ||
        type === 'cc' ||
        type === 'createdcc' ||
        type === 'srt' ||
        type === 'vtt' ||
        type.endsWith('srt') ||
        type.endsWith('vtt'));
}
function isDubbingType(type) {
    return plan_DUBBING_TYPES.has(type) || type.includes('dub') || type.includes('audio') || type.includes('voice');
}
/** Produced outputs per the API notes (`created_*`, `translator_*`, `vendor_*`) and close relatives. */
function isProducedType(type) {
    return /^(?:created|translator|translated|translation|vendor|output|delivered|delivery|final|target)/.test(type) || type === 'document';
}
/**
 * What a document is, for the `download` input. `source` (what the customer uploaded) is never
 * downloaded; `ignore` is neither an input to skip silently nor a deliverable (see IGNORED_TYPES);
 * types nobody has named and that do not look produced are ignored too.
 */
function classifyDoc(doc) {
    const type = normaliseType(doc.type);
    if (type.startsWith('source'))
        return 'source';
    if (IGNORED_TYPES.has(type))
        return 'ignore';
    const nameExt = extensionOf(doc.name);
    const urlExt = extensionOf(urlFileName(doc.url));
    const isVideo = type.includes('video') ||
        (nameExt !== undefined && VIDEO_EXTENSIONS.has(nameExt)) ||
        (urlExt !== undefined && VIDEO_EXTENSIONS.has(urlExt));
    const isAudio = (nameExt !== undefined && AUDIO_EXTENSIONS.has(nameExt)) || (urlExt !== undefined && AUDIO_EXTENSIONS.has(urlExt));
    if (isDubbingType(type))
        return 'dubbing';
    if (!isVideo && isSubtitleType(type))
        return 'subtitles';
    const subtitleFile = (nameExt !== undefined && plan_SUBTITLE_EXTENSIONS.has(nameExt)) || (urlExt !== undefined && plan_SUBTITLE_EXTENSIONS.has(urlExt));
    if (!isVideo && !isAudio && subtitleFile)
        return 'subtitles';
    // A subtitle-typed document that is really a video (burnt-in subtitles) is a video output.
    if (isSubtitleType(type) && isVideo)
        return 'dubbing';
    if (isProducedType(type))
        return 'documents';
    return 'ignore';
}
/** What a subtitle body must look like, by its format extension. */
function expectFor(ext) {
    if (ext === 'srt')
        return 'srt';
    if (ext === 'vtt' || ext === 'webvtt')
        return 'vtt';
    // EBU STL is a binary format (GSI block + fixed-size TTI blocks), so no text check.
    if (ext === 'stl' || ext === 'cap')
        return 'binary';
    return 'subtitle-text';
}
/** A subtitle format from the doc type, when the name and URL carry none. */
function subtitleExtFromType(type) {
    for (const ext of ['vtt', 'srt', 'ass', 'ssa', 'scc', 'dfxp', 'ttml', 'itt', 'stl']) {
        if (type.includes(ext))
            return ext;
    }
    return undefined;
}
function describeUrlProblem(url) {
    if (!url)
        return 'the document has no URL';
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return 'the URL is not valid';
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        return `only http and https URLs are downloaded, not ${parsed.protocol}`;
    }
    return undefined;
}
const UNUSABLE = 'unusable-name-7f3a9c';
/** The name made safe, or `undefined` when nothing usable is left of it. */
function usableName(name) {
    if (name === undefined || name === UNUSABLE)
        return undefined;
    const safe = safeFileName(name, { fallback: UNUSABLE });
    return safe === UNUSABLE ? undefined : safe;
}
/**
 * The downloads for one finished order, for the requested kinds. Subtitle documents keep their
 * own (made-safe) name, with an extension added when they have none; the order's VTT (`vttUrl`)
 * is `<order name>.vtt`. Non-http(s) URLs are not planned and come back in `refused`.
 */
function planDownloads(order, kinds) {
    const items = [];
    const refused = [];
    /** Lower-cased names already used in this order (uniqueFileName compares ignoring case). */
    const taken = new Set();
    for (const [index, doc] of order.orderDocs.entries()) {
        const kind = classifyDoc(doc);
        if (kind === 'source' || kind === 'ignore' || !kinds.has(kind))
            continue;
        const problem = describeUrlProblem(doc.url);
        if (problem !== undefined || doc.url === undefined) {
            refused.push({ docType: doc.type, reason: problem ?? 'the document has no URL' });
            continue;
        }
        const fromUrl = urlFileName(doc.url);
        const fallbackStem = doc.id ? `${doc.type}-${doc.id}` : `${order.id}-${doc.type}-${index + 1}`;
        const rawName = usableName(doc.name) ?? usableName(fromUrl) ?? fallbackStem;
        const nameExt = extensionOf(rawName);
        const urlExt = extensionOf(fromUrl);
        let fileName;
        let expect;
        if (kind === 'subtitles') {
            // The URL is what is served, so its extension decides the format; then the name, then the type.
            // ("webvtt" is a spelling of vtt.)
            const format = (urlExt !== undefined && plan_SUBTITLE_EXTENSIONS.has(urlExt) ? urlExt : undefined) ??
                (nameExt !== undefined && plan_SUBTITLE_EXTENSIONS.has(nameExt) ? nameExt : undefined) ??
                subtitleExtFromType(normaliseType(doc.type));
            // No format anywhere: Ollang's subtitle deliverable is SRT, but the body is only checked as text.
            expect = format === undefined ? 'subtitle-text' : expectFor(format);
            const ext = format ?? 'srt';
            // Adds the extension when missing; replaces a different subtitle extension (the content decides).
            // Made safe first (an unusable name falls back), then the extension, then bounded again.
            fileName = safeFileName(ensureExtension(safeFileName(rawName), `.${ext}`));
        }
        else {
            expect = 'binary';
            // The URL's extension, when it is a recognisable one, says what is served ("Dub" -> "Dub.mp3",
            // "French.srt" served as .mp4 -> "French.mp4"); an odd URL extension only fills a gap.
            const safe = safeFileName(rawName);
            let useUrlExt = false;
            if (urlExt !== undefined && urlExt !== nameExt && /^[a-z0-9]{1,5}$/.test(urlExt)) {
                useUrlExt = KNOWN_EXTENSIONS.has(urlExt) || nameExt === undefined || !KNOWN_EXTENSIONS.has(nameExt);
            }
            fileName = useUrlExt ? safeFileName(ensureExtension(safe, `.${urlExt}`)) : safe;
        }
        const item = { kind, url: doc.url, fileName: uniqueFileName(fileName, taken), expect, docType: doc.type };
        if (typeof doc.size === 'number' && Number.isSafeInteger(doc.size) && doc.size > 0)
            item.expectedBytes = doc.size;
        items.push(item);
    }
    if (kinds.has('vtt') && order.vttUrl) {
        const problem = describeUrlProblem(order.vttUrl);
        if (problem !== undefined) {
            refused.push({ docType: 'vttUrl', reason: problem });
        }
        else {
            const fallback = safeFileName(`${order.id}.vtt`, { fallback: 'order.vtt' });
            const stem = usableName(order.name);
            const fileName = stem === undefined ? fallback : safeFileName(ensureExtension(stem, '.vtt'));
            items.push({ kind: 'vtt', url: order.vttUrl, fileName: uniqueFileName(fileName, taken), expect: 'vtt', docType: 'vttUrl' });
        }
    }
    return { items, refused };
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
var external_node_v8_default = /*#__PURE__*/__webpack_require__.n(external_node_v8_);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
var external_node_vm_default = /*#__PURE__*/__webpack_require__.n(external_node_vm_);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ./src/runtime.ts
var runtime = __webpack_require__(3683);
;// CONCATENATED MODULE: ./src/download/content-check.ts
/**
 * Is this body what we asked for? Looks at the first bytes of a download (up to 64 KiB)
 * and refuses error pages that a signed-URL host serves with status 200 (HTML login pages,
 * JSON error objects, S3-style `<Error>` XML) and bodies that are not the promised format.
 */
/** How many leading bytes the downloader keeps for this check. */
const CONTENT_CHECK_BYTES = 64 * 1024;
const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** Decodes the head as text, honouring a UTF-8 / UTF-16 BOM; `undefined` when it is not text. */
function decodeText(head) {
    if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) {
        return new TextDecoder('utf-16le').decode(head.subarray(2));
    }
    if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) {
        return new TextDecoder('utf-16be').decode(head.subarray(2));
    }
    let body = head;
    if (head.length >= 3 && head[0] === UTF8_BOM[0] && head[1] === UTF8_BOM[1] && head[2] === UTF8_BOM[2]) {
        body = head.subarray(3);
    }
    // Text: no NUL bytes and hardly any other C0 controls (legacy code pages are accepted:
    // invalid UTF-8 decodes to U+FFFD but is still text).
    let controls = 0;
    for (const byte of body) {
        if (byte === 0)
            return undefined;
        if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b)
            controls++;
    }
    if (controls > Math.max(8, body.length / 100))
        return undefined;
    return new TextDecoder('utf-8').decode(body);
}
function looksLikeHtml(text) {
    return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|title[\s>]|meta[\s>]|script[\s>])/i.test(text);
}
function looksLikeJson(text) {
    return /^\s*(?:\{\s*(?:"|\}|$)|\[\s*(?:[{\["\]\d-]|true|false|null|$))/.test(text);
}
/** A JSON object that reads like an API error rather than a document. */
function looksLikeJsonError(text) {
    if (!/^\s*\{/.test(text))
        return false;
    const start = text.slice(0, 4096);
    if (/"(?:error|errors|errorCode|errorMessage|statusCode|fault)"\s*:/i.test(start))
        return true;
    return /"message"\s*:/i.test(start) && /"(?:code|status)"\s*:/i.test(start);
}
/** Name of the root element of an XML-ish text (after prolog, comments, doctype), lower-cased. */
function xmlRootName(text) {
    const match = /^\s*(?:<\?xml[\s\S]*?\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\?[\s\S]*?\?>)\s*)*<([A-Za-z_][\w.:-]*)/.exec(text);
    return match?.[1]?.toLowerCase();
}
function localName(qualified) {
    const colon = qualified.lastIndexOf(':');
    return colon === -1 ? qualified : qualified.slice(colon + 1);
}
/** HTML page, JSON error, or XML whose root is an error element. */
function errorBodyReason(text, allowXml) {
    if (looksLikeHtml(text))
        return 'the server returned an HTML page';
    const root = xmlRootName(text);
    if (root !== undefined) {
        const name = localName(root);
        if (name === 'html')
            return 'the server returned an HTML page';
        if (name === 'error' || name === 'errors' || name === 'errorresponse' || name === 'fault') {
            return 'the server returned an XML error document';
        }
        if (!allowXml)
            return 'the server returned an XML document';
    }
    if (looksLikeJsonError(text))
        return 'the server returned a JSON error object';
    if (looksLikeJson(text))
        return 'the server returned JSON';
    return undefined;
}
function firstLines(text, count) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    let index = 0;
    while (index < lines.length && lines[index].trim() === '')
        index++;
    return lines.slice(index, index + count);
}
const SRT_TIME = String.raw `\d{1,3}:\d{1,2}:\d{1,2}(?:[,.]\d{1,3})?`;
const SRT_TIMING = new RegExp(`^\\s*${SRT_TIME}\\s*-->\\s*${SRT_TIME}`);
function describeMediaType(contentType) {
    return contentType ? ` (Content-Type ${contentType.split(';')[0].trim()})` : '';
}
/** True for text/html, JSON and XML media types (the ones error bodies are served as). */
function isErrorishMediaType(contentType) {
    if (!contentType)
        return false;
    const type = contentType.split(';')[0].trim().toLowerCase();
    return (type === 'text/html' ||
        type === 'application/xhtml+xml' ||
        type === 'application/json' ||
        type === 'text/json' ||
        type === 'application/problem+json' ||
        type.endsWith('+json') ||
        type === 'application/xml' ||
        type === 'text/xml' ||
        type.endsWith('+xml'));
}
/**
 * Returns why the body is refused, or `undefined` when it looks right.
 * `head` is the first bytes of the body (the whole body when it is shorter than 64 KiB).
 */
function checkContent(expect, head, contentType) {
    if (head.length === 0)
        return 'the server returned an empty body';
    const mediaNote = describeMediaType(contentType);
    if (expect === 'binary') {
        if (!isErrorishMediaType(contentType))
            return undefined;
        const text = decodeText(head);
        if (text === undefined)
            return undefined;
        if (looksLikeHtml(text))
            return `the server returned an HTML page${mediaNote}`;
        const root = xmlRootName(text);
        if (root !== undefined) {
            const name = localName(root);
            if (name === 'html')
                return `the server returned an HTML page${mediaNote}`;
            if (name === 'error' || name === 'errors' || name === 'errorresponse' || name === 'fault') {
                return `the server returned an XML error document${mediaNote}`;
            }
        }
        if (looksLikeJsonError(text))
            return `the server returned a JSON error object${mediaNote}`;
        return undefined;
    }
    const text = decodeText(head);
    if (text === undefined)
        return `expected a text subtitle file but the body is binary${mediaNote}`;
    if (expect === 'vtt') {
        if (/^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/.test(text))
            return undefined;
        const reason = errorBodyReason(text, false);
        return `expected a WebVTT file (starting with WEBVTT) but ${reason ?? 'the body does not start with WEBVTT'}${mediaNote}`;
    }
    if (expect === 'srt') {
        const [index, timing] = firstLines(text, 2);
        if (index !== undefined && /^\s*\d+\s*$/.test(index) && timing !== undefined && SRT_TIMING.test(timing)) {
            return undefined;
        }
        const reason = errorBodyReason(text, false);
        return `expected an SRT file (cue number, then a "-->" timing line) but ${reason ?? 'the body does not start with an SRT cue'}${mediaNote}`;
    }
    // subtitle-text: any text format; XML is fine (DFXP / TTML / ITT / SAMI) unless it is an error.
    const reason = errorBodyReason(text, true);
    return reason === undefined ? undefined : `expected a subtitle file but ${reason}${mediaNote}`;
}

;// CONCATENATED MODULE: ./src/download/downloader.ts
/**
 * Downloads one planned document: streams the body to a temporary file in the target
 * directory, checks its first bytes (content-check.ts), its length (Content-Length,
 * the document's announced size, max-download-size), then renames it into place.
 * A failed download leaves nothing behind. Signed URLs are credentials: messages show
 * origin + path only, never the query string.
 *
 * Bodies go through `node:http` / `node:https` rather than fetch: fetch's web streams cost
 * about 0.3 s of CPU more per GiB (docs/benchmarks.md), and the hot path here is one 'data'
 * listener that copies each chunk into a 16 KiB buffer written with writeSync (BodySink).
 */












const defaultRequest = (url, options) => url.protocol === 'https:' ? external_node_https_default().request(url, options) : external_node_http_default().request(url, options);
class DownloadError extends Error {
    reason;
    status;
    constructor(message, reason, options) {
        super(message, options?.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'DownloadError';
        this.reason = reason;
        if (options?.status !== undefined)
            this.status = options.status;
    }
}
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 3;
const MAX_REDIRECTS = 5;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;
const RETRY_AFTER_CAP_MS = 120_000;
/** Leaves room for the leading dot, random suffix and `.part` within a 255-byte file name. */
const TEMP_NAME_STEM_BYTES = 200;
/** `https://host/path` of a URL: never its query string or fragment (signed URLs carry credentials there). */
function redactUrl(url) {
    try {
        const parsed = typeof url === 'string' ? new URL(url) : url;
        if (parsed.protocol === 'http:' || parsed.protocol === 'https:')
            return `${parsed.origin}${parsed.pathname}`;
        return `${parsed.protocol}…`;
    }
    catch {
        return '(invalid URL)';
    }
}
/** Strips anything that looks like a query string from free text (e.g. an error cause). */
function scrub(text) {
    return text.replace(/\?[^\s'"<>)]*/g, '?…');
}
function isHttp(url) {
    return url.protocol === 'http:' || url.protocol === 'https:';
}
function truncateUtf8(text, maxBytes) {
    if (Buffer.byteLength(text) <= maxBytes)
        return text;
    let out = '';
    let used = 0;
    for (const char of text) {
        const size = Buffer.byteLength(char);
        if (used + size > maxBytes)
            break;
        out += char;
        used += size;
    }
    return out;
}
/** Error carrying whether another attempt may help. */
class AttemptError extends Error {
    error;
    retryable;
    retryAfterMs;
    constructor(error, retryable, retryAfterMs) {
        super(error.message);
        this.error = error;
        this.retryable = retryable;
        if (retryAfterMs !== undefined)
            this.retryAfterMs = retryAfterMs;
    }
}
/** Refresh-worthy 403 (signed URL expired / rejected). */
class ForbiddenError extends Error {
    error;
    constructor(error) {
        super(error.message);
        this.error = error;
    }
}
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Math.min(Number(trimmed) * 1000, RETRY_AFTER_CAP_MS);
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.min(Math.max(0, date - now), RETRY_AFTER_CAP_MS);
}
function parseContentLength(value) {
    if (value === undefined || !/^\s*\d+\s*$/.test(value))
        return undefined;
    const length = Number(value);
    return Number.isSafeInteger(length) ? length : undefined;
}
/** One response header as a string (Node joins repeated ones with ", "; set-cookie aside). */
function header(response, name) {
    const value = response.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
}
/**
 * Decoders for a Content-Encoding other than identity, outermost last (as fetch did: gzip,
 * x-gzip, deflate, br, zstd). An unknown coding: the body is saved as sent.
 */
function decodersFor(encoding) {
    const decoders = [];
    for (const coding of encoding.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'identity').reverse()) {
        if (coding === 'gzip' || coding === 'x-gzip')
            decoders.push(external_node_zlib_default().createGunzip({ flush: (external_node_zlib_default()).constants.Z_SYNC_FLUSH, finishFlush: (external_node_zlib_default()).constants.Z_SYNC_FLUSH }));
        else if (coding === 'deflate')
            decoders.push(external_node_zlib_default().createInflate());
        else if (coding === 'br')
            decoders.push(external_node_zlib_default().createBrotliDecompress());
        else if (coding === 'zstd')
            decoders.push(external_node_zlib_default().createZstdDecompress());
        else
            return [];
    }
    return decoders;
}
/**
 * Node allocates a new Buffer for every socket read (64 KiB) and V8 frees those only when a
 * collection runs, which its heuristics schedule late for this off-heap memory: left alone,
 * 60-100 MiB of spent chunks pile up during a large download (peak RSS 150-165 MiB for 1 GiB),
 * and fresh pages are touched all the time, which is also slower. A young-generation
 * collection every COLLECT_EVERY_BYTES received (all downloads together) frees them; it takes a
 * fraction of a millisecond, as the young generation holds little else. `gc` comes from a
 * throwaway context created with --expose-gc, and the flag is switched off again at once, so
 * no code sees a `gc` global. Where that fails, downloads run without it.
 */
const COLLECT_EVERY_BYTES = 8 * 1024 * 1024;
let receivedSinceCollect = 0;
let collectYoung;
function countReceived(bytes) {
    receivedSinceCollect += bytes;
    if (receivedSinceCollect < COLLECT_EVERY_BYTES)
        return;
    receivedSinceCollect = 0;
    if (collectYoung === undefined) {
        collectYoung = null;
        try {
            external_node_v8_default().setFlagsFromString('--expose-gc');
            const gc = external_node_vm_default().runInNewContext('gc');
            if (typeof gc === 'function')
                collectYoung = () => gc({ type: 'minor' });
        }
        catch {
            // no collection: RSS floats higher, nothing else changes
        }
        finally {
            external_node_v8_default().setFlagsFromString('--no-expose-gc');
        }
    }
    try {
        collectYoung?.();
    }
    catch {
        collectYoung = null;
    }
}
/**
 * A download pauses after this many bytes until the event loop's next turn (setImmediate):
 * Node reads up to 32 chunks from a busy socket in one go, and with the writes on the event
 * loop (BodySink) a few concurrent large downloads would otherwise hold up status checks
 * and small downloads for tens of milliseconds per turn.
 */
const YIELD_EVERY_BYTES = 512 * 1024;
/** Size of each write: see BodySink. */
const WRITE_BYTES = 16 * 1024;
/**
 * Receives the body chunk by chunk: counts bytes, enforces the size limit, holds back the
 * first CONTENT_CHECK_BYTES until the content check has passed (a refused body is never
 * written), and writes the rest through one reused 16 KiB buffer with writeSync.
 *
 * Why synchronous 16 KiB writes (measured on the benchmark's 1 GiB download, docs/benchmarks.md):
 * - a page-cache write of 16 KiB takes microseconds, far less than one threadpool round trip
 *   (fs.write / a WriteStream: the CPU of those hand-offs is what kept a pipeline to
 *   fs.createWriteStream at ~0.5 of curl); the socket is simply not read during the write,
 *   which is the back-pressure, with no queue of chunks in memory;
 * - 1 MiB writes made the kernel's copy into the page cache erratic (0.8 to 3 s of system time
 *   per GiB, against a steady ~1 s for 16 KiB writes, curl's size too); reusing one small
 *   buffer also keeps the copy's source in the CPU cache.
 * The cost: a disk that throttles writers holds up the event loop for that long, instead of
 * only this download; every download shares that disk anyway.
 */
class BodySink {
    bytes = 0;
    fd;
    maxBytes;
    check;
    tooLarge;
    writeFailed;
    head = Buffer.allocUnsafe(CONTENT_CHECK_BYTES);
    headBytes = 0;
    buffer = Buffer.allocUnsafeSlow(WRITE_BYTES);
    filled = 0;
    constructor(options) {
        this.fd = options.fd;
        this.maxBytes = options.maxBytes;
        this.check = options.check;
        this.tooLarge = options.tooLarge;
        this.writeFailed = options.writeFailed;
    }
    /** Throws DownloadError (too large, refused content, write failure). */
    take(chunk) {
        this.bytes += chunk.length;
        countReceived(chunk.length);
        if (this.bytes > this.maxBytes)
            throw this.tooLarge();
        let offset = 0;
        if (this.head) {
            offset = Math.min(chunk.length, this.head.length - this.headBytes);
            chunk.copy(this.head, this.headBytes, 0, offset);
            this.headBytes += offset;
            if (this.headBytes < this.head.length)
                return;
            this.releaseHead();
        }
        this.write(chunk, offset);
    }
    /** The body ended: check a short body, write what is buffered. */
    finish() {
        if (this.head)
            this.releaseHead();
        this.flush();
    }
    releaseHead() {
        const head = this.head.subarray(0, this.headBytes);
        this.head = undefined;
        const refused = this.check(head);
        if (refused)
            throw refused;
        this.write(head, 0);
    }
    write(data, from) {
        let offset = from;
        while (offset < data.length) {
            const count = Math.min(WRITE_BYTES - this.filled, data.length - offset);
            data.copy(this.buffer, this.filled, offset, offset + count);
            this.filled += count;
            offset += count;
            if (this.filled === WRITE_BYTES)
                this.flush();
        }
    }
    flush() {
        let written = 0;
        try {
            while (written < this.filled)
                written += (0,external_node_fs_.writeSync)(this.fd, this.buffer, written, this.filled - written);
        }
        catch (cause) {
            throw this.writeFailed(cause);
        }
        this.filled = 0;
    }
}
/**
 * Downloads `item` into `options.directory` under `item.fileName`.
 * Throws DownloadError (and leaves no file behind) on failure.
 */
async function downloadItem(item, options) {
    const directory = external_node_path_default().resolve(options.directory);
    const finalPath = external_node_path_default().join(directory, item.fileName);
    const relative = external_node_path_default().relative(directory, finalPath);
    if (item.fileName === '' ||
        item.fileName === '.' ||
        item.fileName === '..' ||
        /[/\\\0]/.test(item.fileName) ||
        relative === '' ||
        relative.startsWith('..') ||
        external_node_path_default().isAbsolute(relative) ||
        relative.includes((external_node_path_default()).sep) ||
        relative.includes('/')) {
        throw new DownloadError(`Refused to save "${item.fileName}": the name is not a plain file name inside ${directory}.`, 'file');
    }
    let url;
    try {
        url = new URL(item.url);
    }
    catch {
        throw new DownloadError(`Refused to download "${item.fileName}": the URL is not valid.`, 'scheme');
    }
    if (!isHttp(url)) {
        throw new DownloadError(`Refused to download "${item.fileName}": only http and https URLs are fetched, not ${url.protocol}`, 'scheme');
    }
    if (item.expectedBytes !== undefined && item.expectedBytes > options.maxBytes) {
        throw new DownloadError(`Refused to download "${item.fileName}" from ${redactUrl(url)}: the order says it has ${item.expectedBytes} bytes, more than max-download-size (${options.maxBytes} bytes). Raise max-download-size to accept it.`, 'too-large');
    }
    try {
        await (0,promises_.mkdir)(directory, { recursive: true });
    }
    catch (cause) {
        throw new DownloadError(`Could not create the directory ${directory}: ${describeFsError(cause)}.`, 'file', { cause });
    }
    const sleep = options.sleep ?? runtime/* realSleep */.u;
    const random = options.random ?? Math.random;
    const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
    let refreshed = false;
    let failures = 0;
    for (;;) {
        if (options.signal?.aborted)
            throw abortedError(item, url);
        try {
            return await attempt(item, url, directory, finalPath, options);
        }
        catch (caught) {
            if (caught instanceof ForbiddenError) {
                if (options.refreshUrl && !refreshed) {
                    refreshed = true;
                    const fresh = await refreshOrThrow(options.refreshUrl, item, caught.error);
                    url = fresh;
                    continue;
                }
                throw caught.error;
            }
            if (caught instanceof DownloadError)
                throw caught;
            if (!(caught instanceof AttemptError)) {
                throw new DownloadError(`Could not save "${item.fileName}" in ${directory}: ${describeFsError(caught)}.`, 'file', { cause: caught });
            }
            if (!caught.retryable || failures >= retries)
                throw caught.error;
            failures++;
            const backoff = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (failures - 1));
            // Jitter: between half and all of the backoff; a server's Retry-After wins when longer.
            const delay = Math.max(caught.retryAfterMs ?? 0, Math.round(backoff * (0.5 + random() * 0.5)));
            try {
                await sleep(delay, options.signal);
            }
            catch {
                throw abortedError(item, url);
            }
        }
    }
}
async function refreshOrThrow(refreshUrl, item, original) {
    let fresh;
    try {
        fresh = await refreshUrl();
    }
    catch {
        throw original;
    }
    if (!fresh)
        throw original;
    let parsed;
    try {
        parsed = new URL(fresh);
    }
    catch {
        throw new DownloadError(`Refused to download "${item.fileName}": the refreshed URL is not valid.`, 'scheme');
    }
    if (!isHttp(parsed)) {
        throw new DownloadError(`Refused to download "${item.fileName}": the refreshed URL uses ${parsed.protocol}; only http and https are fetched.`, 'scheme');
    }
    return parsed;
}
function abortedError(item, url) {
    return new DownloadError(`Download of "${item.fileName}" from ${redactUrl(url)} was cancelled.`, 'aborted');
}
/** One attempt: follow redirects, stream, verify, rename. Throws AttemptError / ForbiddenError / DownloadError. */
async function attempt(item, startUrl, directory, finalPath, options) {
    const timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    const request = options.request ?? defaultRequest;
    /** Set once the attempt is being stopped (timeout or the outer signal): ends the request in flight. */
    let stopped;
    let inFlight = {};
    const stop = (reason) => {
        stopped ??= reason;
        inFlight.request?.destroy(reason);
        inFlight.response?.destroy(reason);
    };
    let timedOut = false;
    let timer;
    /** (Re)starts the idle timer: called for each request and each chunk. */
    const arm = () => {
        if (timer)
            timer.refresh();
        else {
            timer = setTimeout(() => {
                timedOut = true;
                stop(new Error(`no data for ${timeoutMs} ms`));
            }, timeoutMs);
        }
    };
    const onOuterAbort = () => stop(new Error('cancelled'));
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    if (options.signal?.aborted)
        onOuterAbort();
    const send = (url) => new Promise((resolve, reject) => {
        if (stopped)
            return reject(stopped);
        let req;
        try {
            req = request(url, { method: 'GET', headers: { 'accept-encoding': 'identity' } });
        }
        catch (cause) {
            return reject(cause);
        }
        inFlight = { request: req };
        // Kept for the request's whole life: a late socket error must not go unhandled.
        req.on('error', reject);
        req.once('response', (response) => {
            response.on('error', () => undefined); // reported through the body reader below
            inFlight.response = response;
            resolve(response);
        });
        req.end();
    });
    const where = (url) => `"${item.fileName}" from ${redactUrl(url)}`;
    const networkError = (url, cause) => {
        if (options.signal?.aborted)
            return new AttemptError(abortedError(item, url), false);
        if (timedOut) {
            return new AttemptError(new DownloadError(`Download of ${where(url)} timed out: no data for ${Math.round(timeoutMs / 1000)} s.`, 'network', { cause }), true);
        }
        const detail = cause instanceof Error ? scrub(describeCause(cause)) : 'unknown error';
        return new AttemptError(new DownloadError(`Download of ${where(url)} failed: ${detail}.`, 'network'), true);
    };
    let tempPath;
    let file;
    try {
        // 1. Request, following at most MAX_REDIRECTS redirects ourselves, to http(s) only.
        let url = startUrl;
        let response;
        for (let redirects = 0;; redirects++) {
            arm();
            try {
                response = await send(url);
            }
            catch (cause) {
                throw networkError(url, cause);
            }
            const status = response.statusCode ?? 0;
            if (status < 300 || status > 399 || status === 304)
                break;
            response.destroy();
            const location = header(response, 'location');
            if (!location) {
                throw new AttemptError(new DownloadError(`Download of ${where(url)} failed: HTTP ${status} redirect without a Location.`, 'redirect', { status }), false);
            }
            let next;
            try {
                next = new URL(location, url);
            }
            catch {
                throw new AttemptError(new DownloadError(`Download of ${where(url)} failed: redirect to an invalid URL.`, 'redirect'), false);
            }
            if (!isHttp(next)) {
                throw new AttemptError(new DownloadError(`Refused to follow the redirect of ${where(url)} to a ${next.protocol} URL; only http and https are fetched.`, 'scheme'), false);
            }
            if (redirects + 1 > MAX_REDIRECTS) {
                throw new AttemptError(new DownloadError(`Download of ${where(startUrl)} failed: more than ${MAX_REDIRECTS} redirects.`, 'redirect'), false);
            }
            url = next;
        }
        // 2. Status.
        const status = response.statusCode ?? 0;
        if (status === 403) {
            response.destroy();
            throw new ForbiddenError(new DownloadError(`Download of ${where(url)} failed: HTTP 403 (the signed URL may have expired; fetch the order again).`, 'http', { status: 403 }));
        }
        if (status < 200 || status > 299) {
            response.destroy();
            const retryable = status >= 500 || status === 429 || status === 408;
            throw new AttemptError(new DownloadError(`Download of ${where(url)} failed: HTTP ${status}.`, 'http', { status }), retryable, retryable ? parseRetryAfter(header(response, 'retry-after'), Date.now()) : undefined);
        }
        // 3. Announced size.
        const encoding = (header(response, 'content-encoding') ?? 'identity').trim().toLowerCase();
        const decoders = encoding === 'identity' ? [] : decodersFor(encoding);
        const contentLength = encoding !== 'identity' ? undefined : parseContentLength(header(response, 'content-length'));
        const tooLarge = () => new DownloadError(`Download of ${where(url)} refused: larger than max-download-size (${options.maxBytes} bytes). Raise max-download-size to accept it.`, 'too-large');
        if (contentLength !== undefined && contentLength > options.maxBytes) {
            response.destroy();
            throw new AttemptError(tooLarge(), false);
        }
        // 4. Stream to a temporary file next to the final one (same directory: rename is atomic).
        const contentType = header(response, 'content-type');
        const stem = truncateUtf8(item.fileName, TEMP_NAME_STEM_BYTES);
        tempPath = external_node_path_default().join(directory, `.${stem}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.part`);
        const cannotWrite = (cause) => new DownloadError(`Could not write "${item.fileName}" in ${directory}: ${describeFsError(cause)}.`, 'file', { cause });
        try {
            file = await (0,promises_.open)(tempPath, 'wx');
        }
        catch (cause) {
            response.destroy();
            throw new AttemptError(cannotWrite(cause), false);
        }
        const sink = new BodySink({
            fd: file.fd,
            maxBytes: options.maxBytes,
            tooLarge,
            writeFailed: cannotWrite,
            check: (head) => {
                const reason = checkContent(item.expect, head, contentType);
                return reason === undefined
                    ? undefined
                    : new DownloadError(`Download of ${where(url)} refused: ${reason}.`, 'content');
            },
        });
        let body = response;
        for (const decoder of decoders) {
            (0,external_node_stream_.pipeline)(body, decoder, () => undefined); // errors reach `body` below: pipeline destroys each stream with them
            body = decoder;
        }
        try {
            await new Promise((resolve, reject) => {
                let settled = false;
                const fail = (error) => {
                    if (settled)
                        return;
                    settled = true;
                    body.destroy();
                    response.destroy();
                    reject(error);
                };
                let sinceYield = 0;
                const resume = () => {
                    if (!settled)
                        body.resume();
                };
                body.on('data', (chunk) => {
                    if (settled)
                        return;
                    arm();
                    try {
                        sink.take(chunk);
                    }
                    catch (error) {
                        return fail(error);
                    }
                    // Let the rest of the event loop (status checks, small downloads) run between slices.
                    sinceYield += chunk.length;
                    if (sinceYield >= YIELD_EVERY_BYTES) {
                        sinceYield = 0;
                        body.pause();
                        setImmediate(resume);
                    }
                });
                body.once('end', () => {
                    if (settled)
                        return;
                    try {
                        sink.finish();
                    }
                    catch (error) {
                        return fail(error);
                    }
                    settled = true;
                    resolve();
                });
                body.on('error', fail);
                body.once('close', () => fail(stopped ?? new Error('the connection closed before the body ended')));
                // Ended (timeout, cancel, reset) while the file was being opened: no event will come.
                if (response.destroyed || body.destroyed)
                    fail(stopped ?? response.errored ?? new Error('the connection closed before the body ended'));
            });
        }
        catch (cause) {
            if (cause instanceof DownloadError)
                throw new AttemptError(cause, false);
            if (options.signal?.aborted)
                throw new AttemptError(abortedError(item, url), false);
            if (!timedOut && contentLength !== undefined && sink.bytes < contentLength) {
                throw new AttemptError(new DownloadError(`Download of ${where(url)} was cut short: received ${sink.bytes} of ${contentLength} bytes.`, 'truncated'), true);
            }
            throw networkError(url, cause);
        }
        if (timer)
            clearTimeout(timer);
        try {
            await file.close();
        }
        catch (cause) {
            throw new AttemptError(cannotWrite(cause), false);
        }
        finally {
            file = undefined;
        }
        // 5. Length checks.
        const bytes = sink.bytes;
        if (contentLength !== undefined && bytes !== contentLength) {
            throw new AttemptError(new DownloadError(`Download of ${where(url)} was cut short: received ${bytes} of ${contentLength} bytes (Content-Length).`, 'truncated'), bytes < contentLength);
        }
        if (item.expectedBytes !== undefined && bytes !== item.expectedBytes) {
            throw new AttemptError(new DownloadError(`Download of ${where(url)} has ${bytes} bytes but the order says the document has ${item.expectedBytes}.`, 'truncated'), bytes < item.expectedBytes);
        }
        // 6. Into place: never through a symlink, never outside the directory.
        let existing;
        try {
            existing = await (0,promises_.lstat)(finalPath);
        }
        catch (error) {
            if (error.code !== 'ENOENT')
                throw error;
        }
        if (existing?.isSymbolicLink()) {
            throw new AttemptError(new DownloadError(`Refused to save "${item.fileName}": ${finalPath} is a symbolic link.`, 'file'), false);
        }
        if (existing?.isDirectory()) {
            throw new AttemptError(new DownloadError(`Refused to save "${item.fileName}": ${finalPath} is a directory.`, 'file'), false);
        }
        await (0,promises_.rename)(tempPath, finalPath);
        tempPath = undefined;
        return { path: finalPath, bytes };
    }
    finally {
        if (timer)
            clearTimeout(timer);
        options.signal?.removeEventListener('abort', onOuterAbort);
        inFlight.response?.destroy();
        if (file)
            await file.close().catch(() => undefined);
        if (tempPath !== undefined)
            await (0,promises_.rm)(tempPath, { force: true }).catch(() => undefined);
    }
}
/** "socket hang up (ECONNRESET)": the error's (or its cause's) message, with its code when the message lacks it. */
function describeCause(error) {
    const cause = error.cause;
    const described = cause instanceof Error ? cause : error;
    const code = described.code;
    return code && !described.message.includes(code) ? `${described.message} (${code})` : described.message;
}
function describeFsError(error) {
    const errno = error;
    if (errno?.code)
        return `${errno.code}${errno.syscall ? ` (${errno.syscall})` : ''}`;
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/download/order-outputs.ts
/**
 * Saving one finished order's outputs into `<output-dir>/<language>/`, and deciding when they
 * are all published. Each file is downloaded whole or not at all (downloader.ts); one order's
 * trouble is recorded on that order and never stops the others.
 */




/** What each order type is expected to produce, among the kinds a user can ask for. */
const PRODUCES = {
    cc: ['subtitles', 'vtt'],
    subtitle: ['subtitles', 'vtt'],
    aiDubbing: ['dubbing'],
    studioDubbing: ['dubbing'],
    document: ['documents'],
};
/** Ready when every kind the user asked for and the order type produces has at least one file. */
function outputsReadiness(order, kinds) {
    const expected = (PRODUCES[order.type] ?? [...kinds]).filter((kind) => kinds.has(kind));
    if (expected.length === 0)
        return 'ready';
    const plan = planDownloads(order, kinds);
    const published = new Set(plan.items.map((item) => item.kind));
    // Published with a URL the action refuses (file:, javascript:): waiting will not change that,
    // so the order is ready and the download step reports the refusal.
    if (plan.refused.some((refused) => refused.docType === 'vttUrl'))
        published.add('vtt');
    for (const doc of order.orderDocs) {
        const kind = classifyDoc(doc);
        if (doc.url && kind !== 'source' && kind !== 'ignore')
            published.add(kind);
    }
    return expected.every((kind) => published.has(kind)) ? 'ready' : 'not-yet';
}
function createOrderDownloader(deps) {
    const { settings, log } = deps;
    /** File names already used in each language folder this run (two orders can share a language). */
    const takenByFolder = new Map();
    return async (order, followed) => {
        const folderName = safeFileName(followed.language, { fallback: 'unknown-language' });
        const directory = external_node_path_default().join(settings.outputDir, folderName);
        const taken = takenByFolder.get(folderName) ?? new Set();
        takenByFolder.set(folderName, taken);
        const plan = planDownloads(order, settings.download);
        for (const refused of plan.refused) {
            log.warning(`Order ${order.id} (${followed.language}): not downloading ${refused.docType}: ${refused.reason}`);
        }
        const problems = plan.refused.map((r) => `${r.docType} refused: ${r.reason}`);
        if (plan.items.length === 0 && outputsReadiness(order, settings.download) === 'not-yet') {
            problems.push('Ollang published no outputs for it');
        }
        for (const planned of plan.items) {
            const item = { ...planned, fileName: uniqueFileName(planned.fileName, taken) };
            const started = deps.clock();
            try {
                const result = await downloadItem(item, {
                    directory,
                    maxBytes: settings.maxDownloadBytes,
                    sleep: deps.sleep,
                    ...(deps.signal ? { signal: deps.signal } : {}),
                    // Signed URLs expire: after a 403, ask Ollang for the order again.
                    refreshUrl: async () => freshUrl(await deps.client.getOrder(order.id), planned),
                });
                const relative = external_node_path_default().relative(settings.workspace, result.path).split((external_node_path_default()).sep).join('/');
                followed.files.push(relative);
                deps.onDownloaded?.(result.bytes, deps.clock() - started);
                log.info(`${followed.language}: saved ${relative} (${result.bytes} bytes)`);
            }
            catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                problems.push(`${item.fileName}: ${message}`);
                log.warning(`Order ${order.id} (${followed.language}): download of ${item.fileName} failed: ${message}`, {
                    title: `Download failed: ${followed.language}`,
                });
                if (deps.signal?.aborted)
                    break;
            }
        }
        if (problems.length > 0) {
            followed.state = 'failed';
            followed.problem = problems.join('; ');
        }
        else {
            followed.state = 'done';
        }
    };
}
/** The same document's URL in a freshly fetched order. */
function freshUrl(order, planned) {
    if (planned.docType === 'vttUrl')
        return order.vttUrl;
    const fresh = planDownloads(order, new Set([planned.kind])).items.find((item) => item.docType === planned.docType && item.fileName === planned.fileName);
    return fresh?.url;
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
function writeOutputs(io, report) {
    io.setOutput('order-ids', JSON.stringify(report.orders.map((o) => o.orderId)));
    io.setOutput('orders', JSON.stringify(report.orders.map((o) => ({
        orderId: o.orderId,
        language: o.language,
        type: o.type,
        status: o.status,
        created: o.created,
        files: o.files,
    }))));
    io.setOutput('files', report.orders.flatMap((o) => o.files).join('\n'));
    io.setOutput('status', report.status);
}

;// CONCATENATED MODULE: ./src/report/summary.ts
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
    lines.push(`Waited ${summary_formatDuration(report.timings.waitedMs)}, downloaded in ${summary_formatDuration(report.timings.downloadedMs)}, ` +
        `${summary_formatDuration(report.timings.totalMs)} in all.`, '');
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
        rows.push(`| ${code(order.language)} | ${orderStatusEmoji(order.status)} ${summary_text(order.status)} | ` +
            `${code(order.orderId)}${origin} | ${shown.length > 0 ? shown.join('<br>') : '—'} |`);
    }
    return rows;
}
function totalsLine(report) {
    let line = `${plural(report.orders.length, 'order')}: ${report.createdCount} created, ` +
        `${report.reusedCount} reused.`;
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
        .map((order) => `- ${inlineCode(order.language)}, order ${inlineCode(order.orderId)}: ${summary_text(order.problem ?? '')}`);
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
function orderStatusEmoji(status) {
    switch (status) {
        case 'completed':
        case 'delivered':
            return '✅';
        case 'cancelled':
        case 'failed':
            return '❌';
        case 'timed-out':
            return '⏱️';
        case 'download-failed':
            return '⚠️';
        default:
            return '⏳';
    }
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
function summary_text(value) {
    return value
        .replace(/[\r\n\u2028\u2029]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/[\\`*_{}[\]()+\-.!|~]/g, '\\$&')
        // GitHub turns `@name` into a notification and `#123` into a cross-reference even after
        // Markdown escaping; a zero-width space after the sign stops both.
        .replace(/[@#]/g, '$&\u200b');
}
/** 850 ms, 12 s, 3 min 5 s, 1 h 2 min. */
function summary_formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '0 s';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    const totalSeconds = Math.round(ms / 1000);
    if (totalSeconds < 60)
        return `${totalSeconds} s`;
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    const seconds = totalSeconds % 60;
    if (hours > 0)
        return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
    return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The main step: read inputs, choose (reuse or create) orders, wait for them, download their
 * outputs, report. `run` never throws: every path ends in outputs and, where the run did not
 * succeed, `setFailed` (the shape of actions/typescript-action).
 */
















/** The runner allows 7.5 s after SIGINT before SIGTERM, and 2.5 s more before SIGKILL. */
const ABORT_CANCEL_BUDGET_MS = 6_000;
/** Reads and cancels may still retry for this long when `timeout` leaves no time (timeout: 0). */
const MIN_RETRY_WINDOW_MS = 60_000;
async function run(context) {
    const { io } = context;
    const log = io.log;
    const startedAt = context.clock();
    const workflow = readWorkflowContext(context.env, context.cwd);
    // Mask the key before anything (validation messages included) could print it.
    const rawKey = io.getInput('api-key').trim();
    if (rawKey)
        io.setSecret(rawKey);
    let settings;
    try {
        settings = readSettings((name) => io.getInput(name), {
            workspace: workflow.workspace,
            eventName: workflow.eventName,
            isForkPullRequest: workflow.pullRequest?.isFork ?? false,
        });
    }
    catch (error) {
        if (error instanceof MissingSecretOnForkError) {
            log.notice('Skipped: this pull request comes from a fork, and GitHub does not give workflows run for forks access to secrets, ' +
                'so there is no Ollang API key. Nothing was ordered. A maintainer can localize this change after merging, or ' +
                'run the workflow from a branch of this repository.', { title: 'Ollang localization skipped' });
            return { exitCode: 0 };
        }
        io.setFailed(error instanceof InputError ? error.message : `Invalid input: ${String(error)}`);
        return { exitCode: 1 };
    }
    const state = new src_state/* StateRecorder */.wp(io);
    const deadline = startedAt + settings.timeoutMs;
    const client = new ollang_client/* OllangClient */.PB({
        baseUrl: settings.apiUrl,
        apiKey: settings.apiKey,
        fetch: context.fetch,
        sleep: context.sleep,
        clock: context.clock,
        ...(context.random ? { random: context.random } : {}),
        deadline: () => Math.max(deadline, startedAt + MIN_RETRY_WINDOW_MS),
        signal: context.abort,
        onRequest: (event) => log.debug(`${event.method} ${event.path} -> ${event.status ?? 'no answer'} (${event.endpoint}, attempt ${event.attempt}, ${event.durationMs} ms)`),
    });
    const run = new RunRecord(settings, startedAt);
    try {
        if (settings.mode === 'cancel') {
            await cancelMode(context, settings, client, run);
        }
        else {
            await localize(context, settings, workflow, client, state, run, deadline);
        }
        // A signal that landed while the last downloads finished still makes this a cancelled run.
        context.abort.throwIfAborted();
    }
    catch (error) {
        if (context.abort.aborted) {
            await handleAbort(context, settings, state, run);
        }
        else {
            run.fail(describeError(error));
        }
    }
    const report = run.toReport(context.clock());
    writeOutputs(io, report);
    await publishReport(context, settings, workflow, report);
    if (!context.abort.aborted)
        state.recordMainFinished();
    const exitCode = run.failure ? 1 : 0;
    if (run.failure)
        io.setFailed(run.failure);
    return { report, exitCode };
}
/** Modes run, submit and collect (and their dry runs). */
async function localize(context, settings, workflow, client, state, run, deadline) {
    const { io, clock } = context;
    const log = io.log;
    const memory = settings.reuseOrders && settings.orderIds.length === 0
        ? await openCacheMemory({
            directory: external_node_path_default().join(context.env['RUNNER_TEMP'] || external_node_path_default().join(settings.workspace, '.ollang-tmp'), 'ollang-localize-action'),
            log,
            ...(workflow.runId ? { runId: workflow.runId } : {}),
        })
        : undefined;
    const chosen = await log.group('Choosing orders', () => (0,choose/* chooseOrders */.F_)({ client, settings, log, clock, sleep: context.sleep, state, ...(memory ? { memory } : {}) }));
    run.followed = chosen.followed;
    run.languagesWithoutOrder = chosen.languagesWithoutOrder;
    if (settings.dryRun) {
        run.plan = chosen.plan;
        log.info(`Dry run: would create ${chosen.plan.create.length ? chosen.plan.create.join(', ') : 'nothing'}; would reuse ${chosen.plan.reuse.map((r) => `${r.language} (${r.orderId})`).join(', ') || 'nothing'}.`);
        run.status = 'dry-run';
        return;
    }
    if (settings.mode === 'collect' && chosen.languagesWithoutOrder.length > 0) {
        log.warning(`No order exists for ${chosen.languagesWithoutOrder.join(', ')}; collect never creates orders.`, {
            title: 'Languages without an order',
        });
    }
    if (settings.mode === 'submit') {
        log.info(`Submitted: ${run.followed.map((o) => `${o.language} ${o.orderId} (${o.status})`).join(', ')}. Not waiting (mode: submit).`);
        return;
    }
    const download = createOrderDownloader({
        settings,
        client,
        sleep: context.sleep,
        log,
        signal: context.abort,
        clock,
        onDownloaded: (_bytes, ms) => {
            run.downloadedMs += ms;
        },
    });
    const waited = await log.group(`Waiting for ${run.followed.length} order(s) (up to ${formatDuration(settings.timeoutMs)})`, () => waitForOrders({
        client,
        orders: run.followed,
        deadline,
        pollIntervalMs: settings.pollIntervalMs,
        // Undocumented: the benchmark's per-order baseline (one Get Order per order per cycle).
        batchStatusChecks: context.env['OLLANG_STATUS_CHECKS'] !== 'per-order',
        downloadBytes: (order) => planDownloads(order, settings.download).items.reduce((sum, item) => sum + (item.expectedBytes ?? 0), 0),
        readiness: (order) => outputsReadiness(order, settings.download),
        download,
        onSettled: (order) => state.recordSettled([order.orderId]),
        clock,
        sleep: context.sleep,
        signal: context.abort,
        log,
    }));
    run.waitedMs = waited.waitedMs;
    if (waited.timedOut)
        await handleTimeout(context, settings, client, state, run);
}
/** `on-timeout`: fail (leave orders running, name them), cancel (this run's unfinished orders), continue. */
async function handleTimeout(context, settings, client, state, run) {
    const log = context.io.log;
    const unfinished = run.followed.filter((o) => o.state === 'timed-out');
    for (const o of unfinished) {
        log.warning(`Order ${o.orderId} (${o.language}) ${o.problem ?? 'did not finish in time'}.`, { title: `Timed out: ${o.language}` });
    }
    const names = unfinished
        .map((o) => `${o.language} ${o.orderId} (${o.status}${o.lastCheckError ? `; its last check failed: ${o.lastCheckError}` : ''})`)
        .join(', ');
    run.status = 'timed-out';
    if (settings.onTimeout === 'continue') {
        log.info(`Timed out after ${formatDuration(settings.timeoutMs)}; continuing with what finished (on-timeout: continue). Still running: ${names}.`);
        return;
    }
    if (settings.onTimeout === 'cancel') {
        const ours = unfinished.filter((o) => o.created && !(0,schemas/* isFinished */.$g)(o.status));
        const results = await log.group(`Cancelling ${ours.length} unfinished order(s) (on-timeout: cancel)`, () => (0,cancel/* cancelOrders */._x)(client, ours.map((o) => o.orderId), { onResult: (r) => logCancel(context, run, r) }));
        state.recordSettled(results.filter(cancel/* isStopped */.id).map((r) => r.orderId));
        run.fail(`Timed out after ${formatDuration(settings.timeoutMs)}; cancelled this run's unfinished orders: ${names}.`);
        return;
    }
    run.fail(`Timed out after ${formatDuration(settings.timeoutMs)} with orders still running: ${names}. They were left running ` +
        `(on-timeout: fail); collect them later with mode: collect and order-ids, or cancel them with mode: cancel.`);
}
/**
 * SIGINT / SIGTERM: cancel the unfinished orders this run created (never reused or given ones),
 * within the runner's grace period. What this cannot finish, the post step does: state lists
 * what was created and what is already settled.
 */
async function handleAbort(context, settings, state, run) {
    const log = context.io.log;
    run.status = 'cancelled';
    const settled = new Set(run.followed.filter((o) => (0,schemas/* isFinished */.$g)(o.status)).map((o) => o.orderId));
    const toCancel = state.created.filter((id) => !settled.has(id));
    if (!settings.cancelOnAbort || toCancel.length === 0) {
        run.fail(toCancel.length === 0
            ? 'The run was cancelled; it had no unfinished orders of its own to cancel.'
            : `The run was cancelled; its orders were left running (cancel-on-abort: false): ${toCancel.join(', ')}.`);
        return;
    }
    log.info(`The run was cancelled: cancelling ${toCancel.length} unfinished order(s) this run created.`);
    const cancelClient = new ollang_client/* OllangClient */.PB({
        baseUrl: settings.apiUrl,
        apiKey: settings.apiKey,
        fetch: context.fetch,
        sleep: context.sleep,
        clock: context.clock,
        requestTimeoutMs: 3_000,
        retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1_000 },
        deadline: () => context.clock() + ABORT_CANCEL_BUDGET_MS,
        signal: AbortSignal.timeout(ABORT_CANCEL_BUDGET_MS),
    });
    const results = await (0,cancel/* cancelOrders */._x)(cancelClient, toCancel, { concurrency: 16, onResult: (r) => logCancel(context, run, r) });
    state.recordSettled(results.filter(cancel/* isStopped */.id).map((r) => r.orderId));
    const left = results.filter((r) => !(0,cancel/* isStopped */.id)(r)).map((r) => r.orderId);
    run.fail(left.length === 0
        ? `The run was cancelled; cancelled its ${results.length} unfinished order(s).`
        : `The run was cancelled; could not cancel ${left.join(', ')} yet (the post step tries again).`);
}
/** `mode: cancel`: cancel the given orders, or the project's unfinished orders for the languages. */
async function cancelMode(context, settings, client, run) {
    const log = context.io.log;
    let orderIds = settings.orderIds;
    if (orderIds.length === 0) {
        const found = await (0,choose/* scanOrders */.Dn)(client, { projectId: settings.projectId, orderType: settings.orderType }, { languages: settings.targetLanguages });
        const unfinished = found.filter((o) => !(0,schemas/* isFinished */.$g)(o.status));
        orderIds = unfinished.map((o) => o.id);
        for (const o of unfinished)
            run.languageOf.set(o.id, o.targetLanguage);
        log.info(`Found ${orderIds.length} unfinished ${settings.orderType} order(s) for ${settings.targetLanguages.join(', ')}.`);
    }
    if (settings.dryRun) {
        log.info(`Dry run: would cancel ${orderIds.join(', ') || 'nothing'}.`);
        run.status = 'dry-run';
        return;
    }
    const results = await log.group(`Cancelling ${orderIds.length} order(s)`, () => (0,cancel/* cancelOrders */._x)(client, orderIds, { onResult: (r) => logCancel(context, run, r) }));
    const failed = results.filter((r) => !(0,cancel/* isStopped */.id)(r));
    run.status = failed.length === 0 ? 'cancelled' : 'failed';
    if (failed.length > 0)
        run.fail(`Could not cancel ${failed.map((r) => `${r.orderId} (${(0,cancel/* describeCancelResult */.bi)(r)})`).join('; ')}.`);
}
function logCancel(context, run, result) {
    const followed = run.followed.find((o) => o.orderId === result.orderId);
    const language = followed?.language ?? run.languageOf.get(result.orderId);
    const label = language ? `${result.orderId} (${language})` : result.orderId;
    const line = `Order ${label}: ${(0,cancel/* describeCancelResult */.bi)(result)}`;
    if ((0,cancel/* isStopped */.id)(result))
        context.io.log.info(line);
    else
        context.io.log.warning(line);
    if (followed) {
        if (result.outcome === 'cancelled' || result.outcome === 'already-cancelled')
            followed.status = 'cancelled';
        if (!(0,cancel/* isStopped */.id)(result))
            followed.problem = (0,cancel/* describeCancelResult */.bi)(result);
    }
    else {
        run.cancelled.push({
            orderId: result.orderId,
            language: run.languageOf.get(result.orderId) ?? '',
            status: (0,cancel/* isStopped */.id)(result) ? (result.outcome === 'already-finished' ? result.status ?? 'completed' : 'cancelled') : 'cancel-failed',
            problem: (0,cancel/* isStopped */.id)(result) ? undefined : (0,cancel/* describeCancelResult */.bi)(result),
        });
    }
}
async function publishReport(context, settings, workflow, report) {
    const { io } = context;
    const summaryContext = {
        ...(workflow.serverUrl ? { serverUrl: workflow.serverUrl } : {}),
        ...(workflow.repository ? { repository: workflow.repository } : {}),
        ...(workflow.sha ? { sha: workflow.sha } : {}),
    };
    try {
        await io.appendSummary(renderSummary(report, summaryContext));
    }
    catch (error) {
        io.log.warning(`Could not write the job summary: ${describeError(error)}`);
    }
    const pr = workflow.pullRequest;
    if (!settings.prComment || !pr || settings.mode === 'cancel' || !settings.githubToken)
        return;
    const markerKey = `${settings.projectId}:${settings.orderType}`;
    const { upsertPrComment } = await __webpack_require__.e(/* import() */ 914).then(__webpack_require__.bind(__webpack_require__, 1914));
    await upsertPrComment({ token: settings.githubToken, apiUrl: workflow.apiUrl, owner: pr.owner, repo: pr.repo, issueNumber: pr.number }, renderComment(report, { ...summaryContext, markerKey }), commentMarker(markerKey), io.log);
}
/** The run as it goes: followed orders, timings, the verdict. Turned into a RunReport at the end. */
class RunRecord {
    followed = [];
    languagesWithoutOrder = [];
    /** Orders `mode: cancel` handled, and the languages it learned for them. */
    cancelled = [];
    languageOf = new Map();
    plan;
    status;
    failure;
    waitedMs = 0;
    downloadedMs = 0;
    #settings;
    #startedAt;
    constructor(settings, startedAt) {
        this.#settings = settings;
        this.#startedAt = startedAt;
    }
    fail(message) {
        this.failure ??= message;
    }
    toReport(now) {
        const orders = this.followed.map((o) => ({
            orderId: o.orderId,
            language: o.language,
            type: o.type,
            status: reportedStatus(o),
            created: o.created,
            files: o.files,
            ...(o.problem ? { problem: o.problem } : {}),
        }));
        for (const c of this.cancelled) {
            orders.push({ orderId: c.orderId, language: c.language, type: this.#settings.orderType, status: c.status, created: false, files: [], ...(c.problem ? { problem: c.problem } : {}) });
        }
        const status = this.status === undefined || this.status === 'timed-out' ? this.#verdict() : this.status;
        if (!this.failure && (status === 'partial' || status === 'failed')) {
            const troubled = this.followed.filter((o) => o.problem || o.state === 'failed');
            this.fail(troubled.length > 0
                ? `${troubled.length} of ${this.followed.length} order(s) did not deliver: ${troubled.map((o) => `${o.language} ${o.orderId}: ${o.problem ?? o.status}`).join('; ')}`
                : `No order for ${this.languagesWithoutOrder.join(', ')}.`);
        }
        return {
            status,
            mode: this.#settings.mode,
            projectId: this.#settings.projectId,
            orders,
            languagesWithoutOrder: this.languagesWithoutOrder,
            createdCount: this.followed.filter((o) => o.created).length,
            reusedCount: this.followed.filter((o) => !o.created).length,
            outputDir: this.#settings.outputDirRelative,
            timings: { waitedMs: this.waitedMs, downloadedMs: this.downloadedMs, totalMs: now - this.#startedAt },
            ...(this.plan ? { plan: this.plan } : {}),
        };
    }
    /** Honest status from the orders themselves: never `completed` with a file missing. */
    #verdict() {
        const orders = this.followed;
        const done = orders.filter((o) => o.state === 'done').length;
        const bad = orders.filter((o) => o.state === 'failed').length;
        const unfinished = orders.filter((o) => o.state === 'waiting' || o.state === 'awaiting-outputs' || o.state === 'downloading').length;
        const timedOut = orders.filter((o) => o.state === 'timed-out').length;
        if (this.failure && orders.length === 0)
            return 'failed';
        if (timedOut > 0 || this.status === 'timed-out')
            return 'timed-out';
        if (this.#settings.mode === 'submit') {
            // Nothing is downloaded in submit mode: report where the orders stand.
            const finishedBadly = orders.filter((o) => (0,schemas/* isFinished */.$g)(o.status) && !(0,schemas/* isSuccess */.oJ)(o.status)).length;
            if (orders.some((o) => !(0,schemas/* isFinished */.$g)(o.status)))
                return 'pending';
            if (finishedBadly > 0)
                return finishedBadly === orders.length ? 'failed' : 'partial';
            return orders.length > 0 ? 'completed' : 'failed';
        }
        if (orders.length === 0)
            return this.languagesWithoutOrder.length > 0 ? 'failed' : 'completed';
        if (bad === orders.length)
            return 'failed';
        if (bad > 0 || this.languagesWithoutOrder.length > 0 || done < orders.length)
            return 'partial';
        return 'completed';
    }
}
function describeError(error) {
    if (error instanceof errors/* OllangError */.eO && error.status === 401) {
        return `Ollang rejected the API key (${error.message}). Check the secret passed as api-key.`;
    }
    return error instanceof Error ? error.message : String(error);
}
/** The order's Ollang status, except where the action's own verdict says more. */
function reportedStatus(order) {
    if (order.state === 'timed-out')
        return 'timed-out';
    if (order.state === 'failed' && (0,schemas/* isSuccess */.oJ)(order.status))
        return 'download-failed';
    if (order.state === 'failed' && !(0,schemas/* isFinished */.$g)(order.status))
        return 'failed';
    return order.status;
}


/***/ })

};
