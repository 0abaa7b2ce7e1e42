/**
 * A local fake of the Actions artifact service (v4), as @actions/artifact 6 talks to it:
 *
 * - Twirp JSON at `${ACTIONS_RESULTS_URL}/twirp/github.actions.results.api.v1.ArtifactService/<Method>`
 *   with `Authorization: Bearer ${ACTIONS_RUNTIME_TOKEN}` (lib/internal/shared/artifact-twirp-client.js),
 *   request fields in proto names (`workflow_run_backend_id`, `name`, `size`).
 * - The runtime token is a JWT whose `scp` claim carries
 *   `Actions.Results:<workflow run backend ID>:<job run backend ID>` (lib/internal/shared/util.js
 *   decodes it without checking a signature); CreateArtifact and FinalizeArtifact must name both.
 * - CreateArtifact answers a signed blob URL; the zip is uploaded there by @azure/storage-blob's
 *   BlockBlobClient.uploadStream (`PUT ?comp=block&blockid=` per block, then `PUT ?comp=blocklist`;
 *   a single `PUT` is accepted too). FinalizeArtifact checks the size and answers the artifact ID.
 * - Names are unique within a workflow run: a second CreateArtifact with the same name is refused
 *   (409, as the service answers), which the action must report as a warning, not a failure.
 * - ListArtifacts (`name_filter`) and DeleteArtifact (`name`), as DefaultArtifactClient.deleteArtifact
 *   uses them (lib/internal/delete/delete-artifact.js, upload-artifact's `overwrite`): a deleted
 *   artifact frees its name.
 *
 * `artifacts()` returns each finalized artifact with the file names inside its zip.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateRawSync } from 'node:zlib';

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';
const BLOB_PREFIX = '/devstoreaccount1/actions-results/';
const RUN_BACKEND_ID = 'ce7f54c7-61c7-4aae-887f-30da475f5f1a';
const JOB_BACKEND_ID = 'ca395085-040a-526b-2ce8-bdc85f692774';

interface Artifact {
  id: number;
  name: string;
  uploadSig: string;
  blocks: Map<string, Buffer>;
  data?: Buffer;
  finalized: boolean;
}

export interface FakeArtifactService {
  url: string;
  /** Give these to the process that runs @actions/artifact. */
  env: Record<string, string>;
  /** Finalized artifacts: their ID, name, size, and the files in the zip with their contents. */
  artifacts(): { id: number; name: string; size: number; files: Map<string, Buffer> }[];
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

export async function startArtifactService(): Promise<FakeArtifactService> {
  const token = fakeRuntimeToken();
  const artifacts: Artifact[] = [];
  const requests: { method: string; path: string }[] = [];
  let nextId = 1001;
  let url = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'internal', msg: String(error) });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = new URL(req.url ?? '/', url);
    requests.push({ method: req.method ?? 'GET', path: target.pathname });
    const body = await readBody(req);

    if (target.pathname.startsWith(SERVICE)) {
      if (req.method !== 'POST') return sendJson(res, 405, { code: 'bad_route', msg: 'POST only' });
      if (req.headers.authorization !== `Bearer ${token}`) return sendJson(res, 401, { code: 'unauthenticated', msg: 'invalid token' });
      let request: Record<string, unknown>;
      try {
        request = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        return sendJson(res, 400, { code: 'malformed', msg: 'body is not JSON' });
      }
      if (request['workflow_run_backend_id'] !== RUN_BACKEND_ID || request['workflow_job_run_backend_id'] !== JOB_BACKEND_ID) {
        return sendJson(res, 400, { code: 'invalid_argument', msg: 'unknown workflow run or job' });
      }
      const name = String(request['name'] ?? '');
      const method = target.pathname.slice(SERVICE.length);
      if (method === 'CreateArtifact') {
        if (!name) return sendJson(res, 400, { code: 'invalid_argument', msg: 'name is required' });
        if (artifacts.some((a) => a.name === name)) {
          return sendJson(res, 409, {
            code: 'already_exists',
            msg: `an artifact with this name already exists on the workflow run: ${name}`,
          });
        }
        const artifact: Artifact = { id: nextId++, name, uploadSig: randomBytes(12).toString('hex'), blocks: new Map(), finalized: false };
        artifacts.push(artifact);
        return sendJson(res, 200, {
          ok: true,
          signed_upload_url: `${url}${BLOB_PREFIX}${artifact.id}?sv=2024-01-01&sig=${artifact.uploadSig}`,
        });
      }
      if (method === 'FinalizeArtifact') {
        const artifact = artifacts.find((a) => a.name === name && !a.finalized);
        if (!artifact?.data) return sendJson(res, 404, { code: 'not_found', msg: `no upload for ${name}` });
        if (String(artifact.data.length) !== String(request['size'] ?? '')) {
          return sendJson(res, 400, {
            code: 'invalid_argument',
            msg: `size mismatch: ${artifact.data.length} uploaded, ${String(request['size'])} announced`,
          });
        }
        artifact.finalized = true;
        return sendJson(res, 200, { ok: true, artifact_id: String(artifact.id) });
      }
      if (method === 'ListArtifacts') {
        const filter = request['name_filter'];
        const listed = artifacts.filter((a) => a.finalized && (typeof filter !== 'string' || a.name === filter));
        return sendJson(res, 200, {
          artifacts: listed.map((a) => ({
            workflow_run_backend_id: RUN_BACKEND_ID,
            workflow_job_run_backend_id: JOB_BACKEND_ID,
            database_id: String(a.id),
            name: a.name,
            size: String(a.data?.length ?? 0),
            created_at: new Date().toISOString(),
          })),
        });
      }
      if (method === 'DeleteArtifact') {
        const index = artifacts.findIndex((a) => a.name === name && a.finalized);
        if (index === -1) return sendJson(res, 404, { code: 'not_found', msg: `no artifact ${name}` });
        const [deleted] = artifacts.splice(index, 1);
        return sendJson(res, 200, { ok: true, artifact_id: String(deleted!.id) });
      }
      return sendJson(res, 404, { code: 'bad_route', msg: `no method ${method}` });
    }

    if (target.pathname.startsWith(BLOB_PREFIX) && req.method === 'PUT') {
      const artifact = artifacts.find((a) => a.id === Number(target.pathname.slice(BLOB_PREFIX.length)));
      if (!artifact || target.searchParams.get('sig') !== artifact.uploadSig || artifact.finalized)
        return sendBlobError(res, 403, 'AuthenticationFailed');
      const comp = target.searchParams.get('comp');
      if (comp === 'block') {
        artifact.blocks.set(target.searchParams.get('blockid') ?? '', body);
        return sendBlobCreated(res);
      }
      if (comp === 'blocklist') {
        const ids = Array.from(body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g), (m) => m[1] ?? '');
        const parts = ids.map((id) => artifact.blocks.get(id));
        if (parts.some((part) => part === undefined)) return sendBlobError(res, 400, 'InvalidBlockList');
        artifact.data = Buffer.concat(parts as Buffer[]);
        return sendBlobCreated(res);
      }
      if (comp) return sendBlobError(res, 400, 'UnsupportedQueryParameter');
      artifact.data = body;
      return sendBlobCreated(res);
    }
    sendJson(res, 404, { msg: 'not found' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    env: { ACTIONS_RESULTS_URL: `${url}/`, ACTIONS_RUNTIME_TOKEN: token },
    artifacts: () =>
      artifacts.filter((a) => a.finalized && a.data).map((a) => ({ id: a.id, name: a.name, size: a.data!.length, files: unzip(a.data!) })),
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** An unsigned JWT with the claim @actions/artifact reads (it never checks the signature). */
function fakeRuntimeToken(): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = {
    scp: `Actions.GenericRead:1 Actions.Results:${RUN_BACKEND_ID}:${JOB_BACKEND_ID}`,
    nonce: randomBytes(6).toString('hex'),
  };
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.${randomBytes(8).toString('base64url')}`;
}

/**
 * The files in a zip, read from its central directory (archiver writes sizes there, whatever it
 * streamed): stored and deflated entries; folders left out.
 */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end === -1) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('broken central directory');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    files.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
  }
  return files;
}

function sendBlobCreated(res: ServerResponse): void {
  res.writeHead(201, {
    etag: `"0x8DC${randomBytes(6).toString('hex').toUpperCase()}"`,
    'last-modified': new Date().toUTCString(),
    'x-ms-request-id': randomBytes(8).toString('hex'),
    'x-ms-version': '2024-01-01',
    'x-ms-request-server-encrypted': 'true',
    'content-length': '0',
  });
  res.end();
}

function sendBlobError(res: ServerResponse, status: number, code: string): void {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code, 'content-length': String(Buffer.byteLength(xml)) });
  res.end(xml);
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
