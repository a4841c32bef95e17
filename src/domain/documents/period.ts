// The period a printed document covers (« du … au … », both days included) and the audience it
// is printed for. Kept apart so the livret, the bilan and their tests share one meaning of
// « in the period » and of who may read what.
import type { Visibility } from '../entities';
import type { IsoDate } from '../rules/dates';

export interface Period { from: IsoDate; to: IsoDate }

/** Both bounds included: an entry written on the last day belongs to the period. */
export function inPeriod(date: IsoDate, period: Period): boolean {
  return date >= period.from && date <= period.to;
}

/** A span (PMSMP, contract) that has at least one day inside the period. */
export function overlapsPeriod(span: { start: IsoDate; end: IsoDate }, period: Period): boolean {
  return span.start <= period.to && span.end >= period.from;
}

/** A French message when the period cannot be printed, else null. */
export function periodProblem(period: Period): string | null {
  if (period.from === '' || period.to === '') return 'Indiquez le début et la fin de la période.';
  if (period.from > period.to) return 'La fin de la période doit suivre son début.';
  return null;
}

/**
 * Who the printed document is for. « salarie »: the salarié takes it home, so it holds only what
 * is already shared with them. « equipe »: the team's copy, team and shared entries; a *privé*
 * entry is its author's alone and is never printed, whoever prints.
 */
export type Audience = 'salarie' | 'equipe';

export const AUDIENCE_LABELS: Readonly<Record<Audience, string>> = {
  salarie: 'Pour le salarié',
  equipe: 'Pour l’équipe',
};

export const AUDIENCE_VISIBILITIES: Readonly<Record<Audience, readonly Visibility[]>> = {
  salarie: ['salarie'],
  equipe: ['team', 'salarie'],
};

export function visibleTo(audience: Audience, visibility: string): boolean {
  return (AUDIENCE_VISIBILITIES[audience] as readonly string[]).includes(visibility);
}
