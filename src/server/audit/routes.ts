// GET /api/audit (coordinator): the journal of confidential reads of the caller's structure,
// newest first, filtered by period (days from/to in the structure's time zone), salarié and
// reader, a page at a time (`limit`, then `before` = the previous page's `next`). Ids only: the
// device puts names on them from the records it already holds. An ETI or a salarié gets 403; a
// bad parameter 400 naming it. Nothing of the answer is logged.
import { Hono } from 'hono';
import type { AuditPage } from '../../sync/protocol';
import { requireCoordinator, requireSession } from '../auth/session';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { parseAuditQuery, readAudit } from './query';

export function auditRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/audit', requireSession(deps), requireCoordinator(), async (c) => {
    const { user } = c.get('session');
    const query = parseAuditQuery((name) => c.req.query(name), deps.timeZone);
    const page: AuditPage = await readAudit(deps.db, user.structureId, query);
    c.header('Cache-Control', 'no-store');
    return c.json(page);
  });
  return r;
}
