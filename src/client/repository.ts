// The device's one write path (reads are client/queries). A write is ONE Dexie transaction over the entity table,
// the outbox and meta: tick the persisted HLC, merge per field, validate, put the record and
// queue the change with what it replaced (for rollback) — all or nothing, and cheap (3 reads
// then 3 writes, each group issued at once).
// Only fields whose value changes are sent, so re-saving a form never overrides a colleague's
// concurrent edit of another field.
import { validateComplete, validateSet, type EntityName } from '../domain/entities';
import { isRecordId, uuidv7 } from '../domain/ids';
import { ownValue, setOwn } from '../domain/ownKeys';
import { DELETED_FIELD, emptyRecord, mergeFields } from '../sync/merge';
import type { Fields, JsonValue } from '../sync/protocol';
import { tickClock, tickFrom } from './clock';
import { entityTable, fromLocal, META, toLocal, type DeviceDb, type LocalRecord, type OutboxEntry, type PrevField } from './db';
import type { EntitySet } from './rows';
import { currentLocal } from './storedVersion';
import { versionOf } from '../domain/records/upgrades';

/** An input the user can fix: `field` names the field, `message` says why, in French. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Writing needs to know the structure: the user is not signed in. */
export class NotSignedInError extends Error {
  override readonly name = 'NotSignedInError';
  constructor() {
    super('Vous n’êtes pas connecté : impossible d’enregistrer.');
  }
}

/** One write of a batch (writeMany). */
export interface BatchChange { entity: EntityName; id: string; set: Fields }

/** A batch refused whole: `index` is the write that failed, `cause` why (often a ValidationError). */
export class BatchWriteError extends Error {
  override readonly name = 'BatchWriteError';
  constructor(readonly index: number, override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : 'Écriture refusée.');
  }
}

export interface RepositoryOptions {
  now?: () => number;
  /** The structure of new records; defaults to the signed-in user's (meta session). */
  structureId?: string;
}

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function isLive(r: LocalRecord | undefined): r is LocalRecord {
  return r !== undefined && r._deleted === 0;
}

export type Repository = ReturnType<typeof createRepository>;

export function createRepository(db: DeviceDb, options: RepositoryOptions = {}) {
  const now = options.now ?? Date.now;

  function structureOf(existing: LocalRecord | undefined, set: Fields, session: unknown): string {
    if (existing !== undefined) return existing.structureId;
    const given = set['structureId'];
    if (typeof given === 'string') return given;
    if (options.structureId !== undefined) return options.structureId;
    const sid = (session as { user?: { structureId?: unknown } } | undefined)?.user?.structureId;
    if (typeof sid !== 'string') throw new NotSignedInError();
    return sid;
  }

  /**
   * Create or update a record. Resolves to false when nothing changed (no change is queued).
   * Throws ValidationError (nothing written) when a field is invalid or a required one missing.
   */
  async function write<E extends EntityName>(entity: E, id: string, input: EntitySet<E> | Fields): Promise<boolean> {
    if (!isRecordId(id)) throw new ValidationError('id', 'identifiant invalide (UUID ou ULID attendu)');
    const set: Fields = {};
    for (const [k, v] of Object.entries(input)) if (v !== undefined) setOwn(set, k, v as JsonValue);
    const valid = validateSet(entity, set);
    if (!valid.ok) throw new ValidationError(valid.field, valid.message);
    const table = entityTable(db, entity);

    return db.transaction('rw', [table, db.outbox, db.meta], async () => {
      // Reads issued together, writes issued together: two waits per write, not six.
      const [existing, clockRow, sessionRow] = await Promise.all([table.get(id), db.meta.get(META.hlc), db.meta.get(META.session)]);
      if (existing?._deleted === 1) throw new ValidationError('id', 'Cet élément a été supprimé.');
      const base = existing === undefined ? emptyRecord() : fromLocal(currentLocal(entity, existing));
      const structureId = structureOf(existing, set, sessionRow?.value);
      if (existing !== undefined && set['structureId'] !== undefined && set['structureId'] !== structureId) {
        throw new ValidationError('structureId', 'Un élément ne change pas de structure.');
      }
      const changed: Fields = {};
      for (const [k, v] of Object.entries(set)) {
        if (k === 'structureId') continue;
        if (existing === undefined || ownValue(base.clocks, k) === undefined || !sameJson(ownValue(base.fields, k), v)) setOwn(changed, k, v);
      }
      if (existing !== undefined && Object.keys(changed).length === 0) return false;

      const ticked = tickFrom(clockRow?.value, now());
      const hlc = ticked ?? (await tickClock(db, now()));
      const { record } = mergeFields(base, changed, hlc, false);
      const complete = validateComplete(entity, record.fields);
      if (!complete.ok) throw new ValidationError(complete.field, complete.message);

      const prev: Record<string, PrevField> = {};
      for (const k of Object.keys(changed)) setOwn(prev, k, prevOf(base, k));
      const entry: OutboxEntry = {
        opId: uuidv7(now()), entity, id, hlc, v: versionOf(entity),
        // A new record names its structure so the server can check it (contract: set.structureId).
        set: existing === undefined ? { ...changed, structureId } : changed,
        prev: { existed: existing !== undefined, fields: prev },
      };
      await Promise.all([
        table.put(toLocal(entity, id, record, structureId)),
        db.outbox.add(entry),
        ticked === undefined ? undefined : db.meta.put({ key: META.hlc, value: hlc }),
      ]);
      return true;
    });
  }

  /**
   * Several writes as one: all land or none does (an import, a form that creates a salarié with
   * their contract and PASS). Dexie runs each write inside this one transaction; the first
   * invalid write throws a BatchWriteError naming its position, and nothing is kept.
   */
  async function writeMany(changes: readonly BatchChange[]): Promise<number> {
    const tables = [...new Set(changes.map((c) => c.entity))].map((e) => entityTable(db, e));
    return db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
      let written = 0;
      for (const [index, c] of changes.entries()) {
        try {
          if (await write(c.entity, c.id, c.set)) written += 1;
        } catch (e) {
          throw new BatchWriteError(index, e);
        }
      }
      return written;
    });
  }

  /** Delete (tombstone) a record. Resolves to false when it does not exist or is already deleted. */
  async function remove(entity: EntityName, id: string): Promise<boolean> {
    const table = entityTable(db, entity);
    return db.transaction('rw', [table, db.outbox, db.meta], async () => {
      const existing = await table.get(id);
      if (!isLive(existing)) return false;
      const base = fromLocal(currentLocal(entity, existing));
      const hlc = await tickClock(db, now());
      const { record } = mergeFields(base, {}, hlc, true);
      const deletedClock = base.clocks[DELETED_FIELD];
      const entry: OutboxEntry = {
        opId: uuidv7(now()), entity, id, hlc, v: versionOf(entity), set: {}, deleted: true,
        prev: { existed: true, fields: { [DELETED_FIELD]: deletedClock === undefined ? { value: false } : { value: false, clock: deletedClock } } },
      };
      await table.put(toLocal(entity, id, record, existing.structureId));
      await db.outbox.add(entry);
      return true;
    });
  }

  /** The user has seen a refusal and dismisses it. */
  const dismissRejected = (seq: number) => db.rejected.delete(seq);

  return { write, writeMany, remove, dismissRejected };
}

function prevOf(base: { fields: Fields; clocks: Record<string, string> }, k: string): PrevField {
  const p: PrevField = {};
  if (Object.hasOwn(base.fields, k)) p.value = base.fields[k]!;
  const c = ownValue(base.clocks, k);
  if (c !== undefined) p.clock = c;
  return p;
}
