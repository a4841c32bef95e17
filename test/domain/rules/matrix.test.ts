import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  COMPETENCE_LEVELS, LEVEL_INFO, currentLevels, evaluationHistory, levelOf, levelText, matrixKey, objectiveStatus, withEvaluations, type EvaluationLike,
} from '../../../src/domain/rules/matrix';
import { isoDateArb, SEED } from './arbitraries';

const ev = (id: string, level: number, date: string, context = 'production', salarieId = 's1', competenceId = 'c1'): EvaluationLike =>
  ({ id, salarieId, competenceId, level, context, date });

describe('competence levels', () => {
  it('has a French word and a distinct symbol for each of the 5 levels', () => {
    expect(COMPETENCE_LEVELS.map((l) => LEVEL_INFO[l].label)).toEqual(['Non abordé', 'Découverte', 'En cours', 'Acquis', 'Maîtrisé']);
    expect(new Set(COMPETENCE_LEVELS.map((l) => LEVEL_INFO[l].symbol)).size).toBe(5);
    expect(levelText(3)).toBe('◕ Acquis (fait seul)');
  });
});

describe('currentLevels', () => {
  it('takes the latest evaluation by date, then by id on the same day', () => {
    const cells = currentLevels([ev('01', 3, '2024-05-01'), ev('02', 1, '2024-03-01'), ev('04', 2, '2024-05-01'), ev('03', 4, '2024-05-01')]);
    expect(levelOf(cells, 's1', 'c1')).toBe(2);
    expect(cells.get(matrixKey('s1', 'c1'))?.official).toEqual({ level: 2, date: '2024-05-01', evaluationId: '04' });
  });

  it('gives no cell to an evaluation that lacks its pair (a refused creation rolled back on a device)', () => {
    const partial = { ...ev('05', 4, '2024-06-01'), competenceId: undefined } as unknown as ReturnType<typeof ev>;
    const cells = currentLevels([ev('01', 2, '2024-05-01'), partial]);
    expect([...cells.keys()]).toEqual([matrixKey('s1', 'c1')]);
    expect(levelOf(cells, 's1', 'c1')).toBe(2);
  });

  it('keeps self-assessments apart from the official level', () => {
    const cells = currentLevels([ev('01', 2, '2024-05-01'), ev('02', 4, '2024-06-01', 'self'), ev('03', 3, '2024-04-01', 'self')]);
    const cell = cells.get(matrixKey('s1', 'c1'));
    expect(cell?.level).toBe(2);
    expect(cell?.self).toEqual({ level: 4, date: '2024-06-01', evaluationId: '02' });
    const onlySelf = currentLevels([ev('05', 3, '2024-04-01', 'self', 's2')]).get(matrixKey('s2', 'c1'));
    expect(onlySelf?.level).toBe(0);
    expect(onlySelf?.official).toBeNull();
  });

  it('is 0 (non abordé) without evaluation and separates people and competences', () => {
    const cells = currentLevels([ev('01', 2, '2024-05-01', 'afest', 's1', 'c1'), ev('02', 4, '2024-05-01', 'pmsmp', 's2', 'c1'), ev('03', 1, '2024-05-01', 'production', 's1', 'c2')]);
    expect([levelOf(cells, 's1', 'c1'), levelOf(cells, 's2', 'c1'), levelOf(cells, 's1', 'c2'), levelOf(cells, 's2', 'c2')]).toEqual([2, 4, 1, 0]);
  });

  it('lists the history oldest first', () => {
    const list = [ev('02', 3, '2024-05-01'), ev('01', 1, '2024-03-01'), ev('x', 1, '2024-03-01', 'production', 's9')];
    expect(evaluationHistory(list, 's1', 'c1').map((e) => e.id)).toEqual(['01', '02']);
  });

  it('equals the level of the latest official evaluation whatever the input order', () => {
    const evArb = fc.record({
      id: fc.uuid(),
      salarieId: fc.constantFrom('s1', 's2'),
      competenceId: fc.constantFrom('c1', 'c2', 'c3'),
      level: fc.integer({ min: 0, max: 4 }),
      context: fc.constantFrom('production', 'afest', 'pmsmp', 'self'),
      date: isoDateArb('2024-01-01', '2024-03-31'),
    });
    fc.assert(fc.property(fc.uniqueArray(evArb, { selector: (e) => e.id, maxLength: 30 }).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))), ([list, shuffled]) => {
      const a = currentLevels(list);
      const b = currentLevels(shuffled);
      for (const s of ['s1', 's2']) for (const c of ['c1', 'c2', 'c3']) {
        const official = list.filter((e) => e.salarieId === s && e.competenceId === c && e.context !== 'self')
          .sort((x, y) => (x.date === y.date ? (x.id < y.id ? -1 : 1) : x.date < y.date ? -1 : 1));
        const expected = official.at(-1)?.level ?? 0;
        expect(levelOf(a, s, c)).toBe(expected);
        expect(levelOf(b, s, c)).toBe(expected);
        expect(b.get(matrixKey(s, c))).toEqual(a.get(matrixKey(s, c)));
      }
    }), { seed: SEED, numRuns: 200 });
  });

  it('folds later evaluations into an existing matrix as if read all together, leaving it untouched', () => {
    const evArb = fc.record({
      id: fc.uuid(),
      salarieId: fc.constantFrom('s1', 's2'),
      competenceId: fc.constantFrom('c1', 'c2'),
      level: fc.integer({ min: 0, max: 4 }),
      context: fc.constantFrom('production', 'self'),
      date: isoDateArb('2024-01-01', '2024-01-31'),
    });
    fc.assert(fc.property(fc.uniqueArray(evArb, { selector: (e) => e.id, maxLength: 20 }), fc.nat(20), (list, cut) => {
      const before = currentLevels(list.slice(0, cut));
      const snapshot = new Map(before);
      expect(withEvaluations(before, list.slice(cut))).toEqual(currentLevels(list));
      expect(before).toEqual(snapshot);
    }), { seed: SEED, numRuns: 200 });
  });
});

describe('objectiveStatus', () => {
  const objective = { targetLevel: 3, dueDate: '2024-06-30' };
  it.each([
    [3, '2024-07-15', 'atteint'],
    [4, '2024-01-01', 'atteint'],
    [2, '2024-06-30', 'en_cours'],
    [2, '2024-07-01', 'en_retard'],
    [null, '2024-05-01', 'en_cours'],
    [undefined, '2024-08-01', 'en_retard'],
  ])('level %s on %s → %s', (level, today, expected) => {
    expect(objectiveStatus(objective, level, today)).toBe(expected);
  });
});
