// What a tab remembers between its writes so the next one can be issued in ONE round trip to
// IndexedDB (issue 13: a write read the record, the clock and the session, waited, then wrote —
// two round trips, 2.7× a raw put). The repository guesses the answers of those reads — the
// record does not exist yet, the stored clock and session are the ones this tab last saw —
// issues its writes right behind the reads in the same transaction, and checks the guess when
// the reads answer: IndexedDB runs a transaction's requests in order, so the reads see the
// store as it was before the writes, and read-write transactions over the same tables never
// interleave (another tab's write waits). A wrong clock or session is corrected in the same
// transaction; a record that exists after all aborts it and the write runs the careful way.

export interface WriteGuess {
  /** The device clock (meta `hlc`) as this tab last read or wrote it. */
  hlc: string | undefined;
  /** The signed-in user's structure as this tab last read it (meta `session`). */
  structureId: string | undefined;
}

export function createWriteGuess(): WriteGuess {
  return { hlc: undefined, structureId: undefined };
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
