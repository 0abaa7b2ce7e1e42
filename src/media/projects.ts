/**
 * One Ollang project per media content: find the project made from the same bytes (List
 * Projects' search, project-name.ts's matching rule), upload only when there is none
 * (docs/ollang-uploads.md).
 *
 * Looking: with the repository known, one search for every project of the repository (their
 * names share `[<language>] <owner>/<name>:`) settles most files of a re-run at once, a page of
 * 50 at a time, when it is read to the end; each content it did not settle is then searched by
 * its key, which also finds a project made from another repository or path. A listing cut short
 * settles nothing: the project with the content's orders may be on a page it did not read.
 *
 * An upload is not idempotent: one that lost its answer (no response, a time-out, a 5xx, a
 * connection reset after the body went out) may have made a project. It is looked up, more than
 * once (the platform may save it late), and never sent again in the same run: a project saved
 * after the last look-up would otherwise make two projects of one content. The file then fails
 * ("may have been uploaded; a re-run finds it"), and the next run finds the project. A look-up
 * that fails stops that file the same way. After an upload that did answer, a search that lists
 * the new project picks the one to follow (pickProject), so runs that uploaded the same file at
 * the same time all follow the same one; a search that fails or does not list it yet is made
 * again, and when none does, the file fails without orders (settleUpload). Files with the same content share one project; every other project of the
 * same content is returned too, so that orders placed on any of them are reused. `dry-run` and
 * `mode: collect` never upload.
 *
 * Log lines start with the action's own words, never with a file's path (a name that begins
 * with `::` must not read as a workflow command).
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
import { collectionSearchTerm, matchingProjects, projectName, projectSearchTerm } from './project-name.ts';

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

export interface SearchOptions {
  signal?: AbortSignal;
  /** Pages of 50 to read at most (default: searchAllProjects's guard). */
  maxPages?: number;
  /** Stop after the first page (`cut`) when it says there are more pages than `maxPages`: the rest could not complete it. */
  giveUpEarly?: boolean;
}

/** A search's projects; `cut` when there were more pages than it read. */
export type SearchResult = ProjectSummary[] & { cut?: boolean };

export interface ProjectsDeps {
  /** Projects whose name contains `term`, page after page (see searchAllProjects). */
  search: (term: string, options?: SearchOptions) => Promise<SearchResult>;
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
  /** 'upload' (run, submit), 'dry-run' (say what would be uploaded), 'find-only' (mode: collect, mode: cancel). */
  mode: ProjectsMode;
  /** `owner/name` (GITHUB_REPOSITORY): in the project's name, and the one search that finds a re-run's projects. */
  repository?: string;
  /** Uploads at a time (default 2); searches run 4 at a time. */
  uploadConcurrency?: number;
  /**
   * Waits before each look-up after an upload that lost its answer (default 0, 2 s, 5 s, 15 s,
   * and for a file over 1 GB one more after 1 s per 100 MB, at most 5 minutes: the platform may
   * take a while to store a big file before its project is listed).
   */
  lookupDelaysMs?: readonly number[];
  /** Upload attempts per content in all, for failures that cannot have made a project (429, a refused connection; default 3). */
  maxUploads?: number;
  /** Progress line interval (default 30 s). */
  progressIntervalMs?: number;
  signal?: AbortSignal;
  /**
   * Called once per content as soon as it is settled (found, uploaded, failed, …), with the
   * media files of that content: orders can be chosen for it while other files still upload.
   */
  onProject?: (project: Omit<MediaProject, 'media'>, media: readonly string[], contentProjects: () => Promise<string[]>) => void;
}

export interface MediaProject {
  media: string;
  /** Undefined when none was found and none was (or could be) made. */
  projectId?: string;
  /** Whether this run's upload made the project (also when its answer was lost and a look-up found it). */
  uploaded: boolean;
  /** 'found': an earlier project of this content; 'uploaded'; 'missing' (find-only); 'would-upload' (dry-run); 'failed'. */
  outcome: 'found' | 'uploaded' | 'missing' | 'would-upload' | 'failed';
  /** The other projects made from the same content (a late save, runs at the same moment): their orders count too. */
  otherProjectIds?: string[];
  /** This run's upload just made the project and a search listed no other of its content: there is nothing to reuse. */
  withoutOrders?: boolean;
  /** Why it failed or is missing, in a sentence naming the file. */
  error?: string;
}

export const DEFAULT_LOOKUP_DELAYS_MS: readonly number[] = [0, 2_000, 5_000, 15_000];

/** The look-ups after a lost upload of `size` bytes: the defaults, and a later one for big files. */
export function lookupDelaysFor(size: number): readonly number[] {
  if (size <= 1000 ** 3) return DEFAULT_LOOKUP_DELAYS_MS;
  return [...DEFAULT_LOOKUP_DELAYS_MS, Math.min(5 * 60_000, Math.ceil(size / 100_000_000) * 1000)];
}
const SEARCH_CONCURRENCY = 4;
/**
 * The repository-wide listing is read only for this many contents or more, and only while it
 * costs fewer requests than a search per content (at most one page fewer than there are
 * contents): its first page says how many pages it has, and a listing that cannot be read to the
 * end within that is left after that page.
 */
const COLLECTION_MIN_CONTENTS = 3;

type Outcome = Omit<MediaProject, 'media'>;

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
  const settled = new Map<string, Outcome>();
  const outcome = {
    has: (key: string): boolean => settled.has(key),
    get: (key: string): Outcome | undefined => settled.get(key),
    set: (key: string, value: Outcome): void => {
      if (settled.has(key)) return;
      settled.set(key, value);
      options.onProject?.(
        value,
        groups.get(key)!.map((c) => c.media),
        // A fresh search by key: every project of this content, for the "earlier order wins" step.
        async () =>
          matchingProjects(await deps.search(projectSearchTerm(key), signal ? { signal } : {}), key, sourceLanguage).map((p) => p.id),
      );
    },
  };
  const keys = [...groups.keys()];
  const found = (key: string, matches: ProjectSummary[]): void => {
    const [chosen, ...others] = matches;
    outcome.set(key, { projectId: chosen!.id, uploaded: false, outcome: 'found', ...otherIds(others) });
    deps.log.info(
      `Found Ollang project ${chosen!.id} for ${groups.get(key)![0]!.media}: made from the same content (${key.slice(0, 16)}…)`,
    );
  };

  // 1. Every project of the repository at once (a re-run's files are all there), when it can pay off.
  if (options.repository && keys.length >= COLLECTION_MIN_CONTENTS) {
    try {
      const listed = await deps.search(collectionSearchTerm(sourceLanguage, options.repository), {
        ...(signal ? { signal } : {}),
        maxPages: Math.min(keys.length - 1, SEARCH_MAX_PAGES),
        giveUpEarly: true,
      });
      if (listed.cut === true) deps.log.debug("The repository's projects are more than the pages read: searching for each file instead.");
      else
        for (const key of keys) {
          const matches = matchingProjects(listed, key, sourceLanguage);
          if (matches.length > 0) found(key, matches);
        }
    } catch (error) {
      if (signal?.aborted || isUnauthorized(error)) throw error;
      deps.log.debug(`Listing the repository's projects failed (${errorMessage(error)}); searching for each file instead.`);
    }
  }

  // 2. Each content not found yet, by its key.
  await forEachLimited(
    keys.filter((key) => !outcome.has(key)),
    SEARCH_CONCURRENCY,
    async (key) => {
      signal?.throwIfAborted();
      const first = groups.get(key)![0]!;
      try {
        const matches = matchingProjects(await deps.search(projectSearchTerm(key), signal ? { signal } : {}), key, sourceLanguage);
        if (matches.length > 0) found(key, matches);
      } catch (error) {
        if (signal?.aborted || isUnauthorized(error)) throw error;
        outcome.set(key, {
          uploaded: false,
          outcome: 'failed',
          error: `Could not look for the Ollang project of ${first.media}: ${errorMessage(error)}`,
        });
      }
    },
  );

  // 3. Upload the contents nobody has uploaded yet.
  const missing = keys.filter((key) => !outcome.has(key));
  if (options.mode !== 'upload') {
    for (const key of missing) {
      const media = groups.get(key)![0]!.media;
      if (options.mode === 'dry-run') {
        deps.log.info(`Would upload ${media}: no Ollang project of this content yet (dry run, nothing sent)`);
        outcome.set(key, { uploaded: false, outcome: 'would-upload' });
      } else {
        outcome.set(key, {
          uploaded: false,
          outcome: 'missing',
          error: `No Ollang project was made from the content of ${media} (this mode never uploads)`,
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

/** The others of a content's projects. Never "without orders" on the strength of `ordersCount` (undocumented, may be stale). */
function otherIds(others: readonly ProjectSummary[]): { otherProjectIds?: string[] } {
  return others.length > 0 ? { otherProjectIds: others.map((p) => p.id) } : {};
}

/** Uploads one content (named after its first file); see the module comment for the retry rules. */
async function uploadContent(group: readonly MediaContent[], key: string, options: ProjectsOptions, deps: ProjectsDeps): Promise<Outcome> {
  const { sourceLanguage, signal } = options;
  const file = group[0]!;
  const name = projectName(file.media, sourceLanguage, key, options.repository);
  const maxUploads = Math.max(1, options.maxUploads ?? 3);
  const lookupDelays = options.lookupDelaysMs ?? lookupDelaysFor(file.size);
  const search = async (): Promise<ProjectSummary[]> =>
    matchingProjects(await deps.search(projectSearchTerm(key), signal ? { signal } : {}), key, sourceLanguage);
  const others =
    group.length > 1
      ? ` (also for ${group
          .slice(1)
          .map((g) => g.media)
          .join(', ')}: same content)`
      : '';

  for (let attempt = 1; ; attempt++) {
    deps.log.info(
      `Uploading ${file.media} (${formatBytes(file.size)}) to Ollang as project "${name}"${others}${attempt > 1 ? ` (attempt ${attempt})` : ''}`,
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
      if (kind === 'final') throw new Error(`Upload of ${file.media} failed: ${errorMessage(error)}`, { cause: error });
      if (kind === 'not-processed') {
        if (attempt >= maxUploads)
          throw new Error(`Upload of ${file.media} failed ${attempt} times: ${errorMessage(error)}`, { cause: error });
        const retryAfter = error instanceof OllangError ? (error.retryAfterMs ?? 0) : 0;
        await deps.sleep(Math.max(retryAfter, 1000 * 2 ** (attempt - 1)), signal);
        continue;
      }
      // The upload may have made a project: look for it; never send it again in this run.
      deps.log.warning(
        `The answer to the upload of ${file.media} was lost (${errorMessage(error)}); looking for the project it may have made`,
      );
      for (const delay of lookupDelays) {
        if (delay > 0) await deps.sleep(delay, signal);
        let matches: ProjectSummary[];
        try {
          matches = await search();
        } catch (lookupError) {
          if (signal?.aborted) throw lookupError;
          throw new Error(
            `The answer to the upload of ${file.media} was lost and the look-up for the project it may have made failed (${errorMessage(lookupError)}): it was not uploaded again, so as not to make a second project; a re-run finds the project if it was made`,
            { cause: lookupError },
          );
        }
        if (matches.length > 0) {
          deps.log.info(`Found Ollang project ${matches[0]!.id}, made by the upload of ${file.media} whose answer was lost`);
          return { projectId: matches[0]!.id, uploaded: true, outcome: 'uploaded', ...otherIds(matches.slice(1)) };
        }
      }
      throw new Error(
        `The answer to the upload of ${file.media} was lost (${errorMessage(error)}) and no project of it showed up in ${lookupDelays.length} look-ups: ` +
          'it may have been uploaded all the same, so it was not sent again (that could make a second project); a re-run finds the project if it was made, or uploads the file',
        { cause: error },
      );
    }
    progress.done(projectId);
    return await settleUpload(projectId, file, search, lookupDelays, deps, signal);
  }
}

/**
 * After an answered upload: the project to follow, from a search that lists this run's own new
 * project (a search that does not, fails or lags, may also miss another run's project of the same
 * content). Another run may have uploaded it at the same time: every run follows the same one
 * (pickProject). Looked for again like a lost upload's project; when no search lists it, the
 * file fails without orders (a re-run follows the project): ordering on a project that may have a
 * twin could buy every language twice.
 */
async function settleUpload(
  projectId: string,
  file: MediaContent,
  search: () => Promise<ProjectSummary[]>,
  lookupDelays: readonly number[],
  deps: ProjectsDeps,
  signal: AbortSignal | undefined,
): Promise<Outcome> {
  let problem = 'no search listed it';
  for (const delay of lookupDelays) {
    if (delay > 0) await deps.sleep(delay, signal);
    let matches: ProjectSummary[];
    try {
      matches = await search();
    } catch (error) {
      if (signal?.aborted || isUnauthorized(error)) throw error;
      problem = `the search for it failed (${errorMessage(error)})`;
      continue;
    }
    const own = matches.find((p) => p.id === projectId);
    if (own === undefined) continue;
    const chosen = matches[0]!;
    const others = matches.filter((p) => p.id !== chosen.id).map((p) => p.id);
    const otherIds = others.length > 0 ? { otherProjectIds: others } : {};
    if (chosen.id !== projectId) {
      deps.log.info(
        `Following Ollang project ${chosen.id} for ${file.media}: it was made from the same content before this run's ${projectId}`,
      );
      return { projectId: chosen.id, uploaded: false, outcome: 'found', ...otherIds };
    }
    // Only this run's fresh upload is known to have no orders yet.
    return { projectId, uploaded: true, outcome: 'uploaded', ...otherIds, ...(others.length === 0 ? { withoutOrders: true } : {}) };
  }
  return {
    uploaded: true,
    outcome: 'failed',
    error:
      `${file.media} was uploaded as Ollang project ${projectId}, but ${problem} in ${lookupDelays.length} look-ups: ` +
      'nothing was ordered for it, since another run may have made a project of the same content meanwhile (that could buy every language twice); a re-run finds the project and orders',
  };
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
      `Uploading ${file.media}: ${formatBytes(sent)} of ${formatBytes(file.size)} sent (${percent}%), ${formatBytes(Math.round(sent / seconds))}/s`,
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
        `Uploaded ${file.media} in ${formatDuration(deps.clock() - started)} (${formatBytes(Math.round(file.size / seconds))}/s): Ollang project ${projectId}`,
      );
    },
  };
}

const realEvery = (ms: number, fn: () => void): (() => void) => {
  const timer = setInterval(fn, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/** Pages searchAllProjects reads unless told otherwise (a guard against a server that always says "more"). */
export const SEARCH_MAX_PAGES = 20;

/**
 * `search` for ProjectsDeps over OllangClient.listProjects: the pages of results for `term`
 * (50 a page, oldest first), up to `maxPages`; `warn` says so when that cap cut the list short.
 */
export function searchAllProjects(
  client: {
    listProjects(query: {
      search: string;
      page: number;
      take: number;
      orderBy?: 'createdAt';
      orderDirection?: 'asc';
    }): Promise<{ projects: ProjectSummary[]; meta: { hasNextPage: boolean; pageCount?: number } }>;
  },
  options: { maxPages?: number; warn?: (message: string) => void } = {},
): (term: string, search?: SearchOptions) => Promise<SearchResult> {
  return async (term, search = {}) => {
    const maxPages = search.maxPages ?? options.maxPages ?? SEARCH_MAX_PAGES;
    const all: SearchResult = [];
    for (let page = 1; ; page++) {
      search.signal?.throwIfAborted();
      const result = await client.listProjects({ search: term, page, take: 50, orderBy: 'createdAt', orderDirection: 'asc' });
      all.push(...result.projects);
      if (!result.meta.hasNextPage || result.projects.length === 0) break;
      if (page >= maxPages || (search.giveUpEarly === true && (result.meta.pageCount ?? 0) > maxPages)) {
        all.cut = true;
        // The repository-wide search asks for a few pages on purpose; a search by key should never need this many.
        if (search.maxPages === undefined)
          options.warn?.(
            `Ollang listed more than ${maxPages * 50} projects named with "${term}": only the first ${maxPages * 50} were read.`,
          );
        break;
      }
    }
    return all;
  };
}
