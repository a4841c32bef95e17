// The reads of the production screens. « Aujourd'hui », the relevé, the day sheet, the chantiers
// and the month's hours read everything in one pass (loadProduction: one getAll per table, issued
// together, then indexed in memory); the week view reads narrower, over the indexes (week.ts,
// whose reads and remembered weeks are part of this object). Every row is typed from entities.ts.
import { buildFacts } from '../../domain/production/facts';
import { closedMonthsOf } from '../../domain/production/monthClose';
import type { PersonFacts } from '../../domain/production/planning';
import { currentLevels, type MatrixCell } from '../../domain/rules/matrix';
import type { DeviceDb, RejectedChange } from '../db';
import type { EntityRow } from '../rows';
import { allOf } from './tables';
import { teamViews, type SalarieRow, type TeamView } from './teams';
import { weekQueries, type AssignmentRow, type ChantierRow, type SlotRow, type TimeEntryRow } from './week';

export type { AssignmentRow, ChantierRow, SlotRow, TimeEntryRow, WeekCopySource, WeekMemory, WeekPlan, WeekTeam } from './week';
export { weekPlanKey, weekTeamKey } from './week';
export type CompetenceRow = EntityRow<'competence'>;
export type MonthCloseRow = EntityRow<'monthClose'>;
export type ActivityRow = EntityRow<'activity'>;

export interface ProductionData {
  today: string;
  teams: TeamView[];
  salaries: Map<string, SalarieRow>;
  facts: Map<string, PersonFacts>;
  slots: SlotRow[];
  slotById: Map<string, SlotRow>;
  assignments: AssignmentRow[];
  chantiers: ChantierRow[];
  chantierById: Map<string, ChantierRow>;
  entries: TimeEntryRow[];
  /** Time entry by `${salarieId}|${date}`. */
  entryByDay: Map<string, TimeEntryRow>;
  competences: Map<string, CompetenceRow>;
  matrix: Map<string, MatrixCell>;
  /** The months the coordination validated (monthClose.ts). */
  closedMonths: Set<string>;
  /** The validation of each closed month, by month (who, when). */
  monthCloses: Map<string, MonthCloseRow>;
  structureName: string;
}

/**
 * A month validated twice (two offline tablets) shows its first validation: the earliest
 * `closedAt`, then the smaller id — never the table's order, which ids written in the same
 * millisecond do not fix.
 */
function firstByMonth(closes: readonly MonthCloseRow[]): Map<string, MonthCloseRow> {
  const out = new Map<string, MonthCloseRow>();
  for (const c of closes) {
    const kept = out.get(c.month);
    if (!kept || isEarlier(c, kept)) out.set(c.month, c);
  }
  return out;
}

function isEarlier(a: MonthCloseRow, b: MonthCloseRow): boolean {
  // A close with no date (an old tablet's) sorts after every dated one.
  const at = a.closedAt ?? '\uffff', bt = b.closedAt ?? '\uffff';
  return at < bt || (at === bt && a.id < b.id);
}

export async function loadProduction(db: DeviceDb, today: string): Promise<ProductionData> {
  const [teamRows, memberships, salaries, contracts, suspensions, pmsmps, slots, assignments, chantiers, entries, competences, evaluations, closes, structures] = await Promise.all([
    allOf(db, 'team'), allOf(db, 'membership'), allOf(db, 'salarie'), allOf(db, 'contract'), allOf(db, 'suspension'), allOf(db, 'pmsmp'),
    allOf(db, 'planningSlot'), allOf(db, 'assignment'), allOf(db, 'chantier'), allOf(db, 'timeEntry'),
    allOf(db, 'competence'), allOf(db, 'evaluation'), allOf(db, 'monthClose'), allOf(db, 'structure'),
  ]);
  const salarieById = new Map(salaries.map((s) => [s.id, s]));
  return {
    today,
    teams: teamViews(teamRows, memberships, salarieById, today),
    salaries: salarieById,
    facts: buildFacts(salaries, contracts, suspensions, pmsmps, entries),
    slots, slotById: new Map(slots.map((s) => [s.id, s])),
    assignments,
    chantiers, chantierById: new Map(chantiers.map((c) => [c.id, c])),
    entries, entryByDay: new Map(entries.map((e) => [`${e.salarieId}|${e.date}`, e])),
    competences: new Map(competences.map((c) => [c.id, c])),
    matrix: currentLevels(evaluations),
    closedMonths: closedMonthsOf(closes),
    monthCloses: firstByMonth(closes),
    structureName: structures[0]?.name ?? '',
  };
}

/**
 * The time entries the server refused on this device, newest first (the relevé shows them). The
 * table is small: one getAll, filtered and sorted in memory.
 */
export async function rejectedTimeEntries(db: DeviceDb): Promise<RejectedChange[]> {
  const all = await db.rejected.toArray();
  return all.filter((r) => r.entity === 'timeEntry').sort((a, b) => b.at - a.at || (b.seq ?? 0) - (a.seq ?? 0));
}

export function productionQueries(db: DeviceDb) {
  return {
    loadProduction: (today: string) => loadProduction(db, today),
    /** The activities (a chantier's « Activité »). */
    activities: (): Promise<ActivityRow[]> => allOf(db, 'activity'),
    rejectedTimeEntries: () => rejectedTimeEntries(db),
    ...weekQueries(db),
  };
}
