// @vitest-environment jsdom
// « Comptes »: the structure's logins in French, creating one for an ETI or a salarié with every
// validation message shown as the coordinator types, a password reset, deactivation behind a
// confirmation that says the tablets are revoked at once, and the offline message that keeps
// what was typed. The admin API is a small in-memory fake of client/admin.ts's interface.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ApiError, NetworkError } from '../../../src/client/api';
import type { AdminApi, AdminUser, LoginPatch, NewLogin } from '../../../src/client/admin';
import { LoginsPage } from '../../../src/ui/coordination/logins/LoginsPage';
import { ServicesContext, type Services } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

const settle = () => new Promise((r) => setTimeout(r, 60));
afterEach(async () => {
  cleanup();
  await settle();
});

const ME = '01900000-0000-7000-8000-0000000000c1';
const ETI = '01900000-0000-7000-8000-0000000000e1';
const SAL = '01900000-0000-7000-8000-0000000000a1';

function fakeAdmin(opts: { offline?: boolean } = {}) {
  const users: AdminUser[] = [
    { id: ME, login: 'coordination', displayName: 'Claire Coord', role: 'coordinator', active: true, lastLoginAt: '2026-11-20T09:00:00Z' },
    { id: ETI, login: 'eti1', displayName: 'Karim ETI', role: 'eti', active: true, lastLoginAt: '2026-11-17T10:00:00Z' },
  ];
  const created: NewLogin[] = [];
  const patches: [string, LoginPatch][] = [];
  const state = { offline: opts.offline ?? false };
  const guard = () => { if (state.offline) throw new NetworkError(new TypeError('fetch failed')); };
  const admin: AdminApi = {
    listUsers: vi.fn(async () => { guard(); return users.map((u) => ({ ...u })); }),
    createUser: vi.fn(async (input: NewLogin) => {
      guard();
      if (users.some((u) => u.login === input.login)) throw new ApiError(409, { error: 'login_taken', field: 'login', message: 'cet identifiant existe déjà' });
      created.push(input);
      const id = `01900000-0000-7000-8000-0000000001${String(created.length).padStart(2, '0')}`;
      users.push({ id, login: input.login, displayName: input.displayName, role: input.role, active: true, ...(input.salarieId ? { salarieId: input.salarieId } : {}) });
      return { id };
    }),
    updateUser: vi.fn(async (id: string, patch: LoginPatch) => {
      guard();
      patches.push([id, patch]);
      const u = users.find((x) => x.id === id)!;
      if (patch.active !== undefined) u.active = patch.active;
      return { ...u, revokedDevices: 0 };
    }),
    listDevices: vi.fn(async () => []),
    revokeDevice: vi.fn(async () => undefined),
    history: vi.fn(async () => []),
    exportSalarie: vi.fn(async () => { throw new Error('not used'); }),
    eraseSalarie: vi.fn(async () => { throw new Error('not used'); }),
  };
  return { admin, users, created, patches, state };
}

async function renderPage(opts: { online?: boolean; offline?: boolean } = {}) {
  const base = testServices({ id: ME, role: 'coordinator', structureId: STRUCTURE_ID, displayName: 'Claire Coord' });
  await base.write('salarie', SAL, { structureId: STRUCTURE_ID, firstName: 'Léa', lastName: 'Petit' });
  const view = { ...base.sync.get(), online: opts.online ?? true };
  const services: Services = { ...base, sync: { get: () => view, subscribe: () => () => undefined } };
  const fake = fakeAdmin({ offline: opts.offline ?? false });
  render(<ServicesContext.Provider value={services}><LoginsPage admin={fake.admin} /></ServicesContext.Provider>);
  return fake;
}

const type = (label: string | RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('LoginsPage', () => {
  it('lists the logins with their role in French, whether active, and their last sign-in', async () => {
    await renderPage();
    const list = await screen.findByRole('list', { name: 'Comptes de la structure' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('Claire Coord');
    expect(items[0]!.textContent).toContain('Coordination');
    expect(items[0]!.textContent).toContain('(vous)');
    expect(items[1]!.textContent).toContain('Encadrant technique');
    expect(items[1]!.textContent).toContain('Actif');
    expect(items[1]!.textContent).toContain('Dernière connexion il y a 3 jours');
    // One's own login has no deactivation button.
    expect(within(items[0]!).queryByRole('button', { name: /Désactiver/ })).toBeNull();
  });

  it('shows each validation message as the coordinator types, then creates an ETI login', async () => {
    const fake = await renderPage();
    await screen.findByRole('list', { name: 'Comptes de la structure' });
    fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));
    expect(await screen.findByText('Saisissez le nom affiché.')).toBeTruthy();
    expect(screen.getByText('Saisissez un identifiant.')).toBeTruthy();
    expect(screen.getByText('Le mot de passe doit faire au moins 8 caractères.')).toBeTruthy();
    expect(fake.created).toHaveLength(0);

    type('Nom affiché', 'Sofia Benali');
    // The login follows the name until typed by hand.
    expect((screen.getByLabelText('Identifiant') as HTMLInputElement).value).toBe('sofia.benali');
    type('Identifiant', 'sofia benali');
    expect(await screen.findByText(/ne peut contenir que des lettres, des chiffres/)).toBeTruthy();
    type('Identifiant', 'Sofia.B');
    expect(screen.queryByText(/ne peut contenir que/)).toBeNull();
    type(/^Mot de passe/, 'court');
    expect(screen.getByText('Le mot de passe doit faire au moins 8 caractères.')).toBeTruthy();
    type(/^Mot de passe/, 'assez-long-1');
    type('Confirmer le mot de passe', 'assez-long-2');
    expect(await screen.findByText('Les deux mots de passe ne sont pas identiques.')).toBeTruthy();
    type('Confirmer le mot de passe', 'assez-long-1');
    fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));
    await waitFor(() => expect(fake.created).toHaveLength(1));
    expect(fake.created[0]).toEqual({ login: 'sofia.b', password: 'assez-long-1', role: 'eti', displayName: 'Sofia Benali' });
    expect(await screen.findByText(/Compte « sofia.b » créé/)).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('list', { name: 'Comptes de la structure' }).textContent).toContain('Sofia Benali'));
    expect((screen.getByLabelText('Nom affiché') as HTMLInputElement).value).toBe('');
  });

  it('creates a salarié login linked to their file, and names a taken login next to its field', async () => {
    const fake = await renderPage();
    await screen.findByRole('list', { name: 'Comptes de la structure' });
    fireEvent.click(screen.getByLabelText('Salarié en insertion'));
    fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));
    expect(await screen.findByText('Choisissez la fiche du salarié.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('option', { name: 'Léa Petit' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Fiche du salarié'), { target: { value: SAL } });
    expect((screen.getByLabelText('Nom affiché') as HTMLInputElement).value).toBe('Léa Petit');
    expect((screen.getByLabelText('Identifiant') as HTMLInputElement).value).toBe('lea.petit');
    type(/^Mot de passe/, 'bonjour-lea');
    type('Confirmer le mot de passe', 'bonjour-lea');
    type('Identifiant', 'eti1');
    fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));
    expect(await screen.findByText('Cet identifiant existe déjà. Choisissez-en un autre.')).toBeTruthy();
    expect(screen.getByLabelText('Identifiant').getAttribute('aria-invalid')).toBe('true');
    type('Identifiant', 'lea.petit');
    fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));
    await waitFor(() => expect(fake.created).toHaveLength(1));
    expect(fake.created[0]).toMatchObject({ role: 'salarie', salarieId: SAL, login: 'lea.petit', displayName: 'Léa Petit' });
    // Her file now has a login: it is no longer offered.
    await waitFor(() => expect(screen.getByRole('list', { name: 'Comptes de la structure' }).textContent).toContain('Léa Petit'));
    fireEvent.click(screen.getByLabelText('Salarié en insertion'));
    expect(screen.queryByRole('option', { name: 'Léa Petit' })).toBeNull();
  });

  it('deactivates a login only after a confirmation that says its tablets are revoked at once', async () => {
    const fake = await renderPage();
    const list = await screen.findByRole('list', { name: 'Comptes de la structure' });
    fireEvent.click(within(list).getByRole('button', { name: 'Désactiver le compte de Karim ETI' }));
    const confirm = screen.getByRole('group', { name: 'Désactiver le compte de Karim ETI' });
    expect(confirm.textContent).toContain('Ses tablettes sont révoquées tout de suite');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Annuler' }));
    expect(fake.patches).toHaveLength(0);
    fireEvent.click(within(list).getByRole('button', { name: 'Désactiver le compte de Karim ETI' }));
    fireEvent.click(screen.getByRole('button', { name: 'Oui, désactiver et révoquer ses tablettes' }));
    await waitFor(() => expect(fake.patches).toEqual([[ETI, { active: false }]]));
    expect(await screen.findByText('Le compte de Karim ETI est désactivé et ses tablettes sont révoquées.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Réactiver le compte de Karim ETI' })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Réactiver le compte de Karim ETI' }));
    fireEvent.click(screen.getByRole('button', { name: 'Oui, réactiver' }));
    await waitFor(() => expect(fake.patches[1]).toEqual([ETI, { active: true }]));
  });

  it('resets a password after checking it is long enough and confirmed', async () => {
    const fake = await renderPage();
    await screen.findByRole('list', { name: 'Comptes de la structure' });
    fireEvent.click(screen.getByRole('button', { name: 'Nouveau mot de passe pour Karim ETI' }));
    const form = screen.getByRole('form', { name: 'Nouveau mot de passe pour Karim ETI' });
    fireEvent.input(within(form).getByLabelText('Nouveau mot de passe'), { target: { value: 'abc' } });
    expect(within(form).getByText('Le mot de passe doit faire au moins 8 caractères.')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('Nouveau mot de passe'), { target: { value: 'nouveau-secret' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(await within(form).findByText('Les deux mots de passe ne sont pas identiques.')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('Confirmer le mot de passe'), { target: { value: 'nouveau-secret' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer le mot de passe' }));
    await waitFor(() => expect(fake.patches).toEqual([[ETI, { password: 'nouveau-secret' }]]));
    expect(await screen.findByText('Nouveau mot de passe enregistré pour Karim ETI.')).toBeTruthy();
  });

  it('offline, says a connection is needed and keeps what was typed', async () => {
    const fake = await renderPage({ online: false });
    expect(screen.getByText(/Connexion nécessaire pour gérer les comptes/)).toBeTruthy();
    expect(fake.admin.listUsers).not.toHaveBeenCalled();
    type('Nom affiché', 'Sofia Benali');
    type(/^Mot de passe/, 'assez-long-1');
    type('Confirmer le mot de passe', 'assez-long-1');
    fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Connexion nécessaire pour gérer les comptes.');
    expect(fake.admin.createUser).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Nom affiché') as HTMLInputElement).value).toBe('Sofia Benali');
    expect((screen.getByLabelText('Identifiant') as HTMLInputElement).value).toBe('sofia.benali');
  });

  it('when the server cannot be reached, says so, keeps the form, and sends it on retry', async () => {
    const fake = await renderPage({ offline: true });
    expect(await screen.findByText(/Connexion nécessaire pour gérer les comptes/)).toBeTruthy();
    type('Nom affiché', 'Sofia Benali');
    type(/^Mot de passe/, 'assez-long-1');
    type('Confirmer le mot de passe', 'assez-long-1');
    fake.state.offline = false;
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await screen.findByRole('list', { name: 'Comptes de la structure' });
    expect(screen.queryByText(/Connexion nécessaire/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));
    await waitFor(() => expect(fake.created).toHaveLength(1));
    expect(fake.created[0]).toMatchObject({ login: 'sofia.benali', displayName: 'Sofia Benali' });
  });
});
