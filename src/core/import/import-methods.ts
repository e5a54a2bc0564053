/** The import methods: a Markdown folder, and read-it-later exports. */
import type { NotebookApi } from '../../shared/api';
import type { ApiContext } from '../notebook-api';
import { importMarkdownFolder } from './markdown-import';
import { importReadLaterFile } from './read-later/read-later-import';

export function importMethods(context: ApiContext): Pick<NotebookApi, 'importMarkdown' | 'importReadLater'> {
  return {
    importMarkdown: (args) => importMarkdownFolder(context, args),
    importReadLater: (args) => importReadLaterFile(context, args),
  };
}
