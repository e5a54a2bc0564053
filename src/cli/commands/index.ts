/** Every command, listed once: parsing, help and dispatch all read this list. */
import type { Command } from '../command';
import { check } from './check';
import { cite } from './cite';
import { clip } from './clip';
import { deleteItem } from './delete';
import { emptyTrash } from './empty-trash';
import { exportCommand } from './export';
import { extract } from './extract';
import { highlightCommands } from './highlight';
import { importCommand } from './import';
import { info } from './info';
import { links } from './links';
import { list } from './list';
import { noteNew } from './note-new';
import { rename } from './rename';
import { restore } from './restore';
import { search } from './search';
import { serve } from './serve';
import { show } from './show';
import { tag } from './tag';
import { tags } from './tags';

export const commands: readonly Command[] = [
  clip,
  extract,
  noteNew,
  list,
  search,
  show,
  links,
  rename,
  tag,
  ...highlightCommands,
  cite,
  deleteItem,
  restore,
  emptyTrash,
  tags,
  exportCommand,
  importCommand,
  info,
  check,
  serve,
];
