// Hours worked and absent per salarié, per week or month, from the relevé d'heures. Sums are
// kept in hundredths of an hour (integers), so totals are exact and additive whatever the order
// — the payroll figure must not depend on how the days were added up.
import { ABSENCE_TYPES } from '../entityConstants';
import type { IsoDate } from '../rules/dates';
import { contractOn, type AbsenceType, type ContractFacts } from './planning';
import { check, type Check } from './check';
import { daysOfMonth, isWorkday, monthOf, mondayOf } from './calendar';

export interface TimeEntryFacts {
  salarieId: string;
  date: IsoDate;
  hours: number;
  absence?: AbsenceType | null;
  absenceHours?: number | null;
  lateMinutes?: number | null;
}

/** All in hundredths of an hour, minutes for lateness. */
export interface Totals {
  worked: number;
  absence: Record<AbsenceType, number>;
  lateMinutes: number;
  /** Days with hours worked. */
  daysWorked: number;
  entries: number;
}

export function emptyTotals(): Totals {
  return { worked: 0, absence: Object.fromEntries(ABSENCE_TYPES.map((t) => [t, 0])) as Record<AbsenceType, number>, lateMinutes: 0, daysWorked: 0, entries: 0 };
}

export const toCenti = (hours: number): number => Math.round((Number.isFinite(hours) ? hours : 0) * 100);
export const fromCenti = (c: number): number => c / 100;

export function addEntry(t: Totals, e: TimeEntryFacts): Totals {
  const worked = toCenti(e.hours);
  t.worked += worked;
  if (e.absence != null) t.absence[e.absence] += toCenti(e.absenceHours ?? 0);
  t.lateMinutes += Math.round(e.lateMinutes ?? 0);
  if (worked > 0) t.daysWorked += 1;
  t.entries += 1;
  return t;
}

export function sumTotals(a: Totals, b: Totals): Totals {
  const out = emptyTotals();
  out.worked = a.worked + b.worked;
  for (const k of ABSENCE_TYPES) out.absence[k] = a.absence[k] + b.absence[k];
  out.lateMinutes = a.lateMinutes + b.lateMinutes;
  out.daysWorked = a.daysWorked + b.daysWorked;
  out.entries = a.entries + b.entries;
  return out;
}

export function totalsOf(entries: readonly TimeEntryFacts[]): Totals {
  return entries.reduce(addEntry, emptyTotals());
}

export function absenceTotal(t: Totals): number {
  return ABSENCE_TYPES.reduce((s, k) => s + t.absence[k], 0);
}

/** Totals per salarié for the entries matching `keep` (a week, a month). */
export function totalsBySalarie(entries: readonly TimeEntryFacts[], keep: (e: TimeEntryFacts) => boolean = () => true): Map<string, Totals> {
  const out = new Map<string, Totals>();
  for (const e of entries) {
    if (!keep(e)) continue;
    let t = out.get(e.salarieId);
    if (t === undefined) { t = emptyTotals(); out.set(e.salarieId, t); }
    addEntry(t, e);
  }
  return out;
}

export function monthTotals(entries: readonly TimeEntryFacts[], month: string): Map<string, Totals> {
  return totalsBySalarie(entries, (e) => monthOf(e.date) === month);
}

export function weekTotals(entries: readonly TimeEntryFacts[], anyDayOfWeek: IsoDate): Map<string, Totals> {
  const monday = mondayOf(anyDayOfWeek);
  return totalsBySalarie(entries, (e) => mondayOf(e.date) === monday);
}

/**
 * Hours the contract expects over a month, in hundredths: weekly hours spread over the five
 * working days, for the working days the contract covers.
 */
export function expectedMonthCenti(contracts: readonly ContractFacts[], month: string): number {
  let total = 0;
  for (const d of daysOfMonth(month)) {
    if (!isWorkday(d)) continue;
    const c = contractOn({ salarieId: '', contracts }, d);
    if (c) total += toCenti(c.weeklyHours) / 5;
  }
  return Math.round(total);
}

const fmt = (centi: number): string => `${String(fromCenti(centi)).replace('.', ',')} h`;

/** Worked plus absences against what the contract expects (week: weekly hours; month: spread). */
export function totalsChecks(t: Totals, expectedCenti: number): Check[] {
  if (expectedCenti <= 0) return [];
  const accounted = t.worked + absenceTotal(t);
  if (t.worked > expectedCenti) return [check('heures_au_dessus', 'alerte', `${fmt(t.worked)} travaillées pour ${fmt(expectedCenti)} prévues au contrat.`)];
  if (accounted < expectedCenti) return [check('heures_manquantes', 'info', `${fmt(expectedCenti - accounted)} non saisies ou non travaillées sur ${fmt(expectedCenti)} prévues.`)];
  return [];
}
