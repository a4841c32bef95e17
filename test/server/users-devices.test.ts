// Managing logins and devices as a coordinator does: create an ETI or a salarié login, refuse a
// taken login, list the structure's tablets and revoke a lost one — never another structure's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, byId, change, Harness, newId, PASSWORD, type TestStructure } from './harness';

describe.each(backends)('users and devices ($name)', (backend) => {
  let h: Harness;
  let s: TestStructure;
  let other: TestStructure;
  beforeAll(async () => {
    h = await Harness.create(backend);
    s = await h.structure('Chantier A');
    other = await h.structure('Chantier B');
  });
  afterAll(() => h.close());

  it('creates an ETI login that can sign in and is synced as a user record', async () => {
    const r = await h.request<{ id: string }>('POST', '/api/users', {
      token: s.coordinator.token, body: { login: 'nouvel.eti', password: 'mot-de-passe-long', role: 'eti', displayName: 'Nouvel ETI' },
    });
    expect(r.status).toBe(201);
    const login = await h.login('nouvel.eti', 'mot-de-passe-long');
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ id: r.body.id, role: 'eti', structureId: s.id });
    const pulled = byId((await h.pullAll(s.coordinator.token)).changes);
    expect(pulled.get(r.body.id)).toMatchObject({ entity: 'user', fields: { login: 'nouvel.eti', role: 'eti', displayName: 'Nouvel ETI', active: true } });
    expect(JSON.stringify(pulled.get(r.body.id))).not.toContain('mot-de-passe-long');
  });

  it('answers 409 when the login exists (in any structure)', async () => {
    const body = { login: s.coordinator.login, password: 'mot-de-passe-long', role: 'eti', displayName: 'Doublon' };
    expect((await h.request('POST', '/api/users', { token: s.coordinator.token, body })).status).toBe(409);
    expect((await h.request('POST', '/api/users', { token: other.coordinator.token, body })).status).toBe(409);
  });

  it('creates a salarié login linked to a salarié record of the structure only', async () => {
    const sal = newId();
    await h.pushOk(s.coordinator.token, [change('salarie', { firstName: 'Léa', lastName: 'Petit' }, { id: sal })]);
    const base = { password: 'mot-de-passe-long', role: 'salarie', displayName: 'Léa P.' };
    const ok = await h.request<{ id: string }>('POST', '/api/users', { token: s.coordinator.token, body: { ...base, login: 'lea.petit', salarieId: sal } });
    expect(ok.status).toBe(201);
    expect((await h.login('lea.petit', 'mot-de-passe-long')).body.user).toMatchObject({ role: 'salarie', salarieId: sal });
    const foreign = await h.request('POST', '/api/users', { token: other.coordinator.token, body: { ...base, login: 'lea.bis', salarieId: sal } });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ field: 'salarieId' });
    const missing = await h.request('POST', '/api/users', { token: s.coordinator.token, body: { ...base, login: 'lea.ter' } });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ field: 'salarieId' });
  });

  it('refuses invalid new logins with 400 naming the field', async () => {
    const good = { login: 'valide', password: 'mot-de-passe-long', role: 'eti', displayName: 'Valide' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, role: 'admin' }, 'role'],
      [{ ...good, password: 'court' }, 'password'],
      [{ ...good, login: 'avec espace' }, 'login'],
      [{ ...good, displayName: '' }, 'displayName'],
      [{ ...good, login: 42 }, 'login'],
    ];
    for (const [body, field] of cases) {
      const r = await h.request('POST', '/api/users', { token: s.coordinator.token, body });
      expect(r.status, field).toBe(400);
      expect(r.body).toMatchObject({ field });
    }
  });

  it('forbids ETI and salariés to create logins (403)', async () => {
    const eti = await h.addUser(s.id, 'eti');
    const r = await h.request('POST', '/api/users', { token: eti.token, body: { login: 'x.y', password: 'mot-de-passe-long', role: 'coordinator', displayName: 'X' } });
    expect(r.status).toBe(403);
    expect((await h.login('x.y', 'mot-de-passe-long')).status).toBe(401);
  });

  it('forbids creating a user record by push', async () => {
    const [r] = await h.push(s.coordinator.token, [change('user', { login: 'pirate', displayName: 'P', role: 'coordinator' })]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'forbidden' });
  });

  it('lists the structure’s devices and revokes a lost tablet', async () => {
    const eti = await h.addUser(s.id, 'eti');
    const list = await h.request<{ devices: { id: string; userId: string; name: string; revoked: boolean }[] }>('GET', '/api/devices', { token: s.coordinator.token });
    expect(list.status).toBe(200);
    const mine = list.body.devices.find((d) => d.id === eti.deviceId);
    expect(mine).toMatchObject({ userId: eti.id, name: 'Tablette test', revoked: false });
    expect(list.body.devices.every((d) => d.userId !== other.coordinator.id)).toBe(true);

    const revoke = await h.request('POST', `/api/devices/${eti.deviceId}/revoke`, { token: s.coordinator.token });
    expect(revoke.status).toBe(200);
    const after = await h.request('POST', '/api/sync/push', { token: eti.token, body: { changes: [] } });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: 'device_revoked' });
    // Signing in again makes a new, working session.
    expect((await h.login(eti.login, PASSWORD)).status).toBe(200);
  });

  it('answers 404 to revoking another structure’s device or an unknown one, and 403 to an ETI', async () => {
    const r = await h.request('POST', `/api/devices/${other.coordinator.deviceId}/revoke`, { token: s.coordinator.token });
    expect(r.status).toBe(404);
    expect((await h.request('GET', '/api/me', { token: other.coordinator.token })).status).toBe(200);
    expect((await h.request('POST', `/api/devices/${newId()}/revoke`, { token: s.coordinator.token })).status).toBe(404);
    const eti = await h.addUser(s.id, 'eti');
    expect((await h.request('GET', '/api/devices', { token: eti.token })).status).toBe(403);
    expect((await h.request('POST', `/api/devices/${eti.deviceId}/revoke`, { token: eti.token })).status).toBe(403);
  });
});
