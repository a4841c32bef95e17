// RGPD right of access (GET /api/salaries/:id/export): everything the structure holds about one
// person that the asking coordinator may read, judged record by record by the same rules as the
// pull (canRead, visibleFields), with each exported record's field history. *Privé* log entries
// of other authors stay unreadable: they are only counted, by author and date, so the person
// knows they exist without the coordination reading them.
import { canRead, visibleFields, type Actor } from '../../domain/access';
import type { EntityName } from '../../domain/entities';
import type { ExportedHistoryLine, ExportedRecord, SalarieExport } from '../../sync/rgpd';
import { json, type Queryable } from '../db/types';
import { viewOf, type StoredRecord } from '../sync/records';
import { findSalarie, recordsAbout } from './about';
import type { HistoryRow as FieldChangeRow } from '../sync/history';

interface HistoryRow extends FieldChangeRow {
  entity: string;
  id: string;
}

function exported(actor: Actor, rec: StoredRecord): ExportedRecord {
  return { ...visibleFields(actor, rec.entity, rec.fields), id: rec.id };
}

/** The export, or null when the id is not a live salarié of the actor's structure. */
export async function exportSalarie(q: Queryable, actor: Actor, salarieId: string, now: Date): Promise<SalarieExport | null> {
  const salarie = await findSalarie(q, actor.structureId, salarieId);
  if (!salarie || !canRead(actor, viewOf(salarie))) return null;

  const records: Partial<Record<EntityName, ExportedRecord[]>> = {};
  const privateEntries: { authorId: string; date: string }[] = [];
  const readable: StoredRecord[] = [salarie];
  for (const rec of await recordsAbout(q, actor.structureId, salarieId)) {
    if (rec.deleted || rec.entity === 'salarie') continue;
    if (canRead(actor, viewOf(rec))) {
      readable.push(rec);
      (records[rec.entity] ??= []).push(exported(actor, rec));
    } else if (rec.entity === 'logEntry') {
      const { authorId, date } = rec.fields;
      privateEntries.push({ authorId: typeof authorId === 'string' ? authorId : '', date: typeof date === 'string' ? date : '' });
    }
  }
  privateEntries.sort((a, b) => a.date.localeCompare(b.date) || a.authorId.localeCompare(b.authorId));

  return {
    exportedAt: now.toISOString(),
    salarie: exported(actor, salarie),
    records,
    history: await historyOf(q, actor, readable),
    privateEntries,
  };
}

/** The field history of the readable records only (a hidden field is hidden in its history too). */
async function historyOf(q: Queryable, actor: Actor, readable: StoredRecord[]): Promise<ExportedHistoryLine[]> {
  const { rows } = await q.query<HistoryRow>(
    `SELECT h.entity, h.id, h.field, h.value, h.hlc, h.user_id, h.device_id, h.won, h.at
     FROM jsonb_to_recordset($2::jsonb) AS k(entity text, id text)
     JOIN field_history h ON h.structure_id = $1 AND h.entity = k.entity AND h.id = k.id
     ORDER BY h.hlc, h.entity, h.id, h.field`,
    [actor.structureId, json(readable.map((r) => ({ entity: r.entity, id: r.id })))],
  );
  const entityOf = new Map(readable.map((r) => [r.id, r.entity]));
  return rows.flatMap((h) => {
    const entity = entityOf.get(h.id);
    if (entity === undefined || entity !== h.entity) return [];
    // visibleFields over one field: a salarié-role reader never gets a confidential field's past values.
    if (!(h.field in visibleFields(actor, entity, { [h.field]: true }))) return [];
    return [{
      entity, id: h.id, field: h.field, value: h.value, hlc: h.hlc, userId: h.user_id, deviceId: h.device_id,
      won: h.won, at: new Date(h.at).toISOString(),
    }];
  });
}
