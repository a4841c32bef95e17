// How a synced record is stored (one row per record, current state plus its commit position)
// and how a row becomes the RecordView the access rules judge — in today's record version.
import type { RecordView } from '../../domain/access';
import type { EntityName } from '../../domain/entities';
import { needsUpgrade, upgradeClocked } from '../../domain/records/upgrades';
import type { Clocks, Fields } from '../../sync/protocol';
export { recordKey } from '../../sync/protocol';
import { toNumber } from '../db/types';

export interface StoredRecord {
  entity: EntityName;
  id: string;
  structureId: string;
  fields: Fields;
  clocks: Clocks;
  deleted: boolean;
  /** Commit position of the record's last change in its structure. */
  seq: number;
  /** Commit position of the change that created it (a device behind that never had it). */
  createdSeq: number;
  /** The salarié the record is about (for a review: its log entry's salarié). */
  salarieId: string | null;
}

export interface RecordRow {
  entity: string;
  id: string;
  structure_id: string;
  fields: Fields;
  clocks: Clocks;
  deleted: boolean;
  seq: unknown;
  created_seq: unknown;
  salarie_id: string | null;
  /** The record version `fields` are in (absent on rows read before migration 3: 1). */
  version?: unknown;
}

export const RECORD_COLUMNS = 'entity, id, structure_id, fields, clocks, deleted, seq, created_seq, salarie_id, version';

/** A row as the rules judge it, in today's version of its entity (an older row is upgraded). */
export function fromRow(r: RecordRow): StoredRecord {
  const entity = r.entity as EntityName;
  const version = r.version === undefined || r.version === null ? 1 : toNumber(r.version);
  const { fields, clocks } = needsUpgrade(entity, version)
    ? upgradeClocked(entity, version, { fields: r.fields, clocks: r.clocks }) as { fields: Fields; clocks: Clocks }
    : { fields: r.fields, clocks: r.clocks };
  return {
    entity,
    id: r.id,
    structureId: r.structure_id,
    fields,
    clocks,
    deleted: r.deleted,
    seq: toNumber(r.seq),
    createdSeq: toNumber(r.created_seq),
    salarieId: r.salarie_id,
  };
}

export function viewOf(r: Pick<StoredRecord, 'entity' | 'id' | 'structureId' | 'fields' | 'salarieId'>): RecordView {
  return { entity: r.entity, id: r.id, structureId: r.structureId, fields: r.fields, salarieId: r.salarieId ?? undefined };
}

/**
 * Fields the access rules read: when a change alters one, the old values are kept so that a
 * pull can tell a device that a record it holds has left its view (a tombstone).
 */
export const AUDIENCE_FIELDS = [
  'salarieId', 'teamId', 'visibility', 'authorId', 'context', 'evaluatorId', 'reviewerId',
  'logEntryId', 'etiUserIds', 'role', 'slotId',
] as const;

export function audienceOf(fields: Fields): Fields {
  const out: Fields = {};
  for (const f of AUDIENCE_FIELDS) {
    const v = fields[f];
    if (v !== undefined) out[f] = v;
  }
  return out;
}

export function audienceChanged(before: StoredRecord, after: StoredRecord): boolean {
  if (before.salarieId !== after.salarieId) return true;
  return AUDIENCE_FIELDS.some((f) => JSON.stringify(before.fields[f] ?? null) !== JSON.stringify(after.fields[f] ?? null));
}
