// Shared checks for the demo tests: schema validity and references between records, so the
// demo and its history are held to the same standard.
import { validateComplete, validateSet, type EntityName } from '../../../src/domain/entities';
import type { DemoRecord, DemoUser } from '../../../src/server/demo/demoData';

/** The first invalid record with the reason, or undefined when all pass both validations. */
export function firstInvalid(records: readonly DemoRecord[]): string | undefined {
  for (const r of records) {
    const set = validateSet(r.entity, r.fields);
    if (!set.ok) return `${r.entity} ${r.id}: ${set.field} — ${set.message}`;
    const complete = validateComplete(r.entity, r.fields);
    if (!complete.ok) return `${r.entity} ${r.id}: ${complete.field} — ${complete.message}`;
  }
  return undefined;
}

const REFERENCES: Record<string, EntityName | 'user'> = {
  salarieId: 'salarie', teamId: 'team', activityId: 'activity', competenceId: 'competence', passIaeId: 'passIae',
  slotId: 'planningSlot', chantierId: 'chantier', logEntryId: 'logEntry', authorId: 'user', evaluatorId: 'user',
  reviewerId: 'user', closedBy: 'user', issuerId: 'user',
};
const LIST_REFERENCES: Record<string, EntityName | 'user'> = { etiUserIds: 'user', competenceIds: 'competence' };

/** Every id a record points to exists, as a record of the right entity or as a user. */
export function danglingReferences(records: readonly DemoRecord[], users: readonly DemoUser[]): string[] {
  const entityOf = new Map<string, string>(records.map((r) => [r.id, r.entity]));
  for (const u of users) entityOf.set(u.id, 'user');
  const out: string[] = [];
  const check = (r: DemoRecord, field: string, target: string, value: unknown): void => {
    if (entityOf.get(String(value)) !== target) out.push(`${r.entity}.${field} → ${String(value)} (${target} attendu)`);
  };
  for (const r of records) {
    for (const [field, value] of Object.entries(r.fields)) {
      const single = REFERENCES[field];
      if (single && value !== null) check(r, field, single, value);
      const list = LIST_REFERENCES[field];
      if (list && Array.isArray(value)) for (const v of value) check(r, field, list, v);
    }
  }
  return out;
}

export function countBy(records: readonly DemoRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) out[r.entity] = (out[r.entity] ?? 0) + 1;
  return out;
}

export function ofEntity(records: readonly DemoRecord[], entity: EntityName): DemoRecord[] {
  return records.filter((r) => r.entity === entity);
}
