/**
 * Readability alone drops parts of articles; these pages show that it does (so the test means
 * something) and that extraction puts them back, in place, without bringing furniture back.
 */
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom';
import { extractArticle } from './extract';

const prose = (topic: string): string =>
  `<p>The ${topic} has been discussed at length by the council, which met on Tuesday, Wednesday and Thursday, and whose members, ` +
  `after long debates, agreed on a common statement, a calendar, and a budget for the coming year.</p>`;

const page = `<!DOCTYPE html><html><head><title>Council report</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div id="story">
  ${prose('first question')}
  ${prose('second question')}
  <div class="links"><a href="https://a.example/report.pdf">The report</a>, <a href="https://a.example/annex.pdf">its annex</a> and <a href="https://a.example/vote">the vote</a>.</div>
  ${prose('third question')}
  <table><tr><td>Votes for</td><td>41</td></tr><tr><td>Votes against</td><td>3</td></tr></table>
  <ul><li><a href="https://a.example/d/12">Decision 12/2024</a></li><li><a href="https://a.example/d/13">Decision 13/2024</a></li></ul>
  ${prose('fourth question')}
  <p><strong>Related:</strong> <a href="/other">Another story</a></p>
  ${prose('fifth question')}
</div>
<div class="footer-links"><a href="/about">About</a> <a href="/contact">Contact</a></div>
</body></html>`;

function readabilityText(html: string): string {
  const result = new Readability(
    parseDocument(html) as unknown as ConstructorParameters<typeof Readability>[0],
  ).parse();
  return (result?.textContent ?? '').replace(/\s+/g, ' ');
}

describe('recovering what Readability drops', () => {
  it('is needed: Readability alone loses the link-heavy sources line', () => {
    const text = readabilityText(page);
    expect(text).toContain('The fifth question');
    expect(text).not.toContain('its annex');
  });

  it('puts them back in page order, and leaves furniture out', () => {
    const { text } = extractArticle({ html: page, url: 'https://news.example/council' });
    const order = [
      'The second question',
      'The report, its annex and the vote.',
      'The third question',
      'Votes for\t41',
      'Votes against\t3',
      'Decision 12/2024',
      'Decision 13/2024',
      'The fourth question',
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toMatch(/Related:|Another story|About|Contact|Home/);
  });
});
