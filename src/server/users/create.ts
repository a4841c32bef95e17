// Creates a login: the private `users` row (login, password hash) and the synced `user` record
// (role, name, salarié link) in one transaction, through the same write path as a push.
import { uuidv7 } from '../../domain/ids';
import type { Fields } from '../../sync/protocol';
import { hashPassword } from '../auth/password';
import type { Db, Queryable } from '../db/types';
import { applyChanges } from '../sync/apply';
import type { ServerClock } from '../sync/clock';
import { lockStructure } from '../sync/structureLock';
import type { NewUserInput } from './input';

export class CreateUserError extends Error {
  constructor(readonly code: 'login_taken' | 'invalid' | 'not_found', readonly field: string, message: string) {
    super(message);
  }
}

export interface CreateContext {
  db: Db;
  clock: ServerClock;
  today: string;
  /** The coordinator who creates it (kept in the field history); absent for administration. */
  by?: { userId: string; deviceId: string };
}

export async function createUser(ctx: CreateContext, structureId: string, input: NewUserInput): Promise<string> {
  const hash = await hashPassword(input.password);
  return ctx.db.transaction((tx) => createUserInTx(tx, ctx, structureId, input, hash));
}

/** The same inside an open transaction (seeding creates all its users in one). */
export async function createUserInTx(
  tx: Queryable, ctx: Omit<CreateContext, 'db'>, structureId: string, input: NewUserInput, passwordHash: string, id: string = uuidv7(),
): Promise<string> {
  const { rows } = await tx.query<{ entity: string; id: string }>(
    `SELECT entity, id FROM records WHERE NOT deleted AND structure_id = $1
     AND ((entity = 'structure' AND id = $1) OR (entity = 'salarie' AND id = $2))`,
    [structureId, input.salarieId ?? ''],
  );
  if (!rows.some((r) => r.entity === 'structure')) throw new CreateUserError('not_found', 'structure', 'structure inconnue');
  if (input.salarieId && !rows.some((r) => r.entity === 'salarie')) {
    throw new CreateUserError('invalid', 'salarieId', 'fiche salarié introuvable dans cette structure');
  }
  const inserted = await tx.query(
    'INSERT INTO users (id, structure_id, login, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (login) DO NOTHING RETURNING id',
    [id, structureId, input.login, passwordHash],
  );
  if (inserted.rows.length === 0) throw new CreateUserError('login_taken', 'login', 'cet identifiant existe déjà');
  const set: Fields = { login: input.login, displayName: input.displayName, role: input.role, active: true };
  if (input.salarieId) set['salarieId'] = input.salarieId;
  // Stamped after the structure lock: later than any change another server process stored.
  await lockStructure(tx, structureId, ctx.clock);
  const [result] = await applyChanges(tx, {
    structureId, userId: ctx.by?.userId ?? null, deviceId: ctx.by?.deviceId ?? null,
    system: true, allowUserCreate: true, clock: ctx.clock, today: ctx.today,
  }, [{ opId: uuidv7(), entity: 'user', id, hlc: ctx.clock.tick(), set }]);
  if (result?.status !== 'applied') throw new CreateUserError('invalid', 'body', result?.message ?? 'compte refusé');
  return id;
}
