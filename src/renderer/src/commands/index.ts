import { citeItems } from './cite-items';
import { clipPage } from './clip-page';
import type { Command } from './command';
import { copyMarkdown } from './copy-markdown';
import { exportItems } from './export-items';
import { focusSearch } from './focus-search';
import { focusSearchSlash } from './focus-search-slash';
import { importItems } from './import-items';
import { leaveEditor } from './leave-editor';
import { leaveSearch } from './leave-search';
import { newNote } from './new-note';
import { nextItem } from './next-item';
import { openItem } from './open-item';
import { openPalette } from './open-palette';
import { openSettings } from './open-settings';
import { previousItem } from './previous-item';
import { showHighlights } from './show-highlights';
import { toggleSidebar } from './toggle-sidebar';
import { moveToTrash } from './trash-item';
import { undoTrash } from './undo-trash';

/** Every command, once. The keyboard handler and the command palette read this list. */
export const commands: readonly Command[] = [
  openPalette,
  newNote,
  clipPage,
  nextItem,
  previousItem,
  openItem,
  moveToTrash,
  undoTrash,
  leaveEditor,
  focusSearch,
  focusSearchSlash,
  leaveSearch,
  showHighlights,
  toggleSidebar,
  // Transfer: export, import, Copy as Markdown, Cite.
  exportItems,
  importItems,
  copyMarkdown,
  citeItems,
  // Clipper: the Settings dialog with the browser clipper section.
  openSettings,
];

export type { Command, CommandActions, CommandContext, TransferCommands } from './command';
