/**
 * Child process of scripts/bench-media.ts: uploads one file to the simulator the way the action
 * does (OllangClient.uploadMedia: the multipart body streamed over the action's one transport),
 * and prints {"status", "ms", "projectId"} (its peak RSS is read from outside).
 *
 *   node scripts/bench-media-upload.ts <simulator url> <api key> <file>
 */
import { OllangClient } from '../src/ollang/client.ts';

const [url, apiKey, file] = process.argv.slice(2);
if (url === undefined || apiKey === undefined || file === undefined) throw new Error('usage: bench-media-upload.ts <url> <api key> <file>');
const started = performance.now();
const client = new OllangClient({ baseUrl: url, apiKey });
try {
  const { projectId } = await client.uploadMedia({ filePath: file, name: 'bench upload', sourceLanguage: 'en' });
  process.stdout.write(`${JSON.stringify({ status: 201, ms: Math.round(performance.now() - started), projectId })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ status: (error as { status?: number }).status ?? 0, error: String(error) })}\n`);
  process.exitCode = 1;
}
