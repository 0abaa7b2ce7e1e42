/**
 * The `artifact` input's upload (src/report/artifact.ts) with an injected uploader: skipped at
 * once with a notice where the runner offers no artifact service, linked where it does, a
 * warning (never a throw) when the upload fails. The real library against a local fake of the
 * service: test/dist/report-artifact.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactUrl, serviceUnavailable, uploadRunArtifact, type ArtifactUploader } from '../../src/report/artifact.ts';
import { adviceFor, OllangError } from '../../src/ollang/errors.ts';
import { recordingLog } from './run-helpers.ts';

const SERVICE = {
  ACTIONS_RUNTIME_TOKEN: 'token',
  ACTIONS_RESULTS_URL: 'https://results.example/',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/site',
  GITHUB_RUN_ID: '42',
};

function uploader(result: { id?: number; size?: number } | Error): ArtifactUploader & { calls: [string, string[], string][] } {
  const calls: [string, string[], string][] = [];
  const upload = async (name: string, files: string[], root: string) => {
    calls.push([name, files, root]);
    if (result instanceof Error) throw result;
    return result;
  };
  return Object.assign(upload, { calls });
}

describe('uploadRunArtifact', () => {
  it('uploads the files at their workspace paths and links the artifact page', async () => {
    const log = recordingLog();
    const upload = uploader({ id: 7, size: 1663 });
    const result = await uploadRunArtifact({
      name: 'subs',
      files: ['localized/fr/a.srt'],
      workspace: '/ws',
      env: SERVICE,
      log,
      uploader: upload,
    });
    expect(result).toEqual({ name: 'subs', url: 'https://github.com/acme/site/actions/runs/42/artifacts/7' });
    expect(upload.calls).toEqual([['subs', [path.join('/ws', 'localized', 'fr', 'a.srt')], '/ws']]);
    expect(log.at('info')).toContain('Uploaded artifact subs (1663 bytes): https://github.com/acme/site/actions/runs/42/artifacts/7.');
  });

  it('without an artifact service: a notice at once, and the uploader is never called', async () => {
    const log = recordingLog();
    const upload = uploader({ id: 7 });
    const env = { ...SERVICE, ACTIONS_RUNTIME_TOKEN: undefined };
    const result = await uploadRunArtifact({ name: 'subs', files: ['a.srt'], workspace: '/ws', env, log, uploader: upload });
    expect(upload.calls).toHaveLength(0);
    expect(result.url).toBeUndefined();
    expect(result.problem).toMatch(/no artifact service/);
    expect(log.at('notice')).toHaveLength(1);
    expect(log.at('warning')).toHaveLength(0);
  });

  it('on GitHub Enterprise Server (no artifact v4 there): a notice, no upload', async () => {
    expect(serviceUnavailable({ ...SERVICE, GITHUB_SERVER_URL: 'https://ghes.example.com' })).toMatch(/Enterprise Server/);
    expect(serviceUnavailable({ ...SERVICE, GITHUB_SERVER_URL: 'https://acme.ghe.com' })).toBeUndefined();
  });

  it('a failed upload is a warning with the fix for a name already used, never a throw', async () => {
    const log = recordingLog();
    const result = await uploadRunArtifact({
      name: 'subs',
      files: ['a.srt'],
      workspace: '/ws',
      env: SERVICE,
      log,
      uploader: uploader(new Error('Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict')),
    });
    expect(result.problem).toMatch(/^the upload failed: /);
    expect(log.at('warning')[0]).toMatch(/409.*in a matrix, put the matrix value in the name/);
  });

  describe('a name already taken in this workflow run', () => {
    const conflict =
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run';
    /** An uploader refused once (the name is taken), then accepting; and a remover that records its calls. */
    function service() {
      const removed: string[] = [];
      let refused = false;
      const upload: ArtifactUploader = async () => {
        if (!refused && removed.length === 0) {
          refused = true;
          throw new Error(conflict);
        }
        return { id: 8, size: 10 };
      };
      return { removed, upload, remove: async (name: string) => void removed.push(name) };
    }

    it("on a re-run (attempt 2): the earlier attempt's artifact is replaced, and the new one linked", async () => {
      const log = recordingLog();
      const { removed, upload, remove } = service();
      const env = { ...SERVICE, GITHUB_RUN_ATTEMPT: '2' };
      const result = await uploadRunArtifact({
        name: 'subs',
        files: ['a.srt'],
        workspace: '/ws',
        env,
        log,
        uploader: upload,
        remover: remove,
      });
      expect(removed).toEqual(['subs']);
      expect(result).toEqual({ name: 'subs', url: 'https://github.com/acme/site/actions/runs/42/artifacts/8' });
      expect(log.at('info')).toContain('Attempt 2 of this workflow run: replacing the artifact subs an earlier attempt uploaded.');
      expect(log.at('warning')).toEqual([]);
    });

    it("on the first attempt: another job's or step's artifact, never deleted; a warning says what to do", async () => {
      const log = recordingLog();
      const { removed, upload, remove } = service();
      const result = await uploadRunArtifact({
        name: 'subs',
        files: ['a.srt'],
        workspace: '/ws',
        env: SERVICE,
        log,
        uploader: upload,
        remover: remove,
      });
      expect(removed).toEqual([]);
      expect(result.problem).toMatch(/^the upload failed: .*409/);
      expect(log.at('warning')[0]).toMatch(
        /another job or step of this run already uploaded one of that name \(in a matrix, put the matrix value in the name\)/,
      );
    });

    it('a re-run whose replacement fails: a warning, never a throw', async () => {
      const log = recordingLog();
      const env = { ...SERVICE, GITHUB_RUN_ATTEMPT: '3' };
      const result = await uploadRunArtifact({
        name: 'subs',
        files: ['a.srt'],
        workspace: '/ws',
        env,
        log,
        uploader: uploader(new Error(conflict)),
        remover: async () => {
          throw new Error('Artifact not found for name: subs');
        },
      });
      expect(result.problem).toMatch(/^the upload failed: Artifact not found/);
      expect(log.at('warning')).toHaveLength(1);
    });
  });

  it('no file downloaded: nothing to upload', async () => {
    const log = recordingLog();
    const upload = uploader({ id: 7 });
    const result = await uploadRunArtifact({ name: 'subs', files: [], workspace: '/ws', env: SERVICE, log, uploader: upload });
    expect(upload.calls).toHaveLength(0);
    expect(result).toEqual({ name: 'subs', problem: 'no file was downloaded' });
  });

  it('builds no link from values GitHub would not set', () => {
    expect(artifactUrl(SERVICE, 7)).toBe('https://github.com/acme/site/actions/runs/42/artifacts/7');
    expect(artifactUrl({ ...SERVICE, GITHUB_REPOSITORY: 'acme/site) [x](http://evil' }, 7)).toBeUndefined();
    expect(artifactUrl({ ...SERVICE, GITHUB_RUN_ID: '42/../../x' }, 7)).toBeUndefined();
    expect(artifactUrl({ ...SERVICE, GITHUB_SERVER_URL: 'javascript:alert(1)' }, 7)).toBeUndefined();
    expect(artifactUrl(SERVICE, 0)).toBeUndefined();
  });
});

describe('adviceFor: what to check after a failure', () => {
  const http = (status: number, endpoint: string, code?: string) =>
    new OllangError({ kind: 'http', endpoint, status, ...(code ? { code } : {}), apiMessage: 'x' });
  it('names the input most likely at fault', () => {
    expect(adviceFor(http(401, 'List Orders'))).toMatch(/^Check the secret passed as api-key/);
    expect(adviceFor(http(404, 'Create Order', 'PROJECT_NOT_FOUND'))).toMatch(/^Check project-id/);
    expect(adviceFor(new OllangError({ kind: 'network', endpoint: 'List Orders', detail: 'ECONNREFUSED' }))).toMatch(/^Check api-url/);
    expect(adviceFor(new OllangError({ kind: 'timeout', endpoint: 'Get Order' }))).toMatch(/^Check api-url/);
    // An order Ollang no longer knows is not an input's fault.
    expect(adviceFor(http(404, 'Get Order', 'ORDER_NOT_FOUND'))).toBeUndefined();
    expect(adviceFor(http(500, 'Get Order'))).toBeUndefined();
    expect(adviceFor(new Error('x'))).toBeUndefined();
  });
});
