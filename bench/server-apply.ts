// Measures how many changes per second the server applies through POST /api/sync/push (JSON
// parsing, validation, access rules, merge, bulk writes), on PGlite and, when TEST_DATABASE_URL
// or DATABASE_URL is set, on PostgreSQL. Targets: ≥ 2,000/s PGlite, ≥ 5,000/s PostgreSQL.
// Issue 13 judges it as a ratio: beside each figure, the raw reference measured on the same store
// in the same run — the same time entries written 1,000 at a time by one bare multi-row INSERT
// into `records` (no HTTP, no rule, no merge, no history); and, for information, the same plus
// the multi-row INSERT of their `applied_ops` history rows (what a push must at least store).
// Run: npx tsx bench/server-apply.ts
import { randomBytes } from 'node:crypto';
import { uuidv7 } from '../src/domain/ids';
import { createApp } from '../src/server/app';
import { makeDeps, today } from '../src/server/deps';
import { migrate } from '../src/server/db/migrations';
import { createPgliteDb } from '../src/server/db/pglite';
import { createPostgresDb } from '../src/server/db/postgres';
import type { Db } from '../src/server/db/types';
import { createStructure } from '../src/server/structures/create';
import { createUser } from '../src/server/users/create';
import type { Change, PushResponse } from '../src/sync/protocol';

const BATCHES = 10;
const PER_BATCH = 1000;
const TARGETS: Record<Db['kind'], number> = { pglite: 2000, postgres: 5000 };

function hlcNow(counter: number): string {
  return `${new Date().toISOString()}-${(counter % 0xffff).toString(16).padStart(4, '0')}-bench`;
}

/** Rows per second of bare multi-row INSERTs of `BATCHES × PER_BATCH` time entries and their history rows. */
async function rawInsertRate(db: Db, withHistory: boolean): Promise<number> {
  const structureId = `raw-${randomBytes(4).toString('hex')}`;
  const salarieId = uuidv7();
  let seq = 0;
  async function batch(): Promise<void> {
    const recParams: unknown[] = [];
    const opParams: unknown[] = [];
    const recValues: string[] = [];
    const opValues: string[] = [];
    for (let i = 0; i < PER_BATCH; i++) {
      seq += 1;
      const id = uuidv7();
      const hlc = hlcNow(seq);
      const set = { salarieId, date: `2026-10-${String(1 + (seq % 28)).padStart(2, '0')}`, hours: 7, lateMinutes: 0 };
      const clocks = Object.fromEntries(Object.keys(set).map((k) => [k, hlc]));
      const r = recParams.length;
      recValues.push(`('timeEntry', $${r + 1}, $${r + 2}, $${r + 3}::jsonb, $${r + 4}::jsonb, false, $${r + 5}, $${r + 5}, $${r + 6}, 1)`);
      recParams.push(id, structureId, JSON.stringify(set), JSON.stringify(clocks), seq, salarieId);
      const o = opParams.length;
      opValues.push(`($${o + 1}, $${o + 2}, $${o + 3}, 'timeEntry', $${o + 4}, $${o + 5}, 'u', 'd', $${o + 6}::jsonb, false, $${o + 7}::jsonb, '[]'::jsonb)`);
      opParams.push(structureId, uuidv7(), seq, id, hlc, JSON.stringify(set), JSON.stringify(Object.keys(set)));
    }
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO records (entity, id, structure_id, fields, clocks, deleted, seq, created_seq, salarie_id, version) VALUES ${recValues.join(', ')}`, recParams);
      if (withHistory) await tx.query(`INSERT INTO applied_ops (structure_id, op_id, seq, entity, id, hlc, user_id, device_id, set_fields, deleted, won, lost) VALUES ${opValues.join(', ')}`, opParams);
    });
  }
  await batch(); // warm-up
  const t = performance.now();
  for (let b = 0; b < BATCHES; b++) await batch();
  return (BATCHES * PER_BATCH) / ((performance.now() - t) / 1000);
}

async function bench(db: Db): Promise<{ created: number; updated: number; raw: number; rawWithHistory: number }> {
  await migrate(db);
  const deps = makeDeps({ db });
  const app = createApp(deps);
  const ctx = { db, clock: deps.clock, today: today(deps) };
  const structureId = await createStructure(ctx, { name: 'Banc d’essai', type: 'ACI' });
  const login = `bench-${randomBytes(4).toString('hex')}`;
  await createUser(ctx, structureId, { login, password: 'banc-essai-1', role: 'coordinator', displayName: 'Banc' });
  const res = await app.request('/api/auth/login', { method: 'POST', body: JSON.stringify({ login, password: 'banc-essai-1', deviceName: 'banc' }) });
  const { token } = (await res.json()) as { token: string };
  const salarieId = uuidv7();

  let counter = 0;
  async function push(changes: Change[]): Promise<void> {
    const r = await app.request('/api/sync/push', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ changes }) });
    const body = (await r.json()) as PushResponse;
    const bad = body.results.filter((x) => x.status !== 'applied');
    if (r.status !== 200 || bad.length > 0) throw new Error(`push: ${r.status} ${JSON.stringify(bad.slice(0, 2))}`);
  }
  await push([{ opId: uuidv7(), entity: 'salarie', id: salarieId, hlc: hlcNow(counter++), set: { firstName: 'Banc', lastName: 'Essai' } }]);

  const ids: string[] = [];
  const makeBatch = (update: boolean): Change[] => Array.from({ length: PER_BATCH }, (_, i): Change => {
    if (update) {
      return { opId: uuidv7(), entity: 'timeEntry', id: ids[i]!, hlc: hlcNow(counter++), set: { hours: 6.5, absence: 'formation', absenceHours: 1 } };
    }
    const id = uuidv7();
    ids.push(id);
    const day = 1 + (ids.length % 28);
    return { opId: uuidv7(), entity: 'timeEntry', id, hlc: hlcNow(counter++), set: { salarieId, date: `2026-10-${String(day).padStart(2, '0')}`, hours: 7, lateMinutes: 0 } };
  });

  // Warm-up (JIT, plans), not measured.
  await push(makeBatch(false));
  let t = performance.now();
  for (let b = 0; b < BATCHES; b++) await push(makeBatch(false));
  const created = (BATCHES * PER_BATCH) / ((performance.now() - t) / 1000);
  t = performance.now();
  for (let b = 0; b < BATCHES; b++) await push(makeBatch(true));
  const updated = (BATCHES * PER_BATCH) / ((performance.now() - t) / 1000);
  const raw = await rawInsertRate(db, false);
  const rawWithHistory = await rawInsertRate(db, true);
  return { created, updated, raw, rawWithHistory };
}

/** A throwaway schema, so the bench never touches the tables of the database it is pointed at. */
async function pgScratchSchema(url: string): Promise<Db> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = createPostgresDb({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = createPostgresDb({ connectionString: url, schema });
  return {
    ...db,
    kind: db.kind,
    async close() {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

async function main(): Promise<void> {
  const runs: [string, () => Promise<Db>][] = [['PGlite', () => createPgliteDb('memory://')]];
  const url = process.env['TEST_DATABASE_URL'] || process.env['DATABASE_URL'];
  if (url) runs.push(['PostgreSQL', () => pgScratchSchema(url)]);
  for (const [name, open] of runs) {
    const db = await open();
    try {
      const r = await bench(db);
      const target = TARGETS[db.kind];
      const fmt = (n: number) => Math.round(n).toLocaleString('fr-FR');
      const pct = (n: number) => `${Math.round((100 * n) / r.raw)} %`;
      console.log(`${name}: ${fmt(r.created)} créations/s (${pct(r.created)} du brut), ${fmt(r.updated)} mises à jour/s (${pct(r.updated)} du brut) ; référence brute (INSERT multi-lignes dans records, même base, même exécution) : ${fmt(r.raw)} lignes/s, avec l’historique applied_ops : ${fmt(r.rawWithHistory)}/s (objectif ≥ ${fmt(target)}/s et ≥ 40 % du brut) ${Math.min(r.created, r.updated) >= target && Math.min(r.created, r.updated) >= 0.4 * r.raw ? 'OK' : 'EN DESSOUS'}`);
    } finally {
      await db.close();
    }
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
