// @vitest-environment jsdom
// The relevé d'heures: one tap confirms the day for everyone planned (not for the absent), an
// exception records fewer hours with an absence type, totals follow; a month validated by the
// coordination is read-only and the server's refusal is shown on the screen.
import 'fake-indexeddb/auto';
import { describe, expect, it, afterEach } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Releve } from '../../../src/ui/production/Releve';
import { ServicesContext } from '../../../src/ui/shell/services';
import { dayEntryId } from '../../../src/domain/production/dayEntryId';
import { ETI_ID, STRUCTURE_ID, testServices } from '../services';
import { IDS, TODAY, seed } from './fixture';

async function setup(before?: (s: ReturnType<typeof testServices>) => Promise<void>) {
  const services = testServices({ id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID });
  await seed(services);
  await before?.(services);
  await services.db.outbox.clear();
  render(<ServicesContext.Provider value={services}><Releve teamId={IDS.team} /></ServicesContext.Provider>);
  await screen.findByRole('heading', { name: /Relevé d’heures — Espaces verts/ });
  return services;
}

afterEach(cleanup);

describe('Relevé d’heures', () => {
  it('confirms « journée conforme » for everyone planned, then records an exception', async () => {
    const { db } = await setup();
    fireEvent.click(screen.getByRole('button', { name: /Journée conforme au planning \(2\)/ }));
    await screen.findByText('Journée conforme enregistrée pour 2 salariés.');
    expect(await db.table('timeEntry').get(dayEntryId(IDS.kevin, TODAY))).toMatchObject({ hours: 6.5, date: TODAY, salarieId: IDS.kevin });
    expect(await db.table('timeEntry').get(dayEntryId(IDS.jp, TODAY))).toMatchObject({ hours: 4 });
    expect(await db.table('timeEntry').get(dayEntryId(IDS.nadia, TODAY))).toBeUndefined();
    expect(await db.outbox.count()).toBe(2);

    fireEvent.click(screen.getByRole('button', { name: 'Exception pour Jean-Pierre Morel' }));
    const form = within(await screen.findByRole('form', { name: 'Exception pour Jean-Pierre Morel' }));
    fireEvent.input(form.getByLabelText('Heures travaillées'), { target: { value: '2,5' } });
    fireEvent.change(form.getByLabelText('Absence'), { target: { value: 'maladie' } });
    fireEvent.input(form.getByLabelText('Retard (minutes)'), { target: { value: '20' } });
    fireEvent.click(form.getByRole('button', { name: 'Enregistrer l’exception' }));
    await waitFor(async () => expect(await db.table('timeEntry').get(dayEntryId(IDS.jp, TODAY))).toMatchObject({ hours: 2.5, absence: 'maladie', absenceHours: 1.5, lateMinutes: 20 }));
    await screen.findByText(/2,5 h travaillées · Maladie 1,5 h · retard 20 min/);
    const totals = screen.getByRole('table');
    expect(within(totals).getByRole('row', { name: /Kevin Martin/ }).textContent).toContain('6,5 h');
  });

  it('warns above the contract hours in the week totals', async () => {
    await setup(async (s) => {
      for (const d of ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19']) {
        await s.write('timeEntry', dayEntryId(IDS.kevin, d), { structureId: STRUCTURE_ID, salarieId: IDS.kevin, date: d, hours: 7.5 });
      }
    });
    const row = await screen.findByRole('row', { name: /Kevin Martin/ });
    expect(row.textContent).toContain('Semaine : 30 h travaillées pour 26 h prévues au contrat.');
  });

  it('locks a validated month and shows the server’s refusal', async () => {
    await setup(async (s) => {
      await s.write('monthClose', '01900000-0000-7000-8000-000000009999', { structureId: STRUCTURE_ID, month: '2026-11', closedBy: ETI_ID });
      await s.db.rejected.add({ opId: 'op1', entity: 'timeEntry', id: dayEntryId(IDS.kevin, TODAY), what: 'Relevé d’heures : modification de Heures travaillées', reason: 'month_closed', message: 'Ce mois a été validé par la coordination : les heures ne peuvent plus être modifiées.', at: Date.now(), set: { hours: 6 } });
    });
    expect(screen.getByText(/Mois validé par la coordination/)).toBeTruthy();
    expect((screen.getByRole('button', { name: /Journée conforme au planning/ }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Exception pour Kevin Martin' }) as HTMLButtonElement).disabled).toBe(true);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Relevé d’heures : modification de Heures travaillées : Ce mois a été validé par la coordination');
  });
});
