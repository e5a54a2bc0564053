/**
 * Splitting the author strings pages give ("Aminata Keïta", "Keïta, Aminata", "Reuters") into
 * CSL names: a person as family and given names, anything else as one literal name.
 */

/** A CSL name: a person's parts, or a literal (an organisation, a single word). */
export type CslName = { family: string; given?: string; suffix?: string } | { literal: string };

// Words that make a byline an organisation rather than a person.
const ORGANISATION_WORDS = new Set(
  [
    'agency',
    'agence',
    'association',
    'bureau',
    'centre',
    'center',
    'college',
    'commission',
    'committee',
    'company',
    'corporation',
    'council',
    'department',
    'desk',
    'editors',
    'editorial',
    'foundation',
    'group',
    'inc',
    'institute',
    'institut',
    'team',
    'llc',
    'ltd',
    'media',
    'ministry',
    'network',
    'news',
    'office',
    'organisation',
    'organization',
    'press',
    'project',
    'reporters',
    'rédaction',
    'service',
    'society',
    'staff',
    'university',
    'université',
    'universidad',
    'wire',
  ].map((word) => word.normalize('NFC')),
);

// Lower-case words that belong to the family name: "Ludwig van Beethoven", "Ana de la Cruz".
const PARTICLES = new Set([
  'ag',
  'al',
  'bin',
  'da',
  'das',
  'de',
  'del',
  'della',
  'der',
  'di',
  'do',
  'dos',
  'du',
  'el',
  'ibn',
  'la',
  'le',
  'st',
  'ten',
  'ter',
  'van',
  'von',
  'zu',
]);

const SUFFIX = /^(jr|sr|ii|iii|iv|v)\.?$/i;
const MAX_PERSON_WORDS = 5;

/** One byline as a CSL name. */
export function splitName(raw: string): CslName {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (name === '') return { literal: '' };
  if (looksLikeOrganisation(name)) return { literal: name };
  const parts = name.split(',').map((part) => part.trim());
  if (parts.length === 2 && parts[0] !== '' && parts[1] !== '') {
    const [first, second] = parts as [string, string];
    // "King Jr., Martin" is rare; "Martin Luther King, Jr." is the common comma that is not an inversion.
    if (SUFFIX.test(second)) return withSuffix(fromNatural(first), second);
    return person(first, second);
  }
  if (parts.length === 3 && parts.every((part) => part !== '')) {
    const [family, middle, last] = parts as [string, string, string];
    if (SUFFIX.test(middle)) return person(family, last, middle); // BibTeX: "King, Jr., Martin Luther"
    if (SUFFIX.test(last)) return person(family, middle, last);
  }
  if (parts.length > 1) return { literal: name };
  return fromNatural(name);
}

/** "Given Family" order, with particles kept in the family name and a trailing suffix split off. */
function fromNatural(name: string): CslName {
  const words = name.split(' ');
  let suffix: string | undefined;
  const lastWord = words[words.length - 1] ?? '';
  if (words.length > 2 && SUFFIX.test(lastWord)) {
    suffix = lastWord;
    words.pop();
  }
  if (words.length < 2 || words.length > MAX_PERSON_WORDS) return { literal: name };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has((words[start - 1] ?? '').toLowerCase())) start -= 1;
  return person(words.slice(start).join(' '), words.slice(0, start).join(' '), suffix);
}

function person(family: string, given: string, suffix?: string): CslName {
  return {
    family,
    ...(given === '' ? {} : { given }),
    ...(suffix === undefined ? {} : { suffix }),
  };
}

function withSuffix(name: CslName, suffix: string): CslName {
  return 'literal' in name ? { literal: `${name.literal}, ${suffix}` } : { ...name, suffix };
}

function looksLikeOrganisation(name: string): boolean {
  if (/[0-9@&/|]/.test(name)) return true;
  const words = name
    .toLowerCase()
    .split(/[\s,.]+/)
    .filter((word) => word !== '');
  if (words.length <= 1 || words[0] === 'the') return true;
  return words.some((word) => ORGANISATION_WORDS.has(word));
}

/** The family name without its particles, for citation keys: "van Beethoven" → "Beethoven". */
export function keyName(name: CslName): string {
  if ('literal' in name) return name.literal;
  const words = name.family.split(' ');
  const firstProper = words.findIndex((word) => !PARTICLES.has(word.toLowerCase()));
  return firstProper === -1 ? name.family : words.slice(firstProper).join(' ');
}
