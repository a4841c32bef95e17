// The backup file of `npm run admin -- backup` / `restore`, and its one reader. A logical dump,
// the same whichever store wrote it (PGlite or PostgreSQL), so a structure can move from the
// embedded store to PostgreSQL with it. Gzip of NDJSON lines, read and written line by line so a
// million rows never sit in memory at once:
//   {"format":"tremplin-backup","formatVersion":1,"schemaVersion":9,"createdAt":…,"source":…}
//   {"table":"users","rows":2}          then exactly that many rows, each PostgreSQL's to_jsonb
//   {…row…}                              of the row, copied as text (never parsed: exact values)
//   {"end":"tremplin-backup","tables":10,"rows":…,"sha256":"…"}
// The SHA-256 covers every line before the last (each with its "\n"): a truncated or damaged
// file is refused before anything is written. It detects accidents, not a forger, who could
// recompute it: the file itself must be kept where only the administrators can read it.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { SCHEMA_VERSION } from '../db/migrations';

export const FORMAT = 'tremplin-backup';
export const FORMAT_VERSION = 1;

/** A problem with a backup or a restore, in French, for the person running the command. */
export class BackupError extends Error {}

export interface BackupHeader {
  format: typeof FORMAT;
  formatVersion: typeof FORMAT_VERSION;
  /** The schema_migrations version of the store it was taken from. */
  schemaVersion: number;
  createdAt: string;
  source: 'pglite' | 'postgres';
}

export interface SectionHeader {
  table: string;
  rows: number;
}

export interface Trailer {
  end: typeof FORMAT;
  tables: number;
  rows: number;
  sha256: string;
}

export type BackupItem =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'section'; table: string; rows: number }
  /** Up to `batch` row lines of the current table, as written (JSON object text). */
  | { kind: 'rows'; table: string; lines: string[] };

export interface BackupContents {
  header: BackupHeader;
  tables: number;
  rows: number;
  sha256: string;
}

/** One line of the file, with its newline; the writer hashes exactly these bytes. */
export function line(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

const DAMAGED = 'fichier de sauvegarde tronqué ou endommagé';

/** The file's lines, decompressed as they are read; a damaged gzip stream is a BackupError. */
async function* gunzipLines(file: string): AsyncGenerator<string> {
  try {
    if (!statSync(file).isFile()) throw new BackupError(`${file} n'est pas un fichier`);
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`fichier de sauvegarde introuvable : ${file}`);
  }
  // pipeline() passes a read error on to the gunzip stream, so the loop below sees it.
  const stream = pipeline(createReadStream(file), createGunzip(), () => undefined);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      rest += decoder.write(chunk);
      let nl = rest.indexOf('\n');
      let from = 0;
      while (nl >= 0) {
        yield rest.slice(from, nl);
        from = nl + 1;
        nl = rest.indexOf('\n', from);
      }
      rest = rest.slice(from);
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${DAMAGED} (la décompression a échoué)`);
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

function parseControl(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function checkHeader(text: string | undefined): BackupHeader {
  const h = parseControl(text);
  if (!h || h['format'] !== FORMAT) throw new BackupError("ce fichier n'est pas une sauvegarde Tremplin");
  if (h['formatVersion'] !== FORMAT_VERSION) {
    throw new BackupError(`format de sauvegarde ${String(h['formatVersion'])} inconnu de cette version de Tremplin (elle lit le format ${FORMAT_VERSION}) : mettez Tremplin à jour`);
  }
  const v = h['schemaVersion'];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) throw new BackupError(`${DAMAGED} (en-tête invalide)`);
  if (v > SCHEMA_VERSION) {
    throw new BackupError(`cette sauvegarde vient d'une version plus récente de Tremplin (schéma ${v}, celle-ci connaît le schéma ${SCHEMA_VERSION}) : mettez Tremplin à jour avant de restaurer`);
  }
  const source = h['source'] === 'postgres' ? 'postgres' : 'pglite';
  return { format: FORMAT, formatVersion: FORMAT_VERSION, schemaVersion: v, createdAt: String(h['createdAt'] ?? ''), source };
}

/**
 * Reads a backup from start to end, checking its structure, counts and checksum as it goes.
 * Whoever consumes the items must treat them as unconfirmed until the generator has finished:
 * the checksum is known only at the end (restore.ts loads inside a transaction for that reason).
 */
export async function* readBackup(file: string, batch = 1000): AsyncGenerator<BackupItem, BackupContents> {
  const hash = createHash('sha256');
  const lines = gunzipLines(file);
  const first = await lines.next();
  const header = checkHeader(first.done ? undefined : first.value);
  hash.update(`${first.value}\n`);
  yield { kind: 'header', header };
  let tables = 0;
  let total = 0;
  let trailer: Record<string, unknown> | null = null;
  for (;;) {
    const next = await lines.next();
    if (next.done) break;
    const control = parseControl(next.value);
    if (control && control['end'] === FORMAT) {
      trailer = control;
      const after = await lines.next();
      if (!after.done) throw new BackupError(`${DAMAGED} (contenu après la fin)`);
      break;
    }
    const table = control?.['table'];
    const rows = control?.['rows'];
    if (typeof table !== 'string' || typeof rows !== 'number' || !Number.isSafeInteger(rows) || rows < 0) {
      throw new BackupError(`${DAMAGED} (ligne inattendue après ${total} lignes de données)`);
    }
    hash.update(`${next.value}\n`);
    tables++;
    yield { kind: 'section', table, rows };
    let pending: string[] = [];
    for (let i = 0; i < rows; i++) {
      const row = await lines.next();
      if (row.done) throw new BackupError(`${DAMAGED} (table ${table} incomplète)`);
      if (!row.value.startsWith('{') || !row.value.endsWith('}')) throw new BackupError(`${DAMAGED} (ligne illisible dans la table ${table})`);
      hash.update(`${row.value}\n`);
      pending.push(row.value);
      if (pending.length >= batch) {
        yield { kind: 'rows', table, lines: pending };
        pending = [];
      }
    }
    if (pending.length > 0) yield { kind: 'rows', table, lines: pending };
    total += rows;
  }
  if (!trailer) throw new BackupError(`${DAMAGED} (la fin du fichier manque : sauvegarde interrompue ou copie incomplète)`);
  const sha256 = hash.digest('hex');
  if (trailer['sha256'] !== sha256 || trailer['rows'] !== total || trailer['tables'] !== tables) {
    throw new BackupError(`${DAMAGED} (la somme de contrôle ne correspond pas : le fichier a été modifié)`);
  }
  return { header, tables, rows: total, sha256 };
}

/** Reads the whole file once and says what it holds; throws a BackupError if anything is off. */
export async function verifyBackup(file: string): Promise<BackupContents> {
  const reader = readBackup(file);
  for (;;) {
    const next = await reader.next();
    if (next.done) return next.value;
  }
}
