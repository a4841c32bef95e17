// The deadlines the coordination answers for (issue 11, « À décider »): 6, 3 and 1 months before a
// PASS IAE ends, a contract ends, or the PASS's prolongation window closes. Each deadline has ONE
// stable key, `<kind>:<recordId>:<dueDate>`, which a `decision` record stores once handled: a
// moved end date (a suspension, a prolongation) gives new due dates, hence new keys, so the
// question comes up again; the same date keeps the same key on every device.
import { addMonths, maxDate, type IsoDate } from '../rules/dates';

export type DeadlineKind = 'pass_end' | 'contract_end' | 'prolongation_window';

/** How many months before the date it warns about each deadline comes up. */
export const DEADLINE_LEADS_MONTHS: readonly number[] = [6, 3, 1];

export const DEADLINE_LABELS: Readonly<Record<DeadlineKind, { what: string; action: string }>> = {
  pass_end: { what: 'Fin du PASS IAE', action: 'Prolongation ou sortie à préparer' },
  contract_end: { what: 'Fin du contrat', action: 'Renouvellement à décider' },
  prolongation_window: { what: 'Fin de la période de demande de prolongation', action: 'Demander la prolongation ou y renoncer' },
};

export interface Deadline {
  key: string;
  kind: DeadlineKind;
  /** The PASS IAE (pass_end, prolongation_window) or contract (contract_end) it is about. */
  recordId: string;
  salarieId: string;
  /** Months of notice (6, 3 or 1). */
  leadMonths: number;
  /** The day the deadline comes up: `target` minus the lead, never before `from`. */
  dueDate: IsoDate;
  /** The date it warns about: the PASS end, the contract end, the window's last day. */
  target: IsoDate;
}

/** The one way to name a deadline; `decision.deadlineKey` holds it. */
export function deadlineKey(kind: DeadlineKind, recordId: string, dueDate: IsoDate): string {
  return `${kind}:${recordId}:${dueDate}`;
}

/**
 * The deadlines warning about `target`, earliest first. A lead that would fall before `from`
 * (a contract shorter than 6 months) comes up on `from` instead; leads landing on the same day
 * are one deadline.
 */
export function deadlinesBefore(kind: DeadlineKind, recordId: string, salarieId: string, target: IsoDate, from: IsoDate): Deadline[] {
  const out: Deadline[] = [];
  const start = from <= target ? from : target;
  for (const leadMonths of DEADLINE_LEADS_MONTHS) {
    const dueDate = maxDate(addMonths(target, -leadMonths), start);
    if (out.some((d) => d.dueDate === dueDate)) continue;
    out.push({ key: deadlineKey(kind, recordId, dueDate), kind, recordId, salarieId, leadMonths, dueDate, target });
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/**
 * What is « À décider » on `today`: for each (kind, record), the latest deadline that has come up
 * (an unanswered 6-month one gives way to the 3-month one), unless a decision holds its key.
 */
export function openDeadlines(deadlines: readonly Deadline[], handledKeys: ReadonlySet<string>, today: IsoDate): Deadline[] {
  const latest = new Map<string, Deadline>();
  for (const d of deadlines) {
    if (d.dueDate > today) continue;
    const group = `${d.kind}:${d.recordId}`;
    const cur = latest.get(group);
    if (cur === undefined || d.dueDate > cur.dueDate) latest.set(group, d);
  }
  return [...latest.values()].filter((d) => !handledKeys.has(d.key)).sort(byTarget);
}

/** Soonest warned-about date first, then by kind and record, so the order is stable. */
export function byTarget(a: Deadline, b: Deadline): number {
  return a.target.localeCompare(b.target) || a.kind.localeCompare(b.kind) || a.recordId.localeCompare(b.recordId);
}
