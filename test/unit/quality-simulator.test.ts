/**
 * The simulator's default subtitle bodies read clean: a new user's first run (and `npm run demo`)
 * against the simulator prints no quality warning. Tests that want findings give `subtitleBodies`.
 */
import { describe, expect, it } from 'vitest';
import { checkSubtitle } from '../../src/quality/check.ts';
import { PHRASE_LANGUAGES, srt, vtt } from '../simulator/content.ts';

describe("the simulator's default subtitle bodies", () => {
  // 12 cues is the simulator's default; 40 gives every language's phrases several turns.
  it.each([...PHRASE_LANGUAGES, 'xx-unlisted'].flatMap((language) => [12, 40].map((cues) => [language, cues] as const)))(
    'pass the default rules in %s (%i cues), in SRT and in WebVTT',
    (language, cues) => {
      for (const [format, bytes] of [
        ['srt', srt(language, cues)],
        ['vtt', vtt(language, cues)],
      ] as const) {
        const checked = checkSubtitle({ bytes, file: `localized/${language}/video.${format}`, language, format });
        expect(checked.cues).toBe(cues);
        expect(checked.findings).toEqual([]);
      }
    },
  );
});
