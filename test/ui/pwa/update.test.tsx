// @vitest-environment jsdom
// The update prompt never switches versions behind the user's back: it appears only when a new
// version waits, sends the waiting changes first, and asks before updating with unsent ones.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { UpdatePrompt } from '../../../src/ui/pwa/UpdatePrompt';
import { createUpdateStore } from '../../../src/ui/pwa/updateStore';
import { ServicesContext, type Services } from '../../../src/ui/shell/services';
import { ETI_ID, STRUCTURE_ID, testServices } from '../services';

/** Let Preact's after-paint timers (35 ms) fire while jsdom is still there. */
const settle = () => new Promise((r) => setTimeout(r, 60));

const SALARIE = '01900000-0000-7000-8000-0000000000aa';

afterEach(async () => {
  cleanup();
  await settle();
});

async function setup(opts: { online: boolean; pending: number; syncSends?: boolean }) {
  const base = testServices({ id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID });
  for (let i = 0; i < opts.pending; i++) {
    await base.write('logEntry', `01900000-0000-7000-8000-00000000010${i}`, {
      structureId: STRUCTURE_ID, salarieId: SALARIE, authorId: ETI_ID, date: '2026-11-20', category: 'atouts', text: `Note ${i}`, visibility: 'team', alert: false,
    });
  }
  const syncNow = vi.fn(async () => {
    if (opts.syncSends === true) await base.db.outbox.clear();
  });
  const view = { ...base.sync.get(), online: opts.online, pending: opts.pending };
  const services: Services = { ...base, syncNow, sync: { get: () => view, subscribe: () => () => undefined } };
  const updates = createUpdateStore();
  const apply = vi.fn();
  updates.bind({ apply, check: async () => undefined });
  render(
    <ServicesContext.Provider value={services}>
      <UpdatePrompt updates={updates} />
    </ServicesContext.Provider>,
  );
  return { updates, apply, syncNow, db: base.db };
}

describe('UpdatePrompt', () => {
  it('stays hidden until a new version is waiting', async () => {
    const { updates } = await setup({ online: true, pending: 0 });
    expect(screen.queryByText(/Nouvelle version disponible/)).toBeNull();
    updates.set({ waiting: true });
    expect(await screen.findByText(/Nouvelle version disponible/)).toBeTruthy();
  });

  it('updates at once when nothing waits to be sent', async () => {
    const { updates, apply, syncNow } = await setup({ online: true, pending: 0 });
    updates.set({ waiting: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Mettre à jour' }));
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    expect(syncNow).not.toHaveBeenCalled();
  });

  it('sends the waiting changes first when online, then updates', async () => {
    const { updates, apply, syncNow } = await setup({ online: true, pending: 2, syncSends: true });
    updates.set({ waiting: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Mettre à jour' }));
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    expect(syncNow).toHaveBeenCalledTimes(1);
  });

  it('asks before updating with unsent changes, and keeps them', async () => {
    const { updates, apply, db } = await setup({ online: false, pending: 2 });
    updates.set({ waiting: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Mettre à jour' }));
    expect(await screen.findByText('2 modifications pas encore envoyées. Elles restent enregistrées sur la tablette et partiront après la mise à jour.')).toBeTruthy();
    expect(apply).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Plus tard' }));
    expect(await screen.findByRole('button', { name: 'Mettre à jour' })).toBeTruthy();
    expect(apply).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Mettre à jour' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Mettre à jour quand même' }));
    expect(apply).toHaveBeenCalledTimes(1);
    expect(await db.outbox.count()).toBe(2);
  });

  it('offers a reload when another tab already switched', async () => {
    const { updates, apply } = await setup({ online: true, pending: 0 });
    updates.set({ activatedElsewhere: true });
    expect(await screen.findByText(/déjà active dans un autre onglet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mettre à jour' }));
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
  });
});
