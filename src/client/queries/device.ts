// The reads of the device screens (filled in by the query-layer migration).
import type { DeviceDb } from '../db';

export function deviceQueries(db: DeviceDb) {
  void db;
  return {};
}
