// Copying the previous week: same slots 7 days later, same people unless they cannot work that
// day, and no doubling when tapped twice.
import { describe, it, expect } from 'vitest';
import { planCopyWeek } from '../../../src/domain/production/copyWeek';
import { check } from '../../../src/domain/production/check';

const slots = [
  { id: 'm1', date: '2026-11-09', chantierId: 'A', startTime: '08:00' },
  { id: 'a1', date: '2026-11-09', chantierId: 'A', startTime: '13:00' },
];
const assignments = [
  { id: 'x1', salarieId: 's1', slotId: 'm1', task: 'Tonte' },
  { id: 'x2', salarieId: 's2', slotId: 'm1', task: 'Tonte' },
  { id: 'x3', salarieId: 's1', slotId: 'a1', task: 'Ramassage' },
];

describe('planCopyWeek', () => {
  it('moves slots a week later and skips people who cannot be planned', () => {
    const plan = planCopyWeek(slots, assignments, [], (s, d) => (s === 's2' && d === '2026-11-16' ? [check('pmsmp', 'refus', 'En PMSMP.'), check('amenagement', 'info', '…')] : []));
    expect(plan.slots.map((s) => [s.from.id, s.date])).toEqual([['m1', '2026-11-16'], ['a1', '2026-11-16']]);
    expect(plan.assignments.map((a) => [a.from.id, a.slotIndex])).toEqual([['x1', 0], ['x3', 1]]);
    expect(plan.skipped).toHaveLength(1);
    expect(plan.skipped[0]).toMatchObject({ date: '2026-11-16', reasons: [{ code: 'pmsmp' }] });
  });

  it('does not copy a slot the target week already has', () => {
    const plan = planCopyWeek(slots, assignments, [{ id: 'n', date: '2026-11-16', chantierId: 'A', startTime: '08:00' }], () => []);
    expect(plan.slots.map((s) => s.from.id)).toEqual(['a1']);
    expect(plan.assignments.map((a) => a.from.id)).toEqual(['x3']);
  });
});

import { dayEntryId } from '../../../src/domain/production/dayEntryId';
import { isRecordId } from '../../../src/domain/ids';

describe('dayEntryId', () => {
  it('is a valid record id, the same for the same salarié and day, different otherwise', () => {
    const a = dayEntryId('01900000-0000-7000-8000-0000000000aa', '2026-11-20');
    expect(isRecordId(a)).toBe(true);
    expect(dayEntryId('01900000-0000-7000-8000-0000000000aa', '2026-11-20')).toBe(a);
    expect(dayEntryId('01900000-0000-7000-8000-0000000000aa', '2026-11-21')).not.toBe(a);
    expect(dayEntryId('01900000-0000-7000-8000-0000000000ab', '2026-11-20')).not.toBe(a);
  });
});
