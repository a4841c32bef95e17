// Totals of the relevé d'heures: exact, additive, per week and month, and compared with the
// contract — the monthly figure payroll gets must not depend on the order days were added.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ABSENCE_TYPES } from '../../../src/domain/entities';
import {
  absenceTotal, expectedMonthCenti, monthTotals, sumTotals, totalsChecks, totalsOf, weekTotals, type TimeEntryFacts,
} from '../../../src/domain/production/hours';
import { isoDateArb } from '../rules/arbitraries';

const e = (date: string, hours: number, extra: Partial<TimeEntryFacts> = {}): TimeEntryFacts => ({ salarieId: 's1', date, hours, ...extra });

const entryArb = fc.record({
  salarieId: fc.constantFrom('s1', 's2', 's3'),
  date: isoDateArb('2026-01-01', '2026-12-31'),
  hours: fc.integer({ min: 0, max: 1000 }).map((n) => n / 100),
  absence: fc.option(fc.constantFrom(...ABSENCE_TYPES), { nil: null }),
  absenceHours: fc.option(fc.integer({ min: 0, max: 800 }).map((n) => n / 100), { nil: null }),
  lateMinutes: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
});

describe('totals', () => {
  it('adds worked hours, absences by type and lateness', () => {
    const t = totalsOf([e('2026-11-16', 6.5), e('2026-11-17', 0, { absence: 'maladie', absenceHours: 6.5 }), e('2026-11-18', 6.25, { lateMinutes: 15 }), e('2026-11-19', 4.5, { absence: 'formation', absenceHours: 2 })]);
    expect(t.worked).toBe(1725);
    expect(t.absence.maladie).toBe(650);
    expect(t.absence.formation).toBe(200);
    expect(absenceTotal(t)).toBe(850);
    expect(t.lateMinutes).toBe(15);
    expect(t.daysWorked).toBe(3);
  });

  it('splits by week and by month', () => {
    const entries = [e('2026-10-30', 6.5), e('2026-11-02', 6.5), e('2026-11-03', 6.5), e('2026-11-09', 6.5, { salarieId: 's2' })];
    expect(monthTotals(entries, '2026-11').get('s1')?.worked).toBe(1300);
    expect(monthTotals(entries, '2026-10').get('s1')?.worked).toBe(650);
    expect(weekTotals(entries, '2026-11-05').get('s1')?.worked).toBe(1300);
    expect(weekTotals(entries, '2026-11-05').has('s2')).toBe(false);
  });

  it('is additive and order-independent (property)', () => {
    fc.assert(fc.property(fc.array(entryArb, { maxLength: 40 }), fc.array(entryArb, { maxLength: 40 }), (a, b) => {
      expect(totalsOf([...a, ...b])).toEqual(sumTotals(totalsOf(a), totalsOf(b)));
      expect(totalsOf([...b, ...a].reverse())).toEqual(totalsOf([...a, ...b]));
    }), { seed: 42, numRuns: 200 });
  });

  it('compares with the contract', () => {
    const contracts = [{ type: 'cddi', start: '2026-01-01', end: null, weeklyHours: 26 }];
    // November 2026 has 21 working days: 26 h × 21 / 5 = 109.2 h.
    expect(expectedMonthCenti(contracts, '2026-11')).toBe(10920);
    expect(expectedMonthCenti([{ ...contracts[0]!, start: '2026-11-16' }], '2026-11')).toBe(5720);
    const over = totalsOf([e('2026-11-02', 24), e('2026-11-03', 24), e('2026-11-04', 24), e('2026-11-05', 24), e('2026-11-06', 24)]);
    expect(totalsChecks(over, 10000).map((c) => c.code)).toEqual(['heures_au_dessus']);
    expect(totalsChecks(totalsOf([e('2026-11-02', 6.5)]), 2600)[0]?.message).toBe('19,5 h non saisies ou non travaillées sur 26 h prévues.');
    expect(totalsChecks(totalsOf([e('2026-11-02', 26)]), 2600)).toEqual([]);
  });
});
