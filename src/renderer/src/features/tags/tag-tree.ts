import { normalizeTag, tagIsWithin, tagKey } from '@shared/tags';
import type { TagNode } from '@shared/types';
import { errorMessage } from '../../lib/errors';

/** A tag in the sidebar tree, as `listTags` answers it: `sahel/mali` under `sahel`, counts including nested tags. */
export type { TagNode };

/** The node for a tag (case-insensitive), wherever it is in the tree. */
export function findTag(nodes: readonly TagNode[], name: string): TagNode | undefined {
  const key = tagKey(name);
  for (const node of nodes) {
    if (tagKey(node.name) === key) return node;
    if (key.startsWith(`${tagKey(node.name)}/`)) return findTag(node.children, name);
  }
  return undefined;
}

/** What renaming `from` to what was typed would do, or why it cannot. */
export type RenamePlan =
  { kind: 'invalid'; message: string } | { kind: 'unchanged' } | { kind: 'rename' | 'merge'; to: string };

export function planRename(nodes: readonly TagNode[], from: string, typed: string): RenamePlan {
  let to: string;
  try {
    to = normalizeTag(typed);
  } catch (error) {
    return { kind: 'invalid', message: errorMessage(error) };
  }
  if (to === from) return { kind: 'unchanged' };
  if (tagKey(to) !== tagKey(from) && tagIsWithin(to, from)) {
    return { kind: 'invalid', message: `#${from} cannot move under itself.` };
  }
  const existing = tagKey(to) === tagKey(from) ? undefined : findTag(nodes, to);
  return { kind: existing ? 'merge' : 'rename', to };
}

/** Where a tag the list shows went after a rename (`sahel/mali` → `west-africa/mali`), or null if elsewhere. */
export function movedTag(tag: string, from: string, to: string): string | null {
  if (!tagIsWithin(tag, from)) return null;
  return [to, ...tag.split('/').slice(from.split('/').length)].join('/');
}

export function itemCount(count: number): string {
  return count === 1 ? '1 item' : `${count.toLocaleString()} items`;
}
