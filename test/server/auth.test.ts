// Sign-in, sessions and the protocol guard, as a tablet sees them: same 401 for a wrong login
// or a wrong password, throttling after repeated failures only, revoked sessions, old protocol.
// The throttle's own rules (window, address limit, several servers) are in throttle.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, Harness, PASSWORD, type TestStructure } from './harness';

describe.each(backends)('authentication ($name)', (backend) => {
  let h: Harness;
  let s: TestStructure;
  beforeAll(async () => {
    h = await Harness.create(backend);
    s = await h.structure();
  });
  afterAll(() => h.close());

  it('signs in and returns a device session with the user and structure', async () => {
    const r = await h.login(s.coordinator.login, PASSWORD, 'Tablette atelier');
    expect(r.status).toBe(200);
    expect(r.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(r.body.deviceId).toBeTruthy();
    expect(r.body.user).toMatchObject({ id: s.coordinator.id, role: 'coordinator', structureId: s.id });
    const me = await h.request('GET', '/api/me', { token: r.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: s.coordinator.id, role: 'coordinator' }, structure: { id: s.id, name: 'Structure test', type: 'ACI' } });
  });

  it('accepts the login whatever its case and surrounding spaces', async () => {
    const r = await h.login(`  ${s.coordinator.login.toUpperCase()} `, PASSWORD);
    expect(r.status).toBe(200);
  });

  it('answers the same 401 for an unknown login and for a wrong password', async () => {
    const unknown = await h.login('personne-inconnue', PASSWORD);
    const wrong = await h.login(s.coordinator.login, 'pas-le-bon-mot');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body.error).toBe('invalid_credentials');
  });

  it('refuses a malformed login body with 400, not 500', async () => {
    for (const body of [null, [], 'x', { login: 1, password: 'x' }, { login: 'a' }, { login: 'a', password: 'b', deviceName: 5 }, { login: 'a\u0000', password: 'b' }, { login: 'a', password: '\udc00' }]) {
      const r = await h.request('POST', '/api/auth/login', { body });
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    const r = await h.request('POST', '/api/auth/login', { rawBody: '{not json', headers: { 'Content-Type': 'application/json' } });
    expect(r.status).toBe(400);
  });

  it('throttles a login after 5 failures with 429 and Retry-After, even with the right password', async () => {
    const u = await h.addUser(s.id, 'eti');
    for (let i = 0; i < 5; i++) expect((await h.login(u.login, 'mauvais-mot')).status).toBe(401);
    const blocked = await h.login(u.login, 'mauvais-mot');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await h.login(u.login, PASSWORD)).status).toBe(429);
    // Another login from the same address is not blocked.
    expect((await h.login(s.coordinator.login, PASSWORD)).status).toBe(200);
  });

  it('never counts successful logins towards throttling', async () => {
    const u = await h.addUser(s.id, 'eti');
    for (let i = 0; i < 12; i++) expect((await h.login(u.login, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await h.login(u.login, 'mauvais')).status).toBe(401);
    expect((await h.login(u.login, PASSWORD)).status).toBe(200);
    // The success cleared the failures: four more wrong tries are still plain 401s.
    for (let i = 0; i < 4; i++) expect((await h.login(u.login, 'mauvais')).status).toBe(401);
  });

  it('refuses an inactive user with the same 401', async () => {
    const u = await h.addUser(s.id, 'eti');
    const r = await h.push(s.coordinator.token, [{ opId: crypto.randomUUID(), entity: 'user', id: u.id, hlc: new Date().toISOString() + '-0000-coord', set: { active: false } }]);
    expect(r[0]?.status).toBe('applied');
    const login = await h.login(u.login, PASSWORD);
    expect(login.status).toBe(401);
    expect(login.body.error).toBe('invalid_credentials');
    // Their existing session is cut off as a revoked device (the tablet erases its data).
    const me = await h.request('GET', '/api/me', { token: u.token });
    expect(me.status).toBe(401);
    expect(me.body).toMatchObject({ error: 'device_revoked' });
  });

  it('logout revokes the token: the next request gets 401 device_revoked', async () => {
    const { token } = await h.signIn(s.coordinator.login);
    expect((await h.request('POST', '/api/auth/logout', { token })).status).toBe(200);
    const r = await h.request('GET', '/api/sync/pull', { token });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: 'device_revoked', message: expect.any(String) });
  });

  it('answers 401 unauthorized without a token or with an unknown one', async () => {
    expect((await h.request('GET', '/api/me')).body).toMatchObject({ error: 'unauthorized' });
    const r = await h.request('GET', '/api/me', { token: 'A'.repeat(43) });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ error: 'unauthorized' });
  });

  it('answers 426 to an older or unreadable protocol version, accepts current and missing', async () => {
    for (const v of ['0', 'abc', '-1', '', '99999999']) {
      const r = await h.request('GET', '/api/health', { headers: { 'X-Tremplin-Protocol': v } });
      expect(r.status, v).toBe(426);
      expect(r.body).toMatchObject({ error: 'protocol_unsupported' });
      // Only a readable, older number is called « trop ancienne »; garbage is called unreadable.
      expect((r.body as { message: string }).message, v).toContain(v === '0' ? 'trop ancienne' : 'illisible');
    }
    expect((await h.request('GET', '/api/health', { headers: { 'X-Tremplin-Protocol': '1' } })).status).toBe(200);
    const health = await h.request('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.headers.get('X-Tremplin-Server-Hlc')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const r = await h.request('GET', '/api/nope');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ error: 'not_found' });
  });
});
