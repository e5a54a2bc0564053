/** exportMarkdown and itemMarkdown: the library as Markdown files. */
import path from 'node:path';
import type { Args, NotebookApi } from '../../shared/api';
import { readItem } from '../item-read';
import { LinkIndex } from '../links/link-index';
import type { ApiContext } from '../notebook-api';
import { exportMarkdown } from './exporter';
import { fileStem, MARKDOWN_EXT } from './file-names';
import { renderItem } from './render';

export function exportMethods(context: ApiContext): Pick<NotebookApi, 'exportMarkdown' | 'itemMarkdown'> {
  const { store } = context;
  const index = new LinkIndex(store);
  // Two exports into one folder would race over its files and manifest: the second waits.
  const exports = new Map<string, Promise<unknown>>();
  return {
    exportMarkdown(args: Args<'exportMarkdown'>) {
      const key = path.resolve(args.dir);
      const run = (exports.get(key) ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => exportMarkdown({ ...context, index }, args));
      exports.set(key, run);
      void run
        .catch(() => undefined)
        .then(() => {
          if (exports.get(key) === run) exports.delete(key);
        });
      return run;
    },

    // What exporting this one item would write: links to other items are not in the export.
    async itemMarkdown({ id }: Args<'itemMarkdown'>) {
      await index.ready();
      const record = store.require(id);
      const stem = fileStem(record.title);
      const item = await readItem(store, record);
      const markdown = renderItem(item, {
        resolve: (target) => index.resolve(target),
        stemOf: (other) => (other === id ? stem : undefined),
      });
      return { id, fileName: stem + MARKDOWN_EXT, markdown };
    },
  };
}
