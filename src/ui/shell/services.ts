// What the screens need from the device layer, in one context: the typed queries to read
// (client/queries), the repository's writes, and the session and sync stores. Screens never see
// the Dexie instance and never call the network.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Queries } from '../../client/queries';
import type { EntitySet } from '../../client/rows';
import type { BatchChange } from '../../client/repository';
import type { AdminApi } from '../../client/admin';
import type { AuditApi } from '../../client/audit';
import type { CalendarApi } from '../../client/calendar';
import type { CredentialsApi } from '../../client/credentials';
import type { EntityName } from '../../domain/entities';
import type { SessionUser } from '../../sync/protocol';

export interface SyncView {
  online: boolean;
  pending: number;
  lastSyncAt?: number | undefined;
  syncing: boolean;
  error?: { code: string; message: string } | undefined;
  updateRequired: boolean;
  rejectedCount: number;
  /** The coordination revoked this tablet and its data was erased (said on the sign-in screen). */
  revoked?: boolean;
  /** The session lapsed unused: sign in again; the tablet kept its data (said on the sign-in screen). */
  sessionExpired?: boolean;
  /** Whose session lapsed (display name), when known: their unsent changes wait for them. */
  expiredUserName?: string | undefined;
  /** A first sync under way: records and pages received so far (no total is known). */
  firstSync?: { received: number; pages: number } | undefined;
}

export interface Services {
  /** The coordinator's online calls: logins and tablets. */
  admin: AdminApi;
  /** The journal of confidential reads (coordination, online only); absent in some tests. */
  audit?: AuditApi;
  /** The private calendar address for a phone (ETI, salarié; online only). */
  calendar: CalendarApi;
  /** Open Badges 3.0: a badge's signed credential and its PNG (online only); absent in some tests. */
  credentials?: CredentialsApi;
  /** Every read a screen makes, typed, by feature. */
  queries: Queries;
  /** Create or update a record (ValidationError with a French message when a field is wrong). */
  write<E extends EntityName>(entity: E, id: string, set: EntitySet<E>): Promise<void>;
  /** Several writes that all land or none does (imports, a file with its contract and PASS). */
  writeMany(changes: readonly BatchChange[]): Promise<void>;
  remove(entity: EntityName, id: string): Promise<void>;
  /** The user has seen a change the server refused and dismisses it. */
  dismissRejected(seq: number): Promise<void>;
  login(login: string, password: string): Promise<void>;
  logout(): Promise<void>;
  syncNow(): Promise<void>;
  /** Subscribe to the signed-in user (undefined when signed out). */
  session: { get(): SessionUser | undefined; subscribe(fn: () => void): () => void };
  sync: { get(): SyncView; subscribe(fn: () => void): () => void };
  now(): Date;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (s === null) throw new Error('ServicesContext manquant');
  return s;
}
