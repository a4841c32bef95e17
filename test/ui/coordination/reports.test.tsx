// @vitest-environment jsdom
// « Rapports » for the coordination: the year's dynamic exit rate against 60 % with the
// neutralised exit and the exit under 3 months listed apart with why; a team filter; the
// competences acquired, hours against contract hours and alert reading times per month, each
// as a table of figures (jsdom has no canvas: the chart is left out and the table remains);
// « Exporter (CSV) » downloads a French spreadsheet file with the figures and the people.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { parseCsv } from '../../../src/domain/production/exportCsv';
import { ReportsPage } from '../../../src/ui/coordination/reports/ReportsPage';
import { Chart } from '../../../src/ui/coordination/reports/Chart';
import { ServicesContext } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

// uPlot draws on a canvas jsdom lacks: a stand-in records what the chart was asked to draw.
const plots = vi.hoisted(() => [] as { series: string[]; data: unknown[]; destroyed: boolean }[]);
vi.mock('uplot', () => ({
  default: class {
    static paths = { bars: () => () => null };
    rec: { series: string[]; data: unknown[]; destroyed: boolean };
    constructor(opts: { series: { label?: string }[] }, data: unknown[], el: HTMLElement) {
      this.rec = { series: opts.series.map((x) => x.label ?? ''), data, destroyed: false };
      plots.push(this.rec);
      el.appendChild(document.createElement('canvas'));
    }
    setSize() { /* no layout in jsdom */ }
    destroy() { this.rec.destroyed = true; }
  },
}));

const id = (n: number): string => `01900000-0000-7000-8000-${n.toString().padStart(12, '0')}`;
const COORD = id(3);
const ETI = id(4);
const VERTS = id(301);
const TRI = id(302);
const [ANA, BOB, DAN, EVE, LEA] = [id(11), id(12), id(13), id(14), id(15)];
const ACT = id(701);
const TAILLE = id(801);
const TONTE = id(802);

const blobs: Blob[] = [];
const preventNavigation = (e: Event) => e.preventDefault();

beforeEach(() => {
  blobs.length = 0;
  // jsdom has no object URLs; the export's Blob is kept to read the file a user would get.
  URL.createObjectURL = vi.fn((b: Blob) => { blobs.push(b); return 'blob:rapport'; });
  URL.revokeObjectURL = vi.fn();
  document.addEventListener('click', preventNavigation, true);
});
afterEach(() => {
  cleanup();
  document.removeEventListener('click', preventNavigation, true);
});

async function world() {
  const services = testServices({ id: COORD, role: 'coordinator', structureId: STRUCTURE_ID });
  const s = { structureId: STRUCTURE_ID };
  const w = services.write;
  await w('structure', STRUCTURE_ID, { ...s, name: 'Les Jardins', type: 'ACI' });
  await w('user', COORD, { ...s, login: 'claire', displayName: 'Claire Petit', role: 'coordinator' });
  await w('user', ETI, { ...s, login: 'paul', displayName: 'Paul Roux', role: 'eti' });
  await w('team', VERTS, { ...s, name: 'Espaces verts', etiUserIds: [ETI] });
  await w('team', TRI, { ...s, name: 'Tri textile', etiUserIds: [ETI] });
  const people: [string, string, string, string, string | undefined, string | undefined, string][] = [
    [ANA, 'Ana', 'Diaz', '2025-03-03', '2026-02-27', 'cdi', VERTS],
    [BOB, 'Bob', 'Lenoir', '2025-06-02', '2026-06-30', 'chomage', TRI],
    [DAN, 'Dan', 'Morel', '2026-01-05', '2026-09-30', 'maternite', TRI],
    [EVE, 'Ève', 'Roux', '2026-02-02', '2026-04-30', 'cdd_moins_6_mois', VERTS],
    [LEA, 'Léa', 'Petit', '2025-09-01', undefined, undefined, VERTS],
  ];
  for (const [sid, firstName, lastName, entryDate, exitDate, exitKind, team] of people) {
    await w('salarie', sid, { ...s, firstName, lastName, entryDate, ...(exitDate ? { exitDate } : {}), ...(exitKind ? { exitKind: exitKind as 'cdi' } : {}) });
    await w('membership', `${sid.slice(0, -3)}9${sid.slice(-2)}`, { ...s, teamId: team, salarieId: sid, from: entryDate });
  }
  await w('contract', id(501), { ...s, salarieId: LEA, type: 'cddi', start: '2025-09-01', weeklyHours: 26 });
  await w('activity', ACT, { ...s, name: 'Espaces verts' });
  await w('competence', TAILLE, { ...s, activityId: ACT, label: 'Taille de haies' });
  await w('competence', TONTE, { ...s, activityId: ACT, label: 'Tonte' });
  const ev = { ...s, salarieId: LEA, evaluatorId: ETI };
  await w('evaluation', id(601), { ...ev, competenceId: TAILLE, level: 3, context: 'production', date: '2026-03-12' });
  await w('evaluation', id(602), { ...ev, competenceId: TAILLE, level: 4, context: 'production', date: '2026-05-01' });
  await w('evaluation', id(603), { ...ev, competenceId: TONTE, level: 3, context: 'self', date: '2026-03-20' });
  await w('timeEntry', id(901), { ...s, salarieId: LEA, date: '2026-11-02', hours: 5.2 });
  await w('timeEntry', id(902), { ...s, salarieId: LEA, date: '2026-11-03', hours: 5.2 });
  const entry = { ...s, salarieId: LEA, authorId: ETI, category: 'alerte' as const, text: 'Malaise sur le chantier', visibility: 'team' as const, alert: true };
  await w('logEntry', id(1001), { ...entry, date: '2026-11-02' });
  await w('logEntry', id(1002), { ...entry, date: '2026-11-16' });
  await w('review', id(1101), { ...s, logEntryId: id(1001), reviewerId: COORD, at: '2026-11-04T09:00:00.000Z', salarieId: LEA });
  render(<ServicesContext.Provider value={services}><ReportsPage /></ServicesContext.Provider>);
  await screen.findByRole('heading', { name: 'Rapports' });
  return services;
}

const section = (name: string) => screen.getByRole('heading', { name, level: 3 }).closest('section') as HTMLElement;
const rowOf = (table: HTMLElement, header: string) => within(table).getByRole('rowheader', { name: header }).closest('tr') as HTMLElement;
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);

describe('Rapports', () => {
  it('shows the dynamic exit rate against 60 %, by month and by team, and who is behind each figure', async () => {
    await world();
    const exits = section('Sorties et sorties dynamiques');
    // Ana (CDI) and Bob (chômage) count; Dan (maternité) is neutralised, Ève stayed under 3 months.
    expect(within(exits).getByTestId('exit-rate').textContent).toBe('50 %');
    expect(within(exits).getByText('non atteint')).toBeTruthy();
    const monthly = within(exits).getByRole('table', { name: 'Sorties par mois, 2026' });
    expect(cells(rowOf(monthly, 'février 2026'))).toEqual(['1', '1', '100 %']);
    expect(cells(rowOf(monthly, 'juin 2026'))).toEqual(['1', '0', '50 %']);
    expect(within(monthly).queryByRole('rowheader', { name: 'décembre 2026' })).toBeNull();
    const byTeam = within(exits).getByRole('table', { name: 'Sorties par équipe, 2026' });
    expect(cells(rowOf(byTeam, 'Espaces verts'))).toEqual(['1', '0', '0', '0', '1', '1', '1', '100 %']);
    expect(cells(rowOf(byTeam, 'Tri textile'))).toEqual(['0', '0', '0', '1', '1', '0', '1', '0 %']);
    expect(cells(rowOf(byTeam, 'Toute la structure'))).toEqual(['1', '0', '0', '1', '2', '1', '2', '50 %']);

    const notCounted = within(exits).getByText('Sorties non comptées : 2').closest('details') as HTMLElement;
    const items = within(notCounted).getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toContain('Ève Roux');
    expect(items[0]).toContain('non comptée : présence de moins de 3 mois');
    expect(items[1]).toContain('Dan Morel');
    expect(items[1]).toContain('non comptée : sortie neutralisée');
    const durable = within(exits).getByText('Emploi durable : 1').closest('details') as HTMLElement;
    expect(within(durable).getByRole('listitem').textContent).toContain('Ana Diaz — sortie le 27 févr. 2026 (Espaces verts) — CDI');

    // No canvas in jsdom: no chart, the tables say it all.
    expect(document.querySelector('.report-chart')).toBeNull();
  });

  it('filters on a team and on a year', async () => {
    await world();
    fireEvent.change(screen.getByLabelText('Équipe'), { target: { value: VERTS } });
    const exits = section('Sorties et sorties dynamiques');
    expect(within(exits).getByTestId('exit-rate').textContent).toBe('100 %');
    expect(within(exits).getByText('atteint')).toBeTruthy();
    expect(within(exits).queryByText(/Dan Morel/)).toBeNull();
    fireEvent.change(screen.getByLabelText('Année'), { target: { value: '2025' } });
    expect(within(section('Sorties et sorties dynamiques')).getByText('Aucune sortie comptée en 2025 (0 sortie au total).')).toBeTruthy();
    expect(within(section('Sorties et sorties dynamiques')).getByRole('table', { name: 'Sorties par mois, 2025' })).toBeTruthy();
  });

  it('shows competences acquired, hours against contracts and alert reading times per month', async () => {
    await world();
    const acquired = section('Compétences acquises');
    // Léa reached « Acquis » in March; « Maîtrisé » in May is not a second acquisition; a self-assessment never counts.
    expect(within(acquired).getByText(/1 compétence acquise en 2026/)).toBeTruthy();
    const acqTable = within(acquired).getByRole('table');
    expect(cells(rowOf(acqTable, 'mars 2026'))).toEqual(['1', '1']);
    expect(cells(rowOf(acqTable, 'mai 2026'))).toEqual(['0', '0']);
    expect(within(acquired).getByText('Acquises en mars 2026 : 1').closest('details')?.textContent).toContain('Léa Petit — Taille de haies (Acquis) — Espaces verts');

    const hours = within(section('Heures travaillées et heures du contrat')).getByRole('table');
    // November to the 20th: 15 weekdays × 5,2 h expected; 2 days of 5,2 h worked.
    expect(cells(rowOf(hours, 'novembre 2026'))).toEqual(['10,4 h', '78 h', '13,3 %']);

    const alerts = section('Délai de lecture des alertes');
    expect(within(alerts).getByText('2 j', { selector: 'strong' })).toBeTruthy();
    expect(cells(rowOf(within(alerts).getByRole('table'), 'novembre 2026'))).toEqual(['2', '1', '1', '2 j', '2 j']);
    const list = within(alerts).getByText('Alertes de novembre 2026 : 2').closest('details') as HTMLElement;
    expect(list.textContent).toContain('lue le 4 nov. 2026 par Claire Petit, après 2 j');
    expect(list.textContent).toContain('non lue depuis 4 j');
  });

  it('exports a report as a CSV file for a French spreadsheet', async () => {
    await world();
    const link = screen.getByRole('link', { name: 'Exporter (CSV) : Sorties et sorties dynamiques' });
    expect(link.getAttribute('download')).toBe('rapport-sorties-2026.csv');
    fireEvent.click(link);
    expect(blobs).toHaveLength(1);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(rows[0]?.slice(0, 3)).toEqual(['Année', 'Équipe', 'Emploi durable']);
    expect(rows).toContainEqual(['2026', 'Toute la structure', '1', '0', '0', '1', '2', '1', '2', '50,0', '60,0']);
    expect(rows).toContainEqual(['Dan Morel', 'Tri textile', '2026-01-05', '2026-09-30', 'Congé de maternité', 'Sortie neutralisée', 'non', 'Sortie neutralisée']);

    fireEvent.change(screen.getByLabelText('Équipe'), { target: { value: TRI } });
    const hoursLink = screen.getByRole('link', { name: 'Exporter (CSV) : Heures travaillées et heures du contrat' });
    expect(hoursLink.getAttribute('download')).toBe('rapport-heures-2026-tri-textile.csv');
  });
});

describe('the chart', () => {
  it('loads uPlot on first use where a canvas exists, and draws the figures of the table', async () => {
    const w = window as unknown as Record<string, unknown>;
    const saved = { ctx: w.CanvasRenderingContext2D, ro: w.ResizeObserver };
    w.CanvasRenderingContext2D = function CanvasRenderingContext2D() { /* present, as in a browser */ };
    w.ResizeObserver = class { observe() { /* no layout */ } disconnect() { /* nothing */ } };
    try {
      plots.length = 0;
      const { container, unmount } = render(<Chart title="Essai" labels={['janv.', 'févr.']} series={[{ label: 'Heures travaillées', values: [3, null], color: '#1d4ed8', bars: true }]} unit=" h" />);
      await waitFor(() => expect(plots).toHaveLength(1));
      expect(plots[0]).toMatchObject({ series: ['Mois', 'Heures travaillées'], data: [[0, 1], [3, null]] });
      // A picture of the table beside it: hidden from screen readers.
      expect(container.querySelector('.report-chart')?.getAttribute('aria-hidden')).toBe('true');
      expect(container.querySelector('canvas')).not.toBeNull();
      unmount();
      await waitFor(() => expect(plots[0]?.destroyed).toBe(true));
    } finally {
      w.CanvasRenderingContext2D = saved.ctx;
      w.ResizeObserver = saved.ro;
    }
  });
});
