// Which tables a backup carries and in what order, read from the catalogue rather than listed
// by hand: a table added by a later migration is backed up without anyone remembering to.
// Referenced tables come first (users before devices) so rows load in file order.
import type { Queryable } from '../db/types';

/**
 * Not carried: the schema version travels in the file's header, and login_failures only counts
 * recent failed sign-ins for the throttle (a restore starting with none locks nobody out).
 */
export const NOT_BACKED_UP: ReadonlySet<string> = new Set(['schema_migrations', 'login_failures', 'store_epoch']);

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `schema.table`, both quoted. */
export function qualified(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

/** Every ordinary table of the schema, referenced tables before those that reference them. */
export async function tablesOf(q: Queryable, schema: string): Promise<string[]> {
  const { rows: tables } = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname COLLATE "C"`,
    [schema],
  );
  const { rows: links } = await q.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
     JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = ch.relnamespace
     WHERE k.contype = 'f' AND n.nspname = $1`,
    [schema],
  );
  const parents = new Map<string, string[]>();
  for (const l of links) if (l.child !== l.parent) parents.set(l.child, [...(parents.get(l.child) ?? []), l.parent]);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>): void => {
    if (placed.has(name) || path.has(name)) return;
    path.add(name);
    for (const p of parents.get(name) ?? []) visit(p, path);
    placed.add(name);
    ordered.push(name);
  };
  for (const t of tables) visit(t.name, new Set());
  return ordered;
}

/** The ORDER BY of a table's primary key, byte order for text, so a dump is reproducible. */
export async function primaryKeyOrder(q: Queryable, schema: string, table: string): Promise<string> {
  const { rows } = await q.query<{ name: string; collatable: boolean }>(
    `SELECT a.attname AS name, (a.attcollation <> 0) AS collatable
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
     WHERE n.nspname = $1 AND c.relname = $2 AND i.indisprimary
     ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [schema, table],
  );
  return rows.map((r) => `${quoteIdent(r.name)}${r.collatable ? ' COLLATE "C"' : ''}`).join(', ');
}

/** A table's column names, in their order. */
export async function columnsOf(q: Queryable, schema: string, table: string): Promise<string[]> {
  const { rows } = await q.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [schema, table],
  );
  return rows.map((r) => r.name);
}

export async function currentSchema(q: Queryable): Promise<string> {
  const { rows } = await q.query<{ s: string }>('SELECT current_schema() AS s');
  const s = rows[0]?.s;
  if (!s) throw new Error('no current schema');
  return s;
}
