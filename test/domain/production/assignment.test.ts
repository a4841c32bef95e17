// Assigning a task against the matrice: acquis works alone, below is « en formation », a
// safety-critical competence not acquis refuses the task with its reason; aménagements warn.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkAssignment, type CompetenceFacts } from '../../../src/domain/production/assignment';
import { amenagementConflicts } from '../../../src/domain/production/amenagements';

const DEBROUSS: CompetenceFacts = { id: 'c-deb', label: 'Utiliser le débroussailleur', safetyCritical: true };
const RATISSER: CompetenceFacts = { id: 'c-rat', label: 'Ramasser et évacuer', safetyCritical: false };
const levels = (m: Record<string, number>) => (id: string) => m[id] ?? 0;

describe('checkAssignment', () => {
  it.each<[string, CompetenceFacts[], Record<string, number>, string, string[]]>([
    ['no competence needed', [], {}, 'autorise', []],
    ['acquis everywhere', [DEBROUSS, RATISSER], { 'c-deb': 3, 'c-rat': 4 }, 'autorise', []],
    ['below level, not safety', [RATISSER], { 'c-rat': 2 }, 'en_formation', ['au_dessus_niveau']],
    ['never evaluated, not safety', [RATISSER], {}, 'en_formation', ['au_dessus_niveau']],
    ['safety-critical not acquis', [DEBROUSS], { 'c-deb': 2 }, 'refuse', ['securite_non_acquise']],
    ['safety refusal wins over training', [DEBROUSS, RATISSER], { 'c-deb': 1, 'c-rat': 1 }, 'refuse', ['securite_non_acquise', 'au_dessus_niveau']],
  ])('%s', (_n, competences, lv, decision, codes) => {
    const v = checkAssignment({ task: 'Tâche', competences, levelOf: levels(lv) });
    expect(v.decision).toBe(decision);
    expect(v.checks.map((c) => c.code)).toEqual(codes);
  });

  it('gives the reason of a safety refusal in French', () => {
    const v = checkAssignment({ task: 'Débroussaillage du talus', competences: [DEBROUSS], levelOf: levels({ 'c-deb': 2 }) });
    expect(v.checks[0]?.message).toBe('« Utiliser le débroussailleur » : niveau en cours. Compétence de sécurité non acquise (niveau 3 requis) : tâche interdite pour l’instant.');
    expect(v.checks[0]?.severity).toBe('refus');
  });

  it('warns about a conflicting aménagement without refusing', () => {
    const v = checkAssignment({
      task: 'Ramassage et évacuation des déchets verts', consignes: 'Charger la remorque.', competences: [RATISSER],
      levelOf: levels({ 'c-rat': 3 }), amenagements: 'Pas de port de charges de plus de 15 kg.',
    });
    expect(v.decision).toBe('autorise');
    expect(v.checks.map((c) => `${c.severity}:${c.code}`)).toEqual(['alerte:amenagement_charges']);
  });

  it('is never more permissive when a level goes down (property)', () => {
    const rank = { autorise: 0, en_formation: 1, refuse: 2 } as const;
    fc.assert(fc.property(fc.array(fc.record({ critical: fc.boolean(), level: fc.integer({ min: 0, max: 4 }), drop: fc.integer({ min: 0, max: 4 }) }), { maxLength: 6 }), (cs) => {
      const comps = cs.map((c, i) => ({ id: `c${i}`, label: `C${i}`, safetyCritical: c.critical }));
      const before = checkAssignment({ task: 't', competences: comps, levelOf: (id) => cs[Number(id.slice(1))]!.level });
      const after = checkAssignment({ task: 't', competences: comps, levelOf: (id) => Math.max(0, cs[Number(id.slice(1))]!.level - cs[Number(id.slice(1))]!.drop) });
      expect(rank[after.decision]).toBeGreaterThanOrEqual(rank[before.decision]);
    }), { seed: 42, numRuns: 300 });
  });
});

describe('amenagementConflicts', () => {
  it.each<[string, string, string, string[]]>([
    ['loads vs trailer', 'Pas de port de charges lourdes.', 'Charger la remorque', ['charges']],
    ['brushcutter limit vs brushcutting', 'Éviter le débroussailleur plus d’une heure.', 'Débroussaillage du talus', ['vibrations']],
    ['heights vs ladder', 'Pas de travail en hauteur (vertiges).', 'Nettoyer les gouttières à l’échelle', ['hauteur']],
    ['unrelated', 'Pas de port de charges.', 'Contrôle qualité des vêtements', []],
    ['no aménagement', '', 'Charger la remorque', []],
  ])('%s', (_n, amen, task, keys) => {
    expect(amenagementConflicts(amen, { task }).map((c) => c.key)).toEqual(keys);
  });
});
