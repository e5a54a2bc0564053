/**
 * Reading a file of the imported folder: never through a symbolic link, never past a size limit.
 * Through plain file descriptors: an import reads every file twice, and a FileHandle per read
 * costs more than the read of a small note. The Markdown files are read at once (readInsideNow)
 * on the worker thread that prepares them; attachments are read here, without waiting.
 */
import fs, { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const open = promisify(fs.open);
const fstat = promisify(fs.fstat);
const readFile = promisify(fs.readFile);
const close = promisify(fs.close);

export type ReadResult =
  | { ok: true; bytes: Uint8Array; stats: Stats }
  | { ok: false; code: 'too_large' | 'unreadable'; message: string };

/** The bytes of `relative` under `root` and what the file system says of it, or why not. */
export async function readInside(root: string, relative: string, maxBytes: number): Promise<ReadResult> {
  let fd: number | null = null;
  try {
    // O_NOFOLLOW: a file swapped for a link since the folder was scanned is refused, not followed.
    fd = await open(path.join(root, ...relative.split('/')), constants.O_RDONLY | constants.O_NOFOLLOW);
    const stats = await fstat(fd);
    if (!stats.isFile()) return { ok: false, code: 'unreadable', message: 'It is not a regular file.' };
    if (stats.size > maxBytes) return tooLarge(stats.size, maxBytes);
    const bytes = await readFile(fd);
    if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
    return { ok: true, bytes, stats };
  } catch (error) {
    return { ok: false, code: 'unreadable', message: `It cannot be read: ${(error as Error).message}` };
  } finally {
    if (fd !== null) await close(fd);
  }
}

/** The same, read at once: for a thread whose only work is reading and preparing files. */
export function readInsideNow(root: string, relative: string, maxBytes: number): ReadResult {
  let fd: number | null = null;
  try {
    fd = openSync(path.join(root, ...relative.split('/')), constants.O_RDONLY | constants.O_NOFOLLOW);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, code: 'unreadable', message: 'It is not a regular file.' };
    if (stats.size > maxBytes) return tooLarge(stats.size, maxBytes);
    const bytes = readFileSync(fd);
    if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
    return { ok: true, bytes, stats };
  } catch (error) {
    return { ok: false, code: 'unreadable', message: `It cannot be read: ${(error as Error).message}` };
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function tooLarge(size: number, max: number): ReadResult {
  return {
    ok: false,
    code: 'too_large',
    message: `It is ${mib(size)} MiB, more than the ${mib(max)} MiB an item or attachment may have: skipped.`,
  };
}

function mib(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
