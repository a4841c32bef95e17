// The entry's raw look at the device database (client/sessionProbe.ts): it must read the
// session Dexie stores, and never leave a database behind when there is none.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { probeStoredSession, DEVICE_DB_NAME } from '../../src/client/sessionProbe';
import { META, openDeviceDb } from '../../src/client/db';

function freshDevice() {
  const indexedDB = new IDBFactory();
  return { indexedDB, open: () => openDeviceDb(DEVICE_DB_NAME, { indexedDB, IDBKeyRange }) };
}

describe('probeStoredSession', () => {
  it('finds nobody signed in on a device without a database, and leaves no database behind', async () => {
    const { indexedDB, open } = freshDevice();
    await expect(probeStoredSession({ indexedDB, timeoutMs: 2000 })).resolves.toBe('none');
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DEVICE_DB_NAME);
    // Dexie then creates it as on a new tablet, with every table of today's version.
    const db = open();
    await db.open();
    expect(db.tables.map((t) => t.name)).toContain('meta');
    await db.meta.put({ key: 'x', value: 1 });
    db.close();
  });

  it('finds the session Dexie stored', async () => {
    const { indexedDB, open } = freshDevice();
    const db = open();
    await db.meta.put({ key: META.session, value: { token: 't', user: { id: 'u1', role: 'eti', structureId: 's' }, deviceId: 'd' } });
    await expect(probeStoredSession({ indexedDB, timeoutMs: 2000 })).resolves.toBe('stored');
    // A lapsed session is still someone's: the full app says so.
    await db.meta.put({ key: META.session, value: { token: 't', user: { id: 'u1', role: 'eti', structureId: 's' }, deviceId: 'd', expired: true } });
    await expect(probeStoredSession({ indexedDB, timeoutMs: 2000 })).resolves.toBe('stored');
    // The probe closed its connection: Dexie keeps working (and could delete the database).
    await db.delete();
    await expect(probeStoredSession({ indexedDB, timeoutMs: 2000 })).resolves.toBe('none');
  });

  it('finds nobody signed in in a database without a session', async () => {
    const { indexedDB, open } = freshDevice();
    const db = open();
    await db.meta.put({ key: META.deviceId, value: 'd' });
    await expect(probeStoredSession({ indexedDB, timeoutMs: 2000 })).resolves.toBe('none');
    expect(await db.meta.get(META.deviceId)).toEqual({ key: META.deviceId, value: 'd' });
    db.close();
  });

  it('refuses to answer when the database is not the device one (the app then decides)', async () => {
    const indexedDB = new IDBFactory();
    await new Promise<void>((done) => {
      const req = indexedDB.open(DEVICE_DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('other');
      req.onsuccess = () => { req.result.close(); done(); };
    });
    await expect(probeStoredSession({ indexedDB, timeoutMs: 2000 })).rejects.toThrow();
  });

  it('refuses to answer without IndexedDB', async () => {
    await expect(probeStoredSession({ indexedDB: undefined as unknown as IDBFactory })).rejects.toThrow();
  });
});
