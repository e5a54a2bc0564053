/**
 * The lowdb adapter every store file goes through: reads refuse what does not parse (the caller
 * keeps it aside), writes are durable and serialized per file.
 */
import fs from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { isCode, replaceFileDurably } from './durable-file';
import { BAK_SUFFIX } from './paths';

/** A store file that exists but does not hold what it should. */
export class DamagedFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file} is damaged: ${reason}`);
    this.name = 'DamagedFileError';
  }
}

export interface JsonFileOptions<T> {
  /** Checks the parsed JSON and returns it typed; throws (any error) when the shape is wrong. */
  validate: (raw: unknown) => T;
  keepBackup: boolean;
  /** Pretty-print: for small files people may read; shards stay compact. */
  indent?: number;
  /** How the data becomes the file's text, if not by JSON.stringify (it must give the same). */
  serialize?: (data: T) => string;
}

export class DurableJsonFile<T> implements Adapter<T> {
  private running: Promise<void> | null = null;
  private queued: { data: T; done: Promise<void> } | null = null;

  constructor(
    readonly file: string,
    private readonly options: JsonFileOptions<T>,
  ) {}

  /** The file's content; null if it does not exist; DamagedFileError if it does not parse. */
  read(): Promise<T | null> {
    return this.readFrom(this.file);
  }

  /** The same for the file's last good version, `<file>.bak`. */
  readBackup(): Promise<T | null> {
    return this.readFrom(this.file + BAK_SUFFIX);
  }

  /**
   * Resolves once `data` is durable. Writes to one file run one at a time; calls made while a
   * write runs share the next one, which serializes the latest data — so a burst of saves to a
   * shard costs two writes, not one per save.
   */
  write(data: T): Promise<void> {
    if (this.queued) {
      this.queued.data = data;
      return this.queued.done;
    }
    const before = this.running ?? Promise.resolve();
    const entry = { data, done: Promise.resolve() };
    entry.done = before
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        const run = this.writeNow(entry.data);
        this.running = run;
        return run.finally(() => {
          if (this.running === run) this.running = null;
        });
      });
    this.queued = entry;
    return entry.done;
  }

  private async readFrom(file: string): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
    try {
      return this.options.validate(JSON.parse(text));
    } catch (error) {
      throw new DamagedFileError(file, (error as Error).message);
    }
  }

  private writeNow(data: T): Promise<void> {
    const { serialize, indent } = this.options;
    const text = serialize ? serialize(data) : JSON.stringify(data, null, indent);
    return replaceFileDurably(this.file, text, { keepBackup: this.options.keepBackup });
  }
}
