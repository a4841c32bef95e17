// French public holidays: the movable days checked against published calendars for several years,
// the fixed days, the odd year when Ascension falls on 1 May, and properties of the computus over
// centuries; plus the working-day test the demo plans with (holidays off, isWorkday unchanged).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isWorkday, isWorkingDay, weekdayOf } from '../../../src/domain/production/calendar';
import { addDays, diffDays, yearOf } from '../../../src/domain/rules/dates';
import {
  easterSunday, isPublicHoliday, publicHolidayLabel, publicHolidaysOf, publicHolidaysWithLabels,
} from '../../../src/domain/rules/holidays';
import { isoDateArb, SEED } from './arbitraries';

const FIXED = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];

describe('public holidays', () => {
  it.each([
    // year, Easter Sunday, Easter Monday, Ascension, Whit Monday (calendrier officiel)
    [2000, '2000-04-23', '2000-04-24', '2000-06-01', '2000-06-12'],
    [2019, '2019-04-21', '2019-04-22', '2019-05-30', '2019-06-10'],
    [2024, '2024-03-31', '2024-04-01', '2024-05-09', '2024-05-20'],
    [2025, '2025-04-20', '2025-04-21', '2025-05-29', '2025-06-09'],
    [2026, '2026-04-05', '2026-04-06', '2026-05-14', '2026-05-25'],
    [2027, '2027-03-28', '2027-03-29', '2027-05-06', '2027-05-17'],
    [2028, '2028-04-16', '2028-04-17', '2028-05-25', '2028-06-05'],
    [2038, '2038-04-25', '2038-04-26', '2038-06-03', '2038-06-14'],
  ])('%i : Pâques le %s, lundi de Pâques %s, Ascension %s, lundi de Pentecôte %s', (year, easter, monday, ascension, whitMonday) => {
    expect(easterSunday(year)).toBe(easter);
    expect(publicHolidayLabel(monday)).toBe('Lundi de Pâques');
    expect(publicHolidayLabel(ascension)).toBe('Ascension');
    expect(publicHolidayLabel(whitMonday)).toBe('Lundi de Pentecôte');
    expect(isPublicHoliday(easter)).toBe(false); // a Sunday, not a day off of its own
    expect(publicHolidaysOf(year)).toEqual(expect.arrayContaining([monday, ascension, whitMonday, ...FIXED.map((md) => `${year}-${md}`)]));
    expect(publicHolidaysOf(year)).toHaveLength(11);
  });

  it('names the eleven days of 2026 in date order', () => {
    expect(publicHolidaysWithLabels(2026)).toEqual([
      { date: '2026-01-01', label: 'Jour de l’an' },
      { date: '2026-04-06', label: 'Lundi de Pâques' },
      { date: '2026-05-01', label: 'Fête du Travail' },
      { date: '2026-05-08', label: 'Victoire 1945' },
      { date: '2026-05-14', label: 'Ascension' },
      { date: '2026-05-25', label: 'Lundi de Pentecôte' },
      { date: '2026-07-14', label: 'Fête nationale' },
      { date: '2026-08-15', label: 'Assomption' },
      { date: '2026-11-01', label: 'Toussaint' },
      { date: '2026-11-11', label: 'Armistice 1918' },
      { date: '2026-12-25', label: 'Noël' },
    ]);
  });

  it('keeps one day with both names when Ascension falls on 1 May (2008)', () => {
    expect(publicHolidaysOf(2008)).toHaveLength(10);
    expect(publicHolidayLabel('2008-05-01')).toBe('Fête du Travail et Ascension');
    expect(publicHolidayLabel('2008-03-24')).toBe('Lundi de Pâques');
  });

  it('says no for ordinary days and Alsace-Moselle only days', () => {
    for (const d of ['2026-04-03', '2026-12-26', '2026-11-12', '2026-05-02', '2026-04-05']) expect(isPublicHoliday(d), d).toBe(false);
    expect(publicHolidayLabel('2026-11-12')).toBeUndefined();
  });

  it('refuses malformed dates and years the Gregorian computus does not cover', () => {
    expect(() => isPublicHoliday('2026-4-6')).toThrow(RangeError);
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => publicHolidaysOf(2026.5)).toThrow(RangeError);
  });

  it('puts Easter between 22 March and 25 April, its Mondays on Mondays and Ascension on the Thursday 39 days later', () => {
    fc.assert(fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
      const easter = easterSunday(year);
      expect(weekdayOf(easter)).toBe(6);
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      const byLabel = new Map(publicHolidaysWithLabels(year).flatMap(({ date, label }) => label.split(' et ').map((l) => [l, date] as const)));
      const monday = byLabel.get('Lundi de Pâques') ?? '';
      const ascension = byLabel.get('Ascension') ?? '';
      const whitMonday = byLabel.get('Lundi de Pentecôte') ?? '';
      expect(weekdayOf(monday)).toBe(0);
      expect(weekdayOf(whitMonday)).toBe(0);
      expect(weekdayOf(ascension)).toBe(3);
      expect(diffDays(monday, easter)).toBe(1);
      expect(diffDays(ascension, easter)).toBe(39);
      expect(diffDays(whitMonday, easter)).toBe(50);
    }), { seed: SEED, numRuns: 500 });
  });

  it('lists each year in order, inside the year, the eight fixed days always there', () => {
    fc.assert(fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
      const days = publicHolidaysOf(year);
      expect([...days].sort()).toEqual(days);
      expect(new Set(days).size).toBe(days.length);
      expect(days.every((d) => yearOf(d) === year)).toBe(true);
      for (const md of FIXED) expect(days).toContain(`${String(year).padStart(4, '0')}-${md}`);
      const ascension = addDays(easterSunday(year), 39);
      const shared = ascension.endsWith('-05-01') || ascension.endsWith('-05-08');
      expect(days).toHaveLength(shared ? 10 : 11);
    }), { seed: SEED, numRuns: 300 });
  });

  it('answers isPublicHoliday for a date as the list of its year does', () => {
    fc.assert(fc.property(isoDateArb(), (d) => {
      expect(isPublicHoliday(d)).toBe(publicHolidaysOf(yearOf(d)).includes(d));
    }), { seed: SEED, numRuns: 500 });
  });
});

describe('working days', () => {
  it('are weekdays that are not public holidays; isWorkday still counts holidays as weekdays', () => {
    expect(isWorkingDay('2026-11-11')).toBe(false);
    expect(isWorkday('2026-11-11')).toBe(true);
    expect(isWorkingDay('2026-11-12')).toBe(true);
    expect(isWorkingDay('2026-11-21')).toBe(false);
    expect(isWorkingDay('2026-04-06')).toBe(false);
  });

  it('number 252 in 2026: 261 weekdays, 9 holidays on a weekday', () => {
    let weekdays = 0;
    let working = 0;
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      if (isWorkday(d)) weekdays++;
      if (isWorkingDay(d)) working++;
    }
    expect(weekdays).toBe(261);
    expect(working).toBe(252);
  });
});
