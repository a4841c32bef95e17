// The exits report as a table of cases (seed 004, Fiche 2): the year and team an exit is filed
// under, the 3-month presence rule (entry 10 January counts from 9 April), neutralised exits and
// exits of unknown kind left out of the rate but listed with why, the rate against 60 %, the
// monthly cumulative rate; and properties: the rate stays in [0, 1], a neutralised exit never
// counts, and the lists behind the figures add up to the figures.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXIT_KIND_NAMES, EXIT_KINDS } from '../../../src/domain/rules/exits';
import { exitReport, peopleBehind, type SalarieExitFacts } from '../../../src/domain/reports/exits';
import { teamLookup } from '../../../src/domain/reports/teams';
import { isoDateArb, SEED } from '../rules/arbitraries';
import { addDays } from '../../../src/domain/rules/dates';

const person = (id: string, exitKind: string | null, exitDate: string | null, entryDate: string | null = '2025-01-06'): SalarieExitFacts =>
  ({ id, firstName: id, lastName: 'Test', entryDate, exitDate, exitKind });

const memberships = [
  { salarieId: 'ana', teamId: 'verts', from: '2025-01-06' },
  { salarieId: 'bob', teamId: 'verts', from: '2025-01-06', to: '2026-03-31' },
  { salarieId: 'bob', teamId: 'tri', from: '2026-04-01' },
  { salarieId: 'chloe', teamId: 'tri', from: '2025-01-06', to: '2026-05-14' },
  { salarieId: 'dan', teamId: 'tri', from: '2026-01-05' },
  { salarieId: 'eve', teamId: 'verts', from: '2026-02-02' },
];
const teamOf = teamLookup(memberships);

const salaries = [
  person('ana', 'cdi', '2026-02-27'),               // durable, counted
  person('bob', 'chomage', '2026-06-30'),           // negative, counted, filed under « tri » (team left)
  person('chloe', 'formation_qualifiante', '2026-05-15'), // positive; membership closed the day before
  person('dan', 'maternite', '2026-09-30', '2026-01-05'),  // neutralised: listed, never counted
  person('eve', 'cdd_moins_6_mois', '2026-04-30', '2026-02-02'), // under 3 months by one day
  person('fay', null, '2026-11-02'),                 // kind not yet known, no team
  person('gus', 'cdi', '2025-12-31'),                // another year
  person('hal', null, null),                         // still present
  person('ivy', 'cdi', '2026-03-01', null),          // entry from the first contract
];

const contractStarts = new Map([['ivy', ['2025-09-01', '2025-06-02']]]);

describe('exitReport', () => {
  const r = exitReport({ salaries, contractStarts, teamOf, year: 2026, team: null });

  it('lists every exit of the year, with its team of the day and why it is not counted', () => {
    expect(r.people.map((p) => [p.salarieId, p.teamId, p.category, p.reason])).toEqual([
      ['ana', 'verts', 'durable', null],
      ['ivy', null, 'durable', null],
      ['eve', 'verts', 'transition', 'under_3_months'],
      ['chloe', 'tri', 'positive', null],
      ['bob', 'tri', 'negative', null],
      ['dan', 'tri', 'neutralised', 'neutralised'],
      ['fay', null, null, 'kind_unknown'],
    ]);
    expect(r.people.find((p) => p.salarieId === 'ivy')?.entryDate).toBe('2025-06-02');
  });

  it('counts with the 3-month rule and neutralised exits left out, against 60 %', () => {
    expect(r.figures.tally).toEqual({ durable: 2, transition: 0, positive: 1, negative: 1, notCounted: 3, counted: 4, dynamic: 3 });
    expect(r.figures.rate).toBe(0.75);
    expect(r.target).toBe(0.6);
  });

  it.each([
    ['exactly 3 months counts', '2026-02-02', '2026-05-01', null],
    ['one day short does not', '2026-02-02', '2026-04-30', 'under_3_months'],
    ['entry 10 January counts from 9 April', '2026-01-10', '2026-04-09', null],
    ['entry 10 January, exit 8 April', '2026-01-10', '2026-04-08', 'under_3_months'],
  ])('%s', (_label, entryDate, exitDate, reason) => {
    const one = exitReport({ salaries: [person('x', 'cdi', exitDate, entryDate)], contractStarts: new Map(), teamOf, year: 2026, team: null });
    expect(one.people[0]?.reason).toBe(reason);
    expect(one.figures.tally.counted).toBe(reason === null ? 1 : 0);
  });

  it('a neutralised exit after a long presence still does not count', () => {
    const one = exitReport({ salaries: [person('x', 'deces', '2026-12-01', '2024-01-01')], contractStarts: new Map(), teamOf, year: 2026, team: null });
    expect(one.figures).toEqual({ tally: { durable: 0, transition: 0, positive: 0, negative: 0, notCounted: 1, counted: 0, dynamic: 0 }, rate: null });
  });

  it('by team: each team its own figures; a filter keeps only that team', () => {
    expect(r.byTeam.map((t) => [t.teamId, t.figures.tally.counted, t.figures.rate])).toEqual([['verts', 1, 1], [null, 1, 1], ['tri', 2, 0.5]]);
    const tri = exitReport({ salaries, contractStarts, teamOf, year: 2026, team: 'tri' });
    expect(tri.people.map((p) => p.salarieId)).toEqual(['chloe', 'bob', 'dan']);
    expect(tri.figures.rate).toBe(0.5);
    expect(tri.byTeam.map((t) => t.teamId)).toEqual(['tri']);
  });

  it('the cumulative rate month by month, up to today', () => {
    const partial = exitReport({ salaries, contractStarts, teamOf, year: 2026, team: null, until: '2026-06-15' });
    expect(partial.months.map((m) => [m.month, m.counted, m.dynamic, m.cumulativeRate])).toEqual([
      ['2026-01', 0, 0, null], ['2026-02', 1, 1, 1], ['2026-03', 1, 1, 1], ['2026-04', 0, 0, 1], ['2026-05', 1, 1, 1], ['2026-06', 1, 0, 0.75],
    ]);
  });

  it('the lists behind the figures', () => {
    expect(peopleBehind(r.people, 'durable').map((p) => p.salarieId)).toEqual(['ana', 'ivy']);
    expect(peopleBehind(r.people, 'notCounted').map((p) => p.salarieId)).toEqual(['eve', 'dan', 'fay']);
    expect(peopleBehind(r.people, 'dynamic').map((p) => p.salarieId)).toEqual(['ana', 'ivy', 'chloe']);
  });
});

describe('exitReport properties', () => {
  const kindArb = fc.option(fc.constantFrom(...EXIT_KIND_NAMES), { nil: null });
  const salarieArb = fc.record({ kind: kindArb, entry: isoDateArb('2024-01-01', '2026-12-31'), stay: fc.integer({ min: 0, max: 400 }), team: fc.constantFrom('a', 'b', null) });
  const worldArb = fc.array(salarieArb, { maxLength: 40 });

  function build(list: readonly { kind: string | null; entry: string; stay: number; team: string | null }[]) {
    const salaries = list.map((s, i) => person(`s${i}`, s.kind, addDays(s.entry, s.stay), s.entry));
    const ms = list.flatMap((s, i) => (s.team === null ? [] : [{ salarieId: `s${i}`, teamId: s.team, from: s.entry }]));
    return { salaries, teamOf: teamLookup(ms) };
  }

  it('the rate is in [0, 1], neutralised exits never count, and the lists add up to the figures', () => {
    fc.assert(fc.property(worldArb, fc.constantFrom(2025, 2026, 2027), fc.constantFrom('a', 'b', null), (list, year, team) => {
      const { salaries, teamOf } = build(list);
      const r = exitReport({ salaries, contractStarts: new Map(), teamOf, year, team });
      if (r.figures.rate !== null) expect(r.figures.rate).toBeGreaterThanOrEqual(0);
      if (r.figures.rate !== null) expect(r.figures.rate).toBeLessThanOrEqual(1);
      for (const p of r.people) if (p.kind !== null && EXIT_KINDS[p.kind].category === 'neutralised') expect(p.reason).toBe('neutralised');
      const t = r.figures.tally;
      expect(peopleBehind(r.people, 'counted')).toHaveLength(t.counted);
      expect(peopleBehind(r.people, 'notCounted')).toHaveLength(t.notCounted);
      expect(t.counted + t.notCounted).toBe(r.people.length);
      // The whole structure's figures are the sum of its teams'.
      if (team === null) expect(r.byTeam.reduce((s, b) => s + b.figures.tally.counted, 0)).toBe(t.counted);
    }), { seed: SEED, numRuns: 300 });
  });
});
