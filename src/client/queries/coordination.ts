// The reads of the coordination screens (filled in by the query-layer migration).
import type { DeviceDb } from '../db';

export function coordinationQueries(db: DeviceDb) {
  void db;
  return {};
}
