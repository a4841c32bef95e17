// The coordination's management of logins, in its own structure only: GET /api/users (a bare
// array, never a hash), POST /api/users (a new login), PATCH /api/users/:id (name, role, active,
// password). Another structure's id answers 404 like an unknown one.
import { Hono } from 'hono';
import { isRecordId } from '../../domain/ids';
import { today, type AppDeps } from '../deps';
import { requireCoordinator, requireSession } from '../auth/session';
import { badRequest, HttpError, isPlainObject, readJson } from '../http/errors';
import type { AppEnv } from '../http/env';
import { createUser, CreateUserError } from './create';
import { checkNewUser, checkUserPatch } from './input';
import { listUsers, updateUser, UpdateUserError } from './update';

export function userRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.use('/users', requireSession(deps), requireCoordinator());
  r.use('/users/*', requireSession(deps), requireCoordinator());

  r.get('/users', async (c) => {
    const { user } = c.get('session');
    return c.json(await listUsers(deps.db, user.structureId));
  });

  r.post('/users', async (c) => {
    const { user, deviceId } = c.get('session');
    const body = await readJson(c);
    if (!isPlainObject(body)) throw badRequest('body', 'objet JSON attendu : {login, password, role, displayName, salarieId?}');
    const input = checkNewUser(body);
    if (!input.ok) throw badRequest(input.field, input.message);
    try {
      const id = await createUser({ db: deps.db, clock: deps.clock, today: today(deps), by: { userId: user.id, deviceId } }, user.structureId, input.value);
      return c.json({ id }, 201);
    } catch (err) {
      if (!(err instanceof CreateUserError)) throw err;
      if (err.code === 'login_taken') throw new HttpError(409, { error: 'login_taken', field: 'login', message: err.message });
      throw badRequest(err.field, err.message);
    }
  });

  r.patch('/users/:id', async (c) => {
    const { user, deviceId } = c.get('session');
    const id = c.req.param('id');
    if (!isRecordId(id)) throw new HttpError(404, { error: 'not_found', message: 'compte inconnu' });
    const body = await readJson(c);
    if (!isPlainObject(body)) throw badRequest('body', 'objet JSON attendu : {displayName?, role?, active?, password?}');
    const patch = checkUserPatch(body);
    if (!patch.ok) throw badRequest(patch.field, patch.message);
    try {
      const result = await updateUser({
        db: deps.db, clock: deps.clock, today: today(deps), now: deps.now(), by: { userId: user.id, deviceId, structureId: user.structureId },
      }, id, patch.value);
      return c.json({ ...result.user, revokedDevices: result.revokedDevices });
    } catch (err) {
      if (!(err instanceof UpdateUserError)) throw err;
      if (err.status === 404) throw new HttpError(404, { error: 'not_found', message: err.message });
      throw new HttpError(err.status, { error: err.code, field: err.field, message: err.message });
    }
  });
  return r;
}
