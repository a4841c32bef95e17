// Reads loaded on first use (client/queries/later.ts): a call before the module is there waits
// for it and answers like the module; the module loads once; a failed load is tried again; and a
// live query whose first run loads the module still re-runs when a table its read touched
// changes (the wait keeps Dexie's zone), as it does when the module was loaded already.
import 'fake-indexeddb/auto'; // liveQuery runs only where indexedDB exists
import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../src/client/repository';
import { readsLoadedOnUse } from '../../../src/client/queries/later';
import { observe } from '../../../src/client/queries/live';
import { allOf } from '../../../src/client/queries/tables';
import type { DeviceDb } from '../../../src/client/db';
import { newTestDb } from '../helpers';
import { id, STRUCTURE } from './ids';

const settle = () => new Promise((r) => setTimeout(r, 300));

/** A module that takes `ms` to load (a chunk over the network), counting its loads. */
function slowModule(db: DeviceDb, ms = 20) {
  const loads = { n: 0, fail: 0 };
  const load = async () => {
    loads.n += 1;
    await new Promise((r) => setTimeout(r, ms));
    if (loads.fail > 0) {
      loads.fail -= 1;
      throw new Error('chunk not loaded');
    }
    return {
      names: async (prefix: string) => (await allOf(db, 'salarie')).map((s) => `${prefix}${s.firstName}`).sort(),
      count: async () => (await allOf(db, 'salarie')).length,
    };
  };
  return { loads, reads: readsLoadedOnUse(load, { names: true, count: true }) };
}

describe('readsLoadedOnUse', () => {
  it('answers like the module, loading it once for concurrent and later calls', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, { structureId: STRUCTURE });
    await repo.write('salarie', id(201), { firstName: 'Amina', lastName: 'Diallo' });
    const { loads, reads } = slowModule(db);
    expect(loads.n).toBe(0);
    expect(await Promise.all([reads.names('- '), reads.count()])).toEqual([['- Amina'], 1]);
    expect(await reads.count()).toBe(1);
    expect(loads.n).toBe(1);
  });

  it('a failed load is tried again on the next call', async () => {
    const { db } = newTestDb();
    const { loads, reads } = slowModule(db);
    loads.fail = 1;
    await expect(reads.count()).rejects.toThrow('chunk not loaded');
    expect(await reads.count()).toBe(0);
    expect(loads.n).toBe(2);
  });

  it('a live query whose first run loads the module re-runs when what it read changes', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, { structureId: STRUCTURE });
    await repo.write('salarie', id(201), { firstName: 'Amina', lastName: 'Diallo' });
    const { loads, reads } = slowModule(db);
    const seen: string[][] = [];
    const errors: unknown[] = [];
    const stop = observe(() => reads.names(''), (v) => seen.push(v), (e) => errors.push(e));
    await settle();
    expect(errors).toEqual([]);
    await settle();
    expect(loads.n).toBe(1);
    expect(seen).toEqual([['Amina']]);
    await repo.write('salarie', id(202), { firstName: 'Bruno', lastName: 'Martin' });
    await settle();
    expect(seen).toEqual([['Amina'], ['Amina', 'Bruno']]);
    stop();
  });
});
