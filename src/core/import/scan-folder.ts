/**
 * What a folder to import holds: its Markdown files and the other files (attachments), found
 * without following symbolic links. Hidden folders and files (`.obsidian/`, `.trash/`, `.git/`,
 * the export's `.commonplace-export.json`) are left out. A link pointing outside the folder is
 * reported; one pointing inside is skipped quietly (what it points at is imported as itself).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ImportProblem } from '../../shared/types';
import { yieldToLoop } from '../event-loop';

export interface ScannedFolder {
  /** The folder, absolute and with symbolic links resolved. */
  root: string;
  /** Markdown files, relative to the root with `/` separators, in a stable order. */
  markdown: string[];
  /** Every other regular file, relative like `markdown`. */
  files: string[];
  problems: ImportProblem[];
}

export const MARKDOWN_FILE = /\.(?:md|markdown)$/i;

export async function scanFolder(dir: string): Promise<ScannedFolder> {
  const root = await fs.realpath(dir);
  const scanned: ScannedFolder = { root, markdown: [], files: [], problems: [] };
  const pending = [''];
  let visited = 0;
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const entries = await fs.readdir(path.join(root, folder), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isSymbolicLink()) await noteLink(scanned, relative);
      else if (entry.isDirectory()) pending.push(relative);
      else if (!entry.isFile()) continue;
      else if (MARKDOWN_FILE.test(entry.name)) scanned.markdown.push(relative);
      else scanned.files.push(relative);
    }
    if (++visited % 50 === 0) await yieldToLoop();
  }
  scanned.markdown.sort();
  scanned.files.sort();
  return scanned;
}

async function noteLink(scanned: ScannedFolder, relative: string): Promise<void> {
  let target: string;
  try {
    target = await fs.realpath(path.join(scanned.root, relative));
  } catch {
    scanned.problems.push({
      subject: relative,
      code: 'broken_link',
      message: 'It is a symbolic link to nothing: skipped.',
    });
    return;
  }
  if (isInside(scanned.root, target)) return;
  scanned.problems.push({
    subject: relative,
    code: 'outside_folder',
    message:
      'It is a symbolic link to something outside the imported folder: skipped, nothing outside is read.',
  });
}

/** True when `file` (absolute) is `root` or within it. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}
