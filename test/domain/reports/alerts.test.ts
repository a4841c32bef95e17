// Time from an alert to its first reading: the earliest review by anyone, in days from the
// alert's date; unread alerts shown with how long they have waited; per month the count, read,
// unread, median and longest delay; entries that are not alerts left out.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alertReadings, alertReport } from '../../../src/domain/reports/alerts';
import { median, monthsOfYear, teamLookup } from '../../../src/domain/reports/teams';
import { SEED } from '../rules/arbitraries';

const teamOf = teamLookup([{ salarieId: 'ana', teamId: 'verts', from: '2025-01-01' }]);
const alerts = [
  { id: 'a1', salarieId: 'ana', date: '2026-03-02', alert: true },
  { id: 'a2', salarieId: 'ana', date: '2026-03-10', alert: true },
  { id: 'a3', salarieId: 'bob', date: '2026-03-20', alert: true },
  { id: 'a4', salarieId: 'ana', date: '2026-04-01', alert: true },
  { id: 'n1', salarieId: 'ana', date: '2026-03-03', alert: false },
];
const readings = [
  { logEntryId: 'a1', reviewerId: 'claire', at: '2026-03-05T09:00:00Z', day: '2026-03-05' },
  { logEntryId: 'a1', reviewerId: 'marc', at: '2026-03-04T16:00:00Z', day: '2026-03-04' },
  { logEntryId: 'a2', reviewerId: 'claire', at: '2026-03-10T08:00:00Z', day: '2026-03-10' },
  { logEntryId: 'a3', reviewerId: 'claire', at: '2026-03-27T08:00:00Z', day: '2026-03-27' },
  { logEntryId: 'n1', reviewerId: 'claire', at: '2026-03-27T08:00:00Z', day: '2026-03-27' },
];

describe('alert reading times', () => {
  it('first reading by anyone; unread alerts wait until today', () => {
    expect(alertReadings(alerts, readings, teamOf, '2026-04-06').map((a) => [a.logEntryId, a.teamId, a.firstReaderId, a.delayDays, a.waitingDays])).toEqual([
      ['a1', 'verts', 'marc', 2, null],
      ['a2', 'verts', 'claire', 0, null],
      ['a3', null, 'claire', 7, null],
      ['a4', 'verts', null, null, 5],
    ]);
  });

  it('per month: alerts, read, unread, median and longest delay; a team filter', () => {
    const r = alertReport(alerts, readings, teamOf, 2026, null, '2026-04-06');
    expect(r.months.slice(2)).toEqual([
      { month: '2026-03', alerts: 3, read: 3, unread: 0, medianDays: 2, maxDays: 7 },
      { month: '2026-04', alerts: 1, read: 0, unread: 1, medianDays: null, maxDays: null },
    ]);
    expect(r.medianDays).toBe(2);
    const verts = alertReport(alerts, readings, teamOf, 2026, 'verts', '2026-04-06');
    expect(verts.items.map((a) => a.logEntryId)).toEqual(['a1', 'a2', 'a4']);
    expect(verts.months[2]).toMatchObject({ alerts: 2, medianDays: 1, maxDays: 2 });
  });

  it('a reading dated before its alert counts as the same day', () => {
    const [a] = alertReadings([{ id: 'x', salarieId: 'ana', date: '2026-03-10', alert: true }], [{ logEntryId: 'x', reviewerId: 'c', at: '2026-03-09T23:00:00Z', day: '2026-03-09' }], teamOf, '2026-03-10');
    expect(a?.delayDays).toBe(0);
  });
});

describe('helpers', () => {
  it.each([[[], null], [[3], 3], [[4, 1], 2.5], [[5, 1, 3], 3]])('median of %j is %j', (values, m) => {
    expect(median(values)).toBe(m);
  });

  it('months of a year stop at today', () => {
    expect(monthsOfYear(2026, '2026-03-15')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOfYear(2025, '2026-03-15')).toHaveLength(12);
    expect(monthsOfYear(2027, '2026-03-15')).toEqual([]);
  });

  it('the median lies between the smallest and largest value', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 50 }), (values) => {
      const m = median(values)!;
      expect(m).toBeGreaterThanOrEqual(Math.min(...values));
      expect(m).toBeLessThanOrEqual(Math.max(...values));
    }), { seed: SEED });
  });
});
