import { describe, expect, it } from 'vitest';
import { normalizeDate } from './dates';

describe('normalizeDate', () => {
  it.each([
    ['2024-11-12', '2024-11-12'],
    ['2024/11/12', '2024-11-12'],
    ['2024.11.12', '2024-11-12'],
    ['20241112', '2024-11-12'],
    ['November 12, 2024', '2024-11-12'],
    ['Tuesday, November 12, 2024', '2024-11-12'],
    ['12 Nov 2024', '2024-11-12'],
    ['Nov. 12th, 2024', '2024-11-12'],
    ['12 novembre 2024', '2024-11-12'],
    ['mardi 12 novembre 2024', '2024-11-12'],
    ['12 de noviembre de 2024', '2024-11-12'],
    ['1 juil. 2023', '2023-07-01'],
    ['2023', '2023'],
    ['2023-06', '2023-06'],
    ['June 2023', '2023-06'],
    ['31/12/2024', '2024-12-31'],
    ['12/31/2024', '2024-12-31'],
  ])('%s → %s (a date stays a date)', (raw, iso) => {
    expect(normalizeDate(raw)).toBe(iso);
  });

  it.each([
    ['2024-11-12T08:03:00-08:00', '2024-11-12T08:03:00-08:00'],
    ['2024-11-12T16:03:00.000Z', '2024-11-12T16:03:00Z'],
    ['2024-11-12T08:03:00+0100', '2024-11-12T08:03:00+01:00'],
    ['2024-11-12 08:03', '2024-11-12T08:03'],
    ['7 Nov 2024 19:24', '2024-11-07T19:24'],
    ['March 3, 2023 at 5:30 pm', '2023-03-03T17:30'],
    ['Tue, 12 Nov 2024 16:03:00 GMT', '2024-11-12T16:03:00Z'],
  ])('%s → %s (a date-time keeps its time and offset)', (raw, iso) => {
    expect(normalizeDate(raw)).toBe(iso);
  });

  it.each([
    '',
    'yesterday',
    '2023-02-30',
    '2024-13-01',
    '05/06/2024',
    '12 Smarch 2024',
    'Posted by admin',
    null,
    undefined,
  ])('refuses %j', (raw) => {
    expect(normalizeDate(raw)).toBeNull();
  });
});
