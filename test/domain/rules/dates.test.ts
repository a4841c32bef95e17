import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addDays, addMonths, addYears, compareDates, diffDays, fullMonthsBetween, fullYearsBetween, inclusiveDays, isIsoDate,
} from '../../../src/domain/rules/dates';
import { isoDateArb, SEED } from './arbitraries';

describe('dates', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-01-01', 729, '2025-12-30'],
    ['2023-01-01', 729, '2024-12-30'],
    ['2024-03-01', -1, '2024-02-29'],
  ])('%s + %i jours = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-11-15', 3, '2025-02-15'],
    ['2024-03-31', -1, '2024-02-29'],
  ])('%s + %i mois = %s (jour ramené à la fin du mois)', (d, n, expected) => {
    expect(addMonths(d, n)).toBe(expected);
  });

  it('counts days across a leap day', () => {
    expect(diffDays('2024-03-01', '2024-02-28')).toBe(2);
    expect(inclusiveDays('2024-02-01', '2024-02-29')).toBe(29);
    expect(inclusiveDays('2024-02-02', '2024-02-01')).toBe(0);
  });

  it('gives ages and months of parcours in whole units', () => {
    expect(fullYearsBetween('1967-06-15', '2024-06-14')).toBe(56);
    expect(fullYearsBetween('1967-06-15', '2024-06-15')).toBe(57);
    expect(fullYearsBetween('2000-02-29', '2057-02-28')).toBe(57);
    expect(fullMonthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(fullMonthsBetween('2024-01-31', '2024-02-28')).toBe(0);
    expect(fullMonthsBetween('2024-05-01', '2024-04-01')).toBe(0);
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
  });

  it('recognises existing dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('1/2/2023')).toBe(false);
    expect(isIsoDate(20230101)).toBe(false);
  });

  it('addDays and diffDays are inverse, and order follows the strings', () => {
    fc.assert(fc.property(isoDateArb(), fc.integer({ min: -5000, max: 5000 }), (d, n) => {
      const e = addDays(d, n);
      expect(isIsoDate(e)).toBe(true);
      expect(diffDays(e, d)).toBe(n);
      expect(compareDates(e, d)).toBe(Math.sign(n));
    }), { seed: SEED, numRuns: 300 });
  });

  it('adding months never overshoots and fullMonthsBetween undoes it', () => {
    fc.assert(fc.property(isoDateArb(), fc.integer({ min: 0, max: 400 }), (d, n) => {
      const e = addMonths(d, n);
      expect(isIsoDate(e)).toBe(true);
      expect(Number(e.slice(8))).toBeLessThanOrEqual(Number(d.slice(8)));
      expect(fullMonthsBetween(d, e)).toBe(n);
    }), { seed: SEED, numRuns: 300 });
  });
});
