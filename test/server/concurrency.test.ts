// Commit-safe cursors on PostgreSQL: many devices push at once on separate connections while a
// tablet keeps pulling with its cursor; at the end it must have seen every applied change. A
// naive `seq > cursor` with a number taken before commit loses rows here: a later seq commits
// first, the poller moves past it, then the earlier one becomes visible behind the cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/server/sync/scope';
import { startServer, type RunningServer } from '../../src/server/main';
import { applyChanges } from '../../src/server/sync/apply';
import { ServerClock } from '../../src/server/sync/clock';
import { createStructure } from '../../src/server/structures/create';
import { createUser } from '../../src/server/users/create';
import type { Change, PullResponse, PushResponse } from '../../src/sync/protocol';
import { change, openPgSchema, PG_URL } from './harness';

const PASSWORD = 'motdepasse-test';

describe.skipIf(!PG_URL)('concurrent pushes and pulls (postgres)', () => {
  let server: RunningServer;
  let structureId: string;
  let coordinatorId: string;

  async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  const login = async (l: string) => (await api<{ token: string }>('POST', '/api/auth/login', undefined, { login: l, password: PASSWORD, deviceName: l })).token;

  beforeAll(async () => {
    const db = await openPgSchema(PG_URL!, 24);
    server = await startServer({ port: 0, db, demo: false, quiet: true, distDir: null });
    const ctx = { db, clock: new ServerClock(), today: localDate(Date.now()) };
    structureId = await createStructure(ctx, { name: 'Concurrence', type: 'ACI' });
    coordinatorId = await createUser(ctx, structureId, { login: 'coord-conc', password: PASSWORD, role: 'coordinator', displayName: 'Coord' });
    for (let i = 0; i < 8; i++) await createUser(ctx, structureId, { login: `writer-${i}`, password: PASSWORD, role: 'coordinator', displayName: `W${i}` });
  });
  afterAll(() => server?.close());

  /** Pulls from `cursor` until caught up; adds every id seen. */
  async function drain(token: string, cursor: string | undefined, seen: Set<string>): Promise<string | undefined> {
    for (;;) {
      const q = cursor ? `?since=${cursor}&limit=50` : '?limit=50';
      const page = await api<PullResponse>('GET', `/api/sync/pull${q}`, token);
      expect(page.reset).toBeUndefined();
      for (const c of page.changes) seen.add(c.id);
      cursor = page.cursor;
      if (!page.hasMore) return cursor;
    }
  }

  it('never skips a change while eight devices push at once', async () => {
    const poller = await login('coord-conc');
    const writers = await Promise.all(Array.from({ length: 8 }, (_, i) => login(`writer-${i}`)));
    const seen = new Set<string>();
    let cursor = await drain(poller, undefined, seen);
    const applied = new Set<string>();
    let writing = true;

    const pushes = writers.map(async (token) => {
      for (let round = 0; round < 25; round++) {
        const batch: Change[] = Array.from({ length: 1 + (round % 4) }, () => change('activity', { name: `Activité ${round}` }));
        const r = await api<PushResponse>('POST', '/api/sync/push', token, { changes: batch });
        r.results.forEach((res, i) => {
          if (res.status === 'applied') applied.add(batch[i]!.id);
        });
      }
    });
    const polling = (async () => {
      while (writing) cursor = await drain(poller, cursor, seen);
    })();
    await Promise.all(pushes);
    writing = false;
    await polling;
    await drain(poller, cursor, seen);

    // 8 writers × 25 rounds of 1 to 4 changes, all applied.
    expect(applied.size).toBe(8 * Array.from({ length: 25 }, (_, r) => 1 + (r % 4)).reduce((a, b) => a + b, 0));
    const missing = [...applied].filter((id) => !seen.has(id));
    expect(missing).toEqual([]);
  });

  it('holds a later push until an earlier, slower transaction commits', async () => {
    const poller = await login('coord-conc');
    const seen = new Set<string>();
    let cursor = await drain(poller, undefined, seen);
    const slow = change('activity', { name: 'Lente' });
    const fast = change('activity', { name: 'Rapide' });
    let fastDone = false;

    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const holding = new Promise<void>((r) => (locked = r));
    // A push that takes its sequence number, then stalls before committing.
    const slowTx = server.db.transaction(async (tx) => {
      const results = await applyChanges(tx, {
        structureId, userId: coordinatorId, deviceId: null, clock: new ServerClock(), today: localDate(Date.now()),
      }, [slow]);
      expect(results[0]?.status).toBe('applied');
      locked();
      await gate;
    });
    await holding;
    const fastToken = await login('writer-0');
    const fastPush = api<PushResponse>('POST', '/api/sync/push', fastToken, { changes: [fast] }).then((r) => {
      fastDone = true;
      return r;
    });
    // While the slow one is open, the poller keeps pulling: it must not move past it.
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 40));
      cursor = await drain(poller, cursor, seen);
    }
    expect(fastDone).toBe(false);
    expect(seen.has(fast.id)).toBe(false);
    release();
    await slowTx;
    expect((await fastPush).results[0]?.status).toBe('applied');
    await drain(poller, cursor, seen);
    expect(seen.has(slow.id)).toBe(true);
    expect(seen.has(fast.id)).toBe(true);
  });
});

