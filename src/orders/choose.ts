/**
 * Deciding which orders a run follows, so that each (project, type, level, language) is bought
 * once: given IDs as they are; otherwise reuse usable orders (reuse.ts), create only the rest in
 * one Create Order call (create.ts), and settle with runs started together (reuse.ts).
 */
import type { OllangClient } from '../ollang/client.ts';
import { OllangError } from '../ollang/errors.ts';
import type { Order } from '../ollang/schemas.ts';
import type { Settings } from '../settings.ts';
import type { Clock, Log, Sleep } from '../runtime.ts';
import type { StateRecorder } from '../state.ts';
import { followOrder, type FollowedOrder } from './followed.ts';
import { createOrders } from './create.ts';
import { findReusable, yieldToEarlierOrders, type OrderMemory } from './reuse.ts';
import { languageKey, type OrderScope } from './scope.ts';

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
  /** Why creating some languages failed (the orders that were made are followed all the same). */
  failure?: string;
}

export async function chooseOrders(context: ChooseContext): Promise<ChosenOrders> {
  const { settings, log } = context;
  if (settings.orderIds.length > 0) {
    const followed = await Promise.all(settings.orderIds.map((id) => followGiven(context, id)));
    log.info(`Following ${followed.length} given order(s): ${followed.map(describe).join(', ')}`);
    return { followed, languagesWithoutOrder: [], plan: { create: [], reuse: [] } };
  }

  const scope: OrderScope = { projectId: settings.projectId, orderType: settings.orderType, level: settings.level };
  const reused = settings.reuseOrders ? await findReusable(context, scope, settings.targetLanguages) : new Map<string, Order>();
  const followed = [...reused.values()].map((order) => followOrder(order, { created: false, projectId: scope.projectId }));
  const missing = settings.targetLanguages.filter((language) => !reused.has(languageKey(language)));
  const plan = {
    create: settings.mode === 'collect' ? [] : missing,
    reuse: followed.map((o) => ({ language: o.language, orderId: o.orderId })),
  };
  for (const o of followed) log.info(`Reusing order ${o.orderId} for ${o.language} (${o.status}).`);

  if (settings.mode === 'collect' || settings.dryRun || missing.length === 0) {
    return { followed, languagesWithoutOrder: missing, plan };
  }

  const made = await createOrders(context, scope, missing);
  const created =
    settings.reuseOrders && made.followed.length > 0 ? await yieldToEarlierOrders(context, scope, made.followed) : made.followed;
  followed.push(...created);
  const covered = new Set(followed.filter((o) => !o.type || o.type === scope.orderType).map((o) => languageKey(o.language)));
  const languagesWithoutOrder = settings.targetLanguages.filter((language) => !covered.has(languageKey(language)));
  // Remembered for later runs: the orders now followed for the scope (another run's where this one yielded).
  const remembered = created.filter((o) => o.type === scope.orderType);
  if (remembered.length > 0 && context.memory) await context.memory.remember(scope, remembered);
  return { followed, languagesWithoutOrder, plan, ...(made.failure ? { failure: made.failure } : {}) };
}

/** A given order ID: followed as it is, never created, never cancelled on abort. */
async function followGiven(context: ChooseContext, orderId: string): Promise<FollowedOrder> {
  try {
    return followOrder(await context.client.getOrder(orderId), { created: false });
  } catch (error) {
    if (error instanceof OllangError && error.status === 404) {
      throw new Error(`Input 'order-ids': Ollang has no order ${orderId} (${error.message}).`, { cause: error });
    }
    throw error;
  }
}

function describe(order: FollowedOrder): string {
  return `${order.orderId} (${order.language}, ${order.status})`;
}
