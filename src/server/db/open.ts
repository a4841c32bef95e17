// Store selection shared by `npm start` and `npm run admin`: PostgreSQL when DATABASE_URL is
// set, otherwise the embedded PGlite store under DATA_DIR (default ./data). Migrated on open.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { migrate } from './migrations';
import { createPgliteDb } from './pglite';
import { createPostgresDb } from './postgres';
import type { Db } from './types';

export interface StoreOptions {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
}

export function storeFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  return { dataDir: env['DATA_DIR'] || './data', databaseUrl: env['DATABASE_URL'] || undefined };
}

export async function openStore(opts: StoreOptions): Promise<Db> {
  let db: Db;
  if (opts.databaseUrl) {
    db = createPostgresDb({ connectionString: opts.databaseUrl });
  } else {
    const dir = opts.dataDir ?? './data';
    if (dir.startsWith('memory://')) {
      db = await createPgliteDb(dir);
    } else {
      // The engine's files go in a subfolder: DATA_DIR also holds the admin socket (localAdmin.ts).
      const abs = join(resolve(dir), 'pglite');
      mkdirSync(abs, { recursive: true });
      db = await createPgliteDb(abs);
    }
  }
  await migrate(db);
  return db;
}
