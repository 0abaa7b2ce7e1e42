/**
 * OrderMemory backed by the Actions cache (manifest-cache.ts): a re-run, or the next push of
 * the same release, finds the orders an earlier run paid for without scanning List Orders.
 * Used only where the cache service is available, so runs outside GitHub pay no wait.
 */
import type { Log } from '../runtime.ts';
import type { FollowedOrder } from './followed.ts';
import type { OrderMemory } from './reuse.ts';
import type { OrderScope } from './scope.ts';
import type { OrderManifest } from './manifest-cache.ts';

type ManifestCache = typeof import('./manifest-cache.ts');

export async function openCacheMemory(options: {
  directory: string;
  log: Log;
  runId?: string;
  env: Record<string, string | undefined>;
}): Promise<OrderMemory | undefined> {
  const cache = await loadManifestCache(options.env);
  if (!cache) {
    options.log.debug('The Actions cache service is not available: looking for earlier orders with List Orders only.');
    return undefined;
  }
  // One manifest per scope: with media, one run recalls and remembers the orders of many projects.
  // They share one file path (the cache version is made from the paths, and must not change), so
  // the cache is used by one scope at a time.
  const restored = new Map<string, OrderManifest | undefined>();
  const scopeKey = (scope: OrderScope): string => cache.manifestKeyPrefix(scope.projectId, scope.orderType, scope.level);
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task);
    queue = result.catch(() => undefined);
    return result;
  };
  return {
    recall: (scope: OrderScope) =>
      oneAtATime(async () => {
        const manifest = await cache.restoreManifest(scope, options);
        restored.set(scopeKey(scope), manifest);
        const byLanguage = new Map<string, string[]>();
        // Newest first: the latest order for a language is the likeliest to be usable.
        for (const entry of [...(manifest?.orders ?? [])].reverse()) {
          const language = entry.language.toLowerCase();
          byLanguage.set(language, [...(byLanguage.get(language) ?? []), entry.orderId]);
        }
        return byLanguage;
      }),
    remember: (scope: OrderScope, orders: FollowedOrder[]) =>
      oneAtATime(async () => {
        // An order not read yet has no language: leave it out rather than spoil the manifest.
        const entries = orders
          .filter((o) => o.language)
          .map((o) => ({ orderId: o.orderId, language: o.language, createdAt: o.createdAt ?? new Date().toISOString() }));
        await cache.saveManifest(cache.mergeManifest(restored.get(scopeKey(scope)), scope, entries), options);
      }),
  };
}

/**
 * The manifest code (and through it @actions/cache, 2.4 MB with the Azure SDK), loaded only
 * where the runner announces a cache service: every version of it sets one of these variables.
 */
async function loadManifestCache(env: Record<string, string | undefined>): Promise<ManifestCache | undefined> {
  if (!env['ACTIONS_CACHE_URL'] && !env['ACTIONS_RESULTS_URL']) return undefined;
  const cache = await import('./manifest-cache.ts');
  return (await cache.isCacheAvailable()) ? cache : undefined;
}
