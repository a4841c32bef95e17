// The structure screens' reads against a real device database: a salarié's status from their
// dates (table), the list's accent-insensitive search and team/status filters, one salarié's
// file (current PASS with its own suspensions and prolongations, contracts oldest first, deleted
// rows left out) and the teams board (members today, arrivals, active ETIs, exited people out).
import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../src/client/repository';
import { filterSalaries, salarieStatus, searchKey, structureQueries } from '../../../src/client/queries/structure';
import { newTestDb } from '../helpers';
import { id, STRUCTURE } from './ids';

const TODAY = '2026-11-20';
const s = { structureId: STRUCTURE };
const [ELODIE, KEVIN, ZOE, AMINA] = [id(201), id(202), id(203), id(204)];
const [TEAM_A, TEAM_B] = [id(301), id(302)];

async function world() {
  const { db } = newTestDb();
  const repo = createRepository(db, { structureId: STRUCTURE });
  await repo.write('structure', STRUCTURE, { ...s, name: 'Les Jardins', type: 'ACI' });
  await repo.write('salarie', ELODIE, { ...s, firstName: 'Élodie', lastName: 'Bérard', entryDate: '2026-01-05' });
  await repo.write('salarie', KEVIN, { ...s, firstName: 'Kévin', lastName: 'Martin', entryDate: '2025-03-01', exitDate: '2026-10-31' });
  await repo.write('salarie', ZOE, { ...s, firstName: 'Zoé', lastName: 'Petit', entryDate: '2026-12-01' });
  await repo.write('salarie', AMINA, { ...s, firstName: 'Amina', lastName: 'Diallo' });
  await repo.write('team', TEAM_A, { ...s, name: 'Espaces verts', etiUserIds: [id(11)] });
  await repo.write('team', TEAM_B, { ...s, name: 'Tri textile', etiUserIds: [] });
  await repo.write('membership', id(401), { ...s, teamId: TEAM_A, salarieId: ELODIE, from: '2026-01-05' });
  await repo.write('membership', id(402), { ...s, teamId: TEAM_A, salarieId: KEVIN, from: '2025-03-01', to: '2026-10-31' });
  await repo.write('membership', id(403), { ...s, teamId: TEAM_B, salarieId: ZOE, from: '2026-12-01' });
  return { db, repo, q: structureQueries(db) };
}

describe('structure queries', () => {
  it.each([
    [{ entryDate: '2026-01-05' }, 'en_parcours'],
    [{}, 'en_parcours'],
    [{ entryDate: '2026-11-20' }, 'en_parcours'],
    [{ entryDate: '2026-11-21' }, 'a_venir'],
    [{ entryDate: '2026-01-05', exitDate: '2026-11-20' }, 'en_parcours'],
    [{ entryDate: '2026-01-05', exitDate: '2026-11-19' }, 'sorti'],
    [{ entryDate: '2026-01-05', exitDate: null }, 'en_parcours'],
  ] as const)('salarieStatus(%j) on 2026-11-20 is %s', (dates, status) => {
    expect(salarieStatus(dates, TODAY)).toBe(status);
  });

  it('searchKey drops accents, case and extra spaces', () => {
    expect(searchKey('  Élodie   BÉRARD ')).toBe('elodie berard');
    expect(searchKey('Zoë Nguyễn')).toBe('zoe nguyen');
  });

  it('salariesList: by name, with status and current teams; filters are pure', async () => {
    const { q, repo } = await world();
    await repo.write('salarie', id(205), { ...s, firstName: 'Gone', lastName: 'Away' });
    await repo.remove('salarie', id(205));
    const list = await q.salariesList(TODAY);
    expect(list.rows.map((r) => [r.salarie.lastName, r.status, r.teams.map((t) => t.name)])).toEqual([
      ['Bérard', 'en_parcours', ['Espaces verts']],
      ['Diallo', 'en_parcours', []],
      ['Martin', 'sorti', []],
      ['Petit', 'a_venir', ['Tri textile']],
    ]);
    expect(list.teams.map((t) => t.name)).toEqual(['Espaces verts', 'Tri textile']);
    const names = (f: Partial<Parameters<typeof filterSalaries>[1]>) => filterSalaries(list.rows, { search: '', teamId: '', status: '', ...f }).map((r) => r.salarie.firstName);
    expect(names({ search: 'ELODIE' })).toEqual(['Élodie']);
    expect(names({ search: 'kev mart' })).toEqual(['Kévin']);
    expect(names({ search: 'martin kevin' })).toEqual(['Kévin']);
    expect(names({ status: 'a_venir' })).toEqual(['Zoé']);
    expect(names({ teamId: TEAM_A })).toEqual(['Élodie']);
    expect(names({ teamId: '-' })).toEqual(['Amina', 'Kévin']);
    expect(names({ teamId: TEAM_A, status: 'sorti' })).toEqual([]);
  });

  it('salarieFile: the latest PASS with its own history, contracts oldest first, memberships latest first', async () => {
    const { q, repo } = await world();
    const [oldPass, pass] = [id(501), id(502)];
    await repo.write('passIae', oldPass, { ...s, salarieId: ELODIE, start: '2022-01-03' });
    await repo.write('passIae', pass, { ...s, salarieId: ELODIE, number: '999992612345', start: '2026-01-05' });
    await repo.write('suspension', id(601), { ...s, salarieId: ELODIE, passIaeId: oldPass, start: '2022-05-01', end: '2022-05-31', reason: 'sick' });
    await repo.write('suspension', id(602), { ...s, salarieId: ELODIE, passIaeId: pass, start: '2026-06-01', end: '2026-06-30', reason: 'contract_suspended' });
    await repo.write('suspension', id(603), { ...s, salarieId: ELODIE, passIaeId: pass, start: '2026-03-01', end: '2026-03-10', reason: 'contract_broken' });
    await repo.write('prolongation', id(701), { ...s, salarieId: ELODIE, passIaeId: pass, start: '2028-01-04', end: '2028-06-30', reason: 'training' });
    await repo.write('contract', id(802), { ...s, salarieId: ELODIE, type: 'cddi', start: '2026-05-05', end: '2026-12-31', weeklyHours: 26, renewalOf: id(801) });
    await repo.write('contract', id(801), { ...s, salarieId: ELODIE, type: 'cddi', start: '2026-01-05', end: '2026-05-04', weeklyHours: 26 });
    await repo.write('contract', id(803), { ...s, salarieId: ELODIE, type: 'cddi', start: '2026-01-01', end: '2026-02-01', weeklyHours: 26 });
    await repo.remove('contract', id(803));
    await repo.write('contract', id(804), { ...s, salarieId: KEVIN, type: 'cddi', start: '2025-03-01', end: '2025-12-31', weeklyHours: 26 });
    await repo.write('membership', id(404), { ...s, teamId: TEAM_B, salarieId: ELODIE, from: '2025-06-01', to: '2025-12-31' });

    const file = await q.salarieFile(ELODIE);
    expect(file?.salarie.firstName).toBe('Élodie');
    expect(file?.structure?.type).toBe('ACI');
    expect(file?.contracts.map((c) => c.id)).toEqual([id(801), id(802)]);
    expect(file?.pass?.pass.id).toBe(pass);
    expect(file?.pass?.suspensions.map((x) => x.id)).toEqual([id(603), id(602)]);
    expect(file?.pass?.prolongations.map((x) => x.id)).toEqual([id(701)]);
    expect(file?.olderPasses.map((p) => p.id)).toEqual([oldPass]);
    expect(file?.memberships.map((m) => [m.team?.name, m.membership.from])).toEqual([['Espaces verts', '2026-01-05'], ['Tri textile', '2025-06-01']]);

    expect((await q.salarieFile(AMINA))?.pass).toBeUndefined();
    expect(await q.salarieFile(id(999))).toBeUndefined();
  });

  it('teamsBoard: members today and arrivals per team, active ETIs, salariés not exited', async () => {
    const { q, repo } = await world();
    await repo.write('user', id(11), { ...s, login: 'paul', displayName: 'Paul Roux', role: 'eti' });
    await repo.write('user', id(12), { ...s, login: 'lina', displayName: 'Lina Benali', role: 'eti', active: true });
    await repo.write('user', id(13), { ...s, login: 'old', displayName: 'Ancien', role: 'eti', active: false });
    await repo.write('user', id(14), { ...s, login: 'coord', displayName: 'Claire', role: 'coordinator' });
    await repo.write('activity', id(901), { ...s, name: 'Tri' });
    await repo.write('membership', id(405), { ...s, teamId: TEAM_A, salarieId: AMINA, from: '2026-11-20', to: '2026-11-20' });

    const board = await q.teamsBoard(TODAY);
    expect(board.teams.map((t) => [t.team.name, t.members.map((m) => m.salarie.firstName), t.upcoming.map((m) => m.salarie.firstName)])).toEqual([
      ['Espaces verts', ['Élodie', 'Amina'], []],
      ['Tri textile', [], ['Zoé']],
    ]);
    expect(board.etis.map((u) => u.displayName)).toEqual(['Lina Benali', 'Paul Roux']);
    expect(board.activities.map((a) => a.name)).toEqual(['Tri']);
    expect(board.salaries.map((x) => x.firstName)).toEqual(['Élodie', 'Amina', 'Zoé']);
    expect(board.memberships).toHaveLength(4);
    expect(await q.structure()).toMatchObject({ name: 'Les Jardins', type: 'ACI' });
  });
});
