// The production reads against a real device database: what « Aujourd'hui », the relevé and the
// month's hours load (typed rows, deleted records gone, validated months, absences as facts),
// what the week view reads (only the team's members, only the week's slots, remembered per user),
// what « copier la semaine précédente » reads, and the refused time entries the relevé lists.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/domain/ids';
import { createRepository } from '../../../src/client/repository';
import { productionQueries } from '../../../src/client/queries/production';
import { weekPlanKey, weekTeamKey } from '../../../src/client/queries/week';
import type { Fields } from '../../../src/sync/protocol';
import type { EntityName } from '../../../src/domain/entities';
import { SAMPLE_IDS, validSample } from '../../fixtures/samples';
import { manualClock, newTestDb } from '../helpers';

const I = SAMPLE_IDS;
const MONDAY = '2026-11-16';
const TODAY = '2026-11-20';

/** A team of two (Sandrine, Paul), another team's Léa, and the week of 16 November planned. */
async function world() {
  const { db } = newTestDb();
  const repo = createRepository(db, { now: manualClock().now, structureId: I.structure });
  const put = async (entity: EntityName, over: Fields = {}, id: string = uuidv7()) => { await repo.write(entity, id, validSample(entity, over)); return id; };
  const paul = uuidv7();
  const lea = uuidv7();
  const otherTeam = uuidv7();
  await put('structure', {}, I.structure);
  await put('team', {}, I.team);
  await put('team', { name: 'Recyclerie' }, otherTeam);
  await put('salarie', {}, I.salarie);
  await put('salarie', { firstName: 'Paul', lastName: 'Adam' }, paul);
  await put('salarie', { firstName: 'Léa', lastName: 'Roux' }, lea);
  await put('membership', { salarieId: I.salarie });
  await put('membership', { salarieId: paul });
  await put('membership', { salarieId: lea, teamId: otherTeam });
  await put('contract', { salarieId: I.salarie, start: '2026-03-02', end: '2027-03-01' });
  await put('contract', { salarieId: paul, start: '2026-03-02', end: '2027-03-01', weeklyHours: 24 });
  await put('contract', { salarieId: lea, start: '2026-03-02', end: '2027-03-01' });
  await put('chantier', {}, I.chantier);
  await put('competence', {}, I.competence);
  await put('evaluation', { level: 2 });
  const slotMon = await put('planningSlot', { date: MONDAY }, I.slot);
  const slotWed = await put('planningSlot', { date: '2026-11-18', startTime: '13:00', endTime: '15:30' });
  const slotOtherTeam = await put('planningSlot', { date: '2026-11-17', teamId: otherTeam, chantierId: null });
  const slotPrevious = await put('planningSlot', { date: '2026-11-10' });
  const slotNextWeek = await put('planningSlot', { date: '2026-11-23' });
  await put('assignment', { salarieId: I.salarie, slotId: slotMon });
  await put('assignment', { salarieId: paul, slotId: slotWed, hours: null });
  await put('assignment', { salarieId: lea, slotId: slotOtherTeam });
  await put('assignment', { salarieId: I.salarie, slotId: slotPrevious, task: 'Tonte' });
  await put('assignment', { salarieId: paul, slotId: slotNextWeek });
  // Paul off sick all Wednesday, Sandrine worked Monday; an entry of the week before.
  await put('timeEntry', { salarieId: paul, date: '2026-11-18', hours: 0, absence: 'maladie', absenceHours: 2.5 });
  await put('timeEntry', { salarieId: I.salarie, date: MONDAY, hours: 4 });
  await put('timeEntry', { salarieId: I.salarie, date: '2026-11-13', hours: 7 });
  await put('timeEntry', { salarieId: lea, date: '2026-11-17', hours: 4 });
  return { db, repo, put, paul, lea, otherTeam, slotMon, slotWed, slotOtherTeam, slotPrevious, slotNextWeek };
}

describe('loadProduction', () => {
  it('returns typed rows, indexed, with the teams and each person’s facts', async () => {
    const { db, paul } = await world();
    const data = await productionQueries(db).loadProduction(TODAY);
    expect(data.structureName).toBe('Les Jardins du Tremplin');
    expect(data.teams.map((t) => t.team.name)).toEqual(['Espaces verts', 'Recyclerie']);
    expect(data.teams[0]!.members.map((m) => m.firstName)).toEqual(['Paul', 'Sandrine']);
    const monday = data.slotById.get(I.slot)!;
    expect([monday.startTime, monday.endTime, monday.chantierId]).toEqual(['08:00', '12:00', I.chantier]);
    expect(data.entryByDay.get(`${paul}|2026-11-18`)).toMatchObject({ hours: 0, absence: 'maladie', absenceHours: 2.5 });
    expect(data.chantierById.get(I.chantier)?.quotedHours).toBe(120);
    // A declared absence with no hour worked is a full day off; a worked day is no absence.
    expect(data.facts.get(paul)?.absences).toEqual([{ date: '2026-11-18', type: 'maladie', fullDay: true }]);
    expect(data.facts.get(I.salarie)?.absences).toEqual([]);
    expect(data.facts.get(paul)?.contracts.map((c) => c.weeklyHours)).toEqual([24]);
    expect(data.matrix.get(`${I.salarie}|${I.competence}`)?.level).toBe(2);
  });

  it('drops deleted records', async () => {
    const { db, repo, slotWed, paul } = await world();
    const assignments = await productionQueries(db).loadProduction(TODAY);
    const paulOnWed = assignments.assignments.find((a) => a.slotId === slotWed)!;
    await repo.remove('assignment', paulOnWed.id);
    await repo.remove('chantier', I.chantier);
    await repo.remove('salarie', paul);
    const data = await productionQueries(db).loadProduction(TODAY);
    expect(data.assignments.some((a) => a.id === paulOnWed.id)).toBe(false);
    expect(data.chantierById.has(I.chantier)).toBe(false);
    expect(data.salaries.has(paul)).toBe(false);
    expect(data.teams[0]!.members.map((m) => m.firstName)).toEqual(['Sandrine']);
  });

  it('knows the months the coordination validated, from the live monthClose records', async () => {
    const { db, repo, put } = await world();
    await put('monthClose', { month: '2026-10', closedAt: '2026-11-03T09:00:00.000Z' });
    await put('monthClose', { month: '2026-10', closedAt: '2026-11-05T09:00:00.000Z' });
    const reopened = await put('monthClose', { month: '2026-09' });
    await repo.remove('monthClose', reopened);
    const data = await productionQueries(db).loadProduction(TODAY);
    expect([...data.closedMonths]).toEqual(['2026-10']);
    expect(data.monthCloses.get('2026-10')?.closedAt).toBe('2026-11-03T09:00:00.000Z');
    expect(data.monthCloses.has('2026-09')).toBe(false);
  });
});

describe('the week view’s reads', () => {
  it('reads only the team’s members, their facts and entries of the week', async () => {
    const { db, paul, lea } = await world();
    const team = await productionQueries(db).weekTeam(I.team, MONDAY, TODAY);
    expect(team.view?.members.map((m) => m.firstName)).toEqual(['Paul', 'Sandrine']);
    expect([...team.facts.keys()].sort()).toEqual([I.salarie, paul].sort());
    expect(team.facts.has(lea)).toBe(false);
    expect([...team.entryByDay.keys()].sort()).toEqual([`${I.salarie}|${MONDAY}`, `${paul}|2026-11-18`].sort());
    expect(team.chantierById.get(I.chantier)?.name).toBe('Parc des Bruyères');
  });

  it('reads only the week’s slots (every team’s) and the assignments on them', async () => {
    const { db, repo, slotMon, slotWed, slotOtherTeam } = await world();
    const q = productionQueries(db);
    const plan = await q.weekPlan(MONDAY);
    expect([...plan.slotById.keys()].sort()).toEqual([slotMon, slotWed, slotOtherTeam].sort());
    expect(plan.assignments.map((a) => a.slotId).sort()).toEqual([slotMon, slotWed, slotOtherTeam].sort());
    expect(plan.assignments.find((a) => a.slotId === slotWed)?.hours).toBeNull();
    await repo.remove('assignment', plan.assignments.find((a) => a.slotId === slotMon)!.id);
    expect((await q.weekPlan(MONDAY)).assignments.map((a) => a.slotId).sort()).toEqual([slotWed, slotOtherTeam].sort());
  });

  it('reads the team’s previous week for « copier la semaine précédente »', async () => {
    const { db, put, otherTeam, slotPrevious, slotNextWeek } = await world();
    await put('planningSlot', { date: '2026-11-17', teamId: otherTeam });
    const source = await productionQueries(db).weekCopySource(I.team, '2026-11-23');
    expect(source.previousSlots.map((s) => s.date)).toEqual([MONDAY, '2026-11-18']);
    expect(source.previousAssignments.map((a) => a.task)).toEqual(['Taille des haies', 'Taille des haies']);
    expect(source.targetSlots.map((s) => s.id)).toEqual([slotNextWeek]);
    expect(source.salaries.map((s) => s.firstName).sort()).toEqual(['Paul', 'Sandrine']);
    expect(source.previousSlots.some((s) => s.id === slotPrevious)).toBe(false);
  });

  it('remembers warmed weeks per user, in the queries of this database only', async () => {
    const { db } = await world();
    const q = productionQueries(db);
    await q.warmWeek(I.eti, I.team, MONDAY, TODAY);
    expect(q.weekMemory.team.get(weekTeamKey(I.eti, I.team, MONDAY, TODAY))?.view?.members).toHaveLength(2);
    expect(q.weekMemory.plan.get(weekPlanKey(I.eti, MONDAY))?.slotById.size).toBe(3);
    expect(q.weekMemory.plan.get(weekPlanKey(I.coordinator, MONDAY))).toBeUndefined();
    expect(productionQueries(db).weekMemory.plan.get(weekPlanKey(I.eti, MONDAY))).toBeUndefined();
  });
});

describe('rejectedTimeEntries', () => {
  it('lists the refused time entries only, newest first', async () => {
    const { db } = await world();
    const refused = (what: string, entity: EntityName, at: number) => db.rejected.add({ opId: uuidv7(), entity, id: uuidv7(), what, reason: 'month_closed', message: 'mois validé', at, set: {} });
    await refused('older', 'timeEntry', 1000);
    await refused('a chantier', 'chantier', 3000);
    await refused('newer', 'timeEntry', 2000);
    expect((await productionQueries(db).rejectedTimeEntries()).map((r) => r.what)).toEqual(['newer', 'older']);
  });
});
