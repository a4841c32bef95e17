// The French day strings written without date-fns on the hot path (src/ui/shell/formatDay.ts)
// must be exactly what date-fns wrote before: every day of several years, both patterns, and the
// inputs that go to date-fns (a timestamp, an impossible day).
import { describe, expect, it } from 'vitest';
import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import { longDate, shortDate } from '../../../src/ui/shell/format';

const dateFns = (iso: string, pattern: string) => format(parseISO(iso), pattern, { locale: fr });

function* days(from: string, count: number): Generator<string> {
  const d = new Date(`${from}T12:00:00Z`);
  for (let i = 0; i < count; i++) {
    yield d.toISOString().slice(0, 10);
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

describe('French days', () => {
  it('writes every day of 2023 to 2028 as date-fns does', () => {
    for (const iso of days('2023-01-01', 366 * 6)) {
      expect(shortDate(iso)).toBe(dateFns(iso, 'd MMM yyyy'));
      expect(longDate(iso)).toBe(dateFns(iso, 'EEEE d MMMM yyyy'));
    }
  });

  it('gives the same words twice (remembered)', () => {
    expect(shortDate('2026-12-05')).toBe('5 déc. 2026');
    expect(shortDate('2026-12-05')).toBe('5 déc. 2026');
    expect(longDate('2026-02-01')).toBe('dimanche 1 février 2026');
  });

  it('leaves other inputs to date-fns, as before', () => {
    expect(shortDate('2026-11-20T09:30:00')).toBe(dateFns('2026-11-20T09:30:00', 'd MMM yyyy'));
    expect(longDate('1999-07-14')).toBe('mercredi 14 juillet 1999');
    expect(() => shortDate('2026-02-31')).toThrow(RangeError);
    expect(() => shortDate('pas une date')).toThrow(RangeError);
  });
});
