// A contract as the form holds it (text fields, as typed) and its problems: the form's own
// checks (a date or a number not yet readable) then the domain's (rules/contracts.ts
// `checkContract`). Kept apart from the components so the new-salarié form and the contract
// form share it, and so no rule is written twice.
import { CONTRACT_TYPES } from '../../../domain/entities';
import { addDays, isIsoDate } from '../../../domain/rules/dates';
import { CDDI_MIN_WEEKLY_HOURS, checkContract, type ContractContext, type ContractLike, type ContractType, type LowHoursReason } from '../../../domain/rules/contracts';
import { problem, type Problem } from '../../../domain/rules/problem';
import type { ContractRow } from '../../../client/queries/structure';

export interface ContractDraft {
  type: ContractType;
  weeklyHours: string;
  start: string;
  end: string;
  lowHoursReason: LowHoursReason | '';
}

export function isContractType(s: string): s is ContractType {
  return (CONTRACT_TYPES as readonly string[]).includes(s);
}

/** The usual contract of each structure type, first in the list. */
export function defaultContractType(structureType: string | undefined): ContractType {
  if (structureType === 'AI') return 'cddu';
  if (structureType === 'ETTI') return 'mission';
  return 'cddi';
}

export function emptyContract(type: ContractType, start = ''): ContractDraft {
  return { type, weeklyHours: '', start, end: '', lowHoursReason: '' };
}

export function draftOf(c: ContractRow): ContractDraft {
  return { type: c.type, weeklyHours: String(c.weeklyHours).replace('.', ','), start: c.start, end: c.end ?? '', lowHoursReason: c.lowHoursReason ?? '' };
}

/** A renewal starts the day after the renewed contract ends, with the same type, hours and reason. */
export function renewalDraft(c: ContractRow): ContractDraft {
  return { ...draftOf(c), start: c.end ? addDays(c.end, 1) : '', end: '' };
}

export function parseHours(s: string): number | null {
  const t = s.trim().replace(',', '.');
  if (t === '' || !/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** The motive field is asked for a CDDI under the weekly minimum. */
export function needsLowHoursReason(d: ContractDraft): boolean {
  const h = parseHours(d.weeklyHours);
  return d.type === 'cddi' && h !== null && h < CDDI_MIN_WEEKLY_HOURS;
}

/** The draft as the rules and the repository take it, or null while a field is unreadable. */
export function contractOf(d: ContractDraft, id?: string): ContractLike | null {
  const hours = parseHours(d.weeklyHours);
  if (hours === null || !isIsoDate(d.start) || (d.end !== '' && !isIsoDate(d.end))) return null;
  return {
    ...(id === undefined ? {} : { id }),
    type: d.type, start: d.start, end: d.end === '' ? null : d.end, weeklyHours: hours,
    lowHoursReason: needsLowHoursReason(d) && d.lowHoursReason !== '' ? d.lowHoursReason : null,
  };
}

/** Every problem of the draft: unreadable fields first, then the domain's checks. */
export function contractProblems(d: ContractDraft, ctx: ContractContext | null, id?: string): Problem[] {
  const out: Problem[] = [];
  if (!isIsoDate(d.start)) out.push(problem('start_missing', 'Indiquez la date de début du contrat.'));
  if (d.end !== '' && !isIsoDate(d.end)) out.push(problem('end_invalid', 'La date de fin est incomplète.'));
  const hours = parseHours(d.weeklyHours);
  if (hours === null) out.push(problem('hours_unreadable', 'Indiquez la durée hebdomadaire en heures (par exemple 26 ou 26,5).'));
  else if (hours > 48) out.push(problem('hours_too_many', 'Une semaine compte 48 heures de travail au plus.'));
  if (ctx === null) out.push(problem('structure_unknown', 'La structure n’est pas encore sur cette tablette : synchronisez avant de saisir un contrat.'));
  const c = contractOf(d, id);
  if (out.length > 0 || c === null || ctx === null) return out;
  return checkContract(c, ctx);
}
