// The demo's integer-day calendar: conversions, and the calendar rules it takes from the domain
// (the same holidays and working days as the screens).
import { describe, it, expect } from 'vitest';
import { isWorkingDay as isWorkingIsoDay, weekdayOf } from '../../../src/domain/production/calendar';
import { isPublicHoliday as isPublicIsoHoliday } from '../../../src/domain/rules/holidays';
import {
  addMonths, formatDay, isPublicHoliday, isWorkingDay, monthKey, monthStartOf, mondayOf, parseDay, weekday, workingDayOnOrAfter, workingDayOnOrBefore, yearOf,
} from '../../../src/server/demo/dates';

const d = parseDay;

describe('demo calendar', () => {
  it('reads and writes ISO dates, and refuses dates that do not exist', () => {
    expect(formatDay(d('2026-11-22'))).toBe('2026-11-22');
    expect(() => d('2026-02-29')).toThrow();
    expect(formatDay(d('2028-02-29'))).toBe('2028-02-29');
  });

  it('knows the weekday and the Monday of a week', () => {
    expect(weekday(d('2026-11-22'))).toBe(6);
    expect(formatDay(mondayOf(d('2026-11-22')))).toBe('2026-11-16');
    expect(formatDay(mondayOf(d('2026-11-16')))).toBe('2026-11-16');
  });

  it('adds months and keeps to the end of shorter months', () => {
    expect(formatDay(addMonths(d('2026-01-31'), 1))).toBe('2026-02-28');
    expect(formatDay(addMonths(d('2026-08-21'), 6))).toBe('2027-02-21');
    expect(formatDay(addMonths(d('2026-03-31'), -1))).toBe('2026-02-28');
    expect(formatDay(monthStartOf(d('2026-11-22')))).toBe('2026-11-01');
    expect(monthKey(d('2026-11-22'))).toBe('2026-11');
    expect(yearOf(d('2026-12-31'))).toBe(2026);
  });

  it('does not work on French public holidays, movable ones included', () => {
    for (const h of ['2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25', '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25', '2027-03-29']) {
      expect(isPublicHoliday(d(h)), h).toBe(true);
    }
    expect(isWorkingDay(d('2026-11-11'))).toBe(false);
    expect(isWorkingDay(d('2026-11-12'))).toBe(true);
    expect(isWorkingDay(d('2026-11-21'))).toBe(false);
  });

  it('skips holidays and weekends to the nearest working day', () => {
    expect(formatDay(workingDayOnOrAfter(d('2026-05-23')))).toBe('2026-05-26'); // Saturday, Sunday, Whit Monday
    expect(formatDay(workingDayOnOrBefore(d('2026-04-06')))).toBe('2026-04-03'); // Easter Monday
  });

  it('agrees day by day with the domain calendar the screens use', () => {
    for (let day = d('2024-01-01'); day <= d('2030-12-31'); day++) {
      const iso = formatDay(day);
      expect(isPublicHoliday(day), iso).toBe(isPublicIsoHoliday(iso));
      expect(isWorkingDay(day), iso).toBe(isWorkingIsoDay(iso));
      expect(weekday(day), iso).toBe(weekdayOf(iso));
    }
  });
});
