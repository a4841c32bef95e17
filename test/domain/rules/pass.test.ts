import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, diffDays } from '../../../src/domain/rules/dates';
import {
  PROLONGATION_LIMITS, prolongationDaysLeft, prolongationDaysUsed, prolongationMaxEnd, prolongationRequestWindow,
  PASS_DAYS, passEndDate, passStatus, prolongationDays, prolongationCounts, remainingDays, validateProlongation,
  validateSuspension, waitingPeriodEnd, type PassHistory, type ProlongationLike, type SuspensionLike,
} from '../../../src/domain/rules/pass';
import { blockingProblems, isBlocking, isWarning } from '../../../src/domain/rules/severity';
import { isoDateArb, rangeArb, SEED } from './arbitraries';

const pass = { start: '2024-01-01' };
const none: PassHistory = { suspensions: [], prolongations: [] };
const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('PASS IAE end date', () => {
  it.each([
    ['2024-01-01', '2025-12-30'],
    ['2023-01-01', '2024-12-30'],
    ['2023-03-01', '2025-02-27'],
    ['2022-03-01', '2024-02-28'],
  ])('a PASS starting %s ends %s (730 days, start included)', (start, end) => {
    expect(passEndDate({ start }, [], [])).toBe(end);
    expect(diffDays(end, start) + 1).toBe(PASS_DAYS);
  });

  it('moves later by end − start of each suspension, as the national service does', () => {
    const s: SuspensionLike[] = [{ start: '2024-03-01', end: '2024-03-31' }];
    expect(passEndDate(pass, s, [])).toBe('2026-01-29');
    // A one-day suspension (start = end) moves nothing, like on Les emplois de l'inclusion.
    expect(passEndDate(pass, [{ start: '2024-05-02', end: '2024-05-02' }], [])).toBe('2025-12-30');
  });

  it('counts granted prolongations and those needing no decision, never pending or refused ones', () => {
    const p = (reason: ProlongationLike['reason'], decision: ProlongationLike['decision']): ProlongationLike =>
      ({ start: '2025-12-30', end: '2026-12-30', reason, decision });
    expect(passEndDate(pass, [], [p('rqth', 'granted')])).toBe('2026-12-30');
    expect(passEndDate(pass, [], [p('rqth', 'pending')])).toBe('2025-12-30');
    expect(passEndDate(pass, [], [p('rqth', 'refused')])).toBe('2025-12-30');
    expect(passEndDate(pass, [], [p('rqth', null)])).toBe('2025-12-30');
    expect(passEndDate(pass, [], [p('training', null)])).toBe('2026-12-30');
    expect(passEndDate(pass, [], [p('training', 'refused')])).toBe('2025-12-30');
  });

  it('gives the waiting period end two years after the PASS end', () => {
    expect(waitingPeriodEnd('2025-12-30')).toBe('2027-12-30');
    expect(waitingPeriodEnd('2024-02-29')).toBe('2026-02-28');
  });

  it('tells the status on a date', () => {
    const h: PassHistory = { suspensions: [{ start: '2024-06-01', end: '2024-06-30' }], prolongations: [] };
    expect(passStatus(pass, h, '2023-12-31')).toBe('a_venir');
    expect(passStatus(pass, h, '2024-06-15')).toBe('suspendu');
    expect(passStatus(pass, h, '2024-07-01')).toBe('valide');
    expect(passStatus(pass, h, '2026-01-28')).toBe('valide');
    expect(passStatus(pass, h, '2026-01-29')).toBe('expire');
  });
});

describe('remaining days', () => {
  it('counts from the given day to the end, both included', () => {
    expect(remainingDays(pass, [], [], '2024-01-01')).toBe(730);
    expect(remainingDays(pass, [], [], '2023-06-01')).toBe(730);
    expect(remainingDays(pass, [], [], '2025-12-30')).toBe(1);
    expect(remainingDays(pass, [], [], '2025-12-31')).toBe(0);
  });

  it('does not count the days a suspension still to run will add', () => {
    const s: SuspensionLike[] = [{ start: '2024-03-01', end: '2024-03-31' }];
    expect(remainingDays(pass, s, [], '2024-01-01')).toBe(730);
    expect(remainingDays(pass, s, [], '2024-03-01')).toBe(730 - 60);
    // Halfway through the suspension no parcours time is being used.
    expect(remainingDays(pass, s, [], '2024-03-16')).toBe(730 - 60);
    expect(remainingDays(pass, s, [], '2024-04-01')).toBe(730 - 91 + 30);
  });
});

describe('validateSuspension', () => {
  const today = '2024-09-15';
  const ok = { start: '2024-09-01', end: '2024-10-31', reason: 'contract_suspended' };

  it('accepts a suspension in force inside the PASS', () => {
    expect(validateSuspension(pass, none, ok, today)).toEqual([]);
  });

  it.each([
    [{ ...ok, end: '2024-08-31' }, 'suspension_end_before_start'],
    [{ ...ok, end: '2027-09-01' }, 'suspension_too_long'],
    [{ ...ok, start: '2024-09-16', end: '2024-10-31' }, 'suspension_in_future'],
    [{ ...ok, start: '2023-12-31' }, 'suspension_outside_pass'],
    [{ ...ok, reason: 'sick' }, 'suspension_reason'],
  ])('refuses %o (%s)', (candidate, code) => {
    expect(codes(validateSuspension(pass, none, candidate, today))).toContain(code);
  });

  it('allows exactly 36 months and one day less', () => {
    expect(codes(validateSuspension(pass, none, { ...ok, end: '2027-08-31' }, today))).not.toContain('suspension_too_long');
    expect(codes(validateSuspension(pass, none, { ...ok, end: '2027-09-01' }, today))).toContain('suspension_too_long');
  });

  it('accepts a one-day suspension and one starting on the last day of the PASS', () => {
    expect(validateSuspension(pass, none, { ...ok, end: ok.start }, today)).toEqual([]);
    expect(validateSuspension(pass, none, { start: '2025-12-30', end: '2026-01-15', reason: 'finished_contract' }, '2026-01-01')).toEqual([]);
    expect(codes(validateSuspension(pass, none, { start: '2025-12-31', end: '2026-01-15', reason: 'finished_contract' }, '2026-01-01')))
      .toContain('suspension_outside_pass');
  });

  it('refuses overlaps, inclusive of the boundary day, but not the day after', () => {
    const history: PassHistory = { suspensions: [{ id: 'a', start: '2024-06-01', end: '2024-06-30', reason: 'contract_broken' }], prolongations: [] };
    expect(codes(validateSuspension(pass, history, { start: '2024-06-30', end: '2024-07-10', reason: 'contract_broken' }, today))).toContain('suspension_overlap');
    expect(validateSuspension(pass, history, { start: '2024-07-01', end: '2024-07-10', reason: 'contract_broken' }, today)).toEqual([]);
    // Editing the recorded suspension is not an overlap with itself.
    expect(validateSuspension(pass, history, { id: 'a', start: '2024-06-01', end: '2024-07-05', reason: 'contract_broken' }, today)).toEqual([]);
  });

  it('limits back-dating to 365 days and old reasons to history', () => {
    const later = '2025-09-15';
    expect(codes(validateSuspension(pass, none, { start: '2024-09-14', end: '2024-10-01', reason: 'contract_broken' }, later))).toContain('suspension_too_old');
    expect(validateSuspension(pass, none, { start: '2024-09-15', end: '2024-10-01', reason: 'contract_broken' }, later)).toEqual([]);
    const old: SuspensionLike = { id: 'x', start: '2024-02-01', end: '2024-02-20', reason: 'sick' };
    expect(validateSuspension(pass, { suspensions: [old], prolongations: [] }, old, later)).toEqual([]);
  });

  it('keeps the contrat passerelle reason to ACI and EI', () => {
    const c = { ...ok, reason: 'contrat_passerelle' };
    expect(validateSuspension(pass, none, c, today, { structureType: 'EI' })).toEqual([]);
    expect(codes(validateSuspension(pass, none, c, today, { structureType: 'AI' }))).toContain('suspension_reason_structure');
  });
});

describe('validateProlongation', () => {
  const end = '2025-12-30';
  const senior = { birthDate: '1970-01-01', rqth: false };
  const req = (reason: ProlongationLike['reason'], days: number, extra: Partial<ProlongationLike> = {}): ProlongationLike =>
    ({ start: end, end: addDays(end, days), reason, decision: 'pending', ...extra });

  it('accepts a request starting on the PASS end date within the limits', () => {
    expect(validateProlongation(pass, none, req('senior', 365), 'EI', senior)).toEqual([]);
    expect(validateProlongation(pass, none, req('training', 365, { decision: null }), 'EI')).toEqual([]);
  });

  it('must start on the PASS end date, suspensions included', () => {
    expect(codes(validateProlongation(pass, none, { ...req('senior', 100), start: '2025-12-31', end: '2026-04-01' }, 'EI', senior))).toContain('prolongation_start');
    const h: PassHistory = { suspensions: [{ start: '2024-03-01', end: '2024-03-31' }], prolongations: [] };
    expect(validateProlongation(pass, h, { ...req('senior', 100), start: '2026-01-29', end: '2026-05-09' }, 'EI', senior)).toEqual([]);
  });

  it('lasts at least one day', () => {
    expect(codes(validateProlongation(pass, none, req('senior', 0), 'EI', senior))).toContain('prolongation_too_short');
  });

  it('caps each request per reason', () => {
    expect(codes(validateProlongation(pass, none, req('senior', 366), 'EI', senior))).toContain('prolongation_request_too_long');
    expect(codes(validateProlongation(pass, none, req('training', 366, { decision: null }), 'EI'))).toContain('prolongation_request_too_long');
    expect(validateProlongation(pass, none, req('cdi_inclusion', 3650, { decision: null }), 'EI', { birthDate: '1960-01-01', parcoursStart: '2024-01-01' })).toEqual([]);
  });

  it('adds up all prolongations of a reason towards its total, refused ones excepted', () => {
    const rqth = { rqth: true };
    const granted = (i: number): ProlongationLike => ({ id: `g${i}`, start: addDays(end, 365 * i), end: addDays(end, 365 * (i + 1)), reason: 'rqth', decision: 'granted' });
    const two: PassHistory = { suspensions: [], prolongations: [granted(0), granted(1)] };
    const third = { ...req('rqth', 365), start: addDays(end, 730), end: addDays(end, 1095) };
    expect(validateProlongation(pass, two, third, 'EI', rqth)).toEqual([]);
    const three: PassHistory = { suspensions: [], prolongations: [granted(0), granted(1), granted(2)] };
    const fourth = { ...req('rqth', 1), start: addDays(end, 1095), end: addDays(end, 1096) };
    expect(codes(validateProlongation(pass, three, fourth, 'EI', rqth))).toContain('prolongation_total_exceeded');
    const refused: PassHistory = { suspensions: [], prolongations: [granted(0), granted(1), { ...granted(2), decision: 'refused' }] };
    const again = { ...req('rqth', 365), start: addDays(end, 730), end: addDays(end, 1095) };
    expect(validateProlongation(pass, refused, again, 'EI', rqth)).toEqual([]);
  });

  it('keeps particular difficulties to AI and ACI', () => {
    expect(validateProlongation(pass, none, req('particular_difficulties', 200), 'ACI')).toEqual([]);
    expect(validateProlongation(pass, none, req('particular_difficulties', 200), 'AI')).toEqual([]);
    expect(codes(validateProlongation(pass, none, req('particular_difficulties', 200), 'EI'))).toContain('prolongation_reason_structure');
  });

  it('checks the salarié facts each reason depends on', () => {
    expect(codes(validateProlongation(pass, none, req('cdi_inclusion', 365, { decision: null }), 'EI', { birthDate: '1969-01-01' }))).toContain('age_too_low');
    expect(codes(validateProlongation(pass, none, req('cdi_inclusion', 365, { decision: null }), 'EI', { birthDate: '1960-01-01', parcoursStart: '2025-06-01' }))).toContain('parcours_too_short');
    expect(codes(validateProlongation(pass, none, req('senior', 365), 'EI', { birthDate: '1976-01-01' }))).toContain('age_too_low');
    expect(codes(validateProlongation(pass, none, req('senior', 365), 'EI', {}))).toContain('birth_date_missing');
    expect(codes(validateProlongation(pass, none, req('rqth', 365), 'EI', { rqth: false }))).toContain('rqth_missing');
  });

  it('needs a prescriber decision for RQTH, 50+ and particular difficulties', () => {
    expect(codes(validateProlongation(pass, none, req('senior', 365, { decision: null }), 'EI', senior))).toContain('prolongation_decision_required');
    expect(codes(validateProlongation(pass, none, req('training', 365, { decision: null }), 'EI'))).not.toContain('prolongation_decision_required');
  });

  it('allows one pending request at a time', () => {
    const h: PassHistory = { suspensions: [], prolongations: [{ id: 'p', ...req('senior', 100) }] };
    expect(codes(validateProlongation(pass, h, req('senior', 100), 'EI', senior))).toContain('prolongation_pending_exists');
  });
});

describe('PASS properties', () => {
  const suspensionsArb = fc.array(rangeArb(400, '2020-01-01', '2030-12-31'), { maxLength: 6 });
  const prolongationsArb = fc.array(
    fc.record({
      range: rangeArb(400, '2020-01-01', '2030-12-31'),
      reason: fc.constantFrom('cdi_inclusion', 'training', 'rqth', 'senior', 'particular_difficulties' as const),
      decision: fc.constantFrom('pending', 'granted', 'refused', null),
    }).map(({ range, reason, decision }): ProlongationLike => ({ ...range, reason, decision })),
    { maxLength: 4 },
  );

  it('the end date is never earlier than start + 729 days', () => {
    fc.assert(fc.property(isoDateArb(), suspensionsArb, prolongationsArb, (start, s, p) => {
      expect(diffDays(passEndDate({ start }, s, p), start)).toBeGreaterThanOrEqual(PASS_DAYS - 1);
    }), { seed: SEED, numRuns: 300 });
  });

  it('adding a suspension never moves the end date earlier, and order does not matter', () => {
    fc.assert(fc.property(isoDateArb(), suspensionsArb, rangeArb(), prolongationsArb, (start, s, extra, p) => {
      const before = passEndDate({ start }, s, p);
      const after = passEndDate({ start }, [...s, extra], p);
      expect(after >= before).toBe(true);
      expect(passEndDate({ start }, [extra, ...s].reverse(), [...p].reverse())).toBe(after);
    }), { seed: SEED, numRuns: 300 });
  });

  it('on its first day a PASS has 730 days plus the prolongations that count, whatever is suspended later', () => {
    fc.assert(fc.property(isoDateArb(), fc.array(fc.tuple(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 300 })), { maxLength: 5 }), prolongationsArb, (start, raw, p) => {
      const s = raw.map(([offset, len]) => ({ start: addDays(start, offset), end: addDays(start, offset + len) }));
      const extra = p.filter(prolongationCounts).reduce((n, x) => n + prolongationDays(x), 0);
      expect(remainingDays({ start }, s, p, start)).toBe(PASS_DAYS + extra);
    }), { seed: SEED, numRuns: 300 });
  });

  it('a suspension overlapping a recorded one is always refused', () => {
    fc.assert(fc.property(rangeArb(60, '2024-01-01', '2025-06-30'), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (existing, offset, len) => {
      const start = addDays(existing.start, Math.min(offset, diffDays(existing.end, existing.start)));
      const candidate = { start, end: addDays(start, len), reason: 'contract_broken' };
      const h: PassHistory = { suspensions: [{ id: 'e', ...existing, reason: 'contract_broken' }], prolongations: [] };
      expect(codes(validateSuspension(pass, h, candidate, '2025-12-01'))).toContain('suspension_overlap');
    }), { seed: SEED, numRuns: 200 });
  });
});

// --- agreement with Les emplois de l'inclusion (itou/approvals, commit 543eae8d) ---------------

type Reason = ProlongationLike['reason'];
const needsDecision = (r: Reason) => r === 'rqth' || r === 'senior' || r === 'particular_difficulties';
/** Facts under which every reason is open to the salarié (58 years old, RQTH, 2 years of parcours). */
const allOpen = { birthDate: '1960-01-01', rqth: true, parcoursStart: '2024-01-01' };

/** Prolongations of `pass` one after the other, each granted (or needing no decision). */
function chain(steps: readonly [Reason, number][]): ProlongationLike[] {
  const out: ProlongationLike[] = [];
  let start = passEndDate(pass, [], []);
  steps.forEach(([reason, days], i) => {
    out.push({ id: `p${i}`, start, end: addDays(start, days), reason, decision: needsDecision(reason) ? 'granted' : null });
    start = addDays(start, days);
  });
  return out;
}

/** The next request after `history`, starting on the PASS end date. */
function next(history: readonly ProlongationLike[], reason: Reason, days: number): ProlongationLike {
  const start = passEndDate(pass, [], history);
  return { start, end: addDays(start, days), reason, decision: needsDecision(reason) ? 'granted' : null };
}

const verdict = (history: ProlongationLike[], reason: Reason, days: number) =>
  codes(blockingProblems(validateProlongation(pass, { suspensions: [], prolongations: history }, next(history, reason, days), 'ACI', allOpen)));

describe('prolongation totals count every prolongation of the PASS, whatever its reason', () => {
  it.each<[string, [Reason, number][], Reason, number, boolean]>([
    ['RQTH after 365 days of training: 730 days left, not 1,095 (2 × 365 fit)', [['training', 365], ['rqth', 365]], 'rqth', 365, true],
    ['RQTH after 365 training + 730 RQTH: not one day more', [['training', 365], ['rqth', 365], ['rqth', 365]], 'rqth', 1, false],
    ['particular difficulties after 365 training + 730 of them: not one day more', [['training', 365], ['particular_difficulties', 365], ['particular_difficulties', 365]], 'particular_difficulties', 1, false],
    ['particular difficulties after 365 training + 365 of them: 365 more fit exactly', [['training', 365], ['particular_difficulties', 365]], 'particular_difficulties', 365, true],
    ['RQTH after 730 of particular difficulties: 365 left', [['particular_difficulties', 365], ['particular_difficulties', 365]], 'rqth', 365, true],
    ['RQTH after 730 of particular difficulties: 366 is over the request cap anyway', [['particular_difficulties', 365], ['particular_difficulties', 365]], 'rqth', 366, false],
    ['50+ after 365 training + 1,460 of 50+: 1,825 reached', [['training', 365], ['senior', 365], ['senior', 365], ['senior', 365], ['senior', 365]], 'senior', 1, false],
    ['50+ after 1,095 of RQTH: 730 left of its 1,825', [['rqth', 365], ['rqth', 365], ['rqth', 365]], 'senior', 365, true],
    ['50+ after 1,095 of RQTH + 730 of 50+: nothing left', [['rqth', 365], ['rqth', 365], ['rqth', 365], ['senior', 365], ['senior', 365]], 'senior', 1, false],
    ['training has no total: after 1,095 of RQTH, 365 more', [['rqth', 365], ['rqth', 365], ['rqth', 365]], 'training', 365, true],
    ['CDI inclusion has no total: after 1,825 of 50+, 10 years more', [['senior', 365], ['senior', 365], ['senior', 365], ['senior', 365], ['senior', 365]], 'cdi_inclusion', 3650, true],
  ])('%s', (_name, steps, reason, days, accepted) => {
    const codesFound = verdict(chain(steps), reason, days);
    if (accepted) expect(codesFound).toEqual([]);
    else expect(codesFound.some((c) => c === 'prolongation_total_exceeded' || c === 'prolongation_request_too_long')).toBe(true);
  });

  it('names the rule, the days used and the days left', () => {
    const history = chain([['training', 365], ['rqth', 365], ['rqth', 365]]);
    const [p] = validateProlongation(pass, { suspensions: [], prolongations: history }, next(history, 'rqth', 10), 'ACI', allOpen);
    expect(p?.code).toBe('prolongation_total_exceeded');
    expect(p?.message).toContain('tous motifs confondus');
    expect(p?.message).toContain('1095 jours');
    expect(p?.message).toContain('il reste 0 jour');
  });

  it('counts every reason in the days used, refused ones excepted', () => {
    const history = chain([['training', 100], ['rqth', 200], ['senior', 50]]);
    expect(prolongationDaysUsed(history)).toBe(350);
    expect(prolongationDaysUsed([...history, { ...next(history, 'rqth', 30), decision: 'refused' }])).toBe(350);
  });

  it('gives the last end date as the national form does: min(per request, total − used)', () => {
    // tests/approvals/tests.py test_get_max_end_at (model: total only), bounded per request by the form.
    expect(prolongationMaxEnd('2021-02-01', 'cdi_inclusion', [])).toBe('2031-01-30');
    expect(prolongationMaxEnd('2021-02-01', 'training', [])).toBe('2022-02-01');
    expect(prolongationMaxEnd('2021-02-01', 'rqth', [])).toBe('2022-02-01');
    expect(prolongationMaxEnd('2021-02-01', 'senior', [])).toBe('2022-02-01');
    // test_year_after_year_prolongation: three years of particular difficulties use the total up.
    const three = chain([['particular_difficulties', 365], ['particular_difficulties', 365], ['particular_difficulties', 365]]);
    expect(prolongationDaysLeft(three, 'particular_difficulties')).toBe(0);
    const start = passEndDate(pass, [], three);
    expect(prolongationMaxEnd(start, 'particular_difficulties', three)).toBe(start);
    expect(prolongationDaysLeft(chain([['training', 365]]), 'rqth')).toBe(365);
    expect(prolongationDaysLeft(chain([['training', 365], ['rqth', 365], ['rqth', 200]]), 'rqth')).toBe(165);
  });

  it('has the national caps', () => {
    expect(PROLONGATION_LIMITS).toEqual({
      cdi_inclusion: { perRequest: 3650, total: Number.POSITIVE_INFINITY },
      training: { perRequest: 365, total: Number.POSITIVE_INFINITY },
      rqth: { perRequest: 365, total: 1095 },
      senior: { perRequest: 365, total: 1825 },
      particular_difficulties: { perRequest: 365, total: 1095 },
    });
  });

  it('never lets the sum of accepted prolongations exceed the total of any capped reason among them', () => {
    const reasonArb = fc.constantFrom<Reason>('cdi_inclusion', 'training', 'rqth', 'senior', 'particular_difficulties');
    fc.assert(fc.property(fc.array(fc.tuple(reasonArb, fc.integer({ min: 1, max: 400 })), { maxLength: 14 }), (requests) => {
      const accepted: ProlongationLike[] = [];
      for (const [reason, days] of requests) {
        const candidate = { ...next(accepted, reason, days), id: `c${accepted.length}` };
        const problems = validateProlongation(pass, { suspensions: [], prolongations: accepted }, candidate, 'ACI', allOpen, { isNew: true });
        if (blockingProblems(problems).length > 0) continue;
        accepted.push(candidate);
        const sum = accepted.reduce((n, p) => n + prolongationDays(p), 0);
        // The one just accepted: the whole sum fits its reason's total.
        expect(sum).toBeLessThanOrEqual(PROLONGATION_LIMITS[reason].total);
        expect(prolongationDays(candidate)).toBeLessThanOrEqual(PROLONGATION_LIMITS[reason].perRequest);
      }
      // And the PASS end moved by exactly what was accepted.
      expect(diffDays(passEndDate(pass, [], accepted), passEndDate(pass, [], []))).toBe(accepted.reduce((n, p) => n + prolongationDays(p), 0));
    }), { seed: SEED, numRuns: 300 });
  });

  it('accepts exactly the requests that fit min(per request, total − used)', () => {
    const reasonArb = fc.constantFrom<Reason>('training', 'rqth', 'senior', 'particular_difficulties');
    fc.assert(fc.property(fc.array(fc.tuple(reasonArb, fc.integer({ min: 1, max: 365 })), { maxLength: 6 }), reasonArb, fc.integer({ min: 1, max: 400 }), (steps, reason, days) => {
      const history = chain(steps);
      const fits = days <= prolongationDaysLeft(history, reason);
      expect(verdict(history, reason, days).length === 0).toBe(fits);
    }), { seed: SEED, numRuns: 300 });
  });
});

describe('prolongation request: window, suspension, overlap, severities', () => {
  // tests/approvals/tests.py test_is_open_to_prolongation: a PASS starting 2021-11-17.
  const national = { start: '2021-11-17' };
  const end = passEndDate(national, [], []);
  it.each<[string, string, boolean]>([
    ['12 months and 1 day before the end', addDays(addMonths(end, -12), -1), false],
    ['12 months before the end', addMonths(end, -12), true],
    ['8 months before the end', addMonths(end, -8), true],
    ['4 months after the end', addMonths(end, 4), true],
    ['6 months after the end', addMonths(end, 6), true],
    ['6 months and 1 day after the end', addDays(addMonths(end, 6), 1), false],
  ])('a request made %s is %s', (_name, today, open) => {
    const candidate: ProlongationLike = { start: end, end: addDays(end, 100), reason: 'training', decision: null };
    const found = codes(validateProlongation(national, none, candidate, 'ACI', {}, { today }));
    expect(found.includes('prolongation_request_window')).toBe(!open);
    expect(prolongationRequestWindow(end)).toEqual({ from: addMonths(end, -12), to: addMonths(end, 6) });
  });

  it('is not requested while the PASS is suspended (can_be_prolonged)', () => {
    const h: PassHistory = { suspensions: [{ start: '2025-10-01', end: '2025-10-31' }], prolongations: [] };
    const start = passEndDate(pass, h.suspensions, []);
    const candidate: ProlongationLike = { start, end: addDays(start, 100), reason: 'training', decision: null };
    expect(codes(validateProlongation(pass, h, candidate, 'ACI', {}, { today: '2025-10-15' }))).toContain('prolongation_while_suspended');
    expect(validateProlongation(pass, h, candidate, 'ACI', {}, { today: '2025-11-01' })).toEqual([]);
  });

  it('never overlaps another prolongation ([start, end) ranges), when one is edited', () => {
    const history = chain([['training', 100], ['training', 100]]);
    const first = history[0];
    if (!first) throw new Error('chain');
    expect(codes(validateProlongation(pass, { suspensions: [], prolongations: history }, { ...first, end: addDays(first.end, 1) }, 'ACI'))).toContain('prolongation_overlap');
    expect(codes(validateProlongation(pass, { suspensions: [], prolongations: history }, first, 'ACI'))).not.toContain('prolongation_overlap');
  });

  it('blocks what the national service refuses, warns on facts Tremplin may not hold', () => {
    const req = (reason: Reason): ProlongationLike => ({ start: '2025-12-30', end: '2026-06-30', reason, decision: 'granted' });
    const rqth = validateProlongation(pass, none, req('rqth'), 'EI', { rqth: false });
    expect(rqth.map((p) => [p.code, isWarning(p)])).toEqual([['rqth_missing', true]]);
    const unknownAge = validateProlongation(pass, none, req('senior'), 'EI', {});
    expect(unknownAge.map((p) => [p.code, isWarning(p)])).toEqual([['birth_date_missing', true]]);
    const young = validateProlongation(pass, none, req('senior'), 'EI', { birthDate: '1990-01-01' });
    expect(young.map((p) => [p.code, isBlocking(p)])).toEqual([['age_too_low', true]]);
    const tooLong = validateProlongation(pass, none, { ...req('training'), end: '2027-01-01', decision: null }, 'EI');
    expect(tooLong.every(isBlocking)).toBe(true);
  });
});

describe('suspension: the national next_min_start_at and back-dating from the day entered', () => {
  const today = '2025-03-01';
  const finished: SuspensionLike = { id: 'f', start: '2024-10-01', end: '2024-11-30', reason: 'contract_broken' };
  const h: PassHistory = { suspensions: [finished], prolongations: [] };

  it('a new suspension starts after the last finished one, never in a gap before it', () => {
    expect(codes(validateSuspension(pass, h, { start: '2024-09-01', end: '2024-09-15', reason: 'contract_broken' }, today))).toContain('suspension_before_previous');
    expect(validateSuspension(pass, h, { start: '2024-12-01', end: '2024-12-15', reason: 'contract_broken' }, today)).toEqual([]);
    // An old one edited is not a new one.
    const old: SuspensionLike = { id: 'o', start: '2024-06-01', end: '2024-06-10', reason: 'contract_broken' };
    expect(validateSuspension(pass, { suspensions: [old, finished], prolongations: [] }, { ...old, end: '2024-06-12' }, today)).toEqual([]);
  });

  it('counts back-dating from the day it was entered (an offline tablet), never later than today', () => {
    // 365 days before 2025-03-01 is 2024-03-01; entered on 2025-02-15, the limit was 2024-02-16.
    const s = { start: '2024-02-20', end: '2024-03-20', reason: 'contract_broken' };
    expect(codes(validateSuspension(pass, none, s, today))).toContain('suspension_too_old');
    expect(validateSuspension(pass, none, s, today, { enteredOn: '2025-02-15' })).toEqual([]);
    expect(codes(validateSuspension(pass, none, s, today, { enteredOn: '2026-01-01' }))).toContain('suspension_too_old');
  });

  it('blocks every rule, as the national service refuses each', () => {
    const found = validateSuspension(pass, none, { start: '2023-01-01', end: '2027-01-01', reason: 'sick' }, today);
    expect(found.length).toBeGreaterThan(2);
    expect(found.every(isBlocking)).toBe(true);
  });
});
