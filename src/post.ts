/**
 * The post step. The runner runs it after main in every case (`post-if: always()`), including
 * after a cancellation that killed main. When main finished on its own it has nothing to do and
 * sends no request; otherwise it cancels the orders main created and had not seen settled.
 * Problems here are warnings, never a failed job (as in actions/cache's post step).
 */
import type { ActionIO } from './io.ts';
import type { Clock, Fetch, Sleep } from './runtime.ts';
import { readSavedState } from './state.ts';
import { OllangClient } from './ollang/client.ts';
import { cancelOrders, describeCancelResult, isStopped } from './orders/cancel.ts';

export interface PostContext {
  io: ActionIO;
  fetch: Fetch;
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
    if (saved.mainFinished) {
      log.debug('Main finished on its own: nothing to clean up.');
      return;
    }
    const settled = new Set(saved.settled);
    const left = saved.created.filter((id) => !settled.has(id));
    if (left.length === 0) {
      log.info('Nothing to clean up: every order this run created has finished or was cancelled.');
      return;
    }
    if (!parseBoolean(io.getInput('cancel-on-abort'), true)) {
      log.warning(`The run was aborted and cancel-on-abort is false: ${left.length} order(s) it created may still be running: ${left.join(', ')}.`);
      return;
    }
    const apiKey = io.getInput('api-key').trim();
    if (apiKey) io.setSecret(apiKey);
    const apiUrl = (io.getInput('api-url').trim() || 'https://api-integration.ollang.com').replace(/\/+$/, '');
    if (!apiKey || !/^https?:\/\//i.test(apiUrl)) {
      log.warning(`The run was aborted, and the post step cannot reach Ollang to cancel ${left.join(', ')} (no usable api-key or api-url).`);
      return;
    }
    const startedAt = context.clock();
    const client = new OllangClient({
      baseUrl: apiUrl,
      apiKey,
      fetch: context.fetch,
      sleep: context.sleep,
      clock: context.clock,
      requestTimeoutMs: 10_000,
      deadline: () => startedAt + POST_BUDGET_MS,
    });
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
      log.warning(`Could not cancel ${failed.length} order(s): ${failed.map((r) => r.orderId).join(', ')}. Cancel them in the Ollang dashboard, or with mode: cancel.`);
    }
  } catch (error) {
    log.warning(`Post step: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseBoolean(text: string, fallback: boolean): boolean {
  const value = text.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  return fallback;
}
