/**
 * `npm run bench` (Node 24: `node scripts/bench.ts`): starts the Ollang simulator on loopback and
 * runs the bundled action (dist/index.js, or OLLANG_ACTION_ENTRY) as the runner runs it, next to
 * the baselines (per-order polling, curl, bare `node -e ''`), and prints a table of figures and
 * ratios. Results and the machine they ran on: docs/benchmarks.md. Figures, not assertions: the
 * test suite has no timed checks.
 *
 *   BENCH_ONLY=polling,latency,download,startup,scale,media   run a subset (media: scripts/bench-media.ts; download: the 1 GiB download only)
 *   BENCH_DOWNLOAD_RUNS=5                                rounds of the 1 GiB download (action and curl each round)
 *
 * The machine's load average is printed at the start and the end: a figure measured while other
 * work runs is not a final one.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OllangSimulator } from '../test/simulator/index.ts';
import type { LanguageBehaviour, RequestRecord } from '../test/simulator/index.ts';
import { actionDefaults, distEntry, node24, repoRoot, startAction } from '../test/dist/harness.ts';
import { mediaBench } from './bench-media.ts';
import type { ActionRun } from '../test/dist/harness.ts';

const only = new Set((process.env['BENCH_ONLY'] ?? 'polling,latency,download,startup,scale,media').split(',').map((s) => s.trim()));
const rows: { scenario: string; figure: string; value: string; baseline: string; ratio: string; target: string }[] = [];
const row = (scenario: string, figure: string, value: string, baseline = '', ratio = '', target = ''): void => {
  rows.push({ scenario, figure, value, baseline, ratio, target });
  console.log(
    `  ${figure}: ${value}${baseline ? ` | baseline ${baseline}` : ''}${ratio ? ` | ratio ${ratio}` : ''}${target ? ` | target ${target}` : ''}`,
  );
};

const MiB = 1024 * 1024;
const mib = (bytes: number): string => `${(bytes / MiB).toFixed(1)} MiB`;
const ms = (value: number): string => `${Math.round(value)} ms`;
const fixed = (value: number, digits = 2): string => value.toFixed(digits);
const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const percentile = (values: number[], p: number): number => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** Two-letter codes aa, ab, ... (they pass input validation; the simulator takes any code). */
function languageCodes(count: number): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const codes: string[] = [];
  for (const a of letters) for (const b of letters) if (codes.length < count) codes.push(a + b);
  return codes;
}

/** Peak resident set of a process: VmHWM from /proc, read every 20 ms until stopped. */
function watchMemory(pid: number): { stop(): number } {
  let peakKiB = 0;
  const read = (): void => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peakKiB = Math.max(peakKiB, Number(match[1]));
    } catch {
      // exited
    }
  };
  read();
  const timer = setInterval(read, 20);
  return {
    stop() {
      clearInterval(timer);
      return peakKiB * 1024;
    },
  };
}

interface Measured {
  run: ActionRun;
  peakRss: number;
  /** Status-check cycles, from the poller's progress lines. */
  cycles: number;
  /** Orders not yet seen finished before each cycle (the per-order baseline: one Get Order each). */
  naiveChecks: number;
}

async function runMeasured(inputs: Record<string, string>, env: Record<string, string> = {}, timeoutMs = 120_000): Promise<Measured> {
  const action = startAction({ inputs, env: { RUNNER_DEBUG: '0', ...env }, timeoutMs });
  const memory = watchMemory(action.child.pid!);
  const run = await action.done;
  const peakRss = memory.stop();
  if (run.exitCode !== 0) {
    console.error(run.stdout.slice(-3000), run.stderr.slice(-3000));
    throw new Error(`the action exited with ${run.exitCode ?? run.signal}`);
  }
  // "137/200 finished, 63 ongoing; next check in 250ms; 1m left" (wait/poller.ts): one line per cycle but the last.
  const lines = [...run.stdout.matchAll(/(\d+)\/(\d+) finished.*; next check in/g)];
  const total = lines.length > 0 ? Number(lines[0]![2]) : 0;
  const naiveChecks = total + lines.reduce((sum, m) => sum + (Number(m[2]) - Number(m[1])), 0);
  return { run, peakRss, cycles: lines.length + 1, naiveChecks };
}

function baseInputs(sim: OllangSimulator, languages: string[], extra: Record<string, string>): Record<string, string> {
  return {
    'api-key': sim.apiKey,
    'api-url': sim.url,
    'project-id': 'proj-demo',
    'target-languages': languages.join(','),
    'reuse-orders': 'false',
    'pr-comment': 'false',
    timeout: '3m',
    ...extra,
  };
}

function count(requests: readonly RequestRecord[], route: string): number {
  return requests.filter((r) => r.route === route).length;
}

function filesOf(directory: string): string[] {
  try {
    return readdirSync(directory, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? filesOf(path.join(directory, e.name)) : [path.join(directory, e.name)],
    );
  } catch {
    return [];
  }
}

// ------------------------------------------------------------------ 1 + 2: polling and latency

const POLL_MS = 250;
const ORDERS = 200;
const PENDING_MS = 100;
const LAG_MS = 50;

/** Per language: when it completes (ms after creation). */
function lifecycleOf(completeAfter: (i: number) => number, languages: string[]): Record<string, LanguageBehaviour> {
  return Object.fromEntries(languages.map((l, i) => [l, { lifecycle: { ongoingMs: completeAfter(i) - PENDING_MS } }]));
}

interface PollingCase {
  name: string;
  completeAfter: (i: number) => number;
}

async function pollingCase(
  c: PollingCase,
  mode: 'batched' | 'per-order',
): Promise<Measured & { sim: OllangSimulator; requests: RequestRecord[]; languages: string[] }> {
  const languages = languageCodes(ORDERS);
  const sim = await OllangSimulator.start({
    seed: 7,
    lifecycle: { pendingMs: PENDING_MS, outputsLagMs: LAG_MS, intermediateStatuses: false },
    languages: lifecycleOf(c.completeAfter, languages),
  });
  try {
    const measured = await runMeasured(
      baseInputs(sim, languages, { 'poll-interval': `${POLL_MS}ms` }),
      mode === 'per-order' ? { OLLANG_STATUS_CHECKS: 'per-order' } : {},
    );
    return { ...measured, sim, requests: [...sim.requests], languages };
  } finally {
    await sim.close();
  }
}

async function polling(): Promise<void> {
  console.log(`\n[1] Status checks: ${ORDERS} orders, ~20-cycle wait, poll-interval ${POLL_MS}ms`);
  const cases: PollingCase[] = [
    // Nothing finishes until the end: every cycle checks all 200 (the interval grows to 2x while nothing changes).
    { name: 'all unfinished', completeAfter: () => 9_000 },
    // Completions spread evenly across the wait.
    { name: 'spread', completeAfter: (i) => 400 + Math.round(((i + 1) / ORDERS) * 5_000) },
  ];
  for (const c of cases) {
    const batched = await pollingCase(c, 'batched');
    const perOrder = await pollingCase(c, 'per-order');
    // Setup (after Create Order) asks Get Order once per created order: not part of the wait.
    const waitRequests = (r: RequestRecord[]): { list: number; get: number } => ({ list: count(r, 'list'), get: count(r, 'get') - ORDERS });
    const b = waitRequests(batched.requests);
    const p = waitRequests(perOrder.requests);
    const bTotal = b.list + b.get;
    const pTotal = p.list + p.get;
    row(`polling: ${c.name}`, 'cycles (batched / per-order)', `${batched.cycles} / ${perOrder.cycles}`);
    row(`polling: ${c.name}`, 'wait requests, batched (List + Get)', `${bTotal} (${b.list} + ${b.get})`);
    row(
      `polling: ${c.name}`,
      'vs naive (1 Get per unfinished order per cycle, same cycles)',
      `${bTotal}`,
      `${batched.naiveChecks}`,
      fixed(bTotal / batched.naiveChecks, 3),
      '<= 0.10',
    );
    row(
      `polling: ${c.name}`,
      'vs measured per-order run (Get)',
      `${fixed(bTotal / batched.cycles, 1)}/cycle`,
      `${fixed(pTotal / perOrder.cycles, 1)}/cycle (${pTotal} in all)`,
      fixed(bTotal / batched.cycles / (pTotal / perOrder.cycles), 3),
    );
    row(`polling: ${c.name}`, 'List Orders pages per cycle', fixed(b.list / batched.cycles, 2), '', '', `O(${ORDERS}/50)`);
    row(`polling: ${c.name}`, 'Get Order for outputs / orders', fixed(b.get / ORDERS, 2));
    if (c.name === 'spread') latency(batched, 'latency (spread run)', (l) => c.completeAfter(batched.languages.indexOf(l)));
    rmSync(batched.run.workspace, { recursive: true, force: true });
    rmSync(perOrder.run.workspace, { recursive: true, force: true });
  }
}

/** Per order: from the simulator publishing its outputs (completion + outputs lag) to its last file's mtime. */
function latency(
  m: Measured & { sim: OllangSimulator; requests: RequestRecord[] },
  label: string,
  /** ms after creation at which the order completes */
  completesAfter: (language: string) => number,
): void {
  const orders = m.sim.orders();
  const published: number[] = [];
  const detection: number[] = [];
  let late = 0;
  for (const order of orders) {
    const readyAt = Date.parse(order.createdAt) + completesAfter(order.targetLanguage) + LAG_MS;
    const files = filesOf(path.join(m.run.workspace, 'localized', order.targetLanguage));
    if (files.length === 0) continue;
    const onDisk = Math.max(...files.map((f) => statSync(f).mtimeMs));
    // Own download time: each of its files from the request reaching the simulator to its mtime.
    const own = m.requests
      .filter((r) => r.route === 'download' && r.path.startsWith(`/files/${order.id}/`))
      .reduce((sum, r) => {
        const file = files.find((f) => r.path.endsWith(`/${encodeURIComponent(path.basename(f))}`));
        return sum + (file ? Math.max(0, statSync(file).mtimeMs - r.at) : 0);
      }, 0);
    published.push(onDisk - readyAt);
    detection.push(onDisk - readyAt - own);
    if (onDisk - readyAt - own > POLL_MS) late++;
  }
  row(
    label,
    'outputs published -> file on disk, p50 / p95 / max',
    `${ms(median(published))} / ${ms(percentile(published, 95))} / ${ms(Math.max(...published))}`,
    `poll ${POLL_MS} ms`,
  );
  row(
    label,
    'same, minus own download time, max',
    ms(Math.max(...detection)),
    `poll ${POLL_MS} ms`,
    fixed(Math.max(...detection) / POLL_MS, 2),
    '<= 1 interval',
  );
  row(label, 'orders over one interval (minus download)', `${late} of ${published.length}`);
}

/** Small orders completing while big downloads hold the pool. */
async function latencyUnderLoad(): Promise<void> {
  console.log('\n[2b] Latency while other downloads run: 4 x 256 MiB dubbing + 16 small, completing after them');
  const big = ['aa', 'ab', 'ac', 'ad'];
  const small = languageCodes(20).slice(4);
  const languages: Record<string, LanguageBehaviour> = {};
  for (const l of big) languages[l] = { dubbingBytes: 256 * MiB, lifecycle: { ongoingMs: 600 } };
  small.forEach((l, i) => (languages[l] = { dubbingBytes: 64 * 1024, lifecycle: { ongoingMs: 800 + i * 150 } }));
  const sim = await OllangSimulator.start({
    seed: 11,
    lifecycle: { pendingMs: PENDING_MS, outputsLagMs: LAG_MS, intermediateStatuses: false },
    languages,
  });
  try {
    const m = await runMeasured(
      baseInputs(sim, [...big, ...small], { 'order-type': 'aiDubbing', download: 'dubbing', 'poll-interval': `${POLL_MS}ms` }),
    );
    // Only the small orders: drop the big folders from the latency figures.
    for (const l of big) rmSync(path.join(m.run.workspace, 'localized', l), { recursive: true, force: true });
    latency(
      { ...m, sim, requests: [...sim.requests] },
      'latency under load (small orders)',
      (l) => PENDING_MS + languages[l]!.lifecycle!.ongoingMs!,
    );
    row('latency under load (small orders)', 'peak RSS', mib(m.peakRss), '', '', '< 150 MiB');
    rmSync(m.run.workspace, { recursive: true, force: true });
  } finally {
    await sim.close();
  }
}

// ------------------------------------------------------------------ 3: 1 GiB download

async function timeCurl(url: string, file: string): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('curl', ['-s', '-f', '-o', file, url], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`curl exited ${code}`))));
  });
  return performance.now() - started;
}

async function download(): Promise<void> {
  const bytes = 1024 * MiB;
  const rounds = Math.max(1, Number(process.env['BENCH_DOWNLOAD_RUNS'] ?? 5));
  console.log(`\n[3] 1 GiB download: aiDubbing, download: dubbing; ${rounds} rounds, each the action and curl -o of the same URL`);
  const sim = await OllangSimulator.start({
    seed: 3,
    lifecycle: { pendingMs: 50, ongoingMs: 100, outputsLagMs: 0, intermediateStatuses: false },
    languages: { fr: { dubbingBytes: bytes } },
  });
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ollang-bench-'));
  try {
    const actionSeconds: number[] = [];
    const curlSeconds: number[] = [];
    const ratios: number[] = [];
    const rss: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // curl: the same simulator, a URL from Get Order of an order the action downloaded.
      const m = await runMeasured(baseInputs(sim, ['fr'], { 'order-type': 'aiDubbing', download: 'dubbing', 'poll-interval': '100ms' }));
      const files = filesOf(path.join(m.run.workspace, 'localized', 'fr'));
      const file = files[0]!;
      if (statSync(file).size !== bytes) throw new Error(`downloaded ${statSync(file).size} bytes, expected ${bytes}`);
      const request = sim.requests.filter((r) => r.route === 'download').at(-1)!;
      const action = (statSync(file).mtimeMs - request.at) / 1000;
      rss.push(m.peakRss);
      rmSync(m.run.workspace, { recursive: true, force: true });

      const orderId = request.path.split('/')[2]!;
      const order = (await (await fetch(`${sim.url}/integration/orders/${orderId}`, { headers: { 'X-Api-Key': sim.apiKey } })).json()) as {
        orderDocs: { url: string; type: string }[];
      };
      const url = order.orderDocs.find((d) => d.type === 'created_ai_dub_audio')!.url;
      const target = path.join(scratch, 'curl.bin');
      const curl = (await timeCurl(url, target)) / 1000;
      rmSync(target, { force: true });
      actionSeconds.push(action);
      curlSeconds.push(curl);
      // The figure asked for: the action against curl measured in the same round.
      ratios.push(curl / action);
      console.log(
        `  round ${round + 1}: action ${fixed(bytes / MiB / action, 0)} MiB/s, curl ${fixed(bytes / MiB / curl, 0)} MiB/s, ratio ${fixed(curl / action, 2)}, peak RSS ${mib(m.peakRss)}`,
      );
    }
    const spread = (values: number[], format: (v: number) => string): string =>
      `${format(Math.min(...values))} / ${format(median(values))} / ${format(Math.max(...values))}`;
    row(
      '1 GiB download',
      `ratio to curl -o in the same round, min / median / max of ${rounds}`,
      spread(ratios, (r) => fixed(r, 2)),
      '',
      fixed(median(ratios), 2),
      '>= 0.8',
    );
    row(
      '1 GiB download',
      `throughput, min / median / max of ${rounds} (action, curl)`,
      spread(
        actionSeconds.map((s) => bytes / MiB / s),
        (v) => `${fixed(v, 0)}`,
      ) + ' MiB/s',
      spread(
        curlSeconds.map((s) => bytes / MiB / s),
        (v) => `${fixed(v, 0)}`,
      ) + ' MiB/s',
    );
    row('1 GiB download', `peak RSS of the action (max of ${rounds})`, mib(Math.max(...rss)), '', '', '< 150 MiB');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await sim.close();
  }
}

// ------------------------------------------------------------------ 4: start-up

async function spawnUntil(args: string[], env: Record<string, string>, firstRequest?: Promise<number>): Promise<number> {
  const started = performance.now();
  const child = spawn(node24, args, { env, stdio: 'ignore' });
  const exited = new Promise<number>((resolve) => child.on('close', () => resolve(performance.now())));
  const end = firstRequest ? await Promise.race([firstRequest, exited]) : await exited;
  child.kill('SIGKILL');
  await exited;
  return end - started;
}

async function startup(): Promise<void> {
  const runs = 20;
  console.log(`\n[4] Start-up: spawn -> first request (${runs} runs each, median)`);
  let onRequest: ((at: number) => void) | undefined;
  const server = http.createServer((req, res) => {
    onRequest?.(performance.now());
    onRequest = undefined;
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"bench"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const files = mkdtempSync(path.join(os.tmpdir(), 'ollang-bench-start-'));
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: os.tmpdir(),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: files,
    GITHUB_OUTPUT: path.join(files, 'output'),
    GITHUB_STATE: path.join(files, 'state'),
    GITHUB_STEP_SUMMARY: path.join(files, 'summary'),
    GITHUB_EVENT_NAME: 'push',
    RUNNER_TEMP: files,
  };
  for (const f of ['output', 'state', 'summary']) writeFileSync(path.join(files, f), '');
  const inputs = {
    ...actionDefaults(),
    'api-key': 'bench-key-0123456789',
    'api-url': url,
    'project-id': 'proj-demo',
    'target-languages': 'fr',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const bare: number[] = [];
  const action: number[] = [];
  // The floor: a Node process that does nothing but send one request to the same server.
  const plainRequest: number[] = [];
  const plainScript = `require('node:http').get(${JSON.stringify(url)}, (r) => r.resume())`;
  try {
    for (let i = 0; i < runs + 2; i++) {
      const b = await spawnUntil(['-e', ''], { PATH: env['PATH']! });
      const first = new Promise<number>((resolve) => (onRequest = resolve));
      const a = await spawnUntil([distEntry], env, first);
      const plainFirst = new Promise<number>((resolve) => (onRequest = resolve));
      const p = await spawnUntil(['-e', plainScript], { PATH: env['PATH']! }, plainFirst);
      if (i >= 2) {
        // two warm-up rounds (page cache)
        bare.push(b);
        action.push(a);
        plainRequest.push(p);
      }
    }
  } finally {
    server.close();
    rmSync(files, { recursive: true, force: true });
  }
  row(
    'start-up',
    "node dist/index.js to first request vs node -e ''",
    ms(median(action)),
    ms(median(bare)),
    fixed(median(action) / median(bare), 2),
    '<= 2',
  );
  row(
    'start-up',
    "floor: `node -e` doing one http.get, to that request, vs node -e ''",
    ms(median(plainRequest)),
    ms(median(bare)),
    fixed(median(plainRequest) / median(bare), 2),
    '',
  );
}

// ------------------------------------------------------------------ 5: 500 languages

async function scale(): Promise<void> {
  const count500 = 500;
  const poll = 300;
  console.log(`\n[5] ${count500} target languages, poll-interval ${poll}ms, completions spread`);
  const languages = languageCodes(count500);
  const sim = await OllangSimulator.start({
    seed: 5,
    lifecycle: { pendingMs: PENDING_MS, outputsLagMs: LAG_MS, intermediateStatuses: false },
    languages: lifecycleOf((i) => 400 + Math.round(((i + 1) / count500) * 6_000), languages),
  });
  try {
    const m = await runMeasured(baseInputs(sim, languages, { 'poll-interval': `${poll}ms` }));
    const files = filesOf(path.join(m.run.workspace, 'localized'));
    const list = count(sim.requests, 'list');
    const get = count(sim.requests, 'get') - count500;
    row(
      `${count500} languages`,
      'status',
      `${m.run.outputs['status']}, ${files.length} files, ${m.cycles} cycles, ${fixed(m.run.durationMs / 1000, 1)} s`,
    );
    row(`${count500} languages`, 'List Orders pages per cycle', fixed(list / m.cycles, 1), '', '', `O(${count500}/50) = ${count500 / 50}`);
    row(`${count500} languages`, 'wait requests vs naive', `${list + get}`, `${m.naiveChecks}`, fixed((list + get) / m.naiveChecks, 3));
    row(`${count500} languages`, 'setup: Create + Get Order per created order', `${count(sim.requests, 'create')} + ${count500}`);
    row(`${count500} languages`, 'peak RSS', mib(m.peakRss), '', '', 'bounded');
    rmSync(m.run.workspace, { recursive: true, force: true });
  } finally {
    await sim.close();
  }
}

// ------------------------------------------------------------------ main

const started = performance.now();
const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const loadAtStart = load();
console.log(
  `Benchmark of ${path.relative(repoRoot, distEntry) || distEntry} (${process.version}, ${os.cpus().length} CPUs, ${mib(os.totalmem())}; load average ${loadAtStart})`,
);
if (only.has('polling') || only.has('latency')) await polling();
if (only.has('latency')) await latencyUnderLoad();
if (only.has('download')) await download();
if (only.has('startup')) await startup();
if (only.has('scale')) await scale();
if (only.has('media')) await mediaBench(row);

console.log(`\n| Scenario | Figure | Action | Baseline | Ratio | Target |\n|---|---|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.scenario} | ${r.figure} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} |`);
console.log(
  `\nmachine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${mib(os.totalmem())}, ${os.type()} ${os.release()}, bench node ${process.version}, action node ${node24}; load average ${loadAtStart} at the start, ${load()} at the end; ${new Date().toISOString()}; ${fixed((performance.now() - started) / 1000, 0)} s`,
);
