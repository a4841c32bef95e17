// The salarié's own space against a real device database: who they are and their livret, newest
// first; their competences, those with a level or an objective only, with the official level
// and their own self-assessment side by side; their week, hours, progress, objectives, PASS,
// badges and attestation de compétences. The device here holds a whole team (as an ETI's tablet lent in consultation mode
// does): every read must keep to what the salarié may read (domain/access.ts).
import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../src/client/repository';
import { salarieQueries } from '../../../src/client/queries/salarie';
import type { EntitySet } from '../../../src/client/rows';
import type { EntityName } from '../../../src/domain/entities';
import { newTestDb } from '../helpers';
import { id, STRUCTURE } from './ids';

const AMINA = id(201);
const BRUNO = id(202);
const ETI = id(2);
const ACTIVITY = id(400);
const TONTE = id(401);
const EPI = id(402);
const HAIE = id(403);
const BALAI = id(404);
const TEAM = id(300);
const CHANTIER = id(350);
const V = { structureId: STRUCTURE, salarieId: AMINA };

function device() {
  const { db } = newTestDb();
  const repo = createRepository(db, { structureId: STRUCTURE });
  const put = <E extends EntityName>(entity: E, rid: string, set: EntitySet<E>) => repo.write(entity, rid, { structureId: STRUCTURE, ...set });
  return { repo, put, q: salarieQueries(db) };
}

describe('salarie queries', () => {
  it('home: the salarié and their livret, newest first, deleted entries left out', async () => {
    const { repo, put, q } = device();
    await put('salarie', AMINA, { firstName: 'Amina', lastName: 'Diallo' });
    const entry = (n: number, salarieId: string, date: string) => put('logEntry', id(n), { salarieId, authorId: ETI, date, category: 'atouts', text: `Note ${n}`, visibility: 'salarie', alert: false });
    await entry(601, AMINA, '2026-11-02');
    await entry(602, AMINA, '2026-11-19');
    await entry(603, AMINA, '2026-11-20');
    await entry(604, BRUNO, '2026-11-20');
    await repo.remove('logEntry', id(603));
    const { me, entries } = await q.home(V);
    expect(me?.firstName).toBe('Amina');
    expect(entries.map((e) => e.text)).toEqual(['Note 602', 'Note 601']);
    expect((await q.home({ structureId: STRUCTURE, salarieId: BRUNO })).me).toBeUndefined();
  });

  it('myCompetences: evaluated or aimed at, by label, with the official level and the self-assessment', async () => {
    const { repo, put, q } = device();
    await put('activity', ACTIVITY, { name: 'Espaces verts' });
    await put('competence', TONTE, { activityId: ACTIVITY, label: 'Tondre une pelouse', pictogram: 'tondeuse' });
    await put('competence', EPI, { activityId: ACTIVITY, label: 'Porter les EPI' });
    await put('competence', HAIE, { activityId: ACTIVITY, label: 'Élaguer une haie' });
    await put('competence', BALAI, { activityId: ACTIVITY, label: 'Balayer' });
    expect(await q.myCompetences(V)).toEqual([]);

    const evaluate = (n: number, salarieId: string, competenceId: string, level: number, context: 'production' | 'self', date: string) =>
      put('evaluation', id(n), { salarieId, competenceId, level, context, date, evaluatorId: ETI });
    await evaluate(501, AMINA, TONTE, 2, 'production', '2026-10-01');
    await evaluate(502, AMINA, TONTE, 3, 'production', '2026-11-01');
    await evaluate(503, AMINA, TONTE, 4, 'self', '2026-11-02');
    await evaluate(504, BRUNO, EPI, 3, 'production', '2026-11-01');
    await evaluate(505, AMINA, BALAI, 1, 'production', '2026-11-01');
    await repo.remove('evaluation', id(505));
    await put('objective', id(601), { salarieId: AMINA, competenceId: HAIE, targetLevel: 3, dueDate: '2027-02-28' });

    const mine = await q.myCompetences(V);
    expect(mine.map((m) => m.competence.label)).toEqual(['Élaguer une haie', 'Tondre une pelouse']);
    const [haie, tonte] = mine;
    expect(haie!.cell).toBeUndefined();
    expect(tonte!.competence.pictogram).toBe('tondeuse');
    expect(tonte!.cell?.level).toBe(3);
    expect(tonte!.cell?.self?.level).toBe(4);
  });

  it('home: never a private or team entry, never a confidential field', async () => {
    const { put, q } = device();
    await put('salarie', AMINA, { firstName: 'Amina', lastName: 'Diallo', confidentialNotes: 'Suivi psychologique', prescriber: 'France Travail' });
    const entry = (n: number, visibility: 'private' | 'team' | 'salarie') => put('logEntry', id(n), { salarieId: AMINA, authorId: ETI, date: '2026-11-02', category: 'freins', text: `Note ${visibility}`, visibility, alert: false });
    await entry(611, 'private');
    await entry(612, 'team');
    await entry(613, 'salarie');
    const { me, entries } = await q.home(V);
    expect(entries.map((e) => e.text)).toEqual(['Note salarie']);
    expect(me?.firstName).toBe('Amina');
    expect(me).not.toHaveProperty('confidentialNotes');
    expect(me).not.toHaveProperty('prescriber');
  });

  it('week: my slots only, by day, with task, consignes and EPI; the team and chantier stay unread', async () => {
    const { put, q } = device();
    await put('team', TEAM, { name: 'Espaces verts', etiUserIds: [ETI] });
    await put('chantier', CHANTIER, { name: 'Parc des Tilleuls', teamId: TEAM, place: '12 rue des Tilleuls' });
    await put('planningSlot', id(701), { teamId: TEAM, chantierId: CHANTIER, date: '2026-11-16', startTime: '08:30', endTime: '12:00', label: 'Matin — Tilleuls' });
    await put('planningSlot', id(702), { teamId: TEAM, date: '2026-11-18', startTime: '13:30', endTime: '16:30', label: 'Après-midi — Atelier' });
    await put('planningSlot', id(703), { teamId: TEAM, date: '2026-11-17', startTime: '08:30', endTime: '12:00', label: 'Matin — Gare' });
    await put('planningSlot', id(704), { teamId: TEAM, date: '2026-11-23', label: 'Semaine suivante' });
    await put('assignment', id(801), { salarieId: AMINA, slotId: id(701), task: 'Tonte', consignes: 'Zone balisée.', epi: ['casque antibruit', 'gants'], checklist: ['Vérifier le niveau'], competenceIds: [TONTE], training: true });
    await put('assignment', id(802), { salarieId: AMINA, slotId: id(702), task: 'Entretien du matériel' });
    await put('assignment', id(803), { salarieId: BRUNO, slotId: id(703), task: 'Débroussaillage' });
    await put('assignment', id(804), { salarieId: AMINA, slotId: id(704), task: 'Plus tard' });
    const week = await q.week(V, '2026-11-19');
    expect(week.monday).toBe('2026-11-16');
    expect(week.days.map((d) => d.date)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
    const [mon, tue, wed] = week.days;
    expect(tue!.items).toEqual([]);
    expect(mon!.items).toEqual([expect.objectContaining({ startTime: '08:30', endTime: '12:00', place: 'Matin — Tilleuls', task: 'Tonte', consignes: 'Zone balisée.', epi: ['casque antibruit', 'gants'], checklist: ['Vérifier le niveau'], training: true })]);
    // The contract: a salarié reads their slots, not the team nor the chantier.
    expect(mon!.items[0]!.team).toBeUndefined();
    expect(mon!.items[0]!.address).toBeUndefined();
    expect(wed!.items.map((i) => i.task)).toEqual(['Entretien du matériel']);
  });

  it('hours: my month only, totals in hours', async () => {
    const { put, q } = device();
    const t = (n: number, salarieId: string, date: string, hours: number, extra: Record<string, unknown> = {}) => put('timeEntry', id(n), { salarieId, date, hours, ...extra });
    await t(901, AMINA, '2026-11-02', 7);
    await t(902, AMINA, '2026-11-03', 3.5, { absence: 'maladie', absenceHours: 3.5, lateMinutes: 10 });
    await t(903, AMINA, '2026-10-30', 7);
    await t(904, BRUNO, '2026-11-02', 7);
    const h = await q.hours(V, '2026-11');
    expect(h.days.map((d) => d.date)).toEqual(['2026-11-02', '2026-11-03']);
    expect(h).toMatchObject({ worked: 10.5, absent: 3.5, lateMinutes: 10, daysWorked: 2 });
  });

  it('progress and objectives: when I moved up, and what I aim at by when', async () => {
    const { put, q } = device();
    await put('activity', ACTIVITY, { name: 'Espaces verts' });
    await put('competence', TONTE, { activityId: ACTIVITY, label: 'Tondre une pelouse', pictogram: 'tondeuse' });
    await put('competence', HAIE, { activityId: ACTIVITY, label: 'Élaguer une haie' });
    const evaluate = (n: number, competenceId: string, level: number, context: 'production' | 'self', date: string) =>
      put('evaluation', id(n), { salarieId: AMINA, competenceId, level, context, date, evaluatorId: ETI });
    await evaluate(511, TONTE, 1, 'production', '2026-09-01');
    await evaluate(512, TONTE, 1, 'production', '2026-10-01');
    await evaluate(513, TONTE, 3, 'production', '2026-11-01');
    await evaluate(514, TONTE, 4, 'self', '2026-11-05');
    await put('objective', id(621), { salarieId: AMINA, competenceId: HAIE, targetLevel: 2, dueDate: '2027-01-31' });
    await put('objective', id(622), { salarieId: AMINA, competenceId: TONTE, targetLevel: 3, dueDate: '2026-12-01' });
    await put('objective', id(623), { salarieId: BRUNO, competenceId: HAIE, targetLevel: 4, dueDate: '2026-12-01' });
    const steps = await q.progress(V);
    expect(steps.map((s) => [s.date, s.from, s.to])).toEqual([['2026-11-01', 1, 3], ['2026-09-01', 0, 1]]);
    const objectives = await q.objectives(V, '2026-11-20');
    expect(objectives.map((o) => [o.competence.label, o.state])).toEqual([['Élaguer une haie', 'en_cours'], ['Tondre une pelouse', 'atteint']]);
  });

  it('pass: time used and left, a suspension pushing the end', async () => {
    const { put, q } = device();
    expect(await q.pass(V, '2026-11-20')).toBeUndefined();
    await put('passIae', id(951), { salarieId: AMINA, start: '2026-01-01' });
    await put('suspension', id(952), { salarieId: AMINA, passIaeId: id(951), start: '2026-03-01', end: '2026-03-11', reason: 'contract_suspended' });
    await put('passIae', id(953), { salarieId: BRUNO, start: '2025-01-01' });
    const p = await q.pass(V, '2026-11-20');
    // 730 days from 2026-01-01 end on 2027-12-31; the suspension adds 10 days.
    expect(p).toMatchObject({ start: '2026-01-01', end: '2028-01-10', totalDays: 740, status: 'valide', suspended: false });
    expect(p!.usedDays + p!.leftDays).toBe(740);
    expect(p!.leftDays).toBe(417);
  });

  it('badges: mine, newest first, for a competence or a whole activity', async () => {
    const { put, q } = device();
    await put('activity', ACTIVITY, { name: 'Espaces verts' });
    await put('competence', TONTE, { activityId: ACTIVITY, label: 'Tondre une pelouse', pictogram: 'tondeuse' });
    await put('badge', id(961), { salarieId: AMINA, competenceId: TONTE, issuedOn: '2026-10-01', issuerId: ETI });
    await put('badge', id(962), { salarieId: AMINA, activityId: ACTIVITY, issuedOn: '2026-11-01', issuerId: ETI });
    await put('badge', id(963), { salarieId: BRUNO, competenceId: TONTE, issuedOn: '2026-11-02', issuerId: ETI });
    expect((await q.badges(V)).map((b) => [b.label, b.pictogram])).toEqual([['Espaces verts', undefined], ['Tondre une pelouse', 'tondeuse']]);
  });
  it('attestation: my competences at « Acquis » or above, since when and where, nothing confidential', async () => {
    const { put, q } = device();
    await put('structure', STRUCTURE, { name: 'ACI Les Jardins', type: 'ACI', siret: '12345678900012' });
    await put('salarie', AMINA, { firstName: 'Amina', lastName: 'Diallo', entryDate: '2026-03-02', confidentialNotes: 'Suivi psychologique', prescriber: 'France Travail', rqth: true, phone: '0600000000' });
    await put('activity', ACTIVITY, { name: 'Espaces verts' });
    await put('competence', TONTE, { activityId: ACTIVITY, label: 'Tondre une pelouse', kind: 'technique' });
    await put('competence', EPI, { activityId: ACTIVITY, label: 'Porter les EPI' });
    await put('competence', HAIE, { activityId: ACTIVITY, label: 'Élaguer une haie' });
    await put('competence', BALAI, { activityId: ACTIVITY, label: 'Balayer' });
    await put('pmsmp', id(701), { salarieId: AMINA, company: 'Jardins du Sud', start: '2026-10-19', end: '2026-10-23', competenceIds: [EPI] });
    const evaluate = (n: number, salarieId: string, competenceId: string, level: number, context: 'production' | 'afest' | 'pmsmp' | 'self', date: string) =>
      put('evaluation', id(n), { salarieId, competenceId, level, context, date, evaluatorId: ETI });
    await evaluate(531, AMINA, TONTE, 2, 'production', '2026-10-01');
    await evaluate(532, AMINA, TONTE, 3, 'production', '2026-10-15');
    await evaluate(533, AMINA, TONTE, 4, 'afest', '2026-11-01');
    await evaluate(534, AMINA, EPI, 3, 'pmsmp', '2026-10-20');
    await evaluate(535, AMINA, HAIE, 4, 'self', '2026-11-02');
    await evaluate(536, AMINA, BALAI, 2, 'production', '2026-11-03');
    await evaluate(537, BRUNO, BALAI, 4, 'production', '2026-11-03');

    const today = await q.attestation(V, '2026-11-20');
    expect(today.acquired.map((a) => [a.competence.label, a.level, a.acquiredOn])).toEqual([
      ['Tondre une pelouse', 4, '2026-10-15'], ['Porter les EPI', 3, '2026-10-20'],
    ]);
    expect(today.acquired[0]!.contexts.map((c) => [c.context, c.date])).toEqual([['production', '2026-10-15'], ['afest', '2026-11-01']]);
    expect(today.acquired[1]!.contexts[0]?.pmsmp?.company).toBe('Jardins du Sud');
    // Only the name and the entry date: no confidential field, nor anything an employer need not read.
    expect(today.person).toEqual({ firstName: 'Amina', lastName: 'Diallo', entryDate: '2026-03-02' });
    for (const secret of ['Suivi psychologique', 'France Travail', '0600000000', 'rqth']) expect(JSON.stringify(today)).not.toContain(secret);
    // A salarié may not read the structure record (domain/access.ts), even when the device holds it.
    expect(today.structure).toBeUndefined();
    // On an earlier date, only what was acquired by then.
    expect((await q.attestation(V, '2026-10-16')).acquired.map((a) => [a.competence.label, a.level])).toEqual([['Tondre une pelouse', 3]]);
    // Another viewer's attestation is theirs alone; a viewer from another structure reads nothing.
    expect((await q.attestation({ structureId: STRUCTURE, salarieId: BRUNO }, '2026-11-20')).acquired.map((a) => a.competence.label)).toEqual(['Balayer']);
    const stranger = await q.attestation({ structureId: id(999), salarieId: AMINA }, '2026-11-20');
    expect(stranger).toEqual({ person: undefined, structure: undefined, acquired: [] });
  });
});
