// The retention rules as tables: when a file may be erased (from the exit date) and when its
// keeping time is over (exit + months, day clamped), and the setting's French validation.
import { describe, expect, it } from 'vitest';
import { hasExited, keptUntil, pastRetention, retentionProblem } from '../../../src/domain/rgpd/retention';

describe('retention', () => {
  it.each([
    ['2026-01-15', 24, '2028-01-15'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-08-31', 6, '2026-02-28'],
  ])('a file of someone who left on %s is kept %i months: until %s', (exit, months, until) => {
    expect(keptUntil(exit, months)).toBe(until);
  });

  it.each([
    [undefined, '2026-05-01', false],
    [null, '2026-05-01', false],
    ['2026-05-02', '2026-05-01', false],
    ['2026-05-01', '2026-05-01', true],
    ['2026-04-30', '2026-05-01', true],
    ['pas une date', '2026-05-01', false],
  ])('exit %s, today %s: may be erased = %s', (exit, today, expected) => {
    expect(hasExited(exit, today)).toBe(expected);
  });

  it('lists the exited people whose keeping time is over, longest overdue first', () => {
    const people = [
      { id: 'a', exitDate: '2024-03-01' },
      { id: 'b', exitDate: '2023-01-10' },
      { id: 'c', exitDate: '2025-12-01' },
      { id: 'd' },
      { id: 'e', exitDate: '2027-01-01' },
      { id: 'f', exitDate: '2024-05-20' },
    ];
    const due = pastRetention(people, 24, '2026-05-20');
    expect(due.map((d) => [d.salarie.id, d.keptUntil])).toEqual([['b', '2025-01-10'], ['a', '2026-03-01']]);
  });

  it.each([
    ['', null],
    ['24', null],
    ['0', 'Entre 1 et 240 mois.'],
    ['241', 'Entre 1 et 240 mois.'],
    ['2,5', 'Indiquez un nombre entier de mois.'],
    ['deux', 'Indiquez un nombre entier de mois.'],
  ])('the setting « %s » gives %s', (text, message) => {
    expect(retentionProblem(text)).toBe(message);
  });
});
