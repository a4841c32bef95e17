// The coordination's RGPD calls on one salarié: GET /api/salaries/:id/export (right of access)
// and POST /api/salaries/:id/erase (after exit). Coordinator only (403 otherwise); an id that is
// not an id is 400 naming `id`; an unknown, erased or other structure's salarié is the same 404,
// so nothing tells whether another structure's record exists. Nothing here is logged: the
// answers are personal data.
import { Hono } from 'hono';
import { isRecordId } from '../../domain/ids';
import { exportLine } from '../audit/exportLine';
import { recordReads } from '../audit/record';
import { requireCoordinator, requireSession } from '../auth/session';
import { today, type AppDeps } from '../deps';
import { badRequest, HttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { resolveActor } from '../sync/scope';
import { EraseError, eraseSalarie } from './erase';
import { exportSalarie } from './export';

const notFound = () => new HttpError(404, { error: 'not_found', message: 'salarié inconnu' });

function salarieIdOf(id: string): string {
  if (!isRecordId(id)) throw badRequest('id', 'id : identifiant de salarié invalide (UUID ou ULID attendu)', 'invalid_request');
  return id;
}

export function salarieRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.use('/salaries/*', requireSession(deps), requireCoordinator());

  r.get('/salaries/:id/export', async (c) => {
    const { user, deviceId } = c.get('session');
    const id = salarieIdOf(c.req.param('id'));
    const resolved = await resolveActor(deps.db, user.id, user.structureId, today(deps));
    if (!resolved) throw new HttpError(401, { error: 'device_revoked', message: 'ce compte est désactivé' });
    const body = await exportSalarie(deps.db, resolved.actor, id, new Date(deps.now()));
    if (!body) throw notFound();
    // Audit (ids and a count only): written before the export leaves, so an unlogged one never does.
    await recordReads(deps.db, { structureId: user.structureId, userId: user.id, role: resolved.actor.role, deviceId }, deps.now(), [exportLine(id, body)]);
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  r.post('/salaries/:id/erase', async (c) => {
    const { user, deviceId } = c.get('session');
    const id = salarieIdOf(c.req.param('id'));
    try {
      const result = await eraseSalarie({
        db: deps.db, clock: deps.clock, today: today(deps), now: deps.now(), by: { userId: user.id, deviceId, structureId: user.structureId },
      }, id);
      return c.json(result);
    } catch (err) {
      if (!(err instanceof EraseError)) throw err;
      if (err.status === 404) throw notFound();
      throw new HttpError(409, { error: err.code, message: err.message });
    }
  });
  return r;
}
