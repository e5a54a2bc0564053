/** Narrowing an Item in tests: the contract returns `Note | Clip`, a test knows which it made. */
import type { Clip, Item, Note } from '../../src/shared/types';

export function asNote(item: Item): Note {
  if (item.type !== 'note') throw new Error(`Expected a note, got a ${item.type} (${item.id}).`);
  return item;
}

export function asClip(item: Item): Clip {
  if (item.type !== 'clip') throw new Error(`Expected a clip, got a ${item.type} (${item.id}).`);
  return item;
}
