/**
 * The real @actions/cache against the local fake of the cache service v2. @actions/cache reads
 * its environment when called (lib/internal/config.js, cacheUtils.getRuntimeToken), not when
 * imported, so setting process.env in beforeEach is enough.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  isCacheAvailable,
  manifestKeyPrefix,
  mergeManifest,
  restoreManifest,
  saveManifest,
  type OrderManifest,
} from '../../src/orders/manifest-cache.ts';
import { openCacheMemory } from '../../src/orders/memory.ts';
import { followOrder } from '../../src/orders/followed.ts';
import { startCacheService, type FakeCacheService } from '../fakes/cache-service.ts';
import { recordingLog } from './run-helpers.ts';

const ENV_NAMES = [
  'ACTIONS_CACHE_SERVICE_V2',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_MODE',
  'GITHUB_SERVER_URL',
  'GITHUB_WORKSPACE',
  'RUNNER_TEMP',
] as const;

const scope = { projectId: 'proj_1', orderType: 'subtitle', level: 0 };

describe('order manifest in the Actions cache', () => {
  let service: FakeCacheService;
  let root: string;
  let directory: string;
  const saved: Partial<Record<(typeof ENV_NAMES)[number], string | undefined>> = {};

  /**
   * @actions/cache logs through @actions/core, which writes workflow commands straight to
   * process.stdout (not through console, which vitest would file under the test): some 300
   * `::debug::` lines a run, and the failures the last test provokes on purpose ("Failed to
   * save: ... 401") read like real ones in the test log. What it writes is kept per test,
   * printed only when that test fails, and read by the tests that expect a line.
   */
  let written: string[] = [];
  let stdout: MockInstance<typeof process.stdout.write> | undefined;
  beforeEach((context) => {
    written = [];
    const original = process.stdout.write.bind(process.stdout);
    stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    });
    context.onTestFailed(() => {
      original(`--- what @actions/cache wrote to stdout during "${context.task.name}" ---\n${written.join('')}--- end ---\n`);
    });
  });
  afterEach(() => {
    stdout?.mockRestore();
  });

  beforeEach(async () => {
    for (const name of ENV_NAMES) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
    service = await startCacheService();
    root = await mkdtemp(path.join(tmpdir(), 'manifest-cache-'));
    directory = path.join(root, 'runner-temp', 'ollang');
    // tar runs in GITHUB_WORKSPACE, which the runner always creates.
    await mkdir(path.join(root, 'workspace'), { recursive: true });
    Object.assign(process.env, service.env, {
      // Any other server URL makes @actions/cache think GHES and speak the v1 protocol.
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKSPACE: path.join(root, 'workspace'),
      RUNNER_TEMP: path.join(root, 'runner-temp'),
    });
  });

  afterEach(async () => {
    await service.close();
    await rm(root, { recursive: true, force: true });
    for (const name of ENV_NAMES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('names entries by a hash of the scope, with no raw user text', () => {
    const prefix = manifestKeyPrefix('proj,1 secret', 'subtitle', 0);
    expect(prefix).toMatch(/^ollang-orders-v1-[0-9a-f]{16}-$/);
    expect(manifestKeyPrefix('proj,1 secret', 'subtitle', 1)).not.toBe(prefix);
    expect(manifestKeyPrefix('proj,1 secret', 'cc', 0)).not.toBe(prefix);
  });

  it('isCacheAvailable follows the runner environment', async () => {
    expect(await isCacheAvailable()).toBe(true);
    delete process.env['ACTIONS_RESULTS_URL'];
    delete process.env['ACTIONS_CACHE_URL'];
    expect(await isCacheAvailable()).toBe(false);
    for (const name of ENV_NAMES) delete process.env[name];
    expect(await isCacheAvailable()).toBe(false);
  });

  it('restores nothing on a miss, then what was saved, then the merged newest entry', async () => {
    const log = recordingLog();
    expect(await restoreManifest(scope, { directory, log })).toBeUndefined();
    expect(log.at('warning')).toEqual([]);

    const first = mergeManifest(undefined, scope, [{ orderId: 'ord_fr', language: 'fr', createdAt: '2024-01-01T00:00:00Z' }]);
    await saveManifest(first, { directory, log, runId: '111' });
    expect(log.at('warning')).toEqual([]);
    expect(service.entries()).toHaveLength(1);
    expect(service.entries()[0]?.key).toMatch(new RegExp(`^${manifestKeyPrefix('proj_1', 'subtitle', 0)}111-`));

    // A stale file in the directory must not pass for the restored one.
    await rm(directory, { recursive: true, force: true });
    const restored = await restoreManifest(scope, { directory, log });
    expect(restored).toEqual(first);

    // The next run merges: fr stays once with its first createdAt, es is added.
    const second = mergeManifest(restored, scope, [
      { orderId: 'ord_fr', language: 'fr', createdAt: '2024-02-02T00:00:00Z' },
      { orderId: 'ord_es', language: 'es', createdAt: '2024-02-02T00:00:00Z' },
    ]);
    expect(second.orders).toEqual([
      { orderId: 'ord_fr', language: 'fr', createdAt: '2024-01-01T00:00:00Z' },
      { orderId: 'ord_es', language: 'es', createdAt: '2024-02-02T00:00:00Z' },
    ]);
    await saveManifest(second, { directory, log, runId: '222' });
    expect(service.entries()).toHaveLength(2);

    const newest = await restoreManifest(scope, { directory, log });
    expect(newest?.orders.map((o) => o.orderId)).toEqual(['ord_fr', 'ord_es']);
    expect(log.at('warning')).toEqual([]);
    expect(service.requests.some((r) => r.method === 'PUT')).toBe(true);
    expect(service.requests.some((r) => r.method === 'GET')).toBe(true);
  });

  it('openCacheMemory with many scopes in one run (media: a project per file): each scope merges with its own earlier orders', async () => {
    const log = recordingLog();
    const a = scope;
    const b = { ...scope, projectId: 'proj_2' };
    await saveManifest(mergeManifest(undefined, a, [{ orderId: 'old_a', language: 'fr', createdAt: '2024-01-01T00:00:00Z' }]), {
      directory,
      log,
      runId: '1',
    });
    const memory = (await openCacheMemory({ directory, log, env: process.env, runId: '2' }))!;
    // Recalled at once, as chooseForProjects does for several projects.
    const [recalledA] = await Promise.all([memory.recall(a), memory.recall(b)]);
    expect([...recalledA]).toEqual([['fr', ['old_a']]]);
    const es = followOrder(
      { id: 'new_a', status: 'pending', targetLanguage: 'es', type: 'subtitle', createdAt: '2024-02-02T00:00:00Z', orderDocs: [] },
      { created: true },
    );
    await memory.remember(a, [es]);
    const newest = await restoreManifest(a, { directory, log });
    expect(newest?.orders.map((o) => o.orderId)).toEqual(['old_a', 'new_a']);
  });

  it('keeps scopes apart, and a manifest of another scope is never merged', async () => {
    const log = recordingLog();
    await saveManifest(mergeManifest(undefined, scope, [{ orderId: 'a', language: 'fr', createdAt: 'x' }]), {
      directory,
      log,
    });
    expect(service.entries()).toHaveLength(1);
    expect(await restoreManifest(scope, { directory, log })).toBeDefined();
    expect(await restoreManifest({ ...scope, level: 1 }, { directory, log })).toBeUndefined();
    expect(await restoreManifest({ ...scope, orderType: 'cc' }, { directory, log })).toBeUndefined();

    const foreign: OrderManifest = {
      version: 1,
      projectId: 'other',
      orderType: 'cc',
      level: 1,
      orders: [{ orderId: 'z', language: 'de', createdAt: 'x' }],
    };
    expect(mergeManifest(foreign, scope, []).orders).toEqual([]);
  });

  it('ignores a cached manifest of the wrong shape, with a warning', async () => {
    const log = recordingLog();
    const broken = { version: 1, projectId: 'proj_1', orderType: 'subtitle', level: 0, orders: [{ orderId: 5 }] };
    await saveManifest(broken as unknown as OrderManifest, { directory, log });
    expect(service.entries()).toHaveLength(1);
    expect(await restoreManifest(scope, { directory, log })).toBeUndefined();
    expect(log.at('warning').join('\n')).toContain('not in the expected shape');
  });

  it('writes the file it caches as plain JSON, and no token in it', async () => {
    const log = recordingLog();
    const manifest = mergeManifest(undefined, scope, [{ orderId: 'ord_fr', language: 'fr', createdAt: 't' }]);
    await saveManifest(manifest, { directory, log });
    expect(service.entries()).toHaveLength(1);
    const text = await readFile(path.join(directory, 'ollang-order-manifest.json'), 'utf8');
    expect(JSON.parse(text)).toEqual(manifest);
    expect(text).not.toContain(service.env['ACTIONS_RUNTIME_TOKEN'] ?? '<none>');
  });

  it('never throws when the service refuses or is gone', async () => {
    const log = recordingLog();
    process.env['ACTIONS_RUNTIME_TOKEN'] = 'wrong-token';
    await expect(saveManifest(mergeManifest(undefined, scope, []), { directory, log })).resolves.toBeUndefined();
    expect(log.at('warning').length).toBeGreaterThan(0);
    // @actions/cache's own account of the refusal, kept out of the test log (see beforeEach).
    expect(written.join('')).toMatch(/Failed to save: Unable to reserve cache/);
    await expect(restoreManifest(scope, { directory, log })).resolves.toBeUndefined();

    // A leftover file from before is not mistaken for a restored manifest.
    await writeFile(path.join(directory, 'ollang-order-manifest.json'), JSON.stringify(mergeManifest(undefined, scope, [])));
    await service.close();
    process.env['ACTIONS_RUNTIME_TOKEN'] = service.env['ACTIONS_RUNTIME_TOKEN'] ?? '';
    await expect(restoreManifest(scope, { directory, log })).resolves.toBeUndefined();
    await expect(saveManifest(mergeManifest(undefined, scope, []), { directory, log })).resolves.toBeUndefined();
    service = await startCacheService(); // for afterEach
  });
});
