/**
 * Remembers, in the Actions cache, the orders earlier runs created, so that a re-run (or the
 * next push) finds them even where List Orders is slow to show a new order, and does not pay
 * twice.
 *
 * Cache entries are immutable: every save writes a new key under a common prefix, and a restore
 * by that prefix returns the newest. The caller merges the restored manifest's entries with the
 * new ones (mergeManifest) before saving, so the newest entry holds them all.
 *
 * Caching is a help, never a requirement: nothing here throws, a failure is a warning.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Log } from '../runtime.ts';
import { errorMessage } from '../error-message.ts';
import type { OrderScope } from './scope.ts';

export interface ManifestEntry {
  orderId: string;
  language: string;
  createdAt: string;
}

export interface OrderManifest {
  version: 1;
  projectId: string;
  orderType: string;
  level: number;
  orders: ManifestEntry[];
}

/** The file the cache stores; its path is part of the cache version, so it must not vary. */
const MANIFEST_FILE = 'ollang-order-manifest.json';
/** A manifest is small; this bounds what a tampered or corrupt entry can make us hold. */
const MAX_ENTRIES = 5000;

const manifestSchema = z.object({
  version: z.literal(1),
  projectId: z.string().min(1),
  orderType: z.string().min(1),
  level: z.number().int(),
  orders: z
    .array(
      z.object({
        orderId: z.string().min(1).max(200),
        language: z.string().min(1).max(50),
        createdAt: z.string().max(100),
      }),
    )
    .max(MAX_ENTRIES),
});

/**
 * `ollang-orders-v1-<16 hex>-`. A hash, because cache keys are visible to everyone who can read
 * the repository's caches, and must not contain commas: no raw user text goes in.
 */
export function manifestKeyPrefix(projectId: string, orderType: string, level: number): string {
  const digest = createHash('sha256').update(`${projectId}|${orderType}|${level}`).digest('hex');
  return `ollang-orders-v1-${digest.slice(0, 16)}-`;
}

/** Whether the runner offers the cache service (not on some GHES and local runners). */
export async function isCacheAvailable(): Promise<boolean> {
  try {
    const cache = await import('@actions/cache');
    return cache.isFeatureAvailable();
  } catch {
    return false;
  }
}

/** The newest manifest saved for this scope, or undefined (none, unreadable, or no cache). */
export async function restoreManifest(scope: OrderScope, options: { directory: string; log: Log }): Promise<OrderManifest | undefined> {
  const { log } = options;
  const file = path.join(options.directory, MANIFEST_FILE);
  const prefix = manifestKeyPrefix(scope.projectId, scope.orderType, scope.level);
  try {
    // A file left by an earlier step must not pass for what the cache returned.
    await rm(file, { force: true });
    const cache = await import('@actions/cache');
    const matchedKey = await cache.restoreCache([file], prefix, [prefix]);
    if (!matchedKey) {
      log.debug(`No order manifest in the Actions cache for ${prefix}*.`);
      return undefined;
    }
    const parsed = manifestSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) {
      log.warning(`Ignoring the order manifest from cache entry ${matchedKey}: it is not in the expected shape.`);
      return undefined;
    }
    const manifest = parsed.data;
    if (manifest.projectId !== scope.projectId || manifest.orderType !== scope.orderType || manifest.level !== scope.level) {
      log.warning(`Ignoring the order manifest from cache entry ${matchedKey}: it belongs to another project, order type or level.`);
      return undefined;
    }
    log.info(`Found ${manifest.orders.length} order(s) from earlier runs in the Actions cache (${matchedKey}).`);
    return manifest;
  } catch (error) {
    log.warning(`Could not read the order manifest from the Actions cache: ${messageOf(error)}. Continuing without it.`);
    return undefined;
  }
}

/** Saves the manifest under a new key (entries are immutable). */
export async function saveManifest(manifest: OrderManifest, options: { directory: string; log: Log; runId?: string }): Promise<void> {
  const { log } = options;
  const file = path.join(options.directory, MANIFEST_FILE);
  const prefix = manifestKeyPrefix(manifest.projectId, manifest.orderType, manifest.level);
  // Re-runs of one workflow run share GITHUB_RUN_ID: the time keeps their keys apart.
  const runId = (options.runId ?? 'local').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'local';
  const key = `${prefix}${runId}-${Date.now().toString(36)}`;
  try {
    await mkdir(options.directory, { recursive: true });
    await writeFile(file, JSON.stringify(manifest, null, 2) + '\n', 'utf8');
    const cache = await import('@actions/cache');
    const cacheId = await cache.saveCache([file], key);
    // saveCache reports most failures itself (as warnings) and answers -1.
    if (cacheId === -1) {
      log.warning(
        `Could not save the order manifest to the Actions cache (key ${key}); a re-run relies on List Orders alone to find this run's orders.`,
      );
    } else {
      log.debug(`Saved ${manifest.orders.length} order(s) to the Actions cache as ${key}.`);
    }
  } catch (error) {
    log.warning(`Could not save the order manifest to the Actions cache: ${messageOf(error)}.`);
  }
}

/**
 * The manifest to save: the restored entries plus this run's, one entry per order ID (the
 * first seen wins, so an order keeps its original creation time). A restored manifest of
 * another scope is ignored.
 */
export function mergeManifest(restored: OrderManifest | undefined, scope: OrderScope, created: ManifestEntry[]): OrderManifest {
  const sameScope =
    restored && restored.projectId === scope.projectId && restored.orderType === scope.orderType && restored.level === scope.level;
  const byId = new Map<string, ManifestEntry>();
  for (const entry of [...(sameScope ? restored.orders : []), ...created]) {
    if (!byId.has(entry.orderId)) byId.set(entry.orderId, entry);
  }
  // Keep the newest entries when over the bound: old orders are the least likely to be reused.
  const orders = [...byId.values()].slice(-MAX_ENTRIES);
  return { version: 1, projectId: scope.projectId, orderType: scope.orderType, level: scope.level, orders };
}

function messageOf(error: unknown): string {
  return errorMessage(error);
}
