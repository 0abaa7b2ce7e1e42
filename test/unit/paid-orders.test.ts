/**
 * The ways a paid order could be bought twice, lost track of, or reported wrongly, each driven
 * on an injected clock against the simulator (whose lifecycles run on the same clock).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OllangSimulator } from '../simulator/index.ts';
import { OllangClient } from '../../src/ollang/client.ts';
import { OllangError } from '../../src/ollang/errors.ts';
import { nodeTransport } from '../../src/http/transport.ts';
import { chooseOrders, toFollowed } from '../../src/orders/choose.ts';
import { cancelOrder } from '../../src/orders/cancel.ts';
import { StateRecorder } from '../../src/state.ts';
import { createOrderDownloader } from '../../src/download/order-outputs.ts';
import { run } from '../../src/main.ts';
import type { ActionIO } from '../../src/io.ts';
import type { Settings } from '../../src/settings.ts';
import type { Log, Sleep, Transport } from '../../src/runtime.ts';

let now = Date.parse('2026-11-22T10:00:00Z');
const clock = (): number => now;
let onSleep: (() => Promise<void>) | undefined;
const sleep: Sleep = async (ms) => {
  now += ms;
  const hook = onSleep;
  onSleep = undefined;
  await hook?.();
};
const lines: string[] = [];
const log: Log = {
  debug: () => undefined,
  info: (m) => void lines.push(m),
  notice: (m) => void lines.push(`notice: ${m}`),
  warning: (m) => void lines.push(`warning: ${m}`),
  error: (m) => void lines.push(`error: ${m}`),
  group: (_name, fn) => fn(),
};

let simulator: OllangSimulator;
beforeAll(async () => {
  simulator = await OllangSimulator.start({
    now: clock,
    lifecycle: { pendingMs: 60_000, ongoingMs: 600_000, outputsLagMs: 30_000 },
  });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.reset();
  simulator.setFaults([]);
  lines.length = 0;
  onSleep = undefined;
});

function client(transport: Transport = nodeTransport): OllangClient {
  return new OllangClient({ baseUrl: simulator.url, apiKey: simulator.apiKey, transport, clock, sleep });
}

function settings(overrides: Partial<Settings> = {}): Settings {
  const workspace = mkdtempSync(path.join(tmpdir(), 'paid-'));
  return {
    apiKey: simulator.apiKey,
    apiUrl: simulator.url,
    projectId: 'proj-demo',
    targetLanguages: ['fr', 'es'],
    rushLanguages: [],
    orderType: 'subtitle',
    level: 0,
    autoQc: false,
    mode: 'run',
    orderIds: [],
    reuseOrders: true,
    timeoutMs: 3_600_000,
    pollIntervalMs: 30_000,
    onTimeout: 'fail',
    cancelOnAbort: true,
    outputDir: path.join(workspace, 'localized'),
    outputDirRelative: 'localized',
    workspace,
    download: new Set(['subtitles', 'vtt']),
    githubToken: '',
    prComment: false,
    dryRun: false,
    maxDownloadBytes: 1024 ** 3,
    ...overrides,
  };
}

const state = (): StateRecorder => new StateRecorder({ saveState: () => undefined });

describe('never pay twice', () => {
  it('a create the server saves after the connection dropped is found by a later look-up, not bought again', async () => {
    // The first create never reaches the simulator at once: it lands there only while the
    // action pauses between look-ups, as a slow server would save it.
    let held: Parameters<Transport>[0] | undefined;
    const slowSave: Transport = async (request) => {
      if (request.url.pathname.endsWith('/orders/create') && !held) {
        held = { ...request, signal: new AbortController().signal };
        onSleep = async () => void (await (await nodeTransport(held!)).body.text());
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      }
      return nodeTransport(request);
    };
    const chosen = await chooseOrders({ client: client(slowSave), settings: settings(), log, clock, sleep, state: state() });
    expect(simulator.count('create')).toBe(1);
    expect(
      simulator
        .orders()
        .map((o) => o.targetLanguage)
        .sort(),
    ).toEqual(['es', 'fr']);
    expect(chosen.followed.map((o) => o.created)).toEqual([true, true]);
  });

  it('an existing order it cannot read is not a reason to buy the language again', async () => {
    simulator.addOrder({ targetLanguage: 'fr', projectId: 'proj-demo', type: 'subtitle', level: 0, status: 'completed' });
    simulator.setFaults([{ route: 'get', kind: '503', times: 100 }]);
    await expect(chooseOrders({ client: client(), settings: settings(), log, clock, sleep, state: state() })).rejects.toThrow(
      /Could not check whether order .* \(fr\) can be reused/,
    );
    expect(simulator.count('create')).toBe(0);
  });

  it('a lost create never claims another level’s order', async () => {
    const other = simulator.addOrder({
      targetLanguage: 'fr',
      projectId: 'proj-demo',
      type: 'subtitle',
      level: 0,
      createdAt: new Date(now).toISOString(),
    });
    simulator.setFaults([{ route: 'create', kind: 'create-no-answer', times: 1 }]);
    const chosen = await chooseOrders({
      client: client(),
      settings: settings({ level: 1, targetLanguages: ['fr'], reuseOrders: false }),
      log,
      clock,
      sleep,
      state: state(),
    });
    expect(chosen.followed.map((o) => o.orderId)).not.toContain(other.id);
    expect(chosen.followed).toHaveLength(1);
    expect(chosen.followed[0]!.level).toBe(1);
  });
});

describe('never report what did not happen', () => {
  it('a human review Ollang refuses to cancel is an error, not a stopped order', async () => {
    const stub = {
      cancelOrder: async () => {
        throw new OllangError({ kind: 'http', status: 400, endpoint: 'Cancel Order', code: 'ORDER_NOT_CANCELLABLE' });
      },
      getOrder: async () => ({ id: 'o1', status: 'ongoing', level: 1, targetLanguage: 'fr', type: 'subtitle', orderDocs: [] }),
      cancelHumanReview: async () => ({ success: false, message: 'Review already started' }),
    } as unknown as OllangClient;
    const result = await cancelOrder(stub, 'o1');
    expect(result.outcome).toBe('error');
    expect(result.message).toContain('Review already started');
  });

  it('an order that published its VTT but never its SRT does not pass as delivered', async () => {
    const s = settings({ targetLanguages: ['fr'] });
    const api = client();
    const [created] = await api.createOrder({
      orderType: 'subtitle',
      level: 0,
      projectId: 'proj-demo',
      targetLanguageConfigs: [{ language: 'fr' }],
    });
    now += 3_600_000;
    const order = await api.getOrder(created!.orderId);
    const vttOnly = { ...order, orderDocs: order.orderDocs.filter((d) => d.type.startsWith('source')) };
    const followed = toFollowed(vttOnly, true);
    await createOrderDownloader({ settings: s, client: api, sleep, log, clock })(vttOnly, followed);
    expect(followed.files.some((f) => f.endsWith('.vtt'))).toBe(true);
    expect(followed.state).toBe('failed');
    expect(followed.problem).toMatch(/no subtitles output/);
  });

  it('a language whose order was read only during the wait is not reported as missing', async () => {
    simulator.setFaults([{ route: 'get', kind: '503', times: 6 }]);
    const workspace = mkdtempSync(path.join(tmpdir(), 'paid-run-'));
    const inputs: Record<string, string> = {
      'api-key': simulator.apiKey,
      'api-url': simulator.url,
      'project-id': 'proj-demo',
      'target-languages': 'fr',
      'poll-interval': '30s',
      timeout: '2h',
      'reuse-orders': 'false',
    };
    const outputs = new Map<string, string>();
    const failures: string[] = [];
    const io: ActionIO = {
      log,
      getInput: (name) => inputs[name] ?? '',
      setOutput: (k, v) => void outputs.set(k, v),
      saveState: () => undefined,
      getState: () => '',
      setSecret: () => undefined,
      setFailed: (m) => void failures.push(m),
      appendSummary: async () => undefined,
    };
    const outcome = await run({
      io,
      env: { GITHUB_WORKSPACE: workspace },
      cwd: workspace,
      transport: nodeTransport,
      clock,
      sleep,
      abort: new AbortController().signal,
    });
    expect(failures).toEqual([]);
    expect(outcome.exitCode).toBe(0);
    expect(outputs.get('status')).toBe('completed');
    expect(outcome.report?.languagesWithoutOrder).toEqual([]);
  });
});
