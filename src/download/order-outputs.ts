/**
 * Saving one finished order's outputs where `output-path` says (output-path.ts: by default
 * `<output-dir>/<language>/<name>.<ext>`, or with media `<media-dir>/<media-name>.<language>.<ext>`),
 * and deciding when they are all published. Each file is downloaded whole or not at all, to a
 * temporary name renamed over an earlier run's file only once whole (downloader.ts); one order's
 * trouble is recorded on that order and never stops the others. With media, an order serving
 * several files of one content saves its outputs beside each of them, and only orders of the
 * requested order-type are downloaded (a child order's files would compete for the same names).
 */
import path from 'node:path';
import type { OllangClient } from '../ollang/client.ts';
import type { Order } from '../ollang/schemas.ts';
import type { DownloadKind, Settings } from '../settings.ts';
import type { Log, Sleep, Transport } from '../runtime.ts';
import type { OutputsReadiness } from '../wait/poller.ts';
import { downloadCutOff, finishDownload, noteNothingDownloaded, recordFile, type FollowedOrder } from '../orders/followed.ts';
import { classifyDoc, planDownloads, type DownloadItem } from './plan.ts';
import { DownloadError, downloadItem, type RefreshedDocument } from './downloader.ts';
import { OutputPathPlanner, mediaValues, nameAndExtension } from './output-path.ts';
import { TempFiles } from './temp-files.ts';
import { languageKey } from '../orders/scope.ts';
import { errorMessage } from '../error-message.ts';

/** What each order type is expected to produce, among the kinds a user can ask for. */
const PRODUCES: Record<string, readonly DownloadKind[]> = {
  cc: ['subtitles', 'vtt'],
  subtitle: ['subtitles', 'vtt'],
  aiDubbing: ['dubbing'],
  studioDubbing: ['dubbing'],
  document: ['documents'],
};

/** Ready when every kind the user asked for and the order type produces has at least one file. */
export function outputsReadiness(order: Order, kinds: ReadonlySet<DownloadKind>): OutputsReadiness {
  return unpublishedKinds(order, kinds).length === 0 ? 'ready' : 'not-yet';
}

/** Bytes the order's planned downloads announce (documents without a size count as 0). */
export function plannedBytes(order: Order, kinds: ReadonlySet<DownloadKind>): number {
  return planDownloads(order, kinds).items.reduce((sum, item) => sum + (item.expectedBytes ?? 0), 0);
}

/** The kinds the user asked for and the order type produces that Ollang has not published yet. */
function unpublishedKinds(order: Order, kinds: ReadonlySet<DownloadKind>): DownloadKind[] {
  const expected = (PRODUCES[order.type] ?? [...kinds]).filter((kind) => kinds.has(kind));
  if (expected.length === 0) return [];
  const plan = planDownloads(order, kinds);
  const published = new Set<string>(plan.items.map((item) => item.kind));
  // Published with a URL the action refuses (file:, javascript:): waiting will not change that,
  // so the order is ready and the download step reports the refusal.
  if (plan.refused.some((refused) => refused.docType === 'vttUrl')) published.add('vtt');
  for (const doc of order.orderDocs) {
    const kind = classifyDoc(doc);
    if (doc.url && kind !== 'source' && kind !== 'ignore') published.add(kind);
  }
  return expected.filter((kind) => !published.has(kind));
}

export interface OrderDownloader {
  (order: Order, followed: FollowedOrder): Promise<void>;
}

export function createOrderDownloader(deps: {
  settings: Settings;
  client: OllangClient;
  transport?: Transport;
  sleep: Sleep;
  log: Log;
  signal?: AbortSignal;
  /** Epoch ms (on `clock`): downloads stop here (docs/reliability.md), and an order cut off by it is `timed-out`. */
  deadline?: number;
  /** Saves the folders temporary files go in, for the post step to clean up after a kill (state.ts). */
  recordTempFolders?: (value: string) => void;
  /** Accumulates download time across orders (clock ms). */
  onDownloaded?: (bytes: number, ms: number) => void;
  clock: () => number;
  /** With the media input: the run's media files (workspace-relative): never overwritten. */
  mediaFiles?: readonly string[];
  /** Media file -> the suffix its outputs carry (output-path.ts outputSuffixes). */
  outputSuffixes?: ReadonlyMap<string, string>;
}): OrderDownloader {
  const { settings, log } = deps;
  const temp = new TempFiles({ workspace: settings.workspace, ...(deps.recordTempFolders ? { save: deps.recordTempFolders } : {}) });
  const planner = new OutputPathPlanner({
    template: settings.outputPath,
    workspace: settings.workspace,
    ...(deps.mediaFiles ? { mediaFiles: deps.mediaFiles } : {}),
    ...(deps.outputSuffixes ? { suffixes: deps.outputSuffixes } : {}),
    warn: (message) => log.warning(message, { title: 'Output path taken' }),
  });
  const asGiven = new Map(settings.targetLanguages.map((language) => [languageKey(language), language]));

  return async (order, followed) => {
    // Only orders of the requested type are downloaded (unless given by ID): a child order of another
    // type is followed, reported and cancelled, but each language's files come from its own order.
    if (settings.orderIds.length === 0 && order.type !== settings.orderType) {
      log.info(
        `Order ${order.id} (${followed.language}, ${followed.type}) came with the ${settings.orderType} orders: its files are not downloaded.`,
      );
      finishDownload(followed, [], deps.clock());
      return;
    }
    // {language} as written in target-languages (Ollang may spell it in another letter case).
    const language = asGiven.get(languageKey(followed.language)) ?? followed.language;
    const plan = planDownloads(order, settings.download);
    for (const refused of plan.refused) {
      log.warning(`Order ${order.id} (${followed.language}): not downloading ${refused.docType}: ${refused.reason}`);
    }
    const problems: string[] = plan.refused.map((r) => `${r.docType} refused: ${r.reason}`);
    // Downloading before everything was published happens only once the grace period is over:
    // whatever is still missing then is a missing file, never a quiet `completed`.
    const missing = unpublishedKinds(order, settings.download);
    if (missing.length > 0) problems.push(`Ollang published no ${missing.join(' or ')} output for it`);
    let stoppedAtDeadline = false;

    const targets = followed.media && followed.media.length > 0 ? followed.media : [undefined];
    for (const [planned, media] of plan.items.flatMap((item) => targets.map((m) => [item, m] as const))) {
      const started = deps.clock();
      let item: DownloadItem = planned;
      try {
        const where = planner.plan(
          {
            ...nameAndExtension(planned.fileName),
            language,
            outputDir: settings.outputDirRelative,
            orderId: order.id,
            ...(media !== undefined ? mediaValues(media) : {}),
          },
          `order ${order.id} (${language}) ${planned.fileName}`,
        );
        item = { ...planned, fileName: path.basename(where.absolutePath) };
        const result = await downloadItem(item, {
          directory: path.dirname(where.absolutePath),
          workspace: settings.workspace,
          maxBytes: settings.maxDownloadBytes,
          temp,
          clock: deps.clock,
          sleep: deps.sleep,
          ...(deps.transport ? { transport: deps.transport } : {}),
          ...(deps.signal ? { signal: deps.signal } : {}),
          ...(deps.deadline !== undefined ? { deadline: deps.deadline } : {}),
          // Signed URLs expire, and a wrong body may be fixed by a new one: ask Ollang for the order
          // again, within the downloads' deadline (`signal` aborts there, or with the run).
          refresh: async (signal) =>
            freshDocument(
              await deps.client.getOrder(order.id, { signal, ...(deps.deadline !== undefined ? { deadline: deps.deadline } : {}) }),
              planned,
            ),
        });
        const relative = path.relative(settings.workspace, result.path).split(path.sep).join('/');
        recordFile(followed, relative, media);
        deps.onDownloaded?.(result.bytes, deps.clock() - started);
        log.info(`${followed.language}: saved ${relative} (${result.bytes} bytes)`);
      } catch (error) {
        const message = errorMessage(error);
        if (error instanceof DownloadError && error.reason === 'deadline') stoppedAtDeadline = true;
        problems.push(`${item.fileName}: ${message}`);
        log.warning(`Order ${order.id} (${followed.language}): download of ${item.fileName} failed: ${message}`, {
          title: `Download failed: ${followed.language}`,
        });
        if (deps.signal?.aborted) break;
      }
    }

    if (!stoppedAtDeadline && problems.length === 0 && followed.files.length === 0)
      reportNothingDownloaded(order, followed, settings.download, log);
    if (stoppedAtDeadline) downloadCutOff(followed, problems, deps.clock());
    else finishDownload(followed, problems, deps.clock());
  };
}

/**
 * A finished order none of whose outputs was downloaded (the `download` kinds are not what its
 * type delivers) is never a quiet success: a warning names the order and what it had. With
 * `download: none`, asked for, it is said without a warning.
 */
function reportNothingDownloaded(order: Order, followed: FollowedOrder, kinds: ReadonlySet<DownloadKind>, log: Log): void {
  const had: string[] = [];
  for (const doc of order.orderDocs) {
    const kind = classifyDoc(doc);
    if (!doc.url || kind === 'source') continue;
    had.push(`${doc.name ?? doc.type} (${kind === 'ignore' ? doc.type : kind})`);
  }
  if (order.vttUrl) had.push('a WebVTT file (vtt)');
  const what = `Order ${order.id} (${followed.language}, ${order.type}) finished, but none of its outputs was downloaded`;
  const asked = kinds.size === 0 ? 'download: none' : `download: ${[...kinds].join(', ')}`;
  const outputs = had.length > 0 ? `it had ${had.join(', ')}` : 'Ollang published no output for it';
  if (kinds.size === 0) {
    log.info(`${what} (${asked}); ${outputs}.`);
    return;
  }
  const advice = 'Set download to auto (what the order type delivers) or to the kinds it has.';
  log.warning(`${what}: ${asked}, and ${outputs}. ${advice}`, { title: `Nothing downloaded: ${followed.language}` });
  noteNothingDownloaded(followed, `finished, but none of its outputs was downloaded: ${asked}, and ${outputs}. ${advice}`);
}

/** The same document in a freshly fetched order: its new signed URL and size. */
function freshDocument(order: Order, planned: DownloadItem): RefreshedDocument | undefined {
  if (planned.docType === 'vttUrl') return order.vttUrl ? { url: order.vttUrl } : undefined;
  const fresh = planDownloads(order, new Set([planned.kind])).items.find(
    (item) => item.docType === planned.docType && item.fileName === planned.fileName,
  );
  if (!fresh) return undefined;
  return { url: fresh.url, ...(fresh.expectedBytes !== undefined ? { expectedBytes: fresh.expectedBytes } : {}) };
}
