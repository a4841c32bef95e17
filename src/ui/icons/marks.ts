// The icons of states the domain names (an objective's state, a check's severity): the domain
// gives the state and its French word, the screens draw this icon beside the word, so a state
// never rests on colour alone and never on a symbol that needs a font.
import { Ban, CircleArrowRight, CircleCheck, Hourglass, Info, TriangleAlert, type IconNode } from 'lucide';
import type { ObjectiveState } from '../../domain/competences/objectives';
import type { Severity } from '../../domain/production/check';

export const OBJECTIVE_STATE_ICONS = {
  atteint: CircleCheck,
  en_cours: CircleArrowRight,
  a_echeance: Hourglass,
  en_retard: TriangleAlert,
} satisfies Record<ObjectiveState, IconNode>;

export const SEVERITY_ICONS = {
  refus: Ban,
  alerte: TriangleAlert,
  info: Info,
} satisfies Record<Severity, IconNode>;
