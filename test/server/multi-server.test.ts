// Several stateless servers on one store, as behind a load balancer (issue 13). With
// TEST_DATABASE_URL: two real server processes started at once like `npm start` with DATABASE_URL
// on a fresh schema (so migrations race for real). Always: two app instances over one PGlite,
// each with its own clock and throttle object, as two processes would hold them. A device talks
// to either node at each request; everything must behave as with one server:
// changes converge, a cursor from one node is good on the other and never skips a late commit,
// a revocation or a deactivation on one bites on the other at once, login failures are counted
// once for both, a month closed on one rejects hours on the other, and a write the server stamps
// itself is never older than a change the other node accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/db/migrations';
import { createPgliteDb } from '../../src/server/db/pglite';
import type { Db } from '../../src/server/db/types';
import { createStructure } from '../../src/server/structures/create';
import { ServerClock } from '../../src/server/sync/clock';
import { localDate } from '../../src/server/sync/scope';
import { createUser } from '../../src/server/users/create';
import type { Change, LoginResponse, PulledChange, PullResponse, PushResponse } from '../../src/sync/protocol';
import { change, hlc, newId, PG_URL } from './harness';
import { appNode, freshPgSchema, httpNode, spawnServer, type ChildServer, type ServerNode } from './multi-server-nodes';

const PASSWORD = 'motdepasse-test';

interface Topology {
  name: string;
  /** Opens the store and the two nodes on it; `db` is the test's own handle for setup and checks. */
  open(): Promise<{ db: Db; nodes: [ServerNode, ServerNode]; close(): Promise<void> }>;
}

const topologies: Topology[] = [
  {
    name: 'two app instances on one PGlite',
    async open() {
      const db = await createPgliteDb('memory://');
      await migrate(db);
      return { db, nodes: [appNode('A', db), appNode('B', db)], close: () => db.close() };
    },
  },
  ...(PG_URL ? [processesOn(PG_URL)] : []),
];

if (!PG_URL) console.warn('multi-server.test.ts: TEST_DATABASE_URL is not set — two server processes on PostgreSQL are not tested, only two app instances on PGlite.');

function processesOn(baseUrl: string): Topology {
  return {
    name: 'two server processes on PostgreSQL',
    async open() {
      const pg = await freshPgSchema(baseUrl);
      const children: ChildServer[] = [];
      try {
        // Both at once on an empty schema: the migrations race for real.
        children.push(...await Promise.all([spawnServer({ DATABASE_URL: pg.url }), spawnServer({ DATABASE_URL: pg.url })]));
      } catch (err) {
        await Promise.all(children.map((c) => c.kill('SIGTERM')));
        await pg.drop();
        throw err;
      }
      return {
        db: pg.db,
        nodes: [httpNode('A', children[0]!.url), httpNode('B', children[1]!.url)],
        async close() {
          await Promise.all(children.map((c) => c.kill('SIGTERM')));
          await pg.drop();
        },
      };
    },
  };
}

describe.each(topologies)('several servers on one store: $name', (topology) => {
  let db: Db;
  let A: ServerNode;
  let B: ServerNode;
  let close: () => Promise<void>;
  let structureId: string;
  let counter = 0;

  beforeAll(async () => {
    const opened = await topology.open();
    ({ db, close } = opened);
    [A, B] = opened.nodes;
    structureId = await createStructure(ctx(), { name: 'Fédération', type: 'ACI' });
  }, 60_000);
  afterAll(() => close?.());

  /** Setup writes from a third party (the administration), with a clock of its own. */
  function ctx() {
    return { db, clock: new ServerClock(), today: localDate(Date.now()) };
  }

  async function user(role: 'coordinator' | 'eti', through: ServerNode): Promise<{ id: string; login: string; token: string }> {
    const login = `${role}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
    const id = await createUser(ctx(), structureId, { login, password: PASSWORD, role, displayName: `${role} ${counter}` });
    const r = await through.request<LoginResponse>('POST', '/api/auth/login', { body: { login, password: PASSWORD, deviceName: `tablette ${through.name}` } });
    expect(r.status).toBe(200);
    return { id, login, token: r.body.token };
  }

  async function push(node: ServerNode, token: string, changes: Change[]): Promise<PushResponse> {
    const r = await node.request<PushResponse>('POST', '/api/sync/push', { token, body: { changes } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  }

  async function pushOk(node: ServerNode, token: string, changes: Change[]): Promise<void> {
    const { results } = await push(node, token, changes);
    expect(results.filter((x) => x.status !== 'applied')).toEqual([]);
  }

  /** Pulls every page from `since`, each page through the next node of `route` in turn. */
  async function drain(route: ServerNode[], token: string, since?: string): Promise<{ changes: PulledChange[]; cursor: string; reset: boolean }> {
    const changes: PulledChange[] = [];
    let cursor = since;
    let reset = false;
    for (let page = 0; ; page++) {
      const node = route[page % route.length]!;
      const r = await node.request<PullResponse>('GET', `/api/sync/pull?limit=7${cursor ? `&since=${cursor}` : ''}`, { token });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      if (r.body.reset) reset = true;
      changes.push(...r.body.changes);
      cursor = r.body.cursor;
      if (!r.body.hasMore) return { changes, cursor: cursor, reset };
    }
  }

  it('the store is migrated once although both nodes migrate it at start (at once, for the processes)', async () => {
    const { rows } = await db.query<{ version: number; n: unknown }>('SELECT version, count(*) AS n FROM schema_migrations GROUP BY version ORDER BY version');
    expect(rows.map((r) => Number(r.n))).toEqual(rows.map(() => 1));
    expect(rows.map((r) => Number(r.version))).toContain(9);
    for (const node of [A, B]) expect((await node.request('GET', '/api/health')).status).toBe(200);
  });

  it('changes pushed through either node converge through either, and a cursor from one is good on the other', async () => {
    const co = await user('coordinator', A);
    const other = await user('coordinator', B);
    const fromA = change('activity', { name: 'Espaces verts' });
    const fromB = change('activity', { name: 'Bâtiment' });
    await pushOk(A, co.token, [fromA]);
    await pushOk(B, other.token, [fromB]);
    for (const node of [A, B]) {
      const { changes } = await drain([node], co.token);
      const names = new Map(changes.map((c) => [c.id, c.fields['name']]));
      expect(names.get(fromA.id)).toBe('Espaces verts');
      expect(names.get(fromB.id)).toBe('Bâtiment');
    }
    // A cursor taken on A, continued on B: the new change only, no reset.
    const first = await drain([A], co.token);
    const later = change('activity', { name: 'Entretien' });
    await pushOk(A, other.token, [later]);
    const next = await drain([B], co.token, first.cursor);
    expect(next.reset).toBe(false);
    expect(next.changes.map((c) => c.id)).toEqual([later.id]);
    // The same change again through the other node: a duplicate, nothing doubled.
    const again = await push(B, co.token, [fromA]);
    expect(again.results[0]?.status).toBe('duplicate');
    expect((await drain([A], co.token, next.cursor)).changes).toEqual([]);
  });

  it('never skips a change committed late while devices push through both nodes and a tablet pulls through both', async () => {
    const poller = await user('coordinator', A);
    const writers = await Promise.all([A, B, A, B].map((node) => user('coordinator', node)));
    let { cursor } = await drain([A, B], poller.token);
    const seen = new Set<string>();
    const applied = new Set<string>();
    let writing = true;
    const pushes = writers.map(async (w, i) => {
      for (let round = 0; round < 12; round++) {
        // Each writer alternates nodes too: a device behind a load balancer.
        const node = (i + round) % 2 === 0 ? A : B;
        const batch = Array.from({ length: 1 + (round % 3) }, () => change('activity', { name: `Activité ${i}-${round}` }));
        const { results } = await push(node, w.token, batch);
        results.forEach((r, k) => {
          if (r.status === 'applied') applied.add(batch[k]!.id);
        });
      }
    });
    const polling = (async () => {
      while (writing) {
        const page = await drain([B, A], poller.token, cursor);
        expect(page.reset).toBe(false);
        for (const c of page.changes) seen.add(c.id);
        cursor = page.cursor;
      }
    })();
    await Promise.all(pushes);
    writing = false;
    await polling;
    for (const c of (await drain([A], poller.token, cursor)).changes) seen.add(c.id);
    // 4 writers × 12 rounds of 1, 2 or 3 changes, all applied.
    expect(applied.size).toBe(4 * 24);
    expect([...applied].filter((id) => !seen.has(id))).toEqual([]);
  });

  it('a device revoked on one node is refused on the other at once', async () => {
    const co = await user('coordinator', A);
    const eti = await user('eti', B);
    expect((await B.request('GET', '/api/me', { token: eti.token })).status).toBe(200);
    const devices = await A.request<{ devices: { id: string; userId: string }[] }>('GET', '/api/devices', { token: co.token });
    const device = devices.body.devices.find((d) => d.userId === eti.id);
    expect((await A.request('POST', `/api/devices/${device!.id}/revoke`, { token: co.token })).status).toBe(200);
    for (const node of [B, A]) {
      const r = await node.request('GET', '/api/sync/pull', { token: eti.token });
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ error: 'device_revoked' });
    }
  });

  it('a user deactivated on one node is locked out of the other at once, and cannot sign in there', async () => {
    const co = await user('coordinator', B);
    const eti = await user('eti', A);
    expect((await B.request('PATCH', `/api/users/${eti.id}`, { token: co.token, body: { active: false } })).status).toBe(200);
    const r = await A.request('POST', '/api/sync/push', { token: eti.token, body: { changes: [change('activity', { name: 'Trop tard' })] } });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ error: 'device_revoked' });
    const again = await A.request('POST', '/api/auth/login', { body: { login: eti.login, password: PASSWORD } });
    expect(again.status).toBe(401);
  });

  it('counts login failures once for both nodes: alternating gives no extra try', async () => {
    const eti = await user('eti', A);
    for (let i = 0; i < 5; i++) {
      const node = i % 2 === 0 ? A : B;
      expect((await node.request('POST', '/api/auth/login', { body: { login: eti.login, password: 'mauvais-mot' } })).status).toBe(401);
    }
    for (const node of [A, B]) {
      const r = await node.request('POST', '/api/auth/login', { body: { login: eti.login, password: PASSWORD } });
      expect(r.status).toBe(429);
    }
  });

  it('a month closed through one node rejects an ETI’s hours through the other', async () => {
    const co = await user('coordinator', A);
    const eti = await user('eti', B);
    const team = newId();
    const salarie = newId();
    await pushOk(A, co.token, [
      change('salarie', { firstName: 'Amina', lastName: 'Diallo' }, { id: salarie }),
      change('team', { name: 'Espaces verts', etiUserIds: [eti.id] }, { id: team }),
      change('membership', { teamId: team, salarieId: salarie, from: '2020-01-01' }),
    ]);
    const hours = (date: string) => change('timeEntry', { salarieId: salarie, date, hours: 7 });
    await pushOk(B, eti.token, [hours('2025-05-02')]);
    await pushOk(A, co.token, [change('monthClose', { month: '2025-05', closedBy: co.id })]);
    const { results } = await push(B, eti.token, [hours('2025-05-05')]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: 'month_closed' });
  });

  it('a write the server stamps itself comes after a change the other node accepted, even one with a clock ahead', async () => {
    const co = await user('coordinator', A);
    const eti = await user('eti', A);
    // A tablet whose clock runs 5 minutes ahead (within the 10 allowed) renames the ETI through A.
    await pushOk(A, co.token, [change('user', { displayName: 'Nom de la tablette' }, { id: eti.id, hlc: hlc(5 * 60_000, 'tablette') })]);
    // Then the coordination renames them through B, whose own clock never saw that change.
    const r = await B.request('PATCH', `/api/users/${eti.id}`, { token: co.token, body: { displayName: 'Nom corrigé' } });
    expect(r.status).toBe(200);
    const { changes } = await drain([A], co.token);
    expect(changes.find((c) => c.id === eti.id)?.fields['displayName']).toBe('Nom corrigé');
  });
});
