// The parcours board's reads (issue 11): every salarié en parcours with what the board and the
// « À décider » block compute from (PASS, suspensions, prolongations, contracts, decisions…).
// Each query is one read-only transaction with one request per table, joined here by salarié in
// memory: a few hundred requests each in its own transaction took seconds (docs/PERFORMANCE.md,
// issue 11), a dozen in one transaction a fraction of that. Evaluations are read whole (one getAll) and only the
// due objectives' pairs kept; the last livret entry per person comes from one range of the `date`
// index over the last weeks (entries' texts of the recent weeks, not of the whole history), with
// a reverse walk of `[salarieId+date]` only for whoever has no live entry in those weeks.
// The last boards and « À décider » lists read are remembered (per device, keyed by user and
// day, the newest kept across restarts: persistedMemory.ts, made in index.ts since these reads
// load on first use), so a reopened board or home paints at once while its live read confirms it.
import { Dexie } from 'dexie';
import { boardRow, type BoardRow } from '../../domain/parcours/board';
import { byTarget, openDeadlines, type Deadline } from '../../domain/parcours/deadlines';
import { parcoursDeadlines } from '../../domain/parcours/facts';
import { byFrench } from '../../domain/people';
import { addDays } from '../../domain/rules/dates';
import { currentLevels, levelOf } from '../../domain/rules/matrix';
import { entityTable, type DeviceDb, type LocalRecord } from '../db';
import type { EntityRow } from '../rows';
import { AFTER_ANY_DATE } from './coordination';
import { allOf, betweenOf } from './tables';
import { isCurrentMembership, salarieStatus } from './structure';

export type { BoardRow };

export interface Board {
  rows: BoardRow[];
  /** Teams with someone en parcours, by name, for the filter. */
  teams: { id: string; name: string }[];
}

export interface ToDecideItem {
  deadline: Deadline;
  salarieId: string;
  firstName: string;
  lastName: string;
}

/** How far back the board first looks for each salarié's last livret entry (one range for all). */
export const RECENT_ENTRY_DAYS = 31;

function bySalarie<T extends { salarieId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.salarieId);
    if (list === undefined) out.set(r.salarieId, [r]);
    else list.push(r);
  }
  return out;
}

const none: never[] = [];

/** The latest date per salarié among live entries (any order). */
function lastDates(entries: readonly { salarieId: string; date: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of entries) {
    const d = out.get(e.salarieId);
    if (d === undefined || e.date > d) out.set(e.salarieId, e.date);
  }
  return out;
}

/** The date of a salarié's latest live livret entry: a reverse walk that stops at the first live one. */
function lastEntryDate(db: DeviceDb, salarieId: string): Promise<string | null> {
  return entityTable(db, 'logEntry')
    .where('[salarieId+date]').between([salarieId, Dexie.minKey], [salarieId, Dexie.maxKey], true, true)
    .reverse().filter((r) => r._deleted === 0).first()
    .then((row: LocalRecord | undefined) => (typeof row?.date === 'string' ? row.date : null));
}

function enParcours(salaries: readonly EntityRow<'salarie'>[], today: string): EntityRow<'salarie'>[] {
  return salaries.filter((s) => salarieStatus(s, today) === 'en_parcours')
    .sort((a, b) => byFrench(a.lastName, b.lastName) || byFrench(a.firstName, b.firstName));
}

/** The tables « À décider » computes from, read together (inside the caller's transaction). */
function readParcoursRecords(db: DeviceDb) {
  return Promise.all([
    allOf(db, 'salarie'), allOf(db, 'passIae'), allOf(db, 'suspension'), allOf(db, 'prolongation'), allOf(db, 'contract'), allOf(db, 'decision'),
  ]);
}

type ParcoursTables = Awaited<ReturnType<typeof readParcoursRecords>>;

function parcoursRecords([salaries, passes, suspensions, prolongations, contracts, decisions]: ParcoursTables, today: string) {
  return {
    salaries: enParcours(salaries, today),
    passes: bySalarie(passes), suspensions: bySalarie(suspensions), prolongations: bySalarie(prolongations),
    contracts: bySalarie(contracts), handledKeys: new Set(decisions.map((d) => d.deadlineKey)),
  };
}

const PARCOURS_TABLES = ['salarie', 'passIae', 'suspension', 'prolongation', 'contract', 'decision'];
const BOARD_TABLES = [...PARCOURS_TABLES, 'structure', 'team', 'membership', 'onboarding', 'diagnostic', 'objective', 'evaluation', 'logEntry'];

export function board(db: DeviceDb, today: string): Promise<Board> {
  return db.transaction('r', BOARD_TABLES, () => readBoard(db, today));
}

/**
 * Every request is issued at once, then only the salariés with no recent entry get a second step.
 * Each step awaits the table reads itself, with no async helper in between: Dexie follows its
 * transaction across native awaits only a few microtask hops deep (see queries/week.ts).
 */
async function readBoard(db: DeviceDb, today: string): Promise<Board> {
  const [parcoursTables, structures, teams, memberships, onboardings, diagnostics, objectives, allEvaluations, recentEntries] = await Promise.all([
    readParcoursRecords(db), allOf(db, 'structure'), allOf(db, 'team'), allOf(db, 'membership'),
    allOf(db, 'onboarding'), allOf(db, 'diagnostic'), allOf(db, 'objective'), allOf(db, 'evaluation'),
    betweenOf(db, 'logEntry', 'date', addDays(today, -RECENT_ENTRY_DAYS), AFTER_ANY_DATE),
  ]);
  const records = parcoursRecords(parcoursTables, today);
  const { salaries } = records;
  // Any entry later than one in the range is in the range too: a date found there is the last one.
  const last = lastDates(recentEntries);
  const older = await Promise.all(salaries.filter((s) => !last.has(s.id)).map((s) => lastEntryDate(db, s.id).then((d) => [s.id, d] as const)));
  for (const [id, d] of older) if (d !== null) last.set(id, d);

  const present = new Set(salaries.map((s) => s.id));
  const due = objectives.filter((o) => o.dueDate < today && present.has(o.salarieId));
  const pairs = new Set(due.map((o) => `${o.salarieId}|${o.competenceId}`));
  const levels = currentLevels(allEvaluations.filter((e) => pairs.has(`${e.salarieId}|${e.competenceId}`)));
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const membershipsOf = bySalarie(memberships.filter((m) => isCurrentMembership(m, today)));
  const onboardingsOf = bySalarie(onboardings);
  const diagnosticsOf = bySalarie(diagnostics);
  const dueOf = bySalarie(due);
  const structure = structures[0];
  const rows = salaries.map((salarie) => boardRow({
    salarieId: salarie.id,
    salarie,
    structure: structure && { type: structure.type, lowHoursWaiver: structure.lowHoursWaiver ?? null },
    teams: [...new Set((membershipsOf.get(salarie.id) ?? none).map((m) => m.teamId))]
      .flatMap((id) => { const t = teamById.get(id); return t ? [{ id: t.id, name: t.name }] : []; })
      .sort((a, b) => byFrench(a.name, b.name)),
    passes: records.passes.get(salarie.id) ?? none,
    suspensions: records.suspensions.get(salarie.id) ?? none,
    prolongations: records.prolongations.get(salarie.id) ?? none,
    contracts: records.contracts.get(salarie.id) ?? none,
    onboardings: onboardingsOf.get(salarie.id) ?? none,
    diagnostics: diagnosticsOf.get(salarie.id) ?? none,
    objectives: (dueOf.get(salarie.id) ?? none).map((o) => ({ targetLevel: o.targetLevel, dueDate: o.dueDate, level: levelOf(levels, o.salarieId, o.competenceId) })),
    lastEntryDate: last.get(salarie.id) ?? null,
    handledKeys: records.handledKeys,
  }, today));
  const teamIds = new Set(rows.flatMap((r) => r.teams.map((t) => t.id)));
  return {
    rows,
    teams: teams.filter((t) => teamIds.has(t.id)).map((t) => ({ id: t.id, name: t.name })).sort((a, b) => byFrench(a.name, b.name)),
  };
}

/** The home's « À décider »: only what the deadlines need (no evaluations, no livret), in one transaction. */
export async function toDecide(db: DeviceDb, today: string): Promise<ToDecideItem[]> {
  const records = parcoursRecords(await db.transaction('r', PARCOURS_TABLES, () => readParcoursRecords(db)), today);
  const items: ToDecideItem[] = [];
  for (const s of records.salaries) {
    const deadlines = parcoursDeadlines({
      salarieId: s.id,
      passes: records.passes.get(s.id) ?? none,
      suspensions: records.suspensions.get(s.id) ?? none,
      prolongations: records.prolongations.get(s.id) ?? none,
      contracts: records.contracts.get(s.id) ?? none,
    });
    for (const deadline of openDeadlines(deadlines, records.handledKeys, today)) {
      items.push({ deadline, salarieId: s.id, firstName: s.firstName, lastName: s.lastName });
    }
  }
  return items.sort((a, b) => byTarget(a.deadline, b.deadline));
}

/** The board's and « À décider »'s memory key: the user (a tablet changes hands) and the day its rows are computed for. */
export const boardKey = (userId: string, today: string): string => `${userId}|${today}`;

export function parcoursQueries(db: DeviceDb) {
  return {
    board: (today: string) => board(db, today),
    toDecide: (today: string) => toDecide(db, today),
  };
}
