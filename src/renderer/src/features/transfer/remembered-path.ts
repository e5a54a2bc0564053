/** Paths typed into the export and import dialogs, kept for next time in this browser profile. */
const PREFIX = 'commonplace.transfer.';

export type PathKey = 'export-dir' | 'import-dir' | 'import-file';

export function rememberedPath(key: PathKey): string {
  try {
    return localStorage.getItem(PREFIX + key) ?? '';
  } catch {
    // Storage can be off (private windows, policies): start empty.
    return '';
  }
}

export function rememberPath(key: PathKey, path: string): void {
  try {
    localStorage.setItem(PREFIX + key, path.trim());
  } catch {
    // Not remembered; the export itself is unaffected.
  }
}
