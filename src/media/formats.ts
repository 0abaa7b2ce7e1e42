/**
 * The file formats Ollang's upload takes, by extension, with the size limit of each kind and
 * the Content-Type the upload's file part carries (docs/ollang-uploads.md).
 */

export type MediaKind = 'video' | 'audio' | 'document';

export interface MediaFormat {
  kind: MediaKind;
  contentType: string;
}

/** 30 GB for audio and video, 100 MB for documents: decimal units, the stricter reading of Ollang's "GB" / "MB". */
export const LIMIT_BYTES: Readonly<Record<MediaKind, number>> = { video: 30 * 1000 ** 3, audio: 30 * 1000 ** 3, document: 100 * 1000 ** 2 };

const video = (contentType: string): MediaFormat => ({ kind: 'video', contentType });
const audio = (contentType: string): MediaFormat => ({ kind: 'audio', contentType });
const document = (contentType: string): MediaFormat => ({ kind: 'document', contentType });

/** Lower-case extension (no dot) -> format. */
export const FORMATS: ReadonlyMap<string, MediaFormat> = new Map([
  ['mp4', video('video/mp4')],
  ['mov', video('video/quicktime')],
  ['avi', video('video/x-msvideo')],
  ['wmv', video('video/x-ms-wmv')],
  ['flv', video('video/x-flv')],
  ['mkv', video('video/x-matroska')],
  ['mp3', audio('audio/mpeg')],
  ['wav', audio('audio/wav')],
  ['aac', audio('audio/aac')],
  ['m4a', audio('audio/mp4')],
  ['flac', audio('audio/flac')],
  ['ogg', audio('audio/ogg')],
  ['docx', document('application/vnd.openxmlformats-officedocument.wordprocessingml.document')],
  ['doc', document('application/msword')],
  ['pdf', document('application/pdf')],
  ['txt', document('text/plain')],
  ['rtf', document('application/rtf')],
  ['odt', document('application/vnd.oasis.opendocument.text')],
  ['pptx', document('application/vnd.openxmlformats-officedocument.presentationml.presentation')],
  ['ppt', document('application/vnd.ms-powerpoint')],
  ['odp', document('application/vnd.oasis.opendocument.presentation')],
  ['xlsx', document('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')],
  ['xls', document('application/vnd.ms-excel')],
  ['ods', document('application/vnd.oasis.opendocument.spreadsheet')],
  ['csv', document('text/csv')],
  ['jpeg', document('image/jpeg')],
  ['jpg', document('image/jpeg')],
  ['png', document('image/png')],
  ['html', document('text/html')],
  ['xml', document('application/xml')],
  ['json', document('application/json')],
  ['srt', document('application/x-subrip')],
  ['vtt', document('text/vtt')],
]);

/** The lower-case extension of a file name or path (`Intro.MP4` -> `mp4`), or '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The format of a file, or undefined when Ollang does not take it. */
export function formatOf(fileName: string): MediaFormat | undefined {
  return FORMATS.get(extensionOf(fileName));
}

/** Decimal units, as Ollang states its limits: `30 GB`, `100 MB`, `31.2 GB`. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
