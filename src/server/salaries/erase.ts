// RGPD erasure (POST /api/salaries/:id/erase), once the person has left. In ONE transaction:
// every record about them becomes a tombstone keeping only `salarieId` (structureId is the row's
// column), written through applyChanges like any other change, so it takes a seq, records the
// audience it leaves (a log entry losing its visibility still reaches the devices that held it)
// and every device drops it at its next pull; the nulled fields keep their clocks, so an old
// change replayed by a late tablet loses and cannot bring a value back. Then their field history
// is purged, their logins deactivated with their devices revoked (as PATCH /api/users does), and
// one audit line written: who, which id, when — no name.
import { uuidv7 } from '../../domain/ids';
import { ownValue, setOwn } from '../../domain/ownKeys';
import { hasExited } from '../../domain/rgpd/retention';
import type { Change, Fields } from '../../sync/protocol';
import type { EraseResult } from '../../sync/rgpd';
import { json, type Db } from '../db/types';
import { applyChanges } from '../sync/apply';
import type { ServerClock } from '../sync/clock';
import { lockStructure } from '../sync/structureLock';
import type { StoredRecord } from '../sync/records';
import { findSalarie, recordsAbout } from './about';

export class EraseError extends Error {
  constructor(readonly status: 404 | 409, readonly code: 'not_found' | 'not_exited', message: string) {
    super(message);
  }
}

export interface EraseContext {
  db: Db;
  clock: ServerClock;
  today: string;
  now: number;
  /** The coordinator who erases (kept in the audit line). */
  by: { userId: string; deviceId: string; structureId: string };
}

/** The change that blanks a record: every field null but the salarié it is about, and deleted. */
function tombstoneOf(rec: StoredRecord, salarieId: string, hlc: string): Change {
  const set: Fields = {};
  // Own-property writes: a stored field name is never trusted to be harmless (`__proto__`).
  for (const name of Object.keys(rec.fields)) if (name !== 'salarieId') setOwn<Fields[string]>(set, name, null);
  // A review names its salarié through its log entry; the tombstone keeps it as a field.
  if (rec.entity !== 'salarie' && ownValue(rec.fields, 'salarieId') !== salarieId) set['salarieId'] = salarieId;
  return { opId: uuidv7(), entity: rec.entity, id: rec.id, hlc, set, deleted: true };
}

export async function eraseSalarie(ctx: EraseContext, salarieId: string): Promise<EraseResult> {
  const { structureId } = ctx.by;
  return ctx.db.transaction(async (tx) => {
    // The sequence lock first (applyChanges takes it again, same transaction): no write about
    // the person can commit between the list read below and the tombstones, and the tombstones'
    // clocks come after every change stored, whichever server process accepted it.
    await lockStructure(tx, structureId, ctx.clock);
    const salarie = await findSalarie(tx, structureId, salarieId);
    if (!salarie) throw new EraseError(404, 'not_found', 'salarié inconnu');
    const exitDate = salarie.fields['exitDate'];
    if (!hasExited(typeof exitDate === 'string' ? exitDate : null, ctx.today)) {
      throw new EraseError(409, 'not_exited', 'l’effacement n’est possible qu’à partir de la date de sortie du salarié');
    }

    const all = await recordsAbout(tx, structureId, salarieId);
    // The person's own login stays, inactive (contract: its name may remain).
    const logins = all.filter((r) => r.entity === 'user');
    const about = all.filter((r) => r.entity !== 'user');
    const changes: Change[] = about.map((rec) => tombstoneOf(rec, salarieId, ctx.clock.tick()));
    for (const login of logins) {
      if (!login.deleted && login.fields['active'] !== false) {
        changes.push({ opId: uuidv7(), entity: 'user', id: login.id, hlc: ctx.clock.tick(), set: { active: false } });
      }
    }
    const results = await applyChanges(tx, {
      structureId, userId: ctx.by.userId, deviceId: ctx.by.deviceId, system: true, clock: ctx.clock, today: ctx.today,
    }, changes);
    // A system write is never judged by the access rules; a refusal here is a bug: roll back all.
    if (results.some((r) => r.status === 'rejected')) throw new Error('erase: a tombstone was refused');

    const keys = json(about.map((r) => ({ entity: r.entity, id: r.id })));
    // The nulls served the merge (their clocks stay); the stored row keeps no trace of the fields.
    await tx.query(
      `UPDATE records r SET fields = jsonb_strip_nulls(r.fields)
       FROM jsonb_to_recordset($2::jsonb) AS k(entity text, id text)
       WHERE r.structure_id = $1 AND r.entity = k.entity AND r.id = k.id`,
      [structureId, keys],
    );
    // Field history (field_history is a view over applied_ops), the tombstones' own ops included.
    await tx.query(
      `DELETE FROM applied_ops o USING jsonb_to_recordset($2::jsonb) AS k(entity text, id text)
       WHERE o.structure_id = $1 AND o.entity = k.entity AND o.id = k.id`,
      [structureId, keys],
    );
    // Their signed badges (server/credentials/): a credential names the person, so it goes too.
    await tx.query('DELETE FROM issued_credentials WHERE structure_id = $1 AND salarie_id = $2', [structureId, salarieId]);
    const revoked = await tx.query<{ id: string }>(
      `UPDATE devices SET revoked_at = $3 WHERE structure_id = $1 AND revoked_at IS NULL
       AND user_id IN (SELECT jsonb_array_elements_text($2::jsonb)) RETURNING id`,
      [structureId, json(logins.map((l) => l.id)), new Date(ctx.now).toISOString()],
    );
    await tx.query(
      'INSERT INTO erasures (id, structure_id, salarie_id, erased_by, erased_at) VALUES ($1, $2, $3, $4, $5)',
      [uuidv7(ctx.now), structureId, salarieId, ctx.by.userId, new Date(ctx.now).toISOString()],
    );
    return { records: about.length, deactivatedLogins: logins.length, revokedDevices: revoked.rows.length };
  });
}

