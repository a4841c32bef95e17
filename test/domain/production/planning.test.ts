// Who can be planned on a day, and whether a week fits the contract: the checks the week view
// and the copy of a week rely on, as tables.
import { describe, it, expect } from 'vitest';
import { canBePlanned, dayChecks, weekChecks, type ContractFacts, type PersonFacts } from '../../../src/domain/production/planning';
import { mondayOf, weekdayOf, workWeek, workdaysBetween, daysOfMonth, previousMonth } from '../../../src/domain/production/calendar';

const cddi = (over: Partial<ContractFacts> = {}): ContractFacts => ({ type: 'cddi', start: '2026-01-01', end: '2026-12-31', weeklyHours: 26, ...over });
const person = (over: Partial<PersonFacts> = {}): PersonFacts => ({ salarieId: 's1', contracts: [cddi()], ...over });
const codes = (p: PersonFacts, d: string) => dayChecks(p, d).map((c) => `${c.severity}:${c.code}`);

describe('dayChecks', () => {
  it.each<[string, PersonFacts, string, string[]]>([
    ['under contract, nothing special', person(), '2026-11-20', []],
    ['before the contract', person(), '2025-12-31', ['refus:sans_contrat']],
    ['after the contract', person(), '2027-01-04', ['refus:sans_contrat']],
    ['contract ends within 14 days', person(), '2026-12-20', ['info:fin_contrat']],
    ['PASS suspended', person({ suspensions: [{ start: '2026-11-01', end: '2026-11-30' }] }), '2026-11-20', ['refus:pass_suspendu']],
    ['in PMSMP', person({ pmsmps: [{ start: '2026-11-16', end: '2026-11-27', company: 'Jardins du Sud' }] }), '2026-11-20', ['refus:pmsmp']],
    ['PMSMP over', person({ pmsmps: [{ start: '2026-11-02', end: '2026-11-06' }] }), '2026-11-20', []],
    ['declared full-day absence', person({ absences: [{ date: '2026-11-20', type: 'maladie', fullDay: true }] }), '2026-11-20', ['refus:absent']],
    ['partial absence', person({ absences: [{ date: '2026-11-20', type: 'formation', fullDay: false }] }), '2026-11-20', ['alerte:absent_partiel']],
    ['has left', person({ exitDate: '2026-11-10' }), '2026-11-20', ['refus:sorti']],
    ['aménagement', person({ amenagements: 'Pas de port de charges.' }), '2026-11-20', ['info:amenagement']],
  ])('%s', (_name, p, d, expected) => {
    expect(codes(p, d)).toEqual(expected);
    expect(canBePlanned(p, d)).toBe(!expected.some((c) => c.startsWith('refus')));
  });

  it('says in French why the day is refused', () => {
    const [c] = dayChecks(person({ pmsmps: [{ start: '2026-11-16', end: '2026-11-27', company: 'Jardins du Sud' }] }), '2026-11-20');
    expect(c?.message).toBe('En PMSMP chez Jardins du Sud jusqu’au 27/11/2026.');
    expect(dayChecks(person(), '2027-01-04')[0]?.message).toBe('Pas de contrat ce jour : le contrat a pris fin le 31/12/2026.');
  });
});

describe('weekChecks', () => {
  it.each<[string, ContractFacts | undefined, number, number, string[]]>([
    ['within the contract', cddi(), 26, 0, []],
    ['above the contract', cddi(), 29, 0, ['au_dessus_contrat']],
    ['below 20 h in a CDDI without motif', cddi(), 13, 0, ['sous_20h']],
    ['below 20 h but absences cover it', cddi(), 13, 13, []],
    ['below 20 h with the ACI waiver', cddi({ weeklyHours: 12, lowHoursReason: 'aci_waiver' }), 12, 0, []],
    ['waiver contract planned above it', cddi({ weeklyHours: 12, lowHoursReason: 'aci_waiver' }), 13, 0, ['au_dessus_contrat']],
    ['CDDU is not held to 20 h', cddi({ type: 'cddu', weeklyHours: 12 }), 8, 0, []],
    ['nothing planned yet', cddi(), 0, 0, []],
    ['no contract', undefined, 30, 0, []],
  ])('%s', (_name, contract, planned, absent, expected) => {
    expect(weekChecks(contract, planned, absent).map((c) => c.code)).toEqual(expected);
  });

  it('writes hours the French way', () => {
    expect(weekChecks(cddi(), 29.5)[0]?.message).toBe('29,5 h planifiées pour un contrat de 26 h par semaine.');
  });
});

describe('calendar', () => {
  it('knows Mondays, work weeks and months', () => {
    expect(weekdayOf('2026-11-20')).toBe(4);
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(workWeek('2026-11-18')).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
    expect(workdaysBetween('2026-11-16', '2026-11-29')).toBe(10);
    expect(daysOfMonth('2024-02')).toHaveLength(29);
    expect(previousMonth('2026-01')).toBe('2025-12');
  });
});
