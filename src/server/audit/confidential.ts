// Which reads the audit of confidential reads records (issue 13). The domain calls confidential
// a diagnostic (« team only », DOMAIN.md) and a *privé* log entry (its author's alone); the
// fields entities.ts marks confidential (a salarié's confidential notes and prescriber, a
// contract's or prolongation's notes) are in every record of those entities, so their reads are
// the daily work and are not logged on a pull — but their past values are, when a record's field
// history is opened.
import { confidentialFields, type EntityName } from '../../domain/entities';
import type { PulledChange } from '../../sync/protocol';

/** A record confidential as a whole: a diagnostic, or a log entry whose visibility is privé. */
export function isConfidentialRecord(entity: EntityName, fields: Readonly<Record<string, unknown>>): boolean {
  if (entity === 'diagnostic') return true;
  return entity === 'logEntry' && fields['visibility'] === 'private';
}

/** A pulled change that delivers confidential content (a tombstone delivers none). */
export function isConfidentialPull(c: PulledChange): boolean {
  return !c.deleted && isConfidentialRecord(c.entity, c.fields);
}

/** Whether reading a record's field history reads confidential values. */
export function hasConfidentialHistory(entity: EntityName, fields: Readonly<Record<string, unknown>>): boolean {
  return isConfidentialRecord(entity, fields) || confidentialFields(entity).length > 0;
}
