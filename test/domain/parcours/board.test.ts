// One row of the parcours board: the PASS end with suspensions and prolongations, days left and
// « suspendu », the prolongation window, the contract's end and renewal to decide, contract rule
// breaches, CDI inclusion and passerelle openings, accueil, diagnostic, objectives, alerts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boardRow, cdiInclusionOpening, passerelleOpening, type BoardInput } from '../../../src/domain/parcours/board';
import { deadlineKey } from '../../../src/domain/parcours/deadlines';
import { isCdiInclusionEligible, isPasserelleEligible } from '../../../src/domain/rules/eligibility';
import { isoDateArb, SEED } from '../rules/arbitraries';

const TODAY = '2026-11-20';
const input = (over: Partial<BoardInput> = {}): BoardInput => ({
  salarieId: 's1',
  salarie: { id: 's1', firstName: 'Amina', lastName: 'Diallo', birthDate: '1980-04-02', entryDate: '2025-06-02' },
  structure: { type: 'ACI', lowHoursWaiver: false },
  teams: [{ id: 't1', name: 'Espaces verts' }],
  passes: [{ id: 'p1', start: '2025-06-02' }],
  suspensions: [],
  prolongations: [],
  contracts: [{ id: 'c1', type: 'cddi', start: '2025-06-02', end: '2027-01-31', weeklyHours: 26 }],
  onboardings: [{ visiteOn: '2025-06-02', reglementOn: '2025-06-02', securiteOn: '2025-06-02', epiOn: '2025-06-02', personnesOn: '2025-06-02', droitsOn: '2025-06-02' }],
  diagnostics: [{ date: '2026-09-01' }],
  objectives: [],
  lastEntryDate: '2026-11-18',
  handledKeys: new Set(),
  ...over,
});

describe('the PASS IAE on the board', () => {
  it('ends 730 days after its start, days left counting today', () => {
    const row = boardRow(input(), TODAY);
    expect(row.pass).toMatchObject({ end: '2027-06-01', status: 'valide', suspendedToday: false, daysLeft: 194, windowOpen: true });
    expect(row.pass?.window).toEqual({ from: '2026-06-01', to: '2027-12-01' });
  });

  it('a suspension running today: shown suspended, end pushed, no days added by the time still to run', () => {
    const row = boardRow(input({ suspensions: [{ passIaeId: 'p1', start: '2026-11-01', end: '2026-12-31', reason: 'contract_suspended' }] }), TODAY);
    // 2 months pushed; the 19 days already suspended count, the 41 still to run do not.
    expect(row.pass).toMatchObject({ end: '2027-07-31', status: 'suspendu', suspendedToday: true, suspendedUntil: '2026-12-31', daysLeft: 213 });
    // The window follows the end that moved.
    expect(row.pass?.window).toEqual({ from: '2026-07-31', to: '2028-01-31' });
  });

  it.each([
    ['granted', '2028-06-01'],
    ['pending', '2027-06-01'],
    ['refused', '2027-06-01'],
  ] as const)('an RQTH prolongation %s gives the end %s', (decision, end) => {
    const row = boardRow(input({ prolongations: [{ passIaeId: 'p1', start: '2027-06-01', end: '2028-06-01', reason: 'rqth', decision }] }), TODAY);
    expect(row.pass?.end).toBe(end);
    expect(row.pass?.pendingProlongation).toBe(decision === 'pending');
  });

  it.each([
    ['2026-05-31', false], ['2026-06-01', true], ['2027-12-01', true], ['2027-12-02', false],
  ])('the prolongation window on %s: open %s (bounds included, as the national service)', (today, open) => {
    expect(boardRow(input({ salarie: { id: 's1', firstName: 'A', lastName: 'D', entryDate: '2025-06-02' } }), today).pass?.windowOpen).toBe(open);
  });

  it('no PASS and an expired PASS are alerts', () => {
    expect(boardRow(input({ passes: [] }), TODAY).alerts).toContain('no_pass');
    const expired = boardRow(input({ passes: [{ id: 'p1', start: '2024-01-01' }] }), TODAY);
    expect(expired.pass?.status).toBe('expire');
    expect(expired.alerts).toContain('pass_expired');
  });
});

describe('the contract', () => {
  it('its end comes up for renewal 3 months before, then disappears once decided', () => {
    const row = boardRow(input(), TODAY);
    expect(row.contract).toMatchObject({ id: 'c1', end: '2027-01-31', daysLeft: 72, renewed: false, renewalToDecide: true });
    expect(row.toDecide.map((d) => d.key)).toEqual([deadlineKey('contract_end', 'c1', '2026-10-31')]);
    const handled = boardRow(input({ handledKeys: new Set([deadlineKey('contract_end', 'c1', '2026-10-31')]) }), TODAY);
    expect(handled.contract?.renewalToDecide).toBe(false);
    expect(handled.alerts).not.toContain('to_decide');
  });

  it('a renewal already signed: the old contract is marked renewed, nothing to decide', () => {
    const row = boardRow(input({ contracts: [
      { id: 'c1', type: 'cddi', start: '2025-06-02', end: '2027-01-31', weeklyHours: 26 },
      { id: 'c2', type: 'cddi', start: '2027-02-01', end: '2027-05-31', weeklyHours: 26, renewalOf: 'c1' },
    ] }), TODAY);
    expect(row.contract).toMatchObject({ id: 'c1', renewed: true, renewalToDecide: false });
    expect(row.toDecide.filter((d) => d.kind === 'contract_end')).toEqual([]);
  });

  it.each([
    ['a CDDI over 24 months in all', [{ id: 'c1', type: 'cddi' as const, start: '2025-01-01', end: '2027-03-31', weeklyHours: 26 }], 'total_over_24_months', true],
    ['a CDDI under 20 h with no reason', [{ id: 'c1', type: 'cddi' as const, start: '2026-06-01', end: '2027-01-31', weeklyHours: 15 }], 'hours_below_minimum', true],
    ['a CDDI under 20 h on the waiver the structure lacks', [{ id: 'c1', type: 'cddi' as const, start: '2026-06-01', end: '2027-01-31', weeklyHours: 15, lowHoursReason: 'aci_waiver' as const }], 'waiver_missing', false],
  ])('%s is a breach (%s)', (_what, contracts, code, alert) => {
    const row = boardRow(input({ contracts }), TODAY);
    expect(row.contract?.breaches.map((p) => p.code)).toContain(code);
    expect(row.alerts.includes('contract_breach')).toBe(alert);
  });
});

describe('openings, accueil, diagnostic, objectives', () => {
  it.each([
    ['1969-01-10', '2025-06-02', true, '2026-06-02'],
    ['1970-03-10', '2025-06-02', false, '2027-03-10'],
    ['1960-04-02', '2026-06-02', false, '2027-06-02'],
  ])('CDI inclusion for someone born %s, entered %s: eligible %s, opens %s', (birthDate, entryDate, eligible, opensOn) => {
    expect(boardRow(input({ salarie: { id: 's1', firstName: 'A', lastName: 'D', birthDate, entryDate } }), TODAY).cdiInclusion).toEqual({ eligible, opensOn });
  });

  it('CDI inclusion is unknown without a birth date; passerelle opens at 4 months in an ACI, never in an AI', () => {
    expect(boardRow(input({ salarie: { id: 's1', firstName: 'A', lastName: 'D', entryDate: '2026-09-01' } }), TODAY).cdiInclusion).toEqual({ eligible: false, opensOn: null });
    expect(boardRow(input({ salarie: { id: 's1', firstName: 'A', lastName: 'D', entryDate: '2026-09-01' } }), TODAY).passerelle).toEqual({ eligible: false, opensOn: '2027-01-01' });
    expect(boardRow(input({ structure: { type: 'AI' } }), TODAY).passerelle).toEqual({ eligible: false, opensOn: null });
  });

  it.each([
    ['finished', [{ visiteOn: '2026-11-02', reglementOn: '2026-11-02', securiteOn: '2026-11-02', epiOn: '2026-11-02', personnesOn: '2026-11-02', droitsOn: '2026-11-02' }], '2026-11-02', false],
    ['started, two tablets', [{ visiteOn: '2026-11-02' }, { epiOn: '2026-11-03' }], '2026-11-02', true],
    ['not started, in the first weeks', [], '2026-11-02', true],
    ['not started, here for years', [], '2023-01-02', false],
  ])('accueil %s: unfinished %s', (_what, onboardings, entryDate, unfinished) => {
    const row = boardRow(input({ onboardings, salarie: { id: 's1', firstName: 'A', lastName: 'D', entryDate } }), TODAY);
    expect(row.accueil.unfinished).toBe(unfinished);
    expect(row.alerts.includes('accueil')).toBe(unfinished);
  });

  it.each([
    [[{ date: '2026-05-21' }], false],
    [[{ date: '2026-05-19' }, { date: '2025-01-01' }], true],
    [[], true],
  ])('diagnostics %j: to revisit (6 months) %s', (diagnostics, stale) => {
    expect(boardRow(input({ diagnostics }), TODAY).diagnostic.stale).toBe(stale);
  });

  it('counts objectives past their date and not reached', () => {
    const row = boardRow(input({ objectives: [
      { targetLevel: 3, dueDate: '2026-10-01', level: 2 },
      { targetLevel: 3, dueDate: '2026-10-01', level: 3 },
      { targetLevel: 3, dueDate: '2026-12-01', level: 0 },
    ] }), TODAY);
    expect(row.objectivesLate).toBe(1);
    expect(row.alerts).toContain('objectives_late');
  });

  it('a file in order raises no alert but the deadline to decide', () => {
    expect(boardRow(input({ handledKeys: new Set([deadlineKey('contract_end', 'c1', '2026-10-31')]) }), TODAY).alerts).toEqual([]);
  });
});

describe('properties', () => {
  it('the openings agree with eligibility.ts: eligible exactly from the day they open', () => {
    fc.assert(fc.property(isoDateArb('1950-01-01', '2000-12-31'), isoDateArb('2015-01-01', '2030-12-31'), isoDateArb('2015-01-01', '2035-12-31'), (birth, start, today) => {
      const cdi = cdiInclusionOpening(birth, start, today);
      expect(cdi.eligible).toBe(isCdiInclusionEligible(birth, start, today));
      expect(cdi.eligible).toBe(cdi.opensOn !== null && cdi.opensOn <= today);
      const p = passerelleOpening('EI', start, today);
      expect(p.eligible).toBe(isPasserelleEligible('EI', start, today));
      expect(p.eligible).toBe(p.opensOn !== null && p.opensOn <= today);
    }), { seed: SEED, numRuns: 500 });
  });
});
