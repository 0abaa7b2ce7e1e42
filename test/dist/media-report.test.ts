/**
 * With `media` (files saved beside the video), the result line and the job summary name where the
 * files are. Before: "2 files downloaded to localized" and "output `localized`", where nothing was
 * written (found by a review; this test failed on the bundle before the fix).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { OllangSimulator } from '../simulator/index.ts';
import { runAction } from './harness.ts';

let sim: OllangSimulator | undefined;
afterAll(async () => sim?.close());

it('media: the result line and the summary name where the files are, not output-dir', async () => {
  sim = await OllangSimulator.start({ projects: [], lifecycle: { pendingMs: 100, ongoingMs: 200, outputsLagMs: 50, intermediateStatuses: false } });
  const workspace = mkdtempSync(path.join(tmpdir(), 'review-media-'));
  try {
    mkdirSync(path.join(workspace, 'videos'));
    writeFileSync(path.join(workspace, 'videos', 'intro.mp4'), 'bytes to upload');
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
    for (const args of [['init', '-q'], ['add', '.'], ['commit', '-qm', 'media']]) execFileSync('git', args, { cwd: workspace, env });
    const r = await runAction({
      workspace,
      inputs: { 'api-key': sim.apiKey, 'api-url': sim.url, media: 'videos/*.mp4', 'source-language': 'en', 'target-languages': 'fr', 'poll-interval': '150ms', timeout: '30s' },
      timeoutMs: 45_000,
    });
    expect(r.outputs['status']).toBe('completed');
    expect(r.outputs['files']).toBe('videos/intro.fr.srt\nvideos/intro.fr.vtt');
    expect(existsSync(path.join(workspace, 'localized'))).toBe(false);
    const resultLine = r.stdout.trim().split('\n').at(-1)!;
    expect(resultLine).toMatch(/; 2 files downloaded beside the media files\.$/);
    expect(r.summary).toContain('· output beside the media files');
    expect(r.summary).not.toContain('output `localized`');
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});
