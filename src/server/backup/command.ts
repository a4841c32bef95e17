// The `backup` and `restore` admin commands: their arguments, and where they run. On PGlite a
// running server owns the data directory, so a backup goes through it (localAdmin.ts's socket:
// the server writes the file, in one snapshot, between requests) and a restore is refused until
// it is stopped. On PostgreSQL the command opens the database itself.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tryRemoteAdmin } from '../db/localAdmin';
import { openStore, type StoreOptions } from '../db/open';
import type { Db } from '../db/types';
import { backupStore } from './backup';
import { BackupError } from './format';
import { restoreStore } from './restore';

export type BackupCommand = { kind: 'backup'; out: string } | { kind: 'restore'; in: string; force: boolean };

/** Bad arguments (admin.ts prints the usage with it). */
export class BackupUsageError extends Error {}

export function isBackupCommand(name: string | undefined): boolean {
  return name === 'backup' || name === 'restore';
}

export function parseBackupCommand(args: string[]): BackupCommand {
  const [command, ...rest] = args;
  const values = new Map<string, string>();
  let force = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m?.[1]) throw new BackupUsageError(`argument inattendu : ${a}`);
    const name = m[1];
    if (command === 'restore' && name === 'force' && m[2] === undefined) {
      force = true;
      continue;
    }
    if (name !== (command === 'backup' ? 'out' : 'in')) throw new BackupUsageError(`option inconnue : --${name}`);
    const value = m[2] ?? rest[++i];
    if (value === undefined || value.startsWith('--') || value.trim() === '') throw new BackupUsageError(`valeur manquante pour --${name}`);
    values.set(name, value);
  }
  if (command === 'backup') {
    const out = values.get('out');
    if (!out) throw new BackupUsageError('option obligatoire manquante : --out');
    return { kind: 'backup', out: resolve(out) };
  }
  if (command === 'restore') {
    const file = values.get('in');
    if (!file) throw new BackupUsageError('option obligatoire manquante : --in');
    return { kind: 'restore', in: resolve(file), force };
  }
  throw new BackupUsageError(command ? `commande inconnue : ${command}` : 'commande manquante');
}

/** Runs a parsed command on an open store; returns the JSON line to print. */
export async function runBackupCommand(db: Db, cmd: BackupCommand): Promise<Record<string, unknown>> {
  if (cmd.kind === 'backup') return { ...(await backupStore(db, cmd.out)) };
  return { ...(await restoreStore(db, cmd.in, { force: cmd.force })) };
}

/** What a running PGlite server answers when `npm run admin` hands it one of these commands. */
export async function serveBackupCommand(db: Db, args: string[]): Promise<Record<string, unknown>> {
  const cmd = parseBackupCommand(args);
  if (cmd.kind === 'restore') {
    throw new BackupError('un serveur Tremplin utilise ce dossier de données : arrêtez-le avant de restaurer');
  }
  return runBackupCommand(db, cmd);
}

/** A backup can take a while on a large store: the server is given an hour to answer. */
const REMOTE_TIMEOUT_MS = 60 * 60 * 1000;

/** The command line: through the running server on PGlite when there is one, else directly. */
export async function backupFromCli(args: string[], store: StoreOptions): Promise<Record<string, unknown>> {
  const cmd = parseBackupCommand(args);
  if (!store.databaseUrl && store.dataDir && !store.dataDir.startsWith('memory://')) {
    // Paths are made absolute here: the server's working directory may be another one.
    const forServer = cmd.kind === 'backup' ? ['backup', '--out', cmd.out] : ['restore', '--in', cmd.in, ...(cmd.force ? ['--force'] : [])];
    const remote = await tryRemoteAdmin(store.dataDir, forServer, REMOTE_TIMEOUT_MS);
    if (remote) {
      if ('output' in remote) return remote.output;
      if ('error' in remote) throw remote.usage ? new BackupUsageError(remote.error) : new BackupError(remote.error);
      throw new BackupError('réponse inattendue du serveur');
    }
  }
  if (cmd.kind === 'backup' && !store.databaseUrl && store.dataDir && !store.dataDir.startsWith('memory://') && !existsSync(join(resolve(store.dataDir), 'pglite'))) {
    // A mistyped DATA_DIR in a crontab would otherwise make an empty store and back it up nightly.
    throw new BackupError(`aucun stockage Tremplin dans ${resolve(store.dataDir)} : vérifiez DATA_DIR (ou DATABASE_URL)`);
  }
  const db = await openStore(store);
  try {
    return await runBackupCommand(db, cmd);
  } finally {
    await db.close();
  }
}
