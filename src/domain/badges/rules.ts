// The one verdict on a badge record, in French, naming the rule it breaks: the server rejects a
// pushed badge with this message (server/sync/integrity.ts), the device never offers what would
// be rejected. A badge names exactly one of a competence or an activity (entities.ts checks the
// shape; this checks the facts behind it).
import type { IsoDate } from '../rules/dates';
import type { EvaluationLike } from '../rules/matrix';
import { activityAcquired, isAcquired } from './eligibility';
import { mayIssueBadges, type IssuerFacts } from './issuers';

export interface BadgeLike {
  salarieId: string;
  competenceId?: string | null | undefined;
  activityId?: string | null | undefined;
  issuedOn: IsoDate;
}

export interface BadgeFacts {
  /** The salarié's evaluations (others are ignored). */
  evaluations: readonly EvaluationLike[];
  /** For an activity badge: the live competences of that activity. */
  activityCompetenceIds: readonly string[];
  /** The writer; omitted when the server itself writes (seed, administration). */
  issuer?: IssuerFacts | undefined;
}

export const BADGE_RULES = {
  issuer: 'Badge : seule la coordination délivre un badge, ou l’encadrant de l’équipe du salarié si la structure l’autorise (« Les encadrants peuvent délivrer des badges »).',
  competence: 'Badge : la compétence doit être acquise (niveau 3 ou plus, évaluation de l’encadrant) à la date du badge.',
  activity: 'Badge : chaque compétence de l’activité doit être acquise (niveau 3 ou plus, évaluation de l’encadrant) à la date du badge.',
  shape: 'Badge : il porte sur une compétence ou sur une activité, pas les deux.',
} as const;

export function badgeProblem(badge: BadgeLike, facts: BadgeFacts): string | null {
  if (facts.issuer !== undefined && !mayIssueBadges(facts.issuer)) return BADGE_RULES.issuer;
  const competenceId = badge.competenceId ?? null;
  const activityId = badge.activityId ?? null;
  if ((competenceId === null) === (activityId === null)) return BADGE_RULES.shape;
  if (competenceId !== null) {
    return isAcquired(facts.evaluations, badge.salarieId, competenceId, badge.issuedOn) ? null : BADGE_RULES.competence;
  }
  return activityAcquired(facts.evaluations, badge.salarieId, facts.activityCompetenceIds, badge.issuedOn) ? null : BADGE_RULES.activity;
}
