// @vitest-environment jsdom
// The week of a team: cells per salarié and day, a warning above the contract's weekly hours, a
// day in PMSMP that cannot be assigned, assign-by-tap, and the copy of the previous week.
import 'fake-indexeddb/auto';
import { describe, expect, it, afterEach } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { WeekView } from '../../../src/ui/production/WeekView';
import { ServicesContext } from '../../../src/ui/shell/services';
import { ETI_ID, STRUCTURE_ID, testServices } from '../services';
import { IDS, seed, TODAY } from './fixture';
import { weekPlanKey } from '../../../src/client/queries/production';
import { routesAheadFor, screenAhead } from '../../../src/ui/shell/hooks/screenAhead';
import { ScreenShown } from '../../../src/ui/shell/ScreenStack';

async function setup(monday?: string, heading = '16\\/11\\/2026') {
  const services = testServices({ id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID });
  await seed(services, { overtime: true });
  await services.write('pmsmp', '01900000-0000-7000-8000-000000000777', { structureId: STRUCTURE_ID, salarieId: IDS.jp, company: 'Mairie de Lisses', start: '2026-11-26', end: '2026-11-27' });
  await services.db.outbox.clear();
  render(<ServicesContext.Provider value={services}><WeekView teamId={IDS.team} monday={monday} /></ServicesContext.Provider>);
  await screen.findByRole('heading', { name: new RegExp(`Semaine du ${heading} — Espaces verts`) });
  return services;
}

afterEach(cleanup);

// jsdom has no PointerEvent: a MouseEvent that carries pointerType, as browsers' do.
const jsdomWindow = document.defaultView as unknown as { PointerEvent?: unknown };
if (jsdomWindow.PointerEvent === undefined) {
  class PointerEventPolyfill extends MouseEvent {
    readonly pointerType: string;
    constructor(type: string, init: PointerEventInit = {}) { super(type, init); this.pointerType = init.pointerType ?? 'mouse'; }
  }
  jsdomWindow.PointerEvent = PointerEventPolyfill;
}

describe('Semaine', () => {
  it('warns above the contract hours and refuses a PMSMP day', async () => {
    await setup();
    const kevin = screen.getByRole('row', { name: /Kevin Martin/ });
    expect(kevin.textContent).toContain('33 h planifiées pour un contrat de 26 h par semaine.');
    fireEvent.click(screen.getByRole('button', { name: /^Nadia Benali, Vendredi/ }));
    const panel = within(await screen.findByRole('region', { name: /Nadia Benali — 20\/11\/2026/ }));
    expect(panel.getByText(/En PMSMP chez Pépinières Durand/)).toBeTruthy();
    expect(panel.queryByRole('button', { name: /Parc de la mairie/ })).toBeNull();
  });

  it('assigns by tap and takes off by a second tap', async () => {
    const { db } = await setup();
    fireEvent.click(screen.getByRole('button', { name: /^Jean-Pierre Morel, Mercredi/ }));
    const panel = within(await screen.findByRole('region', { name: /Jean-Pierre Morel — 18\/11\/2026/ }));
    fireEvent.click(panel.getByRole('button', { name: /Parc de la mairie/ }));
    await waitFor(() => expect(panel.getByRole('button', { name: /Parc de la mairie/ }).getAttribute('aria-pressed')).toBe('true'));
    const rows = (await db.table('assignment').toArray()).filter((a) => a.salarieId === IDS.jp && a.slotId === '01900000-0000-7000-8000-000000000512');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ hours: 7.5, task: 'Travaux : Parc de la mairie' });
    fireEvent.click(panel.getByRole('button', { name: /Parc de la mairie/ }));
    await waitFor(() => expect(panel.getByRole('button', { name: /Parc de la mairie/ }).getAttribute('aria-pressed')).toBe('false'));
  });

  it('copies the previous week, leaving out who cannot work', async () => {
    const { db } = await setup('2026-11-23', '23\\/11\\/2026');
    fireEvent.click(screen.getByRole('button', { name: 'Copier la semaine précédente' }));
    const status = await screen.findByRole('status', {}, { timeout: 5000 });
    expect(status.textContent).toContain('Semaine copiée : 6 créneaux');
    expect(status.textContent).toContain('6 créneaux, 6 affectations. Non reprises : Jean-Pierre Morel le 26/11/2026 (En PMSMP chez Mairie de Lisses jusqu’au 27/11/2026.) ; Jean-Pierre Morel le 27/11/2026');
    const slots = (await db.table('planningSlot').toArray()).filter((s) => s.date >= '2026-11-23');
    expect(slots.map((s) => s.date).sort()).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-27']);
    fireEvent.click(screen.getByRole('button', { name: 'Copier la semaine précédente' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Semaine copiée : 0 créneaux'), { timeout: 5000 });
  });

  it('opens at once from the week « Aujourd’hui » warmed, then follows the device', async () => {
    const services = testServices({ id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID });
    await seed(services, { overtime: true });
    await services.queries.production.warmWeek(ETI_ID, IDS.team, '2026-11-16', TODAY);
    render(<ServicesContext.Provider value={services}><WeekView teamId={IDS.team} /></ServicesContext.Provider>);
    // No wait: the first render is the grid, from memory.
    expect(screen.getByRole('heading', { name: /Semaine du 16\/11\/2026 — Espaces verts/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Jean-Pierre Morel, Mercredi : —/ })).toBeTruthy();
    // A change made elsewhere (a sync, another tab) still shows: the live read took over.
    await services.write('assignment', '01900000-0000-7000-8000-000000000999', { structureId: STRUCTURE_ID, salarieId: IDS.jp, slotId: '01900000-0000-7000-8000-000000000512', task: 'Tonte', hours: 7.5 });
    await screen.findByRole('button', { name: /^Jean-Pierre Morel, Mercredi : 7,5 h · Parc de la mairie/ });
  });

  it('never shows a week warmed for another user of the tablet', async () => {
    const services = testServices({ id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID });
    await seed(services, { overtime: true });
    await services.queries.production.warmWeek('someone-else', IDS.team, '2026-11-16', TODAY);
    render(<ServicesContext.Provider value={services}><WeekView teamId={IDS.team} /></ServicesContext.Provider>);
    expect(screen.queryByRole('heading', { name: /Semaine du/ })).toBeNull();
    await screen.findByRole('heading', { name: /Semaine du 16\/11\/2026 — Espaces verts/ });
  });

  it('reads the previous and the next week into memory once a week is shown', async () => {
    const services = await setup();
    const memory = services.queries.production.weekMemory;
    await waitFor(() => {
      expect(memory.plan.get(weekPlanKey(ETI_ID, '2026-11-23'))).toBeDefined();
      expect(memory.plan.get(weekPlanKey(ETI_ID, '2026-11-09'))).toBeDefined();
    }, { timeout: 5000 });
  });

  it('announces the next and the previous week while shown, so they are built ahead; not when kept hidden', async () => {
    const services = await setup();
    const next = `/semaine/${IDS.team}/2026-11-23`;
    const previous = `/semaine/${IDS.team}/2026-11-09`;
    await waitFor(() => expect(routesAheadFor(screenAhead.get(), ETI_ID)).toEqual([next, previous]), { timeout: 5000 });
    // Unmounted (or hidden): nothing announced any more.
    cleanup();
    await waitFor(() => expect(routesAheadFor(screenAhead.get(), ETI_ID)).toEqual([]));
    render(<ServicesContext.Provider value={services}><ScreenShown.Provider value={false}><WeekView teamId={IDS.team} /></ScreenShown.Provider></ServicesContext.Provider>);
    await screen.findByRole('heading', { name: /Semaine du 16\/11\/2026/, hidden: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(routesAheadFor(screenAhead.get(), ETI_ID)).toEqual([]);
  });

  it('drags a planned day onto another salarié the same day, and refuses a day they cannot work', async () => {
    const { db } = await setup();
    const td = (name: RegExp) => screen.getByRole('button', { name }).closest('td')!;
    const kevinMon = td(/^Kevin Martin, Lundi/);
    const jpMon = td(/^Jean-Pierre Morel, Lundi/);
    const nadiaMon = td(/^Nadia Benali, Lundi/);
    expect(kevinMon.dataset['drag']).toContain('Kevin Martin');
    expect(jpMon.dataset['drag']).toBeUndefined(); // nothing planned: nothing to drag
    const dragTo = async (from: HTMLElement, to: HTMLElement) => {
      // jsdom has no layout: the point under the pointer is the target cell.
      document.elementFromPoint = () => to;
      fireEvent.pointerDown(from.querySelector('button')!, { pointerType: 'mouse', button: 0, clientX: 10, clientY: 10 });
      fireEvent.pointerMove(document, { pointerType: 'mouse', clientX: 60, clientY: 40 });
      fireEvent.pointerMove(document, { pointerType: 'mouse', clientX: 80, clientY: 60 });
      fireEvent.pointerUp(document, { pointerType: 'mouse', clientX: 80, clientY: 60 });
    };
    await dragTo(kevinMon, jpMon);
    await screen.findByText(/Jean-Pierre Morel, 16\/11\/2026 : 1 créneau ajouté \(Parc de la mairie\)/);
    const jpRows = (await db.table('assignment').toArray()).filter((a) => a.salarieId === IDS.jp && !a._deleted);
    const kevinRows = (await db.table('assignment').toArray()).filter((a) => a.salarieId === IDS.kevin && !a._deleted);
    const slotsMon = new Set((await db.table('planningSlot').toArray()).filter((x) => x.date === '2026-11-16').map((x) => x.id));
    expect(jpRows.filter((a) => slotsMon.has(a.slotId)).map((a) => a.slotId).sort()).toEqual(kevinRows.filter((a) => slotsMon.has(a.slotId)).map((a) => a.slotId).sort());
    await waitFor(() => expect(screen.getByRole('button', { name: /^Jean-Pierre Morel, Lundi : .*Parc de la mairie/ })).toBeTruthy());
    // Nadia is in PMSMP that week: nothing is written, and the reason is given.
    const before = (await db.table('assignment').count());
    await dragTo(kevinMon, nadiaMon);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Nadia Benali, 16\/11\/2026 : rien n’a été planifié\. En PMSMP chez Pépinières Durand/);
    expect(await db.table('assignment').count()).toBe(before);
    // A tap (no move) still selects the cell, as before.
    fireEvent.pointerDown(kevinMon.querySelector('button')!, { pointerType: 'mouse', button: 0, clientX: 10, clientY: 10 });
    fireEvent.pointerUp(document, { pointerType: 'mouse', clientX: 10, clientY: 10 });
    fireEvent.click(kevinMon.querySelector('button')!);
    expect(await screen.findByRole('region', { name: /Kevin Martin — 16\/11\/2026/ })).toBeTruthy();
  });
});
