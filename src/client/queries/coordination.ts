// The reads of the coordination's inbox, for one reviewer: the rows the screen filters in memory
// (entries, every review grouped by entry, salariés, teams and memberships for the team filter,
// users' names for the authors). One read-only transaction, one request per table, all issued at
// once: the reviewer's first reading (one record of the `[reviewerId+at]` index, Dexie version 7)
// fixes their window, and the entries inside it are read in one range of the `date` index (version
// 6) while the reviews (one getAll: a colleague's follow-up matters too, and a reviewer's window
// usually reaches back to their first reading, so nearly every review is in it) and the other
// tables are read, so a new coordinator reads 30 days, not the whole history, and 200 salariés
// cost one request, not 200. The last answers are remembered (per device, keyed by reviewer and
// day, and kept across restarts: persistedMemory.ts, made in index.ts with the reads' other
// memories, since these reads load on first use), so a reopened home paints at once while it
// re-reads.
import { Dexie } from 'dexie';
import { groupByEntry, windowStartOf } from '../../domain/review/readState';
import type { DeviceDb, LocalRecord } from '../db';
import type { LogEntryRow, ReviewRow } from './livret';
import { allOf, betweenOf } from './tables';
import type { MembershipRow, SalarieRow, TeamRow } from './teams';

export interface InboxRows {
  /** Entries of live salariés dated from the reviewer's window start, any order (the screen sorts). */
  entries: LogEntryRow[];
  /** Every review on the device, by entry id. */
  reviews: Map<string, ReviewRow[]>;
  salaries: Map<string, SalarieRow>;
  teams: TeamRow[];
  memberships: MembershipRow[];
  /** Display name of every user (authors, reviewers), by id. */
  names: Map<string, string>;
}

/** Above every ISO date: the open upper end of a `date` range (future-dated entries included). */
export const AFTER_ANY_DATE = '\uffff';

const TABLES = ['review', 'salarie', 'team', 'membership', 'user', 'logEntry'];

export function inbox(db: DeviceDb, reviewerId: string, today: string): Promise<InboxRows> {
  return db.transaction('r', TABLES, () => readInbox(db, reviewerId, today));
}

/**
 * Both steps await the table reads themselves (no async helper in between): Dexie follows its
 * transaction across native awaits only a few microtask hops deep (see queries/week.ts).
 */
async function readInbox(db: DeviceDb, reviewerId: string, today: string): Promise<InboxRows> {
  const [reviews, salaries, teams, memberships, users, inWindow] = await Promise.all([
    allOf(db, 'review'), allOf(db, 'salarie'), allOf(db, 'team'), allOf(db, 'membership'), allOf(db, 'user'),
    // A Dexie promise: its `then` stays in the transaction.
    firstReadingAt(db, reviewerId).then((first) => betweenOf(db, 'logEntry', 'date', windowStartOf(first, today), AFTER_ANY_DATE)),
  ]);
  const salarieById = new Map(salaries.map((s) => [s.id, s]));
  return {
    // As when the entries were read by salarié: a deleted salarié's entries stay out.
    entries: inWindow.filter((e) => salarieById.has(e.salarieId)),
    reviews: groupByEntry(reviews),
    salaries: salarieById,
    teams,
    memberships,
    names: new Map(users.map((u) => [u.id, u.displayName])),
  };
}

/**
 * The instant of `reviewerId`'s first live reading (null before any), as `readerState` finds it
 * among every review: the `[reviewerId+at]` index walked from its start until a live review.
 */
export function firstReadingAt(db: DeviceDb, reviewerId: string): Promise<string | null> {
  return db.table<LocalRecord, string>('review')
    .where('[reviewerId+at]').between([reviewerId, Dexie.minKey], [reviewerId, Dexie.maxKey], true, true)
    .filter((r) => r._deleted === 0).first()
    .then((r) => (typeof r?.at === 'string' ? r.at : null));
}

/** The inbox's memory key: the reviewer (each has their own read state) and the day. */
export const inboxKey = (reviewerId: string, today: string): string => `${reviewerId}|${today}`;

export function coordinationQueries(db: DeviceDb) {
  return {
    inbox: (reviewerId: string, today: string) => inbox(db, reviewerId, today),
  };
}
