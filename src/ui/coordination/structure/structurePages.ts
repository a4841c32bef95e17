// The structure's administration pages, grouped under one tab « Structure » (#/structure) so the
// coordinator's tab bar keeps the daily work (salariés, parcours, heures…) and the pages used
// once in a while sit one tap further. One list serves the hub's cards, the tab's « current »
// state and the back link, so a page added here appears in all three. The routes are the old
// ones, unchanged: bookmarks and links from other screens (« Premiers pas ») keep working.

export interface StructurePageLink {
  /** The route, as `useRoute` gives it (the hash without `#`). */
  route: string;
  label: string;
  /** One line: what the coordinator does there. */
  description: string;
}

export const STRUCTURE_ROUTE = '/structure';

export const STRUCTURE_PAGES = [
  { route: '/equipes-structure', label: 'Équipes', description: 'Créer les équipes, choisir leurs encadrants et leur activité, y faire entrer ou sortir des salariés.' },
  { route: '/import', label: 'Importer', description: 'Reprendre des salariés d’un tableur (CSV) ou des fiches des Emplois de l’inclusion, avec un aperçu avant d’enregistrer.' },
  { route: '/comptes', label: 'Comptes', description: 'Créer les identifiants des encadrants et des salariés, changer un mot de passe, désactiver un compte.' },
  { route: '/tablettes', label: 'Tablettes', description: 'Voir les tablettes connectées et révoquer une tablette perdue : ses données s’effacent.' },
  { route: '/journal-des-acces', label: 'Journal des accès', description: 'Voir qui a lu des données confidentielles (diagnostics, entrées privées, exports) et quand.' },
  { route: '/premiers-pas', label: 'Premiers pas', description: 'Les réglages de la structure (type, SIRET, annexe financière), une première équipe et un référentiel.' },
  { route: '/conservation', label: 'Conservation des dossiers', description: 'Choisir combien de temps garder le dossier d’un salarié sorti, et voir ceux à effacer (RGPD).' },
] as const satisfies readonly StructurePageLink[];

/** The hub or one of its pages: the tab « Structure » is current there. */
export function isStructureRoute(route: string): boolean {
  return route === STRUCTURE_ROUTE || STRUCTURE_PAGES.some((p) => p.route === route);
}
