/** Item bodies, one file per saved version: `bodies/XX/<id>.<rev>.md` for notes, `.json` for clips. */
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { bodyBucket } from './ids';
import { isCode, makeDirDurably, writeNewFilesDurably } from './durable-file';
import { bodyFileName, bodyPath } from './paths';

export class BodyFiles {
  // Bucket folders known to exist, so a save does not ask the file system every time.
  private readonly madeDirs = new Set<string>();

  constructor(private readonly libraryDir: string) {}

  /** The name, relative to `bodies/`, of an item's body at a revision. */
  nameFor(id: string, rev: number, ext = 'md'): string {
    return bodyFileName(bodyBucket(id), id, rev, ext);
  }

  /** Writes new body versions durably, `atOnce` at a time; their folders are synced once each. */
  async writeAll(bodies: readonly { name: string; text: string }[], atOnce: number): Promise<void> {
    const files = bodies.map(({ name, text }) => ({ file: this.path(name), data: text }));
    for (const dir of new Set(files.map(({ file }) => path.dirname(file)))) {
      if (this.madeDirs.has(dir)) continue;
      await makeDirDurably(dir);
      this.madeDirs.add(dir);
    }
    await writeNewFilesDurably(files, atOnce);
  }

  /** The body text; null when the file is missing. */
  async read(name: string): Promise<string | null> {
    try {
      return await fs.readFile(this.path(name), 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
  }

  /**
   * The same, read at once: for the few bodies a page of search results needs, where the
   * thread pool's round trips cost more than the reads (20 small files: ~0.5 ms, not ~6 ms).
   */
  readNow(name: string): string | null {
    try {
      return readFileSync(this.path(name), 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
  }

  /** Best effort: a file left behind is an orphan the library check reports, never a loss. */
  async remove(name: string): Promise<void> {
    await fs.rm(this.path(name), { force: true }).catch(() => undefined);
  }

  path(name: string): string {
    return bodyPath(this.libraryDir, name);
  }
}
