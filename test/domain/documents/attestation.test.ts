// The attestation's competences as a table: acquired means the latest official level is
// « Acquis » or above on the date; the date is the start of that run; contexts are those where it
// was observed at that level, a PMSMP named by its company; self-assessments never count.
import { describe, expect, it } from 'vitest';
import { acquiredCompetences } from '../../../src/domain/documents/attestation';

const S = 'sal-1';
let n = 0;
const ev = (competenceId: string, level: number, date: string, context = 'production', salarieId = S) =>
  ({ id: `ev-${String(++n).padStart(3, '0')}`, salarieId, competenceId, level, context, date });
const pmsmps = [
  { id: 'pm1', company: 'Pépinières Durand', start: '2026-05-04', end: '2026-05-15', competenceIds: ['vente'] },
  { id: 'pm2', company: 'Jardinerie Martin', start: '2026-05-04', end: '2026-05-15', competenceIds: [] },
];

describe('acquiredCompetences', () => {
  const evaluations = [
    ev('taille', 2, '2026-03-01'), ev('taille', 3, '2026-04-01', 'afest'), ev('taille', 4, '2026-04-20'),
    ev('tonte', 3, '2026-03-01'), ev('tonte', 2, '2026-04-01'), // fell back: not attested
    ev('epi', 4, '2026-03-10', 'self'), // self only: not attested
    ev('vente', 3, '2026-05-06', 'pmsmp'),
    ev('securite', 3, '2026-02-01'), ev('securite', 1, '2026-03-01'), ev('securite', 3, '2026-06-01'), // re-acquired
    ev('outil', 3, '2026-12-01'), // after the date
    ev('autre', 4, '2026-03-01', 'production', 'sal-2'),
  ];
  const got = new Map(acquiredCompetences(S, evaluations, pmsmps, '2026-06-30').map((a) => [a.competenceId, a]));

  // contexts in the order production, AFEST, PMSMP, each at its first observation at that level
  it.each([
    ['taille', 4, '2026-04-01', [['production', '2026-04-20', undefined], ['afest', '2026-04-01', undefined]]],
    ['vente', 3, '2026-05-06', [['pmsmp', '2026-05-06', 'Pépinières Durand']]],
    ['securite', 3, '2026-06-01', [['production', '2026-06-01', undefined]]],
  ])('%s: level %i, acquired on %s', (id, level, acquiredOn, contexts) => {
    const a = got.get(id as string);
    expect(a).toMatchObject({ level, acquiredOn });
    expect(a?.contexts.map((c) => [c.context, c.date, c.pmsmp?.company])).toEqual(contexts);
  });

  it.each(['tonte', 'epi', 'outil', 'autre'])('%s is not attested', (id) => {
    expect(got.has(id)).toBe(false);
  });

  it('lists them by acquisition date', () => {
    expect([...got.keys()]).toEqual(['taille', 'vente', 'securite']);
  });

  it('on an earlier date, attests what was acquired then', () => {
    const early = acquiredCompetences(S, evaluations, pmsmps, '2026-03-05').map((a) => a.competenceId);
    expect(early).toEqual(['tonte']);
  });
});
