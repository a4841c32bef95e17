// What the device and the server know about the synced entities without their field schemas:
// the entity names, the enumerations the schemas and the screens share, the facts the access
// rules need (which fields are confidential, which entities are per salarié) and each entity's
// upgrade steps (its schema version). No zod here: the device's first screen needs these and
// not the validation, which it loads only when it writes (entities.ts holds the schemas and
// re-exports all of this, so a module needing both imports entities.ts as before).
import { COMPETENCE_UPGRADES } from './records/competenceUpgrades';
import { SALARIE_UPGRADES } from './records/salarieUpgrades';
import type { UpgradeStep } from './records/upgrades';

export const ENTITY_NAMES = [
  'structure', 'user', 'salarie', 'team', 'membership', 'contract', 'passIae', 'suspension',
  'prolongation', 'pmsmp', 'diagnostic', 'chantier', 'planningSlot', 'assignment', 'timeEntry',
  'activity', 'competence', 'evaluation', 'objective', 'logEntry', 'review', 'badge', 'monthClose',
  'onboarding', 'decision',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

export function isEntityName(s: unknown): s is EntityName {
  return typeof s === 'string' && (ENTITY_NAMES as readonly string[]).includes(s);
}

export const STRUCTURE_TYPES = ['ACI', 'EI', 'AI', 'ETTI', 'EITI'] as const;
export const ROLES = ['coordinator', 'eti', 'salarie'] as const;
export const LOG_CATEGORIES = ['integration', 'comportement', 'technique', 'atouts', 'freins', 'entretien', 'bilan', 'alerte'] as const;
export const VISIBILITIES = ['private', 'team', 'salarie'] as const;
export const EVALUATION_CONTEXTS = ['production', 'afest', 'pmsmp', 'self'] as const;
export const ABSENCE_TYPES = ['maladie', 'accident_travail', 'absence_injustifiee', 'formation', 'pmsmp', 'conge'] as const;
export const CONTRACT_TYPES = ['cddi', 'cddu', 'mission', 'cdi_inclusion', 'passerelle'] as const;
export const COMPETENCE_KINDS = ['technique', 'securite', 'savoir_etre'] as const;
export const SUSPENSION_REASONS = [
  'contract_suspended', 'contract_broken', 'finished_contract', 'approval_between_cta_members', 'contrat_passerelle',
  'sick', 'maternity', 'incarceration', 'trial_outside_iae', 'detoxification', 'force_majeure',
] as const;
export const PROLONGATION_REASONS = ['cdi_inclusion', 'training', 'rqth', 'senior', 'particular_difficulties'] as const;
export const DIAGNOSTIC_DIMENSIONS = [
  'langue', 'posteTravail', 'logement', 'accesDroit', 'mobilite', 'ressources', 'justice', 'disponibilite',
] as const;

/** The accueil checklist of a new salarié: one dated field per item (`<item>On`). */
export const ONBOARDING_ITEMS = ['visite', 'reglement', 'securite', 'epi', 'personnes', 'droits'] as const;

export type Role = (typeof ROLES)[number];
export type Visibility = (typeof VISIBILITIES)[number];
export type LogCategory = (typeof LOG_CATEGORIES)[number];

/** Entities that are about one salarié and carry `salarieId` (access is scoped by it). */
export const SALARIE_ENTITIES: ReadonlySet<EntityName> = new Set<EntityName>([
  'contract', 'passIae', 'suspension', 'prolongation', 'pmsmp', 'diagnostic', 'assignment',
  'timeEntry', 'evaluation', 'objective', 'logEntry', 'badge', 'onboarding', 'decision',
]);

/**
 * Fields a salarié never receives, even on their own record. Each is a field of its entity's
 * schema (entities.ts checks it when it compiles).
 */
export const CONFIDENTIAL_FIELDS = {
  salarie: ['confidentialNotes', 'prescriber'],
  contract: ['notes'],
  prolongation: ['notes'],
} as const satisfies Partial<Record<EntityName, readonly string[]>>;

export function confidentialFields(entity: EntityName): readonly string[] {
  return (CONFIDENTIAL_FIELDS as Partial<Record<EntityName, readonly string[]>>)[entity] ?? [];
}

/**
 * How older shapes of each entity's record become today's, oldest first (records/upgrades.ts):
 * the entity's schema version is 1 + their number; an entity not listed is at version 1. Never
 * edit a shipped step; add one (written in records/<entity>Upgrades.ts).
 */
export const ENTITY_UPGRADES: Readonly<Partial<Record<EntityName, readonly UpgradeStep[]>>> = {
  salarie: SALARIE_UPGRADES,
  competence: COMPETENCE_UPGRADES,
};
