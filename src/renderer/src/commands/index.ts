import { clipPage } from './clip-page';
import type { Command } from './command';
import { leaveEditor } from './leave-editor';
import { newNote } from './new-note';
import { nextItem } from './next-item';
import { openItem } from './open-item';
import { previousItem } from './previous-item';
import { moveToTrash } from './trash-item';
import { undoTrash } from './undo-trash';

/** Every command, once. The keyboard handler reads this list (the palette and menu will too). */
export const commands: readonly Command[] = [
  newNote,
  clipPage,
  nextItem,
  previousItem,
  openItem,
  moveToTrash,
  undoTrash,
  leaveEditor,
];

export type { Command, CommandActions, CommandContext } from './command';
