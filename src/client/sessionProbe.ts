// Whether this device holds a stored session, read with the raw IndexedDB API: the entry
// (ui/main.tsx) decides what to draw first without loading Dexie, zod or the app. Nobody signed
// in: a light sign-in form; a session row (live or lapsed): the full app, which reads it properly.
// No Dexie import here on purpose. The names below mirror client/db.ts (`openDeviceDb`'s
// default name, the `meta` table keyed by `key`, `META.session`); test/client/sessionProbe
// checks them against a database written by Dexie.
//
// Opening without a version would CREATE an empty database at version 1 when none exists,
// and Dexie's own open would then take it for an old version to upgrade. So the upgrade that
// creation starts is aborted: the database is not created and nobody is signed in.

export const DEVICE_DB_NAME = 'tremplin';
const META_STORE = 'meta';
const SESSION_KEY = 'session';

/** 'none': no database, or no session in it; 'stored': a session row (perhaps lapsed). */
export type StoredSession = 'none' | 'stored';

export interface ProbeOptions {
  indexedDB?: IDBFactory;
  name?: string;
  /** Rejects if the database has not answered by then (another tab upgrading it, a stuck store). */
  timeoutMs?: number;
}

/** Rejects when the answer cannot be trusted (no IndexedDB, an error, no `meta`, too slow). */
export function probeStoredSession(opts: ProbeOptions = {}): Promise<StoredSession> {
  return new Promise<StoredSession>((resolve, reject) => {
    const factory = opts.indexedDB ?? globalThis.indexedDB;
    if (factory === undefined) return reject(new Error('IndexedDB unavailable'));
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      fn();
    };
    if (opts.timeoutMs !== undefined) timer = setTimeout(() => done(() => reject(new Error('IndexedDB too slow'))), opts.timeoutMs);

    let creating = false;
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(opts.name ?? DEVICE_DB_NAME);
    } catch (e) {
      return done(() => reject(e));
    }
    req.onupgradeneeded = () => {
      // Only a database that does not exist yet gets here (no version asked): do not create it.
      creating = true;
      try {
        req.transaction?.abort();
      } catch {
        // already aborting
      }
    };
    req.onerror = (ev) => {
      ev.preventDefault();
      done(() => (creating ? resolve('none') : reject(req.error ?? new Error('IndexedDB open failed'))));
    };
    req.onsuccess = () => {
      const db = req.result;
      if (settled) return db.close(); // too late: the app decides
      if (creating) {
        db.close(); // the abort did not take: let the app decide
        return done(() => reject(new Error('IndexedDB upgrade not aborted')));
      }
      // Never hold up Dexie's own open (a newer version in another tab).
      db.onversionchange = () => db.close();
      try {
        if (!db.objectStoreNames.contains(META_STORE)) {
          db.close();
          return done(() => reject(new Error('No meta table')));
        }
        const get = db.transaction(META_STORE, 'readonly').objectStore(META_STORE).get(SESSION_KEY);
        get.onsuccess = () => {
          db.close();
          const row = get.result as { value?: { token?: unknown } } | undefined;
          done(() => resolve(typeof row?.value?.token === 'string' ? 'stored' : 'none'));
        };
        get.onerror = (ev) => {
          ev.preventDefault();
          db.close();
          done(() => reject(get.error ?? new Error('IndexedDB read failed')));
        };
      } catch (e) {
        db.close();
        done(() => reject(e));
      }
    };
  });
}
