// @vitest-environment jsdom
// « Aujourd'hui » on an offline tablet: who is where, who is absent and why, yesterday's missing
// hours; moving a salarié; a task refused for safety (with its reason, nothing saved) then an
// allowed one saved « en formation » with the aménagement warning.
import 'fake-indexeddb/auto';
import { describe, expect, it, afterEach } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Today } from '../../../src/ui/production/Today';
import { ServicesContext } from '../../../src/ui/shell/services';
import { ETI_ID, STRUCTURE_ID, testServices } from '../services';
import { IDS, seed } from './fixture';
import { weekPlanKey, weekTeamKey } from '../../../src/client/queries/production';
import { WeekView } from '../../../src/ui/production/lazyWeekView';
import { Matrice } from '../../../src/ui/competences/lazyMatrice';
import { frameKey } from '../../../src/ui/competences/matrixMemory';
import { isoDay } from '../../../src/ui/shell/format';
import { routesAheadFor, screenAhead } from '../../../src/ui/shell/hooks/screenAhead';

async function setup() {
  const services = testServices({ id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID });
  await seed(services);
  await services.db.outbox.clear();
  render(<ServicesContext.Provider value={services}><Today /></ServicesContext.Provider>);
  await screen.findByRole('heading', { name: /Mes équipes aujourd’hui/ });
  await screen.findByText('Parc de la mairie');
  return services;
}

afterEach(cleanup);

describe('Aujourd’hui', () => {
  it('reminds of a newcomer’s unfinished accueil, one tap from the checklist, and only theirs', async () => {
    const services = testServices({ id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID });
    await seed(services);
    await services.write('salarie', IDS.sara, { structureId: STRUCTURE_ID, firstName: 'Sara', lastName: 'Lopes', entryDate: '2026-11-09' });
    await services.write('onboarding', '01900000-0000-7000-8000-000000000888', { structureId: STRUCTURE_ID, salarieId: IDS.sara, visiteOn: '2026-11-09', securiteOn: '2026-11-09' });
    render(<ServicesContext.Provider value={services}><Today /></ServicesContext.Provider>);
    const reminder = await screen.findByTestId('accueil-reminder');
    expect(within(reminder).getByRole('link', { name: 'Sara Lopes' }).getAttribute('href')).toBe(`#/salarie/${IDS.sara}/accueil`);
    expect(reminder.textContent).toContain('2 sur 6 étapes faites');
    // The others have no entry date and no checklist started: no reminder about them.
    expect(within(reminder).queryByRole('link', { name: 'Kevin Martin' })).toBeNull();
  });

  it('reads this week of each team into memory once shown, so « Semaine » opens at once', async () => {
    const services = await setup();
    const memory = services.queries.production.weekMemory;
    // Read when idle, team then plan: wait for both (a loaded machine can take a while).
    await waitFor(() => {
      expect(memory.team.get(weekTeamKey(ETI_ID, IDS.team, '2026-11-16', '2026-11-20'))?.view?.members).toHaveLength(4);
      expect(memory.plan.get(weekPlanKey(ETI_ID, '2026-11-16'))?.assignments.length).toBeGreaterThan(0);
    }, { timeout: 5000 });
    // Its « Semaine » is announced, so the app builds that screen ahead, hidden (ScreenStack).
    await waitFor(() => expect(routesAheadFor(screenAhead.get(), ETI_ID)[0]).toBe(`/semaine/${IDS.team}/2026-11-16`));
    // The week view's code is loaded too: its first render is the grid, not « Chargement… ».
    cleanup();
    render(<ServicesContext.Provider value={services}><WeekView teamId={IDS.team} /></ServicesContext.Provider>);
    expect(screen.getByRole('heading', { name: /Semaine du 16\/11\/2026 — Espaces verts/ })).toBeTruthy();
  });

  it('then reads the matrix into memory, so its first open paints the grid at once', async () => {
    const services = await setup();
    const key = frameKey(ETI_ID, isoDay(services.now()), '', '');
    await waitFor(() => {
      const memory = services.queries.competences.matrixMemory;
      const frame = memory.frames.get(key);
      expect(frame?.members).toHaveLength(4);
      for (const m of frame!.members) expect(memory.levels.has(m.id)).toBe(true);
    }, { timeout: 5000 });
    // Then the matrix screen is announced, to be built ahead (its data is in memory).
    await waitFor(() => expect(routesAheadFor(screenAhead.get(), ETI_ID)).toEqual([`/semaine/${IDS.team}/2026-11-16`, '/matrice']));
    screenAhead.clear();
    cleanup();
    render(<ServicesContext.Provider value={services}><Matrice /></ServicesContext.Provider>);
    // No wait: code, names and levels are in memory, so the first render is the grid.
    expect(screen.getByRole('grid', { name: 'Niveaux par salarié et par compétence' })).toBeTruthy();
    expect(screen.getAllByRole('rowheader').map((r) => r.textContent)).toContain('Kevin Martin');
  });

  it('shows the day per chantier, the absents with their reason and yesterday’s missing hours', async () => {
    await setup();
    expect(screen.getByText('Berges de l’Essonne')).toBeTruthy();
    expect(screen.getAllByText('Kevin Martin').length).toBe(3);
    expect(screen.getByText(/En PMSMP chez Pépinières Durand jusqu’au 27\/11\/2026/)).toBeTruthy();
    expect(screen.getByText(/Absence déclarée : maladie/)).toBeTruthy();
    expect(screen.getByText('À faire').parentElement?.textContent).toContain('Heures du jeudi 19 novembre 2026 non saisies pour 2 salariés (Jean-Pierre Morel, Kevin Martin)');
    expect(screen.getByRole('link', { name: 'Relevé d’heures' }).getAttribute('href')).toBe(`#/releve/${IDS.team}`);
  });

  it('moves a salarié to another chantier for the day', async () => {
    const { db } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Déplacer Jean-Pierre Morel' }));
    fireEvent.click(await screen.findByRole('button', { name: /Vers Berges de l’Essonne/ }));
    await screen.findByText(/Jean-Pierre Morel est maintenant sur « Berges de l’Essonne »/);
    expect((await db.table('assignment').get(IDS.aJpAm))?.slotId).toBe(IDS.pmBerges);
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses a safety-critical task not acquis, with the reason, then saves an allowed one en formation', async () => {
    const { db } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Tâche de Jean-Pierre Morel' }));
    const panel = within(await screen.findByRole('region', { name: /Tâche de Jean-Pierre Morel/ }));
    fireEvent.input(panel.getByLabelText('Tâche'), { target: { value: 'Débroussaillage du talus' } });
    fireEvent.click(panel.getByLabelText(/Utiliser le débroussailleur/));
    expect(panel.getByText(/Décision : Refusé/)).toBeTruthy();
    fireEvent.click(panel.getByRole('button', { name: 'Affecter la tâche' }));
    const alert = await panel.findByRole('alert');
    expect(alert.textContent).toContain('Tâche refusée pour Jean-Pierre Morel');
    expect(alert.textContent).toContain('Compétence de sécurité non acquise (niveau 3 requis)');
    expect((await db.table('assignment').get(IDS.aJpAm))?.task).toBe('Désherbage manuel');
    expect(await db.outbox.count()).toBe(0);

    fireEvent.click(panel.getByLabelText(/Utiliser le débroussailleur/));
    fireEvent.click(panel.getByLabelText(/Ramasser et évacuer/));
    fireEvent.input(panel.getByLabelText('Tâche'), { target: { value: 'Ramassage des déchets verts' } });
    fireEvent.input(panel.getByLabelText('Consignes'), { target: { value: 'Charger la remorque sans dépasser les ridelles.' } });
    expect(panel.getByText(/Décision : En formation/)).toBeTruthy();
    expect(panel.getByText(/Aménagement de poste \(port de charges\)/)).toBeTruthy();
    fireEvent.click(panel.getByRole('button', { name: 'Affecter la tâche' }));
    await panel.findByText(/Tâche enregistrée, en formation : restez à proximité de Jean-Pierre Morel/);
    const saved = await db.table('assignment').get(IDS.aJpAm);
    expect(saved).toMatchObject({ task: 'Ramassage des déchets verts', training: true, competenceIds: [IDS.ram], slotId: IDS.amParc });
    await waitFor(() => expect(screen.getAllByText(/En formation/).length).toBeGreaterThan(0));
  });
});
