// The reads of the competences screens: the matrice de positionnement (matrix.ts: its frame, the
// levels per salarié and the memory that makes reopening it instant), the référentiel (activities
// and competences), and one salarié's parcours and open badges. Rows are the typed EntityRows of
// entities.ts; defaults for display ('' for an absent comment…) are the screens' own.
// Per-salarié tables are read with one `equals` on their salarieId index (one getAll each),
// issued together.
import type { DeviceDb } from '../db';
import type { EntityRow } from '../rows';
import { currentLevels, type MatrixCell } from '../../domain/rules/matrix';
import { activities, matrixQueries, type Evaluation, type Objective } from './matrix';
import { allCompetences } from './salarieCompetences';
import { oneOf, whereIn } from './tables';

export type {
  ActivityRow, Competence, CompetenceRow, Evaluation, EvaluationRow, MatrixData, MatrixFrame, MatrixMemory, Objective, ObjectiveRow, SalarieLevels,
} from './matrix';
export { frameKey, sameLevels } from './matrix';
export type { SalarieCells } from './storedLevels';
export { sameCells } from './storedLevels';
export type BadgeRow = EntityRow<'badge'>;

/** One salarié's evaluations and objectives, with their current levels (the parcours). */
export interface Progress { evaluations: Evaluation[]; objectives: Objective[]; cells: Map<string, MatrixCell> }

export async function progressOf(db: DeviceDb, salarieId: string): Promise<Progress> {
  const [evaluations, objectives] = await Promise.all([
    whereIn(db, 'evaluation', 'salarieId', [salarieId]), whereIn(db, 'objective', 'salarieId', [salarieId]),
  ]);
  return { evaluations, objectives, cells: currentLevels(evaluations) };
}

/** The open badges delivered to a salarié, in the order they were delivered (ids are time-ordered). */
export function badgesOf(db: DeviceDb, salarieId: string): Promise<BadgeRow[]> {
  return whereIn(db, 'badge', 'salarieId', [salarieId]);
}

export function competencesQueries(db: DeviceDb) {
  return {
    /** Every activity, by name. */
    activities: () => activities(db),
    /** Every competence of the structure, by label. */
    allCompetences: () => allCompetences(db),
    progressOf: (salarieId: string) => progressOf(db, salarieId),
    badgesOf: (salarieId: string) => badgesOf(db, salarieId),
    /** A salarié (their name on the parcours, their telephone in a badge), or undefined. */
    salarie: (salarieId: string) => oneOf(db, 'salarie', salarieId),
    /** The structure (the issuer of a badge), or undefined. */
    structure: (structureId: string) => oneOf(db, 'structure', structureId),
    ...matrixQueries(db),
  };
}

export type CompetencesQueries = ReturnType<typeof competencesQueries>;
