/** `highlight add|list|remove`: highlights on clips, each printed with the `[[Clip title#^id]]` that links to it. */
import { MAX_PAGE_SIZE } from '../../shared/api';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../shared/types';
import type { Command } from '../command';
import { call } from '../library';
import { integerOption, stringOption } from '../option-values';
import { displayTitle, emit, plural, truncate } from '../output';
import { UsageError } from '../usage-error';

const COLORS = HIGHLIGHT_COLORS.join(', ');
const QUOTE_LENGTH = 100;

export const highlightAdd: Command = {
  words: ['highlight', 'add'],
  summary: 'Highlight a passage of a clip, with an optional comment.',
  usage: 'highlight add CLIP-ID --quote TEXT [--comment C] [--color C] [--json]',
  details: [
    'CLIP-ID          The clip id.',
    '--quote TEXT     The passage, exactly as the article writes it (spacing and line breaks',
    '                 may differ). If it occurs more than once, the first is highlighted.',
    '--comment C      A comment on the passage.',
    `--color C        ${COLORS} (default yellow).`,
    '--json           Print the Highlight.',
  ],
  options: {
    quote: { type: 'string' },
    comment: { type: 'string' },
    color: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const name = 'highlight add';
    const clipId = context.positionals[0] ?? '';
    const quote = stringOption(context.values, 'quote');
    if (quote === undefined || quote.trim() === '')
      throw new UsageError('Say which passage to highlight with --quote "…".', name);
    const color = colorOption(stringOption(context.values, 'color'), name);
    const comment = stringOption(context.values, 'comment');
    const highlight = await context.withNotebook((notebook) =>
      call(notebook, 'addHighlight', {
        clipId,
        quote,
        ...(color === undefined ? {} : { color }),
        ...(comment === undefined ? {} : { comment }),
      }),
    );
    emit(context, highlight, () => renderHighlight(highlight));
    return 0;
  },
};

export const highlightList: Command = {
  words: ['highlight', 'list'],
  summary: "List a clip's highlights in text order, or every highlight, newest first.",
  usage: 'highlight list [CLIP-ID] [--limit N] [--offset N] [--json]',
  details: [
    "CLIP-ID          Only this clip's highlights, in the order they appear (orphaned ones last);",
    '                 without it, the highlights of every clip outside the trash, newest first.',
    `--limit N        At most N highlights (1–${MAX_PAGE_SIZE}, default 100).`,
    '--offset N       Skip the first N highlights (default 0).',
    '--json           Print { total, highlights }.',
  ],
  options: {
    limit: { type: 'string' },
    offset: { type: 'string' },
  },
  positionals: { min: 0, max: 1 },
  async run(context) {
    const name = 'highlight list';
    const clipId = context.positionals[0];
    const limit = integerOption(context.values, 'limit', name, 1, MAX_PAGE_SIZE);
    const offset = integerOption(context.values, 'offset', name, 0, Number.MAX_SAFE_INTEGER);
    const result = await context.withNotebook((notebook) =>
      call(notebook, 'listHighlights', {
        ...(clipId === undefined ? {} : { clipId }),
        ...(limit === undefined ? {} : { limit }),
        ...(offset === undefined ? {} : { offset }),
      }),
    );
    emit(context, result, () => {
      const blocks = result.highlights.map(renderHighlight);
      const shown = result.highlights.length;
      const range =
        shown > 0 && shown < result.total ? ` (showing ${(offset ?? 0) + 1}–${(offset ?? 0) + shown})` : '';
      return [...blocks, `${plural(result.total, 'highlight')}${range}`].join('\n\n');
    });
    return 0;
  },
};

export const highlightRemove: Command = {
  words: ['highlight', 'remove'],
  summary: 'Remove a highlight from a clip.',
  usage: 'highlight remove CLIP-ID HIGHLIGHT-ID [--json]',
  details: [
    'CLIP-ID          The clip id.',
    'HIGHLIGHT-ID     The highlight id (what follows #^ in its [[link]]).',
    '--json           Print { removed }.',
  ],
  options: {},
  positionals: { min: 2, max: 2 },
  async run(context) {
    const [clipId = '', highlightId = ''] = context.positionals;
    const result = await context.withNotebook((notebook) =>
      call(notebook, 'removeHighlight', { clipId, highlightId }),
    );
    emit(context, result, () =>
      result.removed
        ? `Removed highlight ${highlightId}.`
        : `There is no highlight ${highlightId} on ${clipId}: nothing was removed.`,
    );
    return 0;
  },
};

/** Every highlight command, in the order help lists them. */
export const highlightCommands: readonly Command[] = [highlightAdd, highlightList, highlightRemove];

function colorOption(value: string | undefined, name: string): HighlightColor | undefined {
  if (value === undefined) return undefined;
  const color = HIGHLIGHT_COLORS.find((c) => c === value.toLowerCase());
  if (color === undefined) throw new UsageError(`--color must be one of ${COLORS}, not "${value}".`, name);
  return color;
}

/**
 * One highlight as a block: its colour and quote (on one line, shortened), its comment, then the
 * link that points at it.
 */
export function renderHighlight(highlight: Highlight): string {
  const quote = truncate(highlight.anchor.quote.replace(/\s+/g, ' ').trim(), QUOTE_LENGTH);
  const lines = [
    `${highlight.color}  “${quote}”${highlight.orphaned ? '  (orphaned: not in the article any more)' : ''}`,
  ];
  if (highlight.comment.trim() !== '')
    lines.push(
      ...highlight.comment
        .trim()
        .split('\n')
        .map((line) => `  ${line}`),
    );
  lines.push(`  [[${displayTitle(highlight.clipTitle)}#^${highlight.id}]]`);
  return lines.join('\n');
}
