/**
 * Reading a zip export whole, within a limit on what it unpacks to: fflate inflates each file
 * into a buffer of the size the archive declares, so summing the declared sizes before unpacking
 * bounds the memory a zip bomb could take.
 */
import { strFromU8, unzipSync } from 'fflate';
import { NotebookError } from '../../../shared/errors';

/** All the files an archive may unpack to, together. */
export const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The files whose names `wanted` accepts, as UTF-8 text, by name. */
export function readZipText(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  maxBytes = MAX_UNZIPPED_BYTES,
): Map<string, string> {
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        total += file.originalSize;
        if (total > maxBytes) throw new TooBig();
        return true;
      },
    });
  } catch (error) {
    if (error instanceof TooBig) {
      throw new NotebookError(
        'too_large',
        `This zip unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MB: it is refused so that a malformed archive cannot fill the memory.`,
      );
    }
    throw new NotebookError(
      'invalid_argument',
      'This file is not a readable zip archive (it may be damaged or cut short).',
    );
  }
  const text = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) text.set(name, strFromU8(data));
  return text;
}

class TooBig extends Error {}
