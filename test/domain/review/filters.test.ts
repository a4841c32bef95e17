// The inbox's filters as one function: team (on the entry's date), ETI (author), salarié,
// category and period (including « depuis ma dernière lecture », per reviewer).
import { describe, expect, it } from 'vitest';
import { filterEntries, isFiltered, NO_FILTER, periodStart, type InboxFilter, type MembershipLike } from '../../../src/domain/review/filters';
import type { EntryLike } from '../../../src/domain/review/readState';

const TODAY = '2026-11-20';
const E = (id: string, date: string, salarieId: string, authorId: string, category: string): EntryLike => ({ id, date, salarieId, authorId, category, alert: category === 'alerte' });
const entries = [
  E('e1', '2026-11-20', 'amina', 'karim', 'technique'),
  E('e2', '2026-11-15', 'bruno', 'karim', 'alerte'),
  E('e3', '2026-11-10', 'amina', 'lea', 'freins'),
  E('e4', '2026-10-25', 'chloe', 'lea', 'technique'),
];
const memberships: MembershipLike[] = [
  { teamId: 'verts', salarieId: 'amina', from: '2026-01-01', to: '2026-11-12' },
  { teamId: 'bati', salarieId: 'amina', from: '2026-11-13' },
  { teamId: 'verts', salarieId: 'bruno', from: '2025-01-01' },
  { teamId: 'bati', salarieId: 'chloe', from: '2026-01-01', to: '' },
];
const state = { lastReadAt: '2026-11-15T18:00:00Z' };

describe('filterEntries', () => {
  it.each<{ case: string; f: Partial<InboxFilter>; ids: string[] }>([
    { case: 'no filter', f: {}, ids: ['e1', 'e2', 'e3', 'e4'] },
    { case: 'team on the entry’s date (Amina changed team on the 13th)', f: { teamId: 'verts' }, ids: ['e2', 'e3'] },
    { case: 'other team', f: { teamId: 'bati' }, ids: ['e1', 'e4'] },
    { case: 'ETI = author', f: { authorId: 'lea' }, ids: ['e3', 'e4'] },
    { case: 'salarié', f: { salarieId: 'amina' }, ids: ['e1', 'e3'] },
    { case: 'category', f: { category: 'technique' }, ids: ['e1', 'e4'] },
    { case: 'last 7 days', f: { period: '7d' }, ids: ['e1', 'e2'] },
    { case: 'last 30 days', f: { period: '30d' }, ids: ['e1', 'e2', 'e3', 'e4'] },
    { case: 'since my last reading (its day kept)', f: { period: 'sinceLastRead' }, ids: ['e1', 'e2'] },
    { case: 'combined', f: { authorId: 'karim', teamId: 'verts' }, ids: ['e2'] },
  ])('$case', ({ f, ids }) => {
    expect(filterEntries(entries, { ...NO_FILTER, ...f }, { today: TODAY, state, memberships }).map((e) => e.id)).toEqual(ids);
  });

  it('« depuis ma dernière lecture » with no reading keeps everything in the window', () => {
    expect(periodStart('sinceLastRead', TODAY, { lastReadAt: null })).toBeNull();
    expect(periodStart('7d', TODAY, { lastReadAt: null })).toBe('2026-11-14');
  });

  it('isFiltered tells « tout » from a choice', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, category: 'alerte' })).toBe(true);
    expect(isFiltered({ ...NO_FILTER, period: '7d' })).toBe(true);
  });
});
