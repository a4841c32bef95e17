// Exits (sorties) as the state counts them (seed 004, Fiche 2): each detailed kind falls in one
// category; an exit counts after 3 months of presence unless neutralised; the dynamic exit rate
// is (durable + transition + positive) / counted, with a usual target of 60 %.
import { addDays, addMonths, type IsoDate } from './dates';

export const EXIT_CATEGORIES = ['durable', 'transition', 'positive', 'negative', 'neutralised'] as const;
export type ExitCategory = (typeof EXIT_CATEGORIES)[number];

export const EXIT_CATEGORY_LABELS: Readonly<Record<ExitCategory, string>> = {
  durable: 'Emploi durable',
  transition: 'Emploi de transition',
  positive: 'Sortie positive',
  negative: 'Sortie négative',
  neutralised: 'Sortie neutralisée',
};

/** Each kind with its French label and category, in the order a form lists them. */
export const EXIT_KINDS = {
  cdi: { label: 'CDI, aidé ou non, chez un autre employeur', category: 'durable' },
  cdi_structure: { label: 'CDI non aidé dans la structure ou une filiale', category: 'durable' },
  cdd_6_mois_plus: { label: 'CDD non aidé de 6 mois ou plus', category: 'durable' },
  interim_6_mois_plus: { label: 'Missions d’intérim de 6 mois ou plus', category: 'durable' },
  creation_activite: { label: 'Création ou reprise d’activité à son compte', category: 'durable' },
  fonction_publique: { label: 'Intégration dans la fonction publique', category: 'durable' },
  cdd_moins_6_mois: { label: 'CDD non aidé de moins de 6 mois', category: 'transition' },
  interim_moins_6_mois: { label: 'Missions d’intérim de moins de 6 mois', category: 'transition' },
  contrat_aide: { label: 'Contrat aidé hors SIAE', category: 'transition' },
  autre_siae: { label: 'Embauche dans une autre SIAE', category: 'positive' },
  formation_qualifiante: { label: 'Entrée en formation pré-qualifiante ou qualifiante', category: 'positive' },
  retraite: { label: 'Prise des droits à la retraite', category: 'positive' },
  chomage: { label: 'Au chômage', category: 'negative' },
  inactivite: { label: 'Inactivité', category: 'negative' },
  faute_grave: { label: 'Rupture par l’employeur pour faute grave', category: 'neutralised' },
  longue_maladie: { label: 'Congé de longue maladie', category: 'neutralised' },
  maternite: { label: 'Congé de maternité', category: 'neutralised' },
  deces: { label: 'Décès', category: 'neutralised' },
  decision_justice: { label: 'Décision de justice ou administrative', category: 'neutralised' },
} as const satisfies Record<string, { label: string; category: ExitCategory }>;

export type ExitKind = keyof typeof EXIT_KINDS;
export const EXIT_KIND_NAMES = Object.keys(EXIT_KINDS) as ExitKind[];

export const DYNAMIC_EXIT_TARGET = 0.6;
export const MIN_PRESENCE_MONTHS = 3;

export function isExitKind(s: unknown): s is ExitKind {
  return typeof s === 'string' && Object.hasOwn(EXIT_KINDS, s);
}

/** The category of a kind, or null for a value that is not a known kind. */
export function exitCategory(kind: string | null | undefined): ExitCategory | null {
  return isExitKind(kind) ? EXIT_KINDS[kind].category : null;
}

export function exitKindLabel(kind: string | null | undefined): string | null {
  return isExitKind(kind) ? EXIT_KINDS[kind].label : null;
}

export interface ExitLike {
  entryDate: IsoDate;
  exitDate: IsoDate;
  kind: string | null | undefined;
}

/** Present at least 3 months: entered 2024-01-10, the exit counts from 2024-04-09 (last day worked). */
export function hasMinimumPresence(e: { entryDate: IsoDate; exitDate: IsoDate }): boolean {
  return addMonths(e.entryDate, MIN_PRESENCE_MONTHS) <= addDays(e.exitDate, 1);
}

/** Counted in the rate: a known kind, not neutralised, after 3 months of presence. */
export function isCounted(e: ExitLike): boolean {
  const category = exitCategory(e.kind);
  return category !== null && category !== 'neutralised' && hasMinimumPresence(e);
}

export interface ExitTally {
  durable: number;
  transition: number;
  positive: number;
  negative: number;
  /** Exits left out: neutralised, under 3 months of presence, or kind not yet known. */
  notCounted: number;
  counted: number;
  dynamic: number;
}

export function exitTally(exits: readonly ExitLike[]): ExitTally {
  const t: ExitTally = { durable: 0, transition: 0, positive: 0, negative: 0, notCounted: 0, counted: 0, dynamic: 0 };
  for (const e of exits) {
    const category = exitCategory(e.kind);
    if (!isCounted(e) || category === null || category === 'neutralised') {
      t.notCounted += 1;
      continue;
    }
    t[category] += 1;
    t.counted += 1;
    if (category !== 'negative') t.dynamic += 1;
  }
  return t;
}

/** Share of dynamic exits among counted ones, in [0, 1]; null when nothing is counted yet. */
export function dynamicExitRate(exits: readonly ExitLike[]): number | null {
  const t = exitTally(exits);
  return t.counted === 0 ? null : t.dynamic / t.counted;
}
