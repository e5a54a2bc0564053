/**
 * A seeded generator of realistic research notes: the same seed gives the same corpus, so runs
 * compare. Bodies are Markdown of 200 B to 20 KB (log-uniform: many short notes, some long),
 * with French and English words, accented names and places, nested tags and [[wikilinks]].
 */

/** mulberry32: tiny, fast, and good enough for test data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  chance(probability: number): boolean;
}

export interface CorpusNote {
  title: string;
  body: string;
  tags: string[];
  created: string;
  updated: string;
}

const PEOPLE = [
  'Aminata Keïta',
  'Boubacar Traoré',
  'Fatoumata Diallo',
  'Ibrahim Maïga',
  'Hélène Dubois',
  'Zoé Lefèvre',
  'Moussa Sidibé',
  'José Álvarez',
  'Jürgen Müller',
  'Aïssata Cissé',
];
const PLACES = [
  'Niamey',
  'Bamako',
  'Ouagadougou',
  'Tombouctou',
  'Gao',
  'Mopti',
  'Ségou',
  'Agadez',
  'Zinder',
  'Kidal',
  'Dakar',
  'Nouakchott',
];
const TOPICS = [
  'Sécurité',
  'sécurité alimentaire',
  'élections',
  'marchés',
  'transhumance',
  'éducation',
  'santé publique',
  'gouvernance',
  'climat',
  'migrations',
  'économie informelle',
  'irrigation',
];
const WORDS = (
  'the of and to in a is that for on with as was by field report data source interview notes village market price ' +
  'rain harvest season road border council budget survey archive press letter draft method question evidence ' +
  'le la les des et en une dans pour sur avec par est été selon rapport terrain données entretien marché prix ' +
  'récolte saison pluie frontière conseil région préfecture commune déplacés réfugiés étude enquête sources'
).split(' ');
const TAGS = [
  'sahel',
  'sahel/mali',
  'sahel/niger',
  'sahel/burkina-faso',
  'sécurité',
  'économie/agriculture',
  'économie/marchés',
  'sources/presse',
  'sources/rapports',
  'entretiens',
  'méthodologie',
  'todo',
  'à-lire',
];

const MIN_BODY = 200;
const MAX_BODY = 20_000;
const START = Date.parse('2019-01-01T00:00:00.000Z');
const SPAN = Date.parse('2025-01-01T00:00:00.000Z') - START;

export function generateTitle(random: Random): string {
  switch (random.int(0, 3)) {
    case 0:
      return `Entretien avec ${random.pick(PEOPLE)}`;
    case 1:
      return `${random.pick(TOPICS)} à ${random.pick(PLACES)}`;
    case 2:
      return `Notes: ${random.pick(TOPICS)} (${random.int(2019, 2024)})`;
    default:
      return `${capitalize(sentence(random, random.int(3, 8)).slice(0, -1))}`;
  }
}

/** A Markdown body of roughly `length` bytes. */
export function generateBody(random: Random, length = logUniform(random, MIN_BODY, MAX_BODY)): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const part = block(random);
    parts.push(part);
    size += Buffer.byteLength(part) + 2;
  }
  return parts.join('\n\n');
}

export function generateTags(random: Random): string[] {
  const count = random.int(0, 3);
  return [...new Set(Array.from({ length: count }, () => random.pick(TAGS)))];
}

export function generateNote(random: Random): CorpusNote {
  const created = START + Math.floor(random.next() * SPAN);
  const updated = created + (random.chance(0.5) ? 0 : Math.floor(random.next() * (START + SPAN - created)));
  return {
    title: generateTitle(random),
    body: generateBody(random),
    tags: generateTags(random),
    created: new Date(created).toISOString(),
    updated: new Date(updated).toISOString(),
  };
}

/** `count` notes from `seed`, generated as they are consumed (50,000 bodies are ~200 MB). */
export function* generateNotes(count: number, seed = 1): Generator<CorpusNote> {
  const random = createRandom(seed);
  for (let i = 0; i < count; i++) yield generateNote(random);
}

function block(random: Random): string {
  const kind = random.next();
  if (kind < 0.1) return `## ${capitalize(random.pick(TOPICS))}`;
  if (kind < 0.2)
    return Array.from({ length: random.int(2, 5) }, () => `- ${sentence(random, random.int(3, 10))}`).join(
      '\n',
    );
  if (kind < 0.27) return `> ${random.pick(PEOPLE)} : « ${sentence(random, random.int(8, 20))} »`;
  const sentences = Array.from({ length: random.int(2, 6) }, () => sentence(random, random.int(6, 22)));
  if (random.chance(0.3)) sentences.push(`Voir [[${random.pick(TOPICS)} à ${random.pick(PLACES)}]].`);
  if (random.chance(0.2)) sentences.push(`Source : [rapport](https://example.org/${random.int(1, 9999)}).`);
  return sentences.join(' ');
}

function sentence(random: Random, words: number): string {
  const list = Array.from({ length: words }, () => {
    const roll = random.next();
    if (roll < 0.05) return random.pick(PLACES);
    if (roll < 0.08) return random.pick(PEOPLE);
    if (roll < 0.1) return `**${random.pick(WORDS)}**`;
    return random.pick(WORDS);
  });
  return `${capitalize(list.join(' '))}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);
}

function logUniform(random: Random, min: number, max: number): number {
  return Math.round(Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min))));
}

/** A clipped web article: what the search bench indexes (text, not Markdown). */
export interface CorpusArticle {
  title: string;
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
  authors: string[];
  siteName: string;
  url: string;
  tags: string[];
  published: string;
  created: string;
  updated: string;
}

const FUNCTION_WORDS = (
  'the of and to in a is that for on with as was by it at from be this have are not or an which but were ' +
  'their has they had its more been also after who would there about than into other over between only ' +
  'le la les de des du et en un une dans pour sur avec par est qui que ne pas plus au aux ont été se sa son ses ' +
  'ce cette il elle ils sont comme mais ou où leur leurs entre selon après depuis avant'
).split(' ');
const CONTENT_WORDS = (
  'government minister army soldiers attack convoy village market price prices harvest drought rain season ' +
  'border council budget budgets budgetary survey archive press report reports interview evidence withdrawal ' +
  'withdraw withdrawn camp camps refugees displaced negotiation negotiations agreement ceasefire election ' +
  'elections vote voters mining gold cotton cattle herders farmers water wells road roads school schools ' +
  'health clinic clinics vaccine security insurgents militia militias patrol patrols mission peacekeepers ' +
  'retrait retraits armée sécurité sécurités accord accords négociation élection élections récolte pluie ' +
  'marché marchés frontière frontières réfugiés déplacés enquête enquêtes rapport rapports éleveurs ' +
  'agriculteurs écoles santé eau puits routes conseil budget gouvernement ministre soldats attaque convoi'
).split(' ');
const SITES = [
  'lemonde.fr',
  'rfi.fr',
  'jeuneafrique.com',
  'reuters.com',
  'apnews.com',
  'theguardian.com',
  'aljazeera.com',
  'crisisgroup.org',
  'acleddata.com',
  'studio-tamani.org',
  'maliweb.net',
  'lefaso.net',
  'actuniger.com',
  'reliefweb.int',
  'hrw.org',
  'amnesty.org',
];
const SYLLABLES =
  'ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu ya yo za zo an en in on or ar er'.split(
    ' ',
  );
const RARE_WORDS = 40_000;

let vocabulary: { words: string[]; cumulative: Float64Array } | null = null;

/** Content words then a long tail of made-up words, Zipf-weighted: like real text, most words are rare. */
function zipfVocabulary(): { words: string[]; cumulative: Float64Array } {
  if (vocabulary) return vocabulary;
  const random = createRandom(7);
  const words = [...CONTENT_WORDS];
  const seen = new Set(words);
  while (words.length < CONTENT_WORDS.length + RARE_WORDS) {
    const word = Array.from({ length: random.int(2, 4) }, () => random.pick(SYLLABLES)).join('');
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let rank = 0; rank < words.length; rank++) cumulative[rank] = sum += 1 / (rank + 10);
  for (let rank = 0; rank < words.length; rank++) cumulative[rank] = (cumulative[rank] ?? 0) / sum;
  return (vocabulary = { words, cumulative });
}

function zipfWord(random: Random): string {
  const { words, cumulative } = zipfVocabulary();
  const target = random.next();
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((cumulative[mid] ?? 1) < target) low = mid + 1;
    else high = mid;
  }
  return words[low] ?? 'the';
}

/** Who and where an article is about: a few names, mentioned again and again, as in real reporting. */
interface Cast {
  people: string[];
  places: string[];
}

function articleSentence(random: Random, words: number, cast: Cast): string {
  const list = Array.from({ length: words }, () => {
    const roll = random.next();
    if (roll < 0.02) return random.pick(cast.places);
    if (roll < 0.03) return random.pick(cast.people);
    if (roll < 0.5) return random.pick(FUNCTION_WORDS);
    return zipfWord(random);
  });
  return `${capitalize(list.join(' '))}.`;
}

/** One article of 1 KB to 16 KB of text (log-uniform, ~5.3 KB on average). */
export function generateArticle(random: Random): CorpusArticle {
  const cast: Cast = {
    people: Array.from({ length: random.int(1, 3) }, () => random.pick(PEOPLE)),
    places: Array.from({ length: random.int(1, 2) }, () => random.pick(PLACES)),
  };
  const length = logUniform(random, 1_000, 15_500);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < length) {
    const paragraph = Array.from({ length: random.int(2, 6) }, () =>
      articleSentence(random, random.int(8, 28), cast),
    ).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  const published = START + Math.floor(random.next() * SPAN);
  const created = published + Math.floor(random.next() * (START + SPAN - published));
  const siteName = random.pick(SITES);
  const day = new Date(published).toISOString().slice(0, 10);
  const title = capitalize(
    random.chance(0.5)
      ? `${random.pick(TOPICS)} à ${random.pick(cast.places)} : ${articleSentence(random, random.int(3, 7), cast).slice(0, -1)}`
      : articleSentence(random, random.int(5, 11), cast).slice(0, -1),
  );
  return {
    title,
    text: paragraphs.join('\n\n'),
    authors: [...new Set(Array.from({ length: random.int(0, 2) }, () => random.pick(PEOPLE)))],
    siteName,
    url: `https://www.${siteName}/${day.slice(0, 7).replace('-', '/')}/article-${random.int(1, 999_999)}`,
    tags: generateTags(random),
    published: day,
    created: new Date(created).toISOString(),
    updated: new Date(created).toISOString(),
  };
}

/** `count` articles from `seed`, generated as they are consumed (50,000 are ~265 MB of text). */
export function* generateArticles(count: number, seed = 1): Generator<CorpusArticle> {
  const random = createRandom(seed);
  for (let i = 0; i < count; i++) yield generateArticle(random);
}

/** The `count` rarest words of the articles' vocabulary (each in a few articles per 10,000). */
export function rareArticleWords(count: number): string[] {
  const { words } = zipfVocabulary();
  return words.slice(words.length - count);
}
