// The reads of the coordination's home: the inbox of livret entries not yet read. One getAll of
// each table (entries, reviews, salariés), issued together; the inbox is small enough to sort
// here, and its salariés come as a map so each card finds its name without another read.
import type { DeviceDb } from '../db';
import type { LogEntryRow } from './livret';
import { allOf } from './tables';
import { reviewsByEntry, type SalarieRow } from './teams';

export interface Inbox {
  /** Unread entries: alerts first, then the most recent first. */
  entries: LogEntryRow[];
  /** Every salarié on the device, by id (for the name on each card). */
  salaries: Map<string, SalarieRow>;
}

/** The livret entries no one in the coordination has reviewed yet. */
export async function inbox(db: DeviceDb): Promise<Inbox> {
  const [entries, reviews, salaries] = await Promise.all([allOf(db, 'logEntry'), reviewsByEntry(db), allOf(db, 'salarie')]);
  const unread = entries
    .filter((e) => !reviews.has(e.id))
    .sort((a, b) => Number(b.alert) - Number(a.alert) || b.date.localeCompare(a.date));
  return { entries: unread, salaries: new Map(salaries.map((s) => [s.id, s])) };
}

export function coordinationQueries(db: DeviceDb) {
  return {
    inbox: () => inbox(db),
  };
}
