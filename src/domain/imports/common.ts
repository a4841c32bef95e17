// What the two imports of people share: reading a French date, the key that says two records are
// the same person, and the shape of a preview line's problems and of the writes it plans. A
// problem is blocking (the line cannot be imported as it is) or a warning (it can, but read it).
import type { EntityName } from '../entities';
import { isIsoDate, type IsoDate } from '../rules/dates';

export interface ImportProblem {
  code: string;
  /** The column (CSV header) or field the problem is about; null for the whole line. */
  column: string | null;
  message: string;
  blocking: boolean;
}

export function blocking(code: string, column: string | null, message: string): ImportProblem {
  return { code, column, message, blocking: true };
}
export function warning(code: string, column: string | null, message: string): ImportProblem {
  return { code, column, message, blocking: false };
}

export type ImportValue = string | number | boolean | null | string[];
/** One write of the import's single batch (services.writeMany). */
export interface PlannedWrite { entity: EntityName; id: string; set: Record<string, ImportValue> }

export type DateRead = { ok: true; iso: IsoDate } | { ok: false; reason: 'illisible' | 'inexistante' };

/**
 * A date as French spreadsheets and the national service write it: JJ/MM/AAAA (also with `-`
 * or `.`, one-digit day or month), or already AAAA-MM-JJ. « 31/02/1990 » is read but does not exist.
 */
export function readFrenchDate(text: string): DateRead {
  const s = text.trim();
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const [y, m, d] = fr ? [fr[3], fr[2], fr[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (y === undefined || m === undefined || d === undefined) return { ok: false, reason: 'illisible' };
  const out = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(out) ? { ok: true, iso: out } : { ok: false, reason: 'inexistante' };
}

/** A name as compared: no accents, no case, any run of spaces, hyphens or apostrophes as one space. */
export function nameKey(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
}

/**
 * Two records are the same person when their names and birth dates agree. Les emplois sends
 * names in capitals without accents (« HELENE LEFEVRE »), a spreadsheet « Hélène Lefèvre »: both
 * give the same key. Without a birth date there is no key (two homonyms are not merged).
 */
export function personKey(p: { lastName: string; firstName: string; birthDate?: string | null | undefined }): string | null {
  if (p.birthDate == null || p.birthDate === '') return null;
  return `${nameKey(p.lastName)}|${nameKey(p.firstName)}|${p.birthDate}`;
}

/** « MARIE-CLAIRE » → « Marie-Claire », for names the national service sends in capitals. */
export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
