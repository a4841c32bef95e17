// The référentiel activités-compétences as CSV, so a structure can start from the grid it
// already keeps in a spreadsheet: one line per competence, `;`-separated (what French Excel
// writes), UTF-8 with a BOM on export; import also accepts `,` and is forgiving on the words
// (« sécurité » or « securite », « oui »/« non »), and says which line is wrong, in French.
import { COMPETENCE_KINDS } from '../entities';
import { pictogramNameOf } from './pictogramNames';
import { COMPETENCE_KIND_LABELS } from '../rules/labels';
import { splitCsvRecords } from '../csv';

export type CompetenceKind = (typeof COMPETENCE_KINDS)[number];

export const CSV_COLUMNS = ['activite', 'codes_rome_activite', 'competence', 'description', 'nature', 'code_rome', 'pictogramme', 'critique_securite'] as const;

export interface ReferentielRow {
  activity: string;
  activityRomeCodes: string[];
  label: string;
  description: string;
  kind: CompetenceKind | null;
  romeCode: string | null;
  pictogram: string | null;
  safetyCritical: boolean;
}

export interface CsvProblem { line: number; message: string }

const ROME = /^[A-N]\d{4}$/;

/** Split CSV text into records of cells (RFC 4180 quoting, CRLF or LF): the shared reader, lines dropped. */
export function splitCsv(text: string, sep: string): string[][] {
  return splitCsvRecords(text, sep).map((r) => r.cells);
}

const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

function parseKind(s: string): CompetenceKind | null | undefined {
  const k = strip(s).replace(/[\s-]+/g, '_');
  if (k === '') return null;
  for (const kind of COMPETENCE_KINDS) {
    if (k === kind || k === strip(COMPETENCE_KIND_LABELS[kind]).replace(/[\s-]+/g, '_')) return kind;
  }
  if (k === 'geste' || k === 'technique') return 'technique';
  return undefined;
}

function parseBool(s: string): boolean | undefined {
  const k = strip(s);
  if (['', 'non', 'n', 'no', 'false', '0'].includes(k)) return false;
  if (['oui', 'o', 'yes', 'true', '1', 'x'].includes(k)) return true;
  return undefined;
}

/** Parse a référentiel. Lines with a problem are left out and reported; the others are kept. */
export function parseReferentielCsv(text: string): { rows: ReferentielRow[]; problems: CsvProblem[] } {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const sep = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  const records = splitCsv(text, sep);
  const header = (records[0] ?? []).map((h) => strip(h).replace(/[\s-]+/g, '_'));
  const col = (name: (typeof CSV_COLUMNS)[number]) => header.indexOf(name);
  const problems: CsvProblem[] = [];
  if (col('activite') < 0 || col('competence') < 0) {
    return { rows: [], problems: [{ line: 1, message: 'En-tête attendu : colonnes « activite » et « competence » au moins (séparées par « ; »).' }] };
  }
  const rows: ReferentielRow[] = [];
  records.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const get = (name: (typeof CSV_COLUMNS)[number]) => { const c = col(name); return c < 0 ? '' : (cells[c] ?? '').trim(); };
    if (cells.every((c) => c.trim() === '')) return;
    const activity = get('activite');
    const label = get('competence');
    if (activity === '') return void problems.push({ line, message: 'activité manquante' });
    if (label === '') return void problems.push({ line, message: 'compétence manquante' });
    if (label.length > 200 || activity.length > 200) return void problems.push({ line, message: 'libellé trop long (200 caractères au plus)' });
    const kind = parseKind(get('nature'));
    if (kind === undefined) return void problems.push({ line, message: `nature inconnue « ${get('nature')} » (technique, sécurité ou savoir-être)` });
    const romeCode = get('code_rome').toUpperCase();
    if (romeCode !== '' && !ROME.test(romeCode)) return void problems.push({ line, message: `code ROME invalide « ${romeCode} » (une lettre et 4 chiffres)` });
    const activityRomeCodes = get('codes_rome_activite').toUpperCase().split(/[\s,|/]+/).filter((c) => c !== '');
    const badRome = activityRomeCodes.find((c) => !ROME.test(c));
    if (badRome !== undefined) return void problems.push({ line, message: `code ROME d’activité invalide « ${badRome} »` });
    const safety = parseBool(get('critique_securite'));
    if (safety === undefined) return void problems.push({ line, message: `critique_securite : « oui » ou « non » attendu` });
    // A pictogram name, or an emoji an older grid or export holds (mapped to its name); text
    // that names no pictogram is left out rather than stored as a picture no screen can draw.
    const pictogram = pictogramNameOf(get('pictogramme'));
    rows.push({ activity, activityRomeCodes, label, description: get('description'), kind, romeCode: romeCode === '' ? null : romeCode, pictogram, safetyCritical: safety });
  });
  return { rows, problems };
}

function quote(s: string, sep: string): string {
  return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface ActivityLike { id: string; name: string; romeCodes?: readonly string[] | null | undefined }
export interface CompetenceLike {
  id: string; activityId: string; label: string; description?: string | null | undefined; kind?: string | null | undefined;
  romeCode?: string | null | undefined; pictogram?: string | null | undefined; safetyCritical?: boolean | null | undefined;
}

/** The référentiel as CSV (with a BOM so Excel reads the accents), activities and competences by name. */
export function serializeReferentielCsv(activities: readonly ActivityLike[], competences: readonly CompetenceLike[], sep = ';'): string {
  const lines = [CSV_COLUMNS.join(sep)];
  const sorted = [...activities].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  for (const a of sorted) {
    for (const c of competences.filter((x) => x.activityId === a.id).sort((x, y) => x.label.localeCompare(y.label, 'fr'))) {
      const cells = [a.name, (a.romeCodes ?? []).join(' '), c.label, c.description ?? '', c.kind ?? '', c.romeCode ?? '', c.pictogram ?? '', c.safetyCritical === true ? 'oui' : 'non'];
      lines.push(cells.map((x) => quote(x, sep)).join(sep));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export type ImportValue = string | boolean | null | string[];
export interface ImportWrite { entity: 'activity' | 'competence'; id: string; set: Record<string, ImportValue> }

/**
 * What importing rows into an existing référentiel writes: activities and competences matched
 * by name (case and accents ignored) are updated, the others created. Nothing is deleted: an
 * import never erases a competence that evaluations point at.
 */
export function planImport(existing: { activities: readonly ActivityLike[]; competences: readonly CompetenceLike[] }, rows: readonly ReferentielRow[], newId: () => string): ImportWrite[] {
  const writes: ImportWrite[] = [];
  const activityIds = new Map(existing.activities.map((a) => [strip(a.name), a.id]));
  const competenceIds = new Map(existing.competences.map((c) => [`${c.activityId}|${strip(c.label)}`, c.id]));
  const activitySets = new Map<string, Record<string, ImportValue>>();
  for (const r of rows) {
    let activityId = activityIds.get(strip(r.activity));
    if (activityId === undefined) {
      activityId = newId();
      activityIds.set(strip(r.activity), activityId);
      activitySets.set(activityId, { name: r.activity, romeCodes: r.activityRomeCodes });
    } else if (r.activityRomeCodes.length > 0) {
      activitySets.set(activityId, { ...activitySets.get(activityId), romeCodes: r.activityRomeCodes });
    }
    const key = `${activityId}|${strip(r.label)}`;
    let competenceId = competenceIds.get(key);
    if (competenceId === undefined) {
      competenceId = newId();
      competenceIds.set(key, competenceId);
    }
    writes.push({ entity: 'competence', id: competenceId, set: {
      activityId, label: r.label, description: r.description === '' ? null : r.description, kind: r.kind, romeCode: r.romeCode, pictogram: r.pictogram, safetyCritical: r.safetyCritical,
    } });
  }
  const activityWrites: ImportWrite[] = [...activitySets].map(([id, set]) => ({ entity: 'activity', id, set }));
  return [...activityWrites, ...writes];
}
