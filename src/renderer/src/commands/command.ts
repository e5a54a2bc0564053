import type { ListView } from '@shared/types';
import type { Area } from '../lib/focus';

/** What the workspace can do on a command's behalf. */
export interface CommandActions {
  newNote: () => void;
  clipPage: () => void;
  selectNext: () => void;
  selectPrevious: () => void;
  openSelected: () => void;
  trashCurrent: () => void;
  undoTrash: () => void;
  leaveEditor: () => void;
  focusSearch: () => void;
  /** Empties the search box and goes back to the library list. */
  leaveSearch: () => void;
  /** Every highlight in the library, newest first: the search `type:highlight`. */
  showHighlights: () => void;
}

/** Export, import, Copy as Markdown and Cite: the transfer dialogs' way in (features/transfer). */
export interface TransferCommands {
  openExport: () => void;
  openImport: () => void;
  /** Copies the open item as Markdown; null while nothing is open. */
  copyMarkdown: (() => void) | null;
  /** Cites the items picked in the list, else the open one; null while there is neither. */
  cite: (() => void) | null;
}

/** The state a command's `when` looks at, read fresh on every key press. */
export interface CommandContext {
  area: Area;
  typing: boolean;
  view: ListView;
  /** An item is selected in the list. */
  hasSelection: boolean;
  /** The item Mod+Backspace would act on (selected in the list, or open in the editor). */
  hasTrashTarget: boolean;
  /** Something was just moved to the trash and can be brought back. */
  canUndoTrash: boolean;
  /** The search box holds a query or has focus. */
  searching: boolean;
  actions: CommandActions;
  /** Added by the workspace on top of the list's and search's context (transfer hook-up). */
  transfer?: TransferCommands;
  /** Opens the Settings dialog (clipper hook-up: features/clipper). */
  openSettings?: () => void;
  /** Opens the command palette over what this context allows (features/palette). */
  openPalette?: (context: CommandContext) => void;
}

/** A thing a person can do from the keyboard and the command palette. */
export interface Command {
  id: string;
  label: string;
  /** Key chords like `Mod+N` or `J`; the first is the one shown to people. */
  shortcut: readonly string[];
  when: (context: CommandContext) => boolean;
  run: (context: CommandContext) => void;
}
