// The device's hybrid logical clock. What a clock must guarantee here is per field of a record:
// LWW compares only the clocks of the same field of the same record, so a local write of a field
// must be stamped after every clock already on that record (careful writes tick past them, see
// `tickPast`), and a record created on this device has no other clock yet (repository.ts).
// Persisted, the device clock is the greater of the `meta` row and the newest clock in the outbox:
// a record's creation is stamped from the tab's clock in memory (writeGuess.ts) and its outbox
// entry carries that stamp, without writing `meta` (issue 13: one request fewer per write). So
// an entry's clock is folded into `meta` before the entry leaves the outbox (pushResults.ts, and a
// sign-in that empties the device, session.ts), and a tab loading its clock reads both
// (`loadDeviceClock`). These helpers run inside the caller's Dexie transaction: the tick that
// stamps a write commits (or aborts) together with the write.
import { formatHlc, initialHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '../sync/hlc';
import { uuidv7 } from '../domain/ids';
import { META, type DeviceDb } from './db';
import { noteClock } from './writeGuess';

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

/** Whether `a` is after `b` by time and counter (the node only breaks ties between devices). */
export function isAfter(a: Hlc, b: Hlc): boolean {
  return a.wallMs !== b.wallMs ? a.wallMs > b.wallMs : a.counter > b.counter;
}

/**
 * `ours` moved up to the time and counter of every clock in `others` that is after it, keeping
 * ours's node: a tick from the result is after all of them, and still names this device.
 */
function latest(ours: Hlc, others: Iterable<string | Hlc | null | undefined>): Hlc {
  let out = ours;
  for (const o of others) {
    const h = typeof o === 'string' ? parseHlc(o) : o;
    if (h !== null && h !== undefined && isAfter(h, out)) out = { wallMs: h.wallMs, counter: h.counter, node: ours.node };
  }
  return out;
}

/** The clock a `meta` row's value holds, else a fresh one named after the device id. */
async function clockOfRow(db: DeviceDb, value: unknown, now: number): Promise<Hlc> {
  const parsed = typeof value === 'string' ? parseHlc(value) : null;
  if (parsed !== null) return parsed;
  return initialHlc(nodeIdFor(await ensureDeviceId(db, now)));
}

async function loadClock(db: DeviceDb, now: number): Promise<Hlc> {
  return clockOfRow(db, (await db.meta.get(META.hlc))?.value, now);
}

/**
 * The newest clock among the outbox's entries. Scanned, not read by `seq`: two tabs stamp from
 * their own clocks, so the last entry is not always the newest. Read once per tab (its first
 * careful write) and at a sign-in that empties the device; the outbox holds unsent changes only.
 */
export async function newestPendingClock(db: DeviceDb): Promise<string | undefined> {
  let newest: string | undefined;
  for (const e of await db.outbox.toArray()) if (newest === undefined || e.hlc > newest) newest = e.hlc;
  return newest;
}

/** The device clock as persisted: the `meta` row moved past the outbox's newest entry. */
export async function loadDeviceClock(db: DeviceDb, now: number): Promise<Hlc> {
  return latest(await loadClock(db, now), [await newestPendingClock(db)]);
}

/**
 * The stamp of a careful write (an update, a removal, a creation the tab could not guess): after
 * the `meta` row (`stored`: its value, read in the caller's transaction), after every
 * clock in `past` (the record's own field clocks, this tab's clock, the outbox's newest), so an
 * update always wins over every value on the record, whichever tab or device stamped it. The
 * caller saves it to `meta`.
 */
export async function tickPast(db: DeviceDb, stored: unknown, past: Iterable<string | Hlc | null | undefined>, now: number): Promise<string> {
  return formatHlc(tickHlc(latest(await clockOfRow(db, stored, now), past), now));
}

/**
 * Fold remote clocks (the server's HLC, pulled field clocks, pushed entries' own clocks) into
 * the `meta` row, and into this tab's clock. The outbox is not read: the persisted clock is the
 * greater of this row and the outbox, and this only moves the row up.
 */
export async function receiveClocks(db: DeviceDb, remote: Iterable<string>, now: number): Promise<void> {
  let max: string | undefined;
  for (const r of remote) if (max === undefined || r > max) max = r;
  const parsed = max === undefined ? null : parseHlc(max);
  if (parsed === null) return;
  const next = formatHlc(receiveHlc(await loadClock(db, now), parsed, now));
  await db.meta.put({ key: META.hlc, value: next });
  noteClock(db, next);
}

/** After sign-in the clock's node becomes the server's device id (the HLC tie-breaker). */
export async function setClockNode(db: DeviceDb, deviceId: string, now: number): Promise<void> {
  const current = await loadClock(db, now);
  await db.meta.put({ key: META.hlc, value: formatHlc({ ...current, node: nodeIdFor(deviceId) }) });
}
