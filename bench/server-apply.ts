// Measures how many changes per second the server applies through POST /api/sync/push (JSON
// parsing, validation, access rules, merge, bulk writes), on PGlite and, when TEST_DATABASE_URL
// or DATABASE_URL is set, on PostgreSQL. Targets: ≥ 2,000/s PGlite, ≥ 5,000/s PostgreSQL.
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

async function bench(db: Db): Promise<{ created: number; updated: number }> {
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
  return { created, updated };
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
      console.log(`${name}: ${fmt(r.created)} créations/s, ${fmt(r.updated)} mises à jour/s (objectif ≥ ${fmt(target)}/s) ${Math.min(r.created, r.updated) >= target ? 'OK' : 'EN DESSOUS'}`);
    } finally {
      await db.close();
    }
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
