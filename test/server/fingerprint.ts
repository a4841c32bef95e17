// A cheap fingerprint of everything the server stores, to prove that a refused request wrote
// nothing: one hash per table of its rows. Left out on purpose: what every request may record
// about its own caller whatever the answer — a device's `last_seen_at` and reported storage,
// and failed logins (throttling counts them; a failed login is a 401 by contract).
import type { Db } from '../../src/server/db/types';

const SKIPPED = new Set(['login_failures', 'schema_migrations']);

/** Per table, the columns that make its fingerprint (all of them unless listed). */
const COLUMNS: Record<string, string> = {
  devices: 'id, structure_id, user_id, name, token_hash, created_at, revoked_at',
};

export async function storeFingerprint(db: Db): Promise<Record<string, string>> {
  const { rows: tables } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name: name } of tables) {
    if (SKIPPED.has(name) || !/^[a-z_]+$/.test(name)) continue;
    const columns = Object.hasOwn(COLUMNS, name) ? COLUMNS[name] : '*';
    const { rows } = await db.query<{ n: unknown; h: string | null }>(
      `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM (SELECT ${columns} FROM ${name}) t`,
    );
    out[name] = `${String(rows[0]?.n)}:${rows[0]?.h ?? ''}`;
  }
  return out;
}

/** Tables written on every push, too large to hash per request: their row count and seqs tell any write. */
const BY_SEQ = new Set(['records', 'applied_ops', 'audience_changes']);
const fastSql = new WeakMap<Db, string>();

/**
 * The same promise in one query, cheap enough to take after every request of a fuzz: the large
 * tables by count and sequence numbers (every write there takes a new seq), the others hashed.
 */
export async function fastFingerprint(db: Db): Promise<string> {
  let sql = fastSql.get(db);
  if (sql === undefined) {
    const { rows: tables } = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const parts = tables.map((t) => t.table_name).filter((name) => !SKIPPED.has(name) && /^[a-z_]+$/.test(name)).map((name) => BY_SEQ.has(name)
      ? `(SELECT '${name}:' || count(*) || ':' || coalesce(max(seq), 0) || ':' || coalesce(sum(seq), 0) FROM ${name})`
      : `(SELECT '${name}:' || count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM (SELECT ${Object.hasOwn(COLUMNS, name) ? COLUMNS[name] : '*'} FROM ${name}) t)`);
    sql = `SELECT ${parts.join(` || ' ' || `)} AS f`;
    fastSql.set(db, sql);
  }
  const { rows } = await db.query<{ f: string }>(sql);
  return rows[0]?.f ?? '';
}
