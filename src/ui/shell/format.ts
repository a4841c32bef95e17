// French dates and times for every screen (date-fns with the fr locale).
import { format, formatDistanceToNowStrict, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';

export function longDate(iso: string): string {
  return format(parseISO(iso), 'EEEE d MMMM yyyy', { locale: fr });
}

export function shortDate(iso: string): string {
  return format(parseISO(iso), 'd MMM yyyy', { locale: fr });
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
