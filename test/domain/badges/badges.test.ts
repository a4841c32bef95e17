// The badge rules as tables (acquis, activity, who may issue, the verdict the server gives), a
// fast-check property tying eligibility to the matrix's « latest official level ≥ 3 », and the
// badge entity's « a competence or an activity, exactly one ».
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityAcquired, badgeEvidence, isAcquired } from '../../../src/domain/badges/eligibility';
import { mayIssueBadges } from '../../../src/domain/badges/issuers';
import { BADGE_RULES, badgeProblem } from '../../../src/domain/badges/rules';
import { validateComplete, validateSet } from '../../../src/domain/entities';
import type { EvaluationLike } from '../../../src/domain/rules/matrix';

const S = 'sal';
let n = 0;
const ev = (competenceId: string, level: number, date: string, context = 'production', salarieId = S): EvaluationLike =>
  ({ id: `e${String(++n).padStart(4, '0')}`, salarieId, competenceId, level, context, date });

describe('a competence is acquis for a badge', () => {
  it.each([
    { name: 'no evaluation', evs: [], asOf: '2026-03-01', acquired: false },
    { name: 'level 3 in production', evs: [ev('c', 3, '2026-02-01')], asOf: '2026-03-01', acquired: true },
    { name: 'level 4 by AFEST', evs: [ev('c', 4, '2026-02-01', 'afest')], asOf: '2026-03-01', acquired: true },
    { name: 'level 2 only', evs: [ev('c', 2, '2026-02-01')], asOf: '2026-03-01', acquired: false },
    { name: 'self-assessment at 4 does not count', evs: [ev('c', 2, '2026-02-01'), ev('c', 4, '2026-02-10', 'self')], asOf: '2026-03-01', acquired: false },
    { name: 'fell back to 2 after a 3', evs: [ev('c', 3, '2026-02-01'), ev('c', 2, '2026-02-10')], asOf: '2026-03-01', acquired: false },
    { name: 'level 3 after the badge date', evs: [ev('c', 3, '2026-03-02')], asOf: '2026-03-01', acquired: false },
    { name: 'another salarié’s 3', evs: [ev('c', 3, '2026-02-01', 'production', 'other')], asOf: '2026-03-01', acquired: false },
    { name: 'another competence’s 3', evs: [ev('d', 3, '2026-02-01')], asOf: '2026-03-01', acquired: false },
  ])('$name → $acquired', ({ evs, asOf, acquired }) => {
    expect(isAcquired(evs, S, 'c', asOf)).toBe(acquired);
  });
});

describe('an activity is acquis when every competence of it is', () => {
  const evs = [ev('a', 3, '2026-01-01'), ev('b', 4, '2026-01-02'), ev('c', 2, '2026-01-03')];
  it.each([
    { competences: ['a', 'b'], acquired: true },
    { competences: ['a', 'b', 'c'], acquired: false },
    { competences: ['d'], acquired: false },
    { competences: [], acquired: false },
  ])('$competences → $acquired', ({ competences, acquired }) => {
    expect(activityAcquired(evs, S, competences, '2026-02-01')).toBe(acquired);
  });
});

describe('who may issue a badge', () => {
  it.each([
    { role: 'coordinator', ownsSalarie: false, etiMayIssueBadges: false, may: true },
    { role: 'eti', ownsSalarie: true, etiMayIssueBadges: true, may: true },
    { role: 'eti', ownsSalarie: true, etiMayIssueBadges: false, may: false },
    { role: 'eti', ownsSalarie: false, etiMayIssueBadges: true, may: false },
    { role: 'salarie', ownsSalarie: true, etiMayIssueBadges: true, may: false },
  ] as const)('$role, own team $ownsSalarie, allowed $etiMayIssueBadges → $may', ({ may, ...facts }) => {
    expect(mayIssueBadges(facts)).toBe(may);
  });
});

describe('the verdict on a badge', () => {
  const evs = [ev('a', 3, '2026-01-01'), ev('b', 2, '2026-01-02')];
  const coordinator = { role: 'coordinator', ownsSalarie: true, etiMayIssueBadges: false } as const;
  it.each([
    { name: 'acquired competence', badge: { competenceId: 'a' }, issuer: coordinator, problem: null },
    { name: 'competence not acquired', badge: { competenceId: 'b' }, issuer: coordinator, problem: BADGE_RULES.competence },
    { name: 'activity partly acquired', badge: { activityId: 'act' }, issuer: coordinator, problem: BADGE_RULES.activity },
    { name: 'both', badge: { competenceId: 'a', activityId: 'act' }, issuer: coordinator, problem: BADGE_RULES.shape },
    { name: 'neither', badge: {}, issuer: coordinator, problem: BADGE_RULES.shape },
    { name: 'ETI not allowed', badge: { competenceId: 'a' }, issuer: { role: 'eti', ownsSalarie: true, etiMayIssueBadges: false } as const, problem: BADGE_RULES.issuer },
    { name: 'the server itself', badge: { competenceId: 'a' }, issuer: undefined, problem: null },
  ])('$name', ({ badge, issuer, problem }) => {
    expect(badgeProblem({ salarieId: S, issuedOn: '2026-02-01', ...badge }, { evaluations: evs, activityCompetenceIds: ['a', 'b'], issuer })).toBe(problem);
  });
  it('names its rule in French', () => {
    for (const message of Object.values(BADGE_RULES)) expect(message).toMatch(/^Badge : /);
  });
});

describe('the evidence of a badge', () => {
  it('is the run of official evaluations at acquis or above, up to the badge date', () => {
    const evs = [ev('a', 3, '2026-01-01'), ev('a', 2, '2026-01-05'), ev('a', 3, '2026-01-10', 'afest'), ev('a', 4, '2026-01-12', 'self'), ev('a', 4, '2026-01-15'), ev('a', 4, '2026-03-01')];
    expect(badgeEvidence(evs, S, ['a'], '2026-02-01').map((e) => e.date)).toEqual(['2026-01-10', '2026-01-15']);
  });
});

describe('eligibility property', () => {
  const day = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const evaluation = fc.record({
    competenceId: fc.constantFrom('a', 'b'),
    level: fc.integer({ min: 0, max: 4 }),
    context: fc.constantFrom('production', 'afest', 'pmsmp', 'self'),
    date: day,
  });
  it('a badge may be issued exactly when the latest official evaluation by its date is at level 3 or more', () => {
    fc.assert(fc.property(fc.array(evaluation, { maxLength: 12 }), day, (raw, asOf) => {
      const evs = raw.map((e, i) => ({ ...e, id: `e${String(i).padStart(3, '0')}`, salarieId: S }));
      const official = evs.filter((e) => e.competenceId === 'a' && e.context !== 'self' && e.date <= asOf)
        .sort((x, y) => x.date.localeCompare(y.date) || x.id.localeCompare(y.id));
      const latest = official[official.length - 1];
      const expected = latest !== undefined && latest.level >= 3;
      expect(isAcquired(evs, S, 'a', asOf)).toBe(expected);
      // An activity badge implies each of its competence badges.
      if (activityAcquired(evs, S, ['a', 'b'], asOf)) expect(expected).toBe(true);
    }));
  });
});

describe('the badge entity', () => {
  const base = { salarieId: '01900000-0000-7000-8000-000000000001', issuedOn: '2026-02-01', issuerId: '01900000-0000-7000-8000-000000000002' };
  const c = '01900000-0000-7000-8000-000000000003';
  it.each([
    { name: 'a competence', fields: { ...base, competenceId: c }, ok: true },
    { name: 'an activity', fields: { ...base, activityId: c }, ok: true },
    { name: 'both', fields: { ...base, competenceId: c, activityId: c }, ok: false },
    { name: 'neither', fields: base, ok: false },
    { name: 'a competence, the activity cleared', fields: { ...base, competenceId: c, activityId: null }, ok: true },
  ])('$name → complete $ok', ({ fields, ok }) => {
    expect(validateComplete('badge', fields).ok).toBe(ok);
  });
  it('the structure says whether its ETIs may issue badges', () => {
    expect(validateSet('structure', { etiMayIssueBadges: true })).toEqual({ ok: true });
    expect(validateSet('structure', { etiMayIssueBadges: 'oui' }).ok).toBe(false);
  });
});
