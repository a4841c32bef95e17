// The reads of the competences screens (filled in by the query-layer migration).
import type { DeviceDb } from '../db';

export function competencesQueries(db: DeviceDb) {
  void db;
  return {};
}
