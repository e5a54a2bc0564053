/**
 * The folders the suites keep their data in, all removed once the whole run is over rather than
 * after each size. On ext4, creating a file costs up to a millisecond of kernel time when many
 * inodes of its block group were freed in the minutes before (the allocator looks at each of them
 * before reusing one): removing one size's tens of thousands of files would slow the next size's
 * writes, and the bench would measure its own clean-up.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A new empty folder under the system temp folder, named from `prefix`. */
export async function scratchDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder scratchDir made. */
export async function removeScratchDirs(): Promise<void> {
  for (const dir of made.splice(0)) await fs.rm(dir, { recursive: true, force: true });
}
