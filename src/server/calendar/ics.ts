// Events to an RFC 5545 calendar with the `ics` package. Times are the slot's Paris wall clock
// turned into UTC instants (written with `Z`), so a phone anywhere shows the right hour on both
// sides of a DST change. A slot without both times, or whose end is not after its start, is an
// all-day event on its date.
import { createEvents, type EventAttributes } from 'ics';
import type { CalendarEvent } from './planning';
import { addDays, wallClockToUtc } from './parisTime';

const PRODUCT_ID = '-//Tremplin//Agenda//FR';

function dayArray(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

function toAttributes(e: CalendarEvent, timeZone: string): EventAttributes {
  const text = {
    uid: `${e.uid}@tremplin`,
    title: e.title,
    ...(e.location !== undefined ? { location: e.location } : {}),
    ...(e.description !== undefined ? { description: e.description } : {}),
  };
  if (e.startTime !== undefined && e.endTime !== undefined) {
    const start = wallClockToUtc(e.date, e.startTime, timeZone);
    const end = wallClockToUtc(e.date, e.endTime, timeZone);
    if (end > start) {
      return { ...text, start, startInputType: 'utc', startOutputType: 'utc', end, endInputType: 'utc', endOutputType: 'utc' };
    }
  }
  return { ...text, start: dayArray(e.date), end: dayArray(addDays(e.date, 1)) };
}

/** The calendar text; throws when the package refuses an event (a 500, never a partial feed). */
export function toIcs(events: readonly CalendarEvent[], calName: string, timeZone: string): string {
  const { error, value } = createEvents(events.map((e) => toAttributes(e, timeZone)), { productId: PRODUCT_ID, calName });
  if (error || value === null) throw new Error(`calendrier illisible : ${error?.name ?? 'inconnu'}`);
  return value;
}
