// The accueil checklist of a new salarié (rules, safety, people to ask, rights and duties): its
// items, and the merged state of possibly several onboarding records (two tablets may each
// create one offline; the earliest tick of each item wins, so no tick is ever lost).
import { ONBOARDING_ITEMS } from '../entityConstants';
import type { IsoDate } from '../rules/dates';

export type OnboardingItem = (typeof ONBOARDING_ITEMS)[number];
export { ONBOARDING_ITEMS };

export const ONBOARDING_LABELS: Readonly<Record<OnboardingItem, { label: string; hint: string }>> = {
  visite: { label: 'Visite des lieux et présentation de l’équipe', hint: 'Vestiaires, locaux, véhicules, chantiers.' },
  reglement: { label: 'Règlement intérieur expliqué', hint: 'Horaires, absences, retards, pauses.' },
  securite: { label: 'Consignes de sécurité données', hint: 'Gestes qui protègent, zones dangereuses, que faire en cas d’accident.' },
  epi: { label: 'EPI remis et essayés', hint: 'Chaussures, gants, lunettes, casque antibruit…' },
  personnes: { label: 'Personnes ressources présentées', hint: 'Encadrant, CIP, coordination : à qui demander quoi.' },
  droits: { label: 'Droits et devoirs expliqués', hint: 'Contrat, paie, mutuelle, formation, représentants du personnel.' },
};

export const onboardingField = (item: OnboardingItem): `${OnboardingItem}On` => `${item}On`;

export type OnboardingState = Record<OnboardingItem, IsoDate | null>;

export function mergeOnboarding(records: readonly Readonly<Record<string, unknown>>[]): OnboardingState {
  const out = Object.fromEntries(ONBOARDING_ITEMS.map((i) => [i, null])) as OnboardingState;
  for (const r of records) {
    for (const item of ONBOARDING_ITEMS) {
      const v = r[onboardingField(item)];
      if (typeof v !== 'string') continue;
      const cur = out[item];
      if (cur === null || v < cur) out[item] = v;
    }
  }
  return out;
}

export function onboardingProgress(state: OnboardingState): { done: number; total: number; missing: OnboardingItem[] } {
  const missing = ONBOARDING_ITEMS.filter((i) => state[i] === null);
  return { done: ONBOARDING_ITEMS.length - missing.length, total: ONBOARDING_ITEMS.length, missing };
}

/** The reminder applies during the first weeks only: afterwards the checklist is a record, not a to-do. */
export const ONBOARDING_WINDOW_DAYS = 60;

/** Without an entry date a newcomer cannot be told from someone here for years, so only a
 * checklist already started (one item ticked) reminds: « Aujourd'hui » must not nag about everyone. */
export function needsOnboardingReminder(state: OnboardingState, entryDate: IsoDate | null | undefined, today: IsoDate): boolean {
  const { done, missing } = onboardingProgress(state);
  if (missing.length === 0) return false;
  if (!entryDate) return done > 0;
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${entryDate}T00:00:00Z`)) / 86_400_000;
  return days >= 0 && days <= ONBOARDING_WINDOW_DAYS;
}
