// What the screens need from the device layer, in one context: the local database to read,
// the repository to write, and the session and sync stores. Screens never call the network.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DeviceDb } from '../client/db';
import type { EntityName } from '../domain/entities';
import type { Fields } from '../sync/protocol';
import type { SessionUser } from '../sync/protocol';

export interface SyncView {
  online: boolean;
  pending: number;
  lastSyncAt?: number | undefined;
  syncing: boolean;
  error?: { code: string; message: string } | undefined;
  updateRequired: boolean;
  rejectedCount: number;
}

export interface Services {
  db: DeviceDb;
  write(entity: EntityName, id: string, set: Fields): Promise<void>;
  remove(entity: EntityName, id: string): Promise<void>;
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
