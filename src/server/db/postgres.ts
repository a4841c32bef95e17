// PostgreSQL through a pg Pool: each transaction holds one pooled connection from BEGIN to
// COMMIT. `schema` (tests) pins the search_path of every connection so suites never collide.
import pg from 'pg';
import type { Db, Queryable, QueryResult } from './types';

export interface PostgresOptions {
  connectionString: string;
  schema?: string;
  max?: number;
}

export function createPostgresDb(opts: PostgresOptions): Db {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 20,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // An idle connection that dies must not crash the server; the next query reconnects.
  pool.on('error', () => undefined);

  return {
    kind: 'postgres',
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const r = await pool.query(sql, [...params]);
      return { rows: r.rows as T[] };
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const tx: Queryable = {
        async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
          const r = await client.query(sql, [...params]);
          return { rows: r.rows as R[] };
        },
      };
      let broken = false;
      try {
        await client.query('BEGIN');
        const out = await fn(tx);
        await client.query('COMMIT');
        return out;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
