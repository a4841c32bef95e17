// The device screens' reads: the id the device was given, the changes the server refused (the
// latest refusal first, gone once dismissed) and how many changes wait to be sent.
import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../src/client/repository';
import { deviceQueries } from '../../../src/client/queries/device';
import { META } from '../../../src/client/db';
import { newTestDb } from '../helpers';
import { id, STRUCTURE } from './ids';


describe('device queries', () => {
  it('deviceId: undefined until one is given, then that id', async () => {
    const { db } = newTestDb();
    const q = deviceQueries(db);
    expect(await q.deviceId()).toBeUndefined();
    await db.meta.put({ key: META.deviceId, value: id(99) });
    expect(await q.deviceId()).toBe(id(99));
  });

  it('outboxCount: one per local change not yet sent', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, { structureId: STRUCTURE });
    const q = deviceQueries(db);
    expect(await q.outboxCount()).toBe(0);
    await repo.write('salarie', id(201), { structureId: STRUCTURE, firstName: 'Amina', lastName: 'Diallo' });
    await repo.write('salarie', id(202), { structureId: STRUCTURE, firstName: 'Bruno', lastName: 'Martin' });
    expect(await q.outboxCount()).toBe(2);
  });

  it('rejected: the latest refusal first; a dismissed one is gone', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, { structureId: STRUCTURE });
    const q = deviceQueries(db);
    expect(await q.rejected()).toEqual([]);
    const refuse = (what: string, at: number) => db.rejected.add({ opId: `op-${what}`, entity: 'timeEntry', id: id(700), what, reason: 'month_closed', message: 'Mois validé.', at, set: { hours: 6 } });
    const first = await refuse('Lundi', Date.UTC(2026, 10, 16, 9));
    await refuse('Mercredi', Date.UTC(2026, 10, 18, 9));
    await refuse('Mardi', Date.UTC(2026, 10, 17, 9));
    expect((await q.rejected()).map((r) => r.what)).toEqual(['Mercredi', 'Mardi', 'Lundi']);
    await repo.dismissRejected(first!);
    expect((await q.rejected()).map((r) => r.what)).toEqual(['Mercredi', 'Mardi']);
  });
});
