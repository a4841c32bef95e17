// French public holidays (jours fériés, Code du travail L3133-1) on 'YYYY-MM-DD' dates: the eight
// fixed days and the three that follow Easter. One rule for the screens and the server (the demo
// plans no work on them), so a day off is the same day everywhere. France métropolitaine: the two
// extra days of Alsace-Moselle (Vendredi saint, 26 décembre) are not included.
import { addDays, yearOf, type IsoDate } from './dates';

export interface PublicHoliday {
  date: IsoDate;
  /** The name French people use, e.g. « Lundi de Pâques ». */
  label: string;
}

/** Month-day and label of the holidays that fall on the same date every year. */
const FIXED: ReadonlyArray<readonly [string, string]> = [
  ['01-01', 'Jour de l’an'],
  ['05-01', 'Fête du Travail'],
  ['05-08', 'Victoire 1945'],
  ['07-14', 'Fête nationale'],
  ['08-15', 'Assomption'],
  ['11-01', 'Toussaint'],
  ['11-11', 'Armistice 1918'],
  ['12-25', 'Noël'],
];

/** Days after Easter Sunday and label of the movable holidays. */
const AFTER_EASTER: ReadonlyArray<readonly [number, string]> = [
  [1, 'Lundi de Pâques'],
  [39, 'Ascension'],
  [50, 'Lundi de Pentecôte'],
];

function checkYear(year: number): void {
  // The Gregorian computus holds from 1583; four digits keep the dates in 'YYYY-MM-DD'.
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`année invalide : ${year}`);
}

/** Easter Sunday of a year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  checkYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
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
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Per year, date → label: the demo asks for every day of two years, so each year is computed once.
const byYear = new Map<number, ReadonlyMap<IsoDate, string>>();

function holidayMap(year: number): ReadonlyMap<IsoDate, string> {
  let map = byYear.get(year);
  if (!map) {
    const easter = easterSunday(year);
    const y = String(year).padStart(4, '0');
    const labels = new Map<IsoDate, string>();
    const add = (date: IsoDate, label: string): void => {
      // Ascension sometimes falls on 1 or 8 May (1 May 2008): one day off, both names.
      const other = labels.get(date);
      labels.set(date, other === undefined ? label : `${other} et ${label}`);
    };
    for (const [md, label] of FIXED) add(`${y}-${md}`, label);
    for (const [days, label] of AFTER_EASTER) add(addDays(easter, days), label);
    map = new Map([...labels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    byYear.set(year, map);
  }
  return map;
}

/** The year's public holidays with their names, in date order. */
export function publicHolidaysWithLabels(year: number): PublicHoliday[] {
  return [...holidayMap(year)].map(([date, label]) => ({ date, label }));
}

/** The year's public holidays, in date order: 11 days, or 10 when Ascension falls on 1 or 8 May. */
export function publicHolidaysOf(year: number): IsoDate[] {
  return [...holidayMap(year).keys()];
}

/** The holiday's name (« Lundi de Pâques »…), or undefined for an ordinary day. */
export function publicHolidayLabel(date: IsoDate): string | undefined {
  return holidayMap(yearOf(date)).get(date);
}

export function isPublicHoliday(date: IsoDate): boolean {
  return publicHolidayLabel(date) !== undefined;
}
