/**
 * The wait loop: check the followed orders until each has finished or the deadline passes,
 * handing every finished order to `download` the moment its outputs are published, while the
 * others are still being checked.
 *
 * Status checks are batched: one page of List Orders shows up to 50 orders, so a release in
 * 200 languages costs 4 requests a cycle instead of 200 Get Orders. Get Order is used only where
 * it is cheaper (two or fewer orders left), for orders a page did not show, and to fetch a
 * finished order's outputs (List Orders items carry no documents or URLs).
 */
import type { OllangClient } from '../ollang/client.ts';
import { OllangError } from '../ollang/errors.ts';
import type { Order, OrderSummary } from '../ollang/schemas.ts';
import { approximately, formatDuration } from '../duration.ts';
import { explainStatusBriefly } from '../ollang/status.ts';
import { forEachLimited } from '../for-each-limited.ts';
import type { Clock, Log, Sleep } from '../runtime.ts';
import { errorMessage } from '../error-message.ts';
import {
  failDownload,
  isOpen,
  learn,
  recordCheckFailed,
  recordGone,
  recordSeen,
  recordStatus,
  startDownload,
  timeOut,
  type FollowedOrder,
} from '../orders/followed.ts';

export type OutputsReadiness = 'ready' | 'not-yet';

export interface WaitOptions {
  client: OllangClient;
  orders: FollowedOrder[];
  /** Epoch ms after which no more status checks are made. */
  deadline: number;
  pollIntervalMs: number;
  /** The interval grows while nothing changes, up to this (default: twice pollIntervalMs). */
  maxIntervalMs?: number;
  /** How long to keep looking for outputs after `completed` (Ollang's own client: about 2 minutes). */
  outputsGraceMs?: number;
  /** Use List Orders pages for status checks (default true); false = one Get Order per order. */
  batchStatusChecks?: boolean;
  downloadConcurrency?: number;
  /** Bytes an order's download will fetch, where known: big ones get their own lane, so they never hold up small ones. */
  downloadBytes?: (order: Order) => number | undefined;
  /** Whether a finished order's outputs are all published. */
  readiness: (order: Order) => OutputsReadiness;
  /**
   * Downloads a finished order's outputs and ends its download (followed.ts: finishDownload);
   * `order` was fetched just now, so its signed URLs are fresh.
   */
  download: (order: Order, followed: FollowedOrder) => Promise<void>;
  /** Called when an order finishes (well or badly): it no longer needs cancelling. */
  onSettled?: (followed: FollowedOrder) => void;
  /**
   * Orders read whole moments ago (choosing confirms a reused order with Get Order), by ID: the
   * first cycle takes their status and outputs from here instead of asking again.
   */
  fresh?: ReadonlyMap<string, Order>;
  clock: Clock;
  sleep: Sleep;
  signal?: AbortSignal;
  log: Log;
}

export interface WaitResult {
  cycles: number;
  timedOut: boolean;
  /** Clock ms spent from the first check to the last download. */
  waitedMs: number;
}

const PAGE_SIZE = 50;
/** Below this many unfinished orders, Get Order per order costs no more than a page of List Orders. */
const BATCH_THRESHOLD = 3;
/** Orders' createdAt and our clock may disagree a little. */
const CREATED_AT_SLACK_MS = 60_000;
/** Downloads larger than this run in their own lane (each lane holds downloadConcurrency at a time). */
const LARGE_DOWNLOAD_BYTES = 32 * 1024 * 1024;
/** Get Orders for finished orders' outputs, at once. */
const OUTPUT_CHECKS_AT_ONCE = 8;
/** A status check retries for at least this long (or one poll interval), never past the wait's deadline. */
const MIN_CHECK_RETRY_MS = 5_000;

export async function waitForOrders(options: WaitOptions): Promise<WaitResult> {
  const { clock, log, orders } = options;
  const basePollMs = options.pollIntervalMs;
  const maxIntervalMs = Math.max(basePollMs, options.maxIntervalMs ?? basePollMs * 2);
  const outputsGraceMs = options.outputsGraceMs ?? 120_000;
  const downloads = new DownloadPool(options.downloadConcurrency ?? 4);
  const largeDownloads = new DownloadPool(options.downloadConcurrency ?? 4);
  const startedAt = clock();
  let interval = basePollMs;
  let cycles = 0;
  let timedOut = false;

  try {
    for (;;) {
      options.signal?.throwIfAborted();
      cycles += 1;
      const cycleStartedAt = clock();
      // Orders fetched whole this cycle: a finished one needs no second Get Order for its outputs.
      const fetched = new Map<string, Order>(cycles === 1 ? (options.fresh ?? []) : []);
      const changed = await checkUnfinished(options, fetched);

      await forEachLimited(
        orders.filter((o) => o.state === 'awaiting-outputs'),
        OUTPUT_CHECKS_AT_ONCE,
        async (followed) => {
          const order = fetched.get(followed.orderId) ?? (await getOrderOrNote(options, followed));
          if (!order) return;
          const graceOver = clock() - (followed.completedSeenAt ?? clock()) >= outputsGraceMs;
          if (options.readiness(order) === 'ready' || graceOver) {
            startDownload(followed);
            const pool = (options.downloadBytes?.(order) ?? 0) > LARGE_DOWNLOAD_BYTES ? largeDownloads : downloads;
            pool.add(async () => {
              try {
                await options.download(order, followed);
              } catch (error) {
                // `download` records its own problems; one that throws still ends the order, loudly.
                failDownload(followed, error);
                log.warning(`Order ${followed.orderId} (${followed.language}): ${followed.problem ?? errorMessage(error)}`, {
                  title: `Download failed: ${followed.language}`,
                });
              }
            });
          }
        },
      );

      const left = orders.filter(isOpen);
      if (left.length === 0) break;

      const now = clock();
      if (now >= options.deadline) {
        timedOut = true;
        for (const followed of left) timeOut(followed);
        break;
      }

      interval = changed ? basePollMs : Math.min(Math.round(interval * 1.25), maxIntervalMs);
      // Outputs usually follow `completed` within seconds: look again at the base pace.
      const pace = left.some((o) => o.state === 'awaiting-outputs') ? Math.min(interval, basePollMs) : interval;
      // Checks keep their cadence: the time this cycle's requests took counts towards the pause.
      const pause = Math.max(0, Math.min(pace - (now - cycleStartedAt), options.deadline - now));
      log.info(progressLine(orders, pause, options.deadline - now));
      await options.sleep(pause, options.signal);
    }
  } finally {
    // Downloads already started run to their end (or to the abort signal) in every case.
    await Promise.all([downloads.drain(), largeDownloads.drain()]);
  }
  return { cycles, timedOut, waitedMs: clock() - startedAt };
}

/** One round of status checks for the unfinished orders. Returns whether any status changed. */
async function checkUnfinished(options: WaitOptions, fetched: Map<string, Order>): Promise<boolean> {
  const waiting = options.orders.filter((o) => o.state === 'waiting');
  if (waiting.length === 0) return false;
  const statuses = await fetchStatuses(options, waiting, fetched);
  let changed = false;
  for (const followed of waiting) {
    const status = statuses.get(followed.orderId);
    if (status === undefined) continue;
    const outcome = recordStatus(followed, status, options.clock());
    if (outcome !== 'unchanged') changed = true;
    if (outcome === 'finished-well' || outcome === 'finished-badly') options.onSettled?.(followed);
    if (outcome === 'finished-badly') {
      options.log.warning(`Order ${followed.orderId} (${followed.language}) ended ${status}.`, {
        title: `Ollang order ${status}: ${followed.language}`,
      });
    }
  }
  return changed;
}

/** Current status of each waiting order, by the cheapest route. Orders we could not check are absent. */
async function fetchStatuses(options: WaitOptions, waiting: FollowedOrder[], fetched: Map<string, Order>): Promise<Map<string, string>> {
  const statuses = new Map<string, string>();
  // Read whole moments ago (the first cycle's fresh orders): no need to ask again.
  for (const followed of waiting) {
    const known = fetched.get(followed.orderId);
    if (known) statuses.set(followed.orderId, known.status);
  }
  let unseen = waiting.filter((o) => !statuses.has(o.orderId));
  if ((options.batchStatusChecks ?? true) && unseen.length >= BATCH_THRESHOLD) {
    unseen = await listStatuses(options, unseen, statuses);
  }
  await forEachLimited(unseen, 8, async (followed) => {
    const order = await getOrderOrNote(options, followed);
    if (!order) return;
    statuses.set(followed.orderId, order.status);
    fetched.set(followed.orderId, order);
  });
  return statuses;
}

/**
 * Pages through List Orders, oldest first from the oldest waiting order's creation, until every
 * waiting order was seen or the page budget is spent. Returns the orders not seen.
 */
async function listStatuses(options: WaitOptions, waiting: FollowedOrder[], statuses: Map<string, string>): Promise<FollowedOrder[]> {
  const dated = waiting.filter((o) => o.createdAt && Number.isFinite(Date.parse(o.createdAt)));
  if (dated.length < BATCH_THRESHOLD) return waiting;
  const oldest = Math.min(...dated.map((o) => Date.parse(o.createdAt!)));
  // The pages show every order created since the oldest waiting one, finished ones included:
  // once fewer orders wait than those pages, asking each of them costs less.
  const inRange = options.orders.filter((o) => o.createdAt && Date.parse(o.createdAt) >= oldest).length;
  const pagesNeeded = Math.ceil(inRange / PAGE_SIZE);
  if (waiting.length <= pagesNeeded) return waiting;
  const wanted = new Map(waiting.map((o) => [o.orderId, o]));
  const projects = new Set(waiting.map((o) => o.projectId));
  const types = new Set(waiting.map((o) => o.type));
  const onlyProject = projects.size === 1 ? [...projects][0] : undefined;
  const onlyType = types.size === 1 ? [...types][0] : undefined;
  // A page or two more than our own orders need leaves room for other orders created meanwhile.
  const maxPages = pagesNeeded + 2;
  const query = {
    take: PAGE_SIZE,
    orderBy: 'createdAt' as const,
    orderDirection: 'asc' as const,
    filter: {
      createdAtFrom: new Date(oldest - CREATED_AT_SLACK_MS).toISOString(),
      ...(onlyProject ? { projectId: onlyProject } : {}),
      ...(onlyType ? { type: onlyType } : {}),
    },
  };
  const take = (summaries: readonly OrderSummary[]): void => {
    for (const summary of summaries) {
      const followed = wanted.get(summary.id);
      if (!followed) continue; // someone else's order: the filters are only hints
      wanted.delete(summary.id);
      statuses.set(summary.id, summary.status);
      learn(followed, summary);
    }
  };
  try {
    // The pages our own orders fill are asked for at once (one round trip, not one per page);
    // later pages, which other orders pushed along, one by one while some are still unseen.
    const first = await Promise.all(
      Array.from({ length: pagesNeeded }, (_, index) => options.client.listOrders({ ...query, page: index + 1 })),
    );
    for (const page of first) take(page.orders);
    let more = first.at(-1)?.meta.hasNextPage ?? false;
    for (let page = pagesNeeded + 1; more && wanted.size > 0 && page <= maxPages; page++) {
      const next = await options.client.listOrders({ ...query, page });
      take(next.orders);
      more = next.meta.hasNextPage && next.orders.length > 0;
    }
  } catch (error) {
    if (isFatal(error)) throw error;
    options.log.warning(`Listing orders failed (${errorMessage(error)}); checking each order instead.`);
  }
  return waiting.filter((o) => wanted.has(o.orderId));
}

/** Get Order for one followed order; a problem with one order never stops the others. */
async function getOrderOrNote(options: WaitOptions, followed: FollowedOrder): Promise<Order | undefined> {
  // One order's failing checks must not hold up the others' for more than a cycle, nor run past
  // the deadline; with no time left (timeout 0, the last look) they may retry for a few seconds.
  const now = options.clock();
  const deadline =
    options.deadline > now
      ? Math.min(options.deadline, now + Math.max(options.pollIntervalMs, MIN_CHECK_RETRY_MS))
      : now + MIN_CHECK_RETRY_MS;
  try {
    const order = await options.client.getOrder(followed.orderId, { ...(options.signal ? { signal: options.signal } : {}), deadline });
    recordSeen(followed, order);
    return order;
  } catch (error) {
    if (isFatal(error)) throw error;
    recordCheckFailed(followed, errorMessage(error));
    if (error instanceof OllangError && error.status === 404) {
      recordGone(followed, error.message);
      options.onSettled?.(followed);
      return undefined;
    }
    options.log.warning(`Checking order ${followed.orderId} (${followed.language}) failed: ${errorMessage(error)}. Will try again.`);
    return undefined;
  }
}

/** Errors no retry can fix for any order: a bad key, or the run being aborted. */
function isFatal(error: unknown): boolean {
  if (!(error instanceof OllangError)) return !(error instanceof Error) || error.name === 'AbortError';
  return error.kind === 'aborted' || error.status === 401;
}

/**
 * "7/12 finished (1 failed), 1 waiting for Ollang to publish its files, 3 ongoing, 2 waitingForApprove (a human-review gate); next check in 45s; 38m left".
 * The count of finished orders never goes down (an order never goes back to waiting), whatever
 * becomes of its download; Ollang's words are explained where they mean a wait (ollang/status.ts).
 * Once the next check is the last one before the deadline, the line says so instead of
 * repeating the same figure twice.
 */
export function progressLine(orders: readonly FollowedOrder[], nextCheckMs: number, leftMs: number): string {
  const finished = orders.filter((o) => o.state !== 'waiting').length;
  const failed = orders.filter((o) => o.state === 'failed').length;
  const counts = new Map<string, number>();
  for (const o of orders) {
    if (o.state !== 'waiting') continue;
    counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  }
  const parts = [`${finished}/${orders.length} finished${failed > 0 ? ` (${failed} failed)` : ''}`];
  // Finished, but Ollang has not published their files yet (docs/ollang-api.md): what the wait is for now.
  const unpublished = orders.filter((o) => o.state === 'awaiting-outputs').length;
  if (unpublished > 0) parts.push(`${unpublished} waiting for Ollang to publish ${unpublished === 1 ? 'its files' : 'their files'}`);
  for (const [status, count] of [...counts].sort((a, b) => b[1] - a[1])) {
    const meaning = explainStatusBriefly(status);
    parts.push(`${count} ${status}${meaning ? ` (${meaning})` : ''}`);
  }
  const left = Math.max(0, leftMs);
  const when = (ms: number): string => formatDuration(approximately(ms, 1_000));
  // Compared as printed: 45.0 s and 45.4 s both read "45s".
  const next =
    nextCheckMs >= left || when(nextCheckMs) === when(left)
      ? `last check in ${when(left)}`
      : `next check in ${when(nextCheckMs)}; ${when(left)} left`;
  return `${parts.join(', ')}; ${next}`;
}

/** Runs downloads in the background, a bounded number at a time. */
class DownloadPool {
  readonly #limit: number;
  readonly #queue: (() => Promise<void>)[] = [];
  readonly #running = new Set<Promise<void>>();

  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  add(task: () => Promise<void>): void {
    this.#queue.push(task);
    this.#pump();
  }

  #pump(): void {
    while (this.#running.size < this.#limit && this.#queue.length > 0) {
      const task = this.#queue.shift()!;
      // Tasks end their order whatever happens (see waitForOrders): nothing to catch here.
      const running: Promise<void> = task().finally(() => {
        this.#running.delete(running);
        this.#pump();
      });
      this.#running.add(running);
    }
  }

  async drain(): Promise<void> {
    while (this.#running.size > 0) await Promise.race(this.#running);
  }
}
