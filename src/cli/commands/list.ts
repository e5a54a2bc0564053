import { MAX_PAGE_SIZE } from '../../shared/api';
import type { ItemPage } from '../../shared/types';
import type { Command } from '../command';
import { call } from '../library';
import { integerOption, singleString, stringOption } from '../option-values';
import { columns, displayTitle, emit, formatTags, isoDate, truncate } from '../output';
import { UsageError } from '../usage-error';

const NAME = 'list';
const VIEWS = ['all', 'notes', 'clips', 'trash'] as const;
type View = (typeof VIEWS)[number];

export const list: Command = {
  words: ['list'],
  summary: 'List items, most recently updated first.',
  usage: 'list [--view all|notes|clips|trash] [--tag TAG] [--limit N] [--offset N] [--json]',
  details: [
    '--view V         all (default: everything outside the trash), notes, clips, or trash.',
    '--tag TAG        Only items with this tag or a tag nested under it.',
    `--limit N        At most N items (1–${MAX_PAGE_SIZE}, default 100).`,
    '--offset N       Skip the first N items (default 0).',
    '--json           Print the ItemPage: { total, offset, items }.',
  ],
  options: {
    view: { type: 'string' },
    tag: { type: 'string', multiple: true },
    limit: { type: 'string' },
    offset: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  async run(context) {
    const { values } = context;
    const view = stringOption(values, 'view') ?? 'all';
    if (!isView(view))
      throw new UsageError(`--view must be all, notes, clips or trash, not "${view}".`, NAME);
    const tag = singleString(values, 'tag', NAME);
    const limit = integerOption(values, 'limit', NAME, 1, MAX_PAGE_SIZE);
    const offset = integerOption(values, 'offset', NAME, 0, Number.MAX_SAFE_INTEGER);
    const page = await context.withNotebook((notebook) =>
      call(notebook, 'listItems', {
        view,
        ...(tag === undefined ? {} : { tag }),
        ...(limit === undefined ? {} : { limit }),
        ...(offset === undefined ? {} : { offset }),
      }),
    );
    emit(context, page, () => renderPage(page));
    return 0;
  },
};

function isView(value: string): value is View {
  return (VIEWS as readonly string[]).includes(value);
}

function renderPage(page: ItemPage): string {
  const rows = page.items.map((item) => [
    item.id,
    isoDate(item.updated),
    truncate(displayTitle(item.title), 60),
    formatTags(item.tags),
  ]);
  const table = columns(rows);
  const count = `${page.items.length} of ${page.total}`;
  return table === '' ? count : `${table}\n${count}`;
}
