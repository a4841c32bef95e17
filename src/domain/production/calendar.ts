// Weeks and months of the planning on 'YYYY-MM-DD' strings (UTC arithmetic from rules/dates):
// a planning week is Monday to Friday, a month is 'YYYY-MM'.
import { addDays, toDayNumber, type IsoDate } from '../rules/dates';
import { isPublicHoliday } from '../rules/holidays';

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(d: IsoDate): number {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  return (((toDayNumber(d) + 3) % 7) + 7) % 7;
}

export function mondayOf(d: IsoDate): IsoDate {
  return addDays(d, -weekdayOf(d));
}

/** Monday to Friday of the week that holds `d`. */
export function workWeek(d: IsoDate): IsoDate[] {
  const monday = mondayOf(d);
  return [0, 1, 2, 3, 4].map((i) => addDays(monday, i));
}

export function isWorkday(d: IsoDate): boolean {
  return weekdayOf(d) < 5;
}

/**
 * Monday to Friday and not a French public holiday: a day work can be planned (the demo's
 * generator uses it). `isWorkday` stays Monday to Friday only: the screens count every weekday
 * with it (the week grid, the hours a contract expects in a month).
 */
export function isWorkingDay(d: IsoDate): boolean {
  return isWorkday(d) && !isPublicHoliday(d);
}

export function monthOf(d: IsoDate): string {
  return d.slice(0, 7);
}

/** Every date of a month 'YYYY-MM'. */
export function daysOfMonth(month: string): IsoDate[] {
  const first = `${month}-01`;
  const out: IsoDate[] = [];
  for (let d = first; d.startsWith(month); d = addDays(d, 1)) out.push(d);
  return out;
}

/** Monday-to-Friday days from `from` to `to`, both included (0 when `to` is earlier). */
export function workdaysBetween(from: IsoDate, to: IsoDate): number {
  if (to < from) return 0;
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkday(d)) n++;
  return n;
}

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
