// A bilan (intermédiaire or final) composed from the period's facts: each competence's level at
// the start and at the end of the period (official levels; a self-assessment is shown beside,
// never counted), the objectives concerned and where they stand at the end, the PMSMP that
// touched the period, and the livret entries its audience may read. Pure, so what goes in the
// bilan is tested as tables and the screen only lays it out.
import type { ObjectiveState } from '../competences/objectives';
import { objectiveState } from '../competences/objectives';
import type { EvaluationContext } from '../competences/evaluationContexts';
import { addDays, type IsoDate } from '../rules/dates';
import { currentLevels, matrixKey, toLevel, type CompetenceLevel, type EvaluationLike } from '../rules/matrix';
import { ACQUIRED_LEVEL } from './attestation';
import { printableEntries, type EntryLike } from './livret';
import { inPeriod, overlapsPeriod, type Audience, type Period } from './period';

export type BilanKind = 'intermediaire' | 'final';

export const BILAN_KIND_LABELS: Readonly<Record<BilanKind, string>> = {
  intermediaire: 'Bilan intermédiaire',
  final: 'Bilan final',
};

export interface BilanObjectiveLike { id: string; salarieId: string; competenceId: string; targetLevel: number; dueDate: IsoDate }
export interface BilanPmsmpLike { id: string; start: IsoDate; end: IsoDate }

export interface BilanInput<E extends EntryLike, O extends BilanObjectiveLike, P extends BilanPmsmpLike> {
  salarieId: string;
  period: Period;
  audience: Audience;
  evaluations: readonly EvaluationLike[];
  objectives: readonly O[];
  pmsmps: readonly P[];
  entries: readonly E[];
}

export interface CompetenceProgress {
  competenceId: string;
  /** Official level the day before the period starts (0: not yet evaluated). */
  before: CompetenceLevel;
  /** Official level on the last day of the period. */
  after: CompetenceLevel;
  /** after − before: negative when a level went down. */
  progress: number;
  /** Official evaluations dated in the period. */
  evaluations: number;
  /** Contexts of those evaluations, in the order of EVALUATOR contexts. */
  contexts: EvaluationContext[];
  /** The latest self-assessment of the period, shown beside the official level. */
  self: CompetenceLevel | null;
}

export interface BilanObjective<O> { objective: O; level: CompetenceLevel; state: ObjectiveState }

export interface Bilan<E, O, P> {
  competences: CompetenceProgress[];
  objectives: BilanObjective<O>[];
  pmsmps: P[];
  entries: E[];
  summary: {
    /** Competences evaluated in the period. */
    evaluated: number;
    /** Competences whose level went up. */
    progressed: number;
    /** Competences that reached « Acquis » during the period. */
    acquired: number;
    objectivesReached: number;
    objectivesTotal: number;
  };
}

const CONTEXT_ORDER: readonly EvaluationContext[] = ['production', 'afest', 'pmsmp'];

/** Official levels known on `date` (evaluations dated after it are not yet written). */
function levelsOn(evaluations: readonly EvaluationLike[], date: IsoDate) {
  return currentLevels(evaluations.filter((e) => e.date <= date));
}

export function composeBilan<E extends EntryLike, O extends BilanObjectiveLike, P extends BilanPmsmpLike>(input: BilanInput<E, O, P>): Bilan<E, O, P> {
  const { salarieId, period } = input;
  const own = input.evaluations.filter((e) => e.salarieId === salarieId);
  const start = levelsOn(own, addDays(period.from, -1));
  const end = levelsOn(own, period.to);
  const level = (cells: ReturnType<typeof currentLevels>, competenceId: string): CompetenceLevel => cells.get(matrixKey(salarieId, competenceId))?.level ?? 0;

  const during = own.filter((e) => inPeriod(e.date, period));
  const byCompetence = new Map<string, EvaluationLike[]>();
  for (const e of during) {
    const list = byCompetence.get(e.competenceId);
    if (list === undefined) byCompetence.set(e.competenceId, [e]); else list.push(e);
  }
  const competences: CompetenceProgress[] = [];
  for (const [competenceId, list] of byCompetence) {
    const official = list.filter((e) => e.context !== 'self');
    const selfMark = end.get(matrixKey(salarieId, competenceId))?.self ?? null;
    const before = level(start, competenceId);
    const after = level(end, competenceId);
    competences.push({
      competenceId, before, after, progress: after - before, evaluations: official.length,
      contexts: CONTEXT_ORDER.filter((c) => official.some((e) => e.context === c)),
      // Only a self-assessment made in the period speaks for it.
      self: selfMark !== null && inPeriod(selfMark.date, period) ? toLevel(selfMark.level) : null,
    });
  }

  // The objectives the period worked towards: due in or after it, or still open when it began.
  const objectives: BilanObjective<O>[] = input.objectives
    .filter((o) => o.salarieId === salarieId)
    .filter((o) => o.dueDate >= period.from || level(start, o.competenceId) < o.targetLevel)
    .map((objective) => {
      const lvl = level(end, objective.competenceId);
      return { objective, level: lvl, state: objectiveState(objective, lvl, period.to) };
    })
    .sort((a, b) => a.objective.dueDate.localeCompare(b.objective.dueDate) || a.objective.id.localeCompare(b.objective.id));

  const pmsmps = input.pmsmps.filter((p) => overlapsPeriod(p, period)).sort((a, b) => a.start.localeCompare(b.start));
  const entries = printableEntries(input.entries, input.audience, period);

  return {
    competences, objectives, pmsmps, entries,
    summary: {
      evaluated: competences.filter((c) => c.evaluations > 0).length,
      progressed: competences.filter((c) => c.progress > 0).length,
      acquired: competences.filter((c) => c.before < ACQUIRED_LEVEL && c.after >= ACQUIRED_LEVEL).length,
      objectivesReached: objectives.filter((o) => o.state === 'atteint').length,
      objectivesTotal: objectives.length,
    },
  };
}
