// The coordination manages its logins (GET and PATCH /api/users) and sees its tablets
// (GET /api/devices): validation names the field, another structure's id is a 404, a
// coordinator cannot deactivate themself, deactivating revokes every device of the person at
// once and blocks sign-in until reactivated, a password reset takes effect, and each device
// shows its user, its last sync and whether its storage is persistent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, byId, Harness, PASSWORD, world, type TestStructure, type TestUser } from './harness';

interface UserItem { id: string; login: string; displayName: string; role: string; salarieId?: string; active: boolean; lastLoginAt?: string }
interface DeviceItem {
  id: string; name: string; user: { id: string; displayName: string; login: string };
  lastSeenAt: string; createdAt: string; revoked: boolean; persisted: boolean | null;
}

describe.each(backends)('user administration ($name)', (backend) => {
  let h: Harness;
  let w: Awaited<ReturnType<typeof world>>;
  let other: TestStructure;
  beforeAll(async () => {
    h = await Harness.create(backend);
    w = await world(h);
    other = await h.structure('Autre structure');
  });
  afterAll(() => h.close());

  const patch = (token: string, id: string, body: unknown) => h.request<Record<string, unknown>>('PATCH', `/api/users/${id}`, { token, body });
  const users = async (token: string) => h.request<UserItem[]>('GET', '/api/users', { token });

  it('lists the structure’s logins as a bare array, with last login and never a hash', async () => {
    const r = await users(w.co);
    expect(r.status).toBe(200);
    expect(Array.isArray(r.body)).toBe(true);
    const ids = r.body.map((u) => u.id).sort();
    expect(ids).toEqual([w.s.coordinator.id, w.eti1.id, w.eti2.id, w.salarie1.id].sort());
    const sal = r.body.find((u) => u.id === w.salarie1.id);
    expect(sal).toMatchObject({ login: w.salarie1.login, role: 'salarie', salarieId: w.sal1, active: true });
    expect(Date.parse(sal!.lastLoginAt!)).toBeGreaterThan(Date.now() - 60_000);
    const text = JSON.stringify(r.body);
    expect(text).not.toContain('scrypt');
    expect(text).not.toContain('password');
    expect(text).not.toContain(other.coordinator.id);
  });

  it('forbids ETI and salariés to list or change logins (403)', async () => {
    for (const u of [w.eti1, w.salarie1]) {
      expect((await users(u.token)).status).toBe(403);
      expect((await patch(u.token, w.eti2.id, { displayName: 'X' })).status).toBe(403);
    }
  });

  it('refuses an invalid body with 400 naming the field, and writes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ displayName: '' }, 'displayName'],
      [{ displayName: 42 }, 'displayName'],
      [{ role: 'admin' }, 'role'],
      [{ active: 'non' }, 'active'],
      [{ password: 'court' }, 'password'],
      [{ login: 'autre' }, 'login'],
      [{}, 'body'],
      [[1], 'body'],
      [{ role: 'salarie' }, 'role'],
    ];
    for (const [body, field] of cases) {
      const r = await patch(w.co, w.eti1.id, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body).toMatchObject({ field });
      expect(typeof r.body['message']).toBe('string');
    }
    // A valid field next to an invalid one is not applied either.
    expect((await patch(w.co, w.eti1.id, { displayName: 'Jamais', active: 'non' })).status).toBe(400);
    expect((await users(w.co)).body.find((u) => u.id === w.eti1.id)?.displayName).not.toBe('Jamais');
    // The salarié's role cannot be taken away from their login either.
    expect((await patch(w.co, w.salarie1.id, { role: 'eti' })).body).toMatchObject({ field: 'role' });
  });

  it('answers 404 for another structure’s login or an unknown id, and changes nothing there', async () => {
    const r = await patch(w.co, other.coordinator.id, { active: false });
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.body)).not.toContain(other.coordinator.id);
    expect((await h.request('GET', '/api/me', { token: other.coordinator.token })).status).toBe(200);
    expect((await patch(w.co, '01900000-0000-7000-8000-00000000ffff', { active: false })).status).toBe(404);
    expect((await patch(w.co, 'pas-un-id', { active: false })).status).toBe(404);
  });

  it('refuses a coordinator deactivating themself or changing their own role, naming why', async () => {
    const r = await patch(w.co, w.s.coordinator.id, { active: false });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: 'cannot_deactivate_self', field: 'active' });
    expect(String(r.body['message'])).toContain('propre compte');
    expect((await patch(w.co, w.s.coordinator.id, { role: 'eti' })).body).toMatchObject({ error: 'cannot_change_own_role' });
    expect((await h.request('GET', '/api/me', { token: w.co })).status).toBe(200);
    // Renaming oneself is fine.
    expect((await patch(w.co, w.s.coordinator.id, { displayName: 'Coordination principale' })).status).toBe(200);
  });

  it('renames and changes a role through the synced user record', async () => {
    const eti = await h.addUser(w.s.id, 'eti');
    const r = await patch(w.co, eti.id, { displayName: 'Karim B.', role: 'coordinator' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: eti.id, displayName: 'Karim B.', role: 'coordinator', active: true });
    const pulled = byId((await h.pullAll(w.eti1.token)).changes).get(eti.id);
    expect(pulled?.fields).toMatchObject({ displayName: 'Karim B.', role: 'coordinator', active: true });
    expect((await h.request<{ user: { role: string } }>('GET', '/api/me', { token: eti.token })).body.user.role).toBe('coordinator');
  });

  it('deactivating revokes every device of the person at once and blocks sign-in until reactivated', async () => {
    const eti = await h.addUser(w.s.id, 'eti');
    const second = await h.signIn(eti.login);
    const r = await patch(w.co, eti.id, { active: false });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ active: false, revokedDevices: 2 });
    for (const token of [eti.token, second.token]) {
      const after = await h.request('GET', '/api/sync/pull', { token });
      expect(after.status).toBe(401);
      expect(after.body).toMatchObject({ error: 'device_revoked' });
    }
    const devices = (await h.request<{ devices: DeviceItem[] }>('GET', '/api/devices', { token: w.co })).body.devices;
    expect(devices.filter((d) => d.user.id === eti.id).every((d) => d.revoked)).toBe(true);
    // Signing in answers exactly as for a wrong password: no hint that the login exists.
    const refused = await h.login(eti.login, PASSWORD);
    const wrong = await h.login(eti.login, 'pas-le-bon-mot-de-passe');
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(wrong.body);
    // The other devices see the user record inactive at their next pull.
    expect(byId((await h.pullAll(w.eti1.token)).changes).get(eti.id)?.fields).toMatchObject({ active: false });

    expect((await patch(w.co, eti.id, { active: true })).body).toMatchObject({ active: true, revokedDevices: 0 });
    // Reactivating does not bring the old sessions back; signing in again does.
    expect((await h.request('GET', '/api/sync/pull', { token: eti.token })).status).toBe(401);
    const again = await h.login(eti.login, PASSWORD);
    expect(again.status).toBe(200);
    expect((await h.request('GET', '/api/me', { token: again.body.token })).status).toBe(200);
  });

  it('resets a password: the old one stops working, the new one works, sessions stay', async () => {
    const eti: TestUser = await h.addUser(w.s.id, 'eti');
    const r = await patch(w.co, eti.id, { password: 'nouveau-mot-de-passe' });
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).not.toContain('nouveau-mot-de-passe');
    expect((await h.login(eti.login, PASSWORD)).status).toBe(401);
    expect((await h.login(eti.login, 'nouveau-mot-de-passe')).status).toBe(200);
    // The tablet in use keeps working: erasing its unsent work for a forgotten password would lose data.
    expect((await h.request('GET', '/api/me', { token: eti.token })).status).toBe(200);
    const { rows } = await h.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [eti.id]);
    expect(rows[0]?.password_hash.startsWith('scrypt$')).toBe(true);
  });

  it('lists devices with their user, last sync and storage as the device reports it', async () => {
    const eti = await h.addUser(w.s.id, 'eti');
    const list = async () => (await h.request<{ devices: DeviceItem[] }>('GET', '/api/devices', { token: w.co })).body.devices;
    expect((await list()).find((d) => d.id === eti.deviceId)).toMatchObject({
      name: 'Tablette test', user: { id: eti.id, login: eti.login }, revoked: false, persisted: null,
    });
    await h.request('GET', '/api/me', { token: eti.token, headers: { 'X-Tremplin-Storage': 'persisted' } });
    const seen = (await list()).find((d) => d.id === eti.deviceId)!;
    expect(seen.persisted).toBe(true);
    expect(Date.parse(seen.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(seen.createdAt));
    await h.request('GET', '/api/me', { token: eti.token, headers: { 'X-Tremplin-Storage': 'best-effort' } });
    expect((await list()).find((d) => d.id === eti.deviceId)?.persisted).toBe(false);
    // A value the server does not know is ignored, never an error.
    expect((await h.request('GET', '/api/me', { token: eti.token, headers: { 'X-Tremplin-Storage': 'peut-être' } })).status).toBe(200);
    expect((await list()).find((d) => d.id === eti.deviceId)?.persisted).toBe(false);
    // Reported at sign-in too.
    const r = await h.request<{ deviceId: string }>('POST', '/api/auth/login', {
      body: { login: eti.login, password: PASSWORD, deviceName: 'Tablette neuve' }, headers: { 'X-Tremplin-Storage': 'persisted' },
    });
    expect((await list()).find((d) => d.id === r.body.deviceId)).toMatchObject({ name: 'Tablette neuve', persisted: true });
    expect((await list()).every((d) => d.user.id !== other.coordinator.id)).toBe(true);
  });
});
