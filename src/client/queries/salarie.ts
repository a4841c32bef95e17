// The reads of the salarié's own space (« Mon parcours »): who they are, their week, their hours,
// their competences and when they progressed, their objectives, their PASS IAE, their badges and
// the livret entries shared with them.
//
// Every read is for a VIEWER (a structure and a salarié) and passes each row through the same
// access predicates the server uses on a pull (domain/access.ts `canRead`, `visibleFields`),
// with the actor the server would build for that salarié. On the salarié's own tablet the server
// already sent only those rows, so the filter changes nothing; on the ETI's tablet lent in
// consultation mode, the device holds the whole team, and the filter is what keeps the screen to
// exactly what the salarié would see on their own login: no private or team entry, no
// diagnostic, no confidential field, nobody else's record.
//
// « With whom » and « where »: the contract lets a salarié read their assignments and the slots
// they are in, not the team, the chantier or the users. The week reads a slot's chantier and team
// anyway and shows them when `canRead` allows it, so widening the access table is enough to show
// them; until then the place is the slot's own label (« Matin — Parc des Tilleuls »).
import { canRead, visibleFields, type Actor } from '../../domain/access';
import { objectiveState, type ObjectiveState } from '../../domain/competences/objectives';
import { acquiredCompetences, type AttestedContext } from '../../domain/documents/attestation';
import type { EntityName } from '../../domain/entities';
import { isLaterEvaluation, toLevel, type CompetenceLevel } from '../../domain/rules/matrix';
import { passEndDate, passStatus, remainingDays, type PassStatus } from '../../domain/rules/pass';
import { addDays, diffDays, type IsoDate } from '../../domain/rules/dates';
import { mondayOf } from '../../domain/production/calendar';
import { totalsOf, fromCenti, absenceTotal } from '../../domain/production/hours';
import type { DeviceDb } from '../db';
import type { EntityRow } from '../rows';
import { logOf, pmsmpsOf, type LogEntryRow, type PmsmpRow } from './livret';
import { allCompetences, competencesOfSalarie, evaluationsOf, type CompetenceRow, type MyCompetence } from './salarieCompetences';
import { allOf, manyOf, oneOf, rangeOf, whereIn } from './tables';
import type { SalarieRow } from './teams';

/** Whose space is read, and in which structure (the signed-in user's). */
export interface SalarieViewer { structureId: string; salarieId: string }

/** The actor the server builds for a salarié: their own record, the slots they have an assignment in. */
export function salarieActor(viewer: SalarieViewer, slotIds: ReadonlySet<string> = new Set()): Actor {
  return {
    // A salarié's read rules never look at the user id (only a self-assessment's write does).
    userId: '',
    role: 'salarie',
    structureId: viewer.structureId,
    salarieId: viewer.salarieId,
    teamIds: new Set(),
    salarieIds: new Set(),
    slotIds,
    etiMayEditReferentiel: false,
  };
}

/** The rows this actor may read, with the fields it may see. */
export function readable<E extends EntityName>(actor: Actor, entity: E, rows: readonly EntityRow<E>[]): EntityRow<E>[] {
  const out: EntityRow<E>[] = [];
  for (const r of rows) {
    if (canRead(actor, { entity, id: r.id, structureId: r.structureId, fields: r })) out.push(visibleFields(actor, entity, r));
  }
  return out;
}

const actorOf = (v: SalarieViewer) => salarieActor(v);

// --- Home, livret, competences ------------------------------------------------------------

export interface SalarieHomeData {
  me: SalarieRow | undefined;
  /** The entries shared with the salarié, newest first. */
  entries: LogEntryRow[];
}

export async function salarieHome(db: DeviceDb, v: SalarieViewer): Promise<SalarieHomeData> {
  const actor = actorOf(v);
  const [me, entries] = await Promise.all([oneOf(db, 'salarie', v.salarieId), logOf(db, v.salarieId)]);
  return { me: me === undefined ? undefined : readable(actor, 'salarie', [me])[0], entries: readable(actor, 'logEntry', entries) };
}

async function myCompetences(db: DeviceDb, v: SalarieViewer): Promise<MyCompetence[]> {
  const actor = actorOf(v);
  // competencesOfSalarie reads the salarié's own evaluations and objectives only; the check
  // below keeps the answer empty for a viewer from another structure.
  const all = await competencesOfSalarie(db, v.salarieId);
  return all.filter((m) => m.competence.structureId === actor.structureId);
}

export interface Progress {
  date: IsoDate;
  competence: CompetenceRow;
  from: CompetenceLevel;
  to: CompetenceLevel;
}

/** When I progressed: each official evaluation that raised a level, newest first. */
export async function progressOf(db: DeviceDb, v: SalarieViewer): Promise<Progress[]> {
  const actor = actorOf(v);
  const [competences, evaluations] = await Promise.all([allCompetences(db), evaluationsOf(db, v.salarieId)]);
  const byId = new Map(readable(actor, 'competence', competences).map((c) => [c.id, c]));
  const official = readable(actor, 'evaluation', evaluations)
    .filter((e) => e.context !== 'self')
    .sort((a, b) => (isLaterEvaluation(a, b) ? 1 : isLaterEvaluation(b, a) ? -1 : 0));
  const last = new Map<string, CompetenceLevel>();
  const out: Progress[] = [];
  for (const e of official) {
    const from = last.get(e.competenceId) ?? 0;
    const to = toLevel(e.level);
    last.set(e.competenceId, to);
    const competence = byId.get(e.competenceId);
    if (to > from && competence !== undefined) out.push({ date: e.date, competence, from, to });
  }
  return out.reverse();
}

export interface MyObjective {
  id: string;
  competence: CompetenceRow;
  targetLevel: CompetenceLevel;
  dueDate: IsoDate;
  current: CompetenceLevel;
  state: ObjectiveState;
}

/** What I learn next, by when: objectives not reached by due date, then the reached ones. */
export async function objectivesOf(db: DeviceDb, v: SalarieViewer, today: IsoDate): Promise<MyObjective[]> {
  const actor = actorOf(v);
  const [mine, objectives] = await Promise.all([myCompetences(db, v), whereIn(db, 'objective', 'salarieId', [v.salarieId])]);
  const byId = new Map(mine.map((m) => [m.competence.id, m]));
  const out: MyObjective[] = [];
  for (const o of readable(actor, 'objective', objectives)) {
    const m = byId.get(o.competenceId);
    if (m === undefined) continue;
    const current = m.cell?.level ?? 0;
    out.push({ id: o.id, competence: m.competence, targetLevel: toLevel(o.targetLevel), dueDate: o.dueDate, current, state: objectiveState(o, current, today) });
  }
  const done = (o: MyObjective) => (o.state === 'atteint' ? 1 : 0);
  return out.sort((a, b) => done(a) - done(b) || a.dueDate.localeCompare(b.dueDate) || a.competence.label.localeCompare(b.competence.label, 'fr'));
}

// --- Week ---------------------------------------------------------------------------------

export interface WeekItem {
  slotId: string;
  startTime: string | undefined;
  endTime: string | undefined;
  /** The chantier's name when readable, else the slot's label; empty when neither. */
  place: string;
  /** The chantier's place (address) when readable. */
  address: string | undefined;
  task: string;
  consignes: string | undefined;
  checklist: string[];
  epi: string[];
  /** The competences the task asks for, with their pictograms. */
  competences: CompetenceRow[];
  /** With the encadrant close by. */
  training: boolean;
  /** The team's name and its encadrants' names, when readable (see the file header). */
  team: { name: string; encadrants: string[] } | undefined;
}

export interface WeekDay { date: IsoDate; items: WeekItem[] }
export interface MyWeek { monday: IsoDate; days: WeekDay[] }

/** My week from Monday: Monday to Friday always, Saturday and Sunday when something is planned. */
export async function weekOf(db: DeviceDb, v: SalarieViewer, anyDay: IsoDate): Promise<MyWeek> {
  const monday = mondayOf(anyDay);
  const sunday = addDays(monday, 6);
  const assignments = readable(salarieActor(v), 'assignment', await whereIn(db, 'assignment', 'salarieId', [v.salarieId]));
  const actor = salarieActor(v, new Set(assignments.map((a) => a.slotId)));
  const slots = readable(actor, 'planningSlot', await manyOf(db, 'planningSlot', [...actor.slotIds]))
    .filter((s) => s.date >= monday && s.date <= sunday);
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const chantierIds = [...new Set(slots.flatMap((s) => (s.chantierId ? [s.chantierId] : [])))];
  const teamIds = [...new Set(slots.map((s) => s.teamId))];
  const [chantiers, teams, competences] = await Promise.all([
    manyOf(db, 'chantier', chantierIds), manyOf(db, 'team', teamIds), allCompetences(db),
  ]);
  const chantierById = new Map(readable(actor, 'chantier', chantiers).map((c) => [c.id, c]));
  const teamById = new Map(readable(actor, 'team', teams).map((t) => [t.id, t]));
  const competenceById = new Map(readable(actor, 'competence', competences).map((c) => [c.id, c]));
  const etiIds = [...new Set([...teamById.values()].flatMap((t) => t.etiUserIds))];
  const users = etiIds.length === 0 ? [] : readable(actor, 'user', await manyOf(db, 'user', etiIds));
  const userById = new Map(users.map((u) => [u.id, u]));

  const days: WeekDay[] = [];
  for (let i = 0; i < 7; i++) days.push({ date: addDays(monday, i), items: [] });
  for (const a of assignments) {
    const s = slotById.get(a.slotId);
    if (s === undefined) continue;
    const chantier = s.chantierId ? chantierById.get(s.chantierId) : undefined;
    const team = teamById.get(s.teamId);
    const day = days[diffDays(s.date, monday)];
    day?.items.push({
      slotId: s.id,
      startTime: s.startTime ?? undefined,
      endTime: s.endTime ?? undefined,
      place: chantier?.name ?? s.label ?? '',
      address: chantier?.place ?? undefined,
      task: a.task,
      consignes: a.consignes ?? undefined,
      checklist: a.checklist ?? [],
      epi: a.epi ?? [],
      competences: (a.competenceIds ?? []).flatMap((id) => competenceById.get(id) ?? []),
      training: a.training === true,
      team: team === undefined ? undefined : { name: team.name, encadrants: team.etiUserIds.flatMap((id) => userById.get(id)?.displayName ?? []) },
    });
  }
  for (const d of days) d.items.sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? ''));
  return { monday, days: days.filter((d, i) => i < 5 || d.items.length > 0) };
}

// --- Hours --------------------------------------------------------------------------------

export interface HoursDay { date: IsoDate; worked: number; absence: string | undefined; absenceHours: number; lateMinutes: number }
export interface MyHours {
  month: string;
  /** Days with an entry, oldest first. */
  days: HoursDay[];
  worked: number;
  absent: number;
  lateMinutes: number;
  daysWorked: number;
}

/** My hours in a month ('YYYY-MM') from the relevé d'heures. */
export async function hoursOf(db: DeviceDb, v: SalarieViewer, month: string): Promise<MyHours> {
  const rows = readable(actorOf(v), 'timeEntry', await rangeOf(db, 'timeEntry', '[salarieId+date]', v.salarieId, `${month}-01`, `${month}-31`));
  const totals = totalsOf(rows);
  return {
    month,
    days: rows.map((r) => ({ date: r.date, worked: r.hours, absence: r.absence ?? undefined, absenceHours: r.absenceHours ?? 0, lateMinutes: r.lateMinutes ?? 0 })),
    worked: fromCenti(totals.worked),
    absent: fromCenti(absenceTotal(totals)),
    lateMinutes: totals.lateMinutes,
    daysWorked: totals.daysWorked,
  };
}

// --- PASS IAE -----------------------------------------------------------------------------

export interface MyPass {
  start: IsoDate;
  end: IsoDate;
  /** Days from start to end, both included (suspensions and prolongations counted). */
  totalDays: number;
  usedDays: number;
  leftDays: number;
  status: PassStatus;
  /** Suspended today. */
  suspended: boolean;
}

/** My latest PASS IAE as time used and time left (domain/rules/pass.ts); undefined without one. */
export async function passOf(db: DeviceDb, v: SalarieViewer, today: IsoDate): Promise<MyPass | undefined> {
  const actor = actorOf(v);
  const [passes, suspensions, prolongations] = await Promise.all([
    whereIn(db, 'passIae', 'salarieId', [v.salarieId]), whereIn(db, 'suspension', 'salarieId', [v.salarieId]), whereIn(db, 'prolongation', 'salarieId', [v.salarieId]),
  ]);
  const pass = readable(actor, 'passIae', passes).sort((a, b) => b.start.localeCompare(a.start))[0];
  if (pass === undefined) return undefined;
  const sus = readable(actor, 'suspension', suspensions).filter((s) => s.passIaeId === pass.id);
  const pro = readable(actor, 'prolongation', prolongations).filter((p) => p.passIaeId === pass.id);
  const end = passEndDate(pass, sus, pro);
  const totalDays = Math.max(1, diffDays(end, pass.start) + 1);
  const leftDays = Math.min(totalDays, remainingDays(pass, sus, pro, today));
  const status = passStatus(pass, { suspensions: sus, prolongations: pro }, today);
  return { start: pass.start, end, totalDays, usedDays: totalDays - leftDays, leftDays, status, suspended: status === 'suspendu' };
}

// --- Badges -------------------------------------------------------------------------------

export interface MyBadge {
  id: string;
  issuedOn: IsoDate;
  /** What it recognises: a competence's label, or an activity's name (every competence of it). */
  label: string;
  /** The competence's pictogram name; undefined for an activity. */
  pictogram: string | undefined;
}

/** My badges, newest first, each with what it recognises (a competence or a whole activity). */
export async function badgesOf(db: DeviceDb, v: SalarieViewer): Promise<MyBadge[]> {
  const actor = actorOf(v);
  const [badges, competences, activities] = await Promise.all([whereIn(db, 'badge', 'salarieId', [v.salarieId]), allCompetences(db), allOf(db, 'activity')]);
  const competenceById = new Map(readable(actor, 'competence', competences).map((c) => [c.id, c]));
  const activityById = new Map(readable(actor, 'activity', activities).map((a) => [a.id, a]));
  const out: MyBadge[] = [];
  for (const b of readable(actor, 'badge', badges)) {
    const competence = b.competenceId ? competenceById.get(b.competenceId) : undefined;
    const activity = b.activityId ? activityById.get(b.activityId) : undefined;
    const label = competence?.label ?? activity?.name;
    if (label === undefined) continue;
    out.push({ id: b.id, issuedOn: b.issuedOn, label, pictogram: competence?.pictogram ?? undefined });
  }
  return out.sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.id.localeCompare(a.id));
}

// --- Attestation de compétences -----------------------------------------------------------

export interface MyAttestedCompetence {
  competence: CompetenceRow;
  level: CompetenceLevel;
  /** The first day of the current run at « Acquis » or above. */
  acquiredOn: IsoDate;
  /** Where it was seen at that level (production, AFEST, a PMSMP and its company). */
  contexts: AttestedContext<PmsmpRow>[];
}

export interface MyAttestation {
  /** Only what the paper prints about the person: an attestation for an employer carries no RQTH, phone or aménagements. */
  person: { firstName: string; lastName: string; entryDate: IsoDate | undefined } | undefined;
  /**
   * The structure's name and SIRET when the salarié may read the structure record. Today's
   * access table keeps `structure` to the ETI and the coordination, so this is undefined on the
   * salarié's own device and on a lent tablet alike; the paper then leaves the lines for the
   * structure's stamp. Widening the access table is enough to print them.
   */
  structure: { name: string; siret: string | undefined } | undefined;
  /** The competences at « Acquis » or above on `asOf` (domain/documents/attestation.ts), oldest first. */
  acquired: MyAttestedCompetence[];
}

/**
 * My attestation de compétences on a date, from what I may read: my record (no confidential
 * field), my evaluations (self-assessments never count), my PMSMP, the référentiel.
 */
export async function attestationOf(db: DeviceDb, v: SalarieViewer, asOf: IsoDate): Promise<MyAttestation> {
  const actor = actorOf(v);
  const [me, structures, evaluations, pmsmps, competences] = await Promise.all([
    oneOf(db, 'salarie', v.salarieId), allOf(db, 'structure'), evaluationsOf(db, v.salarieId), pmsmpsOf(db, v.salarieId), allCompetences(db),
  ]);
  const mine = me === undefined ? undefined : readable(actor, 'salarie', [me])[0];
  const structure = readable(actor, 'structure', structures)[0];
  const competenceById = new Map(readable(actor, 'competence', competences).map((c) => [c.id, c]));
  const acquired: MyAttestedCompetence[] = [];
  for (const a of acquiredCompetences(v.salarieId, readable(actor, 'evaluation', evaluations), readable(actor, 'pmsmp', pmsmps), asOf)) {
    // A competence removed from the référentiel has no name left to attest.
    const competence = competenceById.get(a.competenceId);
    if (competence !== undefined) acquired.push({ competence, level: a.level, acquiredOn: a.acquiredOn, contexts: a.contexts });
  }
  return {
    person: mine === undefined ? undefined : { firstName: mine.firstName, lastName: mine.lastName, entryDate: mine.entryDate ?? undefined },
    structure: structure === undefined ? undefined : { name: structure.name, siret: structure.siret ?? undefined },
    acquired,
  };
}

export function salarieQueries(db: DeviceDb) {
  return {
    home: (v: SalarieViewer) => salarieHome(db, v),
    /** The competences the salarié has a level or an objective in, with their cell, by label. */
    myCompetences: (v: SalarieViewer) => myCompetences(db, v),
    progress: (v: SalarieViewer) => progressOf(db, v),
    objectives: (v: SalarieViewer, today: IsoDate) => objectivesOf(db, v, today),
    week: (v: SalarieViewer, anyDay: IsoDate) => weekOf(db, v, anyDay),
    hours: (v: SalarieViewer, month: string) => hoursOf(db, v, month),
    pass: (v: SalarieViewer, today: IsoDate) => passOf(db, v, today),
    badges: (v: SalarieViewer) => badgesOf(db, v),
    /** My attestation de compétences on `asOf`: what I hold at « Acquis » or above, since when, where seen. */
    attestation: (v: SalarieViewer, asOf: IsoDate) => attestationOf(db, v, asOf),
  };
}
