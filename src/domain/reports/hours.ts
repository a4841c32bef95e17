// Hours worked against contract hours, per month: what the relevé says was worked, next to what
// the contracts expected (production/hours.ts: weekly hours spread over Monday–Friday). For a
// team, each day counts for the team the salarié was in that day, so a move mid-month splits
// both sides the same way. The current month's expected hours stop at today, so a month in
// progress is not shown as a shortfall.
import type { IsoDate } from '../rules/dates';
import { daysOfMonth, isWorkday, monthOf } from '../production/calendar';
import { contractOn, type ContractFacts } from '../production/planning';
import { toCenti, type TimeEntryFacts } from '../production/hours';
import { inTeam, monthsOfYear, type TeamFilter, type TeamOf } from './teams';

export interface HoursLine {
  month: string;
  salarieId: string;
  /** Hundredths of an hour, as production/hours.ts keeps them. */
  workedCenti: number;
  expectedCenti: number;
}

export interface HoursMonth {
  month: string;
  workedCenti: number;
  expectedCenti: number;
  /** Worked / expected; null when no hours were expected. */
  ratio: number | null;
}

export interface HoursReport {
  year: number;
  months: HoursMonth[];
  /** One line per salarié and month with hours expected or worked, behind each month's figure. */
  lines: HoursLine[];
}

/** Expected hundredths for the days of a month that `keep` accepts. */
export function expectedCentiWhere(contracts: readonly ContractFacts[], month: string, keep: (d: IsoDate) => boolean): number {
  let total = 0;
  for (const d of daysOfMonth(month)) {
    if (!isWorkday(d) || !keep(d)) continue;
    const c = contractOn({ salarieId: '', contracts }, d);
    if (c) total += toCenti(c.weeklyHours) / 5;
  }
  return Math.round(total);
}

export interface HoursReportInput {
  entries: readonly TimeEntryFacts[];
  contracts: ReadonlyMap<string, readonly ContractFacts[]>;
  teamOf: TeamOf;
  year: number;
  team: TeamFilter;
  /** Today: later months are left out and later days expect nothing. */
  until: IsoDate;
}

export function hoursReport({ entries, contracts, teamOf, year, team, until }: HoursReportInput): HoursReport {
  const months = monthsOfYear(year, until);
  const monthSet = new Set(months);
  const worked = new Map<string, number>();
  for (const e of entries) {
    const month = monthOf(e.date);
    if (!monthSet.has(month) || !inTeam(team, teamOf(e.salarieId, e.date))) continue;
    const key = `${month}|${e.salarieId}`;
    worked.set(key, (worked.get(key) ?? 0) + toCenti(e.hours));
  }
  const lines: HoursLine[] = [];
  const ids = new Set([...contracts.keys(), ...entries.map((e) => e.salarieId)]);
  for (const month of months) {
    for (const salarieId of ids) {
      const list = contracts.get(salarieId) ?? [];
      const expectedCenti = expectedCentiWhere(list, month, (d) => d <= until && inTeam(team, teamOf(salarieId, d)));
      const workedCenti = worked.get(`${month}|${salarieId}`) ?? 0;
      if (expectedCenti > 0 || workedCenti > 0) lines.push({ month, salarieId, workedCenti, expectedCenti });
    }
  }
  const totals = months.map((month) => {
    const of = lines.filter((l) => l.month === month);
    const workedCenti = of.reduce((s, l) => s + l.workedCenti, 0);
    const expectedCenti = of.reduce((s, l) => s + l.expectedCenti, 0);
    return { month, workedCenti, expectedCenti, ratio: expectedCenti === 0 ? null : workedCenti / expectedCenti };
  });
  return { year, months: totals, lines };
}
