import { describe, expect, it } from 'vitest';
import { byRev } from './backlog';

describe('byRev', () => {
  it('orders ids oldest first, keeping the given order among equal revisions', () => {
    const items = [
      { id: 'c', rev: 30 },
      { id: 'a', rev: 10 },
      { id: 'd', rev: 30 },
      { id: 'b', rev: 20 },
      { id: 'huge', rev: 2 ** 31 },
    ];
    expect(byRev(items)).toEqual(['a', 'b', 'c', 'd', 'huge']);
    expect(byRev([...items, { id: 'later', rev: 2 ** 33 }]).at(-1)).toBe('later');
    expect(byRev([])).toEqual([]);
  });
});
