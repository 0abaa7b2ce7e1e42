/**
 * Reads and validates every input (see action.yml and docs/architecture.md) into a typed
 * Settings object, before a single request reaches Ollang.
 *
 * Every input is read, and every problem found is reported at once: one InputError whose
 * `problems` name each bad input, say what is wrong and list the accepted values (one problem
 * per input, in the order of action.yml; checks that relate two inputs come after and are left
 * out when one of their inputs is already wrong). A user fixes them all in one edit, not one
 * per re-run.
 *
 * Adding an input: `const x = check(fallback, () => readX(raw('x'), show, fail))` among the
 * others (readX calls `fail('x', problem, accepted)` for a bad value), a field in Settings, a
 * row in action.yml; a relation to other inputs goes with the relations, behind `ok(...)`.
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
 *
 * Inputs that are valid but probably not what the user meant (target-languages next to
 * order-ids, a bare `timeout: 60`) are warnings, passed to `env.warn`.
 */
import path from 'node:path';
import { extensionProblem, parseOutputPath, type OutputPathTemplate } from './download/output-path.ts';
import { DurationError, formatDuration, parseDuration } from './duration.ts';
import type { DownloadKind, DubbingStyle, Mode, OnTimeout, OrderSubType, OrderType, Settings } from './settings.ts';
import { redactSecrets } from './redact.ts';
import type { LimitOverride } from './quality/limits.ts';
import { QUALITY_RULES_INPUT, parseQualityRules, unusedScopesWarning } from './quality/rules.ts';
import { QUALITY_CHECK_MODES, type QualityCheckMode } from './quality/verdict.ts';

/** One bad input: `input` as written in the workflow (`rush-languages`), `message` the whole sentence. */
export interface InputProblem {
  input: string;
  /** `Input 'level': "3" is not a level. Accepted: '0' (AI only) or '1' (AI plus human review).` */
  message: string;
}

/** Every bad input of a run. `input` is the first one's name; `problems` lists them all. */
export class InputError extends Error {
  readonly input: string;
  readonly problems: readonly InputProblem[];
  constructor(problems: readonly InputProblem[]) {
    const [first] = problems;
    if (first === undefined) throw new TypeError('InputError needs at least one problem');
    // An input can have several problems (each bad line of quality-rules is one): count the inputs.
    const inputs = new Set(problems.map((p) => p.input)).size;
    super(
      problems.length === 1
        ? first.message
        : `${inputs === 1 ? `Input '${first.input}' is` : `${inputs} inputs are`} not valid:\n${problems.map((p) => `- ${p.message}`).join('\n')}`,
    );
    this.name = 'InputError';
    this.input = first.input;
    this.problems = problems;
  }
}

/** Why GitHub gave this run no secrets, when it did so on purpose. */
export type SecretsWithheld = 'fork' | 'dependabot';

const WITHHELD_NOTICE: Readonly<Record<SecretsWithheld, string>> = {
  fork:
    'Skipped: this pull request comes from a fork, and GitHub does not give workflows run for forks access to secrets, ' +
    'so there is no Ollang API key. Nothing was ordered. A maintainer can localize this change after merging, or ' +
    'run the workflow from a branch of this repository.',
  dependabot:
    'Skipped: this run was started by Dependabot, and GitHub gives Dependabot runs only Dependabot secrets, not Actions ' +
    'secrets, so there is no Ollang API key. Nothing was ordered. To localize Dependabot pull requests, add ' +
    'OLLANG_API_KEY under Settings > Secrets and variables > Dependabot as well.',
};

/**
 * `api-key` is empty where GitHub withholds secrets on purpose (a pull request from a fork, a
 * run started by Dependabot), and every other input is valid: main skips with `notice` (exit 0)
 * instead of failing a check the contributor cannot fix.
 */
export class SecretWithheldError extends InputError {
  readonly reason: SecretsWithheld;
  /** The notice main shows instead of a failure. */
  readonly notice: string;
  constructor(reason: SecretsWithheld) {
    super([
      {
        input: 'api-key',
        message:
          `Input 'api-key': is empty, because GitHub does not pass Actions secrets to ${reason === 'fork' ? 'workflows run for forks' : 'runs started by Dependabot'}, ` +
          'so nothing was ordered. Accepted: an Ollang API key, usually `${{ secrets.OLLANG_API_KEY }}`.',
      },
    ]);
    this.name = 'SecretWithheldError';
    this.reason = reason;
    this.notice = WITHHELD_NOTICE[reason];
  }
}

/** Returns the raw input value, '' when unset (like core.getInput). */
export type GetInput = (name: string) => string;

export interface InputEnvironment {
  /** Workspace root (GITHUB_WORKSPACE, or the current directory). */
  workspace: string;
  /** A pull_request run whose head repository is a fork (secrets are not available). */
  isForkPullRequest?: boolean;
  /** A run started by Dependabot (it gets Dependabot secrets only). */
  isDependabot?: boolean;
  /** Receives each warning (a valid input that is probably not what was meant). Main logs them as warnings. */
  warn?: (message: string) => void;
}

export const DEFAULT_API_URL = 'https://api-integration.ollang.com';
export const DEFAULT_MAX_DOWNLOAD_SIZE = '2GiB';
export const MIN_POLL_INTERVAL_MS = 100;
export const MIN_DOWNLOAD_BYTES = 1024;
export const MAX_DOWNLOAD_BYTES = 1024 ** 4; // 1 TiB
/** A `timeout` written as a bare number below this is warned about: people think in minutes there. */
export const BARE_TIMEOUT_WARNING_MS = 5 * 60_000;

const ORDER_TYPES: readonly OrderType[] = ['cc', 'subtitle', 'document', 'aiDubbing', 'studioDubbing'];
const ORDER_SUB_TYPES: readonly OrderSubType[] = ['closedCaption', 'timecodedTranscription'];
const DUBBING_STYLES: readonly DubbingStyle[] = ['overdub', 'lipsync', 'audioDescription'];
const DUBBING_TYPES: readonly OrderType[] = ['aiDubbing', 'studioDubbing'];
const MODES: readonly Mode[] = ['run', 'submit', 'collect', 'cancel'];
const ON_TIMEOUT: readonly OnTimeout[] = ['fail', 'cancel', 'continue'];
const DOWNLOAD_KINDS: readonly DownloadKind[] = ['subtitles', 'vtt', 'dubbing', 'documents'];
/** `download: auto`: what each order type delivers (the contract's `download` row). */
const AUTO_DOWNLOAD: Readonly<Record<OrderType, readonly DownloadKind[]>> = {
  cc: ['subtitles', 'vtt'],
  subtitle: ['subtitles', 'vtt'],
  aiDubbing: ['dubbing', 'subtitles', 'vtt'],
  studioDubbing: ['dubbing', 'subtitles', 'vtt'],
  document: ['documents'],
};

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);
const BOOLEAN_ACCEPTED = "'true' or 'false' (also yes/no or 1/0, in any letter case)";

const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
const ID_ACCEPTED = '1 to 128 letters, digits, - or _';
/** primary language (2-3 letters), optional script (4 letters), optional region (2 letters or 3 digits); quality-rules takes the same. */
export const LANGUAGE_PATTERN = /^([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}|[0-9]{3}))?$/;
const LANGUAGE_ACCEPTED = 'language codes such as fr, es, pt-BR, zh-TW, zh-Hant or es-419, separated by commas, spaces or newlines';
const DURATION_ACCEPTED = 'a number with a unit: ms, s, m, h or d (500ms, 90s, 45m, 2h, 1h30m; a bare number is seconds)';
/** A duration written without a unit (docs of src/duration.ts): seconds. */
const BARE_NUMBER = /^(?:\d+(?:\.\d+)?|\.\d+)$/u;
const MAX_SHOWN = 60;

/** What each reader of an input gets: the raw value, a safe way to show it, and the one list of problems. */
interface InputReader {
  raw: (name: string) => string;
  show: Show;
  warn: (message: string) => void;
  fail: Fail;
  /** Runs one reader; its problem is recorded (the first per input) and `fallback` stands in for the value. */
  check: <T>(fallback: T, reader: () => T) => T;
  /** None of these inputs has a problem yet (a relation between them is worth checking). */
  ok: (...inputs: string[]) => boolean;
  problems: InputProblem[];
}

function trimmedInput(getInput: GetInput, name: string): string {
  const value = getInput(name);
  return typeof value === 'string' ? value.trim() : '';
}

function inputReader(getInput: GetInput, env: InputEnvironment, secrets: string[]): InputReader {
  const raw = (name: string): string => trimmedInput(getInput, name);
  const problems: InputProblem[] = [];
  const ok = (...inputs: string[]): boolean => inputs.every((input) => !problems.some((problem) => problem.input === input));
  const check = <T>(fallback: T, reader: () => T): T => {
    try {
      return reader();
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      if (ok(error.input)) problems.push({ input: error.input, message: error.message });
      return fallback;
    }
  };
  const fail: Fail = (input, problem, accepted) => {
    throw new Invalid(input, `Input '${input}': ${problem}. Accepted: ${accepted}.`);
  };
  return { raw, show: makeShow(secrets), warn: (message) => env.warn?.(message), fail, check, ok, problems };
}

/**
 * Reads every input. Throws one InputError listing every bad input, or SecretWithheldError
 * when the only problem is an api-key GitHub withheld on purpose.
 */
export function readSettings(getInput: GetInput, env: InputEnvironment): Settings {
  // api-key first: its value is needed to keep it out of every later message.
  const apiKey = trimmedInput(getInput, 'api-key');
  const githubToken = trimmedInput(getInput, 'github-token');
  const reader = inputReader(getInput, env, [apiKey, githubToken]);
  const secretsWithheld: SecretsWithheld | undefined = env.isForkPullRequest ? 'fork' : env.isDependabot ? 'dependabot' : undefined;
  checkApiKey(reader, apiKey, secretsWithheld);
  const values = readEachInput(reader, env);
  const rushLanguages = checkRelations(reader, values);
  if (reader.problems.length > 0) throw new InputError(reader.problems);
  if (apiKey === '' && secretsWithheld !== undefined) throw new SecretWithheldError(secretsWithheld);

  const { rushAll: _all, rushListed: _listed, sourceLanguage, orderSubType, dubbingStyle, callbackUrl, artifact, ...read } = values;
  const settings: Settings = { ...read, apiKey, githubToken, rushLanguages };
  if (sourceLanguage !== undefined && read.media !== '') settings.sourceLanguage = sourceLanguage;
  if (orderSubType !== undefined) settings.orderSubType = orderSubType;
  if (dubbingStyle !== undefined) settings.dubbingStyle = dubbingStyle;
  if (callbackUrl !== undefined) settings.callbackUrl = callbackUrl;
  if (artifact !== '') settings.artifact = artifact;
  return settings;
}

function checkApiKey(reader: InputReader, apiKey: string, secretsWithheld: SecretsWithheld | undefined): void {
  const { check, fail } = reader;
  check(undefined, () => {
    if (apiKey === '') {
      // Expected where GitHub withholds secrets: decided once every other input has been read.
      if (secretsWithheld !== undefined) return;
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
  });
}

/** Each input on its own, in the order of action.yml. */
function readEachInput(reader: InputReader, env: InputEnvironment) {
  const { raw, show, warn, fail, check, problems } = reader;
  const apiUrl = check(DEFAULT_API_URL, () => readApiUrl(raw('api-url'), show, fail));

  const projectId = check('', () => {
    const id = raw('project-id');
    if (id !== '' && !ID_PATTERN.test(id)) fail('project-id', `${show(id)} is not a project ID`, `an Ollang project ID: ${ID_ACCEPTED}`);
    return id;
  });

  const targetLanguages = check([], () => readLanguages('target-languages', raw('target-languages'), show, fail));

  const rushRaw = raw('rush-languages');
  const rushAll = rushRaw.toLowerCase() === 'all';
  const rushListed = check([], () => {
    if (!rushAll && splitList(rushRaw).some((item) => item.toLowerCase() === 'all')) {
      fail('rush-languages', `${show(rushRaw)} combines 'all' with language codes`, "a subset of target-languages, or 'all' alone");
    }
    return rushAll ? [] : readLanguages('rush-languages', rushRaw, show, fail, "a subset of target-languages, or 'all'");
  });

  const orderType = check('subtitle', () => readEnum('order-type', raw('order-type'), ORDER_TYPES, 'subtitle', show, fail));
  const orderSubTypeRaw = raw('order-sub-type');
  const orderSubType = check(undefined, () =>
    orderSubTypeRaw === ''
      ? undefined
      : readEnum('order-sub-type', orderSubTypeRaw, ORDER_SUB_TYPES, undefined, show, fail, ` (only with order-type 'cc'), or empty`),
  );
  const dubbingStyleRaw = raw('dubbing-style');
  const dubbingStyle = check(undefined, () =>
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
        ),
  );

  const level = check<0 | 1>(0, () => {
    const text = raw('level');
    if (text === '1') return 1;
    if (text !== '' && text !== '0') fail('level', `${show(text)} is not a level`, "'0' (AI only) or '1' (AI plus human review)");
    return 0;
  });

  const autoQc = check(false, () => readBoolean('auto-qc', raw('auto-qc'), false, show, fail));
  const callbackUrl = check(undefined, () => readCallbackUrl(raw('callback-url'), show, fail));
  const mode = check<Mode>('run', () => readEnum('mode', raw('mode'), MODES, 'run', show, fail));
  const orderIds = check([], () => readOrderIds(raw('order-ids'), show, fail));
  const reuseOrders = check(true, () => readBoolean('reuse-orders', raw('reuse-orders'), true, show, fail));
  const timeoutMs = check(0, () => readTimeout(raw('timeout'), show, fail, warn));
  const pollIntervalMs = check(0, () => {
    const ms = readDuration('poll-interval', raw('poll-interval'), '30s', show, fail, 'from 100ms up to 7 days');
    if (ms < MIN_POLL_INTERVAL_MS) {
      fail(
        'poll-interval',
        `${show(raw('poll-interval'))} is shorter than the 100ms minimum`,
        `${DURATION_ACCEPTED}, from 100ms up to 7 days`,
      );
    }
    return ms;
  });
  const onTimeout = check<OnTimeout>('fail', () => readEnum('on-timeout', raw('on-timeout'), ON_TIMEOUT, 'fail', show, fail));
  const cancelOnAbort = check(true, () => readBoolean('cancel-on-abort', raw('cancel-on-abort'), true, show, fail));
  const workspace = path.resolve(env.workspace);
  const { outputDir, outputDirRelative } = check({ outputDir: path.join(workspace, 'localized'), outputDirRelative: 'localized' }, () =>
    readOutputDir(raw('output-dir'), workspace, show, fail),
  );
  const download = check<ReadonlySet<DownloadKind>>(new Set(), () => readDownload(raw('download'), orderType, show, fail));
  const prComment = check(true, () => readBoolean('pr-comment', raw('pr-comment'), true, show, fail));
  const dryRun = check(false, () => readBoolean('dry-run', raw('dry-run'), false, show, fail));
  const maxDownloadBytes = check(0, () => readByteSize('max-download-size', raw('max-download-size'), show, fail));
  // The media input's paths and patterns are checked against the workspace (media/find.ts), still before any request.
  const media = raw('media');
  const sourceLanguage = check(undefined, () => readSourceLanguage(raw('source-language'), show, fail));
  const outputPath = check(parseOutputPath('', { hasMedia: media !== '' }), () => readOutputPath(raw('output-path'), media !== ''));
  const artifact = check('', () => readArtifactName(raw('artifact'), show, fail));
  const qualityCheck = check<QualityCheckMode>('report', () =>
    readEnum('quality-check', raw('quality-check'), QUALITY_CHECK_MODES, 'report', show, fail),
  );
  // Every bad line of quality-rules is a problem of its own, each naming its line.
  const qualityRules = readQualityRules(raw('quality-rules'), show, problems);

  return {
    apiUrl,
    projectId,
    targetLanguages,
    rushAll,
    rushListed,
    orderType,
    orderSubType,
    dubbingStyle,
    level,
    autoQc,
    callbackUrl,
    mode,
    orderIds,
    reuseOrders,
    timeoutMs,
    pollIntervalMs,
    onTimeout,
    cancelOnAbort,
    workspace,
    outputDir,
    outputDirRelative,
    download,
    prComment,
    dryRun,
    maxDownloadBytes,
    media,
    sourceLanguage,
    outputPath,
    artifact,
    qualityCheck,
    qualityRules,
  };
}

/** The checks that relate inputs, each only when the inputs it relates are valid on their own; returns rush-languages resolved. */
function checkRelations(reader: InputReader, values: ReturnType<typeof readEachInput>): string[] {
  const { raw, show, warn, fail, check, ok } = reader;
  const {
    projectId,
    targetLanguages,
    rushAll,
    rushListed,
    orderType,
    orderSubType,
    dubbingStyle,
    mode,
    orderIds,
    outputDirRelative,
    download,
    media,
    sourceLanguage,
    outputPath,
    artifact,
    qualityCheck,
    qualityRules,
  } = values;
  check(undefined, () => {
    const problem = ok('output-path', 'download', 'order-type') ? extensionProblem(outputPath, download) : undefined;
    if (problem !== undefined)
      fail('output-path', problem, 'a template with {ext}, or a fixed extension that matches the one kind download takes');
  });
  check(undefined, () => {
    if (media === '') return;
    const accepted =
      'media files in the workspace (paths or glob patterns such as videos/**/*.mp4), with project-id and order-ids left empty';
    if (projectId !== '' && ok('project-id'))
      fail('media', 'is given together with project-id: each media file is its own Ollang project', `${accepted}; or project-id alone`);
    if (orderIds.length > 0 && ok('order-ids'))
      fail('media', 'is given together with order-ids, which name the orders to follow', `${accepted}; or order-ids alone`);
  });
  check(undefined, () => {
    if (media !== '' && sourceLanguage === undefined && ok('source-language'))
      fail(
        'source-language',
        'is required with media (orders are placed from it)',
        'the language spoken in the media, such as en or pt-BR',
      );
  });
  if (media === '' && sourceLanguage !== undefined) {
    warn(
      `Input 'source-language' (${sourceLanguage}) is ignored: it goes with media, and media is empty (project-id names a project whose language Ollang already knows).`,
    );
  }
  if (orderIds.length === 0 && ok('order-ids', 'mode')) {
    const why =
      mode === 'collect' || mode === 'cancel'
        ? `mode '${mode}' needs order-ids, or project-id and target-languages`
        : 'it is required unless order-ids is given';
    check(undefined, () => {
      if (projectId === '' && media === '' && ok('project-id'))
        fail('project-id', `is empty, and ${why}`, `an Ollang project ID (${ID_ACCEPTED}), or set media or order-ids instead`);
    });
    check(undefined, () => {
      if (targetLanguages.length === 0 && ok('target-languages'))
        fail('target-languages', `is empty, and ${why}`, `${LANGUAGE_ACCEPTED}; or set order-ids instead`);
    });
  }
  if (orderIds.length > 0 && targetLanguages.length > 0) {
    // Valid, and easy to mistake for a filter: the order IDs alone say what is followed.
    warn(
      `Input 'target-languages' (${targetLanguages.join(', ')}) is ignored, and so is rush-languages: order-ids is given, and the action ` +
        `${mode === 'cancel' ? 'cancels' : 'follows'} exactly those orders, whatever their languages. Leave target-languages empty when you give order-ids.`,
    );
  }

  let rushLanguages: string[] = [];
  if (rushAll) {
    rushLanguages = [...targetLanguages];
  } else if (ok('target-languages', 'rush-languages')) {
    const targets = new Set(targetLanguages);
    check(undefined, () => {
      for (const code of rushListed) {
        if (!targets.has(code)) {
          const list = targetLanguages.length === 0 ? 'which is empty' : targetLanguages.join(', ');
          fail('rush-languages', `${show(code)} is not in target-languages (${list})`, "a subset of target-languages, or 'all'");
        }
      }
    });
    const rush = new Set(rushListed);
    rushLanguages = targetLanguages.filter((code) => rush.has(code));
  }

  check(undefined, () => {
    if (orderSubType !== undefined && orderType !== 'cc' && ok('order-type')) {
      fail(
        'order-sub-type',
        `${show(orderSubType)} is only allowed with order-type 'cc', and order-type is '${orderType}'`,
        `${ORDER_SUB_TYPES.join(', ')} with order-type 'cc'; otherwise leave it empty`,
      );
    }
  });
  check(undefined, () => {
    if (dubbingStyle !== undefined && !DUBBING_TYPES.includes(orderType) && ok('order-type')) {
      fail(
        'dubbing-style',
        `${show(dubbingStyle)} is only allowed with a dubbing order type, and order-type is '${orderType}'`,
        `${DUBBING_STYLES.join(', ')} with order-type 'aiDubbing' or 'studioDubbing'; otherwise leave it empty`,
      );
    }
  });

  check(undefined, () => {
    // The artifact keeps the files' workspace paths, and the artifact service refuses paths with
    // these characters (@actions/artifact's file path check): said now, not after the paid work.
    const refused = ARTIFACT_PATH_REFUSED.exec(outputDirRelative)?.[0];
    if (artifact !== '' && refused !== undefined && ok('artifact', 'output-dir')) {
      fail(
        'output-dir',
        `${show(raw('output-dir'))} contains '${refused}', which the artifact service refuses in file paths, and artifact is set`,
        `a folder whose path has none of " : < > | * ? when artifact is set; or leave artifact empty`,
      );
    }
  });
  if (qualityCheck === 'off' && qualityRules.length > 0) {
    warn(`Input 'quality-rules' is ignored: quality-check is 'off', so no subtitle file is checked.`);
  }
  // A language in parentheses that no target language takes (a typo such as `(jp)`) does nothing.
  const unusedScopes = qualityCheck === 'off' || orderIds.length > 0 ? undefined : unusedScopesWarning(qualityRules, targetLanguages);
  if (unusedScopes) warn(unusedScopes);
  return rushLanguages;
}

type Show = (value: string) => string;
type Fail = (input: string, problem: string, accepted: string) => never;

/** One input's problem, thrown by a reader and collected by readSettings. */
class Invalid extends Error {
  readonly input: string;
  constructor(input: string, message: string) {
    super(message);
    this.input = input;
  }
}

/** `quality-rules` (src/quality/rules.ts): the overrides; each bad line is added to `problems`. */
function readQualityRules(text: string, show: Show, problems: InputProblem[]): LimitOverride[] {
  const parsed = parseQualityRules(text, show);
  problems.push(...parsed.problems.map(({ message }) => ({ input: QUALITY_RULES_INPUT, message })));
  return parsed.problems.length > 0 ? [] : parsed.overrides;
}

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

function readSourceLanguage(text: string, show: Show, fail: Fail): string | undefined {
  if (text === '') return undefined;
  const code = normalizeLanguage(text);
  if (code === undefined) {
    fail(
      'source-language',
      `${show(text)} is not a language code${text.includes('_') ? " (use '-', not '_')" : ''}`,
      'the language spoken in the media, one code such as en, pt-BR or zh-Hant',
    );
  }
  return code;
}

/** The output-path template (download/output-path.ts owns its rules and its message). */
function readOutputPath(text: string, hasMedia: boolean): OutputPathTemplate {
  try {
    return parseOutputPath(text, { hasMedia });
  } catch (error) {
    if (error instanceof InputError) throw new Invalid('output-path', error.problems[0]!.message);
    throw error;
  }
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

/**
 * `timeout`. A bare number is seconds, as the contract says; but next to the job's
 * `timeout-minutes`, `timeout: 60` reads as an hour to many. Below 5 minutes it is valid and
 * warned about, with the unit spelled out.
 */
function readTimeout(text: string, show: Show, fail: Fail, warn: (message: string) => void): number {
  const ms = readDuration('timeout', text, '60m', show, fail, 'from 0 up to 7 days');
  if (BARE_NUMBER.test(text) && ms > 0 && ms < BARE_TIMEOUT_WARNING_MS) {
    warn(
      `Input 'timeout': ${show(text)} has no unit, so it is ${text} seconds: the action waits at most ${formatDuration(ms)}. ` +
        `If you meant minutes, write ${show(`${text}m`)} (unlike the job's timeout-minutes, this input takes a unit: 90s, 45m, 2h).`,
    );
  }
  return ms;
}

function readDuration(input: string, text: string, fallback: string, show: Show, fail: Fail, range: string): number {
  try {
    return parseDuration(text === '' ? fallback : text);
  } catch (error) {
    const reason = error instanceof DurationError ? error.reason : 'is not a duration';
    return fail(input, `${show(text)} ${reason}`, `${DURATION_ACCEPTED}, ${range}`);
  }
}

/**
 * An http or https base URL. Plain http only to this machine (a local simulator or proxy): to
 * anywhere else it would send the API key across the network in clear text.
 */
function readApiUrl(text: string, show: Show, fail: Fail): string {
  if (text === '') return DEFAULT_API_URL;
  const accepted = `an https base URL without user name, password, query or fragment, such as ${DEFAULT_API_URL}; http only to this machine (localhost, 127.0.0.1, [::1])`;
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
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return fail('api-url', `${show(text)} uses plain http to another machine, which would send the API key unencrypted`, accepted);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/u, '')}`;
}

/**
 * `localhost`, 127.0.0.0/8 and [::1], as WHATWG URL parsing normalises them (`http://0x7f.1`
 * is 127.0.0.1). Names under `.localhost` are not taken: Node resolves them through DNS.
 */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(hostname);
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

/** `auto` (the default): what the order type delivers; or a list of kinds; or `all` / `none` alone. */
function readDownload(text: string, orderType: OrderType, show: Show, fail: Fail): ReadonlySet<DownloadKind> {
  const accepted =
    `'auto' (what the order type delivers), or any of ${DOWNLOAD_KINDS.map((k) => `'${k}'`).join(', ')} separated by commas or spaces, ` +
    `or 'all' alone, or 'none' alone`;
  const items = splitList(text === '' ? 'auto' : text).map((item) => item.toLowerCase());
  for (const word of ['auto', 'none', 'all']) {
    if (items.includes(word) && items.length !== 1) fail('download', `${show(text)} combines '${word}' with other values`, accepted);
  }
  if (items[0] === 'auto') return new Set(AUTO_DOWNLOAD[orderType]);
  if (items[0] === 'none') return new Set();
  if (items[0] === 'all') return new Set(DOWNLOAD_KINDS);
  const out = new Set<DownloadKind>();
  for (const item of items) {
    const kind = DOWNLOAD_KINDS.find((k) => k === item);
    if (kind === undefined) fail('download', `${show(item)} is not something that can be downloaded`, accepted);
    else out.add(kind);
  }
  return out;
}

/** Characters the artifact service refuses in an uploaded file's path (control characters aside). */
const ARTIFACT_PATH_REFUSED = /[":<>|*?]/;

/**
 * An artifact name as the artifact service takes it: not one of `" : < > | * ? \ /` nor a
 * control character (names must work as file names on every runner's file system). Checked
 * here so that a bad name fails before any order is paid for, not after the downloads.
 */
function readArtifactName(text: string, show: Show, fail: Fail): string {
  if (text === '') return '';
  const accepted = 'a name for the workflow artifact, without " : < > | * ? \\ / or control characters; or empty for no artifact';
  if (/[":<>|*?\\/\p{Cc}]/u.test(text)) fail('artifact', `${show(text)} contains a character artifact names cannot have`, accepted);
  return text;
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
