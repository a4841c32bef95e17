// The phone calendar subscription (contract « Second release »):
// - POST /api/me/calendar (signed in; ETI or salarié, a coordinator gets 403): a new private
//   address `<origin>/api/calendar/<secret>.ics`, replacing the previous one at once.
// - GET /api/calendar/<secret>.ics (public: the address is the credential; no session, no
//   protocol header): the holder's planning from 4 weeks back to 8 weeks ahead. An unknown
//   secret, a deactivated or deleted login, a login become coordinator, or a structure whose
//   record is gone all answer the same 404. Nothing is logged: the address is a secret.
import { Hono, type Context } from 'hono';
import { requireSession } from '../auth/session';
import { today, type AppDeps } from '../deps';
import { HttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { resolveActor } from '../sync/scope';
import { toIcs } from './ics';
import { addDays } from './parisTime';
import { readPlanning } from './planning';
import { calendarSecretHash, isCalendarSecret, newCalendarSecret } from './secret';
import { feedOwner, replaceFeed } from './store';

/** The window the contract asks for, in days around today. */
export const WINDOW_DAYS_BACK = 28;
export const WINDOW_DAYS_AHEAD = 56;

const notFound = () => new HttpError(404, { error: 'not_found', message: 'adresse d’agenda inconnue' });

/** The address as the phone must reach it: the request's origin, or the proxy's when trusted. */
function originOf(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  if (trustProxy) {
    const proto = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim();
    const host = c.req.header('X-Forwarded-Host')?.split(',')[0]?.trim();
    if (proto && /^https?$/.test(proto)) url.protocol = `${proto}:`;
    if (host && /^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host)) url.host = host;
  }
  return url.origin;
}

async function structureExists(deps: AppDeps, structureId: string): Promise<boolean> {
  const { rows } = await deps.db.query<{ deleted: boolean }>(
    `SELECT deleted FROM records WHERE entity = 'structure' AND id = $1`, [structureId],
  );
  return rows[0] !== undefined && !rows[0].deleted;
}

export function calendarRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.post('/me/calendar', requireSession(deps), async (c) => {
    const { user } = c.get('session');
    if (user.role !== 'eti' && user.role !== 'salarie') {
      throw new HttpError(403, { error: 'forbidden', message: 'l’agenda sur téléphone est réservé aux encadrants et aux salariés (la coordination n’a pas de planning)' });
    }
    const secret = newCalendarSecret();
    await replaceFeed(deps.db, { userId: user.id, structureId: user.structureId }, calendarSecretHash(secret), new Date(deps.now()));
    c.header('Cache-Control', 'no-store');
    return c.json({ url: `${originOf(c, deps.trustProxy)}/api/calendar/${secret}.ics` });
  });

  r.get('/calendar/:file', async (c) => {
    const file = c.req.param('file');
    const secret = file.endsWith('.ics') ? file.slice(0, -4) : '';
    if (!isCalendarSecret(secret)) throw notFound();
    const owner = await feedOwner(deps.db, calendarSecretHash(secret));
    if (!owner || !(await structureExists(deps, owner.structureId))) throw notFound();
    const day = today(deps);
    const resolved = await resolveActor(deps.db, owner.userId, owner.structureId, day);
    if (!resolved || resolved.actor.role === 'coordinator') throw notFound();
    const events = await readPlanning(deps.db, resolved.actor, addDays(day, -WINDOW_DAYS_BACK), addDays(day, WINDOW_DAYS_AHEAD));
    const body = toIcs(events, 'Tremplin — mon planning', deps.timeZone);
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    // Personal data: no shared cache keeps it; phones poll on their own schedule.
    c.header('Cache-Control', 'private, no-store');
    return c.body(body, 200);
  });
  return r;
}
