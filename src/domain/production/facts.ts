// The planning facts of a person (domain/production/planning.ts) built from their records: the
// screens read contracts, PASS suspensions, PMSMP and time entries once per table and hand the
// rows here. Rows are taken as they are (typed like the entity fields) — a contract row already
// is a ContractFacts, a time entry a TimeEntryFacts — so building facts copies nothing but the
// absences, whose « full day » is a rule: no hour worked that day.
import type { IsoDate } from '../rules/dates';
import type { TimeEntryFacts } from './hours';
import type { ContractFacts, PersonFacts } from './planning';

export interface SalarieFactsRow { id: string; amenagements?: string | null; exitDate?: IsoDate | null }
export interface ContractFactsRow extends ContractFacts { salarieId: string }
export interface PeriodFactsRow { salarieId: string; start: IsoDate; end: IsoDate }
export interface PmsmpFactsRow extends PeriodFactsRow { company?: string | null }

function bySalarie<R extends { salarieId: string }>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const list = out.get(r.salarieId);
    if (list) list.push(r); else out.set(r.salarieId, [r]);
  }
  return out;
}

/**
 * The planning facts of each salarié, by id. `entries`: their time entries over the days the
 * facts will be asked about (only those with an absence count).
 */
export function buildFacts(
  salaries: Iterable<SalarieFactsRow>,
  contracts: readonly ContractFactsRow[],
  suspensions: readonly PeriodFactsRow[],
  pmsmps: readonly PmsmpFactsRow[],
  entries: readonly TimeEntryFacts[],
): Map<string, PersonFacts> {
  const byC = bySalarie(contracts);
  const byS = bySalarie(suspensions);
  const byP = bySalarie(pmsmps);
  const byE = bySalarie(entries.filter((e) => e.absence != null));
  const facts = new Map<string, PersonFacts>();
  for (const s of salaries) {
    facts.set(s.id, {
      salarieId: s.id,
      contracts: byC.get(s.id) ?? [],
      suspensions: byS.get(s.id) ?? [],
      pmsmps: byP.get(s.id) ?? [],
      absences: (byE.get(s.id) ?? []).flatMap((e) => (e.absence == null ? [] : [{ date: e.date, type: e.absence, fullDay: e.hours === 0 }])),
      amenagements: s.amenagements ?? null,
      exitDate: s.exitDate ?? null,
    });
  }
  return facts;
}
