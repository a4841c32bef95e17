// The sync status the UI shows (a zustand vanilla store, so any tab's UI can subscribe), and
// the mapping from a failed sync to a French message and to "retry later or not".
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiError, NetworkError, RevokedError, SessionExpiredError, UpdateRequiredError } from './api';

export type SyncErrorCode = 'network' | 'server' | 'quota' | 'unauthenticated' | 'session_expired' | 'revoked' | 'update_required' | 'unknown';

export interface SyncStatus {
  online: boolean;
  /** Local changes not yet acknowledged by the server. */
  pending: number;
  /** Epoch ms of the last complete sync. */
  lastSyncAt?: number;
  syncing: boolean;
  error?: { code: SyncErrorCode; message: string };
  /** The server no longer speaks this version (426): offer the update, stop syncing. */
  updateRequired: boolean;
  /** The coordinator revoked this tablet: its data has been erased. */
  revoked: boolean;
  /** Changes the server refused (listed in the `rejected` table). */
  rejectedCount: number;
  /**
   * While a device with no cursor receives its whole view: records and pages applied so far.
   * The pull answer gives no total, so the shell shows an indeterminate bar with these counts.
   */
  firstSync?: { received: number; pages: number } | undefined;
}

export type SyncStatusStore = StoreApi<SyncStatus>;

export function createSyncStatusStore(initial: Partial<SyncStatus> = {}): SyncStatusStore {
  const online = typeof navigator === 'undefined' || typeof navigator.onLine !== 'boolean' ? true : navigator.onLine;
  return createStore<SyncStatus>()(() => ({
    online, pending: 0, syncing: false, updateRequired: false, revoked: false, rejectedCount: 0, ...initial,
  }));
}

export interface ClassifiedFailure {
  code: SyncErrorCode;
  message: string;
  /** Worth retrying later (with backoff). */
  retry: boolean;
}

export function isQuotaError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur !== null && typeof cur === 'object' && depth < 4; depth++) {
    if ((cur as { name?: unknown }).name === 'QuotaExceededError') return true;
    cur = (cur as { inner?: unknown }).inner;
  }
  return false;
}

export function classifyFailure(e: unknown): ClassifiedFailure {
  if (e instanceof RevokedError) return { code: 'revoked', message: 'Cette tablette a été déconnectée par la coordination : ses données ont été effacées.', retry: false };
  if (e instanceof SessionExpiredError) return { code: 'session_expired', message: e.message, retry: false };
  if (e instanceof UpdateRequiredError) return { code: 'update_required', message: 'Une mise à jour de l’application est nécessaire pour synchroniser.', retry: false };
  if (e instanceof NetworkError) return { code: 'network', message: 'Pas de connexion : vos saisies restent sur la tablette et partiront dès le retour du réseau.', retry: true };
  if (e instanceof ApiError && e.status === 401) return { code: 'unauthenticated', message: 'Votre session a expiré : reconnectez-vous pour synchroniser.', retry: false };
  if (e instanceof ApiError) return { code: 'server', message: `Le serveur n’a pas pu synchroniser (${e.status}) : nouvel essai bientôt.`, retry: true };
  if (isQuotaError(e)) return { code: 'quota', message: 'La mémoire de la tablette est pleine : libérez de la place. Vos saisies non envoyées sont conservées.', retry: true };
  return { code: 'unknown', message: 'La synchronisation a échoué : nouvel essai bientôt.', retry: true };
}
