import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NotebookError } from '../../shared/errors';
import { createExtractor } from './extractor';
import { WorkerClient } from './worker-client';

const page = readFileSync(
  resolve(__dirname, '..', '..', '..', 'tests', 'fixtures', 'pages', 'news-article.html'),
  'utf8',
);
const input = { html: page, url: 'https://www.sahelobserver.example/news/2024/09/niger-river-floods-mopti' };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    expect(error).toBeInstanceOf(NotebookError);
    return (error as NotebookError).code;
  }
}

describe('createExtractor', () => {
  const worker = createExtractor();
  const inProcess = createExtractor({ inWorker: false });
  afterAll(async () => {
    await worker.close();
    await inProcess.close();
  });

  it('gives the same result in the worker as in-process', async () => {
    const [a, b] = await Promise.all([worker.extract(input), inProcess.extract(input)]);
    expect(a).toEqual(b);
    expect(a.title).toBe('Niger river floods displace thousands in Mopti region');
  });

  it('handles requests in parallel, each with its own answer', async () => {
    const results = await Promise.all([
      worker.extract(input),
      worker.extract({ ...input, mode: 'page' }),
      worker.extract(input),
    ]);
    expect(results[0]).toEqual(results[2]);
    expect(results[0]?.text).not.toContain('By Fatou Sow and Oumar Cissé');
    expect(results[1]?.text).toContain('By Fatou Sow and Oumar Cissé');
  });

  it('sends errors back with their code and message', async () => {
    await expect(worker.extract({ html: '   ', url: null })).rejects.toThrow(
      'No article found on this page. Clip the whole page instead?',
    );
    expect(await codeOf(worker.extract({ html: '   ', url: null }))).toBe('not_article');
    expect(await codeOf(worker.extract({ html: page, url: 'ftp://x.example/' }))).toBe('invalid_argument');
  });

  it('rewrites image assets in the worker, the map crossing intact', async () => {
    const extracted = await worker.extract(input);
    const image = extracted.images[0] ?? '';
    const assets = new Map([[image, `assets/${'f'.repeat(64)}.jpg`]]);
    const result = await worker.withImageAssets(extracted, assets);
    expect(result).toEqual(await inProcess.withImageAssets(extracted, assets));
    expect(result.markdown).toContain(`(assets/${'f'.repeat(64)}.jpg)`);
  });

  it('fails calls made after close', async () => {
    const closing = createExtractor();
    await closing.close();
    expect(await codeOf(closing.extract(input))).toBe('internal');
  });
});

describe('the worker thread', () => {
  it('is restarted after a crash; what it was doing fails with internal', async () => {
    const client = new WorkerClient();
    try {
      const first = (await client.request({ kind: 'extract', input })) as { title: string };
      expect(await codeOf(client.request({ kind: 'crash' }))).toBe('internal');
      const again = (await client.request({ kind: 'extract', input })) as { title: string };
      expect(again.title).toBe(first.title);
    } finally {
      await client.close();
    }
  });

  it('gives up on a page past the time limit with timeout, and replaces the thread', async () => {
    const client = new WorkerClient(1);
    try {
      expect(await codeOf(client.request({ kind: 'extract', input }))).toBe('timeout');
    } finally {
      await client.close();
    }
  });
});
