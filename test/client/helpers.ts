// Test helpers for the device side: a fresh fake IndexedDB per simulated tablet, so devices
// in one test never share storage, and a controllable clock.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDeviceDb, type DeviceDb } from '../../src/client/db';

export interface TestDb {
  db: DeviceDb;
  factory: IDBFactory;
  /** The same stored database opened again, as after a reload. */
  reopen(): DeviceDb;
}

let counter = 0;

export function newTestDb(name = `tremplin-test-${++counter}`): TestDb {
  const factory = new IDBFactory();
  const db = openDeviceDb(name, { indexedDB: factory, IDBKeyRange });
  return {
    db,
    factory,
    reopen() {
      db.close();
      return openDeviceDb(name, { indexedDB: factory, IDBKeyRange });
    },
  };
}

/** A clock the test moves by hand (epoch ms). */
export function manualClock(start = Date.parse('2026-11-23T08:00:00.000Z')) {
  let t = start;
  const now = () => t;
  return { now, set: (ms: number) => { t = ms; }, advance: (ms: number) => { t += ms; } };
}
