// The reads of the device screens (« Cette tablette », the refused changes, the update prompt):
// the device's own tables (meta, outbox, refused changes), not synced records, so they are read
// here directly rather than through tables.ts.
import { getMeta, META, type DeviceDb, type RejectedChange } from '../db';

/** A change the server refused, as the device keeps it for the user to see. */
export type RejectedRow = RejectedChange;

/** The id the server gave this device at its first sign-in, or undefined before. */
export async function deviceId(db: DeviceDb): Promise<string | undefined> {
  const value = await getMeta<unknown>(db, META.deviceId);
  return typeof value === 'string' ? value : undefined;
}

/** The refused changes, the latest refusal first. */
export function rejectedChanges(db: DeviceDb): Promise<RejectedRow[]> {
  return db.rejected.orderBy('at').reverse().toArray();
}

/** How many local changes wait to be sent (one outbox entry each). */
export function outboxCount(db: DeviceDb): Promise<number> {
  return db.outbox.count();
}

export function deviceQueries(db: DeviceDb) {
  return {
    deviceId: () => deviceId(db),
    rejected: () => rejectedChanges(db),
    outboxCount: () => outboxCount(db),
  };
}
