import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths } from '../../../src/domain/rules/dates';
import {
  checkContract, checkPmsmp, isCdiInclusionEligible, isPasserelleEligible, type ContractContext, type ContractLike,
} from '../../../src/domain/rules/contracts';
import type { Problem } from '../../../src/domain/rules/problem';
import { isBlocking, isWarning } from '../../../src/domain/rules/severity';
import { isoDateArb, SEED } from './arbitraries';

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);
const cddi = (extra: Partial<ContractLike> = {}): ContractLike =>
  ({ id: 'c1', type: 'cddi', start: '2024-01-01', end: '2024-04-30', weeklyHours: 26, ...extra });
const aci: ContractContext = { structureType: 'ACI' };

describe('CDDI', () => {
  it('accepts 4 months at 20 hours or more', () => {
    expect(checkContract(cddi(), aci)).toEqual([]);
    expect(checkContract(cddi({ weeklyHours: 20 }), { structureType: 'EI' })).toEqual([]);
  });

  it('lasts 4 months at least (leap February included) and has an end', () => {
    expect(codes(checkContract(cddi({ end: '2024-04-29' }), aci))).toContain('cddi_too_short');
    expect(checkContract(cddi({ start: '2023-11-30', end: '2024-03-29' }), aci)).toEqual([]);
    expect(codes(checkContract(cddi({ start: '2023-11-30', end: '2024-03-28' }), aci))).toContain('cddi_too_short');
    expect(codes(checkContract(cddi({ end: null }), aci))).toContain('end_required');
    expect(codes(checkContract(cddi({ end: '2023-12-01' }), aci))).toEqual(['end_before_start']);
  });

  it('is not an ETTI contract', () => {
    expect(codes(checkContract(cddi(), { structureType: 'ETTI' }))).toContain('contract_type_structure');
  });

  it('needs a reason under 20 hours a week', () => {
    expect(codes(checkContract(cddi({ weeklyHours: 15 }), aci))).toContain('hours_below_minimum');
  });

  it('goes down to 4 hours in an ACI holding the prefectoral waiver (Premières heures)', () => {
    const waiver = { structureType: 'ACI' as const, lowHoursWaiver: true };
    expect(checkContract(cddi({ weeklyHours: 4, lowHoursReason: 'aci_waiver' }), waiver)).toEqual([]);
    expect(codes(checkContract(cddi({ weeklyHours: 3.5, lowHoursReason: 'aci_waiver' }), waiver))).toContain('hours_below_waiver_minimum');
    expect(codes(checkContract(cddi({ weeklyHours: 10, lowHoursReason: 'aci_waiver' }), aci))).toContain('waiver_missing');
    expect(codes(checkContract(cddi({ weeklyHours: 10, lowHoursReason: 'aci_waiver' }), { structureType: 'EI', lowHoursWaiver: true }))).toContain('waiver_not_aci');
  });

  it('allows fewer hours combined with another job from the 4th month, for 6 months renewable once', () => {
    const first = cddi({ id: 'first', start: '2024-01-01', end: '2024-04-30' });
    const ctx = (others: ContractLike[] = [first]): ContractContext => ({ structureType: 'EI', otherContracts: others, parcoursStart: '2024-01-01' });
    const combined = (extra: Partial<ContractLike>) => cddi({ id: 'low', weeklyHours: 12, lowHoursReason: 'combined_job', start: '2024-05-01', end: '2024-10-31', ...extra });
    expect(checkContract(combined({}), ctx())).toEqual([]);
    expect(codes(checkContract(combined({ start: '2024-03-31', end: '2024-08-31' }), ctx()))).toContain('combined_too_early');
    expect(codes(checkContract(combined({ end: '2024-11-01' }), ctx()))).toContain('combined_too_long');
    const renewed = combined({ id: 'r1' });
    expect(checkContract(combined({ id: 'r2', start: '2024-11-01', end: '2025-04-30' }), ctx([first, renewed]))).toEqual([]);
    const twice = [first, renewed, combined({ id: 'r2', start: '2024-11-01', end: '2025-04-30' })];
    expect(codes(checkContract(combined({ id: 'r3', start: '2025-05-01', end: '2025-08-31' }), ctx(twice)))).toContain('combined_total_exceeded');
    expect(codes(checkContract(combined({ lowHoursReason: 'end_of_parcours' }), { ...ctx(), structureType: 'ETTI' }))).toContain('combined_not_etti');
  });

  it('adds renewals up to 24 months, unless the PASS was prolonged', () => {
    const a = cddi({ id: 'a', start: '2024-01-01', end: '2024-12-31' });
    const b = cddi({ id: 'b', start: '2025-01-01', end: '2025-12-31' });
    expect(checkContract(b, { ...aci, otherContracts: [a] })).toEqual([]);
    const c = cddi({ id: 'c', start: '2026-01-01', end: '2026-04-30' });
    expect(codes(checkContract(c, { ...aci, otherContracts: [a, b] }))).toContain('total_over_24_months');
    expect(checkContract(c, { ...aci, otherContracts: [a, b], passProlonged: true })).toEqual([]);
  });
});

describe('other contracts', () => {
  it('keeps CDDU to AI and contrats de mission to ETTI (24 months in all)', () => {
    expect(codes(checkContract({ type: 'cddu', start: '2024-01-01', end: '2024-01-05', weeklyHours: 10 }, aci))).toContain('contract_type_structure');
    expect(checkContract({ type: 'cddu', start: '2024-01-01', end: '2024-01-05', weeklyHours: 10 }, { structureType: 'AI' })).toEqual([]);
    const m = (id: string, start: string, end: string): ContractLike => ({ id, type: 'mission', start, end, weeklyHours: 35 });
    expect(checkContract(m('a', '2024-01-01', '2025-12-31'), { structureType: 'ETTI' })).toEqual([]);
    expect(codes(checkContract(m('b', '2026-01-01', '2026-01-02'), { structureType: 'ETTI', otherContracts: [m('a', '2024-01-01', '2025-12-31')] })))
      .toContain('total_over_24_months');
  });

  it('offers a CDI inclusion at 57 and after 12 months of parcours', () => {
    expect(isCdiInclusionEligible('1967-03-01', '2023-03-01', '2024-03-01')).toBe(true);
    expect(isCdiInclusionEligible('1967-03-02', '2023-03-01', '2024-03-01')).toBe(false);
    expect(isCdiInclusionEligible('1960-01-01', '2023-03-02', '2024-03-01')).toBe(false);
    expect(isCdiInclusionEligible(null, '2020-01-01', '2024-03-01')).toBe(false);
    const cdi: ContractLike = { type: 'cdi_inclusion', start: '2024-03-01', end: null, weeklyHours: 26 };
    expect(checkContract(cdi, { structureType: 'ACI', birthDate: '1967-03-01', parcoursStart: '2023-03-01' })).toEqual([]);
    expect(codes(checkContract(cdi, { structureType: 'ACI', parcoursStart: '2023-03-01' }))).toEqual(['birth_date_missing']);
  });

  it('offers a contrat passerelle from an EI or ACI after 4 months, 3 months renewable once', () => {
    expect(isPasserelleEligible('EI', '2024-01-01', '2024-05-01')).toBe(true);
    expect(isPasserelleEligible('ACI', '2024-01-01', '2024-04-30')).toBe(false);
    expect(isPasserelleEligible('AI', '2024-01-01', '2024-06-01')).toBe(false);
    const p = (id: string, start: string, end: string): ContractLike => ({ id, type: 'passerelle', start, end, weeklyHours: 35 });
    const ctx: ContractContext = { structureType: 'EI', parcoursStart: '2024-01-01' };
    expect(checkContract(p('a', '2024-05-01', '2024-07-31'), ctx)).toEqual([]);
    expect(codes(checkContract(p('a', '2024-05-01', '2024-08-01'), ctx))).toContain('passerelle_too_long');
    expect(checkContract(p('b', '2024-08-01', '2024-10-31'), { ...ctx, otherContracts: [p('a', '2024-05-01', '2024-07-31')] })).toEqual([]);
    const both = [p('a', '2024-05-01', '2024-07-31'), p('b', '2024-08-01', '2024-10-31')];
    expect(codes(checkContract(p('c', '2024-11-01', '2024-12-31'), { ...ctx, otherContracts: both }))).toContain('passerelle_renewed_twice');
  });
});

describe('PMSMP', () => {
  it('lasts 30 calendar days at most', () => {
    expect(checkPmsmp({ start: '2024-02-01', end: '2024-03-01' })).toEqual([]);
    expect(codes(checkPmsmp({ start: '2024-02-01', end: '2024-03-02' }))).toEqual(['pmsmp_too_long']);
    expect(codes(checkPmsmp({ start: '2024-02-02', end: '2024-02-01' }))).toEqual(['end_before_start']);
  });

  it('is accepted exactly when it covers 1 to 30 days', () => {
    fc.assert(fc.property(isoDateArb(), fc.integer({ min: 0, max: 60 }), (start, n) => {
      expect(checkPmsmp({ start, end: addDays(start, n) }).length === 0).toBe(n < 30);
    }), { seed: SEED, numRuns: 200 });
  });
});

describe('contract properties', () => {
  it('a CDDI of 4 months or more at 20 h or more in an ACI is always fine', () => {
    fc.assert(fc.property(isoDateArb('2010-01-01', '2030-12-31'), fc.integer({ min: 0, max: 300 }), fc.double({ min: 20, max: 35, noNaN: true }), (start, extra, hours) => {
      const end = addDays(addDays(addMonths(start, 4), -1), extra);
      expect(checkContract({ type: 'cddi', start, end, weeklyHours: hours }, aci)).toEqual([]);
    }), { seed: SEED, numRuns: 200 });
  });

  it('CDI inclusion eligibility never goes away as time passes', () => {
    fc.assert(fc.property(isoDateArb('1940-01-01', '1990-12-31'), isoDateArb('2015-01-01', '2030-12-31'), isoDateArb('2015-01-01', '2035-12-31'), fc.integer({ min: 1, max: 3000 }), (birth, parcours, on, later) => {
      if (isCdiInclusionEligible(birth, parcours, on)) expect(isCdiInclusionEligible(birth, parcours, addDays(on, later))).toBe(true);
    }), { seed: SEED, numRuns: 300 });
  });
});

// Blocking errors against warnings, each case from DOMAIN.md « Parcours, PASS IAE and contracts ».
describe('what blocks and what only warns', () => {
  const sev = (ps: Problem[]) => ps.map((p) => [p.code, isBlocking(p) ? 'blocking' : 'warning']);
  const cases: [string, ContractLike, ContractContext, [string, 'blocking' | 'warning'][]][] = [
    ['CDDI of 4 months at 20 h', cddi({ weeklyHours: 20 }), aci, []],
    ['CDDI one day under 4 months', cddi({ end: '2024-04-29' }), aci, [['cddi_too_short', 'blocking']]],
    ['CDDI without an end', cddi({ end: null }), aci, [['end_required', 'blocking']]],
    ['CDDI under 20 h with no reason', cddi({ weeklyHours: 15 }), aci, [['hours_below_minimum', 'blocking']]],
    ['CDDI at 4 h, Premières heures in an ACI with the waiver', cddi({ weeklyHours: 4, lowHoursReason: 'aci_waiver' }), { structureType: 'ACI', lowHoursWaiver: true }, []],
    ['CDDI at 3 h even with the waiver', cddi({ weeklyHours: 3, lowHoursReason: 'aci_waiver' }), { structureType: 'ACI', lowHoursWaiver: true }, [['hours_below_waiver_minimum', 'blocking']]],
    ['CDDI under 20 h on a waiver the structure did not record', cddi({ weeklyHours: 10, lowHoursReason: 'aci_waiver' }), aci, [['waiver_missing', 'warning']]],
    ['waiver over 12 months', cddi({ weeklyHours: 10, lowHoursReason: 'aci_waiver', end: '2025-02-28' }), { structureType: 'ACI', lowHoursWaiver: true }, [['waiver_too_long', 'warning']]],
    ['the ACI waiver in an EI', cddi({ weeklyHours: 10, lowHoursReason: 'aci_waiver' }), { structureType: 'EI', lowHoursWaiver: true }, [['waiver_not_aci', 'blocking']]],
    ['combined job before the 4th month', cddi({ weeklyHours: 12, lowHoursReason: 'combined_job' }), { structureType: 'EI', parcoursStart: '2024-01-01' }, [['combined_too_early', 'warning']]],
    ['combined job over 6 months', cddi({ weeklyHours: 12, lowHoursReason: 'combined_job', start: '2024-05-01', end: '2024-11-30' }), { structureType: 'EI', parcoursStart: '2024-01-01' }, [['combined_too_long', 'warning']]],
    ['end of parcours combined, in time', cddi({ weeklyHours: 12, lowHoursReason: 'end_of_parcours', start: '2025-06-01', end: '2025-09-30' }), { structureType: 'ACI', parcoursStart: '2024-01-01' }, []],
    ['CDDI in an ETTI', cddi(), { structureType: 'ETTI' }, [['contract_type_structure', 'blocking']]],
    ['CDDU in an ACI', { type: 'cddu', start: '2024-01-01', end: '2024-01-31', weeklyHours: 10 }, aci, [['contract_type_structure', 'blocking']]],
    ['CDDU in an AI', { type: 'cddu', start: '2024-01-01', end: '2024-01-31', weeklyHours: 10 }, { structureType: 'AI' }, []],
    ['mission in an EI', { type: 'mission', start: '2024-01-01', end: '2024-01-31', weeklyHours: 35 }, { structureType: 'EI' }, [['contract_type_structure', 'blocking']]],
    ['mission in an ETTI', { type: 'mission', start: '2024-01-01', end: '2024-01-31', weeklyHours: 35 }, { structureType: 'ETTI' }, []],
    ['CDI inclusion at 56', { type: 'cdi_inclusion', start: '2025-01-01', weeklyHours: 26 }, { structureType: 'ACI', birthDate: '1968-06-01', parcoursStart: '2024-01-01' }, [['age_too_low', 'blocking']]],
    ['CDI inclusion after 11 months', { type: 'cdi_inclusion', start: '2024-12-01', weeklyHours: 26 }, { structureType: 'ACI', birthDate: '1960-01-01', parcoursStart: '2024-01-01' }, [['parcours_too_short', 'blocking']]],
    ['CDI inclusion at 57 after 12 months', { type: 'cdi_inclusion', start: '2025-01-01', weeklyHours: 26 }, { structureType: 'ACI', birthDate: '1967-12-31', parcoursStart: '2024-01-01' }, []],
    ['passerelle after 3 months', { type: 'passerelle', start: '2024-04-01', end: '2024-06-30', weeklyHours: 35 }, { structureType: 'EI', parcoursStart: '2024-01-01' }, [['parcours_too_short', 'blocking']]],
    ['passerelle of 3 months and a day', { type: 'passerelle', start: '2024-05-01', end: '2024-08-01', weeklyHours: 35 }, { structureType: 'ACI', parcoursStart: '2024-01-01' }, [['passerelle_too_long', 'blocking']]],
    ['passerelle from an AI', { type: 'passerelle', start: '2024-05-01', end: '2024-07-31', weeklyHours: 35 }, { structureType: 'AI', parcoursStart: '2024-01-01' }, [['passerelle_structure', 'blocking']]],
  ];
  it.each(cases)('%s', (_name, contract, ctx, expected) => {
    expect(sev(checkContract(contract, ctx))).toEqual(expected);
  });

  it('CDDI renewals beyond 24 months in all block', () => {
    const a = cddi({ id: 'a', start: '2024-01-01', end: '2025-06-30' });
    const b = cddi({ id: 'b', start: '2025-07-01', end: '2026-01-01' });
    expect(sev(checkContract(b, { ...aci, otherContracts: [a] }))).toEqual([['total_over_24_months', 'blocking']]);
    expect(sev(checkContract({ ...b, end: '2025-12-31' }, { ...aci, otherContracts: [a] }))).toEqual([]);
  });

  it('a passerelle renewed twice blocks', () => {
    const p = (id: string, start: string, end: string): ContractLike => ({ id, type: 'passerelle', start, end, weeklyHours: 35 });
    const both = [p('a', '2024-05-01', '2024-07-31'), p('b', '2024-08-01', '2024-10-31')];
    expect(sev(checkContract(p('c', '2024-11-01', '2024-12-31'), { structureType: 'EI', parcoursStart: '2024-01-01', otherContracts: both })))
      .toEqual([['passerelle_renewed_twice', 'blocking']]);
  });

  it('every problem says its severity: length, type and age rules block, the conditions of a waiver warn', () => {
    fc.assert(fc.property(
      fc.constantFrom('cddi', 'cddu', 'mission', 'cdi_inclusion', 'passerelle' as const),
      fc.constantFrom('ACI', 'EI', 'AI', 'ETTI', 'EITI' as const),
      isoDateArb('2020-01-01', '2026-12-31'), fc.integer({ min: -10, max: 900 }), fc.integer({ min: 0, max: 40 }),
      fc.constantFrom(null, 'aci_waiver', 'combined_job', 'end_of_parcours' as const),
      (type, structureType, start, length, weeklyHours, lowHoursReason) => {
        const c: ContractLike = { type, start, end: addDays(start, length), weeklyHours, lowHoursReason };
        for (const p of checkContract(c, { structureType, birthDate: '1970-01-01', parcoursStart: '2020-01-01' })) {
          expect('severity' in p).toBe(true);
          if (['cddi_too_short', 'total_over_24_months', 'contract_type_structure', 'age_too_low', 'passerelle_too_long'].includes(p.code)) expect(isBlocking(p)).toBe(true);
          if (['combined_too_early', 'combined_too_long', 'waiver_missing', 'waiver_too_long'].includes(p.code)) expect(isWarning(p)).toBe(true);
        }
      }), { seed: SEED, numRuns: 300 });
  });
});
