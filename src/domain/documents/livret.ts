// Which livret entries a printed livret de suivi holds: those of the period that its audience
// may read (period.ts), oldest first — a printed livret reads as a story, where the screen shows
// the latest first.
import type { IsoDate } from '../rules/dates';
import { inPeriod, visibleTo, type Audience, type Period } from './period';

export interface EntryLike {
  id: string;
  date: IsoDate;
  visibility: string;
}

/** Oldest first; the same day in the order written (ids are time-ordered). */
function chronological(a: EntryLike, b: EntryLike): number {
  return a.date.localeCompare(b.date) || a.id.localeCompare(b.id);
}

export function printableEntries<E extends EntryLike>(entries: readonly E[], audience: Audience, period: Period): E[] {
  return entries.filter((e) => inPeriod(e.date, period) && visibleTo(audience, e.visibility)).sort(chronological);
}
