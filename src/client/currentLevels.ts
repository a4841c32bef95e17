// The matrix's current level per salarié × competence, stored on the device (Dexie version 8,
// table `currentLevel`, keyed by [salarieId+competenceId]) so that the matrix's first open reads
// one small row per cell instead of every evaluation (issue 13: 5,400 evaluations read and folded
// were most of the 196–344 ms at CPU ×4).
// It is derived, never synced: each row is exactly the domain's MatrixCell (rules/matrix.ts,
// `currentLevels`) of the live evaluations of its pair, and it is kept in the SAME transaction as
// every change to the evaluation table — a local write or removal (repository), a pulled page and
// a reset (applyPage), a refused or answered change (pushResults) — so it can never disagree with
// them. A new user's sign-in clears every table, this one included; a version 8 upgrade (and any
// test) rebuilds it from the evaluations.
import type { Table } from 'dexie';
import type { EntityName } from '../domain/entities';
import { currentLevels, matrixKey, withEvaluations, type EvaluationLike, type MatrixCell } from '../domain/rules/matrix';
import type { LocalRecord } from './db';
import { currentLocal } from './storedVersion';

export const LEVEL_TABLE = 'currentLevel';
/** The table's Dexie schema (db.ts, version 8): the pair is the primary key, so one salarié's cells are one key range. */
export const LEVEL_STORE = '[salarieId+competenceId]';

/** A stored row: the matrix cell itself (official and self-assessment marks, each with its date and evaluation). */
export type StoredLevel = MatrixCell;
type PairKey = [salarieId: string, competenceId: string];

/** The database or a Dexie upgrade transaction: both name their tables. */
interface Tables { table<T, K>(name: string): Table<T, K> }

export function levelTable(t: Tables): Table<StoredLevel, PairKey> {
  return t.table<StoredLevel, PairKey>(LEVEL_TABLE);
}

function evaluationTable(t: Tables): Table<LocalRecord, string> {
  return t.table<LocalRecord, string>('evaluation');
}

/** The tables a transaction writing `entities` must also hold (the level table when evaluations are written). */
export function levelScope(db: Tables, entities: readonly EntityName[]): Table[] {
  return entities.includes('evaluation') ? [levelTable(db)] : [];
}

/**
 * A stored evaluation as the matrix's rule sees it: live, in today's version, with its pair; null
 * otherwise (a tombstone has no level). The queries hand the rule the same rows (queries/tables.ts).
 */
function liveEvaluation(rec: LocalRecord | null | undefined): EvaluationLike | null {
  if (rec === null || rec === undefined || rec._deleted !== 0) return null;
  const current = currentLocal('evaluation', rec);
  if (typeof current['salarieId'] !== 'string' || typeof current['competenceId'] !== 'string') return null;
  // The cast is where a stored row meets the rule: the repository and the pull validated it.
  return current as unknown as EvaluationLike;
}

/** The table the matrix would compute from these stored evaluations (tombstones ignored). */
export function levelsOfRecords(records: readonly LocalRecord[]): Map<string, MatrixCell> {
  const live: EvaluationLike[] = [];
  for (const r of records) { const e = liveEvaluation(r); if (e !== null) live.push(e); }
  return currentLevels(live);
}

/**
 * Recompute the whole table from the evaluations: the version 8 upgrade of an older store, a reset
 * pull (after it dropped what the user may no longer see), and tests. Inside the caller's
 * transaction when there is one.
 */
export async function rebuildCurrentLevels(t: Tables): Promise<void> {
  const cells = levelsOfRecords(await evaluationTable(t).toArray());
  await levelTable(t).clear();
  if (cells.size > 0) await levelTable(t).bulkPut([...cells.values()]);
}

/** Every stored cell, for tests and checks (the matrix reads by salarié: queries/storedLevels.ts). */
export async function storedLevels(t: Tables): Promise<Map<string, MatrixCell>> {
  return new Map((await levelTable(t).toArray()).map((c) => [matrixKey(c.salarieId, c.competenceId), c]));
}

function sameForTheRule(a: EvaluationLike, b: EvaluationLike): boolean {
  return a.salarieId === b.salarieId && a.competenceId === b.competenceId && a.level === b.level && a.context === b.context && a.date === b.date;
}

function pairOf(key: string): PairKey {
  const i = key.indexOf('|');
  return [key.slice(0, i), key.slice(i + 1)];
}

function references(cell: MatrixCell | undefined, evaluationId: string): boolean {
  return cell !== undefined && (cell.official?.evaluationId === evaluationId || cell.self?.evaluationId === evaluationId);
}

/**
 * The evaluations one transaction changed, noted as it goes (the record before its first change,
 * after its last), then folded into the stored table by `apply`, in that transaction and after its
 * record writes were issued.
 */
export interface LevelChanges {
  /** Records as they were before this transaction touched them (absent ones may be left out). */
  before(records: readonly (LocalRecord | null | undefined)[]): void;
  /** A record as the transaction leaves it (null or undefined: gone). */
  after(id: string, record: LocalRecord | null | undefined): void;
  /**
   * Fold the changes in. A pair whose stored marks did not come from a changed or removed record is
   * updated by folding the new versions into its cell (the rule keeps the later mark whatever the
   * order); a pair that lost a mark is recomputed from its evaluations (one index read).
   */
  apply(t: Tables): Promise<void>;
}

export function levelChanges(): LevelChanges {
  const was = new Map<string, LocalRecord | null>();
  const now = new Map<string, LocalRecord | null>();
  return {
    before(records) {
      for (const r of records) if (r !== null && r !== undefined && !was.has(r.id)) was.set(r.id, r);
    },
    after(id, record) {
      now.set(id, record ?? null);
    },
    async apply(t) {
      const removedFrom = new Map<string, string[]>();
      const added: EvaluationLike[] = [];
      const pairs = new Set<string>();
      for (const [id, rec] of now) {
        const b = liveEvaluation(was.get(id));
        const a = liveEvaluation(rec);
        if (b !== null && a !== null && sameForTheRule(a, b)) continue;
        if (b !== null) {
          const k = matrixKey(b.salarieId, b.competenceId);
          pairs.add(k);
          removedFrom.set(k, [...(removedFrom.get(k) ?? []), b.id]);
        }
        if (a !== null) { pairs.add(matrixKey(a.salarieId, a.competenceId)); added.push(a); }
      }
      if (pairs.size === 0) return;
      const table = levelTable(t);
      const keys = [...pairs];
      const stored = await table.bulkGet(keys.map(pairOf));
      const cells = new Map<string, MatrixCell>();
      const recompute: string[] = [];
      keys.forEach((k, i) => {
        const cell = stored[i];
        if ((removedFrom.get(k) ?? []).some((id) => references(cell, id))) recompute.push(k);
        else if (cell !== undefined) cells.set(k, cell);
      });
      const again = new Set(recompute);
      const folded = withEvaluations(cells, added.filter((e) => !again.has(matrixKey(e.salarieId, e.competenceId))));
      const puts: MatrixCell[] = [];
      for (const [k, cell] of folded) if (cells.get(k) !== cell) puts.push(cell);
      const dels: PairKey[] = [];
      // A pair that lost its mark: the evaluations left, read after this transaction's writes.
      const reads = await Promise.all(recompute.map((k) => evaluationTable(t).where('[salarieId+competenceId]').equals(pairOf(k)).toArray()));
      recompute.forEach((k, i) => {
        const cell = levelsOfRecords(reads[i] ?? []).get(k);
        if (cell === undefined) dels.push(pairOf(k)); else puts.push(cell);
      });
      await Promise.all([puts.length > 0 ? table.bulkPut(puts) : undefined, dels.length > 0 ? table.bulkDelete(dels) : undefined]);
    },
  };
}

/**
 * One record's change (the repository's write and remove): a no-op for other entities. Call it
 * with the record's put already issued in the same transaction.
 */
export function keepLevel(t: Tables, entity: EntityName, before: LocalRecord | undefined, after: LocalRecord): Promise<void> {
  if (entity !== 'evaluation') return Promise.resolve();
  const changes = levelChanges();
  changes.before([before]);
  changes.after(after.id, after);
  return changes.apply(t);
}
