// The reads of the livret screens (filled in by the query-layer migration).
import type { DeviceDb } from '../db';

export function livretQueries(db: DeviceDb) {
  void db;
  return {};
}
