// The badge rule the server enforces alone (issue 12): a pushed badge is applied only when the
// domain says it may be issued (domain/badges/rules.ts) — the competence, or every competence of
// the activity, acquis for that salarié on the badge's date, and a writer allowed to issue (the
// coordination, or the ETI of the salarié's team when the structure allows it). Otherwise the
// change is rejected as `invalid` with the rule's French message, as the PASS and contract rules
// are (integrity.ts). What it reads — the salarié's evaluations, the activity's competences, the
// structure — comes from `records` in the push's transaction, with this batch's records laid over.
import type { Actor } from '../../domain/access';
import { badgeProblem } from '../../domain/badges/rules';
import type { EvaluationLike } from '../../domain/rules/matrix';
import type { Queryable } from '../db/types';
import { fromRow, RECORD_COLUMNS, recordKey, type RecordRow, type StoredRecord } from './records';

export interface BadgeIntegrityInput {
  structureId: string;
  /** The badge after the merge (not deleted). */
  after: StoredRecord;
  /** The writer; the rule on who may issue applies to it. */
  actor: Actor | undefined;
  batch: ReadonlyMap<string, StoredRecord | null>;
}

export async function badgeIntegrityProblem(q: Queryable, input: BadgeIntegrityInput): Promise<string | null> {
  const { after, structureId, actor } = input;
  const f = after.fields;
  const salarieId = typeof f['salarieId'] === 'string' ? f['salarieId'] : null;
  const issuedOn = typeof f['issuedOn'] === 'string' ? f['issuedOn'] : null;
  if (salarieId === null || issuedOn === null) return null; // validateComplete already refused it
  const activityId = typeof f['activityId'] === 'string' ? f['activityId'] : null;

  const { rows } = await q.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records
     WHERE structure_id = $1 AND NOT deleted
       AND ((entity = 'evaluation' AND salarie_id = $2)
         OR (entity = 'competence' AND fields->>'activityId' = $3)
         OR (entity = 'structure' AND id = $1))`,
    [structureId, salarieId, activityId ?? ''],
  );
  const byKey = new Map<string, StoredRecord>();
  for (const r of rows) { const rec = fromRow(r); byKey.set(recordKey(rec.entity, rec.id), rec); }
  const wanted = (r: StoredRecord) => r.structureId === structureId && (
    (r.entity === 'evaluation' && r.fields['salarieId'] === salarieId)
    || (r.entity === 'competence' && activityId !== null && r.fields['activityId'] === activityId)
    || (r.entity === 'structure' && r.id === structureId));
  for (const [key, rec] of input.batch) {
    if (rec === null) continue;
    if (rec.deleted || !wanted(rec)) byKey.delete(key);
    else byKey.set(key, rec);
  }
  const all = [...byKey.values()];
  const structure = all.find((r) => r.entity === 'structure');
  const evaluations = all.filter((r) => r.entity === 'evaluation').flatMap((r): EvaluationLike[] => {
    const e = r.fields;
    return typeof e['competenceId'] === 'string' && typeof e['level'] === 'number' && typeof e['context'] === 'string' && typeof e['date'] === 'string'
      ? [{ id: r.id, salarieId, competenceId: e['competenceId'], level: e['level'], context: e['context'], date: e['date'] }]
      : [];
  });
  return badgeProblem(
    { salarieId, issuedOn, competenceId: typeof f['competenceId'] === 'string' ? f['competenceId'] : null, activityId },
    {
      evaluations,
      activityCompetenceIds: all.filter((r) => r.entity === 'competence').map((r) => r.id),
      issuer: actor === undefined ? undefined : {
        role: actor.role,
        ownsSalarie: actor.role === 'coordinator' || actor.salarieIds.has(salarieId),
        etiMayIssueBadges: structure?.fields['etiMayIssueBadges'] === true,
      },
    },
  );
}
