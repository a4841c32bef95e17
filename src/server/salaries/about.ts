// The records a structure holds about one salarié, read the same way by the RGPD export and the
// erasure: their file, every record whose `salarie_id` is theirs (logins included), and reviews
// of their log entries even when a review's own salarié column was never filled.
import type { Queryable } from '../db/types';
import { fromRow, RECORD_COLUMNS, type RecordRow, type StoredRecord } from '../sync/records';

/** The salarié's live file in this structure; null for an unknown, erased or foreign id (all look alike). */
export async function findSalarie(q: Queryable, structureId: string, salarieId: string): Promise<StoredRecord | null> {
  const { rows } = await q.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records WHERE entity = 'salarie' AND id = $1 AND structure_id = $2 AND NOT deleted`,
    [salarieId, structureId],
  );
  return rows[0] ? fromRow(rows[0]) : null;
}

/** Every record about the salarié, their own file first, deleted ones included (they still hold values). */
export async function recordsAbout(q: Queryable, structureId: string, salarieId: string): Promise<StoredRecord[]> {
  const { rows } = await q.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records
     WHERE structure_id = $1 AND (
       salarie_id = $2
       OR (entity = 'salarie' AND id = $2)
       OR (entity = 'review' AND fields->>'logEntryId' IN (
         SELECT id FROM records WHERE structure_id = $1 AND entity = 'logEntry' AND salarie_id = $2)))
     ORDER BY (entity = 'salarie') DESC, entity, seq`,
    [structureId, salarieId],
  );
  return rows.map(fromRow);
}
