// Drag and drop in the week view: a cell (a salarié's day) dropped on another cell. On another
// salarié the same day: they join the dragged person's slots (« comme lui »). On another day of
// the same salarié: they go on that day's slots of the same chantiers at the same times (« même
// chose mardi »). Nobody is planned on a day they cannot work; slots they are already on are left
// alone. Pure: the screen reads the slots and writes the assignments.
import type { IsoDate } from '../rules/dates';
import { check, type Check } from './check';

export interface DropSlot { id: string; date: IsoDate; chantierId?: string | null; startTime?: string | null }
export interface DropCell { salarieId: string; date: IsoDate }

export interface DropPlan {
  /** Slot ids to put the target salarié on. */
  slotIds: string[];
  /** Why nothing (or not everything) was planned, in French. */
  checks: Check[];
}

const sameSlot = (a: DropSlot, b: DropSlot) => (a.chantierId ?? '') === (b.chantierId ?? '') && (a.startTime ?? '') === (b.startTime ?? '');

/**
 * @param fromSlots the slots the dragged salarié is on, that day
 * @param daySlots the team's slots on the target day
 * @param alreadyOn the slot ids the target salarié is already on, that day
 * @param blockers what stops the target salarié working on the target day (dayChecks)
 */
export function planDrop(from: DropCell, to: DropCell, fromSlots: readonly DropSlot[], daySlots: readonly DropSlot[], alreadyOn: ReadonlySet<string>, blockers: readonly Check[]): DropPlan {
  if (from.salarieId === to.salarieId && from.date === to.date) return { slotIds: [], checks: [] };
  if (from.salarieId !== to.salarieId && from.date !== to.date) {
    return { slotIds: [], checks: [check('drop_diagonal', 'refus', 'Déposez sur la même journée (un autre salarié) ou sur la même ligne (un autre jour).')] };
  }
  if (fromSlots.length === 0) return { slotIds: [], checks: [check('drop_empty', 'refus', 'Cette case n’a aucun créneau à reprendre.')] };
  const refus = blockers.filter((c) => c.severity === 'refus');
  if (refus.length > 0) return { slotIds: [], checks: refus };
  const targets = from.date === to.date
    ? fromSlots
    : fromSlots.map((s) => daySlots.find((d) => sameSlot(d, s))).filter((s): s is DropSlot => s !== undefined);
  const missing = from.date === to.date ? 0 : fromSlots.length - targets.length;
  const slotIds = [...new Set(targets.map((s) => s.id))].filter((id) => !alreadyOn.has(id));
  const checks: Check[] = [];
  if (missing > 0) checks.push(check('drop_no_slot', targets.length === 0 ? 'refus' : 'alerte', `${missing === 1 ? 'Un créneau n’existe' : `${missing} créneaux n’existent`} pas ce jour-là pour ce chantier : ajoutez-le d’abord.`));
  if (slotIds.length === 0 && targets.length > 0) checks.push(check('drop_already', 'info', 'Déjà sur ces créneaux.'));
  return { slotIds, checks };
}
