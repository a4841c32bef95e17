// Sign-in and sign-out on the device. The session (token, user, device id) lives in `meta`;
// the device id becomes the HLC node. Signing in as someone else first empties the device
// (no one inherits another user's files); signing out erases the whole database.
import type { SessionUser } from '../sync/protocol';
import { ApiError, NetworkError, RevokedError, type Api } from './api';
import { setClockNode } from './clock';
import { allTables, eraseDeviceDb, META, type DeviceDb } from './db';

export interface Session {
  token: string;
  user: SessionUser;
  deviceId: string;
}

/** Sign-in refused; `message` is what to show the user, in French. */
export class LoginError extends Error {
  override readonly name = 'LoginError';
  constructor(readonly code: 'credentials' | 'throttled' | 'network' | 'update_required' | 'server', message: string) {
    super(message);
  }
}

/** Signing out would lose changes not yet sent to the server. */
export class PendingChangesError extends Error {
  override readonly name = 'PendingChangesError';
  constructor(readonly pending: number) {
    super(`${pending} modification${pending > 1 ? 's' : ''} pas encore envoyée${pending > 1 ? 's' : ''} : synchronisez avant de vous déconnecter.`);
  }
}

export async function currentSession(db: DeviceDb): Promise<Session | undefined> {
  const v = (await db.meta.get(META.session))?.value as Session | undefined;
  return v !== undefined && typeof v.token === 'string' ? v : undefined;
}

export async function login(db: DeviceDb, api: Api, creds: { login: string; password: string; deviceName: string }, now: () => number = Date.now): Promise<Session> {
  let res;
  try {
    res = await api.login(creds.login, creds.password, creds.deviceName);
  } catch (e) {
    if (e instanceof NetworkError) throw new LoginError('network', 'Pas de connexion : la première connexion demande le réseau.');
    if (e instanceof ApiError && e.status === 401) throw new LoginError('credentials', 'Identifiant ou mot de passe incorrect.');
    if (e instanceof ApiError && e.status === 429) throw new LoginError('throttled', 'Trop d’essais : patientez quelques minutes avant de réessayer.');
    if (e instanceof ApiError) throw new LoginError('server', `Le serveur n’a pas pu vous connecter (${e.status}).`);
    if (e instanceof Error && e.name === 'UpdateRequiredError') throw new LoginError('update_required', 'Une mise à jour de l’application est nécessaire.');
    throw e;
  }
  const session: Session = { token: res.token, user: res.user, deviceId: res.deviceId };
  const previous = await currentSession(db);
  await db.transaction('rw', allTables(db), async () => {
    if (previous !== undefined && previous.user.id !== session.user.id) {
      const hlc = await db.meta.get(META.hlc); // the clock stays monotonic whoever signs in
      await Promise.all(allTables(db).map((t) => t.clear()));
      if (hlc !== undefined) await db.meta.put(hlc);
    }
    await db.meta.put({ key: META.session, value: session });
    await db.meta.put({ key: META.deviceId, value: session.deviceId });
    await setClockNode(db, session.deviceId, now());
  });
  return session;
}

/**
 * Sign out: revoke this device's token on the server (best effort: offline, the coordinator
 * can still revoke the tablet) and erase the local database. Refuses while changes are
 * unsent unless `discardPending`.
 */
export async function logout(db: DeviceDb, api: Api, opts: { discardPending?: boolean } = {}): Promise<void> {
  const pending = await db.outbox.count();
  if (pending > 0 && opts.discardPending !== true) throw new PendingChangesError(pending);
  try {
    await api.logout();
  } catch (e) {
    if (!(e instanceof NetworkError || e instanceof ApiError || e instanceof RevokedError)) throw e;
  }
  await eraseDeviceDb(db);
}
