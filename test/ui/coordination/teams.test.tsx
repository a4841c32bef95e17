// @vitest-environment jsdom
// « Équipes » for the coordination: a team created with its ETI and activity, renamed, a salarié
// moved from one team to another on a date (the old membership closed the day before, the new one
// opened, in one batch), a salarié taken out of a team after a last day, and a move that would
// close a membership before it starts refused in French.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { structureQueries } from '../../../src/client/queries/structure';
import type { BatchChange } from '../../../src/client/repository';
import { TeamsPage } from '../../../src/ui/coordination/teams/TeamsPage';
import { ServicesContext } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

afterEach(cleanup);

const id = (n: number): string => `01900000-0000-7000-8000-${n.toString().padStart(12, '0')}`;
const COORD = id(3);
const PAUL = id(11);
const LINA = id(12);
const GONE = id(13);
const TEAM_A = id(301);
const ELODIE = id(201);
const KEVIN = id(202);
const TRI = id(701);

async function world() {
  const base = testServices({ id: COORD, role: 'coordinator', structureId: STRUCTURE_ID });
  const batches: (readonly BatchChange[])[] = [];
  const services = {
    ...base,
    queries: { ...base.queries, structure: structureQueries(base.db) },
    writeMany: async (changes: readonly BatchChange[]) => { batches.push(changes); await base.writeMany(changes); },
  };
  const s = { structureId: STRUCTURE_ID };
  await base.write('structure', STRUCTURE_ID, { ...s, name: 'Les Jardins', type: 'ACI' });
  await base.write('user', PAUL, { ...s, login: 'paul', displayName: 'Paul Roux', role: 'eti', active: true });
  await base.write('user', LINA, { ...s, login: 'lina', displayName: 'Lina Benali', role: 'eti' });
  await base.write('user', GONE, { ...s, login: 'ancien', displayName: 'Ancien Encadrant', role: 'eti', active: false });
  await base.write('user', id(14), { ...s, login: 'elodie', displayName: 'Élodie Bérard', role: 'salarie', salarieId: ELODIE });
  await base.write('activity', TRI, { ...s, name: 'Tri textile' });
  await base.write('team', TEAM_A, { ...s, name: 'Espaces verts', etiUserIds: [PAUL] });
  await base.write('salarie', ELODIE, { ...s, firstName: 'Élodie', lastName: 'Bérard', entryDate: '2026-01-05' });
  await base.write('salarie', KEVIN, { ...s, firstName: 'Kévin', lastName: 'Martin', entryDate: '2026-11-02' });
  await base.write('membership', id(401), { ...s, teamId: TEAM_A, salarieId: ELODIE, from: '2026-01-05' });
  render(<ServicesContext.Provider value={services}><TeamsPage /></ServicesContext.Provider>);
  await screen.findByRole('heading', { name: 'Espaces verts' });
  return { base, batches };
}

const card = (name: string) => screen.getByRole('heading', { name }).closest('article') as HTMLElement;

describe('Équipes', () => {
  it('creates a team, renames one, and moves a salarié with dated memberships', async () => {
    const { base, batches } = await world();
    expect(screen.getByText('La tablette d’un encadrant gagne ou perd une personne de ses équipes à sa prochaine synchronisation.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Nouvelle équipe' }));
    const form = screen.getByRole('form', { name: 'Nouvelle équipe' });
    expect(within(form).getByRole('alert').textContent).toBe('Donnez un nom à l’équipe.');
    // Only active ETIs are offered.
    expect(within(form).getAllByRole('checkbox').map((c) => c.parentElement?.textContent)).toEqual(['Lina Benali', 'Paul Roux']);
    fireEvent.input(within(form).getByLabelText('Nom de l’équipe'), { target: { value: 'Tri' } });
    fireEvent.click(within(form).getByLabelText('Lina Benali'));
    fireEvent.change(within(form).getByLabelText('Activité'), { target: { value: TRI } });
    fireEvent.click(within(form).getByRole('button', { name: 'Créer l’équipe' }));
    await screen.findByText('Équipe créée.');
    const created = (await base.db.table('team').toArray()).find((t) => t.name === 'Tri');
    expect(created).toMatchObject({ etiUserIds: [LINA], activityId: TRI });

    fireEvent.click(await screen.findByRole('button', { name: 'Modifier l’équipe Tri' }));
    const edit = screen.getByRole('form', { name: 'Modifier l’équipe Tri' });
    fireEvent.input(within(edit).getByLabelText('Nom de l’équipe'), { target: { value: 'Tri textile' } });
    fireEvent.click(within(edit).getByRole('button', { name: 'Enregistrer l’équipe' }));
    await screen.findByRole('heading', { name: 'Tri textile' });
    expect((await base.db.table('team').get(created.id))?.name).toBe('Tri textile');

    // Élodie moves to « Tri textile » on 1 December: her last day in « Espaces verts » is 30 November.
    const tri = card('Tri textile');
    fireEvent.change(within(tri).getByLabelText('Salarié à ajouter à Tri textile'), { target: { value: ELODIE } });
    fireEvent.input(within(tri).getByLabelText('Dans l’équipe Tri textile à partir du'), { target: { value: '2026-12-01' } });
    await within(tri).findByText('Dernier jour dans « Espaces verts » : le 30/11/2026.');
    fireEvent.click(within(tri).getByRole('button', { name: 'Ajouter à l’équipe Tri textile' }));
    await within(tri).findByText('Élodie Bérard rejoint l’équipe le 01/12/2026.');
    expect(batches).toHaveLength(1);
    const memberships = await base.db.table('membership').toArray();
    expect(memberships.find((m) => m.id === id(401))).toMatchObject({ teamId: TEAM_A, from: '2026-01-05', to: '2026-11-30' });
    expect(memberships.filter((m) => m.teamId === created.id)).toMatchObject([{ salarieId: ELODIE, from: '2026-12-01', to: null }]);
    // Still in « Espaces verts » today, announced in « Tri textile ».
    expect(within(card('Espaces verts')).getByText('Élodie Bérard')).toBeTruthy();
    await within(card('Tri textile')).findByText('Élodie Bérard — à partir du 01/12/2026');

    // Kévin, in no team, joins « Espaces verts » today.
    fireEvent.change(within(card('Espaces verts')).getByLabelText('Salarié à ajouter à Espaces verts'), { target: { value: KEVIN } });
    const a = card('Espaces verts');
    fireEvent.click(within(a).getByRole('button', { name: 'Ajouter à l’équipe Espaces verts' }));
    await within(a).findByText('Kévin Martin rejoint l’équipe le 20/11/2026.');

    // Kévin leaves « Espaces verts » after 27 November.
    fireEvent.input(await within(a).findByLabelText('Dernier jour de Kévin Martin dans l’équipe'), { target: { value: '2026-11-27' } });
    fireEvent.click(within(a).getByRole('button', { name: 'Sortir Kévin Martin de l’équipe' }));
    await within(a).findByText('Kévin Martin quitte l’équipe après le 27/11/2026.');
    expect((await base.db.table('membership').toArray()).find((m) => m.salarieId === KEVIN)).toMatchObject({ teamId: TEAM_A, from: '2026-11-20', to: '2026-11-27' });
  });

  it('refuses a move that would end a membership before it starts', async () => {
    const { base } = await world();
    await base.write('membership', id(402), { structureId: STRUCTURE_ID, teamId: TEAM_A, salarieId: KEVIN, from: '2026-12-07' });
    await base.write('team', id(302), { structureId: STRUCTURE_ID, name: 'Bâtiment', etiUserIds: [] });
    const b = await waitFor(() => card('Bâtiment'));
    fireEvent.change(within(b).getByLabelText('Salarié à ajouter à Bâtiment'), { target: { value: KEVIN } });
    fireEvent.input(within(b).getByLabelText('Dans l’équipe Bâtiment à partir du'), { target: { value: '2026-12-01' } });
    expect((await within(b).findByRole('alert')).textContent).toBe('Ce salarié entre dans l’équipe « Espaces verts » le 07/12/2026 : choisissez une date après, ou corrigez d’abord cette entrée.');
    expect(within(b).getByRole<HTMLButtonElement>('button', { name: 'Ajouter à l’équipe Bâtiment' }).disabled).toBe(true);
  });
});
