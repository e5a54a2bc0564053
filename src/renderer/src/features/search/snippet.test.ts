import { describe, expect, it } from 'vitest';
import { decodeEntities, parseSnippet } from './snippet';

describe('parseSnippet', () => {
  it('splits a snippet into plain and marked runs', () => {
    expect(parseSnippet('… met <mark>Keïta</mark> on the <mark>withdrawal</mark>.')).toEqual([
      { text: '… met ', marked: false },
      { text: 'Keïta', marked: true },
      { text: ' on the ', marked: false },
      { text: 'withdrawal', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('decodes escaped text and keeps anything that looks like markup as text', () => {
    expect(parseSnippet('a &lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>b&#39;s</mark>')).toEqual([
      { text: 'a <script>alert(1)</script> & ', marked: false },
      { text: "b's", marked: true },
    ]);
    expect(parseSnippet('<b>bold</b> <img src=x onerror=alert(1)>')).toEqual([
      { text: '<b>bold</b> <img src=x onerror=alert(1)>', marked: false },
    ]);
  });

  it('survives unbalanced and nested marks', () => {
    expect(parseSnippet('</mark>a<mark><mark>b</mark></mark>c<mark>d')).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: true },
      { text: 'c', marked: false },
      { text: 'd', marked: true },
    ]);
    expect(parseSnippet('')).toEqual([]);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric entities and leaves unknown ones alone', () => {
    expect(decodeEntities('&quot;x&quot; &#x2F; &#233; &bogus; &#xFFFFFFF;')).toBe(
      '"x" / é &bogus; &#xFFFFFFF;',
    );
  });
});
