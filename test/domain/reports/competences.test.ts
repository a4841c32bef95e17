// Competences acquired per month and per team: the first official evaluation at « Acquis » or
// above, once per salarié and competence; self-assessments never count; the team is the one of
// the evaluation's day. Property: the order evaluations arrive in never changes the figures.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acquiredReport, acquisitions } from '../../../src/domain/reports/competences';
import { teamLookup } from '../../../src/domain/reports/teams';
import type { EvaluationLike } from '../../../src/domain/rules/matrix';
import { isoDateArb, SEED } from '../rules/arbitraries';

let n = 0;
const ev = (salarieId: string, competenceId: string, level: number, date: string, context = 'production'): EvaluationLike =>
  ({ id: `e${String(++n).padStart(4, '0')}`, salarieId, competenceId, level, context, date });

const teamOf = teamLookup([
  { salarieId: 'ana', teamId: 'verts', from: '2025-01-01', to: '2026-03-31' },
  { salarieId: 'ana', teamId: 'tri', from: '2026-04-01' },
  { salarieId: 'bob', teamId: 'tri', from: '2025-01-01' },
]);

const evaluations = [
  ev('ana', 'taille', 2, '2026-01-10'),
  ev('ana', 'taille', 3, '2026-02-12'),           // acquired in February, in « verts »
  ev('ana', 'taille', 2, '2026-03-01'),
  ev('ana', 'taille', 4, '2026-05-01'),           // back up: not a second acquisition
  ev('ana', 'tonte', 4, '2026-04-20'),            // acquired in April, in « tri »
  ev('bob', 'tonte', 3, '2026-02-03', 'self'),    // self-assessment: never counted
  ev('bob', 'tonte', 3, '2026-02-20', 'afest'),   // acquired in February, in « tri »
  ev('bob', 'tri', 3, '2025-12-15'),              // another year
  ev('cid', 'tri', 3, '2026-04-02', 'pmsmp'),     // no team
];

describe('acquisitions', () => {
  it('the first official evaluation reaching « Acquis », once per salarié and competence', () => {
    expect(acquisitions(evaluations, teamOf).map((a) => [a.salarieId, a.competenceId, a.date, a.teamId])).toEqual([
      ['bob', 'tri', '2025-12-15', 'tri'],
      ['ana', 'taille', '2026-02-12', 'verts'],
      ['bob', 'tonte', '2026-02-20', 'tri'],
      ['cid', 'tri', '2026-04-02', null],
      ['ana', 'tonte', '2026-04-20', 'tri'],
    ]);
  });

  it('per month and per team, for a year, up to today', () => {
    const r = acquiredReport(evaluations, teamOf, 2026, null, '2026-05-10');
    expect(r.teams).toEqual(['verts', 'tri', '']);
    expect(r.total).toBe(4);
    expect(r.months.map((m) => [m.month, m.total, Object.fromEntries(m.byTeam)])).toEqual([
      ['2026-01', 0, { verts: 0, tri: 0, '': 0 }],
      ['2026-02', 2, { verts: 1, tri: 1, '': 0 }],
      ['2026-03', 0, { verts: 0, tri: 0, '': 0 }],
      ['2026-04', 2, { verts: 0, tri: 1, '': 1 }],
      ['2026-05', 0, { verts: 0, tri: 0, '': 0 }],
    ]);
    const tri = acquiredReport(evaluations, teamOf, 2026, 'tri', '2026-12-31');
    expect(tri.teams).toEqual(['tri']);
    expect(tri.items.map((a) => `${a.salarieId}/${a.competenceId}`)).toEqual(['bob/tonte', 'ana/tonte']);
    expect(tri.months).toHaveLength(12);
  });
});

describe('acquisitions properties', () => {
  const evArb = fc.record({
    id: fc.uuid(), salarieId: fc.constantFrom('a', 'b', 'c'), competenceId: fc.constantFrom('x', 'y'),
    level: fc.integer({ min: 0, max: 4 }), context: fc.constantFrom('production', 'afest', 'self'), date: isoDateArb('2025-06-01', '2026-12-31'),
  });

  it('same figures whatever the order; at most one per salarié and competence; no self-assessment', () => {
    const worldArb = fc.array(evArb, { maxLength: 30 }).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })));
    fc.assert(fc.property(worldArb, ([list, shuffled]) => {
      const a = acquisitions(list, () => null);
      expect(acquisitions(shuffled, () => null)).toEqual(a);
      expect(new Set(a.map((x) => `${x.salarieId}|${x.competenceId}`)).size).toBe(a.length);
      const selfIds = new Set(list.filter((e) => e.context === 'self').map((e) => e.id));
      for (const x of a) expect(selfIds.has(x.evaluationId)).toBe(false);
      for (const x of a) expect(x.level).toBeGreaterThanOrEqual(3);
    }), { seed: SEED, numRuns: 300 });
  });
});
