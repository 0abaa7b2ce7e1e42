/**
 * Child process of scripts/bench-media.ts: uploads one file to the simulator with the action's
 * multipart body over node:http, and prints {"status", "ms"} (its peak RSS is read from outside).
 *
 *   node scripts/bench-media-upload.ts <simulator url> <api key> <file>
 */
import http from 'node:http';
import { multipartBody, writeMultipartBody } from '../src/media/multipart.ts';

const [url, apiKey, file] = process.argv.slice(2);
if (url === undefined || apiKey === undefined || file === undefined) throw new Error('usage: bench-media-upload.ts <url> <api key> <file>');
const started = performance.now();
const body = await multipartBody({ filePath: file, name: 'bench upload', sourceLanguage: 'en' });
const status = await new Promise<number>((resolve, reject) => {
  const request = http.request(`${url}/integration/upload/direct`, {
    method: 'POST',
    headers: { 'X-Api-Key': apiKey, 'Content-Type': body.contentType, 'Content-Length': String(body.contentLength) },
  });
  request.on('response', (response) => {
    response.resume();
    response.on('end', () => resolve(response.statusCode ?? 0));
  });
  request.on('error', reject);
  writeMultipartBody(body, file, request).then(() => request.end(), reject);
});
process.stdout.write(`${JSON.stringify({ status, ms: Math.round(performance.now() - started) })}\n`);
