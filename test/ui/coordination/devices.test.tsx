// @vitest-environment jsdom
// « Tablettes »: each device with its user, its last sync in French, whether its storage is
// persistent, « Révoquer » behind a confirmation that says its data will be erased at its next
// connection, revoked devices apart, and the offline message. The admin API is an in-memory fake.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { AdminApi, AdminDevice } from '../../../src/client/admin';
import { DevicesPage } from '../../../src/ui/coordination/devices/DevicesPage';
import { ServicesContext, type Services } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

const settle = () => new Promise((r) => setTimeout(r, 60));
afterEach(async () => {
  cleanup();
  await settle();
});

const ME = '01900000-0000-7000-8000-0000000000c1';
const device = (id: string, over: Partial<AdminDevice>): AdminDevice => ({
  id, name: `Tablette ${id}`, user: { id: ME, displayName: 'Claire Coord', login: 'coordination' },
  createdAt: '2026-11-02T08:00:00Z', lastSeenAt: '2026-11-20T09:30:00Z', revoked: false, revokedAt: null, persisted: true, current: false, ...over,
});

function fakeAdmin() {
  const devices: AdminDevice[] = [
    device('bureau', { current: true }),
    device('chantier', { name: 'Tablette chantier nord', user: { id: 'e1', displayName: 'Karim ETI', login: 'eti1' }, lastSeenAt: '2026-11-18T10:00:00Z', persisted: false }),
    device('vieille', { name: 'Ancienne tablette', revoked: true, revokedAt: '2026-10-01T10:00:00Z', persisted: null }),
  ];
  const admin: AdminApi = {
    listUsers: vi.fn(async () => []),
    createUser: vi.fn(async () => ({ id: 'x' })),
    updateUser: vi.fn(async () => { throw new Error('not used'); }),
    listDevices: vi.fn(async () => devices.map((d) => ({ ...d }))),
    revokeDevice: vi.fn(async (id: string) => {
      const d = devices.find((x) => x.id === id)!;
      d.revoked = true;
      d.revokedAt = '2026-11-20T10:00:00Z';
    }),
    history: vi.fn(async () => []),
    exportSalarie: vi.fn(async () => { throw new Error('not used'); }),
    eraseSalarie: vi.fn(async () => { throw new Error('not used'); }),
  };
  return { admin, devices };
}

function renderPage(online = true) {
  const base = testServices({ id: ME, role: 'coordinator', structureId: STRUCTURE_ID });
  const view = { ...base.sync.get(), online };
  const services: Services = { ...base, sync: { get: () => view, subscribe: () => () => undefined } };
  const fake = fakeAdmin();
  render(<ServicesContext.Provider value={services}><DevicesPage admin={fake.admin} /></ServicesContext.Provider>);
  return fake;
}

describe('DevicesPage', () => {
  it('shows each device with its user, last sync in French and storage; revoked ones apart', async () => {
    renderPage();
    const list = await screen.findByRole('list', { name: 'Tablettes connectées' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('Cette tablette');
    expect(items[0]!.textContent).toContain('Dernière synchronisation il y a 30 minutes');
    expect(items[0]!.textContent).toContain('Stockage persistant');
    expect(items[1]!.textContent).toContain('Karim ETI');
    expect(items[1]!.textContent).toContain('il y a 2 jours');
    expect(items[1]!.textContent).toContain('Stockage non garanti');
    // The tablet in use is not revoked from here.
    expect(within(items[0]!).queryByRole('button', { name: /Révoquer/ })).toBeNull();
    expect(screen.getByText('Tablettes révoquées ou déconnectées (1)')).toBeTruthy();
  });

  it('revokes a tablet only after a confirmation that says its data will be erased', async () => {
    const fake = renderPage();
    await screen.findByRole('list', { name: 'Tablettes connectées' });
    fireEvent.click(screen.getByRole('button', { name: 'Révoquer la tablette Tablette chantier nord' }));
    const confirm = screen.getByRole('group', { name: 'Révoquer la tablette Tablette chantier nord' });
    expect(confirm.textContent).toContain('ses données seront effacées à sa prochaine connexion');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Annuler' }));
    expect(fake.admin.revokeDevice).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Révoquer la tablette Tablette chantier nord' }));
    fireEvent.click(screen.getByRole('button', { name: 'Oui, révoquer' }));
    await waitFor(() => expect(fake.admin.revokeDevice).toHaveBeenCalledWith('chantier'));
    expect(await screen.findByText(/« Tablette chantier nord » est révoquée/)).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Tablettes révoquées ou déconnectées (2)')).toBeTruthy());
  });

  it('offline, says a connection is needed and calls nothing', async () => {
    const fake = renderPage(false);
    expect(screen.getByText('Connexion nécessaire pour gérer les tablettes.')).toBeTruthy();
    await settle();
    expect(fake.admin.listDevices).not.toHaveBeenCalled();
  });
});
