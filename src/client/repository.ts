// The device's one write path (reads are client/queries). A write is ONE Dexie transaction over the entity table,
// the outbox and meta: tick the persisted HLC, merge per field, validate, put the record and
// queue the change with what it replaced (for rollback) — all or nothing, and cheap: a record
// being created is written in one round trip, its writes issued right behind its reads on a
// guess that the reads then check (writeGuess.ts); otherwise 3 reads, then 3 writes.
// Only fields whose value changes are sent, so re-saving a form never overrides a colleague's
// concurrent edit of another field. The entity schemas (zod) load with the first write of the
// page, before its transaction (schemas.ts); every later write finds them loaded, without a wait.
import { Dexie, type Table } from 'dexie';
import type { EntityName } from '../domain/entityConstants';
import { isRecordId, uuidv7 } from '../domain/ids';
import { ownValue, setOwn } from '../domain/ownKeys';
import { DELETED_FIELD, emptyRecord, mergeFields } from '../sync/merge';
import type { Fields, JsonValue } from '../sync/protocol';
import { tickClock, tickFrom } from './clock';
import { entityTable, fromLocal, META, toLocal, type DeviceDb, type LocalRecord, type OutboxEntry, type PrevField } from './db';
import type { EntitySet } from './rows';
import { currentLocal } from './storedVersion';
import { createWriteGuess, looksNew, sessionStructure } from './writeGuess';
import { keepLevel, levelScope } from './currentLevels';
import { versionOf } from '../domain/records/upgrades';
import { loadSchemas, schemasNow } from './schemas';

/** The schemas' validation (domain/entities.ts), loaded by the write before its transaction. */
type Schemas = Awaited<ReturnType<typeof loadSchemas>>;

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
  /** Test seam: false always takes the careful path (read, then write), never writeGuess's. */
  writeAhead?: boolean;
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

/** What a write changes (see `decide`). */
interface Decided {
  base: { fields: Fields; clocks: Record<string, string>; deleted: boolean };
  changed: Fields;
  structureId: string;
  existed: boolean;
}

/** The guessed write found the record already stored: abort and take the careful path. */
class RetryCarefully extends Error {
  override readonly name = 'RetryCarefully';
}

function isLive(r: LocalRecord | undefined): r is LocalRecord {
  return r !== undefined && r._deleted === 0;
}

export type Repository = ReturnType<typeof createRepository>;

export function createRepository(db: DeviceDb, options: RepositoryOptions = {}) {
  const now = options.now ?? Date.now;
  const guess = createWriteGuess();

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
   * What a write changes, from the record as stored (undefined: new) and the session: the fields
   * whose value changes, or null when none does. Throws ValidationError / NotSignedInError.
   */
  function decide(entity: EntityName, set: Fields, existing: LocalRecord | undefined, session: unknown): Decided | null {
    if (existing?._deleted === 1) throw new ValidationError('id', 'Cet élément a été supprimé.');
    const base = existing === undefined ? emptyRecord() : fromLocal(currentLocal(entity, existing));
    const structureId = structureOf(existing, set, session);
    if (existing !== undefined && set['structureId'] !== undefined && set['structureId'] !== structureId) {
      throw new ValidationError('structureId', 'Un élément ne change pas de structure.');
    }
    const changed: Fields = {};
    for (const [k, v] of Object.entries(set)) {
      if (k === 'structureId') continue;
      if (existing === undefined || ownValue(base.clocks, k) === undefined || !sameJson(ownValue(base.fields, k), v)) setOwn(changed, k, v);
    }
    if (existing !== undefined && Object.keys(changed).length === 0) return null;
    return { base, changed, structureId, existed: existing !== undefined };
  }

  /** The record to store and the outbox entry, stamped `hlc`. Throws ValidationError when incomplete. */
  function build(schemas: Schemas, entity: EntityName, id: string, d: Decided, hlc: string, opId: string): { stored: LocalRecord; entry: OutboxEntry } {
    const { record } = mergeFields(d.base, d.changed, hlc, false);
    const complete = schemas.validateComplete(entity, record.fields);
    if (!complete.ok) throw new ValidationError(complete.field, complete.message);
    const prev: Record<string, PrevField> = {};
    for (const k of Object.keys(d.changed)) setOwn(prev, k, prevOf(d.base, k));
    const entry: OutboxEntry = {
      opId, entity, id, hlc, v: versionOf(entity),
      // A new record names its structure so the server can check it (contract: set.structureId).
      set: d.existed ? d.changed : { ...d.changed, structureId: d.structureId },
      prev: { existed: d.existed, fields: prev },
    };
    return { stored: toLocal(entity, id, record, d.structureId), entry };
  }

  /**
   * The one-round-trip write of a record being created (writeGuess.ts): undefined when the
   * guess cannot be made (then the careful path runs). Rejects with RetryCarefully when the
   * record existed after all (nothing was kept: the transaction was aborted).
   */
  function writeAhead(schemas: Schemas, entity: EntityName, id: string, set: Fields, table: Table<LocalRecord, string>): Promise<true> | undefined {
    const at = now();
    // Inside another transaction (writeMany) an abort would take the whole batch with it.
    if (options.writeAhead === false || guess.hlc === undefined || Dexie.currentTransaction !== null || !looksNew(id, at)) return undefined;
    const guessedSession = guess.structureId === undefined ? undefined : { user: { structureId: guess.structureId } };
    const hlc = tickFrom(guess.hlc, at);
    if (hlc === undefined) return undefined;
    const opId = uuidv7(at);
    let planned: { stored: LocalRecord; entry: OutboxEntry };
    try {
      const d = decide(entity, set, undefined, guessedSession);
      if (d === null) return undefined;
      planned = build(schemas, entity, id, d, hlc, opId);
    } catch {
      return undefined; // let the careful path say what is wrong, with what is really stored
    }
    return db.transaction('rw', [table, db.outbox, db.meta, ...levelScope(db, [entity])], async () => {
      // Reads first, writes right behind them: IndexedDB answers the reads with the store as it
      // was before the writes, and the whole write costs one round trip when the guess holds.
      const reads = Promise.all([table.get(id), db.meta.get(META.hlc), db.meta.get(META.session)]);
      const writes = Promise.all([table.put(planned.stored), db.outbox.add(planned.entry), db.meta.put({ key: META.hlc, value: hlc })]);
      writes.catch(() => undefined); // awaited below, or dropped with the aborted transaction
      const [existing, clockRow, sessionRow] = await reads;
      const storedClock = typeof clockRow?.value === 'string' ? clockRow.value : undefined;
      const sessionId = sessionStructure(sessionRow?.value);
      if (sessionId !== undefined) guess.structureId = sessionId;
      if (existing !== undefined || storedClock === undefined) throw new RetryCarefully();
      let final = planned;
      let finalHlc = hlc;
      if (storedClock !== guess.hlc || (set['structureId'] === undefined && options.structureId === undefined && sessionId !== guessedSession?.user.structureId)) {
        // The clock moved (a sync, another tab) or the session changed: stamp again, same transaction.
        const again = tickFrom(storedClock, at);
        if (again === undefined) throw new RetryCarefully();
        const d = decide(entity, set, undefined, sessionRow?.value);
        if (d === null) throw new RetryCarefully();
        final = build(schemas, entity, id, d, again, opId);
        finalHlc = again;
        const [, seq] = await writes;
        await Promise.all([table.put(final.stored), db.outbox.put({ ...final.entry, seq }), db.meta.put({ key: META.hlc, value: again })]);
      } else {
        await writes;
      }
      guess.hlc = finalHlc;
      // The matrix's stored level of an evaluation's pair, in this transaction (currentLevels.ts).
      await keepLevel(db, entity, undefined, final.stored);
      return true as const;
    });
  }

  /**
   * Create or update a record. Resolves to false when nothing changed (no change is queued).
   * Throws ValidationError (nothing written) when a field is invalid or a required one missing.
   */
  async function write<E extends EntityName>(entity: E, id: string, input: EntitySet<E> | Fields): Promise<boolean> {
    if (!isRecordId(id)) throw new ValidationError('id', 'identifiant invalide (UUID ou ULID attendu)');
    const set: Fields = {};
    for (const [k, v] of Object.entries(input)) if (v !== undefined) setOwn(set, k, v as JsonValue);
    // Loaded once per page, before any transaction (writeMany loads them before its own): no wait after that.
    const schemas = schemasNow() ?? (await schemasOutsideTransaction());
    const valid = schemas.validateSet(entity, set);
    if (!valid.ok) throw new ValidationError(valid.field, valid.message);
    const table = entityTable(db, entity);

    const ahead = writeAhead(schemas, entity, id, set, table);
    if (ahead !== undefined) {
      try {
        return await ahead;
      } catch (e) {
        if (!(e instanceof RetryCarefully)) throw e;
      }
    }

    // The careful path: read, then write (two round trips).
    return db.transaction('rw', [table, db.outbox, db.meta, ...levelScope(db, [entity])], async () => {
      // Reads issued together, writes issued together: two waits per write, not six.
      const [existing, clockRow, sessionRow] = await Promise.all([table.get(id), db.meta.get(META.hlc), db.meta.get(META.session)]);
      const sessionId = sessionStructure(sessionRow?.value);
      if (sessionId !== undefined) guess.structureId = sessionId;
      const d = decide(entity, set, existing, sessionRow?.value);
      if (d === null) return false;

      const ticked = tickFrom(clockRow?.value, now());
      const hlc = ticked ?? (await tickClock(db, now()));
      const { stored, entry } = build(schemas, entity, id, d, hlc, uuidv7(now()));
      await Promise.all([
        table.put(stored),
        db.outbox.add(entry),
        ticked === undefined ? undefined : db.meta.put({ key: META.hlc, value: hlc }),
        // The matrix's stored level of an evaluation's pair, in this transaction (currentLevels.ts).
        keepLevel(db, entity, existing, stored),
      ]);
      guess.hlc = hlc;
      return true;
    });
  }

  /**
   * Several writes as one: all land or none does (an import, a form that creates a salarié with
   * their contract and PASS). Dexie runs each write inside this one transaction; the first
   * invalid write throws a BatchWriteError naming its position, and nothing is kept.
   */
  async function writeMany(changes: readonly BatchChange[]): Promise<number> {
    await loadSchemas(); // before the transaction: each write inside finds them loaded
    const tables = [...new Set(changes.map((c) => c.entity))].map((e) => entityTable(db, e));
    return db.transaction('rw', [...tables, db.outbox, db.meta, ...levelScope(db, changes.map((c) => c.entity))], async () => {
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
    return db.transaction('rw', [table, db.outbox, db.meta, ...levelScope(db, [entity])], async () => {
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
      const stored = toLocal(entity, id, record, existing.structureId);
      await table.put(stored);
      await keepLevel(db, entity, existing, stored);
      await db.outbox.add(entry);
      return true;
    });
  }

  /** The user has seen a refusal and dismisses it. */
  const dismissRejected = (seq: number) => db.rejected.delete(seq);

  return { write, writeMany, remove, dismissRejected };
}

/**
 * The schemas' first load, which must not run inside a Dexie transaction: awaiting a module
 * there would let IndexedDB commit the transaction under the write.
 */
function schemasOutsideTransaction(): Promise<Schemas> {
  if (Dexie.currentTransaction !== null) return Promise.reject(new Error('Entity schemas not loaded: call loadSchemas() before opening the transaction.'));
  return loadSchemas();
}

function prevOf(base: { fields: Fields; clocks: Record<string, string> }, k: string): PrevField {
  const p: PrevField = {};
  if (Object.hasOwn(base.fields, k)) p.value = base.fields[k]!;
  const c = ownValue(base.clocks, k);
  if (c !== undefined) p.clock = c;
  return p;
}
