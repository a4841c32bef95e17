// The reads of a salarié's file (livret, PMSMP, diagnostic, accueil) and of the accueil reminder,
// against a real device database written through the repository: typed rows, deleted records
// left out, and the orders a reader expects (latest entry first, diagnostics in date order).
import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../src/client/repository';
import { livretQueries } from '../../../src/client/queries/livret';
import type { EntitySet } from '../../../src/client/rows';
import type { EntityName } from '../../../src/domain/entities';
import { newTestDb } from '../helpers';
import { id, STRUCTURE } from './ids';

const AMINA = id(201);
const BRUNO = id(202);
const CHLOE = id(203);
const TEAM = id(300);
const ETI = id(2);
const COORD = id(3);
const TODAY = '2026-11-20';

function device() {
  const { db } = newTestDb();
  const repo = createRepository(db, { structureId: STRUCTURE });
  const put = <E extends EntityName>(entity: E, rid: string, set: EntitySet<E>) => repo.write(entity, rid, { structureId: STRUCTURE, ...set });
  return { db, repo, put, q: livretQueries(db) };
}

type Device = ReturnType<typeof device>;

async function people({ put }: Device) {
  await put('salarie', AMINA, { firstName: 'Amina', lastName: 'Diallo', entryDate: '2026-11-10' });
  await put('salarie', BRUNO, { firstName: 'Bruno', lastName: 'Martin', entryDate: '2025-01-10' });
  await put('salarie', CHLOE, { firstName: 'Chloé', lastName: 'Petit' });
  await put('team', TEAM, { name: 'Espaces verts', etiUserIds: [ETI] });
  for (const [n, s] of [[501, AMINA], [502, BRUNO], [503, CHLOE]] as const) await put('membership', id(n), { teamId: TEAM, salarieId: s, from: '2025-01-01' });
}

async function entry(d: Device, n: number, date: string, extra: EntitySet<'logEntry'> = {}) {
  await d.put('logEntry', id(n), { salarieId: AMINA, authorId: ETI, date, category: 'technique', text: `Note ${n}`, visibility: 'team', alert: false, ...extra });
  return id(n);
}

describe('livret queries', () => {
  it('logOf: the salarié’s live entries, newest first, typed', async () => {
    const d = device();
    await entry(d, 601, '2026-11-02');
    await entry(d, 602, '2026-11-19', { category: 'alerte', alert: true });
    await entry(d, 603, '2026-11-10');
    await entry(d, 604, '2026-11-19');
    await entry(d, 605, '2026-11-20');
    await entry(d, 606, '2026-11-20', { salarieId: BRUNO });
    await d.repo.remove('logEntry', id(605));
    const rows = await d.q.logOf(AMINA);
    // Same date: the one written last (larger time-ordered id) first.
    expect(rows.map((r) => r.id)).toEqual([id(604), id(602), id(603), id(601)]);
    const alert: boolean = rows[1]!.alert;
    expect(alert).toBe(true);
    expect(rows[1]!.category).toBe('alerte');
  });

  it('livret: the salarié, entries, each entry’s review and the users’ names in one read', async () => {
    const d = device();
    await people(d);
    await d.put('user', COORD, { login: 'coord', displayName: 'Claire Coordination', role: 'coordinator' });
    const read = await entry(d, 610, '2026-11-18', { alert: true, category: 'alerte' });
    const unread = await entry(d, 611, '2026-11-19');
    await d.put('review', id(700), { logEntryId: read, reviewerId: COORD, at: '2026-11-19T08:30:00.000Z', salarieId: AMINA });
    await d.put('review', id(701), { logEntryId: unread, reviewerId: COORD, at: '2026-11-19T09:00:00.000Z' });
    await d.repo.remove('review', id(701));
    const data = await d.q.livret(AMINA);
    expect(data.salarie?.firstName).toBe('Amina');
    expect(data.entries.map((e) => e.id)).toEqual([unread, read]);
    expect(data.reviews.get(read)?.at).toBe('2026-11-19T08:30:00.000Z');
    expect(data.reviews.has(unread)).toBe(false);
    expect(data.names.get(COORD)).toBe('Claire Coordination');
    expect((await d.q.livret(id(299))).salarie).toBeUndefined();
  });

  it('salarie: a deleted salarié is not found', async () => {
    const d = device();
    await people(d);
    await d.repo.remove('salarie', BRUNO);
    expect((await d.q.salarie(AMINA))?.lastName).toBe('Diallo');
    expect(await d.q.salarie(BRUNO)).toBeUndefined();
  });

  it('pmsmpsOf: the latest start first, deleted ones and other salariés’ left out', async () => {
    const d = device();
    const pmsmp = (n: number, salarieId: string, start: string, end: string) => d.put('pmsmp', id(n), { salarieId, company: `Entreprise ${n}`, start, end });
    await pmsmp(801, AMINA, '2026-03-02', '2026-03-13');
    await pmsmp(802, AMINA, '2026-10-05', '2026-10-16');
    await pmsmp(803, AMINA, '2026-06-01', '2026-06-12');
    await pmsmp(804, BRUNO, '2026-11-02', '2026-11-13');
    await d.repo.remove('pmsmp', id(803));
    const rows = await d.q.pmsmpsOf(AMINA);
    expect(rows.map((p) => p.company)).toEqual(['Entreprise 802', 'Entreprise 801']);
    expect(rows[0]!.objective ?? '').toBe('');
  });

  it('diagnosticsOf: oldest first, by id on the same date, with their levels', async () => {
    const d = device();
    await d.put('diagnostic', id(902), { salarieId: AMINA, date: '2026-09-05', levels: { langue: 3 } });
    await d.put('diagnostic', id(901), { salarieId: AMINA, date: '2026-09-05', levels: { langue: 2 }, comment: 'Premier' });
    await d.put('diagnostic', id(900), { salarieId: AMINA, date: '2026-03-05', levels: { langue: 1, logement: 2 } });
    await d.put('diagnostic', id(903), { salarieId: AMINA, date: '2026-10-01', levels: { langue: 4 } });
    await d.put('diagnostic', id(904), { salarieId: BRUNO, date: '2026-10-01', levels: { langue: 4 } });
    await d.repo.remove('diagnostic', id(903));
    const rows = await d.q.diagnosticsOf(AMINA);
    expect(rows.map((r) => r.id)).toEqual([id(900), id(901), id(902)]);
    expect(rows[0]!.levels).toEqual({ langue: 1, logement: 2 });
    expect(rows[1]!.comment).toBe('Premier');
  });

  it('onboardingOf: two tablets’ checklists merged, each item at its earliest date', async () => {
    const d = device();
    expect(await d.q.onboardingOf(AMINA)).toEqual({ records: [], state: expect.objectContaining({ visite: null, epi: null }) });
    await d.put('onboarding', id(1002), { salarieId: AMINA, visiteOn: '2026-11-12', epiOn: '2026-11-12' });
    await d.put('onboarding', id(1001), { salarieId: AMINA, visiteOn: '2026-11-11' });
    await d.put('onboarding', id(1003), { salarieId: AMINA, droitsOn: '2026-11-13' });
    await d.put('onboarding', id(1004), { salarieId: BRUNO, reglementOn: '2026-11-13' });
    await d.repo.remove('onboarding', id(1003));
    const { records, state } = await d.q.onboardingOf(AMINA);
    expect(records.map((r) => r.id)).toEqual([id(1001), id(1002)]);
    expect(state).toEqual({ visite: '2026-11-11', reglement: null, securite: null, epi: '2026-11-12', personnes: null, droits: null });
  });

  it('pendingAccueils: newcomers with items left, and those who started one without an entry date', async () => {
    const d = device();
    await people(d);
    // Amina arrived ten days ago: reminded. Bruno came long ago: never. Chloé has no entry date:
    // reminded only once her checklist is started.
    expect((await d.q.pendingAccueils(TODAY)).map((p) => [p.salarie.firstName, p.done, p.total])).toEqual([['Amina', 0, 6]]);
    await d.put('onboarding', id(1101), { salarieId: CHLOE, visiteOn: '2026-11-19', epiOn: '2026-11-19' });
    await d.put('onboarding', id(1102), { salarieId: AMINA, visiteOn: '2026-11-19' });
    expect((await d.q.pendingAccueils(TODAY)).map((p) => [p.salarie.firstName, p.done])).toEqual([['Amina', 1], ['Chloé', 2]]);
    // Finished: no longer reminded.
    await d.put('onboarding', id(1102), { reglementOn: TODAY, securiteOn: TODAY, epiOn: TODAY, personnesOn: TODAY, droitsOn: TODAY });
    expect((await d.q.pendingAccueils(TODAY)).map((p) => p.salarie.firstName)).toEqual(['Chloé']);
    // A deleted checklist counts for nothing.
    await d.repo.remove('onboarding', id(1101));
    expect(await d.q.pendingAccueils(TODAY)).toEqual([]);
  });

  it('pendingAccueils: only the members given, once each, when the screen has them', async () => {
    const d = device();
    await people(d);
    const amina = (await d.q.salarie(AMINA))!;
    const bruno = (await d.q.salarie(BRUNO))!;
    expect((await d.q.pendingAccueils(TODAY, [bruno, amina, amina])).map((p) => p.salarie.id)).toEqual([AMINA]);
    expect(await d.q.pendingAccueils(TODAY, [bruno])).toEqual([]);
  });

  it('competences and evaluationsOf: every competence by French label, one salarié’s evaluations', async () => {
    const d = device();
    const activityId = id(400);
    await d.put('activity', activityId, { name: 'Espaces verts' });
    await d.put('competence', id(401), { activityId, label: 'Tondre une pelouse' });
    await d.put('competence', id(402), { activityId, label: 'Élaguer' });
    await d.put('competence', id(403), { activityId, label: 'Balayer' });
    await d.put('competence', id(404), { activityId, label: 'Zapper' });
    await d.repo.remove('competence', id(404));
    expect((await d.q.competences()).map((c) => c.label)).toEqual(['Balayer', 'Élaguer', 'Tondre une pelouse']);
    await d.put('evaluation', id(410), { salarieId: AMINA, competenceId: id(401), level: 3, context: 'pmsmp', date: '2026-11-13', evaluatorId: ETI });
    await d.put('evaluation', id(411), { salarieId: BRUNO, competenceId: id(401), level: 2, context: 'production', date: '2026-11-13', evaluatorId: ETI });
    await d.put('evaluation', id(412), { salarieId: AMINA, competenceId: id(402), level: 1, context: 'production', date: '2026-11-14', evaluatorId: ETI });
    await d.repo.remove('evaluation', id(412));
    expect((await d.q.evaluationsOf(AMINA)).map((e) => [e.competenceId, e.level, e.context])).toEqual([[id(401), 3, 'pmsmp']]);
  });
});
