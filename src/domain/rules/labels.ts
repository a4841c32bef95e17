// French labels for the enumerations of entities.ts, kept beside the rules so every screen and
// export says the same words. Typed by the enumerations: adding a value without a label fails.
import type {
  ABSENCE_TYPES, COMPETENCE_KINDS, CONTRACT_TYPES, EVALUATION_CONTEXTS, LOG_CATEGORIES,
  PROLONGATION_REASONS, ROLES, STRUCTURE_TYPES, SUSPENSION_REASONS, VISIBILITIES,
} from '../entities';

type LabelsOf<T extends readonly string[]> = Readonly<Record<T[number], string>>;

export const STRUCTURE_TYPE_LABELS = {
  ACI: 'Atelier et chantier d’insertion (ACI)',
  EI: 'Entreprise d’insertion (EI)',
  AI: 'Association intermédiaire (AI)',
  ETTI: 'Entreprise de travail temporaire d’insertion (ETTI)',
  EITI: 'Entreprise d’insertion par le travail indépendant (EITI)',
} as const satisfies LabelsOf<typeof STRUCTURE_TYPES>;

export const ROLE_LABELS = {
  coordinator: 'Coordination',
  eti: 'Encadrant technique',
  salarie: 'Salarié en insertion',
} as const satisfies LabelsOf<typeof ROLES>;

export const LOG_CATEGORY_LABELS = {
  integration: 'Intégration',
  comportement: 'Comportement',
  technique: 'Progrès techniques',
  atouts: 'Atouts',
  freins: 'Freins périphériques',
  entretien: 'Entretien',
  bilan: 'Bilan',
  alerte: 'Alerte',
} as const satisfies LabelsOf<typeof LOG_CATEGORIES>;

export const VISIBILITY_LABELS = {
  private: 'Privé',
  team: 'Équipe',
  salarie: 'Partagé avec le salarié',
} as const satisfies LabelsOf<typeof VISIBILITIES>;

/** One sentence per visibility, to tell the author who will read the entry. */
export const VISIBILITY_HINTS = {
  private: 'Vous seul pouvez lire cette note.',
  team: 'L’équipe qui accompagne ce salarié peut lire cette note.',
  salarie: 'Le salarié verra cette note dans son espace.',
} as const satisfies LabelsOf<typeof VISIBILITIES>;

export const ABSENCE_TYPE_LABELS = {
  maladie: 'Maladie',
  accident_travail: 'Accident du travail',
  absence_injustifiee: 'Absence injustifiée',
  formation: 'Formation',
  pmsmp: 'PMSMP',
  conge: 'Congé',
} as const satisfies LabelsOf<typeof ABSENCE_TYPES>;

export const CONTRACT_TYPE_LABELS = {
  cddi: 'CDDI (CDD d’insertion)',
  cddu: 'CDDU (CDD d’usage)',
  mission: 'Contrat de mission',
  cdi_inclusion: 'CDI inclusion',
  passerelle: 'Contrat passerelle',
} as const satisfies LabelsOf<typeof CONTRACT_TYPES>;

export const LOW_HOURS_REASON_LABELS = {
  aci_waiver: 'Dérogation préfectorale en ACI (dont Premières heures en chantier)',
  combined_job: 'Cumul avec un emploi à temps partiel hors SIAE',
  end_of_parcours: 'Cumul avec un contrat de droit commun en fin de parcours',
} as const satisfies Readonly<Record<'aci_waiver' | 'combined_job' | 'end_of_parcours', string>>;

export const EVALUATION_CONTEXT_LABELS = {
  production: 'Situation de production',
  afest: 'Séquence AFEST',
  pmsmp: 'PMSMP',
  self: 'Auto-évaluation',
} as const satisfies LabelsOf<typeof EVALUATION_CONTEXTS>;

export const COMPETENCE_KIND_LABELS = {
  technique: 'Geste technique',
  securite: 'Sécurité',
  savoir_etre: 'Savoir-être',
} as const satisfies LabelsOf<typeof COMPETENCE_KINDS>;

/** The national service's wording, so a coordinator recognises the reason on both sites. */
export const SUSPENSION_REASON_LABELS = {
  contract_suspended: 'Contrat de travail suspendu depuis plus de 15 jours',
  contract_broken: 'Contrat de travail rompu',
  finished_contract: 'Contrat de travail terminé',
  approval_between_cta_members: 'Situation faisant l’objet d’un accord entre les acteurs membres du CTA',
  contrat_passerelle: 'Bascule dans l’expérimentation contrat passerelle',
  sick: 'Arrêt pour longue maladie',
  maternity: 'Congé de maternité',
  incarceration: 'Incarcération',
  trial_outside_iae: 'Période d’essai auprès d’un employeur hors IAE',
  detoxification: 'Période de cure pour désintoxication',
  force_majeure: 'Raison de force majeure',
} as const satisfies LabelsOf<typeof SUSPENSION_REASONS>;

export const PROLONGATION_REASON_LABELS = {
  cdi_inclusion: 'CDI inclusion (57 ans et plus)',
  training: 'Fin d’une formation commencée pendant le parcours',
  rqth: 'Reconnaissance de la qualité de travailleur handicapé (RQTH)',
  senior: '50 ans et plus avec des difficultés particulières',
  particular_difficulties: 'Difficultés particulièrement importantes (AI et ACI)',
} as const satisfies LabelsOf<typeof PROLONGATION_REASONS>;

export const PROLONGATION_DECISION_LABELS = {
  pending: 'En attente de l’avis du prescripteur',
  granted: 'Accordée',
  refused: 'Refusée',
} as const;
