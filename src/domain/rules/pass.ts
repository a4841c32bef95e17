// PASS IAE dates as the national service (Les emplois de l'inclusion) computes them, so the dates
// Tremplin shows agree with it: 730 days, pushed later by suspensions (end − start, in days) and
// extended by prolongations that count; plus the checks a suspension or prolongation must pass.
//
// Checked against gip-inclusion/les-emplois at commit 543eae8d2d547947d3e3ead6dbb2e9668c16db44
// (2026-08-21): itou/approvals/models.py (Approval, Suspension, CommonProlongation,
// ProlongationManager.get_cumulative_duration_for), itou/www/approvals_views/forms.py and
// tests/approvals/tests.py. What agrees:
// - 730 days, end = start + 729; a suspension pushes the end by end − start (its trigger), as
//   does a prolongation; a prolongation starts on the PASS end date (new ones only, as there).
// - Suspension: end ≥ start (1 day, no minimum), end ≤ start + 36 months − 1 day, start inside
//   the PASS, never in the future, never overlapping (inclusive ranges), back-dated 365 days at
//   most from the day it was entered, never before the end of an earlier finished suspension
//   (`next_min_start_at`); reasons in force, contrat passerelle for ACI and EI only.
// - Prolongation: at least 1 day; per request 365 days (CDI inclusion 3,650, no total); totals
//   RQTH 1,095, 50+ 1,825, particular difficulties 1,095 (AI and ACI only), counted over EVERY
//   prolongation of the PASS whatever its reason (`get_cumulative_duration_for` sums them all);
//   the form's max end is min(start + per request, start + total − used); prolongations never
//   overlap ([start, end) ranges); one pending request at a time; a new request only from 12
//   months before the PASS end to 6 months after it (`is_open_to_prolongation`, bounds
//   included) and not while the PASS is suspended (`can_be_prolonged`).
// Deliberate differences:
// - The national service counts only granted prolongations towards the total; Tremplin counts
//   every one not refused (a pending one too): the same answer while one request at a time may
//   be pending, and never a total exceeded once the pending one is granted.
// - "Never before the hiring date of the last accepted application" is not checked: Tremplin has
//   no job applications (the PASS start bounds it instead).
// - For a suspension already recorded, back-dating and reasons are not checked again (the
//   service counts back-dating from its creation day, which Tremplin does not keep).
// - Tremplin also checks what it knows of the salarié (age for CDI inclusion and 50+, RQTH),
//   which the service leaves to the prescriber: an unknown birth date or a missing RQTH is a
//   warning, a known age under the minimum blocks.
// - HEALTH_CONTEXT (a Covid-era reason, "do not use") is not offered.
import type { ProlongationReason, StructureTypeName, SuspensionReason } from './types';
import { addDays, addMonths, addYears, diffDays, maxDate, minDate, type IsoDate } from './dates';
import { cdiInclusionProblems, minAgeProblems } from './eligibility';
import { PROLONGATION_REASON_LABELS } from './labels';
import { frDate, type Problem } from './problem';
import { blocking, warning, type RuleProblem } from './severity';

export const PASS_DAYS = 730;
export const WAITING_PERIOD_YEARS = 2;
export const SUSPENSION_MAX_MONTHS = 36;
export const SUSPENSION_MAX_BACKDATING_DAYS = 365;
/** A prolongation may be requested from 12 months before the PASS end to 6 months after it. */
export const PROLONGATION_REQUEST_MONTHS_BEFORE_END = 12;
export const PROLONGATION_REQUEST_MONTHS_AFTER_END = 6;

export type { ProlongationReason, SuspensionReason };
export type ProlongationDecision = 'pending' | 'granted' | 'refused';

/** Reasons a new suspension may use; the older ones only appear in history. */
export const SUSPENSION_REASONS_IN_FORCE: readonly SuspensionReason[] = [
  'contract_suspended', 'contract_broken', 'finished_contract', 'approval_between_cta_members', 'contrat_passerelle',
];
/** The contrat passerelle reason exists only where the contract does. */
const PASSERELLE_SUSPENSION_STRUCTURES: readonly string[] = ['ACI', 'EI'];

/**
 * Per reason: the most one request may add, and the most ALL the prolongations of the PASS,
 * whatever their reasons, may add up to with it (days; infinite: no total, as CDI inclusion and
 * training have none on Les emplois).
 */
export const PROLONGATION_LIMITS: Readonly<Record<ProlongationReason, { perRequest: number; total: number }>> = {
  cdi_inclusion: { perRequest: 3650, total: Number.POSITIVE_INFINITY },
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
  /**
   * The day the suspension was entered, from which back-dating is counted (the service counts
   * from its creation day); `today` when not given. A tablet offline for days keeps the answer it
   * gave when the coordinator typed it.
   */
  enteredOn?: IsoDate;
}

/** Every check is blocking: the national service refuses each of them. */
export function validateSuspension(pass: PassLike, existing: PassHistory, candidate: SuspensionLike, today: IsoDate, options: SuspensionOptions = {}): Problem[] {
  if (candidate.end < candidate.start) {
    return [blocking('suspension_end_before_start', 'La date de fin de la suspension doit être le jour du début ou après.')];
  }
  const out: Problem[] = [];
  const maxEnd = suspensionMaxEnd(candidate.start);
  if (candidate.end > maxEnd) {
    out.push(blocking('suspension_too_long', `Une suspension dure ${SUSPENSION_MAX_MONTHS} mois au plus : fin au plus tard le ${frDate(maxEnd)}.`));
  }
  if (candidate.start > today) {
    out.push(blocking('suspension_in_future', 'Une suspension ne peut pas commencer dans le futur.'));
  }
  const others = othersThan(existing.suspensions, candidate);
  const end = passEndDate(pass, others, existing.prolongations);
  if (candidate.start < pass.start || candidate.start > end) {
    out.push(blocking('suspension_outside_pass', `La suspension doit commencer pendant la validité du PASS IAE, du ${frDate(pass.start)} au ${frDate(end)}.`));
  }
  const clash = others.find((s) => s.start <= candidate.end && candidate.start <= s.end);
  if (clash) {
    out.push(blocking('suspension_overlap', `Cette période chevauche la suspension du ${frDate(clash.start)} au ${frDate(clash.end)}.`));
  }
  const isNew = options.isNew ?? !isRecorded(existing.suspensions, candidate);
  if (isNew) {
    const earliest = addDays(minDate(options.enteredOn ?? today, today), -SUSPENSION_MAX_BACKDATING_DAYS);
    if (candidate.start < earliest) {
      out.push(blocking('suspension_too_old', `Une suspension ne peut pas remonter à plus de ${SUSPENSION_MAX_BACKDATING_DAYS} jours : début au plus tôt le ${frDate(earliest)}.`));
    }
    // `next_min_start_at`: a new suspension comes after the last one that is over, never in a gap before it.
    const lastOver = others.filter((s) => s.end < today).reduce<SuspensionLike | null>((a, s) => (a === null || s.end > a.end ? s : a), null);
    if (lastOver !== null && !clash && candidate.start <= lastOver.end) {
      out.push(blocking('suspension_before_previous', `Une nouvelle suspension commence après la précédente, terminée le ${frDate(lastOver.end)} : début au plus tôt le ${frDate(addDays(lastOver.end, 1))}.`));
    }
    if (!candidate.reason || !(SUSPENSION_REASONS_IN_FORCE as readonly string[]).includes(candidate.reason)) {
      out.push(blocking('suspension_reason', 'Choisissez un motif en vigueur : contrat suspendu depuis plus de 15 jours, rompu ou terminé, accord entre membres du CTA, ou contrat passerelle.'));
    }
  }
  if (candidate.reason === 'contrat_passerelle' && options.structureType !== undefined && !PASSERELLE_SUSPENSION_STRUCTURES.includes(options.structureType)) {
    out.push(blocking('suspension_reason_structure', 'Le motif « contrat passerelle » est réservé aux ACI et aux EI.'));
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
  /**
   * The day the request is made. When given, a new request must fall inside the request window
   * (12 months before the PASS end to 6 months after) and the PASS must not be suspended that day.
   */
  today?: IsoDate;
}

/**
 * Days already added by the prolongations of the PASS that are not refused, WHATEVER THEIR
 * REASON: the national service's `get_cumulative_duration_for` sums them all, so after 365 days
 * for a training a PASS has 730 days of RQTH left, not 1,095.
 */
export function prolongationDaysUsed(prolongations: readonly ProlongationLike[]): number {
  let used = 0;
  for (const p of prolongations) if (p.decision !== 'refused') used += prolongationDays(p);
  return used;
}

/** The most days a new request for `reason` may add: min(per request, total − all used so far), never < 0. */
export function prolongationDaysLeft(prolongations: readonly ProlongationLike[], reason: ProlongationReason): number {
  const limits = PROLONGATION_LIMITS[reason];
  return Math.max(0, Math.min(limits.perRequest, limits.total - prolongationDaysUsed(prolongations)));
}

/** The last end date a request for `reason` starting on `start` may have (`get_max_end_at`, bounded per request as the form does). */
export function prolongationMaxEnd(start: IsoDate, reason: ProlongationReason, prolongations: readonly ProlongationLike[]): IsoDate {
  return addDays(start, prolongationDaysLeft(prolongations, reason));
}

/** The days a prolongation of the PASS ending on `passEnd` may be requested: [end − 12 months, end + 6 months]. */
export function prolongationRequestWindow(passEnd: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addMonths(passEnd, -PROLONGATION_REQUEST_MONTHS_BEFORE_END), to: addMonths(passEnd, PROLONGATION_REQUEST_MONTHS_AFTER_END) };
}

function frDays(n: number): string {
  return `${n} jour${n > 1 ? 's' : ''}`;
}

/**
 * Blocking: what the national service refuses (length, start, per-request and total caps,
 * reason kept to AI and ACI, overlap, one pending request, the request window, a suspended PASS),
 * a missing prescriber decision, and an age Tremplin knows to be under the minimum. Warnings:
 * facts Tremplin may simply not hold (an unknown birth date, the RQTH not yet on the file).
 */
export function validateProlongation(
  pass: PassLike, existing: PassHistory, candidate: ProlongationLike, structureType: StructureTypeName, facts: SalarieFacts = {}, options: ProlongationOptions = {},
): Problem[] {
  const label = PROLONGATION_REASON_LABELS[candidate.reason];
  const days = prolongationDays(candidate);
  const out: Problem[] = [];
  if (candidate.end <= candidate.start) {
    out.push(blocking('prolongation_too_short', 'La prolongation doit durer au moins un jour : sa fin doit être après son début.'));
  }
  const others = othersThan(existing.prolongations, candidate);
  const isNew = options.isNew ?? !isRecorded(existing.prolongations, candidate);
  if (isNew) {
    const end = passEndDate(pass, existing.suspensions, others);
    if (candidate.start !== end) {
      out.push(blocking('prolongation_start', `La prolongation doit commencer le ${frDate(end)}, date de fin du PASS IAE.`));
    }
    if (options.today !== undefined) {
      const window = prolongationRequestWindow(end);
      if (options.today < window.from || options.today > window.to) {
        out.push(blocking('prolongation_request_window', `Une prolongation se demande entre ${PROLONGATION_REQUEST_MONTHS_BEFORE_END} mois avant la fin du PASS IAE et ${PROLONGATION_REQUEST_MONTHS_AFTER_END} mois après : du ${frDate(window.from)} au ${frDate(window.to)}.`));
      }
      if (isSuspendedOn(existing.suspensions, options.today)) {
        out.push(blocking('prolongation_while_suspended', 'Le PASS IAE est suspendu aujourd’hui : une prolongation se demande une fois la suspension terminée.'));
      }
    }
  }
  const limits = PROLONGATION_LIMITS[candidate.reason];
  if (days > limits.perRequest) {
    out.push(blocking('prolongation_request_too_long', `Motif « ${label} » : ${limits.perRequest} jours au plus par demande, fin au plus tard le ${frDate(addDays(candidate.start, limits.perRequest))}.`));
  }
  const used = prolongationDaysUsed(others);
  if (used + days > limits.total) {
    const left = Math.max(0, limits.total - used);
    out.push(blocking('prolongation_total_exceeded',
      `Motif « ${label} » : ${limits.total} jours de prolongation au plus en tout, tous motifs confondus ; ce PASS IAE a déjà ${frDays(used)} de prolongation, il reste ${frDays(left)}${left > 0 ? ` (fin au plus tard le ${frDate(addDays(candidate.start, Math.min(left, limits.perRequest)))})` : ''}.`));
  }
  const overlap = others.find((p) => p.decision !== 'refused' && p.start < candidate.end && candidate.start < p.end);
  if (overlap) {
    out.push(blocking('prolongation_overlap', `Cette période chevauche la prolongation du ${frDate(overlap.start)} au ${frDate(overlap.end)}.`));
  }
  if (candidate.reason === 'particular_difficulties' && !PARTICULAR_DIFFICULTIES_STRUCTURES.includes(structureType)) {
    out.push(blocking('prolongation_reason_structure', `Le motif « ${label} » est réservé aux AI et aux ACI.`));
  }
  if (candidate.reason === 'cdi_inclusion') {
    out.push(...factProblems(cdiInclusionProblems(facts.birthDate, facts.parcoursStart ?? pass.start, candidate.start)));
  }
  if (candidate.reason === 'senior') {
    out.push(...factProblems(minAgeProblems(facts.birthDate, candidate.start, SENIOR_MIN_AGE, 'ce motif de prolongation')));
  }
  if (candidate.reason === 'rqth' && facts.rqth !== true) {
    out.push(warning('rqth_missing', 'Ce motif demande une RQTH : indiquez-la sur la fiche du salarié.'));
  }
  if (needsPrescriberDecision(candidate.reason) && !candidate.decision) {
    out.push(blocking('prolongation_decision_required', `Le motif « ${label} » demande l’avis d’un prescripteur habilité : indiquez la décision (en attente, accordée ou refusée).`));
  }
  if (candidate.decision !== 'refused' && others.some((p) => p.decision === 'pending')) {
    out.push(blocking('prolongation_pending_exists', 'Une demande de prolongation attend déjà l’avis du prescripteur pour ce PASS IAE.'));
  }
  return out;
}

/** An unknown birth date is a warning (the file may just be incomplete); any other fact problem blocks. */
function factProblems(problems: readonly Problem[]): Problem[] {
  return problems.map((p): RuleProblem => ({ ...p, severity: p.code === 'birth_date_missing' ? 'warning' : 'blocking' }));
}
