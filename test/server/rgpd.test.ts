// RGPD on the server (contract « Second release »): a coordinator exports everything held about
// one person (privé entries only counted), and erases it after the exit — every device drops the
// person at its next pull, the field history is gone, their login is locked out, and the audit
// line keeps no name. ETIs get 403, another structure's id 404, and a refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulledChange } from '../../src/sync/protocol';
import type { EraseResult, SalarieExport } from '../../src/sync/rgpd';
import { backends, change, Harness, hlc, newId, PASSWORD, world } from './harness';

/** A device's store, as applyPage keeps it: a reset empties it, a deletion drops the record. */
class FakeDevice {
  readonly records = new Map<string, PulledChange>();
  apply(pulled: { changes: PulledChange[]; reset: boolean }): void {
    if (pulled.reset) this.records.clear();
    for (const c of pulled.changes) {
      if (c.deleted) this.records.delete(`${c.entity}/${c.id}`);
      else this.records.set(`${c.entity}/${c.id}`, c);
    }
  }
  about(salarieId: string): PulledChange[] {
    return [...this.records.values()].filter((c) => c.id === salarieId || c.fields['salarieId'] === salarieId);
  }
}

/** The same small world plus a livret, hours and a review about Amina (sal1). */
async function livret(h: Harness) {
  const w = await world(h);
  const ids = { team: newId(), shared: newId(), private: newId(), time: newId(), review: newId() };
  await h.pushOk(w.eti1.token, [
    change('logEntry', { salarieId: w.sal1, authorId: w.eti1.id, date: '2026-03-02', category: 'freins', text: 'Logement précaire', visibility: 'team', alert: false }, { id: ids.team }),
    change('logEntry', { salarieId: w.sal1, authorId: w.eti1.id, date: '2026-03-03', category: 'atouts', text: 'Très bon travail', visibility: 'salarie', alert: false }, { id: ids.shared }),
    change('logEntry', { salarieId: w.sal1, authorId: w.eti1.id, date: '2026-03-04', category: 'comportement', text: 'Secret de l’encadrant', visibility: 'private', alert: false }, { id: ids.private }),
    change('timeEntry', { salarieId: w.sal1, date: '2026-03-02', hours: 7 }, { id: ids.time }),
  ]);
  await h.pushOk(w.co, [change('review', { logEntryId: ids.team, reviewerId: w.s.coordinator.id, at: '2026-03-05T09:00:00.000Z', followUp: 'Appel au bailleur' }, { id: ids.review })]);
  return { ...w, ids };
}

const exportOf = (h: Harness, token: string, id: string) => h.request<SalarieExport>('GET', `/api/salaries/${id}/export`, { token });
const erase = (h: Harness, token: string, id: string) => h.request<EraseResult & { error?: string }>('POST', `/api/salaries/${id}/erase`, { token });

async function recordsOf(h: Harness, structureId: string) {
  return (await h.db.query<{ entity: string; id: string; fields: Record<string, unknown>; deleted: boolean; salarie_id: string | null }>(
    'SELECT entity, id, fields, deleted, salarie_id FROM records WHERE structure_id = $1 ORDER BY entity, id', [structureId],
  )).rows;
}

describe.each(backends)('RGPD export and erasure ($name)', (backend) => {
  let h: Harness;
  beforeAll(async () => { h = await Harness.create(backend); });
  afterAll(() => h.close());

  it('exports the file, the records, the history and only counts the privé entries', async () => {
    const w = await livret(h);
    const r = await exportOf(h, w.co, w.sal1);
    expect(r.status).toBe(200);
    const x = r.body;
    expect(x.salarie).toMatchObject({ id: w.sal1, firstName: 'Amina', lastName: 'Diallo', confidentialNotes: 'suivi santé' });
    expect(x.records.logEntry?.map((e) => e['text']).sort()).toEqual(['Logement précaire', 'Très bon travail']);
    expect(x.records.timeEntry).toEqual([expect.objectContaining({ id: w.ids.time, hours: 7 })]);
    expect(x.records.membership).toEqual([expect.objectContaining({ id: w.m1, teamId: w.team1 })]);
    expect(x.records.review).toEqual([expect.objectContaining({ id: w.ids.review, followUp: 'Appel au bailleur' })]);
    expect(x.records.user).toEqual([expect.objectContaining({ id: w.salarie1.id, role: 'salarie' })]);
    expect(x.privateEntries).toEqual([{ authorId: w.eti1.id, date: '2026-03-04' }]);
    // The privé entry's text is nowhere, not even in the history; another person's data neither.
    const text = JSON.stringify(x);
    expect(text).not.toContain('Secret de l’encadrant');
    expect(text).not.toContain(w.ids.private);
    expect(text).not.toContain('Martin');
    expect(x.history).toEqual(expect.arrayContaining([
      expect.objectContaining({ entity: 'salarie', id: w.sal1, field: 'lastName', value: 'Diallo', won: true, userId: w.s.coordinator.id }),
      expect.objectContaining({ entity: 'logEntry', id: w.ids.team, field: 'text', value: 'Logement précaire', userId: w.eti1.id }),
    ]));
  });

  it('is for the coordination only: 403 for an ETI and a salarié, 404 for another structure or an unknown id, 400 for a bad id', async () => {
    const w = await livret(h);
    const other = await h.structure('Autre structure');
    for (const token of [w.eti1.token, w.salarie1.token]) {
      expect((await exportOf(h, token, w.sal1)).status).toBe(403);
      expect((await erase(h, token, w.sal1)).status).toBe(403);
    }
    for (const id of [w.sal1, newId()]) {
      const ex = await exportOf(h, other.coordinator.token, id);
      const er = await erase(h, other.coordinator.token, id);
      expect([ex.status, er.status]).toEqual([404, 404]);
      expect(ex.body).toEqual(er.body);
    }
    const bad = await exportOf(h, w.co, 'pas-un-id');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'id' });
    expect((await erase(h, w.co, 'pas-un-id')).status).toBe(400);
    expect((await exportOf(h, w.co, w.sal1)).status).toBe(200);
  });

  it('refuses to erase before the exit date (409 not_exited) and writes nothing', async () => {
    const w = await livret(h);
    for (const exit of [undefined, '2999-12-31']) {
      if (exit) await h.pushOk(w.co, [change('salarie', { exitDate: exit }, { id: w.sal1 })]);
      const before = await recordsOf(h, w.s.id);
      const { cursor } = await h.pullAll(w.co);
      const r = await erase(h, w.co, w.sal1);
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ error: 'not_exited' });
      expect(await recordsOf(h, w.s.id)).toEqual(before);
      expect((await h.pullAll(w.co, cursor)).changes).toEqual([]);
      expect((await h.pull(w.salarie1.token)).status).toBe(200);
    }
    const audit = await h.db.query('SELECT 1 FROM erasures WHERE structure_id = $1', [w.s.id]);
    expect(audit.rows).toHaveLength(0);
  });

  it('erases after the exit: devices drop the person, history is gone, their login is locked out, the audit has no name', async () => {
    const w = await livret(h);
    await h.pushOk(w.co, [change('salarie', { exitDate: '2026-04-30', exitKind: 'cdi' }, { id: w.sal1 })]);
    const eti = new FakeDevice();
    const etiPull = await h.pullAll(w.eti1.token);
    eti.apply(etiPull);
    expect(eti.about(w.sal1).length).toBeGreaterThanOrEqual(5);
    const coPull = await h.pullAll(w.co);
    const aboutBefore = new FakeDevice();
    aboutBefore.apply(coPull);

    const r = await erase(h, w.co, w.sal1);
    expect(r.status).toBe(200);
    // File, membership, 3 entries, hours, review.
    expect(r.body).toEqual({ records: 7, deactivatedLogins: 1, revokedDevices: 1 });

    // The ETI's tablet, at its next pull, no longer holds anything about her (but keeps its team).
    // (Her login stays as an inactive user, as the contract says: every ETI lists the logins.)
    eti.apply(await h.pullAll(w.eti1.token, etiPull.cursor));
    expect(eti.about(w.sal1).map((c) => [c.entity, c.fields['active']])).toEqual([['user', false]]);
    expect(eti.records.has(`team/${w.team1}`)).toBe(true);

    // The coordinator's tablet receives tombstones that carry nothing but the salarié's id.
    const next = await h.pullAll(w.co, coPull.cursor);
    const tombstones = next.changes.filter((c) => c.entity !== 'user');
    expect(tombstones.length).toBeGreaterThanOrEqual(6);
    for (const t of tombstones) {
      expect(t.deleted).toBe(true);
      expect(Object.keys(t.fields).filter((k) => k !== 'structureId' && k !== 'salarieId')).toEqual([]);
    }
    aboutBefore.apply(next);
    expect(aboutBefore.about(w.sal1).filter((c) => c.entity !== 'user')).toEqual([]);

    // The store: tombstones with only the salarié's id; no trace of her data; Bruno untouched.
    const rows = await recordsOf(h, w.s.id);
    const hers = rows.filter((row) => row.entity !== 'user' && (row.id === w.sal1 || row.salarie_id === w.sal1));
    expect(hers).toHaveLength(7);
    for (const row of hers) {
      expect(row.deleted).toBe(true);
      expect(Object.keys(row.fields).filter((k) => k !== 'salarieId')).toEqual([]);
    }
    const stored = JSON.stringify(rows);
    for (const word of ['Diallo', 'Amina', 'suivi santé', 'Logement précaire', 'Secret de l’encadrant', 'Appel au bailleur']) expect(stored).not.toContain(word);
    expect(rows.find((row) => row.id === w.sal2)).toMatchObject({ deleted: false, fields: { lastName: 'Martin' } });

    // Field history: nothing left for her records.
    const salHistory = await h.request<{ history: unknown[] }>('GET', `/api/history/salarie/${w.sal1}`, { token: w.co });
    expect(salHistory.status).toBe(200);
    expect(salHistory.body.history).toEqual([]);
    for (const id of [w.ids.team, w.ids.private]) {
      const le = await h.request<{ history?: unknown[] }>('GET', `/api/history/logEntry/${id}`, { token: w.co });
      expect(le.status === 404 || le.body.history?.length === 0).toBe(true);
    }
    const ops = await h.db.query('SELECT 1 FROM applied_ops WHERE structure_id = $1 AND id IN ($2, $3, $4, $5)', [w.s.id, w.sal1, w.ids.team, w.ids.time, w.ids.review]);
    expect(ops.rows).toHaveLength(0);

    // Her login stays, inactive; her tablet is revoked and she cannot sign in again.
    const revoked = await h.pull(w.salarie1.token);
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ error: 'device_revoked' });
    expect((await h.login(w.salarie1.login, PASSWORD)).status).toBe(401);
    const users = await h.request<{ id: string; active: boolean }[]>('GET', '/api/users', { token: w.co });
    expect(users.body.find((u) => u.id === w.salarie1.id)).toMatchObject({ active: false });

    // The audit line: who, which id, when — no name.
    const audit = await h.db.query<Record<string, unknown>>('SELECT * FROM erasures WHERE structure_id = $1', [w.s.id]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ salarie_id: w.sal1, erased_by: w.s.coordinator.id });
    expect(JSON.stringify(audit.rows)).not.toMatch(/Diallo|Amina/);

    // Gone for good: a second export or erasure is 404, and a late tablet's older change loses.
    expect((await exportOf(h, w.co, w.sal1)).status).toBe(404);
    expect((await erase(h, w.co, w.sal1)).status).toBe(404);
    await h.push(w.co, [change('salarie', { firstName: 'Amina', lastName: 'Diallo' }, { id: w.sal1, hlc: hlc(-60_000) })]);
    expect(JSON.stringify(await recordsOf(h, w.s.id))).not.toContain('Diallo');
  });
});
