/**
 * Export files are replaced atomically (temp file, then rename): a reader never sees half a file.
 * They are not fsynced one by one — the export folder is a copy, and a file a crash left empty
 * or old differs from what the next export renders, so that export writes it again. The folder
 * itself is synced once at the end (syncDir).
 */
import fs from 'node:fs/promises';
import { TMP_SUFFIX } from '../paths';

export async function replaceFileAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = file + TMP_SUFFIX;
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}
