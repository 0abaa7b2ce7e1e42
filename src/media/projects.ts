/**
 * One Ollang project per media content: find the project made from the same bytes (List
 * Projects' search on the content key, project-name.ts's matching rule), upload only when there
 * is none (docs/ollang-uploads.md).
 *
 * An upload is not idempotent: one that lost its answer (no response, a time-out, a 5xx, a
 * connection reset after the body went out) may have made a project. It is looked up first, more
 * than once (the platform may save it late), and tried again only when none of the look-ups found
 * it; a look-up that fails stops that file rather than risk a second project. After an upload
 * that did answer, one more search picks the oldest project of that content, so runs that
 * uploaded the same file at the same time all follow the same project. Files with the same
 * content share one project. `dry-run` and `mode: collect` never upload.
 *
 * Side effects (search, upload, clock, sleep, log, the progress timer) are injected.
 */
import { formatDuration } from '../duration.ts';
import { errorMessage } from '../error-message.ts';
import { forEachLimited } from '../for-each-limited.ts';
import { OllangError } from '../ollang/errors.ts';
import { isRetryable } from '../ollang/retry.ts';
import type { ProjectSummary } from '../ollang/schemas.ts';
import type { Clock, Log, Sleep } from '../runtime.ts';
import { formatBytes } from './formats.ts';
import { pickProject, projectName, projectSearchTerm } from './project-name.ts';

export interface MediaContent {
  /** Workspace-relative path. */
  media: string;
  absolutePath: string;
  size: number;
  /** content-key.ts */
  key: string;
}

export interface UploadRequest {
  media: string;
  absolutePath: string;
  size: number;
  /** The project's name (project-name.ts). */
  name: string;
  sourceLanguage: string;
  /** To be called with the file bytes sent so far. */
  onProgress: (bytesSent: number) => void;
  signal?: AbortSignal;
}

export interface ProjectsDeps {
  /** Every project whose name contains `term` (all pages: see searchAllProjects). */
  search: (term: string, signal?: AbortSignal) => Promise<ProjectSummary[]>;
  /** POST /integration/upload/direct; throws OllangError (with `ambiguous`) on failure. */
  upload: (request: UploadRequest) => Promise<{ projectId: string }>;
  clock: Clock;
  sleep: Sleep;
  log: Pick<Log, 'info' | 'warning' | 'debug'>;
  /** Calls `fn` every `ms` until the returned function is called (default: an unref'd setInterval). */
  every?: (ms: number, fn: () => void) => () => void;
}

export type ProjectsMode = 'upload' | 'dry-run' | 'find-only';

export interface ProjectsOptions {
  sourceLanguage: string;
  /** 'upload' (run, submit), 'dry-run' (say what would be uploaded), 'find-only' (mode: collect). */
  mode: ProjectsMode;
  /** Uploads at a time (default 2); searches run 4 at a time. */
  uploadConcurrency?: number;
  /**
   * Waits before each look-up after an upload that lost its answer (default 0, 2 s, 5 s, 15 s,
   * and for a file over 1 GB one more after 1 s per 100 MB, at most 5 minutes: the platform may
   * take a while to store a big file before its project is listed).
   */
  lookupDelaysMs?: readonly number[];
  /** Upload attempts per content in all (default 3). */
  maxUploads?: number;
  /** Progress line interval (default 30 s). */
  progressIntervalMs?: number;
  signal?: AbortSignal;
}

export interface MediaProject {
  media: string;
  /** Undefined when none was found and none was (or could be) made. */
  projectId?: string;
  /** Whether this run's upload made the project (also when its answer was lost and a look-up found it). */
  uploaded: boolean;
  /** 'found': an earlier project of this content; 'uploaded'; 'missing' (find-only); 'would-upload' (dry-run); 'failed'. */
  outcome: 'found' | 'uploaded' | 'missing' | 'would-upload' | 'failed';
  /** Why it failed (outcome 'failed'), naming the file. */
  error?: string;
}

export const DEFAULT_LOOKUP_DELAYS_MS: readonly number[] = [0, 2_000, 5_000, 15_000];

/** The look-ups after a lost upload of `size` bytes: the defaults, and a later one for big files. */
export function lookupDelaysFor(size: number): readonly number[] {
  if (size <= 1000 ** 3) return DEFAULT_LOOKUP_DELAYS_MS;
  return [...DEFAULT_LOOKUP_DELAYS_MS, Math.min(5 * 60_000, Math.ceil(size / 100_000_000) * 1000)];
}
const SEARCH_CONCURRENCY = 4;

/** The `projects` output's entries, in the order of `contents`. */
export async function findOrUploadProjects(
  contents: readonly MediaContent[],
  options: ProjectsOptions,
  deps: ProjectsDeps,
): Promise<MediaProject[]> {
  const { sourceLanguage, signal } = options;
  // One project per content: files with the same bytes share it.
  const groups = new Map<string, MediaContent[]>();
  for (const content of contents) {
    const group = groups.get(content.key);
    if (group === undefined) groups.set(content.key, [content]);
    else group.push(content);
  }
  const outcome = new Map<string, Omit<MediaProject, 'media'>>();

  // 1. Look for an existing project of each content.
  const keys = [...groups.keys()];
  await forEachLimited(keys, SEARCH_CONCURRENCY, async (key) => {
    signal?.throwIfAborted();
    const first = groups.get(key)![0]!;
    try {
      const found = pickProject(await deps.search(projectSearchTerm(key), signal), key, sourceLanguage);
      if (found !== undefined) {
        outcome.set(key, { projectId: found.id, uploaded: false, outcome: 'found' });
        deps.log.info(`${first.media}: found Ollang project ${found.id} made from the same content (${key.slice(0, 19)}…)`);
      }
    } catch (error) {
      if (signal?.aborted) throw error;
      if (isUnauthorized(error)) throw error;
      outcome.set(key, {
        uploaded: false,
        outcome: 'failed',
        error: `${first.media}: could not look for its Ollang project: ${errorMessage(error)}`,
      });
    }
  });

  // 2. Upload the contents nobody has uploaded yet.
  const missing = keys.filter((key) => !outcome.has(key));
  if (options.mode !== 'upload') {
    for (const key of missing) {
      const media = groups.get(key)![0]!.media;
      if (options.mode === 'dry-run') {
        deps.log.info(`${media}: no Ollang project of this content yet: would upload it (dry run, nothing sent)`);
        outcome.set(key, { uploaded: false, outcome: 'would-upload' });
      } else {
        outcome.set(key, {
          uploaded: false,
          outcome: 'missing',
          error: `${media}: no Ollang project was made from this file's content (mode: collect never uploads)`,
        });
      }
    }
  } else {
    await forEachLimited(missing, Math.max(1, options.uploadConcurrency ?? 2), async (key) => {
      signal?.throwIfAborted();
      const group = groups.get(key)!;
      try {
        outcome.set(key, await uploadContent(group, key, options, deps));
      } catch (error) {
        if (signal?.aborted || isUnauthorized(error)) throw error;
        outcome.set(key, { uploaded: false, outcome: 'failed', error: errorMessage(error) });
      }
    });
  }

  return contents.map((content) => {
    const result = outcome.get(content.key)!;
    return { media: content.media, ...result };
  });
}

/** Uploads one content (named after its first file); see the module comment for the retry rules. */
async function uploadContent(
  group: readonly MediaContent[],
  key: string,
  options: ProjectsOptions,
  deps: ProjectsDeps,
): Promise<Omit<MediaProject, 'media'>> {
  const { sourceLanguage, signal } = options;
  const file = group[0]!;
  const name = projectName(file.media, sourceLanguage, key);
  const maxUploads = Math.max(1, options.maxUploads ?? 3);
  const lookupDelays = options.lookupDelaysMs ?? lookupDelaysFor(file.size);
  const others =
    group.length > 1
      ? ` (also for ${group
          .slice(1)
          .map((g) => g.media)
          .join(', ')}: same content)`
      : '';

  for (let attempt = 1; ; attempt++) {
    deps.log.info(
      `${file.media}: uploading ${formatBytes(file.size)} to Ollang as project "${name}"${others}${attempt > 1 ? ` (attempt ${attempt})` : ''}`,
    );
    const progress = uploadProgress(file, deps, options.progressIntervalMs ?? 30_000);
    let projectId: string;
    try {
      ({ projectId } = await deps.upload({
        media: file.media,
        absolutePath: file.absolutePath,
        size: file.size,
        name,
        sourceLanguage,
        onProgress: progress.update,
        ...(signal ? { signal } : {}),
      }));
    } catch (error) {
      progress.stop();
      if (signal?.aborted || isUnauthorized(error)) throw error;
      const kind = classify(error);
      if (kind === 'final') throw new Error(`${file.media}: upload failed: ${errorMessage(error)}`, { cause: error });
      if (kind === 'not-processed') {
        if (attempt >= maxUploads)
          throw new Error(`${file.media}: upload failed ${attempt} times: ${errorMessage(error)}`, { cause: error });
        const retryAfter = error instanceof OllangError ? (error.retryAfterMs ?? 0) : 0;
        await deps.sleep(Math.max(retryAfter, 1000 * 2 ** (attempt - 1)), signal);
        continue;
      }
      // The upload may have made a project: look before trying again.
      deps.log.warning(
        `${file.media}: the upload's answer was lost (${errorMessage(error)}); looking for the project it may have made before trying again`,
      );
      for (const delay of lookupDelays) {
        if (delay > 0) await deps.sleep(delay, signal);
        let found: ProjectSummary | undefined;
        try {
          found = pickProject(await deps.search(projectSearchTerm(key), signal), key, sourceLanguage);
        } catch (lookupError) {
          if (signal?.aborted) throw lookupError;
          throw new Error(
            `${file.media}: the upload's answer was lost and the look-up for the project it may have made failed (${errorMessage(lookupError)}): not uploading again, so as not to make a second project`,
            { cause: lookupError },
          );
        }
        if (found !== undefined) {
          deps.log.info(`${file.media}: the lost upload made Ollang project ${found.id}`);
          return { projectId: found.id, uploaded: true, outcome: 'uploaded' };
        }
      }
      if (attempt >= maxUploads) {
        throw new Error(`${file.media}: upload failed ${attempt} times, and no project of it was found: ${errorMessage(error)}`, {
          cause: error,
        });
      }
      deps.log.warning(`${file.media}: no project was made by the lost upload; uploading again`);
      continue;
    }
    progress.done(projectId);
    // Another run may have uploaded the same content at the same time: the oldest project wins.
    try {
      const oldest = pickProject(await deps.search(projectSearchTerm(key), signal), key, sourceLanguage);
      if (oldest !== undefined && oldest.id !== projectId) {
        deps.log.info(`${file.media}: project ${oldest.id} of the same content is older than this run's ${projectId}: following it`);
        return { projectId: oldest.id, uploaded: false, outcome: 'found' };
      }
    } catch (error) {
      if (signal?.aborted) throw error;
      deps.log.debug(`${file.media}: could not check for an older project of the same content: ${errorMessage(error)}`);
    }
    return { projectId, uploaded: true, outcome: 'uploaded' };
  }
}

/**
 * 'ambiguous': the upload may have made a project (no answer after the body went out, a time-out,
 * a 5xx, a 2xx we could not read); 'not-processed': it cannot have (429, a connection refused
 * before sending); 'final': a definite refusal (400, 401, 413, ...) or a local failure.
 */
function classify(error: unknown): 'ambiguous' | 'not-processed' | 'final' {
  if (!(error instanceof OllangError)) return 'final';
  if (error.ambiguous) return 'ambiguous';
  return isRetryable(error) ? 'not-processed' : 'final';
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof OllangError && error.status === 401;
}

/** Progress lines for one upload: bytes, percent, rate; at least every `intervalMs` while it runs. */
function uploadProgress(
  file: MediaContent,
  deps: ProjectsDeps,
  intervalMs: number,
): { update: (sent: number) => void; stop: () => void; done: (projectId: string) => void } {
  const started = deps.clock();
  let sent = 0;
  let lastLine = started;
  const line = (): void => {
    const now = deps.clock();
    lastLine = now;
    const seconds = Math.max(0.001, (now - started) / 1000);
    const percent = file.size > 0 ? Math.floor((sent / file.size) * 100) : 100;
    deps.log.info(
      `${file.media}: ${formatBytes(sent)} of ${formatBytes(file.size)} sent (${percent}%), ${formatBytes(Math.round(sent / seconds))}/s`,
    );
  };
  const every = deps.every ?? realEvery;
  const stopTimer = every(intervalMs, () => {
    if (deps.clock() - lastLine >= intervalMs) line();
  });
  return {
    update: (bytes) => {
      sent = bytes;
      if (deps.clock() - lastLine >= intervalMs) line();
    },
    stop: stopTimer,
    done: (projectId) => {
      stopTimer();
      const seconds = Math.max(0.001, (deps.clock() - started) / 1000);
      deps.log.info(
        `${file.media}: uploaded in ${formatDuration(deps.clock() - started)} (${formatBytes(Math.round(file.size / seconds))}/s): Ollang project ${projectId}`,
      );
    },
  };
}

const realEvery = (ms: number, fn: () => void): (() => void) => {
  const timer = setInterval(fn, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/**
 * `search` for ProjectsDeps over OllangClient.listProjects: every page of results for `term`
 * (50 a page), up to `maxPages` (a guard against a server that always says "more").
 */
export function searchAllProjects(
  client: {
    listProjects(query: {
      search: string;
      page: number;
      take: number;
    }): Promise<{ projects: ProjectSummary[]; meta: { hasNextPage: boolean } }>;
  },
  maxPages = 20,
): (term: string) => Promise<ProjectSummary[]> {
  return async (term) => {
    const all: ProjectSummary[] = [];
    for (let page = 1; page <= maxPages; page++) {
      const result = await client.listProjects({ search: term, page, take: 50 });
      all.push(...result.projects);
      if (!result.meta.hasNextPage || result.projects.length === 0) break;
    }
    return all;
  };
}
