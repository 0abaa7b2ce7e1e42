/**
 * Finding the orders a Create Order call made when its answer was lost (or left languages out).
 *
 * Create Order has no idempotency key (docs/ollang-api.md), so the orders of a call are known by
 * what they are: orders of the project that did not exist just before the call was sent, of its
 * type and languages, and the child orders Ollang adds to them (of another type). "Existed" is
 * Ollang's own view, the project's newest orders listed right before sending (a ProjectSnapshot),
 * never our clock against Ollang's `createdAt`: the two clocks may disagree by minutes. The
 * snapshot is saved with the call in state, so that the post step judges the same way after a kill.
 *
 * The other end is bounded too, on Ollang's clock: another run may order the same languages on
 * the same project after the call (with media, runs of one content share its project), and its
 * orders are not ours. A call's orders are stamped before its answer was given up; Ollang's time
 * at sending is read from its `Date` header (OllangClient.ollangTime), so `until` is that time
 * plus the request's time-out and a margin (LATE_SAVE_MS). An order stamped later is never the
 * call's. Without a `Date` header there is no such bound (docs/reliability.md, "Known limits").
 */
import type { OllangClient } from '../ollang/client.ts';
import { OllangError } from '../ollang/errors.ts';
import type { Order, OrderSummary } from '../ollang/schemas.ts';
import { isUsable } from '../ollang/status.ts';
import type { Sleep } from '../runtime.ts';
import { forEachLimited } from '../for-each-limited.ts';
import { inScope, isChildOf, languageKey, stampOf, type OrderScope } from './scope.ts';

/** What existed in a project just before a Create Order call was sent, as Ollang listed it. */
export interface ProjectSnapshot {
  /** The newest `createdAt` Ollang listed (its own clock): an order stamped earlier existed. */
  newestCreatedAt?: string;
  /** Orders listed with exactly that `createdAt`, or with none: these are known by ID. */
  orderIds: string[];
}

/**
 * The lost-create record: a Create Order call whose orders this run has not accounted for yet.
 * Saved in state before the call is sent, one per project; the post step looks for its orders.
 */
export interface LostCreate extends OrderScope {
  /** The languages whose orders are not accounted for yet. */
  languages: string[];
  /** When the first call of the project's create went out (our clock, ISO): for messages only. */
  sentAt: string;
  before: ProjectSnapshot;
  /** Ollang's time (ISO) after which an order cannot be this call's (see the module comment); absent when unknown. */
  until?: string;
}

/** Beyond the request's time-out: a save a little late, a `Date` header to the second, a web server's clock a little off the database's. */
export const LATE_SAVE_MS = 60_000;

/** `until` for a call sent now: Ollang's time plus the request's time-out and LATE_SAVE_MS, or undefined. */
export function createWindowEnd(client: Pick<OllangClient, 'ollangTime' | 'requestTimeoutMs'>): string | undefined {
  const now = client.ollangTime();
  return now === undefined ? undefined : new Date(now + client.requestTimeoutMs + LATE_SAVE_MS).toISOString();
}

/** Get Orders confirming candidates, at once. */
const CONFIRMS_AT_ONCE = 8;
/** List Orders' largest page. */
const PAGE_SIZE = 50;
/** Pages read for one group of orders stamped alike (by ID): more than that cannot be told apart. */
const STAMP_GROUP_MAX_PAGES = 20;
/** Ollang may read `createdAtRange.from` as excluding its bound: filters start this much earlier. */
const FILTER_MARGIN_MS = 1_000;

/**
 * The project's newest orders, any type, right before a create is sent: every order stamped with
 * the newest `createdAt` Ollang lists, since those alone can tell an order from a new one.
 */
export async function snapshotProject(client: OllangClient, projectId: string): Promise<ProjectSnapshot> {
  const page = await client.listOrders({
    page: 1,
    take: PAGE_SIZE,
    orderBy: 'createdAt',
    orderDirection: 'desc',
    filter: { projectId },
  });
  // Every order listed existed, whatever its project (a server may ignore the filter).
  const stamps = page.orders.map((o) => stampOf(o)).filter((t): t is number => t !== undefined);
  const newest = stamps.length > 0 ? Math.max(...stamps) : undefined;
  let listed = page.orders;
  // The page ends inside the newest stamp: the rest of them are on the next pages, in no set order.
  if (newest !== undefined && page.meta.hasNextPage && stampOf(page.orders.at(-1)!) === newest) {
    listed = [...listed, ...(await ordersStamped(client, projectId, newest))];
  }
  const tied = listed.filter((o) => newest === undefined || (stampOf(o) ?? newest) === newest).map((o) => o.id);
  return {
    ...(newest !== undefined ? { newestCreatedAt: new Date(newest).toISOString() } : {}),
    orderIds: [...new Set(tied)],
  };
}

/** Whether the order was there when the snapshot was taken. */
export function existedBefore(order: { id: string; createdAt?: string }, before: ProjectSnapshot): boolean {
  if (before.orderIds.includes(order.id)) return true;
  const stamp = stampOf(order);
  const newest = before.newestCreatedAt === undefined ? undefined : Date.parse(before.newestCreatedAt);
  // Strictly earlier: an order stamped in the same instant as the newest one may be ours.
  return stamp !== undefined && newest !== undefined && stamp < newest;
}

/**
 * Every order of the call found: its orders of the requested type in its languages (usable ones:
 * a cancelled or failed one is no order for its language), and their child orders of any type.
 * Looked for again after each pause in `lookupsMs` until each language has one. Orders in
 * `exclude` (already accounted for) are never returned; an order that existed before the call was
 * sent never is. Every order returned was confirmed with Get Order.
 */
export async function findOrdersOfLostCreate(
  client: OllangClient,
  call: LostCreate,
  options: { exclude?: ReadonlySet<string>; lookupsMs?: readonly number[]; sleep?: Sleep; signal?: AbortSignal } = {},
): Promise<Order[]> {
  const parents = new Map<string, Order>();
  const children = new Map<string, Order>();
  const rejected = new Set<string>();
  const wanted = new Set(call.languages.map(languageKey));
  const skip = (id: string): boolean => options.exclude?.has(id) === true || rejected.has(id) || parents.has(id) || children.has(id);

  for (const delay of options.lookupsMs ?? [0]) {
    if (delay > 0 && options.sleep) await options.sleep(delay, options.signal);
    const fresh = (await newOrders(client, call, call.languages.length)).filter((o) => !skip(o.id));
    const ofCall = fresh.filter((o) => o.type === call.orderType && wanted.has(languageKey(o.targetLanguage)) && isUsable(o.status));
    await forEachLimited(ofCall, CONFIRMS_AT_ONCE, async (summary) => {
      const order = await confirm(client, summary);
      // The level is not checked: new since the call and of its type and language is enough, and
      // Ollang may report levels on another scale than the one we send (docs/ollang-api.md).
      if (order && inScope(order, call, { level: false }) && isUsable(order.status)) parents.set(order.id, order);
      else rejected.add(summary.id);
    });
    const childOfCall = fresh.filter((o) => o.type !== call.orderType && [...parents.values()].some((p) => isChildOf(o, p)));
    await forEachLimited(childOfCall, CONFIRMS_AT_ONCE, async (summary) => {
      const order = await confirm(client, summary);
      if (order && (order.projectId === undefined || order.projectId === call.projectId)) children.set(order.id, order);
      else rejected.add(summary.id);
    });
    const covered = new Set([...parents.values()].map((o) => languageKey(o.targetLanguage)));
    if ([...wanted].every((language) => covered.has(language))) break;
  }
  return [...parents.values(), ...children.values()];
}

/**
 * The project's orders that did not exist before the call, newest first: the list is read newest
 * first until an order stamped before the newest the snapshot saw (everything after it is older),
 * within a page budget. Orders stamped alike have no set order among themselves, from one request
 * to the next: the snapshot's own are skipped by ID, and a group that runs over a page boundary is
 * read again whole, by ID.
 */
async function newOrders(client: OllangClient, call: LostCreate, languages: number): Promise<OrderSummary[]> {
  const found = new Map<string, OrderSummary>();
  const newest = call.before.newestCreatedAt === undefined ? undefined : Date.parse(call.before.newestCreatedAt);
  const groupsRead = new Set<number>();
  // Our orders and their children, with room for other orders made meanwhile.
  const maxPages = Math.ceil((languages * 3) / PAGE_SIZE) + 2;
  for (let pageNumber = 1; pageNumber <= maxPages; pageNumber++) {
    const page = await client.listOrders({
      page: pageNumber,
      take: PAGE_SIZE,
      orderBy: 'createdAt',
      orderDirection: 'desc',
      // Hints only (a server may ignore filters): on Ollang's clock, never ours.
      filter: {
        projectId: call.projectId,
        ...(newest !== undefined ? { createdAtFrom: new Date(newest - FILTER_MARGIN_MS).toISOString() } : {}),
      },
    });
    let older = false;
    for (const summary of page.orders) {
      const stamp = stampOf(summary);
      // Strictly older than the newest the snapshot saw: everything after it is older still.
      if (stamp !== undefined && newest !== undefined && stamp < newest) {
        older = true;
        break;
      }
      found.set(summary.id, summary);
    }
    if (older || !page.meta.hasNextPage || page.orders.length === 0) break;
    const last = stampOf(page.orders.at(-1)!);
    if (last !== undefined && !groupsRead.has(last)) {
      groupsRead.add(last);
      for (const summary of await ordersStamped(client, call.projectId, last)) found.set(summary.id, summary);
    }
  }
  // Listed in the snapshot (stamped with its newest createdAt): it existed, though ours may share its stamp.
  // Stamped after the call's answer was given up: another run's.
  const until = call.until === undefined ? Infinity : trustedUntil(call, [...found.values()], client.ollangTime());
  return [...found.values()].filter(
    (o) =>
      !existedBefore(o, call.before) &&
      !((stampOf(o) ?? -Infinity) > until) &&
      (o.projectId === undefined || o.projectId === call.projectId),
  );
}

/** How far an order's stamp may run ahead of the `Date` header's time before that header is taken to lag. */
const DATE_SLACK_MS = 5_000;

/**
 * `until` as a bound, or Infinity when the `Date` header it came from cannot be trusted: a clock
 * that runs behind Ollang's stamps (a cached or proxied answer, a web tier whose clock is off the
 * database's) would put the call's own orders after it, and the run would buy them again and leave
 * the first ones unfollowed. Orders are never stamped in the future: a stamp later than the
 * header's time now (or than the header's time at sending, for the snapshot's newest order)
 * proves the header lags, and then only the snapshot decides, as without a `Date` header.
 */
export function trustedUntil(
  call: Pick<LostCreate, 'until' | 'before'>,
  listed: readonly OrderSummary[],
  ollangNow: number | undefined,
): number {
  if (call.until === undefined) return Infinity;
  const until = Date.parse(call.until);
  if (Number.isNaN(until)) return Infinity;
  const newest = call.before.newestCreatedAt === undefined ? -Infinity : Date.parse(call.before.newestCreatedAt);
  const sentAtOllang = until - LATE_SAVE_MS; // minus the margin: at most the time-out after sending
  if (newest > sentAtOllang + DATE_SLACK_MS) return Infinity;
  const latest = Math.max(-Infinity, ...listed.map((o) => stampOf(o) ?? -Infinity));
  if (ollangNow !== undefined && latest > ollangNow + DATE_SLACK_MS) return Infinity;
  return until;
}

/**
 * Every order of the project stamped `stamp`, read by ID (a stable order across pages), since
 * Ollang gives none among orders stamped alike. Throws when there are too many to read: telling
 * old orders from new ones would then be a guess.
 */
async function ordersStamped(client: OllangClient, projectId: string, stamp: number): Promise<OrderSummary[]> {
  const group: OrderSummary[] = [];
  const filter = {
    projectId,
    createdAtFrom: new Date(stamp - FILTER_MARGIN_MS).toISOString(),
    createdAtTo: new Date(stamp + FILTER_MARGIN_MS).toISOString(),
  };
  for (let pageNumber = 1; pageNumber <= STAMP_GROUP_MAX_PAGES; pageNumber++) {
    const page = await client.listOrders({ page: pageNumber, take: PAGE_SIZE, orderBy: 'id', orderDirection: 'asc', filter });
    group.push(...page.orders.filter((o) => stampOf(o) === stamp));
    if (!page.meta.hasNextPage || page.orders.length === 0) return group;
  }
  throw new Error(
    `Project ${projectId} lists more than ${STAMP_GROUP_MAX_PAGES * PAGE_SIZE} orders around ${new Date(stamp).toISOString()}: ` +
      'too many to tell the orders made before a Create Order call from those it made',
  );
}

/** Get Order for a candidate; undefined when Ollang no longer knows it. */
async function confirm(client: OllangClient, summary: OrderSummary): Promise<Order | undefined> {
  try {
    return await client.getOrder(summary.id);
  } catch (error) {
    if (error instanceof OllangError && error.status === 404) return undefined;
    throw error;
  }
}
