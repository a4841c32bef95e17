// The salarié's own space against a real device database: who they are and their livret, newest
// first; their competences, those with a level or an objective only, with the official level
// and their own self-assessment side by side.
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
    const { me, entries } = await q.home(AMINA);
    expect(me?.firstName).toBe('Amina');
    expect(entries.map((e) => e.text)).toEqual(['Note 602', 'Note 601']);
    expect((await q.home(BRUNO)).me).toBeUndefined();
  });

  it('myCompetences: evaluated or aimed at, by label, with the official level and the self-assessment', async () => {
    const { repo, put, q } = device();
    await put('activity', ACTIVITY, { name: 'Espaces verts' });
    await put('competence', TONTE, { activityId: ACTIVITY, label: 'Tondre une pelouse', pictogram: '🌱' });
    await put('competence', EPI, { activityId: ACTIVITY, label: 'Porter les EPI' });
    await put('competence', HAIE, { activityId: ACTIVITY, label: 'Élaguer une haie' });
    await put('competence', BALAI, { activityId: ACTIVITY, label: 'Balayer' });
    expect(await q.myCompetences(AMINA)).toEqual([]);

    const evaluate = (n: number, salarieId: string, competenceId: string, level: number, context: 'production' | 'self', date: string) =>
      put('evaluation', id(n), { salarieId, competenceId, level, context, date, evaluatorId: ETI });
    await evaluate(501, AMINA, TONTE, 2, 'production', '2026-10-01');
    await evaluate(502, AMINA, TONTE, 3, 'production', '2026-11-01');
    await evaluate(503, AMINA, TONTE, 4, 'self', '2026-11-02');
    await evaluate(504, BRUNO, EPI, 3, 'production', '2026-11-01');
    await evaluate(505, AMINA, BALAI, 1, 'production', '2026-11-01');
    await repo.remove('evaluation', id(505));
    await put('objective', id(601), { salarieId: AMINA, competenceId: HAIE, targetLevel: 3, dueDate: '2027-02-28' });

    const mine = await q.myCompetences(AMINA);
    expect(mine.map((m) => m.competence.label)).toEqual(['Élaguer une haie', 'Tondre une pelouse']);
    const [haie, tonte] = mine;
    expect(haie!.cell).toBeUndefined();
    expect(tonte!.competence.pictogram).toBe('🌱');
    expect(tonte!.cell?.level).toBe(3);
    expect(tonte!.cell?.self?.level).toBe(4);
  });
});
