// A salarié's whole file as the coordination prints or exports it (issue 11): the facts the
// printed documents are composed from — livret for a period, bilan, attestation de compétences —
// read in one call whose table reads go out together (one render per change). What goes in
// which document is decided by the pure rules of domain/documents, not here.
import type { DeviceDb } from '../db';
import type { EntityRow } from '../rows';
import { logOf, pmsmpsOf, type LogEntryRow, type PmsmpRow } from './livret';
import { allCompetences, evaluationsOf, type CompetenceRow, type EvaluationRow } from './salarieCompetences';
import { userNames, type SalarieRow } from './teams';
import { allOf, oneOf, whereIn } from './tables';

export interface DocumentsData {
  salarie: SalarieRow | undefined;
  /** The user's structure (its name and SIRET head every document); undefined before a sync. */
  structure: EntityRow<'structure'> | undefined;
  /** Every entry of the livret this device holds; the rules pick by period and audience. */
  entries: LogEntryRow[];
  evaluations: EvaluationRow[];
  objectives: EntityRow<'objective'>[];
  pmsmps: PmsmpRow[];
  /** Every competence, by label (a competence deleted since keeps no name). */
  competences: CompetenceRow[];
  /** Display names of users (authors, evaluators), by id. */
  names: Map<string, string>;
}

export async function documentsData(db: DeviceDb, salarieId: string): Promise<DocumentsData> {
  const [salarie, structures, entries, evaluations, objectives, pmsmps, competences, names] = await Promise.all([
    oneOf(db, 'salarie', salarieId), allOf(db, 'structure'), logOf(db, salarieId), evaluationsOf(db, salarieId),
    whereIn(db, 'objective', 'salarieId', [salarieId]), pmsmpsOf(db, salarieId), allCompetences(db), userNames(db),
  ]);
  return { salarie, structure: structures[0], entries, evaluations, objectives, pmsmps, competences, names };
}

export function dossierQueries(db: DeviceDb) {
  return {
    /** What the printed documents of one salarié are made of. */
    documents: (salarieId: string) => documentsData(db, salarieId),
  };
}
