/**
 * CSL items as biblatex entries (what Zettlr, Pandoc and biber read; Zotero imports them too):
 * - @article with `journaltitle` for a journal article, and for newspaper and magazine
 *   articles with `entrysubtype` (biblatex's convention); @inproceedings for a conference paper;
 * - @online with `organization` (the site) and `urldate` for everything else from the web;
 * - @misc for a note.
 * Dates are ISO (`date`, `urldate`). Text is UTF-8 as is; the ten characters TeX treats
 * specially are escaped; every title word with a capital is braced so styles that change case
 * keep it. `url` and `doi` are verbatim fields in biblatex: written as they are, braces and
 * backslashes percent-encoded so the entry stays balanced.
 */
import type { CslDate, CslItem } from './csl';
import type { CslName } from './names';

// BCP 47 primary subtags → the babel names biblatex's `langid` takes (others are left out).
const LANGIDS: Record<string, string> = {
  ca: 'catalan',
  cs: 'czech',
  da: 'danish',
  de: 'ngerman',
  en: 'english',
  es: 'spanish',
  fi: 'finnish',
  fr: 'french',
  it: 'italian',
  nl: 'dutch',
  pl: 'polish',
  pt: 'portuguese',
  sv: 'swedish',
  tr: 'turkish',
};

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text for a BibTeX field: TeX's special characters escaped, whitespace made single spaces. */
export function escapeBibtex(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}#$%&_~^]/g, (char) => SPECIAL[char] ?? char);
}

/** A title: escaped, and each word with a capital letter braced, so its case is kept. */
export function protectTitle(title: string): string {
  return title
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => (/\p{Lu}/u.test(word) ? `{${escapeBibtex(word)}}` : escapeBibtex(word)))
    .join(' ');
}

/** A name in BibTeX order: "Family, Given" (or "Family, Suffix, Given"); a literal braced whole. */
export function bibtexName(name: CslName): string {
  if ('literal' in name) return `{${escapeBibtex(name.literal)}}`;
  const part = (text: string): string => {
    const escaped = escapeBibtex(text);
    // " and " inside a part would split the name list; a comma would reorder it.
    return /(^|\s)and(\s|$)|,/i.test(text) ? `{${escaped}}` : escaped;
  };
  const pieces = [part(name.family)];
  if (name.suffix !== undefined) pieces.push(part(name.suffix));
  if (name.given !== undefined) pieces.push(part(name.given));
  else if (name.suffix !== undefined) pieces.push('');
  return pieces.join(', ');
}

/** One entry; fields in a fixed order, one per line. */
export function bibtexEntry(item: CslItem): string {
  const { type, fields: typeFields } = entryType(item);
  const fields: Field[] = [];
  const add = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') fields.push([name, value]);
  };
  add('author', item.author?.map(bibtexName).join(' and '));
  add('title', item.title === undefined ? undefined : protectTitle(item.title));
  fields.push(...typeFields);
  add('volume', text(item.volume));
  add('number', text(item.issue));
  add('pages', item.page === undefined ? undefined : escapeBibtex(item.page).replace(/\s*[-–—]+\s*/g, '--'));
  add('date', isoDate(item.issued));
  add('doi', verbatim(item.DOI));
  add('issn', text(item.ISSN));
  add('isbn', text(item.ISBN));
  add('url', verbatim(item.URL));
  add('urldate', isoDate(item.accessed));
  add('langid', item.language === undefined ? undefined : LANGIDS[primaryLanguage(item.language)]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n');
  return `@${type}{${item.id},\n${body}\n}`;
}

/** Entries separated by blank lines, ending with a newline. */
export function bibtex(items: readonly CslItem[]): string {
  return items.length === 0 ? '' : `${items.map(bibtexEntry).join('\n\n')}\n`;
}

type Field = [name: string, value: string];

function entryType(item: CslItem): { type: string; fields: Field[] } {
  const container = text(item['container-title']);
  const publisher = text(item.publisher);
  if (item.type === 'document') return { type: 'misc', fields: [] };
  if (container !== undefined) {
    if (item.type === 'article-journal') return { type: 'article', fields: [['journaltitle', container]] };
    if (item.type === 'article-newspaper' || item.type === 'article-magazine') {
      const subtype = item.type === 'article-newspaper' ? 'newspaper' : 'magazine';
      return {
        type: 'article',
        fields: [
          ['entrysubtype', subtype],
          ['journaltitle', container],
        ],
      };
    }
    if (item.type === 'paper-conference') {
      const fields: Field[] = [['booktitle', container]];
      if (publisher !== undefined) fields.push(['publisher', publisher]);
      return { type: 'inproceedings', fields };
    }
  }
  const organization = container ?? publisher;
  return { type: 'online', fields: organization === undefined ? [] : [['organization', organization]] };
}

function text(value: string | undefined): string | undefined {
  return value === undefined ? undefined : escapeBibtex(value);
}

function verbatim(value: string | undefined): string | undefined {
  return value?.replace(
    /[{}\\\s]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function isoDate(date: CslDate | undefined): string | undefined {
  return date?.['date-parts'][0].map((part, i) => String(part).padStart(i === 0 ? 4 : 2, '0')).join('-');
}

function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}
