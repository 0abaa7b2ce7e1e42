/**
 * `npm run local`: runs src/ (main, then post) through @github/local-action with the inputs of
 * `.env` when there is one, `.env.example` otherwise, as .env.example says. Creates the
 * workspace and cache folders the env file names first (local-action does not), so a fresh
 * clone needs nothing else. Start the simulator first: `npm run simulator`.
 *
 *   npm run local                    .env, or .env.example
 *   npm run local -- path/to/file    that env file
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const given = process.argv[2];
const envFile = given ?? (existsSync(path.join(root, '.env')) ? '.env' : '.env.example');
if (!existsSync(path.resolve(root, envFile))) {
  console.error(`local: ${envFile} does not exist.`);
  process.exit(2);
}
const values = parseEnv(readFileSync(path.resolve(root, envFile), 'utf8'));
console.log(
  `local: inputs and environment from ${envFile}${given === undefined && envFile === '.env.example' ? ' (copy it to .env to change them)' : ''}.`,
);

for (const name of ['LOCAL_ACTION_WORKSPACE', 'GITHUB_WORKSPACE', 'LOCAL_ACTION_CACHE_PATH']) {
  const folder = values[name];
  if (folder) mkdirSync(path.resolve(root, folder), { recursive: true });
}

const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'local-action.cmd' : 'local-action');
const child = spawn(bin, ['.', 'scripts/local-action.ts', envFile, '--post', 'scripts/local-action-post.ts'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
