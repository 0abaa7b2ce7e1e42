// The simulator's upload and project endpoints, per Ollang's upload and project reference:
//   POST /integration/upload/direct      multipart (file with an extension, name, sourceLanguage, notes?)
//   GET  /integration/project            page, take 1-50, orderBy, orderDirection, search (contains, any case)
//   GET  /integration/project/{id}       the project and its projectDocs; 404 PROJECT_NOT_FOUND
// The upload body is parsed as it streams (multipart.ts): the simulator counts and hashes the
// file's bytes and never holds them. An uploaded project can be ordered like any other.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';

import { MultipartError, boundaryOf, parseMultipart } from './multipart.ts';
import type { FaultRule, RequestRecord, SimProject, SimulatorOptions } from './types.ts';

export type MediaRoute = 'upload' | 'list-projects' | 'get-project';

/** 30 GB (Ollang's audio and video limit) unless the options say otherwise. */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 30 * 1000 ** 3;
/** Room for the parts' headers and the text fields around the file, over the file's own limit. */
const FORM_OVERHEAD_BYTES = 256 * 1024;

/** The formats Ollang's upload page lists, by extension (lower case), and whether each is media. */
const FORMATS: Record<string, 'video' | 'audio' | 'document'> = Object.fromEntries([
  ...['mp4', 'mov', 'avi', 'wmv', 'flv', 'mkv'].map((e) => [e, 'video'] as const),
  ...['mp3', 'wav', 'aac', 'm4a', 'flac', 'ogg'].map((e) => [e, 'audio'] as const),
  ...[
    'docx',
    'doc',
    'pdf',
    'txt',
    'rtf',
    'odt',
    'pptx',
    'ppt',
    'odp',
    'xlsx',
    'xls',
    'ods',
    'csv',
    'jpeg',
    'jpg',
    'png',
    'html',
    'xml',
    'json',
    'srt',
    'vtt',
  ].map((e) => [e, 'document'] as const),
]);
const DOCUMENT_LIMIT_BYTES = 100 * 1000 ** 2;
const PROJECT_ORDER_BY = ['id', 'name', 'createdAt', 'sourceLanguage'];

interface SimResponseLike {
  status: number;
  headers: Record<string, string>;
  body?: Buffer;
}

/** What media.ts needs from the simulator core (simulator.ts builds it). */
export interface MediaContext {
  options: SimulatorOptions;
  now(): number;
  newId(ms: number): string;
  /** The simulator's start time: the createdAt of the projects given in the options. */
  startedAt: number;
  /** The projects given in the options (`projects`) or added with addProject. */
  seededProjects(): Iterable<{ id: string; name: string; sourceLanguage: string }>;
  /** Makes a project orderable by Create Order. */
  registerProject(project: { id: string; name: string; sourceLanguage: string }): void;
  ordersCount(projectId: string): number;
  pickFault(route: MediaRoute): FaultRule | undefined;
  deliver(req: IncomingMessage, res: ServerResponse, rec: RequestRecord, r: SimResponseLike, fault?: FaultRule): void;
  json(status: number, value: unknown, extra?: Record<string, string>): SimResponseLike;
  genericEnvelope(detail: string): Record<string, unknown>;
  unauthorized: Record<string, string>;
  projectNotFound: Record<string, string>;
}

interface ProjectRecord extends SimProject {
  /** Hidden from List and Get until then (the late-save fault). */
  visibleAt: number;
}

export function matchMediaRoute(method: string, path: string): { route: MediaRoute; projectId?: string } | undefined {
  if (method === 'POST' && path === '/integration/upload/direct') return { route: 'upload' };
  if (method === 'GET' && path === '/integration/project') return { route: 'list-projects' };
  const m = /^\/integration\/project\/([^/]+)$/.exec(path);
  if (method === 'GET' && m) return { route: 'get-project', projectId: decodeURIComponent(m[1]!) };
  return undefined;
}

export function isMediaRoute(route: string): route is MediaRoute {
  return route === 'upload' || route === 'list-projects' || route === 'get-project';
}

function bad(message: string, code = 'VALIDATION_ERROR'): Record<string, string> {
  return { error: 'Bad Request', message, code };
}

function extensionOf(filename: string): string | undefined {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(filename);
  return m === null || m.index === 0 ? undefined : m[1]!.toLowerCase();
}

export class MediaRoutes {
  private readonly ctx: MediaContext;
  private readonly uploaded = new Map<string, ProjectRecord>();

  constructor(ctx: MediaContext) {
    this.ctx = ctx;
  }

  /** Projects made by uploads, in the order they were made (visible or not yet). */
  projects(): SimProject[] {
    return [...this.uploaded.values()].map(({ visibleAt: _, ...p }) => ({ ...p }));
  }

  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    rec: RequestRecord,
    matched: { route: MediaRoute; projectId?: string },
    params: URLSearchParams,
    apiKeyOk: boolean,
  ): Promise<void> {
    const { ctx } = this;
    const fault = ctx.pickFault(matched.route);
    if (fault !== undefined) rec.fault = fault.kind;
    const send = (r: SimResponseLike, withFault = fault): void => ctx.deliver(req, res, rec, r, withFault);

    // Faults answered before any processing (the body, if any, is left unread: Node drains it).
    switch (fault?.kind) {
      case 'reset': {
        const s = req.socket;
        if (typeof s.resetAndDestroy === 'function') s.resetAndDestroy();
        else s.destroy();
        return;
      }
      case '500':
        return send(ctx.json(500, ctx.genericEnvelope('Internal server error')));
      case '503':
        return send(ctx.json(503, ctx.genericEnvelope('Service Unavailable')));
      case '429':
        return send(
          ctx.json(429, ctx.genericEnvelope('ThrottlerException: Too Many Requests'), {
            'retry-after': String(fault.retryAfterSeconds ?? 1),
          }),
        );
      case 'html-200':
        return send({
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: Buffer.from('<!DOCTYPE html><html><body><h1>Error</h1></body></html>'),
        });
      case 'json-200':
        return send({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"error":"AccessDenied"}') });
      case 'malformed-json':
        return send({
          status: 200,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: Buffer.from(matched.route === 'upload' ? '{"projectId":"' : '{"data":[{"id":"'),
        });
      default:
        break;
    }
    // The API key is checked before the body is read (a guard runs before the file interceptor).
    if (!apiKeyOk) return send(ctx.json(401, ctx.unauthorized));
    switch (matched.route) {
      case 'upload':
        return this.upload(req, res, rec, fault);
      case 'list-projects':
        return send(this.list(params));
      case 'get-project':
        return send(this.get(matched.projectId ?? ''));
    }
  }

  // ---------------------------------------------------------------- upload

  private async upload(req: IncomingMessage, res: ServerResponse, rec: RequestRecord, fault: FaultRule | undefined): Promise<void> {
    const { ctx } = this;
    const limit = ctx.options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES;
    // Like a proxy in front: 413 as soon as the size is known, then, 200 ms later (time for the
    // answer to arrive), the connection is torn down under a client still sending: a client
    // must read that early answer although its write fails (EPIPE / ECONNRESET).
    const socket = req.socket;
    const tooLarge = (): void => {
      ctx.deliver(req, res, rec, ctx.json(413, { error: 'Payload Too Large', message: 'File too large', code: 'FILE_TOO_LARGE' }));
      const t = setTimeout(() => socket.destroy(), 200);
      t.unref();
    };
    const boundary = boundaryOf(req.headers['content-type']);
    if (boundary === undefined)
      return ctx.deliver(req, res, rec, ctx.json(400, bad('Request must be multipart/form-data with a boundary')), fault);
    // The limit is the file's: a body over it by more than the form's own parts has a file over it.
    const announced = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(announced) && announced > limit + FORM_OVERHEAD_BYTES) return tooLarge();

    let form;
    let throttleStart: number | undefined;
    let throttled = 0;
    const rate = fault?.kind === 'slow-upload' ? (fault.bytesPerSecond ?? 1024 * 1024) : undefined;
    try {
      // Not destroyed when the parser stops early: a 413 must still go out on this socket.
      form = await parseMultipart(req.iterator({ destroyOnReturn: false }), boundary, {
        maxBodyBytes: limit + FORM_OVERHEAD_BYTES,
        maxFileBytes: limit,
        ...(rate !== undefined
          ? {
              afterChunk: async (bytes: number): Promise<void> => {
                throttleStart ??= Date.now();
                throttled += bytes;
                const due = throttleStart + (throttled / rate) * 1000 - Date.now();
                if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
              },
            }
          : {}),
      });
    } catch (error) {
      if (error instanceof MultipartError && error.reason === 'limit') return tooLarge();
      if (error instanceof MultipartError)
        return ctx.deliver(req, res, rec, ctx.json(400, bad(`Malformed multipart body: ${error.message}`)), fault);
      // The client went away mid-body: nothing is saved, nobody to answer.
      req.socket.destroy();
      return;
    }
    rec.bytes = form.bodyBytes;

    const file = form.files.find((f) => f.field === 'file');
    if (file === undefined) return ctx.deliver(req, res, rec, ctx.json(400, bad('file is required')), fault);
    const extension = file.filename === undefined ? undefined : extensionOf(file.filename);
    if (extension === undefined) {
      return ctx.deliver(req, res, rec, ctx.json(400, bad('File must have a name with an extension', 'INVALID_FILE')), fault);
    }
    const kind = FORMATS[extension];
    if (kind === undefined)
      return ctx.deliver(req, res, rec, ctx.json(400, bad(`Unsupported file format: .${extension}`, 'INVALID_FILE')), fault);
    if (file.size === 0) return ctx.deliver(req, res, rec, ctx.json(400, bad('File is empty', 'INVALID_FILE')), fault);
    if (kind === 'document' && file.size > DOCUMENT_LIMIT_BYTES) return tooLarge();
    const name = form.fields.get('name')?.trim() ?? '';
    if (name === '') return ctx.deliver(req, res, rec, ctx.json(400, bad('name should not be empty')), fault);
    const sourceLanguage = form.fields.get('sourceLanguage')?.trim() ?? '';
    if (sourceLanguage === '') return ctx.deliver(req, res, rec, ctx.json(400, bad('sourceLanguage should not be empty')), fault);
    const notes = form.fields.get('notes');
    if (notes !== undefined && !validNotes(notes)) {
      return ctx.deliver(req, res, rec, ctx.json(400, bad('notes must be a JSON string of [{details, timeStamp}]')), fault);
    }

    const now = ctx.now();
    const id = ctx.newId(now);
    // Ollang's SDK types say the platform appends the file's extension to the name.
    const fullName = (ctx.options.projectNameExtension ?? 'append') === 'append' ? `${name}.${extension}` : name;
    // A platform may cut long names (projectNameMaxChars): whatever comes first in a name survives.
    const storedName = [...fullName].slice(0, ctx.options.projectNameMaxChars ?? Infinity).join('');
    const folderId = ctx.options.uploadFolderId ?? 'folder_api_uploads';
    const project: ProjectRecord = {
      id,
      name: storedName,
      sourceLanguage,
      createdAt: new Date(now).toISOString(),
      folderId,
      fileName: file.filename!,
      size: file.size,
      sha256: file.sha256,
      fields: [...form.order],
      ...(file.contentType !== undefined ? { contentType: file.contentType } : {}),
      ...(notes !== undefined ? { notes } : {}),
      visibleAt: fault?.kind === 'upload-no-answer' ? now + (fault.delayMs ?? 0) : now,
    };
    this.uploaded.set(id, project);
    ctx.registerProject({ id, name: storedName, sourceLanguage });
    // Processed, but the answer is lost (a gateway time-out, a dropped connection).
    if (fault?.kind === 'upload-no-answer') {
      rec.status = 0;
      req.socket.destroy();
      return;
    }
    ctx.deliver(req, res, rec, ctx.json(201, { projectId: id }), fault);
  }

  // ---------------------------------------------------------------- list and get

  private all(): { id: string; name: string; sourceLanguage: string; createdAtMs: number; folderId: string; record?: ProjectRecord }[] {
    const now = this.ctx.now();
    const rows: { id: string; name: string; sourceLanguage: string; createdAtMs: number; folderId: string; record?: ProjectRecord }[] = [];
    for (const p of this.ctx.seededProjects()) {
      const record = this.uploaded.get(p.id);
      if (record !== undefined) {
        if (record.visibleAt > now) continue;
        rows.push({ ...p, createdAtMs: Date.parse(record.createdAt), folderId: record.folderId, record });
      } else {
        rows.push({
          ...p,
          createdAtMs: this.ctx.startedAt,
          folderId: `folder_${createHash('sha1').update(p.id).digest('hex').slice(0, 12)}`,
        });
      }
    }
    return rows;
  }

  private list(params: URLSearchParams): SimResponseLike {
    const { ctx } = this;
    const get = (name: string): string | undefined => params.get(name) ?? params.get(`pageOptions[${name}]`) ?? undefined;
    const page = Number(get('page') ?? '1');
    const take = Number(get('take') ?? '10');
    if (!Number.isInteger(page) || page < 1) return ctx.json(400, bad('page must not be less than 1'));
    if (!Number.isInteger(take) || take < 1) return ctx.json(400, bad('take must not be less than 1'));
    if (take > 50) return ctx.json(400, bad('take must not be greater than 50'));
    const orderBy = get('orderBy') ?? 'id';
    if (!PROJECT_ORDER_BY.includes(orderBy)) return ctx.json(400, bad(`orderBy must be one of: ${PROJECT_ORDER_BY.join(', ')}`));
    const direction = (get('orderDirection') ?? 'desc').toLowerCase();
    if (direction !== 'asc' && direction !== 'desc') return ctx.json(400, bad('orderDirection must be one of: asc, desc'));
    const dir = direction === 'asc' ? 1 : -1;
    const search = get('search')?.toLowerCase() ?? '';

    let rows = this.all().filter((p) => search === '' || p.name.toLowerCase().includes(search));
    const key = (p: (typeof rows)[number]): string | number =>
      orderBy === 'createdAt' ? p.createdAtMs : orderBy === 'name' ? p.name : orderBy === 'sourceLanguage' ? p.sourceLanguage : p.id;
    rows.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka < kb) return -dir;
      if (ka > kb) return dir;
      return a.id < b.id ? -dir : a.id > b.id ? dir : 0;
    });
    const itemCount = rows.length;
    const pageCount = Math.ceil(itemCount / take);
    rows = rows.slice((page - 1) * take, page * take);
    const data = rows.map((p) => ({
      id: p.id,
      name: p.name,
      sourceLanguage: ctx.options.projectSourceLanguageSpelling?.(p.sourceLanguage) ?? p.sourceLanguage,
      createdAt: new Date(p.createdAtMs).toISOString(),
      folderId: p.folderId,
      ordersCount: ctx.ordersCount(p.id),
    }));
    return ctx.json(200, { data, meta: { page, take, itemCount, pageCount, hasPreviousPage: page > 1, hasNextPage: page < pageCount } });
  }

  private get(projectId: string): SimResponseLike {
    const { ctx } = this;
    const p = this.all().find((row) => row.id === projectId);
    if (p === undefined) return ctx.json(404, ctx.projectNotFound);
    const createdAt = new Date(p.createdAtMs).toISOString();
    const record = p.record;
    const extension = record === undefined ? 'mp4' : (extensionOf(record.fileName) ?? 'mp4');
    const kind = FORMATS[extension] ?? 'video';
    const doc: Record<string, unknown> = {
      id: createHash('sha1').update(`${p.id}:source`).digest('hex').slice(0, 24),
      name: record?.fileName ?? `${p.name}.mp4`,
      url: `https://storage.example.test/projects/${p.id}/source.${extension}`,
      type: kind === 'document' ? 'source_document' : 'source_video',
      size: record?.size ?? 4096,
      sourceLanguage: ctx.options.projectSourceLanguageSpelling?.(p.sourceLanguage) ?? p.sourceLanguage,
      projectId: p.id,
      folderId: p.folderId,
      createdAt,
      updatedAt: createdAt,
    };
    if (kind !== 'document') doc['duration'] = 36;
    return ctx.json(200, {
      id: p.id,
      name: p.name,
      sourceLanguage: p.sourceLanguage,
      createdAt,
      folderId: p.folderId,
      ordersCount: ctx.ordersCount(p.id),
      projectDocs: [doc],
    });
  }
}

function validNotes(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return (
      Array.isArray(value) &&
      value.every((n) => typeof n === 'object' && n !== null && typeof (n as { details?: unknown }).details === 'string')
    );
  } catch {
    return false;
  }
}
