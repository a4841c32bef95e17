// Crash safety: a real server process (started as `npm start` starts it) is killed with SIGKILL
// while pushes are in flight, then restarted on the same store. Every change it answered
// `applied` must be there; re-pushing every change (same opIds, same HLCs) is answered
// `duplicate` for those, and the data pulled doubles nothing. A crashed server must restart:
// on PGlite its data directory (and the admin socket in it) is claimed by the dead process.
// PGlite in a temp directory always; PostgreSQL on a fresh schema when TEST_DATABASE_URL is set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/db/open';
import type { Db } from '../../src/server/db/types';
import { createStructure } from '../../src/server/structures/create';
import { ServerClock } from '../../src/server/sync/clock';
import { localDate } from '../../src/server/sync/scope';
import { createUser } from '../../src/server/users/create';
import type { Change, LoginResponse, PulledChange, PullResponse, PushResponse } from '../../src/sync/protocol';
import { change, PG_URL } from './harness';
import { freshPgSchema, httpNode, spawnServer, type ChildServer, type ServerNode } from './multi-server-nodes';

const PASSWORD = 'motdepasse-test';
const WRITERS = 4;
const BATCH = 25;
/** Answers received before the kill: the other writers' pushes are then in flight. */
const ANSWERS_BEFORE_KILL = 6;
const CRASHES = 2;

interface Store {
  /** Environment of the server process. */
  env: Record<string, string>;
  /** Runs `fn` on the store opened directly (no server may hold a PGlite directory then). */
  direct<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  cleanup(): Promise<void>;
}

const stores: { name: string; open(): Promise<Store> }[] = [
  {
    name: 'pglite',
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), 'tremplin-crash-'));
      return {
        env: { DATA_DIR: dataDir, DATABASE_URL: '' },
        async direct(fn) {
          const db = await openStore({ dataDir });
          try {
            return await fn(db);
          } finally {
            await db.close();
          }
        },
        cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
  ...(PG_URL ? [pgStore(PG_URL)] : []),
];

function pgStore(url: string): { name: string; open(): Promise<Store> } {
  return {
    name: 'postgres',
    async open() {
      const pg = await freshPgSchema(url);
      return {
        env: { DATABASE_URL: pg.url },
        async direct(fn) {
          const db = await openStore({ databaseUrl: pg.url });
          try {
            return await fn(db);
          } finally {
            await db.close();
          }
        },
        cleanup: () => pg.drop(),
      };
    },
  };
}

describe.each(stores)('a server killed while pushes are in flight ($name)', (backend) => {
  let store: Store | null = null;
  let server: ChildServer | null = null;
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await store?.cleanup();
  });

  it('restarts on the same store, keeps every change answered applied, and doubles nothing on retry', async () => {
    store = await backend.open();
    const login = 'crash-coord';
    await store.direct(async (db) => {
      const ctx = { db, clock: new ServerClock(), today: localDate(Date.now()) };
      const structureId = await createStructure(ctx, { name: 'Crash', type: 'ACI' });
      await createUser(ctx, structureId, { login, password: PASSWORD, role: 'coordinator', displayName: 'Coord' });
    });

    server = await spawnServer(store.env);
    let node: ServerNode = httpNode('first', server.url);
    const signIn = await node.request<LoginResponse>('POST', '/api/auth/login', { body: { login, password: PASSWORD, deviceName: 'tablette' } });
    expect(signIn.status).toBe(200);
    const token = signIn.body.token;

    const sent: Change[][] = [];
    const applied = new Set<string>();
    for (let crash = 0; crash < CRASHES; crash++) {
      const running = server;
      let answers = 0;
      let killed: Promise<string> | null = null;
      // Each writer pushes batches until the server dies under it.
      const writers = Array.from({ length: WRITERS }, async (_, w) => {
        for (let round = 0; ; round++) {
          const batch = Array.from({ length: BATCH }, (_, i) => change('activity', { name: `Activité ${crash}-${w}-${round}-${i}` }));
          sent.push(batch);
          let body: PushResponse;
          try {
            const r = await node.request<PushResponse>('POST', '/api/sync/push', { token, body: { changes: batch } });
            if (r.status !== 200) return;
            body = r.body;
          } catch {
            return; // The connection died with the server: this batch's fate is unknown.
          }
          body.results.forEach((res, i) => {
            if (res.status === 'applied') applied.add(batch[i]!.opId);
          });
          if (++answers === ANSWERS_BEFORE_KILL) killed = running.kill('SIGKILL');
        }
      });
      await Promise.all(writers);
      expect(await killed).toBe('SIGKILL');

      // The same store, a new process: it must start although the last one died holding it.
      server = await spawnServer(store.env);
      node = httpNode(`after crash ${crash + 1}`, server.url);
      // The device's session was committed before the crash: it still works.
      expect((await node.request('GET', '/api/me', { token })).status).toBe(200);
    }
    expect(applied.size).toBeGreaterThanOrEqual(CRASHES * ANSWERS_BEFORE_KILL * BATCH);

    // Everything answered applied is there, with its value.
    const before = await pullAll(node, token);
    const pulled = new Map(before.map((c) => [c.id, c]));
    const all = sent.flat();
    for (const c of all.filter((x) => applied.has(x.opId))) expect(pulled.get(c.id)?.fields['name']).toBe(c.set['name']);

    // The device retries everything it sent (it never knew the fate of the batches in flight).
    const retried = new Map<string, string>();
    for (const batch of sent) {
      const r = await node.request<PushResponse>('POST', '/api/sync/push', { token, body: { changes: batch } });
      expect(r.status).toBe(200);
      r.body.results.forEach((res, i) => retried.set(batch[i]!.opId, res.status));
    }
    for (const opId of applied) expect(retried.get(opId)).toBe('duplicate');
    expect([...retried.values()].filter((s) => s !== 'applied' && s !== 'duplicate')).toEqual([]);

    // Nothing doubled: one record per id, every change sent now there once, history once per change.
    const after = await pullAll(node, token);
    const ids = after.filter((c) => c.entity === 'activity').map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(all.length);
    await server.kill('SIGTERM');
    server = null;
    const ops = await store.direct((db) => db.query<{ n: unknown; distinct_ops: unknown }>(
      `SELECT count(*) AS n, count(DISTINCT op_id) AS distinct_ops FROM applied_ops WHERE entity = 'activity'`,
    ));
    expect(Number(ops.rows[0]?.n)).toBe(all.length);
    expect(Number(ops.rows[0]?.distinct_ops)).toBe(all.length);
  }, 60_000);
});

async function pullAll(node: ServerNode, token: string): Promise<PulledChange[]> {
  const out: PulledChange[] = [];
  let since = '';
  for (;;) {
    const r = await node.request<PullResponse>('GET', `/api/sync/pull?limit=2000${since ? `&since=${since}` : ''}`, { token });
    expect(r.status).toBe(200);
    out.push(...r.body.changes);
    since = r.body.cursor;
    if (!r.body.hasMore) return out;
  }
}
