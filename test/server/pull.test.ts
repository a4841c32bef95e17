// Pulling as each role does: only what the user may read (log entry visibilities, no diagnostic
// for the salarié, confidential fields and their clocks stripped), every record exactly once
// across small pages, a reset when an ETI's team changes, a tombstone when an entry turns private.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulledChange } from '../../src/sync/protocol';
import { backends, byId, change, Harness, newId, world } from './harness';

type World = Awaited<ReturnType<typeof world>>;
const ids = (changes: PulledChange[]) => new Set(changes.map((c) => c.id));

describe.each(backends)('pull ($name)', (backend) => {
  let h: Harness;
  let w: World;
  const rec: Record<string, string> = {};
  beforeAll(async () => {
    h = await Harness.create(backend);
    w = await world(h);
    const log = (key: string, salarieId: string, authorId: string, visibility: string) => {
      rec[key] = newId();
      return change('logEntry', { salarieId, authorId, date: '2026-09-01', category: 'technique', text: `note ${key}`, visibility, alert: false }, { id: rec[key] });
    };
    await h.pushOk(w.eti1.token, [
      log('privateEti1', w.sal1, w.eti1.id, 'private'),
      log('team1', w.sal1, w.eti1.id, 'team'),
      log('shared1', w.sal1, w.eti1.id, 'salarie'),
    ]);
    await h.pushOk(w.eti2.token, [log('team2', w.sal2, w.eti2.id, 'team')]);
    await h.pushOk(w.co, [log('privateCo', w.sal1, w.s.coordinator.id, 'private')]);
    rec['diag1'] = newId();
    rec['time1'] = newId();
    rec['time2'] = newId();
    rec['contract1'] = newId();
    rec['review1'] = newId();
    rec['review2'] = newId();
    await h.pushOk(w.co, [
      change('diagnostic', { salarieId: w.sal1, date: '2026-09-01', levels: { logement: 2 } }, { id: rec['diag1'] }),
      change('timeEntry', { salarieId: w.sal1, date: '2026-09-01', hours: 7 }, { id: rec['time1'] }),
      change('timeEntry', { salarieId: w.sal2, date: '2026-09-01', hours: 6 }, { id: rec['time2'] }),
      change('contract', { salarieId: w.sal1, type: 'cddi', start: '2026-01-05', end: '2026-07-04', weeklyHours: 26, notes: 'confidentiel' }, { id: rec['contract1'] }),
      change('review', { logEntryId: rec['team1']!, reviewerId: w.s.coordinator.id, at: '2026-09-02T10:00:00Z' }, { id: rec['review1'] }),
      change('review', { logEntryId: rec['team2']!, reviewerId: w.s.coordinator.id, at: '2026-09-02T10:00:00Z' }, { id: rec['review2'] }),
    ]);
  });
  afterAll(() => h.close());

  it('gives the coordinator everything but other people’s private entries, with structureId', async () => {
    const { changes } = await h.pullAll(w.co);
    const got = ids(changes);
    for (const k of ['team1', 'shared1', 'team2', 'privateCo', 'diag1', 'time1', 'time2', 'review1', 'review2']) expect(got.has(rec[k]!), k).toBe(true);
    expect(got.has(rec['privateEti1']!)).toBe(false);
    expect(changes.every((c) => c.fields['structureId'] === w.s.id)).toBe(true);
    expect(byId(changes).get(w.sal1)?.fields['confidentialNotes']).toBe('suivi santé');
  });

  it('gives an ETI their teams’ salariés only, their own private entries, and reviews of their entries', async () => {
    const got = ids((await h.pullAll(w.eti1.token)).changes);
    for (const k of ['privateEti1', 'team1', 'shared1', 'diag1', 'time1', 'contract1', 'review1']) expect(got.has(rec[k]!), k).toBe(true);
    for (const k of ['team2', 'privateCo', 'time2', 'review2']) expect(got.has(rec[k]!), k).toBe(false);
    expect(got.has(w.sal1)).toBe(true);
    expect(got.has(w.sal2)).toBe(false);
    expect(got.has(w.team1)).toBe(true);
    expect(got.has(w.team2)).toBe(false);
  });

  it('gives a salarié their own shared entries, never a diagnostic, without confidential fields or their clocks', async () => {
    const { changes } = await h.pullAll(w.salarie1.token);
    const got = ids(changes);
    for (const k of ['shared1', 'time1', 'contract1']) expect(got.has(rec[k]!), k).toBe(true);
    for (const k of ['privateEti1', 'team1', 'team2', 'privateCo', 'diag1', 'time2', 'review1']) expect(got.has(rec[k]!), k).toBe(false);
    expect(changes.some((c) => c.entity === 'diagnostic' || c.entity === 'user' || c.entity === 'team')).toBe(false);
    const me = byId(changes).get(w.sal1);
    expect(me?.fields).toMatchObject({ firstName: 'Amina', phone: '0600000000' });
    expect(me?.fields).not.toHaveProperty('confidentialNotes');
    expect(me?.clocks).not.toHaveProperty('confidentialNotes');
    const contract = byId(changes).get(rec['contract1']!);
    expect(contract?.fields).not.toHaveProperty('notes');
    expect(contract?.clocks).not.toHaveProperty('notes');
    expect(JSON.stringify(changes)).not.toContain('confidentiel');
  });

  it('gives another structure nothing of this one', async () => {
    const other = await h.structure('Ailleurs');
    const { changes } = await h.pullAll(other.coordinator.token);
    expect(changes.every((c) => c.fields['structureId'] === other.id)).toBe(true);
    expect(ids(changes).has(w.sal1)).toBe(false);
  });

  it('returns every readable record exactly once across small pages, in commit order', async () => {
    for (const token of [w.co, w.eti1.token, w.salarie1.token]) {
      const whole = (await h.pullAll(token)).changes.map((c) => c.id);
      for (const limit of [1, 2, 3, 7]) {
        const paged = await h.pullAll(token, undefined, limit);
        expect(paged.changes.map((c) => c.id)).toEqual(whole);
        expect(paged.pages).toBeGreaterThanOrEqual(Math.ceil(whole.length / limit));
      }
    }
  });

  it('sends nothing new to an up-to-date device, then only what changed', async () => {
    const { cursor } = await h.pullAll(w.eti1.token);
    const idle = await h.pull(w.eti1.token, cursor);
    expect(idle.body).toMatchObject({ changes: [], hasMore: false });
    expect(idle.body.reset).toBeUndefined();
    await h.pushOk(w.co, [change('timeEntry', { hours: 8 }, { id: rec['time1'] }), change('timeEntry', { hours: 5 }, { id: rec['time2'] })]);
    const next = await h.pullAll(w.eti1.token, cursor);
    expect(next.changes.map((c) => c.id)).toEqual([rec['time1']]);
    expect(next.changes[0]?.fields['hours']).toBe(8);
  });

  it('clamps a large limit and answers 400 to a malformed one or a malformed cursor', async () => {
    expect((await h.pull(w.co, undefined, 1_000_000)).status).toBe(200);
    for (const q of ['limit=0', 'limit=-1', 'limit=abc', 'limit=1.5', 'since=%%%', 'since=bm90LWpzb24', `since=${Buffer.from('{"v":1,"seq":-3,"scope":"x"}').toString('base64url')}`]) {
      const r = await h.request('GET', `/api/sync/pull?${q}`, { token: w.co });
      expect(r.status, q).toBe(400);
      expect(r.body).toMatchObject({ field: expect.stringMatching(/^(limit|since)$/) });
    }
  });

  it('resets an ETI’s view when their team gains then loses a salarié', async () => {
    const eti = w.eti2;
    const before = await h.pullAll(eti.token);
    expect(ids(before.changes).has(w.sal1)).toBe(false);
    const membership = newId();
    await h.pushOk(w.co, [change('membership', { teamId: w.team2, salarieId: w.sal1, from: '2020-01-01' }, { id: membership })]);
    const gained = await h.pullAll(eti.token, before.cursor);
    expect(gained.reset).toBe(true);
    // The whole current view, including what was already there before the cursor.
    const got = ids(gained.changes);
    for (const id of [w.sal1, w.sal2, rec['time1']!, rec['diag1']!, rec['team1']!, w.team2]) expect(got.has(id)).toBe(true);
    expect(got.has(rec['privateEti1']!)).toBe(false);

    await h.pushOk(w.co, [change('membership', { to: '2021-01-01' }, { id: membership })]);
    const lost = await h.pullAll(eti.token, gained.cursor);
    expect(lost.reset).toBe(true);
    const now = ids(lost.changes);
    expect(now.has(w.sal1)).toBe(false);
    expect(now.has(rec['time1']!)).toBe(false);
    expect(now.has(w.sal2)).toBe(true);
    // Next pull is an ordinary one again.
    expect((await h.pull(eti.token, lost.cursor)).body.reset).toBeUndefined();
  });

  it('resets when a cursor of another user is used', async () => {
    const { cursor } = await h.pullAll(w.eti1.token);
    const r = await h.pull(w.co, cursor);
    expect(r.body.reset).toBe(true);
  });

  it('sends a tombstone to a salarié for an entry made private after they pulled it, and only then', async () => {
    const shared = newId();
    const teamOnly = newId();
    const base = { salarieId: w.sal1, authorId: w.eti1.id, date: '2026-09-03', category: 'entretien', text: 'Bilan', alert: false };
    await h.pushOk(w.eti1.token, [
      change('logEntry', { ...base, visibility: 'salarie' }, { id: shared }),
      change('logEntry', { ...base, visibility: 'team' }, { id: teamOnly }),
    ]);
    const first = await h.pullAll(w.salarie1.token);
    expect(ids(first.changes).has(shared)).toBe(true);
    await h.pushOk(w.eti1.token, [
      change('logEntry', { visibility: 'private' }, { id: shared }),
      change('logEntry', { visibility: 'private' }, { id: teamOnly }),
    ]);
    const next = await h.pullAll(w.salarie1.token, first.cursor);
    expect(next.reset).toBe(false);
    expect(next.changes).toEqual([{ entity: 'logEntry', id: shared, deleted: true, fields: {}, clocks: {} }]);
    // A device starting from scratch gets no tombstone at all.
    const fresh = await h.pullAll(w.salarie1.token);
    expect(ids(fresh.changes).has(shared)).toBe(false);
    expect(fresh.changes.some((c) => c.deleted)).toBe(false);
    // The ETI who wrote it still sees it.
    expect(byId((await h.pullAll(w.eti1.token)).changes).get(shared)?.fields['visibility']).toBe('private');
  });

  it('gives a salarié the slots they are assigned to, and a new view when the assignment moves', async () => {
    const slotA = newId();
    const slotB = newId();
    const asg = newId();
    await h.pushOk(w.eti1.token, [
      change('planningSlot', { teamId: w.team1, date: '2026-09-10', label: 'Haies' }, { id: slotA }),
      change('planningSlot', { teamId: w.team1, date: '2026-09-11', label: 'Tonte' }, { id: slotB }),
      change('assignment', { salarieId: w.sal1, slotId: slotA, task: 'Taille de haies' }, { id: asg }),
    ]);
    const first = await h.pullAll(w.salarie1.token);
    const got = ids(first.changes);
    expect(got.has(slotA) && got.has(asg)).toBe(true);
    expect(got.has(slotB)).toBe(false);
    await h.pushOk(w.eti1.token, [change('assignment', { slotId: slotB }, { id: asg })]);
    const next = await h.pullAll(w.salarie1.token, first.cursor);
    expect(next.reset).toBe(true);
    const now = ids(next.changes);
    expect(now.has(slotB) && now.has(asg)).toBe(true);
    expect(now.has(slotA)).toBe(false);
  });

  it('sends a tombstone when a record moves to another salarié', async () => {
    const eval1 = newId();
    await h.pushOk(w.eti1.token, [change('evaluation', { salarieId: w.sal1, competenceId: newId(), level: 2, context: 'production', date: '2026-09-04', evaluatorId: w.eti1.id }, { id: eval1 })]);
    const first = await h.pullAll(w.salarie1.token);
    expect(ids(first.changes).has(eval1)).toBe(true);
    await h.pushOk(w.co, [change('evaluation', { salarieId: w.sal2 }, { id: eval1 })]);
    const next = await h.pullAll(w.salarie1.token, first.cursor);
    expect(next.changes).toContainEqual({ entity: 'evaluation', id: eval1, deleted: true, fields: {}, clocks: {} });
  });
});
