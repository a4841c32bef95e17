// `npm run admin -- backup --out FILE`: writes the whole store to a backup file (format.ts).
// Every table is read in one REPEATABLE READ, READ ONLY transaction, so a backup taken while
// tablets push is one coherent moment (a record and its history, a structure's counter and
// its rows). Rows are fetched through a cursor in batches and streamed into gzip: memory stays
// flat whatever the size. The file appears only once complete (written beside it, then renamed),
// mode 0600 — it holds personal data and every secret of the store.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { toNumber, type Db, type Queryable } from '../db/types';
import { BackupError, FORMAT, FORMAT_VERSION, line, verifyBackup, type BackupHeader, type Trailer } from './format';
import { currentSchema, NOT_BACKED_UP, primaryKeyOrder, qualified, tablesOf } from './tables';

const FETCH = 2000;

export interface BackupSummary {
  file: string;
  schemaVersion: number;
  tables: number;
  rows: number;
  bytes: number;
  sha256: string;
}

/** The lines of the file, produced inside the snapshot transaction. */
async function* dumpLines(tx: Queryable, source: Db['kind']): AsyncGenerator<Buffer> {
  const { rows: versions } = await tx.query<{ v: unknown }>('SELECT max(version) AS v FROM schema_migrations');
  const schemaVersion = toNumber(versions[0]?.v);
  const schema = await currentSchema(tx);
  const tables = (await tablesOf(tx, schema)).filter((t) => !NOT_BACKED_UP.has(t));
  const hash = createHash('sha256');
  const out = (text: string): Buffer => {
    hash.update(text);
    return Buffer.from(text, 'utf8');
  };
  const header: BackupHeader = { format: FORMAT, formatVersion: FORMAT_VERSION, schemaVersion, createdAt: new Date().toISOString(), source };
  yield out(line(header));
  let total = 0;
  for (const table of tables) {
    const name = qualified(schema, table);
    const { rows: counted } = await tx.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${name}`);
    const rows = toNumber(counted[0]?.n);
    yield out(line({ table, rows }));
    const order = await primaryKeyOrder(tx, schema, table);
    await tx.query(`DECLARE tremplin_backup NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS j FROM ${name} t${order ? ` ORDER BY ${order}` : ''}`);
    let seen = 0;
    for (;;) {
      const { rows: batch } = await tx.query<{ j: string }>(`FETCH ${FETCH} FROM tremplin_backup`);
      if (batch.length === 0) break;
      seen += batch.length;
      yield out(batch.map((r) => `${r.j}\n`).join(''));
    }
    await tx.query('CLOSE tremplin_backup');
    // Inside one snapshot the count and the rows agree; anything else is a bug worth stopping on.
    if (seen !== rows) throw new Error(`backup: ${table} counted ${rows} rows, read ${seen}`);
    total += rows;
  }
  const trailer: Trailer = { end: FORMAT, tables: tables.length, rows: total, sha256: hash.digest('hex') };
  yield Buffer.from(line(trailer), 'utf8');
}

/** Writes the backup to `outPath` (replacing an older file only once the new one is complete). */
export async function backupStore(db: Db, outPath: string): Promise<BackupSummary> {
  const file = resolve(outPath);
  try {
    if (!statSync(dirname(file)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new BackupError(`dossier introuvable pour la sauvegarde : ${dirname(file)}`);
  }
  const partial = `${file}.${randomBytes(4).toString('hex')}.partiel`;
  try {
    await db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      // Timestamps are written with their offset; UTC makes two dumps of one store identical.
      await tx.query(`SET LOCAL TIME ZONE 'UTC'`);
      await pipeline(Readable.from(dumpLines(tx, db.kind)), createGzip(), createWriteStream(partial, { mode: 0o600, flags: 'wx' }));
    });
    renameSync(partial, file);
  } catch (err) {
    rmSync(partial, { force: true });
    if (err instanceof BackupError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'ENOSPC' || code === 'EROFS') {
      throw new BackupError(`impossible d'écrire la sauvegarde dans ${dirname(file)} (${code})`);
    }
    throw err;
  }
  // Read it back: what was written is what a restore will find.
  const contents = await verifyBackup(file);
  return { file, schemaVersion: contents.header.schemaVersion, tables: contents.tables, rows: contents.rows, bytes: statSync(file).size, sha256: contents.sha256 };
}
