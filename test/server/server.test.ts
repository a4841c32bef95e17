// The running server as `npm start` runs it, over real HTTP on a free port: the demo structure
// seeded on an empty store (its five logins work, salarié 1 is in ETI 1's team), the PWA served
// beside the API with the right caching, and the protocol guard on the wire.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityName } from '../../src/domain/entities';
import { seedDemo } from '../../src/server/demo/seed';
import { startServer, type RunningServer } from '../../src/server/main';
import { ServerClock } from '../../src/server/sync/clock';
import { localDate } from '../../src/server/sync/scope';
import type { LoginResponse, PulledChange, PullResponse } from '../../src/sync/protocol';
import { backends } from './harness';

describe.each(backends)('running server with the demo ($name)', (backend) => {
  let server: RunningServer;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'tremplin-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Tremplin</title>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("install", () => {});');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    server = await startServer({ port: 0, db: await backend.open(), demo: true, quiet: true, distDir: dist });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init);
  async function login(l: string): Promise<LoginResponse> {
    const r = await get('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: l, password: 'tremplin', deviceName: 'test' }) });
    expect(r.status, l).toBe(200);
    return (await r.json()) as LoginResponse;
  }
  async function pullAll(token: string): Promise<PulledChange[]> {
    const out: PulledChange[] = [];
    let since = '';
    for (;;) {
      const r = await get(`/api/sync/pull?limit=2000${since ? `&since=${since}` : ''}`, { headers: { Authorization: `Bearer ${token}`, 'X-Tremplin-Protocol': '1' } });
      const page = (await r.json()) as PullResponse;
      out.push(...page.changes);
      since = page.cursor;
      if (!page.hasMore) return out;
    }
  }

  it('seeds the demo logins, each with its role, salariés linked to their record', async () => {
    const roles = Object.fromEntries(await Promise.all(['coordination', 'eti1', 'eti2', 'salarie1', 'salarie2'].map(async (l) => [l, (await login(l)).user] as const)));
    expect(roles['coordination']?.role).toBe('coordinator');
    expect(roles['eti1']?.role).toBe('eti');
    expect(roles['eti2']?.role).toBe('eti');
    expect(roles['salarie1']).toMatchObject({ role: 'salarie', salarieId: expect.any(String) });
    expect(roles['salarie2']).toMatchObject({ role: 'salarie', salarieId: expect.any(String) });

    const eti1 = new Set((await pullAll((await login('eti1')).token)).map((c) => c.id));
    const eti2 = new Set((await pullAll((await login('eti2')).token)).map((c) => c.id));
    expect(eti1.has(roles['salarie1']!.salarieId!)).toBe(true);
    expect(eti1.has(roles['salarie2']!.salarieId!)).toBe(false);
    expect(eti2.has(roles['salarie2']!.salarieId!)).toBe(true);
  });

  it('seeds a realistic month for the coordinator', async () => {
    const all = await pullAll((await login('coordination')).token);
    const count = (e: EntityName) => all.filter((c) => c.entity === e && !c.deleted).length;
    expect(count('structure')).toBe(1);
    expect(all.find((c) => c.entity === 'structure')?.fields['type']).toBe('ACI');
    const minimum: [EntityName, number][] = [
      ['salarie', 12], ['contract', 12], ['passIae', 12], ['chantier', 4], ['planningSlot', 20], ['assignment', 10],
      ['timeEntry', 100], ['activity', 2], ['competence', 20], ['evaluation', 30], ['objective', 5], ['logEntry', 10], ['diagnostic', 5],
    ];
    for (const [entity, n] of minimum) expect(count(entity), entity).toBeGreaterThanOrEqual(n);
  });

  it('does not seed twice', async () => {
    const ctx = { db: server.db, clock: new ServerClock(), today: localDate(Date.now()) };
    expect(await seedDemo(ctx, 'if-empty')).toBeNull();
    expect(await seedDemo(ctx, 'if-missing')).toBeNull();
  });

  it('serves the app: index and service worker revalidated, hashed assets cached, client routes fall back', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const sw = await get('/sw.js');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('content-type')).toContain('javascript');
    expect((await get('/assets/app-1234.js')).headers.get('cache-control')).toContain('immutable');
    const route = await get('/salaries/42/livret');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Tremplin</title>');
    expect((await get('/assets/absent.js')).status).toBe(404);
    expect((await get('/..%2f..%2f..%2fetc%2fpasswd')).status).not.toBe(500);
    const api = await get('/api/unknown');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not_found' });
  });

  it('answers 426 over the wire to an old protocol and reports health', async () => {
    const old = await get('/api/sync/pull', { headers: { 'X-Tremplin-Protocol': '0' } });
    expect(old.status).toBe(426);
    const health = await get('/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
  });
});
