// Everything « Aujourd'hui », the relevé and the day sheet read, loaded in one pass (one getAll
// per table, not a cursor) and indexed in memory; the week view reads narrower (weekData.ts).
// Screens wrap it in useLiveQuery.
import { ABSENCE_TYPES } from '../../domain/entities';
import { currentLevels, levelOf, type EvaluationLike, type MatrixCell } from '../../domain/rules/matrix';
import type { AbsenceType, PersonFacts, ContractFacts } from '../../domain/production/planning';
import type { TimeEntryFacts } from '../../domain/production/hours';
import type { DeviceDb } from '../../client/db';
import { liveAll, str, teamViews, type Rec, type TeamView } from '../shell/legacyQueries';

export interface ProductionData {
  today: string;
  teams: TeamView[];
  salaries: Map<string, Rec>;
  facts: Map<string, PersonFacts>;
  slots: Rec[];
  slotById: Map<string, Rec>;
  assignments: Rec[];
  chantiers: Rec[];
  chantierById: Map<string, Rec>;
  entries: Rec[];
  /** Time entry by `${salarieId}|${date}`. */
  entryByDay: Map<string, Rec>;
  competences: Map<string, Rec>;
  matrix: Map<string, MatrixCell>;
  closedMonths: Set<string>;
  structureName: string;
}

const num = (r: Rec | undefined, f: string): number | null => (typeof r?.[f] === 'number' ? (r[f] as number) : null);
const opt = (r: Rec, f: string): string | null => (typeof r[f] === 'string' ? (r[f] as string) : null);
const isAbsence = (v: unknown): v is AbsenceType => typeof v === 'string' && (ABSENCE_TYPES as readonly string[]).includes(v);

export function contractFacts(r: Rec): ContractFacts {
  return { type: str(r, 'type'), start: str(r, 'start'), end: opt(r, 'end'), weeklyHours: num(r, 'weeklyHours') ?? 0, lowHoursReason: opt(r, 'lowHoursReason') };
}

export function timeFacts(r: Rec): TimeEntryFacts {
  const absence = r['absence'];
  return {
    salarieId: str(r, 'salarieId'), date: str(r, 'date'), hours: num(r, 'hours') ?? 0,
    absence: isAbsence(absence) ? absence : null, absenceHours: num(r, 'absenceHours'), lateMinutes: num(r, 'lateMinutes'),
  };
}

function groupBy(rows: Rec[], field: string): Map<string, Rec[]> {
  const out = new Map<string, Rec[]>();
  for (const r of rows) {
    const k = str(r, field);
    const list = out.get(k);
    if (list) list.push(r); else out.set(k, [r]);
  }
  return out;
}

/** Every live row of a table (one getAll, filtered in memory). */
export const readAll = liveAll;

export const live = (rows: readonly (Rec | undefined)[]): Rec[] => rows.filter((r): r is Rec => r !== undefined && r._deleted === 0);

export { teamViews } from '../shell/legacyQueries';

/** The planning facts of each salarié, from their rows (entries: only those with an absence count). */
export function buildFacts(salaries: Iterable<Rec>, contracts: Rec[], suspensions: Rec[], pmsmps: Rec[], entries: Rec[]): Map<string, PersonFacts> {
  const byC = groupBy(contracts, 'salarieId');
  const byS = groupBy(suspensions, 'salarieId');
  const byP = groupBy(pmsmps, 'salarieId');
  const byE = groupBy(entries.filter((e) => isAbsence(e['absence'])), 'salarieId');
  const facts = new Map<string, PersonFacts>();
  for (const s of salaries) {
    facts.set(s.id, {
      salarieId: s.id,
      contracts: (byC.get(s.id) ?? []).map(contractFacts),
      suspensions: (byS.get(s.id) ?? []).map((r) => ({ start: str(r, 'start'), end: str(r, 'end') })),
      pmsmps: (byP.get(s.id) ?? []).map((r) => ({ start: str(r, 'start'), end: str(r, 'end'), company: opt(r, 'company') })),
      absences: (byE.get(s.id) ?? []).map((r) => ({ date: str(r, 'date'), type: r['absence'] as AbsenceType, fullDay: (num(r, 'hours') ?? 0) === 0 })),
      amenagements: opt(s, 'amenagements'),
      exitDate: opt(s, 'exitDate'),
    });
  }
  return facts;
}

export async function loadProduction(db: DeviceDb, today: string): Promise<ProductionData> {
  const [teamRows, memberships, salaries, contracts, suspensions, pmsmps, slots, assignments, chantiers, entries, competences, evaluations, closes, structures] = await Promise.all([
    readAll(db, 'team'), readAll(db, 'membership'), readAll(db, 'salarie'), readAll(db, 'contract'), readAll(db, 'suspension'), readAll(db, 'pmsmp'),
    readAll(db, 'planningSlot'), readAll(db, 'assignment'), readAll(db, 'chantier'), readAll(db, 'timeEntry'),
    readAll(db, 'competence'), readAll(db, 'evaluation'), readAll(db, 'monthClose'), readAll(db, 'structure'),
  ]);
  const salarieById = new Map(salaries.map((s) => [s.id, s]));
  const teams = teamViews(teamRows, memberships, salarieById, today);
  const facts = buildFacts(salaries, contracts, suspensions, pmsmps, entries);
  const evals: EvaluationLike[] = evaluations.map((e) => ({ id: e.id, salarieId: str(e, 'salarieId'), competenceId: str(e, 'competenceId'), level: num(e, 'level') ?? 0, context: str(e, 'context'), date: str(e, 'date') }));
  return {
    today, teams,
    salaries: salarieById,
    facts,
    slots, slotById: new Map(slots.map((s) => [s.id, s])),
    assignments,
    chantiers, chantierById: new Map(chantiers.map((c) => [c.id, c])),
    entries, entryByDay: new Map(entries.map((e) => [`${str(e, 'salarieId')}|${str(e, 'date')}`, e])),
    competences: new Map(competences.map((c) => [c.id, c])),
    matrix: currentLevels(evals),
    closedMonths: new Set(closes.map((c) => str(c, 'month'))),
    structureName: str(structures[0], 'name'),
  };
}

// --- small reads over the loaded data ---------------------------------------------------

export function slotHours(slot: Rec | undefined): number {
  const a = str(slot, 'startTime');
  const b = str(slot, 'endTime');
  if (a === '' || b === '') return 0;
  const mins = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return Math.max(0, (mins(b) - mins(a)) / 60);
}

export function slotsOf(d: ProductionData, teamId: string, date: string): Rec[] {
  return d.slots.filter((s) => str(s, 'teamId') === teamId && str(s, 'date') === date)
    .sort((a, b) => str(a, 'startTime').localeCompare(str(b, 'startTime')));
}

export function assignmentsIn(d: ProductionData, slotId: string): Rec[] {
  return d.assignments.filter((a) => str(a, 'slotId') === slotId);
}

/** A person's assignments on a date, whatever the team, in slot order. */
export function assignmentsOn(d: ProductionData, salarieId: string, date: string): Rec[] {
  return d.assignments
    .filter((a) => str(a, 'salarieId') === salarieId && str(d.slotById.get(str(a, 'slotId')), 'date') === date)
    .sort((a, b) => str(d.slotById.get(str(a, 'slotId')), 'startTime').localeCompare(str(d.slotById.get(str(b, 'slotId')), 'startTime')));
}

export function assignmentHours(d: Pick<ProductionData, 'slotById'>, a: Rec): number {
  return num(a, 'hours') ?? slotHours(d.slotById.get(str(a, 'slotId')));
}

export function plannedHours(d: ProductionData, salarieId: string, date: string): number {
  return Math.round(assignmentsOn(d, salarieId, date).reduce((s, a) => s + assignmentHours(d, a), 0) * 100) / 100;
}

/** « Parc de la mairie » or the slot's own label for a workshop day. */
export function slotPlace(d: Pick<ProductionData, 'chantierById'>, slot: Rec | undefined): string {
  const c = d.chantierById.get(str(slot, 'chantierId'));
  return c ? str(c, 'name') : str(slot, 'label') || 'Créneau';
}

export function slotTime(slot: Rec | undefined): string {
  const a = str(slot, 'startTime');
  const b = str(slot, 'endTime');
  return a !== '' && b !== '' ? `${a.replace(':', 'h')}–${b.replace(':', 'h')}` : '';
}

export function levelFor(d: ProductionData, salarieId: string, competenceId: string): number {
  return levelOf(d.matrix, salarieId, competenceId);
}

export function teamOf(d: ProductionData, teamId: string): TeamView | undefined {
  return d.teams.find((t) => t.team.id === teamId);
}

export function fmtHours(h: number): string {
  return `${String(Math.round(h * 100) / 100).replace('.', ',')} h`;
}
