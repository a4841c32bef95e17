// The HTTP client: it always says which protocol it speaks and who is calling, and turns every
// way a request can fail into the error the sync engine acts on.
import { describe, expect, it } from 'vitest';
import { ApiError, createApi, NetworkError, RevokedError, STORAGE_HEADER, UpdateRequiredError, type FetchLike } from '../../src/client/api';
import { adminErrorMessage, createAdminApi, isOffline } from '../../src/client/admin';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/sync/protocol';
import { BASE_URL, useTestServer } from './harness';

let f: FetchLike;

useTestServer((_server, fetch) => { f = fetch; });

describe('api client', () => {
  it('sends the protocol version and the token, and reads typed answers', async () => {
    const seen: Headers[] = [];
    const spy: FetchLike = (input, init) => {
      seen.push(new Headers(init?.headers));
      return f(input, init);
    };
    const auth: { token?: string } = {};
    const api = createApi({ baseUrl: BASE_URL, fetch: spy, getToken: () => auth.token });
    const session = await api.login('coordination', 'tremplin', 'Bureau');
    auth.token = session.token;
    const me = await api.me();
    expect(me.user.id).toBe(session.user.id);
    const page = await api.pull(undefined, 10);
    expect(page.changes).toHaveLength(10);
    expect(page.hasMore).toBe(true);
    expect(typeof page.serverHlc).toBe('string');
    expect(seen.every((h) => h.get(PROTOCOL_HEADER) === String(PROTOCOL_VERSION))).toBe(true);
    expect(seen[0]!.get('Authorization')).toBeNull();
    expect(seen[1]!.get('Authorization')).toBe(`Bearer ${session.token}`);
  });

  it('maps failures to typed errors', async () => {
    const down = createApi({ baseUrl: BASE_URL, fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(down.me()).rejects.toBeInstanceOf(NetworkError);
    // A 200 cut in the middle: we cannot know what happened, so it is a retryable network error.
    const cut = createApi({ baseUrl: BASE_URL, fetch: async () => new Response('{"results":[{"op', { status: 200 }) });
    await expect(cut.push([])).rejects.toBeInstanceOf(NetworkError);

    const api = createApi({ baseUrl: BASE_URL, fetch: f, getToken: () => 'pas-un-jeton' });
    const unauth = await api.me().catch((e: unknown) => e);
    expect(unauth).toBeInstanceOf(ApiError);
    expect((unauth as ApiError).status).toBe(401);
    const bad = await createApi({ baseUrl: BASE_URL, fetch: f }).login('', '', '').catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);

    const old = createApi({ baseUrl: BASE_URL, fetch: (input, init) => f(input, { ...init, headers: { ...(init?.headers as Record<string, string>), [PROTOCOL_HEADER]: '0' } }) });
    await expect(old.login('eti1', 'tremplin', 'x')).rejects.toBeInstanceOf(UpdateRequiredError);
  });

  it('recognises a revoked device', async () => {
    const auth: { token?: string } = {};
    const api = createApi({ baseUrl: BASE_URL, fetch: f, getToken: () => auth.token });
    auth.token = (await api.login('eti1', 'tremplin', 'Tablette')).token;
    await api.logout(); // logging out revokes this device's token
    await expect(api.pull(undefined)).rejects.toBeInstanceOf(RevokedError);
  });
});

describe('admin calls and the storage report', () => {
  it('sends the storage header once known, and the coordination sees it on « Tablettes »', async () => {
    const seen: Headers[] = [];
    const spy: FetchLike = (input, init) => {
      seen.push(new Headers(init?.headers));
      return f(input, init);
    };
    const auth: Record<string, string | undefined> = {};
    const api = createApi({ baseUrl: BASE_URL, fetch: spy, getToken: () => auth['token'] });
    auth['token'] = (await api.login('eti2', 'tremplin', 'Tablette stockage')).token;
    expect(seen[0]!.get(STORAGE_HEADER)).toBeNull();
    api.setStoragePersisted(true);
    const me = await api.me();
    expect(seen[1]!.get(STORAGE_HEADER)).toBe('persisted');

    const coordination = createApi({ baseUrl: BASE_URL, fetch: f, getToken: () => auth['coord'] });
    const authCoord = await coordination.login('coordination', 'tremplin', 'Bureau');
    auth['coord'] = authCoord.token;
    const admin = createAdminApi(coordination);
    const devices = await admin.listDevices();
    const tablet = devices.find((d) => d.id === me.deviceId);
    expect(tablet).toMatchObject({ name: 'Tablette stockage', persisted: true, revoked: false, user: { id: me.user.id } });

    api.setStoragePersisted(false);
    await api.pull(undefined, 1);
    expect((await admin.listDevices()).find((d) => d.id === me.deviceId)?.persisted).toBe(false);
  });

  it('lists, creates and patches logins, and revokes a device, through createAdminApi', async () => {
    const auth: Record<string, string | undefined> = {};
    const api = createApi({ baseUrl: BASE_URL, fetch: f, getToken: () => auth['token'] });
    auth['token'] = (await api.login('coordination', 'tremplin', 'Bureau')).token;
    const admin = createAdminApi(api);
    const before = await admin.listUsers();
    expect(before.map((u) => u.login)).toContain('eti1');
    const { id } = await admin.createUser({ login: 'client.test', password: 'mot-de-passe', role: 'eti', displayName: 'Client Test' });
    const taken = await admin.createUser({ login: 'client.test', password: 'mot-de-passe', role: 'eti', displayName: 'X' }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(ApiError);
    expect(adminErrorMessage(taken)).toBe('Cet identifiant existe déjà. Choisissez-en un autre.');

    const other = createApi({ baseUrl: BASE_URL, fetch: f, getToken: () => auth['other'] });
    const session = await other.login('client.test', 'mot-de-passe', 'Tablette du client');
    auth['other'] = session.token;
    const patched = await admin.updateUser(id, { displayName: 'Client Renommé', active: false });
    expect(patched).toMatchObject({ id, displayName: 'Client Renommé', active: false, revokedDevices: 1 });
    await expect(other.me()).rejects.toBeInstanceOf(RevokedError);

    const bad = await admin.updateUser(id, { password: 'court' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).body?.field).toBe('password');

    await admin.updateUser(id, { active: true });
    const again = createApi({ baseUrl: BASE_URL, fetch: f, getToken: () => auth['again'] });
    const s2 = await again.login('client.test', 'mot-de-passe', 'Tablette 2');
    auth['again'] = s2.token;
    await admin.revokeDevice(s2.deviceId);
    await expect(again.me()).rejects.toBeInstanceOf(RevokedError);
  });

  it('an unreachable server is « offline » for the admin screens', async () => {
    const admin = createAdminApi(createApi({ baseUrl: BASE_URL, fetch: () => Promise.reject(new TypeError('fetch failed')) }));
    const e = await admin.listUsers().catch((x: unknown) => x);
    expect(isOffline(e)).toBe(true);
  });
});
