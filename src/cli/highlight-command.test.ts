import { beforeEach, describe, expect, it } from 'vitest';
import type { Highlight } from '../shared/types';
import { ARTICLE_URL, articleHtml } from '../core/highlights/article-fixture';
import { makeCliLibrary, type CliLibrary } from '../../tests/helpers/cli';

const HIGHLIGHT_KEYS = [
  'anchor',
  'clipId',
  'clipTitle',
  'color',
  'comment',
  'created',
  'id',
  'orphaned',
  'updated',
];

let cli: CliLibrary;
let clipId: string;

beforeEach(async () => {
  cli = await makeCliLibrary('commonplace-cli-highlight-');
  const clipped = await cli.run(['clip', '-', '--url', ARTICLE_URL, '--json'], { stdin: articleHtml() });
  expect(clipped.code).toBe(0);
  clipId = (JSON.parse(clipped.stdout) as { clip: { id: string } }).clip.id;
});

describe('commonplace highlight', () => {
  it('adds a highlight and prints the Highlight with --json', async () => {
    const highlight = await cli.json<Highlight>(
      'highlight',
      'add',
      clipId,
      '--quote',
      'rice husks\nand leave it',
      '--comment',
      'Why husks?',
      '--color',
      'Green',
    );
    expect(Object.keys(highlight).sort()).toEqual(HIGHLIGHT_KEYS);
    expect(highlight).toMatchObject({
      clipId,
      clipTitle: 'Granaries of Djenné',
      color: 'green',
      comment: 'Why husks?',
      orphaned: false,
      anchor: { quote: 'rice husks and leave it' },
    });
    expect(highlight.id).toMatch(/^[a-z0-9]{6,12}$/);
  });

  it('prints each highlight as a block: colour and quote, comment, and the link to it', async () => {
    const long = await cli.run([
      'highlight',
      'add',
      clipId,
      '--quote',
      'They mix the mud with rice husks and leave it to ferment for weeks, until it smells of the river and binds like cement.',
      '--comment',
      'Three to four weeks.\nLonger in a wet year.',
    ]);
    expect(long.code).toBe(0);
    expect(long.stderr).toBe('');
    const id = /#\^([a-z0-9]+)\]\]/.exec(long.stdout)?.[1];
    expect(long.stdout).toBe(
      'yellow  “They mix the mud with rice husks and leave it to ferment for weeks, until it smells of the river an…”\n' +
        '  Three to four weeks.\n' +
        '  Longer in a wet year.\n' +
        `  [[Granaries of Djenné#^${id}]]\n`,
    );

    const short = await cli.json<Highlight>(
      'highlight',
      'add',
      clipId,
      '--quote',
      'Every spring, after',
      '--color',
      'pink',
    );
    const listed = await cli.run(['highlight', 'list', clipId]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe(
      `pink  “Every spring, after”\n  [[Granaries of Djenné#^${short.id}]]\n\n` +
        `${long.stdout}\n` +
        '2 highlights\n',
    );
  });

  it('lists one clip in text order or every highlight newest first, as { total, highlights }', async () => {
    const later = await cli.json<Highlight>('highlight', 'add', clipId, '--quote', 'their walls slump');
    const earlier = await cli.json<Highlight>('highlight', 'add', clipId, '--quote', 'the great mosque');
    const ofClip = await cli.json<{ total: number; highlights: Highlight[] }>('highlight', 'list', clipId);
    expect(Object.keys(ofClip).sort()).toEqual(['highlights', 'total']);
    expect(ofClip.highlights.map((h) => h.id)).toEqual([earlier.id, later.id]);
    const all = await cli.json<{ total: number; highlights: Highlight[] }>('highlight', 'list');
    expect(all).toEqual({ total: 2, highlights: [earlier, later] });
    const page = await cli.run(['highlight', 'list', '--limit', '1', '--offset', '1']);
    expect(page.stdout).toBe(
      `yellow  “their walls slump”\n  [[Granaries of Djenné#^${later.id}]]\n\n2 highlights (showing 2–2)\n`,
    );
    expect((await cli.run(['highlight', 'list', '--limit', '0'])).code).toBe(2);
  });

  it('removes a highlight, and says so when there is none to remove', async () => {
    const highlight = await cli.json<Highlight>('highlight', 'add', clipId, '--quote', 'rice husks');
    const removed = await cli.run(['highlight', 'remove', clipId, highlight.id]);
    expect(removed).toEqual({ code: 0, stdout: `Removed highlight ${highlight.id}.\n`, stderr: '' });
    expect(await cli.json('highlight', 'remove', clipId, highlight.id)).toEqual({ removed: false });
    expect((await cli.run(['highlight', 'remove', clipId, highlight.id])).stdout).toBe(
      `There is no highlight ${highlight.id} on ${clipId}: nothing was removed.\n`,
    );
    expect(await cli.json('highlight', 'list', clipId)).toEqual({ total: 0, highlights: [] });
  });

  it('explains a passage that is not in the clip, and refuses bad usage', async () => {
    const refused = await cli.run(['highlight', 'add', clipId, '--quote', 'rice husks and straw']);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'commonplace: That passage is not in “Granaries of Djenné”: highlight text exactly as it appears in the article.\n',
    });
    const asJson = await cli.run(['highlight', 'add', clipId, '--quote', 'rice husks and straw', '--json']);
    expect(JSON.parse(asJson.stdout)).toMatchObject({ error: { code: 'invalid_argument' } });

    const noQuote = await cli.run(['highlight', 'add', clipId]);
    expect(noQuote.code).toBe(2);
    expect(noQuote.stderr).toContain('Say which passage to highlight with --quote');
    expect(noQuote.stderr).toContain('Usage: commonplace highlight add CLIP-ID --quote TEXT');
    const badColor = await cli.run(['highlight', 'add', clipId, '--quote', 'rice husks', '--color', 'red']);
    expect(badColor.code).toBe(2);
    expect(badColor.stderr).toContain('--color must be one of yellow, green, blue, pink, purple, not "red".');
    expect((await cli.run(['highlight', 'remove', clipId])).code).toBe(2);
    expect(await cli.json('highlight', 'list', clipId)).toEqual({ total: 0, highlights: [] });
  });

  it('has help for each of its commands', async () => {
    for (const name of ['add', 'list', 'remove']) {
      const help = await cli.run(['help', 'highlight', name]);
      expect(help.code, name).toBe(0);
      expect(help.stdout).toContain(`Usage: commonplace highlight ${name}`);
    }
    expect((await cli.run(['--help'])).stdout).toMatch(/highlight add\s+Highlight a passage of a clip/);
  });
});
