/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations of a step; the rest are in
 * the log only. The subtitle check writes its annotations last and fits them in the room the
 * step's other annotations (input warnings, download failures, time-outs) left: this counts them.
 */
import type { Log } from './runtime.ts';

/** Annotations GitHub shows per step and kind. */
export const ANNOTATIONS_PER_STEP = 10;

export interface AnnotationCount {
  error: number;
  warning: number;
  notice: number;
}

/** `log`, counting each annotation it writes in `written`. */
export function countAnnotations(log: Log): { log: Log; written: AnnotationCount } {
  const written: AnnotationCount = { error: 0, warning: 0, notice: 0 };
  return {
    written,
    log: {
      debug: (message) => log.debug(message),
      info: (message) => log.info(message),
      notice: (message, properties) => {
        written.notice++;
        log.notice(message, properties);
      },
      warning: (message, properties) => {
        written.warning++;
        log.warning(message, properties);
      },
      error: (message, properties) => {
        written.error++;
        log.error(message, properties);
      },
      group: (name, fn) => log.group(name, fn),
    },
  };
}
