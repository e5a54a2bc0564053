/** `cite ID...`: a bibliography of clips and notes, as BibTeX (biblatex) or CSL-JSON. */
import type { CitationFormat } from '../../shared/types';
import type { Command } from '../command';
import { call } from '../library';
import { singleString } from '../option-values';
import { emit } from '../output';
import { UsageError } from '../usage-error';

const FORMATS: readonly CitationFormat[] = ['bibtex', 'csl-json'];
const MAX_IDS = 10_000;

export const cite: Command = {
  words: ['cite'],
  summary:
    'Print citations of clips and notes as BibTeX (biblatex) or CSL-JSON, for Zotero, Zettlr or Pandoc.',
  usage: 'cite ID... [--format bibtex|csl-json] [--json]',
  details: [
    'ID...            The items to cite (as `list` prints them), in the order to print them.',
    '                 Items in the trash can be cited too.',
    '--format F       bibtex (default): biblatex entries, @article for journal articles,',
    '                 @online with urldate for web pages; csl-json: an array of CSL items.',
    '--json           Print the CitationResult: {format, text, keys} (keys by item id).',
    'Keys read author, year and title: keita2023pastoral; a, b, c tell apart ones that clash.',
    'Save the output as a .bib or .json file and point Zettlr, Pandoc (--bibliography) or',
    'Zotero (File > Import) at it.',
  ],
  options: { format: { type: 'string' } },
  positionals: { min: 1, max: MAX_IDS },
  async run(context) {
    const name = 'cite';
    const format = formatOption(singleString(context.values, 'format', name), name);
    const ids = context.positionals;
    const result = await context.withNotebook((notebook) =>
      call(notebook, 'cite', { ids, ...(format === undefined ? {} : { format }) }),
    );
    emit(context, result, () => result.text);
    return 0;
  },
};

function formatOption(raw: string | undefined, command: string): CitationFormat | undefined {
  if (raw === undefined) return undefined;
  const format = FORMATS.find((candidate) => candidate === raw.trim().toLowerCase());
  if (format === undefined) {
    throw new UsageError(`--format must be ${FORMATS.join(' or ')}, not "${raw}".`, command);
  }
  return format;
}
