/**
 * Writes that survive a crash or a kill at any moment. A file is either its old content or its
 * new content, never half of each, and a write is done only once it is on the disk.
 */
import { close as closeFd, fsync as fsyncFd, open as openFd, writeFile as writeFd } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { inParallel } from './event-loop';
import { BAK_SUFFIX, TMP_SUFFIX } from './paths';

export interface DurableWriteOptions {
  /** Keep the previous version as `<file>.bak` (a hard link, so no copy is made). */
  keepBackup: boolean;
}

// Plain file descriptors, not FileHandles: an import makes tens of thousands of these writes, and
// a FileHandle costs more to make and collect than a small file costs to write.
const open = promisify(openFd);
const writeFile = promisify(writeFd);
const fsync = promisify(fsyncFd);
const close = promisify(closeFd);

/** Replaces `file` atomically: temp file, fsync, keep the old one as .bak, rename over, fsync the folder. */
export async function replaceFileDurably(
  file: string,
  data: string | Uint8Array,
  options: DurableWriteOptions,
): Promise<void> {
  const tmp = file + TMP_SUFFIX;
  await writeAndSync(tmp, data);
  if (options.keepBackup) await linkBackup(file);
  await fs.rename(tmp, file);
  await syncDir(path.dirname(file));
}

/**
 * Writes a file under a name nothing else uses yet (a new body version). No temp file: until the
 * metadata names it, a half-written file is only an orphan, which the library check reports.
 */
export async function writeNewFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  await writeAndSync(file, data);
  await syncDir(path.dirname(file));
}

/**
 * The same for many new files, `atOnce` at a time: each written and synced, then each folder
 * holding them synced once, not once per file. On a failure no more are written, and it is thrown
 * once those begun have settled.
 */
export async function writeNewFilesDurably(
  files: readonly { file: string; data: string | Uint8Array }[],
  atOnce: number,
): Promise<void> {
  await inParallel(files, atOnce, ({ file, data }) => writeAndSync(file, data));
  await inParallel([...new Set(files.map(({ file }) => path.dirname(file)))], atOnce, syncDir);
}

/** Makes a folder's entries (new, renamed or removed files) durable. */
export async function syncDir(dir: string): Promise<void> {
  let fd: number;
  try {
    fd = await open(dir, 'r');
  } catch (error) {
    // Windows cannot open a folder as a file; there NTFS makes the rename itself durable.
    if (isCode(error, 'EISDIR', 'EPERM', 'EACCES') && process.platform === 'win32') return;
    throw error;
  }
  try {
    await fsync(fd);
  } catch (error) {
    // Some file systems (and Windows) cannot fsync a folder; the rename is still atomic there.
    if (!isCode(error, 'EINVAL', 'EPERM', 'EISDIR')) throw error;
  } finally {
    await close(fd);
  }
}

/** Creates a folder and its missing parents, making each new entry durable in its parent. */
export async function makeDirDurably(dir: string): Promise<void> {
  const created = await fs.mkdir(dir, { recursive: true });
  if (created === undefined) return;
  let current = dir;
  while (current !== path.dirname(created)) {
    await syncDir(path.dirname(current));
    current = path.dirname(current);
  }
}

export function isCode(error: unknown, ...codes: string[]): boolean {
  return (
    typeof error === 'object' && error !== null && codes.includes((error as { code?: string }).code ?? '')
  );
}

async function writeAndSync(file: string, data: string | Uint8Array): Promise<void> {
  const fd = await open(file, 'w');
  try {
    await writeFile(fd, data);
    await fsync(fd);
  } finally {
    await close(fd);
  }
}

/**
 * Gives `existing` a second name. A hard link costs nothing; file systems without them (FAT on
 * a USB stick, some network shares) get a copy, made durable like any other write.
 */
export async function linkOrCopy(existing: string, newName: string): Promise<void> {
  try {
    await fs.link(existing, newName);
  } catch (error) {
    if (!isCode(error, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV')) throw error;
    await fs.copyFile(existing, newName, fs.constants.COPYFILE_EXCL);
    const handle = await fs.open(newName, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

// Replacing the .bak must itself be atomic: link to a temp name, then rename over the old .bak.
async function linkBackup(file: string): Promise<void> {
  const bakTmp = file + BAK_SUFFIX + TMP_SUFFIX;
  await fs.unlink(bakTmp).catch((error: unknown) => {
    if (!isCode(error, 'ENOENT')) throw error;
  });
  try {
    await linkOrCopy(file, bakTmp);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return; // first write: nothing to keep
    throw error;
  }
  await fs.rename(bakTmp, file + BAK_SUFFIX);
}
