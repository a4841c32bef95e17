// French dates and times for every screen (date-fns with the fr locale). Days (`yyyy-MM-dd`)
// are written by formatDay.ts, the same words without date-fns' cost per call.
import { format, formatDistanceToNowStrict } from 'date-fns';
import { fr } from 'date-fns/locale';
import { longDay, shortDay } from './formatDay';

/** « samedi 5 décembre 2026 ». */
export function longDate(iso: string): string {
  return longDay(iso);
}

/** « 5 déc. 2026 ». */
export function shortDate(iso: string): string {
  return shortDay(iso);
}

export function timeOf(ms: number): string {
  return format(ms, 'HH:mm', { locale: fr });
}

export function sinceNow(ms: number): string {
  return formatDistanceToNowStrict(ms, { locale: fr, addSuffix: true, roundingMethod: 'floor' });
}

export function isoDay(d: Date): string {
  return format(d, 'yyyy-MM-dd');
}
