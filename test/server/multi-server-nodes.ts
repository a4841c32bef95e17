// Test helpers for several servers on one store: a "node" is one server a device may reach —
// a real child process started as `npm start` starts it (node --import tsx src/server/main.ts),
// or an app instance of its own (own clock, own throttle object) over a shared store. Shared by
// multi-server.test.ts and crash.test.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/server/app';
import { createPostgresDb } from '../../src/server/db/postgres';
import type { Db } from '../../src/server/db/types';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Answer<T> {
  status: number;
  body: T;
}

export interface RequestOptions {
  token?: string | undefined;
  body?: unknown;
}

/** One server a device can talk to. */
export interface ServerNode {
  readonly name: string;
  request<T = Record<string, unknown>>(method: string, path: string, opts?: RequestOptions): Promise<Answer<T>>;
}

function headersOf(opts: RequestOptions): Record<string, string> {
  return {
    'X-Tremplin-Protocol': '1',
    ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
  };
}

async function answerOf<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: kept as text for the failure message.
  }
  return { status: res.status, body: body as T };
}

/** A node over real HTTP. */
export function httpNode(name: string, url: string): ServerNode {
  return {
    name,
    async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<Answer<T>> {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: headersOf(opts),
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      });
      return answerOf<T>(res);
    },
  };
}

/** A node as an app instance of its own over `db` (what a second process would hold in memory). */
export function appNode(name: string, db: Db): ServerNode {
  const app = createApp({ db });
  return {
    name,
    async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<Answer<T>> {
      const res = await app.request(path, {
        method,
        headers: headersOf(opts),
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      });
      return answerOf<T>(res);
    },
  };
}

/** A fresh PostgreSQL schema for one test run, and a URL whose connections all use it. */
export interface PgSchema {
  schema: string;
  /** The same database, with `search_path` set to the schema for every connection. */
  url: string;
  /** A pool on the schema, for the test's own setup and checks. */
  db: Db;
  drop(): Promise<void>;
}

export async function freshPgSchema(baseUrl: string): Promise<PgSchema> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = createPostgresDb({ connectionString: baseUrl, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = createPostgresDb({ connectionString: baseUrl, schema, max: 4 });
  return {
    schema,
    url: url.toString(),
    db,
    async drop() {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

/** A server child process, started like `npm start` (without the client build step). */
export interface ChildServer {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything it printed, for failure messages. */
  output(): string;
  /** Resolves with the exit code or signal once the process is gone. */
  readonly exited: Promise<string>;
  kill(signal: NodeJS.Signals): Promise<string>;
}

/**
 * Starts `node --import tsx src/server/main.ts` on a free port with `env` (DATABASE_URL or
 * DATA_DIR…) and waits for its « écoute sur » line. Rejects with its output if it exits first.
 */
export function spawnServer(env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TREMPLIN_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<string>((done) => child.once('exit', (code, signal) => done(signal ?? String(code))));
  return new Promise<ChildServer>((ok, fail) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /écoute sur http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        ok({
          child,
          url: `http://127.0.0.1:${m[1]}`,
          output: () => out,
          exited,
          kill(signal) {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    void exited.then((how) => fail(new Error(`the server exited (${how}) before listening:\n${out}`)));
  });
}
