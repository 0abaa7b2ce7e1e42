// File contents the simulator serves: SRT / WebVTT in the target language, dubbed audio
// (a repeated buffer, so any size costs no memory), translated documents, source media.
// The default subtitles pass the quality check's default rules (docs/quality.md: 2.5 s a cue,
// so at most 10 characters in Japanese, lines within 42, 16 in Chinese and Korean, 13 in
// Japanese): a first run against the simulator reads clean. Tests that want findings give
// `subtitleBodies`.

const PHRASES: Record<string, string[]> = {
  en: [
    'Hello and welcome.',
    'Today we will look at the new dashboard.',
    'Click here to continue.',
    'Thank you for watching.',
    'See you next time.',
  ],
  fr: [
    'Bonjour et bienvenue.',
    'Découvrons le nouveau tableau de bord.',
    'Cliquez ici pour continuer.',
    "Merci d'avoir regardé.",
    'À la prochaine fois.',
  ],
  es: [
    'Hola y bienvenidos.',
    'Hoy veremos el nuevo panel de control.',
    'Haga clic aquí para continuar.',
    'Gracias por mirar.',
    'Hasta la próxima.',
  ],
  de: [
    'Hallo und willkommen.',
    'Heute sehen wir uns das neue Dashboard an.',
    'Klicken Sie hier, um fortzufahren.',
    'Danke fürs Zuschauen.',
    'Bis zum nächsten Mal.',
  ],
  it: ['Ciao e benvenuti.', 'Oggi vedremo la nuova dashboard.', 'Fai clic qui per continuare.', 'Grazie per la visione.', 'Alla prossima.'],
  pt: ['Olá e bem-vindos.', 'Hoje vamos ver o novo painel.', 'Clique aqui para continuar.', 'Obrigado por assistir.', 'Até a próxima.'],
  'pt-BR': [
    'Olá e sejam bem-vindos.',
    'Hoje vamos conhecer o novo painel.',
    'Clique aqui para continuar.',
    'Obrigado por assistir.',
    'Até a próxima.',
  ],
  tr: [
    'Merhaba ve hoş geldiniz.',
    'Bugün yeni panele bakacağız.',
    'Devam etmek için buraya tıklayın.',
    'İzlediğiniz için teşekkürler.',
    'Bir dahaki sefere görüşmek üzere.',
  ],
  ja: ['こんにちは。', '新しい画面を見ます。', 'ここをクリック。', 'ご視聴ありがとう。', 'また会いましょう。'],
  'zh-TW': ['大家好，歡迎收看。', '今天我們來看看新的儀表板。', '點擊這裡繼續。', '感謝收看。', '下次見。'],
  zh: ['大家好，欢迎收看。', '今天我们来看看新的仪表板。', '点击这里继续。', '感谢收看。', '下次见。'],
  ko: [
    '안녕하세요, 환영합니다.',
    '새 대시보드를 살펴봅니다.',
    '계속하려면 여기를 클릭하세요.',
    '시청해 주셔서 감사합니다.',
    '다음에 또 만나요.',
  ],
  ar: ['مرحبا وأهلا بكم.', 'اليوم سنلقي نظرة على لوحة التحكم الجديدة.', 'انقر هنا للمتابعة.', 'شكرا للمشاهدة.', 'إلى اللقاء.'],
  ru: [
    'Здравствуйте и добро пожаловать.',
    'Сегодня мы посмотрим на новую панель.',
    'Нажмите здесь, чтобы продолжить.',
    'Спасибо за просмотр.',
    'До встречи.',
  ],
  nl: [
    'Hallo en welkom.',
    'Vandaag bekijken we het nieuwe dashboard.',
    'Klik hier om verder te gaan.',
    'Bedankt voor het kijken.',
    'Tot de volgende keer.',
  ],
};

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  fr: 'French',
  es: 'Spanish',
  de: 'German',
  it: 'Italian',
  pt: 'Portuguese',
  'pt-BR': 'Brazilian Portuguese',
  tr: 'Turkish',
  ja: 'Japanese',
  'zh-TW': 'Traditional Chinese',
  zh: 'Chinese',
  ko: 'Korean',
  ar: 'Arabic',
  ru: 'Russian',
  nl: 'Dutch',
};

/** The languages the simulator has lines of its own for (any other gets `[xx] line n`). */
export const PHRASE_LANGUAGES: readonly string[] = Object.keys(PHRASES);

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code.toUpperCase();
}

export function cueText(language: string, n: number): string {
  const phrases = PHRASES[language];
  if (phrases === undefined) return `[${language}] line ${n}`;
  return phrases[(n - 1) % phrases.length] as string;
}

function timestamp(ms: number, sep: ',' | '.'): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const milli = ms % 1000;
  const p = (v: number, w = 2): string => String(v).padStart(w, '0');
  return `${p(h)}:${p(m)}:${p(s)}${sep}${p(milli, 3)}`;
}

function cueTimes(n: number): [number, number] {
  const start = 1000 + (n - 1) * 3000;
  return [start, start + 2500];
}

const cache = new Map<string, Buffer>();

function cached(key: string, make: () => string): Buffer {
  let b = cache.get(key);
  if (b === undefined) {
    b = Buffer.from(make(), 'utf8');
    if (cache.size > 500) cache.clear();
    cache.set(key, b);
  }
  return b;
}

/** SubRip: numbered cues, `00:00:01,000 --> 00:00:03,500`. */
export function srt(language: string, cues: number): Buffer {
  return cached(`srt:${language}:${cues}`, () => {
    const parts: string[] = [];
    for (let n = 1; n <= cues; n++) {
      const [a, b] = cueTimes(n);
      parts.push(`${n}\n${timestamp(a, ',')} --> ${timestamp(b, ',')}\n${cueText(language, n)}\n`);
    }
    return parts.join('\n');
  });
}

/** WebVTT: `WEBVTT` header, `.` millis. */
export function vtt(language: string, cues: number): Buffer {
  return cached(`vtt:${language}:${cues}`, () => {
    const parts: string[] = ['WEBVTT\n'];
    for (let n = 1; n <= cues; n++) {
      const [a, b] = cueTimes(n);
      parts.push(`${n}\n${timestamp(a, '.')} --> ${timestamp(b, '.')}\n${cueText(language, n)}\n`);
    }
    return parts.join('\n');
  });
}

/** A translated "document": a zip-like header plus text (never mistaken for HTML or JSON). */
export function translatedDocument(language: string, cues: number): Buffer {
  return cached(`doc:${language}:${cues}`, () => {
    const lines: string[] = ['PK\u0003\u0004 simulated docx'];
    for (let n = 1; n <= cues; n++) lines.push(cueText(language, n));
    return lines.join('\n') + '\n';
  });
}

/** Source media the customer uploaded (never to be downloaded by the action). */
export const SOURCE_BYTES: Buffer = (() => {
  const b = Buffer.alloc(4096);
  Buffer.from('\u0000\u0000\u0000\u0018ftypmp42', 'latin1').copy(b);
  for (let i = 12; i < b.length; i++) b[i] = (i * 7) & 0xff;
  return b;
})();

/** A small PNG-ish thumbnail (drift docs). */
export const THUMBNAIL_BYTES: Buffer = (() => {
  const b = Buffer.alloc(512);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
  for (let i = 8; i < b.length; i++) b[i] = (i * 13) & 0xff;
  return b;
})();

export const WAVEFORM_BYTES: Buffer = Buffer.from(
  JSON.stringify({ version: 2, samples: Array.from({ length: 64 }, (_, i) => (i * 37) % 128) }),
);

/** 64 KiB pattern streamed repeatedly for dubbed audio. */
export const AUDIO_PATTERN: Buffer = (() => {
  const b = Buffer.alloc(64 * 1024);
  Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1').copy(b);
  for (let i = 10; i < b.length; i++) b[i] = (i * 31 + 7) & 0xff;
  return b;
})();
