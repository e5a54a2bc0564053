import type { TagNode } from '../../shared/types';
import type { Command } from '../command';
import { call } from '../library';
import { columns, emit } from '../output';

/** One row per tag, children indented under their parent; roots carry the `#`. */
function treeRows(nodes: readonly TagNode[], depth = 0): string[][] {
  return nodes.flatMap((node) => [
    [depth === 0 ? `#${node.label}` : `${'  '.repeat(depth)}${node.label}`, String(node.count)],
    ...treeRows(node.children, depth + 1),
  ]);
}

export const tags: Command = {
  words: ['tags'],
  summary: 'List every tag on items outside the trash as a tree, with how many items carry it.',
  usage: 'tags [--json]',
  details: [
    'Nested tags (sahel/mali) are indented under their parent; a count includes the nested tags.',
    '--json           Print { tags: [{ name, count }], tree: [{ name, label, count, own, children }] }.',
  ],
  options: {},
  positionals: { min: 0, max: 0 },
  async run(context) {
    const result = await context.withNotebook((notebook) => call(notebook, 'listTags', {}));
    emit(context, result, () => (result.tree.length === 0 ? 'No tags.' : columns(treeRows(result.tree))));
    return 0;
  },
};
