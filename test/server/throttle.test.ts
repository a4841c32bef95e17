// Login throttling counted in the database (auth/throttle.ts): the window, the address limit,
// and what several server processes need — two throttles over one store (as two servers over one
// PostgreSQL) count the same failures in any interleaving, a restart forgets nothing, and
// concurrent attempts cannot slip past the limit together. PGlite always; PostgreSQL too when
// TEST_DATABASE_URL is set, with two separate pools (two connections, as two processes would).
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottle, type ThrottleLimits } from '../../src/server/auth/throttle';
import { migrate } from '../../src/server/db/migrations';
import { createPgliteDb } from '../../src/server/db/pglite';
import { createPostgresDb } from '../../src/server/db/postgres';
import type { Db } from '../../src/server/db/types';
import { PG_URL } from './harness';

interface Store {
  /** Two handles on one database: the same PGlite, or two PostgreSQL pools. */
  dbs: [Db, Db];
  close(): Promise<void>;
}

const stores: { name: string; open(): Promise<Store> }[] = [
  {
    name: 'pglite',
    async open() {
      const db = await createPgliteDb('memory://');
      return { dbs: [db, db], close: () => db.close() };
    },
  },
  ...(PG_URL ? [pgStore(PG_URL)] : []),
];

function pgStore(url: string): { name: string; open(): Promise<Store> } {
  return {
    name: 'postgres',
    async open(): Promise<Store> {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = createPostgresDb({ connectionString: url, max: 1 });
      await admin.query(`CREATE SCHEMA ${schema}`);
      const a = createPostgresDb({ connectionString: url, schema, max: 4 });
      const b = createPostgresDb({ connectionString: url, schema, max: 4 });
      return {
        dbs: [a, b],
        async close() {
          await a.close();
          await b.close();
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.close();
        },
      };
    },
  };
}

let unique = 0;
const fresh = (what: string) => `${what}-${++unique}-${randomBytes(3).toString('hex')}`;

describe.each(stores)('login throttle in the database ($name)', (backend) => {
  let store: Store;
  let now = 1_000_000;
  const clock = () => now;
  const throttles = (limits: ThrottleLimits): [LoginThrottle, LoginThrottle] => [
    new LoginThrottle(store.dbs[0], clock, limits),
    new LoginThrottle(store.dbs[1], clock, limits),
  ];

  beforeAll(async () => {
    store = await backend.open();
    await migrate(store.dbs[0]);
  });
  afterAll(() => store.close());

  it('lets a login try again once the window has passed', async () => {
    const [t] = throttles({ perLogin: 3, perAddress: 100, windowMs: 1000 });
    const login = fresh('a');
    for (let i = 0; i < 3; i++) expect((await t.claim(login, 'ip')).allowed).toBe(true);
    expect(await t.claim(login, 'ip')).toEqual({ allowed: false, retryAfter: 1 });
    now += 1001;
    expect((await t.claim(login, 'ip')).allowed).toBe(true);
  });

  it('blocks an address after its generous limit, whatever the login', async () => {
    const [t] = throttles({ perLogin: 5, perAddress: 10, windowMs: 1000 });
    const ip = fresh('ip');
    for (let i = 0; i < 10; i++) expect((await t.claim(fresh('login'), ip)).allowed).toBe(true);
    const blocked = await t.claim(fresh('login'), ip);
    expect(blocked.allowed).toBe(false);
    expect((await t.claim(fresh('login'), fresh('ip'))).allowed).toBe(true);
  });

  it('never counts a success, towards the login or the address, and a success forgives the login', async () => {
    const [t] = throttles({ perLogin: 3, perAddress: 3, windowMs: 60_000 });
    const login = fresh('s');
    const ip = fresh('ip');
    for (let i = 0; i < 2; i++) expect((await t.claim(login, ip)).allowed).toBe(true);
    const ok = await t.claim(login, ip);
    if (!ok.allowed) throw new Error('the third try must be allowed');
    await t.succeeded(ok);
    // The two failures still count for the address (3 max): one more failure blocks it.
    for (let i = 0; i < 1; i++) expect((await t.claim(login, ip)).allowed).toBe(true);
    expect((await t.claim(fresh('other'), ip)).allowed).toBe(false);
    // The login itself had only one failure since its success.
    expect((await t.claim(login, fresh('ip'))).allowed).toBe(true);
  });

  it('remembers failures across a restart (a new throttle on the same store)', async () => {
    const limits = { perLogin: 4, perAddress: 100, windowMs: 60_000 };
    const login = fresh('r');
    for (let i = 0; i < 4; i++) await new LoginThrottle(store.dbs[0], clock, limits).claim(login, 'ip');
    expect((await new LoginThrottle(store.dbs[1], clock, limits).claim(login, 'ip')).allowed).toBe(false);
  });

  it('property: failures through two servers in any interleaving lock the login after exactly the limit', async () => {
    const limits = { perLogin: 5, perAddress: 1000, windowMs: 15 * 60_000 };
    const attempt = fc.record({ server: fc.constantFrom(0 as const, 1 as const), login: fc.constantFrom(0, 1), right: fc.boolean() });
    await fc.assert(fc.asyncProperty(fc.array(attempt, { maxLength: 24 }), async (attempts) => {
      const servers = throttles(limits);
      const logins = [fresh('p'), fresh('p')];
      const failures = [0, 0];
      for (const a of attempts) {
        const claim = await servers[a.server].claim(logins[a.login]!, 'ip-p');
        // The model: blocked exactly when the login has `perLogin` failures since its last success.
        expect(claim.allowed).toBe(failures[a.login]! < limits.perLogin);
        if (!claim.allowed) continue;
        if (a.right) {
          await servers[a.server].succeeded(claim);
          failures[a.login] = 0;
        } else {
          failures[a.login]! += 1;
        }
      }
    }), { numRuns: 25 });
  });

  it('property: attempts at once on both servers let through exactly the limit', async () => {
    const limits = { perLogin: 5, perAddress: 1000, windowMs: 15 * 60_000 };
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(0 as const, 1 as const), { minLength: 6, maxLength: 16 }), async (sides) => {
      const servers = throttles(limits);
      const login = fresh('c');
      const claims = await Promise.all(sides.map((s) => servers[s].claim(login, 'ip-c')));
      expect(claims.filter((c) => c.allowed)).toHaveLength(limits.perLogin);
    }), { numRuns: 10 });
  });
});
