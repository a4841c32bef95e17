// Resolves who a signed-in user is for the access rules (the Actor): role from their synced
// user record, and for an ETI or a salarié the teams, salariés and slots in their scope. The
// fingerprint of that scope goes into pull cursors: when it changes, the device gets a reset.
import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/access';
import { ROLES, type Role } from '../../domain/entities';
import type { Fields } from '../../sync/protocol';
import { json, type Queryable } from '../db/types';

export interface UserInfo {
  id: string;
  structureId: string;
  role: Role;
  login: string;
  displayName: string;
  salarieId?: string;
  active: boolean;
}

/** The user's synced record as a UserInfo; null when missing, deleted or malformed. */
export function userInfoFrom(id: string, structureId: string, fields: Fields | null, deleted: boolean): UserInfo | null {
  if (!fields || deleted) return null;
  const role = fields['role'];
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return null;
  const salarieId = fields['salarieId'];
  return {
    id,
    structureId,
    role: role as Role,
    login: typeof fields['login'] === 'string' ? fields['login'] : '',
    displayName: typeof fields['displayName'] === 'string' ? fields['displayName'] : '',
    ...(typeof salarieId === 'string' ? { salarieId } : {}),
    active: fields['active'] !== false,
  };
}

interface Row {
  entity: string;
  fields: Fields;
  deleted: boolean;
}

/** The Actor of an active user, read inside the caller's transaction (or not); null otherwise. */
export async function resolveActor(q: Queryable, userId: string, structureId: string, today: string): Promise<{ actor: Actor; user: UserInfo } | null> {
  // Two primary-key lookups: an OR of both could be planned as a walk over the structure's rows.
  const { rows } = await q.query<Row>(
    `SELECT entity, fields, deleted FROM records WHERE entity = 'user' AND id = $1 AND structure_id = $2
     UNION ALL
     SELECT entity, fields, deleted FROM records WHERE entity = 'structure' AND id = $2 AND structure_id = $2`,
    [userId, structureId],
  );
  const userRow = rows.find((r) => r.entity === 'user');
  const structureRow = rows.find((r) => r.entity === 'structure');
  const user = userInfoFrom(userId, structureId, userRow?.fields ?? null, userRow?.deleted ?? true);
  if (!user || !user.active) return null;

  const actor: Actor = {
    userId,
    role: user.role,
    structureId,
    teamIds: new Set(),
    salarieIds: new Set(),
    slotIds: new Set(),
    etiMayEditReferentiel: structureRow?.fields['etiMayEditReferentiel'] === true,
    ...(user.role === 'salarie' && user.salarieId ? { salarieId: user.salarieId } : {}),
  };

  if (user.role === 'eti') {
    const teams = await q.query<{ id: string }>(
      `SELECT id FROM records WHERE structure_id = $1 AND entity = 'team' AND NOT deleted
       AND fields->'etiUserIds' @> $2::jsonb`,
      [structureId, json([userId])],
    );
    const teamIds = teams.rows.map((r) => r.id);
    if (teamIds.length > 0) {
      // Memberships not ended by today only (index records_membership_team, migration 11): the
      // teams' past members, who pile up over the years, are never read. isCurrent decides below.
      const members = await q.query<{ fields: Fields }>(
        `SELECT fields FROM records WHERE structure_id = $1 AND entity = 'membership' AND NOT deleted
         AND fields->>'teamId' = ANY(ARRAY(SELECT jsonb_array_elements_text($2::jsonb)))
         AND COALESCE(fields->>'to', '9999-12-31') >= $3`,
        [structureId, json(teamIds), today],
      );
      const salarieIds = new Set<string>();
      for (const { fields } of members.rows) {
        if (isCurrent(fields, today) && typeof fields['salarieId'] === 'string') salarieIds.add(fields['salarieId']);
      }
      actor.salarieIds = salarieIds;
    }
    actor.teamIds = new Set(teamIds);
  } else if (user.role === 'salarie' && user.salarieId) {
    // The salarié's own assignments through records_assignment_salarie (migration 11), not the
    // structure's: their number grows with everyone's history.
    const slots = await q.query<{ slot: string | null }>(
      `SELECT fields->>'slotId' AS slot FROM records WHERE structure_id = $1 AND entity = 'assignment'
       AND NOT deleted AND salarie_id = $2`,
      [structureId, user.salarieId],
    );
    actor.slotIds = new Set(slots.rows.flatMap((r) => (r.slot ? [r.slot] : [])));
  }
  return { actor, user };
}

/** A membership is current on `today` when it has started and not ended (dates inclusive). */
export function isCurrent(fields: Fields, today: string): boolean {
  const from = fields['from'];
  const to = fields['to'];
  if (typeof from !== 'string' || from > today) return false;
  return typeof to !== 'string' || to >= today;
}

/** A short digest of everything that decides what this actor may read. */
export function scopeFingerprint(actor: Actor): string {
  const sorted = (s: ReadonlySet<string>) => [...s].sort();
  const text = JSON.stringify([
    actor.userId, actor.structureId, actor.role, actor.salarieId ?? null,
    sorted(actor.teamIds), sorted(actor.salarieIds), sorted(actor.slotIds),
  ]);
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** Today's date where the structures work (memberships are dated in local days). */
export function localDate(nowMs: number, timeZone = 'Europe/Paris'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(nowMs));
}
