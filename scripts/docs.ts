/**
 * `npm run docs`: regenerates the generated parts of README.md.
 *
 * - Between `<!-- inputs:start ... -->` and `<!-- inputs:end -->`: the inputs table, from
 *   action.yml (input | default | description).
 * - Between `<!-- outputs:start ... -->` and `<!-- outputs:end -->`: the outputs table.
 * - Between `<!-- examples:start -->` and `<!-- examples:end -->`: every examples/*.yml as a
 *   collapsible block, titled by the file's first comment line.
 *
 * The start marker lines are kept as they are; everything between the markers is replaced.
 *
 * `node scripts/docs.ts --check` changes nothing: it exits 1, naming the stale sections, when
 * README.md is not what this script would write.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readmePath = path.join(root, 'README.md');
const actionPath = path.join(root, 'action.yml');
const examplesDir = path.join(root, 'examples');

/** Examples shown first, in this order; any other examples/*.yml follow alphabetically. */
const EXAMPLE_ORDER = [
  'release-media.yml',
  'pull-request-media.yml',
  'docs-site-videos.yml',
  'release-subtitles.yml',
  'pull-request.yml',
  'submit-then-collect.yml',
  'matrix-60-languages.yml',
  'rerun-safe.yml',
  'cancel-button.yml',
];

interface ActionInput {
  description?: unknown;
  required?: unknown;
  default?: unknown;
}
interface ActionOutput {
  description?: unknown;
}
interface ActionMetadata {
  inputs?: Record<string, ActionInput | null>;
  outputs?: Record<string, ActionOutput | null>;
}

class DocsError extends Error {}

/** Text for one table cell: one line, `|` escaped. */
function cell(text: string): string {
  return text
    .replace(/\r?\n+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|');
}

/** Inline code that survives backticks inside the value, and `|` inside a table. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\|/g, '\\|')}${pad}${fence}`;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

function inputsTable(action: ActionMetadata): string {
  const rows = Object.entries(action.inputs ?? {}).map(([name, input]) => {
    const required = input?.required === true || input?.required === 'true';
    const fallback = text(input?.default);
    const shown = required && fallback === '' ? '**required**' : fallback === '' ? '' : code(fallback);
    const note = required && fallback !== '' ? ' (**required**)' : '';
    return `| ${code(name)} | ${shown} | ${cell(text(input?.description))}${note} |`;
  });
  return ['| input | default | description |', '|---|---|---|', ...rows].join('\n');
}

function outputsTable(action: ActionMetadata): string {
  const rows = Object.entries(action.outputs ?? {}).map(([name, output]) => `| ${code(name)} | ${cell(text(output?.description))} |`);
  return ['| output | description |', '|---|---|', ...rows].join('\n');
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The first comment line of a workflow file: its one-line title. */
function exampleTitle(file: string, source: string): string {
  for (const line of source.split(/\r?\n/)) {
    const match = /^\s*#\s?(.*)$/.exec(line);
    if (match && match[1] !== undefined && match[1].trim() !== '') return match[1].trim();
  }
  throw new DocsError(`examples/${file} has no comment line to use as its title: start it with "# <title>".`);
}

function examplesSection(files: { name: string; source: string }[]): string {
  return files
    .map(({ name, source }) => {
      const title = exampleTitle(name, source);
      const body = source.replace(/\r\n/g, '\n').replace(/\n+$/, '');
      const longest = Math.max(2, ...(body.match(/^`{3,}/gm) ?? []).map((run) => run.length));
      const fence = '`'.repeat(longest + 1);
      return [
        `<details><summary><b>${escapeHtml(title)}</b> (<code>examples/${escapeHtml(name)}</code>)</summary>`,
        '',
        `${fence}yaml`,
        body,
        fence,
        '',
        '</details>',
      ].join('\n');
    })
    .join('\n\n');
}

function listExamples(): { name: string; source: string }[] {
  let names: string[];
  try {
    names = readdirSync(examplesDir).filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'));
  } catch {
    return [];
  }
  const rank = (name: string): number => {
    const index = EXAMPLE_ORDER.indexOf(name);
    return index === -1 ? EXAMPLE_ORDER.length : index;
  };
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return names.map((name) => ({ name, source: readFileSync(path.join(examplesDir, name), 'utf8') }));
}

/** Replaces what lies between the start marker line (kept) and the end marker line. */
function replaceSection(readme: string, name: string, content: string): string {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => line.trimStart().startsWith(`<!-- ${name}:start`));
  const end = lines.findIndex((line, index) => index > start && line.trim() === `<!-- ${name}:end -->`);
  if (start === -1) throw new DocsError(`README.md has no "<!-- ${name}:start -->" marker line.`);
  if (end === -1) throw new DocsError(`README.md has no "<!-- ${name}:end -->" marker line after "<!-- ${name}:start -->".`);
  return [...lines.slice(0, start + 1), ...content.split('\n'), ...lines.slice(end)].join('\n');
}

function render(readme: string, action: ActionMetadata, examples: { name: string; source: string }[]): string {
  let next = replaceSection(readme, 'inputs', inputsTable(action));
  next = replaceSection(next, 'outputs', outputsTable(action));
  next = replaceSection(next, 'examples', examples.length > 0 ? examplesSection(examples) : 'See [`examples/`](examples/).');
  return next;
}

/** Names of the sections whose generated text differs. */
function staleSections(current: string, wanted: string): string[] {
  const section = (readme: string, name: string): string => {
    const lines = readme.split('\n');
    const start = lines.findIndex((line) => line.trimStart().startsWith(`<!-- ${name}:start`));
    const end = lines.findIndex((line, index) => index > start && line.trim() === `<!-- ${name}:end -->`);
    return lines.slice(start, end).join('\n');
  };
  return ['inputs', 'outputs', 'examples'].filter((name) => section(current, name) !== section(wanted, name));
}

function main(): number {
  const check = process.argv.includes('--check');
  const unknown = process.argv.slice(2).filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    console.error(`docs: unknown argument ${unknown.join(' ')}\nusage: node scripts/docs.ts [--check]`);
    return 2;
  }
  const action = parse(readFileSync(actionPath, 'utf8')) as ActionMetadata;
  const readme = readFileSync(readmePath, 'utf8');
  const examples = listExamples();
  const wanted = render(readme, action, examples);

  if (check) {
    if (wanted === readme) {
      console.log(
        `docs: README.md is up to date (${Object.keys(action.inputs ?? {}).length} inputs, ${Object.keys(action.outputs ?? {}).length} outputs, ${examples.length} examples).`,
      );
      return 0;
    }
    const stale = staleSections(readme, wanted);
    console.error(
      `docs: README.md is stale: the ${stale.join(', ') || 'generated'} section(s) differ from action.yml and examples/. ` +
        'Run `npm run docs` and commit README.md.',
    );
    return 1;
  }

  if (wanted === readme) {
    console.log('docs: README.md already up to date.');
  } else {
    writeFileSync(readmePath, wanted);
    console.log(`docs: updated README.md (${staleSections(readme, wanted).join(', ')}).`);
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (error instanceof DocsError) {
    console.error(`docs: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
