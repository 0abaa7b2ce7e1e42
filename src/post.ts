/**
 * The post step. The runner runs it after main in every case (`post-if: always()`), including
 * after a cancellation that killed main. When main finished on its own it has nothing to do and
 * sends no request, unless a Create Order call was left unaccounted for; otherwise it cancels the
 * orders main created and had not seen settled, and those a lost create made. Problems here are
 * warnings, never a failed job (as in actions/cache's post step).
 */
import type { ActionIO } from './io.ts';
import type { Clock, Sleep, Transport } from './runtime.ts';
import { readSavedState } from './state.ts';
import type { OllangClient } from './ollang/client.ts';
import { DEFAULT_API_URL, parseBooleanWord } from './inputs.ts';
import { isFinished } from './ollang/status.ts';
import { postClient } from './connect.ts';
import { cancelOrders, describeCancelResult, isStopped } from './orders/cancel.ts';
import { findOrdersOfLostCreate, type LostCreate } from './orders/lost-create.ts';
import { errorMessage } from './error-message.ts';

export interface PostContext {
  io: ActionIO;
  transport: Transport;
  clock: Clock;
  sleep: Sleep;
}

/**
 * Look-ups for a lost create's orders, this long apart: Ollang may save a call seconds late.
 * About 10 s in all, inside what the runner gives a post step after a cancellation.
 */
export const POST_LOST_CREATE_LOOKUPS_MS = [0, 2_000, 3_000, 4_000];

export async function post(context: PostContext): Promise<void> {
  const { io } = context;
  const log = io.log;
  try {
    const saved = readSavedState(io);
    // A main killed mid-download left its temporary files in the workspace.
    if (saved.downloadTemp) await (await import('./download/temp-files.ts')).removeLeftoverTempFiles(saved.downloadTemp, log);
    const lost = saved.createsInFlight;
    if (saved.mainFinished && lost.length === 0) {
      log.debug('Main finished on its own: nothing to clean up.');
      return;
    }
    // A main that finished left its own orders as it meant to (on-timeout: fail leaves them
    // running); only a Create Order it could not account for is still the post step's business.
    const settled = new Set(saved.settled);
    const left = saved.mainFinished ? [] : saved.created.filter((id) => !settled.has(id));
    const lostText = lost.map((call) => `orders a Create Order call for ${call.languages.join(', ')} may have made`);
    if (left.length === 0 && lost.length === 0) {
      log.info('Nothing to clean up: every order this run created has finished or was cancelled.');
      return;
    }
    const pending = [...left, ...lostText].join(', ');
    // Why there is anything to cancel: main finished on its own only when a create was left unaccounted for.
    const why = saved.mainFinished ? 'Create Order was never accounted for' : 'The run was aborted';
    if (!(parseBooleanWord(io.getInput('cancel-on-abort')) ?? true)) {
      log.warning(`${why} and cancel-on-abort is false: order(s) it created may still be running: ${pending}.`);
      return;
    }
    const apiKey = io.getInput('api-key').trim();
    if (apiKey) io.setSecret(apiKey);
    const apiUrl = (io.getInput('api-url').trim() || DEFAULT_API_URL).replace(/\/+$/, '');
    if (!apiKey || !/^https?:\/\//i.test(apiUrl)) {
      log.warning(`${why}, and the post step cannot reach Ollang to cancel ${pending} (no usable api-key or api-url).`);
      return;
    }
    const client = postClient({ apiUrl, apiKey, transport: context.transport, clock: context.clock, sleep: context.sleep, log });
    const known = new Set(saved.created);
    for (const call of lost) left.push(...(await findLostOrders(context, client, call, known)));
    if (left.length === 0) {
      log.info('Nothing to clean up: the run created no order that is still unfinished.');
      return;
    }
    log.info(`${saved.mainFinished ? why : `${why} before it finished`}: cancelling ${left.length} order(s) it created.`);
    const results = await cancelOrders(client, left, {
      concurrency: 16,
      onResult: (result) => {
        const line = `Order ${result.orderId}: ${describeCancelResult(result)}`;
        if (isStopped(result)) log.info(line);
        else log.warning(line);
      },
    });
    const failed = results.filter((r) => !isStopped(r));
    if (failed.length > 0) {
      log.warning(
        `Could not cancel ${failed.length} order(s): ${failed.map((r) => r.orderId).join(', ')}. Cancel them in the Ollang dashboard, or with mode: cancel.`,
      );
    }
  } catch (error) {
    log.warning(`Post step: ${errorMessage(error)}`);
  }
}

/** The unfinished orders a lost call made (child orders included), found the way main looks for them. */
async function findLostOrders(context: PostContext, client: OllangClient, call: LostCreate, known: ReadonlySet<string>): Promise<string[]> {
  const log = context.io.log;
  try {
    const found = await findOrdersOfLostCreate(client, call, {
      exclude: known,
      lookupsMs: POST_LOST_CREATE_LOOKUPS_MS,
      sleep: context.sleep,
    });
    const ids = found.filter((o) => !isFinished(o.status)).map((o) => o.id);
    log.info(
      `Create Order (${call.languages.join(', ')}) was never accounted for; ` +
        (ids.length > 0
          ? `found ${ids.length} unfinished order(s) it made: ${ids.join(', ')}.`
          : 'it made no order that is still unfinished.'),
    );
    return ids;
  } catch (error) {
    log.warning(
      `Create Order (${call.languages.join(', ')}) was never accounted for, and looking for the orders it may have made failed: ` +
        `${errorMessage(error)}. Check project ${call.projectId} in the Ollang dashboard.`,
    );
    return [];
  }
}
