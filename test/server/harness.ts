// Test harness for the server: the real app and the real store, on PGlite always and on
// PostgreSQL when TEST_DATABASE_URL is set (a fresh schema per suite, dropped afterwards).
// Requests go through app.request() (no port); helpers create structures, users and changes.
import { randomBytes } from 'node:crypto';
import { createApp } from '../../src/server/app';
import { makeDeps, today, type AppDeps } from '../../src/server/deps';
import { migrate } from '../../src/server/db/migrations';
import { createPgliteDb } from '../../src/server/db/pglite';
import { createPostgresDb } from '../../src/server/db/postgres';
import type { Db } from '../../src/server/db/types';
import { createStructure } from '../../src/server/structures/create';
import { createUser } from '../../src/server/users/create';
import type { EntityName, Role } from '../../src/domain/entities';
import { uuidv7 } from '../../src/domain/ids';
import type { Change, Fields, LoginResponse, PulledChange, PullResponse, PushResult } from '../../src/sync/protocol';

export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<Db>;
}

export const PG_URL = process.env['TEST_DATABASE_URL'];

export const backends: Backend[] = [
  { name: 'pglite', open: () => createPgliteDb('memory://') },
  ...(PG_URL ? [{ name: 'postgres' as const, open: () => openPgSchema(PG_URL) }] : []),
];

/** A PostgreSQL Db living in its own random schema, dropped on close. */
export async function openPgSchema(url: string, max = 10): Promise<Db> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = createPostgresDb({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = createPostgresDb({ connectionString: url, schema, max });
  return {
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    transaction: (fn) => db.transaction(fn),
    async close() {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

export interface HttpAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestUser {
  id: string;
  login: string;
  password: string;
  token: string;
  deviceId: string;
}

export interface TestStructure {
  id: string;
  coordinator: TestUser;
}

let counter = 0;
export const PASSWORD = 'motdepasse-test';

export class Harness {
  private constructor(
    readonly db: Db,
    readonly deps: AppDeps,
    readonly app: ReturnType<typeof createApp>,
  ) {}

  static async create(backend: Backend, opts: { now?: () => number } = {}): Promise<Harness> {
    const db = await backend.open();
    await migrate(db);
    const deps = makeDeps({ db, ...(opts.now ? { now: opts.now } : {}) });
    return new Harness(db, deps, createApp(deps));
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async request<T = Record<string, unknown>>(method: string, path: string, opts: RequestOptions = {}): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers['Authorization'] = `Bearer ${opts.token}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['Content-Type'] = 'application/json';
    }
    const res = await this.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  async login(login: string, password: string, deviceName = 'Tablette test'): Promise<HttpAnswer<LoginResponse & { error?: string }>> {
    return this.request('POST', '/api/auth/login', { body: { login, password, deviceName } });
  }

  async structure(name = 'Structure test'): Promise<TestStructure> {
    const id = await createStructure({ db: this.db, clock: this.deps.clock, today: today(this.deps) }, { name, type: 'ACI' });
    const coordinator = await this.addUser(id, 'coordinator');
    return { id, coordinator };
  }

  /** Creates a login directly in the store and signs it in on a new device. */
  async addUser(structureId: string, role: Role, extra: { salarieId?: string; login?: string } = {}): Promise<TestUser> {
    const login = extra.login ?? `${role}-${++counter}-${randomBytes(3).toString('hex')}`;
    const id = await createUser({ db: this.db, clock: this.deps.clock, today: today(this.deps) }, structureId, {
      login, password: PASSWORD, role, displayName: `${role} ${counter}`, ...(extra.salarieId ? { salarieId: extra.salarieId } : {}),
    });
    return { id, login, password: PASSWORD, ...(await this.signIn(login)) };
  }

  async signIn(login: string): Promise<{ token: string; deviceId: string }> {
    const r = await this.login(login, PASSWORD);
    if (r.status !== 200) throw new Error(`login ${login} failed: ${r.status}`);
    return { token: r.body.token, deviceId: r.body.deviceId };
  }

  async push(token: string, changes: Change[]): Promise<PushResult[]> {
    const r = await this.request<{ results: PushResult[] }>('POST', '/api/sync/push', { token, body: { changes } });
    if (r.status !== 200) throw new Error(`push failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.results;
  }

  /** Pushes and expects every change applied. */
  async pushOk(token: string, changes: Change[]): Promise<void> {
    const results = await this.push(token, changes);
    const bad = results.filter((r) => r.status !== 'applied');
    if (bad.length > 0) throw new Error(`not applied: ${JSON.stringify(bad)}`);
  }

  async pull(token: string, since?: string, limit?: number): Promise<HttpAnswer<PullResponse>> {
    const q = new URLSearchParams();
    if (since !== undefined) q.set('since', since);
    if (limit !== undefined) q.set('limit', String(limit));
    return this.request<PullResponse>('GET', `/api/sync/pull?${q}`, { token });
  }

  /** Pulls every page from `since`; returns all changes in order, the last cursor and whether a reset was signalled. */
  async pullAll(token: string, since?: string, limit?: number): Promise<{ changes: PulledChange[]; cursor: string; reset: boolean; pages: number }> {
    const changes: PulledChange[] = [];
    let cursor = since;
    let reset = false;
    let pages = 0;
    for (;;) {
      const r = await this.pull(token, cursor, limit);
      if (r.status !== 200) throw new Error(`pull failed: ${r.status} ${JSON.stringify(r.body)}`);
      pages++;
      if (r.body.reset) reset = true;
      changes.push(...r.body.changes);
      cursor = r.body.cursor;
      if (!r.body.hasMore) break;
      if (pages > 10_000) throw new Error('pull never ends');
    }
    return { changes, cursor: cursor ?? '', reset, pages };
  }
}

// --- building changes ----------------------------------------------------------------------
let hlcCounter = 0;

/** An HLC at the current time (or `offsetMs` from now), unique within the test run. */
export function hlc(offsetMs = 0, node = 'testnode'): string {
  hlcCounter = (hlcCounter + 1) % 0xffff;
  return `${new Date(Date.now() + offsetMs).toISOString()}-${hlcCounter.toString(16).padStart(4, '0')}-${node}`;
}

export function change(entity: EntityName, set: Fields, opts: { id?: string; hlc?: string; deleted?: true; opId?: string } = {}): Change {
  return {
    opId: opts.opId ?? uuidv7(),
    entity,
    id: opts.id ?? uuidv7(),
    hlc: opts.hlc ?? hlc(),
    set,
    ...(opts.deleted ? { deleted: true as const } : {}),
  };
}

export const newId = (): string => uuidv7();

export function byId(changes: PulledChange[]): Map<string, PulledChange> {
  const m = new Map<string, PulledChange>();
  for (const c of changes) m.set(c.id, c);
  return m;
}

/** Builds a small structure: two teams with an ETI each, salariés in them, a salarié login. */
export async function world(h: Harness) {
  const s = await h.structure();
  const co = s.coordinator.token;
  const eti1 = await h.addUser(s.id, 'eti');
  const eti2 = await h.addUser(s.id, 'eti');
  const team1 = newId();
  const team2 = newId();
  const sal1 = newId();
  const sal2 = newId();
  const salaries: Change[] = [
    change('salarie', { firstName: 'Amina', lastName: 'Diallo', confidentialNotes: 'suivi santé', phone: '0600000000' }, { id: sal1 }),
    change('salarie', { firstName: 'Bruno', lastName: 'Martin', prescriber: 'France Travail' }, { id: sal2 }),
    change('team', { name: 'Espaces verts', etiUserIds: [eti1.id] }, { id: team1 }),
    change('team', { name: 'Bâtiment', etiUserIds: [eti2.id] }, { id: team2 }),
  ];
  await h.pushOk(co, salaries);
  const m1 = newId();
  const m2 = newId();
  await h.pushOk(co, [
    change('membership', { teamId: team1, salarieId: sal1, from: '2020-01-01' }, { id: m1 }),
    change('membership', { teamId: team2, salarieId: sal2, from: '2020-01-01' }, { id: m2 }),
  ]);
  const salarie1 = await h.addUser(s.id, 'salarie', { salarieId: sal1 });
  return { s, co, eti1, eti2, team1, team2, sal1, sal2, m1, m2, salarie1 };
}
