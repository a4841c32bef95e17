// What the matrix screen keeps in memory per device (per Dexie connection): its frames (names,
// competences, objectives) by user, day, team and activity, and each salarié's levels. Reopening
// the matrix paints from here at once while its live reads confirm it. It lives apart from the
// screen so that « Aujourd'hui » can fill it when the tablet is idle (warmMatrix) without loading
// the screen's code into the first bundle: the first open of the matrix in a session is then as
// fast as a reopening, instead of waiting for thousands of evaluations to be read.
import type { DeviceDb } from '../../client/db';
import { levelsOfMany, matrixFrame, type MatrixFrame, type SalarieLevels } from './data';

export const frames = new WeakMap<DeviceDb, Map<string, MatrixFrame>>();
export const levelsCache = new WeakMap<DeviceDb, Map<string, SalarieLevels>>();

/** The user is in the key: a tablet that changes hands never paints the last user's matrix. */
export function frameKey(userId: string, today: string, teamId: string, chosenActivity: string): string {
  return `${userId}|${today}|${teamId}|${chosenActivity}`;
}

export function rememberFrame(db: DeviceDb, key: string, frame: MatrixFrame): void {
  let perDb = frames.get(db);
  if (perDb === undefined) frames.set(db, perDb = new Map());
  perDb.set(key, frame);
}

export function levelsMemory(db: DeviceDb): Map<string, SalarieLevels> {
  let cache = levelsCache.get(db);
  if (cache === undefined) levelsCache.set(db, cache = new Map());
  return cache;
}

/**
 * Reads the matrix as it first opens (all the user's teams, their activity) into memory, unless it
 * is there already. Levels already in memory are kept: they are at least as fresh (live reads keep
 * them up to date while the screen is open).
 */
export async function warmMatrix(db: DeviceDb, userId: string, today: string): Promise<void> {
  const key = frameKey(userId, today, '', '');
  if (frames.get(db)?.has(key) === true) return;
  const frame = await matrixFrame(db, today, '', '');
  rememberFrame(db, key, frame);
  const memory = levelsMemory(db);
  const missing = frame.members.map((m) => m.id).filter((id) => !memory.has(id));
  if (missing.length === 0) return;
  for (const [id, levels] of await levelsOfMany(db, missing, frame.onDevice)) if (!memory.has(id)) memory.set(id, levels);
}
