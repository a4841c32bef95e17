// @vitest-environment jsdom
// « Modifications refusées »: every change the server refused, what and why, the latest first,
// so that nothing a user typed vanishes silently.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { RejectedPage } from '../../../src/ui/pwa/RejectedPage';
import { ServicesContext } from '../../../src/ui/shell/services';
import { ETI_ID, STRUCTURE_ID, testServices } from '../services';

/** Let Preact's after-paint timers (35 ms) fire while jsdom is still there. */
const settle = () => new Promise((r) => setTimeout(r, 60));

afterEach(async () => {
  cleanup();
  await settle();
});

describe('RejectedPage', () => {
  it('lists the refused changes, the latest first, and says when there are none', async () => {
    const services = testServices({ id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID });
    render(<ServicesContext.Provider value={services}><RejectedPage /></ServicesContext.Provider>);
    expect(await screen.findByText('Aucune modification refusée.')).toBeTruthy();
    const refuse = (what: string, at: number) => services.db.rejected.add({
      opId: `op-${what}`, entity: 'timeEntry', id: '01900000-0000-7000-8000-000000000700', what, reason: 'month_closed',
      message: `Refusé : ${what}`, at, set: { hours: 6 },
    });
    const first = await refuse('Relevé du lundi', Date.UTC(2026, 10, 16, 9));
    await refuse('Relevé du mercredi', Date.UTC(2026, 10, 18, 9));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    expect(screen.getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent)).toEqual(['Relevé du mercredi', 'Relevé du lundi']);
    expect(screen.getByText('Refusé : Relevé du lundi')).toBeTruthy();
    await services.dismissRejected(first!);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
  });
});
