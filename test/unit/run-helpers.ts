/**
 * What the unit tests share: a log that records its lines, a clock and sleep that move time by
 * hand (the simulator can run on the same clock), and a Settings object with sensible defaults
 * for one project.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock, Log, Sleep } from '../../src/runtime.ts';
import type { Settings } from '../../src/settings.ts';
import { parseOutputPath } from '../../src/download/output-path.ts';

export interface LogLine {
  level: 'debug' | 'info' | 'notice' | 'warning' | 'error';
  message: string;
}

/** A Log that keeps every line it is given. */
export interface RecordingLog extends Log {
  /** Every line, in order, with its level. */
  records: LogLine[];
  /** Info and above as a person reads them: info plain, the others prefixed (`warning: ...`). */
  lines: string[];
  /** The messages logged at one level. */
  at(level: LogLine['level']): string[];
}

export function recordingLog(): RecordingLog {
  const records: LogLine[] = [];
  const lines: string[] = [];
  const push = (level: LogLine['level']) => (message: string) => {
    records.push({ level, message });
    if (level !== 'debug') lines.push(level === 'info' ? message : `${level}: ${message}`);
  };
  return {
    records,
    lines,
    at: (level) => records.filter((r) => r.level === level).map((r) => r.message),
    debug: push('debug'),
    info: push('info'),
    notice: push('notice'),
    warning: push('warning'),
    error: push('error'),
    group: (_name, fn) => fn(),
  };
}

export interface FakeTime {
  clock: Clock;
  /** Moves the clock by `ms` at once, records it, then runs the hook set with `onNextSleep` (if any). */
  sleep: Sleep;
  /** Every pause asked for, in order. */
  sleeps: number[];
  advance(ms: number): void;
  /** Runs `hook` during the next sleep (a server saving late, a signal arriving). */
  onNextSleep(hook: () => Promise<void>): void;
}

export function fakeTime(start = Date.parse('2026-11-22T10:00:00Z')): FakeTime {
  let now = start;
  let hook: (() => Promise<void>) | undefined;
  const sleeps: number[] = [];
  return {
    clock: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
      const run = hook;
      hook = undefined;
      await run?.();
    },
    sleeps,
    advance: (ms) => {
      now += ms;
    },
    onNextSleep: (next) => {
      hook = next;
    },
  };
}

/** Settings for project `proj-demo` against `apiUrl`; a fresh workspace unless one is given. */
export function testSettings(api: { apiUrl: string; apiKey: string }, overrides: Partial<Settings> = {}): Settings {
  const workspace = overrides.workspace ?? mkdtempSync(path.join(tmpdir(), 'ollang-unit-'));
  return {
    apiKey: api.apiKey,
    apiUrl: api.apiUrl,
    projectId: 'proj-demo',
    targetLanguages: ['fr', 'es'],
    rushLanguages: [],
    orderType: 'subtitle',
    level: 0,
    autoQc: false,
    mode: 'run',
    orderIds: [],
    reuseOrders: true,
    timeoutMs: 3_600_000,
    pollIntervalMs: 30_000,
    onTimeout: 'fail',
    cancelOnAbort: true,
    outputDir: path.join(workspace, 'localized'),
    outputDirRelative: 'localized',
    workspace,
    download: new Set(['subtitles', 'vtt']),
    githubToken: '',
    prComment: false,
    dryRun: false,
    maxDownloadBytes: 1024 ** 3,
    media: '',
    outputPath: parseOutputPath('', { hasMedia: (overrides.media ?? '') !== '' }),
    qualityCheck: 'report',
    qualityRules: [],
    ...overrides,
  };
}
