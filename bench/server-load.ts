// Load: DEVICES simulated tablets, each syncing every 30 s (push a few changes, then pull until
// nothing is left), against a real server process over real HTTP — PGlite, and PostgreSQL when
// TEST_DATABASE_URL or DATABASE_URL is set. Time is compressed (COMPRESS=10: a 30 s period lasts
// 3 s), starts are spread over one period. Prints push and pull latency (p50, p99, max), requests
// that never answered (client timeout), errors, and lost changes: at the end every device pulls
// to the end and must hold every change applied in its structure (each field's clock at least
// the change's HLC). Issue 13's target: 200 devices, push p99 < 200 ms, 0 lost, 0 unanswered.
// Run: npx tsx bench/server-load.ts   (DEVICES=200 STRUCTURES=10 ROUNDS=10 COMPRESS=10 CHANGES=5)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uuidv7 } from '../src/domain/ids';
import { createPostgresDb } from '../src/server/db/postgres';
import { openStore } from '../src/server/db/open';
import type { Db } from '../src/server/db/types';
import { ServerClock } from '../src/server/sync/clock';
import { localDate } from '../src/server/sync/scope';
import { createStructure } from '../src/server/structures/create';
import { createUser } from '../src/server/users/create';
import { formatHlc, initialHlc, tickHlc, type Hlc } from '../src/sync/hlc';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type Change, type Clocks, type PullResponse, type PushResponse } from '../src/sync/protocol';

const DEVICES = Number(process.env['DEVICES'] ?? 200);
const STRUCTURES = Number(process.env['STRUCTURES'] ?? 10);
const ROUNDS = Number(process.env['ROUNDS'] ?? 10);
const COMPRESS = Number(process.env['COMPRESS'] ?? 10);
const CHANGES = Number(process.env['CHANGES'] ?? 5);
const PERIOD_MS = 30_000 / COMPRESS;
const TIMEOUT_MS = 30_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'banc-charge-1';

interface Stats {
  push: number[];
  pull: number[];
  unanswered: number;
  errors: number;
}

/** A server child process started like `npm start`; resolves once it listens. */
function spawnServer(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void>; output(): string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TREMPLIN_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((ok, fail) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /écoute sur http:\/\/localhost:(\d+)/.exec(out);
      if (m) ok({ url: `http://127.0.0.1:${m[1]}`, output: () => out, stop: async () => { child.kill('SIGTERM'); await exited; } });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => fail(new Error(`serveur arrêté : ${out}`)));
  });
}

/** Structures, one coordinator login each and a salarié to write hours for, made before the server starts. */
async function prepare(db: Db): Promise<{ login: string; salarieId: string; structureId: string }[]> {
  const clock = new ServerClock();
  const ctx = { db, clock, today: localDate(Date.now()) };
  const out: { login: string; salarieId: string; structureId: string }[] = [];
  for (let s = 0; s < STRUCTURES; s++) {
    const structureId = await createStructure(ctx, { name: `Charge ${s}`, type: 'ACI' });
    const login = `charge-${s}-${randomBytes(3).toString('hex')}`;
    await createUser(ctx, structureId, { login, password: PASSWORD, role: 'coordinator', displayName: `Charge ${s}` });
    out.push({ login, salarieId: uuidv7(), structureId });
  }
  return out;
}

class Device {
  token = '';
  cursor: string | null = null;
  hlc: Hlc;
  /** What this device pulled: each record's field clocks. */
  readonly held = new Map<string, Clocks>();
  readonly ids: string[] = [];

  constructor(readonly url: string, readonly structure: number, readonly salarieId: string, readonly stats: Stats) {
    this.hlc = initialHlc(`dev${randomBytes(4).toString('hex')}`);
  }

  async request<T>(method: string, path: string, body: unknown, kind: 'push' | 'pull' | null): Promise<T | null> {
    const t = performance.now();
    try {
      const res = await fetch(`${this.url}${path}`, {
        method,
        headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), 'Content-Type': 'application/json', ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await res.text();
      if (kind) this.stats[kind].push(performance.now() - t);
      if (res.status !== 200) {
        this.stats.errors++;
        return null;
      }
      return JSON.parse(text) as T;
    } catch (err) {
      if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) this.stats.unanswered++;
      else this.stats.errors++;
      return null;
    }
  }

  async login(login: string): Promise<void> {
    const r = await this.request<{ token: string }>('POST', '/api/auth/login', { login, password: PASSWORD, deviceName: 'banc de charge' }, null);
    if (!r) throw new Error('connexion refusée');
    this.token = r.token;
  }

  /** Pushes CHANGES changes (new hours, or an update of one it wrote); returns the applied ones. */
  async push(): Promise<Change[]> {
    const changes: Change[] = [];
    for (let i = 0; i < CHANGES; i++) {
      this.hlc = tickHlc(this.hlc, Date.now());
      const hlc = formatHlc(this.hlc);
      const update = this.ids.length > 0 && i % 2 === 1;
      const id = update ? this.ids[Math.floor(Math.random() * this.ids.length)] ?? uuidv7() : uuidv7();
      if (!update) this.ids.push(id);
      const day = `2026-10-${String(1 + (this.ids.length % 28)).padStart(2, '0')}`;
      changes.push({ opId: uuidv7(), entity: 'timeEntry', id, hlc, set: update ? { hours: 1 + Math.floor(Math.random() * 8) } : { salarieId: this.salarieId, date: day, hours: 7 } });
    }
    const r = await this.request<PushResponse>('POST', '/api/sync/push', { changes }, 'push');
    if (!r) return [];
    const applied = new Set(r.results.filter((x) => x.status === 'applied').map((x) => x.opId));
    if (applied.size !== changes.length) this.stats.errors += changes.length - applied.size;
    return changes.filter((c) => applied.has(c.opId));
  }

  /** Pulls until the server has nothing more; false when a request failed. */
  async pull(): Promise<boolean> {
    for (;;) {
      const r = await this.request<PullResponse>('GET', `/api/sync/pull${this.cursor ? `?since=${this.cursor}` : ''}`, undefined, 'pull');
      if (!r) return false;
      if (r.reset) this.held.clear();
      for (const c of r.changes) this.held.set(`${c.entity}:${c.id}`, c.clocks);
      this.cursor = r.cursor;
      if (!r.hasMore) return true;
    }
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

async function run(name: string, env: Record<string, string>, open: () => Promise<Db>): Promise<void> {
  const db = await open();
  const structures = await prepare(db);
  await db.close();
  const server = await spawnServer(env);
  const stats: Stats = { push: [], pull: [], unanswered: 0, errors: 0 };
  try {
    const devices = Array.from({ length: DEVICES }, (_, i) => {
      const s = structures[i % STRUCTURES];
      if (!s) throw new Error('structure manquante');
      return { device: new Device(server.url, i % STRUCTURES, s.salarieId, stats), login: s.login };
    });
    for (const { device, login } of devices) await device.login(login);
    const applied: Change[][] = structures.map(() => []);
    const t0 = performance.now();
    await Promise.all(devices.map(async ({ device }, i) => {
      await sleep((i / DEVICES) * PERIOD_MS);
      for (let round = 0; round < ROUNDS; round++) {
        const start = performance.now();
        applied[device.structure]?.push(...(await device.push()));
        await device.pull();
        await sleep(Math.max(0, PERIOD_MS - (performance.now() - start)));
      }
    }));
    const seconds = (performance.now() - t0) / 1000;
    // Every device catches up, then must hold every change applied in its structure.
    let lost = 0;
    let incomplete = 0;
    for (const { device } of devices) {
      if (!(await device.pull())) incomplete++;
      for (const c of applied[device.structure] ?? []) {
        const clocks = device.held.get(`timeEntry:${c.id}`);
        if (!clocks || Object.keys(c.set).some((f) => (clocks[f] ?? '') < c.hlc)) lost++;
      }
    }
    const total = applied.reduce((n, a) => n + a.length, 0);
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    console.log(`${name} : ${DEVICES} appareils, synchro toutes les 30 s compressées ×${COMPRESS} (${(PERIOD_MS / 1000).toFixed(1)} s), ${ROUNDS} tours en ${seconds.toFixed(0)} s, ${total} modifications appliquées`);
    console.log(`  push  : ${stats.push.length} requêtes, p50 ${ms(quantile(stats.push, 0.5))}, p99 ${ms(quantile(stats.push, 0.99))}, max ${ms(Math.max(...stats.push))}`);
    console.log(`  pull  : ${stats.pull.length} requêtes, p50 ${ms(quantile(stats.pull, 0.5))}, p99 ${ms(quantile(stats.pull, 0.99))}, max ${ms(Math.max(...stats.pull))}`);
    console.log(`  perdues : ${lost} (appareil × modification), sans réponse (> ${TIMEOUT_MS / 1000} s) : ${stats.unanswered}, erreurs : ${stats.errors}, rattrapages échoués : ${incomplete} — objectif : p99 push < 200 ms, 0 perdue, 0 sans réponse`);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tremplin-load-'));
  try {
    await run('PGlite', { DATA_DIR: dir }, () => openStore({ dataDir: dir }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const base = process.env['TEST_DATABASE_URL'] || process.env['DATABASE_URL'];
  if (base) {
    const schema = `bench_${randomBytes(6).toString('hex')}`;
    const admin = createPostgresDb({ connectionString: base, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(base);
    url.searchParams.set('options', `-c search_path=${schema}`);
    try {
      await run('PostgreSQL', { DATABASE_URL: url.toString() }, () => openStore({ databaseUrl: url.toString() }));
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    }
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
