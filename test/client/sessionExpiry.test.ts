// A tablet whose session lapsed unused (issue 13) against the real server with its clock moved
// forward: the sync stops with the French message, the person is signed out, and nothing is
// erased — records and unsent changes stay. The same person signing in again gets them back and
// the next sync sends them; someone else gets an empty tablet, and the previous person's unsent
// change never reaches the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/ids';
import type { FetchLike } from '../../src/client/api';
import { createSessionStore } from '../../src/client/stores/session';
import { startServer, type RunningServer } from '../../src/server/main';
import { signedIn, type TestDevice } from './harness';

const DAY = 86_400_000;
let clock = Date.now();
let server: RunningServer;
let dataDir: string;
let f: FetchLike;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tremplin-expiry-'));
  server = await startServer({ port: 0, dataDir, demo: true, quiet: true, distDir: null, host: '127.0.0.1', now: () => clock });
  f = (input, init) => globalThis.fetch(input.replace(/^https?:\/\/tremplin\.test/, server.url), init);
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A team log entry written on the tablet (not yet sent); returns its id. */
async function writeOffline(d: TestDevice, text: string): Promise<string> {
  const me = d.session.getState().session!;
  const salarieId = (await d.queries.records.list('membership'))[0]!.salarieId;
  const id = uuidv7();
  await d.repo.write('logEntry', id, { salarieId, authorId: me.user.id, date: '2026-11-20', category: 'technique', text, visibility: 'team', alert: false });
  return id;
}

async function onServer(id: string): Promise<boolean> {
  const { rows } = await server.db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'logEntry' AND id = $1`, [id]);
  return rows.length === 1;
}

/** The tablet left unused past the 14-day limit, then its sync tried. */
async function lapse(d: TestDevice) {
  clock += 15 * DAY;
  return d.engine.syncOnce();
}

describe('an expired session', () => {
  it('signs the person out with a French message and keeps the records and the unsent changes', async () => {
    const d = await signedIn(f, 'eti1');
    expect((await d.engine.syncOnce()).ok).toBe(true);
    const salaries = await d.db.table('salarie').count();
    expect(salaries).toBeGreaterThan(0);
    const id = await writeOffline(d, 'Écrit au chantier, sans réseau depuis deux semaines.');

    const outcome = await lapse(d);
    expect(outcome).toMatchObject({ ok: false, retry: false });
    expect(d.status.getState().error).toEqual({
      code: 'session_expired',
      message: 'Votre session a expiré : reconnectez-vous. Vos saisies non envoyées sont gardées sur cette tablette.',
    });
    expect(d.status.getState()).toMatchObject({ revoked: false, pending: 1 });
    expect(d.session.getState()).toMatchObject({ status: 'signedOut', signedOutReason: 'expired', expiredUser: { displayName: expect.any(String) } });
    expect((await d.factory.databases()).map((x) => x.name)).toContain(d.dbName);
    expect(await d.db.table('salarie').count()).toBe(salaries);
    expect(await d.db.outbox.count()).toBe(1);
    expect((await d.queries.records.get('logEntry', id))?.text).toContain('sans réseau');
    expect(await onServer(id)).toBe(false);

    // The app reopened the next morning (another tab, or after the reload) still says why.
    const reopened = createSessionStore({ db: d.db, api: d.api });
    await reopened.getState().load();
    expect(reopened.getState()).toMatchObject({ status: 'signedOut', signedOutReason: 'expired' });
  });

  it('sends the kept changes once the same person signs in again', async () => {
    const d = await signedIn(f, 'eti1');
    await d.engine.syncOnce();
    const id = await writeOffline(d, 'Gardé pendant l’expiration.');
    await lapse(d);
    expect(d.session.getState().status).toBe('signedOut');

    expect(await d.session.getState().login('eti1', 'tremplin')).toBe(true);
    expect(d.session.getState()).toMatchObject({ status: 'signedIn', signedOutReason: undefined, expiredUser: undefined });
    expect(await d.db.outbox.count()).toBe(1);
    const outcome = await d.engine.syncOnce();
    expect(outcome).toMatchObject({ ok: true, pushed: 1 });
    expect(await d.db.outbox.count()).toBe(0);
    expect(await onServer(id)).toBe(true);
    expect(d.status.getState().error).toBeUndefined();
  });

  it('gives someone else an empty tablet and never sends the previous person’s unsent change', async () => {
    const d = await signedIn(f, 'eti1');
    await d.engine.syncOnce();
    const id = await writeOffline(d, 'Ne doit pas partir sous un autre nom.');
    await lapse(d);

    expect(await d.session.getState().login('eti2', 'tremplin')).toBe(true);
    expect(await d.db.outbox.count()).toBe(0);
    expect(await d.queries.records.get('logEntry', id)).toBeUndefined();
    expect(await d.engine.syncOnce()).toMatchObject({ ok: true, pushed: 0 });
    expect(await onServer(id)).toBe(false);
  });
});
