// The HTTP app: the API of the sync contract under /api (one folder per feature) and, when a
// built client is given, the PWA on the same port. Errors are always JSON, never a stack trace.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { MAX_PUSH_BYTES } from '../sync/protocol';
import { auditRoutes } from './audit/routes';
import { authRoutes } from './auth/routes';
import { credentialRoutes } from './credentials/routes';
import { calendarRoutes } from './calendar/routes';
import { requireSession } from './auth/session';
import { makeDeps, type AppDeps } from './deps';
import { deviceRoutes } from './devices/routes';
import { bodyGuard, ClientAbortedError } from './http/body';
import { errorResponse, HttpError } from './http/errors';
import { loggedPath } from './http/logPath';
import type { AppEnv } from './http/env';
import { protocolGuard } from './http/protocol';
import { securityHeaders } from './http/securityHeaders';
import { serveDist } from './http/static';
import { salarieRoutes } from './salaries/routes';
import { historyRoutes } from './sync/history';
import { pullRoutes } from './sync/pull';
import { pushRoutes } from './sync/push';
import { userRoutes } from './users/routes';

export interface AppOptions {
  /** Folder of the built client (dist/); omitted → API only. */
  distDir?: string | undefined;
}

/** Requests other than a push are small: 64 KB is far more than a login or a new user needs. */
const SMALL_BODY_BYTES = 64 * 1024;

/** Where a request may go: a push up to the contract's 2 MB, any other request 64 KB. */
const maxBodyOf = (path: string) => (path === '/api/sync/push' ? MAX_PUSH_BYTES : SMALL_BODY_BYTES);

export function createApp(input: Pick<AppDeps, 'db'> & Partial<AppDeps>, options: AppOptions = {}): Hono<AppEnv> {
  const deps = makeDeps(input);
  const app = new Hono<AppEnv>();

  app.onError((err, c) => {
    if (err instanceof HttpError) return errorResponse(c, err);
    if (err instanceof ClientAbortedError) {
      // Not a fault of the server (a tablet losing its network mid-push): said so, quietly.
      console.warn(`[tremplin] ${c.req.method} ${loggedPath(c.req.path)}: requête interrompue par le client`);
      return c.json({ error: 'client_aborted', message: 'requête interrompue par le client' }, 400);
    }
    // Never echo the error: it may carry SQL or personal data. The message alone is logged.
    console.error(`[tremplin] ${c.req.method} ${loggedPath(c.req.path)}: ${err instanceof Error ? err.name + ': ' + err.message.slice(0, 200) : 'unknown error'}`);
    return c.json({ error: 'internal', message: 'erreur interne du serveur' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not_found', message: 'ressource inconnue' }, 404));

  // Outermost: every answer, errors and 404s included, leaves with the security headers.
  app.use('*', securityHeaders(deps.trustProxy));
  // First: the size limit, and a body nobody read is read before the answer (keep-alive).
  app.use('*', bodyGuard(maxBodyOf));
  // gzip for the app's code and for pull pages (a first sync moves megabytes of JSON).
  app.use('*', compress());
  app.use('/api/*', protocolGuard(deps.clock));

  app.get('/api/health', async (c) => {
    try {
      await deps.db.query('SELECT 1');
      return c.json({ ok: true, db: deps.db.kind, serverHlc: deps.clock.tick() });
    } catch {
      return c.json({ ok: false, error: 'database_unavailable' }, 503);
    }
  });

  app.route('/api', authRoutes(deps));
  app.route('/api', userRoutes(deps));
  app.route('/api', deviceRoutes(deps));
  app.route('/api', historyRoutes(deps));
  app.route('/api', salarieRoutes(deps));
  app.route('/api', auditRoutes(deps));
  app.route('/api', credentialRoutes(deps));
  app.route('/api', calendarRoutes(deps));
  app.use('/api/sync/*', requireSession(deps));
  app.route('/api/sync', pushRoutes(deps));
  app.route('/api/sync', pullRoutes(deps));

  if (options.distDir) app.use('*', serveDist(options.distDir));
  return app;
}
