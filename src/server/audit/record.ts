// Writing the audit of confidential reads (table read_audit, migration 10): one line per kind of
// confidential read — who (user id, role, device id), when, what kind, which entity, which
// salarié ids, how many records. Ids and counts only: a name, a text or a field value never
// enters the log, so the log does not become one more copy of the data it watches. A pull page
// is hot: its lines (one per confidential entity it holds) go in ONE insert, and none at all
// when the page holds nothing confidential.
import type { EntityName, Role } from '../../domain/entities';
import { uuidv7 } from '../../domain/ids';
import type { AuditKind, PulledChange } from '../../sync/protocol';
import { json, type Queryable } from '../db/types';
import { isConfidentialPull } from './confidential';

/** Who read: the session's user and device, with the role they read under. */
export interface Reader {
  structureId: string;
  userId: string;
  role: Role;
  deviceId: string | null;
}

export interface ReadLine {
  kind: Exclude<AuditKind, 'erase'>;
  entity: EntityName;
  /** For a history read: the record whose history was read. */
  recordId?: string;
  salarieIds: readonly string[];
  records: number;
}

/** Writes the lines of one read in a single statement; nothing when there is none. */
export async function recordReads(q: Queryable, reader: Reader, at: number, lines: readonly ReadLine[]): Promise<void> {
  if (lines.length === 0) return;
  const rows = lines.map((l) => ({
    id: uuidv7(at), kind: l.kind, entity: l.entity, record_id: l.recordId ?? null,
    salarie_ids: [...new Set(l.salarieIds)].sort(), records: l.records,
  }));
  await q.query(
    `INSERT INTO read_audit (id, structure_id, at, user_id, role, device_id, kind, entity, record_id, salarie_ids, records)
     SELECT l.id, $1, $2, $3, $4, $5, l.kind, l.entity, l.record_id, l.salarie_ids, l.records
     FROM jsonb_to_recordset($6::jsonb) AS l(id text, kind text, entity text, record_id text, salarie_ids jsonb, records integer)`,
    [reader.structureId, new Date(at).toISOString(), reader.userId, reader.role, reader.deviceId, json(rows)],
  );
}

/** The confidential content of a pull page, one line per entity (diagnostic, logEntry). */
export function pullLines(changes: readonly PulledChange[]): ReadLine[] {
  const byEntity = new Map<EntityName, { salarieIds: string[]; records: number }>();
  for (const c of changes) {
    if (!isConfidentialPull(c)) continue;
    let line = byEntity.get(c.entity);
    if (line === undefined) byEntity.set(c.entity, line = { salarieIds: [], records: 0 });
    line.records++;
    const s = c.fields['salarieId'];
    if (typeof s === 'string') line.salarieIds.push(s);
  }
  return [...byEntity].map(([entity, l]) => ({ kind: 'pull' as const, entity, ...l }));
}

/** After a pull page is read: at most one insert, none for a page with nothing confidential. */
export function auditPull(q: Queryable, reader: Reader, at: number, changes: readonly PulledChange[]): Promise<void> {
  return recordReads(q, reader, at, pullLines(changes));
}
