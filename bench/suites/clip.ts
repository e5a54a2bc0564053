/**
 * The clip pipeline without the network: parse → metadata → Readability and corrections →
 * sanitise → Markdown and text, per page. Over the fixture pages (tests/fixtures/pages and the
 * shared sample; the same figures at every size) and over a generated long read of size/10
 * paragraphs (sizes 1000, 10000, 50000 ≈ 0.05, 0.5 and 2.7 MB of HTML); and the longest
 * main-thread event-loop stall while all those pages go through the worker extractor, against the
 * same page extracted in-process.
 * Target (issue 3): median under 50 ms for a typical article; no stall over 50 ms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeHtml } from '../../src/core/clipper/charset';
import { extractArticle, type ExtractInput } from '../../src/core/clipper/extract';
import { createExtractor } from '../../src/core/clipper/extractor';
import { createRandom } from '../corpus';
import { summarize, withLoopMonitor } from '../stats';
import type { Suite } from './suite';

const ROUNDS = 15;
const TYPICAL = 'news-article.html';
const PAGES = resolve(__dirname, '..', '..', 'tests', 'fixtures', 'pages');
const SAMPLE = resolve(__dirname, '..', '..', '..', 'shared', 'samples', 'minusma-blogger.html');

let fixtureFigures: Record<string, number> | null = null;

export const clipSuite: Suite = {
  name: 'clip',
  columns: [
    'pages',
    'page p50',
    'page p95',
    'page max',
    'article p50',
    'large MB',
    'large ms',
    'worker loop max',
    'inline loop max',
  ],
  async run(size) {
    fixtureFigures ??= measureFixtures(fixturePages());
    const large: ExtractInput = {
      html: generatePage(Math.max(1, Math.round(size / 10))),
      url: 'https://bench.example/long-read',
    };
    extractArticle(large); // warm the code paths for this shape of page
    const largeTimes = Array.from({ length: 3 }, () => timed(() => extractArticle(large)));
    const inline = await withLoopMonitor(async () => {
      // The monitor counts a stall when its timer fires late: let it tick before and after.
      await pause(20);
      extractArticle(large);
      await pause(20);
    });
    const extractor = createExtractor();
    try {
      await extractor.extract(large); // start the worker outside the measurement
      const pages = [...fixturePages(), large];
      const worker = await withLoopMonitor(async () => {
        for (const page of pages) await extractor.extract(page).catch(() => undefined);
      });
      return {
        ...fixtureFigures,
        'large MB': Buffer.byteLength(large.html) / 1e6,
        'large ms': summarize(largeTimes).p50,
        'worker loop max': worker.loopMaxMs,
        'inline loop max': inline.loopMaxMs,
      };
    } finally {
      await extractor.close();
    }
  },
};

function fixturePages(): (ExtractInput & { name: string })[] {
  const expectations = readdirSync(PAGES).filter((file) => file.endsWith('.expected.json'));
  const pages = expectations.map((file) => {
    const expected = JSON.parse(readFileSync(join(PAGES, file), 'utf8')) as {
      page: string;
      url: string | null;
      mode?: 'article' | 'page';
    };
    const html = decodeHtml(readFileSync(join(PAGES, expected.page)), null);
    return { name: expected.page, html, url: expected.url, mode: expected.mode ?? 'article' };
  });
  const sample = readFileSync(SAMPLE);
  return [
    ...pages,
    {
      name: 'minusma-blogger.html',
      html: decodeHtml(sample, null),
      url: 'https://sahel-press-review.blogspot.com/2024/11/x.html',
    },
  ];
}

function measureFixtures(pages: (ExtractInput & { name: string })[]): Record<string, number> {
  const all: number[] = [];
  const typical: number[] = [];
  for (const page of pages) attempt(page); // the first run loads jsdom and warms the JIT
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const page of pages) {
      const ms = timed(() => attempt(page));
      all.push(ms);
      if (page.name === TYPICAL) typical.push(ms);
    }
  }
  const summary = summarize(all);
  return {
    pages: pages.length,
    'page p50': summary.p50,
    'page p95': summary.p95,
    'page max': summary.max,
    'article p50': summarize(typical).p50,
  };
}

// Pages without an article are measured too: finding that out is part of the pipeline.
function attempt(page: ExtractInput): void {
  try {
    extractArticle(page);
  } catch {
    // not_article
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

const WORDS = (
  'the council of ministers announced withdrawal mission Bamako Mopti Ségou Keïta rainfall river delta herders farmers ' +
  'corridor statement government security region report market price water season village cooperative'
).split(' ');

/** A long read of `paragraphs` paragraphs with headings, lists, tables and images, inside page furniture. */
export function generatePage(paragraphs: number): string {
  const random = createRandom(paragraphs);
  const sentence = (): string =>
    Array.from({ length: random.int(12, 28) }, () => random.pick(WORDS))
      .join(' ')
      .replace(/^./, (c) => c.toUpperCase()) + '.';
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i += 1) {
    if (i % 25 === 0) parts.push(`<h2>Part ${i / 25 + 1}</h2>`);
    if (i % 40 === 17)
      parts.push(
        `<figure><img src="/img/${i}.jpg" alt="Figure ${i}"><figcaption>${sentence()}</figcaption></figure>`,
      );
    if (i % 60 === 31)
      parts.push(`<ul>${Array.from({ length: 4 }, () => `<li>${sentence()}</li>`).join('')}</ul>`);
    if (i % 90 === 47)
      parts.push(`<table><tr><th>Year</th><th>Value</th></tr><tr><td>2023</td><td>${i}</td></tr></table>`);
    parts.push(
      `<p>${sentence()} ${sentence()} <a href="/ref/${i}">${random.pick(WORDS)}</a> ${sentence()}</p>`,
    );
  }
  const nav = Array.from({ length: 40 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join(
    '',
  );
  const comments = Array.from(
    { length: Math.ceil(paragraphs / 20) },
    () => `<div class="comment"><p>${sentence()}</p></div>`,
  ).join('');
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A long read | Bench</title>` +
    `<meta property="og:title" content="A long read"></head><body><nav><ul>${nav}</ul></nav>` +
    `<main><article><h1>A long read</h1><div class="share">Share</div><div class="body">${parts.join('\n')}</div></article>` +
    `<section id="comments">${comments}</section></main><footer><ul>${nav}</ul></footer></body></html>`
  );
}
