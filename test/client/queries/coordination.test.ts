// The coordination's inbox rows against a real device database: only entries inside the
// reviewer's window are read (30 days before their first reading, or before today; one dated
// ahead is kept), deleted entries and reviews are left out, and so are a deleted salarié's
// entries; every review is kept grouped by entry (a colleague's too), and the salariés, teams,
// memberships and users' names come with them for the filters.
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
const COORD2 = id(4);
const TODAY = '2026-11-20';

async function world() {
  const { db } = newTestDb();
  const repo = createRepository(db, { structureId: STRUCTURE });
  await repo.write('salarie', AMINA, { structureId: STRUCTURE, firstName: 'Amina', lastName: 'Diallo' });
  await repo.write('salarie', BRUNO, { structureId: STRUCTURE, firstName: 'Bruno', lastName: 'Martin' });
  await repo.write('user', ETI, { structureId: STRUCTURE, login: 'eti1', displayName: 'Karim Benali', role: 'eti' });
  const entry = async (n: number, salarieId: string, date: string, extra: EntitySet<'logEntry'> = {}) => {
    await repo.write('logEntry', id(n), { structureId: STRUCTURE, salarieId, authorId: ETI, date, category: 'technique', text: `Note ${n}`, visibility: 'team', alert: false, ...extra });
    return id(n);
  };
  const review = (n: number, logEntryId: string, reviewerId: string, at: string) => repo.write('review', id(n), { structureId: STRUCTURE, logEntryId, reviewerId, at });
  return { db, repo, q: coordinationQueries(db), entry, review };
}

describe('coordination queries: inbox rows', () => {
  it('a reviewer with no reading yet gets the last 30 days only, with names and every review', async () => {
    const { repo, q, entry, review } = await world();
    const recent = await entry(601, AMINA, '2026-11-19');
    const edge = await entry(602, BRUNO, '2026-10-21');
    await entry(603, BRUNO, '2026-10-20');
    const gone = await entry(604, AMINA, '2026-11-20');
    await repo.remove('logEntry', gone);
    await review(700, recent, COORD2, '2026-11-20T08:00:00.000Z');
    const rows = await q.inbox(COORD, TODAY);
    expect(rows.entries.map((e) => e.id).sort()).toEqual([recent, edge].sort());
    expect(rows.reviews.get(recent)?.map((r) => r.reviewerId)).toEqual([COORD2]);
    expect(rows.salaries.get(BRUNO)?.lastName).toBe('Martin');
    expect(rows.names.get(ETI)).toBe('Karim Benali');
  });

  it('keeps an entry dated ahead, and leaves out the entries of a deleted salarié', async () => {
    const { repo, q, entry } = await world();
    const ahead = await entry(601, AMINA, '2026-11-27');
    await entry(602, BRUNO, '2026-11-19');
    await repo.remove('salarie', BRUNO);
    const rows = await q.inbox(COORD, TODAY);
    expect(rows.entries.map((e) => e.id)).toEqual([ahead]);
    expect(rows.salaries.has(BRUNO)).toBe(false);
  });

  it('a reviewer who read before reaches back 30 days before their first reading; withdrawn reviews are gone', async () => {
    const { repo, q, entry, review } = await world();
    const old = await entry(601, AMINA, '2026-09-05');
    await entry(602, AMINA, '2026-08-01');
    await review(700, old, COORD, '2026-09-20T08:00:00.000Z');
    await review(701, old, COORD, '2026-09-21T08:00:00.000Z');
    await repo.remove('review', id(701));
    const rows = await q.inbox(COORD, TODAY);
    expect(rows.entries.map((e) => e.id)).toEqual([old]);
    expect(rows.reviews.get(old)?.map((r) => r.id)).toEqual([id(700)]);
  });
});
