// Which entries a printed livret holds, as a table of cases, and the rule that matters most as a
// property: the salarié's copy never holds a privé or équipe entry, whatever the period.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { printableEntries } from '../../../src/domain/documents/livret';
import { inPeriod, periodProblem, visibleTo, type Audience } from '../../../src/domain/documents/period';
import { VISIBILITIES } from '../../../src/domain/entities';

const entry = (id: string, date: string, visibility: string) => ({ id, date, visibility });
const period = { from: '2026-03-01', to: '2026-05-31' };

describe('visibleTo', () => {
  it.each<[Audience, string, boolean]>([
    ['salarie', 'salarie', true],
    ['salarie', 'team', false],
    ['salarie', 'private', false],
    ['equipe', 'salarie', true],
    ['equipe', 'team', true],
    ['equipe', 'private', false],
    ['equipe', 'inconnue', false],
  ])('%s copy, %s entry → %s', (audience, visibility, shown) => {
    expect(visibleTo(audience, visibility)).toBe(shown);
  });
});

describe('inPeriod and periodProblem', () => {
  it.each([
    ['2026-02-28', false], ['2026-03-01', true], ['2026-04-15', true], ['2026-05-31', true], ['2026-06-01', false],
  ])('%s in March–May → %s', (date, inside) => {
    expect(inPeriod(date, period)).toBe(inside);
  });
  it.each([
    [{ from: '2026-03-01', to: '2026-05-31' }, null],
    [{ from: '2026-03-01', to: '2026-03-01' }, null],
    [{ from: '2026-05-31', to: '2026-03-01' }, 'La fin de la période doit suivre son début.'],
    [{ from: '', to: '2026-03-01' }, 'Indiquez le début et la fin de la période.'],
  ])('%o → %s', (p, message) => {
    expect(periodProblem(p)).toBe(message);
  });
});

describe('printableEntries', () => {
  const entries = [
    entry('e5', '2026-05-02', 'salarie'),
    entry('e1', '2026-02-27', 'salarie'),
    entry('e2', '2026-03-10', 'private'),
    entry('e3', '2026-03-10', 'team'),
    entry('e4', '2026-03-10', 'salarie'),
    entry('e6', '2026-06-02', 'team'),
  ];
  it.each<[Audience, string[]]>([
    ['salarie', ['e4', 'e5']],
    ['equipe', ['e3', 'e4', 'e5']],
  ])('%s copy holds %o, oldest first, only in the period', (audience, ids) => {
    expect(printableEntries(entries, audience, period).map((e) => e.id)).toEqual(ids);
  });

  it('never puts a privé or équipe entry in the salarié’s copy, nor a privé one in the team’s', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    const arb = fc.array(fc.record({ id: fc.uuid(), date: day, visibility: fc.constantFrom(...VISIBILITIES) }), { maxLength: 40 });
    fc.assert(fc.property(arb, day, day, (list, a, b) => {
      const p = a <= b ? { from: a, to: b } : { from: b, to: a };
      const mine = printableEntries(list, 'salarie', p);
      const team = printableEntries(list, 'equipe', p);
      expect(mine.every((e) => e.visibility === 'salarie')).toBe(true);
      expect(team.every((e) => e.visibility !== 'private')).toBe(true);
      expect(mine.every((e) => team.includes(e))).toBe(true);
    }), { seed: 42 });
  });
});
