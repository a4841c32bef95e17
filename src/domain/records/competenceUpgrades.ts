// The upgrade steps of the `competence` record (see upgrades.ts for how steps are applied).
import { pictogramNameOf } from '../competences/pictogramNames';
import type { UpgradeStep } from './upgrades';

export const COMPETENCE_UPGRADES: readonly UpgradeStep[] = [
  {
    to: 2,
    why: '« pictogram » held an emoji, an empty box on a tablet without an emoji font. It now holds '
      + 'a pictogram name (competences/pictogramNames.ts) that the screens draw as SVG: each known '
      + 'emoji becomes its name; anything else (unknown, empty) is cleared, and the ETI picks again.',
    field(name, value) {
      if (name !== 'pictogram') return undefined;
      return { pictogram: pictogramNameOf(value) };
    },
  },
];
