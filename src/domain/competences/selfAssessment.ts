// The salarié's self-assessment beside the ETI's level: shown only when they differ, as a
// conversation starter. Pure: works on a MatrixCell from rules/matrix.ts.
import type { CompetenceLevel, MatrixCell } from '../rules/matrix';

export interface SelfGap {
  official: CompetenceLevel;
  self: CompetenceLevel;
  /** self − official: positive when the salarié rates themself higher. */
  delta: number;
}

/** The gap when the salarié assessed themself and the levels differ; null otherwise. */
export function selfGap(cell: MatrixCell | undefined): SelfGap | null {
  if (cell === undefined || cell.self === null) return null;
  const official = cell.level;
  if (cell.self.level === official) return null;
  return { official, self: cell.self.level, delta: cell.self.level - official };
}

/** A neutral sentence for the gap (never a verdict on who is right). */
export function selfGapText(gap: SelfGap): string {
  return gap.delta > 0 ? 'Le salarié s’estime plus avancé : à en parler ensemble.' : 'Le salarié s’estime moins avancé : à en parler ensemble.';
}
