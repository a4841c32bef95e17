// The HTTP client: it always says which protocol it speaks and who is calling, and turns every
// way a request can fail into the error the sync engine acts on.
import { describe, expect, it } from 'vitest';
import { ApiError, createApi, NetworkError, RevokedError, UpdateRequiredError, type FetchLike } from '../../src/client/api';
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
