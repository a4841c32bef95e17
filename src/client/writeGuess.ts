// What a tab remembers between its writes so that creating a record costs the least IndexedDB
// can do: ONE transaction issuing the record's `add` and its outbox entry's `add`, nothing else —
// no read of the record, the clock or the session, no write of the clock row (issue 13: each
// extra request costs 0.1–0.2 ms on a 0.8 ms raw put; with them a write was ≈ 2× raw).
//
// Why a creation needs none of them (repository.ts runs it):
// - The record: `add` fails with a ConstraintError when the id is already stored (a record or
//   a tombstone); the transaction is then aborted — its outbox `add` with it — and the write
//   runs the careful way (read, then write).
// - The clock: a record that `add` proves new on this device has no other clock on any of its
//   fields here, and LWW only compares clocks of the same field of the same record. So the
//   stamp need not come from the device-wide `meta` row: it is ticked from this tab's clock
//   (`hlc` below), which is at least every clock this tab stamped or saw. Every later write of
//   that record is careful: it reads the record and ticks past every clock on it (clock.ts
//   `tickPast`), so a field's clock still grows with each local write, even when another tab's
//   clock ran ahead of this one's. Not persisting the stamp in `meta` loses nothing: the outbox
//   entry carries it, the persisted clock is the greater of `meta` and the outbox, and an entry's
//   clock is folded into `meta` before the entry leaves the outbox (clock.ts).
// - The session: the structure of the new record is the one this tab last read from the session
//   (every careful write reads it). A sign-in, sign-out or erase makes every tab forget its
//   guess (`sessionChanged`: at once in the tab that did it, by BroadcastChannel in the others),
//   and the next write is careful. What is left is the time a message takes to reach another
//   tab: a creation there in that window carries the previous session's structure. After a
//   sign-out, the next sign-in finds no session and empties the device (session.ts), so it is
//   never sent. After a sign-in as someone else, it is sent under the new session like any
//   change written then (as before this design, when the write read the new session), and the
//   server refuses a record of another structure; a refused creation is removed from the device.
// A wrong guess only ever costs the careful path.
import type { Hlc } from '../sync/hlc';
import { parseHlc } from '../sync/hlc';
import type { DeviceDb } from './db';

export interface WriteGuess {
  /**
   * This tab's clock: at least every clock it stamped, and every `meta` clock it read or wrote.
   * Unknown until the tab's first careful write loads it (the `meta` row and the outbox).
   */
  hlc: Hlc | undefined;
  /** The signed-in user's structure as this tab last read it (meta `session`). */
  structureId: string | undefined;
  /** The session change this guess was learnt after (see sessionChanged). */
  readonly epoch: number;
}

/** One guess per open database: a tab's repository, sync engine and clock share it. */
const guesses = new WeakMap<DeviceDb, WriteGuess>();
/** Per database name: how many session changes this tab has heard of. */
const epochs = new Map<string, number>();
const channels = new Map<string, BroadcastChannel | null>();

function channelOf(name: string): BroadcastChannel | null {
  let ch = channels.get(name);
  if (ch !== undefined) return ch;
  ch = null;
  if (typeof BroadcastChannel !== 'undefined') {
    ch = new BroadcastChannel(`tremplin-write-guess:${name}`);
    (ch as { unref?: () => void }).unref?.(); // Node (tests): do not keep the process alive
    ch.addEventListener('message', () => epochs.set(name, (epochs.get(name) ?? 0) + 1));
  }
  channels.set(name, ch);
  return ch;
}

/** This tab's guess for `db` (empty again after a session change). */
export function writeGuessOf(db: DeviceDb): WriteGuess {
  channelOf(db.name); // listening from the first use on
  const epoch = epochs.get(db.name) ?? 0;
  let g = guesses.get(db);
  if (g === undefined || g.epoch !== epoch) {
    g = { hlc: undefined, structureId: undefined, epoch };
    guesses.set(db, g);
  }
  return g;
}

/**
 * The session changed (signed in, out, or the device was erased): every tab forgets what it
 * guessed — this one at once, the others when the message reaches them. Call it after the
 * change is committed, so that no tab learns the old session again.
 */
export function sessionChanged(db: DeviceDb): void {
  epochs.set(db.name, (epochs.get(db.name) ?? 0) + 1);
  channelOf(db.name)?.postMessage('sessionChanged');
}

const isAfter = (a: Hlc, b: Hlc) => (a.wallMs !== b.wallMs ? a.wallMs > b.wallMs : a.counter > b.counter);

/**
 * The stamp of a careful write (ticked after this tab's clock, so never before it, unless a
 * creation of this tab ticked meanwhile): this tab's clock, and the node it names from now on.
 */
export function learnClock(g: WriteGuess, stamp: string): void {
  const h = parseHlc(stamp);
  if (h !== null && (g.hlc === undefined || !isAfter(g.hlc, h))) g.hlc = h;
}

/**
 * A clock this tab wrote to `meta` or received: this tab's clock moves up to it. Only once the
 * tab knows its clock (a first careful write loads it from `meta` and the outbox).
 */
export function noteClock(db: DeviceDb, hlc: string): void {
  const g = writeGuessOf(db);
  const h = parseHlc(hlc);
  if (g.hlc !== undefined && h !== null && isAfter(h, g.hlc)) g.hlc = { wallMs: h.wallMs, counter: h.counter, node: g.hlc.node };
}

/** How recent a UUID v7's timestamp must be for its record to be taken as being created now. */
export const NEW_ID_WINDOW_MS = 10 * 60 * 1000;
const UUID_V7 = /^([0-9a-f]{8})-([0-9a-f]{4})-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether an id was most likely minted for a record being created now: a UUID v7 (the ids the
 * app makes) stamped within the last minutes. Pulled and older records have older stamps; a
 * wrong guess only costs the careful path.
 */
export function looksNew(id: string, nowMs: number): boolean {
  const m = UUID_V7.exec(id);
  if (m === null) return false;
  const stamp = parseInt(`${m[1]!}${m[2]!}`, 16);
  return stamp <= nowMs + 1000 && nowMs - stamp <= NEW_ID_WINDOW_MS;
}

/** The structure a session row names, if any (the row's shape is client/session.ts's). */
export function sessionStructure(sessionValue: unknown): string | undefined {
  const sid = (sessionValue as { user?: { structureId?: unknown } } | undefined)?.user?.structureId;
  return typeof sid === 'string' ? sid : undefined;
}
