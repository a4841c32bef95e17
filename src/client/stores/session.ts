// The session store the UI reads (signed in or not, who, sign-in errors) with its actions.
// A vanilla zustand store, so it works outside components and in tests without a renderer.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../api';
import type { DeviceDb } from '../db';
import { currentSession, login, LoginError, logout, PendingChangesError, type Session } from '../session';

export interface SessionState {
  status: 'loading' | 'signedOut' | 'signedIn';
  session?: Session;
  /** Last sign-in or sign-out problem, in French. */
  error?: string;
  busy: boolean;
  /** Why the user was signed out without asking (e.g. the tablet was revoked). */
  signedOutReason?: 'revoked' | 'logout';
  load(): Promise<void>;
  login(login: string, password: string): Promise<boolean>;
  logout(opts?: { discardPending?: boolean }): Promise<boolean>;
  /** The engine found the device revoked and erased it. */
  revoked(): void;
}

export type SessionStore = StoreApi<SessionState>;

export function createSessionStore(deps: { db: DeviceDb; api: Api; deviceName?: string; now?: () => number }): SessionStore {
  return createStore<SessionState>()((set) => ({
    status: 'loading',
    busy: false,
    async load() {
      const session = await currentSession(deps.db);
      set(session === undefined ? { status: 'signedOut', session: undefined } : { status: 'signedIn', session });
    },
    async login(user, password) {
      set({ busy: true, error: undefined });
      try {
        const session = await login(deps.db, deps.api, { login: user, password, deviceName: deps.deviceName ?? 'Tablette' }, deps.now);
        set({ status: 'signedIn', session, busy: false, signedOutReason: undefined });
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
        return true;
      } catch (e) {
        set({ busy: false, error: e instanceof PendingChangesError ? e.message : 'La déconnexion a échoué.' });
        return false;
      }
    },
    revoked() {
      set({ status: 'signedOut', session: undefined, busy: false, signedOutReason: 'revoked' });
    },
  }));
}
