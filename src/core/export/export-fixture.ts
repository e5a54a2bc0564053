/**
 * A small library for export tests: notes with links of every kind, tags and aliases, and clips
 * with highlights (one orphaned) and an image, made from HTML served on 127.0.0.1.
 */
import type { FixtureServer } from '../../../tests/helpers/fixture-server';
import { call } from '../../../tests/helpers/call';
import type { Notebook } from '../notebook';
import { PARAGRAPHS } from '../highlights/article-fixture';

export interface ExportFixture {
  mali: string;
  granaries: string;
  reader: string;
  other: string;
  secret: string;
  /** Highlight ids on the granaries clip: commented, plain, orphaned. */
  highlights: { husks: string; mosque: string; slump: string };
  /** The items a golden export takes (the other two stay out). */
  exported: string[];
}

/** Ids `item001`, `item002`, … in creation order, so golden files can name them. */
export function countingIds(): () => string {
  let n = 0;
  return () => `item${String(++n).padStart(3, '0')}`;
}

function pageHtml(title: string, paragraphs: readonly string[], image: string | null): string {
  const figure =
    image === null ? '' : `<figure><img src="${image}" alt="A granary" width="600" height="400"></figure>`;
  const body = paragraphs.map((p, i) => `<p>${p}</p>${i === 0 ? figure : ''}`).join('\n');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    `<meta name="author" content="Awa Traoré"><meta name="citation_doi" content="10.1234/granary.5">` +
    `</head><body><article><h1>${title}</h1>${body}</article></body></html>`
  );
}

export async function makeExportFixture(notebook: Notebook, site: FixtureServer): Promise<ExportFixture> {
  const mali = await call(notebook, 'createNote', {
    title: 'Mali',
    body: '# History\n\nAn old empire on the Niger.\n',
    tags: ['sahel/mali'],
  });
  await call(notebook, 'updateNote', { id: mali.id, aliases: ['Republic of Mali'] });

  const url = site.url('/granaries');
  const image = site.url('/image.png?seed=granary');
  const title = 'Granaries of Djenné';
  const { clip } = await call(notebook, 'clip', {
    html: pageHtml(title, PARAGRAPHS, image),
    url,
    tags: ['sahel'],
  });
  const add = async (quote: string, comment = ''): Promise<string> =>
    (await call(notebook, 'addHighlight', { clipId: clip.id, quote, comment })).id;
  const highlights = {
    husks: await add('rice husks', 'Why husks?\nSee the *binding* note.'),
    mosque: await add('the great mosque'),
    slump: await add('their walls slump back into the earth'),
  };
  // The site cut its last paragraph: that highlight is orphaned.
  await call(notebook, 'clip', { html: pageHtml(title, PARAGRAPHS.slice(0, 3), image), url, refresh: true });

  const other = (
    await call(notebook, 'clip', {
      html: pageHtml('Other article', [PARAGRAPHS[2] as string, PARAGRAPHS[3] as string], null),
      url: site.url('/other?a=(1)'),
    })
  ).clip.id;
  const secret = (await call(notebook, 'createNote', { title: 'Private', body: 'Not for export.' })).id;

  const reader = await call(notebook, 'createNote', {
    title: 'Sahel: a reader',
    tags: ['sahel', 'reading'],
    body: [
      'Plain [[Mali]], by alias [[republic of mali]], a heading [[Mali#History]], shown [[Mali#History|the old empire]].',
      `A highlight: [[Granaries of Djenné#^${highlights.husks}]], shown [[granaries of djenne#^${highlights.mosque}|the mosque]].`,
      'Embedded: ![[Mali]]',
      '',
      'Not exported: [[Private]], [[Private|my notes]], ![[Private]], [[Other article]], [[Other article#^abcdef|that piece]].',
      'Nowhere: [[Nowhere]] and [[Nowhere#Part|somewhere]].',
      'Itself: [[Sahel: a reader]]. Escaped: \\[[Mali]].',
      '',
      'In code: `[[Mali]]`',
      '',
      '```md',
      '[[Mali]] stays',
      '```',
      '',
    ].join('\n'),
  });
  return {
    mali: mali.id,
    granaries: clip.id,
    reader: reader.id,
    other,
    secret,
    highlights,
    exported: [mali.id, clip.id, reader.id],
  };
}
