// Does a pull's cost grow with the structure's history? The demo structure (about 1.4k records)
// is pulled first as it is, then after years of generated history (`buildHistory`, 8 years ≈ 206k
// records, then ≈ 900k more: 1.1M) are bulk-loaded into `records` and `applied_ops`. At each
// size, 100 new time entries are pushed and each demo login (coordination, eti1, salarie1) pulls
// them from the cursor it held just before: median of RUNS identical pulls. Issue 13's target:
// the pull at 1.1M within 1.5× of the same pull on the demo alone — the reference, measured in
// the same run on the same store, is printed beside every figure.
// Run: npx tsx bench/server-pull-history.ts   (TEST_DATABASE_URL or DATABASE_URL adds PostgreSQL;
// STAGES=8,34 the years of history added at each stage; RUNS=15; PROFILE=1 prints the time spent
// in each SQL statement during the measured pulls)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from '../src/domain/ids';
import { createApp } from '../src/server/app';
import { makeDeps, today } from '../src/server/deps';
import { migrate } from '../src/server/db/migrations';
import { createPgliteDb } from '../src/server/db/pglite';
import { createPostgresDb } from '../src/server/db/postgres';
import { json, toNumber, type Db } from '../src/server/db/types';
import { buildDemo } from '../src/server/demo/demoData';
import { buildHistory } from '../src/server/demo/history';
import { seedDemo } from '../src/server/demo/seed';
import { localDate } from '../src/server/sync/scope';
import { decodeCursor, encodeCursor } from '../src/server/sync/cursor';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type Change, type PullResponse, type PushResponse } from '../src/sync/protocol';

const STAGES = (process.env['STAGES'] ?? '8,34').split(',').map(Number);
const RUNS = Number(process.env['RUNS'] ?? 15);
const NEW_CHANGES = 100;
const LOGINS = ['coordination', 'eti1', 'salarie1'] as const;
const CHUNK = 5000;

type App = ReturnType<typeof createApp>;

async function call<T>(app: App, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await app.request(path, {
    method,
    headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * History written straight into the tables (the write path would take many minutes for a
 * million records): one row per record in `records` and its creation in `applied_ops`, with the
 * same columns the write path fills (salarie_id of a review: its log entry's salarié).
 */
async function loadHistory(db: Db, structureId: string, years: number, seed: number): Promise<number> {
  const history = buildHistory(buildDemo(localDate(Date.now())), { years, seed });
  const logSalarie = new Map<string, string>();
  for (const r of history) if (r.entity === 'logEntry' && typeof r.fields['salarieId'] === 'string') logSalarie.set(r.id, r.fields['salarieId']);
  const head = toNumber((await db.query<{ seq: unknown }>('SELECT seq FROM structure_seq WHERE structure_id = $1', [structureId])).rows[0]?.seq);
  const hlc = `${new Date(Date.now() - 86_400_000).toISOString()}-0000-history`;
  let seq = head;
  for (let i = 0; i < history.length; i += CHUNK) {
    const rows = history.slice(i, i + CHUNK).map((r) => {
      seq += 1;
      const own = r.fields['salarieId'];
      const salarieId = r.entity === 'salarie' ? r.id : r.entity === 'review' ? (logSalarie.get(String(r.fields['logEntryId'])) ?? null) : typeof own === 'string' ? own : null;
      return { entity: r.entity, id: r.id, fields: r.fields, clocks: Object.fromEntries(Object.keys(r.fields).map((k) => [k, hlc])), seq, salarie_id: salarieId, op_id: uuidv7() };
    });
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO records (entity, id, structure_id, fields, clocks, deleted, seq, created_seq, salarie_id, version)
         SELECT x.entity, x.id, $1, x.fields, x.clocks, false, x.seq, x.seq, x.salarie_id, 1
         FROM json_to_recordset($2::json) AS x(entity text, id text, fields jsonb, clocks jsonb, seq bigint, salarie_id text)`,
        [structureId, json(rows)],
      );
      await tx.query(
        `INSERT INTO applied_ops (structure_id, op_id, seq, entity, id, hlc, user_id, device_id, set_fields, deleted, won, lost)
         SELECT $1, x.op_id, x.seq, x.entity, x.id, $3, NULL, NULL, x.fields, false, '[]'::jsonb, '[]'::jsonb
         FROM json_to_recordset($2::json) AS x(op_id text, entity text, id text, fields jsonb, seq bigint)`,
        [structureId, json(rows), hlc],
      );
    });
  }
  await db.query('UPDATE structure_seq SET seq = $2 WHERE structure_id = $1', [structureId, seq]);
  // A real store's statistics follow its tables (autovacuum); after a bulk load, refresh them.
  await db.query('ANALYZE');
  return history.length;
}

interface Stage {
  records: number;
  /** Median ms per login. */
  pull: Record<string, number>;
}

/** PROFILE=1: total time per SQL statement (its first 90 characters), reset before each measure. */
const profile = new Map<string, number>();
function profiled(db: Db): Db {
  if (process.env['PROFILE'] !== '1') return db;
  const timed = async <T>(sql: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await run();
    } finally {
      const key = sql.replace(/\s+/g, ' ').slice(0, 90);
      profile.set(key, (profile.get(key) ?? 0) + performance.now() - t);
    }
  };
  return {
    kind: db.kind,
    query: (sql, params) => timed(sql, () => db.query(sql, params)),
    transaction: (fn) => db.transaction((tx) => fn({ query: (sql, params) => timed(sql, () => tx.query(sql, params)) })),
    close: () => db.close(),
  };
}

function printProfile(login: string): void {
  if (process.env['PROFILE'] !== '1') return;
  for (const [sql, ms] of [...profile].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${login} ${(ms / (RUNS + 2)).toFixed(2)} ms/pull  ${sql}`);
  profile.clear();
}

async function measure(db: Db, app: App, tokens: Map<string, string>, salarieId: string, structureId: string): Promise<Stage> {
  const head = toNumber((await db.query<{ seq: unknown }>('SELECT seq FROM structure_seq WHERE structure_id = $1', [structureId])).rows[0]?.seq);
  const count = toNumber((await db.query<{ n: unknown }>('SELECT count(*) AS n FROM records WHERE structure_id = $1', [structureId])).rows[0]?.n);
  // Each login's cursor at the head, in its own scope (the scope is read from a first page).
  const cursors = new Map<string, string>();
  for (const login of LOGINS) {
    const first = await call<PullResponse>(app, 'GET', '/api/sync/pull?limit=1', tokens.get(login));
    cursors.set(login, encodeCursor({ ...decodeCursor(first.cursor), seq: head }));
  }
  const base = Date.parse(`${localDate(Date.now())}T00:00:00Z`);
  const changes: Change[] = Array.from({ length: NEW_CHANGES }, (_, i) => ({
    opId: uuidv7(), entity: 'timeEntry', id: uuidv7(), hlc: `${new Date().toISOString()}-${i.toString(16).padStart(4, '0')}-bench`,
    set: { salarieId, date: new Date(base - (i % 20) * 86_400_000).toISOString().slice(0, 10), hours: 7 },
  }));
  const pushed = await call<PushResponse>(app, 'POST', '/api/sync/push', tokens.get('coordination'), { changes });
  const refused = pushed.results.filter((r) => r.status !== 'applied');
  if (refused.length > 0) throw new Error(`push refusé : ${JSON.stringify(refused[0])}`);
  const pull: Record<string, number> = {};
  for (const login of LOGINS) {
    const path = `/api/sync/pull?since=${cursors.get(login)}`;
    const times: number[] = [];
    profile.clear();
    for (let r = 0; r < RUNS + 2; r++) {
      const t = performance.now();
      const page = await call<PullResponse>(app, 'GET', path, tokens.get(login));
      const ms = performance.now() - t;
      if (r >= 2) times.push(ms); // two warm-up pulls
      if (page.changes.length !== NEW_CHANGES || page.hasMore) throw new Error(`${login} : ${page.changes.length} changements reçus, ${NEW_CHANGES} attendus`);
    }
    printProfile(login);
    times.sort((a, b) => a - b);
    pull[login] = times[Math.floor(times.length / 2)] ?? NaN;
  }
  return { records: count, pull };
}

async function run(name: string, db: Db): Promise<void> {
  await migrate(db);
  const deps = makeDeps({ db: profiled(db) });
  const app = createApp(deps);
  const day = today(deps);
  await seedDemo({ db, clock: deps.clock, today: day }, 'if-missing');
  const demo = buildDemo(day);
  const structureId = demo.structure.id;
  const salarieId = demo.users.find((u) => u.login === 'salarie1')?.salarieId;
  if (!salarieId) throw new Error('salarie1 sans fiche');
  const tokens = new Map<string, string>();
  for (const login of LOGINS) {
    const r = await call<{ token: string }>(app, 'POST', '/api/auth/login', undefined, { login, password: 'tremplin', deviceName: 'banc' });
    tokens.set(login, r.token);
  }
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  const ref = await measure(db, app, tokens, salarieId, structureId);
  console.log(`${name}, ${ref.records.toLocaleString('fr-FR')} enregistrements (référence) : ${LOGINS.map((l) => `${l} ${fmt(ref.pull[l] ?? NaN)}`).join(', ')}`);
  let seed = 2;
  for (const years of STAGES) {
    const t = performance.now();
    const added = await loadHistory(db, structureId, years, seed++);
    const loadS = (performance.now() - t) / 1000;
    const s = await measure(db, app, tokens, salarieId, structureId);
    const parts = LOGINS.map((l) => `${l} ${fmt(s.pull[l] ?? NaN)} = ${((s.pull[l] ?? NaN) / (ref.pull[l] ?? NaN)).toFixed(2)}× (réf. ${fmt(ref.pull[l] ?? NaN)})`);
    console.log(`${name}, ${s.records.toLocaleString('fr-FR')} enregistrements (+${added.toLocaleString('fr-FR')} chargés en ${loadS.toFixed(0)} s) : ${parts.join(', ')} — objectif ≤ 1,5×`);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tremplin-pull-'));
  try {
    const db = await createPgliteDb(join(dir, 'pglite'));
    try {
      await run('PGlite', db);
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env['TEST_DATABASE_URL'] || process.env['DATABASE_URL'];
  if (url) {
    const schema = `bench_${randomBytes(6).toString('hex')}`;
    const admin = createPostgresDb({ connectionString: url, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    const db = createPostgresDb({ connectionString: url, schema });
    try {
      await run('PostgreSQL', db);
    } finally {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    }
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
