// The monthly hours export, one line per salarié: what payroll and the state declaration need.
// French spreadsheet software opens it as is: UTF-8 with a BOM, ';' between fields, ',' for
// decimals, CRLF line ends, fields quoted only when they must be. Columns: docs/EXPORT-HEURES.md.
import { ABSENCE_TYPES } from '../entities';
import { ABSENCE_TYPE_LABELS } from '../rules/labels';
import { absenceTotal, fromCenti, type Totals } from './hours';

export const BOM = '\uFEFF';
export const SEPARATOR = ';';

export const EXPORT_COLUMNS: readonly string[] = [
  'Mois', 'Identifiant salarié', 'Nom', 'Prénom', 'Heures hebdomadaires du contrat', 'Heures travaillées',
  ...ABSENCE_TYPES.map((t) => `Heures absence ${ABSENCE_TYPE_LABELS[t].toLowerCase()}`),
  'Total heures d’absence', 'Jours travaillés', 'Retards (minutes)',
];

export interface ExportRow {
  salarieId: string;
  lastName: string;
  firstName: string;
  /** Null when no contract covers the month. */
  weeklyHours: number | null;
  totals: Totals;
}

/** 6.5 → '6,50'; hours always with two decimals so columns line up. */
export function frNumber(n: number, decimals = 2): string {
  return n.toFixed(decimals).replace('.', ',');
}

export function parseFrNumber(s: string): number {
  return Number(s.replace(/\s/g, '').replace(',', '.'));
}

export function csvField(value: string): string {
  return /[;"\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function exportLine(month: string, r: ExportRow): string[] {
  const t = r.totals;
  return [
    month, r.salarieId, r.lastName, r.firstName,
    r.weeklyHours === null ? '' : frNumber(r.weeklyHours),
    frNumber(fromCenti(t.worked)),
    ...ABSENCE_TYPES.map((k) => frNumber(fromCenti(t.absence[k]))),
    frNumber(fromCenti(absenceTotal(t))),
    String(t.daysWorked), String(t.lateMinutes),
  ];
}

/** The file's text, rows sorted by name so two exports of the same month are identical. */
export function buildMonthCsv(month: string, rows: readonly ExportRow[]): string {
  const sorted = [...rows].sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr') || a.salarieId.localeCompare(b.salarieId));
  const lines = [EXPORT_COLUMNS, ...sorted.map((r) => exportLine(month, r))];
  return BOM + lines.map((l) => l.map(csvField).join(SEPARATOR)).join('\r\n') + '\r\n';
}

/** Read back what buildMonthCsv wrote (tests, and checking a downloaded file). */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === SEPARATOR) { row.push(field); field = ''; }
    else if (ch === '\r' && src[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

export function exportFileName(structureName: string, month: string): string {
  const slug = structureName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  return `heures-${slug || 'structure'}-${month}.csv`;
}
