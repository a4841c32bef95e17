// The reads of the coordination's inbox, for one reviewer: the rows the screen filters in memory
// (entries, every review grouped by entry, salariés, teams and memberships for the team filter,
// users' names for the authors). One read-only transaction, one request per table: reviews come
// first with the other tables (one getAll each: there is no reviewer index, and a colleague's
// follow-up matters too); they fix the reviewer's window, and the entries inside it are then read
// in one range of the `date` index (Dexie version 6), so a new coordinator reads 30 days, not the
// whole history, and 200 salariés cost one request, not 200. The last answers are remembered
// (per device, keyed by reviewer and day), so a reopened home paints at once while it re-reads.
import { groupByEntry, readerState } from '../../domain/review/readState';
import type { DeviceDb } from '../db';
import type { LogEntryRow, ReviewRow } from './livret';
import { queryMemory } from './memory';
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
  const [reviews, salaries, teams, memberships, users] = await Promise.all([
    allOf(db, 'review'), allOf(db, 'salarie'), allOf(db, 'team'), allOf(db, 'membership'), allOf(db, 'user'),
  ]);
  const { windowStart } = readerState(reviewerId, reviews, today);
  const inWindow = await betweenOf(db, 'logEntry', 'date', windowStart, AFTER_ANY_DATE);
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

/** The inbox's memory key: the reviewer (each has their own read state) and the day. */
export const inboxKey = (reviewerId: string, today: string): string => `${reviewerId}|${today}`;

export function coordinationQueries(db: DeviceDb) {
  return {
    inbox: (reviewerId: string, today: string) => inbox(db, reviewerId, today),
    /** The last inboxes read (client/queries/memory.ts): a reopened home paints from it while it re-reads. */
    inboxMemory: queryMemory<InboxRows>(2),
  };
}
