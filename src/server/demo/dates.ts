// Calendar arithmetic for the demo builders: dates as whole days since 1970-01-01 (UTC) so that
// generating two years of history is integer maths, plus the French public holidays (no work).
export type Day = number;

const MS_PER_DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDay(s: string): Day {
  const m = DATE_RE.exec(s);
  if (!m) throw new Error(`date invalide « ${s} » (AAAA-MM-JJ attendu)`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / MS_PER_DAY;
  if (formatDay(day) !== s) throw new Error(`date inexistante « ${s} »`);
  return day;
}

const formatCache = new Map<Day, string>();
export function formatDay(d: Day): string {
  let s = formatCache.get(d);
  if (s === undefined) {
    s = new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
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

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(d: Day): number {
  return (((d + 3) % 7) + 7) % 7;
}

export function mondayOf(d: Day): Day {
  return d - weekday(d);
}

function ymd(d: Day): { y: number; m: number; day: number } {
  const date = new Date(d * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth(), day: date.getUTCDate() };
}

export function yearOf(d: Day): number {
  return ymd(d).y;
}

export function monthStartOf(d: Day): Day {
  const { y, m } = ymd(d);
  return Date.UTC(y, m, 1) / MS_PER_DAY;
}

/** Same day of month n months later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(d: Day, n: number): Day {
  const { y, m, day } = ymd(d);
  const lastDay = new Date(Date.UTC(y, m + n + 1, 0)).getUTCDate();
  return Date.UTC(y, m + n, Math.min(day, lastDay)) / MS_PER_DAY;
}

/** `2026-11` */
export function monthKey(d: Day): string {
  return formatDay(d).slice(0, 7);
}

/** Easter Sunday (anonymous Gregorian algorithm). */
function easter(y: number): Day {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(y, month - 1, day) / MS_PER_DAY;
}

const holidayCache = new Map<number, ReadonlySet<Day>>();
function holidays(y: number): ReadonlySet<Day> {
  let set = holidayCache.get(y);
  if (!set) {
    const fixed: Array<[number, number]> = [[0, 1], [4, 1], [4, 8], [6, 14], [7, 15], [10, 1], [10, 11], [11, 25]];
    const e = easter(y);
    set = new Set<Day>([...fixed.map(([m, d]) => Date.UTC(y, m, d) / MS_PER_DAY), e + 1, e + 39, e + 50]);
    holidayCache.set(y, set);
  }
  return set;
}

export function isPublicHoliday(d: Day): boolean {
  return holidays(yearOf(d)).has(d);
}

/** Monday to Friday and not a public holiday (France métropolitaine). */
export function isWorkingDay(d: Day): boolean {
  return weekday(d) < 5 && !isPublicHoliday(d);
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
