// The matrix's levels as the device stores them (client/currentLevels.ts: one row per salarié ×
// competence, kept with the evaluations in every transaction that changes them), and one cell's
// history. The matrix paints from these: a salarié's cells are one key range of ~60 small rows,
// where deriving them read ~180 evaluations (issue 13, first open with nothing in memory).
// The evaluations themselves are read only for the cell whose panel is open (historyOf).
import { Dexie } from 'dexie';
import { matrixKey, type MatrixCell } from '../../domain/rules/matrix';
import { levelTable, type StoredLevel } from '../currentLevels';
import type { DeviceDb } from '../db';
import type { EntityRow } from '../rows';
import { rangeOf } from './tables';

/** One salarié's cells in the matrix, by matrixKey (a pair never evaluated has none: level 0). */
export interface SalarieCells { cells: Map<string, MatrixCell> }

function cellsFrom(rows: readonly StoredLevel[]): SalarieCells {
  return { cells: new Map(rows.map((c) => [matrixKey(c.salarieId, c.competenceId), c])) };
}

/**
 * One salarié's cells: one range of the table's primary key, i.e. one getAll; a live query over it
 * wakes up only for writes about this salarié's levels.
 */
export async function cellsOf(db: DeviceDb, salarieId: string): Promise<SalarieCells> {
  return cellsFrom(await levelTable(db).where('[salarieId+competenceId]').between([salarieId, Dexie.minKey], [salarieId, Dexie.maxKey], true, true).toArray());
}

/**
 * Several salariés' cells in one plain read (not observed): the first paint of a matrix with
 * nothing in memory. A few of the device's salariés: one range each. Most of them: one getAll of
 * the table (one row per evaluated cell), grouped here.
 */
export async function cellsOfMany(db: DeviceDb, salarieIds: readonly string[], onDevice: number): Promise<Map<string, SalarieCells>> {
  if (salarieIds.length * 2 < onDevice) {
    const read = await Promise.all(salarieIds.map((id) => cellsOf(db, id)));
    return new Map(salarieIds.map((id, i) => [id, read[i] ?? { cells: new Map() }]));
  }
  return pick(await allCells(db), salarieIds);
}

/** Every stored cell of the device, by salarié (one getAll of the table). */
export async function allCells(db: DeviceDb): Promise<Map<string, SalarieCells>> {
  const bySalarie = new Map<string, SalarieCells>();
  for (const c of await levelTable(db).toArray()) {
    let mine = bySalarie.get(c.salarieId);
    if (mine === undefined) bySalarie.set(c.salarieId, (mine = { cells: new Map() }));
    mine.cells.set(matrixKey(c.salarieId, c.competenceId), c);
  }
  return bySalarie;
}

/** These salariés' cells out of every salarié's (one never evaluated has none). */
export function pick(all: ReadonlyMap<string, SalarieCells>, salarieIds: readonly string[]): Map<string, SalarieCells> {
  return new Map(salarieIds.map((id) => [id, all.get(id) ?? { cells: new Map() }]));
}

function sameMark(a: MatrixCell['official'], b: MatrixCell['official']): boolean {
  return a === b || (a !== null && b !== null && a.level === b.level && a.date === b.date && a.evaluationId === b.evaluationId);
}

/** The same cells (what a re-read that changed nothing returns): no render. */
export function sameCells(a: SalarieCells, b: SalarieCells): boolean {
  if (a.cells.size !== b.cells.size) return false;
  for (const [k, x] of a.cells) {
    const y = b.cells.get(k);
    if (y === undefined || x.level !== y.level || !sameMark(x.official, y.official) || !sameMark(x.self, y.self)) return false;
  }
  return true;
}

/** One pair's evaluations (the panel's history): one `equals` on the [salarieId+competenceId] index. */
export function historyOf(db: DeviceDb, salarieId: string, competenceId: string): Promise<EntityRow<'evaluation'>[]> {
  return rangeOf(db, 'evaluation', '[salarieId+competenceId]', salarieId, competenceId, competenceId);
}
