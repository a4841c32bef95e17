// @vitest-environment jsdom
// The livret form on an offline tablet: French validation messages, nothing saved on bad
// input, and a valid entry saved locally with its outbox change and the chosen visibility.
import { describe, expect, it, afterEach } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LogEntryForm } from '../../../src/ui/livret/LogEntryForm';
import { ServicesContext } from '../../../src/ui/shell/services';
import { ETI_ID, STRUCTURE_ID, testServices } from '../services';

const SALARIE = '01900000-0000-7000-8000-0000000000aa';

function setup() {
  const services = testServices({ id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID });
  render(
    <ServicesContext.Provider value={services}>
      <LogEntryForm salarieId={SALARIE} authorId={ETI_ID} structureId={STRUCTURE_ID} />
    </ServicesContext.Provider>,
  );
  return services;
}

afterEach(cleanup);

describe('LogEntryForm', () => {
  it('refuses an empty entry with messages in French and writes nothing', async () => {
    const { db } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’observation' }));
    expect(await screen.findByText('Choisissez une catégorie.')).toBeTruthy();
    expect(screen.getByText('Écrivez l’observation avant d’enregistrer.')).toBeTruthy();
    expect(await db.table('logEntry').count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('saves a shared entry locally with its outbox change', async () => {
    const { db } = setup();
    fireEvent.click(screen.getByLabelText('Atouts'));
    fireEvent.click(screen.getByLabelText('Partagé avec le salarié'));
    expect(screen.getByText('Le salarié verra cette note dans son espace.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Observation'), { target: { value: 'Très bon esprit d’équipe.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’observation' }));
    await screen.findByText('Enregistré sur la tablette.');
    const rows = await db.table('logEntry').toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ salarieId: SALARIE, authorId: ETI_ID, category: 'atouts', visibility: 'salarie', alert: false, text: 'Très bon esprit d’équipe.', date: '2026-11-20' });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.set).toMatchObject({ visibility: 'salarie', structureId: STRUCTURE_ID });
  });

  it('marks an alerte as an alert and defaults to the team visibility', async () => {
    const { db } = setup();
    fireEvent.click(screen.getByLabelText('Alerte'));
    fireEvent.input(screen.getByLabelText('Observation'), { target: { value: 'Absent sans nouvelles depuis 3 jours.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’observation' }));
    await waitFor(async () => expect(await db.table('logEntry').count()).toBe(1));
    const [row] = await db.table('logEntry').toArray();
    expect(row).toMatchObject({ alert: true, visibility: 'team', category: 'alerte' });
  });
});
