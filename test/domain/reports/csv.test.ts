// The reports' CSV files open in a French spreadsheet as the hours export does (BOM, « ; »,
// decimal comma, CRLF) and carry the figures, then an empty line, then the list behind them.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/domain/production/exportCsv';
import { acquiredCsv, alertsCsv, exitsCsv, hoursCsv, reportFileName, type ReportNames } from '../../../src/domain/reports/csv';
import { exitReport } from '../../../src/domain/reports/exits';
import { acquiredReport } from '../../../src/domain/reports/competences';
import { hoursReport } from '../../../src/domain/reports/hours';
import { alertReport } from '../../../src/domain/reports/alerts';
import { teamLookup } from '../../../src/domain/reports/teams';

const teamOf = teamLookup([{ salarieId: 'ana', teamId: 'verts', from: '2025-01-01' }]);
const people: Record<string, { firstName: string; lastName: string }> = { ana: { firstName: 'Ana', lastName: 'Diaz' }, bob: { firstName: 'Bob', lastName: 'Lenoir; dit « Bobby »' } };
const names: ReportNames = {
  team: (id) => (id === 'verts' ? 'Espaces verts' : 'Équipe inconnue'),
  salarie: (id) => people[id],
  competence: (id) => (id === 'taille' ? 'Taille de haies' : id),
  user: (id) => (id === 'claire' ? 'Claire Petit' : id),
};

describe('reports as CSV', () => {
  it('exits: figures by team and in total, then who, which kind, counted or why not', () => {
    const r = exitReport({
      salaries: [
        { id: 'ana', firstName: 'Ana', lastName: 'Diaz', entryDate: '2025-01-06', exitDate: '2026-02-27', exitKind: 'cdi' },
        { id: 'bob', firstName: 'Bob', lastName: 'Lenoir', entryDate: '2026-01-05', exitDate: '2026-02-27', exitKind: 'chomage' },
        { id: 'cid', firstName: 'Cid', lastName: 'Roy', entryDate: '2025-01-05', exitDate: '2026-03-27', exitKind: 'longue_maladie' },
      ],
      contractStarts: new Map(), teamOf, year: 2026, team: null,
    });
    const text = exitsCsv(r, names, null);
    expect(text.startsWith('\uFEFFAnnée;Équipe;Emploi durable;')).toBe(true);
    expect(text).toContain('\r\n');
    const rows = parseCsv(text);
    expect(rows[1]).toEqual(['2026', 'Espaces verts', '1', '0', '0', '0', '1', '1', '0', '100,0', '60,0']);
    expect(rows[2]).toEqual(['2026', 'Sans équipe', '0', '0', '0', '0', '0', '0', '2', '', '60,0']);
    expect(rows[3]).toEqual(['2026', 'Toute la structure', '1', '0', '0', '0', '1', '1', '2', '100,0', '60,0']);
    expect(rows[4]).toEqual(['']);
    expect(rows[5]?.[0]).toBe('Salarié');
    expect(rows.slice(6)).toEqual([
      ['Ana Diaz', 'Espaces verts', '2025-01-06', '2026-02-27', 'CDI, aidé ou non, chez un autre employeur', 'Emploi durable', 'oui', ''],
      ['Bob Lenoir', 'Sans équipe', '2026-01-05', '2026-02-27', 'Au chômage', 'Sortie négative', 'non', 'Présence de moins de 3 mois'],
      ['Cid Roy', 'Sans équipe', '2025-01-05', '2026-03-27', 'Congé de longue maladie', 'Sortie neutralisée', 'non', 'Sortie neutralisée'],
    ]);
  });

  it('competences, hours and alerts: decimal commas, quoted fields, names', () => {
    const acquired = acquiredReport([{ id: 'e1', salarieId: 'bob', competenceId: 'taille', level: 3, context: 'production', date: '2026-02-03' }], teamOf, 2026, null, '2026-02-28');
    expect(parseCsv(acquiredCsv(acquired, names))).toEqual([
      ['Mois', 'Sans équipe', 'Total'], ['2026-01', '0', '0'], ['2026-02', '1', '1'], [''],
      ['Date', 'Salarié', 'Équipe', 'Compétence', 'Niveau atteint'], ['2026-02-03', 'Bob Lenoir; dit « Bobby »', 'Sans équipe', 'Taille de haies', '3'],
    ]);
    expect(acquiredCsv(acquired, names)).toContain('"Bob Lenoir; dit « Bobby »"');

    const hours = hoursReport({ entries: [{ salarieId: 'ana', date: '2026-01-05', hours: 6.5 }], contracts: new Map([['ana', [{ type: 'cddi', start: '2026-01-05', end: null, weeklyHours: 26 }]]]), teamOf, year: 2026, team: null, until: '2026-01-09' });
    expect(parseCsv(hoursCsv(hours, names))).toEqual([
      ['Mois', 'Heures travaillées', 'Heures prévues au contrat', 'Taux de réalisation (%)'], ['2026-01', '6,50', '26,00', '25,0'], [''],
      ['Mois', 'Salarié', 'Heures travaillées', 'Heures prévues au contrat'], ['2026-01', 'Ana Diaz', '6,50', '26,00'],
    ]);

    const alerts = alertReport([{ id: 'a', salarieId: 'ana', date: '2026-01-05', alert: true }, { id: 'b', salarieId: 'ana', date: '2026-01-06', alert: true }],
      [{ logEntryId: 'a', reviewerId: 'claire', at: '2026-01-08T10:00:00Z', day: '2026-01-08' }], teamOf, 2026, 'verts', '2026-01-09');
    expect(parseCsv(alertsCsv(alerts, names))).toEqual([
      ['Mois', 'Alertes', 'Lues', 'Non lues', 'Délai médian (jours)', 'Délai le plus long (jours)'], ['2026-01', '2', '1', '1', '3,0', '3,0'], [''],
      ['Date de l’alerte', 'Salarié', 'Équipe', 'Première lecture', 'Lue par', 'Délai (jours)', 'En attente depuis (jours)'],
      ['2026-01-05', 'Ana Diaz', 'Espaces verts', '2026-01-08', 'Claire Petit', '3', ''],
      ['2026-01-06', 'Ana Diaz', 'Espaces verts', '', '', '', '3'],
    ]);
  });

  it('file names name the report, the year and the team', () => {
    expect(reportFileName('sorties', 2026, null)).toBe('rapport-sorties-2026.csv');
    expect(reportFileName('sorties', 2026, 'Espaces verts & Tri')).toBe('rapport-sorties-2026-espaces-verts-tri.csv');
  });
});
