import type { LinkContext, LinksReport, OutgoingLink } from '../../shared/types';
import type { Command } from '../command';
import { call } from '../library';
import { displayTitle, emit, truncate } from '../output';

export const links: Command = {
  words: ['links'],
  summary: "Show an item's links: outgoing, backlinks, unresolved links and unlinked mentions.",
  usage: 'links ID [--json]',
  details: [
    'ID               The item id (as `list` prints it).',
    '--json           Print the LinksReport: { id, outgoing, backlinks, unresolved,',
    '                 unlinkedMentions }.',
  ],
  options: {},
  positionals: { min: 1, max: 1 },
  async run(context) {
    const id = context.positionals[0] ?? '';
    const report = await context.withNotebook((notebook) => call(notebook, 'getLinks', { id }));
    emit(context, report, () => renderReport(report));
    return 0;
  },
};

function renderReport(report: LinksReport): string {
  return [
    section('Outgoing', report.outgoing.map(outgoingLine)),
    section('Backlinks', report.backlinks.map(contextLine)),
    section(
      'Unresolved',
      report.unresolved.map((link) => `line ${link.line}  [[${link.raw}]]`),
    ),
    section('Unlinked mentions', report.unlinkedMentions.map(contextLine)),
  ].join('\n\n');
}

function section(name: string, lines: string[]): string {
  const body = lines.length === 0 ? ['  (none)'] : lines.map((line) => `  ${line}`);
  return [`${name} (${lines.length}):`, ...body].join('\n');
}

function outgoingLine(link: OutgoingLink): string {
  const target =
    link.resolved === null
      ? 'unresolved'
      : `${link.resolved.id} ${link.resolved.type} "${displayTitle(link.resolved.title)}"`;
  return `line ${link.line}  [[${link.raw}]] → ${target}`;
}

function contextLine(found: LinkContext): string {
  const { source } = found;
  return `${source.id} "${truncate(displayTitle(source.title), 40)}" line ${found.line}: ${found.context}`;
}
