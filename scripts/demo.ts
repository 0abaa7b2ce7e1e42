/**
 * `npm run demo`: starts the Ollang simulator on loopback, runs the bundled action against it
 * exactly as the GitHub runner would (dist/index.js under Node 24, INPUT_* variables, the
 * runner's output, state and summary files), and leaves the subtitle files in ./demo-workspace.
 * Nothing here talks to the real Ollang API (it bills real money).
 */
import { readdirSync, readFileSync, rmSync, statSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { OllangSimulator } from '../test/simulator/index.ts';
import { repoRoot, startAction } from '../test/dist/harness.ts';

const workspace = path.join(repoRoot, 'demo-workspace');
rmSync(workspace, { recursive: true, force: true });
mkdirSync(workspace, { recursive: true });

const simulator = await OllangSimulator.start({
  projects: ['proj-demo'],
  lifecycle: { pendingMs: 800, ongoingMs: 1_500, outputsLagMs: 700 },
});
console.log(`Ollang simulator: ${simulator.url}\n`);

const action = startAction({
  workspace,
  inputs: {
    'api-key': simulator.apiKey,
    'api-url': simulator.url,
    'project-id': 'proj-demo',
    'target-languages': 'fr, es, de, ja',
    'poll-interval': '1s',
    timeout: '2m',
  },
  env: { RUNNER_DEBUG: '0' },
});
// The runner hides ::debug:: lines unless debug logging is on; so does the demo.
action.child.stdout!.on('data', (chunk: Buffer) =>
  process.stdout.write(
    chunk
      .toString()
      .split('\n')
      .filter((line) => !line.startsWith('::debug::'))
      .join('\n'),
  ),
);
action.child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
const result = await action.done;
await simulator.close();

console.log('\n--- action outputs ---');
for (const [name, value] of Object.entries(result.outputs)) console.log(`${name}: ${value}`);

const files = listFiles(path.join(workspace, 'localized'));
console.log(`\n--- ${files.length} files in ${path.relative(process.cwd(), path.join(workspace, 'localized')) || '.'} ---`);
for (const file of files) console.log(`${path.relative(workspace, file)}  (${statSync(file).size} bytes)`);
const sample = files.find((f) => f.endsWith('.srt'));
if (sample) {
  console.log(`\n--- first lines of ${path.relative(workspace, sample)} ---`);
  console.log(readFileSync(sample, 'utf8').split('\n').slice(0, 8).join('\n'));
}
console.log(`\nThe action exited with code ${result.exitCode}; its job summary is in ${result.files.summary}.`);
console.log(`Subtitle files: ${path.join(workspace, 'localized')}`);
process.exitCode = result.exitCode ?? 1;

function listFiles(directory: string): string[] {
  try {
    return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? listFiles(path.join(directory, entry.name)) : [path.join(directory, entry.name)],
    );
  } catch {
    return [];
  }
}
