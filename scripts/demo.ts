/**
 * `npm run demo`: starts the Ollang simulator on loopback, copies the sample video kept in the
 * repository (test/fixtures/media/intro.mp4, a few KB: the simulator does not decode it) into
 * ./demo-workspace/videos/, and runs the bundled action against it exactly as the GitHub runner
 * would (dist/index.js under Node 24, INPUT_* variables, the runner's output, state and summary
 * files) with `media: videos/*.mp4`. The action uploads the video (one Ollang project), orders
 * subtitles in four languages, and leaves `videos/intro.<language>.vtt` (and `.srt`) beside it.
 * A second run would find the project and the orders and upload nothing.
 * Nothing here talks to the real Ollang API (it bills real money).
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { OllangSimulator } from '../test/simulator/index.ts';
import { repoRoot, startAction } from '../test/dist/harness.ts';

const workspace = path.join(repoRoot, 'demo-workspace');
const videos = path.join(workspace, 'videos');
rmSync(workspace, { recursive: true, force: true });
mkdirSync(videos, { recursive: true });
copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'media', 'intro.mp4'), path.join(videos, 'intro.mp4'));

const simulator = await OllangSimulator.start({
  projects: [],
  lifecycle: { pendingMs: 800, ongoingMs: 1_500, outputsLagMs: 700 },
});
console.log(`Ollang simulator: ${simulator.url}\n`);

const action = startAction({
  workspace,
  inputs: {
    'api-key': simulator.apiKey,
    'api-url': simulator.url,
    media: 'videos/*.mp4',
    'source-language': 'en',
    'target-languages': 'fr, es, de, ja',
    'poll-interval': '1s',
    timeout: '2m',
  },
  env: { RUNNER_DEBUG: '0', GITHUB_REPOSITORY: 'octo/demo' },
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
const projects = simulator.uploadedProjects();
await simulator.close();

console.log('\n--- action outputs ---');
// Long JSON outputs (orders, projects, quality) are cut here for reading; the runner keeps them whole.
const shown = (value: string): string => (value.length > 300 ? `${value.slice(0, 300)}… (${value.length} characters)` : value);
for (const [name, value] of Object.entries(result.outputs)) console.log(`${name}: ${shown(value)}`);

console.log('\n--- the project in Ollang (its name, as the dashboard lists it) ---');
for (const project of projects) console.log(`${project.id}  ${project.name}  (${project.size} bytes, source ${project.sourceLanguage})`);

const files = readdirSync(videos).sort();
console.log(`\n--- ${files.length} files in ${path.relative(process.cwd(), videos) || '.'} ---`);
for (const file of files) console.log(`videos/${file}  (${statSync(path.join(videos, file)).size} bytes)`);
const sample = files.find((f) => f.endsWith('.fr.vtt'));
if (sample) {
  console.log(`\n--- first lines of videos/${sample} ---`);
  console.log(readFileSync(path.join(videos, sample), 'utf8').split('\n').slice(0, 8).join('\n'));
}
console.log(`\nThe action exited with code ${result.exitCode}; its job summary is in ${result.files.summary}.`);
console.log(`The subtitles are beside the video: ${videos}`);
console.log('A web page plays them with <track src="intro.fr.vtt" srclang="fr" label="Français" kind="subtitles">.');
process.exitCode = result.exitCode ?? 1;
