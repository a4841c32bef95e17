// The device's sync engine against the real server (PGlite, demo structure): what one tablet
// writes reaches the others; a pending edit is not overwritten by a pull yet ends equal to the
// server; refused changes are undone and listed; a crash mid-page loses nothing; a reset
// drops what the user may no longer see; a revoked tablet erases itself; 426 stops sync.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/ids';
import type { FetchLike } from '../../src/client/api';
import { META } from '../../src/client/db';
import { OTHER_TAB_RETRY_MS } from '../../src/client/syncEngine';
import { PROTOCOL_HEADER } from '../../src/sync/protocol';
import { call, signedIn, tokenOf, type TestDevice, type TestServer, useTestServer } from './harness';
import { diffSnapshots, snapshot } from './snapshot';

let srv: TestServer;
let f: FetchLike;

useTestServer((server, fetch) => { srv = server; f = fetch; });

const todayParis = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

function userOf(d: TestDevice) {
  const s = d.session.getState().session;
  if (!s) throw new Error('not signed in');
  return s.user;
}

/** Salariés with a current membership in one of the ETI's teams, as the device sees them. */
async function salariesOf(d: TestDevice): Promise<string[]> {
  const me = userOf(d).id;
  const teams = (await d.queries.records.list('team')).filter((t) => t.etiUserIds.includes(me)).map((t) => t.id);
  const today = todayParis();
  const members = (await d.queries.records.list('membership')).filter((m) => teams.includes(m.teamId) && m.from <= today && (m.to == null || m.to >= today));
  return [...new Set(members.map((m) => m.salarieId))].sort();
}

async function expectSameAsFreshDevice(d: TestDevice, login: string): Promise<void> {
  const fresh = await signedIn(f, login);
  expect((await fresh.engine.syncOnce()).ok).toBe(true);
  expect(diffSnapshots(await snapshot(d.db), await snapshot(fresh.db))).toEqual([]);
}

function logEntry(d: TestDevice, salarieId: string, text: string, visibility: 'private' | 'team' | 'salarie' = 'team') {
  return { salarieId, authorId: userOf(d).id, date: todayParis(), category: 'technique' as const, text, visibility, alert: false };
}

describe('sync engine against the real server', () => {
  it('carries a write from one tablet to another and back', async () => {
    const eti = await signedIn(f, 'eti1');
    const coord = await signedIn(f, 'coordination');
    expect((await eti.engine.syncOnce()).ok).toBe(true);
    expect((await coord.engine.syncOnce()).ok).toBe(true);

    const [salarie] = await salariesOf(eti);
    const id = uuidv7();
    await eti.repo.write('logEntry', id, logEntry(eti, salarie!, 'Haie taillée proprement.'));
    expect(eti.status.getState().pending).toBe(0); // not refreshed until a sync or a liveQuery
    const pushed = await eti.engine.syncOnce();
    expect(pushed).toMatchObject({ ok: true, pushed: 1, rejected: 0 });
    expect(eti.status.getState()).toMatchObject({ pending: 0, online: true, syncing: false, error: undefined });

    await coord.engine.syncOnce();
    expect((await coord.queries.records.get('logEntry', id))?.text).toBe('Haie taillée proprement.');
    await coord.repo.write('logEntry', id, { alert: true });
    await coord.engine.syncOnce();
    await eti.engine.syncOnce();
    const seen = await eti.queries.records.get('logEntry', id);
    expect(seen).toMatchObject({ text: 'Haie taillée proprement.', alert: true });
    expect(await eti.db.outbox.count()).toBe(0);
    await expectSameAsFreshDevice(eti, 'eti1');
  });

  it('never lets a pull overwrite a pending local edit, and still ends equal to the server', async () => {
    // The coordinator's tablet runs 5 minutes ahead, so its edit is "later" than the ETI's.
    const ahead = () => Date.now() + 5 * 60_000;
    const coord = await signedIn(f, 'coordination', { now: ahead });
    let beforePull: (() => Promise<void>) | undefined;
    const hooked: FetchLike = async (input, init) => {
      if (input.includes('/api/sync/pull') && beforePull) {
        const run = beforePull;
        beforePull = undefined;
        await run();
      }
      return f(input, init);
    };
    const eti = await signedIn(hooked, 'eti1');
    await eti.engine.syncOnce();
    await coord.engine.syncOnce();
    const [salarie] = await salariesOf(eti);
    const id = uuidv7();
    await eti.repo.write('logEntry', id, logEntry(eti, salarie!, 'Première version.'));
    await eti.engine.syncOnce();
    await coord.engine.syncOnce();

    await coord.repo.write('logEntry', id, { text: 'Version de la coordination.' });
    await coord.engine.syncOnce();
    // The ETI edits while its sync is running: after the push, before the pull.
    beforePull = async () => {
      await eti.repo.write('logEntry', id, { text: 'Version de l’ETI, pas encore envoyée.' });
    };
    expect((await eti.engine.syncOnce()).ok).toBe(true);
    // The pulled text is newer, but the local edit has not been sent: it stays on screen.
    expect((await eti.queries.records.get('logEntry', id))?.text).toBe('Version de l’ETI, pas encore envoyée.');
    expect(await eti.db.outbox.count()).toBe(1);
    // Once sent, the ETI's edit loses to the later one (per-field LWW), here as on the server.
    expect((await eti.engine.syncOnce()).ok).toBe(true);
    expect((await eti.queries.records.get('logEntry', id))?.text).toBe('Version de la coordination.');
    expect(await eti.db.outbox.count()).toBe(0);
    await expectSameAsFreshDevice(eti, 'eti1');
  });

  it('keeps the pending value while the change is unanswered', async () => {
    const ahead = () => Date.now() + 5 * 60_000;
    const coord = await signedIn(f, 'coordination', { now: ahead });
    // This ETI's server forgets to answer pushes (no result for the change): it stays pending.
    let answerPushes = true;
    const forgetful: FetchLike = async (input, init) => {
      const res = await f(input, init);
      if (!answerPushes && input.includes('/api/sync/push')) {
        const body = (await res.json()) as { serverHlc: string };
        return new Response(JSON.stringify({ results: [], serverHlc: body.serverHlc }), { status: 200 });
      }
      return res;
    };
    const eti = await signedIn(forgetful, 'eti1');
    await eti.engine.syncOnce();
    await coord.engine.syncOnce();
    const [salarie] = await salariesOf(eti);
    const id = uuidv7();
    await eti.repo.write('logEntry', id, logEntry(eti, salarie!, 'Avant.'));
    await eti.engine.syncOnce();
    await coord.engine.syncOnce();

    await eti.repo.write('logEntry', id, { text: 'ETI hors ligne.' });
    await coord.repo.write('logEntry', id, { text: 'Coordination, plus tard.', alert: true });
    await coord.engine.syncOnce();
    answerPushes = false;
    expect((await eti.engine.syncOnce()).ok).toBe(true);
    // The pulled text is newer but the local edit is pending: it stays; the other field lands.
    expect(await eti.queries.records.get('logEntry', id)).toMatchObject({ text: 'ETI hors ligne.', alert: true });
    expect(await eti.db.outbox.count()).toBe(1);
    answerPushes = true;
    expect((await eti.engine.syncOnce()).ok).toBe(true);
    expect(await eti.queries.records.get('logEntry', id)).toMatchObject({ text: 'Coordination, plus tard.', alert: true });
    await expectSameAsFreshDevice(eti, 'eti1');
  });

  it('rolls back refused changes and lists them for the user', async () => {
    const eti = await signedIn(f, 'eti1');
    await eti.engine.syncOnce();
    const closed = new Set((await eti.queries.records.list('monthClose')).map((m) => m.month));
    expect(closed.size).toBeGreaterThan(0);
    const entry = (await eti.queries.records.list('timeEntry')).find((t) => closed.has(t.date.slice(0, 7)));
    expect(entry).toBeDefined();
    const newHours = entry!.hours === 7 ? 6 : 7;
    await eti.repo.write('timeEntry', entry!.id, { hours: newHours });
    const created = uuidv7();
    await eti.repo.write('timeEntry', created, { salarieId: entry!.salarieId, date: entry!.date.slice(0, 7) + '-28', hours: 3 });
    const [salarie] = await salariesOf(eti);
    const accepted = uuidv7();
    await eti.repo.write('logEntry', accepted, logEntry(eti, salarie!, 'Acceptée, elle.'));

    const out = await eti.engine.syncOnce();
    expect(out).toMatchObject({ ok: true, rejected: 2 });
    expect((await eti.queries.records.get('timeEntry', entry!.id))?.hours).toBe(entry!.hours);
    expect(await eti.queries.records.get('timeEntry', created)).toBeUndefined();
    expect(await eti.queries.records.get('logEntry', accepted)).toBeDefined();
    const refused = await eti.db.rejected.toArray();
    expect(refused.map((r) => [r.id, r.reason])).toEqual([[entry!.id, 'month_closed'], [created, 'month_closed']]);
    expect(refused[0]!.what).toBe('Relevé d’heures : modification de Heures travaillées');
    expect(refused[1]!.what).toBe('Relevé d’heures : création');
    expect(refused[0]!.message).toMatch(/mois/);
    expect(eti.status.getState()).toMatchObject({ rejectedCount: 2, pending: 0 });
    const listed = await eti.db.rejected.orderBy('seq').reverse().toArray();
    expect(listed.map((r) => r.id)).toEqual([created, entry!.id]);
    await eti.repo.dismissRejected(listed[0]!.seq!);
    expect(await eti.db.rejected.orderBy('seq').reverse().toArray()).toHaveLength(1);

    // A salarié may read their hours but not change them.
    const sal = await signedIn(f, 'salarie1');
    await sal.engine.syncOnce();
    const own = (await sal.queries.records.list('timeEntry'))[0]!;
    await sal.repo.write('timeEntry', own.id, { hours: own.hours === 1 ? 2 : 1 });
    expect(await sal.engine.syncOnce()).toMatchObject({ ok: true, rejected: 1 });
    expect((await sal.queries.records.get('timeEntry', own.id))?.hours).toBe(own.hours);
    expect((await sal.db.rejected.toArray())[0]).toMatchObject({ reason: 'forbidden' });
    await expectSameAsFreshDevice(eti, 'eti1');
    await expectSameAsFreshDevice(sal, 'salarie1');
  });

  it('saves the cursor only with its page: a crash mid-apply loses nothing', async () => {
    let pages = 0;
    let crash = true;
    const eti = await signedIn(f, 'eti2', {
      engine: {
        pullLimit: 100,
        hooks: {
          beforePageCommit: () => {
            pages++;
            if (crash && pages === 3) throw new Error('onglet fermé pendant la synchronisation');
          },
        },
      },
    });
    const out = await eti.engine.syncOnce();
    expect(out.ok).toBe(false);
    expect(eti.status.getState().error?.code).toBe('unknown');
    // Two pages made it, with the second page's cursor; the third left no trace.
    const stored = (await snapshot(eti.db)).size;
    expect(stored).toBeGreaterThan(100);
    expect(stored).toBeLessThanOrEqual(200);
    const cursor = (await eti.db.meta.get(META.cursor))?.value;
    expect(typeof cursor).toBe('string');

    crash = false;
    expect((await eti.engine.syncOnce()).ok).toBe(true);
    await expectSameAsFreshDevice(eti, 'eti2');
  });

  it('drops what the user may no longer see when a salarié leaves the team', async () => {
    let beforePull: (() => Promise<void>) | undefined;
    const hooked: FetchLike = async (input, init) => {
      if (input.includes('/api/sync/pull') && beforePull) {
        const run = beforePull;
        beforePull = undefined;
        await run();
      }
      return f(input, init);
    };
    const eti = await signedIn(hooked, 'eti1');
    const coord = await signedIn(f, 'coordination');
    await eti.engine.syncOnce();
    await coord.engine.syncOnce();
    const logins = new Set((await coord.queries.records.list('user')).map((u) => u.salarieId).filter((s) => typeof s === 'string'));
    const mine = await salariesOf(eti);
    const leaving = mine.find((s) => !logins.has(s));
    const staying = mine.find((s) => s !== leaving);
    expect(leaving).toBeDefined();
    const gone = uuidv7();
    const stays = uuidv7();
    await eti.repo.write('logEntry', gone, logEntry(eti, leaving!, 'Sur le départ.'));
    await eti.repo.write('logEntry', stays, logEntry(eti, staying!, 'Reste dans l’équipe.'));
    await eti.engine.syncOnce();
    const about = async () => [...(await snapshot(eti.db)).values()].filter((r) => r.fields['salarieId'] === leaving || r.id === leaving);
    expect((await about()).length).toBeGreaterThan(3);

    for (const m of await coord.queries.records.where('membership', 'salarieId', leaving!)) await coord.repo.remove('membership', m.id);
    await coord.engine.syncOnce();
    // The ETI edits both entries while its sync runs, just before the pull that resets.
    beforePull = async () => {
      await eti.repo.write('logEntry', stays, { text: 'Modifié pendant la réinitialisation.' });
      await eti.repo.write('logEntry', gone, { text: 'Modifié trop tard.' });
    };
    expect((await eti.engine.syncOnce()).ok).toBe(true);
    // Unsent work is kept through the reset; everything else about the salarié is gone.
    expect((await about()).map((r) => r.id)).toEqual([gone]);
    expect((await eti.queries.records.get('logEntry', stays))?.text).toBe('Modifié pendant la réinitialisation.');

    // Sent: the edit on the salarié who left is refused, and the entry leaves the tablet.
    expect(await eti.engine.syncOnce()).toMatchObject({ ok: true, rejected: 1 });
    expect(await about()).toEqual([]);
    expect((await eti.db.rejected.toArray()).map((r) => [r.id, r.reason])).toEqual([[gone, 'forbidden']]);
    expect((await eti.queries.records.get('logEntry', stays))?.text).toBe('Modifié pendant la réinitialisation.');
    await expectSameAsFreshDevice(eti, 'eti1');
  });

  it('starts over with a reset when the server does not recognise the cursor', async () => {
    const eti = await signedIn(f, 'eti2');
    await eti.engine.syncOnce();
    // Something the server no longer has (e.g. the tablet was synced with a restored backup).
    const stale = uuidv7();
    const { META: M, toLocal } = await import('../../src/client/db');
    await eti.db.table('logEntry').put(toLocal('logEntry', stale, { fields: logEntry(eti, (await salariesOf(eti))[0]!, 'Fantôme'), clocks: {}, deleted: false }, userOf(eti).structureId));
    await eti.db.meta.put({ key: M.cursor, value: 'pas-un-curseur' });
    expect((await eti.engine.syncOnce()).ok).toBe(true);
    expect(await eti.queries.records.get('logEntry', stale)).toBeUndefined();
    await expectSameAsFreshDevice(eti, 'eti2');
  });

  it('erases a revoked tablet, pending changes included', async () => {
    const eti = await signedIn(f, 'eti2');
    const coord = await signedIn(f, 'coordination');
    await eti.engine.syncOnce();
    const [salarie] = await salariesOf(eti);
    await eti.repo.write('logEntry', uuidv7(), logEntry(eti, salarie!, 'Note confidentielle.'));
    const deviceId = eti.session.getState().session!.deviceId;
    const res = await call(srv, tokenOf(coord), 'POST', `/api/devices/${deviceId}/revoke`);
    expect(res.status).toBe(200);

    const out = await eti.engine.syncOnce();
    expect(out).toMatchObject({ ok: false, retry: false });
    expect(eti.status.getState()).toMatchObject({ revoked: true, error: { code: 'revoked' } });
    expect(eti.session.getState()).toMatchObject({ status: 'signedOut', signedOutReason: 'revoked' });
    const names = (await eti.factory.databases()).map((d) => d.name);
    expect(names).not.toContain(eti.dbName);
    expect(await eti.db.outbox.count()).toBe(0); // reopened empty
    expect(await eti.db.table('salarie').count()).toBe(0);
    expect(await eti.db.meta.get(META.session)).toBeUndefined();
  });

  it('stops and asks for an update when the server answers 426', async () => {
    let outdated = false;
    const maybeOld: FetchLike = (input, init) => {
      if (!outdated) return f(input, init);
      const headers = new Headers(init?.headers);
      headers.set(PROTOCOL_HEADER, '0'); // what an app the server no longer supports sends
      return f(input, { ...init, headers });
    };
    const timers: unknown[] = [];
    const eti = await signedIn(maybeOld, 'eti1', { engine: { timers: { setTimeout: (fn) => timers.push(fn), clearTimeout: () => undefined } } });
    await eti.engine.syncOnce();
    const [salarie] = await salariesOf(eti);
    await eti.repo.write('logEntry', uuidv7(), logEntry(eti, salarie!, 'En attente de mise à jour.'));
    outdated = true;
    expect(await eti.engine.requestSync()).toMatchObject({ ok: false, retry: false });
    expect(eti.status.getState()).toMatchObject({ updateRequired: true, error: { code: 'update_required' } });
    expect(timers).toHaveLength(0); // no retry scheduled
    expect(await eti.engine.syncOnce()).toMatchObject({ ok: false, retry: false });
    expect(await eti.db.outbox.count()).toBe(1); // the change waits for the updated app
  });

  it('keeps the outbox when the tablet’s storage is full, and says so', async () => {
    const timers: unknown[] = [];
    const eti = await signedIn(f, 'eti1', { engine: { timers: { setTimeout: (fn) => timers.push(fn), clearTimeout: () => undefined } } });
    await eti.engine.syncOnce();
    const [salarie] = await salariesOf(eti);
    const id = uuidv7();
    await eti.repo.write('logEntry', id, logEntry(eti, salarie!, 'Écrit avec un disque presque plein.'));
    let full = true;
    eti.db.outbox.hook('deleting', () => {
      if (full) throw new DOMException('Quota dépassé', 'QuotaExceededError');
    });
    // The server applies the change, but the tablet cannot record the answer.
    expect(await eti.engine.requestSync()).toMatchObject({ ok: false, retry: true });
    expect(eti.status.getState().error).toMatchObject({ code: 'quota' });
    expect(eti.status.getState().error?.message).toMatch(/mémoire de la tablette est pleine/);
    expect(await eti.db.outbox.count()).toBe(1);
    expect(timers).toHaveLength(1);
    full = false;
    expect(await eti.engine.requestSync()).toMatchObject({ ok: true });
    expect(await eti.db.outbox.count()).toBe(0);
    await expectSameAsFreshDevice(eti, 'eti1');
  });

  it('retries with backoff when the network fails, keeping the outbox', async () => {
    let offline = true;
    const flaky: FetchLike = async (input, init) => {
      if (offline && input.includes('/api/sync/')) throw new TypeError('fetch failed');
      return f(input, init);
    };
    const timers: { fn: () => void; ms: number }[] = [];
    const eti = await signedIn(flaky, 'eti1', {
      engine: { random: () => 0.5, timers: { setTimeout: (fn, ms) => timers.push({ fn, ms }), clearTimeout: () => undefined } },
    });
    const out1 = await eti.engine.requestSync();
    expect(out1).toMatchObject({ ok: false, retry: true });
    expect(eti.status.getState()).toMatchObject({ online: false, error: { code: 'network' } });
    await eti.engine.requestSync();
    expect(timers.map((t) => t.ms)).toEqual([1500, 3000]);
    offline = false;
    expect(await eti.engine.requestSync()).toMatchObject({ ok: true });
    expect(eti.status.getState()).toMatchObject({ online: true, error: undefined });
    offline = true;
    await eti.engine.requestSync();
    expect(timers.at(-1)!.ms).toBe(1500); // backoff reset after the success
  });

  it('tries again shortly while another tab holds the sync and a change waits here', async () => {
    const timers: { fn: () => void; ms: number }[] = [];
    let otherTabSyncing = true;
    const eti = await signedIn(f, 'eti1', {
      engine: {
        timers: { setTimeout: (fn, ms) => timers.push({ fn, ms }), clearTimeout: () => undefined },
        runExclusive: async (fn) => (otherTabSyncing ? undefined : fn()),
      },
    });
    otherTabSyncing = false;
    await eti.engine.requestSync();
    otherTabSyncing = true;
    expect(await eti.engine.requestSync()).toBeUndefined();
    expect(timers).toHaveLength(0); // nothing waits here: nothing to retry
    const [salarie] = await salariesOf(eti);
    await eti.repo.write('logEntry', uuidv7(), logEntry(eti, salarie!, 'Écrit pendant la synchro de l’autre onglet.'));
    expect(await eti.engine.requestSync()).toBeUndefined();
    expect(timers.map((t) => t.ms)).toEqual([OTHER_TAB_RETRY_MS]);
    otherTabSyncing = false;
    timers[0]!.fn();
    await expect.poll(() => eti.db.outbox.count()).toBe(0);
  });
});
