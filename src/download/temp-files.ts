/**
 * The temporary files of this run's downloads: `.<file name>.<run token>-<n>.part`, beside their
 * target (a rename into place is atomic only within one folder) and there only while being
 * written: each download removes its own, whatever happens to it.
 *
 * Except after a SIGKILL, which skips every cleanup: the `.part` files would stay in the language
 * folders, and a later `git add` would commit them. So the folders they are put in are saved for
 * the post step, with the token that tells this run's temporary files from anything else, the
 * moment the first one is created there; the post step removes what is left.
 */
import { randomBytes } from 'node:crypto';
import { lstat, readdir, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../error-message.ts';
import { cutBytes } from './file-names.ts';
import { inside } from './target.ts';

/** Leaves room for the leading dot, the token, the counter and `.part` within a 255-byte file name. */
const NAME_STEM_BYTES = 200;

/** What the post step gets (as JSON). */
interface Saved {
  token: string;
  workspace: string;
  folders: string[];
}

export class TempFiles {
  readonly #token: string;
  readonly #workspace: string;
  readonly #save: (value: string) => void;
  readonly #folders = new Set<string>();
  #count = 0;

  /** `save` keeps the record where the post step finds it (state.ts); the token defaults to a random one. */
  constructor(options: { workspace: string; save?: (value: string) => void; token?: string }) {
    this.#workspace = path.resolve(options.workspace);
    this.#save = options.save ?? (() => undefined);
    this.#token = options.token ?? randomBytes(6).toString('hex');
  }

  /** A new temporary path for `fileName` in `folder`; the folder is saved for the post step before the path is returned. */
  pathFor(folder: string, fileName: string): string {
    const absolute = path.resolve(folder);
    if (!this.#folders.has(absolute)) {
      this.#folders.add(absolute);
      const saved: Saved = { token: this.#token, workspace: this.#workspace, folders: [...this.#folders] };
      this.#save(JSON.stringify(saved));
    }
    this.#count += 1;
    return path.join(absolute, `.${cutBytes(fileName, NAME_STEM_BYTES)}.${this.#token}-${this.#count}.part`);
  }
}

/**
 * The post step: removes the temporary files a killed main left in the folders it saved. Only
 * regular files with this run's token, only in folders still inside the workspace. Never throws.
 */
export async function removeLeftoverTempFiles(
  savedText: string,
  log: { info(message: string): void; warning(message: string): void },
): Promise<void> {
  const saved = parseSaved(savedText);
  if (!saved) return;
  const pattern = new RegExp(`^\\..*\\.${saved.token}-\\d+\\.part$`, 's');
  const removed: string[] = [];
  try {
    const workspace = await realpath(saved.workspace);
    for (const folder of saved.folders) {
      let real: string;
      try {
        real = await realpath(folder);
      } catch {
        continue; // gone: nothing left in it
      }
      if (!inside(workspace, real)) continue;
      for (const name of await readdir(real)) {
        if (!pattern.test(name)) continue;
        const file = path.join(real, name);
        if (!(await lstat(file)).isFile()) continue;
        await rm(file, { force: true });
        removed.push(path.relative(workspace, file));
      }
    }
  } catch (error) {
    log.warning(`Could not remove the temporary download files a stopped run left behind: ${errorMessage(error)}`);
  }
  if (removed.length > 0)
    log.info(`Removed ${removed.length} temporary download file(s) the stopped run left behind: ${removed.join(', ')}.`);
}

function parseSaved(text: string): Saved | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<Saved> | null;
    if (!value || typeof value.token !== 'string' || !/^[0-9a-f]{8,32}$/.test(value.token)) return undefined;
    if (typeof value.workspace !== 'string' || !path.isAbsolute(value.workspace) || !Array.isArray(value.folders)) return undefined;
    const folders = value.folders.filter((f): f is string => typeof f === 'string' && path.isAbsolute(f));
    return { token: value.token, workspace: value.workspace, folders };
  } catch {
    return undefined;
  }
}
