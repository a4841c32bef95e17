import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, diffDays } from '../../../src/domain/rules/dates';
import {
  PASS_DAYS, passEndDate, passStatus, prolongationDays, prolongationCounts, remainingDays, validateProlongation,
  validateSuspension, waitingPeriodEnd, type PassHistory, type ProlongationLike, type SuspensionLike,
} from '../../../src/domain/rules/pass';
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
