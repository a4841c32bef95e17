// Typed reads of the device's tables: every read of a synced record goes through here, so that
// the rows a screen gets are live (tombstones dropped), typed from the zod schemas of
// entities.ts, and in the current record version (an older stored row is upgraded on read).
// One getAll then a filter in memory: Dexie's `filter()` walks a cursor row by row, several times
// slower on a tablet.
import { Dexie } from 'dexie';
import type { EntityName } from '../../domain/entities';
import { versionOf } from '../../domain/records/upgrades';
import { entityTable, type DeviceDb, type LocalRecord } from '../db';
import type { EntityRow } from '../rows';
import { currentLocal } from '../storedVersion';

function liveRows<E extends EntityName>(entity: E, rows: readonly (LocalRecord | undefined)[]): EntityRow<E>[] {
  const out: EntityRow<E>[] = [];
  // Most entities never changed shape: their rows are taken as they are, with no per-row check.
  const version = versionOf(entity);
  for (const r of rows) {
    if (r === undefined || r._deleted !== 0) continue;
    const current = version === 1 || r._v === version ? r : currentLocal(entity, r);
    // The cast is the one place a stored row becomes typed: writes and pulls validated it.
    out.push(current as unknown as EntityRow<E>);
  }
  return out;
}

/** Every live record of an entity. */
export async function allOf<E extends EntityName>(db: DeviceDb, entity: E): Promise<EntityRow<E>[]> {
  return liveRows(entity, await entityTable(db, entity).toArray());
}

/** One live record, or undefined (absent or deleted). */
export async function oneOf<E extends EntityName>(db: DeviceDb, entity: E, id: string): Promise<EntityRow<E> | undefined> {
  return liveRows(entity, [await entityTable(db, entity).get(id)])[0];
}

/** Several live records by id, in no particular order; missing or deleted ids are skipped. */
export async function manyOf<E extends EntityName>(db: DeviceDb, entity: E, ids: readonly string[]): Promise<EntityRow<E>[]> {
  return liveRows(entity, await entityTable(db, entity).bulkGet([...ids]));
}

/**
 * Live records whose indexed `index` equals one of `values` (e.g. every membership of a team).
 * One `equals` per value, not `anyOf`: Dexie answers `equals` with a single getAll, while `anyOf`
 * walks a cursor record by record (ten times slower on 5,000 evaluations).
 */
export async function whereIn<E extends EntityName>(db: DeviceDb, entity: E, index: string, values: readonly string[]): Promise<EntityRow<E>[]> {
  const table = entityTable(db, entity);
  const lists = await Promise.all(values.map((v) => table.where(index).equals(v).toArray()));
  return liveRows(entity, lists.flat());
}

/** A compound range per key, read together (one getAll each): e.g. a week of several salariés. */
export async function rangesOf<E extends EntityName>(db: DeviceDb, entity: E, index: string, keys: readonly string[], from?: string, to?: string): Promise<EntityRow<E>[]> {
  const lists = await Promise.all(keys.map((k) => rangeOf(db, entity, index, k, from, to)));
  return lists.flat();
}

/**
 * Live records of one key within a range of a compound `[key+date]` index, inclusive at both ends
 * (undefined bounds: open), oldest first or newest first.
 */
export async function rangeOf<E extends EntityName>(db: DeviceDb, entity: E, index: string, key: string, from?: string, to?: string, newestFirst = false): Promise<EntityRow<E>[]> {
  let c = entityTable(db, entity).where(index).between([key, from ?? Dexie.minKey], [key, to ?? Dexie.maxKey], true, true);
  if (newestFirst) c = c.reverse();
  return liveRows(entity, await c.toArray());
}

/** Live records of a plain index between two values (inclusive), e.g. slots of a week by date. */
export async function betweenOf<E extends EntityName>(db: DeviceDb, entity: E, index: string, from: string, to: string): Promise<EntityRow<E>[]> {
  return liveRows(entity, await entityTable(db, entity).where(index).between(from, to, true, true).toArray());
}

/** Number of stored records (deleted included): cheap, for « is there anything yet ». */
export async function countOf(db: DeviceDb, entity: EntityName): Promise<number> {
  return entityTable(db, entity).count();
}
