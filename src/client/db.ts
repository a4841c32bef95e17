// The device's IndexedDB (Dexie 4): one table per synced entity holding flattened records
// (fields at top level so indexes work, plus `_clocks` and `_deleted`), the outbox of changes
// not yet acknowledged, the `meta` key/value table and the changes the server refused.
// Field names never start with `_` (entities.ts), so `_clocks`/`_deleted` cannot collide.
import { Dexie, type EntityTable, type Table } from 'dexie';
import { ENTITY_NAMES, type EntityName } from '../domain/entities';
import type { Clocks, Fields, JsonValue, RejectReason } from '../sync/protocol';

/** A synced record as stored on the device. */
export interface LocalRecord {
  id: string;
  structureId: string;
  _clocks: Clocks;
  /** 0 or 1 rather than a boolean: booleans are not valid IndexedDB keys. */
  _deleted: 0 | 1;
  [field: string]: unknown;
}

/** A field's state before a pending change, so a refused change can be rolled back. */
export interface PrevField {
  /** Absent when the field did not exist. For the `deleted` pseudo-field: a boolean. */
  value?: JsonValue;
  clock?: string;
}

/** A local change waiting for the server's answer. */
export interface OutboxEntry {
  seq?: number;
  opId: string;
  entity: EntityName;
  id: string;
  hlc: string;
  set: Fields;
  deleted?: true;
  /**
   * Per field touched (and `deleted` for a removal): the value and clock it would have without
   * this change. A pulled value that a pending change protects is folded in here too, so that
   * the record ends up equal to the server's whatever the server answers.
   */
  prev: { existed: boolean; fields: Record<string, PrevField> };
}

/** A change the server refused: kept so the user can see what did not go through and why. */
export interface RejectedChange {
  seq?: number;
  opId: string;
  entity: EntityName;
  id: string;
  /** What the change was, in French (e.g. « Relevé d’heures : modification de Heures »). */
  what: string;
  reason: RejectReason | string;
  /** Why, in French. */
  message: string;
  /** Epoch ms when the refusal was received. */
  at: number;
  set: Fields;
  deleted?: true;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Secondary indexes per entity: the reads the screens need (see repository.ts). */
const ENTITY_INDEXES: Partial<Record<EntityName, string>> = {
  logEntry: 'salarieId, [salarieId+date]',
  timeEntry: 'salarieId, [salarieId+date]',
  evaluation: 'salarieId, [salarieId+date], [salarieId+competenceId]',
  objective: 'salarieId, [salarieId+competenceId]',
  planningSlot: 'teamId, [teamId+date]',
  membership: 'teamId, salarieId',
  chantier: 'teamId',
  assignment: 'slotId, salarieId',
  review: 'logEntryId',
  competence: 'activityId',
  contract: 'salarieId',
  passIae: 'salarieId',
  suspension: 'salarieId',
  prolongation: 'salarieId',
  pmsmp: 'salarieId',
  diagnostic: 'salarieId',
  badge: 'salarieId',
  onboarding: 'salarieId',
};

export function entitySchema(entity: EntityName): string {
  const extra = ENTITY_INDEXES[entity];
  return extra === undefined ? 'id' : `id, ${extra}`;
}

export type DeviceDb = Dexie & {
  outbox: EntityTable<OutboxEntry, 'seq'>;
  meta: EntityTable<MetaRow, 'key'>;
  rejected: EntityTable<RejectedChange, 'seq'>;
};

export interface DbDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/**
 * Open (lazily) the device database. Tests pass their own fake-indexeddb factory per
 * simulated device; the browser uses its globals. Dexie's liveQuery cache is off: in
 * Chromium the first sync's bulk writes measured faster without it, and liveQuery still
 * works (it re-reads on change).
 */
export function openDeviceDb(name = 'tremplin', deps?: DbDeps): DeviceDb {
  const options = { cache: 'disabled' as const };
  const db = (deps === undefined ? new Dexie(name, options) : new Dexie(name, { ...options, indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange })) as DeviceDb;
  const stores: Record<string, string> = {
    outbox: '++seq, &opId, entity, [entity+id]',
    meta: 'key',
    rejected: '++seq, at',
  };
  for (const entity of ENTITY_NAMES) stores[entity] = entitySchema(entity);
  // Version 1 had no `onboarding` table; Dexie adds it on upgrade and keeps everything else.
  const v1 = Object.fromEntries(Object.entries(stores).filter(([name]) => name !== 'onboarding'));
  db.version(1).stores(v1);
  db.version(2).stores(stores);
  return db;
}

export function entityTable(db: DeviceDb, entity: EntityName): Table<LocalRecord, string> {
  return db.table<LocalRecord, string>(entity);
}

/** Every table that a sync step may touch, for one transaction over all of them. */
export function allTables(db: DeviceDb): Table[] {
  return db.tables;
}

/** The local record as the merge sees it (fields include structureId). */
export function fromLocal(rec: LocalRecord): { fields: Fields; clocks: Clocks; deleted: boolean } {
  const fields: Fields = {};
  for (const [k, v] of Object.entries(rec)) {
    if (k === 'id' || k === '_clocks' || k === '_deleted') continue;
    Object.defineProperty(fields, k, { value: v as JsonValue, writable: true, enumerable: true, configurable: true });
  }
  return { fields, clocks: rec._clocks, deleted: rec._deleted === 1 };
}

export function toLocal(id: string, merged: { fields: Fields; clocks: Clocks; deleted: boolean }, structureId: string): LocalRecord {
  const rec: LocalRecord = { id, structureId, _clocks: merged.clocks, _deleted: merged.deleted ? 1 : 0 };
  for (const [k, v] of Object.entries(merged.fields)) {
    if (k === 'id' || k === '_clocks' || k === '_deleted') continue;
    Object.defineProperty(rec, k, { value: v, writable: true, enumerable: true, configurable: true });
  }
  if (typeof merged.fields['structureId'] === 'string') rec.structureId = merged.fields['structureId'];
  return rec;
}

// --- meta ------------------------------------------------------------------------------
export const META = {
  deviceId: 'deviceId',
  hlc: 'hlc',
  cursor: 'cursor',
  session: 'session',
  /** Records kept through a reset only because they had pending changes (see syncEngine). */
  orphans: 'orphans',
  /** Epoch ms of the last complete sync (other tabs read it through liveQuery). */
  lastSyncAt: 'lastSyncAt',
} as const;

export async function getMeta<T>(db: DeviceDb, key: string): Promise<T | undefined> {
  const row = await db.meta.get(key);
  return row?.value as T | undefined;
}

export async function setMeta(db: DeviceDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/**
 * Erase everything this device holds (revoked tablet, logout). The database is deleted, not
 * emptied, so nothing of the salariés' files survives; the same Dexie object reopens empty on
 * its next use.
 */
export async function eraseDeviceDb(db: DeviceDb): Promise<void> {
  await db.delete({ disableAutoOpen: false });
}
