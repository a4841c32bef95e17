// Small reads over production data already loaded (queries.production.loadProduction, the week's
// plan): a team's slots of a day, a person's assignments, the planned hours, and the words a slot
// is shown with. Pure and cheap: the screens call them while rendering.
import { assignmentHours as hoursOn } from '../../domain/production/slotHours';
import { levelOf } from '../../domain/rules/matrix';
import type { TeamView } from '../../client/queries';
import type { AssignmentRow, ChantierRow, ProductionData, SlotRow } from '../../client/queries/production';

export { slotHours } from '../../domain/production/slotHours';

export function slotsOf(d: ProductionData, teamId: string, date: string): SlotRow[] {
  return d.slots.filter((s) => s.teamId === teamId && s.date === date)
    .sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? ''));
}

export function assignmentsIn(d: ProductionData, slotId: string): AssignmentRow[] {
  return d.assignments.filter((a) => a.slotId === slotId);
}

/** A person's assignments on a date, whatever the team, in slot order. */
export function assignmentsOn(d: ProductionData, salarieId: string, date: string): AssignmentRow[] {
  return d.assignments
    .filter((a) => a.salarieId === salarieId && d.slotById.get(a.slotId)?.date === date)
    .sort((a, b) => (d.slotById.get(a.slotId)?.startTime ?? '').localeCompare(d.slotById.get(b.slotId)?.startTime ?? ''));
}

export function assignmentHours(d: { slotById: ReadonlyMap<string, SlotRow> }, a: AssignmentRow): number {
  return hoursOn(a, d.slotById.get(a.slotId));
}

export function plannedHours(d: ProductionData, salarieId: string, date: string): number {
  return Math.round(assignmentsOn(d, salarieId, date).reduce((s, a) => s + assignmentHours(d, a), 0) * 100) / 100;
}

/** « Parc de la mairie » or the slot's own label for a workshop day. */
export function slotPlace(d: { chantierById: ReadonlyMap<string, ChantierRow> }, slot: SlotRow | undefined): string {
  const c = slot?.chantierId == null ? undefined : d.chantierById.get(slot.chantierId);
  return c ? c.name : slot?.label || 'Créneau';
}

export function slotTime(slot: SlotRow | undefined): string {
  const a = slot?.startTime ?? '';
  const b = slot?.endTime ?? '';
  return a !== '' && b !== '' ? `${a.replace(':', 'h')}–${b.replace(':', 'h')}` : '';
}

export function levelFor(d: ProductionData, salarieId: string, competenceId: string): number {
  return levelOf(d.matrix, salarieId, competenceId);
}

export function teamOf(d: ProductionData, teamId: string): TeamView | undefined {
  return d.teams.find((t) => t.team.id === teamId);
}

export function fmtHours(h: number): string {
  return `${String(Math.round(h * 100) / 100).replace('.', ',')} h`;
}
