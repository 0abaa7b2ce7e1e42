/**
 * What main leaves for the post step. The runner hands values saved with saveState to the
 * post step as STATE_* variables, even after a cancellation or a kill (the post step runs with
 * `post-if: always()`), so every value is saved the moment it becomes true, never in a finally
 * block that a SIGKILL would skip.
 */
import type { ActionIO } from './io.ts';
import type { LostCreate, ProjectSnapshot } from './orders/lost-create.ts';

const CREATED = 'created-orders';
const SETTLED = 'settled-orders';
const FINISHED = 'main-finished';
const CREATES_IN_FLIGHT = 'creates-in-flight';
const IS_POST = 'is-post';
const DOWNLOAD_TEMP = 'download-temp';

export interface SavedState {
  /** IDs of orders this run created (and paid for), in creation order. */
  created: string[];
  /** IDs main already saw finished or cancelled: nothing left for the post step to do. */
  settled: string[];
  /** Main finished on its own (any status): the post step does nothing but look for lost creates. */
  mainFinished: boolean;
  /** Create Order calls whose orders main has not accounted for (it was killed, or gave up), one per project. */
  createsInFlight: LostCreate[];
  /** Where downloads put temporary files (download/temp-files.ts): what a killed main may have left. */
  downloadTemp?: string;
}

/** Records state as it changes. Keeps its own copy, since saveState only appends. */
export class StateRecorder {
  readonly #io: Pick<ActionIO, 'saveState'>;
  readonly #created = new Set<string>();
  readonly #settled = new Set<string>();
  readonly #inFlight = new Map<string, LostCreate>();

  constructor(io: Pick<ActionIO, 'saveState'>) {
    this.#io = io;
  }

  /** Called the moment Create Order answers (or the moment a lost create's orders are found). */
  recordCreated(orderIds: Iterable<string>): void {
    const before = this.#created.size;
    for (const id of orderIds) this.#created.add(id);
    if (this.#created.size !== before) this.#io.saveState(CREATED, JSON.stringify([...this.#created]));
  }

  /** An order that finished or was cancelled: the post step must not touch it. */
  recordSettled(orderIds: Iterable<string>): void {
    const before = this.#settled.size;
    for (const id of orderIds) if (this.#created.has(id)) this.#settled.add(id);
    if (this.#settled.size !== before) this.#io.saveState(SETTLED, JSON.stringify([...this.#settled]));
  }

  /** Saved before Create Order is sent: if main dies before the answer, the post step looks for its orders. */
  recordCreateSent(call: LostCreate): void {
    this.#inFlight.set(call.projectId, call);
    this.#saveInFlight();
  }

  /** The project's call was answered (IDs saved) or its orders were all found: nothing left in flight. */
  recordCreateSettled(projectId: string): void {
    if (this.#inFlight.delete(projectId)) this.#saveInFlight();
  }

  /** Saved before a download's temporary file is first created in a folder (download/temp-files.ts). */
  recordDownloadTemp(value: string): void {
    this.#io.saveState(DOWNLOAD_TEMP, value);
  }

  recordMainFinished(): void {
    this.#io.saveState(FINISHED, 'true');
  }

  get created(): readonly string[] {
    return [...this.#created];
  }

  #saveInFlight(): void {
    this.#io.saveState(CREATES_IN_FLIGHT, this.#inFlight.size === 0 ? '' : JSON.stringify([...this.#inFlight.values()]));
  }
}

export function markMainStarted(io: Pick<ActionIO, 'saveState'>): void {
  io.saveState(IS_POST, 'true');
}

export function isPostStep(io: Pick<ActionIO, 'getState'>): boolean {
  return io.getState(IS_POST) === 'true';
}

/** Reads what main saved. Malformed values read as empty: the post step must never throw. */
export function readSavedState(io: Pick<ActionIO, 'getState'>): SavedState {
  return {
    created: parseIdList(io.getState(CREATED)),
    settled: parseIdList(io.getState(SETTLED)),
    mainFinished: io.getState(FINISHED) === 'true',
    createsInFlight: parseCreatesInFlight(io.getState(CREATES_IN_FLIGHT)),
    ...(isJsonObject(io.getState(DOWNLOAD_TEMP)) ? { downloadTemp: io.getState(DOWNLOAD_TEMP) } : {}),
  };
}

function parseCreatesInFlight(text: string): LostCreate[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map(parseLostCreate).filter((call): call is LostCreate => call !== undefined) : [];
  } catch {
    return [];
  }
}

function parseLostCreate(value: unknown): LostCreate | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const call = value as Partial<Record<keyof LostCreate, unknown>>;
  if (typeof call.projectId !== 'string' || !call.projectId || typeof call.orderType !== 'string' || !call.orderType) return undefined;
  if (typeof call.level !== 'number' || !Number.isFinite(call.level)) return undefined;
  if (typeof call.sentAt !== 'string' || Number.isNaN(Date.parse(call.sentAt))) return undefined;
  const languages = strings(call.languages);
  const before = parseSnapshot(call.before);
  if (languages.length === 0 || !before) return undefined;
  const until = typeof call.until === 'string' && !Number.isNaN(Date.parse(call.until)) ? { until: call.until } : {};
  return { projectId: call.projectId, orderType: call.orderType, level: call.level, languages, sentAt: call.sentAt, before, ...until };
}

function parseSnapshot(value: unknown): ProjectSnapshot | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const snapshot = value as Partial<Record<keyof ProjectSnapshot, unknown>>;
  const newest = snapshot.newestCreatedAt;
  if (newest !== undefined && (typeof newest !== 'string' || Number.isNaN(Date.parse(newest)))) return undefined;
  if (!Array.isArray(snapshot.orderIds)) return undefined;
  return { ...(newest !== undefined ? { newestCreatedAt: newest } : {}), orderIds: strings(snapshot.orderIds) };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.length > 0) : [];
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

function parseIdList(text: string): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return strings(value);
  } catch {
    return [];
  }
}
