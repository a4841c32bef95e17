// Embedded store: PGlite is one connection in this process, so every query and transaction goes
// through one promise queue — a statement can never slip into another request's transaction.
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult } from './types';

export async function createPgliteDb(dataDir: string): Promise<Db> {
  const pg = await PGlite.create(dataDir);
  let queue: Promise<unknown> = Promise.resolve();

  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  }

  const db: Db = {
    kind: 'pglite',
    query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      return exclusive(async () => ({ rows: (await pg.query<T>(sql, [...params])).rows }));
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return exclusive(() => pg.transaction(async (t) => {
        const tx: Queryable = {
          async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
            return { rows: (await t.query<R>(sql, [...params])).rows };
          },
        };
        return fn(tx);
      }));
    },
    close: () => exclusive(() => pg.close()),
  };
  return db;
}
