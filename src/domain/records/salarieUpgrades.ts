// The upgrade steps of the `salarie` record (see upgrades.ts for how steps are applied).
import { EXIT_KINDS, isExitKind, type ExitKind } from '../rules/exits';
import type { UpgradeStep } from './upgrades';

/** Labels an older free-text « type de sortie » may hold, back to their kind. */
const KIND_BY_LABEL: ReadonlyMap<string, ExitKind> = new Map(
  (Object.entries(EXIT_KINDS) as [ExitKind, { label: string }][]).map(([kind, { label }]) => [label.toLocaleLowerCase('fr'), kind]),
);

export const SALARIE_UPGRADES: readonly UpgradeStep[] = [
  {
    to: 2,
    why: '« exitCategory » held an exit kind (seed 004, Fiche 2) under a wrong name, or free text. '
      + 'The kind becomes « exitKind » (one of EXIT_KINDS, so the exit rate can count it); text that is '
      + 'no kind is kept as « exitDetail », where the coordinator can read it and choose the kind.',
    field(name, value) {
      if (name !== 'exitCategory') return undefined;
      if (value === null || value === undefined || value === '') return { exitKind: null };
      if (isExitKind(value)) return { exitKind: value };
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      const byLabel = KIND_BY_LABEL.get(text.trim().toLocaleLowerCase('fr'));
      return byLabel === undefined ? { exitDetail: text } : { exitKind: byLabel };
    },
  },
];
