/**
 * OllangClient.listProjects / getProject: against the simulator (search, paging, 404, retries)
 * and against scripted answers (the tolerance the reference page calls for).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { OllangClient, projectsQueryString } from '../../src/ollang/client.ts';
import { OllangError } from '../../src/ollang/errors.ts';
import { multipartBody, writeMultipartBody } from '../../src/media/multipart.ts';
import { OllangSimulator } from '../simulator/index.ts';
import type { SimulatorOptions } from '../simulator/index.ts';
import { API_KEY, BASE_URL, json, stubTransport } from './ollang-helpers.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'media-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const running: OllangSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function setup(options: SimulatorOptions = {}): Promise<{ sim: OllangSimulator; client: OllangClient; sleeps: number[] }> {
  const sim = await OllangSimulator.start({ seed: 3, projects: [], ...options });
  running.push(sim);
  const sleeps: number[] = [];
  const client = new OllangClient({
    baseUrl: sim.url,
    apiKey: sim.apiKey,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  });
  return { sim, client, sleeps };
}

async function upload(sim: OllangSimulator, name: string, sourceLanguage = 'en'): Promise<string> {
  const filePath = path.join(dir, `${Math.random().toString(16).slice(2)}.mp4`);
  writeFileSync(filePath, name);
  const body = await multipartBody({ filePath, name, sourceLanguage });
  return new Promise((resolve, reject) => {
    const req = http.request(`${sim.url}/integration/upload/direct`, {
      method: 'POST',
      headers: { 'X-Api-Key': sim.apiKey, 'Content-Type': body.contentType, 'Content-Length': String(body.contentLength) },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve((JSON.parse(text) as { projectId: string }).projectId));
    });
    req.on('error', reject);
    writeMultipartBody(body, filePath, req).then(() => req.end(), reject);
  });
}

describe('listProjects / getProject against the simulator', () => {
  it('finds projects by a case-insensitive part of the name, page by page', async () => {
    const { sim, client } = await setup();
    const a = await upload(sim, 'videos/a.mp4 [en] sha256-ABCDEF');
    await upload(sim, 'videos/b.mp4 [en] sha256-123456');
    const page = await client.listProjects({ search: 'sha256-abcdef', take: 50 });
    expect(page.projects).toEqual([
      expect.objectContaining({ id: a, name: 'videos/a.mp4 [en] sha256-ABCDEF.mp4', sourceLanguage: 'en', ordersCount: 0 }),
    ]);
    expect(page.meta).toMatchObject({ page: 1, take: 50, itemCount: 1, hasNextPage: false });
    const first = await client.listProjects({ take: 1, orderBy: 'createdAt', orderDirection: 'asc' });
    expect(first.meta.hasNextPage).toBe(true);
    expect((await client.listProjects({ take: 1, page: 2 })).projects).toHaveLength(1);
    expect(sim.requests.filter((r) => r.route === 'list-projects').map((r) => r.query['search'] ?? null)).toEqual([
      'sha256-abcdef',
      null,
      null,
    ]);
  });

  it('getProject: the project and its documents; an unknown one is a 404 naming the project, never retried', async () => {
    const { sim, client, sleeps } = await setup();
    const id = await upload(sim, 'doc');
    const project = await client.getProject(id);
    expect(project).toMatchObject({
      id,
      name: 'doc.mp4',
      sourceLanguage: 'en',
      projectDocs: [{ type: 'source_video', size: 3, duration: 36 }],
    });
    const error = await client.getProject('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OllangError);
    expect(error).toMatchObject({ status: 404, code: 'PROJECT_NOT_FOUND' });
    expect((error as Error).message).toBe('Get Project nope: 404 PROJECT_NOT_FOUND: No project found with the provided projectId');
    expect(sleeps).toEqual([]);
  });

  it('reads are retried: 503 twice, then the page', async () => {
    const { client, sleeps, sim } = await setup({ faults: [{ route: 'list-projects', kind: '503', times: 2 }] });
    await upload(sim, 'x');
    expect((await client.listProjects({ search: 'x' })).projects).toHaveLength(1);
    expect(sleeps).toHaveLength(2);
    expect(sim.count('list-projects')).toBe(3);
  });
});

describe('project schemas: tolerant where the page says the API varies', () => {
  it('drops unknown fields, tolerates missing optionals, a missing name and projectDocs, numeric strings', async () => {
    const { transport, requests } = stubTransport([
      json(200, {
        data: [
          { id: 'p1', extra: { a: 1 }, ordersCount: '2', sourceLanguage: null },
          { id: 'p2', name: 'n', createdAt: '2025-01-01T00:00:00Z', folderId: 'f' },
        ],
        meta: { page: 1, take: 50, itemCount: 2, pageCount: 1 },
      }),
      json(200, { id: 'p1', name: 'n', projectDocs: null }),
      json(200, { id: 'p2', projectDocs: [{ type: 'created_hologram', size: '12', duration: 3.5, weird: true }, { url: 'https://x' }] }),
    ]);
    const client = new OllangClient({ baseUrl: BASE_URL, apiKey: API_KEY, transport });
    const page = await client.listProjects({ search: 'a b&c', take: 50, orderBy: 'createdAt', orderDirection: 'asc' });
    expect(page.projects).toEqual([
      { id: 'p1', name: '', ordersCount: 2 },
      { id: 'p2', name: 'n', createdAt: '2025-01-01T00:00:00Z', folderId: 'f' },
    ]);
    expect(page.meta.hasNextPage).toBe(false);
    expect(await client.getProject('p1')).toEqual({ id: 'p1', name: 'n', projectDocs: [] });
    expect((await client.getProject('p2')).projectDocs).toEqual([
      { type: 'created_hologram', size: 12, duration: 3.5 },
      { type: '', url: 'https://x' },
    ]);
    expect(requests[0]?.url.searchParams.get('search')).toBe('a b&c');
    expect(requests[0]?.headers['x-api-key']).toBe(API_KEY);
  });

  it('refuses what it cannot act on: an item without an id, a page without a way to know if more follow', async () => {
    const { transport } = stubTransport([
      json(200, { data: [{ name: 'x' }], meta: { hasNextPage: false } }),
      json(200, { data: [], meta: {} }),
    ]);
    const client = new OllangClient({ baseUrl: BASE_URL, apiKey: API_KEY, transport, retry: { maxAttempts: 1 } });
    await expect(client.listProjects()).rejects.toThrow(/List Projects: unexpected response: data\[0\]\.id/);
    await expect(client.listProjects()).rejects.toThrow(/meta\.hasNextPage/);
  });

  it('builds the query the SDK sends', () => {
    expect(projectsQueryString({})).toBe('page=1');
    expect(projectsQueryString({ page: 2, take: 50, search: 'sha256-ab', orderBy: 'createdAt', orderDirection: 'asc' })).toBe(
      'page=2&take=50&search=sha256-ab&orderBy=createdAt&orderDirection=asc',
    );
  });
});
