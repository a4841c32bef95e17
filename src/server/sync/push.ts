// POST /api/sync/push: validate the whole body, then apply it as one batch under the
// structure's sequence lock; each change gets its own verdict (applied, duplicate, rejected).
import { Hono } from 'hono';
import type { PushResponse } from '../../sync/protocol';
import { today, type AppDeps } from '../deps';
import { readJson } from '../http/errors';
import type { AppEnv } from '../http/env';
import { applyChanges } from './apply';
import { validatePushBody } from './validate';

export function pushRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post('/push', async (c) => {
    const { deviceId, user } = c.get('session');
    const changes = validatePushBody(await readJson(c));
    const results = changes.length === 0 ? [] : await deps.db.transaction((tx) =>
      applyChanges(tx, { structureId: user.structureId, userId: user.id, deviceId, clock: deps.clock, today: today(deps) }, changes));
    return c.json({ results, serverHlc: deps.clock.tick() } satisfies PushResponse);
  });
  return r;
}
