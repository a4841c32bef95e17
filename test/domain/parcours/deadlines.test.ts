// The « À décider » deadlines: 6, 3 and 1 months before a PASS end, a contract end and the close
// of the prolongation window; one stable key each; the latest come-up one shows until a decision
// holds its key; a renewed contract's end and a moved PASS end stop asking the old question.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deadlineKey, deadlinesBefore, openDeadlines } from '../../../src/domain/parcours/deadlines';
import { parcoursDeadlines, type ParcoursRecords } from '../../../src/domain/parcours/facts';
import { addDays } from '../../../src/domain/rules/dates';
import { isoDateArb, SEED } from '../rules/arbitraries';

const S = 'sal-1';
const base: ParcoursRecords = { salarieId: S, passes: [], suspensions: [], prolongations: [], contracts: [] };

describe('deadline keys and dates', () => {
  it('names a deadline <kind>:<record>:<due date>', () => {
    expect(deadlineKey('pass_end', 'p1', '2026-06-30')).toBe('pass_end:p1:2026-06-30');
  });

  it.each([
    ['a PASS end', '2027-03-15', '2025-03-16', ['2026-09-15', '2026-12-15', '2027-02-15']],
    // Month arithmetic clamps like the national service: 31 August − 6 months = 28 February.
    ['a month end', '2027-08-31', '2025-01-01', ['2027-02-28', '2027-05-31', '2027-07-31']],
    // A 4-month contract: the 6-month notice would come before its start, so it comes up on the start.
    ['a short contract', '2026-12-31', '2026-09-01', ['2026-09-01', '2026-09-30', '2026-11-30']],
  ])('%s: notices 6, 3 and 1 months before, never before the record starts', (_what, target, from, dues) => {
    expect(deadlinesBefore('contract_end', 'c1', S, target, from).map((d) => d.dueDate)).toEqual(dues);
  });
});

describe('what a parcours asks', () => {
  const pass = { id: 'p1', start: '2025-01-01' };

  it('a PASS asks before its end and before its prolongation window closes (end + 6 months)', () => {
    const ds = parcoursDeadlines({ ...base, passes: [pass] });
    expect(ds.filter((d) => d.kind === 'pass_end').map((d) => d.target)).toEqual(['2026-12-31', '2026-12-31', '2026-12-31']);
    expect(ds.filter((d) => d.kind === 'pass_end').map((d) => d.dueDate)).toEqual(['2026-06-30', '2026-09-30', '2026-11-30']);
    expect(ds.filter((d) => d.kind === 'prolongation_window').map((d) => [d.dueDate, d.target])).toEqual([
      ['2026-12-31', '2027-06-30'], ['2027-03-30', '2027-06-30'], ['2027-05-30', '2027-06-30'],
    ]);
  });

  it('a suspension moves the PASS end, so the questions come with new dates and keys', () => {
    const plain = parcoursDeadlines({ ...base, passes: [pass] }).find((d) => d.kind === 'pass_end' && d.leadMonths === 3);
    const suspended = parcoursDeadlines({ ...base, passes: [pass], suspensions: [{ passIaeId: 'p1', start: '2025-05-01', end: '2025-05-31' }] })
      .find((d) => d.kind === 'pass_end' && d.leadMonths === 3);
    expect(plain?.target).toBe('2026-12-31');
    expect(suspended?.target).toBe('2027-01-30');
    expect(suspended?.key).not.toBe(plain?.key);
  });

  it('a prolongation waiting for the prescriber: the window-closing question is not asked', () => {
    const ds = parcoursDeadlines({ ...base, passes: [pass], prolongations: [{ passIaeId: 'p1', start: '2026-12-31', end: '2027-12-31', reason: 'rqth', decision: 'pending' }] });
    expect(ds.some((d) => d.kind === 'prolongation_window')).toBe(false);
  });

  it('a renewed contract no longer asks; its renewal does', () => {
    const c1 = { id: 'c1', type: 'cddi' as const, start: '2026-01-05', end: '2026-12-31', weeklyHours: 26 };
    const today = '2026-11-20';
    const before = openDeadlines(parcoursDeadlines({ ...base, contracts: [c1] }), new Set(), today);
    expect(before.map((d) => [d.kind, d.recordId, d.leadMonths])).toEqual([['contract_end', 'c1', 3]]);
    const c2 = { id: 'c2', type: 'cddi' as const, start: '2027-01-01', end: '2027-06-30', weeklyHours: 26, renewalOf: 'c1' };
    const after = parcoursDeadlines({ ...base, contracts: [c1, c2] });
    expect(after.some((d) => d.recordId === 'c1')).toBe(false);
    expect(after.filter((d) => d.recordId === 'c2').map((d) => d.target)).toContain('2027-06-30');
    expect(openDeadlines(after, new Set(), today)).toEqual([]);
  });

  it('a CDI inclusion has no end: nothing to renew', () => {
    expect(parcoursDeadlines({ ...base, contracts: [{ id: 'c1', type: 'cdi_inclusion', start: '2026-01-05', weeklyHours: 26 }] })).toEqual([]);
  });
});

describe('« À décider » on a day', () => {
  const ds = deadlinesBefore('pass_end', 'p1', S, '2027-03-15', '2025-03-16');
  it.each([
    ['before the first notice', '2026-09-14', [], []],
    ['the 6-month notice has come up', '2026-09-15', [], [6]],
    ['an unanswered 6-month notice gives way to the 3-month one', '2026-12-20', [], [3]],
    ['the 3-month one handled: nothing until the 1-month one', '2027-01-10', ['pass_end:p1:2026-12-15'], []],
    ['the 1-month one comes up', '2027-02-15', ['pass_end:p1:2026-12-15'], [1]],
    ['still shown after the date until handled', '2027-04-01', [], [1]],
    ['handled', '2027-04-01', ['pass_end:p1:2027-02-15'], []],
  ])('%s (%s)', (_what, today, handled, leads) => {
    expect(openDeadlines(ds, new Set(handled), today).map((d) => d.leadMonths)).toEqual(leads);
  });
});

describe('properties', () => {
  const recordsArb = fc.record({
    passStart: isoDateArb('2020-01-01', '2030-12-31'),
    suspension: fc.option(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 400 }))),
    contracts: fc.array(fc.tuple(isoDateArb('2020-01-01', '2030-12-31'), fc.integer({ min: 0, max: 900 })), { maxLength: 4 }),
  }).map(({ passStart, suspension, contracts }): ParcoursRecords => ({
    ...base,
    passes: [{ id: 'p1', start: passStart }],
    suspensions: suspension ? [{ passIaeId: 'p1', start: addDays(passStart, suspension[0]), end: addDays(passStart, suspension[0] + suspension[1]) }] : [],
    contracts: contracts.map(([start, n], i) => ({ id: `c${i}`, type: 'cddi' as const, start, end: addDays(start, n), weeklyHours: 26 })),
  }));

  it('a deadline never comes up after the date it warns about, keys are unique and name their date', () => {
    fc.assert(fc.property(recordsArb, (r) => {
      const ds = parcoursDeadlines(r);
      for (const d of ds) {
        expect(d.dueDate <= d.target).toBe(true);
        expect(d.key).toBe(deadlineKey(d.kind, d.recordId, d.dueDate));
      }
      expect(new Set(ds.map((d) => d.key)).size).toBe(ds.length);
    }), { seed: SEED, numRuns: 300 });
  });

  it('a handled key never shows, and at most one question per record and kind shows, already come up', () => {
    fc.assert(fc.property(recordsArb, isoDateArb('2020-01-01', '2034-12-31'), fc.array(fc.nat(), { maxLength: 4 }), (r, today, picks) => {
      const ds = parcoursDeadlines(r);
      const handled = new Set(picks.flatMap((i) => (ds.length > 0 ? [ds[i % ds.length]!.key] : [])));
      const open = openDeadlines(ds, handled, today);
      for (const d of open) {
        expect(handled.has(d.key)).toBe(false);
        expect(d.dueDate <= today).toBe(true);
      }
      expect(new Set(open.map((d) => `${d.kind}:${d.recordId}`)).size).toBe(open.length);
    }), { seed: SEED, numRuns: 300 });
  });
});
