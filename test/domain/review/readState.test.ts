// Each reviewer's read state is their own: a colleague's reading changes nothing for them, and a
// reviewer with no reading yet starts 30 days back, never from the whole history.
import { describe, expect, it } from 'vitest';
import { groupByEntry, isUnread, readerState, unreadIds, type EntryLike, type ReviewLike } from '../../../src/domain/review/readState';

const TODAY = '2026-11-20';
const entry = (id: string, date: string): EntryLike => ({ id, date, salarieId: 's1', authorId: 'eti', category: 'technique', alert: false });
const review = (id: string, logEntryId: string, reviewerId: string, at: string): ReviewLike => ({ id, logEntryId, reviewerId, at });

describe('readerState', () => {
  it.each([
    { case: 'no reading: 30 days before today', reviews: [], start: '2026-10-21', last: null },
    { case: 'a colleague’s reading does not count', reviews: [review('r1', 'e1', 'claire', '2026-01-10T09:00:00Z')], start: '2026-10-21', last: null },
    { case: 'first reading anchors the window', reviews: [review('r1', 'e1', 'me', '2026-03-10T09:00:00Z'), review('r2', 'e2', 'me', '2026-11-19T17:00:00Z')], start: '2026-02-08', last: '2026-11-19T17:00:00Z' },
  ])('$case', ({ reviews, start, last }) => {
    const s = readerState('me', reviews, TODAY);
    expect(s.windowStart).toBe(start);
    expect(s.lastReadAt).toBe(last);
  });
});

describe('unread', () => {
  const entries = [entry('e1', '2026-11-19'), entry('e2', '2026-11-18'), entry('e3', '2026-10-21'), entry('e4', '2026-10-20')];
  it.each([
    { case: 'new reviewer: the last 30 days, not the history', reviews: [], me: ['e1', 'e2', 'e3'] },
    { case: 'read by a colleague: still unread for me', reviews: [review('r1', 'e1', 'claire', '2026-11-20T08:00:00Z')], me: ['e1', 'e2', 'e3'] },
    { case: 'read by me: read for me only', reviews: [review('r1', 'e1', 'me', '2026-11-20T08:00:00Z')], me: ['e2', 'e3'] },
  ])('$case', ({ reviews, me }) => {
    expect([...unreadIds(entries, reviews, 'me', TODAY)].sort()).toEqual(me);
  });

  it('a colleague reading everything leaves my unread set as it was', () => {
    const theirs = entries.map((e, i) => review(`r${i}`, e.id, 'claire', '2026-11-20T08:00:00Z'));
    expect(unreadIds(entries, theirs, 'me', TODAY)).toEqual(unreadIds(entries, [], 'me', TODAY));
    expect(unreadIds(entries, theirs, 'claire', TODAY).size).toBe(0);
  });

  it('an entry on the window’s first day is in it', () => {
    expect(isUnread(entry('e', '2026-10-21'), readerState('me', [], TODAY))).toBe(true);
    expect(isUnread(entry('e', '2026-10-20'), readerState('me', [], TODAY))).toBe(false);
  });

  it('groups reviews by entry', () => {
    const g = groupByEntry([review('r1', 'e1', 'a', 'x'), review('r2', 'e2', 'a', 'x'), review('r3', 'e1', 'b', 'x')]);
    expect(g.get('e1')?.map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(g.get('e2')?.map((r) => r.id)).toEqual(['r2']);
  });
});
