// How many hours a planning slot and an assignment on it stand for: the assignment's own hours
// when the ETI gave some, else the slot's length. The week's totals, the relevé's « prévu » and
// « journée conforme » all count with these.
export interface SlotTimes { startTime?: string | null; endTime?: string | null }

/** The slot's length in hours (« 08:00 »–« 12:00 »: 4); 0 without both times. */
export function slotHours(slot: SlotTimes | undefined): number {
  const a = slot?.startTime ?? '';
  const b = slot?.endTime ?? '';
  if (a === '' || b === '') return 0;
  const mins = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return Math.max(0, (mins(b) - mins(a)) / 60);
}

/** The hours of an assignment on `slot`. */
export function assignmentHours(a: { hours?: number | null }, slot: SlotTimes | undefined): number {
  return a.hours ?? slotHours(slot);
}
