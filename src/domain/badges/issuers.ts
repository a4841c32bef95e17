// Who may issue a badge: the coordination always; an ETI only for a salarié of their team and only
// when the structure allows it (`structure.etiMayIssueBadges`); a salarié never (a badge is the
// structure's word, not their own). Pure: the screens hide the button, the server rejects the push.
import type { Role } from '../entities';

export interface IssuerFacts {
  role: Role;
  /** The salarié is in one of the writer's teams today (always true for the coordination). */
  ownsSalarie: boolean;
  /** The structure's setting « Les encadrants peuvent délivrer des badges ». */
  etiMayIssueBadges: boolean;
}

export function mayIssueBadges(f: IssuerFacts): boolean {
  if (f.role === 'coordinator') return true;
  if (f.role === 'eti') return f.etiMayIssueBadges && f.ownsSalarie;
  return false;
}
