/**
 * Media figures for `npm run bench` (BENCH_ONLY=media), or alone: `node scripts/bench-media.ts`.
 *
 * - Content key of a 1 GiB file: git's blob ID (tracked and unmodified: read from the index),
 *   the same after a touch (git status re-hashes a stat-dirty file), and a streamed SHA-256
 *   (untracked or modified).
 * - Upload of a 1 GiB file to the simulator on loopback: the action's multipart body
 *   (src/media/multipart.ts) over node:http in a child process, against `curl -F` of the same
 *   file: throughput and the uploader's peak RSS; then a 4 GiB sparse file, for memory.
 *
 * The upload here is the body writer over a bare node:http request; the action's own transport
 * sends it the same way.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentKeys, gitBlobIdOfFile } from '../src/media/content-key.ts';
import { OllangSimulator } from '../test/simulator/index.ts';

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

export async function mediaBench(row: Row): Promise<void> {
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
        'throughput incl. process start, median of 3 (multipart.ts over node:http vs curl -F)',
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
