/**
 * `node scripts/bench-quality.ts` (Node 24): the subtitle quality check (src/quality/) on a feature
 * film in 100 languages (100 WebVTT files of 1,500 cues, in 16 scripts: Latin, Cyrillic, Greek,
 * Arabic, Hebrew, Devanagari, Bengali, Tamil, Thai, Japanese, Chinese, Korean...), against how long
 * downloading those files from the Ollang simulator takes.
 *
 * The figure that counts is measured inside the bundled action (dist/index.js, run as the runner
 * runs it, `download: vtt`), in one run: the download is from the first download request the
 * simulator sees to the last file on disk; the check is what the action logs ("checked in N ms":
 * reading the 100 files back and checking them, once, in a process that has never run the check
 * before, as every run does). BENCH_QUALITY_RUNS runs (default 5), the spread of their ratio.
 *
 * Beside it, for reading the figure: the library in a fresh process (cold, 3 times), in this
 * process (the first run, then the warm median of 5, and a stress case where a cue in three
 * breaks a limit), and the plainest download possible (Get Order, then GET of the signed URL, 4
 * at a time, to disk). The load average is printed at the start and the end: a figure taken on a
 * busy machine is not a final one. Needs `npm run build`. Results: docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkSubtitle } from '../src/quality/check.ts';
import type { FileQuality } from '../src/quality/check.ts';
import { countLine } from '../src/quality/characters.ts';
import { limitsFor } from '../src/quality/limits.ts';
import { OllangSimulator } from '../test/simulator/index.ts';
import { distEntry, startAction } from '../test/dist/harness.ts';

const FILES = 100;
const CUES = 1500;
const CONCURRENCY = 4;
const ROUNDS = 5;
const ACTION_RUNS = Number(process.env['BENCH_QUALITY_RUNS'] ?? 5);

/** A few subtitle lines per script; each language of that script gets its own order of them. */
const SCRIPTS: Record<string, string[]> = {
  latin: [
    'I never thought we would make it this far.',
    'Get in the car, now!',
    '<i>Previously on the show...</i>',
    "We don't have much time left.",
    'Where were you last night?',
    'It was supposed to be a simple job.',
    'Listen to me carefully.',
    'That is not what I meant, and you know it.',
  ],
  latinDiacritics: [
    'Tôi chưa bao giờ nghĩ chúng ta sẽ đi xa đến vậy.',
    'Lên xe ngay!',
    'Chúng ta không còn nhiều thời gian.',
    'Đêm qua anh đã ở đâu?',
    'Nghe tôi nói cẩn thận.',
    'Đó không phải ý tôi.',
  ],
  cyrillic: [
    'Я никогда не думал, что мы зайдём так далеко.',
    'Садись в машину, быстро!',
    'У нас мало времени.',
    'Где ты был прошлой ночью?',
    'Слушай меня внимательно.',
    'Это не то, что я имел в виду.',
  ],
  greek: ['Δεν πίστευα ποτέ ότι θα φτάναμε ως εδώ.', 'Μπες στο αυτοκίνητο, τώρα!', 'Δεν έχουμε πολύ χρόνο.', 'Πού ήσουν χθες το βράδυ;'],
  arabic: [
    '\u200fلم أعتقد أبدًا أننا سنصل إلى هذا الحد.',
    '\u200fاركب السيارة، الآن!',
    '\u200fليس لدينا الكثير من الوقت.',
    '\u200fأين كنت الليلة الماضية؟',
    '\u200fاستمع إليّ جيدًا.',
  ],
  hebrew: ['לא חשבתי שנגיע כל כך רחוק.', 'תיכנס לאוטו, עכשיו!', 'אין לנו הרבה זמן.', 'איפה היית אתמול בלילה?'],
  devanagari: [
    'मैंने कभी नहीं सोचा था कि हम इतनी दूर आएँगे।',
    'अभी गाड़ी में बैठो!',
    'हमारे पास ज़्यादा समय नहीं है।',
    'कल रात तुम कहाँ थे?',
    'मेरी बात ध्यान से सुनो।',
  ],
  bengali: ['আমি কখনো ভাবিনি আমরা এতদূর আসব।', 'এখনই গাড়িতে ওঠো!', 'আমাদের হাতে বেশি সময় নেই।', 'কাল রাতে তুমি কোথায় ছিলে?'],
  tamil: ['நாம் இவ்வளவு தூரம் வருவோம் என்று நினைக்கவில்லை.', 'இப்போதே காரில் ஏறு!', 'நம்மிடம் அதிக நேரம் இல்லை.'],
  thai: ['ฉันไม่เคยคิดว่าเราจะมาไกลขนาดนี้', 'ขึ้นรถเดี๋ยวนี้!', 'เรามีเวลาไม่มากแล้ว', 'เมื่อคืนคุณไปไหนมา'],
  japanese: ['ここまで来られるとは思わなかった', '今すぐ車に乗って！', '時間がない', '昨夜どこにいたの？', 'よく聞いて'],
  chinese: ['我从没想过我们能走这么远。', '马上上车！', '我们没有多少时间了。', '你昨晚去哪了？', '仔细听我说。'],
  korean: ['우리가 여기까지 올 줄은 몰랐어.', '당장 차에 타!', '시간이 별로 없어.', '어젯밤에 어디 있었어?'],
  georgian: ['არასოდეს მეგონა, რომ აქამდე მოვიდოდით.', 'ჩაჯექი მანქანაში, ახლავე!', 'დიდი დრო არ გვაქვს.'],
  armenian: ['Երբեք չէի մտածի, որ այսքան հեռու կգանք։', 'Նստիր մեքենան, հիմա՛։', 'Շատ ժամանակ չունենք։'],
  ethiopic: ['እዚህ ድረስ እንደምንደርስ አስቤ አላውቅም።', 'አሁኑኑ መኪናው ውስጥ ግባ!', 'ብዙ ጊዜ የለንም።'],
};

const LANGUAGES: [string, keyof typeof SCRIPTS][] = [
  ...(
    [
      'en',
      'fr',
      'de',
      'es',
      'it',
      'pt-BR',
      'pt',
      'nl',
      'sv',
      'da',
      'nb',
      'fi',
      'is',
      'pl',
      'cs',
      'sk',
      'sl',
      'hr',
      'sr-Latn',
      'bs',
      'hu',
      'ro',
      'et',
      'lv',
      'lt',
      'tr',
      'az',
      'id',
      'ms',
      'tl',
      'sw',
      'ca',
      'eu',
      'gl',
      'ga',
      'cy',
      'mt',
      'sq',
      'af',
      'zu',
      'xh',
      'yo',
      'ha',
      'ig',
      'so',
      'uz',
      'tk',
      'es-419',
      'fr-CA',
      'en-GB',
      'jv',
      'su',
      'mi',
    ] as const
  ).map((code): [string, 'latin'] => [code, 'latin']),
  ['vi', 'latinDiacritics'],
  ['ru', 'cyrillic'],
  ['uk', 'cyrillic'],
  ['bg', 'cyrillic'],
  ['sr', 'cyrillic'],
  ['mk', 'cyrillic'],
  ['be', 'cyrillic'],
  ['kk', 'cyrillic'],
  ['ky', 'cyrillic'],
  ['mn', 'cyrillic'],
  ['el', 'greek'],
  ['ar', 'arabic'],
  ['fa', 'arabic'],
  ['ur', 'arabic'],
  ['ps', 'arabic'],
  ['ckb', 'arabic'],
  ['he', 'hebrew'],
  ['yi', 'hebrew'],
  ['hi', 'devanagari'],
  ['mr', 'devanagari'],
  ['ne', 'devanagari'],
  ['sa', 'devanagari'],
  ['bn', 'bengali'],
  ['as', 'bengali'],
  ['ta', 'tamil'],
  ['th', 'thai'],
  ['ja', 'japanese'],
  ['zh', 'chinese'],
  ['zh-TW', 'chinese'],
  ['zh-Hans', 'chinese'],
  ['zh-HK', 'chinese'],
  ['yue', 'chinese'],
  ['ko', 'korean'],
  ['ka', 'georgian'],
  ['hy', 'armenian'],
  ['am', 'ethiopic'],
  ['ti', 'ethiopic'],
  ['gu', 'devanagari'],
  ['pa', 'devanagari'],
  ['kn', 'tamil'],
  ['te', 'tamil'],
  ['ml', 'tamil'],
  ['si', 'thai'],
  ['km', 'thai'],
  ['lo', 'thai'],
  ['my', 'thai'],
  ['bo', 'chinese'],
];

/**
 * A film: cues of 1 or 2 lines with gaps of 0.1 to 1.5 s. `timed`: as a subtitler delivers it,
 * each cue on screen long enough for the language's reading speed and its lines within the
 * line length (what a finished order should be); otherwise 1.2 to 5 s whatever the text, which
 * puts about one cue in three past a limit (a stress case for the findings).
 */
function film(script: string[], language: string, seed: number, timed: boolean): string {
  let state = seed * 2654435761;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const time = (ms: number): string => {
    const pad = (v: number, w = 2): string => String(v).padStart(w, '0');
    return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor((ms % 3_600_000) / 60_000))}:${pad(Math.floor((ms % 60_000) / 1000))}.${pad(ms % 1000, 3)}`;
  };
  const { limits, halfWidthCountsHalf } = limitsFor(language);
  const fitting = script.filter((line) => countLine(line, halfWidthCountsHalf) <= limits['max-line-length']!);
  const lines = timed && fitting.length > 0 ? fitting : script;
  const parts = ['WEBVTT', ''];
  let at = 2000;
  for (let n = 1; n <= CUES; n++) {
    const text = [lines[Math.floor(random() * lines.length)]!];
    if (random() < 0.5) text.push(lines[Math.floor(random() * lines.length)]!);
    let length = 1200 + Math.floor(random() * 3800);
    if (timed) {
      const characters = (): number => text.reduce((sum, line) => sum + countLine(line, halfWidthCountsHalf), 0);
      if (characters() / limits['max-cps']! > 6.5) text.length = 1;
      length = Math.min(7000, Math.max(1200, Math.ceil((characters() / (0.9 * limits['max-cps']!)) * 1000)));
    }
    parts.push(String(n), `${time(at)} --> ${time(at + length)}`, ...text, '');
    at += length + 100 + Math.floor(random() * 1400);
  }
  return parts.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const ms = (value: number): string => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const languages = LANGUAGES.slice(0, FILES);
  if (languages.length !== FILES) throw new Error(`${languages.length} languages listed, ${FILES} wanted`);
  if (!existsSync(distEntry)) throw new Error(`${distEntry} is missing: run npm run build first`);
  const bodies = new Map(languages.map(([language, script], k) => [language, film(SCRIPTS[script]!, language, k + 1, true)]));
  const stressBodies = new Map(languages.map(([language, script], k) => [language, film(SCRIPTS[script]!, language, k + 1, false)]));
  const totalBytes = [...bodies.values()].reduce((sum, body) => sum + Buffer.byteLength(body), 0);
  console.log(
    `Subtitle quality check: ${FILES} WebVTT files x ${CUES} cues (${(totalBytes / 1e6).toFixed(1)} MB), ${os.cpus().length} CPUs, load average ${load()}`,
  );

  // ---- the library, in this process
  const inMemory = [...bodies].map(([language, body]) => ({ language, bytes: Buffer.from(body) }));
  const checkAll = (files: { language: string; bytes: Buffer }[]): FileQuality[] =>
    files.map(({ bytes, language }) => checkSubtitle({ bytes, file: `localized/${language}/film.vtt`, language, format: 'vtt' }));
  let started = performance.now();
  let results = checkAll(inMemory);
  const cold = performance.now() - started;
  const warmTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    started = performance.now();
    results = checkAll(inMemory);
    warmTimes.push(performance.now() - started);
  }
  const cues = results.reduce((sum, r) => sum + r.cues, 0);
  const findings = results.reduce((sum, r) => sum + r.findings.length, 0);
  const warm = median(warmTimes);
  const stress = [...stressBodies].map(([language, body]) => ({ language, bytes: Buffer.from(body) }));
  const stressTimes: number[] = [];
  let stressWarnings = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    started = performance.now();
    const checked = checkAll(stress);
    if (round > 0) stressTimes.push(performance.now() - started);
    stressWarnings = checked.reduce((sum, r) => sum + r.warnings, 0);
  }
  // The first run above is not cold: making the films counted characters with the same code.
  // A process of its own is, as the action's is.
  const coldTimes = freshProcessChecks(inMemory);
  console.log(
    `  library, in a fresh process each (read from disk, checked once, as the action does): ` +
      `${coldTimes.map((t) => `${ms(t.wall)} (CPU ${ms(t.cpu)})`).join(', ')}; median ${ms(median(coldTimes.map((t) => t.wall)))} (CPU ${ms(median(coldTimes.map((t) => t.cpu)))})`,
  );
  console.log(
    `  library, in this process (${cues} cues, ${findings} findings): first run (warmed by the film maker) ${ms(cold)}; warm ${warmTimes.map(ms).join(', ')}: ` +
      `median ${ms(warm)} (${((warm / cues) * 1000).toFixed(2)} us a cue); stress (${stressWarnings} warnings) warm median ${ms(median(stressTimes))}`,
  );

  const sim = await OllangSimulator.start({
    seed: 11,
    lifecycle: { pendingMs: 50, ongoingMs: 100, outputsLagMs: 20, intermediateStatuses: false },
    subtitleBodies: Object.fromEntries([...bodies].map(([language, vtt]) => [language, { vtt }])),
  });
  try {
    // ---- the plainest download, for scale
    const plain = await plainDownloads(
      sim,
      languages.map(([language]) => language),
    );
    console.log(
      `  download, plain (Get Order + GET, ${CONCURRENCY} at a time, to disk): ${plain.map(ms).join(', ')}; median ${ms(median(plain))}`,
    );

    // ---- the action: download and check, in the same run
    const ratios: number[] = [];
    for (let round = 1; round <= ACTION_RUNS; round++) {
      sim.reset();
      const { download, check, files, summary } = await actionRun(
        sim,
        languages.map(([language]) => language),
      );
      ratios.push(download / check);
      console.log(
        `  the action, run ${round}: download ${ms(download)} (${files} files), check ${ms(check)} (${summary}): ${(download / check).toFixed(1)}x`,
      );
    }
    const sorted = [...ratios].sort((a, b) => a - b);
    console.log(
      `  download / check in the action, ${ACTION_RUNS} runs: min ${sorted[0]!.toFixed(1)}x, median ${median(ratios).toFixed(1)}x, max ${sorted.at(-1)!.toFixed(1)}x (target: >= 10x)`,
    );
  } finally {
    await sim.close();
  }
  console.log(`  load average at the end: ${load()}`);
}

/**
 * The check of the files in a new Node process, 3 times: ms each (the check only, not the
 * start-up), wall clock and CPU time (all of the process's threads: the compilers' and the
 * garbage collector's too). On a busy machine the wall clock also counts the time the process
 * waited for a core; the CPU time does not.
 */
function freshProcessChecks(files: { language: string; bytes: Buffer }[]): { wall: number; cpu: number }[] {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'bench-quality-cold-'));
  try {
    for (const { language, bytes } of files) writeFileSync(path.join(directory, `${language}.vtt`), bytes);
    const check = pathToFileURL(path.join(import.meta.dirname, '..', 'src', 'quality', 'check.ts')).href;
    const script = [
      `import { readFileSync, readdirSync } from 'node:fs';`,
      `import { checkSubtitle } from ${JSON.stringify(check)};`,
      `const directory = ${JSON.stringify(directory)};`,
      `const started = performance.now();`,
      `const cpu = process.cpuUsage();`,
      `for (const name of readdirSync(directory)) checkSubtitle({ bytes: readFileSync(directory + '/' + name), file: name, language: name.slice(0, -4), format: 'vtt' });`,
      `const used = process.cpuUsage(cpu);`,
      `console.log(JSON.stringify([performance.now() - started, (used.user + used.system) / 1000]));`,
    ].join('\n');
    return [1, 2, 3].map(() => {
      const [wall, cpu] = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as [
        number,
        number,
      ];
      return { wall, cpu };
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Get Order then GET of the signed URL for each order, CONCURRENCY at a time, to disk: 3 rounds. */
async function plainDownloads(sim: OllangSimulator, languages: string[]): Promise<number[]> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'bench-quality-'));
  const agent = new http.Agent({ keepAlive: true });
  try {
    const created = await fetch(`${sim.url}/integration/orders/create`, {
      method: 'POST',
      headers: { 'X-Api-Key': sim.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({
        orderType: 'subtitle',
        level: 0,
        projectId: 'proj-demo',
        targetLanguageConfigs: languages.map((language) => ({ language })),
      }),
    });
    const ids = ((await created.json()) as { orderId: string }[]).map((order) => order.orderId);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < ids.length) {
            const id = ids[next++]!;
            const order = (await (await fetch(`${sim.url}/integration/orders/${id}`, { headers: { 'X-Api-Key': sim.apiKey } })).json()) as {
              vttUrl: string;
              targetLanguage: string;
            };
            const body = await new Promise<Buffer>((resolve, reject) => {
              http
                .get(order.vttUrl, { agent }, (response) => {
                  const chunks: Buffer[] = [];
                  response.on('data', (chunk: Buffer) => chunks.push(chunk));
                  response.on('end', () => resolve(Buffer.concat(chunks)));
                  response.on('error', reject);
                })
                .on('error', reject);
            });
            mkdirSync(path.join(directory, order.targetLanguage), { recursive: true });
            writeFileSync(path.join(directory, order.targetLanguage, 'film.vtt'), body);
          }
        }),
      );
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    agent.destroy();
    rmSync(directory, { recursive: true, force: true });
  }
}

/** One run of the bundled action: its download (first request to last file on disk) and its check, as it logs it. */
async function actionRun(
  sim: OllangSimulator,
  languages: string[],
): Promise<{ download: number; check: number; files: number; summary: string }> {
  const run = await startAction({
    inputs: {
      'api-key': sim.apiKey,
      'api-url': sim.url,
      'project-id': 'proj-demo',
      'target-languages': languages.join(','),
      'reuse-orders': 'false',
      'pr-comment': 'false',
      download: 'vtt',
      'poll-interval': '200ms',
      timeout: '3m',
    },
    timeoutMs: 180_000,
  }).done;
  try {
    if (run.exitCode !== 0) throw new Error(`the action exited with ${run.exitCode ?? run.signal}:\n${run.stdout.slice(-2000)}`);
    const logged = /^Subtitle quality: (.*) checked in (\d+) ms: (.*) \(quality-check/m.exec(run.stdout);
    if (!logged) throw new Error(`the action did not log its check:\n${run.stdout.slice(-2000)}`);
    const downloads = sim.requests.filter((request) => request.route === 'download');
    const saved = filesOf(run.workspace).filter((file) => file.endsWith('.vtt'));
    const download = Math.max(...saved.map((file) => statSync(file).mtimeMs)) - Math.min(...downloads.map((request) => request.at));
    return { download, check: Number(logged[2]), files: saved.length, summary: `${logged[1]}, ${logged[3]}` };
  } finally {
    rmSync(run.workspace, { recursive: true, force: true });
  }
}

function filesOf(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(path.join(directory, entry.name)) : [path.join(directory, entry.name)],
  );
}

await main();
