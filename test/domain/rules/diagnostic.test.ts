import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DIAGNOSTIC_DIMENSIONS } from '../../../src/domain/entities';
import {
  DIAGNOSTIC_DIMENSION_LABELS, DIAGNOSTIC_LEVEL_LABELS, diagnosticEvolution, diagnosticLevelLabel, type DiagnosticLike,
} from '../../../src/domain/rules/diagnostic';
import { isoDateArb, SEED } from './arbitraries';

describe('diagnostic socio-professionnel', () => {
  it('labels the 8 dimensions and their 4 levels with the reference table', () => {
    expect(DIAGNOSTIC_DIMENSIONS.map((d) => DIAGNOSTIC_DIMENSION_LABELS[d])).toContain('Maîtrise de la langue française');
    for (const d of DIAGNOSTIC_DIMENSIONS) expect(DIAGNOSTIC_LEVEL_LABELS[d]).toHaveLength(4);
    expect(diagnosticLevelLabel('logement', 1)).toBe('SDF');
    expect(diagnosticLevelLabel('logement', 4)).toBe('Logement stable');
    expect(diagnosticLevelLabel('disponibilite', 2)).toBe('À organiser');
  });

  it('shows per dimension the first and latest level and the change', () => {
    const list: DiagnosticLike[] = [
      { id: 'b', date: '2024-09-01', levels: { logement: 3, mobilite: 2 } },
      { id: 'a', date: '2024-01-15', levels: { logement: 1, mobilite: 2, langue: 2 } },
      { id: 'c', date: '2024-12-01', levels: { logement: 4 } },
    ];
    const byDim = Object.fromEntries(diagnosticEvolution(list).map((e) => [e.dimension, e]));
    expect(byDim.logement).toEqual({ dimension: 'logement', first: { level: 1, date: '2024-01-15' }, last: { level: 4, date: '2024-12-01' }, delta: 3 });
    expect(byDim.mobilite?.delta).toBe(0);
    expect(byDim.langue).toMatchObject({ first: { level: 2 }, last: { level: 2 }, delta: 0 });
    expect(byDim.justice).toEqual({ dimension: 'justice', first: null, last: null, delta: null });
    expect(diagnosticEvolution(list)).toHaveLength(8);
  });

  it('does not depend on the order of the diagnostics', () => {
    const levelArb = fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined });
    const diagArb = fc.record({
      id: fc.uuid(),
      date: isoDateArb('2023-01-01', '2025-12-31'),
      levels: fc.record({ langue: levelArb, logement: levelArb, justice: levelArb }),
    }).map((d): DiagnosticLike => ({ ...d, levels: Object.fromEntries(Object.entries(d.levels).filter(([, v]) => v !== undefined)) }));
    fc.assert(fc.property(fc.uniqueArray(diagArb, { selector: (d) => d.id, maxLength: 8 }), (list) => {
      expect(diagnosticEvolution([...list].reverse())).toEqual(diagnosticEvolution(list));
    }), { seed: SEED, numRuns: 200 });
  });
});
