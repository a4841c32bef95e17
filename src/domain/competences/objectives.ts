// Learning objectives as the matrix and the parcours prévisionnel show them: reached, on track,
// due soon, or late. Builds on objectiveStatus (rules/matrix.ts) and adds the « bientôt » window
// the ETI needs to plan an AFEST sequence before the date, not after it.
import { objectiveStatus } from '../rules/matrix';
import type { IsoDate } from '../rules/dates';

export type ObjectiveState = 'atteint' | 'en_cours' | 'a_echeance' | 'en_retard';

export const OBJECTIVE_STATE_LABELS: Readonly<Record<ObjectiveState, string>> = {
  atteint: 'Atteint',
  en_cours: 'En cours',
  a_echeance: 'À échéance',
  en_retard: 'En retard',
};

/** Days before the due date when an objective counts as due. */
export const DUE_SOON_DAYS = 14;

export interface ObjectiveLike {
  id: string;
  salarieId: string;
  competenceId: string;
  targetLevel: number;
  dueDate: IsoDate;
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function objectiveState(objective: { targetLevel: number; dueDate: IsoDate }, currentLevel: number | null | undefined, today: IsoDate, soonDays = DUE_SOON_DAYS): ObjectiveState {
  const status = objectiveStatus(objective, currentLevel, today);
  if (status !== 'en_cours') return status;
  return daysBetween(today, objective.dueDate) <= soonDays ? 'a_echeance' : 'en_cours';
}

const URGENCY: Readonly<Record<ObjectiveState, number>> = { en_retard: 3, a_echeance: 2, en_cours: 1, atteint: 0 };

/**
 * The objective a matrix cell shows among those of one pair: the most urgent, then the earliest
 * due. Undefined when the pair has none.
 */
export function cellObjective<O extends ObjectiveLike>(objectives: readonly O[], currentLevel: number, today: IsoDate): { objective: O; state: ObjectiveState } | undefined {
  let best: { objective: O; state: ObjectiveState } | undefined;
  for (const objective of objectives) {
    const state = objectiveState(objective, currentLevel, today);
    if (best === undefined || URGENCY[state] > URGENCY[best.state] || (URGENCY[state] === URGENCY[best.state] && objective.dueDate < best.objective.dueDate)) {
      best = { objective, state };
    }
  }
  return best;
}

/** The parcours prévisionnel order: late first, then by due date; reached ones last. */
export function sortForParcours<O extends ObjectiveLike>(items: readonly { objective: O; state: ObjectiveState }[]): { objective: O; state: ObjectiveState }[] {
  return [...items].sort((a, b) => {
    const ra = a.state === 'atteint' ? 1 : 0;
    const rb = b.state === 'atteint' ? 1 : 0;
    if (ra !== rb) return ra - rb;
    if (a.state === 'en_retard' && b.state !== 'en_retard') return -1;
    if (b.state === 'en_retard' && a.state !== 'en_retard') return 1;
    return a.objective.dueDate.localeCompare(b.objective.dueDate) || a.objective.id.localeCompare(b.objective.id);
  });
}
