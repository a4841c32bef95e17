// What a calendar address shows: the holder's planning between two dates, as plain events.
// Every row passes the server's access rules (domain/access.ts `canRead`, `visibleFields`) for
// the holder, so the feed never shows more than their tablet may hold. One deliberate exception,
// written in the contract: a salarié gets the NAME and PLACE of the chantier of a slot they are
// assigned to (the rules give a salarié no chantier records) — nothing else of the chantier
// (client, quote, hazards…).
//
// Only planning entities are read here (planningSlot, assignment, chantier, team, salarie):
// never a diagnostic, a log entry, a review or a dossier field. For an ETI, each assigned salarié
// the ETI may read appears as « Prénom N. » and their task: enough to know who is where, while
// the feed, once subscribed, is copied by the phone's calendar service outside the structure.
import { canRead, visibleFields, type Actor } from '../../domain/access';
import type { EntityName } from '../../domain/entities';
import { json, type Queryable } from '../db/types';
import { fromRow, RECORD_COLUMNS, viewOf, type RecordRow, type StoredRecord } from '../sync/records';

export interface CalendarEvent {
  /** Stable across refreshes, so a phone updates an event instead of duplicating it. */
  uid: string;
  date: string;
  startTime?: string;
  endTime?: string;
  title: string;
  location?: string;
  description?: string;
}

type Fields = StoredRecord['fields'];

const text = (fields: Fields, key: string): string | undefined => {
  const v = fields[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

const list = (fields: Fields, key: string): string[] => {
  const v = fields[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
};

/**
 * Readable rows of `entity` matching `where` ($1 is the structure). `entity` and `where` are
 * constants of this file, never request input; the values travel as parameters.
 */
async function readable(q: Queryable, actor: Actor, entity: EntityName, where: string, params: unknown[]): Promise<StoredRecord[]> {
  const { rows } = await q.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records WHERE structure_id = $1 AND entity = '${entity}' AND NOT deleted AND ${where}`,
    [actor.structureId, ...params],
  );
  return rows.map(fromRow).filter((r) => canRead(actor, viewOf(r))).map((r) => ({ ...r, fields: visibleFields(actor, r.entity, r.fields) }));
}

/** Records of `entity` with one of `ids`, no access check (the callers decide what they keep). */
async function byIds(q: Queryable, structureId: string, entity: EntityName, ids: Iterable<string>): Promise<Map<string, StoredRecord>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const { rows } = await q.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records WHERE structure_id = $1 AND entity = '${entity}' AND NOT deleted
     AND id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    [structureId, json(wanted)],
  );
  return new Map(rows.map((r) => [r.id, fromRow(r)]));
}

const IN_WINDOW = `fields->>'date' BETWEEN $3 AND $4`;

function slotTimes(slot: Fields): Pick<CalendarEvent, 'startTime' | 'endTime'> {
  const startTime = text(slot, 'startTime');
  const endTime = text(slot, 'endTime');
  return { ...(startTime ? { startTime } : {}), ...(endTime ? { endTime } : {}) };
}

function placeOf(chantier: Fields | undefined): string | undefined {
  if (!chantier) return undefined;
  const parts = [text(chantier, 'name'), text(chantier, 'place')].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

const lines = (...ls: (string | undefined)[]): string | undefined => {
  const kept = ls.filter((l): l is string => l !== undefined);
  return kept.length > 0 ? kept.join('\n') : undefined;
};

/** A salarié's own slots: one event per assignment, with the task, the place, the consignes and EPI. */
async function salariePlanning(q: Queryable, actor: Actor, from: string, to: string): Promise<CalendarEvent[]> {
  if (actor.salarieId === undefined) return [];
  const assignments = await readable(q, actor, 'assignment', 'salarie_id = $2', [actor.salarieId]);
  const slotIds = [...new Set(assignments.map((a) => text(a.fields, 'slotId')).filter((s): s is string => s !== undefined))];
  if (slotIds.length === 0) return [];
  const slots = new Map((await readable(q, actor, 'planningSlot', `id IN (SELECT jsonb_array_elements_text($2::jsonb)) AND ${IN_WINDOW}`, [json(slotIds), from, to]))
    .map((s) => [s.id, s]));
  // The contract's exception: name and place only, of the chantiers of the holder's own slots.
  const chantiers = await byIds(q, actor.structureId, 'chantier', [...slots.values()].flatMap((s) => text(s.fields, 'chantierId') ?? []));
  const events: CalendarEvent[] = [];
  for (const a of assignments) {
    const slot = slots.get(text(a.fields, 'slotId') ?? '');
    if (!slot) continue;
    const chantier = chantiers.get(text(slot.fields, 'chantierId') ?? '');
    const chantierName = chantier ? text(chantier.fields, 'name') : undefined;
    const task = text(a.fields, 'task');
    const epi = list(a.fields, 'epi');
    const location = placeOf(chantier?.fields);
    const description = lines(
      task ? `Travail : ${task}` : undefined,
      text(a.fields, 'consignes') ? `Consignes : ${text(a.fields, 'consignes')}` : undefined,
      epi.length > 0 ? `Équipements de protection (EPI) : ${epi.join(', ')}` : undefined,
    );
    events.push({
      uid: `assignment-${a.id}`,
      date: text(slot.fields, 'date') ?? from,
      ...slotTimes(slot.fields),
      title: [task, chantierName].filter(Boolean).join(' — ') || text(slot.fields, 'label') || 'Travail',
      ...(location ? { location } : {}),
      ...(description ? { description } : {}),
    });
  }
  return events;
}

/** « Amina D. »: the first name and the last name's initial. */
function shortName(salarie: Fields): string | undefined {
  const first = text(salarie, 'firstName');
  const last = text(salarie, 'lastName');
  if (!first) return undefined;
  return last ? `${first} ${last.slice(0, 1).toUpperCase()}.` : first;
}

/** An ETI's teams' slots: one event per slot, with the team, the place and who is assigned. */
async function etiPlanning(q: Queryable, actor: Actor, from: string, to: string): Promise<CalendarEvent[]> {
  if (actor.teamIds.size === 0) return [];
  const slots = await readable(q, actor, 'planningSlot', `fields->>'teamId' IN (SELECT jsonb_array_elements_text($2::jsonb)) AND ${IN_WINDOW}`, [json([...actor.teamIds]), from, to]);
  if (slots.length === 0) return [];
  const keep = (m: Map<string, StoredRecord>) => new Map([...m].filter(([, r]) => canRead(actor, viewOf(r))));
  const chantiers = keep(await byIds(q, actor.structureId, 'chantier', slots.flatMap((s) => text(s.fields, 'chantierId') ?? [])));
  const teams = keep(await byIds(q, actor.structureId, 'team', slots.flatMap((s) => text(s.fields, 'teamId') ?? [])));
  const assignments = await readable(q, actor, 'assignment', `fields->>'slotId' IN (SELECT jsonb_array_elements_text($2::jsonb))`, [json(slots.map((s) => s.id))]);
  const salaries = keep(await byIds(q, actor.structureId, 'salarie', assignments.flatMap((a) => text(a.fields, 'salarieId') ?? [])));

  const assignedTo = new Map<string, string[]>();
  for (const a of assignments) {
    const salarie = salaries.get(text(a.fields, 'salarieId') ?? '');
    const name = salarie ? shortName(salarie.fields) : undefined;
    const slotId = text(a.fields, 'slotId');
    if (!name || !slotId) continue;
    const task = text(a.fields, 'task');
    assignedTo.set(slotId, [...(assignedTo.get(slotId) ?? []), task ? `${name} : ${task}` : name]);
  }
  return slots.map((slot): CalendarEvent => {
    const chantier = chantiers.get(text(slot.fields, 'chantierId') ?? '');
    const team = teams.get(text(slot.fields, 'teamId') ?? '');
    const people = (assignedTo.get(slot.id) ?? []).sort((x, y) => x.localeCompare(y, 'fr'));
    const location = placeOf(chantier?.fields);
    const description = lines(
      team ? `Équipe : ${text(team.fields, 'name') ?? ''}` : undefined,
      people.length > 0 ? `Affectés :\n${people.map((p) => `- ${p}`).join('\n')}` : undefined,
    );
    return {
      uid: `slot-${slot.id}`,
      date: text(slot.fields, 'date') ?? from,
      ...slotTimes(slot.fields),
      title: text(slot.fields, 'label') ?? (chantier ? text(chantier.fields, 'name') : undefined) ?? 'Créneau',
      ...(location ? { location } : {}),
      ...(description ? { description } : {}),
    };
  });
}

/** The holder's events with a date in [from, to] (inclusive), by date then time. A coordinator has none. */
export async function readPlanning(q: Queryable, actor: Actor, from: string, to: string): Promise<CalendarEvent[]> {
  const events = actor.role === 'salarie' ? await salariePlanning(q, actor, from, to)
    : actor.role === 'eti' ? await etiPlanning(q, actor, from, to)
      : [];
  return events.sort((a, b) => a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? '') || a.uid.localeCompare(b.uid));
}
