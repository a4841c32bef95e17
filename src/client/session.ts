// Sign-in and sign-out on the device. The session (token, user, device id) lives in `meta`;
// the device id becomes the HLC node. Signing in as someone else first empties the device
// (no one inherits another user's files), and so does signing in on a device with no session
// (what a stale tab may have written after a sign-out: writeGuess.ts); signing out erases the
// whole database. Every change of session makes the tabs forget their write guesses.
// A session the server says lapsed (401 session_expired) stays in `meta` marked `expired`: no
// token is sent any more, but the store and the outbox are kept, and the next sign-in compares
// its user with that one — the same person gets everything back (the outbox leaves at the next
// sync, under their new token); someone else gets an empty device, the previous person's
// unsent changes erased in the same transaction that stores the new session, so none of them
// can ever be sent under another person's token.
import type { SessionUser } from '../sync/protocol';
import { ApiError, NetworkError, RevokedError, SessionExpiredError, type Api } from './api';
import { loadDeviceClock, setClockNode } from './clock';
import { formatHlc } from '../sync/hlc';
import { sessionChanged } from './writeGuess';
import { allTables, eraseDeviceDb, META, type DeviceDb } from './db';

export interface Session {
  token: string;
  user: SessionUser;
  deviceId: string;
  /** The server refused it as unused too long: kept only to know whose data the device holds. */
  expired?: true;
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

/** The stored session, expired or not. */
async function storedSession(db: DeviceDb): Promise<Session | undefined> {
  const v = (await db.meta.get(META.session))?.value as Session | undefined;
  return v !== undefined && typeof v.token === 'string' ? v : undefined;
}

/** The live session: the one whose token is sent (an expired one is not). */
export async function currentSession(db: DeviceDb): Promise<Session | undefined> {
  const s = await storedSession(db);
  return s?.expired === true ? undefined : s;
}

/** The session that lapsed, if that is why nobody is signed in (the sign-in screen says so). */
export async function expiredSession(db: DeviceDb): Promise<Session | undefined> {
  const s = await storedSession(db);
  return s?.expired === true ? s : undefined;
}

/**
 * The server answered session_expired: stop sending this token, keep everything else. Only the
 * session that was refused is marked (a sign-in meanwhile, in another tab, stays live).
 */
export async function markSessionExpired(db: DeviceDb, token: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const s = await storedSession(db);
    if (s !== undefined && s.token === token && s.expired !== true) await db.meta.put({ key: META.session, value: { ...s, expired: true } satisfies Session });
  });
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
  await db.transaction('rw', allTables(db), async () => {
    // Read inside the transaction: an expired session counts (its data is still here).
    // No session at all: anything stored was written by a tab that had not yet heard of the
    // sign-out that erased the device (writeGuess.ts) — it is nobody's to send.
    const previous = await storedSession(db);
    if (previous === undefined || previous.user.id !== session.user.id) {
      // The clock stays monotonic whoever signs in: `meta`, moved past the outbox's stamps (clock.ts).
      const hlc = formatHlc(await loadDeviceClock(db, now()));
      await Promise.all(allTables(db).map((t) => t.clear()));
      await db.meta.put({ key: META.hlc, value: hlc });
    }
    await db.meta.put({ key: META.session, value: session });
    await db.meta.put({ key: META.deviceId, value: session.deviceId });
    await setClockNode(db, session.deviceId, now());
  });
  sessionChanged(db); // every tab learns the new session before its next creation (writeGuess.ts)
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
    if (!(e instanceof NetworkError || e instanceof ApiError || e instanceof RevokedError || e instanceof SessionExpiredError)) throw e;
  }
  await eraseDeviceDb(db);
}
