// PASS IAE dates as the national service (Les emplois de l'inclusion) computes them, so the dates
// Tremplin shows agree with it: 730 days, pushed later by suspensions (end − start, in days) and
// extended by prolongations that count; plus the checks a suspension or prolongation must pass.
import type { ProlongationReason, StructureTypeName, SuspensionReason } from './types';
import { addDays, addMonths, addYears, diffDays, maxDate, type IsoDate } from './dates';
import { cdiInclusionProblems, minAgeProblems } from './eligibility';
import { PROLONGATION_REASON_LABELS } from './labels';
import { frDate, problem, type Problem } from './problem';

export const PASS_DAYS = 730;
export const WAITING_PERIOD_YEARS = 2;
export const SUSPENSION_MAX_MONTHS = 36;
export const SUSPENSION_MAX_BACKDATING_DAYS = 365;

export type { ProlongationReason, SuspensionReason };
export type ProlongationDecision = 'pending' | 'granted' | 'refused';

/** Reasons a new suspension may use; the older ones only appear in history. */
export const SUSPENSION_REASONS_IN_FORCE: readonly SuspensionReason[] = [
  'contract_suspended', 'contract_broken', 'finished_contract', 'approval_between_cta_members', 'contrat_passerelle',
];
/** The contrat passerelle reason exists only where the contract does. */
const PASSERELLE_SUSPENSION_STRUCTURES: readonly string[] = ['ACI', 'EI'];

/** Per reason: the most one request may add, and the most all of them may add up to (days). */
export const PROLONGATION_LIMITS: Readonly<Record<ProlongationReason, { perRequest: number; total: number }>> = {
  cdi_inclusion: { perRequest: 3650, total: 3650 },
  training: { perRequest: 365, total: Number.POSITIVE_INFINITY },
  rqth: { perRequest: 365, total: 1095 },
  senior: { perRequest: 365, total: 1825 },
  particular_difficulties: { perRequest: 365, total: 1095 },
};
/** Reasons that need an authorised prescriber's decision before they count. */
export const PROLONGATION_REASONS_NEEDING_DECISION: readonly ProlongationReason[] = ['rqth', 'senior', 'particular_difficulties'];
const PARTICULAR_DIFFICULTIES_STRUCTURES: readonly string[] = ['AI', 'ACI'];
const SENIOR_MIN_AGE = 50;

export interface PassLike { start: IsoDate }
export interface SuspensionLike { id?: string; start: IsoDate; end: IsoDate; reason?: string | null }
export interface ProlongationLike {
  id?: string;
  start: IsoDate;
  end: IsoDate;
  reason: ProlongationReason;
  decision?: ProlongationDecision | null;
}
/** What is already recorded for a PASS. */
export interface PassHistory {
  suspensions: readonly SuspensionLike[];
  prolongations: readonly ProlongationLike[];
}

/** How many days a suspension pushes the end date (as the service does: end − start, never < 0). */
export function suspensionShift(s: SuspensionLike): number {
  return Math.max(0, diffDays(s.end, s.start));
}

/** How many days a prolongation adds: its end is the new last day, its start the old one. */
export function prolongationDays(p: ProlongationLike): number {
  return Math.max(0, diffDays(p.end, p.start));
}

export function needsPrescriberDecision(reason: ProlongationReason): boolean {
  return PROLONGATION_REASONS_NEEDING_DECISION.includes(reason);
}

/** A prolongation counts when granted, or when its reason needs no decision and it was not refused or left pending. */
export function prolongationCounts(p: ProlongationLike): boolean {
  if (p.decision === 'granted') return true;
  if (p.decision === 'pending' || p.decision === 'refused') return false;
  return !needsPrescriberDecision(p.reason);
}

/** The last valid day of a PASS without suspension or prolongation: start + 729 days. */
export function passInitialEnd(start: IsoDate): IsoDate {
  return addDays(start, PASS_DAYS - 1);
}

/** The last valid day of the PASS, given its suspensions and prolongations. */
export function passEndDate(pass: PassLike, suspensions: readonly SuspensionLike[], prolongations: readonly ProlongationLike[]): IsoDate {
  let shift = 0;
  for (const s of suspensions) shift += suspensionShift(s);
  for (const p of prolongations) if (prolongationCounts(p)) shift += prolongationDays(p);
  return addDays(passInitialEnd(pass.start), shift);
}

export function isSuspendedOn(suspensions: readonly SuspensionLike[], on: IsoDate): boolean {
  return suspensions.some((s) => s.start <= on && on <= s.end);
}

export type PassStatus = 'a_venir' | 'valide' | 'suspendu' | 'expire';
export const PASS_STATUS_LABELS: Readonly<Record<PassStatus, string>> = {
  a_venir: 'À venir', valide: 'Valide', suspendu: 'Suspendu', expire: 'Expiré',
};

export function passStatus(pass: PassLike, history: PassHistory, on: IsoDate): PassStatus {
  if (on < pass.start) return 'a_venir';
  if (on > passEndDate(pass, history.suspensions, history.prolongations)) return 'expire';
  return isSuspendedOn(history.suspensions, on) ? 'suspendu' : 'valide';
}

/**
 * Days of parcours left from `on` (included) to the end date, not counting the days suspensions
 * still to run will add: a planned suspension keeps the time, it does not add to it.
 */
export function remainingDays(pass: PassLike, suspensions: readonly SuspensionLike[], prolongations: readonly ProlongationLike[], on: IsoDate): number {
  const end = passEndDate(pass, suspensions, prolongations);
  const from = maxDate(on, pass.start);
  let days = diffDays(end, from) + 1;
  for (const s of suspensions) days -= Math.min(suspensionShift(s), Math.max(0, diffDays(s.end, maxDate(s.start, from))));
  return Math.max(0, days);
}

/** The last day of the waiting period (carence): 2 years after the PASS end. */
export function waitingPeriodEnd(passEnd: IsoDate): IsoDate {
  return addYears(passEnd, WAITING_PERIOD_YEARS);
}

/** The last day a suspension starting on `start` may end: 36 months, minus one day. */
export function suspensionMaxEnd(start: IsoDate): IsoDate {
  return addDays(addMonths(start, SUSPENSION_MAX_MONTHS), -1);
}

function othersThan<T extends { id?: string }>(list: readonly T[], candidate: { id?: string }): T[] {
  return candidate.id === undefined ? [...list] : list.filter((x) => x.id !== candidate.id);
}

function isRecorded(list: readonly { id?: string }[], candidate: { id?: string }): boolean {
  return candidate.id !== undefined && list.some((x) => x.id === candidate.id);
}

export interface SuspensionOptions {
  /** Used for the contrat passerelle reason (ACI and EI only). */
  structureType?: StructureTypeName;
  /** New suspensions must use a reason in force and be back-dated 365 days at most; defaults to "not in history". */
  isNew?: boolean;
}

export function validateSuspension(pass: PassLike, existing: PassHistory, candidate: SuspensionLike, today: IsoDate, options: SuspensionOptions = {}): Problem[] {
  if (candidate.end < candidate.start) {
    return [problem('suspension_end_before_start', 'La date de fin de la suspension doit être le jour du début ou après.')];
  }
  const out: Problem[] = [];
  const maxEnd = suspensionMaxEnd(candidate.start);
  if (candidate.end > maxEnd) {
    out.push(problem('suspension_too_long', `Une suspension dure ${SUSPENSION_MAX_MONTHS} mois au plus : fin au plus tard le ${frDate(maxEnd)}.`));
  }
  if (candidate.start > today) {
    out.push(problem('suspension_in_future', 'Une suspension ne peut pas commencer dans le futur.'));
  }
  const others = othersThan(existing.suspensions, candidate);
  const end = passEndDate(pass, others, existing.prolongations);
  if (candidate.start < pass.start || candidate.start > end) {
    out.push(problem('suspension_outside_pass', `La suspension doit commencer pendant la validité du PASS IAE, du ${frDate(pass.start)} au ${frDate(end)}.`));
  }
  const clash = others.find((s) => s.start <= candidate.end && candidate.start <= s.end);
  if (clash) {
    out.push(problem('suspension_overlap', `Cette période chevauche la suspension du ${frDate(clash.start)} au ${frDate(clash.end)}.`));
  }
  const isNew = options.isNew ?? !isRecorded(existing.suspensions, candidate);
  if (isNew) {
    const earliest = addDays(today, -SUSPENSION_MAX_BACKDATING_DAYS);
    if (candidate.start < earliest) {
      out.push(problem('suspension_too_old', `Une suspension ne peut pas remonter à plus de ${SUSPENSION_MAX_BACKDATING_DAYS} jours : début au plus tôt le ${frDate(earliest)}.`));
    }
    if (!candidate.reason || !(SUSPENSION_REASONS_IN_FORCE as readonly string[]).includes(candidate.reason)) {
      out.push(problem('suspension_reason', 'Choisissez un motif en vigueur : contrat suspendu depuis plus de 15 jours, rompu ou terminé, accord entre membres du CTA, ou contrat passerelle.'));
    }
  }
  if (candidate.reason === 'contrat_passerelle' && options.structureType !== undefined && !PASSERELLE_SUSPENSION_STRUCTURES.includes(options.structureType)) {
    out.push(problem('suspension_reason_structure', 'Le motif « contrat passerelle » est réservé aux ACI et aux EI.'));
  }
  return out;
}

/** Facts about the salarié a prolongation reason depends on. */
export interface SalarieFacts {
  birthDate?: IsoDate | null;
  rqth?: boolean | null;
  /** First day of the parcours; the PASS start when unknown. */
  parcoursStart?: IsoDate | null;
}

export interface ProlongationOptions {
  /** A new request must start on the PASS end date; defaults to "not in history". */
  isNew?: boolean;
}

/** Days already used by the other prolongations of this reason that are not refused. */
export function prolongationDaysUsed(prolongations: readonly ProlongationLike[], reason: ProlongationReason): number {
  let used = 0;
  for (const p of prolongations) if (p.reason === reason && p.decision !== 'refused') used += prolongationDays(p);
  return used;
}

export function validateProlongation(
  pass: PassLike, existing: PassHistory, candidate: ProlongationLike, structureType: StructureTypeName, facts: SalarieFacts = {}, options: ProlongationOptions = {},
): Problem[] {
  const label = PROLONGATION_REASON_LABELS[candidate.reason];
  const days = prolongationDays(candidate);
  const out: Problem[] = [];
  if (candidate.end <= candidate.start) {
    out.push(problem('prolongation_too_short', 'La prolongation doit durer au moins un jour : sa fin doit être après son début.'));
  }
  const others = othersThan(existing.prolongations, candidate);
  const isNew = options.isNew ?? !isRecorded(existing.prolongations, candidate);
  if (isNew) {
    const end = passEndDate(pass, existing.suspensions, others);
    if (candidate.start !== end) {
      out.push(problem('prolongation_start', `La prolongation doit commencer le ${frDate(end)}, date de fin du PASS IAE.`));
    }
  }
  const limits = PROLONGATION_LIMITS[candidate.reason];
  if (days > limits.perRequest) {
    out.push(problem('prolongation_request_too_long', `Motif « ${label} » : ${limits.perRequest} jours au plus par demande, fin au plus tard le ${frDate(addDays(candidate.start, limits.perRequest))}.`));
  }
  const used = prolongationDaysUsed(others, candidate.reason);
  if (used + days > limits.total) {
    const left = Math.max(0, limits.total - used);
    out.push(problem('prolongation_total_exceeded', `Motif « ${label} » : ${limits.total} jours au plus en tout, ${used} déjà utilisés ; il reste ${left} jours.`));
  }
  if (candidate.reason === 'particular_difficulties' && !PARTICULAR_DIFFICULTIES_STRUCTURES.includes(structureType)) {
    out.push(problem('prolongation_reason_structure', `Le motif « ${label} » est réservé aux AI et aux ACI.`));
  }
  if (candidate.reason === 'cdi_inclusion') {
    out.push(...cdiInclusionProblems(facts.birthDate, facts.parcoursStart ?? pass.start, candidate.start));
  }
  if (candidate.reason === 'senior') {
    out.push(...minAgeProblems(facts.birthDate, candidate.start, SENIOR_MIN_AGE, 'ce motif de prolongation'));
  }
  if (candidate.reason === 'rqth' && facts.rqth !== true) {
    out.push(problem('rqth_missing', 'Ce motif demande une RQTH : indiquez-la sur la fiche du salarié.'));
  }
  if (needsPrescriberDecision(candidate.reason) && !candidate.decision) {
    out.push(problem('prolongation_decision_required', `Le motif « ${label} » demande l’avis d’un prescripteur habilité : indiquez la décision (en attente, accordée ou refusée).`));
  }
  if (candidate.decision !== 'refused' && others.some((p) => p.decision === 'pending')) {
    out.push(problem('prolongation_pending_exists', 'Une demande de prolongation attend déjà l’avis du prescripteur pour ce PASS IAE.'));
  }
  return out;
}
