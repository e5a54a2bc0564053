/**
 * The browser mode's bearer token: one per library, kept in `<library>/token` with mode 0600 so
 * that only the library's owner can read it. Reused across runs so a bookmarked URL keeps working.
 */
import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const TOKEN_FILE = 'token';

// 32 random bytes are 43 base64url characters; anything shorter was not written by us.
const VALID_TOKEN = /^[A-Za-z0-9_-]{43,}$/;

/** Reads the library's token, creating it (32 random bytes, base64url, mode 0600) the first time. */
export async function loadOrCreateToken(libraryDir: string): Promise<string> {
  const file = join(libraryDir, TOKEN_FILE);
  const existing = await readToken(file);
  if (existing !== null) {
    await tightenMode(file);
    return existing;
  }
  const token = randomBytes(32).toString('base64url');
  try {
    // `wx`: if another process creates the file first, use theirs instead of racing it.
    await writeFile(file, `${token}\n`, { flag: 'wx', mode: 0o600 });
    return token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const raced = await readToken(file);
  if (raced !== null) return raced;
  // The file exists but holds no usable token (empty or edited by hand): replace it atomically.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${token}\n`, { mode: 0o600 });
  await rename(temp, file);
  return token;
}

async function readToken(file: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const token = text.trim();
  return VALID_TOKEN.test(token) ? token : null;
}

// A token readable by other users would let them act as the owner: fix the mode if it drifted.
async function tightenMode(file: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await stat(file);
  if ((mode & 0o077) !== 0) await chmod(file, 0o600);
}
