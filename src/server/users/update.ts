// Lists and changes the structure's logins (GET and PATCH /api/users). The private `users` row
// keeps the login and the password hash; the synced `user` record keeps name, role and whether
// the login is active, and is written through applyChanges like any other record, so every
// device sees the change at its next pull. Deactivating revokes the person's devices in the same
// transaction: their next request is `401 device_revoked`, and reactivating never brings those
// sessions back (the person signs in again).
import { uuidv7 } from '../../domain/ids';
import type { Fields, UserListItem } from '../../sync/protocol';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/types';
import { applyChanges } from '../sync/apply';
import type { ServerClock } from '../sync/clock';
import { lockStructure } from '../sync/structureLock';
import { userInfoFrom } from '../sync/scope';
import type { UserPatch } from './input';

export type { UserListItem };

interface UserRow {
  id: string;
  structure_id: string;
  login: string;
  last_login_at: Date | string | null;
  fields: Fields | null;
  deleted: boolean | null;
}

const USER_SELECT = `SELECT u.id, u.structure_id, u.login, u.last_login_at, r.fields, r.deleted
  FROM users u LEFT JOIN records r ON r.entity = 'user' AND r.id = u.id`;

function itemOf(row: UserRow): UserListItem | null {
  const info = userInfoFrom(row.id, row.structure_id, row.fields, row.deleted ?? true);
  if (!info) return null;
  return {
    id: row.id,
    // The login that signs in is the private row's; the record's copy is for display only.
    login: row.login,
    displayName: info.displayName,
    role: info.role,
    ...(info.salarieId !== undefined ? { salarieId: info.salarieId } : {}),
    active: info.active,
    ...(row.last_login_at !== null ? { lastLoginAt: new Date(row.last_login_at).toISOString() } : {}),
  };
}

export async function listUsers(db: Db, structureId: string): Promise<UserListItem[]> {
  const { rows } = await db.query<UserRow>(`${USER_SELECT} WHERE u.structure_id = $1 ORDER BY u.login`, [structureId]);
  return rows.flatMap((r) => itemOf(r) ?? []);
}

export class UpdateUserError extends Error {
  constructor(readonly status: 400 | 404 | 409, readonly code: string, readonly field: string, message: string) {
    super(message);
  }
}

export interface UpdateContext {
  db: Db;
  clock: ServerClock;
  today: string;
  now: number;
  /** The coordinator who asks (kept in the field history). */
  by: { userId: string; deviceId: string; structureId: string };
}

export async function updateUser(ctx: UpdateContext, id: string, patch: UserPatch): Promise<{ user: UserListItem; revokedDevices: number }> {
  // scrypt is slow on purpose: hash before taking any lock.
  const hash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  const at = new Date(ctx.now).toISOString();
  return ctx.db.transaction(async (tx) => {
    // The structure is in the WHERE: another structure's login is "unknown", exactly like a
    // login that does not exist, so nothing leaks.
    const { rows } = await tx.query<UserRow>(`${USER_SELECT} WHERE u.id = $1 AND u.structure_id = $2 FOR UPDATE OF u`, [id, ctx.by.structureId]);
    const row = rows[0];
    const before = row ? itemOf(row) : null;
    if (!row || !before) throw new UpdateUserError(404, 'not_found', 'id', 'compte inconnu');
    const self = id === ctx.by.userId;
    if (self && patch.active === false) {
      throw new UpdateUserError(409, 'cannot_deactivate_self', 'active', 'vous ne pouvez pas désactiver votre propre compte : demandez-le à une autre personne de la coordination');
    }
    // Leaving the coordination by one's own hand could leave a structure with no one to manage it.
    if (self && patch.role !== undefined && patch.role !== before.role) {
      throw new UpdateUserError(409, 'cannot_change_own_role', 'role', 'vous ne pouvez pas changer votre propre rôle : demandez-le à une autre personne de la coordination');
    }
    // A salarié's login is bound to their file (salarieId); PATCH cannot set one, so the role
    // salarié is neither given to nor taken from an existing login: create another login instead.
    if (patch.role !== undefined && patch.role !== before.role && (patch.role === 'salarie' || before.role === 'salarie')) {
      throw new UpdateUserError(400, 'invalid_body', 'role', 'le rôle salarié ne se donne ni ne se retire : créez un autre compte');
    }

    const set: Fields = {};
    if (patch.displayName !== undefined && patch.displayName !== before.displayName) set['displayName'] = patch.displayName;
    if (patch.role !== undefined && patch.role !== before.role) set['role'] = patch.role;
    if (patch.active !== undefined && patch.active !== before.active) set['active'] = patch.active;
    if (Object.keys(set).length > 0) {
      // Stamped after the structure lock: later than any change another server process stored.
      await lockStructure(tx, ctx.by.structureId, ctx.clock);
      const [result] = await applyChanges(tx, {
        structureId: ctx.by.structureId, userId: ctx.by.userId, deviceId: ctx.by.deviceId, system: true, clock: ctx.clock, today: ctx.today,
      }, [{ opId: uuidv7(), entity: 'user', id, hlc: ctx.clock.tick(), set }]);
      if (result?.status !== 'applied') throw new UpdateUserError(400, 'invalid_body', 'body', result?.message ?? 'modification refusée');
    }
    if (hash !== undefined) await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, hash]);
    let revokedDevices = 0;
    if (patch.active === false) {
      const revoked = await tx.query<{ id: string }>(
        'UPDATE devices SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id', [id, at],
      );
      revokedDevices = revoked.rows.length;
    }
    const user: UserListItem = {
      ...before, displayName: patch.displayName ?? before.displayName, role: patch.role ?? before.role, active: patch.active ?? before.active,
    };
    return { user, revokedDevices };
  });
}
