// Which team a salarié belonged to on a given day, for the reports « par équipe ». Memberships
// are dated (from, to?): a figure is filed under the team of the day it happened (an exit under
// the team left, an acquisition under the team where it was evaluated), so a salarié who moved
// counts in each team for what happened there, never twice.
import type { IsoDate } from '../rules/dates';

export interface MembershipLike {
  salarieId: string;
  teamId: string;
  from: IsoDate;
  to?: IsoDate | null;
}

/** The teams a report can be filtered on; null stands for the whole structure. */
export type TeamFilter = string | null;

/** Label of the figures of salariés in no team on the day. */
export const NO_TEAM_LABEL = 'Sans équipe';

export type TeamOf = (salarieId: string, day: IsoDate) => string | null;

/**
 * The team of a salarié on a day: the membership covering it; else the latest one begun on or
 * before it (a membership closed the day before an exit still names the team left); else null.
 */
export function teamLookup(memberships: readonly MembershipLike[]): TeamOf {
  const bySalarie = new Map<string, MembershipLike[]>();
  for (const m of memberships) {
    const list = bySalarie.get(m.salarieId);
    if (list === undefined) bySalarie.set(m.salarieId, [m]);
    else list.push(m);
  }
  // Latest start first, so the first covering (or begun) membership is the one that applies.
  for (const list of bySalarie.values()) list.sort((a, b) => b.from.localeCompare(a.from) || a.teamId.localeCompare(b.teamId));
  return (salarieId, day) => {
    const list = bySalarie.get(salarieId);
    if (list === undefined) return null;
    const covering = list.find((m) => m.from <= day && (m.to == null || m.to >= day));
    if (covering !== undefined) return covering.teamId;
    return list.find((m) => m.from <= day)?.teamId ?? null;
  };
}

/** True when a figure of that team belongs in the report filtered on `filter`. */
export function inTeam(filter: TeamFilter, teamId: string | null): boolean {
  return filter === null || filter === teamId;
}

/** The twelve months 'YYYY-MM' of a year, up to `until`'s month when given (no future months). */
export function monthsOfYear(year: number, until?: IsoDate): string[] {
  const last = until !== undefined && until.startsWith(String(year)) ? Number(until.slice(5, 7)) : until !== undefined && until < `${year}` ? 0 : 12;
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** Median of numbers (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
