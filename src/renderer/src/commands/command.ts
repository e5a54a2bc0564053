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
}

/** A thing a person can do from the keyboard (and later the palette and the menu). */
export interface Command {
  id: string;
  label: string;
  /** Key chords like `Mod+N` or `J`; the first is the one shown to people. */
  shortcut: readonly string[];
  when: (context: CommandContext) => boolean;
  run: (context: CommandContext) => void;
}
