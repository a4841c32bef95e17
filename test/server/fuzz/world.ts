// The world the HTTP fuzz attacks: structure A, the demo (every kind of record, issued badges,
// logins of each role), whose credentials the fuzz uses; and structure B, built through the
// harness, whose records carry unique marker strings that must never appear in any answer the
// fuzz gets. The fuzz knows B's ids (to try them) but never its markers.
import { randomBytes } from 'node:crypto';
import { seedDemo } from '../../../src/server/demo/seed';
import { today } from '../../../src/server/deps';
import type { Role } from '../../../src/domain/entities';
import { change, newId, type Harness } from '../harness';
import { jsonOf, type KeepAliveClient } from '../live';

export interface Seat {
  role: Role;
  userId: string;
  login: string;
  token: string;
  deviceId: string;
}

export interface FuzzWorld {
  structureA: string;
  structureB: string;
  /** A's signed-in users the fuzz speaks as (replaced when a request cuts one off). */
  seats: Seat[];
  /** A's salarié with a login (for re-creating the salarié seat). */
  salarieA: string;
  /** Ids the fuzz may put anywhere: A's and B's records, users and devices. */
  idsA: string[];
  idsB: string[];
  /** A's records by entity, B's too (history paths take an entity and an id). */
  entityIdsA: [string, string][];
  entityIdsB: [string, string][];
  /** A real calendar address of A (an ETI's). */
  calendarPathA: string;
  /** A's logins (the fuzz tries them, right and wrong passwords). */
  loginsA: string[];
  /** Strings only B's records hold. */
  markers: string[];
}

const DEMO_PASSWORD = 'tremplin';

async function signIn(client: KeepAliveClient, login: string, password: string): Promise<{ token: string; deviceId: string; userId: string }> {
  const r = await client.request('POST', '/api/auth/login', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password, deviceName: 'Fuzz' }),
  });
  const body = jsonOf(r) as { token?: string; deviceId?: string; user?: { id?: string } } | null;
  if (r.status !== 200 || !body?.token || !body.deviceId || !body.user?.id) throw new Error(`login ${login}: ${r.status}`);
  return { token: body.token, deviceId: body.deviceId, userId: body.user.id };
}

export async function buildFuzzWorld(h: Harness, client: KeepAliveClient): Promise<FuzzWorld> {
  await seedDemo({ db: h.db, clock: h.deps.clock, today: today(h.deps) }, 'if-missing');
  const seats: Seat[] = [];
  for (const [login, role] of [['coordination', 'coordinator'], ['eti1', 'eti'], ['salarie1', 'salarie']] as const) {
    const s = await signIn(client, login, DEMO_PASSWORD);
    seats.push({ role, login, ...s });
  }
  const coordinator = seats[0]!;
  const structureA = (await h.db.query<{ structure_id: string }>('SELECT structure_id FROM users WHERE id = $1', [coordinator.userId])).rows[0]!.structure_id;
  const salarieA = (await h.db.query<{ s: string }>(`SELECT fields->>'salarieId' AS s FROM records WHERE entity = 'user' AND id = $1`, [seats[2]!.userId])).rows[0]!.s;

  // B: a structure of its own with marked records.
  const tag = randomBytes(4).toString('hex').toUpperCase();
  const markers = ['PRENOM', 'NOM', 'NOTE', 'EQUIPE', 'OBSERVATION', 'CHANTIER', 'COMPTE'].map((m) => `ZQX${m}${tag}`);
  const b = await h.structure('Autre structure');
  const etiB = await h.addUser(b.id, 'eti');
  const salB = newId();
  const teamB = newId();
  const logB = newId();
  const chantierB = newId();
  await h.pushOk(b.coordinator.token, [
    change('salarie', { firstName: markers[0]!, lastName: markers[1]!, confidentialNotes: markers[2]!, entryDate: '2026-01-05' }, { id: salB }),
    change('team', { name: markers[3]!, etiUserIds: [etiB.id] }, { id: teamB }),
  ]);
  await h.pushOk(b.coordinator.token, [
    change('membership', { teamId: teamB, salarieId: salB, from: '2026-01-05' }),
    change('logEntry', { salarieId: salB, authorId: b.coordinator.id, date: '2026-02-02', category: 'technique', text: markers[4]!, visibility: 'team', alert: true }, { id: logB }),
    change('chantier', { name: markers[5]!, teamId: teamB, client: markers[5]!, place: markers[5]!, start: '2026-02-01' }, { id: chantierB }),
    change('timeEntry', { salarieId: salB, date: '2026-02-02', hours: 7 }),
  ]);
  const userB = await h.request<{ id: string }>('POST', '/api/users', {
    token: b.coordinator.token,
    body: { login: markers[6]!.toLowerCase(), password: 'motdepasse-b', role: 'salarie', displayName: markers[6]!, salarieId: salB },
  });
  if (userB.status !== 201) throw new Error(`B user: ${userB.status}`);

  const calendar = await client.request('POST', '/api/me/calendar', { headers: { Authorization: `Bearer ${seats[1]!.token}` } });
  const url = (jsonOf(calendar) as { url?: string } | null)?.url ?? '';
  const calendarPathA = new URL(url).pathname;

  const entityIds = async (structureId: string) => (await h.db.query<{ entity: string; id: string }>(
    `SELECT DISTINCT ON (entity) entity, id FROM records WHERE structure_id = $1 ORDER BY entity, seq DESC`, [structureId],
  )).rows.map((r): [string, string] => [r.entity, r.id]);
  const deviceIds = async (structureId: string) => (await h.db.query<{ id: string }>('SELECT id FROM devices WHERE structure_id = $1', [structureId])).rows.map((r) => r.id);
  const entityIdsA = await entityIds(structureA);
  const entityIdsB = await entityIds(b.id);
  const badgesA = (await h.db.query<{ id: string }>(`SELECT id FROM records WHERE structure_id = $1 AND entity = 'badge'`, [structureA])).rows.map((r) => r.id);
  return {
    structureA,
    structureB: b.id,
    seats,
    salarieA,
    idsA: [structureA, salarieA, ...entityIdsA.map(([, id]) => id), ...badgesA, ...(await deviceIds(structureA)), ...seats.map((s) => s.userId)],
    idsB: [b.id, salB, teamB, logB, chantierB, etiB.id, b.coordinator.id, userB.body.id, ...entityIdsB.map(([, id]) => id), ...(await deviceIds(b.id))],
    entityIdsA,
    entityIdsB,
    calendarPathA,
    loginsA: ['coordination', 'eti1', 'eti2', 'salarie1', 'salarie2'],
    // B's login is stored lower-cased.
    markers: [...markers, markers[6]!.toLowerCase()],
  };
}

/** Gives a seat a working session again (a fuzzed request may have revoked or deactivated it). */
export async function reseat(h: Harness, world: FuzzWorld, seat: Seat): Promise<void> {
  const user = await h.addUser(world.structureA, seat.role, seat.role === 'salarie' ? { salarieId: world.salarieA } : {});
  Object.assign(seat, { userId: user.id, login: user.login, token: user.token, deviceId: user.deviceId });
  world.idsA.push(user.id, user.deviceId);
}

export { DEMO_PASSWORD };
