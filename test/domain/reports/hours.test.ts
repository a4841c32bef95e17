// Hours worked against contract hours per month: the relevé's hours next to the contract's
// weekly hours spread over Monday–Friday; a team counts each day for the team of that day;
// the current month expects hours only up to today; the lines behind each month add up.
import { describe, expect, it } from 'vitest';
import { hoursReport } from '../../../src/domain/reports/hours';
import { teamLookup } from '../../../src/domain/reports/teams';
import type { ContractFacts } from '../../../src/domain/production/planning';

const cddi = (start: string, end: string | null, weeklyHours: number): ContractFacts => ({ type: 'cddi', start, end, weeklyHours });

// March 2026: 22 weekdays (1 March is a Sunday).
const contracts = new Map([
  ['ana', [cddi('2026-01-05', null, 26)]],
  ['bob', [cddi('2026-03-16', '2026-06-30', 20)]],
]);
const teamOf = teamLookup([
  { salarieId: 'ana', teamId: 'verts', from: '2026-01-05', to: '2026-03-15' },
  { salarieId: 'ana', teamId: 'tri', from: '2026-03-16' },
  { salarieId: 'bob', teamId: 'tri', from: '2026-03-16' },
]);
const entries = [
  { salarieId: 'ana', date: '2026-03-02', hours: 5.2 },
  { salarieId: 'ana', date: '2026-03-17', hours: 5.25 },
  { salarieId: 'bob', date: '2026-03-17', hours: 4 },
  { salarieId: 'bob', date: '2026-04-01', hours: 4 },
];

describe('hoursReport', () => {
  it('worked against expected per month, for the whole structure', () => {
    const r = hoursReport({ entries, contracts, teamOf, year: 2026, team: null, until: '2026-04-01' });
    expect(r.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    const march = r.months[2]!;
    // ana: 22 days × 5,2 h = 114,40 h; bob: 12 days (16–31 March) × 4 h = 48 h.
    expect(march).toEqual({ month: '2026-03', workedCenti: 1445, expectedCenti: 11440 + 4800, ratio: 1445 / 16240 });
    // April stops at today (1 April): one day each.
    expect(r.months[3]).toMatchObject({ workedCenti: 400, expectedCenti: 520 + 400 });
    expect(r.lines.filter((l) => l.month === '2026-03')).toEqual([
      { month: '2026-03', salarieId: 'ana', workedCenti: 1045, expectedCenti: 11440 },
      { month: '2026-03', salarieId: 'bob', workedCenti: 400, expectedCenti: 4800 },
    ]);
  });

  it('a team counts each day for the team of that day', () => {
    const verts = hoursReport({ entries, contracts, teamOf, year: 2026, team: 'verts', until: '2026-12-31' });
    // ana in « verts » 2–13 March: 10 weekdays × 5,2 h; her 2 March hours.
    expect(verts.months[2]).toEqual({ month: '2026-03', workedCenti: 520, expectedCenti: 5200, ratio: 0.1 });
    const tri = hoursReport({ entries, contracts, teamOf, year: 2026, team: 'tri', until: '2026-12-31' });
    expect(tri.months[2]).toMatchObject({ workedCenti: 925, expectedCenti: 12 * 520 + 4800 });
    expect(verts.months[2]!.expectedCenti + tri.months[2]!.expectedCenti).toBe(16240);
    // Nothing expected after the contract ends.
    expect(tri.months[7]).toEqual({ month: '2026-08', workedCenti: 0, expectedCenti: 21 * 520, ratio: 0 });
  });

  it('no hours expected: no ratio', () => {
    const r = hoursReport({ entries: [], contracts: new Map(), teamOf, year: 2026, team: null, until: '2026-02-01' });
    expect(r.months.map((m) => m.ratio)).toEqual([null, null]);
    expect(r.lines).toEqual([]);
  });
});
