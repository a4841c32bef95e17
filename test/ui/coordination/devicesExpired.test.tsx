// @vitest-environment jsdom
// « Tablettes »: a tablet unused beyond the server's idle limit shows « Session expirée » with a
// word that its person must sign in again and its data is kept; it stays among the connected
// tablets (not revoked) and can still be revoked. The admin API is an in-memory fake.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import type { AdminApi, AdminDevice } from '../../../src/client/admin';
import { DevicesPage } from '../../../src/ui/coordination/devices/DevicesPage';
import { ServicesContext, type Services } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

afterEach(cleanup);

const device = (id: string, over: Partial<AdminDevice>): AdminDevice => ({
  id, name: `Tablette ${id}`, user: { id: 'e1', displayName: 'Karim ETI', login: 'eti1' },
  createdAt: '2026-09-02T08:00:00Z', lastSeenAt: '2026-11-20T09:30:00Z', revoked: false, revokedAt: null, persisted: true, current: false, ...over,
});

describe('DevicesPage and expired sessions', () => {
  it('marks the tablet forgotten in a van as expired, not revoked', async () => {
    const admin: AdminApi = {
      listUsers: vi.fn(async () => []),
      createUser: vi.fn(async () => ({ id: 'x' })),
      updateUser: vi.fn(async () => { throw new Error('not used'); }),
      listDevices: vi.fn(async () => [
        device('chantier', { name: 'Tablette chantier' }),
        device('camion', { name: 'Tablette du camion', lastSeenAt: '2026-09-10T10:00:00Z', sessionExpired: true }),
      ]),
      revokeDevice: vi.fn(async () => undefined),
      history: vi.fn(async () => []),
      exportSalarie: vi.fn(async () => { throw new Error('not used'); }),
      eraseSalarie: vi.fn(async () => { throw new Error('not used'); }),
    };
    const base = testServices({ id: 'c1', role: 'coordinator', structureId: STRUCTURE_ID });
    const view = { ...base.sync.get(), online: true };
    const services: Services = { ...base, sync: { get: () => view, subscribe: () => () => undefined } };
    render(<ServicesContext.Provider value={services}><DevicesPage admin={admin} /></ServicesContext.Provider>);
    const list = await screen.findByRole('list', { name: 'Tablettes connectées' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const van = items.find((li) => li.textContent?.includes('Tablette du camion'))!;
    expect(van.textContent).toContain('Session expirée');
    expect(van.textContent).toContain('la personne devra se reconnecter ; ses saisies restent sur la tablette');
    expect(within(van).getByRole('button', { name: 'Révoquer la tablette Tablette du camion' })).toBeTruthy();
    const used = items.find((li) => li.textContent?.includes('Tablette chantier'))!;
    expect(used.textContent).not.toContain('Session expirée');
    expect(screen.queryByText(/Tablettes révoquées/)).toBeNull();
  });
});
