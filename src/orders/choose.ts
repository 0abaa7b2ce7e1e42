/**
 * Deciding which orders a run follows, so that each (project, type, level, language) is bought
 * once: given IDs as they are; otherwise, per project, reuse usable orders (reuse.ts), create only
 * the rest in one Create Order call for that project (create.ts), and settle with runs started
 * together (reuse.ts). With the media input there is one project per media content: each is
 * chosen for as soon as its project is known (while other files may still be uploading), a few
 * projects at a time, and one project's trouble never stops the others.
 */
import { OllangError } from '../ollang/errors.ts';
import type { Order } from '../ollang/schemas.ts';
import { errorMessage } from '../error-message.ts';
import { followOrder, type FollowedOrder } from './followed.ts';
import { createOrders, type CreateContext } from './create.ts';
import { findReusable, yieldToEarlierOrders, type OrderMemory, type RecentOrders } from './reuse.ts';
import { languageKey, type OrderScope } from './scope.ts';

/** What creating needs (create.ts), and what choosing adds to it. */
export interface ChooseContext extends CreateContext {
  memory?: OrderMemory;
  /** With many projects: one scan of the newest orders across them (reuse.ts). */
  recent?: RecentOrders;
}

/** What one project's orders are for. */
export interface ProjectTarget {
  projectId: string;
  /** Other projects made from the same content (media/projects.ts): orders placed on them are reused too. */
  otherProjectIds?: readonly string[];
  /** With the media input: the media files (workspace-relative) of the project's content. */
  media?: readonly string[];
  /** This run's upload just made the project and no other of its content was listed: no reuse look-up needed. */
  withoutOrders?: boolean;
  /**
   * Every project of the content, by a fresh search (media/projects.ts): after creating, the
   * earlier order of a language on any of them wins (yieldToEarlierOrders).
   */
  contentProjects?: () => Promise<readonly string[]>;
}

export interface PlannedOrders {
  /** Languages that would be (dry run) or could not yet be ordered; with media, "fr (videos/intro.mp4)". */
  create: string[];
  reuse: { language: string; orderId: string }[];
}

export interface ChosenOrders {
  followed: FollowedOrder[];
  /** Target languages with no order to follow (collect mode, dry run, or a create that missed them). */
  languagesWithoutOrder: string[];
  plan: PlannedOrders;
  /** Why creating some languages failed (the orders that were made are followed all the same). */
  failure?: string;
  /** Orders read whole while choosing (a reused order's confirmation), with when: the wait need not ask again. */
  fresh?: { order: Order; at: number }[];
}

/** Projects chosen for at once (each may snapshot, create and read its new orders). */
const PROJECTS_AT_ONCE = 4;

export async function chooseOrders(context: ChooseContext): Promise<ChosenOrders> {
  const { settings, log } = context;
  if (settings.orderIds.length > 0) {
    const followed = await Promise.all(settings.orderIds.map((id) => followGiven(context, id)));
    log.info(`Following ${followed.length} given order(s): ${followed.map(describe).join(', ')}`);
    return { followed, languagesWithoutOrder: [], plan: { create: [], reuse: [] } };
  }
  return chooseForProject(context, { projectId: settings.projectId });
}

/** One project's orders: reuse what exists (on any project of the same content), create the rest with one call. */
export async function chooseForProject(context: ChooseContext, target: ProjectTarget): Promise<ChosenOrders> {
  const { settings, log } = context;
  const scope: OrderScope = { projectId: target.projectId, orderType: settings.orderType, level: settings.level };
  const label = labeller(target);
  const lookedAt = context.clock();
  const reused =
    settings.reuseOrders && !target.withoutOrders
      ? await findReusableAcross(context, scope, target.otherProjectIds ?? [], settings.targetLanguages)
      : new Map<string, Order>();
  // The repository's listing shows only this repository's projects of the content; the file may
  // have another, in another repository, with the orders: a fresh search by key, before buying.
  if (settings.reuseOrders && !target.withoutOrders && target.contentProjects) {
    const missingHere = settings.targetLanguages.filter((language) => !reused.has(languageKey(language)));
    const checked = new Set([scope.projectId, ...(target.otherProjectIds ?? [])]);
    const [first, ...rest] = missingHere.length > 0 ? (await contentProjects(context, target)).filter((id) => !checked.has(id)) : [];
    if (first !== undefined) {
      for (const [language, order] of await findReusableAcross(context, { ...scope, projectId: first }, rest, missingHere))
        reused.set(language, order);
    }
  }
  const followed = [...reused.values()].map((order) =>
    withMedia(followOrder(order, { created: false, projectId: scope.projectId }), target),
  );
  const missing = settings.targetLanguages.filter((language) => !reused.has(languageKey(language)));
  const plan: PlannedOrders = {
    create: settings.mode === 'collect' ? [] : missing.map(label),
    reuse: followed.map((o) => ({ language: label(o.language), orderId: o.orderId })),
  };
  for (const o of followed) log.info(`Reusing order ${o.orderId} for ${label(o.language)} (${o.status}).`);
  const at = context.clock();
  const fresh = [...reused.values()].map((order) => ({ order, at }));

  if (settings.mode === 'collect' || settings.dryRun || missing.length === 0) {
    return { followed, languagesWithoutOrder: missing.map(label), plan, fresh };
  }

  const made = await createOrders(context, scope, missing);
  const created =
    settings.reuseOrders && made.followed.length > 0
      ? await yieldToEarlierOrders(
          context,
          scope,
          made.followed,
          await contentProjects(context, target),
          target.withoutOrders ? Infinity : context.clock() - lookedAt,
        )
      : made.followed;
  followed.push(...created.map((o) => withMedia(o, target)));
  const covered = new Set(followed.filter((o) => !o.type || o.type === scope.orderType).map((o) => languageKey(o.language)));
  const languagesWithoutOrder = settings.targetLanguages.filter((language) => !covered.has(languageKey(language))).map(label);
  // Remembered for later runs: the orders now followed for the scope (another run's where this one yielded).
  const remembered = created.filter((o) => o.type === scope.orderType);
  if (remembered.length > 0 && context.memory) await context.memory.remember(scope, remembered);
  return { followed, languagesWithoutOrder, plan, fresh, ...(made.failure ? { failure: made.failure } : {}) };
}

/**
 * Chooses for each project as `projects` hands it over (media/projects.ts settles them one by
 * one: a found project at once, an uploaded one when its upload ends), a few at a time. A
 * project whose choosing fails is named in `failure`; the others go on. A bad key or an abort
 * stops everything (thrown by `done`).
 */
export function chooseForProjects(context: ChooseContext): {
  add(target: ProjectTarget): void;
  done(): Promise<ChosenOrders>;
} {
  const results: ChosenOrders[] = [];
  const failures: string[] = [];
  const running: Promise<void>[] = [];
  const limit = limiter(PROJECTS_AT_ONCE);
  let fatal: unknown;
  return {
    add(target) {
      running.push(
        limit(async () => {
          if (fatal !== undefined) return;
          context.signal?.throwIfAborted();
          try {
            const chosen = await chooseForProject(context, target);
            results.push(chosen);
            if (chosen.failure) failures.push(chosen.failure);
          } catch (error) {
            if (isFatal(error) || context.signal?.aborted) {
              fatal ??= error;
              return;
            }
            const what = target.media?.length ? target.media.join(', ') : `project ${target.projectId}`;
            failures.push(`Choosing the orders for ${what} failed: ${errorMessage(error)}`);
            const label = labeller(target);
            results.push({
              followed: [],
              languagesWithoutOrder: context.settings.targetLanguages.map(label),
              plan: { create: [], reuse: [] },
            });
          }
        }).catch((error: unknown) => {
          fatal ??= error;
        }),
      );
    },
    async done() {
      // Projects may still be added while earlier ones run: wait until nothing is left.
      for (let seen = 0; seen < running.length; seen = running.length) await Promise.all(running.slice(seen));
      if (fatal !== undefined) throw fatal instanceof Error ? fatal : new Error(errorMessage(fatal));
      return {
        followed: results.flatMap((r) => r.followed),
        languagesWithoutOrder: results.flatMap((r) => r.languagesWithoutOrder),
        plan: { create: results.flatMap((r) => r.plan.create), reuse: results.flatMap((r) => r.plan.reuse) },
        fresh: results.flatMap((r) => r.fresh ?? []),
        ...(failures.length > 0 ? { failure: failures.join(' ') } : {}),
      };
    },
  };
}

/** Reusable orders of the scope, then, for the languages still missing, of the other projects of the same content. */
async function findReusableAcross(
  context: ChooseContext,
  scope: OrderScope,
  others: readonly string[],
  languages: string[],
): Promise<Map<string, Order>> {
  const found = await findReusable(context, scope, languages);
  for (const projectId of others) {
    const missing = languages.filter((language) => !found.has(languageKey(language)));
    if (missing.length === 0) break;
    for (const [language, order] of await findReusable(context, { ...scope, projectId }, missing)) found.set(language, order);
  }
  return found;
}

/** The other projects of the target's content: a fresh search, or (when it fails) those known before creating. */
async function contentProjects(context: ChooseContext, target: ProjectTarget): Promise<readonly string[]> {
  const known = target.otherProjectIds ?? [];
  if (!target.contentProjects) return known;
  try {
    const found = await target.contentProjects();
    return [...new Set([...known, ...found])].filter((id) => id !== target.projectId);
  } catch (error) {
    if (isFatal(error) || context.signal?.aborted) throw error;
    context.log.debug(`Could not list the projects of the same content again (${errorMessage(error)}).`);
    return known;
  }
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

function withMedia(order: FollowedOrder, target: ProjectTarget): FollowedOrder {
  if (target.media && target.media.length > 0) order.media = target.media;
  return order;
}

/** "fr", or with media "fr (videos/intro.mp4)": what a language means in this project's plan. */
function labeller(target: ProjectTarget): (language: string) => string {
  const media = target.media?.[0];
  return (language) => (media === undefined ? language : `${language} (${media})`);
}

function describe(order: FollowedOrder): string {
  return `${order.orderId} (${order.language}, ${order.status})`;
}

/** Errors no other project can get past: a bad key, or the run being aborted. */
function isFatal(error: unknown): boolean {
  return error instanceof OllangError && (error.status === 401 || error.kind === 'aborted');
}

/** Runs at most `limit` of the given tasks at a time, in the order they come. */
function limiter(limit: number): (task: () => Promise<void>) => Promise<void> {
  let active = 0;
  const queue: (() => void)[] = [];
  return (task) =>
    new Promise<void>((resolve, reject) => {
      const start = (): void => {
        active += 1;
        task()
          .then(resolve, reject)
          .finally(() => {
            active -= 1;
            queue.shift()?.();
          });
      };
      if (active < limit) start();
      else queue.push(start);
    });
}
