// Bringing people in from the state's service « Les emplois de l'inclusion »: the *fiches
// salarié* its API gives a structure (`GET /api/v1/employee-records/`, one page: `{count, next,
// previous, results}`), saved as a file and loaded here. Each fiche gives a person (names in
// capitals without accents, birth date JJ/MM/AAAA), their PASS IAE (number, first and last day),
// the RQTH and a phone. The fields are read where the API has put them over its versions: the PASS
// under `personnePhysique` or at the top of the fiche.
//
// A fiche creates the salarié, or finds them (same names and birth date, accents and case
// ignored) and only fills what Tremplin does not know yet: what the coordination wrote since is
// never overwritten, a disagreement is shown instead. Its PASS is found by number (or the
// salarié's PASS without number and with the same start) and created or completed. The preview
// also compares the PASS end date the service sent with the one Tremplin computes (rules/pass.ts,
// with the suspensions and prolongations Tremplin holds for that PASS): a difference is shown,
// not corrected — a suspension is missing on one side, and only a person can say which.
import { z } from 'zod';
import { diffDays } from '../rules/dates';
import { passEndDate, type ProlongationLike } from '../rules/pass';
import { frDate } from '../rules/problem';
import { blocking, personKey, readFrenchDate, titleCase, warning, type ImportProblem, type ImportValue, type PlannedWrite } from './common';

const text = z.string().nullish();
const fiche = z.object({
  siret: z.union([z.string(), z.number()]).nullish(),
  numeroAnnexe: text,
  passIae: text,
  passDateDeb: text,
  passDateFin: text,
  personnePhysique: z.object({
    nomUsage: text,
    prenom: text,
    dateNaissance: text,
    passIae: text,
    passDateDeb: text,
    passDateFin: text,
  }).passthrough(),
  adresse: z.object({ adrTelephone: text }).passthrough().nullish(),
  situationSalarie: z.object({ salarieRQTH: z.boolean().nullish() }).passthrough().nullish(),
}).passthrough();
const page = z.object({
  count: z.number().int().nonnegative().optional(),
  next: z.string().nullish(),
  previous: z.string().nullish(),
  results: z.array(z.unknown()),
}).passthrough();

export interface ExistingRecords {
  salaries: readonly { id: string; lastName: string; firstName: string; birthDate?: string | null | undefined; rqth?: boolean | null | undefined; phone?: string | null | undefined }[];
  passes: readonly { id: string; salarieId: string; number?: string | null | undefined; start: string }[];
  suspensions: readonly { passIaeId: string; start: string; end: string }[];
  prolongations: readonly (ProlongationLike & { passIaeId: string })[];
  structureSiret?: string | null | undefined;
}

export type Action = 'create' | 'update' | 'unchanged';

/** One fiche as the preview shows it. */
export interface FicheLine {
  /** 1-based position of the fiche in the file. */
  index: number;
  lastName: string;
  firstName: string;
  birthDate: string | null;
  passNumber: string | null;
  passStart: string | null;
  /** The last day of the PASS as the service sent it, and as Tremplin computes it. */
  nationalEnd: string | null;
  computedEnd: string | null;
  salarie: { id: string | null; action: Action; set: Record<string, ImportValue> };
  pass: { id: string | null; action: Action; set: Record<string, ImportValue> };
  /** What the import will change, in French, one item each. */
  changes: string[];
  problems: ImportProblem[];
}

export interface FichesPreview {
  fileProblems: ImportProblem[];
  lines: FicheLine[];
}

const PASS_NUMBER = /^[0-9A-Z]{12}$/;

function fileProblem(message: string): FichesPreview {
  return { fileProblems: [blocking('file', null, message)], lines: [] };
}

/** Read the file saved from the API into a preview, against what the device holds. */
export function parseEmployeeRecords(json: string, existing: ExistingRecords): FichesPreview {
  let data: unknown;
  try { data = JSON.parse(json.replace(/^\uFEFF/, '')); } catch { return fileProblem('Ce fichier n’est pas un fichier JSON lisible : enregistrez la réponse de l’API des fiches salarié telle quelle.'); }
  const parsed = page.safeParse(Array.isArray(data) ? { results: data } : data);
  if (!parsed.success) return fileProblem('Fichier inattendu : la réponse de l’API des fiches salarié (`{count, next, previous, results}`) est attendue.');
  const fileProblems: ImportProblem[] = [];
  const { results, next, count } = parsed.data;
  if (next != null && next !== '') fileProblems.push(warning('more_pages', null, `Ce fichier ne contient qu’une page (${results.length} fiche(s)${count !== undefined ? ` sur ${count}` : ''}) : enregistrez aussi la page suivante (${next}).`));
  if (results.length === 0) fileProblems.push(blocking('no_records', null, 'Ce fichier ne contient aucune fiche salarié.'));

  const byKey = new Map<string, ExistingRecords['salaries'][number]>();
  for (const s of existing.salaries) { const k = personKey(s); if (k !== null && !byKey.has(k)) byKey.set(k, s); }
  const names = new Map(existing.salaries.map((s) => [s.id, `${s.firstName} ${s.lastName}`]));
  const seenKeys = new Map<string, number>();
  const seenPasses = new Map<string, number>();

  const lines = results.map((raw, i): FicheLine => {
    const index = i + 1;
    const problems: ImportProblem[] = [];
    const f = fiche.safeParse(raw);
    const empty: FicheLine = {
      index, lastName: '', firstName: '', birthDate: null, passNumber: null, passStart: null, nationalEnd: null, computedEnd: null,
      salarie: { id: null, action: 'unchanged', set: {} }, pass: { id: null, action: 'unchanged', set: {} }, changes: [], problems,
    };
    if (!f.success) { problems.push(blocking('fiche_shape', null, 'fiche illisible : « personnePhysique » manquant ou mal formé')); return empty; }
    const p = f.data.personnePhysique;
    const lastName = titleCase((p.nomUsage ?? '').trim());
    const firstName = titleCase((p.prenom ?? '').trim());
    if (lastName === '') problems.push(blocking('last_name_missing', 'nomUsage', 'nom manquant'));
    if (firstName === '') problems.push(blocking('first_name_missing', 'prenom', 'prénom manquant'));
    const date = (value: string | null | undefined, field: string, label: string, required: boolean): string | null => {
      if (value == null || value.trim() === '') {
        if (required) problems.push(blocking(`${field}_missing`, field, `${label} manquante`));
        return null;
      }
      const d = readFrenchDate(value);
      if (d.ok) return d.iso;
      problems.push((required ? blocking : warning)(`${field}_${d.reason}`, field, `${label} ${d.reason === 'inexistante' ? 'inexistante' : 'illisible'} « ${value} »`));
      return null;
    };
    const birthDate = date(p.dateNaissance, 'dateNaissance', 'date de naissance', true);
    const passNumber = (p.passIae ?? f.data.passIae ?? '').replace(/\s/g, '').toUpperCase() || null;
    if (passNumber === null) problems.push(blocking('pass_missing', 'passIae', 'numéro de PASS IAE manquant'));
    else if (!PASS_NUMBER.test(passNumber)) problems.push(blocking('pass_number', 'passIae', `numéro de PASS IAE invalide « ${passNumber} » (12 caractères)`));
    const passStart = date(p.passDateDeb ?? f.data.passDateDeb, 'passDateDeb', 'date de début du PASS', true);
    const nationalEnd = date(p.passDateFin ?? f.data.passDateFin, 'passDateFin', 'date de fin du PASS', false);
    const siret = f.data.siret == null ? '' : String(f.data.siret);
    if (existing.structureSiret != null && existing.structureSiret !== '' && siret !== '' && siret !== existing.structureSiret) {
      problems.push(warning('other_siret', 'siret', `fiche d’un autre établissement (SIRET ${siret}, le vôtre : ${existing.structureSiret})`));
    }
    const line: FicheLine = { ...empty, lastName, firstName, birthDate, passNumber, passStart, nationalEnd };
    const key = lastName !== '' && firstName !== '' ? personKey({ lastName, firstName, birthDate }) : null;
    if (key !== null) {
      const first = seenKeys.get(key);
      if (first !== undefined) problems.push(blocking('duplicate_in_file', null, `doublon dans le fichier : même personne qu’à la fiche ${first}`));
      else seenKeys.set(key, index);
    }
    if (passNumber !== null) {
      const first = seenPasses.get(passNumber);
      if (first !== undefined && first !== index) problems.push(blocking('duplicate_pass', 'passIae', `doublon dans le fichier : même PASS IAE qu’à la fiche ${first}`));
      else seenPasses.set(passNumber, index);
    }
    if (problems.some((x) => x.blocking) || key === null || passNumber === null || passStart === null) return line;

    // The salarié: found, or created; only what Tremplin does not know is filled.
    const found = byKey.get(key);
    const rqth = f.data.situationSalarie?.salarieRQTH ?? null;
    const phone = (f.data.adresse?.adrTelephone ?? '').trim() || null;
    if (found === undefined) {
      line.salarie = { id: null, action: 'create', set: { lastName, firstName, birthDate, rqth, phone } };
      line.changes.push('nouveau salarié');
    } else {
      const set: Record<string, ImportValue> = {};
      if (rqth !== null && found.rqth == null) { set['rqth'] = rqth; line.changes.push(`RQTH : ${rqth ? 'oui' : 'non'}`); }
      else if (rqth !== null && found.rqth !== rqth) problems.push(warning('rqth_differs', 'salarieRQTH', `RQTH : Les emplois indique « ${rqth ? 'oui' : 'non'} », Tremplin « ${found.rqth === true ? 'oui' : 'non'} » (non modifié)`));
      if (phone !== null && (found.phone == null || found.phone === '')) { set['phone'] = phone; line.changes.push('téléphone ajouté'); }
      line.salarie = { id: found.id, action: Object.keys(set).length > 0 ? 'update' : 'unchanged', set };
    }

    // The PASS: by number, else the salarié's PASS without number and with the same start.
    const byNumber = existing.passes.find((x) => x.number === passNumber);
    if (byNumber !== undefined && byNumber.salarieId !== found?.id) {
      problems.push(blocking('pass_other_person', 'passIae', `ce PASS IAE est enregistré pour ${names.get(byNumber.salarieId) ?? 'une autre personne'} dans Tremplin`));
      return line;
    }
    const pass = byNumber ?? (found === undefined ? undefined : existing.passes.find((x) => x.salarieId === found.id && (x.number == null || x.number === '') && x.start === passStart));
    if (pass === undefined) {
      line.pass = { id: null, action: 'create', set: { number: passNumber, start: passStart } };
      line.changes.push(`PASS IAE ${passNumber} ajouté`);
    } else {
      const set: Record<string, ImportValue> = {};
      if (pass.number !== passNumber) { set['number'] = passNumber; line.changes.push(`numéro du PASS IAE ajouté (${passNumber})`); }
      if (pass.start !== passStart) { set['start'] = passStart; line.changes.push(`début du PASS IAE : ${frDate(pass.start)} remplacé par ${frDate(passStart)}`); }
      line.pass = { id: pass.id, action: Object.keys(set).length > 0 ? 'update' : 'unchanged', set };
    }

    // The end date, computed here with what Tremplin holds for that PASS.
    const suspensions = pass === undefined ? [] : existing.suspensions.filter((s) => s.passIaeId === pass.id);
    const prolongations = pass === undefined ? [] : existing.prolongations.filter((s) => s.passIaeId === pass.id);
    line.computedEnd = passEndDate({ start: passStart }, suspensions, prolongations);
    if (nationalEnd !== null && nationalEnd !== line.computedEnd) {
      const gap = diffDays(nationalEnd, line.computedEnd);
      problems.push(warning('pass_end_differs', 'passDateFin', `fin du PASS IAE : Les emplois indique le ${frDate(nationalEnd)}, Tremplin calcule le ${frDate(line.computedEnd)} (${Math.abs(gap)} jour(s) ${gap > 0 ? 'de plus' : 'de moins'} côté Les emplois) : une suspension ou une prolongation manque d’un côté, vérifiez-la`));
    }
    if (line.changes.length === 0) line.changes.push('déjà à jour');
    return line;
  });
  return { fileProblems, lines };
}

export function ficheImportable(l: FicheLine): boolean {
  return !l.problems.some((p) => p.blocking) && (l.salarie.action !== 'unchanged' || l.pass.action !== 'unchanged');
}

/** The writes of the fiches the user kept: salariés created or completed, PASS created or completed. */
export function planLesEmploisImport(lines: readonly FicheLine[], structureId: string, newId: () => string): PlannedWrite[] {
  const out: PlannedWrite[] = [];
  for (const l of lines) {
    if (!ficheImportable(l)) continue;
    const salarieId = l.salarie.id ?? newId();
    if (l.salarie.id === null) out.push({ entity: 'salarie', id: salarieId, set: { structureId, ...l.salarie.set } });
    else if (l.salarie.action === 'update') out.push({ entity: 'salarie', id: salarieId, set: l.salarie.set });
    if (l.pass.id === null) out.push({ entity: 'passIae', id: newId(), set: { structureId, salarieId, ...l.pass.set } });
    else if (l.pass.action === 'update') out.push({ entity: 'passIae', id: l.pass.id, set: l.pass.set });
  }
  return out;
}
