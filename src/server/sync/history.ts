// GET /api/history/:entity/:id (coordinator): every value written to each field of a record,
// the winners and the values that lost a conflict, with who wrote them, from which device, when.
import { Hono } from 'hono';
import { canRead, salarieOf } from '../../domain/access';
import { isEntityName } from '../../domain/entities';
import { isRecordId } from '../../domain/ids';
import type { JsonValue } from '../../sync/protocol';
import { today, type AppDeps } from '../deps';
import { hasConfidentialHistory } from '../audit/confidential';
import { recordReads } from '../audit/record';
import { requireCoordinator, requireSession } from '../auth/session';
import { HttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { fromRow, RECORD_COLUMNS, viewOf, type RecordRow } from './records';
import { resolveActor } from './scope';

/** One stored field change as read from applied_ops (the RGPD export reads the same rows). */
export interface HistoryRow {
  field: string;
  value: JsonValue;
  hlc: string;
  user_id: string | null;
  device_id: string | null;
  won: boolean;
  at: Date | string;
}

export function historyRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/history/:entity/:id', requireSession(deps), requireCoordinator(), async (c) => {
    const { user, deviceId } = c.get('session');
    const entity = c.req.param('entity');
    const id = c.req.param('id');
    const notFound = new HttpError(404, { error: 'not_found', message: 'enregistrement inconnu' });
    if (!isEntityName(entity) || !isRecordId(id)) throw notFound;
    const rec = await deps.db.query<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM records WHERE entity = $1 AND id = $2`, [entity, id]);
    const resolved = await resolveActor(deps.db, user.id, user.structureId, today(deps));
    const row = rec.rows[0];
    const view = row ? viewOf(fromRow(row)) : undefined;
    if (!view || !resolved || !canRead(resolved.actor, view)) throw notFound;
    const { rows } = await deps.db.query<HistoryRow>(
      `SELECT field, value, hlc, user_id, device_id, won, at FROM field_history
       WHERE structure_id = $1 AND entity = $2 AND id = $3 ORDER BY hlc, field`,
      [user.structureId, entity, id],
    );
    // Audit (audit/confidential.ts): the past values of a diagnostic, a privé entry or a confidential field.
    if (hasConfidentialHistory(entity, view.fields)) {
      const salarieId = salarieOf(view);
      await recordReads(deps.db, { structureId: user.structureId, userId: user.id, role: resolved.actor.role, deviceId }, deps.now(), [
        { kind: 'history', entity, recordId: id, salarieIds: salarieId !== undefined ? [salarieId] : [], records: 1 },
      ]);
    }
    return c.json({
      history: rows.map((h) => ({
        field: h.field, value: h.value, hlc: h.hlc, userId: h.user_id, deviceId: h.device_id, won: h.won, at: new Date(h.at).toISOString(),
      })),
    });
  });
  return r;
}
