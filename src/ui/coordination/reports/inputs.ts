// What the reports of the page share, computed once per data, year and team: the rows read, the
// team lookup by date, the names for lists and CSV files, today (months after it are left out).
import type { ReportsData } from '../../../client/queries/reports';
import type { ReportNames } from '../../../domain/reports/csv';
import { teamLookup, NO_TEAM_LABEL, type TeamFilter, type TeamOf } from '../../../domain/reports/teams';

export interface ReportInputs {
  data: ReportsData;
  year: number;
  team: TeamFilter;
  today: string;
  teamOf: TeamOf;
  names: ReportNames;
  contractStarts: Map<string, string[]>;
}

/** The parts that depend on the data only (not on the year or team chosen). */
export function dataInputs(data: ReportsData): Pick<ReportInputs, 'teamOf' | 'names' | 'contractStarts'> {
  const teams = new Map(data.teams.map((t) => [t.id, t.name]));
  const salaries = new Map(data.salaries.map((s) => [s.id, s]));
  const contractStarts = new Map([...data.contracts].map(([id, list]) => [id, list.map((c) => c.start)]));
  return {
    teamOf: teamLookup(data.memberships),
    contractStarts,
    names: {
      team: (id) => (id === null ? NO_TEAM_LABEL : teams.get(id) ?? 'Équipe supprimée'),
      salarie: (id) => salaries.get(id),
      competence: (id) => data.competenceLabels.get(id) ?? 'Compétence supprimée',
      user: (id) => data.userNames.get(id) ?? 'Utilisateur inconnu',
    },
  };
}

/**
 * Years offered, newest first: every year from the first one with data (an entry, an exit, an
 * evaluation, hours, an alert) to this year, with no gap, so a quiet year still shows as such.
 */
export function yearsOf(data: ReportsData, today: string): number[] {
  const current = Number(today.slice(0, 4));
  let first = current;
  const add = (d: string | null | undefined) => { const y = d == null ? NaN : Number(d.slice(0, 4)); if (Number.isFinite(y) && y < first) first = y; };
  data.salaries.forEach((s) => { add(s.entryDate); add(s.exitDate); });
  data.evaluations.forEach((e) => add(e.date));
  data.alerts.forEach((a) => add(a.date));
  data.entries.forEach((e) => add(e.date));
  return Array.from({ length: current - first + 1 }, (_, i) => current - i);
}
