// A chantier's hours against its quote, and the overrun forecast at the current pace.
import { describe, it, expect } from 'vitest';
import { chantierProgress, spentByChantier } from '../../../src/domain/production/progress';

describe('spentByChantier', () => {
  it('shares a day between its assignments pro rata of planned hours', () => {
    const slots = [{ id: 'am', date: '2026-11-16', chantierId: 'A' }, { id: 'pm', date: '2026-11-16', chantierId: 'B' }, { id: 'x', date: '2026-11-17', chantierId: null }];
    const assignments = [
      { salarieId: 's1', slotId: 'am', hours: 4 }, { salarieId: 's1', slotId: 'pm', hours: 2 },
      { salarieId: 's2', slotId: 'am', hours: null }, { salarieId: 's1', slotId: 'x', hours: 6 },
    ];
    const entries = [{ salarieId: 's1', date: '2026-11-16', hours: 5.4 }, { salarieId: 's2', date: '2026-11-16', hours: 6 }, { salarieId: 's1', date: '2026-11-17', hours: 6 }, { salarieId: 's3', date: '2026-11-16', hours: 6 }];
    const spent = spentByChantier(slots, assignments, entries);
    expect(spent.get('A')).toBe(360 + 600);
    expect(spent.get('B')).toBe(180);
    expect(spent.size).toBe(2);
  });
});

describe('chantierProgress', () => {
  const c = { quotedHours: 100, start: '2026-11-02', end: '2026-11-27' };
  it.each<[string, number, string, boolean, string[]]>([
    ['on pace', 2000, '2026-11-06', false, []],
    // 5 working days, 30 h: 6 h a day, 15 days left → 120 h > 100 h.
    ['will overrun at this pace', 3000, '2026-11-06', true, ['depassement_prevu']],
    ['already above the quote', 10500, '2026-11-20', true, ['devis_depasse']],
    ['before it starts', 0, '2026-10-20', false, []],
  ])('%s', (_n, spent, today, overrun, codes) => {
    const p = chantierProgress(c, spent, today);
    expect(p.overrun).toBe(overrun);
    expect(p.checks.map((x) => x.code)).toEqual(codes);
  });

  it('forecasts from the pace and says it in French', () => {
    const p = chantierProgress(c, 3000, '2026-11-06');
    expect(p.projected).toBe(12000);
    expect(p.ratio).toBeCloseTo(0.3);
    expect(p.checks[0]?.message).toBe('Au rythme actuel, environ 120 h à la fin le 27/11/2026 pour 100 h au devis : dépassement prévu.');
  });

  it('has no ratio nor warning without a quote', () => {
    expect(chantierProgress({ start: '2026-11-02', end: '2026-11-27' }, 99_900, '2026-11-06')).toMatchObject({ ratio: null, overrun: false, checks: [] });
  });
});
