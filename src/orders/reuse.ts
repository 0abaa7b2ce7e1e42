/**
 * Reusing what was already bought: usable orders of the scope found in the cache manifest, in
 * the run's one scan across projects (media), or by a bounded List Orders scan of the project;
 * and, for runs started together, settling on one order per language.
 */
import type { OllangClient } from '../ollang/client.ts';
import { OllangError } from '../ollang/errors.ts';
import type { Order, OrderSummary } from '../ollang/schemas.ts';
import { isUsable } from '../ollang/status.ts';
import type { Log } from '../runtime.ts';
import type { StateRecorder } from '../state.ts';
import { errorMessage } from '../error-message.ts';
import { followOrder, type FollowedOrder } from './followed.ts';
import { inScope, isChildOf, languageKey, type OrderScope } from './scope.ts';

/** List Orders pages a reuse scan may read (50 orders each): the README states this bound. */
export const REUSE_SCAN_MAX_PAGES = 4;
/** Orders of one language stamped this close together (Ollang's clock) are runs started together. */
const BURST_MS = 2 * 60_000;
/** Candidates of one language confirmed with Get Order before giving up on reusing it. */
const CANDIDATES_PER_LANGUAGE = 3;

/**
 * The newest orders of the order type across every project, read once for a run over many
 * projects (media): one List Orders scan of a few pages stands in for a scan per project, for
 * the languages it shows. A project whose languages it does not all show is scanned on its own.
 */
export interface RecentOrders {
  /** Candidates by language (lower case), newest first, of the scope's project. */
  candidates(scope: OrderScope, languages: readonly string[]): Promise<Map<string, string[]>>;
}

/** A RecentOrders reading at most `maxPages` pages (once, when first asked), newest first. */
export function recentOrders(client: OllangClient, orderType: string, maxPages: number): RecentOrders {
  let listed: Promise<OrderSummary[]> | undefined;
  return {
    async candidates(scope, languages) {
      listed ??= (async () => {
        const all: OrderSummary[] = [];
        for await (const summary of client.listAllOrders(
          { take: 50, orderBy: 'createdAt', orderDirection: 'desc', filter: { type: orderType } },
          { maxPages },
        ))
          all.push(summary);
        return all;
      })();
      const wanted = new Set(languages.map(languageKey));
      const out = new Map<string, string[]>();
      for (const summary of await listed) {
        // Filters are hints (docs/ollang-api.md): every item is checked here.
        if (summary.projectId !== scope.projectId || summary.type !== scope.orderType || !isUsable(summary.status)) continue;
        const language = languageKey(summary.targetLanguage);
        if (wanted.has(language)) out.set(language, [...(out.get(language) ?? []), summary.id]);
      }
      return out;
    },
  };
}

/** Where earlier runs' orders can be remembered (the Actions cache). */
export interface OrderMemory {
  /** Order IDs an earlier run created for this scope, newest first, by language (lower case). */
  recall(scope: OrderScope): Promise<Map<string, string[]>>;
  remember(scope: OrderScope, orders: FollowedOrder[]): Promise<void>;
}

/**
 * Usable orders (not cancelled or failed) for the scope, by language: first those an earlier run
 * remembered, then a bounded scan of List Orders. Every candidate is confirmed with Get Order
 * (List Orders shows no level, and a remembered order may have been cancelled since).
 */
export async function findReusable(
  context: { client: OllangClient; memory?: OrderMemory; recent?: RecentOrders },
  scope: OrderScope,
  languages: string[],
): Promise<Map<string, Order>> {
  const found = new Map<string, Order>();
  const wanted = new Set(languages.map(languageKey));

  // The manifest is kept by scope, level included: its level is the one we sent, whatever scale
  // Ollang reports levels on (docs/ollang-api.md), so a remembered order's level is not checked.
  const remembered = context.memory ? await context.memory.recall(scope) : new Map<string, string[]>();
  await confirmCandidates(context.client, scope, remembered, wanted, found, { level: false });

  // With many projects: the run's one scan of the newest orders across projects, for what it shows.
  if (context.recent && wanted.size > found.size) {
    const recent = await context.recent.candidates(
      scope,
      [...wanted].filter((l) => !found.has(l)),
    );
    await confirmCandidates(context.client, scope, recent, wanted, found, { level: true });
  }

  if (wanted.size > found.size) {
    const summaries = await scanOrders(context.client, scope, { languages: [...wanted].filter((l) => !found.has(l)) });
    const usable = summaries.filter((summary) => isUsable(summary.status));
    // Newest first, except an order with an older one of its language created just before it:
    // its run cancels it in favour of the older one (yieldToEarlierOrders), so prefer the survivor.
    const yields = (s: OrderSummary): boolean =>
      usable.some(
        (o) =>
          o !== s &&
          languageKey(o.targetLanguage) === languageKey(s.targetLanguage) &&
          isOlder(o, s) &&
          Date.parse(s.createdAt ?? '') - Date.parse(o.createdAt ?? '') <= BURST_MS,
      );
    const candidates = new Map<string, string[]>();
    for (const summary of [...usable.filter((s) => !yields(s)), ...usable.filter(yields)]) {
      const language = languageKey(summary.targetLanguage);
      candidates.set(language, [...(candidates.get(language) ?? []), summary.id]);
    }
    await confirmCandidates(context.client, scope, candidates, wanted, found, { level: true });
  }
  return found;
}

async function confirmCandidates(
  client: OllangClient,
  scope: OrderScope,
  candidates: Map<string, string[]>,
  wanted: Set<string>,
  found: Map<string, Order>,
  check: { level: boolean },
): Promise<void> {
  await Promise.all(
    [...candidates].map(async ([language, orderIds]) => {
      if (!wanted.has(language) || found.has(language)) return;
      for (const orderId of orderIds.slice(0, CANDIDATES_PER_LANGUAGE)) {
        const order = await client.getOrder(orderId).catch((error: unknown) => {
          if (error instanceof OllangError && error.status === 404) return undefined; // gone: not reusable
          // Unreadable is not unusable: ordering again now could buy a language twice.
          throw new Error(
            `Could not check whether order ${orderId} (${language}) can be reused, so nothing was ordered: ${errorMessage(error)}`,
            { cause: error },
          );
        });
        if (order && inScope(order, scope, check) && languageKey(order.targetLanguage) === language && isUsable(order.status)) {
          found.set(language, order);
          return;
        }
      }
    }),
  );
}

/**
 * Newest orders of the project and type, filtered on our side (a server may ignore filters:
 * docs/ollang-api.md), reading at most `maxPages` pages (`onMorePages`: stopped there with more left).
 */
export async function scanOrders(
  client: OllangClient,
  scope: Omit<OrderScope, 'level'>,
  options: { languages?: string[]; createdFrom?: string; maxPages?: number; onMorePages?: () => void } = {},
): Promise<OrderSummary[]> {
  const languages = options.languages ? new Set(options.languages.map(languageKey)) : undefined;
  const matches: OrderSummary[] = [];
  const pages = client.listAllOrders(
    {
      take: 50,
      orderBy: 'createdAt',
      orderDirection: 'desc',
      filter: {
        type: scope.orderType,
        projectId: scope.projectId,
        ...(options.createdFrom ? { createdAtFrom: options.createdFrom } : {}),
      },
    },
    { maxPages: options.maxPages ?? REUSE_SCAN_MAX_PAGES, ...(options.onMorePages ? { onMorePages: options.onMorePages } : {}) },
  );
  for await (const summary of pages) {
    if (summary.projectId !== undefined && summary.projectId !== scope.projectId) continue;
    if (summary.type !== scope.orderType) continue;
    if (languages && !languages.has(languageKey(summary.targetLanguage))) continue;
    if (options.createdFrom && summary.createdAt && Date.parse(summary.createdAt) < Date.parse(options.createdFrom)) continue;
    matches.push(summary);
  }
  return matches;
}

/**
 * Runs started together (a workflow matrix, two pushes) can each find nothing to reuse and each
 * create the same language. Every run settles it the same way: the oldest usable order of a
 * (type, level, language) on the content's projects is kept, and a run whose own order is younger
 * cancels it (it was created moments ago, so it is still `pending` and cancellable) and follows
 * the older one instead, cancelling the child orders it added with it too. On the project ordered
 * on, orders from just before ours count (one List Orders page); on the other projects of the same
 * content (`otherProjectIds`: two runs that each uploaded the file), any older usable order does,
 * since this run's look-ups did not show it in time to reuse it. Only when this run created something.
 */
export async function yieldToEarlierOrders(
  context: { client: OllangClient; log: Log; state: StateRecorder },
  scope: OrderScope,
  created: FollowedOrder[],
  otherProjectIds: readonly string[] = [],
  /**
   * On the project ordered on, how long before this run's oldest new order a rival counts: the
   * time since this run's own look-up (a 429's pause, other projects' uploads) plus BURST_MS, as
   * an order made meanwhile was not seen; Infinity for a project this run just uploaded (any
   * older order on it is another run's). BURST_MS alone by default.
   */
  sinceLookupMs = 0,
): Promise<FollowedOrder[]> {
  const { client, log, state } = context;
  const mine = created.filter((o) => o.type === scope.orderType);
  const oldest = Math.min(...mine.map((o) => Date.parse(o.createdAt ?? '') || Infinity));
  if (!Number.isFinite(oldest)) return created;
  const languages = mine.map((o) => o.language);
  const maxPages = Math.ceil(mine.length / 50) + 1;
  const rivals: { summary: OrderSummary; projectId: string }[] = [];
  try {
    const projects = [scope.projectId, ...otherProjectIds.filter((id) => id !== scope.projectId)];
    for (const projectId of new Set(projects)) {
      const own = projectId === scope.projectId;
      const listed = await scanOrders(
        client,
        { ...scope, projectId },
        {
          languages,
          maxPages,
          ...(own && Number.isFinite(sinceLookupMs)
            ? { createdFrom: new Date(oldest - BURST_MS - Math.max(0, sinceLookupMs)).toISOString() }
            : {}),
        },
      );
      rivals.push(...listed.map((summary) => ({ summary, projectId })));
    }
  } catch (error) {
    if (error instanceof OllangError && (error.status === 401 || error.kind === 'aborted')) throw error;
    if (rivals.length === 0) return created; // a courtesy check: never fail a run over it
  }
  const ours = new Set(created.map((o) => o.orderId));
  const result: FollowedOrder[] = [];
  const givenUp: FollowedOrder[] = [];
  for (const order of created) {
    if (order.type !== scope.orderType) {
      result.push(order);
      continue;
    }
    const earlier = rivals
      .filter(
        ({ summary: r }) =>
          !ours.has(r.id) && isUsable(r.status) && languageKey(r.targetLanguage) === languageKey(order.language) && isOlder(r, order),
      )
      .sort((a, b) => (isOlder(a.summary, b.summary) ? -1 : 1));
    let replacement: { order: Order; projectId: string } | undefined;
    for (const rival of earlier.slice(0, CANDIDATES_PER_LANGUAGE)) {
      const candidate = await client.getOrder(rival.summary.id).catch(() => undefined);
      // Both levels as Ollang reports them: on one scale, whichever it uses (docs/ollang-api.md).
      const level = order.level ?? scope.level;
      if (candidate && inScope(candidate, { ...scope, projectId: rival.projectId, level }, { level: true }) && isUsable(candidate.status)) {
        replacement = { order: candidate, projectId: rival.projectId };
        break;
      }
    }
    if (!replacement) {
      result.push(order);
      continue;
    }
    try {
      const outcome = await client.cancelOrder(order.orderId);
      state.recordSettled([order.orderId]);
      const where = replacement.projectId === scope.projectId ? '' : ` on project ${replacement.projectId}, of the same content`;
      log.info(
        `${order.language}: another run ordered it first (${replacement.order.id}${where}); ${outcome} this run's duplicate ${order.orderId} and following that order.`,
      );
      result.push(followOrder(replacement.order, { created: false, projectId: replacement.projectId }));
      givenUp.push(order);
    } catch (error) {
      // Could not cancel ours (already past pending): keep it, we pay for it anyway.
      log.debug(`Keeping ${order.orderId}: cancelling the duplicate failed (${errorMessage(error)}).`);
      result.push(order);
    }
  }
  return givenUp.length === 0 ? result : await cancelChildren(context, scope, result, givenUp);
}

/**
 * The child orders (another type) of the parents this run gave up go with them: cancelled and no
 * longer followed. One that may as well be a kept parent's (children in the source language look
 * alike) is kept: cancelling it could stall an order this run still waits for.
 */
async function cancelChildren(
  context: { client: OllangClient; log: Log; state: StateRecorder },
  scope: OrderScope,
  followed: FollowedOrder[],
  givenUp: FollowedOrder[],
): Promise<FollowedOrder[]> {
  const asParent = (o: FollowedOrder) => ({ targetLanguage: o.language, sourceLanguage: o.sourceLanguage, createdAt: o.createdAt });
  const kept = followed.filter((o) => o.created && o.type === scope.orderType).map(asParent);
  const result: FollowedOrder[] = [];
  for (const order of followed) {
    const child = { targetLanguage: order.language, createdAt: order.createdAt };
    const orphan =
      order.created &&
      order.type !== scope.orderType &&
      givenUp.some((parent) => isChildOf(child, asParent(parent))) &&
      !kept.some((parent) => isChildOf(child, parent));
    if (!orphan) {
      result.push(order);
      continue;
    }
    try {
      const outcome = await context.client.cancelOrder(order.orderId);
      context.state.recordSettled([order.orderId]);
      context.log.info(`${order.type} order ${order.orderId} (${order.language}) came with a duplicate this run gave up: ${outcome}.`);
    } catch (error) {
      context.log.debug(`Keeping ${order.orderId}: cancelling the child order of a duplicate failed (${errorMessage(error)}).`);
      result.push(order);
    }
  }
  return result;
}

/** Older = created earlier; ties broken by ID so that every run picks the same survivor. */
function isOlder(
  a: { createdAt?: string; id?: string; orderId?: string },
  b: { createdAt?: string; id?: string; orderId?: string },
): boolean {
  const ta = Date.parse(a.createdAt ?? '') || Infinity;
  const tb = Date.parse(b.createdAt ?? '') || Infinity;
  if (ta !== tb) return ta < tb;
  return (a.id ?? a.orderId ?? '') < (b.id ?? b.orderId ?? '');
}
