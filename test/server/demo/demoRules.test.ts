import { describe, it, expect } from 'vitest';
import { checkContract, checkPmsmp, type ContractLike } from '../../../src/domain/rules/contracts';
import { validateProlongation, validateSuspension, type ProlongationLike } from '../../../src/domain/rules/pass';
import { buildDemo } from '../../../src/server/demo/demoData';
import { ofEntity } from './checks';

// The demo must not show warnings a real coordinator would have to fix: its contracts, PASS
// suspensions, prolongation and PMSMP pass the same parcours rules the screens apply.
describe.each(['2026-11-22', '2027-05-03', '2028-02-29'])('the demo of %s under the parcours rules', (today) => {
  const { records } = buildDemo(today);
  const salaries = ofEntity(records, 'salarie');
  const of = (entity: Parameters<typeof ofEntity>[1], salarieId: string) => ofEntity(records, entity).filter((r) => r.fields['salarieId'] === salarieId);
  const s = (v: unknown): string => String(v);

  it('has CDDI contracts without problems', () => {
    for (const sal of salaries) {
      const contracts: ContractLike[] = of('contract', sal.id).map((r) => ({
        id: r.id, type: 'cddi', start: s(r.fields['start']), end: s(r.fields['end']), weeklyHours: Number(r.fields['weeklyHours']),
        lowHoursReason: r.fields['lowHoursReason'] === 'aci_waiver' ? 'aci_waiver' : null,
      }));
      const prolonged = of('prolongation', sal.id).some((p) => p.fields['decision'] === 'granted');
      for (const c of contracts) {
        const problems = checkContract(c, {
          structureType: 'ACI', lowHoursWaiver: true, birthDate: s(sal.fields['birthDate']), parcoursStart: s(sal.fields['entryDate']),
          otherContracts: contracts, passProlonged: prolonged,
        });
        expect(problems, `${s(sal.fields['firstName'])} ${c.start}`).toEqual([]);
      }
    }
  });

  it('has PASS suspensions and a prolongation the national rules accept', () => {
    for (const pass of ofEntity(records, 'passIae')) {
      const salarieId = s(pass.fields['salarieId']);
      const suspensions = of('suspension', salarieId).map((r) => ({ id: r.id, start: s(r.fields['start']), end: s(r.fields['end']), reason: s(r.fields['reason']) }));
      const prolongations: ProlongationLike[] = of('prolongation', salarieId).map((r) => ({
        id: r.id, start: s(r.fields['start']), end: s(r.fields['end']), reason: 'rqth', decision: r.fields['decision'] === 'pending' ? 'pending' : null,
      }));
      const history = { suspensions, prolongations };
      const p = { start: s(pass.fields['start']) };
      for (const sus of suspensions) expect(validateSuspension(p, history, sus, today, { structureType: 'ACI', isNew: false })).toEqual([]);
      const sal = salaries.find((x) => x.id === salarieId);
      for (const pro of prolongations) {
        expect(validateProlongation(p, { suspensions, prolongations: [] }, { ...pro, id: undefined } as ProlongationLike, 'ACI', { rqth: sal?.fields['rqth'] === true }, { isNew: true })).toEqual([]);
      }
    }
  });

  it('has PMSMP of at most 30 days', () => {
    for (const r of ofEntity(records, 'pmsmp')) expect(checkPmsmp({ start: s(r.fields['start']), end: s(r.fields['end']) })).toEqual([]);
  });
});
