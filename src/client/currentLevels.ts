// The matrix's current level per salarié × competence, stored on the device (Dexie version 9,
// table `levelRow`, one row per salarié) so that the matrix's first open reads a few rows instead
// of every evaluation (issue 13: 5,400 evaluations read and folded were most of the 196–344 ms at
// CPU ×4).
// It is derived, never synced: each salarié's cells are exactly the domain's MatrixCells
// (rules/matrix.ts, `currentLevels`) of the live evaluations of their pairs, and they are kept in
// the SAME transaction as every change to the evaluation table — a local write or removal
// (repository), a pulled page and a reset (applyPage), a refused or answered change (pushResults)
// — so they can never disagree with them. A new user's sign-in clears every table, this one
// included; the version 9 upgrade (and any test) rebuilds it from the evaluations.
// Why one row per salarié, in columns of plain values (version 9; version 8 kept one row per cell
// as a MatrixCell): IndexedDB pays per record and per object it deserializes. A 30 × 60 matrix was
// 1,800 records of three objects each; it is now 30 records of nine arrays of strings and numbers,
// read two to three times faster in Chromium at CPU ×4 (docs/PERFORMANCE.md). A salarié's cells
// are one `get`, which is also what the matrix's live read per row observes.
import type { Table } from 'dexie';
import type { EntityName } from '../domain/entities';
import { currentLevels, matrixKey, toLevel, withEvaluations, type EvaluationLike, type LevelMark, type MatrixCell } from '../domain/rules/matrix';
import type { LocalRecord } from './db';
import { currentLocal } from './storedVersion';

export const LEVEL_TABLE = 'levelRow';
/** The table's Dexie schema (db.ts, version 9): a salarié's cells are one row. */
export const LEVEL_STORE = 'salarieId';
/** Version 8's table (one row per cell), deleted by version 9. */
export const OLD_LEVEL_TABLE = 'currentLevel';

/**
 * One salarié's cells, a column per field, one entry per evaluated competence (same index in every
 * column). A mark that is absent is -1 / '' in its three columns.
 */
export interface LevelRow {
  salarieId: string;
  competenceId: string[];
  level: number[];
  officialLevel: number[]; officialDate: string[]; officialEvaluation: string[];
  selfLevel: number[]; selfDate: string[]; selfEvaluation: string[];
}

/** The row holding these cells (all of one salarié). */
export function encodeRow(salarieId: string, cells: Iterable<MatrixCell>): LevelRow {
  const row: LevelRow = { salarieId, competenceId: [], level: [], officialLevel: [], officialDate: [], officialEvaluation: [], selfLevel: [], selfDate: [], selfEvaluation: [] };
  for (const c of cells) {
    row.competenceId.push(c.competenceId);
    row.level.push(c.level);
    row.officialLevel.push(c.official?.level ?? -1); row.officialDate.push(c.official?.date ?? ''); row.officialEvaluation.push(c.official?.evaluationId ?? '');
    row.selfLevel.push(c.self?.level ?? -1); row.selfDate.push(c.self?.date ?? ''); row.selfEvaluation.push(c.self?.evaluationId ?? '');
  }
  return row;
}

function markAt(level: number | undefined, date: string | undefined, evaluationId: string | undefined): LevelMark | null {
  return level === undefined || level < 0 || date === undefined || evaluationId === undefined ? null : { level: toLevel(level), date, evaluationId };
}

/** The cells a row holds, by matrixKey, in the row's order. */
export function decodeRow(row: LevelRow): Map<string, MatrixCell> {
  const cells = new Map<string, MatrixCell>();
  row.competenceId.forEach((competenceId, i) => {
    cells.set(matrixKey(row.salarieId, competenceId), {
      salarieId: row.salarieId, competenceId, level: toLevel(row.level[i] ?? 0),
      official: markAt(row.officialLevel[i], row.officialDate[i], row.officialEvaluation[i]),
      self: markAt(row.selfLevel[i], row.selfDate[i], row.selfEvaluation[i]),
    });
  });
  return cells;
}

type PairKey = [salarieId: string, competenceId: string];

/** The database or a Dexie upgrade transaction: both name their tables. */
interface Tables { table<T, K>(name: string): Table<T, K> }

export function levelTable(t: Tables): Table<LevelRow, string> {
  return t.table<LevelRow, string>(LEVEL_TABLE);
}

/** Cells by salarié, as rows (a salarié left with no cell has no row). */
function rowsOf(cells: Iterable<MatrixCell>): Map<string, MatrixCell[]> {
  const bySalarie = new Map<string, MatrixCell[]>();
  for (const c of cells) {
    const mine = bySalarie.get(c.salarieId);
    if (mine === undefined) bySalarie.set(c.salarieId, [c]); else mine.push(c);
  }
  return bySalarie;
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
 * Recompute the whole table from the evaluations: the version 9 upgrade of an older store, a reset
 * pull (after it dropped what the user may no longer see), and tests. Inside the caller's
 * transaction when there is one.
 */
export async function rebuildCurrentLevels(t: Tables): Promise<void> {
  const cells = levelsOfRecords(await evaluationTable(t).toArray());
  await levelTable(t).clear();
  if (cells.size > 0) await levelTable(t).bulkPut([...rowsOf(cells.values())].map(([salarieId, mine]) => encodeRow(salarieId, mine)));
}

/** Every stored cell, for tests and checks (the matrix reads by salarié: queries/storedLevels.ts). */
export async function storedLevels(t: Tables): Promise<Map<string, MatrixCell>> {
  const out = new Map<string, MatrixCell>();
  for (const row of await levelTable(t).toArray()) for (const [k, c] of decodeRow(row)) out.set(k, c);
  return out;
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
      const salaries = [...new Set(keys.map((k) => pairOf(k)[0]))];
      const rows = await table.bulkGet(salaries);
      // Every cell of the salariés touched, as stored: the rows are rewritten whole.
      const all = new Map<string, MatrixCell>();
      for (const row of rows) if (row !== undefined) for (const [k, c] of decodeRow(row)) all.set(k, c);
      const cells = new Map<string, MatrixCell>();
      const recompute: string[] = [];
      for (const k of keys) {
        const cell = all.get(k);
        if ((removedFrom.get(k) ?? []).some((id) => references(cell, id))) recompute.push(k);
        else if (cell !== undefined) cells.set(k, cell);
      }
      const again = new Set(recompute);
      const folded = withEvaluations(cells, added.filter((e) => !again.has(matrixKey(e.salarieId, e.competenceId))));
      let changed = false;
      for (const [k, cell] of folded) if (cells.get(k) !== cell) { all.set(k, cell); changed = true; }
      // A pair that lost its mark: the evaluations left, read after this transaction's writes.
      const reads = await Promise.all(recompute.map((k) => evaluationTable(t).where('[salarieId+competenceId]').equals(pairOf(k)).toArray()));
      recompute.forEach((k, i) => {
        const cell = levelsOfRecords(reads[i] ?? []).get(k);
        changed = true;
        if (cell === undefined) all.delete(k); else all.set(k, cell);
      });
      if (!changed) return;
      const kept = rowsOf(all.values());
      const puts = salaries.flatMap((sid) => { const mine = kept.get(sid); return mine === undefined ? [] : [encodeRow(sid, mine)]; });
      const dels = salaries.filter((sid) => !kept.has(sid));
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
