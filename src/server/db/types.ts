// The small database interface the server codes against, so the same SQL runs on the embedded
// PGlite store and on PostgreSQL; adapters live beside it (pglite.ts, postgres.ts).
export interface QueryResult<T> {
  rows: T[];
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction: committed when fn resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** bigint columns come back as string (pg) or number (PGlite): one conversion for both. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' || typeof v === 'string') return Number(v);
  return 0;
}

/** JSON parameters are always sent as text and cast in SQL, so both drivers behave alike. */
export function json(v: unknown): string {
  return JSON.stringify(v);
}
