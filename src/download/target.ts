/**
 * Where a downloaded file goes, and getting it there without writing anywhere else:
 * - its name is a plain file name inside its folder;
 * - every folder on the way from the workspace that already exists is checked, symlinks resolved:
 *   a folder (or a link to one) that leads outside the workspace, or into `.git`, is refused
 *   before anything is written; the folders still missing are then created, and the result checked again;
 * - the body goes to a temporary file beside the target (temp-files.ts), renamed into place only
 *   once whole: never through a symlink, never over a folder.
 */
import { lstat, mkdir, realpath, rename } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../error-message.ts';
import { DownloadError } from './errors.ts';

/** The absolute path of `fileName` in `directory`; throws when it is not a plain name there. */
export function targetPath(directory: string, fileName: string): string {
  const folder = path.resolve(directory);
  const finalPath = path.join(folder, fileName);
  const relative = path.relative(folder, finalPath);
  if (
    fileName === '' ||
    fileName === '.' ||
    fileName === '..' ||
    /[/\\\0]/.test(fileName) ||
    relative === '' ||
    !inside(folder, finalPath) ||
    relative.includes(path.sep)
  ) {
    throw new DownloadError(`Refused to save "${fileName}": the name is not a plain file name inside ${folder}.`, 'file');
  }
  return finalPath;
}

/** Makes `directory` exist inside `workspace`, refusing a way there that leaves the workspace (symlinks resolved). */
export async function prepareFolder(workspace: string, directory: string, fileName: string): Promise<void> {
  const root = path.resolve(workspace);
  const target = path.resolve(directory);
  const refuse = (why: string): DownloadError => new DownloadError(`Refused to save "${fileName}": ${why}.`, 'file');
  if (!inside(root, target)) throw refuse(`${target} is outside the workspace`);
  try {
    const realRoot = await realpath(root);
    let current = root;
    for (const part of path.relative(root, target).split(path.sep).filter(Boolean)) {
      current = path.join(current, part);
      let stat;
      try {
        stat = await lstat(current);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') break; // the rest is created below
        throw error;
      }
      if (stat.isSymbolicLink()) {
        let real: string;
        try {
          real = await realpath(current);
        } catch {
          throw refuse(`${current} is a symbolic link that leads nowhere`);
        }
        if (!inside(realRoot, real)) throw refuse(`${current} is a symbolic link to ${real}, outside the workspace`);
        if (inGitFolder(realRoot, real)) throw refuse(`${current} is a symbolic link into .git`);
      } else if (!stat.isDirectory()) {
        throw refuse(`${current} is not a folder`);
      }
    }
    await mkdir(target, { recursive: true });
    // Once more now that it exists: a link made meanwhile must not lead the file outside either.
    const real = await realpath(target);
    if (!inside(realRoot, real)) throw refuse(`${target} leads to ${real}, outside the workspace`);
    if (inGitFolder(realRoot, real)) throw refuse(`${target} leads into .git`);
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    throw new DownloadError(`Could not create the folder ${target} for "${fileName}": ${describeFsError(error)}.`, 'file', {
      cause: error,
    });
  }
}

/** Renames the whole temporary file over `finalPath`, unless that is a symlink or a folder. */
export async function moveIntoPlace(tempPath: string, finalPath: string, fileName: string): Promise<void> {
  let existing;
  try {
    existing = await lstat(finalPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError(fileName, finalPath, error);
  }
  if (existing?.isSymbolicLink()) throw new DownloadError(`Refused to save "${fileName}": ${finalPath} is a symbolic link.`, 'file');
  if (existing?.isDirectory()) throw new DownloadError(`Refused to save "${fileName}": ${finalPath} is a directory.`, 'file');
  try {
    await rename(tempPath, finalPath);
  } catch (error) {
    throw fileError(fileName, finalPath, error);
  }
}

export function fileError(fileName: string, where: string, cause: unknown): DownloadError {
  return new DownloadError(`Could not write "${fileName}" in ${path.dirname(where)}: ${describeFsError(cause)}.`, 'file', { cause });
}

export function inside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** Whether `real` (a real path inside `realRoot`, the real workspace) is in a `.git` folder: outputs never go there. */
export function inGitFolder(realRoot: string, real: string): boolean {
  return path
    .relative(realRoot, real)
    .split(path.sep)
    .some((part) => part.toLowerCase() === '.git');
}

/** "EACCES (open)": a file-system error's code and call, or its message. */
function describeFsError(error: unknown): string {
  const errno = error as NodeJS.ErrnoException | undefined;
  if (errno?.code) return `${errno.code}${errno.syscall ? ` (${errno.syscall})` : ''}`;
  return errorMessage(error);
}
