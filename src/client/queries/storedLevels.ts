// The matrix's levels as the device stores them (client/currentLevels.ts: one row per salarié,
// kept with the evaluations in every transaction that changes them), and one cell's history. The
// matrix paints from these: a salarié's cells are one row, where deriving them read ~180
// evaluations (issue 13, first open with nothing in memory).
// The evaluations themselves are read only for the cell whose panel is open (historyOf).
import type { MatrixCell } from '../../domain/rules/matrix';
import { decodeRow, levelTable } from '../currentLevels';
import type { DeviceDb } from '../db';
import type { EntityRow } from '../rows';
import { rangeOf } from './tables';

/** One salarié's cells in the matrix, by matrixKey (a pair never evaluated has none: level 0). */
export interface SalarieCells { cells: Map<string, MatrixCell> }

/**
 * One salarié's cells: one `get`; a live query over it wakes up only for writes about this
 * salarié's levels.
 */
export async function cellsOf(db: DeviceDb, salarieId: string): Promise<SalarieCells> {
  const row = await levelTable(db).get(salarieId);
  return { cells: row === undefined ? new Map() : decodeRow(row) };
}

/**
 * Several salariés' cells in one plain read (not observed): the first paint of a matrix with
 * nothing in memory. A few of the device's salariés: their rows by key. Most of them: one getAll
 * of the table (a row per salarié evaluated).
 */
export async function cellsOfMany(db: DeviceDb, salarieIds: readonly string[], onDevice: number): Promise<Map<string, SalarieCells>> {
  if (salarieIds.length * 2 < onDevice) {
    const rows = await levelTable(db).bulkGet([...salarieIds]);
    return new Map(salarieIds.map((id, i) => { const row = rows[i]; return [id, { cells: row === undefined ? new Map() : decodeRow(row) }]; }));
  }
  return pick(await allCells(db), salarieIds);
}

/** Every stored cell of the device, by salarié (one getAll of the table). */
export async function allCells(db: DeviceDb): Promise<Map<string, SalarieCells>> {
  return new Map((await levelTable(db).toArray()).map((row) => [row.salarieId, { cells: decodeRow(row) }]));
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
