// French wording reused by the demo and the history: evaluation comments per level, the level
// names of the positioning matrix, and the labels of the diagnostic's eight dimensions.

export const LEVEL_NAMES = ['non abordé', 'découverte', 'en cours', 'acquis', 'maîtrisé'] as const;

export const LEVEL_COMMENTS: readonly (readonly string[])[] = [
  ['Positionnement à l’entrée : non abordé. Pas d’utilisation seul avant d’avoir été formé.', 'Pas encore abordé sur le chantier.'],
  ['Fait avec l’encadrant, découverte du geste.', 'Première fois, montré pas à pas.', 'A observé puis essayé avec l’encadrant à côté.'],
  ['Fait avec un peu d’aide, encore des hésitations.', 'Bonne volonté, il faut encore rappeler les consignes.', 'Le geste vient, à consolider.'],
  ['Fait seul, sans rappel des consignes.', 'Autonome et soigneux.', 'Acquis : travail propre et dans les temps.'],
  ['Maîtrisé : peut montrer aux nouveaux.', 'Montre le geste à un collègue avec patience.', 'Référent de l’équipe sur ce poste.'],
];

export const DIMENSION_LABELS = {
  langue: 'maîtrise du français', posteTravail: 'capacité à occuper un poste', logement: 'logement',
  accesDroit: 'accès aux droits', mobilite: 'mobilité', ressources: 'ressources', justice: 'justice',
  disponibilite: 'disponibilité',
} as const;

/** `2026-11-05` → `05/11/2026`, as the French read dates. */
export function frenchDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
