// Helpers shared by the two halves of a sync (push results, pulled pages) about pending local
// changes: which fields a change touches, how a field goes back to its previous state, and the
// "orphans" — records kept only because they had pending changes when the server said they
// left the user's view; they are dropped once their last pending change is answered.
import { DELETED_FIELD } from '../sync/merge';
import { ownValue, setOwn } from '../domain/ownKeys';
import { recordKey } from '../sync/protocol';
import { META, type DeviceDb, type LocalRecord, type OutboxEntry, type PrevField } from './db';

/** The fields (and `deleted` pseudo-field) a pending change protects from pulled values. */
export function touchedFields(e: OutboxEntry): string[] {
  const out = Object.keys(e.set).filter((k) => k !== 'structureId');
  if (e.deleted === true) out.push(DELETED_FIELD);
  return out;
}

export function groupByRecord(entries: readonly OutboxEntry[]): Map<string, OutboxEntry[]> {
  const map = new Map<string, OutboxEntry[]>();
  for (const e of entries) {
    const k = recordKey(e.entity, e.id);
    const list = map.get(k);
    if (list === undefined) map.set(k, [e]);
    else list.push(e);
  }
  return map;
}

/** Current clock of a field on a stored record (`deleted` included). */
export function clockOf(rec: LocalRecord, field: string): string | undefined {
  return ownValue(rec._clocks, field);
}

/** Put a field back to `prev` (value and clock; absent means the field did not exist). */
export function restoreField(rec: LocalRecord, field: string, prev: PrevField | undefined): LocalRecord {
  const clocks = { ...rec._clocks };
  const out: LocalRecord = { ...rec, _clocks: clocks };
  if (prev?.clock === undefined) delete clocks[field];
  else setOwn(clocks, field, prev.clock);
  if (field === DELETED_FIELD) {
    out._deleted = prev?.value === true ? 1 : 0;
  } else if (prev !== undefined && Object.hasOwn(prev, 'value')) {
    Object.defineProperty(out, field, { value: prev.value, writable: true, enumerable: true, configurable: true });
  } else {
    delete out[field];
  }
  return out;
}

export { recordKey };

export async function loadOrphans(db: DeviceDb): Promise<Set<string>> {
  const row = await db.meta.get(META.orphans);
  const keys = Array.isArray(row?.value) ? (row.value as unknown[]).filter((k): k is string => typeof k === 'string') : [];
  // Tablets before the shared recordKey saved `entity/id` (neither part holds a slash).
  return new Set(keys.map((k) => (k.includes('\u0000') ? k : recordKey(k.slice(0, k.indexOf('/')), k.slice(k.indexOf('/') + 1)))));
}

export async function saveOrphans(db: DeviceDb, orphans: ReadonlySet<string>): Promise<void> {
  await db.meta.put({ key: META.orphans, value: [...orphans] });
}
