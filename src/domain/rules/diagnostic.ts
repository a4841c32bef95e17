// The diagnostic socio-professionnel (seed 004 §2.2): eight dimensions, each on four levels from
// vulnérable (1) to disponible (4), with the reference table's wording; and how each dimension
// moved between the first and the latest diagnostic, the progress worth showing.
import { DIAGNOSTIC_DIMENSIONS } from '../entities';
import type { IsoDate } from './dates';

export type DiagnosticDimension = (typeof DIAGNOSTIC_DIMENSIONS)[number];
export type DiagnosticLevel = 1 | 2 | 3 | 4;
export { DIAGNOSTIC_DIMENSIONS };

export const DIAGNOSTIC_LEVELS: readonly DiagnosticLevel[] = [1, 2, 3, 4];
export const DIAGNOSTIC_SCALE_LABELS = { low: 'Vulnérable', high: 'Disponible' } as const;

export const DIAGNOSTIC_DIMENSION_LABELS: Readonly<Record<DiagnosticDimension, string>> = {
  langue: 'Maîtrise de la langue française',
  posteTravail: 'Capacité à occuper un poste de travail',
  logement: 'Logement',
  accesDroit: 'Accès au droit',
  mobilite: 'Mobilité',
  ressources: 'Ressources financières',
  justice: 'Justice',
  disponibilite: 'Disponibilité',
};

/** The reference table of the Plateforme de l'inclusion, level 1 to 4, as printed in the seed. */
export const DIAGNOSTIC_LEVEL_LABELS: Readonly<Record<DiagnosticDimension, readonly [string, string, string, string]>> = {
  langue: ['Analphabète à illettré', 'Relève d’une formation FLE et/ou savoirs de base', 'Laborieuse à limitée', 'Bonne à parfaite'],
  posteTravail: [
    'Est dans l’incapacité immédiate d’occuper un poste de travail',
    'A besoin d’un accompagnement avant de pouvoir occuper un poste de travail',
    'Peut occuper un poste de travail dans des conditions aménagées',
    'Peut occuper un poste de travail dans des conditions ordinaires',
  ],
  logement: ['SDF', 'Hébergement collectif de type CHRS, CADA…', 'Hébergement hors structure sociale, logement insalubre, risque de perte de logement', 'Logement stable'],
  accesDroit: [
    'Ne connaît pas ses droits, en situation de non-recours',
    'Renoncement, rupture ou difficulté de renouvellement de droits',
    'Connaît ses droits, démarches en cours',
    'Bénéficie des droits afférents à sa situation',
  ],
  mobilite: [
    'Ne sait pas se rendre seul à son lieu de travail',
    'Sait organiser son covoiturage et/ou possède un véhicule mais problème de mise en règle (assurance, contrôle technique…)',
    'Sait utiliser les transports en commun et/ou possède un véhicule 2 roues',
    'Possède un véhicule et un permis de conduire conformes, covoiturage possible',
  ],
  ressources: [
    'Situation de surendettement sans dépôt de dossier et/ou sans ressources',
    'Surendettement avec dossier déposé et suivi',
    'Besoins primaires assurés au jour le jour et/ou mesure de protection type curatelle',
    'Sait gérer son budget, avec capacité de financer par exemple un permis de conduire',
  ],
  justice: ['Exécution de peine en cours', 'Suivi SPIP/PJJ après exécution de peine', 'Aucun suivi en cours', 'Aucun suivi en cours'],
  disponibilite: [
    'Faible voire difficile (garde d’enfant, ascendant, famille)',
    'À organiser',
    'Immédiate avec des contraintes horaires',
    'Immédiate et sans contraintes horaires',
  ],
};

export function diagnosticLevelLabel(dimension: DiagnosticDimension, level: DiagnosticLevel): string {
  return DIAGNOSTIC_LEVEL_LABELS[dimension][level - 1] ?? '';
}

export interface DiagnosticLike {
  id?: string;
  date: IsoDate;
  levels: Partial<Record<DiagnosticDimension, number>>;
}

export interface DimensionEvolution {
  dimension: DiagnosticDimension;
  first: { level: DiagnosticLevel; date: IsoDate } | null;
  last: { level: DiagnosticLevel; date: IsoDate } | null;
  /** last − first: positive is progress towards disponible; null without any level. */
  delta: number | null;
}

function asLevel(n: number | undefined): DiagnosticLevel | null {
  return n === 1 || n === 2 || n === 3 || n === 4 ? n : null;
}

/** Per dimension, the first and latest levels given (a diagnostic may leave a dimension blank). */
export function diagnosticEvolution(diagnostics: readonly DiagnosticLike[]): DimensionEvolution[] {
  const sorted = [...diagnostics].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : (a.id ?? '') < (b.id ?? '') ? -1 : (a.id ?? '') > (b.id ?? '') ? 1 : 0));
  return DIAGNOSTIC_DIMENSIONS.map((dimension) => {
    let first: DimensionEvolution['first'] = null;
    let last: DimensionEvolution['last'] = null;
    for (const d of sorted) {
      const level = asLevel(d.levels[dimension]);
      if (level === null) continue;
      first ??= { level, date: d.date };
      last = { level, date: d.date };
    }
    return { dimension, first, last, delta: first && last ? last.level - first.level : null };
  });
}
