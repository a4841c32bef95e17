// What every production check returns: a stable code, a French message, and how hard it stops
// the ETI — « refus » blocks the action, « alerte » warns but lets them go on, « info » informs.
export type Severity = 'refus' | 'alerte' | 'info';

export interface Check {
  code: string;
  severity: Severity;
  message: string;
}

export function check(code: string, severity: Severity, message: string): Check {
  return { code, severity, message };
}

export function isBlocked(checks: readonly Check[]): boolean {
  return checks.some((c) => c.severity === 'refus');
}

/**
 * Words, never colour alone: the screens prefix each check with its word and draw the
 * severity's icon beside it (ui/production/CheckList). The word of « info » is only read aloud:
 * the message itself informs.
 */
export const SEVERITY_WORD: Readonly<Record<Severity, string>> = { refus: 'Refusé', alerte: 'Attention', info: 'Information' };
