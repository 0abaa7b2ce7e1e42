import type { OutputPathTemplate } from './download/output-path.ts';

/**
 * The validated, typed form of the action's inputs (see action.yml and the README's input
 * table). Produced only by `readSettings` in inputs.ts; everything downstream trusts these
 * values.
 */
import type { LimitOverride } from './quality/limits.ts';
import type { QualityCheckMode } from './quality/verdict.ts';

export type OrderType = 'cc' | 'subtitle' | 'document' | 'aiDubbing' | 'studioDubbing';
export type OrderSubType = 'closedCaption' | 'timecodedTranscription';
export type DubbingStyle = 'overdub' | 'lipsync' | 'audioDescription';
export type Mode = 'run' | 'submit' | 'collect' | 'cancel';
export type OnTimeout = 'fail' | 'cancel' | 'continue';
/** What to download for each finished order. `source*` documents are never downloaded. */
export type DownloadKind = 'subtitles' | 'vtt' | 'dubbing' | 'documents';

export interface Settings {
  apiKey: string;
  /** Base URL without a trailing slash. */
  apiUrl: string;
  /** Empty when `orderIds` or `media` is given. */
  projectId: string;
  /** Normalised language codes, in the order the user wrote them; no duplicates. */
  targetLanguages: string[];
  /** Subset of targetLanguages ordered with isRush: true. */
  rushLanguages: string[];
  orderType: OrderType;
  orderSubType?: OrderSubType;
  dubbingStyle?: DubbingStyle;
  level: 0 | 1;
  autoQc: boolean;
  callbackUrl?: string;
  mode: Mode;
  /** Given order IDs (followed as-is, never created, never cancelled on abort). */
  orderIds: string[];
  reuseOrders: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
  onTimeout: OnTimeout;
  cancelOnAbort: boolean;
  /** Absolute path, inside the workspace. */
  outputDir: string;
  /** Workspace-relative form of outputDir, as the user sees it (posix separators). */
  outputDirRelative: string;
  /** Absolute workspace root (GITHUB_WORKSPACE, or the current directory). */
  workspace: string;
  /** What to download; `download: auto` already resolved from the order type. */
  download: ReadonlySet<DownloadKind>;
  githubToken: string;
  prComment: boolean;
  dryRun: boolean;
  /** Largest single download accepted, in bytes (input `max-download-size`). */
  maxDownloadBytes: number;
  /** The `media` input as written (paths and glob patterns, media/find.ts reads it); '' without media. */
  media: string;
  /** With media: the language spoken in the media (normalised code). */
  sourceLanguage?: string;
  /** Where each downloaded file goes (the `output-path` input, or the default for media or not). */
  outputPath: OutputPathTemplate;
  /** The `artifact` input: upload the downloaded files as a workflow artifact of this name (absent: no artifact). */
  artifact?: string;
  /** What the subtitle quality check does with its findings (input `quality-check`, docs/quality.md). */
  qualityCheck: QualityCheckMode;
  /** The readability limits `quality-rules` overrides, in the order written. */
  qualityRules: LimitOverride[];
}
