// One salarié's parcours records as the board and « À décider » read them: the PASS IAE in use
// with its history, the contract in force (or the next one), whether a contract was renewed, and
// the deadlines they raise. Shaped on plain « Like » types so the rules take stored rows as they
// are, and shared by the board and the home's « À décider » block so both agree.
import { passEndDate, prolongationRequestWindow, type ProlongationLike, type SuspensionLike } from '../rules/pass';
import type { ContractType } from '../rules/contracts';
import type { IsoDate } from '../rules/dates';
import { deadlinesBefore, type Deadline } from './deadlines';

type Opt<T> = T | null | undefined;

export interface PassRecord { id: string; start: IsoDate }
export interface SuspensionRecord extends SuspensionLike { passIaeId: string }
export interface ProlongationRecord extends ProlongationLike { passIaeId: string }
export interface ContractRecord {
  id: string;
  type: ContractType;
  start: IsoDate;
  end?: Opt<IsoDate>;
  weeklyHours: number;
  lowHoursReason?: Opt<'aci_waiver' | 'combined_job' | 'end_of_parcours'>;
  renewalOf?: Opt<string>;
}

/** The records of one salarié's parcours (the caller passes only theirs). */
export interface ParcoursRecords {
  salarieId: string;
  passes: readonly PassRecord[];
  suspensions: readonly SuspensionRecord[];
  prolongations: readonly ProlongationRecord[];
  contracts: readonly ContractRecord[];
}

export interface CurrentPass {
  pass: PassRecord;
  suspensions: SuspensionRecord[];
  prolongations: ProlongationRecord[];
  end: IsoDate;
}

const byStart = <T extends { start: IsoDate; id?: string }>(a: T, b: T): number => a.start.localeCompare(b.start) || (a.id ?? '').localeCompare(b.id ?? '');

/** The PASS in use: the latest by start (an older one stays in history), as the salarié's file shows. */
export function currentPass(r: Pick<ParcoursRecords, 'passes' | 'suspensions' | 'prolongations'>): CurrentPass | null {
  const pass = [...r.passes].sort(byStart).at(-1);
  if (pass === undefined) return null;
  const suspensions = r.suspensions.filter((s) => s.passIaeId === pass.id).sort(byStart);
  const prolongations = r.prolongations.filter((p) => p.passIaeId === pass.id).sort(byStart);
  return { pass, suspensions, prolongations, end: passEndDate(pass, suspensions, prolongations) };
}

/** A contract is renewed once another one says so (`renewalOf`) or simply starts after it. */
export function isRenewed(c: ContractRecord, contracts: readonly ContractRecord[]): boolean {
  return contracts.some((o) => o.id !== c.id && (o.renewalOf === c.id || o.start > c.start));
}

/** The contract in force on `today` (the latest started), else the next one; null without any. */
export function currentContract(contracts: readonly ContractRecord[], today: IsoDate): ContractRecord | null {
  const sorted = [...contracts].sort(byStart);
  const started = sorted.filter((c) => c.start <= today);
  return started.at(-1) ?? sorted[0] ?? null;
}

/** The first day of the parcours: the entry date, else the first contract, else the PASS start. */
export function parcoursStartOf(entryDate: Opt<IsoDate>, r: Pick<ParcoursRecords, 'passes' | 'contracts'>): IsoDate | null {
  if (entryDate) return entryDate;
  const first = [...r.contracts, ...r.passes].map((x) => x.start).sort()[0];
  return first ?? null;
}

/**
 * Every deadline of the parcours: the PASS end, the prolongation window's last day (unless a
 * request already waits for the prescriber), and the end of the last contract unless it was
 * renewed (a CDI inclusion has no end).
 */
export function parcoursDeadlines(r: ParcoursRecords): Deadline[] {
  const out: Deadline[] = [];
  const pass = currentPass(r);
  if (pass !== null) {
    out.push(...deadlinesBefore('pass_end', pass.pass.id, r.salarieId, pass.end, pass.pass.start));
    if (!pass.prolongations.some((p) => p.decision === 'pending')) {
      out.push(...deadlinesBefore('prolongation_window', pass.pass.id, r.salarieId, prolongationRequestWindow(pass.end).to, pass.end));
    }
  }
  for (const c of r.contracts) {
    if (!c.end || isRenewed(c, r.contracts)) continue;
    out.push(...deadlinesBefore('contract_end', c.id, r.salarieId, c.end, c.start));
  }
  return out;
}
