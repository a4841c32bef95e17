// @vitest-environment jsdom
// « Cette tablette »: whether storage is protected, the space used in French units, the device,
// the version and where the data stands — what a coordinator checks on a tablet.
// Dexie's liveQuery never emits unless a global indexedDB exists, even when the database is
// given its own factory: the global one makes the page's live reads work here.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { DevicePage } from '../../../src/ui/pwa/DevicePage';
import { frenchBytes, requestPersistentStorage } from '../../../src/ui/pwa/storage';
import { ServicesContext, type Services } from '../../../src/ui/shell/services';
import { ETI_ID, STRUCTURE_ID, testServices } from '../services';

/** Let Preact's after-paint timers (35 ms) fire while jsdom is still there. */
const settle = () => new Promise((r) => setTimeout(r, 60));

afterEach(async () => {
  cleanup();
  Reflect.deleteProperty(navigator, 'storage');
  await settle();
});

function fakeStorage(persisted: boolean, grant: boolean) {
  let state = persisted;
  return {
    persisted: vi.fn(async () => state),
    persist: vi.fn(async () => { state = grant; return grant; }),
    estimate: vi.fn(async () => ({ usage: 12.5 * 1024 * 1024, quota: 2 * 1024 * 1024 * 1024 })),
  };
}

async function renderPage(storage: ReturnType<typeof fakeStorage> | undefined) {
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  const base = testServices({ id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID });
  await base.db.meta.put({ key: 'deviceId', value: '01900000-0000-7000-8000-0000000000dd' });
  const view = { ...base.sync.get(), pending: 3, rejectedCount: 1, lastSyncAt: Date.UTC(2026, 10, 20, 9, 5) };
  const services: Services = { ...base, sync: { get: () => view, subscribe: () => () => undefined } };
  render(<ServicesContext.Provider value={services}><DevicePage /></ServicesContext.Provider>);
}

describe('DevicePage', () => {
  it('shows unprotected storage, usage, device, counts and lets the user ask for protection', async () => {
    const storage = fakeStorage(false, true);
    await renderPage(storage);
    expect(await screen.findByText(/Non : si la tablette manque de place/)).toBeTruthy();
    expect(screen.getByTestId('storage-usage').textContent).toBe('12,5 Mo sur 2 Go disponibles (0,6 %)');
    expect(await screen.findByText('01900000-0000-7000-8000-0000000000dd')).toBeTruthy();
    expect(screen.getByText(/^Navigateur/)).toBeTruthy(); // jsdom's user agent is not a tablet's
    expect(screen.getByTestId('device-pending').textContent).toBe('3 modifications à envoyer');
    expect(screen.getByRole('link', { name: /1 modification refusée/ }).getAttribute('href')).toBe('#/refus');
    expect(screen.getByText(/20 novembre 2026 à/)).toBeTruthy();
    expect(screen.getByTestId('app-version').textContent).toMatch(/^Version /);

    fireEvent.click(screen.getByRole('button', { name: 'Demander la protection du stockage' }));
    expect(await screen.findByText(/Oui : le navigateur n’effacera pas/)).toBeTruthy();
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('says so when the browser cannot tell', async () => {
    await renderPage(undefined);
    expect(await screen.findByText(/Inconnu : ce navigateur ne permet pas de le savoir/)).toBeTruthy();
    expect(screen.getByTestId('storage-usage').textContent).toMatch(/^Inconnu/);
  });
});

describe('storage helpers', () => {
  it('writes sizes in French units', () => {
    expect(frenchBytes(850)).toBe('850 octets');
    expect(frenchBytes(1536)).toBe('1,5 Ko');
    expect(frenchBytes(12.34 * 1024 * 1024)).toBe('12,3 Mo');
    expect(frenchBytes(250 * 1024 * 1024)).toBe('250 Mo');
    expect(frenchBytes(3 * 1024 ** 3)).toBe('3 Go');
  });

  it('asks for persistence only when not already granted, and never throws', async () => {
    const granted = fakeStorage(true, true);
    expect(await requestPersistentStorage(granted)).toBe(true);
    expect(granted.persist).not.toHaveBeenCalled();
    const refused = fakeStorage(false, false);
    expect(await requestPersistentStorage(refused)).toBe(false);
    expect(refused.persist).toHaveBeenCalledTimes(1);
    expect(await requestPersistentStorage(undefined)).toBeUndefined();
    const broken = { ...fakeStorage(false, false), persisted: async () => { throw new Error('no'); } };
    expect(await requestPersistentStorage(broken)).toBeUndefined();
  });
});
