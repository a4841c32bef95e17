// The device's one write path (reads are client/queries). A write is ONE Dexie transaction: merge
// per field, validate, store the record and queue the change with what it replaced (for
// rollback) — all or nothing, and cheap. A record being created is written as two requests and
// nothing else: its `add` and its outbox entry's `add`, stamped from the tab's clock and with
// the tab's remembered structure (writeGuess.ts argues why no read and no clock row are needed);
// an `add` that finds the id already stored aborts that transaction and the write runs the
// careful way. The careful way (updates, removals, and creations the tab cannot guess) reads the
// record, the clock row and the session, then stamps the write after the clock row, this tab's
// clock and every clock already on the record (clock.ts `tickPast`) and saves the clock row.
// Only fields whose value changes are sent, so re-saving a form never overrides a colleague's
// concurrent edit of another field. The entity schemas (zod) load with the first write of the
// page, before its transaction (schemas.ts); every later write finds them loaded, without a wait.
import { Dexie, type Table } from 'dexie';
import { formatHlc, tickHlc } from '../sync/hlc';
import type { EntityName } from '../domain/entityConstants';
import { isRecordId, uuidv7 } from '../domain/ids';
import { ownValue, setOwn } from '../domain/ownKeys';
import { DELETED_FIELD, emptyRecord, mergeFields } from '../sync/merge';
import type { Fields, JsonValue } from '../sync/protocol';
import { newestPendingClock, tickPast } from './clock';
import { entityTable, fromLocal, META, toLocal, type DeviceDb, type LocalRecord, type OutboxEntry, type PrevField } from './db';
import type { EntitySet } from './rows';
import { currentLocal } from './storedVersion';
import { learnClock, looksNew, sessionStructure, writeGuessOf } from './writeGuess';
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
  /** Test seam: false always takes the careful path (read, then write), never writeGuess's creation. */
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

/** The guessed creation found the id already stored: abort it and take the careful path. */
class RetryCarefully extends Error {
  override readonly name = 'RetryCarefully';
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
   * The creation of a record (writeGuess.ts): undefined when it cannot be guessed (then the
   * careful path runs). Rejects with RetryCarefully when the id was already stored (nothing was
   * kept: the transaction was aborted, the outbox entry with it).
   */
  function create(schemas: Schemas, entity: EntityName, id: string, set: Fields, table: Table<LocalRecord, string>): Promise<true> | undefined {
    const at = now();
    // Inside another transaction (writeMany) an abort would take the whole batch with it.
    if (options.writeAhead === false || Dexie.currentTransaction !== null || !looksNew(id, at)) return undefined;
    const guess = writeGuessOf(db);
    const structureId = typeof set['structureId'] === 'string' ? set['structureId'] : (options.structureId ?? guess.structureId);
    if (guess.hlc === undefined || structureId === undefined) return undefined;
    let planned: { stored: LocalRecord; entry: OutboxEntry };
    try {
      const d = decide(entity, set, undefined, { user: { structureId } });
      if (d === null) return undefined;
      // Ticked now, before any wait: a second write of this tab gets a later clock.
      const stamp = tickHlc(guess.hlc, at);
      guess.hlc = stamp;
      planned = build(schemas, entity, id, d, formatHlc(stamp), uuidv7(at));
    } catch {
      return undefined; // let the careful path say what is wrong, with what is really stored
    }
    const { stored, entry } = planned;
    // The id already stored (a record or a tombstone): rejecting aborts the transaction, so the
    // outbox entry added beside it is not kept either.
    const retryIfStored = (e: unknown): never => {
      throw e instanceof Error && e.name === 'ConstraintError' ? new RetryCarefully() : e;
    };
    const adds = () => Dexie.Promise.all([table.add(stored), db.outbox.add(entry)]);
    const levels = levelScope(db, [entity]);
    if (levels.length === 0) {
      // A plain callback returning Dexie's own promise, not an async one: a native `await` in a
      // transaction costs Dexie's zone tracking, ≈ 0.05 ms a write (issue 13, measured).
      return db.transaction('rw', [table, db.outbox], () => adds().then(() => true as const, retryIfStored));
    }
    return db.transaction('rw', [table, db.outbox, ...levels], async () => {
      await adds().catch(retryIfStored);
      // The matrix's stored level of an evaluation's pair, in this transaction (currentLevels.ts).
      await keepLevel(db, entity, undefined, stored);
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

    const created = create(schemas, entity, id, set, table);
    if (created !== undefined) {
      try {
        return await created;
      } catch (e) {
        if (!(e instanceof RetryCarefully)) throw e;
      }
    }

    // The careful path: read, then write (two round trips).
    return db.transaction('rw', [table, db.outbox, db.meta, ...levelScope(db, [entity])], async () => {
      const guess = writeGuessOf(db);
      // The tab's first careful write also loads its clock: the outbox may hold newer stamps than `meta`.
      const [existing, clockRow, sessionRow, pending] = await Promise.all([
        table.get(id), db.meta.get(META.hlc), db.meta.get(META.session),
        guess.hlc === undefined ? newestPendingClock(db) : undefined,
      ]);
      const sessionId = sessionStructure(sessionRow?.value);
      if (sessionId !== undefined) guess.structureId = sessionId;
      const d = decide(entity, set, existing, sessionRow?.value);
      if (d === null) return false;

      const hlc = await tickPast(db, clockRow?.value, [guess.hlc, pending, ...Object.values(existing?._clocks ?? {})], now());
      const { stored, entry } = build(schemas, entity, id, d, hlc, uuidv7(now()));
      learnClock(guess, hlc);
      await Promise.all([
        table.put(stored),
        db.outbox.add(entry),
        db.meta.put({ key: META.hlc, value: hlc }),
        // The matrix's stored level of an evaluation's pair, in this transaction (currentLevels.ts).
        keepLevel(db, entity, existing, stored),
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
      const guess = writeGuessOf(db);
      const [existing, clockRow, pending] = await Promise.all([table.get(id), db.meta.get(META.hlc), guess.hlc === undefined ? newestPendingClock(db) : undefined]);
      if (!isLive(existing)) return false;
      const base = fromLocal(currentLocal(entity, existing));
      // After every clock on the record, like an update (see write).
      const hlc = await tickPast(db, clockRow?.value, [guess.hlc, pending, ...Object.values(existing._clocks)], now());
      learnClock(guess, hlc);
      const { record } = mergeFields(base, {}, hlc, true);
      const deletedClock = base.clocks[DELETED_FIELD];
      const entry: OutboxEntry = {
        opId: uuidv7(now()), entity, id, hlc, v: versionOf(entity), set: {}, deleted: true,
        prev: { existed: true, fields: { [DELETED_FIELD]: deletedClock === undefined ? { value: false } : { value: false, clock: deletedClock } } },
      };
      const stored = toLocal(entity, id, record, existing.structureId);
      await Promise.all([table.put(stored), db.outbox.add(entry), db.meta.put({ key: META.hlc, value: hlc }), keepLevel(db, entity, existing, stored)]);
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
