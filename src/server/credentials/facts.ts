// What a badge's credential says, read from the records: the badge, the salarié's name, the
// competence (or the activity and its competences), the evaluations behind it, the structure's
// name, and when the server first held the badge (its first applied change: `validFrom`).
// Only live records of the badge's own structure are read.
import { acquiredOn, badgeEvidence } from '../../domain/badges/eligibility';
import { fullName } from '../../domain/people';
import type { EvaluationLike } from '../../domain/rules/matrix';
import type { Queryable } from '../db/types';
import { fromRow, RECORD_COLUMNS, type RecordRow, type StoredRecord } from '../sync/records';
import type { CredentialFacts } from './achievement';

/** The badge record, live, whatever its structure (the caller checks access); null otherwise. */
export async function liveBadge(q: Queryable, badgeId: string): Promise<StoredRecord | null> {
  const { rows } = await q.query<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM records WHERE entity = 'badge' AND id = $1 AND NOT deleted`, [badgeId]);
  const row = rows[0];
  return row ? fromRow(row) : null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export async function credentialFacts(q: Queryable, origin: string, badge: StoredRecord): Promise<CredentialFacts | null> {
  const f = badge.fields;
  const salarieId = str(f['salarieId']);
  const issuedOn = str(f['issuedOn']);
  const competenceId = str(f['competenceId']);
  const activityId = str(f['activityId']);
  if (salarieId === null || issuedOn === null) return null;
  const { rows } = await q.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records
     WHERE structure_id = $1 AND NOT deleted AND (
       (entity = 'structure' AND id = $1) OR (entity = 'salarie' AND id = $2)
       OR (entity = 'evaluation' AND salarie_id = $2)
       OR (entity = 'competence' AND (id = $3 OR fields->>'activityId' = $4))
       OR (entity = 'activity' AND id = $4))`,
    [badge.structureId, salarieId, competenceId ?? '', activityId ?? ''],
  );
  const records = rows.map(fromRow);
  const one = (entity: string, id: string | null) => records.find((r) => r.entity === entity && r.id === id) ?? null;
  const structure = one('structure', badge.structureId);
  const salarie = one('salarie', salarieId);
  if (structure === null || salarie === null) return null;
  const evaluations = records.filter((r) => r.entity === 'evaluation').flatMap((r): EvaluationLike[] => {
    const e = r.fields;
    const c = str(e['competenceId']);
    const context = str(e['context']);
    const date = str(e['date']);
    return c !== null && context !== null && date !== null && typeof e['level'] === 'number'
      ? [{ id: r.id, salarieId, competenceId: c, level: e['level'], context, date }] : [];
  });
  const levels = acquiredOn(evaluations, salarieId, issuedOn);
  const labelOf = (id: string) => str(one('competence', id)?.fields['label']) ?? 'Compétence';

  let achievement: CredentialFacts['achievement'];
  let competenceIds: string[];
  if (competenceId !== null) {
    const competence = one('competence', competenceId);
    if (competence === null) return null;
    const activity = records.find((r) => r.entity === 'activity' && r.id === str(competence.fields['activityId']));
    competenceIds = [competenceId];
    achievement = {
      kind: 'competence', id: competenceId, label: labelOf(competenceId),
      description: str(competence.fields['description']), activityName: str(activity?.fields['name']),
      level: levels.get(competenceId) ?? 3,
    };
  } else {
    const activity = one('activity', activityId);
    if (activity === null || activityId === null) return null;
    const competences = records.filter((r) => r.entity === 'competence' && r.fields['activityId'] === activityId)
      .sort((a, b) => labelOf(a.id).localeCompare(labelOf(b.id), 'fr'));
    competenceIds = competences.map((c) => c.id);
    achievement = {
      kind: 'activity', id: activityId, name: str(activity.fields['name']) ?? 'Activité',
      competences: competences.map((c) => ({ label: labelOf(c.id), level: levels.get(c.id) ?? 3 })),
    };
  }

  const first = await q.query<{ at: Date | string | null }>(
    `SELECT min(at) AS at FROM applied_ops WHERE structure_id = $1 AND entity = 'badge' AND id = $2`,
    [badge.structureId, badge.id],
  );
  const at = first.rows[0]?.at;
  const held = at ? new Date(at) : new Date();
  return {
    origin,
    badgeId: badge.id,
    structure: { id: badge.structureId, name: str(structure.fields['name']) ?? 'Structure d’insertion' },
    validFrom: `${held.toISOString().slice(0, 19)}Z`,
    recipientName: fullName({ firstName: str(salarie.fields['firstName']), lastName: str(salarie.fields['lastName']) }),
    achievement,
    evidence: badgeEvidence(evaluations, salarieId, competenceIds, issuedOn).map((e) => ({
      date: e.date, context: e.context, level: e.level, competenceLabel: labelOf(e.competenceId),
    })),
  };
}
