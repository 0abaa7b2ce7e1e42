/**
 * Deciding which orders a run follows, so that each (project, type, level, language) is bought
 * once: given IDs as they are; otherwise reuse a usable order found in the cache manifest or by a
 * bounded List Orders scan; create only the rest, in one Create Order call, and after an
 * ambiguous create look for what it may have made before creating again.
 */
import type { CreateOrderRequest, OllangClient } from '../ollang/client.ts';
import { OllangError } from '../ollang/errors.ts';
import type { Order, OrderSummary } from '../ollang/schemas.ts';
import type { Settings } from '../settings.ts';
import type { Clock, Log, Sleep } from '../runtime.ts';
import type { StateRecorder } from '../state.ts';
import type { FollowedOrder } from '../wait/poller.ts';
import { errorMessage } from '../error-message.ts';
import { isUsable } from '../ollang/status.ts';

/** List Orders pages a reuse scan may read (50 orders each): the README states this bound. */
export const REUSE_SCAN_MAX_PAGES = 4;
/** How far before a lost Create Order call its orders may be stamped (clock skew between us and Ollang). */
const AMBIGUOUS_CREATE_SLACK_MS = 2 * 60_000;
/**
 * Create Order calls for one set of languages: the first, and more only after an ambiguous
 * failure whose orders a List Orders look-up did not find (so no attempt can buy twice).
 */
const MAX_CREATE_ATTEMPTS = 4;
/** Pause before creating again after an ambiguous failure: a struggling API gets a moment. */
const CREATE_RETRY_PAUSE_MS = 1_000;
/** After a lost create, List Orders look-ups this long after the failure (a late save shows up). */
const LOST_CREATE_LOOKUPS_MS = [0, 1_000, 3_000];

export interface OrderScope {
  projectId: string;
  orderType: string;
  level: number;
}

/** Where earlier runs' orders can be remembered (the Actions cache). */
export interface OrderMemory {
  /** Order IDs an earlier run created for this scope, newest first, by language (lower case). */
  recall(scope: OrderScope): Promise<Map<string, string[]>>;
  remember(scope: OrderScope, orders: FollowedOrder[]): Promise<void>;
}

export interface ChooseContext {
  client: OllangClient;
  settings: Settings;
  log: Log;
  clock: Clock;
  sleep: Sleep;
  signal?: AbortSignal;
  state: StateRecorder;
  memory?: OrderMemory;
}

export interface ChosenOrders {
  followed: FollowedOrder[];
  /** Target languages with no order to follow (collect mode, dry run, or a create that missed them). */
  languagesWithoutOrder: string[];
  plan: { create: string[]; reuse: { language: string; orderId: string }[] };
}

export async function chooseOrders(context: ChooseContext): Promise<ChosenOrders> {
  const { settings, log } = context;
  if (settings.orderIds.length > 0) {
    const followed = await Promise.all(settings.orderIds.map((id) => followGiven(context, id)));
    log.info(`Following ${followed.length} given order(s): ${followed.map(describe).join(', ')}`);
    return { followed, languagesWithoutOrder: [], plan: { create: [], reuse: [] } };
  }

  const scope: OrderScope = { projectId: settings.projectId, orderType: settings.orderType, level: settings.level };
  /** Orders that existed before this run created anything: never claimed as its own later. */
  const seenBefore = new Set<string>();
  const reused = settings.reuseOrders ? await findReusable(context, scope, settings.targetLanguages, seenBefore) : new Map<string, Order>();
  const followed: FollowedOrder[] = [...reused.values()].map((order) => toFollowed(order, false));
  const missing = settings.targetLanguages.filter((language) => !reused.has(key(language)));
  const plan = {
    create: settings.mode === 'collect' ? [] : missing,
    reuse: followed.map((o) => ({ language: o.language, orderId: o.orderId })),
  };
  for (const o of followed) log.info(`Reusing order ${o.orderId} for ${o.language} (${o.status}).`);

  if (settings.mode === 'collect' || settings.dryRun || missing.length === 0) {
    return { followed, languagesWithoutOrder: missing, plan };
  }

  const created = await yieldToEarlierOrders(context, scope, await createOrders(context, scope, missing, seenBefore));
  followed.push(...created);
  const covered = new Set(followed.map((o) => key(o.language)));
  const languagesWithoutOrder = settings.targetLanguages.filter((language) => !covered.has(key(language)));
  if (created.length > 0 && context.memory) await context.memory.remember(scope, created);
  return { followed, languagesWithoutOrder, plan };
}

/** A given order ID: followed as it is, never created, never cancelled on abort. */
async function followGiven(context: ChooseContext, orderId: string): Promise<FollowedOrder> {
  try {
    return toFollowed(await context.client.getOrder(orderId), false);
  } catch (error) {
    if (error instanceof OllangError && error.status === 404) {
      throw new Error(`Input 'order-ids': Ollang has no order ${orderId} (${error.message}).`, { cause: error });
    }
    throw error;
  }
}

/**
 * Usable orders (not cancelled or failed) for the scope, by language: first those an earlier run
 * remembered, then a bounded scan of List Orders. Every candidate is confirmed with Get Order
 * (List Orders shows no level, and a remembered order may have been cancelled since).
 */
async function findReusable(
  context: ChooseContext,
  scope: OrderScope,
  languages: string[],
  seen: Set<string>,
): Promise<Map<string, Order>> {
  const found = new Map<string, Order>();
  const wanted = new Set(languages.map(key));

  const remembered = context.memory ? await context.memory.recall(scope) : new Map<string, string[]>();
  await confirmCandidates(context, scope, remembered, wanted, found);

  if (wanted.size > found.size) {
    const candidates = new Map<string, string[]>();
    const summaries = await scanOrders(context.client, scope, { languages: [...wanted].filter((l) => !found.has(l)) });
    for (const summary of summaries) seen.add(summary.id);
    const usable = summaries.filter((summary) => isUsable(summary.status));
    // Newest first, except an order with an older one of its language created just before it:
    // its run cancels it in favour of the older one (yieldToEarlierOrders), so prefer the survivor.
    const yields = (s: OrderSummary): boolean =>
      usable.some(
        (o) =>
          o !== s &&
          key(o.targetLanguage) === key(s.targetLanguage) &&
          isOlder(o, s) &&
          Date.parse(s.createdAt ?? '') - Date.parse(o.createdAt ?? '') <= AMBIGUOUS_CREATE_SLACK_MS,
      );
    for (const summary of [...usable.filter((s) => !yields(s)), ...usable.filter(yields)]) {
      const language = key(summary.targetLanguage);
      candidates.set(language, [...(candidates.get(language) ?? []), summary.id]);
    }
    await confirmCandidates(context, scope, candidates, wanted, found);
  }
  return found;
}

async function confirmCandidates(
  context: ChooseContext,
  scope: OrderScope,
  candidates: Map<string, string[]>,
  wanted: Set<string>,
  found: Map<string, Order>,
): Promise<void> {
  await Promise.all(
    [...candidates].map(async ([language, orderIds]) => {
      if (!wanted.has(language) || found.has(language)) return;
      for (const orderId of orderIds.slice(0, 3)) {
        const order = await context.client.getOrder(orderId).catch((error: unknown) => {
          if (error instanceof OllangError && error.status === 404) return undefined; // gone: not reusable
          // Unreadable is not unusable: ordering again now could buy a language twice.
          throw new Error(
            `Could not check whether order ${orderId} (${language}) can be reused, so nothing was ordered: ${errorMessage(error)}`,
            { cause: error },
          );
        });
        if (order && matchesScope(order, scope) && key(order.targetLanguage) === language && isUsable(order.status)) {
          found.set(language, order);
          return;
        }
      }
    }),
  );
}

/**
 * Newest orders of the scope, filtered on our side (the server may ignore filters: NOTES.md),
 * reading at most `maxPages` pages.
 */
export async function scanOrders(
  client: OllangClient,
  scope: Omit<OrderScope, 'level'>,
  options: { languages?: string[]; createdFrom?: string; maxPages?: number } = {},
): Promise<OrderSummary[]> {
  const languages = options.languages ? new Set(options.languages.map(key)) : undefined;
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
    { maxPages: options.maxPages ?? REUSE_SCAN_MAX_PAGES },
  );
  for await (const summary of pages) {
    if (summary.projectId !== undefined && summary.projectId !== scope.projectId) continue;
    if (summary.type !== scope.orderType) continue;
    if (languages && !languages.has(key(summary.targetLanguage))) continue;
    if (options.createdFrom && summary.createdAt && Date.parse(summary.createdAt) < Date.parse(options.createdFrom)) continue;
    matches.push(summary);
  }
  return matches;
}

/**
 * One Create Order call for the languages. Create Order has no idempotency key, so after a
 * failure with no answer we look for what the call may have created (List Orders since just
 * before it) and create again only for languages still missing. An answered error (400, 404...)
 * is final and never retried.
 */
async function createOrders(
  context: ChooseContext,
  scope: OrderScope,
  languages: string[],
  seenBefore: ReadonlySet<string>,
): Promise<FollowedOrder[]> {
  const { client, settings, log, clock, state } = context;
  const rush = new Set(settings.rushLanguages.map(key));
  let missing = languages;
  const createdIds: string[] = [];
  /** When the first call whose answer was lost went out: later look-ups start from there. */
  let lostSince: number | undefined;

  for (let attempt = 1; missing.length > 0 && attempt <= MAX_CREATE_ATTEMPTS; attempt++) {
    const request: CreateOrderRequest = {
      orderType: settings.orderType,
      level: settings.level,
      projectId: settings.projectId,
      targetLanguageConfigs: missing.map((language) => ({ language, isRush: rush.has(key(language)) })),
      ...(settings.orderSubType ? { orderSubType: settings.orderSubType } : {}),
      ...(settings.dubbingStyle ? { dubbingStyle: settings.dubbingStyle } : {}),
      ...(settings.callbackUrl ? { callbackUrl: settings.callbackUrl } : {}),
      ...(settings.autoQc ? { autoQc: true } : {}),
    };
    const calledAt = clock();
    lostSince ??= calledAt;
    log.info(`Creating ${settings.orderType} orders (level ${settings.level}) for ${missing.join(', ')}.`);
    // If main is killed before the answer, the post step looks for what this call (and any
    // earlier lost one) made.
    state.recordCreateSent({
      since: new Date(lostSince).toISOString(),
      projectId: settings.projectId,
      orderType: settings.orderType,
      level: settings.level,
      languages: missing,
    });
    try {
      const created = await client.createOrder(request);
      const ids = created.map((c) => c.orderId);
      state.recordCreated(ids);
      state.recordCreateSettled();
      createdIds.push(...ids);
      missing = [];
    } catch (error) {
      if (!(error instanceof OllangError) || !error.ambiguous) {
        state.recordCreateSettled();
        throw createError(error, missing, settings.projectId);
      }
      log.warning(
        `Create Order got no usable answer (${error.message}). It may still have created orders: ` +
          `looking for them before creating anything again.`,
      );
      // A call that timed out may still be in the server's hands: look longer before ordering again.
      const lookups = error.kind === 'timeout' ? [...LOST_CREATE_LOOKUPS_MS, 10_000] : LOST_CREATE_LOOKUPS_MS;
      const recovered = await findOrdersOfLostCreate(
        client,
        { ...scope, languages: missing, since: lostSince },
        {
          exclude: new Set([...createdIds, ...seenBefore]),
          lookupsMs: lookups,
          sleep: context.sleep,
          ...(context.signal ? { signal: context.signal } : {}),
        },
      );
      state.recordCreated(recovered.map((o) => o.id));
      createdIds.push(...recovered.map((o) => o.id));
      const recoveredLanguages = new Set(recovered.map((o) => key(o.targetLanguage)));
      if (recovered.length > 0)
        log.info(
          `Found ${recovered.length} order(s) the lost call created: ${recovered.map((o) => `${o.targetLanguage} ${o.id}`).join(', ')}.`,
        );
      missing = missing.filter((language) => !recoveredLanguages.has(key(language)));
      if (missing.length === 0) state.recordCreateSettled();
      // Giving up keeps the in-flight record: the post step looks for this call's orders once more.
      if (missing.length > 0 && attempt === MAX_CREATE_ATTEMPTS) throw createError(error, missing, settings.projectId);
      if (missing.length > 0) await context.sleep(CREATE_RETRY_PAUSE_MS * 2 ** (attempt - 1), context.signal);
    }
  }

  // The create response's order is not a language mapping (NOTES.md): ask each order. An order
  // Get Order cannot read now is followed all the same (the wait fills in its language), since
  // failing here would leave a paid order behind with nobody waiting for it.
  return Promise.all(
    createdIds.map(async (orderId) => {
      try {
        return toFollowed(await context.client.getOrder(orderId), true);
      } catch (error) {
        if (error instanceof OllangError && (error.status === 401 || error.kind === 'aborted')) throw error;
        log.warning(`Could not read new order ${orderId} yet (${errorMessage(error)}); following it anyway.`);
        return unreadOrder(orderId);
      }
    }),
  );
}

/**
 * Runs started together (a workflow matrix, two pushes) can each find nothing to reuse and each
 * create the same language. Every run settles it the same way: the oldest usable order of a
 * (project, type, level, language) is kept, and a run whose own order is younger cancels it
 * (it was created moments ago, so it is still `pending` and cancellable) and follows the older
 * one instead. One List Orders page, and only when this run created something.
 */
async function yieldToEarlierOrders(context: ChooseContext, scope: OrderScope, created: FollowedOrder[]): Promise<FollowedOrder[]> {
  if (created.length === 0 || !context.settings.reuseOrders) return created;
  const { client, log, state } = context;
  const oldest = Math.min(...created.map((o) => Date.parse(o.createdAt ?? '') || Infinity));
  if (!Number.isFinite(oldest)) return created;
  let rivals: OrderSummary[];
  try {
    rivals = await scanOrders(client, scope, {
      languages: created.map((o) => o.language),
      createdFrom: new Date(oldest - AMBIGUOUS_CREATE_SLACK_MS).toISOString(),
      maxPages: Math.ceil(created.length / 50) + 1,
    });
  } catch (error) {
    if (error instanceof OllangError && (error.status === 401 || error.kind === 'aborted')) throw error;
    return created; // a courtesy check: never fail a run over it
  }
  const ours = new Set(created.map((o) => o.orderId));
  const result: FollowedOrder[] = [];
  for (const mine of created) {
    const earlier = rivals
      .filter((r) => !ours.has(r.id) && isUsable(r.status) && key(r.targetLanguage) === key(mine.language) && isOlder(r, mine))
      .sort((a, b) => (isOlder(a, b) ? -1 : 1));
    let replacement: Order | undefined;
    for (const rival of earlier.slice(0, 3)) {
      const order = await client.getOrder(rival.id).catch(() => undefined);
      if (order && matchesScope(order, scope) && isUsable(order.status)) {
        replacement = order;
        break;
      }
    }
    if (!replacement) {
      result.push(mine);
      continue;
    }
    try {
      const outcome = await client.cancelOrder(mine.orderId);
      state.recordSettled([mine.orderId]);
      log.info(
        `${mine.language}: another run ordered it first (${replacement.id}); ${outcome} this run's duplicate ${mine.orderId} and following that order.`,
      );
      result.push(toFollowed(replacement, false));
    } catch (error) {
      // Could not cancel ours (already past pending): keep it, we pay for it anyway.
      log.debug(`Keeping ${mine.orderId}: cancelling the duplicate failed (${errorMessage(error)}).`);
      result.push(mine);
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

/**
 * The orders a Create Order call whose answer was lost may have made: usable orders of the
 * project and type for its languages, created since just before the call, confirmed one by
 * one with Get Order (level included: List Orders does not show it). Looked for again after
 * each pause in `lookupsMs` until every language has one. At most one order per language, the
 * oldest. Orders in `exclude` (already known before or followed) are never claimed.
 */
export async function findOrdersOfLostCreate(
  client: OllangClient,
  call: Omit<OrderScope, 'level'> & { level?: number; languages: string[]; since: number },
  options: { exclude?: ReadonlySet<string>; lookupsMs?: readonly number[]; sleep?: Sleep; signal?: AbortSignal } = {},
): Promise<Order[]> {
  const found = new Map<string, Order>();
  const rejected = new Set<string>();
  for (const delay of options.lookupsMs ?? [0]) {
    if (delay > 0 && options.sleep) await options.sleep(delay, options.signal);
    const summaries = await scanOrders(client, call, {
      languages: call.languages.filter((l) => !found.has(key(l))),
      createdFrom: new Date(call.since - AMBIGUOUS_CREATE_SLACK_MS).toISOString(),
      maxPages: Math.ceil(call.languages.length / 50) + 2,
    });
    const candidates = summaries
      .filter((o) => isUsable(o.status) && !options.exclude?.has(o.id) && !rejected.has(o.id) && !found.has(key(o.targetLanguage)))
      .sort((a, b) => (isOlder(a, b) ? -1 : 1));
    for (const candidate of candidates) {
      if (found.has(key(candidate.targetLanguage))) continue;
      const order = await client.getOrder(candidate.id).catch((error: unknown) => {
        if (error instanceof OllangError && error.status === 404) return undefined;
        throw error;
      });
      const level = call.level ?? order?.level ?? 0; // unknown (older saved state): any level
      if (order && matchesScope(order, { ...call, level }) && isUsable(order.status)) found.set(key(order.targetLanguage), order);
      else rejected.add(candidate.id);
    }
    if (call.languages.every((l) => found.has(key(l)))) break;
  }
  return [...found.values()];
}

function createError(error: unknown, languages: string[], projectId: string): Error {
  const message = errorMessage(error);
  return new Error(`Creating orders for ${languages.join(', ')} in project ${projectId} failed: ${message}`, { cause: error });
}

/** A created order known only by its ID so far: the wait loop learns its language and status. */
function unreadOrder(orderId: string): FollowedOrder {
  return { orderId, language: '', type: '', created: true, status: 'pending', state: 'waiting', files: [] };
}

export function toFollowed(order: Order, created: boolean): FollowedOrder {
  return {
    orderId: order.id,
    language: order.targetLanguage,
    type: order.type,
    ...(order.level !== undefined ? { level: order.level } : {}),
    ...(order.projectId !== undefined ? { projectId: order.projectId } : {}),
    ...(order.createdAt !== undefined ? { createdAt: order.createdAt } : {}),
    created,
    status: order.status,
    state: 'waiting',
    files: [],
  };
}

function matchesScope(order: Order, scope: OrderScope): boolean {
  return (
    (order.projectId === undefined || order.projectId === scope.projectId) &&
    order.type === scope.orderType &&
    (order.level ?? scope.level) === scope.level
  );
}

/** Language codes compare case-insensitively (`pt-BR` and `pt-br` are one language). */
function key(language: string): string {
  return language.toLowerCase();
}

function describe(order: FollowedOrder): string {
  return `${order.orderId} (${order.language}, ${order.status})`;
}
