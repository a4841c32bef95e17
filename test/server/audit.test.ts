// The audit of confidential reads (issue 13): a pull delivering a diagnostic or a privé log entry,
// an RGPD export and the history of a confidential record each leave one line — ids, kind and a
// count, never a name, a text or a field value — and a pull with nothing confidential leaves
// none. GET /api/audit shows them to the coordination of the same structure only, newest first,
// filtered and paged; anyone else gets 403, a bad parameter 400 naming it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLine, AuditPage } from '../../src/sync/protocol';
import { backends, change, Harness, newId, world } from './harness';

/** Every word of the fixture that is personal data: none may appear in the log. */
const PERSONAL = ['Amina', 'Diallo', 'Bruno', 'Martin', 'suivi santé', 'France Travail', '0600000000', 'Suivi SPIP', 'Secret de l’encadrant', 'Équipe ok', 'langue', 'justice'];

const parisDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(ms);
const DAY = 86_400_000;

/** The small world plus a diagnostic of Amina (sal1) written by the coordination. */
async function withDiagnostic(h: Harness) {
  const w = await world(h);
  const diag = newId();
  await h.pushOk(w.co, [change('diagnostic', { salarieId: w.sal1, date: '2026-03-02', levels: { langue: 2, justice: 1 }, comment: 'Suivi SPIP' }, { id: diag })]);
  return { ...w, diag };
}

async function auditRows(h: Harness, structureId: string) {
  return (await h.db.query<{ user_id: string; role: string; device_id: string | null; kind: string; entity: string; record_id: string | null; salarie_ids: string[]; records: number; row: string }>(
    'SELECT user_id, role, device_id, kind, entity, record_id, salarie_ids, records, t::text AS row FROM read_audit t WHERE structure_id = $1 ORDER BY at, id',
    [structureId],
  )).rows;
}

const journal = (h: Harness, token: string, query = '') => h.request<AuditPage & { error?: string; field?: string }>('GET', `/api/audit${query}`, { token });

describe.each(backends)('audit of confidential reads ($name)', (backend) => {
  let h: Harness;
  // The server's clock only moves forward (its HLC would refuse a write from its own past).
  let offset = 0;
  const serverNow = () => Date.now() + offset;
  beforeAll(async () => { h = await Harness.create(backend, { now: serverNow }); });
  afterAll(() => h.close());

  it('an ETI pull that delivers a diagnostic writes one line, with ids only', async () => {
    const w = await withDiagnostic(h);
    const pulled = await h.pullAll(w.eti1.token);
    expect(pulled.changes.some((c) => c.entity === 'diagnostic')).toBe(true);
    const rows = await auditRows(h, w.s.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: w.eti1.id, role: 'eti', device_id: w.eti1.deviceId, kind: 'pull', entity: 'diagnostic', record_id: null, salarie_ids: [w.sal1],
    });
    expect(Number(rows[0]!.records)).toBe(1);
    for (const word of PERSONAL) expect(rows[0]!.row).not.toContain(word);
    // The diagnostic's own id is not kept either: the salarié's id and a count are enough.
    expect(rows[0]!.row).not.toContain(w.diag);
  });

  it('a pull with nothing confidential writes no line', async () => {
    const w = await withDiagnostic(h);
    // ETI 2's team (Bruno) has no diagnostic and no privé entry.
    await h.pullAll(w.eti2.token);
    const { cursor } = await h.pullAll(w.eti1.token);
    const before = (await auditRows(h, w.s.id)).length;
    // Hours and a team entry: readable, nothing confidential.
    await h.pushOk(w.eti1.token, [
      change('timeEntry', { salarieId: w.sal1, date: '2026-03-02', hours: 7 }),
      change('logEntry', { salarieId: w.sal1, authorId: w.eti1.id, date: '2026-03-02', category: 'technique', text: 'Équipe ok', visibility: 'team', alert: false }),
    ]);
    const next = await h.pullAll(w.eti1.token, cursor);
    expect(next.changes.length).toBeGreaterThanOrEqual(2);
    const rows = await auditRows(h, w.s.id);
    expect(rows).toHaveLength(before);
    expect(rows.filter((r) => r.user_id === w.eti2.id)).toEqual([]);
  });

  it('a privé entry delivered to its author is logged; a deleted diagnostic (tombstone) is not', async () => {
    const w = await withDiagnostic(h);
    const { cursor } = await h.pullAll(w.eti1.token);
    await h.pushOk(w.eti1.token, [
      change('logEntry', { salarieId: w.sal1, authorId: w.eti1.id, date: '2026-03-04', category: 'comportement', text: 'Secret de l’encadrant', visibility: 'private', alert: false }),
    ]);
    const after = await h.pullAll(w.eti1.token, cursor);
    const rows = await auditRows(h, w.s.id);
    expect(rows.at(-1)).toMatchObject({ user_id: w.eti1.id, kind: 'pull', entity: 'logEntry', salarie_ids: [w.sal1] });
    for (const word of PERSONAL) expect(rows.at(-1)!.row).not.toContain(word);
    const count = rows.length;
    await h.pushOk(w.co, [change('diagnostic', {}, { id: w.diag, deleted: true })]);
    const gone = await h.pullAll(w.eti1.token, after.cursor);
    expect(gone.changes).toEqual([expect.objectContaining({ id: w.diag, deleted: true })]);
    expect(await auditRows(h, w.s.id)).toHaveLength(count);
  });

  it('pages: at most one line per confidential entity and page, the counts add up', async () => {
    const w = await world(h);
    const diagnostics = Array.from({ length: 5 }, (_, i) => change('diagnostic', { salarieId: w.sal1, date: `2026-03-0${i + 1}`, levels: { langue: 2 } }));
    await h.pushOk(w.co, diagnostics);
    const pulled = await h.pullAll(w.eti1.token, undefined, 2);
    const rows = (await auditRows(h, w.s.id)).filter((r) => r.user_id === w.eti1.id);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.length).toBeLessThanOrEqual(pulled.pages);
    expect(rows.reduce((n, r) => n + Number(r.records), 0)).toBe(5);
  });

  it('an export writes one line; the history of a diagnostic one; the history of a team none', async () => {
    const w = await withDiagnostic(h);
    const ex = await h.request<{ records: Record<string, unknown[]> }>('GET', `/api/salaries/${w.sal1}/export`, { token: w.co });
    expect(ex.status).toBe(200);
    const exported = 1 + Object.values(ex.body.records).reduce((n, l) => n + l.length, 0);
    expect((await h.request('GET', `/api/history/diagnostic/${w.diag}`, { token: w.co })).status).toBe(200);
    expect((await h.request('GET', `/api/history/team/${w.team1}`, { token: w.co })).status).toBe(200);
    const rows = await auditRows(h, w.s.id);
    expect(rows.map((r) => [r.kind, r.entity])).toEqual([['export', 'salarie'], ['history', 'diagnostic']]);
    expect(rows[0]).toMatchObject({ user_id: w.s.coordinator.id, role: 'coordinator', device_id: w.s.coordinator.deviceId, salarie_ids: [w.sal1] });
    expect(Number(rows[0]!.records)).toBe(exported);
    expect(rows[1]).toMatchObject({ record_id: w.diag, salarie_ids: [w.sal1] });
    for (const r of rows) for (const word of PERSONAL) expect(r.row).not.toContain(word);
  });

  it('the coordination reads its journal newest first, with the erasures; ETI and salarié get 403', async () => {
    const w = await withDiagnostic(h);
    await h.pullAll(w.eti1.token);
    offset += 60_000;
    await h.request('GET', `/api/salaries/${w.sal1}/export`, { token: w.co });
    offset += 60_000;
    await h.pushOk(w.co, [change('salarie', { exitDate: '2020-06-30' }, { id: w.sal2 })]);
    expect((await h.request('POST', `/api/salaries/${w.sal2}/erase`, { token: w.co })).status).toBe(200);
    const r = await journal(h, w.co);
    expect(r.status).toBe(200);
    expect(r.headers.get('Cache-Control')).toBe('no-store');
    expect(r.body.lines.map((l) => l.kind)).toEqual(['erase', 'export', 'pull']);
    expect(r.body.lines[0]).toMatchObject({ userId: w.s.coordinator.id, role: 'coordinator', entity: 'salarie', salarieIds: [w.sal2], records: null });
    expect(r.body.lines[2]).toMatchObject({ userId: w.eti1.id, role: 'eti', deviceId: w.eti1.deviceId, entity: 'diagnostic', salarieIds: [w.sal1], records: 1 });
    expect(r.body.next).toBeUndefined();
    for (const word of PERSONAL) expect(JSON.stringify(r.body)).not.toContain(word);
    for (const token of [w.eti1.token, w.salarie1.token]) {
      const refused = await journal(h, token);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: 'forbidden' });
    }
    expect((await h.request('GET', '/api/audit')).status).toBe(401);
  });

  it('filters by period, salarié and reader, and pages with `before`', async () => {
    const w = await withDiagnostic(h);
    await h.pushOk(w.co, [change('diagnostic', { salarieId: w.sal2, date: '2026-03-02', levels: { langue: 3 } })]);
    const today = parisDay(serverNow());
    await h.pullAll(w.eti1.token); // Amina's diagnostic, today
    offset += 3 * DAY;
    const later = parisDay(serverNow());
    await h.pullAll(w.eti2.token); // Bruno's, three days later
    await h.request('GET', `/api/salaries/${w.sal1}/export`, { token: w.co });

    const byDay = await journal(h, w.co, `?from=${later}&to=${later}`);
    expect(byDay.body.lines.map((l) => [l.kind, l.userId])).toEqual([['export', w.s.coordinator.id], ['pull', w.eti2.id]]);
    const first = await journal(h, w.co, `?from=${today}&to=${today}`);
    expect(first.body.lines.map((l) => l.userId)).toEqual([w.eti1.id]);
    const amina = await journal(h, w.co, `?salarieId=${w.sal1}`);
    expect(amina.body.lines.map((l) => l.kind)).toEqual(['export', 'pull']);
    expect(amina.body.lines.every((l) => l.salarieIds.includes(w.sal1))).toBe(true);
    const eti2 = await journal(h, w.co, `?userId=${w.eti2.id}`);
    expect(eti2.body.lines.map((l) => l.salarieIds)).toEqual([[w.sal2]]);

    const all = (await journal(h, w.co)).body.lines;
    const seen: AuditLine[] = [];
    let before: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await journal(h, w.co, `?limit=1${before ? `&before=${before}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.lines);
      before = page.body.next;
      if (before === undefined) break;
    }
    expect(seen.map((l) => l.id)).toEqual(all.map((l) => l.id));
    expect(all).toHaveLength(3);
  });

  it('a bad parameter is a 400 naming it', async () => {
    const w = await world(h);
    const cases: [string, string][] = [
      ['?from=2026-13-01', 'from'], ['?from=hier', 'from'], ['?to=2026-02-30', 'to'], ['?from=2026-03-10&to=2026-03-01', 'to'],
      ['?salarieId=amina', 'salarieId'], ['?userId=1', 'userId'], ['?limit=0', 'limit'], ['?limit=abc', 'limit'], ['?limit=201', 'limit'],
      ['?before=pas-un-curseur!', 'before'], [`?before=${Buffer.from('hier|x').toString('base64url')}`, 'before'],
    ];
    for (const [query, field] of cases) {
      const r = await journal(h, w.co, query);
      expect(r.status, query).toBe(400);
      expect(r.body, query).toMatchObject({ error: 'invalid_request', field });
      expect(typeof (r.body as { message?: unknown }).message).toBe('string');
    }
    expect((await journal(h, w.co, '?from=2026-03-01&to=2026-03-01&limit=200')).status).toBe(200);
  });

  it('property: another structure never sees a line of A, whatever the filters; an ETI always gets 403', async () => {
    const a = await withDiagnostic(h);
    await h.pullAll(a.eti1.token);
    await h.request('GET', `/api/salaries/${a.sal1}/export`, { token: a.co });
    const b = await withDiagnostic(h);
    await h.pullAll(b.eti1.token);
    const aLines = new Set((await journal(h, a.co)).body.lines.map((l) => l.id));
    expect(aLines.size).toBe(2);
    const ids = [a.sal1, a.sal2, a.eti1.id, a.s.coordinator.id, b.sal1, b.eti1.id];
    const query = fc.record({
      salarieId: fc.option(fc.constantFrom(...ids), { nil: undefined }),
      userId: fc.option(fc.constantFrom(...ids), { nil: undefined }),
      from: fc.option(fc.constantFrom(parisDay(serverNow() - DAY), parisDay(serverNow())), { nil: undefined }),
      limit: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
    });
    await fc.assert(fc.asyncProperty(query, fc.constantFrom('b', 'eti'), async (q, who) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
      const r = await journal(h, who === 'b' ? b.co : a.eti1.token, `?${params}`);
      if (who === 'eti') return r.status === 403;
      return r.status === 200 && r.body.lines.every((l) => !aLines.has(l.id) && !l.salarieIds.some((s) => s === a.sal1 || s === a.sal2));
    }), { numRuns: 25 });
  });
});
