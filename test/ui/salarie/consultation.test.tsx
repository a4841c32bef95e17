// @vitest-environment jsdom
// Consultation mode on the ETI's tablet, through the App: lending from a salarié's file with a PIN
// typed twice; then only that salarié's space (their shared entry, never a private or team one,
// never a teammate's data, no ETI tab); a wrong PIN refused in French; a reload stays lent; the
// right PIN gives the tablet back.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { App } from '../../../src/ui/shell/App';
import { SalarieDossier } from '../../../src/ui/livret/SalarieDossier';
import { CONSULTATION_KEY } from '../../../src/client/consultation';
import { EMOJI, ETI, NOT_MINE, W, mount, seedSalarie } from './world';

afterEach(() => { cleanup(); localStorage.clear(); location.hash = ''; });

describe('Prêter la tablette', () => {
  it('lends from the file, shows only the salarié’s space, and gives it back with the PIN', async () => {
    const dossier = mount(ETI, <SalarieDossier salarieId={W.sal1} tab="" user={ETI} />);
    await seedSalarie(dossier.services);
    fireEvent.click(await screen.findByRole('button', { name: /Prêter la tablette à Amina/ }));
    fireEvent.input(screen.getByLabelText('Code pour reprendre la tablette'), { target: { value: '2468' } });
    fireEvent.input(screen.getByLabelText('Le même code, une deuxième fois'), { target: { value: '2469' } });
    fireEvent.click(screen.getByRole('button', { name: /^Prêter la tablette$/ }));
    await screen.findByText('Les deux codes ne sont pas les mêmes.');
    fireEvent.input(screen.getByLabelText('Le même code, une deuxième fois'), { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: /^Prêter la tablette$/ }));
    await waitFor(() => expect(localStorage.getItem(CONSULTATION_KEY)).not.toBeNull());
    expect(localStorage.getItem(CONSULTATION_KEY)).not.toContain('2468');
    cleanup();

    // The app on the same tablet (same database): the salarié's space only, on every route.
    const { db } = dossier.services;
    const app = mount(ETI, <App />, () => ({ db, queries: dossier.services.queries, write: dossier.services.write }));
    location.hash = '#/mes-progres';
    await screen.findByTestId('consultation');
    await screen.findByText('Bravo pour ta régularité');
    await waitFor(() => expect(screen.getAllByTestId('my-competence').length).toBeGreaterThan(0));
    for (const t of NOT_MINE) expect(app.view.container.textContent).not.toContain(t);
    expect(app.view.container.textContent).not.toMatch(EMOJI);
    expect(screen.queryByRole('link', { name: 'Matrice' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Se déconnecter' })).toBeNull();
    expect(screen.getAllByRole('link').map((a) => a.textContent?.trim())).toEqual(['Ma semaine', 'Mes progrès', 'Mes papiers']);

    // A reload: a new App over the same storage stays lent.
    cleanup();
    mount(ETI, <App />, () => ({ db, queries: dossier.services.queries }));
    await screen.findByTestId('consultation');

    fireEvent.click(screen.getByRole('button', { name: /Rendre la tablette/ }));
    fireEvent.input(screen.getByLabelText('Code de l’encadrant'), { target: { value: '1111' } });
    fireEvent.click(screen.getByRole('button', { name: /Valider le code/ }));
    await screen.findByText('Ce n’est pas le bon code.');
    fireEvent.input(screen.getByLabelText('Code de l’encadrant'), { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: /Valider le code/ }));
    await waitFor(() => expect(screen.queryByTestId('consultation')).toBeNull());
    expect(screen.getByRole('button', { name: 'Se déconnecter' })).toBeTruthy();
    expect(localStorage.getItem(CONSULTATION_KEY)).toBeNull();
  });
});
