// `npm run admin -- restore --in FILE [--force]`: puts a backup (format.ts) back into the store,
// all or nothing. The file is read through once first (checksum, versions) so a damaged file is
// refused before the store is touched. Then, in one transaction:
//  1. the live tables are locked (NOWAIT: a server still writing makes the restore stop) and
//     must be empty unless --force, which replaces everything;
//  2. a scratch schema is migrated to the backup's own schema version and the rows loaded there
//     as written (jsonb_populate_recordset: exact values, whichever store wrote them);
//  3. the scratch schema is migrated on to today's version, as a starting server would;
//  4. the live tables are emptied and filled from it, and the scratch schema dropped.
// Rows keep their values — structure_seq counters and record seqs; password and token hashes, calendar digests and badge signing keys, so logins,
// tablets, calendar addresses and issued badges keep working. The store gets a new epoch, so
// every tablet's next pull is a reset to what the store holds now. Servers must be stopped.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { migrateInTransaction, SCHEMA_VERSION } from '../db/migrations';
import type { Db, Queryable } from '../db/types';
import { BackupError, readBackup, verifyBackup } from './format';
import { columnsOf, currentSchema, NOT_BACKED_UP, qualified, quoteIdent, tablesOf } from './tables';

export interface RestoreOptions {
  /** Replace a store that already holds data. */
  force?: boolean;
}

export interface RestoreSummary {
  file: string;
  /** The schema version the backup was taken at, and the one the store is at now. */
  fromSchemaVersion: number;
  schemaVersion: number;
  tables: number;
  rows: number;
  replaced: boolean;
}

const LOCK_NOT_AVAILABLE = '55P03';

/** Tables of the live schema holding at least one row (the throttle's counts do not count). */
async function nonEmptyTables(tx: Queryable, schema: string, tables: string[]): Promise<string[]> {
  const full: string[] = [];
  for (const t of tables) {
    if (NOT_BACKED_UP.has(t)) continue;
    const { rows } = await tx.query(`SELECT 1 FROM ${qualified(schema, t)} LIMIT 1`);
    if (rows.length > 0) full.push(t);
  }
  return full;
}

async function lockLive(tx: Queryable, schema: string, tables: string[]): Promise<void> {
  if (tables.length === 0) return;
  try {
    await tx.query(`LOCK TABLE ${tables.map((t) => qualified(schema, t)).join(', ')} IN ACCESS EXCLUSIVE MODE NOWAIT`);
  } catch (err) {
    if ((err as { code?: unknown }).code === LOCK_NOT_AVAILABLE) {
      throw new BackupError('un serveur Tremplin utilise encore cette base : arrêtez tous les serveurs avant de restaurer');
    }
    throw err;
  }
}

/** Loads the file into the scratch schema; returns the row count (the checksum is checked at the end). */
async function load(tx: Queryable, file: string, scratch: string, known: Set<string>): Promise<{ tables: number; rows: number }> {
  const reader = readBackup(file);
  for (;;) {
    const next = await reader.next();
    if (next.done) return { tables: next.value.tables, rows: next.value.rows };
    const item = next.value;
    if (item.kind === 'section' && !known.has(item.table)) {
      throw new BackupError(`la sauvegarde contient une table que ce schéma ne connaît pas : ${item.table}`);
    }
    if (item.kind !== 'rows') continue;
    const target = qualified(scratch, item.table);
    await tx.query(`INSERT INTO ${target} SELECT * FROM jsonb_populate_recordset(NULL::${target}, $1::jsonb)`, [`[${item.lines.join(',')}]`]);
  }
}

export async function restoreStore(db: Db, inPath: string, opts: RestoreOptions = {}): Promise<RestoreSummary> {
  const file = resolve(inPath);
  // First pass: nothing is opened for writing until the whole file has proved sound.
  const contents = await verifyBackup(file);
  const fromVersion = contents.header.schemaVersion;
  return db.transaction(async (tx) => {
    const live = await currentSchema(tx);
    const { rows: paths } = await tx.query<{ p: string }>(`SELECT current_setting('search_path') AS p`);
    const searchPath = paths[0]?.p ?? quoteIdent(live);
    const liveTables = (await tablesOf(tx, live)).filter((t) => t !== 'schema_migrations');
    await lockLive(tx, live, liveTables);
    const full = await nonEmptyTables(tx, live, liveTables);
    if (full.length > 0 && !opts.force) {
      throw new BackupError(`le stockage contient déjà des données (${full.join(', ')}) : rien n'a été restauré. Pour remplacer tout son contenu par la sauvegarde, relancez avec --force`);
    }

    const scratch = `tremplin_restauration_${randomBytes(6).toString('hex')}`;
    await tx.query(`CREATE SCHEMA ${quoteIdent(scratch)}`);
    await tx.query(`SELECT set_config('search_path', $1, true)`, [quoteIdent(scratch)]);
    await migrateInTransaction(tx, fromVersion);
    const known = new Set((await tablesOf(tx, scratch)).filter((t) => !NOT_BACKED_UP.has(t)));
    let loaded: { tables: number; rows: number };
    try {
      loaded = await load(tx, file, scratch, known);
    } catch (err) {
      if (err instanceof BackupError) throw err;
      // A sound file that does not fit its own schema: say so without quoting any row.
      throw new BackupError(`la sauvegarde n'a pas pu être chargée : ${err instanceof Error ? err.message : String(err)}`);
    }
    await migrateInTransaction(tx);
    await tx.query(`SELECT set_config('search_path', $1, true)`, [searchPath]);

    const tables = (await tablesOf(tx, scratch)).filter((t) => t !== 'schema_migrations');
    const missing = tables.filter((t) => !liveTables.includes(t));
    if (missing.length > 0) throw new BackupError(`le stockage n'est pas au schéma ${SCHEMA_VERSION} (tables absentes : ${missing.join(', ')})`);
    await tx.query(`TRUNCATE ${tables.map((t) => qualified(live, t)).join(', ')}`);
    for (const t of tables) {
      const columns = (await columnsOf(tx, live, t)).map(quoteIdent).join(', ');
      await tx.query(`INSERT INTO ${qualified(live, t)} (${columns}) SELECT ${columns} FROM ${qualified(scratch, t)}`);
    }
    await tx.query(`DROP SCHEMA ${quoteIdent(scratch)} CASCADE`);
    // A new epoch: every tablet's next pull is a reset to what the store now holds (sync/cursor.ts).
    await tx.query(
      `INSERT INTO ${qualified(live, 'store_epoch')} (id, epoch) VALUES (true, $1) ON CONFLICT (id) DO UPDATE SET epoch = EXCLUDED.epoch`,
      [randomBytes(8).toString('hex')],
    );
    return { file, fromSchemaVersion: fromVersion, schemaVersion: SCHEMA_VERSION, tables: loaded.tables, rows: loaded.rows, replaced: full.length > 0 };
  });
}
