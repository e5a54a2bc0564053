/**
 * CSV as RFC 4180 writes it (and as Pocket and Readwise export it): comma-separated, fields in
 * double quotes may hold commas, newlines and doubled quotes (""), lines end in CRLF or LF. A
 * quote inside an unquoted field is kept as written, the way spreadsheets read it.
 */
import { NotebookError } from '../../../shared/errors';

export interface CsvRow {
  /** The line the row starts on, counting from 1 (a quoted field may span several). */
  line: number;
  fields: string[];
}

/** Every row, the header included; blank lines are skipped. Throws invalid_argument on an unclosed quote. */
export function parseCsv(text: string): CsvRow[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let wasQuoted = false;

  const endField = (): void => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = (): void => {
    endField();
    if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
    fields = [];
  };

  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (char === ',') {
      endField();
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += char;
    }
  }
  if (quoted) {
    throw new NotebookError(
      'invalid_argument',
      `The CSV file has a quoted field that never ends (it starts on line ${rowLine}).`,
    );
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

/** A row as a record keyed by the header's names, lower-cased and trimmed. */
export function byHeader(header: readonly string[], row: CsvRow): Map<string, string> {
  const record = new Map<string, string>();
  header.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (!record.has(key)) record.set(key, row.fields[index] ?? '');
  });
  return record;
}

/** The header's names, lower-cased and trimmed, for checking which columns a file has. */
export function headerNames(header: readonly string[]): Set<string> {
  return new Set(header.map((name) => name.trim().toLowerCase()));
}
