// @vitest-environment jsdom
// The coordination's month: totals per salarié, « Valider le mois » writes a monthClose, and the
// CSV behind the download link has the BOM, ';' and ',' decimals with the right figures.
import 'fake-indexeddb/auto';
import { describe, expect, it, afterEach, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { MonthHours } from '../../../src/ui/production/MonthHours';
import { ServicesContext } from '../../../src/ui/shell/services';
import { parseCsv } from '../../../src/domain/production/exportCsv';
import { STRUCTURE_ID, testServices } from '../services';
import { IDS, seed } from './fixture';

const COORD = '01900000-0000-7000-8000-000000000003';
afterEach(() => { cleanup(); vi.restoreAllMocks(); });

describe('Heures du mois (coordination)', () => {
  it('validates the month and offers the CSV with the month’s figures', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = (b: Blob | MediaSource) => { blobs.push(b as Blob); return `blob:test/${blobs.length}`; };
    URL.revokeObjectURL = () => undefined;
    const services = testServices({ id: COORD, role: 'coordinator', structureId: STRUCTURE_ID });
    await seed(services);
    await services.write('timeEntry', '01900000-0000-7000-8000-000000007777', { structureId: STRUCTURE_ID, salarieId: IDS.kevin, date: '2026-11-19', hours: 6.25, lateMinutes: 15 });
    render(<ServicesContext.Provider value={services}><MonthHours /></ServicesContext.Provider>);
    fireEvent.click(await screen.findByLabelText('novembre 2026'));
    await waitFor(() => expect(screen.getByTestId(`worked-${IDS.kevin}`).textContent).toBe('6,25 h'));
    const link = await screen.findByRole('link', { name: /Télécharger le CSV \(4 salariés\)/ });
    expect(link.getAttribute('download')).toBe('heures-les-jardins-de-l-essonne-2026-11.csv');
    const blob = blobs[Number(link.getAttribute('href')!.split('/').pop()) - 1]!;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    const kevin = rows.find((r) => r[1] === IDS.kevin)!;
    expect(kevin.slice(0, 6)).toEqual(['2026-11', IDS.kevin, 'Martin', 'Kevin', '26,00', '6,25']);
    const sara = rows.find((r) => r[1] === IDS.sara)!;
    expect(sara[6]).toBe('6,50');

    fireEvent.click(screen.getByRole('button', { name: 'Valider le mois de novembre 2026' }));
    await screen.findByText(/Mois de novembre 2026 validé/);
    const closes = await services.db.table('monthClose').toArray();
    expect(closes).toHaveLength(1);
    expect(closes[0]).toMatchObject({ month: '2026-11', closedBy: COORD });
    await screen.findByText(/Mois validé le/);
  });
});
