// The device's hybrid logical clock, persisted in `meta` so it stays monotonic across reloads.
// These helpers run inside the caller's Dexie transaction: the tick that stamps a write commits
// (or aborts) together with the write.
import { formatHlc, initialHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '../sync/hlc';
import { uuidv7 } from '../domain/ids';
import { META, type DeviceDb } from './db';

/** HLC node ids allow [A-Za-z0-9_-]; server device ids are UUIDs, which fit. */
export function nodeIdFor(deviceId: string): string {
  const cleaned = deviceId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);
  return cleaned.length > 0 ? cleaned : 'device';
}

/** The device id: the server's once signed in, a local one before (persisted either way). */
export async function ensureDeviceId(db: DeviceDb, now: number): Promise<string> {
  const row = await db.meta.get(META.deviceId);
  if (typeof row?.value === 'string') return row.value;
  const id = uuidv7(now);
  await db.meta.put({ key: META.deviceId, value: id });
  return id;
}

async function loadClock(db: DeviceDb, now: number): Promise<Hlc> {
  const row = await db.meta.get(META.hlc);
  const parsed = typeof row?.value === 'string' ? parseHlc(row.value) : null;
  if (parsed !== null) return parsed;
  return initialHlc(nodeIdFor(await ensureDeviceId(db, now)));
}

/** A local event: returns the new clock string, already saved. */
export async function tickClock(db: DeviceDb, now: number): Promise<string> {
  const next = tickHlc(await loadClock(db, now), now);
  const s = formatHlc(next);
  await db.meta.put({ key: META.hlc, value: s });
  return s;
}

/**
 * The tick for a write that has already read the stored clock (`stored`, the meta row's
 * value) in its own transaction: undefined when there is no usable stored clock yet, and
 * the caller falls back to tickClock. The caller saves the result.
 */
export function tickFrom(stored: unknown, now: number): string | undefined {
  const parsed = typeof stored === 'string' ? parseHlc(stored) : null;
  return parsed === null ? undefined : formatHlc(tickHlc(parsed, now));
}

/** Fold remote clocks (the server's HLC, pulled field clocks) into the device clock. */
export async function receiveClocks(db: DeviceDb, remote: Iterable<string>, now: number): Promise<void> {
  let max: string | undefined;
  for (const r of remote) if (max === undefined || r > max) max = r;
  const parsed = max === undefined ? null : parseHlc(max);
  if (parsed === null) return;
  const next = receiveHlc(await loadClock(db, now), parsed, now);
  await db.meta.put({ key: META.hlc, value: formatHlc(next) });
}

/** After sign-in the clock's node becomes the server's device id (the HLC tie-breaker). */
export async function setClockNode(db: DeviceDb, deviceId: string, now: number): Promise<void> {
  const current = await loadClock(db, now);
  await db.meta.put({ key: META.hlc, value: formatHlc({ ...current, node: nodeIdFor(deviceId) }) });
}
