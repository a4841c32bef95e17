// One row of the parcours board (issue 11, « Suivi des parcours »): everything the coordination
// watches for one salarié en parcours, computed from their records by the rules that already
// decide each point (pass.ts, contracts.ts, eligibility.ts, onboarding.ts, objectives.ts), so the
// board never disagrees with the forms. Pure: the query reads, this computes, the screen shows.
import { checkContract, type ContractType } from '../rules/contracts';
import { addMonths, addYears, diffDays, maxDate, type IsoDate } from '../rules/dates';
import { isCdiInclusionEligible, isPasserelleEligible, CDI_INCLUSION_MIN_AGE, CDI_INCLUSION_MIN_PARCOURS_MONTHS, PASSERELLE_MIN_PARCOURS_MONTHS, PASSERELLE_STRUCTURES } from '../rules/eligibility';
import { isSuspendedOn, passStatus, prolongationRequestWindow, remainingDays, type PassStatus } from '../rules/pass';
import { isBlocking, type RuleProblem, type Severity } from '../rules/severity';
import type { StructureTypeName } from '../rules/types';
import { mergeOnboarding, needsOnboardingReminder, onboardingProgress } from '../competences/onboarding';
import { objectiveState } from '../competences/objectives';
import { openDeadlines, type Deadline } from './deadlines';
import { currentContract, currentPass, isRenewed, parcoursDeadlines, parcoursStartOf, type ParcoursRecords } from './facts';

type Opt<T> = T | null | undefined;

/** A diagnostic older than this is to be revisited. */
export const DIAGNOSTIC_REVISIT_MONTHS = 6;

export interface BoardInput extends ParcoursRecords {
  salarie: { id: string; firstName: string; lastName: string; birthDate?: Opt<IsoDate>; entryDate?: Opt<IsoDate> };
  structure: { type: StructureTypeName; lowHoursWaiver?: Opt<boolean> } | undefined;
  teams: readonly { id: string; name: string }[];
  onboardings: readonly Readonly<Record<string, unknown>>[];
  diagnostics: readonly { date: IsoDate }[];
  /** The salarié's objectives with the current official level of their competence (0 if never evaluated). */
  objectives: readonly { targetLevel: number; dueDate: IsoDate; level: number }[];
  lastEntryDate: IsoDate | null;
  /** Keys of the deadlines already handled (`decision.deadlineKey`). */
  handledKeys: ReadonlySet<string>;
}

export interface BoardPass {
  id: string;
  start: IsoDate;
  end: IsoDate;
  status: PassStatus;
  /** Days of parcours left, today included (pass.ts `remainingDays`: a suspension still to run adds none). */
  daysLeft: number;
  suspendedToday: boolean;
  /** The last day of the suspension running today. */
  suspendedUntil: IsoDate | null;
  /** When a prolongation may be requested: 12 months before the end to 6 months after. */
  window: { from: IsoDate; to: IsoDate };
  windowOpen: boolean;
  pendingProlongation: boolean;
}

export interface BoardContract {
  id: string;
  type: ContractType;
  start: IsoDate;
  end: IsoDate | null;
  /** Days from today to the end (0 on the last day, negative once past); null without an end. */
  daysLeft: number | null;
  renewed: boolean;
  /** A contract-end deadline has come up and no decision answers it. */
  renewalToDecide: boolean;
  /** What the contract rules find wrong with it (blocking or warning). */
  breaches: RuleProblem[];
}

/** A contract type open to the salarié: open today, or the day it opens (null: not known, or never). */
export interface Opening { eligible: boolean; opensOn: IsoDate | null }

export type BoardAlertCode = 'no_pass' | 'pass_expired' | 'to_decide' | 'contract_breach' | 'accueil' | 'diagnostic' | 'objectives_late';
export const BOARD_ALERT_LABELS: Readonly<Record<BoardAlertCode, string>> = {
  no_pass: 'PASS IAE non renseigné',
  pass_expired: 'PASS IAE expiré',
  to_decide: 'Échéance à décider',
  contract_breach: 'Contrat hors des règles',
  accueil: 'Accueil non terminé',
  diagnostic: 'Diagnostic à revoir',
  objectives_late: 'Objectifs en retard',
};

export interface BoardRow {
  salarieId: string;
  firstName: string;
  lastName: string;
  teams: { id: string; name: string }[];
  pass: BoardPass | null;
  contract: BoardContract | null;
  cdiInclusion: Opening;
  passerelle: Opening;
  accueil: { done: number; total: number; unfinished: boolean };
  diagnostic: { last: IsoDate | null; stale: boolean };
  objectivesLate: number;
  lastEntryDate: IsoDate | null;
  /** The deadlines « À décider » today (not handled). */
  toDecide: Deadline[];
  alerts: BoardAlertCode[];
}

function passOf(input: BoardInput, today: IsoDate): BoardPass | null {
  const cur = currentPass(input);
  if (cur === null) return null;
  const { pass, suspensions, prolongations, end } = cur;
  const window = prolongationRequestWindow(end);
  const running = suspensions.find((s) => s.start <= today && today <= s.end);
  return {
    id: pass.id, start: pass.start, end,
    status: passStatus(pass, { suspensions, prolongations }, today),
    daysLeft: remainingDays(pass, suspensions, prolongations, today),
    suspendedToday: isSuspendedOn(suspensions, today),
    suspendedUntil: running?.end ?? null,
    window,
    windowOpen: window.from <= today && today <= window.to,
    pendingProlongation: prolongations.some((p) => p.decision === 'pending'),
  };
}

function contractOf(input: BoardInput, today: IsoDate, open: readonly Deadline[], parcoursStart: IsoDate | null): BoardContract | null {
  const c = currentContract(input.contracts, today);
  if (c === null) return null;
  const breaches = input.structure === undefined ? [] : checkContract(c, {
    structureType: input.structure.type,
    lowHoursWaiver: input.structure.lowHoursWaiver ?? null,
    birthDate: input.salarie.birthDate ?? null,
    parcoursStart,
    otherContracts: input.contracts.filter((o) => o.id !== c.id),
    passProlonged: currentPass(input)?.prolongations.some((p) => p.decision === 'granted') ?? false,
  });
  return {
    id: c.id, type: c.type, start: c.start, end: c.end ?? null,
    daysLeft: c.end ? diffDays(c.end, today) : null,
    renewed: isRenewed(c, input.contracts),
    renewalToDecide: open.some((d) => d.kind === 'contract_end' && d.recordId === c.id),
    breaches: breaches.map((p): RuleProblem => ({ ...p, severity: severityOf(p) })),
  };
}

function severityOf(p: { code: string; message: string }): Severity {
  return isBlocking(p) ? 'blocking' : 'warning';
}

/** CDI inclusion: 57 years old and 12 months of parcours; the day both hold. Unknown without a birth date. */
export function cdiInclusionOpening(birthDate: Opt<IsoDate>, parcoursStart: IsoDate | null, today: IsoDate): Opening {
  if (!birthDate || parcoursStart === null) return { eligible: false, opensOn: null };
  const opensOn = maxDate(addMonths(parcoursStart, CDI_INCLUSION_MIN_PARCOURS_MONTHS), addYears(birthDate, CDI_INCLUSION_MIN_AGE));
  return { eligible: isCdiInclusionEligible(birthDate, parcoursStart, today), opensOn };
}

/** Contrat passerelle: an EI or an ACI, from the 4th month of parcours; never elsewhere. */
export function passerelleOpening(structureType: StructureTypeName | undefined, parcoursStart: IsoDate | null, today: IsoDate): Opening {
  if (structureType === undefined || parcoursStart === null || !(PASSERELLE_STRUCTURES as readonly string[]).includes(structureType)) return { eligible: false, opensOn: null };
  return { eligible: isPasserelleEligible(structureType, parcoursStart, today), opensOn: addMonths(parcoursStart, PASSERELLE_MIN_PARCOURS_MONTHS) };
}

export function boardRow(input: BoardInput, today: IsoDate): BoardRow {
  const parcoursStart = parcoursStartOf(input.salarie.entryDate, input);
  const toDecide = openDeadlines(parcoursDeadlines(input), input.handledKeys, today);
  const pass = passOf(input, today);
  const contract = contractOf(input, today, toDecide, parcoursStart);

  const state = mergeOnboarding(input.onboardings);
  const progress = onboardingProgress(state);
  // Started and left unfinished, or not started in the first weeks (onboarding.ts's reminder).
  const accueilUnfinished = progress.missing.length > 0 && (progress.done > 0 || needsOnboardingReminder(state, input.salarie.entryDate, today));

  const lastDiagnostic = input.diagnostics.map((d) => d.date).sort().at(-1) ?? null;
  const diagnosticStale = lastDiagnostic === null || lastDiagnostic < addMonths(today, -DIAGNOSTIC_REVISIT_MONTHS);
  const objectivesLate = input.objectives.filter((o) => objectiveState(o, o.level, today) === 'en_retard').length;

  const alerts: BoardAlertCode[] = [];
  if (pass === null) alerts.push('no_pass');
  else if (pass.status === 'expire') alerts.push('pass_expired');
  if (toDecide.length > 0) alerts.push('to_decide');
  if (contract?.breaches.some((p) => p.severity === 'blocking')) alerts.push('contract_breach');
  if (accueilUnfinished) alerts.push('accueil');
  if (diagnosticStale) alerts.push('diagnostic');
  if (objectivesLate > 0) alerts.push('objectives_late');

  return {
    salarieId: input.salarie.id,
    firstName: input.salarie.firstName,
    lastName: input.salarie.lastName,
    teams: [...input.teams],
    pass,
    contract,
    cdiInclusion: cdiInclusionOpening(input.salarie.birthDate, parcoursStart, today),
    passerelle: passerelleOpening(input.structure?.type, parcoursStart, today),
    accueil: { done: progress.done, total: progress.total, unfinished: accueilUnfinished },
    diagnostic: { last: lastDiagnostic, stale: diagnosticStale },
    objectivesLate,
    lastEntryDate: input.lastEntryDate,
    toDecide,
    alerts,
  };
}
