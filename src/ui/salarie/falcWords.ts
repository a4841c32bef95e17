// The app's words for the salarié, in FALC (facile à lire et à comprendre): short sentences, one
// idea each, common words, no abbreviation. Kept apart so every block says a level, an hour or a
// date the same way, on screen and read aloud.
import type { CompetenceLevel } from '../../domain/rules/matrix';
import { longDate } from '../shell/format';

/** Very short words for each level, first person. */
export const FALC_LEVEL_WORDS: Readonly<Record<CompetenceLevel, string>> = {
  0: 'Pas encore fait',
  1: 'Je découvre',
  2: 'Je fais avec de l’aide',
  3: 'Je fais seul',
  4: 'Je peux montrer aux autres',
};

/** « 8 h 30 » → « 8 heures 30 »; « 12:00 » → « 12 heures ». */
export function clockWords(time: string | undefined): string {
  if (time === undefined) return '';
  const [h, m] = time.split(':');
  const hour = Number(h);
  const minutes = Number(m ?? 0);
  return `${hour} heure${hour > 1 ? 's' : ''}${minutes > 0 ? ` ${minutes}` : ''}`;
}

/** 7.5 → « 7 heures 30 minutes »; 1 → « 1 heure »; 0 → « 0 heure ». */
export function hoursWords(hours: number): string {
  const total = Math.round(hours * 60);
  const h = Math.floor(total / 60);
  const m = total % 60;
  const head = `${h} heure${h > 1 ? 's' : ''}`;
  return m === 0 ? head : `${head} ${m} minute${m > 1 ? 's' : ''}`;
}

/** « lundi 30 novembre 2026 ». */
export function dayWords(iso: string): string {
  return longDate(iso);
}

/** « 243 jours », « 1 jour ». */
export function daysWords(n: number): string {
  return `${n} jour${n > 1 ? 's' : ''}`;
}

/** About how many months, for a long count of days (« environ 8 mois »); empty under a month. */
export function aboutMonths(days: number): string {
  const months = Math.round(days / 30.4);
  return months < 1 ? '' : `environ ${months} mois`;
}
