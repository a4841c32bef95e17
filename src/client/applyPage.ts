// Apply one pulled page in ONE Dexie transaction together with its cursor and the server's
// clock, so a crash mid-page leaves the old cursor and the page is simply pulled again.
// Merge is per field (mergeRecords); a field with a pending local change keeps the local value,
// and the pulled one is folded into that change's `prev` so the record still ends equal to the
// server's once the change is answered. `reset` drops what the user may no longer see.
import { ENTITY_NAMES, isEntityName, type EntityName } from '../domain/entityConstants';
import { ownValue, setOwn } from '../domain/ownKeys';
import { DELETED_FIELD, emptyRecord, mergeRecords } from '../sync/merge';
import type { PulledChange, PullResponse } from '../sync/protocol';
import { receiveClocks } from './clock';
import { allTables, entityTable, fromLocal, META, toLocal, type DeviceDb, type LocalRecord, type OutboxEntry } from './db';
import { currentLocal, currentPulled } from './storedVersion';
import { levelChanges, rebuildCurrentLevels } from './currentLevels';
import { groupByRecord, loadOrphans, recordKey, saveOrphans, touchedFields } from './pending';

export interface PageHooks {
  /** Test seam: runs inside the page's transaction just before it commits (throw = crash). */
  beforePageCommit?: (page: PullResponse) => void | Promise<void>;
}

/** The server's way of saying "this record left your view": deleted, with no fields. */
function leftView(c: PulledChange): boolean {
  return c.deleted && Object.keys(c.fields).length === 0;
}

export async function applyPage(db: DeviceDb, page: PullResponse, now: number, hooks: PageHooks = {}): Promise<number> {
  // A page from an older server is upgraded before it meets the (current) local records.
  const changes = page.changes.filter((c) => isEntityName(c.entity)).map(currentPulled);
  return db.transaction('rw', allTables(db), async () => {
    // Reads are issued together and awaited once (issue 13: each await is a round trip to
    // IndexedDB, and a first sync applies some 25 pages of 20 entities).
    const [orphans, pendingList] = await Promise.all([
      loadOrphans(db),
      page.reset === true
        ? db.outbox.toArray()
        // An empty outbox (a first sync, most pulls) has nothing to look up.
        : db.outbox.count().then((n) => (n === 0 ? [] : db.outbox.where('[entity+id]').anyOf(changes.map((c) => [c.entity, c.id])).toArray())),
    ]);
    const pending = groupByRecord(pendingList);

    if (page.reset === true) {
      // The user's view changed: keep only records with unsent work, then take the new view.
      for (const entity of ENTITY_NAMES) {
        const table = entityTable(db, entity);
        const ids = (await table.toCollection().primaryKeys()) as string[];
        const drop = ids.filter((id) => !pending.has(recordKey(entity, id)));
        if (drop.length > 0) await table.bulkDelete(drop);
        for (const id of ids) if (pending.has(recordKey(entity, id))) orphans.add(recordKey(entity, id));
      }
      // The matrix's stored levels: those of the evaluations kept (pending work) only.
      await rebuildCurrentLevels(db);
    }

    // Current local state of every record in the page (a record may appear twice in a page).
    const state = new Map<string, LocalRecord | null>();
    // The page's evaluations before and after, for the matrix's stored levels (currentLevels.ts).
    const levels = levelChanges();
    const byEntity = new Map<EntityName, string[]>();
    for (const c of changes) {
      const list = byEntity.get(c.entity) ?? [];
      list.push(c.id);
      byEntity.set(c.entity, list);
    }
    await Promise.all([...byEntity].map(async ([entity, ids]) => {
      // Most pulled records are new to the device: find which exist with a keys-only query
      // (cheap), then read just those. Every entity's reads at once.
      const table = entityTable(db, entity);
      const existing = (await table.where(':id').anyOf(ids).primaryKeys()) as string[];
      const found = existing.length === 0 ? [] : await table.bulkGet(existing);
      for (const id of ids) state.set(recordKey(entity, id), null);
      existing.forEach((id, i) => state.set(recordKey(entity, id), found[i] ?? null));
      if (entity === 'evaluation') levels.before(found);
    }));

    const dirtyOutbox = new Set<OutboxEntry>();
    const seenClocks: string[] = [page.serverHlc];
    for (const c of changes) {
      const key = recordKey(c.entity, c.id);
      const local = state.get(key) ?? null;
      const mine = pending.get(key) ?? [];
      if (c.deleted && mine.length === 0) {
        // Deleted, or gone from the user's view, with nothing unsent here: forget it.
        state.set(key, null);
        orphans.delete(key);
        continue;
      }
      if (leftView(c)) {
        // Gone from the view but with unsent work: keep it until the server has answered
        // that work (see pushResults).
        orphans.add(key);
        continue;
      }
      if (local === null && c.deleted) continue;

      const protect = new Set(mine.flatMap(touchedFields));
      const base = local === null ? emptyRecord() : fromLocal(currentLocal(c.entity, local));
      const merged = mergeRecords(base, { fields: c.fields, clocks: c.clocks, deleted: c.deleted }, protect);
      for (const f of protect) holdBack(c, f, mine, dirtyOutbox);
      const structureId = typeof c.fields['structureId'] === 'string' ? c.fields['structureId'] : (local?.structureId ?? '');
      state.set(key, toLocal(c.entity, c.id, merged, structureId));
      orphans.delete(key);
      for (const clock of Object.values(c.clocks)) seenClocks.push(clock);
    }

    // One bulkPut and one bulkDelete per table, all issued at once.
    const writes: Promise<unknown>[] = [];
    for (const [entity, ids] of byEntity) {
      const table = entityTable(db, entity);
      const puts: LocalRecord[] = [];
      const dels: string[] = [];
      for (const id of new Set(ids)) {
        const rec = state.get(recordKey(entity, id));
        if (rec === undefined) continue;
        if (rec === null) dels.push(id);
        else puts.push(rec);
      }
      if (puts.length > 0) writes.push(table.bulkPut(puts));
      if (dels.length > 0) writes.push(table.bulkDelete(dels));
      if (entity === 'evaluation') for (const id of new Set(ids)) levels.after(id, state.get(recordKey(entity, id)));
    }
    await Promise.all(writes);
    await levels.apply(db);
    // The cursor is saved in this same transaction, after its page's records (never before).
    await Promise.all([
      dirtyOutbox.size > 0 ? db.outbox.bulkPut([...dirtyOutbox]) : undefined,
      saveOrphans(db, orphans),
      receiveClocks(db, seenClocks, now),
      db.meta.put({ key: META.cursor, value: page.cursor }),
    ]);
    await hooks.beforePageCommit?.(page);
    return changes.length;
  });
}

/**
 * A pulled value for a field that a pending change protects is not applied now, but becomes
 * that change's "previous" value when newer, so it lands when the change is answered.
 */
function holdBack(c: PulledChange, field: string, mine: readonly OutboxEntry[], dirty: Set<OutboxEntry>): void {
  const isDel = field === DELETED_FIELD;
  if (isDel && !c.deleted) return;
  const clock = ownValue(c.clocks, field);
  if (clock === undefined) return;
  for (const e of mine) {
    if (!touchedFields(e).includes(field)) continue;
    const prev = ownValue(e.prev.fields, field);
    if (clock > (prev?.clock ?? '')) {
      setOwn(e.prev.fields, field, isDel ? { value: true, clock } : Object.hasOwn(c.fields, field) ? { value: c.fields[field]!, clock } : { clock });
      dirty.add(e);
    }
  }
}
