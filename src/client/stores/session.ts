// The session store the UI reads (signed in or not, who, sign-in errors) with its actions.
// A vanilla zustand store, so it works outside components and in tests without a renderer.
// Sign-out, revocation and an expired session are broadcast to the app's other tabs
// (BroadcastChannel). An expired session signs the person out but keeps the device's data
// (client/session.ts): `expiredUser` says whose, for the sign-in screen.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../api';
import type { SessionUser } from '../../sync/protocol';
import type { DeviceDb } from '../db';
import { currentSession, expiredSession, login, LoginError, logout, PendingChangesError, type Session } from '../session';

export interface SessionState {
  status: 'loading' | 'signedOut' | 'signedIn';
  session?: Session;
  /** Last sign-in or sign-out problem, in French. */
  error?: string;
  busy: boolean;
  /** Why the user was signed out without asking (e.g. the tablet was revoked, the session lapsed). */
  signedOutReason?: SignedOutReason;
  /** Whose session lapsed unused: their unsent changes wait on the device for them. */
  expiredUser?: SessionUser;
  load(): Promise<void>;
  login(login: string, password: string): Promise<boolean>;
  logout(opts?: { discardPending?: boolean }): Promise<boolean>;
  /** The engine found the device revoked and erased it. */
  revoked(): void;
  /** The engine found the session lapsed and marked it so; nothing was erased. */
  expired(): Promise<void>;
}

export type SignedOutReason = 'revoked' | 'logout' | 'expired';

export type SessionStore = StoreApi<SessionState>;

type SignedOutMessage = { type: 'signedOut'; reason: SignedOutReason };

/**
 * Other tabs of the same app hold the same database: when one tab signs out or finds the
 * tablet revoked (and erases the data), the others must drop what they show too.
 */
function tabChannel(dbName: string): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const ch = new BroadcastChannel(`tremplin-session:${dbName}`);
  (ch as { unref?: () => void }).unref?.(); // Node (tests): do not keep the process alive
  return ch;
}

export function createSessionStore(deps: { db: DeviceDb; api: Api; deviceName?: string; now?: () => number }): SessionStore {
  const channel = tabChannel(deps.db.name);
  const tell = (reason: SignedOutMessage['reason']) => channel?.postMessage({ type: 'signedOut', reason } satisfies SignedOutMessage);
  const store = createStore<SessionState>()((set) => ({
    status: 'loading',
    busy: false,
    async load() {
      const session = await currentSession(deps.db);
      if (session !== undefined) return set({ status: 'signedIn', session });
      // After the reload that follows an expiry (or the next morning): say so on the sign-in screen.
      const lapsed = await expiredSession(deps.db);
      set(lapsed === undefined ? { status: 'signedOut', session: undefined } : { status: 'signedOut', session: undefined, signedOutReason: 'expired', expiredUser: lapsed.user });
    },
    async login(user, password) {
      set({ busy: true, error: undefined });
      try {
        const session = await login(deps.db, deps.api, { login: user, password, deviceName: deps.deviceName ?? 'Tablette' }, deps.now);
        set({ status: 'signedIn', session, busy: false, signedOutReason: undefined, expiredUser: undefined });
        return true;
      } catch (e) {
        set({ busy: false, error: e instanceof LoginError ? e.message : 'La connexion a échoué.' });
        return false;
      }
    },
    async logout(opts) {
      set({ busy: true, error: undefined });
      try {
        await logout(deps.db, deps.api, opts);
        set({ status: 'signedOut', session: undefined, busy: false, signedOutReason: 'logout' });
        tell('logout');
        return true;
      } catch (e) {
        set({ busy: false, error: e instanceof PendingChangesError ? e.message : 'La déconnexion a échoué.' });
        return false;
      }
    },
    revoked() {
      set({ status: 'signedOut', session: undefined, busy: false, signedOutReason: 'revoked' });
      tell('revoked');
    },
    async expired() {
      const lapsed = await expiredSession(deps.db);
      set({ status: 'signedOut', session: undefined, busy: false, signedOutReason: 'expired', expiredUser: lapsed?.user });
      tell('expired');
    },
  }));
  channel?.addEventListener('message', (ev: MessageEvent<SignedOutMessage>) => {
    if (ev.data?.type === 'signedOut' && store.getState().status !== 'signedOut') {
      store.setState({ status: 'signedOut', session: undefined, busy: false, signedOutReason: ev.data.reason });
    }
  });
  return store;
}
