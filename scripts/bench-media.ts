/**
 * Media figures for `npm run bench` (BENCH_ONLY=media), or alone: `node scripts/bench-media.ts`.
 * MEDIA_BENCH_ONLY=key,upload,rerun,scale runs a subset.
 *
 * - key: the content key of a 1 GiB file: git's blob ID read from the index (tracked, unmodified)
 *   against the blob ID computed here (untracked, modified, LFS, touched), and a streamed SHA-256
 *   for comparison.
 * - upload: a 1 GiB file to the simulator on loopback, the way the action uploads it
 *   (OllangClient.uploadMedia over the action's one transport, in a child process), against
 *   `curl -F` of the same file: throughput and the uploader's peak RSS; then a 4 GiB sparse file.
 * - rerun: the bundled action over 50 media files x 5 languages, then again with every output
 *   present: uploads, orders created and every API request of the re-run, by kind, against the
 *   naive count (one search per file plus one reuse scan per file); with and without the local
 *   fake of the Actions cache service.
 * - scale: 100 media files x 5 languages in one run: completes, peak RSS, List Orders pages per
 *   status-check cycle.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentKeys, gitBlobIdOfFile } from '../src/media/content-key.ts';
import { OllangSimulator, type RequestRecord } from '../test/simulator/index.ts';
import { startCacheService } from '../test/fakes/cache-service.ts';
import { startAction, type ActionRun } from '../test/dist/harness.ts';

type Row = (scenario: string, figure: string, value: string, baseline?: string, ratio?: string, target?: string) => void;

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const here = path.dirname(fileURLToPath(import.meta.url));
const node24 = process.execPath;

function peakRss(pid: number): { stop(): number } {
  let peak = 0;
  const read = (): void => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) * 1024);
    } catch {
      // exited
    }
  };
  read();
  const timer = setInterval(read, 20);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

async function writeBytes(file: string, bytes: number): Promise<void> {
  // Not sparse, not constant: a page-cached file of varied bytes, as a real video would be.
  const block = Buffer.alloc(4 * MiB);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((i * 2654435761) >>> 0, i);
  const out = createWriteStream(file);
  for (let written = 0; written < bytes; written += block.length) {
    block.writeUInt32LE(written / block.length, 0);
    if (!out.write(Buffer.from(block))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

function run(
  command: string,
  args: string[],
  options: { cwd?: string } = {},
): Promise<{ code: number; ms: number; rss: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    const memory = peakRss(child.pid!);
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, ms: performance.now() - started, rss: memory.stop(), stdout }));
  });
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const stream = createReadStream(file, { highWaterMark: MiB });
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const parts = new Set((process.env['MEDIA_BENCH_ONLY'] ?? 'key,upload,rerun,scale').split(',').map((p) => p.trim()));

export async function mediaBench(row: Row): Promise<void> {
  if (parts.has('key') || parts.has('upload')) await keyAndUpload(row);
  if (parts.has('rerun')) await rerun(row);
  if (parts.has('scale')) await scale(row);
}

async function keyAndUpload(row: Row): Promise<void> {
  console.log('\n[media] content key and upload of 1 GiB');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ollang-bench-media-'));
  try {
    // ---- content key
    const repo = path.join(scratch, 'repo');
    execFileSync('git', ['init', '-q', repo]);
    const big = path.join(repo, 'big.mp4');
    await writeBytes(big, GiB);
    execFileSync('git', ['-c', 'core.compression=0', 'add', 'big.mp4'], { cwd: repo });
    const files = [{ path: 'big.mp4', absolutePath: big }];
    if (parts.has('key')) {
      const blobRuns: number[] = [];
      let indexKey = '';
      for (let i = 0; i < 3; i++) {
        const [keys, ms] = await time(() => contentKeys(files, { workspace: repo }));
        const key = keys.keys.get('big.mp4');
        if (key?.source !== 'git-index') throw new Error(`expected the index's blob ID, got ${JSON.stringify([...keys.keys])}`);
        indexKey = key.key;
        blobRuns.push(ms);
      }
      const hashRuns: number[] = [];
      for (let i = 0; i < 3; i++) hashRuns.push((await time(() => gitBlobIdOfFile(big)))[1]);
      const shaRuns: number[] = [];
      for (let i = 0; i < 3; i++) shaRuns.push((await time(() => sha256(big)))[1]);
      const later = new Date(Date.now() + 60_000);
      utimesSync(big, later, later);
      const [dirty, dirtyMs] = await time(() => contentKeys(files, { workspace: repo }));
      if (dirty.keys.get('big.mp4')?.key !== indexKey) throw new Error('a touched file got another key');
      row('content key, 1 GiB', "git blob ID from git's index (tracked, unmodified), median of 3", `${Math.round(median(blobRuns))} ms`);
      row(
        'content key, 1 GiB',
        'git blob ID computed here (untracked, modified, LFS, touched), median of 3',
        `${Math.round(median(hashRuns))} ms`,
        '',
        `${(median(hashRuns) / median(blobRuns)).toFixed(0)}x`,
      );
      row('content key, 1 GiB', 'for comparison: a streamed SHA-256 of the same file, median of 3', `${Math.round(median(shaRuns))} ms`);
      row('content key, 1 GiB', 'after a touch (stat data changed: hashed here, same key)', `${Math.round(dirtyMs)} ms`);
    }
    if (!parts.has('upload')) return;

    // ---- upload
    const sim = await OllangSimulator.start({ seed: 9, projects: [] });
    try {
      const ours: { ms: number; rss: number }[] = [];
      const curls: number[] = [];
      for (let round = 0; round < 3; round++) {
        const mine = await run(node24, [path.join(here, 'bench-media-upload.ts'), sim.url, sim.apiKey, big]);
        if (mine.code !== 0 || !mine.stdout.includes('"status":201')) throw new Error(`upload failed: ${mine.stdout}`);
        ours.push({ ms: mine.ms, rss: mine.rss });
        const curl = await run('curl', [
          '-s',
          '-f',
          '-o',
          '/dev/null',
          '-H',
          `X-Api-Key: ${sim.apiKey}`,
          '-F',
          `file=@${big};filename=big.mp4;type=video/mp4`,
          '-F',
          'name=bench curl',
          '-F',
          'sourceLanguage=en',
          `${sim.url}/integration/upload/direct`,
        ]);
        if (curl.code !== 0) throw new Error(`curl exited ${curl.code}`);
        curls.push(curl.ms);
      }
      const uploaded = sim.uploadedProjects();
      if (uploaded.length !== 6 || uploaded.some((p) => p.size !== GiB || p.sha256 !== uploaded[0]!.sha256))
        throw new Error('the simulator did not get 6 whole copies');
      const action = GiB / MiB / (median(ours.map((o) => o.ms)) / 1000);
      const curl = GiB / MiB / (median(curls) / 1000);
      row(
        '1 GiB upload',
        'throughput incl. process start, median of 3 (OllangClient.uploadMedia vs curl -F)',
        `${action.toFixed(0)} MiB/s`,
        `${curl.toFixed(0)} MiB/s`,
        (action / curl).toFixed(2),
        '>= 0.8',
      );
      row(
        '1 GiB upload',
        'peak RSS of the uploading process (max of 3)',
        `${(Math.max(...ours.map((o) => o.rss)) / MiB).toFixed(1)} MiB`,
        '',
        '',
        '< 150 MiB',
      );

      const sparse = path.join(scratch, 'sparse.mp4');
      writeFileSync(sparse, '');
      truncateSync(sparse, 4 * GiB);
      const four = await run(node24, [path.join(here, 'bench-media-upload.ts'), sim.url, sim.apiKey, sparse]);
      if (four.code !== 0) throw new Error(`4 GiB upload failed: ${four.stdout}`);
      row('4 GiB sparse upload', 'peak RSS of the uploading process', `${(four.rss / MiB).toFixed(1)} MiB`, '', '', 'bounded');
      row('4 GiB sparse upload', 'throughput', `${((4 * 1024) / (four.ms / 1000)).toFixed(0)} MiB/s`);
    } finally {
      await sim.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ re-run and scale (the bundle)

/** A git repository of `count` media files (64 KiB each, all different), committed as a checkout leaves it. */
function mediaRepository(count: number): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'ollang-bench-media-ws-'));
  execFileSync('git', ['init', '-q', ws]);
  for (let i = 0; i < count; i++) {
    const folder = path.join(ws, 'videos', `part-${Math.floor(i / 10)}`);
    mkdirSync(folder, { recursive: true });
    const bytes = Buffer.alloc(64 * 1024, i % 251);
    bytes.writeUInt32LE(i, 0);
    writeFileSync(path.join(folder, `clip-${String(i).padStart(3, '0')}.mp4`), bytes);
  }
  const env = { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@e', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@e' };
  execFileSync('git', ['add', '.'], { cwd: ws, env });
  execFileSync('git', ['commit', '-qm', 'media'], { cwd: ws, env });
  return ws;
}

const LANGUAGES = ['fr', 'es', 'de', 'ja', 'ko'];

async function runAction(
  sim: OllangSimulator,
  workspace: string,
  env: Record<string, string> = {},
): Promise<{ run: ActionRun; rss: number }> {
  const action = startAction({
    workspace,
    inputs: {
      'api-key': sim.apiKey,
      'api-url': sim.url,
      media: 'videos/**/*.mp4',
      'source-language': 'en',
      'target-languages': LANGUAGES.join(', '),
      'poll-interval': '300ms',
      'pr-comment': 'false',
      timeout: '5m',
    },
    env: { RUNNER_DEBUG: '0', ...env },
    timeoutMs: 300_000,
  });
  const memory = peakRss(action.child.pid!);
  const run = await action.done;
  const rss = memory.stop();
  if (run.exitCode !== 0) {
    console.error(run.stdout.slice(-3000), run.stderr.slice(-2000));
    throw new Error(`the action exited with ${run.exitCode ?? run.signal}`);
  }
  return { run, rss };
}

/** API requests by kind (the reuse scan reads newest first with a project filter; the wait's status checks oldest first). */
function kinds(requests: readonly RequestRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requests) {
    let kind: string = r.route;
    if (r.route === 'list')
      kind =
        r.query['orderDirection'] === 'asc'
          ? 'list (status checks)'
          : !r.query['filter[type]']
            ? 'list (snapshots)'
            : r.query['filter[projectId]']
              ? 'list (reuse scans)'
              : 'list (one scan across projects)';
    if (r.route === 'download' || r.route === 'health') continue;
    out[kind] = (out[kind] ?? 0) + 1;
  }
  return out;
}

async function rerun(row: Row): Promise<void> {
  const files = 50;
  for (const withCache of [false, true]) {
    const label = `re-run, ${files} files x ${LANGUAGES.length} languages${withCache ? ', Actions cache' : ''}`;
    console.log(`\n[media] ${label}`);
    const sim = await OllangSimulator.start({
      seed: 12,
      projects: [],
      lifecycle: { pendingMs: 200, ongoingMs: 400, outputsLagMs: 100, intermediateStatuses: false },
    });
    const cache = withCache ? await startCacheService() : undefined;
    const ws = mediaRepository(files);
    try {
      // The runner's RUNNER_TEMP is the same in every run of a repository: the cache version is made from the manifest's path.
      const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'ollang-bench-runner-temp-'));
      const env = cache ? { ...cache.env, RUNNER_TEMP: runnerTemp } : {};
      const first = await runAction(sim, ws, env);
      if (first.run.outputs['status'] !== 'completed') throw new Error(`first run: ${first.run.outputs['status']}`);
      const before = sim.requests.length;
      const [uploads, creates] = [sim.count('upload'), sim.count('create')];
      const second = await runAction(sim, ws, env);
      const requests = sim.requests.slice(before);
      const by = kinds(requests);
      const api = Object.values(by).reduce((a, b) => a + b, 0);
      const scans = (by['list (reuse scans)'] ?? 0) + (by['list (one scan across projects)'] ?? 0);
      const lookups = (by['list-projects'] ?? 0) + scans;
      row(
        label,
        'uploads / orders created by the re-run',
        `${sim.count('upload') - uploads} / ${sim.count('create') - creates}`,
        '',
        '',
        '0 / 0',
      );
      row(
        label,
        'look-ups: project searches + reuse scans',
        `${by['list-projects'] ?? 0} + ${scans} = ${lookups}`,
        `${files} + ${files} = ${2 * files}`,
        fixed(lookups / (2 * files)),
        'well below naive',
      );
      row(label, 'every API request of the re-run', `${api}`, '', '', JSON.stringify(by).replace(/"/g, ''));
      row(label, 'status, files', `${second.run.outputs['status']}, ${(second.run.outputs['files'] ?? '').split('\n').length}`);
    } finally {
      await sim.close();
      await cache?.close();
      rmSync(ws, { recursive: true, force: true });
    }
  }
}

async function scale(row: Row): Promise<void> {
  const files = 100;
  const label = `${files} files x ${LANGUAGES.length} languages, one run`;
  console.log(`\n[media] ${label}`);
  const sim = await OllangSimulator.start({
    seed: 13,
    projects: [],
    lifecycle: { pendingMs: 500, ongoingMs: 3_000, outputsLagMs: 200, intermediateStatuses: false },
  });
  const ws = mediaRepository(files);
  try {
    const started = performance.now();
    const { run, rss } = await runAction(sim, ws);
    const ms = performance.now() - started;
    const cycles = [...run.stdout.matchAll(/ finished.*; next check in/g)].length + 1;
    const by = kinds(sim.requests);
    const orders = files * LANGUAGES.length;
    row(
      label,
      'status, files, time',
      `${run.outputs['status']}, ${(run.outputs['files'] ?? '').split('\n').length} files, ${fixed(ms / 1000, 1)} s`,
    );
    row(label, 'uploads, Create Order calls', `${sim.count('upload')}, ${sim.count('create')}`, '', '', `${files}, ${files}`);
    row(
      label,
      'List Orders pages per status-check cycle',
      fixed((by['list (status checks)'] ?? 0) / cycles, 1),
      '',
      '',
      `O(${orders}/50) = ${orders / 50}`,
    );
    row(label, 'peak RSS of the action', `${(rss / MiB).toFixed(1)} MiB`, '', '', 'bounded');
    row(label, 'every API request', JSON.stringify(by).replace(/"/g, ''));
  } finally {
    await sim.close();
    rmSync(ws, { recursive: true, force: true });
  }
}

const fixed = (value: number, digits = 2): string => value.toFixed(digits);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows: string[] = [];
  await mediaBench((scenario, figure, value, baseline = '', ratio = '', target = '') => {
    rows.push(`| ${scenario} | ${figure} | ${value} | ${baseline} | ${ratio} | ${target} |`);
    console.log(`  ${figure}: ${value}${baseline ? ` | baseline ${baseline}` : ''}${ratio ? ` | ratio ${ratio}` : ''}`);
  });
  console.log(`\n| Scenario | Figure | Value | Baseline | Ratio | Target |\n|---|---|---|---|---|---|\n${rows.join('\n')}`);
  console.log(
    `\n${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, node ${process.version}`,
  );
}
