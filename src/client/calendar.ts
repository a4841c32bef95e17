// The phone calendar address of the signed-in ETI or salarié (POST /api/me/calendar). Online only
// and never queued, like client/admin.ts: the answer carries a new secret address that replaces
// the previous one at once, so it must come from the server now or not at all. The address is
// kept by nobody on the device (the server holds only its digest): the screen shows it once.
import { ApiError, NetworkError, type Api } from './api';

export interface CalendarApi {
  /** A new private address `<origin>/api/calendar/<secret>.ics`; the previous one stops working. */
  createAddress(): Promise<{ url: string }>;
}

export function createCalendarApi(api: Pick<Api, 'call'>): CalendarApi {
  return {
    createAddress: async () => {
      const body = await api.call<{ url?: unknown }>('POST', '/api/me/calendar', {});
      if (typeof body?.url !== 'string' || !/^https?:\/\//.test(body.url)) throw new NetworkError(new Error('réponse sans adresse'));
      return { url: body.url };
    },
  };
}

/** The call could not reach the server: the screen says a connection is needed. */
export function isCalendarOffline(e: unknown): boolean {
  return e instanceof NetworkError;
}

/** A short French sentence for a refused call (the screen reads it to a salarié too). */
export function calendarErrorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 403) return 'L’agenda sur téléphone est réservé aux encadrants et aux salariés.';
    if (e.status === 401) return 'Vous n’êtes plus connecté. Reconnectez-vous.';
    return `Le serveur a refusé (erreur ${e.status}). Réessayez plus tard.`;
  }
  return 'Cela n’a pas marché. Réessayez plus tard.';
}
