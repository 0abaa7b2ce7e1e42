/**
 * When an attempt is stopped: after `idleMs` without a byte (no answer, or no next piece of the
 * body), or at the `timeout` deadline. At the deadline, an attempt whose announced length will
 * arrive within DEADLINE_GRACE_MS at the rate it has had so far is let finish: a paid, nearly
 * whole file is not thrown away for seconds, and the run then ends at most that long after
 * `timeout` (users set the job's `timeout-minutes` above it). A host that trickles never
 * qualifies. Time comes from the injected clock and timer.
 */
import type { Clock, SetTimer } from '../runtime.ts';

export const DEADLINE_GRACE_MS = 10_000;
const DEFAULT_IDLE_MS = 60_000;

export type StopReason = 'idle' | 'deadline';

export interface WatchdogOptions {
  clock: Clock;
  setTimer: SetTimer;
  /** Default 60 s. */
  idleMs?: number;
  /** Epoch ms on `clock`. */
  deadline?: number;
  onStop: (why: StopReason) => void;
}

export class Watchdog {
  readonly idleMs: number;
  readonly #options: WatchdogOptions;
  #lastDataAt: number;
  #received = 0;
  #bodyStartedAt: number | undefined;
  #length: number | undefined;
  #graceGiven = false;
  #cancelIdle: () => void = () => undefined;
  #cancelDeadline: () => void = () => undefined;

  constructor(options: WatchdogOptions) {
    this.#options = options;
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.#lastDataAt = options.clock();
    this.#armIdle(this.idleMs);
    if (options.deadline !== undefined) this.#armDeadline(options.deadline - options.clock());
  }

  /** The answer is in: the body starts now, `length` bytes long if known. */
  bodyStarted(length: number | undefined): void {
    this.#bodyStartedAt = this.#lastDataAt = this.#options.clock();
    this.#length = length;
  }

  received(bytes: number): void {
    this.#received += bytes;
    this.#lastDataAt = this.#options.clock();
  }

  stop(): void {
    this.#cancelIdle();
    this.#cancelDeadline();
  }

  #armIdle(ms: number): void {
    this.#cancelIdle = this.#options.setTimer(ms, () => {
      // One timer per quiet spell, not one per piece: a piece only moves #lastDataAt.
      const quiet = this.#options.clock() - this.#lastDataAt;
      if (quiet >= this.idleMs) this.#stop('idle');
      else this.#armIdle(this.idleMs - quiet);
    });
  }

  #armDeadline(ms: number): void {
    this.#cancelDeadline = this.#options.setTimer(ms, () => {
      const end = this.#options.deadline! + DEADLINE_GRACE_MS;
      if (!this.#graceGiven && this.#onCourse(end)) {
        this.#graceGiven = true;
        this.#armDeadline(end - this.#options.clock());
      } else this.#stop('deadline');
    });
  }

  /** Will the rest of the body arrive by `until` at the rate it has come so far? */
  #onCourse(until: number): boolean {
    const now = this.#options.clock();
    if (this.#length === undefined || this.#bodyStartedAt === undefined || this.#received === 0) return false;
    const rate = this.#received / Math.max(1, now - this.#bodyStartedAt);
    return (this.#length - this.#received) / rate <= until - now;
  }

  #stop(why: StopReason): void {
    this.stop();
    this.#options.onStop(why);
  }
}
