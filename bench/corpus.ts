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
