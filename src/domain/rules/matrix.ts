// The matrice de positionnement: five competence levels (each with a word and a symbol, never a
// colour alone) and the current level per salarié and competence, derived from dated evaluations.
// Self-assessments are kept apart: they are the salarié's voice, not the official level.
import type { IsoDate } from './dates';

export const COMPETENCE_LEVELS = [0, 1, 2, 3, 4] as const;
export type CompetenceLevel = (typeof COMPETENCE_LEVELS)[number];

export const LEVEL_INFO: Readonly<Record<CompetenceLevel, { label: string; description: string; symbol: string }>> = {
  0: { label: 'Non abordé', description: 'Pas encore fait', symbol: '○' },
  1: { label: 'Découverte', description: 'Fait avec l’encadrant', symbol: '◔' },
  2: { label: 'En cours', description: 'Fait avec de l’aide', symbol: '◑' },
  3: { label: 'Acquis', description: 'Fait seul', symbol: '◕' },
  4: { label: 'Maîtrisé', description: 'Peut le transmettre', symbol: '●' },
};

export function isCompetenceLevel(n: unknown): n is CompetenceLevel {
  return typeof n === 'number' && (COMPETENCE_LEVELS as readonly number[]).includes(n);
}

/** Clamp any stored number to a level, so a bad record shows as something readable. */
export function toLevel(n: number): CompetenceLevel {
  const r = Math.round(Number.isFinite(n) ? n : 0);
  return r <= 0 ? 0 : r >= 4 ? 4 : (r as CompetenceLevel);
}

/** 'Acquis (fait seul)' with its symbol: the words a screen or a read-aloud gives for a level. */
export function levelText(level: CompetenceLevel): string {
  const info = LEVEL_INFO[level];
  return `${info.symbol} ${info.label} (${info.description.toLowerCase()})`;
}

export interface EvaluationLike {
  id: string;
  salarieId: string;
  competenceId: string;
  level: number;
  context: string;
  date: IsoDate;
}

export interface LevelMark { level: CompetenceLevel; date: IsoDate; evaluationId: string }

export interface MatrixCell {
  salarieId: string;
  competenceId: string;
  /** The official level: the latest evaluation that is not a self-assessment; 0 when none. */
  level: CompetenceLevel;
  official: LevelMark | null;
  /** The latest self-assessment, shown beside the official level. */
  self: LevelMark | null;
}

export function matrixKey(salarieId: string, competenceId: string): string {
  return `${salarieId}|${competenceId}`;
}

/** Later by date; on the same date the larger id wins (ids are time-ordered UUIDv7). */
export function isLaterEvaluation(a: { date: IsoDate; id: string }, b: { date: IsoDate; id: string }): boolean {
  return a.date !== b.date ? a.date > b.date : a.id > b.id;
}

function mark(e: EvaluationLike): LevelMark {
  return { level: toLevel(e.level), date: e.date, evaluationId: e.id };
}

/** Fold one evaluation into the cells (in place): it replaces the official or self mark only if later. */
function fold(cells: Map<string, MatrixCell>, e: EvaluationLike): void {
  // A pair is needed for a cell. Only a device can hold an evaluation without one, for a moment:
  // its creation refused by the server (rolled back) while a later edit of it still waits to be
  // sent. It has no cell, on the screen as in the device's stored levels (currentLevels.ts).
  if (typeof e.salarieId !== 'string' || typeof e.competenceId !== 'string') return;
  const key = matrixKey(e.salarieId, e.competenceId);
  const prev = cells.get(key);
  const isSelf = e.context === 'self';
  const prevMark = prev === undefined ? null : isSelf ? prev.self : prev.official;
  if (prevMark !== null && !isLaterEvaluation(e, { date: prevMark.date, id: prevMark.evaluationId })) return;
  const m = mark(e);
  cells.set(key, {
    salarieId: e.salarieId,
    competenceId: e.competenceId,
    level: isSelf ? (prev?.level ?? 0) : m.level,
    official: isSelf ? (prev?.official ?? null) : m,
    self: isSelf ? m : (prev?.self ?? null),
  });
}

/** The matrix, keyed by matrixKey; only pairs with at least one evaluation have a cell. One pass. */
export function currentLevels(evaluations: readonly EvaluationLike[]): Map<string, MatrixCell> {
  const cells = new Map<string, MatrixCell>();
  for (const e of evaluations) fold(cells, e);
  return cells;
}

/**
 * The matrix after more evaluations, without re-reading the others: a copy of `cells` where only
 * the pairs of `added` may change (equals currentLevels over all of them). `cells` is untouched.
 */
export function withEvaluations(cells: ReadonlyMap<string, MatrixCell>, added: readonly EvaluationLike[]): Map<string, MatrixCell> {
  const out = new Map(cells);
  for (const e of added) fold(out, e);
  return out;
}

/** The official level of a pair, 0 (non abordé) when never evaluated. */
export function levelOf(cells: ReadonlyMap<string, MatrixCell>, salarieId: string, competenceId: string): CompetenceLevel {
  return cells.get(matrixKey(salarieId, competenceId))?.level ?? 0;
}

/** Evaluations of one pair, oldest first: the traceability the seeds ask for. */
export function evaluationHistory<E extends EvaluationLike>(evaluations: readonly E[], salarieId: string, competenceId: string): E[] {
  return evaluations
    .filter((e) => e.salarieId === salarieId && e.competenceId === competenceId)
    .sort((a, b) => (isLaterEvaluation(a, b) ? 1 : isLaterEvaluation(b, a) ? -1 : 0));
}

export type ObjectiveStatus = 'atteint' | 'en_cours' | 'en_retard';
export const OBJECTIVE_STATUS_LABELS: Readonly<Record<ObjectiveStatus, string>> = {
  atteint: 'Atteint',
  en_cours: 'En cours',
  en_retard: 'En retard',
};

/** Reached once the level meets the target; late only after the due date has passed. */
export function objectiveStatus(objective: { targetLevel: number; dueDate: IsoDate }, currentLevel: number | null | undefined, today: IsoDate): ObjectiveStatus {
  if ((currentLevel ?? 0) >= objective.targetLevel) return 'atteint';
  return today > objective.dueDate ? 'en_retard' : 'en_cours';
}
