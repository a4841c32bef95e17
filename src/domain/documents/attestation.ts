// The attestation de compétences: the competences a salarié holds at « Acquis » or above on a
// date, each with the day it was acquired and the contexts that showed it (production, AFEST,
// PMSMP with its company). Only official evaluations count — a self-assessment is the salarié's
// voice, not the structure's attestation — and a competence whose latest level fell back below
// « Acquis » is not attested.
import type { EvaluatorContext } from '../competences/evaluationContexts';
import type { IsoDate } from '../rules/dates';
import { isLaterEvaluation, toLevel, type CompetenceLevel, type EvaluationLike } from '../rules/matrix';

/** « Acquis (fait seul) » in the matrix's scale. */
export const ACQUIRED_LEVEL = 3;

export interface AttestationPmsmpLike { id: string; company: string; start: IsoDate; end: IsoDate; competenceIds?: readonly string[] | null }

export interface AttestedContext<P> {
  context: EvaluatorContext;
  /** The first time it was observed at « Acquis » or above in that context. */
  date: IsoDate;
  /** For a PMSMP observation: the PMSMP it happened in, when one covers that day. */
  pmsmp?: P;
}

export interface AcquiredCompetence<P> {
  competenceId: string;
  level: CompetenceLevel;
  /** The first day of the current run at « Acquis » or above. */
  acquiredOn: IsoDate;
  contexts: AttestedContext<P>[];
}

const CONTEXT_ORDER: readonly EvaluatorContext[] = ['production', 'afest', 'pmsmp'];

/** The PMSMP covering that day, preferring one that listed the competence to observe. */
function pmsmpOn<P extends AttestationPmsmpLike>(pmsmps: readonly P[], date: IsoDate, competenceId: string): P | undefined {
  const covering = pmsmps.filter((p) => p.start <= date && date <= p.end);
  return covering.find((p) => p.competenceIds?.includes(competenceId) === true) ?? covering[0];
}

export function acquiredCompetences<P extends AttestationPmsmpLike>(
  salarieId: string, evaluations: readonly EvaluationLike[], pmsmps: readonly P[], asOf: IsoDate,
): AcquiredCompetence<P>[] {
  const byCompetence = new Map<string, EvaluationLike[]>();
  for (const e of evaluations) {
    if (e.salarieId !== salarieId || e.context === 'self' || e.date > asOf) continue;
    const list = byCompetence.get(e.competenceId);
    if (list === undefined) byCompetence.set(e.competenceId, [e]); else list.push(e);
  }
  const out: AcquiredCompetence<P>[] = [];
  for (const [competenceId, list] of byCompetence) {
    const sorted = [...list].sort((a, b) => (isLaterEvaluation(a, b) ? 1 : isLaterEvaluation(b, a) ? -1 : 0));
    const last = sorted[sorted.length - 1];
    if (last === undefined || toLevel(last.level) < ACQUIRED_LEVEL) continue;
    let first = sorted.length - 1;
    while (first > 0 && toLevel(sorted[first - 1]!.level) >= ACQUIRED_LEVEL) first -= 1;
    const run = sorted.slice(first);
    const contexts: AttestedContext<P>[] = [];
    for (const context of CONTEXT_ORDER) {
      const seen = run.find((e) => e.context === context);
      if (seen === undefined) continue;
      const pmsmp = context === 'pmsmp' ? pmsmpOn(pmsmps, seen.date, competenceId) : undefined;
      contexts.push(pmsmp === undefined ? { context, date: seen.date } : { context, date: seen.date, pmsmp });
    }
    out.push({ competenceId, level: toLevel(last.level), acquiredOn: run[0]!.date, contexts });
  }
  return out.sort((a, b) => a.acquiredOn.localeCompare(b.acquiredOn) || a.competenceId.localeCompare(b.competenceId));
}
