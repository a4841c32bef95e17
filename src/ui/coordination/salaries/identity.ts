// The identity fields a coordinator keeps about a salarié, and only those (RGPD minimisation):
// name, birth date (the age rules need it), phone, prescriber, entry date. No free text on
// health or justice; `confidentialNotes` is not offered. Each field is checked by the entity's
// own schema (validateSet), so the form says what the repository would refuse, in its words.
import { validateSet } from '../../../domain/entities';
import { problem, type Problem } from '../../../domain/rules/problem';
import type { SalarieRow } from '../../../client/queries/structure';

export const IDENTITY_FIELDS = ['firstName', 'lastName', 'birthDate', 'phone', 'prescriber', 'entryDate'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type IdentityDraft = Record<IdentityField, string>;

export const IDENTITY_LABELS: Readonly<Record<IdentityField, string>> = {
  firstName: 'Prénom', lastName: 'Nom', birthDate: 'Date de naissance', phone: 'Téléphone', prescriber: 'Prescripteur', entryDate: 'Date d’entrée',
};

export const IDENTITY_TYPES: Readonly<Record<IdentityField, 'text' | 'date' | 'tel'>> = {
  firstName: 'text', lastName: 'text', birthDate: 'date', phone: 'tel', prescriber: 'text', entryDate: 'date',
};

export function identityOf(s: SalarieRow | undefined): IdentityDraft {
  return {
    firstName: s?.firstName ?? '', lastName: s?.lastName ?? '', birthDate: s?.birthDate ?? '',
    phone: s?.phone ?? '', prescriber: s?.prescriber ?? '', entryDate: s?.entryDate ?? '',
  };
}

/** The fields as written: trimmed, an empty optional field cleared (null). */
export function identitySet(d: IdentityDraft) {
  const opt = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    firstName: d.firstName.trim(), lastName: d.lastName.trim(),
    birthDate: opt(d.birthDate), phone: opt(d.phone), prescriber: opt(d.prescriber), entryDate: opt(d.entryDate),
  };
}

export function identityProblems(d: IdentityDraft, today: string): Problem[] {
  const out: Problem[] = [];
  for (const [name, value] of Object.entries(identitySet(d))) {
    const r = validateSet('salarie', { [name]: value });
    if (!r.ok) out.push(problem(`identity_${name}`, r.message));
  }
  if (d.birthDate !== '' && d.birthDate > today) out.push(problem('birth_in_future', 'La date de naissance est dans le futur.'));
  return out;
}
