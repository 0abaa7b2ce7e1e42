/**
 * The post step. The runner runs it after main in every case (`post-if: always()`), including
 * after a cancellation that killed main. When main finished on its own it has nothing to do and
 * sends no request; otherwise it cancels the orders main created and had not seen settled.
 * Problems here are warnings, never a failed job (as in actions/cache's post step).
 */
import type { ActionIO } from './io.ts';
import type { Clock, Sleep, Transport } from './runtime.ts';
import { readSavedState, type CreateInFlight } from './state.ts';
import { OllangClient } from './ollang/client.ts';
import { parseBooleanWord } from './inputs.ts';
import { isFinished } from './ollang/status.ts';
import { cancelOrders, describeCancelResult, isStopped } from './orders/cancel.ts';
import { findOrdersOfLostCreate } from './orders/choose.ts';
import { errorMessage } from './error-message.ts';

export interface PostContext {
  io: ActionIO;
  transport: Transport;
  clock: Clock;
  sleep: Sleep;
}

/** Long enough for a few retries, short enough for the runner's post-step patience after a cancel. */
const POST_BUDGET_MS = 60_000;

export async function post(context: PostContext): Promise<void> {
  const { io } = context;
  const log = io.log;
  try {
    const saved = readSavedState(io);
    // A main killed mid-download left its temporary files in the workspace.
    if (saved.downloadTemp) await (await import('./download/temp-files.ts')).removeLeftoverTempFiles(saved.downloadTemp, log);
    if (saved.mainFinished && !saved.createInFlight) {
      log.debug('Main finished on its own: nothing to clean up.');
      return;
    }
    // A main that finished left its own orders as it meant to (on-timeout: fail leaves them
    // running); only a Create Order it could not account for is still the post step's business.
    const settled = new Set(saved.settled);
    const left = saved.mainFinished ? [] : saved.created.filter((id) => !settled.has(id));
    // Main was killed while a Create Order call was in flight: its orders are found by listing.
    const lost = saved.createInFlight;
    const lostText = lost ? `orders a Create Order call for ${lost.languages.join(', ')} may have made` : '';
    if (left.length === 0 && !lost) {
      log.info('Nothing to clean up: every order this run created has finished or was cancelled.');
      return;
    }
    if (!(parseBooleanWord(io.getInput('cancel-on-abort')) ?? true)) {
      log.warning(
        `The run was aborted and cancel-on-abort is false: order(s) it created may still be running: ${[...left, lostText].filter(Boolean).join(', ')}.`,
      );
      return;
    }
    const apiKey = io.getInput('api-key').trim();
    if (apiKey) io.setSecret(apiKey);
    const apiUrl = (io.getInput('api-url').trim() || 'https://api-integration.ollang.com').replace(/\/+$/, '');
    if (!apiKey || !/^https?:\/\//i.test(apiUrl)) {
      log.warning(
        `The run was aborted, and the post step cannot reach Ollang to cancel ${[...left, lostText].filter(Boolean).join(', ')} (no usable api-key or api-url).`,
      );
      return;
    }
    const startedAt = context.clock();
    const client = new OllangClient({
      baseUrl: apiUrl,
      apiKey,
      transport: context.transport,
      sleep: context.sleep,
      clock: context.clock,
      requestTimeoutMs: 10_000,
      deadline: () => startedAt + POST_BUDGET_MS,
    });
    if (lost) left.push(...(await findLostOrders(context, client, lost, saved.created)));
    if (left.length === 0) {
      log.info('Nothing to clean up: the run created no order that is still unfinished.');
      return;
    }
    log.info(`The run was aborted before it finished: cancelling ${left.length} order(s) it created.`);
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

/** Unfinished orders of the scope created since just before the lost call (the same look-up main does after an ambiguous create). */
async function findLostOrders(context: PostContext, client: OllangClient, lost: CreateInFlight, known: string[]): Promise<string[]> {
  const log = context.io.log;
  try {
    const found = await findOrdersOfLostCreate(
      client,
      {
        projectId: lost.projectId,
        orderType: lost.orderType,
        ...(lost.level !== undefined ? { level: lost.level } : {}),
        languages: lost.languages,
        since: Date.parse(lost.since),
      },
      { exclude: new Set(known) },
    );
    const ids = found.filter((o) => !isFinished(o.status)).map((o) => o.id);
    log.info(
      `Create Order (${lost.languages.join(', ')}) was never answered; ` +
        (ids.length > 0
          ? `found ${ids.length} unfinished order(s) it made: ${ids.join(', ')}.`
          : 'it made no order that is still unfinished.'),
    );
    return ids;
  } catch (error) {
    log.warning(
      `Create Order (${lost.languages.join(', ')}) was never answered, and looking for the orders it may have made failed: ` +
        `${errorMessage(error)}. Check project ${lost.projectId} in the Ollang dashboard.`,
    );
    return [];
  }
}
