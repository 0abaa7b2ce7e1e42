// Public types of the Ollang simulator. See test/simulator/index.ts.

export interface Lifecycle {
  /** pending -> ongoing (default 200) */
  pendingMs: number;
  /** ongoing -> completed for level 0 (default 400) */
  ongoingMs: number;
  /** extra time for level 1 orders, spent in 'review' then 'waitingForApprove' (default 600) */
  humanReviewMs: number;
  /** after 'completed', orderDocs outputs and vttUrl appear only after this (default 150) */
  outputsLagMs: number;
  /** Cancel Order allowed in pending and the first N ms of ongoing (default 100) */
  cancellableOngoingMs: number;
  /** pass through 'qualityCheck', 'delayed', 'readyToSent' between ongoing and completed (default true) */
  intermediateStatuses: boolean;
}

export interface SubtitleBodies {
  srt?: string | Uint8Array;
  vtt?: string | Uint8Array;
}

export type Outcome = 'completed' | 'failed' | 'delivered' | 'stuck';

export interface LanguageBehaviour {
  outcome?: Outcome;
  lifecycle?: Partial<Lifecycle>;
  dubbingBytes?: number;
}

export type FaultKind =
  | '500'
  | '503'
  | '429'
  | 'reset'
  | 'slow'
  | 'create-no-answer'
  /** Create only: the connection closes at once with no answer, and the orders are saved `delayMs` later (createdAt then). */
  | 'create-saved-late'
  | 'truncate'
  | 'html-200'
  | 'json-200'
  | 'malformed-json'
  | 'drift'
  /** upload only: the project is made, the connection closes before the answer (delayMs: it shows in List / Get only that much later) */
  | 'upload-no-answer'
  /** upload only: the body is read at bytesPerSecond (default 1 MiB/s) */
  | 'slow-upload'
  /** The body is sent one byte every `delayMs` (default 1000): a host that is never silent long enough to time out, and never done. */
  | 'trickle';

export type Route =
  'create' | 'get' | 'list' | 'cancel' | 'cancel-human-review' | 'download' | 'upload' | 'list-projects' | 'get-project' | 'any';

export interface FaultRule {
  route: Route;
  kind: FaultKind;
  /** 0..1, default 1 */
  probability?: number;
  /** max injections, default unlimited */
  times?: number;
  retryAfterSeconds?: number;
  /** 'slow': how long the answer is held (default 30 s); 'trickle': the pause between bytes (default 1 s). */
  delayMs?: number;
  /** slow-upload: the rate the body is read at */
  bytesPerSecond?: number;
  orderId?: string;
  language?: string;
}

/**
 * An order someone else makes (another run of the same account) at a chosen moment: once the
 * `count`-th request on `route` has been handled (its answer does not show the order yet), and
 * `delayMs` after that.
 */
export interface ScheduledOrder {
  after: { route: Exclude<Route, 'any'>; count?: number };
  delayMs?: number;
  order: AddOrderInput;
}

export interface SimulatorOptions {
  /** default 'sim-key-0123456789' */
  apiKey?: string;
  /** default ['proj-demo']; unknown projectId -> 404 PROJECT_NOT_FOUND */
  projects?: string[];
  lifecycle?: Partial<Lifecycle>;
  /** per target language overrides */
  languages?: Record<string, LanguageBehaviour>;
  /** default 'request' */
  createResponseOrder?: 'request' | 'reversed' | 'shuffled';
  /** aiDubbing and subtitle create an extra child order (default false) */
  childOrders?: boolean;
  faults?: FaultRule[];
  /** deterministic randomness for ids, faults, shuffle */
  seed?: number;
  /** cues per SRT/VTT (default 12) */
  subtitleCues?: number;
  /** extension: orders made by someone else at a chosen moment (see ScheduledOrder) */
  scheduledOrders?: ScheduledOrder[];
  /** extension: how statuses are spelled in answers, e.g. { cancelled: 'canceled' } (state and filters keep the canonical word) */
  statusSpelling?: Record<string, string>;
  /** extension: Create Order answers no item for these languages; with `made`, it makes their orders all the same */
  createSkips?: { languages: string[]; made?: boolean };
  /**
   * extension: the exact SRT / VTT bodies served for a target language (broken, unreadable or
   * clean files for the quality check); a string is sent as UTF-8, bytes as they are. A format
   * left out keeps the generated file.
   */
  subtitleBodies?: Record<string, SubtitleBodies>;
  /** extension: orders are stamped on whole seconds, as Ollang's examples show (Create Order, and addOrder without a createdAt) */
  wholeSecondStamps?: boolean;
  /**
   * extension: List Orders puts rows with the same sort key (the same `createdAt`) in no set order,
   * and in another order on every request, as plain SQL `ORDER BY createdAt LIMIT … OFFSET …` may
   */
  unstableTieOrder?: boolean;
  /** extension: `createdAt` is written without a time zone (`2026-11-22T10:00:00.000`), in List Orders and Get Order */
  stampsWithoutZone?: boolean;
  /** mutate Get Order JSON before sending (hostile-response tests) */
  decorateOrder?: (order: Record<string, unknown>) => Record<string, unknown>;
  /** default 127.0.0.1 */
  host?: string;
  /** default 0 (any free port) */
  port?: number;
  /** signed download URL lifetime (default 10 min) */
  urlTtlMs?: number;
  /** extension: chunked (no Content-Length) create bodies get a 500 in the generic envelope (default true) */
  rejectChunkedCreate?: boolean;
  /** extension: the clock the lifecycle is computed from (default Date.now) */
  now?: () => number;
  /** upload: largest file part accepted before 413 (default 30 GB); 413 at once from a Content-Length too large for it */
  uploadLimitBytes?: number;
  /** upload: names longer than this many characters are cut (a platform that shortens names); default: kept whole */
  projectNameMaxChars?: number;
  /** projects: how List Projects / Get Project spell a project's stored source language (default as sent; e.g. 'en-US', 'English') */
  projectSourceLanguageSpelling?: (sent: string) => string;
  /** upload: 'append' stores the name with the file's extension appended (default), 'keep' as sent */
  projectNameExtension?: 'append' | 'keep';
  /** upload: the folderId given to uploaded projects (default 'folder_api_uploads') */
  uploadFolderId?: string;
}

/** A project made by an upload (OllangSimulator.uploadedProjects()). */
export interface SimProject {
  id: string;
  /** As stored (with the extension appended unless projectNameExtension is 'keep'). */
  name: string;
  sourceLanguage: string;
  createdAt: string;
  folderId: string;
  /** The file part's filename, as sent. */
  fileName: string;
  contentType?: string;
  size: number;
  /** Hex SHA-256 of the file part's bytes. */
  sha256: string;
  notes?: string;
  /** Part names in the order they came. */
  fields: string[];
}

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  route: Route | 'health' | 'source-download' | 'unknown';
  status: number;
  at: number;
  apiKeyOk: boolean;
  fault?: FaultKind;
  /** extension: whether the request carried a Content-Length header */
  hasContentLength: boolean;
  /** upload: body bytes received */
  bytes?: number;
}

export interface SimOrder {
  id: string;
  projectId: string;
  type: string;
  level: number;
  targetLanguage: string;
  sourceLanguage: string;
  isRush: boolean;
  name: string;
  createdAt: string;
  /** current status computed from time */
  status: string;
  cancelledBy?: 'cancel' | 'human-review';
  /** extension: owner; orders of another client answer 403 ACCESS_DENIED */
  clientId?: string;
  /** extension: set on child orders (childOrders option) */
  parentOrderId?: string;
}

export type AddOrderInput = Partial<SimOrder> & { targetLanguage: string; projectId?: string };
