/**
 * Opening a store file that may be damaged. A file that does not parse is never overwritten:
 * it moves to `damaged/`, the library opens from its `.bak`, and the recovery is reported.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Recovery } from '../shared/types';
import { isCode, makeDirDurably, syncDir } from './durable-file';
import { DamagedFileError } from './json-file';
import type { DurableJsonFile } from './json-file';
import { BAK_SUFFIX, DAMAGED_DIR } from './paths';

export interface OpenedFile<T> {
  /** The content: the file's, its backup's, or the fallback. Null when the file does not exist yet (and need not). */
  data: T | null;
  recovery: Recovery | null;
}

export interface RecoverOptions<T> {
  libraryDir: string;
  /** A missing file is damage too (library.json of a folder that has a store), not a new file. */
  required?: boolean;
  /** What to start from when neither the file nor its backup can be used. */
  fallback: () => T | Promise<T>;
  now: () => Date;
}

/** Reads a store file; on damage keeps it aside, restores the last good version durably and says so. */
export async function openStoreFile<T>(
  store: DurableJsonFile<T>,
  options: RecoverOptions<T>,
): Promise<OpenedFile<T>> {
  const { file } = store;
  let damaged: boolean;
  try {
    const data = await store.read();
    if (data !== null) return { data, recovery: null };
    // A missing file with a backup is not a state any crash leaves: something removed it.
    if (!options.required && !(await exists(file + BAK_SUFFIX))) return { data: null, recovery: null };
    damaged = false;
  } catch (error) {
    if (!(error instanceof DamagedFileError)) throw error;
    damaged = true;
  }

  const at = options.now();
  const keptAs = damaged ? await keepAside(file, options.libraryDir, at) : 'nothing (the file was missing)';
  let data: T | null = null;
  try {
    data = await store.readBackup();
  } catch (error) {
    if (!(error instanceof DamagedFileError)) throw error;
    await keepAside(file + BAK_SUFFIX, options.libraryDir, at);
  }
  const restoredFrom = data === null ? null : relative(options.libraryDir, file + BAK_SUFFIX);
  data ??= await options.fallback();
  // The file is gone now, so this write links no .bak: the good copy we restored from stays.
  await store.write(data);
  return {
    data,
    recovery: { file: relative(options.libraryDir, file), keptAs, restoredFrom, at: at.toISOString() },
  };
}

/** Moves a file into `damaged/<name>.<timestamp>`, never onto an existing file; returns its new relative path. */
export async function keepAside(file: string, libraryDir: string, at: Date): Promise<string> {
  const damaged = path.join(libraryDir, DAMAGED_DIR);
  await makeDirDurably(damaged);
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  for (let n = 0; ; n++) {
    const target = path.join(damaged, `${path.basename(file)}.${stamp}${n === 0 ? '' : `-${n}`}`);
    if (await exists(target)) continue;
    await fs.rename(file, target);
    await syncDir(damaged);
    await syncDir(path.dirname(file));
    return relative(libraryDir, target);
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
}

/** A path inside the library as reports show it: relative, with `/`. */
export function relative(libraryDir: string, file: string): string {
  return path.relative(libraryDir, file).split(path.sep).join('/');
}
