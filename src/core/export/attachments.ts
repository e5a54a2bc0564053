/**
 * Copies clip assets into the export's `attachments/` folder, each once: a file already there
 * with the asset's size is the same file (names are the SHA-256 of the content).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ExportProblem } from '../../shared/types';
import type { AssetStore } from '../assets';
import { isCode, makeDirDurably, replaceFileDurably } from '../durable-file';
import { ASSETS_DIR } from '../paths';
import { ATTACHMENTS_DIR } from './format';

export class AttachmentCopier {
  copied = 0;
  private readonly done = new Map<string, Promise<void>>();
  private dirMade = false;

  constructor(
    private readonly exportDir: string,
    private readonly assets: AssetStore,
    private readonly problems: ExportProblem[],
  ) {}

  /** Copies `name` (`<sha256>.<ext>`) unless this export did already or it is there. */
  copy(name: string): Promise<void> {
    let copying = this.done.get(name);
    if (!copying) {
      copying = this.copyOnce(name);
      this.done.set(name, copying);
    }
    return copying;
  }

  /** Every attachment this export needed. */
  get names(): string[] {
    return [...this.done.keys()];
  }

  private async copyOnce(name: string): Promise<void> {
    const source = this.assets.path(`${ASSETS_DIR}/${name}`);
    const target = path.join(this.exportDir, ATTACHMENTS_DIR, name);
    try {
      const [from, to] = await Promise.all([fs.stat(source), fs.stat(target).catch(() => null)]);
      if (to?.isFile() && to.size === from.size) return;
      if (!this.dirMade) {
        await makeDirDurably(path.join(this.exportDir, ATTACHMENTS_DIR));
        this.dirMade = true;
      }
      await replaceFileDurably(target, await fs.readFile(source), { keepBackup: false });
      this.copied++;
    } catch (error) {
      const why = isCode(error, 'ENOENT')
        ? 'it is missing from the library'
        : ((error as Error).message ?? String(error));
      this.problems.push({ subject: `${ATTACHMENTS_DIR}/${name}`, message: `Not copied: ${why}.` });
    }
  }
}
