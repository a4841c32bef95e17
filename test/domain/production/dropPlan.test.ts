// A cell dropped on another in the week view: the same day for another salarié, or another day
// for the same one; never on a day they cannot work, never twice on a slot.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planDrop, type DropSlot } from '../../../src/domain/production/dropPlan';
import { check } from '../../../src/domain/production/check';

const MON = '2026-11-16';
const TUE = '2026-11-17';
const amParc: DropSlot = { id: 'am-parc', date: MON, chantierId: 'parc', startTime: '08:00' };
const pmBerges: DropSlot = { id: 'pm-berges', date: MON, chantierId: 'berges', startTime: '13:00' };
const tueAmParc: DropSlot = { id: 'tue-am-parc', date: TUE, chantierId: 'parc', startTime: '08:00' };
const tuePmParc: DropSlot = { id: 'tue-pm-parc', date: TUE, chantierId: 'parc', startTime: '13:00' };
const sick = check('absence', 'refus', 'Absence déclarée : maladie.');

describe('planDrop', () => {
  it.each([
    { what: 'another salarié, same day: their slots', to: { salarieId: 'b', date: MON }, from: [amParc, pmBerges], day: [amParc, pmBerges], on: [], blockers: [], slotIds: ['am-parc', 'pm-berges'], codes: [] },
    { what: 'another salarié already on one of them', to: { salarieId: 'b', date: MON }, from: [amParc, pmBerges], day: [amParc, pmBerges], on: ['am-parc'], blockers: [], slotIds: ['pm-berges'], codes: [] },
    { what: 'already on all of them', to: { salarieId: 'b', date: MON }, from: [amParc], day: [amParc], on: ['am-parc'], blockers: [], slotIds: [], codes: ['drop_already'] },
    { what: 'another salarié who is off sick', to: { salarieId: 'b', date: MON }, from: [amParc], day: [amParc], on: [], blockers: [sick], slotIds: [], codes: ['absence'] },
    { what: 'same salarié, next day: the same chantier and time', to: { salarieId: 'a', date: TUE }, from: [amParc], day: [tueAmParc, tuePmParc], on: [], blockers: [], slotIds: ['tue-am-parc'], codes: [] },
    { what: 'next day lacks one slot: the others, and a warning', to: { salarieId: 'a', date: TUE }, from: [amParc, pmBerges], day: [tueAmParc], on: [], blockers: [], slotIds: ['tue-am-parc'], codes: ['drop_no_slot'] },
    { what: 'next day lacks every slot: refused', to: { salarieId: 'a', date: TUE }, from: [pmBerges], day: [tueAmParc], on: [], blockers: [], slotIds: [], codes: ['drop_no_slot'] },
    { what: 'an empty cell: nothing to take', to: { salarieId: 'b', date: MON }, from: [], day: [amParc], on: [], blockers: [], slotIds: [], codes: ['drop_empty'] },
    { what: 'another salarié on another day: refused', to: { salarieId: 'b', date: TUE }, from: [amParc], day: [tueAmParc], on: [], blockers: [], slotIds: [], codes: ['drop_diagonal'] },
    { what: 'on itself: nothing', to: { salarieId: 'a', date: MON }, from: [amParc], day: [amParc], on: [], blockers: [], slotIds: [], codes: [] },
  ])('$what', ({ to, from, day, on, blockers, slotIds, codes }) => {
    const plan = planDrop({ salarieId: 'a', date: MON }, to, from, day, new Set(on), blockers);
    expect(plan.slotIds).toEqual(slotIds);
    expect(plan.checks.map((c) => c.code)).toEqual(codes);
  });

  it('only ever plans slots of the target day that the target is not on, and nothing when blocked', () => {
    const slot = fc.record({ id: fc.constantFrom('s1', 's2', 's3', 's4'), date: fc.constantFrom(MON, TUE), chantierId: fc.constantFrom('parc', 'berges', null), startTime: fc.constantFrom('08:00', '13:00') });
    fc.assert(fc.property(
      fc.array(slot, { maxLength: 4 }), fc.array(slot, { maxLength: 4 }), fc.subarray(['s1', 's2', 's3', 's4']), fc.boolean(), fc.boolean(), fc.boolean(),
      (fromRaw, dayRaw, on, otherPerson, otherDay, blocked) => {
        const toDate = otherDay ? TUE : MON;
        const fromSlots = fromRaw.map((s) => ({ ...s, date: MON }));
        const daySlots = dayRaw.map((s) => ({ ...s, date: toDate }));
        const plan = planDrop({ salarieId: 'a', date: MON }, { salarieId: otherPerson ? 'b' : 'a', date: toDate }, fromSlots, daySlots, new Set(on), blocked ? [sick] : []);
        const allowed = new Set<string>((otherDay ? daySlots : fromSlots).map((s) => s.id));
        expect(plan.slotIds.every((id) => allowed.has(id) && !new Set<string>(on).has(id))).toBe(true);
        expect(new Set(plan.slotIds).size).toBe(plan.slotIds.length);
        if (blocked || (otherPerson && otherDay)) expect(plan.slotIds).toEqual([]);
      },
    ), { seed: 42 });
  });
});
