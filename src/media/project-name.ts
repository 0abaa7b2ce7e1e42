/**
 * The Ollang project's name for a media file, and the rule that recognises it in search results.
 *
 * The API keeps no hash or file identity of its own; the only look-up is List Projects' `search`,
 * a case-insensitive "contains" on the name (docs/ollang-uploads.md). So the name carries, in
 * this order:
 * - the content key (content-key.ts), first, so that a platform that shortens long names never
 *   cuts it off: `git-<hex>`;
 * - the source language in brackets: the same bytes ordered as English and as Spanish audio
 *   are two projects (orders take their source language from the project);
 * - the repository (`owner/name:`, when known) and the file's path, for the person who opens
 *   Ollang's dashboard. The repository also lets one search find every project of a repository
 *   at once (collectionSearchTerm).
 *
 *   git-1e8970cd1f0c4b7c0d6d0b1c5f0a9a3fa1b2c3d4 [en] octo/site: videos/intro.mp4
 *
 * A project matches a content only when its name *starts* with a key and a bracketed language
 * (`^(git|sha256)-<hex> [<lang>] `, any letter case) and that key equals ours; the rest of the
 * name (the path, an extension the platform appends) is free text and never decides anything,
 * so a file named after another file's key cannot pass for it. The bracketed language, which we
 * wrote, must be ours; the API's `sourceLanguage`, when given, only vetoes a match when it names
 * another language: Ollang may spell the one we sent another way (`en-US`, `EN`, `English`), and
 * a form it does not share with ours would otherwise make every run upload and buy again. Among several projects of one content (two
 * runs uploaded it at once, or an upload's answer came too late), the one that already has
 * orders wins, then the oldest: every run follows the same project, and the orders placed on it.
 */
import type { ProjectSummary } from '../ollang/schemas.ts';

/** Longest name we send (characters); long paths are shortened in the middle. */
export const MAX_PROJECT_NAME_CHARS = 200;

const NAME_PREFIX = /^((?:git|sha256)-(?:[0-9a-f]{64}|[0-9a-f]{40})) \[([A-Za-z0-9_-]{1,35})\](?=\s|$)/i;

/** The name of the project made from `mediaPath`'s content. */
export function projectName(mediaPath: string, sourceLanguage: string, key: string, repository?: string): string {
  const head = `${key} [${sourceLanguage}] ${repository ? `${readable(repository)}: ` : ''}`;
  const budget = Math.max(20, MAX_PROJECT_NAME_CHARS - [...head].length);
  return `${head}${shortenPath(readable(mediaPath), budget)}`;
}

/** What to search for one content: the key alone (the most specific text in the name, and plain ASCII). */
export function projectSearchTerm(key: string): string {
  return key;
}

/** One search for every project of a repository in a source language (the names' common part). */
export function collectionSearchTerm(sourceLanguage: string, repository: string): string {
  return `[${sourceLanguage}] ${readable(repository)}:`;
}

/** The key and language a project's name starts with, or undefined when it is not a name of ours. */
export function parseProjectName(name: string): { key: string; language: string } | undefined {
  const match = NAME_PREFIX.exec(name.trimStart());
  return match === null ? undefined : { key: match[1]!.toLowerCase(), language: match[2]! };
}

/** Whether `project` was made from the content `key` spoken in `sourceLanguage`. */
export function matchesContent(project: Pick<ProjectSummary, 'name' | 'sourceLanguage'>, key: string, sourceLanguage: string): boolean {
  const parsed = parseProjectName(project.name);
  if (parsed === undefined || parsed.key !== key.toLowerCase()) return false;
  const language = normaliseLanguage(sourceLanguage);
  if (normaliseLanguage(parsed.language) !== language) return false;
  return project.sourceLanguage === undefined || !otherLanguage(project.sourceLanguage, language);
}

/**
 * Whether the API's spelling of a source language names another language than `ours`: a code
 * (`es`, `pt_BR`) whose primary subtag differs. A region added or dropped (`en-US` for `en`) or
 * a form that is no code (`English`) is the same language in another shape.
 */
function otherLanguage(theirs: string, ours: string): boolean {
  const given = normaliseLanguage(theirs);
  if (given === ours || !/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(given)) return false;
  return given.split('-')[0] !== ours.split('-')[0];
}

type Candidate = Pick<ProjectSummary, 'id' | 'name' | 'sourceLanguage' | 'createdAt' | 'ordersCount'>;

/** Every project of `projects` made from this content, the one to follow first (see pickProject). */
export function matchingProjects<T extends Candidate>(projects: readonly T[], key: string, sourceLanguage: string): T[] {
  const time = (p: T): number => {
    const ms = p.createdAt === undefined ? NaN : Date.parse(p.createdAt);
    return Number.isNaN(ms) ? Infinity : ms;
  };
  const hasOrders = (p: T): number => ((p.ordersCount ?? 0) > 0 ? 0 : 1);
  const unique = new Map<string, T>();
  for (const p of projects) if (matchesContent(p, key, sourceLanguage) && !unique.has(p.id)) unique.set(p.id, p);
  return [...unique.values()].sort((a, b) => hasOrders(a) - hasOrders(b) || time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The project to follow for this content: one that already has orders, then the oldest; or undefined. */
export function pickProject<T extends Candidate>(projects: readonly T[], key: string, sourceLanguage: string): T | undefined {
  return matchingProjects(projects, key, sourceLanguage)[0];
}

function normaliseLanguage(code: string): string {
  return code.trim().replace(/_/g, '-').toLowerCase();
}

/** Control, bidi and zero-width characters would hide or reorder what a person reads: `_`. */
function readable(text: string): string {
  return text.replace(/[\p{Cc}\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu, '_');
}

/** `videos/2024/q3/…/intro.mp4`: the start and the end kept, the middle dropped. */
function shortenPath(text: string, budget: number): string {
  const chars = [...text];
  if (chars.length <= budget) return text;
  const tail = Math.min(chars.length, Math.ceil((budget - 1) * 0.7));
  const head = budget - 1 - tail;
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}
