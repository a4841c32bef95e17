// Test wiring for screens: a real device database (fake-indexeddb) and the real repository,
// with a signed-in user and no network — exactly what the screens see on an offline tablet.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDeviceDb, type DeviceDb } from '../../src/client/db';
import { createRepository } from '../../src/client/repository';
import { createQueries } from '../../src/client/queries';
import type { Services, SyncView } from '../../src/ui/shell/services';
import type { SessionUser } from '../../src/sync/protocol';
import { createAdminApi } from '../../src/client/admin';
import { createCalendarApi } from '../../src/client/calendar';

export const STRUCTURE_ID = '01900000-0000-7000-8000-000000000001';
export const ETI_ID = '01900000-0000-7000-8000-000000000002';

export function testServices(user: SessionUser | undefined, opts: { login?: Services['login']; sync?: Partial<SyncView> } = {}): Services & { db: DeviceDb } {
  const db = openDeviceDb(`ui-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const repo = createRepository(db, { structureId: STRUCTURE_ID });
  const listeners = new Set<() => void>();
  let sessionUser = user;
  const syncView: SyncView = { online: false, pending: 0, syncing: false, updateRequired: false, rejectedCount: 0, ...opts.sync };
  return {
    db,
    queries: createQueries(db),
    // No server here: the coordinator's online calls fail as offline.
    admin: createAdminApi({ call: () => Promise.reject(new TypeError('Failed to fetch')) }),
    calendar: createCalendarApi({ call: () => Promise.reject(new TypeError('Failed to fetch')) }),
    write: async (entity, id, set) => { await repo.write(entity, id, set); },
    writeMany: async (changes) => { await repo.writeMany(changes); },
    remove: async (entity, id) => { await repo.remove(entity, id); },
    dismissRejected: async (seq) => { await repo.dismissRejected(seq); },
    login: opts.login ?? (async () => undefined),
    logout: async () => { sessionUser = undefined; listeners.forEach((f) => f()); },
    syncNow: async () => undefined,
    session: { get: () => sessionUser, subscribe: (fn) => { listeners.add(fn); return () => listeners.delete(fn); } },
    sync: { get: () => syncView, subscribe: () => () => undefined },
    now: () => new Date('2026-11-20T10:00:00Z'),
  };
}
