// Blocking errors and warnings among the problems a rule returns. A blocking problem means the
// record must not be saved (the form disables saving, the server rejects the push as `invalid`);
// a warning is shown and the person decides (the server never rejects on one). The severity
// travels on the problem itself as an optional field, so every `Problem[]` keeps its shape and
// the readers that only show messages need nothing new; a problem without one blocks, the prudent
// reading of a rule that did not say (the same reading as the forms' ProblemList).
import { problem, type Problem } from './problem';

export type Severity = 'blocking' | 'warning';

/** A problem that says how serious it is. */
export interface RuleProblem extends Problem {
  severity: Severity;
}

export function warning(code: string, message: string): RuleProblem {
  return { ...problem(code, message), severity: 'warning' };
}

export function blocking(code: string, message: string): RuleProblem {
  return { ...problem(code, message), severity: 'blocking' };
}

/** The same problems, each turned into a warning (facts Tremplin cannot vouch for). */
export function asWarnings(problems: readonly Problem[]): RuleProblem[] {
  return problems.map((p) => ({ ...p, severity: 'warning' }));
}

export function isWarning(p: Problem): boolean {
  return 'severity' in p && p.severity === 'warning';
}

export function isBlocking(p: Problem): boolean {
  return !isWarning(p);
}

export function blockingProblems(problems: readonly Problem[]): Problem[] {
  return problems.filter(isBlocking);
}

export function warningProblems(problems: readonly Problem[]): Problem[] {
  return problems.filter(isWarning);
}
