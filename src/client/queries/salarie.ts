// The reads of the salarie screens (filled in by the query-layer migration).
import type { DeviceDb } from '../db';

export function salarieQueries(db: DeviceDb) {
  void db;
  return {};
}
