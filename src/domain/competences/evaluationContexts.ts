// The contexts of an evaluation and which of them an evaluator (ETI, coordination) may choose:
// every one but 'self', the salarié's self-assessment, which only the salarié's own space writes
// (it is their voice beside the official level, never a level the team sets for them).
import type { EVALUATION_CONTEXTS } from '../entities';

export type EvaluationContext = (typeof EVALUATION_CONTEXTS)[number];

/** What the matrix's panel offers, in this order; the first is preset. */
export const EVALUATOR_CONTEXTS = ['production', 'afest', 'pmsmp'] as const satisfies readonly EvaluationContext[];
export type EvaluatorContext = (typeof EVALUATOR_CONTEXTS)[number];
