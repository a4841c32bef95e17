// @vitest-environment jsdom
// A first sync shows a progress bar in the sync indicator: an indeterminate progressbar (the
// pull answer gives no total) with the records received so far in French, gone once it ends.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/preact';
import { SyncIndicator } from '../../../src/ui/shell/SyncIndicator';
import { ServicesContext, type SyncView } from '../../../src/ui/shell/services';
import { ETI_ID, STRUCTURE_ID, testServices } from '../services';

afterEach(() => cleanup());

function withSync(initial: SyncView) {
  let view = initial;
  const listeners = new Set<() => void>();
  const services = {
    ...testServices({ id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID, displayName: 'Karim Benali' }),
    sync: { get: () => view, subscribe: (fn: () => void) => { listeners.add(fn); return () => listeners.delete(fn); } },
  };
  const update = (patch: Partial<SyncView>) => act(() => { view = { ...view, ...patch }; listeners.forEach((f) => f()); });
  return { services, update };
}

describe('the first sync’s progress bar', () => {
  it('appears during a first sync with the records received, and disappears after', async () => {
    const { services, update } = withSync({ online: true, pending: 0, syncing: true, updateRequired: false, rejectedCount: 0, firstSync: { received: 0, pages: 0 } });
    render(<ServicesContext.Provider value={services}><SyncIndicator /></ServicesContext.Provider>);
    const bar = screen.getByRole('progressbar', { name: 'Première synchronisation' });
    expect(bar.hasAttribute('aria-valuenow')).toBe(false); // no total known: indeterminate

    await update({ firstSync: { received: 12400, pages: 7 } });
    const words = screen.getByRole('progressbar').getAttribute('aria-valuetext') ?? '';
    expect(words.replace(/\s/g, ' ')).toBe('Première synchronisation : 12 400 fiches reçues…');
    expect(screen.getByTestId('first-sync').textContent?.replace(/\s/g, ' ')).toContain('7 pages');

    await update({ firstSync: undefined, syncing: false, lastSyncAt: Date.now() });
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('is not shown by an ordinary sync', () => {
    const { services } = withSync({ online: true, pending: 2, syncing: true, updateRequired: false, rejectedCount: 0 });
    render(<ServicesContext.Provider value={services}><SyncIndicator /></ServicesContext.Provider>);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
