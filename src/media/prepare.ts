/**
 * The media input's part of input validation: everything that can be known from the workspace
 * is checked before the first request, and every problem is reported at once.
 *
 * - find.ts: the patterns, and each file they match (inside the workspace, not an LFS pointer,
 *   a format and size Ollang takes, …);
 * - the files that are this run's own outputs (a dubbed `videos/intro.fr.mp4` beside
 *   `videos/intro.mp4`, a subtitle under a broad glob) are left out, with a notice: localizing
 *   them would buy a new project's orders in every language, for a file the action made;
 * - every output path is rendered once (output-path.ts): a folder on the way that leads out of
 *   the workspace is a problem now, not after the orders are paid;
 * - media files whose outputs would share paths (intro.mov and intro.mp4) get a suffix each,
 *   judged from the files on disk (output-path.ts outputSuffixes), or are named as a problem.
 */
import { checkOutputPaths, outputSuffixes, outputsAmongMedia } from '../download/output-path.ts';
import { InputError } from '../inputs.ts';
import type { Log } from '../runtime.ts';
import type { Settings } from '../settings.ts';
import { findMedia, type MediaFile } from './find.ts';

/** The media files to localize (none without the media input). Throws InputError. */
export async function prepareMedia(settings: Settings, log: Pick<Log, 'notice'>): Promise<MediaFile[]> {
  const found = settings.media === '' ? [] : await findMedia(settings.media, settings.workspace);
  const own = outputsAmongMedia(
    settings.outputPath,
    found.map((f) => f.path),
    settings.targetLanguages,
    settings.outputDirRelative,
  );
  for (const [file, of] of own) {
    log.notice(`Not localizing ${file}: it is where the ${of.language} output of ${of.media} goes, not media of its own.`, {
      title: 'Media file left out',
    });
  }
  const media = found.filter((f) => !own.has(f.path));
  if (settings.media !== '' && media.length === 0) {
    throw new InputError([
      {
        input: 'media',
        message: `Input 'media': every file it matches is the output of another one (${[...own.keys()].slice(0, 5).join(', ')}). Nothing was uploaded or ordered. Accepted: media files in the workspace, such as videos/**/*.mp4.`,
      },
    ]);
  }

  // Files are saved only in modes run and collect (a dry run checks the same), and only for known languages.
  const saves = (settings.mode === 'run' || settings.mode === 'collect') && settings.orderIds.length === 0;
  if (saves && settings.targetLanguages.length > 0) {
    const problems = await checkOutputPaths(settings.outputPath, {
      workspace: settings.workspace,
      outputDir: settings.outputDirRelative,
      languages: settings.targetLanguages,
      ...(settings.media !== '' ? { media: media.map((f) => f.path) } : {}),
    });
    if (settings.media !== '') {
      const told = await outputSuffixes(settings.outputPath, {
        workspace: settings.workspace,
        outputDir: settings.outputDirRelative,
        languages: settings.targetLanguages,
        media: media.map((f) => f.path),
      });
      problems.push(...told.problems);
      for (const file of media) {
        const suffix = told.suffixes.get(file.path);
        if (suffix === undefined) continue;
        file.outputSuffix = suffix;
        log.notice(
          `The outputs of ${file.path} are saved with " (${suffix})" before their extension: another media file's would be at the same paths.`,
          {
            title: 'Output paths told apart',
          },
        );
      }
    }
    if (problems.length > 0) {
      const head = problems.length === 1 ? problems[0]! : `${problems.length} problems:\n- ${problems.slice(0, 20).join('\n- ')}`;
      throw new InputError([
        {
          input: 'output-path',
          message: `Input 'output-path': ${settings.outputPath.text} cannot hold every output: ${head}\nNothing was uploaded or ordered. Accepted: a path whose folders are inside the workspace (not through a symbolic link that leads out of it or into .git).`,
        },
      ]);
    }
  }
  return media;
}
