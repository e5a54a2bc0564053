import { tagKey } from '@shared/tags';
import type { TagCount } from '@shared/types';

/** A tag in the sidebar tree; `sahel/mali` sits under `sahel`. */
export interface TagNode {
  /** The full tag, as filtered on (`sahel/mali`). */
  name: string;
  /** The last segment, as shown (`mali`). */
  label: string;
  /** Items carrying exactly this tag; null for a parent no item carries by itself. */
  count: number | null;
  children: TagNode[];
}

const byLabel = (a: TagNode, b: TagNode): number =>
  a.label.localeCompare(b.label, undefined, { sensitivity: 'base' });

function sortTree(nodes: TagNode[]): TagNode[] {
  nodes.sort(byLabel);
  nodes.forEach((node) => sortTree(node.children));
  return nodes;
}

/** Builds the nested tree from the flat `listTags` answer, parents made up where needed. */
export function buildTagTree(tags: readonly TagCount[]): TagNode[] {
  const roots: TagNode[] = [];
  const byKey = new Map<string, TagNode>();

  const nodeFor = (name: string): TagNode => {
    const existing = byKey.get(tagKey(name));
    if (existing) return existing;
    const cut = name.lastIndexOf('/');
    const node: TagNode = { name, label: name.slice(cut + 1), count: null, children: [] };
    byKey.set(tagKey(name), node);
    (cut === -1 ? roots : nodeFor(name.slice(0, cut)).children).push(node);
    return node;
  };

  for (const { name, count } of tags) nodeFor(name).count = count;
  return sortTree(roots);
}
