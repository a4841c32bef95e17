// Wires the device layer (database, repository, session, sync engine) into the Services the
// screens use. Background sync runs only while someone is signed in; signing out or a revoked
// tablet reloads the app on an empty database, so nothing of the previous user stays in memory.
// A lapsed session reloads it too, on the database kept as it was (the sign-in screen says so).
import { createDevice, type Device } from '../../client/device';
import { createAdminApi } from '../../client/admin';
import { createAuditApi } from '../../client/audit';
import { createCalendarApi } from '../../client/calendar';
import { deviceCredentialsApi } from '../../client/credentials';
import type { Services, SyncView } from './services';
import type { SessionUser } from '../../sync/protocol';
import { guessDeviceName } from '../pwa/deviceName';
import { revokedFlag } from './revokedFlag';

export function createServices(device: Device = createDevice({ deviceName: guessDeviceName() })): Services {
  let stopSync: (() => void) | undefined;
  const startSync = () => {
    if (stopSync === undefined) stopSync = device.startBackgroundSync();
  };

  const sessionGet = (): SessionUser | undefined => device.session.getState().session?.user;
  device.session.subscribe((s, prev) => {
    if (s.status === 'signedIn') {
      startSync();
      if (prev.status !== 'signedIn') revokedFlag(false);
    }
    if (prev.status === 'signedIn' && s.status === 'signedOut') {
      if (s.signedOutReason === 'revoked') revokedFlag(true);
      stopSync?.();
      stopSync = undefined;
      globalThis.location?.reload();
    }
  });
  void device.session.getState().load();

  let lastView: SyncView | undefined;
  const syncGet = (): SyncView => {
    const s = device.status.getState();
    const signIn = device.session.getState();
    const view: SyncView = {
      online: s.online, pending: s.pending, lastSyncAt: s.lastSyncAt, syncing: s.syncing,
      error: s.error, updateRequired: s.updateRequired, rejectedCount: s.rejectedCount, revoked: s.revoked || revokedFlag(),
      sessionExpired: signIn.status === 'signedOut' && signIn.signedOutReason === 'expired', expiredUserName: signIn.expiredUser?.displayName,
      firstSync: s.firstSync,
    };
    // Same object while nothing changed, so subscribers do not re-render for nothing.
    if (lastView !== undefined && (Object.keys(view) as (keyof SyncView)[]).every((k) => lastView![k] === view[k])) return lastView;
    lastView = view;
    return view;
  };

  return {
    queries: device.queries,
    admin: createAdminApi(device.api),
    audit: createAuditApi(device.api),
    calendar: createCalendarApi(device.api),
    credentials: deviceCredentialsApi(device),
    write: async (entity, id, set) => { await device.repo.write(entity, id, set); },
    writeMany: async (changes) => { await device.repo.writeMany(changes); },
    remove: async (entity, id) => { await device.repo.remove(entity, id); },
    dismissRejected: async (seq) => { await device.repo.dismissRejected(seq); },
    async login(login, password) {
      const ok = await device.session.getState().login(login, password);
      if (!ok) throw new Error(device.session.getState().error ?? 'La connexion a échoué.');
    },
    async logout() {
      const ok = await device.session.getState().logout();
      if (!ok) throw new Error(device.session.getState().error ?? 'La déconnexion a échoué.');
    },
    async syncNow() { await device.engine.requestSync(); },
    session: { get: sessionGet, subscribe: (fn) => device.session.subscribe(fn) },
    // The session store too: whether the session lapsed is part of the view.
    sync: {
      get: syncGet,
      subscribe: (fn) => {
        const offStatus = device.status.subscribe(fn);
        const offSession = device.session.subscribe(fn);
        return () => { offStatus(); offSession(); };
      },
    },
    now: () => new Date(),
  };
}
