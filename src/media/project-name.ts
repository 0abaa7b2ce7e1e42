/**
 * The Ollang project's name for a media file, and the rule that recognises it in search results.
 *
 * The API keeps no hash or file identity of its own; the only look-up is List Projects' `search`,
 * a case-insensitive "contains" on the name (docs/ollang-uploads.md). So the name carries:
 * - the file's path, for the person who opens Ollang's dashboard: `videos/intro.mp4`;
 * - the source language in brackets: the same bytes ordered as English and as Spanish audio
 *   are two projects (orders take their source language from the project);
 * - the content key (content-key.ts), last: `git-<hex>` or `sha256-<hex>`.
 *
 *   videos/intro.mp4 [en] sha256-9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 *
 * The platform may append the file's extension to the name (`… sha256-9f86….mp4`), may change
 * its letter case, and search may match more than we asked for: a project matches only when its
 * name contains the key as a whole word (no letter or digit right before or after it), in any
 * letter case, and its source language is ours (the project's `sourceLanguage`, or the bracketed
 * one in the name when the API leaves that field out). Never equality. Among several matches
 * (two runs uploaded the same file at once), the oldest wins, so every run picks the same one.
 */
import type { ProjectSummary } from '../ollang/schemas.ts';

/** Longest name we send (characters); long paths are shortened in the middle. */
export const MAX_PROJECT_NAME_CHARS = 200;

/** The name of the project made from `mediaPath`'s content. */
export function projectName(mediaPath: string, sourceLanguage: string, key: string): string {
  const suffix = ` [${sourceLanguage}] ${key}`;
  const budget = Math.max(20, MAX_PROJECT_NAME_CHARS - [...suffix].length);
  return `${shortenPath(readablePath(mediaPath), budget)}${suffix}`;
}

/** What to search for: the key alone (the most specific text in the name, and plain ASCII). */
export function projectSearchTerm(key: string): string {
  return key;
}

/** Whether `project` was made from the content `key` spoken in `sourceLanguage`. */
export function matchesContent(project: Pick<ProjectSummary, 'name' | 'sourceLanguage'>, key: string, sourceLanguage: string): boolean {
  const name = project.name.toLowerCase();
  const wanted = key.toLowerCase();
  let found = false;
  for (let at = name.indexOf(wanted); at !== -1; at = name.indexOf(wanted, at + 1)) {
    const before = at === 0 ? '' : name[at - 1]!;
    const after = name[at + wanted.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) {
      found = true;
      break;
    }
  }
  if (!found) return false;
  const language = normaliseLanguage(sourceLanguage);
  if (project.sourceLanguage !== undefined) return normaliseLanguage(project.sourceLanguage) === language;
  return name.includes(`[${language}]`);
}

/** The oldest project of `projects` made from this content, or undefined. */
export function pickProject<T extends Pick<ProjectSummary, 'id' | 'name' | 'sourceLanguage' | 'createdAt'>>(
  projects: readonly T[],
  key: string,
  sourceLanguage: string,
): T | undefined {
  const time = (p: T): number => {
    const ms = p.createdAt === undefined ? NaN : Date.parse(p.createdAt);
    return Number.isNaN(ms) ? Infinity : ms;
  };
  return projects
    .filter((p) => matchesContent(p, key, sourceLanguage))
    .sort((a, b) => time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
}

function normaliseLanguage(code: string): string {
  return code.trim().replace(/_/g, '-').toLowerCase();
}

/** Control, bidi and zero-width characters would hide or reorder what a person reads: `_`. */
function readablePath(mediaPath: string): string {
  return mediaPath.replace(/[\p{Cc}\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu, '_');
}

/** `videos/2024/q3/…/intro.mp4`: the start and the end kept, the middle dropped. */
function shortenPath(text: string, budget: number): string {
  const chars = [...text];
  if (chars.length <= budget) return text;
  const tail = Math.min(chars.length, Math.ceil((budget - 1) * 0.7));
  const head = budget - 1 - tail;
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}
