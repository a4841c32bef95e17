// The first run of a structure: when to show it, the checks of the structure's settings, and
// which steps are done. Pure, so the router and the page agree on « is this structure set up? ».
import type { STRUCTURE_TYPES } from '../entities';
import { blocking, warning, type ImportProblem } from './common';

/**
 * A coordinator whose structure has no team yet starts on the first-run page. `synced` is false
 * on a tablet that has not pulled its structure yet (its structure record is missing): an empty
 * device is not an empty structure, and sending that coordinator to « Premiers pas » would be wrong.
 */
export function needsSetup(input: { role: string | undefined; teamCount: number; synced: boolean }): boolean {
  return input.role === 'coordinator' && input.synced && input.teamCount === 0;
}

export type StructureType = (typeof STRUCTURE_TYPES)[number];

export interface StructureDraft {
  name: string;
  type: StructureType | '';
  siret: string;
  annexeFinanciere: string;
  etiMayEditReferentiel: boolean;
}

/** SIREN/SIRET check digit (Luhn); La Poste's establishments use a sum divisible by 5 instead. */
export function siretChecksumOk(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith('356000000')) return [...siret].reduce((a, c) => a + Number(c), 0) % 5 === 0;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(siret[13 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The SIRET as typed, without the spaces people put between its groups. */
export function cleanSiret(s: string): string {
  return s.replace(/[\s.]/g, '');
}

/** Field problems of the structure form, shown as the user types (by field name). */
export function structureProblems(d: StructureDraft): Partial<Record<keyof StructureDraft, ImportProblem>> {
  const out: Partial<Record<keyof StructureDraft, ImportProblem>> = {};
  if (d.name.trim() === '') out.name = blocking('name_missing', 'name', 'Le nom de la structure est obligatoire.');
  else if (d.name.trim().length > 200) out.name = blocking('name_long', 'name', 'Nom trop long (200 caractères au plus).');
  if (d.type === '') out.type = blocking('type_missing', 'type', 'Choisissez le type de SIAE.');
  const siret = cleanSiret(d.siret);
  if (siret !== '' && !/^\d{14}$/.test(siret)) out.siret = blocking('siret_format', 'siret', `Le SIRET compte 14 chiffres (${siret.replace(/\D/g, '').length} saisis).`);
  else if (siret !== '' && !siretChecksumOk(siret)) out.siret = warning('siret_checksum', 'siret', 'La clé de contrôle de ce SIRET ne correspond pas : vérifiez-le sur votre Kbis ou l’avis de situation Insee.');
  const annexe = d.annexeFinanciere.trim();
  if (annexe.length > 200) out.annexeFinanciere = blocking('annexe_long', 'annexeFinanciere', 'Numéro trop long (200 caractères au plus).');
  else if (annexe !== '' && !/^[A-Z]{2,4}\d{3}\d{2}\d{4,5}A\d{1,2}M\d{1,2}$/.test(annexe.toUpperCase().replace(/\s/g, ''))) {
    out.annexeFinanciere = warning('annexe_format', 'annexeFinanciere', 'Format inhabituel : un numéro d’annexe financière ressemble à ACI075210001A0M0.');
  }
  return out;
}

export interface SetupFacts {
  structure: { siret?: string | null; annexeFinanciere?: string | null } | undefined;
  teamCount: number;
  competenceCount: number;
  etiLoginCount: number;
  salarieCount: number;
}

export type SetupStep = 'structure' | 'team' | 'referentiel' | 'logins' | 'salaries';

/** Which steps are done: settings with SIRET and annexe, a team, a competence, an ETI login, a salarié. */
export function setupDone(f: SetupFacts): Record<SetupStep, boolean> {
  return {
    structure: (f.structure?.siret ?? '') !== '' && (f.structure?.annexeFinanciere ?? '') !== '',
    team: f.teamCount > 0,
    referentiel: f.competenceCount > 0,
    logins: f.etiLoginCount > 0,
    salaries: f.salarieCount > 0,
  };
}
