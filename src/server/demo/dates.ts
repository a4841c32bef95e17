// The demo builders' calendar. A date is a `Day`: whole days since 1970-01-01 (UTC), the domain's
// day number (`toDayNumber`). It stays an integer because the history generator walks every day
// of two years for every salarié (about 50,000 records): the next day is d + 1, and comparing or
// subtracting dates is plain arithmetic. The calendar rules themselves — public holidays, working
// days, weekdays, Mondays, month arithmetic — are the domain's (rules/dates, rules/holidays,
// production/calendar), called on the day's ISO string, so the demo and the screens agree; what
// the hot loops ask for each day is kept per day so the round trip through strings is paid once.
import { isWorkingDay as isWorkingIsoDay, mondayOf as mondayOfIso, monthOf, weekdayOf } from '../../domain/production/calendar';
import { addMonths as addIsoMonths, fromDayNumber, isIsoDate, toDayNumber, yearOf as yearOfIso, type IsoDate } from '../../domain/rules/dates';
import { isPublicHoliday as isPublicIsoHoliday } from '../../domain/rules/holidays';

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function parseDay(s: string): Day {
  if (!isIsoDate(s)) throw new Error(`date invalide ou inexistante « ${s} » (AAAA-MM-JJ attendu)`);
  return toDayNumber(s);
}

const formatCache = new Map<Day, IsoDate>();
export function formatDay(d: Day): IsoDate {
  let s = formatCache.get(d);
  if (s === undefined) {
    s = fromDayNumber(d);
    formatCache.set(d, s);
  }
  return s;
}

export function dayToMs(d: Day): number {
  return d * MS_PER_DAY;
}

/** An ISO timestamp on that day, at hh:mm UTC. */
export function isoAt(d: Day, hh: number, mm = 0): string {
  return new Date(d * MS_PER_DAY + (hh * 60 + mm) * 60_000).toISOString();
}

/** A per-day memo of a domain rule: the loops ask the same few hundred days again and again. */
function perDay<T>(rule: (d: IsoDate) => T): (d: Day) => T {
  const cache = new Map<Day, T>();
  return (d) => {
    let v = cache.get(d);
    if (v === undefined) {
      v = rule(formatDay(d));
      cache.set(d, v);
    }
    return v;
  };
}

/** 0 = Monday … 6 = Sunday. */
export const weekday: (d: Day) => number = perDay(weekdayOf);

/** Monday to Friday and not a public holiday (France métropolitaine). */
export const isWorkingDay: (d: Day) => boolean = perDay(isWorkingIsoDay);

export function isPublicHoliday(d: Day): boolean {
  return isPublicIsoHoliday(formatDay(d));
}

export function mondayOf(d: Day): Day {
  return toDayNumber(mondayOfIso(formatDay(d)));
}

export function yearOf(d: Day): number {
  return yearOfIso(formatDay(d));
}

export function monthStartOf(d: Day): Day {
  return toDayNumber(`${monthOf(formatDay(d))}-01`);
}

/** Same day of month n months later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(d: Day, n: number): Day {
  return toDayNumber(addIsoMonths(formatDay(d), n));
}

/** `2026-11` */
export function monthKey(d: Day): string {
  return monthOf(formatDay(d));
}

/** The working day on or before d. */
export function workingDayOnOrBefore(d: Day): Day {
  let x = d;
  while (!isWorkingDay(x)) x--;
  return x;
}

/** The working day on or after d. */
export function workingDayOnOrAfter(d: Day): Day {
  let x = d;
  while (!isWorkingDay(x)) x++;
  return x;
}
