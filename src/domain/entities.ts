// Every synced entity of the contract: its fields with runtime validation (one schema per
// entity, shared by client and server) and French labels beside the English names. The facts
// the access rules need (which fields are confidential, which entities are per salarié), each
// entity's upgrade steps (its schema version) and the enumerations are in entityConstants.ts,
// without zod, and re-exported here. The device loads this module when it first validates a
// write (client/schemas.ts), not with its first screen.
import { z } from 'zod';
import {
  ABSENCE_TYPES, COMPETENCE_KINDS, CONTRACT_TYPES, DIAGNOSTIC_DIMENSIONS, EVALUATION_CONTEXTS, LOG_CATEGORIES,
  PROLONGATION_REASONS, ROLES, STRUCTURE_TYPES, SUSPENSION_REASONS, VISIBILITIES,
  type CONFIDENTIAL_FIELDS, type EntityName,
} from './entityConstants';
import { isRecordId } from './ids';
import { EXIT_KIND_NAMES, type ExitKind } from './rules/exits';
import { hasNonFiniteNumber, ownValue, PROTOTYPE_NAMES } from './ownKeys';

// The names, enumerations, confidential fields and upgrade steps live in entityConstants.ts (no
// zod: the device's first screen needs them without the schemas); re-exported here, so a module
// that imports entities.ts finds them as before.
export {
  ABSENCE_TYPES, COMPETENCE_KINDS, confidentialFields, CONFIDENTIAL_FIELDS, CONTRACT_TYPES, DIAGNOSTIC_DIMENSIONS,
  ENTITY_NAMES, ENTITY_UPGRADES, EVALUATION_CONTEXTS, isEntityName, LOG_CATEGORIES, ONBOARDING_ITEMS,
  PROLONGATION_REASONS, ROLES, SALARIE_ENTITIES, STRUCTURE_TYPES, SUSPENSION_REASONS, VISIBILITIES,
} from './entityConstants';
export type { EntityName, LogCategory, Role, Visibility } from './entityConstants';

// --- field building blocks -------------------------------------------------------------
const SHORT = 200;
const LONG = 10_000;
const id = z.string().refine(isRecordId, { message: 'identifiant invalide (UUID ou ULID attendu)' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date invalide (AAAA-MM-JJ attendu)')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'date inexistante');
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'mois invalide (AAAA-MM attendu)');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'heure invalide (HH:mm attendu)');
const isoDateTime = z.string().max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'horodatage invalide (ISO 8601 attendu)')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'horodatage invalide');
const short = z.string().max(SHORT, `texte trop long (${SHORT} caractères au plus)`);
const long = z.string().max(LONG, `texte trop long (${LONG} caractères au plus)`);
const hours = z.number().finite().min(0, 'heures négatives').max(24, 'plus de 24 heures');
const weeklyHours = z.number().finite().min(0).max(48, 'plus de 48 heures par semaine');
const level = z.number().int('niveau entier attendu').min(0, 'niveau de 0 à 4').max(4, 'niveau de 0 à 4');
const ids = z.array(id).max(200);
const shortList = z.array(short).max(50);

/** A required field, with its French label. */
function req<T extends z.ZodTypeAny>(schema: T, label: string) {
  return { schema, label, required: true as const };
}
/** An optional field: absent or null (null clears it). */
function opt<T extends z.ZodTypeAny>(schema: T, label: string) {
  return { schema: schema.nullable(), label, required: false as const };
}
type FieldSpec = { schema: z.ZodTypeAny; label: string; required: boolean };

export interface EntitySpec {
  label: string;
  fields: Record<string, FieldSpec>;
  /** Groups of optional fields of which a live record sets exactly one (a badge: competence or activity). */
  exactlyOne?: readonly (readonly string[])[];
}

const diagnosticLevels = z.object(
  Object.fromEntries(DIAGNOSTIC_DIMENSIONS.map((d) => [d, z.number().int().min(1).max(4).optional()])) as Record<(typeof DIAGNOSTIC_DIMENSIONS)[number], z.ZodOptional<z.ZodNumber>>,
).strict();

const phase = z.object({
  name: z.enum(['commande', 'approvisionnement', 'production', 'livraison']),
  status: z.enum(['a_faire', 'en_cours', 'termine']),
}).strict();

export const ENTITIES = {
  structure: { label: 'Structure', fields: {
    name: req(short.min(1, 'nom requis'), 'Nom'),
    type: req(z.enum(STRUCTURE_TYPES), 'Type de SIAE'),
    etiMayEditReferentiel: opt(z.boolean(), 'Les ETI peuvent modifier le référentiel'),
    etiMayIssueBadges: opt(z.boolean(), 'Les encadrants peuvent délivrer des badges'),
    lowHoursWaiver: opt(z.boolean(), 'Dérogation préfectorale heures < 20 h'),
    siret: opt(z.string().regex(/^\d{14}$/, 'SIRET à 14 chiffres'), 'SIRET'),
    annexeFinanciere: opt(short, 'Numéro d’annexe financière'),
    // RGPD: how long an exited salarié's file is kept before the coordination is asked to erase it.
    retentionMonths: opt(z.number().int().min(1).max(240), 'Durée de conservation après la sortie (mois)'),
  } },
  user: { label: 'Utilisateur', fields: {
    login: req(short.min(1), 'Identifiant'),
    displayName: req(short.min(1), 'Nom affiché'),
    role: req(z.enum(ROLES), 'Rôle'),
    salarieId: opt(id, 'Salarié lié'),
    active: opt(z.boolean(), 'Actif'),
  } },
  salarie: { label: 'Salarié', fields: {
    firstName: req(short.min(1, 'prénom requis'), 'Prénom'),
    lastName: req(short.min(1, 'nom requis'), 'Nom'),
    birthDate: opt(isoDate, 'Date de naissance'),
    entryDate: opt(isoDate, 'Date d’entrée'),
    exitDate: opt(isoDate, 'Date de sortie'),
    exitKind: opt(z.enum(EXIT_KIND_NAMES as [ExitKind, ...ExitKind[]]), 'Type de sortie'),
    exitDetail: opt(long, 'Précisions sur la sortie'),
    rqth: opt(z.boolean(), 'RQTH'),
    amenagements: opt(long, 'Aménagements de poste'),
    phone: opt(short, 'Téléphone'),
    confidentialNotes: opt(long, 'Notes confidentielles'),
    prescriber: opt(short, 'Prescripteur'),
  } },
  team: { label: 'Équipe', fields: {
    name: req(short.min(1, 'nom requis'), 'Nom'),
    etiUserIds: req(ids, 'Encadrants'),
    activityId: opt(id, 'Activité'),
  } },
  membership: { label: 'Appartenance à une équipe', fields: {
    teamId: req(id, 'Équipe'),
    salarieId: req(id, 'Salarié'),
    from: req(isoDate, 'Depuis le'),
    to: opt(isoDate, 'Jusqu’au'),
  } },
  contract: { label: 'Contrat', fields: {
    salarieId: req(id, 'Salarié'),
    type: req(z.enum(CONTRACT_TYPES), 'Type de contrat'),
    start: req(isoDate, 'Début'),
    end: opt(isoDate, 'Fin'),
    weeklyHours: req(weeklyHours, 'Heures hebdomadaires'),
    lowHoursReason: opt(z.enum(['aci_waiver', 'combined_job', 'end_of_parcours']), 'Motif heures < 20 h'),
    renewalOf: opt(id, 'Renouvellement du contrat'),
    notes: opt(long, 'Notes'),
  } },
  passIae: { label: 'PASS IAE', fields: {
    salarieId: req(id, 'Salarié'),
    number: opt(z.string().regex(/^[0-9A-Z]{12}$/, 'numéro de PASS IAE à 12 caractères'), 'Numéro'),
    start: req(isoDate, 'Début'),
  } },
  suspension: { label: 'Suspension du PASS IAE', fields: {
    salarieId: req(id, 'Salarié'),
    passIaeId: req(id, 'PASS IAE'),
    start: req(isoDate, 'Début'),
    end: req(isoDate, 'Fin'),
    reason: req(z.enum(SUSPENSION_REASONS), 'Motif'),
  } },
  prolongation: { label: 'Prolongation du PASS IAE', fields: {
    salarieId: req(id, 'Salarié'),
    passIaeId: req(id, 'PASS IAE'),
    start: req(isoDate, 'Début'),
    end: req(isoDate, 'Fin'),
    reason: req(z.enum(PROLONGATION_REASONS), 'Motif'),
    decision: opt(z.enum(['pending', 'granted', 'refused']), 'Décision du prescripteur'),
    notes: opt(long, 'Notes'),
  } },
  pmsmp: { label: 'PMSMP', fields: {
    salarieId: req(id, 'Salarié'),
    company: req(short.min(1, 'entreprise requise'), 'Entreprise'),
    start: req(isoDate, 'Début'),
    end: req(isoDate, 'Fin'),
    objective: opt(long, 'Objectif'),
    outcome: opt(long, 'Bilan'),
    competenceIds: opt(ids, 'Compétences observées'),
  } },
  diagnostic: { label: 'Diagnostic socio-professionnel', fields: {
    salarieId: req(id, 'Salarié'),
    date: req(isoDate, 'Date'),
    levels: req(diagnosticLevels, 'Niveaux'),
    comment: opt(long, 'Commentaire'),
  } },
  chantier: { label: 'Chantier', fields: {
    name: req(short.min(1, 'nom requis'), 'Nom'),
    teamId: req(id, 'Équipe'),
    client: opt(short, 'Client'),
    place: opt(short, 'Lieu'),
    activityId: opt(id, 'Activité'),
    start: opt(isoDate, 'Début'),
    end: opt(isoDate, 'Fin'),
    quotedHours: opt(z.number().finite().min(0).max(1e6), 'Heures du devis'),
    quoteAmount: opt(z.number().finite().min(0).max(1e9), 'Montant du devis'),
    phases: opt(z.array(phase).max(10), 'Phases'),
    safetyNotes: opt(long, 'Consignes de sécurité'),
    hazards: opt(z.array(z.object({ date: isoDate, text: short.min(1, 'aléa vide') }).strict()).max(200), 'Aléas'),
  } },
  planningSlot: { label: 'Créneau de planning', fields: {
    teamId: req(id, 'Équipe'),
    chantierId: opt(id, 'Chantier'),
    date: req(isoDate, 'Date'),
    startTime: opt(time, 'Début'),
    endTime: opt(time, 'Fin'),
    label: opt(short, 'Libellé'),
  } },
  assignment: { label: 'Affectation', fields: {
    salarieId: req(id, 'Salarié'),
    slotId: req(id, 'Créneau'),
    task: req(short.min(1, 'tâche requise'), 'Tâche'),
    consignes: opt(long, 'Consignes'),
    checklist: opt(shortList, 'Liste de contrôle'),
    epi: opt(shortList, 'EPI'),
    competenceIds: opt(ids, 'Compétences requises'),
    hours: opt(hours, 'Heures'),
    training: opt(z.boolean(), 'En formation (encadrant à proximité)'),
  } },
  timeEntry: { label: 'Relevé d’heures', fields: {
    salarieId: req(id, 'Salarié'),
    date: req(isoDate, 'Date'),
    hours: req(hours, 'Heures travaillées'),
    absence: opt(z.enum(ABSENCE_TYPES), 'Absence'),
    absenceHours: opt(hours, 'Heures d’absence'),
    lateMinutes: opt(z.number().int().min(0).max(600), 'Retard (minutes)'),
  } },
  activity: { label: 'Activité', fields: {
    name: req(short.min(1, 'nom requis'), 'Nom'),
    romeCodes: opt(z.array(z.string().regex(/^[A-N]\d{4}$/, 'code ROME invalide')).max(20), 'Codes ROME'),
  } },
  competence: { label: 'Compétence', fields: {
    activityId: req(id, 'Activité'),
    label: req(short.min(1, 'libellé requis'), 'Libellé'),
    description: opt(long, 'Description'),
    kind: opt(z.enum(COMPETENCE_KINDS), 'Nature'),
    romeCode: opt(z.string().regex(/^[A-N]\d{4}$/, 'code ROME invalide'), 'Code ROME'),
    // A name from competences/pictogramNames.ts (drawn as SVG by the UI), never an emoji
    // (competence 1 → 2). Any short text is accepted: a name a newer release adds still syncs
    // through this one, and the screens draw nothing for a name they do not know.
    pictogram: opt(short, 'Pictogramme'),
    safetyCritical: opt(z.boolean(), 'Critique pour la sécurité'),
  } },
  evaluation: { label: 'Évaluation', fields: {
    salarieId: req(id, 'Salarié'),
    competenceId: req(id, 'Compétence'),
    level: req(level, 'Niveau'),
    context: req(z.enum(EVALUATION_CONTEXTS), 'Contexte'),
    date: req(isoDate, 'Date'),
    evaluatorId: req(id, 'Évaluateur'),
    comment: opt(long, 'Commentaire'),
  } },
  objective: { label: 'Objectif', fields: {
    salarieId: req(id, 'Salarié'),
    competenceId: req(id, 'Compétence'),
    targetLevel: req(level, 'Niveau visé'),
    dueDate: req(isoDate, 'Échéance'),
    comment: opt(long, 'Commentaire'),
  } },
  logEntry: { label: 'Entrée du livret de suivi', fields: {
    salarieId: req(id, 'Salarié'),
    authorId: req(id, 'Auteur'),
    date: req(isoDate, 'Date'),
    category: req(z.enum(LOG_CATEGORIES), 'Catégorie'),
    text: req(long.min(1, 'texte requis'), 'Texte'),
    visibility: req(z.enum(VISIBILITIES), 'Visibilité'),
    alert: req(z.boolean(), 'Alerte'),
  } },
  review: { label: 'Lecture par la coordination', fields: {
    logEntryId: req(id, 'Entrée du livret'),
    reviewerId: req(id, 'Lu par'),
    at: req(isoDateTime, 'Lu le'),
    salarieId: opt(id, 'Salarié'),
    // On an alert: what the reviewer did about it. A review with a follow-up marks the alert handled.
    followUp: opt(long, 'Suite donnée'),
  } },
  // A badge recognises one competence or one whole activity (exactly one of the two). Every badge
  // written before activities could be badged has its competenceId, so making it optional needs
  // no upgrade step: old records are valid as they are (schema version unchanged).
  badge: { label: 'Open badge', fields: {
    salarieId: req(id, 'Salarié'),
    competenceId: opt(id, 'Compétence'),
    activityId: opt(id, 'Activité'),
    issuedOn: req(isoDate, 'Délivré le'),
    issuerId: req(id, 'Délivré par'),
    evidence: opt(long, 'Preuve'),
  }, exactlyOne: [['competenceId', 'activityId']] },
  onboarding: { label: 'Accueil du salarié', fields: {
    salarieId: req(id, 'Salarié'),
    // One date per item, so two people ticking different items never conflict.
    visiteOn: opt(isoDate, 'Visite des lieux'),
    reglementOn: opt(isoDate, 'Règlement intérieur'),
    securiteOn: opt(isoDate, 'Consignes de sécurité'),
    epiOn: opt(isoDate, 'Remise des EPI'),
    personnesOn: opt(isoDate, 'Personnes ressources'),
    droitsOn: opt(isoDate, 'Droits et devoirs'),
  } },
  decision: { label: 'Échéance traitée', fields: {
    salarieId: req(id, 'Salarié'),
    // Which deadline was handled (domain/parcours: kind, record and date), so a later deadline of
    // the same record comes up again.
    deadlineKey: req(short.min(1, 'échéance requise'), 'Échéance'),
    decidedOn: req(isoDate, 'Traitée le'),
    decidedBy: req(id, 'Traitée par'),
    note: opt(long, 'Décision'),
  } },
  monthClose: { label: 'Mois validé', fields: {
    month: req(isoMonth, 'Mois'),
    closedBy: opt(id, 'Validé par'),
    closedAt: opt(isoDateTime, 'Validé le'),
  } },
} satisfies Record<EntityName, EntitySpec>;

/** The confidential fields (entityConstants.ts) that are no field of their entity: none, or this fails to compile. */
type NotAField = { [E in keyof typeof CONFIDENTIAL_FIELDS]: Exclude<(typeof CONFIDENTIAL_FIELDS)[E][number], keyof (typeof ENTITIES)[E]['fields']> }[keyof typeof CONFIDENTIAL_FIELDS];
type Nothing<T extends never> = T;
export type ConfidentialFieldsAreFields = Nothing<NotAField>;

/** Field names the server manages itself or that would confuse the merge. */
const RESERVED = new Set(['id', 'entity', 'deleted', 'clocks', 'fields', '__proto__', 'constructor', 'prototype']);
const EXTRA_FIELD_RE = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
const MAX_EXTRA_VALUE_CHARS = 10_000;

export type ValidationResult = { ok: true } | { ok: false; field: string; message: string };

/**
 * Validate the fields a change sets. Known fields must match their schema (null clears an
 * optional one); unknown fields are allowed for forward compatibility but must be plain,
 * small JSON. `structureId` is checked by the caller against the user's structure.
 */
export function validateSet(entity: EntityName, set: Record<string, unknown>): ValidationResult {
  const spec: EntitySpec = ENTITIES[entity];
  for (const [name, value] of Object.entries(set)) {
    if (name === 'structureId') {
      if (!isRecordId(value)) return { ok: false, field: name, message: 'structureId invalide (UUID attendu)' };
      continue;
    }
    if (RESERVED.has(name)) return { ok: false, field: name, message: `champ réservé « ${name} »` };
    // A name Object.prototype holds (`valueOf`, `toString`…) would read an inherited member
    // wherever records are indexed by field name: no entity has such a field, none may be added.
    if (PROTOTYPE_NAMES.has(name)) return { ok: false, field: name, message: `nom de champ réservé « ${name} »` };
    const f = ownValue(spec.fields, name);
    if (f) {
      if (value === null && f.required) return { ok: false, field: name, message: `${f.label} : champ obligatoire, ne peut être vidé` };
      const r = f.schema.safeParse(value);
      if (!r.success) return { ok: false, field: name, message: `${f.label} : ${r.error.issues[0]?.message ?? 'valeur invalide'}` };
      continue;
    }
    if (!EXTRA_FIELD_RE.test(name)) return { ok: false, field: name, message: `nom de champ invalide « ${name.slice(0, 64)} »` };
    const text = JSON.stringify(value);
    if (text === undefined || text.length > MAX_EXTRA_VALUE_CHARS) return { ok: false, field: name, message: `valeur trop grande ou invalide pour « ${name} »` };
    // JSON.stringify turns Infinity into null: the value would come back as something else.
    if (hasNonFiniteNumber(value)) return { ok: false, field: name, message: `nombre hors limites pour « ${name} »` };
  }
  return { ok: true };
}

/** A live (not deleted) record must have all its required fields. */
export function validateComplete(entity: EntityName, fields: Record<string, unknown>): ValidationResult {
  const spec: EntitySpec = ENTITIES[entity];
  for (const [name, f] of Object.entries(spec.fields)) {
    const value = ownValue(fields, name);
    if (f.required && (value === undefined || value === null)) {
      return { ok: false, field: name, message: `${spec.label} : « ${f.label} » est obligatoire` };
    }
  }
  for (const group of spec.exactlyOne ?? []) {
    const set = group.filter((name) => ownValue(fields, name) !== undefined && ownValue(fields, name) !== null);
    if (set.length !== 1) {
      const labels = group.map((name) => `« ${ownValue(spec.fields, name)?.label ?? name} »`).join(' ou ');
      return { ok: false, field: set[1] ?? group[0] ?? '', message: `${spec.label} : indiquez ${labels}, un seul des deux` };
    }
  }
  return { ok: true };
}
