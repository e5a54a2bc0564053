/** Domain types shared by the core, every door and the renderer. Dates are ISO 8601 strings. */

export type ItemType = 'note';

/** What a list row needs: everything but the body. */
export interface ItemSummary {
  id: string;
  type: ItemType;
  title: string;
  tags: string[];
  /** First words of the body, for list rows. */
  excerpt: string;
  created: string;
  updated: string;
  /** When the item was moved to the trash; null while it is in the library. */
  deleted: string | null;
  /** The store revision of the item's last change. */
  rev: number;
}

export interface Note extends ItemSummary {
  type: 'note';
  /** Markdown. */
  body: string;
}

export type Item = Note;

export type ListView = 'all' | 'notes' | 'trash';

export interface ItemPage {
  total: number;
  offset: number;
  items: ItemSummary[];
}

export interface TagCount {
  name: string;
  count: number;
}

/** A damaged store file that was kept aside while the library opened from its last good copy. */
export interface Recovery {
  file: string;
  keptAs: string;
  restoredFrom: string | null;
  at: string;
}

export interface LibraryInfo {
  dir: string;
  schemaVersion: number;
  rev: number;
  counts: { items: number; notes: number; trash: number };
  /** Files recovered while opening this session. */
  recoveries: Recovery[];
}

export interface CheckProblem {
  code: string;
  message: string;
  path?: string;
}

export interface CheckReport {
  ok: boolean;
  checked: { items: number; files: number };
  problems: CheckProblem[];
}

/** Events pushed from the core to the doors (IPC `send`, SSE). */
export type NotebookEvent =
  | { type: 'items-changed'; ids: string[]; rev: number }
  | { type: 'progress'; job: string; done: number; total: number; message: string };
