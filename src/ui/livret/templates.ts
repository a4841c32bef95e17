// Quick templates for the observations an ETI writes most often: one tap fills the category,
// the visibility and a first sentence the author completes. Visibility defaults are cautious:
// what touches behaviour or freins stays with the team; praise is shared with the salarié.
import type { LogCategory, Visibility } from '../../domain/entities';

export interface LogTemplate { label: string; category: LogCategory; visibility: Visibility; text: string }

export const LOG_TEMPLATES: readonly LogTemplate[] = [
  { label: 'Bon esprit d’équipe', category: 'atouts', visibility: 'salarie', text: 'Bon esprit d’équipe aujourd’hui : aide spontanément les collègues.' },
  { label: 'Sécurité respectée', category: 'technique', visibility: 'salarie', text: 'A respecté les consignes de sécurité et porté ses EPI toute la journée.' },
  { label: 'Progrès sur un geste', category: 'technique', visibility: 'salarie', text: 'Progrès visibles sur : ' },
  { label: 'Retard', category: 'comportement', visibility: 'team', text: 'Arrivé(e) en retard ce matin. Motif donné : ' },
  { label: 'EPI oubliés', category: 'comportement', visibility: 'team', text: 'EPI oubliés ou mal portés : rappel fait sur place.' },
  { label: 'Frein mobilité', category: 'freins', visibility: 'team', text: 'Difficulté de transport évoquée : à voir avec la CIP.' },
  { label: 'Absence sans nouvelles', category: 'alerte', visibility: 'team', text: 'Absent(e) sans prévenir aujourd’hui, injoignable.' },
];
