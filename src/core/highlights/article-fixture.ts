/** A small article for highlight tests, clipped from HTML without the network. */

export const ARTICLE_URL = 'https://example.org/granaries';

export const PARAGRAPHS = [
  'Every spring, after the last rains, the masons of Djenné climb onto the roofs of the great mosque and the granaries around it.',
  'They mix the mud with rice husks and leave it to ferment for weeks, until it smells of the river and binds like cement.',
  'Every spring the whole town turns out to carry the mud in baskets, and the children race each other up the ladders.',
  'Not every granary survives: some are left to the rain, and their walls slump back into the earth they came from.',
];

/** The article's page; its text is `paragraphs` joined by blank lines. */
export function articleHtml(
  paragraphs: readonly string[] = PARAGRAPHS,
  title = 'Granaries of Djenné',
): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`
  );
}
