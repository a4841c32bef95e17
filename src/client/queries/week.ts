// What the week view reads, in two live queries over the indexes instead of every table: the team
// (members, their contracts and the week's absences, chantiers), which rarely changes, and the
// week's planning (slots, assignments), which a tap changes. A tap re-reads the second only.
// The last weeks read are remembered in memory (and « Aujourd'hui » warms this week's), so the
// week view paints at once from them while its live reads refresh it. That memory belongs to the
// query object made once per device database (weekQueries), so a reset device or a test's fresh
// database starts empty, and its keys name the user, so a tablet that changes hands never shows
// the last user's week.
import { buildFacts } from '../../domain/production/facts';
import type { PersonFacts } from '../../domain/production/planning';
import { addDays } from '../../domain/rules/dates';
import { entityTable, type DeviceDb } from '../db';
import type { EntityRow } from '../rows';
import { queryMemory, type QueryMemory } from './memory';
import { allOf, manyOf, oneOf, rangeOf, rangesOf, whereIn } from './tables';
import { teamViews, type SalarieRow, type TeamView } from './teams';

export type SlotRow = EntityRow<'planningSlot'>;
export type AssignmentRow = EntityRow<'assignment'>;
export type ChantierRow = EntityRow<'chantier'>;
export type TimeEntryRow = EntityRow<'timeEntry'>;

export interface WeekTeam {
  teamId: string;
  monday: string;
  view: TeamView | undefined;
  /** Members' facts; absences only within the week read. */
  facts: Map<string, PersonFacts>;
  /** Time entry by `${salarieId}|${date}`, members and week only. */
  entryByDay: Map<string, TimeEntryRow>;
  /** Every live chantier (slots of other teams name theirs too). */
  chantierById: Map<string, ChantierRow>;
  chantiers: ChantierRow[];
}

export interface WeekPlan {
  monday: string;
  /** Live slots of every team over the week, by id. */
  slotById: Map<string, SlotRow>;
  /** Live assignments on those slots. */
  assignments: AssignmentRow[];
  /** When this read started: a write resolved before it is in it. */
  readAt: number;
}

/** What « Copier la semaine précédente » needs, read when tapped (not kept live). */
export interface WeekCopySource {
  /** The team's slots of the previous week. */
  previousSlots: SlotRow[];
  /** The live assignments on those slots. */
  previousAssignments: AssignmentRow[];
  /** The team's slots already in the week (a second copy does not double them). */
  targetSlots: SlotRow[];
  /** The people of those assignments, and their facts over the week (absences of the week). */
  salaries: SalarieRow[];
  facts: Map<string, PersonFacts>;
}

export interface PeopleFacts { salaries: SalarieRow[]; facts: Map<string, PersonFacts>; entries: TimeEntryRow[] }

export interface WeekMemory { team: QueryMemory<WeekTeam>; plan: QueryMemory<WeekPlan> }

export const weekTeamKey = (userId: string, teamId: string, monday: string, today: string): string => `${userId}|${teamId}|${monday}|${today}`;
export const weekPlanKey = (userId: string, monday: string): string => `${userId}|${monday}`;

/** Planning facts of `ids` with their absences from `from` to `to` (enough for dayChecks there). */
export async function factsOf(db: DeviceDb, ids: readonly string[], from: string, to: string): Promise<PeopleFacts> {
  const [salaries, contracts, suspensions, pmsmps, entries] = await Promise.all([
    manyOf(db, 'salarie', ids),
    whereIn(db, 'contract', 'salarieId', ids), whereIn(db, 'suspension', 'salarieId', ids), whereIn(db, 'pmsmp', 'salarieId', ids),
    rangesOf(db, 'timeEntry', '[salarieId+date]', ids, from, to),
  ]);
  return { salaries, facts: buildFacts(salaries, contracts, suspensions, pmsmps, entries), entries };
}

export async function loadWeekTeam(db: DeviceDb, teamId: string, monday: string, today: string): Promise<WeekTeam> {
  return db.transaction('r', ['team', 'membership', 'chantier', 'salarie', 'contract', 'suspension', 'pmsmp', 'timeEntry'], () => readWeekTeam(db, teamId, monday, today));
}

/** The team, its members' facts (their last read, factsOf, ends the transaction's work) and chantiers. */
async function readWeekTeam(db: DeviceDb, teamId: string, monday: string, today: string): Promise<WeekTeam> {
  const [team, memberships, chantiers] = await Promise.all([oneOf(db, 'team', teamId), whereIn(db, 'membership', 'teamId', [teamId]), allOf(db, 'chantier')]);
  const ids = [...new Set(memberships.map((m) => m.salarieId))];
  const { salaries, facts, entries } = await factsOf(db, ids, monday, addDays(monday, 4));
  const view = team === undefined ? undefined : teamViews([team], memberships, new Map(salaries.map((s) => [s.id, s])), today)[0];
  return {
    teamId, monday, view, facts,
    entryByDay: new Map(entries.map((e) => [`${e.salarieId}|${e.date}`, e])),
    chantierById: new Map(chantiers.map((c) => [c.id, c])),
    chantiers,
  };
}

export async function loadWeekPlan(db: DeviceDb, monday: string): Promise<WeekPlan> {
  const readAt = performance.now();
  return db.transaction('r', ['planningSlot', 'assignment'], () => readWeekPlan(db, monday, readAt));
}

/**
 * Slots of every team over the week (a member may work for another team that day), then their
 * assignments. Each step awaits the table reads itself, with no async helper in between: Dexie
 * follows its transaction across native awaits only a few microtask hops deep, and one more
 * layer before the last read loses it (PrematureCommitError). The test of loadWeekPlan guards it.
 */
async function readWeekPlan(db: DeviceDb, monday: string, readAt: number): Promise<WeekPlan> {
  const friday = addDays(monday, 4);
  const teamIds = (await entityTable(db, 'planningSlot').orderBy('teamId').uniqueKeys()).filter((k): k is string => typeof k === 'string');
  const slots = (await Promise.all(teamIds.map((t) => rangeOf(db, 'planningSlot', '[teamId+date]', t, monday, friday)))).flat();
  const assignments = await whereIn(db, 'assignment', 'slotId', slots.map((s) => s.id));
  return { monday, slotById: new Map(slots.map((s) => [s.id, s])), assignments, readAt };
}

/** The previous week of a team and what the copy into the week of `monday` must check. */
export async function loadWeekCopySource(db: DeviceDb, teamId: string, monday: string): Promise<WeekCopySource> {
  const friday = addDays(monday, 4);
  const [previousSlots, targetSlots] = await Promise.all([
    rangeOf(db, 'planningSlot', '[teamId+date]', teamId, addDays(monday, -7), addDays(monday, -3)),
    rangeOf(db, 'planningSlot', '[teamId+date]', teamId, monday, friday),
  ]);
  const previousAssignments = previousSlots.length === 0 ? [] : await whereIn(db, 'assignment', 'slotId', previousSlots.map((s) => s.id));
  const people = [...new Set(previousAssignments.map((a) => a.salarieId))];
  const { salaries, facts } = await factsOf(db, people, monday, friday);
  return { previousSlots, previousAssignments, targetSlots, salaries, facts };
}

/** The week view's reads bound to `db`, with this database's remembered weeks. */
export function weekQueries(db: DeviceDb) {
  const weekMemory: WeekMemory = { team: queryMemory<WeekTeam>(), plan: queryMemory<WeekPlan>() };
  return {
    weekTeam: (teamId: string, monday: string, today: string) => loadWeekTeam(db, teamId, monday, today),
    weekPlan: (monday: string) => loadWeekPlan(db, monday),
    weekCopySource: (teamId: string, monday: string) => loadWeekCopySource(db, teamId, monday),
    /** The last weeks read on this device, by weekTeamKey / weekPlanKey. */
    weekMemory,
    /** Reads a team's week into memory if it is not there yet: « Aujourd'hui » calls it when idle. */
    async warmWeek(userId: string, teamId: string, monday: string, today: string): Promise<void> {
      const teamKey = weekTeamKey(userId, teamId, monday, today);
      const planKey = weekPlanKey(userId, monday);
      if (weekMemory.team.get(teamKey) === undefined) weekMemory.team.set(teamKey, await loadWeekTeam(db, teamId, monday, today));
      if (weekMemory.plan.get(planKey) === undefined) weekMemory.plan.set(planKey, await loadWeekPlan(db, monday));
    },
  };
}
