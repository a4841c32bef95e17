// The production benches' data: eti1's first demo team widened to the 12 salariés,
// through the server's own write path (shared by bench/production.ts and its profiles).
import { addDays } from '../src/domain/rules/dates';
import { uuidv7 } from '../src/domain/ids';
import { makeDeps, today as serverToday } from '../src/server/deps';
import { applyChanges } from '../src/server/sync/apply';
import type { RunningServer } from '../src/server/main';
import type { Change } from '../src/sync/protocol';

/** Widen eti1's first demo team to `size` salariés (the issue's 12-person team), each planned on
 * every slot of the team's current week, through the server's write path. */
export async function growTeam(server: RunningServer, size: number): Promise<void> {
  const deps = makeDeps({ db: server.db });
  const day = serverToday(deps);
  const eti = (await server.db.query<{ id: string; structure_id: string }>(`SELECT id, structure_id FROM users WHERE login = 'eti1'`)).rows[0]!;
  const teams = (await server.db.query<{ id: string; fields: Record<string, unknown> }>(`SELECT id, fields FROM records WHERE entity = 'team' AND NOT deleted`)).rows
    .filter((t) => Array.isArray(t.fields['etiUserIds']) && (t.fields['etiUserIds'] as unknown[]).includes(eti.id))
    .sort((a, b) => String(a.fields['name']).localeCompare(String(b.fields['name']), 'fr'));
  const team = teams[0]!;
  const members = (await server.db.query<{ fields: Record<string, unknown> }>(`SELECT fields FROM records WHERE entity = 'membership' AND NOT deleted AND fields->>'teamId' = $1`, [team.id])).rows
    .filter((m) => String(m.fields['from']) <= day && (m.fields['to'] == null || String(m.fields['to']) >= day));
  const monday = addDays(day, -((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7));
  const slots = (await server.db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'planningSlot' AND NOT deleted AND fields->>'teamId' = $1 AND fields->>'date' BETWEEN $2 AND $3`, [team.id, monday, addDays(monday, 4)])).rows;
  const changes: Change[] = [];
  const add = (entity: Change['entity'], set: Change['set']) => { const id = uuidv7(); changes.push({ opId: uuidv7(), entity, id, hlc: deps.clock.tick(), set: { structureId: eti.structure_id, ...set } }); return id; };
  for (let i = members.length; i < size; i++) {
    const salarieId = add('salarie', { firstName: `Renfort${i}`, lastName: `Banc${i}` });
    add('membership', { teamId: team.id, salarieId, from: addDays(day, -60) });
    add('contract', { salarieId, type: 'cddi', start: addDays(day, -60), end: addDays(day, 200), weeklyHours: 26 });
    for (const s of slots) add('assignment', { salarieId, slotId: s.id, task: 'Travaux du banc', hours: null });
  }
  const results = await server.db.transaction((tx) => applyChanges(tx, { structureId: eti.structure_id, userId: null, deviceId: null, system: true, clock: deps.clock, today: day }, changes));
  const refused = results.find((r) => r.status !== 'applied');
  if (refused) throw new Error(`banc : écriture refusée : ${refused.message ?? refused.status}`);
}

