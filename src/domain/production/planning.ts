// Can this person be planned on this day, and is their week within the contract? Pure checks
// over plain facts (contracts, PASS suspensions, PMSMP, declared absences, aménagements): the
// week view and the copy of a week run them for every cell, so they stay cheap.
import type { ABSENCE_TYPES } from '../entities';
import { ABSENCE_TYPE_LABELS } from '../rules/labels';
import { addDays, type IsoDate } from '../rules/dates';
import { frDate } from '../rules/problem';
import { check, type Check } from './check';

export type AbsenceType = (typeof ABSENCE_TYPES)[number];

export const MIN_WEEKLY_HOURS = 20;
/** Warn this many days ahead that a contract ends. */
export const CONTRACT_END_NOTICE_DAYS = 14;

export interface ContractFacts {
  type: string;
  start: IsoDate;
  end?: IsoDate | null;
  weeklyHours: number;
  lowHoursReason?: string | null;
}

export interface PersonFacts {
  salarieId: string;
  contracts: readonly ContractFacts[];
  suspensions?: readonly { start: IsoDate; end: IsoDate }[];
  pmsmps?: readonly { start: IsoDate; end: IsoDate; company?: string | null }[];
  /** Declared absences; a full-day one (no hours worked) makes the day not assignable. */
  absences?: readonly { date: IsoDate; type: AbsenceType; fullDay: boolean }[];
  amenagements?: string | null;
  exitDate?: IsoDate | null;
}

export function contractOn(p: PersonFacts, d: IsoDate): ContractFacts | undefined {
  return p.contracts.find((c) => c.start <= d && (c.end == null || c.end >= d));
}

/** Why this person cannot (refus) or should be planned with care (alerte, info) on this day. */
export function dayChecks(p: PersonFacts, d: IsoDate): Check[] {
  const out: Check[] = [];
  if (p.exitDate != null && p.exitDate < d) out.push(check('sorti', 'refus', `Sorti de la structure le ${frDate(p.exitDate)}.`));
  const contract = contractOn(p, d);
  if (contract === undefined) {
    const ended = p.contracts.filter((c) => c.end != null && c.end < d).map((c) => c.end as IsoDate).sort().pop();
    const next = p.contracts.filter((c) => c.start > d).map((c) => c.start).sort()[0];
    const msg = next !== undefined ? `Pas de contrat ce jour : le contrat commence le ${frDate(next)}.`
      : ended !== undefined ? `Pas de contrat ce jour : le contrat a pris fin le ${frDate(ended)}.`
        : 'Pas de contrat ce jour.';
    out.push(check('sans_contrat', 'refus', msg));
  } else if (contract.end != null && contract.end <= addDays(d, CONTRACT_END_NOTICE_DAYS)) {
    out.push(check('fin_contrat', 'info', `Fin de contrat le ${frDate(contract.end)}.`));
  }
  const susp = p.suspensions?.find((s) => s.start <= d && s.end >= d);
  if (susp) out.push(check('pass_suspendu', 'refus', `PASS IAE suspendu du ${frDate(susp.start)} au ${frDate(susp.end)}.`));
  const pmsmp = p.pmsmps?.find((s) => s.start <= d && s.end >= d);
  if (pmsmp) out.push(check('pmsmp', 'refus', `En PMSMP${pmsmp.company ? ` chez ${pmsmp.company}` : ''} jusqu’au ${frDate(pmsmp.end)}.`));
  const absence = p.absences?.find((a) => a.date === d);
  if (absence) {
    out.push(absence.fullDay
      ? check('absent', 'refus', `Absence déclarée : ${ABSENCE_TYPE_LABELS[absence.type].toLowerCase()}.`)
      : check('absent_partiel', 'alerte', `Absence partielle déclarée : ${ABSENCE_TYPE_LABELS[absence.type].toLowerCase()}.`));
  }
  if (p.amenagements != null && p.amenagements.trim() !== '') out.push(check('amenagement', 'info', `Aménagement de poste : ${p.amenagements.trim()}`));
  return out;
}

export function canBePlanned(p: PersonFacts, d: IsoDate): boolean {
  return !dayChecks(p, d).some((c) => c.severity === 'refus');
}

/** Below 20 h a week is allowed only with a motif on the contract, and only CDDI carry the floor. */
export function lowHoursAllowed(c: ContractFacts): boolean {
  return c.type !== 'cddi' || (c.lowHoursReason != null && c.lowHoursReason !== '') || c.weeklyHours < MIN_WEEKLY_HOURS;
}

const h = (n: number): string => `${String(Math.round(n * 100) / 100).replace('.', ',')} h`;

/**
 * The week's planned hours against the contract of its Monday…Friday: above the contract is an
 * alerte; below 20 h too unless the contract allows fewer. Absence hours count as covered, and
 * an empty week (not planned yet) says nothing.
 */
export function weekChecks(contract: ContractFacts | undefined, plannedHours: number, absenceHours = 0): Check[] {
  if (contract === undefined || plannedHours <= 0) return [];
  const out: Check[] = [];
  const eps = 1e-6;
  if (plannedHours > contract.weeklyHours + eps) {
    out.push(check('au_dessus_contrat', 'alerte', `${h(plannedHours)} planifiées pour un contrat de ${h(contract.weeklyHours)} par semaine.`));
  }
  if (plannedHours + absenceHours < MIN_WEEKLY_HOURS - eps && !lowHoursAllowed(contract)) {
    out.push(check('sous_20h', 'alerte', `${h(plannedHours)} planifiées : moins de 20 h par semaine sans motif sur le contrat.`));
  }
  return out;
}
