import { describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../../tests/helpers/temp-library';
import type * as Warmup from './index-warmup';
import type { SearchIndex as SearchIndexClass } from './search-index';

// Each test takes fresh modules: whether the process has warmed up is a module's state.
async function freshModules(): Promise<{
  SearchIndex: typeof SearchIndexClass;
  warmup: typeof Warmup;
}> {
  vi.resetModules();
  const { SearchIndex } = await import('./search-index');
  const warmup = await import('./index-warmup');
  return { SearchIndex, warmup };
}

const DOC = {
  id: 'a',
  type: 'clip',
  title: 'Withdrawal',
  body: 'The camps of Ségou.',
  meta: 'rfi.fr',
} as const;

describe('warming up the indexing code', () => {
  it('happens when an index loads', async () => {
    const dir = await makeTempDir();
    const first = await freshModules();
    const index = first.SearchIndex.create();
    index.add(DOC);
    await index.save(dir, 1);

    const { SearchIndex, warmup } = await freshModules();
    expect(warmup.indexingWarmedUp()).toBe(false);
    const loaded = await SearchIndex.load(dir);
    expect(loaded).not.toBeNull();
    expect(warmup.indexingWarmedUp()).toBe(true);
  });

  it('happens when an index is made, and leaves every index as it was', async () => {
    const { SearchIndex, warmup } = await freshModules();
    expect(warmup.indexingWarmedUp()).toBe(false);
    const index = SearchIndex.create();
    expect(warmup.indexingWarmedUp()).toBe(true);
    expect(index.size).toBe(0);
    index.add(DOC);
    warmup.warmUpIndexing();
    expect(index.size).toBe(1);
    expect([...index.match('segou').keys()]).toEqual(['a']);
    // The warm-up's own text is not in it.
    expect(index.match('keita').size).toBe(0);
    expect(index.match('refugee').size).toBe(0);
  });
});
