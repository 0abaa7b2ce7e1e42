/**
 * src/runner.ts must write exactly what @actions/core writes for the same calls: the runner
 * parses these bytes (masking, annotations, outputs, state), so "close enough" is a bug.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { runnerIO } from '../../src/runner.ts';

interface Capture {
  stdout: string;
  output: string;
  state: string;
  summary: string;
  exitCode: number | string | undefined;
  inputs: string[];
  stateRead: string;
}

const hostile = 'line one\nline two: 100% done, a,b\r\n::error::injected';

async function capture(useCore: boolean, withFiles: boolean): Promise<Capture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'runner-'));
  const files = { output: path.join(dir, 'out'), state: path.join(dir, 'state'), summary: path.join(dir, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  vi.stubEnv('GITHUB_OUTPUT', withFiles ? files.output : '');
  vi.stubEnv('GITHUB_STATE', withFiles ? files.state : '');
  vi.stubEnv('GITHUB_STEP_SUMMARY', files.summary);
  vi.stubEnv('INPUT_TARGET-LANGUAGES', '  fr, es \n');
  vi.stubEnv('INPUT_MY_INPUT', 'spaced name');
  vi.stubEnv('STATE_created-orders', '["a"]');
  let stdout = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  let inputs: string[];
  let stateRead: string;
  try {
    if (useCore) {
      core.setSecret('s3cr3t%value');
      core.debug(hostile);
      // The one deliberate difference (runner.ts, infoLine): core writes line breaks raw.
      core.info(hostile.replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
      core.notice(hostile, { title: 'Title: a, b' });
      core.warning(hostile, { title: 'Timed out: fr' });
      core.warning(hostile);
      core.error(hostile, {});
      core.error(hostile, { title: 'Subtitle quality: overlap', file: 'out/fr/a,b:c%d.srt', startLine: 12, endLine: 13, startColumn: 0 });
      core.warning('line: 47 characters', { file: 'localized/fr/intro.vtt', startLine: 8, startColumn: 3, endColumn: 9 });
      await core.group('Waiting for 3 order(s)', async () => core.info('inside'));
      core.setOutput('orders', '[{"a":1}]\nsecond line');
      core.setOutput('status', 'completed');
      core.saveState('created-orders', '["x","y"]');
      core.setFailed(hostile);
      await core.summary.addRaw('## Summary\n| a |', true).write();
      inputs = [core.getInput('target-languages'), core.getInput('my input'), core.getInput('missing')];
      stateRead = core.getState('created-orders');
    } else {
      const io = runnerIO;
      io.setSecret('s3cr3t%value');
      io.log.debug(hostile);
      io.log.info(hostile);
      io.log.notice(hostile, { title: 'Title: a, b' });
      io.log.warning(hostile, { title: 'Timed out: fr' });
      io.log.warning(hostile);
      io.log.error(hostile, {});
      io.log.error(hostile, { title: 'Subtitle quality: overlap', file: 'out/fr/a,b:c%d.srt', startLine: 12, endLine: 13, startColumn: 0 });
      io.log.warning('line: 47 characters', { file: 'localized/fr/intro.vtt', startLine: 8, startColumn: 3, endColumn: 9 });
      await io.log.group('Waiting for 3 order(s)', async () => io.log.info('inside'));
      io.setOutput('orders', '[{"a":1}]\nsecond line');
      io.setOutput('status', 'completed');
      io.saveState('created-orders', '["x","y"]');
      io.setFailed(hostile);
      await io.appendSummary('## Summary\n| a |');
      inputs = [io.getInput('target-languages'), io.getInput('my input'), io.getInput('missing')];
      stateRead = io.getState('created-orders');
    }
  } finally {
    write.mockRestore();
  }
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  const normalize = (text: string): string => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_UUID');
  return {
    stdout: normalize(stdout),
    output: normalize(readFileSync(files.output, 'utf8')),
    state: normalize(readFileSync(files.state, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    exitCode,
    inputs,
    stateRead,
  };
}

describe('runner commands', () => {
  beforeEach(() => vi.unstubAllEnvs());
  afterEach(() => vi.unstubAllEnvs());

  it('writes the same bytes as @actions/core, with the runner files', async () => {
    const ours = await capture(false, true);
    const theirs = await capture(true, true);
    expect(ours).toEqual(theirs);
    expect(ours.output).toContain('orders<<ghadelimiter_UUID');
    expect(ours.stdout).toContain('::warning title=Timed out%3A fr::line one%0Aline two: 100%25 done');
    expect(ours.stdout).toContain('::error title=Subtitle quality%3A overlap,file=out/fr/a%2Cb%3Ac%25d.srt,line=12,endLine=13::line one');
    expect(ours.stdout).toContain('::warning file=localized/fr/intro.vtt,line=8,col=3,endColumn=9::line: 47 characters');
  });

  it('review: an info line never breaks into a line the runner would read as a workflow command', async () => {
    const ours = await capture(false, true);
    expect(ours.stdout).toContain('\nline one%0Aline two: 100% done, a,b%0D%0A::error::injected\n');
    expect(ours.stdout.split('\n').filter((line) => line.startsWith('::error::injected'))).toEqual([]);
  });

  it('writes the same bytes as @actions/core without them (older runners, local runs)', async () => {
    // (@actions/core caches the summary file's path from the first test, so the summary is left out.)
    const { summary: _ours, ...ours } = await capture(false, false);
    const { summary: _theirs, ...theirs } = await capture(true, false);
    expect(ours).toEqual(theirs);
    expect(ours.stdout).toContain('::set-output name=status::completed');
  });
});
