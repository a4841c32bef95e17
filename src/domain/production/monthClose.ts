// « Mois validé »: once the coordination has closed a month, an ETI no longer writes that
// month's hours (a change that moves an entry into or out of a closed month is refused too);
// the coordination may still correct them. The server refuses such a push (`month_closed`)
// and the relevé says so before the ETI types anything: both call these predicates.
import type { Role } from '../entities';
import { monthOf } from './calendar';

export const MONTH_CLOSED_MESSAGE = 'ce mois a été validé par la coordination : les heures ne se modifient plus';

/** The months closed, from the live `monthClose` records. */
export function closedMonthsOf(closes: readonly { month?: unknown }[]): Set<string> {
  const out = new Set<string>();
  for (const c of closes) if (typeof c.month === 'string') out.add(c.month);
  return out;
}

/** Whether a date (ISO) falls in a closed month. Anything that is not a date is not closed. */
export function isInClosedMonth(date: unknown, closedMonths: ReadonlySet<string>): boolean {
  return typeof date === 'string' && date.length >= 7 && closedMonths.has(monthOf(date));
}

/** Whether this role may no longer write a time entry dated `before` (its old date) or `after`. */
export function hoursLocked(role: Role, closedMonths: ReadonlySet<string>, after: unknown, before?: unknown): boolean {
  if (role !== 'eti') return false;
  return isInClosedMonth(after, closedMonths) || isInClosedMonth(before, closedMonths);
}
