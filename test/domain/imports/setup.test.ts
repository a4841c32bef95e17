// The first run: when a coordinator is sent to it, the checks of the structure's settings, the
// steps done, and the starter référentiels (valid records, written by the référentiel's plan).
import { describe, expect, it } from 'vitest';
import { validateSet } from '../../../src/domain/entities';
import { needsSetup, setupDone, siretChecksumOk, structureProblems, type StructureDraft } from '../../../src/domain/imports/setup';
import { planStarter, STARTER_REFERENTIELS } from '../../../src/domain/imports/starterReferentiels';

describe('needsSetup', () => {
  it.each([
    ['coordinator, synced, no team', 'coordinator', 0, true, true],
    ['coordinator with a team', 'coordinator', 1, true, false],
    ['coordinator on a tablet not synced yet', 'coordinator', 0, false, false],
    ['ETI', 'eti', 0, true, false],
    ['signed out', undefined, 0, true, false],
  ])('%s', (_n, role, teamCount, synced, expected) => {
    expect(needsSetup({ role, teamCount, synced })).toBe(expected);
  });
});

describe('structureProblems', () => {
  const ok: StructureDraft = { name: 'Les Jardins du Puy', type: 'ACI', siret: '447 189 225 00017', annexeFinanciere: 'ACI063250012A1M0', etiMayEditReferentiel: false };
  const codes = (d: StructureDraft) => Object.fromEntries(Object.entries(structureProblems(d)).map(([k, p]) => [k, `${p.code}${p.blocking ? '!' : ''}`]));
  it.each([
    ['all fine (SIRET with spaces)', {}, {}],
    ['no name', { name: ' ' }, { name: 'name_missing!' }],
    ['no type', { type: '' as const }, { type: 'type_missing!' }],
    ['SIRET of 13 digits', { siret: '4471892250001' }, { siret: 'siret_format!' }],
    ['SIRET with a wrong key', { siret: '44718922500018' }, { siret: 'siret_checksum' }],
    ['SIRET left empty', { siret: '' }, {}],
    ['odd annexe number', { annexeFinanciere: 'annexe 2026' }, { annexeFinanciere: 'annexe_format' }],
  ])('%s', (_n, change, expected) => {
    expect(codes({ ...ok, ...change })).toEqual(expected);
  });
  it('accepts La Poste establishments', () => {
    expect(siretChecksumOk('35600000000047')).toBe(true);
    expect(siretChecksumOk('35600000000048')).toBe(false);
  });
});

describe('setupDone', () => {
  it('says which steps are done', () => {
    expect(setupDone({ structure: { siret: '44718922500017', annexeFinanciere: null }, teamCount: 1, competenceCount: 0, etiLoginCount: 0, salarieCount: 3 }))
      .toEqual({ structure: false, team: true, referentiel: false, logins: false, salaries: true });
  });
});

describe('starter référentiels', () => {
  it.each(STARTER_REFERENTIELS.map((s) => [s.activity, s] as const))('%s: 8 to 10 valid competences, with nature and safety', (_n, s) => {
    expect(s.competences.length).toBeGreaterThanOrEqual(8);
    expect(s.competences.length).toBeLessThanOrEqual(10);
    expect(s.competences.some((c) => c.safetyCritical)).toBe(true);
    let n = 0;
    const writes = planStarter(s, { activities: [], competences: [] }, '01900000-0000-7000-8000-000000000001', () => `01900000-0000-7000-8000-${String(++n).padStart(12, '0')}`);
    expect(writes.filter((w) => w.entity === 'activity')).toHaveLength(1);
    expect(writes.filter((w) => w.entity === 'competence')).toHaveLength(s.competences.length);
    for (const w of writes) expect(validateSet(w.entity, w.set)).toEqual({ ok: true });
  });

  it('chosen twice, updates what the first time wrote', () => {
    const s = STARTER_REFERENTIELS[0]!;
    let n = 0;
    const first = planStarter(s, { activities: [], competences: [] }, 'S', () => `id${++n}`);
    const activities = [{ id: 'id1', name: s.activity }];
    const competences = first.filter((w) => w.entity === 'competence').map((w) => ({ id: w.id, activityId: 'id1', label: String(w.set['label']) }));
    const again = planStarter(s, { activities, competences }, 'S', () => `new${++n}`);
    expect(again.every((w) => !w.id.startsWith('new') && !('structureId' in w.set))).toBe(true);
  });
});
