import { describe, it, expect } from 'vitest';
import {
  ABSENCE_TYPES, COMPETENCE_KINDS, CONTRACT_TYPES, EVALUATION_CONTEXTS, LOG_CATEGORIES, PROLONGATION_REASONS, ROLES,
  STRUCTURE_TYPES, SUSPENSION_REASONS, VISIBILITIES,
} from '../../../src/domain/entities';
import {
  ABSENCE_TYPE_LABELS, COMPETENCE_KIND_LABELS, CONTRACT_TYPE_LABELS, EVALUATION_CONTEXT_LABELS, LOG_CATEGORY_LABELS,
  PROLONGATION_REASON_LABELS, ROLE_LABELS, STRUCTURE_TYPE_LABELS, SUSPENSION_REASON_LABELS, VISIBILITY_HINTS, VISIBILITY_LABELS,
} from '../../../src/domain/rules/labels';

describe('French labels', () => {
  it.each([
    ['structures', STRUCTURE_TYPES, STRUCTURE_TYPE_LABELS],
    ['rôles', ROLES, ROLE_LABELS],
    ['catégories du livret', LOG_CATEGORIES, LOG_CATEGORY_LABELS],
    ['visibilités', VISIBILITIES, VISIBILITY_LABELS],
    ['explications de visibilité', VISIBILITIES, VISIBILITY_HINTS],
    ['absences', ABSENCE_TYPES, ABSENCE_TYPE_LABELS],
    ['contrats', CONTRACT_TYPES, CONTRACT_TYPE_LABELS],
    ['contextes d’évaluation', EVALUATION_CONTEXTS, EVALUATION_CONTEXT_LABELS],
    ['natures de compétence', COMPETENCE_KINDS, COMPETENCE_KIND_LABELS],
    ['motifs de suspension', SUSPENSION_REASONS, SUSPENSION_REASON_LABELS],
    ['motifs de prolongation', PROLONGATION_REASONS, PROLONGATION_REASON_LABELS],
  ] as const)('every value of %s has a label', (_name, values, labels) => {
    const map = labels as Readonly<Record<string, string>>;
    for (const v of values) expect(map[v]?.trim().length ?? 0).toBeGreaterThan(0);
    expect(Object.keys(map).sort()).toEqual([...values].sort());
  });

  it('says who reads a note in the users’ words', () => {
    expect(VISIBILITY_LABELS.private).toBe('Privé');
    expect(VISIBILITY_LABELS.team).toBe('Équipe');
    expect(VISIBILITY_LABELS.salarie).toBe('Partagé avec le salarié');
  });
});
