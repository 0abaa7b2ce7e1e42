/**
 * Which documents of a finished order to download, and under which safe, unique names.
 * Nothing here touches the network or the disk.
 */
import type { DownloadKind } from '../settings.ts';
import { ensureExtension, safeFileName, SUBTITLE_EXTENSIONS as SHARED_SUBTITLE_EXTENSIONS, uniqueFileName } from './file-names.ts';

/**
 * Structural copies of the `Order` / `OrderDoc` types of src/ollang/schemas.ts (see
 * docs/architecture.md), declared here so planning does not depend on the schema module.
 */
export interface PlanOrderDoc {
  id?: string;
  name?: string;
  url?: string;
  type: string;
  size?: number;
}
export interface PlanOrder {
  id: string;
  name?: string;
  vttUrl?: string;
  orderDocs: readonly PlanOrderDoc[];
}
type OrderDoc = PlanOrderDoc;
type Order = PlanOrder;

export interface DownloadItem {
  kind: DownloadKind;
  url: string;
  /** Safe (no separators, no `..`, no control characters, bounded) and unique within the order, case-insensitively. */
  fileName: string;
  /** The document's announced size (`orderDocs[].size`), when given. */
  expectedBytes?: number;
  /** What the body must look like (content-check.ts). */
  expect: 'srt' | 'vtt' | 'subtitle-text' | 'binary';
  /** `orderDocs[].type`, or `vttUrl` for the order's VTT. */
  docType: string;
}

export interface RefusedDownload {
  docType: string;
  /** Never contains the URL's query string (signed URLs are credentials). */
  reason: string;
}

export interface DownloadPlan {
  items: DownloadItem[];
  refused: RefusedDownload[];
}

/** Subtitle formats Ollang names (SRT, VTT, ASS, STL, SCC, DFXP, ITT) plus close relatives. */
const SUBTITLE_EXTENSIONS: ReadonlySet<string> = new Set([...SHARED_SUBTITLE_EXTENSIONS, 'sami', 'cap']);
const VIDEO_EXTENSIONS = new Set(['mp4', 'm4v', 'mov', 'mkv', 'webm', 'avi', 'wmv', 'mxf', 'mpg', 'mpeg', 'ts', 'm2ts', 'flv', '3gp']);
const AUDIO_EXTENSIONS = new Set(['mp3', 'wav', 'aac', 'm4a', 'flac', 'ogg', 'opus', 'wma', 'aif', 'aiff']);
const DOCUMENT_EXTENSIONS = new Set([
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'odt',
  'ods',
  'txt',
  'rtf',
  'csv',
  'json',
  'xml',
  'xliff',
  'xlf',
  'zip',
  'html',
  'md',
  'png',
  'jpg',
  'jpeg',
]);
const KNOWN_EXTENSIONS = new Set([...SUBTITLE_EXTENSIONS, ...VIDEO_EXTENSIONS, ...AUDIO_EXTENSIONS, ...DOCUMENT_EXTENSIONS]);

/**
 * Not downloaded even when they are outputs:
 * - invoice: billing paperwork, not a localisation deliverable (and it may carry prices);
 * - guideline: instructions the customer gave the translators (an input, like source*);
 * - created_waveform: the editor's audio-peaks data, only useful inside Ollang's player;
 * - created_thumbnail: a preview image of the video.
 */
const IGNORED_TYPES = new Set(['invoice', 'guideline', 'guidelines', 'createdwaveform', 'waveform', 'createdthumbnail', 'thumbnail']);

/** Produced-output dubbing / video types the notes name explicitly. */
const DUBBING_TYPES = new Set(['vendorvideo', 'createdembeddedvideo', 'createdsubtitleembeddedvideo']);

/** `sourceVideo`, `source_video`, `Source-Video` -> `sourcevideo`. */
function normaliseType(type: string): string {
  return type.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Lower-cased extension of a plain name ("French.SRT" -> "srt"), `undefined` when there is none. */
function extensionOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name.trim());
  return match?.[1]?.toLowerCase();
}

/** Last path segment of an http(s) URL, decoded; `undefined` for anything else. */
function urlFileName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    const segment = parsed.pathname
      .split('/')
      .filter((part) => part !== '')
      .pop();
    if (!segment) return undefined;
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  } catch {
    return undefined;
  }
}

function isSubtitleType(type: string): boolean {
  return (
    type.includes('subtitle') ||
    type.includes('caption') ||
    type === 'cc' ||
    type === 'createdcc' ||
    type === 'srt' ||
    type === 'vtt' ||
    type.endsWith('srt') ||
    type.endsWith('vtt')
  );
}

function isDubbingType(type: string): boolean {
  return DUBBING_TYPES.has(type) || type.includes('dub') || type.includes('audio') || type.includes('voice');
}

/** Produced outputs per the API notes (`created_*`, `translator_*`, `vendor_*`) and close relatives. */
function isProducedType(type: string): boolean {
  return /^(?:created|translator|translated|translation|vendor|output|delivered|delivery|final|target)/.test(type) || type === 'document';
}

/**
 * What a document is, for the `download` input. `source` (what the customer uploaded) is never
 * downloaded; `ignore` is neither an input to skip silently nor a deliverable (see IGNORED_TYPES);
 * types nobody has named and that do not look produced are ignored too.
 */
export function classifyDoc(doc: OrderDoc): DownloadKind | 'source' | 'ignore' {
  const type = normaliseType(doc.type);
  if (type.startsWith('source')) return 'source';
  if (IGNORED_TYPES.has(type)) return 'ignore';

  const nameExt = extensionOf(doc.name);
  const urlExt = extensionOf(urlFileName(doc.url));
  const isVideo =
    type.includes('video') ||
    (nameExt !== undefined && VIDEO_EXTENSIONS.has(nameExt)) ||
    (urlExt !== undefined && VIDEO_EXTENSIONS.has(urlExt));
  const isAudio = (nameExt !== undefined && AUDIO_EXTENSIONS.has(nameExt)) || (urlExt !== undefined && AUDIO_EXTENSIONS.has(urlExt));

  if (isDubbingType(type)) return 'dubbing';
  if (!isVideo && isSubtitleType(type)) return 'subtitles';
  const subtitleFile =
    (nameExt !== undefined && SUBTITLE_EXTENSIONS.has(nameExt)) || (urlExt !== undefined && SUBTITLE_EXTENSIONS.has(urlExt));
  if (!isVideo && !isAudio && subtitleFile) return 'subtitles';
  // A subtitle-typed document that is really a video (burnt-in subtitles) is a video output.
  if (isSubtitleType(type) && isVideo) return 'dubbing';
  if (isProducedType(type)) return 'documents';
  return 'ignore';
}

/** What a subtitle body must look like, by its format extension. */
function expectFor(ext: string): DownloadItem['expect'] {
  if (ext === 'srt') return 'srt';
  if (ext === 'vtt' || ext === 'webvtt') return 'vtt';
  // EBU STL is a binary format (GSI block + fixed-size TTI blocks), so no text check.
  if (ext === 'stl' || ext === 'cap') return 'binary';
  return 'subtitle-text';
}

/** A subtitle format from the doc type, when the name and URL carry none. */
function subtitleExtFromType(type: string): string | undefined {
  for (const ext of ['vtt', 'srt', 'ass', 'ssa', 'scc', 'dfxp', 'ttml', 'itt', 'stl']) {
    if (type.includes(ext)) return ext;
  }
  return undefined;
}

function describeUrlProblem(url: string | undefined): string | undefined {
  if (!url) return 'the document has no URL';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the URL is not valid';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `only http and https URLs are downloaded, not ${parsed.protocol}`;
  }
  return undefined;
}

const UNUSABLE = 'unusable-name-7f3a9c';

/** The name made safe, or `undefined` when nothing usable is left of it. */
function usableName(name: string | undefined): string | undefined {
  if (name === undefined || name === UNUSABLE) return undefined;
  const safe = safeFileName(name, { fallback: UNUSABLE });
  return safe === UNUSABLE ? undefined : safe;
}

/**
 * The downloads for one finished order, for the requested kinds. Subtitle documents keep their
 * own (made-safe) name, with an extension added when they have none; the order's VTT (`vttUrl`)
 * is `<order name>.vtt`. Non-http(s) URLs are not planned and come back in `refused`.
 */
export function planDownloads(order: Order, kinds: ReadonlySet<DownloadKind>): DownloadPlan {
  const items: DownloadItem[] = [];
  const refused: RefusedDownload[] = [];
  /** Lower-cased names already used in this order (uniqueFileName compares ignoring case). */
  const taken = new Set<string>();

  for (const [index, doc] of order.orderDocs.entries()) {
    const kind = classifyDoc(doc);
    if (kind === 'source' || kind === 'ignore' || !kinds.has(kind)) continue;
    const problem = describeUrlProblem(doc.url);
    if (problem !== undefined || doc.url === undefined) {
      refused.push({ docType: doc.type, reason: problem ?? 'the document has no URL' });
      continue;
    }
    const fromUrl = urlFileName(doc.url);
    const fallbackStem = doc.id ? `${doc.type}-${doc.id}` : `${order.id}-${doc.type}-${index + 1}`;
    const rawName = usableName(doc.name) ?? usableName(fromUrl) ?? fallbackStem;
    const nameExt = extensionOf(rawName);
    const urlExt = extensionOf(fromUrl);

    let fileName: string;
    let expect: DownloadItem['expect'];
    if (kind === 'subtitles') {
      // The URL is what is served, so its extension decides the format; then the name, then the type.
      // ("webvtt" is a spelling of vtt.)
      const format =
        (urlExt !== undefined && SUBTITLE_EXTENSIONS.has(urlExt) ? urlExt : undefined) ??
        (nameExt !== undefined && SUBTITLE_EXTENSIONS.has(nameExt) ? nameExt : undefined) ??
        subtitleExtFromType(normaliseType(doc.type));
      // No format anywhere: Ollang's subtitle deliverable is SRT, but the body is only checked as text.
      expect = format === undefined ? 'subtitle-text' : expectFor(format);
      const ext = format ?? 'srt';
      // Adds the extension when missing; replaces a different subtitle extension (the content decides).
      // Made safe first (an unusable name falls back), then the extension, then bounded again.
      fileName = safeFileName(ensureExtension(safeFileName(rawName), `.${ext}`));
    } else {
      expect = 'binary';
      // The URL's extension, when it is a recognisable one, says what is served ("Dub" -> "Dub.mp3",
      // "French.srt" served as .mp4 -> "French.mp4"); an odd URL extension only fills a gap.
      const safe = safeFileName(rawName);
      let useUrlExt = false;
      if (urlExt !== undefined && urlExt !== nameExt && /^[a-z0-9]{1,5}$/.test(urlExt)) {
        useUrlExt = KNOWN_EXTENSIONS.has(urlExt) || nameExt === undefined || !KNOWN_EXTENSIONS.has(nameExt);
      }
      fileName = useUrlExt ? safeFileName(ensureExtension(safe, `.${urlExt}`)) : safe;
    }

    const item: DownloadItem = { kind, url: doc.url, fileName: uniqueFileName(fileName, taken), expect, docType: doc.type };
    if (typeof doc.size === 'number' && Number.isSafeInteger(doc.size) && doc.size > 0) item.expectedBytes = doc.size;
    items.push(item);
  }

  if (kinds.has('vtt') && order.vttUrl) {
    const problem = describeUrlProblem(order.vttUrl);
    if (problem !== undefined) {
      refused.push({ docType: 'vttUrl', reason: problem });
    } else {
      const fallback = safeFileName(`${order.id}.vtt`, { fallback: 'order.vtt' });
      const stem = usableName(order.name);
      const fileName = stem === undefined ? fallback : safeFileName(ensureExtension(stem, '.vtt'));
      items.push({ kind: 'vtt', url: order.vttUrl, fileName: uniqueFileName(fileName, taken), expect: 'vtt', docType: 'vttUrl' });
    }
  }

  return { items, refused };
}
