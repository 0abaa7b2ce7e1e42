import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BARE_TIMEOUT_WARNING_MS, InputError, SecretWithheldError, parseByteSize, readSettings } from '../../src/inputs.ts';
import type { GetInput, InputEnvironment } from '../../src/inputs.ts';
import { parseOutputPath } from '../../src/download/output-path.ts';

const API_KEY = 'olk_SuperSecretKey_123';
const WORKSPACE = path.resolve('/tmp/ws-inputs-test');
const env: InputEnvironment = { workspace: WORKSPACE };

const BASE: Record<string, string> = {
  'api-key': API_KEY,
  'project-id': 'proj_123',
  'target-languages': 'fr, es',
};

function inputsFrom(values: Record<string, string>): GetInput {
  return (name) => values[name] ?? '';
}

function read(overrides: Record<string, string> = {}, environment: InputEnvironment = env) {
  return readSettings(inputsFrom({ ...BASE, ...overrides }), environment);
}

function readError(overrides: Record<string, string>, environment: InputEnvironment = env): InputError {
  try {
    read(overrides, environment);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`expected an InputError for ${JSON.stringify(overrides)}`);
}

/** [description, inputs, expected input name, text the message must contain] */
const BAD: Array<[string, Record<string, string>, string, string?]> = [
  ['empty api-key', { 'api-key': '' }, 'api-key', 'required'],
  ['blank api-key', { 'api-key': '  \n ' }, 'api-key'],
  ['api-key with a space', { 'api-key': 'abc def' }, 'api-key', 'not shown'],
  ['api-key with a newline inside', { 'api-key': 'abc\ndef' }, 'api-key'],
  ['api-url ftp', { 'api-url': 'ftp://api.example.com' }, 'api-url', 'http'],
  ['artifact name with a slash', { artifact: 'subtitles/fr' }, 'artifact', 'artifact names cannot have'],
  ['artifact name with a colon', { artifact: 'subs:1' }, 'artifact', 'artifact names cannot have'],
  [
    'output-dir with a colon, artifact set',
    { artifact: 'subs', 'output-dir': 'out/12:30' },
    'output-dir',
    "contains ':', which the artifact",
  ],
  ['output-dir with a question mark, artifact set', { artifact: 'subs', 'output-dir': 'why?' }, 'output-dir', 'artifact is set'],
  ['api-url not a URL', { 'api-url': 'api.ollang.com' }, 'api-url', 'not a URL'],
  ['api-url with credentials', { 'api-url': 'https://user:hunter2@api.example.com' }, 'api-url', 'password'],
  ['api-url with a query', { 'api-url': 'https://api.example.com/?x=1' }, 'api-url', 'query'],
  ['api-url javascript', { 'api-url': 'javascript:alert(1)' }, 'api-url'],
  ['project-id with bad characters', { 'project-id': 'proj/../x' }, 'project-id', 'not a project ID'],
  ['project-id too long', { 'project-id': 'p'.repeat(129) }, 'project-id'],
  ['project-id missing', { 'project-id': '' }, 'project-id', 'order-ids'],
  ['target-languages missing', { 'target-languages': '' }, 'target-languages', 'order-ids'],
  ['target-languages with a word', { 'target-languages': 'fr, english' }, 'target-languages', '"english"'],
  ['target-languages with underscore', { 'target-languages': 'pt_BR' }, 'target-languages', "'-', not '_'"],
  ['target-languages with one letter', { 'target-languages': 'f' }, 'target-languages'],
  [
    'target-languages duplicate after normalisation',
    { 'target-languages': 'pt-BR, fr\nPT-br' },
    'target-languages',
    '"pt-BR" is listed more than once',
  ],
  ['target-languages bad region', { 'target-languages': 'en-USA' }, 'target-languages'],
  ['rush-languages not a target', { 'rush-languages': 'de' }, 'rush-languages', '"de" is not in target-languages (fr, es)'],
  ['rush-languages duplicate', { 'rush-languages': 'fr fr' }, 'rush-languages', 'more than once'],
  ['rush-languages all combined', { 'rush-languages': 'all, fr' }, 'rush-languages', "'all'"],
  ['rush-languages not a code', { 'rush-languages': 'french' }, 'rush-languages'],
  ['order-type unknown', { 'order-type': 'subtitles' }, 'order-type', "'studioDubbing'"],
  ['order-sub-type without cc', { 'order-sub-type': 'closedCaption' }, 'order-sub-type', "order-type 'cc'"],
  ['order-sub-type unknown', { 'order-type': 'cc', 'order-sub-type': 'openCaption' }, 'order-sub-type', 'timecodedTranscription'],
  ['dubbing-style without dubbing', { 'dubbing-style': 'lipsync' }, 'dubbing-style', 'aiDubbing'],
  ['dubbing-style unknown', { 'order-type': 'aiDubbing', 'dubbing-style': 'karaoke' }, 'dubbing-style', 'overdub'],
  ['level 2', { level: '2' }, 'level', "'0'"],
  ['level word', { level: 'one' }, 'level', "'1'"],
  ['level decimal', { level: '1.0' }, 'level'],
  ['auto-qc maybe', { 'auto-qc': 'maybe' }, 'auto-qc', "'true' or 'false'"],
  ['callback-url ftp', { 'callback-url': 'ftp://hooks.example.com/x' }, 'callback-url', 'http'],
  ['callback-url relative', { 'callback-url': '/hooks/ollang' }, 'callback-url', 'not a URL'],
  ['callback-url with space', { 'callback-url': 'https://hooks.example.com/a b' }, 'callback-url'],
  ['mode unknown', { mode: 'wait' }, 'mode', "'collect'"],
  ['mode collect without anything', { mode: 'collect', 'project-id': '', 'target-languages': '' }, 'project-id', "mode 'collect'"],
  ['mode cancel without languages', { mode: 'cancel', 'target-languages': '' }, 'target-languages', "mode 'cancel'"],
  ['order-ids with a slash', { 'order-ids': 'abc, a/b' }, 'order-ids', '"a/b"'],
  ['order-ids duplicate', { 'order-ids': 'abc\nabc' }, 'order-ids', 'more than once'],
  ['order-ids too long', { 'order-ids': 'x'.repeat(129) }, 'order-ids'],
  ['reuse-orders y', { 'reuse-orders': 'y' }, 'reuse-orders'],
  ['timeout negative', { timeout: '-5m' }, 'timeout', 'negative'],
  ['timeout unknown unit', { timeout: '10 parsecs' }, 'timeout', 'unknown unit'],
  ['timeout above 7 days', { timeout: '8d' }, 'timeout', '7 days'],
  ['timeout NaN', { timeout: 'NaN' }, 'timeout'],
  ['timeout units out of order', { timeout: '30m1h' }, 'timeout'],
  ['poll-interval below 100ms', { 'poll-interval': '50ms' }, 'poll-interval', '100ms'],
  ['poll-interval zero', { 'poll-interval': '0' }, 'poll-interval', '100ms'],
  ['poll-interval word', { 'poll-interval': 'soon' }, 'poll-interval'],
  ['on-timeout unknown', { 'on-timeout': 'ignore' }, 'on-timeout', "'continue'"],
  ['cancel-on-abort word', { 'cancel-on-abort': 'nope' }, 'cancel-on-abort'],
  ['output-dir escapes with ..', { 'output-dir': '../out' }, 'output-dir', 'outside the workspace'],
  ['output-dir escapes in the middle', { 'output-dir': 'a/../../out' }, 'output-dir', 'outside the workspace'],
  ['output-dir absolute outside', { 'output-dir': '/etc' }, 'output-dir', 'outside the workspace'],
  ['output-dir workspace root', { 'output-dir': '.' }, 'output-dir', 'root'],
  ['output-dir workspace root absolute', { 'output-dir': WORKSPACE }, 'output-dir', 'root'],
  ['output-dir NUL', { 'output-dir': 'a\u0000b' }, 'output-dir', 'control'],
  ['output-dir tilde', { 'output-dir': '~/subs' }, 'output-dir', '~'],
  ['download unknown', { download: 'subtitles, srt' }, 'download', '"srt"'],
  ['download none with more', { download: 'none, vtt' }, 'download', "'none'"],
  ['download all with more', { download: 'all vtt' }, 'download', "'all'"],
  ['pr-comment word', { 'pr-comment': 'enabled' }, 'pr-comment'],
  ['dry-run 2', { 'dry-run': '2' }, 'dry-run'],
  ['max-download-size below 1KiB', { 'max-download-size': '10' }, 'max-download-size', '1KiB'],
  ['max-download-size unknown unit', { 'max-download-size': '5 lightyears' }, 'max-download-size', 'not a size'],
  ['max-download-size negative', { 'max-download-size': '-1MB' }, 'max-download-size'],
  ['max-download-size above 1TiB', { 'max-download-size': '2TiB' }, 'max-download-size', '1TiB'],
  ['media with project-id', { media: 'videos/*.mp4', 'source-language': 'en' }, 'media', 'project-id'],
  ['media with order-ids', { media: 'videos/*.mp4', 'source-language': 'en', 'project-id': '', 'order-ids': 'o1' }, 'media', 'order-ids'],
  ['media without source-language', { media: 'videos/*.mp4', 'project-id': '' }, 'source-language', 'required with media'],
  ['source-language not a code', { media: 'a.mp4', 'project-id': '', 'source-language': 'english' }, 'source-language', '"english"'],
  ['source-language two codes', { media: 'a.mp4', 'project-id': '', 'source-language': 'en, fr' }, 'source-language'],
  ['output-path without language', { 'output-path': 'subs/{name}.{ext}' }, 'output-path', 'has no {language}'],
  [
    'output-path media placeholder without media',
    { 'output-path': '{media-dir}/{language}.{ext}' },
    'output-path',
    'only with the media input',
  ],
  ['output-path unknown placeholder', { 'output-path': '{lang}/{name}.{ext}' }, 'output-path', 'unknown placeholder {lang}'],
  ['output-path outside', { 'output-path': '../{language}.{ext}' }, 'output-path', '`..`'],
  // Review finding 10: a fixed extension with more than one kind of file saved SRT text as intro.fr.vtt.
  [
    'output-path fixed extension, two kinds',
    { media: 'a.mp4', 'project-id': '', 'source-language': 'en', 'output-path': '{media-dir}/{media-name}.{language}.vtt' },
    'output-path',
    'has no {ext}, and download takes subtitles, vtt',
  ],
  [
    'output-path fixed extension of another kind',
    { download: 'subtitles', 'output-path': 'subs/{language}.vtt' },
    'output-path',
    'saves subtitles files as .vtt',
  ],
];

describe('readSettings: bad inputs', () => {
  it('has a table of at least 30 cases', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(30);
  });

  it.each(BAD)('%s', (_description, overrides, input, contains) => {
    const error = readError(overrides);
    expect(error).toBeInstanceOf(InputError);
    expect(error.input).toBe(input);
    const [problem] = error.problems;
    expect(problem?.input).toBe(input);
    const message = problem?.message ?? '';
    expect(message.startsWith(`Input '${input}': `)).toBe(true);
    expect(message).toMatch(/\. Accepted: .+\.$/su);
    if (contains !== undefined) expect(message).toContain(contains);
    if (error.problems.length === 1) expect(error.message).toBe(message);
    expect(error.message).not.toContain(API_KEY);
    // eslint-disable-next-line no-control-regex
    expect(message).not.toMatch(/[\u0000-\u001f\u007f]/u);
  });

  it('uses the exact wording for a rush language outside the targets', () => {
    expect(readError({ 'rush-languages': 'de' }).message).toBe(
      `Input 'rush-languages': "de" is not in target-languages (fr, es). Accepted: a subset of target-languages, or 'all'.`,
    );
  });

  it('reports every bad input at once, in the order of action.yml, each naming its input and the accepted values', () => {
    const error = readError({ 'api-url': 'ftp://x', level: '7', mode: 'nope', timeout: 'soon', download: 'srt' });
    expect(error.problems.map((p) => p.input)).toEqual(['api-url', 'level', 'mode', 'timeout', 'download']);
    expect(error.input).toBe('api-url');
    for (const problem of error.problems)
      expect(problem.message).toMatch(new RegExp(`^Input '${problem.input}': .+\\. Accepted: .+\\.$`, 'su'));
    // One message for the log and the annotation, a line per problem.
    expect(error.message.split('\n')).toEqual(['5 inputs are not valid:', ...error.problems.map((p) => `- ${p.message}`)]);
    expect(readError({ level: '7', mode: 'nope' }).problems.map((p) => p.input)).toEqual(['level', 'mode']);
  });

  it('reports a relation between inputs only when each of them is valid on its own', () => {
    // A bad code in target-languages is its own problem: not also "is empty", and rush-languages is not measured against it.
    const bad = readError({ 'target-languages': 'fr, english', 'rush-languages': 'fr' });
    expect(bad.problems.map((p) => p.input)).toEqual(['target-languages']);
    // A bad order-type says nothing about whether order-sub-type fits it.
    expect(readError({ 'order-type': 'subtitles', 'order-sub-type': 'closedCaption' }).problems.map((p) => p.input)).toEqual([
      'order-type',
    ]);
    // Both required inputs missing: both named.
    const missing = readError({ 'project-id': '', 'target-languages': '' });
    expect(missing.problems.map((p) => p.input)).toEqual(['project-id', 'target-languages']);
    // Bad order-ids: whether project-id is required cannot be told, so it is not claimed.
    expect(readError({ 'order-ids': 'a/b', 'project-id': '' }).problems.map((p) => p.input)).toEqual(['order-ids']);
    // A relation and a single-input problem together.
    const both = readError({ level: '3', 'rush-languages': 'de' });
    expect(both.problems.map((p) => p.input)).toEqual(['level', 'rush-languages']);
  });

  it('reports one problem per input, the first one found', () => {
    const error = readError({ 'target-languages': 'english, french, fr, fr' });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.message).toContain('"english"');
  });

  it('never echoes the api key, even inside another input', () => {
    const inUrl = readError({ 'api-url': `https://api.example.com/${API_KEY}?k=1` });
    expect(inUrl.message).not.toContain(API_KEY);
    expect(inUrl.message).toContain('***');
    const inLanguages = readError({ 'target-languages': `fr ${API_KEY}` });
    expect(inLanguages.message).not.toContain(API_KEY);
  });

  it('never echoes the github token', () => {
    const token = 'ghs_abcdefghijklmnop';
    const error = readError({ 'github-token': token, 'project-id': `x/${token}` });
    expect(error.input).toBe('project-id');
    expect(error.message).not.toContain(token);
  });

  it('does not show URL credentials', () => {
    const error = readError({ 'callback-url': 'ftp://bob:hunter2@hooks.example.com/x' });
    expect(error.message).not.toContain('hunter2');
    expect(readError({ 'api-url': 'https://bob:hunter2@api.example.com' }).message).not.toContain('hunter2');
  });

  it('escapes control and bidi characters and cuts long values', () => {
    const error = readError({ 'order-type': `sub\u202etitle\u0007${'x'.repeat(200)}` });
    expect(error.message).toContain('\\u202e');
    expect(error.message).toContain('\\x07');
    expect(error.message).toContain('…');
    expect(error.message.length).toBeLessThan(400);
  });

  it('throws SecretWithheldError for an empty key on a fork pull request', () => {
    const error = readError({ 'api-key': '' }, { ...env, isForkPullRequest: true });
    expect(error).toBeInstanceOf(SecretWithheldError);
    expect(error.input).toBe('api-key');
    expect(error.message).toContain('fork');
    expect((error as SecretWithheldError).reason).toBe('fork');
    expect((error as SecretWithheldError).notice).toMatch(/fork.*secrets.*API key.*Nothing was ordered/su);
    // Not a fork: the ordinary error.
    expect(readError({ 'api-key': '' })).not.toBeInstanceOf(SecretWithheldError);
  });

  it('throws SecretWithheldError for an empty key in a run Dependabot started, and says where the key can go', () => {
    const error = readError({ 'api-key': '' }, { ...env, isDependabot: true });
    expect(error).toBeInstanceOf(SecretWithheldError);
    const withheld = error as SecretWithheldError;
    expect(withheld.reason).toBe('dependabot');
    expect(withheld.notice).toContain('Dependabot');
    expect(withheld.notice).toContain('Dependabot secrets');
    expect(withheld.notice).not.toContain('fork');
    // Dependabot with a key (a Dependabot secret): an ordinary run.
    expect(read({}, { ...env, isDependabot: true }).apiKey).toBe(API_KEY);
  });

  it('still fails, without the skip, when a run without secrets has other bad inputs', () => {
    for (const environment of [
      { ...env, isForkPullRequest: true },
      { ...env, isDependabot: true },
    ]) {
      const error = readError({ 'api-key': '', level: '3' }, environment);
      expect(error).not.toBeInstanceOf(SecretWithheldError);
      // The empty key is expected there; the workflow's own mistake is the problem.
      expect(error.problems.map((p) => p.input)).toEqual(['level']);
    }
  });
});

describe('readSettings: inputs that surprise', () => {
  function readWarnings(overrides: Record<string, string>): string[] {
    const warnings: string[] = [];
    read(overrides, { ...env, warn: (message) => warnings.push(message) });
    return warnings;
  }

  it('warns that target-languages is ignored when order-ids is given', () => {
    const warnings = readWarnings({ 'order-ids': 'ord_1, ord_2', 'target-languages': 'fr, es', mode: 'collect' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Input 'target-languages' \(fr, es\) is ignored.*order-ids is given.*follows exactly those orders/su);
    expect(readWarnings({ 'order-ids': 'ord_1', 'target-languages': 'fr', mode: 'cancel' })[0]).toContain('cancels exactly those orders');
    expect(readWarnings({ 'order-ids': 'ord_1', 'target-languages': '' })).toEqual([]);
    expect(readWarnings({})).toEqual([]);
  });

  it.each([
    ['60', '60 seconds', '1m', '"60m"'],
    ['90', '90 seconds', '1m 30s', '"90m"'],
    ['2.5', '2.5 seconds', '2s 500ms', '"2.5m"'],
  ])('warns about timeout %s: a bare number is seconds', (timeout, seconds, shown, meant) => {
    const warnings = readWarnings({ timeout });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`Input 'timeout': "${timeout}" has no unit, so it is ${seconds}`);
    expect(warnings[0]).toContain(`waits at most ${shown}`);
    expect(warnings[0]).toContain(`write ${meant}`);
  });

  it.each(['0', '300', '3600', '60s', '1m', '45m', '2h'])(
    'does not warn about timeout %s (no wait, 5 minutes or more, or a unit)',
    (timeout) => {
      expect(readWarnings({ timeout })).toEqual([]);
    },
  );

  it('warns below 5 minutes only', () => {
    expect(BARE_TIMEOUT_WARNING_MS).toBe(300_000);
    expect(readWarnings({ timeout: '299' })).toHaveLength(1);
    expect(readWarnings({ timeout: '300' })).toHaveLength(0);
  });

  it.each([
    'http://api-integration.ollang.com',
    'http://api.example.com:8080/ollang',
    'http://10.0.0.5:4010',
    'http://192.168.1.20',
    'http://localhost.example.com:4010',
    'http://127.0.0.1.nip.io:4010',
    'http://[::2]:4010',
  ])('refuses api-url %s: plain http off this machine sends the key in clear', (apiUrl) => {
    const error = readError({ 'api-url': apiUrl });
    expect(error.problems.map((p) => p.input)).toEqual(['api-url']);
    expect(error.message).toContain('plain http to another machine');
    expect(error.message).toContain('unencrypted');
    expect(error.message).toContain('http only to this machine');
  });

  it.each([
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010/', 'http://localhost:4010'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
    ['http://127.8.9.10', 'http://127.8.9.10'],
    ['http://0x7f.1:4010', 'http://127.0.0.1:4010'],
    ['https://api.example.com', 'https://api.example.com'],
  ])('accepts api-url %s', (apiUrl, expected) => {
    expect(read({ 'api-url': apiUrl }).apiUrl).toBe(expected);
  });
});

describe('readSettings: defaults', () => {
  it('applies the contract defaults', () => {
    const settings = read();
    expect(settings).toEqual({
      apiKey: API_KEY,
      apiUrl: 'https://api-integration.ollang.com',
      projectId: 'proj_123',
      targetLanguages: ['fr', 'es'],
      rushLanguages: [],
      orderType: 'subtitle',
      level: 0,
      autoQc: false,
      mode: 'run',
      orderIds: [],
      reuseOrders: true,
      timeoutMs: 60 * 60_000,
      pollIntervalMs: 30_000,
      onTimeout: 'fail',
      cancelOnAbort: true,
      outputDir: path.join(WORKSPACE, 'localized'),
      outputDirRelative: 'localized',
      workspace: WORKSPACE,
      download: new Set(['subtitles', 'vtt']),
      githubToken: '',
      prComment: true,
      dryRun: false,
      maxDownloadBytes: 2 * 1024 ** 3,
      media: '',
      outputPath: parseOutputPath('', { hasMedia: false }),
      qualityCheck: 'report',
      qualityRules: [],
    });
    expect(settings.outputPath.text).toBe('{output-dir}/{language}/{name}.{ext}');
    expect('orderSubType' in settings).toBe(false);
    expect('dubbingStyle' in settings).toBe(false);
    expect('callbackUrl' in settings).toBe(false);
    expect('artifact' in settings).toBe(false);
    expect(read({ artifact: ' subtitles-shard-1 ' }).artifact).toBe('subtitles-shard-1');
    // Such a folder is fine without an artifact: only the artifact service refuses the characters.
    expect(read({ 'output-dir': 'out/12:30' }).outputDirRelative).toBe('out/12:30');
  });

  it('treats whitespace-only values as unset', () => {
    const settings = read({ 'order-type': '  ', timeout: '\n', 'output-dir': ' ', download: ' ' });
    expect(settings.orderType).toBe('subtitle');
    expect(settings.timeoutMs).toBe(3_600_000);
    expect(settings.outputDirRelative).toBe('localized');
    expect([...settings.download]).toEqual(['subtitles', 'vtt']);
  });
});

describe('readSettings: media, source-language, output-path', () => {
  const media = { 'project-id': '', media: 'videos/**/*.mp4\n!videos/drafts/**', 'source-language': 'PT-br' };
  it('media replaces project-id; source-language is normalised; output-path defaults to beside the media', () => {
    const settings = read(media);
    expect(settings.media).toBe('videos/**/*.mp4\n!videos/drafts/**');
    expect(settings.sourceLanguage).toBe('pt-BR');
    expect(settings.projectId).toBe('');
    expect(settings.outputPath.text).toBe('{media-dir}/{media-name}.{language}.{ext}');
    expect(read({ ...media, 'output-path': 'public/{language}/{media-name}.{ext}' }).outputPath.text).toBe(
      'public/{language}/{media-name}.{ext}',
    );
  });

  it('a fixed extension is accepted where it is the one kind of file downloaded', () => {
    const fixed = '{media-dir}/{media-name}.{language}.vtt';
    expect(read({ ...media, download: 'vtt', 'output-path': fixed }).outputPath.text).toBe(fixed);
    expect(read({ ...media, download: 'subtitles', 'output-path': '{media-dir}/{media-name}.{language}.srt' }).download).toEqual(
      new Set(['subtitles']),
    );
  });

  it('every problem at once: media with project-id, no source-language, a bad output-path', () => {
    const error = readError({ media: 'a.mp4', 'output-path': '{name}.{ext}' });
    expect(error.problems.map((p) => p.input)).toEqual(['output-path', 'media', 'source-language']);
  });

  it('source-language without media: ignored, with a warning', () => {
    const warnings: string[] = [];
    const settings = read({ 'source-language': 'en' }, { ...env, warn: (m) => warnings.push(m) });
    expect('sourceLanguage' in settings).toBe(false);
    expect(warnings[0]).toMatch(/^Input 'source-language' \(en\) is ignored/);
  });

  it('mode cancel and collect with media need no project-id', () => {
    expect(read({ ...media, mode: 'cancel' }).mode).toBe('cancel');
    expect(read({ ...media, mode: 'collect' }).mode).toBe('collect');
  });
});

describe('readSettings: good inputs', () => {
  it('normalises language codes and keeps their order', () => {
    const settings = read({ 'target-languages': ' FR,\n pt-br   zh-hant\tES-419,, sr-latn-rs ' });
    expect(settings.targetLanguages).toEqual(['fr', 'pt-BR', 'zh-Hant', 'es-419', 'sr-Latn-RS']);
  });

  it('reads rush-languages as a subset in target order, or all', () => {
    expect(read({ 'target-languages': 'fr es de', 'rush-languages': 'de, FR' }).rushLanguages).toEqual(['fr', 'de']);
    expect(read({ 'rush-languages': 'ALL' }).rushLanguages).toEqual(['fr', 'es']);
  });

  it('accepts order-ids instead of project and languages', () => {
    const settings = read({ 'project-id': '', 'target-languages': '', 'order-ids': 'a1, b2\nc_3 d-4', mode: 'collect' });
    expect(settings.orderIds).toEqual(['a1', 'b2', 'c_3', 'd-4']);
    expect(settings.projectId).toBe('');
    expect(settings.targetLanguages).toEqual([]);
    expect(settings.mode).toBe('collect');
  });

  it('reads enums in any letter case', () => {
    const settings = read({ 'order-type': 'AIDUBBING', 'dubbing-style': 'LipSync', mode: 'Submit', 'on-timeout': 'CONTINUE' });
    expect(settings.orderType).toBe('aiDubbing');
    expect(settings.dubbingStyle).toBe('lipsync');
    expect(settings.mode).toBe('submit');
    expect(settings.onTimeout).toBe('continue');
    const cc = read({ 'order-type': 'cc', 'order-sub-type': 'timecodedtranscription' });
    expect(cc.orderSubType).toBe('timecodedTranscription');
    expect(read({ 'order-type': 'studioDubbing', 'dubbing-style': 'audioDescription' }).dubbingStyle).toBe('audioDescription');
  });

  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['yes', true],
    ['1', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['no', false],
    ['0', false],
  ])('reads boolean %s', (text, value) => {
    const settings = read({ 'auto-qc': text, 'reuse-orders': text, 'cancel-on-abort': text, 'pr-comment': text, 'dry-run': text });
    expect([settings.autoQc, settings.reuseOrders, settings.cancelOnAbort, settings.prComment, settings.dryRun]).toEqual([
      value,
      value,
      value,
      value,
      value,
    ]);
  });

  it('reads level 1 and a callback URL', () => {
    const settings = read({ level: '1', 'callback-url': 'https://hooks.example.com/ollang?token=x' });
    expect(settings.level).toBe(1);
    expect(settings.callbackUrl).toBe('https://hooks.example.com/ollang?token=x');
  });

  it('strips trailing slashes from api-url and keeps a path prefix', () => {
    expect(read({ 'api-url': 'http://127.0.0.1:4010/' }).apiUrl).toBe('http://127.0.0.1:4010');
    expect(read({ 'api-url': 'https://proxy.example.com/ollang//' }).apiUrl).toBe('https://proxy.example.com/ollang');
  });

  it('reads durations, including 0 and a poll interval longer than the timeout', () => {
    const settings = read({ timeout: '0', 'poll-interval': '1h30m' });
    expect(settings.timeoutMs).toBe(0);
    expect(settings.pollIntervalMs).toBe(5_400_000);
    expect(read({ timeout: '1.5h', 'poll-interval': '100ms' })).toMatchObject({ timeoutMs: 5_400_000, pollIntervalMs: 100 });
    expect(read({ timeout: '90' }).timeoutMs).toBe(90_000);
  });

  it('resolves output-dir inside the workspace', () => {
    expect(read({ 'output-dir': 'docs/subs/' })).toMatchObject({
      outputDir: path.join(WORKSPACE, 'docs', 'subs'),
      outputDirRelative: 'docs/subs',
    });
    expect(read({ 'output-dir': './a/../b' })).toMatchObject({ outputDir: path.join(WORKSPACE, 'b'), outputDirRelative: 'b' });
    expect(read({ 'output-dir': path.join(WORKSPACE, 'abs') })).toMatchObject({ outputDirRelative: 'abs' });
    // A name that merely starts with two dots is inside.
    expect(read({ 'output-dir': '..subs' }).outputDirRelative).toBe('..subs');
  });

  it.each([
    ['subtitle', ['subtitles', 'vtt']],
    ['cc', ['subtitles', 'vtt']],
    ['aiDubbing', ['dubbing', 'subtitles', 'vtt']],
    ['studioDubbing', ['dubbing', 'subtitles', 'vtt']],
    ['document', ['documents']],
  ])('download: auto (the default) delivers what order-type %s delivers', (orderType, kinds) => {
    expect([...read({ 'order-type': orderType }).download].sort()).toEqual([...kinds].sort());
    expect([...read({ 'order-type': orderType, download: 'AUTO' }).download].sort()).toEqual([...kinds].sort());
  });

  it('refuses auto combined with other values', () => {
    const error = readError({ download: 'auto, vtt' });
    expect(error.input).toBe('download');
    expect(error.message).toContain("combines 'auto'");
    expect(error.message).toContain("'auto' (what the order type delivers)");
  });

  it('reads download lists', () => {
    expect([...read({ download: 'all' }).download].sort()).toEqual(['documents', 'dubbing', 'subtitles', 'vtt']);
    expect(read({ download: 'NONE' }).download.size).toBe(0);
    expect([...read({ download: 'dubbing documents, dubbing' }).download]).toEqual(['dubbing', 'documents']);
  });

  it('reads max-download-size with units', () => {
    expect(read({ 'max-download-size': '1KiB' }).maxDownloadBytes).toBe(1024);
    expect(read({ 'max-download-size': '500MB' }).maxDownloadBytes).toBe(500_000_000);
    expect(read({ 'max-download-size': '1.5 GiB' }).maxDownloadBytes).toBe(1.5 * 1024 ** 3);
    expect(read({ 'max-download-size': '4096' }).maxDownloadBytes).toBe(4096);
    expect(parseByteSize('2gib')).toBe(2 * 1024 ** 3);
    expect(parseByteSize('2 parsecs')).toBeUndefined();
  });

  it('keeps the github token as given', () => {
    expect(read({ 'github-token': ' ghs_x ' }).githubToken).toBe('ghs_x');
  });
});

describe('readSettings: the subtitle quality check', () => {
  it('reads quality-check in any letter case, report by default', () => {
    expect(read().qualityCheck).toBe('report');
    expect(read({ 'quality-check': 'STRICT' }).qualityCheck).toBe('strict');
    expect(read({ 'quality-check': ' off ' }).qualityCheck).toBe('off');
    expect(readError({ 'quality-check': 'warn' }).message).toBe(
      `Input 'quality-check': "warn" is not one of the accepted values. Accepted: 'report', 'off', 'fail', 'strict'.`,
    );
  });

  it('reads quality-rules into overrides', () => {
    expect(read({ 'quality-rules': 'max-cps: 20\n# Japanese\nmax-cps (ja, zh-TW): 5\nmin-gap: off' }).qualityRules).toEqual([
      { rule: 'max-cps', value: 20, scope: undefined, line: 1 },
      { rule: 'max-cps', value: 5, scope: 'ja', line: 3 },
      { rule: 'max-cps', value: 5, scope: 'zh-tw', line: 3 },
      { rule: 'min-gap', value: undefined, scope: undefined, line: 4 },
    ]);
  });

  it('reports every bad line of quality-rules, each with its line, with the other inputs, and counts inputs, not lines', () => {
    const error = readError({ level: '7', 'quality-check': 'loud', 'quality-rules': 'max-cps: fast\nmax-lines: 2\nmax-cpss: 3' });
    expect(error.problems).toEqual([
      { input: 'level', message: expect.stringMatching(/^Input 'level': /) },
      { input: 'quality-check', message: expect.stringMatching(/^Input 'quality-check': "loud"/) },
      { input: 'quality-rules', message: expect.stringMatching(/^Input 'quality-rules', line 1: max-cps value "fast" is not a number\./) },
      { input: 'quality-rules', message: expect.stringMatching(/^Input 'quality-rules', line 3: unknown rule "max-cpss"\./) },
    ]);
    expect(error.message.split('\n')[0]).toBe('3 inputs are not valid:');
    const alone = readError({ 'quality-rules': 'max-cps: fast\nmax-cpss: 3' });
    expect(alone.message.split('\n')).toEqual(["Input 'quality-rules' is not valid:", ...alone.problems.map((p) => `- ${p.message}`)]);
  });

  it('takes the same language codes as target-languages, and never quotes a secret', () => {
    expect(read({ 'quality-rules': 'max-cps (sr-Latn-RS, es-419): 15' }).qualityRules.map((o) => o.scope)).toEqual([
      'sr-latn-rs',
      'es-419',
    ]);
    const error = readError({ 'quality-rules': `max-cps (${API_KEY}): 3` });
    expect(error.input).toBe('quality-rules');
    expect(error.message).not.toContain(API_KEY);
  });

  it('warns of a language in quality-rules that no target language takes: the line would have no effect', () => {
    const warnings: string[] = [];
    const environment = { ...env, warn: (message: string) => warnings.push(message) };
    read(
      { 'target-languages': 'zh-Hant-HK, ja', 'quality-rules': 'max-cps (zh-Hant): 11\nmax-cps (jp): 3\nmax-lines (JP): 1' },
      environment,
    );
    expect(warnings).toEqual([
      "Input 'quality-rules': (zh-hant) on line 1; (jp) on lines 2, 3 apply to no language of target-languages (zh-Hant-HK, ja), so they " +
        'have no effect. A language in parentheses covers its exact code and, when it has no subtag (zh), every code of that language (zh-TW, zh-Hant-HK).',
    ]);

    // a bare language covers its regional codes, an exact code matches in any case; with order-ids there is no list to check
    warnings.length = 0;
    read({ 'target-languages': 'zh-Hant-HK, pt-BR', 'quality-rules': 'max-cps (zh): 9\nmax-cps (PT-br): 15' }, environment);
    read({ 'target-languages': '', 'order-ids': 'ord_1', mode: 'collect', 'quality-rules': 'max-cps (jp): 3' }, environment);
    expect(warnings).toEqual([]);
  });

  it('warns that quality-rules is ignored when quality-check is off', () => {
    const warnings: string[] = [];
    read({ 'quality-check': 'off', 'quality-rules': 'max-cps: 20' }, { ...env, warn: (message) => warnings.push(message) });
    expect(warnings).toEqual([`Input 'quality-rules' is ignored: quality-check is 'off', so no subtitle file is checked.`]);
  });
});
