// The coordination's inbox against a real device database: what no one has reviewed yet, alerts
// first and then the most recent, deleted entries and reviews left out, with the salariés' names.
import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../src/client/repository';
import { coordinationQueries } from '../../../src/client/queries/coordination';
import type { EntitySet } from '../../../src/client/rows';
import { newTestDb } from '../helpers';
import { id, STRUCTURE } from './ids';

const AMINA = id(201);
const BRUNO = id(202);
const ETI = id(2);
const COORD = id(3);

describe('coordination queries', () => {
  it('inbox: unread entries, alerts first then newest first, with the salariés by id', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, { structureId: STRUCTURE });
    const q = coordinationQueries(db);
    await repo.write('salarie', AMINA, { structureId: STRUCTURE, firstName: 'Amina', lastName: 'Diallo' });
    await repo.write('salarie', BRUNO, { structureId: STRUCTURE, firstName: 'Bruno', lastName: 'Martin' });
    const entry = async (n: number, salarieId: string, date: string, extra: EntitySet<'logEntry'> = {}) => {
      await repo.write('logEntry', id(n), { structureId: STRUCTURE, salarieId, authorId: ETI, date, category: 'technique', text: `Note ${n}`, visibility: 'team', alert: false, ...extra });
      return id(n);
    };
    const review = (n: number, logEntryId: string) => repo.write('review', id(n), { structureId: STRUCTURE, logEntryId, reviewerId: COORD, at: '2026-11-20T08:00:00.000Z' });

    const old = await entry(601, AMINA, '2026-11-02');
    const recent = await entry(602, BRUNO, '2026-11-19');
    const oldAlert = await entry(603, BRUNO, '2026-11-01', { category: 'alerte', alert: true });
    const newAlert = await entry(604, AMINA, '2026-11-18', { category: 'alerte', alert: true });
    const read = await entry(605, AMINA, '2026-11-20');
    const gone = await entry(606, AMINA, '2026-11-20');
    const reReadLater = await entry(607, BRUNO, '2026-11-10');
    await review(700, read);
    await review(701, reReadLater);
    await repo.remove('logEntry', gone);
    // A review withdrawn: the entry is to read again.
    await repo.remove('review', id(701));

    const { entries, salaries } = await q.inbox();
    expect(entries.map((e) => e.id)).toEqual([newAlert, oldAlert, recent, reReadLater, old]);
    expect(entries.map((e) => e.alert)).toEqual([true, true, false, false, false]);
    expect(salaries.get(entries[0]!.salarieId)?.firstName).toBe('Amina');
    expect(salaries.get(BRUNO)?.lastName).toBe('Martin');
  });

  it('inbox: empty when everything is read', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, { structureId: STRUCTURE });
    await repo.write('logEntry', id(601), { structureId: STRUCTURE, salarieId: AMINA, authorId: ETI, date: '2026-11-19', category: 'atouts', text: 'Bien', visibility: 'salarie', alert: false });
    await repo.write('review', id(700), { structureId: STRUCTURE, logEntryId: id(601), reviewerId: COORD, at: '2026-11-20T08:00:00.000Z' });
    expect((await coordinationQueries(db).inbox()).entries).toEqual([]);
  });
});
