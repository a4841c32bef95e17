import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths } from '../../../src/domain/rules/dates';
import {
  checkContract, checkPmsmp, isCdiInclusionEligible, isPasserelleEligible, type ContractContext, type ContractLike,
} from '../../../src/domain/rules/contracts';
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
