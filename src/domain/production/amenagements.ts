// Does a task conflict with a person's aménagement de poste? Aménagements are free text written
// by the team, so this looks for known constraints (loads, vibrating tools, noise, heights, …)
// in both texts. It only warns: the ETI knows the person and decides.
export interface Constraint {
  key: string;
  label: string;
  /** What the aménagement says. */
  inAmenagement: RegExp;
  /** What in the task exposes the person to it. */
  inTask: RegExp;
}

export const CONSTRAINTS: readonly Constraint[] = [
  { key: 'charges', label: 'port de charges', inAmenagement: /charge|port(er)? de|lourd|\bkg\b/i, inTask: /charg|porter|port de|sacs?\b|remorque|transpalette|balles?\b|\bkg\b|évacuation/i },
  { key: 'vibrations', label: 'outils vibrants', inAmenagement: /débroussaill|vibr|tronçonn|taille-haie|machines?\b/i, inTask: /débroussaill|tronçonn|taille-haie|tondeuse|vibr/i },
  { key: 'bruit', label: 'bruit', inAmenagement: /bruit|audit|oreille/i, inTask: /antibruit|débroussaill|tondeuse|tronçonn|presse|souffleur/i },
  { key: 'hauteur', label: 'travail en hauteur', inAmenagement: /hauteur|échelle|vertige|escabeau/i, inTask: /hauteur|échelle|escabeau|nacelle|échafaud/i },
  { key: 'debout', label: 'station debout prolongée', inAmenagement: /debout|piétin|assis/i, inTask: /debout|table de tri|caisse|piétin/i },
  { key: 'eau', label: 'travail au bord de l’eau', inAmenagement: /\beau\b|nage|noyade|berge/i, inTask: /\beau\b|berge|halage|rivière/i },
  { key: 'chimique', label: 'produits chimiques ou poussières', inAmenagement: /chimique|produit|allerg|poussière|asthm/i, inTask: /chimique|produit d|poussière|solvant|phyto/i },
];

export interface TaskText {
  task: string;
  consignes?: string | null;
  epi?: readonly string[] | null;
  checklist?: readonly string[] | null;
  competenceLabels?: readonly string[];
}

function taskText(t: TaskText): string {
  return [t.task, t.consignes ?? '', ...(t.epi ?? []), ...(t.checklist ?? []), ...(t.competenceLabels ?? [])].join(' \n ');
}

/** The constraints named in the aménagement that the task touches. */
export function amenagementConflicts(amenagements: string | null | undefined, task: TaskText): Constraint[] {
  if (amenagements == null || amenagements.trim() === '') return [];
  const text = taskText(task);
  return CONSTRAINTS.filter((c) => c.inAmenagement.test(amenagements) && c.inTask.test(text));
}
