// Shared fast-check generators for the rules' property tests: calendar dates over a range that
// crosses several leap years, and date ranges built from them.
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber, type IsoDate } from '../../../src/domain/rules/dates';

export const SEED = 42;

export const isoDateArb = (min = '2000-01-01', max = '2040-12-31'): fc.Arbitrary<IsoDate> =>
  fc.integer({ min: toDayNumber(min), max: toDayNumber(max) }).map(fromDayNumber);

/** A range [start, start + length] in days. */
export const rangeArb = (maxLength = 400, min?: string, max?: string): fc.Arbitrary<{ start: IsoDate; end: IsoDate }> =>
  fc.tuple(isoDateArb(min, max), fc.integer({ min: 0, max: maxLength })).map(([start, n]) => ({ start, end: addDays(start, n) }));
