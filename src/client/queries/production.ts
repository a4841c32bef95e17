// The reads of the production screens (filled in by the query-layer migration).
import type { DeviceDb } from '../db';

export function productionQueries(db: DeviceDb) {
  void db;
  return {};
}
