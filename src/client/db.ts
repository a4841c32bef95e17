// The device's IndexedDB (Dexie 4): one table per synced entity holding flattened records
// (fields at top level so indexes work, plus `_clocks` and `_deleted`), the outbox of changes
// not yet acknowledged, the `meta` key/value table and the changes the server refused.
// Field names never start with `_` (entities.ts), so `_clocks`/`_deleted`/`_v` cannot collide.
// The Dexie versions below are a frozen history: each states its own changes and upgrade, and
// none is edited once shipped, so a tablet that skipped releases still walks every step.
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { EntityName } from '../domain/entities';
import { versionOf } from '../domain/records/upgrades';
import { LEVEL_STORE, LEVEL_TABLE, OLD_LEVEL_TABLE, rebuildCurrentLevels } from './currentLevels';
import { upgradeStore } from './storedVersion';
import { sessionChanged } from './writeGuess';
import type { Clocks, Fields, JsonValue, RejectReason } from '../sync/protocol';

/** A synced record as stored on the device. */
export interface LocalRecord {
  id: string;
  structureId: string;
  _clocks: Clocks;
  /** 0 or 1 rather than a boolean: booleans are not valid IndexedDB keys. */
  _deleted: 0 | 1;
  /** The record version its fields are in (domain/records/upgrades.ts); absent = 1. */
  _v?: number;
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
  /** The record version `set` is written in; absent = 1 (written before versions existed). */
  v?: number;
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

/** A remembered answer kept across restarts: one per memory `name`, valid for its `key` only. */
export interface MemoryRow {
  name: string;
  key: string;
  value: unknown;
}

/**
 * Version 1, as shipped: the outbox, meta, refused changes and one table per entity with the
 * secondary indexes the screens read by (client/queries). Frozen: never edit it.
 */
const STORES_V1: Readonly<Record<string, string>> = {
  outbox: '++seq, &opId, entity, [entity+id]',
  meta: 'key',
  rejected: '++seq, at',
  structure: 'id',
  user: 'id',
  salarie: 'id',
  team: 'id',
  membership: 'id, teamId, salarieId',
  contract: 'id, salarieId',
  passIae: 'id, salarieId',
  suspension: 'id, salarieId',
  prolongation: 'id, salarieId',
  pmsmp: 'id, salarieId',
  diagnostic: 'id, salarieId',
  chantier: 'id, teamId',
  planningSlot: 'id, teamId, [teamId+date]',
  assignment: 'id, slotId, salarieId',
  timeEntry: 'id, salarieId, [salarieId+date]',
  activity: 'id',
  competence: 'id, activityId',
  evaluation: 'id, salarieId, [salarieId+date], [salarieId+competenceId]',
  objective: 'id, salarieId, [salarieId+competenceId]',
  logEntry: 'id, salarieId, [salarieId+date]',
  review: 'id, logEntryId',
  badge: 'id, salarieId',
  monthClose: 'id',
};

/** Version 2: the accueil checklist of a new salarié. Frozen. */
const STORES_V2: Readonly<Record<string, string>> = {
  onboarding: 'id, salarieId',
};

/**
 * Every Dexie version in order: its table changes (Dexie keeps the tables a version does not
 * name) and the upgrade of the data already stored. A new release that changes a record's shape
 * adds an upgrade step to the entity (domain/records) and a version here whose upgrade is
 * `upgradeStore`, which brings every record and pending change to today's shape.
 */
const VERSIONS: readonly { version: number; stores: Readonly<Record<string, string | null>>; upgrade?: (tx: Transaction) => Promise<void> }[] = [
  { version: 1, stores: STORES_V1 },
  { version: 2, stores: STORES_V2 },
  // Records carry their schema version (`_v`); `salarie` 1 → 2 (exitCategory → exitKind).
  { version: 3, stores: {}, upgrade: upgradeStore },
  // The coordination's handled deadlines (« À décider »), per salarié.
  { version: 4, stores: { decision: 'id, salarieId' } },
  // `competence` 1 → 2 (pictogram: an emoji becomes a pictogram name).
  { version: 5, stores: {}, upgrade: upgradeStore },
  // `logEntry` by `date` alone: the coordination's inbox reads its window, and the parcours board
  // the recent entries, in one range each rather than one per salarié. An index only: no upgrade.
  { version: 6, stores: { logEntry: 'id, salarieId, [salarieId+date], date' } },
  // `review` by reader and instant: a reader's first and last readings (their inbox's window) in
  // one step each, without every review first. And `memory`, local and never synced: the last
  // answer of a few busy reads per user and day (queries/persistedMemory.ts), so the first screen
  // after the app restarts paints from it while its live read confirms it. No upgrade.
  { version: 7, stores: { review: 'id, logEntryId, [reviewerId+at]', memory: 'name' } },
  // `currentLevel`, local and never synced: the matrix's current level per salarié × competence,
  // derived from the evaluations and kept with them in every transaction that changes them
  // (client/currentLevels.ts), so the matrix's first open reads one row per cell. Built from the
  // stored evaluations here, so an older tablet opens with its matrix ready.
  // (Its upgrade step is now version 9's: the table it built is deleted there.)
  { version: 8, stores: { [OLD_LEVEL_TABLE]: '[salarieId+competenceId]' } },
  // The same levels as one row per salarié, a column per field (currentLevels.ts: a 30 × 60 matrix
  // is 30 records, not 1,800 records of three objects, two to three times faster to read). Derived:
  // rebuilt from the stored evaluations, so an older tablet opens with its matrix ready.
  { version: 9, stores: { [OLD_LEVEL_TABLE]: null, [LEVEL_TABLE]: LEVEL_STORE }, upgrade: rebuildCurrentLevels },
];

/** The latest Dexie version (tests open older ones from fixtures). */
export const DEVICE_DB_VERSION = VERSIONS[VERSIONS.length - 1]!.version;

export type DeviceDb = Dexie & {
  outbox: EntityTable<OutboxEntry, 'seq'>;
  meta: EntityTable<MetaRow, 'key'>;
  rejected: EntityTable<RejectedChange, 'seq'>;
  memory: EntityTable<MemoryRow, 'name'>;
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
  for (const v of VERSIONS) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade !== undefined) version.upgrade(v.upgrade);
  }
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
    if (k === 'id' || k === '_clocks' || k === '_deleted' || k === '_v') continue;
    Object.defineProperty(fields, k, { value: v as JsonValue, writable: true, enumerable: true, configurable: true });
  }
  return { fields, clocks: rec._clocks, deleted: rec._deleted === 1 };
}

/** A merged record as stored, in today's version of its entity (`merged` must be in it). */
export function toLocal(entity: EntityName, id: string, merged: { fields: Fields; clocks: Clocks; deleted: boolean }, structureId: string): LocalRecord {
  const rec: LocalRecord = { id, structureId, _clocks: merged.clocks, _deleted: merged.deleted ? 1 : 0 };
  rec._v = versionOf(entity);
  for (const [k, v] of Object.entries(merged.fields)) {
    if (k === 'id' || k === '_clocks' || k === '_deleted' || k === '_v') continue;
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
  sessionChanged(db); // no tab guesses a write for a session that is gone (writeGuess.ts)
}
