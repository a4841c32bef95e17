// @vitest-environment jsdom
// A full tablet: the storage layer refuses a write with QuotaExceededError. The form says so in
// French, keeps what the user typed, and every record saved before is still there.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import type { DBCore } from 'dexie';
import { LogEntryForm } from '../../../src/ui/livret/LogEntryForm';
import { ServicesContext } from '../../../src/ui/shell/services';
import { ETI_ID, STRUCTURE_ID, testServices } from '../services';

/** Let Preact's after-paint timers (35 ms) fire while jsdom is still there. */
const settle = () => new Promise((r) => setTimeout(r, 60));

const SALARIE = '01900000-0000-7000-8000-0000000000aa';

afterEach(async () => {
  cleanup();
  await settle();
});

/** Make every write to the device database fail as a full disk would, while `full` is set. */
function simulateFullDisk(db: ReturnType<typeof testServices>['db']) {
  const disk = { full: false };
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => (disk.full ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(req)),
        };
      },
    }),
  });
  return disk;
}

async function saveEntry(text: string) {
  fireEvent.click(screen.getByLabelText('Atouts'));
  fireEvent.input(screen.getByLabelText('Observation'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’observation' }));
}

describe('quota exceeded on a local write', () => {
  it('shows a clear French message, keeps the typed text and everything saved before', async () => {
    const services = testServices({ id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID });
    const disk = simulateFullDisk(services.db);
    render(
      <ServicesContext.Provider value={services}>
        <LogEntryForm salarieId={SALARIE} authorId={ETI_ID} structureId={STRUCTURE_ID} />
      </ServicesContext.Provider>,
    );

    await saveEntry('Première observation, enregistrée.');
    await screen.findByText('Enregistré sur la tablette.');

    disk.full = true;
    await saveEntry('Deuxième observation, tablette pleine.');
    expect(await screen.findByText(/La tablette n’a plus de place : cette saisie n’est pas enregistrée\. Ce qui était déjà enregistré est conservé\./)).toBeTruthy();
    expect((screen.getByLabelText('Observation') as HTMLTextAreaElement).value).toBe('Deuxième observation, tablette pleine.');
    expect(screen.queryByText('Enregistré sur la tablette.')).toBeNull();

    disk.full = false;
    const rows = await services.db.table('logEntry').toArray();
    expect(rows.map((r) => r['text'])).toEqual(['Première observation, enregistrée.']);
    expect(await services.db.outbox.count()).toBe(1);

    // Space freed: the same text is saved on the next try, nothing was lost in between.
    fireEvent.click(screen.getByLabelText('Atouts'));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’observation' }));
    await screen.findByText('Enregistré sur la tablette.');
    const after = await services.db.table('logEntry').toArray();
    expect(after.map((r) => r['text']).sort()).toEqual(['Deuxième observation, tablette pleine.', 'Première observation, enregistrée.']);
    expect(await services.db.outbox.count()).toBe(2);
  });
});
