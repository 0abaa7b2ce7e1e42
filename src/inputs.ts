/**
 * Reads and validates every input (see action.yml and the README's inputs table) into a
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
import path from 'node:path';
import { DurationError, parseDuration } from './duration.ts';
import type { DownloadKind, DubbingStyle, Mode, OnTimeout, OrderSubType, OrderType, Settings } from './settings.ts';
import { redactSecrets } from './redact.ts';

/** A bad input. `input` is the input's name as written in the workflow (`rush-languages`). */
export class InputError extends Error {
  readonly input: string;
  constructor(input: string, message: string) {
    super(message);
    this.name = 'InputError';
    this.input = input;
  }
}

/**
 * `api-key` is empty on a pull request from a fork: GitHub does not pass secrets to those
 * runs. main can skip with a notice instead of failing.
 */
export class MissingSecretOnForkError extends InputError {
  constructor() {
    super(
      'api-key',
      "Input 'api-key' is empty. This is a pull request from a fork, and GitHub does not pass secrets to workflows " +
        'run for forks, so nothing was ordered. Accepted: an Ollang API key, usually `${{ secrets.OLLANG_API_KEY }}`.',
    );
    this.name = 'MissingSecretOnForkError';
  }
}

/** Returns the raw input value, '' when unset (like core.getInput). */
export type GetInput = (name: string) => string;

export interface InputEnvironment {
  /** Workspace root (GITHUB_WORKSPACE, or the current directory). */
  workspace: string;
  eventName?: string;
  /** A pull_request run whose head repository is a fork (secrets are not available). */
  isForkPullRequest?: boolean;
}

export const DEFAULT_API_URL = 'https://api-integration.ollang.com';
export const DEFAULT_MAX_DOWNLOAD_SIZE = '2GiB';
export const MIN_POLL_INTERVAL_MS = 100;
export const MIN_DOWNLOAD_BYTES = 1024;
export const MAX_DOWNLOAD_BYTES = 1024 ** 4; // 1 TiB

const ORDER_TYPES: readonly OrderType[] = ['cc', 'subtitle', 'document', 'aiDubbing', 'studioDubbing'];
const ORDER_SUB_TYPES: readonly OrderSubType[] = ['closedCaption', 'timecodedTranscription'];
const DUBBING_STYLES: readonly DubbingStyle[] = ['overdub', 'lipsync', 'audioDescription'];
const DUBBING_TYPES: readonly OrderType[] = ['aiDubbing', 'studioDubbing'];
const MODES: readonly Mode[] = ['run', 'submit', 'collect', 'cancel'];
const ON_TIMEOUT: readonly OnTimeout[] = ['fail', 'cancel', 'continue'];
const DOWNLOAD_KINDS: readonly DownloadKind[] = ['subtitles', 'vtt', 'dubbing', 'documents'];

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
export function readSettings(getInput: GetInput, env: InputEnvironment): Settings {
  const raw = (name: string): string => {
    const value = getInput(name);
    return typeof value === 'string' ? value.trim() : '';
  };

  // ---- api-key first: its value is needed to keep it out of every later message.
  const apiKey = raw('api-key');
  const githubToken = raw('github-token');
  const show = makeShow([apiKey, githubToken]);
  const fail: Fail = (input, problem, accepted) => {
    throw new InputError(input, `Input '${input}': ${problem}. Accepted: ${accepted}.`);
  };

  if (apiKey === '') {
    if (env.isForkPullRequest) throw new MissingSecretOnForkError();
    fail(
      'api-key',
      'is required and is empty (is the secret set for this repository?)',
      'an Ollang API key, usually `${{ secrets.OLLANG_API_KEY }}`',
    );
  }
  if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    // Never echo the key. A header value with spaces or control characters would also fail in fetch.
    fail(
      'api-key',
      'contains spaces, control or non-ASCII characters (the value is not shown)',
      'an Ollang API key of printable ASCII characters',
    );
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
  const orderSubType =
    orderSubTypeRaw === ''
      ? undefined
      : readEnum('order-sub-type', orderSubTypeRaw, ORDER_SUB_TYPES, undefined, show, fail, ` (only with order-type 'cc'), or empty`);
  const dubbingStyleRaw = raw('dubbing-style');
  const dubbingStyle =
    dubbingStyleRaw === ''
      ? undefined
      : readEnum(
          'dubbing-style',
          dubbingStyleRaw,
          DUBBING_STYLES,
          undefined,
          show,
          fail,
          ` (only with order-type 'aiDubbing' or 'studioDubbing'), or empty`,
        );

  const levelRaw = raw('level');
  let level: 0 | 1 = 0;
  if (levelRaw === '1') level = 1;
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
    fail(
      'poll-interval',
      `${show(raw('poll-interval'))} is shorter than the 100ms minimum`,
      `${DURATION_ACCEPTED}, from 100ms up to 7 days`,
    );
  }
  const onTimeout = readEnum('on-timeout', raw('on-timeout'), ON_TIMEOUT, 'fail', show, fail);
  const cancelOnAbort = readBoolean('cancel-on-abort', raw('cancel-on-abort'), true, show, fail);
  const workspace = path.resolve(env.workspace);
  const { outputDir, outputDirRelative } = readOutputDir(raw('output-dir'), workspace, show, fail);
  const download = readDownload(raw('download'), show, fail);
  const prComment = readBoolean('pr-comment', raw('pr-comment'), true, show, fail);
  const dryRun = readBoolean('dry-run', raw('dry-run'), false, show, fail);
  const maxDownloadBytes = readByteSize('max-download-size', raw('max-download-size'), show, fail);

  // ---- checks that relate inputs.
  if (orderIds.length === 0) {
    const why =
      mode === 'collect' || mode === 'cancel'
        ? `mode '${mode}' needs order-ids, or project-id and target-languages`
        : 'it is required unless order-ids is given';
    if (projectId === '') fail('project-id', `is empty, and ${why}`, `an Ollang project ID (${ID_ACCEPTED}), or set order-ids instead`);
    if (targetLanguages.length === 0) fail('target-languages', `is empty, and ${why}`, `${LANGUAGE_ACCEPTED}; or set order-ids instead`);
  }

  let rushLanguages: string[];
  if (rushAll) {
    rushLanguages = [...targetLanguages];
  } else {
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
    fail(
      'order-sub-type',
      `${show(orderSubType)} is only allowed with order-type 'cc', and order-type is '${orderType}'`,
      `${ORDER_SUB_TYPES.join(', ')} with order-type 'cc'; otherwise leave it empty`,
    );
  }
  if (dubbingStyle !== undefined && !DUBBING_TYPES.includes(orderType)) {
    fail(
      'dubbing-style',
      `${show(dubbingStyle)} is only allowed with a dubbing order type, and order-type is '${orderType}'`,
      `${DUBBING_STYLES.join(', ')} with order-type 'aiDubbing' or 'studioDubbing'; otherwise leave it empty`,
    );
  }

  const settings: Settings = {
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
  if (orderSubType !== undefined) settings.orderSubType = orderSubType;
  if (dubbingStyle !== undefined) settings.dubbingStyle = dubbingStyle;
  if (callbackUrl !== undefined) settings.callbackUrl = callbackUrl;
  return settings;
}

type Show = (value: string) => string;
type Fail = (input: string, problem: string, accepted: string) => never;

/** Splits a list written with commas, spaces and newlines in any mix. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/u).filter((item) => item !== '');
}

/** `PT-br` -> `pt-BR`, `zh-hant` -> `zh-Hant`; undefined when it is not a language code. */
export function normalizeLanguage(code: string): string | undefined {
  const match = LANGUAGE_PATTERN.exec(code);
  if (!match) return undefined;
  const [, primary, script, region] = match;
  let out = primary!.toLowerCase();
  if (script !== undefined) out += `-${script[0]!.toUpperCase()}${script.slice(1).toLowerCase()}`;
  if (region !== undefined) out += `-${region.toUpperCase()}`;
  return out;
}

function readLanguages(input: string, text: string, show: Show, fail: Fail, accepted = LANGUAGE_ACCEPTED): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of splitList(text)) {
    const code = normalizeLanguage(item);
    if (code === undefined) {
      const hint = item.includes('_') ? " (use '-', not '_')" : '';
      fail(
        input,
        `${show(item)} is not a language code${hint}`,
        accepted === LANGUAGE_ACCEPTED ? accepted : `${accepted}; as ${LANGUAGE_ACCEPTED}`,
      );
    } else {
      if (seen.has(code))
        fail(
          input,
          `${show(code)} is listed more than once`,
          `${accepted === LANGUAGE_ACCEPTED ? LANGUAGE_ACCEPTED : accepted}, each once`,
        );
      seen.add(code);
      out.push(code);
    }
  }
  return out;
}

function readOrderIds(text: string, show: Show, fail: Fail): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const id of splitList(text)) {
    if (!ID_PATTERN.test(id))
      fail('order-ids', `${show(id)} is not an order ID`, `order IDs of ${ID_ACCEPTED}, separated by commas, spaces or newlines`);
    if (seen.has(id)) fail('order-ids', `${show(id)} is listed more than once`, `order IDs of ${ID_ACCEPTED}, each once`);
    seen.add(id);
    out.push(id);
  }
  return out;
}

function readEnum<T extends string>(
  input: string,
  text: string,
  values: readonly T[],
  fallback: T | undefined,
  show: Show,
  fail: Fail,
  acceptedSuffix = '',
): T {
  if (text === '' && fallback !== undefined) return fallback;
  const found = values.find((value) => value.toLowerCase() === text.toLowerCase());
  if (found === undefined) {
    return fail(input, `${show(text)} is not one of the accepted values`, `${values.map((v) => `'${v}'`).join(', ')}${acceptedSuffix}`);
  }
  return found;
}

function readBoolean(input: string, text: string, fallback: boolean, show: Show, fail: Fail): boolean {
  if (text === '') return fallback;
  return parseBooleanWord(text) ?? fail(input, `${show(text)} is not a boolean`, BOOLEAN_ACCEPTED);
}

/** true / false (also yes / no, 1 / 0, any letter case); undefined for anything else. */
export function parseBooleanWord(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

function readDuration(input: string, text: string, fallback: string, show: Show, fail: Fail, range: string): number {
  try {
    return parseDuration(text === '' ? fallback : text);
  } catch (error) {
    const reason = error instanceof DurationError ? error.reason : 'is not a duration';
    return fail(input, `${show(text)} ${reason}`, `${DURATION_ACCEPTED}, ${range}`);
  }
}

function readApiUrl(text: string, show: Show, fail: Fail): string {
  if (text === '') return DEFAULT_API_URL;
  const accepted = `an http or https base URL without user name, password, query or fragment, such as ${DEFAULT_API_URL}`;
  const url = parseUrl(text);
  if (url === undefined) return fail('api-url', `${show(text)} is not a URL`, accepted);
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

function readCallbackUrl(text: string, show: Show, fail: Fail): string | undefined {
  if (text === '') return undefined;
  const accepted = 'an absolute http or https URL, or empty';
  if (text.length > 2048) return fail('callback-url', 'is longer than 2048 characters', accepted);
  if (/[\s\p{Cc}]/u.test(text)) return fail('callback-url', `${show(text)} contains spaces or control characters`, accepted);
  const url = parseUrl(text);
  if (url === undefined) return fail('callback-url', `${show(text)} is not a URL`, accepted);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail('callback-url', `${show(text)} does not use http or https`, accepted);
  }
  if (url.hostname === '') return fail('callback-url', `${show(text)} has no host`, accepted);
  return text;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function readOutputDir(text: string, workspace: string, show: Show, fail: Fail): { outputDir: string; outputDirRelative: string } {
  const value = text === '' ? 'localized' : text;
  const accepted = `a folder inside the workspace, relative to it (such as 'localized' or 'docs/subtitles'), not the workspace root itself`;
  if (/\p{Cc}/u.test(value)) fail('output-dir', `${show(value)} contains control characters`, accepted);
  if (value.startsWith('~')) fail('output-dir', `${show(value)} starts with '~', which is not expanded to a home folder`, accepted);
  const outputDir = path.resolve(workspace, value);
  const relative = path.relative(workspace, outputDir);
  if (relative === '') fail('output-dir', `${show(value)} is the workspace root itself`, accepted);
  if (path.isAbsolute(relative) || relative === '..' || relative.startsWith(`..${path.sep}`)) {
    fail('output-dir', `${show(value)} is outside the workspace (${workspace})`, accepted);
  }
  return { outputDir, outputDirRelative: relative.split(path.sep).join('/') };
}

function readDownload(text: string, show: Show, fail: Fail): ReadonlySet<DownloadKind> {
  const accepted = `any of ${DOWNLOAD_KINDS.map((k) => `'${k}'`).join(', ')} separated by commas or spaces, or 'all' alone, or 'none' alone`;
  const items = splitList(text === '' ? 'subtitles,vtt' : text).map((item) => item.toLowerCase());
  if (items.includes('none') || items.includes('all')) {
    if (items.length !== 1) {
      const word = items.includes('none') ? 'none' : 'all';
      fail('download', `${show(text)} combines '${word}' with other values`, accepted);
    }
    return new Set(items[0] === 'all' ? DOWNLOAD_KINDS : []);
  }
  const out = new Set<DownloadKind>();
  for (const item of items) {
    const kind = DOWNLOAD_KINDS.find((k) => k === item);
    if (kind === undefined) fail('download', `${show(item)} is not something that can be downloaded`, accepted);
    else out.add(kind);
  }
  return out;
}

const BYTE_UNITS: Readonly<Record<string, number>> = {
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
export function parseByteSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/u.exec(text.trim());
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase();
  const size = unit === '' ? 1 : BYTE_UNITS[unit];
  if (size === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * size);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

function readByteSize(input: string, text: string, show: Show, fail: Fail): number {
  const accepted =
    'a number of bytes, or a number with a unit KB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024), from 1KiB up to 1TiB, such as 500MB or 2GiB';
  const bytes = parseByteSize(text === '' ? DEFAULT_MAX_DOWNLOAD_SIZE : text);
  if (bytes === undefined) return fail(input, `${show(text)} is not a size`, accepted);
  if (bytes < MIN_DOWNLOAD_BYTES) return fail(input, `${show(text)} is smaller than 1KiB`, accepted);
  if (bytes > MAX_DOWNLOAD_BYTES) return fail(input, `${show(text)} is larger than 1TiB`, accepted);
  return bytes;
}

const ESCAPE = /[\p{Cc}\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udfff]/u;

/**
 * Quotes a value for a message: secrets blanked, URL credentials removed, control, bidi and
 * zero-width characters escaped, cut to about 60 characters.
 */
function makeShow(secrets: readonly string[]): Show {
  return (value: string): string => {
    let text = redactSecrets(value, secrets);
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

function escapeChar(char: string): string {
  if (char === '"') return '\\"';
  if (char === '\\') return '\\\\';
  if (!ESCAPE.test(char)) return char;
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
