// Rows stored in an older record version are rewritten in today's, once, when a new release
// starts (inside the migration transaction and its advisory lock, so several processes starting
// together do it once). Reads upgrade an older row anyway (records.ts fromRow), but the SQL that
// reads fields directly (closed months, scope lookups) must find today's names.
// The rewrite keeps `seq`: devices upgrade their copies with the same pure steps, so there is
// nothing new for them to pull. Upgrade steps never touch the fields access depends on.
import { ENTITY_NAMES } from '../../domain/entities';
import { versionOf } from '../../domain/records/upgrades';
import { json, type Queryable } from '../db/types';
import { fromRow, RECORD_COLUMNS, type RecordRow } from './records';

const BATCH = 500;

/** Rewrites every row older than its entity's version; returns how many were upgraded. */
export async function upgradeStoredRecords(tx: Queryable): Promise<number> {
  let total = 0;
  for (const entity of ENTITY_NAMES) {
    const version = versionOf(entity);
    if (version === 1) continue;
    for (;;) {
      const { rows } = await tx.query<RecordRow>(
        `SELECT ${RECORD_COLUMNS} FROM records WHERE entity = $1 AND version < $2 LIMIT ${BATCH}`,
        [entity, version],
      );
      if (rows.length === 0) break;
      const upgraded = rows.map(fromRow).map((r) => ({ id: r.id, fields: r.fields, clocks: r.clocks }));
      await tx.query(
        `UPDATE records r SET fields = x.fields, clocks = x.clocks, version = $2
         FROM json_to_recordset($3::json) AS x(id text, fields jsonb, clocks jsonb)
         WHERE r.entity = $1 AND r.id = x.id`,
        [entity, version, json(upgraded)],
      );
      total += rows.length;
      if (rows.length < BATCH) break;
    }
  }
  return total;
}
