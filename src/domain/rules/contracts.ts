// Checks on the contracts of a parcours (seed 004 Fiche 3 and the rules the state applies):
// CDDI length and weekly hours with their waivers, totals across renewals, contrat passerelle,
// CDI inclusion, PMSMP. Each returns the problems found, in French, empty when the contract is fine.
// Each problem says its severity (severity.ts): what the law fixes and Tremplin can see for sure
// blocks (CDDI under 4 months or over 24 in all, a contract type the structure cannot sign, CDI
// inclusion under 57 or before 12 months of parcours, passerelle rules, a CDDI under 20 h with
// no reason given); the conditions of an exception to the 20 h that rest on papers Tremplin does
// not hold (the prefectoral waiver, the job held outside, its dates) only warn.
import type { CONTRACT_TYPES } from '../entities';
import { addDays, addMonths, inclusiveDays, type IsoDate } from './dates';
import { cdiInclusionProblems, passerelleProblems } from './eligibility';
import { frDate, type Problem } from './problem';
import { blocking, warning } from './severity';
import type { StructureTypeName } from './types';

export { isCdiInclusionEligible, isPasserelleEligible } from './eligibility';

export const CDDI_MIN_MONTHS = 4;
export const CDDI_MIN_WEEKLY_HOURS = 20;
/** Premières heures en chantier starts at 4 h a week, in an ACI with the prefectoral waiver. */
export const ACI_WAIVER_MIN_WEEKLY_HOURS = 4;
/** The prefectoral waiver is granted for 12 months at most, renewable. */
export const ACI_WAIVER_MAX_MONTHS = 12;
export const MAX_TOTAL_MONTHS = 24;
/** The combined-job waiver opens from the 4th month of parcours, i.e. after 3 full months. */
export const COMBINED_JOB_AFTER_MONTHS = 3;
export const COMBINED_JOB_MAX_MONTHS = 6;
/** 6 months renewable once. */
export const COMBINED_JOB_MAX_TOTAL_MONTHS = 12;
export const PASSERELLE_MAX_MONTHS = 3;
/** 3 months renewable once: two contracts at most. */
export const PASSERELLE_MAX_CONTRACTS = 2;
export const PMSMP_MAX_DAYS = 30;

export type ContractType = (typeof CONTRACT_TYPES)[number];
export type LowHoursReason = 'aci_waiver' | 'combined_job' | 'end_of_parcours';

export interface ContractLike {
  id?: string;
  type: ContractType;
  start: IsoDate;
  end?: IsoDate | null;
  weeklyHours: number;
  lowHoursReason?: LowHoursReason | null;
}

export interface ContractContext {
  structureType: StructureTypeName;
  /** The structure holds the prefectoral waiver for CDDI under 20 h (ACI). */
  lowHoursWaiver?: boolean | null;
  birthDate?: IsoDate | null;
  /** First day of the parcours; the earliest contract start when unknown. */
  parcoursStart?: IsoDate | null;
  /** The salarié's other contracts (the one checked is skipped by id), for totals and renewals. */
  otherContracts?: readonly ContractLike[];
  /** A granted PASS prolongation allows CDDI beyond 24 months. */
  passProlonged?: boolean;
}

/** The last day a contract of `months` months starting on `start` may end. */
export function lastDayAfterMonths(start: IsoDate, months: number): IsoDate {
  return addDays(addMonths(start, months), -1);
}

/** Calendar days a contract lasts, both ends included (0 while it has no end). */
export function contractDays(c: { start: IsoDate; end?: IsoDate | null }): number {
  return c.end ? inclusiveDays(c.start, c.end) : 0;
}

/** Days covered by `months` months from a date: 24 months from 2024-01-01 are 731 days. */
function daysInMonthsFrom(start: IsoDate, months: number): number {
  return inclusiveDays(start, lastDayAfterMonths(start, months));
}

const TYPE_STRUCTURES: Partial<Record<ContractType, { allowed: readonly StructureTypeName[]; message: string }>> = {
  cddi: { allowed: ['ACI', 'EI', 'AI'], message: 'Le CDDI est conclu en ACI, en EI ou en AI.' },
  cddu: { allowed: ['AI'], message: 'Le CDDU est le contrat des associations intermédiaires.' },
  mission: { allowed: ['ETTI'], message: 'Le contrat de mission est celui des ETTI.' },
};

export function checkContract(contract: ContractLike, ctx: ContractContext): Problem[] {
  const others = (ctx.otherContracts ?? []).filter((c) => contract.id === undefined || c.id !== contract.id);
  const all = [contract, ...others];
  const parcoursStart = ctx.parcoursStart ?? all.map((c) => c.start).reduce((a, b) => (a <= b ? a : b));
  const out: Problem[] = [];

  if (contract.end && contract.end < contract.start) {
    out.push(blocking('end_before_start', 'La date de fin du contrat doit être après sa date de début.'));
    return out;
  }
  if (!(contract.weeklyHours > 0)) out.push(blocking('hours_missing', 'Indiquez la durée hebdomadaire de travail.'));
  const rule = TYPE_STRUCTURES[contract.type];
  if (rule && !rule.allowed.includes(ctx.structureType)) out.push(blocking('contract_type_structure', rule.message));

  switch (contract.type) {
    case 'cddi':
      out.push(...cddiProblems(contract, ctx, others, parcoursStart));
      break;
    case 'mission':
      out.push(...totalProblems(contract, others, 'mission', 'Les contrats de mission'));
      break;
    case 'passerelle':
      out.push(...passerelleContractProblems(contract, ctx, others, parcoursStart));
      break;
    case 'cdi_inclusion':
      out.push(...cdiInclusionProblems(ctx.birthDate, parcoursStart, contract.start));
      break;
    case 'cddu':
      break;
  }
  return out;
}

function cddiProblems(c: ContractLike, ctx: ContractContext, others: readonly ContractLike[], parcoursStart: IsoDate): Problem[] {
  const out: Problem[] = [];
  if (!c.end) {
    out.push(blocking('end_required', 'Un CDDI a une date de fin.'));
  } else if (c.end < lastDayAfterMonths(c.start, CDDI_MIN_MONTHS)) {
    out.push(blocking('cddi_too_short', `Un CDDI dure ${CDDI_MIN_MONTHS} mois au moins : fin au plus tôt le ${frDate(lastDayAfterMonths(c.start, CDDI_MIN_MONTHS))}.`));
  }
  if (!ctx.passProlonged) out.push(...totalProblems(c, others, 'cddi', 'Les CDDI'));
  if (c.weeklyHours > 0 && c.weeklyHours < CDDI_MIN_WEEKLY_HOURS) out.push(...lowHoursProblems(c, ctx, others, parcoursStart));
  return out;
}

function lowHoursProblems(c: ContractLike, ctx: ContractContext, others: readonly ContractLike[], parcoursStart: IsoDate): Problem[] {
  const out: Problem[] = [];
  switch (c.lowHoursReason) {
    case null:
    case undefined:
      out.push(blocking('hours_below_minimum', `Un CDDI compte ${CDDI_MIN_WEEKLY_HOURS} h par semaine au moins, sauf dérogation : indiquez le motif.`));
      break;
    case 'aci_waiver':
      if (ctx.structureType !== 'ACI') out.push(blocking('waiver_not_aci', 'La dérogation préfectorale sous 20 h concerne les ACI.'));
      else if (!ctx.lowHoursWaiver) out.push(warning('waiver_missing', 'La structure n’a pas de dérogation préfectorale pour les CDDI sous 20 h (voir les réglages de la structure).'));
      if (c.weeklyHours < ACI_WAIVER_MIN_WEEKLY_HOURS) out.push(blocking('hours_below_waiver_minimum', `Même avec la dérogation, un CDDI compte ${ACI_WAIVER_MIN_WEEKLY_HOURS} h par semaine au moins.`));
      if (c.end && c.end > lastDayAfterMonths(c.start, ACI_WAIVER_MAX_MONTHS)) {
        out.push(warning('waiver_too_long', `La dérogation préfectorale vaut ${ACI_WAIVER_MAX_MONTHS} mois au plus, renouvelable : vérifiez qu’elle couvre tout le contrat, jusqu’au ${frDate(c.end)}.`));
      }
      break;
    case 'combined_job':
    case 'end_of_parcours': {
      if (ctx.structureType === 'ETTI') out.push(blocking('combined_not_etti', 'Le cumul avec un autre emploi sous 20 h n’est pas ouvert aux ETTI.'));
      const opens = addMonths(parcoursStart, COMBINED_JOB_AFTER_MONTHS);
      if (c.start < opens) out.push(warning('combined_too_early', `Le cumul avec un autre emploi est possible à partir du 4e mois de parcours, le ${frDate(opens)}.`));
      if (c.end && c.end > lastDayAfterMonths(c.start, COMBINED_JOB_MAX_MONTHS)) {
        out.push(warning('combined_too_long', `Le cumul avec un autre emploi dure ${COMBINED_JOB_MAX_MONTHS} mois, renouvelable une fois : fin au plus tard le ${frDate(lastDayAfterMonths(c.start, COMBINED_JOB_MAX_MONTHS))}.`));
      }
      const combined = [c, ...others].filter((o) => o.type === 'cddi' && o.weeklyHours < CDDI_MIN_WEEKLY_HOURS && (o.lowHoursReason === 'combined_job' || o.lowHoursReason === 'end_of_parcours'));
      const first = combined.map((o) => o.start).reduce((a, b) => (a <= b ? a : b));
      if (combined.reduce((n, o) => n + contractDays(o), 0) > daysInMonthsFrom(first, COMBINED_JOB_MAX_TOTAL_MONTHS)) {
        out.push(warning('combined_total_exceeded', `Le cumul avec un autre emploi est limité à ${COMBINED_JOB_MAX_TOTAL_MONTHS} mois en tout (6 mois renouvelables une fois).`));
      }
      break;
    }
  }
  return out;
}

/** Renewals add up: at most 24 months in all, counted from the first contract of that type. */
function totalProblems(c: ContractLike, others: readonly ContractLike[], type: ContractType, what: string): Problem[] {
  const same = [c, ...others].filter((o) => o.type === type);
  const first = same.map((o) => o.start).reduce((a, b) => (a <= b ? a : b));
  const total = same.reduce((n, o) => n + contractDays(o), 0);
  if (total > daysInMonthsFrom(first, MAX_TOTAL_MONTHS)) {
    return [blocking('total_over_24_months', `${what} ne peuvent dépasser ${MAX_TOTAL_MONTHS} mois en tout, renouvellements compris (${total} jours ici), sauf prolongation du PASS IAE.`)];
  }
  return [];
}

function passerelleContractProblems(c: ContractLike, ctx: ContractContext, others: readonly ContractLike[], parcoursStart: IsoDate): Problem[] {
  const out = passerelleProblems(ctx.structureType, parcoursStart, c.start);
  if (!c.end) out.push(blocking('end_required', 'Un contrat passerelle a une date de fin.'));
  else if (c.end > lastDayAfterMonths(c.start, PASSERELLE_MAX_MONTHS)) {
    out.push(blocking('passerelle_too_long', `Un contrat passerelle dure ${PASSERELLE_MAX_MONTHS} mois au plus : fin au plus tard le ${frDate(lastDayAfterMonths(c.start, PASSERELLE_MAX_MONTHS))}.`));
  }
  if (others.filter((o) => o.type === 'passerelle').length + 1 > PASSERELLE_MAX_CONTRACTS) {
    out.push(blocking('passerelle_renewed_twice', 'Un contrat passerelle n’est renouvelable qu’une fois.'));
  }
  return out;
}

/** PMSMP: an immersion of 30 calendar days at most. */
export function checkPmsmp(p: { start: IsoDate; end: IsoDate }): Problem[] {
  if (p.end < p.start) return [blocking('end_before_start', 'La date de fin de la PMSMP doit être le jour du début ou après.')];
  const days = inclusiveDays(p.start, p.end);
  if (days > PMSMP_MAX_DAYS) {
    return [blocking('pmsmp_too_long', `Une PMSMP dure ${PMSMP_MAX_DAYS} jours calendaires au plus (${days} ici) : fin au plus tard le ${frDate(addDays(p.start, PMSMP_MAX_DAYS - 1))}.`)];
  }
  return [];
}
