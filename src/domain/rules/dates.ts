// Calendar-date arithmetic on 'YYYY-MM-DD' strings, computed in UTC so a rule gives the same
// answer on every device whatever its time zone or DST. Dates are days, never instants; month
// arithmetic clamps to the month's last day, like the national service (dateutil relativedelta).

/** A calendar date written 'YYYY-MM-DD'. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(d: IsoDate): [number, number, number] {
  const m = ISO_RE.exec(d);
  if (!m) throw new RangeError(`date invalide : « ${d} » (AAAA-MM-JJ attendu)`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function format(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** True for an existing calendar date such as '2024-02-29' (and false for '2023-02-29'). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(d: IsoDate): number {
  const [y, m, day] = parts(d);
  return Math.round(Date.UTC(y, m - 1, day) / MS_PER_DAY);
}

export function fromDayNumber(n: number): IsoDate {
  const dt = new Date(n * MS_PER_DAY);
  return format(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** The year of a date: yearOf('2026-04-06') = 2026. */
export function yearOf(d: IsoDate): number {
  return parts(d)[0];
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(d: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + days);
}

/** a − b in days: diffDays('2024-03-01', '2024-02-28') = 2. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** Number of calendar days from start to end, both included (0 when end is before start). */
export function inclusiveDays(start: IsoDate, end: IsoDate): number {
  return Math.max(0, diffDays(end, start) + 1);
}

/** Months added with the day clamped: 2024-01-31 + 1 month = 2024-02-29. */
export function addMonths(d: IsoDate, months: number): IsoDate {
  const [y, m, day] = parts(d);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return format(ny, nm, Math.min(day, daysInMonth(ny, nm)));
}

export function addYears(d: IsoDate, years: number): IsoDate {
  return addMonths(d, years * 12);
}

/** -1, 0 or 1; ISO strings of the same shape compare like their dates. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Whole months elapsed from `from` to `to` (0 if `to` is earlier). */
export function fullMonthsBetween(from: IsoDate, to: IsoDate): number {
  if (to < from) return 0;
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  let months = (ty - fy) * 12 + (tm - fm);
  if (addMonths(from, months) > to) months -= 1;
  return months;
}

/** Age in whole years on a date (a person born on 29 February has a birthday on 28 February). */
export function fullYearsBetween(from: IsoDate, to: IsoDate): number {
  return Math.floor(fullMonthsBetween(from, to) / 12);
}

/** The local calendar date of an instant, for callers that hold a Date (the rules take strings). */
export function localIsoDate(instant: Date): IsoDate {
  return format(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
}
