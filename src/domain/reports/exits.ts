// The exits report (seed 004, Fiche 2): the exits of a civil year, by team, with the dynamic exit
// rate against the 60 % target, and the list behind every figure (who, which kind, which
// category, why not counted) so the coordinator can check it before the dialogue de gestion.
// The counting itself — categories, the 3-month presence rule, neutralised exits — is
// rules/exits.ts's; this file only chooses the exits, files them by team and lists them.
import { fullName } from '../people';
import {
  DYNAMIC_EXIT_TARGET, exitCategory, exitKindLabel, exitTally, hasMinimumPresence, isExitKind,
  type ExitCategory, type ExitKind, type ExitLike, type ExitTally,
} from '../rules/exits';
import type { IsoDate } from '../rules/dates';
import { inTeam, monthsOfYear, type TeamFilter, type TeamOf } from './teams';

export interface SalarieExitFacts {
  id: string;
  firstName: string;
  lastName: string;
  entryDate?: IsoDate | null;
  exitDate?: IsoDate | null;
  exitKind?: string | null;
}

/** Why an exit is left out of the rate; null when it is counted. */
export type NotCountedReason = 'kind_unknown' | 'neutralised' | 'under_3_months' | 'entry_unknown';

export const NOT_COUNTED_LABELS: Readonly<Record<NotCountedReason, string>> = {
  kind_unknown: 'Type de sortie à renseigner',
  neutralised: 'Sortie neutralisée',
  under_3_months: 'Présence de moins de 3 mois',
  entry_unknown: 'Date d’entrée inconnue',
};

export interface ExitPerson {
  salarieId: string;
  name: string;
  teamId: string | null;
  entryDate: IsoDate | null;
  exitDate: IsoDate;
  kind: ExitKind | null;
  kindLabel: string | null;
  category: ExitCategory | null;
  reason: NotCountedReason | null;
}

export interface ExitFigures {
  tally: ExitTally;
  /** Dynamic exits among counted ones, in [0, 1]; null when nothing is counted. */
  rate: number | null;
}

export interface ExitMonth {
  month: string;
  counted: number;
  dynamic: number;
  /** Rate of the exits from January to the end of this month; null while none is counted. */
  cumulativeRate: number | null;
}

export interface ExitReport {
  year: number;
  target: number;
  figures: ExitFigures;
  /** Figures of each team that had exits in the year (null: salariés in no team). */
  byTeam: { teamId: string | null; figures: ExitFigures }[];
  months: ExitMonth[];
  /** Every exit of the year in the chosen team, by exit date then name. */
  people: ExitPerson[];
}

/** The entry date: the salarié's own, else the start of their first contract. */
export function entryDateOf(s: SalarieExitFacts, contractStarts: readonly IsoDate[]): IsoDate | null {
  if (s.entryDate != null) return s.entryDate;
  return [...contractStarts].sort()[0] ?? null;
}

function reasonOf(entryDate: IsoDate | null, exitDate: IsoDate, kind: string | null | undefined): NotCountedReason | null {
  const category = exitCategory(kind);
  if (category === null) return 'kind_unknown';
  if (category === 'neutralised') return 'neutralised';
  if (entryDate === null) return 'entry_unknown';
  return hasMinimumPresence({ entryDate, exitDate }) ? null : 'under_3_months';
}

export function exitPerson(s: SalarieExitFacts & { exitDate: IsoDate }, entryDate: IsoDate | null, teamId: string | null): ExitPerson {
  const kind = isExitKind(s.exitKind) ? s.exitKind : null;
  return {
    salarieId: s.id, name: fullName(s), teamId, entryDate, exitDate: s.exitDate,
    kind, kindLabel: exitKindLabel(kind), category: exitCategory(kind), reason: reasonOf(entryDate, s.exitDate, kind),
  };
}

/** The figures of a set of exits, counted by rules/exits.ts (an unknown entry date is not counted). */
export function figuresOf(people: readonly ExitPerson[]): ExitFigures {
  const known: ExitLike[] = [];
  let entryUnknown = 0;
  for (const p of people) {
    if (p.entryDate === null) entryUnknown += 1;
    else known.push({ entryDate: p.entryDate, exitDate: p.exitDate, kind: p.kind });
  }
  const tally = exitTally(known);
  tally.notCounted += entryUnknown;
  return { tally, rate: tally.counted === 0 ? null : tally.dynamic / tally.counted };
}

export interface ExitReportInput {
  salaries: readonly SalarieExitFacts[];
  /** Contract starts per salarié, for an entry date not filled in. */
  contractStarts: ReadonlyMap<string, readonly IsoDate[]>;
  teamOf: TeamOf;
  year: number;
  team: TeamFilter;
  /** Today: the months after it are left out of the monthly figures. */
  until?: IsoDate;
}

export function exitReport({ salaries, contractStarts, teamOf, year, team, until }: ExitReportInput): ExitReport {
  const all: ExitPerson[] = [];
  for (const s of salaries) {
    if (s.exitDate == null || !s.exitDate.startsWith(`${year}-`)) continue;
    const entry = entryDateOf(s, contractStarts.get(s.id) ?? []);
    all.push(exitPerson({ ...s, exitDate: s.exitDate }, entry, teamOf(s.id, s.exitDate)));
  }
  all.sort((a, b) => a.exitDate.localeCompare(b.exitDate) || a.name.localeCompare(b.name, 'fr') || a.salarieId.localeCompare(b.salarieId));
  const people = all.filter((p) => inTeam(team, p.teamId));
  const teamIds = [...new Set(all.map((p) => p.teamId))];
  const byTeam = teamIds.filter((t) => inTeam(team, t)).map((teamId) => ({ teamId, figures: figuresOf(all.filter((p) => p.teamId === teamId)) }));
  const months = monthsOfYear(year, until).map((month) => {
    const inMonth = figuresOf(people.filter((p) => p.exitDate.startsWith(month))).tally;
    const toDate = figuresOf(people.filter((p) => p.exitDate.slice(0, 7) <= month));
    return { month, counted: inMonth.counted, dynamic: inMonth.dynamic, cumulativeRate: toDate.rate };
  });
  return { year, target: DYNAMIC_EXIT_TARGET, figures: figuresOf(people), byTeam, months, people };
}

/** The people behind one figure of the table: a category counted, or the exits left out. */
export function peopleBehind(people: readonly ExitPerson[], figure: Exclude<ExitCategory, 'neutralised'> | 'notCounted' | 'counted' | 'dynamic'): ExitPerson[] {
  switch (figure) {
    case 'notCounted': return people.filter((p) => p.reason !== null);
    case 'counted': return people.filter((p) => p.reason === null);
    case 'dynamic': return people.filter((p) => p.reason === null && p.category !== 'negative');
    default: return people.filter((p) => p.reason === null && p.category === figure);
  }
}
