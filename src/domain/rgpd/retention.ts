// How long an exited salarié's file is kept (structure.retentionMonths) and whose time is up, as
// pure rules so the « Conservation » page, its tests and any later reminder agree on one date:
// the file may be erased from the exit date on (server: salaries/erase.ts), and should be once
// `retentionMonths` have passed after it.
import { addMonths, isIsoDate } from '../rules/dates';

/** Bounds of the setting (entities.ts `structure.retentionMonths`). */
export const RETENTION_MIN_MONTHS = 1;
export const RETENTION_MAX_MONTHS = 240;

/** The last day the file is kept: the exit date plus the retention months (day clamped). */
export function keptUntil(exitDate: string, months: number): string {
  return addMonths(exitDate, months);
}

/** Whether the person has left on `today` (exit date today or past): erasure is allowed. */
export function hasExited(exitDate: string | null | undefined, today: string): boolean {
  return typeof exitDate === 'string' && isIsoDate(exitDate) && exitDate <= today;
}

export interface PastRetention<S> {
  salarie: S;
  exitDate: string;
  keptUntil: string;
}

/** Exited people whose retention time is over on `today`, longest overdue first. */
export function pastRetention<S extends { exitDate?: string | null | undefined }>(
  salaries: readonly S[], months: number, today: string,
): PastRetention<S>[] {
  const out: PastRetention<S>[] = [];
  for (const s of salaries) {
    const exit = s.exitDate;
    if (!hasExited(exit, today) || typeof exit !== 'string') continue;
    const until = keptUntil(exit, months);
    if (until < today) out.push({ salarie: s, exitDate: exit, keptUntil: until });
  }
  return out.sort((a, b) => a.keptUntil.localeCompare(b.keptUntil));
}

/** A French message when the typed value is not a valid number of months, else null. */
export function retentionProblem(text: string): string | null {
  if (text.trim() === '') return null;
  if (!/^\d+$/.test(text.trim())) return 'Indiquez un nombre entier de mois.';
  const n = Number(text.trim());
  if (n < RETENTION_MIN_MONTHS || n > RETENTION_MAX_MONTHS) return `Entre ${RETENTION_MIN_MONTHS} et ${RETENTION_MAX_MONTHS} mois.`;
  return null;
}
