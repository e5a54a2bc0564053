import { readFile } from 'node:fs/promises';
import { NotebookError } from '../../shared/errors';
import type { Command, CommandContext } from '../command';
import { call } from '../library';
import { stringList, stringOption } from '../option-values';
import { emit } from '../output';
import { UsageError } from '../usage-error';

const NAME = 'note new';

export const noteNew: Command = {
  words: ['note', 'new'],
  summary: 'Create a Markdown note.',
  usage: 'note new [--title T] [--body B | --body-file F] [--tag TAG]... [--json]',
  details: [
    '--title T        The title (may be empty).',
    '--body B         The Markdown body.',
    '--body-file F    Read the body from file F (UTF-8); "-" reads standard input.',
    '--tag TAG        Add a tag; repeat for more (a/b nests b under a).',
    '--json           Print the created Item.',
  ],
  options: {
    title: { type: 'string' },
    body: { type: 'string' },
    'body-file': { type: 'string' },
    tag: { type: 'string', multiple: true },
  },
  positionals: { min: 0, max: 0 },
  async run(context) {
    const { values } = context;
    const bodyFile = stringOption(values, 'body-file');
    if (bodyFile !== undefined && values.body !== undefined) {
      throw new UsageError('Give the body with --body or --body-file, not both.', NAME);
    }
    const body =
      bodyFile === undefined ? (stringOption(values, 'body') ?? '') : await readBody(context, bodyFile);
    const item = await context.withNotebook((notebook) =>
      call(notebook, 'createNote', {
        title: stringOption(values, 'title') ?? '',
        body,
        tags: stringList(values, 'tag'),
      }),
    );
    emit(context, item, () => `Created note ${item.id}`);
    return 0;
  },
};

async function readBody(context: CommandContext, file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of context.io.stdin)
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new NotebookError('invalid_argument', `Cannot read the body file ${file}: ${reason}.`);
  }
}
