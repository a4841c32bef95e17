// @vitest-environment jsdom
// The matrice de positionnement on an offline tablet: levels read without colour, a level saved
// in two taps (cell, level) with its context and comment, the history one tap away, the
// salarié's differing self-assessment shown, objectives due and late, and a refused save.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ServicesContext } from '../../../src/ui/shell/services';
import { Matrice } from '../../../src/ui/competences/Matrice';
import { ValidationError } from '../../../src/client/repository';
import { ETI_ID, STRUCTURE_ID } from '../services';
import { ETI, W, evaluate, mount, nextId, seedWorld } from './world';

afterEach(cleanup);

async function setup(wrap?: Parameters<typeof mount>[2]) {
  const m = mount(ETI, <Matrice />, wrap);
  await seedWorld(m.services);
  await screen.findByRole('grid');
  // The grid may first show part of the world (mounted before the seed): wait for its last column.
  await screen.findByRole('columnheader', { name: /Tailler une haie/ });
  return m;
}

const cell = (name: RegExp) => screen.getByRole('gridcell', { name });

describe('Matrice de positionnement', () => {
  it('never paints the matrix last read for another user of the tablet', async () => {
    const { services } = await setup();
    await waitFor(() => expect(screen.getAllByTestId('matrix-cell').length).toBeGreaterThan(0));
    cleanup();
    // Same tablet and database, someone else signed in: the first paint is not the last user's grid.
    const other = { ...services, session: { get: () => ({ ...ETI, id: '01900000-0000-7000-8000-0000000000ff' }), subscribe: () => () => undefined } };
    render(<ServicesContext.Provider value={other}><Matrice /></ServicesContext.Provider>);
    expect(screen.queryAllByTestId('matrix-cell')).toHaveLength(0);
    // The same user back: painted from memory at once.
    cleanup();
    render(<ServicesContext.Provider value={services}><Matrice /></ServicesContext.Provider>);
    expect(screen.queryAllByTestId('matrix-cell').length).toBeGreaterThan(0);
  });

  it('shows every salarié × competence of the team’s activity with symbol and number, not colour alone', async () => {
    const { services } = await setup();
    await evaluate(services, W.sal1, W.tonte, 3, 'production', '2026-11-02');
    await waitFor(() => expect(cell(/^Amina Diallo, Tondre une pelouse : 3 Acquis/)).toBeTruthy());
    expect(screen.getAllByTestId('matrix-cell')).toHaveLength(6);
    const c = cell(/^Amina Diallo, Tondre une pelouse/);
    expect(c.textContent).toBe('3');
    expect(c.classList.contains('lvl-3')).toBe(true);
    expect(cell(/^Bruno Martin, Porter les EPI : 0 Non abordé/).textContent).toBe('0');
    expect(cell(/^Bruno Martin, Porter les EPI : 0 Non abordé/).classList.contains('lvl-0')).toBe(true);
    expect(screen.getByRole('columnheader', { name: /Porter les EPI.*critique pour la sécurité/ })).toBeTruthy();
  });

  it('saves a level in two taps: the cell, then the level (context production by default)', async () => {
    const { services } = await setup();
    const before = await services.db.outbox.count();
    fireEvent.click(cell(/^Bruno Martin, Tailler une haie/));
    fireEvent.click(await screen.findByRole('button', { name: /^2 · En cours/ }));
    await screen.findByText('Enregistré : Bruno Martin — Tailler une haie : En cours.');
    const rows = await services.db.table('evaluation').toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ salarieId: W.sal2, competenceId: W.haie, level: 2, context: 'production', date: '2026-11-20', evaluatorId: ETI_ID, structureId: STRUCTURE_ID });
    expect(await services.db.outbox.count()).toBe(before + 1);
    await waitFor(() => expect(cell(/^Bruno Martin, Tailler une haie : 2 En cours/)).toBeTruthy());
  });

  it('records the context and comment chosen before the level', async () => {
    const { services } = await setup();
    fireEvent.click(cell(/^Amina Diallo, Porter les EPI/));
    fireEvent.click(await screen.findByLabelText('Séquence AFEST'));
    fireEvent.input(screen.getByLabelText('Commentaire (facultatif)'), { target: { value: 'Choisit seule ses gants.' } });
    fireEvent.click(screen.getByRole('button', { name: /^3 · Acquis/ }));
    await screen.findByRole('status');
    const [row] = await services.db.table('evaluation').toArray();
    expect(row).toMatchObject({ context: 'afest', comment: 'Choisit seule ses gants.', level: 3 });
  });

  it('shows the cell’s history one tap away: who, when, which level, which context', async () => {
    const { services } = await setup();
    await evaluate(services, W.sal1, W.tonte, 1, 'production', '2026-09-01', ETI_ID, 'Première fois');
    await evaluate(services, W.sal1, W.tonte, 2, 'afest', '2026-10-15');
    await evaluate(services, W.sal1, W.tonte, 3, 'pmsmp', '2026-11-05');
    await waitFor(() => expect(cell(/^Amina Diallo, Tondre une pelouse : 3/)).toBeTruthy());
    fireEvent.click(cell(/^Amina Diallo, Tondre une pelouse/));
    fireEvent.click(await screen.findByRole('button', { name: 'Historique (3)' }));
    const items = screen.getAllByTestId('history-item');
    expect(items).toHaveLength(3);
    expect(items[0]!.textContent).toContain('5 nov. 2026');
    expect(items[0]!.textContent).toContain('PMSMP');
    expect(items[2]!.textContent).toContain('Situation de production');
    expect(items[2]!.textContent).toContain('Karim Benali');
    expect(items[2]!.textContent).toContain('Première fois');
  });

  it('shows the salarié’s self-assessment beside the ETI’s level when they differ', async () => {
    const { services } = await setup();
    await evaluate(services, W.sal1, W.epi, 2, 'production', '2026-11-01');
    await evaluate(services, W.sal1, W.epi, 4, 'self', '2026-11-03', W.salarieUser);
    await evaluate(services, W.sal1, W.tonte, 2, 'production', '2026-11-01');
    await evaluate(services, W.sal1, W.tonte, 2, 'self', '2026-11-03', W.salarieUser);
    await waitFor(() => expect(cell(/^Amina Diallo, Porter les EPI : 2 En cours ; auto-évaluation 4 Maîtrisé/)).toBeTruthy());
    expect(cell(/^Amina Diallo, Porter les EPI/).textContent).toBe('2 A4');
    await waitFor(() => expect(cell(/^Amina Diallo, Tondre une pelouse/).textContent).toBe('2'));
    expect(cell(/^Amina Diallo, Tondre une pelouse/).getAttribute('aria-label')).not.toContain('auto-évaluation');
    fireEvent.click(cell(/^Amina Diallo, Porter les EPI/));
    expect((await screen.findByTestId('self-gap')).textContent).toContain('s’estime plus avancé');
  });

  it('marks objectives due and late', async () => {
    const { services } = await setup();
    await services.write('objective', nextId(), { structureId: STRUCTURE_ID, salarieId: W.sal2, competenceId: W.tonte, targetLevel: 3, dueDate: '2026-11-01' });
    await services.write('objective', nextId(), { structureId: STRUCTURE_ID, salarieId: W.sal1, competenceId: W.haie, targetLevel: 2, dueDate: '2026-11-30' });
    // Two writes, possibly two reads: wait for both objectives.
    await waitFor(() => {
      expect(cell(/^Bruno Martin, Tondre une pelouse.*objectif niveau 3 : en retard/)).toBeTruthy();
      expect(cell(/^Amina Diallo, Tailler une haie.*objectif niveau 2 : à échéance/)).toBeTruthy();
    });
    expect(cell(/^Bruno Martin, Tondre une pelouse/).textContent).toBe('0');
    expect(cell(/^Bruno Martin, Tondre une pelouse/).classList.contains('obj-en_retard')).toBe(true);
    expect(cell(/^Bruno Martin, Tondre une pelouse/).classList.contains('late')).toBe(true);
    expect(cell(/^Amina Diallo, Tailler une haie.*objectif niveau 2 : à échéance/).classList.contains('obj-a_echeance')).toBe(true);
    expect(screen.getByText(/objectif en retard \(1\)/)).toBeTruthy();
  });

  it('shows the new level at the tap, before the write resolves, and says « Enregistré » once it has', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => { release = r; });
    let hold = false;
    await setup((base) => ({ write: async (e, i, set) => { if (hold) await held; await base.write(e, i, set); } }));
    hold = true;
    fireEvent.click(cell(/^Bruno Martin, Tondre une pelouse : 0/));
    fireEvent.click(await screen.findByRole('button', { name: /^3 · Acquis/ }));
    // Shown and closed at once, while the write is still waiting.
    await waitFor(() => expect(cell(/^Bruno Martin, Tondre une pelouse : 3 Acquis/)).toBeTruthy());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    release();
    await screen.findByText('Enregistré : Bruno Martin — Tondre une pelouse : Acquis.');
    expect(cell(/^Bruno Martin, Tondre une pelouse : 3 Acquis/)).toBeTruthy();
  });

  it('says so when a save is refused, puts the previous level back and offers the same choice again', async () => {
    let refuse = false;
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => { release = r; });
    const { services } = await setup((base) => ({
      write: async (e, i, set) => { if (refuse) { await held; throw new ValidationError('level', 'Niveau : niveau de 0 à 4'); } await base.write(e, i, set); },
    }));
    await evaluate(services, W.sal1, W.tonte, 2, 'production', '2026-11-02');
    await waitFor(() => expect(cell(/^Amina Diallo, Tondre une pelouse : 2 En cours/)).toBeTruthy());
    refuse = true;
    fireEvent.click(cell(/^Amina Diallo, Tondre une pelouse/));
    const panel = await screen.findByRole('dialog');
    fireEvent.click(within(panel).getByLabelText('Séquence AFEST'));
    fireEvent.input(within(panel).getByLabelText('Commentaire (facultatif)'), { target: { value: 'Tond seule le talus.' } });
    fireEvent.click(within(panel).getByRole('button', { name: /^4 · Maîtrisé/ }));
    // Optimistic: the chosen level shows while the write runs…
    await waitFor(() => expect(cell(/^Amina Diallo, Tondre une pelouse : 4 Maîtrisé/)).toBeTruthy());
    release();
    // …and goes back when it fails, with the reason in French.
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Niveau non enregistré pour Amina Diallo — Tondre une pelouse. Saisie invalide : Niveau : niveau de 0 à 4. La case garde son niveau précédent.',
    );
    await waitFor(() => expect(cell(/^Amina Diallo, Tondre une pelouse : 2 En cours/)).toBeTruthy());
    // The panel is back with what was typed, nothing was written, no « Enregistré ».
    const again = await screen.findByRole('dialog');
    expect((within(again).getByLabelText('Séquence AFEST') as HTMLInputElement).checked).toBe(true);
    expect((within(again).getByLabelText('Commentaire (facultatif)') as HTMLInputElement).value).toBe('Tond seule le talus.');
    expect(await services.db.table('evaluation').count()).toBe(1);
    expect(screen.queryByText(/^Enregistré/)).toBeNull();
  });
});
