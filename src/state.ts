/**
 * What main leaves for the post step. The runner hands values saved with saveState to the
 * post step as STATE_* variables, even after a cancellation or a kill (the post step runs with
 * `post-if: always()`), so every value is saved the moment it becomes true, never in a finally
 * block that a SIGKILL would skip.
 */
import type { ActionIO } from './io.ts';

const CREATED = 'created-orders';
const SETTLED = 'settled-orders';
const FINISHED = 'main-finished';
const CREATE_IN_FLIGHT = 'create-in-flight';
const IS_POST = 'is-post';
const DOWNLOAD_TEMP = 'download-temp';

export interface SavedState {
  /** IDs of orders this run created (and paid for), in creation order. */
  created: string[];
  /** IDs main already saw finished or cancelled: nothing left for the post step to do. */
  settled: string[];
  /** Main finished on its own (any status): the post step does nothing. */
  mainFinished: boolean;
  /** A Create Order call was sent and its answer never read (main was killed): what it may have made. */
  createInFlight?: CreateInFlight;
  /** Where downloads put temporary files (download/temp-files.ts): what a killed main may have left. */
  downloadTemp?: string;
}

/** A sent Create Order call: enough for the post step to find its orders with List Orders. */
export interface CreateInFlight {
  /** ISO time just before the call. */
  since: string;
  projectId: string;
  orderType: string;
  /** Absent in state saved by older versions: then any level matches. */
  level?: number;
  languages: string[];
}

/** Records state as it changes. Keeps its own copy, since saveState only appends. */
export class StateRecorder {
  readonly #io: Pick<ActionIO, 'saveState'>;
  readonly #created = new Set<string>();
  readonly #settled = new Set<string>();

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
  recordCreateSent(call: CreateInFlight): void {
    this.#io.saveState(CREATE_IN_FLIGHT, JSON.stringify(call));
  }

  /** The call was answered (IDs saved) or its orders were looked for: nothing left in flight. */
  recordCreateSettled(): void {
    this.#io.saveState(CREATE_IN_FLIGHT, '');
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
}

export function markMainStarted(io: Pick<ActionIO, 'saveState'>): void {
  io.saveState(IS_POST, 'true');
}

export function isPostStep(io: Pick<ActionIO, 'getState'>): boolean {
  return io.getState(IS_POST) === 'true';
}

/** Reads what main saved. Malformed values read as empty: the post step must never throw. */
export function readSavedState(io: Pick<ActionIO, 'getState'>): SavedState {
  const createInFlight = parseCreateInFlight(io.getState(CREATE_IN_FLIGHT));
  return {
    created: parseIdList(io.getState(CREATED)),
    settled: parseIdList(io.getState(SETTLED)),
    mainFinished: io.getState(FINISHED) === 'true',
    ...(createInFlight ? { createInFlight } : {}),
    ...(isJsonObject(io.getState(DOWNLOAD_TEMP)) ? { downloadTemp: io.getState(DOWNLOAD_TEMP) } : {}),
  };
}

function parseCreateInFlight(text: string): CreateInFlight | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<CreateInFlight> | null;
    if (!value || typeof value.since !== 'string' || Number.isNaN(Date.parse(value.since))) return undefined;
    if (typeof value.projectId !== 'string' || !value.projectId || typeof value.orderType !== 'string' || !value.orderType)
      return undefined;
    const languages = Array.isArray(value.languages)
      ? value.languages.filter((l): l is string => typeof l === 'string' && l.length > 0)
      : [];
    if (languages.length === 0) return undefined;
    const level = typeof value.level === 'number' && Number.isFinite(value.level) ? value.level : undefined;
    return {
      since: value.since,
      projectId: value.projectId,
      orderType: value.orderType,
      ...(level !== undefined ? { level } : {}),
      languages,
    };
  } catch {
    return undefined;
  }
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
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string' && id.length > 0) : [];
  } catch {
    return [];
  }
}
