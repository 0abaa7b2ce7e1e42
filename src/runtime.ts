/**
 * Side effects the logic receives as parameters instead of importing them,
 * so tests drive time, HTTP and logging without module mocks
 * (the pattern of actions/create-github-app-token and aws-actions/configure-aws-credentials).
 */
export type { Transport } from './http/transport.ts';

/** Milliseconds since the epoch. */
export type Clock = () => number;

/** Resolves after `ms`, or rejects with the signal's reason as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Calls `fire` once after `ms`, unless the returned function cancels it first (time-outs and
 * deadlines; tests pass one driven by their fake clock).
 */
export type SetTimer = (ms: number, fire: () => void) => () => void;

/**
 * Where an annotation points, in @actions/core's names: with `file` (workspace-relative) and
 * `startLine`, GitHub shows it on that line of the file in a pull request's "Files changed".
 */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** The subset of @actions/core the logic uses: tests pass a recorder. */
export interface Log {
  debug(message: string): void;
  info(message: string): void;
  notice(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export const realClock: Clock = () => Date.now();

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** setTimeout counts in a signed 32-bit integer: longer waits are made of several. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export const realSetTimer: SetTimer = (ms, fire) => {
  let timer: NodeJS.Timeout;
  const arm = (left: number): void => {
    timer = setTimeout(() => (left > MAX_TIMEOUT_MS ? arm(left - MAX_TIMEOUT_MS) : fire()), Math.min(Math.max(0, left), MAX_TIMEOUT_MS));
  };
  arm(ms);
  return () => clearTimeout(timer);
};
