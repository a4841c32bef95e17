// The bilan's sections as tables: levels at the start and end of the period, progress,
// self-assessments kept apart, which objectives are concerned and their state at the end, PMSMP
// overlapping the period, and entries filtered by audience.
import { describe, expect, it } from 'vitest';
import { composeBilan } from '../../../src/domain/documents/bilan';
import type { Audience } from '../../../src/domain/documents/period';

const S = 'sal-1';
let n = 0;
const ev = (competenceId: string, level: number, date: string, context = 'production', salarieId = S) =>
  ({ id: `ev-${String(++n).padStart(3, '0')}`, salarieId, competenceId, level, context, date });
const period = { from: '2026-03-01', to: '2026-05-31' };

function bilan(over: Partial<Parameters<typeof composeBilan>[0]> = {}, audience: Audience = 'salarie') {
  return composeBilan({ salarieId: S, period, audience, evaluations: [], objectives: [], pmsmps: [], entries: [], ...over });
}

describe('composeBilan — competences', () => {
  const evaluations = [
    ev('taille', 1, '2026-01-10'),
    ev('taille', 2, '2026-03-15', 'afest'),
    ev('taille', 3, '2026-05-20'),
    ev('tonte', 2, '2026-02-01'),
    ev('tonte', 2, '2026-04-01'),
    ev('epi', 3, '2026-04-02', 'pmsmp'),
    ev('epi', 4, '2026-04-03', 'self'),
    ev('outil', 3, '2026-06-10'), // after the period: not in it
    ev('taille', 4, '2026-03-20', 'production', 'autre'), // someone else
  ];
  const rows = new Map(bilan({ evaluations }).competences.map((c) => [c.competenceId, c]));

  it.each([
    // competence, before, after, progress, official evaluations in period, contexts, self
    ['taille', 1, 3, 2, 2, ['production', 'afest'], null],
    ['tonte', 2, 2, 0, 1, ['production'], null],
    ['epi', 0, 3, 3, 1, ['pmsmp'], 4],
  ])('%s: %i → %i (%i), %i evaluation(s)', (id, before, after, progress, count, contexts, self) => {
    const c = rows.get(id as string);
    expect(c).toMatchObject({ before, after, progress, evaluations: count, contexts, self });
  });

  it('leaves out competences not evaluated in the period', () => {
    expect(rows.has('outil')).toBe(false);
    expect(rows.size).toBe(3);
  });

  it('sums up: evaluated, progressed, acquired during the period', () => {
    expect(bilan({ evaluations }).summary).toMatchObject({ evaluated: 3, progressed: 2, acquired: 2 });
  });
});

describe('composeBilan — objectives', () => {
  const evaluations = [ev('taille', 3, '2026-02-01'), ev('tonte', 1, '2026-03-05'), ev('epi', 2, '2026-05-01')];
  const obj = (id: string, competenceId: string, targetLevel: number, dueDate: string) => ({ id, salarieId: S, competenceId, targetLevel, dueDate });
  it.each([
    // reached before the period and due before it: not this period's business
    [obj('o1', 'taille', 3, '2026-02-15'), undefined],
    // due in the period, not reached at its end: late
    [obj('o2', 'tonte', 3, '2026-04-30'), 'en_retard'],
    // open when the period began although due before: still concerned (late)
    [obj('o3', 'epi', 2, '2026-01-31'), 'atteint'],
    // due well after: on track
    [obj('o4', 'tonte', 2, '2026-12-31'), 'en_cours'],
    // due within 14 days of the period's end
    [obj('o5', 'tonte', 2, '2026-06-10'), 'a_echeance'],
  ])('%o → %s', (o, state) => {
    const got = bilan({ evaluations, objectives: [o] }).objectives[0];
    expect(got?.state).toBe(state);
  });
});

describe('composeBilan — PMSMP and entries', () => {
  it.each([
    [{ id: 'p1', start: '2026-02-20', end: '2026-03-02' }, true],
    [{ id: 'p2', start: '2026-05-31', end: '2026-06-12' }, true],
    [{ id: 'p3', start: '2026-01-05', end: '2026-02-28' }, false],
    [{ id: 'p4', start: '2026-06-01', end: '2026-06-12' }, false],
  ])('PMSMP %o in the period → %s', (p, shown) => {
    expect(bilan({ pmsmps: [p] }).pmsmps.length).toBe(shown ? 1 : 0);
  });

  const entries = [
    { id: 'a', date: '2026-03-02', visibility: 'private' },
    { id: 'b', date: '2026-03-03', visibility: 'team' },
    { id: 'c', date: '2026-03-04', visibility: 'salarie' },
  ];
  it.each<[Audience, string[]]>([['salarie', ['c']], ['equipe', ['b', 'c']]])('%s copy: entries %o', (audience, ids) => {
    expect(bilan({ entries }, audience).entries.map((e) => e.id)).toEqual(ids);
  });
});
