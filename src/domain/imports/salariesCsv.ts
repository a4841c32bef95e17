// Bringing a structure's existing salariés in from its spreadsheet. The file is what French Excel
// writes with « CSV (séparateur : point-virgule) »: `;` (a `,` or tab file is read too), UTF-8
// with or without BOM, CRLF or LF, quoted cells. The first line names the columns; they are found
// by their French header, whatever the order, case, accents or a « (oui/non) » after the name:
//
//   Nom *            required
//   Prénom *         required
//   Date de naissance  JJ/MM/AAAA — with the names, how a person already in Tremplin is recognised
//   Téléphone
//   Prescripteur
//   Date d'entrée    JJ/MM/AAAA
//   RQTH             oui / non (empty: not known, nothing written)
//   Équipe           the name of a team already created in Tremplin
//
// Other columns are ignored (and said so). The parse is a PREVIEW: one line per person with every
// problem named (column and why); nothing is written here. A line with a blocking problem cannot
// be imported — the screen leaves it unticked: fix the file and load it again. A line already in
// Tremplin (same names and birth date) is never imported twice, nor updated: the file is not a
// better source than what the coordination has since written.
import { detectSeparator, headerKey, splitCsvRecords } from '../csv';
import { frDate } from '../rules/problem';
import { blocking, personKey, readFrenchDate, warning, nameKey, type ImportProblem, type PlannedWrite } from './common';

export const SALARIE_COLUMNS = {
  lastName: { label: 'Nom', keys: ['nom', 'nomdefamille', 'nomdusage'] },
  firstName: { label: 'Prénom', keys: ['prenom', 'prenoms'] },
  birthDate: { label: 'Date de naissance', keys: ['datedenaissance', 'naissance', 'nele', 'neele'] },
  phone: { label: 'Téléphone', keys: ['telephone', 'tel', 'portable', 'telephoneportable'] },
  prescriber: { label: 'Prescripteur', keys: ['prescripteur', 'orienteur', 'orientepar'] },
  entryDate: { label: 'Date d’entrée', keys: ['datedentree', 'entree', 'dateentree', 'datedembauche', 'embauche'] },
  rqth: { label: 'RQTH', keys: ['rqth'] },
  team: { label: 'Équipe', keys: ['equipe'] },
} as const;
export type SalarieColumn = keyof typeof SALARIE_COLUMNS;

/** One line of the file as read, with what it would become and what is wrong with it. */
export interface SalarieLine {
  line: number;
  lastName: string;
  firstName: string;
  birthDate: string | null;
  entryDate: string | null;
  phone: string | null;
  prescriber: string | null;
  rqth: boolean | null;
  /** The team's name as written, and the team it names (null: no team, or unknown). */
  teamName: string | null;
  teamId: string | null;
  problems: ImportProblem[];
}

export interface SalariesPreview {
  /** Problems of the whole file (no header, missing column, ignored columns). */
  fileProblems: ImportProblem[];
  lines: SalarieLine[];
}

export interface ExistingPeople {
  salaries: readonly { lastName: string; firstName: string; birthDate?: string | null | undefined }[];
  teams: readonly { id: string; name: string }[];
}

const MAX = 200;

export function isImportable(l: { problems: readonly ImportProblem[] }): boolean {
  return !l.problems.some((p) => p.blocking);
}

function readBool(s: string): boolean | null | undefined {
  const k = headerKey(s);
  if (k === '') return null;
  if (['non', 'n', 'no', 'false', '0', 'faux'].includes(k)) return false;
  if (['oui', 'o', 'yes', 'true', '1', 'x', 'vrai'].includes(k)) return true;
  return undefined;
}

/** Read the file into a preview; `today` bounds the dates. */
export function parseSalariesCsv(text: string, existing: ExistingPeople, today: string): SalariesPreview {
  const records = splitCsvRecords(text, detectSeparator(text)).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = records[0];
  if (header === undefined) return { fileProblems: [blocking('empty_file', null, 'Le fichier est vide.')], lines: [] };
  const col = new Map<SalarieColumn, number>();
  const ignored: string[] = [];
  header.cells.forEach((h, i) => {
    const k = headerKey(h);
    const found = (Object.keys(SALARIE_COLUMNS) as SalarieColumn[]).find((c) => (SALARIE_COLUMNS[c].keys as readonly string[]).includes(k));
    if (found !== undefined && !col.has(found)) col.set(found, i);
    else if (h.trim() !== '') ignored.push(h.trim());
  });
  const fileProblems: ImportProblem[] = [];
  const missing = (['lastName', 'firstName'] as const).filter((c) => !col.has(c)).map((c) => `« ${SALARIE_COLUMNS[c].label} »`);
  if (missing.length > 0) {
    fileProblems.push(blocking('missing_column', null, `Ligne ${header.line} : colonne ${missing.join(' et ')} introuvable. La première ligne doit nommer les colonnes : Nom ; Prénom ; Date de naissance ; Téléphone ; Prescripteur ; Date d’entrée ; RQTH ; Équipe.`));
    return { fileProblems, lines: [] };
  }
  if (ignored.length > 0) fileProblems.push(warning('ignored_columns', null, `Colonne(s) ignorée(s) : ${ignored.map((h) => `« ${h} »`).join(', ')}.`));

  const teams = new Map(existing.teams.map((t) => [nameKey(t.name), t]));
  const present = new Set(existing.salaries.map(personKey).filter((k): k is string => k !== null));
  const seen = new Map<string, number>();
  const lines = records.slice(1).map((r): SalarieLine => {
    const get = (c: SalarieColumn) => { const i = col.get(c); return i === undefined ? '' : (r.cells[i] ?? '').trim().replace(/\s+/g, ' '); };
    const problems: ImportProblem[] = [];
    const label = (c: SalarieColumn) => SALARIE_COLUMNS[c].label;
    const text = (c: SalarieColumn): string | null => {
      const v = get(c);
      if (v.length > MAX) problems.push(blocking('too_long', label(c), `texte trop long (${MAX} caractères au plus)`));
      return v === '' ? null : v;
    };
    const date = (c: 'birthDate' | 'entryDate'): string | null => {
      const v = get(c);
      if (v === '') return null;
      const d = readFrenchDate(v);
      if (!d.ok) {
        problems.push(blocking(`date_${d.reason}`, label(c), d.reason === 'inexistante' ? `date inexistante « ${v} »` : `date illisible « ${v} » (JJ/MM/AAAA attendu)`));
        return null;
      }
      return d.iso;
    };
    const lastName = text('lastName') ?? '';
    const firstName = text('firstName') ?? '';
    if (lastName === '') problems.push(blocking('last_name_missing', label('lastName'), 'nom manquant'));
    if (firstName === '') problems.push(blocking('first_name_missing', label('firstName'), 'prénom manquant'));
    const birthDate = date('birthDate');
    if (birthDate !== null && birthDate > today) problems.push(blocking('birth_in_future', label('birthDate'), `date de naissance dans le futur (${frDate(birthDate)})`));
    if (birthDate === null && get('birthDate') === '') problems.push(warning('birth_missing', label('birthDate'), 'date de naissance manquante : un doublon ne pourra pas être repéré'));
    const entryDate = date('entryDate');
    if (birthDate !== null && entryDate !== null && entryDate <= birthDate) problems.push(blocking('entry_before_birth', label('entryDate'), 'date d’entrée avant la date de naissance'));
    const phone = text('phone');
    if (phone !== null && !/^(\+33|0033|0)[1-9](\d{8})$/.test(phone.replace(/[\s.-]/g, ''))) problems.push(warning('phone_format', label('phone'), `numéro inhabituel « ${phone} » (10 chiffres attendus)`));
    const prescriber = text('prescriber');
    const rqthText = get('rqth');
    const rqth = readBool(rqthText);
    if (rqth === undefined) problems.push(blocking('rqth_value', label('rqth'), `« oui » ou « non » attendu, pas « ${rqthText} »`));
    const teamName = text('team');
    const team = teamName === null ? undefined : teams.get(nameKey(teamName));
    if (teamName !== null && team === undefined) {
      const known = existing.teams.map((t) => t.name).join(', ');
      problems.push(blocking('team_unknown', label('team'), `équipe inconnue « ${teamName} »${known === '' ? ' (aucune équipe créée)' : ` (équipes : ${known})`}`));
    }
    const key = lastName !== '' && firstName !== '' ? personKey({ lastName, firstName, birthDate }) : null;
    if (key !== null) {
      const first = seen.get(key);
      if (first !== undefined) problems.push(blocking('duplicate_in_file', null, `doublon dans le fichier : même personne qu’à la ligne ${first}`));
      else seen.set(key, r.line);
      if (present.has(key)) problems.push(blocking('already_present', null, 'déjà présent dans Tremplin (mêmes nom, prénom et date de naissance)'));
    }
    return { line: r.line, lastName, firstName, birthDate, entryDate, phone, prescriber, rqth: rqth ?? null, teamName, teamId: team?.id ?? null, problems };
  });
  if (lines.length === 0) fileProblems.push(blocking('no_lines', null, 'Le fichier ne contient que la ligne d’en-tête.'));
  return { fileProblems, lines };
}

/**
 * The writes of the lines the user kept: each salarié, and their membership of the team named
 * (from their entry date, or today). A line with a blocking problem is never planned.
 */
export function planSalariesImport(lines: readonly SalarieLine[], structureId: string, today: string, newId: () => string): PlannedWrite[] {
  const out: PlannedWrite[] = [];
  for (const l of lines) {
    if (!isImportable(l)) continue;
    const id = newId();
    out.push({ entity: 'salarie', id, set: {
      structureId, lastName: l.lastName, firstName: l.firstName, birthDate: l.birthDate, entryDate: l.entryDate,
      phone: l.phone, prescriber: l.prescriber, rqth: l.rqth,
    } });
    if (l.teamId !== null) out.push({ entity: 'membership', id: newId(), set: { structureId, teamId: l.teamId, salarieId: id, from: l.entryDate ?? today } });
  }
  return out;
}
