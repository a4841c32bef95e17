// PGlite is one process's store: `npm run admin` must not open the data directory while the
// server has it open (two engines on the same files would corrupt it). The server therefore
// listens on a local socket tied to its data directory and runs admin commands itself; the
// command line tries that socket first and opens the store directly only when no server runs.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** `output`: a command's whole JSON line (backup/command.ts), where `id` is all the others print. */
export type AdminAnswer = { id: string } | { output: Record<string, unknown> } | { error: string; usage: boolean };
export type AdminHandler = (args: string[]) => Promise<AdminAnswer>;

/** A socket (named pipe on Windows) unique to one data directory. */
export function adminSocketPath(dataDir: string): string {
  const abs = resolve(dataDir);
  const tag = createHash('sha256').update(abs).digest('hex').slice(0, 16);
  if (process.platform === 'win32') return `\\\\.\\pipe\\tremplin-${tag}`;
  const inDir = join(abs, '.admin.sock');
  // Unix socket paths are limited to about 100 bytes.
  return Buffer.byteLength(inDir) < 100 ? inDir : join(tmpdir(), `tremplin-${tag}.sock`);
}

/** Sends one command to a running server; null when none listens for this data directory. */
export function tryRemoteAdmin(dataDir: string, args: string[], timeoutMs = 30_000): Promise<AdminAnswer | null> {
  const path = adminSocketPath(dataDir);
  if (process.platform !== 'win32' && !existsSync(path)) return Promise.resolve(null);
  return new Promise((done) => {
    let buffer = '';
    let connected = false;
    const socket = createConnection(path);
    const timer = setTimeout(() => {
      socket.destroy();
      done({ error: 'le serveur ne répond pas', usage: false });
    }, timeoutMs);
    socket.on('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify({ args })}\n`);
    });
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
    });
    socket.on('end', () => {
      clearTimeout(timer);
      try {
        done(JSON.parse(buffer) as AdminAnswer);
      } catch {
        done({ error: 'réponse illisible du serveur', usage: false });
      }
    });
    socket.on('error', () => {
      clearTimeout(timer);
      done(connected ? { error: 'connexion au serveur interrompue', usage: false } : null);
    });
  });
}

/** Answers admin commands for this data directory; refuses to start if another server has it. */
export async function listenAdmin(dataDir: string, handler: AdminHandler): Promise<() => Promise<void>> {
  // A fresh checkout has no data directory yet; the socket lives in it.
  mkdirSync(resolve(dataDir), { recursive: true });
  const path = adminSocketPath(dataDir);
  if (process.platform !== 'win32' && existsSync(path)) {
    const alive = await new Promise<boolean>((ok) => {
      const s = createConnection(path);
      s.on('connect', () => {
        s.destroy();
        ok(true);
      });
      s.on('error', () => ok(false));
    });
    if (alive) throw new Error(`un autre serveur Tremplin utilise déjà ${resolve(dataDir)}`);
    unlinkSync(path);
  }
  const server: Server = createServer((socket) => {
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (buffer.length > 64 * 1024) socket.destroy();
      if (!buffer.includes('\n')) return;
      let args: string[] = [];
      try {
        const parsed = JSON.parse(buffer.slice(0, buffer.indexOf('\n'))) as { args?: unknown };
        if (Array.isArray(parsed.args) && parsed.args.every((a) => typeof a === 'string')) args = parsed.args as string[];
      } catch {
        args = [];
      }
      void handler(args).then((answer) => socket.end(JSON.stringify(answer)));
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(path, () => ok());
  });
  if (process.platform !== 'win32') chmodSync(path, 0o600);
  return () => new Promise<void>((ok) => server.close(() => ok()));
}
