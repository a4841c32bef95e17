// @vitest-environment jsdom
// « Mon planning sur mon téléphone » (#/agenda): a salarié (FALC) or an ETI creates a private
// calendar address, sees it with a copy button and a QR code, reads the iPhone and Android steps,
// and is asked before changing it (the old one stops working). Offline, or with the server out of
// reach, the page says a connection is needed. The calendar API is a small fake.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { ApiError, NetworkError } from '../../../src/client/api';
import type { CalendarApi } from '../../../src/client/calendar';
import { CalendarPage, OFFLINE_CALENDAR } from '../../../src/ui/calendar/CalendarPage';
import { ServicesContext } from '../../../src/ui/shell/services';
import { ETI_ID, STRUCTURE_ID, testServices } from '../services';

const settle = () => new Promise((r) => setTimeout(r, 30));
const URL_1 = `https://tremplin.example/api/calendar/${'a'.repeat(43)}.ics`;
const URL_2 = `https://tremplin.example/api/calendar/${'b'.repeat(43)}.ics`;
const SALARIE_USER = '01900000-0000-7000-8000-0000000000d1';
const SALARIE_ID = '01900000-0000-7000-8000-0000000000d2';

let writeText: ReturnType<typeof vi.fn>;
beforeEach(() => {
  writeText = vi.fn(async () => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});
afterEach(async () => {
  cleanup();
  await settle();
});

function fakeCalendar(...answers: (string | Error)[]): CalendarApi & { createAddress: ReturnType<typeof vi.fn> } {
  const queue = [...answers];
  return {
    createAddress: vi.fn(async () => {
      const next = queue.shift();
      if (next === undefined || next instanceof Error) throw next ?? new Error('not expected');
      return { url: next };
    }),
  };
}

function renderPage(role: 'salarie' | 'eti', calendar: CalendarApi, online = true) {
  const user = role === 'salarie'
    ? { id: SALARIE_USER, role, structureId: STRUCTURE_ID, salarieId: SALARIE_ID, displayName: 'Amina Diallo' }
    : { id: ETI_ID, role, structureId: STRUCTURE_ID, displayName: 'Karim ETI' };
  const services = testServices(user, { sync: { online } });
  render(<ServicesContext.Provider value={services}><CalendarPage calendar={calendar} /></ServicesContext.Provider>);
}

const createButton = () => screen.getByRole('button', { name: /Créer mon adresse d’agenda/ });
const noEmoji = () => expect(document.body.textContent ?? '').not.toMatch(/\p{Extended_Pictographic}/u);

describe('CalendarPage', () => {
  it('lets a salarié create the address, copy it, scan it and read the steps, in short sentences', async () => {
    const calendar = fakeCalendar(URL_1);
    renderPage('salarie', calendar);
    expect(screen.getByRole('heading', { name: 'Mon planning sur mon téléphone' })).toBeTruthy();
    expect(screen.getByText('Vous pouvez voir votre planning dans l’agenda de votre téléphone.')).toBeTruthy();
    // Before: no address yet, a warning that an older one would stop.
    expect(screen.queryByLabelText('Adresse de mon agenda')).toBeNull();
    expect(screen.getByText('Si vous aviez déjà une adresse, elle ne marchera plus.')).toBeTruthy();

    fireEvent.click(createButton());
    const field = await screen.findByLabelText<HTMLInputElement>('Adresse de mon agenda');
    expect(field.value).toBe(URL_1);
    expect(calendar.createAddress).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Cette adresse est secrète. Ne la donnez à personne.')).toBeTruthy();

    const qr = screen.getByRole('img', { name: /Code QR de l’adresse/ });
    expect(qr.querySelectorAll('rect').length).toBeGreaterThan(50);

    fireEvent.click(screen.getByRole('button', { name: 'Copier l’adresse' }));
    expect(await screen.findByText('Adresse copiée.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(URL_1);

    expect(screen.getByRole('heading', { name: 'Sur un iPhone' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Sur un téléphone Android' })).toBeTruthy();
    expect(screen.getByText('Touchez « Ajouter un calendrier avec abonnement ».')).toBeTruthy();
    noEmoji();
  });

  it('asks before changing the address, says the old one stops, then shows the new one', async () => {
    const calendar = fakeCalendar(URL_1, URL_2);
    renderPage('salarie', calendar);
    fireEvent.click(createButton());
    await screen.findByDisplayValue(URL_1);

    fireEvent.click(screen.getByRole('button', { name: /Changer d’adresse/ }));
    const confirm = screen.getByRole('group', { name: 'Changer d’adresse' });
    expect(within(confirm).getByText('L’ancienne adresse ne marchera plus.')).toBeTruthy();
    expect(calendar.createAddress).toHaveBeenCalledTimes(1);

    fireEvent.click(within(confirm).getByRole('button', { name: 'Oui, changer d’adresse' }));
    expect(await screen.findByDisplayValue(URL_2)).toBeTruthy();
    expect(calendar.createAddress).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('group', { name: 'Changer d’adresse' })).toBeNull();
  });

  it('cancelling the change keeps the address', async () => {
    const calendar = fakeCalendar(URL_1);
    renderPage('eti', calendar);
    fireEvent.click(createButton());
    await screen.findByDisplayValue(URL_1);
    fireEvent.click(screen.getByRole('button', { name: /Changer d’adresse/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.getByDisplayValue(URL_1)).toBeTruthy();
    expect(calendar.createAddress).toHaveBeenCalledTimes(1);
  });

  it('tells an ETI what their teams’ calendar holds, and nothing confidential', () => {
    renderPage('eti', fakeCalendar(URL_1));
    expect(screen.getByRole('heading', { name: 'Le planning de mes équipes sur mon téléphone' })).toBeTruthy();
    expect(screen.getByText(/Rien du livret ni du diagnostic n’y figure/)).toBeTruthy();
    noEmoji();
  });

  it('offline, says a connection is needed and does not call the server', () => {
    const calendar = fakeCalendar(URL_1);
    renderPage('salarie', calendar, false);
    expect(screen.getByText(OFFLINE_CALENDAR)).toBeTruthy();
    const button = createButton() as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(calendar.createAddress).not.toHaveBeenCalled();
  });

  it('when the server cannot be reached, says a connection is needed and lets the user retry', async () => {
    const calendar = fakeCalendar(new NetworkError(), URL_1);
    renderPage('eti', calendar);
    fireEvent.click(createButton());
    expect(await screen.findByText(OFFLINE_CALENDAR)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    fireEvent.click(createButton());
    expect(await screen.findByDisplayValue(URL_1)).toBeTruthy();
  });

  it('says in French when the server refuses', async () => {
    renderPage('eti', fakeCalendar(new ApiError(403, { error: 'forbidden', message: 'réservé' })));
    fireEvent.click(createButton());
    expect((await screen.findByRole('alert')).textContent).toBe('L’agenda sur téléphone est réservé aux encadrants et aux salariés.');
  });
});
