// Older records on the device brought to today's shape by the domain's upgrade steps
// (domain/records/upgrades.ts): a stored row read by a query, a page pulled from an older
// server, and — once, when a new release opens the database — every stored record and every
// pending change of the outbox (Dexie's upgrade), so that what a tablet sends after an update is
// in the shape the server expects and a refused change still rolls back field by field.
import type { Transaction } from 'dexie';
import { ENTITY_NAMES, isEntityName, type EntityName } from '../domain/entityConstants';
import { setOwn } from '../domain/ownKeys';
import { needsUpgrade, upgradeClocked, upgradedNames, upgradeFields, versionOf } from '../domain/records/upgrades';
import type { Clocks, Fields, PulledChange } from '../sync/protocol';
import type { LocalRecord, OutboxEntry, PrevField } from './db';

const META_KEYS = new Set(['id', 'structureId', '_clocks', '_deleted', '_v']);

/** A stored row in today's version of its entity (the same object when it already is). */
export function currentLocal(entity: EntityName, r: LocalRecord): LocalRecord {
  if (!needsUpgrade(entity, r._v)) return r;
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!META_KEYS.has(k)) Object.defineProperty(fields, k, { value: v, writable: true, enumerable: true, configurable: true });
  const up = upgradeClocked(entity, r._v ?? 1, { fields, clocks: r._clocks });
  const out: LocalRecord = { id: r.id, structureId: r.structureId, _clocks: up.clocks, _deleted: r._deleted, _v: versionOf(entity) };
  for (const [k, v] of Object.entries(up.fields)) Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
  return out;
}

/** A pulled change in today's version (the same object when it already is). */
export function currentPulled(c: PulledChange): PulledChange {
  if (!needsUpgrade(c.entity, c.v)) return c;
  const up = upgradeClocked(c.entity, c.v ?? 1, { fields: c.fields, clocks: c.clocks });
  return { ...c, fields: up.fields as Fields, clocks: up.clocks as Clocks, v: versionOf(c.entity) };
}

/**
 * A pending change in today's version: its `set` upgraded, and its previous state per field
 * moved to the names those fields now have (a previous value recoded like the value itself).
 */
export function currentOutboxEntry(e: OutboxEntry): OutboxEntry {
  const from = e.v ?? 1;
  if (!needsUpgrade(e.entity, from)) return e;
  const prev: Record<string, PrevField> = {};
  for (const [name, p] of Object.entries(e.prev.fields)) {
    if (p.value === undefined) {
      for (const n of upgradedNames(e.entity, from, name)) setOwn(prev, n, p.clock === undefined ? {} : { clock: p.clock });
      continue;
    }
    const became = upgradeFields(e.entity, from, { [name]: p.value });
    for (const [n, value] of Object.entries(became)) setOwn(prev, n, { ...(p.clock === undefined ? {} : { clock: p.clock }), value: value as PrevField['value'] & {} });
  }
  // A field the step created from this change's value but that had no previous state of its
  // own (e.g. a kind that used to be text): it did not exist before the change.
  const set = upgradeFields(e.entity, from, e.set) as Fields;
  for (const n of Object.keys(set)) if (n !== 'structureId' && !Object.hasOwn(prev, n)) setOwn(prev, n, {});
  return { ...e, set, v: versionOf(e.entity), prev: { existed: e.prev.existed, fields: prev } };
}

/**
 * Dexie upgrade: every stored record and pending change to today's version. Written once and
 * reused by each Dexie version that follows a new upgrade step: it reads the versions, not the
 * release, so a tablet that skipped releases is upgraded in one pass.
 */
export async function upgradeStore(tx: Transaction): Promise<void> {
  for (const entity of ENTITY_NAMES) {
    if (versionOf(entity) === 1) continue;
    await tx.table<LocalRecord, string>(entity).toCollection().modify((rec, ref) => {
      ref.value = currentLocal(entity, rec);
    });
  }
  await tx.table<OutboxEntry, number>('outbox').toCollection().modify((entry, ref) => {
    if (isEntityName(entry.entity)) ref.value = currentOutboxEntry(entry);
  });
}
