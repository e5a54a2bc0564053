/** A library folder as data, to assert that a failed call left it byte-for-byte unchanged. */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir` (relative path, `/`-separated) → the SHA-256 of its bytes. */
export async function snapshotFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else
        files[path.relative(dir, full).split(path.sep).join('/')] = createHash('sha256')
          .update(await fs.readFile(full))
          .digest('hex');
    }
  };
  await walk(dir);
  return files;
}

/** The file names in `<dir>/assets`, sorted; [] when there is no such folder. */
export async function assetFiles(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(path.join(dir, 'assets'))).sort();
  } catch {
    return [];
  }
}
