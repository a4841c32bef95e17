// Records that evolve, on the server: a push in an older shape (a tablet not yet updated, no
// `v`) is upgraded before it is judged and merged; rows stored by the previous release are
// rewritten in today's shape at start; a pull says which version it sends; a version the server
// does not know is a 400 naming the field, with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionOf } from '../../src/domain/records/upgrades';
import { migrate } from '../../src/server/db/migrations';
import { json } from '../../src/server/db/types';
import { backends, byId, change, Harness, hlc, newId, world } from './harness';

type World = Awaited<ReturnType<typeof world>>;

describe.each(backends)('record versions ($name)', (backend) => {
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    h = await Harness.create(backend);
    w = await world(h);
  });
  afterAll(() => h.close());

  it('applies an older tablet’s push (no version) in today’s shape', async () => {
    const old = change('salarie', { exitDate: '2026-10-31', exitCategory: 'cdi' }, { id: w.sal1 });
    expect(await h.push(w.co, [old])).toEqual([{ opId: old.opId, status: 'applied' }]);
    const pulled = byId((await h.pullAll(w.co)).changes).get(w.sal1);
    expect(pulled?.fields).toMatchObject({ exitKind: 'cdi', exitDate: '2026-10-31' });
    expect(pulled?.fields).not.toHaveProperty('exitCategory');
    expect(pulled?.clocks['exitKind']).toBe(old.hlc);
    expect(pulled?.v).toBe(versionOf('salarie'));
  });

  it('merges an older push against today’s value by time, field by field', async () => {
    const now = change('salarie', { exitKind: 'retraite' }, { id: w.sal2, hlc: hlc(2000) });
    await h.pushOk(w.co, [{ ...now, v: versionOf('salarie') }]);
    // An older tablet's edit made earlier loses; its free text lands beside the kind.
    const older = change('salarie', { exitCategory: 'chomage' }, { id: w.sal2, hlc: hlc(1000) });
    const text = change('salarie', { exitCategory: 'a trouvé par ses propres moyens' }, { id: w.sal2, hlc: hlc(3000) });
    await h.pushOk(w.co, [older, text]);
    const pulled = byId((await h.pullAll(w.co)).changes).get(w.sal2);
    expect(pulled?.fields).toMatchObject({ exitKind: 'retraite', exitDetail: 'a trouvé par ses propres moyens' });
  });

  it('refuses a version it does not know, naming the field, and writes nothing', async () => {
    const id = newId();
    const future = { ...change('salarie', { firstName: 'Zoé', lastName: 'Martin' }, { id }), v: versionOf('salarie') + 1 };
    const answer = await h.request('POST', '/api/sync/push', { token: w.co, body: { changes: [future] } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ field: 'changes[0].v' });
    for (const bad of [0, 1.5, '2', null]) {
      const r = await h.request('POST', '/api/sync/push', { token: w.co, body: { changes: [{ ...future, v: bad }] } });
      expect(r.status).toBe(400);
    }
    expect(byId((await h.pullAll(w.co)).changes).has(id)).toBe(false);
  });

  it('rewrites rows stored by the previous release when it starts', async () => {
    const id = newId();
    await h.pushOk(w.co, [change('salarie', { firstName: 'Léa', lastName: 'Petit' }, { id })]);
    // As the previous release stored it: version 1, the old field name and its clock.
    const clock = hlc(0);
    await h.db.query(
      `UPDATE records SET version = 1, fields = fields || $2::jsonb, clocks = clocks || $3::jsonb WHERE entity = 'salarie' AND id = $1`,
      [id, json({ exitCategory: 'Décès' }), json({ exitCategory: clock })],
    );
    await migrate(h.db);
    const { rows } = await h.db.query<{ version: number; fields: Record<string, unknown>; clocks: Record<string, string> }>(
      `SELECT version, fields, clocks FROM records WHERE entity = 'salarie' AND id = $1`, [id]);
    expect(Number(rows[0]?.version)).toBe(versionOf('salarie'));
    expect(rows[0]?.fields).toMatchObject({ exitKind: 'deces', firstName: 'Léa' });
    expect(rows[0]?.fields).not.toHaveProperty('exitCategory');
    expect(rows[0]?.clocks['exitKind']).toBe(clock);
  });
});
