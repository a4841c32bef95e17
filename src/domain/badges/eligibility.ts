// When a badge may be issued: a competence badge once that competence is « acquis » for the
// salarié, an activity badge once every competence of the activity is. « Acquis » is the same
// rule as the attestation de compétences (documents/attestation.ts): the latest official
// evaluation (never a self-assessment) on or before the day is at level 3 or more. Judged as of
// the badge's `issuedOn`, so a later evaluation pushed after the badge never changes the verdict.
// Pure: the device's issue buttons and the server's push check call the same functions.
import { acquiredCompetences } from '../documents/attestation';
import type { IsoDate } from '../rules/dates';
import { isLaterEvaluation, toLevel, type CompetenceLevel, type EvaluationLike } from '../rules/matrix';

/** « Acquis (fait seul) » in the matrix's scale: from this level a badge may be issued. */
export const BADGE_LEVEL: CompetenceLevel = 3;

/** The competences acquired by the salarié on `asOf`, with their current level. */
export function acquiredOn(evaluations: readonly EvaluationLike[], salarieId: string, asOf: IsoDate): Map<string, CompetenceLevel> {
  return new Map(acquiredCompetences(salarieId, evaluations, [], asOf).map((a) => [a.competenceId, a.level]));
}

export function isAcquired(evaluations: readonly EvaluationLike[], salarieId: string, competenceId: string, asOf: IsoDate): boolean {
  return acquiredOn(evaluations.filter((e) => e.competenceId === competenceId), salarieId, asOf).has(competenceId);
}

/** An activity badge needs at least one competence, and every one of them acquis. */
export function activityAcquired(evaluations: readonly EvaluationLike[], salarieId: string, competenceIds: readonly string[], asOf: IsoDate): boolean {
  if (competenceIds.length === 0) return false;
  const acquired = acquiredOn(evaluations, salarieId, asOf);
  return competenceIds.every((c) => acquired.has(c));
}

/**
 * The evaluations behind a badge, oldest first: for each competence, the official evaluations of
 * its current run at « acquis » or above (the ones that show it acquired), up to `asOf`.
 */
export function badgeEvidence<E extends EvaluationLike>(evaluations: readonly E[], salarieId: string, competenceIds: readonly string[], asOf: IsoDate): E[] {
  const out: E[] = [];
  for (const competenceId of competenceIds) {
    const sorted = evaluations
      .filter((e) => e.salarieId === salarieId && e.competenceId === competenceId && e.context !== 'self' && e.date <= asOf)
      .sort((a, b) => (isLaterEvaluation(a, b) ? 1 : isLaterEvaluation(b, a) ? -1 : 0));
    let first = sorted.length;
    while (first > 0 && toLevel(sorted[first - 1]!.level) >= BADGE_LEVEL) first -= 1;
    out.push(...sorted.slice(first));
  }
  return out.sort((a, b) => (isLaterEvaluation(a, b) ? 1 : isLaterEvaluation(b, a) ? -1 : 0));
}
