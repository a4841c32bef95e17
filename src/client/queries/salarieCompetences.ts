// One salarié's competences as the livret's PMSMP page and the salarié's own space read them:
// every competence (for names), the salarié's evaluations, and the competences they have a level
// or an objective in. Kept apart from the matrix's reads (competences.ts), which read whole teams.
// One `equals` on the salarieId index per table (one getAll each), issued together.
import { byFrench } from '../../domain/people';
import { currentLevels, matrixKey, type MatrixCell } from '../../domain/rules/matrix';
import type { DeviceDb } from '../db';
import type { EntityRow } from '../rows';
import { allOf, whereIn } from './tables';

export type CompetenceRow = EntityRow<'competence'>;
export type EvaluationRow = EntityRow<'evaluation'>;

/** Every competence of the structure, by label. */
export async function allCompetences(db: DeviceDb): Promise<CompetenceRow[]> {
  return (await allOf(db, 'competence')).sort((a, b) => byFrench(a.label, b.label));
}

/** A salarié's evaluations, in no particular order (self-assessments included). */
export function evaluationsOf(db: DeviceDb, salarieId: string): Promise<EvaluationRow[]> {
  return whereIn(db, 'evaluation', 'salarieId', [salarieId]);
}

export interface MyCompetence {
  competence: CompetenceRow;
  /** The official level and the latest self-assessment; undefined with an objective only. */
  cell: MatrixCell | undefined;
}

/** The competences a salarié has been evaluated in or has an objective in, by label. */
export async function competencesOfSalarie(db: DeviceDb, salarieId: string): Promise<MyCompetence[]> {
  const [competences, evaluations, objectives] = await Promise.all([
    allCompetences(db), evaluationsOf(db, salarieId), whereIn(db, 'objective', 'salarieId', [salarieId]),
  ]);
  const cells = currentLevels(evaluations);
  const aimed = new Set(objectives.map((o) => o.competenceId));
  const out: MyCompetence[] = [];
  for (const competence of competences) {
    const cell = cells.get(matrixKey(salarieId, competence.id));
    if (cell !== undefined || aimed.has(competence.id)) out.push({ competence, cell });
  }
  return out;
}
