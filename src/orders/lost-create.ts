/**
 * Finding the orders a Create Order call made when its answer was lost (or left languages out).
 *
 * Create Order has no idempotency key (docs/ollang-api.md), so the orders of a call are known by
 * what they are: orders of the project that did not exist just before the call was sent, of its
 * type and languages, and the child orders Ollang adds to them (of another type). "Existed" is
 * Ollang's own view, one List Orders page taken right before sending (a ProjectSnapshot), never
 * our clock against Ollang's `createdAt`: the two clocks may disagree by minutes. The snapshot is
 * saved with the call in state, so that the post step judges the same way after a kill.
 */
import type { OllangClient } from '../ollang/client.ts';
import { OllangError } from '../ollang/errors.ts';
import type { Order, OrderSummary } from '../ollang/schemas.ts';
import { isUsable } from '../ollang/status.ts';
import type { Sleep } from '../runtime.ts';
import { forEachLimited } from '../for-each-limited.ts';
import { inScope, languageKey, type OrderScope } from './scope.ts';

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
}

/** How far apart (Ollang's clock) a parent order and the child orders it adds may be stamped. */
export const CHILD_STAMP_WINDOW_MS = 5_000;
/** Get Orders confirming candidates, at once. */
const CONFIRMS_AT_ONCE = 8;
/** One page of the newest orders: what a snapshot reads. */
const SNAPSHOT_PAGE_SIZE = 50;

/**
 * One List Orders page of the project's newest orders, any type, right before a create is sent.
 * Kept small: the newest `createdAt`, and the IDs that alone can tell an order from a new one.
 */
export async function snapshotProject(client: OllangClient, projectId: string): Promise<ProjectSnapshot> {
  const page = await client.listOrders({
    page: 1,
    take: SNAPSHOT_PAGE_SIZE,
    orderBy: 'createdAt',
    orderDirection: 'desc',
    filter: { projectId },
  });
  // Every order listed existed, whatever its project (a server may ignore the filter).
  const stamps = page.orders.map((o) => stampOf(o)).filter((t): t is number => t !== undefined);
  const newest = stamps.length > 0 ? Math.max(...stamps) : undefined;
  return {
    ...(newest !== undefined ? { newestCreatedAt: new Date(newest).toISOString() } : {}),
    orderIds: page.orders.filter((o) => newest === undefined || (stampOf(o) ?? newest) === newest).map((o) => o.id),
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
 * first until an order that did exist (everything after it is older), within a page budget.
 */
async function newOrders(client: OllangClient, call: LostCreate, languages: number): Promise<OrderSummary[]> {
  const found: OrderSummary[] = [];
  const pages = client.listAllOrders(
    {
      take: 50,
      orderBy: 'createdAt',
      orderDirection: 'desc',
      // Hints only (a server may ignore filters): both on Ollang's clock, never ours.
      filter: { projectId: call.projectId, ...(call.before.newestCreatedAt ? { createdAtFrom: call.before.newestCreatedAt } : {}) },
    },
    // Our orders and their children, with room for other orders made meanwhile.
    { maxPages: Math.ceil((languages * 3) / 50) + 2 },
  );
  for await (const summary of pages) {
    if (existedBefore(summary, call.before)) break;
    if (summary.projectId !== undefined && summary.projectId !== call.projectId) continue;
    found.push(summary);
  }
  return found;
}

/**
 * A child order (docs/ollang-api.md, "Create Order"): another type, made by the same call as its
 * parent, so stamped within moments of it, in the parent's target or source language.
 */
function isChildOf(candidate: OrderSummary, parent: Order): boolean {
  const language = languageKey(candidate.targetLanguage);
  if (language !== languageKey(parent.targetLanguage) && language !== languageKey(parent.sourceLanguage ?? '')) return false;
  const a = stampOf(candidate);
  const b = stampOf(parent);
  return a === undefined || b === undefined || Math.abs(a - b) <= CHILD_STAMP_WINDOW_MS;
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

function stampOf(order: { createdAt?: string }): number | undefined {
  const t = order.createdAt === undefined ? NaN : Date.parse(order.createdAt);
  return Number.isFinite(t) ? t : undefined;
}
