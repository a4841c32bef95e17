// One reviewer's inbox: alerts still à traiter first (read or not), then what is unread for this
// reviewer; « Tout marquer comme lu » writes reviews for exactly the entries shown that are
// unread. Property: marking what is shown leaves none of it unread for that reviewer and never
// changes another reviewer's unread set.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NO_FILTER, type InboxFilter } from '../../../src/domain/review/filters';
import { inboxView, markShownRead } from '../../../src/domain/review/inbox';
import { groupByEntry, unreadIds, type EntryLike, type ReviewLike } from '../../../src/domain/review/readState';

const SEED = 42;
const TODAY = '2026-11-20';
const E = (id: string, date: string, alert = false, salarieId = 's1'): EntryLike => ({ id, date, salarieId, authorId: 'eti', category: alert ? 'alerte' : 'technique', alert });
const R = (id: string, logEntryId: string, reviewerId: string, followUp?: string): ReviewLike => ({ id, logEntryId, reviewerId, at: '2026-11-20T08:00:00Z', ...(followUp === undefined ? {} : { followUp }) });

function view(entries: EntryLike[], reviews: ReviewLike[], reviewerId: string, filter: InboxFilter = NO_FILTER) {
  return inboxView({ entries, reviewsByEntry: groupByEntry(reviews), reviewerId, today: TODAY, filter, memberships: [] });
}

describe('inboxView', () => {
  const entries = [E('note', '2026-11-19'), E('alert', '2026-11-18', true), E('handled', '2026-11-17', true), E('old', '2026-09-01', true)];
  it.each([
    { case: 'nothing read: alerts à traiter, then the rest (handled alert included)', reviews: [R('x', 'handled', 'claire', 'Famille appelée')], who: 'me', toHandle: ['alert'], toRead: ['note', 'handled'] },
    { case: 'I read the alert: still à traiter', reviews: [R('a', 'alert', 'me'), R('x', 'handled', 'claire', 'Famille appelée')], who: 'me', toHandle: ['alert'], toRead: ['note', 'handled'] },
    { case: 'my colleague read everything: nothing changes for me', reviews: ['note', 'alert', 'handled'].map((e, i) => R(`c${i}`, e, 'claire')), who: 'me', toHandle: ['alert', 'handled'], toRead: ['note'] },
    { case: 'the one who handled it has read it', reviews: [R('x', 'handled', 'claire', 'Famille appelée')], who: 'claire', toHandle: ['alert'], toRead: ['note'] },
  ])('$case', ({ reviews, who, toHandle, toRead }) => {
    const v = view(entries, reviews, who);
    expect(v.toHandle.map((e) => e.id)).toEqual(toHandle);
    expect(v.toRead.map((e) => e.id)).toEqual(toRead);
  });

  it('an alert older than the new reviewer’s 30 days does not flood the inbox', () => {
    expect(view(entries, [], 'me').toHandle.map((e) => e.id)).not.toContain('old');
  });

  it('« Tout marquer comme lu » writes one review per shown entry still unread, none for the others', () => {
    const v = view(entries, [R('a', 'alert', 'me'), R('x', 'handled', 'claire', 'Famille appelée')], 'me');
    const out = markShownRead([...v.toHandle, ...v.toRead], v.state, '2026-11-20T10:00:00.000Z');
    expect(out.map((r) => r.logEntryId)).toEqual(['note', 'handled']);
    expect(out.every((r) => r.reviewerId === 'me' && r.salarieId === 's1')).toBe(true);
  });
});

describe('property: marking what is shown', () => {
  const REVIEWERS = ['me', 'claire', 'paul'] as const;
  const DATES = ['2026-09-01', '2026-10-20', '2026-10-21', '2026-11-01', '2026-11-19', '2026-11-20'];
  const entryArb = fc.record({ n: fc.nat(40), date: fc.constantFrom(...DATES), alert: fc.boolean(), salarieId: fc.constantFrom('s1', 's2', 's3'), category: fc.constantFrom('technique', 'freins', 'alerte') });
  const reviewArb = fc.record({ entry: fc.nat(40), reviewer: fc.constantFrom(...REVIEWERS), day: fc.constantFrom('2026-10-01', '2026-11-15', '2026-11-20'), followUp: fc.option(fc.constantFrom('Appelé', ' '), { nil: undefined }) });
  const filterArb = fc.record({
    teamId: fc.constant(''), authorId: fc.constant(''), salarieId: fc.constantFrom('', 's1', 's2'),
    category: fc.constantFrom('', 'technique', 'alerte'), period: fc.constantFrom('all', '7d', '30d', 'sinceLastRead'),
  }) satisfies fc.Arbitrary<InboxFilter>;

  it('leaves none of the shown entries unread for the reviewer, and every other reviewer as they were', () => {
    fc.assert(fc.property(fc.uniqueArray(entryArb, { selector: (e) => e.n, maxLength: 25 }), fc.array(reviewArb, { maxLength: 30 }), fc.constantFrom(...REVIEWERS), filterArb, fc.nat(60), (rawEntries, rawReviews, who, filter, page) => {
      const entries = rawEntries.map((e) => ({ id: `e${e.n}`, date: e.date, alert: e.alert, salarieId: e.salarieId, authorId: 'eti', category: e.category }));
      const reviews = rawReviews.map((r, i) => R(`r${i}`, `e${r.entry}`, r.reviewer, r.followUp)).map((r, i) => ({ ...r, at: `${rawReviews[i]!.day}T08:00:00Z` }));
      const v = view(entries, reviews, who, filter);
      // The screen shows a page of each block.
      const shown = [...v.toHandle.slice(0, page), ...v.toRead.slice(0, page)];
      const written = markShownRead(shown, v.state, `${TODAY}T10:00:00.000Z`).map((r, i) => ({ id: `new${i}`, ...r }));
      const after = [...reviews, ...written];
      const mine = unreadIds(entries, after, who, TODAY);
      expect(shown.filter((e) => mine.has(e.id))).toEqual([]);
      // Exactly the shown entries that were unread got a review.
      const before = unreadIds(entries, reviews, who, TODAY);
      expect(new Set(written.map((r) => r.logEntryId))).toEqual(new Set(shown.filter((e) => before.has(e.id)).map((e) => e.id)));
      for (const other of REVIEWERS) {
        if (other === who) continue;
        expect(unreadIds(entries, after, other, TODAY)).toEqual(unreadIds(entries, reviews, other, TODAY));
      }
      // And the handling of alerts is untouched: a read is not a follow-up. (Without the period
      // filter: « depuis ma dernière lecture » moves on when reading, as it should.)
      expect(view(entries, after, who).toHandle.map((e) => e.id)).toEqual(view(entries, reviews, who).toHandle.map((e) => e.id));
    }), { seed: SEED, numRuns: 300 });
  });
});
