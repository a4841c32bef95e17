// Starts Tremplin's server: the API and the built PWA on one port (PORT, default 8080), data in
// PGlite under DATA_DIR or PostgreSQL at DATABASE_URL. startServer() is also what tests use.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { answerAdmin } from './admin';
import { sessionLimitsFromEnv, type SessionLimits } from './auth/expiry';
import { createApp } from './app';
import { listenAdmin } from './db/localAdmin';
import { makeDeps, today } from './deps';
import { answerClientErrors } from './http/connection';
import { migrate } from './db/migrations';
import { openStore, storeFromEnv } from './db/open';
import type { Db } from './db/types';

export interface StartOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  /** true: seed the demo unless its logins exist; false: never; default: TREMPLIN_DEMO (1 / 0), else on an empty PGlite store only. */
  demo?: boolean;
  /** No banner, no demo logins on the console (tests). */
  quiet?: boolean;
  /** Built client to serve; default ./dist when it exists, null for API only. */
  distDir?: string | null;
  /** An already opened store (tests); it is migrated, and closed with the server. */
  db?: Db;
  now?: () => number;
  trustProxy?: boolean;
  /** When unused device sessions lapse; default 14 days idle (auth/expiry.ts). */
  sessionLimits?: SessionLimits;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  let db: Db | null = null;
  let closeAdmin: (() => Promise<void>) | null = null;
  const dataDir = opts.dataDir ?? './data';
  if (!opts.db && !opts.databaseUrl && !dataDir.startsWith('memory://')) {
    // Claim the PGlite directory first (refuses a second server), then answer `npm run admin`.
    closeAdmin = await listenAdmin(dataDir, async (args) => (db ? answerAdmin(db, args) : { error: 'serveur en cours de démarrage', usage: false }));
  }
  try {
    if (opts.db) {
      db = opts.db;
      await migrate(db);
    } else {
      db = await openStore({ dataDir, databaseUrl: opts.databaseUrl });
    }
    return await listen(db, opts, closeAdmin);
  } catch (err) {
    await closeAdmin?.();
    await db?.close().catch(() => undefined);
    throw err;
  }
}

/**
 * TREMPLIN_DEMO=1 seeds the demo (if its logins are missing), TREMPLIN_DEMO=0 never does: a real
 * structure trying Tremplin on PGlite starts from an empty store. Unset: only an empty PGlite
 * store gets the demo, so `npm start` shows something and PostgreSQL is never touched.
 */
export function demoFromEnv(value: string | undefined, kind: Db['kind']): boolean | 'auto' {
  if (value === '1') return true;
  if (value === '0') return false;
  return kind === 'pglite' ? 'auto' : false;
}

async function listen(db: Db, opts: StartOptions, closeAdmin: (() => Promise<void>) | null): Promise<RunningServer> {
  const deps = makeDeps({ db, ...(opts.now ? { now: opts.now } : {}), ...(opts.sessionLimits ? { sessionLimits: opts.sessionLimits } : {}), trustProxy: opts.trustProxy ?? false });
  const log = opts.quiet ? () => undefined : (line: string) => console.log(line);

  const demo = opts.demo ?? demoFromEnv(process.env['TREMPLIN_DEMO'], db.kind);
  if (demo !== false) {
    const { seedDemo } = await import('./demo/seed');
    const logins = await seedDemo({ db, clock: deps.clock, today: today(deps) }, demo === 'auto' ? 'if-empty' : 'if-missing');
    if (logins) log(`Structure de démonstration créée. Identifiants (mot de passe « tremplin ») : ${logins.join(', ')}`);
  }

  const distDir = opts.distDir === undefined ? (existsSync(resolve('dist', 'index.html')) ? resolve('dist') : undefined) : (opts.distDir ?? undefined);
  const app = createApp(deps, { distDir });
  const server: ServerType = await new Promise((ok, fail) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 8080, hostname: opts.host ?? '0.0.0.0' }, () => ok(s));
    s.once('error', fail);
  });
  answerClientErrors(server);
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  log(`Tremplin écoute sur http://localhost:${port} (${db.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}${distDir ? '' : ', API seule : client non construit'})`);

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    db,
    close() {
      closing ??= (async () => {
        await new Promise<void>((done) => {
          server.close(() => done());
          // Keep-alive connections would hold close() open: end them.
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await closeAdmin?.();
        await db.close();
      })();
      return closing;
    },
  };
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isEntry) {
  const store = storeFromEnv();
  const portText = process.env['PORT'];
  const port = portText ? Number(portText) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT invalide : ${portText}`);
    process.exit(1);
  }
  let sessionLimits: SessionLimits;
  try {
    sessionLimits = sessionLimitsFromEnv(process.env);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
  startServer({
    port,
    ...(process.env['HOST'] ? { host: process.env['HOST'] } : {}),
    ...(store.dataDir ? { dataDir: store.dataDir } : {}),
    ...(store.databaseUrl ? { databaseUrl: store.databaseUrl } : {}),
    trustProxy: process.env['TRUST_PROXY'] === '1',
    sessionLimits,
  }).then((running) => {
    const stop = () => {
      running.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }, (err: unknown) => {
    console.error(`Démarrage impossible : ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
