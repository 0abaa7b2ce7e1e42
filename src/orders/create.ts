/**
 * Creating a project's missing languages with one Create Order call, so that nothing is bought
 * twice and nothing bought is left behind.
 *
 * Create Order has no idempotency key. Right before the first call, one List Orders page records
 * what the project already had (lost-create.ts); the call is saved in state first, so that a kill
 * leaves the post step enough to find its orders. After an answer we cannot read, the orders the
 * call may have made are looked for (new since the snapshot) before anything is created again,
 * and only the languages still missing are. A refusal that made nothing (429) is sent again
 * after the pause asked for; any other answered error is final. Every order found or answered
 * is this run's: it is followed and reported, even when creating the rest fails.
 */
import type { CreateOrderRequest, OllangClient } from '../ollang/client.ts';
import { OllangError, explainError } from '../ollang/errors.ts';
import { isRetryable, maxRetryAfterMs } from '../ollang/retry.ts';
import type { Order } from '../ollang/schemas.ts';
import type { Settings } from '../settings.ts';
import type { Clock, Log, Sleep } from '../runtime.ts';
import type { StateRecorder } from '../state.ts';
import { errorMessage } from '../error-message.ts';
import { formatDuration } from '../duration.ts';
import { followOrder, followUnread, type FollowedOrder } from './followed.ts';
import { createWindowEnd, findOrdersOfLostCreate, snapshotProject, type LostCreate, type ProjectSnapshot } from './lost-create.ts';
import { languageKey, type OrderScope } from './scope.ts';

/**
 * Create Order calls for one set of languages: the first, and more only after an ambiguous
 * failure whose orders the look-ups did not find (so no attempt can buy twice).
 */
const MAX_CREATE_ATTEMPTS = 4;
/** Pause before creating again (doubling; longer when Retry-After asks): a struggling API gets a moment. */
const CREATE_RETRY_PAUSE_MS = 1_000;
/** After a lost create, look-ups this long apart (a late save shows up); a time-out adds a longer one. */
const LOST_CREATE_LOOKUPS_MS = [0, 1_000, 3_000];
const LOST_CREATE_LOOKUP_AFTER_TIMEOUT_MS = 10_000;

export interface CreateContext {
  client: OllangClient;
  settings: Settings;
  log: Log;
  clock: Clock;
  sleep: Sleep;
  signal?: AbortSignal;
  state: StateRecorder;
}

export interface Created {
  /** Every order this run made for the scope: answered, found after a lost answer, child orders. */
  followed: FollowedOrder[];
  /** Why some languages have no order, when creating them failed in the end. */
  failure?: string;
}

export async function createOrders(context: CreateContext, scope: OrderScope, languages: string[]): Promise<Created> {
  const { client, log, state } = context;
  let before: ProjectSnapshot;
  try {
    before = await snapshotProject(client, scope.projectId);
  } catch (error) {
    if (isFatal(error)) throw error;
    throw new Error(
      `Could not list the orders of project ${scope.projectId} right before creating ${languages.join(', ')}, so nothing was ordered ` +
        `(without that list, an order made by a lost answer could not be told from an older one): ${errorMessage(error)}`,
      { cause: error },
    );
  }
  const record: LostCreate = { ...scope, languages, sentAt: new Date(context.clock()).toISOString(), before };
  /** Every order of ours, by ID: Get Order's view where we have it. */
  const ours = new Map<string, Order | undefined>();
  let missing = languages;
  let failure: string | undefined;

  for (let attempt = 1; missing.length > 0; attempt++) {
    log.info(`Creating ${scope.orderType} orders (level ${scope.level}) for ${missing.join(', ')}.`);
    // Saved before sending: if main dies before the answer, the post step looks for this call's orders.
    // Each call's orders are stamped before its answer is given up: later ones are another run's.
    const until = createWindowEnd(client);
    if (until !== undefined) record.until = until;
    state.recordCreateSent({ ...record, languages: missing });
    try {
      const answered = await client.createOrder(createRequest(context.settings, scope, missing));
      const ids = answered.map((c) => c.orderId);
      state.recordCreated(ids);
      const read = await Promise.all(ids.map((id) => readCreated(context, id)));
      ids.forEach((id, index) => ours.set(id, read[index]));
      // An answer that covers fewer languages than asked: did the call make them all the same? An
      // answered order not read yet may be any language: the look-up leaves out every answered ID.
      const short = notCovered(missing, scope, ours);
      const lookupFailure =
        short.length > 0
          ? await recover(context, { ...record, languages: short }, ours, [0], 'the call made but left out of its answer')
          : undefined;
      const answeredNone = `Create Order answered no order${[...ours.values()].includes(undefined) ? ' it could read' : ''}`;
      if (lookupFailure !== undefined) {
        // Nobody can tell whether those orders exist: the post step looks for them once more.
        state.recordCreateSent({ ...record, languages: short });
        failure =
          `${answeredNone} for ${short.join(', ')} in project ${scope.projectId}, and looking for one it may have made failed ` +
          `(${lookupFailure}): the post step looks for it again.`;
        break;
      }
      state.recordCreateSettled(scope.projectId);
      missing = uncovered(missing, scope, ours);
      if (missing.length > 0) failure = `${answeredNone} for ${missing.join(', ')} in project ${scope.projectId}.`;
      break;
    } catch (error) {
      // Refused before anything was made (429, a request never sent): the same call again, no look-up.
      const pause = notProcessed(error) && attempt < MAX_CREATE_ATTEMPTS ? createPause(context, attempt, error) : undefined;
      if (pause !== undefined) {
        log.warning(`Create Order made nothing (${errorMessage(error)}): sending it again in ${formatDuration(pause)}.`);
        await context.sleep(pause, context.signal);
        continue;
      }
      if (!(error instanceof OllangError) || !error.ambiguous) {
        state.recordCreateSettled(scope.projectId);
        if (isFatal(error) || context.signal?.aborted) throw error;
        failure = createFailure(error, missing, scope.projectId);
        break;
      }
      log.warning(
        `Create Order got no usable answer (${error.message}). It may still have created orders: looking for them before creating anything again.`,
      );
      // A call that timed out may still be in the server's hands: look longer before ordering again.
      const lookups = error.kind === 'timeout' ? [...LOST_CREATE_LOOKUPS_MS, LOST_CREATE_LOOKUP_AFTER_TIMEOUT_MS] : LOST_CREATE_LOOKUPS_MS;
      const lookupFailure = await recover(context, { ...record, languages: missing }, ours, lookups, 'the lost call created');
      if (lookupFailure !== undefined) {
        // Creating again without knowing what the lost call made could buy twice: stop here. The
        // in-flight record stays, so the post step looks for this call's orders once more.
        failure = `${createFailure(error, missing, scope.projectId)}; looking for what it made failed too (${lookupFailure}), so nothing more was ordered.`;
        break;
      }
      missing = uncovered(missing, scope, ours);
      if (missing.length === 0) state.recordCreateSettled(scope.projectId);
      else if (attempt === MAX_CREATE_ATTEMPTS) {
        // The in-flight record stays: the post step looks for this call's orders once more.
        failure = createFailure(error, missing, scope.projectId);
        break;
      } else await context.sleep(CREATE_RETRY_PAUSE_MS * 2 ** (attempt - 1), context.signal);
    }
  }

  warnOnLevelScale(context, scope, ours);
  const followed = [...ours].map(([orderId, order]) =>
    order ? followOrder(order, { created: true, projectId: scope.projectId }) : followUnread(orderId, scope.projectId),
  );
  return { followed, ...(failure ? { failure } : {}) };
}

function createRequest(settings: Settings, scope: OrderScope, languages: string[]): CreateOrderRequest {
  const rush = new Set(settings.rushLanguages.map(languageKey));
  return {
    orderType: scope.orderType,
    level: scope.level,
    projectId: scope.projectId,
    targetLanguageConfigs: languages.map((language) => ({ language, isRush: rush.has(languageKey(language)) })),
    ...(settings.orderSubType ? { orderSubType: settings.orderSubType } : {}),
    ...(settings.dubbingStyle ? { dubbingStyle: settings.dubbingStyle } : {}),
    ...(settings.callbackUrl ? { callbackUrl: settings.callbackUrl } : {}),
    ...(settings.autoQc ? { autoQc: true } : {}),
  };
}

/**
 * Looks for the call's orders, and makes every one found this run's (state first). Returns why
 * the look-up itself failed, if it did (then nobody can tell what the call made).
 */
async function recover(
  context: CreateContext,
  call: LostCreate,
  ours: Map<string, Order | undefined>,
  lookupsMs: readonly number[],
  what: string,
): Promise<string | undefined> {
  let found: Order[];
  try {
    found = await findOrdersOfLostCreate(context.client, call, {
      exclude: new Set(ours.keys()),
      lookupsMs,
      sleep: context.sleep,
      ...(context.signal ? { signal: context.signal } : {}),
    });
  } catch (error) {
    if (isFatal(error) || context.signal?.aborted) throw error;
    context.log.warning(`Looking for the orders ${what} failed: ${errorMessage(error)}.`);
    return errorMessage(error);
  }
  if (found.length === 0) return undefined;
  context.state.recordCreated(found.map((o) => o.id));
  for (const order of found) ours.set(order.id, order);
  context.log.info(`Found ${found.length} order(s) ${what}: ${found.map((o) => `${o.targetLanguage} ${o.type} ${o.id}`).join(', ')}.`);
  return undefined;
}

/**
 * The create answer's order is not a language mapping (docs/ollang-api.md): ask each order. One
 * Get Order cannot read now is followed all the same (the wait fills in its language), since
 * failing here would leave a paid order behind with nobody waiting for it.
 */
async function readCreated(context: CreateContext, orderId: string): Promise<Order | undefined> {
  try {
    return await context.client.getOrder(orderId);
  } catch (error) {
    if (isFatal(error)) throw error;
    context.log.warning(`Could not read new order ${orderId} yet (${errorMessage(error)}); following it anyway.`);
    return undefined;
  }
}

/**
 * The languages no order of ours covers (of the requested type: a child order of another type
 * covers nothing). While an order of ours is unread its language is unknown: then nothing is
 * counted missing, so that nothing is bought twice.
 */
function uncovered(languages: string[], scope: OrderScope, ours: ReadonlyMap<string, Order | undefined>): string[] {
  return [...ours.values()].includes(undefined) ? [] : notCovered(languages, scope, ours);
}

/** The languages no order of ours that has been read covers (of the requested type). */
function notCovered(languages: string[], scope: OrderScope, ours: ReadonlyMap<string, Order | undefined>): string[] {
  const covered = new Set(
    [...ours.values()].filter((o) => o !== undefined && o.type === scope.orderType).map((o) => languageKey(o!.targetLanguage)),
  );
  return languages.filter((language) => !covered.has(languageKey(language)));
}

/**
 * Ollang's reference shows `level` on an older 1/2/3 scale (docs/ollang-api.md). Our own new
 * orders tell which scale this account is on: say so when it is not ours, since reuse through
 * List Orders then cannot recognise an order's level.
 */
function warnOnLevelScale(context: CreateContext, scope: OrderScope, ours: ReadonlyMap<string, Order | undefined>): void {
  const other = [...ours.values()].find((o) => o && o.type === scope.orderType && o.level !== undefined && o.level !== scope.level);
  if (!other) return;
  context.log.warning(
    `Ollang reports level ${other.level} for order ${other.id}, created with level ${scope.level}: its levels are on another scale ` +
      'than the one the action sends. Reuse finds this run’s orders through the Actions cache, but not through List Orders.',
  );
}

/**
 * A Create Order failure that made nothing: answered before processing (429, 408), or never sent.
 * Anything that may have been processed is `ambiguous` (src/ollang/client.ts).
 */
function notProcessed(error: unknown): error is OllangError {
  return error instanceof OllangError && !error.ambiguous && error.kind !== 'aborted' && isRetryable(error);
}

/**
 * The pause before Create Order call `attempt + 1`: doubling from a second, or the Retry-After
 * asked for when longer (capped as for reads); undefined when it would end past the client's
 * deadline.
 */
function createPause(context: CreateContext, attempt: number, error: OllangError): number | undefined {
  const pause = Math.max(CREATE_RETRY_PAUSE_MS * 2 ** (attempt - 1), Math.min(error.retryAfterMs ?? 0, maxRetryAfterMs));
  const deadline = context.client.retryDeadline();
  return deadline !== undefined && context.clock() + pause > deadline ? undefined : pause;
}

function createFailure(error: unknown, languages: string[], projectId: string): string {
  return explainError(error, `Creating orders for ${languages.join(', ')} in project ${projectId} failed: ${errorMessage(error)}`);
}

/** Errors no look-up can get past: a bad key, or the run being aborted. */
function isFatal(error: unknown): boolean {
  return error instanceof OllangError && (error.status === 401 || error.kind === 'aborted');
}
