// Pushing changes as devices do: applied, duplicate and rejected verdicts (forbidden, clock
// skew, closed month, invalid), malformed bodies refused whole with a 4xx naming the problem,
// and per-field last-writer-wins across devices with the losing value kept in the history.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../src/sync/protocol';
import { backends, byId, change, Harness, hlc, newId, world } from './harness';

type World = Awaited<ReturnType<typeof world>>;

describe.each(backends)('push ($name)', (backend) => {
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    h = await Harness.create(backend);
    w = await world(h);
  });
  afterAll(() => h.close());

  const timeEntry = (date: string, extra: Record<string, unknown> = {}) =>
    change('timeEntry', { salarieId: w.sal1, date, hours: 7, ...extra } as never);

  it('applies a change, answers duplicate for a repeated opId, and carries the server clock', async () => {
    const c = timeEntry('2026-09-01');
    const first = await h.request<{ results: unknown[]; serverHlc: string }>('POST', '/api/sync/push', { token: w.eti1.token, body: { changes: [c] } });
    expect(first.status).toBe(200);
    expect(first.body.results).toEqual([{ opId: c.opId, status: 'applied' }]);
    expect(first.body.serverHlc).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z-[0-9a-f]{4}-/);
    // The same opId again, even with another value, changes nothing.
    const again = await h.push(w.eti1.token, [{ ...c, hlc: hlc(1000), set: { ...c.set, hours: 1 } }]);
    expect(again).toEqual([{ opId: c.opId, status: 'duplicate' }]);
    const pulled = byId((await h.pullAll(w.co)).changes).get(c.id);
    expect(pulled?.fields['hours']).toBe(7);
  });

  it('answers duplicate for the second copy of an opId inside one push', async () => {
    const c = timeEntry('2026-09-02');
    const r = await h.push(w.eti1.token, [c, c]);
    expect(r.map((x) => x.status)).toEqual(['applied', 'duplicate']);
  });

  it('rejects writes outside the user’s rights as forbidden and changes nothing', async () => {
    const mine = timeEntry('2026-09-03');
    await h.pushOk(w.eti1.token, [mine]);
    const results = await h.push(w.eti2.token, [
      // ETI 2 writing hours of ETI 1's salarié.
      { ...timeEntry('2026-09-04') },
      // ...or editing ETI 1's entry.
      change('timeEntry', { hours: 1 }, { id: mine.id }),
      // ETI may only read a salarié's record.
      change('salarie', { firstName: 'X', lastName: 'Y' }),
      // A structureId that is not theirs.
      change('activity', { name: 'Tri', structureId: newId() } as never),
      // A log entry signed with someone else's id.
      change('logEntry', { salarieId: w.sal2, authorId: w.eti1.id, date: '2026-09-04', category: 'technique', text: 'x', visibility: 'team', alert: false }),
    ]);
    expect(results.map((r) => `${r.status}/${r.reason}`)).toEqual(Array(5).fill('rejected/forbidden'));
    const pulled = byId((await h.pullAll(w.co)).changes);
    expect(pulled.get(mine.id)?.fields['hours']).toBe(7);
  });

  it('rejects a change to another structure’s record as forbidden', async () => {
    const other = await h.structure('Autre');
    const sal = newId();
    await h.pushOk(other.coordinator.token, [change('salarie', { firstName: 'Zoé', lastName: 'Autre' }, { id: sal })]);
    const [r] = await h.push(w.co, [change('salarie', { firstName: 'Piratée' }, { id: sal })]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    const [s] = await h.push(w.co, [change('structure', { name: 'Piratée' }, { id: other.id })]);
    expect(s).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    const theirs = byId((await h.pullAll(other.coordinator.token)).changes);
    expect(theirs.get(sal)?.fields['firstName']).toBe('Zoé');
    expect(theirs.get(other.id)?.fields['name']).toBe('Autre');
  });

  it('rejects a clock more than 10 minutes ahead (clock_skew) and accepts one a little ahead', async () => {
    const ahead = timeEntry('2026-09-05');
    ahead.hlc = hlc(11 * 60_000);
    const fine = timeEntry('2026-09-06');
    fine.hlc = hlc(5 * 60_000);
    const r = await h.push(w.eti1.token, [ahead, fine]);
    expect(r[0]).toMatchObject({ status: 'rejected', reason: 'clock_skew' });
    expect(r[1]).toMatchObject({ status: 'applied' });
    // The server clock caught up with the accepted one.
    const res = await h.request<{ serverHlc: string }>('POST', '/api/sync/push', { token: w.eti1.token, body: { changes: [] } });
    expect(res.body.serverHlc > fine.hlc).toBe(true);
  });

  it('rejects an ETI’s hours in a closed month (month_closed), before or after the change', async () => {
    const open = timeEntry('2025-03-31');
    await h.pushOk(w.eti1.token, [open]);
    await h.pushOk(w.co, [change('monthClose', { month: '2025-04', closedBy: w.s.coordinator.id })]);
    const r = await h.push(w.eti1.token, [
      timeEntry('2025-04-10'),
      change('timeEntry', { date: '2025-04-01' }, { id: open.id }),
    ]);
    expect(r.map((x) => x.reason)).toEqual(['month_closed', 'month_closed']);
    // The coordinator may still correct it.
    await h.pushOk(w.co, [timeEntry('2025-04-11')]);
  });

  it('rejects a record left incomplete or a login change as invalid, with a French message', async () => {
    const r = await h.push(w.co, [
      change('timeEntry', { salarieId: w.sal1, date: '2026-09-07' }),
      change('user', { login: 'autre' }, { id: w.eti1.id }),
    ]);
    expect(r[0]).toMatchObject({ status: 'rejected', reason: 'invalid' });
    expect(r[0]?.message).toContain('Heures travaillées');
    expect(r[1]).toMatchObject({ status: 'rejected', reason: 'invalid' });
  });

  it('lets a salarié add a self-assessment but nothing else', async () => {
    const comp = newId();
    const r = await h.push(w.salarie1.token, [
      change('evaluation', { salarieId: w.sal1, competenceId: comp, level: 2, context: 'self', date: '2026-09-08', evaluatorId: w.salarie1.id }),
      change('evaluation', { salarieId: w.sal1, competenceId: comp, level: 4, context: 'production', date: '2026-09-08', evaluatorId: w.salarie1.id }),
      timeEntry('2026-09-08'),
    ]);
    expect(r.map((x) => x.status)).toEqual(['applied', 'rejected', 'rejected']);
  });

  it('uses the scope the push itself creates: a salarié added to the team can get hours next', async () => {
    const sal = newId();
    await h.pushOk(w.co, [change('salarie', { firstName: 'Nouveau', lastName: 'Venu' }, { id: sal })]);
    const r = await h.push(w.eti1.token, [
      change('membership', { teamId: w.team1, salarieId: sal, from: '2020-01-01' }),
      change('timeEntry', { salarieId: sal, date: '2026-09-09', hours: 6 }),
    ]);
    expect(r.map((x) => x.status)).toEqual(['applied', 'applied']);
  });

  it('applies several changes to one record in one push, across the writes the push has to flush', async () => {
    const entry = newId();
    const t = newId();
    await h.pushOk(w.eti1.token, [change('logEntry', { salarieId: w.sal1, authorId: w.eti1.id, date: '2026-09-12', category: 'alerte', text: 'Chute', visibility: 'team', alert: true }, { id: entry })]);
    await h.pushOk(w.co, [
      change('review', { logEntryId: entry, reviewerId: w.s.coordinator.id, at: '2026-09-12T18:00:00Z' }),
      change('logEntry', { text: 'Chute sans gravité' }, { id: entry }),
    ]);
    await h.pushOk(w.eti1.token, [
      change('timeEntry', { salarieId: w.sal1, date: '2026-09-12', hours: 2 }, { id: t }),
      change('membership', { teamId: w.team1, salarieId: w.sal1, from: '2019-01-01', to: '2019-12-31' }),
      change('timeEntry', { hours: 4 }, { id: t }),
    ]);
    const pulled = byId((await h.pullAll(w.co)).changes);
    expect(pulled.get(entry)?.fields['text']).toBe('Chute sans gravité');
    expect(pulled.get(t)?.fields['hours']).toBe(4);
  });

  it('merges per field, last writer wins by HLC whatever the arrival order, and keeps the loser', async () => {
    const id = newId();
    const t1 = hlc(-3000, 'tabletteA');
    const t2 = hlc(-2000, 'tabletteB');
    const t3 = hlc(-1000, 'tabletteA');
    const deviceB = await h.signIn(w.eti1.login);
    await h.pushOk(w.eti1.token, [change('timeEntry', { salarieId: w.sal1, date: '2026-09-10', hours: 7 }, { id, hlc: t1 })]);
    // Device A wrote hours=5 at t3; device B, offline, wrote hours=6 at t2 (earlier) and absence at t2.
    await h.pushOk(w.eti1.token, [change('timeEntry', { hours: 5 }, { id, hlc: t3 })]);
    await h.pushOk(deviceB.token, [change('timeEntry', { hours: 6, absence: 'maladie', absenceHours: 1 }, { id, hlc: t2 })]);
    const rec = byId((await h.pullAll(w.co)).changes).get(id);
    expect(rec?.fields).toMatchObject({ hours: 5, absence: 'maladie', absenceHours: 1 });
    expect(rec?.clocks).toMatchObject({ hours: t3, absence: t2 });

    const hist = await h.request<{ history: { field: string; value: unknown; won: boolean; deviceId: string; userId: string }[] }>('GET', `/api/history/timeEntry/${id}`, { token: w.co });
    expect(hist.status).toBe(200);
    const hours = hist.body.history.filter((x) => x.field === 'hours');
    expect(hours.map((x) => [x.value, x.won])).toEqual([[7, true], [6, false], [5, true]]);
    expect(hours[1]).toMatchObject({ deviceId: deviceB.deviceId, userId: w.eti1.id });
    // Not for an ETI.
    expect((await h.request('GET', `/api/history/timeEntry/${id}`, { token: w.eti1.token })).status).toBe(403);
  });

  it('converges to the same record whatever order the writes arrive in (property)', async () => {
    const write = fc.record({
      field: fc.constantFrom('hours', 'absenceHours', 'lateMinutes'),
      value: fc.integer({ min: 0, max: 8 }),
      t: fc.integer({ min: 0, max: 30 }),
      node: fc.constantFrom('tabA', 'tabB', 'tabC'),
    });
    const scenario = fc.array(write, { minLength: 1, maxLength: 8 }).chain((ws) =>
      fc.tuple(fc.constant(ws), fc.shuffledSubarray(ws, { minLength: ws.length, maxLength: ws.length })));
    const base = Date.now() - 60_000;
    const at = (w: { t: number; node: string }, i: number) => `${new Date(base + w.t).toISOString()}-${i.toString(16).padStart(4, '0')}-${w.node}`;
    await fc.assert(fc.asyncProperty(scenario, async ([ordered, shuffled]) => {
      const index = new Map(ordered.map((w, i) => [w, i]));
      const [a, b] = [newId(), newId()];
      const create = (id: string) => change('timeEntry', { salarieId: w.sal1, date: '2026-09-20', hours: 1 }, { id, hlc: `${new Date(base - 1000).toISOString()}-0000-tabA` });
      await h.pushOk(w.eti1.token, [create(a), create(b)]);
      for (const wr of ordered) await h.pushOk(w.eti1.token, [change('timeEntry', { [wr.field]: wr.value }, { id: a, hlc: at(wr, index.get(wr)!) })]);
      // The other copy gets the same writes in another order, all in one push.
      await h.pushOk(w.eti1.token, shuffled.map((wr) => change('timeEntry', { [wr.field]: wr.value }, { id: b, hlc: at(wr, index.get(wr)!) })));
      const pulled = byId((await h.pullAll(w.co)).changes);
      expect(pulled.get(b)?.fields).toEqual(pulled.get(a)?.fields);
      expect(pulled.get(b)?.clocks).toEqual(pulled.get(a)?.clocks);
    }), { seed: 42, numRuns: 15 });
  });

  it('makes deletion a tombstone that a later edit does not undo', async () => {
    const c = timeEntry('2026-09-11');
    await h.pushOk(w.eti1.token, [c]);
    const { cursor } = await h.pullAll(w.co);
    await h.pushOk(w.eti1.token, [change('timeEntry', {}, { id: c.id, deleted: true })]);
    await h.pushOk(w.eti1.token, [change('timeEntry', { hours: 3 }, { id: c.id })]);
    const rec = byId((await h.pullAll(w.co, cursor)).changes).get(c.id);
    expect(rec).toMatchObject({ deleted: true, fields: { hours: 3 } });
    expect(rec?.clocks['deleted']).toBeTruthy();
    // A device starting from scratch is not sent what no longer exists.
    expect(byId((await h.pullAll(w.co)).changes).has(c.id)).toBe(false);
  });

  describe('malformed bodies', () => {
    const valid = () => change('activity', { name: 'Maraîchage' });
    const cases: [string, string, unknown][] = [
      ['not an object', 'body', [1, 2]],
      ['changes missing', 'changes', {}],
      ['changes not a list', 'changes', { changes: 'x' }],
      ['change not an object', 'changes[1]', { changes: [valid(), 3] }],
      ['opId not an id', 'changes[0].opId', { changes: [{ ...valid(), opId: 'abc' }] }],
      ['opId missing', 'changes[0].opId', { changes: [{ ...valid(), opId: undefined }] }],
      ['unknown entity', 'changes[0].entity', { changes: [{ ...valid(), entity: 'invoice' }] }],
      ['invalid UUID', 'changes[0].id', { changes: [{ ...valid(), id: '1234-not-a-uuid' }] }],
      ['id a number', 'changes[0].id', { changes: [{ ...valid(), id: 42 }] }],
      ['bad hlc', 'changes[0].hlc', { changes: [{ ...valid(), hlc: '2026-13-45T99:00:00.000Z-0001-x' }] }],
      ['set an array', 'changes[0].set', { changes: [{ ...valid(), set: ['name'] }] }],
      ['set a string', 'changes[0].set', { changes: [{ ...valid(), set: 'name=x' }] }],
      ['set null', 'changes[0].set', { changes: [{ ...valid(), set: null }] }],
      ['deleted false', 'changes[0].deleted', { changes: [{ ...valid(), deleted: false }] }],
      ['deleted a string', 'changes[0].deleted', { changes: [{ ...valid(), deleted: 'yes' }] }],
      ['wrong type', 'changes[0].set.level', { changes: [change('evaluation', { level: '3' } as never)] }],
      ['level out of range', 'changes[0].set.level', { changes: [change('evaluation', { level: 9 })] }],
      ['huge string', 'changes[0].set.text', { changes: [change('logEntry', { text: 'x'.repeat(10_001) })] }],
      ['huge unknown field', 'changes[0].set.notes', { changes: [change('activity', { notes: 'x'.repeat(20_000) })] }],
      ['reserved field', 'changes[0].set.id', { changes: [change('activity', { id: 'x' } as never)] }],
      ['bad date', 'changes[0].set.date', { changes: [change('timeEntry', { date: '2026-02-30' })] }],
      ['required field cleared', 'changes[0].set.name', { changes: [change('activity', { name: null })] }],
      ['bad structureId', 'changes[0].set.structureId', { changes: [change('activity', { name: 'x', structureId: 'nope' } as never)] }],
      ['NUL character', 'changes[0].set.name', { changes: [change('activity', { name: 'Tri\u0000textile' })] }],
      ['lone surrogate', 'changes[0].set.meta.note', { changes: [change('activity', { name: 'Tri', meta: { note: 'a\ud800b' } })] }],
      ['valid then invalid', 'changes[2].entity', { changes: [valid(), valid(), { ...valid(), entity: 'nope' }] }],
    ];
    it.each(cases)('%s → 400 naming %s, nothing written', async (_name, field, body) => {
      const before = (await h.pullAll(w.co)).changes.length;
      const r = await h.request('POST', '/api/sync/push', { token: w.co, body });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: 'invalid_body', field, message: expect.any(String) });
      expect((await h.pullAll(w.co)).changes.length).toBe(before);
    });

    it('answers 400 to an absurdly nested value', async () => {
      const c = change('activity', { name: 'Tri' });
      const raw = JSON.stringify({ changes: [c] }).replace('"name":"Tri"', `"name":"Tri","meta":${'['.repeat(50_000)}${']'.repeat(50_000)}`);
      const r = await h.request('POST', '/api/sync/push', { token: w.co, rawBody: raw, headers: { 'Content-Type': 'application/json' } });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ field: expect.stringMatching(/^changes\[0\]\.set\.meta/) });
    });

    it('answers 400 to a body that is not JSON', async () => {
      const r = await h.request('POST', '/api/sync/push', { token: w.co, rawBody: '{"changes": [', headers: { 'Content-Type': 'application/json' } });
      expect(r.status).toBe(400);
    });

    it('answers 413 beyond 1,000 changes and beyond 2 MB, writing nothing', async () => {
      const before = (await h.pullAll(w.co)).changes.length;
      const many: Change[] = Array.from({ length: 1001 }, () => valid());
      const r = await h.request('POST', '/api/sync/push', { token: w.co, body: { changes: many } });
      expect(r.status).toBe(413);
      const big: Change[] = Array.from({ length: 250 }, () => change('logEntry', { text: 'é'.repeat(5000) }));
      const r2 = await h.request('POST', '/api/sync/push', { token: w.co, body: { changes: big } });
      expect(r2.status).toBe(413);
      expect((await h.pullAll(w.co)).changes.length).toBe(before);
      // 1,000 valid changes are fine.
      const thousand = Array.from({ length: 1000 }, () => valid());
      const ok = await h.push(w.co, thousand);
      expect(ok.every((x) => x.status === 'applied')).toBe(true);
    });
  });
});
