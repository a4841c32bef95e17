// @vitest-environment jsdom
// Chantiers: create one with its phases and quote, add a dated aléa, and see the overrun warning
// when the hours spent run ahead of the quote.
import 'fake-indexeddb/auto';
import { describe, expect, it, afterEach } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ChantierEditor } from '../../../src/ui/production/ChantierEditor';
import { Chantiers } from '../../../src/ui/production/Chantiers';
import { ServicesContext } from '../../../src/ui/shell/services';
import { ETI_ID, STRUCTURE_ID, testServices } from '../services';
import { IDS, seed } from './fixture';

afterEach(cleanup);

describe('Chantiers', () => {
  it('creates a chantier with phases and quote, then records a dated aléa', async () => {
    const services = testServices({ id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID });
    await seed(services);
    const view = render(<ServicesContext.Provider value={services}><ChantierEditor chantierId={null} /></ServicesContext.Provider>);
    await screen.findByRole('heading', { name: 'Nouveau chantier' });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le chantier' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Donnez un nom au chantier.');
    fireEvent.input(screen.getByLabelText('Nom du chantier'), { target: { value: 'Jardin de l’école' } });
    fireEvent.input(screen.getByLabelText('Client'), { target: { value: 'École Jules Ferry' } });
    fireEvent.input(screen.getByLabelText('Devis : heures'), { target: { value: '120' } });
    fireEvent.input(screen.getByLabelText('Devis : montant (€)'), { target: { value: '2880,50' } });
    fireEvent.click(screen.getAllByLabelText('Terminé')[0]!);
    fireEvent.input(screen.getByLabelText('Consignes de sécurité'), { target: { value: 'Enfants présents : balisage.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le chantier' }));
    await screen.findByText('Chantier enregistré sur la tablette.');
    const [row] = (await services.db.table('chantier').toArray()).filter((c) => c.name === 'Jardin de l’école');
    expect(row).toMatchObject({ teamId: IDS.team, client: 'École Jules Ferry', quotedHours: 120, quoteAmount: 2880.5, safetyNotes: 'Enfants présents : balisage.' });
    expect(row!.phases[0]).toEqual({ name: 'commande', status: 'termine' });

    view.unmount();
    render(<ServicesContext.Provider value={services}><ChantierEditor chantierId={row!.id} /></ServicesContext.Provider>);
    await screen.findByRole('heading', { name: 'Aléas' });
    fireEvent.input(screen.getByLabelText('Aléa'), { target: { value: 'Tondeuse en panne, reprise jeudi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter l’aléa' }));
    await screen.findByText(/Tondeuse en panne, reprise jeudi/);
    expect((await services.db.table('chantier').get(row!.id))?.hazards).toEqual([{ date: '2026-11-20', text: 'Tondeuse en panne, reprise jeudi' }]);
  });

  it('warns when the chantier will overrun its quote at the current pace', async () => {
    const services = testServices({ id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID });
    await seed(services, { overtime: true });
    await services.write('chantier', IDS.parc, { quotedHours: 30 });
    for (const [d, h] of [['2026-11-16', 7.5], ['2026-11-17', 7.5], ['2026-11-18', 7.5], ['2026-11-19', 4]] as const) {
      await services.write('timeEntry', `01900000-0000-7000-8000-0000000009${d.slice(8)}`, { structureId: STRUCTURE_ID, salarieId: IDS.kevin, date: d, hours: h });
    }
    render(<ServicesContext.Provider value={services}><Chantiers /></ServicesContext.Provider>);
    await waitFor(() => expect(screen.getByText(/26,5 h passées sur 30 h au devis \(88 %\)/)).toBeTruthy());
    expect(screen.getByText(/dépassement prévu/)).toBeTruthy();
  });
});
