// The Ollang simulator: a local fake of the five integration endpoints the action uses
// (create, get, list, cancel, cancel human review), plus /health and signed file downloads;
// uploads and projects (upload/direct, project list and get) are in media.ts.
// Faithful to docs/ollang-api.md, quirks included; hostile on request (faults).

import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

import { AUDIO_PATTERN, SOURCE_BYTES, THUMBNAIL_BYTES, WAVEFORM_BYTES, languageName, srt, translatedDocument, vtt } from './content.ts';
import { DEFAULT_LIFECYCLE, phaseOfFixedStatus, timeline } from './lifecycle.ts';
import type { Phase } from './lifecycle.ts';
import { MediaRoutes, isMediaRoute, matchMediaRoute } from './media.ts';
import { createRng, shuffleInPlace } from './random.ts';
import type { Rng } from './random.ts';
import type {
  AddOrderInput,
  FaultKind,
  FaultRule,
  LanguageBehaviour,
  Lifecycle,
  Outcome,
  RequestRecord,
  Route,
  ScheduledOrder,
  SimOrder,
  SimProject,
  SimulatorOptions,
} from './types.ts';

export const DEFAULT_API_KEY = 'sim-key-0123456789';
export const SIM_CLIENT_ID = 'client_sim000001';
const DEFAULT_DUBBING_BYTES = 64 * 1024;
const MAX_BODY_BYTES = 1024 * 1024;

const ORDER_TYPES = ['cc', 'subtitle', 'document', 'aiDubbing', 'studioDubbing'];
const ORDER_SUB_TYPES = ['closedCaption', 'timecodedTranscription'];
const DUBBING_STYLES = ['overdub', 'lipsync', 'audioDescription'];
const ORDER_BY = ['id', 'createdAt', 'name', 'status'];
const RATES: Record<string, number> = { cc: 0.15, subtitle: 0.25, document: 0.1, aiDubbing: 0.5, studioDubbing: 2.5 };

type ConcreteRoute = Exclude<Route, 'any'> | 'source-download';
type RecordRoute = ConcreteRoute | 'health' | 'unknown';
type ErrorBody = { error: string; message: string; code: string };

const ERRORS = {
  unauthorized: { error: 'Unauthorized', message: 'Invalid or missing API key', code: 'UNAUTHORIZED' },
  orderNotFound: { error: 'Order not found', message: 'No order found with the provided orderId', code: 'ORDER_NOT_FOUND' },
  notCancellable: {
    error: 'Cannot cancel order',
    message: 'Order cannot be cancelled because it is already in progress or completed',
    code: 'ORDER_NOT_CANCELLABLE',
  },
  accessDenied: { error: 'Access denied', message: "You don't have permission to cancel this order", code: 'ACCESS_DENIED' },
  accessDeniedRead: { error: 'Access denied', message: "You don't have permission to access this order", code: 'ACCESS_DENIED' },
  alreadyCancelled: { error: 'Order already cancelled', message: 'This order has already been cancelled', code: 'ORDER_ALREADY_CANCELLED' },
  invalidOrderType: {
    error: 'Invalid order type',
    message: 'orderType must be one of: cc, subtitle, document, aiDubbing, studioDubbing',
    code: 'INVALID_ORDER_TYPE',
  },
  projectNotFound: { error: 'Project not found', message: 'No project found with the provided projectId', code: 'PROJECT_NOT_FOUND' },
  missingTargets: {
    error: 'Invalid target language',
    message: 'At least one targetLanguageConfig is required',
    code: 'MISSING_TARGET_LANGUAGES',
  },
} satisfies Record<string, ErrorBody>;

function badRequest(message: string, code = 'VALIDATION_ERROR', error = 'Bad Request'): ErrorBody {
  return { error, message, code };
}

export function genericEnvelope(detail: string): Record<string, unknown> {
  return { code: -1, error: 'UnknownError', message: 'unknown error', detail };
}

interface Project {
  id: string;
  name: string;
  sourceLanguage: string;
}

interface InternalOrder {
  id: string;
  seq: number;
  projectId: string;
  clientId: string;
  type: string;
  level: number;
  originalLevel: number;
  targetLanguage: string;
  sourceLanguage: string;
  isRush: boolean;
  name: string;
  createdAtMs: number;
  createdAt: string;
  fixedStatus?: string;
  cancelledAt?: number;
  hrCancelledAt?: number;
  orderSubType?: string;
  dubbingStyle?: string;
  parentOrderId?: string;
}

interface OrderState {
  status: string;
  phase: Phase | 'cancelled';
  sinceOngoingMs: number;
  /** when the produced outputs (docs, vttUrl) appear; undefined = never */
  outputsAt?: number;
}

type DocKind = 'source' | 'srt' | 'vtt' | 'dub' | 'document' | 'thumbnail' | 'waveform';

interface DocSpec {
  kind: DocKind;
  id: string;
  filename: string;
  name: string;
  type: string;
  contentType: string;
}

interface FaultState {
  rule: FaultRule;
  remaining: number;
}

interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body?: Buffer;
  /** stream `size` bytes of a repeated pattern instead of body */
  stream?: { pattern: Buffer; size: number };
}

function jsonResponse(status: number, value: unknown, extra: Record<string, string> = {}): SimResponse {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...extra }, body };
}

function rawResponse(status: number, contentType: string, text: string): SimResponse {
  return { status, headers: { 'content-type': contentType }, body: Buffer.from(text, 'utf8') };
}

function s3Error(status: number, code: string, message: string): SimResponse {
  return rawResponse(
    status,
    'application/xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>SIM${status}</RequestId></Error>`,
  );
}

const HTML_ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Error</h1><p>Something went wrong. Please try again later.</p></body></html>';

function mergeLifecycle(...parts: (Partial<Lifecycle> | undefined)[]): Lifecycle {
  const out: Lifecycle = { ...DEFAULT_LIFECYCLE };
  for (const part of parts) {
    if (part === undefined) continue;
    for (const [k, v] of Object.entries(part)) {
      if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}

function faultApplies(kind: FaultKind, route: ConcreteRoute): boolean {
  switch (kind) {
    case 'create-no-answer':
    case 'create-saved-late':
      return route === 'create';
    case 'upload-no-answer':
    case 'slow-upload':
      return route === 'upload';
    case 'drift':
      return route === 'create' || route === 'get' || route === 'list';
    case 'truncate':
      return route !== 'cancel';
    default:
      return true;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const DRIFT_STATUS: Record<string, string> = { ongoing: 'inTranslation', review: 'inReview', pending: 'queued' };

export class OllangSimulator {
  readonly url: string;
  readonly apiKey: string;
  readonly requests: RequestRecord[] = [];

  private readonly server: http.Server;
  private readonly options: SimulatorOptions;
  private readonly now: () => number;
  private readonly secret: Buffer;
  private readonly idRng: Rng;
  private readonly faultRng: Rng;
  private readonly shuffleRng: Rng;
  private readonly projects = new Map<string, Project>();
  private readonly byId = new Map<string, InternalOrder>();
  private all: InternalOrder[] = [];
  private languages: Record<string, LanguageBehaviour>;
  private faults: FaultState[] = [];
  private scheduled: { rule: ScheduledOrder; done: boolean }[] = [];
  /** Requests each API route has handled (for scheduled orders). */
  private readonly handled = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sockets = new Set<Socket>();
  private seq = 0;
  private idCounter: number;
  private readonly media: MediaRoutes;
  private readonly chosenBodies = new Map<string, Buffer>();

  private constructor(server: http.Server, url: string, options: SimulatorOptions) {
    this.server = server;
    this.url = url;
    this.options = options;
    this.apiKey = options.apiKey ?? DEFAULT_API_KEY;
    this.now = options.now ?? Date.now;
    const seed = options.seed ?? randomInt(0, 2 ** 31);
    this.idRng = createRng(seed);
    this.faultRng = createRng(seed ^ 0x5bd1e995);
    this.shuffleRng = createRng(seed ^ 0x27d4eb2f);
    this.secret = options.seed === undefined ? randomBytes(32) : createHash('sha256').update(`sim-secret:${seed}`).digest();
    this.idCounter = this.idRng.int(0xffffff);
    this.languages = { ...(options.languages ?? {}) };
    for (const p of options.projects ?? ['proj-demo']) this.addProject(p);
    this.setFaults(options.faults ?? []);
    this.setScheduledOrders(options.scheduledOrders ?? []);
    this.media = new MediaRoutes({
      options,
      now: this.now,
      newId: (ms) => this.newId(ms),
      startedAt: this.now(),
      seededProjects: () => this.projects.values(),
      registerProject: (p) => this.projects.set(p.id, { ...p }),
      ordersCount: (projectId) => this.all.filter((o) => o.projectId === projectId && o.clientId === SIM_CLIENT_ID).length,
      pickFault: (route) => this.pickFault(route, undefined, []),
      deliver: (req, res, rec, r, fault) => this.deliver(req, res, rec, r, fault),
      json: jsonResponse,
      genericEnvelope,
      unauthorized: ERRORS.unauthorized,
      projectNotFound: ERRORS.projectNotFound,
    });
  }

  static async start(options: SimulatorOptions = {}): Promise<OllangSimulator> {
    const server = http.createServer();
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    const sim = new OllangSimulator(server, `http://${urlHost}:${port}`, options);
    server.on('connection', (s: Socket) => {
      sim.sockets.add(s);
      s.on('close', () => sim.sockets.delete(s));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      sim.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) {
          const r = jsonResponse(500, genericEnvelope(`simulator error: ${String(err)}`));
          res.writeHead(r.status, { ...r.headers, 'content-length': String(r.body?.length ?? 0) });
          res.end(r.body);
        } else res.destroy();
      });
    });
    return sim;
  }

  // ---------------------------------------------------------------- public API

  orders(): SimOrder[] {
    const now = this.now();
    return this.all.map((o) => this.snapshot(o, now));
  }

  setFaults(rules: FaultRule[]): void {
    this.faults = rules.map((rule) => ({ rule: { ...rule }, remaining: rule.times ?? Infinity }));
  }

  /** Replaces the scheduled orders; request counts start again from now. */
  setScheduledOrders(rules: ScheduledOrder[]): void {
    this.scheduled = rules.map((rule) => ({ rule, done: false }));
    this.handled.clear();
  }

  setLanguage(language: string, behaviour: LanguageBehaviour): void {
    this.languages[language] = behaviour;
  }

  /** Projects made by uploads (POST /integration/upload/direct), with the size and SHA-256 received. */
  uploadedProjects(): SimProject[] {
    return this.media.projects();
  }

  addProject(projectId: string): void {
    if (this.projects.has(projectId)) return;
    this.projects.set(projectId, { id: projectId, name: `Product Tour - ${projectId}`, sourceLanguage: 'en' });
  }

  addOrder(partial: AddOrderInput): SimOrder {
    const now = this.now();
    const projectId = partial.projectId ?? this.projects.keys().next().value ?? 'proj-demo';
    const project = this.projects.get(projectId);
    const createdAtMs = partial.createdAt !== undefined ? Date.parse(partial.createdAt) : this.stamp(now);
    if (Number.isNaN(createdAtMs)) throw new Error(`addOrder: bad createdAt ${partial.createdAt}`);
    const level = partial.level ?? 0;
    const o: InternalOrder = {
      id: partial.id ?? this.newId(createdAtMs),
      seq: this.seq++,
      projectId,
      clientId: partial.clientId ?? SIM_CLIENT_ID,
      type: partial.type ?? 'subtitle',
      level,
      originalLevel: level,
      targetLanguage: partial.targetLanguage,
      sourceLanguage: partial.sourceLanguage ?? project?.sourceLanguage ?? 'en',
      isRush: partial.isRush ?? false,
      name: partial.name ?? project?.name ?? `Product Tour - ${projectId}`,
      createdAtMs,
      createdAt: new Date(createdAtMs).toISOString(),
    };
    if (partial.parentOrderId !== undefined) o.parentOrderId = partial.parentOrderId;
    if (partial.status !== undefined) {
      if (partial.status === 'cancelled') o.cancelledAt = createdAtMs;
      else o.fixedStatus = partial.status;
    }
    if (partial.cancelledBy === 'cancel') o.cancelledAt ??= now;
    if (partial.cancelledBy === 'human-review') {
      o.hrCancelledAt = now;
      o.level = 0;
    }
    this.insert(o);
    return this.snapshot(o, now);
  }

  count(route: Route | 'source-download'): number {
    if (route === 'any') return this.requests.filter((r) => r.route !== 'health' && r.route !== 'unknown').length;
    let n = 0;
    for (const r of this.requests) if (r.route === route) n++;
    return n;
  }

  reset(): void {
    this.byId.clear();
    this.all = [];
    this.requests.length = 0;
    this.handled.clear();
    for (const s of this.scheduled) s.done = false;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  // ---------------------------------------------------------------- orders

  /** The `createdAt` an order made at `now` gets (options.wholeSecondStamps). */
  private stamp(now: number): number {
    return this.options.wholeSecondStamps === true ? Math.floor(now / 1000) * 1000 : now;
  }

  /** `createdAt` as answers write it (options.stampsWithoutZone). */
  private writtenStamp(o: InternalOrder): string {
    return this.options.stampsWithoutZone === true ? o.createdAt.replace(/Z$/, '') : o.createdAt;
  }

  private newId(ms: number): string {
    for (;;) {
      this.idCounter = (this.idCounter + 1) & 0xffffff;
      const ts = Math.max(0, Math.floor(ms / 1000)) & 0xffffffff;
      const id = ts.toString(16).padStart(8, '0') + this.idRng.hex(5) + this.idCounter.toString(16).padStart(6, '0');
      if (!this.byId.has(id)) return id;
    }
  }

  private insert(o: InternalOrder): void {
    if (this.byId.has(o.id)) throw new Error(`order ${o.id} already exists`);
    this.byId.set(o.id, o);
    this.all.push(o);
  }

  private behaviour(language: string): LanguageBehaviour {
    return this.languages[language] ?? {};
  }

  private lifecycleOf(o: InternalOrder): Lifecycle {
    return mergeLifecycle(this.options.lifecycle, this.behaviour(o.targetLanguage).lifecycle);
  }

  private stateOf(o: InternalOrder, now: number): OrderState {
    if (o.cancelledAt !== undefined) return { status: 'cancelled', phase: 'cancelled', sinceOngoingMs: Infinity };
    const L = this.lifecycleOf(o);
    if (o.hrCancelledAt !== undefined) {
      return { status: 'completed', phase: 'finished', sinceOngoingMs: Infinity, outputsAt: o.hrCancelledAt + L.outputsLagMs };
    }
    if (o.fixedStatus !== undefined) {
      const phase = phaseOfFixedStatus(o.fixedStatus);
      const st: OrderState = { status: o.fixedStatus, phase, sinceOngoingMs: Infinity };
      if (o.fixedStatus === 'completed' || o.fixedStatus === 'delivered') st.outputsAt = -Infinity;
      return st;
    }
    const outcome: Outcome = this.behaviour(o.targetLanguage).outcome ?? 'completed';
    const t = timeline({ createdAtMs: o.createdAtMs, level: o.originalLevel, lifecycle: L, outcome, now });
    const st: OrderState = { status: t.status, phase: t.phase, sinceOngoingMs: t.sinceOngoingMs };
    if ((t.status === 'completed' || t.status === 'delivered') && t.finishedAt !== undefined) st.outputsAt = t.finishedAt + L.outputsLagMs;
    return st;
  }

  private snapshot(o: InternalOrder, now: number): SimOrder {
    const s: SimOrder = {
      id: o.id,
      projectId: o.projectId,
      type: o.type,
      level: o.level,
      targetLanguage: o.targetLanguage,
      sourceLanguage: o.sourceLanguage,
      isRush: o.isRush,
      name: o.name,
      createdAt: o.createdAt,
      status: this.stateOf(o, now).status,
      clientId: o.clientId,
    };
    if (o.cancelledAt !== undefined) s.cancelledBy = 'cancel';
    else if (o.hrCancelledAt !== undefined) s.cancelledBy = 'human-review';
    if (o.parentOrderId !== undefined) s.parentOrderId = o.parentOrderId;
    return s;
  }

  // ---------------------------------------------------------------- documents

  private docId(o: InternalOrder, kind: DocKind): string {
    return createHash('sha1').update(`${o.id}:${kind}`).digest('hex').slice(0, 24);
  }

  private docSpecs(o: InternalOrder): DocSpec[] {
    const lang = o.targetLanguage;
    const specs: DocSpec[] = [];
    const add = (kind: DocKind, filename: string, name: string, type: string, contentType: string): void => {
      specs.push({ kind, id: this.docId(o, kind), filename, name, type, contentType });
    };
    const snake = o.seq % 2 === 1;
    if (o.type === 'document') {
      add(
        'source',
        'source.docx',
        `${o.name}.docx`,
        snake ? 'source_document' : 'sourceDocument',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
    } else {
      add(
        'source',
        'source.mp4',
        snake ? `${o.name}.mp4` : `${o.name} - Source Video`,
        snake ? 'source_video' : 'sourceVideo',
        'video/mp4',
      );
    }
    if (o.type !== 'document') {
      const srtName = o.seq % 2 === 0 ? `${languageName(lang)} Subtitles` : `${lang}.srt`;
      const srtType = Math.floor(o.seq / 2) % 2 === 0 ? 'subtitle' : 'created_subtitle';
      add('srt', `${lang}.srt`, srtName, srtType, 'application/x-subrip; charset=utf-8');
    }
    if (o.type === 'cc' || o.type === 'subtitle') add('vtt', `${o.id}.vtt`, `${o.id}.vtt`, 'vtt', 'text/vtt; charset=utf-8');
    if (o.type === 'aiDubbing' || o.type === 'studioDubbing') {
      add('dub', `${lang}_dub.mp3`, `${languageName(lang)} AI Dub.mp3`, 'created_ai_dub_audio', 'audio/mpeg');
    }
    if (o.type === 'document') {
      add(
        'document',
        `${lang}_translated.docx`,
        `${o.name} (${lang}).docx`,
        'translator_document',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
    }
    add('thumbnail', 'thumbnail.png', 'Thumbnail', 'created_thumbnail', 'image/png');
    add('waveform', 'waveform.json', 'Waveform', 'created_waveform', 'application/octet-stream');
    return specs;
  }

  private cues(): number {
    return Math.max(1, this.options.subtitleCues ?? 12);
  }

  /** The body chosen with the subtitleBodies option, as bytes (made once per language and format). */
  private chosenBody(language: string, format: 'srt' | 'vtt'): Buffer | undefined {
    const key = `${format}:${language}`;
    let body = this.chosenBodies.get(key);
    if (body === undefined) {
      const given = this.options.subtitleBodies?.[language]?.[format];
      if (given === undefined) return undefined;
      body = typeof given === 'string' ? Buffer.from(given, 'utf8') : Buffer.from(given);
      this.chosenBodies.set(key, body);
    }
    return body;
  }

  private dubbingBytes(o: InternalOrder): number {
    return Math.max(0, this.behaviour(o.targetLanguage).dubbingBytes ?? DEFAULT_DUBBING_BYTES);
  }

  private content(o: InternalOrder, kind: DocKind): Buffer | { pattern: Buffer; size: number } {
    switch (kind) {
      case 'source':
        return SOURCE_BYTES;
      case 'srt':
        return this.chosenBody(o.targetLanguage, 'srt') ?? srt(o.targetLanguage, this.cues());
      case 'vtt':
        return this.chosenBody(o.targetLanguage, 'vtt') ?? vtt(o.targetLanguage, this.cues());
      case 'document':
        return translatedDocument(o.targetLanguage, this.cues());
      case 'thumbnail':
        return THUMBNAIL_BYTES;
      case 'waveform':
        return WAVEFORM_BYTES;
      case 'dub':
        return { pattern: AUDIO_PATTERN, size: this.dubbingBytes(o) };
    }
  }

  private sizeOf(o: InternalOrder, kind: DocKind): number {
    const c = this.content(o, kind);
    return Buffer.isBuffer(c) ? c.length : c.size;
  }

  private sign(orderId: string, docId: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${orderId}/${docId}:${expires}`).digest('hex');
  }

  private signedUrl(o: InternalOrder, spec: DocSpec, now: number): string {
    const expires = now + (this.options.urlTtlMs ?? 10 * 60_000);
    const sig = this.sign(o.id, spec.id, expires);
    return `${this.url}/files/${o.id}/${spec.id}/${encodeURIComponent(spec.filename)}?expires=${expires}&signature=${sig}`;
  }

  private docJson(o: InternalOrder, spec: DocSpec, now: number, producedAt: number, drift: boolean): Record<string, unknown> {
    const isSource = spec.kind === 'source';
    const at = new Date(isSource ? o.createdAtMs : Number.isFinite(producedAt) ? producedAt : o.createdAtMs).toISOString();
    const doc: Record<string, unknown> = {
      id: spec.id,
      name: spec.name,
      url: this.signedUrl(o, spec, now),
      type: spec.type,
      size: this.sizeOf(o, spec.kind),
      duration: isSource || spec.kind === 'dub' ? 36 : null,
      wordCount: spec.kind === 'srt' || spec.kind === 'document' ? this.cues() * 6 : null,
      sourceLanguage: isSource ? o.sourceLanguage : o.targetLanguage,
      createdAt: at,
      updatedAt: at,
    };
    if (drift) {
      doc['checksum'] = `sha1:${spec.id}`;
      doc['storage'] = { provider: 's3', region: 'eu-central-1' };
    }
    return doc;
  }

  private orderJson(o: InternalOrder, now: number, drift: boolean): Record<string, unknown> {
    const st = this.stateOf(o, now);
    const outputs = st.outputsAt !== undefined && now >= st.outputsAt;
    const specs = this.docSpecs(o);
    const docs: Record<string, unknown>[] = [];
    let vttUrl = '';
    for (const spec of specs) {
      if (spec.kind === 'source') docs.push(this.docJson(o, spec, now, o.createdAtMs, drift));
      else if (spec.kind === 'vtt') {
        if (outputs) vttUrl = this.signedUrl(o, spec, now);
      } else if (spec.kind === 'thumbnail' || spec.kind === 'waveform') {
        if (drift) docs.push(this.docJson(o, spec, now, st.outputsAt ?? o.createdAtMs, drift));
      } else if (outputs) docs.push(this.docJson(o, spec, now, st.outputsAt ?? now, drift));
    }
    const rate = (RATES[o.type] ?? 0.2) * (o.level >= 1 ? 2 : 1);
    const json: Record<string, unknown> = {
      id: o.id,
      createdAt: this.writtenStamp(o),
      name: o.name,
      sourceLanguage: o.sourceLanguage,
      targetLanguage: o.targetLanguage,
      type: o.type,
      status: this.spell(st.status),
      rate,
      projectId: o.projectId,
      level: o.level,
      folderId: `folder_${createHash('sha1').update(o.projectId).digest('hex').slice(0, 12)}`,
      vttUrl,
      orderDocs: docs,
      finance: { paymentAmount: Math.round(rate * 36 * 100) / 100 },
    };
    if (drift) {
      delete json['name'];
      delete json['createdAt'];
      delete json['finance'];
      if (!outputs) delete json['vttUrl'];
      json['status'] = DRIFT_STATUS[st.status] ?? this.spell(st.status);
      json['_v'] = 3;
      json['translatorId'] = null;
      json['pipeline'] = { version: 'v2', steps: ['asr', 'mt'] };
      json['isRush'] = o.isRush;
    }
    return json;
  }

  private listItem(o: InternalOrder, status: string, drift: boolean): Record<string, unknown> {
    const item: Record<string, unknown> = {
      id: o.id,
      name: o.name,
      sourceLanguage: o.sourceLanguage,
      targetLanguage: o.targetLanguage,
      status: this.spell(status),
      type: o.type,
      createdAt: this.writtenStamp(o),
      clientId: o.clientId,
      projectId: o.projectId,
    };
    if (drift) {
      delete item['name'];
      delete item['createdAt'];
      item['status'] = DRIFT_STATUS[status] ?? this.spell(status);
      item['level'] = o.level;
      item['_v'] = 3;
    }
    return item;
  }

  // ---------------------------------------------------------------- HTTP

  private matchRoute(method: string, path: string): { route: RecordRoute; orderId?: string; docId?: string; projectId?: string } {
    const p = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    let m: RegExpExecArray | null;
    if (method === 'GET' && p === '/health') return { route: 'health' };
    const media = matchMediaRoute(method, p);
    if (media !== undefined) return media;
    if (method === 'POST' && p === '/integration/orders/create') return { route: 'create' };
    if (method === 'GET' && p === '/integration/orders') return { route: 'list' };
    if (method === 'POST' && (m = /^\/integration\/orders\/cancel\/([^/]+)$/.exec(p)))
      return { route: 'cancel', orderId: decodeURIComponent(m[1] as string) };
    if (method === 'POST' && (m = /^\/integration\/orders\/([^/]+)\/cancel-human-review$/.exec(p))) {
      return { route: 'cancel-human-review', orderId: decodeURIComponent(m[1] as string) };
    }
    if (method === 'GET' && (m = /^\/integration\/orders\/([^/]+)$/.exec(p)))
      return { route: 'get', orderId: decodeURIComponent(m[1] as string) };
    if ((method === 'GET' || method === 'HEAD') && (m = /^\/files\/([^/]+)\/([^/]+)\/[^/]+$/.exec(p))) {
      const orderId = m[1] as string;
      const docId = m[2] as string;
      const o = this.byId.get(orderId);
      const spec = o === undefined ? undefined : this.docSpecs(o).find((s) => s.id === docId);
      return { route: spec?.kind === 'source' ? 'source-download' : 'download', orderId, docId };
    }
    return { route: 'unknown' };
  }

  private pickFault(route: ConcreteRoute, orderId: string | undefined, languages: string[]): FaultRule | undefined {
    for (const f of this.faults) {
      const { rule } = f;
      if (f.remaining <= 0) continue;
      if (rule.route !== 'any' && rule.route !== route) continue;
      if (!faultApplies(rule.kind, route)) continue;
      if (rule.orderId !== undefined && rule.orderId !== orderId) continue;
      if (rule.language !== undefined && !languages.includes(rule.language)) continue;
      if (this.faultRng.next() >= (rule.probability ?? 1)) continue;
      f.remaining--;
      return rule;
    }
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const now = this.now();
    const method = req.method ?? 'GET';
    const u = new URL(req.url ?? '/', 'http://simulator.local');
    const path = u.pathname;
    const query: Record<string, string> = {};
    for (const [k, v] of u.searchParams) query[k] = v;
    const key = req.headers['x-api-key'];
    const apiKeyOk = typeof key === 'string' && key === this.apiKey;
    const hasContentLength = req.headers['content-length'] !== undefined;
    const rec: RequestRecord = { method, path, query, route: 'unknown', status: 0, at: now, apiKeyOk, hasContentLength };
    const matched = this.matchRoute(method, path);
    rec.route = matched.route;
    this.requests.push(rec);
    // Uploads stream (never through readBody); the project routes live beside them in media.ts.
    if (isMediaRoute(matched.route))
      return this.media.handle(req, res, rec, { ...matched, route: matched.route }, u.searchParams, apiKeyOk);

    const body = await readBody(req);
    if (body === 'too-large') return this.deliver(req, res, rec, jsonResponse(413, genericEnvelope('request entity too large')));

    if (matched.route === 'health') return this.deliver(req, res, rec, jsonResponse(200, { status: 'ok' }));
    if (matched.route === 'unknown') return this.deliver(req, res, rec, jsonResponse(404, genericEnvelope(`Cannot ${method} ${path}`)));
    const route = matched.route;

    // Languages for language-targeted faults.
    const languages: string[] = [];
    if (matched.orderId !== undefined) {
      const o = this.byId.get(matched.orderId);
      if (o !== undefined) languages.push(o.targetLanguage);
    } else if (route === 'create') {
      try {
        const parsed: unknown = JSON.parse(body.toString('utf8'));
        if (isObject(parsed) && Array.isArray(parsed['targetLanguageConfigs'])) {
          for (const c of parsed['targetLanguageConfigs'])
            if (isObject(c) && typeof c['language'] === 'string') languages.push(c['language']);
        }
      } catch {
        // validated later
      }
    }
    const fault = this.pickFault(route, matched.orderId, languages);
    if (fault !== undefined) rec.fault = fault.kind;

    // Faults answered before any processing.
    if (fault !== undefined) {
      switch (fault.kind) {
        case 'reset': {
          const s = req.socket;
          if (typeof s.resetAndDestroy === 'function') s.resetAndDestroy();
          else s.destroy();
          return;
        }
        case '500':
          return this.deliver(req, res, rec, jsonResponse(500, genericEnvelope('Internal server error')));
        case '503':
          return this.deliver(req, res, rec, jsonResponse(503, genericEnvelope('Service Unavailable')));
        case '429':
          return this.deliver(
            req,
            res,
            rec,
            jsonResponse(429, genericEnvelope('ThrottlerException: Too Many Requests'), {
              'retry-after': String(fault.retryAfterSeconds ?? 1),
            }),
          );
        case 'html-200':
          return this.deliver(req, res, rec, rawResponse(200, 'text/html; charset=utf-8', HTML_ERROR_PAGE));
        case 'json-200':
          return this.deliver(req, res, rec, rawResponse(200, 'application/json', '{"error":"AccessDenied"}'));
        case 'create-saved-late': {
          // The server keeps the request and saves its orders later; the client hears nothing.
          req.socket.destroy();
          if (!apiKeyOk) return;
          const t = setTimeout(() => {
            this.timers.delete(t);
            this.create(req, body, this.now(), false);
          }, fault.delayMs ?? 5_000);
          this.timers.add(t);
          return;
        }
        case 'malformed-json': {
          const text =
            route === 'list'
              ? '{"data":[{"id":"'
              : route === 'create'
                ? '[{"orderId":"'
                : `{"id":"${matched.orderId ?? ''}","status":"ongo`;
          return this.deliver(req, res, rec, rawResponse(200, 'application/json; charset=utf-8', text));
        }
        default:
          break;
      }
    }

    // Ollang's docs warn: chunked request bodies (no Content-Length) have caused 500s.
    if (
      route === 'create' &&
      !hasContentLength &&
      /chunked/i.test(req.headers['transfer-encoding'] ?? '') &&
      this.options.rejectChunkedCreate !== false
    ) {
      return this.deliver(req, res, rec, jsonResponse(500, genericEnvelope('Internal server error')), fault);
    }

    if (route === 'download' || route === 'source-download') {
      return this.deliver(req, res, rec, this.download(matched.orderId ?? '', matched.docId ?? '', u.searchParams, now), fault);
    }

    if (!apiKeyOk) return this.deliver(req, res, rec, jsonResponse(401, ERRORS.unauthorized), fault);

    const drift = fault?.kind === 'drift';
    let response: SimResponse;
    switch (route) {
      case 'create':
        response = this.create(req, body, now, drift);
        break;
      case 'get':
        response = this.getOrder(matched.orderId ?? '', now, drift);
        break;
      case 'list':
        response = this.list(u.searchParams, now, drift);
        break;
      case 'cancel':
        response = this.cancel(matched.orderId ?? '', now);
        break;
      case 'cancel-human-review':
        response = this.cancelHumanReview(matched.orderId ?? '', now);
        break;
    }
    this.countHandled(route);
    return this.deliver(req, res, rec, response, fault);
  }

  /** Counts a handled request and makes the scheduled orders it was waiting for. */
  private countHandled(route: ConcreteRoute): void {
    const count = (this.handled.get(route) ?? 0) + 1;
    this.handled.set(route, count);
    for (const s of this.scheduled) {
      if (s.done || s.rule.after.route !== route || count < (s.rule.after.count ?? 1)) continue;
      s.done = true;
      const make = (): void => void this.addOrder({ ...s.rule.order });
      if (!s.rule.delayMs) make();
      else {
        const t = setTimeout(() => {
          this.timers.delete(t);
          make();
        }, s.rule.delayMs);
        this.timers.add(t);
      }
    }
  }

  /** A status as answers spell it (statusSpelling), e.g. `canceled`. */
  private spell(status: string): string {
    return this.options.statusSpelling?.[status] ?? status;
  }

  private deliver(req: IncomingMessage, res: ServerResponse, rec: RequestRecord, r: SimResponse, fault?: FaultRule): void {
    const send = (): void => {
      if (res.destroyed || req.socket.destroyed) return;
      if (fault?.kind === 'create-no-answer') {
        req.socket.destroy();
        return;
      }
      rec.status = r.status;
      const size = r.stream !== undefined ? r.stream.size : (r.body?.length ?? 0);
      // The simulator's own clock, as a real server's Date header and its stamps share one.
      const headers: Record<string, string> = { date: new Date(this.now()).toUTCString(), ...r.headers };
      if (r.status !== 204) headers['content-length'] = String(size);
      res.writeHead(r.status, headers);
      if (req.method === 'HEAD' || r.status === 204 || size === 0) {
        res.end();
        return;
      }
      const truncate = fault?.kind === 'truncate';
      const limit = truncate ? Math.floor(size / 2) : size;
      const finish = (): void => {
        if (!truncate) {
          res.end();
          return;
        }
        // Announced the full length, sent half: close the connection under the client.
        const sock = res.socket;
        if (sock === null) return;
        sock.end();
        const t = setTimeout(() => sock.destroy(), 500);
        t.unref();
      };
      if (fault?.kind === 'trickle') {
        const bytes = r.body ?? Buffer.alloc(0);
        void this.trickle(
          res,
          (i) => (r.stream ? r.stream.pattern[i % r.stream.pattern.length]! : bytes[i]!),
          size,
          fault.delayMs ?? 1_000,
        ).then(finish);
        return;
      }
      if (r.body !== undefined) {
        res.write(r.body.subarray(0, limit));
        finish();
        return;
      }
      if (r.stream !== undefined) void this.streamPattern(res, r.stream.pattern, limit).then(finish);
    };
    if (fault?.kind === 'slow') {
      const t = setTimeout(() => {
        this.timers.delete(t);
        send();
      }, fault.delayMs ?? 30_000);
      this.timers.add(t);
    } else send();
  }

  /** One byte, then a pause, until `total` bytes were sent or the client went away. */
  private async trickle(res: ServerResponse, byteAt: (index: number) => number, total: number, intervalMs: number): Promise<void> {
    for (let sent = 0; sent < total && !res.destroyed; sent++) {
      res.write(Buffer.of(byteAt(sent)));
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.timers.delete(t);
          resolve();
        }, intervalMs);
        this.timers.add(t);
      });
    }
  }

  private async streamPattern(res: ServerResponse, pattern: Buffer, total: number): Promise<void> {
    let sent = 0;
    while (sent < total) {
      if (res.destroyed) return;
      const n = Math.min(total - sent, pattern.length);
      const ok = res.write(n === pattern.length ? pattern : pattern.subarray(0, n));
      sent += n;
      if (!ok && sent < total) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    }
  }

  // ---------------------------------------------------------------- handlers

  private lookup(orderId: string, action: 'read' | 'cancel'): InternalOrder | SimResponse {
    const o = this.byId.get(orderId);
    if (o === undefined) return jsonResponse(404, ERRORS.orderNotFound);
    if (o.clientId !== SIM_CLIENT_ID) return jsonResponse(403, action === 'read' ? ERRORS.accessDeniedRead : ERRORS.accessDenied);
    return o;
  }

  private create(req: IncomingMessage, raw: Buffer, now: number, drift: boolean): SimResponse {
    const ct = req.headers['content-type'] ?? '';
    if (!/^application\/([a-z.+-]*\+)?json\b/i.test(ct)) {
      return jsonResponse(400, badRequest('Request body must be JSON (Content-Type: application/json)'));
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch (err) {
      return jsonResponse(400, badRequest(`Malformed JSON body: ${(err as Error).message}`, 'INVALID_JSON'));
    }
    if (!isObject(body)) return jsonResponse(400, badRequest('Request body must be a JSON object'));
    const { orderType, level, projectId, targetLanguageConfigs, orderSubType, dubbingStyle, callbackUrl, autoQc } = body;
    if (typeof orderType !== 'string' || !ORDER_TYPES.includes(orderType)) return jsonResponse(400, ERRORS.invalidOrderType);
    if (typeof level !== 'number' || !Number.isFinite(level)) return jsonResponse(400, badRequest('level must be a number'));
    if (level !== 0 && level !== 1) return jsonResponse(400, badRequest('level must be one of: 0, 1'));
    if (typeof projectId !== 'string' || projectId === '') return jsonResponse(400, badRequest('projectId must be a non-empty string'));
    if (
      targetLanguageConfigs === undefined ||
      targetLanguageConfigs === null ||
      (Array.isArray(targetLanguageConfigs) && targetLanguageConfigs.length === 0)
    ) {
      return jsonResponse(400, ERRORS.missingTargets);
    }
    if (!Array.isArray(targetLanguageConfigs)) return jsonResponse(400, badRequest('targetLanguageConfigs must be an array'));
    const configs: { language: string; isRush: boolean }[] = [];
    for (const [i, c] of targetLanguageConfigs.entries()) {
      if (!isObject(c) || typeof c['language'] !== 'string' || c['language'].trim() === '') {
        return jsonResponse(
          400,
          badRequest(
            `targetLanguageConfigs.${i}.language must be a non-empty string`,
            'INVALID_TARGET_LANGUAGE',
            'Invalid target language',
          ),
        );
      }
      if (c['isRush'] !== undefined && typeof c['isRush'] !== 'boolean') {
        return jsonResponse(400, badRequest(`targetLanguageConfigs.${i}.isRush must be a boolean value`));
      }
      configs.push({ language: c['language'], isRush: c['isRush'] === true });
    }
    if (orderSubType !== undefined && (typeof orderSubType !== 'string' || !ORDER_SUB_TYPES.includes(orderSubType))) {
      return jsonResponse(400, badRequest(`orderSubType must be one of: ${ORDER_SUB_TYPES.join(', ')}`));
    }
    if (dubbingStyle !== undefined && (typeof dubbingStyle !== 'string' || !DUBBING_STYLES.includes(dubbingStyle))) {
      return jsonResponse(400, badRequest(`dubbingStyle must be one of: ${DUBBING_STYLES.join(', ')}`));
    }
    if (callbackUrl !== undefined) {
      let ok = false;
      if (typeof callbackUrl === 'string') {
        try {
          const cb = new URL(callbackUrl);
          ok = cb.protocol === 'http:' || cb.protocol === 'https:';
        } catch {
          ok = false;
        }
      }
      if (!ok) return jsonResponse(400, badRequest('callbackUrl must be a URL address (http or https)'));
    }
    if (autoQc !== undefined && typeof autoQc !== 'boolean') return jsonResponse(400, badRequest('autoQc must be a boolean value'));
    const project = this.projects.get(projectId);
    if (project === undefined) return jsonResponse(404, ERRORS.projectNotFound);

    const items: Record<string, unknown>[] = [];
    const withType = this.options.childOrders === true || drift;
    const stamp = this.stamp(now);
    const make = (type: string, language: string, isRush: boolean, lvl: number, parent?: string): InternalOrder => {
      const o: InternalOrder = {
        id: this.newId(now),
        seq: this.seq++,
        projectId,
        clientId: SIM_CLIENT_ID,
        type,
        level: lvl,
        originalLevel: lvl,
        targetLanguage: language,
        sourceLanguage: project.sourceLanguage,
        isRush,
        name: project.name,
        createdAtMs: stamp,
        createdAt: new Date(stamp).toISOString(),
      };
      if (typeof orderSubType === 'string' && type === 'cc') o.orderSubType = orderSubType;
      if (typeof dubbingStyle === 'string') o.dubbingStyle = dubbingStyle;
      if (parent !== undefined) o.parentOrderId = parent;
      this.insert(o);
      const item: Record<string, unknown> = { orderId: o.id };
      if (withType) item['orderType'] = type;
      if (drift) {
        item['targetLanguage'] = language;
        item['createdAt'] = o.createdAt;
      }
      if (!skipped.has(language) || type !== orderType) items.push(item);
      return o;
    };
    const skips = this.options.createSkips;
    const skipped = new Set(skips?.languages ?? []);
    for (const c of configs) {
      if (skipped.has(c.language) && skips?.made !== true) continue;
      const parent = make(orderType, c.language, c.isRush, level);
      if (this.options.childOrders === true) {
        // The SDK warns that these types create more than one order.
        if (orderType === 'subtitle') make('cc', project.sourceLanguage, c.isRush, 0, parent.id);
        if (orderType === 'aiDubbing') make('subtitle', c.language, c.isRush, 0, parent.id);
      }
    }
    const order = this.options.createResponseOrder ?? 'request';
    if (order === 'reversed') items.reverse();
    else if (order === 'shuffled') shuffleInPlace(items, this.shuffleRng);
    return jsonResponse(201, items);
  }

  private getOrder(orderId: string, now: number, drift: boolean): SimResponse {
    const o = this.lookup(orderId, 'read');
    if (!('seq' in o)) return o;
    let json = this.orderJson(o, now, drift);
    if (this.options.decorateOrder !== undefined) json = this.options.decorateOrder(json);
    return jsonResponse(200, json);
  }

  private list(params: URLSearchParams, now: number, drift: boolean): SimResponse {
    const get = (...names: string[]): string | undefined => {
      for (const n of names) {
        const v = params.get(n);
        if (v !== null) return v;
      }
      return undefined;
    };
    const pageRaw = get('page', 'pageOptions[page]') ?? '1';
    const takeRaw = get('take', 'pageOptions[take]') ?? '10';
    const page = Number(pageRaw);
    const take = Number(takeRaw);
    if (!Number.isInteger(page) || page < 1) return jsonResponse(400, badRequest('page must not be less than 1'));
    if (!Number.isInteger(take) || take < 1) return jsonResponse(400, badRequest('take must not be less than 1'));
    if (take > 50) return jsonResponse(400, badRequest('take must not be greater than 50'));
    const orderBy = get('orderBy', 'pageOptions[orderBy]') ?? 'id';
    if (!ORDER_BY.includes(orderBy)) return jsonResponse(400, badRequest(`orderBy must be one of: ${ORDER_BY.join(', ')}`));
    const dirRaw = (get('orderDirection', 'pageOptions[orderDirection]') ?? 'desc').toLowerCase();
    if (dirRaw !== 'asc' && dirRaw !== 'desc') return jsonResponse(400, badRequest('orderDirection must be one of: asc, desc'));
    const dir = dirRaw === 'asc' ? 1 : -1;

    const search = get('search', 'pageOptions[search]')?.toLowerCase();
    const fType = get('filter[type]');
    const fName = get('filter[name]')?.toLowerCase();
    const fStatus = get('filter[status]');
    const fProject = get('filter[projectId]');
    const fromRaw = get('filter[createdAtRange][from]');
    const toRaw = get('filter[createdAtRange][to]');
    const from = fromRaw === undefined || fromRaw === '' ? undefined : Date.parse(fromRaw);
    const to = toRaw === undefined || toRaw === '' ? undefined : Date.parse(toRaw);
    if (from !== undefined && Number.isNaN(from))
      return jsonResponse(400, badRequest('filter.createdAtRange.from must be a valid ISO 8601 date string'));
    if (to !== undefined && Number.isNaN(to))
      return jsonResponse(400, badRequest('filter.createdAtRange.to must be a valid ISO 8601 date string'));
    const statuses = fStatus === undefined || fStatus === '' ? undefined : new Set(fStatus.split(','));

    const needStatus = statuses !== undefined || orderBy === 'status';
    let rows: { o: InternalOrder; status: string }[] = [];
    for (const o of this.all) {
      if (o.clientId !== SIM_CLIENT_ID) continue;
      if (fType !== undefined && fType !== '' && o.type !== fType) continue;
      if (fProject !== undefined && fProject !== '' && o.projectId !== fProject) continue;
      if (fName !== undefined && fName !== '' && !o.name.toLowerCase().includes(fName)) continue;
      if (search !== undefined && search !== '' && !o.name.toLowerCase().includes(search) && !o.id.includes(search)) continue;
      if (from !== undefined && o.createdAtMs < from) continue;
      if (to !== undefined && o.createdAtMs > to) continue;
      const status = needStatus ? this.stateOf(o, now).status : '';
      if (statuses !== undefined && !statuses.has(status)) continue;
      rows.push({ o, status });
    }
    const key = (r: { o: InternalOrder; status: string }): string | number =>
      orderBy === 'createdAt' ? r.o.createdAtMs : orderBy === 'name' ? r.o.name : orderBy === 'status' ? r.status : r.o.id;
    // Ties: by ID, or (unstableTieOrder) in an order drawn anew for this request.
    const tie = this.options.unstableTieOrder === true ? new Map(rows.map((r) => [r.o.id, this.shuffleRng.next()])) : undefined;
    rows.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka < kb) return -dir;
      if (ka > kb) return dir;
      if (tie) return tie.get(a.o.id)! - tie.get(b.o.id)!;
      return a.o.id < b.o.id ? -dir : a.o.id > b.o.id ? dir : 0;
    });
    const itemCount = rows.length;
    const pageCount = Math.ceil(itemCount / take);
    rows = rows.slice((page - 1) * take, page * take);
    const data = rows.map((r) => this.listItem(r.o, needStatus ? r.status : this.stateOf(r.o, now).status, drift));
    const meta: Record<string, unknown> = { page, take, itemCount, pageCount, hasPreviousPage: page > 1, hasNextPage: page < pageCount };
    return jsonResponse(200, drift ? { data, meta, links: { self: `/integration/orders?page=${page}` } } : { data, meta });
  }

  private cancel(orderId: string, now: number): SimResponse {
    const o = this.lookup(orderId, 'cancel');
    if (!('seq' in o)) return o;
    const st = this.stateOf(o, now);
    if (st.phase === 'cancelled') return jsonResponse(409, ERRORS.alreadyCancelled);
    const L = this.lifecycleOf(o);
    const eligible = st.phase === 'pending' || (st.phase === 'ongoing' && st.sinceOngoingMs < L.cancellableOngoingMs);
    if (!eligible) return jsonResponse(400, ERRORS.notCancellable);
    o.cancelledAt = now;
    return { status: 204, headers: {} };
  }

  private cancelHumanReview(orderId: string, now: number): SimResponse {
    const o = this.lookup(orderId, 'cancel');
    if (!('seq' in o)) return o;
    const st = this.stateOf(o, now);
    const error = 'Cannot cancel human review';
    const code = 'HUMAN_REVIEW_NOT_CANCELLABLE';
    if (st.phase === 'cancelled') return jsonResponse(400, badRequest('Order has been cancelled', code, error));
    if (o.level !== 1)
      return jsonResponse(400, badRequest('Human review can only be cancelled for Level 1 (Human Review) orders', code, error));
    if (st.phase !== 'ongoing' && st.phase !== 'review') {
      return jsonResponse(
        400,
        badRequest(`Human review can only be cancelled while the order is in progress (status is ${st.status})`, code, error),
      );
    }
    o.hrCancelledAt = now;
    o.level = 0;
    return jsonResponse(200, { success: true, message: 'Human Review has been cancelled and credits have been refunded.', orderId: o.id });
  }

  private download(orderId: string, docId: string, params: URLSearchParams, now: number): SimResponse {
    const expiresRaw = params.get('expires') ?? '';
    const signature = params.get('signature') ?? '';
    const expires = Number(expiresRaw);
    const expected = Buffer.from(this.sign(orderId, docId, expires), 'hex');
    const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
    if (!Number.isFinite(expires) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return s3Error(403, 'AccessDenied', 'The request signature we calculated does not match the signature you provided.');
    }
    if (now > expires) return s3Error(403, 'AccessDenied', 'Request has expired');
    const o = this.byId.get(orderId);
    const spec = o === undefined ? undefined : this.docSpecs(o).find((s) => s.id === docId);
    if (o === undefined || spec === undefined) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
    const c = this.content(o, spec.kind);
    const headers = {
      'content-type': spec.contentType,
      'content-disposition': `attachment; filename="${spec.filename}"`,
      'cache-control': 'private, max-age=0',
      etag: `"${spec.id}"`,
    };
    if (Buffer.isBuffer(c)) return { status: 200, headers, body: c };
    return { status: 200, headers, stream: c };
  }
}
