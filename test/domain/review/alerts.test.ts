// An alert is « à traiter » until a review carries a follow-up; reading is not handling, a blank
// follow-up is not one, and with several follow-ups the first is the handling everywhere.
import { describe, expect, it } from 'vitest';
import { alertState, handlingOf, preferReview } from '../../../src/domain/review/alerts';
import type { ReviewLike } from '../../../src/domain/review/readState';

const r = (id: string, at: string, followUp?: string): ReviewLike => ({ id, logEntryId: 'e1', reviewerId: `u-${id}`, at, ...(followUp === undefined ? {} : { followUp }) });

describe('alertState', () => {
  it.each([
    { case: 'not an alert', alert: false, reviews: [r('a', '2026-11-20T08:00:00Z', 'Appelé')], state: 'none' },
    { case: 'no review', alert: true, reviews: undefined, state: 'toHandle' },
    { case: 'read only', alert: true, reviews: [r('a', '2026-11-20T08:00:00Z')], state: 'toHandle' },
    { case: 'blank follow-up', alert: true, reviews: [r('a', '2026-11-20T08:00:00Z', '   ')], state: 'toHandle' },
    { case: 'follow-up by anyone', alert: true, reviews: [r('a', '2026-11-20T08:00:00Z'), r('b', '2026-11-20T09:00:00Z', 'CIP prévenue')], state: 'handled' },
  ] as const)('$case → $state', ({ alert, reviews, state }) => {
    expect(alertState({ alert }, reviews)).toBe(state);
  });
});

describe('handlingOf / preferReview', () => {
  const read = r('a', '2026-11-20T07:00:00Z');
  const later = r('b', '2026-11-20T10:00:00Z', 'Rendez-vous pris');
  const first = r('c', '2026-11-20T09:00:00Z', 'Famille appelée');
  it('the first follow-up is the handling, whatever the order', () => {
    expect(handlingOf([read, later, first])?.id).toBe('c');
    expect(handlingOf([first, later, read])?.id).toBe('c');
    expect(handlingOf([read])).toBeUndefined();
  });
  it('the card shows a handling before a reading, otherwise the first reading', () => {
    expect([read, later].reduce(preferReview).id).toBe('b');
    expect([later, read].reduce(preferReview).id).toBe('b');
    expect([r('x', '2026-11-20T09:00:00Z'), r('y', '2026-11-19T09:00:00Z')].reduce(preferReview).id).toBe('y');
  });
});
