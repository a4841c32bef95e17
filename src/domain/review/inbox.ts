// What one reviewer's inbox shows, from the rows on the device: the alerts still « à traiter »
// (whoever read them), then the entries unread for this reviewer, both filtered the same way and
// newest first; and the reviews « Tout marquer comme lu » writes: one per entry shown that is
// still unread for this reviewer, and nothing else.
import type { IsoDate } from '../rules/dates';
import { alertState } from './alerts';
import { filterEntries, type InboxFilter, type MembershipLike } from './filters';
import { isUnread, readerState, type EntryLike, type ReaderState, type ReviewLike } from './readState';

export interface InboxView<E extends EntryLike> {
  /** Alerts in the reviewer's window with no follow-up yet, read or not. */
  toHandle: E[];
  /** The other entries unread for this reviewer (handled alerts included). */
  toRead: E[];
  state: ReaderState;
}

function newestFirst(a: EntryLike, b: EntryLike): number {
  return b.date.localeCompare(a.date) || b.id.localeCompare(a.id);
}

export function inboxView<E extends EntryLike>(input: {
  entries: readonly E[];
  reviewsByEntry: ReadonlyMap<string, readonly ReviewLike[]>;
  reviewerId: string;
  today: IsoDate;
  filter: InboxFilter;
  memberships: readonly MembershipLike[];
}): InboxView<E> {
  const { entries, reviewsByEntry, reviewerId, today, filter, memberships } = input;
  const all: ReviewLike[] = [];
  for (const list of reviewsByEntry.values()) all.push(...list);
  const state = readerState(reviewerId, all, today);
  const toHandle: E[] = [];
  const toRead: E[] = [];
  for (const e of filterEntries(entries, filter, { today, state, memberships })) {
    if (e.date < state.windowStart) continue;
    if (alertState(e, reviewsByEntry.get(e.id)) === 'toHandle') toHandle.push(e);
    else if (isUnread(e, state)) toRead.push(e);
  }
  return { toHandle: toHandle.sort(newestFirst), toRead: toRead.sort(newestFirst), state };
}

export interface ReadReview { logEntryId: string; reviewerId: string; at: string; salarieId: string }

/** The reviews that mark every entry of `shown` read for `state`'s reviewer (none for those already read). */
export function markShownRead(shown: readonly EntryLike[], state: ReaderState, at: string): ReadReview[] {
  const seen = new Set<string>();
  const out: ReadReview[] = [];
  for (const e of shown) {
    if (seen.has(e.id) || state.readIds.has(e.id)) continue;
    seen.add(e.id);
    out.push({ logEntryId: e.id, reviewerId: state.reviewerId, at, salarieId: e.salarieId });
  }
  return out;
}
