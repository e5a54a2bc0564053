import type { Command } from '../command';
import { call } from '../library';
import { columns, emit } from '../output';

export const tags: Command = {
  words: ['tags'],
  summary: 'List every tag on items outside the trash, with how many items carry it.',
  usage: 'tags [--json]',
  details: ['--json           Print { tags: [{ name, count }] }.'],
  options: {},
  positionals: { min: 0, max: 0 },
  async run(context) {
    const result = await context.withNotebook((notebook) => call(notebook, 'listTags', {}));
    emit(context, result, () =>
      result.tags.length === 0
        ? 'No tags.'
        : columns(result.tags.map((t) => [`#${t.name}`, String(t.count)])),
    );
    return 0;
  },
};
