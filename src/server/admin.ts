// `npm run admin -- create-structure --name NAME --type ACI` and `npm run admin -- create-user
// --structure ID --role coordinator --login L --password P --name "Nom"`: how a deployment gets
// its first coordinator. Same store as the server (DATA_DIR / DATABASE_URL); one JSON line out.
// `backup` / `restore` (issue 13) live in backup/; this file only dispatches to them.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { STRUCTURE_TYPES } from '../domain/entities';
import { isRecordId } from '../domain/ids';
import { backupFromCli, BackupUsageError, isBackupCommand, serveBackupCommand } from './backup/command';
import { tryRemoteAdmin, type AdminAnswer } from './db/localAdmin';
import { openStore, storeFromEnv } from './db/open';
import type { Db } from './db/types';
import { localDate } from './sync/scope';
import { ServerClock } from './sync/clock';
import { createStructure } from './structures/create';
import { createUser, CreateUserError } from './users/create';
import { checkNewUser } from './users/input';

export class UsageError extends Error {}

const USAGE = `Utilisation :
  npm run admin -- create-structure --name NOM --type ACI|EI|AI|ETTI|EITI
  npm run admin -- create-user --structure ID --role coordinator|eti|salarie --login L --password P --name "Nom affiché" [--salarie ID]
  npm run admin -- backup --out FICHIER.ndjson.gz
  npm run admin -- restore --in FICHIER.ndjson.gz [--force]   (serveurs arrêtés ; --force remplace un stockage non vide)`;

function parseFlags(args: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m?.[1]) throw new UsageError(`argument inattendu : ${a}`);
    let value = m[2];
    if (value === undefined) {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`valeur manquante pour --${m[1]}`);
      i++;
    }
    flags.set(m[1], value);
  }
  return flags;
}

function need(flags: Map<string, string>, name: string): string {
  const v = flags.get(name);
  if (v === undefined || v.trim() === '') throw new UsageError(`option obligatoire manquante : --${name}`);
  return v;
}

/** Runs one command on an open store and returns the id it created. */
export async function runAdmin(db: Db, args: string[]): Promise<string> {
  const [command, ...rest] = args;
  const flags = parseFlags(rest);
  const clock = new ServerClock();
  const today = localDate(Date.now());
  if (command === 'create-structure') {
    const allowed = new Set(['name', 'type']);
    for (const k of flags.keys()) if (!allowed.has(k)) throw new UsageError(`option inconnue : --${k}`);
    const name = need(flags, 'name').trim();
    const type = need(flags, 'type').toUpperCase();
    if (name.length > 200) throw new UsageError('nom trop long (200 caractères au plus)');
    if (!(STRUCTURE_TYPES as readonly string[]).includes(type)) throw new UsageError(`type inconnu « ${type} » : ${STRUCTURE_TYPES.join(', ')}`);
    return createStructure({ db, clock, today }, { name, type: type as (typeof STRUCTURE_TYPES)[number] });
  }
  if (command === 'create-user') {
    const allowed = new Set(['structure', 'role', 'login', 'password', 'name', 'salarie']);
    for (const k of flags.keys()) if (!allowed.has(k)) throw new UsageError(`option inconnue : --${k}`);
    const structureId = need(flags, 'structure');
    if (!isRecordId(structureId)) throw new UsageError('--structure : identifiant de structure invalide');
    const input = checkNewUser({
      login: need(flags, 'login'), password: need(flags, 'password'), role: need(flags, 'role'), displayName: need(flags, 'name'),
      ...(flags.has('salarie') ? { salarieId: flags.get('salarie') } : {}),
    });
    if (!input.ok) throw new UsageError(`--${input.field === 'displayName' ? 'name' : input.field === 'salarieId' ? 'salarie' : input.field} : ${input.message}`);
    try {
      return await createUser({ db, clock, today }, structureId, input.value);
    } catch (err) {
      if (err instanceof CreateUserError) throw new UsageError(err.message);
      throw err;
    }
  }
  throw new UsageError(command ? `commande inconnue : ${command}` : 'commande manquante');
}

/** Runs a command for a running server (it owns the PGlite store): the same answers as the CLI. */
export async function answerAdmin(db: Db, args: string[]): Promise<AdminAnswer> {
  try {
    if (isBackupCommand(args[0])) return { output: await serveBackupCommand(db, args) };
    return { id: await runAdmin(db, args) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err), usage: err instanceof UsageError || err instanceof BackupUsageError };
  }
}

async function main(): Promise<void> {
  let db: Db | null = null;
  try {
    const args = process.argv.slice(2);
    if (isBackupCommand(args[0])) {
      process.stdout.write(`${JSON.stringify(await backupFromCli(args, storeFromEnv()))}\n`);
      return;
    }
    // Check the arguments before opening (and possibly creating) a store.
    if (args[0] !== 'create-structure' && args[0] !== 'create-user') throw new UsageError(args[0] ? `commande inconnue : ${args[0]}` : 'commande manquante');
    parseFlags(args.slice(1));
    const store = storeFromEnv();
    if (!store.databaseUrl && store.dataDir) {
      // A server running on this PGlite store owns it: ask it to do the work.
      const remote = await tryRemoteAdmin(store.dataDir, args);
      if (remote) {
        if ('id' in remote) process.stdout.write(`${JSON.stringify({ id: remote.id })}\n`);
        else if ('error' in remote) throw remote.usage ? new UsageError(remote.error) : new Error(remote.error);
        return;
      }
    }
    db = await openStore(store);
    const id = await runAdmin(db, args);
    process.stdout.write(`${JSON.stringify({ id })}\n`);
    await db.close();
  } catch (err) {
    if (db) await db.close().catch(() => undefined);
    if (err instanceof UsageError || err instanceof BackupUsageError) console.error(`Erreur : ${err.message}\n${USAGE}`);
    else console.error(`Erreur : ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main();
