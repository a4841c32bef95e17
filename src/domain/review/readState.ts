// Who has read what, per reviewer: each coordinator's read state is made of their OWN review
// records, never a colleague's (an entry read by one coordinator is still unread for another).
// A reviewer's inbox starts 30 days before their first reading (or before today, when they have
// none yet), so a first sync never shows the whole history as unread, and the start never moves
// afterwards: an entry left unread does not silently drop out of the inbox as days pass.
import { addDays, type IsoDate } from '../rules/dates';

/** The fields of a review the rules read (a stored review row fits). */
export interface ReviewLike {
  id: string;
  logEntryId: string;
  reviewerId: string;
  /** ISO 8601 instant of the reading. */
  at: string;
  followUp?: string | null | undefined;
}

/** The fields of a livret entry the rules read (a stored logEntry row fits). */
export interface EntryLike {
  id: string;
  salarieId: string;
  authorId: string;
  date: IsoDate;
  category: string;
  alert: boolean;
}

/** How far back a reviewer's inbox reaches before their first reading. */
export const FIRST_LOOKBACK_DAYS = 30;

export interface ReaderState {
  reviewerId: string;
  /** Entries dated before this day count as read for this reviewer. */
  windowStart: IsoDate;
  /** The reviewer's latest reading (ISO instant), or null before the first one. */
  lastReadAt: string | null;
  /** Entries this reviewer has a review of. */
  readIds: ReadonlySet<string>;
}

/** Reviews grouped by the entry they are about (several reviewers, several reviews each). */
export function groupByEntry<R extends ReviewLike>(reviews: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of reviews) {
    const list = out.get(r.logEntryId);
    if (list === undefined) out.set(r.logEntryId, [r]); else list.push(r);
  }
  return out;
}

/** `reviewerId`'s read state from every review on the device (one pass). */
export function readerState(reviewerId: string, reviews: Iterable<ReviewLike>, today: IsoDate): ReaderState {
  const readIds = new Set<string>();
  let first: string | null = null;
  let last: string | null = null;
  for (const r of reviews) {
    if (r.reviewerId !== reviewerId) continue;
    readIds.add(r.logEntryId);
    if (first === null || r.at < first) first = r.at;
    if (last === null || r.at > last) last = r.at;
  }
  return { reviewerId, windowStart: windowStartOf(first, today), lastReadAt: last, readIds };
}

/** The first day of a reviewer's window, from their first reading (ISO instant, null before any). */
export function windowStartOf(firstReadAt: string | null, today: IsoDate): IsoDate {
  return addDays(firstReadAt === null ? today : firstReadAt.slice(0, 10), -FIRST_LOOKBACK_DAYS);
}

/** In the reviewer's window and not reviewed by them. */
export function isUnread(entry: Pick<EntryLike, 'id' | 'date'>, state: ReaderState): boolean {
  return entry.date >= state.windowStart && !state.readIds.has(entry.id);
}

/** The ids of the entries unread for `reviewerId`. */
export function unreadIds(entries: readonly EntryLike[], reviews: readonly ReviewLike[], reviewerId: string, today: IsoDate): Set<string> {
  const state = readerState(reviewerId, reviews, today);
  return new Set(entries.filter((e) => isUnread(e, state)).map((e) => e.id));
}
