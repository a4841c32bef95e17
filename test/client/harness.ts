// The real server (PGlite in a temporary folder, demo structure) and simulated tablets for the
// device-side sync tests: each tablet has its own fake IndexedDB and signs in over HTTP.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { startServer, type RunningServer } from '../../src/server/main';
import { createDevice, type Device, type DeviceOptions } from '../../src/client/device';
import type { FetchLike } from '../../src/client/api';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/sync/protocol';

export interface TestServer {
  readonly url: string;
  readonly dataDir: string;
  /** The running server's store (undefined while stopped), for checks the API cannot make. */
  readonly db: RunningServer['db'] | undefined;
  /** Stop and start again on the same store (the URL changes: a new port). */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

const boot = (dataDir: string) => startServer({ port: 0, dataDir, demo: true, quiet: true, distDir: null, host: '127.0.0.1' });

/**
 * The server on a new temporary store with the demo structure; `template` (a stopped server's
 * data folder) is copied instead of seeding again, which is much faster.
 */
export async function startTestServer(opts: { template?: string } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tremplin-client-'));
  if (opts.template !== undefined) cpSync(opts.template, dataDir, { recursive: true });
  let running: RunningServer | undefined = await boot(dataDir);
  let url = running.url;
  const srv: TestServer = {
    get url() { return url; },
    get db() { return running?.db; },
    dataDir,
    async stop() {
      const r = running;
      running = undefined;
      await r?.close();
    },
    async start() {
      if (running) return;
      running = await boot(dataDir);
      url = running.url;
    },
    async restart() {
      await srv.stop();
      await srv.start();
    },
    async close() {
      await srv.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return srv;
}

/** A fetch that always targets the server's current URL (it changes on restart). */
export function serverFetch(srv: TestServer): FetchLike {
  return (input, init) => globalThis.fetch(input.replace(/^https?:\/\/tremplin\.test/, srv.url), init);
}

export const BASE_URL = 'http://tremplin.test';

let dbCounter = 0;

export interface TestDevice extends Device {
  factory: IDBFactory;
  dbName: string;
}

/** A new tablet (own IndexedDB) talking to `fetch`; not signed in yet. */
export function newDevice(fetch: FetchLike, extra: Omit<DeviceOptions, 'fetch' | 'dbDeps' | 'baseUrl'> = {}): TestDevice {
  const factory = new IDBFactory();
  const dbName = extra.dbName ?? `tablet-${++dbCounter}`;
  const device = createDevice({ ...extra, dbName, baseUrl: BASE_URL, fetch, dbDeps: { indexedDB: factory, IDBKeyRange } });
  return Object.assign(device, { factory, dbName });
}

/** A tablet signed in as `login` (demo password). */
export async function signedIn(fetch: FetchLike, login: string, extra: Omit<DeviceOptions, 'fetch' | 'dbDeps' | 'baseUrl'> = {}): Promise<TestDevice> {
  const d = newDevice(fetch, { deviceName: `tablette de ${login}`, ...extra });
  const ok = await d.session.getState().login(login, 'tremplin');
  if (!ok) throw new Error(`login ${login} failed: ${d.session.getState().error ?? '?'}`);
  return d;
}

/** Raw authenticated call to the server, for what the device side does not do (revoke…). */
export async function call(srv: TestServer, token: string, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return globalThis.fetch(`${srv.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

export function tokenOf(d: Device): string {
  const s = d.session.getState().session;
  if (!s) throw new Error('not signed in');
  return s.token;
}

/**
 * One real server for a test file, started before its tests and closed after; `bind` receives
 * the server and a fetch into it (the file keeps them in its own variables).
 */
export function useTestServer(bind: (srv: TestServer, fetch: FetchLike) => void): void {
  let srv: TestServer | undefined;
  beforeAll(async () => {
    srv = await startTestServer();
    bind(srv, serverFetch(srv));
  });
  afterAll(async () => {
    await srv?.close();
  });
}
