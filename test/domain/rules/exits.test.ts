import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DYNAMIC_EXIT_TARGET, EXIT_KIND_NAMES, EXIT_KINDS, dynamicExitRate, exitCategory, exitTally, isCounted, type ExitLike,
} from '../../../src/domain/rules/exits';
import { addDays } from '../../../src/domain/rules/dates';
import { isoDateArb, SEED } from './arbitraries';

const exit = (kind: string | null, exitDate = '2024-12-31', entryDate = '2024-01-01'): ExitLike => ({ entryDate, exitDate, kind });

describe('exit categories', () => {
  it.each([
    ['cdi', 'durable'], ['cdi_structure', 'durable'], ['cdd_6_mois_plus', 'durable'], ['creation_activite', 'durable'], ['fonction_publique', 'durable'],
    ['cdd_moins_6_mois', 'transition'], ['contrat_aide', 'transition'],
    ['autre_siae', 'positive'], ['formation_qualifiante', 'positive'], ['retraite', 'positive'],
    ['chomage', 'negative'], ['inactivite', 'negative'],
    ['faute_grave', 'neutralised'], ['longue_maladie', 'neutralised'], ['maternite', 'neutralised'], ['deces', 'neutralised'], ['decision_justice', 'neutralised'],
  ])('%s is %s', (kind, category) => {
    expect(exitCategory(kind)).toBe(category);
  });

  it('knows nothing of unknown kinds and gives every kind a French label', () => {
    expect(exitCategory('toString')).toBeNull();
    expect(exitCategory(null)).toBeNull();
    for (const k of EXIT_KIND_NAMES) expect(EXIT_KINDS[k].label.length).toBeGreaterThan(3);
  });
});

describe('counting exits', () => {
  it('needs 3 months of presence', () => {
    expect(isCounted(exit('cdi', '2024-03-31'))).toBe(true);
    expect(isCounted(exit('cdi', '2024-03-30'))).toBe(false);
    expect(isCounted(exit('chomage', '2024-04-29', '2024-01-30'))).toBe(true);
    expect(isCounted(exit('chomage', '2024-04-28', '2024-01-30'))).toBe(false);
  });

  it('leaves out neutralised exits and unknown kinds', () => {
    expect(isCounted(exit('deces'))).toBe(false);
    expect(isCounted(exit(null))).toBe(false);
  });

  it('computes the dynamic exit rate: (durable + transition + positive) / counted', () => {
    const exits = [exit('cdi'), exit('cdd_moins_6_mois'), exit('formation_qualifiante'), exit('chomage'), exit('inactivite'), exit('maternite'), exit('cdi', '2024-02-01')];
    expect(exitTally(exits)).toEqual({ durable: 1, transition: 1, positive: 1, negative: 2, notCounted: 2, counted: 5, dynamic: 3 });
    expect(dynamicExitRate(exits)).toBe(0.6);
    expect(dynamicExitRate(exits)).toBeGreaterThanOrEqual(DYNAMIC_EXIT_TARGET);
    expect(dynamicExitRate([])).toBeNull();
    expect(dynamicExitRate([exit('deces')])).toBeNull();
  });

  it('rate is in [0, 1] and neutralised exits never change it', () => {
    const exitArb = (kinds: readonly (string | null)[]) => fc.record({
      entryDate: isoDateArb('2020-01-01', '2024-12-31'),
      stay: fc.integer({ min: 0, max: 800 }),
      kind: fc.constantFrom(...kinds),
    }).map(({ entryDate, stay, kind }): ExitLike => ({ entryDate, exitDate: addDays(entryDate, stay), kind }));
    const neutralisedKinds = EXIT_KIND_NAMES.filter((k) => exitCategory(k) === 'neutralised');
    fc.assert(fc.property(fc.array(exitArb([...EXIT_KIND_NAMES, null]), { maxLength: 40 }), fc.array(exitArb(neutralisedKinds), { maxLength: 5 }), (exits, neutral) => {
      const rate = dynamicExitRate(exits);
      if (rate !== null) {
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
      }
      expect(dynamicExitRate([...exits, ...neutral])).toBe(rate);
    }), { seed: SEED, numRuns: 300 });
  });
});
