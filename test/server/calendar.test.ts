// The phone calendar (contract « Second release », issue 12): POST /api/me/calendar gives an ETI
// or a salarié a private address, GET /api/calendar/<secret>.ics serves their planning as
// RFC 5545, parsed here with ical.js as a phone would. Checked: the events and their Paris hours
// on both sides of the spring DST change, the chantier's place, the 4-weeks-back/8-weeks-ahead
// window, nothing confidential (a diagnostic, log entries, dossier fields, another salarié), a
// renewed address killing the old one, a deactivated login, and who may ask for an address.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallClockToUtc } from '../../src/server/calendar/parisTime';
import { backends, change, Harness, newId, world } from './harness';

/** The feed's « today »: Friday 2026-03-20; the spring change is on Sunday 2026-03-29. */
const FEED_DAY = Date.parse('2026-03-20T10:00:00Z');

interface ParsedEvent {
  uid: string;
  summary: string;
  location: string;
  description: string;
  /** « 2026-03-27 08:00 » on a Paris wall clock; a date alone for an all-day event. */
  start: string;
  end: string;
}

const paris = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

function parseFeed(text: string): ParsedEvent[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const when = (t: ICAL.Time) => (t.isDate ? t.toString() : paris.format(t.toJSDate()));
    return {
      uid: e.uid, summary: e.summary ?? '', location: e.location ?? '', description: e.description ?? '',
      start: when(e.startDate), end: when(e.endDate),
    };
  });
}

/** The world of the harness plus a chantier, slots around the feed's day, a diagnostic and log entries. */
async function planningWorld(h: Harness) {
  const w = await world(h);
  const sal3 = newId();
  const chantier = newId();
  const slot = { feb13: newId(), feb27: newId(), mar27: newId(), mar30: newId(), mar30other: newId(), may8: newId(), may22: newId(), team2: newId() };
  await h.pushOk(w.co, [
    change('salarie', { firstName: 'Chloé', lastName: 'Bernard', phone: '0611111111' }, { id: sal3 }),
    change('membership', { teamId: w.team1, salarieId: sal3, from: '2020-01-01' }),
    change('chantier', {
      name: 'Parc des Lilas', teamId: w.team1, place: '12 rue des Lilas, 69003 Lyon', client: 'Mairie de Lyon', quoteAmount: 12000,
      hazards: [{ date: '2026-03-02', text: 'Aléa caché' }],
    }, { id: chantier }),
  ]);
  const slotOf = (id: string, date: string, extra: Record<string, unknown> = {}) =>
    change('planningSlot', { teamId: w.team1, chantierId: chantier, date, startTime: '08:00', endTime: '12:00', label: 'Matin', ...extra }, { id });
  await h.pushOk(w.co, [
    slotOf(slot.feb13, '2026-02-13'),
    slotOf(slot.feb27, '2026-02-27'),
    slotOf(slot.mar27, '2026-03-27'),
    slotOf(slot.mar30, '2026-03-30'),
    slotOf(slot.mar30other, '2026-03-30', { startTime: '13:30', endTime: '16:30', label: 'Après-midi' }),
    slotOf(slot.may8, '2026-05-08', { startTime: null, endTime: null, label: 'Journée' }),
    slotOf(slot.may22, '2026-05-22'),
    change('planningSlot', { teamId: w.team2, date: '2026-03-27', startTime: '08:00', endTime: '12:00', label: 'Bâtiment B' }, { id: slot.team2 }),
  ]);
  const assign = (salarieId: string, slotId: string, task: string, extra: Record<string, unknown> = {}) =>
    change('assignment', { salarieId, slotId, task, ...extra });
  await h.pushOk(w.co, [
    ...[slot.feb13, slot.feb27, slot.mar27, slot.may8, slot.may22].map((s) => assign(w.sal1, s, 'Taille des haies', { consignes: 'Couper à 1 m', epi: ['gants', 'lunettes'] })),
    assign(w.sal1, slot.mar30, 'Tonte', { consignes: 'Ramasser les pierres avant', epi: ['chaussures de sécurité'] }),
    assign(sal3, slot.mar30, 'Ramassage'),
    assign(sal3, slot.mar30other, 'Désherbage'),
    assign(w.sal2, slot.team2, 'Maçonnerie'),
  ]);
  await h.pushOk(w.co, [
    change('diagnostic', { salarieId: w.sal1, date: '2026-02-27', levels: { logement: 1 }, comment: 'DIAG-SECRET hébergé chez un tiers' }),
  ]);
  await h.pushOk(w.eti1.token, [
    change('logEntry', { salarieId: w.sal1, authorId: w.eti1.id, date: '2026-03-19', category: 'freins', text: 'LOG-PARTAGE dettes', visibility: 'salarie', alert: false }),
    change('logEntry', { salarieId: w.sal1, authorId: w.eti1.id, date: '2026-03-19', category: 'comportement', text: 'LOG-PRIVE retard', visibility: 'private', alert: false }),
  ]);
  return { ...w, sal3, chantier, slot };
}

const CONFIDENTIAL = ['DIAG-SECRET', 'LOG-PARTAGE', 'LOG-PRIVE', 'suivi santé', '0600000000', '0611111111', 'France Travail', 'Mairie de Lyon', '12000', 'Aléa caché'];

describe.each(backends)('phone calendar ($name)', (backend) => {
  let h: Harness;
  let nowMs = Date.now();
  beforeAll(async () => { h = await Harness.create(backend, { now: () => nowMs }); });
  afterAll(() => h.close());

  /** Seeds at the real time (pushes carry real clocks), then reads the feed on FEED_DAY. */
  async function seeded() {
    nowMs = Date.now();
    return planningWorld(h);
  }
  const address = (token: string) => h.request<{ url: string; error?: string; message?: string }>('POST', '/api/me/calendar', { token });
  async function feed(url: string) {
    nowMs = FEED_DAY;
    const res = await h.app.request(new URL(url).pathname);
    return { status: res.status, type: res.headers.get('Content-Type'), text: await res.text() };
  }

  it('gives a salarié their own slots in Paris time, with the chantier’s place, the consignes and the EPI, within the window', async () => {
    const w = await seeded();
    const r = await address(w.salarie1.token);
    expect(r.status).toBe(200);
    expect(r.body.url).toMatch(/^http:\/\/localhost\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const f = await feed(r.body.url);
    expect(f.status).toBe(200);
    expect(f.type).toBe('text/calendar; charset=utf-8');
    const events = parseFeed(f.text);
    // 5 weeks back and 9 weeks ahead are outside; the colleague's afternoon is not theirs.
    expect(events.map((e) => e.start)).toEqual(['2026-02-27 08:00', '2026-03-27 08:00', '2026-03-30 08:00', '2026-05-08']);
    const [, friday, monday, allDay] = events;
    // The same 08:00–12:00 on both sides of the spring change.
    expect(friday).toMatchObject({ end: '2026-03-27 12:00', summary: 'Taille des haies — Parc des Lilas', location: 'Parc des Lilas, 12 rue des Lilas, 69003 Lyon' });
    expect(friday?.description).toContain('Consignes : Couper à 1 m');
    expect(friday?.description).toContain('gants, lunettes');
    expect(monday).toMatchObject({ end: '2026-03-30 12:00', summary: 'Tonte — Parc des Lilas' });
    expect(monday?.description).toContain('chaussures de sécurité');
    expect(allDay).toMatchObject({ end: '2026-05-09' });
    // Nothing confidential, and nothing of the colleague on the same slot.
    for (const secret of [...CONFIDENTIAL, 'Chloé', 'Bernard', 'Ramassage', 'Désherbage', 'Maçonnerie']) expect(f.text).not.toContain(secret);
  });

  it('writes the instants in UTC: 08:00 in Paris is 07:00Z before the change and 06:00Z after', async () => {
    const w = await seeded();
    const f = await feed((await address(w.salarie1.token)).body.url);
    expect(f.text).toContain('DTSTART:20260327T070000Z');
    expect(f.text).toContain('DTSTART:20260330T060000Z');
  });

  it('gives an ETI their teams’ slots with who does what, by first name and initial only', async () => {
    const w = await seeded();
    const f = await feed((await address(w.eti1.token)).body.url);
    expect(f.status).toBe(200);
    const events = parseFeed(f.text);
    expect(events.map((e) => e.start)).toEqual(['2026-02-27 08:00', '2026-03-27 08:00', '2026-03-30 08:00', '2026-03-30 13:30', '2026-05-08']);
    const monday = events[2];
    expect(monday).toMatchObject({ summary: 'Matin', location: 'Parc des Lilas, 12 rue des Lilas, 69003 Lyon', end: '2026-03-30 12:00' });
    expect(monday?.description).toContain('Équipe : Espaces verts');
    expect(monday?.description).toContain('Amina D. : Tonte');
    expect(monday?.description).toContain('Chloé B. : Ramassage');
    // Another team's slot, last names and the confidential records stay out.
    for (const secret of [...CONFIDENTIAL, 'Diallo', 'Bernard', 'Bâtiment B', 'Maçonnerie', 'Bruno']) expect(f.text).not.toContain(secret);
  });

  it('needs no session and no protocol header to read, but a session to ask for an address', async () => {
    const w = await seeded();
    const url = (await address(w.salarie1.token)).body.url;
    nowMs = FEED_DAY;
    const old = await h.app.request(new URL(url).pathname, { headers: { 'X-Tremplin-Protocol': '0' } });
    expect(old.status).toBe(200);
    expect((await h.request('POST', '/api/me/calendar')).status).toBe(401);
  });

  it('refuses a coordinator with a French reason', async () => {
    const w = await seeded();
    const r = await address(w.co);
    expect(r.status).toBe(403);
    expect(r.body.message).toMatch(/réservé aux encadrants et aux salariés/);
  });

  it('replaces the address: the old one answers 404 at once, the new one works', async () => {
    const w = await seeded();
    const first = (await address(w.salarie1.token)).body.url;
    const second = (await address(w.salarie1.token)).body.url;
    expect(second).not.toBe(first);
    expect((await feed(first)).status).toBe(404);
    expect((await feed(second)).status).toBe(200);
    const stored = await h.db.query<{ secret_hash: string }>('SELECT secret_hash FROM calendar_feeds WHERE user_id = $1', [w.salarie1.id]);
    expect(stored.rows).toHaveLength(1);
    // Only a digest is kept: the secret in the address is nowhere in the table.
    const secret = /calendar\/(.+)\.ics$/.exec(second)?.[1] ?? '';
    expect(stored.rows[0]?.secret_hash).not.toContain(secret);
  });

  it('answers 404 for an unknown or malformed secret, and for a deactivated login', async () => {
    const w = await seeded();
    expect((await feed(`http://localhost/api/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await feed('http://localhost/api/calendar/court.ics')).status).toBe(404);
    const url = (await address(w.eti1.token)).body.url;
    nowMs = Date.now();
    const off = await h.request('PATCH', `/api/users/${w.eti1.id}`, { token: w.co, body: { active: false } });
    expect(off.status).toBe(200);
    expect((await feed(url)).status).toBe(404);
  });

  it('answers 404 once the holder’s structure is gone', async () => {
    const w = await seeded();
    const url = (await address(w.salarie1.token)).body.url;
    expect((await feed(url)).status).toBe(200);
    await h.db.query(`UPDATE records SET deleted = true WHERE entity = 'structure' AND id = $1`, [w.s.id]);
    expect((await feed(url)).status).toBe(404);
  });
});

describe('Paris wall clock to UTC', () => {
  const utc = (date: string, time: string) => new Date(wallClockToUtc(date, time, 'Europe/Paris')).toISOString();
  it('follows the offset of each day, the change days included', () => {
    expect(utc('2026-01-15', '08:00')).toBe('2026-01-15T07:00:00.000Z');
    expect(utc('2026-07-15', '08:00')).toBe('2026-07-15T06:00:00.000Z');
    expect(utc('2026-03-29', '01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(utc('2026-03-29', '08:00')).toBe('2026-03-29T06:00:00.000Z');
    expect(utc('2026-10-25', '08:00')).toBe('2026-10-25T07:00:00.000Z');
    expect(utc('2026-12-31', '23:30')).toBe('2026-12-31T22:30:00.000Z');
  });
  it('puts a time the spring change skips an hour later, as the clocks do', () => {
    expect(utc('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
  });
});
