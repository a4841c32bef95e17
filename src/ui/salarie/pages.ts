// The salarié's three screens and their addresses, in their words: one place for the tab bar,
// the router and the lent tablet, so they never disagree. '#/' is « Ma semaine ». The printable
// attestation (#/mon-attestation) is a page under « Mes papiers », not a tab of its own: both the
// router and the lent tablet reach it through `salariePageOf`, so it needs no route of its own.
import { CalendarDays, FolderOpen, TrendingUp, type IconNode } from 'lucide';

export type SalariePage = 'semaine' | 'progres' | 'papiers' | 'attestation';

/** The printable attestation de compétences, reached from « Mes papiers ». */
export const ATTESTATION_ROUTE = '/mon-attestation';

/** The tabs (the attestation is none of them). */
export const SALARIE_PAGES: readonly { page: SalariePage; route: string; label: string; icon: IconNode }[] = [
  { page: 'semaine', route: '/', label: 'Ma semaine', icon: CalendarDays },
  { page: 'progres', route: '/mes-progres', label: 'Mes progrès', icon: TrendingUp },
  { page: 'papiers', route: '/mes-papiers', label: 'Mes papiers', icon: FolderOpen },
];

/** The page for a route; any other route (an ETI's address typed on a lent tablet) is the week. */
export function salariePageOf(route: string): SalariePage {
  if (route === ATTESTATION_ROUTE) return 'attestation';
  return SALARIE_PAGES.find((p) => p.route === route)?.page ?? 'semaine';
}

/** The tab lit for a page: the attestation sits under « Mes papiers ». */
export function salarieTabOf(page: SalariePage): SalariePage {
  return page === 'attestation' ? 'papiers' : page;
}
