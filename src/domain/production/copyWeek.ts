// « Copier la semaine précédente »: the same slots seven days later, and the same people on them
// unless they cannot be planned that day (absence, PMSMP, contract ended…), who are listed with
// the reason instead. Pure: the screen gives ids and writes.
import { addDays, type IsoDate } from '../rules/dates';
import type { Check } from './check';

export interface WeekSlot { id: string; date: IsoDate; chantierId?: string | null; startTime?: string | null; endTime?: string | null; label?: string | null }
export interface WeekAssignment { id: string; salarieId: string; slotId: string; task: string; [field: string]: unknown }

export interface CopyPlan {
  slots: { from: WeekSlot; date: IsoDate }[];
  /** Assignments to create, pointing at the index of their new slot in `slots`. */
  assignments: { from: WeekAssignment; slotIndex: number }[];
  skipped: { from: WeekAssignment; date: IsoDate; reasons: Check[] }[];
}

/**
 * Copy `slots` (the previous week's) 7 days later, leaving out slots already present in the
 * target week (same date, chantier and start time) so a second tap does not double the week.
 */
export function planCopyWeek(
  slots: readonly WeekSlot[],
  assignments: readonly WeekAssignment[],
  existingTarget: readonly WeekSlot[],
  blockers: (salarieId: string, date: IsoDate) => Check[],
): CopyPlan {
  const key = (s: { date: IsoDate; chantierId?: string | null; startTime?: string | null }) => `${s.date}|${s.chantierId ?? ''}|${s.startTime ?? ''}`;
  const existing = new Set(existingTarget.map(key));
  const plan: CopyPlan = { slots: [], assignments: [], skipped: [] };
  for (const s of [...slots].sort((a, b) => a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? ''))) {
    const date = addDays(s.date, 7);
    if (existing.has(key({ ...s, date }))) continue;
    const slotIndex = plan.slots.push({ from: s, date }) - 1;
    for (const a of assignments) {
      if (a.slotId !== s.id) continue;
      const reasons = blockers(a.salarieId, date).filter((c) => c.severity === 'refus');
      if (reasons.length > 0) plan.skipped.push({ from: a, date, reasons });
      else plan.assignments.push({ from: a, slotIndex });
    }
  }
  return plan;
}
