// Who may sign a CDI inclusion or a contrat passerelle, on a given date. Shared by the contract
// checks and the PASS prolongation checks (a CDI inclusion prolongs the PASS), hence its own file.
import { addMonths, fullMonthsBetween, fullYearsBetween, type IsoDate } from './dates';
import { frDate, type Problem } from './problem';
import { blocking } from './severity';

export const CDI_INCLUSION_MIN_AGE = 57;
export const CDI_INCLUSION_MIN_PARCOURS_MONTHS = 12;
export const PASSERELLE_MIN_PARCOURS_MONTHS = 4;
export const PASSERELLE_STRUCTURES = ['EI', 'ACI'] as const;

/** Age in whole years on a date, or null when the birth date is unknown. */
export function ageOn(birthDate: IsoDate | null | undefined, on: IsoDate): number | null {
  return birthDate ? fullYearsBetween(birthDate, on) : null;
}

/** Problems with a minimum age on a date (birth date unknown is a problem too). */
export function minAgeProblems(birthDate: IsoDate | null | undefined, on: IsoDate, minAge: number, what: string): Problem[] {
  const age = ageOn(birthDate, on);
  if (age === null) return [blocking('birth_date_missing', `Renseignez la date de naissance du salarié : ${what} demande d’avoir ${minAge} ans ou plus.`)];
  if (age < minAge) return [blocking('age_too_low', `${capitalise(what)} demande d’avoir ${minAge} ans ou plus (le salarié aura ${age} ans le ${frDate(on)}).`)];
  return [];
}

export function cdiInclusionProblems(birthDate: IsoDate | null | undefined, parcoursStart: IsoDate, on: IsoDate): Problem[] {
  const out = minAgeProblems(birthDate, on, CDI_INCLUSION_MIN_AGE, 'le CDI inclusion');
  if (fullMonthsBetween(parcoursStart, on) < CDI_INCLUSION_MIN_PARCOURS_MONTHS) {
    out.push(blocking('parcours_too_short', `Le CDI inclusion est possible après ${CDI_INCLUSION_MIN_PARCOURS_MONTHS} mois de parcours, à partir du ${frDate(addMonths(parcoursStart, CDI_INCLUSION_MIN_PARCOURS_MONTHS))}.`));
  }
  return out;
}

/** CDI inclusion: aged 57 or more and at least 12 months into the parcours on that date. */
export function isCdiInclusionEligible(birthDate: IsoDate | null | undefined, parcoursStart: IsoDate, on: IsoDate): boolean {
  return cdiInclusionProblems(birthDate, parcoursStart, on).length === 0;
}

export function passerelleProblems(structureType: string, parcoursStart: IsoDate, on: IsoDate): Problem[] {
  const out: Problem[] = [];
  if (!(PASSERELLE_STRUCTURES as readonly string[]).includes(structureType)) {
    out.push(blocking('passerelle_structure', 'Le contrat passerelle est réservé aux EI et aux ACI.'));
  }
  if (fullMonthsBetween(parcoursStart, on) < PASSERELLE_MIN_PARCOURS_MONTHS) {
    out.push(blocking('parcours_too_short', `Le contrat passerelle est possible après ${PASSERELLE_MIN_PARCOURS_MONTHS} mois de parcours, à partir du ${frDate(addMonths(parcoursStart, PASSERELLE_MIN_PARCOURS_MONTHS))}.`));
  }
  return out;
}

/** Contrat passerelle: from an EI or an ACI, at least 4 months into the parcours. */
export function isPasserelleEligible(structureType: string, parcoursStart: IsoDate, on: IsoDate): boolean {
  return passerelleProblems(structureType, parcoursStart, on).length === 0;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
