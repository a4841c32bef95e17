// The composition root of the device side: one database, API client, queries, repository, sync engine
// and session store wired together. The app creates one; tests create several (one per
// simulated tablet, each with its own fake IndexedDB) against the same server.
import { createApi, type FetchLike } from './api';
import { openDeviceDb, type DbDeps } from './db';
import { createQueries } from './queries';
import { createRepository } from './repository';
import { currentSession } from './session';
import { createSessionStore } from './stores/session';
import { createSyncEngine, type SyncEngineOptions } from './syncEngine';
import { startSyncTriggers, webLockRunner, type TriggerOptions } from './triggers';

export interface DeviceOptions {
  dbName?: string;
  dbDeps?: DbDeps;
  baseUrl?: string;
  fetch?: FetchLike;
  now?: () => number;
  deviceName?: string;
  engine?: Partial<Pick<SyncEngineOptions, 'pushBatchSize' | 'pullLimit' | 'hooks' | 'runExclusive' | 'timers' | 'random'>>;
}

export type Device = ReturnType<typeof createDevice>;

export function createDevice(opts: DeviceOptions = {}) {
  const db = openDeviceDb(opts.dbName ?? 'tremplin', opts.dbDeps);
  const api = createApi({
    ...(opts.baseUrl === undefined ? {} : { baseUrl: opts.baseUrl }),
    ...(opts.fetch === undefined ? {} : { fetch: opts.fetch }),
    getToken: async () => (await currentSession(db))?.token,
  });
  const now = opts.now ?? Date.now;
  const repo = createRepository(db, { now });
  const session = createSessionStore({ db, api, now, ...(opts.deviceName === undefined ? {} : { deviceName: opts.deviceName }) });
  const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
  const engine = createSyncEngine({
    db, api, now, runExclusive: webLockRunner(locks), ...opts.engine,
    onRevoked: () => session.getState().revoked(),
    onSessionExpired: () => session.getState().expired(),
  });

  return {
    db, api, repo, engine, session,
    queries: createQueries(db),
    status: engine.status,
    /** Browser only: sync at start, on online/visibility, on a timer, after writes; one tab at a time. */
    startBackgroundSync: (trigger: TriggerOptions = {}) => startSyncTriggers(engine, db, trigger),
  };
}
