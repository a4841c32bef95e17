// POST /api/users (coordinator): creates a login in the coordinator's own structure.
import { Hono } from 'hono';
import { today, type AppDeps } from '../deps';
import { requireCoordinator, requireSession } from '../auth/session';
import { badRequest, HttpError, isPlainObject, readJson } from '../http/errors';
import type { AppEnv } from '../http/env';
import { createUser, CreateUserError } from './create';
import { checkNewUser } from './input';

export function userRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post('/users', requireSession(deps), requireCoordinator(), async (c) => {
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
  return r;
}
