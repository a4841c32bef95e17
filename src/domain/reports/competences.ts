// Competences acquired, per month and per team: a competence is acquired by a salarié the first
// time an official evaluation (not a self-assessment: rules/matrix.ts keeps those apart) puts it
// at « Acquis » (level 3) or above. Counted once per salarié and competence, so a level that dips
// and comes back is not a second acquisition, and the order the evaluations arrive in (a sync)
// never changes the figure.
import { isLaterEvaluation, toLevel, type CompetenceLevel, type EvaluationLike } from '../rules/matrix';
import { monthOf } from '../production/calendar';
import { inTeam, monthsOfYear, type TeamFilter, type TeamOf } from './teams';

/** The level from which a competence counts as acquired: « Acquis (fait seul) ». */
export const ACQUIRED_LEVEL: CompetenceLevel = 3;

export interface Acquisition {
  salarieId: string;
  competenceId: string;
  date: string;
  level: CompetenceLevel;
  evaluationId: string;
  teamId: string | null;
}

/** Every first acquisition, oldest first (same date: the earlier id, as the matrix orders them). */
export function acquisitions(evaluations: readonly EvaluationLike[], teamOf: TeamOf): Acquisition[] {
  const official = evaluations.filter((e) => e.context !== 'self')
    .sort((a, b) => (isLaterEvaluation(a, b) ? 1 : isLaterEvaluation(b, a) ? -1 : 0));
  const seen = new Set<string>();
  const out: Acquisition[] = [];
  for (const e of official) {
    const level = toLevel(e.level);
    const key = `${e.salarieId}|${e.competenceId}`;
    if (level < ACQUIRED_LEVEL || seen.has(key)) continue;
    seen.add(key);
    out.push({ salarieId: e.salarieId, competenceId: e.competenceId, date: e.date, level, evaluationId: e.id, teamId: teamOf(e.salarieId, e.date) });
  }
  return out;
}

export interface AcquiredMonth {
  month: string;
  total: number;
  /** Count per team id ('' for no team), for the teams of the report. */
  byTeam: Map<string, number>;
}

export interface AcquiredReport {
  year: number;
  /** Teams that appear in the year ('' for no team), in first-seen order. */
  teams: string[];
  months: AcquiredMonth[];
  total: number;
  /** The acquisitions behind the figures, oldest first. */
  items: Acquisition[];
}

export function acquiredReport(evaluations: readonly EvaluationLike[], teamOf: TeamOf, year: number, team: TeamFilter, until?: string): AcquiredReport {
  const items = acquisitions(evaluations, teamOf).filter((a) => a.date.startsWith(`${year}-`) && inTeam(team, a.teamId));
  const teams = [...new Set(items.map((a) => a.teamId ?? ''))];
  const months = monthsOfYear(year, until).map((month) => {
    const byTeam = new Map(teams.map((t) => [t, 0]));
    let total = 0;
    for (const a of items) {
      if (monthOf(a.date) !== month) continue;
      const t = a.teamId ?? '';
      byTeam.set(t, (byTeam.get(t) ?? 0) + 1);
      total += 1;
    }
    return { month, total, byTeam };
  });
  return { year, teams, months, total: items.length, items };
}
