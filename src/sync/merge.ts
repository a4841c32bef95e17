// Per-field last-writer-wins merge by HLC, the one merge used by the server and every device,
// so that the order in which changes arrive never matters and replaying a change is a no-op.
import type { Clocks, Fields, JsonValue } from './protocol';

export interface MergeableRecord {
  fields: Fields;
  clocks: Clocks;
  deleted: boolean;
}

/** The pseudo-field that carries a tombstone's clock. */
export const DELETED_FIELD = 'deleted';

export interface MergeOutcome<R extends MergeableRecord> {
  record: R;
  /** Fields whose value this change set (won the LWW comparison). */
  won: string[];
  /** Fields this change lost (a later write is already there). */
  lost: string[];
}

/**
 * Set an own data property: plain assignment of a key named `__proto__` (it can come from the
 * network) would replace the object's prototype instead of storing the field.
 */
function put<V>(obj: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** An own property only: a field named `toString` or `__proto__` must not read Object.prototype's. */
function own<V>(obj: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function emptyRecord(): MergeableRecord {
  return { fields: {}, clocks: {}, deleted: false };
}

/**
 * Apply a set of field values written at `hlc` onto a record. A field is taken when the record
 * has no clock for it or an older one; equal clocks mean the same write (idempotent replay).
 */
export function mergeFields<R extends MergeableRecord>(
  base: R,
  set: Fields,
  hlc: string,
  deleted: boolean,
): MergeOutcome<R> {
  const fields: Fields = { ...base.fields };
  const clocks: Clocks = { ...base.clocks };
  let isDeleted = base.deleted;
  const won: string[] = [];
  const lost: string[] = [];
  for (const [name, value] of Object.entries(set)) {
    const current = own(clocks, name);
    if (current === undefined || hlc > current) {
      put(fields, name, value as JsonValue);
      put(clocks, name, hlc);
      won.push(name);
    } else if (hlc < current) {
      lost.push(name);
    }
  }
  if (deleted) {
    const current = own(clocks, DELETED_FIELD);
    if (current === undefined || hlc > current) {
      clocks[DELETED_FIELD] = hlc;
      if (!isDeleted) won.push(DELETED_FIELD);
      isDeleted = true;
    }
  }
  return { record: { ...base, fields, clocks, deleted: isDeleted }, won, lost };
}

/** Merge a whole remote record (fields + clocks) into a local one, field by field. */
export function mergeRecords<R extends MergeableRecord>(local: R, remote: MergeableRecord, protect: ReadonlySet<string> = new Set()): R {
  const fields: Fields = { ...local.fields };
  const clocks: Clocks = { ...local.clocks };
  for (const [name, clock] of Object.entries(remote.clocks)) {
    if (name === DELETED_FIELD || protect.has(name)) continue;
    const current = own(clocks, name);
    if (current === undefined || clock > current) {
      if (Object.hasOwn(remote.fields, name)) put(fields, name, remote.fields[name] as JsonValue);
      put(clocks, name, clock);
    }
  }
  // Fields without a clock (e.g. a server-filled structureId) are taken as they come.
  for (const [name, value] of Object.entries(remote.fields)) {
    if (!Object.hasOwn(remote.clocks, name) && !protect.has(name)) put(fields, name, value);
  }
  let deleted = local.deleted;
  const remoteDel = remote.clocks[DELETED_FIELD];
  if (remote.deleted && !protect.has(DELETED_FIELD)) {
    deleted = true;
    if (remoteDel !== undefined && (clocks[DELETED_FIELD] === undefined || remoteDel > clocks[DELETED_FIELD]!)) clocks[DELETED_FIELD] = remoteDel;
  }
  return { ...local, fields, clocks, deleted };
}
