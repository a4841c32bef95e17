// Objectives due and late, the self-assessment gap and the accueil checklist: the small rules
// the competence screens lean on (badges: test/domain/badges/).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cellObjective, objectiveState, sortForParcours } from '../../../src/domain/competences/objectives';
import { selfGap } from '../../../src/domain/competences/selfAssessment';
import { mergeOnboarding, needsOnboardingReminder, onboardingProgress } from '../../../src/domain/competences/onboarding';
import { currentLevels, matrixKey } from '../../../src/domain/rules/matrix';
import { EVALUATOR_CONTEXTS } from '../../../src/domain/competences/evaluationContexts';
import { EVALUATION_CONTEXTS } from '../../../src/domain/entities';

describe('objectives', () => {
  const o = { targetLevel: 3, dueDate: '2026-12-31' };
  it('is reached once the level meets the target, even late', () => {
    expect(objectiveState(o, 3, '2027-02-01')).toBe('atteint');
  });
  it('is due in the last two weeks, late after the date', () => {
    expect(objectiveState(o, 2, '2026-12-01')).toBe('en_cours');
    expect(objectiveState(o, 2, '2026-12-17')).toBe('a_echeance');
    expect(objectiveState(o, 2, '2026-12-31')).toBe('a_echeance');
    expect(objectiveState(o, 2, '2027-01-01')).toBe('en_retard');
  });
  it('a cell shows its most urgent objective', () => {
    const list = [
      { id: '1', salarieId: 's', competenceId: 'c', targetLevel: 2, dueDate: '2026-01-01' },
      { id: '2', salarieId: 's', competenceId: 'c', targetLevel: 4, dueDate: '2026-06-01' },
      { id: '3', salarieId: 's', competenceId: 'c', targetLevel: 4, dueDate: '2027-06-01' },
    ];
    expect(cellObjective(list, 2, '2026-07-01')).toMatchObject({ objective: { id: '2' }, state: 'en_retard' });
    expect(cellObjective([], 2, '2026-07-01')).toBeUndefined();
  });
  it('the parcours lists late first, reached last, else by due date', () => {
    const mk = (id: string, dueDate: string, state: 'atteint' | 'en_cours' | 'a_echeance' | 'en_retard') => ({ objective: { id, salarieId: 's', competenceId: 'c', targetLevel: 3, dueDate }, state });
    const sorted = sortForParcours([mk('a', '2026-01-01', 'atteint'), mk('b', '2027-01-01', 'en_cours'), mk('c', '2026-12-01', 'a_echeance'), mk('d', '2026-10-01', 'en_retard')]);
    expect(sorted.map((x) => x.objective.id)).toEqual(['d', 'c', 'b', 'a']);
  });
  it('never calls late an objective whose date has not passed', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 4 }), (today, due, level, target) => {
      const state = objectiveState({ targetLevel: target, dueDate: due }, level, today);
      if (state === 'en_retard') expect(today > due && level < target).toBe(true);
      if (level >= target) expect(state).toBe('atteint');
    }), { seed: 42, numRuns: 500 });
  });
});

describe('self-assessment beside the official level', () => {
  const ev = (id: string, level: number, context: string, date = '2026-11-01') => ({ id, salarieId: 's', competenceId: 'c', level, context, date });
  it('shows the gap only when the levels differ', () => {
    const cells = currentLevels([ev('1', 2, 'production'), ev('2', 3, 'self')]);
    expect(selfGap(cells.get(matrixKey('s', 'c')))).toEqual({ official: 2, self: 3, delta: 1 });
    const same = currentLevels([ev('1', 2, 'production'), ev('2', 2, 'self')]);
    expect(selfGap(same.get(matrixKey('s', 'c')))).toBeNull();
    expect(selfGap(currentLevels([ev('1', 2, 'afest')]).get(matrixKey('s', 'c')))).toBeNull();
  });
  it('a self-assessment never changes the official level', () => {
    const cells = currentLevels([ev('1', 1, 'production'), ev('2', 4, 'self', '2026-12-01')]);
    expect(cells.get(matrixKey('s', 'c'))?.level).toBe(1);
  });
});

describe('accueil checklist', () => {
  it('merges two records ticked on two tablets: each tick kept, the earliest date wins', () => {
    const state = mergeOnboarding([{ visiteOn: '2026-11-03', securiteOn: '2026-11-04' }, { visiteOn: '2026-11-02', epiOn: '2026-11-05', reglementOn: null }]);
    expect(state).toMatchObject({ visite: '2026-11-02', securite: '2026-11-04', epi: '2026-11-05', reglement: null });
    expect(onboardingProgress(state)).toEqual({ done: 3, total: 6, missing: ['reglement', 'personnes', 'droits'] });
  });
  it('reminds during the first weeks while incomplete, not after, not when complete', () => {
    const empty = mergeOnboarding([]);
    expect(needsOnboardingReminder(empty, '2026-11-01', '2026-11-20')).toBe(true);
    expect(needsOnboardingReminder(empty, '2026-01-01', '2026-11-20')).toBe(false);
    const full = mergeOnboarding([{ visiteOn: '2026-11-02', reglementOn: '2026-11-02', securiteOn: '2026-11-02', epiOn: '2026-11-02', personnesOn: '2026-11-02', droitsOn: '2026-11-02' }]);
    expect(needsOnboardingReminder(full, '2026-11-01', '2026-11-20')).toBe(false);
  });
  it.each([
    { ticked: 0, entry: null, remind: false },
    { ticked: 1, entry: null, remind: true },
    { ticked: 6, entry: null, remind: false },
    { ticked: 0, entry: '2026-11-20', remind: true },
    { ticked: 0, entry: '2026-09-21', remind: true },
    { ticked: 0, entry: '2026-09-20', remind: false },
    { ticked: 3, entry: '2026-12-01', remind: false },
  ])('$ticked items ticked, entry $entry → reminder $remind (today 2026-11-20)', ({ ticked, entry, remind }) => {
    const items = ['visiteOn', 'reglementOn', 'securiteOn', 'epiOn', 'personnesOn', 'droitsOn'].slice(0, ticked);
    const state = mergeOnboarding([Object.fromEntries(items.map((f) => [f, '2026-11-02']))]);
    expect(needsOnboardingReminder(state, entry, '2026-11-20')).toBe(remind);
  });
});

describe('evaluator contexts', () => {
  it('offers every evaluation context but the salarié’s self-assessment, production first', () => {
    expect(EVALUATOR_CONTEXTS[0]).toBe('production');
    expect([...EVALUATOR_CONTEXTS].sort()).toEqual(EVALUATION_CONTEXTS.filter((c) => c !== 'self').sort());
  });
});
