// What the week view reads, in two live queries over the indexes instead of every table: the team
// (members, their contracts and the week's absences, chantiers), which rarely changes, and the
// week's planning (slots, assignments), which a tap changes. A tap re-reads the second only.
// The last weeks read are remembered in memory (and « Aujourd'hui » warms this week's), so the
// week view paints at once from them while its live reads refresh it.
import { entityTable, type DeviceDb } from '../../client/db';
import { queryMemory, type QueryMemory } from '../../client/queries/memory';
import type { PersonFacts } from '../../domain/production/planning';
import { addDays } from '../../domain/rules/dates';
import { str, type Rec, type TeamView } from '../shell/legacyQueries';
import { buildFacts, live, readAll, teamViews } from './data';

export interface WeekTeam {
  teamId: string;
  monday: string;
  view: TeamView | undefined;
  /** Members' facts; absences only within the week read. */
  facts: Map<string, PersonFacts>;
  /** Time entry by `${salarieId}|${date}`, members and week only. */
  entryByDay: Map<string, Rec>;
  /** Every live chantier (slots of other teams name theirs too). */
  chantierById: Map<string, Rec>;
  chantiers: Rec[];
}

export interface WeekPlan {
  monday: string;
  /** Live slots of every team over the week, by id. */
  slotById: Map<string, Rec>;
  /** Live assignments on those slots. */
  assignments: Rec[];
  /** When this read started: a write resolved before it is in it. */
  readAt: number;
}

const between = (id: string, from: string, to: string): [[string, string], [string, string]] => [[id, from], [id, to]];

/** Live rows of `entity` whose index `field` is one of `ids`: one getAll per id, issued together
 * (Dexie's anyOf walks a cursor, one round trip per row). */
export async function anyOf(db: DeviceDb, entity: 'contract' | 'suspension' | 'pmsmp' | 'assignment', field: string, ids: string[]): Promise<Rec[]> {
  const table = entityTable(db, entity);
  return live((await Promise.all(ids.map((id) => table.where(field).equals(id).toArray()))).flat());
}

/** Time entries of `ids` from `from` to `to` (inclusive), through [salarieId+date]. */
export async function entriesOf(db: DeviceDb, ids: string[], from: string, to: string): Promise<Rec[]> {
  const table = entityTable(db, 'timeEntry');
  const rows = await Promise.all(ids.map((id) => table.where('[salarieId+date]').between(...between(id, from, to), true, true).toArray()));
  return live(rows.flat());
}

/** Planning facts of `ids` with their absences from `from` to `to` (enough for dayChecks there). */
export async function factsOf(db: DeviceDb, ids: string[], from: string, to: string): Promise<{ salaries: Rec[]; facts: Map<string, PersonFacts>; entries: Rec[] }> {
  const [salaries, contracts, suspensions, pmsmps, entries] = await Promise.all([
    entityTable(db, 'salarie').bulkGet(ids).then(live),
    anyOf(db, 'contract', 'salarieId', ids), anyOf(db, 'suspension', 'salarieId', ids), anyOf(db, 'pmsmp', 'salarieId', ids),
    entriesOf(db, ids, from, to),
  ]);
  return { salaries, facts: buildFacts(salaries, contracts, suspensions, pmsmps, entries), entries };
}

export async function loadWeekTeam(db: DeviceDb, teamId: string, monday: string, today: string): Promise<WeekTeam> {
  return db.transaction('r', ['team', 'membership', 'chantier', 'salarie', 'contract', 'suspension', 'pmsmp', 'timeEntry'], () => readWeekTeam(db, teamId, monday, today));
}

async function readWeekTeam(db: DeviceDb, teamId: string, monday: string, today: string): Promise<WeekTeam> {
  const [team, memberships, chantiers] = await Promise.all([
    entityTable(db, 'team').get(teamId), entityTable(db, 'membership').where('teamId').equals(teamId).toArray().then(live), readAll(db, 'chantier'),
  ]);
  const ids = [...new Set(memberships.map((m) => str(m, 'salarieId')))];
  const { salaries, facts, entries } = await factsOf(db, ids, monday, addDays(monday, 4));
  const view = team !== undefined && team._deleted === 0 ? teamViews([team], memberships, new Map(salaries.map((s) => [s.id, s])), today)[0] : undefined;
  return {
    teamId, monday, view, facts,
    entryByDay: new Map(entries.map((e) => [`${str(e, 'salarieId')}|${str(e, 'date')}`, e])),
    chantierById: new Map(chantiers.map((c) => [c.id, c])),
    chantiers,
  };
}

/** Slots of every team from `from` to `to` (a member may work for another team that day). */
export async function slotsBetween(db: DeviceDb, from: string, to: string): Promise<Rec[]> {
  const table = entityTable(db, 'planningSlot');
  const teamIds = (await table.orderBy('teamId').uniqueKeys()).filter((k): k is string => typeof k === 'string');
  const rows = await Promise.all(teamIds.map((t) => table.where('[teamId+date]').between(...between(t, from, to), true, true).toArray()));
  return live(rows.flat());
}

export async function loadWeekPlan(db: DeviceDb, monday: string): Promise<WeekPlan> {
  const readAt = performance.now();
  return db.transaction('r', ['planningSlot', 'assignment'], () => readWeekPlan(db, monday, readAt));
}

async function readWeekPlan(db: DeviceDb, monday: string, readAt: number): Promise<WeekPlan> {
  const slots = await slotsBetween(db, monday, addDays(monday, 4));
  const assignments = await anyOf(db, 'assignment', 'slotId', slots.map((s) => s.id));
  return { monday, slotById: new Map(slots.map((s) => [s.id, s])), assignments, readAt };
}

// --- remembered weeks ---------------------------------------------------------------------

interface WeekMemory { team: QueryMemory<WeekTeam>; plan: QueryMemory<WeekPlan> }
const memories = new WeakMap<DeviceDb, WeekMemory>();

/** This device's remembered weeks (per database: tests and a reset device start empty). */
export function weekMemory(db: DeviceDb): WeekMemory {
  let m = memories.get(db);
  if (m === undefined) memories.set(db, m = { team: queryMemory<WeekTeam>(), plan: queryMemory<WeekPlan>() });
  return m;
}

export const weekTeamKey = (userId: string, teamId: string, monday: string, today: string): string => `${userId}|${teamId}|${monday}|${today}`;
export const weekPlanKey = (userId: string, monday: string): string => `${userId}|${monday}`;

/** Reads a team's week into memory if it is not there yet: « Aujourd'hui » calls it when idle. */
export async function warmWeek(db: DeviceDb, userId: string, teamId: string, monday: string, today: string): Promise<void> {
  const memory = weekMemory(db);
  const teamKey = weekTeamKey(userId, teamId, monday, today);
  const planKey = weekPlanKey(userId, monday);
  if (memory.team.get(teamKey) === undefined) memory.team.set(teamKey, await loadWeekTeam(db, teamId, monday, today));
  if (memory.plan.get(planKey) === undefined) memory.plan.set(planKey, await loadWeekPlan(db, monday));
}
