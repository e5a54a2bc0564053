/**
 * Dates as pages write them, as ISO 8601 and no more precise than the page: `2024/11/12` and
 * `12 Nov 2024` become `2024-11-12`; a date-time keeps its time and the offset it was given with.
 */

const MONTHS: Record<string, number> = {};
const MONTH_NAMES = [
  ['january', 'janvier', 'januar', 'enero', 'gennaio', 'janeiro'],
  ['february', 'février', 'fevrier', 'februar', 'febrero', 'febbraio', 'fevereiro'],
  ['march', 'mars', 'märz', 'marz', 'marzo', 'março'],
  ['april', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'maio'],
  ['june', 'juin', 'juni', 'junio', 'giugno', 'junho'],
  ['july', 'juillet', 'juli', 'julio', 'luglio', 'julho'],
  ['august', 'août', 'aout', 'agosto'],
  ['september', 'septembre', 'septiembre', 'settembre', 'setembro', 'sept'],
  ['october', 'octobre', 'oktober', 'octubre', 'ottobre', 'outubro'],
  ['november', 'novembre', 'noviembre', 'novembro'],
  ['december', 'décembre', 'decembre', 'dezember', 'diciembre', 'dicembre', 'dezembro'],
];
// Abbreviations with no simple three-letter form.
const ABBREVIATIONS: Record<string, number> = { janv: 1, févr: 2, fevr: 2, avr: 4, juil: 7, sept: 9 };
MONTH_NAMES.forEach((names, index) => {
  for (const name of names) {
    MONTHS[name] = index + 1;
    MONTHS[name.slice(0, 3)] ??= index + 1;
  }
});
Object.assign(MONTHS, ABBREVIATIONS);

const pad = (value: number | string, width = 2): string => String(value).padStart(width, '0');

/**
 * The calendar date of an ISO 8601 date or date-time, in the time zone the page wrote it in
 * (`2024-11-12T23:30:00-08:00` is `2024-11-12`): what a clip's `published` and a citation need.
 */
export function calendarDate(iso: string | null): string | null {
  return iso === null ? null : iso.slice(0, 10);
}

/** An ISO 8601 date or date-time, or null when `raw` is not a date this understands. */
export function normalizeDate(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (text === '' || text.length > 100) return null;
  return isoLike(text) ?? numericDate(text) ?? wordyDate(text) ?? parsedByJs(text);
}

// 2024, 2024-11, 2024-11-12, 2024-11-12T08:03, …:05.123+01:00, 20241112
function isoLike(text: string): string | null {
  const match =
    /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?)?)?$/i.exec(
      text,
    ) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, zone] = match;
  if (!validDate(Number(year), month === undefined ? 1 : Number(month), day === undefined ? 1 : Number(day)))
    return null;
  let iso = [year, month, day].filter((part) => part !== undefined).join('-');
  if (hour === undefined || minute === undefined) return iso;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return null;
  iso += `T${hour}:${minute}${second === undefined ? '' : `:${second}`}`;
  return iso + offset(zone);
}

function offset(zone: string | undefined): string {
  if (zone === undefined) return '';
  if (zone.toUpperCase() === 'Z') return 'Z';
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${pad(digits.slice(2) || '0')}`;
}

// 2024/11/12, 2024.11.12, 12/11/2024 is ambiguous and refused unless the day is obvious (> 12).
function numericDate(text: string): string | null {
  const ymd = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?(?:[ T](\d{1,2}):(\d{2}))?$/.exec(text);
  if (ymd !== null) {
    const [, year, month, day, hour, minute] = ymd;
    return assemble(Number(year), Number(month), day === undefined ? undefined : Number(day), hour, minute);
  }
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (dmy === null) return null;
  const [a, b, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  if (a > 12 && b <= 12) return assemble(year, b, a);
  if (b > 12 && a <= 12) return assemble(year, a, b);
  return null;
}

// November 12, 2024 · Tuesday, November 12, 2024 · 12 Nov 2024 · 7 Nov 2024 19:24 · 12 novembre 2024
function wordyDate(text: string): string | null {
  const cleaned = text
    .toLowerCase()
    .replace(
      /^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[.,]|[a-z]+day,?|(?:(?:lun|mar|mercre|jeu|vendre|same)di|dimanche),?)\s+/u,
      '',
    )
    .replace(/\b(\d{1,2})(?:st|nd|rd|th|er)\b/g, '$1')
    .replace(/\b(?:de|del|of|the)\b/g, ' ')
    .replace(/[,.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const time = /\s(?:at\s|à\s)?(\d{1,2})[:h](\d{2})(?:\s?(am|pm))?(?:\s.*)?$/.exec(cleaned);
  const datePart = time === null ? cleaned : cleaned.slice(0, time.index);
  const monthFirst = /^([a-zéûç]+) (\d{1,2}) (\d{4})$/u.exec(datePart);
  const dayFirst = /^(\d{1,2}) ([a-zéûç]+) (\d{4})$/u.exec(datePart);
  const monthYear = /^([a-zéûç]+) (\d{4})$/u.exec(datePart);
  let parts: [number, number | undefined, number | undefined] | null = null;
  if (monthFirst !== null)
    parts = [Number(monthFirst[3]), MONTHS[monthFirst[1] ?? ''], Number(monthFirst[2])];
  else if (dayFirst !== null) parts = [Number(dayFirst[3]), MONTHS[dayFirst[2] ?? ''], Number(dayFirst[1])];
  else if (monthYear !== null) parts = [Number(monthYear[2]), MONTHS[monthYear[1] ?? ''], undefined];
  if (parts === null || parts[1] === undefined) return null;
  let hour = time?.[1];
  if (time?.[3] !== undefined && hour !== undefined)
    hour = String((Number(hour) % 12) + (time[3] === 'pm' ? 12 : 0));
  return assemble(parts[0], parts[1], parts[2], hour, time?.[2]);
}

// RFC 2822 and other forms JavaScript reads unambiguously, when they carry a zone.
function parsedByJs(text: string): string | null {
  if (!/\b(?:GMT|UTC|Z|[+-]\d{4})\b/i.test(text)) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace('.000Z', 'Z');
}

function assemble(year: number, month: number, day?: number, hour?: string, minute?: string): string | null {
  if (!validDate(year, month, day ?? 1)) return null;
  let iso = `${year}-${pad(month)}`;
  if (day === undefined) return iso;
  iso += `-${pad(day)}`;
  if (hour === undefined || minute === undefined || Number(hour) > 23 || Number(minute) > 59) return iso;
  return `${iso}T${pad(hour)}:${minute}`;
}

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
