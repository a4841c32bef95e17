// Signing in and out on the tablet against the real server: the session and device id are
// kept, the clock takes the device id, another user never inherits the previous one's data,
// unsent changes block a plain sign-out, and signing out revokes the token and erases the
// database — in every tab.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/ids';
import { META } from '../../src/client/db';
import { createSessionStore } from '../../src/client/stores/session';
import { PendingChangesError, login, logout, LoginError } from '../../src/client/session';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/sync/protocol';
import type { FetchLike } from '../../src/client/api';
import { newDevice, signedIn, type TestServer, useTestServer } from './harness';

let srv: TestServer;
let f: FetchLike;

useTestServer((server, fetch) => { srv = server; f = fetch; });

describe('session', () => {
  it('keeps the session and makes the device id the clock’s node', async () => {
    const d = newDevice(f);
    const s = await login(d.db, d.api, { login: 'eti1', password: 'tremplin', deviceName: 'Tablette atelier' });
    expect(s.user).toMatchObject({ role: 'eti' });
    expect((await d.db.meta.get(META.session))?.value).toEqual(s);
    expect((await d.db.meta.get(META.deviceId))?.value).toBe(s.deviceId);
    expect(String((await d.db.meta.get(META.hlc))?.value).endsWith(`-${s.deviceId}`)).toBe(true);
    const store = createSessionStore({ db: d.db, api: d.api });
    await store.getState().load();
    expect(store.getState()).toMatchObject({ status: 'signedIn', session: s });
  });

  it('says in French that the credentials are wrong, without saying which', async () => {
    const d = newDevice(f);
    const err = await login(d.db, d.api, { login: 'eti1', password: 'mauvais', deviceName: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoginError);
    expect(err).toMatchObject({ code: 'credentials', message: 'Identifiant ou mot de passe incorrect.' });
    const store = createSessionStore({ db: d.db, api: d.api });
    expect(await store.getState().login('personne', 'tremplin')).toBe(false);
    expect(store.getState().error).toBe('Identifiant ou mot de passe incorrect.');
    const offline = newDevice(() => Promise.reject(new TypeError('fetch failed')));
    await expect(login(offline.db, offline.api, { login: 'eti1', password: 'tremplin', deviceName: 'x' })).rejects.toMatchObject({ code: 'network' });
  });

  it('empties the tablet when someone else signs in on it', async () => {
    const d = await signedIn(f, 'eti1');
    await d.engine.syncOnce();
    expect(await d.db.table('salarie').count()).toBeGreaterThan(0);
    const clockBefore = String((await d.db.meta.get(META.hlc))?.value);
    await d.session.getState().login('eti2', 'tremplin');
    expect(await d.db.table('salarie').count()).toBe(0);
    expect((await d.db.meta.get(META.cursor))?.value).toBeUndefined();
    expect(String((await d.db.meta.get(META.hlc))?.value).slice(0, 29) >= clockBefore.slice(0, 29)).toBe(true);
    // The same user signing in again keeps what is there (and what is unsent).
    await d.engine.syncOnce();
    const count = await d.db.table('salarie').count();
    await d.session.getState().login('eti2', 'tremplin');
    expect(await d.db.table('salarie').count()).toBe(count);
  });

  it('refuses a plain sign-out while changes are unsent, then revokes and erases', async () => {
    const d = await signedIn(f, 'eti1');
    await d.engine.syncOnce();
    const other = createSessionStore({ db: d.db, api: d.api }); // another tab of the same app
    await other.getState().load();
    const me = d.session.getState().session!;
    const salarie = (await d.queries.records.list('membership'))[0]!.salarieId;
    await d.repo.write('logEntry', uuidv7(), { salarieId: salarie, authorId: me.user.id, date: '2026-11-20', category: 'technique', text: 'Pas encore envoyé.', visibility: 'team', alert: false });

    await expect(logout(d.db, d.api)).rejects.toBeInstanceOf(PendingChangesError);
    expect(await d.session.getState().logout()).toBe(false);
    expect(d.session.getState().error).toMatch(/1 modification pas encore envoyée/);

    expect(await d.session.getState().logout({ discardPending: true })).toBe(true);
    expect(d.session.getState()).toMatchObject({ status: 'signedOut', signedOutReason: 'logout' });
    expect((await d.factory.databases()).map((x) => x.name)).not.toContain(d.dbName);
    const res = await f(`${srv.url}/api/me`, { headers: { Authorization: `Bearer ${me.token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) } });
    expect(res.status).toBe(401);
    await expect.poll(() => other.getState().status).toBe('signedOut');
  });
});
