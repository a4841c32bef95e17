// The monthly CSV as a French spreadsheet reads it: BOM, ';', ',' decimals, quoted names, and
// numbers that round-trip exactly.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ABSENCE_TYPES } from '../../../src/domain/entities';
import { BOM, EXPORT_COLUMNS, buildMonthCsv, exportFileName, frNumber, parseCsv, parseFrNumber } from '../../../src/domain/production/exportCsv';
import { emptyTotals, fromCenti, totalsOf } from '../../../src/domain/production/hours';

describe('buildMonthCsv', () => {
  const rows = [
    { salarieId: 'id-b', lastName: 'Morel', firstName: 'Jean-Pierre', weeklyHours: 24, totals: totalsOf([{ salarieId: 'id-b', date: '2026-11-02', hours: 6 }, { salarieId: 'id-b', date: '2026-11-03', hours: 0, absence: 'maladie', absenceHours: 6 }]) },
    { salarieId: 'id-a', lastName: 'Da Silva; "dit Kiki"', firstName: 'Kévin', weeklyHours: null, totals: totalsOf([{ salarieId: 'id-a', date: '2026-11-02', hours: 6.5, lateMinutes: 15 }]) },
  ];
  const text = buildMonthCsv('2026-11', rows);

  it('starts with a BOM, uses ; and CRLF, and documents its columns in the header', () => {
    expect(text.startsWith(BOM)).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(';'));
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(EXPORT_COLUMNS).toContain('Heures absence accident du travail');
  });

  it('writes one line per salarié, sorted by name, with French decimals and quoted fields', () => {
    const [, first, second] = parseCsv(text);
    expect(first).toEqual(['2026-11', 'id-a', 'Da Silva; "dit Kiki"', 'Kévin', '', '6,50', '0,00', '0,00', '0,00', '0,00', '0,00', '0,00', '0,00', '1', '15']);
    expect(second?.slice(0, 7)).toEqual(['2026-11', 'id-b', 'Morel', 'Jean-Pierre', '24,00', '6,00', '6,00']);
    expect(text).toContain('"Da Silva; ""dit Kiki"""');
  });

  it('round-trips every hour figure (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: ABSENCE_TYPES.length + 1, maxLength: ABSENCE_TYPES.length + 1 }), fc.string({ maxLength: 20 }), (centis, name) => {
      const t = emptyTotals();
      t.worked = centis[0]!;
      ABSENCE_TYPES.forEach((k, i) => { t.absence[k] = centis[i + 1]!; });
      const [, line] = parseCsv(buildMonthCsv('2026-11', [{ salarieId: 'x', lastName: name, firstName: 'A', weeklyHours: 26, totals: t }]));
      expect(line?.[2]).toBe(name);
      expect(parseFrNumber(line![5]!)).toBe(fromCenti(t.worked));
      ABSENCE_TYPES.forEach((k, i) => expect(parseFrNumber(line![6 + i]!)).toBe(fromCenti(t.absence[k])));
    }), { seed: 42, numRuns: 200 });
  });

  it('formats numbers and file names', () => {
    expect(frNumber(109.2)).toBe('109,20');
    expect(parseFrNumber('109,20')).toBe(109.2);
    expect(exportFileName('Les Jardins de l’Essonne', '2026-11')).toBe('heures-les-jardins-de-l-essonne-2026-11.csv');
  });
});
